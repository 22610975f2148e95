"""The sample site's content and routes: outlets with feeds, sitemaps, sections and article pages.

Content comes from ``articles.jsonl`` and ``outlets.yaml`` (the project's own
sample articles; tests bring a small set of their own). Every article is
rendered into a realistic page from ``templates/article.html``: navigation,
byline, related links with tracking parameters, JSON-LD ``NewsArticle``,
``rel=canonical`` and a link to another host (``localhost`` instead of
``127.0.0.1``) that a crawler must never follow.

``hostile=True`` adds the bad cases a crawler meets in the wild (see
:data:`HOSTILE_LINKS`); ``bench_dir`` adds the 181 real pages of the
article-extraction-benchmark under ``/bench/`` with a news sitemap.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from citywatch.config import read_yaml

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles.jsonl"
OUTLETS = HERE / "outlets.yaml"
HOSTILE_ARTICLES = HERE / "hostile_articles.jsonl"
PER_PAGE = 10
FEED_LAST_MODIFIED = "Sat, 28 Nov 2026 12:00:00 GMT"
ROBOTS = "User-agent: *\nDisallow: /private/\n"
# path -> (status, what the crawler should record); linked from the hostile outlet's feed.
HOSTILE_LINKS = {
    "/hostile/missing.html": "http_404",
    "/hostile/broken.html": "http_500",
    "/hostile/loop.html": "redirect_loop",
    "/hostile/slow.html": "timeout",
    "/hostile/huge.html": "too_large",
    "/hostile/binary.html": "binary",
    "/private/secret-report.html": "robots_txt",
    "/hostile/chunked-huge.html": "too_large",
    "/hostile/gzip-bomb.html": "too_large",
    "/hostile/retry-after.html": "http_429",
}
RETRY_AFTER_SECONDS = 120
SITEMAP_CHAIN = "/hostile/sitemap-chain/"  # sitemap index N lists index N + 1, forever

_env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html", "xml", "rdf"]))


@dataclass
class Article:
    outlet: str
    slug: str
    title: str
    author: str
    published: datetime | None
    lang: str
    section: str
    paragraphs: list[str]
    charset: str = "utf-8"
    href: str | None = None  # absolute link for entries that are not rendered pages
    declared_charset: str | None = None  # the charset the page claims (header and <meta>), when it lies
    page_published: str | None = None  # the date the page itself claims (JSON-LD, <meta>), when it differs

    @property
    def path(self) -> str:
        if self.published is None:
            return f"/{self.outlet}/{self.slug}.html"
        return f"/{self.outlet}/{self.published:%Y/%m/%d}/{self.slug}.html"

    @property
    def published_iso(self) -> str:
        return self.published.isoformat() if self.published else ""

    @property
    def published_rfc822(self) -> str:
        return format_datetime(self.published.astimezone(UTC), usegmt=True) if self.published else ""

    @property
    def published_human(self) -> str:
        return f"{self.published:%d %B %Y, %H:%M}" if self.published else ""

    @property
    def author_slug(self) -> str:
        return re.sub(r"\W+", "-", self.author.lower()).strip("-") or "staff"


@dataclass
class Outlet:
    id: str
    name: str
    country: str
    language: str
    weight: float = 1.0
    feed_kind: str = "rss"
    sections: list[str] = field(default_factory=list)


@dataclass
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | Iterator[bytes] = b""
    delay: float = 0.0


def read_articles(path: Path) -> list[Article]:
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            published = datetime.fromisoformat(raw["published"]) if raw.get("published") else None
            articles.append(Article(
                outlet=raw["outlet"], slug=raw["slug"], title=raw["title"], author=raw.get("author") or "Staff",
                published=published, lang=raw.get("lang") or "en", section=raw.get("section") or "news",
                paragraphs=list(raw["paragraphs"]), charset=raw.get("charset", "utf-8"),
                declared_charset=raw.get("declared_charset"), page_published=raw.get("page_published"),
            ))
    return articles


def read_outlets(path: Path) -> list[Outlet]:
    raw = read_yaml(path, "demo outlets")
    entries = raw.get("outlets", raw) if isinstance(raw, dict) else raw
    fields = set(Outlet.__dataclass_fields__)
    return [Outlet(**{k: v for k, v in entry.items() if k in fields}) for entry in entries]


class Site:
    def __init__(self, articles: list[Article], outlets: list[Outlet], hostile: bool = False,
                 bench_dir: Path | None = None, slow_seconds: float = 5.0, huge_bytes: int = 50 * 1024 * 1024,
                 huge_feed_bytes: int = 3 * 1024 * 1024, page_delay: float = 0.0) -> None:
        self.outlets = {o.id: o for o in outlets}
        self.articles = [a for a in articles if a.outlet in self.outlets]
        self.hostile = hostile
        self.bench_dir = bench_dir
        self.slow_seconds = slow_seconds
        self.huge_bytes = huge_bytes
        self.huge_feed_bytes = huge_feed_bytes
        self.page_delay = page_delay  # seconds before each article page answers (for kill tests)
        self.base = "http://127.0.0.1"
        self.offsite = "http://localhost"
        for outlet in self.outlets.values():
            if not outlet.sections:
                outlet.sections = sorted({a.section for a in self.articles if a.outlet == outlet.id}) or ["news"]
        if hostile:
            self.hostile_pages = read_articles(HOSTILE_ARTICLES)
            self.outlets["hostile"] = Outlet("hostile", "The Hostile Times", "GB", "en", 0.1, "rss", ["news"])
        self.by_path = {a.path: a for a in self.articles + (self.hostile_pages if hostile else [])}
        self._bench: dict[str, str] | None = None

    @classmethod
    def sample(cls, articles: Path = ARTICLES, outlets: Path = OUTLETS, **kwargs: Any) -> Site:
        return cls(read_articles(articles), read_outlets(outlets), **kwargs)

    def bind(self, host: str, port: int) -> None:
        self.base = f"http://{host}:{port}"
        self.offsite = f"http://localhost:{port}"

    # --- what exists -------------------------------------------------------
    def outlet_articles(self, outlet_id: str) -> list[Article]:
        chosen = [a for a in self.articles if a.outlet == outlet_id]
        return sorted(chosen, key=lambda a: a.published or datetime.min.replace(tzinfo=UTC), reverse=True)

    def bench_pages(self) -> dict[str, str]:
        """Benchmark page id -> original URL (ground truth stays in the benchmark folder)."""
        if self._bench is None:
            truth = json.loads((self.bench_dir / "ground-truth.json").read_text(encoding="utf-8")) if self.bench_dir else {}
            self._bench = {key: value["url"] for key, value in truth.items()}
        return self._bench

    def sources_yaml(self, extras: list[dict] | None = None) -> str:
        """The registry for this site (demo_site/templates/sources.yaml), hostile and bench sources included."""
        extras = list(extras or [])
        host = self.base.split("//", 1)[1].split(":")[0]
        if self.hostile:
            extras.append({"id": "hostile", "name": "The Hostile Times", "country": "GB", "language": "en",
                           "weight": 0.1, "allowed_domains": [host], "allow_networks": [f"{host}/32"],
                           "feeds": [f"{self.base}/hostile/rss.xml", f"{self.base}/hostile/malformed.rss",
                                     f"{self.base}/hostile/huge-feed.rss", f"{self.base}/hostile/partial.rss"],
                           "sitemaps": [f"{self.base}/hostile/sitemap-loop.xml"]})
        if self.bench_dir:
            extras.append({"id": "bench", "name": "Extraction benchmark pages", "country": "US", "language": "en",
                           "weight": 0.1, "allowed_domains": [host], "allow_networks": [f"{host}/32"],
                           "sitemaps": [f"{self.base}/bench/news-sitemap.xml"]})
        outlets = [o for o in self.outlets.values() if o.id != "hostile"]
        return _env.get_template("sources.yaml").render(outlets=outlets, base=self.base, host=host, extras=extras)

    def write_sources(self, path: Path, extras: list[dict] | None = None) -> Path:
        path.write_text(self.sources_yaml(extras), encoding="utf-8")
        return path

    # --- rendering ---------------------------------------------------------
    def render_article(self, article: Article) -> bytes:
        outlet = self.outlets[article.outlet]
        siblings = [a for a in self.outlet_articles(article.outlet) if a is not article][:4]
        jsonld = {
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title,
            "datePublished": article.page_published or article.published_iso or None, "inLanguage": article.lang,
            "author": [{"@type": "Person", "name": article.author}],
            "publisher": {"@type": "Organization", "name": outlet.name},
            "mainEntityOfPage": f"{self.base}{article.path}",
        }
        html = _env.get_template("article.html").render(
            a=article, o=outlet, base=self.base, offsite=self.offsite, related=siblings, sections=outlet.sections,
            charset=article.declared_charset or article.charset, page_date=article.page_published or article.published_iso,
            jsonld=json.dumps(jsonld, ensure_ascii=False).replace("</", "<\\/"),
        )
        return html.encode(article.charset, errors="xmlcharrefreplace")

    def _feed(self, template: str, outlet: Outlet, articles: list[Article]) -> Reply:
        body = _env.get_template(template).render(o=outlet, articles=articles, base=self.base,
                                                 updated=datetime.now(UTC).isoformat()).encode("utf-8")
        kind = {"rss2.xml": "application/rss+xml", "rss1.rdf": "application/rdf+xml",
                "atom.xml": "application/atom+xml"}.get(template, "application/xml")
        return Reply(200, {"Content-Type": f"{kind}; charset=utf-8"}, body)

    def _section(self, outlet: Outlet, section: str, page: int) -> Reply:
        chosen = [a for a in self.outlet_articles(outlet.id) if a.section == section]
        window = chosen[(page - 1) * PER_PAGE : page * PER_PAGE]
        if not window and page > 1:
            return Reply(404, {"Content-Type": "text/plain"}, b"no such page")
        html = _env.get_template("section.html").render(
            o=outlet, section=section, sections=outlet.sections, articles=window, base=self.base,
            offsite=self.offsite, next_page=page + 1 if len(chosen) > page * PER_PAGE else None)
        return Reply(200, {"Content-Type": "text/html; charset=utf-8"}, html.encode("utf-8"))

    def _hostile_feed_entries(self) -> list[Article]:
        links = [Article("hostile", p.rsplit("/", 1)[1][:-5], f"Hostile case {p}", "Staff",
                         datetime(2026, 11, 23, tzinfo=UTC), "en", "news", ["A hostile case."], href=f"{self.base}{p}")
                 for p in HOSTILE_LINKS]
        offsite = Article("hostile", "offsite", "Elsewhere", "Staff", datetime(2026, 11, 23, tzinfo=UTC), "en",
                          "news", ["Elsewhere."], href=f"{self.offsite}/hostile/2026/11/23/offsite-story-long-slug.html")
        return self.hostile_pages + links + [offsite]

    def _hostile(self, path: str) -> Reply | None:
        text = {"Content-Type": "text/html; charset=utf-8"}
        if path == "/hostile/rss.xml":
            return self._feed("rss2.xml", self.outlets["hostile"], self._hostile_feed_entries())
        if path == "/hostile/malformed.rss":
            return Reply(200, {"Content-Type": "application/rss+xml"},
                         b"<?xml version='1.0'?><rss version='2.0'><channel><title>Broken & bad</title><descr\x00iption>&nbsp;<<<")
        if path == "/hostile/huge-feed.rss":
            return Reply(200, {"Content-Type": "application/rss+xml", "Content-Length": str(self.huge_feed_bytes)},
                         _stream(b"<?xml version='1.0'?><rss version='2.0'><channel>", self.huge_feed_bytes,
                                 b"<item><title>x</title><link>http://127.0.0.1/x</link></item>"))
        if path == "/hostile/partial.rss":  # the connection broke halfway through the feed
            body = self._feed("rss2.xml", self.outlets["hostile"], self.hostile_pages).body
            assert isinstance(body, bytes)
            return Reply(200, {"Content-Type": "application/rss+xml"}, body[: len(body) // 2])
        if path == "/hostile/sitemap-loop.xml":  # an index that lists itself and an endless chain of indexes
            return self._sitemap_index([f"{self.base}{path}", f"{self.base}{SITEMAP_CHAIN}1.xml"])
        if path.startswith(SITEMAP_CHAIN) and path.removeprefix(SITEMAP_CHAIN).removesuffix(".xml").isdigit():
            n = int(path.removeprefix(SITEMAP_CHAIN).removesuffix(".xml"))
            return self._sitemap_index([f"{self.base}{SITEMAP_CHAIN}{n + 1}.xml", f"{self.base}/hostile/sitemap-loop.xml"])
        if path == "/hostile/chunked-huge.html":  # no Content-Length: only the bytes received reveal the size
            return Reply(200, {**text, "Transfer-Encoding": "chunked"},
                         _stream(b"<html><body>", self.huge_bytes, b"<p>" + b"word " * 200 + b"</p>"))
        if path == "/hostile/gzip-bomb.html":
            return Reply(200, {**text, "Content-Encoding": "gzip"}, _gzip_bomb(self.huge_bytes))
        if path == "/hostile/retry-after.html":
            return Reply(429, {**text, "Retry-After": str(RETRY_AFTER_SECONDS)}, b"<html><body>Slow down</body></html>")
        if path == "/hostile/missing.html":
            return Reply(404, text, b"<html><body>Not found</body></html>")
        if path == "/hostile/broken.html":
            return Reply(500, text, b"<html><body>Internal error</body></html>")
        if path == "/hostile/loop.html":
            return Reply(302, {"Location": f"{self.base}/hostile/loop-again.html"})
        if path == "/hostile/loop-again.html":
            return Reply(302, {"Location": f"{self.base}/hostile/loop.html"})
        if path == "/hostile/slow.html":
            return Reply(200, text, b"<html><body><p>Too late.</p></body></html>", delay=self.slow_seconds)
        if path == "/hostile/huge.html":
            return Reply(200, {**text, "Content-Length": str(self.huge_bytes)},
                         _stream(b"<html><body>", self.huge_bytes, b"<p>" + b"word " * 200 + b"</p>"))
        if path == "/hostile/binary.html":
            return Reply(200, text, bytes(hashlib.sha256(str(i).encode()).digest()[j % 32] for i in range(64) for j in range(512)))
        if path.startswith("/private/"):
            return Reply(200, text, b"<html><body><p>Robots should never see this.</p></body></html>")
        return None

    def _sitemap_index(self, locs: list[str]) -> Reply:
        body = _env.get_template("sitemap-index.xml").render(sitemaps=[{"loc": loc, "lastmod": ""} for loc in locs])
        return Reply(200, {"Content-Type": "application/xml"}, body.encode())

    def route(self, path: str, query: dict[str, list[str]], headers: dict[str, str]) -> Reply:
        if path == "/robots.txt":
            return Reply(200, {"Content-Type": "text/plain"}, ROBOTS.encode())
        if self.hostile and (reply := self._hostile(path)) is not None:
            return reply
        if path in self.by_path:
            article = self.by_path[path]
            # non-UTF-8 pages declare their charset only in <meta>, as many old sites do
            declared = article.declared_charset or article.charset
            kind = f"text/html; charset={declared}" if declared == "utf-8" else "text/html"
            return Reply(200, {"Content-Type": kind}, self.render_article(article), delay=self.page_delay)
        if self.bench_dir and path.startswith("/bench/"):
            return self._bench_route(path)
        parts = path.strip("/").split("/")
        outlet = self.outlets.get(parts[0]) if parts and parts[0] else None
        if outlet is None:
            return Reply(404, {"Content-Type": "text/plain"}, b"not found")
        articles = self.outlet_articles(outlet.id)
        rest = "/".join(parts[1:])
        feeds = {"rss.xml": "rss2.xml", "index.rdf": "rss1.rdf", "atom.xml": "atom.xml", "news-sitemap.xml": "news-sitemap.xml"}
        if rest in feeds:
            return _conditional(self._feed(feeds[rest], outlet, articles), headers)
        if rest == "sitemap-index.xml":
            body = _env.get_template("sitemap-index.xml").render(
                sitemaps=[{"loc": f"{self.base}/{outlet.id}/news-sitemap.xml", "lastmod": articles[0].published_iso if articles else ""}])
            return _conditional(Reply(200, {"Content-Type": "application/xml"}, body.encode()), headers)
        if len(parts) >= 3 and parts[1] == "section":
            page = int((query.get("page") or ["1"])[0]) if (query.get("page") or ["1"])[0].isdigit() else 1
            return self._section(outlet, parts[2], page)
        return Reply(404, {"Content-Type": "text/plain"}, b"not found")

    def _bench_route(self, path: str) -> Reply:
        pages = self.bench_pages()
        if path == "/bench/news-sitemap.xml":
            entries = [Article("bench", key, "", "", None, "en", "", []) for key in pages]
            body = _env.get_template("news-sitemap.xml").render(
                o=Outlet("bench", "bench", "US", "en"), articles=entries, base=self.base)
            return Reply(200, {"Content-Type": "application/xml"}, body.encode())
        key = path.removeprefix("/bench/").removesuffix(".html")
        if key in pages:
            html = gzip.decompress((self.bench_dir / "html" / f"{key}.html.gz").read_bytes())
            return Reply(200, {"Content-Type": "text/html; charset=utf-8"}, html)
        return Reply(404, {"Content-Type": "text/plain"}, b"not found")


def _conditional(reply: Reply, headers: dict[str, str]) -> Reply:
    """ETag and Last-Modified on feeds and sitemaps; 304 when the client already has this version."""
    assert isinstance(reply.body, bytes)
    etag = '"' + hashlib.sha1(reply.body).hexdigest()[:16] + '"'
    reply.headers.update({"ETag": etag, "Last-Modified": FEED_LAST_MODIFIED})
    if headers.get("if-none-match") == etag:
        return Reply(304, {"ETag": etag})
    return reply


def _stream(head: bytes, total: int, filler: bytes) -> Iterator[bytes]:
    """``total`` bytes generated on the fly, never held in memory."""
    yield head
    sent = len(head)
    chunk = filler * max(1, 65536 // len(filler))
    while sent < total:
        piece = chunk[: total - sent]
        yield piece
        sent += len(piece)


@cache
def _gzip_bomb(size: int) -> bytes:
    """``size`` zero bytes gzipped (a thousandth of the size on the wire)."""
    return gzip.compress(bytes(size), compresslevel=9)


def bench_dir_from_env() -> Path | None:
    """The article-extraction-benchmark folder when ../shared is present (or CITYWATCH_BENCH_DIR)."""
    default = HERE.parent.parent / "shared" / "data" / "article-extraction-benchmark"
    path = Path(os.environ.get("CITYWATCH_BENCH_DIR") or default)
    return path if (path / "ground-truth.json").exists() else None
