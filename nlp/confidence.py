"""The confidence scale at run time: ``sigmoid(a * logit(raw) + b)``, and the review threshold.

The raw confidence (label probability x link probability x (1 - namesake probability))
ranks mentions well, but its scale comes from the classifier's temperature, fitted on the
deliberately hard sentences of ``training.tsv``: on ordinary news it is too low. ``a, b``
(``calibration.json``) are fitted by :mod:`nlp.fit_calibration` on sentences in the
proportions of ordinary news, and per language on the project's multilingual dev sentences
(pooled over the languages where one language has too few). The map is monotone: labels, cities and
the ranking of mentions do not change, only the scale (and so which mentions are flagged).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

SCALE_FILE = Path(__file__).with_name("resources") / "calibration.json"
_EPS = 1e-4
# Flag a mention for review when it is wrong about one time in ten or more. The project's own
# sentences are right 99% of the time, but on real excerpts the 0.8-0.9 band was right only
# 4 times in 7, so everything below 0.9 goes to people.
FLAG_THRESHOLD = 0.9

Scale = tuple[float, float]


def logit(p: np.ndarray | float) -> np.ndarray:
    p = np.clip(p, _EPS, 1 - _EPS)
    return np.log(p / (1 - p))


def apply(raw: float, scale: Scale) -> float:
    """The calibrated confidence of a raw confidence."""
    a, b = scale
    return float(1.0 / (1.0 + math.exp(-(a * float(logit(raw)) + b))))


def read_scale(path: Path = SCALE_FILE, lang: str | None = None) -> Scale:
    """(a, b) for ``lang`` from a ``calibration.json``; a broken file raises ValueError naming it.

    English (and no language) reads the top-level scale, fitted on ``calibration.tsv``. Another language
    reads its own scale (``languages``) where its sentences earned one, else the top-level scale too (why
    not a scale pooled over the languages: :mod:`nlp.fit_calibration`); a saved pipeline's file has one scale.
    """
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        chosen = raw
        if lang and lang != "en":
            chosen = raw.get("languages", {}).get(lang) or raw
        return float(chosen["a"]), float(chosen["b"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"{path}: not a confidence scale ({exc}); refit it with python -m nlp.fit_calibration") from None
