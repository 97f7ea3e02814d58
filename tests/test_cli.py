"""The newsclaims command, through click's runner: output shapes, exit codes, one-line errors."""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import newsclaims
import newsclaims.plugins
from newsclaims import Analysis, Analyzer, hookimpl
from newsclaims.cli import cli
from newsclaims.serialize import SCHEMA, from_dict

SEED = Path(__file__).parent.parent / "seeds" / "000_a7f89c861a905037.txt"


# The developer's own switches must not change what these tests see.
CLEAN_ENV: dict[str, str | None] = {
    "NEWSCLAIMS_DISABLE": None,
    "NEWSCLAIMS_DISABLE_PLUGIN_AUTOLOAD": None,
}


def run(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(
        cli, list(args), input=input, env={**CLEAN_ENV, **(env or {})}, catch_exceptions=False
    )


def spans_in(value: Any) -> list[dict[str, Any]]:
    """Every {"start", "end", "text"} object anywhere in a JSON value."""
    found = []
    if isinstance(value, dict):
        if {"start", "end", "text"} <= value.keys():
            found.append(value)
        for v in value.values():
            found.extend(spans_in(v))
    elif isinstance(value, list):
        for v in value:
            found.extend(spans_in(v))
    return found


def assert_one_line_error(result: Result, *parts: str) -> None:
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("newsclaims: error: ")
    for part in parts:
        assert part in lines[0]
    assert "Traceback" not in result.output


# -- the group ------------------------------------------------------------------------------


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"newsclaims, version {newsclaims.__version__}"


@pytest.mark.parametrize("args", [["--help"], ["analyze", "--help"], ["plugins", "--help"]])
def test_help_shows_examples(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert "\n      newsclaims " in result.stdout or "\n    newsclaims " in result.stdout


def test_unknown_command_is_a_usage_error() -> None:
    assert run("frobnicate").exit_code == 2


# -- analyze --------------------------------------------------------------------------------


def test_analyze_seed_writes_one_json_document() -> None:
    result = run("analyze", str(SEED))
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["schema"] == SCHEMA
    assert doc["article"]["id"] == "000_a7f89c861a905037"
    assert doc["article"]["title"] == "Top Iran leaders aware of Qods Force in Iraq: U.S."
    text = doc["article"]["text"]
    assert text == SEED.read_text(encoding="utf-8")
    for key in ("statements", "hedges", "entities", "problems"):
        assert isinstance(doc[key], list)
    for span in spans_in(doc):
        assert span["text"] == text[span["start"] : span["end"]]
    assert from_dict(doc).article.id == "000_a7f89c861a905037"


def test_analyze_seed_as_a_table() -> None:
    result = run("analyze", str(SEED), "--format", "table")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "000_a7f89c861a905037: Top Iran leaders aware of Qods Force in Iraq: U.S."
    assert "statements" in lines[1]


def test_analyze_several_paths_writes_json_lines(tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("The minister said the bridge would reopen in May.", encoding="utf-8")
    result = run("analyze", str(SEED), str(other))
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["article"]["id"] for d in docs] == ["000_a7f89c861a905037", "other"]
    assert all(d["schema"] == SCHEMA for d in docs)


def test_a_jsonl_input_gives_json_lines_even_for_one_record(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text('{"id": "a", "text": "He said so."}\n', encoding="utf-8")
    result = run("analyze", str(path))
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1
    assert json.loads(result.stdout)["article"]["id"] == "a"


def test_a_json_list_gives_json_lines_and_format_json_refuses_it(tmp_path: Path) -> None:
    path = tmp_path / "two.json"
    path.write_text('[{"text": "A."}, {"text": "B."}]', encoding="utf-8")
    result = run("analyze", str(path))
    assert result.exit_code == 0
    assert [json.loads(x)["article"]["id"] for x in result.stdout.splitlines()] == [
        "two-1",
        "two-2",
    ]
    refused = run("analyze", str(path), "--format", "json")
    assert refused.exit_code == 2
    assert "--format jsonl" in refused.stderr
    assert refused.stdout == ""


def test_jsonl_with_bad_lines_writes_error_records_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        '{"id": "a", "text": "He said so."}\n{oops\n{"id": "c", "title": "no text"}\n'
        '{"id": "d", "text": "She said no."}\n',
        encoding="utf-8",
    )
    result = run("analyze", str(path))
    assert result.exit_code == 1
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["article"]["id"] for d in docs] == ["a", None, "c", "d"]
    assert docs[1]["error"]["line"] == 2
    assert docs[1]["error"]["path"] == str(path)
    assert docs[2]["error"] == {"path": str(path), "line": 3, "reason": "text: missing"}
    errors = result.stderr.splitlines()
    assert len(errors) == 2
    assert errors[1] == f"newsclaims: error: {path}: line 3: text: missing"


def test_invalid_utf8_is_one_line_and_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Fine line\nbad \xff byte\n")
    result = run("analyze", str(path))
    assert_one_line_error(result, f"{path}: line 2: invalid UTF-8 at byte 14")
    assert result.stdout == ""


def test_binary_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    assert_one_line_error(run("analyze", str(path)), "binary file")


@pytest.mark.parametrize("name", ["missing.txt", "page.html"])
def test_missing_and_html_files_are_one_line_errors(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name.endswith(".html"):
        path.write_text("<p>hi</p>", encoding="utf-8")
    assert_one_line_error(run("analyze", str(path)), str(path))


def test_empty_file_is_an_empty_article(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = run("analyze", str(path))
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["article"]["text"] == ""
    assert doc["statements"] == []


def test_stdin_text_and_json() -> None:
    result = run("analyze", "-", input="The minister said the bridge would reopen.")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["article"]["id"] == "stdin"
    result = run("analyze", "-", input='{"id": "a1", "text": "He said it was over."}')
    assert result.exit_code == 0
    assert json.loads(result.stdout)["article"]["id"] == "a1"
    result = run("analyze", "-", "--format", "jsonl", input=b"\xff\xfe")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["error"]["path"] == "-"


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = run("analyze", str(SEED), "-o", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == SCHEMA
    unwritable = run("analyze", str(SEED), "-o", str(tmp_path / "no" / "such" / "dir.json"))
    assert_one_line_error(unwritable, "cannot write")


@pytest.mark.parametrize(
    "args",
    [["analyze"], ["analyze", str(SEED), "--format", "xml"], ["analyze", str(SEED), "--bogus"]],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert run(*args).exit_code == 2


def test_disable_and_no_plugins_run() -> None:
    for args in (["--disable", "quotes"], ["--no-plugins"], ["--disable", "numbers", "--strict"]):
        result = run("analyze", str(SEED), *args)
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["schema"] == SCHEMA
    disabled = run("analyze", str(SEED), "--disable", "quotes", "--disable", "numbers")
    assert json.loads(disabled.stdout)["statements"] == []


# -- problems from plugins ------------------------------------------------------------------


@pytest.fixture
def broken_builtin(monkeypatch: pytest.MonkeyPatch) -> None:
    """Add a built-in plugin whose analyzer raises, as a module the host can import."""
    module = types.ModuleType("newsclaims_test_broken")

    def explode(analysis: Analysis) -> Analysis:
        raise RuntimeError("kaboom\nwith a second line")

    @hookimpl
    def newsclaims_register_analyzers(register: Callable[[Analyzer], None]) -> None:
        register(Analyzer(name="explode", analyze=explode))

    module.newsclaims_register_analyzers = newsclaims_register_analyzers  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    builtins = (*newsclaims.plugins.BUILTIN_PLUGINS, ("broken", module.__name__))
    monkeypatch.setattr(newsclaims.plugins, "BUILTIN_PLUGINS", builtins)


@pytest.mark.usefixtures("broken_builtin")
def test_analyzer_problems_are_one_line_warnings() -> None:
    result = run("analyze", str(SEED))
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if "explode" in line]
    assert warnings == [
        "newsclaims: warning: 000_a7f89c861a905037: analyzer explode (plugin broken): "
        "RuntimeError: kaboom with a second line"
    ]
    assert json.loads(result.stdout)["problems"][0]["analyzer"] == "explode"


@pytest.mark.usefixtures("broken_builtin")
def test_strict_makes_analyzer_failures_fatal(tmp_path: Path) -> None:
    result = run("analyze", str(SEED), "--strict")
    assert_one_line_error(result, "analyzer explode failed on article 000_a7f89c861a905037")
    assert result.stdout == ""
    other = tmp_path / "b.txt"
    other.write_text("x", encoding="utf-8")
    jsonl = run("analyze", str(SEED), str(other), "--strict")
    assert jsonl.exit_code == 1
    assert len(jsonl.stdout.splitlines()) == 1  # the first failure stops the run
    assert json.loads(jsonl.stdout)["article"]["id"] == "000_a7f89c861a905037"


def test_plugin_load_problems_are_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    builtins = (*newsclaims.plugins.BUILTIN_PLUGINS, ("ghost", "newsclaims_no_such_module"))
    monkeypatch.setattr(newsclaims.plugins, "BUILTIN_PLUGINS", builtins)
    result = run("analyze", str(SEED))
    assert result.exit_code == 0
    assert any(
        line.startswith("newsclaims: warning: plugin ghost: failed to load")
        for line in result.stderr.splitlines()
    )
    strict = run("analyze", str(SEED), "--strict")
    assert_one_line_error(strict, "ghost")


# -- plugins --------------------------------------------------------------------------------


def test_plugins_all_json_lists_the_builtins() -> None:
    result = run("plugins", "--all", "--json")
    assert result.exit_code == 0
    listing = json.loads(result.stdout)
    by_name = {p["name"]: p for p in listing}
    for name in ("quotes", "entities", "hedges"):
        assert by_name[name]["builtin"] is True
        assert by_name[name]["hooks"] == ["newsclaims_register_analyzers"]
    assert set(listing[0]) == {"name", "version", "builtin", "disabled", "hooks", "analyzers"}


def test_plugins_without_all_hides_the_builtins() -> None:
    listing = json.loads(run("plugins", "--json").stdout)
    assert all(not p["builtin"] for p in listing)
    text = run("plugins").stdout
    assert "quotes" not in text.split()
    everything = run("plugins", "--all").stdout
    assert "quotes (built-in)" in everything
    assert "  analyzers: quotes" in everything


def test_plugins_with_autoload_off_lists_none() -> None:
    result = run("plugins", env={"NEWSCLAIMS_DISABLE_PLUGIN_AUTOLOAD": "1"})
    assert result.exit_code == 0
    assert result.stdout.startswith("No plugins installed")
    assert (
        json.loads(run("plugins", "--json", env={"NEWSCLAIMS_DISABLE_PLUGIN_AUTOLOAD": "1"}).stdout)
        == []
    )
