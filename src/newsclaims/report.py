"""A corpus report over ``newsclaims analyze`` output: who is quoted, and how sources are used.

:func:`build_report` reads JSON Lines output (``.jsonl`` or ``.jsonl.gz``) a line at a time
and counts, over all articles and per outlet and per month when the articles give those:

* the most-quoted speakers, keyed by their Wikidata entity where the speaker is linked, else
  by the speaker's name, so "Trump" and "Donald Trump" linked to Q22686 count as one;
* the share of statements by speaker kind: ``named`` (a person), ``organization``,
  ``group``, ``anonymous``, ``document``, ``unknown``, and ``writer`` for the writer's own
  assertions.

Memory is that of the counters, not of the output. Error records are counted, not read.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
from collections import Counter
from collections.abc import Iterator
from typing import IO, Any

from attrs import define, field

__all__ = ["KINDS", "Group", "Report", "build_report", "format_csv", "format_table", "to_dict"]

#: Speaker kinds in report order; ``named`` is the model's ``person``.
KINDS = ("named", "organization", "group", "anonymous", "document", "unknown", "writer")
_KIND_NAMES = {"person": "named"}
_MONTH = re.compile(r"^(\d{4})-(\d{2})")


@define
class Group:
    """The counts for one set of articles: all of them, one outlet or one month."""

    articles: int = 0
    statements: int = 0
    kinds: Counter[str] = field(factory=Counter)
    speakers: Counter[str] = field(factory=Counter)  # key -> statements

    def top(self, n: int, names: dict[str, str]) -> list[tuple[str, str, int]]:
        """The ``n`` most-quoted speakers: (key, name, statements), most first, then by name."""
        ranked = sorted(self.speakers.items(), key=lambda kv: (-kv[1], names.get(kv[0], kv[0])))
        return [(key, names.get(key, key), count) for key, count in ranked[:n]]

    def shares(self) -> dict[str, float]:
        """Each speaker kind's share of the statements (0 to 1), in :data:`KINDS` order."""
        total = self.statements or 1
        return {k: self.kinds[k] / total for k in KINDS}


@define
class Report:
    """The whole report: totals, per outlet and per month (empty when no article says)."""

    total: Group = field(factory=Group)
    outlets: dict[str, Group] = field(factory=dict)
    months: dict[str, Group] = field(factory=dict)
    errors: int = 0
    names: dict[str, str] = field(factory=dict)  # speaker key -> name shown


def _lines(path: str) -> Iterator[bytes]:
    if path == "-":
        import sys

        yield from sys.stdin.buffer
        return
    opener: Any = gzip.open if path.lower().endswith(".gz") else open
    with opener(path, "rb") as fp:
        yield from fp


def build_report(path: str | os.PathLike[str]) -> Report:
    """Count the records of the JSON Lines output at ``path`` (``"-"``: stdin).

    Raises :class:`ValueError` naming the line for a line that is not a JSON object, and
    ``OSError`` if the file cannot be read.
    """
    report = Report()
    for number, raw in enumerate(_lines(os.fspath(path)), start=1):
        if not raw.strip():
            continue
        try:
            doc = json.loads(raw)
        except ValueError as exc:
            raise ValueError(f"line {number}: not valid JSON: {exc}") from None
        if not isinstance(doc, dict) or not isinstance(doc.get("article"), dict):
            raise ValueError(f"line {number}: not a newsclaims record")
        if "error" in doc:
            report.errors += 1
            continue
        _count(report, doc)
    return report


def _count(report: Report, doc: dict[str, Any]) -> None:
    article = doc["article"]
    groups = [report.total]
    outlet = article.get("outlet")
    if isinstance(outlet, str) and outlet:
        groups.append(report.outlets.setdefault(outlet, Group()))
    published = article.get("published")
    m = _MONTH.match(published) if isinstance(published, str) else None
    if m:
        groups.append(report.months.setdefault(f"{m.group(1)}-{m.group(2)}", Group()))
    entities = {e.get("id"): e for e in doc.get("entities") or [] if isinstance(e, dict)}
    for g in groups:
        g.articles += 1
    for s in doc.get("statements") or []:
        attribution = s.get("attribution")
        speaker = attribution.get("speaker") if isinstance(attribution, dict) else None
        if attribution is None:
            kind, key = "writer", None
        elif not isinstance(speaker, dict):
            kind, key = "unknown", None
        else:
            raw = str(speaker.get("kind") or "unknown")
            kind = _KIND_NAMES.get(raw, raw if raw in KINDS else "unknown")
            key = _speaker_key(report, speaker, entities)
        for g in groups:
            g.statements += 1
            g.kinds[kind] += 1
            if key is not None:
                g.speakers[key] += 1


