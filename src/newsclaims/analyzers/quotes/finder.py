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

from collections.abc import Iterator, Sequence

from newsclaims.analyzers.quotes.clauses import attributions
from newsclaims.analyzers.quotes.conventions import continuation, headline, paragraph_conventions
from newsclaims.analyzers.quotes.ends import cut_ends
from newsclaims.analyzers.quotes.keep import THRESHOLD, keep_probability
from newsclaims.analyzers.quotes.marks import find_quotes
from newsclaims.analyzers.quotes.speakers import Resolver
from newsclaims.analyzers.quotes.units import Cover, Found, Unit, headline_unit, units, words
from newsclaims.analyzers.quotes.words import (
    MIN_ASSERTION_WORDS,
)
from newsclaims.model import Analysis, Attribution, Span, Speaker, Statement, StatementKind

__all__ = ["find_statements"]


def find_statements(analysis: Analysis, keep: float = THRESHOLD) -> list[Statement]:
    """All statements of ``analysis.article``, in text order, numbered s1, s2, ...; an
    attribution of the clause rules that the learned check scores below ``keep`` is left
    out (see :mod:`.keep`; 0 keeps every one)."""
    text = analysis.text
    layout = analysis.layout
    paragraphs = list(layout.body_paragraphs)
    quotes = find_quotes(text, paragraphs)
    found: list[Found] = []
    covered: list[Span] = []  # sentences that hold an attribution (not assertions)
    left_out: list[Found] = []  # attributions the learned check left out

    if layout.headline is not None:
        head = headline(text, layout.headline)
        if head is not None:
            found.append(head)
        else:
            # "Bellwether County Says Trump Should Win GOP Nomination"
            every = attributions(text, headline_unit(text, layout.headline))
            found.extend(_checked(text, every, keep, left_out))

    conventions, handled = paragraph_conventions(text, paragraphs)
    found.extend(conventions)
    parts = units(text, layout.sentences, quotes, paragraphs)
    last_direct_paragraph = -10
    for unit in parts:
        if unit.paragraph in handled:
            covered.append(unit.span)
            continue
        got = _checked(text, _unit_attributions(text, unit), keep, left_out)
        if got:
            found.extend(got)
            if any(not f.subject for f in got):
                covered.append(unit.span)
            if any(f.kind is not StatementKind.INDIRECT for f in got):
                last_direct_paragraph = unit.paragraph
            continue
        cont = continuation(text, unit, paragraphs, found, last_direct_paragraph)
        if cont is not None:
            if isinstance(cont, Found):
                found.append(cont)
            covered.append(unit.span)
            last_direct_paragraph = unit.paragraph
            continue

    assertions = [
        Found([s], StatementKind.ASSERTION)
        for s in _uncovered(layout.sentences, covered)
        if words(text, s) >= MIN_ASSERTION_WORDS
    ]
    resolve_speakers(text, found, left_out)
    every = sorted(found + assertions, key=lambda f: (f.start, f.kind is StatementKind.ASSERTION))
    return [_statement(f, i + 1) for i, f in enumerate(every)]


def _unit_attributions(text: str, unit: Unit) -> list[Found]:
    """The attributions of ``unit``, their contents ended by the learned end model. Where
    the model ends a content before the rules did, the words it gave back are searched
    again: the rules skip a cue inside another's content, and one may stand there ("46
    percent said yes, compared with 23 percent **who said** ...")."""
    got = attributions(text, unit)
    ends = [f.content[-1].end for f in got]
    cut_ends(text, unit, got)
    freed = sorted(  # (in text order, as ``within`` needs them)
        Span(f.content[-1].end, end)
        for f, end in zip(got, ends, strict=True)
        if f.content[-1].end < end
    )
    if freed:
        taken = Cover(s for g in got for s in (*g.content, g.cue, g.source) if s is not None)
        more = [
            m
            for m in attributions(text, unit, within=freed)
            if m.cue is not None and not taken.overlaps(m.cue)
        ]
        if more:
            cut_ends(text, unit, got + more, only=more)
            got.extend(more)
    return got


def _checked(text: str, got: list[Found], keep: float, left_out: list[Found]) -> list[Found]:
    """``got`` less the attributions the learned check scores below ``keep``, which go to
    ``left_out``. (A cue never lies in its own content, so "inside another's content" asks
    about every content.)"""
    if keep <= 0.0:
        return got
    contents = Cover(s for f in got for s in f.content)
    kept = []
    for f in got:
        if (
            f.cue is None
            or keep_probability(text, f.kind, f.source, f.cue, f.content, contents.overlaps(f.cue))
            >= keep
        ):
            kept.append(f)
        else:
            left_out.append(f)
    return kept


def _statement(f: Found, n: int) -> Statement:
    if f.kind is StatementKind.ASSERTION:
        return Statement(id=f"s{n}", kind=f.kind, content=tuple(f.content))
    return Statement(
        id=f"s{n}",
        kind=f.kind,
        content=tuple(f.content),
        attribution=Attribution(source=f.source, cue=f.cue, speaker=f.speaker, stance=f.stance),
    )


def _uncovered(sentences: Sequence[Span], covered: Sequence[Span]) -> Iterator[Span]:
    """The sentences that no span of ``covered`` overlaps, in one merge pass (both are
    walked in text order, so this stays linear however many statements there are)."""
    spans = sorted(covered)
    j = 0
    for s in sentences:
        while j < len(spans) and spans[j].end <= s.start:
            j += 1
        if j < len(spans) and spans[j].start < s.end:
            continue
        yield s


def resolve_speakers(text: str, found: list[Found], context: Sequence[Found] = ()) -> None:
    """Resolve every statement's speaker, in text order. The sources of ``context`` (the
    attributions the learned check left out) are read too, as antecedents only: "Hillary
    Clinton maintains a lock on ... She said ..." still resolves "She"."""
    resolver = Resolver(text)
    last: Speaker | None = None
    extra = {id(f) for f in context}
    for f in sorted(
        [*found, *context],
        key=lambda f: f.start if f.source is None else min(f.start, f.source.start),
    ):
        own = id(f) not in extra
        if f.continues:
            if own:
                f.speaker = last
            continue
        if f.source is None:
            continue
        subject = None
        if own and f.subject:
            subject = resolver.peek(f.subject, f.source.start)
        words = [w for w in f.source_words if w not in (",",)]
        speaker = resolver.resolve(words, f.source.start, subject)
        if own:
            f.speaker = last = speaker
