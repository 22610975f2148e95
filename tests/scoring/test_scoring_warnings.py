"""Degenerate periods warn on the console, in the export metadata and in the report, never silently."""

from __future__ import annotations

import json

from click.testing import CliRunner

from citywatch.cli.main import citywatch
from citywatch.store import connect, save_articles
from scoring.catalogue import outlets_from
from scoring.periods import parse_period
from scoring.ranking import compute
from scoring.report import ranking_table, render
from tests.scoring.corpus import article, mention

JULY = parse_period("2026-07")


def codes(result) -> list[tuple[str, str | None]]:
    return [(w["code"], w.get("source")) for w in result.meta["warnings"]]


def test_only_government_references_rank_nobody(embedded_store, outlets, config) -> None:
    text = "Lead.\nBeijing warned Shanghai."
    docs = [article(f"g{i}", "a", 1 + i % 28, text, [mention(text, "Beijing", "METONYMIC"),
                                                mention(text, "Shanghai", "METONYMIC")]) for i in range(40)]
    save_articles(embedded_store, docs)
    result = compute(embedded_store, JULY, config, outlets=outlets)
    assert ("no_counted_mention", None) in codes(result)
    assert "80 article-city references labelled METONYMIC" in result.meta["warnings"][0]["message"]
    assert all(r["rank"] is None and r["index"] == 0 for r in result.rows)
    # the government references stay visible: listed first among the not ranked cities, and in the terminal table
    assert [r["city"] for r in result.rows[:2]] == ["Beijing", "Shanghai"]
    table = ranking_table(result, 30)
    assert "Beijing" in table and "\nn.r. " in table and "not ranked: 297 cities" in table


def test_thin_outlets_and_registry_outlets_without_articles(embedded_store, config) -> None:
    text = "Lead.\nPort of Wuhan."
    docs = [article(f"big{i}", "big", 1 + i % 28, text, [mention(text, "Wuhan")]) for i in range(40)]
    docs += [article(f"thin{i}", "thin", 3, text, [mention(text, "Wuhan")]) for i in range(3)]
    docs += [article(f"short{i}", "teaser", 3, text, [mention(text, "Wuhan")], status="too_short") for i in range(5)]
    save_articles(embedded_store, docs)
    registry = outlets_from({s: {"weight": 1.0, "country": "GB", "language": "en"}
                             for s in ("big", "thin", "teaser", "silent")})
    result = compute(embedded_store, JULY, config, outlets=registry)
    assert codes(result) == [("outlet_without_counted_articles", "teaser"), ("thin_outlet", "thin"),
                             ("registry_outlet_without_articles", "silent")]
    messages = [w["message"] for w in result.meta["warnings"]]
    assert "too_short 5" in messages[0] and "only 3 counted articles" in messages[1]
    teaser = next(o for o in result.meta["outlets"] if o["source"] == "teaser")
    assert teaser["articles"] == 0 and teaser["not_counted"] == {"too_short": 5}
    html = render(result)
    assert all(m.split(":")[0] in html for m in messages) and "Warnings (3)" in html


def test_warnings_reach_the_console_and_the_export(store_env, tmp_path) -> None:
    text = "Lead.\nBeijing warned."
    with connect() as store:
        save_articles(store, [article("g", "a", 3, text, [mention(text, "Beijing", "METONYMIC")])])
    out = tmp_path / "x.csv"
    res = CliRunner().invoke(citywatch, ["export", "--period", "2026-07", "--format", "csv", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert "warning: 1 articles in 2026-07 but none with a LITERAL mention" in res.output
    meta = json.loads((tmp_path / "x.csv.meta.json").read_text())
    assert [w["code"] for w in meta["warnings"]][0] == "no_counted_mention"
    res = CliRunner().invoke(citywatch, ["score", "--period", "2026-08"])
    assert res.exit_code == 0 and "warning: no counted article in 2026-08" in res.output
