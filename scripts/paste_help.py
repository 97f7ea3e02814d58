"""Re-paste every ``$ newsclaims ... --help`` block of docs/cli.md from the real CLI.

Run after changing a command's options or help: ``python scripts/paste_help.py``.
tests/test_docs.py fails until the pasted text matches.
"""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from newsclaims.cli import cli

PAGE = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
BLOCK = re.compile(r"```console\n\$ newsclaims(?P<args>[^\n]*--help)\n(?P<out>.*?)```", re.S)


def main() -> None:
    def paste(m: re.Match[str]) -> str:
        args = m.group("args").split()
        result = CliRunner().invoke(cli, args, prog_name="newsclaims", terminal_width=78)
        return f"```console\n$ newsclaims{m.group('args')}\n{result.output.rstrip()}\n```"

    PAGE.write_text(BLOCK.sub(paste, PAGE.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main()
