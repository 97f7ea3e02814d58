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

**Profiles.** The default profile, ``news``, is the hand-written lexicon and rules above.
A learned *domain profile* (``HedgeDetector(profile="bio")``) adds a cue classifier trained
on a domain's annotated corpus (:mod:`.learned`; the data ships in ``data/<profile>.json``):
the classifier decides which occurrences of the epistemic, doxastic, conditional and
investigation cues are hedges, and may add cue words the lexicon lacks ("putative",
"indicate that"); the news-only kinds still come from the lexicon. The pipeline's analyzer
always uses ``news``: the ``bio`` profile exists for biomedical text (CoNLL-2010), whose
hedging ("suggest", "or", "putative") reads differently from news.

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
from newsclaims.analyzers.hedges import learned
from newsclaims.analyzers.hedges.detect import Found, clause_scope, find_cues
from newsclaims.analyzers.hedges.grade import certainty, negation_starts, negations, polarity
from newsclaims.hookspecs import hookimpl
from newsclaims.model import (
    Analysis,
    Certainty,
    Hedge,
    HedgeHolder,
    Span,
    Statement,
    StatementKind,
)

__all__ = ["PROFILES", "HedgeDetector", "analyze", "newsclaims_register_analyzers"]

_CONTENT, _SOURCE, _CUE = 0, 1, 2
# Spans are filed in blocks of 2**9 characters, so finding what a cue overlaps costs the
# same at the end of a long article as at its start.
_BLOCK = 9


#: The profiles a :class:`HedgeDetector` can use: ``news`` (the default) and the learned ones.
PROFILES = ("news", "bio")
# The kinds a learned profile decides; the news-only kinds are the lexicon's alone.
_LEARNED_KINDS = frozenset(("epistemic", "doxastic", "conditional", "investigation"))


class HedgeDetector:
    """Finds hedge cues with one profile's lexicon and model, and grades statements.

    ``profile`` is one of :data:`PROFILES`; an unknown one raises :class:`ValueError` naming
    the known ones. Detectors are cheap to build: a learned profile's data is read once per
    process and shared.
    """

    def __init__(self, profile: str = "news") -> None:
        if profile not in PROFILES:
            raise ValueError(f"unknown hedge profile {profile!r}; known: {', '.join(PROFILES)}")
        self.profile = profile
        self._model = None if profile == "news" else learned.load(profile)

    def find(
        self,
        text: str,
        regions: Sequence[Span] | None = None,
        *,
        headline: Span | None = None,
        sources: Sequence[Span] = (),
    ) -> list[Found]:
        """Every cue in ``regions`` of ``text`` (default: all of it, as one sentence), in
        text order, never overlapping. ``headline`` and ``sources`` are as for
        :func:`~.detect.find_cues`."""
        if regions is None:
            regions = [Span(0, len(text))]
        found = find_cues(text, _lower(text), regions, headline=headline, sources=sources)
        if self._model is None:
            return found
        return self._with_model(self._model, text, regions, found)

    @staticmethod
    def _with_model(
        model: learned.CueModel, text: str, regions: Sequence[Span], found: list[Found]
    ) -> list[Found]:
        """``found`` with its uncertainty cues replaced by the model's: a model cue takes
        the kind, grade and scope of a lexicon cue it overlaps, else it is an epistemic
        "possible" cue governing the rest of its clause. Lexicon cues of the news-only kinds
        stay unless a model cue overlaps them."""
        accepted: list[Found] = []
        for region in regions:
            for start, end in model.cues(text, region.start, region.end):
                span = Span(start, end)
                twin = next(
                    (f for f in found if f.kind in _LEARNED_KINDS and f.cue.overlaps(span)), None
                )
                if twin is not None:
                    accepted.append(twin._replace(cue=span))
                else:
                    scope = clause_scope(text, region, start, end)
                    accepted.append(Found(span, "epistemic", Certainty.POSSIBLE, False, scope))
        kept = [
            f
            for f in found
            if f.kind not in _LEARNED_KINDS and not any(a.cue.overlaps(f.cue) for a in accepted)
        ]
        return sorted(accepted + kept, key=lambda f: f.cue.start)

    def analyze(self, analysis: Analysis) -> Analysis:
        """``analysis`` with its hedges found and its statements' hedges, certainty and
        polarity set. Any hedges already present are replaced: this analyzer provides
        them."""
        layout = analysis.layout
        regions = ([layout.headline] if layout.headline is not None else []) + list(
            layout.sentences
        )
        sources = [
            s.attribution.source
            for s in analysis.statements
            if s.attribution is not None and s.attribution.source is not None
        ]
        found = self.find(analysis.text, regions, headline=layout.headline, sources=sources)
        return _graded(analysis, found)


_NEWS = HedgeDetector()


def analyze(analysis: Analysis) -> Analysis:
    """``analysis`` with its hedges found by the ``news`` profile and its statements'
    hedges, certainty and polarity set (see :meth:`HedgeDetector.analyze`)."""
    return _NEWS.analyze(analysis)


def _graded(analysis: Analysis, found: list[Found]) -> Analysis:
    """``analysis`` with the hedges of ``found`` and every statement graded by them."""
    text = analysis.text
    low = _lower(text)
    statements = analysis.statements
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
