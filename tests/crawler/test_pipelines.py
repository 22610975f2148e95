"""The tagging stage batches and survives a failing tagger; storage survives the store going away."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from scrapy.utils.test import get_crawler
from twisted.internet.defer import Deferred

from citywatch.store import StoreUnavailable
from crawler.items import ArticleItem
from crawler.pipelines import TaggingPipeline


def _item(i: int, status: str = "ok") -> ArticleItem:
    return ArticleItem(url=f"https://x.example/a/{i}", canonical_url=f"https://x.example/a/{i}", source_id="x",
                       source_country="US", title=f"Title {i}", text=f"Text {i} about Beijing.", lang="en", status=status,
                       content_hash=f"h{i}",
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
    Deferred.fromCoroutine(stage.open_spider())  # tagger off in these settings: nothing to wait for
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
    countries_seen: list[str | None] = []
    titles_seen: list[str | None] = []

    def tagger(texts, langs, countries, titles):
        batches.append(list(texts))
        countries_seen.extend(countries)
        titles_seen.extend(titles)
        return [[{"start": 0, "end": 4, "surface": t[:4], "label": "LITERAL", "confidence": 1.0}] for t in texts]

    stage = _tagging(tagger)
    items = _run(stage, [_item(i) for i in range(3)] + [_item(9, "too_short")])
    assert [len(b) for b in batches] == [2, 1]  # a full batch, then the rest at the flush
    assert stage.timers == [60, 60]  # a timer for the first batch (cancelled when full), one for the rest
    assert all(i["tagger_version"] == "test-1" and i["mentions"] for i in items[:3])
    assert items[3]["mentions"] is None  # thin pages are not tagged
    assert countries_seen == ["US"] * 3  # the registry's country reaches the linker
    assert titles_seen == ["Title 0", "Title 1", "Title 2"]  # and the headline, stored apart from the text


def test_failing_tagger_stores_untagged() -> None:
    def tagger(texts, langs, countries, titles):
        raise RuntimeError("model exploded")

    stage = _tagging(tagger)
    items = _run(stage, [_item(i) for i in range(2)])
    assert all(i["mentions"] is None and i["tagger_version"] is None for i in items)
    assert stage.stats.get_value("source/x/errors/tagger") == 2


def test_store_outage_is_a_state_that_backs_off_pauses_and_gives_up(capsys: pytest.CaptureFixture) -> None:
    from scrapy.settings import Settings

    from citywatch.store import StoreDamaged
    from crawler.store_thread import Outage

    outage = Outage(Settings({"STORE_RETRY_SECONDS": 1, "STORE_RETRY_MAX_SECONDS": 8,
                              "STORE_OUTAGE_PAUSE_SECONDS": 10, "STORE_OUTAGE_GIVE_UP_SECONDS": 40}))
    events: list[str] = []
    outage.listeners.append(events.append)
    down = StoreUnavailable("MongoDB at db:27017 did not answer")
    waits = []
    for now in (100.0, 101.0, 103.0, 107.0, 115.0):
        outage.failed(down, now)
        waits.append(outage.next_attempt - now)
    assert waits == [1, 2, 4, 8, 8]  # doubling up to the cap
    assert not outage.may_try(115.0) and outage.may_try(123.0)
    assert events == ["pause"]  # down 15 s > 10 s: fetching paused once
    outage.recovered(120.0)
    assert events == ["pause", "resume"] and not outage.down and outage.may_try(120.0)
    outage.failed(down, 200.0)
    outage.judge(239.0)
    assert events == ["pause", "resume", "pause"] and not outage.gave_up
    outage.judge(240.0)  # 40 s down: the crawl ends, with one line
    assert outage.gave_up and events[-1] == "give_up" and not outage.may_try(10_000.0)
    assert capsys.readouterr().err.count("\n") == 1
    damaged = Outage(Settings({}))
    damaged.failed(StoreDamaged("x.sqlite: store file damaged: restore a backup"), 1.0)
    assert damaged.gave_up  # nothing to wait for
