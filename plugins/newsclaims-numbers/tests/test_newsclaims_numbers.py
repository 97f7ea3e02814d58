"""Tests of the numbers plugin: what it tags, and that newsclaims finds and runs it."""

from __future__ import annotations

import doctest
import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from newsclaims import Analysis, Analyzer, Article, Pipeline, Span, Statement, hookimpl
from newsclaims.plugins import BUILTIN_PLUGINS
from newsclaims.testing import articles, assert_valid, texts

import newsclaims_numbers
from newsclaims_numbers import find_tags, tag_numbers


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("The deal is worth $5 million.", ("number", "money")),
        ("Siemens paid €3bn for the unit.", ("number", "money")),
        ("He was fined 200 dollars.", ("number", "money")),
        ("The club lost five million pounds last year.", ("number", "money")),
        ("Prices rose £2.5bn in a year.", ("number", "money")),
        ("They sent US$3 to each family.", ("number", "money")),
        ("Turnout fell 24 percent.", ("number", "percent")),
        ("Support stands at 43%.", ("number", "percent")),
        ("Unemployment is 7.5 per cent.", ("number", "percent")),
        ("Rates went up two percentage points.", ("number", "percent")),
        ("Between 20-60 militants were receiving training.", ("number",)),
        ("Three relatively small camps are close to Tehran.", ("number",)),
        ("The city has 1,200,000 residents.", ("number",)),
        ("It happened in 2007.", ("number",)),
        ("Two hundred and fifty soldiers arrived.", ("number",)),
        ("One million people marched.", ("number",)),
        ("It cost $5 million, or 24 percent of the budget.", ("number", "money", "percent")),
    ],
)
def test_tags_quantities(text: str, tags: tuple[str, ...]) -> None:
    assert find_tags(text) == tags


@pytest.mark.parametrize(
    "text",
    [
        "Senior Iranian leaders know about the operations of the Qods Force.",
        "One of the officials said nothing.",
        "No one was hurt.",
        "F-16 jets flew over the G20 summit.",
        "She finished 24th, often behind the leaders.",
        "Cases of COVID-19 were reported.",
        "",
    ],
)
def test_leaves_names_ordinals_and_lone_one_alone(text: str) -> None:
    assert find_tags(text) == ()


def test_docstring_example_runs() -> None:
    assert doctest.testmod(newsclaims_numbers).failed == 0


def test_reads_only_the_given_spans() -> None:
    text = "Three officials said the bridge would reopen."
    assert find_tags(text) == ("number",)
    assert find_tags(text, [Span(21, len(text))]) == ()


SEED = (
    "“Between 20-60 militants were receiving training,” he said. "
    "Three officials said the bridge would reopen. "
    "The contract is worth $5 million."
)


def _analysis(*contents: tuple[int, int], tags: tuple[str, ...] = ()) -> Analysis:
    statements = [
        Statement(f"s{i}", "assertion", [Span(*c)], tags=tags)
        for i, c in enumerate(contents, start=1)
    ]
    return Analysis(Article("seed", SEED), statements)


def test_tags_each_statement_by_its_content() -> None:
    quote = (1, SEED.index(",”"))
    bridge = (SEED.index("Three"), SEED.index(" The contract"))
    contract = (SEED.index("The contract"), len(SEED))
    result = tag_numbers(_analysis(quote, bridge, contract))
    assert [s.tags for s in result.statements] == [("number",), ("number",), ("number", "money")]


def test_keeps_existing_tags_and_is_idempotent() -> None:
    contract = (SEED.index("The contract"), len(SEED))
    once = tag_numbers(_analysis(contract, tags=("checked", "money")))
    assert once.statements[0].tags == ("checked", "money", "number")
    assert tag_numbers(once) == once


def test_returns_the_same_analysis_when_nothing_changes() -> None:
    analysis = _analysis((SEED.index("the bridge"), SEED.index(" The contract")))
    assert tag_numbers(analysis) is analysis


