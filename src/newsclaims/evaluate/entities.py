"""``newsclaims evaluate entities FILE.jsonl``: linked entities scored against an EL benchmark.

The file is in ELEVANT's JSON Lines format: one article per line with ``text``,
``evaluation_span`` (``[start, end)``; the whole text when absent) and ``labels``, each with
``span`` (``[start, end)``), ``entity_id`` (a Wikidata QID or ``<NIL>``) and the flags
``optional`` and ``coref``. The rules, which ``docs/evaluate-entities.md`` explains:

* **Predicted pairs.** Every mention of every entity with a Wikidata id is one
  ``(span, QID)`` pair, kept when the span lies inside the evaluation span. Entities
  without an id predict nothing. A mention that is an adjective of nationality of its
  entity ("Iranian" for Iran), which newsclaims counts as a mention of the country on
  purpose, is scored like any other: a QID on an unlabelled span is a false positive.
  ``--no-demonyms`` leaves such adjectives out, for comparison (the benchmarks link them
  once in 1,800 labels, and not to the country).
* **Gold pairs.** Every label inside the evaluation span whose ``entity_id`` is a QID, not
  ``optional`` and (unless ``--coref``) not ``coref``.
* **Ignored gold.** A predicted pair on the span of an ignored gold label counts for
  nothing, neither right nor wrong (strong match: the same span; overlap match: an
  overlapping one). Ignored are ``optional`` labels, ``<NO_MAPPING>`` ones (an entity
  with no Wikidata id, so no id can be judged) and, unless ``--coref``, ``coref`` ones.
  A gold ``<NIL>`` label is *not* ignored: a QID predicted there is a false positive, as
  is one on an unlabelled span.
* **Strong match.** A predicted pair matches a gold one with the same span and QID.
* **Overlap match.** ... with the same QID and spans that share a character; pairs are
  matched one to one, greedily by characters shared.
* **Linked-QID precision.** Of the distinct ``(article, QID)`` pairs predicted, the share
  that some gold label of that article carries: a measure of wrong ids, whatever the spans.
* **Knowledge-base coverage.** Of the gold pairs, the share whose QID some knowledge base in
  use has (the user's files named in ``NEWSCLAIMS_KB`` and the embedded one): no linker
  can match more of them, so it bounds strong-match recall (plugins' lookups aside). It
  tells a missing name in the knowledge base from a missed or mis-cut mention.

Scores are micro-averaged percentages over the file; a ratio with nothing to count is 100.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import click
from attrs import frozen

from newsclaims.analyzer import PipelineError
from newsclaims.analyzers.entities.kb import KnowledgeBase, default_kb
from newsclaims.evaluate import evaluate
from newsclaims.model import Analysis, Article
from newsclaims.options import limit_option, plugin_options
from newsclaims.pipeline import Pipeline

__all__ = [
    "BenchmarkError",
    "Document",
    "Label",
    "Pair",
    "Tally",
    "format_report",
    "gold_pairs",
    "predicted_pairs",
    "read_benchmark",
    "score_document",
]

NIL = "<NIL>"
#: ELEVANT's id for a gold entity whose Wikipedia article has no Wikidata id: real, but
#: unverifiable, so treated like an optional label.
NO_MAPPING = "<NO_MAPPING>"
MATCHES = ("strong", "overlap")

#: ``(start, end, qid)``
Pair = tuple[int, int, str]


class BenchmarkError(ValueError):
    """The benchmark file cannot be read; the message names the file and line."""


@frozen
class Label:
    """One gold label: a span, its QID or :data:`NIL`, and its flags."""

    start: int
    end: int
    entity_id: str
    optional: bool = False
    coref: bool = False


@frozen
class Document:
    """One benchmark article: its text, evaluation span and labels."""

    id: str
    text: str
    evaluation_span: tuple[int, int]
    labels: tuple[Label, ...]


def _span(value: Any, where: str, field: str, length: int) -> tuple[int, int]:
    if (
        not isinstance(value, list | tuple)
        or len(value) != 2
        or not all(isinstance(v, int) for v in value)
        or not 0 <= value[0] <= value[1] <= length
    ):
        raise BenchmarkError(f"{where}: {field} {value!r} is not a [start, end) inside the text")
    return int(value[0]), int(value[1])


def parse_document(line: str, where: str) -> Document:
    """The document on one JSON line; raises :class:`BenchmarkError` naming ``where``."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BenchmarkError(f"{where}: not JSON: {exc.msg}") from None
    if not isinstance(row, dict) or not isinstance(row.get("text"), str):
        raise BenchmarkError(f"{where}: expected an object with a string 'text'")
    text: str = row["text"]
    span = row.get("evaluation_span")
    evaluation = (
        (0, len(text)) if span is None else _span(span, where, "evaluation_span", len(text))
    )
    labels = []
    for i, label in enumerate(row.get("labels") or ()):
        if not isinstance(label, dict):
            raise BenchmarkError(f"{where}: label {i} is not an object")
        start, end = _span(label.get("span"), where, f"labels[{i}].span", len(text))
        entity_id = label.get("entity_id")
        if not isinstance(entity_id, str) or not (
            entity_id in (NIL, NO_MAPPING) or (entity_id[:1] == "Q" and entity_id[1:].isdigit())
        ):
            raise BenchmarkError(f"{where}: labels[{i}].entity_id {entity_id!r} is not a QID")
        labels.append(
            Label(start, end, entity_id, bool(label.get("optional")), bool(label.get("coref")))
        )
    return Document(str(row.get("id", where)), text, evaluation, tuple(labels))


