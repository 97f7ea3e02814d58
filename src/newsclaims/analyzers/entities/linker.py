"""Grouping mentions into entities within one article, and linking them to the knowledge base.

Decisions, in the order they are taken:

* an alias with several knowledge-base candidates goes to the one the article's other,
  unambiguous mentions support most (Georgia the US state among other US places, Georgia
  the country among Russia, Ukraine and Tbilisi), else to the clearly more prominent one,
  else to no id at all;
* a lone surname ("Bergner") joins the person whose full name the article gives ("Kevin
  Bergner"), before or after it (headlines use surnames first); the end of a long name
  ("Suu Kyi") joins it; a lone given name joins the one person with that given name; only
  then is a knowledge-base alias ("Trump") used;
* a short form joins the organisation it shortens ("the Post", "Hofstra");
* an acronym in brackets after a name ("Islamic Revolutionary Guard Corps (IRGC)") joins it;
* "the military" joins the armed force the article last named;
* a capitalised word that opens a sentence and is seen nowhere else alone and capitalised,
  a word of a title-case headline the body never repeats, a plural surname ("the
  Clintons") and the month May are not names.

Mentions of one knowledge-base item, whatever alias or demonym they use, share a cluster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from newsclaims.analyzers.entities.kb import TOKEN, Candidate, Entry, KnowledgeBase
from newsclaims.analyzers.entities.lexicon import (
    LOCATION_HEADS,
    MEDIA_HEADS,
    NOT_ENTITIES,
    ORG_HEADS,
    STOP,
    SUFFIXES,
    SURNAME_WORDS,
    fold,
    given_names,
)
from newsclaims.analyzers.entities.mentions import KB, NAME, NOMINAL, Mention

__all__ = ["Cluster", "cluster_mentions", "name_type"]

_MARGIN = 0.15  # how much more prominent one homonym must be to win without context

# Lower-case words before a name that make it a person's ("spokesman Kevin Bergner").
_ROLE_BEFORE = re.compile(
    r"(?:spokesman|spokeswoman|spokesperson|official|minister|secretary|candidate|nominee"
    r"|senator|leader|director|chief|analyst|expert|professor|lawyer|attorney|judge|adviser"
    r"|advisor|aide|chairman|chairwoman|executive|founder|author|writer|reporter|editor"
    r"|correspondent|economist|strategist|activist|member|commander|governor|mayor|ambassador"
    r"|envoy|president|manager|host|anchor|pollster|surrogate|son|daughter|wife|husband)"
    r"[ \u00a0]+$"
)
# Words after a name that make it a person's ("Bergner said", "Smith, who").
_SPEECH_AFTER = re.compile(
    r"^(?:,?[ \u00a0]+(?:said|says|told|added|wrote|asked|explained|argued|insisted|noted"
    r"|tweeted|recalled|replied|stated|testified|acknowledged)\b|,[ \u00a0]+who\b)"
)
# A month name, not a surname: "in May", "by May", "May 5".
_DATE_AROUND = re.compile(
    r"(?:\b(?:in|on|since|until|till|by|from|through|last|next|early|late|mid|of|this|during"
    r"|before|after)[ \u00a0-]+May\b|\bMay[ \u00a0]+\d)"
)
_PLACE_BEFORE = re.compile(r"(?:\bin|\bat|\bnear|\bfrom|\boutside|\binside)[ \u00a0]+$")


class Cluster:
    """The mentions of one referent in an article, and what it is.

    ``key`` is the knowledge-base key (a QID or ``local:<name>``) or ``name:<folded name>``
    for a name the knowledge base does not know.
    """

    __slots__ = ("entry", "key", "kind", "mentions", "name", "type")

    def __init__(self, key: str, name: str, type: str, entry: Entry | None = None) -> None:
        self.key = key
        self.name = name
        self.type = type
        self.entry = entry
        self.kind = entry.kind if entry else ""
        self.mentions: list[tuple[int, int]] = []

    @property
    def qid(self) -> str | None:
        return self.entry.qid if self.entry else None

    @property
    def first(self) -> int:
        return min(self.mentions)[0] if self.mentions else -1

    def __repr__(self) -> str:
        return f"Cluster({self.key!r}, {self.name!r}, {self.type}, {len(self.mentions)} mentions)"


def choose(cands: Sequence[Candidate], context: Iterable[Entry]) -> Candidate | None:
    """The candidate an alias most likely means here, or ``None`` when it is unclear.

    ``context`` holds the items the article names unambiguously. The candidate they support
    most wins (Georgia the US state among other US states, Georgia the country among
    Russia, Ukraine and Tbilisi); on a tie, the clearly more prominent one; else none.
    """
    if len(cands) == 1:
        return cands[0]
    context = list(context)
    parents = {c.entry.part_of for c in cands if c.entry.part_of}
    scored = sorted(
        ((_support(c, context, parents), c.prior, c) for c in cands),
        key=lambda t: (t[0], t[1]),
        reverse=True,
    )
    (s1, p1, best), (s2, p2, _) = scored[0], scored[1]
    if s1 > s2 or p1 - p2 >= _MARGIN:
        return best
    return None


def _support(cand: Candidate, context: list[Entry], parents: set[str]) -> int:
    """How many of the article's unambiguous items point to ``cand``."""
    entry = cand.entry
    score = 0
    for e in context:
        if e.key == entry.key:
            score += 3  # named unambiguously elsewhere ("New York City", then "New York")
        elif e.part_of == entry.key:
            score += 2  # a place inside it (Tbilisi for Georgia)
        elif entry.part_of and e.part_of == entry.part_of and e.type == "location":
            score += 1  # a sibling (another US state)
        elif entry.kind == "country" and e.kind == "country" and e.key not in parents:
            score += 1  # another country, other than the rivals' own
    return score


