"""Word boundaries in scripts without spaces, and a tokenizer that keeps every mention apart.

The candidate finder matches gazetteer forms in the raw text; in Chinese and Japanese a form can
sit inside a longer word (合作 "cooperation" is also the city Hezuo, 北海道 contains Beihai,
马里兰州 contains Lanzhou). A hit in Han or Kana script is kept only when a segmenter made for the
language puts word boundaries at both its ends and reads it as a name: jieba (jieba-rs through rjieba,
its dictionary and part-of-speech tags, read per phrase by ``nlp.jieba_dict`` until a process has read enough
phrases to load it whole; traditional text is segmented as its simplified copy) for Chinese,
SudachiPy with sudachidict-core for Japanese; a hit that touches an interpunct and goes on with a sound of a
transcription (吉力里·喀什噶里) is part of a foreign personal name; one before a street word (温州街), after a common
surname (张吉安, and then throughout the text) or, as a reign era, before a year (绍兴二十六年) is no city either. Only a short window
around each hit is segmented, so the cost grows with the number of candidates, not with the text.
Korean writes spaces between words but attaches particles (베이징은, 상하이에서) and writes compounds as one
word (상하이협력기구): a Hangul hit is kept when nothing Hangul precedes it and what follows it in the same word is
a particle or a suffix of ``nlp/resources/korean_particles.txt`` (a suffix with a particle after it too: 창춘시장은), or
nouns of the ko cue lists (organisation heads, government and place words) that make a compound with it, with a
particle after them.

The tokenizer: spaCy's blank Korean pipeline needs MeCab and its blank multi-language one keeps a run of
Han, Kana or Hangul as one token, so two names in "北京と上海で会議" became one span (and one mention reported
twice). ``blank_pipeline`` gives every language a tokenizer that makes each Han, Kana and Hangul
character a token and splits other text at spaces and punctuation (Chinese: every character, as spaCy's
Chinese tokenizer does in its character mode, in linear time). English gets it too: no component reads
the article Doc's tokens (spans come from character offsets in the raw text, and the trained model
tokenizes the sentences it parses itself), and spaCy's English tokenizer cost 0.15 s to build per
process and three times this one's time per article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import spacy
import srsly
from spacy.language import BaseDefaults, Language
from spacy.tokens import Doc
from spacy.vocab import Vocab
from thinc.api import Config

from nlp import jieba_dict, regexes
from nlp.cues import cues_for
from nlp.finder import Hit
from nlp.folding import simplified_table, simplified_text
from nlp.language import script_of_char

PARTICLES_FILE = Path(__file__).with_name("resources") / "korean_particles.txt"
WINDOW = 12  # characters of context either side of a hit given to the segmenter, cut at sentence ends
#: Languages whose every character is a token, as spaCy's Chinese tokenizer makes them in its character mode
#: (Latin letters in Chinese text too); every other language's character tokenizer keeps a run of Latin
#: letters whole. spaCy's own tokenizers are not used: its blank Korean pipeline needs MeCab, the
#: multi-language one keeps a run of characters as one token, building the French or English one costs
#: tokenizer exceptions that nothing here reads (spans are found in the raw text), and the Chinese one
#: aligns its characters in time that grows with the square of the text's length.
EVERY_CHARACTER = frozenset({"zh"})
_SENTENCE_ENDS = "。！？!?\n"
# jieba part-of-speech tags of a word that is a place or the name of something (organisation, other proper noun).
_ZH_NAME_TAGS = frozenset({"ns", "nt", "nz", "j"})
_ZH_PLACE_TAGS = frozenset({"ns"})
_ZH_CITY_SUFFIX = "市"
_ZH_UNITS = ("特别行政区", "特区", "市")  # what stands between a city's name and a head of its government
# A hit that begins a longer jieba word is a mention when that word is an organisation's name (北京大学).
_ZH_CONTAINING_TAGS = frozenset({"nt"})
_EAST = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002ffff"
_PIECES = regexes.compile(rf"[{_EAST}]|[^\W{_EAST}]+|\s+|[^\w\s]")


# a character that is no space with the one space after it, or a run of spaces (spaCy's Chinese character mode)
_CHARACTERS = regexes.compile(r"(\S)( ?)|(\s+)")


class CharacterTokenizer:
    """Each Han, Kana and Hangul character is a token; other text splits at spaces and punctuation. With
    ``every_character`` (Chinese) every character that is no space is a token, as spaCy's Chinese tokenizer makes
    them in its character mode, in linear time (:meth:`_characters`)."""

    def __init__(self, vocab: Vocab, every_character: bool = False) -> None:
        self.vocab = vocab
        self.every_character = every_character

    def to_disk(self, path: str | Path, **kwargs: object) -> None:
        """Nothing to save: the rule is the code (spaCy saves every tokenizer with the pipeline)."""

    def from_disk(self, path: str | Path, **kwargs: object) -> CharacterTokenizer:
        return self

    def to_bytes(self, **kwargs: object) -> bytes:
        """An empty settings table: spaCy's own tokenizer reading it (a blank pipeline's ``from_bytes``) keeps its rules."""
        return cast(bytes, srsly.msgpack_dumps({}))

    def from_bytes(self, data: bytes, **kwargs: object) -> CharacterTokenizer:
        return self

    def __call__(self, text: str) -> Doc:
        if self.every_character:
            return self._characters(text)
        words: list[str] = []
        spaces: list[bool] = []
        for piece in _PIECES.findall(text):
            if piece == " " and words and not spaces[-1]:
                spaces[-1] = True
            else:
                words.append(piece)
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

    def _characters(self, text: str) -> Doc:
        """The Doc of spaCy's Chinese tokenizer in its character mode, word for word and space for space: each
        character that is no space a token, one space right after it its trailing space, any other run of spaces a
        token of its own. spaCy aligns each character by searching a copy of the rest of the text, which grows with
        the square of the text's length (0.7 s for 160,000 characters, minutes for a window of 500,000)."""
        words: list[str] = []
        spaces: list[bool] = []
        for char, space, run in _CHARACTERS.findall(text):
            words.append(char or run)
            spaces.append(space == " ")
        return Doc(self.vocab, words=words, spaces=spaces)


