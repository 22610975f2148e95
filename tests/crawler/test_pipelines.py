"""The tagging stage batches and survives a failing tagger; storage survives the store going away."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from scrapy.utils.test import get_crawler
from twisted.internet.defer import Deferred

from citywatch.store import StoreUnavailable
from crawler import singletons
from crawler.items import ArticleItem
from crawler.pipelines import StoragePipeline, TaggingPipeline


def _item(i: int, status: str = "ok") -> ArticleItem:
    return ArticleItem(url=f"https://x.example/a/{i}", canonical_url=f"https://x.example/a/{i}", source_id="x",
                       text=f"Text {i} about Beijing.", lang="en", status=status, content_hash=f"h{i}",
                       fetched_at=datetime.now(UTC), cluster_id=None)


def _run(stage: TaggingPipeline, items: list) -> list:
    """Drive the coroutines with Deferreds; close_spider flushes what the timer would have."""
    results: list = []
    for item in items:
        Deferred.fromCoroutine(stage.process_item(item)).addCallback(results.append)
    stage.close_spider()
    return sorted(results, key=lambda i: i["url"])


def _tagging(tagger) -> TaggingPipeline:
    crawler = get_crawler(settings_dict={"TAGGER_BATCH": 2, "TAGGER_FLUSH_SECONDS": 60})
    crawler.stats.open_spider()
    stage = TaggingPipeline(crawler)
    stage.open_spider()
    stage.tag_texts, stage.version = tagger, "test-1"
    stage.timers = []
    stage.call_later = lambda seconds, function: stage.timers.append(seconds) or _Timer()  # no reactor in pytest
    return stage


class _Timer:
    def active(self) -> bool:
        return True

    def cancel(self) -> None:
        pass


@pytest.fixture(autouse=True)
def _plain_deferreds(monkeypatch: pytest.MonkeyPatch) -> None:
    """No running reactor in pytest: let the stage await its Deferreds directly."""
    monkeypatch.setattr("crawler.pipelines.maybe_deferred_to_future", lambda d: d)


def test_tagger_is_called_in_batches() -> None:
    batches: list[list[str]] = []

    def tagger(texts, langs):
        batches.append(list(texts))
        return [[{"start": 0, "end": 4, "surface": t[:4], "label": "LITERAL", "confidence": 1.0}] for t in texts]

    stage = _tagging(tagger)
    items = _run(stage, [_item(i) for i in range(3)] + [_item(9, "too_short")])
    assert [len(b) for b in batches] == [2, 1]  # a full batch, then the rest at the flush
    assert stage.timers == [60, 60]  # a timer for the first batch (cancelled when full), one for the rest
    assert all(i["tagger_version"] == "test-1" and i["mentions"] for i in items[:3])
    assert items[3]["mentions"] is None  # thin pages are not tagged


def test_failing_tagger_stores_untagged() -> None:
    def tagger(texts, langs):
        raise RuntimeError("model exploded")

    stage = _tagging(tagger)
    items = _run(stage, [_item(i) for i in range(2)])
    assert all(i["mentions"] is None and i["tagger_version"] is None for i in items)
    assert stage.stats.get_value("source/x/errors/tagger") == 2


def test_storage_keeps_its_batch_while_the_store_is_away(embedded_store, monkeypatch: pytest.MonkeyPatch) -> None:
    crawler = get_crawler(settings_dict={"STORE_BATCH": 100, "STORE_FLUSH_SECONDS": 3600})
    crawler.stats.open_spider()
    monkeypatch.setattr(singletons, "_index", singletons.NearDuplicateIndex())

    def unavailable():
        raise StoreUnavailable("MongoDB at db:27017 did not answer")

    monkeypatch.setattr("crawler.pipelines.get_store", unavailable)
    stage = StoragePipeline(crawler)
    stage.buffer, stage.signatures, stage.cluster_updates = [], [], {}
    stage.last_flush = __import__("time").monotonic()
    for i in range(3):
        stage.process_item(_item(i))
    stage.flush()
    assert len(stage.buffer) == 3  # nothing lost
    monkeypatch.setattr("crawler.pipelines.get_store", lambda: embedded_store)
    stage.flush()
    assert stage.buffer == [] and embedded_store.articles.count_documents({}) == 3
    assert crawler.stats.get_value("source/x/stored") == 3
    assert "mentions" not in embedded_store.articles.find_one({})  # untagged: no field, not null
