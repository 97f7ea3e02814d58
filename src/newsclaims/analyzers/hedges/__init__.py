"""Built-in hedge detector: typed hedge cues, and each statement's certainty and polarity.

Runs after the quote finder. Over the headline and the body sentences it finds cues of eight
kinds (the phrases are in :mod:`.lexicon`, the context rules in :mod:`.detect`):

``epistemic``      may, might, could, possibly, perhaps, likely, probably, seems, appears to,
                   unclear, "would be hard to imagine"
``doxastic``       a holder's belief: believe, think, expect, suspect, assume
``conditional``    if, unless, whether, in case, provided that
``investigation``  "examine whether", "asked if", "remains to be seen"
``distancing``     allegedly, reportedly, so-called, purported, "what it says are"
``vague_source``   an unnamed plural or impersonal source: "Military experts", "some exiled
                   Iranians" (saying something), "it is believed", "people familiar with"
``approximator``   a loose quantity or degree: "about 200", "Between 20-60", "scores of",
                   "two or three", "relatively small", "largely"
``booster``        clearly, undoubtedly, no doubt, certainly, of course

Each :class:`~newsclaims.model.Hedge` gets ids ``h1``, ``h2``, ... in text order, a scope
(from the cue to the end of its clause: cut at "but", "although", "though", "whereas", a
semicolon, a dash, a closing quotation mark, a trailing ", he said" or the sentence end; a
belief verb's scope is its complement, a condition's runs to its comma, an approximator's is
the quantity phrase) and a holder: ``source`` when the cue lies inside the content of an
attributed statement, ``writer`` otherwise.

A statement lists every hedge whose cue overlaps its content or its attribution's source or
cue (so "Military experts" belongs to what the experts say). Its **certainty** comes from
the hedges it *owns*: those in its own content (not in a statement nested inside it) or in
its attribution cue ("analysts believe"):

* no hedge, a booster, an approximator, a vague source, or an attributive distancing
  ("alleged abuse", "what it says are"): CERTAIN; approximators and vague sources describe
  quantities and sources, and an attributive distancing marks one noun phrase, not the claim;
* may, might, could, possibly, perhaps, speculation: POSSIBLE;
* likely, probably, seems, apparently, "would be hard to imagine", unlikely, and belief verbs
  (the holder believes rather than knows): PROBABLE;
* the weakest of these wins ("may" beats "likely");
* with none of them, a condition, an investigation, "unclear", an impersonal "it is rumored",
  or a distancing *adverb* (allegedly, reportedly, supposedly): UNDERSPECIFIED. A writer who
  writes "X allegedly took bribes" commits to neither the truth nor the falsity of the claim
  (FactBank's "uncommitted"), so the claim is left underspecified rather than "probable".

Its **polarity** is NEGATIVE when an odd number of negations govern its main clause: not,
n't, no, never, none, nobody, nothing, neither/nor, "denied that", a denial as the
attribution cue, and the negating hedges (unlikely, doubtful, "hard to imagine": FactBank's
"probably not"). Negations in subordinate clauses, inside hedge cues ("no doubt") or in idioms
("not only") do not count. Polarity never changes certainty, nor the reverse.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence

import attrs

from newsclaims.analyzer import Analyzer
from newsclaims.analyzers.hedges.detect import Found, find_cues
from newsclaims.analyzers.hedges.grade import certainty, negation_starts, negations, polarity
from newsclaims.hookspecs import hookimpl
from newsclaims.model import Analysis, Hedge, HedgeHolder, Span, Statement, StatementKind

__all__ = ["analyze", "newsclaims_register_analyzers"]

_CONTENT, _SOURCE, _CUE = 0, 1, 2
# Spans are filed in blocks of 2**9 characters, so finding what a cue overlaps costs the
# same at the end of a long article as at its start.
_BLOCK = 9


def analyze(analysis: Analysis) -> Analysis:
    """``analysis`` with its hedges found and its statements' hedges, certainty and polarity
    set. Any hedges already present are replaced: this analyzer provides them."""
    text = analysis.text
    low = _lower(text)
    layout = analysis.layout
    regions = ([layout.headline] if layout.headline is not None else []) + list(layout.sentences)
    statements = analysis.statements
    sources = [
        s.attribution.source
        for s in statements
        if s.attribution is not None and s.attribution.source is not None
    ]
    found = find_cues(text, low, regions, headline=layout.headline, sources=sources)
    index = _index(statements)

    hedges: list[Hedge] = []
    listed: list[list[str]] = [[] for _ in statements]
    owned: list[list[Found]] = [[] for _ in statements]
    for number, f in enumerate(found, 1):
        hedge_id = f"h{number}"
        hits = _hits(index, f.cue)
        inside_quote = any(
            role == _CONTENT and span.contains(f.cue) and _attributed(statements[i])
            for i, role, span in hits
        )
        hedges.append(
            Hedge(
                id=hedge_id,
                cue=f.cue,
                kind=f.kind,
                scope=f.scope,
                holder=HedgeHolder.SOURCE if inside_quote else HedgeHolder.WRITER,
            )
        )
        for i in sorted({i for i, _, _ in hits}):
            listed[i].append(hedge_id)
        for i in _owners(hits):
            owned[i].append(f)

    cues = [f.cue for f in found]
    cue_starts = [c.start for c in cues]
    negated = negation_starts(low)
    graded: list[Statement] = []
    for i, s in enumerate(statements):
        grade = certainty(f.grade for f in owned[i])
        count = sum(
            negations(low, span, cues, cue_starts)
            for span in s.content
            if _any_between(negated, span.start, span.end)
        )
        sign = polarity(count + sum(f.negates for f in owned[i]) + _denial(s, low))
        hedge_ids = tuple(listed[i])
        if (hedge_ids, grade, sign) == (s.hedges, s.certainty, s.polarity):
            graded.append(s)  # most statements: nothing to change, nothing to rebuild
        else:
            graded.append(attrs.evolve(s, hedges=hedge_ids, certainty=grade, polarity=sign))
    return analysis.evolve(hedges=tuple(hedges), statements=tuple(graded))


def _any_between(offsets: list[int], start: int, end: int) -> bool:
    """Whether any of the sorted ``offsets`` lies in ``[start, end)``."""
    i = bisect_left(offsets, start)
    return i < len(offsets) and offsets[i] < end


def _lower(text: str) -> str:
    """``text`` lower-cased with every offset kept (``str.lower`` can lengthen a few
    characters, such as "İ"; then only ASCII letters are lowered)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}