def read_benchmark(path: Path, limit: int | None = None) -> Iterator[Document]:
    """The documents of the JSON Lines file at ``path`` (``-`` for stdin), in order."""
    try:
        fp: TextIO = sys.stdin if str(path) == "-" else path.open(encoding="utf-8")
    except OSError as exc:
        raise BenchmarkError(f"{path}: {exc.strerror or exc}") from None
    try:
        n = 0
        for number, line in enumerate(fp, 1):
            if not line.strip():
                continue
            if limit is not None and n >= limit:
                return
            n += 1
            yield parse_document(line, f"{path}:{number}")
    finally:
        if fp is not sys.stdin:
            fp.close()


def _inside(start: int, end: int, span: tuple[int, int]) -> bool:
    return span[0] <= start and end <= span[1]


def gold_pairs(doc: Document, coref: bool = False) -> tuple[list[Pair], list[tuple[int, int]]]:
    """``(scored, ignored)``: the gold pairs scored, and the spans whose predictions count
    for nothing (``optional`` and ``<NO_MAPPING>`` labels, and ``coref`` ones unless
    ``coref``)."""
    scored: list[Pair] = []
    ignored: list[tuple[int, int]] = []
    for label in doc.labels:
        if not _inside(label.start, label.end, doc.evaluation_span):
            continue
        if label.optional or label.entity_id == NO_MAPPING or (label.coref and not coref):
            ignored.append((label.start, label.end))
        elif label.entity_id != NIL:
            scored.append((label.start, label.end, label.entity_id))
    return scored, ignored


def predicted_pairs(
    analysis: Analysis,
    evaluation_span: tuple[int, int],
    demonyms: bool = True,
    kb: KnowledgeBase | None = None,
) -> list[Pair]:
    """Every ``(span, QID)`` of a linked entity's mentions inside ``evaluation_span``.

    Unless ``demonyms``, mentions that ``kb`` (default: the embedded one) knows as an
    adjective of nationality of the entity ("Iranian" for Q794) are left out.
    """
    kb = kb or default_kb()
    text = analysis.text
    pairs = set()
    for e in analysis.entities:
        if e.wikidata is None:
            continue
        for m in e.mentions:
            if not _inside(m.start, m.end, evaluation_span) or m.end <= m.start:
                continue
            if not demonyms and any(
                c.demonym and c.entry.qid == e.wikidata for c in kb.lookup(text[m.start : m.end])
            ):
                continue
            pairs.add((m.start, m.end, e.wikidata))
    return sorted(pairs)


