"""The trigger-kept summaries and the reads that must not wait or scan: per-day counts on every back end
(against a recount of the articles), their query plan, outlets read per shown queue group, one-parse
projections, and `db status` reading counts while another process holds the write lock."""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from datetime import UTC, date, datetime, timedelta

from click.testing import CliRunner

from citywatch.store import StoreConfig, connect, embedded, iter_articles, periods, save_articles, scoring_rows
from citywatch.store.lookups import dated
from citywatch.store.summary import city_refs

START, END = date(2026, 3, 1), date(2026, 3, 20)


def _article(i: int, rng: random.Random) -> dict:
    when = datetime(2026, 3, 1, tzinfo=UTC) + timedelta(hours=7 * i)
    mentions = []
    for k in range(rng.randint(0, 3)):
        adcode, name = rng.choice([("110000", "Beijing"), ("320500", "Suzhou"), ("440300", "Shenzhen")])
        mentions.append({"start": 10 * k, "end": 10 * k + len(name), "surface": name,
                         "label": rng.choice(["LITERAL", "METONYMIC", "OTHER_PLACE"]), "confidence": 0.9,
                         "flagged": False, "city": {"adcode": adcode, "name": name, "province": "P"}})
    doc = {"url": f"https://news.example/p/{i}", "source_id": f"s{i % 4}", "title": f"Story {i}", "text": "body " * 40,
           "lang": rng.choice(["en", "fr", None]), "published_at": None if i % 9 == 0 else when,
           "fetched_at": when + timedelta(hours=1), "content_hash": f"{i:040x}", "mentions": mentions,
           "status": rng.choice(["ok", "ok", "paywalled", None])}
    doc["city_refs"] = city_refs(doc)
    return doc


def _recount(store) -> list[tuple]:
    """The per-day rows computed from every article, as scoring would see them."""
    rows: Counter = Counter()
    for doc in iter_articles(store, {}, {"published_at": 1, "fetched_at": 1, "source_id": 1, "status": 1, "lang": 1,
                                         "city_refs": 1}):
        when = doc.get("published_at") or doc.get("fetched_at")
        if not (START <= when.date() < END):
            continue
        key = (when.date(), "published" if doc.get("published_at") else "fetched", doc["source_id"],
               doc.get("status") or "ok", doc.get("lang") or "")
        rows[(*key, "", "", "a")] += 1
        for ref in (doc.get("city_refs") or {}).get("refs") or ():
            rows[(*key, ref["adcode"], ref["label"], "a")] += 1
            rows[(*key, ref["adcode"], ref["label"], "m")] += ref["n"]
    keys = sorted({k[:-1] for k in rows})
    return [(*k, rows[(*k, "a")], rows[(*k, "m")]) for k in keys]


def _read(store) -> list[tuple]:
    return [(r.day, r.dated, r.source, r.status, r.lang, r.city, r.label, r.articles, r.mentions)
            for r in periods.day_counts(store, START, END)]


def test_day_counts_follow_writes_updates_and_deletes(store):
    rng = random.Random(11)
    save_articles(store, [_article(i, rng) for i in range(80)])
    changed = _article(100, rng)
    store.articles.update_one({"_id": "https://news.example/p/3"},
                              {"$set": {"city_refs": changed["city_refs"], "status": "paywalled"}})
    store.articles.update_one({"_id": "https://news.example/p/4"}, {"$set": {"cluster_id": "c1"}})
    store.articles.delete_one({"_id": "https://news.example/p/5"})
    save_articles(store, [{**_article(6, rng), "source_id": "moved"}])
    expected = _recount(store)
    assert expected and any(row[1] == "fetched" for row in expected) and any(row[5] for row in expected)
    assert _read(store) == expected


def test_the_retired_day_count_table_is_dropped_once_and_counts_read_a_key_range(tmp_path):
    """A store written when triggers kept ``cw_period`` (before 2026-12-06) loses the table and its triggers at its
    next open; the counts come from the scoring rows' key range (no scan, no sort of the table) and stay exact."""
    config = StoreConfig(data_dir=tmp_path)
    rng = random.Random(12)
    with connect(config) as store:
        save_articles(store, [_article(i, rng) for i in range(40)])
        expected = _recount(store)
        store.sql.execute(f"CREATE TABLE {periods.RETIRED_TABLE} (db_name TEXT, day TEXT)")
        for trigger in periods.RETIRED_TRIGGERS:
            store.sql.execute(f"CREATE TRIGGER {trigger} AFTER DELETE ON documents BEGIN SELECT 1; END")
    with connect(config) as store:
        names = (periods.RETIRED_TABLE, *periods.RETIRED_TRIGGERS)
        assert not store.sql.execute(f"SELECT name FROM sqlite_master WHERE name IN ({', '.join('?' * len(names))})",
                                     names).fetchall()
        assert not periods.retire(store.sql)
        assert _read(store) == expected
        where = "s.db_name = ? AND s.day >= ? AND s.day < ?"
        plan = embedded.explain(store.sql, periods._DAY_COUNTS.format(where=where),
                                ["citywatch", "2026-03-01", "2026-04-01"] * 2)
        ranges = [line for line in plan if "PRIMARY KEY (db_name=? AND day>? AND day<?)" in line]
        assert len(ranges) == 2 and not any(line.startswith("SCAN s") for line in plan), plan
        save_articles(store, [_article(i, rng) for i in range(40, 50)])
        assert _read(store) == _recount(store)


