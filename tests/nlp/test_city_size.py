"""The linker's size prior reads a prefecture-level city's size, not the population of its seat town's point."""

from __future__ import annotations

from nlp import tag_texts
from nlp.gazetteer import load
from nlp.lexicon import read_lexicon


def _province(text: str, surface: str) -> str | None:
    (mention,) = [m for m in tag_texts([text], ["en"])[0] if m["surface"] == surface][:1]
    return (mention["city"] or {}).get("province")


def test_no_prefecture_level_city_is_sized_as_a_town() -> None:
    lexicon = read_lexicon()
    cities = lexicon.gazetteer.cities.values()
    prefectures = sorted(lexicon.population(c.adcode) for c in cities if c.kind == "prefecture")
    floor = prefectures[0]
    assert floor > 500_000
    # a figure above the floor stands as GeoNames gives it; the GeoNames figure itself is kept
    assert all(c.size == max(c.population or 0, floor) for c in cities if c.kind == "prefecture")
    assert lexicon.population("320500") == lexicon.gazetteer.cities["320500"].population  # Suzhou, Jiangsu
    assert lexicon.gazetteer.cities["610800"].population < 100_000 < floor == lexicon.population("610800")


def test_a_seat_town_figure_no_longer_outweighs_what_the_city_is_known_for() -> None:
    text = "YULIN, China (Reuters) - Coal output in Yulin rose 8% in the first half, the statistics bureau said."
    assert _province(text, "Yulin") == "Shaanxi"
    assert _province("Yulin's dog meat festival opened on Sunday despite protests.", "Yulin") == "Guangxi"


def test_a_prefecture_level_city_outweighs_a_county_level_namesake_by_default() -> None:
    assert _province("Tongren is a city of about three million people.", "Tongren") == "Guizhou"
    assert _province("Officials in Longnan said the road would reopen.", "Longnan") == "Gansu"


def test_large_homonyms_keep_their_order() -> None:
    assert _province("Suzhou's factories reopened on Monday.", "Suzhou") == "Jiangsu"
    assert _province("Fuzhou's port handled more containers this year.", "Fuzhou") == "Fujian"
    assert _province("Yichun's officials said on Monday that the plan was approved.", "Yichun") == "Jiangxi"


def test_areas_without_a_figure_still_lose_to_their_seat_city() -> None:
    gazetteer = load()
    dali = [c for c in gazetteer.cities.values() if c.name == "Dali"]
    assert {c.kind for c in dali} == {"autonomous_prefecture", "county"}
    assert all(c.size is None for c in dali if c.kind == "autonomous_prefecture")
