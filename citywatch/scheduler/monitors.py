"""Post-run monitoring: per-source checks on a finished run record, compared with the source's recent runs.

Why not Spidermon (1.27 is installed): Spidermon monitors run inside one Scrapy
process at ``spider_closed`` and see that spider's stats. A citywatch run is three
spiders (feeds, sitemaps, sections) in one process - and in distributed mode
several processes - merged only in the run record; "normally yields items"
needs the source's history, which lives in the store; and a crawl killed with
SIGKILL never reaches ``spider_closed``. So the checks read the run record after
the crawl process has exited (``run_crawl`` and the scheduler call
:func:`monitor_run`), which covers every run however it ended. They stay plain
functions over counters, easy to test without a crawl.

Checks, per source of the run (thresholds in the ``monitoring`` section of the
operations config, see ``citywatch/config/operations-defaults.yaml``):

* ``no_items`` - nothing listed at all (no article stored, dropped or skipped) while
  the source listed items in most of its recent runs;
* ``error_rate`` - errors / requests above the threshold;
* ``extraction_failures`` - pages that could not be extracted (unparseable, binary, extractor
  error or crash, not text) or came out too short, as a share of the articles fetched;
* ``robots_blocked`` - robots.txt refused requests, and did not in the previous run;
* ``address_silent`` - one registry address (feed, sitemap, section page) listed no entries
  this run (it failed, or answered with nothing) while it listed some in most of its
  recent runs: the outlet moved or dropped that feed even if its other addresses still
  yield. A 304 Not Modified is quiet, not silent.

In distributed mode (the run is listed in ``run_rounds``, see :mod:`crawler.distributed`)
``no_items`` looks at the whole round: another process may have read the feed.

Failures are pushed onto the run's ``failures`` list (``store.runs.add_failures``),
which ``citywatch runs --failed`` shows, logged, and sent to the configured
webhook / e-mail recipients (:mod:`scheduler.alerts`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from citywatch.store import Store
from citywatch.store.runs import add_failures, get_run, merge_sources
from crawler.singletons import address_url

logger = logging.getLogger(__name__)
EXTRACTION_DROPS = ("unparseable", "binary", "not_text", "extraction_error", "extraction_crashed")
HISTORY_SCAN = 50  # recent runs read once to find each source's history


def _total(value: Any) -> int:
    return int(sum(value.values())) if isinstance(value, Mapping) else int(value or 0)


def listed(counters: Mapping[str, Any]) -> int:
    """Article links the source produced: stored, dropped or skipped for any reason."""
    return _total(counters.get("stored")) + _total(counters.get("dropped")) + _total(counters.get("skipped"))


def run_sources(run: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Per-source counters; a killed run has only its spiders' last heartbeat, merged here."""
    sources = dict(run.get("sources") or merge_sources(run.get("spiders") or {}))
    for source_id in run.get("source_ids") or ():
        sources.setdefault(source_id, {})
    return sources


def _failure(source_id: str, check: str, message: str, value: float, threshold: float | None) -> dict[str, Any]:
    return {"source": source_id, "check": check, "message": f"{source_id}: {message}", "value": value,
            "threshold": threshold, "at": datetime.now(UTC)}


