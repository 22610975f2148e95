"""Validation harness: does the index recover a known truth, do its intervals cover it, does a newcomer move it?

Builds the simulated worlds of :mod:`scoring.validation.world` (one per seed),
hands their articles to citywatch through ``citywatch ingest`` and reads the
ranking back through ``citywatch export`` only, each in a subprocess with its
own embedded store, so an outside auditor can do exactly the same without
importing citywatch (this module imports nothing of citywatch's). Per world it
scores the crawled articles under each variant (an outlet pooling, and for the
first pooling each rule of published ranks and each place basis, ``index`` or
the conservative ``lower``, under ``grid`` and ``none``), the same world crawled completely
(to see what half-crawled outlets do to the cities they favour), and the
crawled world plus one 30-article newcomer outlet. Reported, over all worlds:

* Spearman correlation of the index with the true value, beside that of the
  naive count (every mention, every copy) on the same articles, and that of the
  published place (``band_rank``: a band's first rank) with the truth;
* how often the 95% interval holds the true index, by true rank group (top 10,
  11-40, 41-100) and by the city's number of stories (0, 1, 2, 3-5, ...), with the
  mean interval width there (coverage bought with width is not free);
* crawl-volume bias: mean point-rank change of the 10 cities the half-crawled
  outlets favour (positive = they fall), against a complete crawl, and the same
  for the published place of every variant;
* the newcomer, measured on the published place: changes among the ten leading
  cities by point rank, cities moved, largest move and who made it (a banded city
  moves by the change of its band's first rank; a city not ranked stands at the
  first place after the last one published), how many cities keep a point rank,
  and how many new places lie inside the old rank intervals.

``python -m benchmarks validation`` (or ``citywatch validate``) runs it in full
(3 worlds, 500 resamples, three poolings, four rank rules, two place bases: 20
to 40 minutes on a loaded 2-core machine; ``--bands grid --bands separated``
leaves out the others). To iterate, a reduced run: ``citywatch validate --worlds 1
--resamples 100 --pooling precision``, or ``python -m benchmarks.bench_validation 1``
with the environment variables ``CITYWATCH_VALIDATION_RESAMPLES`` (e.g. 100) and
``CITYWATCH_VALIDATION_POOLINGS`` (e.g. ``precision``) cut the bootstrap and
the poolings compared.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from scipy.stats import spearmanr

from scoring.validation.world import PERIOD, World, build

WORLDS = 3
FIRST_SEED = 101  # held out: worlds 1-4 chose outlet_pooling_k and the rank rule; these were run once to report
POOLINGS = ("precision", "shrinkage", "mean")
RANK_RULES = ("grid", "separated", "overlap", "none")  # rank_bands; the first is the configured default
PLACES = ("index", "lower")  # place_basis; the first is the configured default
NEWCOMER = 30
RANK_GROUPS = (("top 10", 1, 10), ("11-40", 11, 40), ("41-100", 41, 100))
STORY_GROUPS = (("0", 0, 0), ("1", 1, 1), ("2", 2, 2), ("3-5", 3, 5), ("6-10", 6, 10), ("11-30", 11, 30), (">30", 31, 10**9))
CLI = [sys.executable, "-c", "from citywatch.cli.main import main; main()"]


def citywatch(data_dir: Path, *args: str) -> str:
    """Run one ``citywatch`` command on the embedded store in ``data_dir``; a failure raises with its stderr."""
    env = {k: v for k, v in os.environ.items() if k != "CITYWATCH_MONGO_URI"}
    env["CITYWATCH_DATA_DIR"] = str(data_dir)
    done = subprocess.run([*CLI, *args], env=env, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        raise RuntimeError(f"citywatch {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()[-400:]}")
    return done.stdout


def export(data_dir: Path, work: Path, registry: Path, config: Path | None = None) -> dict[str, Any]:
    out = work / "export.json"
    args = ["export", "--period", PERIOD, "--format", "json", "--out", str(out), "--sources-file", str(registry)]
    citywatch(data_dir, *args, *(["--config", str(config)] if config else []))
    return json.loads(out.read_text())


def ingest(data_dir: Path, work: Path, articles: Sequence[dict[str, Any]]) -> None:
    lines = work / "articles.jsonl"
    lines.write_text("".join(json.dumps(a) + "\n" for a in articles))
    citywatch(data_dir, "ingest", str(lines))


def registry_file(world: World, path: Path) -> Path:
    """The world's outlets as a source registry (with the fields a crawl registry needs)."""
    lines = ["sources:" if world.outlets else "sources: []"]
    for o in world.outlets:
        lines.append(f"  - {{id: {o['id']}, name: {o['id']}, country: XX, language: en, weight: {o['weight']}, "
                     f"feeds: [https://{o['id']}.example/feed.xml], allowed_domains: [{o['id']}.example]}}")
    path.write_text("\n".join(lines) + "\n")
    return path


