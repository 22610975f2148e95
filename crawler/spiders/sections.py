"""``sections``: listing pages (a section front, its next pages), following only article-like links.

A link is followed when it stays inside the source's ``allowed_domains`` and its
path looks like an article (a date in the path, a long slug, a numeric id, an
.html page) rather than navigation (tags, authors, search, video, login...).
Listing pages that continue the section (``?page=2``, ``/page/2``) are followed
up to ``SECTIONS_MAX_DEPTH`` levels. The patterns live in ``url_patterns.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import scrapy
import yaml
from scrapy.linkextractors import LinkExtractor

from citywatch.config.sources import Source, host_allowed
from crawler.spiders.base import SourceSpider

PATTERNS = Path(__file__).resolve().parent.parent / "url_patterns.yaml"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    raw = yaml.safe_load(PATTERNS.read_text(encoding="utf-8"))
    return {name: re.compile("|".join(f"(?:{p})" for p in items), re.I) for name, items in raw.items()}


def is_article_url(url: str) -> bool:
    parts = urlsplit(url)
    path = parts.path
    patterns = _patterns()
    return not patterns["not_article"].search(path) and bool(patterns["article"].search(path))


def continues_listing(url: str, section_url: str) -> bool:
    """A next page of the same listing: same path prefix plus a pagination marker."""
    section_path = urlsplit(section_url).path.rstrip("/")
    parts = urlsplit(url)
    return parts.path.startswith(section_path) and bool(_patterns()["pagination"].search(f"{parts.path}?{parts.query}"))


class SectionsSpider(SourceSpider):
    name = "sections"
    kind = "sections"

    def start_request(self, source: Source, url: str, depth: int = 0, section: str | None = None) -> scrapy.Request:
        return scrapy.Request(
            url, callback=self.parse_section, errback=self.on_error, dont_filter=depth == 0,
            meta={"source_id": source.id, "section_depth": depth, "section_url": section or url},
        )

    def parse_section(self, response: scrapy.http.Response) -> Iterator[scrapy.Request]:
        source = self.sources[response.meta["source_id"]]
        depth = response.meta["section_depth"]
        section_url = response.meta["section_url"]
        section_name = urlsplit(section_url).path.strip("/").split("/")[-1] or None
        if not isinstance(response, scrapy.http.TextResponse):
            self.count(source.id, "errors/section_not_html")
            return
        for link in LinkExtractor(unique=True).extract_links(response):
            if not host_allowed(link.url, source.allowed_domains):  # (allow_domains would compare host:port)
                continue
            if is_article_url(link.url):
                yield self.article_request(source.id, link.url, title=link.text.strip() or None, section=section_name)
            elif depth < self.settings.getint("SECTIONS_MAX_DEPTH") and continues_listing(link.url, section_url):
                yield self.start_request(source, link.url, depth + 1, section_url)
