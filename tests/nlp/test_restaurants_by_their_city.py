"""Stop 64's last change (3.37; its class, not its sentences), with the counterparts that stay what they are.

A restaurant named by a city and its kind ("Canton Restaurant", "Peking Garden") is that restaurant where the text
later lets the city alone do what a restaurant does or names its people ("Canton stays open", "former Canton
employees", "the owners of Canton": the en ``restaurant_heads``, ``restaurant_verbs`` and ``restaurant_nouns``), as an
airline named by its city was already (``carrier_heads``); the city where the owners come from stays the city, and so
does the city in a text that names no restaurant by it. (3.38) An everyday word framed by 在 and the localizer 下
(在日照下, "under the sunshine") is no place, while 在日照工作 and 在来宾下车 ("get off at Laibin") stay the cities; Hong
Kong Pegasus (香港飞马) in ``names.tsv``.
Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import each_label_test

_DINER = ("Shanghai Kitchen, a fixture of Main Street since 1988, will close next month. The owners of Shanghai said "
          "they would retire. Former Shanghai employees shared their memories, and regulars hope Shanghai stays open "
          "through the holidays. The owners came to Ohio from Shanghai in 1985.")

CASES = [
    ("en", _DINER, "Shanghai", ["ORG_PART", "ORG_PART", "ORG_PART", "ORG_PART", "LITERAL"]),
    ("en", "Xiamen Airlines added a route. Xiamen currently flies once a week to Vancouver.", "Xiamen",
     ["ORG_PART", "ORG_PART"]),
    ("en", "Factories in Shanghai stay open through the holidays, and Shanghai employees work overtime.", "Shanghai",
     ["LITERAL", "LITERAL"]),
    # 3.38: an everyday word framed by 在 and the localizer 下 ("under the sunshine") is no place; a club in names.tsv
    ("zh", "晒盐的卤水在日照下慢慢结晶。", "日照", []),
    ("zh", "他在日照工作了十年。", "日照", ["LITERAL"]),
    ("zh", "乘客在来宾下车后换乘汽车。", "来宾", ["LITERAL"]),
    ("zh", "他曾效力香港飞马，后来转会东方。", "香港", ["ORG_PART"]),
]

test_restaurants_by_their_city = each_label_test(CASES)
