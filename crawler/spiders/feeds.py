"""``feeds``: RSS 0.9x/1.0/2.0 and Atom, parsed by feedparser.

feedparser reads every dialect and recovers from many broken feeds (``bozo``);
a feed that yields no entries at all is counted as ``errors/malformed_feed``, one
that breaks after some entries as ``errors/partial_feed`` (its entries are kept).
Entry titles, dates and authors travel with the article request as fallbacks.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, datetime
from urllib.parse import urljoin

import feedparser
import scrapy

from citywatch.config.sources import Source
from crawler.spiders.base import SourceSpider

BENIGN = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)  # bozo, but nothing lost


def entry_date(entry: dict) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if entry.get(key):
            return datetime.fromtimestamp(calendar.timegm(entry[key]), tz=UTC)
    return None


class FeedsSpider(SourceSpider):
    name = "feeds"
    kind = "feeds"

    def start_request(self, source: Source, url: str) -> scrapy.Request:
        return self.conditional_request(source.id, url, self.parse_feed)

    def parse_feed(self, response: scrapy.http.Response) -> Iterator[scrapy.Request]:
        source_id, address = response.meta["source_id"], response.meta["address"]
        if response.status == 304:
            self.unchanged(source_id, address)
            return
        parsed = feedparser.parse(response.body, response_headers={
            "content-type": (response.headers.get("Content-Type") or b"application/xml").decode("latin-1"),
            "content-location": response.url,
        })
        self.listed(source_id, address, len(parsed.entries))
        if not parsed.entries:
            self.count(source_id, "errors/malformed_feed" if parsed.bozo else "errors/empty_feed")
            return
        if parsed.bozo and not isinstance(parsed.get("bozo_exception"), BENIGN):  # broken after some entries: keep them
            self.count(source_id, "errors/partial_feed")
        for entry in parsed.entries:
            link = entry.get("link") or entry.get("id")
            if not link:
                continue
            published = entry_date(entry)
            if self.too_old(published):
                self.count(source_id, "skipped/too_old")
                continue
            yield self.article_request(
                source_id, urljoin(response.url, link.strip()), title=entry.get("title"),
                published=published, author=entry.get("author"),
            )