def places(rows: list[dict[str, Any]], world: World, column: str = "rank") -> np.ndarray:
    """The world's cities' point ranks (or, with ``column="band_rank"``, published places).

    Not ranked cities share the place after the last one published (for point ranks: after the last ranked
    city; for a rule that publishes the tail as a few wide ties, right after the last tie).
    """
    by_code = {r["adcode"]: r for r in rows}
    bottom = 1 + max((r[column] for r in rows if r["rank"] is not None), default=0)
    return np.array([by_code[c["adcode"]][column] or bottom for c in world.cities], dtype=float)


def band_ends(rows: list[dict[str, Any]], world: World) -> np.ndarray:
    """Each world city's band as (first, last) rank; NaN for a city that is not ranked."""
    by_code = {r["adcode"]: r for r in rows}
    ends = []
    for c in world.cities:
        band = by_code[c["adcode"]]["rank_band"]
        first, _, last = (band or "").partition("-")
        ends.append([float(first), float(last or first)] if band else [np.nan, np.nan])
    return np.array(ends)


def competition_ranks(values: np.ndarray) -> np.ndarray:
    ascending = np.sort(values)
    return (1 + len(values) - np.searchsorted(ascending, values, side="right")).astype(float)


class Tally:
    """Coverage hits, trials and interval widths (index points) per group, over worlds."""

    def __init__(self) -> None:
        self.hits: dict[str, list[float]] = {}

    def add(self, group: str, hit: bool, width: float) -> None:
        tally = self.hits.setdefault(group, [0, 0, 0.0])
        tally[0] += int(hit)
        tally[1] += 1
        tally[2] += width

    def line(self, groups: Sequence[tuple[str, int, int]], widths: bool = False) -> str:
        parts = []
        for name, _, _ in groups:
            h, n, w = self.hits.get(name, [0, 0, 0.0])
            detail = f"{int(n)}, width {w / n:.1f}" if widths and n else f"{int(n)}"
            parts.append(f"{name}: {h / n:.2f} ({detail})" if n else f"{name}: - (0)")
        return ", ".join(parts)


def group_of(value: float, groups: Sequence[tuple[str, int, int]]) -> str:
    return next(name for name, lo, hi in groups if lo <= value <= hi)


def reduced() -> tuple[int | None, tuple[str, ...]]:
    """The bootstrap resamples (None: the configured 500) and poolings of a reduced run, from the environment."""
    resamples = os.environ.get("CITYWATCH_VALIDATION_RESAMPLES")
    chosen = tuple(p for p in os.environ.get("CITYWATCH_VALIDATION_POOLINGS", "").replace(",", " ").split() if p)
    unknown = sorted(set(chosen) - set(POOLINGS))
    if unknown:
        raise ValueError(f"CITYWATCH_VALIDATION_POOLINGS: unknown pooling(s) {', '.join(unknown)}; "
                         f"choose from {', '.join(POOLINGS)}")
    if resamples is not None and not resamples.isdigit():
        raise ValueError(f"CITYWATCH_VALIDATION_RESAMPLES must be a whole number, got {resamples!r}")
    return (int(resamples) if resamples is not None else None), chosen or POOLINGS


def largest_move(before: np.ndarray, after: np.ndarray, labels: tuple[list[str], list[str]],
                 stories: np.ndarray) -> tuple[float, str]:
    """The largest change of place and who made it: 'band before -> band after (stories before)'."""
    moves = np.abs(after - before)
    k = int(np.argmax(moves))
    return float(moves[k]), f"{labels[0][k]} -> {labels[1][k]} ({int(stories[k])} stories)"


def variants(poolings: Sequence[str], rules: Sequence[str],
             bases: Sequence[str] = PLACES) -> list[tuple[str, str, str]]:
    """(pooling, rank rule, place basis): every pooling with the first rule and basis, then the first pooling with
    each other rule, then the first pooling with each other basis under the default rule and under ``none``."""
    first, rest = (RANK_RULES[0], bases[0]), [r for r in rules if r != RANK_RULES[0]]
    return ([(p, *first) for p in poolings] + [(poolings[0], r, bases[0]) for r in rest]
            + [(poolings[0], r, b) for b in bases[1:] for r in (RANK_RULES[0], "none") if r in (*rules, RANK_RULES[0])])


