"""Find statements: quotations, reported speech and the writer's own assertions.

The finder works on *units*: sentences, merged where a quotation runs across a sentence
boundary, so that a quote is never cut in two. In each unit it looks for a cue outside
quotation marks (a verb from :mod:`.cues`, a phrase such as "according to", or a colon or
dash next to a quote), takes the source from the noun phrase next to the cue, and the
content from the quote(s) of the unit or from the clause the cue governs:

* ``“...,” Smith said.`` / ``Smith said: “...”`` / ``“...,” said Smith.`` — direct;
* ``Smith said (that) ...`` / ``..., Smith said.`` / ``According to Smith, ...`` — indirect;
* ``Smith said that the plan was “dead on arrival”.`` — mixed;
* ``... what it says are ...`` — an attribution nested in the writer's sentence, which
  stays an assertion of the writer's;
* a quote paragraph with no cue of its own continues the previous speaker's quotation;
* a headline ``Claim: Source`` or ``Source: Claim``.

Every other sentence of the body with a few words in it is an assertion of the writer's.
Everything is linear in the length of the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from attrs import define, field

from newsclaims.analyzers.quotes.cues import PHRASES, Cue, verb_forms
from newsclaims.analyzers.quotes.marks import Quote, find_quotes
from newsclaims.analyzers.quotes.speakers import PRONOUNS, Resolver, describe
from newsclaims.model import (
    Analysis,
    Attribution,
    Span,
    Speaker,
    SpeakerKind,
    Statement,
    StatementKind,
)
from newsclaims.text import Token, tokens, trim

__all__ = ["find_statements"]

VERBS: dict[str, Cue] = verb_forms()
_PHRASE_FIRST = {p[0] for p in PHRASES}

# Words that may stand between a source and its verb and belong to the cue ("has long
# accused", "also said").
_AUX = frozenset(
    {
        "has",
        "have",
        "had",
        "will",
        "would",
        "did",
        "does",
        "do",
        "is",
        "was",
        "are",
        "were",
        "could",
        "may",
        "might",
        "should",
        "can",
    }
)
_CUE_ADVERBS = frozenset(
    {
        "also",
        "long",
        "previously",
        "repeatedly",
        "once",
        "again",
        "later",
        "earlier",
        "recently",
        "publicly",
        "privately",
        "then",
        "often",
        "already",
        "first",
        "still",
        "even",
        "just",
        "further",
        "initially",
        "ultimately",
        "openly",
        "flatly",
        "strongly",
        "reportedly",
        "allegedly",
        "falsely",
        "quickly",
        "frequently",
        "consistently",
        "separately",
        "similarly",
        "elsewhere",
        "never",
        "not",
        "n’t",
        "n't",
        "bluntly",
        "simply",
        "only",
    }
)
# Tokens at which a source noun phrase, read leftwards from its cue, stops.
_LEFT_STOP = frozenset(
    {
        ",",
        ";",
        ":",
        "(",
        ")",
        "—",
        "–",
        "―",
        "-",
        "that",
        "which",
        "who",
        "whom",
        "but",
        "because",
        "while",
        "when",
        "if",
        "after",
        "before",
        "since",
        "although",
        "though",
        "as",
        "where",
        "so",
        "yet",
        "and",
        "or",
        "than",
        "whether",
        "until",
        "unless",
        "once",
        "what",
        "?",
        "!",
        "“",
        "”",
        '"',
        "‘",
        "’",
        "«",
        "»",
    }
)
_RIGHT_STOP = frozenset(
    {
        ",",
        ";",
        ":",
        ".",
        "(",
        ")",
        "—",
        "–",
        "―",
        "that",
        "on",
        "in",
        "at",
        "during",
        "when",
        "after",
        "before",
        "to",
        "about",
        "while",
        "who",
        "as",
        "?",
        "!",
        "“",
        "”",
        '"',
    }
)
_PREPOSITIONS = frozenset(
    {
        "on",
        "in",
        "at",
        "during",
        "after",
        "before",
        "to",
        "with",
        "by",
        "from",
        "for",
        "of",
        "over",
        "earlier",
        "later",
        "last",
        "this",
        "yesterday",
        "today",
        "tonight",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    }
)
_SUBORDINATORS = frozenset({"that", "if", "whether"})
_COPULAS = frozenset({"is", "are", "was", "were"})
_PUNCT_CUES = frozenset({":", "—", "―", "–"})
_QUOTE_CHARS = "“”\"'‘’«»„`"
_NOT_IN_SOURCE = frozenset(
    {
        "to",
        "got",
        "get",
        "gets",
        "be",
        "been",
        "being",
        "let",
        "not",
        "never",
        "no",
        "there",
        "here",
        "if",
        "what",
        "how",
        "why",
    }
)
_CONTRACTIONS = ("’ve", "'ve", "’ll", "'ll", "’d", "'d", "’m", "'m", "’re", "'re")
_POSSESSIVE_BEFORE = frozenset(
    {
        "his",
        "her",
        "their",
        "its",
        "my",
        "our",
        "your",
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "whose",
    }
)
_MAX_SOURCE = 12
_MIN_ASSERTION_WORDS = 3


@define
class _Found:
    """A statement under construction."""

    content: list[Span]
    kind: StatementKind
    source: Span | None = None
    cue: Span | None = None
    stance: str | None = None
    source_words: list[str] = field(factory=list)
    speaker: Speaker | None = None
    paragraph: int = 0
    continues: bool = False
    subject: list[str] | None = None

    @property
    def start(self) -> int:
        return self.content[0].start


@define
class _Unit:
    span: Span
    paragraph: int
    quotes: list[Quote]
    tokens: list[Token]


def find_statements(analysis: Analysis) -> list[Statement]:
    """All statements of ``analysis.article``, in text order, numbered s1, s2, ..."""
    text = analysis.text
    layout = analysis.layout
    paragraphs = list(layout.body_paragraphs)
    quotes = find_quotes(text, paragraphs)
    found: list[_Found] = []
    covered: list[Span] = []  # sentences that hold an attribution (not assertions)

    if layout.headline is not None:
        head = _headline(text, layout.headline)
        if head is not None:
            found.append(head)

    conventions, handled = _paragraph_conventions(text, paragraphs)
    found.extend(conventions)
    units = _units(text, layout.sentences, quotes, paragraphs)
    last_direct_paragraph = -10
    for unit in units:
        if unit.paragraph in handled:
            covered.append(unit.span)
            continue
        got = _attributions(text, unit)
        if got:
            found.extend(got)
            if any(not f.subject for f in got):
                covered.append(unit.span)
            if any(f.kind is not StatementKind.INDIRECT for f in got):
                last_direct_paragraph = unit.paragraph
            continue
        cont = _continuation(text, unit, paragraphs, found, last_direct_paragraph)
        if cont is not None:
            if cont is not True:
                found.append(cont)
            covered.append(unit.span)
            last_direct_paragraph = unit.paragraph
            continue

    assertions = [
        _Found([s], StatementKind.ASSERTION)
        for s in layout.sentences
        if not _holds(covered, s) and _words(text, s) >= _MIN_ASSERTION_WORDS
    ]
    _resolve(text, found)
    every = sorted(found + assertions, key=lambda f: (f.start, f.kind is StatementKind.ASSERTION))
    return [_statement(f, i + 1) for i, f in enumerate(every)]


def _statement(f: _Found, n: int) -> Statement:
    if f.kind is StatementKind.ASSERTION:
        return Statement(id=f"s{n}", kind=f.kind, content=tuple(f.content))
    return Statement(
        id=f"s{n}",
        kind=f.kind,
        content=tuple(f.content),
        attribution=Attribution(source=f.source, cue=f.cue, speaker=f.speaker, stance=f.stance),
    )


def _words(text: str, span: Span) -> int:
    return sum(1 for w in text[span.start : span.end].split() if any(c.isalnum() for c in w))


def _holds(covered: Sequence[Span], s: Span) -> bool:
    return any(c.overlaps(s) for c in covered)


# --- units -------------------------------------------------------------------------------


def _units(
    text: str, sentences: Sequence[Span], quotes: Sequence[Quote], paragraphs: Sequence[Span]
) -> list[_Unit]:
    """Sentences, merged where a quote crosses a sentence boundary, with their quotes."""
    qstarts = [q.span.start for q in quotes]
    pstarts = [p.start for p in paragraphs]
    units: list[_Unit] = []
    for s in sentences:
        i = bisect_left(qstarts, s.start)
        # A quote that began in an earlier sentence and runs into this one.
        if (
            units
            and i > 0
            and quotes[i - 1].span.end > s.start
            and units[-1].span.overlaps(quotes[i - 1].span)
        ):
            prev = units[-1]
            prev.span = Span(prev.span.start, max(s.end, prev.span.end))
            _extend_quotes(prev, quotes, qstarts)
            continue
        unit = _Unit(s, bisect_left(pstarts, s.start + 1) - 1, [], [])
        _extend_quotes(unit, quotes, qstarts)
        units.append(unit)
    for unit in units:
        unit.tokens = tokens(text, unit.span)
    return units


def _extend_quotes(unit: _Unit, quotes: Sequence[Quote], qstarts: list[int]) -> None:
    i = bisect_left(qstarts, unit.span.start)
    unit.quotes = []
    while i < len(quotes) and quotes[i].span.start < unit.span.end:
        unit.quotes.append(quotes[i])
        i += 1
    if unit.quotes and unit.quotes[-1].span.end > unit.span.end:
        # The quote runs past the sentence end: the unit grows to hold it.
        unit.span = Span(unit.span.start, unit.quotes[-1].span.end)


def _inside(quotes: Sequence[Quote], offset: int) -> bool:
    return any(q.span.start <= offset < q.span.end for q in quotes)


# --- attributions in one unit ------------------------------------------------------------


def _attributions(text: str, unit: _Unit) -> list[_Found]:
    toks = _outside_quotes(unit)
    if not toks:
        return []
    out: list[_Found] = []
    nested = _nested(text, unit, toks)
    if nested is not None:
        out.append(nested)
    claimed_until = nested.content[-1].end if nested else -1
    for k, tok in enumerate(toks):
        if tok.start < claimed_until:
            continue
        f = _verb_cue(text, unit, toks, k) or _phrase_cue(text, unit, toks, k)
        if f is not None:
            out.append(f)
            claimed_until = max(s.end for s in f.content)
            # A participle cue after a comma shares the source: "..., adding that ...".
            rest = _participle(text, unit, toks, k + 1, f)
            if rest is not None:
                out.append(rest)
            break
    if not out:
        f = _punctuation_cue(text, unit, toks)
        if f is not None:
            out.append(f)
    return out


def _outside_quotes(unit: _Unit) -> list[Token]:
    """The unit's tokens outside quotations, with each quotation as one "“" token, so that
    a quote bounds the noun phrases around it."""
    out: list[Token] = []
    qi = 0
    quotes = unit.quotes
    for t in unit.tokens:
        while qi < len(quotes) and quotes[qi].span.end <= t.start:
            qi += 1
        if qi < len(quotes) and quotes[qi].span.start <= t.start:
            if not out or out[-1].start != quotes[qi].span.start:
                out.append(Token("“", quotes[qi].span.start, quotes[qi].span.end))
            continue
        out.append(t)
    return out


def _cue_span(toks: Sequence[Token], k: int) -> tuple[Span, int]:
    """The cue span ending at token ``k`` (with auxiliaries and "also" before it) and the
    index of its first token."""
    j = k
    while j > 0 and (toks[j - 1].lower in _AUX or toks[j - 1].lower in _CUE_ADVERBS):
        j -= 1
    # Keep adverbs only when an auxiliary or "also" is among them ("has long accused").
    chain = [t.lower for t in toks[j:k]]
    if chain and not any(w in _AUX or w == "also" for w in chain):
        j = k
    return Span(toks[j].start, toks[k].end), j


def _left_source(toks: Sequence[Token], j: int) -> tuple[int, int] | None:
    """Token range ``[a, j)`` of the noun phrase before token ``j``."""
    a = j
    while a > 0 and toks[a - 1].lower not in _LEFT_STOP and j - a < _MAX_SOURCE:
        a -= 1
    # "and" joins noun phrases in short subjects ("Military experts and some exiled
    # Iranians"); elsewhere it starts a new clause.
    if a > 0 and toks[a - 1].lower == "and":
        b = a - 1
        while b > 0 and toks[b - 1].lower not in _LEFT_STOP:
            b -= 1
        if b == 0 and b < a - 1 and j - b <= 8 and not any(_verbish(t) for t in toks[b : a - 1]):
            a = b
    while a < j and toks[a].lower in ("and", "but", "so", "or", "then"):
        a += 1
    while j > a and toks[j - 1].lower.endswith("ly") and toks[j - 1].text[:1].islower():
        j -= 1  # "Clinton apparently thinks": the adverb is not part of the source
    if a == j:
        return None
    return a, j


def _appositive_source(toks: Sequence[Token], j: int) -> tuple[int, int] | None:
    """The source before an appositive: "Richard Revesz, director of ..., said" and
    "Sen. David Perdue (R-Ga.) said" give "Richard Revesz" and "Sen. David Perdue"."""
    if j == 0 or toks[j - 1].lower not in (",", ")"):
        return None
    best = None
    for p in range(j - 2, max(-1, j - 30), -1):
        t = toks[p].lower
        if t in ("“", ";", ":"):
            break
        if t in (",", "("):
            cand = _left_source(toks, p)
            if cand is not None and toks[cand[0]].text[:1].isupper() and _is_source(toks, *cand):
                best = cand
    return best


def _verbish(t: Token) -> bool:
    return t.lower in VERBS or t.lower in _AUX


def _right_source(toks: Sequence[Token], k: int) -> tuple[int, int] | None:
    """Token range after the cue at ``k`` naming the source ("said Smith")."""
    a = k + 1
    b = a
    while b < len(toks) and toks[b].lower not in _RIGHT_STOP and b - a < _MAX_SOURCE:
        b += 1
    if b == a:
        return None
    first = toks[a]
    if not (
        first.text[:1].isupper() or first.lower in PRONOUNS or first.lower in ("a", "an", "the")
    ):
        return None
    return a, b


def _span_of(toks: Sequence[Token], a: int, b: int) -> Span:
    return Span(toks[a].start, toks[b - 1].end)


def _is_source(toks: Sequence[Token], a: int, b: int) -> bool:
    """Whether tokens ``[a, b)`` can be a source noun phrase."""
    words = toks[a:b]
    if not words:
        return False
    if any(
        _verbish(t) or t.lower in _NOT_IN_SOURCE or t.lower.endswith(_CONTRACTIONS) for t in words
    ):
        return False
    if all(not t.text[0].isalnum() for t in words):
        return False
    low = words[0].lower
    # A noun phrase starts with a determiner, a pronoun, a capital or a number.
    return (
        words[0].text[:1].isupper()
        or low in PRONOUNS
        or low
        in (
            "a",
            "an",
            "the",
            "some",
            "many",
            "most",
            "several",
            "two",
            "three",
            "both",
            "other",
            "another",
            "one",
            "all",
            "military",
            "senior",
            "top",
            "officials",
            "sources",
            "experts",
            "analysts",
            "critics",
            "supporters",
            "people",
            "his",
            "her",
            "their",
            "its",
        )
        or len(words) <= 4
    )


def _verb_cue(text: str, unit: _Unit, toks: list[Token], k: int) -> _Found | None:
    cue = VERBS.get(toks[k].lower)
    if cue is None:
        return None
    if k > 0 and (toks[k - 1].lower in _POSSESSIVE_BEFORE or _possessive(toks[k - 1].lower)):
        return None  # "Trump's tweet", "the report": a noun, not a cue verb
    cue_span, j = _cue_span(toks, k)
    after = toks[k + 1] if k + 1 < len(toks) else None
    quote_after = _quote_after(unit, toks[k].end)
    quote_before = _quote_before(unit, toks[j].start, toks)

    left = _left_source(toks, j) or _appositive_source(toks, j)
    left_ok = left is not None and _is_source(toks, *left)
    right = None
    if not left_ok:
        right = _right_source(toks, k)
        if right is not None and not _is_source(toks, *right):
            right = None
    if not left_ok and right is None:
        return None
    if cue.clausal and not (quote_before or quote_after or _complement_follows(toks, k, cue)):
        return None
    a, b = left if left_ok and left is not None else right  # type: ignore[misc]
    source = _span_of(toks, a, b)
    found = _Found(
        [],
        StatementKind.INDIRECT,
        source=source,
        cue=cue_span,
        stance=cue.stance,
        source_words=[t.text for t in toks[a:b]],
        paragraph=unit.paragraph,
    )

    # Direct: quotes next to the attribution.
    if quote_before and not _has_clause_after(text, toks, k, cue, unit):
        found.content = [
            q.span
            for q in unit.quotes
            if q.span.end <= source.start or q.span.start >= cue_span.end
        ]
        found.content = [
            s for s in found.content if s.end <= cue_span.start or s.start > cue_span.end
        ] or [quote_before.span]
        found.kind = StatementKind.DIRECT
        return found
    if quote_after is not None and _only_quote_follows(text, toks, k, quote_after, cue):
        found.content = [q.span for q in unit.quotes if q.span.start >= quote_after.span.start]
        found.kind = StatementKind.DIRECT
        return found

    # Indirect (or mixed): the clause after the cue, or the clause before it.
    after_span = _clause_after(text, unit, toks, k, b if not left_ok else k + 1, cue)
    if after_span is not None and (left_ok or right is None):
        found.content = [after_span]
    elif (
        left is not None
        and left_ok
        and a > 0
        and toks[a - 1].lower == ","
        and toks[0].start < toks[a - 1].start
    ):
        found.content = [trim(text, unit.span.start, toks[a - 1].start)]
    elif right is not None and k > 0 and toks[j - 1].lower == ",":
        found.content = [trim(text, unit.span.start, toks[j - 1].start)]
    elif after_span is not None:
        found.content = [after_span]
    else:
        return None
    found.content = [_trim_end(text, s) for s in found.content]
    found.content = [s for s in found.content if len(s) > 0]
    if not found.content or _words(text, found.content[0]) < 2:
        return None
    if any(found.content[0].contains(q.span) for q in unit.quotes):
        found.kind = StatementKind.MIXED
    if after is None and not found.content:
        return None
    return found


def _possessive(word: str) -> bool:
    """ "Trump’s" is possessive; "he’s" (he has) is not."""
    for suffix in ("’s", "'s"):
        if word.endswith(suffix):
            return word[: -len(suffix)] not in ("he", "she", "it", "that", "who", "there", "what")
    return False


def _quote_after(unit: _Unit, offset: int) -> Quote | None:
    for q in unit.quotes:
        if q.span.start >= offset:
            return q
    return None


def _quote_before(unit: _Unit, offset: int, toks: list[Token]) -> Quote | None:
    """A quote that ends just before the source/cue region (only punctuation between)."""
    best = None
    for q in unit.quotes:
        if q.span.end <= offset:
            best = q
    return best


def _has_clause_after(text: str, toks: list[Token], k: int, cue: Cue, unit: _Unit) -> bool:
    """Whether the cue is followed by its own reported clause ("..." Smith said that ...)."""
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return nxt is not None and nxt.lower == "that" and not _inside(unit.quotes, nxt.start)


def _only_quote_follows(text: str, toks: list[Token], k: int, q: Quote, cue: Cue) -> bool:
    """Whether only punctuation, an object or a short phrase stands between cue and quote."""
    between = text[toks[k].end : q.span.start]
    words = [w for w in between.split() if any(c.isalnum() for c in w)]
    return len(words) <= (4 if cue.takes_object else 2) and "that" not in words


def _complement_follows(toks: list[Token], k: int, cue: Cue) -> bool:
    """Whether a clause follows a cue that needs one ("believes that", "wants to")."""
    if k + 1 >= len(toks):
        return False
    nxt = toks[k + 1].lower
    if nxt in ("that", "to"):
        return True
    if cue.takes_object and k + 2 < len(toks):
        return any(t.lower == "that" for t in toks[k + 1 : k + 5])
    return (nxt in PRONOUNS and nxt not in ("it", "you", "her", "him", "them")) or (
        nxt in ("the", "a") and cue.stance in ("belief",)
    )


def _clause_after(
    text: str, unit: _Unit, toks: list[Token], k: int, start_tok: int, cue: Cue
) -> Span | None:
    """The clause reported by the cue at ``k``, from ``start_tok`` to the end of the unit.

    Skips an object ("told reporters"), and adverbials before "that" ("said on Monday that").
    Returns None when only adverbials follow ("..., he said on Monday.").
    """
    i = start_tok
    n = len(toks)
    if i >= n:
        return None
    # Skip ahead to "that" if it comes within a few words (object or adverbial first).
    for d in range(i, min(n, i + 7)):
        if toks[d].lower == "that" and (
            d == i or cue.takes_object or all(t.lower not in VERBS for t in toks[i:d])
        ):
            i = d
            break
        if toks[d].lower in (",", ".", ";"):
            break
    else:
        if cue.takes_object and i < n and toks[i].lower not in _SUBORDINATORS:
            # "told reporters the plan ..." — drop a short object.
            return None
    first = toks[i]
    if first.lower in (",", ".", ";", ":", "?", "!") or first.lower in _PREPOSITIONS:
        return None
    end = unit.span.end
    # A following attribution clause ("..., he said") ends the content at its comma.
    span = trim(text, first.start, end)
    return span if len(span) > 0 else None


def _trim_end(text: str, span: Span) -> Span:
    """Drop sentence punctuation from the end of an indirect content span."""
    end = span.end
    while end > span.start and (text[end - 1] in ".,;:" or text[end - 1].isspace()):
        end -= 1
    return Span(span.start, end)


def _participle(
    text: str, unit: _Unit, toks: list[Token], start: int, main: _Found
) -> _Found | None:
    """ "..., adding that ..." after a main attribution: another statement, same source."""
    for k in range(start, len(toks) - 1):
        t = toks[k]
        if (
            t.lower.endswith("ing")
            and t.lower in VERBS
            and toks[k - 1].lower == ","
            and main.source
        ):
            cue = VERBS[t.lower]
            nxt = toks[k + 1]
            if nxt.lower not in ("that",) and not _quote_after(unit, t.end):
                continue
            content_start = nxt.start
            span = _trim_end(text, trim(text, content_start, unit.span.end))
            if _words(text, span) < 2:
                return None
            # Cut the main statement's content at the comma before the participle.
            first = main.content[0]
            if first.start < toks[k - 1].start < first.end:
                main.content[0] = _trim_end(text, trim(text, first.start, toks[k - 1].start))
            return _Found(
                [span],
                StatementKind.INDIRECT,
                source=main.source,
                cue=t.span,
                stance=cue.stance,
                source_words=main.source_words,
                paragraph=unit.paragraph,
            )
    return None


def _phrase_cue(text: str, unit: _Unit, toks: list[Token], k: int) -> _Found | None:
    if toks[k].lower not in _PHRASE_FIRST:
        return None
    for phrase, stance in PHRASES.items():
        m = len(phrase)
        if tuple(t.lower for t in toks[k : k + m]) != phrase:
            continue
        cue_span = Span(toks[k].start, toks[k + m - 1].end)
        if phrase == ("according", "to"):
            b = k + m
            while (
                b < len(toks)
                and toks[b].lower not in (",", ".", ";", "—", "that")
                and b - (k + m) < _MAX_SOURCE
            ):
                b += 1
            if b == k + m:
                return None
            source = _span_of(toks, k + m, b)
            if k > 0 and toks[k - 1].lower == ",":
                content = trim(text, unit.span.start, toks[k - 1].start)
            elif b < len(toks):
                content = trim(
                    text, toks[b].end if toks[b].lower == "," else toks[b].start, unit.span.end
                )
            else:
                return None
            content = _trim_end(text, content)
            if _words(text, content) < 2:
                return None
            kind = (
                StatementKind.MIXED
                if any(content.contains(q.span) for q in unit.quotes)
                else StatementKind.INDIRECT
            )
            return _Found(
                [content],
                kind,
                source=source,
                cue=cue_span,
                stance=stance,
                source_words=[t.text for t in toks[k + m : b]],
                paragraph=unit.paragraph,
            )
        return None
    return None


def _punctuation_cue(text: str, unit: _Unit, toks: list[Token]) -> _Found | None:
    """``Name: “...”`` and ``Name ― “...”`` / ``“...” ― Name``."""
    if not unit.quotes:
        return None
    q = unit.quotes[0]
    before = [t for t in toks if t.end <= q.span.start]
    if before and before[-1].lower in _PUNCT_CUES and 1 <= len(before) - 1 <= 5:
        words = before[:-1]
        if (
            all(w.text[:1].isupper() or w.lower in ("of", "de", "the") for w in words)
            and words[0].start >= unit.span.start
        ):
            return _Found(
                [x.span for x in unit.quotes],
                StatementKind.DIRECT,
                source=Span(words[0].start, words[-1].end),
                cue=before[-1].span,
                stance="neutral",
                source_words=[w.text for w in words],
                paragraph=unit.paragraph,
            )
    last = unit.quotes[-1]
    after = [t for t in toks if t.start >= last.span.end]
    if after and after[0].lower in ("—", "―", "–") and 1 <= len(after) - 1 <= 5:
        words = [w for w in after[1:] if w.lower not in (".",)]
        if words and all(w.text[:1].isupper() for w in words):
            return _Found(
                [x.span for x in unit.quotes],
                StatementKind.DIRECT,
                source=Span(words[0].start, words[-1].end),
                cue=after[0].span,
                stance="neutral",
                source_words=[w.text for w in words],
                paragraph=unit.paragraph,
            )
    return None


def _nested(text: str, unit: _Unit, toks: list[Token]) -> _Found | None:
    """``what SOURCE CUE are ...``: an attribution inside the writer's own sentence."""
    for k, t in enumerate(toks[:-3]):
        if t.lower != "what":
            continue
        # what + short noun phrase + cue verb + copula
        for c in range(k + 2, min(k + 6, len(toks) - 1)):
            cue = VERBS.get(toks[c].lower)
            if cue is None:
                continue
            if toks[c + 1].lower not in _COPULAS:
                break
            if not _is_source(toks, k + 1, c):
                break
            content = _trim_end(text, trim(text, toks[c + 1].start, unit.span.end))
            subject = _subject(toks, k)
            return _Found(
                [content],
                StatementKind.INDIRECT,
                source=_span_of(toks, k + 1, c),
                cue=toks[c].span,
                stance=cue.stance,
                source_words=[x.text for x in toks[k + 1 : c]],
                paragraph=unit.paragraph,
                subject=subject,
            )
    return None


