"""What the words around a name say it names, from the held-out real batches of stop 47 and the classes stop 46 left
(their classes, not their sentences). A port that speaks is its operator, an organisation, in Chinese as in English
(舟山港曾表示, "the Port of Ningbo said"); the port as a place stays the city's. Each with the counterpart that stays what
it is. Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import assert_one_label

CASES = [
    # a port that speaks, past an adverb and a second name written against the first; the port as a place
    ("zh", "舟山港也表示，今年的集装箱吞吐量将继续增长。", "舟山", "ORG_PART"),
    ("zh", "宁波舟山港称，一季度货物吞吐量同比增长。", "舟山", "ORG_PART"),
    ("zh", "这批货物运抵宁波舟山港后再转运欧洲。", "舟山", "LITERAL"),
    ("zh", "舟山表示将加快建设自由贸易港。", "舟山", "METONYMIC"),
    ("en", "The Port of Ningbo said on Monday that container volumes rose.", "Ningbo", "ORG_PART"),
    ("en", "The Port of Ningbo-Zhoushan said volumes rose by a tenth.", "Zhoushan", "ORG_PART"),
    ("en", "The ship left the port of Ningbo on Monday.", "Ningbo", "LITERAL"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "label"), CASES)
def test_what_the_words_around_a_name_say_it_names(lang: str, text: str, surface: str, label: str) -> None:
    assert_one_label(lang, text, surface, label)
