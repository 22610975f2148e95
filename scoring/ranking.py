"""Score a period end to end: collect, estimate, bootstrap, and store a snapshot; the demo's entry points."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from citywatch.config.scoring import ScoringConfig, load_config
from citywatch.store import Store
from scoring.bands import assign_bands, band_summary
from scoring.catalogue import CityInfo, Outlet, load_cities, load_outlets, outlet
from scoring.checks import period_warnings
from scoring.collect import Corpus, Slice, collect
from scoring.coverage import RunHistory, SourceCoverage, coverage
from scoring.evidence import evidence_rows
from scoring.method import (
    ROUND,
    Estimates,
    Estimator,
    Universe,
    Window,
    bootstrap,
    cut,
    index_of,
    interval,
    poisson_interval,
    rank_of,
    story_floor,
)
from scoring.periods import Period, containing

SNAPSHOTS = "scores"


@dataclass
class Result:
    """One period's table (``rows``, ranked) and everything needed to trace it (``meta``)."""

    meta: dict[str, Any]
    rows: list[dict[str, Any]]
    series: dict[str, Any] = field(default_factory=dict)
    evidence: list[dict[str, Any]] | None = None  # one row per counted article and city, when asked for
    computed_at: datetime | None = None
    report_top: int = 20
    repaired: int = 0  # summaries computed and written back by this run (not part of the result)


@dataclass
class _Context:
    corpus: Corpus
    universe: Universe
    columns: np.ndarray
    config: ScoringConfig
    outlets: Mapping[str, Outlet]
    history: RunHistory


def _series_periods(period: Period, count: int) -> list[Period]:
    """The last ``count`` weeks (for a weekly score) or months, ending with the one holding the period's last day."""
    anchor = containing("week" if period.kind == "week" else "month", period.end - timedelta(days=1))
    return [anchor.shift(-i) for i in range(count - 1, -1, -1)]


def _estimate(ctx: _Context, store: Store, period: Period) -> tuple[Window, Estimator, dict[str, SourceCoverage]]:
    window = cut(ctx.corpus, period.start, period.end, ctx.columns, len(ctx.universe.adcodes), ctx.config)
    cover = coverage(store, period.start, period.end, ctx.corpus.sources, ctx.history)
    estimator = Estimator(ctx.corpus, window, len(ctx.universe.adcodes), ctx.config, ctx.outlets,
                          {s: c.coverage for s, c in cover.items()})
    return window, estimator, cover


def compute(
    store: Store,
    period: Period,
    config: ScoringConfig | None = None,
    where: Slice | None = None,
    outlets: Mapping[str, Outlet] | None = None,
    cities: Mapping[str, CityInfo] | None = None,
    series: int = 0,
    evidence: bool = False,
) -> Result:
    """The full result for one period; ``series`` > 0 adds that many monthly (weekly) index points.

    ``evidence`` also reads back the counted articles (``Result.evidence``, see :mod:`scoring.evidence`).
    """
    config = config or load_config()
    outlets = load_outlets(config.sources_file) if outlets is None else outlets
    gazetteer_version = None
    if cities is None:
        cities, gazetteer_version = load_cities()
    previous = period.previous()
    steps = _series_periods(period, series)
    first = min([previous.start, *(p.start for p in steps)])
    corpus = collect(store, first, period.end, config, outlets, cities, where)
    universe = Universe.build(corpus, cities, config)
    position = {code: i for i, code in enumerate(universe.adcodes)}
    columns = np.array([position.get(code, -1) for code in corpus.cities], dtype=np.int64)
    ctx = _Context(corpus, universe, columns, config, outlets, RunHistory.load(store, period.end))

    window, estimator, cover = _estimate(ctx, store, period)
    point = estimator.estimate()
    _, prev_estimator, _ = _estimate(ctx, store, previous)
    prev = prev_estimator.estimate() if prev_estimator.window.n_articles else None
    samples = bootstrap(corpus, estimator, config)
    rows = _rows(ctx, window, point, prev, samples)
    meta = _meta(ctx, period, previous, window, cover, where, gazetteer_version)
    meta["published_ranks"] = band_summary(rows, config)
    result = Result(meta=meta, rows=rows, report_top=config.report_top, repaired=corpus.repaired)
    if evidence:
        result.evidence = evidence_rows(store, corpus, window, estimator, universe, outlets, cities, config)
    if steps:
        result.series = _series(ctx, store, steps, rows[: config.report_series_cities])
    return result


