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


def test_each_language_reads_its_own_scale_else_englishs(tmp_path) -> None:
    from nlp.confidence import read_scale

    path = tmp_path / "calibration.json"
    path.write_text(json.dumps({"a": 1.0, "b": 0.5, "pooled_fit": {"a": 0.9, "b": -0.5},
                                "languages": {"ru": {"a": 1.5, "b": -1.0}}}), encoding="utf-8")
    assert read_scale(path, "ru") == (1.5, -1.0)
    assert read_scale(path, "de") == (1.0, 0.5)  # no own scale: calibration.tsv's, not the reported pooled fit
    assert read_scale(path, "xx") == (1.0, 0.5)  # an unsupported language too
    assert read_scale(path, "en") == read_scale(path) == (1.0, 0.5)  # English keeps calibration.tsv's
    path.write_text(json.dumps({"a": 1.0, "b": 0.5}), encoding="utf-8")  # a saved pipeline's file: one scale
    assert read_scale(path, "ru") == (1.0, 0.5)
    path.write_text(json.dumps({"a": 1.0, "b": 0.5, "languages": {"ru": {"a": "x"}}}), encoding="utf-8")
    with pytest.raises(ValueError, match="calibration.json: not a confidence scale"):
        read_scale(path, "ru")


def test_a_language_earns_its_own_scale_only_with_enough_data_that_its_own_fit_predicts_better() -> None:
    from nlp.fit_calibration import MIN_SCORED, Outcomes, language_scales

    def outcomes(raw: list[float], right: list[bool]) -> Outcomes:
        return Outcomes(raw, right, [1.0] * len(raw))

    honest = outcomes([0.6] * 30 + [0.95] * 30, [i % 5 != 0 for i in range(30)] + [i % 20 != 0 for i in range(30)])
    # raw 0.95 right only half the time: a language whose raw confidence means something else
    odd = outcomes([0.95] * 40 + [0.6] * 20, [i % 2 == 0 for i in range(40)] + [i % 5 != 0 for i in range(20)])
    few = outcomes([0.95] * (MIN_SCORED - 1), [i % 2 == 0 for i in range(MIN_SCORED - 1)])
    base = (honest.raw * 5, honest.right * 5)  # calibration.tsv's outcomes
    fallback = fit(*base)  # calibration.tsv's scale: what a language without its own reads
    # the same odd outcomes, but in news proportions ten of its rows carry nearly all the weight
    lopsided = Outcomes(odd.raw, odd.right, [5.0] * 10 + [0.1] * 50)
    _, own, gains = language_scales({"aa": honest, "bb": honest, "cc": odd, "dd": few, "ee": lopsided},
                                    fallback, base=base)
    assert "dd" not in gains  # too few sentences: not even tried
    assert "ee" not in gains  # 60 rows worth about 12: not tried either
    assert set(own) == {"cc"}
    assert apply(0.95, own["cc"]) < apply(0.95, fallback)


def test_news_weights_give_the_rows_the_label_shares_of_news() -> None:
    from nlp.fit_calibration import news_weights

    labels = ["METONYMIC"] * 6 + ["LITERAL"] * 2 + ["NONE"] * 2  # a government-heavy test set
    shares = {"LITERAL": 0.7, "METONYMIC": 0.2, "NOT_PLACE": 0.1}
    w = news_weights(labels, shares)
    assert sum(w) == pytest.approx(len(labels))
    mass = {label: sum(x for x, lb in zip(w, labels, strict=True) if lb == label) / len(labels)
            for label in ("LITERAL", "METONYMIC", "NONE")}
    assert mass == pytest.approx({"LITERAL": 0.7, "METONYMIC": 0.2, "NONE": 0.1})  # NONE counts as NOT_PLACE
    assert news_weights(["ORG_PART", "LITERAL"], {"LITERAL": 1.0}) == [0.0, 2.0]  # a label news lacks weighs nothing


def test_shipped_language_scales_are_the_fit_of_the_multilingual_dev_sentences() -> None:
    """Editing the dev sentences, the cues or the classifier without rerunning python -m nlp.fit_calibration fails here."""
    from nlp.fit_calibration import language_outcomes, language_scales, multilingual_rows, news_shares

    shipped = json.loads(SCALE_FILE.read_text(encoding="utf-8"))
    rows = sentences()
    raw, right, _ = outcomes(rows)
    dev = language_outcomes(multilingual_rows("dev"), news_shares(rows))
    pooled, own, _ = language_scales(dev, fit(raw, right), base=(raw, right))
    assert pooled == pytest.approx((shipped["pooled_fit"]["a"], shipped["pooled_fit"]["b"]), abs=2e-3)
    assert set(own) == set(shipped["languages"])
    for lang, (a, b) in own.items():
        assert (a, b) == pytest.approx((shipped["languages"][lang]["a"], shipped["languages"][lang]["b"]), abs=2e-3)


def test_pipelines_apply_their_languages_scale() -> None:
    from nlp.confidence import read_scale
    from nlp.pipeline import build_pipeline

    shipped = json.loads(SCALE_FILE.read_text(encoding="utf-8"))
    for lang in (*shipped["languages"], "de", "en"):
        confidence = build_pipeline(lang).get_pipe("city_confidence")
        assert confidence.scale == read_scale(SCALE_FILE, lang)
    assert build_pipeline("de").get_pipe("city_confidence").scale == (shipped["a"], shipped["b"])
