"""Scrapy extension that keeps the run record (``runs``) current from the stats collector.

On open it creates or joins the run (and marks runs whose heartbeat stopped as
interrupted); every ``RUN_HEARTBEAT_SECONDS`` it writes the spider's counters,
renews the job lease the scheduler took for this crawl (``CITYWATCH_LEASE``) and
optionally prints a progress line; on close it writes the final counters and,
when it is the last spider of the run in this process, closes the run:
``finished``, ``interrupted`` (shutdown signal) or ``failed`` (anything else:
``store_unavailable``, ``lease_lost``). Every store call runs in the store thread
(``crawler/store_thread.py``), never on the reactor; a failed heartbeat is a
warning (the outage itself is the storage pipeline's to judge).

A lease another process took over means a scheduler decided this crawl is dead:
it stops (``lease_lost``) rather than run beside the crawl that replaced it.
"""

from __future__ import annotations

import logging
import sys
import time
from datetime import timedelta
from typing import Any

from scrapy import signals
from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future
from twisted.internet.task import LoopingCall

from citywatch.store import Store, StoreError
from citywatch.store.leases import renew_lease
from citywatch.store.runs import finish_run, get_run, new_run_id, per_source, record_spider, start_run
from crawler.singletons import outage, store_thread
from crawler.workers import WORKER_CPU_STAT

logger = logging.getLogger(__name__)
REASON_STATUS = {"finished": "finished", "shutdown": "interrupted"}


def progress_line(run_id: str, spider: str, stats: dict) -> str:
    sources = per_source(stats)
    stored = sum(int(s.get("stored", 0)) for s in sources.values())
    errors = sum(sum((s.get("errors") or {}).values()) for s in sources.values())
    return (f"[{run_id}] {spider}: {int(stats.get('downloader/request_count', 0))} requests, "
            f"{int(stats.get('item_scraped_count', 0))} articles processed, {stored} stored, {errors} errors")


class RunRecorder:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.interval = crawler.settings.getfloat("RUN_HEARTBEAT_SECONDS", 5.0)
        self.progress = crawler.settings.getbool("CITYWATCH_PROGRESS")
        self.heartbeat: LoopingCall | None = None
        self.cpu_started = time.process_time()
        expected = crawler.settings.get("CITYWATCH_RUN_SPIDERS") or []  # all spiders of this run in this process
        self.expected: list[str] = expected.split(",") if isinstance(expected, str) else list(expected)
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Any) -> RunRecorder:
        return cls(crawler)

    async def spider_opened(self, spider: Any) -> None:
        settings = self.crawler.settings
        spider.run_id = spider.run_id or settings.get("CITYWATCH_RUN_ID") or new_run_id()
        self.expected = self.expected or [spider.name]
        info = {
            "sources_file": str(getattr(spider, "sources_file", "")),
            "only": getattr(spider, "only", None),
            "since": getattr(spider, "since", None),
            "expected_spiders": self.expected,
            "source_ids": sorted(getattr(spider, "sources", {})),
        }
        stale_after = timedelta(seconds=settings.getfloat("RUN_STALE_SECONDS", 60))
        try:
            stale = await maybe_deferred_to_future(store_thread().call(
                lambda store: start_run(store, spider.run_id, info, stale_after=stale_after)))
        except StoreError as exc:  # the storage pipeline will find the outage too and judge it
            logger.error("could not record the start of run %s: %s", spider.run_id, exc)
            stale = []
        if stale:
            logger.warning("marked interrupted (heartbeat stopped): %s", ", ".join(stale))
        self.cpu_started = time.process_time()
        self.heartbeat = LoopingCall(self.beat, spider)
        self.heartbeat.start(self.interval, now=False)

    def _cpu(self) -> None:
        """CPU seconds since the spider opened, this process's plus its extraction workers': the crawl's
        cost, blind to other machine load."""
        stats = self.crawler.stats
        workers = stats.get_value(WORKER_CPU_STAT, 0.0)
        stats.set_value("process_cpu_seconds", round(time.process_time() - self.cpu_started + workers, 3))

    def _heartbeat(self, store: Store, run_id: str, spider: str, stats: dict) -> bool:
        """In the store thread: the counters, then the lease; False when the lease was taken over."""
        record_spider(store, run_id, spider, stats, "running")
        lease = self.crawler.settings.getdict("CITYWATCH_LEASE")
        if not lease:
            return True
        return renew_lease(store, lease["job"], lease["lease_id"], timedelta(seconds=float(lease["ttl_seconds"])))

    def beat(self, spider: Any) -> Any:
        self._cpu()
        stats = dict(self.crawler.stats.get_stats())
        if self.progress:
            print(progress_line(spider.run_id, spider.name, stats), file=sys.stderr, flush=True)
        done = store_thread().call(self._heartbeat, spider.run_id, spider.name, stats)
        done.addCallbacks(self._beaten, self._not_beaten)
        return None  # the LoopingCall does not wait for the store: a slow store must not stop the clock

    def _not_beaten(self, failure: Any) -> None:
        if not outage(self.crawler.settings).down:  # during an outage the storage stage has said it already
            logger.warning("could not write the heartbeat: %s", failure.value)

    def _beaten(self, lease_held: bool) -> None:
        if not lease_held:
            logger.error("the job lease was taken over by another process: stopping this crawl")
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="lease_lost"))

    async def spider_closed(self, spider: Any, reason: str) -> None:
        if self.heartbeat is not None and self.heartbeat.running:
            self.heartbeat.stop()
        self._cpu()
        stats = dict(self.crawler.stats.get_stats())
        stats["finish_reason"] = reason
        try:
            await maybe_deferred_to_future(store_thread().call(self._close, spider.run_id, spider.name, stats, reason))
        except StoreError as exc:  # the parent closes the run once the store answers again
            logger.error("could not record the end of run %s: %s", spider.run_id, exc)

    def _close(self, store: Store, run_id: str, spider: str, stats: dict, reason: str) -> None:
        """In the store thread: this spider's final counters; the last spider of the run closes it."""
        record_spider(store, run_id, spider, stats, reason)
        spiders = (get_run(store, run_id) or {}).get("spiders") or {}
        states = [spiders.get(name, {}).get("state", "running") for name in self.expected]
        if "running" in states:
            return
        status = "finished"
        for state in states:
            candidate = REASON_STATUS.get(state, "failed")
            if candidate == "failed" or (candidate == "interrupted" and status == "finished"):
                status = candidate
        finish_run(store, run_id, status)
