"""Importing spaCy without the parts tagging never uses: its command line, and a scan of every entry point.

``import spacy`` runs ``from .cli.info import info`` (for ``spacy.info``), and that imports spaCy's
whole command line: typer, weasel, jinja2, requests, httpx, the project templates; about 0.35 CPU-s of a
``citywatch tag`` process that never calls any of it. And catalogue, spaCy's registry, looks for entry
points by filtering the list of every installed package's entry points once per look-up (0.3 ms each,
about 500 look-ups while a pipeline is built and the trained model loaded: srsly asks once per msgpack
blob it decodes).

``defer()`` (called by the ``nlp`` package, before anything imports spaCy) installs an import hook that
acts only when spaCy is first imported: ``spacy.cli`` and ``spacy.cli.info`` become modules that load the
real ones the first time a name of theirs is read (``spacy.info`` is a function that does it), and
catalogue's list of entry points is grouped once, so a look-up is a dictionary look-up returning the same
entry points in the same order. Nothing else changes: a process that uses spaCy's command line gets it,
complete, on first use.

``quiet_blas_threads()`` (also called by the ``nlp`` package, before anything imports numpy) asks OpenBLAS,
numpy's matrix library, to put its worker threads to sleep as soon as they are idle
(``OPENBLAS_THREAD_TIMEOUT``, unless the environment sets it). By default they spin for some 2^28 cycles
after they start and after each job: on the project's two-core machines 0.1 CPU-s of every process that
imports numpy, a tenth of a ``citywatch tag`` run over the benchmark stream, spent while the main thread
starts up. The threads stay, so a large product (the scoring's bootstrap) can still use them; the tagger's
parse runs on one (``nlp.analyzer``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec, PathFinder
from types import ModuleType
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from importlib.abc import Loader

_DEFERRED = ("spacy.cli", "spacy.cli.info")


class _Deferred(ModuleType):
    """A module whose code runs the first time one of its names (one it does not define yet) is read."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name != "__all__":
            raise AttributeError(name)  # the import system's own probes (``__path__`` of a module) load nothing
        _load_deferred()
        return ModuleType.__getattribute__(sys.modules[self.__name__], name)


class _DeferredLoader:  # an importlib Loader (importing importlib.abc costs more than the rest)
    def create_module(self, spec: ModuleSpec) -> ModuleType:
        module = _Deferred(spec.name)
        if spec.name == "spacy.cli.info":
            module.info = _info  # type: ignore[attr-defined]  # what ``spacy/__init__`` imports from it
        return module

    def exec_module(self, module: ModuleType) -> None:
        """Nothing yet: the code runs on first use (``_load_deferred``)."""


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: spaCy's own, loaded on first call."""
    _load_deferred()
    return sys.modules["spacy.cli.info"].info(*args, **kwargs)


def _load_deferred() -> None:
    """Run the real code of the deferred modules in their module objects (``info`` first: the package's
    ``__init__`` imports from it), so that every reference to them sees the real modules."""
    for name in reversed(_DEFERRED):
        module = sys.modules[name]
        if type(module) is not _Deferred:
            continue
        module.__class__ = ModuleType  # type: ignore[assignment]  # from now on a missing name is an AttributeError
        spec = PathFinder.find_spec(name, sys.modules[name.rpartition(".")[0]].__path__)
        if spec is None or spec.loader is None:
            raise ImportError(f"cannot find {name}", name=name)
        spec.loader.exec_module(module)


class _Grouped:
    """catalogue's ``AVAILABLE_ENTRY_POINTS`` grouped once: ``select(group=...)`` is a dictionary look-up."""

    def __init__(self, entry_points: Any) -> None:
        self._all = entry_points
        self._groups: dict[str, Any] = {}
        for entry_point in entry_points:
            self._groups.setdefault(entry_point.group, []).append(entry_point)
        self._groups = {group: type(entry_points)(eps) for group, eps in self._groups.items()}

    def select(self, **params: Any) -> Any:
        if params.keys() == {"group"}:
            return self._groups.get(params["group"], type(self._all)(()))
        return self._all.select(**params)


class _Hook:  # an importlib MetaPathFinder
    """Acts when spaCy is first imported: groups catalogue's entry points; hands out the deferred modules."""

    def find_spec(self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None) -> ModuleSpec | None:
        if fullname == "spacy":
            try:
                import catalogue
            except ImportError:  # no spaCy either: its own import fails as it would without the hook
                return None
            if not isinstance(catalogue.AVAILABLE_ENTRY_POINTS, _Grouped):
                catalogue.AVAILABLE_ENTRY_POINTS = _Grouped(catalogue.AVAILABLE_ENTRY_POINTS)
            return None  # the ordinary finders find spaCy itself
        if fullname in _DEFERRED and path:
            real = PathFinder.find_spec(fullname, path)
            if real is None:
                return None
            spec = ModuleSpec(fullname, cast("Loader", _DeferredLoader()), origin=real.origin, is_package=fullname == "spacy.cli")
            spec.submodule_search_locations = real.submodule_search_locations
            spec.has_location = True
            return spec
        return None


BLAS_THREAD_TIMEOUT = "4"  # OpenBLAS's least: idle workers spin 2^4 cycles, then sleep


def quiet_blas_threads() -> None:
    """Set ``OPENBLAS_THREAD_TIMEOUT`` for this process unless it is set, while OpenBLAS is not loaded yet (it reads
    the variable once, as numpy is imported)."""
    if "numpy" not in sys.modules:
        os.environ.setdefault("OPENBLAS_THREAD_TIMEOUT", BLAS_THREAD_TIMEOUT)


def defer() -> None:
    """Install the hook, unless spaCy is imported already (or the hook is installed)."""
    if "spacy" in sys.modules or any(isinstance(finder, _Hook) for finder in sys.meta_path):
        return
    sys.meta_path.insert(0, _Hook())
