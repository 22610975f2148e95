"""Non-city spans reported as cities in real English news (issue #12), counted by ``tests/nlp/real_news.py``
on the shared corpora at test time; skipped where ``../shared`` is not there."""

from __future__ import annotations

import pytest

from tests.nlp import real_news

pytestmark = pytest.mark.skipif(not real_news.available(), reason="../shared/data not available")

MIN_SAMPLE = 200
MAX_CONTRADICTED = 0.01


def test_reported_cities_are_places_the_gold_annotates() -> None:
    """Where the corpus annotates every toponym with coordinates, a reported city that a gold toponym places
    elsewhere is a namesake or another place taken for the Chinese city: under 1% of reported cities."""
    counts = real_news.count_all()
    assert sum(c.reported for c in counts.values()) >= MIN_SAMPLE, {n: c.reported for n, c in counts.items()}
    annotated = [c for name, c in counts.items() if not name.startswith("benchmark")]
    reported = sum(c.reported for c in annotated)
    contradicted = sum(c.contradicted for c in annotated)
    assert reported and contradicted / reported < MAX_CONTRADICTED, [line for c in annotated for line in c.to_check]