@spacy.registry.tokenizers("citywatch.character_tokenizer.v1")
def make_character_tokenizer() -> Callable[[Language], CharacterTokenizer]:
    """The registered tokenizer (entry point ``spacy_tokenizers``), so ``spacy.load`` rebuilds it in any process;
    Chinese gets every character apart (``every_character``)."""
    return lambda nlp: CharacterTokenizer(nlp.vocab, every_character=nlp.lang in EVERY_CHARACTER)


class _CharacterDefaults(BaseDefaults):
    """The defaults of a character-tokenized pipeline: its config names the registered tokenizer."""

    config = Config({"nlp": {"tokenizer": {"@tokenizers": "citywatch.character_tokenizer.v1"}}})


def blank_pipeline(lang: str) -> Language:
    """A blank spaCy pipeline whose ``nlp.lang`` is ``lang``; see the module docstring for the tokenizer.

    The class is a bare ``Language`` that only carries ``lang``: importing spaCy's own class for the
    language costs seconds of tokenizer exceptions (3 s for French) that the character tokenizer never
    uses. Its default config names ``lang`` and the registered tokenizer, so ``spacy.load`` of a saved
    pipeline rebuilds it (there with spaCy's class for ``lang``, and the same tokenizer). It is built
    by its constructor, not ``from_config``: filling and validating a config of defaults cost 30 ms of
    CPU per language and process, a tenth of a ``citywatch tag`` run over a stream in nine languages.

    The vocabulary computes no lexical attributes (shape, prefix, suffix, norm, flags): nothing reads the
    article Doc's tokens, and computing them for every new word cost three times the tokenizing itself
    (0.05 CPU-s of a run over the benchmark stream).
    """
    bare: type[Language] = type(f"Characters_{lang}", (Language,), {"lang": lang, "Defaults": _CharacterDefaults})
    return bare(vocab=Vocab(), create_tokenizer=make_character_tokenizer())


# ------------------------------------------------------------------------------------------- boundaries

def _window(text: str, start: int, end: int) -> tuple[int, str]:
    """(offset, text) of the context segmented for a hit: up to WINDOW characters either side, one sentence."""
    left = max(0, start - WINDOW)
    for i in range(start - 1, left - 1, -1):
        if text[i] in _SENTENCE_ENDS:
            left = i + 1
            break
    right = min(len(text), end + WINDOW)
    for i in range(end, right):
        if text[i] in _SENTENCE_ENDS:
            right = i
            break
    return left, text[left:right]


def _jieba(window: str) -> Iterable[tuple[str, str]]:
    return jieba_dict.tag(window)


_REGION_REACH = 300  # characters each side of a Japanese region's name searched for China or another Chinese city


def _japanese_region(text: str, hit: Hit, hits: list[Hit]) -> bool:
    """Is the Japanese hit a region of Japan written like a Chinese city (the ja ``japanese_regions`` cues: 泉州,
    Senshū in Osaka; 三河, Mikawa in Aichi)? Where the text places it in Japan: a word of a region right after it
    (``region_words``: 泉州地域, 三河地方) or a prefecture named around it (``japan_prefectures`` with its 県, 府 or
    都: 大阪府の南部に位置する泉州), and neither China (``china_words``, 福建省's 省 among them; not as where goods are
    made, ``made_in_china``: 中国製) nor another candidate city that is not the end of a longer word around it (廈門;
    not 泉大津市, which holds 津市). Without either the Chinese city stays (「泉州はいい街だ」)."""
    cues = cues_for("ja")
    regions = cues.get("japanese_regions", frozenset())
    if hit.form not in regions or text[hit.end:hit.end + 1] == "市":
        return False
    around = text[max(0, hit.start - _REGION_REACH):hit.end + _REGION_REACH]
    for made_in in cues.get("made_in_china", ()):
        around = around.replace(made_in, "")
    in_japan = text.startswith(tuple(cues["region_words"]), hit.end) or _prefecture().search(around) is not None
    return in_japan and not any(w in around for w in cues["china_words"]) and not any(
        h.form not in regions and not (h.start and script_of_char(text[h.start - 1]) == "han") for h in hits)


@lru_cache(maxsize=1)
def _prefecture() -> re.Pattern[str]:
    """A prefecture of Japan with its 県, 府 or 都 (the ja ``japan_prefectures`` cues), or 北海道."""
    return regexes.compile("(?:" + "|".join(sorted(cues_for("ja")["japan_prefectures"])) + ")[県府都]|北海道")


def _inside_a_chinese_word(text: str, hit: Hit, table: dict[int, str]) -> bool:
    """Japanese text: a Chinese place's name that contains the hit whole after one character of its own (長白山,
    Changbai Mountain, read by Sudachi as 長 | 白山 because its dictionary knows Hakusan, a Japanese mountain): jieba,
    on the simplified copy, reads the longer name as one word. A word that only begins before the hit and ends
    inside it (府上 of 大阪府上海事務所) says nothing, nor does a longer word before it (中国香港, "Hong Kong, China")."""
    if hit.start == 0 or script_of_char(text[hit.start - 1]) != "han" or script_of_char(text[hit.start]) != "han":
        return False
    lo = max(0, hit.start - 4)
    starts = word_starts(text[lo:hit.end + 4].translate(table), False)  # word end -> its start, in the window
    return any(start == hit.start - 1 - lo and end >= hit.end - lo for end, start in starts.items())


