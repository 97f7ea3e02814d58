"""The documentation is tested, so that it cannot rot.

* Every ```python block of ``docs/*.md`` and ``README.md`` runs, from the repository root.
  The blocks of one file share a namespace and run in order; a block with ``>>>`` prompts is
  a doctest whose printed output must match. A block right after ``<!-- skip-test -->`` is
  not run.
* Every hook in :mod:`newsclaims.hookspecs` has a docstring and is documented in
  ``docs/hooks.md`` with that docstring (datasette's ``test_docs`` idea).
* Every CLI command is named in ``docs/cli.md``, and every ``--help`` text pasted there is
  what the command prints.
* The README gives the two set-up commands, and the test one is what ``.ci/run`` runs.
"""

from __future__ import annotations

import doctest
import inspect
import re
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import newsclaims.pipeline
from newsclaims import hookspecs
from newsclaims.cli import cli

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
README = ROOT / "README.md"
MARKDOWN = [*sorted(DOCS.glob("*.md")), README]

_FENCE = re.compile(r"^(`{3,})(\w*)[^\n]*\n(.*?)^\1[ \t]*$", re.MULTILINE | re.DOTALL)
_SKIP = re.compile(r"<!--\s*skip-test\s*-->\s*$")


class Block:
    """A fenced code block: its language, its code, where it starts and whether to skip it."""

    def __init__(self, path: Path, language: str, code: str, line: int, skip: bool) -> None:
        self.path = path
        self.language = language
        self.code = code
        self.line = line  # the 1-based line of the first line of code
        self.skip = skip

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def blocks(path: Path) -> Iterator[Block]:
    """The fenced code blocks of the Markdown file at ``path``, in order."""
    text = path.read_text(encoding="utf-8")
    for m in _FENCE.finditer(text):
        before = text[: m.start()].rstrip()
        line = text.count("\n", 0, m.start(3)) + 1
        yield Block(path, m.group(2).lower(), m.group(3), line, bool(_SKIP.search(before)))


def _relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


