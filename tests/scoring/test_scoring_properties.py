"""Properties of the method: monotone counts, bounded syndication, exact reviewer overrides, stale summaries."""

from __future__ import annotations

import random

import pytest

from citywatch.store import save_articles
from citywatch.store.summary import city_refs
from scoring.periods import parse_period
from scoring.ranking import compute
from tests.scoring.corpus import CITIES, article, hand_corpus, mention

JULY = parse_period("2026-07")


def rows_by_adcode(result) -> dict[str, dict]:
    return {r["adcode"]: r for r in result.rows}


def random_corpus(seed: int, n: int = 25) -> list[dict]:
    rng = random.Random(seed)
    names = [c for c in CITIES if c != "Kunshan"]
    docs = []
    for i in range(n):
        picked = rng.sample(names, rng.randint(0, 3))
        text = "Lead paragraph.\n" + " ".join(f"News from {c}." for c in picked)
        mentions = [mention(text, c, rng.choice(["LITERAL", "LITERAL", "METONYMIC", "ORG_PART"])) for c in picked]
        docs.append(article(f"r{seed}-{i}", rng.choice("ab"), rng.randint(1, 28), text, mentions,
                            cluster=f"k{seed}-{rng.randint(0, 4)}" if rng.random() < 0.3 else None))
    return docs


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_adding_a_literal_mention_never_lowers_the_count(embedded_store, outlets, config, seed) -> None:
    save_articles(embedded_store, random_corpus(seed))
    before = rows_by_adcode(compute(embedded_store, JULY, config, outlets=outlets))
    text = "Lead paragraph.\nFactories in Wuhan."
    save_articles(embedded_store, [article(f"extra{seed}", "b", 15, text, [mention(text, "Wuhan")])])
    after = rows_by_adcode(compute(embedded_store, JULY, config, outlets=outlets))
    for code, row in before.items():
        assert after[code]["articles"] >= row["articles"]
        assert after[code]["weighted_mentions"] >= row["weighted_mentions"] - 1e-9
    assert after["420100"]["articles"] == before["420100"]["articles"] + 1


@pytest.mark.parametrize("decay", [0.0, 0.5, 1.0])
def test_syndicated_copies_share_the_story_credit(embedded_store, outlets, config, decay) -> None:
    text = "Lead paragraph.\nPort of Wuhan."
    original = article("orig", "a", 3, text, [mention(text, "Wuhan")], cluster="story")
    copies = [article(f"copy{k}", "ab"[k % 2], 4 + k, text, [mention(text, "Wuhan")], cluster="story")
              for k in range(3)]
    save_articles(embedded_store, [original])
    cfg = config.with_(syndication_decay=decay)
    alone = rows_by_adcode(compute(embedded_store, JULY, cfg, outlets=outlets))["420100"]
    save_articles(embedded_store, copies)
    row = rows_by_adcode(compute(embedded_store, JULY, cfg, outlets=outlets))["420100"]
    credit = sum(decay**k for k in range(4)) / 4  # the story's credit 1 + d + d^2 + d^3, split over its 4 copies
    assert alone["weighted_mentions"] == pytest.approx(1.0)
    assert row["weighted_mentions"] == pytest.approx((1.0 + 1.0 + 0.5 + 1.0) * credit)  # outlets a, a, b, a
    assert (row["articles"], row["stories"]) == (4, 1)


@pytest.mark.parametrize("decay", [0.0, 0.5])
def test_wire_credit_does_not_depend_on_who_published_first(tmp_path, outlets, config, decay) -> None:
    """A 10-copy story: whichever outlet ran it first, every row is the same."""
    from citywatch.store import StoreConfig, connect

    text = "Lead paragraph.\nPort of Wuhan."
    background = random_corpus(5, 30)
    tables = []
    for carriers in (["a"] * 5 + ["b"] * 5, ["b"] * 5 + ["a"] * 5):  # the same copies, published in another order
        story = [article(f"wire{k}", src, 3 + k, text, [mention(text, "Wuhan")], cluster="wire") for k, src in
                 enumerate(carriers)]
        with connect(StoreConfig(data_dir=tmp_path / carriers[0])) as store:
            save_articles(store, background + story)
            tables.append(compute(store, JULY, config.with_(syndication_decay=decay), outlets=outlets).rows)
    assert tables[0] == tables[1]


