"""Each label and each homonym pair, on sentences written for these tests (not from any corpus)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from nlp import tag_texts
from tests.nlp.conftest import only, tag_one

LABELLED = [
    ("Floodwater swept through low-lying districts of Wuhan overnight.", "Wuhan", "LITERAL", "Wuhan"),
    ("Shenzhen-based drone maker DJI cut prices.", "Shenzhen", "LITERAL", "Shenzhen"),
    ("The Chongqing skyline disappeared behind the fog.", "Chongqing", "LITERAL", "Chongqing"),
    ("Beijing warned Tokyo against sending warships into the strait.", "Beijing", "METONYMIC", "Beijing"),
    ("Beijing's crackdown on private tutoring hit investors hard.", "Beijing", "METONYMIC", "Beijing"),
    ("Ties between Washington and Beijing have hit a new low.", "Beijing", "METONYMIC", "Beijing"),
    ("Delegates met at the Shanghai Cooperation Organisation summit in Astana.", "Shanghai", "ORG_PART", "Shanghai"),
    ("Trading was halted on the Shenzhen Stock Exchange after the crash.", "Shenzhen", "ORG_PART", "Shenzhen"),
    ("He earned a doctorate at Peking University in 2004.", "Peking", "ORG_PART", "Beijing"),
    ("Exhibitors packed the halls of the Canton Fair in Guangzhou.", "Canton", "ORG_PART", "Guangzhou"),
    ("The chef carved the Peking duck at the table.", "Peking", "ORG_PART", "Beijing"),
    ("Thousands of runners lined up for the Xiamen marathon on Sunday.", "Xiamen", "ORG_PART", "Xiamen"),
    ("Buyers from 200 countries are expected at the Canton fair in Guangzhou this spring.", "Canton", "ORG_PART", "Guangzhou"),
    ("The destroyer Kunming shadowed the foreign warships for two days.", "Kunming", "NOT_PLACE", None),
]


@pytest.mark.parametrize(("text", "surface", "label", "city"), LABELLED)
def test_labels_with_trained_model(english, text: str, surface: str, label: str, city: str | None) -> None:
    mention = only(english, text, surface)
    assert mention["label"] == label
    assert (mention["city"] or {}).get("name") == city
    assert 0.0 <= mention["confidence"] <= 1.0


def test_other_place_needs_context(english) -> None:
    ohio = only(english, "The mayor of Canton, Ohio, unveiled a new budget for the police.", "Canton")
    assert ohio["label"] == "OTHER_PLACE" and ohio["city"] is None
    china = only(english, "British merchants bought tea and silk in Canton before the Opium War with China.", "Canton")
    assert china["label"] == "LITERAL" and china["city"]["name"] == "Guangzhou"
    taiwan = only(english, "The night market in Yongkang, Taiwan, draws crowds every weekend.", "Yongkang")
    assert taiwan["label"] == "OTHER_PLACE" and taiwan["city"] is None
    shenzhen = only(english, "Shenzhen reported record exports of electric cars this year.", "Shenzhen")
    assert shenzhen["label"] != "OTHER_PLACE" and shenzhen["confidence"] > 0.5


def test_context_windows_keep_their_offsets_after_letters_that_lower_to_two() -> None:
    """"İ" lower-cases to two characters: the "Canton, Ohio" window must still look right after the name."""
    plain = "Factory jobs came back to Canton, Ohio, last year."
    turkish = "İSTANBUL İŞ İNSANLARI İÇİN İHRACAT İSTATİSTİKLERİ, İZMİR İLE İLGİLİ İNCELEME. " * 3 + plain
    (before,), (after,) = (tag_texts([t], ["en"])[0] for t in (plain, turkish))
    assert after["label"] == before["label"] == "OTHER_PLACE"
    assert after["confidence"] == before["confidence"]


HOMONYMS = [
    ("Suzhou", "Factories in Suzhou, in Jiangsu province, make laptops for export.", "Jiangsu"),
    ("Suzhou", "Farmers around Suzhou in Anhui province struggled with the drought.", "Anhui"),
    ("Taizhou", "Taizhou, Jiangsu, is a centre for shipbuilding on the Yangtze.", "Jiangsu"),
    ("Taizhou", "Zhejiang's Taizhou is home to many private carmakers and pump factories.", "Zhejiang"),
    ("Fuzhou", "Ferries leave Fuzhou, the capital of Fujian, for the Matsu islands.", "Fujian"),
    ("Fuzhou", "Fuzhou in Jiangxi province lies on the Fu River near Nanchang.", "Jiangxi"),
    ("Yichun", "Logging has been banned around Yichun in Heilongjiang since 2014.", "Heilongjiang"),
    ("Yichun", "Lithium mines near Yichun, Jiangxi, supply battery makers.", "Jiangxi"),
    ("Yulin", "Coal trucks crowd the roads of Yulin in northern Shaanxi.", "Shaanxi"),
    ("Yulin", "The dog meat festival in Yulin, Guangxi, draws protests every June.", "Guangxi"),
]


@pytest.mark.parametrize(("surface", "text", "province"), HOMONYMS)
def test_homonyms_follow_the_province_named(english, surface: str, text: str, province: str) -> None:
    mention = only(english, text, surface)
    assert mention["city"]["province"] == province
    assert len(mention["candidates"]) == 2


@pytest.mark.parametrize(("surface", "text", "province"), [
    ("Fuzhou", "Fuzhou, the old trading town that sits among the hills of inland Jiangxi province, is a long drive "
               "from the coast of Fujian.", "Jiangxi"),
    ("Yichun", "Yichun, a forestry town whose timber once fed the mills of Heilongjiang province, now sells pine "
               "nuts to buyers in Jiangxi and beyond.", "Heilongjiang"),
    ("Taizhou", "Taizhou, a river port whose shipyards have grown fast since the 1990s, lies in the middle of "
                "Jiangsu province, far upstream from the coast of Zhejiang.", "Jiangsu"),
])
def test_homonym_takes_the_province_named_closest_in_its_sentence(english, surface: str, text: str,
                                                                  province: str) -> None:
    """Beyond the window of "X, Province": a sentence describing a city names its own province nearest."""
    assert only(english, text, surface)["city"]["province"] == province


def test_homonym_from_other_cities_of_the_province(english) -> None:
    text = "The tour goes from Hefei to Bengbu and on to Suzhou before returning to Huainan."
    assert only(english, text, "Suzhou")["city"]["province"] == "Anhui"


def test_homonym_without_context_takes_the_salient_city_with_less_confidence(english) -> None:
    mention = only(english, "Suzhou is famous for its canals.", "Suzhou")
    assert mention["city"]["province"] == "Jiangsu"
    plain = only(english, "Nanjing is famous for its city wall.", "Nanjing")
    assert mention["confidence"] < plain["confidence"]


def test_province_names_are_not_cities(english) -> None:
    assert tag_one(english, "Floods hit Anhui and Jilin province this week.") == []
    (city,) = tag_one(english, "Jilin City lies on the Songhua River.")
    assert city["surface"].startswith("Jilin") and city["city"]["name"] == "Jilin"


@pytest.mark.parametrize(("text", "surface", "label"), [
    ("Factories in Wuhan resumed production after the holiday.", "Wuhan", "LITERAL"),
    ("Beijing said it would retaliate against the new tariffs.", "Beijing", "METONYMIC"),
    ("She studied law at Peking University.", "Peking", "ORG_PART"),
    ("The cargo ship Dalian ran aground near the harbour.", "Dalian", "NOT_PLACE"),
    ("Beijing lodged a strong protest over the visit of the parliamentary delegation.", "Beijing", "METONYMIC"),
    ("Canberra and Beijing clashed again over the detained writer.", "Beijing", "METONYMIC"),
    ("Non-stop flights between Rome and Beijing will restart in the spring.", "Beijing", "LITERAL"),
    ("Tourists can walk the decks of the barque Peking, now restored.", "Peking", "NOT_PLACE"),
])
def test_rules_only_mode(rules_only, text: str, surface: str, label: str) -> None:
    mention = only(rules_only, text, surface)
    assert mention["label"] == label
    assert mention["group_key"].startswith(surface.lower() + "|" + label)


def test_group_key_groups_the_same_construction(english) -> None:
    a = only(english, "On Monday Beijing said the talks had been useful.", "Beijing")
    b = only(english, "Beijing said on Friday that it had lodged a protest.", "Beijing")
    c = only(english, "Thousands of tourists visited Beijing last week.", "Beijing")
    assert a["group_key"] == b["group_key"] != c["group_key"]


def test_flagging_follows_the_threshold() -> None:
    from nlp.pipeline import RULES_ONLY, build_pipeline

    strict = build_pipeline("en", replace(RULES_ONLY, threshold=1.01))
    lenient = build_pipeline("en", replace(RULES_ONLY, threshold=0.0))
    text = "Suzhou is famous for its canals."
    assert only(strict, text, "Suzhou")["flagged"] is True
    assert only(lenient, text, "Suzhou")["flagged"] is False
