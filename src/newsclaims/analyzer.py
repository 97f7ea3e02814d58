"""Analyzers: the units of work a pipeline runs on each article, and their ordering."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from attrs import field, frozen

from newsclaims.model import Analysis

__all__ = ["Analyzer", "PipelineError", "order_analyzers"]

_NAME = re.compile(r"^[a-z][a-z0-9_.\-]*$")


class PipelineError(Exception):
    """A pipeline cannot be built or run as asked (in strict mode: any plugin failure)."""


def _check_name(instance: object, attribute: object, value: Any) -> None:
    if not isinstance(value, str) or not _NAME.match(value):
        raise ValueError(
            f"Analyzer.name: expected lower-case letters, digits, '_', '-' or '.', "
            f"starting with a letter, got {value!r}"
        )


def _names(value: Iterable[str], field_name: str) -> frozenset[str]:
    """``value`` as a frozenset of capability names.

    A bare string is refused: ``frozenset("statements")`` would be a set of letters.
    """
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise TypeError(
            f"Analyzer.{field_name}: expected a set of names such as {{'statements'}}, "
            f"got {value!r}"
        )
    names = frozenset(value)
    for name in names:
        if not isinstance(name, str):
            raise TypeError(f"Analyzer.{field_name}: expected names (str), got {name!r}")
    return names


# Named converters, typed, because the attrs mypy plugin types ``converter=frozenset`` as
# taking ``Iterable[_T_co]``, which makes every ``needs={"statements"}`` a type error.
def _needs(value: Iterable[str]) -> frozenset[str]:
    return _names(value, "needs")


def _provides(value: Iterable[str]) -> frozenset[str]:
    return _names(value, "provides")


def _check_callable(instance: object, attribute: object, value: Any) -> None:
    if not callable(value):
        raise TypeError(f"Analyzer.analyze: expected a callable, got {value!r}")


@frozen
class Analyzer:
    """One step of a pipeline: a function from an :class:`Analysis` to an evolved one.

    ``needs`` and ``provides`` are capability names (the built-ins provide ``statements``,
    ``attribution``, ``hedges``, ``certainty``, ``polarity`` and ``entities``); the pipeline
    runs an analyzer after every analyzer that provides something it needs. An analyzer
    whose needs nobody provides is skipped and reported.

    ``analyze`` must return a new analysis made with ``analysis.evolve(...)``; it must not
    change the article. If it raises, its contribution is lost, the failure is recorded in
    ``analysis.problems`` and the next analyzer goes on with the analysis as it was.
    """

    name: str = field(validator=_check_name)
    analyze: Callable[[Analysis], Analysis] = field(validator=_check_callable, repr=False)
    needs: frozenset[str] = field(default=frozenset(), converter=_needs)
    provides: frozenset[str] = field(default=frozenset(), converter=_provides)
    description: str = ""
    #: Which plugin registered it; filled in by the host.
    plugin: str | None = None


def order_analyzers(
    analyzers: Sequence[Analyzer], skipped: Callable[[Analyzer, str], None]
) -> list[Analyzer]:
    """Order ``analyzers`` so each runs after the providers of what it needs.

    Among analyzers free to run, registration order is kept, so the order is deterministic.
    Analyzers whose needs no analyzer provides (for example because a provider was switched
    off) are passed to ``skipped`` with the reason and left out, together with whatever
    depended on them. A cycle raises :class:`PipelineError`.
    """
    remaining = list(analyzers)
    while True:
        provided = {cap for a in remaining for cap in a.provides}
        missing = [a for a in remaining if not a.needs <= provided]
        if not missing:
            break
        for a in missing:
            lacking = ", ".join(sorted(a.needs - provided))
            skipped(a, f"nothing provides what it needs ({lacking})")
        remaining = [a for a in remaining if a not in missing]

    index = {a.name: i for i, a in enumerate(remaining)}
    done: set[str] = set()
    ordered: list[Analyzer] = []
    pending = remaining
    while pending:
        ready = [a for a in pending if _ready(a, pending, done, index)]
        if not ready:
            names = ", ".join(a.name for a in pending)
            raise PipelineError(f"analyzers depend on each other in a cycle: {names}")
        for a in ready:
            ordered.append(a)
            done.add(a.name)
        pending = [a for a in pending if a.name not in done]
    return ordered


def _ready(a: Analyzer, pending: Iterable[Analyzer], done: set[str], index: dict[str, int]) -> bool:
    """Whether no other pending analyzer provides something ``a`` needs.

    Two analyzers that each need what the other provides (two refiners of ``statements``)
    run in registration order rather than being reported as a cycle.
    """
    for other in pending:
        if other is a or other.name in done or not a.needs & other.provides:
            continue
        mutual = a.provides & other.needs
        if not (mutual and index[a.name] < index[other.name]):
            return False
    return True
