"""Finding hedge cues in the headline and body sentences, and the scope each one governs.

One search of :data:`~.lexicon.CUE_RE` per sentence finds every candidate; the few context
rules below then accept, reshape or reject each candidate by looking at a handful of
neighbouring words. Candidates are rare (a few per hundred words), so the per-candidate work
in Python costs little; nothing here loops over the lexicon or over every token.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import NamedTuple

from newsclaims.analyzers.hedges.lexicon import CUE_RE, ENTRIES, NUMBER_OR, STARTERS, TAILS, Entry
from newsclaims.model import Certainty, Span

__all__ = ["Found", "clause_scope", "find_cues"]


class Found(NamedTuple):
    """A cue as found, before it gets an id and a holder."""

    cue: Span
    kind: str
    grade: Certainty | None
    negates: bool
    scope: Span | None


# Abbreviations ("u.s."), words with inner apostrophes or hyphens, or one punctuation mark.
_TOKEN = re.compile(r"(?:[a-z]\.){2,}|\w[\w’'-]*\w|\w|[^\w\s]")

# Where a clause ends, for scopes: a semicolon, a closing quotation mark, a contrastive
# conjunction, a dash, or a trailing attribution (", he said").
_BREAK = re.compile(
    r"\s*;|[”»]|\"(?=[\s.,;:!?)\]]|$)"
    r"|,?\s+(?:but|although|though|whereas)(?![\w-])"
    r"|\s+(?:—|–|--)\s"
    r"|,\s+(?:[\w.’'-]+\s+){0,4}?(?:said|says|say|told|added|adding|according|noted|stated)"
    r"(?![\w-])",
    re.IGNORECASE,
)
_COMMA = re.compile(",")
_TRAILING = " \t\n\r\f\v\u00a0.,;:!?"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DETERMINERS = _words("a an the this that these those each every another any no both all")
_POSSESSIVES = _words("his her its their our my your whose 's ’s")
_DEFINITE = _words("the this these those") | _POSSESSIVES
_BE = _words("is are was were be been being am 's ’s")
_FUNCTION = (
    _DETERMINERS
    | _POSSESSIVES
    | _BE
    | _words(
        """of in on at to for with by from into onto about as than and or nor but so yet if
        after before during over under between among against without within through across
        around behind upon
        that which who whom what when where while because although though since until
        he she it they we i you him them us me there here not have has had do does did
        will would can could may might shall should must"""
    )
)
_SAY = _words(
    """say says said saying tell tells told telling believe believes believed think thinks
    thought argue argues argued claim claims claimed contend contends contended suggest
    suggests suggested warn warns warned fear fears feared estimate estimates estimated
    predict predicts predicted note notes noted agree agrees agreed expect expects expected
    suspect suspects suspected insist insists insisted maintain maintains maintained report
    reports reported describe describes described assert asserts asserted allege alleges
    alleged caution cautions cautioned speculate speculates speculated doubt doubts doubted
    add adds added acknowledge acknowledges acknowledged concede concedes conceded accuse
    accuses accused charge charges charged complain complains complained worry worries
    worried deny denies denied point pointed estimate concluded conclude concludes"""
)
# Words after which "that" introduces a clause, so "that could ..." is not a relative clause.
_TAKES_CLAUSE = (
    _SAY
    | _BE
    | _words("know knows knew hope hopes hoped show shows showed mean means meant ensure so now")
)
_VAGUE_DETS = _words("some many several most few other certain various unnamed anonymous numerous")
_MODIFIERS = _words(
    """military intelligence security foreign western independent senior top local legal
    political health medical government administration party industry market defense
    defence exiled former outside private regional international diplomatic financial
    economic environmental campaign congressional republican democratic conservative liberal
    western eastern arab american european british chinese russian israeli iranian u.s. u.n.
    u.k. e.u. us uk eu nato police state federal other leading prominent veteran"""
)
_PERSONISH = (
    "ians",
    "ans",
    "ists",
    "ers",
    "ors",
    "ents",
    "ants",
    "ics",
    "ites",
    "ees",
    "men",
    "als",
    "ives",
)
_PERSONISH_WORDS = _words("people reports polls surveys studies estimates accounts media outlets")
_MONTH_PREV = _words(
    "in on since until till by early late mid last next this of from through during before "
    "after between"
)
_NOUN_MIGHT_PREV = (
    _DETERMINERS
    | _POSSESSIVES
    | _words("military economic naval industrial nuclear full all with american russian chinese")
)
_NOUN_MIGHT_NEXT = _words("of and or is was against behind")
_NOUN_SUSPECT_PREV = (
    _DETERMINERS
    | _POSSESSIVES
    | _words(
        """one two three four five six seven eight nine ten murder terror terrorism prime main
    key chief possible potential usual other shooting bombing alleged male female lone"""
    )
)
_NOUN_SUSPECT_NEXT = _words(
    "was were is are has had in of who and or 's ’s remains remained fled died told said"
)
_ASSUME_OBJECTS = _words(
    """office power control command responsibility responsibilities the a an his her their
    its leadership charge duties position post role presidency chairmanship ownership debt
    risk risks liability liabilities"""
)
_LINKING = _BE | _words("seems seemed seem looks looked sound sounds sounded feel feels felt")
_ABOUT_TOPIC = _words(
    """talk talks talked talking speak speaks spoke speaking think thinking thought know
    knew known worry worried worries care cares cared concerned ask asked asks complain
    complained learn learned hear heard read wrote write writes said says say told tell
    question questions news story stories information details concerns fears more
    something nothing anything everything book film article"""
)
_NUMBERISH = _words(
    "one two three four five six seven eight nine ten twenty hundred thousand million billion"
)
_BELIEVERS = _BE | _words("widely long strongly also i we you he she it they who police")
_QUANTITY_HEADS = _words("people percent per cent times")


class _Context:
    """What the context rules look at while one article is searched."""

    def __init__(self, text: str, low: str, headline: Span | None, sources: Sequence[Span]):
        self.text = text
        self.low = low
        self.headline = headline
        self.title_case = headline is not None and _title_case(text[headline.start : headline.end])
        self.sources = sorted(sources, key=_offsets)  # attrs ordering is slow per comparison
        self.source_starts = [s.start for s in self.sources]
        self.region = Span(0, 0)
        self.bounds: list[int] | None = None  # clause breaks of the region, found once
        self.commas: list[int] | None = None
        self.last_end = -1
        self.last_kind = ""

    def prev(self, pos: int, n: int) -> list[tuple[str, int]]:
        """The last ``n`` tokens (lower case) before ``pos`` in the region, with offsets."""
        lo = max(self.region.start, pos - 24 * n)
        return [(m.group(), m.start()) for m in _TOKEN.finditer(self.low, lo, pos)][-n:]

    def next(self, pos: int, n: int) -> list[tuple[str, int, int]]:
        """The next ``n`` tokens (lower case) from ``pos`` in the region, with offsets."""
        out: list[tuple[str, int, int]] = []
        for m in _TOKEN.finditer(self.low, pos, self.region.end):
            out.append((m.group(), m.start(), m.end()))
            if len(out) == n:
                break
        return out

    def prev_word(self, pos: int) -> str:
        p = self.prev(pos, 1)
        return p[0][0] if p else ""

    def next_word(self, pos: int) -> str:
        n = self.next(pos, 1)
        return n[0][0] if n else ""

    def in_source(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps an attribution's source span."""
        i = bisect_right(self.source_starts, start)
        if i and self.sources[i - 1].end > start:
            return True
        return i < len(self.sources) and self.sources[i].start < end


