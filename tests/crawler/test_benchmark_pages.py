"""The 181 real pages of the article-extraction-benchmark, crawled through the local site (skips without ../shared)."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.bench_extraction import score, token_pr
from citywatch.store import connect
from citywatch.store.runs import get_run
from demo_site.server import SiteServer
from demo_site.site import Site
from tests.conftest import shared_data
from tests.crawler.conftest import crawl


def test_real_pages_stored_once_with_good_bodies(store_env: Path, tmp_path: Path) -> None:
    bench_dir = shared_data("article-extraction-benchmark")
    truth = json.loads((bench_dir / "ground-truth.json").read_text(encoding="utf-8"))
    with SiteServer(Site([], [], bench_dir=bench_dir)) as server:
        sources = server.site.write_sources(tmp_path / "sources.yaml")
        run_id = crawl(sources, CONCURRENT_REQUESTS_PER_DOMAIN=8, DOWNLOAD_TIMEOUT=20)
        fetched = {key: server.hits[f"/bench/{key}.html"] for key in truth}
        assert all(n == 1 for n in fetched.values()), {k: n for k, n in fetched.items() if n != 1}
    with connect() as store:
        run = get_run(store, run_id)
        docs = {d["url"].rsplit("/", 1)[1].removesuffix(".html"): d for d in store.articles.find({}, {"text": 1, "url": 1, "lang": 1})}
    assert run["status"] == "finished" and run["sources"]["bench"]["stored"] == len(truth)
    assert set(docs) == set(truth)
    precision, recall, f1 = score([token_pr(docs[k]["text"], v["articleBody"]) for k, v in truth.items()])
    assert f1 >= 0.93, (precision, recall, f1)
    assert all(d["lang"] for d in docs.values())  # mostly English, some Portuguese, Russian...
