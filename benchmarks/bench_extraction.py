"""Extraction quality on the article-extraction-benchmark (181 real pages with gold bodies).

Two scores, both for citywatch's extraction (crawler.extraction.extract, the
function the crawl stores) and trafilatura's default ``extract`` in the same run:

* token level (the target): bags of ``\\w+`` tokens; per page precision and recall,
  averaged over pages; F1 from the two averages.
* the benchmark's own shingle score: 4-token shingles, per page tp/fp/fn
  normalised to sum to 1, averaged (see the data folder's SOURCE.md).
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from demo_site.site import bench_dir_from_env

_TOKEN = re.compile(r"\w+")


def tokens(text: str | None) -> list[str]:
    return _TOKEN.findall(text or "")


def token_pr(pred: str | None, gold: str) -> tuple[float, float] | None:
    p, g = Counter(tokens(pred)), Counter(tokens(gold))
    if not g:
        return None
    tp = sum((p & g).values())
    return (tp / sum(p.values()) if p else 0.0), tp / sum(g.values())


def shingle_pr(pred: str | None, gold: str, n: int = 4) -> tuple[float, float] | None:
    def shingles(text: str | None) -> Counter:
        t = tokens(text)
        return Counter(tuple(t[i : i + n]) for i in range(max(0, len(t) - n + 1)))

    p, g = shingles(pred), shingles(gold)
    tp, fp, fn = sum((p & g).values()), sum((p - g).values()), sum((g - p).values())
    if tp + fp + fn == 0:
        return None
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)


def score(pairs: list[tuple[float, float] | None]) -> tuple[float, float, float]:
    kept = [p for p in pairs if p is not None]
    precision = sum(p for p, _ in kept) / len(kept)
    recall = sum(r for _, r in kept) / len(kept)
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def pages(bench_dir: Path) -> Iterator[tuple[str, str, str]]:
    """(page html, original url, gold body)."""
    truth = json.loads((bench_dir / "ground-truth.json").read_text(encoding="utf-8"))
    for key, value in truth.items():
        html = gzip.decompress((bench_dir / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8")
        yield html, value["url"], value["articleBody"]


def evaluate(extractors: dict[str, Callable[[str, str], str | None]], bench_dir: Path) -> dict[str, dict]:
    results: dict[str, dict] = {name: {"token": [], "shingle": [], "seconds": 0.0} for name in extractors}
    for html, url, gold in pages(bench_dir):
        for name, extract in extractors.items():
            started = time.perf_counter()
            text = extract(html, url)
            results[name]["seconds"] += time.perf_counter() - started
            results[name]["token"].append(token_pr(text, gold))
            results[name]["shingle"].append(shingle_pr(text, gold))
    return results


def citywatch_extract(html: str, url: str) -> str | None:
    from crawler.extraction import extract

    found = extract(html, url)
    return found.text if found else None


def trafilatura_default(html: str, url: str) -> str | None:
    import trafilatura

    return trafilatura.extract(html, url=url)


def run() -> None:
    bench_dir = bench_dir_from_env()
    if bench_dir is None:
        print("skipped: needs ../shared/data/article-extraction-benchmark (or CITYWATCH_BENCH_DIR)")
        return
    results = evaluate({"citywatch": citywatch_extract, "trafilatura default": trafilatura_default}, bench_dir)
    n = len(results["citywatch"]["token"])
    print(f"article-extraction-benchmark, {n} pages; body vs gold body")
    print(f"  {'extractor':<20} {'token P':>8} {'R':>7} {'F1':>7}   {'shingle P':>9} {'R':>7} {'F1':>7}   ms/page")
    for name, r in results.items():
        tp, tr, tf = score(r["token"])
        sp, sr, sf = score(r["shingle"])
        print(f"  {name:<20} {tp:8.3f} {tr:7.3f} {tf:7.3f}   {sp:9.3f} {sr:7.3f} {sf:7.3f}   {1000 * r['seconds'] / n:7.1f}")
    ours, default = score(results["citywatch"]["token"])[2], score(results["trafilatura default"]["token"])[2]
    print(f"  token F1 target >= 0.93 and above the default: {'met' if ours >= 0.93 and ours > default else 'NOT met'}")
