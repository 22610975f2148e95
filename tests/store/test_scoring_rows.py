"""What scoring reads (`scoring.collect`) against a recount from whole articles, on every back end, after
writes, review decisions, re-tags and hand edits; the embedded engine's trigger-kept rows (their query plan,
their backfill on an existing store, stale rows settled)."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest

from citywatch.config.scoring import load_config
from citywatch.review.decisions import decide
from citywatch.store import StoreConfig, connect, embedded, iter_articles, save_articles, scoring_rows
from citywatch.store.summary import city_refs
from nlp.labels import LABELS
from nlp.retag import retag_store
from scoring.collect import collect

START, END = date(2026, 3, 1), date(2026, 3, 25)
CITIES = [("110000", "Beijing"), ("320500", "Suzhou"), ("440300", "Shenzhen")]


def _mention(text: str, name: str, adcode: str, label: str, k: int) -> dict:
    start = text.find(name)
    return {"start": start, "end": start + len(name), "surface": name, "label": label, "confidence": 0.6,
            "flagged": True, "group_key": f"{name.lower()}|{label}|g{k % 3}",
            "city": {"adcode": adcode, "name": name, "province": "P"}}


def _article(i: int, rng: random.Random, summary: bool = True) -> dict:
    when = datetime(2026, 3, 1, tzinfo=UTC) + timedelta(hours=5 * i, minutes=i)
    chosen = rng.sample(CITIES, rng.randint(0, 3))
    text = "Lead paragraph about " + " and ".join(n for _, n in chosen[:1]) + ".\n" + " ".join(
        f"{n} said." for _, n in chosen)
    mentions = [_mention(text, n, a, rng.choice(["LITERAL", "METONYMIC", "ORG_PART", "BOGUS"]), k)
                for k, (a, n) in enumerate(chosen)]
    doc = {"url": f"https://news.example/p/{i}", "source_id": f"s{i % 4}", "title": f"{chosen[0][1]} news" if chosen
           and i % 2 else f"Story {i}", "text": text, "lang": rng.choice(["en", "fr", None]),
           "published_at": None if i % 9 == 0 else when, "fetched_at": when + timedelta(hours=1),
           "content_hash": f"{i:040x}", "mentions": mentions, "cluster_id": f"c{i // 4}" if i % 3 == 0 else None,
           "status": rng.choice(["ok", "ok", "ok", "paywalled"]), "tagger_version": "v1"}
    if summary:
        doc["city_refs"] = city_refs(doc)
    return doc


def _recount(store, config) -> list[tuple]:
    """Per counted article of [START, END): what scoring must see, from whole documents and fresh summaries.

    In date order on the embedded engine (the order of its date index, which scoring keeps).
    """
    found = []
    for doc in iter_articles(store, {}):
        when = doc.get("published_at") or doc.get("fetched_at")
        if not (START <= when.date() < END) or (doc.get("status") or "ok") not in config.statuses:
            continue
        summary = city_refs(doc)
        lead = min(summary["lead"], config.first_paragraph_max_chars)
        refs = sorted((r["adcode"], r["label"], r["n"], bool(r["title"] or r["first"] < lead)) for r in summary["refs"]
                      if r["label"] in LABELS)  # an unknown label is not counted
        found.append((when, doc["_id"], when.date().toordinal(), doc["source_id"],
                      doc.get("cluster_id") or f"url:{doc['_id']}", doc.get("tagger_version") or "unknown", refs))
    found.sort(key=lambda row: row[:2] if store.engine is not None else (row[2], row[1]))
    return [row[1:] for row in found]


def _collected(store, config) -> tuple[list[tuple], int]:
    c = collect(store, START, END, config, {}, {})
    refs: dict[int, list] = {}
    for a, city, label, n, prom in zip(c.ref_art.tolist(), c.ref_city.tolist(), c.ref_label.tolist(),
                                       c.ref_n.tolist(), c.ref_prom.tolist(), strict=True):
        refs.setdefault(a, []).append((c.cities[city], LABELS[label], n, prom))
    rows = [(c.ids[a], int(c.day[a]), c.sources[c.source[a]], c.unit_keys[c.unit[a]], c.tagger_names[c.tagger[a]],
             sorted(refs.get(a, []))) for a in range(len(c.ids))]
    if store.engine is None:  # MongoDB returns a window in no set order (and repaired articles after the rest)
        rows.sort(key=lambda row: (row[1], row[0]))
    return rows, c.repaired


def _tagger(texts: list[str], langs: list, countries: list | None = None,
            titles: list | None = None) -> list[list[dict]]:
    """A re-tagger that finds Shenzhen (or Beijing) wherever the name is, as METONYMIC (outlet countries and
    titles taken as ``tag_texts`` takes them, not read)."""
    out = []
    for text in texts:
        out.append([_mention(text, name, code, "METONYMIC", 0) for code, name in CITIES[::2] if name in text])
    return out


def test_what_scoring_reads_matches_a_recount_after_every_kind_of_write(store) -> None:
    config = load_config()
    rng = random.Random(3)
    save_articles(store, [_article(i, rng, summary=i % 7 != 0) for i in range(90)])  # some without a summary
    store.articles.update_one({"_id": "https://news.example/p/4"}, {"$set": {"cluster_id": "c-late"}})
    store.articles.update_one({"_id": "https://news.example/p/5"}, {"$set": {"status": "paywalled"}})
    store.articles.update_one({"_id": "https://news.example/p/8"}, {"$set": {"published_at": datetime(2026, 5, 1,
                                                                                                  tzinfo=UTC)}})
    store.articles.delete_one({"_id": "https://news.example/p/10"})
    save_articles(store, [{**_article(11, rng), "content_hash": "changed", "source_id": "moved"}])
    keyed = next(d for d in iter_articles(store, {}) if d.get("mentions"))
    decide(store, keyed["mentions"][0]["group_key"], "LITERAL", by="ann")  # a group decision, summary refreshed
    hand = next(d for d in iter_articles(store, {}) if d.get("mentions") and d["_id"] != keyed["_id"])
    store.articles.update_one({"_id": hand["_id"]}, {"$set": {"mentions.0.review": {  # no summary refresh
        "label": "OTHER_PLACE", "city": None, "review_id": "r1", "by": "bob", "at": None}}})
    expected = _recount(store, config)
    assert len(expected) > 40 and any(refs for *_, refs in expected)
    rows, repaired = _collected(store, config)
    assert rows == expected and repaired >= 2  # the hand edit and the articles saved without a summary
    assert _collected(store, config) == (expected, 0)  # written back: the next run reads no body

    retag_store(store, _tagger, "v2")
    store.articles.update_one({"_id": hand["_id"]}, {"$set": {"mentions": []}})  # summary left stale again
    expected = _recount(store, config)
    assert any(t == "v2" for *_, t, _ in expected)
    rows, repaired = _collected(store, config)
    assert rows == expected and repaired == 1
    assert _collected(store, config) == (expected, 0)


def _states(store) -> dict[str, int]:
    return dict(store.sql.execute(f"SELECT id, state FROM {scoring_rows.TABLE}").fetchall())


def test_a_stale_row_whose_summary_proves_right_is_settled(tmp_path) -> None:
    config = load_config()
    with connect(StoreConfig(data_dir=tmp_path)) as store:
        save_articles(store, [_article(i, random.Random(i)) for i in range(1, 30)])
        doc = next(d for d in iter_articles(store, {}) if d.get("mentions"))
        # a change the summary does not depend on, made without touching it: the row is marked stale ...
        store.articles.update_one({"_id": doc["_id"]}, {"$set": {"mentions.0.review": {
            "label": doc["mentions"][0]["label"], "city": doc["mentions"][0]["city"], "review_id": "r", "by": "x",
            "at": None}}})
        assert _states(store)[doc["_id"]] == 1
        rows, repaired = _collected(store, config)
        assert rows == _recount(store, config) and repaired == 0  # ... re-read, found right, not rewritten ...
        assert set(_states(store).values()) == {0}  # ... and settled
        store.articles.update_one({"_id": doc["_id"]}, {"$set": {"cluster_id": "c9"}})  # no effect on the state
        assert _states(store)[doc["_id"]] == 0


def test_an_existing_store_gets_its_rows_once_with_its_fingerprints_checked(tmp_path) -> None:
    config = StoreConfig(data_dir=tmp_path)
    with connect(config) as store:
        save_articles(store, [_article(i, random.Random(i)) for i in range(1, 40)])
        doc = next(d for d in iter_articles(store, {}) if d.get("mentions"))
        store.sql.execute(f"DROP TABLE {scoring_rows.TABLE}")  # as in a store written before the rows existed
        for trigger in scoring_rows.TRIGGERS:
            store.sql.execute(f"DROP TRIGGER {trigger}")
        store.articles.update_one({"_id": doc["_id"]}, {"$set": {"mentions": []}})  # stale, and no trigger saw it
    with connect(config) as store:
        states = _states(store)
        assert len(states) == 39 and states[doc["_id"]] == 1 and sum(states.values()) == 1
        assert _collected(store, load_config()) == (_recount(store, load_config()), 1)
        assert not scoring_rows.install(store.sql)  # current: nothing written
        # rows written by another version of the triggers are rebuilt: they may have another form
        store.sql.execute(f"DROP TRIGGER {scoring_rows.TRIGGERS[1]}")
        store.sql.execute(f"CREATE TRIGGER {scoring_rows.TRIGGERS[1]} AFTER DELETE ON documents BEGIN SELECT 1; END")
        store.sql.execute(f"UPDATE {scoring_rows.TABLE} SET refs = '[[\"999999\", \"LITERAL\", 9, 0, 1, \"X\", \"Y\"]]'")
    with connect(config) as store:
        assert _collected(store, load_config()) == (_recount(store, load_config()), 0)


@pytest.mark.parametrize("old", scoring_rows._EARLIER, ids=["keyed-by-time", "keyed-by-time-and-url"])
def test_rows_of_an_earlier_layout_are_copied_not_rebuilt(tmp_path, old: str) -> None:
    """A table keyed by time (2026-12-04 to 2026-12-06), or by time and a second time by storage key (before), is
    copied into the day-keyed layout with its rows as they were and their day added (a backfill would take minutes at
    millions of articles), and the new triggers keep it."""
    config = StoreConfig(data_dir=tmp_path)
    with connect(config) as store:
        save_articles(store, [_article(i, random.Random(i)) for i in range(1, 20)])
        store.sql.execute(f"CREATE TABLE old_rows ({old}) WITHOUT ROWID")
        store.sql.execute(f"INSERT INTO old_rows SELECT {scoring_rows._COLUMNS.replace('day, ', '', 1)} "
                          f"FROM {scoring_rows.TABLE}")
        store.sql.execute(f"DROP TABLE {scoring_rows.TABLE}")
        store.sql.execute(f"CREATE TABLE {scoring_rows.TABLE} ({old}) WITHOUT ROWID")
        store.sql.execute(f"INSERT INTO {scoring_rows.TABLE} SELECT * FROM old_rows")
        store.sql.execute("DROP TABLE old_rows")
        for trigger in scoring_rows.TRIGGERS:  # the old triggers: another text
            store.sql.execute(f"DROP TRIGGER {trigger}")
            store.sql.execute(f"CREATE TRIGGER {trigger} AFTER DELETE ON documents BEGIN SELECT 1; END")
        store.sql.execute(f"UPDATE {scoring_rows.TABLE} SET lead = -7")  # a backfill would not keep this
    with connect(config) as store:
        ddl = store.sql.execute("SELECT sql FROM sqlite_master WHERE name = ?", (scoring_rows.TABLE,)).fetchone()[0]
        assert "PRIMARY KEY (db_name, day, rid, sk)" in ddl, ddl
        assert {lead for (lead,) in store.sql.execute(f"SELECT lead FROM {scoring_rows.TABLE}")} == {-7}
        assert not store.sql.execute(f"SELECT 1 FROM {scoring_rows.TABLE} WHERE day != substr(at, 1, 10)").fetchall()
        assert not scoring_rows.install(store.sql)  # current: nothing written
        doc = next(d for d in iter_articles(store, {}) if d.get("published_at"))
        store.articles.delete_one({"_id": doc["_id"]})
        save_articles(store, [_article(40, random.Random(40))])
        assert len(_states(store)) == 19 and doc["_id"] not in _states(store)


def test_rows_follow_their_documents_through_vacuum(tmp_path) -> None:
    """The rows are found by the document's rowid, which SQLite keeps through VACUUM (mongoeco's table has no
    INTEGER PRIMARY KEY, for which SQLite does not promise it): after one, updates and deletes still reach them."""
    config = load_config()
    with connect(StoreConfig(data_dir=tmp_path)) as store:
        save_articles(store, [_article(i, random.Random(i)) for i in range(1, 30)])
        gone = [d["_id"] for d in iter_articles(store, {})][::3]
        store.articles.delete_many({"_id": {"$in": gone}})
        store.sql.execute("VACUUM")
        doc = next(d for d in iter_articles(store, {}) if d.get("mentions") and d.get("published_at"))
        store.articles.update_one({"_id": doc["_id"]}, {"$set": {"published_at": datetime(2026, 3, 20, tzinfo=UTC)}})
        store.articles.delete_one({"_id": next(d["_id"] for d in iter_articles(store, {}) if d["_id"] != doc["_id"])})
        assert _collected(store, config) == (_recount(store, config), 0)
        assert len(_states(store)) == store.articles.count_documents({})  # every article is dated (fetched_at)


def test_a_period_and_its_unsettled_rows_are_key_ranges(tmp_path) -> None:
    with connect(StoreConfig(data_dir=tmp_path)) as store:
        save_articles(store, [_article(1, random.Random(1))])
        lo, hi = datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 4, 1, tzinfo=UTC)
        where, params = scoring_rows._range(store, lo, hi, False)  # as read() and unsettled() run it
        assert params[1:3] == ("2026-03-01", "2026-03-31")
        plan = embedded.explain(store.sql, f"SELECT id FROM {scoring_rows.TABLE} WHERE {where} ORDER BY day, rid, sk",
                                params)
        assert any("USING PRIMARY KEY (db_name=? AND day>? AND day<?)" in line for line in plan), plan
        assert not any("TEMP B-TREE" in line for line in plan), plan  # read in key order, no sort
        query = (f"SELECT sk FROM {scoring_rows.TABLE} INDEXED BY {scoring_rows.UNSETTLED} WHERE {where} "
                 "AND state != 0 ORDER BY day, rid, sk")
        plan = embedded.explain(store.sql, query, params)
        assert any(f"USING INDEX {scoring_rows.UNSETTLED} (db_name=? AND day>? AND day<?)" in line for line in plan), plan
