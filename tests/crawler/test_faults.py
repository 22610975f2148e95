"""Faults injected into real crawls: the store killed and left down or brought back, the parent of a crawl
killed, two crawls at once, a kill between the two writes of a batch, and exit statuses that tell the truth.

Every crawl here is a real ``citywatch crawl`` (or ``crawler.run``) process against the loopback test site,
and every fault a real signal or a real server process going away.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from pymongo import MongoClient

from citywatch.config import PROJECT_ROOT
from citywatch.store import connect
from citywatch.store.runs import get_run, merge_sources, new_run_id, totals
from crawler.run import EXIT_INTERRUPTED, EXIT_OK, EXIT_STORE, EXIT_UNREACHED, child_env, crawl_command
from demo_site.server import SiteServer
from demo_site.site import Site, read_outlets
from tests.conftest import free_port
from tests.crawler.conftest import FAST, OUTLETS, make_site
from tests.scheduler.conftest import many_articles

CITYWATCH = str(Path(sys.executable).parent / "citywatch")


def courier_site(n: int, page_delay: float) -> Site:
    return Site(many_articles(n, ["daily-courier"]), [o for o in read_outlets(OUTLETS) if o.id == "daily-courier"],
                page_delay=page_delay)


def crawl_args(sources: Path, settings: dict) -> list[str]:
    args = [CITYWATCH, "crawl", "--sources", str(sources), "--quiet"]
    for name, value in settings.items():
        args += ["-s", f"{name}={value}"]
    return args


@contextmanager
def started(args: list[str], **popen: Any) -> Iterator[subprocess.Popen]:
    """A process that is killed (with whatever it started: it is a process group) if the test ends first."""
    popen.setdefault("env", dict(os.environ))
    process = subprocess.Popen(args, cwd=PROJECT_ROOT, start_new_session=True, **popen)
    try:
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def article_hits(server: SiteServer) -> int:
    return sum(n for path, n in server.hits.items() if path.endswith(".html"))


def settled_hits(server: SiteServer, still_for: float, timeout: float) -> int:
    """The article-page count once it has not changed for ``still_for`` seconds (fails after ``timeout``).

    How soon a crawl notices a dead store depends on where its batch and its retries stand and on the
    machine's load; what the test asks is that fetching stops, so it waits for that rather than a fixed time.
    A crawl that never pauses settles only at the end of the site, which the caller's ``< total`` catches.
    """
    deadline = time.monotonic() + timeout
    last, since = article_hits(server), time.monotonic()
    while time.monotonic() - since < still_for:
        if time.monotonic() > deadline:
            pytest.fail(f"article fetches still going after {timeout:.0f} s")
        time.sleep(0.1)
        now = article_hits(server)
        if now != last:
            last, since = now, time.monotonic()
    return last


def gone(pid: int) -> bool:
    """The process has exited (a zombie waiting for a parent that is not us counts as exited)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    return "\nState:\tZ" in status


def wait_until(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"waited {timeout:.0f} s for {what}")
        time.sleep(0.1)


# --- a store server that goes away -------------------------------------------------------------------


class StoreServer:
    """The store as a server process of its own (``tests/crawler/store_server.py``) that a test can kill."""

    def __init__(self, path: Path) -> None:
        self.path, self.port = path, free_port()
        self.uri = f"mongodb://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "tests.crawler.store_server", str(self.path),
                                         str(self.port)], cwd=PROJECT_ROOT, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None and self.process.stdout.readline().strip() == "ready"

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def articles(self) -> list[str]:
        with MongoClient(self.uri, serverSelectionTimeoutMS=2000) as client:
            return [d["_id"] for d in client["citywatch"]["articles"].find({}, {"_id": 1})]


@pytest.fixture
def store_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[StoreServer]:
    server = StoreServer(tmp_path / "store.sqlite")
    server.start()
    monkeypatch.setenv("CITYWATCH_MONGO_URI", server.uri)
    monkeypatch.setenv("CITYWATCH_MONGO_TIMEOUT", "1")
    yield server
    server.kill()


OUTAGE = {**FAST, "CONCURRENT_REQUESTS_PER_DOMAIN": 1, "STORE_BATCH": 3, "STORE_RETRY_SECONDS": 0.2,
          "STORE_RETRY_MAX_SECONDS": 0.8, "STORE_OUTAGE_PAUSE_SECONDS": 1}