def test_is_linear_on_long_runs_of_number_words() -> None:
    # A backtracking pattern would take minutes here; one possessive pass takes milliseconds.
    for text in ("one and " * 20_000, "9," * 50_000 + "x", "US " * 50_000, "five-" * 40_000):
        find_tags(text)


def test_the_analyzer_declares_what_it_needs_and_provides() -> None:
    assert newsclaims_numbers.ANALYZER.name == "numbers"
    assert newsclaims_numbers.ANALYZER.needs == {"statements"}
    assert newsclaims_numbers.ANALYZER.provides == {"tags"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", newsclaims_numbers.__version__)


class SentenceStatements:
    """A stand-in for the built-in quote finder: every sentence is an assertion."""

    @hookimpl
    def newsclaims_register_analyzers(self, register: Callable[[Analyzer], None]) -> None:
        register(Analyzer("sentences", self.analyze, provides={"statements"}))

    @staticmethod
    def analyze(analysis: Analysis) -> Analysis:
        statements = [
            Statement(f"s{i}", "assertion", [span])
            for i, span in enumerate(analysis.layout.sentences, start=1)
        ]
        return analysis.evolve(statements=statements)


BUILTINS = [name for name, _ in BUILTIN_PLUGINS]  # only the stand-in finds statements


def test_runs_in_a_pipeline_after_the_statements() -> None:
    pipeline = Pipeline(
        plugins=[SentenceStatements(), newsclaims_numbers], autoload=False, disable=BUILTINS
    )
    assert [a.name for a in pipeline.analyzers] == ["sentences", "numbers"]
    result = pipeline.analyze(SEED)
    assert [s.tags for s in result.statements] == [("number",), ("number",), ("number", "money")]
    assert result.problems == ()


def _installed() -> bool:
    from importlib.metadata import entry_points

    return any(ep.name == "numbers" for ep in entry_points(group="newsclaims"))


needs_install = pytest.mark.skipif(
    not _installed(), reason="newsclaims-numbers is not installed (pip install -e .)"
)


@needs_install
def test_is_found_through_its_entry_point() -> None:
    pipeline = Pipeline(plugins=[SentenceStatements()], disable=BUILTINS, environ={})
    info = {p.name: p for p in pipeline.plugins}["numbers"]
    assert (info.version, info.builtin, info.analyzers) == ("0.1.0", False, ("numbers",))
    assert info.hooks == ("newsclaims_register_analyzers",)
    assert "money" in pipeline.analyze(SEED).statements[2].tags


@needs_install
@pytest.mark.parametrize(
    ("disable", "environ"),
    [(["numbers"], {}), ([], {"NEWSCLAIMS_DISABLE": "numbers"})],
    ids=["argument", "environment"],
)
def test_can_be_switched_off_by_name(disable: list[str], environ: dict[str, str]) -> None:
    pipeline = Pipeline(
        plugins=[SentenceStatements()], disable=[*BUILTINS, *disable], environ=environ
    )
    assert "numbers" not in [a.name for a in pipeline.analyzers]
    assert all(s.tags == () for s in pipeline.analyze(SEED).statements)


@settings(max_examples=60, deadline=None)
@given(texts())
def test_never_fails_on_any_text(text: str) -> None:
    find_tags(text)


PIPELINE = Pipeline(
    plugins=[SentenceStatements(), newsclaims_numbers],
    autoload=False,
    disable=BUILTINS,
    strict=True,
)


@settings(max_examples=60, deadline=None)
@given(articles())
def test_gives_a_valid_analysis_of_any_article(article: Article) -> None:
    result = PIPELINE.analyze(article)
    assert_valid(result)
    for s in result.statements:
        assert set(s.tags) <= {"number", "money", "percent"}
        assert ("money" in s.tags or "percent" in s.tags) <= ("number" in s.tags)
