"""The HTML view: what a reader of the page can rely on, checked without a browser.

The page is parsed with the standard library's HTMLParser, which tracks nesting, so these
tests check that the markup nests, that the text shown is the article's text, and that every
statement, source, cue, hedge and entity is marked where its span says.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclaims
from newsclaims import Analysis, Article, Attribution, Entity, Hedge, Span, Statement
from newsclaims.cli import cli
from newsclaims.testing import analyses
from newsclaims.view import Mark, mark_text, marks, notebook_html, page_html

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_a7f89c861a905037.txt"
VOID = {"meta", "link", "br", "img", "input", "hr"}


class Tree(HTMLParser):
    """Parses HTML, checking that it nests, and records each element with its text offsets.

    ``elements`` holds (tag, attributes, start, end) where start and end are offsets into
    the text inside the first ``.nc-text`` (``None`` outside it).
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None], int | None]] = []
        self.elements: list[tuple[str, dict[str, str | None], int | None, int | None]] = []
        self.text = ""
        self._in_text = 0  # depth of the stack where .nc-text opened, 0 outside
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in VOID:
            return
        if "nc-text" in (a.get("class") or "").split() and not self._in_text:
            self._in_text = len(self.stack) + 1
        self.stack.append((tag, a, len(self.text) if self._in_text else None))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack, f"</{tag}> closes nothing"
        open_tag, a, start = self.stack.pop()
        assert open_tag == tag, f"</{tag}> closes <{open_tag}>"
        end = len(self.text) if start is not None else None
        self.elements.append((tag, a, start, end))
        if self._in_text and len(self.stack) < self._in_text:
            self._in_text = -1  # only the first article's text is collected

    def handle_data(self, data: str) -> None:
        if self._in_text > 0:
            self.text += data
        elif self.stack and self.stack[-1][0] == "script":
            self.scripts.append(data)


def parse(html: str) -> Tree:
    tree = Tree()
    tree.feed(html)
    tree.close()
    assert not tree.stack, f"unclosed: {[t for t, _, _ in tree.stack]}"
    return tree


def covered(tree: Tree, attr: str, value: str, cls: str | None = None) -> set[int]:
    """The text offsets inside elements whose ``attr`` is ``value`` (and of class ``cls``)."""
    offsets: set[int] = set()
    for _, a, start, end in tree.elements:
        if start is None or end is None or a.get(attr) != value:
            continue
        if cls is None or cls in (a.get("class") or "").split():
            offsets.update(range(start, end))
    return offsets


@pytest.fixture(scope="module")
def seed() -> Analysis:
    (article,) = newsclaims.read(str(SEED))
    return newsclaims.analyze(article)


@pytest.fixture(scope="module")
def seed_tree(seed: Analysis) -> Tree:
    return parse(page_html([seed]))


def test_the_text_shown_is_the_article_text(seed: Analysis, seed_tree: Tree) -> None:
    assert seed_tree.text == seed.text


def test_every_statement_is_marked_where_its_spans_are(seed: Analysis, seed_tree: Tree) -> None:
    for s in seed.statements:
        want = {i for span in s.content for i in range(span.start, span.end)}
        assert covered(seed_tree, "data-statement", s.id, "nc-st") == want, s.id
        assert f"nc-{s.kind.value}" in {
            c
            for _, a, start, _ in seed_tree.elements
            if start is not None and a.get("data-statement") == s.id
            for c in (a.get("class") or "").split()
        }


def test_sources_and_cues_are_marked_for_their_statement(seed: Analysis, seed_tree: Tree) -> None:
    checked = 0
    for s in seed.statements:
        a = s.attribution
        if a is None or a.source is None or a.cue is None:
            continue
        source = set(range(a.source.start, a.source.end))
        cue = set(range(a.cue.start, a.cue.end))
        assert covered(seed_tree, "data-statement", s.id, "nc-source") == source, s.id
        assert covered(seed_tree, "data-statement", s.id, "nc-cue") == cue, s.id
        checked += 1
    assert checked > 10


