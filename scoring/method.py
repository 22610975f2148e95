"""The media-presence method on the compact corpus: counts, weights, shares, index, rank, bootstrap.

Written with numpy on the arrays of :mod:`scoring.collect`, so a period of
200,000 articles costs a few vector operations, and the bootstrap recomputes
the whole estimator (shares, normalisation, ranks) per resample rather than
approximating it. docs/scoring.md states the same method in words and formulas.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import numpy as np
from scipy.stats import chi2

from citywatch.config.scoring import ScoringConfig
from scoring.catalogue import CityInfo, Outlet, outlet
from scoring.collect import LABELS, Corpus, unit_order

ROUND = 6  # decimals kept in outputs: enough for any ranking, stable across platforms
PANEL_STORIES = 2.0  # pseudo-stories of the panel's mean size in a city's story size (poisson_interval)


@dataclass
class Universe:
    """The cities that get a row: ranked kinds from the gazetteer, or every city seen without one."""

    adcodes: list[str]
    names: list[tuple[str, str]]

    @classmethod
    def build(cls, corpus: Corpus, cities: Mapping[str, CityInfo], config: ScoringConfig) -> Universe:
        if cities:
            ranked = {c for c, info in cities.items() if info.kind in config.ranked_kinds}
            seen = [c for c in corpus.cities if c in ranked]
            codes = sorted(ranked if config.include_zero_cities else set(seen))
            return cls(codes, [(cities[c].name, cities[c].province) for c in codes])
        codes = sorted(corpus.cities)
        return cls(codes, [corpus.city_names[c] for c in codes])


@dataclass
class Window:
    """One period cut from the corpus: the article-city pairs that count and their contributions."""

    n_articles: int
    per_source: np.ndarray  # articles per outlet in the window (the share denominators)
    arts: np.ndarray  # corpus article indices in the window
    pair_art: np.ndarray
    pair_city: np.ndarray  # universe column
    contrib: np.ndarray  # prominence x saturation x syndication split
    pair_n: np.ndarray  # counted mentions per pair
    pair_prom: np.ndarray  # whether the pair is prominent (title or first paragraph)
    gov: np.ndarray  # articles with a gov_label mention, per universe column
    org: np.ndarray
    first_day: date | None
    last_day: date | None


def _saturate(n: np.ndarray, config: ScoringConfig) -> np.ndarray:
    n = n.astype(np.float64)
    if config.saturation == "log":
        return 1.0 + np.log(n)
    if config.saturation == "cap":
        return np.minimum(n, config.saturation_cap)
    return n


def _distinct_pairs(art: np.ndarray, city: np.ndarray, n_cols: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Unique (article, city) pairs and, for each, the index of its first row (to reduce over)."""
    key = art.astype(np.int64) * n_cols + city
    order = np.argsort(key, kind="stable")
    key = key[order]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]]) if len(key) else np.zeros(0, dtype=np.int64)
    return order, starts, key[starts]


def cut(corpus: Corpus, start: date, end: date, columns: np.ndarray, n_cols: int, config: ScoringConfig) -> Window:
    """Everything the estimator needs for [start, end); ``columns`` maps corpus city -> universe column or -1."""
    in_window = (corpus.day >= start.toordinal()) & (corpus.day < end.toordinal())
    arts = np.flatnonzero(in_window)
    per_source = np.bincount(corpus.source[arts], minlength=len(corpus.sources)).astype(np.float64)
    col = columns[corpus.ref_city] if len(corpus.ref_city) else np.zeros(0, dtype=np.int64)
    live = in_window[corpus.ref_art] & (col >= 0)
    codes = {LABELS.index(label) for label in config.index_labels if label in LABELS}
    sel = live & np.isin(corpus.ref_label, list(codes))
    art, city = corpus.ref_art[sel], col[sel]
    order, starts, keys = _distinct_pairs(art, city, n_cols)
    n = np.add.reduceat(corpus.ref_n[sel][order], starts) if len(starts) else np.zeros(0)
    prom = np.maximum.reduceat(corpus.ref_prom[sel][order].astype(np.int8), starts) if len(starts) else np.zeros(0)
    pair_art, pair_city = keys // n_cols, keys % n_cols
    contrib = _saturate(n, config) * np.where(prom > 0, config.prominence_weight, 1.0)
    contrib = contrib * _syndication(corpus, pair_art, pair_city, n_cols, config.syndication_decay)
    days = corpus.day[arts]
    return Window(
        n_articles=len(arts), per_source=per_source, arts=arts, pair_art=pair_art, pair_city=pair_city,
        contrib=contrib, pair_n=n, pair_prom=prom > 0, gov=_articles_with(corpus, live, col, config.gov_label, n_cols),
        org=_articles_with(corpus, live, col, config.org_label, n_cols),
        first_day=date.fromordinal(int(days.min())) if len(days) else None,
        last_day=date.fromordinal(int(days.max())) if len(days) else None,
    )


