"""Fixtures for crawler tests: the sample site on loopback and a crawl helper.

The placeholder content in ``site/`` belongs to these tests; the demo's sample
articles (demo_site/articles.jsonl) are not needed here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from demo_site.server import SiteServer
from demo_site.site import Site, read_articles, read_outlets

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "site" / "articles.jsonl"
OUTLETS = HERE / "site" / "outlets.yaml"

# Fast and deterministic: no throttling, short timeout, tiny backoff, small feed limit.
FAST = {
    "DOWNLOAD_TIMEOUT": 1,
    "RETRY_BACKOFF_BASE": 0.05,
    "RETRY_AFTER_MAX": 0.3,
    "FEED_MAXSIZE": 1_000_000,
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "RUN_HEARTBEAT_SECONDS": 0.5,
    "STORE_FLUSH_SECONDS": 0.5,
    "TAGGER_ENABLED": False,
}


def make_site(**kwargs: Any) -> Site:
    return Site(read_articles(ARTICLES), read_outlets(OUTLETS), **kwargs)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[SiteServer, Path]]:
    """The sample site with every hostile case, and its sources file."""
    with SiteServer(make_site(hostile=True, slow_seconds=6, huge_feed_bytes=2_000_000)) as server:
        yield server, server.site.write_sources(tmp_path / "sources.yaml")


def crawl(sources: Path, **overrides: Any) -> str:
    from crawler.run import run_crawl

    only = overrides.pop("only", None)
    return run_crawl(sources, only=only, settings={**FAST, **overrides})
