"""``newsclaims kb``: build, describe and query the entity linker's knowledge bases.

Thin commands over :mod:`newsclaims.analyzers.entities.sources`: parse, call the library,
print.
"""

from __future__ import annotations

import json
import os
import sys
import time
import tracemalloc
from importlib import resources
from pathlib import Path
from typing import Any

import click

from newsclaims.analyzers.entities.kb import (
    DEFAULT_FILES,
    Entry,
    KnowledgeBase,
    merge,
    parse_table,
)
from newsclaims.analyzers.entities.sources import (
    KB_ENV,
    KnowledgeBaseError,
    chain,
    load_file,
    read_alias_table,
    read_wikidata_dump,
    to_table,
    user_kbs_from_env,
)

__all__ = ["embedded_stats", "kb"]


def _fail(message: str) -> None:
    click.echo(f"newsclaims: error: {' '.join(message.split())}", err=True)
    sys.exit(1)


def _kbs(paths: tuple[Path, ...], embedded: bool = True) -> KnowledgeBase:
    """The files given, then those in ``NEWSCLAIMS_KB``, then (if ``embedded``) the
    embedded knowledge base, chained."""
    from newsclaims.analyzers.entities.kb import default_kb

    try:
        kbs = [KnowledgeBase(merge(load_file(p))) for p in paths] + user_kbs_from_env()
    except KnowledgeBaseError as exc:
        _fail(str(exc))
    if embedded:
        kbs.append(default_kb())
    if not kbs:
        _fail("no knowledge base to read")
    return chain(kbs)


def embedded_stats() -> dict[str, Any]:
    """Size on disk, entries, load time and memory of the embedded knowledge base, loaded
    afresh (not from the process's cache)."""
    data = resources.files("newsclaims.analyzers.entities").joinpath("data")
    size = sum(len(data.joinpath(n).read_bytes()) for n in DEFAULT_FILES)
    tracemalloc.start()
    began = time.perf_counter()
    entries = []
    for name in DEFAULT_FILES:
        entries += parse_table(data.joinpath(name).read_text("utf-8"), name)
    kb = KnowledgeBase(merge(entries))
    seconds = time.perf_counter() - began
    _, peak = tracemalloc.get_traced_memory()
    current = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return {
        "files": list(DEFAULT_FILES),
        "bytes_on_disk": size,
        "entries": len(kb),
        "with_qid": sum(1 for e in kb.entries if e.qid),
        "aliases": len(kb.index),
        "load_seconds": round(seconds, 3),
        "memory_bytes": current,
        "peak_memory_bytes": peak,
        "kb": kb,
    }


@click.group()
def kb() -> None:
    """Build, describe and query the entity linker's knowledge bases.

    The linker asks, in order: the files named in NEWSCLAIMS_KB (separated
    like PATH), plugins implementing newsclaims_lookup_entity, and the
    embedded knowledge base.

    \b
    Examples:
      newsclaims kb info
      newsclaims kb lookup Georgia
      newsclaims kb build my-kb.tsv people.jsonl orgs.csv
      newsclaims kb build people.tsv latest-all.json.gz --type Q5
      NEWSCLAIMS_KB=my-kb.tsv newsclaims analyze article.txt
    """


