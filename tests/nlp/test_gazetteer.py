"""The gazetteer: the committed data file, its loader, and its build."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from nlp.cues import cues_for
from nlp.gazetteer import ALL_KINDS, RANKED_KINDS, City, Gazetteer, GazetteerError, load
from nlp.pipeline import tag_texts
from tests.conftest import shared_data

ROOT = Path(__file__).resolve().parents[2]
HOMONYMS = {  # the same romanisation for two prefecture-level cities
    "Suzhou": ("320500", "341300"),
    "Taizhou": ("321200", "331000"),
    "Fuzhou": ("350100", "361000"),
    "Yichun": ("230700", "360900"),
    "Yulin": ("450900", "610800"),
}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load()


def test_counts(gaz: Gazetteer) -> None:
    kinds = [c.kind for c in gaz.cities.values()]
    assert kinds.count("municipality") == 4
    assert kinds.count("prefecture") == 293  # prefecture-level cities in the 2020 codes
    assert kinds.count("sar") == 2
    # the other prefecture-level units of 2020: 30 autonomous prefectures, 3 leagues, 7 regions
    assert (kinds.count("autonomous_prefecture"), kinds.count("league"), kinds.count("region")) == (30, 3, 7)
    assert kinds.count("county") >= 350  # every county-level city of the code table (county_cities.tsv names the well-known ones)
    assert set(kinds) <= set(ALL_KINDS)
    assert len(gaz.provinces) == 33  # 22 provinces, 5 autonomous regions, 4 municipalities, 2 SARs


def test_ranked_is_municipalities_and_prefecture_cities(gaz: Gazetteer) -> None:
    ranked = gaz.ranked()
    assert len(ranked) == 297
    assert {c.kind for c in ranked} == set(RANKED_KINDS)
    assert [c.adcode for c in ranked] == sorted(c.adcode for c in ranked)
    assert {"810000", "820000"} <= {c.adcode for c in gaz.ranked(RANKED_KINDS + ("sar",))}
    # Laiwu merged into Jinan in 2019; Nagqu became a city in 2017 (corrections to the cpca table)
    assert "371200" not in gaz.cities and gaz.cities["540600"].kind == "prefecture"


@pytest.mark.parametrize(("adcode", "geonameid", "name", "province", "name_zh", "kind"), [
    ("110000", 1816670, "Beijing", "Beijing", "北京市", "municipality"),
    ("500000", 1814906, "Chongqing", "Chongqing", "重庆市", "municipality"),
    ("320500", 1886760, "Suzhou", "Jiangsu", "苏州市", "prefecture"),
    ("341300", 1793743, "Suzhou", "Anhui", "宿州市", "prefecture"),
    ("440100", 1809858, "Guangzhou", "Guangdong", "广州市", "prefecture"),
    ("320100", 1799962, "Nanjing", "Jiangsu", "南京市", "prefecture"),
    ("810000", 1819729, "Hong Kong", "Hong Kong", "香港特别行政区", "sar"),
    ("820000", 1821274, "Macau", "Macau", "澳门特别行政区", "sar"),
])
def test_known_cities(gaz: Gazetteer, adcode: str, geonameid: int, name: str, province: str, name_zh: str,
                      kind: str) -> None:
    city = gaz.cities[adcode]
    assert (city.geonameid, city.name, city.province, city.name_zh, city.kind) == (
        geonameid, name, province, name_zh, kind)
    assert city.as_ref() == {"adcode": adcode, "geonameid": geonameid, "name": name, "province": province}


def test_seat_districts_are_not_city_names(gaz: Gazetteer) -> None:
    # GeoNames files these seats under the district or town name (Heshan, Nianbo, Bayi, Longshan)
    names = {code: gaz.cities[code].name for code in ("430900", "630200", "540400", "220400")}
    assert names == {"430900": "Yiyang", "630200": "Haidong", "540400": "Linzhi", "220400": "Liaoyuan"}
    # readings pypinyin would not choose, and exonyms that are not pinyin, are kept
    names = {code: gaz.cities[code].name for code in ("140400", "411100", "150100", "540300", "650100")}
    assert names == {"140400": "Changzhi", "411100": "Luohe", "150100": "Hohhot", "540300": "Qamdo",
                     "650100": "Ürümqi"}
    assert gaz.lookup("Tahe") is None  # pypinyin's only reading of 漯河, unconfirmed


def test_every_ranked_city_is_complete(gaz: Gazetteer) -> None:
    for city in gaz.ranked():
        assert re.fullmatch(r"[1-6]\d{5}", city.adcode) and city.adcode.endswith("00"), city
        assert city.geonameid and city.population and city.population > 0, city
        assert city.name and city.name_zh.endswith("市") and city.name_zh_hant.endswith("市"), city
        assert city.province_adcode == city.adcode[:2] + "0000"
        assert city.province_zh == gaz.provinces[city.province_adcode].name_zh
        assert 15 <= city.lat <= 54 and 73 <= city.lon <= 135, city
    assert gaz.cities["320500"].name_zh_hant == "蘇州市"


def test_counties_link_to_their_prefecture(gaz: Gazetteer) -> None:
    counties = [c for c in gaz.cities.values() if c.kind == "county"]
    for city in counties:
        if city.adcode[2:4] == "90":  # administered by the province directly
            assert city.parent is None
        else:
            assert gaz.cities[city.parent].kind in ("prefecture", "autonomous_prefecture", "league", "region")
    assert gaz.cities["330782"].parent == "330700"  # Yiwu -> Jinhua
    assert gaz.cities["320583"].parent == "320500"  # Kunshan -> Suzhou (Jiangsu)
    assert gaz.lookup("Yiwu").adcodes == ("330782",)
    assert gaz.lookup("Kunshan").adcodes == ("320583",)
    assert gaz.lookup("义乌").adcodes == ("330782",)


@pytest.mark.parametrize(("text", "adcode", "kind"), [
    ("Peking", "110000", "postal"),
    ("Canton", "440100", "historic"),
    ("Amoy", "350200", "historic"),
    ("Tientsin", "120000", "postal"),
    ("Nanking", "320100", "postal"),
    ("Chungking", "500000", "postal"),
    ("Tsingtao", "370200", "postal"),
    ("Mukden", "210100", "historic"),
    ("Xi'an", "610100", "pinyin"),
    ("Xi\u2019an", "610100", "pinyin"),
    ("Xian", "610100", "pinyin_variant"),
    ("Xi-an", "610100", "pinyin_variant"),
    ("Xī'ān", "610100", "pinyin_tone"),
    ("Běijīng", "110000", "pinyin_tone"),
    ("Sian", "610100", "postal"),
    ("西安", "610100", "zh_hans"),
    ("西安市", "610100", "zh_hans_full"),
    ("廣州", "440100", "zh_hant"),
    ("蘇州市", "320500", "zh_hant_full"),
    ("Пекин", "110000", "alt:ru"),
    ("Pékin", "110000", "alt:fr"),
    ("Pekín", "110000", "alt:es"),
    ("Pequim", "110000", "alt:pt"),
    ("Pechino", "110000", "alt:it"),
    ("Cantão", "440100", "alt:pt"),
    ("Nankin", "320100", "alt:fr"),
    ("Urumqi", "650100", "name"),
    ("Hong Kong", "810000", "name"),
    ("Macao", "820000", "alt:en"),
    ("Yanbian", "222400", "name"),
])
def test_forms(gaz: Gazetteer, text: str, adcode: str, kind: str) -> None:
    form = gaz.lookup(text)
    assert form is not None, text
    assert adcode in form.adcodes
    assert kind in form.kinds


def test_lookup_is_case_insensitive_and_accent_sensitive(gaz: Gazetteer) -> None:
    assert gaz.lookup("BEIJING") == gaz.lookup("beijing") == gaz.lookup("Beijing")
    assert gaz.lookup("  Beijing ") == gaz.lookup("Beijing")
    assert gaz.lookup("Pekin").foreign and not gaz.lookup("Pékin").foreign  # Pekin, Illinois vs the French Pékin
    assert gaz.lookup("Pékin") is not None
    assert gaz.lookup("Nowhere-on-Sea") is None
    assert gaz.lookup("Shangri-La") is None  # the hotel chain and the Singapore dialogue, not the Yunnan town


@pytest.mark.parametrize("text", sorted(HOMONYMS))
def test_homonyms_map_to_both_cities(gaz: Gazetteer, text: str) -> None:
    form = gaz.lookup(text)
    assert form is not None and form.adcodes == HOMONYMS[text]
    provinces = {gaz.cities[code].province for code in form.adcodes}
    assert len(provinces) == 2
    # the characters differ, so Chinese text is not ambiguous
    assert all(len(gaz.lookup(gaz.cities[code].name_zh).adcodes) == 1 for code in form.adcodes)


def test_foreign_namesakes(gaz: Gazetteer) -> None:
    canton = gaz.lookup("Canton")
    ohio = [p for p in canton.foreign if p.country == "US" and p.admin1 == "OH"]
    assert ohio and ohio[0].geonameid == 5149222 and ohio[0].population > 50_000
    assert gaz.admin1_names("US", "OH") == ("Ohio",)
    assert gaz.admin1_names("BR", "22")[0] == "Rio Grande do Norte"
    assert gaz.countries["US"] == "United States"
    assert [p.population or 0 for p in canton.foreign] == sorted((p.population or 0 for p in canton.foreign),
                                                                 reverse=True)
    assert any(p.country == "TW" for p in gaz.lookup("Yongkang").foreign)
    assert gaz.lookup("Nanjing").foreign == ()


def test_domestic_namesakes(gaz: Gazetteer) -> None:
    # Chaoyang is a city in Liaoning and Beijing's (and Changchun's) Chaoyang district
    parents = {d.parent for d in gaz.domestic_namesakes("Chaoyang")}
    assert {"110000", "220100"} <= parents and "211300" not in parents
    assert any(d.adcode == "110105" for d in gaz.domestic_namesakes("朝阳"))
    assert any(d.parent == "330100" for d in gaz.domestic_namesakes("Fuyang"))  # Hangzhou's 富阳 district
    assert any(d.parent == "310000" for d in gaz.domestic_namesakes("Baoshan"))  # Shanghai's 宝山 district
    # a county inside the form's own city is the same place, not a namesake (吉安县 of 吉安市)
    assert all(d.parent != "360800" for d in gaz.domestic_namesakes("Ji'an"))
    assert gaz.domestic_namesakes("Beijing") == ()


@pytest.mark.parametrize("code", ["PEK", "CAN", "BJS", "PVG", "SHA", "CTU", "SZX", "XIY"])
def test_no_airport_codes(gaz: Gazetteer, code: str) -> None:
    assert gaz.lookup(code) is None


def test_noise_rules_hold_for_every_form(gaz: Gazetteer) -> None:
    import spacy.lang.en.stop_words as en
    import spacy.lang.fr.stop_words as fr

    stop = {w.casefold() for w in en.STOP_WORDS | fr.STOP_WORDS}
    for form in gaz.forms:
        if form.kinds == ("abbreviation",):  # 京, 沪: one character, kept only in context (nlp/abbreviations.py)
            assert len(form.text) == 1 and len(form.adcodes) == 1, form
            continue
        # a Han, Kana or Hangul character is a syllable, and so is a Devanagari letter with its vowel: two make a name
        han = all(any(script in unicodedata.name(ch, "") for script in ("CJK", "HANGUL", "KATAKANA", "HIRAGANA", "DEVANAGARI"))
                  for ch in form.text if ch.isalpha())
        n_letters = sum(ch.isalpha() for ch in form.text)
        assert n_letters >= (2 if han else 3), form
        if not han:
            assert not form.text.isupper() and not form.text.islower(), form
            assert form.text.casefold() not in stop, form
        assert form.adcodes == tuple(sorted(form.adcodes)) and form.adcodes, form
        assert all(code in gaz.cities for code in form.adcodes), form
    # short pinyin syllables and a Japanese reading of 广州 that is a town in Japan
    for text in ("An", "Ji", "He", "Bei", "Sha", "Koshu", "bei jing"):
        assert gaz.lookup(text) is None, text


def test_unvouched_alternates_do_not_create_homonyms(gaz: Gazetteer) -> None:
    # GeoNames lists seat-district names among a city's alternates (东海, 平阳); none may survive as forms
    for text in ("东海", "平阳", "太和", "Encheng Jiedao"):  # (Beizhen is a county-level city of its own, 北镇)
        assert gaz.lookup(text) is None, text
    weak = {"alt:latn", "alt:cyrl", "alt:hani"}
    strong_homonyms = {f.adcodes for f in gaz.forms if len(f.adcodes) > 1 and not set(f.kinds) <= weak}
    for form in gaz.forms:
        if set(form.kinds) <= weak and len(form.adcodes) > 1:
            assert form.adcodes in strong_homonyms, form
    assert gaz.lookup("Фучжоу").adcodes == HOMONYMS["Fuzhou"]  # Russian for both Fuzhous
    assert gaz.lookup("Cancun") is None  # a GeoNames alternate of Changchun, and Cancún in Mexico


@pytest.mark.parametrize(("text", "adcode"), [
    ("Anhui", "340000"), ("Anhwei", "340000"), ("安徽", "340000"), ("安徽省", "340000"),
    ("Jiangsu province", "320000"), ("Jiangsu Province", "320000"), ("province of Sichuan", "510000"),
    ("Szechwan", "510000"), ("Guangxi Zhuang Autonomous Region", "450000"), ("新疆", "650000"),
    ("廣東", "440000"), ("Kwangtung", "440000"), ("Inner Mongolia", "150000"), ("Tibet", "540000"),
    ("Shaanxi", "610000"), ("Shanxi", "140000"), ("Hainan", "460000"), ("Beijing", "110000"),
    ("la province du Hunan", "430000"), ("province de l'Anhui", "340000"), ("Provinz Guangdong", "440000"),
    ("provincia de Sichuan", "510000"), ("Innere Mongolei", "150000"), ("Sichuan Sheng", "510000"),
])
def test_province_forms(gaz: Gazetteer, text: str, adcode: str) -> None:
    province = gaz.province_of_form(text)
    assert province is not None and province.adcode == adcode


def test_province_of_form_rejects_non_provinces(gaz: Gazetteer) -> None:
    for text in ("Suzhou", "province", "Ohio", ""):
        assert gaz.province_of_form(text) is None, text


def test_version_is_a_content_hash(gaz: Gazetteer, tmp_path: Path) -> None:
    assert re.fullmatch(r"[0-9a-f]{12}", gaz.version)
    data = json.loads((ROOT / "nlp" / "data" / "gazetteer.json").read_text(encoding="utf-8"))
    data["cities"] = data["cities"][:-1]
    changed = tmp_path / "g.json"
    changed.write_text(json.dumps(data), encoding="utf-8")
    assert load(changed).version != gaz.version
    assert load() is gaz  # the default is loaded once


def test_bad_files_give_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="build_gazetteer"):
        load(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(GazetteerError, match="not a gazetteer"):
        load(bad)
    bad.write_text('{"cities": []}', encoding="utf-8")
    with pytest.raises(GazetteerError, match="not a gazetteer"):
        load(bad)


def test_city_is_immutable(gaz: Gazetteer) -> None:
    city: City = gaz.cities["110000"]
    with pytest.raises(AttributeError):
        city.name = "Peiping"  # type: ignore[misc]


def test_rebuild_is_byte_identical(tmp_path: Path) -> None:
    _build_module()  # skips, saying why, without the build-time dependencies
    out = tmp_path / "gazetteer.json"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "--output", str(out)],
                   check=True, capture_output=True)
    assert out.read_bytes() == (ROOT / "nlp" / "data" / "gazetteer.json").read_bytes()


def _build_module():
    pytest.importorskip("pypinyin", reason="pypinyin==0.55.0 builds the gazetteer")
    pytest.importorskip("opencc", reason="opencc-python-reimplemented==0.1.7 builds the gazetteer")
    import importlib.util

    if "build_gazetteer" not in sys.modules:  # scripts/ is not a package; its modules import each other
        sys.path.insert(0, str(ROOT / "scripts"))
        spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["build_gazetteer"] = module
        spec.loader.exec_module(module)
    return sys.modules["build_gazetteer"]


def test_build_rejects_inconsistent_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build = _build_module()
    units = {"320100": build.Unit("320100", "南京市", "prefecture", 32.0, 118.8, "320000", short="南京")}
    with pytest.raises(SystemExit, match="romanisations.tsv: 320100 is not 北京"):
        build.check_table_row("romanisations.tsv", units, "320100", "北京")
    with pytest.raises(SystemExit, match="exonyms.tsv: 999900 is not"):
        build.check_table_row("exonyms.tsv", units, "999900", "北京")
    (tmp_path / "t.tsv").write_text("# comment\nPeking\t110000\nPeking\t110000\n", encoding="utf-8")
    monkeypatch.setattr(build, "DATA", tmp_path)
    with pytest.raises(SystemExit, match="t.tsv:3: duplicate row"):
        build.read_tsv("t.tsv")


def test_build_helpers() -> None:
    build = _build_module()
    nations = build.load_nations()
    assert build.short_zh("延边朝鲜族自治州", nations) == "延边"
    assert build.short_zh("克孜勒苏柯尔克孜自治州", nations) == "克孜勒苏"
    assert build.short_zh("苏州市", nations) == "苏州"
    assert build.short_zh("广西壮族自治区", nations, build.PROVINCE_SUFFIXES) == "广西"
    assert build.short_zh("内蒙古自治区", nations, build.PROVINCE_SUFFIXES) == "内蒙古"
    assert build.pinyin_word("西安") == "Xi'an" and build.pinyin_word("西安", build.Style.TONE) == "Xī'ān"
    assert build.is_reading_of("Changzhi", "长治") and not build.is_reading_of("Nianbo", "海东")
    assert build.is_pinyin_word("Nianbo") and not build.is_pinyin_word("Hohhot")
    assert build.script_of("Pʼing-hsiang") == "latn" and build.script_of("広州") == "hani"
    assert build.script_of("Bắc Kinh") == "latn" and build.script_of("北京 Beijing") is None


def test_coverage_of_surface_forms_in_the_shared_corpora(gaz: Gazetteer) -> None:
    """Evaluation only: the corpora's surfaces of mainland Chinese cities and SARs the gazetteer knows."""
    root = shared_data()
    surfaces: list[tuple[str, int]] = []
    for path in sorted(root.glob("*/chinese_city_surface_forms.tsv")):
        with open(path, encoding="utf-8") as fh:
            surfaces += [(row["surface"], int(row["count"])) for row in csv.DictReader(fh, delimiter="\t")
                         if row["country_code"] == "CN"]
    for path in sorted(root.glob("*/chinese_mentions.tsv")):  # the metonymy corpora: city rows only
        with open(path, encoding="utf-8") as fh:
            surfaces += [(row["surface"], 1) for row in csv.DictReader(fh, delimiter="\t") if row["city"]]
    known = sum(n for s, n in surfaces if gaz.lookup(s))
    total = sum(n for _, n in surfaces)
    print(f"gazetteer coverage: {known}/{total} mentions, "
          f"{len({s for s, _ in surfaces if gaz.lookup(s)})}/{len({s for s, _ in surfaces})} distinct surfaces")
    assert total and known / total >= 0.95


