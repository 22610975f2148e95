"""The stored headline (``title``) reaches the linker on every path, as context only.

The articles are the project's own, written for this test: in each, the body names a homonym and nothing
else about it, and only the headline says which city it is. The same body under a headline naming the other
city's province links there, so the headline decides, not a default.
"""

from __future__ import annotations

import hashlib
import io
import json
from datetime import UTC, datetime

import pytest

from nlp import tag_texts

# (headline, body, surface, province the headline settles, headline naming the other candidate's province)
CASES = [
    ("Shaanxi coal city doubles output as new mines open",
     "Yulin has added three new mines this year, officials said on Tuesday.", "Yulin", "Shaanxi", "Guangxi"),
    ("Fire at textile plant in Anhui kills four",
     "Four workers died when a fire broke out at a textile plant in Suzhou early on Monday.", "Suzhou", "Anhui",
     "Jiangsu"),
    ("Jiangxi farmers count the cost of the floods",
     "In Fuzhou, the water rose two metres overnight and rice fields were lost.", "Fuzhou", "Jiangxi", "Fujian"),
    ("Heilongjiang forest towns look beyond logging",
     "Yichun now sells its forests to tourists rather than to sawmills.", "Yichun", "Heilongjiang", "Jiangxi"),
]


def _province(mentions: list[dict], surface: str) -> str | None:
    (mention,) = [m for m in mentions if m["surface"] == surface]
    return (mention["city"] or {}).get("province")


@pytest.mark.parametrize(("title", "body", "surface", "province", "other"), CASES)
def test_the_headline_settles_a_homonym_the_body_leaves_open(title, body, surface, province, other) -> None:
    with_title, without, under_other = tag_texts([body] * 3, ["en"] * 3, titles=[title, None, title.replace(
        province, other)])
    assert _province(with_title, surface) == province
    assert _province(under_other, surface) == other
    # the body alone does not settle it one way for all cases: the headline is what decides here
    assert [m["start"] for m in with_title] == [m["start"] for m in without]  # offsets are the body's


def test_a_county_level_city_in_the_headline_counts_as_named_in_the_article() -> None:
    body = "Taizhou's shipyards have orders for the next three years."
    (mentions,) = tag_texts([body], ["en"], titles=["Linhai's workshops hum again"])
    assert _province(mentions, "Taizhou") == "Zhejiang"
    (mentions,) = tag_texts([body], ["en"], titles=["Taixing's workshops hum again"])
    assert _province(mentions, "Taizhou") == "Jiangsu"


def test_names_only_in_the_headline_are_no_mentions_and_offsets_stay_the_bodys() -> None:
    body = "Officials in Suzhou said the plant would reopen."
    (plain,), (titled,) = tag_texts([body], ["en"]), tag_texts([body], ["en"], titles=["Nanchang and Anhui: a week of fires"])
    assert [m["surface"] for m in titled] == ["Suzhou"] and titled[0]["start"] == plain[0]["start"] == 13
    assert tag_texts(["No city in the body."], ["en"], titles=["Shanghai stocks fall"]) == [[]]


def test_a_province_beside_the_name_outweighs_the_headline() -> None:
    (mentions,) = tag_texts(["Suzhou, in Jiangsu, is the only city that kept its plants open."], ["en"],
                            titles=["Anhui factories shut as power runs short"])
    assert _province(mentions, "Suzhou") == "Jiangsu"


def test_a_body_that_opens_with_its_headline_counts_it_once() -> None:
    from nlp.components import find_hits
    from nlp.cues import shipped_cues
    from nlp.lexicon import read_lexicon
    from nlp.linker import article_context

    lexicon = read_lexicon()
    title = "Anhui coal town hit by floods"
    text = f"{title}\nSuzhou's mines were closed on Monday."
    china = shipped_cues().for_lang("en")["china_words"]
    hits = find_hits(text, lexicon, "en")
    plain = article_context(text, hits, lexicon, china)
    titled = article_context(text, hits, lexicon, china, title=title, title_hits=find_hits(title, lexicon, "en"))
    assert titled.provinces == plain.provinces and titled.title == ""
    apart = article_context(text[len(title) + 1:], find_hits(text[len(title) + 1:], lexicon, "en"), lexicon, china,
                            title=title, title_hits=find_hits(title, lexicon, "en"))
    assert apart.provinces == plain.provinces and apart.reported.headline_provinces == {"340000"}