@kb.command("build")
@click.argument("output", metavar="OUT.tsv", type=click.Path(dir_okay=False, path_type=Path))
@click.argument(
    "sources",
    metavar="SOURCE...",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@click.option(
    "--type",
    "types",
    multiple=True,
    metavar="QID",
    help="From a Wikidata dump, keep items that are an instance (P31) of QID (repeatable).",
)
@click.option(
    "--ids",
    "ids_path",
    metavar="FILE",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="From a Wikidata dump, keep the items whose QIDs this file lists, one a line.",
)
@click.option("--language", default="en", show_default=True, help="Labels and aliases of a dump.")
def build(
    output: Path,
    sources: tuple[Path, ...],
    types: tuple[str, ...],
    ids_path: Path | None,
    language: str,
) -> None:
    """Write one knowledge-base table (TSV) from alias tables and Wikidata dumps.

    A SOURCE is an alias table (.jsonl or .csv with id, name, aliases, type,
    prior), a Wikidata JSON dump (.json, .json.gz or .json.bz2, read as a
    stream and filtered by --type and --ids; both absent: every item), or a
    .tsv table. Rows with the same QID are merged, later sources adding
    aliases.

    \b
    Examples:
      newsclaims kb build my-kb.tsv people.jsonl orgs.csv
      newsclaims kb build people.tsv latest-all.json.gz --type Q5 --ids wanted.txt

    Exits 1 with a one-line reason if a source cannot be read.
    """
    ids: list[str] = []
    if ids_path is not None:
        ids = [line.strip() for line in ids_path.read_text("utf-8").splitlines() if line.strip()]
    entries: list[Entry] = []
    try:
        for source in sources:
            name = source.name.lower().removesuffix(".gz").removesuffix(".bz2")
            if name.endswith(".json"):
                entries += read_wikidata_dump(source, types, ids, language)
            elif name.endswith((".jsonl", ".csv")):
                entries += read_alias_table(source)
            else:
                entries += load_file(source)
    except KnowledgeBaseError as exc:
        _fail(str(exc))
    merged = merge(entries)
    comment = "built by `newsclaims kb build` from " + ", ".join(s.name for s in sources)
    try:
        output.write_text(to_table(merged, comment), encoding="utf-8")
    except OSError as exc:
        _fail(f"{output}: {exc.strerror or exc}")
    click.echo(f"wrote {len(merged)} entries to {output}", err=True)


@kb.command("info")
@click.argument(
    "files",
    metavar="[FILE]...",
    nargs=-1,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def info(files: tuple[Path, ...], as_json: bool) -> None:
    """Describe the embedded knowledge base, or the knowledge-base FILEs given.

    \b
    Examples:
      newsclaims kb info
      newsclaims kb info my-kb.tsv --json
    """
    if files:
        report: dict[str, Any] = {"files": []}
        for path in files:
            began = time.perf_counter()
            try:
                the_kb = KnowledgeBase(merge(load_file(path)))
            except KnowledgeBaseError as exc:
                _fail(str(exc))
            report["files"].append(
                {
                    "file": str(path),
                    "bytes_on_disk": path.stat().st_size,
                    "entries": len(the_kb),
                    "with_qid": sum(1 for e in the_kb.entries if e.qid),
                    "aliases": len(the_kb.index),
                    "load_seconds": round(time.perf_counter() - began, 3),
                }
            )
    else:
        stats = embedded_stats()
        the_kb = stats.pop("kb")
        by_type: dict[str, int] = {}
        for e in the_kb.entries:
            by_type[e.type] = by_type.get(e.type, 0) + 1
        report = {"embedded": {**stats, "types": dict(sorted(by_type.items()))}}
        if os.environ.get(KB_ENV):
            report[KB_ENV] = os.environ[KB_ENV]
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    for item in report.get("files", []):
        click.echo(
            f"{item['file']}: {item['entries']:,} entries ({item['with_qid']:,} with a QID), "
            f"{item['aliases']:,} aliases, {item['bytes_on_disk'] / 1e6:.2f} MB, "
            f"loads in {item['load_seconds']:.2f} s"
        )
    if "embedded" in report:
        e = report["embedded"]
        click.echo(
            f"embedded ({', '.join(e['files'])}): {e['entries']:,} entries "
            f"({e['with_qid']:,} with a QID), {e['aliases']:,} aliases"
        )
        click.echo("  types: " + ", ".join(f"{k} {v:,}" for k, v in e["types"].items()))
        click.echo(
            f"  {e['bytes_on_disk'] / 1e6:.2f} MB on disk, loads in {e['load_seconds']:.2f} s, "
            f"{e['memory_bytes'] / 1e6:.1f} MB in memory "
            f"(peak {e['peak_memory_bytes'] / 1e6:.1f} MB)"
        )


@kb.command("lookup")
@click.argument("name")
@click.option(
    "--kb",
    "files",
    multiple=True,
    metavar="FILE",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Ask this knowledge-base file first (repeatable; before NEWSCLAIMS_KB).",
)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def lookup(name: str, files: tuple[Path, ...], as_json: bool) -> None:
    """The items NAME may mean, and the one the linker picks without context.

    Case matters as it does in text: short and all-capital aliases ("UN")
    must match exactly. Exits 1 when nothing is found.

    \b
    Examples:
      newsclaims kb lookup Georgia
      newsclaims kb lookup "Qods Force" --json
      newsclaims kb lookup Bergner --kb my-kb.tsv
    """
    from newsclaims.analyzers.entities.linker import choose

    the_kb = _kbs(files)
    cands = the_kb.lookup(name)
    picked = choose(cands, ()) if cands else None
    rows = [
        {
            "qid": c.entry.qid,
            "name": c.entry.name,
            "type": c.entry.type,
            "prior": c.prior,
            "demonym": c.demonym,
            "source": c.entry.source,
            "checked": c.entry.checked,
            "picked": picked is c,
        }
        for c in sorted(cands, key=lambda c: -c.prior)
    ]
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        for r in rows:
            mark = "*" if r["picked"] else " "
            click.echo(
                f"{mark} {r['qid'] or '-':<10} {r['name']:<32} {r['type']:<12} "
                f"prior {r['prior']:.2f}  {r['source']}" + ("  (demonym)" if r["demonym"] else "")
            )
    if not rows:
        click.echo(f"newsclaims: nothing known as {name!r}", err=True)
        sys.exit(1)