def test_every_county_level_city_is_in_with_its_prefecture(gaz: Gazetteer) -> None:
    builder = _build_module()
    cpca = builder.load_cpca()
    excluded = {row[0] for row in builder.read_tsv("county_excluded.tsv")}
    wanted = {code for code, row in cpca.items() if not code.endswith("00") and row["name"].endswith("市")
              and code not in gaz.cities or code in gaz.cities and gaz.cities[code].kind == "county"}
    from gazetteer_counties import _seat_of_its_namesake

    missing = {code for code in wanted - excluded if code not in gaz.cities
               and not _seat_of_its_namesake(code, cpca[code]["name"], cpca)}
    assert not missing, sorted(missing)[:10]
    linhai = gaz.lookup("Linhai")
    assert linhai is not None and gaz.cities[linhai.adcodes[0]].parent == "331000"  # Taizhou, Zhejiang
    assert gaz.cities[linhai.adcodes[0]].geonameid
    assert gaz.lookup("Mile") is None  # excluded: the English word


def test_historic_spellings_by_rule_and_table(gaz: Gazetteer) -> None:
    for text, adcode in (("Kiu-kiang", "360400"), ("Han-kow", "420100"), ("Hankou", "420100"),
                         ("Shanghae", "310000"), ("Tien-tsin", "120000")):
        form = gaz.lookup(text)
        assert form is not None and adcode in form.adcodes, text
    pekin = gaz.lookup("Pekin")
    assert pekin is not None and ("US", "IL") in {(p.country, p.admin1) for p in pekin.foreign}


