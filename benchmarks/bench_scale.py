"""The store at a year of crawling: 100k articles by default, 500k and 2M with ``CITYWATCH_BENCH_SCALE``.

For each size: a command's start (``citywatch db status`` in a fresh process; it reads the trigger-kept
counts, so the store's size does not enter), the
write rate of the last batch written, the known-URL check of a 1,000-item feed
(half known), the near-duplicate index load (14-day window; measured last, with the store file evicted from the
page cache, through the window's table and, for comparison, through the date index; then warm), the review queue
page (rendered for a reviewer, fresh build), a quarter's per-day counts
(:mod:`citywatch.store.periods`), and scoring a quarter and the whole year (every
article of the store: a 500k-article period at 500,000) in fresh processes, with
their peak RSS. ``CITYWATCH_BENCH_BEFORE=/path/to/other/checkout`` scores the same
store with that checkout's code as well, before this one's, side by side. The same runs on
MongoDB when ``CITYWATCH_MONGO_URI`` is set (database ``citywatch_bench``).

Articles are article-shaped (~4 KB of text, mentions, ``city_refs``, a MinHash
signature each), dated uniformly over 2026. The store is generated once, grown
size by size, and kept in ``var/bench/scale`` (``CITYWATCH_BENCH_DIR`` to move
it) so a later run starts where the last one stopped.

``CITYWATCH_BENCH_SCALE``: comma-separated sizes, e.g. ``100000,500000,2000000``.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np

from benchmarks.bench_scoring import LABELS, _cities
from citywatch.config import PROJECT_ROOT
from citywatch.store import StoreConfig

SIZES = (100_000,)  # generated once (~15 min on this machine under load), then reused
FEED = 1000
WRITE_SAMPLE = 5000  # the write rate is measured on the last articles written to reach a size
YEAR = datetime(2026, 1, 1, tzinfo=UTC)
FILLER = ("the city government said on monday that factories in the region had resumed work after a week "
          "of disruption while exporters warned of weaker demand from europe and the united states port").split()
BENCH_DB = "citywatch_bench"
QUARTER = (date(2026, 7, 1), date(2026, 10, 1))  # the period whose day counts are read (2026-Q3)
#: The periods scored: a quarter (with the previous one, for the rank change) and the whole year, which holds
#: every generated article (a 500k-article period at 500,000).
SCORED = {"score_quarter": "2026-Q3", "score_year": "2026"}
PAGE_PASSWORD = "a reviewer password for the scale run"


def _when(i: int) -> datetime:
    return YEAR + timedelta(seconds=365 * 86400 * ((i * 0.6180339887498949) % 1.0))


def make_articles(start: int, stop: int, seed: int = 5) -> Iterator[tuple[dict, dict]]:
    """Articles ``start..stop-1`` with their signature documents; every size is a prefix of a larger one."""
    from citywatch.store.summary import city_refs
    from crawler.dedup import NUM_PERM

    cities = _cities()
    weights = [1.0 / (k + 1) for k in range(len(cities))]
    for i in range(start, stop):
        rng = random.Random(seed * 1_000_003 + i)
        mentions, parts, pos = [], [], 0
        if rng.random() < 0.35:
            for city in rng.choices(cities, weights, k=rng.choice((1, 1, 2, 3, 5))):
                flagged = rng.random() < 0.15
                label = rng.choice(LABELS)
                parts.append(f"News from {city[1]}.")
                mentions.append({"start": pos + 10, "end": pos + 10 + len(city[1]), "surface": city[1], "label": label,
                                 "confidence": 0.55 if flagged else 0.9, "flagged": flagged,
                                 "group_key": f"{city[1].lower()}|{label}|ctx{rng.randrange(40)}",
                                 "city": {"adcode": city[0], "geonameid": None, "name": city[1], "province": city[2]}})
                pos += len(parts[-1]) + 1
        text = " ".join(parts + [rng.choice(FILLER) for _ in range(650)])[:4000]
        when = _when(i)
        doc = {"url": f"https://outlet{i % 150}.example/news/{i}", "source_id": f"outlet{i % 150}",
               "title": f"Story {i}", "text": text, "lang": "en", "published_at": when, "fetched_at": when,
               "content_hash": f"{i:040x}", "cluster_id": f"c{i // 10}" if i % 10 < 2 else None, "status": "ok",
               "tagger_version": "bench", "mentions": mentions}
        doc["city_refs"] = city_refs(doc)
        sig = np.random.default_rng(i).integers(0, 2**32, NUM_PERM, dtype=np.uint64).astype("<u4").tobytes()
        yield doc, {"_id": doc["url"], "sig": sig, "cluster_id": doc["cluster_id"], "at": when}


def _grow(config: StoreConfig, done: int, size: int) -> float:
    """Write articles ``done..size-1`` (and their signatures); return the rate of the last WRITE_SAMPLE articles."""
    from citywatch.store import connect, save_articles
    from citywatch.store.articles import chunks, save_signatures

    rate = 0.0
    with connect(config) as store:
        for batch in chunks(make_articles(done, size), WRITE_SAMPLE):
            started = time.perf_counter()
            save_articles(store, [doc for doc, _ in batch])
            save_signatures(store, [sig for _, sig in batch], {})
            rate = len(batch) / (time.perf_counter() - started)
    return rate


def _subprocess(code: str, env: dict[str, str], root: Path = PROJECT_ROOT) -> tuple[float, str]:
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=root,
                         check=True, timeout=3600)
    return time.perf_counter() - started, out.stdout


def _queue_page(config: StoreConfig) -> tuple[float, int]:
    """The review app's queue page (fresh build, rendered, over ASGI) for a reviewer; (seconds, groups)."""
    import re

    from starlette.testclient import TestClient

    from citywatch.review.accounts import add_user
    from citywatch.review.web import ServeOptions, create_app
    from citywatch.store import connect

    with connect(config) as store:
        add_user(store, "bench", "reviewer", PAGE_PASSWORD)
    app = create_app(lambda: connect(config), ServeOptions(host="127.0.0.1", port=1))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        form = client.get("/login").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', form)
        assert token, "no login form"
        client.post("/login", data={"username": "bench", "password": PAGE_PASSWORD, "csrf_token": token.group(1)})
        started = time.perf_counter()
        page = client.get("/queue")
        elapsed = time.perf_counter() - started
        groups = re.search(r'id="groups-left">(\d+)<', page.text)
        assert page.status_code == 200 and groups, page.status_code
    return elapsed, int(groups.group(1))


