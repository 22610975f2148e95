"""Turning an article page into clean text and metadata.

trafilatura does the heavy lifting. Around it: JSON-LD ``NewsArticle`` (read
with extruct) supplies the publisher's own title, author, dates and, when the
page template hides the body from trafilatura, ``articleBody``; ``rel=canonical``
gives the article's identity. The settings were chosen on the
article-extraction-benchmark (see docs/crawler.md): ``favor_precision`` without
comments beats trafilatura's defaults there, and falling back to ``articleBody``
repairs the pages where the generic extractor finds too little.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urljoin

import lxml.html
import trafilatura
from dateutil import parser as dateparser
from extruct.jsonld import JsonLdExtractor

ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
                 "OpinionNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting", "Report"}
# articleBody replaces the extracted text when it is this much longer: the extractor then missed part of the body.
JSONLD_BODY_RATIO = 1.5
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\ufffd]")
_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
REDECODE_SAMPLE = 200_000  # bytes read to guess a charset; the whole page is decoded with the guess
EARLIEST_PLAUSIBLE = datetime(1990, 1, 1, tzinfo=UTC)  # older "publication dates" are CMS placeholders
WIDE_CHAR_WEIGHT = 3  # a Chinese/Japanese/Korean character carries about as much as three Latin ones


@dataclass
class Extracted:
    text: str
    title: str | None
    author: str | None
    description: str | None
    published_at: datetime | None
    canonical_url: str | None
    declared_lang: str | None


def looks_binary(text: str) -> bool:
    """Whether decoded 'HTML' is really binary: control and replacement characters abound."""
    sample = text[:8192]
    return bool(sample) and len(_CONTROL.findall(sample)) > len(sample) * 0.02


def redecode(body: bytes) -> str | None:
    """The page decoded with the charset its bytes suggest, when the declared one garbled it; None if none fits."""
    from charset_normalizer import from_bytes

    best = from_bytes(body[:REDECODE_SAMPLE]).best()
    if best is None:
        return None
    text = body.decode(best.encoding, errors="replace")
    return None if looks_binary(text) else text


def text_size(text: str) -> int:
    """Length in Latin-equivalent characters, so one too-short threshold fits every script."""
    return len(text) + (WIDE_CHAR_WEIGHT - 1) * len(_WIDE.findall(text))


def parse_date(value: Any) -> datetime | None:
    """A tz-aware UTC datetime from an ISO-ish string or a datetime; naive values are taken as UTC."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str) and value.strip():
        try:
            with warnings.catch_warnings():  # unknown zone names (EST, IST) are read as UTC, not fatal
                warnings.simplefilter("ignore")
                parsed = dateparser.parse(value.strip())
        except (ValueError, OverflowError):
            return None
    else:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def plausible_date(value: datetime | None, now: datetime | None = None) -> bool:
    """Between 1990 and a day from now (time zones): outside it a date is a placeholder or a typo."""
    return value is not None and EARLIEST_PLAUSIBLE <= value <= (now or datetime.now(UTC)) + timedelta(days=1)


def _names(value: Any) -> str | None:
    """JSON-LD author: a string, a Person, or a list of either."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    return "; ".join(dict.fromkeys(names)) or None


def _article_objects(data: Any) -> list[dict]:
    """Every JSON-LD object typed as an article, looking inside @graph and lists."""
    found: list[dict] = []
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            kinds = node.get("@type")
            kinds = set(kinds) if isinstance(kinds, list) else {kinds}
            if kinds & ARTICLE_TYPES:
                found.append(node)
            if "@graph" in node:
                stack.append(node["@graph"])
    return found


def json_ld_article(tree: lxml.html.HtmlElement, url: str) -> dict:
    try:
        items = JsonLdExtractor().extract_items(tree, base_url=url)
    except Exception:  # broken JSON-LD is common on real pages and must not cost the article
        return {}
    objects = [o for item in items for o in _article_objects(item)]
    return max(objects, key=lambda o: len(str(o.get("articleBody") or "")), default={})


def _meta(tree: lxml.html.HtmlElement, *names: str) -> str | None:
    for name in names:
        for value in tree.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content'):
            if value.strip():
                return value.strip()
    return None


def _canonical(tree: lxml.html.HtmlElement, url: str) -> str | None:
    for href in tree.xpath('//link[@rel="canonical"]/@href'):
        if href.strip():
            return urljoin(url, href.strip())
    return None


def _declared_lang(tree: lxml.html.HtmlElement) -> str | None:
    value = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    value = value or _meta(tree, "og:locale", "content-language", "language")
    return value.strip().replace("_", "-").lower() if value and value.strip() else None


def _ld_text(ld: dict, key: str) -> str | None:
    """A JSON-LD field when it is a string (publishers also put lists and objects there)."""
    value = ld.get(key)
    return value if isinstance(value, str) else None


def _clean_body(text: str) -> str:
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


WARM_UP_PAGE = (
    "<html lang='en'><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>"
    "<p class='date'>Published 3 March 2026, 10:00</p><p>" + "A sentence to extract. " * 30 + "</p>"
    "</article></body></html>"
)


def warm_up() -> None:
    """Run one extraction so lazily loaded data (date parsers' language tables) loads before the crawl."""
    extract(WARM_UP_PAGE, "http://localhost/warm-up.html")


def extract(html: str, url: str) -> Extracted | None:
    """Extract one page; ``None`` when it is not parseable HTML at all."""
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    ld = json_ld_article(tree, url)
    canonical = _canonical(tree, url)
    declared = _declared_lang(tree)
    doc = trafilatura.bare_extraction(
        tree, url=url, favor_precision=True, include_comments=False, with_metadata=True
    )  # None when trafilatura found nothing: getattr(doc, ..., None) reads its fields either way
    text = _clean_body(getattr(doc, "text", None) or "")
    ld_body = _clean_body(_ld_text(ld, "articleBody") or "")
    if ld_body and len(ld_body) > JSONLD_BODY_RATIO * len(text):
        text = ld_body
    published = (
        parse_date(ld.get("datePublished"))
        or parse_date(_meta(tree, "article:published_time", "datePublished", "pubdate"))
        or parse_date(getattr(doc, "date", None))
    )
    return Extracted(
        text=text,
        title=_ld_text(ld, "headline") or getattr(doc, "title", None) or None,
        author=_names(ld.get("author")) or getattr(doc, "author", None) or None,
        description=_ld_text(ld, "description") or getattr(doc, "description", None),
        published_at=published,
        canonical_url=canonical,
        declared_lang=declared,
    )
