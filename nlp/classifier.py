"""The learned part of the mention classifier: a multinomial logistic regression over
the features of :mod:`nlp.features`, trained on sentences the project wrote itself
(``nlp/resources/training.tsv``) by ``python -m nlp.train``.

Two weight sets ship in ``nlp/resources/classifier.json``: one trained with the
trained model's features, one without them (rules-only mode and languages without
a trained pipeline). The labels learned are ``LEARNED_LABELS``; OTHER_PLACE is the
linker's decision.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from nlp.features import NAMES
from nlp.labels import LEARNED_LABELS

WEIGHTS_FILE = Path(__file__).with_name("resources") / "classifier.json"
# The cues-only label probability at or above which a candidate is labelled without the parse
# (``CityClassifier.settled``): for a place or a name (LITERAL, ORG_PART), and, higher, for a government
# reference or a non-place, the readings that the model's entities overturn when the name is a company's
# ("Harbin said profits rose, the brewer reported") or a person's. Chosen on the development sentences and
# mentions: above them the cues-only label is always the parsed one and the confidence no less calibrated; a
# lower place threshold makes right mentions less sure (docs/tagger.md, "Deciding without the parse").
SETTLE_AT = 0.96
SETTLE_REFERENCE_AT = 0.98
_REFERENCE_LABELS = frozenset({"METONYMIC", "NOT_PLACE"})


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0) -> np.ndarray:
    """Softmax regression with an L2 penalty (bias unpenalised), solved by L-BFGS."""
    from scipy.optimize import minimize

    n, d = x.shape
    k = len(LEARNED_LABELS)
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
    logits = np.zeros((len(y), len(LEARNED_LABELS)))
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


Weights = dict[str, np.ndarray]  # mode ("model" or "rules") -> features x labels, temperature applied


def parse_weights(text: str, where: str = WEIGHTS_FILE.name) -> Weights:
    """The weight sets of a ``classifier.json``; ValueError naming ``where`` when it does not fit this code."""
    try:
        raw = json.loads(text)
        if tuple(raw["features"]) != NAMES or tuple(raw["labels"]) != LEARNED_LABELS:
            raise ValueError("trained for other features/labels")
        return {mode: np.array(raw["weights"][mode]) / raw["temperature"][mode] for mode in ("model", "rules")}
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{where}: not classifier weights for this code ({exc}); run python -m nlp.train") from None


def settles(probs: dict[str, float], place_at: float, reference_at: float) -> bool:
    """Do the probabilities of the weights without the model's features settle the label (see ``SETTLE_AT``)?"""
    label = max(probs, key=probs.__getitem__)
    return probs[label] >= (reference_at if label in _REFERENCE_LABELS else place_at)


def predict(vector: list[float], weights: np.ndarray) -> dict[str, float]:
    probs = softmax(np.asarray(vector) @ weights)
    return dict(zip(LEARNED_LABELS, probs.tolist(), strict=True))
