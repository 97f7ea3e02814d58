"""Writers: one JSON document, JSON Lines with error records, and the terminal table."""

from __future__ import annotations

import io
import json

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
from newsclaims.readers import ReadError
from newsclaims.serialize import SCHEMA, from_dict, from_json
from newsclaims.testing import analyses
from newsclaims.writers import format_table, write_json, write_jsonl

TEXT = (
    "Bridge to reopen\n\n"
    "“The bridge will reopen in May,” transport minister Jane Doe said on Monday. "
    "Engineers believe repairs could take longer than planned, with costs possibly "
    "doubling as inspections continue across the whole structure."
)


def example() -> Analysis:
    def at(words: str) -> Span:
        start = TEXT.index(words)
        return Span(start, start + len(words))

    return Analysis(
        Article(id="bridge", text=TEXT, title="Bridge to reopen"),
        statements=(
            Statement(
                id="s1",
                kind="direct",
                content=(at("“The bridge will reopen in May,”"),),
                attribution=Attribution(
                    source=at("transport minister Jane Doe"),
                    cue=at("said"),
                    speaker=Speaker(name="Jane Doe", kind="person", entity="e1"),
                    stance="neutral",
                ),
                entities=("e1",),
            ),
            Statement(
                id="s2",
                kind="indirect",
                content=(Span(TEXT.index("repairs"), len(TEXT) - 1),),
                attribution=Attribution(
                    source=at("Engineers"),
                    cue=at("believe"),
                    speaker=Speaker(name="Engineers", kind="group"),
                ),
                hedges=("h1",),
                certainty="possible",
                polarity="negative",
            ),
        ),
        hedges=(Hedge(id="h1", cue=at("could"), kind="epistemic", scope=at("take longer")),),
        entities=(
            Entity(id="e1", name="Jane Doe", type="PERSON", wikidata="Q42", mentions=[at("Jane")]),
            Entity(id="e2", name="Monday", type="DATE"),
        ),
        problems=(Problem(analyzer="numbers", plugin="numbers", message="boom\nsecond line"),),
    )


def test_write_json_is_one_indented_document() -> None:
    out = io.StringIO()
    write_json(example(), out)
    text = out.getvalue()
    assert text.endswith("}\n")
    assert text.startswith('{\n  "schema": "newsclaims/1"')
    assert "“The bridge" in text  # not \u-escaped
    assert from_json(text) == example()


def test_write_jsonl_one_line_per_record_with_error_records() -> None:
    error = ReadError("corpus.jsonl", 3, "text: missing", id="x7")
    out = io.StringIO()
    errors = write_jsonl([example(), error, example()], out)
    assert errors == 1
    lines = out.getvalue().split("\n")
    assert lines[-1] == ""
    assert len(lines) == 4
    assert from_dict(json.loads(lines[0])) == example()
    assert json.loads(lines[1]) == {
        "schema": SCHEMA,
        "article": {"id": "x7"},
        "error": {"path": "corpus.jsonl", "line": 3, "reason": "text: missing"},
    }
    assert from_json(lines[2]) == example()


def test_write_jsonl_of_nothing_writes_nothing() -> None:
    out = io.StringIO()
    assert write_jsonl([], out) == 0
    assert out.getvalue() == ""


def test_table_shows_statements_hedges_entities_and_problems() -> None:
    table = format_table(example())
    lines = table.splitlines()
    assert lines[0] == "bridge: Bridge to reopen"
    assert lines[1] == "2 statements, 1 hedges, 2 entities"
    s1 = next(line for line in lines if line.startswith("s1 "))
    for part in ("direct", "Jane Doe (person)", "said", "certain", "pos", "“The bridge will"):
        assert part in s1
    s2 = next(line for line in lines if line.startswith("s2 "))
    for part in ("indirect", "Engineers (group)", "believe", "possible", "neg"):
        assert part in s2
    h1 = next(line for line in lines if line.startswith("h1 "))
    for part in ("epistemic", "source", "could", "take longer"):
        assert part in h1
    e1 = next(line for line in lines if line.startswith("e1 "))
    assert e1.split()[-3:] == ["PERSON", "Q42", "1"]
    e2 = next(line for line in lines if line.startswith("e2 "))
    assert e2.split()[-3:] == ["DATE", "-", "0"]
    assert "problem: numbers (plugin numbers): boom second line" in lines


def test_table_shortens_content_to_the_width() -> None:
    table = format_table(example(), width=100)
    s2 = next(line for line in table.splitlines() if line.startswith("s2 "))
    assert s2.endswith("…")
    assert len(s2) <= 100
    assert all(len(line) <= 100 for line in table.splitlines())


def test_table_writer_statements_and_control_characters() -> None:
    text = "Plain fact.\x1b[31m Red\x07 text."
    analysis = Analysis(
        Article(id="c", text=text),
        statements=(Statement(id="s1", kind="assertion", content=(Span(0, len(text)),)),),
    )
    table = format_table(analysis)
    assert "\x1b" not in table
    assert "\x07" not in table
    row = table.splitlines()[-1]
    assert "(writer)" in row
    assert "Plain fact. [31m Red text." in row
    assert (
        format_table(Analysis(Article(id="e", text="")))
        == "e\n0 statements, 0 hedges, 0 entities\n"
    )


@settings(deadline=None)
@given(analyses())
def test_table_and_jsonl_never_fail(analysis: Analysis) -> None:
    table = format_table(analysis, width=80)
    assert table.endswith("\n")
    out = io.StringIO()
    write_jsonl([analysis], out)
    assert out.getvalue().count("\n") == 1
    assert from_json(out.getvalue()) == analysis
