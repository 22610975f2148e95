"""``citywatch sources check``: does each address of each source answer, and does it parse?

The registry's addresses cannot be verified from an offline build, and outlets
move their feeds; this check lets an online user find the dead ones. It uses
plain HTTP GETs (httpx) with the crawler's User-Agent, a few at a time, and
the same parsers as the spiders, so "parses" means "the spider would get links".
Every request and redirect hop obeys the crawler's egress policy (crawler/egress.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urljoin

import feedparser
import httpx

from citywatch.config.sources import Source
from crawler.egress import Network, check_url, networks


@dataclass
class Check:
    source_id: str
    kind: str  # feeds | sitemaps | sections
    url: str
    ok: bool
    detail: str  # "200, 25 entries" or the reason it failed


def _parse(kind: str, url: str, response: httpx.Response) -> tuple[bool, str]:
    if kind == "feeds":
        parsed = feedparser.parse(response.content)
        return bool(parsed.entries), f"{len(parsed.entries)} entries" if parsed.entries else "no feed entries"
    if kind == "sitemaps":
        from crawler.spiders.sitemaps import read_sitemap

        body = response.content
        if body[:2] == b"\x1f\x8b":
            import gzip

            body = gzip.decompress(body)
        root, entries = read_sitemap(body)
        return root in ("urlset", "sitemapindex") and bool(entries), f"{root or 'not a sitemap'}, {len(entries)} entries"
    from parsel import Selector

    from crawler.spiders.sections import is_article_url

    links = {urljoin(url, h) for h in Selector(text=response.text).css("a::attr(href)").getall()}
    articles = [link for link in links if is_article_url(link)]
    return bool(articles), f"{len(articles)} article-like links"


class EgressRefused(Exception):
    pass


def check_one(source_id: str, kind: str, url: str, user_agent: str, timeout: float,
              allowed: list[Network] | None = None) -> Check:
    def egress(request: httpx.Request) -> None:
        bad = check_url(str(request.url), allowed or [])
        if bad is not None:
            raise EgressRefused(f"refused: {request.url} resolves to {bad}, outside the public internet "
                                "and not in allow_networks")

    try:
        with httpx.Client(headers={"User-Agent": user_agent}, timeout=timeout, follow_redirects=True,
                          event_hooks={"request": [egress]}) as client:
            response = client.get(url)
    except EgressRefused as exc:
        return Check(source_id, kind, url, False, str(exc))
    except httpx.HTTPError as exc:
        return Check(source_id, kind, url, False, f"no answer: {type(exc).__name__} {exc}".strip())
    if response.status_code != 200:
        return Check(source_id, kind, url, False, f"HTTP {response.status_code}")
    try:
        ok, detail = _parse(kind, url, response)
    except Exception as exc:  # a parser failure is a finding about the address, not a crash
        ok, detail = False, f"parse error: {exc}"
    return Check(source_id, kind, url, ok, f"200, {detail}")


def check_sources(sources: list[Source], user_agent: str, timeout: float = 15.0, workers: int = 8) -> Iterator[Check]:
    jobs = [(s, kind, url) for s in sources for kind in ("feeds", "sitemaps", "sections") for url in getattr(s, kind)]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(lambda job: check_one(job[0].id, job[1], job[2], user_agent, timeout, networks(job[0])), jobs)
