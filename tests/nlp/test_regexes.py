"""Compiled patterns kept between processes (``nlp.regexes``) and OpenBLAS's idle threads told to sleep
(``nlp.spacy_import.quiet_blas_threads``): each compared with what Python and numpy do by themselves."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from nlp import regexes

PATTERNS = [
    (r"[\u3400-\u9fff]{1,5}?(?:新区|区|县)", 0),
    (r"(?P<zone>[A-Z][\w'’-]*)(?:,?[ \t]+(?P=zone))?", re.MULTILINE),
    (r"\b(?:province|provinz|provincia)\b", re.IGNORECASE),
    (r"[^\W\d_]+(?:['’][^\W\d_]+)?", 0),
    (r"^[ \t]*【(?P<zone>[^】\n]{1,20})】", re.MULTILINE | re.IGNORECASE),
    (r"(?<=[.!?”\"] )[A-Z]\w*|(?!)", 0),
]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The module as in a new process, its file in ``tmp_path``; the process's own state put back after."""
    saved = regexes._stored, dict(regexes._new), set(regexes._used)
    path = tmp_path / "regexes-test.pickle"
    monkeypatch.setattr(regexes, "PATH", path)
    _restart()
    yield path
    regexes._stored, regexes._new, regexes._used = saved[0], saved[1], saved[2]


def _restart() -> None:
    regexes._stored, regexes._new, regexes._used = None, {}, set()


def test_a_pattern_rebuilt_in_a_later_process_is_the_compiled_pattern(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = [regexes.compile(pattern, flags) for pattern, flags in PATTERNS]
    assert first == [re.compile(pattern, flags) for pattern, flags in PATTERNS]
    regexes._write()
    _restart()

    def not_compiled(*_: object) -> None:
        raise AssertionError("compiled again instead of rebuilt from the file")

    monkeypatch.setattr(regexes, "_compiled", not_compiled)
    again = [regexes.compile(pattern, flags) for pattern, flags in PATTERNS]
    # equal patterns have equal code (CPython compares the compiled code), so this checks more than the source
    assert again == [re.compile(pattern, flags) for pattern, flags in PATTERNS]
    text = "Zhejiang, Zhejiang 【北京共同】 Province of 浦东新区 isn't it. Beijing"
    for pattern, (source, flags) in zip(again, PATTERNS, strict=True):
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in re.finditer(source, text, flags)]
        assert pattern.groupindex == re.compile(source, flags).groupindex


def test_a_damaged_or_foreign_file_gives_the_compiled_pattern(fresh: Path) -> None:
    for content in (b"not a pickle", pickle.dumps(["a list"]),
                    pickle.dumps({(PATTERNS[0][0], 0): ("wrong", "shape")})):
        fresh.write_bytes(content)
        _restart()
        assert regexes.compile(*PATTERNS[0]) == re.compile(*PATTERNS[0])


def test_a_file_grown_past_its_limit_keeps_the_patterns_in_use(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for pattern, flags in PATTERNS:
        regexes.compile(pattern, flags)
    regexes._write()
    _restart()
    monkeypatch.setattr(regexes, "MAX_PATTERNS", 3)
    regexes.compile(*PATTERNS[0])
    regexes.compile("a new one", 0)
    regexes._write()
    with fresh.open("rb") as stored:
        assert set(pickle.load(stored)) == {(PATTERNS[0][0], 0), ("a new one", 0)}


def test_every_pattern_the_tagger_keeps_rebuilds_as_compiled() -> None:
    """The project's own file after a tag run in a new process: every entry rebuilt equals ``re.compile``."""
    probe = "from nlp.pipeline import tag_docs; tag_docs(['Officials in Beijing said so.', '北京と上海で会議'])"
    subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True)
    with regexes.PATH.open("rb") as stored:
        kept = pickle.load(stored)
    assert len(kept) > 50
    for (pattern, flags), compiled in kept.items():
        assert regexes._rebuilt(pattern, compiled) == re.compile(pattern, flags), pattern[:80]


@pytest.mark.parametrize(("environment", "first", "expected"), [
    ({}, "nlp", "4"),
    ({"OPENBLAS_THREAD_TIMEOUT": "9"}, "nlp", "9"),  # the environment's own setting is kept
    ({}, "numpy", None),  # too late once OpenBLAS is loaded: nothing is pretended
])
def test_blas_threads_sleep_when_idle_unless_told_otherwise(environment: dict[str, str], first: str,
                                                            expected: str | None) -> None:
    import os

    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_THREAD_TIMEOUT"} | environment
    probe = f"import {first}, nlp, numpy, os; print(os.environ.get('OPENBLAS_THREAD_TIMEOUT'))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env)
    assert done.stdout.strip() == str(expected)
