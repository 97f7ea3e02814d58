"""The plugin host: built-ins, entry points, inline plugins, failures and switching off."""

from __future__ import annotations

import importlib.metadata
import sys
from collections.abc import Callable
from importlib.metadata import EntryPoint
from types import ModuleType

import attrs
import pytest

from newsclaims import (
    Analysis,
    Analyzer,
    Article,
    Pipeline,
    PipelineError,
    Problem,
    Span,
    Statement,
    hookimpl,
    hookspecs,
)
from newsclaims.plugins import BUILTIN_PLUGINS, ENTRY_POINT_GROUP, hook_names

MakePipeline = Callable[..., Pipeline]
MakePlugin = Callable[..., ModuleType]

BUILTINS = [name for name, _ in BUILTIN_PLUGINS]
TEXT = "The minister said the bridge would reopen in May. It cost $5 million."


def sentences_as_assertions(analysis: Analysis) -> Analysis:
    statements = [
        Statement(f"s{i}", "assertion", [span])
        for i, span in enumerate(analysis.layout.sentences, start=1)
    ]
    return analysis.evolve(statements=statements)


SENTENCES = Analyzer("sentences", sentences_as_assertions, provides={"statements"})


class Shouting:
    """An inline plugin, as a user would write one in a script or a notebook."""

    @hookimpl
    def newsclaims_register_analyzers(self, register: Callable[[Analyzer], None]) -> None:
        register(Analyzer("shout", self.tag, needs={"statements"}, provides={"tags"}))

    @staticmethod
    def tag(analysis: Analysis) -> Analysis:
        statements = [
            attrs.evolve(s, tags=(*s.tags, "shouting"))
            if analysis.text_of(s.content[0]).isupper()
            else s
            for s in analysis.statements
        ]
        return analysis.evolve(statements=statements)


def passthrough(analysis: Analysis) -> Analysis:
    return analysis


def fails(analysis: Analysis) -> Analysis:
    raise ZeroDivisionError("division by zero in the middle of an article")


# -- the built-ins -----------------------------------------------------------------------


def test_built_ins_are_plugins_listed_first(make_pipeline: MakePipeline) -> None:
    plugins = make_pipeline().plugins
    assert [p.name for p in plugins] == BUILTINS
    assert all(p.builtin and p.version is None and not p.disabled for p in plugins)
    assert all("newsclaims_register_analyzers" in p.hooks for p in plugins)


def test_every_hook_is_named_for_newsclaims_and_documented() -> None:
    assert hook_names()
    for name in hook_names():
        doc = getattr(hookspecs, name).__doc__ or ""
        assert len(doc.split()) > 20, f"{name} needs a docstring saying when it is called"


def test_each_pipeline_has_its_own_plugin_manager(make_pipeline: MakePipeline) -> None:
    assert make_pipeline().host.pm is not make_pipeline().host.pm


# -- inline plugins ----------------------------------------------------------------------


def test_inline_plugin_object(make_pipeline: MakePipeline, make_plugin: MakePlugin) -> None:
    pipeline = make_pipeline(make_plugin("sentences", SENTENCES), Shouting(), disable=BUILTINS)
    assert [(a.name, a.plugin) for a in pipeline.analyzers] == [
        ("sentences", "sentences"),
        ("shout", "Shouting-1"),
    ]
    listed = {p.name: p for p in pipeline.plugins}
    assert listed["Shouting-1"].analyzers == ("shout",)
    assert not listed["Shouting-1"].builtin

    result = pipeline.analyze("Calm words here.\n\nIRAN DENIED IT.")
    assert [(result.text_of(s.content[0]), s.tags) for s in result.statements] == [
        ("Calm words here.", ()),
        ("IRAN DENIED IT.", ("shouting",)),
    ]
    assert result.problems == ()


def test_register_accepts_only_analyzers(make_pipeline: MakePipeline) -> None:
    class Sloppy:
        @hookimpl
        def newsclaims_register_analyzers(self, register: Callable[[object], None]) -> None:
            register(passthrough)

    pipeline = make_pipeline(Sloppy())
    assert pipeline.problems == [
        (
            "Sloppy-0",
            "newsclaims_register_analyzers raised TypeError: register() expects an Analyzer, "
            f"got {passthrough!r}",
        )
    ]


