"""Fixtures shared by the tests: fresh pipelines, inline plugins and the seed article.

Every pipeline a test builds gets its own plugin manager; ``make_pipeline`` also ignores
the environment and, unless asked, the installed entry points, so a plugin installed in the
developer's virtual environment cannot change what a core test sees.
"""

from __future__ import annotations

import os
import types
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from newsclaims import Analyzer, Article, Pipeline, hookimpl

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_a7f89c861a905037.txt"

# Modest by default so the whole suite stays fast; HYPOTHESIS_PROFILE=thorough digs deeper.
settings.register_profile("fast", max_examples=60)
settings.register_profile("thorough", max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))


@pytest.fixture
def make_pipeline() -> Callable[..., Pipeline]:
    """``make_pipeline(*plugins, **options)``: a fresh Pipeline, blind to the environment.

    Defaults to ``autoload=False`` and ``environ={}``; pass them to override.
    """

    def make(*plugins: object, **options: Any) -> Pipeline:
        options.setdefault("autoload", False)
        options.setdefault("environ", {})
        return Pipeline(plugins=plugins, **options)

    return make


@pytest.fixture
def make_plugin() -> Callable[..., types.ModuleType]:
    """``make_plugin(name, *analyzers)``: a plugin module that registers ``analyzers``."""

    def make(name: str, *analyzers: Analyzer) -> types.ModuleType:
        return plugin_module(name, analyzers)

    return make


def plugin_module(name: str, analyzers: Iterable[Analyzer]) -> types.ModuleType:
    module = types.ModuleType(name)
    registered = tuple(analyzers)

    @hookimpl
    def newsclaims_register_analyzers(register: Callable[[Analyzer], None]) -> None:
        for analyzer in registered:
            register(analyzer)

    module.newsclaims_register_analyzers = newsclaims_register_analyzers  # type: ignore[attr-defined]
    return module


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed(seed_text: str) -> Article:
    """The seed article as the .txt reader gives it: the first line is its title."""
    return Article(id=SEED.stem, text=seed_text, title=seed_text.split("\n", 1)[0])