def test_known_names_decide_whether_the_city_inside_is_a_mention() -> None:
    from nlp.lexicon import read_lexicon

    lexicon = read_lexicon()
    cities = lambda text: [text[h.start:h.end] for h in lexicon.find(text) if h.kind == "city"]  # noqa: E731
    assert cities("We drank Longjing tea on Nanjing Road.") == []
    assert cities("the Treaty of Tianjin") == ["Tianjin"]
    assert cities("Chengdu Rongcheng beat Shandong Taishan 2-1.") == ["Chengdu"]  # Taishan: Mount Tai


def test_a_bad_names_row_stops_the_build_naming_the_name_and_field() -> None:
    _build_module()
    from gazetteer_names import name_rows

    def rows(_name: str) -> list[list[str]]:
        return [["Wuhan Open", "sport", "part", "en.wikipedia: Wuhan Open"]]

    with pytest.raises(SystemExit, match="names.tsv: 'Wuhan Open': kind 'sport'"):
        name_rows(rows, ["Wuhan"])
    with pytest.raises(SystemExit, match="contains no city form"):
        name_rows(lambda _n: [["Paris Open", "event", "part", "x"]], ["Wuhan"])


def test_a_name_is_also_built_with_the_citys_other_spellings() -> None:
    _build_module()
    from gazetteer_names import name_rows

    def rows(_name: str) -> list[list[str]]:
        return [["Art Basel Hong Kong", "event", "part", "en.wikipedia: Art Basel"]]

    built = [row[0] for row in name_rows(rows, ["Hong Kong", "Hongkong"])]
    assert built == ["Art Basel Hong Kong", "Art Basel Hongkong"]
    assert [row[0] for row in name_rows(rows, ["Hong Kong"])] == ["Art Basel Hong Kong"]  # no such form: no variant


