"""The confidence is calibrated: on held-out folds of the project's own calibration sentences,
mean confidence within each reliability bin is close to the accuracy within it."""

from __future__ import annotations

import json

import pytest

from nlp.confidence import SCALE_FILE, apply
from nlp.evaluate import calibration
from nlp.fit_calibration import fit, out_of_fold, outcomes, sentences
from tests.nlp.conftest import tag_one


@pytest.fixture(scope="module")
def own() -> tuple[list[float], list[bool]]:
    raw, right, missed = outcomes(sentences())
    assert missed == 0
    return raw, right


def test_held_out_folds_are_calibrated(own) -> None:
    raw, right = own
    held_out = calibration(list(zip(out_of_fold(raw, right), right, strict=True)))
    assert held_out["ece"] < 0.06, held_out
    for b in held_out["bins"]:
        if b["n"] >= 20:  # smaller bins are too noisy to judge one by one
            assert abs(b["confidence"] - b["accuracy"]) < 0.1, b


def test_shipped_scale_is_the_fit_of_the_shipped_sentences(own) -> None:
    """Editing calibration.tsv (or the classifier) without rerunning python -m nlp.fit_calibration fails here."""
    shipped = json.loads(SCALE_FILE.read_text(encoding="utf-8"))
    a, b = fit(*own)
    assert (a, b) == pytest.approx((shipped["a"], shipped["b"]), abs=2e-3)


def test_fit_recovers_a_known_miscalibration() -> None:
    """Raw confidences that are too low (right 95% of the time at raw 0.6) get pulled up, order kept."""
    raw = [0.6] * 100 + [0.95] * 100
    right = [i % 20 != 0 for i in range(100)] + [i % 50 != 0 for i in range(100)]
    scale = fit(raw, right, prior=0.0)
    assert apply(0.6, scale) == pytest.approx(0.95, abs=0.01)
    assert apply(0.95, scale) == pytest.approx(0.98, abs=0.01)
    assert apply(0.3, scale) < apply(0.6, scale) < apply(0.95, scale)


def test_calibration_changes_only_the_confidence(english) -> None:
    from nlp.pipeline import TaggerOptions, build_pipeline

    raw_pipe = build_pipeline("en", TaggerOptions(calibrated=False))
    text = "Beijing warned Washington, while factories in Suzhou and Taizhou reopened near Canton, Ohio."
    calibrated, raw = tag_one(english, text), tag_one(raw_pipe, text)
    def decisions(mentions: list[dict]) -> list[tuple]:
        return [(m["start"], m["label"], m["city"]) for m in mentions]

    assert decisions(calibrated) == decisions(raw)
    by_raw = sorted(zip(raw, calibrated, strict=True), key=lambda pair: pair[0]["confidence"])
    assert [c["confidence"] for _, c in by_raw] == sorted(c["confidence"] for c in calibrated)
