"""Write rate of the scale store against an empty store, side by side, per SQLite page cache size (#17).

The scale benchmark's write figure is the last batch it generated, at whatever state the
machine's page cache was in. Here ``BATCHES`` x ``BATCH`` articles (with their signatures,
through ``save_articles`` + ``save_signatures``, as the crawler writes) go into an empty store and
into the scale store (``var/bench/scale``, ``CITYWATCH_BENCH_DIR``; made by ``python -m
benchmarks scale``) alternately, ``ROUNDS`` times, once for each cache size of
``CITYWATCH_BENCH_CACHE_MB`` (default ``0,256``: SQLite's own 2 MB, then the store's default).
What it wrote into the scale store is deleted afterwards (the triggers keep the summaries),
so the store keeps its size. Under load from other jobs the rates swing by up to 2x; the
per-article CPU time and bytes (``/proc/self/io``: read by SQLite from the page cache or
the disk, read from the disk, written) do not, so they are printed beside the ratio.

``CITYWATCH_BENCH_COLD=1`` evicts the scale store's file from the page cache before each of
its runs (``posix_fadvise``, that file only). ``CITYWATCH_BENCH_DATES`` says how the articles are
dated: ``year`` (the default: published, fetched and signed at random over 2026, as ``db migrate``
copies a store), ``recent`` (everything after all that is stored, as a crawl writes) or ``ingest``
(published at random over 2026, fetched and signed at the time of writing, as ``citywatch ingest``
writes a corpus).
"""

from __future__ import annotations

import os
import random
import shutil
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.bench_scale import BENCH_DB, make_articles
from citywatch.config import PROJECT_ROOT
from citywatch.store import StoreConfig

BATCH = 1000
BATCHES = 4
ROUNDS = 2
FIRST_ID = 20_000_000  # far above any generated store's ids, so the URLs are new and spread over the key index
AFTER_EVERYTHING = datetime(2027, 1, 1, tzinfo=UTC)  # the scale store's articles are dated in 2026
DATES = ("year", "recent", "ingest")  # CITYWATCH_BENCH_DATES, see the module's docstring


def _io() -> dict[str, int]:
    with open("/proc/self/io") as f:
        return {key: int(value) for key, value in (line.split(": ") for line in f.read().splitlines())}


def _articles(start: int, stop: int, dates: str) -> list[tuple[dict, dict]]:
    from citywatch.store.summary import city_refs

    items = list(make_articles(start, stop))
    for offset, (doc, sig) in enumerate(items):
        now = AFTER_EVERYTHING + timedelta(seconds=10 * offset)
        if dates == "recent":
            doc["published_at"] = now
        if dates in {"recent", "ingest"}:
            doc["fetched_at"] = sig["at"] = now
            doc["city_refs"] = city_refs(doc)
    return items


def _write(config: StoreConfig, start: int, dates: str, written: list[str]) -> dict[str, float]:
    """Write BATCHES x BATCH articles from id ``start``, their URLs added to ``written`` before each batch goes in;
    the rate and, per article, CPU ms and KiB of I/O."""
    from citywatch.store import connect, save_articles
    from citywatch.store.articles import save_signatures

    seconds, cpu, io = 0.0, 0.0, _io()
    with connect(config) as store:
        for batch in range(BATCHES):
            items = _articles(start + batch * BATCH, start + (batch + 1) * BATCH, dates)
            written.extend(doc["url"] for doc, _ in items)  # an article's _id and its signature's
            started, started_cpu = time.perf_counter(), time.process_time()
            save_articles(store, [doc for doc, _ in items])
            save_signatures(store, [sig for _, sig in items], {})
            seconds += time.perf_counter() - started
            cpu += time.process_time() - started_cpu
    n, after = BATCH * BATCHES, _io()
    return {"rate": n / seconds, "cpu_ms": cpu * 1000 / n,
            **{key: (after[key] - io[key]) / 1024 / n for key in ("rchar", "read_bytes", "wchar")}}


def _delete(config: StoreConfig, ids: list[str]) -> None:
    """Delete the articles and signatures of ``ids`` (the triggers keep the summaries)."""
    from citywatch.store import connect
    from citywatch.store.embedded import write_transaction

    with connect(config) as store, write_transaction(store.sql):
        keys = [store.engine._storage_key(one) for one in ids]
        for first in range(0, len(keys), 500):
            chunk = keys[first : first + 500]
            for collection in ("articles", "signatures"):
                store.sql.execute(f"DELETE FROM documents WHERE db_name = ? AND coll_name = ? AND storage_key IN "
                                  f"({', '.join('?' * len(chunk))})", [config.db_name, collection, *chunk])


def _evict(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def run() -> None:
    from citywatch.store import connect

    scale = Path(os.environ.get("CITYWATCH_BENCH_DIR") or PROJECT_ROOT / "var" / "bench" / "scale")
    big_file = scale / f"{BENCH_DB}.sqlite"
    if not big_file.exists():
        print(f"no scale store at {scale} (python -m benchmarks scale makes one): skipped", flush=True)
        return
    caches = [int(mb) for mb in os.environ.get("CITYWATCH_BENCH_CACHE_MB", "0,256").split(",")]
    cold, dates = os.environ.get("CITYWATCH_BENCH_COLD") == "1", os.environ.get("CITYWATCH_BENCH_DATES", "year")
    if dates not in DATES:
        raise SystemExit(f"CITYWATCH_BENCH_DATES={dates!r}: expected one of {', '.join(DATES)}")
    empty_dir = scale.parent / "writes-empty"
    with connect(StoreConfig(data_dir=scale, db_name=BENCH_DB)) as store:
        size = store.counts()["articles"]
    print(f"{BATCHES} x {BATCH:,} articles, empty store vs {size:,}; dates {dates}, "
          f"scale store {'evicted before each run' if cold else 'as the page cache holds it'}", flush=True)
    for round_ in range(ROUNDS):
        for cache_mb in caches:
            big = StoreConfig(data_dir=scale, db_name=BENCH_DB, cache_mb=cache_mb)
            shutil.rmtree(empty_dir, ignore_errors=True)
            empty = _write(StoreConfig(data_dir=empty_dir, db_name=BENCH_DB, cache_mb=cache_mb), 0, dates, [])
            shutil.rmtree(empty_dir, ignore_errors=True)
            if cold:
                _evict(big_file)
            written: list[str] = []
            try:
                full = _write(big, FIRST_ID + random.randrange(10_000) * BATCH * BATCHES, dates, written)
            finally:
                _delete(big, written)
            print(f"  round {round_ + 1}, cache {cache_mb or 'SQLite default'} MB: {empty['rate']:.0f}/s empty, "
                  f"{full['rate']:.0f}/s at {size:,}: ratio {full['rate'] / empty['rate']:.2f} | per article: CPU "
                  f"{empty['cpu_ms']:.2f} -> {full['cpu_ms']:.2f} ms, read {empty['rchar']:.0f} -> {full['rchar']:.0f} KiB "
                  f"(disk {empty['read_bytes']:.0f} -> {full['read_bytes']:.0f}), written {empty['wchar']:.0f} -> "
                  f"{full['wchar']:.0f} KiB", flush=True)
