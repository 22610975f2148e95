"""The city gazetteer: Chinese cities, the names foreign text uses for them, and their namesakes.

The data is nlp/data/gazetteer.json, built by scripts/build_gazetteer.py from packaged sources
(see nlp/data/README.md and docs/gazetteer.md). This module only reads it: loading is a JSON parse
plus two dict builds, so pipelines can load it at start-up.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from nlp import regexes
from nlp.folding import lookup_key

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "gazetteer.json"

#: Kinds of City the index ranks by default. Hong Kong and Macau ("sar"), county-level cities and the
#: prefecture-level units that are areas rather than cities (autonomous prefectures, leagues, regions)
#: are in the gazetteer so mentions of them are recognised, but are not ranked unless asked for.
RANKED_KINDS: tuple[str, ...] = ("municipality", "prefecture")
ALL_KINDS: tuple[str, ...] = ("municipality", "prefecture", "sar", "autonomous_prefecture", "league", "region",
                              "county")

# "Jiangsu province", "Guangxi Zhuang Autonomous Region", "安徽省", "Provinz Anhui", "la province du Hunan".
_PROVINCE_AFFIXES = regexes.compile(
    r"^(?:(?:the|la|die|el|a)\s+)?(?:province|provincia|provinz|província)\s+(?:(?:of|du|del|de\s+l['’]|de|d['’]|do|da)\s*)?"
    r"|\s+(?:province|sheng|autonomous\s+region|region|provinz)$|(?:省|自治区|自治區)$",
    re.IGNORECASE,
)


class GazetteerError(RuntimeError):
    """The data file is missing or not a gazetteer; says how to rebuild it."""


@dataclass(frozen=True)
class City:
    adcode: str
    geonameid: int | None
    name: str
    name_zh: str
    name_zh_hant: str
    province: str
    province_zh: str
    province_adcode: str
    kind: str
    parent: str | None
    population: int | None  # of the GeoNames place (for a prefecture-level city sometimes only its seat town)
    lat: float | None
    lon: float | None
    size: int | None = None  # for the linker's prior: the population, a prefecture-level city's at least a floor

    def as_ref(self) -> dict:
        """The `city` object of the tag output contract."""
        return {"adcode": self.adcode, "geonameid": self.geonameid, "name": self.name, "province": self.province}


@dataclass(frozen=True)
class ForeignPlace:
    name: str
    country: str  # ISO 3166-1 alpha-2 ("US", "TW")
    admin1: str | None  # GeoNames admin1 code ("OH"); Gazetteer.admin1_names() spells out US states and admin1.tsv
    population: int | None
    geonameid: int | None


@dataclass(frozen=True)
class DomesticPlace:
    """A county-level unit (district, county, banner) outside the gazetteer that shares a form's name."""

    adcode: str
    name_zh: str
    parent: str | None  # the prefecture-level unit (or municipality) it belongs to


class Form(NamedTuple):
    """A name form and what it names. A named tuple, not a dataclass: the lexicon's cache holds 22,915 of them and
    every process that tags unpickles them (``nlp.cache``), which ``__reduce__`` lets pickle do in C (14 of a
    ``citywatch tag`` run's 60 ms of unpickling, against a frozen dataclass's ``__init__`` per form)."""

    text: str
    adcodes: tuple[str, ...]
    kinds: tuple[str, ...]
    foreign: tuple[ForeignPlace, ...]

    def __reduce__(self) -> tuple[Any, ...]:
        return tuple.__new__, (Form, tuple(self))


@dataclass(frozen=True)
class Province:
    adcode: str
    name: str
    name_zh: str
    forms: tuple[str, ...]


def _one[T](shared: dict[Any, Any], value: T) -> T:
    """``value``, or the equal value met before (one object for equal tuples)."""
    return shared.setdefault(value, value)  # type: ignore[no-any-return]


