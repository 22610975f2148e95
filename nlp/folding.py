"""How names are folded before they are compared: the tagger's one home for it.

Three keys, because they answer three different questions, and each must stay as it is
for the gazetteer to rebuild byte-identically and for offsets to stay right:

* :func:`lower_same_length` lower-cases running text without moving any character, so an
  offset found in the folded text is an offset in the original ("İ" lowers to two
  characters; it is left alone). The finder and the linker search this text.
* :func:`form_key` is the key of a gazetteer form in the finder's automaton: NFC, lower case.
* :func:`lookup_key` is the key of the gazetteer's own look-ups by name: stripped,
  typographic apostrophes unified, case-folded (Latin, Cyrillic), accents kept.
* :func:`match_key` matches one place across data sources when the gazetteer is built
  (GeoNames against the code table): no case, accents, apostrophes, hyphens or spaces.

The article summary's title match (``citywatch.store.summary``) is below the tagger in the
layers and only needs ``str.casefold``.
"""

from __future__ import annotations

import unicodedata

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u02bb": "'"})


def lower_same_length(text: str) -> str:
    """``text.lower()`` when it keeps offsets, else a per-character lower-casing that does."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)


def form_key(form: str) -> str:
    return unicodedata.normalize("NFC", form).lower()


def lookup_key(text: str) -> str:
    """Lookup key: case-insensitive (Latin, Cyrillic), accent-sensitive, typographic apostrophes unified."""
    return text.strip().translate(_APOSTROPHES).casefold()


def match_key(text: str) -> str:
    """Comparison key for matching names across sources: no case, accents, apostrophes, hyphens, spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))
