"""Districts and counties by their pinyin name, for scripts/build_gazetteer.py.

The linker reads a district or county named in an article as evidence for the prefecture-level city it
belongs to ("Linchuan" -> Fuzhou, Jiangxi; "Haidian" -> Beijing). Only Latin-script names of at least
five letters that are not a city or province form and not a common word are kept, with the codes of
the prefecture-level units (or municipalities) that have a unit of that name.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

MIN_LETTERS = 5


def district_rows(domestic: Mapping[str, list], taken: Iterable[str], stop: set[str]) -> list[list]:
    """[Name, [parent adcodes]] per pinyin name of a district or county, sorted by name."""
    taken = {t.casefold() for t in taken}
    rows = []
    for key in sorted(domestic):
        if not key.isascii() or not key.isalpha() or len(key) < MIN_LETTERS or key in taken or key in stop:
            continue
        parents = sorted({parent for _code, _name, parent in domestic[key] if parent})
        if parents:
            rows.append([key[:1].upper() + key[1:], parents])
    return rows