def _title_case(line: str) -> bool:
    words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _is_word(token: str) -> bool:
    return bool(token) and token[0].isalnum()


_Result = tuple[int, int, Entry] | None
_BLOCKED: tuple[int, int, Entry] = (0, 0, Entry(""))
_APPROXIMATOR = Entry("approximator", scope="quantity")
_DISTANCING = Entry("distancing")
_VAGUE = Entry("vague_source")


def find_cues(
    text: str,
    low: str,
    regions: Sequence[Span],
    headline: Span | None = None,
    sources: Sequence[Span] = (),
) -> list[Found]:
    """Every hedge cue in ``regions`` (sentences, and the headline), in text order.

    ``low`` is ``text`` lower-cased with offsets unchanged; ``headline`` is the region that is
    the article's headline (title case changes how "May" reads); ``sources`` are the
    attribution source spans of the statements found so far, which make a vague plural
    ("some exiled Iranians") a vague source wherever it stands. Cues never overlap.
    """
    ctx = _Context(text, low, headline, sources)
    found: list[Found] = []
    for region in regions:
        ctx.region = region
        ctx.bounds = ctx.commas = None
        ctx.last_end, ctx.last_kind = -1, ""
        pos = region.start
        while True:
            m = CUE_RE.search(low, pos, region.end)
            if m is None:
                break
            got = _accept(ctx, m)
            if got is None:
                pos = m.start() + 1
                continue
            if got is _BLOCKED:
                pos = m.end()
                continue
            start, end, entry = got
            found.append(
                Found(
                    Span(start, end),
                    entry.kind,
                    entry.grade,
                    entry.negates,
                    _scope(ctx, start, end, entry.scope),
                )
            )
            ctx.last_end, ctx.last_kind = end, entry.kind
            pos = max(end, m.start() + 1)
    return found


