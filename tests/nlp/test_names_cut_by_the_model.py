"""Names the entity model or the run of characters cut short, from the classes left by stop 55's batches (their classes,
not their sentences). English: a station's name with a direction word after the city ("Wenzhou West Railway Station"),
which the small model ends at the city's name while its parse joins the city to the station. Chinese: a market whose
name goes on past the country's name (义乌中国小商品城, a name of ``names.tsv``), which otherwise ends the run as in
武汉中国科学院 "the Academy, in Wuhan". Each with the counterpart that stays what it is. Sentences written for these tests
(not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import one_label_test

CASES = [
    # a direction word between the city and the station's head; the city as the goal of the same verb stays the city,
    # and so does a title and a person after it (no head of an organisation)
    ("en", "They took the wreckage to Wenzhou West Railway Station for inspection.", "Wenzhou", "ORG_PART"),
    ("en", "Crowds queued outside Guangzhou South Railway Station before the holiday.", "Guangzhou", "ORG_PART"),
    ("en", "They took the wreckage to Wenzhou for inspection.", "Wenzhou", "LITERAL"),
    ("en", "They met Nanjing Mayor Han Li at the airport.", "Nanjing", "LITERAL"),
    # the market's name past the country's; the country's academy in the city stays the city
    ("zh", "他在义乌中国小商品城经营饰品生意。", "义乌", "ORG_PART"),
    ("zh", "她在義烏中國小商品城買了一批玩具。", "義烏", "ORG_PART"),
    ("zh", "他在武汉中国科学院的研究所工作。", "武汉", "LITERAL"),
]

test_names_cut_short = one_label_test(CASES)
