"""jieba's dictionary read per phrase, so that a process that segments a few Han phrases does not load all of it.

rjieba (jieba-rs) parses its 349,046-word dictionary when it is first imported: about 0.1 CPU-s, a tenth of a
``citywatch tag`` run over the benchmark stream, paid there for the two English articles that quote a Chinese name.
jieba's reading of a phrase (without its HMM, as ``nlp.segment`` asks for it) depends only on the dictionary's
entries for the phrase's substrings and on the sum of all frequencies, which divides every word's frequency in the
route's log-probability: a jieba built for one phrase from those entries, plus one filler entry that brings the sum
to the whole dictionary's, reads the phrase exactly as the whole dictionary does (``tests/nlp/test_jieba_dict.py``
compares the two). The entries come from the dictionary file of the ``jieba`` package, the one jieba-rs embeds, kept
in an indexed SQLite file under ``var/cache/nlp`` that the first process to need it builds (about a second; when
``var/`` cannot be written, a temporary file of the process; a damaged file is not read, and the whole dictionary
serves).

Once the phrases read this way have cost about what loading the whole dictionary costs (``WHOLE_AFTER`` phrases),
the whole dictionary is loaded and used from then on: a long Chinese stream pays at most about twice the load, a
stream with a few quoted names a few milliseconds. Without the ``jieba`` package the whole dictionary is used at once.
"""

from __future__ import annotations

import importlib.util
import os
import sqlite3
import sys
import tempfile
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from nlp.cache import CACHE_DIR, remove_others

#: Phrases read per phrase before the whole dictionary is loaded: its load (0.10 CPU-s) over the cost of one phrase
#: (0.19 ms on 5,845 phrases of 5-25 characters from real Chinese and Japanese text, against 0.005 ms with the whole
#: dictionary loaded; 2026-12-05).
WHOLE_AFTER = 500
LONGEST_WORD = 16  # the dictionary's longest entry, in characters
_FILLER = "\ue000"  # a private-use character: the filler entry's word, never looked up
_lock = threading.Lock()
_read = 0  # phrases read per phrase in this process


def tag(phrase: str) -> list[tuple[str, str]]:
    """jieba's words of ``phrase`` and their part-of-speech tags, without the HMM (``rjieba.tag(phrase, False)``)."""
    global _read
    table = _table()
    if table is None or _read >= WHOLE_AFTER or _FILLER in phrase:
        return list(_whole().tag(phrase, False))
    with _lock:
        _read += 1
    found = table.entries(phrase)
    jieba = _empty()
    for word, frequency, part in found:
        jieba.add_word(word, frequency, part)
    jieba.add_word(_FILLER, table.total - sum(frequency for _, frequency, _ in found), "x")
    return list(jieba.tag(phrase, False))


def words_from(phrase: str, at: int) -> list[tuple[str, str]]:
    """jieba's words of ``phrase`` (simplified Chinese) from the one that begins at ``at`` on, with their
    part-of-speech tags; none when no word begins there: what follows a name (``nlp.features._partner_head``,
    ``nlp.linker._town_named_like``), from one reading of the phrase."""
    offset = 0
    words = tag(phrase)
    for n, (word, _) in enumerate(words):
        if offset == at:
            return words[n:]
        offset += len(word)
    return []


def has_word(word: str) -> bool:
    """``word`` is an entry of the dictionary."""
    table = _table()
    if table is None or _read >= WHOLE_AFTER:
        return bool(_whole().has_word(word))
    return table.has(word)


class _Table:
    """The dictionary's entries in SQLite (word, frequency, tag), and the sum of the frequencies."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self.total = int(self._db.execute("SELECT total FROM meta").fetchone()[0])

    def entries(self, phrase: str) -> list[tuple[str, int, str]]:
        substrings = sorted({phrase[i:j] for i in range(len(phrase))
                             for j in range(i + 1, min(len(phrase), i + LONGEST_WORD) + 1)})
        found: list[tuple[str, int, str]] = []
        for at in range(0, len(substrings), 900):  # SQLite's limit on a statement's parameters
            chunk = substrings[at:at + 900]
            marks = ",".join("?" * len(chunk))
            found += self._db.execute(f"SELECT word, freq, tag FROM words WHERE word IN ({marks})", chunk).fetchall()
        return found

    def has(self, word: str) -> bool:
        return self._db.execute("SELECT 1 FROM words WHERE word = ?", (word,)).fetchone() is not None


@lru_cache(maxsize=1)
def _table() -> _Table | None:
    source = dictionary_file()
    if source is None:
        return None
    stat = source.stat()
    path = CACHE_DIR / f"jieba-{stat.st_size}-{stat.st_mtime_ns}.sqlite"
    if not path.exists():
        try:
            _build(source, path)
        except OSError:  # a read-only checkout: a file of this process
            path = Path(tempfile.mkdtemp(prefix="citywatch-jieba-")) / path.name
            _build(source, path)
    try:
        return _Table(path)
    except sqlite3.Error:  # damaged or not ours: the whole dictionary, as without the package (deleting it is safe)
        return None


def dictionary_file() -> Path | None:
    """The ``jieba`` package's dictionary file, found without importing the package (whose import loads it)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).with_name("dict.txt")
    return path if path.is_file() else None


def read_entries(source: Path) -> tuple[list[tuple[str, int, str]], int]:
    """The file's entries, the last line of a word winning, and the sum of every line's frequency (as jieba-rs
    sums them as it reads)."""
    entries: dict[str, tuple[int, str]] = {}
    total = 0
    with source.open(encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) < 2:
                continue
            frequency = int(parts[1])
            entries[parts[0]] = (frequency, parts[2] if len(parts) > 2 else "")
            total += frequency
    return [(word, frequency, part) for word, (frequency, part) in entries.items()], total


def _build(source: Path, path: Path) -> None:
    """Write the SQLite file whole, then move it into place (whichever process finishes last wins)."""
    entries, total = read_entries(source)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".jieba-", suffix=".tmp")
    os.close(handle)
    try:
        with sqlite3.connect(temporary) as db:
            db.execute("CREATE TABLE words (word TEXT PRIMARY KEY, freq INTEGER, tag TEXT) WITHOUT ROWID")
            db.execute("CREATE TABLE meta (total INTEGER)")
            db.executemany("INSERT INTO words VALUES (?, ?, ?)", entries)
            db.execute("INSERT INTO meta VALUES (?)", (total,))
        db.close()
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    remove_others(path, "jieba")  # from another version of the package


def _empty() -> Any:
    return _extension().Jieba.empty()


@lru_cache(maxsize=1)
def _extension() -> Any:
    """rjieba's compiled module alone: importing the package builds its default instance, the whole dictionary. It
    is registered under its own name, so that importing the package later (``_whole``) reuses it (a PyO3 module
    is initialised once per process)."""
    if "rjieba.rjieba" in sys.modules:
        return sys.modules["rjieba.rjieba"]
    package = importlib.util.find_spec("rjieba")
    if package is None or package.submodule_search_locations is None:
        raise ImportError("rjieba is not installed")
    folder = Path(next(iter(package.submodule_search_locations)))
    binary = next(folder.glob("rjieba*.so"), None) or next(folder.glob("rjieba*.pyd"))
    spec = importlib.util.spec_from_file_location("rjieba.rjieba", binary)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {binary}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["rjieba.rjieba"] = module
    spec.loader.exec_module(module)
    return module


def _whole() -> Any:
    import rjieba

    return rjieba
