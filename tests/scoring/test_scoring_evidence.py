"""Every number traceable to its articles (export --evidence, the report's evidence page), exports written atomically."""

from __future__ import annotations

import csv
import errno
import json
import os

import pytest
from click.testing import CliRunner

from citywatch.cli.main import citywatch
from citywatch.store import connect, save_articles
from scoring.periods import parse_period
from scoring.ranking import compute
from tests.scoring.corpus import article, hand_corpus, mention

JULY = parse_period("2026-07")


def test_evidence_rows_add_up_to_the_share(embedded_store, outlets, config) -> None:
    docs = hand_corpus()
    text = "Lead.\nPort of Wuhan."
    docs += [article(f"w{k}", "ab"[k % 2], 9 + k, text, [mention(text, "Wuhan")], cluster="wire") for k in range(3)]
    reviewed = "Lead.\nBeijing opened a port."
    beijing = mention(reviewed, "Beijing", "METONYMIC", review={"label": "LITERAL", "by": "ann",
                                                                "city": mention(reviewed, "Beijing")["city"]})
    docs.append(article("rev", "b", 12, reviewed, [beijing]))
    save_articles(embedded_store, docs)
    result = compute(embedded_store, JULY, config, outlets=outlets, evidence=True)
    rows = {r["adcode"]: r for r in result.rows}
    per_city: dict[str, float] = {}
    for e in result.evidence:
        per_city[e["adcode"]] = per_city.get(e["adcode"], 0.0) + e["share_weight"]
    for code, total in per_city.items():
        assert total == pytest.approx(rows[code]["attention_share"], abs=1e-8)
    assert len(result.evidence) == sum(r["articles"] for r in result.rows)
    wire = [e for e in result.evidence if e["cluster"] == "wire"]
    assert len(wire) == 3 and all(e["wire_copy"] and e["article_weight"] == pytest.approx(1 / 3) for e in wire)
    ann = next(e for e in result.evidence if e["url"].endswith("/rev"))
    assert (ann["city"], ann["label"], ann["reviewed_by"], ann["outlet"], ann["country"]) == \
        ("Beijing", "LITERAL", "ann", "b", "US")
    a1 = next(e for e in result.evidence if e["url"].endswith("/a1"))
    assert (a1["mentions"], a1["prominent"], a1["published"]) == (2, True, "2026-07-03")


def test_export_evidence_and_report_links(store_env, tmp_path) -> None:
    with connect() as store:
        save_articles(store, hand_corpus())
    out = tmp_path / "evidence.csv"
    res = CliRunner().invoke(citywatch, ["export", "--period", "2026-07", "--evidence", "--out", str(out)])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(out.open()))
    assert {r["city"] for r in rows} == {"Wuhan", "Shanghai", "Suzhou"} and len(rows) == 5
    assert json.loads((tmp_path / "evidence.csv.meta.json").read_text())["columns"][2] == "url"
    res = CliRunner().invoke(citywatch, ["report", "--period", "2026-07", "--out", str(tmp_path / "rep")])
    assert res.exit_code == 0, res.output
    index = (tmp_path / "rep" / "index.html").read_text()
    evidence = (tmp_path / "rep" / "evidence.html").read_text()
    assert 'href="evidence.html#c420100"' in index and 'id="c420100"' in evidence
    assert "https://a.example/a1" in evidence and (tmp_path / "rep" / "evidence.csv").exists()


def test_unwritable_path_is_one_line(store_env, tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    res = CliRunner().invoke(citywatch, ["export", "--period", "2026-07", "--out", str(blocker / "x.csv")])
    assert res.exit_code == 1 and "cannot write" in res.output and "Traceback" not in res.output


def test_full_device_leaves_the_previous_export(store_env, tmp_path, monkeypatch) -> None:
    with connect() as store:
        save_articles(store, hand_corpus())
    out = tmp_path / "x.csv"
    assert CliRunner().invoke(citywatch, ["export", "--period", "2026-07", "--out", str(out)]).exit_code == 0
    before = (out.read_bytes(), (tmp_path / "x.csv.meta.json").read_bytes())

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("scoring.export.os.fsync", full)
    res = CliRunner().invoke(citywatch, ["export", "--period", "2026-06", "--out", str(out)])
    assert res.exit_code == 1 and f"cannot write {out}: No space left on device" in res.output
    assert (out.read_bytes(), (tmp_path / "x.csv.meta.json").read_bytes()) == before  # data and metadata together
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["x.csv", "x.csv.meta.json"]  # no temp left
