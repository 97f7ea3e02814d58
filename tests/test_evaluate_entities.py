"""``newsclaims evaluate entities``: the scoring rules on small hand-made documents, the
command on a file, and (when ``../shared`` is there) the benchmark scores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsclaims import Analysis, Article, Entity, Span
from newsclaims.cli import cli
from newsclaims.evaluate.entities import (
    BenchmarkError,
    parse_document,
    predicted_pairs,
    score_document,
)

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "entities"
TEXT = "Iranian officials in Tehran met Bob Smith of Acme in Paris."


def doc(labels: list[dict[str, Any]], span: list[int] | None = None) -> str:
    row: dict[str, Any] = {"id": 7, "text": TEXT, "labels": labels}
    if span is not None:
        row["evaluation_span"] = span
    return json.dumps(row)


def label(words: str, qid: str, **flags: bool) -> dict[str, Any]:
    start = TEXT.index(words)
    return {"span": [start, start + len(words)], "entity_id": qid, **flags}


def at(words: str, qid: str) -> tuple[int, int, str]:
    start = TEXT.index(words)
    return (start, start + len(words), qid)


def test_strong_and_overlap_match() -> None:
    d = parse_document(
        doc([label("Tehran", "Q3616"), label("Bob Smith", "Q1"), label("Paris", "Q90")]), "x"
    )
    score = score_document(d, [at("Tehran", "Q3616"), at("Smith", "Q1"), at("Paris", "Q167646")])
    assert score.counts["strong"] == (1, 3, 3)
    assert score.counts["overlap"] == (2, 3, 3)  # "Smith" overlaps "Bob Smith"; Paris is wrong
    assert score.qids == (3, 2)


def test_nil_unlabelled_and_ignored_spans() -> None:
    d = parse_document(
        doc(
            [
                label("Acme", "<NIL>"),
                label("Bob Smith", "Q1", optional=True),
                label("Tehran", "Q3616", coref=True),
                label("Paris", "<NO_MAPPING>"),
            ]
        ),
        "x",
    )
    pred = [at("Acme", "Q5"), at("Bob Smith", "Q1"), at("Tehran", "Q3616"), at("Paris", "Q90")]
    score = score_document(d, pred)
    # NIL and unlabelled spans: false positives; optional, coref and NO_MAPPING: nothing
    assert score.counts["strong"] == (0, 0, 1)
    with_coref = score_document(d, pred, coref=True)
    assert with_coref.counts["strong"] == (1, 1, 2)


def test_only_the_evaluation_span_counts() -> None:
    d = parse_document(
        doc([label("Tehran", "Q3616"), label("Paris", "Q90")], [0, TEXT.index("Bob")]), "x"
    )
    analysis = Analysis(
        Article(id="7", text=TEXT),
        entities=(
            Entity("e1", "Tehran", "location", "Q3616", (Span(*at("Tehran", "")[:2]),)),
            Entity("e2", "Paris", "location", "Q90", (Span(*at("Paris", "")[:2]),)),
        ),
    )
    pred = predicted_pairs(analysis, d.evaluation_span)
    assert pred == [at("Tehran", "Q3616")]
    assert score_document(d, pred).counts["strong"] == (1, 1, 1)


def test_demonyms_are_scored_unless_left_out() -> None:
    analysis = Analysis(
        Article(id="7", text=TEXT),
        entities=(Entity("e1", "Iran", "location", "Q794", (Span(0, 7),)),),
    )
    assert predicted_pairs(analysis, (0, len(TEXT))) == [(0, 7, "Q794")]
    assert predicted_pairs(analysis, (0, len(TEXT)), demonyms=False) == []


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{oops", "not JSON"),
        ('{"labels": []}', "string 'text'"),
        ('{"text": "ab", "labels": [{"span": [0, 9], "entity_id": "Q1"}]}', "labels\\[0\\].span"),
        ('{"text": "ab", "labels": [{"span": [0, 1], "entity_id": "x"}]}', "is not a QID"),
    ],
)
def test_bad_lines_are_named(line: str, message: str) -> None:
    with pytest.raises(BenchmarkError, match=rf"f.jsonl:3: .*{message}"):
        parse_document(line, "f.jsonl:3")


def test_the_command(tmp_path: Path) -> None:
    text = "Iran and Iraq signed a deal in Baghdad."
    row = {
        "id": 0,
        "text": text,
        "evaluation_span": [0, len(text)],
        "labels": [
            {"span": [0, 4], "entity_id": "Q794"},
            {"span": [9, 13], "entity_id": "Q796"},
            {"span": [31, 38], "entity_id": "<NIL>"},
        ],
    }
    path = tmp_path / "tiny.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    runner = CliRunner()
    out = runner.invoke(
        cli, ["evaluate", "entities", str(path), "--json", "--no-plugins", "--errors", str(errors)]
    )
    assert out.exit_code == 0, out.output
    report = json.loads(out.output)
    assert report["strong"]["matched"] == 2
    assert report["strong"]["gold"] == 2
    assert report["strong"]["predicted"] == 3  # Baghdad on a NIL span: a false positive
    (record,) = [json.loads(line) for line in errors.read_text("utf-8").splitlines()]
    assert record["false_positives"] == [{"span": [31, 38], "qid": "Q1530", "text": "Baghdad"}]
    out = runner.invoke(cli, ["evaluate", "entities", str(path), "--no-plugins"])
    assert "strong" in out.output
    assert "linked-QID precision" in out.output
    out = runner.invoke(cli, ["evaluate", "entities", str(tmp_path / "missing.jsonl")])
    assert out.exit_code == 1
    assert "missing.jsonl" in out.output


def test_coverage_counts_what_the_knowledge_bases_know(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Q42 is no id the embedded knowledge base has, so no linker could match its label:
    # coverage says so, and the errors file marks the miss as unknown.
    text = "Iran hired Douglas Adams."
    row = {
        "id": 0,
        "text": text,
        "labels": [
            {"span": [0, 4], "entity_id": "Q794"},
            {"span": [11, 24], "entity_id": "Q42"},
        ],
    }
    path = tmp_path / "tiny.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    monkeypatch.delenv("NEWSCLAIMS_KB", raising=False)
    runner = CliRunner()
    args = ["evaluate", "entities", str(path), "--no-plugins"]
    out = runner.invoke(cli, [*args, "--json", "--errors", str(errors)])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["kb_coverage"] == {"percent": 50.0, "known": 1, "gold": 2}
    (record,) = [json.loads(line) for line in errors.read_text("utf-8").splitlines()]
    assert record["false_negatives"] == [
        {"span": [11, 24], "qid": "Q42", "text": "Douglas Adams", "known": False}
    ]
    assert "knowledge-base coverage 50.0 (1 of 2 gold pairs" in runner.invoke(cli, args).output
    # A user's table that knows him: covered, and linked.
    table = tmp_path / "mine.jsonl"
    table.write_text(json.dumps({"id": "Q42", "name": "Douglas Adams"}) + "\n", "utf-8")
    monkeypatch.setenv("NEWSCLAIMS_KB", str(table))
    report = json.loads(runner.invoke(cli, [*args, "--json"]).output)
    assert report["kb_coverage"]["known"] == 2
    assert report["strong"]["matched"] == 2


@pytest.mark.skipif(not SHARED.is_dir(), reason="the benchmarks in ../shared are not here")
def test_msnbc_scores_do_not_fall() -> None:
    # A floor under today's scores, so a change that costs accuracy is noticed.
    out = CliRunner().invoke(
        cli, ["evaluate", "entities", str(SHARED / "msnbc.jsonl"), "--json", "--no-plugins"]
    )
    report = json.loads(out.output)
    assert report["linked_qid_precision"]["precision"] >= 75
    assert report["strong"]["precision"] >= 65
    assert report["strong"]["f1"] >= 35
