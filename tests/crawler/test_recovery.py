"""A crawl killed with SIGKILL mid-run and started again loses nothing and stores nothing twice."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from citywatch.store import connect
from citywatch.store.runs import get_run, merge_sources, new_run_id, totals
from crawler.run import EXIT_INTERRUPTED, child_env, crawl_command
from demo_site.server import SiteServer
from demo_site.site import Site, read_articles, read_outlets
from tests.crawler.conftest import ARTICLES, FAST, OUTLETS, crawl


def _many_articles(n: int) -> list:
    """n distinct articles for one RSS outlet, built from the placeholder texts."""
    base = read_articles(ARTICLES)
    out = []
    for i in range(n):
        a = base[i % len(base)]
        paragraphs = [f"Dispatch {i}: {p}" for p in a.paragraphs] + [f"Reference number {i * 7919} of the series."]
        out.append(replace(a, outlet="daily-courier", slug=f"{a.slug}-{i}", published=a.published - timedelta(hours=i),
                           paragraphs=paragraphs))
    return out


def test_sigkill_mid_run_then_restart(store_env: Path, tmp_path: Path) -> None:
    outlets = [o for o in read_outlets(OUTLETS) if o.id == "daily-courier"]
    site = Site(_many_articles(40), outlets, page_delay=0.15)
    with SiteServer(site) as server:
        sources = site.write_sources(tmp_path / "sources.yaml")
        settings = {**FAST, "CONCURRENT_REQUESTS_PER_DOMAIN": 2, "STORE_BATCH": 5, "RUN_STALE_SECONDS": 1}
        killed_id = new_run_id()
        child = subprocess.Popen(crawl_command(sources, killed_id, settings=settings), env=child_env(),
                                 cwd=Path(__file__).resolve().parents[2])
        deadline = time.monotonic() + 60
        stored_before = 0
        with connect() as store:
            while time.monotonic() < deadline and child.poll() is None:
                stored_before = store.articles.count_documents({})
                beat = totals({"sources": merge_sources((get_run(store, killed_id) or {}).get("spiders") or {})})
                if stored_before >= 5 and beat["stored"] > 0:  # stored, and a heartbeat has said so
                    break
                time.sleep(0.2)
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
            assert 5 <= stored_before < 40, "the crawl must be killed mid-run"
            stored_at_kill = {d["_id"] for d in store.articles.find({}, {"_id": 1})}
        time.sleep(1.5)  # let the killed run's heartbeat go stale
        hits_at_kill = dict(server.hits)

        restarted = crawl(sources, RUN_STALE_SECONDS=1)

        with connect() as store:
            ids = [d["_id"] for d in store.articles.find({}, {"_id": 1})]
            killed = get_run(store, killed_id)
            second = get_run(store, restarted)
    assert len(ids) == len(set(ids)) == 40  # everything stored, nothing twice
    assert killed["status"] == "interrupted"
    assert killed["ended_at"] == killed["heartbeat_at"], "it ended at its last heartbeat"
    assert totals(killed)["requests"] > 0 and totals(killed)["stored"] > 0, "its last heartbeat's counters are kept"
    assert second["status"] == "finished"
    for article_id in stored_at_kill:  # what was stored before the kill is not fetched again
        path = "/" + article_id.split("/", 3)[3]
        assert server.hits[path] == hits_at_kill[path] == 1


def test_sigterm_finishes_in_flight_work_and_marks_the_run_interrupted(store_env: Path, tmp_path: Path) -> None:
    outlets = [o for o in read_outlets(OUTLETS) if o.id == "daily-courier"]
    site = Site(_many_articles(40), outlets, page_delay=0.3)
    with SiteServer(site) as server:
        sources = site.write_sources(tmp_path / "sources.yaml")
        run_id = new_run_id()
        child = subprocess.Popen(crawl_command(sources, run_id, settings={**FAST, "CONCURRENT_REQUESTS_PER_DOMAIN": 1}),
                                 env=child_env(), cwd=Path(__file__).resolve().parents[2])
        deadline = time.monotonic() + 60
        with connect() as store:
            while time.monotonic() < deadline and store.articles.count_documents({}) < 2:
                time.sleep(0.2)
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=60) == EXIT_INTERRUPTED, "the crawl process's status says it was stopped"
        fetched = sum(n for path, n in server.hits.items() if path.endswith(".html"))
        assert server.max_in_flight == 1  # CONCURRENT_REQUESTS_PER_DOMAIN holds
    with connect() as store:
        run = get_run(store, run_id)
        stored = store.articles.count_documents({})
    assert 2 <= stored < 40
    assert run["status"] == "interrupted"
    assert stored == fetched == run["sources"]["daily-courier"]["stored"]  # every page fetched was stored
