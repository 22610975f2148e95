"""The stages one by one: extraction, language, dedup, URL rules, sitemap parsing, failure reasons."""

from datetime import UTC, datetime

from crawler import extraction, language
from crawler.dedup import NearDuplicateIndex, canonical_url, content_hash, signature, signature_doc
from crawler.spiders.sections import continues_listing, is_article_url
from crawler.spiders.sitemaps import read_sitemap
from tests.crawler.conftest import make_site


def test_canonical_url_strips_tracking_and_fragment() -> None:
    url = "https://News.Example.com/a/story.html?utm_source=rss&id=7&fbclid=x#comments"
    assert canonical_url(url) == "https://news.example.com/a/story.html?id=7"


def test_content_hash_ignores_spacing_and_case() -> None:
    assert content_hash("Hello,  World!") == content_hash("hello world")
    assert content_hash("hello world") != content_hash("hello there")


def test_extraction_of_a_rendered_page() -> None:
    site = make_site()
    article = site.articles[0]
    found = extraction.extract(site.render_article(article).decode(), f"{site.base}{article.path}?utm_source=x")
    assert found.canonical_url == f"{site.base}{article.path}"
    assert found.title == article.title and found.author == article.author
    assert found.published_at == article.published.astimezone(UTC)
    assert article.paragraphs[1] in found.text
    assert "cookies" not in found.text and "Newsletter" not in found.text
    assert found.declared_lang == "en"


def test_binary_and_garbage_are_recognised() -> None:
    assert extraction.looks_binary("\x00\x01\x02\ufffd" * 100)
    assert not extraction.looks_binary("<html><body><p>Plain text</p></body></html>")
    assert extraction.parse_date("2026-11-20T08:00:00+01:00") == datetime(2026, 11, 20, 7, tzinfo=UTC)
    assert extraction.parse_date("not a date") is None


def test_language_is_deterministic_and_uses_the_hint() -> None:
    text = "Der Hamburger Hafen will seine Containerverbindungen nach Shanghai deutlich ausbauen."
    assert language.detect(text) == language.detect(text)
    assert language.detect(text)[0] == "de"
    assert language.detect("Shanghai", "fr-FR") == ("fr", None)  # too short: the declared language decides
    assert language.normalise("zh-cn") == "zh"


def test_near_duplicates_share_a_cluster_that_survives_a_reload() -> None:
    site = make_site()
    texts = {a.outlet + "/" + a.slug: "\n".join(a.paragraphs) for a in site.articles}
    wire = [k for k in texts if "rare-earth" in k]
    other = [k for k in texts if k not in wire]
    index = NearDuplicateIndex()
    assert index.assign(wire[0], signature(texts[wire[0]])) == (None, [])
    for key in other:
        assert index.assign(key, signature(texts[key]))[0] is None
    cluster, updates = index.assign(wire[1], signature(texts[wire[1]]))
    assert cluster and updates == [(wire[0], cluster)]
    # a new process rebuilds the index from stored signatures and finds the same cluster
    rows = [signature_doc(k, signature(texts[k]), index.clusters[k], datetime.now(UTC)) for k in [*wire, *other]]
    fresh = NearDuplicateIndex()
    fresh.load(rows)
    copy = texts[wire[0]].replace("Tuesday", "Wednesday")
    assert fresh.assign("elsewhere/copy", signature(copy))[0] == cluster


def test_article_like_links() -> None:
    assert is_article_url("https://x.example/world/2026/11/20/some-story.html")
    assert is_article_url("https://x.example/news/china-ports-hit-record-volumes-in-october")
    assert is_article_url("https://x.example/a/123456789")
    for nav in ("https://x.example/", "https://x.example/tag/asia/", "https://x.example/author/jane-doe-smith-jones/",
                "https://x.example/world/", "https://x.example/img/photo-of-the-long-day.jpg"):
        assert not is_article_url(nav), nav
    assert continues_listing("https://x.example/world/?page=2", "https://x.example/world/")
    assert not continues_listing("https://x.example/sport/?page=2", "https://x.example/world/")


def test_news_sitemap_keeps_publication_dates() -> None:
    site = make_site()
    outlet = site.outlets["harbour-post"]
    body = site._feed("news-sitemap.xml", outlet, site.outlet_articles(outlet.id)).body
    kind, entries = read_sitemap(body)
    assert kind == "urlset" and entries[0]["title"] and entries[0]["date"].tzinfo is not None
    assert read_sitemap(b"<html>not a sitemap")[0] not in ("urlset", "sitemapindex")
    assert read_sitemap(b"\x00\x01garbage") == ("", [])


def test_settings_overlays_merge_component_tables() -> None:
    import os

    from scrapy.utils.project import get_project_settings

    from crawler.run import apply_overrides

    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    settings = get_project_settings()
    apply_overrides(settings, {"EXTENSIONS": {"spidermon.contrib.scrapy.extensions.Spidermon": 500},
                               "DOWNLOAD_DELAY": 3})
    assert set(settings.getdict("EXTENSIONS")) == {"crawler.runrecord.RunRecorder",
                                                   "spidermon.contrib.scrapy.extensions.Spidermon"}
    assert settings.getfloat("DOWNLOAD_DELAY") == 3


def test_signatures_round_trip_through_the_store(embedded_store) -> None:
    text = "\n".join(make_site().articles[0].paragraphs)
    doc = signature_doc("https://a.example/1", signature(text), "c1", datetime.now(UTC))
    embedded_store.collection("signatures").insert_many([doc])
    index = NearDuplicateIndex()
    index.load(embedded_store.collection("signatures").find({}))
    assert index.assign("https://b.example/2", signature(text.replace("Tuesday", "Monday")))[0] == "c1"
