"""The plugin host: one pluggy manager per pipeline, built-ins first, then entry points.

Built-in analyzers are plugins like any other: modules registered by name, in
:data:`BUILTIN_PLUGINS` order, through the same hooks a third-party package implements.
Third-party plugins are found through the ``newsclaims`` entry-point group; each is loaded in
its own ``try`` so that one broken plugin is reported and the rest still load.

Switching plugins off:

* ``disable=["hedges", "numbers"]`` (CLI: ``--disable NAME``; environment:
  ``NEWSCLAIMS_DISABLE=hedges,numbers``) blocks plugins or single analyzers by name;
* ``NEWSCLAIMS_DISABLE_PLUGIN_AUTOLOAD=1`` loads no entry points at all (like pytest's
  ``PYTEST_DISABLE_PLUGIN_AUTOLOAD``), so only built-ins and plugins passed explicitly run.
"""

from __future__ import annotations

import functools
import importlib
import importlib.metadata
import os
from collections.abc import Callable, Iterable, Mapping

import attrs
import pluggy
from attrs import frozen

from newsclaims import hookspecs
from newsclaims.analyzer import Analyzer, PipelineError

__all__ = [
    "BUILTIN_PLUGINS",
    "DISABLE_ENV",
    "ENTRY_POINT_GROUP",
    "NO_AUTOLOAD_ENV",
    "PluginHost",
    "PluginInfo",
    "disabled_from_env",
]

ENTRY_POINT_GROUP = "newsclaims"
DISABLE_ENV = "NEWSCLAIMS_DISABLE"
NO_AUTOLOAD_ENV = "NEWSCLAIMS_DISABLE_PLUGIN_AUTOLOAD"

#: The default plugins, as (name, module), registered in this order.
BUILTIN_PLUGINS: tuple[tuple[str, str], ...] = (
    ("quotes", "newsclaims.analyzers.quotes"),
    ("entities", "newsclaims.analyzers.entities"),
    ("hedges", "newsclaims.analyzers.hedges"),
)


def disabled_from_env(environ: Mapping[str, str] | None = None) -> frozenset[str]:
    """The names listed in ``NEWSCLAIMS_DISABLE`` (comma or space separated)."""
    value = (os.environ if environ is None else environ).get(DISABLE_ENV, "")
    return frozenset(n for n in value.replace(",", " ").split() if n)


def autoload_from_env(environ: Mapping[str, str] | None = None) -> bool:
    value = (os.environ if environ is None else environ).get(NO_AUTOLOAD_ENV, "")
    return value.strip().lower() in ("", "0", "false", "no")


@frozen
class PluginInfo:
    """What ``newsclaims plugins`` lists for one plugin."""

    name: str
    version: str | None
    builtin: bool
    hooks: tuple[str, ...]
    analyzers: tuple[str, ...]
    disabled: bool = False