def test_store_outage_pauses_fetching_keeps_the_batch_and_resumes(store_server: StoreServer, tmp_path: Path) -> None:
    with SiteServer(courier_site(40, page_delay=0.3)) as site:
        sources = site.site.write_sources(tmp_path / "sources.yaml")
        with started(crawl_args(sources, {**OUTAGE, "STORE_OUTAGE_GIVE_UP_SECONDS": 120}), stderr=subprocess.PIPE,
                     text=True) as crawl:
            wait_until(lambda: len(store_server.articles()) >= 3, 60, "the first articles")
            store_server.kill()
            paused_at = settled_hits(site, still_for=2.0, timeout=60)  # pages come every 0.3 s until the pause
            time.sleep(2)
            assert article_hits(site) == paused_at, "no new pages are fetched while the store is down"
            assert paused_at < 40
            store_server.start()  # the store is back, with what it held
            _, stderr = crawl.communicate(timeout=120)
    ids = store_server.articles()
    assert crawl.returncode == EXIT_OK, stderr
    assert len(ids) == len(set(ids)) == 40, "the batches kept during the outage were stored"
    with connect() as store:
        (run,) = list(store.runs.find({}))
    courier = run["sources"]["daily-courier"]
    # a batch the dying server wrote but never acknowledged is "unchanged" when it is written again
    assert run["status"] == "finished" and courier["stored"] + courier.get("skipped", {}).get("unchanged", 0) == 40
    assert totals(run)["errors"] >= 1, "the outage is in the run's summary"


def test_store_that_stays_down_ends_the_crawl_with_one_line(store_server: StoreServer, tmp_path: Path) -> None:
    with SiteServer(courier_site(40, page_delay=0.3)) as site:
        sources = site.site.write_sources(tmp_path / "sources.yaml")
        with started(crawl_args(sources, {**OUTAGE, "STORE_OUTAGE_GIVE_UP_SECONDS": 3}), stderr=subprocess.PIPE,
                     text=True) as crawl:
            wait_until(lambda: len(store_server.articles()) >= 3, 60, "the first articles")
            store_server.kill()
            _, stderr = crawl.communicate(timeout=120)
        assert article_hits(site) < 40, "the crawl stopped instead of crawling on"
    assert crawl.returncode == EXIT_STORE
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "crawl stopped, the store failed for" in lines[0], stderr
    assert "127.0.0.1" in lines[0]


def test_crawl_that_runs_out_of_pages_with_articles_unstored_says_so(store_server: StoreServer,
                                                                      tmp_path: Path) -> None:
    """The store dies and the crawl reaches its end before any pause or give-up limit: not a silent exit 0 of
    the crawl process (as the scheduler runs it, with nobody to look at the store afterwards)."""
    with SiteServer(courier_site(12, page_delay=0.2)) as site:
        sources = site.site.write_sources(tmp_path / "sources.yaml")
        settings = {**OUTAGE, "STORE_OUTAGE_PAUSE_SECONDS": 300, "STORE_OUTAGE_GIVE_UP_SECONDS": 600}
        with started(crawl_command(sources, new_run_id(), settings=settings), env=child_env(),
                     stderr=subprocess.PIPE, text=True) as crawl:
            wait_until(lambda: len(store_server.articles()) >= 3, 60, "the first articles")
            store_server.kill()
            _, stderr = crawl.communicate(timeout=120)
        assert article_hits(site) == 12, "it crawled to the end"
    assert crawl.returncode == EXIT_STORE, stderr[-3000:]
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "crawl stopped, the store failed for" in lines[0], stderr[-3000:]


def test_every_store_call_of_a_crawl_runs_off_the_reactor_thread(store_env: Path, tmp_path: Path) -> None:
    """The reads at spider open (near-duplicate window, review rules, feed validators), the known-URL check,
    the writes, heartbeats and the validators written at the end: none of them on the reactor thread."""
    record = tmp_path / "on-reactor.txt"
    with SiteServer(make_site()) as site:
        sources = site.site.write_sources(tmp_path / "sources.yaml")
        for attempt in ("first", "second"):  # the second run has validators and known URLs to read
            command = crawl_command(sources, new_run_id(), only=["daily-courier", "harbour-post"],
                                    settings={**FAST, "TAGGER_ENABLED": True, "EXTRACTION_PROCESSES": 0})
            done = subprocess.run([sys.executable, "-m", "tests.crawler.reactor_watch", str(record), *command[3:]],
                                  cwd=PROJECT_ROOT, env=child_env(), capture_output=True, text=True, timeout=300)
            assert done.returncode == EXIT_OK, (attempt, done.stderr[-3000:])
    with connect() as store:
        runs = list(store.runs.find({}))
        assert store.articles.count_documents({}) > 0 and store.collection("feed_state").count_documents({}) > 0
    assert [r["status"] for r in runs] == ["finished", "finished"]
    assert sum(totals(r)["stored"] for r in runs) == totals(runs[0])["stored"] > 0, "the second run skipped them"
    assert not record.exists(), record.read_text()[:3000]


