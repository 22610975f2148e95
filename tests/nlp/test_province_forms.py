"""Province names in every script of the city names (issue #11/#12): context for homonyms, never mentions.

The sentences are the project's own; the province forms come from the gazetteer's rules
(scripts/gazetteer_scripts.py) and nlp/data/province_names.tsv.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp import tag_texts
from nlp.lexicon import read_lexicon
from tests.nlp.test_gazetteer import _build_module

TAIZHOU_ZHEJIANG = "331000"
TAIZHOU_JIANGSU = "321200"


def _cities(text: str, lang: str) -> list[tuple[str, str | None]]:
    (mentions,) = tag_texts([text], [lang])
    return [(m["surface"], (m.get("city") or {}).get("adcode")) for m in mentions]


@pytest.mark.parametrize(("text", "lang", "surface", "adcode"), [
    ("Тайчжоу в провинции Чжэцзян", "ru", "Тайчжоу", TAIZHOU_ZHEJIANG),
    ("Гости приехали из Тайчжоу в провинции Цзянсу.", "ru", "Тайчжоу", TAIZHOU_JIANGSU),
    ("Делегация из Чжэцзяна посетила Тайчжоу.", "ru", "Тайчжоу", TAIZHOU_ZHEJIANG),  # a case form
    ("Відвідувачі приїхали з Тайчжоу в провінції Чжецзян.", "uk", "Тайчжоу", TAIZHOU_ZHEJIANG),
    ("방문객들은 저장성 타이저우에서 왔다.", "ko", "타이저우", TAIZHOU_ZHEJIANG),
    ("방문객들은 장쑤성 타이저우에서 왔다.", "ko", "타이저우", TAIZHOU_JIANGSU),
    ("وصل الزوار من تايتشو في مقاطعة تشجيانغ.", "ar", "تايتشو", TAIZHOU_ZHEJIANG),
    ("وصل الزوار من تايتشو في مقاطعة جيانغسو.", "ar", "تايتشو", TAIZHOU_JIANGSU),
])
def test_a_province_named_in_any_script_settles_the_homonym(text: str, lang: str, surface: str, adcode: str) -> None:
    assert _cities(text, lang) == [(surface, adcode)]


@pytest.mark.parametrize(("text", "lang"), [
    ("Чжэцзян", "ru"), ("Власти Гуандуна и Сычуани объявили о новых мерах.", "ru"),
    ("Чжецзян і Гуандун оголосили нові заходи.", "uk"),
    ("저장성과 광둥성이 새 조치를 발표했다.", "ko"), ("데이터 저장 공간이 부족하다.", "ko"),
    ("أعلنت تشجيانغ وقوانغدونغ عن إجراءات جديدة.", "ar"), ("في مقاطعة التبت", "ar"),
    ("झेजियांग प्रांत", "hi"), ("チベットと内モンゴル", "ja"),
])
def test_a_province_form_alone_is_no_mention(text: str, lang: str) -> None:
    assert _cities(text, lang) == []


@pytest.mark.parametrize(("text", "adcode"), [
    ("Чжэцзян", "330000"), ("Гуандуне", "440000"), ("Сычуань", "510000"), ("Шэньси", "610000"),
    ("Шаньси", "140000"), ("Тибета", "540000"), ("Чжецзяні", "330000"), ("저장성", "330000"),
    ("쓰촨", "510000"), ("티베트", "540000"), ("تشجيانغ", "330000"), ("بقوانغدونغ", "440000"),
    ("والتبت", "540000"), ("سيتشوان", "510000"), ("झेजियांग", "330000"), ("広東省", "440000"),
])
def test_province_forms_in_every_script_are_kind_province(text: str, adcode: str) -> None:
    lexicon = read_lexicon()
    (hit,) = lexicon.find(text)
    assert (hit.kind, lexicon.province_of(hit.form)) == ("province", adcode)


@pytest.mark.parametrize(("text", "lang", "surface"), [
    ("Город Цзилинь направил торговую делегацию.", "ru", "Цзилинь"),
    ("지린 대표단이 회의에 참석했다.", "ko", "지린"),
    ("أرسلت مدينة جيلين وفدا تجاريا.", "ar", "جيلين"),
])
def test_a_city_named_like_its_province_keeps_its_script_forms(text: str, lang: str, surface: str) -> None:
    # the finder reads a shared name as the province unless "city"/市 follows, which only English and
    # Chinese write: in other scripts the name stays the city's (Jilin province is named with 지린성)
    assert _cities(text, lang) == [(surface, "220200")]


def test_an_area_named_like_a_province_cedes_its_script_forms() -> None:
    lexicon = read_lexicon()
    for text in ("하이난", "Хайнань", "هاينان"):  # Hainan province, not Hainan Tibetan AP (海南藏族自治州)
        assert lexicon.form(text) is None and lexicon.province_of(text) == "460000", text


def test_a_rule_form_two_provinces_share_names_neither() -> None:
    # 山西 and 陕西 are both 산시 in Korean: no province context rather than a wrong one
    assert read_lexicon().province_of("산시") is None


def test_province_rules() -> None:
    build = _build_module()
    from gazetteer_scripts import province_script_forms, read_rules

    forms = province_script_forms("浙江", "浙江省", {"浙江", "浙江省"}, read_rules(build.read_tsv), set())
    assert {"저장성", "Чжэцзян", "Чжэцзяне", "تشيجيانغ", "والتشيجيانغ"} <= forms
    assert "저장" not in forms  # "storage": generated_exclusions.tsv
    assert "광시성" not in province_script_forms("广西", "广西壮族自治区", set(), read_rules(build.read_tsv), set())


def test_a_province_names_row_for_another_province_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build = _build_module()
    cpca = {"330000": {"name": "浙江省"}}
    monkeypatch.setattr(build, "DATA", tmp_path)
    (tmp_path / "province_names.tsv").write_text("Чжэцзян\t330000\t江苏省\tru\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="province_names.tsv: 330000 is not 江苏省"):
        build.province_names(cpca)
    (tmp_path / "province_names.tsv").write_text("Чжэцзян\t330000\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="province_names.tsv: want form, adcode, name_zh, lang"):
        build.province_names(cpca)
