"""Ukrainian and Hindi city names: the written transcription rules of the gazetteer build (ukrainian_pinyin.tsv,
hindi_pinyin.tsv) give every prefecture-level unit a Ukrainian form with its case forms and a Hindi form, under
the city's GeoNames id; Hindi spelling variants are folded (nlp.folding), not listed; rule forms that are
ordinary words are dropped.

Run as a module for the dev and held-out figures of tests/nlp/data/ukrainian_hindi_names.tsv:
    .venv/bin/python -m tests.nlp.test_ukrainian_hindi_names
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from nlp import tag_texts
from nlp.folding import devanagari_key, fold_devanagari, lookup_key, unfolded_offset
from nlp.gazetteer import Gazetteer, load

ROOT = Path(__file__).resolve().parents[2]
SENTENCES = Path(__file__).with_name("data") / "ukrainian_hindi_names.tsv"
PREFECTURE_LEVEL = ("municipality", "prefecture", "sar", "autonomous_prefecture", "league", "region")


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load()


def _scripts() -> ModuleType:
    sys.path.insert(0, str(ROOT / "scripts"))
    import gazetteer_scripts

    return gazetteer_scripts


def _table(name: str) -> Any:
    rows = [line.split("\t") for line in (ROOT / "nlp" / "data" / name).read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    return _scripts().load_table(rows)


@pytest.mark.parametrize(("zh", "ukrainian"), [
    ("上海", "Шанхай"), ("武汉", "Ухань"), ("广州", "Гуанчжоу"), ("深圳", "Шеньчжень"), ("重庆", "Чунцін"),
    ("成都", "Ченду"), ("杭州", "Ханчжоу"), ("天津", "Тяньцзінь"), ("西安", "Сіань"), ("济南", "Цзінань"),
    ("桂林", "Гуйлінь"), ("石家庄", "Шицзячжуан"), ("揭阳", "Цзєян"), ("惠州", "Хуейчжоу"), ("遵义", "Цзуньї"),
    ("衡阳", "Хен'ян"), ("临沂", "Ліньї"), ("宜昌", "Ічан"), ("合肥", "Хефей"), ("郑州", "Чженчжоу"),
])
def test_ukrainian_transcription(zh: str, ukrainian: str) -> None:
    assert _scripts().ukrainian(zh, _table("ukrainian_pinyin.tsv")) == ukrainian


@pytest.mark.parametrize(("zh", "hindi"), [
    ("武汉", "वुहान"), ("南京", "नानजिंग"), ("天津", "तियानजिन"), ("杭州", "हांगझोउ"), ("深圳", "शेनझेन"),
    ("东莞", "डोंगगुआन"), ("长沙", "चांगशा"), ("合肥", "हेफ़ेई"), ("济南", "जिनान"), ("桂林", "गुईलिन"),
    ("大连", "डालियान"), ("青岛", "चिंगडाओ"), ("昆明", "कुनमिंग"), ("洛阳", "लुओयांग"), ("太原", "ताईयुआन"),
])
def test_hindi_transcription(zh: str, hindi: str) -> None:
    assert _scripts().hindi(zh, _table("hindi_pinyin.tsv")) == hindi


@pytest.mark.parametrize(("form", "english"), [
    # the rule's name and its cases (в Ухані, з Цзінаня), and established names with theirs (з Пекіна, до Шанхая)
    ("Ухань", "Wuhan"), ("Ухані", "Wuhan"), ("Уханя", "Wuhan"), ("Цзінаня", "Jinan"), ("Чанші", "Changsha"),
    ("Чаншею", "Changsha"), ("Саньї", "Sanya"), ("Гуйліня", "Guilin"), ("Хефеї", "Hefei"), ("Пекіна", "Beijing"),
    ("Шанхая", "Shanghai"), ("Гонконзі", "Hong Kong"), ("Хен’ян", "Hengyang"), ("Хенʼяна", "Hengyang"),
    # adjectives that name organisations (Шанхайська організація співробітництва, Нанкінський університет)
    ("Шанхайська", "Shanghai"), ("Шанхайської", "Shanghai"), ("Нанкінського", "Nanjing"), ("Харбінський", "Harbin"),
    ("Гонконзька", "Hong Kong"), ("Уханський", "Wuhan"),
    # Hindi: the rule's form, an established name, and spellings the folding rule matches
    ("वुहान", "Wuhan"), ("डोंगगुआन", "Dongguan"), ("बीजिंग", "Beijing"), ("चोंगक़िंग", "Chongqing"),
    ("मकाऊ", "Macau"), ("ग्वांगझोउ", "Guangzhou"), ("गुआंगझोउ", "Guangzhou"), ("सान्या", "Sanya"),
    ("हेफेई", "Hefei"), ("गुइलिन", "Guilin"), ("चांग्शा", "Changsha"), ("नान्जिंग", "Nanjing"),
])
def test_forms_name_the_city_with_its_geonames_id(gaz: Gazetteer, form: str, english: str) -> None:
    found, city = gaz.lookup(form), gaz.lookup(english)
    assert found is not None and city is not None, form
    assert found.adcodes == city.adcodes[:1] or set(found.adcodes) == set(city.adcodes), (form, found.adcodes)
    assert {gaz.cities[c].geonameid for c in found.adcodes} == {gaz.cities[c].geonameid for c in city.adcodes}


def test_every_prefecture_level_unit_has_a_ukrainian_and_a_hindi_form(gaz: Gazetteer) -> None:
    named: dict[str, set[str]] = {"uk": set(), "hi": set()}
    for form in gaz.forms:
        lang = "hi" if any("\u0900" <= c <= "\u097f" for c in form.text) else "uk" if "uk_rule" in form.kinds else ""
        if lang:
            named[lang].update(form.adcodes)
    units = {code for code, city in gaz.cities.items() if city.kind in PREFECTURE_LEVEL}
    # the units without one: the rule's form is an ordinary word (dropped below), a province's name (海南), or
    # folds like another city's established name (十堰 Shiyan: शीयान is शीआन, Xi'an)
    assert sorted(gaz.cities[c].name for c in units - named["uk"]) == [
        "Dali", "Golog", "Hainan Tibetan Autonomous Prefecture", "Kashgar Prefecture", "Ngari", "Wuhu", "Wuxi"]
    assert sorted(gaz.cities[c].name for c in units - named["hi"]) == [
        "Dali", "Hainan Tibetan Autonomous Prefecture", "Hami", "Kashgar Prefecture", "Nagqu", "Ngari", "Shiyan"]


@pytest.mark.parametrize(("zh", "lang", "word"), [
    # the rule gives these, and they are words of the language (generated_exclusions.tsv, or spaCy's stop words)
    ("大理", "uk", "Далі"), ("无锡", "uk", "Усі"), ("喀什", "uk", "Каши"),
    ("阿坝", "uk", "Аби"), ("阿坝", "uk", "Абу"), ("阿里", "uk", "Алі"), ("果洛", "uk", "Голо"),
    ("喀什", "hi", "काशी"), ("大理", "hi", "डाली"), ("哈密", "hi", "हामी"), ("阿里", "hi", "आली"), ("拉萨", "hi", "लासा"),
    ("那曲", "hi", "नाचू"),
])
def test_rule_forms_that_are_ordinary_words_are_dropped(gaz: Gazetteer, zh: str, lang: str, word: str) -> None:
    scripts = _scripts()
    rules = scripts.read_rules(_read_tsv)
    made = {text for text, _kind, form_lang in scripts.transcribed_forms(zh, (), rules) if form_lang == lang}
    made |= {case for name in made for case in scripts.declined(name, rules.case_table["uk"])} if lang == "uk" else set()
    assert lookup_key(word) in {lookup_key(m) for m in made}, made  # the rule makes it: dropping it keeps it out
    assert gaz.lookup(word) is None


def test_no_ukrainian_or_hindi_form_is_a_stop_word(gaz: Gazetteer) -> None:
    from spacy.lang.hi.stop_words import STOP_WORDS as HINDI
    from spacy.lang.ru.stop_words import STOP_WORDS as RUSSIAN
    from spacy.lang.uk.stop_words import STOP_WORDS as UKRAINIAN

    stop = {lookup_key(w) for w in HINDI | RUSSIAN | UKRAINIAN}
    assert not [f.text for f in gaz.forms if lookup_key(f.text) in stop]


def test_an_established_name_wins_over_another_citys_rule_form(gaz: Gazetteer) -> None:
    # 十堰 Shiyan is शीयान by rule, folded like शीआन, the established name of Xi'an
    assert gaz.lookup("शीआन").adcodes == ("610100",)
    assert gaz.lookup("शियान").adcodes == ("610100",)


def test_devanagari_folding_keeps_offsets() -> None:
    text = "कल चोंगक़िंग, शियान"
    folded, dropped = fold_devanagari(text)
    assert folded == "कल चोनगकिनग, शयान"
    assert dropped == [8, 16]  # the nukta; य of ि + य, which the glide folds into one
    start, end = folded.index("चोनगकिनग"), folded.index(",")
    assert text[unfolded_offset(start, dropped):unfolded_offset(end, dropped)] == "चोंगक़िंग"
    assert text[unfolded_offset(folded.index("शयान"), dropped):unfolded_offset(len(folded), dropped)] == "शियान"
    assert fold_devanagari("Beijing") == ("Beijing", [])
    assert devanagari_key("गुआंगझोउ") == devanagari_key("ग्वांगझोउ") == "गवानगझोउ"


@pytest.mark.parametrize("text", [
    "कल चोंगक़िंग में बारिश हुई।",
    "कल चोंग\u0958िंग में बारिश हुई।",  # क़ as one precomposed character
    "सान्या, हेफेई और गुइलिन के होटल भरे रहे।",
    "Делегація з Хен’яна та Цзінаня прибула в Ухань.",
])
def test_mentions_keep_the_text_as_written(text: str) -> None:
    mentions = tag_texts([text])[0]
    assert mentions
    assert all(text[m["start"]:m["end"]] == m["surface"] for m in mentions), mentions


def test_a_hindi_name_inside_a_longer_word_is_not_a_mention() -> None:
    assert tag_texts(["वुहानी व्यंजन मशहूर हैं।"], ["hi"]) == [[]]
    assert [m["surface"] for m in tag_texts(["वुहान।"], ["hi"])[0]] == ["वुहान"]


@dataclass(frozen=True)
class Sentence:
    split: str
    lang: str
    label: str
    surface: str
    text: str


def _read_tsv(name: str) -> list[list[str]]:
    path = ROOT / "nlp" / "data" / name
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]


def sentences(split: str) -> list[Sentence]:
    out = []
    for number, line in enumerate(SENTENCES.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            fields = line.split("\t")
            if len(fields) != 5 or fields[0] not in ("dev", "heldout"):
                raise ValueError(f"{SENTENCES.name} line {number}: want split (dev|heldout), lang, label, surface, text")
            out.append(Sentence(*fields))
    return [s for s in out if s.split == split]


def outcome(row: Sentence, mentions: list[dict]) -> str | None:
    found = [m["label"] for m in mentions if m["surface"] == row.surface]
    return found[0] if found else None


@pytest.mark.parametrize("row", sentences("dev"), ids=lambda r: f"{r.lang}-{r.surface}")
def test_dev_sentence(row: Sentence) -> None:
    mentions = tag_texts([row.text], [row.lang])[0]
    assert outcome(row, mentions) == (None if row.label == "NONE" else row.label), mentions


def main() -> int:
    """Per language and split: the share of rows whose surface got the expected label."""
    print("lang  dev        held-out")
    for lang in ("uk", "hi"):
        cells = []
        for split in ("dev", "heldout"):
            rows = [r for r in sentences(split) if r.lang == lang]
            tagged = tag_texts([r.text for r in rows], [r.lang for r in rows])
            right = sum(outcome(r, m) == (None if r.label == "NONE" else r.label) for r, m in zip(rows, tagged, strict=True))
            cells.append(f"{right}/{len(rows)}")
        print(f"{lang:4}  {cells[0]:9}  {cells[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
