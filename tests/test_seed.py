"""The seed article end to end: what ../shared/seeds-expected.md says a correct analysis holds.

Statements are found by what a reader would look for (a piece of their content), never by
position, so the test checks the analysis, not the order the finder happens to emit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsclaims import Analysis, Pipeline, Statement
from newsclaims.readers import read

SEED = Path(__file__).parent.parent / "seeds" / "000_a7f89c861a905037.txt"


@pytest.fixture(scope="module")
def seed() -> Analysis:
    (article,) = list(read(SEED))
    return Pipeline(autoload=False, strict=True).analyze(article)


def find(analysis: Analysis, fragment: str) -> Statement:
    """The one attributed statement whose content contains ``fragment``."""
    hits = [
        s
        for s in analysis.statements
        if s.attribution is not None
        and any(fragment in analysis.text_of(span) for span in s.content)
    ]
    assert len(hits) == 1, f"{len(hits)} attributed statements contain {fragment!r}"
    return hits[0]


def cue(analysis: Analysis, s: Statement) -> str | None:
    assert s.attribution is not None
    return analysis.text_of(s.attribution.cue) if s.attribution.cue else None


def source(analysis: Analysis, s: Statement) -> str | None:
    assert s.attribution is not None
    return analysis.text_of(s.attribution.source) if s.attribution.source else None


# (content fragment, kind, source words, cue words, speaker name, speaker kind)
EXPECTED = [
    ("Top Iran leaders aware of Qods Force in Iraq", "indirect", "U.S.", ":", "U.S.", "organization"),
    ("Senior Iranian leaders know", "indirect", "the U.S. military", "said", "U.S. military", "organization"),
    ("of arming and training Iraqi", "indirect", "The U.S. military", "has long accused", "U.S. military", "organization"),
    ("Our intelligence reveals", "direct", "military spokesman Brigadier-General Kevin Bergner", "told", "Kevin Bergner", "person"),
    ("We also understand", "direct", None, None, "Kevin Bergner", "person"),
    ("it is a wing of Iran", "indirect", "Military experts and some exiled Iranians", "say", "Military experts and some exiled Iranians", "group"),
    ("it reports directly to Iran", "indirect", "They", "say", "Military experts and some exiled Iranians", "group"),
    ("That would be hard to imagine.", "direct", "Bergner", "said", "Kevin Bergner", "person"),
    ("the Qods Force was working with", "indirect", "Bergner", "also said", "Kevin Bergner", "person"),
    ("the United States had discovered", "indirect", "He", "said", "Kevin Bergner", "person"),
    ("Between 20-60 militants", "indirect", "he", "said", "Kevin Bergner", "person"),
    ("had done little to help", "indirect", "Bergner", "said", "Kevin Bergner", "person"),
    ("We have not seen the demonstrable", "direct", "Bergner", "said", "Kevin Bergner", "person"),
    ("are Iranian-made rockets", "indirect", "it", "says", "U.S. military", "organization"),
    ("the bombs have killed scores", "indirect", "The military", "says", "U.S. military", "organization"),
]


@pytest.mark.parametrize(("fragment", "kind", "src", "cue_words", "name", "speaker_kind"), EXPECTED)
def test_attributed_statement(
    seed: Analysis,
    fragment: str,
    kind: str,
    src: str | None,
    cue_words: str | None,
    name: str,
    speaker_kind: str,
) -> None:
    s = find(seed, fragment)
    assert s.kind.value == kind
    assert source(seed, s) == src
    assert cue(seed, s) == cue_words
    assert s.speaker is not None
    assert s.speaker.name == name
    assert s.speaker.kind.value == speaker_kind


def test_exactly_fifteen_attributed_statements(seed: Analysis) -> None:
    attributed = [s for s in seed.statements if s.attribution is not None]
    assert len(attributed) == 15


def test_speaker_role_and_title_are_split_from_the_name(seed: Analysis) -> None:
    s = find(seed, "Our intelligence reveals")
    assert s.speaker is not None
    assert (s.speaker.role, s.speaker.title) == ("military spokesman", "Brigadier-General")


def test_time_and_setting_are_not_content(seed: Analysis) -> None:
    s = find(seed, "Senior Iranian leaders know")
    assert seed.text_of(s.content[0]).endswith("violence in Iraq")
    s = find(seed, "Our intelligence reveals")
    assert "news conference" not in seed.text_of(s.content[0])


def test_accusation_stance(seed: Analysis) -> None:
    s = find(seed, "of arming and training Iraqi")
    assert s.attribution is not None
    assert s.attribution.stance == "accusation"


def test_stray_quote_mark_opens_nothing(seed: Analysis) -> None:
    s = find(seed, "had done little to help")
    assert seed.text_of(s.content[0]).startswith("Iran")


def test_writer_assertions(seed: Analysis) -> None:
    assertions = [seed.text_of(s.content[0]) for s in seed.statements if s.kind.value == "assertion"]
    assert assertions == [
        "Iran does not officially acknowledge the existence of the Qods Force.",
        "The Revolutionary Guards have a separate command structure to Iran’s regular military.",
        "The U.S. military has previously displayed what it says are Iranian-made rockets, "
        "mortars and roadside bombs seized in Iraq.",
    ]


def test_boilerplate_produces_nothing(seed: Analysis) -> None:
    start = seed.text.index("Check Also")
    assert all(span.end <= start for _, span in seed.spans())


def test_spans_are_verbatim_offsets(seed: Analysis) -> None:
    for where, span in seed.spans():
        assert 0 <= span.start <= span.end <= len(seed.text), where
