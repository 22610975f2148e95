"""Documents per collection kept by triggers (`cw_count`): equal to a recount after every kind of write, built
once for a store written before it, read by `db status` without touching the documents' b-tree."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta

from click.testing import CliRunner

from citywatch.store import StoreConfig, connect, counts, embedded, save_articles
from citywatch.store.location import COUNTED, COUNTS_TABLE, count, embedded_counts, read_counts


def _article(i: int) -> dict:
    when = datetime(2026, 5, 1, tzinfo=UTC) + timedelta(hours=i)
    return {"url": f"https://news.example/c/{i}", "source_id": "s", "title": f"Story {i}", "text": f"body {i}",
            "lang": "en", "published_at": when, "fetched_at": when, "content_hash": f"{i:040x}", "mentions": []}


def _recount(store) -> dict[str, int]:
    return {name: count(store.sql, store.db.name, name) for name in COUNTED}


def test_counts_follow_inserts_upserts_deletes_drops_and_renames(tmp_path):
    with connect(StoreConfig(data_dir=tmp_path)) as store:
        save_articles(store, [_article(i) for i in range(30)])
        save_articles(store, [{**_article(i), "content_hash": "f" * 40} for i in range(25, 35)])  # 5 updated, 5 new
        store.articles.delete_many({"_id": {"$in": [f"https://news.example/c/{i}" for i in range(3)]}})
        store.collection("signatures").insert_many([{"_id": f"s{i}", "at": datetime.now(UTC)} for i in range(7)])
        store.collection("signatures").replace_one({"_id": "s1"}, {"at": datetime.now(UTC)}, upsert=True)
        store.collection("scratch").insert_many([{"_id": i} for i in range(4)])
        store.collection("scratch").rename("reviews")
        store.collection("runs").insert_many([{"_id": i} for i in range(6)])
        store.collection("runs").drop()
        kept = store.counts()
        assert kept == _recount(store)
        assert kept["articles"] == 32 and kept["signatures"] == 7 and kept["reviews"] == 4 and kept["runs"] == 0


def test_a_store_without_the_counts_gets_them_once_and_db_status_reads_them(tmp_path, monkeypatch):
    from citywatch.cli.db import db

    config = StoreConfig(data_dir=tmp_path)
    with connect(config) as store:
        save_articles(store, [_article(i) for i in range(12)])
        store.sql.execute(f"DROP TABLE {COUNTS_TABLE}")  # as in a store written before the counts existed
        for trigger in counts.TRIGGERS:
            store.sql.execute(f"DROP TRIGGER {trigger}")
    assert embedded_counts(config)["articles"] == 12  # read-only: counted with count(*) until the store is opened
    with connect(config) as store:
        assert store.counts()["articles"] == 12
        save_articles(store, [_article(i) for i in range(12, 15)])
        # the counts are the table's: change it behind the triggers' back and db status says so
        store.sql.execute(f"UPDATE {COUNTS_TABLE} SET n = 1000 WHERE coll_name = 'articles'")
    monkeypatch.setenv("CITYWATCH_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("CITYWATCH_MONGO_URI", raising=False)
    done = CliRunner().invoke(db, ["status"])
    assert done.exit_code == 0, done.output
    shown = dict(line.split() for line in done.output.splitlines()[1:])
    assert shown["articles"] == "1,000" and shown["signatures"] == "0"


def test_reading_the_counts_is_a_primary_key_search_of_the_counts_only(tmp_path):
    with connect(StoreConfig(data_dir=tmp_path)) as store:
        save_articles(store, [_article(1)])
        traced: list[str] = []
        with closing(sqlite3.connect(store.location)) as sql:
            sql.set_trace_callback(traced.append)
            assert read_counts(sql, store.db.name)["articles"] == 1
            reads = [line for line in traced if COUNTS_TABLE in line]
            assert reads and not any("documents" in line for line in traced), traced
            plan = embedded.explain(sql, reads[-1].replace("'citywatch'", "?").split(" IN (")[0] + " IN (?)",
                                    ["citywatch", "articles"])
        assert any(line.startswith(f"SEARCH {COUNTS_TABLE} USING PRIMARY KEY (db_name=? AND coll_name=?)")
                   for line in plan), plan


def test_opening_the_store_scans_no_document_key(tmp_path, monkeypatch):
    """mongoeco's connect lists the collections holding documents from the counts, not from every document key."""
    assert tuple(counts.TRIGGERS) == embedded.COUNT_TRIGGERS
    config = StoreConfig(data_dir=tmp_path)
    with connect(config) as store:
        save_articles(store, [_article(i) for i in range(5)])
        store.collection("signatures").insert_one({"_id": "s", "at": datetime.now(UTC)})
        store.sql.execute("DELETE FROM collections")  # mongoeco's list, rebuilt at connect from what holds documents
    statements: list[str] = []
    original = embedded.Engine._create_sqlite_connection

    def traced(engine):
        connection = original(engine)
        connection.set_trace_callback(statements.append)
        return connection

    monkeypatch.setattr(embedded.Engine, "_create_sqlite_connection", traced)
    with connect(config) as store:
        assert store.counts()["articles"] == 5
        assert sorted(store.db.list_collection_names()) == ["articles", "signatures"]
    reads = [s for s in statements if s.lstrip().upper().startswith(("SELECT", "INSERT", "UPDATE", "DELETE", "WITH"))]
    assert any("INSERT OR IGNORE INTO collections" in s for s in reads), statements  # mongoeco's connect was seen
    with closing(sqlite3.connect(config.location)) as sql:
        plans = {s: embedded.explain(sql, s, []) for s in reads}
    scans = {s: plan for s, plan in plans.items()  # a read of documents not narrowed to some keys reads them all
             if any(line.startswith(("SCAN documents", "SEARCH documents")) and "storage_key=" not in line
                    for line in plan)}
    assert not scans, scans
