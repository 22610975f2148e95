"""The registry's languages beyond the first twelve (issue 11): cs, da, hi, id, is, lt, no, pl, tr, uk, vi.

Name forms (exonyms of nlp/data/exonyms.tsv and script_names.tsv, case forms of case_endings.tsv) are found
with the same GeoNames id as the English name; ordinary words that look like them are not; two-sentence
snippets are routed to their language. Sentences written for citywatch.
"""

from __future__ import annotations

import pytest

from nlp.cues import cues_for
from nlp.features import _tokens, lexical
from nlp.language import SUPPORTED, detect
from nlp.pipeline import tag_docs

BEIJING, SHANGHAI, HONG_KONG, WUHAN, CHENGDU = 1816670, 1796236, 1819729, 1791247, 1815286

# (language, text, [(surface, GeoNames id)] in text order)
FORMS = [
    ("pl", "Rząd w Warszawie skrytykował Pekin. W Szanghaju i Pekinie padało, a w Hongkongu nie.",
     [("Pekin", BEIJING), ("Szanghaju", SHANGHAI), ("Pekinie", BEIJING), ("Hongkongu", HONG_KONG)]),
    ("pl", "Delegacja przyleciała z Wuhanu, a potem pojechała pod Szanghaj.",
     [("Wuhanu", WUHAN), ("Szanghaj", SHANGHAI)]),
    ("cs", "V Šanghaji a v Pekingu v pondělí pršelo, podle meteorologů to bylo nejvíc za deset let.",
     [("Šanghaji", SHANGHAI), ("Pekingu", BEIJING)]),
    ("lt", "Pekinas pirmadienį paskelbė naujus muitus. Šanchajuje lijo, o Honkonge buvo saulėta.",
     [("Pekinas", BEIJING), ("Šanchajuje", SHANGHAI), ("Honkonge", HONG_KONG)]),
    ("uk", "Пекін заявив про відповідь. У Шанхаї та Гонконзі йшов дощ, а в Ухані ні.",
     [("Пекін", BEIJING), ("Шанхаї", SHANGHAI), ("Гонконзі", HONG_KONG), ("Ухані", WUHAN)]),
    ("tr", "Pekin'de yağmur yağdı, Şanghay'da ise hava güneşliydi ve sıcaklık arttı.",
     [("Pekin", BEIJING), ("Şanghay", SHANGHAI)]),
    ("vi", "Bắc Kinh tuyên bố sẽ đáp trả. Thượng Hải và Thành Đô có mưa lớn trong tuần này.",
     [("Bắc Kinh", BEIJING), ("Thượng Hải", SHANGHAI), ("Thành Đô", CHENGDU)]),
    ("hi", "बीजिंग ने कहा कि वह जवाबी कदम उठाएगा। शंघाई और हांगकांग में भारी बारिश हुई।",
     [("बीजिंग", BEIJING), ("शंघाई", SHANGHAI), ("हांगकांग", HONG_KONG)]),
    ("id", "Pemerintah di Beijing mengatakan akan membalas, sementara Makau tetap tenang.",
     [("Beijing", BEIJING), ("Makau", 1821274)]),
    ("da", "Pekings holdning er uændret, siger ministeren, og Hongkong følger med.",
     [("Pekings", BEIJING), ("Hongkong", HONG_KONG)]),
]

# Ordinary words (lower case, as in running text) of the languages whose city forms look like them.
NOT_NAMES = [
    ("pl", "Szwajcarski kanton przyjął nowe przepisy, a pekińczyk szczekał na podwórku."),
    ("vi", "Gió bắc thổi mạnh ở phía nam, còn lan châu và tây an thì chưa ai nghe tới."),
    ("cs", "Curych je švýcarský kanton; tomu kantonu patří i jezero."),
    ("uk", "Швейцарський кантон Цюрих ухвалив закон, і кантону це вигідно."),
    ("tr", "İsviçre'de her kanton kendi vergisini belirler; pekin sözcüğü yoktur."),
]

