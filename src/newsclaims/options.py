"""Click options that several commands share, defined once so they read the same everywhere."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

__all__ = ["limit_option", "plugin_options"]

F = TypeVar("F", bound=Callable[..., Any])


def plugin_options(f: F) -> F:
    """``--disable NAME`` (repeatable) and ``--no-plugins``: how the command's pipeline is
    built (see :class:`newsclaims.Pipeline`)."""
    f = click.option(
        "--no-plugins", is_flag=True, help="Load no installed plugins, only built-ins."
    )(f)
    return click.option(
        "--disable",
        multiple=True,
        metavar="NAME",
        help="Switch off a plugin or analyzer by name (repeatable; also NEWSCLAIMS_DISABLE).",
    )(f)


def limit_option(f: F) -> F:
    """``--limit N``: only the first N articles (evaluation commands)."""
    return click.option(
        "--limit", type=click.IntRange(min=1), metavar="N", help="Only the first N articles."
    )(f)
