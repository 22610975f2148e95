"""``sections``: listing pages (a section front, its next pages), following only article-like links.

A link is followed when it stays inside the source's ``allowed_domains`` and its
path looks like an article (a date in the path, a long slug, a numeric id, an
.html page) rather than navigation (tags, authors, search, video, login...).
Listing pages that continue the section (``?page=2``, ``/page/2``) are followed
up to ``SECTIONS_MAX_DEPTH`` levels. The patterns live in ``url_patterns.yaml``; a
host listed under ``hosts:`` there has its own rules (which anchors hold article
links), for outlets whose only way in is a section page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.link import Link
from scrapy.linkextractors import LinkExtractor

from citywatch.config import read_yaml
from citywatch.config.sources import Source, domain_contains, host_allowed
from crawler.spiders.base import SourceSpider

PATTERNS = Path(__file__).resolve().parent.parent / "url_patterns.yaml"


def _compile(items: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in items), re.I)


@dataclass(frozen=True)
class LinkRules:
    links: tuple[str, ...]  # CSS selectors of the anchors holding article links; empty: every anchor
    article: re.Pattern[str]
    not_article: re.Pattern[str]


@cache
def _pattern_file() -> dict[str, Any]:
    """The patterns file, read once for both the generic patterns and the hosts' rules."""
    return read_yaml(PATTERNS, "section patterns")  # type: ignore[no-any-return]


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {name: _compile(items) for name, items in _pattern_file().items() if name != "hosts"}


@cache
def _host_rules() -> dict[str, LinkRules]:
    """A host's anchors are article links by selection, so without patterns of its own any path counts."""
    raw = _pattern_file().get("hosts") or {}
    generic = _patterns()
    out = {}
    for host, rules in raw.items():
        links = tuple(rules.get("links") or ())
        if rules.get("article"):
            article = _compile(rules["article"])
        else:
            article = re.compile("") if links else generic["article"]
        out[host] = LinkRules(links, article, generic["not_article"])
    return out


def link_rules(url: str) -> LinkRules:
    """The rules for links found on the page at ``url``: its host's own, else the generic ones."""
    host = (urlsplit(url).hostname or "").lower()
    for domain, rules in _host_rules().items():
        if domain_contains(domain, host):
            return rules
    return LinkRules((), _patterns()["article"], _patterns()["not_article"])


def is_article_url(url: str, rules: LinkRules | None = None) -> bool:
    rules = rules or link_rules(url)
    path = urlsplit(url).path
    return not rules.not_article.search(path) and bool(rules.article.search(path))


def article_links(response: scrapy.http.TextResponse) -> list[Link]:
    """The article links of a section page, by the rules of its host."""
    rules = link_rules(response.url)
    extractor = LinkExtractor(unique=True, restrict_css=rules.links)
    return [link for link in extractor.extract_links(response) if is_article_url(link.url, rules)]


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
        articles = {link.url for link in article_links(response)}
        self.listed(source.id, section_url, len(articles))
        for link in LinkExtractor(unique=True).extract_links(response):
            if not host_allowed(link.url, source.allowed_domains):  # (allow_domains would compare host:port)
                continue
            if link.url in articles:
                yield self.article_request(source.id, link.url, title=link.text.strip() or None, section=section_name)
            elif depth < self.settings.getint("SECTIONS_MAX_DEPTH") and continues_listing(link.url, section_url):
                yield self.start_request(source, link.url, depth + 1, section_url)
