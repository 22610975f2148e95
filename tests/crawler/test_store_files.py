"""The embedded store file under faults: damaged (truncated), on a full disk; ``db check`` and ``db backup``.

Every command is a real ``citywatch`` process; the full disk is a real tmpfs with a size limit, filled to the
last byte (root only, skipped with a message elsewhere).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from citywatch.config import PROJECT_ROOT
from citywatch.store import connect, save_articles
from citywatch.store.runs import new_run_id
from crawler.run import EXIT_OK, EXIT_STORE, child_env, crawl_command
from demo_site.server import SiteServer
from tests.crawler.conftest import FAST, make_site
from tests.crawler.test_faults import courier_site, started, wait_until

CITYWATCH = str(Path(sys.executable).parent / "citywatch")


def citywatch(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CITYWATCH, *args], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)


def one_error_line(result: subprocess.CompletedProcess, *expected: str) -> None:
    """Exit status 2, and stderr is a single line (no traceback) saying what happened."""
    lines = result.stderr.strip().splitlines()
    assert result.returncode == EXIT_STORE, result
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for text in expected:
        assert text in lines[0], lines[0]


def fill(n: int) -> None:
    now = datetime(2026, 11, 1, tzinfo=UTC)
    docs = [{"url": f"https://x.example/a/{i}", "source_id": "x", "title": f"Story {i}", "text": "word " * 400,
             "lang": "en", "status": "ok", "content_hash": f"h{i}", "fetched_at": now, "published_at": now}
            for i in range(n)]
    with connect() as store:
        save_articles(store, docs)


def damage(path: Path) -> None:
    """Fold the write-ahead log into the file, then cut the file short: what a disk or a copy gone wrong does."""
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.truncate(size * 2 // 3)


def test_damaged_store_is_one_line_everywhere_and_a_backup_restores_it(store_env: Path, tmp_path: Path) -> None:
    fill(1500)
    store_file = store_env / "citywatch.sqlite"
    backup = tmp_path / "backup.sqlite"
    made = citywatch("db", "backup", str(backup))
    assert made.returncode == EXIT_OK and backup.exists(), made.stderr
    assert citywatch("db", "backup", str(backup)).returncode != EXIT_OK, "an existing backup is never overwritten"
    assert citywatch("db", "check").returncode == EXIT_OK

    damage(store_file)
    for command in (["db", "status"], ["runs"], ["score", "--period", "2026-Q4"],
                    ["crawl", "--quiet", "--sources", str(make_site().write_sources(tmp_path / "s.yaml"))],
                    ["review", "serve", "--port", "1"]):
        one_error_line(citywatch(*command), str(store_file), "store file damaged: restore a backup",
                       "`citywatch db check` says what is readable")
    checked = citywatch("db", "check")
    assert checked.returncode == EXIT_STORE and "DAMAGED" in checked.stdout
    assert "readable" in checked.stdout and "malformed" in checked.stdout, "it says what reads and where it stops"

    shutil.copyfile(backup, store_file)  # the runbook's restore
    for stale in store_env.glob("citywatch.sqlite-*"):
        stale.unlink()
    assert citywatch("db", "check").returncode == EXIT_OK
    with connect() as store:
        assert store.articles.count_documents({}) == 1500


@pytest.fixture
def tiny_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A 16 MB tmpfs as CITYWATCH_DATA_DIR (needs root and a kernel that allows the mount)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)], capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"no tiny disk for the full-disk test (mount -t tmpfs refused: {made.stderr.strip()})")
    monkeypatch.setenv("CITYWATCH_DATA_DIR", str(mount))
    monkeypatch.delenv("CITYWATCH_MONGO_URI", raising=False)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill_up(disk: Path) -> Path:
    """Write a ballast file until the disk refuses another byte: a truly full disk."""
    ballast = disk / "ballast"
    fd = os.open(ballast, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        for size in (65536, 4096, 1):
            with contextlib.suppress(OSError):  # ENOSPC: then smaller pieces, down to one byte
                while True:
                    os.write(fd, b"\0" * size)
    finally:
        os.close(fd)
    return ballast


def crawl_settings(**extra: object) -> dict:
    return {**FAST, "STORE_OUTAGE_GIVE_UP_SECONDS": 2, "STORE_RETRY_SECONDS": 0.2, **extra}


def test_full_disk_mid_crawl_ends_it_with_one_line_and_a_rerun_stores_everything(tiny_disk: Path,
                                                                                  tmp_path: Path) -> None:
    """The disk fills up to the last byte while the crawl runs: store writes and the crawl log both fail."""
    assert citywatch("db", "init").returncode == EXIT_OK
    settings = crawl_settings(CONCURRENT_REQUESTS_PER_DOMAIN=1, STORE_BATCH=3)
    with SiteServer(courier_site(40, page_delay=0.3)) as server:
        sources = server.site.write_sources(tmp_path / "sources.yaml")
        args = [CITYWATCH, "crawl", "--sources", str(sources), "--quiet",
                *[a for k, v in settings.items() for a in ("-s", f"{k}={v}")]]
        with started(args, stderr=subprocess.PIPE, text=True) as crawl:
            wait_until(lambda: stored_count() >= 3, 120, "the first articles")
            ballast = fill_up(tiny_disk)
            assert shutil.disk_usage(tiny_disk).free == 0
            _, stderr = crawl.communicate(timeout=120)
        assert crawl.returncode == EXIT_STORE, stderr[-3000:]
        lines = stderr.strip().splitlines()
        assert len(lines) == 1 and "disk full: free space or move CITYWATCH_DATA_DIR" in lines[0], stderr[-3000:]
        assert str(tiny_disk) in lines[0]
        for command in (["runs"], ["db", "status"]):  # the disk is still full: they answer, or say so in one line
            answered = citywatch(*command)
            assert answered.returncode in (EXIT_OK, EXIT_STORE) and "Traceback" not in answered.stderr, answered

        ballast.unlink()  # space freed: the next run stores everything, nothing twice
        rerun = citywatch(*args[1:])
    assert rerun.returncode == EXIT_OK, rerun.stderr
    with connect() as store:
        ids = [d["_id"] for d in store.articles.find({}, {"_id": 1})]
    assert len(ids) == len(set(ids)) == 40


def test_crawl_process_started_on_a_full_disk_ends_with_one_line(tiny_disk: Path, tmp_path: Path) -> None:
    """The crawl process as the scheduler starts it, on a disk without one free byte (not even for its log)."""
    assert citywatch("db", "init").returncode == EXIT_OK
    with SiteServer(make_site()) as server:
        sources = server.site.write_sources(tmp_path / "sources.yaml")
        fill_up(tiny_disk)
        assert shutil.disk_usage(tiny_disk).free == 0
        done = subprocess.run(crawl_command(sources, new_run_id(), settings=crawl_settings()), cwd=PROJECT_ROOT,
                              env=child_env(), capture_output=True, text=True, timeout=120)
    assert done.returncode == EXIT_STORE, done.stderr[-3000:]
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "disk full: free space or move CITYWATCH_DATA_DIR" in lines[0], done.stderr[-3000:]


def stored_count() -> int:
    with connect() as store:
        return store.articles.count_documents({})
