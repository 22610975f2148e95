"""Every county-level city of the code table, for scripts/build_gazetteer.py.

``county_cities.tsv`` names the county-level cities foreign media name often, with their English
names. The others are found in the code table by rule: a county-level code (not ``xx..00``) whose
name ends in 市. They get the same treatment as the table's cities (GeoNames match near the seat,
pinyin name, prefecture parent), except the seat of a prefecture-level unit of the same name (大理市 of
大理白族自治州: the unit's name already names the place); ``county_excluded.tsv`` lists the few whose name means something
else in foreign news far more often than the town.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


def county_city_codes(cpca: dict[str, dict], prefecture_codes: Iterable[str], listed: Iterable[str],
                      excluded: Iterable[str]) -> list[tuple[str, str]]:
    """(adcode, Chinese name) of each county-level city in ``cpca`` that is neither listed nor excluded, by code."""
    skip = set(prefecture_codes) | set(listed) | set(excluded)
    return [(code, row["name"]) for code, row in sorted(cpca.items())
            if not code.endswith("00") and row["name"].endswith("市") and code not in skip
            and not _seat_of_its_namesake(code, row["name"], cpca)]


def _seat_of_its_namesake(code: str, name_zh: str, cpca: dict[str, dict]) -> bool:
    """大理市 in 大理白族自治州: the prefecture-level unit's name already names the place."""
    parent = cpca.get(code[:4] + "00")
    return parent is not None and parent["name"].startswith(name_zh.removesuffix("市"))


def excluded_codes(read_tsv: Callable[[str], list[list[str]]], cpca: dict[str, dict]) -> set[str]:
    """Codes of ``county_excluded.tsv``; a row whose code does not carry its name stops the build."""
    codes = set()
    for code, name_zh, *_ in read_tsv("county_excluded.tsv"):
        if cpca.get(code, {}).get("name") != name_zh:
            raise SystemExit(f"county_excluded.tsv: {code} is not {name_zh} in the code table")
        codes.add(code)
    return codes
