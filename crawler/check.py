"""``citywatch sources check``: does each address of each source answer, and does it parse?

The registry's addresses cannot be verified from an offline build, and outlets
move their feeds; this check lets an online user find the dead ones. It uses
plain HTTP GETs (httpx) with the crawler's User-Agent, a few at a time, and
the same parsers as the spiders, so "parses" means "the spider would get links".

Each result (status, content type, entries found, newest entry date, redirects)
is kept in the store (collection ``source_checks``, the latest result per
address, with the last time it worked) and written to a Markdown report, so the
next user sees which addresses work and can cite a dated check as evidence.
Every request and redirect hop obeys the crawler's egress policy (crawler/egress.py).
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser
import httpx
from scrapy.http import HtmlResponse

from citywatch.config.sources import Source
from citywatch.store import Store
from crawler.egress import Network, check_url, networks

SOURCE_CHECKS = "source_checks"


@dataclass
class Check:
    source_id: str
    kind: str  # feeds | sitemaps | sections
    url: str
    ok: bool
    detail: str  # "200, 25 entries" or the reason it failed
    status: int | None = None
    content_type: str | None = None
    entries: int = 0  # feed entries, sitemap entries, or article links of a section page
    newest: datetime | None = None  # the newest entry's date, when the entries carry dates
    redirects: list[str] = field(default_factory=list)  # every URL answered with a redirect, in order
    final_url: str | None = None
    checked_at: datetime = field(default_factory=lambda: datetime.now(UTC))


def _parse(kind: str, response: httpx.Response) -> tuple[int, datetime | None, str]:
    """(entries, newest entry date, what was found) for one answered address."""
    if kind == "feeds":
        from crawler.spiders.feeds import entry_date

        parsed = feedparser.parse(response.content)
        dates = [d for d in (entry_date(e) for e in parsed.entries) if d]
        return len(parsed.entries), max(dates, default=None), f"{len(parsed.entries)} entries"
    if kind == "sitemaps":
        from crawler.spiders.sitemaps import read_sitemap

        body = response.content
        if body[:2] == b"\x1f\x8b":
            body = gzip.decompress(body)
        root, entries = read_sitemap(body)
        if root not in ("urlset", "sitemapindex"):
            return 0, None, "not a sitemap"
        dates = [e["date"] for e in entries if e["date"]]
        return len(entries), max(dates, default=None), f"{root}, {len(entries)} entries"
    from crawler.spiders.sections import article_links

    page = HtmlResponse(url=str(response.url), body=response.content, encoding=response.encoding or "utf-8")
    links = article_links(page)
    return len(links), None, f"{len(links)} article-like links"


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
    result = Check(source_id, kind, url, False, "", status=response.status_code,
                   content_type=response.headers.get("content-type"),
                   redirects=[str(r.url) for r in response.history], final_url=str(response.url))
    if response.status_code != 200:
        result.detail = f"HTTP {response.status_code}"
        return result
    try:
        result.entries, result.newest, found = _parse(kind, response)
    except Exception as exc:  # a parser failure is a finding about the address, not a crash
        result.detail = f"200, parse error: {exc}"
        return result
    result.ok = result.entries > 0
    result.detail = f"200, {found}" if result.ok else f"200, {found} (nothing to crawl)"
    return result


def check_sources(sources: list[Source], user_agent: str, timeout: float = 15.0, workers: int = 8) -> Iterator[Check]:
    jobs = [(s, kind, url) for s in sources for kind, url in s.addresses()]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(lambda job: check_one(job[0].id, job[1], job[2], user_agent, timeout, networks(job[0])), jobs)


def check_id(source_id: str, url: str) -> str:
    return f"{source_id} {url}"


def record_checks(store: Store, checks: Iterable[Check]) -> int:
    """Keep each address's latest result (and, once it worked, when it last did); returns how many."""
    n = 0
    collection = store.collection(SOURCE_CHECKS)
    for check in checks:
        doc: dict[str, Any] = asdict(check) | ({"last_ok_at": check.checked_at} if check.ok else {})
        collection.update_one({"_id": check_id(check.source_id, check.url)}, {"$set": doc}, upsert=True)
        n += 1
    return n


def latest_checks(store: Store, source_ids: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    """``{"<source id> <url>": latest check}``, for the given sources or all."""
    query = {"source_id": {"$in": list(source_ids)}} if source_ids is not None else {}
    return {doc["_id"]: doc for doc in store.collection(SOURCE_CHECKS).find(query)}


def _cell(value: Any) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value if value not in (None, []) else "").replace("|", "\\|")


def write_report(checks: list[Check], path: Path, sources_file: Path) -> Path:
    """The check as a Markdown table, and the evidence lines an online user can paste into the registry."""
    when = min((c.checked_at for c in checks), default=datetime.now(UTC))
    working = [c for c in checks if c.ok]
    lines = [f"# citywatch sources check, {when:%Y-%m-%d %H:%M} UTC", "",
             f"Registry: `{sources_file}`. {len(working)} of {len(checks)} addresses answered and parsed.", "",
             "| source | kind | address | result | HTTP | content type | entries | newest entry | redirects |",
             "|---|---|---|---|---|---|---|---|---|"]
    for c in checks:
        lines.append("| " + " | ".join(_cell(v) for v in (
            c.source_id, c.kind, c.url, ("ok: " if c.ok else "FAIL: ") + c.detail, c.status, c.content_type,
            c.entries, c.newest, " → ".join(c.redirects))) + " |")
    if working:
        lines += ["", "Evidence records for the addresses that worked (docs/crawler.md, \"Adding an outlet\"):", "", "```yaml"]
        lines += [f"      - {{url: \"{c.url}\", checked: {c.checked_at:%Y-%m-%d}}}  # {c.source_id}" for c in working]
        lines.append("```")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
