"""The store on every back end: idempotent batched writes, streaming reads, bad input."""

from __future__ import annotations

import hashlib
import multiprocessing
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from citywatch.store import (
    InvalidDocument,
    StoreConfig,
    StoreUnavailable,
    connect,
    iter_articles,
    known_urls,
    save_articles,
)
from citywatch.store.connection import redact
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
