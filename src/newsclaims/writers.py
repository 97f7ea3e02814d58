"""Writing analyses: one JSON document, JSON Lines, statement rows (CSV, Parquet), or a table.

The JSON forms are the ``newsclaims/1`` schema of :mod:`newsclaims.serialize`. In JSON Lines
an input record that could not be read or analysed takes its place in the output as an error
record, so line *n* of the output still belongs to record *n* of the input::

    {"schema": "newsclaims/1", "article": {"id": "x"}, "error": {"path": "in.jsonl",
     "line": 3, "reason": "text: missing"}}

CSV and Parquet hold one row per statement (:data:`ROW_COLUMNS`, built by
:func:`statement_rows`); an error record is one row with only ``article_id`` and ``error``
filled in. Parquet needs the ``parquet`` extra (pyarrow).
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable
from typing import Any, TextIO

from newsclaims.model import Analysis, Polarity, Span
from newsclaims.readers import ReadError
from newsclaims.serialize import SCHEMA, dumps, to_json

__all__ = [
    "ROW_COLUMNS",
    "CsvWriter",
    "ParquetWriter",
    "error_to_dict",
    "format_table",
    "statement_rows",
    "write_json",
    "write_jsonl",
]


def write_json(analysis: Analysis, fp: TextIO) -> None:
    """Write ``analysis`` to ``fp`` as one indented JSON document and a final newline."""
    fp.write(to_json(analysis, indent=2))
    fp.write("\n")


def error_to_dict(error: ReadError) -> dict[str, Any]:
    """The JSON Lines record standing for an input that could not be read or analysed."""
    return {
        "schema": SCHEMA,
        "article": {"id": error.id},
        "error": {"path": error.path, "line": error.line, "reason": error.reason},
    }


def write_jsonl(records: Iterable[Analysis | ReadError], fp: TextIO) -> int:
    """Write each record to ``fp`` as one line of JSON, in order; return how many were errors.

    An :class:`Analysis` becomes a ``newsclaims/1`` document, a :class:`ReadError` an error
    record (see the module docstring). Each line is flushed as it is written, so a long run
    can be followed and a consumer can start early.
    """
    errors = 0
    for record in records:
        if isinstance(record, ReadError):
            errors += 1
            fp.write(dumps(error_to_dict(record)))
        else:
            fp.write(to_json(record))
        fp.write("\n")
        fp.flush()
    return errors


# -- statement rows: CSV and Parquet ---------------------------------------------------------

#: The columns of a statement row, in order. ``speaker_kind`` is ``writer`` for the writer's
#: own assertions; ``speaker_entity`` is the speaker's Wikidata QID when linked;
#: ``hedge_cues`` and ``entity_ids`` are lists (joined with ``"; "`` in CSV), an entity id
#: being its Wikidata QID when linked, else its id in the article (``e3``).
ROW_COLUMNS = (
    "article_id",
    "statement_id",
    "kind",
    "content",
    "speaker",
    "speaker_kind",
    "speaker_entity",
    "cue",
    "stance",
    "certainty",
    "polarity",
    "hedge_cues",
    "entity_ids",
    "outlet",
    "published",
    "error",
)
#: The list-valued columns.
_LIST_COLUMNS = frozenset({"hedge_cues", "entity_ids"})


def statement_rows(result: Analysis | ReadError) -> list[dict[str, Any]]:
    """One row (a dict keyed by :data:`ROW_COLUMNS`) per statement of ``result``, in order.

    An analysis without statements gives no row; a :class:`ReadError` gives one row holding
    only ``article_id`` (``None`` when unknown) and ``error`` (``"PATH: line N: reason"``).
    """
    if isinstance(result, ReadError):
        row: dict[str, Any] = dict.fromkeys(ROW_COLUMNS)
        row.update(article_id=result.id, hedge_cues=[], entity_ids=[], error=str(result))
        return [row]
    article = result.article
    entities = {e.id: e for e in result.entities}
    hedges = {h.id: h for h in result.hedges}
    rows = []
    for s in result.statements:
        a = s.attribution
        speaker = a.speaker if a is not None else None
        kind = "writer" if a is None else speaker.kind.value if speaker else "unknown"
        linked = entities.get(speaker.entity) if speaker and speaker.entity else None
        rows.append(
            {
                "article_id": article.id,
                "statement_id": s.id,
                "kind": s.kind.value,
                "content": " … ".join(result.text_of(span) for span in s.content),
                "speaker": speaker.name if speaker is not None else None,
                "speaker_kind": kind,
                "speaker_entity": linked.wikidata if linked is not None else None,
                "cue": result.text_of(a.cue) if a is not None and a.cue is not None else None,
                "stance": a.stance if a is not None else None,
                "certainty": s.certainty.value,
                "polarity": s.polarity.value,
                "hedge_cues": [result.text_of(hedges[h].cue) for h in s.hedges if h in hedges],
                "entity_ids": [entities[e].wikidata or e for e in s.entities if e in entities],
                "outlet": article.outlet,
                "published": article.published,
                "error": None,
            }
        )
    return rows


class CsvWriter:
    """Statement rows to a CSV file with a header line; list cells joined with ``"; "``.

    ``fp`` must be opened with ``newline=""`` (the csv module writes its own line ends).
    """

    def __init__(self, fp: TextIO) -> None:
        self._fp = fp
        self._csv = csv.writer(fp)
        self._csv.writerow(ROW_COLUMNS)

    def write(self, rows: Iterable[dict[str, Any]]) -> None:
        """Append ``rows`` (dicts keyed by :data:`ROW_COLUMNS`) and flush."""
        for row in rows:
            cells = [
                "; ".join(row[c]) if c in _LIST_COLUMNS else _csv_cell(row[c]) for c in ROW_COLUMNS
            ]
            self._csv.writerow(cells)
        self._fp.flush()

    def close(self) -> None:
        self._fp.flush()


def _csv_cell(value: Any) -> str:
    return "" if value is None else str(value)


class ParquetWriter:
    """Statement rows to a Parquet file, written a row group at a time (bounded memory).

    Every column is a string (``null`` where empty) except ``hedge_cues`` and
    ``entity_ids``, lists of strings. Raises :class:`ImportError` naming the ``parquet``
    extra when pyarrow is not installed.
    """

    def __init__(self, path: str, *, row_group: int = 50_000) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise ImportError(
                "Parquet output needs the parquet extra: pip install 'newsclaims[parquet]'"
            ) from exc
        self._pa = pa
        self.schema = pa.schema(
            [(c, pa.list_(pa.string()) if c in _LIST_COLUMNS else pa.string()) for c in ROW_COLUMNS]
        )
        self._writer = pq.ParquetWriter(path, self.schema)
        self._rows: list[dict[str, Any]] = []
        self._row_group = row_group

    def write(self, rows: Iterable[dict[str, Any]]) -> None:
        """Append ``rows``; they reach the file a row group at a time."""
        self._rows.extend(rows)
        if len(self._rows) >= self._row_group:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            table = self._pa.Table.from_pylist(self._rows, schema=self.schema)
            self._writer.write_table(table)
            self._rows = []

    def close(self) -> None:
        """Write what is left and the file's footer: the file is readable only after this."""
        self._flush()
        self._writer.close()


