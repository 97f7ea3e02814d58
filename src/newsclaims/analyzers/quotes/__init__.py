"""Built-in quote finder and attribution analyzer.

Finds direct, indirect and mixed quotations and the writer's own assertions, with each
attribution's source, cue, stance and resolved speaker. See :mod:`.finder` for the rules.
"""

from __future__ import annotations

from collections.abc import Callable

from newsclaims.analyzer import Analyzer
from newsclaims.analyzers.quotes.finder import find_statements
from newsclaims.hookspecs import hookimpl
from newsclaims.model import Analysis

__all__ = ["analyze", "newsclaims_register_analyzers"]


def analyze(analysis: Analysis) -> Analysis:
    """Add the article's statements (attributed and the writer's own) to ``analysis``."""
    return analysis.evolve(statements=(*analysis.statements, *find_statements(analysis)))


@hookimpl
def newsclaims_register_analyzers(register: Callable[[Analyzer], None]) -> None:
    register(
        Analyzer(
            name="quotes",
            analyze=analyze,
            provides={"statements", "attribution"},
            description="quotations, reported speech and assertions, with source, cue and speaker",
        )
    )
