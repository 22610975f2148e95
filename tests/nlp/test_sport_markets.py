"""Issue #12's sports and market class: a team named by its city alone in results copy, and an exchange's
shares, indices and listings written in lower case, with their literal counterparts; sentences written for
these tests (not in training.tsv, calibration.tsv or the sentence files). The development sentences of the
class (tests/nlp/sport_dev_sentences.tsv) are held to a floor; sport_heldout_sentences.tsv is read only for the
report.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.evaluate import score_sentence_file
from nlp.features import _scoreline
from tests.nlp.conftest import only

HERE = Path(__file__).parent

CASES = [
    # a score or a result line
    ("Yantai 3 Weifang 0.", "Weifang", "ORG_PART"),
    ("Dongguan came from behind to beat Foshan 3-2 in extra time.", "Foshan", "ORG_PART"),
    # share classes, indices and listings
    ("Shenzhen A shares outperformed the region.", "Shenzhen", "ORG_PART"),
    ("The Shanghai composite index ended the day flat.", "Shanghai", "ORG_PART"),
    # the place in the same copy
    ("The 3-2 win was played in Foshan in heavy rain.", "Foshan", "LITERAL"),
    ("Brokers in Shenzhen expect the index to recover.", "Shenzhen", "LITERAL"),
]


@pytest.mark.parametrize(("text", "surface", "label"), CASES)
def test_label_in_context(english, text: str, surface: str, label: str) -> None:
    assert only(english, text, surface)["label"] == label


@pytest.mark.parametrize(("before", "after", "score"), [
    (["beat"], ["3", "-", "2"], 2),  # a score after the name
    (["yantai", "3"], ["0", "."], 2),  # the name between a result line's goals
    ([], ["2", "chongqing", "2"], 2),
    (["in"], ["in", "2019", "-", "20"], 0),  # a year and a season are no score
    (["voted"], ["for", "the", "plan"], 0),
])
def test_a_score_around_the_name_is_sport(before: list[str], after: list[str], score: int) -> None:
    assert _scoreline(before, after) == score


def test_development_sentences_of_the_class() -> None:
    scores = score_sentence_file(HERE / "sport_dev_sentences.tsv")
    assert scores["label_accuracy"] >= 0.78 and scores["per_label"]["ORG_PART"]["f1"] >= 0.77, scores
