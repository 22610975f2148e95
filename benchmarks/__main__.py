"""``make bench``: run every ``benchmarks/bench_*.py`` module's ``run()`` in turn.

Each benchmark prints its own figures, measured side by side in one process run
so that ratios, not absolute times on a noisy machine, carry the meaning.
Pass module names (``python -m benchmarks store crawl``) to run a subset.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time

import benchmarks


def main(selected: list[str]) -> int:
    names = sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.startswith("bench_"))
    if selected:
        names = [n for n in names if n.removeprefix("bench_") in selected or n in selected]
    failed = []
    for name in names:
        print(f"\n=== {name.removeprefix('bench_')} ===", flush=True)
        started = time.perf_counter()
        try:
            importlib.import_module(f"benchmarks.{name}").run()
        except Exception as exc:  # one broken benchmark must not hide the others' figures
            failed.append(name)
            print(f"FAILED: {type(exc).__name__}: {exc}", flush=True)
        print(f"({time.perf_counter() - started:.1f} s)", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
