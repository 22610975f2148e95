"""Arabic city names: the written transcription rule of the gazetteer build (arabic_pinyin.tsv) gives every
prefecture-level unit an Arabic form, with the attached prefixes and the article, under the city's GeoNames id."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from nlp import tag_texts
from nlp.gazetteer import Gazetteer, load

ROOT = Path(__file__).resolve().parents[2]
PREFECTURE_LEVEL = ("municipality", "prefecture", "sar", "autonomous_prefecture", "league", "region")


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load()


def _arabic(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in text)


def _rule() -> tuple[object, object]:
    sys.path.insert(0, str(ROOT / "scripts"))
    import gazetteer_scripts

    rows = [line.split("\t") for line in (ROOT / "nlp" / "data" / "arabic_pinyin.tsv").read_text(
        encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return gazetteer_scripts, gazetteer_scripts.load_table(rows)


@pytest.mark.parametrize(("zh", "arabic"), [
    ("深圳", "شنتشن"), ("郑州", "تشنغتشو"), ("南京", "نانجينغ"), ("天津", "تيانجين"), ("武汉", "ووهان"),
    ("西安", "شيآن"), ("成都", "تشنغدو"), ("重庆", "تشونغتشينغ"), ("青岛", "تشينغداو"), ("大连", "داليان"),
    ("昆明", "كونمينغ"), ("杭州", "هانغتشو"), ("长沙", "تشانغشا"), ("厦门", "شيامن"), ("拉萨", "لاسا"),
    ("德州", "ديتشو"), ("承德", "تشنغده"),
])
def test_rule_gives_the_press_spelling(zh: str, arabic: str) -> None:
    module, table = _rule()
    assert module.arabic(zh, table) == arabic  # type: ignore[attr-defined]


def test_every_prefecture_level_unit_has_arabic_forms_with_prefixes_and_article(gaz: Gazetteer) -> None:
    by_city: dict[str, set[str]] = {}
    for form in gaz.forms:
        if _arabic(form.text):
            for code in form.adcodes:
                by_city.setdefault(code, set()).add(form.text)
    units = [c for c in gaz.cities.values() if c.kind in PREFECTURE_LEVEL]
    assert len(units) == 339
    provinces = {p.name for p in (gaz.provinces.values() if isinstance(gaz.provinces, dict) else gaz.provinces)}
    for city in units:
        short = city.name.split()[0]
        if short != city.name and short in provinces:
            continue  # Hainan Tibetan Autonomous Prefecture: its short name is the province's in every script
        forms = by_city.get(city.adcode, set())
        bases = [f for f in forms if all(p + f in forms for p in ("و", "ب", "ل"))]
        assert bases, (city.name, sorted(forms)[:5])
    ruled = [c for c in units if any(k.startswith("ar_rule") for f in gaz.forms if c.adcode in f.adcodes
                                     for k in f.kinds)]
    assert len(ruled) >= 330
    for city in ruled[:50]:
        forms = by_city[city.adcode]
        assert any("ال" + f in forms and "لل" + f in forms and "وال" + f in forms for f in forms), city.name


def test_excluded_transcriptions_lose_every_prefixed_form(gaz: Gazetteer) -> None:
    for word in ("آلي", "الآلي", "والآلي", "يبين", "هيبي", "ما يلي"):
        assert gaz.lookup(word) is None, word


@pytest.mark.parametrize(("text", "surface", "geonameid"), [
    ("أعلنت سلطات مدينة تشنغتشو إغلاق المصانع.", "تشنغتشو", 1784658),
    ("وصل الوفد إلى لانتشو مساء الاثنين.", "لانتشو", 1804430),
    ("افتتح المعرض بكونمينغ أمس.", "بكونمينغ", 1804651),
    ("زار الرئيس تشانغشا ولانتشو.", "ولانتشو", 1804430),
])
def test_rule_forms_are_found_and_linked_in_text(text: str, surface: str, geonameid: int) -> None:
    (mentions,) = tag_texts([text], ["ar"])
    found = [m for m in mentions if m["surface"] == surface]
    assert found and found[0]["city"]["geonameid"] == geonameid, mentions