@pytest.mark.parametrize(("lang", "text", "label"), [
    # German writes Hongkong as one word, inside names too; the city alone stays the city
    ("de", "Die Art Basel Hongkong zog in diesem Jahr mehr Besucher an.", "ORG_PART"),
    ("de", "In Hongkong regnete es die ganze Woche.", "LITERAL"),
])
def test_german_hongkong_inside_a_known_name(lang: str, text: str, label: str) -> None:
    assert [m["label"] for m in tag_texts([text], [lang])[0] if m["surface"] == "Hongkong"] == [label]


@pytest.mark.parametrize(("text", "adcode", "parent", "name_zh"), [
    ("Mohe", "232701", "232700", "漠河市"),  # 2018, from Mohe County (232723) of the Greater Khingan region
    ("Kuqa", "652902", "652900", "库车市"),  # 2019, from Kuqa County; English name from county_changes.tsv
    ("Zouping", "371681", "371600", "邹平市"),  # 2018, from Zouping County
    ("Xinji", "130181", "130100", "辛集市"),  # cpca's old code 139002, without coordinates
    ("Dingzhou", "130682", "130600", "定州市"),
    ("Pingquan", "130881", "130800", "平泉市"),  # 2017, from Pingquan County
])
def test_county_level_cities_created_after_the_code_table(gaz: Gazetteer, text: str, adcode: str, parent: str,
                                                          name_zh: str) -> None:
    form = gaz.lookup(text)
    assert form is not None and adcode in form.adcodes, text
    city = gaz.cities[adcode]
    assert (city.kind, city.parent, city.name_zh, city.name) == ("county", parent, name_zh, text)
    assert city.lat is not None and gaz.lookup(name_zh) is not None and gaz.lookup(name_zh).adcodes == (adcode,)


