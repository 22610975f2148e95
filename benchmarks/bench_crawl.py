"""End-to-end crawl throughput on the local site vs extraction alone over the same pages.

The crawl (fetch over loopback, extract, detect language, dedup, store; tagging
off, as the figure is about the crawler) runs as ``citywatch crawl`` does, in a
child process, with its default extraction workers (one per spare core, see
crawler/workers.py); its rate is articles stored per second of the run record's
duration. Extraction alone is ``crawler.extraction.extract`` over the same pages'
HTML in this process, one page after another. The pages are the 181 real pages
of the article-extraction-benchmark when ../shared is present, else the demo site.

Two ratios: wall clock (what a user waits; the workers let extraction overlap
with fetching and storing) and pages per CPU second (the run record's CPU time,
crawl process plus workers): the second is blind to other users' load and to the
number of cores, and says what crawling costs on top of extraction.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from demo_site.server import SiteServer
from demo_site.site import Site, bench_dir_from_env

SETTINGS = {
    "TAGGER_ENABLED": False,
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "LOG_LEVEL": "WARNING",
}


def _site() -> tuple[Site, str]:
    bench_dir = bench_dir_from_env()
    if bench_dir is not None:
        return Site([], [], bench_dir=bench_dir), "181 article-extraction-benchmark pages"
    site = Site.sample()
    return site, f"{len(site.articles)} demo articles"


def _page_bodies(site: Site) -> list[tuple[str, str]]:
    """(html, url) of every article page the site serves, fetched in-process."""
    if site.bench_dir is not None:
        paths = [f"/bench/{key}.html" for key in site.bench_pages()]
    else:
        paths = [a.path for a in site.articles]
    bodies = []
    for path in paths:
        reply = site.route(path, {}, {})
        bodies.append((reply.body.decode("utf-8", errors="replace"), f"{site.base}{path}"))
    return bodies


def run() -> None:
    from citywatch.store import connect
    from citywatch.store.runs import get_run
    from crawler.extraction import extract
    from crawler.run import run_crawl
    from crawler.workers import worker_count

    site, label = _site()
    with tempfile.TemporaryDirectory() as tmp, SiteServer(site) as server:
        os.environ["CITYWATCH_DATA_DIR"] = str(Path(tmp) / "var")
        sources = site.write_sources(Path(tmp) / "sources.yaml")
        bodies = _page_bodies(site)

        def extraction_seconds() -> tuple[float, float]:
            """(wall, CPU) seconds for extracting every page once."""
            started, cpu = time.perf_counter(), time.process_time()
            for html, url in bodies:
                extract(html, url)
            return time.perf_counter() - started, time.process_time() - cpu

        extract(*bodies[0])  # warm up (first-call caches) before timing anything
        before = extraction_seconds()
        wall = time.perf_counter()
        run_id = run_crawl(sources, settings=SETTINGS)
        wall = time.perf_counter() - wall
        after = extraction_seconds()  # before and after the crawl: the machine's load drifts
        extraction_rate = len(bodies) / ((before[0] + after[0]) / 2)
        extraction_cpu_rate = len(bodies) / ((before[1] + after[1]) / 2)
        with connect() as store:
            run = get_run(store, run_id)
            stored = store.articles.count_documents({})
        seconds = (run["ended_at"] - run["started_at"]).total_seconds()
        del os.environ["CITYWATCH_DATA_DIR"]
    crawl_rate = stored / seconds
    crawl_cpu_rate = stored / sum(s.get("cpu_seconds") or 0 for s in run["spiders"].values())
    workers = worker_count(None)
    print(f"local site: {label}; {stored} stored, {sum(server.hits.values())} requests served; "
          f"{workers} extraction worker(s) on {os.process_cpu_count()} usable cores")
    print(f"  extraction alone:           {extraction_rate:7.1f} pages/s")
    print(f"  crawl (fetch+extract+lang+dedup+store): {crawl_rate:7.1f} pages/s  "
          f"({seconds:.1f} s in the run, {wall:.1f} s with process start)")
    print(f"  ratio crawl / extraction:   {crawl_rate / extraction_rate:7.2f}  (target >= 0.7; wall clock)")
    print(f"  per CPU second: crawl {crawl_cpu_rate:.1f} pages, extraction {extraction_cpu_rate:.1f} pages: "
          f"ratio {crawl_cpu_rate / extraction_cpu_rate:.2f} (the crawler's own overhead, blind to other load)")
