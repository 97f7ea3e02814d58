"""A learned choice of where an indirect content ends and starts.

The clause rules of :mod:`.clauses` end a reported clause at the end of its sentence or at
the first boundary they know ("..., but", "..., which", a subordinate clause), and PolNeAR's
annotators end it at a long tail of other places: before a time ("recommending charges
against her **in July**"), before an adjunct ("as a “disgrace” **after she attacked ...**"),
before a participle phrase, or past a ", but" that the rule cut at. No fixed list covers
them, so this module learns the choice.

For each attribution whose content follows its cue, the candidate ends are the rule's own
and the token boundaries up to the next attribution (never past a cue word) that come
before a word at which PolNeAR train's annotators often departed from the rule; quotations
count as one token, so an end never falls inside one. The candidate starts are the rule's
and the words around it that often open a content ("that" after "told reporters", the
object after "urged"). A log-linear model over the words and word classes around each
candidate, its distance from the rule's boundary, the content's length and first word, and
the cue word scores every candidate, and the content takes the best; the rule's own wins a
tie, so the model departs from it only where the training data say the annotators usually
do. The weights and the word lists are trained on PolNeAR train by
``scripts/train_ends.py`` and shipped as package data (``data/end_model.tsv``; statistics
only, no text).

The work is a few dictionary lookups per candidate, linear in the length of the unit.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from functools import cache

from newsclaims.analyzers.quotes.cues import VERBS, data_rows
from newsclaims.analyzers.quotes.units import Found, Unit, kind_of, outside_quotes, trim_end
from newsclaims.model import Span, StatementKind
from newsclaims.text import Token

__all__ = ["Choice", "Model", "StartChoice", "Words", "best", "choices", "cut_ends", "model"]

_TRIMMED = frozenset({".", ",", ";", ":"})

# A content is never extended past this many tokens beyond the rule's end, nor cut to one
# shorter than a word; the limits keep the work per content bounded.
MAX_EXTENSION = 60
# A content's start moves at most this many tokens either way.
MAX_SHIFT = 12


def _word(t: Token) -> str:
    if t.text == "“":  # a whole quotation, as outside_quotes gives it
        return "Q"
    low = t.lower
    if low[:1].isdigit():
        return "0"
    return low


def _cls(t: Token) -> str:
    c = t.text[:1]
    if t.text == "“":
        return "q"
    if c.isupper():
        return "C"
    if c.isalpha():
        return "l"
    if c.isdigit():
        return "n"
    return "p"


_BUCKETS = ("0", "1", "2", "3", "4", "4", "6", "6", "6", "9", "9", "9", "9")


def _bucket(n: int) -> str:
    if n <= 12:
        return _BUCKETS[n]
    return "13" if n <= 20 else "21"


def _offset(n: int) -> str:
    if n == 0:
        return "0"
    return ("-" if n < 0 else "+") + _bucket(abs(n))


_HEADS = frozenset({"that", "to", "whether", "if", "how", "what", "why", "who", "when", "where"})


class Words:
    """The words and word classes of a unit's tokens outside quotations (a quotation is one
    token, ``Q``), with two ``$`` past the end, worked out once per unit."""

    __slots__ = ("classes", "toks", "words")

    def __init__(self, toks: Sequence[Token]) -> None:
        self.toks = toks
        self.words = [_word(t) for t in toks] + ["$", "$"]
        self.classes = [_cls(t) for t in toks] + ["$", "$"]

    def head(self, i: int) -> str:
        """The class of a content's first word."""
        w = self.words[i]
        return w if w in _HEADS or w == "Q" else self.classes[i]


