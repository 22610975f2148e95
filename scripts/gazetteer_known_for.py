"""What each homonymous city is known for (``nlp/data/known_for.tsv``), checked, for scripts/build_gazetteer.py."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any


def known_for_rows(read_tsv: Callable[[str], list[list[str]]], units: Mapping[str, Any]) -> dict[str, list[str]]:
    """adcode -> words; a row whose code is not the named unit, or with no words, stops the build."""
    out: dict[str, list[str]] = {}
    for row in read_tsv("known_for.tsv"):
        if len(row) != 3:
            raise SystemExit(f"known_for.tsv: {row[0]!r}: expected 3 tab-separated fields, got {len(row)}")
        code, name_zh, words = row
        if code not in units or units[code].short != name_zh:
            raise SystemExit(f"known_for.tsv: {code} is not {name_zh}")
        listed = sorted({w.strip() for w in words.split("|") if w.strip()})
        if not listed or any(w != w.lower() for w in listed):
            raise SystemExit(f"known_for.tsv: {code}: words must be lower case and not empty")
        out[code] = listed
    return dict(sorted(out.items()))
