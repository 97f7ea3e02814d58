"""Render analyses as HTML: one self-contained page, or a fragment for a notebook cell.

The article text is shown exactly as read (``white-space: pre-wrap``), with every statement,
source, cue, hedge cue and entity mention marked in place. Spans may overlap and nest (a
statement's content holds hedge cues and entity mentions; a source sits inside an assertion),
so :func:`mark_text` splits the text at every span boundary and wraps each segment in the
marks that cover it: an element is closed and reopened where a mark that started later ends
first, so the HTML always nests. All labels are drawn by CSS from ``data-label`` attributes,
so the text content of ``.nc-text`` is the article text, character for character.

Nothing on the page is fetched: the style sheet (``view.css``) and the script (``view.js``)
are package data, inlined into every page.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import TextIO

from attrs import frozen

from newsclaims.model import Analysis, Entity, Hedge, Span, Statement, StatementKind

__all__ = [
    "Mark",
    "article_html",
    "mark_text",
    "marks",
    "notebook_html",
    "page_html",
    "write_html",
]

WIKIDATA = "https://www.wikidata.org/wiki/"

#: How each statement kind is named on the page.
KIND_LABELS = {
    StatementKind.DIRECT: "direct quote",
    StatementKind.INDIRECT: "indirect",
    StatementKind.MIXED: "mixed",
    StatementKind.ASSERTION: "writer's assertion",
}

# Layers, outermost first: where two marks cover the same characters, the statement encloses
# its source and cue, which enclose hedge cues, which enclose entity mentions.
_STATEMENT, _SOURCE, _CUE, _HEDGE, _ENTITY = range(5)


def _asset(name: str) -> str:
    return resources.files("newsclaims.view").joinpath(name).read_text(encoding="utf-8")


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _text(value: str) -> str:
    return html.escape(value, quote=False)


@frozen
class Mark:
    """One span to mark in the text: ``[start, end)``, the element's tag and attributes.

    ``layer`` orders marks over the same characters (lower encloses higher); ``first_label``
    is drawn before the mark's first fragment and ``last_label`` after its last one.
    """

    start: int
    end: int
    layer: int
    tag: str
    attrs: tuple[tuple[str, str], ...]
    first_label: str | None = None
    last_label: str | None = None


def _excerpt(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _speaker_label(statement: Statement) -> str:
    if statement.kind is StatementKind.ASSERTION:
        return "the writer"
    speaker = statement.speaker
    return speaker.name if speaker is not None else "unknown"


def marks(analysis: Analysis) -> list[Mark]:
    """Every mark of ``analysis``: statement contents, sources, cues, hedge cues, mentions.

    Empty spans are left out, as there is nothing to mark.
    """
    out: list[Mark] = []
    for s in analysis.statements:
        kind = s.kind.value
        title = f"{s.id} · {KIND_LABELS[s.kind]} · {_speaker_label(s)} · {s.certainty.value}"
        for i, span in enumerate(s.content):
            out.append(
                Mark(
                    span.start,
                    span.end,
                    _STATEMENT,
                    "span",
                    (
                        ("class", f"nc-st nc-{kind}"),
                        ("data-statement", s.id),
                        ("title", title),
                        ("tabindex", "0"),
                    ),
                    first_label=f"{s.id} {KIND_LABELS[s.kind]}" if i == 0 else s.id,
                )
            )
        a = s.attribution
        if a is not None and a.source is not None:
            out.append(
                Mark(
                    a.source.start,
                    a.source.end,
                    _SOURCE,
                    "span",
                    (
                        ("class", "nc-source"),
                        ("data-statement", s.id),
                        ("title", f"source of {s.id}"),
                    ),
                )
            )
        if a is not None and a.cue is not None:
            out.append(
                Mark(
                    a.cue.start,
                    a.cue.end,
                    _CUE,
                    "span",
                    (("class", "nc-cue"), ("data-statement", s.id), ("title", f"cue of {s.id}")),
                )
            )
    for h in analysis.hedges:
        label = h.kind.replace("_", " ")
        out.append(
            Mark(
                h.cue.start,
                h.cue.end,
                _HEDGE,
                "span",
                (
                    ("class", f"nc-hedge nc-hedge-{h.kind}"),
                    ("data-hedge", h.id),
                    ("title", f"hedge {h.id}: {label}, held by the {h.holder.value}"),
                ),
                last_label=label,
            )
        )
    for e in analysis.entities:
        title = f"{e.name} ({e.type})" + (f" · {e.wikidata}" if e.wikidata else "")
        attrs: tuple[tuple[str, str], ...] = (
            ("class", "nc-ent"),
            ("data-entity", e.id),
            ("title", title),
        )
        if e.wikidata:
            attrs += (("href", WIKIDATA + e.wikidata),)
        for span in e.mentions:
            out.append(Mark(span.start, span.end, _ENTITY, "a" if e.wikidata else "span", attrs))
    return [m for m in out if m.end > m.start]


def _open(mark: Mark, first: bool, stack: Sequence[Mark]) -> str:
    tag = mark.tag
    attrs = mark.attrs
    if tag == "a" and any(m.tag == "a" for m in stack):
        # A link inside a link is not HTML: a nested mention keeps its data but no href.
        tag = "span"
        attrs = tuple(a for a in attrs if a[0] != "href")
    parts = "".join(f' {k}="{_attr(v)}"' for k, v in attrs)
    if not first:
        parts += ' data-cont=""'
    label = ""
    if first and mark.first_label:
        label = (
            f'<span class="nc-label" aria-hidden="true" '
            f'data-label="{_attr(mark.first_label)}"></span>'
        )
    return f"<{tag}{parts}>{label}"


def _close(mark: Mark, last: bool, stack: Sequence[Mark]) -> str:
    tag = "span" if mark.tag == "a" and any(m.tag == "a" for m in stack) else mark.tag
    label = ""
    if last and mark.last_label:
        label = (
            f'<span class="nc-label nc-after" aria-hidden="true" '
            f'data-label="{_attr(mark.last_label)}"></span>'
        )
    return f"{label}</{tag}>"


def mark_text(text: str, spans: Iterable[Mark]) -> str:
    """``text``, HTML-escaped, with each mark's element around the characters it covers.

    The text is cut at every mark boundary; each segment sits inside every mark covering it.
    Marks are opened outermost first (earlier start, then longer, then lower layer), and where
    a mark must close while marks opened after it are still open, those are closed and
    reopened around it, the reopened fragment carrying ``data-cont``. The result always nests,
    and its text is ``text``. Time is O(n + m log m) for n characters and m marks (times the
    depth of nesting, which is small).
    """
    starts: dict[int, list[Mark]] = {}
    ends: dict[int, list[Mark]] = {}
    for m in spans:
        if not 0 <= m.start < m.end <= len(text):
            raise ValueError(f"mark [{m.start}, {m.end}) is empty or outside the text")
        starts.setdefault(m.start, []).append(m)
        ends.setdefault(m.end, []).append(m)
    bounds = sorted({0, len(text), *starts, *ends})
    out: list[str] = []
    stack: list[Mark] = []
    for i, pos in enumerate(bounds):
        ending = ends.get(pos, [])
        if ending:
            closing = {id(m) for m in ending}
            low = min(j for j, m in enumerate(stack) if id(m) in closing)
            reopen = []
            while len(stack) > low:
                m = stack.pop()
                out.append(_close(m, id(m) in closing, stack))
                if id(m) not in closing:
                    reopen.append(m)
            for m in reversed(reopen):
                out.append(_open(m, False, stack))
                stack.append(m)
        for m in sorted(starts.get(pos, []), key=lambda m: (-m.end, m.layer)):
            out.append(_open(m, True, stack))
            stack.append(m)
        if i + 1 < len(bounds):
            out.append(_text(text[pos : bounds[i + 1]]))
    return "".join(out)


# -- the parts around the text ---------------------------------------------------------------


def _quoted(analysis: Analysis, span: Span | None) -> str:
    return "—" if span is None else f"“{_text(analysis.text_of(span))}”"


def _entity_link(entity: Entity) -> str:
    name = _text(entity.name)
    if entity.wikidata:
        return (
            f'<a href="{_attr(WIKIDATA + entity.wikidata)}">{name}</a> '
            f"<small>({_text(entity.type)}, {entity.wikidata})</small>"
        )
    return f"{name} <small>({_text(entity.type)})</small>"


def _hedge_item(analysis: Analysis, hedge: Hedge) -> str:
    return (
        f"<li>“{_text(analysis.text_of(hedge.cue))}”: {_text(hedge.kind.replace('_', ' '))}, "
        f"held by the {hedge.holder.value}</li>"
    )


def _detail(analysis: Analysis, s: Statement, entities: dict[str, Entity]) -> str:
    rows: list[tuple[str, str]] = []
    speaker = s.speaker
    if s.kind is StatementKind.ASSERTION:
        rows.append(("Who", "the writer, on no one else's word"))
    elif speaker is not None:
        who = _text(speaker.name)
        entity = entities.get(speaker.entity or "")
        if entity is not None and entity.wikidata:
            who = f'<a href="{_attr(WIKIDATA + entity.wikidata)}">{who}</a>'
        extra = [speaker.kind.value, *(x for x in (speaker.title, speaker.role) if x)]
        rows.append(("Who", f"{who} <small>({_text(', '.join(extra))})</small>"))
    else:
        rows.append(("Who", "unknown"))
    a = s.attribution
    if a is not None:
        rows.append(("Source", _quoted(analysis, a.source)))
        rows.append(("Cue", _quoted(analysis, a.cue)))
        if a.stance:
            rows.append(("Stance", _text(a.stance)))
    rows.append(("Certainty", f"{s.certainty.value}, {s.polarity.value}"))
    if s.hedges:
        items = "".join(_hedge_item(analysis, analysis.hedge(h)) for h in s.hedges)
        rows.append(("Hedges", f"<ul>{items}</ul>"))
    if s.entities:
        items = "".join(f"<li>{_entity_link(entities[e])}</li>" for e in s.entities)
        rows.append(("About", f"<ul>{items}</ul>"))
    if s.tags:
        rows.append(("Tags", _text(", ".join(s.tags))))
    said = " … ".join(analysis.text_of(c) for c in s.content)
    body = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return (
        f'<section class="nc-detail" data-detail="{_attr(s.id)}" hidden>'
        f"<h3>{_text(s.id)} · {_text(KIND_LABELS[s.kind])}</h3>"
        f'<blockquote class="nc-{s.kind.value}">{_text(said)}</blockquote>'
        f"<dl>{body}</dl></section>"
    )


def _table(analysis: Analysis) -> str:
    rows = []
    for s in analysis.statements:
        who = _speaker_label(s)
        speaker = s.speaker
        kind = f" <small>({speaker.kind.value})</small>" if speaker is not None else ""
        said = _excerpt(" … ".join(analysis.text_of(c) for c in s.content), 80)
        certainty = s.certainty.value + (", negated" if s.polarity.value == "negative" else "")
        rows.append(
            f'<tr data-statement="{_attr(s.id)}" tabindex="0">'
            f"<td>{_text(s.id)}</td><td>{_text(who)}{kind}</td>"
            f'<td><span class="nc-chip nc-{s.kind.value}">{_text(KIND_LABELS[s.kind])}</span></td>'
            f"<td>{_text(certainty)}</td><td>{_text(said)}</td></tr>"
        )
    return (
        '<table class="nc-table"><caption>Who said what, and how surely</caption>'
        "<thead><tr><th>#</th><th>Who</th><th>Kind</th><th>Certainty</th><th>What</th></tr>"
        f"</thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _legend() -> str:
    chips = "".join(
        f'<span class="nc-st nc-{k.value}">{_text(label)}</span> '
        for k, label in KIND_LABELS.items()
    )
    return (
        '<p class="nc-legend"><strong>Key:</strong> '
        f"{chips}"
        '<span class="nc-source">source</span> '
        '<span class="nc-cue">cue</span> '
        '<span class="nc-hedge">hedge cue</span> '
        '<a class="nc-ent">entity on Wikidata</a> '
        '<span class="nc-ent">entity</span> '
        "<small>Click or hover a statement for its details.</small></p>"
    )


def article_html(analysis: Analysis, *, anchor: str | None = None) -> str:
    """One ``<article>`` element: the heading, the marked text, the details and the table.

    ``anchor`` becomes the element's ``id``, for a contents list to link to. Statement ids
    are only unique within an article, so the page's script looks them up inside it.
    """
    art = analysis.article
    entities = {e.id: e for e in analysis.entities}
    title = art.title or art.id
    meta = [x for x in (art.outlet, art.published) if x]
    if art.url:
        meta.append(f'<a href="{_attr(art.url)}">{_text(art.url)}</a>')
    else:
        meta = [_text(x) for x in meta]
    counts = (
        f"{len(analysis.statements)} statements, {len(analysis.hedges)} hedges, "
        f"{len(analysis.entities)} entities"
    )
    problems = "".join(
        f"<li>{_text(p.analyzer)}: {_text(p.message)}</li>" for p in analysis.problems
    )
    details = "".join(_detail(analysis, s, entities) for s in analysis.statements)
    id_attr = f' id="{_attr(anchor)}"' if anchor else ""
    return (
        f'<article class="nc-article" data-article="{_attr(art.id)}"{id_attr}>'
        f"<header><h2>{_text(title)}</h2>"
        f'<p class="nc-meta"><code>{_text(art.id)}</code> · {counts}'
        + "".join(f" · {m}" for m in meta)
        + "</p>"
        + (f'<ul class="nc-problems">{problems}</ul>' if problems else "")
        + "</header>"
        f'<div class="nc-body"><div class="nc-text">{mark_text(art.text, marks(analysis))}</div>'
        '<aside class="nc-side">'
        '<div class="nc-details" aria-live="polite">'
        '<p class="nc-hint">Click a statement to see who said it, on what cue, how surely.</p>'
        f"{details}</div>{_table(analysis)}</aside></div></article>"
    )


def notebook_html(analysis: Analysis) -> str:
    """A self-contained ``<div>`` for a notebook cell: the style, the article and the script.

    Every style rule is scoped to ``.nc-view``, so the notebook around it keeps its look; the
    script is idempotent, so several outputs on one page work together.
    """
    return (
        f'<div class="nc-view"><style>{_asset("view.css")}</style>{_legend()}'
        f"{article_html(analysis)}<script>{_asset('view.js')}</script></div>"
    )


def page_html(analyses: Sequence[Analysis], *, title: str | None = None) -> str:
    """A complete HTML document showing ``analyses``, with a contents list when there are
    several. Styles and script are inline: opening the file makes no network request.
    """
    if title is None:
        title = (
            (analyses[0].article.title or analyses[0].article.id)
            if len(analyses) == 1
            else f"newsclaims: {len(analyses)} articles"
        )
    contents = ""
    if len(analyses) > 1:
        items = "".join(
            f'<li><a href="#nc-a{i}">{_text(a.article.title or a.article.id)}</a> '
            f"<small>({len(a.statements)} statements)</small></li>"
            for i, a in enumerate(analyses, 1)
        )
        contents = f'<nav class="nc-contents"><h2>Contents</h2><ol>{items}</ol></nav>'
    articles = "".join(
        article_html(a, anchor=f"nc-a{i}" if len(analyses) > 1 else None)
        for i, a in enumerate(analyses, 1)
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        # No request may leave the page: not even for a favicon.
        '<link rel="icon" href="data:,">'
        f"<title>{_text(title)}</title><style>{_asset('view.css')}</style></head>"
        f'<body><div class="nc-view">{_legend()}{contents}{articles}</div>'
        f"<script>{_asset('view.js')}</script></body></html>\n"
    )


def write_html(analyses: Iterable[Analysis], fp: TextIO, *, title: str | None = None) -> int:
    """Write the page for ``analyses`` to ``fp``; return how many articles it shows."""
    items = list(analyses)
    fp.write(page_html(items, title=title))
    return len(items)
