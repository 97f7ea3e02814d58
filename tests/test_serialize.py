"""The newsclaims/1 JSON schema: shape, round trips, and errors that name the field."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings

from newsclaims.model import (
    Analysis,
    Article,
    Attribution,
    Entity,
    Hedge,
    Problem,
    Span,
    Speaker,
    Statement,
)
from newsclaims.serialize import (
    SCHEMA,
    SchemaError,
    article_from_record,
    from_dict,
    from_json,
    to_dict,
    to_json,
)
from newsclaims.testing import analyses

TEXT = "“We will win,” he said. Officials may disagree."


def example() -> Analysis:
    article = Article(id="a1", text=TEXT, title="Win", metadata={"section": "world"})
    return Analysis(
        article,
        statements=(
            Statement(
                id="s1",
                kind="direct",
                content=(Span(0, 14),),
                attribution=Attribution(
                    source=Span(15, 17),
                    cue=Span(18, 22),
                    speaker=Speaker(name="John Smith", kind="person", entity="e1"),
                    stance="neutral",
                ),
                entities=("e1",),
            ),
            Statement(
                id="s2",
                kind="assertion",
                content=(Span(24, 47),),
                hedges=("h1",),
                certainty="possible",
                tags=("opinion",),
            ),
        ),
        hedges=(Hedge(id="h1", cue=Span(34, 37), kind="epistemic", scope=Span(24, 46)),),
        entities=(
            Entity(
                id="e1", name="John Smith", type="PERSON", wikidata="Q1", mentions=[Span(15, 17)]
            ),
        ),
        problems=(Problem(analyzer="numbers", message="it broke", plugin="numbers"),),
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


def test_document_has_the_schema_shape() -> None:
    doc = to_dict(example())
    assert list(doc) == ["schema", "article", "statements", "hedges", "entities", "problems"]
    assert doc["schema"] == SCHEMA == "newsclaims/1"
    assert doc["article"] == {
        "id": "a1",
        "title": "Win",
        "url": None,
        "published": None,
        "outlet": None,
        "language": "en",
        "metadata": {"section": "world"},
        "text": TEXT,
    }
    s1, s2 = doc["statements"]
    assert s1 == {
        "id": "s1",
        "kind": "direct",
        "content": [{"start": 0, "end": 14, "text": "“We will win,”"}],
        "attribution": {
            "source": {"start": 15, "end": 17, "text": "he"},
            "cue": {"start": 18, "end": 22, "text": "said"},
            "speaker": {
                "name": "John Smith",
                "entity": "e1",
                "kind": "person",
                "role": None,
                "title": None,
            },
            "stance": "neutral",
        },
        "hedges": [],
        "certainty": "certain",
        "polarity": "positive",
        "entities": ["e1"],
        "tags": [],
    }
    assert s2["attribution"] is None
    assert s2["hedges"] == ["h1"]
    assert doc["hedges"] == [
        {
            "id": "h1",
            "cue": {"start": 34, "end": 37, "text": "may"},
            "kind": "epistemic",
            "scope": {"start": 24, "end": 46, "text": "Officials may disagree"},
            "holder": "source",
        }
    ]
    assert doc["entities"][0]["wikidata"] == "Q1"
    assert doc["problems"] == [{"analyzer": "numbers", "plugin": "numbers", "message": "it broke"}]


def test_example_round_trips() -> None:
    analysis = example()
    assert from_dict(to_dict(analysis)) == analysis
    assert from_json(to_json(analysis)) == analysis
    assert from_json(to_json(analysis, indent=2).encode("utf-8")) == analysis


def test_json_is_strict_utf8_with_characters_unescaped() -> None:
    text = to_json(example())
    assert "“We will win,”" in text
    assert json.loads(text)["schema"] == SCHEMA


@settings(deadline=None)
@given(analyses())
def test_json_round_trip_gives_an_equal_analysis(analysis: Analysis) -> None:
    assert from_json(to_json(analysis)) == analysis
    doc = to_dict(analysis)
    assert from_dict(doc) == analysis
    text = analysis.article.text
    for span in spans_in(doc["statements"]) + spans_in(doc["hedges"]) + spans_in(doc["entities"]):
        assert span["text"] == text[span["start"] : span["end"]]


def test_lone_surrogates_are_escaped_so_the_json_can_be_written_as_utf8() -> None:
    analysis = Analysis(Article(id="x", text="a\ud800b"))
    text = to_json(analysis)
    text.encode("utf-8")  # would raise if the surrogate were written raw
    assert from_json(text) == analysis


def test_metadata_that_json_cannot_hold_is_a_schema_error() -> None:
    analysis = Analysis(Article(id="x", text="t", metadata={"when": object()}))
    with pytest.raises(SchemaError, match=r"^article\.metadata: "):
        to_json(analysis)
    nan = Analysis(Article(id="x", text="t", metadata={"score": float("nan")}))
    with pytest.raises(SchemaError, match=r"^article\.metadata: "):
        to_json(nan)


def test_keys_the_schema_does_not_know_are_ignored() -> None:
    doc = to_dict(example())
    doc["generator"] = "newsclaims 9"
    doc["statements"][0]["score"] = 0.5
    assert from_dict(doc) == example()


def test_lists_may_be_left_out_and_span_text_is_optional() -> None:
    doc = {
        "schema": SCHEMA,
        "article": {"id": "a", "text": "He said so."},
        "statements": [{"id": "s1", "kind": "assertion", "content": [{"start": 0, "end": 11}]}],
    }
    analysis = from_dict(doc)
    assert analysis.statements[0].content == (Span(0, 11),)
    assert (analysis.hedges, analysis.entities, analysis.problems) == ((), (), ())


def broken(path: list[Any], value: Any) -> dict[str, Any]:
    """The example document with the value at ``path`` replaced (or deleted if ``...``)."""
    doc = to_dict(example())
    target: Any = doc
    for key in path[:-1]:
        target = target[key]
    if value is ...:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return doc


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (
            ["schema"],
            "newsclaims/2",
            "schema: expected 'newsclaims/1', got the string 'newsclaims/2'",
        ),
        (["schema"], ..., "schema: missing"),
        (["article"], ..., "article: missing"),
        (["article", "text"], ..., "article.text: missing"),
        (["article", "text"], 5, "article.text: expected a string, got the number 5"),
        (["article", "title"], ["x"], "article.title: expected a string or null, got a list"),
        (["article", "metadata"], [], "article.metadata: expected an object, got a list"),
        (["statements"], {}, "statements: expected a list, got an object"),
        (["statements", 1], "s2", "statements[1]: expected an object, got the string 's2'"),
        (
            ["statements", 1, "content", 0, "text"],
            "Officials may agree",
            "statements[1].content[0]: text does not match the article",
        ),
        (
            ["statements", 0, "content", 0, "end"],
            999,
            "statements[0].content[0]: [0, 999) is not a span of the article text",
        ),
        (
            ["statements", 0, "content", 0, "start"],
            "0",
            "statements[0].content[0].start: expected an integer, got the string '0'",
        ),
        (
            ["statements", 0, "content", 0, "start"],
            True,
            "statements[0].content[0].start: expected an integer, got true",
        ),
        (
            ["statements", 0, "kind"],
            "quote",
            "statements[0]: Statement.kind: 'quote' is not one of",
        ),
        (["statements", 0, "kind"], ..., "statements[0].kind: missing"),
        (
            ["statements", 0, "content"],
            [],
            "statements[0]: Statement.content: statement 's1' has no",
        ),
        (["statements", 1, "hedges", 0], "h9", "statements[1].hedges[0]: no hedge with id 'h9'"),
        (
            ["statements", 0, "entities"],
            ["e7"],
            "statements[0].entities[0]: no entity with id 'e7'",
        ),
        (
            ["statements", 0, "attribution", "speaker", "entity"],
            "e2",
            "statements[0].attribution.speaker.entity: no entity with id 'e2'",
        ),
        (
            ["statements", 0, "attribution", "speaker", "kind"],
            "alien",
            "statements[0].attribution.speaker.kind: Speaker.kind: 'alien' is not one of",
        ),
        (
            ["statements", 0, "attribution", "cue", "text"],
            "told",
            "statements[0].attribution.cue: text does not match the article",
        ),
        (["statements", 1, "id"], "s1", "statements[1].id: duplicate id 's1'"),
        (["hedges", 0, "holder"], "reader", "hedges[0]: Hedge.holder: 'reader' is not one of"),
        (["hedges", 0, "cue"], None, "hedges[0].cue: expected an object, got null"),
        (["entities", 0, "wikidata"], "794", "entities[0]: Entity.wikidata: expected a QID"),
        (
            ["entities", 0, "mentions", 0, "text"],
            "He",
            "entities[0].mentions[0]: text does not match the article",
        ),
        (["problems", 0, "message"], ..., "problems[0].message: missing"),
    ],
)
def test_errors_name_the_field_path(path: list[Any], value: Any, message: str) -> None:
    with pytest.raises(SchemaError) as info:
        from_dict(broken(path, value))
    assert str(info.value).startswith(message)


def test_an_assertion_with_an_attribution_is_rejected() -> None:
    doc = broken(["statements", 1, "attribution"], {"cue": None})
    with pytest.raises(SchemaError, match=r"^statements\[1\]: .*takes no attribution"):
        from_dict(doc)


def test_a_document_must_be_an_object() -> None:
    with pytest.raises(SchemaError, match="expected an object, got a list"):
        from_dict([])


def test_invalid_json_is_a_schema_error() -> None:
    with pytest.raises(SchemaError, match="not valid JSON"):
        from_json('{"schema": ')
    with pytest.raises(SchemaError, match="not valid JSON"):
        from_json(b"\xff")
    with pytest.raises(SchemaError, match="not valid JSON"):
        from_json("[" * 100_000)


# -- article records ------------------------------------------------------------------------


def test_record_fields_and_metadata() -> None:
    article = article_from_record(
        {
            "id": 42,
            "text": "Text.",
            "title": "T",
            "url": "https://x",
            "published": "2007-07-02",
            "outlet": "Reuters",
            "language": "en-GB",
            "section": "world",
            "tags": ["a"],
        },
        default_id="fallback",
    )
    assert article == Article(
        id="42",
        text="Text.",
        title="T",
        url="https://x",
        published="2007-07-02",
        outlet="Reuters",
        language="en-GB",
        metadata={"section": "world", "tags": ["a"]},
    )


def test_record_defaults() -> None:
    article = article_from_record(
        {"text": "", "title": None, "language": None}, default_id="corpus-3"
    )
    assert article == Article(id="corpus-3", text="")


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({}, "text: missing"),
        ({"text": None}, "text: expected a string, got null"),
        ({"text": ["a"]}, "text: expected a string, got a list"),
        ({"text": "t", "id": ""}, "id: must not be empty"),
        ({"text": "t", "id": True}, "id: expected a string, got true"),
        ({"text": "t", "id": 1.5}, "id: expected a string, got the number 1.5"),
        ({"text": "t", "title": 5}, "title: expected a string or null, got the number 5"),
        ({"text": "t", "published": 20070702}, "published: expected a string or null"),
        ({"text": "t", "language": 1}, "language: expected a string or null"),
        ("text", "record: expected an object, got the string 'text'"),
    ],
)
def test_bad_records_name_the_field(record: Any, message: str) -> None:
    with pytest.raises(SchemaError) as info:
        article_from_record(record, default_id="x")
    assert str(info.value).startswith(message)
