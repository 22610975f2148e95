"""docs/scoring.md's worked example is what the code computes, to the last printed digit."""

from __future__ import annotations

import re

from citywatch.config import PROJECT_ROOT
from citywatch.store import save_articles
from scoring.periods import parse_period
from scoring.ranking import compute
from tests.scoring.corpus import hand_corpus


def worked_example() -> list[dict[str, str]]:
    text = (PROJECT_ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")
    block = re.search(r"```worked-example\n(.*?)```", text, re.S)
    assert block, "docs/scoring.md has no ```worked-example block"
    header, *lines = block.group(1).strip().splitlines()
    return [dict(zip(header.split(), line.split(), strict=True)) for line in lines]


def test_worked_example_matches_the_code(embedded_store, outlets) -> None:
    from citywatch.config.scoring import load_config

    save_articles(embedded_store, hand_corpus())
    config = load_config(bootstrap_resamples=0, place_basis="lower")  # the place columns by the story floor
    result = compute(embedded_store, parse_period("2026-07"), config, outlets=outlets)
    rows = {r["city"]: r for r in result.rows if r["adcode"] != "341300"}  # Suzhou, Jiangsu; not Suzhou, Anhui
    expected = worked_example()
    assert [e["city"] for e in expected] == ["Wuhan", "Shanghai", "Suzhou", "Beijing"]
    for e in expected:
        row = rows[e["city"]]
        assert str(row["weighted_mentions"]) == e["weighted_mentions"]
        assert str(row["attention_share"]) == e["attention_share"]
        assert str(row["index"]) == e["index"]
        assert ("not-ranked" if row["rank"] is None else str(row["rank"])) == e["rank"]
        assert str(row["place_index"]) == e["place_index"]
        assert ("not-ranked" if row["place"] is None else str(row["place"])) == e["place"]