SNIPPETS = {
    "pl": "Pekin zapowiedział w poniedziałek nowe cła na towary z Unii. Rząd w Warszawie uważa, że to odpowiedź na sankcje.",
    "cs": "Peking v pondělí oznámil nová cla na zboží z Evropy. Podle ministerstva jde o odpověď na sankce, které jsou nespravedlivé.",
    "lt": "Pekinas pirmadienį paskelbė naujus muitus. Vyriausybė teigė, kad tai yra atsakas į sankcijas.",
    "uk": "Пекін заявив, що вживе заходів у відповідь. У Шанхаї пройшов сильний дощ.",
    "tr": "Pekin, Avrupa Birliği'nin kararına sert tepki gösterdi. Bakanlık bu adımın yanlış olduğunu söyledi.",
    "id": "Beijing mengatakan akan mengambil langkah balasan. Pemerintah juga menolak tuduhan tersebut.",
    "vi": "Bắc Kinh tuyên bố sẽ có biện pháp đáp trả. Thượng Hải đã ghi nhận lượng mưa lớn trong tuần này.",
    "da": "Beijing har afvist kritikken fra Bruxelles. Regeringen siger, at den vil svare igen med told.",
    "no": "Beijing har avvist kritikken fra Brussel. Regjeringen sier at den vil svare med nye tollsatser etter møtet.",
    "is": "Kínversk stjórnvöld í Peking hafa hafnað gagnrýninni. Ráðherrann sagði að það væri ekki rétt.",
    "hi": "बीजिंग ने कहा कि वह जवाबी कदम उठाएगा। शंघाई में भारी बारिश हुई।",
    "sv": "Peking kräver att sanktionerna hävs. Det regnade hela veckan i Shanghai och många stannade hemma.",
    "ru": "Пекин заявил, что примет ответные меры. В Шанхае прошел сильный дождь.",
}


@pytest.mark.parametrize(("lang", "text", "expected"), FORMS, ids=[f"{f[0]}-{n}" for n, f in enumerate(FORMS)])
def test_name_forms_link_to_the_english_names_city(lang: str, text: str, expected: list[tuple[str, int]]) -> None:
    (detected,), (mentions,) = tag_docs([text], [lang])
    assert detected == lang
    assert [(m["surface"], m["city"]["geonameid"] if m["city"] else None) for m in mentions] == expected


@pytest.mark.parametrize(("lang", "text"), NOT_NAMES)
def test_ordinary_words_are_no_mentions(lang: str, text: str) -> None:
    _, (mentions,) = tag_docs([text], [lang])
    assert mentions == []


@pytest.mark.parametrize("lang", sorted(SNIPPETS))
def test_two_sentence_snippets_are_routed_to_their_language(lang: str) -> None:
    assert lang in SUPPORTED
    assert detect(SNIPPETS[lang]).lang == lang


def test_a_declared_language_wins_over_a_close_relative() -> None:
    """A declared Swedish is kept where an n-gram detector may prefer Danish on one sentence (langdetect did
    here), and Danish, Norwegian text without a declaration is still routed to its own language, above."""
    assert detect("Peking lade fram en fredsplan i tolv punkter.", "sv").lang == "sv"


def _scripts_module():  # scripts/ is not a package; the gazetteer test loads it the same way
    from tests.nlp.test_gazetteer import _build_module

    _build_module()
    import gazetteer_scripts

    return gazetteer_scripts


def test_case_endings_decline_by_the_names_ending() -> None:
    scripts = _scripts_module()
    polish = [("n", ["nu", "nowi", "nem", "nie"]), ("a", ["y", "ie", "ę", "ą"]), ("", ["u", "owi", "em", "ie"])]
    assert scripts.declined("Pekin", polish) == {"Pekinu", "Pekinowi", "Pekinem", "Pekinie"}
    assert scripts.declined("Lhasa", polish) == {"Lhasy", "Lhasie", "Lhasę", "Lhasą"}
    assert scripts.declined("Makau", polish) == set()  # another vowel: not declined
    assert scripts.declined("Hong Kong", polish) == set()  # two words: not declined


