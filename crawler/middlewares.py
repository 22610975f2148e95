"""Downloader and spider middlewares: where the crawl touches the network policy and the store.

* :class:`SourceDomainsMiddleware` - a request tagged with a source goes out only
  if its host is in that source's ``allowed_domains`` (redirects included, since
  a redirect is a new request through this chain). Untagged requests (robots.txt)
  must be on some source's domains.
* :class:`SourceStatsMiddleware` - per-source request and response-status counters.
* :class:`BackoffRetryMiddleware` - Scrapy's retries, spaced by exponential backoff or the server's
  ``Retry-After`` (capped).
* :class:`ConditionalFeedMiddleware` - ETag / Last-Modified for feeds and sitemaps,
  remembered in the ``feed_state`` collection only after a run finished cleanly
  for that source, so a killed run never makes the next one skip unseen entries.
* :class:`KnownUrlsMiddleware` - article links already in the store are not
  requested again; checked in batches, not one query per URL.

Their store calls run in the store thread (``crawler/store_thread.py``), never on the reactor.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from pymongo import UpdateOne
from scrapy import Request, signals
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.task import deferLater

from citywatch.config.sources import host_allowed
from citywatch.store import Store, StoreError, known_urls
from citywatch.store.articles import chunks
from crawler.dedup import canonical_url
from crawler.singletons import claim, outage, stat_key, store_thread
from crawler.store_thread import read_through

logger = logging.getLogger(__name__)
FEED_STATE = "feed_state"
IN_LIMIT = 100  # feed addresses per $in query


class SourceDomainsMiddleware:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> SourceDomainsMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        spider = self.crawler.spider
        sources = getattr(spider, "sources", {})
        source = sources.get(request.meta.get("source_id"))
        allowed = source.allowed_domains if source else getattr(spider, "allowed_domains", ())
        if not host_allowed(request.url, allowed):
            self.crawler.stats.inc_value(stat_key(request.meta.get("source_id"), "dropped/offsite"))
            raise IgnoreRequest(f"offsite: {request.url} is outside {list(allowed)}")


class SourceStatsMiddleware:
    def __init__(self, crawler: Any) -> None:
        self.stats = crawler.stats
        crawler.signals.connect(self.request_dropped, signal=signals.request_dropped)

    def request_dropped(self, request: Request, spider: Any = None) -> None:
        """The scheduler refused a request it had seen: a redirect back to a visited URL is a loop."""
        if "source_id" in request.meta:
            loop = request.url in (request.meta.get("redirect_urls") or [])
            self.stats.inc_value(stat_key(request.meta["source_id"], "errors/redirect_loop" if loop else "skipped/seen"))

    @classmethod
    def from_crawler(cls, crawler: Any) -> SourceStatsMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        if "source_id" in request.meta:
            self.stats.inc_value(stat_key(request.meta["source_id"], "requests"))

    def process_response(self, request: Request, response: Any) -> Any:
        if "source_id" in request.meta:
            self.stats.inc_value(stat_key(request.meta["source_id"], f"responses/{response.status}"))
        return response


def retry_after(response: Any, now: datetime | None = None) -> float | None:
    """Seconds a 429/503 answer asks the client to wait (``Retry-After``: seconds or an HTTP date), if it says."""
    raw = (response.headers.get("Retry-After") or b"").decode("latin-1").strip()
    if not raw:
        return None
    if raw.isdigit():
        return float(raw)
    try:
        when = parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    """Waits ``RETRY_BACKOFF_BASE * 2**(n-1)`` seconds (capped) before the n-th retry of a request, or what the
    server's ``Retry-After`` asks when that is longer, up to ``RETRY_AFTER_MAX``."""

    def __init__(self, settings: Any) -> None:
        super().__init__(settings)
        self.base = settings.getfloat("RETRY_BACKOFF_BASE", 2.0)
        self.cap = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)
        self.after_cap = settings.getfloat("RETRY_AFTER_MAX", 300.0)

    def delay(self, retry: Request, response: Any = None) -> float:
        backoff = min(self.cap, self.base * 2 ** (retry.meta.get("retry_times", 1) - 1))
        asked = retry_after(response) if response is not None else None
        return backoff if asked is None else max(backoff, min(self.after_cap, asked))

    async def _backoff(self, result: Any, response: Any = None) -> Any:
        if isinstance(result, Request):
            delay = self.delay(result, response)
            if delay > 0:
                from twisted.internet import reactor  # the one Scrapy installed

                await maybe_deferred_to_future(deferLater(reactor, delay, lambda: None))
        return result

    async def process_response(self, request: Request, response: Any) -> Any:  # type: ignore[override]  # async, as Scrapy 2.13 allows
        return await self._backoff(super().process_response(request, response), response)

    async def process_exception(self, request: Request, exception: Exception) -> Any:  # type: ignore[override]
        return await self._backoff(super().process_exception(request, exception))


