"""The names that carry a city name (``nlp/data/names.tsv``), checked, for scripts/build_gazetteer.py, each also with
the city's other spellings of :data:`SPELLINGS`.

Each row must contain a form of the gazetteer as a whole word (otherwise it could never matter to the
tagger) and say whether that city name inside is a mention of the city (``part``) or not (``none``). A brand or
company may give the words of its trade in a fifth field: in an article that uses one of them its first word alone
is the firm: no mention for a firm named for no city ("Yili" where the text speaks of dairy or milk), and for one
whose city counts a word the small model's person guess may stand for ("Harbin" beside "brewer" or "AB InBev").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

# The same city written otherwise inside a name, by the languages that do so (German, Dutch, Swedish and Polish write
# Hongkong as one word; the city's own English is Macao as often as Macau): each name is also matched so
# ("Art Basel Hongkong", "Macao Grand Prix"). The project's rule, from each language's usual spelling.
SPELLINGS = (("Hong Kong", "Hongkong"), ("Macau", "Macao"), ("Macao", "Macau"))

KINDS = frozenset({"club", "brand", "company", "exchange", "org", "treaty", "event", "dish", "newspaper", "work",
                   "building", "street"})
CITY = frozenset({"part", "none"})


def name_rows(read_tsv: Callable[[str], list[list[str]]], forms: Iterable[str]) -> list[list[Any]]:
    """[name, kind, city, trade words] per row of names.tsv, sorted; a bad row stops the build naming its name and
    field."""
    folded = {f.casefold() for f in forms}
    rows = []
    for row in read_tsv("names.tsv"):
        if len(row) not in (4, 5):
            raise SystemExit(f"names.tsv: {row[0]!r}: expected 4 or 5 tab-separated fields, got {len(row)}")
        name, kind, city, source = row[:4]
        trade = row[4].split("|") if len(row) == 5 else []
        if trade and (kind not in {"brand", "company"} or any(not w or w != w.lower() for w in trade)):
            raise SystemExit(f"names.tsv: {name!r}: trade words need a brand or company and lower-case words")
        if kind not in KINDS:
            raise SystemExit(f"names.tsv: {name!r}: kind {kind!r} is not one of {sorted(KINDS)}")
        if city not in CITY:
            raise SystemExit(f"names.tsv: {name!r}: city {city!r} is not 'part' or 'none'")
        if not source.strip():
            raise SystemExit(f"names.tsv: {name!r}: no source")
        words = re.findall(r"[\w'’]+", name.casefold())
        spans = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
        if re.search(r"[\u3400-\u9fff]", name):  # characters have no spaces: any part of the name may be the form
            spans = {name[i:j] for i in range(len(name)) for j in range(i + 1, len(name) + 1)}
        if not spans & folded:
            raise SystemExit(f"names.tsv: {name!r}: contains no city form of the gazetteer")
        rows.append([name, kind, city, trade])
        rows += [[name.replace(written, other), kind, city, trade] for written, other in SPELLINGS
                 if re.search(rf"\b{written}\b", name) and other.casefold() in folded]
    return sorted(rows)