# -- the example package, through its real entry point -----------------------------------


def _numbers_installed() -> bool:
    return any(ep.name == "numbers" for ep in importlib.metadata.entry_points(group="newsclaims"))


needs_numbers = pytest.mark.skipif(
    not _numbers_installed(),
    reason="newsclaims-numbers is not installed: pip install -e plugins/newsclaims-numbers",
)


@needs_numbers
def test_example_plugin_is_found_through_its_entry_point(
    make_pipeline: MakePipeline, make_plugin: MakePlugin
) -> None:
    pipeline = make_pipeline(make_plugin("sentences", SENTENCES), autoload=True, disable=BUILTINS)
    numbers = {p.name: p for p in pipeline.plugins}["numbers"]
    version = importlib.metadata.version("newsclaims-numbers")
    assert (numbers.version, numbers.builtin, numbers.analyzers) == (version, False, ("numbers",))
    assert [a.name for a in pipeline.analyzers] == ["sentences", "numbers"]
    result = pipeline.analyze(TEXT)
    assert [s.tags for s in result.statements] == [(), ("number", "money")]


@needs_numbers
def test_example_plugin_is_listed_by_a_default_pipeline() -> None:
    names = [p.name for p in Pipeline(environ={}).plugins]
    assert names[: len(BUILTINS)] == BUILTINS
    assert "numbers" in names


@needs_numbers
@pytest.mark.parametrize(
    ("disable", "environ"),
    [
        (["numbers"], {}),
        ([], {"NEWSCLAIMS_DISABLE": "numbers"}),
        ([], {"NEWSCLAIMS_DISABLE": "hedges, numbers"}),
    ],
    ids=["argument", "environment", "environment-list"],
)
def test_entry_point_plugin_switched_off_by_name(
    disable: list[str], environ: dict[str, str]
) -> None:
    pipeline = Pipeline(disable=disable, environ=environ)
    [numbers] = [p for p in pipeline.plugins if p.name == "numbers"]
    assert numbers.disabled
    assert "numbers" not in [a.name for a in pipeline.analyzers]
    assert pipeline.problems == []


@needs_numbers
@pytest.mark.parametrize("value", ["1", "true", "yes"])
def test_autoload_switched_off_by_environment(value: str) -> None:
    pipeline = Pipeline(environ={"NEWSCLAIMS_DISABLE_PLUGIN_AUTOLOAD": value})
    assert [p.name for p in pipeline.plugins] == BUILTINS


def test_autoload_off_still_takes_explicit_plugins(make_plugin: MakePlugin) -> None:
    pipeline = Pipeline(
        plugins=[make_plugin("mine", SENTENCES)],
        environ={"NEWSCLAIMS_DISABLE_PLUGIN_AUTOLOAD": "1"},
    )
    assert [p.name for p in pipeline.plugins] == [*BUILTINS, "mine"]


# -- entry points that go wrong ----------------------------------------------------------


@pytest.fixture
def fake_entry_points(
    monkeypatch: pytest.MonkeyPatch, make_plugin: MakePlugin
) -> Callable[..., None]:
    """Replace the installed ``newsclaims`` entry points with ``name=value`` pairs.

    The module ``newsclaims_fake_plugin`` can be imported and registers one analyzer.
    """
    fake = make_plugin("newsclaims_fake_plugin", Analyzer("fake", passthrough))
    monkeypatch.setitem(sys.modules, "newsclaims_fake_plugin", fake)

    def install(**points: str) -> None:
        eps = importlib.metadata.EntryPoints(
            EntryPoint(name, value, ENTRY_POINT_GROUP) for name, value in points.items()
        )

        def entry_points(**params: str) -> importlib.metadata.EntryPoints:
            assert params == {"group": ENTRY_POINT_GROUP}
            return eps

        monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)

    return install


def test_a_broken_entry_point_is_reported_and_the_others_load(
    fake_entry_points: Callable[..., None],
) -> None:
    fake_entry_points(broken="newsclaims_no_such_module", good="newsclaims_fake_plugin")
    pipeline = Pipeline(environ={})
    assert [p.name for p in pipeline.plugins] == [*BUILTINS, "good"]
    [(plugin, message)] = pipeline.problems
    assert plugin == "broken"
    assert message.startswith("failed to load: ModuleNotFoundError")


