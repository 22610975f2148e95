"""The long-running scheduler behind ``citywatch schedule``: APScheduler cron jobs that run crawls.

* One APScheduler job per cron group (:mod:`scheduler.jobs`), ``max_instances=1``,
  ``coalesce=True`` and a ``misfire_grace_time``: a run that is late because the
  process was busy starts late, and several missed fire times become one run.
* Runs missed while no scheduler was running (machine off) are found from the
  last fire time kept in the ``schedule_state`` collection: one catch-up run at
  start, however many were missed.
* Every run takes the job's store lock first (:class:`scheduler.lock.JobLock`), so
  schedulers on several machines never run the same job twice at once.
* The crawl is a child process (``crawler.run``'s command line), so the
  scheduler can pass SIGTERM on: Scrapy then finishes the requests and items in
  flight, flushes the store and records the run ``interrupted``. The child stops
  by itself when the scheduler dies (SIGKILL, OOM), and it renews the job's lease
  from its own heartbeat: an expired lease means no crawl of that job is running,
  so a second scheduler taking it over never overlaps an orphan.
* After every run :func:`crawler.monitors.monitor_run` checks it and sends alerts.
* With ``CITYWATCH_REDIS_URL`` set, every crawl joins the current Redis round
  (:mod:`crawler.distributed`), and the job lock is per machine: schedulers on
  several machines run the same job at the same time, sharing its queue.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import threading
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from citywatch.scheduler.jobs import Job, ScheduleError, missed_since, plan_jobs
from citywatch.scheduler.lock import JobLock, LockHeld
from citywatch.store import STORE_FAILURES, connect, translate
from crawler.distributed import ENV_URL

logger = logging.getLogger(__name__)
STATE = "schedule_state"


class Scheduler:
    def __init__(self, sources_file: Path, config: Mapping[str, Any],
                 settings: Mapping[str, Any] | None = None) -> None:
        self.sources_file = Path(sources_file)
        self.config = config
        self.settings = dict(settings or {})
        self.jobs = plan_jobs(self.sources_file, config["schedule"]["default"])
        self.children: dict[str, subprocess.Popen] = {}
        self.children_lock = threading.Lock()
        self.stopping = threading.Event()
        self.scheduler: Any = None

    # --- one run ---------------------------------------------------------------
    def run_job(self, job: Job) -> str | None:
        """Run ``job`` once if its lock is free; returns the run id, or None when skipped."""
        from citywatch.scheduler.monitors import monitor_run
        from citywatch.store.runs import close_unfinished_run, new_run_id
        from crawler.run import crawl_command, spawn_crawl

        if self.stopping.is_set():
            return None
        with connect() as store:
            lock = JobLock(store, self.lock_name(job), float(self.config["lock"]["ttl_seconds"]), connect=connect,
                           on_lost=lambda _: self.terminate_child(job.name))
            try:
                lock.acquire()
            except LockHeld as exc:
                logger.info("skipping %s: %s", job.name, exc)
                return None
            try:
                run_id = new_run_id()
                store.collection(STATE).update_one(
                    {"_id": job.name},
                    {"$set": {"last_fire": datetime.now(UTC), "last_run_id": run_id, "cron": job.cron}}, upsert=True)
                logger.info("job %s: crawl %s of %d source(s)", job.name, run_id, len(job.sources))
                settings = {**self.crawl_settings(), "CITYWATCH_LEASE": lock.crawl_setting()}  # the crawl renews it
                command = crawl_command(self.sources_file, run_id, list(job.sources), None, settings)
                with self.children_lock:
                    if self.stopping.is_set():
                        return None
                    # own session: a terminal's Ctrl-C reaches only the scheduler, which passes
                    # SIGTERM on once (a second signal would make Scrapy stop uncleanly)
                    child = spawn_crawl(command, start_new_session=True)
                    self.children[job.name] = child
                try:
                    returncode = child.wait()
                finally:
                    with self.children_lock:
                        self.children.pop(job.name, None)
                try:
                    if returncode != 0:
                        close_unfinished_run(store, run_id, returncode, self.stopping.is_set(),
                                             {"sources_file": str(self.sources_file)})
                    monitor_run(store, run_id, self.config)
                except STORE_FAILURES as exc:  # the next run that reaches the store marks it (stale heartbeat)
                    logger.error("run %s not closed or monitored: %s", run_id, translate(exc, store.location))
                return run_id
            finally:
                lock.release()

    @staticmethod
    def lock_name(job: Job) -> str:
        """The job's lock; in distributed mode one per machine, since the machines share each run's queue."""
        return f"{job.name}@{socket.gethostname()}" if os.environ.get(ENV_URL) else job.name

    def crawl_settings(self) -> dict[str, Any]:
        """The Scrapy overrides of one crawl: in distributed mode, joining the current Redis round."""
        if os.environ.get(ENV_URL):
            from crawler.distributed import distributed_settings

            return {**distributed_settings(), **self.settings}
        return self.settings

    def terminate_child(self, job_name: str) -> None:
        with self.children_lock:
            child = self.children.get(job_name)
        if child is not None and child.poll() is None:
            child.send_signal(signal.SIGTERM)

    # --- the loop ------------------------------------------------------------
    def catch_up(self, job: Job) -> bool:
        if not self.config["schedule"]["catch_up"]:
            return False
        try:
            with connect() as store:
                state = store.collection(STATE).find_one({"_id": job.name})
        except STORE_FAILURES as exc:
            logger.warning("cannot read the schedule state (no catch-up run): %s", exc)
            return False
        last = state.get("last_fire") if state else None
        return missed_since(job.cron, last, timezone=self.config["schedule"]["timezone"])

    def start(self) -> None:
        from apscheduler.schedulers.background import BackgroundScheduler

        self.scheduler = BackgroundScheduler(timezone=self.config["schedule"]["timezone"])
        self._add_jobs(catch_up=True)
        self.scheduler.start()

    def _add_jobs(self, catch_up: bool) -> None:
        from apscheduler.triggers.cron import CronTrigger

        schedule = self.config["schedule"]
        for job in self.jobs:
            extra = {"next_run_time": datetime.now(UTC)} if catch_up and self.catch_up(job) else {}
            if extra:
                logger.info("job %s missed its schedule while the scheduler was down: running it now", job.name)
            self.scheduler.add_job(
                self.run_job, CronTrigger.from_crontab(job.cron, timezone=schedule["timezone"]), args=[job],
                id=job.name, name=f"{job.name} ({job.cron}): {', '.join(job.sources)}", max_instances=1,
                coalesce=True, misfire_grace_time=int(schedule["misfire_grace_seconds"]), replace_existing=True,
                **extra)

    def reload(self) -> None:
        """Re-read the registry (SIGHUP) and re-plan the jobs; crawls in progress go on.

        An invalid registry raises (``SourcesError``/``ScheduleError``) before any
        job is touched, so the scheduler keeps its current plan.
        """
        jobs = plan_jobs(self.sources_file, self.config["schedule"]["default"])
        self.jobs = jobs
        for planned in self.scheduler.get_jobs():
            if planned.id not in {job.name for job in jobs}:
                planned.remove()
        self._add_jobs(catch_up=False)
        logger.info("registry reloaded: %d job(s)", len(jobs))

    def next_runs(self) -> dict[str, datetime | None]:
        return {j.id: j.next_run_time for j in self.scheduler.get_jobs()} if self.scheduler else {}

    def stop(self) -> None:
        """Stop firing, pass SIGTERM to running crawls, wait for them to record their runs."""
        self.stopping.set()
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.pause()
        with self.children_lock:
            children = list(self.children)
        for name in children:
            logger.info("stopping the crawl of %s (SIGTERM)", name)
            self.terminate_child(name)
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.shutdown(wait=True)

    def serve(self) -> None:
        """Run until SIGTERM or SIGINT, re-reading the registry on SIGHUP; then :meth:`stop` and return."""
        from citywatch.config.sources import SourcesError

        requested, reload = threading.Event(), threading.Event()
        previous = {sig: signal.signal(sig, lambda *_: requested.set()) for sig in (signal.SIGTERM, signal.SIGINT)}
        previous[signal.SIGHUP] = signal.signal(signal.SIGHUP, lambda *_: reload.set())
        try:
            self.start()
            for job_id, when in self.next_runs().items():
                logger.info("job %s: next run %s", job_id, when)
            while not requested.wait(1.0):
                if reload.is_set():
                    reload.clear()
                    try:
                        self.reload()
                    except (SourcesError, ScheduleError) as exc:
                        logger.error("registry not reloaded, keeping the current jobs: %s", exc)
            logger.info("shutdown requested: finishing the runs in progress")
            self.stop()
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
