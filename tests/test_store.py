"""The store on every back end: idempotent batched writes, streaming reads, bad input; at scale, hot
lookups through keys or indexes (checked in the query plan), start-up without per-document work, private
files, and a lock held by another process ending in one clear line."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sqlite3
import stat
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from citywatch.store import (
    InvalidDocument,
    StoreConfig,
    StoreUnavailable,
    connect,
    embedded,
    iter_articles,
    known_urls,
    save_articles,
)
from citywatch.store import connection as store_connection
from citywatch.store.connection import redact
from citywatch.store.lookups import dated, existing_ids, range_query
from citywatch.store.schema import validate_article


def article(i: int, text: str = "body", **extra: object) -> dict:
    doc = {
        "url": f"https://news.example/a/{i}?utm_source=x",
        "canonical_url": f"https://news.example/a/{i}",
        "source_id": "example",
        "title": f"Article {i}",
        "text": text,
        "lang": "en",
        "published_at": datetime(2026, 11, 1, tzinfo=UTC) + timedelta(hours=i),
        "fetched_at": datetime(2026, 11, 2, tzinfo=UTC),
        "content_hash": hashlib.sha1(text.encode()).hexdigest(),
        "mentions": [],
    }
    doc.update(extra)
    return doc


def test_same_article_twice_is_one_document(store):
    first = save_articles(store, [article(1)])
    second = save_articles(store, [article(1)])
    assert (first.inserted, second.inserted, second.unchanged) == (1, 0, 1)
    assert store.articles.count_documents({}) == 1


def test_duplicates_inside_one_batch_collapse(store):
    result = save_articles(store, [article(1), article(1, text="newer")])
    assert result.inserted == 1
    assert store.articles.find_one({"_id": "https://news.example/a/1"})["text"] == "newer"


def test_changed_body_updates_and_keeps_first_fetched_at(store):
    save_articles(store, [article(1)])
    later = datetime(2026, 11, 20, tzinfo=UTC)
    result = save_articles(store, [article(1, text="corrected body", fetched_at=later)])
    assert result.updated == 1
    doc = store.articles.find_one({"_id": "https://news.example/a/1"})
    assert doc["text"] == "corrected body"
    assert doc["fetched_at"] == datetime(2026, 11, 2, tzinfo=UTC)


def test_batches_larger_than_the_lookup_slice(store):
    docs = [article(i) for i in range(730)]
    assert save_articles(store, docs, batch_size=300).inserted == 730
    assert save_articles(store, docs, batch_size=300).unchanged == 730
    assert store.articles.count_documents({}) == 730


def test_streaming_reads_visit_every_article_once(store):
    save_articles(store, [article(i) for i in range(250)])
    seen = [d["_id"] for d in iter_articles(store, {"source_id": "example"}, {"_id": 1}, batch_size=64)]
    assert len(seen) == len(set(seen)) == 250


def test_known_urls_matches_canonical_and_fetched(store):
    save_articles(store, [article(1)])
    asked = ["https://news.example/a/1", "https://news.example/a/1?utm_source=x", "https://news.example/a/2"]
    assert known_urls(store, asked) == set(asked[:2])


def test_counts_and_description(store):
    save_articles(store, [article(1), article(2)])
    assert store.counts()["articles"] == 2
    assert "***" not in store.describe() or store.backend == "mongodb"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"url": None}, "url"),
        ({"text": 42}, "text"),
        ({"published_at": "yesterday"}, "published_at"),
        ({"author": ["A. Writer"]}, "author"),  # a field the crawler stores is checked like the others
        ({"mentions": [{"start": "0", "end": 3, "surface": "Xi", "label": "LITERAL", "confidence": 1.0}]}, "mentions[0].start"),
    ],
)
def test_bad_documents_are_rejected_naming_the_field(store, change, field):
    bad = article(1)
    bad.update(change)
    result = save_articles(store, [bad, article(2)])
    assert result.inserted == 1
    assert len(result.rejected) == 1 and f"'{field}'" in result.rejected[0][1]
    with pytest.raises(InvalidDocument) as info:
        validate_article({**bad, "_id": "x"})
    assert info.value.field == field


def test_missing_url_is_named():
    doc = article(1)
    del doc["url"]
    with pytest.raises(InvalidDocument, match="'url' is missing"):
        validate_article({**doc, "_id": "x"})


def test_unreachable_mongodb_fails_fast_with_a_clear_message():
    started = time.monotonic()
    with pytest.raises(StoreUnavailable) as info:
        connect(StoreConfig(uri="mongodb://user:hunter2@127.0.0.1:9/?directConnection=true", timeout_s=1))
    assert time.monotonic() - started < 10
    assert "hunter2" not in str(info.value) and "127.0.0.1:9" in str(info.value)


def test_redact_hides_only_the_password():
    assert redact("mongodb://ann:pw@h:27017/db") == "mongodb://ann:***@h:27017/db"
    assert redact("mongodb://h:27017") == "mongodb://h:27017"


def _writer(data_dir: str, offset: int, out) -> None:
    with connect(StoreConfig(data_dir=Path(data_dir))) as s:
        # Overlapping ranges: both processes write articles 100..199.
        result = save_articles(s, [article(i) for i in range(offset, offset + 200)], batch_size=50)
        out.put((result.inserted, result.updated, result.unchanged))


def test_two_processes_on_one_embedded_store_lose_nothing(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(str(tmp_path), off, out)) for off in (0, 100)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    results = [out.get(timeout=5) for _ in procs]
    assert sum(r[0] for r in results) == 300  # every article inserted exactly once
    with connect(StoreConfig(data_dir=tmp_path)) as s:
        assert s.articles.count_documents({}) == 300
        assert len({d["_id"] for d in iter_articles(s, {}, {"_id": 1})}) == 300


def _open_at_once(data_dir: str, go, out) -> None:
    go.wait(30)
    try:
        with connect(StoreConfig(data_dir=Path(data_dir))) as s:
            out.put(s.counts()["articles"])
    except Exception as exc:  # reported to the test, which names it
        out.put(repr(exc))


def test_processes_opening_a_fresh_embedded_store_together_all_succeed(tmp_path):
    """Crawler processes starting together race to create the indexes; each must open the store."""
    ctx = multiprocessing.get_context("spawn")
    for round_ in range(3):
        go, out = ctx.Event(), ctx.Queue()
        procs = [ctx.Process(target=_open_at_once, args=(str(tmp_path / str(round_)), go, out)) for _ in range(4)]
        for p in procs:
            p.start()
        time.sleep(1.5)  # let every process import and wait at the barrier
        go.set()
        results = [out.get(timeout=60) for _ in procs]
        for p in procs:
            p.join(30)
        assert results == [0, 0, 0, 0], results


DAY = datetime(2026, 11, 1, tzinfo=UTC)


def _plan_uses(plan: list[str], index: str, *constraints: str) -> bool:
    return any(line.startswith("SEARCH documents USING") and index in line and all(c in line for c in constraints)
               for line in plan)


def test_id_membership_is_a_primary_key_search(embedded_store):
    query, params = embedded.present_sql(embedded_store.engine, "citywatch", "articles", ["https://a.example/1", "x"])
    plan = embedded.explain(embedded_store.sql, query, params)
    assert _plan_uses(plan, "sqlite_autoindex_documents_1", "storage_key=?"), plan


@pytest.mark.parametrize("name", sorted(embedded.RANGES))
def test_each_date_range_is_an_index_range_search(embedded_store, name):
    """A range with an index of its own searches it; an article range searches the scoring rows' key, in its
    order, and finds each document by rowid (no sort, no scan)."""
    rng = embedded.RANGES[name]
    for lo, hi in ((DAY, DAY + timedelta(days=90)), (DAY, None)):
        for query, params in (embedded.between_sql("citywatch", rng, lo, hi, ["source_id"]),
                              embedded.values_sql("citywatch", rng, lo, hi, ["source_id", "sig"], binary=["sig"])):
            plan = embedded.explain(embedded_store.sql, query, params)
            if rng.rows is None:
                assert _plan_uses(plan, rng.index_name, "db_name=?", ">"), plan
            else:
                assert plan == ["SEARCH s USING PRIMARY KEY (db_name=? AND day>?" + (" AND day<?)" if hi else ")"),
                                "SEARCH d USING INTEGER PRIMARY KEY (rowid=?)"], plan


def test_article_ranges_have_no_index_of_their_own(tmp_path):
    """A store made before the article ranges were read through the scoring rows loses their indexes at its next
    open; every write then updates two B-trees fewer."""
    config = StoreConfig(data_dir=tmp_path)
    names = [rng.index_name for rng in embedded.RANGES.values() if rng.rows is not None]
    with connect(config) as store:
        save_articles(store, [article(0)])
        for rng in embedded.RANGES.values():
            if rng.rows is not None:
                store.sql.execute(f"CREATE INDEX {rng.index_name} ON documents (db_name, {rng.expression()}) "
                                  f"WHERE coll_name = '{rng.collection}'")
    with connect(config) as store:
        present = {row[0] for row in store.sql.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert names and not present & set(names), present
        assert [d["_id"] for d in dated(store, "article_date", DAY, None, ["_id"])] == ["https://news.example/a/0"]


def test_mongodb_plans_use_indexes(store):
    if store.engine is not None or store.point_lookups:
        pytest.skip("query plans of a real MongoDB: set CITYWATCH_TEST_MONGO_URI (mongoeco's wire server plans differently)")
    save_articles(store, [article(i) for i in range(20)])
    rng = embedded.RANGES["article_date"]
    for coll, query in (("articles", {"_id": {"$in": ["https://news.example/a/1"]}}),
                        ("articles", range_query(rng, DAY, DAY + timedelta(days=1))),
                        ("signatures", range_query(embedded.RANGES["signatures"], DAY, None))):
        plan = str(store.db[coll].find(query).explain()["queryPlanner"]["winningPlan"])
        assert "COLLSCAN" not in plan, (coll, query, plan)


def test_lookups_answer_the_same_on_every_back_end(store):
    undated = article(3, published_at=None, fetched_at=DAY + timedelta(hours=5))
    save_articles(store, [article(0), article(1), article(40), undated])
    assert existing_ids(store, "articles", ["https://news.example/a/1", "https://news.example/a/2"]) == {
        "https://news.example/a/1"}
    asked = ["https://news.example/a/1?utm_source=x", "https://news.example/a/9?utm_source=x"]
    assert known_urls(store, asked) == {asked[0]}
    hi = DAY + timedelta(hours=24)
    published = {d["_id"][-2:] for d in dated(store, "published", DAY, hi, ["source_id"])}
    assert published == {"/0", "/1"}
    by_date = list(dated(store, "article_date", DAY, hi, ["source_id", "published_at"]))
    assert {d["_id"][-2:] for d in by_date} == {"/0", "/1", "/3"}
    assert all(d["source_id"] == "example" for d in by_date)
    assert {d["published_at"] for d in by_date} == {None, DAY, DAY + timedelta(hours=1)}


def test_start_up_does_no_work_per_document(tmp_path):
    """No mongoeco secondary index (rebuilt from every document at each connect), and old ones are dropped."""
    config = StoreConfig(data_dir=tmp_path)
    with connect(config) as store:
        save_articles(store, [article(i) for i in range(30)])
        store.articles.create_index("cluster_id", name="cluster")  # as an earlier version declared
    with connect(config) as store:
        for name in store.db.list_collection_names():
            assert [i["name"] for i in store.db[name].list_indexes()] == ["_id_"], name
        assert store.sql.execute("SELECT count(*) FROM scalar_index_entries").fetchone()[0] == 0


def test_store_files_are_owner_only(tmp_path):
    data = tmp_path / "var"
    with connect(StoreConfig(data_dir=data)) as store:
        save_articles(store, [article(1)])
        files = [p for p in data.iterdir() if p.name.startswith("citywatch.sqlite")]
        assert {p.name for p in files} >= {"citywatch.sqlite", "citywatch.sqlite-wal", "citywatch.sqlite-shm"}
        for path in files:
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE(data.stat().st_mode) == 0o700


def test_existing_world_readable_store_is_tightened(tmp_path):
    with connect(StoreConfig(data_dir=tmp_path)):
        pass
    path = tmp_path / "citywatch.sqlite"
    os.chmod(path, 0o644)
    with connect(StoreConfig(data_dir=tmp_path)):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_lock_held_too_long_is_one_clear_error(tmp_path, monkeypatch):
    config = StoreConfig(data_dir=tmp_path)
    with connect(config):
        pass
    monkeypatch.setattr(embedded, "BUSY_TIMEOUT_S", 0.05)
    monkeypatch.setattr(store_connection, "LOCK_BACKOFF_S", 0.01)
    holder = sqlite3.connect(Path(tmp_path) / "citywatch.sqlite")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreUnavailable, match="stayed locked by another process"):
            connect(config)
    finally:
        holder.rollback()
        holder.close()
    with connect(config) as store:  # released: the same call works
        assert store.counts()["articles"] == 0


def _filled(tmp_path: Path):
    source = connect(StoreConfig(data_dir=tmp_path / "src"))
    later = datetime(2026, 11, 3, 4, 5, 6, 789_123, tzinfo=UTC)  # microseconds: MongoDB keeps milliseconds
    save_articles(source, [article(i, fetched_at=later) for i in range(250)])
    source.collection("signatures").insert_many([{"_id": f"s{i}", "sig": bytes([i % 256]) * 8, "at": later}
                                                 for i in range(30)])
    source.collection("users").insert_one({"_id": "ann", "role": "admin"})
    return source


def test_migrate_copies_everything_and_verifies(tmp_path, wire_server, monkeypatch):
    from citywatch.store import migrate as migration

    monkeypatch.setattr(migration, "BATCH", 100)  # mongoeco's wire server writes one document per transaction
    source = _filled(tmp_path)
    target = connect(StoreConfig(uri=wire_server, db_name=f"m{tmp_path.name[-8:]}", timeout_s=10))
    real_insert = migration.insert_new
    calls = 0

    def interrupted(collection, docs):  # the copy dies after two batches
        nonlocal calls
        calls += 1
        if calls > 2:
            raise KeyboardInterrupt
        return real_insert(collection, docs)

    monkeypatch.setattr(migration, "insert_new", interrupted)
    with pytest.raises(KeyboardInterrupt):
        migration.migrate(source, target)
    monkeypatch.setattr(migration, "insert_new", real_insert)
    results = {r.collection: r for r in migration.migrate(source, target)}
    assert results["articles"].written == 250 - 200  # resumed after the two batches already copied
    assert all(r.verified for r in results.values()), results
    assert {r.collection: r.target_count for r in results.values()} == {
        "articles": 250, "signatures": 30, "url_aliases": 250, "users": 1}
    target.collection("users").update_one({"_id": "ann"}, {"$set": {"role": "reviewer"}})
    again = {r.collection: r for r in migration.migrate(source, target)}
    assert not again["users"].verified and again["articles"].verified and again["articles"].written == 0
    source.close()
    target.close()


def test_migrate_command_reports_and_refuses_a_bad_target(tmp_path, store_env, wire_server):
    from click.testing import CliRunner

    from citywatch.cli.db import db

    with connect() as source:
        save_articles(source, [article(i) for i in range(5)])
    runner = CliRunner()
    done = runner.invoke(db, ["migrate", "--to", wire_server])
    assert done.exit_code == 0, done.output
    assert "articles" in done.output and "verified" in done.output and "MISMATCH" not in done.output
    bad = runner.invoke(db, ["migrate", "--to", "http://not-mongo"])
    assert bad.exit_code != 0 and "not a valid MongoDB URI" in str(bad.exception or bad.output)


def _random_mentions(rng, n: int) -> list[dict]:
    out = []
    for k in range(n):
        m = {"start": k, "end": k + 3, "surface": rng.choice(["Suzhou", "Beijing", "St. Xi"]),
             "label": rng.choice(["LITERAL", "METONYMIC"]), "confidence": rng.random(), "flagged": rng.random() < 0.5,
             "group_key": rng.choice(["a|LITERAL|x", "b|METONYMIC|y", "", None, "c.d|LITERAL|z"]),
             "city": rng.choice([{"adcode": "110000"}, {"adcode": "320500"}, None]),
             "candidates": rng.choice([[], ["320500", "321200"]])}
        r = rng.random()
        if r < 0.2:
            m["review"] = {"label": "LITERAL", "city": {"adcode": "321200"}, "scope": "group"}
        elif r < 0.3:
            m["review"] = {"label": "NOT_PLACE", "city": None, "scope": "mention"}
        out.append(m)
    return out


def _queue_facts(queue) -> list[tuple]:
    return [(g.key, g.touch, g.pending, g.articles, round(g.conf_sum, 9), dict(g.surfaces), dict(g.cities),
             sorted(g.candidates), sorted(g.sources), round(g.impact, 9)) for g in queue.groups] + [
        (queue.city_counts, queue.pending_mentions, queue.total_mentions)]


def test_review_group_summary_follows_writes_decisions_and_deletes(tmp_path):
    import random

    from citywatch.review.queue import ARTICLE_FIELDS, QueueFilter, build_queue, members, rank, with_sources
    from citywatch.store import groups

    rng = random.Random(3)
    config = StoreConfig(data_dir=tmp_path)
    with connect(config) as store:
        docs = [article(i, mentions=_random_mentions(rng, rng.randint(0, 4)), source_id=f"s{i % 3}") for i in range(150)]
        save_articles(store, docs)
        store.articles.update_one({"_id": "https://news.example/a/0"}, {"$set": {"mentions": _random_mentions(rng, 3)}})
        store.articles.delete_one({"_id": "https://news.example/a/1"})
        save_articles(store, [article(2, text="changed", mentions=[])])  # a re-crawled body replaces the mentions

        def full() -> list[tuple]:
            return _queue_facts(rank(iter_articles(store, {}, ARTICLE_FIELDS)))

        def summarised(**options) -> list[tuple]:
            built = build_queue(store, **options)
            assert not built.sources_read  # outlets are read for the groups shown, never for the whole queue
            with_sources(store, built, built.groups)
            return _queue_facts(built)

        assert summarised() == full()
        assert summarised(skip=["a|LITERAL|x"]) == _queue_facts(
            rank(iter_articles(store, {}, ARTICLE_FIELDS), QueueFilter(), ["a|LITERAL|x"]))
        scanned = sorted(d["_id"] for d in iter_articles(store, {"mentions.group_key": "c.d|LITERAL|z"}, {"_id": 1}))
        assert sorted({m.article["_id"] for m in members(store, "c.d|LITERAL|z")}) == scanned
        statements: list[str] = []
        store.sql.set_trace_callback(statements.append)
        groups.summary(store.sql, "citywatch")
        groups.sources_of(store, ["c.d|LITERAL|z"])
        list(members(store, "c.d|LITERAL|z"))
        store.sql.set_trace_callback(None)
        reads = [q for q in statements if groups.TABLE in q]
        assert len(reads) == 6, reads  # pending, facets, counts, total; outlets; members
        for query in reads:  # every read of the summary searches a key or a partial index, none scans
            plan = embedded.explain(store.sql, query, [])
            assert plan and all(line.startswith("SEARCH") for line in plan), (query, plan)
        expected = full()
        # keyed by kind first, as before 2026-12-04, with the triggers as they are now: copied at open
        triggers = [ddl for (ddl,) in store.sql.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND "
                                                        "name LIKE 'cw_queue_%'")]
        for trigger in ("cw_queue_insert", "cw_queue_delete", "cw_queue_update"):
            store.sql.execute(f"DROP TRIGGER {trigger}")
        store.sql.execute(f"ALTER TABLE {groups.TABLE} RENAME TO new_rows")
        store.sql.execute(f"CREATE TABLE {groups.TABLE} ({groups._LAYOUT.format(key='kind, grp')}) WITHOUT ROWID")
        store.sql.execute(f"INSERT INTO {groups.TABLE} SELECT * FROM new_rows")
        store.sql.execute("DROP TABLE new_rows")
        for ddl in triggers:
            store.sql.execute(ddl)
    with connect(config) as store:
        ddl = store.sql.execute("SELECT sql FROM sqlite_master WHERE name = ?", (groups.TABLE,)).fetchone()[0]
        assert "PRIMARY KEY (db_name, grp, kind, value)" in ddl, ddl
        assert summarised() == expected
        store.sql.execute(f"DROP TABLE {groups.TABLE}")  # as in a store written before the summary existed
        for trigger in ("cw_queue_insert", "cw_queue_delete", "cw_queue_update"):
            store.sql.execute(f"DROP TRIGGER {trigger}")
    with connect(config) as store:  # summarised once at open, then kept up to date
        assert summarised() == expected


def test_pending_count_from_the_summary_matches_the_aggregation(tmp_path):
    import random

    from citywatch.review.queue import pending_count
    from citywatch.store import groups

    rng = random.Random(5)
    with connect(StoreConfig(data_dir=tmp_path)) as store:
        save_articles(store, [article(i, mentions=_random_mentions(rng, rng.randint(0, 4))) for i in range(60)])
        summarised = pending_count(store)
        store.engine = None  # the MongoDB path: one aggregation over the articles
        assert summarised == pending_count(store) > 0
        assert groups.pending_mentions(store) is None
