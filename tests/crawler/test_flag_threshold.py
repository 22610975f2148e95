"""The crawl hands CITYWATCH_FLAG_THRESHOLD to the tagger as an option; a bad value stops it before it starts."""

from __future__ import annotations

import pytest
from scrapy.utils.test import get_crawler

from citywatch.config import DEFAULT_SOURCES, SettingError
from crawler.pipelines import TaggingPipeline
from crawler.run import run_crawl


def test_a_bad_threshold_stops_the_crawl_naming_the_variable(monkeypatch) -> None:
    monkeypatch.setenv("CITYWATCH_FLAG_THRESHOLD", "high")
    with pytest.raises(SettingError, match="CITYWATCH_FLAG_THRESHOLD='high' is not a number"):
        run_crawl(DEFAULT_SOURCES, only=["bbc"])


@pytest.mark.parametrize(("threshold", "flagged"), [(1.01, True), (0.0, False)])
def test_the_tagging_stage_flags_by_the_threshold_setting(threshold: float, flagged: bool, monkeypatch) -> None:
    monkeypatch.setattr(TaggingPipeline, "_review_rules", staticmethod(lambda: {}))  # no store needed here
    stage = TaggingPipeline(get_crawler(settings_dict={"TAGGER_ENABLED": True, "TAGGER_FLAG_THRESHOLD": threshold}))
    stage.open_spider()
    (mentions,) = stage.tag_texts(["Suzhou is famous for its canals."], ["en"])
    assert mentions[0]["flagged"] is flagged