def test_a_broken_entry_point_is_fatal_in_strict_mode(
    fake_entry_points: Callable[..., None],
) -> None:
    fake_entry_points(broken="newsclaims_no_such_module")
    with pytest.raises(PipelineError, match="plugin broken: failed to load"):
        Pipeline(environ={}, strict=True)


def test_an_entry_point_may_not_take_a_built_in_name(
    fake_entry_points: Callable[..., None],
) -> None:
    fake_entry_points(quotes="newsclaims_fake_plugin")
    pipeline = Pipeline(environ={})
    assert pipeline.problems == [
        ("quotes", "entry point newsclaims_fake_plugin clashes with a built-in plugin")
    ]


def test_no_entry_points_are_loaded_when_autoload_is_off(
    fake_entry_points: Callable[..., None],
) -> None:
    fake_entry_points(broken="newsclaims_no_such_module")
    assert Pipeline(environ={"NEWSCLAIMS_DISABLE_PLUGIN_AUTOLOAD": "1"}).problems == []
    assert Pipeline(autoload=False, environ={}).problems == []


# -- plugins that fail -------------------------------------------------------------------


class RaisesOnRegister:
    @hookimpl
    def newsclaims_register_analyzers(self, register: Callable[[Analyzer], None]) -> None:
        register(Analyzer("half", passthrough))
        raise RuntimeError("cannot find my lexicon")


def test_plugin_whose_register_hook_raises_is_reported_and_others_go_on(
    make_pipeline: MakePipeline, make_plugin: MakePlugin
) -> None:
    pipeline = make_pipeline(RaisesOnRegister(), make_plugin("sentences", SENTENCES))
    assert pipeline.problems == [
        (
            "RaisesOnRegister-0",
            "newsclaims_register_analyzers raised RuntimeError: cannot find my lexicon",
        )
    ]
    names = [a.name for a in pipeline.analyzers]
    assert "sentences" in names
    assert "half" not in names, "what the plugin registered before failing is dropped"
    assert pipeline.analyze(TEXT).statements


def test_plugin_whose_register_hook_raises_is_fatal_in_strict_mode(
    make_pipeline: MakePipeline,
) -> None:
    with pytest.raises(PipelineError, match=r"RaisesOnRegister-0: .*cannot find my lexicon"):
        make_pipeline(RaisesOnRegister(), strict=True)


def test_analyzer_that_raises_loses_only_its_own_contribution(
    make_pipeline: MakePipeline, make_plugin: MakePlugin
) -> None:
    pipeline = make_pipeline(
        make_plugin("sentences", SENTENCES),
        make_plugin("fragile", Analyzer("fragile", fails, needs={"statements"})),
        Shouting(),
        disable=BUILTINS,
    )
    result = pipeline.analyze("IRAN DENIED IT. Calm words.")
    assert result.problems == (
        Problem(
            analyzer="fragile",
            plugin="fragile",
            message="ZeroDivisionError: division by zero in the middle of an article",
        ),
    )
    assert [s.tags for s in result.statements] == [("shouting",), ()], "the rest stands"
    assert pipeline.problems == [], "a failure on one article is not a plugin problem"


def test_analyzer_that_raises_is_fatal_in_strict_mode(
    make_pipeline: MakePipeline, make_plugin: MakePlugin
) -> None:
    pipeline = make_pipeline(make_plugin("fragile", Analyzer("fragile", fails)), strict=True)
    with pytest.raises(PipelineError, match=r"analyzer fragile failed on article text-\w+: "):
        pipeline.analyze(TEXT)


@pytest.mark.parametrize(
    ("analyze", "message"),
    [
        (lambda analysis: None, "TypeError: returned NoneType, not an Analysis"),
        (
            lambda analysis: Analysis(Article(id="other", text=analysis.text)),
            "ValueError: changed the article",
        ),
        (
            lambda analysis: analysis.evolve(
                statements=[Statement("s1", "assertion", [Span(0, 10_000)])]
            ),
            "ValueError: statement s1.content[0]: span [0, 10000) runs past the end",
        ),
    ],
    ids=["returns-none", "changes-article", "span-outside-text"],
)
def test_analyzer_must_return_a_valid_analysis_of_the_same_article(
    make_pipeline: MakePipeline,
    make_plugin: MakePlugin,
    analyze: Callable[[Analysis], Analysis],
    message: str,
) -> None:
    pipeline = make_pipeline(make_plugin("bad", Analyzer("bad", analyze)))
    [problem] = pipeline.analyze(TEXT).problems
    assert problem.analyzer == "bad"
    assert problem.message.startswith(message)


