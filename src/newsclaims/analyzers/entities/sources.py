"""Knowledge bases from the user's own files, and several knowledge bases chained into one.

Three kinds of file are read:

* **alias tables**, JSON Lines or CSV, one item a row with the fields ``id`` (a QID, or empty
  for an item Wikidata lacks), ``name``, ``aliases`` (a list in JSON, ``|``-separated in
  CSV), ``type`` (``person``, ``organization``, ``location``, ``group`` or ``other``) and
  ``prior`` (0 to 1: how likely the name, met in news, means this item; default 0.5);
* **Wikidata JSON dumps** (``latest-all.json``, plain, ``.gz`` or ``.bz2``), read as a
  stream one item at a time, keeping the items whose ``P31`` (instance of) is one of the
  given classes or whose id is in a given list (:func:`read_wikidata_dump`);
* the TSV tables of the embedded knowledge base (see :mod:`.kb`), which ``newsclaims kb
  build`` also writes.

:func:`chain` puts knowledge bases one after another: for every alias, the first knowledge
base that knows it answers, so a user's table shadows the embedded one.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from newsclaims.analyzers.entities.kb import TYPES, Entry, KnowledgeBase, merge, parse_table

__all__ = [
    "KB_ENV",
    "WIKIDATA_TYPES",
    "KnowledgeBaseError",
    "chain",
    "load_file",
    "read_alias_table",
    "read_wikidata_dump",
    "to_table",
    "user_kbs_from_env",
]

#: The environment variable naming user knowledge-base files (``os.pathsep``-separated),
#: chained before the embedded knowledge base in every pipeline.
KB_ENV = "NEWSCLAIMS_KB"

#: Wikidata classes (values of ``P31``) and the entity type each gives an item.
WIKIDATA_TYPES: dict[str, str] = {
    "Q5": "person",
    "Q43229": "organization",
    "Q4830453": "organization",  # business
    "Q783794": "organization",  # company
    "Q891723": "organization",  # public company
    "Q7278": "organization",  # political party
    "Q327333": "organization",  # government agency
    "Q2221906": "location",  # geographic location
    "Q515": "location",  # city
    "Q1549591": "location",  # big city
    "Q6256": "location",  # country
    "Q35657": "location",  # US state
}

_COLUMNS = ("qid", "name", "type", "kind", "aliases", "demonyms", "prior", "part_of", "checked")


class KnowledgeBaseError(ValueError):
    """A knowledge-base file cannot be read; the message names the file and the line."""


def _entry(row: dict[str, Any], where: str, source: str) -> Entry:
    """The entry for one alias-table row, validated; raises :class:`KnowledgeBaseError`."""
    qid = str(row.get("id") or row.get("qid") or "").strip() or None
    if qid is not None and not (qid[:1] == "Q" and qid[1:].isdigit()):
        raise KnowledgeBaseError(f"{where}: id {qid!r} is not a Wikidata id")
    name = str(row.get("name") or "").strip()
    if not name:
        raise KnowledgeBaseError(f"{where}: no name")
    type_ = str(row.get("type") or "other").strip()
    if type_ not in TYPES:
        raise KnowledgeBaseError(
            f"{where}: type {type_!r} is not one of {', '.join(sorted(TYPES))}"
        )
    raw = row.get("prior")
    try:
        prior = 0.5 if raw is None or raw == "" else float(raw)
    except (TypeError, ValueError):
        raise KnowledgeBaseError(f"{where}: prior {row.get('prior')!r} is not a number") from None
    if not 0.0 <= prior <= 1.0:
        raise KnowledgeBaseError(f"{where}: prior {prior} is not between 0 and 1")
    aliases = row.get("aliases") or []
    if isinstance(aliases, str):
        aliases = aliases.split("|")
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise KnowledgeBaseError(f"{where}: aliases must be a list of strings")
    entry = Entry(qid, name, type_, str(row.get("kind") or ""), prior, None, "user", source)
    entry.aliases = [a.strip() for a in aliases if a.strip() and "\t" not in a]
    return entry


def read_alias_table(path: Path, source: str | None = None) -> list[Entry]:
    """The entries of a JSON Lines (``.jsonl``) or CSV (``.csv``) alias table at ``path``.

    Raises :class:`KnowledgeBaseError` naming the file and line of the first bad row.
    """
    source = source or path.name
    out: list[Entry] = []
    try:
        with path.open(encoding="utf-8", newline="") as fp:
            if path.suffix.lower() == ".csv":
                reader = csv.DictReader(fp)
                if reader.fieldnames is None or "name" not in reader.fieldnames:
                    raise KnowledgeBaseError(f"{path}:1: the header has no 'name' column")
                for row in reader:
                    out.append(_entry(row, f"{path}:{reader.line_num}", source))
            else:
                for number, line in enumerate(fp, 1):
                    if not line.strip():
                        continue
                    try:
                        row = json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise KnowledgeBaseError(f"{path}:{number}: not JSON: {exc.msg}") from None
                    if not isinstance(row, dict):
                        raise KnowledgeBaseError(f"{path}:{number}: expected a JSON object")
                    out.append(_entry(row, f"{path}:{number}", source))
    except OSError as exc:
        raise KnowledgeBaseError(f"{path}: {exc.strerror or exc}") from None
    return out


def _open_dump(path: Path) -> IO[str]:
    name = path.name.lower()
    if name.endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
    if name.endswith(".bz2"):
        return io.TextIOWrapper(bz2.open(path, "rb"), encoding="utf-8")
    return path.open(encoding="utf-8")


def _claim_ids(item: dict[str, Any], prop: str) -> list[str]:
    ids = []
    for claim in item.get("claims", {}).get(prop, ()):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            ids.append(value["id"])
    return ids


def read_wikidata_dump(
    path: Path,
    types: Iterable[str] = (),
    ids: Iterable[str] = (),
    language: str = "en",
    source: str | None = None,
) -> Iterator[Entry]:
    """The items of a Wikidata JSON dump that fit the filter, one at a time, as entries.

    The dump is read line by line (it may be plain, ``.gz`` or ``.bz2``), so memory does not
    grow with its size. An item is kept when its id is in ``ids`` or one of its ``P31``
    values is in ``types`` (both empty: every item), and it has a ``language`` label. Its
    type comes from :data:`WIKIDATA_TYPES` (``other`` for classes not listed); its aliases
    are its ``language`` aliases; its prior grows with its number of sitelinks (a rough
    measure of prominence: 0.3 for none, up to 0.9). Raises :class:`KnowledgeBaseError` for
    a line that is not an item.
    """
    wanted_types = frozenset(types)
    wanted_ids = frozenset(ids)
    source = source or path.name
    with _open_dump(path) as fp:
        for number, line in enumerate(fp, 1):
            line = line.strip().rstrip(",")
            if line in ("", "[", "]"):
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise KnowledgeBaseError(f"{path}:{number}: not a JSON item: {exc.msg}") from None
            qid = item.get("id") if isinstance(item, dict) else None
            if not isinstance(qid, str) or not qid.startswith("Q"):
                continue  # properties and lexemes
            classes = _claim_ids(item, "P31")
            if (wanted_types or wanted_ids) and not (
                qid in wanted_ids or any(c in wanted_types for c in classes)
            ):
                continue
            label = item.get("labels", {}).get(language, {}).get("value")
            if not label:
                continue
            type_ = next((WIKIDATA_TYPES[c] for c in classes if c in WIKIDATA_TYPES), "other")
            sitelinks = len(item.get("sitelinks", {}))
            prior = round(min(0.9, 0.3 + 0.06 * sitelinks**0.5), 2)
            entry = Entry(qid, label, type_, "", prior, None, "wikidata", source)
            entry.aliases = [
                a["value"]
                for a in item.get("aliases", {}).get(language, ())
                if isinstance(a, dict) and a.get("value") and "\t" not in a["value"]
            ]
            yield entry


def load_file(path: Path) -> list[Entry]:
    """The entries of one knowledge-base file, by its suffix: ``.tsv`` (the embedded
    format), ``.jsonl`` or ``.csv`` (alias tables), ``.json[.gz|.bz2]`` (a Wikidata dump,
    every item kept). Raises :class:`KnowledgeBaseError`."""
    name = path.name.lower()
    for suffix in (".gz", ".bz2"):
        name = name.removesuffix(suffix)
    if name.endswith(".tsv"):
        try:
            text = path.read_text("utf-8")
        except OSError as exc:
            raise KnowledgeBaseError(f"{path}: {exc.strerror or exc}") from None
        try:
            entries = parse_table(text, str(path))
        except ValueError as exc:
            raise KnowledgeBaseError(str(exc)) from None
        for e in entries:
            e.source = path.name
        return entries
    if name.endswith((".jsonl", ".csv")):
        return read_alias_table(path)
    if name.endswith(".json"):
        return list(read_wikidata_dump(path))
    raise KnowledgeBaseError(f"{path}: unknown kind of file (expected .tsv, .jsonl, .csv or .json)")


def to_table(entries: Iterable[Entry], comment: str = "") -> str:
    """``entries`` as a TSV table that :func:`~.kb.parse_table` reads back."""
    lines = [f"# {line}" for line in comment.splitlines()]
    lines.append("\t".join(_COLUMNS))
    for e in entries:
        cells = [
            e.qid or "",
            e.name,
            e.type,
            e.kind,
            "|".join(e.aliases),
            "|".join(e.demonyms),
            f"{e.prior:g}",
            e.part_of or "",
            e.checked,
        ]
        lines.append("\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells))
    return "\n".join(lines) + "\n"


def chain(kbs: Sequence[KnowledgeBase]) -> KnowledgeBase:
    """One knowledge base that asks each of ``kbs`` in turn: for each alias, the first that
    knows it answers alone, so earlier knowledge bases shadow later ones."""
    if len(kbs) == 1:
        return kbs[0]
    merged = KnowledgeBase.__new__(KnowledgeBase)
    index: dict[str, Any] = {}
    for kb in kbs:
        for key, cands in kb.index.items():
            index.setdefault(key, cands)
    merged.entries = tuple(e for kb in kbs for e in kb.entries)
    merged.index = index
    merged.prefixes = frozenset().union(*(kb.prefixes for kb in kbs))
    merged.max_words = max(kb.max_words for kb in kbs)
    merged.continuations = frozenset().union(*(kb.continuations for kb in kbs))
    merged.plural_demonyms = frozenset().union(*(kb.plural_demonyms for kb in kbs))
    merged.by_key = {}
    for kb in reversed(kbs):
        merged.by_key.update(kb.by_key)
    merged.dotted = frozenset().union(*(kb.dotted for kb in kbs))
    merged.sources = tuple(dict.fromkeys(s for kb in kbs for s in kb.sources))
    return merged


def user_kbs_from_env(
    environ: dict[str, str] | os._Environ[str] | None = None,
    load: Callable[[Path], list[Entry]] = load_file,
) -> list[KnowledgeBase]:
    """The knowledge bases named in ``NEWSCLAIMS_KB``, in order (empty when unset)."""
    value = (os.environ if environ is None else environ).get(KB_ENV, "")
    return [KnowledgeBase(merge(load(Path(p)))) for p in value.split(os.pathsep) if p.strip()]