def _city_as_a_noun(text: str, hit: Hit, table: dict[int, str], words: list[Word], i: int) -> bool:
    """A name ending in 城 before 市 (应城市, Yingcheng) after a one-character word that makes a word with the name's first
    character: the text reads that word and 城市 "city" (对应城市 is "a counterpart city"), which jieba's dictionary,
    with 应城市 as a place name, reads 对 | 应城市 (山西晋城市 keeps 晋城: 西 is part of 山西)."""
    name = text[hit.start:hit.end].translate(table)
    if i < 1 or len(words[i - 1][2]) != 1 or not (
            name.endswith("城市") or name.endswith("城") and text[hit.end:hit.end + 1] == "市"):
        return False
    return jieba_dict.has_word(words[i - 1][2] + name[0])


@lru_cache(maxsize=1)
def _sudachi_dictionary() -> Any:
    """sudachidict-core, loaded once for both split modes (each load maps the dictionary anew)."""
    from sudachipy import Dictionary

    return Dictionary(dict="core")


@lru_cache(maxsize=1)
def _sudachi() -> Callable[[str], Iterable[tuple[str, str]]]:
    from sudachipy import SplitMode

    tokenizer = _sudachi_dictionary().tokenizer(mode=SplitMode.C)
    return lambda s: ((m.surface(), ",".join(m.part_of_speech()[:4])) for m in tokenizer.tokenize(s))


def _tags_zh(word: str, tag: str, hit: str) -> bool:
    # the hit alone: a name's tag, or a name written with its 市 whatever jieba tags it (五常市, which it tags as the
    # everyday word 五常 "the five virtues" is)
    if word == hit:
        return tag in _ZH_NAME_TAGS or hit.endswith(_ZH_CITY_SUFFIX) and len(hit) > 2
    # 北京大学 begins with Beijing, 北京市政府 and 香港特区政府 are the government of Beijing and of Hong Kong (the
    # unit, 市 or 特区, between the name and the head); 阿里巴巴公司 begins with 阿里巴巴, a longer word than the hit.
    # An abbreviation (tag j) that begins with the name is an organisation's short name only when a head ends it
    # (上海交大, 西安交大). A place that jieba holds as the name and another place's name (北京|天安门广场,
    # 北京|故宫博物院, 桂林|山水), or as the name and its unit or a place word (澳门|特区, 香港|市民), is the city and
    # that place; not the name and a word of another kind (北海|道, Hokkaido; 白山|黑水, the north-east; 沙河|口区, a
    # district of Dalian; 香港|回归, left as it was).
    if tag == "ns" and len(word) > len(hit) and _zh_place_after(word[len(hit):]):
        return True
    # the city's people, which jieba holds as one word (温州人, 福州人, 扬州人: "people of Wenzhou"), as it does not
    # 上海|人; a name of two characters or more (one is an abbreviation's)
    if word == hit + "人" and len(hit) >= 2:
        return True
    if tag not in _ZH_CONTAINING_TAGS and tag != "j":
        return False
    rest = word[len(hit):]
    unit = next((u for u in _ZH_UNITS if rest.startswith(u)), "")
    if rest[len(unit):] in _zh_heads():
        return True
    return tag != "j" and not any(jieba_dict.has_word(word[:n]) for n in range(len(hit) + len(unit) + 1, len(word)))


@lru_cache(maxsize=4096)
def _zh_place_after(rest: str) -> bool:
    """The rest of a jieba place word after a city's name is a place of its own (one word that jieba tags ``ns``, two
    characters or more), the city's unit or place word, or one of its parts (cue ``own_parts``: 地区, 市区, 港, 站;
    平凉地区, 天津港, 长春站), or ends in an organisation's head of two characters or more, which the features then
    read (广州白云机场)."""
    cues = cues_for("zh")
    if rest in _ZH_UNITS or rest in cues["place_words"] or rest in cues.get("own_parts", ()):
        return True
    if len(rest) >= 3 and rest.endswith(tuple(h for h in cues["org_heads"] if len(h) >= 2)):
        return True
    words = jieba_dict.tag(rest)
    return len(rest) >= 2 and len(words) == 1 and words[0][1] == "ns"


@lru_cache(maxsize=1)
def _zh_heads() -> frozenset[str]:
    cues = cues_for("zh")
    return cues["gov_nouns"] | cues["org_heads"]


@lru_cache(maxsize=1)
def _zh_place_heads() -> tuple[str, ...]:
    """Words that make the word before them a place: place words and the government and organisation heads."""
    return tuple(cues_for("zh")["place_words"] | _zh_heads())


@lru_cache(maxsize=1024)
def word_starts(phrase: str, japanese: bool) -> dict[int, int]:
    """For each end of a word of ``phrase`` (jieba's reading, Sudachi's SplitMode.C for Japanese), where that word
    starts: the whole-word check of organisation heads (``nlp.features._whole_head``)."""
    words = (surface for surface, _ in (_sudachi() if japanese else _jieba)(phrase))
    starts, at = {}, 0
    for word in words:
        starts[at + len(word)] = at
        at += len(word)
    return starts


@lru_cache(maxsize=1)
def _sudachi_short() -> Callable[[str], list[str]]:
    """The shortest units (SplitMode.A) of a word: 北京大学 is 北京 | 大学, 北海道新幹線 is 北海道 | 新幹線."""
    from sudachipy import SplitMode

    tokenizer = _sudachi_dictionary().tokenizer(mode=SplitMode.A)
    return lambda s: [m.surface() for m in tokenizer.tokenize(s)]


# Sudachi's dictionary holds some place names with their reading in brackets as one word (大連(だいれん), 武漢(ぶかん))
_READING = regexes.compile(r"[(（][\u3040-\u30ffー]+[)）]")


