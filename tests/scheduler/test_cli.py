"""``citywatch status`` and ``citywatch schedule --list``, on a store with runs and flagged mentions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from click.testing import CliRunner

from citywatch.cli.main import citywatch
from citywatch.scheduler.lock import JobLock
from citywatch.store import connect
from citywatch.store.runs import finish_run, start_run
from tests.scheduler.conftest import offline_sources


def _article(url: str, mentions: list[dict]) -> dict:
    return {"_id": url, "url": url, "canonical_url": url, "source_id": "daily-courier", "mentions": mentions}


def test_status_shows_runs_jobs_counts_and_review_queue(store_env: Path, tmp_path: Path) -> None:
    sources = offline_sources(tmp_path / "sources.yaml")
    flagged = {"start": 0, "end": 7, "surface": "Beijing", "label": "METONYMIC", "flagged": True,
               "group_key": "beijing|gov"}
    with connect() as store:
        now = datetime.now(UTC)
        start_run(store, "r1", {"source_ids": ["daily-courier"]}, now=now - timedelta(hours=1))
        store.runs.update_one({"_id": "r1"}, {"$set": {"spiders.feeds": {"state": "finished", "sources": {
            "daily-courier": {"requests": 5, "stored": 4, "errors": {"http_500": 1}}}}}})
        finish_run(store, "r1", "finished")
        store.runs.update_one({"_id": "r1"},
                              {"$push": {"failures": {"source": "daily-courier", "check": "error_rate"}}})
        store.articles.insert_many([
            _article("http://a/1", [flagged, {**flagged, "flagged": False}]),
            _article("http://a/2", [{**flagged, "review": {"label": "LITERAL", "by": "x"}}]),  # decided: not queued
            _article("http://a/3", [{**flagged, "flagged": False}, {**flagged, "group_key": None}]),
            _article("http://a/4", [flagged, flagged]),
        ])
        lock = JobLock(store, "default", ttl=30)
        lock.acquire()
        result = CliRunner().invoke(citywatch, ["status", "--sources", str(sources)])
        lock.release()
    assert result.exit_code == 0, result.output
    out = result.output
    assert "review queue: 3 flagged mention(s)" in out
    assert "articles 4" in out and "runs 1" in out
    assert "default" in out and "running on" in out
    line = next(line for line in out.splitlines() if line.strip().startswith("daily-courier"))
    assert "finished" in line and "stored    4" in line and "errors   1" in line and "ALERTS error_rate" in line
    assert any(line.strip().startswith("le-quotidien") and "never crawled" in line for line in out.splitlines())


def test_schedule_list_and_bad_config(store_env: Path, tmp_path: Path) -> None:
    sources = offline_sources(tmp_path / "sources.yaml")
    result = CliRunner().invoke(citywatch, ["schedule", "--sources", str(sources), "--list"])
    assert result.exit_code == 0 and result.output.startswith("default")
    bad = tmp_path / "ops.yaml"
    bad.write_text("schedule: {defualt: '* * * * *'}\n")
    result = CliRunner().invoke(citywatch, ["schedule", "--sources", str(sources), "--config", str(bad), "--list"])
    assert result.exit_code != 0 and "unknown setting 'defualt'" in result.output
    bad.write_text("schedule: [\n")
    result = CliRunner().invoke(citywatch, ["status", "--sources", str(sources), "--config", str(bad)])
    assert result.exit_code != 0 and "operations config" in result.output and "not valid YAML" in result.output