def test_opening_a_summarised_store_takes_no_write_lock(tmp_path):
    config = StoreConfig(data_dir=tmp_path)
    with connect(config) as store:
        sql = store.sql
        from citywatch.store import groups

        assert not any(summary.install(sql) for summary in (groups, scoring_rows)) and not periods.retire(sql)
        writer = sqlite3.connect(config.location, isolation_level=None, timeout=0.1)
        writer.execute("BEGIN IMMEDIATE")
        try:
            assert not any(summary.install(sql) for summary in (groups, scoring_rows)) and not periods.retire(sql)
        finally:
            writer.execute("ROLLBACK")
            writer.close()


def test_db_status_reads_counts_while_another_process_writes(store_env):
    from citywatch.cli.db import db

    with connect() as store:
        save_articles(store, [_article(i, random.Random(i)) for i in range(1, 4)])
        location, stored = store.location, store.counts()["articles"]
    writer = sqlite3.connect(location, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # a crawl in the middle of a batch
    try:
        writer.execute("DELETE FROM documents WHERE coll_name = 'articles' AND storage_key IN "
                       "(SELECT storage_key FROM documents WHERE coll_name = 'articles' LIMIT 1)")
        done = CliRunner().invoke(db, ["status"])
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert done.exit_code == 0, done.output
    assert f"embedded store: {location}" in done.output
    assert stored == 3 and "articles            3" in done.output  # committed state; the writer's delete is unseen


def test_db_status_with_a_relative_data_dir(store_env, monkeypatch):
    from citywatch.cli.db import db

    with connect() as store:
        save_articles(store, [_article(1, random.Random(1))])
    monkeypatch.chdir(store_env.parent)
    monkeypatch.setenv("CITYWATCH_DATA_DIR", store_env.name)
    done = CliRunner().invoke(db, ["status"])
    assert done.exit_code == 0, done.exception
    assert "articles            1" in done.output


def test_db_status_names_a_damaged_file_in_one_line(store_env):
    from citywatch.cli.db import db

    store_env.mkdir(parents=True)
    (store_env / "citywatch.sqlite").write_bytes(b"not a database at all" * 100)
    done = CliRunner().invoke(db, ["status"])
    assert done.exit_code != 0
    assert "citywatch.sqlite" in str(done.exception)


def test_projections_parse_each_document_once_and_keep_absent_fields(embedded_store):
    rng = random.Random(13)
    save_articles(embedded_store, [_article(i, rng) for i in range(5)])
    lo = datetime(2026, 2, 1, tzinfo=UTC)
    query, params = embedded.between_sql("citywatch", embedded.RANGES["article_date"], lo, None, ["lang", "nope"])
    assert "json_extract(document, '$._id', '$.lang', '$.nope')" in query
    rows = list(dated(embedded_store, "article_date", lo, None, ["lang", "nope", "_id", "published_at"]))
    assert len(rows) == 5
    for row in rows:
        assert list(row) == ["_id", "lang", "nope", "published_at"] and row["nope"] is None
    assert [set(r) for r in dated(embedded_store, "article_date", lo, None, ["_id"])] == [{"_id"}] * 5
    whole = {d["_id"]: d for d in dated(embedded_store, "article_date", lo, None)}
    assert all(whole[r["_id"]]["published_at"] == r["published_at"] for r in rows)


def test_lookups_by_id_are_primary_key_queries_with_the_same_fields(embedded_store):
    from citywatch.store.articles import lookup_ids

    rng = random.Random(14)
    save_articles(embedded_store, [_article(i, rng) for i in range(1, 12)])
    ids = sorted(d["_id"] for d in iter_articles(embedded_store, {}, {"_id": 1}))[::3] + ["https://news.example/p/none"]
    found = lookup_ids(embedded_store, embedded_store.articles, ids, {"title": 1, "mentions.label": 1, "nope": 1})
    assert len(ids) > 3 and sorted(found) == sorted(ids[:-1])
    for key, doc in found.items():
        whole = embedded_store.articles.find_one({"_id": key})
        assert doc == {"_id": key, "title": whole["title"], "mentions": whole["mentions"], "nope": None}
    key = embedded_store.engine._storage_key(ids[0])
    plan = embedded.explain(embedded_store.sql, "SELECT document FROM documents WHERE db_name = ? AND coll_name = ? "
                            "AND storage_key IN (?)", ["citywatch", "articles", key])
    assert any("INDEX sqlite_autoindex_documents_1 (db_name=? AND coll_name=? AND storage_key=?)" in line
               for line in plan), plan


def test_db_status_of_an_embedded_store_loads_no_driver(store_env):
    """Not a timing: a fresh interpreter runs `db status` and must leave pymongo and mongoeco unloaded."""
    import os
    import subprocess
    import sys

    with connect() as store:
        save_articles(store, [_article(1, random.Random(1))])
    probe = ("import sys\nfrom click.testing import CliRunner\nfrom citywatch.cli.main import citywatch\n"
             "result = CliRunner().invoke(citywatch, ['db', 'status'])\n"
             "assert result.exit_code == 0, result.output\nassert 'articles            1' in result.output\n"
             "print(' '.join(sorted(n for n in ('pymongo', 'mongoeco') if n in sys.modules)))\n")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                            env={**os.environ, "CITYWATCH_DATA_DIR": str(store_env)}).stdout.split()
    assert loaded == []