class Newcomer:
    """What adding one small outlet does to the published places, per world."""

    def __init__(self) -> None:
        self.worlds: list[dict[str, Any]] = []

    def add(self, before_rows: list[dict[str, Any]], after_rows: list[dict[str, Any]],
            full_rows: list[dict[str, Any]], world: World, true_rank: np.ndarray) -> None:
        """``full_rows``: the same world crawled completely, for the crawl-volume bias of the published place."""
        by_code = {r["adcode"]: r for r in before_rows}
        before, after = places(before_rows, world, "band_rank"), places(after_rows, world, "band_rank")
        point_after = places(after_rows, world)
        rows = [by_code[c["adcode"]] for c in world.cities]
        label = [r["rank_band"] or "n.r." for r in rows]
        after_code = {r["adcode"]: r for r in after_rows}
        label_after = [after_code[c["adcode"]]["rank_band"] or "n.r." for c in world.cities]
        stories = np.array([r["stories"] for r in rows])
        interval = np.array([[r["rank_ci_low"] or np.nan, r["rank_ci_high"] or np.nan] for r in rows])
        ranked = ~np.isnan(interval[:, 0])
        bands = band_ends(before_rows, world)
        largest, who = largest_move(before, after, (label, label_after), stories)
        # the top 10: the ten leading cities by point rank (a rule that publishes ties may put 40 cities at
        # place 10 or better; a city not ranked before is in no top 10)
        top = (places(before_rows, world) <= 10) & ranked
        self.worlds.append({
            "top10": int((after[top] != before[top]).sum()), "moved": int((after != before).sum()),
            "far": int((np.abs(after - before) > 10).sum()),
            "largest": largest, "who": who, "point_ranks": sum(1 for x in label if x != "n.r." and "-" not in x),
            "inside": int(((point_after >= interval[:, 0]) & (point_after <= interval[:, 1]))[ranked].sum()),
            "ranked": int(ranked.sum()),
            "true_in_band": int(((true_rank >= bands[:, 0]) & (true_rank <= bands[:, 1]))[ranked].sum()),
            "spearman": float(spearmanr(-before, world.truth).statistic),
            "bias": float((before - places(full_rows, world, "band_rank"))[world.favoured].mean()),
        })

    def lines(self) -> list[str]:
        w = self.worlds
        inside, ranked, in_band = (sum(x[k] for x in w) for k in ("inside", "ranked", "true_in_band"))
        return [f"published place (band_rank): Spearman with truth {np.mean([x['spearman'] for x in w]):.3f}; "
                f"crawl-volume bias {np.mean([x['bias'] for x in w]):+.2f}; "
                f"cities with a point rank {[x['point_ranks'] for x in w]}; true rank inside the band "
                f"{in_band} of {ranked}",
                f"+ one {NEWCOMER}-article outlet: top-10 changes {[x['top10'] for x in w]}, cities moved "
                f"{[x['moved'] for x in w]} (more than 10 places: {[x['far'] for x in w]}), largest move "
                f"{[int(x['largest']) for x in w]} places   (target 0 and <= 10)",
                f"largest movers (place before -> after): {'; '.join(x['who'] for x in w)}; new point rank inside "
                f"the old rank interval: {inside} of {ranked}"]


