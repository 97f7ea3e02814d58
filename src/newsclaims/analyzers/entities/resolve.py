"""Tying statements to entities: whose word each statement is on, and whom it is about.

A speaker's entity is found, in this order, from the mention that heads the statement's
source span ("military spokesman Brigadier-General **Kevin Bergner**"), from the speaker's
resolved name ("He" → "Kevin Bergner"), or from the name that resolved name is about
("Democrat Hillary Clinton" → Hillary Clinton), through the article's mentions and then the
knowledge base; a speaker with a proper name the article never mentions otherwise gets a new
entity. A short source span ("He", "it", "The military") then becomes a mention of that
entity. Vague groups and anonymous sources get none.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, TypeVar

import attrs

from newsclaims.analyzers.entities.kb import TOKEN, Candidate, Entry, KnowledgeBase
from newsclaims.analyzers.entities.lexicon import PRONOUNS, fold, wordset
from newsclaims.analyzers.entities.linker import Cluster, choose, name_type
from newsclaims.analyzers.entities.mentions import KB, NOMINAL, find_mentions
from newsclaims.model import Entity, Span, Speaker, SpeakerKind, Statement

__all__ = ["attach_speakers", "entities_and_statements"]

_DETERMINERS = wordset("the a an")
_PREPOSITIONS = wordset("in at of from for with by to on near about against behind")
_PERSON_PRONOUNS = wordset("he she him her")
_SPEAKER_TYPES = {
    SpeakerKind.PERSON: "person",
    SpeakerKind.ORGANIZATION: "organization",
    SpeakerKind.DOCUMENT: "other",
    SpeakerKind.UNKNOWN: "other",
}


class _Index:
    """Where each cluster is mentioned, and by what names, for speaker lookups.

    Built once per article and updated as speakers add mentions and clusters.
    """

    def __init__(self, text: str, clusters: list[Cluster]) -> None:
        self.text = text
        self.clusters = clusters
        # (start, end, serial, cluster): the serial keeps clusters out of comparisons
        self.spans: list[tuple[int, int, int, Cluster]] = []
        for c in clusters:
            for s, e in c.mentions:
                self.spans.append((s, e, len(self.spans), c))
        self.spans.sort()
        self.starts = [s for s, _, _, _ in self.spans]
        # The names are indexed on first use: most speakers are found by their mention.
        self._names: dict[str, Cluster] | None = None
        self.tails: dict[str, Cluster] = {}
        self.surnames: dict[str, Cluster] = {}
        self._entries: tuple[Entry, ...] = ()
        self._entries_of = -1  # how many clusters there were when they were listed

    def entries(self) -> tuple[Entry, ...]:
        """The knowledge-base items of the article's clusters, which decide homonyms."""
        if self._entries_of != len(self.clusters):
            self._entries = tuple(c.entry for c in self.clusters if c.entry is not None)
            self._entries_of = len(self.clusters)
        return self._entries

    @property
    def names(self) -> dict[str, Cluster]:
        """Each mention's and cluster's name, folded, to the cluster it names first."""
        if self._names is None:
            self._names = {}
            text = self.text
            for c in self.clusters:
                self._name(c, c.name)
                for form in {text[s:e]: None for s, e in c.mentions}:
                    self._name(c, form)
        return self._names

    def add(self, cluster: Cluster, start: int, end: int) -> None:
        """Record a new mention of ``cluster`` (already appended to its mentions)."""
        item = (start, end, len(self.spans), cluster)
        at = bisect_right(self.spans, item)
        self.spans.insert(at, item)
        self.starts.insert(at, start)
        if self._names is not None:
            self._name(cluster, self.text[start:end])

    def add_cluster(self, cluster: Cluster) -> None:
        """Record a cluster just made (already appended to the clusters)."""
        if self._names is not None:
            self._name(cluster, cluster.name)
        for s, e in cluster.mentions:
            self.add(cluster, s, e)

    def _name(self, c: Cluster, form: str) -> None:
        key, tails, surname = _name_keys(form)
        if not key or self._names is None:
            return
        self._names.setdefault(key, c)
        # A resolved name may be the tail of a longer one ("Presidential Debates" for
        # "Commission on Presidential Debates").
        for tail in tails:
            self.tails.setdefault(tail, c)
        if surname and c.type == "person":
            self.surnames.setdefault(surname, c)

    def overlaps(self, span: Span) -> bool:
        # Mentions are short, so any that overlaps ``span`` starts less than 200 characters
        # before it.
        lo = bisect_left(self.starts, span.start - 200)
        hi = bisect_left(self.starts, span.end)
        return any(e > span.start for _, e, _, _ in self.spans[lo:hi])


@lru_cache(maxsize=1 << 14)  # an article names the same things over and over
def _key(name: str) -> str:
    words = [fold(w) for w in TOKEN.findall(name)]
    while words and words[0] in _DETERMINERS:
        words.pop(0)
    return " ".join(words)


