"""The project's own annotated sentences (``training.tsv``, ``calibration.tsv``): one target marked ``[[ ]]``."""

from __future__ import annotations

import re

_TARGET = re.compile(r"\[\[(.+?)\]\]")


def unmark(marked: str) -> tuple[str, int, int]:
    """The sentence without the [[ ]] around its target, and the target's span; ValueError without one."""
    match = _TARGET.search(marked)
    if match is None:
        raise ValueError("no [[target]] in the sentence")
    start, end = match.start(), match.start() + len(match.group(1))
    return marked[:start] + match.group(1) + marked[match.end():], start, end