def _tags_ja(word: str, tag: str, hit: str) -> bool:
    # The hit alone: a proper noun, also with its reading (大連(だいれん)). A longer word it begins: an
    # organisation's name (北京大学) whose first unit is the hit, not a longer name that begins with it (北海道新幹線
    # begins with 北海道, not with Beihai).
    if not tag.startswith("名詞,固有名詞"):
        return False
    return word == hit or word.startswith(hit) and _READING.fullmatch(word, len(hit)) is not None or (
        "地名" not in tag and _sudachi_short()(word)[:1] == [hit])


Word = tuple[int, int, str, str]  # start and end in the window, word, part-of-speech tag


# an island or peninsula named like its city is the city's own (香港岛, 厦门岛, 澳门半岛), which jieba writes as one word
_ISLAND_SUFFIXES = frozenset({"岛", "島", "半岛", "半島"})


def _segmented(text: str, hit: Hit, segment: Callable[[str], Iterable[tuple[str, str]]],
               name_tag: Callable[[str, str, str], bool], simplify: bool = False,
               province_at: int | None = None) -> tuple[str, list[Word], int]:
    """How the segmenter reads the hit: ("name", ...) when its words start at the hit and end at its end (the
    hit is whole words, and a single word is a name) or the hit begins a word that is an organisation's name;
    ("word", ...) when the hit is one whole word the segmenter does not tag as a name; ("no", ...) when the
    hit is part of a longer word. Also the window's words and the index of the hit's first word. ``simplify``:
    segment the window's simplified copy (:func:`nlp.folding.simplified_table`; jieba). ``province_at``: where a province name
    that ends at the hit begins; a word that is that province and the hit (新疆阿勒泰地区) reads as both names."""
    offset, window = _window(text, hit.start, hit.end)
    if simplify:  # (a slice of the text's simplified copy, made once per text)
        window = simplified_text(text)[offset:offset + len(window)]
    start, end = hit.start - offset, hit.end - offset
    position, words = 0, []
    for word, tag in segment(window):
        words.append((position, position + len(word), word, tag))
        position += len(word)
    covering = [w for w in words if w[0] < end and w[1] > start]
    if covering and province_at is not None and offset + covering[0][0] == province_at and covering[-1][1] == end:
        return "name", words, words.index(covering[0])
    if not covering or covering[0][0] != start:
        return "no", words, -1
    first = words.index(covering[0])
    if covering[-1][1] == end and len(covering) > 1:
        return "name", words, first
    if len(covering) == 1 and (name_tag(covering[0][2], covering[0][3], window[start:end])
                               or window[end:covering[0][1]] in _ISLAND_SUFFIXES):
        return "name", words, first
    return ("word" if covering[0][1] == end else "no"), words, first


def _zh_place_context(words: list[Word], i: int, names: frozenset[str]) -> bool:
    """A whole word that jieba does not tag as a name (it tags 大连 an adverb, 合肥 a noun, 拉萨 and 桂林
    people's names) is a place where the sentence says so: after a locative preposition (在, 来自, 赴), before
    a place or government word or an organisation's head (市民, 方面, 政府, 大学), or listed with a place (、
    和 与 between it and a word tagged as a place or one of ``names``, the text's other candidate names). A
    city form whose everyday sense outnumbers the city (合作 "cooperation": the zh ``common_words`` cues) is
    never a place by context."""
    cues = cues_for("zh")
    if words[i][2] in cues["common_words"]:
        return False
    before = words[i - 1][2] if i > 0 else ""
    after = words[i + 1][2] if i + 1 < len(words) else ""
    if before in cues["loc_preps"]:
        # (not 在日照下 "under the sunshine": 在 and the localizer 下 frame the everyday word; 在来宾下车 is 下车)
        return after != "下"
    if after.startswith(_zh_place_heads()):
        return True
    listed = ("、", *cues["relation_preps"])

    def place(w: Word) -> bool:
        return w[3] in _ZH_PLACE_TAGS or w[2] in names

    # right after a larger place (浙江临海, 云南安宁), or listed with a place
    return (i > 0 and words[i - 1][2] in names and words[i - 1][3] in _ZH_PLACE_TAGS) or (
        before in listed and i > 1 and place(words[i - 2])) or (
        after in listed and i + 2 < len(words) and place(words[i + 2]))


def _ja_listed(words: list[Word], i: int, names: frozenset[str]) -> bool:
    """A whole Japanese word that Sudachi reads as a common noun (温州 is 温州みかん's 温州, 大同 "great unity") is
    a place when a list says so: 、 between it and a word Sudachi tags as a place name or one of ``names``
    (寧波、金華、温州)."""
    def place(k: int) -> bool:
        return 0 <= k < len(words) and ("地名" in words[k][3] or words[k][2] in names)

    def comma(k: int) -> bool:
        return 0 <= k < len(words) and words[k][2] == "、"

    return (comma(i - 1) and place(i - 2)) or (comma(i + 1) and place(i + 2))


_NAME_DOTS = frozenset("·・‧•")  # the interpunct between the parts of a transcribed name (吉力里·喀什噶里)
# jieba's tags of a single character that ends or continues a phrase rather than a name: particles, prepositions,
# conjunctions, adverbs, pronouns, numerals, measure words, localisers, modals, interjections, punctuation
_FUNCTION_TAGS = ("u", "p", "c", "d", "r", "m", "q", "f", "y", "e", "o", "x",
                  # ... and Sudachi's of a Japanese suffix or particle (東京・上海間, "between Tokyo and Shanghai", is
                  # no transcription's sound)
                  "接尾辞", "助詞", "助動詞")


def _next_word(words: list[Word], i: int, length: int) -> int:
    """The index of the first window word after the hit (its words from index ``i``, ``length`` characters)."""
    end = words[i][0] + length
    j = i
    while j < len(words) and words[j][1] <= end:
        j += 1
    return j


