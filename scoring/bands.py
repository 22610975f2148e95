"""Published ranks: a point rank where the data resolve a city's place, a shared band where they do not.

League tables publish their flat tail in bands (THE and QS: "201-250") because
the numbers there cannot order the institutions. The index has the same kind of
tail: in the validation worlds (docs/scoring.md, section 10) one article more or
less moves a tail city 20-30 places, inside a 95% rank interval some 40 wide. So
each ranked row gets, beside its point rank (kept, as are the rank interval and
the index), a published place: ``band_rank``, the first rank of its band, and
``rank_band``, the band as text ("7" for a city with its own rank, "11-20").

The bands are laid over ``place``, the city's rank by ``place_index``: with
``place_basis: index`` [default] the point index (``place`` = ``rank``); with
``lower`` the index of the lower end of the city's Poisson interval at
``place_level`` (:func:`scoring.method.story_floor`), so a city whose index
rests on one or two stories stays low until more stories confirm it.

Rules (``rank_bands``):

* ``separated``: cities keep their place down to the first one (by place) whose
  rank interval is wider than ``point_rank_spread`` places, as under ``grid``;
  from there on a city's place is 1 + the number of ranked cities whose 95%
  interval of the index lies wholly above its own (``ci_low`` of theirs above
  its ``ci_high``: the cities clearly ahead of it), never better than that first
  wide city's place nor than the place of a city above it. A newcomer's article
  moves a city's point index, and with it the point rank, by as many cities as
  it passes in a flat tail; it moves this place only by the cities that become
  or stop being clearly ahead, which one or two stories barely change (section
  10). Equal places form a band, so the tail is published as a few wide ties.
* ``grid`` [default]: cities keep their place down to the first one (by place)
  whose rank interval is wider than ``point_rank_spread`` places; from there on, fixed
  bands of ``rank_band_width`` places on a grid that does not depend on the data
  (11-20, 21-30, ...; the first band starts at that city's rank). A fixed grid
  keeps a city in its band when a city elsewhere moves past it, unless it sits
  on a grid line (then it moves one band).
* ``overlap``: consecutive cities form one band while each one's rank interval
  reaches the place of the band's first city (the band's cities could all
  hold its first place). Data-driven, and so unstable: one changed interval
  redraws every band below it (section 10).
* ``none``: every ranked city gets its place.

Cities with equal places always share a band, and a band's last rank is the
last place its cities occupy. Without a bootstrap (no rank intervals) every
ranked city keeps its place. Not ranked cities (index 0) get no place and no band.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

from citywatch.config.scoring import ScoringConfig


def _resolved_until(ranked: Sequence[dict[str, Any]], config: ScoringConfig) -> int:
    """The place of the first city whose rank interval is wider than ``point_rank_spread`` places (one past the last
    place when none is): the cities above it keep their own places under ``grid`` and ``separated``."""
    wide = [r["place"] for r in ranked if r["rank_ci_high"] - r["rank_ci_low"] > config.point_rank_spread]
    return min(wide, default=len(ranked) + 1)


def _grid(ranked: Sequence[dict[str, Any]], config: ScoringConfig) -> list[tuple[int, int]]:
    """Each city's band (first rank, last rank before ties) under the ``grid`` rule."""
    start, width = _resolved_until(ranked, config), config.rank_band_width
    bands = []
    for row in ranked:
        place = row["place"]
        line = (place - 1) // width * width  # the grid line above the place: 0, 10, 20, ...
        bands.append((place, place) if place < start else (max(start, line + 1), min(line + width, len(ranked))))
    return bands


def _separated(ranked: Sequence[dict[str, Any]], config: ScoringConfig) -> list[tuple[int, int]]:
    """Each city's band (first rank, last rank before ties) under the ``separated`` rule: below the resolved top,
    1 + the cities whose index interval lies wholly above its own, never better than a city above it."""
    start = _resolved_until(ranked, config)
    lows = sorted(r["ci_low"] for r in ranked)
    bands, floor = [], 0
    for row in ranked:  # by place
        ahead = len(lows) - bisect.bisect_right(lows, row["ci_high"])  # intervals wholly above this one
        own = row["place"] if row["place"] < start else max(start, 1 + ahead)
        floor = max(floor, own)
        bands.append((floor, floor))
    return bands


def _overlap(ranked: Sequence[dict[str, Any]]) -> list[tuple[int, int]]:
    """Each city's band under the ``overlap`` rule: it joins the band above while its interval reaches the head's place."""
    heads: list[int] = []
    head = ranked[0]
    for i, row in enumerate(ranked):
        tied = i > 0 and row["place"] == ranked[i - 1]["place"]
        if not tied and row["rank_ci_low"] > head["place"]:
            head = row
        heads.append(head["place"])
    return [(first, first) for first in heads]


def assign_bands(rows: Sequence[dict[str, Any]], config: ScoringConfig) -> None:
    """Set ``band_rank`` and ``rank_band`` on every row from its ``place`` (None for cities that are not ranked)."""
    ranked = sorted((r for r in rows if r["rank"] is not None), key=lambda r: (r["place"], r["rank"]))
    for row in rows:
        row["band_rank"] = row["rank_band"] = None
    if not ranked:
        return
    if config.rank_bands == "none" or any(r["rank_ci_low"] is None for r in ranked):
        bands = [(r["place"], r["place"]) for r in ranked]
    elif config.rank_bands == "grid":
        bands = _grid(ranked, config)
    elif config.rank_bands == "separated":
        bands = _separated(ranked, config)
    else:
        bands = _overlap(ranked)
    last = {first: end for first, end in bands}
    for position, (first, _) in enumerate(bands, start=1):
        last[first] = max(last[first], position)  # a band ends at the last place its cities occupy (ties included)
    for row, (first, _) in zip(ranked, bands, strict=True):
        row["band_rank"] = first
        row["rank_band"] = str(first) if last[first] == first else f"{first}-{last[first]}"


COLUMN_NOTES = {
    "band_rank": "published place: the first rank of the city's band (its own place when the data resolve it)",
    "rank_band": "the band as text: '7' for a city with its own place, '11-20' for a shared band",
    "place": "the city's rank by place_index (competition ranking), on which the bands are laid",
    "place_index": "what the published place is ranked by: with place_basis 'lower' the index of the lower end of "
                   "the city's Poisson interval at place_level (few stories: low until confirmed), else the index",
    "rank": "point rank by the index (competition ranking), kept for every ranked city",
    "rank_ci_low": "95% rank interval, low end (bootstrap, widened to contain the point rank); rank_ci_high its high end",
}


def band_summary(rows: Sequence[dict[str, Any]], config: ScoringConfig) -> dict[str, Any]:
    """The export metadata's account of the published ranks: rule, parameters, how many cities keep a point rank."""
    labels = [r["rank_band"] for r in rows if r["rank_band"] is not None]
    return {"place_basis": config.place_basis, "place_level": config.place_level,
            "rule": config.rank_bands, "point_rank_spread": config.point_rank_spread,
            "rank_band_width": config.rank_band_width, "cities_ranked": len(labels),
            "point_ranks": sum(1 for b in labels if "-" not in b), "bands": len({b for b in labels if "-" in b}),
            "columns": COLUMN_NOTES}
