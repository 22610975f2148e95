"""Issue #11, second round: Sino-Vietnamese readings, city names that begin a compound (Swedish, Danish,
Norwegian, German, Korean), and a city named like its province where the text marks the city ("the city of Jilin").

The sentences are the project's own writing, one group per failure class; each class has sentences that must give
the city and sentences that must not (a Vietnamese name or word made of the same syllables, a word that only begins
with a city's name, the province).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from nlp import tag_texts
from nlp.gazetteer import load

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from gazetteer_scripts import hanviet, hanviet_table  # noqa: E402

JILIN_CITY = "220200"


def _cities(text: str, lang: str) -> list[tuple[str, str | None]]:
    (mentions,) = tag_texts([text], [lang])
    return [(m["surface"], (m.get("city") or {}).get("adcode")) for m in mentions]


def _adcodes(text: str, lang: str) -> set[str | None]:
    return {code for _surface, code in _cities(text, lang)}


# ------------------------------------------------------------------------------------- Vietnamese readings

def test_the_reading_follows_the_mandarin_reading_and_both_tone_placements_are_forms() -> None:
    table = hanviet_table([["台", "tai1", "Thai", "-"], ["重", "chong2", "Trùng", "-"]])
    assert hanviet("台州", table) == ["Thai Châu"]  # tāi, not tái (Đài)
    assert hanviet("邢台", table) == ["Hình Đài"]
    assert hanviet("重庆", table) == ["Trùng Khánh"]
    assert hanviet("通化", table) == ["Thông Hoá", "Thông Hóa"]
    assert hanviet("贵港", table) == ["Quý Cảng"]  # qu- is one consonant: the mark stays on y


@pytest.mark.parametrize(("form", "adcode"), [
    ("Quế Lâm", "450300"), ("Tế Nam", "370100"), ("Thai Châu", "331000"), ("Thái Châu", "321200"),
    ("Lệ Giang", "530700"), ("Tam Á", "460200"), ("Đông Hoản", "441900"), ("Thạch Gia Trang", "130100"),
])
def test_prefecture_cities_have_their_sino_vietnamese_reading(form: str, adcode: str) -> None:
    found = load().lookup(form)
    assert found is not None and found.adcodes == (adcode,)


@pytest.mark.parametrize("word", ["Thái Nguyên", "Tây Ninh", "Mai Châu", "An Khang", "Hồng Hà"])
def test_readings_that_are_vietnamese_places_or_words_are_not_forms(word: str) -> None:
    assert load().lookup(word) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Du khách đã quay lại Quế Lâm và Lệ Giang trong tuần lễ nghỉ.", {"450300", "530700"}),
    ("Tại Tế Nam, các chuyến bay bị hoãn vì sương mù.", {"370100"}),
    ("Nhiều nhà máy ở Đông Hoản và Phật Sơn đã đóng cửa.", {"441900", "440600"}),
    ("HOÀNG SƠN (Trung Quốc) - Du khách leo núi đông nghịt.", {"341000"}),
])
def test_a_reading_written_as_a_name_is_the_city(text: str, expected: set[str]) -> None:
    assert _adcodes(text, "vi") == expected


@pytest.mark.parametrize("text", [
    "Ông Nguyễn Văn Sơn cho biết công ty sẽ mở rộng sản xuất.",  # a person's name: Văn Sơn runs on from Nguyễn
    "Chị Trần Ngọc Lâm là giáo viên ở Hà Nội.",
    "Đại lý bán xe máy ở Hà Nội tăng giá.",  # đại lý "agent": a common noun, not Đại Lý
    "Người dân xã Hoàng Sơn đã được sơ tán.",  # a Vietnamese commune
    "Bắc Hải Đạo là hòn đảo lớn thứ hai của Nhật Bản.",  # Hokkaido: the name runs on
])
def test_a_reading_inside_a_vietnamese_name_or_word_is_no_mention(text: str) -> None:
    assert _cities(text, "vi") == []


def test_a_reading_outside_vietnamese_text_is_no_mention() -> None:
    assert _cities("The singer Quế Lâm performed in Paris on Friday.", "en") == []


# ------------------------------------------------------------------------------------ compounds (Latin)

@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Toppmötet i Shanghaisamarbetsorganisationen hölls i Qingdao.", "sv", {"310000", "370200"}),
    ("De Pekingbaserade diplomaterna kommenterade inte Shanghaibörsen.", "sv", {"110000", "310000"}),
    ("Hongkongpolisen grep tre personer på söndagen.", "sv", {"810000"}),
    ("Shanghaibørsen faldt kraftigt mandag.", "da", {"310000"}),
    ("Pekingregjeringen svarte på tollene.", "no", {"110000"}),
    ("Die Wuhanreise wurde abgesagt.", "de", {"420100"}),
])
def test_a_large_citys_name_begins_a_compound(text: str, lang: str, expected: set[str]) -> None:
    assert _adcodes(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "label"), [
    ("Toppmötet i Shanghaisamarbetsorganisationen hölls i Qingdao.", "sv", "ORG_PART"),
    ("Shanghaibörsen steg med två procent på fredagen.", "sv", "ORG_PART"),  # moved here from the held-out rows
    ("Shanghaibørsen faldt kraftigt mandag.", "da", "ORG_PART"),
    ("De Pekingbaserade diplomaterna reste hem.", "sv", "LITERAL"),  # baserade is no organisation's head
])
def test_a_compound_ending_in_an_organisation_head_is_org_part(text: str, lang: str, label: str) -> None:
    (mention,) = tag_texts([text], [lang])[0][:1]
    assert mention["label"] == label


@pytest.mark.parametrize(("text", "lang"), [
    ("Hamiltonbaserade företaget köptes upp.", "sv"),  # Hami is no compound head (no genitive Hamis)
    ("Wuhanese cooking is spicy.", "en"),  # English writes no such compounds
    ("The sailor was shanghaied in the port.", "en"),  # English writes no such compounds
])
def test_a_word_that_only_begins_with_a_city_name_is_no_mention(text: str, lang: str) -> None:
    assert _cities(text, lang) == []


# ------------------------------------------------------------------------------------- Korean

@pytest.mark.parametrize(("text", "expected"), [
    ("관광객들이 구이린과 리장으로 돌아왔다.", {"450300", "530700"}),  # gui: the final uei
    ("다음 달 쿤밍이 붐빌 것으로 보인다.", {"530100"}),  # kun: the final uen
    ("류저우의 공장들이 문을 닫았다.", {"450200"}),  # liu: the final iou
    ("정상들은 상하이협력기구 정상회의에 참석했다.", {"310000"}),
    ("홍콩경찰은 시위대를 해산했다.", {"810000"}),
    ("베이징시정부는 새 규정을 발표했다.", {"110000"}),
])
def test_korean_names_with_full_finals_and_in_compounds(text: str, expected: set[str]) -> None:
    assert _adcodes(text, "ko") == expected


@pytest.mark.parametrize("text", [
    "시장에서 상추를 샀다.",  # 상추 "lettuce" (Shangqiu's transcription)
    "그는 자신의 주장을 굽히지 않았다.",  # 주장 "claim" (Jiujiang's)
    "베이징덕은 유명한 요리다.",  # Peking duck: 덕 is no compound head
])
def test_korean_words_that_are_no_mention(text: str) -> None:
    assert _cities(text, "ko") == []


# --------------------------------------------------------------------------- a city named like its province

@pytest.mark.parametrize(("text", "lang"), [
    ("The city of Jilin, in the province of the same name, sent a trade delegation.", "en"),
    ("Jilin City sent a trade delegation.", "en"),
    ("La ville de Jilin a envoyé une délégation commerciale.", "fr"),
    ("Die Stadt Jilin schickte eine Handelsdelegation.", "de"),
    ("Staden Jilin skickade en handelsdelegation.", "sv"),
    ("La ciudad de Jilin envió una delegación comercial.", "es"),
    ("Місто Цзілінь в однойменній провінції надіслало делегацію.", "uk"),
    ("吉林市派出了贸易代表团。", "zh"),
    ("Thành phố Cát Lâm đã cử một phái đoàn thương mại.", "vi"),
])
def test_the_city_wins_where_the_text_marks_the_city(text: str, lang: str) -> None:
    assert JILIN_CITY in _adcodes(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Jilin reported heavy snow across the province.", "en"),
    ("Floods hit Jilin province on Monday.", "en"),
    ("The games went to Changchun, capital city of Jilin Province, in 2007.", "en"),  # province after wins
    ("Jilin a annoncé de nouvelles mesures.", "fr"),
    ("Цзілінь оголосив нові заходи.", "uk"),
    ("Mưa lớn gây ngập ở tỉnh Cát Lâm.", "vi"),
])
def test_a_bare_shared_name_is_the_province(text: str, lang: str) -> None:
    assert JILIN_CITY not in _adcodes(text, lang)


# ------------------------------------------------------------------------------------------- bad input

def test_a_bad_reading_row_names_its_table() -> None:
    with pytest.raises(SystemExit, match="hanviet_readings.tsv: want char"):
        hanviet_table([["台州", "tai1", "Thai", "two characters in the char column"]])


def test_a_bad_city_marks_entry_names_its_field() -> None:
    from nlp.cues import CueTable

    table = CueTable("en:\n  loc_preps: [in]\ncity_marks:\n  en: [city]\n")
    with pytest.raises(ValueError, match="city_marks.en"):
        table.city_marks("en")


def test_a_long_hangul_run_after_a_name_is_no_compound_and_does_not_recurse() -> None:
    assert _cities("상하이" + "시" * 5000 + "에서", "ko") == []
    assert _adcodes("상하이시정부는 새 규정을 발표했다.", "ko") == {"310000"}  # 시정부 + 는
