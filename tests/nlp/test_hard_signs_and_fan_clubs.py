"""Classes of stop 63's third change (3.27; their classes, not their sentences), each with the counterpart that stays
what it is.

Russian: the Palladius rule writes the hard sign where a syllable ending in н meets one that begins with a vowel
(东营 Дунъин, 衡阳 Хэнъян), so Дунин is 东宁's established name alone (``script_names.tsv``, as Кулджа for Yining),
while Дунъин stays Dongying; a resort named by its city (Atlantis Sanya, ``names.tsv``), while a stay in the city stays
the city. Chinese: a fan club named by its city (上海歌迷会, 大连球迷会), while the city's fans stay the city.
Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import each_label_test, mentions_of

CASES = [
    ("ru", "Грузовики из Дунина пересекают границу у Полтавки.", "Дунина", ["LITERAL"]),
    ("ru", "Нефтяники Дунъина отчитались о росте добычи.", "Дунъина", ["LITERAL"]),
    ("ru", "Торговцы из Кулджи открыли лавки в Алматы.", "Кулджи", ["LITERAL"]),
    ("ru", "Семья отдыхала в отеле Atlantis Sanya с аквапарком.", "Sanya", ["ORG_PART"]),
    ("ru", "Семья отдыхала в Sanya на острове Хайнань.", "Sanya", ["LITERAL"]),
    ("zh", "演唱会门票被上海歌迷会包下了一半。", "上海", ["ORG_PART"]),
    ("zh", "上海的歌迷在场外排起长队。", "上海", ["LITERAL"]),
]

test_hard_signs_resorts_and_fan_clubs = each_label_test(CASES)



@pytest.mark.parametrize(("text", "surface", "city"), [
    ("Грузовики из Дунина пересекают границу у Полтавки.", "Дунина", "Dongning"),
    ("Нефтяники Дунъина отчитались о росте добычи.", "Дунъина", "Dongying"),
])
def test_dunin_and_dunyin_are_two_cities(text: str, surface: str, city: str) -> None:
    assert [m["city"]["name"] for m in mentions_of("ru", text, surface)] == [city]