def _key(matched: str) -> str:
    return " ".join(matched.split()).replace("’", "'").replace("‐", "-").replace("‑", "-")


def _accept(ctx: _Context, m: re.Match[str]) -> _Result:
    """The cue ``m`` stands for (start, end, entry), ``_BLOCKED``, or ``None`` to reject it."""
    start, end = m.start(), m.end()
    if m.lastgroup == "digit":
        number = NUMBER_OR.match(ctx.low, start, ctx.region.end)
        return (start, number.end(), _APPROXIMATOR) if number else None
    key = _key(m.group())
    for name in STARTERS.get(key, ()):
        tail = TAILS[name].match(ctx.low, end, ctx.region.end)
        if tail is not None:
            got = _STRUCTURES[name](ctx, start, tail.end())
            if got is not None:
                return got
    entry = ENTRIES.get(key)
    if entry is None:
        return None
    if not entry.kind:
        return _BLOCKED
    if entry.check is None:
        return start, end, entry
    return _CHECKS[entry.check](ctx, start, end, entry)


def _approx(ctx: _Context, s: int, e: int) -> _Result:
    words = ctx.low[s:e].split()
    if words[-1] == "one" and ctx.next_word(e) == "of":
        return None  # "about one of them" is not a count
    if words == ["about", "one"] and ctx.next_word(e) not in ("in", "out", "percent", "per"):
        return None  # "clear about one thing": no one is "about one", only "about one in five"
    if words[0] == "about" and ctx.prev_word(s) in _ABOUT_TOPIC:
        return None  # "talked about two issues": "about" is the preposition
    return s, e, _APPROXIMATOR


def _what(ctx: _Context, s: int, e: int) -> _Result:
    # A nested attribution follows a verb or preposition of the writer's sentence; a
    # sentence-initial "What he said was ..." is a subject, not a distancing.
    return (s, e, _DISTANCING) if _is_word(ctx.prev_word(s)) else None


def _quantity_pattern(ctx: _Context, s: int, e: int) -> _Result:
    return s, e, _APPROXIMATOR


# --- context rules ------------------------------------------------------------------------


def _modal(ctx: _Context, s: int, e: int, entry: Entry) -> _Result:
    """A modal that hedges nothing is not a cue: one inside a restrictive relative clause
    ("anything that could be ...") describes a thing; one in a clause of purpose or time
    ("so she could use", "before police could arrive") states an ability; one standing
    alone ("if I may,") asks permission."""
    if not _is_word(ctx.next_word(e)):
        return None
    prev = [t for t, _ in ctx.prev(s, 4)]
    if len(prev) >= 2 and prev[-1] in ("that", "which", "who"):
        before = prev[-2]
        if _is_word(before) and before not in _TAKES_CLAUSE:
            return None
    for token in reversed(prev[:-1]):
        if token in ("so", "before", "until"):
            return None
        if not _is_word(token) and token != ".":
            break
    return s, e, entry


def _may(ctx: _Context, s: int, e: int, entry: Entry) -> _Result:
    """Whether "may" is the modal: capitalised, it is the month (or a name) unless it opens
    a sentence or a title-case headline, and even there "May 5" and "in May" are the month."""
    if ctx.text[s] == "M":
        if ctx.next_word(e)[:1].isdigit():
            return None
        before = ctx.prev_word(s)
        if before in _MONTH_PREV:
            return None
        opens = not _is_word(before)
        if not opens and not (ctx.title_case and ctx.region == ctx.headline):
            return None
    return _modal(ctx, s, e, entry)


def _might(ctx: _Context, s: int, e: int, entry: Entry) -> _Result:
    """Rejects the noun: "military might", "with all its might"."""
    after = ctx.next_word(e)
    if not _is_word(after) or after in _NOUN_MIGHT_NEXT or ctx.prev_word(s) in _NOUN_MIGHT_PREV:
        return None
    return _modal(ctx, s, e, entry)


