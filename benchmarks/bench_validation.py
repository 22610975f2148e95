"""``make bench`` entry of the validation harness; the harness itself is :mod:`scoring.validation.harness`.

``python -m benchmarks validation`` runs it in full (docs/scoring.md, section 10);
``python -m benchmarks.bench_validation 1`` runs one world, with the reduced mode
of the environment variables ``CITYWATCH_VALIDATION_RESAMPLES`` and
``CITYWATCH_VALIDATION_POOLINGS``.
"""

from __future__ import annotations

import sys

from scoring.validation.harness import WORLDS, run

__all__ = ["run"]

if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else WORLDS)
