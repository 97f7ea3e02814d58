"""Corpus runs against hostile input: every record still gets exactly one output record.

Invalid UTF-8, NUL bytes, empty files, a 20 MB article, 100,000 quote marks in one article
(time linear in the size), and, in tests/test_batch.py, a worker that dies and a plugin that
raises. Hypothesis drives the readers with arbitrary bytes in tests/test_readers.py.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsclaims import Article, Pipeline
from newsclaims.batch import MAX_CHARS
from newsclaims.cli import cli

CLEAN_ENV: dict[str, str | None] = {
    "NEWSCLAIMS_DISABLE": None,
    "NEWSCLAIMS_DISABLE_PLUGIN_AUTOLOAD": "1",
}
GOOD = json.dumps({"id": "good", "text": "Officials said the talks had failed."}).encode()


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), env=CLEAN_ENV, catch_exceptions=False)


def lines_of(result: Result) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_invalid_utf8_and_nul_bytes_become_error_records(tmp_path: Path, workers: str) -> None:
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_bytes(GOOD + b'\n{"id": "latin1", "text": "caf\xe9"}\n' + GOOD + b"\n")
    (tmp_path / "b.txt").write_bytes(b"Le caf\xe9 said so.")
    (tmp_path / "c.txt").write_bytes(b"text with a \x00 NUL byte")
    (tmp_path / "d.txt").write_bytes(b"")
    (tmp_path / "e.jsonl").write_bytes(b"")
    result = run("analyze", str(tmp_path), "--workers", workers)
    assert result.exit_code == 1
    docs = lines_of(result)
    # a.jsonl: 3 records; b.txt, c.txt, d.txt: one each; the empty e.jsonl holds none.
    assert len(docs) == 6
    assert [("error" in d) for d in docs] == [False, True, False, True, True, False]
    assert "invalid UTF-8" in docs[1]["error"]["reason"]  # type: ignore[index]
    assert "binary file (NUL byte" in docs[4]["error"]["reason"]  # type: ignore[index]
    assert docs[5]["article"]["text"] == ""  # type: ignore[index]
    assert len(result.stderr.splitlines()) == 3


def test_a_20_mb_article(tmp_path: Path) -> None:
    big = "The minister said: “It is over.” " * (20_000_000 // 33)
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"id": "big", "text": big}) + "\n" + GOOD.decode() + "\n")
    # Over --max-chars it is refused, in its place, and the run goes on. (The default limit,
    # 25 million characters, lets it through; analysing it takes tens of seconds, which
    # the linear-time tests below cover at smaller sizes.)
    refused = run("analyze", str(path), "--workers", "2", "--max-chars", "1000000")
    assert refused.exit_code == 1
    docs = lines_of(refused)
    assert [d["article"]["id"] for d in docs] == ["big", "good"]  # type: ignore[index]
    assert f"article too long: {len(big)} characters" in docs[0]["error"]["reason"]
    assert len(big) < MAX_CHARS  # by default a 20 MB article is analysed, not refused  # type: ignore[index]
    # Without the limit it goes through the worker and back whole (the analyzers switched
    # off: this checks transport and writing, the timing tests below the analyzers).
    off = ("--disable", "quotes", "--disable", "entities", "--disable", "hedges")
    whole = run("analyze", str(path), "--workers", "2", "--max-chars", "0", *off)
    assert whole.exit_code == 0
    assert lines_of(whole)[0]["article"]["text"] == big  # type: ignore[index]


# -- linear time ----------------------------------------------------------------------------


def _seconds(pipeline: Pipeline, text: str, runs: int = 1) -> float:
    """The best of ``runs`` timings of analysing ``text``."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        pipeline.analyze(Article(id="q", text=text))
        best = min(best, time.perf_counter() - start)
    return best


MARKS: dict[str, Callable[[int], str]] = {
    # n quote marks each; the patterns a backtracking regex or a pairwise scan chokes on.
    "straight": lambda n: '"' * n,
    "paired": lambda n: '"a" ' * (n // 2),
    "unclosed": lambda n: "“a " * n,
    "mixed": lambda n: '“a” "b ‘c’ «d» ' * (n // 6),
}


@pytest.mark.parametrize("pattern", sorted(MARKS))
def test_100000_quote_marks_take_linear_time(pattern: str) -> None:
    pipeline = Pipeline(autoload=False, environ={})
    make = MARKS[pattern]
    assert make(100_000).count('"') + sum(make(100_000).count(q) for q in "“”‘’«»") >= 99_990
    small = _seconds(pipeline, make(25_000), runs=3)
    large = _seconds(pipeline, make(100_000), runs=2)
    # 4 times the input: 4 times the time if linear, 16 if quadratic; 10 leaves room for a
    # loaded machine (the best of several runs is taken for both sizes).
    assert large < 10 * max(small, 0.01), f"{pattern}: {small:.3f}s for n, {large:.3f}s for 4n"


def test_many_quoted_sentences_in_one_paragraph_take_linear_time() -> None:
    pipeline = Pipeline(autoload=False, environ={})
    make = lambda n: 'The minister said: "We will win." ' * (n // 2)  # noqa: E731
    small = _seconds(pipeline, make(1_500), runs=3)
    large = _seconds(pipeline, make(6_000), runs=2)
    assert large < 10 * max(small, 0.01), f"{small:.3f}s for n, {large:.3f}s for 4n"


UNITS: dict[str, Callable[[int], str]] = {
    # n repetitions each of a pattern the quote finder once handled in quadratic time.
    "tag after a quote": lambda n: "“A b c d.” The sky is blue today. " * n,
    "cues without a source": lambda n: "Bob said it , " + ", said that the plan is good " * n,
    "a quote before each cue": lambda n: "“a” said that the plan is good " * n,
    "and said, and said": lambda n: "Bob praised the plan " + "and said the plan " * n,
    "according to, repeated": lambda n: "The plan failed" + ", according to the AP" * n + ".",
    "inverted sources, repeated": lambda n: "It failed, said one source, a lawyer " * n,
    "cues that interrupt their content": lambda n: "But to prevent it" + ", he said, we act" * n,
    "relative clauses in sources": lambda n: "Khizr Khan, who is Muslim, said " * n,
    "according to inside a content": lambda n: "Bob said it failed" + ", according to AP" * n,
    # a surname the text never gives in full, once per speaker: looked up once, not once each
    "many surnames": lambda n: "".join(f"Xq{i:05d}x said the vote failed. " for i in range(n)),
}


@pytest.mark.parametrize("pattern", sorted(UNITS))
def test_repeated_attributions_in_one_unit_take_linear_time(pattern: str) -> None:
    pipeline = Pipeline(autoload=False, environ={})
    make = UNITS[pattern]
    small = _seconds(pipeline, make(1_000), runs=3)
    large = _seconds(pipeline, make(4_000), runs=2)
    assert large < 10 * max(small, 0.01), f"{pattern}: {small:.3f}s for n, {large:.3f}s for 4n"