class Gazetteer:
    def __init__(self, data: dict, version: str) -> None:
        self.version = version
        self.cities: dict[str, City] = {row["adcode"]: City(**row) for row in data["cities"]}
        # equal codes, kinds and their tuples are one object each (22,915 forms share a few thousand): the lexicon
        # is pickled for every process (nlp.cache), and each distinct object costs its unpickling
        shared: dict[Any, Any] = {}
        self.forms: tuple[Form, ...] = tuple(
            Form(f["text"], _one(shared, tuple(map(sys.intern, f["adcodes"]))),
                 _one(shared, tuple(map(sys.intern, f["kinds"]))),
                 _one(shared, tuple(ForeignPlace(*p) for p in f["foreign"])))
            for f in data["forms"]
        )
        self.provinces: dict[str, Province] = {
            p["adcode"]: Province(p["adcode"], p["name"], p["name_zh"], tuple(p["forms"])) for p in data["provinces"]
        }
        #: (name, kind, "part" | "none"): names that carry a city name (nlp/data/names.tsv)
        self.names: tuple[tuple[str, str, str], ...] = tuple((n, k, c) for n, k, c, *_ in data.get("names", ()))
        #: first word of a brand or company (casefolded) -> ("part" | "none", the words of its trade) for each firm
        #: of that first word: "yili" -> (("none", (dairy, milk, ...)),), "harbin" -> (("part", (brewer, ...)),
        #: ("none", (lake county, middletown))), in the names' sorted order
        self.trades: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}
        for n, _k, c, *row in data.get("names", ()):
            if row and row[0]:
                first = n.split()[0].casefold()
                self.trades[first] = (*self.trades.get(first, ()), (c, tuple(row[0])))
        #: pinyin name of a district or county -> the prefecture-level units that have one of that name
        self.districts: dict[str, tuple[str, ...]] = {n: tuple(p) for n, p in data.get("districts", ())}
        #: adcode -> words that point to that city among its homonyms (industries, sights, natives)
        self.known_for: dict[str, tuple[str, ...]] = {c: tuple(w) for c, w in data.get("known_for", {}).items()}
        self.countries: dict[str, str] = data["countries"]
        self._us_states: dict[str, str] = data["us_states"]
        #: "BR.22" -> the names of a namesake's first-level division outside the US (admin1.tsv)
        self._admin1: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in data.get("admin1", {}).items()}
        self._by_key: dict[str, Form] = {}
        self._domestic: dict[str, tuple[DomesticPlace, ...]] = {}
        for form, row in zip(self.forms, data["forms"], strict=True):
            key = sys.intern(lookup_key(form.text))  # the lexicon's keys are mostly the same strings
            self._by_key.setdefault(key, form)
            if row.get("domestic"):
                self._domestic.setdefault(key, tuple(DomesticPlace(*d) for d in row["domestic"]))
        self._province_by_key = {lookup_key(f): p for p in self.provinces.values() for f in p.forms}

    def lookup(self, text: str) -> Form | None:
        return self._by_key.get(lookup_key(text))

    def ranked(self, kinds: tuple[str, ...] = RANKED_KINDS) -> list[City]:
        """The cities the index ranks (by default municipalities and prefecture-level cities), by adcode."""
        return sorted((c for c in self.cities.values() if c.kind in kinds), key=lambda c: c.adcode)

    def province_of_form(self, text: str) -> Province | None:
        key = lookup_key(text)
        if key in self._province_by_key:
            return self._province_by_key[key]
        return self._province_by_key.get(lookup_key(_PROVINCE_AFFIXES.sub("", text.strip())))

    def domestic_namesakes(self, text: str) -> tuple[DomesticPlace, ...]:
        """Districts and counties not in the gazetteer that share the form's name: "Chaoyang" is a
        city in Liaoning and a district of Beijing (110105), "Fuyang" a city in Anhui and a district
        of Hangzhou. Empty for most forms."""
        return self._domestic.get(lookup_key(text), ())

    def admin1_names(self, country: str, admin1: str | None) -> tuple[str, ...]:
        """Names of a foreign place's first-level division where the data has them (US states; elsewhere
        admin1.tsv's divisions of the namesakes' countries)."""
        if not admin1:
            return ()
        if country == "US":
            return (self._us_states[admin1],) if admin1 in self._us_states else ()
        return self._admin1.get(f"{country}.{admin1}", ())


def load(path: Path | None = None) -> Gazetteer:
    """The gazetteer from path; the default (the committed nlp/data/gazetteer.json) is loaded once."""
    return _load_default() if path is None else _load(Path(path))


@functools.cache
def _load_default() -> Gazetteer:
    return _load(DEFAULT_PATH)


def _load(path: Path) -> Gazetteer:
    return parse(read_source(path), path)


def read_source(path: Path) -> bytes:
    """The bytes of the gazetteer file at ``path``."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise GazetteerError(f"cannot read gazetteer {path}: {exc}; rebuild it with "
                             "`python scripts/build_gazetteer.py`") from exc


def version_of(raw: bytes) -> str:
    """The gazetteer's version: a digest of its file."""
    return hashlib.sha256(raw).hexdigest()[:12]


def parse(raw: bytes, path: Path) -> Gazetteer:
    """The gazetteer in ``raw``, the bytes of the file at ``path`` (named in the error)."""
    try:
        return Gazetteer(json.loads(raw), version_of(raw))
    except (ValueError, KeyError, TypeError) as exc:
        raise GazetteerError(f"{path} is not a gazetteer file ({exc}); rebuild it with "
                             "`python scripts/build_gazetteer.py`") from exc
