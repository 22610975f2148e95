"""Polish, Czech and Lithuanian city names (issue 11): the Czech and Lithuanian transcriptions of Mandarin, the
case forms of the pinyin names, of the transcriptions and of the exonyms, each linked to its city whatever the
form, and the generated forms that are ordinary words left out. Sentences written for citywatch
(tests/nlp/data/declension_sentences.tsv; the held-out rows are scored by tests/nlp/declension_figures.py only).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp.pipeline import tag_docs
from tests.nlp.declension_figures import is_right, rows

GAZETTEER = Path(__file__).resolve().parents[2] / "nlp" / "data" / "gazetteer.json"


def _scripts():
    from tests.nlp.test_gazetteer import _build_module

    build = _build_module()  # skips, saying why, without the build-time dependencies
    import gazetteer_scripts

    return build, gazetteer_scripts


@pytest.fixture(scope="module")
def rules():
    build, scripts = _scripts()
    return scripts.read_rules(build.read_tsv)


@pytest.mark.parametrize(("zh", "czech", "lithuanian"), [
    ("北京", "Pej-ťing", "Beidzingas"),  # the rule's forms; the press writes the exonyms Peking, Pekinas
    ("上海", "Šang-chaj", "Šanghajus"),  # exonyms: Šanghaj, Šanchajus
    ("广州", "Kuang-čou", "Guangdžou"),
    ("深圳", "Šen-čen", "Šendženas"),
    ("重庆", "Čchung-čching", "Čongčingas"),
    ("武汉", "Wu-chan", "Uhanas"),
    ("成都", "Čcheng-tu", "Čengdu"),
    ("南京", "Nan-ťing", "Nandzingas"),
    ("杭州", "Chang-čou", "Hangdžou"),
    ("天津", "Tchien-ťin", "Tiandzinas"),
    ("西安", "Si-an", "Sianas"),
    ("合肥", "Che-fej", "Hefėjus"),
    ("长沙", "Čchang-ša", "Čangša"),
    ("石家庄", "Š'-ťia-čuang", "Šidziadžuangas"),
    ("贵阳", "Kuej-jang", "Guijangas"),
    ("徐州", "Sü-čou", "Siudžou"),
    ("云浮", "Jün-fu", "Junfu"),
    ("乌鲁木齐", "Wu-lu-mu-čchi", "Ulumuči"),
])
def test_czech_and_lithuanian_transcriptions(rules, zh: str, czech: str, lithuanian: str) -> None:
    _, scripts = _scripts()
    assert scripts.czech(zh, rules.czech) == czech
    assert scripts.lithuanian(zh, rules.lithuanian) == lithuanian


def test_case_forms_by_the_names_ending(rules) -> None:
    _, scripts = _scripts()
    table = rules.case_table
    assert scripts.declined("Wuhan", table["pl"]) == {"Wuhanu", "Wuhanowi", "Wuhanem", "Wuhanie"}
    assert scripts.declined("Kunming", table["pl"]) == {"Kunmingu", "Kunmingowi", "Kunmingiem"}
    assert scripts.declined("Sanya", table["pl"]) == {"Sanyi", "Sanyę", "Sanyą"}  # -ya before -a: the longest ending
    assert scripts.declined("Jinhua", table["pl"]) == set()  # -ua: not declined
    assert scripts.declined("Kashgar", table["pl"]) == {"Kashgaru", "Kashgarowi", "Kashgarem", "Kashgarze"}
    assert scripts.declined("Chengdu", table["pl"]) == set()
    assert scripts.declined("Wu-chan", table["cs"]) == {"Wu-chanu", "Wu-chanem"}
    assert scripts.declined("Che-fej", table["cs"]) == {"Che-feje", "Che-feji", "Che-fejem"}
    assert scripts.declined("Macao", table["cs"]) == {"Macaa", "Macau", "Macaem"}
    assert scripts.declined("Uhanas", table["lt"]) == {"Uhano", "Uhanui", "Uhaną", "Uhanu", "Uhane"}
    assert scripts.declined("Hefėjus", table["lt"]) == {"Hefėjaus", "Hefėjui", "Hefėjų", "Hefėjumi", "Hefėjuje"}
    assert scripts.declined("Čangša", table["lt"]) == {"Čangšos", "Čangšai", "Čangšą", "Čangšoje"}
    assert scripts.declined("Guangdžou", table["lt"]) == set()


def test_pinyin_case_forms_keep_the_apostrophe_spellings(rules) -> None:
    _, scripts = _scripts()
    forms = {text for text, _kind, _lang in scripts.pinyin_case_forms(["Xi'an"], rules)}
    assert {"Xi'anu", "Xi\u2019anie", "Xianie", "Xi'anem"} <= forms


def test_bad_rows_of_the_transcription_tables_name_the_file() -> None:
    _, scripts = _scripts()
    with pytest.raises(SystemExit, match="czech_pinyin.tsv: want"):
        scripts.load_latin_table("czech_pinyin.tsv", [["final", "a", "a"]])
    with pytest.raises(SystemExit, match="lithuanian_pinyin.tsv: want"):
        scripts.load_latin_table("lithuanian_pinyin.tsv", [["ending", "n"]])
    table = scripts.load_latin_table("x.tsv", [["initial", "b", "p", "p"], ["final", "a", "a", "a"]])
    assert scripts.czech("巴", table) == "Pa"
    assert scripts.czech("巴黎", table) is None  # a syllable the table lacks: no form


def test_generated_forms_that_are_ordinary_words_are_dropped_and_listed() -> None:
    """Lhasa's pinyin name declined in Polish and Czech is "Lasy" ("forests" in Polish), the Lithuanian
    transcriptions of 大冶 and 义马 are "daje" (Polish "gives") and "ima" (Lithuanian "takes"): left out, and listed in the gazetteer's
    meta with the language and the city they would have named; a dropped transcription loses its case forms too
    (Imai is a Japanese surname), a dropped case form does not take the others with it. Rule forms that English
    text writes ("en": in the English model's vocabulary) are dropped too: Andy (安达's Anda declined in Polish and
    Czech), Ziba (淄博's Zibo declined in Czech)."""
    data = json.loads(GAZETTEER.read_text(encoding="utf-8"))
    assert data["meta"]["dropped_words"] == [["Andy", "en", "231281"], ["Daje", "lt", "420281"],
                                             ["Ima", "lt", "411281"], ["Lasy", "cs", "540100"],
                                             ["Lasy", "pl", "540100"], ["Ziba", "en", "370300"]]
    texts = {form["text"].casefold() for form in data["forms"]}
    assert not {word.casefold() for word, _lang, _code in data["meta"]["dropped_words"]} & texts
    assert not {"imai", "imos", "dajos"} & texts
    assert {"andie", "andu", "zibu"} <= texts  # the other case forms stay
    assert {"lasa", "lasie", "lasą"} <= texts  # the other case forms of Lasa stay
    assert "iu" not in texts  # 义乌's Lithuanian transcription has two letters: none


def test_county_level_cities_get_the_latin_forms_too() -> None:
    _, tagged = tag_docs(["Fabryka w Kunshanie zwolniła pracowników.", "Továrna v Kchun-šanu propustila dělníky.",
                          "Kunšano gamykla atleido darbuotojus."], ["pl", "cs", "lt"])
    assert [[m["city"]["adcode"] for m in mentions] for mentions in tagged] == [["320583"]] * 3


def test_every_form_of_a_city_has_its_geonames_id() -> None:
    """The English name, the pinyin case forms, the Czech and Lithuanian forms of Wuhan link to one city."""
    _, (english,) = tag_docs(["Heavy rain flooded Wuhan."], ["en"])
    texts = ["Ulice Wuhanu zalała woda.", "Ve Wu-chanu pršelo.", "Ve Wuhanu pršelo.", "Uhane lijo visą dieną."]
    _, tagged = tag_docs(texts, ["pl", "cs", "cs", "lt"])
    ids = {m["city"]["geonameid"] for mentions in tagged for m in mentions}
    assert ids == {english[0]["city"]["geonameid"]}


DEV = rows("dev")


@pytest.mark.parametrize("row", DEV, ids=[f"{r.lang}-{r.surface}" for r in DEV])
def test_dev_sentences(row) -> None:
    _, (mentions,) = tag_docs([row.text], [row.lang])
    assert is_right(row, mentions), mentions
