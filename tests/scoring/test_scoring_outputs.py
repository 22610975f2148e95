"""Coverage gaps, byte-identical exports, the report, snapshots and the CLI."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner

from citywatch.cli.main import citywatch
from citywatch.store import StoreConfig, connect, save_articles
from scoring.export import write_export
from scoring.periods import parse_period
from scoring.ranking import compute, run_period, score_period
from tests.scoring.corpus import article, mention

JULY = parse_period("2026-07")


def daily_corpus(skip_a: range = range(0)) -> list[dict]:
    """Outlet a publishes two articles a day, one about Wuhan; b one a day, about Shanghai."""
    docs = []
    for day in range(1, 32):
        text = "Lead.\nWuhan port."
        if day not in skip_a:
            docs.append(article(f"w{day}", "a", day, text, [mention(text, "Wuhan")]))
            docs.append(article(f"n{day}", "a", day, "Lead.\nNo city.", []))
        text = "Lead.\nShanghai port."
        docs.append(article(f"s{day}", "b", day, text, [mention(text, "Shanghai")]))
    return docs


def runs(failing: range) -> list[dict]:
    out = []
    for day in range(-5, 40):
        start = datetime(2026, 7, 1, 6, tzinfo=UTC) + timedelta(days=day)
        a_ok = (day + 1) not in failing
        out.append({"_id": f"run{day}", "started_at": start, "ended_at": start + timedelta(minutes=3),
                    "status": "finished", "source_ids": ["a", "b"],
                    "sources": {"a": {"responses": {"200": 4} if a_ok else {"503": 4}, "stored": 2 if a_ok else 0},
                                "b": {"responses": {"200": 3}, "stored": 1}}})
    return out


def test_coverage_gap_reported_and_share_not_pulled_down(embedded_store, outlets, config) -> None:
    config = config.with_(outlet_pooling="mean")  # precision weights move with N by design (docs/scoring.md, 4)
    save_articles(embedded_store, daily_corpus())
    full = {r["city"]: r for r in compute(embedded_store, JULY, config, outlets=outlets).rows}

    gap = range(10, 20)  # outlet a fails from July 10 to 19: it has no articles those days
    embedded_store.articles.delete_many({"source_id": "a", "published_at": {
        "$gte": datetime(2026, 7, 10, tzinfo=UTC), "$lt": datetime(2026, 7, 20, tzinfo=UTC)}})
    embedded_store.runs.insert_many(runs(gap))
    result = compute(embedded_store, JULY, config, outlets=outlets)
    cover = {c["source"]: c for c in result.meta["coverage"]}
    assert cover["a"]["days_gap"] == 10 and cover["a"]["gaps"] == [["2026-07-10", "2026-07-19"]]
    assert cover["a"]["runs_ok"] == 21 and cover["a"]["runs"] == 31
    assert cover["a"]["coverage"] == pytest.approx(21 / 31, abs=1e-4)
    assert cover["b"]["days_gap"] == 0
    rows = {r["city"]: r for r in result.rows}
    assert rows["Wuhan"]["articles"] == 21
    # the share is taken over what a published while crawled: the gap does not lower it
    assert rows["Wuhan"]["attention_share"] == pytest.approx(full["Wuhan"]["attention_share"])
    assert rows["Wuhan"]["index"] == full["Wuhan"]["index"]
    # in counts mode the gap is corrected by the coverage
    counts = {r["city"]: r for r in compute(embedded_store, JULY, config.with_(index_basis="counts"),
                                             outlets=outlets).rows}
    full_counts = {r["city"]: r for r in compute(embedded_store, parse_period("2026-07"),
                                                  config.with_(index_basis="counts", counts_gap_correction=False),
                                                  outlets=outlets).rows}
    assert counts["Wuhan"]["index"] >= full_counts["Wuhan"]["index"]


def test_no_runs_means_unmonitored_not_gap(embedded_store, outlets, config) -> None:
    save_articles(embedded_store, daily_corpus())
    cover = compute(embedded_store, JULY, config, outlets=outlets).meta["coverage"]
    assert all(c["days_gap"] == 0 and c["days_unmonitored"] == 31 for c in cover)


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_exports_are_byte_identical(embedded_store, outlets, config, tmp_path, fmt) -> None:
    save_articles(embedded_store, daily_corpus())
    cfg = config.with_(bootstrap_resamples=50)
    first = write_export(compute(embedded_store, JULY, cfg, outlets=outlets), fmt, tmp_path / f"one.{fmt}")
    second = write_export(compute(embedded_store, JULY, cfg, outlets=outlets), fmt, tmp_path / f"two.{fmt}")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    if fmt == "json":
        data = json.loads(first[0].read_text())
        assert data["meta"]["config_hash"] == cfg.hash
        # a: 1 of its 62 articles on Wuhan (share 1/2, weight 1 x 62/362); b: all 31 on Shanghai (share 1,
        # weight 0.5 x 31/331)
        w_a, w_b = 62 / 362, 0.5 * 31 / 331
        wuhan, shanghai = 0.5 * w_a / (w_a + w_b), w_b / (w_a + w_b)
        assert [(r["city"], r["rank"], r["index"]) for r in data["rows"][:2]] == [
            ("Wuhan", 1, 100.0), ("Shanghai", 2, round(100 * math.log1p(shanghai / 0.001) / math.log1p(wuhan / 0.001), 2))]
    else:
        meta = json.loads(first[1].read_text())
        assert first[1].name == f"one.{fmt}.meta.json" and meta["period"] == "2026-07"


def test_snapshot_and_run_period(embedded_store, outlets, config, tmp_path) -> None:
    save_articles(embedded_store, daily_corpus())
    result = score_period(embedded_store, JULY, config, outlets=outlets)
    snap = embedded_store.collection("scores").find_one({"period": "2026-07"})
    assert snap["config_hash"] == config.hash and snap["totals"]["articles"] == 93
    assert snap["tagger_versions"] == {"test-1": 93} and snap["computed_at"] is not None
    assert snap["rows"] == result.rows
    _, paths = run_period(embedded_store, "2026-07", tmp_path / "out", config, outlets=outlets)
    html = paths["report"].read_text()
    assert "<svg" in html and "Wuhan" in html and "http" not in html.replace("http-equiv", "")
    assert paths["csv"].read_text().splitlines()[1].startswith("1,1,1,1,Wuhan,420100")


def test_report_escapes_names(embedded_store, config, tmp_path) -> None:
    text = "Lead.\nWuhan port."
    save_articles(embedded_store, [article("x", "evil", 3, text, [mention(text, "Wuhan")])])
    evil = {"evil": {"name": "<script>alert(1)</script>", "weight": 1, "country": "<b>", "language": "en"}}
    from scoring.catalogue import outlets_from
    from scoring.report import write_report

    html = write_report(compute(embedded_store, JULY, config, outlets=outlets_from(evil)), tmp_path).read_text()
    assert "<script>" not in html and "&lt;script&gt;" in html


def _cli_store_with(docs: list[dict]) -> None:
    with connect() as store:
        save_articles(store, docs)


def test_cli_score_export_report(store_env, tmp_path) -> None:
    _cli_store_with(daily_corpus())
    runner = CliRunner()
    res = runner.invoke(citywatch, ["score", "--period", "2026-07", "--top", "5"])
    assert res.exit_code == 0, res.output
    assert "Wuhan" in res.output and "snapshot stored" in res.output
    out = tmp_path / "x.csv"
    res = runner.invoke(citywatch, ["export", "--from", "2026-07-01", "--to", "2026-07-31", "--format", "csv",
                                    "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert out.exists() and (tmp_path / "x.csv.meta.json").exists()
    res = runner.invoke(citywatch, ["report", "--period", "2026-07", "--out", str(tmp_path / "rep")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "rep" / "index.html").exists()


@pytest.mark.parametrize("args, message", [
    (["score"], "give --period"),
    (["score", "--period", "2026-Q5"], "not understood"),
    (["score", "--period", "2026-07", "--from", "2026-07-01"], "not both"),
    (["score", "--from", "2026-07-09", "--to", "2026-07-01"], "before"),
    (["export", "--period", "2026-07", "--out", "x.txt", "--format", "xls"], "xls"),
])
def test_cli_errors_are_one_line(store_env, args, message) -> None:
    res = CliRunner().invoke(citywatch, args)
    assert res.exit_code != 0 and message in res.output and "Traceback" not in res.output


def test_bad_config_is_a_clear_error(store_env, tmp_path) -> None:
    bad = tmp_path / "scoring.yaml"
    bad.write_text("syndication_decay: 2\n")
    res = CliRunner().invoke(citywatch, ["score", "--period", "2026-07", "--config", str(bad)])
    assert res.exit_code != 0 and "syndication_decay must be between 0 and 1" in res.output
    bad.write_text("no_such_parameter: 1\n")
    res = CliRunner().invoke(citywatch, ["score", "--period", "2026-07", "--config", str(bad)])
    assert "unknown parameter(s) no_such_parameter" in res.output


def test_empty_period_still_exports_and_reports(embedded_store, config, tmp_path) -> None:
    _, paths = run_period(embedded_store, "2026-W40", tmp_path, config, outlets={})
    data = json.loads(paths["json"].read_text())
    rows = data["rows"]
    assert len(rows) == 297 and all(r["index"] == 0 and r["rank"] is None and r["rank_change"] is None for r in rows)
    assert [w["code"] for w in data["meta"]["warnings"]] == ["empty_period"]
    html = paths["report"].read_text()
    assert "No city mentioned in this period" in html and "no counted article in 2026-W40" in html


def test_exports_do_not_depend_on_crawl_order_or_cluster_names(tmp_path, outlets, config) -> None:
    """The same articles stored in another order, with their clusters named differently, export identically."""
    docs = daily_corpus()
    for i, doc in enumerate(docs[:12]):  # six two-copy stories
        doc["cluster_id"] = f"c{i // 2}"
    renamed = [{**d, "cluster_id": d["cluster_id"] and f"other-{d['cluster_id']}"} for d in reversed(docs)]
    cfg = config.with_(bootstrap_resamples=50)
    exports = []
    for name, corpus in (("one", docs), ("two", renamed)):
        with connect(StoreConfig(data_dir=tmp_path / name)) as store:
            save_articles(store, corpus)
            exports.append(write_export(compute(store, JULY, cfg, outlets=outlets), "json", tmp_path / f"{name}.json"))
    assert exports[0][0].read_bytes() == exports[1][0].read_bytes()