def run(worlds: int = WORLDS, resamples: int | None = None, poolings: Sequence[str] = (),
        rules: Sequence[str] = RANK_RULES, first_seed: int = FIRST_SEED, bases: Sequence[str] = PLACES) -> None:
    """Print the figures over ``worlds`` worlds from ``first_seed`` on; resamples and poolings default to the
    environment's (see above), ``rules`` and ``bases`` are the published-rank rules and place bases compared
    under the first pooling."""
    started = time.perf_counter()
    env_resamples, env_poolings = reduced()
    resamples = env_resamples if resamples is None else resamples
    chosen = variants(tuple(poolings) or env_poolings, rules, bases)
    primary = [v for v in chosen if v[1:] == chosen[0][1:]]  # one per pooling: its index, intervals and point ranks
    results: dict[str, list[float]] = {"spearman": [], "bias": []}  # the naive count's
    spearman: dict[tuple[str, str, str], list[float]] = {v: [] for v in chosen}
    bias: dict[tuple[str, str, str], list[float]] = {v: [] for v in chosen}
    by_rank = {v: Tally() for v in chosen}
    by_stories = {v: Tally() for v in chosen}
    newcomer = {v: Newcomer() for v in chosen}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        configs = {v: root / f"{'-'.join(v)}.yaml" for v in chosen}
        for (pooling, rule, basis), path in configs.items():
            path.write_text(f"outlet_pooling: {pooling}\nrank_bands: {rule}\nplace_basis: {basis}\n"
                            + (f"bootstrap_resamples: {resamples}\n" if resamples is not None else ""))
        empty = export(root / "empty", root, registry_file(World([], [], np.zeros(0)), root / "none.yaml"))
        cities = [{"adcode": r["adcode"], "city": r["city"], "province": r["province"]} for r in empty["rows"]]
        for seed in range(first_seed, first_seed + worlds):
            world = build(seed, cities, extra_outlet=NEWCOMER)
            work = root / f"w{seed}"
            work.mkdir()
            registry = registry_file(world, work / "sources.yaml")
            crawled, complete = work / "crawled", work / "complete"
            ingest(crawled, work, world.articles)
            ingest(complete, work, world.full_crawl)
            truth, true_index = world.truth, world.true_index
            true_rank = competition_ranks(truth)
            naive, naive_full = world.naive(world.articles), world.naive(world.full_crawl)
            naive_shift = competition_ranks(naive) - competition_ranks(naive_full)
            results["spearman"].append(float(spearmanr(naive, truth).statistic))
            results["bias"].append(float(naive_shift[world.favoured].mean()))
            before: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
            full: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
            for variant in chosen:
                rows = before[variant] = export(crawled, work, registry, configs[variant])["rows"]
                by_code = {r["adcode"]: r for r in rows}
                index = np.array([by_code[c["adcode"]]["index"] for c in world.cities])
                spearman[variant].append(float(spearmanr(index, truth).statistic))
                full[variant] = export(complete, work, registry, configs[variant])["rows"]
                if variant in primary:  # the rank rule and the place basis change no index, interval or point rank
                    shift = places(rows, world) - places(full[variant], world)
                    bias[variant].append(float(shift[world.favoured].mean()))
                for k, c in enumerate(world.cities):
                    row = by_code[c["adcode"]]
                    hit = row["ci_low"] <= round(float(true_index[k]), 2) <= row["ci_high"]
                    width = row["ci_high"] - row["ci_low"]
                    by_rank[variant].add(group_of(true_rank[k], RANK_GROUPS), hit, width)
                    by_stories[variant].add(group_of(row["stories"], STORY_GROUPS), hit, width)
            ingest(crawled, work, world.extra)
            for variant in chosen:
                after = export(crawled, work, registry, configs[variant])["rows"]
                newcomer[variant].add(before[variant], after, full[variant], world, true_rank)
            print(f"  world {seed}: {len(world.articles):,} articles crawled of {len(world.full_crawl):,} published, "
                  f"{len(world.outlets) - 1} outlets ({time.perf_counter() - started:.0f} s)", flush=True)

    print(f"validation over {worlds} simulated worlds from seed {first_seed} (scoring/validation/world.py), "
          f"through citywatch ingest/export only{'' if resamples is None else f', {resamples} resamples'}:")
    print(f"  naive count (every mention): Spearman with truth {np.mean(results['spearman']):.3f} "
          f"(range {min(results['spearman']):.3f}-{max(results['spearman']):.3f}); "
          f"crawl-volume bias {np.mean(results['bias']):+.2f} ranks")
    for variant in chosen:
        r = spearman[variant]
        drift = f"; crawl-volume bias of the point rank {np.mean(bias[variant]):+.2f} ranks" if bias[variant] else ""
        print(f"  outlet_pooling {variant[0]}, rank_bands {variant[1]}, place_basis {variant[2]}: "
              f"Spearman of the index {np.mean(r):.3f} (range {min(r):.3f}-{max(r):.3f}){drift}")
        if bias[variant]:  # the index and its intervals depend on neither the rank rule nor the place basis
            print(f"    95% interval coverage by true rank: {by_rank[variant].line(RANK_GROUPS)}   "
                  f"(target 0.90 / 0.88 / 0.85)")
            print(f"    by stories (trials, mean interval width in index points): "
                  f"{by_stories[variant].line(STORY_GROUPS, widths=True)}")
        for line in newcomer[variant].lines():
            print(f"    {line}")


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else WORLDS)
