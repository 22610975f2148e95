"""Cross-language agreement on the project's parallel articles, dev and held-out side by side.

Run: .venv/bin/python -m tests.nlp.parallel_figures [--errors dev|heldout]
Each version of an article (tests/nlp/data/parallel_articles.tsv) is tagged without a declared language and
once more with it. A version's cities are the adcodes of its counted mentions (LITERAL, METONYMIC,
ORG_PART). Per language and split, pooled over the split's articles: "found" is the share of the English
version's cities also found in that language, "agrees" the share of that language's cities also found in
English ("-" where it found none); "detected" is the share of versions whose language was identified right
without a declared language. This is the stand-in for issue #11's "cities found in each language agree with
those found in the English version of the same article, both ways".
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from nlp.labels import CITY_LABELS

DATA = Path(__file__).with_name("data") / "parallel_articles.tsv"
SPLITS = ("dev", "heldout")


@dataclass(frozen=True)
class Version:
    article: str
    split: str
    lang: str
    text: str


def versions(split: str | None = None, path: Path = DATA) -> list[Version]:
    """The versions of the articles in ``split`` (all when None); every article has an English version."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            fields = line.split("\t")
            if len(fields) != 4 or fields[1] not in SPLITS:
                raise ValueError(f"{path.name} line {number}: want article, split (dev|heldout), lang, text")
            out.append(Version(*fields))
    missing = {v.article for v in out} - {v.article for v in out if v.lang == "en"}
    if missing:
        raise ValueError(f"{path.name}: article(s) {', '.join(sorted(missing))} have no English version")
    return [v for v in out if split is None or v.split == split]


def cities(mentions: list[dict]) -> set[str]:
    """The adcodes a version counts."""
    return {m["city"]["adcode"] for m in mentions if m["label"] in CITY_LABELS and m.get("city")}


@dataclass
class Agreement:
    """Pooled counts of one language against English over a split's articles."""

    english: int = 0  # cities in the English versions
    other: int = 0  # cities in this language's versions
    shared: int = 0  # in both
    detected: int = 0
    versions: int = 0

    @property
    def found(self) -> float:
        return self.shared / self.english if self.english else 1.0

    @property
    def agrees(self) -> float | None:
        return self.shared / self.other if self.other else None


def agreement(split: str, declared: bool, show_errors: bool = False) -> dict[str, Agreement]:
    """Per language: its cities against those of the English version of the same article."""
    from nlp.pipeline import tag_docs

    data = versions(split)
    langs, tagged = tag_docs([v.text for v in data], [v.lang if declared else None for v in data])
    found = {(v.article, v.lang): cities(m) for v, m in zip(data, tagged, strict=True)}
    table: dict[str, Agreement] = defaultdict(Agreement)
    for v, lang in zip(data, langs, strict=True):
        english, other = found[(v.article, "en")], found[(v.article, v.lang)]
        row = table[v.lang]
        row.english += len(english)
        row.other += len(other)
        row.shared += len(english & other)
        row.detected += lang == v.lang
        row.versions += 1
        if show_errors and english != other:
            print(f"  {v.article} {v.lang} ({lang}): missing {sorted(english - other)} extra {sorted(other - english)}")
    return dict(table)


def pooled(table: dict[str, Agreement]) -> Agreement:
    """All languages but English together."""
    out = Agreement()
    for lang, row in table.items():
        if lang != "en":
            for key in ("english", "other", "shared", "detected", "versions"):
                setattr(out, key, getattr(out, key) + getattr(row, key))
    return out


def _pair(row: Agreement | None) -> str:
    if row is None:
        return "   -/-   "
    agrees = f"{row.agrees:.2f}" if row.agrees is not None else "  - "
    return f"{row.found:.2f}/{agrees}"


def main(argv: list[str]) -> int:
    show = argv[2] if argv[1:2] == ["--errors"] else None
    auto = {split: agreement(split, declared=False, show_errors=show == split) for split in SPLITS}
    hinted = {split: agreement(split, declared=True) for split in SPLITS}
    for tables in (auto, hinted):
        for table in tables.values():
            table["all but en"] = pooled(table)
    print("found/agrees: share of the English version's cities found / share of the language's cities in English")
    print("lang        no declared language: dev   held-out   declared language: dev   held-out   "
          "detected dev  held")
    for lang in sorted(auto["dev"], key=lambda code: (code == "all but en", code)):
        detected = "  ".join(f"{t[lang].detected}/{t[lang].versions}" for t in (auto["dev"], auto["heldout"]))
        print(f"{lang:10}  {_pair(auto['dev'].get(lang)):>27}  {_pair(auto['heldout'].get(lang))}  "
              f"{_pair(hinted['dev'].get(lang)):>22}  {_pair(hinted['heldout'].get(lang))}  {detected}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