def _could(ctx: _Context, s: int, e: int, entry: Entry) -> _Result:
    """Rejects "could not", which states an inability or an impossibility."""
    if ctx.next_word(e) in ("not", "n't", "never", "hardly", "barely", "scarcely"):
        return None
    return _modal(ctx, s, e, entry)


def _suspect(ctx: _Context, s: int, e: int, entry: Entry) -> _Result:
    """Keeps the verb ("police suspect that ..."), rejects the noun ("the suspect was")."""
    before, after = ctx.prev_word(s), ctx.next_word(e)
    if before in _NOUN_SUSPECT_PREV or before[:1].isdigit():
        return None
    if not _is_word(after) or after in _NOUN_SUSPECT_NEXT:
        return None
    return s, e, entry


def _suspected(ctx: _Context, s: int, e: int, entry: Entry) -> _Result:
    """A belief in "is suspected of", "she suspected that"; a distancing in "suspected
    militants"."""
    before, after = ctx.prev_word(s), ctx.next_word(e)
    if before in _BELIEVERS or after == "that":
        return s, e, entry
    if after in ("of", "to") or (_is_word(after) and after not in _FUNCTION):
        return s, e, _DISTANCING
    return s, e, entry


def _assume(ctx: _Context, s: int, e: int, entry: Entry) -> _Result:
    """Rejects taking something on ("assumed office", "assume Patriot's debts")."""
    after = ctx.next_word(e)
    if after in _ASSUME_OBJECTS or after.endswith(("'s", "’s")):
        return None
    return s, e, entry


def _expect(ctx: _Context, s: int, e: int, entry: Entry) -> _Result:
    """Keeps "is expected to win"; rejects "the move had been expected.", which reports
    that something foreseen happened."""
    if ctx.prev_word(s) in _BE | {"widely", "generally"} and ctx.next_word(e) not in (
        "to",
        "that",
    ):
        return None
    return s, e, entry


def _alleged(ctx: _Context, s: int, e: int, entry: Entry) -> _Result:
    """Attributive "alleged abuse" distances; the verb ("she alleged that") is a cue of
    attribution, left to the quote finder."""
    after = ctx.next_word(e)
    return (s, e, entry) if _is_word(after) and after not in _FUNCTION else None


def _conditional(ctx: _Context, s: int, e: int, entry: Entry) -> _Result:
    """Rejects the duration "as long as two years", and "whether" right after a cue of
    uncertainty ("unclear whether" is one cue, not two)."""
    word = ctx.low[s:e]
    if word.startswith("as"):
        after = ctx.next_word(e)
        if after[:1].isdigit() or after in ("a", "an") or after in _NUMBERISH:
            return None
    elif (
        ctx.last_end >= 0
        and ctx.last_kind in ("epistemic", "doxastic", "investigation")
        and not ctx.low[ctx.last_end : s].strip()
    ):
        return None
    return s, e, entry


def _degree(ctx: _Context, s: int, e: int, entry: Entry) -> _Result:
    """A downtoner counts with the word it tones down ("relatively small"); "rather" only
    after a linking verb ("is rather small"), never in "rather than"."""
    after = ctx.next(e, 1)
    if not after or not _is_word(after[0][0]) or after[0][0] in _FUNCTION:
        return None
    if ctx.low[s:e] == "rather" and ctx.prev_word(s) not in _LINKING:
        return None
    return s, after[0][2], entry


def _vague_np(ctx: _Context, s: int, e: int, entry: Entry) -> _Result:
    """A plural source noun with its modifiers ("Military experts", "senior U.S. officials"),
    when it is a source: not made definite ("the experts"), and saying something."""
    start = s
    for step, (token, at) in enumerate(reversed(ctx.prev(s, 3))):
        if token in _VAGUE_DETS or token in _MODIFIERS:
            start = at
            continue
        if token in _FUNCTION or token in _SAY or token in _NUMBERISH or not token[0].isalpha():
            break
        # A name or an adjective of origin ("Pentagon officials"), or one unknown
        # lower-case modifier right before the noun ("restructuring experts"); a plural
        # there is more likely a noun of its own ("changes lawmakers are expected to").
        if ctx.text[at].isupper() or (step == 0 and not token.endswith("s")):
            start = at
            continue
        break
    if start < ctx.last_end:
        start = s
    if s < ctx.last_end or ctx.prev_word(start) in _DEFINITE:
        return None
    return (start, e, entry) if _says(ctx, start, e) else None


