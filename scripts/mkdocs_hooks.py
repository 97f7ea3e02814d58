"""MkDocs hooks for the documentation site (``hooks:`` in ``mkdocs.yml``).

``docs/evaluation.md`` shows the current scores of every evaluation: at build time the marker
``<!-- evaluation-tables -->`` is replaced by the "Current scores" section of each
``docs/evaluate-*.md`` page, so that a new evaluation page appears there without an edit and
the figures are never copied by hand. The same pages join the "Evaluation" section of the
navigation when ``mkdocs.yml`` does not list them yet.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

MARKER = "<!-- evaluation-tables -->"
_FENCE = re.compile(r"^(`{3,}|~{3,})")


def sections(markdown: str) -> list[tuple[str, list[str]]]:
    """The level-2 sections of ``markdown`` as (heading, lines), headings inside code fences
    not counted."""
    out: list[tuple[str, list[str]]] = []
    fence = None
    for line in markdown.splitlines():
        m = _FENCE.match(line)
        if m and fence is None:
            fence = m.group(1)
        elif fence is not None and line.startswith(fence):
            fence = None
        elif fence is None and line.startswith("## "):
            out.append((line[3:].strip(), []))
            continue
        if out:
            out[-1][1].append(line)
    return out


def scores_of(path: Path) -> str:
    """The title of the page at ``path`` and its "Current scores" section, linked back."""
    text = path.read_text(encoding="utf-8")
    title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), "")
    found = [(h, body) for h, body in sections(text) if h.lower().startswith("current scores")]
    out = [f"## [{title or path.stem}]({path.name})", ""]
    if not found:
        out.append(f"No current scores on [its page]({path.name}) yet.")
    for heading, body in found:
        lines = []
        fence = None
        for line in body:
            m = _FENCE.match(line)
            if m and fence is None:
                fence = m.group(1)
            elif fence is not None and line.startswith(fence):
                fence = None
            elif fence is None:
                line = line.replace("](#", f"]({path.name}#")
                if line.startswith("#"):
                    line = "#" + line  # one level down, under this page's heading
            lines.append(line)
        out += [f"### {heading}", *lines]
    return "\n".join(out)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Fill in the evaluation tables on ``evaluation.md``; other pages pass unchanged."""
    if page.file.src_uri != "evaluation.md" or MARKER not in markdown:
        return markdown
    docs = Path(config["docs_dir"])
    tables = "\n\n".join(scores_of(p) for p in sorted(docs.glob("evaluate-*.md")))
    return markdown.replace(MARKER, tables)


def _listed(nav: Any) -> set[str]:
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*(_listed(v) for v in nav.values()))
    if isinstance(nav, list):
        return set().union(*(_listed(v) for v in nav))
    return set()


def on_config(config: Any) -> Any:
    """Add every ``docs/evaluate-*.md`` page missing from the navigation to "Evaluation"."""
    nav = config.get("nav") or []
    listed = _listed(nav)
    docs = Path(config["docs_dir"])
    for item in nav:
        if isinstance(item, dict) and isinstance(item.get("Evaluation"), list):
            for path in sorted(docs.glob("evaluate-*.md")):
                if path.name not in listed:
                    text = path.read_text(encoding="utf-8")
                    title = next(
                        (line[2:].strip() for line in text.splitlines() if line.startswith("# ")),
                        path.stem,
                    )
                    item["Evaluation"].append({title: path.name})
    return config