def test_every_marking_element_names_a_statement_of_the_article(
    seed: Analysis, seed_tree: Tree
) -> None:
    ids = {s.id for s in seed.statements}
    in_text = [a for _, a, start, _ in seed_tree.elements if start is not None]
    for a in in_text:
        classes = set((a.get("class") or "").split())
        if classes & {"nc-st", "nc-source", "nc-cue"}:
            assert a.get("data-statement") in ids, a
    rows = [a.get("data-statement") for t, a, _, _ in seed_tree.elements if t == "tr"]
    rows = [r for r in rows if r is not None]
    assert sorted(rows) == sorted(ids)


def test_hedges_are_marked_with_their_kind(seed: Analysis, seed_tree: Tree) -> None:
    for h in seed.hedges:
        assert covered(seed_tree, "data-hedge", h.id) == set(range(h.cue.start, h.cue.end))
    labels = {a.get("data-label") for _, a, _, _ in seed_tree.elements}
    assert {h.kind.replace("_", " ") for h in seed.hedges} <= labels


def test_entities_link_to_wikidata_when_they_have_an_id(seed: Analysis, seed_tree: Tree) -> None:
    for e in seed.entities:
        elements = [
            (t, a)
            for t, a, start, _ in seed_tree.elements
            if start is not None and a.get("data-entity") == e.id
        ]
        assert len(elements) >= len(e.mentions), e.id
        if e.wikidata:
            assert all(
                a.get("href") == f"https://www.wikidata.org/wiki/{e.wikidata}"
                for t, a in elements
                if t == "a"
            )
            assert any(t == "a" for t, _ in elements)
        else:
            assert all(t == "span" and "href" not in a for t, a in elements)


def test_the_page_is_self_contained(seed: Analysis) -> None:
    page = page_html([seed])
    assert "<style>" in page
    assert "<script>" in page
    # No resource is loaded: no src= attributes, no stylesheet links, no url() in the CSS.
    assert not re.search(r"\ssrc=", page)
    assert not re.search(r"<link[^>]+stylesheet", page)
    assert "url(" not in page
    assert "@import" not in page


def test_each_statement_has_its_details(seed: Analysis, seed_tree: Tree) -> None:
    details = {a.get("data-detail") for _, a, _, _ in seed_tree.elements}
    assert {s.id for s in seed.statements} <= details
    page = page_html([seed])
    s4 = page[page.index('data-detail="s4"') :]
    assert "Kevin Bergner" in s4[: s4.index("</section>")]


def test_several_articles_get_a_contents_list() -> None:
    a = newsclaims.analyze(Article(id="a", text="He said it was over.", title="One"))
    b = newsclaims.analyze(Article(id="b", text="She said it was not.", title="Two <&>"))
    page = page_html([a, b])
    tree = parse(page)
    links = [x["href"] for t, x, _, _ in tree.elements if t == "a" and x.get("href", "")[:1] == "#"]
    anchors = {
        x.get("id") for _, x, _, _ in tree.elements if "nc-article" in (x.get("class") or "")
    }
    assert len(links) == 2
    assert {h[1:] for h in links} == anchors
    assert "Two &lt;&amp;&gt;" in page
    assert "Contents" not in page_html([a])


def test_text_and_attributes_are_escaped() -> None:
    text = 'The <b>minister</b> & "co" said <script>alert(1)</script> was over.'
    analysis = newsclaims.analyze(Article(id='x"><script>', text=text, title="</title><i>"))
    page = page_html([analysis])
    assert "<script>alert" not in page
    assert "<b>minister" not in page
    tree = parse(page)
    assert tree.text == text