def _subject(toks: list[Token], before: int) -> list[str] | None:
    """The words of the sentence's subject: from its start to the first verb-like token."""
    words: list[str] = []
    for t in toks[:before]:
        if t.lower in _AUX or t.lower in _CUE_ADVERBS or t.lower.endswith("ed"):
            break
        words.append(t.text)
    return words or None


# --- paragraph conventions --------------------------------------------------------------

# A transcript turn: "PENCE: Well, look ..." (an upper-case name and a colon open the
# paragraph, after an optional quotation mark).
_TURN = re.compile(r"[\"“']?([A-Z][A-Z.\-’' ]{1,40}[A-Z.]):\s")
# A byline after a quotation: "... lives.” ― Carla Sanchez"
_BYLINE = re.compile(r"\s[―—–]\s?((?:[A-Z][\w’'.\-]*\s?){1,4})\.?$")


def _paragraph_conventions(text: str, paragraphs: Sequence[Span]) -> tuple[list[_Found], set[int]]:
    """Statements marked at paragraph level: transcript turns and dash bylines."""
    found: list[_Found] = []
    handled: set[int] = set()
    for i, para in enumerate(paragraphs):
        turn = _TURN.match(text, para.start, para.end)
        if turn is not None and len(turn.group(1).split()) <= 4:
            content = trim(text, turn.end(), para.end)
            if _words(text, content) >= 1:
                name = turn.group(1)
                found.append(
                    _Found(
                        [content],
                        StatementKind.DIRECT,
                        source=Span(turn.start(1), turn.end(1)),
                        cue=Span(turn.end(1), turn.end(1) + 1),
                        stance="neutral",
                        source_words=[w.title() for w in name.split()],
                        paragraph=i,
                    )
                )
                handled.add(i)
            continue
        byline = _BYLINE.search(text, max(para.start, para.end - 60), para.end)
        if byline is not None:
            dash = byline.start() + 1
            content = trim(text, para.start, dash)
            if _words(text, content) >= 3 and text[content.start] in _QUOTE_CHARS:
                name = byline.group(1).strip().rstrip(".")
                found.append(
                    _Found(
                        [content],
                        StatementKind.DIRECT,
                        source=Span(byline.start(1), byline.start(1) + len(name)),
                        cue=Span(dash, dash + 1),
                        stance="neutral",
                        source_words=name.split(),
                        paragraph=i,
                    )
                )
                handled.add(i)
    return found, handled


