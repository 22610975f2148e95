"""``citywatch eval`` runs on the shared data and reports every figure (no figure is asserted)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from citywatch.cli.main import citywatch
from nlp.evaluate import calibration, score, score_rows, split_of
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


def test_ece_noise_floor() -> None:
    """A perfect scale still shows an ECE on few points; the floor shrinks as the sample grows."""
    few = calibration([(0.8, True)] * 8 + [(0.8, False)] * 2)
    many = calibration([(0.8, True)] * 800 + [(0.8, False)] * 200)
    assert few["ece"] == pytest.approx(0.0) and many["ece"] == pytest.approx(0.0)
    assert few["ece_if_calibrated"] > 3 * many["ece_if_calibrated"] > 0
    assert calibration([])["ece_if_calibrated"] is None


def test_corpus_rows_report_calibration() -> None:
    rows = [{"start": 0, "end": 7, "label": "METONYMIC", "geonameid": 1816670, "name": "Beijing"},
            {"start": 0, "end": 5, "label": None, "geonameid": 1791247, "name": "Wuhan"}]
    city = {"adcode": "110000", "geonameid": 1816670, "name": "Beijing", "province": "Beijing"}
    pred = [[{"start": 0, "end": 7, "label": "LITERAL", "city": city, "confidence": 0.7}],
            [{"start": 0, "end": 5, "label": "LITERAL", "city": None, "confidence": 0.9}]]
    cal = score_rows(rows, pred, frozenset({"LITERAL"}))["calibration"]
    assert cal["n"] == 1 and cal["ece"] == 0.7  # only the labelled row counts, and it is wrong


def test_error_report_counts_confusions_and_place_errors_by_kind() -> None:
    suzhou_js = {"adcode": "320500", "geonameid": 1886760, "name": "Suzhou", "province": "Jiangsu"}
    gold = [{"id": "x", "mentions": [
        {"start": 0, "end": 6, "surface": "Suzhou", "label": "LITERAL", "geonameid": 1795874},  # Suzhou, Anhui
        {"start": 10, "end": 16, "surface": "Canton", "label": "OTHER_PLACE", "geonameid": None},
        {"start": 20, "end": 24, "surface": "Xian", "label": "NOT_PLACE", "geonameid": None},
        {"start": 30, "end": 37, "surface": "Beijing", "label": "METONYMIC", "geonameid": 1816670}]}]
    pred = [[{"start": 0, "end": 6, "surface": "Suzhou", "label": "LITERAL", "city": suzhou_js, "confidence": 0.9},
             {"start": 10, "end": 16, "surface": "Canton", "label": "LITERAL", "city": None, "confidence": 0.5},
             {"start": 20, "end": 24, "surface": "Xian", "label": "LITERAL", "city": None, "confidence": 0.5},
             {"start": 40, "end": 45, "surface": "Lhasa", "label": "LITERAL", "city": None, "confidence": 0.5}]]
    figures = score(gold, pred, {"suzhou"}).as_dict()
    assert figures["confusion"] == {"-": {"LITERAL": 1}, "LITERAL": {"LITERAL": 1}, "METONYMIC": {"-": 1},
                                    "NOT_PLACE": {"LITERAL": 1}, "OTHER_PLACE": {"LITERAL": 1}}
    assert figures["link_errors"] == {"homonym": 1, "namesake": 1, "non-place": 2}


def test_eval_mentions_prints_the_confusion_matrix() -> None:
    path = shared_data("mentions", "dev_mentions.jsonl")
    result = CliRunner().invoke(citywatch, ["eval", "mentions", str(path), "--split", "A"])
    assert result.exit_code == 0, result.output
    assert "confusion    gold \\ tagged" in result.output


def _eval_sentences(tmp_path, good_rows: str, bad_rows: str) -> tuple[dict, str, str]:
    """``citywatch eval sentences --json`` on a good file (its figures), then plain on a bad one: (figures, the bad
    file's path, its output); both exit codes checked."""
    good, bad = tmp_path / "good.tsv", tmp_path / "bad.tsv"
    good.write_text(good_rows, encoding="utf-8")
    bad.write_text(bad_rows, encoding="utf-8")
    result = CliRunner().invoke(citywatch, ["eval", "sentences", str(good), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)[str(good)]
    result = CliRunner().invoke(citywatch, ["eval", "sentences", str(bad)])
    assert result.exit_code != 0
    return figures, str(bad), result.output


@pytest.mark.parametrize(("good_rows", "bad_rows", "n", "linking_n", "linking_accuracy"), [
    ("# label\tsentence\tadcode\nLITERAL\tFloods hit [[Wuhan]] on Monday.\t420100\n"
     "NOT_PLACE\tThe singer [[Lhasa]] de Sela died in 2010.\n",
     "LITERAL\tFloods hit [[Wuhan]].\nLITERALLY\tno target here\n", 2, 1, 1.0),
    # the city meant may be written as gn: and a GeoNames id; anything else in that field is a bad line
    ("LITERAL\tFloods hit [[Suzhou]], Anhui.\tgn:1793743\nLITERAL\tFloods hit [[Suzhou]], Jiangsu.\tgn:1793743\n",
     "LITERAL\tFloods hit [[Wuhan]].\t420100\nLITERAL\tFloods hit [[Wuhan]].\tgeonames:1791247\n", 2, 2, 0.5),
], ids=["adcode-and-bad-label", "geonames-id"])
def test_eval_sentences_scores_and_names_a_bad_line(tmp_path, good_rows: str, bad_rows: str, n: int, linking_n: int,
                                                    linking_accuracy: float) -> None:
    figures, bad, output = _eval_sentences(tmp_path, good_rows, bad_rows)
    assert (figures["n"], figures["linking_n"], figures["linking_accuracy"]) == (n, linking_n, linking_accuracy)
    assert f"{bad}:2:" in output and "Traceback" not in output


def test_eval_mentions_prints_the_place_errors_by_kind(tmp_path) -> None:
    """The error report names the kind of each place error: a gold that says Suzhou, Anhui where the text
    names Jiangsu beside the name (the tagger takes Suzhou, Jiangsu) is a homonym error."""
    lines = [{"id": "e1", "text": "Floods hit Suzhou, in Jiangsu, on Monday.", "mentions": [
        {"start": 11, "end": 17, "surface": "Suzhou", "label": "LITERAL", "geonameid": 1793743}]}]
    path = tmp_path / "errors.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(citywatch, ["eval", "mentions", str(path), "--split", "all"])
    assert result.exit_code == 0, result.output
    assert "place errors homonym 1" in result.output
