"""Store write throughput: 2,000 realistic articles, embedded engine vs wire path."""

from __future__ import annotations

import hashlib
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from citywatch.store import StoreConfig, connect, save_articles

N_ARTICLES = 2000
WORDS = (
    "the city government said on monday that factories in the region had resumed work after a week "
    "of disruption while exporters warned of weaker demand from europe and the united states port"
).split()


def make_articles(n: int, seed: int = 7) -> list[dict]:
    """About 5 KB of text each, with a few mentions, like a tagged news article."""
    rng = random.Random(seed)
    start = datetime(2026, 7, 1, tzinfo=UTC)
    docs = []
    for i in range(n):
        text = " ".join(rng.choice(WORDS) for _ in range(850))[:5000]
        docs.append(
            {
                "url": f"https://outlet{i % 40}.example/news/{i}",
                "source_id": f"outlet{i % 40}",
                "title": f"Story {i}",
                "text": text,
                "lang": "en",
                "lang_prob": 0.99,
                "published_at": start + timedelta(minutes=37 * i),
                "fetched_at": start + timedelta(minutes=37 * i + 5),
                "content_hash": hashlib.sha1(text.encode()).hexdigest(),
                "cluster_id": f"c{i}",
                "status": "ok",
                "tagger_version": "bench",
                "mentions": [
                    {"start": 10 * k, "end": 10 * k + 7, "surface": "Beijing", "label": "LITERAL",
                     "confidence": 0.9, "flagged": False,
                     "city": {"adcode": "110000", "geonameid": 1816670, "name": "Beijing", "province": "Beijing"}}
                    for k in range(rng.randint(0, 4))
                ],
            }
        )
    return docs


def _throughput(config: StoreConfig, docs: list[dict]) -> float:
    with connect(config) as store:
        started = time.perf_counter()
        result = save_articles(store, docs)
        elapsed = time.perf_counter() - started
        assert result.inserted == len(docs), result
    return len(docs) / elapsed


def run() -> None:
    from mongoeco._pytest_runtime import ProxyThread

    docs = make_articles(N_ARTICLES)
    with tempfile.TemporaryDirectory() as tmp:
        embedded = _throughput(StoreConfig(data_dir=Path(tmp) / "embedded"), docs)
        server = ProxyThread("sqlite", Path(tmp), "7.0", "4.9")
        uri = server.start()
        try:
            wire = _throughput(StoreConfig(uri=uri, timeout_s=30), docs)
        finally:
            server.close()
    print(f"store writes, {N_ARTICLES} articles of ~5 KB, batches of 500:")
    print(f"  embedded (mongoeco SQLite, in-process): {embedded:8.0f} articles/s  (target >= 1000)")
    print(f"  wire (pymongo -> mongoeco server):      {wire:8.0f} articles/s  ({wire / embedded:.2f}x embedded)")
