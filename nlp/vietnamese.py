"""When a Sino-Vietnamese reading of a city's name is the city.

The gazetteer gives every prefecture-level unit the Sino-Vietnamese (Hán-Việt) reading of its Chinese name (kind
``vi_hanviet``: Quế Lâm, Tế Nam, Thai Châu), as Vietnamese news writes Chinese cities. Vietnamese builds its own
place names and people's names from the same syllables (Văn Sơn in Nguyễn Văn Sơn, Ngọc Lâm, huyện Lương Sơn, đại
lý "agent"), so a hit that only the reading gives is kept only where the text writes it as a name of its own:

- the text is Vietnamese: in another language nobody writes the reading;
- every syllable is capitalised, as Vietnamese writes every syllable of a proper name;
- no capitalised word runs on before it (except the first word of a sentence: "Tại Quế Lâm") or after it: then it
  is part of a longer name (Nguyễn Văn Sơn, Bắc Hải Đạo);
- no word for a Vietnamese local unit stands right before it (xã, huyện, phường: the vi cue list
  ``local_unit_words``): then it names a place in Vietnam.

Established names of ``exonyms.tsv`` (Bắc Kinh, Thượng Hải, Hồng Kông) are written by the press and need none of
this; the readings that are Vietnamese provinces, towns or common words (Thái Nguyên, Tây Ninh, Mai Châu) are not in
the gazetteer at all (``generated_exclusions.tsv``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from nlp import regexes
from nlp.cues import cues_for
from nlp.finder import Hit
from nlp.lexicon import Lexicon

READING = "vi_hanviet"
_SENTENCE_START = frozenset(".!?:;-–—\"“”'‘’(«\n")


@lru_cache(maxsize=1)
def _local_unit_before() -> re.Pattern[str]:
    words = sorted(cues_for("vi").get("local_unit_words", ()), key=len, reverse=True)
    return regexes.compile(rf"(?:^|\s)(?:{'|'.join(map(re.escape, words)) or '(?!)'})\s+$")


def reading_only(hit: Hit, lexicon: Lexicon) -> bool:
    """A city hit that only the Sino-Vietnamese reading gives (no established name, no other language's form)."""
    form = lexicon.form(hit.form) if hit.kind == "city" else None
    return form is not None and set(form.kinds) == {READING}


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _word_before(text: str, start: int) -> tuple[str, int]:
    """The word separated from ``start`` by spaces only ("" where punctuation or a line break comes between), and
    where it starts."""
    i = start
    while i > 0 and text[i - 1] == " ":
        i -= 1
    if i == start:
        return "", start
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return text[j:i], j


def _sentence_start(text: str, start: int) -> bool:
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i == 0 or text[i - 1] in _SENTENCE_START


def _written_as_name(text: str, hit: Hit) -> bool:
    surface = text[hit.start:hit.end]
    if not all(_capitalised(word) for word in surface.split()):
        return False
    if _local_unit_before().search(text[max(0, hit.start - 16):hit.start].lower()):
        return False
    if surface.isupper():  # a headline or dateline in capitals says nothing about where a name ends
        return True
    before, where = _word_before(text, hit.start)
    if before and _capitalised(before) and not _sentence_start(text, where):
        return False
    after = text[hit.end + 1:hit.end + 2] if text[hit.end:hit.end + 1] == " " else ""
    return not _capitalised(after)


def keep_readings(text: str, hits: list[Hit], lexicon: Lexicon, lang: str) -> list[Hit]:
    """``hits`` without the Sino-Vietnamese readings that are not the city here (see the module docstring)."""
    return [h for h in hits if not reading_only(h, lexicon) or (lang == "vi" and _written_as_name(text, h))]