def _articles_with(corpus: Corpus, live: np.ndarray, col: np.ndarray, label: str, n_cols: int) -> np.ndarray:
    if label not in LABELS:
        return np.zeros(n_cols)
    sel = live & (corpus.ref_label == LABELS.index(label))
    _, _, keys = _distinct_pairs(corpus.ref_art[sel], col[sel], n_cols)
    return np.bincount(keys % n_cols, minlength=n_cols).astype(np.float64)


def _syndication(corpus: Corpus, pair_art: np.ndarray, pair_city: np.ndarray, n_cols: int, decay: float) -> np.ndarray:
    """Each of the m copies of a story that count for a city gets (1 + d + ... + d**(m-1)) / m.

    The story's credit is split equally across its carriers, so it does not
    matter which outlet ran it first; with d = 0 the copies add up to one story.
    An unclustered article is a story of one copy (factor 1).
    """
    if not len(pair_art):
        return np.ones(0)
    key = corpus.unit[pair_art].astype(np.int64) * n_cols + pair_city
    _, inverse, counts = np.unique(key, return_inverse=True, return_counts=True)
    m = counts[inverse].astype(np.float64)
    credit = m if decay >= 1.0 else (1.0 - np.power(decay, m)) / (1.0 - decay)
    return credit / m


@dataclass
class Estimates:
    weighted_mentions: np.ndarray
    attention_share: np.ndarray
    basis: np.ndarray
    index: np.ndarray
    rank: np.ndarray


class Estimator:
    """Shares, basis, index and rank for a window, with optional per-unit resampling weights."""

    def __init__(self, corpus: Corpus, window: Window, n_cols: int, config: ScoringConfig,
                 outlets: Mapping[str, Outlet], coverage: Mapping[str, float]) -> None:
        self.window, self.n_cols, self.config = window, n_cols, config
        self.pair_src = corpus.source[window.pair_art]
        self.art_src = corpus.source[window.arts]
        self.pair_unit = corpus.unit[window.pair_art]
        self.art_unit = corpus.unit[window.arts]
        self.n_sources = len(corpus.sources)
        self.weight = np.array([outlet(outlets, s, config.unknown_source_weight).weight for s in corpus.sources])
        cover = np.array([max(coverage.get(s, 1.0), config.min_coverage) for s in corpus.sources])
        self.count_weight = self.weight / cover if config.counts_gap_correction else self.weight

    def estimate(self, unit_weight: np.ndarray | None = None) -> Estimates:
        contrib, per_source = self.window.contrib, self.window.per_source
        if unit_weight is not None:
            contrib = contrib * unit_weight[self.pair_unit]
            per_source = np.bincount(self.art_src, weights=unit_weight[self.art_unit], minlength=self.n_sources)
        wm = np.bincount(self.pair_src * self.n_cols + self.window.pair_city, weights=contrib,
                         minlength=self.n_sources * self.n_cols).reshape(self.n_sources, self.n_cols)
        attention = pool(wm, per_source, self.weight, self.config)
        weighted = self.weight @ wm
        basis = attention if self.config.index_basis == "shares" else self.count_weight @ wm
        index = index_of(basis, self.config.log_unit)
        return Estimates(weighted, attention, basis, index, rank_of(index))

    def pair_share(self) -> np.ndarray:
        """Each counted (article, city) pair's part of the city's basis (attention share, or weighted count)."""
        if self.config.index_basis == "counts":
            return self.window.contrib * self.count_weight[self.pair_src]
        return self.window.contrib * share_weights(self.window.per_source, self.weight, self.config)[self.pair_src]


def share_weights(articles: np.ndarray, weight: np.ndarray, config: ScoringConfig) -> np.ndarray:
    """What one unit of an outlet's weighted mentions adds to a city's attention share, per outlet."""
    active = articles > 0
    n = np.where(active, articles, 1.0)
    w = np.where(active, weight, 0.0)
    k = config.outlet_pooling_k
    if config.outlet_pooling == "precision":
        w = w * n / (n + k)
    return w / (n + k if config.outlet_pooling == "shrinkage" else n) / (w.sum() or 1.0)


def pool(mentions: np.ndarray, articles: np.ndarray, weight: np.ndarray, config: ScoringConfig) -> np.ndarray:
    """The attention share per city from per-outlet weighted mentions (outlets x cities) and article counts.

    An outlet without articles in the window is left out (absent, not silent).
    ``precision`` weighs an outlet's share M/N by w x N / (N + k): with k = 300 a
    30-article outlet weighs 0.09 of its reach, a 900-article one 0.75.
    ``shrinkage`` weighs by w alone but pulls each share toward the pooled share
    p = sum M / sum N: (M + k p) / (N + k). ``mean`` weighs M/N by w alone.
    """
    attention = share_weights(articles, weight, config) @ mentions
    if config.outlet_pooling == "shrinkage" and articles.sum() > 0:
        active = articles > 0
        prior = (weight[active] * config.outlet_pooling_k / (articles[active] + config.outlet_pooling_k)).sum()
        attention = attention + prior / weight[active].sum() * mentions.sum(axis=0) / articles.sum()
    return attention