def test_a_former_county_is_no_namesake_of_the_city_it_became(gaz: Gazetteer) -> None:
    assert gaz.domestic_namesakes("Mohe") == () and "232723" not in gaz.cities  # 漠河县 is 漠河市 now
    # 龙港市 (2019) is excluded: "Longgang" in foreign news is Shenzhen's district; it stays a namesake
    assert gaz.lookup("Longgang") is None and "330383" not in gaz.cities


def test_geonames_ids_filled_by_the_second_pass(gaz: Gazetteer) -> None:
    # GeoNames files these cities under their seat towns, with the city's name among the alternates.
    assert gaz.cities["530581"].geonameid == 1279891 and gaz.cities["530581"].name == "Tengchong"  # Tengyue
    assert gaz.cities["533102"].geonameid == 1280570 and gaz.cities["533102"].name == "Ruili"  # Mengmao
    assert gaz.cities["530581"].population and gaz.cities["530581"].population > 0
    meta = json.loads((ROOT / "nlp" / "data" / "gazetteer.json").read_text(encoding="utf-8"))["meta"]
    assert meta["geonames_second_pass"]["filled"] > 0
    counties = [c for c in gaz.cities.values() if c.kind == "county"]
    assert len(counties) >= 385 and sum(c.geonameid is None for c in counties) <= 45