def test_bad_declension_and_adjective_rows_name_the_file() -> None:
    scripts = _scripts_module()

    def add(*_: str) -> None:
        return None

    def check(*_: object) -> None:
        return None

    with pytest.raises(SystemExit, match="case_endings.tsv: want lang"):
        scripts.declension_table([["xx", "n", "nu"]])
    with pytest.raises(SystemExit, match="case_endings.tsv: want lang"):
        scripts.declension_table([["pl", "n"]])
    assert scripts.declension_table([["pl", "", "u,em"]])["pl"] == [("", ["u", "em"])]
    with pytest.raises(SystemExit, match="adjectives.tsv: want"):
        scripts.add_adjectives([["stem", "Pekińsk", "110000", "北京", "xx"]], {}, check, add)
    with pytest.raises(SystemExit, match="adjectives.tsv: want"):
        scripts.add_adjectives([["stam", "Pekińsk", "110000", "北京", "pl"]], {}, check, add)
    forms: list[str] = []
    scripts.add_adjectives([["endings", "pl", "i,a"], ["stem", "Pekińsk", "110000", "北京", "pl"]], {}, check,
                           lambda text, *_: forms.append(text))
    assert forms == ["Pekiński", "Pekińska"]


def test_icelandic_is_told_from_its_neighbours_declared_or_not() -> None:
    """langdetect, with no Icelandic profile, read these as Swedish; lingua has one. A Danish text that names an
    Icelander stays Danish."""
    text = "Kínversk stjórnvöld stöðvuðu innflutning á norskum laxi."
    assert detect(text, "is").lang == "is"
    assert detect("Þingið samþykkti frumvarpið í gær og ráðherrann fagnaði því.").lang == "is"
    assert detect("Kampen endte uafgjort, og Gylfi Sigurðsson scorede.", "da").lang == "da"


# (language, text, surface, label): the cues of issue 11's Danish, Norwegian, Icelandic and Indonesian tables
CUED = [
    ("da", "Beijing har i flere år kritiseret Danmarks politik over for Tibet.", "Beijing", "METONYMIC"),
    ("da", "Ifølge Bloomberg overvejer Beijing nye eksportregler.", "Beijing", "METONYMIC"),
    ("da", "Planen, der blev fremlagt af Beijing, fik ringe opbakning.", "Beijing", "METONYMIC"),
    ("no", "Beijings reaksjon på Nobelprisen var sterk.", "Beijings", "METONYMIC"),
    ("no", "Studenter ved Shanghai-universitetet protesterte.", "Shanghai", "ORG_PART"),
    ("is", "Peking hefur gagnrýnt áform Japana harðlega.", "Peking", "METONYMIC"),
    ("id", "Mahasiswa Universitas Shanghai menggelar diskusi.", "Shanghai", "ORG_PART"),
    ("id", "Rencana yang diajukan oleh Beijing ditolak Manila.", "Beijing", "METONYMIC"),
    ("id", "Banjir melanda beberapa distrik di Beijing.", "Beijing", "LITERAL"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "label"), CUED, ids=[f"{c[0]}-{n}" for n, c in enumerate(CUED)])
def test_cues_of_the_new_tables(lang: str, text: str, surface: str, label: str) -> None:
    _, (mentions,) = tag_docs([text], [lang])
    assert [(m["surface"], m["label"]) for m in mentions if m["surface"] == surface] == [(surface, label)]
def _features(lang: str, text: str, name: str) -> dict[str, float]:
    start = text.index(name)
    return lexical(text, start, start + len(name), cues_for(lang))


