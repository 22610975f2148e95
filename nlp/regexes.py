"""Compiled regular expressions kept between processes, under ``var/cache/nlp``.

Compiling a pattern costs far more than using it once: a ``citywatch tag`` run over the benchmark stream
compiled some 300 patterns in 0.10 of its 1.07 CPU-s, most of it in character classes that span Unicode
blocks (the trained model's tokenizer affixes 25 ms, ``nlp.features`` 18 ms), and Python keeps compiled
patterns only for the life of a process. So the tagger's fixed patterns (those written in its modules or
built from its shipped data, never one built from the text being tagged) are compiled here: the first
process keeps what ``re`` compiles each one to (its code, groups and flags), and later processes rebuild
the pattern from that with the constructor ``re`` itself calls last (``_sre.compile``), in microseconds.

Why a rebuilt pattern is the same pattern: the stored code is the interpreter's own output for the same
pattern and flags, checked before it is stored (a compiled pattern compares equal to another only when
their code is equal), and the file's name is a digest of the interpreter's version and its regular
expression engine's magic number, so another interpreter never reads it. Anything unexpected (a private
function missing in another Python, an unreadable or foreign file) falls back to ``re.compile``; the cache
only saves time. New patterns are written when the process exits (whole or not at all, as
``nlp.cache.prepared`` writes, removing another interpreter's file); a file that has grown past ``MAX_PATTERNS``
(patterns of older code) is rewritten with the ones this process used.
"""

from __future__ import annotations

import _sre
import atexit
import hashlib
import pickle
import re
import sys
from array import array
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

from nlp.cache import CACHE_DIR, remove_others, write_pickle

MAX_PATTERNS = 5_000
_DIGEST = hashlib.sha256(f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}".encode()).hexdigest()[:16]
PATH = CACHE_DIR / f"regexes-{_DIGEST}.pickle"

type _Key = tuple[str, int]
type _Compiled = tuple[int, array, int, dict[str, int], tuple[str | None, ...]]  # flags, code, groups, names

_stored: dict[_Key, _Compiled] | None = None
_used: set[_Key] = set()
_new: dict[_Key, _Compiled] = {}


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:  # re's own name, for the same call
    """``re.compile(pattern, flags)``, rebuilt from the code an earlier process compiled it to when there is one."""
    key = (pattern, int(flags))
    stored = _read() if _stored is None else _stored
    _used.add(key)
    if (compiled := stored.get(key) or _new.get(key)) is not None:
        try:
            return _rebuilt(pattern, compiled)
        except Exception:  # a foreign file's entry: compiled below
            pass
    fresh = re.compile(pattern, flags)
    try:
        compiled = _compiled(pattern, int(flags))
        if _rebuilt(pattern, compiled) != fresh:
            return fresh
    except Exception:  # another interpreter's internals: nothing kept
        return fresh
    if not _new:
        atexit.register(_write)
    _new[key] = compiled
    return fresh


def _compiled(pattern: str, flags: int) -> _Compiled:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` for this pattern."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    names: list[str | None] = [None] * parsed.state.groups
    for name, index in parsed.state.groupdict.items():
        names[index] = name
    return flags | parsed.state.flags, array("I", code), parsed.state.groups - 1, dict(parsed.state.groupdict), tuple(names)


def _rebuilt(pattern: str, compiled: _Compiled) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = compiled
    return _sre.compile(pattern, flags, code.tolist(), groups, groupindex, indexgroup)  # type: ignore[no-any-return]


def _read() -> dict[_Key, _Compiled]:
    global _stored
    try:
        with PATH.open("rb") as stored:
            loaded: Any = pickle.load(stored)
        _stored = loaded if isinstance(loaded, dict) else {}
    except Exception:  # missing, truncated or not ours
        _stored = {}
    return _stored


def _write() -> None:
    """This process's new patterns added to what the file holds now (another process may have added some)."""
    merged = {**_read(), **_new}
    if len(merged) > MAX_PATTERNS:
        merged = {key: value for key, value in merged.items() if key in _used}
    if write_pickle(PATH, merged):
        remove_others(PATH, "regexes")  # another interpreter's
    _new.clear()
