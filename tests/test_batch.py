"""Corpus runs: one output per input record, in order, on 1 or N processes; resume; outputs."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from newsclaims.batch import (
    WORKER_DIED,
    PipelineSpec,
    Resume,
    analyze_records,
    count_records,
    encode_jsonl,
    record_key,
)
from newsclaims.cli import cli
from newsclaims.model import Article
from newsclaims.progress import Progress
from newsclaims.readers import ReadError, Record, read_all
from newsclaims.writers import ROW_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_a7f89c861a905037.txt"
CLEAN_ENV: dict[str, str | None] = {
    "NEWSCLAIMS_DISABLE": None,
    "NEWSCLAIMS_DISABLE_PLUGIN_AUTOLOAD": "1",
}
# Plugins in tests/batch_plugins.py; spawned workers import it by name.
SPEC = PipelineSpec(autoload=False, plugins=["batch_plugins"])
QUOTE = "The minister said the bridge would reopen. “It is safe,” she told reporters."


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input, env=CLEAN_ENV, catch_exceptions=False)


def corpus(tmp_path: Path, lines: list[str], name: str = "in.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def records(n: int, *, bad_every: int = 0) -> list[str]:
    """``n`` JSON Lines: articles ``a1``..., with a bad record every ``bad_every`` lines."""
    lines = []
    for i in range(1, n + 1):
        if bad_every and i % bad_every == 0:
            lines.append(["{not json", json.dumps({"id": f"a{i}"}), '{"text": 5}'][i % 3])
        else:
            lines.append(json.dumps({"id": f"a{i}", "text": f"{QUOTE} Article {i}."}))
    return lines


def documents(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def outcomes(path: Path, workers: int, **options: Any) -> list[Any]:
    options.setdefault("chunk_size", 3)
    found = analyze_records(read_all([str(path)]), SPEC, encode_jsonl, workers=workers, **options)
    return list(found)


# -- the engine -----------------------------------------------------------------------------


@pytest.mark.parametrize("workers", [1, 2])
def test_one_outcome_per_record_in_input_order(tmp_path: Path, workers: int) -> None:
    path = corpus(tmp_path, records(40, bad_every=7))
    got = outcomes(path, workers)
    assert len(got) == 40
    for i, outcome in enumerate(got, start=1):
        doc = json.loads(outcome.payload)
        if i % 7 == 0:
            assert outcome.error is not None
            assert doc["error"]["line"] == i
            assert doc["error"]["reason"]
            assert doc["article"]["id"] == (f"a{i}" if i % 3 == 1 else None)
        else:
            assert outcome.error is None
            assert doc["article"]["id"] == f"a{i}"


def test_n_workers_write_what_one_writes(tmp_path: Path) -> None:
    path = corpus(tmp_path, records(30, bad_every=5))
    one = [o.payload for o in outcomes(path, 1)]
    two = [o.payload for o in outcomes(path, 2)]
    # The tags name the process; everything else is the same, byte for byte.
    assert [_untagged(p) for p in two] == [_untagged(p) for p in one]


def _untagged(payload: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(payload)
    for s in doc.get("statements", []):
        s["tags"] = [t for t in s["tags"] if not t.startswith(("pid-", "builds-"))]
    return doc


def test_the_pipeline_is_built_once_per_worker(tmp_path: Path) -> None:
    path = corpus(tmp_path, records(60))
    tags = {
        t for o in outcomes(path, 2) for s in json.loads(o.payload)["statements"] for t in s["tags"]
    }
    pids = {t for t in tags if t.startswith("pid-")}
    assert 1 <= len(pids) <= 2
    assert f"pid-{os.getpid()}" not in pids
    assert {t for t in tags if t.startswith("builds-")} == {"builds-1"}


def test_records_are_read_lazily_with_few_in_flight() -> None:
    pulled = 0

    def endless() -> Iterator[tuple[str, Record]]:
        nonlocal pulled
        while True:
            pulled += 1
            yield "gen", Article(id=f"g{pulled}", text=QUOTE)

    found = analyze_records(endless(), SPEC, encode_jsonl, workers=2, chunk_size=4)
    first = [next(found) for _ in range(10)]
    found.close()  # shuts the pool down
    assert [o.id for o in first] == [f"g{i}" for i in range(1, 11)]
    # At most 2 * workers chunks in flight, plus the one being filled.
    assert pulled <= 4 * 4 + 4 + 10


def test_a_plugin_that_raises_on_one_article_loses_nothing(tmp_path: Path) -> None:
    lines = records(12)
    lines[4] = json.dumps({"id": "boom5", "text": QUOTE})
    path = corpus(tmp_path, lines)
    for workers in (1, 2):
        got = outcomes(path, workers)
        assert [o.id for o in got] == [f"a{i}" for i in range(1, 5)] + ["boom5"] + [
            f"a{i}" for i in range(6, 13)
        ]
        boom = got[4]
        assert boom.error is None  # the analysis stands, less that analyzer's part
        assert boom.warnings == (
            "boom5: analyzer mark (plugin batch_plugins): RuntimeError: kaboom on boom5",
        )
        assert json.loads(boom.payload)["problems"][0]["analyzer"] == "mark"
        assert json.loads(boom.payload)["statements"]


def test_strict_turns_the_failure_into_an_error_record_and_stops(tmp_path: Path) -> None:
    lines = records(12)
    lines[4] = json.dumps({"id": "boom5", "text": QUOTE})
    path = corpus(tmp_path, lines)
    strict = PipelineSpec(autoload=False, plugins=["batch_plugins"], strict=True)
    for workers in (1, 2):
        found = analyze_records(
            read_all([str(path)]), strict, encode_jsonl, workers=workers, chunk_size=3
        )
        got = list(found)
        assert [o.id for o in got] == ["a1", "a2", "a3", "a4", "boom5"]
        assert got[-1].fatal
        assert (
            "analyzer mark failed on article boom5"
            in json.loads(got[-1].payload)["error"]["reason"]
        )


def test_a_worker_that_dies_costs_only_its_record(tmp_path: Path) -> None:
    lines = records(20)
    lines[6] = json.dumps({"id": "die7", "text": QUOTE})
    path = corpus(tmp_path, lines)
    got = outcomes(path, 2)
    assert [o.id for o in got] == [json.loads(line)["id"] for line in lines]
    died = got[6]
    assert died.error is not None
    assert died.error.reason == WORKER_DIED
    assert json.loads(died.payload) == {
        "schema": "newsclaims/1",
        "article": {"id": "die7"},
        "error": {"path": str(path), "line": None, "reason": WORKER_DIED},
    }
    assert all(o.error is None for i, o in enumerate(got) if i != 6)


def test_too_long_articles_get_an_error_record(tmp_path: Path) -> None:
    path = corpus(tmp_path, [json.dumps({"id": "long", "text": "x" * 101}), *records(2)])
    got = outcomes(path, 1, max_chars=100)
    assert [o.id for o in got] == ["long", "a1", "a2"]
    assert got[0].error is not None
    assert "article too long: 101 characters" in got[0].error.reason


# -- resume ---------------------------------------------------------------------------------


def test_resume_counts_ids_and_cuts_an_unfinished_last_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    done = [
        json.dumps({"schema": "newsclaims/1", "article": {"id": "a1", "text": "x"}}),
        json.dumps({"schema": "newsclaims/1", "article": {"id": "a1", "text": "y"}}),
        json.dumps(
            {"article": {"id": None}, "error": {"path": "in.jsonl", "line": 3, "reason": "r"}}
        ),
    ]
    partial = '{"schema": "newsclaims/1", "article": {"id": "a4", "te'
    out.write_text("\n".join(done) + "\n" + partial, encoding="utf-8")
    resume = Resume(out)
    assert resume.count == 3
    assert resume.truncated == len(partial)
    assert out.read_text(encoding="utf-8") == "\n".join(done) + "\n"
    skip = resume.skip()
    a1 = Article(id="a1", text="")
    assert [skip(a1), skip(a1), skip(a1)] == [True, True, False]
    assert skip(ReadError("in.jsonl", 3, "r"))
    assert not skip(ReadError("in.jsonl", 4, "r"))
    assert not skip(Article(id="a4", text=""))
    assert record_key(ReadError("p", 1, "r", id="x")) == ("id", "x")


def test_resume_of_a_missing_output_skips_nothing(tmp_path: Path) -> None:
    resume = Resume(tmp_path / "none.jsonl")
    assert resume.count == 0
    assert not resume.skip()(Article(id="a1", text=""))


def test_resume_cli_appends_only_what_is_missing(tmp_path: Path) -> None:
    path = corpus(tmp_path, records(10, bad_every=4))
    full = tmp_path / "full.jsonl"
    assert run("analyze", str(path), "-o", str(full)).exit_code == 1
    out = tmp_path / "out.jsonl"
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:6]) + lines[6][:40], encoding="utf-8")  # killed mid-line
    result = run("analyze", str(path), "-o", str(out), "--resume", "--workers", "2")
    assert result.exit_code == 1  # record 8 fails again: it was not in the output
    assert "resume: 6 records already in" in result.stderr
    assert out.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")
    again = run("analyze", str(path), "-o", str(out), "--resume")
    assert again.exit_code == 0
    assert out.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")


def test_resume_needs_a_jsonl_file() -> None:
    assert run("analyze", str(SEED), "--resume").exit_code == 2
    assert run("analyze", str(SEED), "--resume", "-o", "x.csv").exit_code == 2


def test_a_killed_run_resumes_without_duplicates(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    lines = [json.dumps({"id": f"seed{i}", "text": text}) for i in range(400)]
    path = corpus(tmp_path, lines)
    out = tmp_path / "out.jsonl"
    command = [
        sys.executable, "-c", "from newsclaims.cli import main; main()",
        "analyze", str(path), "-o", str(out), "--workers", "2", "--no-plugins",
    ]  # fmt: skip
    env = {**os.environ, "NEWSCLAIMS_DISABLE_PLUGIN_AUTOLOAD": "1"}
    env.pop("NEWSCLAIMS_DISABLE", None)
    log = tmp_path / "stderr.txt"
    with log.open("wb") as stderr:
        process = subprocess.Popen(command, env=env, stderr=stderr, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size < 200_000):
        assert process.poll() is None, log.read_text(encoding="utf-8")
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)  # the run and its workers, at once
    process.wait()
    before = len(documents_or_partial(out))
    assert 0 < before < 400, "the run was not killed midway"
    resumed = subprocess.run([*command, "--resume"], env=env, capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    ids = [d["article"]["id"] for d in documents(out)]
    assert ids == [f"seed{i}" for i in range(400)]


def documents_or_partial(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


# -- outputs --------------------------------------------------------------------------------


def test_csv_has_one_row_per_statement_and_one_per_error(tmp_path: Path) -> None:
    path = corpus(tmp_path, [*records(3), "{bad"])
    out = tmp_path / "out.csv"
    result = run("analyze", str(path), "-o", str(out), "--workers", "2")
    assert result.exit_code == 1
    with out.open(encoding="utf-8", newline="") as fp:
        rows = list(csv.DictReader(fp))
    assert tuple(rows[0]) == ROW_COLUMNS
    statements = [r for r in rows if not r["error"]]
    assert {r["article_id"] for r in statements} == {"a1", "a2", "a3"}
    quote = next(r for r in statements if r["kind"] == "direct")
    assert quote["content"] == "“It is safe,”"
    assert quote["cue"] == "told"
    assert quote["speaker"]
    errors = [r for r in rows if r["error"]]
    assert len(errors) == 1
    assert "line 4: not valid JSON" in errors[0]["error"]


def test_csv_marks_the_writers_own_statements(tmp_path: Path) -> None:
    result = run("analyze", str(SEED), "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 18
    writer = [r for r in rows if r["speaker_kind"] == "writer"]
    assert writer
    assert all(r["kind"] == "assertion" and r["speaker"] == "" for r in writer)
    bergner = [r for r in rows if r["speaker"] == "Kevin Bergner"]
    assert bergner
    assert any("would be hard to imagine" in r["hedge_cues"] for r in bergner)
    assert any("Q794" in r["entity_ids"].split("; ") for r in rows)


def test_parquet_output(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="Parquet needs the parquet extra")
    path = corpus(tmp_path, [*records(3), "{bad"])
    out = tmp_path / "out.parquet"
    result = run("analyze", str(path), "-o", str(out))
    assert result.exit_code == 1
    table = pq.read_table(out)
    assert tuple(table.column_names) == ROW_COLUMNS
    rows = table.to_pylist()
    assert {r["article_id"] for r in rows if r["error"] is None} == {"a1", "a2", "a3"}
    assert isinstance(rows[0]["entity_ids"], list)
    assert sum(r["error"] is not None for r in rows) == 1


def test_parquet_needs_a_file() -> None:
    assert run("analyze", str(SEED), "--format", "parquet").exit_code == 2


# -- progress -------------------------------------------------------------------------------


def test_progress_line_shows_rate_and_eta() -> None:
    now = [0.0]
    stream = io.StringIO()
    bar = Progress(stream, 100, clock=lambda: now[0])
    now[0] = 2.0
    for _ in range(20):
        bar.advance()
    assert bar.line() == "20/100 articles, 10.0 articles/s, ETA 0:00:08"
    bar.finish()
    assert stream.getvalue().endswith("20/100 articles, 10.0 articles/s, ETA 0:00:08\n")
    assert Progress(io.StringIO(), None, clock=lambda: 1.0).line().startswith("0 articles")


def test_progress_goes_to_stderr_only_when_asked_or_a_terminal(tmp_path: Path) -> None:
    path = corpus(tmp_path, records(3))
    quiet = run("analyze", str(path))
    assert quiet.stderr == ""  # CliRunner's stderr is not a terminal
    shown = run("analyze", str(path), "--progress")
    assert "3/3 articles" in shown.stderr
    assert "articles/s" not in shown.stdout
    assert len(shown.stdout.splitlines()) == 3


def test_count_records(tmp_path: Path) -> None:
    path = corpus(tmp_path, [*records(3), "", "{bad"])
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "d" / "b.md").write_text("x", encoding="utf-8")
    assert count_records([str(path), str(tmp_path / "d")]) == 5
    assert count_records(["-"]) is None
