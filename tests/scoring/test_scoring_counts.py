"""Counts, weights, shares, index and rank on a corpus small enough to compute by hand."""

from __future__ import annotations

import math

import pytest

from citywatch.store import save_articles
from scoring.periods import parse_period
from scoring.ranking import compute
from tests.scoring.corpus import article, hand_corpus, mention

JULY = parse_period("2026-07")
LOG2 = 1 + math.log(2)


def by_city(result) -> dict[str, dict]:
    """Rows by name; Suzhou (Jiangsu and Anhui share the name) by "Suzhou" for the Jiangsu one."""
    rows = {r["city"]: r for r in result.rows}
    rows["Suzhou"] = next(r for r in result.rows if r["adcode"] == "320500")
    return rows


def expected_index(x: float, top: float, unit: float = 0.001) -> float:
    return round(100 * math.log1p(x / unit) / math.log1p(top / unit), 2)


def test_hand_computed_rows(store, outlets, config) -> None:
    save_articles(store, hand_corpus())
    result = compute(store, JULY, config, outlets=outlets)
    rows = by_city(result)
    wuhan, shanghai, suzhou, beijing = rows["Wuhan"], rows["Shanghai"], rows["Suzhou"], rows["Beijing"]

    assert result.meta["totals"]["articles"] == 6  # a: 4 articles, b: 2
    assert (wuhan["articles"], shanghai["articles"], suzhou["articles"], beijing["articles"]) == (2, 2, 1, 0)
    assert (beijing["gov_refs"], shanghai["gov_refs"]) == (1, 0)
    assert "Hong Kong" not in rows and suzhou["adcode"] == "320500"

    # weighted mentions: sum over outlets of outlet weight x article weights
    assert wuhan["weighted_mentions"] == pytest.approx(1.0 * 2 * LOG2 + 0.5 * 1, abs=1e-6)
    assert shanghai["weighted_mentions"] == pytest.approx(1.0 * (1 + 2), abs=1e-6)
    assert suzhou["weighted_mentions"] == pytest.approx(0.5, abs=1e-6)
    # attention share: mean of per-outlet shares weighted by reach x N/(N + 300) (a has 4 articles, b has 2)
    w_a, w_b = 1.0 * 4 / 304, 0.5 * 2 / 302
    share_wuhan = (w_a * (2 * LOG2 / 4) + w_b * (1 / 2)) / (w_a + w_b)
    share_shanghai = (w_a * (3 / 4)) / (w_a + w_b)
    share_suzhou = (w_b * (1 / 2)) / (w_a + w_b)
    assert wuhan["attention_share"] == pytest.approx(share_wuhan, abs=1e-9)
    assert shanghai["attention_share"] == pytest.approx(share_shanghai, abs=1e-9)
    assert suzhou["attention_share"] == pytest.approx(share_suzhou, abs=1e-9)
    # index: log-scaled, top = 100; competition ranks, ties share a rank
    assert wuhan["index"] == 100.0
    assert shanghai["index"] == expected_index(share_shanghai, share_wuhan)
    assert suzhou["index"] == expected_index(share_suzhou, share_wuhan)
    assert [wuhan["rank"], shanghai["rank"], suzhou["rank"], beijing["rank"]] == [1, 2, 3, None]  # not ranked
    assert (wuhan["sources"], wuhan["countries"], wuhan["country_codes"]) == (2, 2, "GB;US")
    assert len(result.rows) == 297  # every ranked city gets a row
    # June had only Wuhan: it was first then too, the others were not ranked (no change to report)
    assert (wuhan["prev_rank"], wuhan["rank_change"]) == (1, 0)
    assert (shanghai["prev_rank"], shanghai["rank_change"]) == (None, None)


def test_counts_basis_and_options(embedded_store, outlets, config) -> None:
    save_articles(embedded_store, hand_corpus())
    counts = by_city(compute(embedded_store, JULY, config.with_(index_basis="counts"), outlets=outlets))
    top = 2 * LOG2 + 0.5
    assert counts["Shanghai"]["index"] == expected_index(3.0, top, unit=1.0)
    flat = by_city(compute(embedded_store, JULY, config.with_(saturation="none", prominence_weight=1.0),
                           outlets=outlets))
    assert flat["Wuhan"]["weighted_mentions"] == pytest.approx(2 + 0.5)
    assert flat["Shanghai"]["weighted_mentions"] == pytest.approx(2.0)
    with_sar = by_city(compute(embedded_store, JULY, config.with_(ranked_kinds=("municipality", "prefecture", "sar")),
                               outlets=outlets))
    assert with_sar["Hong Kong"]["articles"] == 1
    no_parent = by_city(compute(embedded_store, JULY, config.with_(county_to_parent=False), outlets=outlets))
    assert no_parent["Suzhou"]["articles"] == 0
    with_gov = by_city(compute(embedded_store, JULY, config.with_(index_labels=("LITERAL", "METONYMIC")),
                               outlets=outlets))
    assert with_gov["Beijing"]["articles"] == 1


def test_unknown_source_gets_default_weight(embedded_store, config) -> None:
    text = "Visitors in Wuhan."
    save_articles(embedded_store, [article("x", "nowhere", 3, text, [mention(text, "Wuhan")])])
    result = compute(embedded_store, JULY, config.with_(unknown_source_weight=0.25), outlets={})
    assert by_city(result)["Wuhan"]["weighted_mentions"] == pytest.approx(0.25 * 2.0)  # prominent: first paragraph
    assert result.meta["outlets"][0]["country"] == "unknown"


def test_statuses_and_undated_articles(embedded_store, outlets, config) -> None:
    text = "Visitors in Wuhan."
    short = article("short", "a", 3, text, [mention(text, "Wuhan")], status="too_short")
    undated = article("undated", "a", 3, text, [mention(text, "Wuhan")])
    undated["published_at"] = None  # dated by fetched_at (July 3)
    save_articles(embedded_store, [short, undated])
    result = compute(embedded_store, JULY, config, outlets=outlets)
    assert result.meta["totals"]["articles"] == 1
    assert by_city(result)["Wuhan"]["articles"] == 1
    strict = compute(embedded_store, JULY, config.with_(date_field_fallback=False), outlets=outlets)
    assert strict.meta["totals"]["articles"] == 0


def test_slices(embedded_store, outlets, config) -> None:
    from scoring.collect import Slice

    save_articles(embedded_store, hand_corpus())
    only_b = compute(embedded_store, JULY, config, Slice(countries=("US",)), outlets=outlets)
    assert only_b.meta["totals"]["articles"] == 2
    assert by_city(only_b)["Shanghai"]["articles"] == 0
    assert only_b.meta["slice"] == {"countries": ["US"]}
