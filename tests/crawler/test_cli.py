"""The command line: crawl, runs, sources check; and `scrapy crawl` from the project root."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from click.testing import CliRunner

from citywatch.cli.main import citywatch
from citywatch.store import connect
from crawler.check import latest_checks
from crawler.run import child_env
from tests.crawler.conftest import FAST, make_site

ROOT = Path(__file__).resolve().parents[2]


def _flags() -> list[str]:
    return [arg for name, value in FAST.items() for arg in ("-s", f"{name}={str(value).lower() if isinstance(value, bool) else value}")]


def test_crawl_runs_and_sources_commands(served, store_env: Path) -> None:
    server, sources = served
    runner = CliRunner()
    result = runner.invoke(citywatch, ["crawl", "--sources", str(sources), "--only", "le-quotidien", "--quiet", *_flags()])
    assert result.exit_code == 0, result.output
    assert "finished" in result.output and "le-quotidien" in result.output and "stored    1" in result.output

    listing = runner.invoke(citywatch, ["runs"])
    assert listing.exit_code == 0 and "finished" in listing.output and "stored     1" in listing.output
    assert runner.invoke(citywatch, ["runs", "--failed"]).output.strip() == "no runs with failures"

    bad = runner.invoke(citywatch, ["crawl", "--sources", str(sources), "--only", "nope"])
    assert bad.exit_code != 0 and "unknown source id(s): nope" in bad.output


def test_sources_check_against_the_local_site(served, store_env: Path, tmp_path: Path) -> None:
    server, sources = served
    report = tmp_path / "check.md"
    result = CliRunner().invoke(citywatch, ["sources", "check", "--sources", str(sources), "--timeout", "5",
                                            "--report", str(report),
                                            "--only", "daily-courier", "--only", "harbour-post", "--only", "metro-ledger",
                                            "--only", "hostile"])
    lines = result.output.splitlines()
    assert any(line.startswith("ok") and "daily-courier" in line and "1 entries" in line for line in lines)
    assert any(line.startswith("ok") and "harbour-post" in line and "sitemapindex" in line for line in lines)
    assert any(line.startswith("ok") and "metro-ledger" in line and "article-like links" in line for line in lines)
    assert any(line.startswith("FAIL") and "malformed.rss" in line for line in lines)
    assert result.exit_code != 0 and "address(es) failed" in result.output

    text = report.read_text(encoding="utf-8")
    assert "| daily-courier | feeds |" in text and "FAIL: 200" in text
    assert f"checked: {datetime.now(UTC):%Y-%m-%d}}}  # daily-courier" in text  # evidence line to paste
    with connect() as store:
        checks = latest_checks(store)
    feed = checks[f"daily-courier {server.site.base}/daily-courier/rss.xml"]
    assert feed["ok"] and feed["status"] == 200 and feed["entries"] == 1 and "xml" in feed["content_type"]
    assert feed["newest"] is not None and feed["last_ok_at"] is not None and feed["redirects"] == []
    malformed = checks[f"hostile {server.site.base}/hostile/malformed.rss"]
    assert not malformed["ok"] and "last_ok_at" not in malformed

    listing = CliRunner().invoke(citywatch, ["sources", "list", "--checks", "--sources", str(sources)])
    assert listing.exit_code == 0, listing.output
    lines = listing.output.splitlines()
    today = f"{datetime.now(UTC):%Y-%m-%d}"
    assert any(f"/daily-courier/rss.xml  (no evidence)  ok {today}: 200, 1 entries" in line for line in lines)
    assert any(f"/hostile/malformed.rss  (no evidence)  FAIL {today}: 200, 0 entries" in line for line in lines)
    assert any("le-quotidien" in line and line.endswith("never checked") for line in lines)


@contextmanager
def redirecting_to(target: str) -> Iterator[str]:
    """A loopback server that answers /moved with a 301 to ``target`` and anything else with 404."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            self.send_response(301 if self.path == "/moved" else 404)
            self.send_header("Location", target)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_sources_check_records_redirects_and_keeps_the_last_success(served, store_env: Path) -> None:
    import ipaddress

    from crawler.check import check_one, record_checks

    server, _ = served
    feed = f"{server.site.base}/daily-courier/rss.xml"
    loopback: list = [ipaddress.ip_network("127.0.0.1/32")]  # the test servers, as their registry would allow
    with redirecting_to(feed) as base:
        moved = check_one("x", "feeds", f"{base}/moved", "test", 5, loopback)
        gone = check_one("x", "feeds", f"{base}/elsewhere", "test", 5, loopback)
    assert moved.ok and moved.redirects == [f"{base}/moved"] and moved.final_url == feed
    gone.url = moved.url
    with connect() as store:
        record_checks(store, [moved])
        record_checks(store, [gone])
        doc = latest_checks(store)[f"x {moved.url}"]
    assert not doc["ok"] and doc["status"] == 404 and doc["last_ok_at"] is not None


def test_sources_check_reports_an_unwritable_report_and_keeps_going(served, store_env: Path, tmp_path: Path) -> None:
    server, sources = served
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    result = CliRunner().invoke(citywatch, ["sources", "check", "--sources", str(sources), "--only", "daily-courier",
                                            "--report", str(blocker / "check.md")])
    assert result.exit_code == 1 and "cannot write the report" in result.output
    assert any(line.startswith("ok") and "daily-courier" in line for line in result.output.splitlines())


def test_scrapy_crawl_from_the_project_root(tmp_path: Path, store_env: Path) -> None:
    from demo_site.server import SiteServer

    with SiteServer(make_site()) as server:
        sources = server.site.write_sources(tmp_path / "sources.yaml")
        command = [sys.executable, "-m", "scrapy", "crawl", "feeds", "-a", f"sources={sources}",
                   "-a", "only=daily-courier", "-s", "LOG_LEVEL=WARNING", *_flags()]
        done = subprocess.run(command, cwd=ROOT, env=child_env(), capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
    with connect() as store:
        assert store.articles.count_documents({"source_id": "daily-courier"}) == 1
        run = store.runs.find_one({})
        assert run["status"] == "finished" and run["sources"]["daily-courier"]["stored"] == 1
