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


CHANGE_ACTIONS = ("became", "split", "recode", "new")


def apply_county_changes(cpca: dict[str, dict], names: dict[str, str], rows: list[list[str]]) -> dict[str, str]:
    """Bring the code table's county-level cities to the current codes, from ``county_changes.tsv``.

    ``cpca`` (code -> name and seat) gains each city under its new code, at the former unit's seat
    where there is one (``became``, ``split``) and without coordinates otherwise (``recode``, ``new``:
    the caller finds them in GeoNames); a ``became`` or ``recode`` city's former code goes, so the
    former county is not left behind as a namesake of the city. ``names`` is every code of the
    table, also those without coordinates (辛集 139002). Returns new code -> English name where the
    row gives one. A row that does not fit the code table stops the build, naming the row.
    """
    english = {}
    for number, row in enumerate(rows, 1):
        if len(row) != 8:
            raise SystemExit(f"county_changes.tsv: row {number} ({row[:3]}): {len(row)} fields, not 8")
        action, code, name_zh, former, former_zh, name, _year, source = row
        where = f"county_changes.tsv: {code} {name_zh}"
        if action not in CHANGE_ACTIONS:
            raise SystemExit(f"{where}: action {action!r} is not one of {', '.join(CHANGE_ACTIONS)}")
        if not name_zh.endswith("市") or not source:
            raise SystemExit(f"{where}: the name must end in 市 and the source must be given")
        if code in names:
            raise SystemExit(f"{where}: the code table already has {code} ({names[code]})")
        if (action == "new") != (not former):
            raise SystemExit(f"{where}: a {action!r} row {'has no' if former else 'names a'} former unit")
        if former and names.get(former) != former_zh:
            raise SystemExit(f"{where}: former unit {former} is {names.get(former)} in the code table, not {former_zh}")
        if action in ("became", "split") and former[:4] != code[:4]:
            raise SystemExit(f"{where}: not in the prefecture of its former unit {former} {former_zh}")
        seat = cpca.get(former) if action in ("became", "split") else None
        if action in ("became", "split") and seat is None:
            raise SystemExit(f"{where}: former unit {former} has no seat coordinates in the code table")
        cpca[code] = {"name": name_zh, "lat": seat and seat["lat"], "lon": seat and seat["lon"]}
        if action in ("became", "recode"):
            cpca.pop(former, None)
        if name:
            english[code] = name
    return english