def _rows(ctx: _Context, window: Window, point: Estimates, prev: Estimates | None,
          samples: tuple[np.ndarray, np.ndarray] | None) -> list[dict[str, Any]]:
    corpus, config, n_cols = ctx.corpus, ctx.config, len(ctx.universe.adcodes)
    articles = np.bincount(window.pair_city, minlength=n_cols)
    units = corpus.unit[window.pair_art].astype(np.int64)
    stories = np.bincount(np.unique(units * n_cols + window.pair_city) % n_cols, minlength=n_cols)
    src_sets: list[set[str]] = [set() for _ in range(n_cols)]
    for s, c in set(zip(corpus.source[window.pair_art].tolist(), window.pair_city.tolist(), strict=True)):
        src_sets[c].add(corpus.sources[s])
    if samples is not None:
        idx_lo, idx_hi = interval(samples[0], config.ci_level)
        rank_lo, rank_hi = interval(samples[1], config.ci_level)
        exact_lo, exact_hi = poisson_interval(point.basis, stories, config.ci_level, config.log_unit)
        idx_lo, idx_hi = np.minimum(idx_lo, exact_lo), np.maximum(idx_hi, exact_hi)
    place_index = index_of(story_floor(point.basis, stories, config.place_level), config.log_unit) \
        if config.place_basis == "lower" else point.index
    place = rank_of(np.where(point.index > 0, place_index, -1.0))  # the not ranked cities come after, unranked
    rows: list[dict[str, Any]] = []
    for i, code in enumerate(ctx.universe.adcodes):
        name, province = ctx.universe.names[i]
        countries = sorted({outlet(ctx.outlets, s, config.unknown_source_weight).country for s in src_sets[i]})
        rank, prev_rank = ranked(point, i), ranked(prev, i) if prev is not None else None
        rows.append({
            "city": name, "adcode": code, "province": province,
            "articles": int(articles[i]), "stories": int(stories[i]),
            "weighted_mentions": round(float(point.weighted_mentions[i]), ROUND),
            "attention_share": round(float(point.attention_share[i]), ROUND + 3),
            "gov_refs": int(window.gov[i]), "org_refs": int(window.org[i]),
            "index": round(float(point.index[i]), 2), "rank": rank,
            "place_index": round(float(place_index[i]), 2), "place": int(place[i]) if rank is not None else None,
            "prev_rank": prev_rank,
            "rank_change": prev_rank - rank if prev_rank is not None and rank is not None else None,
            "ci_low": round(float(idx_lo[i]), 2) if samples is not None else None,
            "ci_high": round(float(idx_hi[i]), 2) if samples is not None else None,
            "rank_ci_low": min(int(rank_lo[i]), rank) if samples is not None and rank is not None else None,
            "rank_ci_high": max(int(rank_hi[i]), rank) if samples is not None and rank is not None else None,
            "sources": len(src_sets[i]), "countries": len(countries), "country_codes": ";".join(countries),
        })
    assign_bands(rows, config)
    rows.sort(key=row_order)
    return rows


def ranked(estimates: Estimates, i: int) -> int | None:
    """The city's rank, or None ("not ranked") when its index is 0: cities without a counted mention are tied."""
    return int(estimates.rank[i]) if estimates.index[i] > 0 else None


def row_order(row: Mapping[str, Any]) -> tuple[Any, ...]:
    """Ranked cities by published place, then the not ranked ones with the most government and name references first."""
    if row["rank"] is not None:
        return (0, row["band_rank"], row["place"], row["rank"], -row["articles"], row["adcode"])
    return (1, -row["gov_refs"], -row["org_refs"], row["adcode"])


def _meta(ctx: _Context, period: Period, previous: Period, window: Window, cover: Mapping[str, SourceCoverage],
          where: Slice | None, gazetteer_version: str | None) -> dict[str, Any]:
    corpus, config = ctx.corpus, ctx.config
    with_city = np.unique(window.pair_art)
    per_source_cities = np.bincount(corpus.source[with_city], minlength=len(corpus.sources))
    weight_by_source = np.bincount(corpus.source[window.pair_art], weights=window.contrib,
                                   minlength=len(corpus.sources))
    lo, hi = period.start.toordinal(), period.end.toordinal()
    excluded: dict[str, Counter[str]] = {}
    for source_id, day, status in corpus.excluded:
        if lo <= day < hi:
            excluded.setdefault(source_id, Counter())[status] += 1
    counted = {source_id: int(window.per_source[s]) for s, source_id in enumerate(corpus.sources) if window.per_source[s]}
    position = {source_id: s for s, source_id in enumerate(corpus.sources)}
    outlets_rows: list[dict[str, Any]] = []
    by_country: dict[str, float] = {}
    total_weighted = 0.0
    for source_id in sorted(set(counted) | set(excluded)):  # not in crawl order
        s = position.get(source_id, -1)
        o = outlet(ctx.outlets, source_id, config.unknown_source_weight)
        weighted = float(o.weight * weight_by_source[s]) if s >= 0 else 0.0
        total_weighted += weighted
        by_country[o.country] = by_country.get(o.country, 0.0) + weighted
        outlets_rows.append({"source": source_id, "name": o.name, "country": o.country, "language": o.language,
                             "weight": o.weight, "articles": counted.get(source_id, 0),
                             "articles_with_city": int(per_source_cities[s]) if s >= 0 else 0,
                             "weighted_mentions": round(weighted, ROUND),
                             "not_counted": dict(sorted(excluded.get(source_id, Counter()).items()))})
    registry = [o.id for o in ctx.outlets.values() if (where or Slice()).keeps(o, o.language)]
    refs = {config.gov_label: int(window.gov.sum()), config.org_label: int(window.org.sum())}
    countries = [{"country": c, "weighted_mentions": round(v, ROUND),
                  "share": round(v / total_weighted, 6) if total_weighted else 0.0}
                 for c, v in sorted(by_country.items(), key=lambda kv: (-kv[1], kv[0]))]
    versions = Counter(corpus.tagger_names[t] for t in corpus.tagger[window.arts].tolist())
    return {
        "period": period.label, "kind": period.kind, "start": period.start.isoformat(),
        "end_inclusive": (period.end - timedelta(days=1)).isoformat(),
        "previous_period": previous.label, "slice": where.describe() if where else {},
        "config_hash": config.hash, "config": config.method(), "gazetteer_version": gazetteer_version,
        "data_window": {"first_day": window.first_day.isoformat() if window.first_day else None,
                        "last_day": window.last_day.isoformat() if window.last_day else None},
        "totals": {"articles": window.n_articles, "articles_with_city": len(with_city),
                   "sources": len(counted), "cities_ranked": len(ctx.universe.adcodes),
                   "cities_with_articles": int(len(np.unique(window.pair_city)))},
        "tagger_versions": dict(sorted(versions.items())),
        "bootstrap": {"resamples": config.bootstrap_resamples, "seed": config.bootstrap_seed,
                      "level": config.ci_level, "unit": "near-duplicate cluster (unclustered article = own unit)"},
        "outlets": outlets_rows, "countries": countries,
        "coverage": [c.as_dict() for c in cover.values()],
        "warnings": period_warnings(period.label, window.n_articles, len(window.pair_art), refs, counted, excluded,
                                    registry, config),
    }


