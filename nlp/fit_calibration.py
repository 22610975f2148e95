"""``python -m nlp.fit_calibration``: fit the confidence scale (:mod:`nlp.confidence`) on the project's own sentences.

``a, b`` are fitted on ``calibration.tsv`` -- sentences written for this purpose in the
proportions of ordinary news (mostly plain place mentions) and never used to fit the
classifier, so the raw confidences they get are out-of-sample. The script refits
``calibration.json`` and prints the 5-fold cross-validated reliability of the fit;
rerunning gives the same file.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from nlp.confidence import SCALE_FILE, Scale, apply, logit
from nlp.labels import CITY_LABELS
from nlp.marked import unmark

SENTENCES_FILE = Path(__file__).with_name("resources") / "calibration.tsv"
PRIOR = 1.0  # L2 pull of (a - 1, b) towards the identity map: keeps a few errors from bending the scale


@dataclass(frozen=True, slots=True)
class Sentence:
    label: str
    adcode: str | None  # gold city where the name is a homonym, else None (the only candidate)
    text: str
    start: int
    end: int


def sentences(path: Path = SENTENCES_FILE) -> list[Sentence]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            label, adcode, marked = line.split("\t")
            text, start, end = unmark(marked)
        except ValueError as exc:
            raise ValueError(f"{path.name} line {number}: want label<TAB>adcode<TAB>sentence with [[target]]") from exc
        rows.append(Sentence(label, adcode or None, text, start, end))
    return rows


def fit(raw: Sequence[float], right: Sequence[bool], prior: float = PRIOR) -> Scale:
    """(a, b) minimising the log-loss of sigmoid(a * logit(raw) + b), pulled towards (1, 0)."""
    from scipy.optimize import minimize

    z = logit(np.asarray(raw, dtype=float))
    y = np.asarray(right, dtype=float)

    def loss(params: np.ndarray) -> tuple[float, np.ndarray]:
        a, b = params
        p = 1.0 / (1.0 + np.exp(-(a * z + b)))
        p = np.clip(p, 1e-12, 1 - 1e-12)
        value = -(y * np.log(p) + (1 - y) * np.log(1 - p)).sum() + 0.5 * prior * ((a - 1) ** 2 + b ** 2)
        g = p - y
        return value, np.array([(g * z).sum() + prior * (a - 1), g.sum() + prior * b])

    a, b = minimize(loss, np.array([1.0, 0.0]), jac=True, method="L-BFGS-B").x
    return round(float(a), 4), round(float(b), 4)


def out_of_fold(raw: Sequence[float], right: Sequence[bool], folds: int = 5) -> list[float]:
    """Calibrated confidences where each sentence's scale was fitted without it (fold = index mod folds)."""
    order = np.arange(len(raw)) % folds
    raw_a, right_a = np.asarray(raw, dtype=float), np.asarray(right, dtype=bool)
    out = np.zeros(len(raw))
    for f in range(folds):
        scale = fit(raw_a[order != f], right_a[order != f])
        out[order == f] = [apply(r, scale) for r in raw_a[order == f]]
    return out.tolist()


def outcomes(rows: Sequence[Sentence],
             langs: Sequence[str | None] | None = None) -> tuple[list[float], list[bool], int]:
    """(raw confidence, right?) of each sentence's target as the uncalibrated tagger sees it, and the misses.

    Right = the label matches and, for a city label, so does the city (the gold adcode where
    given). A target the finder misses has no confidence and is counted apart.
    """
    from nlp.pipeline import TaggerOptions, build_pipeline, mention_dicts, route

    pipelines: dict[str, Any] = {}
    raw, right, missed = [], [], 0
    langs = langs or [_lang_of(r.text) for r in rows]
    for row, lang in zip(rows, langs, strict=True):
        code = route(lang)
        if code not in pipelines:  # one per language (setdefault would build one per sentence)
            pipelines[code] = build_pipeline(code, TaggerOptions(calibrated=False))
        nlp = pipelines[code]
        doc = nlp(row.text)
        found = [m for m in mention_dicts(doc) if (m["start"], m["end"]) == (row.start, row.end)]
        if not found:
            missed += 1
            continue
        m = found[0]
        ok = m["label"] == row.label
        if ok and row.label in CITY_LABELS and row.adcode:
            ok = m["city"] is not None and m["city"]["adcode"] == row.adcode
        raw.append(m["confidence"])
        right.append(ok)
    return raw, right, missed


def _lang_of(text: str) -> str:
    """The language ``citywatch tag`` would detect for the sentence (no ``lang`` given)."""
    from nlp.pipeline import detect_language

    return detect_language(text)


def main() -> int:
    from nlp.evaluate import calibration

    rows = sentences()
    raw, right, missed = outcomes(rows)
    scale = fit(raw, right)
    oof = out_of_fold(raw, right)
    report = {
        "source": SENTENCES_FILE.name, "sentences": len(rows), "scored": len(raw), "missed": missed,
        "accuracy": round(sum(right) / len(right), 4), "a": scale[0], "b": scale[1], "prior": PRIOR,
        "ece_raw": calibration(list(zip(raw, right, strict=True)))["ece"],
        "ece_out_of_fold": calibration(list(zip(oof, right, strict=True)))["ece"],
    }
    SCALE_FILE.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1))
    for b in calibration(list(zip(oof, right, strict=True)))["bins"]:
        print(f"  out-of-fold {b['bin']}  n {b['n']:>3}  confidence {b['confidence']:.3f}"
              f"  accuracy {b['accuracy']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
