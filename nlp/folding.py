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

Traditional Chinese is compared as its simplified copy (:func:`simplified_table`), one character for one.

Devanagari is folded in all three keys and in the finder's text (:func:`fold_devanagari`, which
says where each folded character came from, so offsets stay right): Hindi spells a foreign name
with or without nukta, with anusvara, chandrabindu or a nasal and virama, with a long or short
vowel, with or without virama, and writes a glide as a vowel or as य/व (ग्वांगझोउ, गुआंगझोउ);
one folded key matches them all, so the gazetteer lists one spelling, not every one.

The article summary's title match (``citywatch.store.summary``) is below the tagger in the
layers and only needs ``str.casefold``.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from nlp import regexes

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u02bb": "'"})

_DEVANAGARI = regexes.compile("[\u0900-\u097f]")
# One character to its folded form ("": dropped): nukta letters to their base, chandrabindu, anusvara and
# the nasals ङ ञ to न, long vowels to short, candra vowels to plain; nukta, virama, ZWJ and ZWNJ dropped.
_DEVANAGARI_FOLD = {
    "\u0958": "क", "\u0959": "ख", "\u095a": "ग", "\u095b": "ज", "\u095c": "ड", "\u095d": "ढ",
    "\u095e": "फ", "\u095f": "य", "\u0929": "न", "\u0931": "र", "\u0934": "ळ",
    "\u0901": "न", "\u0902": "न", "ङ": "न", "ञ": "न",
    "ी": "ि", "ू": "ु", "ई": "इ", "ऊ": "उ", "ॅ": "े", "ॉ": "ो", "ऍ": "ए", "ऑ": "ओ",
    "\u093c": "", "\u094d": "", "\u200c": "", "\u200d": "",
}
# An independent vowel after the vowel sign ि or ु is a glide: ि + आ is या, ु + आ is वा (its vowel sign).
_VOWEL_SIGN = {"अ": "", "आ": "ा", "इ": "ि", "उ": "ु", "ए": "े", "ऐ": "ै", "ओ": "ो", "औ": "ौ"}
_GLIDE = {"ि": "य", "ु": "व"}
_DROPPED = "\x00"  # marks a dropped character while the text keeps its length
_FOLD_TABLE = str.maketrans({char: folded or _DROPPED for char, folded in _DEVANAGARI_FOLD.items()})
_GLIDES = regexes.compile(f"([िु])({_DROPPED}*)([अआइउएऐओऔयव])")


def _glide(match: re.Match[str]) -> str:
    sign, gap, after = match.groups()
    glide = _GLIDE[sign]
    sign_of_after = _DROPPED if after == glide else _VOWEL_SIGN.get(after)
    if sign_of_after is None:  # ि + व, ु + य: no glide
        return match.group(0)
    return glide + gap + (sign_of_after or _DROPPED)


def lower_same_length(text: str) -> str:
    """``text.lower()`` when it keeps offsets, else a per-character lower-casing that does."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)


def has_devanagari(text: str) -> bool:
    return _DEVANAGARI.search(text) is not None


def fold_devanagari(text: str) -> tuple[str, list[int]]:
    """``text`` with its Devanagari folded, and the sorted indices in ``text`` of the characters the folding
    dropped (:func:`unfolded_offset` turns an offset in the folded text back into one in ``text``). Every
    character folds to one character or none, and a glide (ि + आ -> या) to as many as it had, so the text is
    folded at its own length first, dropped characters marked, and the marks taken out last."""
    if not has_devanagari(text):
        return text, []
    marked = _GLIDES.sub(_glide, text.translate(_FOLD_TABLE))
    return marked.replace(_DROPPED, ""), [m.start() for m in re.finditer(_DROPPED, marked)]


def unfolded_offset(index: int, dropped: list[int]) -> int:
    """The offset in the text of ``index`` in its folded text: the character it is, or (past the end) the
    text's end; a dropped character just before it (a nukta, a virama) stays before it."""
    offset = index
    while True:
        moved = index + bisect.bisect_right(dropped, offset)
        if moved == offset:
            return offset
        offset = moved


def devanagari_key(text: str) -> str:
    """``text`` with its Devanagari folded: the key the gazetteer build merges Hindi spellings by, the finder's
    automaton keys, and the text the finder matches them in."""
    return fold_devanagari(text)[0]


def form_key(form: str) -> str:
    return devanagari_key(unicodedata.normalize("NFC", form).lower())


def lookup_key(text: str) -> str:
    """Lookup key: case-insensitive (Latin, Cyrillic), accent-sensitive, typographic apostrophes unified,
    Devanagari folded."""
    return devanagari_key(text.strip().translate(_APOSTROPHES).casefold())


def match_key(text: str) -> str:
    """Comparison key for matching names across sources: no case, accents, apostrophes, hyphens, spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


_RADICALS = (0x2E80, 0x2FE0)  # the CJK radicals supplement and the Kangxi radicals


def is_radical(code: int) -> bool:
    """A radical's code point, which the table maps to the ideograph it looks like, not a traditional character."""
    return _RADICALS[0] <= code < _RADICALS[1]


@lru_cache(maxsize=8)
def simplified_text(text: str) -> str:
    """The simplified copy of a whole text (:func:`simplified_table`), made once per text: the table maps one character
    to one, so a slice of the copy is the copy of the same slice, and the windows read around each name of a text are
    slices of it instead of copies made anew for every name (eight texts kept: a window is at most 500,000 characters)."""
    return text.translate(simplified_table())


@lru_cache(maxsize=1)
def simplified_table() -> dict[int, str]:
    """Traditional character -> its first simplified one, from OpenCC's character table (TSCharacters.txt of
    opencc-python-reimplemented). Traditional text is read as its simplified copy wherever words are compared:
    jieba's dictionary is simplified (on traditional text it fell back to single characters, so 白銀 in
    一片白銀世界, "a world of silver", came out as two words that together look like a whole name), and so are
    most Chinese cue lists (醫院 is 医院, 大學 is 大学). One character for one keeps every offset; the phrase
    tables are not needed to find words."""
    import opencc

    table = {}
    path = Path(opencc.__file__).with_name("dictionary") / "TSCharacters.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        traditional, _, simplified = line.partition("\t")
        first = simplified.split()[0] if simplified.split() else ""
        if len(traditional) == 1 and len(first) == 1 and first != traditional:
            table[ord(traditional)] = first
    # the Kangxi radicals and CJK radical supplements that some pages print for the ideographs they look like (格力⾼,
    # ⼭東省: U+2FBC, U+2F2D), read as those ideographs (Unicode's compatibility mapping), simplified in turn
    for code in range(*_RADICALS):
        unified = unicodedata.normalize("NFKC", chr(code))
        if len(unified) == 1 and unified != chr(code):
            table[code] = table.get(ord(unified), unified)
    return table
