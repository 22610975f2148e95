"""Per-language cue lists (nlp/resources/cues.yaml) as sets, loaded once."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

CUES_FILE = Path(__file__).with_name("resources") / "cues.yaml"
CUE_LANGS = ("en", "fr", "es", "de", "it", "pt", "nl", "sv", "zh", "ru", "ar", "ja", "ko")


@lru_cache(maxsize=1)
def _raw() -> dict[str, Any]:
    return yaml.load(CUES_FILE.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)  # libyaml: 10x the pure-Python parser


@lru_cache(maxsize=16)
def cues_for(lang: str) -> dict[str, frozenset[str]]:
    """Cue sets for ``lang``; languages without their own lists read English cues."""
    table = _raw().get(lang if lang in CUE_LANGS else "en")
    return {key: frozenset(str(v).lower() for v in values) for key, values in table.items()}


@lru_cache(maxsize=1)
def foreign_names() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """(US state code -> names, country code -> names) for "Canton, Ohio"-style cues."""
    raw = _raw()
    states = {k: tuple(v) for k, v in raw["us_states"].items()}
    countries = {k: tuple(v) for k, v in raw["countries"].items()}
    return states, countries