class PluginHost:
    """A fresh pluggy manager with the built-ins, the entry-point plugins and ``plugins``.

    ``problems`` collects ``(plugin, message)`` for every plugin that failed to load or to
    register; with ``strict=True`` the first such failure raises :class:`PipelineError`.
    """

    def __init__(
        self,
        plugins: Iterable[object] = (),
        *,
        disable: Iterable[str] = (),
        autoload: bool = True,
        strict: bool = False,
    ) -> None:
        self.strict = strict
        self.disabled = frozenset(disable)
        self.problems: list[tuple[str, str]] = []
        self.versions: dict[str, str | None] = {}
        self.builtin: set[str] = set()
        self.pm = pluggy.PluginManager("newsclaims")
        self.pm.add_hookspecs(hookspecs)
        for name, module in BUILTIN_PLUGINS:
            self._register(name, functools.partial(importlib.import_module, module))
            self.builtin.add(name)
            self.versions[name] = None
        if autoload:
            self._load_entry_points()
        for i, plugin in enumerate(plugins):
            name = getattr(plugin, "__name__", None) or f"{type(plugin).__name__}-{i}"
            self._register(name, functools.partial(_identity, plugin))
        try:
            self.pm.check_pending()
        except pluggy.PluginValidationError as exc:
            # pluggy's error carries the plugin object, not its name.
            self._problem(self.pm.get_name(exc.plugin) or "?", str(exc))

    def _problem(self, plugin: str, message: str) -> None:
        if self.strict:
            raise PipelineError(f"plugin {plugin}: {message}")
        self.problems.append((plugin, message))

    def _register(self, name: str, load: Callable[[], object]) -> None:
        if name in self.disabled:
            self.pm.set_blocked(name)
            return
        if self.pm.has_plugin(name) or self.pm.is_blocked(name):
            self._problem(name, "a plugin with this name is already registered")
            return
        try:
            plugin = load()
        except Exception as exc:  # a broken plugin must not take the others down
            self._problem(name, f"failed to load: {type(exc).__name__}: {exc}")
            return
        if self.pm.is_registered(plugin):
            other = self.pm.get_name(plugin)
            self._problem(name, f"the same plugin is already registered as {other!r}")
            return
        try:
            self.pm.register(plugin, name=name)
        except Exception as exc:
            self._problem(name, f"failed to register: {type(exc).__name__}: {exc}")

    def _load_entry_points(self) -> None:
        eps = sorted(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name)
        for ep in eps:
            if ep.name in self.builtin:
                self._problem(ep.name, f"entry point {ep.value} clashes with a built-in plugin")
                continue
            self.versions[ep.name] = ep.dist.version if ep.dist else None
            self._register(ep.name, ep.load)

    def analyzers(self) -> list[Analyzer]:
        """Every analyzer the plugins register, in registration order, named uniquely.

        Each plugin's hook is called on its own, so one that raises loses only its own
        analyzers.
        """
        found: list[Analyzer] = []
        taken: dict[str, str] = {}
        caller = self.pm.hook.newsclaims_register_analyzers
        # get_hookimpls() lists implementations in registration order (pluggy *calls* them
        # last-registered first, which is why the hook is not simply called): built-ins,
        # then entry points, then explicit plugins.
        for impl in caller.get_hookimpls():
            plugin = impl.plugin_name
            mine: list[Analyzer] = []

            def register(
                analyzer: Analyzer, plugin: str = plugin, mine: list[Analyzer] = mine
            ) -> None:
                if not isinstance(analyzer, Analyzer):
                    raise TypeError(f"register() expects an Analyzer, got {analyzer!r}")
                mine.append(analyzer)

            # (an implementation may take any subset of the spec's arguments)
            given = {"register": register, "hook": self.pm.hook}
            try:
                impl.function(**{k: v for k, v in given.items() if k in impl.argnames})
            except Exception as exc:
                self._problem(
                    plugin, f"newsclaims_register_analyzers raised {type(exc).__name__}: {exc}"
                )
                continue
            for analyzer in mine:
                if analyzer.name in taken:
                    self._problem(
                        plugin,
                        f"analyzer {analyzer.name!r} is already registered by plugin "
                        f"{taken[analyzer.name]!r}",
                    )
                    continue
                taken[analyzer.name] = plugin
                found.append(_with_plugin(analyzer, plugin))
        return found

    def infos(self, analyzers: Iterable[Analyzer]) -> list[PluginInfo]:
        """A description of every registered or disabled plugin."""
        by_plugin: dict[str, list[str]] = {}
        for a in analyzers:
            by_plugin.setdefault(a.plugin or "?", []).append(a.name)
        out = []
        for name, plugin in self.pm.list_name_plugin():
            if plugin is None:  # pluggy lists a blocked name with None; it is listed below
                continue
            hooks = tuple(sorted(h.name for h in self.pm.get_hookcallers(plugin) or ()))
            out.append(
                PluginInfo(
                    name=name,
                    version=self.versions.get(name),
                    builtin=name in self.builtin,
                    hooks=hooks,
                    analyzers=tuple(by_plugin.get(name, ())),
                )
            )
        for name in sorted(self.disabled):
            if self.pm.is_blocked(name):
                out.append(
                    PluginInfo(
                        name=name,
                        version=self.versions.get(name),
                        builtin=name in self.builtin,
                        hooks=(),
                        analyzers=(),
                        disabled=True,
                    )
                )
        return out


def _identity(plugin: object) -> object:
    return plugin


def _with_plugin(analyzer: Analyzer, plugin: str) -> Analyzer:
    return attrs.evolve(analyzer, plugin=plugin)


def hook_names() -> list[str]:
    """The names of every hook newsclaims specifies."""
    return sorted(n for n in dir(hookspecs) if n.startswith("newsclaims_"))
