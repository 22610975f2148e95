"""Homonyms settled by what the text says about the place other than a province name.

Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files); the origin rule's
development and held-out files (tests/nlp/origin_*_sentences.tsv) are scored against floors below their figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.components import SPANS_KEY
from nlp.evaluate import score_sentence_file
from nlp.pipeline import tag_texts
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
    # a province named as where other people come from: its candidate is the less likely one (W_ORIGIN) ...
    ("Hikers from Heilongjiang filled the guesthouses of Yichun this summer.", "Yichun", "360900"),
    ("Bargain hunters from Jiangxi queued at the forest products fair in Yichun.", "Yichun", "230700"),
    ("Volunteers from Jilin helped restore the old revolutionary base at Ji'an.", "Ji'an", "360800"),
    # ... but not when it is the name's qualifier, begins a name, or its people are officials
    ("Traders from Anhui's Suzhou opened stalls in Nanjing.", "Suzhou", "341300"),
    ("Researchers from Zhejiang University surveyed the valve makers of Taizhou.", "Taizhou", "331000"),
    ("Officials from Anhui said the floods in Suzhou had receded.", "Suzhou", "341300"),
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


def test_a_district_written_twice_is_still_the_district() -> None:
    """Each time the article writes the district's name it counted once for the other city's province; its own
    writings say nothing of that province (the Korean gloss of 차오양구 twice in one consular notice)."""
    text = "베이징 차오양(朝陽)구의 빌라단지에 새 청사가 있다. 영사부는 베이징 차오양(朝陽)구의 새 청사로 옮겼다."
    (mentions,) = tag_texts([text], ["ko"])
    assert [(m["surface"], m["city"]) for m in mentions if m["surface"] == "朝陽"] == [("朝陽", None)] * 2
    text = "Doctors at Chaoyang Hospital in Beijing treated both patients. Chaoyang Hospital said more beds were free."
    (mentions,) = tag_texts([text], ["en"])
    assert [m["city"] for m in mentions if m["surface"] == "Chaoyang"] == [None, None]


LANDMARK_AND_NEARBY_CASES = [
    # a landmark or institution of the city (nlp/data/landmarks.tsv), or of a place near it
    # (each against the salience prior: the other candidate is the larger city)
    ("Hikers in Yichun head for Wuying National Forest Park.", "Yichun", "230700"),
    ("Pilgrims pass through Tongren on their way to Mount Fanjing.", "Tongren", "520600"),
    ("Ji'an's museum tells the story of the Goguryeo tombs.", "Ji'an", "220582"),
    ("Traders in Pingxiang cross the Friendship Pass each morning.", "Pingxiang", "451481"),
    # a city named in the sentence with a word of nearness between
    ("Jinzhou, a short drive east of Shijiazhuang, makes pear juice.", "Jinzhou", "130183"),
    ("Wuwei, two hours by road north-west of Lanzhou, is a wine town.", "Wuwei", "620600"),
]


@pytest.mark.parametrize(("text", "surface", "adcode"), LANDMARK_AND_NEARBY_CASES)
def test_homonym_from_a_landmark_or_a_city_nearby(english, text: str, surface: str, adcode: str) -> None:
    assert only(english, text, surface)["city"]["adcode"] == adcode


def test_a_city_named_without_a_word_of_nearness_does_not_pull_the_homonym() -> None:
    """"rivals in Nanjing" says nothing about where Taizhou is: the Hangzhou dateline decides."""
    from nlp.pipeline import tag_texts

    text = "HANGZHOU, China (Reuters) - Shipyards in Taizhou are busy; rivals in Nanjing too."
    mention = next(m for m in tag_texts([text], ["en"])[0] if m["surface"] == "Taizhou")
    assert mention["city"]["adcode"] == "331000"


def test_bad_landmark_rows_name_the_file_and_line() -> None:
    from nlp.landmarks import parse_landmarks
    from nlp.lexicon import read_lexicon

    cities = read_lexicon().gazetteer.cities
    good = "# header\n350782\t武夷山\twuyi mountains\tmountain\ten.wikipedia: Wuyi Mountains\n"
    assert parse_landmarks(good, "t.tsv", cities).cities == {"wuyi mountains": "350782"}
    for bad, why in [("350782\t武夷山\twuyi mountains\tmountain\n", "5 tab-separated"),
                     ("350782\t福州\twuyi mountains\tmountain\tsrc\n", "is not a city named"),
                     ("350782\t武夷山\tWuyi Mountains\tmountain\tsrc\n", "lower case"),
                     (good.split("\n", 1)[1] + "350100\t福州\twuyi mountains\tsight\tsrc\n", "already a landmark")]:
        with pytest.raises(ValueError, match=rf"t\.tsv:\d+: .*{why}"):
            parse_landmarks(bad, "t.tsv", cities)



def test_a_province_named_as_where_others_come_from_in_german() -> None:
    (mentions,) = tag_texts(["Besucher aus Jiangxi drängten sich auf dem Holzmarkt von Yichun."], ["de"])
    assert mentions[-1]["surface"] == "Yichun" and mentions[-1]["city"]["adcode"] == "230700", mentions


@pytest.mark.parametrize(("name", "floor"), [("origin_dev_sentences.tsv", 0.85), ("origin_heldout_sentences.tsv", 0.7)])
def test_origin_sentence_files(name: str, floor: float) -> None:
    scores = score_sentence_file(Path(__file__).parent / name)
    assert scores["label_accuracy"] == 1.0 and scores["linking_accuracy"] >= floor, scores



@pytest.mark.parametrize(("text", "surface", "beside"), [
    ("Heze of Shandong Province exported more garlic.", "Heze", True),
    ("Changchun, Jilin, hosted the car show.", "Changchun", True),  # Jilin names a province as well as a city
    ("Wuhan's 2-1 victory over Shanghai lifted them to third.", "Wuhan", False),  # a province-level city: a city
    ("Flights between Shenzhen and Hong Kong resumed.", "Shenzhen", False),
])
def test_a_province_level_city_beside_the_name_does_not_place_it(english, text: str, surface: str,
                                                                  beside: bool) -> None:
    """The label's province cue (``Link.near_province``) counts provinces, not the cities that are one."""
    doc = english(text)
    spans = [s for s in doc.spans[SPANS_KEY] if s.text == surface]
    assert len(spans) == 1 and spans[0]._.link.near_province is beside