def _vague_group(ctx: _Context, s: int, e: int) -> _Result:
    """A vague quantifier and a plural of people ("some exiled Iranians", "many people"),
    when they are a source."""
    words = ctx.low[s:e].split()
    head = words[-1]
    middle = words[2 if words[0] == "a" else 1 : -1]
    if any(w in _FUNCTION or w in _SAY or not w[0].isalpha() for w in middle):
        return None
    if head not in _PERSONISH_WORDS and not head.endswith(_PERSONISH):
        return None
    if s < ctx.last_end or not _says(ctx, s, e):
        return None
    return s, e, _VAGUE


def _says(ctx: _Context, start: int, end: int) -> bool:
    """Whether the noun phrase ``[start, end)`` is a source: the quote finder made it (part
    of) one, it follows "according to", or a verb of saying or thinking follows it within a
    few words and no punctuation ("Military experts and some exiled Iranians say")."""
    if ctx.in_source(start, end):
        return True
    if [t for t, _ in ctx.prev(start, 2)] == ["according", "to"]:
        return True
    before = ""
    for token, _, _ in ctx.next(end, 7):
        if token in _SAY:
            return before not in _BE  # "lawmakers are expected to" is no saying
        if not _is_word(token):
            return False
        before = token
    return False


_CHECKS: dict[str, Callable[[_Context, int, int, Entry], _Result]] = {
    "may": _may,
    "might": _might,
    "could": _could,
    "suspect": _suspect,
    "suspected": _suspected,
    "assume": _assume,
    "expect": _expect,
    "alleged": _alleged,
    "conditional": _conditional,
    "degree": _degree,
    "vague_np": _vague_np,
}


_STRUCTURES: dict[str, Callable[[_Context, int, int], _Result]] = {
    "approx": _approx,
    "between": _quantity_pattern,
    "or": _quantity_pattern,
    "what": _what,
    "group": _vague_group,
}


# --- scope ----------------------------------------------------------------------------------


def _scope(ctx: _Context, s: int, e: int, mode: str) -> Span | None:
    """The stretch of text the cue at ``[s, e)`` governs, inside its sentence.

    ``clause``: from the cue to the end of its clause; ``complement``: what follows the cue
    (after a "that"), to the end of the clause, or ``None`` when nothing follows;
    ``condition``: from the cue to the first comma or the end of the clause; ``quantity``:
    the cue and the noun it counts or grades.
    """
    if mode == "quantity":
        return _quantity(ctx, s, e)
    if ctx.bounds is None:
        r = ctx.region
        ctx.bounds = [m.start() for m in _BREAK.finditer(ctx.text, r.start, r.end)]
    i = bisect_left(ctx.bounds, e)
    end = ctx.bounds[i] if i < len(ctx.bounds) else ctx.region.end
    start = s
    if mode == "complement":
        start = e
        after = ctx.next(e, 2)
        if after and after[0][0] == "that":
            after = after[1:]
        if after:
            start = after[0][1]
    elif mode == "condition":
        if ctx.commas is None:
            r = ctx.region
            ctx.commas = [m.start() for m in _COMMA.finditer(ctx.text, r.start, r.end)]
        j = bisect_left(ctx.commas, e)
        if j < len(ctx.commas):
            end = min(end, ctx.commas[j])
    while end > start and ctx.text[end - 1] in _TRAILING:
        end -= 1
    return Span(start, end) if end > start else None


def clause_scope(text: str, region: Span, start: int, end: int) -> Span | None:
    """The scope of a cue at ``[start, end)`` of ``region`` that governs its clause: from the
    cue to the clause's end (see :func:`find_cues`), or ``None`` when nothing is left."""
    ctx = _Context(text, text.lower() if len(text.lower()) == len(text) else text, None, ())
    ctx.region = region
    return _scope(ctx, start, end, "clause")


def _quantity(ctx: _Context, s: int, e: int) -> Span:
    """The cue and up to three words after it, to the first word that heads a noun phrase
    ("Between 20-60 militants", "scores of U.S. soldiers")."""
    end = e
    for token, _, token_end in ctx.next(e, 3):
        if not _is_word(token) or token in _FUNCTION:
            break
        end = token_end
        if token.endswith("s") or token in _QUANTITY_HEADS:
            break
    return Span(s, end)


def _offsets(span: Span) -> tuple[int, int]:
    return span.start, span.end
