"""The queue: grouping, impact order, filters, on every store back end."""

from __future__ import annotations

from datetime import date

import pytest

from citywatch.review.queue import Group, QueueFilter, build_queue, city_gaps, impact
from citywatch.review.vocabulary import ReviewError
from citywatch.store import save_articles
from tests.review.corpus import corpus


@pytest.fixture
def filled(store):
    assert not save_articles(store, corpus()).rejected
    return store


def test_groups_flagged_mentions_by_key_and_orders_by_impact(filled):
    q = build_queue(filled)
    assert [g.key for g in q.groups] == ["beijing|METONYMIC|said", "suzhou|LITERAL|in"]
    beijing, suzhou = q.groups
    assert (beijing.pending, beijing.touch, beijing.articles) == (5, 5, 5)
    assert (suzhou.pending, suzhou.candidates) == (3, {"320500", "341300"})
    assert q.pending_mentions == 8 and q.total_mentions == 13
    assert q.city_counts == {"310000": 5, "320500": 3}  # effective LITERAL counts


def test_filters(filled):
    assert [g.key for g in build_queue(filled, QueueFilter(source="lemonde")).groups] == ["suzhou|LITERAL|in"]
    assert build_queue(filled, QueueFilter(source="lemonde")).groups[0].pending == 1
    assert [g.key for g in build_queue(filled, QueueFilter(lang="fr")).groups] == ["suzhou|LITERAL|in"]
    assert [g.key for g in build_queue(filled, QueueFilter(label="METONYMIC")).groups] == ["beijing|METONYMIC|said"]
    assert [g.key for g in build_queue(filled, QueueFilter(city="341300")).groups] == ["suzhou|LITERAL|in"]
    assert build_queue(filled, QueueFilter(since=date(2026, 1, 1))).groups[1].pending == 2
    assert build_queue(filled, QueueFilter(until=date(2025, 12, 31))).pending_mentions == 1
    assert [g.key for g in build_queue(filled, QueueFilter(country="FR")).groups] == ["suzhou|LITERAL|in"]


def test_unknown_country_is_a_clear_error(filled):
    with pytest.raises(ReviewError, match="no configured source is in country"):
        build_queue(filled, QueueFilter(country="ZZ"))


def test_impact_prefers_groups_that_can_swap_ranks():
    gaps = city_gaps({"a": 100, "b": 98, "c": 50})
    assert gaps == {"a": 2, "b": 2, "c": 48}
    near, far = Group(key="x|LITERAL|in", pending=4, touch=4, conf_sum=2.0), Group(key="y|LITERAL|in", pending=4, touch=4,
                                                                              conf_sum=2.0)
    near.cities["b"] = 4
    far.cities["c"] = 4
    assert impact(near, gaps) > impact(far, gaps)
    assert impact(far, gaps) == pytest.approx(4 * 0.5 * (1 + 4 / 49))