@frozen
class DocumentScore:
    """Counts for one document: per match kind, ``(matched, gold, predicted)``."""

    counts: dict[str, tuple[int, int, int]]
    #: distinct QIDs predicted, and how many of them the gold labels carry
    qids: tuple[int, int]
    unmatched_gold: tuple[Pair, ...]
    unmatched_predicted: tuple[Pair, ...]
    #: strong-match gold pairs whose QID the knowledge bases have (see :func:`score_document`)
    known: int = 0


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_document(
    doc: Document,
    predicted: Sequence[Pair],
    coref: bool = False,
    known: frozenset[str] | set[str] = frozenset(),
) -> DocumentScore:
    """Strong and overlap counts for one document's predicted pairs (see the module rules).

    ``known`` holds the QIDs the knowledge bases in use have; ``DocumentScore.known``
    counts the gold pairs among them.
    """
    gold, ignored = gold_pairs(doc, coref)
    counts: dict[str, tuple[int, int, int]] = {}
    unmatched: tuple[tuple[Pair, ...], tuple[Pair, ...]] = ((), ())
    for kind in MATCHES:
        if kind == "strong":
            ignore = set(ignored)
            pred = [p for p in predicted if (p[0], p[1]) not in ignore]
            gold_set = set(gold)
            hits = [p for p in pred if p in gold_set]
            matched_g = set(hits)
            matched_p = set(hits)
        else:
            pred = [p for p in predicted if not any(_overlap((p[0], p[1]), s) for s in ignored)]
            options = sorted(
                (
                    (-_overlap((g[0], g[1]), (p[0], p[1])), gi, pi)
                    for gi, g in enumerate(gold)
                    for pi, p in enumerate(pred)
                    if g[2] == p[2] and _overlap((g[0], g[1]), (p[0], p[1]))
                ),
            )
            used_g: set[int] = set()
            used_p: set[int] = set()
            for _, gi, pi in options:
                if gi not in used_g and pi not in used_p:
                    used_g.add(gi)
                    used_p.add(pi)
            hits = [pred[i] for i in used_p]
            matched_g = {gold[i] for i in used_g}
            matched_p = set(hits)
        counts[kind] = (len(hits), len(gold), len(pred))
        if kind == "strong":
            unmatched = (
                tuple(g for g in gold if g not in matched_g),
                tuple(p for p in pred if p not in matched_p),
            )
    qids = {p[2] for p in predicted}
    gold_qids = {label.entity_id for label in doc.labels}
    return DocumentScore(
        counts,
        (len(qids), len(qids & gold_qids)),
        *unmatched,
        known=sum(g[2] in known for g in gold),
    )


def _ratio(n: int, d: int) -> float:
    return 100.0 if d == 0 else 100.0 * n / d


def _prf(matched: int, gold: int, predicted: int) -> dict[str, Any]:
    p, r = _ratio(matched, predicted), _ratio(matched, gold)
    f1 = 0.0 if p + r == 0 else 2 * p * r / (p + r)
    return {
        "precision": round(p, 2),
        "recall": round(r, 2),
        "f1": round(f1, 2),
        "matched": matched,
        "gold": gold,
        "predicted": predicted,
    }