def test_reviewer_override_moves_exactly_the_mentions_it_covers(embedded_store, outlets, config) -> None:
    text = "Lead paragraph.\nBeijing said Shanghai and Wuhan would cooperate. Beijing also noted it."
    doc = article("rev", "a", 3, text, [mention(text, "Beijing", "METONYMIC"), mention(text, "Shanghai"),
                                        mention(text, "Wuhan"), mention(text, "Beijing", "METONYMIC", nth=1)])
    doc["city_refs"] = city_refs(doc)  # as the crawler stores it
    other = "Lead paragraph.\nBeijing warned."
    save_articles(embedded_store, [doc, article("other", "b", 4, other, [mention(other, "Beijing", "METONYMIC")])])
    before = rows_by_adcode(compute(embedded_store, JULY, config, outlets=outlets))

    # a reviewer decides that the first Beijing of "rev" is the place; the summary is NOT refreshed by hand
    embedded_store.articles.update_one({"_id": doc["url"]}, {"$set": {"mentions.0.review": {
        "label": "LITERAL", "city": doc["mentions"][0]["city"], "review_id": "r1", "by": "ann", "at": None}}})
    after_result = compute(embedded_store, JULY, config, outlets=outlets)
    after = rows_by_adcode(after_result)
    assert after_result.repaired == 1  # the stale summary was noticed and recomputed
    assert after["110000"]["articles"] == before["110000"]["articles"] + 1
    assert after["110000"]["gov_refs"] == before["110000"]["gov_refs"]  # the second Beijing is still METONYMIC
    for code in ("310000", "420100"):
        assert after[code]["articles"] == before[code]["articles"]
        assert after[code]["weighted_mentions"] == before[code]["weighted_mentions"]

    # "not a Chinese city": the mention leaves every count
    embedded_store.articles.update_one({"_id": doc["url"]}, {"$set": {"mentions.1.review": {
        "label": "OTHER_PLACE", "city": None, "review_id": "r2", "by": "ann", "at": None}}})
    gone = rows_by_adcode(compute(embedded_store, JULY, config, outlets=outlets))
    assert gone["310000"]["articles"] == before["310000"]["articles"] - 1
    assert gone["420100"]["articles"] == before["420100"]["articles"]


def test_missing_summaries_are_computed_and_written_back(embedded_store, outlets, config) -> None:
    text = "Lead paragraph.\nPort of Wuhan."
    save_articles(embedded_store, [article(f"m{i}", "a", 3, text, [mention(text, "Wuhan")]) for i in range(5)])
    first = compute(embedded_store, JULY, config, outlets=outlets)
    assert first.repaired == 5
    assert embedded_store.articles.count_documents({"city_refs": None}) == 0
    second = compute(embedded_store, JULY, config, outlets=outlets)
    assert second.repaired == 0
    assert second.rows == first.rows


def test_bootstrap_is_seeded_and_brackets_the_estimate(embedded_store, outlets, config) -> None:
    save_articles(embedded_store, hand_corpus() + random_corpus(9, 40))
    cfg = config.with_(bootstrap_resamples=200)
    one = compute(embedded_store, JULY, cfg, outlets=outlets)
    two = compute(embedded_store, JULY, cfg, outlets=outlets)
    assert one.rows == two.rows
    for row in one.rows:
        assert row["ci_low"] <= row["index"] <= row["ci_high"]
        if row["rank"] is None:  # not ranked: no rank interval, but 0 stories do not prove an index of 0
            assert row["rank_ci_low"] is None and row["ci_low"] == 0 and row["ci_high"] > 0
        else:
            assert row["rank_ci_low"] <= row["rank"] <= row["rank_ci_high"]
    top = one.rows[0]
    assert top["rank_ci_low"] == 1 and top["ci_high"] == 100.0
    reseeded = compute(embedded_store, JULY, cfg.with_(bootstrap_seed=1), outlets=outlets)
    assert [r["index"] for r in reseeded.rows] == [r["index"] for r in one.rows]


def test_one_article_gives_an_honest_interval(embedded_store, outlets, config) -> None:
    text = "Lead paragraph.\nPort of Wuhan."
    save_articles(embedded_store, [article("only", "a", 3, text, [mention(text, "Wuhan")])])
    row = rows_by_adcode(compute(embedded_store, JULY, config.with_(bootstrap_resamples=100), outlets=outlets))["420100"]
    assert row["index"] == 100.0 and row["ci_low"] < 50 and row["ci_high"] == 100.0  # not 100-100
