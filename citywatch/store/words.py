"""Whole-word search, shared by the article summary (a city's name in the title) and the tagger's linker."""

from __future__ import annotations

import re


def contains_word(word: str, folded: str, start: int = 0, end: int | None = None) -> bool:
    """``word`` occurs in ``folded[start:end]`` as a whole word; both are case-folded by the caller.

    Only ASCII words have word boundaries to check: CJK and other scripts written without
    spaces match anywhere.
    """
    if not word.isascii():
        return word in folded[start:end]
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", folded[start:end]) is not None
