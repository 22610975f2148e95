"""The scheduler: job planning, catch-up, one run per job at a time, real crawls, SIGTERM and SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from citywatch.config import PROJECT_ROOT
from citywatch.config.operations import load_config
from citywatch.scheduler.jobs import DEFAULT_JOB, ScheduleError, missed_since, next_fire, plan_jobs
from citywatch.scheduler.lock import JobLock, current_lease, live_locks
from citywatch.scheduler.service import STATE, Scheduler
from citywatch.store import connect
from citywatch.store.runs import get_run
from demo_site.server import SiteServer
from demo_site.site import Site, read_outlets
from tests.crawler.conftest import FAST, OUTLETS, make_site
from tests.scheduler.conftest import many_articles, offline_sources

NEVER = "0 0 1 1 *"  # default cron that does not fire during a test


def with_schedules(path: Path, schedules: dict[str, str]) -> Path:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    for entry in raw["sources"]:
        if entry["id"] in schedules:
            entry["schedule"] = schedules[entry["id"]]
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    return path


def test_plan_groups_sources_by_cron(tmp_path: Path) -> None:
    crons = {"daily-courier": "*/30 * * * *", "le-quotidien": "*/30 * * * *", "die-rundschau": "0 3 * * *"}
    sources = with_schedules(offline_sources(tmp_path / "s.yaml"), crons)
    jobs = {job.name: job for job in plan_jobs(sources, "0 */6 * * *")}
    assert jobs["cron */30 * * * *"].sources == ("daily-courier", "le-quotidien")
    assert jobs["cron 0 3 * * *"].sources == ("die-rundschau",)
    assert set(jobs[DEFAULT_JOB].sources) == {"harbour-post", "metro-ledger"}


def test_cron_apscheduler_cannot_run_is_a_clear_error(tmp_path: Path) -> None:
    from citywatch.config.sources import SourcesError

    plain = offline_sources(tmp_path / "plain.yaml")
    with pytest.raises(ScheduleError, match="schedule.default.*'@daily'"):
        plan_jobs(plain, "@daily")
    sources = with_schedules(offline_sources(tmp_path / "s.yaml"), {"die-rundschau": "@daily"})
    with pytest.raises(SourcesError, match="die-rundschau.*'@daily' is not a 5-field cron"):
        plan_jobs(sources, "0 */6 * * *")


def test_reload_replans_jobs_and_keeps_them_on_a_bad_registry(store_env: Path, tmp_path: Path) -> None:
    from citywatch.config.sources import SourcesError

    sources = offline_sources(tmp_path / "s.yaml")
    service = Scheduler(sources, _fast_config())
    service.start()
    try:
        assert set(service.next_runs()) == {DEFAULT_JOB}
        with_schedules(sources, {"metro-ledger": "15 2 * * *"})
        service.reload()
        assert set(service.next_runs()) == {DEFAULT_JOB, "cron 15 2 * * *"}
        sources.write_text("sources: [{id: broken}]\n")
        with pytest.raises(SourcesError):
            service.reload()
        assert set(service.next_runs()) == {DEFAULT_JOB, "cron 15 2 * * *"}, "the current plan is kept"
    finally:
        service.stop()


def test_missed_runs_are_detected_once() -> None:
    now = datetime(2026, 11, 29, 13, 0, tzinfo=UTC)
    assert missed_since("0 */4 * * *", now - timedelta(days=3), now)  # 18 missed fire times -> one catch-up run
    assert not missed_since("0 */4 * * *", now - timedelta(hours=1), now)
    assert not missed_since("0 */4 * * *", None, now), "first start: nothing was missed"
    assert next_fire("0 */4 * * *", now) == datetime(2026, 11, 29, 16, 0, tzinfo=UTC)


def _fast_config() -> dict:
    return load_config(overrides={"schedule": {"default": NEVER}})


def test_run_job_crawls_monitors_and_releases(store_env: Path, tmp_path: Path) -> None:
    with SiteServer(make_site()) as server:
        sources = server.site.write_sources(tmp_path / "sources.yaml")
        service = Scheduler(sources, _fast_config(), FAST)
        (job,) = service.jobs
        with connect() as store, JobLock(store, job.name, ttl=30):
            assert service.run_job(job) is None, "another holder has the job: skipped"
        run_id = service.run_job(job)
    with connect() as store:
        run = get_run(store, run_id)
        assert run["status"] == "finished" and run["monitored_at"] is not None
        assert store.articles.count_documents({}) == len(server.site.articles)
        assert live_locks(store) == []
        assert store.collection(STATE).find_one({"_id": job.name})["last_run_id"] == run_id


def _slow_site(n: int = 40) -> Site:
    return Site(many_articles(n, ["daily-courier"]), [o for o in read_outlets(OUTLETS) if o.id == "daily-courier"],
                page_delay=0.2)


def _start_scheduler(sources: Path, config: Path, settings: dict) -> subprocess.Popen:
    command = [str(Path(sys.executable).parent / "citywatch"), "schedule", "--sources", str(sources),
               "--config", str(config)]
    for name, value in settings.items():
        command += ["-s", f"{name}={value}"]
    return subprocess.Popen(command, cwd=PROJECT_ROOT, env=dict(os.environ))


def _seed_missed_run(job: str) -> None:
    with connect() as store:
        store.collection(STATE).insert_one({"_id": job, "last_fire": datetime.now(UTC) - timedelta(days=400)})


def _wait_for_articles(minimum: int, process: subprocess.Popen, timeout: float = 90) -> dict:
    deadline = time.monotonic() + timeout
    with connect() as store:
        while time.monotonic() < deadline and process.poll() is None:
            run = store.runs.find_one({"status": "running"})
            if run and store.articles.count_documents({}) >= minimum:
                return run
            time.sleep(0.2)
    pytest.fail("the scheduled crawl did not get going")


SLOW = {**FAST, "CONCURRENT_REQUESTS": 2, "CONCURRENT_REQUESTS_PER_DOMAIN": 2, "STORE_BATCH": 5, "RUN_STALE_SECONDS": 1}


def test_sigterm_finishes_in_flight_items_and_records_interrupted(store_env: Path, tmp_path: Path) -> None:
    config = tmp_path / "ops.yaml"
    config.write_text(yaml.safe_dump({"schedule": {"default": NEVER}}))
    with SiteServer(_slow_site()) as server:
        sources = server.site.write_sources(tmp_path / "sources.yaml")
        _seed_missed_run(DEFAULT_JOB)  # the machine was off for a year: one catch-up run at start
        scheduler = _start_scheduler(sources, config, SLOW)
        run = _wait_for_articles(5, scheduler)
        scheduler.send_signal(signal.SIGTERM)
        assert scheduler.wait(timeout=60) == 0
        fetched = {path for path, n in server.hits.items() if path.endswith(".html")}
    with connect() as store:
        stopped = get_run(store, run["_id"])
        stored = [d["_id"] for d in store.articles.find({}, {"_id": 1})]
        assert store.runs.count_documents({}) == 1, "the missed runs coalesced into one"
        assert live_locks(store) == []
    assert stopped["status"] == "interrupted"
    assert all(s["state"] == "shutdown" for s in stopped["spiders"].values())
    assert len(stored) == len(set(stored)) < 40, "stopped mid-run"
    assert {"/" + url.split("/", 3)[3] for url in stored} == fetched, \
        "every page fetched was stored (items in flight finished)"


def test_sigkill_of_scheduler_and_crawl_then_restart(store_env: Path, tmp_path: Path) -> None:
    """A machine crash: scheduler and crawl die; the next scheduler takes the expired lock and completes."""
    config = tmp_path / "ops.yaml"
    config.write_text(yaml.safe_dump({"schedule": {"default": NEVER}, "lock": {"ttl_seconds": 2}}))
    with SiteServer(_slow_site()) as server:
        sources = server.site.write_sources(tmp_path / "sources.yaml")
        _seed_missed_run(DEFAULT_JOB)
        scheduler = _start_scheduler(sources, config, SLOW)
        killed = _wait_for_articles(5, scheduler)
        os.kill(scheduler.pid, signal.SIGKILL)
        os.kill(killed["pid"], signal.SIGKILL)  # the crawl child runs in its own session
        scheduler.wait()
        with connect() as store:
            stored_at_kill = {d["_id"] for d in store.articles.find({}, {"_id": 1})}
            assert current_lease(store, DEFAULT_JOB)["released_at"] is None, "the dead holder left its lease"
        hits_at_kill = dict(server.hits)
        time.sleep(2.5)  # lease ttl and run heartbeat run out

        service = Scheduler(sources, load_config(config), SLOW)
        restarted = service.run_job(service.jobs[0])
    assert restarted is not None, "the expired lease was taken over"
    with connect() as store:
        ids = [d["_id"] for d in store.articles.find({}, {"_id": 1})]
        assert get_run(store, killed["_id"])["status"] == "interrupted"
        assert get_run(store, restarted)["status"] == "finished"
        assert current_lease(store, DEFAULT_JOB)["generation"] == 2
    assert len(ids) == len(set(ids)) == 40, "nothing lost, nothing twice"
    assert 5 <= len(stored_at_kill) < 40
    for article_id in stored_at_kill:  # stored before the crash: not fetched again
        path = "/" + article_id.split("/", 3)[3]
        assert server.hits[path] == hits_at_kill[path] == 1


def _gone(pid: int) -> bool:
    try:
        return "\nState:\tZ" in Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True


def test_the_crawl_renews_its_lease_and_dies_with_its_scheduler(store_env: Path, tmp_path: Path) -> None:
    """A frozen scheduler cannot renew; its crawl does, so nobody takes over a job that is still crawling.
    A killed scheduler takes its crawl along, so the lease then really runs out and the job can run again."""
    config = tmp_path / "ops.yaml"
    config.write_text(yaml.safe_dump({"schedule": {"default": NEVER}, "lock": {"ttl_seconds": 2}}))
    with SiteServer(_slow_site(60)) as server:
        sources = server.site.write_sources(tmp_path / "sources.yaml")
        _seed_missed_run(DEFAULT_JOB)
        scheduler = _start_scheduler(sources, config, {**SLOW, "RUN_HEARTBEAT_SECONDS": 0.3})
        crawl_pid = None
        try:
            running = _wait_for_articles(3, scheduler)
            crawl_pid = running["pid"]
            scheduler.send_signal(signal.SIGSTOP)  # frozen: its lock heartbeat stops
            time.sleep(5)  # more than twice the 2 s lease
            other = Scheduler(sources, load_config(config), SLOW)
            assert other.run_job(other.jobs[0]) is None, "the lease is live: the crawl renews it"
            with connect() as store:
                assert current_lease(store, DEFAULT_JOB)["generation"] == 1
            scheduler.send_signal(signal.SIGKILL)
            scheduler.wait()
            deadline = time.monotonic() + 30
            while not _gone(crawl_pid) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert _gone(crawl_pid), "the crawl stopped with its scheduler"
        finally:
            if scheduler.poll() is None:
                scheduler.kill()
                scheduler.wait()
            if crawl_pid is not None and not _gone(crawl_pid):
                os.kill(crawl_pid, signal.SIGKILL)
        time.sleep(2.5)  # the lease runs out: nobody renews it any more
        restarted = other.run_job(other.jobs[0])
    with connect() as store:
        assert get_run(store, running["_id"])["status"] == "interrupted"
        assert get_run(store, restarted)["status"] == "finished"
        ids = [d["_id"] for d in store.articles.find({}, {"_id": 1})]
    assert len(ids) == len(set(ids)) == 60
