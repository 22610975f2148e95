"""Scoring at scale: time and peak memory to score 25k, 50k and 200k stored articles (embedded store).

The articles are generated (short bodies, realistic mention mix: ~35% mention a
city, Zipf-distributed over 300 cities, 10% syndicated copies, 40 outlets) and
written through ``save_articles`` with their ``city_refs`` summaries, as the
crawler writes them. They span 2026-Q2 and 2026-Q3, and scoring 2026-Q3 reads
both (the previous quarter gives the rank change), so every stored article is
read. Each measurement runs in a fresh subprocess so that its peak RSS is the
scoring's own. A last line measures the one-off cost of a store whose articles
lack summaries (computed and written back on first scoring).
"""

from __future__ import annotations

import hashlib
import json
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

SIZES = (25_000, 50_000, 200_000)
COLD_SIZE = 5_000
LABELS = ["LITERAL"] * 6 + ["METONYMIC"] * 3 + ["ORG_PART"]


def _cities() -> list[tuple[str, str, str]]:
    from nlp import gazetteer

    return [(c.adcode, c.name, c.province) for c in gazetteer.load().ranked()][:300]


def make_articles(start: int, stop: int, seed: int = 11, summaries: bool = True):
    """Articles ``start..stop-1`` of a deterministic stream (a size is a prefix of a larger size)."""
    from citywatch.store.summary import city_refs

    cities = _cities()
    weights = [1.0 / (k + 1) for k in range(len(cities))]
    t0 = datetime(2026, 4, 1, tzinfo=UTC)
    span = (datetime(2026, 10, 1, tzinfo=UTC) - t0).total_seconds()
    for i in range(start, stop):
        rng = random.Random(seed * 1_000_003 + i)
        cluster = f"c{i // 10}" if i % 10 < 2 else None  # pairs of syndicated copies
        mentions, parts, pos = [], [], 0
        if rng.random() < 0.35:
            for city in rng.choices(cities, weights, k=rng.choice((1, 1, 2, 3, 5))):
                label = rng.choice(LABELS)
                surface = city[1]
                parts.append(f"News from {surface}.")
                mentions.append({"start": pos + 10, "end": pos + 10 + len(surface), "surface": surface, "label": label,
                                 "confidence": 0.9, "flagged": False,
                                 "city": {"adcode": city[0], "geonameid": None, "name": city[1], "province": city[2]}})
                pos += len(parts[-1]) + 1
        text = " ".join(parts) or "Markets were calm on the day."
        when = t0 + timedelta(seconds=span * ((i * 7919) % stop) / stop)
        doc = {"url": f"https://outlet{i % 40}.example/{i}", "source_id": f"outlet{i % 40}", "title": f"Story {i}",
               "text": text, "lang": "en", "published_at": when, "fetched_at": when,
               "content_hash": hashlib.sha1(text.encode()).hexdigest(), "cluster_id": cluster, "status": "ok",
               "tagger_version": "bench", "mentions": mentions}
        if summaries:
            doc["city_refs"] = city_refs(doc)
        yield doc


def _score(data_dir: Path) -> dict:
    """Run one scoring in a subprocess; return its wall time and peak RSS."""
    code = (
        "import json, resource, sys, time\n"
        "from pathlib import Path\n"
        "from citywatch.store import StoreConfig, connect\n"
        "from scoring.ranking import compute\n"
        "from citywatch.config.scoring import load_config\n"
        "from scoring.periods import parse_period\n"
        "store = connect(StoreConfig(data_dir=Path(sys.argv[1])))\n"
        "store.articles.find_one({})\n"
        "t = time.perf_counter()\n"
        "r = compute(store, parse_period('2026-Q3'), load_config(), outlets={})\n"
        "elapsed = time.perf_counter() - t\n"
        "print(json.dumps({'seconds': elapsed, 'peak_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,"
        " 'articles': r.meta['totals']['articles'], 'repaired': r.repaired,"
        " 'top': r.rows[0]['city']}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(data_dir)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(sizes: tuple[int, ...] = SIZES) -> None:
    from citywatch.store import StoreConfig, connect, save_articles

    print("scoring 2026-Q3 (+ 2026-Q2 for rank change), bootstrap 500 resamples, embedded store:")
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        done = 0
        for size in sizes:
            with connect(StoreConfig(data_dir=data_dir)) as store:
                started = time.perf_counter()
                save_articles(store, make_articles(done, size))
                print(f"  (generated {size - done:,} articles in {time.perf_counter() - started:.0f} s)", flush=True)
            done = size
            m = _score(data_dir)
            print(f"  {size:>8,} stored ({m['articles']:,} in Q3): {m['seconds']:6.1f} s, peak RSS {m['peak_mb']:5.0f} MB, "
                  f"{size / m['seconds']:7,.0f} articles/s   (target at 200,000: < 60 s, < 1024 MB)",
                  flush=True)
        cold = Path(tmp) / "cold"
        with connect(StoreConfig(data_dir=cold)) as store:
            save_articles(store, make_articles(0, COLD_SIZE, summaries=False))
        first, second = _score(cold), _score(cold)
        print(f"  without stored summaries, {COLD_SIZE:,} articles: first scoring {first['seconds']:.1f} s "
              f"(computes and writes back {first['repaired']:,} summaries), then {second['seconds']:.1f} s")


if __name__ == "__main__":
    run(tuple(int(a) for a in sys.argv[1:]) or SIZES)
