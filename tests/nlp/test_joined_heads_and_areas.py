"""Classes of stop 58 (their classes, not their sentences), each with the counterpart that stays what it is.

Left by stop 57's round: a Chinese organisation's head that the segmenter joins to the verb after it (乌鲁木齐 |
海关监管, the customs) while a city's central districts (中心城区) stay the place; a Korean park named by two names
joined by a hyphen, the head written onto the second (쑤저우-인촨산업원), while two cities joined by a hyphen before a
route stay places; a Spanish or French festival whose theme is two words joined by "and" before the city (el festival
de hielo y nieve de Harbin), while two things joined by "and" that are no name's head stay the place.

From this stop's first set (read after it was measured): a council or an agreement named by the city, a hyphen and
another name (上海-新加坡全面合作理事会, 上海‐横浜友好交流協議書) while a route so written stays two places; the
exchanges of two names joined by a middle dot, the head written onto the last (상하이·선전증시); a Korean academy; a
list of cities that a count of exactly as many and a head end (酒泉、太原、西昌三大卫星发射中心, 3대 위성발사센터)
while a count of cities (三大城市) and a list before a verb stay places; a firm whose stake a verb names, its brand
unknown to the segmenter (持股珠海银隆) while a stake in a city's firms stays the place; a market named as a city of
its wares in Japanese (義烏小商品城). Sentences written for these tests (not in training.tsv, calibration.tsv or the
sentence files).
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

HYPHEN_JOINED = [
    ("zh", "明年是广州-新加坡合作理事会成立十周年。", "广州", ["ORG_PART"]),
    ("ja", "両市の代表は「大連‐北九州友好交流協議書」に署名した。", "大連", ["ORG_PART"]),
    ("zh", "广州-新加坡航线下月恢复，每周四班。", "广州", ["LITERAL"]),
]

test_a_head_after_a_hyphen_joined_name_names_both = each_label_test(HYPHEN_JOINED)

KOREAN_HEADS = [
    ("ko", "베이징·선전증시 거래대금이 모두 늘었다.", "베이징", ["ORG_PART"]),
    ("ko", "그 로켓은 베이징 우주기술아카데미가 설계했다.", "베이징", ["ORG_PART"]),
    ("ko", "베이징·선전에서 관광객이 늘었다.", "베이징", ["LITERAL"]),
]

test_korean_heads_of_joined_names_and_academies = each_label_test(KOREAN_HEADS)

COUNTED_LISTS = [
    ("zh", "与大连、青岛、宁波三大港务集团相比，这家公司规模较小。", "大连", ["ORG_PART"]),
    ("zh", "与大连、青岛、宁波三大港务集团相比，这家公司规模较小。", "青岛", ["ORG_PART"]),
    ("ko", "광저우, 선전 양대 증권거래소가 오늘 휴장했다.", "광저우", ["ORG_PART"]),
    ("zh", "大连、青岛、宁波三大城市的房价今年上涨。", "大连", ["LITERAL"]),
    ("zh", "公司今年在大连、青岛设立研发中心。", "大连", ["LITERAL"]),
]

test_a_counted_list_shares_its_head = each_label_test(COUNTED_LISTS)

STAKES = [
    ("zh", "格力的董事长说，她持股珠海银隆并非本意。", "珠海", ["ORG_PART"]),
    ("zh", "这家基金今年增持深圳本地企业的股份。", "深圳", ["LITERAL"]),
    ("zh", "他们去年收购上海的一家工厂。", "上海", ["LITERAL"]),
]

test_a_stake_names_the_firm = each_label_test(STAKES)

MARKETS = [
    ("ja", "その商品の多くは義烏小商品城で売られている。", "義烏", ["ORG_PART"]),
    ("ja", "その商品の多くは義烏で作られている。", "義烏", ["LITERAL"]),
]

test_a_market_named_as_a_city_of_wares = each_label_test(MARKETS)
