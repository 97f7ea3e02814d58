"""The knowledge base: named things with Wikidata ids, their aliases and how prominent each is.

The data are tab-separated files in ``data/`` with a header line naming the columns::

    qid  name  type  kind  aliases  demonyms  prior  part_of  checked

``aliases`` and ``demonyms`` are ``|``-separated; ``alias@0.3`` gives one alias its own prior
(the chance that the alias, met in news, means this item), otherwise the row's ``prior``
applies. ``part_of`` is the QID of the country (or region) the item belongs to, which lets
context pick between homonyms (Georgia the country, Georgia the US state). ``checked`` says
where the id was checked. Rows with the same QID are merged (later files win on name, type
and kind), so a later, bigger knowledge base can be added as another file.

Matching works on tokens: an alias is tokenised like the text, each token folded (see
:func:`~newsclaims.analyzers.entities.lexicon.fold`) and the tokens joined by spaces, so
"al-Qaeda", "al Qaeda" and "Al-Qaeda" share one key. Short aliases (four letters or fewer)
and all-capital ones ("UN", "U.S.", "NATO") must match case and all; the others match any
case, as long as every capitalised word of the alias is capitalised in the text too.

The knowledge base is read once per process, on first use (:func:`default_kb`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from newsclaims.analyzers.entities.lexicon import fold

__all__ = ["TOKEN", "Candidate", "Entry", "KnowledgeBase", "default_kb", "parse_table"]

#: The files of the default knowledge base, in the order they are merged.
DEFAULT_FILES = ("countries.tsv", "news_core.tsv")
TYPES = frozenset({"person", "organization", "location", "group", "other"})

# Title abbreviations that keep their period inside a name ("Brig. Gen. Kevin Bergner").
ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Cmdr|Sen|Rep|Gov|Prof|Rev|Brig|Jr|Sr|St|Mt|Ft"
    "|Cpl|Pvt|Inc|Corp|Co|Ltd|Messrs"
)
# One token of a name: an acronym with periods, a title abbreviation, an initial, a word
# (with inner apostrophes), or "&". Hyphens separate tokens, so "Brigadier-General" and
# "Brigadier General" give the same tokens. Alternatives cannot overlap, so it is linear.
TOKEN = re.compile(
    rf"(?:[^\W\d_]\.){{2,}}|(?:{ABBREVIATIONS})\.(?=\s|$)|[^\W\d_]\.(?=\s|$)"
    r"|[^\W_]+(?:['’][^\W_]+)*|&"
)


class Entry:
    """One knowledge-base item. ``key`` is its QID, or ``local:<name>`` when it has none."""

    __slots__ = (
        "aliases",
        "checked",
        "demonyms",
        "key",
        "kind",
        "name",
        "part_of",
        "prior",
        "qid",
        "source",
        "type",
    )

    def __init__(
        self,
        qid: str | None,
        name: str,
        type: str,
        kind: str,
        prior: float,
        part_of: str | None,
        checked: str,
        source: str = "embedded",
    ) -> None:
        self.qid = qid
        #: Which knowledge base the entry comes from ("embedded", or a user file's name).
        self.source = source
        self.key = qid or f"local:{name}"
        self.name = name
        self.type = type
        self.kind = kind
        self.prior = prior
        self.part_of = part_of
        self.checked = checked
        self.aliases: list[str] = []
        self.demonyms: list[str] = []

    def __repr__(self) -> str:
        return f"Entry({self.key!r}, {self.name!r}, {self.type!r})"


class Candidate(NamedTuple):
    """One knowledge-base item an alias may mean, with the alias's own prior and shape."""

    entry: Entry
    prior: float
    #: The alias's tokens, for aliases that must match exactly; ``None`` otherwise.
    exact: tuple[str, ...] | None
    #: For each token of the alias, whether it is capitalised.
    caps: tuple[bool, ...]
    demonym: bool


def _tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def _straight(word: str) -> str:
    """``word`` with curly apostrophes straightened and a final period dropped: case must
    match exactly, an abbreviation's period need not ("W. Va." is "W.Va.")."""
    word = word.replace("’", "'")
    return word[:-1] if word.endswith(".") else word


