"""Accuracy against public corpora: one module per corpus, each with a click command.

``newsclaims evaluate NAME ...`` runs the command a module registers here. Corpora are read
from wherever the user keeps them (for this project's own figures, ``../shared/data``); nothing
from them is copied into the package.
"""

from __future__ import annotations

import click

__all__ = ["evaluate"]


@click.group()
def evaluate() -> None:
    """Measure newsclaims against annotated corpora.

    \b
    Examples:
      newsclaims evaluate polnear ../shared/data/polnear/dev
      newsclaims evaluate polnear ../shared/data/polnear/dev --json
    """


def _register() -> None:
    # Each evaluator module adds its command to the group when imported; importing them
    # here (not at package import) keeps `import newsclaims` light.
    import importlib

    for name in ("polnear", "hedges", "entities"):
        try:
            importlib.import_module(f"newsclaims.evaluate.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"newsclaims.evaluate.{name}":
                raise


_register()
