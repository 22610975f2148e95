"""The demo corpus (demo_site/articles.jsonl + outlets.yaml) is well formed and covers what the demo promises.

The sample site, the crawler, the tagger and the scorer all read these files, so a
broken line or a dangling outlet id would surface far away as a confusing failure.
These checks fail here first, with the offending line named.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

DEMO = Path(__file__).resolve().parent.parent / "demo_site"
ARTICLES = DEMO / "articles.jsonl"
OUTLETS = DEMO / "outlets.yaml"
README = DEMO / "README.md"

FEED_KINDS = {"rss", "atom", "rdf", "sitemap", "section"}
ARTICLE_FIELDS = {"outlet", "slug", "title", "author", "published", "lang", "section", "paragraphs"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
OUTLET_ID = re.compile(r"^[a-z][a-z0-9]*$")
FIRST_DAY = datetime(2026, 4, 1, tzinfo=UTC)
LAST_DAY = datetime(2026, 11, 21, tzinfo=UTC)  # exclusive: the corpus ends on 20 November
RESERVED_OUTLETS = {"hostile", "bench"}  # added by demo_site/site.py itself
# Length bounds per article: words for alphabetic languages, characters for Chinese.
MIN_WORDS, MAX_WORDS, MIN_ZH_CHARS = 150, 500, 250


@pytest.fixture(scope="module")
def outlets() -> list[dict]:
    raw = yaml.safe_load(OUTLETS.read_text(encoding="utf-8"))
    assert isinstance(raw, dict) and isinstance(raw.get("outlets"), list), "outlets.yaml needs an 'outlets' list"
    return raw["outlets"]


@pytest.fixture(scope="module")
def articles() -> list[dict]:
    rows = []
    for number, line in enumerate(ARTICLES.read_text(encoding="utf-8").splitlines(), start=1):
        assert line.strip(), f"articles.jsonl line {number} is blank"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            pytest.fail(f"articles.jsonl line {number} is not JSON: {exc}")
        assert isinstance(row, dict), f"line {number} is not an object"
        row["_line"] = number
        rows.append(row)
    return rows


def _published(row: dict) -> datetime:
    try:
        return datetime.fromisoformat(row["published"])
    except (TypeError, ValueError) as exc:
        pytest.fail(f"line {row['_line']} ({row.get('slug')}): published {row.get('published')!r}: {exc}")


def test_outlet_schema(outlets: list[dict]) -> None:
    assert 6 <= len(outlets) <= 8
    ids = [o.get("id") for o in outlets]
    assert len(ids) == len(set(ids)), f"duplicate outlet ids: {[i for i, n in Counter(ids).items() if n > 1]}"
    for outlet in outlets:
        assert isinstance(outlet["id"], str) and OUTLET_ID.match(outlet["id"]), outlet
        assert outlet["id"] not in RESERVED_OUTLETS, f"{outlet['id']} is reserved by demo_site/site.py"
        assert isinstance(outlet["name"], str) and outlet["name"].strip(), outlet
        assert re.fullmatch(r"[A-Z]{2}", outlet["country"]), outlet
        assert re.fullmatch(r"[a-z]{2}", outlet["language"]), outlet
        assert isinstance(outlet["weight"], (int, float)) and 0 < outlet["weight"] <= 1, outlet
        assert outlet["feed_kind"] in FEED_KINDS, outlet


def test_outlets_cover_countries_languages_and_feed_kinds(outlets: list[dict]) -> None:
    assert len({o["country"] for o in outlets}) >= 5
    assert {"en", "fr", "de", "es", "zh"} <= {o["language"] for o in outlets}
    assert {o["feed_kind"] for o in outlets} == FEED_KINDS


def test_article_schema(articles: list[dict]) -> None:
    assert 80 <= len(articles) <= 100
    for row in articles:
        where = f"line {row['_line']}"
        keys = set(row) - {"_line"}
        assert keys == ARTICLE_FIELDS, f"{where}: fields {sorted(keys ^ ARTICLE_FIELDS)} missing or unexpected"
        assert SLUG.match(row["slug"]), f"{where}: slug {row['slug']!r}"
        assert SLUG.match(row["section"]), f"{where}: section {row['section']!r} must be URL-safe"
        for name in ("title", "author"):
            assert isinstance(row[name], str) and row[name].strip(), f"{where}: empty {name}"
        paragraphs = row["paragraphs"]
        assert isinstance(paragraphs, list) and len(paragraphs) >= 3, f"{where}: needs several paragraphs"
        assert all(isinstance(p, str) and p.strip() for p in paragraphs), f"{where}: empty paragraph"


def test_article_lengths(articles: list[dict]) -> None:
    for row in articles:
        body = " ".join(row["paragraphs"])
        if row["lang"] == "zh":
            assert len(body) >= MIN_ZH_CHARS, f"{row['slug']}: {len(body)} characters"
        else:
            words = len(body.split())
            assert MIN_WORDS <= words <= MAX_WORDS, f"{row['slug']}: {words} words"


def test_every_outlet_referenced_exists_and_language_matches(articles: list[dict], outlets: list[dict]) -> None:
    by_id = {o["id"]: o for o in outlets}
    for row in articles:
        assert row["outlet"] in by_id, f"line {row['_line']}: unknown outlet {row['outlet']!r}"
        assert row["lang"] == by_id[row["outlet"]]["language"], f"{row['slug']}: lang {row['lang']} != outlet's"
    assert {row["outlet"] for row in articles} == set(by_id), "every outlet needs articles"


def test_slugs_unique_per_outlet(articles: list[dict]) -> None:
    counts = Counter((row["outlet"], row["slug"]) for row in articles)
    duplicates = sorted(f"{outlet}/{slug}" for (outlet, slug), n in counts.items() if n > 1)
    assert not duplicates, f"duplicate outlet/slug pairs: {duplicates}"


def test_dates_parse_are_tz_aware_and_in_range(articles: list[dict]) -> None:
    for row in articles:
        published = _published(row)
        assert published.tzinfo is not None, f"{row['slug']}: published has no time zone"
        assert FIRST_DAY <= published < LAST_DAY, f"{row['slug']}: {row['published']} outside the corpus window"


def test_quarters_have_data_and_q3_leads(articles: list[dict]) -> None:
    quarters = Counter((_published(row).astimezone(UTC).month - 1) // 3 + 1 for row in articles)
    assert set(quarters) == {2, 3, 4}
    assert quarters[3] > quarters[2] and quarters[3] > quarters[4]


def test_planted_duplicates_are_there(articles: list[dict]) -> None:
    """The exact re-publication and the three-outlet wire story that clustering must find."""
    bodies = Counter("\n".join(row["paragraphs"]) for row in articles)
    assert sum(1 for n in bodies.values() if n > 1) == 1, "exactly one exact duplicate is planted"
    typhoon = [row for row in articles if row["slug"].startswith("wire-typhoon")]
    assert len({row["outlet"] for row in typhoon}) == 3
    assert len({row["title"] for row in typhoon}) == 3


def test_hostile_text_is_present_as_text(articles: list[dict]) -> None:
    """The review UI's escaping test needs markup written as plain text in a title and a body."""
    assert any("<script>" in row["title"] for row in articles)
    assert any("onerror=" in p for row in articles for p in row["paragraphs"])


def test_readme_table_names_real_articles(articles: list[dict]) -> None:
    known = {f"{row['outlet']}/{row['slug']}" for row in articles}
    named = set(re.findall(r"`([a-z0-9]+/[a-z0-9-]+)`", README.read_text(encoding="utf-8")))
    assert named, "README.md lists no outlet/slug"
    assert named <= known, f"README names unknown articles: {sorted(named - known)}"