# --- continuations and headlines ---------------------------------------------------------


def _continuation(
    text: str, unit: _Unit, paragraphs: Sequence[Span], found: list[_Found], last_direct: int
) -> _Found | bool | None:
    """A cue-less quote that continues the previous speaker's quotation.

    In the same paragraph, the quote joins the previous statement's content (PolNeAR
    annotates it as one discontinuous content); in a following paragraph that opens with a
    quotation mark, it is its own statement with no source and no cue.
    """
    if not unit.quotes or not found:
        return None
    quoted = sum(len(q.span) for q in unit.quotes)
    if quoted < 0.6 * len(unit.span):
        return None
    prev = found[-1]
    if prev.kind is StatementKind.ASSERTION or (
        prev.speaker is None and prev.source is None and not prev.continues
    ):
        return None
    if prev.paragraph == unit.paragraph:
        prev.content.extend(q.span for q in unit.quotes)
        return True
    para = paragraphs[unit.paragraph]
    opens_paragraph = text[para.start] in _QUOTE_CHARS and unit.span.start == para.start
    if (
        opens_paragraph
        and 0 < unit.paragraph - last_direct <= 1
        and prev.kind is not StatementKind.INDIRECT
    ):
        return _Found(
            [q.span for q in unit.quotes],
            StatementKind.DIRECT,
            source=None,
            cue=None,
            stance=prev.stance,
            source_words=prev.source_words,
            paragraph=unit.paragraph,
            continues=True,
        )
    return None


