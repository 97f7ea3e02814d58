"""Plugins for the corpus-run tests, importable by name in worker processes.

``PipelineSpec(plugins=["batch_plugins"])`` registers them in each worker (the tests
directory is on ``sys.path`` under pytest, and spawned workers inherit ``sys.path``).
"""

from __future__ import annotations

import os
from collections.abc import Callable

import attrs

from newsclaims import Analysis, Analyzer, hookimpl

#: How many pipelines this process has built with these plugins.
BUILDS = 0


def _mark(analysis: Analysis) -> Analysis:
    """Tag each statement with the worker's pid and its number of pipeline builds."""
    ident = analysis.article.id
    if ident.startswith("boom"):
        raise RuntimeError(f"kaboom on {ident}")
    if ident.startswith("die"):
        os._exit(7)  # a worker process that dies without a word, as under the OOM killer
    tags = (f"pid-{os.getpid()}", f"builds-{BUILDS}")
    statements = tuple(attrs.evolve(s, tags=(*s.tags, *tags)) for s in analysis.statements)
    return analysis.evolve(statements=statements)


@hookimpl
def newsclaims_register_analyzers(register: Callable[[Analyzer], None]) -> None:
    global BUILDS
    BUILDS += 1
    register(Analyzer("mark", _mark, needs={"statements"}))