def test_county_changes_rows_are_checked_against_the_code_table() -> None:
    _build_module()
    from gazetteer_counties import apply_county_changes

    names = {"232723": "漠河县", "330327": "苍南县", "232701": "x"}
    cpca = {"232723": {"name": "漠河县", "lat": 53.0, "lon": 122.5}, "330327": {"name": "苍南县", "lat": 27.5, "lon": 120.4}}
    row = ["became", "232702", "漠河市", "232723", "漠河县", "", "2018", "State Council approval"]
    with pytest.raises(SystemExit, match="county_changes.tsv: 232702 漠河市: former unit 232723 is 漠河县 in the code table, not 漠县"):
        apply_county_changes(dict(cpca), names, [row[:4] + ["漠县"] + row[5:]])
    with pytest.raises(SystemExit, match="already has 232701"):
        apply_county_changes(dict(cpca), names, [row[:1] + ["232701"] + row[2:]])
    with pytest.raises(SystemExit, match="not in the prefecture of its former unit"):
        apply_county_changes(dict(cpca), names, [row[:1] + ["330399"] + row[2:]])
    with pytest.raises(SystemExit, match="action 'renamed'"):
        apply_county_changes(dict(cpca), names, [["renamed"] + row[1:]])
    with pytest.raises(SystemExit, match="7 fields, not 8"):
        apply_county_changes(dict(cpca), names, [row[:7]])
    changed = dict(cpca)
    assert apply_county_changes(changed, names, [row[:5] + ["Mohe"] + row[6:]]) == {"232702": "Mohe"}
    assert "232723" not in changed and changed["232702"] == {"name": "漠河市", "lat": 53.0, "lon": 122.5}


