"""The layout of an article: sentences, paragraphs, headline, body and trailing boilerplate."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given

from newsclaims import Article, Span
from newsclaims.testing import articles
from newsclaims.text import Layout, sentences, tokens, trim


def split(text: str) -> list[str]:
    return [s.of(text) for s in sentences(text, Span(0, len(text)))]


def layout(text: str, title: str | None = None) -> Layout:
    return Layout(Article(id="t", text=text, title=title))


def test_trim_removes_surrounding_white_space_only() -> None:
    text = " \n\u00a0 Iran said. \t\n"
    assert trim(text, 0, len(text)).of(text) == "Iran said."
    assert trim("   ", 0, 3) == Span(3, 3)


# -- sentences ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iran denied it. The U.S. military said on Monday it had proof.",
            ["Iran denied it.", "The U.S. military said on Monday it had proof."],
        ),
        (
            "Leaders know, the U.S. military said. The U.S. military has long accused them.",
            ["Leaders know, the U.S. military said.", "The U.S. military has long accused them."],
        ),
        (
            # "U.S." ends the sentence when a common sentence opener follows it.
            "The accusations were made against the U.S. The military said so.",
            ["The accusations were made against the U.S.", "The military said so."],
        ),
        (
            "Military spokesman Gen. Kevin Bergner spoke. Mr. Smith agreed.",
            ["Military spokesman Gen. Kevin Bergner spoke.", "Mr. Smith agreed."],
        ),
        pytest.param(
            "Brigadier-Gen. Kevin Bergner and Brig. Gen. Dan Smith spoke.",
            ["Brigadier-Gen. Kevin Bergner and Brig. Gen. Dan Smith spoke."],
            id="hyphenated-and-short-ranks",
        ),
        ("Lt. Col. Dan Smith and Dr. Jones met.", ["Lt. Col. Dan Smith and Dr. Jones met."]),
        (
            "John F. Kennedy said so. He left at 5 p.m. and came back.",
            ["John F. Kennedy said so.", "He left at 5 p.m. and came back."],
        ),
        ("Is it true? Yes! It is… Maybe.", ["Is it true?", "Yes!", "It is…", "Maybe."]),
        (
            "Prices rose 3.5 percent in 2007. 20 people died.",
            ["Prices rose 3.5 percent in 2007.", "20 people died."],
        ),
        ("He wrote e.g. this. and that.", ["He wrote e.g. this. and that."]),
        # "No." numbers what follows it; before a word it is the answer "no"
        ("He is ranked No. 2 in the poll.", ["He is ranked No. 2 in the poll."]),
        (
            "The candidate said no. But he said bullying happens.",
            ["The candidate said no.", "But he said bullying happens."],
        ),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_sentence_ends_after_closing_quote() -> None:
    text = (
        "“Our intelligence reveals it,” he said. “We also understand.” "
        "Bergner said: “That would be hard to imagine.” “Is it?” she asked. Then he left."
    )
    assert split(text) == [
        "“Our intelligence reveals it,” he said.",
        "“We also understand.”",
        "Bergner said: “That would be hard to imagine.”",
        "“Is it?” she asked.",
        "Then he left.",
    ]


def test_quoted_question_inside_a_sentence_does_not_end_it() -> None:
    assert split("“Is it true?” he asked. No.") == ["“Is it true?” he asked.", "No."]


def test_sentences_stay_inside_the_given_span_and_are_trimmed() -> None:
    text = "Before. \n  One here. Two here.  \nAfter."
    inner = Span(8, 33)
    found = sentences(text, inner)
    assert [s.of(text) for s in found] == ["One here.", "Two here."]
    assert all(inner.contains(s) for s in found)


def test_no_sentences_in_white_space() -> None:
    assert sentences("   \n ", Span(0, 5)) == []


# -- tokens ------------------------------------------------------------------------------


def test_tokens_keep_abbreviations_numbers_and_inner_apostrophes() -> None:
    text = "The U.S. said 1,000.5 Shi’ite Brigadier-General's men (20-60) left."
    found = [t.text for t in tokens(text, Span(0, len(text)))]
    assert found == [
        "The", "U.S.", "said", "1,000.5", "Shi’ite", "Brigadier-General's", "men",
        "(", "20", "-", "60", ")", "left", ".",
    ]  # fmt: skip
    for t in tokens(text, Span(0, len(text))):
        assert text[t.start : t.end] == t.text
        assert t.lower == t.text.lower()
        assert t.span == Span(t.start, t.end)


def test_a_web_address_is_one_token_and_a_full_stop_before_a_word_is_not() -> None:
    text = "According to Politico.com, it ended.com is not a domain."
    found = [t.text for t in tokens(text, Span(0, len(text)))]
    assert found[:4] == ["According", "to", "Politico.com", ","]
    assert "ended.com" in found  # (a domain-shaped word: one token, as a reader sees it)
    assert found[-2:] == ["domain", "."]


# -- paragraphs, headline, body, boilerplate ---------------------------------------------


def test_paragraphs_are_separated_by_blank_lines() -> None:
    text = "First one.\nStill first\n\nSecond.\n \t \nThird.\r\n\r\nFourth."
    found = [p.of(text) for p in layout(text).paragraphs]
    assert found[0].startswith("First one.")
    assert found[-3:] == ["Second.", "Third.", "Fourth."]


def test_lines_are_paragraphs_when_there_are_no_blank_lines() -> None:
    text = "One paragraph.\nAnother paragraph.\n“A quote.”"
    found = [p.of(text) for p in layout(text).paragraphs]
    assert found == ["One paragraph.", "Another paragraph.", "“A quote.”"]


def test_empty_text_has_no_paragraphs() -> None:
    lay = layout("")
    assert lay.paragraphs == ()
    assert lay.sentences == ()
    assert lay.body == Span(0, 0)
    assert lay.headline is None


def test_headline_is_the_title_at_the_start_and_is_not_in_the_body(seed: Article) -> None:
    lay = Layout(seed)
    assert lay.headline is not None
    assert lay.headline.of(seed.text) == "Top Iran leaders aware of Qods Force in Iraq: U.S."
    assert lay.body.start > lay.headline.end
    assert seed.text[lay.body.start :].startswith("Senior Iranian leaders know")
    assert all(s.start >= lay.body.start for s in lay.sentences)


@pytest.mark.parametrize("title", [None, "", "A title that is not in the text"])
def test_no_headline_without_a_matching_title(title: str | None) -> None:
    text = "Iran denied it.\n\nThe U.S. said so."
    lay = layout(text, title)
    assert lay.headline is None
    assert lay.body == Span(0, len(text))


def test_boilerplate_at_the_end_is_cut_from_the_body(seed: Article) -> None:
    lay = Layout(seed)
    assert lay.boilerplate is not None
    assert seed.text[lay.boilerplate.start :].startswith("Check Also")
    assert lay.boilerplate.end == len(seed.text.rstrip())
    assert seed.text[: lay.body.end].endswith("killed scores of U.S. soldiers.")
    body_text = " ".join(s.of(seed.text) for s in lay.sentences)
    assert "sanctions" not in body_text
    assert "Check Also" not in body_text


@pytest.mark.parametrize(
    "heading", ["Related stories", "Read more:", "You may also like", "Advertisement"]
)
def test_other_boilerplate_headings(heading: str) -> None:
    text = "\n\n".join(
        ["Iran denied it.", "The U.S. said so.", "Officials agreed.", heading, "Another story"]
    )
    lay = layout(text)
    assert lay.boilerplate is not None
    assert lay.boilerplate.of(text) == f"{heading}\n\nAnother story"
    assert lay.body.of(text) == "Iran denied it.\n\nThe U.S. said so.\n\nOfficials agreed."


def test_a_heading_early_in_a_long_story_is_not_boilerplate() -> None:
    paragraphs = [
        "Lead.",
        "Second.",
        "Related",
        *[f"Paragraph {i} of the story." for i in range(9)],
    ]
    text = "\n\n".join(paragraphs)
    lay = layout(text)
    assert lay.boilerplate is None
    assert lay.body == Span(0, len(text))


def test_a_short_story_has_no_boilerplate() -> None:
    assert layout("Iran denied it.\n\nRelated stories").boilerplate is None


def test_sentence_lookups(seed: Article) -> None:
    lay = Layout(seed)
    text = seed.text
    quote = text.index("“Our intelligence")
    first, *_ = lay.sentences_in(Span(quote, quote + 5))
    assert first.of(text).startswith("“Our intelligence reveals")
    paragraph = lay.paragraph_of(quote)
    assert paragraph is not None
    assert paragraph.start == quote
    assert lay.paragraph_of(paragraph.end) is None, "the gap between paragraphs is in none"
    index = lay.sentence_index(quote)
    assert lay.sentences[index] == first
    both = list(lay.sentences_in(Span(quote, text.index("“We also") + 1)))
    assert len(both) == 2, "a span running into the next sentence overlaps both"


# -- properties --------------------------------------------------------------------------


@given(articles())
def test_layout_spans_lie_inside_the_text_in_order(article: Article) -> None:
    lay = Layout(article)
    text = article.text
    n = len(text)
    parts = [*lay.paragraphs, *lay.sentences, lay.body]
    parts += [p for p in (lay.headline, lay.boilerplate) if p is not None]
    for span in parts:
        assert 0 <= span.start <= span.end <= n
    for found in (lay.paragraphs, lay.sentences):
        for span in found:
            assert span.end > span.start
            assert span.of(text) == span.of(text).strip(), "trimmed"
        for before, after in pairwise(found):
            assert before.end <= after.start, "in order, without overlap"
    for s in lay.sentences:
        assert lay.body.contains(s)