def test_the_headline_names_a_namesakes_state() -> None:
    (mention,) = tag_texts(["The board in Canton voted 4-1 on Monday night."], ["en"],
                           titles=["Canton, Ohio, school board votes to close two schools"])[0]
    assert mention["label"] == "OTHER_PLACE"


def test_titles_must_match_the_texts() -> None:
    with pytest.raises(ValueError, match="1 titles"):
        tag_texts(["Suzhou.", "Wuhan."], ["en", "en"], titles=["one"])


# --- every path that tags a stored article passes its title ------------------------------------------------

TITLE, BODY, SURFACE, PROVINCE, _ = CASES[0]


def test_citywatch_tag_reads_a_title_field_and_rejects_a_bad_one() -> None:
    from citywatch.cli.tag import tag_stream

    lines = [{"id": "a", "text": BODY, "title": TITLE}, {"id": "b", "text": BODY}, {"id": "c", "text": BODY, "title": 7}]
    sink = io.StringIO()
    tagged, errors = tag_stream(io.BytesIO("\n".join(json.dumps(x) for x in lines).encode()), sink)
    out = [json.loads(line) for line in sink.getvalue().splitlines()]
    assert (tagged, errors) == (2, 1)
    assert _province(out[0]["mentions"], SURFACE) == PROVINCE != _province(out[1]["mentions"], SURFACE)
    assert out[2] == {"id": "c", "line": 3, "error": '"title" must be a string (the article\'s headline)'}


def _stored(text: str, title: str) -> dict:
    return {"url": "https://news.example/1", "source_id": "example", "title": title, "text": text, "lang": "en",
            "fetched_at": datetime(2026, 11, 1, tzinfo=UTC), "content_hash": hashlib.sha1(text.encode()).hexdigest(),
            "status": "ok", "mentions": [], "tagger_version": "old"}


def test_retag_passes_the_stored_title(embedded_store) -> None:
    from citywatch.store import save_articles
    from nlp.retag import retag_store

    save_articles(embedded_store, [_stored(BODY, TITLE)])
    retag_store(embedded_store, tag_texts, "v-title")
    stored = embedded_store.articles.find_one({})
    assert _province(stored["mentions"], SURFACE) == PROVINCE
    assert stored["city_refs"]["refs"][0]["title"] is False  # the summary's title match is the body mention's


def test_ingest_passes_the_title(embedded_store) -> None:
    from scoring.ingest import ingest

    line = {"url": "https://news.example/2", "source_id": "example", "title": TITLE, "text": BODY,
            "published_at": "2026-11-01T08:00:00Z", "lang": "en"}
    report = ingest(embedded_store, io.StringIO(json.dumps(line) + "\n"))
    assert report.tagged == 1 and not report.errors
    assert _province(embedded_store.articles.find_one({})["mentions"], SURFACE) == PROVINCE


def test_the_crawlers_tagging_stage_passes_the_title(monkeypatch) -> None:
    from scrapy.utils.test import get_crawler
    from twisted.internet.defer import Deferred

    from crawler.items import ArticleItem
    from crawler.pipelines import TaggingPipeline

    async def no_rules(self: TaggingPipeline) -> dict:  # no store needed here
        return {}

    monkeypatch.setattr(TaggingPipeline, "_review_rules", no_rules)
    monkeypatch.setattr("crawler.pipelines.maybe_deferred_to_future", lambda d: d)  # no reactor in pytest
    stage = TaggingPipeline(get_crawler(settings_dict={"TAGGER_ENABLED": True, "TAGGER_BATCH": 1}))
    Deferred.fromCoroutine(stage.open_spider())
    item = ArticleItem(url="https://x.example/a", canonical_url="https://x.example/a", source_id="x", title=TITLE,
                       text=BODY, lang="en", status="ok", content_hash="h", fetched_at=datetime.now(UTC), cluster_id=None)
    results: list = []
    Deferred.fromCoroutine(stage.process_item(item)).addCallback(results.append)
    (tagged,) = results
    assert _province(tagged["mentions"], SURFACE) == PROVINCE