@pytest.mark.parametrize(("text", "on", "off"), [
    # the bare name before the verb that ends the clause is its subject; a case ending says it is not
    ("Pekin, Japonya'nın kararını sert bir dille eleştirdi.", {"comm_subject"}, {"loc_prep", "poss_other", "dateline"}),
    ("Pekin'de bu sabah kar yağdı ve trafik durdu.", {"loc_prep"}, {"comm_subject", "to_from"}),
    ("Pekin'in yeni tutumu Brüksel'de tartışıldı.", {"poss_policy"}, {"comm_subject", "loc_prep"}),
    ("Seul, Pekin'i ticaret kurallarını çiğnemekle suçladı.", {"object_verb"}, {"comm_subject"}),
    ("Pekin'e göre yeni kurallar haziranda yürürlüğe girecek.", {"according_to"}, {"to_from"}),
    ("Pekin tarafından atanan elçi Ankara'ya geldi.", {"by_agent"}, set()),
    ("Pekin'e giden uçak rötar yaptı.", {"to_from"}, {"comm_subject"}),
])
def test_turkish_case_endings_and_verb_final_clauses(text: str, on: set[str], off: set[str]) -> None:
    f = _features("tr", text, "Pekin")
    assert {k for k in on if not f[k]} == set() and {k for k in off if f[k]} == set(), f


@pytest.mark.parametrize(("text", "on"), [
    ("Bắc Kinh đã chính thức bác bỏ đề nghị này.", "comm_subject"),  # two-syllable verb past the auxiliaries
    ("Lập trường của Bắc Kinh vẫn không thay đổi.", "poss_policy"),
    ("Đại học Bắc Kinh công bố bảng xếp hạng mới.", "org_before"),
    ("Đoàn đại biểu do Bắc Kinh cử sang đã đến Hà Nội.", "by_agent"),
    ("Cuộc đối thoại giữa Bắc Kinh và Tokyo bị hoãn.", "relation"),
])
def test_vietnamese_cues_span_syllables(text: str, on: str) -> None:
    assert _features("vi", text, "Bắc Kinh")[on] == 1.0


@pytest.mark.parametrize(("text", "on", "off"), [
    ("बीजिंग ने इस फैसले का कड़ा विरोध किया।", "comm_subject", "loc_prep"),
    ("बीजिंग में आज सुबह भारी बर्फबारी हुई।", "loc_prep", "comm_subject"),
    ("बीजिंग का रुख इस बार अलग है।", "poss_policy", "comm_subject"),
    ("बीजिंग द्वारा भेजे गए राजनयिक दिल्ली पहुंचे।", "by_agent", "loc_prep"),
    ("शंघाई सहयोग संगठन की बैठक कल होगी।", "org_after", "comm_subject"),
])
def test_hindi_postpositions(text: str, on: str, off: str) -> None:
    name = text.split()[0]
    f = _features("hi", text, name)
    assert f[on] == 1.0 and f[off] == 0.0, f


def test_devanagari_vowel_signs_stay_inside_their_word() -> None:
    assert _tokens("बीजिंग ने कहा") == ["बीजिंग", "ने", "कहा"]


@pytest.mark.parametrize(("text", "name", "on"), [
    ("Pekino reakcija buvo greita.", "Pekino", "poss_policy"),  # the genitive before its noun
    ("Pekino įgaliota delegacija atvyko į Vilnių.", "Pekino", "by_agent"),  # a genitive agent before a participle
    ("Pekino universitetas priėmė naujus studentus.", "Pekino", "org_after"),
])
def test_lithuanian_genitive_before_the_noun(text: str, name: str, on: str) -> None:
    assert _features("lt", text, name)[on] == 1.0


def test_a_bad_grams_cue_names_the_file_and_the_field() -> None:
    from nlp.cues import CueTable

    with pytest.raises(ValueError, match=r"cues.yaml: vi.grams: want a list with a whole number"):
        CueTable("en: {org_heads: []}\nvi: {grams: [two]}\n", "cues.yaml")
