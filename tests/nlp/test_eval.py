"""``citywatch eval`` runs on the shared data and reports every figure (no figure is asserted)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from cli.main import citywatch
from nlp.evaluate import calibration, score, split_of
from tests.conftest import shared_data


def test_eval_mentions_on_dev_file() -> None:
    path = shared_data("mentions", "dev_mentions.jsonl")
    result = CliRunner().invoke(citywatch, ["eval", "mentions", str(path), "--json"])
    assert result.exit_code == 0, result.output
    halves = json.loads(result.stdout)
    assert [h["split"] for h in halves] == ["A", "B", "all"]
    for figures in halves:
        assert {"detection", "label_accuracy", "per_label", "linking_accuracy", "homonym_accuracy",
                "calibration"} <= set(figures)
        assert figures["calibration"]["n"] == figures["detection"]["tp"] + figures["detection"]["fp"]


def test_eval_corpora() -> None:
    root = shared_data()
    result = CliRunner().invoke(citywatch, ["eval", "corpora", str(root), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert {"geowebnews", "conll2003-location-metonymy"} <= set(figures)


def test_split_is_fixed_by_id() -> None:
    assert split_of("m002") == split_of("m002")
    assert {split_of(f"m{i:03d}") for i in range(20)} == {"A", "B"}


def test_scoring_counts() -> None:
    city = {"adcode": "110000", "geonameid": 1816670, "name": "Beijing", "province": "Beijing"}
    gold = [{"id": "x", "mentions": [
        {"start": 0, "end": 7, "surface": "Beijing", "label": "METONYMIC", "geonameid": 1816670},
        {"start": 20, "end": 25, "surface": "Wuhan", "label": "LITERAL", "geonameid": 1791247}]}]
    pred = [[{"start": 0, "end": 7, "surface": "Beijing", "label": "LITERAL", "city": city, "confidence": 0.9},
             {"start": 30, "end": 35, "surface": "Hefei", "label": "LITERAL", "city": None, "confidence": 0.4}]]
    figures = score(gold, pred, set()).as_dict()
    assert figures["detection"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}
    assert figures["label_accuracy"] == 0.0 and figures["linking_accuracy"] == 1.0
    assert calibration([(0.9, True), (0.9, False)])["ece"] == 0.4
