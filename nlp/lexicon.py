"""What the pipeline needs from the gazetteer, indexed once per gazetteer.

The gazetteer (``nlp.gazetteer``) owns the data; this module only builds the
look-ups the components share: one matcher over city and province forms, which
province each city and each province form belongs to. A Lexicon also keeps the
bytes of its gazetteer file, which the components save with a pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlp.finder import FormMatcher, Hit, _fold
from nlp.gazetteer import DEFAULT_PATH, GazetteerError, load


@dataclass
class Lexicon:
    gazetteer: Any
    matcher: FormMatcher
    forms: dict[str, Any]  # folded form text -> Form
    province_forms: dict[str, str]  # folded province form -> province adcode
    city_province: dict[str, str]  # city adcode -> province adcode
    municipal: frozenset[str] = field(default_factory=frozenset)  # cities that are also provinces
    source: bytes = b""  # the gazetteer file it was built from

    def form(self, text: str) -> Any:
        return self.forms.get(_fold(text))

    def province_of(self, text: str) -> str | None:
        return self.province_forms.get(_fold(text))

    def find(self, text: str) -> list[Hit]:
        """Matcher hits; "Beijing Municipality" (a province form of a city) yields the city name in it."""
        hits = self.matcher.find(text)
        for i, hit in enumerate(hits):
            if hit.kind == "province" and self.province_of(hit.form) in self.municipal:
                inner = self.matcher.find(text[hit.start:hit.end - 1])  # any city form inside, not the whole
                city = next((h for h in inner if h.kind == "city" and h.start == 0), None)
                if city is not None:
                    hits[i] = Hit(hit.start, hit.start + city.end, city.form, "city")
        return hits


def _provinces(gazetteer: Any) -> list[Any]:
    provinces = gazetteer.provinces
    return list(provinces.values()) if isinstance(provinces, dict) else list(provinces)


def build_lexicon(gazetteer: Any, source: bytes = b"") -> Lexicon:
    forms = {_fold(f.text): f for f in gazetteer.forms}
    province_forms: dict[str, str] = {}
    for province in _provinces(gazetteer):
        for text in {province.name, province.name_zh, *province.forms}:
            if text:
                province_forms[_fold(text)] = province.adcode
    city_province = {code: city.province_adcode for code, city in gazetteer.cities.items()}
    municipal = frozenset(code for code, city in gazetteer.cities.items() if city.kind in {"municipality", "sar"})
    entries = [(f.text, "city") for f in gazetteer.forms]
    entries += [(text, "province") for text in province_forms if text not in forms]
    return Lexicon(gazetteer, FormMatcher(entries), forms, province_forms, city_province, municipal, source)


_BY_VERSION: dict[str, Lexicon] = {}  # gazetteer version (a hash of its file) -> Lexicon


def read_lexicon(path: Path = DEFAULT_PATH) -> Lexicon:
    """The Lexicon of the gazetteer file at ``path``, built once per file content and shared by all pipelines."""
    gazetteer = load(None if path == DEFAULT_PATH else path)
    if gazetteer.version not in _BY_VERSION:
        try:
            source = Path(path).read_bytes()
        except OSError as exc:
            raise GazetteerError(f"cannot read gazetteer {path}: {exc.strerror}") from None
        _BY_VERSION[gazetteer.version] = build_lexicon(gazetteer, source)
    return _BY_VERSION[gazetteer.version]
