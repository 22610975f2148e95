"""The crawl's language stage: the tagger's language identification (``nlp.language``), seeded and script-first.

One module decides the language of a page for both the crawl and ``citywatch tag``, so that an article
is read by the same pipeline whether it was crawled or tagged from a file. The page's declared
language (``<html lang>``, Content-Language, the registry's expected language) is passed as a hint.
"""

from __future__ import annotations

from nlp.language import detect as _detect
from nlp.language import normalise

__all__ = ["detect", "normalise"]


def detect(text: str, hint: str | None = None) -> tuple[str | None, float | None]:
    """(language code, probability); probability is None when the script or the hint decided.

    Text without a letter gets the hint (None without one), as before the text was read.
    """
    found = _detect(text, hint, default="")
    return found.lang or None, found.prob
