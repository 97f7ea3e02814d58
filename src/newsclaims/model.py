"""The values newsclaims works with: articles, spans, statements, attributions, hedges, entities.

Every class here is a frozen attrs value with slots. Spans hold half-open character offsets
into ``article.text`` and never a copy of the text, so values stay cheap to compare, hash and
serialise; ``span.of(article.text)`` (or ``analysis.text_of(span)``) gives the words.

Validation happens once, where data enters: the constructors check types, ranges and
vocabularies and raise :class:`ValueError` or :class:`TypeError` naming the field and the value.
:class:`Analysis` also checks that every span lies inside the article and that every id a
statement refers to exists, so a plugin cannot hand back an analysis that points nowhere.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

import attrs
from attrs import field, frozen

__all__ = [
    "Analysis",
    "Article",
    "Attribution",
    "Certainty",
    "Entity",
    "Hedge",
    "HedgeHolder",
    "Polarity",
    "Problem",
    "Span",
    "Speaker",
    "SpeakerKind",
    "Statement",
    "StatementKind",
]


class StatementKind(enum.StrEnum):
    """How a statement reaches the reader."""

    DIRECT = "direct"  #: verbatim, inside quotation marks
    INDIRECT = "indirect"  #: reported speech or thought, paraphrased
    MIXED = "mixed"  #: a paraphrase with a quoted fragment inside
    ASSERTION = "assertion"  #: the writer's own statement, attributed to no one


class SpeakerKind(enum.StrEnum):
    """What sort of source a statement is attributed to."""

    PERSON = "person"
    ORGANIZATION = "organization"
    GROUP = "group"  #: a plural, unnamed collective ("military experts")
    ANONYMOUS = "anonymous"  #: an unnamed individual ("a senior official", "sources")
    DOCUMENT = "document"  #: a report, statement, poll, filing
    UNKNOWN = "unknown"


class Certainty(enum.StrEnum):
    """How sure a statement sounds, after FactBank's graded scale."""

    CERTAIN = "certain"
    PROBABLE = "probable"
    POSSIBLE = "possible"
    UNDERSPECIFIED = "underspecified"


class Polarity(enum.StrEnum):
    POSITIVE = "positive"
    NEGATIVE = "negative"


class HedgeHolder(enum.StrEnum):
    """Who is unsure: the quoted source, or the writer keeping its distance."""

    WRITER = "writer"
    SOURCE = "source"


_E = TypeVar("_E", bound=enum.Enum)


def _enum(value: Any, cls: type[_E], name: str) -> _E:
    """``value`` as a member of ``cls``; the error names the field and the allowed values."""
    if isinstance(value, cls):
        return value
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in cls)
        raise ValueError(f"{name}: {value!r} is not one of {allowed}") from None


def _as_tuple(value: Any) -> Any:
    """Any iterable but a string as a tuple; anything else is left for :func:`_items` to
    reject with the field's name."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        return value
    return tuple(value)


def _items(kind: type | tuple[type, ...], name: str) -> Callable[..., None]:
    """A validator that checks the value is a tuple of ``kind``, naming what it rejects."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            raise TypeError(f"{name}: expected a sequence, got {type(value).__name__}")
        for i, item in enumerate(value):
            if not isinstance(item, kind):
                raise TypeError(f"{name}[{i}]: expected {_kind_name(kind)}, got {item!r}")

    return check


def _kind_name(kind: type | tuple[type, ...]) -> str:
    if isinstance(kind, tuple):
        return " or ".join(k.__name__ for k in kind)
    return kind.__name__