class ConditionalFeedMiddleware:
    """Conditional GETs for requests with ``meta["conditional"]`` (feeds, sitemaps)."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.known: dict[str, dict] = {}
        self.pending: dict[str, dict] = {}
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Any) -> ConditionalFeedMiddleware:
        return cls(crawler)

    async def spider_opened(self, spider: Any) -> None:
        """Validators of this spider's own registry addresses (its feeds or its sitemaps; for ``sections``
        the query finds none): the three spiders of a crawl each open this middleware, and no spider
        requests another's. Read before the first request goes out, through a store outage."""
        urls = [u for s in getattr(spider, "sources", {}).values() for u in spider.start_urls_of(s)]
        if urls:
            self.known.update(await read_through(outage(self.crawler.settings), store_thread(), read_validators, urls))

    def process_request(self, request: Request) -> None:
        state = self.known.get(request.url) if request.meta.get("conditional") else None
        if state:
            if state.get("etag"):
                request.headers.setdefault("If-None-Match", state["etag"])
            if state.get("last_modified"):
                request.headers.setdefault("If-Modified-Since", state["last_modified"])

    def process_response(self, request: Request, response: Any) -> Any:
        if request.meta.get("conditional") and response.status == 200:
            etag = response.headers.get("ETag")
            modified = response.headers.get("Last-Modified")
            if etag or modified:
                self.pending[request.url] = {
                    "source_id": request.meta.get("source_id"),
                    "etag": etag.decode("latin-1") if etag else None,
                    "last_modified": modified.decode("latin-1") if modified else None,
                }
        return response

    async def spider_closed(self, spider: Any, reason: str) -> None:
        if reason != "finished" or not self.pending:
            return
        stats = self.crawler.stats.get_stats()
        failing = {k.split("/")[1] for k, v in stats.items() if k.startswith("source/") and "/errors/" in k and v}
        now = datetime.now(UTC)
        ops = [
            UpdateOne({"_id": url}, {"$set": {**state, "updated_at": now}}, upsert=True)
            for url, state in self.pending.items()
            if state["source_id"] not in failing
        ]
        if ops:
            try:
                await maybe_deferred_to_future(store_thread().call(write_validators, ops))
            except StoreError as exc:  # the next run fetches these feeds in full: nothing is lost
                logger.warning("could not remember feed validators: %s", exc)


def read_validators(store: Store, urls: list[str]) -> dict[str, dict]:
    """In the store thread: the remembered validators of ``urls``, by URL."""
    collection = store.collection(FEED_STATE)
    return {d["_id"]: d for chunk in chunks(urls, IN_LIMIT) for d in collection.find({"_id": {"$in": chunk}})}


def write_validators(store: Store, ops: list[UpdateOne]) -> None:
    store.collection(FEED_STATE).bulk_write(ops, ordered=False)


class KnownUrlsMiddleware:
    """Drops article requests whose URL (as listed or canonical) is stored or already claimed this run.

    The store is asked in the store thread; the callback's output waits for the answer, the reactor does not.
    """

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.batch = crawler.settings.getint("KNOWN_URLS_BATCH", 100)
        self.lookup: Callable[[set[str]], Awaitable[set[str]]] = self._stored

    @classmethod
    def from_crawler(cls, crawler: Any) -> KnownUrlsMiddleware:
        return cls(crawler)

    @staticmethod
    async def _stored(urls: set[str]) -> set[str]:
        return await maybe_deferred_to_future(store_thread().call(known_urls, urls))

    async def _filter(self, requests: list[Request]) -> list[Request]:
        canon = {r.url: canonical_url(r.url) for r in requests}
        known: set[str] = set()
        if not outage(self.crawler.settings).down:  # a store known to be down is not asked (each try waits)
            try:
                known = await self.lookup({*canon, *canon.values()})
            except StoreError as exc:  # fetch anyway: saving is idempotent
                logger.warning("known-URL check failed, fetching %d links: %s", len(requests), exc)
        kept = []
        for request in requests:
            source = request.meta.get("source_id")
            if request.url in known or canon[request.url] in known:
                self.crawler.stats.inc_value(stat_key(source, "skipped/known"))
            elif not claim(canon[request.url]):
                self.crawler.stats.inc_value(stat_key(source, "skipped/listed_twice"))
            else:
                kept.append(request)
        return kept

    async def process_spider_output(self, response: Any, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        buffered: list[Request] = []
        async for out in result:
            if isinstance(out, Request) and out.meta.get("article"):
                buffered.append(out)
                if len(buffered) >= self.batch:
                    for kept in await self._filter(buffered):
                        yield kept
                    buffered = []
            else:
                yield out
        if buffered:
            for kept in await self._filter(buffered):
                yield kept
