"""Fixtures for the operations tests: a real redis-server on loopback, crawl settings, a test site."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import free_port


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A private redis-server (free loopback port, temp dir, no persistence), stopped afterwards."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server not installed (Debian: apt-get install -y redis-server); distributed tests skipped")
    import redis

    port = free_port()
    workdir = tmp_path / "redis"
    workdir.mkdir()
    server = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(workdir),
                               "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    else:
        server.kill()
        pytest.fail("redis-server did not start")
    yield url
    client.close()
    server.terminate()
    server.wait(timeout=10)


def offline_sources(path: Path) -> Path:
    """The test site's source registry at ``path``, pointing at a closed port: for planning, not crawling."""
    from tests.crawler.conftest import make_site

    site = make_site()
    site.bind("127.0.0.1", 1)
    return site.write_sources(path)


def many_articles(n: int, outlets: list[str]) -> list:
    """n distinct articles spread over ``outlets``, built from the crawler tests' placeholder texts."""
    from dataclasses import replace
    from datetime import timedelta

    from demo_site.site import read_articles
    from tests.crawler.conftest import ARTICLES

    base = read_articles(ARTICLES)
    out = []
    for i in range(n):
        a = base[i % len(base)]
        out.append(replace(a, outlet=outlets[i % len(outlets)], slug=f"{a.slug}-{i}",
                           published=a.published - timedelta(hours=i),
                           paragraphs=[f"Item {i}: {p}" for p in a.paragraphs] + [f"Serial {i * 7919}."]))
    return out