class Tally:
    """Micro-averaged counts over a benchmark file."""

    def __init__(self) -> None:
        self.documents = 0
        self.counts = {k: [0, 0, 0] for k in MATCHES}
        self.qids = [0, 0]
        self.known = 0
        self.seconds = 0.0
        self.problems = 0

    def add(self, score: DocumentScore, seconds: float, problems: int = 0) -> None:
        """Add one document's counts."""
        self.documents += 1
        for kind, values in score.counts.items():
            for i, v in enumerate(values):
                self.counts[kind][i] += v
        self.qids[0] += score.qids[0]
        self.qids[1] += score.qids[1]
        self.known += score.known
        self.seconds += seconds
        self.problems += problems

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready values (the ``--json`` output)."""
        return {
            "documents": self.documents,
            "seconds": round(self.seconds, 3),
            "problems": self.problems,
            **{kind: _prf(*self.counts[kind]) for kind in MATCHES},
            "linked_qid_precision": {
                "precision": round(_ratio(self.qids[1], self.qids[0]), 2),
                "correct": self.qids[1],
                "predicted": self.qids[0],
            },
            "kb_coverage": {
                "percent": round(_ratio(self.known, self.counts["strong"][1]), 2),
                "known": self.known,
                "gold": self.counts["strong"][1],
            },
        }


def format_report(report: dict[str, Any], name: str) -> str:
    """The report as a table for people."""
    q = report["linked_qid_precision"]
    lines = [
        f"{name}: {report['documents']} documents, pipeline {report['seconds']:.2f} s"
        + (f"; {report['problems']} analyzer problems" if report["problems"] else ""),
        "",
        f"{'match':<9}{'P':>7}{'R':>7}{'F1':>7}{'matched':>9}{'gold':>7}{'pred':>7}",
    ]
    for kind in MATCHES:
        s = report[kind]
        lines.append(
            f"{kind:<9}{s['precision']:>7.1f}{s['recall']:>7.1f}{s['f1']:>7.1f}"
            f"{s['matched']:>9}{s['gold']:>7}{s['predicted']:>7}"
        )
    lines.append("")
    lines.append(
        f"linked-QID precision {q['precision']:.1f} "
        f"({q['correct']} of {q['predicted']} distinct QIDs per document are in its gold labels)"
    )
    k = report["kb_coverage"]
    lines.append(
        f"knowledge-base coverage {k['percent']:.1f} ({k['known']} of {k['gold']} gold pairs "
        "have a QID the knowledge bases in use know: the most strong recall can be)"
    )
    return "\n".join(lines)


def run_evaluation(
    documents: Iterable[Document],
    pipeline: Pipeline,
    coref: bool = False,
    errors_to: TextIO | None = None,
    demonyms: bool = True,
    kb: KnowledgeBase | None = None,
) -> Tally:
    """Analyse each document with ``pipeline`` and tally its scores.

    ``kb`` is what the coverage figure is measured against; by default the knowledge bases
    the built-in linker uses (``NEWSCLAIMS_KB``'s files, then the embedded one).
    """
    from newsclaims.analyzers.entities import configured_kb

    known = {e.qid for e in (configured_kb() if kb is None else kb).entries if e.qid}
    tally = Tally()
    for doc in documents:
        began = time.perf_counter()
        analysis = pipeline.analyze(Article(id=doc.id, text=doc.text))
        seconds = time.perf_counter() - began
        predicted = predicted_pairs(analysis, doc.evaluation_span, demonyms)
        score = score_document(doc, predicted, coref, known)
        tally.add(score, seconds, len(analysis.problems))
        if errors_to is not None:

            def show(pairs: Iterable[Pair], text: str = doc.text) -> list[dict[str, Any]]:
                return [{"span": [s, e], "qid": q, "text": text[s:e]} for s, e, q in pairs]

            record = {
                "id": doc.id,
                # "known": whether a knowledge base in use has the QID (else no linker could)
                "false_negatives": [
                    {**row, "known": row["qid"] in known} for row in show(score.unmatched_gold)
                ],
                "false_positives": show(score.unmatched_predicted),
            }
            errors_to.write(json.dumps(record, ensure_ascii=False) + "\n")
    return tally


def _say(level: str, message: str) -> None:
    click.echo(f"newsclaims: {level}: {' '.join(message.split())}", err=True)


@evaluate.command("entities")
@click.argument("path", metavar="FILE.jsonl", type=click.Path(allow_dash=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--coref", is_flag=True, help="Score gold labels marked coref too.")
@click.option(
    "--demonyms/--no-demonyms",
    default=True,
    show_default=True,
    help="Score adjectives of nationality ('Iranian') as mentions of their country.",
)
@limit_option
@plugin_options
@click.option(
    "--errors",
    "errors_path",
    metavar="FILE",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write each article's unmatched gold and predicted pairs (strong match) as JSON Lines.",
)
def entities(
    path: Path,
    as_json: bool,
    coref: bool,
    demonyms: bool,
    limit: int | None,
    disable: tuple[str, ...],
    no_plugins: bool,
    errors_path: Path | None,
) -> None:
    """Score linked entities against an entity-linking benchmark (ELEVANT JSON Lines).

    \b
    Rules:
    - predicted: each mention of each entity with a Wikidata id is a
      (span, QID) pair; entities without an id predict nothing; adjectives of
      nationality ("Iranian" for Iran) too, unless --no-demonyms
    - gold: labels inside evaluation_span with a QID; <NIL> labels are not
      scored, and a QID predicted on one is a false positive, as is one on
      an unlabelled span
    - optional and <NO_MAPPING> labels, and coref labels unless --coref, are
      ignored: a prediction on their span counts for nothing
    - strong match: same span, same QID; overlap match: same QID, spans
      sharing a character, one to one, greedily by characters shared
    - linked-QID precision: distinct QIDs predicted per article that its
      gold labels carry
    - knowledge-base coverage: gold pairs whose QID the knowledge bases in
      use have (NEWSCLAIMS_KB's files, the embedded one): the most strong
      recall can be; --errors marks each missed pair "known" or not
    - micro-averaged percentages; 0/0 counts as 100

    \b
    Examples:
      newsclaims evaluate entities ../shared/data/entities/msnbc.jsonl
      newsclaims evaluate entities ../shared/data/entities/kore50.jsonl --json
      newsclaims evaluate entities msnbc.jsonl --errors errors.jsonl

    Exits 1 with a one-line reason if the file cannot be read.
    """
    try:
        pipeline = Pipeline(disable=disable, autoload=False if no_plugins else None)
    except PipelineError as exc:
        _say("error", str(exc))
        sys.exit(1)
    for plugin, message in pipeline.problems:
        _say("warning", f"plugin {plugin}: {message}")
    began = time.perf_counter()
    try:
        documents = read_benchmark(path, limit)
        if errors_path is not None:
            with errors_path.open("w", encoding="utf-8", newline="\n") as fp:
                tally = run_evaluation(documents, pipeline, coref, fp, demonyms)
        else:
            tally = run_evaluation(documents, pipeline, coref, demonyms=demonyms)
    except BenchmarkError as exc:
        _say("error", str(exc))
        sys.exit(1)
    except OSError as exc:
        _say("error", f"{errors_path}: {exc.strerror or exc}")
        sys.exit(1)
    report = tally.to_dict()
    report["wall_seconds"] = round(time.perf_counter() - began, 3)
    if as_json:
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        click.echo(format_report(report, str(path)))
