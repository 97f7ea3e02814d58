"""Analyzers and the order a pipeline runs them in."""

from __future__ import annotations

import pytest

from newsclaims import Analysis, Analyzer, PipelineError
from newsclaims.analyzer import order_analyzers


def nothing(analysis: Analysis) -> Analysis:
    return analysis


def a(name: str, needs: set[str] | None = None, provides: set[str] | None = None) -> Analyzer:
    return Analyzer(name, nothing, needs=needs or set(), provides=provides or set())


def order(*analyzers: Analyzer) -> tuple[list[str], list[tuple[str, str]]]:
    skipped: list[tuple[str, str]] = []
    ordered = order_analyzers(analyzers, lambda an, reason: skipped.append((an.name, reason)))
    return [an.name for an in ordered], skipped


# -- the Analyzer value ------------------------------------------------------------------


def test_analyzer_declares_capabilities_as_sets() -> None:
    analyzer = Analyzer("numbers", nothing, needs=["statements"], provides=("tags",))
    assert analyzer.needs == frozenset({"statements"})
    assert analyzer.provides == frozenset({"tags"})
    assert analyzer.plugin is None


@pytest.mark.parametrize("name", ["Quotes", "", "1st", "my analyzer", "é"])
def test_analyzer_name_is_a_lower_case_identifier(name: str) -> None:
    with pytest.raises(ValueError, match=r"Analyzer\.name: expected lower-case letters"):
        Analyzer(name, nothing)


@pytest.mark.parametrize("name", ["quotes", "my-plugin.numbers", "hedges_v2"])
def test_analyzer_names_allowed(name: str) -> None:
    assert Analyzer(name, nothing).name == name


def test_analyzer_needs_a_callable() -> None:
    with pytest.raises(TypeError, match=r"Analyzer\.analyze: expected a callable"):
        Analyzer("quotes", "analyze")  # type: ignore[arg-type]


def test_a_bare_string_is_not_a_set_of_capabilities() -> None:
    with pytest.raises(TypeError, match=r"Analyzer\.needs: expected a set of names"):
        Analyzer("numbers", nothing, needs="statements")
    with pytest.raises(TypeError, match=r"Analyzer\.provides: expected names"):
        Analyzer("numbers", nothing, provides=[1])  # type: ignore[list-item]


# -- ordering ----------------------------------------------------------------------------


def test_providers_run_before_what_needs_them() -> None:
    names, skipped = order(
        a("numbers", needs={"statements"}, provides={"tags"}),
        a("hedges", needs={"statements"}, provides={"hedges", "certainty"}),
        a("quotes", provides={"statements", "attribution"}),
    )
    assert names == ["quotes", "numbers", "hedges"]
    assert skipped == []


def test_registration_order_is_kept_among_analyzers_free_to_run() -> None:
    names, _ = order(a("c"), a("a"), a("b"), a("d", needs={"x"}), a("x", provides={"x"}))
    assert names == ["c", "a", "b", "x", "d"]


def test_an_analyzer_runs_after_every_provider_of_a_need() -> None:
    names, _ = order(
        a("report", needs={"entities"}),
        a("linker", provides={"entities"}),
        a("gazetteer", provides={"entities"}),
    )
    assert names == ["linker", "gazetteer", "report"]


def test_missing_needs_are_skipped_and_reported_with_their_dependents() -> None:
    names, skipped = order(
        a("quotes", provides={"statements"}),
        a("kb", needs={"wikidata"}, provides={"links"}),
        a("report", needs={"links", "statements"}),
        a("numbers", needs={"statements"}, provides={"tags"}),
    )
    assert names == ["quotes", "numbers"]
    assert skipped == [
        ("kb", "nothing provides what it needs (wikidata)"),
        ("report", "nothing provides what it needs (links)"),
    ]


def test_a_cycle_is_an_error_naming_the_analyzers() -> None:
    with pytest.raises(PipelineError, match="cycle: a, b, c"):
        order(
            a("a", needs={"z"}, provides={"x"}),
            a("b", needs={"x"}, provides={"y"}),
            a("c", needs={"y"}, provides={"z"}),
        )


def test_two_refiners_of_the_same_capability_run_in_registration_order() -> None:
    # Each needs what the other provides; that is refinement, not a cycle.
    names, skipped = order(
        a("numbers", needs={"statements"}, provides={"tags"}),
        a("merge", needs={"statements"}, provides={"statements"}),
        a("dedupe", needs={"statements"}, provides={"statements"}),
        a("quotes", provides={"statements"}),
    )
    assert names == ["quotes", "merge", "dedupe", "numbers"]
    assert skipped == []


def test_ordering_is_deterministic() -> None:
    analyzers = [
        a("quotes", provides={"statements"}),
        a("entities", provides={"entities"}),
        a("hedges", needs={"statements"}, provides={"hedges"}),
        a("speakers", needs={"statements", "entities"}, provides={"attribution"}),
    ]
    assert {tuple(order(*analyzers)[0]) for _ in range(5)} == {
        ("quotes", "entities", "hedges", "speakers")
    }
