"""The near-duplicate window's table (`cw_window`): the same rows as the date index's read of the `signatures`
documents after every kind of write, one range of its integer key, pruned to the window, filled once (resumably)
for a store written before it, whatever order the signatures were written in."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from citywatch.store import StoreConfig, connect, embedded, window
from citywatch.store.lookups import dated_values, near_duplicate_window

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)


def _signatures(n: int, seed: int = 1, start: int = 0) -> list[dict]:
    """Dated out of order, some several to a second (microseconds apart or equal)."""
    rng = np.random.default_rng(seed)
    docs = []
    for i in range(start, start + n):
        at = NOW - timedelta(seconds=int(rng.integers(0, 20 * 86400)) // 7 * 7, microseconds=int(rng.integers(0, 3)))
        docs.append({"_id": f"https://outlet{i % 7}.example/{i}", "at": at, "cluster_id": f"c{i % 5}" if i % 3 else None,
                     "sig": rng.integers(0, 2**32, 128, dtype=np.uint64).astype("<u4").tobytes()})
    return docs


def _from_documents(store, since: datetime) -> list[tuple]:
    return sorted(dated_values(store, "signatures", since, None, ("sig", "cluster_id"), binary=("sig",)))


def _window(store, since: datetime) -> list[tuple]:
    rows = list(near_duplicate_window(store, since))
    assert len(rows) == len(set(rows)), "a signature read twice"
    return sorted(rows)


def test_the_window_is_the_date_index_read_after_every_kind_of_write(tmp_path):
    since = NOW - timedelta(days=14)
    with connect(StoreConfig(data_dir=tmp_path)) as store:
        signatures = store.collection("signatures")
        signatures.insert_many(_signatures(600))
        assert _window(store, since) == _from_documents(store, since) and len(_from_documents(store, since)) > 300
        signatures.insert_many(_signatures(300, seed=2, start=600))  # kept by the triggers from here on
        signatures.insert_many([{"_id": "odd", "at": NOW, "sig": "not bytes"}, {"_id": "undated", "at": "yesterday"}])
        signatures.update_many({"cluster_id": "c1"}, {"$set": {"cluster_id": "c9"}})  # the crawler's cluster updates
        signatures.update_one({"_id": "https://outlet3.example/3"}, {"$set": {"at": NOW - timedelta(days=1)}})
        signatures.replace_one({"_id": "https://outlet4.example/4"}, {"at": NOW, "sig": b"\x07" * 512}, upsert=True)
        signatures.replace_one({"_id": "new"}, {"at": NOW, "sig": b"\x08" * 512}, upsert=True)
        signatures.delete_many({"cluster_id": "c2"})
        store.collection("scratch").insert_many(_signatures(50, seed=3, start=900))
        store.collection("scratch").rename("signatures_old")
        expected = _from_documents(store, since)
        assert _window(store, since) == expected
        assert ("odd", None, None) in expected and not any(row[0] == "undated" for row in expected)


def test_the_table_holds_the_window_only_and_reaches_back_when_asked(tmp_path):
    since = NOW - timedelta(days=14)
    with connect(StoreConfig(data_dir=tmp_path)) as store:
        store.collection("signatures").insert_many(_signatures(800))
        _window(store, since)
        held = store.sql.execute(f"SELECT count(*), min(at) FROM {window.TABLE}").fetchone()
        assert held[0] == len(_from_documents(store, since)) and held[1] >= embedded.iso(since)
        store.collection("signatures").insert_many(_signatures(100, seed=4, start=800))  # mostly older than the window
        assert store.sql.execute(f"SELECT min(at) FROM {window.TABLE}").fetchone()[0] >= embedded.iso(since)
        later = since + timedelta(days=5)
        assert _window(store, later) == _from_documents(store, later)
        kept = embedded.iso(later - window.PRUNE_SLACK)
        assert store.sql.execute(f"SELECT min(at) FROM {window.TABLE}").fetchone()[0] >= kept
        earlier = since - timedelta(days=3)  # a longer window than the table holds: filled from the documents
        assert _window(store, earlier) == _from_documents(store, earlier)


def test_an_interrupted_fill_resumes_where_it_stopped(tmp_path, monkeypatch, caplog):
    since = NOW - timedelta(days=14)
    config = StoreConfig(data_dir=tmp_path)
    with connect(config) as store:
        store.collection("signatures").insert_many(_signatures(500))
        expected = _from_documents(store, since)
        monkeypatch.setattr(window, "FILL_CHUNK", 100)
        calls = 0
        real = store.sql

        class Interrupted(Exception):
            pass

        class Failing:
            """The store's connection, failing at the third chunk's insert (as a kill would)."""

            def execute(self, query, *params):
                nonlocal calls
                if query.startswith(f"INSERT INTO {window.TABLE}"):
                    calls += 1
                    if calls == 3:
                        raise Interrupted
                return real.execute(query, *params)

        monkeypatch.setattr(type(store), "sql", property(lambda self: Failing()))
        with pytest.raises(Interrupted):
            _window(store, since)
        monkeypatch.undo()
    with connect(config) as store:
        filled = store.sql.execute(f"SELECT filled FROM {window.STATE}").fetchone()[0]
        assert filled and filled > embedded.iso(since)
        assert store.sql.execute(f"SELECT count(*) FROM {window.TABLE}").fetchone()[0] == 200
        with caplog.at_level(logging.INFO, logger=window.__name__):
            assert _window(store, since) == expected
        assert f"resuming its table from the signatures dated from {filled}" in caplog.text
        assert store.sql.execute(f"SELECT filled FROM {window.STATE}").fetchone()[0] is None


def test_the_window_is_one_range_of_the_tables_key_and_the_fill_goes_through_the_date_index(embedded_store):
    query, params = window.read_sql("citywatch", NOW - timedelta(days=14))
    assert embedded.explain(embedded_store.sql, query, params) == [f"SEARCH {window.TABLE} USING INTEGER PRIMARY KEY (rowid>?)"]
    statements = []
    embedded_store.sql.set_trace_callback(statements.append)
    embedded_store.collection("signatures").insert_many(_signatures(20))
    list(near_duplicate_window(embedded_store, NOW - timedelta(days=14)))
    embedded_store.sql.set_trace_callback(None)
    reads = [s for s in statements if "FROM documents" in s]
    assert reads and all(f"INDEXED BY {embedded.RANGES['signatures'].index_name}" in s for s in reads), reads
