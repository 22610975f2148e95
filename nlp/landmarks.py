"""Landmarks and institutions of a city (``nlp/data/landmarks.tsv``) as evidence for the linker.

A homonym is often settled by what else the text names: "the Wuyi Mountains", "the Mogao caves", "Soochow
University". Each name of the table stands for a place at its city: the linker counts it as a part of that city
(and of the prefecture it lies in) and as a named place with that city's coordinates and province.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ahocorasick

LANDMARKS_FILE = Path(__file__).with_name("data") / "landmarks.tsv"


@dataclass(frozen=True)
class Landmarks:
    """Landmark name (lower case) -> adcode of its city; one automaton finds every name in a text."""

    cities: Mapping[str, str]
    text: str  # the file as read, saved with the pipeline

    def __post_init__(self) -> None:
        automaton = ahocorasick.Automaton()
        for name in self.cities:
            automaton.add_word(name, name)
        if self.cities:
            automaton.make_automaton()
        object.__setattr__(self, "_automaton", automaton)

    def named_in(self, lowered: str) -> list[str]:
        """Adcodes of the cities whose landmarks ``lowered`` (the lower-cased text) names as whole words."""
        if not self.cities:
            return []
        found = []
        for end, name in self._automaton.iter(lowered):  # type: ignore[attr-defined]
            start, stop = end - len(name) + 1, end + 1
            if _boundary(lowered, start - 1) and _boundary(lowered, stop):
                found.append(self.cities[name])
        return found


def _boundary(text: str, i: int) -> bool:
    """No letter or digit at ``i`` (a landmark name is matched as whole words)."""
    return not 0 <= i < len(text) or not text[i].isalnum()


def parse_landmarks(text: str, where: str, cities: Mapping[str, Any]) -> Landmarks:
    """The table's rows, each checked against the gazetteer's cities; ValueError naming the file and line."""
    names: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 5:
            raise ValueError(f"{where}:{number}: expected adcode, name_zh, names, kind, source (5 tab-separated fields)")
        code, name_zh, words = fields[0], fields[1], fields[2]
        city = cities.get(code)
        if city is None or city.name_zh.removesuffix("市") != name_zh:
            raise ValueError(f"{where}:{number}: adcode {code} is not a city named {name_zh} in the gazetteer")
        for name in words.split("|"):
            if not name or name != name.lower().strip():
                raise ValueError(f"{where}:{number}: names must be lower case and not empty: {name!r}")
            if names.get(name, code) != code:
                raise ValueError(f"{where}:{number}: {name!r} is already a landmark of {names[name]}")
            names[name] = code
    return Landmarks(names, text)
