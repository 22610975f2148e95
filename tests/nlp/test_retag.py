"""Re-tagging the store keeps every reviewer decision and records the tagger version."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from click.testing import CliRunner

from citywatch.cli.main import citywatch
from citywatch.store import connect, save_articles
from nlp import tag_texts, tagger_version
from nlp.retag import carry_reviews, retag_store

REVIEW = {"label": "LITERAL", "city": None, "review_id": "r1", "by": "ana", "at": "2026-11-01T10:00:00Z"}


def _article(i: int, text: str, mentions: list[dict]) -> dict:
    return {"url": f"https://news.example/{i}", "source_id": "example", "title": f"t{i}", "text": text,
            "lang": "en", "fetched_at": datetime(2026, 11, 1, tzinfo=UTC),
            "content_hash": hashlib.sha1(text.encode()).hexdigest(), "status": "ok",
            "mentions": mentions, "tagger_version": "old"}


def _old_mention(start: int, end: int, surface: str, review: dict | None = None) -> dict:
    m = {"start": start, "end": end, "surface": surface, "label": "METONYMIC", "city": None,
         "confidence": 0.5, "flagged": True}
    return {**m, "review": review} if review else m


def test_retag_store_keeps_reviews(store) -> None:
    """On each back end (embedded, wire, real MongoDB when configured)."""
    texts = ["Beijing said on Monday it would retaliate.", "Factories in Wuhan and Hefei reopened.",
             "No city at all here."]
    docs = [_article(0, texts[0], [_old_mention(0, 7, "Beijing", REVIEW)]),
            _article(1, texts[1], [_old_mention(13, 18, "Wuhan")]),
            _article(2, texts[2], [])]
    save_articles(store, docs)
    result = retag_store(store, tag_texts, "v-test", batch_size=2)
    assert result.seen == 3 and result.reviews_kept == 1 and result.reviews_stale == 0
    stored = {a["text"]: a for a in store.articles.find({})}
    assert all(a["tagger_version"] == "v-test" for a in stored.values())
    beijing = stored[texts[0]]["mentions"]
    assert beijing[0]["review"] == REVIEW and beijing[0]["label"] == "METONYMIC"
    assert [m["surface"] for m in stored[texts[1]]["mentions"]] == ["Wuhan", "Hefei"]
    # a second pass with the same version has nothing left to do
    assert retag_store(store, tag_texts, "v-test").seen == 0


def test_changed_text_moves_review_to_nearest_same_surface() -> None:
    old = [_old_mention(10, 17, "Beijing", REVIEW), _old_mention(40, 45, "Wuhan", {**REVIEW, "review_id": "r2"})]
    new = tag_texts(["Update: Beijing said, and later Beijing added that the talks failed."], ["en"])[0]
    merged, carried, stale = carry_reviews(old, new)
    assert carried == 1 and stale == 1
    reviewed = [m for m in merged if m.get("review") and not m.get("stale")]
    assert [(m["start"], m["review"]["review_id"]) for m in reviewed] == [(8, "r1")]
    assert [m["surface"] for m in merged if m.get("stale")] == ["Wuhan"]


def test_cli_retag(store_env) -> None:
    with connect() as store:
        save_articles(store, [_article(0, "Shanghai announced new rules.", [])])
    result = CliRunner().invoke(citywatch, ["tag", "--retag"])
    assert result.exit_code == 0, result.output
    assert "re-tagged 1 articles" in result.stdout
    with connect() as store:
        (article,) = store.articles.find({})
    assert article["tagger_version"] == tagger_version() and article["mentions"][0]["surface"] == "Shanghai"


def test_retag_passes_the_outlets_registry_country_as_a_crawl_does(embedded_store, tmp_path) -> None:
    text = "The Canton school board met on Tuesday."
    save_articles(embedded_store, [_article(0, text, [])])
    retag_store(embedded_store, tag_texts, "v-country", countries={"example": "US"})
    (mention,) = embedded_store.articles.find_one({})["mentions"]
    assert mention["label"] == "OTHER_PLACE"
    assert [mention] == tag_texts([text], ["en"], countries=["US"])[0] != tag_texts([text], ["en"])[0]


def test_cli_retag_with_an_unreadable_registry_is_one_line(store_env, tmp_path) -> None:
    result = CliRunner().invoke(citywatch, ["tag", "--retag", "--sources", str(tmp_path / "missing.yaml")])
    assert result.exit_code == 2 and "missing.yaml" in result.output and "Traceback" not in result.output


def test_retag_applies_learned_group_decisions_and_refreshes_the_summary(embedded_store) -> None:
    from citywatch.store.rules import set_rule

    text = "Beijing said on Monday it would retaliate against the tariffs."
    key = tag_texts([text], ["en"])[0][0]["group_key"]
    save_articles(embedded_store, [_article(0, text, [])])
    set_rule(embedded_store, key, {"label": "LITERAL", "city": None, "keep_city": True}, "r9", "ana",
             datetime(2026, 11, 2, tzinfo=UTC))
    retag_store(embedded_store, tag_texts, "v-rules")
    stored = embedded_store.articles.find_one({})
    mention = stored["mentions"][0]
    assert mention["review"]["review_id"] == "r9" and mention["review"]["label"] == "LITERAL"
    assert mention["review"]["city"]["adcode"] == "110000"  # keep_city: the machine's city stands
    assert [(r["adcode"], r["label"]) for r in stored["city_refs"]["refs"]] == [("110000", "LITERAL")]


def test_retag_relinks_a_stored_mention_by_the_dateline(embedded_store) -> None:
    """An article tagged before the dateline was evidence, with the Jiangsu Suzhou, is re-linked to the Anhui
    one on re-tagging: the stored mentions change, not only the version."""
    text = "HEFEI, May 3 (Reuters) - Textile mills in Suzhou cut shifts; buyers in Shanghai and Wuxi cut orders."
    start = text.index("Suzhou")
    old = {**_old_mention(start, start + 6, "Suzhou"), "label": "LITERAL",
           "city": {"adcode": "320500", "geonameid": 1886760, "name": "Suzhou", "province": "Jiangsu"}}
    save_articles(embedded_store, [_article(0, text, [old])])
    retag_store(embedded_store, tag_texts, "v-dateline")
    stored = embedded_store.articles.find_one({})
    suzhou = next(m for m in stored["mentions"] if m["surface"] == "Suzhou")
    assert stored["tagger_version"] == "v-dateline" and suzhou["city"]["adcode"] == "341300"
