"""The pipeline API: one article, many articles, in order, lazily, the same every time."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from types import ModuleType

import pytest

import newsclaims
from newsclaims import Analysis, Analyzer, Article, Pipeline, Statement
from newsclaims.pipeline import as_article
from newsclaims.plugins import BUILTIN_PLUGINS

MakePipeline = Callable[..., Pipeline]
MakePlugin = Callable[..., ModuleType]

TEXT = "The minister said the bridge would reopen in May."


def test_analyze_a_plain_text(make_pipeline: MakePipeline) -> None:
    result = make_pipeline().analyze(TEXT)
    assert isinstance(result, Analysis)
    assert result.text == TEXT
    assert result.article.id.startswith("text-")
    assert result.article.title is None


def test_a_plain_text_gets_an_id_from_its_content() -> None:
    assert as_article(TEXT).id == as_article(TEXT).id
    assert as_article(TEXT).id != as_article(TEXT + " ").id
    assert as_article("\ud800 lone surrogate").id.startswith("text-")


def test_analyze_an_article_keeps_it(make_pipeline: MakePipeline, seed: Article) -> None:
    result = make_pipeline().analyze(seed)
    assert result.article is seed


@pytest.mark.parametrize("item", [b"bytes", None, ["a list"]])
def test_analyze_refuses_what_is_not_text(make_pipeline: MakePipeline, item: object) -> None:
    with pytest.raises(TypeError, match="expected an Article or a str"):
        make_pipeline().analyze(item)  # type: ignore[arg-type]


def test_module_level_analyze_uses_the_default_pipeline(seed: Article) -> None:
    result = newsclaims.analyze(seed)
    assert result.article is seed
    many = [r.article for r in newsclaims.analyze_many([seed, TEXT])]
    assert many[0] is seed
    assert many[1].text == TEXT


def recording(name: str, log: list[str], **declared: set[str]) -> Analyzer:
    def analyze(analysis: Analysis) -> Analysis:
        log.append(f"{name}:{analysis.article.id}")
        return analysis

    return Analyzer(name, analyze, **declared)  # type: ignore[arg-type]


def test_analyzers_run_in_dependency_order_on_each_article(
    make_pipeline: MakePipeline, make_plugin: MakePlugin
) -> None:
    log: list[str] = []
    pipeline = make_pipeline(
        make_plugin("late", recording("tagger", log, needs={"statements"})),
        make_plugin("early", recording("finder", log, provides={"statements"})),
        disable=[name for name, _ in BUILTIN_PLUGINS],
    )
    pipeline.analyze(Article("a1", TEXT))
    assert log == ["finder:a1", "tagger:a1"]


def test_analyze_many_yields_in_input_order(make_pipeline: MakePipeline) -> None:
    items = [Article(f"a{i}", f"Story number {i}.") for i in range(5)]
    results = list(make_pipeline().analyze_many(items))
    assert [r.article.id for r in results] == ["a0", "a1", "a2", "a3", "a4"]


def test_analyze_many_accepts_texts_and_articles(make_pipeline: MakePipeline) -> None:
    results = list(make_pipeline().analyze_many([TEXT, Article("a1", TEXT)]))
    assert [r.article.id for r in results] == [as_article(TEXT).id, "a1"]


def test_analyze_many_is_lazy(make_pipeline: MakePipeline, make_plugin: MakePlugin) -> None:
    log: list[str] = []
    pulled: list[int] = []

    def corpus() -> Iterator[Article]:
        for i in itertools.count():
            pulled.append(i)
            yield Article(f"a{i}", TEXT)

    pipeline = make_pipeline(make_plugin("log", recording("log", log)))
    results = pipeline.analyze_many(corpus())
    assert pulled == [], "nothing is read before the first result is asked for"
    first_two = list(itertools.islice(results, 2))
    assert [r.article.id for r in first_two] == ["a0", "a1"]
    assert pulled == [0, 1]
    assert log == ["log:a0", "log:a1"]


def test_analysis_is_deterministic(make_pipeline: MakePipeline, seed: Article) -> None:
    first = make_pipeline().analyze(seed)
    assert make_pipeline().analyze(seed) == first, "a fresh pipeline gives the same result"
    pipeline = make_pipeline()
    assert pipeline.analyze(seed) == pipeline.analyze(seed) == first


def test_analyzers_share_the_article_layout(
    make_pipeline: MakePipeline, make_plugin: MakePlugin
) -> None:
    seen: list[object] = []

    def look(analysis: Analysis) -> Analysis:
        seen.append(analysis.layout)
        return analysis.evolve(
            statements=[
                *analysis.statements,
                Statement(f"x{len(seen)}", "assertion", [analysis.layout.body]),
            ]
        )

    pipeline = make_pipeline(
        make_plugin("one", Analyzer("one", look)), make_plugin("two", Analyzer("two", look))
    )
    result = pipeline.analyze(TEXT)
    assert len(seen) == 2
    assert seen[0] is seen[1] is result.layout, "the layout is computed once per article"


def test_a_pipeline_lists_its_analyzers_in_run_order(make_pipeline: MakePipeline) -> None:
    pipeline = make_pipeline()
    for analyzer in pipeline.analyzers:
        assert analyzer.plugin is not None, "each analyzer knows the plugin that gave it"
    assert pipeline.problems == []
    assert [p.name for p in pipeline.plugins] == [name for name, _ in BUILTIN_PLUGINS]
