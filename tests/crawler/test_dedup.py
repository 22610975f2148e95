"""The near-duplicate index finds exactly the candidates datasketch's MinHashLSH finds, loaded in bulk from the
store's window (a read of id, signature and cluster: the window's table on the embedded engine, the date index on
MongoDB)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

from citywatch.store.lookups import near_duplicate_window
from crawler.dedup import NUM_PERM, SCHEME, NearDuplicateIndex, signature_doc


def _minhash(values: np.ndarray) -> LeanMinHash:
    return LeanMinHash(seed=1, hashvalues=values.astype(np.uint32), scheme=SCHEME)


def _signatures(n: int, seed: int) -> np.ndarray:
    """Random signatures where some rows copy one band (or several) of an earlier row: LSH hits and misses."""
    rng = np.random.default_rng(seed)
    sigs = rng.integers(0, 2**32, (n, NUM_PERM), dtype=np.uint64).astype(np.uint32)
    for row in range(1, n):
        if rng.random() < 0.4:
            source = int(rng.integers(0, row))
            for band in rng.choice(14, size=int(rng.integers(1, 4)), replace=False):
                sigs[row, 9 * band : 9 * band + 9] = sigs[source, 9 * band : 9 * band + 9]
        if rng.random() < 0.1:  # one value short of a band: not a candidate
            source = int(rng.integers(0, row))
            sigs[row, 18:26] = sigs[source, 18:26]
    return sigs


def test_candidates_are_datasketchs_for_loaded_and_added_signatures():
    sigs = _signatures(600, seed=3)
    reference = MinHashLSH(threshold=0.7, num_perm=NUM_PERM)
    index = NearDuplicateIndex()
    assert index.bands == reference.hashranges
    index.extend((f"k{i}", sigs[i].astype("<u4").tobytes(), None) for i in range(400))  # the stored window
    for i in range(400):
        reference.insert(f"k{i}", _minhash(sigs[i]))
    for i in range(400, 600):  # articles of this run: queried, then indexed one by one
        expected = set(reference.query(_minhash(sigs[i])))
        assert index.query(_minhash(sigs[i])) == expected, i
        index.assign(f"k{i}", _minhash(sigs[i]))
        reference.insert(f"k{i}", _minhash(sigs[i]))
    found = sum(bool(index.query(_minhash(sigs[i])) - {f"k{i}"}) for i in range(600))
    assert 150 < found < 600  # both hits and misses were checked


def test_bad_stored_signatures_are_left_out_and_keys_are_loaded_once():
    sigs = _signatures(3, seed=4)
    index = NearDuplicateIndex()
    added = index.extend([("a", sigs[0].astype("<u4").tobytes(), "c1"), ("b", b"\x00" * 12, None), ("c", None, None),
                          ("a", sigs[1].astype("<u4").tobytes(), "c2")])
    assert added == 1 and index.clusters == {"a": "c1"}
    assert index.load([{"_id": "d", "sig": sigs[2].astype("<u4").tobytes(), "cluster_id": None}]) == 1
    assert index.query(_minhash(sigs[0])) == {"a"} and index.query(_minhash(sigs[2])) == {"d"}


def test_the_window_is_read_as_tuples(store):
    now = datetime(2026, 6, 1, tzinfo=UTC)
    sigs = _signatures(5, seed=5)
    docs = [signature_doc(f"https://a.example/{i}", _minhash(sigs[i]), f"c{i}" if i % 2 else None,
                          now - timedelta(days=3 * i)) for i in range(5)]
    store.collection("signatures").insert_many(docs)
    rows = sorted(near_duplicate_window(store, now - timedelta(days=7)))
    assert rows == [(d["_id"], d["sig"], d["cluster_id"]) for d in docs[:3]]
    index = NearDuplicateIndex()
    index.extend(rows)
    assert index.assign("https://b.example/copy", _minhash(sigs[1]))[0] == "c1"
