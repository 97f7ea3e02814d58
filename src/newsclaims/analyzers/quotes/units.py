"""Units of analysis: sentences merged where a quotation crosses them, and found statements."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import accumulate

from attrs import define, field

from newsclaims.analyzers.quotes.cues import VERBS
from newsclaims.analyzers.quotes.marks import Quote
from newsclaims.model import Span, Speaker, StatementKind
from newsclaims.text import Token, tokens


@define
class Found:
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
class Unit:
    span: Span
    paragraph: int
    quotes: list[Quote]
    tokens: list[Token]


def units(
    text: str, sentences: Sequence[Span], quotes: Sequence[Quote], paragraphs: Sequence[Span]
) -> list[Unit]:
    """Sentences, merged where a quote crosses a sentence boundary, with their quotes."""
    qstarts = [q.span.start for q in quotes]
    pstarts = [p.start for p in paragraphs]
    units: list[Unit] = []
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
        # "Cruz continued:" closing a paragraph, and the quotation opening the next one;
        # "“... are missing.” Trump said.", a quote that ends its sentence and a short
        # sentence after it that is only its cue and source: one unit, so the cue finds
        # its quote.
        if units and (
            _lead_in(text, units[-1], s, quotes, qstarts, pstarts)
            or _tag_after(text, units[-1], s, qstarts, pstarts)
        ):
            prev = units[-1]
            prev.span = Span(prev.span.start, s.end)
            _extend_quotes(prev, quotes, qstarts)
            continue
        unit = Unit(s, bisect_left(pstarts, s.start + 1) - 1, [], [])
        _extend_quotes(unit, quotes, qstarts)
        units.append(unit)
    for unit in units:
        unit.tokens = tokens(text, unit.span)
    return units


def headline_unit(text: str, head: Span) -> Unit:
    """The headline as a unit of its own (paragraph -1: nothing continues it)."""
    from newsclaims.analyzers.quotes.marks import find_quotes

    return Unit(head, -1, find_quotes(text, [head]), tokens(text, head))


def _lead_in(
    text: str,
    prev: Unit,
    s: Span,
    quotes: Sequence[Quote],
    qstarts: list[int],
    pstarts: list[int],
) -> bool:
    """Whether ``prev`` ends its paragraph with a colon and ``s`` opens the next paragraph
    with a quotation."""
    if not text[prev.span.start : prev.span.end].rstrip().endswith(":") or prev.quotes:
        return False
    para = bisect_left(pstarts, s.start + 1) - 1
    if para != prev.paragraph + 1 or pstarts[para] != s.start:
        return False
    i = bisect_left(qstarts, s.start)
    return i < len(quotes) and quotes[i].span.start == s.start


def _tag_after(text: str, prev: Unit, s: Span, qstarts: list[int], pstarts: list[int]) -> bool:
    """Whether ``s`` is a short cue-and-source sentence ("Trump said.") right after
    ``prev``, which ends with a quotation, in the same paragraph."""
    end = prev.span.end
    while end > prev.span.start and text[end - 1].isspace():
        end -= 1
    if not prev.quotes or prev.quotes[-1].span.end < end:
        return False
    if bisect_left(pstarts, s.start + 1) - 1 != prev.paragraph:
        return False
    i = bisect_left(qstarts, s.start)
    if i < len(qstarts) and qstarts[i] < s.end:
        return False
    # Only the start of the sentence matters: a tag is among its first words.
    head = Span(s.start, min(s.end, s.start + _TAG_CHARS))
    toks = tokens(text, head)
    q = prev.quotes[-1].span
    last = q.end
    while last > q.start and text[last - 1] in "”\"’' ":
        last -= 1
    if last > q.start and text[last - 1] in "?!" and toks and toks[0].text[:1].isupper():
        # The splitter cuts after "?”" and "!”" though the sentence goes on: "“Who do
        # they think they are?” Trump said of Apple in February."
        return any(_tags(t.lower) for t in toks[:8])
    if head.end < s.end or not 2 <= len(toks) <= 8 or toks[-1].text not in (".", "!", "?"):
        return False
    return any(_tags(t.lower) for t in toks)


def _tags(word: str) -> bool:
    """Whether ``word`` can tag a quotation from a sentence of its own: a verb of saying,
    or any other cue of the curated lexicon ("“Why ...?” Vitter demanded.")."""
    if word in TAG_VERBS:
        return True
    cue = VERBS.get(word)
    return cue is not None and not cue.learned


_TAG_CHARS = 200


# Verbs of saying that tag a quotation from a sentence of their own.
TAG_VERBS = frozenset(
    {
        "said",
        "says",
        "added",
        "adds",
        "asked",
        "asks",
        "wrote",
        "writes",
        "told",
        "tells",
        "continued",
        "continues",
        "explained",
        "explains",
        "noted",
        "notes",
        "tweeted",
    }
)


def _extend_quotes(unit: Unit, quotes: Sequence[Quote], qstarts: list[int]) -> None:
    i = bisect_left(qstarts, unit.span.start)
    unit.quotes = []
    while i < len(quotes) and quotes[i].span.start < unit.span.end:
        unit.quotes.append(quotes[i])
        i += 1
    if unit.quotes and unit.quotes[-1].span.end > unit.span.end:
        # The quote runs past the sentence end: the unit grows to hold it.
        unit.span = Span(unit.span.start, unit.quotes[-1].span.end)


def inside(quotes: Sequence[Quote], offset: int) -> bool:
    return any(q.span.start <= offset < q.span.end for q in quotes)


def kind_of(content: Sequence[Span], quotes: Sequence[Quote]) -> StatementKind:
    """A content's kind: direct when its parts are quotations, mixed when a quotation
    stands whole inside it, indirect otherwise."""
    # Quotes are in text order and never overlap, so the first quote starting in a part is
    # the only one that can be it or lie whole inside it: a binary search per part keeps a
    # sentence of many quotes and cues linear.
    firsts = [_first_quote_in(quotes, part) for part in content]
    if content and all(
        q is not None and q.span == part for q, part in zip(firsts, content, strict=True)
    ):
        return StatementKind.DIRECT
    if any(
        q is not None and part.contains(q.span) for q, part in zip(firsts, content, strict=True)
    ):
        return StatementKind.MIXED
    return StatementKind.INDIRECT


def _first_quote_in(quotes: Sequence[Quote], part: Span) -> Quote | None:
    i = bisect_left(quotes, part.start, key=lambda q: q.span.start)
    return quotes[i] if i < len(quotes) and quotes[i].span.start < part.end else None


class Cover:
    """Spans, for asking whether a span overlaps any of them: sorted once, each question
    a binary search, so that a unit with many attributions costs no more than linear."""

    __slots__ = ("reach", "starts")

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted((s.start, s.end) for s in spans)
        self.starts = [a for a, _ in ordered]
        self.reach = list(accumulate((b for _, b in ordered), max))  # furthest end so far

    def overlaps(self, span: Span) -> bool:
        i = bisect_left(self.starts, span.end)
        return i > 0 and self.reach[i - 1] > span.start


def has_words(text: str, span: Span, n: int) -> bool:
    """Whether ``span`` holds at least ``n`` words (as :func:`words` counts them), reading
    no further than the ``n``-th."""
    if n <= 0:
        return True
    for m in _WORD.finditer(text, span.start, span.end):
        if any(c.isalnum() for c in m.group()):
            n -= 1
            if n == 0:
                return True
    return False


_WORD = re.compile(r"\S+")


def words(text: str, span: Span) -> int:
    return sum(1 for w in text[span.start : span.end].split() if any(c.isalnum() for c in w))


def trim_end(text: str, span: Span) -> Span:
    """Drop sentence punctuation from the end of an indirect content span."""
    end = span.end
    # the close of a parenthesis the content did not open goes too: "(He denied it.)"
    # (the surplus of closes is counted once, not again for each mark dropped)
    unopened = text.count(")", span.start, end) - text.count("(", span.start, end)
    while end > span.start:
        c = text[end - 1]
        if c == ")" and unopened > 0:
            unopened -= 1
        elif not (c in ".,;:" or c.isspace()):
            break
        end -= 1
    return Span(span.start, end)


def span_of(toks: Sequence[Token], a: int, b: int) -> Span:
    return Span(toks[a].start, toks[b - 1].end)


def outside_quotes(unit: Unit) -> list[Token]:
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
