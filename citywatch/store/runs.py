"""Crawl run records (collection ``runs``): what each run did, per spider and per source.

A run is written by the crawler processes while they work: a heartbeat every few
seconds carries the latest counters, so a run killed with SIGKILL keeps the
figures of its last heartbeat: the next run that starts marks it ``interrupted``
once its heartbeat is older than ``STALE_AFTER``, with those figures merged into
its per-source totals and its end time at that last heartbeat (the last moment it
is known to have worked), not the moment it was found. A run can have
several spiders (feeds, sitemaps, sections) and, in distributed mode, several
processes; each writes its own ``spiders.<name>`` sub-document, so writers never
overwrite each other.

Statuses: ``running``, ``finished``, ``interrupted`` (shutdown signal or killed),
``failed`` (the crawl raised, or a process exited with an error).

``stored`` counts articles inserted or changed, never ones the store already held
unchanged (``skipped/unchanged``); ``logged_errors`` counts the ERROR lines of the
run's log that no per-source counter explains (a store outage, a crash in a stage).
"""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from pymongo.errors import DuplicateKeyError

from citywatch.store.connection import Store

STATUSES = ("running", "finished", "interrupted", "failed")
STALE_AFTER = timedelta(seconds=60)
SOURCE_PREFIX = "source/"


def new_run_id(now: datetime | None = None) -> str:
    now = now or datetime.now(UTC)
    return f"{now:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def per_source(stats: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Fold ``source/<id>/<counter>[/<key>]`` stat keys into ``{id: {counter: n | {key: n}}}``."""
    out: dict[str, dict[str, Any]] = {}
    for key, value in stats.items():
        if not key.startswith(SOURCE_PREFIX) or not isinstance(value, int | float):
            continue
        parts = key[len(SOURCE_PREFIX) :].split("/", 2)
        if len(parts) < 2:
            continue
        counters = out.setdefault(parts[0], {})
        if len(parts) == 2:
            counters[parts[1]] = counters.get(parts[1], 0) + value
        else:
            bucket = counters.setdefault(parts[1], {})
            if isinstance(bucket, dict):
                bucket[parts[2]] = bucket.get(parts[2], 0) + value
    return out