def _in_transcribed_name(words: list[Word], i: int, length: int) -> bool:
    """Is the hit (window words from index ``i``, ``length`` characters) only part of a transcribed foreign
    name? Chinese writes foreign personal names sound by sound with an interpunct between the parts, and the
    segmenter splits a transcription into single characters (吉力里·喀什噶里, Jelil Kashgari: 喀什 | 噶 | 里;
    艾山·吐鲁番提: 吐鲁番 | 提). So: the hit touches an interpunct on one side, and on the other the next word is
    a single character that is no function word. A whole part stays a place ("中国·杭州国际动漫节",
    "2022·北京冬奥会", "中国·杭州的")."""
    j = _next_word(words, i, length)

    def dot(k: int) -> bool:
        return 0 <= k < len(words) and words[k][2] in _NAME_DOTS

    return (dot(i - 1) and _sound(words, j)) or (dot(j) and _sound(words, i - 1))


def _sound(words: list[Word], k: int) -> bool:
    """Is window word ``k`` a single Han character that is no function word, as the segmenter leaves the sounds of a
    transcription?"""
    return 0 <= k < len(words) and len(words[k][2]) == 1 and script_of_char(words[k][2]) == "han" and \
        not words[k][3].startswith(_FUNCTION_TAGS)


def _after_a_title(words: list[Word], i: int, length: int) -> bool:
    """Does the hit begin with the last character of a title written against the word before it, with a
    transcribed name after it? jieba reads 农业部长沙拉胡丁 ("Agriculture Minister Salahuddin") as 农业部 | 长沙 | 拉 | 胡
    | 丁 and 交通部长沙布里 as 交通部 | 长沙 | 布里: the character before and the hit's first make a ``person_titles``
    word (部长), and a person's name (tagged nr...) or two sounds of a transcription follow the hit. Another word
    after the hit keeps the city (国土资源部长沙矿产资源监督检测中心, the ministry's Changsha centre)."""
    if i == 0 or words[i - 1][2][-1:] + words[i][2][:1] not in cues_for("zh")["person_titles"]:
        return False
    j = _next_word(words, i, length)
    return j < len(words) and words[j][3].startswith("nr") or _sound(words, j) and _sound(words, j + 1)


def _joined_by_a_conjunction(words: list[Word], i: int, length: int) -> bool:
    """Does a hit of several words begin with a conjunction (jieba's tag c) right after a place's name? 于都县和龙南市
    is 于都县 | 和 | 龙 | 南市 ("Yudu County and Longnan City"), not 和龙 (Helong): 和 joins the two places, as in 北京和天津.
    jieba reads Helong with its suffix as one word (吉林和龙市), so the rule leaves it."""
    return 0 < i and len(words[i][2]) < length and words[i][3] == "c" and words[i - 1][3] in _ZH_PLACE_TAGS


_ZH_DIGITS = "0-9０-９一二三四五六七八九十百"  # the digits and numerals both numeral classes below hold
_ZH_NUMERAL = regexes.compile(f"[{_ZH_DIGITS}〇零元]+")
_ZH_YEAR = regexes.compile(_ZH_NUMERAL.pattern + "年")  # 二十六年, 26年, 元年


_COUNTERS = frozenset("对位名个")  # measure words that count people (一对, 两位, 一名)


def _zh_person(words: list[Word], i: int, length: int) -> bool:
    """Is the hit (window words from index ``i``, ``length`` characters, the simplified copy) a person's given
    name? A two-character hit right after a common surname that is its own word and follows no numeral
    (``surnames``: 张吉安, a film director; 一张北京地图 is a map), or after a title and one more character
    (``person_titles``: 财长兰福安, whatever the surname), with no place word after it; or the first two characters of a
    three-character name after a title, before a verb of saying (``name_speech``). Or a person's full name: a
    hit that begins with a surname before a couple that no measure word counts, or before 的 and a spouse or parent
    (``person_after``, ``kin_words``: 沈阳夫妇, 沈阳的妻子; a city has no wife; 一对郑州夫妇 is a couple from the city)."""
    if length != 2:
        return False
    cues = cues_for("zh")
    j = _next_word(words, i, length)
    after = [w[2] for w in words[j:j + 2]]
    counted = i > 0 and words[i - 1][2][-1:] in _COUNTERS  # 一对郑州夫妇, 一名郑州女士: people from the city
    if words[i][2][:1] in cues["surnames"] and after and not counted and (
            after[0] in cues["person_after"] or after[0] == "的" and after[1:] and after[1] in cues["kin_words"]):
        return True
    if i == 0 or j < len(words) and words[j][2].startswith(_zh_place_heads()):
        return False
    before = words[i - 1]
    titled = before[2].endswith(_person_titles())
    # a three-character name whose first two are a city's, after a title and before one more character and a verb of
    # saying or an official's act (青岛港总裁|常德|传|介绍: the port's president Chang Dechuan; 市委书记|吴忠|琼|一行)
    if titled and _sound(words, j) and j + 1 < len(words) and any(
            words[j + 1][2] in cues[key] for key in ("name_speech", "name_acts", "name_acts_alone")):
        return True
    # ... or a two-character name right after the title, before what only a person does (市长|宁波|陪同)
    if titled and j < len(words) and words[j][2] in cues["name_acts_alone"]:
        return True
    if before[2] in cues["surnames"]:
        return not (i > 1 and _ZH_NUMERAL.fullmatch(words[i - 2][2]))
    # the title as a word of its own or the end of one (港务处|处处长|许|嘉兴: jieba joins 处处 "everywhere"); the
    # character between no function word and no verb (市长|赴|长春 is a trip), a surname that jieba also reads as a
    # numeral's word (许, "about") as long as it is no digit
    return i > 1 and words[i - 2][2].endswith(_person_titles()) and len(before[2]) == 1 \
        and script_of_char(before[2]) == "han" and not before[3].startswith(("v",)) and (
            not before[3].startswith(_FUNCTION_TAGS) or before[3] == "m" and not _ZH_NUMERAL.fullmatch(before[2]))