def _type(kind: type | tuple[type, ...], *, optional: bool = False) -> Callable[..., None]:
    """A validator that names the field and the value it rejects."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            raise TypeError(
                f"{type(instance).__name__}.{attribute.name}: expected {_kind_name(kind)}"
                f"{' or None' if optional else ''}, got {value!r}"
            )

    return check


def _frozen_mapping(value: Any) -> Mapping[str, Any]:
    if value is None:
        return MappingProxyType({})
    if not isinstance(value, Mapping):
        raise TypeError(f"Article.metadata: expected a mapping, got {type(value).__name__}")
    return MappingProxyType(dict(value))


def _speaker_kind(value: Any) -> SpeakerKind:
    return _enum(value, SpeakerKind, "Speaker.kind")


def _hedge_holder(value: Any) -> HedgeHolder:
    return _enum(value, HedgeHolder, "Hedge.holder")


def _statement_kind(value: Any) -> StatementKind:
    return _enum(value, StatementKind, "Statement.kind")


def _certainty(value: Any) -> Certainty:
    return _enum(value, Certainty, "Statement.certainty")


def _polarity(value: Any) -> Polarity:
    return _enum(value, Polarity, "Statement.polarity")


@frozen(order=True)
class Span:
    """A half-open interval ``[start, end)`` of character offsets into ``article.text``.

    Offsets are Python ``str`` indices, so ``text[span.start:span.end]`` is the span's text.
    """

    start: int = field(validator=_type(int))
    end: int = field(validator=_type(int))

    def __attrs_post_init__(self) -> None:
        if self.start < 0:
            raise ValueError(f"Span.start: must be >= 0, got {self.start}")
        if self.end < self.start:
            raise ValueError(f"Span.end: must be >= start ({self.start}), got {self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """The words this span covers in ``text``."""
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def __contains__(self, offset: object) -> bool:
        return isinstance(offset, int) and self.start <= offset < self.end


@frozen
class Article:
    """A news article as read: its text is never modified, so offsets stay true to the input."""

    id: str = field(validator=_type(str))
    text: str = field(validator=_type(str))
    title: str | None = field(default=None, validator=_type(str, optional=True))
    url: str | None = field(default=None, validator=_type(str, optional=True))
    published: str | None = field(default=None, validator=_type(str, optional=True))
    outlet: str | None = field(default=None, validator=_type(str, optional=True))
    language: str = field(default="en", validator=_type(str))
    # Excluded from the hash (a mapping is not hashable) but compared for equality.
    metadata: Mapping[str, Any] = field(
        factory=dict, converter=_frozen_mapping, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        if not self.id:
            raise ValueError("Article.id: must not be empty")


@frozen
class Speaker:
    """Who a statement is attributed to, after resolving pronouns and short names.

    ``name`` is the fullest name found in the article ("Kevin Bergner" for "He");
    ``role`` and ``title`` are what the article says the speaker is ("military spokesman",
    "Brigadier-General"); ``entity`` is the id of the speaker's entity in the same analysis.
    """

    name: str = field(validator=_type(str))
    kind: SpeakerKind = field(default=SpeakerKind.UNKNOWN, converter=_speaker_kind)
    entity: str | None = field(default=None, validator=_type(str, optional=True))
    role: str | None = field(default=None, validator=_type(str, optional=True))
    title: str | None = field(default=None, validator=_type(str, optional=True))


@frozen
class Attribution:
    """The source, the cue and the resolved speaker of a statement.

    ``source`` is the span naming the source in *this* statement's sentence ("He"), or
    ``None`` for a quote paragraph that continues an earlier speaker; ``cue`` is the span of
    the attributing words ("said", "according to", ":"); ``stance`` is how the cue frames
    the content ("neutral", "assertive", "accusation", "denial", "belief", ...).
    """

    source: Span | None = field(default=None, validator=_type(Span, optional=True))
    cue: Span | None = field(default=None, validator=_type(Span, optional=True))
    speaker: Speaker | None = field(default=None, validator=_type(Speaker, optional=True))
    stance: str | None = field(default=None, validator=_type(str, optional=True))


@frozen
class Hedge:
    """A cue that weakens (or, for a booster, strengthens) a statement.

    ``kind`` is one of the hedge kinds documented in ``docs/concepts.md`` (epistemic,
    doxastic, conditional, investigation, distancing, vague_source, approximator, booster);
    ``scope`` is the stretch of text the cue governs; ``holder`` says whether the quoted
    source or the writer is the one hedging.
    """

    id: str = field(validator=_type(str))
    cue: Span = field(validator=_type(Span))
    kind: str = field(validator=_type(str))
    scope: Span | None = field(default=None, validator=_type(Span, optional=True))
    holder: HedgeHolder = field(default=HedgeHolder.SOURCE, converter=_hedge_holder)


@frozen
class Entity:
    """One real-world referent, with every mention of it in the article.

    ``wikidata`` is a QID ("Q794") when a knowledge base knows the referent, else ``None``.
    """

    id: str = field(validator=_type(str))
    name: str = field(validator=_type(str))
    type: str = field(validator=_type(str))
    wikidata: str | None = field(default=None, validator=_type(str, optional=True))
    mentions: tuple[Span, ...] = field(
        default=(), converter=_as_tuple, validator=_items(Span, "Entity.mentions")
    )

    def __attrs_post_init__(self) -> None:
        if self.wikidata is not None and not (
            self.wikidata[:1] == "Q" and self.wikidata[1:].isdigit()
        ):
            raise ValueError(f"Entity.wikidata: expected a QID like 'Q794', got {self.wikidata!r}")


@frozen
class Statement:
    """A claim in the article: what is said, how, on whose word, how surely, about whom.

    ``content`` holds one or more spans, since a quotation can be split by "he said";
    ``hedges`` and ``entities`` hold ids of the analysis's hedges and entities; ``tags`` are
    free labels that plugins add (the example plugin tags statements with numbers).
    """

    id: str = field(validator=_type(str))
    kind: StatementKind = field(converter=_statement_kind)
    content: tuple[Span, ...] = field(
        converter=_as_tuple, validator=_items(Span, "Statement.content")
    )
    attribution: Attribution | None = field(
        default=None, validator=_type(Attribution, optional=True)
    )
    hedges: tuple[str, ...] = field(
        default=(), converter=_as_tuple, validator=_items(str, "Statement.hedges")
    )
    certainty: Certainty = field(default=Certainty.CERTAIN, converter=_certainty)
    polarity: Polarity = field(default=Polarity.POSITIVE, converter=_polarity)
    entities: tuple[str, ...] = field(
        default=(), converter=_as_tuple, validator=_items(str, "Statement.entities")
    )
    tags: tuple[str, ...] = field(
        default=(), converter=_as_tuple, validator=_items(str, "Statement.tags")
    )

    def __attrs_post_init__(self) -> None:
        if not self.content:
            raise ValueError(f"Statement.content: statement {self.id!r} has no content span")
        if self.kind is StatementKind.ASSERTION and self.attribution is not None:
            raise ValueError(
                f"Statement.attribution: assertion {self.id!r} is the writer's own and "
                "takes no attribution"
            )

    @property
    def extent(self) -> Span:
        """The smallest span covering all of the content."""
        return Span(self.content[0].start, max(s.end for s in self.content))

    @property
    def speaker(self) -> Speaker | None:
        return self.attribution.speaker if self.attribution else None


@frozen
class Problem:
    """Something that went wrong in one analyzer; the rest of the analysis stands."""

    analyzer: str = field(validator=_type(str))
    message: str = field(validator=_type(str))
    plugin: str | None = field(default=None, validator=_type(str, optional=True))


def _layout_factory(analysis: Analysis) -> Any:
    from newsclaims.text import Layout

    return Layout(analysis.article)


@frozen
class Analysis:
    """The result of analysing one article.

    Analyzers receive an ``Analysis`` and return a new one made with :meth:`evolve`. The
    constructor checks that every span lies inside ``article.text`` and every id a statement
    refers to exists. ``layout`` (paragraphs, sentences, headline, body) is computed lazily,
    shared by all analyzers of the pipeline, and is not part of equality or serialisation.
    """

    article: Article = field(validator=_type(Article))
    statements: tuple[Statement, ...] = field(
        default=(), converter=_as_tuple, validator=_items(Statement, "Analysis.statements")
    )
    hedges: tuple[Hedge, ...] = field(
        default=(), converter=_as_tuple, validator=_items(Hedge, "Analysis.hedges")
    )
    entities: tuple[Entity, ...] = field(
        default=(), converter=_as_tuple, validator=_items(Entity, "Analysis.entities")
    )
    problems: tuple[Problem, ...] = field(
        default=(), converter=_as_tuple, validator=_items(Problem, "Analysis.problems")
    )
    layout: Any = field(
        default=attrs.Factory(_layout_factory, takes_self=True),
        eq=False,
        hash=False,
        repr=False,
    )

    def __attrs_post_init__(self) -> None:
        n = len(self.article.text)
        for where, span in self.spans():
            if span.end > n:
                raise ValueError(
                    f"{where}: span [{span.start}, {span.end}) runs past the end of the "
                    f"text ({n} characters)"
                )
        _unique("Analysis.statements", (s.id for s in self.statements))
        hedge_ids = _unique("Analysis.hedges", (h.id for h in self.hedges))
        entity_ids = _unique("Analysis.entities", (e.id for e in self.entities))
        for s in self.statements:
            for h in s.hedges:
                if h not in hedge_ids:
                    raise ValueError(f"statement {s.id}.hedges: no hedge with id {h!r}")
            for e in s.entities:
                if e not in entity_ids:
                    raise ValueError(f"statement {s.id}.entities: no entity with id {e!r}")
            speaker = s.speaker
            if speaker and speaker.entity is not None and speaker.entity not in entity_ids:
                raise ValueError(
                    f"statement {s.id}.attribution.speaker.entity: no entity with id "
                    f"{speaker.entity!r}"
                )

    @property
    def text(self) -> str:
        return self.article.text

    def text_of(self, span: Span) -> str:
        return self.article.text[span.start : span.end]

    def evolve(self, **changes: Any) -> Analysis:
        """A copy with ``changes`` applied (``attrs.evolve``), validated again."""
        return attrs.evolve(self, **changes)

    def spans(self) -> Iterator[tuple[str, Span]]:
        """Every span in the analysis, with a name saying where it sits."""
        for s in self.statements:
            for i, span in enumerate(s.content):
                yield f"statement {s.id}.content[{i}]", span
            a = s.attribution
            if a is not None:
                if a.source is not None:
                    yield f"statement {s.id}.attribution.source", a.source
                if a.cue is not None:
                    yield f"statement {s.id}.attribution.cue", a.cue
        for h in self.hedges:
            yield f"hedge {h.id}.cue", h.cue
            if h.scope is not None:
                yield f"hedge {h.id}.scope", h.scope
        for e in self.entities:
            for i, span in enumerate(e.mentions):
                yield f"entity {e.id}.mentions[{i}]", span

    def _repr_html_(self) -> str:
        """The analysis shown in a notebook: the view of :func:`newsclaims.view.notebook_html`."""
        from newsclaims.view import notebook_html

        return notebook_html(self)

    def statement(self, id: str) -> Statement:
        return _by_id(self.statements, id, "statement")

    def hedge(self, id: str) -> Hedge:
        return _by_id(self.hedges, id, "hedge")

    def entity(self, id: str) -> Entity:
        return _by_id(self.entities, id, "entity")


def _unique(where: str, ids: Iterable[str]) -> set[str]:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise ValueError(f"{where}: duplicate id {i!r}")
        seen.add(i)
    return seen


_T = TypeVar("_T", Statement, Hedge, Entity)


def _by_id(items: tuple[_T, ...], id: str, what: str) -> _T:
    for item in items:
        if item.id == id:
            return item
    raise KeyError(f"no {what} with id {id!r}")