def test_store_down_when_the_crawl_opens_holds_it_then_it_crawls(store_server: StoreServer, tmp_path: Path) -> None:
    """Down at spider open: no request goes out, one line and exit 2 if it stays down, a full crawl once it is back."""
    store_server.kill()
    with SiteServer(courier_site(6, page_delay=0.0)) as site:
        sources = site.site.write_sources(tmp_path / "sources.yaml")
        settings = {**OUTAGE, "STORE_OUTAGE_GIVE_UP_SECONDS": 3}
        stays_down = subprocess.run(crawl_command(sources, new_run_id(), settings=settings), cwd=PROJECT_ROOT,
                                    env=child_env(), capture_output=True, text=True, timeout=120)
        assert sum(site.hits.values()) == 0, "nothing fetched that could not be stored"
        assert stays_down.returncode == EXIT_STORE, stays_down.stderr[-3000:]
        lines = stays_down.stderr.strip().splitlines()
        assert len(lines) == 1 and "crawl stopped, the store failed for" in lines[0], stays_down.stderr[-3000:]
        assert "127.0.0.1" in lines[0]

        settings = {**OUTAGE, "STORE_OUTAGE_GIVE_UP_SECONDS": 120}
        with started(crawl_command(sources, new_run_id(), settings=settings), env=child_env(),
                     stderr=subprocess.PIPE, text=True) as crawl:
            time.sleep(3)  # past the 1 s pause limit, every try failing
            assert crawl.poll() is None and sum(site.hits.values()) == 0, "held, not failed"
            store_server.start()
            _, stderr = crawl.communicate(timeout=120)
    assert crawl.returncode == EXIT_OK, stderr[-3000:]
    ids = store_server.articles()
    assert len(ids) == len(set(ids)) == 6


# --- processes that die -------------------------------------------------------------------------------


def _running_run(timeout: float = 60) -> dict:
    found: dict = {}

    def running() -> bool:
        with connect() as store:
            found.update(store.runs.find_one({"status": "running"}) or {})
            return bool(found) and store.articles.count_documents({}) >= 2

    wait_until(running, timeout, "a running crawl that stored something")
    return found


def test_sigkill_of_citywatch_crawl_stops_its_crawl_process(store_env: Path, tmp_path: Path) -> None:
    with SiteServer(courier_site(40, page_delay=0.2)) as site:
        sources = site.site.write_sources(tmp_path / "sources.yaml")
        # one request in the downloader at a time: a clean stop finishes what the downloader holds, and with
        # the default 32 that could be every page left on a slow machine
        settings = {**FAST, "CONCURRENT_REQUESTS_PER_DOMAIN": 1, "CONCURRENT_REQUESTS": 1}
        with started(crawl_args(sources, settings)) as parent:
            run = _running_run()
            assert run["pid"] != parent.pid, "the crawl runs in a child process"
            parent.send_signal(signal.SIGKILL)
            parent.wait()
            try:
                wait_until(lambda: gone(run["pid"]), 30, "the orphaned crawl process to stop")
            finally:
                if not gone(run["pid"]):
                    os.kill(run["pid"], signal.SIGKILL)
            fetched = article_hits(site)
    with connect() as store:
        stopped = get_run(store, run["_id"])
        stored = store.articles.count_documents({})
    assert stopped["status"] == "interrupted", "the orphan stopped cleanly, like on SIGTERM"
    assert stored == fetched < 40 and stopped["sources"]["daily-courier"]["stored"] == stored


def test_sigkill_of_the_crawl_process_is_an_interrupted_run_and_exit_3(store_env: Path, tmp_path: Path) -> None:
    """The crawl process killed under a living ``citywatch crawl``: interrupted (not failed), with the counters
    of its last heartbeat, and the command exits with the interrupted status."""
    with SiteServer(courier_site(40, page_delay=0.2)) as site:
        sources = site.site.write_sources(tmp_path / "sources.yaml")
        with started(crawl_args(sources, {**FAST, "CONCURRENT_REQUESTS_PER_DOMAIN": 1})) as parent:
            run = _running_run()
            wait_until(lambda: _heartbeat_stored(run["_id"]) > 0, 60, "a heartbeat that counted stored articles")
            os.kill(run["pid"], signal.SIGKILL)
            assert parent.wait(timeout=60) == EXIT_INTERRUPTED
    with connect() as store:
        killed = get_run(store, run["_id"])
    assert killed["status"] == "interrupted" and "killed by signal 9" in killed.get("note", "")
    assert totals(killed)["stored"] > 0, "the counters of its last heartbeat are kept"