def test_misspelt_hook_is_reported_by_check_pending(make_pipeline: MakePipeline) -> None:
    class Misspelt:
        @hookimpl
        def newsclaims_register_analyser(self, register: Callable[[Analyzer], None]) -> None:
            raise AssertionError("never called")

    pipeline = make_pipeline(Misspelt())
    [(plugin, message)] = pipeline.problems
    assert plugin == "Misspelt-0"
    assert "unknown hook 'newsclaims_register_analyser'" in message
    with pytest.raises(PipelineError, match="unknown hook 'newsclaims_register_analyser'"):
        make_pipeline(Misspelt(), strict=True)


def test_duplicate_analyzer_name_keeps_the_first(
    make_pipeline: MakePipeline, make_plugin: MakePlugin
) -> None:
    pipeline = make_pipeline(
        make_plugin("first", SENTENCES),
        make_plugin("second", Analyzer("sentences", fails, provides={"statements"})),
    )
    assert pipeline.problems == [
        ("second", "analyzer 'sentences' is already registered by plugin 'first'")
    ]
    assert [(a.name, a.plugin) for a in pipeline.analyzers if a.name == "sentences"] == [
        ("sentences", "first")
    ]
    with pytest.raises(PipelineError, match="already registered"):
        make_pipeline(
            make_plugin("first", SENTENCES), make_plugin("second", SENTENCES), strict=True
        )


def test_duplicate_plugin_name_is_reported(
    make_pipeline: MakePipeline, make_plugin: MakePlugin
) -> None:
    pipeline = make_pipeline(make_plugin("mine", SENTENCES), make_plugin("mine", SENTENCES))
    assert pipeline.problems == [("mine", "a plugin with this name is already registered")]


# -- switching off -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("disable", "environ"),
    [(["shouting"], {}), ([], {"NEWSCLAIMS_DISABLE": "shouting"})],
    ids=["argument", "environment"],
)
def test_plugin_switched_off_by_name(
    make_plugin: MakePlugin, disable: list[str], environ: dict[str, str]
) -> None:
    shouting = make_plugin(
        "shouting", Analyzer("shout", passthrough, needs={"statements"}, provides={"tags"})
    )
    pipeline = Pipeline(
        plugins=[make_plugin("sentences", SENTENCES), shouting],
        disable=disable,
        autoload=False,
        environ=environ,
    )
    assert [a.name for a in pipeline.analyzers if a.plugin not in BUILTINS] == ["sentences"]
    assert [p.disabled for p in pipeline.plugins if p.name == "shouting"] == [True]
    assert pipeline.problems == []


def test_a_single_analyzer_switched_off_by_name(
    make_pipeline: MakePipeline, make_plugin: MakePlugin
) -> None:
    two = make_plugin(
        "two", SENTENCES, Analyzer("extra", passthrough, needs={"statements"}, provides={"x"})
    )
    pipeline = make_pipeline(two, disable=["extra"])
    assert [a.name for a in pipeline.analyzers if a.plugin == "two"] == ["sentences"]
    assert [a.name for a in pipeline.skipped] == ["extra"]


def test_switching_off_a_provider_skips_what_needs_it(
    make_pipeline: MakePipeline, make_plugin: MakePlugin
) -> None:
    pipeline = make_pipeline(
        make_plugin("sentences", SENTENCES),
        Shouting(),
        disable=[*BUILTINS, "sentences"],
    )
    assert pipeline.analyzers == ()
    assert pipeline.problems == [
        ("Shouting-1", "analyzer shout skipped: nothing provides what it needs (statements)")
    ]
    with pytest.raises(PipelineError, match="analyzer shout: nothing provides"):
        make_pipeline(
            make_plugin("sentences", SENTENCES),
            Shouting(),
            disable=[*BUILTINS, "sentences"],
            strict=True,
        )