def _headline(text: str, head: Span) -> _Found | None:
    """``Claim: Source`` or ``Source: Claim`` in a headline."""
    line = text[head.start : head.end]
    colon = line.find(":")
    if colon <= 0:
        return None
    left = trim(text, head.start, head.start + colon)
    right = trim(text, head.start + colon + 1, head.end)
    lw = text[left.start : left.end].split()
    rw = text[right.start : right.end].split()
    cue = Span(head.start + colon, head.start + colon + 1)

    def name_like(words: list[str]) -> bool:
        return 1 <= len(words) <= 4 and all(w[:1].isupper() or w in ("of", "the") for w in words)

    if name_like(rw) and len(lw) >= 3:
        return _Found(
            [left],
            StatementKind.INDIRECT,
            source=right,
            cue=cue,
            stance="neutral",
            source_words=rw,
            paragraph=-1,
        )
    if (name_like(lw) and len(rw) >= 3 and describe(lw).kind is not SpeakerKind.UNKNOWN) or (
        name_like(lw) and len(lw) >= 2 and len(rw) >= 3
    ):
        kind = StatementKind.DIRECT if rw[0][:1] in _QUOTE_CHARS else StatementKind.INDIRECT
        return _Found(
            [right], kind, source=left, cue=cue, stance="neutral", source_words=lw, paragraph=-1
        )
    return None


# --- speakers ----------------------------------------------------------------------------


def _resolve(text: str, found: list[_Found]) -> None:
    """Resolve every statement's speaker, in text order."""
    resolver = Resolver(text)
    last: Speaker | None = None
    for f in sorted(
        found, key=lambda f: f.start if f.source is None else min(f.start, f.source.start)
    ):
        if f.continues:
            f.speaker = last
            continue
        if f.source is None:
            continue
        subject = None
        if f.subject:
            subject = resolver.resolve(f.subject, f.source.start)
            resolver.history.pop()
        words = [w for w in f.source_words if w not in (",",)]
        f.speaker = resolver.resolve(words, f.source.start, subject)
        last = f.speaker