def _heartbeat_stored(run_id: str) -> int:
    with connect() as store:
        run = get_run(store, run_id) or {}
    return totals({"sources": merge_sources(run.get("spiders") or {})})["stored"]


def test_citywatch_crawl_exit_status_says_how_the_run_ended(store_env: Path, tmp_path: Path) -> None:
    with SiteServer(courier_site(30, page_delay=0.2)) as site:
        sources = site.site.write_sources(tmp_path / "sources.yaml")
        with started(crawl_args(sources, {**FAST, "CONCURRENT_REQUESTS_PER_DOMAIN": 1})) as crawl:
            _running_run()
            crawl.send_signal(signal.SIGTERM)
            assert crawl.wait(timeout=60) == EXIT_INTERRUPTED

        gone_gazette = {"id": "gone-gazette", "name": "Gone Gazette", "country": "GB", "language": "en",
                        "weight": 0.1, "allowed_domains": ["127.0.0.1"],
                        "feeds": [f"http://127.0.0.1:{free_port()}/rss.xml"]}  # every request fails
        unreachable = site.site.write_sources(tmp_path / "unreachable.yaml", extras=[gone_gazette])
        finished = subprocess.run(crawl_args(unreachable, FAST), cwd=PROJECT_ROOT, env=dict(os.environ),
                                  capture_output=True, text=True, timeout=120)
    assert finished.returncode == EXIT_UNREACHED, finished.stderr
    assert "not fetched at all (every request failed): gone-gazette" in finished.stderr
    help_text = subprocess.run([CITYWATCH, "crawl", "--help"], capture_output=True, text=True).stdout
    assert "Exit status" in help_text and "interrupted" in help_text


def test_two_crawls_at_once_report_each_article_stored_once(store_env: Path, tmp_path: Path) -> None:
    # One page at a time, 0.4 s each: the first crawl runs ~8 s, so the second (started a moment later) reads the
    # feed while most pages are not stored yet, even when its start-up is slow on a loaded machine.
    slow = {**FAST, "CONCURRENT_REQUESTS_PER_DOMAIN": 1}
    with SiteServer(courier_site(20, page_delay=0.4)) as site:
        sources = site.site.write_sources(tmp_path / "sources.yaml")
        with started(crawl_args(sources, slow)) as first, started(crawl_args(sources, slow)) as second:
            assert [first.wait(timeout=120), second.wait(timeout=120)] == [EXIT_OK, EXIT_OK]
        fetched = article_hits(site)
    with connect() as store:
        runs = list(store.runs.find({}))
        assert store.articles.count_documents({}) == 20
    assert fetched > 20, "both crawls fetched some of the same pages"
    assert sum(totals(run)["stored"] for run in runs) == 20, "an article already stored is not 'stored' again"


KILL_BETWEEN_WRITES = """
import os, signal, sys
import crawler.pipelines as pipelines
calls = []
def dying(real):
    def call(*args, **kwargs):
        calls.append(real)
        if len(calls) == 2:  # the second write of the first batch: die between the two halves
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return call
pipelines.save_signatures = dying(pipelines.save_signatures)
pipelines.save_articles = dying(pipelines.save_articles)
from crawler.run import main
sys.exit(main(sys.argv[1:]))
"""


def test_kill_between_article_and_signature_writes_is_repaired(store_env: Path, tmp_path: Path) -> None:
    with SiteServer(courier_site(8, page_delay=0.0)) as site:
        sources = site.site.write_sources(tmp_path / "sources.yaml")
        command = crawl_command(sources, new_run_id(), settings={**FAST, "STORE_BATCH": 100,
                                                                 "EXTRACTION_PROCESSES": 0})
        killed = subprocess.run([sys.executable, "-c", KILL_BETWEEN_WRITES, *command[3:]], cwd=PROJECT_ROOT,
                                env=child_env(), timeout=120)
        assert killed.returncode == -signal.SIGKILL
        restarted = subprocess.run(crawl_args(sources, FAST), cwd=PROJECT_ROOT, env=dict(os.environ), timeout=120)
        assert restarted.returncode == EXIT_OK
    with connect() as store:
        articles = {d["_id"] for d in store.articles.find({"status": "ok"}, {"_id": 1})}
        signatures = {d["_id"] for d in store.collection("signatures").find({}, {"_id": 1})}
    assert len(articles) == 8
    assert articles <= signatures, "every article has its near-duplicate signature"
