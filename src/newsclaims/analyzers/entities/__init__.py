"""The built-in entity linker: who and what an article names, clustered and linked to Wikidata.

For each article it finds mentions of named things without a statistical model
(capitalised runs, knowledge-base aliases, demonyms, titles split off names; see
:mod:`.mentions`), groups them into one entity per referent within the article
(:mod:`.linker`), links them to Wikidata through a small offline knowledge base (:mod:`.kb`),
and ties statements to them (:mod:`.resolve`): each statement lists the entities its content
mentions, and each attributed speaker points at its entity.

Knowledge bases are chained (:mod:`.sources`): the user's files named in ``NEWSCLAIMS_KB``
first, then plugins implementing ``newsclaims_lookup_entity``, then the embedded one.

>>> from newsclaims import Pipeline
>>> a = Pipeline(autoload=False).analyze("Iran’s Qods Force is active in Iraq, Iranian exiles say.")
>>> [(e.name, e.wikidata) for e in a.entities]
[('Iran', 'Q794'), ('Quds Force', 'Q311381'), ('Iraq', 'Q796')]
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsclaims.analyzer import Analyzer
from newsclaims.analyzers.entities.kb import Entry, KnowledgeBase, default_kb
from newsclaims.analyzers.entities.linker import Cluster, cluster_mentions
from newsclaims.analyzers.entities.mentions import find_mentions, is_title_case
from newsclaims.analyzers.entities.resolve import attach_speakers, entities_and_statements
from newsclaims.hookspecs import hookimpl
from newsclaims.model import Analysis, Span

__all__ = ["Lookup", "analyze", "configured_kb", "newsclaims_register_analyzers"]

#: A plugin lookup: ``(name, type, text)`` to a QID or ``None``.
Lookup = Callable[[str, str, str], "str | None"]


def configured_kb() -> KnowledgeBase:
    """The user's knowledge bases (``NEWSCLAIMS_KB``) chained before the embedded one."""
    from newsclaims.analyzers.entities.sources import chain, user_kbs_from_env

    return chain([*user_kbs_from_env(), default_kb()])


def _ask_plugins(clusters: list[Cluster], text: str, lookup: Lookup) -> None:
    """Link each cluster not linked by a user knowledge base to what ``lookup`` answers."""
    for c in clusters:
        if c.entry is not None and c.entry.source != "embedded":
            continue
        qid = lookup(c.name, c.type, text)
        known = isinstance(qid, str) and qid[:1] == "Q" and qid[1:].isdigit()
        if known and (c.entry is None or c.entry.qid != qid):
            c.entry = Entry(qid, c.name, c.type, c.kind, 1.0, None, "plugin", "plugin")


def analyze(
    analysis: Analysis, kb: KnowledgeBase | None = None, lookup: Lookup | None = None
) -> Analysis:
    """``analysis`` with its entities found and linked, and its statements tied to them.

    Replaces ``analysis.entities``; reads the headline and the body, not trailing
    boilerplate. Statements keep everything but their ``entities`` and their speakers'
    ``entity``, which are set here. ``kb`` defaults to the embedded knowledge base;
    ``lookup``, when given, is asked about every entity ``kb`` did not link from a user's
    file, and its QID (if any) wins over the embedded knowledge base's.
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
    if lookup is not None:
        _ask_plugins(clusters, text, lookup)
    entities, statements = entities_and_statements(clusters, analysis.statements, speakers)
    return analysis.evolve(entities=entities, statements=statements)


def _analyzer(hook: Any) -> Callable[[Analysis], Analysis]:
    caller = getattr(hook, "newsclaims_lookup_entity", None) if hook is not None else None
    kbs: list[KnowledgeBase] = []  # read on first use, so building a pipeline stays cheap

    def run(analysis: Analysis) -> Analysis:
        if not kbs:
            kbs.append(configured_kb())
        kb = kbs[0]
        # Asked only when some plugin answers lookups: most pipelines pay nothing.
        lookup: Lookup | None = None
        if caller is not None and caller.get_hookimpls():

            def lookup(name: str, type_: str, text: str) -> str | None:
                answer: str | None = caller(name=name, type=type_, text=text)
                return answer

        return analyze(analysis, kb, lookup)

    return run


@hookimpl
def newsclaims_register_analyzers(register: Callable[[Analyzer], None], hook: Any) -> None:
    register(
        Analyzer(
            name="entities",
            analyze=_analyzer(hook),
            needs={"statements"},
            provides={"entities"},
            description=(
                "People, organisations and places named in the article, one entity per "
                "referent, linked to Wikidata by a small offline knowledge base; statements "
                "list the entities they mention and speakers point at theirs"
            ),
        )
    )
