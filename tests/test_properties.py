"""Properties of the full default pipeline that must hold for any text, not only for news.

Any text, analysed: no exception and no analyzer failure, every span inside the text,
nothing about the article changed, the same result every time, a valid analysis, and a
JSON document that reads back into an equal analysis.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclaims import Analysis, Article, Hedge, Pipeline, Span, Statement
from newsclaims.serialize import from_dict, to_dict
from newsclaims.testing import analyses, articles, assert_valid, spans, texts

# The built-in analyzers, without whatever happens to be installed, and strict, so that an
# analyzer that fails on some text fails the property instead of becoming a Problem.
PIPELINE = Pipeline(autoload=False, strict=True, environ={})

# Analysing runs every analyzer; generated inputs are small, but timing varies by machine.
pipeline_settings = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

any_unicode = st.text(max_size=400)


def json_spans(value: Any) -> Iterator[dict[str, Any]]:
    """Every ``{"start", "end", "text"}`` object in a JSON document."""
    if isinstance(value, dict):
        if {"start", "end", "text"} <= value.keys():
            yield value
        for item in value.values():
            yield from json_spans(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_spans(item)


# -- the strategies themselves -----------------------------------------------------------


@given(st.data())
def test_spans_strategy_stays_inside_the_text(data: st.DataObject) -> None:
    text = data.draw(texts())
    span = data.draw(spans(text))
    assert 0 <= span.start <= span.end <= len(text)


@given(analyses())
def test_analyses_strategy_draws_valid_analyses(analysis: Analysis) -> None:
    assert_valid(analysis)


def test_assert_valid_lists_every_fault() -> None:
    analysis = Analysis(Article("a", "Iran denied it."))
    # Values are validated on construction; a user's check must also catch a value that
    # was forced past validation, as a buggy plugin could do.
    bad = Statement("s1", "direct", [Span(0, 99)], hedges=["h9"])
    object.__setattr__(analysis, "statements", (bad, bad))
    object.__setattr__(analysis, "hedges", (Hedge("h1", Span(0, 4), "x"),) * 2)
    with pytest.raises(AssertionError) as info:
        assert_valid(analysis)
    message = str(info.value)
    assert "statement s1.content[0]: [0, 99) is not inside the text (15)" in message
    assert "statement id 's1' is used twice" in message
    assert "hedge id 'h1' is used twice" in message
    assert "statement s1: refers to hedge 'h9', which does not exist" in message


# -- the pipeline on any text ------------------------------------------------------------


@pipeline_settings
@given(st.one_of(texts(), any_unicode))
def test_any_text_is_analysed_without_failure(text: str) -> None:
    result = PIPELINE.analyze(text)
    assert result.problems == ()
    assert result.text == text
    assert_valid(result)


@pipeline_settings
@given(articles())
def test_any_article_gives_a_valid_analysis_of_that_article(article: Article) -> None:
    result = PIPELINE.analyze(article)
    assert result.article is article, "the article is never modified or replaced"
    assert_valid(result)
    for where, span in result.spans():
        assert 0 <= span.start <= span.end <= len(article.text), where
    for statement in result.statements:
        for span in statement.content:
            assert span.end > span.start, f"statement {statement.id} has empty content"


@pipeline_settings
@given(articles())
def test_analysis_is_deterministic(article: Article) -> None:
    first = PIPELINE.analyze(article)
    assert PIPELINE.analyze(article) == first
    fresh = Pipeline(autoload=False, strict=True, environ={})
    assert fresh.analyze(article) == first


# -- JSON --------------------------------------------------------------------------------


@settings(deadline=None)
@given(analyses())
def test_json_round_trip_of_any_analysis(analysis: Analysis) -> None:
    assert from_dict(json.loads(json.dumps(to_dict(analysis)))) == analysis


@pipeline_settings
@given(articles())
def test_json_of_an_analysis_quotes_the_text_verbatim_and_round_trips(article: Article) -> None:
    result = PIPELINE.analyze(article)
    data = json.loads(json.dumps(to_dict(result)))
    for span in json_spans(data):
        assert span["text"] == article.text[span["start"] : span["end"]]
    assert from_dict(data) == result