def merge_sources(spiders: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Sum the per-source counters of every spider of a run."""
    merged: dict[str, dict[str, Any]] = {}
    for spider in spiders.values():
        for source_id, counters in (spider.get("sources") or {}).items():
            target = merged.setdefault(source_id, {})
            for name, value in counters.items():
                if isinstance(value, dict):
                    bucket = target.setdefault(name, {})
                    for key, n in value.items():
                        bucket[key] = bucket.get(key, 0) + n
                else:
                    target[name] = target.get(name, 0) + value
    return merged


def closing_figures(run: Mapping[str, Any]) -> dict[str, Any]:
    """The run-level totals written when a run closes: per-source counters and ERROR log lines over its spiders."""
    spiders = run.get("spiders") or {}
    return {"sources": merge_sources(spiders),
            "logged_errors": sum(int(s.get("errors") or 0) for s in spiders.values())}


def mark_stale(store: Store, now: datetime | None = None, stale_after: timedelta = STALE_AFTER) -> list[str]:
    """Mark ``running`` runs whose heartbeat stopped as ``interrupted``, with the counters of their last
    heartbeat and ending at it; return their ids."""
    now = now or datetime.now(UTC)
    stale = list(store.runs.find({"status": "running", "heartbeat_at": {"$lt": now - stale_after}}))
    for run in stale:
        store.runs.update_one(
            {"_id": run["_id"], "status": "running"},
            {"$set": {"status": "interrupted", "ended_at": run.get("heartbeat_at") or now,
                      "note": "heartbeat stopped (process killed?)", **closing_figures(run)}},
        )
    return [run["_id"] for run in stale]


def start_run(store: Store, run_id: str, info: Mapping[str, Any], now: datetime | None = None,
              stale_after: timedelta = STALE_AFTER) -> list[str]:
    """Create the run record (or join it, for a second spider or process); returns runs marked stale."""
    now = now or datetime.now(UTC)
    stale = mark_stale(store, now, stale_after)
    try:
        store.runs.insert_one(
            {"_id": run_id, "started_at": now, "ended_at": None, "heartbeat_at": now, "status": "running",
             "host": socket.gethostname(), "pid": os.getpid(), "spiders": {}, "sources": {}, "failures": [],
             **info}
        )
    except DuplicateKeyError:
        store.runs.update_one({"_id": run_id}, {"$set": {"heartbeat_at": now, "status": "running"}})
    return stale


def record_spider(
    store: Store, run_id: str, spider: str, stats: Mapping[str, Any], state: str, now: datetime | None = None
) -> None:
    """Write one spider's counters (from the Scrapy stats collector) and refresh the heartbeat."""
    now = now or datetime.now(UTC)
    summary = {
        "state": state,
        "requests": int(stats.get("downloader/request_count", 0)),
        "responses": int(stats.get("downloader/response_count", 0)),
        "items": int(stats.get("item_scraped_count", 0)),
        "dropped": int(stats.get("item_dropped_count", 0)),
        "errors": int(stats.get("log_count/ERROR", 0)),
        "finish_reason": stats.get("finish_reason"),
        "cpu_seconds": stats.get("process_cpu_seconds"),
        "sources": per_source(stats),
        "updated_at": now,
    }
    store.runs.update_one({"_id": run_id}, {"$set": {f"spiders.{spider}": summary, "heartbeat_at": now}})


def finish_run(store: Store, run_id: str, status: str, note: str | None = None, now: datetime | None = None) -> dict:
    """Close the run: final status, end time, per-source totals over its spiders."""
    if status not in STATUSES:
        raise ValueError(f"unknown run status {status!r}")
    now = now or datetime.now(UTC)
    run = store.runs.find_one({"_id": run_id}) or {}
    update: dict[str, Any] = {"status": status, "ended_at": now, "heartbeat_at": now, **closing_figures(run)}
    if note:
        update["note"] = note
    store.runs.update_one({"_id": run_id}, {"$set": update})
    return {**run, **update}


def close_unfinished_run(store: Store, run_id: str, returncode: int, interrupted: bool, info: Mapping[str, Any]) -> None:
    """A crawl process that exited non-zero may leave its run ``running`` (or unwritten): close it.

    ``interrupted``: the process was asked to stop (SIGTERM, Ctrl-C), as opposed to failing. A process killed
    by a signal (negative ``returncode``: SIGKILL, the OOM killer) was interrupted too: it did not fail.
    """
    run = get_run(store, run_id)
    if run is not None and run.get("status") != "running":
        return
    if run is None:
        start_run(store, run_id, info)
    killed = returncode < 0
    how = f"killed by signal {-returncode}" if killed else f"exited with status {returncode}"
    finish_run(store, run_id, "interrupted" if interrupted or killed else "failed", note=f"crawl process {how}")


def add_failures(store: Store, run_id: str, failures: list[dict[str, Any]]) -> None:
    """Monitoring results (see crawler/monitors.py): shown by ``citywatch runs --failed``."""
    if failures:
        store.runs.update_one({"_id": run_id}, {"$push": {"failures": {"$each": failures}}})


def get_run(store: Store, run_id: str) -> dict | None:
    return store.runs.find_one({"_id": run_id})


def list_runs(store: Store, failed: bool = False, limit: int = 20) -> Iterator[dict]:
    """Newest first; ``failed`` keeps runs that did not finish cleanly or have monitoring failures."""
    query: dict[str, Any] = {}
    if failed:
        query = {"$or": [{"status": {"$in": ["failed", "interrupted"]}}, {"failures.0": {"$exists": True}}]}
    yield from store.runs.find(query, {"spiders": 0}).sort("started_at", -1).limit(limit)


def totals(run: Mapping[str, Any]) -> dict[str, int]:
    """Run-wide figures for one-line listings; ``errors`` are the per-source errors or, when more, the run's
    ERROR log lines (an outage logs errors that belong to no source)."""
    out = {"requests": 0, "stored": 0, "dropped": 0, "errors": 0}
    for counters in (run.get("sources") or {}).values():
        out["requests"] += int(counters.get("requests", 0))
        out["stored"] += int(counters.get("stored", 0))
        out["dropped"] += int(sum((counters.get("dropped") or {}).values()))
        out["errors"] += int(sum((counters.get("errors") or {}).values()))
    out["errors"] = max(out["errors"], int(run.get("logged_errors") or 0))
    return out


def unreached_sources(run: Mapping[str, Any]) -> list[str]:
    """Sources of the run that answered no request successfully (no status below 400): not fetched at all."""
    sources = run.get("sources") or {}
    return sorted(
        source_id for source_id in set(run.get("source_ids") or ()) | set(sources)
        if not any(int(status) < 400 for status in ((sources.get(source_id) or {}).get("responses") or {}))
    )
