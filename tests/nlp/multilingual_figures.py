"""Per-language figures of the tagger on the project's multilingual sentences, dev and held-out side by side.

Run: .venv/bin/python -m tests.nlp.multilingual_figures [--set sport] [--errors dev|heldout]
``--set sport`` reads the sport block (multilingual_sport_dev.tsv / multilingual_sport_heldout.tsv) instead.
Detection: the language found without a declared language in two-sentence snippets. Mentions: the expected surface
found with the expected label (NONE rows: not reported at all). METONYMIC F1 is printed where a split
has at least 20 METONYMIC mentions in a language, else "-" with the count; "all but en" pools the
languages. "Right but flagged": the share of correctly labelled mentions sent to review.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).with_name("data")
MIN_METONYMIC = 20


GOVERNMENT_SET = "# Government-reference set"  # the comment line that opens the per-language government set


@dataclass(frozen=True)
class Row:
    lang: str
    label: str
    surface: str
    text: str
    government_set: bool = False  # one of the news-like sentences of the government set (scored as figures)


def rows(split: str) -> list[Row]:
    out = []
    government = False
    path = DATA / f"multilingual_{split}.tsv"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        government = government or line.startswith(GOVERNMENT_SET)
        if line.strip() and not line.startswith("#"):
            fields = line.split("\t")
            if len(fields) != 4:
                raise ValueError(f"{path.name} line {number}: want lang, label, surface, text (4 fields)")
            lang, label, surface, text = fields
            out.append(Row(lang, label, surface, text, government))
    return out


def outcome(row: Row, mentions: list[dict]) -> str | None:
    """The label the tagger gave the row's surface (None: not found)."""
    found = [m for m in mentions if m["surface"] == row.surface]
    return found[0]["label"] if found else None


def flagged(row: Row, mentions: list[dict]) -> bool | None:
    """Whether the row's mention went to review (None: not found)."""
    found = [m for m in mentions if m["surface"] == row.surface]
    return found[0]["flagged"] if found else None


def snippets(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(language, two consecutive sentences of that language), each sentence in one snippet."""
    by_lang: dict[str, list[str]] = defaultdict(list)
    for text, lang in texts:
        if text not in by_lang[lang]:
            by_lang[lang].append(text)
    return [(lang, " ".join(sents[i:i + 2])) for lang, sents in sorted(by_lang.items()) for i in range(0, len(sents), 2)]


def figures(split: str, show_errors: bool = False) -> dict[str, dict[str, float | str]]:
    from nlp.language import detect
    from nlp.pipeline import tag_docs

    data = rows(split)
    texts = sorted({(r.text, r.lang) for r in data})
    _, tagged = tag_docs([t for t, _ in texts], [lang for _, lang in texts])
    by_text = {t: m for (t, _), m in zip(texts, tagged, strict=True)}
    table: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for lang, snippet in snippets(texts):
        table[lang]["detect"].append(detect(snippet).lang == lang)
    for row in data:
        mentions = by_text[row.text]
        got = outcome(row, mentions)
        stats = table[row.lang]
        stats["right"].append(got is None if row.label == "NONE" else got == row.label)
        stats["pairs"].append((row.label, got))
        if got is not None and stats["right"][-1]:
            stats["flagged"].append(bool(flagged(row, mentions)))
        if show_errors and not stats["right"][-1]:
            print(f"  {row.lang} expected {row.label} got {got}: {row.surface} | {row.text}")
    pooled = table["all but en"]
    for lang in list(table):
        if lang not in ("en", "all but en"):
            for key in ("detect", "right", "pairs", "flagged"):
                pooled[key] += table[lang][key]
    out: dict[str, dict[str, float | str]] = {}
    for lang, stats in sorted(table.items()):
        pairs = stats["pairs"]
        tp = sum(1 for gold, got in pairs if gold == got == "METONYMIC")
        fp = sum(1 for gold, got in pairs if got == "METONYMIC" and gold != "METONYMIC")
        fn = sum(1 for gold, got in pairs if gold == "METONYMIC" and got != "METONYMIC")
        gold_met = tp + fn
        f1 = f"{2 * tp / (2 * tp + fp + fn):.2f}" if gold_met >= MIN_METONYMIC else f"- ({gold_met})"
        out[lang] = {"n": len(pairs), "detection": sum(stats["detect"]) / len(stats["detect"]),
                     "accuracy": sum(stats["right"]) / len(pairs), "metonymic_f1": f1,
                     "flagged": sum(stats["flagged"]) / max(1, len(stats["flagged"]))}
    return out


def main(argv: list[str]) -> int:
    args = argv[1:]
    prefix = ""
    if args[:1] == ["--set"]:
        prefix, args = f"{args[1]}_", args[2:]
    show = args[1] if args[:1] == ["--errors"] else None
    dev = figures(f"{prefix}dev", show == "dev")
    held = figures(f"{prefix}heldout", show == "heldout")
    print("lang        n dev/held  detection dev/held  label accuracy dev/held  METONYMIC F1 dev/held  "
          "right but flagged dev/held")
    for lang in sorted(dev):
        d, h = dev[lang], held.get(lang, {})
        print(f"{lang:10}  {d['n']:>3}/{h.get('n', 0):<3}  {d['detection']:.2f}/{h.get('detection', 0):.2f}  "
              f"{d['accuracy']:.2f}/{h.get('accuracy', 0):.2f}  {d['metonymic_f1']}/{h.get('metonymic_f1', '-')}  "
              f"{d['flagged']:.2f}/{h.get('flagged', 0):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
