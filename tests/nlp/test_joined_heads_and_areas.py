"""Classes left by stop 57's round (their classes, not their sentences), each with the counterpart that stays what it
is: a Chinese organisation's head that the segmenter joins to the verb after it (乌鲁木齐 | 海关监管, the customs) while
a city's central districts (中心城区) stay the place; a Korean park named by two names joined by a hyphen, the head
written onto the second (쑤저우-인촨산업원), while two cities joined by a hyphen before a route stay places; a Spanish or
French festival whose theme is two words joined by "and" before the city (el festival de hielo y nieve de Harbin), while
two things joined by "and" that are no name's head stay the place. Sentences written for these tests (not in
training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import each_label_test

JOINED_HEADS = [
    ("zh", "经乌鲁木齐海关监管的进口货物比去年增加了三成。", "乌鲁木齐", ["ORG_PART"]),
    ("zh", "这批水果由南宁海关监管放行。", "南宁", ["ORG_PART"]),
    ("zh", "乌鲁木齐的进口货物比去年增加了三成。", "乌鲁木齐", ["LITERAL"]),
]

test_a_head_joined_to_its_verb_names_the_organisation = each_label_test(JOINED_HEADS)

CENTRAL_AREAS = [
    ("zh", "北京中心城区的房价今年又上涨了。", "北京", ["LITERAL"]),
    ("zh", "成都中心区域将新建三座公园。", "成都", ["LITERAL"]),
    ("zh", "上海中心大厦是这座城市最高的建筑。", "上海", ["ORG_PART"]),
]

test_a_citys_central_districts_are_the_place = each_label_test(CENTRAL_AREAS)

HYPHENATED = [
    ("ko", "쑤저우-인촨산업원은 올해 기업 열 곳을 새로 유치했다.", "쑤저우", ["ORG_PART"]),
    ("ko", "쑤저우-인촨산업원은 올해 기업 열 곳을 새로 유치했다.", "인촨", ["ORG_PART"]),
    ("ko", "그 회사는 쑤저우-싱가포르 공업원구에 공장을 세웠다.", "쑤저우", ["ORG_PART"]),
    ("ko", "베이징-상하이 고속철도 승객이 크게 늘었다.", "베이징", ["LITERAL"]),
]

test_names_joined_by_a_hyphen_share_the_head = each_label_test(HYPHENATED)

THEMES = [
    ("es", "Miles de turistas visitan cada invierno el festival de hielo y nieve de Harbin.", "Harbin", ["ORG_PART"]),
    ("fr", "Le festival de glace et neige de Harbin a ouvert ses portes vendredi.", "Harbin", ["ORG_PART"]),
    ("es", "Visitó la universidad y el hospital de Pekín durante su viaje.", "Pekín", ["LITERAL"]),
    ("es", "Las exportaciones de acero y aluminio de Shanghái crecieron este año.", "Shanghái", ["LITERAL"]),
]

test_a_theme_joined_by_and_stays_in_the_name = each_label_test(THEMES)
