"""The value types: what they accept, what they refuse, and how the refusal reads."""

from __future__ import annotations

import re

import attrs
import pytest

from newsclaims import (
    Analysis,
    Article,
    Attribution,
    Certainty,
    Entity,
    Hedge,
    HedgeHolder,
    Polarity,
    Problem,
    Span,
    Speaker,
    SpeakerKind,
    Statement,
    StatementKind,
)

TEXT = "“We will win,” Bergner said. Iran may deny it."
#       0123456789012345678901234567890123456789012345
WE_WILL_WIN = Span(1, 12)
BERGNER = Span(15, 22)
SAID = Span(23, 27)
MAY = Span(34, 37)
ARTICLE = Article(id="a1", text=TEXT)


def quote(**changes: object) -> Statement:
    values: dict[str, object] = {
        "id": "s1",
        "kind": "direct",
        "content": [WE_WILL_WIN],
        "attribution": Attribution(BERGNER, SAID, Speaker("Kevin Bergner", "person")),
    }
    values.update(changes)
    return Statement(**values)  # type: ignore[arg-type]


# -- Span --------------------------------------------------------------------------------


def test_span_is_a_half_open_interval_into_the_text() -> None:
    assert ARTICLE.text[WE_WILL_WIN.start : WE_WILL_WIN.end] == "We will win"
    assert WE_WILL_WIN.of(TEXT) == "We will win"
    assert len(WE_WILL_WIN) == 11
    assert len(Span(3, 3)) == 0


def test_span_relations() -> None:
    sentence = Span(0, 28)
    assert sentence.contains(WE_WILL_WIN)
    assert not WE_WILL_WIN.contains(sentence)
    assert sentence.overlaps(WE_WILL_WIN)
    assert not Span(0, 5).overlaps(Span(5, 9)), "half-open spans that touch do not overlap"
    assert 1 in WE_WILL_WIN
    assert 12 not in WE_WILL_WIN
    assert sorted([SAID, BERGNER, WE_WILL_WIN]) == [WE_WILL_WIN, BERGNER, SAID]


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [(-1, 2, "Span.start"), (5, 4, "Span.end")],
)
def test_span_refuses_bad_offsets_naming_the_field(start: int, end: int, field: str) -> None:
    with pytest.raises(ValueError, match=re.escape(field)):
        Span(start, end)


@pytest.mark.parametrize(("start", "end"), [("1", 2), (1.0, 2), (True, 2), (0, None)])
def test_span_refuses_non_integers(start: object, end: object) -> None:
    with pytest.raises(TypeError, match=r"Span\.(start|end): expected int"):
        Span(start, end)  # type: ignore[arg-type]


def test_values_are_frozen_and_hashable() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        WE_WILL_WIN.start = 0  # type: ignore[misc]
    assert len({Span(1, 2), Span(1, 2), Span(2, 3)}) == 2
    assert hash(quote()) == hash(quote())


# -- Article -----------------------------------------------------------------------------


def test_article_keeps_its_text_unmodified() -> None:
    text = "  Title\r\n\r\n\u00a0Body “quoted”\u200b  \n"
    assert Article(id="x", text=text).text is text


def test_article_needs_an_id() -> None:
    with pytest.raises(ValueError, match=r"Article\.id: must not be empty"):
        Article(id="", text="x")


@pytest.mark.parametrize("field", ["text", "title", "url", "published", "outlet"])
def test_article_refuses_non_strings_naming_the_field(field: str) -> None:
    values: dict[str, object] = {"id": "a", "text": "x", field: b"bytes"}
    with pytest.raises(TypeError, match=rf"Article\.{field}: expected str"):
        Article(**values)  # type: ignore[arg-type]


def test_article_metadata_is_read_only_and_compared() -> None:
    source = {"section": "world"}
    article = Article(id="a", text="x", metadata=source)
    source["section"] = "sport"
    assert article.metadata["section"] == "world"
    with pytest.raises(TypeError):
        article.metadata["section"] = "sport"  # type: ignore[index]
    assert article == Article(id="a", text="x", metadata={"section": "world"})
    assert article != Article(id="a", text="x")
    assert hash(article) == hash(Article(id="a", text="x", metadata={"other": 1}))


def test_article_refuses_metadata_that_is_not_a_mapping() -> None:
    with pytest.raises(TypeError, match="metadata: expected a mapping"):
        Article(id="a", text="x", metadata=[("section", "world")])


