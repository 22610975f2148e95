"""What the words around a name say it names, from the held-out real batches 20, 21 and 36 of stop 37 (their classes,
not their sentences), read and fixed in stop 37: a university's campus named by its city ("NYU Shanghai"); in Chinese,
halls and venues (南宁游泳馆, also as jieba splits it: 跳水 | 馆), clan associations abroad (福州乡会), special economic
zones, tournaments (邀请赛) and hand-pulled noodles as a restaurant's name; in Japanese, a garden named after a sister
city (福州園), a grand prix written GP, a circuit, a memorial hall past a person's name and the Games with "after"
joined to them by the segmenter (冬季五輪後). Each with the counterpart that stays the city. Sentences written for
these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.nlp.conftest import mentions_of, only

ENGLISH = [
    # a campus named by the university and its city (names.tsv); the university's office in the city keeps the city
    ("She studied economics at NYU Shanghai before moving to London.", "Shanghai", "ORG_PART"),
    ("NYU opened an office in Shanghai in 2012.", "Shanghai", "LITERAL"),
    ("Applications to CUHK-Shenzhen rose by a fifth.", "Shenzhen", "ORG_PART"),
]


@pytest.mark.parametrize(("text", "surface", "label"), ENGLISH)
def test_english(english: Language, text: str, surface: str, label: str) -> None:
    assert only(english, text, surface)["label"] == label


CHINESE_JAPANESE = [
    # halls and venues named by the city, as one jieba word or split off (跳水 | 馆); the city's own halls stay the city
    ("zh", "运动员在南宁游泳馆进行了最后一次训练。", "南宁", "ORG_PART"),
    ("zh", "游客参观了汕头跳水馆和老街。", "汕头", "ORG_PART"),
    ("zh", "南宁的游泳馆周末人很多。", "南宁", "LITERAL"),
    # a clan association abroad named by the city; a grandfather from the city keeps it
    ("zh", "吉隆坡的福州乡会举办了新春团拜。", "福州", "ORG_PART"),
    ("zh", "他的祖父来自福州。", "福州", "LITERAL"),
    # a special economic zone named by its city; the city that is one of the zones stays the city
    ("zh", "珠海经济特区成立四十周年。", "珠海", "ORG_PART"),
    ("zh", "珠海是最早的经济特区之一。", "珠海", "LITERAL"),
    # a tournament named by its host; the tournament held in the city keeps the city
    ("zh", "首届昆明国际围棋邀请赛下月开幕。", "昆明", "ORG_PART"),
    ("zh", "围棋邀请赛下月在昆明开幕。", "昆明", "LITERAL"),
    # hand-pulled noodles named for the place, here a restaurant; eating them in the city keeps the city
    ("zh", "纽约街头新开了一家兰州手拉面。", "兰州", "ORG_PART"),
    ("zh", "他在兰州吃到了正宗的手拉面。", "兰州", "LITERAL"),
    # Japanese: a garden named after a sister city, right after the name (a park in the city's address stays the city)
    ("ja", "大阪の蘇州園で秋の茶会が開かれた。", "蘇州", "ORG_PART"),
    ("ja", "蘇州の庭園で秋の茶会が開かれた。", "蘇州", "LITERAL"),
    ("ja", "大会は成都市武侯区の森林公園で開かれた。", "成都市", "LITERAL"),
    # a grand prix written GP, a circuit, a memorial hall past a person's name; racing in the city keeps it
    ("ja", "今年のマカオGPには日本人3人が出場する。", "マカオ", "ORG_PART"),
    ("ja", "日本人3人がマカオで走る。", "マカオ", "LITERAL"),
    ("ja", "上海サーキットで新しいマシンが走った。", "上海", "ORG_PART"),
    ("ja", "淮安周恩来記念館には多くの学生が訪れる。", "淮安", "ORG_PART"),
    ("ja", "淮安には周恩来の記念館がある。", "淮安", "LITERAL"),
    # the Games with "after" joined to them (Sudachi: 冬季 | 五輪後); moving to the city after the Games keeps it
    ("ja", "北京冬季五輪後に引退を表明した。", "北京", "ORG_PART"),
    ("ja", "五輪後に北京へ移住した。", "北京", "LITERAL"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "label"), CHINESE_JAPANESE)
def test_chinese_and_japanese(lang: str, text: str, surface: str, label: str) -> None:
    found = mentions_of(lang, text, surface)
    assert len(found) == 1, found
    assert found[0]["label"] == label
