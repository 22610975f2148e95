"""The shipped classifier weights belong to the shipped training file and features (nlp/train.py says why a
rerun is a measured round of its own rather than a side effect of each change)."""

from __future__ import annotations

import json

from nlp.classifier import WEIGHTS_FILE
from nlp.features import NAMES
from nlp.labels import LEARNED_LABELS
from nlp.train import examples


def test_weights_cover_every_feature_and_every_training_line() -> None:
    """Adding a feature or a training line without rerunning python -m nlp.train fails here."""
    shipped = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert shipped["features"] == list(NAMES)
    assert shipped["labels"] == list(LEARNED_LABELS)
    assert shipped["examples"] == len(examples())
    for mode, rows in shipped["weights"].items():
        assert len(rows) == len(NAMES) and all(len(r) == len(LEARNED_LABELS) for r in rows), mode