# -- the examples run ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", MARKDOWN, ids=_relative)
def test_python_examples_run(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    # The examples show what a plain environment gives: no plugin switched off, and the
    # default pipeline behind newsclaims.analyze() built afresh in that environment.
    monkeypatch.delenv("NEWSCLAIMS_DISABLE", raising=False)
    monkeypatch.delenv("NEWSCLAIMS_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    monkeypatch.setattr(newsclaims.pipeline, "_default", None)
    # The blocks run in a real module, as a script would, so an example can register the
    # module it defines as a plugin (``sys.modules[__name__]``).
    module = types.ModuleType(f"docs_{path.stem.replace('-', '_')}")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    namespace = module.__dict__
    parser = doctest.DocTestParser()
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    for block in blocks(path):
        if block.language != "python" or block.skip:
            continue
        if re.search(r"^\s*>>> ", block.code, re.MULTILINE):
            test = parser.get_doctest(block.code, namespace, block.where, str(path), block.line - 1)
            test.globs = namespace  # get_doctest runs on a copy; the next block needs these
            runner = doctest.DocTestRunner(optionflags=flags)
            report: list[str] = []
            runner.run(test, out=report.append, clear_globs=False)
            assert not runner.failures, f"{block.where}: doctest failed\n" + "".join(report)
        else:
            # Padding with blank lines makes a traceback's line numbers those of the file.
            code = "\n" * (block.line - 1) + block.code
            exec(compile(code, str(path), "exec"), namespace)


def test_blocks_finds_fences_and_the_skip_marker(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "Text.\n\n```python\nx = 1\n```\n\n<!-- skip-test -->\n```python\nraise SystemExit\n```\n"
        "\n````console\n$ newsclaims --version\n```\n````\n",
        encoding="utf-8",
    )
    found = [(b.language, b.code, b.line, b.skip) for b in blocks(page)]
    assert found == [
        ("python", "x = 1\n", 4, False),
        ("python", "raise SystemExit\n", 9, True),
        ("console", "$ newsclaims --version\n```\n", 13, False),
    ]


def test_the_docs_have_runnable_examples() -> None:
    """A guard against a fence that stops matching: the pages do hold python examples."""
    for name in ("getting-started.md", "concepts.md", "writing-plugins.md", "json-schema.md"):
        assert any(b.language == "python" for b in blocks(DOCS / name)), name


# -- every hook is documented --------------------------------------------------------------------

HOOKS = sorted(n for n in dir(hookspecs) if n.startswith("newsclaims_"))


def _words(text: str) -> str:
    return " ".join(text.split())


def test_there_are_hooks() -> None:
    assert "newsclaims_register_analyzers" in HOOKS


@pytest.mark.parametrize("name", HOOKS)
def test_hook_is_documented(name: str) -> None:
    doc = inspect.getdoc(getattr(hookspecs, name))
    assert doc, f"hookspecs.{name} has no docstring"
    page = (DOCS / "hooks.md").read_text(encoding="utf-8")
    assert re.search(rf"^#+ .*\b{name}\b", page, re.MULTILINE), (
        f"docs/hooks.md has no heading for {name}"
    )
    assert _words(doc) in _words(page), (
        f"docs/hooks.md does not show the current docstring of {name}: paste "
        f"inspect.getdoc(newsclaims.hookspecs.{name}) into its ```text block"
    )


# -- every command is documented -----------------------------------------------------------------


def _commands(group: click.Group, prefix: str = "newsclaims") -> Iterator[str]:
    for name, command in sorted(group.commands.items()):
        yield f"{prefix} {name}"
        if isinstance(command, click.Group):
            yield from _commands(command, f"{prefix} {name}")


COMMANDS = list(_commands(cli))


def test_there_are_commands() -> None:
    assert {"newsclaims analyze", "newsclaims plugins"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_command_is_documented(command: str) -> None:
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert re.search(rf"^#+ .*`{command}`", page, re.MULTILINE), (
        f"docs/cli.md has no heading for `{command}`"
    )


def _pasted_help() -> Iterator[tuple[str, list[str], str]]:
    """(where, arguments, output) for each ``$ newsclaims ... --help`` shown in docs/cli.md."""
    if not (DOCS / "cli.md").exists():  # test_command_is_documented says so
        return
    for block in blocks(DOCS / "cli.md"):
        if block.language != "console":
            continue
        lines = block.code.splitlines()
        for i, line in enumerate(lines):
            m = re.fullmatch(r"\$ newsclaims((?: [\w-]+)*) --help", line.strip())
            if m is None:
                continue
            output = []
            for following in lines[i + 1 :]:
                if following.startswith("$ "):
                    break
                output.append(following)
            yield f"{block.where}+{i}", [*m.group(1).split(), "--help"], "\n".join(output)


PASTED_HELP = list(_pasted_help())


def test_cli_page_shows_every_help_text() -> None:
    shown = {" ".join(args[:-1]) for _, args, _ in PASTED_HELP}
    assert shown >= {"", *(c.removeprefix("newsclaims ") for c in COMMANDS)}


@pytest.mark.parametrize(("where", "args", "output"), PASTED_HELP, ids=[p[0] for p in PASTED_HELP])
def test_pasted_help_is_current(where: str, args: list[str], output: str) -> None:
    # As printed in an 80-column terminal, or to a pipe: click wraps help at 80 - 2 columns.
    result = CliRunner().invoke(cli, args, prog_name="newsclaims", terminal_width=78)
    assert result.exit_code == 0, result.output
    assert result.output.rstrip() == output.rstrip(), (
        f"{where}: the help text differs from `newsclaims {' '.join(args)}`; paste it again"
    )


# -- the README's set-up commands ----------------------------------------------------------------


def _setup_commands() -> list[str]:
    commands = []
    for block in blocks(README):
        if block.language not in ("console", "bash", "shell", "sh"):
            continue
        for line in block.code.splitlines():
            line = line.strip().removeprefix("$ ")
            if line.startswith("python3 -m venv"):
                commands.append(line)
    return commands


def test_readme_gives_the_two_setup_commands() -> None:
    commands = _setup_commands()
    assert len(commands) == 2, f"expected two `python3 -m venv ...` lines in README.md: {commands}"
    assert any("newsclaims analyze" in c for c in commands), commands
    assert any("pytest" in c for c in commands), commands


def test_ci_runs_the_readme_test_command() -> None:
    tests = [c for c in _setup_commands() if "pytest" in c]
    assert tests, "README.md has no `python3 -m venv ... pytest` command"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests[0] in ci.splitlines(), f".ci/run does not run the README's command: {tests[0]}"