def _measure(config: StoreConfig, env: dict[str, str], size: int) -> dict[str, float]:
    from citywatch.store import connect, known_urls
    from citywatch.store.periods import day_counts

    m: dict[str, float] = {}
    m["start_s"], _ = _subprocess("from citywatch.cli.main import main; import sys; sys.argv=['citywatch','db','status']; main()",
                                  env)
    _, out = _subprocess("import time; from citywatch.store import connect; t = time.perf_counter(); "
                         "connect().counts(); print(time.perf_counter() - t)", env)
    m["open_s"] = float(out.strip().splitlines()[-1])
    with connect(config) as store:
        rng = random.Random(size)
        feed = [f"https://outlet{i % 150}.example/news/{i}" for i in rng.sample(range(size), FEED // 2)]
        feed += [f"https://outlet7.example/news/new-{size}-{k}" for k in range(FEED - len(feed))]
        started = time.perf_counter()
        known = known_urls(store, feed)
        m["known_urls_s"] = time.perf_counter() - started
        assert len(known) == FEED // 2, len(known)
        started = time.perf_counter()
        m["period_rows"] = len(day_counts(store, QUARTER[0], QUARTER[1]))
        m["period_counts_s"] = time.perf_counter() - started
    m["queue_page_s"], m["queue_groups"] = _queue_page(config)
    for name, period in SCORED.items():
        for side, root in _checkouts():
            m[f"{name}_{side}_s"], m[f"{name}_{side}_mb"], m[f"{name}_articles"] = _score(period, env, root)
    m.update(_dedup_window(config, size))  # last: it empties the store file's page cache
    return m


def _dedup_window(config: StoreConfig, size: int) -> dict[str, float]:
    """The near-duplicate window as the crawler's start loads it (14 days back from the latest article): the
    window table's one-time fill, then loads with the store file out of the page cache and in it. Cold, the
    read through the date index is timed too (what the load was before the table), then the table's read."""
    from citywatch.store import connect, window
    from citywatch.store.lookups import dated_values, near_duplicate_window
    from crawler.dedup import NearDuplicateIndex

    since = _when(max(range(max(0, size - 2000), size), key=_when)) - timedelta(days=14)
    m: dict[str, float] = {}
    if config.uri is None:
        with connect(config) as store:
            started = time.perf_counter()
            window.cover(store, since)  # once per store (a no-op when the table already holds the window)
            m["dedup_fill_s"] = time.perf_counter() - started
    sides = [("index_cold", True), ("cold", False), ("warm", False)] if config.uri is None else [("warm", False)]
    for side, by_index in sides:
        if side != "warm":
            _evict(Path(config.location))
        started = time.perf_counter()
        with connect(config) as store:
            index = NearDuplicateIndex()
            index.extend(dated_values(store, "signatures", since, None, ("sig", "cluster_id"), binary=("sig",))
                         if by_index else near_duplicate_window(store, since))  # as the crawler's start does
        m[f"dedup_{side}_s"] = time.perf_counter() - started
        m["dedup_signatures"] = len(index)
    return m


def _evict(path: Path) -> None:
    """Drop the store file (and its WAL) from the page cache, written back first; nothing else is touched."""
    for name in (path, path.with_name(path.name + "-wal")):
        if name.exists():
            fd = os.open(name, os.O_RDONLY)
            try:
                os.fsync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def _score(period: str, env: dict[str, str], root: Path) -> tuple[float, float, int]:
    """Score ``period`` in a fresh process with the code of checkout ``root``: (seconds, peak MB, articles)."""
    elapsed, out = _subprocess(
        "import json, resource\n"
        "from citywatch.store import connect\n"
        "from scoring.ranking import compute\n"
        "from citywatch.config.scoring import load_config\n"
        "from scoring.periods import parse_period\n"
        "store = connect()\n"
        f"r = compute(store, parse_period('{period}'), load_config(), outlets={{}})\n"
        "print(json.dumps({'peak_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,"
        " 'articles': r.meta['totals']['articles']}))\n", env, root)
    scored = json.loads(out.strip().splitlines()[-1])
    return elapsed, scored["peak_mb"], scored["articles"]


def _checkouts() -> list[tuple[str, Path]]:
    """This checkout ("after"), and with ``CITYWATCH_BENCH_BEFORE`` another one ("before", run first), whose
    code scores the same store side by side (its own Python path; the same interpreter and packages)."""
    before = os.environ.get("CITYWATCH_BENCH_BEFORE")
    return [("before", Path(before)), ("after", PROJECT_ROOT)] if before else [("after", PROJECT_ROOT)]


def _sizes() -> tuple[int, ...]:
    raw = os.environ.get("CITYWATCH_BENCH_SCALE", "")
    try:
        return tuple(sorted(int(s.replace("_", "")) for s in raw.split(",") if s.strip())) or SIZES
    except ValueError:
        raise SystemExit(f"CITYWATCH_BENCH_SCALE must be comma-separated article counts, got {raw!r}") from None


def _backends() -> Iterator[tuple[str, StoreConfig, dict[str, str]]]:
    data_dir = Path(os.environ.get("CITYWATCH_BENCH_DIR") or PROJECT_ROOT / "var" / "bench" / "scale")
    env = {k: v for k, v in os.environ.items() if k != "CITYWATCH_MONGO_URI"}
    yield "embedded", StoreConfig(data_dir=data_dir, db_name=BENCH_DB), {**env, "CITYWATCH_DATA_DIR": str(data_dir),
                                                                         "CITYWATCH_DB": BENCH_DB}
    if uri := os.environ.get("CITYWATCH_MONGO_URI"):
        yield "mongodb", StoreConfig(uri=uri, db_name=BENCH_DB), {**os.environ, "CITYWATCH_DB": BENCH_DB}


def run(sizes: tuple[int, ...] | None = None) -> None:
    from citywatch.store import connect

    for backend, config, env in _backends():
        print(f"{backend} store ({config.uri and 'MongoDB' or config.data_dir}):", flush=True)
        for size in sizes or _sizes():
            with connect(config) as store:
                done = store.counts()["articles"]
            rate = 0.0
            if done < size:
                started = time.perf_counter()
                rate = _grow(config, done, size)
                print(f"  (wrote {size - done:,} articles in {time.perf_counter() - started:.0f} s)", flush=True)
            elif done > size:
                print(f"  {size:>9,}: skipped, the store already holds {done:,}")
                continue
            m = _measure(config, env, size)
            write = f"{rate:,.0f}/s" if rate else "(reused)"
            print(f"  {size:>9,}: db status {m['start_s']:.2f} s (store open + counts {m['open_s']:.3f} s) | write {write}"
                  f" | known URLs per {FEED:,}-item feed "
                  f"{m['known_urls_s']:.3f} s | {_dedup(m)}"
                  f" | queue page {m['queue_page_s']:.2f} s ({m['queue_groups']:,.0f} groups)"
                  f" | Q3 day counts {m['period_counts_s']:.2f} s ({m['period_rows']:,.0f} rows) | "
                  + " | ".join(_scored(m, name, period) for name, period in SCORED.items()), flush=True)


def _dedup(m: dict[str, float]) -> str:
    loads = " / ".join(f"{m[f'dedup_{side}_s']:.2f} s {side.replace('_', ' ')}" for side in ("index_cold", "cold", "warm")
                       if f"dedup_{side}_s" in m)
    fill = f", table filled in {m['dedup_fill_s']:.1f} s" if "dedup_fill_s" in m else ""
    return f"dedup window {loads} ({m['dedup_signatures']:,.0f} signatures{fill})"


def _scored(m: dict[str, float], name: str, period: str) -> str:
    sides = [side for side, _ in _checkouts()]
    timed = " vs ".join(f"{side} {m[f'{name}_{side}_s']:.1f} s, {m[f'{name}_{side}_mb']:.0f} MB" for side in sides)
    return f"score {period} ({m[f'{name}_articles']:,.0f} articles) {timed}"


if __name__ == "__main__":
    run()
