"""Historic spellings in history writing (issue #12, history round): a treaty port is a place, wares and dialects
named for a city are part of a name, a former capital names its government, a known name of the city's
(nlp/data/names.tsv) has no namesake abroad, a namesake village abroad is not the default reading of an old
spelling, and the parser's PERSON guess on an old spelling is no evidence. Sentences written for these tests (not
in training.tsv, calibration.tsv or the sentence files); the development blocks
(tests/nlp/history_dev_sentences.tsv, history2_dev_sentences.tsv, history3_dev_sentences.tsv) are held to floors,
the held-out blocks (history_heldout_sentences.tsv, history2_..., history3_...) are read only for the report."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from nlp.evaluate import score_sentence_file
from tests.nlp.conftest import only

HERE = Path(__file__).parent

CASES = [
    # a place named as a treaty port: "treaty" after a verb is no name's head
    ("Chefoo was a treaty port on the Shandong coast.", "Chefoo", "LITERAL", "370600"),
    ("Ningpo and Wenchow were treaty ports by 1877.", "Wenchow", "LITERAL", "330300"),
    ("The Treaty of Tientsin opened ten more ports.", "Tientsin", "ORG_PART", None),
    # wares, crafts and speech named for a city
    ("Dealers in London sold Canton enamel and Foochow lacquer.", "Canton", "ORG_PART", None),
    ("The shards were identified as Swatow ware.", "Swatow", "ORG_PART", None),
    ("Many emigrants spoke the Swatow dialect at home.", "Swatow", "ORG_PART", None),
    ("Sugar was shipped from Swatow to Bangkok.", "Swatow", "LITERAL", "440500"),
    # a former capital beside the name makes both governments
    ("Peking and Constantinople exchanged envoys in 1873.", "Peking", "METONYMIC", "110000"),
    # a known name of the city's has no namesake abroad, however bare
    ("The Canton Fair drew record crowds.", "Canton", "ORG_PART", "440100"),
    # an old spelling whose only namesake is a village abroad is the city; with the namesake's state it is not
    ("Caravans left Kalgan for Urga each spring.", "Kalgan", "LITERAL", "130700"),
    ("Kalgan, Western Australia, lies east of Albany.", "Kalgan", "OTHER_PLACE", None),
    ("Canton, Ohio, held its parade on Saturday.", "Canton", "OTHER_PLACE", None),
    # an old spelling as a subject: spaCy's PERSON guess on it is no evidence, unless the spelling is a firm's word
    ("Kalgan was the last stop before the steppe.", "Kalgan", "LITERAL", "130700"),
    ("Swatow lay behind a sandbar at the mouth of the Han.", "Swatow", "LITERAL", "440500"),
    ("Tsingtao posted higher profits for the year.", "Tsingtao", "ORG_PART", None),
    # the old governments' replies, edicts and orders (history2 round)
    ("Peking answered that the treaty said nothing of the kind.", "Peking", "METONYMIC", "110000"),
    ("The governor obeyed the edict from Peking at once.", "Peking", "METONYMIC", "110000"),
    ("Nanking's ultimatum expired at noon.", "Nanking", "METONYMIC", "320100"),
    # Marco Polo's names
    ("Polo called the great city Quinsai.", "Quinsai", "LITERAL", "330100"),
    ("The Khan's winter capital, Cambaluc, had twelve gates.", "Cambaluc", "LITERAL", "110000"),
]


@pytest.mark.parametrize(("text", "surface", "label", "adcode"), CASES)
def test_history_writing(english: Language, text: str, surface: str, label: str, adcode: str | None) -> None:
    found = only(english, text, surface)
    assert found["label"] == label, found
    if adcode:
        assert (found.get("city") or {}).get("adcode") == adcode, found


@pytest.mark.parametrize(("name", "label", "linking"), [("history_dev_sentences.tsv", 0.96, 0.97),
                                                       ("history2_dev_sentences.tsv", 0.85, 0.95),
                                                       ("history3_dev_sentences.tsv", 0.9, 0.9)])
def test_development_sentences_of_history_writing(name: str, label: float, linking: float) -> None:
    scores = score_sentence_file(HERE / name)
    assert scores["label_accuracy"] >= label and scores["linking_accuracy"] >= linking, scores