@lru_cache(maxsize=1 << 14)  # an article names the same things over and over
def _name_keys(form: str) -> tuple[str, tuple[str, ...], str]:
    """A name's key (empty for a pronoun), its ends from the second word on, short of the
    last word alone, and its last word if it has two or more."""
    key = _key(form)
    if key in PRONOUNS:
        return "", (), ""
    words = key.split()
    tails = tuple(" ".join(words[k:]) for k in range(1, len(words) - 1))
    return key, tails, words[-1] if len(words) >= 2 else ""


def _head_mention(index: _Index, source: Span) -> Cluster | None:
    """The cluster of the mention that ends the source span, when it heads it.

    "officials in **Washington**" and "a spokesman for **the State Department**" are not
    headed by their last mention: a preposition stands before it.
    """
    text = index.text
    end = source.end
    while end > source.start and not (text[end - 1].isalnum() or text[end - 1] == "."):
        end -= 1
    best: Cluster | None = None
    best_start = -1
    for s, e, _, c in index.spans[bisect_left(index.starts, source.start) :]:
        if s > source.end:
            break
        if e <= source.end and (e == end or (best is None and s == source.start and e >= end)):
            best, best_start = c, s
    if best is None:
        return None
    for word in reversed(TOKEN.findall(text, source.start, best_start)):
        folded = fold(word)
        if folded not in _DETERMINERS:
            return None if folded in _PREPOSITIONS else best
    return best


def attach_speakers(
    text: str,
    statements: Sequence[Statement],
    clusters: list[Cluster],
    kb: KnowledgeBase,
    weak: Span | None = None,
) -> list[Cluster | None]:
    """The cluster of each statement's speaker (``None`` where it has none).

    Adds short source spans as mentions and creates clusters for named speakers the article
    does not otherwise mention (never for a source inside ``weak``, a title-case headline
    where any phrase looks like a name); ``clusters`` is updated in place.
    """
    index = _Index(text, clusters)
    out: list[Cluster | None] = []
    for statement in statements:
        attribution = statement.attribution
        speaker = attribution.speaker if attribution else None
        source = attribution.source if attribution else None
        if speaker is None and source is None:
            out.append(None)
            continue
        cluster = _head_mention(index, source) if source is not None else None
        if (
            cluster is not None
            and speaker is not None
            and speaker.kind is SpeakerKind.PERSON
            and " " in speaker.name
            and _key(cluster.name) != _key(speaker.name)
        ):
            # the name that ends the source may be someone else's: "Patricia Smith, mother
            # of Benghazi victim Sean Smith,": the speaker named in full decides
            cluster = index.names.get(_key(speaker.name), cluster)
        if cluster is None and speaker is not None:
            may_create = source is None or weak is None or not weak.contains(source)
            cluster = _by_name(index, speaker, kb, clusters, source, may_create)
            if (
                cluster is not None
                and (
                    cluster.type == "organization" or (cluster.type == "location" and cluster.entry)
                )
                and source is not None
                and fold(text[source.start : source.end].strip()) in _PERSON_PRONOUNS
            ):
                # "he" resolved to a name that is an organisation's or a known place's: the
                # resolution is wrong, and the pronoun is no mention of it (an unknown name
                # is a place only by a guess, "from Arianna Huffington", so it stays)
                cluster = None
        if cluster is not None and source is not None and not index.overlaps(source):
            words = TOKEN.findall(text, source.start, source.end)
            if len(words) <= 3 and source.end > source.start:
                cluster.mentions.append((source.start, source.end))
                index.add(cluster, source.start, source.end)
        out.append(cluster)
    return out


def _by_name(
    index: _Index,
    speaker: Speaker,
    kb: KnowledgeBase,
    clusters: list[Cluster],
    source: Span | None,
    may_create: bool,
) -> Cluster | None:
    """The cluster the speaker's resolved name refers to, made if need be and allowed."""
    key = _key(speaker.name)
    if not key or key in PRONOUNS:
        return None
    found = index.names.get(key) or index.tails.get(key)
    if found is not None:
        return found
    head = _name_head(speaker.name, kb, index.entries())
    if head is None:
        return None
    start, end, cand, type_ = head
    known = {c.key: c for c in clusters}
    if cand is not None and cand.entry.key in known:
        return known[cand.entry.key]
    words = TOKEN.findall(speaker.name, start, end)
    found = index.names.get(_key(speaker.name[start:end]))
    if found is None and type_ == "person" and len(words) >= 1:
        found = index.surnames.get(fold(words[-1]))
    if found is not None:
        return found
    if (
        not may_create
        or speaker.kind not in _SPEAKER_TYPES
        or (cand is None and (len(words) < 2 or len(words[-1].rstrip(".")) == 1))
    ):
        # a vague group, an anonymous source, a lone word or a name cut at an initial
        # ("John D.") is no entity
        return None
    if cand is not None:
        cluster = Cluster(cand.entry.key, cand.entry.name, cand.entry.type, cand.entry)
    else:
        name = speaker.name[start:end]
        cluster = Cluster("name:" + _key(name), name, type_)
    if source is not None:
        at = index.text.find(speaker.name[start:end], source.start, source.end)
        if at >= 0:
            cluster.mentions.append((at, at + end - start))
    clusters.append(cluster)
    index.add_cluster(cluster)
    return cluster


