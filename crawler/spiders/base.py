"""What the three spiders share: reading the registry, tagging requests with their source, failures.

Spider arguments (``scrapy crawl feeds -a sources=FILE -a only=a,b -a since=2026-11-01``)
and the matching settings (``CITYWATCH_SOURCES``...) choose the sources. Every
request carries ``meta["source_id"]`` so middlewares can apply that source's
domains and count per source. Failed requests land in :meth:`on_error`, which
names the reason in the per-source stats instead of letting it crash anything.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import scrapy
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
)
from scrapy.http import TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionRefusedError, DNSLookupError, TCPTimedOutError, TimeoutError
from twisted.python.failure import Failure

from citywatch.config import DEFAULT_SOURCES
from citywatch.config.sources import Source, load_sources
from crawler.extraction import looks_binary, redecode
from crawler.items import ArticleItem
from crawler.singletons import address_key, stat_key


def parse_since(value: str | date | None) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime.combine(value, time.min, tzinfo=UTC)
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def failure_reason(failure: Failure) -> tuple[str, str]:
    """(counter group, reason) for a failed request: ``("errors", "http_500")``, ``("dropped", "robots_txt")``..."""
    exc = failure.value
    if isinstance(exc, HttpError):
        return "errors", f"http_{exc.response.status}"
    message = str(exc)
    if failure.check(TimeoutError, TCPTimedOutError, DownloadTimeoutError):
        return "errors", "timeout"
    if failure.check(DNSLookupError, CannotResolveHostError):
        return "errors", "dns"
    if failure.check(ConnectionRefusedError, DownloadConnectionRefusedError):
        return "errors", "connection_refused"
    if failure.check(DownloadCancelledError) or "exceeded DOWNLOAD_MAXSIZE" in message:
        return "errors", "too_large"  # cancelled only by the size caps: declared, received, or decompressed
    if "max redirections" in message:
        return "errors", "redirect_loop"
    if "robots.txt" in message:
        return "dropped", "robots_txt"
    if message.startswith("offsite"):
        return "dropped", "offsite"
    if message.startswith("store unavailable"):
        return "dropped", "store_unavailable"
    return "errors", type(exc).__name__


class SourceSpider(scrapy.Spider):
    """Base of the citywatch spiders; subclasses say which addresses of a source they start from."""

    kind = ""  # the Source attribute listing this spider's start addresses
    since: datetime | None  # both set by from_crawler
    allowed_domains: list[str]

    def __init__(self, sources: str | None = None, only: str | list[str] | None = None,
                 since: str | None = None, run_id: str | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sources_file = Path(sources) if sources else None
        self.only = only.split(",") if isinstance(only, str) else only
        self.since_arg = since
        self.run_id = run_id
        self.sources: dict[str, Source] = {}

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> SourceSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        path = spider.sources_file or Path(settings.get("CITYWATCH_SOURCES") or DEFAULT_SOURCES)
        spider.sources = {s.id: s for s in load_sources(path, spider.only)}
        spider.sources_file = path
        spider.since = parse_since(spider.since_arg)
        spider.allowed_domains = sorted({d for s in spider.sources.values() for d in s.allowed_domains})
        return spider

    def start_urls_of(self, source: Source) -> tuple[str, ...]:
        return getattr(source, self.kind)

    def start_request(self, source: Source, url: str) -> scrapy.Request:
        raise NotImplementedError

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """Every address of every source; each starts at 0 listed, so one that fails shows as silent, and
        addresses without evidence in the registry are counted (``unverified_addresses``) and logged."""
        unverified = []
        for source in self.sources.values():
            for url in self.start_urls_of(source):
                self.listed(source.id, url, 0)
                if url in source.unverified_urls:
                    self.count(source.id, "unverified_addresses")
                    unverified.append(source.id)
                yield self.start_request(source, url)
        if unverified:
            self.logger.warning("%d %s address(es) have no evidence in the registry (unverified): %s",
                                len(unverified), self.kind, ", ".join(sorted(set(unverified))))

    def listed(self, source_id: str, address: str, entries: int) -> None:
        """Entries (article links) a registry address listed; the monitor flags one that stops listing any."""
        self.crawler.stats.inc_value(stat_key(source_id, f"addresses/{address_key(address)}"), entries)

    def unchanged(self, source_id: str, address: str) -> None:
        """A registry address answered 304 Not Modified: quiet, not silent."""
        self.crawler.stats.inc_value(stat_key(source_id, f"addresses_unchanged/{address_key(address)}"))

    def conditional_request(self, source_id: str, url: str, callback: Any, address: str | None = None) -> scrapy.Request:
        """A feed or sitemap: revalidated with its last validators (``ConditionalFeedMiddleware``),
        so an unchanged one answers 304, and capped at ``FEED_MAXSIZE`` rather than the article limit.
        ``address``: the registry address it was reached from (a sitemap index's child), default ``url``."""
        return scrapy.Request(
            url, callback=callback, errback=self.on_error, dont_filter=True,
            meta={"source_id": source_id, "conditional": True, "handle_httpstatus_list": [304],
                  "download_maxsize": self.settings.getint("FEED_MAXSIZE"), "address": address or url},
        )

    def too_old(self, published: datetime | None) -> bool:
        return bool(self.since and published and published < self.since)

    def article_request(self, source_id: str, url: str, *, title: str | None = None,
                        published: datetime | None = None, author: str | None = None,
                        section: str | None = None) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=self.parse_article,
            errback=self.on_error,
            meta={"source_id": source_id, "article": True, "feed_title": title, "feed_published": published,
                  "feed_author": author, "section": section},
        )

    def parse_article(self, response: scrapy.http.Response) -> Iterator[ArticleItem]:
        meta = response.meta
        source = self.sources[meta["source_id"]]
        html = response.text if isinstance(response, TextResponse) else None
        if html is not None and looks_binary(html) and (redecoded := redecode(response.body)) is not None:
            html = redecoded  # the declared charset was wrong; the bytes say which one it is
            self.count(source.id, "fixed/charset")
        yield ArticleItem(
            url=response.url,
            requested_url=(meta.get("redirect_urls") or [response.url])[0],
            source_id=source.id,
            source_language=source.language,
            source_country=source.country,
            html=html,
            content_type=(response.headers.get("Content-Type") or b"").decode("latin-1"),
            declared_lang=(response.headers.get("Content-Language") or b"").decode("latin-1") or None,
            feed_title=meta.get("feed_title"),
            feed_published=meta.get("feed_published"),
            feed_author=meta.get("feed_author"),
            section=meta.get("section"),
            run_id=self.run_id,
        )

    def count(self, source_id: str | None, name: str) -> None:
        self.crawler.stats.inc_value(stat_key(source_id, name))

    def on_error(self, failure: Failure) -> None:
        group, reason = failure_reason(failure)
        request = getattr(failure, "request", None)
        source_id = request.meta.get("source_id") if request is not None else None
        if reason != "offsite":  # already counted where it was refused
            self.count(source_id, f"{group}/{reason}")
        self.logger.info("request %s (%s): %s (%s)", group, reason, getattr(request, "url", "?"), failure.value)
