"""Run records: per-source folding of stat keys, stale detection, listing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from citywatch.store.runs import (
    add_failures,
    finish_run,
    get_run,
    list_runs,
    mark_stale,
    per_source,
    record_spider,
    start_run,
    totals,
)

STATS = {
    "downloader/request_count": 5,
    "source/a/requests": 3,
    "source/a/responses/200": 2,
    "source/a/responses/404": 1,
    "source/a/stored": 2,
    "source/a/errors/http_404": 1,
    "source/b/dropped/robots_txt": 1,
    "source/b/requests": 2,
}


def test_per_source_folds_stat_keys() -> None:
    assert per_source(STATS) == {
        "a": {"requests": 3, "responses": {"200": 2, "404": 1}, "stored": 2, "errors": {"http_404": 1}},
        "b": {"dropped": {"robots_txt": 1}, "requests": 2},
    }


def test_run_lifecycle_and_stale_runs(store) -> None:
    t0 = datetime(2026, 11, 1, tzinfo=UTC)
    start_run(store, "r1", {"expected_spiders": ["feeds", "sitemaps"]}, now=t0)
    record_spider(store, "r1", "feeds", STATS, "finished", now=t0)
    record_spider(store, "r1", "sitemaps", {"source/a/stored": 1, "source/a/requests": 1}, "finished", now=t0)
    run = finish_run(store, "r1", "finished", now=t0 + timedelta(seconds=9))
    assert run["sources"]["a"]["stored"] == 3 and run["sources"]["a"]["requests"] == 4
    assert totals(run) == {"requests": 6, "stored": 3, "dropped": 1, "errors": 1}

    start_run(store, "r2", {}, now=t0 + timedelta(minutes=1))  # then killed: no heartbeat any more
    assert mark_stale(store, now=t0 + timedelta(minutes=1, seconds=30)) == []
    stale = start_run(store, "r3", {}, now=t0 + timedelta(minutes=5))
    assert stale == ["r2"] and get_run(store, "r2")["status"] == "interrupted"
    add_failures(store, "r3", [{"source": "a", "check": "no_items"}])
    finish_run(store, "r3", "finished", now=t0 + timedelta(minutes=6))
    assert [r["_id"] for r in list_runs(store)] == ["r3", "r2", "r1"]
    assert [r["_id"] for r in list_runs(store, failed=True)] == ["r3", "r2"]


def test_a_stale_run_keeps_its_last_heartbeat_and_a_killed_one_is_interrupted(store) -> None:
    from citywatch.store.runs import close_unfinished_run, unreached_sources

    t0 = datetime(2026, 11, 1, tzinfo=UTC)
    start_run(store, "killed", {"source_ids": ["a", "b"]}, now=t0)
    record_spider(store, "killed", "feeds", STATS, "running", now=t0 + timedelta(seconds=20))  # last heartbeat
    assert mark_stale(store, now=t0 + timedelta(minutes=5)) == ["killed"]
    run = get_run(store, "killed")
    assert run["status"] == "interrupted"
    assert run["ended_at"] == t0 + timedelta(seconds=20), "it ended at its last heartbeat, not when it was found"
    assert totals(run) == {"requests": 5, "stored": 2, "dropped": 1, "errors": 1}, "the heartbeat's counters count"
    assert unreached_sources(run) == ["b"], "b answered nothing"

    start_run(store, "child-killed", {}, now=t0)
    close_unfinished_run(store, "child-killed", -9, False, {})
    assert get_run(store, "child-killed")["status"] == "interrupted"
    start_run(store, "child-crashed", {}, now=t0)
    close_unfinished_run(store, "child-crashed", 1, False, {})
    assert get_run(store, "child-crashed")["status"] == "failed"


def test_log_errors_outside_any_source_reach_the_summary(store) -> None:
    t0 = datetime(2026, 11, 1, tzinfo=UTC)
    start_run(store, "outage", {}, now=t0)
    record_spider(store, "outage", "feeds", {**STATS, "log_count/ERROR": 2, "source/a/errors/http_404": 0}, "finished",
                  now=t0)
    run = finish_run(store, "outage", "finished", now=t0)
    assert run["logged_errors"] == 2 and totals(run)["errors"] == 2
