"""Classes of stop 64's second change (3.32; their classes, not their sentences), each with the counterpart that stays
what it is.

A line break inside a sentence (a text wrapped at a fixed width, the next word in lower case) no longer hides the head
of a name from the name (Russian and English), while a line that ends a headline still ends the name's words; Dutch
writes the currency apart and in lower case (Hongkong dollar); Chinese names a group's own firm after 旗下 (cue
``firm_before``) and a canal named like a city with 渠 (``own_name_words``); Japanese names a firm's short name with a
brand and a trade of up to seven characters (the city and 科美特特種気体 after 成都科美特特種気体有限公司), while
the city named in the same text stays the city.
Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import each_label_test

CASES = [
    ("ru", "Две студентки учатся в аспирантуре Харбинского\nполитехнического университета по обмену.", "Харбинского",
     ["ORG_PART"]),
    ("ru", "Две студентки живут в Харбине\nи учатся там второй год.", "Харбине", ["LITERAL"]),
    ("nl", "Het overnamebod bedraagt 42 Hongkong dollar per aandeel.", "Hongkong", ["ORG_PART"]),
    ("nl", "Het overnamebod werd in Hongkong aangekondigd.", "Hongkong", ["LITERAL"]),
    ("zh", "该集团旗下宜宾凯翼汽车今年销量增长三成。", "宜宾", ["ORG_PART"]),
    ("zh", "该集团在宜宾的工厂今年扩产。", "宜宾", ["LITERAL"]),
    ("zh", "暴雨过后,头屯河区、安宁渠等地的农田受灾。", "安宁", ["NOT_PLACE"]),
    ("ja", "東レは南通華盛高分子材料有限公司と提携した。出資比率は東レ51%、南通華盛高分子材料49%。",
     "南通", ["ORG_PART", "ORG_PART"]),
    ("ja", "東レは南通華盛高分子材料有限公司と提携し、南通に新工場を建てる。", "南通", ["ORG_PART", "LITERAL"]),
]

test_wrapped_lines_canals_and_subsidiaries = each_label_test(CASES)