def name_type(text: str, m: Mention) -> str:
    """The entity type an unknown name most likely has, from its words and neighbours."""
    if m.head:
        return m.head
    words = m.words
    if m.titled:
        return "person"
    if len(words) == 1 and (words[0].isupper() or words[0].count(".") >= 2) and len(words[0]) >= 2:
        return "organization"  # an acronym: "NRA", "U.N.H.C.R."
    if len(words) >= 2 and words[0] in given_names():
        return "person"
    before = text[max(0, m.start - 30) : m.start]
    if len(words) <= 4 and (
        _ROLE_BEFORE.search(before) or _SPEECH_AFTER.match(text, m.end, m.end + 20)
    ):
        return "person"
    if len(words) <= 3 and _PLACE_BEFORE.search(before):
        return "location"
    return "other"


def _surname(words: Sequence[str]) -> str:
    """The folded last word of a person's name, suffixes ("Jr.") left out."""
    folded = [fold(w) for w in words]
    while len(folded) > 1 and folded[-1] in SUFFIXES:
        folded.pop()
    return folded[-1]


def _acronym_of(words: Iterable[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def cluster_mentions(text: str, mentions: Sequence[Mention], kb: KnowledgeBase) -> list[Cluster]:
    """Group ``mentions`` (in text order) into clusters, one per referent.

    Mentions judged not to be names are dropped. Every kept mention's span is in exactly
    one cluster; clusters come in order of first mention.
    """
    clusters: dict[str, Cluster] = {}
    names = given_names()

    # Items named unambiguously decide between homonyms.
    context = list(
        {
            m.candidates[0].entry.key: m.candidates[0].entry
            for m in mentions
            if len(m.candidates) == 1
        }.values()
    )
    chosen: list[Candidate | None] = []
    choices: dict[int, Candidate | None] = {}  # by the candidates' tuple, which runs share
    for m in mentions:
        cands = m.candidates
        if m.kind != KB:
            chosen.append(None)
        elif len(cands) == 1:
            chosen.append(cands[0])
        else:
            if id(cands) not in choices:
                choices[id(cands)] = choose(cands, context)
            chosen.append(choices[id(cands)])

    def get(key: str, name: str, type_: str, entry: Entry | None = None) -> Cluster:
        cluster = clusters.get(key)
        if cluster is None:
            cluster = clusters[key] = Cluster(key, name, type_, entry)
        return cluster

    # Full names first, wherever they stand, so that short forms can find them: surnames
    # and given names of people, and the distinctive word of an organisation's name
    # ("Hofstra" for "Hofstra University", "Post" for "New York Post").
    surnames: dict[str, list[Cluster]] = {}
    given: dict[str, list[Cluster]] = {}
    short: dict[str, Cluster] = {}
    tails: dict[str, Cluster] = {}
    types: list[str | None] = [None] * len(mentions)
    cluster: Cluster | None
    for i, m in enumerate(mentions):
        c = chosen[i]
        if c is not None:
            full = _tokens(c.entry.name)
            if c.entry.type == "person":
                cluster = get(c.entry.key, c.entry.name, "person", c.entry)
                if len(m.words) < 2:
                    continue  # a surname alone ("Blair") may be someone else the text names
            else:
                if c.entry.type == "organization":
                    org = get(c.entry.key, c.entry.name, "organization", c.entry)
                    if fold(full[-1]) in MEDIA_HEADS:
                        short.setdefault(fold(full[-1]), org)  # "The Post"
                    elif c.entry.kind == "company" and len(full) == 2 and full[0] not in names:
                        short.setdefault(fold(full[0]), org)  # "Wells" for "Wells Fargo"
                continue
        elif m.kind == NAME and len(m.words) >= 2 and not m.weak:
            full = list(m.words)
            types[i] = type_ = name_type(text, m)
            cluster = get("name:" + m.key, _text(text, m), type_)
            if m.head is None:
                # the end of a long name stands for it: "Suu Kyi", "Guajardo Villarreal"
                folded_full = [fold(w) for w in full]
                for k in range(1, len(full) - 1):
                    tails.setdefault(" ".join(folded_full[k:]), cluster)
            if type_ != "person" and not (
                type_ == "other" and m.head is None and _name_shaped(full)
            ):
                _register_short(full, cluster, short)
                continue
        else:
            continue
        if len(full) >= 2:
            bucket = surnames.setdefault(_surname(full), [])
            if cluster not in bucket:
                bucket.append(cluster)
            gbucket = given.setdefault(full[0], [])
            if cluster not in gbucket:
                gbucket.append(cluster)

    # A word seen alone and capitalised somewhere other than at a sentence start is a name
    # at a sentence start too. (Inside a longer name it proves nothing: "Clean Power Plan"
    # does not make "Power plants" a name.)
    mid_caps = {m.key for m in mentions if len(m.words) == 1 and not m.initial}
    body_names = {m.key for m in mentions if not m.weak}
    acronyms: dict[str, Cluster] = {}
    previous: Cluster | None = None
    previous_end = -1
    last_armed: Cluster | None = None

    for i, m in enumerate(mentions):
        cluster = None
        single = m.key if len(m.words) == 1 else None
        c = chosen[i]
        if single in SURNAME_WORDS and _DATE_AROUND.search(text, max(0, m.start - 12), m.end + 3):
            continue  # "in May", "May 5": the month
        if single is not None and single in surnames and not _among(c, surnames[single]):
            cluster = _most_mentioned(surnames[single])
            cluster.type = "person"  # a name used alone like a surname is a person's
        elif m.kind == KB:
            if c is not None:
                cluster = get(c.entry.key, c.entry.name, c.entry.type, c.entry)
            else:
                top = max(m.candidates, key=lambda x: x.prior)
                cluster = get("name:" + m.key, _text(text, m), top.entry.type)
        elif m.kind == NOMINAL:
            cluster = last_armed
        elif single is not None:
            word = m.words[0]
            if single in acronyms:
                cluster = acronyms[single]
            elif single in short:
                cluster = short[single]
            elif len(given.get(word, ())) == 1 and single not in STOP:
                cluster = given[word][0]  # "Hillary", "LeBron": the one person so named
            elif (
                single in NOT_ENTITIES
                or single in STOP
                or (single.endswith("s") and single[:-1] in surnames)  # "the Clintons"
                or (m.initial and single not in mid_caps)
                or (m.weak and single not in body_names)
            ):
                cluster = None
            elif (
                word.isupper()
                and 2 <= len(word) <= 6
                and previous is not None
                and text[previous_end : m.start].strip() == "("
                and _acronym_of(_words(text, previous)) == word
            ):
                cluster = acronyms[single] = previous
            else:
                type_ = "person" if word in names else types[i] or name_type(text, m)
                cluster = get("name:" + single, word, type_)
        else:
            key = "name:" + m.key
            if m.weak and key[5:] not in body_names:
                continue  # a title-case headline phrase the body never repeats
            cluster = (
                tails.get(key[5:])  # "Guajardo Villarreal" for "Ildefonso Guajardo Villarreal"
                or clusters.get(key)
                or get(key, _text(text, m), types[i] or name_type(text, m))
            )
        if cluster is None:
            continue
        cluster.mentions.append((m.start, m.end))
        if cluster.kind == "armed_forces":
            last_armed = cluster
        previous, previous_end = cluster, m.end
    out = [c for c in clusters.values() if c.mentions]
    out.sort(key=lambda c: c.mentions[0][0])  # (each cluster's mentions are in text order)
    return out


@lru_cache(maxsize=1 << 12)
def _tokens(name: str) -> list[str]:
    """The tokens of a knowledge-base name (the list is shared: not to be changed)."""
    return TOKEN.findall(name)


def _name_shaped(words: Sequence[str]) -> bool:
    """Whether ``words`` look like a person's name: two or three capitalised words."""
    return 2 <= len(words) <= 3 and all(
        w[:1].isupper() and not w.isupper() and w.replace("'", "").replace("’", "").isalpha()
        for w in words
    )


def _register_short(words: Sequence[str], cluster: Cluster, short: dict[str, Cluster]) -> None:
    """Record the word an organisation's name is shortened to, if it has one."""
    folded = [fold(w) for w in words]
    if folded[-1] in MEDIA_HEADS:
        short.setdefault(folded[-1], cluster)
    core = [f for f in folded if f not in ORG_HEADS and f not in LOCATION_HEADS]
    if len(core) == 1 and core[0] == folded[0] and cluster.type == "organization":
        short.setdefault(core[0], cluster)


def _among(c: Candidate | None, clusters: list[Cluster]) -> bool:
    return c is not None and any(c.entry.key == x.key for x in clusters)


def _most_mentioned(candidates: list[Cluster]) -> Cluster:
    # The person the article talks about most; on a tie, the one named first.
    return max(candidates, key=lambda c: (len(c.mentions), -candidates.index(c)))


def _text(text: str, m: Mention) -> str:
    return text[m.start : m.end]


def _words(text: str, cluster: Cluster) -> list[str]:
    start, end = cluster.mentions[-1]
    return TOKEN.findall(text, start, end)