class Choice:
    """The candidate ends of one content that starts at token ``first``: after token
    ``rule`` (where the rules end it) or after any token up to ``last`` that is followed
    by a word of ``boundaries`` (every token when ``boundaries`` is None)."""

    __slots__ = ("candidates", "cue", "first", "rule", "words")

    def __init__(
        self,
        words: Words,
        first: int,
        rule: int,
        last: int,
        cue: str,
        boundaries: frozenset[str] | None,
    ) -> None:
        self.words = words
        self.first = first
        self.rule = rule
        self.cue = cue
        w = words.words
        # An end after punctuation that the content would drop again is the same end as
        # the one before it.
        self.candidates = [
            j
            for j in range(first, last + 1)
            if j == rule
            or (w[j] not in _TRIMMED and (boundaries is None or w[j + 1] in boundaries))
        ]

    def keys(self) -> list[str]:
        """The word after each candidate end: what ``boundaries`` selects on."""
        return [self.words.words[j + 1] for j in self.candidates]

    def features(self) -> list[list[str]]:
        """The features of each candidate, in order: the words and classes around the
        boundary, its distance from the rule's end, the content's length, first word and
        commas so far, the cue word, and how much of the unit is left."""
        w, c = self.words.words, self.words.classes
        first, rule, cue = self.first, self.rule, self.cue
        head = self.words.head(first)
        last = len(self.words.toks) - 1
        out = []
        commas = 0
        k = first
        for j in self.candidates:
            while k <= j:
                commas += w[k] == ","
                k += 1
            lw, rw, r2 = w[j], w[j + 1], w[j + 2]
            rc = c[j + 1]
            d = _offset(j - rule)
            n = _bucket(j - first + 1)
            rem = _bucket(last - j)
            out.append(
                [
                    "d=" + d,
                    "d|R=" + d + "|" + rw,
                    "L=" + lw,
                    "R=" + rw,
                    "LR=" + lw + "|" + rw,
                    "RR=" + rw + "|" + r2,
                    "Lc|Rc=" + c[j] + "|" + rc,
                    "Rc|R2=" + rc + "|" + r2,
                    "n=" + n,
                    "n|R=" + n + "|" + rw,
                    "cue|R=" + cue + "|" + rw,
                    "h|R=" + head + "|" + rw,
                    "h|d=" + head + "|" + d,
                    "rem=" + rem,
                    "rem|R=" + rem + "|" + rw,
                    "cue|n=" + cue + "|" + n,
                    "c|R=" + str(min(commas, 2)) + "|" + rw,
                ]
            )
        return out


class StartChoice:
    """The candidate starts of one content: its first token ``first`` (where the rules
    start it) or any word from ``lo`` (the first after the cue) to ``last`` in ``starts``
    (every word when ``starts`` is None): PolNeAR takes the object in after "urged",
    "asked" and "forced" ("urged **the department to process ...**") and leaves it out
    after "told" ("told reporters **that ...**")."""

    __slots__ = ("candidates", "cue", "first", "words")

    def __init__(
        self,
        words: Words,
        lo: int,
        first: int,
        last: int,
        cue: str,
        starts: frozenset[str] | None,
    ) -> None:
        self.words = words
        self.first = first
        self.cue = cue
        w, c = words.words, words.classes
        self.candidates = [
            j
            for j in range(max(lo, first - MAX_SHIFT), min(last, first + MAX_SHIFT) + 1)
            if j == first or (c[j] in "Clnq" and (starts is None or w[j] in starts))
        ]

    @property
    def rule(self) -> int:
        return self.first

    def keys(self) -> list[str]:
        """Each candidate's first word: what ``starts`` selects on."""
        return [self.words.words[j] for j in self.candidates]

    def features(self) -> list[list[str]]:
        """The features of each candidate, in order: its word and the words around it,
        its distance from the rule's start, the cue word, and the last "that", "to",
        quotation or comma it skips."""
        w, c = self.words.words, self.words.classes
        first = self.first
        head = self.words.head(first)
        out = []
        skipped = "-"
        for j in self.candidates:
            word = w[j]
            p = w[j - 1] if j > 0 else "^"
            d = _offset(j - first)
            out.append(
                [
                    "s:d=" + d,
                    "s:W=" + word,
                    "s:P=" + p,
                    "s:PW=" + p + "|" + word,
                    "s:WW=" + word + "|" + w[j + 1],
                    "s:Pc|Wc=" + (c[j - 1] if j > 0 else "^") + "|" + c[j],
                    "s:cue|W=" + self.cue + "|" + word,
                    "s:cue|d=" + self.cue + "|" + d,
                    "s:h|W=" + head + "|" + word,
                    "s:sk|W=" + skipped + "|" + word,
                ]
            )
            if word in ("that", "to", "Q", ","):
                skipped = word
        return out


def best(table: dict[str, float], features: Sequence[Sequence[str]], rule: int) -> int:
    """The index of the candidate with the highest score under ``table``, given each
    candidate's features; ``rule`` (the rule's own candidate) on a tie. The finder and the
    training script both choose with this."""
    get = table.get
    scores = [sum([get(f, 0.0) for f in fs]) for fs in features]
    top = rule
    for i, z in enumerate(scores):
        if z > scores[top]:
            top = i
    return top


def _choose(table: dict[str, float], choice: Choice | StartChoice) -> int:
    """The token index of ``choice``'s best candidate."""
    rule = choice.candidates.index(choice.rule)
    return choice.candidates[best(table, choice.features(), rule)]