def test_new_county_names_inside_words_and_names_are_no_city() -> None:
    from nlp.lexicon import read_lexicon

    lexicon = read_lexicon()
    cities = lambda text: [text[h.start:h.end] for h in lexicon.find(text) if h.kind == "city"]  # noqa: E731
    assert cities("The Mohegan tribe and the Kuqaq family met in Zoupingville.") == []
    assert cities("Mohe, Kuqa and Zouping") == ["Mohe", "Kuqa", "Zouping"]


@pytest.mark.parametrize(("text", "surface"), [
    ("Midfielder Wang Yuhuan scored twice before the break.", "Yuhuan"),
    ("Coach Li Xinji praised the defence after the match.", "Xinji"),
])
def test_a_person_named_like_a_new_county_level_city_is_no_city(english, text: str, surface: str) -> None:
    from tests.nlp.conftest import only

    mention = only(english, text, surface)
    assert mention["label"] == "NOT_PLACE" and mention["city"] is None


def test_every_row_of_county_changes_is_a_city_or_accounted_for(gaz: Gazetteer) -> None:
    builder = _build_module()
    meta = json.loads((ROOT / "nlp" / "data" / "gazetteer.json").read_text(encoding="utf-8"))["meta"]
    excluded = {row[0] for row in builder.read_tsv("county_excluded.tsv")}
    unlocated = {entry.split()[0] for entry in meta["unlocated"]}
    for _action, code, name_zh, *_ in builder.read_tsv("county_changes.tsv"):
        if code in excluded or code in unlocated:
            assert code not in gaz.cities
            continue
        city = gaz.cities[code]
        assert city.kind == "county" and city.name_zh == name_zh and city.lat is not None, code
        assert city.parent == (None if code[2:4] == "90" else code[:4] + "00"), code
    assert len(unlocated) <= 4


