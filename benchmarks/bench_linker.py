"""Tagging time and memory on text dense with city names, as the text grows.

One generated text per size (city names, provinces and homonyms in every sentence, as
on a list or index page) tagged whole with the English pipeline. Each size runs in its
own subprocess so that its peak resident memory is its own; the per-megabyte times,
side by side in one run, show whether the work grows linearly; CPU seconds per megabyte say the
same on a machine shared with other jobs, where wall time does not.

Two texts per size: the same block of sentences repeated (the case of issue #14) and one where
a city and a number change in every sentence, so that no parse is shared.
``python -m benchmarks.bench_linker [MB ...]`` runs chosen sizes (default 0.25 0.5 1).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

SIZES_MB = (0.25, 0.5, 1.0)
TARGET_SECONDS_PER_MB = 30.0
SENTENCES = (
    "Suzhou, Anhui, signed a deal with Suzhou in Jiangsu province and with Taizhou. ",
    "Officials in Fuzhou met investors from Nanchang, Xiamen and Wenzhou on Monday. ",
    "Beijing said the new rail line from Chengdu to Chongqing would open next year. ",
    "Yulin in Guangxi and Yulin in Shaanxi both reported record harvests of grain. ",
    "Workers from Harbin, Dalian and Shenyang travelled to Tianjin for the fair. ",
)


VARY = ("Wuhan", "Hefei", "Xi'an", "Kunming", "Lanzhou", "Nanning", "Guiyang", "Jinan", "Ningbo", "Dongguan", "Foshan")


def dense_text(megabytes: float, varied: bool = False) -> str:
    """The sentences repeated to ``megabytes``; ``varied`` rotates one city per sentence so no two sentences
    in a row of a thousand are the same text (the parser then sees every sentence)."""
    size = int(megabytes * 1_000_000)
    parts, length, i = [], 0, 0
    while length < size:
        sentence = SENTENCES[i % len(SENTENCES)]
        if varied:
            sentence = sentence.replace(" on ", f" near {VARY[i % len(VARY)]} #{i // len(VARY) % 1000} on ", 1) \
                if " on " in sentence else f"{VARY[i % len(VARY)]} #{i % 1000}: {sentence}"
        parts.append(sentence)
        length += len(sentence)
        i += 1
    return "".join(parts)[:size]


def _worker(megabytes: float, varied: bool) -> None:
    from nlp.pipeline import pipeline_for, tag_texts

    pipeline_for("en")
    text = dense_text(megabytes, varied)
    started, cpu = time.perf_counter(), time.process_time()
    mentions = tag_texts([text], ["en"])[0]
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(json.dumps({"mb": megabytes, "varied": varied, "seconds": elapsed, "cpu": cpu, "mentions": len(mentions),
                      "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def measure(megabytes: float, varied: bool = False) -> dict:
    args = ["--worker", str(megabytes), *(["--varied"] if varied else [])]
    done = subprocess.run([sys.executable, "-m", "benchmarks.bench_linker", *args],
                          capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parents[1])
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(sizes: tuple[float, ...] = SIZES_MB) -> None:
    rows = [measure(mb, varied) for varied in (False, True) for mb in sizes]
    for row in rows:
        base = next(r for r in rows if r["varied"] == row["varied"])
        per_mb = row["seconds"] / row["mb"]
        print(f"{'varied' if row['varied'] else 'repeated'} {row['mb']:>6.2f} MB  {row['mentions']:>8,} mentions  "
              f"{row['seconds']:7.1f} s  {per_mb:6.1f} s/MB ({per_mb / (base['seconds'] / base['mb']):4.2f}x the "
              f"smallest)  CPU {row['cpu'] / row['mb']:6.1f} s/MB  peak RSS {row['maxrss_mb']:6.0f} MB")
    worst = max(r["seconds"] / r["mb"] for r in rows if not r["varied"])
    print(f"target (repeated text, as in issue #14): under {TARGET_SECONDS_PER_MB:.0f} s per MB at every size: "
          f"{'met' if worst < TARGET_SECONDS_PER_MB else 'NOT met'}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        _worker(float(sys.argv[2]), "--varied" in sys.argv)
    else:
        run(tuple(float(a) for a in sys.argv[1:]) or SIZES_MB)
