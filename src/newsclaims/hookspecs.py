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

import pluggy

from newsclaims.analyzer import Analyzer

hookspec = pluggy.HookspecMarker("newsclaims")
#: Decorate a plugin's hook functions with this.
hookimpl = pluggy.HookimplMarker("newsclaims")


@hookspec
def newsclaims_register_analyzers(register: Callable[[Analyzer], None]) -> None:
    """Register the analyzers this plugin provides.

    Called once, when a :class:`~newsclaims.pipeline.Pipeline` is built (not at import time,
    and not per article). Call ``register(analyzer)`` once for each
    :class:`~newsclaims.analyzer.Analyzer`; the host records which plugin registered it,
    rejects a second analyzer with a name already taken (reported as a problem of the later
    plugin), and orders all analyzers by what they ``need`` and ``provide``.

    :param register: the callback that adds one analyzer to the pipeline.
    :return: nothing; a return value is ignored. If the hook raises, the plugin's analyzers
        registered so far are dropped and the failure is reported (fatal in strict mode).
    """
