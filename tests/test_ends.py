"""The learned content-end model (``newsclaims.analyzers.quotes.ends``): what it may move,
and that whatever it chooses stays a well-formed content."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from newsclaims import Analysis, Article, Pipeline, StatementKind
from newsclaims.analyzers.quotes.clauses import attributions
from newsclaims.analyzers.quotes.ends import choices, cut_ends, model
from newsclaims.analyzers.quotes.marks import find_quotes
from newsclaims.analyzers.quotes.units import units
from newsclaims.testing import texts

PIPELINE = Pipeline(autoload=False, environ={})


def _units(text: str):  # type: ignore[no-untyped-def]
    layout = Analysis(Article("t", text)).layout
    paragraphs = list(layout.body_paragraphs)
    return units(text, layout.sentences, find_quotes(text, paragraphs), paragraphs)


def _content(text: str) -> list[str]:
    a = PIPELINE.analyze(Article("t", text))
    return [
        " … ".join(text[c.start : c.end] for c in s.content)
        for s in a.statements
        if s.attribution is not None
    ]


def test_the_model_ships_with_its_boundary_words() -> None:
    m = model()
    assert len(m.table) > 1000
    # the commonest places where PolNeAR ends a content before the rules do
    assert {",", "in", "after"} <= m.boundaries
    assert "that" in m.starts


def test_an_adjunct_after_a_noun_phrase_content_is_left_out() -> None:
    # PolNeAR ends a noun-phrase content before a long "after ..." adjunct (the real
    # sentences are in test_quotes.py, "content-ends-...")
    text = (
        "Trump and Ryan pledged to work together despite their differences after a meeting"
        " Thursday aimed at unifying a party torn over Trump’s rise to the nomination."
    )
    assert _content(text) == ["to work together despite their differences"]


def test_a_that_clause_runs_to_the_end_of_its_sentence() -> None:
    text = "The senator said that the bill would pass in the House after a long debate."
    assert _content(text) == ["that the bill would pass in the House after a long debate"]


def test_the_rules_end_is_always_a_candidate_and_quotes_are_never_cut() -> None:
    text = 'Smith said the deal, which he called "a disaster for everyone," was dead in June.'
    m = model()
    for unit in _units(text):
        found = attributions(text, unit)
        for _, end, start in choices(unit, found, m):
            assert end.rule in end.candidates
            toks = end.words.toks
            for j in end.candidates:
                assert not any(q.span.start < toks[j].end < q.span.end for q in unit.quotes)
            assert start is None or start.first in start.candidates


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts())
def test_moved_contents_stay_inside_their_unit_and_clear_of_their_cue(text: str) -> None:
    for unit in _units(text):
        found = attributions(text, unit)
        cut_ends(text, unit, found)
        for f in found:
            for part in f.content:
                assert unit.span.start <= part.start < part.end <= unit.span.end
                assert text[part.start : part.end] == text[part.start : part.end].strip()
                if f.cue is not None:
                    assert not part.overlaps(f.cue)
            if f.kind is StatementKind.MIXED:
                assert any(p.contains(q.span) for p in f.content for q in unit.quotes)
