"""``sitemaps``: news sitemaps and sitemap indexes, on top of Scrapy's SitemapSpider.

SitemapSpider provides the body handling (gzip, size limits, robots.txt
sitemaps). Its entry parser flattens nested tags and so loses
``news:publication_date`` and ``news:title``; entries are therefore read here with
lxml (no entity expansion, recovering from broken XML). The time window
(``since``) applies to ``news:publication_date``, else ``lastmod``, both for
article entries and for the child sitemaps of an index. Sitemaps are requested
with ``dont_filter`` (they are revalidated every run), so the traversal keeps its
own per-run visited set and caps depth and count (``SITEMAP_MAX_DEPTH``,
``SITEMAP_MAX_COUNT``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import scrapy
from lxml import etree
from scrapy.spiders import SitemapSpider
from scrapy.utils.sitemap import sitemap_urls_from_robots

from citywatch.config.sources import Source
from crawler.extraction import parse_date
from crawler.spiders.base import SourceSpider


def _local(tag: Any) -> str:
    return tag.split("}", 1)[1] if isinstance(tag, str) and "}" in tag else str(tag)


def read_sitemap(body: bytes) -> tuple[str, list[dict[str, Any]]]:
    """(``"urlset"`` | ``"sitemapindex"`` | ``""``, entries with loc, date, title)."""
    parser = etree.XMLParser(recover=True, remove_comments=True, resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError:
        return "", []
    if root is None:
        return "", []
    entries = []
    for node in root:
        fields: dict[str, Any] = {}
        for element in node.iter():
            name = _local(element.tag)
            if name in ("loc", "lastmod", "publication_date", "title") and element.text and name not in fields:
                fields[name] = element.text.strip()
        if fields.get("loc"):
            entries.append({
                "loc": fields["loc"],
                "date": parse_date(fields.get("publication_date")) or parse_date(fields.get("lastmod")),
                "title": fields.get("title"),
            })
    return _local(root.tag), entries


class SitemapsSpider(SourceSpider, SitemapSpider):  # type: ignore[misc]  # SourceSpider.from_crawler comes first, as meant
    name = "sitemaps"
    kind = "sitemaps"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.visited: dict[str, set[str]] = {}  # per source: the sitemaps requested in this run

    def start_request(self, source: Source, url: str) -> scrapy.Request:
        self.visited.setdefault(source.id, set()).add(url)
        return self.sitemap_request(source.id, url, 0)

    def sitemap_request(self, source_id: str, url: str, depth: int, address: str | None = None) -> scrapy.Request:
        request = self.conditional_request(source_id, url, self._parse_sitemap, address)
        request.meta["sitemap_depth"] = depth
        return request

    def follow(self, source_id: str, url: str, depth: int, address: str) -> scrapy.Request | None:
        """A child sitemap, unless this run requested it already or it is too deep or one too many: a sitemap
        index that lists itself, or an endless chain of them, ends here (counted as ``errors/sitemap_loop``)."""
        visited = self.visited.setdefault(source_id, set())
        if (url in visited or depth > self.settings.getint("SITEMAP_MAX_DEPTH")
                or len(visited) >= self.settings.getint("SITEMAP_MAX_COUNT")):
            self.count(source_id, "errors/sitemap_loop")
            return None
        visited.add(url)
        return self.sitemap_request(source_id, url, depth, address)

    def _parse_sitemap(self, response: scrapy.http.Response) -> Iterator[scrapy.Request]:
        source_id, address = response.meta["source_id"], response.meta["address"]
        depth = response.meta.get("sitemap_depth", 0) + 1
        if response.status == 304:
            self.unchanged(source_id, address)
            return
        if response.url.endswith("/robots.txt"):
            for url in sitemap_urls_from_robots(response.body, base_url=response.url):
                if (child := self.follow(source_id, url, depth, address)) is not None:
                    yield child
            return
        body = self._get_sitemap_body(response)
        kind, entries = read_sitemap(body) if body else ("", [])
        if kind not in ("urlset", "sitemapindex"):
            self.count(source_id, "errors/malformed_sitemap")
            return
        if kind == "urlset":
            self.listed(source_id, address, len(entries))
        for entry in entries:
            published: datetime | None = entry["date"]
            if self.too_old(published):
                self.count(source_id, "skipped/too_old")
            elif kind == "sitemapindex":
                if (child := self.follow(source_id, entry["loc"], depth, address)) is not None:
                    yield child
            else:
                yield self.article_request(source_id, entry["loc"], title=entry["title"], published=published)