def choices(
    unit: Unit, found: Sequence[Found], model: Model | None = None
) -> list[tuple[Found, Choice, StartChoice | None]]:
    """The attributions of ``found`` (one unit's) whose content the model may move, each
    with its candidate ends and, for a single-part content, its candidate starts. A content
    qualifies when its last part follows the cue and is not a quotation of its own nor a
    nested "what it says are ..." (whose noun phrase the rule ends); its
    candidate ends run to the start of the next attribution in the unit. With no
    ``model``, every candidate counts (for training)."""
    eligible = [
        f
        for f in found
        if f.cue is not None
        and f.kind is not StatementKind.DIRECT
        and not f.continues
        and f.subject is None  # not "what it says are ...": a noun phrase the rule ends
        and f.content[-1].start >= f.cue.end
    ]
    if not eligible:
        return []
    toks = outside_quotes(unit)
    if not toks:
        return []
    words = Words(toks)
    starts = [t.start for t in toks]
    ends = [t.end for t in toks]
    # Where each attribution's parts begin: no content may run into one.
    begins = sorted(
        s.start
        for f in found
        for s in (f.content[0], f.content[-1], f.source, f.cue)
        if s is not None
    )
    out = []
    for f in eligible:
        assert f.cue is not None
        part = f.content[-1]
        first = bisect_left(starts, part.start)
        if first >= len(toks) or starts[first] != part.start or toks[first].text == "“":
            continue
        rule = bisect_right(ends, part.end) - 1
        if rule < first:
            continue
        limit = len(toks) - 1
        nxt = bisect_right(begins, part.start)
        if nxt < len(begins):
            limit = min(limit, bisect_left(starts, begins[nxt]) - 1)
        if f.source is not None and f.source.start > part.start:
            limit = min(limit, bisect_left(starts, f.source.start) - 1)
        limit = min(limit, rule + MAX_EXTENSION)
        if limit < rule:
            continue
        # Nor past a cue word, which would take another attribution in ("..., while
        # adding ...").
        for i in range(rule + 1, limit + 1):
            if toks[i].lower in VERBS:
                limit = i - 1
                break
        cue = words.words[bisect_right(ends, f.cue.end) - 1]
        end = Choice(words, first, rule, limit, cue, model.boundaries if model else None)
        start = None
        if len(f.content) == 1:
            # Back to the word after the cue (and after a source that follows it).
            after = f.cue.end
            if f.source is not None and f.cue.end <= f.source.start < part.start:
                after = f.source.end
            lo = bisect_left(starts, after)
            start = StartChoice(words, lo, first, rule, cue, model.starts if model else None)
        out.append((f, end, start))
    return out


class Model:
    """The weights, and the words that may follow an end or open a content other than
    the rule's (those seen to in training)."""

    __slots__ = ("boundaries", "starts", "table")

    def __init__(self, rows: Iterable[list[str]]) -> None:
        table: dict[str, float] = {}
        boundaries: set[str] = set()
        starts: set[str] = set()
        for feature, value in rows:
            if feature.startswith("B="):
                boundaries.add(feature[2:])
            elif feature.startswith("S="):
                starts.add(feature[2:])
            else:
                table[feature] = float(value)
        self.table = table
        self.boundaries = frozenset(boundaries)
        self.starts = frozenset(starts)


@cache
def model() -> Model:
    """The model, read once from the package data."""
    return Model(data_rows("end_model.tsv"))


def cut_ends(
    text: str, unit: Unit, found: list[Found], only: Sequence[Found] | None = None
) -> None:
    """End (and start) each qualifying content of ``found`` where the model scores best;
    with ``only``, just those of ``only`` (the rest of ``found`` still bound them)."""
    m = model()
    if not m.table:
        return
    chosen = None if only is None else {id(f) for f in only}
    for f, end, start in choices(unit, found, m):
        if chosen is not None and id(f) not in chosen:
            continue
        before = list(f.content)
        j = _choose(m.table, end)
        if j != end.rule:
            part = f.content[-1]
            new = trim_end(text, Span(part.start, end.words.toks[j].end))
            if new.end > new.start:
                f.content[-1] = new
        if start is not None:
            # The start moves only within what is left of the content.
            while start.candidates[-1] > j:
                start.candidates.pop()
            k = _choose(m.table, start)
            if k != start.rule:
                f.content[0] = Span(start.words.toks[k].start, f.content[0].end)
        if f.content != before:
            # A quotation taken in or left out makes a paraphrase mixed or plain.
            f.kind = kind_of(f.content, unit.quotes)
