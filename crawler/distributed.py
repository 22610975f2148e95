"""Distributed crawling on scrapy-redis: several crawler processes (on several machines) share one
request queue and one seen-URL filter in Redis and write to the same store.

How a *round* works. Every ``citywatch crawl`` started while ``CITYWATCH_REDIS_URL``
is set joins the current round (or opens one) through :func:`distributed_settings`,
which returns the Scrapy settings overlay for it:

* scrapy-redis' scheduler with per-spider queues ``<prefix>:<round>:<spider>:requests``
  (requests carry spider callbacks, so each spider needs its own queue);
* one seen-set ``<prefix>:<round>:seen`` for all spiders of all processes. Article
  requests are fingerprinted by their canonical URL (:class:`CanonicalDupeFilter`),
  so an article listed by two feeds, or in a feed and a sitemap, is fetched once;
* start requests (feeds, sitemaps, sections) are normally ``dont_filter``; here
  :class:`SharedSeedsMiddleware` lets the seen-set filter them, so every process
  seeds and whichever comes first fetches each start URL - once per round;
* :class:`DistributedRound` keeps the round alive while its process works and
  closes each spider once the shared queue has stayed empty for
  ``CITYWATCH_REDIS_IDLE_SECONDS`` (default 30). The last process to leave deletes
  the round's keys, so the next crawl starts a fresh round (failed article URLs
  are then tried again, as in a local crawl). If every process of a round was
  killed, the round's keys expire ``CITYWATCH_REDIS_ROUND_TTL`` seconds later.

Rounds are scoped per seen-set, not forever, because the store already says
which articles exist (``KnownUrlsMiddleware``); the seen-set only has to stop two
processes of the same round from fetching the same URL.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import time
from typing import Any

from scrapy import Request, signals
from scrapy.exceptions import DontCloseSpider
from scrapy_redis.dupefilter import RFPDupeFilter
from twisted.internet.task import LoopingCall

from citywatch.store import StoreUnavailable
from citywatch.store.connection import redact
from crawler.dedup import canonical_url

logger = logging.getLogger(__name__)
ENV_URL = "CITYWATCH_REDIS_URL"
DEFAULT_PREFIX = "citywatch"
DEFAULT_IDLE_SECONDS = 30.0
DEFAULT_ROUND_TTL = 120.0
DEFAULT_POLL_SECONDS = 1.0
RUN_ROUNDS = "run_rounds"  # run id -> distributed round
_open_spiders = 0  # spiders of this process still open; the last one to close leaves the round


class QueueUnavailable(StoreUnavailable):
    """Redis (the shared queue) cannot be reached; shown to the user as one line, like a store outage."""


def _redis(url: str) -> Any:
    import redis

    return redis.Redis.from_url(url, decode_responses=True, socket_timeout=30, socket_connect_timeout=5)


def round_keys(prefix: str) -> tuple[str, str]:
    return f"{prefix}:round", f"{prefix}:round:members"


def join_round(url: str, prefix: str = DEFAULT_PREFIX, ttl: float = DEFAULT_ROUND_TTL) -> str:
    """The current round id (opening one if there is none), counted as one more member."""
    import redis

    server = _redis(url)
    current_key, members_key = round_keys(prefix)
    try:
        return _join(server, current_key, members_key, ttl)
    except redis.RedisError as exc:
        raise QueueUnavailable(f"Redis at {redact(url)} (CITYWATCH_REDIS_URL) is not usable: {exc}") from None


def _join(server: Any, current_key: str, members_key: str, ttl: float) -> str:
    from citywatch.store.runs import new_run_id

    for _ in range(5):
        server.set(current_key, new_run_id(), nx=True, ex=int(ttl))
        current = server.get(current_key)
        if current is None:  # expired between the two calls
            continue
        with server.pipeline() as pipe:
            pipe.hincrby(members_key, current, 1)
            pipe.expire(members_key, int(ttl))
            pipe.execute()
        return current
    raise QueueUnavailable("could not join a crawl round: the round key keeps expiring")


def distributed_settings(url: str | None = None, idle_seconds: float | None = None) -> dict[str, Any]:
    """Scrapy settings for a crawl process that joins the current round (JSON-serialisable)."""
    from crawler import settings as project

    url = url or os.environ[ENV_URL]
    prefix = os.environ.get("CITYWATCH_REDIS_PREFIX", DEFAULT_PREFIX)
    idle = float(idle_seconds if idle_seconds is not None else os.environ.get("CITYWATCH_REDIS_IDLE_SECONDS",
                                                                                 DEFAULT_IDLE_SECONDS))
    ttl = max(DEFAULT_ROUND_TTL, 4 * idle)
    round_id = join_round(url, prefix, ttl)
    logger.info("joined crawl round %s (%s on %s)", round_id, prefix, redact(url))
    return {
        "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
        "SCHEDULER_PERSIST": True,  # a process leaving must not wipe what the others still work on
        "SCHEDULER_QUEUE_KEY": f"{prefix}:{round_id}:%(spider)s:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{prefix}:{round_id}:seen",
        "DUPEFILTER_CLASS": "crawler.distributed.CanonicalDupeFilter",
        "REDIS_URL": url,
        "EXTENSIONS": {**project.EXTENSIONS, "crawler.distributed.DistributedRound": 510},
        "SPIDER_MIDDLEWARES": {**project.SPIDER_MIDDLEWARES, "crawler.distributed.SharedSeedsMiddleware": 10},
        "CITYWATCH_REDIS_PREFIX": prefix,
        "CITYWATCH_REDIS_ROUND": round_id,
        "CITYWATCH_REDIS_IDLE_SECONDS": idle,
        "CITYWATCH_REDIS_ROUND_TTL": ttl,
        "CITYWATCH_REDIS_POLL_SECONDS": DEFAULT_POLL_SECONDS,
    }


class CanonicalDupeFilter(RFPDupeFilter):
    """Article requests are seen by canonical URL (tracking parameters and fragments stripped)."""

    def request_fingerprint(self, request: Request) -> str:
        if request.meta.get("article"):
            return hashlib.sha1(b"article " + canonical_url(request.url).encode()).hexdigest()
        return super().request_fingerprint(request)


class SharedSeedsMiddleware:
    """Start requests go through the shared seen-set, so one process of the round fetches each."""

    async def process_start(self, start: Any) -> Any:
        async for item in start:
            if isinstance(item, Request) and item.dont_filter:
                item = item.replace(dont_filter=False)
            yield item


class DistributedRound:
    """Keeps the round alive, closes the spider after the idle time, leaves the round at the end."""

    def __init__(self, crawler: Any) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.url = settings.get("REDIS_URL")
        self.prefix = settings.get("CITYWATCH_REDIS_PREFIX", DEFAULT_PREFIX)
        self.round = settings.get("CITYWATCH_REDIS_ROUND")
        self.idle = settings.getfloat("CITYWATCH_REDIS_IDLE_SECONDS", DEFAULT_IDLE_SECONDS)
        self.ttl = settings.getfloat("CITYWATCH_REDIS_ROUND_TTL", DEFAULT_ROUND_TTL)
        self.poll_seconds = settings.getfloat("CITYWATCH_REDIS_POLL_SECONDS", DEFAULT_POLL_SECONDS)
        self.idle_since: float | None = None
        self.keepalive: LoopingCall | None = None
        self.poller: LoopingCall | None = None
        for handler, signal in ((self.spider_opened, signals.spider_opened),
                                (self.spider_idle, signals.spider_idle),
                                (self.busy, signals.request_scheduled),
                                (self.busy, signals.response_received),
                                (self.spider_closed, signals.spider_closed)):
            crawler.signals.connect(handler, signal=signal)

    @classmethod
    def from_crawler(cls, crawler: Any) -> DistributedRound:
        return cls(crawler)

    def spider_opened(self, spider: Any) -> None:
        global _open_spiders
        _open_spiders += 1
        self.mark_run()
        self.server = _redis(self.url)
        self.keepalive = LoopingCall(self.touch)
        self.keepalive.start(max(1.0, self.ttl / 4), now=True)
        self.poller = LoopingCall(self.poll)
        self.poller.start(self.poll_seconds, now=False)

    def mark_run(self) -> None:
        """Record which round this run belongs to, so monitoring can judge the round as a whole.

        A collection of its own (``RUN_ROUNDS``), not a field on the run record: the
        run record's writer is the RunRecorder, and a second writer of the same
        document lost its sibling fields on the embedded engine (seen in tests).
        Written in the store thread, like every store call of the crawl.
        """
        from crawler.singletons import store_thread

        run_id = self.crawler.settings.get("CITYWATCH_RUN_ID")
        done = store_thread().call(record_round, run_id, self.round)
        done.addErrback(lambda failure: logger.warning("could not record the crawl round of run %s: %s", run_id,
                                                       failure.value))

    def touch(self) -> None:
        """Refresh the round's expiry (every key of the round) while this process works."""
        try:
            current_key, members_key = round_keys(self.prefix)
            with self.server.pipeline() as pipe:
                for key in (current_key, members_key, *self.server.scan_iter(f"{self.prefix}:{self.round}:*")):
                    pipe.expire(key, int(self.ttl))
                pipe.execute()
        except Exception as exc:  # redis.RedisError and socket errors: the next beat tries again
            logger.warning("could not refresh the crawl round: %s", exc)

    def poll(self) -> None:
        """While idle, wake the engine every POLL seconds rather than at its 5 s heartbeat.

        The engine then pulls what other processes queued meanwhile, or calls
        ``spider_idle`` again. ``_slot.nextcall`` is Scrapy's own wake-up call (not
        public API); without it this degrades to the heartbeat, never to an error.
        """
        slot = getattr(self.crawler.engine, "_slot", None)
        if self.idle_since is not None and slot is not None:
            slot.nextcall.schedule()

    def busy(self, *args: Any, **kwargs: Any) -> None:
        self.idle_since = None

    def spider_idle(self, spider: Any) -> None:
        now = time.monotonic()
        if self.idle_since is None:
            self.idle_since = now
        if now - self.idle_since < self.idle:
            raise DontCloseSpider  # asked again at the next poll
        logger.info("shared queue empty for %.0f s: closing %s", now - self.idle_since, spider.name)

    def spider_closed(self, spider: Any, reason: str) -> None:
        global _open_spiders
        for loop in (self.keepalive, self.poller):
            if loop is not None and loop.running:
                loop.stop()
        _open_spiders -= 1
        if _open_spiders == 0:
            leave_round(self.server, self.prefix, self.round)


def record_round(store: Any, run_id: str, round_id: str) -> None:
    """In the store thread: run id -> round, once (another spider of this process may have recorded it)."""
    from pymongo.errors import DuplicateKeyError

    with contextlib.suppress(DuplicateKeyError):
        store.collection(RUN_ROUNDS).insert_one({"_id": run_id, "round": round_id})


def leave_round(server: Any, prefix: str, round_id: str) -> None:
    """One member fewer; the last one out deletes the round so the next crawl opens a new one."""
    current_key, members_key = round_keys(prefix)
    try:
        left = server.hincrby(members_key, round_id, -1)
        if left <= 0:
            keys = list(server.scan_iter(f"{prefix}:{round_id}:*"))
            with server.pipeline() as pipe:
                pipe.hdel(members_key, round_id)
                if server.get(current_key) == round_id:
                    pipe.delete(current_key)
                if keys:
                    pipe.delete(*keys)
                pipe.execute()
            logger.info("last process of crawl round %s: round closed", round_id)
    except Exception as exc:  # the round's keys expire on their own
        logger.warning("could not leave the crawl round %s cleanly: %s", round_id, exc)