# -- vocabularies ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "field", "enum"),
    [
        (lambda v: quote(kind=v), "Statement.kind", StatementKind),
        (lambda v: quote(certainty=v), "Statement.certainty", Certainty),
        (lambda v: quote(polarity=v), "Statement.polarity", Polarity),
        (lambda v: Speaker("Bergner", kind=v), "Speaker.kind", SpeakerKind),
        (lambda v: Hedge("h1", MAY, "epistemic", holder=v), "Hedge.holder", HedgeHolder),
    ],
)
def test_wrong_vocabulary_value_lists_the_allowed_ones(
    make: object, field: str, enum: type[StatementKind]
) -> None:
    with pytest.raises(ValueError, match=re.escape(field)) as info:
        make("quotation")  # type: ignore[operator]
    message = str(info.value)
    assert "'quotation'" in message
    for member in enum:
        assert repr(member.value) in message


def test_vocabulary_fields_accept_strings_and_give_enums() -> None:
    s = quote(kind="mixed", certainty="possible", polarity="negative")
    assert s.kind is StatementKind.MIXED
    assert s.certainty is Certainty.POSSIBLE
    assert s.polarity is Polarity.NEGATIVE
    assert s.kind.value == "mixed"
    assert isinstance(s.kind, str), "the enums are string enums, equal to their JSON values"
    assert Speaker("x", "organization").kind is SpeakerKind.ORGANIZATION


# -- Statement ---------------------------------------------------------------------------


def test_statement_defaults_describe_a_plain_certain_claim() -> None:
    s = Statement("s1", "assertion", [Span(29, 45)])
    assert (s.certainty, s.polarity, s.attribution, s.speaker) == (
        Certainty.CERTAIN,
        Polarity.POSITIVE,
        None,
        None,
    )
    assert (s.hedges, s.entities, s.tags) == ((), (), ())


def test_statement_sequences_become_tuples() -> None:
    s = quote(content=[WE_WILL_WIN], hedges=["h1"], entities=iter(["e1"]), tags=["number"])
    assert s.content == (WE_WILL_WIN,)
    assert (s.hedges, s.entities, s.tags) == (("h1",), ("e1",), ("number",))


def test_statement_needs_content() -> None:
    with pytest.raises(ValueError, match=r"Statement\.content: statement 's1' has no content"):
        quote(content=[])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ([(1, 12)], r"Statement\.content\[0\]: expected Span"),
        ([WE_WILL_WIN, "We"], r"Statement\.content\[1\]: expected Span"),
        ("We will win", r"Statement\.content: expected a sequence, got str"),
        (WE_WILL_WIN, r"Statement\.content: expected a sequence, got Span"),
    ],
)
def test_statement_content_must_be_spans(content: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        quote(content=content)


def test_statement_tags_and_ids_must_be_strings() -> None:
    with pytest.raises(TypeError, match=r"Statement\.tags: expected a sequence, got str"):
        quote(tags="number")
    with pytest.raises(TypeError, match=r"Statement\.hedges\[0\]: expected str"):
        quote(hedges=[1])


def test_assertion_takes_no_attribution() -> None:
    with pytest.raises(ValueError, match=r"Statement\.attribution: assertion 's1'"):
        quote(kind="assertion")


def test_statement_extent_and_speaker() -> None:
    split = quote(content=[Span(1, 4), Span(8, 12)])
    assert split.extent == Span(1, 12)
    assert split.speaker == Speaker("Kevin Bergner", SpeakerKind.PERSON)


def test_attribution_may_have_no_source_or_cue() -> None:
    continued = Attribution(speaker=Speaker("Kevin Bergner", "person"))
    assert (continued.source, continued.cue) == (None, None)
    with pytest.raises(TypeError, match=r"Attribution\.cue: expected Span or None"):
        Attribution(cue=(23, 27))  # type: ignore[arg-type]


# -- Entity, Hedge, Problem --------------------------------------------------------------


def test_entity_wikidata_must_be_a_qid() -> None:
    assert Entity("e1", "Iran", "GPE", wikidata="Q794").wikidata == "Q794"
    for bad in ("794", "Q", "q794", "Q79x"):
        with pytest.raises(ValueError, match=r"Entity\.wikidata: expected a QID"):
            Entity("e1", "Iran", "GPE", wikidata=bad)


def test_entity_mentions_are_spans() -> None:
    assert Entity("e1", "Iran", "GPE", mentions=[Span(29, 33)]).mentions == (Span(29, 33),)
    with pytest.raises(TypeError, match=r"Entity\.mentions\[0\]: expected Span"):
        Entity("e1", "Iran", "GPE", mentions=[(29, 33)])


def test_hedge_and_problem_fields() -> None:
    h = Hedge("h1", MAY, "epistemic", scope=Span(34, 45))
    assert h.holder is HedgeHolder.SOURCE
    with pytest.raises(TypeError, match=r"Hedge\.cue: expected Span"):
        Hedge("h1", None, "epistemic")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"Problem\.message: expected str"):
        Problem("quotes", None)  # type: ignore[arg-type]


