"""Extraction workers: same results as in-process, a dying worker costs at most its own page, no orphans."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler
from twisted.internet.defer import Deferred

from crawler import extraction
from crawler.items import ArticleItem
from crawler.pipelines import ExtractionPipeline
from crawler.workers import ExtractionWorkers, WorkerCrashed, worker_count

PAGE = ("<html lang='en'><head><title>Port news</title><link rel='canonical' href='https://x.example/a'></head>"
        "<body><article><h1>Port news</h1>" + "<p>Cranes at the container terminal worked through the night "
        "as ships queued outside the harbour for a berth.</p>" * 8 + "</article></body></html>")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def workers():
    pool = ExtractionWorkers(1)
    yield pool
    pool.shutdown()


def test_worker_count_reads_the_setting() -> None:
    assert worker_count(0) == 0 and worker_count("2") == 2
    assert 0 <= worker_count(None) <= 4
    assert worker_count(None) == min(4, (os.process_cpu_count() or 1) - 1)
    with pytest.raises(ValueError):
        worker_count(-1)


def test_a_worker_extracts_what_the_crawl_process_would(workers: ExtractionWorkers) -> None:
    found, cpu = workers.submit(extraction.extract, PAGE, "https://x.example/a").result(timeout=60)
    assert found == extraction.extract(PAGE, "https://x.example/a")
    assert "container terminal" in found.text and found.canonical_url == "https://x.example/a"
    assert cpu > 0


def test_a_dying_worker_costs_only_its_own_call(workers: ExtractionWorkers) -> None:
    crash = workers.submit(os._exit, 3)  # what a segfault in lxml or the OOM killer looks like
    queued = workers.submit(extraction.extract, PAGE, "https://x.example/b")  # waiting behind it, innocent
    with pytest.raises(WorkerCrashed):
        crash.result(timeout=60)
    assert "container terminal" in queued.result(timeout=60)[0].text
    assert workers.submit(pow, 2, 10).result(timeout=60)[0] == 1024  # the pool was replaced


def test_errors_raised_in_a_worker_reach_the_caller(workers: ExtractionWorkers) -> None:
    with pytest.raises(ZeroDivisionError):
        workers.submit(divmod, 1, 0).result(timeout=60)


ORPHAN_SCRIPT = """
import os, sys, time
from crawler.workers import ExtractionWorkers
pool = ExtractionWorkers(1)
print(pool.submit(os.getpid).result(timeout=60)[0], flush=True)
time.sleep(120)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie waiting for init to reap it is gone too
        return stat.read().split(") ")[-1][0] != "Z"


def test_workers_exit_when_the_crawl_process_is_killed() -> None:
    parent = subprocess.Popen([sys.executable, "-c", ORPHAN_SCRIPT], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        worker = int(parent.stdout.readline())
        assert _alive(worker)
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 15
        while _alive(worker) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _alive(worker), "the extraction worker outlived the killed crawl process"
    finally:
        parent.kill()
        parent.stdout.close()


UNSTARTABLE_SCRIPT = """
import sys
sys.path.insert(0, sys.argv[1])
from crawler.workers import ExtractionWorkers, WorkersUnavailable
pool = ExtractionWorkers(1)
try:
    pool.submit(pow, 2, 3).result(timeout=60)
    print("ran")
except WorkersUnavailable:
    print("unavailable")
try:
    pool.submit(pow, 2, 3)
except WorkersUnavailable:
    print("refused")
print(pool.usable, len(pool._broken))
pool.shutdown()
"""


def test_workers_that_cannot_start_say_so_once_instead_of_respawning() -> None:
    """A program read from stdin cannot be re-imported by a spawned worker: no worker ever starts."""
    done = subprocess.run([sys.executable, "-", str(ROOT)], input=UNSTARTABLE_SCRIPT, cwd=ROOT, text=True,
                          capture_output=True, timeout=120)
    assert done.stdout.split() == ["unavailable", "refused", "False", "0"], done.stderr[-2000:]


def _pipeline() -> ExtractionPipeline:
    crawler = get_crawler(settings_dict={"EXTRACTION_PROCESSES": 0})
    crawler.stats.open_spider()
    stage = ExtractionPipeline(crawler)
    stage.open_spider()
    return stage


def test_a_page_that_breaks_the_extractor_is_dropped_and_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    stage = _pipeline()

    def broken(html: str, url: str) -> None:
        raise RecursionError("maximum recursion depth exceeded")  # deeply nested real-world markup

    monkeypatch.setattr(extraction, "extract", broken)
    item = ArticleItem(url="https://x.example/deep", source_id="x", html=PAGE)
    failures: list = []
    Deferred.fromCoroutine(stage.process_item(item)).addErrback(failures.append)
    assert len(failures) == 1 and failures[0].check(DropItem)
    assert "extraction_error" in str(failures[0].value)
    assert stage.stats.get_value("source/x/dropped/extraction_error") == 1
    stage.close_spider()