@lru_cache(maxsize=4096)  # quote finders repeat a speaker's name across statements
def _name_head(
    name: str, kb: KnowledgeBase, context: tuple[Entry, ...]
) -> tuple[int, int, Candidate | None, str] | None:
    """The name a speaker description is about: ``(start, end, candidate, type)`` or ``None``.

    "Democrat Hillary Clinton" is about Hillary Clinton and "Trump unleashed a flurry of"
    about Trump, but "narrator in the Clinton ad" (after a preposition), "Connecticut's tax
    commissioner" (a possessive) and "Indiana governor" (a place qualifying a noun) name no
    one the linker can point at.
    """
    mentions = [
        m for m in find_mentions(name, [(Span(0, len(name)), False)], kb) if m.kind != NOMINAL
    ]
    for m in reversed(mentions):
        after = name[m.end :]
        if after[:2] in ("'s", "’s"):
            continue
        words = [fold(w) for w in TOKEN.findall(name, 0, m.start)]
        while words and words[-1] in _DETERMINERS:
            words.pop()
        if words and words[-1] in _PREPOSITIONS:
            continue
        cand = choose(m.candidates, context) if m.kind == KB else None
        if m.kind == KB and cand is None:
            continue
        type_ = cand.entry.type if cand is not None else name_type(name, m)
        if type_ != "person" and any(w[:1].islower() for w in TOKEN.findall(after)):
            continue
        return m.start, m.end, cand, type_
    return None


def entities_and_statements(
    clusters: list[Cluster],
    statements: Sequence[Statement],
    speakers: Sequence[Cluster | None],
) -> tuple[tuple[Entity, ...], tuple[Statement, ...]]:
    """Entities numbered ``e1``… in order of first mention, and the statements pointing at them.

    A cluster with no mention (a speaker the text names nowhere) is numbered after the rest.
    Each statement lists the entities mentioned inside its content, in order of first
    mention, and its speaker's ``entity`` is set.
    """
    ordered = sorted(clusters, key=lambda c: (c.first < 0, c.first))
    ids = {id(c): f"e{i}" for i, c in enumerate(ordered, 1)}
    entities = tuple(
        Entity(
            id=ids[id(c)],
            name=c.name,
            type=c.type,
            wikidata=c.qid,
            mentions=tuple(Span(s, e) for s, e in sorted(set(c.mentions))),
        )
        for c in ordered
    )
    spans = sorted((s, e, ids[id(c)]) for c in ordered for s, e in c.mentions)
    starts = [s for s, _, _ in spans]
    order = {ids[id(c)]: i for i, c in enumerate(ordered)}
    new_statements = []
    for statement, cluster in zip(statements, speakers, strict=True):
        about: set[str] = set()
        for span in statement.content:
            lo = bisect_left(starts, span.start)
            hi = bisect_right(starts, span.end)
            about.update(eid for s, e, eid in spans[lo:hi] if e <= span.end)
        # Frozen values are rebuilt (and validated) only where something changes.
        attribution = statement.attribution
        speaker = attribution.speaker if attribution is not None else None
        if attribution is not None and speaker is not None:
            entity_id = ids[id(cluster)] if cluster is not None else None
            if speaker.entity != entity_id:
                speaker = _replace(speaker, entity=entity_id)
                attribution = _replace(attribution, speaker=speaker)
        entities_about = tuple(sorted(about, key=order.__getitem__))
        if entities_about != statement.entities or attribution is not statement.attribution:
            statement = _replace(statement, entities=entities_about, attribution=attribution)
        new_statements.append(statement)
    return entities, tuple(new_statements)


_T = TypeVar("_T")
# Each attrs class's ``__init__`` arguments, with the attributes they set.
_INIT_NAMES: dict[type, tuple[tuple[str, str], ...]] = {}


def _replace(value: _T, **changes: Any) -> _T:
    """``attrs.evolve(value, **changes)``, which validates the same, without its per-call
    look-up of the class's fields: a statement per quotation is rebuilt, and that adds up."""
    cls: Any = type(value)
    names = _INIT_NAMES.get(cls)
    if names is None:
        names = _INIT_NAMES[cls] = tuple((a.alias, a.name) for a in attrs.fields(cls) if a.init)
    for alias, name in names:
        if alias not in changes:
            changes[alias] = getattr(value, name)
    new: _T = cls(**changes)
    return new
