"""Candidate finder: every gazetteer form in one pass over the raw text.

It runs before anything expensive and decides where the expensive work happens:
a text without a candidate never reaches the trained model. Aho-Corasick
automata over lower-cased forms find all occurrences in time linear in the
text; Latin-script hits are then kept only at word boundaries and when the text
capitalises them (``Canton``/``CANTON``, not ``canton``), CJK hits are kept as
they are (Chinese has no word boundaries to check, and segmentation would cost
more than it saves).

The forms are in two automata, one of the forms in Latin letters and one of those in other scripts (Han,
Arabic, Cyrillic, Hangul, ...): pyahocorasick looks a character up among a trie node's children one by one,
and the root of one automaton over every script had some 800 children, so each character of the text that
continues no form (most of them) cost a scan of all of them: 0.1 s per megabyte of English text, against
0.02 s with the Latin forms alone. The other automaton only reads the stretches of text written in its
scripts (none at all in most English articles). Every occurrence is still found (each of its forms holds a
letter of another script, and a form is no longer than the text read around that letter), so the hits are
the ones a single automaton finds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import ahocorasick

from nlp import regexes
from nlp.folding import fold_devanagari, form_key, has_devanagari, lower_same_length, unfolded_offset
from nlp.language import script_of_char

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


class _Automaton:
    """An Aho-Corasick automaton over some of the forms (folded keys -> (form, kind, length of the key))."""

    def __init__(self, entries: dict[str, tuple[str, str, int]]) -> None:
        self.automaton = ahocorasick.Automaton()
        for key, value in entries.items():
            self.automaton.add_word(key, value)
        self.automaton.make_automaton()
        self.reach = max(map(len, entries))  # the longest form


class FormMatcher:
    """All occurrences of a set of forms, leftmost-longest, never overlapping."""

    def __init__(self, forms: Iterable[tuple[str, str]]) -> None:
        entries: dict[str, tuple[str, str, int]] = {}
        for text, kind in forms:
            key = form_key(text)
            if len(key) < 2 and not is_cjk(key[:1]):
                continue  # one Latin letter is never a city name
            existing = entries.get(key)
            # a name that is both a city and a province (Beijing, Jilin) is kept as a city
            if existing is None or (existing[1] == "province" and kind == "city"):
                entries[key] = (text, kind, len(key))
        # the letters of other scripts than Latin in the forms
        own = {char for char in set("".join(entries)) if script_of_char(char) not in (None, "latin")}
        latin = {key: value for key, value in entries.items() if own.isdisjoint(key)}
        other = {key: value for key, value in entries.items() if key not in latin}
        self._latin = _Automaton(latin) if latin else None
        self._other = _Automaton(other) if other else None
        # the stretches of text in other scripts: their letters, with spaces, punctuation and digits between them
        # (a Latin letter ends a stretch)
        letters = re.escape("".join(sorted(own)))
        self._stretch = regexes.compile(f"[{letters}](?:[{letters}\\W\\d_]*[{letters}])?") if own else None
        self.empty = not entries
        # the keys :meth:`covers` reads literally, None where one has a script whose reading by :meth:`find` may
        # differ from its characters (Greek's final sigma, folded Devanagari)
        self._literal_keys = None if any(map(_GREEK_OR_DEVANAGARI.search, entries)) else tuple(entries)
        self._keys_with: dict[str, tuple[str, ...]] = {}

    def find(self, text: str, compound_head: Callable[[str], bool] | None = None) -> list[Hit]:
        """The forms in ``text``; with ``compound_head``, also a form for which it is true that begins a longer
        word in lower case (Shanghai|börsen), as the languages of ``COMPOUNDING_LANGS`` write compounds."""
        if self.empty or not text:
            return []
        ascii_only = text.isascii()
        lowered = text.lower() if ascii_only else lower_same_length(unicodedata.normalize("NFC", text))
        if len(lowered) != len(text):  # NFC changed the length: match on the raw text instead
            lowered = lower_same_length(text)
        hits = [h for h in self._raw_hits(lowered, ascii_only) if self._acceptable(text, h, compound_head)]
        return _leftmost_longest(hits)

    def covers(self, text: str, start: int, end: int, reach: int) -> bool:
        """Does a form of :meth:`find` in ``text[start - reach:end + reach]`` hold ``text[start:end]`` whole?

        For a span in characters of no case (Han, Kana, Hangul) the forms that hold its characters are first
        compared with the text where they would stand: a form found there must stand there letter for letter, so
        where none does (nearly always) the answer is no without reading the window; where one does,
        :meth:`find` decides, leftmost-longest as everywhere. The same answer as reading the window, at a
        fraction of the cost (``tests/nlp/test_finder.py``)."""
        part = text[start:end]
        if self._literal_keys is not None and part and _UNCASED.fullmatch(part) is not None:
            keys = self._keys_with.get(part)
            if keys is None:
                keys = self._keys_with[part] = tuple(key for key in self._literal_keys if part in key)
            if not any(_stands_at(text, start, key, part) for key in keys):
                return False
        lo = max(0, start - reach)
        return any(lo + h.start <= start and end <= lo + h.end for h in self.find(text[lo:end + reach]))

    def _stretches(self, lowered: str, ascii_only: bool) -> Iterator[tuple[_Automaton, int, int]]:
        """(automaton, start, end): the whole text for the Latin forms; for the others, each stretch of text in
        their scripts widened by the longest form on either side, overlapping stretches merged."""
        if self._latin is not None:
            yield self._latin, 0, len(lowered)
        if self._other is None or self._stretch is None or ascii_only:
            return
        reach, lo, hi = self._other.reach, -1, -1
        for stretch in self._stretch.finditer(lowered):
            start, end = max(0, stretch.start() - reach), min(len(lowered), stretch.end() + reach)
            if start > hi:
                if hi > lo:
                    yield self._other, lo, hi
                lo = start
            hi = end
        if hi > lo:
            yield self._other, lo, hi

    def _raw_hits(self, lowered: str, ascii_only: bool) -> Iterator[Hit]:
        if not has_devanagari(lowered):
            for automaton, lo, hi in self._stretches(lowered, ascii_only):
                for end_index, (form, kind, _length) in automaton.automaton.iter(lowered, lo, hi):
                    yield Hit(end_index - len(form) + 1, end_index + 1, form, kind)
            return
        # Devanagari keys are folded (nlp.folding): match the folded text, map back to the text's offsets (a
        # hit ends where the next kept character begins, so a dropped nukta or virama stays inside it)
        folded, dropped = fold_devanagari(lowered)
        for automaton, lo, hi in self._stretches(folded, False):
            for end_index, (form, kind, length) in automaton.automaton.iter(folded, lo, hi):
                yield Hit(unfolded_offset(end_index + 1 - length, dropped), unfolded_offset(end_index + 1, dropped),
                          form, kind)

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


# characters that no lower-casing or normalisation changes: Han (not the compatibility ideographs), Kana, Hangul
_UNCASED = regexes.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]+")
_GREEK_OR_DEVANAGARI = regexes.compile("[\u0370-\u03ff\u1f00-\u1fff\u0900-\u097f]")


def _stands_at(text: str, start: int, key: str, part: str) -> bool:
    """``key``, which holds ``part``, stands in ``text`` where it would hold the ``part`` that begins at ``start``,
    read as :meth:`FormMatcher.find` reads the text (lower case, NFC)."""
    at = key.find(part)
    while at >= 0:
        lo = start - at
        if lo >= 0:
            piece = text[lo:lo + len(key)]
            if piece == key or piece.lower() == key or unicodedata.normalize("NFC", piece).lower() == key:
                return True
        at = key.find(part, at + 1)
    return False


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