def _speaker_key(report: Report, speaker: dict[str, Any], entities: dict[Any, Any]) -> str | None:
    """The Wikidata QID of a linked speaker, else its name with white space collapsed."""
    entity = entities.get(speaker.get("entity"))
    qid = entity.get("wikidata") if isinstance(entity, dict) else None
    if isinstance(qid, str) and qid:
        report.names.setdefault(qid, str(entity.get("name") or qid))  # type: ignore[union-attr]
        return qid
    name = " ".join(str(speaker.get("name") or "").split())
    return name or None


# -- output -----------------------------------------------------------------------------------


def _sections(report: Report) -> Iterator[tuple[str, str, Group]]:
    yield "all", "", report.total
    for outlet in sorted(report.outlets):
        yield "outlet", outlet, report.outlets[outlet]
    for month in sorted(report.months):
        yield "month", month, report.months[month]


def to_dict(report: Report, *, top: int = 20) -> dict[str, Any]:
    """The report as JSON-ready data: totals, then ``outlets`` and ``months`` likewise."""

    def group(g: Group, n: int) -> dict[str, Any]:
        return {
            "articles": g.articles,
            "statements": g.statements,
            "speaker_kinds": {k: round(v, 4) for k, v in g.shares().items()},
            "speakers": [
                {"key": key, "name": name, "statements": count}
                for key, name, count in g.top(n, report.names)
            ],
        }

    per = max(top // 4, 5)
    return {
        **group(report.total, top),
        "errors": report.errors,
        "outlets": {o: group(report.outlets[o], per) for o in sorted(report.outlets)},
        "months": {m: group(report.months[m], per) for m in sorted(report.months)},
    }


def format_csv(report: Report, *, top: int = 20) -> str:
    """The report as CSV rows: ``section, group, measure, key, name, value``.

    ``measure`` is ``articles``, ``statements``, ``kind_share`` (key: the kind) or
    ``speaker_statements`` (key: QID or name); ``section`` is ``all``, ``outlet`` or
    ``month``, and ``group`` the outlet or month.
    """
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["section", "group", "measure", "key", "name", "value"])
    for section, name, g in _sections(report):
        n = top if section == "all" else max(top // 4, 5)
        w.writerow([section, name, "articles", "", "", g.articles])
        w.writerow([section, name, "statements", "", "", g.statements])
        for kind, share in g.shares().items():
            w.writerow([section, name, "kind_share", kind, "", f"{share:.4f}"])
        for key, speaker, count in g.top(n, report.names):
            w.writerow([section, name, "speaker_statements", key, speaker, count])
    return out.getvalue()


def format_table(report: Report, *, top: int = 20) -> str:
    """The report as text for people: per section, counts, kind shares and top speakers."""
    lines: list[str] = []
    for section, name, g in _sections(report):
        n = top if section == "all" else max(top // 4, 5)
        heading = "All articles" if section == "all" else f"{section.capitalize()} {name}"
        if lines:
            lines.append("")
        lines.append(f"{heading}: {g.articles} articles, {g.statements} statements")
        if section == "all" and report.errors:
            lines.append(f"({report.errors} error records not counted)")
        shares = "  ".join(f"{k} {v:.0%}" for k, v in g.shares().items() if g.kinds[k])
        lines.append(f"  by speaker kind: {shares or '-'}")
        ranked = g.top(n, report.names)
        if ranked:
            lines.append(f"  {'statements':>10}  speaker")
            for key, speaker, count in ranked:
                shown = speaker if key == speaker else f"{speaker} ({key})"
                lines.append(f"  {count:>10}  {_clean(shown)}")
    return "\n".join(lines) + "\n"


def _clean(text: str) -> str:
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def write(report: Report, fp: IO[str], fmt: str, *, top: int = 20) -> None:
    """Write ``report`` to ``fp`` as ``table``, ``csv`` or ``json``."""
    if fmt == "json":
        fp.write(json.dumps(to_dict(report, top=top), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        fp.write(format_csv(report, top=top))
    else:
        fp.write(format_table(report, top=top))
