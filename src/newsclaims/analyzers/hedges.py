"""Built-in hedges analyzer (being written)."""

from __future__ import annotations

from collections.abc import Callable

from newsclaims.analyzer import Analyzer
from newsclaims.hookspecs import hookimpl


@hookimpl
def newsclaims_register_analyzers(register: Callable[[Analyzer], None]) -> None:
    return None
