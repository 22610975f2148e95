"""``citywatch ingest``: good lines stored and scored, bad lines named by number and field, nothing lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from citywatch.cli.main import citywatch
from citywatch.store import connect
from tests.scoring.corpus import mention


def line(url: str, text: str, mentions: list[dict] | None = None, **extra) -> dict:
    record = {"url": f"https://outlet.example/{url}", "source_id": "outlet", "title": "News", "text": text,
              "published_at": "2026-07-03T10:00:00", "lang": "en", **extra}
    if mentions is not None:
        record["mentions"] = [{k: v for k, v in m.items() if k not in ("confidence", "flagged")} for m in mentions]
    return record


def write(path: Path, records: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records))
    return path


def test_bad_lines_are_named_and_the_good_ones_stored(store_env, tmp_path) -> None:
    text = "Lead.\nPort of Wuhan."
    good = line("ok", text, [mention(text, "Wuhan")])
    records = [
        good,
        "{not json",
        line("nodate", text, [], published_at="yesterday"),
        {**line("nosource", text, []), "source_id": ""},
        line("badlabel", text, [{**mention(text, "Wuhan"), "label": "CAPITAL"}]),
        line("badspan", text, [{**mention(text, "Wuhan"), "end": 999}]),
        line("nocity", text, [{**mention(text, "Wuhan"), "city": None}]),
        {**good, "title": "again"},  # the same URL a second time
        line("ok2", text, [mention(text, "Wuhan")], cluster_id="story-1"),
    ]
    source = write(tmp_path / "in.jsonl", records)
    res = CliRunner().invoke(citywatch, ["ingest", str(source)])
    assert res.exit_code == 1, res.output
    assert f"{source}:2: json: " in res.output
    assert f"{source}:3: published_at: not an ISO 8601 date" in res.output
    assert f"{source}:4: source_id: " in res.output
    assert f"{source}:5: mentions[0].label: must be one of" in res.output
    assert f"{source}:6: mentions[0].start: " in res.output
    assert f"{source}:7: mentions[0].city: a LITERAL mention needs a city" in res.output
    assert f"{source}:8: url: same canonical URL as line 1, skipped" in res.output
    assert "9 lines: 2 stored" in res.output and "6 rejected" in res.output
    with connect() as store:
        docs = {d["_id"]: d for d in store.articles.find({}, {"title": 1, "cluster_id": 1, "city_refs": 1,
                                                               "tagger_version": 1})}
    assert sorted(docs) == ["https://outlet.example/ok", "https://outlet.example/ok2"]
    assert docs["https://outlet.example/ok2"]["cluster_id"] == "story-1"
    assert docs["https://outlet.example/ok"]["title"] == "News" and docs["https://outlet.example/ok"]["city_refs"]
    assert docs["https://outlet.example/ok"]["tagger_version"] == "external"


def test_ingested_reviews_count_and_untagged_text_is_tagged(store_env, tmp_path) -> None:
    text = "Lead.\nBeijing said the port of Shanghai grew."
    beijing = mention(text, "Beijing", "METONYMIC", review={"label": "LITERAL", "city": mention(text, "Beijing")["city"],
                                                              "by": "ann"})
    records = [line("reviewed", text, [beijing, mention(text, "Shanghai")]),
               line("untagged", "Factories in Wuhan reopened after the holiday.")]
    res = CliRunner().invoke(citywatch, ["ingest", str(write(tmp_path / "in.jsonl", records))])
    assert res.exit_code == 0, res.output
    assert "1 tagged here" in res.output
    out = tmp_path / "scores.json"
    res = CliRunner().invoke(citywatch, ["export", "--period", "2026-07", "--format", "json", "--out", str(out)])
    assert res.exit_code == 0, res.output
    rows = {r["city"]: r for r in json.loads(out.read_text())["rows"]}
    assert rows["Beijing"]["articles"] == 1 and rows["Beijing"]["gov_refs"] == 0  # the reviewer's label counts
    assert rows["Shanghai"]["articles"] == 1 and rows["Wuhan"]["articles"] == 1


def test_ingest_clusters_near_duplicates_without_a_cluster_id(store_env, tmp_path) -> None:
    story = ("The port of Wuhan handled record cargo volumes this quarter as exporters rushed shipments ahead of "
             "new tariffs, officials at the river terminal said on Tuesday.")
    records = [line(f"copy{i}", story, [mention(story, "Wuhan")], source_id=f"outlet{i}") for i in range(3)]
    res = CliRunner().invoke(citywatch, ["ingest", str(write(tmp_path / "in.jsonl", records))])
    assert res.exit_code == 0, res.output
    with connect() as store:
        clusters = {d["cluster_id"] for d in store.articles.find({}, {"cluster_id": 1})}
    assert len(clusters) == 1 and None not in clusters


@pytest.mark.parametrize("content, message", [(b"\xff\xfe{}\n", "not UTF-8")])
def test_unreadable_file_is_one_line(store_env, tmp_path, content, message) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(content)
    res = CliRunner().invoke(citywatch, ["ingest", str(path)])
    assert res.exit_code != 0 and message in res.output and "Traceback" not in res.output


def test_the_outlets_registry_country_reaches_the_tagger_and_a_bad_registry_is_one_line(store_env, tmp_path) -> None:
    """As in a crawl, the outlet's country is weak linker evidence: a bare namesake in a US outlet is the US town."""
    registry = tmp_path / "sources.yaml"
    registry.write_text("sources:\n  - {id: outlet, name: Outlet, country: US, language: en, weight: 1.0}\n")
    source = write(tmp_path / "in.jsonl", [line("canton", "The Canton school board met on Tuesday.")])
    res = CliRunner().invoke(citywatch, ["ingest", str(source), "--sources", str(registry)])
    assert res.exit_code == 0, res.output
    with connect() as store:
        (article,) = store.articles.find({}, {"mentions": 1})
    assert [m["label"] for m in article["mentions"]] == ["OTHER_PLACE"]
    res = CliRunner().invoke(citywatch, ["ingest", str(source), "--sources", str(tmp_path / "missing.yaml")])
    assert res.exit_code == 2 and "missing.yaml" in res.output and len(res.output.strip().splitlines()) == 1
