"""The crawl hands CITYWATCH_FLAG_THRESHOLD to the tagger as an option; a bad value stops it before it starts."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys

import pytest
from scrapy.utils.test import get_crawler
from twisted.internet.defer import Deferred

from citywatch.config import DEFAULT_SOURCES, SettingError
from crawler.pipelines import TaggingPipeline
from crawler.run import run_crawl


def test_a_bad_threshold_stops_the_crawl_naming_the_variable(monkeypatch) -> None:
    monkeypatch.setenv("CITYWATCH_FLAG_THRESHOLD", "high")
    with pytest.raises(SettingError, match="CITYWATCH_FLAG_THRESHOLD='high' is not a number"):
        run_crawl(DEFAULT_SOURCES, only=["bbc"])


@pytest.mark.parametrize(("threshold", "flagged"), [(1.01, True), (0.0, False)])
def test_the_tagging_stage_flags_by_the_threshold_setting(threshold: float, flagged: bool, monkeypatch) -> None:
    async def no_rules(self: TaggingPipeline) -> dict:  # no store needed here
        return {}

    monkeypatch.setattr(TaggingPipeline, "_review_rules", no_rules)
    stage = TaggingPipeline(get_crawler(settings_dict={"TAGGER_ENABLED": True, "TAGGER_FLAG_THRESHOLD": threshold}))
    Deferred.fromCoroutine(stage.open_spider())  # nothing awaited: opened when this returns
    (mentions,) = stage.tag_texts(["Suzhou is famous for its canals."], ["en"])
    assert mentions[0]["flagged"] is flagged


def test_every_crawl_reads_the_threshold_in_its_settings(monkeypatch) -> None:
    """The settings module is what a crawl child loads, however it was started (crawl, schedule, scrapy)."""
    import crawler.settings

    monkeypatch.setenv("CITYWATCH_FLAG_THRESHOLD", "0.5")
    try:
        assert importlib.reload(crawler.settings).TAGGER_FLAG_THRESHOLD == 0.5
    finally:
        monkeypatch.delenv("CITYWATCH_FLAG_THRESHOLD")
        assert importlib.reload(crawler.settings).TAGGER_FLAG_THRESHOLD is None


def test_the_scheduler_refuses_a_bad_threshold_in_one_line() -> None:
    env = {**os.environ, "CITYWATCH_FLAG_THRESHOLD": "0,9"}
    done = subprocess.run([sys.executable, "-c", "from citywatch.cli.main import main; main()", "schedule", "--list"],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == ["error: CITYWATCH_FLAG_THRESHOLD='0,9' is not a number (a confidence such as 0.9)"]
