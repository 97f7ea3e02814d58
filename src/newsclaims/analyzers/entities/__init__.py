"""The built-in entity linker: who and what an article names, clustered and linked to Wikidata.

For each article it finds mentions of named things without a statistical model
(capitalised runs, knowledge-base aliases, demonyms, titles split off names; see
:mod:`.mentions`), groups them into one entity per referent within the article
(:mod:`.linker`), links them to Wikidata through a small offline knowledge base (:mod:`.kb`),
and ties statements to them (:mod:`.resolve`): each statement lists the entities its content
mentions, and each attributed speaker points at its entity.

>>> from newsclaims import Pipeline
>>> a = Pipeline(autoload=False).analyze("Iran’s Qods Force is active in Iraq, Iranian exiles say.")
>>> [(e.name, e.wikidata) for e in a.entities]
[('Iran', 'Q794'), ('Quds Force', 'Q311381'), ('Iraq', 'Q796')]
"""

from __future__ import annotations

from collections.abc import Callable

from newsclaims.analyzer import Analyzer
from newsclaims.analyzers.entities.kb import KnowledgeBase, default_kb
from newsclaims.analyzers.entities.linker import cluster_mentions
from newsclaims.analyzers.entities.mentions import find_mentions, is_title_case
from newsclaims.analyzers.entities.resolve import attach_speakers, entities_and_statements
from newsclaims.hookspecs import hookimpl
from newsclaims.model import Analysis, Span

__all__ = ["analyze", "newsclaims_register_analyzers"]


def analyze(analysis: Analysis, kb: KnowledgeBase | None = None) -> Analysis:
    """``analysis`` with its entities found and linked, and its statements tied to them.

    Replaces ``analysis.entities``; reads the headline and the body, not trailing
    boilerplate. Statements keep everything but their ``entities`` and their speakers'
    ``entity``, which are set here.
    """
    kb = kb or default_kb()
    text = analysis.text
    layout = analysis.layout
    regions: list[tuple[Span, bool]] = []
    if layout.headline is not None:
        regions.append((layout.headline, True))
    regions.append((layout.body, False))
    headline = layout.headline
    weak = headline if headline is not None and is_title_case(analysis.text_of(headline)) else None
    clusters = cluster_mentions(text, find_mentions(text, regions, kb), kb)
    speakers = attach_speakers(text, analysis.statements, clusters, kb, weak)
    entities, statements = entities_and_statements(clusters, analysis.statements, speakers)
    return analysis.evolve(entities=entities, statements=statements)


@hookimpl
def newsclaims_register_analyzers(register: Callable[[Analyzer], None]) -> None:
    register(
        Analyzer(
            name="entities",
            analyze=analyze,
            needs={"statements"},
            provides={"entities"},
            description=(
                "People, organisations and places named in the article, one entity per "
                "referent, linked to Wikidata by a small offline knowledge base; statements "
                "list the entities they mention and speakers point at theirs"
            ),
        )
    )