@lru_cache(maxsize=1)
def _person_titles() -> tuple[str, ...]:
    """The zh cue ``person_titles`` as the endings of a word (处长 and 港务处|处处长 alike)."""
    return tuple(cues_for("zh")["person_titles"])


_DIRECTIONS = frozenset("東西南北中东")  # the directions a street's name puts between the city and 路


def _street(words: list[Word], i: int, length: int, lang: str) -> bool:
    """Is the hit (as in :func:`_zh_person`) a street's or a quarter's name? The next word is one of the
    language's ``street_words``: 路, 街, 大道 (温州街, a street in Prato); Japanese 町, 路, 通り (南京町, Kobe's
    Chinatown; 香港路, a street in Yokohama's), also past a direction the segmenter reads as a word of its own
    (南京|西|路, Nanjing West Road in Shanghai), or fused with the name in one word (中山北路, 南京东路: the word's
    rest is the street word). Chinese also a road's bridge (``street_bridge_words``: 哈尔滨|路桥, a bridge of Harbin
    Road in Shanghai) where it ends the phrase: before a noun it is Luqiao, Taizhou's district (台州|路桥|机场), or
    roads and bridges (上海|路桥|集团)."""
    cues = cues_for(lang)
    streets = cues.get("street_words", ())
    rest = words[i][2][length:]
    if rest:
        return rest in streets or (rest[0] in _DIRECTIONS and rest[1:] in streets)
    j = _next_word(words, i, length)
    if j + 1 < len(words) and words[j][2] in _DIRECTIONS:
        j += 1
    if j < len(words) and words[j][2] in cues.get("street_bridge_words", ()):
        return j + 1 == len(words) or not words[j + 1][3].startswith("n")
    return j < len(words) and words[j][2] in streets


def _zh_street_or_era(words: list[Word], i: int, length: int) -> bool:
    """Is the hit (as in :func:`_zh_person`) a street's name (:func:`_street`) or a reign era? A reign era: an era
    name (``era_names``) before a year (绍兴26年, 开平元年) or 年间, after no locative preposition (在绍兴十年 is ten
    years in Shaoxing)."""
    cues = cues_for("zh")
    if _street(words, i, length, "zh"):
        return True
    j = _next_word(words, i, length)
    if "".join(w[2] for w in words[i:j]) in cues["era_names"] and not (i > 0 and words[i - 1][2] in cues["loc_preps"]):
        rest = "".join(w[2] for w in words[j:j + 3])
        return rest.startswith("年间") or _ZH_YEAR.match(rest) is not None
    return False


def _overlaps_a_place_abroad(text: str, hit: Hit, table: dict[int, str]) -> bool:
    """Does the hit begin inside the name of a place outside the mainland written right before it (台北安可场:
    北安 begins inside 台北; 新山南区: 山南 begins inside 新山, Johor Bahru; 清津市: 津市 begins inside 清津, Chongjin)?
    The zh ``taiwan_places``, ``abroad_places`` and ``overlapped_abroad`` cues; jieba splits such runs unpredictably
    when it does not know the words after."""
    cues = cues_for("zh")
    before = text[max(0, hit.start - 3):hit.start + 1].translate(table)
    places = (cues["taiwan_places"], cues["abroad_places"], cues.get("overlapped_abroad", frozenset()))
    return any(before[k:] in known for k in range(len(before) - 1) for known in places)


def _localizer_before_province(text: str, hit: Hit, table: dict[int, str]) -> bool:
    """Is the hit a localizer of the word before and the first character of a province's name (宴会上|海南籍: "at the
    banquet, Hainan-born", not 上海; 会议中|山东省 "in the meeting, Shandong province", not 中山)? The hit begins with 上
    or 中 after another character, a province of the zh ``localizer_provinces`` cues begins at its second character,
    and the province is named as such after it (籍, 省 or 人); 上海南京路 and 中山东路 stay the cities."""
    window = text[hit.start:hit.start + 4].translate(table)
    return hit.start > 0 and window[:1] in ("上", "中") and window[3:4] in ("籍", "省", "人") and (
        window[1:3] in cues_for("zh").get("localizer_provinces", frozenset()))


_JA_PERSON = "名詞,固有名詞,人名"
_JA_PLACE = "名詞,固有名詞,地名"
_MUNICIPALITY_ENDS = ("市", "町", "村", "区")


def _in_a_japanese_address(text: str, hit: Hit, words: list[Word], i: int, names: frozenset[str],
                           table: dict[int, str]) -> bool:
    """Is the Japanese hit the district after a municipality's name in an address (川口市新郷: Shingō in Kawaguchi, not
    Xinxiang)? Sudachi reads a municipality with its 市, 町, 村 or 区 as one place name (川口市, 神戸市中央区); one
    that is none of the text's candidate names (``names``, as jieba reads them) is in Japan, so the name after it is
    that place's district. A Chinese city's (上海市嘉定区, 大連市金州区) is a candidate itself, and a hit written with 市
    is a city of its own (岡山市洛陽市友好都市議員連盟, the Okayama-Luoyang league)."""
    if i < 1 or "市" in text[hit.end - 1:hit.end + 1]:  # the hit's own 市, or 市 right after it
        return False
    _, _, word, tag = words[i - 1]
    return len(word) > 2 and word.endswith(_MUNICIPALITY_ENDS) and tag.startswith(_JA_PLACE) and \
        word.translate(table) not in names and word[:-1].translate(table) not in names  # (with its suffix or without)


_NOT_GIVEN_NAMES = "人籍市省県区出隊組杯戦校大勢系産"  # one character between a place and 選手 that is no given name


