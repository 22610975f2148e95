"""The command line: crawl, runs, sources check; and `scrapy crawl` from the project root."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from citywatch.cli.main import citywatch
from citywatch.store import connect
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


def test_sources_check_against_the_local_site(served, tmp_path: Path) -> None:
    server, sources = served
    result = CliRunner().invoke(citywatch, ["sources", "check", "--sources", str(sources), "--timeout", "5",
                                            "--only", "daily-courier", "--only", "harbour-post", "--only", "metro-ledger",
                                            "--only", "hostile"])
    lines = result.output.splitlines()
    assert any(line.startswith("ok") and "daily-courier" in line and "1 entries" in line for line in lines)
    assert any(line.startswith("ok") and "harbour-post" in line and "sitemapindex" in line for line in lines)
    assert any(line.startswith("ok") and "metro-ledger" in line and "article-like links" in line for line in lines)
    assert any(line.startswith("FAIL") and "malformed.rss" in line for line in lines)
    assert result.exit_code != 0 and "address(es) failed" in result.output


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
