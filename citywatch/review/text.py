"""Cutting the sentence and paragraph around a mention out of untrusted article text.

Returns plain strings (before, mention, after); the templates escape them. Nothing
here produces markup.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from nlp.sentences import SENTENCE_END

PARAGRAPH_END = re.compile(r"\n\s*\n|\n")
MAX_SIDE = 600  # characters kept on each side of the mention


def _around(text: str, start: int, end: int, boundary: re.Pattern[str]) -> tuple[str, str, str]:
    left = max(0, start - MAX_SIDE)
    cut = left
    for match in boundary.finditer(text, left, start):
        cut = match.end()
    right_match = boundary.search(text, end, min(len(text), end + MAX_SIDE))
    stop = right_match.start() + (1 if right_match and text[right_match.start()] in ".!?。！？" else 0) \
        if right_match else min(len(text), end + MAX_SIDE)
    return text[cut:start].lstrip(), text[start:end], text[end:stop].rstrip()


def sentence(text: str, start: int, end: int) -> tuple[str, str, str]:
    return _around(text, start, end, SENTENCE_END)


def paragraph(text: str, start: int, end: int) -> tuple[str, str, str]:
    return _around(text, start, end, PARAGRAPH_END)


def safe_link(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) link, else None (rendered as text, never as a link)."""
    if not url or any(c in url for c in "\x00\r\n\t "):
        return None
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc else None
