"""Scrapy extension that keeps the run record (``runs``) current from the stats collector.

On open it creates or joins the run (and marks runs whose heartbeat stopped as
interrupted); every ``RUN_HEARTBEAT_SECONDS`` it writes the spider's counters and
optionally prints a progress line; on close it writes the final counters and,
when it is the last spider of the run in this process, closes the run:
``finished``, ``interrupted`` (shutdown signal) or ``failed``.
"""

from __future__ import annotations

import logging
import sys
import time
from datetime import timedelta
from typing import Any

from pymongo.errors import PyMongoError
from scrapy import signals
from twisted.internet.task import LoopingCall

from citywatch.store import StoreError
from citywatch.store.runs import finish_run, get_run, new_run_id, per_source, record_spider, start_run
from crawler.singletons import get_store
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

    def spider_opened(self, spider: Any) -> None:
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
        stale = start_run(get_store(), spider.run_id, info, stale_after=stale_after)
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

    def beat(self, spider: Any) -> None:
        self._cpu()
        stats = self.crawler.stats.get_stats()
        try:
            record_spider(get_store(), spider.run_id, spider.name, stats, "running")
        except (StoreError, PyMongoError) as exc:
            logger.warning("could not write the heartbeat: %s", exc)
        if self.progress:
            print(progress_line(spider.run_id, spider.name, stats), file=sys.stderr, flush=True)

    def spider_closed(self, spider: Any, reason: str) -> None:
        if self.heartbeat is not None and self.heartbeat.running:
            self.heartbeat.stop()
        store = get_store()
        self._cpu()
        stats = dict(self.crawler.stats.get_stats())
        stats["finish_reason"] = reason
        record_spider(store, spider.run_id, spider.name, stats, reason)
        spiders = (get_run(store, spider.run_id) or {}).get("spiders") or {}
        states = [spiders.get(name, {}).get("state", "running") for name in self.expected]
        if "running" in states:
            return
        status = "finished"
        for state in states:
            candidate = REASON_STATUS.get(state, "failed")
            if candidate == "failed" or (candidate == "interrupted" and status == "finished"):
                status = candidate
        finish_run(store, spider.run_id, status)
