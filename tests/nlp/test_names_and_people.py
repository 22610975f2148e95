"""Names that carry a city, people named like cities, teams, figures of speech, smaller places and
government references without a speech verb: each class in general, on sentences written for these
tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import only

CASES = [
    # names that carry a city (the names table, lower-case heads, teams)
    ("Fans queued for hours before the Treaty of Nanking exhibition opened.", "Nanking", "ORG_PART"),
    ("Regulators froze the account at the Shanghai stock exchange.", "Shanghai", "ORG_PART"),
    ("Wuhan beat Chengdu 2-0 and stay top of the league with three games left.", "Wuhan", "ORG_PART"),
    ("The Lhasa Daily ran a long interview with the new governor.", "Lhasa", "ORG_PART"),
    ("Diners can order Lanzhou beef noodles at the new counter.", "Lanzhou", "ORG_PART"),
    # people
    ("Midfielder Liu Xian was booked in the first half.", "Xian", "NOT_PLACE"),
    ("Goalkeeper Yang Jiaxing kept a clean sheet.", "Jiaxing", "NOT_PLACE"),
    # a figure of speech and smaller places
    ("Investors hope the free-trade zone becomes the Shenzhen of the west.", "Shenzhen", "NOT_PLACE"),
    ("A chemical spill turned the Fuyang River red.", "Fuyang", "NOT_PLACE"),
    # government references without a speech verb; the government named is literal
    ("Hackers paid by Beijing broke into the ministry's network.", "Beijing", "METONYMIC"),
    ("Hong Kong on Thursday hit back at the report.", "Hong Kong", "METONYMIC"),
    ("The Macau authorities closed the border crossing for the night.", "Macau", "LITERAL"),
]


@pytest.mark.parametrize(("text", "surface", "label"), CASES)
def test_label_in_context(english, text: str, surface: str, label: str) -> None:
    assert only(english, text, surface)["label"] == label


def test_a_name_that_is_not_the_city_is_no_mention(english) -> None:
    doc = english("Shoppers crowded Nanjing Road and sipped Longjing tea.")
    assert [s.text for s in doc.spans["cities"]] == []