def test_overlapping_and_nested_marks_nest() -> None:
    text = "abcdefghij"
    ms = [
        Mark(0, 6, 0, "span", (("data-statement", "s1"),)),
        Mark(3, 9, 1, "span", (("data-statement", "s2"),)),
        Mark(2, 4, 3, "em", (("data-hedge", "h1"),)),
        Mark(2, 4, 4, "a", (("data-entity", "e1"), ("href", "#"))),
        Mark(3, 5, 4, "a", (("data-entity", "e2"), ("href", "#"))),
    ]
    tree = parse(f'<div class="nc-text">{mark_text(text, ms)}</div>')
    assert tree.text == text
    assert covered(tree, "data-statement", "s1") == set(range(6))
    assert covered(tree, "data-statement", "s2") == set(range(3, 9))
    assert covered(tree, "data-entity", "e2") == {3, 4}
    # e2 overlaps e1's link, so where they share characters it is no link of its own.
    hrefs = [a.get("href") for t, a, _, _ in tree.elements if t == "a"]
    assert hrefs
    assert all(h == "#" for h in hrefs)


def test_a_link_inside_a_link_loses_its_href() -> None:
    ms = [
        Mark(0, 4, 4, "a", (("href", "#1"),)),
        Mark(1, 3, 4, "a", (("href", "#2"),)),
    ]
    out = mark_text("abcd", ms)
    assert out.count("<a ") == 1
    assert "#2" not in out
    assert parse(f'<div class="nc-text">{out}</div>').text == "abcd"


def test_a_mark_outside_the_text_is_refused() -> None:
    with pytest.raises(ValueError, match="outside"):
        mark_text("abc", [Mark(1, 5, 0, "span", ())])


@settings(max_examples=60, deadline=None)
@given(analyses())
def test_any_analysis_renders_to_nested_html_showing_its_text(analysis: Analysis) -> None:
    tree = parse(page_html([analysis]))
    assert tree.text == analysis.text
    for s in analysis.statements:
        want = {i for span in s.content for i in range(span.start, span.end)}
        assert covered(tree, "data-statement", s.id, "nc-st") == want


@settings(max_examples=60, deadline=None)
@given(
    st.text(max_size=40), st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=8)
)
def test_any_marks_nest_and_cover_their_spans(text: str, pairs: list[tuple[int, int]]) -> None:
    ms = [
        Mark(min(a, b), max(a, b), i % 5, "span", (("data-m", str(i)),))
        for i, (a, b) in enumerate(pairs)
        if min(a, b) < max(a, b) <= len(text)
    ]
    tree = parse(f'<div class="nc-text">{mark_text(text, ms)}</div>')
    assert tree.text == text
    for i, m in enumerate(ms):
        assert covered(tree, "data-m", m.attrs[0][1]) == set(range(m.start, m.end)), i


def test_marks_leave_out_empty_spans() -> None:
    article = Article(id="x", text="He said so.")
    analysis = Analysis(
        article,
        statements=[
            Statement(
                "s1",
                "indirect",
                [Span(8, 10)],
                attribution=Attribution(source=Span(0, 2), cue=Span(3, 3)),
                hedges=["h1"],
                entities=["e1"],
            )
        ],
        hedges=[Hedge("h1", Span(3, 7), "epistemic")],
        entities=[Entity("e1", "He", "person", "Q1", [Span(0, 2)])],
    )
    layers = sorted((m.start, m.end, m.layer) for m in marks(analysis))
    assert layers == [(0, 2, 1), (0, 2, 4), (3, 7, 3), (8, 10, 0)]


def test_a_notebook_shows_the_view(seed: Analysis) -> None:
    html = seed._repr_html_()
    assert html == notebook_html(seed)
    assert html.startswith('<div class="nc-view">')
    assert html.endswith("</div>")
    assert "<html" not in html
    # The notebook keeps its look: every style rule is scoped to the view.
    css = html[html.index("<style>") + 7 : html.index("</style>")]
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"@media[^{]*\{", "", css)
    for selectors in re.findall(r"([^{}]+)\{[^{}]*\}", css):
        for selector in selectors.split(","):
            assert selector.strip().startswith(".nc-view"), selector
    parse(html)


def test_analyze_writes_a_page(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    result = CliRunner().invoke(cli, ["analyze", str(SEED), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Top Iran leaders aware of Qods Force in Iraq" in page
    assert 'data-statement="s4"' in page


def test_analyze_writes_one_page_for_several_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("He said it was over.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("She said it was not.", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["analyze", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "html"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.count('<article class="nc-article"') == 2
    assert "Contents" in result.output