class KnowledgeBase:
    """Entries and an alias index for longest-match lookups over token sequences."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)
        index: dict[str, list[Candidate]] = {}
        prefixes: set[str] = set()
        continuations: set[str] = set()
        plurals: set[str] = set()
        dotted: set[str] = set()
        longest = 1
        for entry in self.entries:
            names = [
                (entry.name, entry.prior),
                *(_alias_prior(a, entry.prior) for a in entry.aliases),
            ]
            # American papers spell acronyms with periods: "S.E.C.", "I.R.S."
            names += [
                (".".join(alias) + ".", prior)
                for alias, prior in names
                if 2 <= len(alias) <= 5 and alias.isalpha() and alias.isupper()
            ]
            for alias, prior in names:
                toks = _tokens(alias)
                if not toks:
                    continue
                key = " ".join(fold(t) for t in toks)
                if alias.endswith(".") and not toks[-1].endswith("."):
                    dotted.add(key)  # "Calif.": the period is part of the alias
                letters = sum(c.isalpha() for c in alias)
                exact = None
                if letters <= 4 or alias.isupper():
                    exact = tuple(_straight(t) for t in toks)
                caps = tuple(t[0].isupper() for t in toks)
                cand = Candidate(entry, prior, exact, caps, False)
                # One row may give a key twice ("U.S. military", "U.S. Military"; a name and
                # the same name with its own prior): all are kept, and lookups keep the last
                # that fits the text.
                index.setdefault(key, []).append(cand)
                longest = max(longest, len(toks))
                for i in range(1, len(toks)):
                    prefixes.add(" ".join(fold(t) for t in toks[:i]))
                    word = toks[i]
                    # (Hyphenated lower-case parts, "Jong-un", are matched by the run pattern
                    # anyway; two-letter words would be noise.)
                    if word.islower() and word.isalpha() and len(word) > 3:
                        # a lower-case word that continues a name ("U.S. military")
                        continuations.add(word)
            for demonym in entry.demonyms:
                toks = _tokens(demonym)
                key = " ".join(fold(t) for t in toks)
                index.setdefault(key, []).append(
                    Candidate(entry, entry.prior, None, tuple(t[0].isupper() for t in toks), True)
                )
                for i in range(1, len(toks)):
                    prefixes.add(" ".join(fold(t) for t in toks[:i]))
                plurals.update(_plurals(demonym))
        self.index: dict[str, tuple[Candidate, ...]] = {k: tuple(v) for k, v in index.items()}
        self.prefixes = frozenset(prefixes | set(self.index))
        self.max_words = longest
        #: Lower-case words, not connectors, that continue an alias ("military", "forces").
        self.continuations = frozenset(continuations)
        #: Folded plural demonyms ("iranians"): people, not the country.
        self.plural_demonyms = frozenset(fold(p) for p in plurals)
        self.by_key = {e.key: e for e in self.entries}
        #: Folded aliases whose final period belongs to them ("calif" for "Calif.").
        self.dotted = frozenset(dotted)
        #: The names of the knowledge bases chained into this one, first first.
        self.sources: tuple[str, ...] = tuple(dict.fromkeys(e.source for e in self.entries))

    def __len__(self) -> int:
        return len(self.entries)

    def match(
        self, words: Sequence[str], folded: Sequence[str], start: int
    ) -> tuple[int, tuple[Candidate, ...]]:
        """The longest alias starting at ``words[start]``: ``(length, candidates)``.

        ``folded`` holds the :func:`fold` of each word. Returns ``(0, ())`` when no alias
        starts there. Candidates whose case or capitalisation does not fit the text are left
        out, so a lower-case "us" never matches "US".
        """
        best: tuple[int, tuple[Candidate, ...]] = (0, ())
        key = ""
        index = self.index
        prefixes = self.prefixes
        for j in range(start, min(len(words), start + self.max_words)):
            key = folded[j] if j == start else f"{key} {folded[j]}"
            if key not in prefixes:
                break
            cands = index.get(key)
            if cands:
                fitting = _fitting(cands, words, start)
                if fitting:
                    best = (j + 1 - start, fitting)
        return best

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        """The candidates for the whole of ``name`` (an alias as a user would write it)."""
        toks = _tokens(name)
        if not toks:
            return ()
        return _fitting(self.index.get(" ".join(fold(t) for t in toks), ()), toks, 0)


def _fitting(cands: Sequence[Candidate], words: Sequence[str], start: int) -> tuple[Candidate, ...]:
    """The candidates whose alias fits the case of ``words``, one per entry (the last)."""
    fitting = [c for c in cands if _fits(c, words, start)]
    if len(fitting) > 1:
        return tuple({c.entry.key: c for c in fitting}.values())
    return tuple(fitting)


def _fits(cand: Candidate, words: Sequence[str], start: int) -> bool:
    if cand.exact is not None:
        return all(_straight(words[start + i]) == t for i, t in enumerate(cand.exact))
    return all(not cap or words[start + i][:1].isupper() for i, cap in enumerate(cand.caps))


def _alias_prior(alias: str, default: float) -> tuple[str, float]:
    name, at, prior = alias.rpartition("@")
    if at and name:
        try:
            return name, float(prior)
        except ValueError:
            pass
    return alias, default


def _plurals(demonym: str) -> list[str]:
    """The plural nouns of an adjectival demonym: "Iranian" → "Iranians"; "Swiss" → none."""
    if demonym.endswith(("ese", "ish", "sh", "ch", "ss")):
        return []
    return [demonym + "s"]


def parse_table(text: str, source: str = "<table>") -> list[Entry]:
    """The entries of one knowledge-base table (see the module docstring for the format).

    Raises :class:`ValueError` naming the source and line for a row that does not fit.
    """
    entries: list[Entry] = []
    columns: list[str] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if columns is None:
            columns = cells
            missing = {"qid", "name", "type"} - set(columns)
            if missing:
                raise ValueError(f"{source}:{number}: header lacks {', '.join(sorted(missing))}")
            continue
        row = dict(zip(columns, cells, strict=False))
        where = f"{source}:{number}"
        qid = row.get("qid", "").strip() or None
        if qid is not None and not (qid[:1] == "Q" and qid[1:].isdigit()):
            raise ValueError(f"{where}: qid {qid!r} is not a Wikidata id")
        type_ = row.get("type", "").strip()
        if type_ not in TYPES:
            raise ValueError(f"{where}: type {type_!r} is not one of {', '.join(sorted(TYPES))}")
        try:
            prior = float(row.get("prior") or 0.5)
        except ValueError:
            raise ValueError(f"{where}: prior {row.get('prior')!r} is not a number") from None
        entry = Entry(
            qid,
            row["name"].strip(),
            type_,
            row.get("kind", "").strip(),
            prior,
            row.get("part_of", "").strip() or None,
            row.get("checked", "").strip(),
        )
        entry.aliases = [a for a in row.get("aliases", "").split("|") if a]
        entry.demonyms = [d for d in row.get("demonyms", "").split("|") if d]
        entries.append(entry)
    return entries


def merge(entries: Iterable[Entry]) -> list[Entry]:
    """Entries with the same key merged: aliases united, the later row's description kept."""
    merged: dict[str, Entry] = {}
    for entry in entries:
        old = merged.get(entry.key)
        if old is None:
            merged[entry.key] = entry
            continue
        aliases = [*old.aliases, *(a for a in entry.aliases if a not in old.aliases)]
        if old.name != entry.name and old.name not in aliases:
            aliases.append(f"{old.name}@{old.prior}")
        entry.aliases = aliases
        entry.demonyms = list(dict.fromkeys([*old.demonyms, *entry.demonyms]))
        entry.prior = max(old.prior, entry.prior)
        entry.part_of = entry.part_of or old.part_of
        merged[entry.key] = entry
    return list(merged.values())


# Compound adjectives that contain a demonym but name a group of people, not the country.
_NOT_COUNTRY = (
    "African American",
    "Native American",
    "Asian American",
    "Arab American",
    "Mexican American",
    "Irish American",
    "Italian American",
    "Jewish American",
    "Cuban American",
    "Korean American",
)


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The knowledge base shipped in package data, read on first use and kept."""
    data = resources.files(__package__).joinpath("data")
    entries: list[Entry] = []
    for name in DEFAULT_FILES:
        entries += parse_table(data.joinpath(name).read_text("utf-8"), name)
    ignore = Entry(None, _NOT_COUNTRY[0], "other", "ignore", 1.0, None, "lexicon")
    ignore.aliases = list(_NOT_COUNTRY[1:])
    return KnowledgeBase([*merge(entries), ignore])
