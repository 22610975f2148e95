"""Periods, the per-article summary and the config, without a store."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from citywatch.config.scoring import ConfigError, load_config
from citywatch.store.summary import city_refs, fingerprint, lead_end
from scoring.method import PANEL_STORIES, poisson_interval, story_limits
from scoring.periods import PeriodError, date_range, parse_period, resolve
from tests.scoring.corpus import mention


@pytest.mark.parametrize("text, start, end, previous", [
    ("2026-W40", date(2026, 9, 28), date(2026, 10, 5), "2026-W39"),
    ("2026-W01", date(2025, 12, 29), date(2026, 1, 5), "2025-W52"),
    ("2026-09", date(2026, 9, 1), date(2026, 10, 1), "2026-08"),
    ("2026-01", date(2026, 1, 1), date(2026, 2, 1), "2025-12"),
    ("2026-Q3", date(2026, 7, 1), date(2026, 10, 1), "2026-Q2"),
    ("2026-Q1", date(2026, 1, 1), date(2026, 4, 1), "2025-Q4"),
    ("2026", date(2026, 1, 1), date(2027, 1, 1), "2025"),
])
def test_periods(text, start, end, previous) -> None:
    period = parse_period(text)
    assert (period.start, period.end, period.label, period.previous().label) == (start, end, text, previous)


def test_date_ranges_and_errors() -> None:
    r = date_range("2026-07-01", "2026-07-10")
    assert (r.days, r.previous().start, r.previous().end) == (10, date(2026, 6, 21), date(2026, 7, 1))
    for bad in ("2026-13", "2026-Q0", "2026-W60", "Q3", ""):
        with pytest.raises(PeriodError):
            parse_period(bad)
    with pytest.raises(PeriodError, match="not both"):
        resolve("2026", "2026-01-01", "2026-01-02")
    with pytest.raises(PeriodError, match="YYYY-MM-DD"):
        resolve(None, "2026/01/01", "2026-01-02")


def test_summary_groups_by_city_and_effective_label() -> None:
    text = "Wuhan rallied.\nIn Shanghai, Beijing said Wuhan must wait."
    mentions = [mention(text, "Wuhan"), mention(text, "Shanghai"),
                mention(text, "Beijing", "METONYMIC"), mention(text, "Wuhan", nth=1)]
    mentions.append({"start": 0, "end": 3, "surface": "Canton", "label": "OTHER_PLACE", "city": None,
                     "confidence": 0.8, "flagged": False})
    doc = {"title": "Shanghai markets", "text": text, "mentions": mentions, "content_hash": "h"}
    summary = city_refs(doc)
    assert summary["lead"] == lead_end(text) == text.index("\n")
    refs = {(r["adcode"], r["label"]): r for r in summary["refs"]}
    assert set(refs) == {("110000", "METONYMIC"), ("310000", "LITERAL"), ("420100", "LITERAL")}
    assert (refs[("420100", "LITERAL")]["n"], refs[("420100", "LITERAL")]["first"]) == (2, 0)
    assert refs[("310000", "LITERAL")]["title"] and not refs[("420100", "LITERAL")]["title"]
    # a reviewer decision changes the fingerprint and the summary
    mentions[2]["review"] = {"label": "LITERAL", "city": mentions[2]["city"], "review_id": "r", "by": "x", "at": None}
    assert fingerprint(doc) != summary["fp"]
    assert ("110000", "LITERAL") in {(r["adcode"], r["label"]) for r in city_refs(doc)["refs"]}


def test_summary_of_chinese_and_empty_text() -> None:
    text = "上海股市上涨。"
    m = {"start": 0, "end": 2, "surface": "上海", "label": "LITERAL", "confidence": 0.9, "flagged": False,
         "city": {"adcode": "310000", "geonameid": None, "name": "Shanghai", "province": "Shanghai"}}
    summary = city_refs({"title": "上海股市", "text": text, "mentions": [m]})
    assert summary["refs"][0]["title"] is True
    assert city_refs({"title": None, "text": "", "mentions": None}) == {"fp": fingerprint({}), "lead": 0, "refs": []}


def test_title_match_is_whole_word() -> None:
    text = "Lead.\nNews from Wuhan."
    doc = {"title": "Wuhanese cuisine", "text": text, "mentions": [mention(text, "Wuhan")]}
    assert city_refs(doc)["refs"][0]["title"] is False


def test_config_hash_tracks_method_not_layout() -> None:
    base = load_config()
    assert base.hash == load_config().hash
    assert base.with_(syndication_decay=0.5).hash != base.hash
    assert base.with_(report_top=5).hash == base.hash
    with pytest.raises(ConfigError, match="saturation"):
        base.with_(saturation="sqrt")


def test_story_limits_scale_the_less_favourable_story_size() -> None:
    """One small story is no proof that a city's stories are small, nor one large story that they are large."""
    basis = np.array([0.4, 0.002, 0.02, 0.0])  # top city (40 stories), one small story, one large story, none
    stories = np.array([40, 1, 1, 0])
    panel = float(np.mean(basis[:3] / stories[:3]))
    size = (basis + PANEL_STORIES * panel) / (stories + PANEL_STORIES)
    low, high = poisson_interval(basis, stories, 0.95, 0.001)
    lower, upper = story_limits(stories, 0.95)
    top_low, top_high = lower[0] * min(0.01, size[0]), upper[0] * max(0.01, size[0])
    assert size[1] > 0.002 and size[2] < 0.02  # so the small story's upper end and the large one's lower end use it
    assert high[1] == pytest.approx(100 * np.log1p(upper[1] * size[1] / 0.001) / np.log1p(top_low / 0.001))
    assert low[2] == pytest.approx(100 * np.log1p(lower[2] * size[2] / 0.001) / np.log1p(top_high / 0.001))
    assert high[3] == pytest.approx(100 * np.log1p(upper[3] * panel / 0.001) / np.log1p(top_low / 0.001))
    assert low[1] < low[2] and high[1] < high[2]  # each keeps its own size on its favourable side
    index = 100 * np.log1p(basis / 0.001) / np.log1p(0.4 / 0.001)
    assert (low <= index + 1e-9).all() and (index <= high + 1e-9).all()
    assert low[3] == 0 and high[3] > 0  # no story is not proof of no attention
