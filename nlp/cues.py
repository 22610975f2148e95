"""Per-language cue lists (nlp/resources/cues.yaml) as sets.

A :class:`CueTable` is one parsed cue file; the components hold their own (saved and
loaded with the pipeline), and ``cues_for``/``foreign_names`` read the shipped one for
the scripts that train and fit outside a pipeline.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

from citywatch import config
from nlp.cache import prepared
from nlp.language import function_words

CUES_FILE = Path(__file__).with_name("resources") / "cues.yaml"
CUE_LANGS = ("en", "fr", "es", "de", "it", "pt", "nl", "sv", "zh", "ru", "ar", "ja", "ko", "pl", "uk", "cs", "da", "no", "is", "id",
             "tr", "vi", "hi", "lt")

Cues = dict[str, frozenset[str]]
ForeignNames = tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]


class CueTable:
    """The cue sets of every language, parsed from the text of a cue file."""

    def __init__(self, text: str, where: str = CUES_FILE.name) -> None:
        # the shipped file is parsed once and kept under var/cache (nlp.cache): its YAML cost 20-30 ms per process
        if text == _shipped_text():
            raw = prepared("cues", hashlib.sha256(text.encode()).hexdigest(), (yaml, config),
                           lambda: _parse(text, where))
        else:
            raw = _parse(text, where)
        if not isinstance(raw, dict) or "en" not in raw:
            raise ValueError(f"{where}: not a cue file (no 'en' cues)")
        for lang, table in raw.items():  # the one number among the word lists (how many tokens an entry may span)
            grams = table.get("grams", ["1"]) if isinstance(table, dict) else ["1"]
            if not isinstance(grams, list) or not all(str(g).isdigit() and int(g) > 0 for g in grams):
                raise ValueError(f"{where}: {lang}.grams: want a list with a whole number, got {grams!r}")
        self.text = text
        self._raw: dict[str, Any] = raw
        self._by_lang: dict[str, Cues] = {}

    @classmethod
    def read(cls, path: Path) -> CueTable:
        return cls(path.read_text(encoding="utf-8"), str(path))

    def for_lang(self, lang: str) -> Cues:
        """Cue sets for ``lang``; languages without their own lists read English cues, and those without their own
        surnames read English's less their own function words (Italian "Ma Pechino ha risposto", "but Beijing
        answered", where German "Ma Jian" is a man). The language's kinds of firm (``firm_heads_before``: "the
        carmaker Changan") and the brands of ``brands_before``, written alike in every language ("Wynn Macau"), join
        every language's ``heads_before``,
        and the carmakers of ``partners_after`` ("Shanghai-Volkswagen") are every language's; a language's kinds of
        restaurant (``restaurant_kinds``: "Hong Kong Buffet") are organisation heads and restaurant heads both;
        in a language that writes its conjunctions and prepositions onto the next word (``clitic_prefixes``,
        Arabic: لمعرض "to the fair"), so does each head with each of them."""
        key = lang if lang in CUE_LANGS and lang in self._raw else "en"
        if key not in self._by_lang:
            cues = {name: frozenset(str(v).lower() for v in values) for name, values in self._raw[key].items()}
            brands = frozenset(str(v).lower() for v in self._raw.get("brands_before") or ())
            heads = cues.get("heads_before", frozenset()) | cues.get("firm_heads_before", frozenset()) | brands
            cues["partners_after"] = frozenset(str(v).lower() for v in self._raw.get("partners_after") or ())
            if kinds := cues.get("restaurant_kinds"):
                cues["org_heads"] = cues.get("org_heads", frozenset()) | kinds
                cues["restaurant_heads"] = cues.get("restaurant_heads", frozenset()) | kinds
            prefixes = cues.get("clitic_prefixes", frozenset())
            if heads:
                cues["heads_before"] = heads | {prefix + head for prefix in prefixes for head in heads}
            if "surnames" not in cues:  # a Chinese name is written alike in every Latin-script language (Ma Jian)
                cues["surnames"] = frozenset(str(v).lower() for v in self._raw["en"]["surnames"]) - function_words().get(
                    key, frozenset())
            self._by_lang[key] = cues
        return self._by_lang[key]

    def city_marks(self, lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(words before, words after) that mark a name shared by a province and a city as the city in ``lang``
        (the ``city_marks`` block; English's for a language without its own)."""
        marks = self._city_marks
        return marks.get(lang, marks.get("en", ((), ())))

    def province_marks(self, lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(words before, words after) that mark such a shared name as the province in a language whose script
        form of it is the city's alone (Russian "провинции Цзилинь"; the ``province_marks`` block; none for a
        language without one)."""
        return self._province_marks.get(lang, ((), ()))

    @cached_property
    def _city_marks(self) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
        return self._marks("city_marks")

    @cached_property
    def _province_marks(self) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
        return self._marks("province_marks")

    def _marks(self, block: str) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
        out = {}
        for lang, table in (self._raw.get(block) or {}).items():
            if not isinstance(table, dict) or set(table) != {"before", "after"} or not all(
                    isinstance(table[k], list) for k in ("before", "after")):
                raise ValueError(f"cue file: {block}.{lang}: want {{before: [words], after: [words]}}, got {table!r}")
            out[str(lang)] = (tuple(str(w).lower() for w in table["before"]), tuple(str(w).lower() for w in table["after"]))
        return out

    @cached_property
    def foreign_names(self) -> ForeignNames:
        """(US state code -> names, country code -> names) for "Canton, Ohio"-style cues."""
        states = {k: tuple(v) for k, v in self._raw["us_states"].items()}
        countries = {k: tuple(v) for k, v in self._raw["countries"].items()}
        return states, countries


@lru_cache(maxsize=1)
def _shipped_text() -> str:
    return CUES_FILE.read_text(encoding="utf-8")


def _parse(text: str, where: str) -> Any:
    return config.parse_yaml(text, where, fast=True)


@lru_cache(maxsize=1)
def shipped_cues() -> CueTable:
    return CueTable.read(CUES_FILE)


def cues_for(lang: str) -> Cues:
    """The shipped cue sets for ``lang``."""
    return shipped_cues().for_lang(lang)


def foreign_names() -> ForeignNames:
    return shipped_cues().foreign_names


def marks_word(text: str, start: int, end: int, before: Iterable[str], after: Iterable[str]) -> bool:
    """A word of ``before`` ends right before ``start`` (spaces between), or one of ``after`` begins right after
    ``end`` (a space or hyphen between), each a whole word: a cue word that marks the name at ``start:end`` (the
    ``city_marks`` and ``province_marks`` blocks)."""
    preceding = " ".join(text[max(0, start - 30):start].lower().split())
    if any(preceding.endswith(" " + w) or preceding == w for w in before):
        return True
    following = text[end:end + 30].lower()
    following = following[1:] if following[:1] in " -" else following
    return any(following.startswith(w) and not following[len(w):len(w) + 1].isalnum() for w in after)
