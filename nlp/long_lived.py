"""Building what the tagger keeps for the life of the process without Python's cyclic garbage collector.

Importing spaCy and loading the trained model, the gazetteer's lexicon and a language's pipeline make some
million Python objects, nearly all of which live until the process ends. The cyclic collector runs each time
2,000 more objects have been made, and every tenth run looks again at all that the last ten kept: about 70
runs while ``citywatch tag`` starts, which free nothing, and from then on every run of the older generations
looks at the loaded objects again. Inside ``long_lived()`` the collector does not run, and leaving the
outermost one moves every object made so far out of its sight (``gc.freeze``), so later runs only look at
what tagging makes. (The collector is held off by a zero threshold, not by ``gc.disable``: srsly, which
reads the model's msgpack files, turns a disabled collector back on after each read.)

The cost is memory: reference cycles that became garbage before a freeze are never collected. Only what
is kept calls it, each once per process: the builders of the lexicon of a gazetteer, the trained model and
a language's shared pipeline, and the command line's imports of its commands and of the tagger; so there
are at most a few dozen freezes. (Peak memory of ``citywatch tag`` over the benchmark stream: 416 MB with
and without.)
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_thresholds: tuple[int, ...] = ()


@contextmanager
def long_lived() -> Iterator[None]:
    """No cyclic collection inside; on leaving the outermost one, everything made so far is frozen."""
    global _depth, _thresholds
    with _lock:
        if _depth == 0:
            _thresholds = gc.get_threshold()
            gc.set_threshold(0)  # a zero threshold: no automatic collection
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                gc.freeze()
                gc.set_threshold(*_thresholds)
