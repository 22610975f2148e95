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


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0) -> np.ndarray:
    """Softmax regression with an L2 penalty (bias unpenalised), solved by L-BFGS."""
    from scipy.optimize import minimize

    n, d = x.shape
    k = len(LABELS)
    onehot = np.eye(k)[y]
    penalty = np.full((d, 1), l2)
    penalty[0] = 0.0

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        w = flat.reshape(d, k)
        z = x @ w
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        value = -(onehot * logp).sum() / n + 0.5 * (penalty * w * w).sum() / n
        grad = x.T @ (np.exp(logp) - onehot) / n + penalty * w / n
        return value, grad.ravel()

    return minimize(loss, np.zeros(d * k), jac=True, method="L-BFGS-B").x.reshape(d, k)


def _out_of_fold_logits(x: np.ndarray, y: np.ndarray, l2: float, folds: int) -> np.ndarray:
    order = np.arange(len(y)) % folds
    logits = np.zeros((len(y), len(LABELS)))
    for f in range(folds):
        logits[order == f] = x[order == f] @ fit(x[order != f], y[order != f], l2)
    return logits


def _nll(logits: np.ndarray, y: np.ndarray) -> float:
    p = softmax(logits)
    return float(-np.log(p[np.arange(len(y)), y] + 1e-12).sum())


def calibrate(x: np.ndarray, y: np.ndarray, grid: tuple[float, ...] = (0.1, 0.3, 1.0, 3.0, 10.0),
              folds: int = 5) -> tuple[float, float]:
    """(L2 penalty, temperature) from out-of-fold predictions on the training sentences only.

    The penalty minimises held-out log-loss; the temperature then rescales the held-out
    logits so their probabilities match how often they are right (temperature scaling).
    """
    from scipy.optimize import minimize_scalar

    l2 = min(grid, key=lambda g: _nll(_out_of_fold_logits(x, y, g, folds), y))
    logits = _out_of_fold_logits(x, y, l2, folds)
    temperature = minimize_scalar(lambda t: _nll(logits / t, y), bounds=(0.2, 5.0), method="bounded").x
    return l2, float(temperature)


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


@lru_cache(maxsize=2)
def load_weights(path: str = str(WEIGHTS_FILE)) -> dict[str, np.ndarray]:
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    if tuple(raw["features"]) != NAMES or tuple(raw["labels"]) != LABELS:
        raise ValueError(f"{path} was trained for other features/labels: run python -m nlp.train")
    return {mode: np.array(raw["weights"][mode]) / raw["temperature"][mode] for mode in ("model", "rules")}


def predict(vector: list[float], mode: str, path: str = str(WEIGHTS_FILE)) -> dict[str, float]:
    w = load_weights(path)[mode]
    probs = softmax(np.asarray(vector) @ w)
    return dict(zip(LABELS, probs.tolist(), strict=True))
