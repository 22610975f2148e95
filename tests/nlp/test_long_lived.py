"""``nlp.long_lived``: no cyclic garbage collection while the tagger builds what it keeps, and what it built
frozen afterwards; the collector as it was once the outermost build is done."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
import srsly

from nlp.long_lived import long_lived


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


@pytest.fixture
def collections() -> Iterator[list[int]]:
    runs: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            runs.append(info["generation"])

    gc.callbacks.append(count)
    try:
        yield runs
    finally:
        gc.callbacks.remove(count)


def test_no_collection_inside_and_the_collector_as_it_was_after(collections: list[int]) -> None:
    before = gc.get_threshold()
    frozen = gc.get_freeze_count()
    with long_lived():
        kept = [_Node() for _ in range(50_000)]  # 25 times the first generation's threshold
        srsly.msgpack_loads(srsly.msgpack_dumps({"a": 1}))  # srsly re-enables a disabled collector
        more = [_Node() for _ in range(50_000)]
        assert collections == []
    assert gc.get_threshold() == before and gc.isenabled()
    assert gc.get_freeze_count() >= frozen + len(kept) + len(more)  # out of the collector's sight
    [_Node() for _ in range(3 * before[0])]
    assert collections  # collecting again


def test_only_the_outermost_freezes_and_restores() -> None:
    before = gc.get_threshold()
    with long_lived():
        with long_lived():
            frozen = gc.get_freeze_count()
        assert gc.get_threshold()[0] == 0 and gc.get_freeze_count() == frozen
    assert gc.get_threshold() == before and gc.get_freeze_count() > frozen


def test_restored_when_the_build_fails() -> None:
    before = gc.get_threshold()
    with pytest.raises(ValueError), long_lived():
        raise ValueError("a bad data file")
    assert gc.get_threshold() == before