def _ja_person(words: list[Word], i: int, length: int) -> bool:
    """A Japanese hit that is a person's name: Sudachi reads it as a given name right after a surname (赤瀬川 |
    原平, Akasegawa Genpei), or as a surname before a given name or a title (和田さん, 和田教授: the ja
    ``person_titles`` cues). Sudachi tags many Chinese cities 人名 when alone, 佛山 and 岳陽 among them, so the
    tag alone says nothing."""
    tag = words[i][3]
    if i > 0 and tag.startswith(_JA_PERSON) and words[i - 1][3] == _JA_PERSON + ",姓":
        return True
    j = _next_word(words, i, length)
    # a Chinese full name before an office's or a person's title: 王 | 安順 | 市長 (Mayor Wang Anshun), 李 | 長春 | 氏
    # (Mr Li Changchun)
    titles = cues_for("ja")["person_titles"]
    if length == 2 and i > 0 and j < len(words) and (words[j][2] in cues_for("ja").get("office_titles", ())
                                                    or words[j][2] in titles):
        surname = words[i - 1][2]
        if len(surname) == 1 and surname.translate(simplified_table()) in cues_for("zh")["surnames"]:
            return True
    # a given name of one character that Sudachi reads as a suffix or a noun, then a title: 青島 | 心 | 選手 (the player
    # Aoshima Shin), 大連 | 愛 | 選手; not where the character says where one is from or plays (上海人選手, 北京籍選手,
    # 北京隊選手, 上海杯選手)
    if j + 1 < len(words) and len(words[j][2]) == 1 and words[j][3].startswith(("接尾辞", "名詞")) \
            and words[j][2] not in _NOT_GIVEN_NAMES and words[j + 1][2] in titles:
        return True
    # a title Sudachi splits in two after the name, whatever it tags the name (中山 | 係 | 長, Nakayama the subsection
    # chief: a surname it reads as a place)
    if j + 1 < len(words) and words[j][2] + words[j + 1][2] in titles:
        return True
    return tag == _JA_PERSON + ",姓" and j < len(words) and (
        words[j][3].startswith(_JA_PERSON + ",名") or words[j][2] in titles)


@lru_cache(maxsize=1)
def korean_suffixes() -> frozenset[str]:
    lines = PARTICLES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if (w := line.split("#", 1)[0].strip()))


@lru_cache(maxsize=1)
def korean_heads() -> tuple[str, ...]:
    """Nouns Korean writes attached after a city name to make a compound (상하이협력기구, 베이징시정부,
    홍콩경찰): the ko cue lists of organisation heads, government nouns and place words, longest first."""
    cues = cues_for("ko")
    heads = {w.replace(" ", "") for key in ("org_heads", "gov_nouns", "place_words") for w in cues.get(key, ())}
    return tuple(sorted(heads, key=len, reverse=True))


KOREAN_WORD = 16  # Hangul characters after a name beyond which the word is no name with its compound and particle


def _korean_rest(rest: str) -> bool:
    """What follows a Hangul name in its word: nothing, a particle or suffix (one more may follow a suffix), or a
    compound's nouns (each a head of ``korean_heads``) with a particle after the last. A longer run than
    ``KOREAN_WORD`` is no such word (and the search stays short whatever the text)."""
    suffixes = korean_suffixes()
    if not rest or rest in suffixes:
        return True
    # a suffix with a particle after it (창춘시장은, "Changchun's mayor" with its topic marker; 베이징시정부는; 청두에만),
    # but not 로 with one after it, which is a road named after the city (우루무치로에, "on Ürümqi Road")
    if any(rest.startswith(suffix) and rest[len(suffix):] in suffixes for suffix in suffixes if suffix != "로"):
        return True
    return len(rest) <= KOREAN_WORD and any(rest.startswith(head) and _korean_rest(rest[len(head):])
                                            for head in korean_heads())


# the Hangul letter araea, which Korean papers type as a middle dot between two names (홍콩ㆍ마카오): no letter of a word
_ARAEA = "\u318d"


def _hangul_letter(char: str) -> bool:
    return char != _ARAEA and script_of_char(char) == "hangul"


def _hangul_ok(text: str, hit: Hit) -> bool:
    """A Hangul hit that is a word of its own (:func:`_korean_rest`), and no road named after the city: 로 written
    against a name that ends in a consonant other than ㄹ is the road's 路 (남경로, Nanjing Road), as the particle
    "to" is 으로 there (남경으로)."""
    if hit.start and _hangul_letter(text[hit.start - 1]):
        return False
    rest = hit.end
    while rest < len(text) and _hangul_letter(text[rest]):
        rest += 1
    if text.startswith("로", hit.end) and _final_consonant(text[hit.end - 1]) not in (0, _RIEUL):
        return False
    return _korean_rest(text[hit.end:rest])


_RIEUL = 8  # the index of ㄹ among the final consonants of a Hangul syllable


def _final_consonant(syllable: str) -> int:
    """The index of a Hangul syllable's final consonant (0: none; anything not a syllable: 0)."""
    code = ord(syllable) - 0xAC00
    return code % 28 if 0 <= code < 11172 else 0


_TENTHS = regexes.compile("[一二两三四五六七八九十几]")


def _tenths(words: list[Word], i: int) -> bool:
    """成 after a numeral counts tenths, so a name that begins with it is no name: 将近四成都是中客 is 四成 | 都是
    ("four tenths are all ..."), which jieba reads 四 | 成都 | 是."""
    return words[i][2].startswith("成") and i > 0 and _TENTHS.fullmatch(words[i - 1][2]) is not None


# the characters before a town's name that end another word or clause rather than begin the name (在北镇, 和北镇)
_BEFORE_A_NAME = frozenset("的在于和与及到从往赴至是为、，,。 ")


