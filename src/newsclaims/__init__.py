"""newsclaims: who claims what in a news article, on whose word, how sure, and about whom.

>>> import newsclaims
>>> result = newsclaims.analyze("The minister said the bridge would reopen in May.")
>>> [s.kind.value for s in result.statements]
['indirect']
"""

from __future__ import annotations

from newsclaims.__about__ import __version__
from newsclaims.analyzer import Analyzer, PipelineError
from newsclaims.hookspecs import hookimpl
from newsclaims.model import (
    Analysis,
    Article,
    Attribution,
    Certainty,
    Entity,
    Hedge,
    HedgeHolder,
    Polarity,
    Problem,
    Span,
    Speaker,
    SpeakerKind,
    Statement,
    StatementKind,
)
from newsclaims.pipeline import Pipeline, analyze, analyze_many
from newsclaims.readers import ReadError, read
from newsclaims.serialize import from_json, to_json

__all__ = [
    "Analysis",
    "Analyzer",
    "Article",
    "Attribution",
    "Certainty",
    "Entity",
    "Hedge",
    "HedgeHolder",
    "Pipeline",
    "PipelineError",
    "Polarity",
    "Problem",
    "ReadError",
    "Span",
    "Speaker",
    "SpeakerKind",
    "Statement",
    "StatementKind",
    "__version__",
    "analyze",
    "analyze_many",
    "from_json",
    "hookimpl",
    "read",
    "to_json",
]