def index_of(basis: np.ndarray, unit: float) -> np.ndarray:
    """100 * ln(1 + x/unit) / ln(1 + x_top/unit), rounded so that ties are ties on every platform."""
    top = basis.max() if len(basis) else 0.0
    if top <= 0:
        return np.zeros(len(basis))
    return np.round(100.0 * np.log1p(basis / unit) / math.log1p(top / unit), 9)


def rank_of(index: np.ndarray) -> np.ndarray:
    """Competition ranking (1, 2, 2, 4): one plus the number of cities with a strictly higher index."""
    ascending = np.sort(index)
    return 1 + len(index) - np.searchsorted(ascending, index, side="right")


def bootstrap(corpus: Corpus, estimator: Estimator, config: ScoringConfig) -> tuple[np.ndarray, np.ndarray] | None:
    """Index and rank for ``bootstrap_resamples`` resamples of units (clusters / unclustered articles)."""
    units = np.unique(estimator.art_unit)
    if config.bootstrap_resamples == 0 or len(units) == 0:
        return None
    ordered = unit_order(corpus, units)
    rng = np.random.default_rng(config.bootstrap_seed)
    n = len(ordered)
    weight = np.zeros(len(corpus.unit_keys))
    indexes = np.empty((config.bootstrap_resamples, estimator.n_cols))
    ranks = np.empty((config.bootstrap_resamples, estimator.n_cols), dtype=np.int64)
    for b in range(config.bootstrap_resamples):
        weight[ordered] = np.bincount(rng.integers(0, n, n), minlength=n)  # n draws with replacement
        est = estimator.estimate(weight)
        indexes[b], ranks[b] = est.index, est.rank
    return indexes, ranks


def interval(samples: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    tail = (1.0 - level) / 2
    return (np.quantile(samples, tail, axis=0, method="lower"),
            np.quantile(samples, 1.0 - tail, axis=0, method="higher"))


def story_limits(stories: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    """Exact (Garwood) Poisson limits on the expected number of stories, given the observed count."""
    tail = (1.0 - level) / 2
    lower = np.where(stories > 0, chi2.ppf(tail, 2 * np.maximum(stories, 1)) / 2, 0.0)
    return lower, chi2.ppf(1.0 - tail, 2 * stories + 2) / 2


def _story_sizes(basis: np.ndarray, stories: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per city: its own basis per story (the panel's mean for a city without one) and the panel-shrunk size."""
    seen = stories > 0
    panel = float(np.mean(basis[seen] / stories[seen])) if seen.any() else 0.0
    own = np.where(seen, basis / np.maximum(stories, 1), panel)
    return own, (basis + PANEL_STORIES * panel) / (stories + PANEL_STORIES)


def story_floor(basis: np.ndarray, stories: np.ndarray, level: float) -> np.ndarray:
    """The lower end of the Poisson interval at ``level`` on the basis scale: what a city's stories surely hold.

    L(n) x min(own story size, panel-shrunk story size), the low end of
    :func:`poisson_interval` before normalisation; 0 for a city without a story.
    The published place is ranked by it (``place_basis: lower``): like the
    Wilson lower bound of a rating, it keeps a city whose index rests on one or
    two stories low until more stories confirm it, and it is a deterministic
    function of the city's own basis and story count, so a newcomer's article
    moves only the cities it names (a bootstrap quantile would redraw every
    city's resamples when one story is added).
    """
    own, size = _story_sizes(basis, stories)
    return story_limits(stories, level)[0] * np.minimum(own, size)


def poisson_interval(basis: np.ndarray, stories: np.ndarray, level: float, unit: float) -> tuple[np.ndarray, np.ndarray]:
    """The index interval that the story count alone allows, honest at 0, 1 or 2 stories.

    A city's basis is a sum over stories of different sizes (a story in a small
    outlet weighs more than one in a large outlet, a prominent one more than a
    passing mention), so with one or two stories its own basis per story is a
    poor guess at its typical story. The exact limits of the story count scale
    the less favourable of the city's own basis per story and a story size
    estimated with ``PANEL_STORIES`` pseudo-stories of the panel's mean size:
    the upper limit the larger, the lower limit the smaller. A city without a
    story gets the upper limit for 0 stories (3.69 at 95%) times the panel's
    size. Each end is normalised by the other end of the top city's own limits,
    so an interval also allows for the top city being over- or under-counted.
    """
    own, size = _story_sizes(basis, stories)
    low, high = story_floor(basis, stories, level), story_limits(stories, level)[1] * np.maximum(own, size)
    top = int(np.argmax(basis))
    scale_low, scale_high = (math.log1p(max(x, 0.0) / unit) for x in (high[top], low[top]))
    index_low = 100.0 * np.log1p(low / unit) / scale_low if scale_low > 0 else np.zeros(len(basis))
    index_high = 100.0 * np.log1p(high / unit) / scale_high if scale_high > 0 else np.full(len(basis), 100.0)
    return index_low, np.minimum(index_high, 100.0)