_Entry = tuple[int, int, Span]  # (statement index, role, span)


def _index(statements: Sequence[Statement]) -> dict[int, list[_Entry]]:
    """Every content, source and cue span of ``statements``, filed by block."""
    index: dict[int, list[_Entry]] = {}
    for i, s in enumerate(statements):
        spans = [(_CONTENT, c) for c in s.content]
        a = s.attribution
        if a is not None:
            if a.source is not None:
                spans.append((_SOURCE, a.source))
            if a.cue is not None:
                spans.append((_CUE, a.cue))
        for role, span in spans:
            for block in range(
                span.start >> _BLOCK, (max(span.end, span.start + 1) - 1 >> _BLOCK) + 1
            ):
                index.setdefault(block, []).append((i, role, span))
    return index


def _hits(index: dict[int, list[_Entry]], cue: Span) -> list[_Entry]:
    """The indexed spans that ``cue`` overlaps, each once."""
    out: dict[tuple[int, int, Span], None] = {}
    for block in range(cue.start >> _BLOCK, ((cue.end - 1) >> _BLOCK) + 1):
        for entry in index.get(block, ()):
            if entry[2].overlaps(cue):
                out[entry] = None
    return list(out)


def _owners(hits: list[_Entry]) -> set[int]:
    """The statements whose certainty a cue grades: the innermost statements whose content
    it lies in (a hedge inside a nested quotation is the quotation's, not the writer's), and
    those whose attribution cue it is part of."""
    contents = [(len(span), i) for i, role, span in hits if role == _CONTENT]
    owners = {i for i, role, _ in hits if role == _CUE}
    if contents:
        innermost = min(n for n, _ in contents)
        owners.update(i for n, i in contents if n == innermost)
    return owners


def _attributed(s: Statement) -> bool:
    return s.attribution is not None and s.kind is not StatementKind.ASSERTION


def _denial(s: Statement, low: str) -> int:
    """1 when the attribution cue denies the content ("denied", stance "denial")."""
    a = s.attribution
    if a is None:
        return 0
    if a.stance == "denial":
        return 1
    return int(
        a.cue is not None
        and low[a.cue.start : a.cue.end].split()[-1:]
        in (
            ["deny"],
            ["denies"],
            ["denied"],
            ["denying"],
        )
    )


@hookimpl
def newsclaims_register_analyzers(register: Callable[[Analyzer], None]) -> None:
    register(
        Analyzer(
            name="hedges",
            analyze=analyze,
            needs={"statements"},
            provides={"hedges", "certainty", "polarity"},
            description="hedge cues (epistemic, doxastic, conditional, investigation, "
            "distancing, vague source, approximator, booster); certainty and polarity",
        )
    )
