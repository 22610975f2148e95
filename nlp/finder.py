"""Candidate finder: every gazetteer form in one pass over the raw text.

It runs before anything expensive and decides where the expensive work happens:
a text without a candidate never reaches the trained model. One Aho-Corasick
automaton over lower-cased forms finds all occurrences in time linear in the
text; Latin-script hits are then kept only at word boundaries and when the text
capitalises them (``Canton``/``CANTON``, not ``canton``), CJK hits are kept as
they are (Chinese has no word boundaries to check, and segmentation would cost
more than it saves).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import ahocorasick

from nlp.folding import fold_devanagari, form_key, has_devanagari, lower_same_length, unfolded_offset

#: Languages that write a city name as the first part of a compound (Pekingbaserade, Shanghaibörsen,
#: Hongkongpolisen, Pekingreise): see ``FormMatcher.find``.
COMPOUNDING_LANGS = frozenset({"de", "nl", "sv", "da", "no", "is"})
#: Letters the rest of a compound must have at least (Shanghai|börsen); fewer are an ending (Dali|an).
COMPOUND_REST = 3


@dataclass(frozen=True, slots=True)
class Hit:
    """One occurrence of a gazetteer form; ``kind`` is "city" or "province"."""

    start: int
    end: int
    form: str
    kind: str


def is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or "\U00020000" <= char <= "\U0002ffff"


def _word_char(char: str) -> bool:
    """A letter or digit of a script with spaces; a Devanagari vowel sign, nukta or virama is inside a word too."""
    if "\u0900" <= char <= "\u097f":
        return unicodedata.category(char)[0] in "LMN"
    return char.isalnum() and not is_cjk(char)


class FormMatcher:
    """All occurrences of a set of forms, leftmost-longest, never overlapping."""

    def __init__(self, forms: Iterable[tuple[str, str]]) -> None:
        self._automaton = ahocorasick.Automaton()
        for text, kind in forms:
            key = form_key(text)
            if len(key) < 2 and not is_cjk(key[:1]):
                continue  # one Latin letter is never a city name
            existing = self._automaton.get(key, None)
            # a name that is both a city and a province (Beijing, Jilin) is kept as a city
            if existing is None or (existing[1] == "province" and kind == "city"):
                self._automaton.add_word(key, (text, kind, len(key)))
        self.empty = len(self._automaton) == 0
        if not self.empty:
            self._automaton.make_automaton()

    def find(self, text: str, compound_head: Callable[[str], bool] | None = None) -> list[Hit]:
        """The forms in ``text``; with ``compound_head``, also a form for which it is true that begins a longer
        word in lower case (Shanghai|börsen), as the languages of ``COMPOUNDING_LANGS`` write compounds."""
        if self.empty or not text:
            return []
        lowered = lower_same_length(unicodedata.normalize("NFC", text)) if not text.isascii() else text.lower()
        if len(lowered) != len(text):  # NFC changed the length: match on the raw text instead
            lowered = lower_same_length(text)
        hits = [h for h in self._raw_hits(text, lowered) if self._acceptable(text, h, compound_head)]
        return _leftmost_longest(hits)

    def _raw_hits(self, text: str, lowered: str) -> Iterator[Hit]:
        if not has_devanagari(lowered):
            for end_index, (form, kind, _length) in self._automaton.iter(lowered):
                yield Hit(end_index - len(form) + 1, end_index + 1, form, kind)
            return
        # Devanagari keys are folded (nlp.folding): match the folded text, map back to the text's offsets (a
        # hit ends where the next kept character begins, so a dropped nukta or virama stays inside it)
        folded, dropped = fold_devanagari(lowered)
        for end_index, (form, kind, length) in self._automaton.iter(folded):
            yield Hit(unfolded_offset(end_index + 1 - length, dropped), unfolded_offset(end_index + 1, dropped), form, kind)

    @staticmethod
    def _acceptable(text: str, hit: Hit, compound_head: Callable[[str], bool] | None = None) -> bool:
        first = text[hit.start]
        if is_cjk(first) or "\u3040" <= first <= "\u30ff" or "\uac00" <= first <= "\ud7af":
            return True  # Han, Kana, Hangul: word boundaries are nlp.segment's
        if hit.start > 0 and _word_char(text[hit.start - 1]):
            return False
        if hit.end < len(text) and _word_char(text[hit.end]) and not (
                compound_head is not None and compound_head(hit.form) and _compound_rest(text, hit.end)):
            return False
        # capitalised, or a script without case (Arabic); a form its table writes in lower case ("traité de
        # Nankin") matches in lower case
        return not first.islower() or hit.form[:1].islower()


def _compound_rest(text: str, end: int) -> bool:
    """The word goes on after ``end`` in lower-case letters, at least ``COMPOUND_REST`` of them."""
    rest = end
    while rest < len(text) and _word_char(text[rest]):
        rest += 1
    word = text[end:rest]
    return len(word) >= COMPOUND_REST and word.isalpha() and word.islower()


def _leftmost_longest(hits: list[Hit]) -> list[Hit]:
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[Hit] = []
    last_end = -1
    for hit in hits:
        if hit.start >= last_end:
            kept.append(hit)
            last_end = hit.end
    return kept
