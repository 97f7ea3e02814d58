"""The documentation site's configuration: every page in the navigation exists, and the hook
that collects the evaluation tables finds the sections it should (``mkdocs build --strict``
itself runs in ``.ci/run``)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mkdocs_hooks", ROOT / "scripts/mkdocs_hooks.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_page_in_the_navigation_exists() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    pages = re.findall(r"^\s+- (?:[^:\n]+: )?([\w./-]+\.md)\s*$", config, re.MULTILINE)
    assert len(pages) > 10
    missing = [p for p in pages if not (ROOT / "docs" / p).exists()]
    assert not missing, f"mkdocs.yml lists pages that do not exist: {missing}"


def test_the_evaluation_page_collects_current_scores(tmp_path: Path) -> None:
    hooks = _hooks()
    page = tmp_path / "evaluate-x.md"
    page.write_text(
        "# Measuring x\n\n## Rules\n\nr\n\n## Current scores\n\n```console\n## not a heading\n"
        "```\n\n### On dev\n\nSee [the rules](#rules).\n\n## Quirks\n\nq\n",
        encoding="utf-8",
    )
    out = hooks.scores_of(page)
    assert out.startswith("## [Measuring x](evaluate-x.md)")
    assert "### Current scores" in out
    assert "## not a heading" in out  # inside a fence, kept as it is
    assert "#### On dev" in out  # one level down
    assert "(evaluate-x.md#rules)" in out  # anchors point back to the page
    assert "Quirks" not in out


def test_evaluation_pages_join_the_navigation(tmp_path: Path) -> None:
    hooks = _hooks()
    (tmp_path / "evaluate-new.md").write_text("# Measuring new\n", encoding="utf-8")
    (tmp_path / "evaluate-old.md").write_text("# Old\n", encoding="utf-8")
    config = {"docs_dir": str(tmp_path), "nav": [{"Evaluation": [{"Old": "evaluate-old.md"}]}]}
    hooks.on_config(config)
    assert config["nav"] == [
        {"Evaluation": [{"Old": "evaluate-old.md"}, {"Measuring new": "evaluate-new.md"}]}
    ]
