"""Polish, Czech and Lithuanian case forms of city names: the share of the project's sentences tagged right,
dev and held-out side by side.

Run: .venv/bin/python -m tests.nlp.declension_figures [--errors dev|heldout]
A row (tests/nlp/data/declension_sentences.tsv) is right when its surface is a counted mention (LITERAL,
METONYMIC, ORG_PART) linked to the row's city, or, for a row whose adcode is "-", when it is no mention at all.
Each sentence is tagged with its language declared.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from nlp.labels import CITY_LABELS

DATA = Path(__file__).with_name("data") / "declension_sentences.tsv"
SPLITS = ("dev", "heldout")


@dataclass(frozen=True)
class Row:
    split: str
    lang: str
    surface: str
    adcode: str  # "-": no mention
    text: str


def rows(split: str, path: Path = DATA) -> list[Row]:
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            fields = line.split("\t")
            if len(fields) != 5 or fields[0] not in SPLITS or fields[2] not in fields[4]:
                raise ValueError(f"{path.name} line {number}: want split (dev|heldout), lang, surface (in the text), "
                                 "adcode, text")
            out.append(Row(*fields))
    return [r for r in out if r.split == split]


def is_right(row: Row, mentions: list[dict]) -> bool:
    found = [m for m in mentions if m["surface"] == row.surface]
    if row.adcode == "-":
        return not found
    return any(m["label"] in CITY_LABELS and m.get("city") and m["city"]["adcode"] == row.adcode for m in found)


def figures(split: str, show_errors: bool = False) -> dict[str, tuple[int, int]]:
    """Per language: (rows right, rows)."""
    from nlp.pipeline import tag_docs

    data = rows(split)
    _, tagged = tag_docs([r.text for r in data], [r.lang for r in data])
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row, mentions in zip(data, tagged, strict=True):
        right = is_right(row, mentions)
        table[row.lang][0] += right
        table[row.lang][1] += 1
        if show_errors and not right:
            got = [(m["surface"], m["label"], m["city"] and m["city"]["adcode"]) for m in mentions]
            print(f"  {row.lang} want {row.surface} {row.adcode}, got {got}: {row.text}")
    return {lang: (right, n) for lang, (right, n) in sorted(table.items())}


def main(argv: list[str]) -> int:
    show = argv[2] if argv[1:2] == ["--errors"] else None
    dev, held = figures("dev", show == "dev"), figures("heldout", show == "heldout")
    print("lang  right dev          held-out")
    for lang in dev:
        (d, dn), (h, hn) = dev[lang], held.get(lang, (0, 0))
        print(f"{lang:4}  {d / dn:.2f} ({d}/{dn})  {h / max(hn, 1):.2f} ({h}/{hn})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