def check_source(source_id: str, counters: Mapping[str, Any], history: Sequence[Mapping[str, Any]],
                 limits: Mapping[str, Any], round_counters: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """The checks for one source; ``history`` holds its counters in earlier runs, newest first.

    ``round_counters``: in distributed mode, the source's counters summed over every
    process of the round - another process may have read this source's feed.
    """
    failures = []
    requests = _total(counters.get("requests"))
    errors = _total(counters.get("errors"))
    dropped = counters.get("dropped") or {}
    items = listed(round_counters if round_counters is not None else counters)

    with_items = sum(1 for past in history if listed(past) > 0)
    if items == 0 and with_items >= limits["min_history_with_items"]:
        failures.append(_failure(source_id, "no_items",
                                 f"no items this run, although {with_items} of its last {len(history)} runs had some",
                                 0, limits["min_history_with_items"]))

    if requests >= limits["min_requests"] and errors / requests > limits["error_rate"]:
        failures.append(_failure(source_id, "error_rate", f"{errors} errors in {requests} requests",
                                 round(errors / requests, 3), limits["error_rate"]))

    failed = sum(int(dropped.get(reason, 0)) for reason in EXTRACTION_DROPS) + _total(counters.get("too_short"))
    articles = _total(counters.get("stored")) + sum(int(dropped.get(reason, 0)) for reason in EXTRACTION_DROPS)
    if articles >= limits["min_articles"] and failed / articles > limits["extraction_failure_rate"]:
        failures.append(_failure(source_id, "extraction_failures",
                                 f"{failed} of {articles} pages could not be extracted or were too short",
                                 round(failed / articles, 3), limits["extraction_failure_rate"]))

    blocked = int(dropped.get("robots_txt", 0))
    before = int((history[0].get("dropped") or {}).get("robots_txt", 0)) if history else 0
    if blocked and not before:
        failures.append(_failure(source_id, "robots_blocked", f"robots.txt now refuses {blocked} request(s)",
                                 blocked, None))
    return failures + silent_addresses(source_id, round_counters if round_counters is not None else counters,
                                       history, limits)


def silent_addresses(source_id: str, counters: Mapping[str, Any], history: Sequence[Mapping[str, Any]],
                     limits: Mapping[str, Any]) -> list[dict[str, Any]]:
    """``address_silent`` for each address of this run that listed nothing but usually lists entries."""
    listed_now = counters.get("addresses") or {}
    unchanged = counters.get("addresses_unchanged") or {}
    failures = []
    for key, entries in sorted(listed_now.items()):
        if entries or unchanged.get(key):
            continue
        yielded = sum(1 for past in history if (past.get("addresses") or {}).get(key, 0) > 0)
        if yielded >= limits["min_history_with_items"]:
            failures.append(_failure(source_id, "address_silent",
                                     f"{address_url(key)} listed nothing this run, although it listed entries "
                                     f"in {yielded} of its last {len(history)} runs", 0, limits["min_history_with_items"]))
    return failures


def source_history(store: Store, run: Mapping[str, Any], source_ids: list[str], depth: int) -> dict[str, list[dict]]:
    """Each source's counters in the finished runs before ``run``, newest first (one query)."""
    history: dict[str, list[dict]] = {s: [] for s in source_ids}
    earlier = store.runs.find(
        {"_id": {"$ne": run["_id"]}, "status": "finished", "started_at": {"$lt": run["started_at"]}},
        {"sources": 1},
    ).sort("started_at", -1).limit(HISTORY_SCAN)
    for past in earlier:
        for source_id, counters in (past.get("sources") or {}).items():
            if source_id in history and len(history[source_id]) < depth:
                history[source_id].append(counters)
    return history


def check_run(store: Store, run: Mapping[str, Any], limits: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every check on every source of a finished run; a failed run is one run-wide failure.

    An interrupted run (stopped on purpose or killed) is not judged: its counters
    are partial, and ``citywatch runs --failed`` lists it anyway.
    """
    if run.get("status") == "failed":
        return [_failure("*", "run_failed", run.get("note") or "the crawl process failed", 1, None)]
    if run.get("status") != "finished":
        return []
    sources = run_sources(run)
    history = source_history(store, run, sorted(sources), int(limits["history_runs"]))
    whole_round = round_sources(store, run["_id"])
    failures = []
    for source_id, counters in sorted(sources.items()):
        failures += check_source(source_id, counters, history[source_id], limits,
                                 None if whole_round is None else whole_round.get(source_id, {}))
    return failures


def round_sources(store: Store, run_id: str) -> dict[str, dict[str, Any]] | None:
    """For a run of a distributed round: per-source counters summed over every run (process) of the
    round, running ones included; None for a local run."""
    from crawler.distributed import RUN_ROUNDS

    mine = store.collection(RUN_ROUNDS).find_one({"_id": run_id})
    if mine is None:
        return None
    members = [m["_id"] for m in store.collection(RUN_ROUNDS).find({"round": mine["round"]}, {"_id": 1})]
    runs = store.runs.find({"_id": {"$in": members[:100]}}, {"sources": 1, "spiders": 1, "source_ids": 1})
    return merge_sources({run["_id"]: {"sources": run_sources(run)} for run in runs})


def monitor_run(store: Store, run_id: str, config: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """Check a run once, record and log its failures, send alerts; returns the failures."""
    from citywatch.config.operations import load_config
    from citywatch.scheduler.alerts import send_alerts

    config = config or load_config()
    run = get_run(store, run_id)
    if run is None or run.get("monitored_at"):
        return []
    failures = check_run(store, run, config["monitoring"])
    store.runs.update_one({"_id": run_id}, {"$set": {"monitored_at": datetime.now(UTC)}})
    add_failures(store, run_id, failures)
    for failure in failures:
        logger.warning("run %s: %s (%s)", run_id, failure["message"], failure["check"])
    if failures:
        send_alerts(run_id, failures, config["alerts"])
    return failures