def test_every_chinese_form_with_the_city_suffix_has_its_form_without() -> None:
    """nlp.segment reads 大连市民 as 大连 | 市民 by dropping 市 from the hit: the shorter form must be a city form too."""
    from nlp.lexicon import read_lexicon

    lexicon = read_lexicon()
    with_suffix = [f.text for f in lexicon.gazetteer.forms if f.text.endswith("市") and len(f.text) > 2]
    assert with_suffix and [t for t in with_suffix if lexicon.form(t[:-1]) is None] == []


def test_every_everyday_word_is_a_city_name() -> None:
    """The zh ``everyday_words`` and ``common_words`` cues name cities of the gazetteer only (a typo would silently
    keep nothing out), and none of them is read as the place without a context."""
    from nlp.lexicon import read_lexicon

    lexicon = read_lexicon()
    cues = cues_for("zh")
    short_names = {c.name_zh.removesuffix("市") for c in lexicon.gazetteer.cities.values() if c.name_zh}
    # (阿里 is Ngari, 海西 Haixi: prefectures whose full names are longer, 阿里地区, 海西蒙古族藏族自治州)
    words = (cues["everyday_words"] | cues["common_words"]) - {"阿里", "海西"}
    assert cues["everyday_words"] and not words - short_names
    assert not words & lexicon.han_names_alone and "大连" in lexicon.han_names_alone


def test_a_declension_rule_never_takes_another_places_own_name(gaz: Gazetteer) -> None:
    """The Czech dative of Changsha is Changshu, a city of Suzhou, and its locative Changshou a district of Chongqing:
    the rule's links are dropped (scripts/build_gazetteer.py, drop_colliding_rule_forms), so English "Changshu"
    names Changshu alone; homonyms sharing a rule's form (Lung-nan for both Longnans) keep it."""
    def codes(text: str) -> tuple[str, ...]:
        form = gaz.lookup(text)
        return form.adcodes if form else ()

    assert codes("Changshu") == ("320581",)
    assert "430100" not in codes("Changshou") and "430100" in codes("Changsha")
    lung_nan = codes("Lung-nan")
    assert len(lung_nan) == 2 and {gaz.cities[c].name for c in lung_nan} == {"Longnan"}
