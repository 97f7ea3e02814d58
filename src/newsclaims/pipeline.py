"""The pipeline: a plugin host, its analyzers in order, and the loop that runs them."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping

from newsclaims.analyzer import Analyzer, PipelineError, order_analyzers
from newsclaims.model import Analysis, Article, Problem
from newsclaims.plugins import PluginHost, PluginInfo, autoload_from_env, disabled_from_env

__all__ = ["Pipeline", "analyze", "analyze_many", "as_article"]


def as_article(item: Article | str) -> Article:
    """An :class:`Article` for ``item``; a plain string gets an id derived from its text."""
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        digest = hashlib.sha1(item.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        return Article(id=f"text-{digest}", text=item)
    raise TypeError(f"expected an Article or a str, got {type(item).__name__}")


class Pipeline:
    """Analyzers from the built-in and installed plugins, ordered by what they need.

    ``plugins`` are extra plugin objects (modules or instances with hook implementations),
    registered after the entry points. ``disable`` names plugins or analyzers to switch off,
    added to those in ``NEWSCLAIMS_DISABLE``. ``autoload`` loads entry-point plugins (default:
    unless ``NEWSCLAIMS_DISABLE_PLUGIN_AUTOLOAD`` is set). With ``strict=True`` any plugin
    failure, at build time or while analysing, raises :class:`PipelineError` instead of
    being reported in ``problems``.

    Every pipeline has its own plugin manager, built here and never at import time.
    """

    def __init__(
        self,
        plugins: Iterable[object] = (),
        *,
        disable: Iterable[str] = (),
        autoload: bool | None = None,
        strict: bool = False,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        environ = os.environ if environ is None else environ
        self.strict = strict
        self.disabled = frozenset(disable) | disabled_from_env(environ)
        self.host = PluginHost(
            plugins,
            disable=self.disabled,
            autoload=autoload_from_env(environ) if autoload is None else autoload,
            strict=strict,
        )
        self.problems: list[tuple[str, str]] = self.host.problems
        registered = self.host.analyzers()
        self.skipped: list[Analyzer] = [a for a in registered if a.name in self.disabled]
        wanted = [a for a in registered if a.name not in self.disabled]
        self.analyzers: tuple[Analyzer, ...] = tuple(order_analyzers(wanted, self._skip))

    def _skip(self, analyzer: Analyzer, reason: str) -> None:
        self.skipped.append(analyzer)
        if self.strict:
            raise PipelineError(f"analyzer {analyzer.name}: {reason}")
        self.problems.append(
            (analyzer.plugin or analyzer.name, f"analyzer {analyzer.name} skipped: {reason}")
        )

    @property
    def plugins(self) -> list[PluginInfo]:
        """The plugins of this pipeline, built-ins first."""
        return self.host.infos(self.analyzers)

    def analyze(self, item: Article | str) -> Analysis:
        """Analyse one article (or a plain text) and return the result.

        A failing analyzer loses only its own contribution: the failure is recorded in the
        result's ``problems`` (or raised, in strict mode) and the next analyzer goes on.
        """
        analysis = Analysis(as_article(item))
        for analyzer in self.analyzers:
            analysis = self._run(analyzer, analysis)
        return analysis

    def analyze_many(self, items: Iterable[Article | str]) -> Iterator[Analysis]:
        """Analyse each item in turn, yielding results in input order, lazily."""
        for item in items:
            yield self.analyze(item)

    def _run(self, analyzer: Analyzer, analysis: Analysis) -> Analysis:
        try:
            result = analyzer.analyze(analysis)
            if not isinstance(result, Analysis):
                raise TypeError(f"returned {type(result).__name__}, not an Analysis")
            if result.article is not analysis.article and result.article != analysis.article:
                raise ValueError("changed the article")
            return result
        except Exception as exc:
            if self.strict:
                raise PipelineError(
                    f"analyzer {analyzer.name} failed on article {analysis.article.id}: "
                    f"{type(exc).__name__}: {exc}"
                ) from exc
            problem = Problem(
                analyzer=analyzer.name,
                plugin=analyzer.plugin,
                message=f"{type(exc).__name__}: {exc}",
            )
            return analysis.evolve(problems=(*analysis.problems, problem))


_default: Pipeline | None = None


def _default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def analyze(item: Article | str) -> Analysis:
    """Analyse one article or text with the default pipeline (built on first use)."""
    return _default_pipeline().analyze(item)


def analyze_many(items: Iterable[Article | str]) -> Iterator[Analysis]:
    """Analyse many articles with the default pipeline; results come in input order."""
    return _default_pipeline().analyze_many(items)