def _series(ctx: _Context, store: Store, steps: Sequence[Period], top: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Index of the top cities in each step (each step normalised on its own top city = 100)."""
    column = {code: i for i, code in enumerate(ctx.universe.adcodes)}
    lines = {row["adcode"]: {"adcode": row["adcode"], "city": row["city"], "index": [], "articles": []} for row in top}
    for step in steps:
        window, estimator, _ = _estimate(ctx, store, step)
        est = estimator.estimate()
        articles = np.bincount(window.pair_city, minlength=len(ctx.universe.adcodes))
        for code, line in lines.items():
            line["index"].append(round(float(est.index[column[code]]), 2) if window.n_articles else None)
            line["articles"].append(int(articles[column[code]]))
    return {"kind": steps[0].kind if steps else None, "labels": [p.label for p in steps], "cities": list(lines.values())}


def snapshot_id(meta: Mapping[str, Any]) -> str:
    slice_key = ",".join(f"{k}={'+'.join(v)}" for k, v in sorted(meta["slice"].items())) or "all"
    return f"{meta['period']}|{slice_key}|{meta['config_hash']}"


def score_period(
    store: Store,
    period: Period,
    config: ScoringConfig | None = None,
    where: Slice | None = None,
    outlets: Mapping[str, Outlet] | None = None,
    series: int = 0,
    evidence: bool = False,
) -> Result:
    """Compute a period and store it in ``scores``; to score without storing, call :func:`compute`.

    One snapshot per period, slice and config: rescoring replaces it.
    """
    result = compute(store, period, config, where, outlets, series=series, evidence=evidence)
    result.computed_at = datetime.now(UTC).replace(microsecond=0)
    doc = {"_id": snapshot_id(result.meta), "computed_at": result.computed_at, **result.meta, "rows": result.rows}
    store.collection(SNAPSHOTS).replace_one({"_id": doc["_id"]}, doc, upsert=True)
    return result


def run_period(
    store: Store,
    period: Period | str,
    out_dir: Path | str,
    config: ScoringConfig | None = None,
    formats: Sequence[str] = ("csv", "json"),
    outlets: Mapping[str, Outlet] | None = None,
    sources_file: Path | str | None = None,
) -> tuple[Result, dict[str, Path]]:
    """For the demo: score and store the period, export it and write the HTML report into ``out_dir``.

    ``sources_file`` (or ``outlets``) replaces the config's source registry, e.g. the
    demo site's generated sources.yaml. Returns the result and ``{"csv": path,
    "json": path, ..., "report": path}``.
    """
    from scoring.export import write_export
    from scoring.periods import parse_period
    from scoring.report import write_report

    period = parse_period(period) if isinstance(period, str) else period
    config = config or load_config()
    if outlets is None and sources_file is not None:
        outlets = load_outlets(sources_file)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    result = score_period(store, period, config, outlets=outlets, series=config.report_series_periods, evidence=True)
    paths = {fmt: write_export(result, fmt, out_dir / f"scores-{period.label}.{fmt}")[0] for fmt in formats}
    paths["report"] = write_report(result, out_dir / f"report-{period.label}")
    return result, paths
