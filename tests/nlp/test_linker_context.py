"""Homonyms settled by what the text says about the place other than a province name.

Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import only

CASES = [
    # the characters written beside the name
    ("The museum of Fuzhou (抚州) reopened after the floods.", "Fuzhou", "361000"),
    ("福州 (Fuzhou) and Xiamen signed a tourism pact.", "Fuzhou", "350100"),
    # a county-level city or a district of the prefecture named in the article
    ("Taizhou's factories, many of them in Linhai and Wenling, make valves and pumps.", "Taizhou", "331000"),
    ("Taizhou plans a new port; its county-level city Jingjiang already has one.", "Taizhou", "321200"),
    ("The opera troupe of Fuzhou toured Linchuan and the villages around it.", "Fuzhou", "361000"),
    # the provinces that meet there
    ("Suzhou lies where Henan, Shandong, Jiangsu and Anhui meet.", "Suzhou", "341300"),
    # what the city is known for (industries, sights, natives: nlp/data/known_for.tsv)
    ("Lychee growers near Yulin expect a record crop.", "Yulin", "450900"),
    ("Timber quotas in Yichun were cut again to protect the forests.", "Yichun", "230700"),
    # a neighbouring city in another province
    ("From Yulin the road runs north to Ordos and the coal fields.", "Yulin", "610800"),
]


@pytest.mark.parametrize(("text", "surface", "adcode"), CASES)
def test_homonym_from_context(english, text: str, surface: str, adcode: str) -> None:
    assert only(english, text, surface)["city"]["adcode"] == adcode


def test_a_district_named_like_another_city_is_no_city(english) -> None:
    mention = only(english, "Police sealed off a compound in Chaoyang District on Friday night.", "Chaoyang")
    assert mention["label"] == "NOT_PLACE" and mention["city"] is None


def test_a_district_of_a_city_the_article_names_links_to_no_other_city(english) -> None:
    """Beijing's Chaoyang district, not Chaoyang, Liaoning; with Liaoning in the text it is the city."""
    assert only(english, "Doctors at Chaoyang Hospital in Beijing treated both patients.", "Chaoyang")["city"] is None
    city = only(english, "Chaoyang, in western Liaoning, and Beijing signed a water deal.", "Chaoyang")["city"]
    assert city["adcode"] == "211300"