def _town_name_end(text: str, hit: Hit, words: list[Word], i: int, province_before: bool, table: dict[int, str]) -> bool:
    """A name of two characters that ends in a town's word (北镇, Beizhen) right after a Han word of one character of
    its own is the end of a town's name (丹北镇, 城北镇, towns of Danyang and of many counties), not the city; not after
    a function word or a province (辽宁北镇), and not a longer name that ends so (景德镇)."""
    name = text[hit.start:hit.end].translate(table)
    return len(name) == 2 and name.endswith(("镇", "乡")) and 0 < i and len(words[i - 1][2]) == 1 \
        and script_of_char(words[i - 1][2]) == "han" and not province_before and words[i - 1][2] not in _BEFORE_A_NAME


_NUMERAL_WORD = regexes.compile(f"[{_ZH_DIGITS}两千万几]+")  # a numeral jieba reads as a word before its measure word


def _counted(words: list[Word], i: int, length: int) -> bool:
    """A hit of several words that begins with a word of one character right after a numeral begins with that
    numeral's measure word: 29项城市机会 is 29 | 项 | 城市 | 机会 ("29 items of city opportunities"), not 项城市
    (Xiangcheng)."""
    return 0 < i and len(words[i][2]) == 1 < length and _NUMERAL_WORD.fullmatch(words[i - 1][2]) is not None


def keep_words(text: str, hits: list[Hit], lang: str | None, names_alone: frozenset[str] = frozenset()) -> list[Hit]:
    """The hits that are whole words: Han and Kana hits checked by the language's segmenter (Chinese for
    any language but Japanese: Han text in a Latin article is Chinese), Hangul hits by the particle rule.

    A Chinese hit that is a whole word jieba does not tag as a name, or an everyday word whatever its tag (the
    zh ``everyday_words`` cues: 江山 "the realm", 安宁 "peace"), is kept when it is the name of a
    prefecture-level city that is no everyday word (``names_alone``: :attr:`nlp.lexicon.Lexicon.han_names_alone`),
    in a place context (:func:`_zh_place_context`) or when the same form, or the form with its 市, is read as a name
    elsewhere in the text (one sense per article); a form read as a person's name once (张吉安, 财长兰福安,
    赤瀬川原平) is no mention anywhere in the text, as a person named in full is later named without the surname or
    title."""
    hits = list(hits)  # a hit may be replaced by its name without the suffix
    verdicts: list[bool | None] = []  # None: a whole Chinese word without a name's tag, decided below
    # the other candidates' names as jieba reads them; OpenCC's table is read only for text with Han hits
    table = simplified_table() if any(script_of_char(text[h.start]) == "han" for h in hits) else {}
    names = frozenset(text[h.start:h.end].translate(table) for h in hits)
    provinces = {h.end: h.start for h in hits if h.kind == "province"}
    people: set[str] = set()  # forms read as a person's name: one sense per article, so every hit of them goes
    for n, hit in enumerate(hits):
        script = script_of_char(text[hit.start])
        if script in {"han", "kana"}:
            japanese = lang == "ja" or script == "kana"
            segment, name_tag = (_sudachi(), _tags_ja) if japanese else (_jieba, _tags_zh)
            how, words, i = _segmented(text, hit, segment, name_tag, not japanese, provinces.get(hit.start))
            if how == "no" and hit.form.endswith(_ZH_CITY_SUFFIX) and len(hit.form) > 2:
                # 大连市民 is 大连 | 市民 (Dalian's residents): the name without its suffix, if that is a word (every
                # Chinese or Japanese form with 市 has its form without: tests/nlp/test_gazetteer.py); Japanese
                # 廊坊市長 is 廊坊 | 市長 (the mayor of Langfang)
                shorter = Hit(hit.start, hit.end - 1, hit.form[:-1], hit.kind)
                how, words, i = _segmented(text, shorter, segment, name_tag, not japanese)
                if how != "no":
                    hits[n] = hit = shorter
            length = hit.end - hit.start
            # (not a "given name" right after a province's name, which Sudachi may read as a surname: 山東 | 威海港)
            if how != "no" and (_ja_person(words, i, length) and hit.start not in provinces if japanese
                                else _zh_person(words, i, length)):
                people.add(hit.form)
                how = "no"
            if how != "no" and japanese and (_japanese_region(text, hit, hits) or _inside_a_chinese_word(text, hit, table)
                                             or _in_a_japanese_address(text, hit, words, i, names, table)):
                how = "no"
            if how != "no" and not japanese and (_city_as_a_noun(text, hit, table, words, i) or _town_name_end(
                    text, hit, words, i, hit.start in provinces, table)):
                how = "no"
            if how != "no" and (_in_transcribed_name(words, i, length) or (_street(words, i, length, "ja") if japanese else (
                    _after_a_title(words, i, length) or _zh_street_or_era(words, i, length)
                    or _overlaps_a_place_abroad(text, hit, table) or _localizer_before_province(text, hit, table)
                    or _tenths(words, i) or _joined_by_a_conjunction(words, i, length) or _counted(words, i, length)))):
                how = "no"
            key = text[hit.start:hit.end].translate(table)  # the hit as jieba reads it (simplified)
            if how == "name" and not japanese and words[i][2] == key and key in cues_for("zh")["everyday_words"]:
                how = "word"  # a whole word that is also an everyday word (江山, 安宁): read as a name only in context
            ok: bool | None = how == "name"
            if how == "word":
                ok = _ja_listed(words, i, names) if japanese else (
                    True if _zh_place_context(words, i, names) or key in names_alone else None)
        elif script == "hangul":
            ok = _hangul_ok(text, hit)
        else:
            ok = True
        verdicts.append(ok)
    named = {hit.form for hit, ok in zip(hits, verdicts, strict=True) if ok}
    # ... the full name read as a name names the short one too (大同市 makes 大同, which jieba reads as the word "great
    # harmony", the city in the same article)
    named |= {form[:-1] for form in named if form.endswith(_ZH_CITY_SUFFIX) and len(form) > 2}
    return [hit for hit, ok in zip(hits, verdicts, strict=True)
            if hit.form not in people and (ok or (ok is None and hit.form in named))]
