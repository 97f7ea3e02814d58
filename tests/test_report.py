"""The corpus report: speakers by entity or name, kind shares, per outlet and month."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from newsclaims.cli import cli
from newsclaims.report import KINDS, build_report, to_dict


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def statement(kind: str | None, name: str = "", entity: str | None = None) -> dict[str, Any]:
    if kind is None:  # the writer's own
        return {"id": "s", "kind": "assertion", "attribution": None}
    speaker = {"name": name, "kind": kind, "entity": entity}
    return {"id": "s", "kind": "direct", "attribution": {"speaker": speaker}}


def doc(outlet: str | None, published: str | None, *statements: dict[str, Any]) -> str:
    entities = [
        {"id": "e1", "name": "Donald Trump", "wikidata": "Q22686"},
        {"id": "e2", "name": "Jane Roe", "wikidata": None},
    ]
    article = {"id": "x", "text": "", "outlet": outlet, "published": published}
    record = {"schema": "newsclaims/1", "article": article, "entities": entities}
    return json.dumps({**record, "statements": list(statements)})


def output(tmp_path: Path, name: str = "out.jsonl") -> Path:
    lines = [
        doc(
            "nyt",
            "2016-03-02",
            statement("person", "Trump", "e1"),
            statement("person", "Donald Trump", "e1"),
            statement(None),
        ),
        doc(
            "fox",
            "2016-04-10T12:00:00Z",
            statement("person", "Mr. Trump", "e1"),
            statement("person", "Jane  Roe", "e2"),
            statement("anonymous", "a senior official"),
            statement("organization", "the Pentagon"),
        ),
        doc(None, None, statement("person", "Jane Roe")),
        json.dumps({"schema": "newsclaims/1", "article": {"id": "bad"}, "error": {"reason": "r"}}),
    ]
    path = tmp_path / name
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    return path


def test_speakers_count_by_entity_where_linked_else_by_name(tmp_path: Path) -> None:
    report = to_dict(build_report(output(tmp_path)))
    assert report["articles"] == 3
    assert report["statements"] == 8
    assert report["errors"] == 1
    assert report["speakers"][:2] == [
        {"key": "Q22686", "name": "Donald Trump", "statements": 3},
        {"key": "Jane Roe", "name": "Jane Roe", "statements": 2},
    ]
    assert set(report["speaker_kinds"]) == set(KINDS)
    assert report["speaker_kinds"]["named"] == 5 / 8
    assert report["speaker_kinds"]["writer"] == 1 / 8
    assert report["speaker_kinds"]["anonymous"] == 1 / 8


def test_per_outlet_and_per_month(tmp_path: Path) -> None:
    report = to_dict(build_report(output(tmp_path, "out.jsonl.gz")))
    assert sorted(report["outlets"]) == ["fox", "nyt"]
    assert report["outlets"]["nyt"]["statements"] == 3
    assert report["outlets"]["nyt"]["speaker_kinds"]["writer"] == round(1 / 3, 4)
    assert sorted(report["months"]) == ["2016-03", "2016-04"]
    assert report["months"]["2016-04"]["speakers"][0]["statements"] == 1


def test_cli_table_csv_and_json(tmp_path: Path) -> None:
    path = output(tmp_path)
    table = run("report", str(path))
    assert table.exit_code == 0
    assert "All articles: 3 articles, 8 statements" in table.stdout
    assert "Donald Trump (Q22686)" in table.stdout
    assert "Outlet fox" in table.stdout
    assert "Month 2016-03" in table.stdout
    rows = list(csv.DictReader(io.StringIO(run("report", str(path), "--format", "csv").stdout)))
    assert {"section": "all", "group": "", "measure": "speaker_statements", "key": "Q22686",
            "name": "Donald Trump", "value": "3"} in rows  # fmt: skip
    assert json.loads(run("report", str(path), "--format", "json").stdout)["articles"] == 3


def test_cli_on_a_real_run(tmp_path: Path) -> None:
    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_a7f89c861a905037.txt"
    out = tmp_path / "out.jsonl"
    assert run("analyze", str(seed), "-o", str(out), "--format", "jsonl").exit_code == 0
    report = json.loads(run("report", str(out), "--format", "json").stdout)
    assert report["speakers"][0]["name"] == "Kevin Bergner"


def test_bad_input_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"article": {}}\nnot json\n', encoding="utf-8")
    result = run("report", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith("newsclaims: error: ")
    assert "line 2: not valid JSON" in result.stderr
    assert run("report", str(tmp_path / "missing.jsonl")).exit_code == 1
