"""Figures on the held-out sentences of the second issue-11 round (tests/nlp/data/readings_heldout.tsv).

Run: .venv/bin/python -m tests.nlp.readings_figures
Per class of row: how many rows the tagger got right (the expected surface found with the expected label, or not
reported at all for a NONE row) and, of the rows that expect a mention, how many it found with any city label. The
sentences are never used for tuning: this is read for the report only.
"""

from __future__ import annotations

import sys
from pathlib import Path

from nlp.labels import CITY_LABELS

DATA = Path(__file__).with_name("data") / "readings_heldout.tsv"


def read_rows(path: Path = DATA) -> list[tuple[str, str, str, str]]:
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            fields = line.split("\t")
            if len(fields) != 4:
                raise ValueError(f"{path.name} line {number}: want lang, label, surface, text (4 fields)")
            out.append((fields[0], fields[1], fields[2], fields[3]))
    return out


def main() -> int:
    from nlp import tag_texts

    rows = read_rows()
    tagged = tag_texts([r[3] for r in rows], [r[0] for r in rows])
    right = found = expected = 0
    for (_lang, label, surface, _text), mentions in zip(rows, tagged, strict=True):
        got = next((m["label"] for m in mentions if m["surface"] == surface), None)
        right += got == label if label != "NONE" else got is None
        if label != "NONE":
            expected += 1
            found += got in CITY_LABELS
    print(f"rows {len(rows)}: right {right} ({right / len(rows):.2f}); mentions expected {expected}, "
          f"found with a city label {found} ({found / expected:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
