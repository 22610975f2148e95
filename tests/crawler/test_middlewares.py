"""Per-source allowed domains and the batched known-URL filter, unit by unit."""

from __future__ import annotations

import asyncio

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.test import get_crawler

from citywatch.config.sources import Source
from citywatch.store import known_urls, save_articles
from crawler import singletons
from crawler.middlewares import KnownUrlsMiddleware, SourceDomainsMiddleware

ONE = Source(id="one", name="One", country="GB", language="en", feeds=("https://one.example/rss",),
             allowed_domains=("one.example",))
TWO = Source(id="two", name="Two", country="FR", language="fr", feeds=("https://news.two.example/rss",),
             allowed_domains=("two.example",))


class _Spider:
    name = "stub"
    sources = {"one": ONE, "two": TWO}
    allowed_domains = ["one.example", "two.example"]


def _crawler():
    crawler = get_crawler(settings_dict={"KNOWN_URLS_BATCH": 3})
    crawler.spider = _Spider()
    crawler.stats.open_spider()
    return crawler


def test_each_source_only_reaches_its_own_domains() -> None:
    crawler = _crawler()
    middleware = SourceDomainsMiddleware(crawler)
    middleware.process_request(Request("https://www.one.example/a", meta={"source_id": "one"}))
    with pytest.raises(IgnoreRequest, match="offsite"):  # another source's domain is still offsite
        middleware.process_request(Request("https://two.example/a", meta={"source_id": "one"}))
    with pytest.raises(IgnoreRequest):
        middleware.process_request(Request("https://evil.example/robots.txt"))
    middleware.process_request(Request("https://two.example/robots.txt"))  # untagged: any source's domain
    assert crawler.stats.get_value("source/one/dropped/offsite") == 1


def test_known_urls_are_filtered_in_batches(embedded_store, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import UTC, datetime

    monkeypatch.setattr(singletons, "_claimed", set())
    save_articles(embedded_store, [{"url": "https://one.example/a/stored-story-here.html", "source_id": "one",
                                    "text": "x", "fetched_at": datetime.now(UTC), "content_hash": "h"}])
    queries: list[int] = []

    async def lookup(urls: set[str]) -> set[str]:  # what the store thread would answer
        queries.append(len(urls))
        return known_urls(embedded_store, urls)

    crawler = _crawler()
    middleware = KnownUrlsMiddleware(crawler)
    middleware.lookup = lookup
    links = [f"https://one.example/a/story-{i}.html" for i in range(5)] + [
        "https://one.example/a/stored-story-here.html?utm_source=rss",  # stored, under a tracking-param alias
        "https://one.example/a/story-1.html#comments",  # listed twice
    ]
    feed = Request("https://one.example/rss", meta={"source_id": "one"})
    output = [Request(u, meta={"source_id": "one", "article": True}) for u in links] + [feed]

    async def spider_output():
        for out in output:
            yield out

    async def kept_requests() -> list:
        return [out async for out in middleware.process_spider_output(None, spider_output())]

    kept = asyncio.run(kept_requests())
    assert [r.url for r in kept if r.meta.get("article")] == links[:5]
    assert feed in kept
    assert len(queries) == 3  # 7 links in batches of 3, not 7 queries
    assert crawler.stats.get_value("source/one/skipped/known") == 1
    assert crawler.stats.get_value("source/one/skipped/listed_twice") == 1


def test_retry_after_is_honoured_up_to_its_cap() -> None:
    from datetime import UTC, datetime, timedelta
    from email.utils import format_datetime

    from scrapy.http import Response
    from scrapy.settings import Settings

    from crawler.middlewares import BackoffRetryMiddleware, retry_after

    middleware = BackoffRetryMiddleware(Settings({"RETRY_BACKOFF_BASE": 2.0, "RETRY_AFTER_MAX": 300.0,
                                                  "RETRY_TIMES": 2, "RETRY_HTTP_CODES": [429]}))
    retry = Request("http://127.0.0.1/a.html", meta={"retry_times": 1})
    asked = Response(retry.url, status=429, headers={"Retry-After": "120"})
    assert middleware.delay(retry, asked) == 120.0  # not the 2 s backoff
    assert middleware.delay(retry, Response(retry.url, status=429, headers={"Retry-After": "100000"})) == 300.0
    assert middleware.delay(retry, Response(retry.url, status=503)) == 2.0
    now = datetime(2026, 11, 1, tzinfo=UTC)
    dated = Response(retry.url, status=503, headers={"Retry-After": format_datetime(now + timedelta(seconds=90), usegmt=True)})
    assert retry_after(dated, now) == 90.0
    assert retry_after(Response(retry.url, status=503, headers={"Retry-After": "soon"})) is None
