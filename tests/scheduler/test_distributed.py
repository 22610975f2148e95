"""Two crawler processes on one Redis round: every URL fetched once across both, every article stored once."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from citywatch.config import PROJECT_ROOT
from citywatch.config.operations import load_config
from citywatch.scheduler.monitors import check_run
from citywatch.store import connect
from citywatch.store.runs import finish_run, get_run, start_run
from crawler.distributed import RUN_ROUNDS, QueueUnavailable, distributed_settings, round_keys
from crawler.run import SPIDERS, child_env
from demo_site.server import SiteServer
from demo_site.site import Site, read_outlets
from tests.conftest import free_port
from tests.crawler.conftest import FAST, OUTLETS
from tests.scheduler.conftest import many_articles


def test_two_processes_share_queue_and_seen_set(redis_url: str, store_env: Path, tmp_path: Path) -> None:
    import redis

    outlets = read_outlets(OUTLETS)  # rss, atom, rdf, sitemap index, section pages
    site = Site(many_articles(60, [o.id for o in outlets]), outlets, page_delay=0.1)
    with SiteServer(site) as server:
        sources = site.write_sources(tmp_path / "sources.yaml")
        # the same command on each "machine": `citywatch crawl` joins the round because CITYWATCH_REDIS_URL is set;
        # a generous timeout: a retried request (timeout on a loaded machine) is a second fetch by design
        overrides = {**FAST, "DOWNLOAD_TIMEOUT": 30, "CONCURRENT_REQUESTS": 2, "CONCURRENT_REQUESTS_PER_DOMAIN": 2}
        command = [str(PROJECT_ROOT / ".venv" / "bin" / "citywatch"), "crawl", "--quiet", "--sources", str(sources)]
        for name, value in overrides.items():
            command += ["-s", f"{name}={json.dumps(value)}"]
        env = {**child_env(), "CITYWATCH_REDIS_URL": redis_url, "CITYWATCH_REDIS_IDLE_SECONDS": "1"}
        children = [subprocess.Popen(command, env=env, cwd=PROJECT_ROOT) for _ in range(2)]
        codes = [child.wait(timeout=180) for child in children]
        hits = dict(server.hits)
        with connect() as store:
            run_ids = [run["_id"] for run in store.runs.find({}, {"_id": 1})]
    assert codes == [0, 0]
    article_paths = {a.path for a in site.articles}
    assert article_paths <= set(hits), "every article page is fetched"
    twice = {path: n for path, n in hits.items() if n != 1 and path != "/robots.txt"}
    retries = [line for log in (store_env / "logs").glob("*.log") for line in log.read_text().splitlines()
               if "Retrying" in line]
    assert twice == {}, f"no URL fetched twice (robots.txt is read by each spider of each process); retries: {retries}"
    assert hits["/robots.txt"] <= 2 * len(SPIDERS)
    with connect() as store:
        stored = [d["url"] for d in store.articles.find({}, {"url": 1})]
        runs = [get_run(store, r) for r in run_ids]
    assert len(stored) == len(set(stored)) == len(article_paths)
    assert [r["status"] for r in runs] == ["finished", "finished"], [r["spiders"] for r in runs]
    stored_by_runs = sum(int(c.get("stored", 0)) for r in runs for c in r["sources"].values())
    assert stored_by_runs == len(article_paths), "each article written by exactly one of the processes"
    per_process = [sum(int(c.get("stored", 0)) for c in r["sources"].values()) for r in runs]
    assert min(per_process) > 0, f"both processes took work from the shared queue: {per_process}"
    with connect() as store:
        rounds = {d["round"] for d in store.collection(RUN_ROUNDS).find({"_id": {"$in": run_ids}})}
        assert len(rounds) == 1
        # with a history of healthy runs, neither process reports a source as silent
        past = datetime.now(UTC) - timedelta(days=1)
        for i in range(5):
            start_run(store, f"past{i}", {}, now=past + timedelta(hours=i))
            store.runs.update_one({"_id": f"past{i}"}, {"$set": {"spiders.feeds": {"sources": {
                s: {"stored": 1} for s in runs[0]["source_ids"]}}}})
            finish_run(store, f"past{i}", "finished", now=past + timedelta(hours=i, minutes=1))
        for run in runs:
            assert check_run(store, run, load_config()["monitoring"]) == []
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    assert client.get(round_keys("citywatch")[0]) is None, "the last process out closes the round"
    assert list(client.scan_iter("citywatch:*")) == []


def test_unreachable_redis_is_one_clear_error() -> None:
    url = f"redis://:s3cret@127.0.0.1:{free_port()}/0"
    with pytest.raises(QueueUnavailable) as caught:
        distributed_settings(url, idle_seconds=1)
    assert "CITYWATCH_REDIS_URL" in str(caught.value) and "s3cret" not in str(caught.value)