# -- the table --------------------------------------------------------------------------------


def _clean(text: str) -> str:
    """``text`` on one line, with control characters (escape sequences too) made spaces."""
    return "".join(" " if unicodedata.category(ch)[0] in "CZ" and ch != " " else ch for ch in text)


def _short(text: str, width: int) -> str:
    """``text`` cleaned, its white space collapsed, cut with "…" to at most ``width``."""
    limit = 4 * width + 16  # enough to fill the cell after collapsing white space
    cut = len(text) > limit
    text = " ".join(_clean(text[:limit]).split())
    if not cut and len(text) <= width:
        return text
    return text[: max(width - 1, 0)] + "…"


def _cell(text: str, width: int) -> str:
    return _short(text, width).ljust(width)


def _quoted(analysis: Analysis, span: Span | None) -> str:
    return "-" if span is None else analysis.text_of(span)


def format_table(analysis: Analysis, *, width: int = 120) -> str:
    """A plain-text view of ``analysis`` for a terminal, about ``width`` columns wide.

    First a heading (article id and title), then one row per statement: id, kind, speaker
    and speaker kind, cue, certainty, polarity (pos/neg) and the content shortened to fit; then the
    hedges (id, kind, holder, cue, scope), the entities (id, name, type, Wikidata QID,
    number of mentions) and any problems. Text from the article is put on one line with
    control characters blanked, so it cannot break the layout or drive the terminal.
    """
    lines: list[str] = []
    article = analysis.article
    heading = article.id if not article.title else f"{article.id}: {article.title}"
    lines.append(_short(heading, width))
    lines.append(
        f"{len(analysis.statements)} statements, {len(analysis.hedges)} hedges, "
        f"{len(analysis.entities)} entities"
    )

    if analysis.statements:
        lines.append("")
        content_width = max(width - 73, 20)  # what the columns before the content leave
        lines.append(
            f"{'id':<5}{'kind':<10}{'speaker':<25}{'cue':<13}{'certainty':<15}{'pol':<5}content"
        )
        for s in analysis.statements:
            a = s.attribution
            if a is None or a.speaker is None:
                speaker = "(writer)" if a is None else "?"
            else:
                speaker = f"{a.speaker.name} ({a.speaker.kind.value})"
            cue = "-" if a is None else _quoted(analysis, a.cue)
            polarity = "neg" if s.polarity is Polarity.NEGATIVE else "pos"
            content = " … ".join(analysis.text_of(span) for span in s.content)
            lines.append(
                f"{_cell(s.id, 4)} {_cell(s.kind.value, 9)} {_cell(speaker, 24)} "
                f"{_cell(cue, 12)} {_cell(s.certainty.value, 14)} {polarity:<4} "
                f"{_short(content, content_width)}".rstrip()
            )

    if analysis.hedges:
        lines.append("")
        lines.append(f"{'hedge':<6}{'kind':<15}{'holder':<8}{'cue':<20}scope")
        scope_width = max(width - 49, 20)
        for h in analysis.hedges:
            lines.append(
                f"{_cell(h.id, 5)} {_cell(h.kind, 14)} {_cell(h.holder.value, 7)} "
                f"{_cell(analysis.text_of(h.cue), 19)} "
                f"{_short(_quoted(analysis, h.scope), scope_width)}".rstrip()
            )

    if analysis.entities:
        lines.append("")
        lines.append(f"{'entity':<7}{'name':<32}{'type':<15}{'wikidata':<12}mentions")
        for e in analysis.entities:
            lines.append(
                f"{_cell(e.id, 6)} {_cell(e.name, 31)} {_cell(e.type, 14)} "
                f"{_cell(e.wikidata or '-', 11)} {len(e.mentions)}"
            )

    if analysis.problems:
        lines.append("")
        for p in analysis.problems:
            by = p.analyzer if p.plugin is None else f"{p.analyzer} (plugin {p.plugin})"
            lines.append(_short(f"problem: {by}: {p.message}", width))
    return "\n".join(lines) + "\n"
