"""The learned part of the mention classifier: a multinomial logistic regression over
the features of :mod:`nlp.features`, trained on sentences the project wrote itself
(``nlp/resources/training.tsv``) by ``python -m nlp.train``.

Two weight sets ship in ``nlp/resources/classifier.json``: one trained with the
trained model's features, one without them (rules-only mode and languages without
a trained pipeline). OTHER_PLACE is not learned here: the linker decides it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from nlp.features import NAMES

LABELS = ("LITERAL", "METONYMIC", "ORG_PART", "NOT_PLACE")
WEIGHTS_FILE = Path(__file__).with_name("resources") / "classifier.json"


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 3000, rate: float = 0.5) -> np.ndarray:
    """Softmax regression by full-batch gradient descent (a few hundred rows: no solver needed)."""
    n, d = x.shape
    w = np.zeros((d, len(LABELS)))
    onehot = np.eye(len(LABELS))[y]
    penalty = np.full((d, 1), l2)
    penalty[0] = 0.0  # the bias is not shrunk
    for _ in range(steps):
        p = softmax(x @ w)
        grad = x.T @ (p - onehot) / n + penalty * w / n
        w -= rate * grad
    return w


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


@lru_cache(maxsize=2)
def load_weights(path: str = str(WEIGHTS_FILE)) -> dict[str, np.ndarray]:
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    if tuple(raw["features"]) != NAMES or tuple(raw["labels"]) != LABELS:
        raise ValueError(f"{path} was trained for other features/labels: run python -m nlp.train")
    return {mode: np.array(raw["weights"][mode]) for mode in ("model", "rules")}


def predict(vector: list[float], mode: str, path: str = str(WEIGHTS_FILE)) -> dict[str, float]:
    w = load_weights(path)[mode]
    probs = softmax(np.asarray(vector) @ w)
    return dict(zip(LABELS, probs.tolist(), strict=True))
