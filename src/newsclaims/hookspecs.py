"""The hooks a newsclaims plugin can implement. Every hook newsclaims calls is specified here.

A plugin is a module or object with functions decorated by :data:`newsclaims.hookimpl` whose
names are hook names below. Built-in analyzers are plugins of exactly this kind, registered
by the host before the plugins found through the ``newsclaims`` entry-point group.

Hooks are called once per pipeline (registration), never per article or per token: the
work per article is done by the :class:`~newsclaims.analyzer.Analyzer` objects that plugins
register.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pluggy

from newsclaims.analyzer import Analyzer

hookspec = pluggy.HookspecMarker("newsclaims")
#: Decorate a plugin's hook functions with this.
hookimpl = pluggy.HookimplMarker("newsclaims")


@hookspec
def newsclaims_register_analyzers(register: Callable[[Analyzer], None], hook: Any) -> None:
    """Register the analyzers this plugin provides.

    Called once, when a :class:`~newsclaims.pipeline.Pipeline` is built (not at import time,
    and not per article). Call ``register(analyzer)`` once for each
    :class:`~newsclaims.analyzer.Analyzer`; the host records which plugin registered it,
    rejects a second analyzer with a name already taken (reported as a problem of the later
    plugin), and orders all analyzers by what they ``need`` and ``provide``.

    :param register: the callback that adds one analyzer to the pipeline.
    :param hook: the pipeline's hook relay (``pm.hook``), for an analyzer that calls a
        behaviour hook such as :func:`newsclaims_lookup_entity` while it works; take it only
        if you need it.
    :return: nothing; a return value is ignored. If the hook raises, the plugin's analyzers
        registered so far are dropped and the failure is reported (fatal in strict mode).
    """


@hookspec(firstresult=True)
def newsclaims_lookup_entity(name: str, type: str, text: str) -> str | None:
    """Answer a knowledge-base lookup: the Wikidata id of the entity an article names.

    Called by the built-in entity linker once per entity of an article (not per mention or
    token), for each entity that no user knowledge base (``NEWSCLAIMS_KB``) has linked, and
    only when some plugin implements this hook; the embedded knowledge base answers last,
    for the entities no plugin answers. The first plugin to return an id wins (pluggy's
    ``firstresult``), so a service client or a bigger private knowledge base can stand in
    front of the embedded one.

    :param name: the entity's name, its longest form in the article ("Kevin Bergner").
    :param type: ``person``, ``organization``, ``location``, ``group`` or ``other``: what
        the linker takes it to be.
    :param text: the whole article text, for context.
    :return: a QID such as ``"Q794"``; ``None`` when the plugin does not know, which passes
        the question on (finally to the embedded knowledge base). A value that is not a QID
        is ignored. Return ``None`` rather than a guess: a wrong id is worse than none.
    """