# -- Analysis ----------------------------------------------------------------------------


def full_analysis() -> Analysis:
    return Analysis(
        ARTICLE,
        statements=[
            quote(entities=["e1"]),
            Statement("s2", "assertion", [Span(29, 45)], hedges=["h1"], entities=["e2"]),
        ],
        hedges=[Hedge("h1", MAY, "epistemic", scope=Span(38, 45), holder="writer")],
        entities=[
            Entity("e1", "Kevin Bergner", "PERSON", mentions=[BERGNER]),
            Entity("e2", "Iran", "GPE", "Q794", mentions=[Span(29, 33)]),
        ],
    )


def test_analysis_of_a_consistent_result() -> None:
    a = full_analysis()
    assert a.text is TEXT
    assert a.text_of(a.statement("s1").content[0]) == "We will win"
    assert a.hedge("h1").kind == "epistemic"
    assert a.entity("e2").name == "Iran"
    assert [where for where, _ in a.spans()] == [
        "statement s1.content[0]",
        "statement s1.attribution.source",
        "statement s1.attribution.cue",
        "statement s2.content[0]",
        "hedge h1.cue",
        "hedge h1.scope",
        "entity e1.mentions[0]",
        "entity e2.mentions[0]",
    ]


def test_analysis_lookup_of_a_missing_id_raises_key_error() -> None:
    with pytest.raises(KeyError, match="no statement with id 's9'"):
        full_analysis().statement("s9")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"statements": [quote(content=[Span(40, 60)])]},
            r"statement s1\.content\[0\]: span \[40, 60\) runs past the end of the text "
            r"\(46 characters\)",
        ),
        (
            {"hedges": [Hedge("h1", Span(34, 47), "epistemic")]},
            r"hedge h1\.cue: span \[34, 47\) runs past the end",
        ),
        (
            {"entities": [Entity("e1", "Iran", "GPE", mentions=[Span(50, 54)])]},
            r"entity e1\.mentions\[0\]: span \[50, 54\) runs past the end",
        ),
    ],
)
def test_analysis_refuses_spans_outside_the_text(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Analysis(ARTICLE, **changes)


@pytest.mark.parametrize(
    ("statement", "message"),
    [
        (quote(hedges=["h7"]), r"statement s1\.hedges: no hedge with id 'h7'"),
        (quote(entities=["e7"]), r"statement s1\.entities: no entity with id 'e7'"),
        (
            quote(attribution=Attribution(speaker=Speaker("Bergner", entity="e7"))),
            r"statement s1\.attribution\.speaker\.entity: no entity with id 'e7'",
        ),
    ],
)
def test_analysis_refuses_dangling_ids(statement: Statement, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Analysis(ARTICLE, statements=[statement])


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"statements": [quote(), quote()]}, "Analysis.statements"),
        ({"hedges": [Hedge("h1", MAY, "x"), Hedge("h1", MAY, "y")]}, "Analysis.hedges"),
        ({"entities": [Entity("e1", "a", "X"), Entity("e1", "b", "Y")]}, "Analysis.entities"),
    ],
)
def test_analysis_refuses_duplicate_ids(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValueError, match=rf"{re.escape(field)}: duplicate id"):
        Analysis(ARTICLE, **changes)


def test_evolve_validates_again() -> None:
    a = full_analysis()
    with pytest.raises(ValueError, match="no entity with id 'e1'"):
        a.evolve(entities=[])
    assert a.evolve(problems=[Problem("hedges", "boom")]).problems == (Problem("hedges", "boom"),)


def test_layout_is_shared_and_not_part_of_equality() -> None:
    a = full_analysis()
    evolved = a.evolve(problems=[])
    assert evolved.layout is a.layout, "analyzers of one pipeline share one layout"
    assert a == full_analysis()
    assert a.layout is not full_analysis().layout
    assert "layout" not in repr(a)
