"""What the tagger builds from its data files, kept between processes under ``var/cache/nlp``.

Without it every process that tags would parse the gazetteer (3.9 MB of JSON, 22,932 name forms),
build its matchers and parse the cue lists' YAML: about 0.2 CPU-s of a ``citywatch tag`` run that
itself takes under 2. Unpickling what they produce takes a quarter of that. The file is written by the
first process that needs it, and its name is a digest of everything the result depends on: the data
file's bytes, the source of the modules that build it and define its classes, the interpreter, and the
compiled extensions it holds (pyahocorasick's automata). An edited gazetteer or a changed module
therefore gets a new file and is never read stale; writing it removes the older files of the same
name (``var/`` is never committed, and deleting ``var/cache`` is always safe). Only the shipped data
files are kept (a test's own gazetteer or cue file is built as before).

The cache only saves time: when ``var/`` cannot be written (a read-only checkout) or a file is
unreadable or truncated, the value is built as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType

from citywatch.config import PROJECT_ROOT

CACHE_DIR = PROJECT_ROOT / "var" / "cache" / "nlp"


def _fingerprint(modules: Iterable[ModuleType]) -> bytes:
    """The interpreter's version, the source of each Python module and the size and time of each compiled one."""
    h = hashlib.sha256(sys.version.encode())
    for module in modules:
        path = Path(module.__file__ or "")
        if path.suffix == ".py":
            h.update(path.read_bytes())
        else:
            stat = path.stat()
            h.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return h.digest()


def prepared[T](name: str, key: str, modules: Iterable[ModuleType], build: Callable[[], T],
             folder: Path | None = None) -> T:
    """``build()``, or its pickle from an earlier process that built it from the same data (``key``: a digest
    of the data's bytes) with the same ``modules`` (those whose code builds it or defines the classes of what
    it returns)."""
    digest = hashlib.sha256(_fingerprint(modules) + key.encode()).hexdigest()[:24]
    path = (folder or CACHE_DIR) / f"{name}-{digest}.pickle"
    try:
        with path.open("rb") as stored:
            return pickle.load(stored)  # type: ignore[no-any-return]
    except Exception:  # missing, truncated or not ours: built below, never trusted
        pass
    value = build()
    if write_pickle(path, value):
        remove_others(path, name)
    return value


def write_pickle(path: Path, value: object) -> bool:
    """Pickle ``value`` to ``path``, whole or not at all (whichever process finishes last wins); False when the
    folder cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp", delete=False) as new:
            try:
                pickle.dump(value, new, protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:
                Path(new.name).unlink()
                raise
        os.chmod(new.name, 0o644)  # a temporary file is private; the cache is as readable as the checkout
        os.replace(new.name, path)
    except OSError:
        return False
    return True


def remove_others(path: Path, name: str) -> None:
    """Remove the files of ``name`` (with ``path``'s suffix) other than ``path``: built from older data, code or
    packages, or by another interpreter."""
    for stale in path.parent.glob(f"{name}-*{path.suffix}"):
        if stale != path:
            with contextlib.suppress(OSError):
                stale.unlink(missing_ok=True)
