"""Features of one mention for the classifier: lexical cues, plus the trained
model's reading of the sentence where one ran.

Lexical features look at a few words either side of the mention in the raw text
(so they work the same for every language and need no tokenizer); model features
read the analysis that ``city_analyzer`` attached (entity type, dependency
relation, governing word). In rules-only mode the model features are all zero
and a separate weight set, trained without them, is used.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from nlp import jieba_dict, regexes
from nlp.cues import cues_for
from nlp.finder import FormMatcher, is_cjk
from nlp.folding import is_radical, simplified_table, simplified_text
from nlp.jieba_dict import words_from

# a word character, or a Devanagari vowel sign, nukta or virama (combining marks, which \w leaves out: कहा, जहाज़)
_W = r"[\w\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963]"
_TOKEN = regexes.compile(rf"[’']s\b|{_W}+(?:[.'’]{_W}+)*|[^\w\s]", re.UNICODE)
_WINDOW = 80
_POSSESSIVE = {"'s", "’s", "'", "’"}
_POSSESSIVE_END = regexes.compile(r"[’']s$")
_JOINERS = {"and", "-", "–", "—", "/", "or", "vs", "vs.", "versus", "et", "y", "und", "与", "和"}
_OPENERS = {'"', "“", "‘", "(", "[", "«", "„"}
_CLOSERS = {'"', "”", "’", "»", "“"}
_NAME_QUOTES = {"«", "„", "“", '"'}  # what opens a quoted name (features.lexical, cue flag quoted_names)
_ORG_CONNECTORS = {"of", "for", "and", "&", "de", "del", "la", "des", "du", "für", "-", "'", "’"}  # "Workers' Stadium"
_ENT_ORG = {"ORG", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
# 第24届, 首届 (the first), 第33回中国・, 第17届中国(, and the event's scope before its host in brackets (第二十三届南海(阳江)
# 开渔节, the South China Sea's fishing season opened at Yangjiang)
_EDITION_NUMBER = "(?:第[0-9０-９一二三四五六七八九十百零〇]+|首)"
# (and Korean's 제2회 before the name's word, past the country's name: 제2회 취저우 란커배, the second Lanke Cup of
# Quzhou; 제15회 중국 선양 한국주 행사)
_EDITION = regexes.compile(
    rf"(?:{_EDITION_NUMBER}[届屆回](?:中[国國][・(（]?|[\u4e00-\u9fff]{{1,4}}[(（])?|제 ?[0-9]{{1,3}} ?회 (?:중국 )?)$")
_EDITION_AFTER = regexes.compile(rf"{_EDITION_NUMBER}[届屆]")  # right after the name (not 回: Japanese counts times so)
_ORDINAL = regexes.compile(r"\d+(?:st|nd|rd|th)")  # an edition's number before an event's name ("the 5th")
# firms' legal forms as every Latin-script language's press copies a Chinese firm's registered English name
# ("YUXINOU (Chongqing) Logistics Co., Ltd." in Spanish copy): a head of the name after its seat in brackets
# a firm's legal form, or "Firm" itself, after its seat in brackets ("Tianhua Zhengxin (Beijing) Accounting Firm"; not
# an org head, as "Beijing Firm Steps Up Exports" is a headline's firm there)
_LEGAL_FORM_WORDS = frozenset({"co", "ltd", "inc", "corp", "llc", "plc", "limited", "gmbh", "ltda", "firm"})
# 3-1, and as Chinese copy writes a score: 3∶1, 3比1; a Korean side's record (2승6무6패: won 2, drew 6, lost 6)
_CJK_SCORE = regexes.compile(r"\d+[-－–―∶比]\d+|\d+승\s?(?:\d+무\s?)?\d+패")
# a score right after the name and its particle makes it a side (日本は香港に4―0と快勝, 香港を2-1で破り)
_SCORE_AFTER = regexes.compile(r"[にをとが]?\d+[-－–―]\d+")
# a score written against a result: "广州82-117负辽宁" (the name, the score, lost to), "以3:1战胜北京" (by 3:1 beat):
# the match itself, whatever else the text says
_RESULT_SCORE = r"\d{1,3}\s?[-－–―:：比]\s?\d{1,3}\s?"
_SCORE_THEN = regexes.compile(rf"\s?以?{_RESULT_SCORE}")
_SCORE_BEFORE = regexes.compile(rf"{_RESULT_SCORE}$")
_RESULTS = ("负", "負", "胜", "勝", "输", "輸", "赢", "贏")
# a name listed before another's exchange shares it (上海、深セン市場と創業板の取引高)
_SHARED_MARKET = regexes.compile(r"(?:[、・や和与及]|と)[^\s、。]{1,4}?(?:市場|市场)")
_LEGAL_FORMS = "股份有限公司|有限责任公司|有限責任公司|有限公司|有限会社|株式会社|유한공사|유한회사|주식회사"
LEGAL_FORM = regexes.compile(_LEGAL_FORMS)
_BRACKETED_FORM = regexes.compile(rf"[^\s、。，,（(]{{0,12}}[（(][^）)]{{1,8}}[）)](?:{_LEGAL_FORMS})")
# a list of firms: the name, more items, then 等 and the kind of firm (not 等地, 等城市: places)
_FIRM_KINDS = "企业|企業|公司|集团|集團|厂商|廠商|车企|車企|钢企|鋼企|银行|銀行|品牌|书店|書店|书局|書局"
# the rest of a firm's registered name after its seat in brackets: up to ten characters, then its form or kind
# (or a body's kind: 中资(澳门)职业介绍所协会, 珠海国际(澳门)职介所, a firm's and an agency's seat; a centre's, not the
# city centre, 市中心: 鄂尔多斯(深圳)人才科创中心, 苹果(乌兰察布)数据中心; a forum held by one city in another:
# 东台(昆山)台商投资恳谈会)
_BODY_KINDS = "协会|協會|商会|商會|联合会|聯合會|介绍所|介紹所|职介所|職介所|事务所|事務所|研究所|(?<!市)中心|恳谈会|懇談會|洽谈会|洽談會"
_FIRM_AFTER_SEAT = regexes.compile(rf"[\u3400-\u9fff]{{0,10}}?(?:{_LEGAL_FORMS}|{_FIRM_KINDS}|{_BODY_KINDS})")
# (the items after the name as a group: the name may also be the last, after another's 、: 雙葉、唐山等書店; the name
# may begin its item, ``rest``: 邳州谷阳新能源、影速光电、博康信息等企业, 益世科生物、苏州华兴源创等企业; the firms may be
# counted before their kind: 比亚迪、合肥长安、安凯汽车等 6 家整车制造企业)
_LISTED_FIRMS = regexes.compile(rf"(?P<rest>[^、，,。；;等\s]{{0,8}})(?P<items>(?:、[^、，,。；;]{{1,8}})*)等"
                                rf"(?![地城省市国國区區县縣])(?:\s?\d{{1,3}}\s?家)?[^，,。；;的]{{0,4}}(?:{_FIRM_KINDS})")
# ... or airports, each the name and its own (北京首都、上海浦东、广州白云等机场: the list's end names their kind)
_LISTED_AIRPORTS = regexes.compile(r"[^、，,。；;等\s]{2,4}(?P<items>(?:、[^、，,。；;]{3,6})*)等(?:国际|國際)?(?:机场|機場)")
# a list of teams named by their city after the word for the teams taking part (参赛队伍为赣州、萍乡、宜春): each is a team
_TEAM_LIST = regexes.compile(r"(?:参赛|参赛的)?(?:队伍|球队|代表队)(?:为|有|包括|是)[:：]?(?:[^、，,。；;：:\s]{1,6}、)*$")
_TEAM_LIST_REACH = 120  # characters before a name searched for that list's start
# ... or a list that ends in how many teams it names (上海正大龍、廈門海豚、福州海俠與深圳藍襪4隊進行角逐)
_TEAMS_COUNTED = regexes.compile(r"[^、，,。；;與与和及\s]{1,6}(?:、[^、，,。；;與与和及\s]{1,6})*(?:[與与和及][^、，,。；;\s]{1,6})?"
                                 r"[0-9一二三四五六七八九十两兩]+[支個个]?球?[隊队]")
# a listed firm's short name and its ticker in brackets (洛阳钼业(03993.HK), 宁德时代（300750）, 洛陽モリブデン(603993/SH)),
# or a name and its acronym in capitals (澳門博彩(SJM), a casino firm), not a unit's or a zone's (香港特別行政区(HKSAR),
# 自由贸易试验区(FTZ): the city's own)
_CJK_CODE_IN_BRACKETS = regexes.compile(r"[\u4e00-\u9fff\u30a0-\u30ff]{1,8}[（(]\s?\d{4,6}(?:[./](?:HK|SH|SZ|SS|T))?\s?[)）]"
                              r"|[\u4e00-\u9fff\u30a0-\u30ff]{0,7}[^\W\d_区區市县縣省州镇鎮港]"
                              r"[（(][A-Z]{2,6}[)）]")
# a share class of the exchange written against its city (上海B株指数, 深圳A股): the exchange's
_SHARE_CLASS_AFTER = regexes.compile(r"[ABHＡＢＨ](?:股|株)")
# (Korean quotes a figure in single marks too: ‘내륙의 상하이’)
_QUOTE_OPENERS, _QUOTE_CLOSERS = "“「『‘\"", "”」』’\""
# what makes a quoted name a figure of speech: "a new X" where something becomes one, "the X in the mountains", "the
# inland X" (打造一个「新香港」, “大山里的深圳”, 被称为“内陆三亚”)
_FIGURATIVE_PREFIXES = ("新", "小", "リトル", "第二个", "第二個", "下一个", "下一個", "另一个", "另一個", "内陆", "內陸")
# verbs of becoming or being called (成为“新香港”, 被誉为“大山里的深圳”), and with them the words that make one (一个小型澳门)
_BECOMING_VERBS = ("成为", "成為", "变成", "變成", "誉为", "譽為", "称为", "稱為", "堪称", "堪稱")
_BECOMING = ("一个", "一個", "一座", "打造", *_BECOMING_VERBS)
_NAMED_AS_AFTER = ("と言われ", "と呼ばれ", "とも呼ばれ", "と称され", "と称し", "之称", "之稱", "的美誉", "的美譽")
_PACKS = regexes.compile(r"[一两二三四五六七八九十几半0-9０-９]+[支包]$")  # 一支, 两包: cigarettes by the stick or the pack

LEXICAL = (
    "org_after", "org_before", "cap_after", "dish_after", "comm_subject", "modal_after", "poss_policy",
    "poss_other", "capital_pair", "relation", "object_verb", "loc_prep", "based", "place_after",
    "place_before", "lower_after", "dateline", "sentence_start", "not_place", "all_caps", "hyphen_cap_after",
    "province_near", "by_agent", "gov_compound", "according_to", "relative_gov", "to_from", "yield_to",
    "gov_after", "transport_near", "person_before", "known_name", "surname_before", "person_after", "sport_verb",
    "sport_context", "figurative", "unit_after", "org_after_lower", "poss_gov", "crew_of", "the_head", "finance_of",
    "nature", "dative_object", "listed_with_city",
)
MODEL = (
    "m_present", "m_gpe", "m_org_longer", "m_org_exact", "m_person", "m_norp", "m_subject", "m_subject_comm",
    "m_object", "m_pobj_loc", "m_poss", "m_compound", "m_conj",
)
NAMES = ("bias", *LEXICAL, *MODEL)


def _tokens(text: str) -> list[str]:
    # Arabic's tatweel (ـ) only stretches a word ("لـمعرض"): the cue lists hold the words without it
    return _TOKEN.findall(text.replace("\u0640", "") if "\u0640" in text else text)


def _cap(token: str) -> bool:
    return token[:1].isupper()


def _lower_word(token: str) -> bool:
    return token[:1].islower()


@lru_cache(maxsize=64)
def _long_heads(heads: frozenset[str]) -> tuple[str, ...]:
    """Organisation heads that can end a compound word (börsen, organisationen, banken): one word of four letters
    or more, so that a short head does not end an unrelated word."""
    return tuple(h for h in heads if len(h) >= 4 and " " not in h)


@lru_cache(maxsize=64)
def _policy_heads(nouns: frozenset[str], adjectives: frozenset[str]) -> frozenset[str]:
    """The policy nouns that make the name's possessive a government's by themselves: not the adjectives among them,
    which do so only before another of them ("X's economic growth" is the place's, "X's economic coercion" not)."""
    return nouns - adjectives


_PARTICLES = frozenset({"for", "up", "out", "off", "over", "down", "in", "on", "back", "through"})  # of phrasal verbs
_IN_WORDS = frozenset({"in", "im", "dans", "en", "nel", "em", "i", "w", "v"})  # "in" in the Latin-script languages
_AND_WORDS = frozenset({"and", "und", "et", "y", "e", "en", "och", "og", "i", "a", "ve", "và", "dan"})
# an acronym, or a brand written with a capital inside it ("SuperNature Macao", "ProWine Shanghai")
_ACRONYM_BEFORE = regexes.compile(r"(?<![\w.&\\-])([A-Z]{2,6}|[A-Za-z]*[a-z]{2}[A-Z][a-z]+) $")
_ACRONYM_REACH = 24  # characters before the name that such a word may take
# capitals before a name that name no branch or edition there: countries, clocks, titles; bodies and diseases that
# act on or strike the place ("the WHO Wuhan team", "a SARS Hong Kong outbreak"), the party whose city committee it is
_NOT_ORG_ACRONYMS = frozenset({"US", "USA", "UK", "EU", "UN", "PRC", "ROC", "SAR", "HK", "AM", "PM", "GMT", "UTC", "CEO",
                               "WHO", "SARS", "MERS", "COVID", "HIV", "AIDS", "GDP", "CPI", "PMI", "CPC", "CCP"})


def _acronym_before(text: str, start: int, surface: str, cues: Mapping[str, frozenset[str]]) -> bool:
    """An organisation's or an event's acronym or brand right before a name in Latin letters: its branch or its
    edition there ("CIFF Guangzhou", a fair; "HSBC Hong Kong", "teamLab SuperNature Macao"); not in a headline
    written in capitals, not a Chinese surname written in capitals ("Prof. CHEN Jian-Guo": the surnames
    :func:`_names_and_people` reads), and not before a Cyrillic name, which a noun before it governs in the genitive ("общего
    GGR Макао", Macau's gaming revenue)."""
    if not surface[:1].isascii() or surface.isupper():
        return False
    acronym = _ACRONYM_BEFORE.search(text, max(0, start - _ACRONYM_REACH), start)
    if acronym is None or acronym.group(1) in _NOT_ORG_ACRONYMS:
        return False
    return acronym.group(1).lower() not in cues["surnames"]


# the word before a colon that opens a list, and the list's items before the name: capitalised names of one to three
# words, each followed by a comma ("Parteciperanno 13 squadre: Tianjin, Shandong, Jiangsu, Shanghai")
_TEAMS_LISTED = regexes.compile(r"([^\W\d_]+)(?:[ \t]+([^\W\d_]+))?[ \t]*:[ \t]*"
                                r"(?:[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}[ \t]*,[ \t]*)*$")
_TEAMS_LISTED_REACH = 300  # characters before the name that such a list may take


def _listed_teams(text: str, start: int, cues: Mapping[str, frozenset[str]]) -> bool:
    """The name is an item of a list that a colon after the word for teams opens ("13 squadre: Tianjin, Shandong,
    Jiangsu, Shanghai", "the eight teams: Beijing, Guangzhou, ..."; cue ``team_list_nouns``): a side, as the list's
    other items are (the Latin-script languages' 参赛队伍为赣州、萍乡, ``_TEAM_LIST``). The items before the name are
    capitalised names with commas only: a list of anything else, or a sentence, breaks it. The word for teams may
    stand one word before the colon, as a German verb's particle follows it ("vier Mannschaften teil: Peking, ...")."""
    nouns = cues.get("team_list_nouns")
    if not nouns or ":" not in text[max(0, start - _TEAMS_LISTED_REACH):start]:
        return False
    opened = _TEAMS_LISTED.search(text, max(0, start - _TEAMS_LISTED_REACH), start)
    return opened is not None and any(word and word.lower() in nouns for word in opened.groups())


# a line break inside a sentence: after no sentence's punctuation, before a word in lower case (a text wrapped at a
# fixed width, as press releases and PDFs are: "магистратуре Шанхайского\nфинансово-экономического университета")
_SOFT_BREAK = regexes.compile(r"(?<=[^\s.!?:;。！？])[ \t]*\n[ \t]*(?=[^\W\d_])")


def _unwrapped(segment: str) -> str:
    """``segment`` with its line breaks inside a sentence as spaces (:data:`_SOFT_BREAK`, the next word lower-case)."""
    if "\n" not in segment:
        return segment
    return _SOFT_BREAK.sub(lambda m: " " if segment[m.end()].islower() else m.group(), segment)


def context(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """Tokens within ~80 characters before and after the mention, cut at line breaks, except a break inside a
    sentence (:func:`_unwrapped`).

    A "\n" marker opens the left side when the line (or text) starts within the window.
    """
    window_start = max(0, start - _WINDOW)
    segment = _unwrapped(text[window_start:start + 1])[:-1]
    cut = segment.rfind("\n")
    left = _tokens(segment[cut + 1:])
    if cut >= 0 or window_start == 0:
        left = ["\n", *left]
    right = _unwrapped(text[end - 1:end + _WINDOW])[1:]  # (from the name's last character: a break may follow it)
    return left, _tokens(right.split("\n", 1)[0])


_ARTICLES = frozenset({"the", "a", "an"})
_CLAUSE_ENDS = frozenset({".", "?", "!", ",", ";", ":"})


def _number(token: str) -> bool:
    """A number or an ordinal written in digits ("404", "1st")."""
    return token.isdigit() or _ORDINAL.fullmatch(token) is not None


def lexical(text: str, start: int, end: int, cues: Mapping[str, frozenset[str]],
            zh_cues: Mapping[str, frozenset[str]] | None = None) -> dict[str, float]:
    if "attached" in cues and not text[start:start + 1].isascii():  # Japanese, Korean: cues attach to the name
        return _cjk(text, start, end, cues)  # (particles, characters); a Latin name in their text reads as Latin
    if text[start:start + 1] and is_cjk(text[start]):  # characters in any other text read Chinese cues
        return _cjk(text, start, end, cues_for("zh") if zh_cues is None else zh_cues)
    before, after = context(text, start, end)
    case, after = _case_marker(after, cues)
    surface = text[start:end]
    a = [t.lower() for t in after]
    b = [t.lower() for t in before]
    grams = _grams(cues)
    f: dict[str, float] = {}

    # organisation / product names: a run of capitalised words ending in an org head, a number among them only
    # before the head ("Chengdu 404 Network Technology"; "Chongqing 30 million" is no name)
    # ... or an edition's ordinal among them ("Jingdezhen 1st International Ceramic Fair")
    run: list[str] = []
    for tok in [] if case else after[:7]:  # a case ending closes the name's phrase ("Pekin'i Hong Kong'daki")
        if _cap(tok) or _number(tok) or tok.lower() in _ORG_CONNECTORS and run:
            # a head with a possessive still ends a name ("Fudan University Shanghai Cancer Center's Xuhui branch")
            run.append(_POSSESSIVE_END.sub("", tok.lower()))
        else:
            break
    # a capitalised run ending in an English head is a name in any language ("la Beijing Capital Airlines")
    english = cues_for("en")["org_heads"]
    numbers = [i for i, t in enumerate(run) if _number(t)]
    if numbers and not any(t in cues["org_heads"] or t in english for t in run[numbers[0]:]):
        run = run[:numbers[0]]
    first_after = after[0] if after else ""
    hyphen_run = len(after) > 1 and first_after == "-" and _cap(after[1])
    if hyphen_run:
        run = [after[1].lower()]
    # names joined by hyphens before a capitalised head name what joins them ("the Hong Kong-Zhuhai-Macao Bridge",
    # "the Beijing-Shanghai High-Speed Railway"): every name of the chain is part of that name
    chain_named = _chain_head(text, start, end, before, after, cues)
    naming = _naming_apposition(a, after, cues)  # "X, a Sichuan restaurant, ...": what follows is the restaurant's
    # ... or the head before the name in lower case ("China's top oilfield, Daqing, ..."; "the Shangri-La Hotel,
    # Xiamen" is the hotel's own name and then its place)
    naming = naming or len(b) >= 2 and b[-1] == "," and b[-2] in cues.get("apposition_heads", frozenset()) \
        and _lower_word(before[-2]) or _as_apposition(b, cues)
    # ... or called so by a verb of naming after such a head ("a chain restaurant called Xi'an", "a bank named Harbin"),
    # which is then no verb the name is the object of (below)
    named_by_verb = len(b) >= 2 and b[-1] in cues.get("naming_verbs", frozenset()) \
        and b[-2] in cues.get("apposition_heads", frozenset())
    naming = naming or named_by_verb
    # an adjective made from the name before a lower-case head: "Шанхайской организации", "Пекинский университет"
    # ... also past more adjectives ("в Шанхайском выставочном центре", "Харбинской международной
    # торгово-экономической ярмарки")
    adjective_endings = tuple(cues.get("adjective_endings", ()))
    adjectival = bool(adjective_endings) and surface.lower().endswith(adjective_endings)
    adjective = adjectival and _head_past_adjectives(a[:6], cues["org_heads"])
    # a compound joined by a hyphen to a lower-case head: "Peking-universitetet", "Shanghai-børsen"; or written as one
    # word whose last part is a head (the finder keeps those in compounding languages): "Shanghaibörsen",
    # "Shanghaisamarbetsorganisationen"
    compound = len(a) > 1 and first_after == "-" and a[1] in cues["org_heads"] or (
        text[end:end + 1].isalpha() and bool(a) and a[0].endswith(_long_heads(cues["org_heads"])))
    # scripts without capitals (Devanagari): a head among the next words ends the name ("शंघाई सहयोग संगठन")
    caseless = not case and _contains(a[:3], cues.get("heads_after", frozenset()), grams)
    # the seat in brackets inside a company's name: "Beyond Technology (Shenzhen) Co., Ltd."
    # ... or before a capitalised run that ends in one ("the NUS (Chongqing) Research Institute")
    bracketed = before[-1:] == ["("] and a[:1] == [")"] and any(
        t.lower() in cues["org_heads"] or t.lower() in _LEGAL_FORM_WORDS for t in itertools.takewhile(_cap, after[1:5]))
    # ... or closing a firm's name after its capitalised head ("Anji Microelectronics Technology (Shanghai)", "Huawei
    # Technologies (Shenzhen)"): the seat written as the name's last part, with no legal form after it (a university's
    # or a museum's seat in brackets is where it is: "Fudan University (Shanghai)"); or beginning the firm's short
    # name in brackets after its legal form ("... Hi-Tech Co. Ltd. (Baotou Rare-Earth)")
    bracketed = bracketed or before[-1:] == ["("] and _after_firm_name(before, after, a, cues)
    # ... and the host in brackets after the country, before an event's capitalised name ("the 11th China (Chongqing)
    # Hotpot Food and Culture Festival")
    bracketed = bracketed or b[-2:] == ["china", "("] and a[:1] == [")"] and any(
        t in cues["org_heads"] for t in itertools.takewhile(lambda t: t in _ORG_CONNECTORS or t.isalpha(), a[1:8]))
    # ... or the host's own district or province in brackets, one or two capitalised words, inside an event's or an
    # institution's name after an article or an edition's ordinal ("the 5th Shenzhen (Longgang) Chess Masters", "The
    # Lincang (Yunnan Province) Intermediate Court"; a dateline's agency in brackets has neither: "BEIJING (Reuters)")
    closing = next((i for i in (2, 3) if a[i:i + 1] == [")"]), 0)
    bracketed = bracketed or a[:1] == ["("] and closing > 0 and all(map(_cap, after[1:closing])) and bool(b) and (
        b[-1] == "the" or _ORDINAL.fullmatch(b[-1]) is not None) and any(
        t.lower() in cues["org_heads"] for t in itertools.takewhile(_cap, after[closing + 1:closing + 6]))
    # languages that quote every name of a club, firm, ship or paper (Russian «Шанхай», «Шанхай Порт», «Нанкинское
    # десятилетие»; German „Peking“; cue flag ``quoted_names``): the name alone or with one more word in quotes
    # (a ship's is the ship rule's, "Суховантаж «Нанкін»"; a word in capitals is quoted as a word, «ПЕКИН»)
    quoted = "quoted_names" in cues and bool(before) and before[-1] in _NAME_QUOTES and (
        bool(a) and a[0] in _CLOSERS or len(a) > 1 and after[0].isalpha() and a[1] in _CLOSERS
        # ... or the adjective made from the name opening a longer quoted name of words only («Харбинский мир снега
        # и льда», a festival)
        or adjectival and _words_to_closing_quote(after)) and not (
        surface.isupper() or _ends(b[:-1], cues["not_place_before"], grams))
    # a title given after a word that introduces one, past a comma or an opening quote ("an exhibition titled,
    # Shanghai: A Wartime Haven"; cue ``title_words``)
    title_words = cues.get("title_words", _NONE)
    entitled = bool(b) and (b[-1] in title_words or len(b) > 1 and b[-1] in {",", *_OPENERS} and b[-2] in title_words)
    # ... or inside a quotation opened right after a word for a show or a work, whatever the title's case (la mostra
    # “Italiani a Shanghai. Dialogo di civiltà”; cue ``title_nouns``)
    entitled = entitled or _in_quoted_title(text, start, cues.get("title_nouns", _NONE))
    # ... or written in title case inside a sentence (English: "in reviewing Jia Zhangke, A Guy From Fenyang, ...")
    entitled = entitled or _title_cased(before, text, start, cues.get("title_prepositions", _NONE))
    # the city's own official name ("the Hong Kong Special Administrative Region", "HONG KONG SAR -"): the city, not
    # a name that begins with it
    own_name = run[:3] == ["special", "administrative", "region"] or run[:1] == ["sar"]
    if own_name:
        run = []
    # a year right after the name names its Games or Expo ("at Beijing 2022", "Hangzhou 2022", "Shanghai 2010"), the
    # size of a side its rugby tournament ("the Hong Kong 7s")
    games_year = bool(a) and text[end:end + 1] == " " and re.fullmatch(r"(19|20)\d\d|\d{1,2}s", a[0]) is not None or (
        _listed_edition(before))
    # a number joined by a hyphen names a craft or model ("the Shenzhou-19 spaceship", "a Dongfeng-41 missile")
    designation = len(a) > 1 and first_after == "-" and text[end:end + 1] == "-" and a[1].isdigit()
    # a group named by its city and a number ("the so-called Hong Kong 47", "the Shanghai 5"), not a quantity after it
    so_called = b[-3:] == ["so", "-", "called"]
    number_after = bool(a) and re.fullmatch(r"\d{1,3}", a[0]) is not None
    designation = designation or number_after and (
        (b[-1:] == ["the"] or so_called) and a[1:2] not in (["%"], ["percent"], ["per"], ["km"], ["degrees"])
        # ... or quoted with its number alone, in any language (als „Hongkong 47“ bezeichnet)
        or bool(b) and b[-1] in _OPENERS and a[1:2] != [] and a[1] in _CLOSERS
        # ... or a word of what a craft carries or does after the number ("Shenzhou 15 astronauts", "the Tianjin 3
        # crew"), which a tally of cities ("Beijing 12, Shanghai 30") never has
        or a[1:2] != [] and a[1] in cues.get("craft_words", _NONE))
    # a numbered institution ("Beijing No. 5 Middle School", "Shanghai No. 6 People's Hospital", "Fuzhou No 16 School")
    numbered = len(a) > 2 and after[0] == "No" and (a[1] == "." and a[2].isdigit() or a[1].isdigit())
    # a listing's code after a colon names the exchange ("WuXi AppTec (Shanghai:603259; HKEX:2359)")
    ticker = _TICKER.match(text, end) is not None
    # a name written with a capital inside a word before another capitalised word is a firm's brand ("WuXi
    # NextCODE", "WuXi AppTec"), not the city ("ShenZhen City", "GuangZhou China" stay places)
    camel = bool(run) and inner_capital(surface) and a[0] not in cues["place_words"] \
        and a[0] not in cues.get("china_words", _NONE)
    # a title in title case around the name ("Lost in Hong Kong"); in Japanese or Korean text, a quotation in their
    # marks that holds another word in Latin letters (『Macao 20 Impressions』, a video)
    title_quoted = "title_small_words" in cues and _title_case_quotation(text, start, end, cues) or (
        "attached" in cues and _quoted_with_latin(text, start, end))
    port_speaks = _port_speaks(b, after, a, cues)
    f["org_after"] = float(any(t in cues["org_heads"] or t in english for t in run) or adjective or compound or camel
                           or caseless or bracketed or quoted or entitled or games_year or designation or numbered
                           or ticker or title_quoted
                           or chain_named or naming or _listing_unhyphenated(after, a, cues)
                           or _shared_plural_head(before, b, after, a, cues) or _shared_name(before, b, after, a, cues)
                           or port_speaks
                           # an article before a name that takes none: a club's or a firm's ("il Guangzhou", "da Macau
                           # Legend"; "Sociedade de Jogos de Macau" in English text)
                           or bool(b) and b[-1] in cues.get("naming_articles", _NONE)
                           # a joint venture named by the city and its foreign partner ("Shanghai-GM", "Beijing-Hyundai",
                           # also without the hyphen: "Shanghai VW's Anting plant")
                           or len(a) > 1 and a[0] == "-" and a[1].removesuffix("'s").removesuffix("’s") in cues.get(
                               "partners_after", _NONE)
                           or bool(a) and _cap(after[0]) and a[0].removesuffix("'s").removesuffix("’s") in cues.get(
                               "partners_after", _NONE)
                           or _time_zone(b, a, cues))
    f["hyphen_cap_after"] = float(hyphen_run and not f["org_after"])
    of_before = {"of", "de", "del", "du", "des"} | cues.get("of_words", frozenset())  # "l'Università di Pechino"
    # (French elides "de" before a vowel: "le Festival d'Harbin", tokens "d" and the apostrophe)
    elided_of = len(b) >= 3 and b[-2] == "d" and b[-1] in ("'", "’")
    f["org_before"] = float(len(b) >= 2 and b[-1] in of_before and _head_before_of(before, b, cues)
                            or elided_of and _head_before_of(before[:-1], b[:-1], cues)
                            # the second of two names the "of" head names together ("the Port of Ningbo Zhoushan")
                            or len(b) >= 3 and b[-2] in of_before and _cap(before[-1]) and text[start - 1:start] == " "
                            and _head_before_of(before[:-1], b[:-1], cues)
                            or _head_first(before, b, cues, grams) or _of_name_before(before, b, cues)
                            or _acronym_before(text, start, surface, cues) or _listed_teams(text, start, cues)
                            # Arabic: a head in the dual governs the name joined by و after the first name (جامعتي
                            # القاهرة وبكين, "the universities of Cairo and Beijing")
                            or surface.startswith("و") and len(b) > 1 and b[-2].endswith("تي")
                            and b[-2] in cues.get("heads_before", frozenset())
                            # a place joined by a hyphen to "based" before the name: a firm's or a person's seat, the
                            # name theirs ("Inner Mongolia-based Baotou said in a filing"; a city is based nowhere)
                            or len(b) >= 3 and b[-1] in _SEAT_WORDS and b[-2] == "-" and _cap(before[-3]))
    # a brand between the name and a lower-case place word: the brand's site in the city ("the Zhengzhou Foxconn
    # plant", "the Shanghai Tesla factory", "the Wuxi SK Hynix M8 plant"), not a name that begins with the city
    brand_site = 0 < len(run) <= 3 and not f["org_after"] and len(after) > len(run) \
        and after[len(run)].islower() and a[len(run)] in cues["place_words"] and a[len(run)] not in cues["org_heads"]
    # a verb of saying before the name makes it the subject of a verb-second clause ("Am Montag drohte Peking ...")
    verb_before = bool(b) and b[-1] in cues.get("verbs_before", frozenset())
    # "the Hong Kong Governor": a capitalised title is not an organisation name; nor, where every noun is
    # capitalised (cue flag ``capitalised_nouns``), the object after a verb-second subject ("kündigte Peking
    # Vergeltung an")
    # the place of an office before its holder's name ("the Deputy Mayor of Sanya Chen Tiejun"): no name's rest
    # nor a province or region written after the name without a comma ("Suzhou Jiangsu", "Lhasa Tibet"), which places
    # it as "Suzhou, Jiangsu" does, nor a date
    f["cap_after"] = float(bool(run) and not f["org_after"] and a[0] not in cues["capitals"] and not _office_of(b, cues)
                           and _POSSESSIVE_END.sub("", a[0]) not in cues.get("titles", frozenset())
                           and not (verb_before and "capitalised_nouns" in cues) and not brand_site
                           and not (len(run) == 1 and _province_word(after[0]))
                           # nor a date after a dateline's place ("BEIJING Oct 23 Chinese excavator maker ...")
                           and not (a[0] in cues.get("months", frozenset()) and a[1:2] != [] and a[1].isdigit()))
    # (also joined by a hyphen: "Wenzhou-style restaurants"; also past words of food and its making: "Liuzhou
    # packaged snail rice noodles")
    modifiers = cues.get("dish_modifiers", _NONE)
    fed = list(itertools.takewhile(lambda t: t in modifiers or t == "-", a[:5])) if modifiers else []
    # (a word in lower case, or capitalised where every noun is: "Tsingtao Bier")
    f["dish_after"] = float(bool(a) and (_lower_word(first_after) or "capitalised_nouns" in cues) and bool(
        _starts(a, cues["dish_words"], 2) or any(t != "-" for t in fed) and (
            _starts(a[len(fed):], cues["dish_words"], 2) or any(t in cues["dish_words"] for t in fed)))
                            or a[:1] == ["-"] and text[end:end + 1] == "-" and a[1:2] in (["style"], ["styled"]))

    # the name as the subject of a verb of saying or deciding (also past an apposition)
    rest = _past_apposition(a)
    skipped = bool(rest) and rest[0] in cues["aux_skip"]
    time_words = cues.get("time_words", frozenset())
    while rest and (rest[0] in cues["aux_skip"] or _adverb(rest[0]) or rest[0] in time_words):
        rest.pop(0)
    verb = _starts(rest, cues["comm_verbs"] | _MODALS | cues.get("modals", frozenset()), grams) or (rest[0] if rest else "")
    # verb-second languages put the participle at the clause end ("Peking hat ... zurückgewiesen")
    late = skipped and any(t in cues.get("late_verbs", frozenset()) for t in _clause(rest))
    # after "officials in X" / "a delegation from X" the verb belongs to the noun before the preposition
    governed = bool(b) and (b[-1] in cues["loc_preps"] or b[-1] in {"from", "of"}) or case in _cases(cues, "locative")
    agent = verb in cues.get("agent_verbs", frozenset()) or verb_before
    # verb-final clauses: the bare name (or one in the agent case) as the subject of the verb that ends the clause,
    # or the genitive subject of a reported clause ("Pekin'in ... vermeyeceğini söyledi")
    final = _final_verb(text, end, cues) if "final_verbs" in cues else ""
    final_subject = bool(final) and _starts_with(final, cues["final_verbs"]) and case == ""
    reported = case in _cases(cues, "genitive") and any(
        t.endswith(tuple(cues.get("reported_endings", ()))) for t in _clause(a)[:8])
    # "X was hit by a typhoon": the place suffers a natural event, no government acts
    suffered = _passive(a, cues) and _nature_in_clause(b, a, cues)
    f["comm_subject"] = float(((verb in cues["comm_verbs"] and verb not in _MODALS) or late or agent or final_subject
                               or reported or case in _cases(cues, "ergative")) and not governed and not suffered
                              and not naming)
    # a modal before "be" and an article describes the place ("Macau would be a better option"), no act of its own
    described = verb in _MODALS and rest[1:2] == ["be"] and rest[2:3] in (["a"], ["an"], ["the"])
    f["modal_after"] = float((verb in _MODALS or verb in cues.get("modals", frozenset())) and not described)
    genitive = case in _cases(cues, "genitive")
    poss = bool(a) and a[0] in _POSSESSIVE or genitive
    nxt = (a[:3] if genitive else [t for t in a[1:6] if t != "-"][:3]) if poss else []  # "X's zero-Covid policy"
    # languages that put the possessor after the noun: "la position de Pékin", "позиция Пекина", "Haltung Pekings"
    of_words = cues.get("of_words")
    policy_before = of_words is not None and bool(b) and (b[-1] in cues["policy_nouns"] or (
        len(b) >= 2 and b[-1] in of_words and _ends([*b[:-2], _unelided(b[-2])], cues["policy_nouns"], grams))
        # past an adjective after the noun: "la respuesta oficial de Pekín", "la politique étrangère de Pékin"
        or len(b) >= 3 and b[-1] in of_words and _unelided(b[-3]) in cues["policy_nouns"] and before[-2].islower())
    # the genitive before the noun: "Pekings hållning", "Pekino pozicija" (cue "genitive_endings", default -s)
    genitive_before = of_words is not None and surface.endswith(tuple(cues.get("genitive_endings", ("s",))))
    policy_before = policy_before or (genitive_before and bool(a) and a[0] in cues["policy_nouns"])
    # English has no ``of_words`` (they would switch on the rule above): a shorter list of its own ("the stance of
    # Beijing", "at the behest of Beijing", "into the hands of Beijing"; not "the trade of Shanghai")
    policy_before = policy_before or len(b) >= 2 and b[-1] == "of" and b[-2] in cues.get("policy_of_nouns", ())
    # an adjective of policy before a place word names a part of the place ("Taizhou's economic development zone",
    # "Shenzhen's trade hub"), not the government's policy
    place_part = any(t in cues["place_words"] for t in nxt[1:]) and not any(t in cues["policy_nouns"] for t in nxt[1:])
    heads = _policy_heads(cues["policy_nouns"], cues.get("policy_adjectives", _NONE))
    f["poss_policy"] = float(poss and not place_part and any(t in heads for t in nxt) or policy_before)
    # "Hong Kong's government", "Macau's leader": the government is named, the city only says whose it is
    f["poss_gov"] = float(poss and bool(nxt) and nxt[0] in cues.get("gov_nouns", frozenset()))
    f["poss_other"] = float(poss and not f["poss_policy"])

    # paired with a foreign capital, or the object of a relation
    joiners = _JOINERS | cues.get("joiners", frozenset())
    # (not one of a list of three or more places: "in Hong Kong, Macau and Taiwan")
    listed = "," in b[-4:]
    pair_after = len(a) >= 2 and a[0] in joiners and _capital_at(a, 1, cues) and not listed
    pair_before = len(b) >= 2 and b[-1] in joiners | {"with", "between", "and", "entre", "zwischen"} \
        and _capital_ending(b[:-1], cues) and not listed
    # "puts Beijing at odds with Washington", "Beijing, in talks with Tokyo": a relation with a capital after the name
    relation_with = len(a) >= 4 and a[0] in {"at", "in"} and _relation_with_capital(a[1:5], cues)
    # ... not where a journey goes to the pair ("traveled to Hong Kong and Taiwan", "visited Beijing and Tokyo") or
    # "in" places the two names joined by "and" ("Büros in London und Shanghai", "offices in Shanghai and London"):
    # places; not "a thaw in Washington-Beijing relations", "aimed at Beijing and Moscow"
    journeys = cues.get("journey_verbs", _NONE)
    journey = bool(b) and (b[-1] in journeys or b[-1] in {"to", "from"} and len(b) >= 2 and b[-2] in journeys)
    located = (pair_after and a[0] in _AND_WORDS and b[-1:] != [] and b[-1] in _IN_WORDS
               or pair_before and b[-1] in _AND_WORDS and len(b) >= 3 and b[-3] in _IN_WORDS)
    f["capital_pair"] = float((pair_after or pair_before or relation_with) and not journey and not located)
    reach = 2 + 2 * grams  # words of a few syllables each ("các cuộc đàm phán giữa")
    rel_before = bool(b) and b[-1] in cues["relation_preps"] and _contains(b[-reach:-1], cues["relation_nouns"], grams)
    rel_after = len(a) >= 2 and a[0] in joiners and _contains(a[1:reach + 1], cues["relation_nouns"], grams)
    f["relation"] = float(rel_before or rel_after)
    # the object before the name (SVO), or the name in the accusative of a clause-final verb ("Pekin'i suçladı");
    # the ablative with a verb of demanding ("Pekin'den ... istedi")
    # ... and the object asked or moved to act ("called on Beijing to release", "prompting Beijing to urge")
    moved = len(a) > 1 and a[0] == "to" and _lower_word(after[1]) and "control_verbs" in cues \
        and _ends(b, cues["control_verbs"] | cues["object_verbs"], 2)
    # ("the so-called X": a name given, no one called upon)
    # ... and the target of a measure or a case ("sanctions against Beijing", "its case against Beijing at the WTO")
    targeted = len(b) >= 2 and b[-1] == "against" and b[-2] in cues.get("against_nouns", _NONE)
    f["object_verb"] = float(_ends(b, cues["object_verbs"], grams) and not (so_called or named_by_verb) or moved
                             or targeted or bool(final)
                             and (case in _cases(cues, "accusative") | _cases(cues, "ablative"))
                             and _starts_with(final, cues["object_verbs"]))
    # "sent by X", "envoyée par X", "inviata da X", "door X gestuurde": the agent of a passive participle
    agent_preps = cues.get("agent_preps", frozenset())
    participle_endings = _PARTICIPLE_ENDINGS + tuple(cues.get("participle_endings", ()))
    # a participle in quotation marks is still one ("ne sera pas « supervisée » par Pékin")
    pb = b[:-2] + b[-1:] if len(b) > 2 and b[-2] in _CLOSERS | {"›"} else b
    # ... and past a phrasal verb's particle ("paid for by X", "set up by X")
    pb = pb[:-2] + pb[-1:] if len(pb) > 2 and pb[-1] == "by" and pb[-2] in _PARTICLES else pb
    agent_first = _agent_before_participle(b, after, a, cues)  # "die Wahl wurde von Peking verboten"
    f["by_agent"] = float(len(pb) >= 2 and pb[-1] in {"by", "par", "por", "von"} and (
        pb[-2].endswith(("ed", "en", "é", "do")) or pb[-2] in cues.get("irregular_participles", frozenset())
        or _passive_before(pb[:-1], cues) or pb[-1] == "by" and pb[-2] in cues["policy_nouns"])  # "a decision by X"
        or len(pb) >= 2 and pb[-1] in agent_preps and (pb[-2].endswith(participle_endings)
                                                       or pb[-2].startswith(tuple(cues.get("participle_prefixes", ()))))
        or bool(b) and b[-1] in agent_preps and bool(a) and a[0].startswith("ge")
        or agent_first
        or bool(b) and b[-1] in cues.get("agent_before", frozenset())  # "do Bắc Kinh cử"
        or bool(a) and a[0] in cues.get("agent_after", frozenset())  # "Pekin tarafından gönderilen"
        # a genitive agent before a passive participle: "Pekino paskirtas", "Pekino atsiųsta"
        or genitive_before and bool(a) and a[0] not in cues["org_heads"]
        and a[0].endswith(tuple(cues.get("agent_participle_endings", ()))))
    # "Beijing-backed", "pro-Beijing"; an adjective that makes the name its government ("официальный Пекин",
    # "official Beijing")
    f["gov_compound"] = float((len(a) >= 2 and a[0] == "-" and a[1] in _GOV_SUFFIXES)
                              or (len(b) >= 2 and b[-1] == "-" and b[-2] in {"pro", "anti"})
                              or bool(b) and b[-1] in cues.get("gov_adjectives", frozenset()))
    f["to_from"] = float(bool(b) and b[-1] in {"to", "from", "toward", "towards"} or case in _cases(cues, "dative")
                         and not (a and a[0] in cues.get("according_words", frozenset())))
    # "caving to X", "bought from X", "aimed squarely at X", "caved in to X", "borrowed heavily from X"
    f["yield_to"] = float(len(b) >= 2 and b[-1] in {"to", "toward", "towards", "from", "for", "at"}
                          and _yielding(b[:-1], cues))
    # "according to X", "selon X", "volgens X"; "X zufolge" puts the word after the name
    according = cues.get("according_words", frozenset())
    f["according_to"] = float(len(b) >= 2 and b[-2:] == ["according", "to"] or bool(b) and b[-1] in according
                              or bool(a) and a[0] in according)
    f["relative_gov"] = float(len(a) >= 3 and a[0] == "," and a[1] in {"which", "who"}
                              and (a[2] in cues["comm_verbs"] or a[2] in {"has", "had"} and len(a) > 3
                                   and a[3] in cues["comm_verbs"]))

    # the place itself
    # (German "von" before a passive's participle is its agent, not where: "wurde von Peking verboten")
    f["loc_prep"] = float(bool(b) and b[-1] in cues["loc_preps"] and not policy_before
                          and not agent_first or _coordinated_place(before, b, cues)
                          or case in _cases(cues, "locative") or case in _cases(cues, "ablative")
                          and not f["object_verb"])
    f["based"] = float(len(a) >= 2 and a[0] == "-" and a[1] in {"based", "headquartered", "born", "made", "area"})
    if f["based"]:  # the name in an adjective of a noun phrase: "acquired by Beijing-based Dalian Wanda", "the deal was
        f["by_agent"] = f["relation"] = 0.0  # advised by Shanghai-based law firm Fangda": no agent, no party
    # "the Beijing government", "Wuhan officials"; a capitalised "Government" is part of a proper name (ORG_PART)
    # (or capitalised where every noun is, cue flag ``capitalised_nouns``: "die Hongkonger Behörden")
    f["gov_after"] = float(bool(a) and a[0] in cues.get("gov_nouns", frozenset()) and (
        _lower_word(first_after) or "capitalised_nouns" in cues))
    f["transport_near"] = float(any(t in cues.get("transport_nouns", frozenset()) for t in b[-5:] + a[:2]))
    # (the country after a name that an "of" head names places the body, not the city: "the Diocese of X, China")
    f["place_after"] = float(bool(a) and a[0] in cues["place_words"] and not port_speaks or own_name or brand_site
                             or (len(a) >= 2 and a[0] == "," and a[1] in cues["china_words"] and not f["org_before"]))
    # (not a capitalised word of the name the name ends: "Mission Hills Haikou", a resort)
    f["place_before"] = float(bool(b) and (b[-1] in cues["place_words"]
                              or (len(b) >= 2 and b[-1] in {"of", "de"} and b[-2] in cues["place_words"]))
                              and not (f["org_before"] and _cap(before[-1])))
    f["lower_after"] = float(bool(a) and _lower_word(first_after) and a[0].isalpha()
                             and not f["comm_subject"] and not f["modal_after"] and not f["dish_after"])
    line_start = not before or before[-1] == "\n"
    # the second of two bureaus or an agency and its bureau at the line's start: "Montreal/Kunming, 13 October
    # 2021 –", "Reuters/Beijing" on a line of its own
    bureau = len(before) >= 2 and before[-1] == "/" and _cap(before[-2]) and before[-3:-2] in ([], ["\n"])
    # "BEIJING, May 3 —"; not the comma Turkish writes after a sentence-initial subject ("Pekin, ... kınadı.")
    f["dateline"] = float((line_start or bureau) and (surface.isupper() or (bool(a) and a[0] in {
        "(", ",", "—", "–", "-", ":"}) or bureau and a[:1] in ([], ["\n"])) and not final_subject)
    f["sentence_start"] = float(line_start or (bool(b) and b[-1] in {".", "!", "?", "\n"} | _OPENERS))
    if title_quoted:  # inside a work's title the words after the name are the title's, its opening mark no sentence's
        f["place_after"] = f["sentence_start"] = 0.0
    quoted = len(b) >= 2 and b[-1] in _OPENERS and _ends(b[:-1], cues["not_place_before"], grams)  # the barque „Peking“
    street = _street(b, after, a, cues)
    # the ship „Peking“, "Pekin" adlı gemi: the name word before or after, also past a closing quote
    after_quote = a[1:2] if a[:1] and a[0] in _CLOSERS else a[:1]
    f["not_place"] = float(quoted or bool(b) and b[-1] in cues["not_place_before"]
                           or bool(after_quote) and after_quote[0] in cues["not_place_after"] and not chain_named
                           or b[-2:] in (["aboard", "the"], ["onboard", "the"], ["à", "bord"], ["an", "bord"])
                           # another name of a river named before ("the Li River or Lijiang"): the river's
                           or b[-2:] in (["river", "or"], ["river", "("])
                           # a historic name in brackets after a province's, the province's old name too ("Guangdong
                           # (Canton)"; not the capital of a dateline, "Yunnan (Kunming)")
                           or b[-1:] == ["("] and a[:1] == [")"] and len(before) > 1 and _province_word(before[-2])
                           and _historic_form(surface)
                           or street == "named" or _the_name_alone(b, after, cues))
    # a person's surname: a capitalised given name right before the form ("Tyler Harbin")
    f["person_before"] = float(bool(b) and _cap(before[-1]) and b[-1] in cues.get("given_names", frozenset()))
    f["all_caps"] = float(surface.isupper() and len(surface) > 3)
    hosts = _hosts_event(a, after, cues)
    f.update(_names_and_people(text, start, end, before, after, b, a, verb, hosts, cues))
    if hosts:  # "Shanghai will host the tournament": the event's place, no government's modal
        f["modal_after"] = f["comm_subject"] = 0.0
    if f["org_before"]:  # "Raffles City Chongqing is said to be ...": the verb is the name's whose end it is
        f["comm_subject"] = 0.0
    if f["person_after"] and a[:1] == ["-"]:  # a given name's hyphen ("Jian-Wei Pan"): no chain, no dateline's dash
        f["hyphen_cap_after"] = f["dateline"] = 0.0
    # "Macao Bridge" at a chain's end is no smaller place named like the city, nor "a Beijing street" a street's name
    if chain_named or street == "the city's":
        f["unit_after"] = 0.0
    if _exchange_listing(before, b, cues):  # the exchange, read as a listed company named alone is
        f["finance_of"], f["loc_prep"] = 1.0, 0.0
    elif _exchange_possessed(after, a, cues):  # the exchange's board: no government's act, whoever adopts it
        f["finance_of"] = 1.0
        for act in ("by_agent", "poss_other", "object_verb", "comm_subject", "yield_to"):
            f[act] = 0.0
    # in copy about a match the name is the team unless a preposition of place governs it ("the final will be
    # played in Chengdu", "fans in Wuhan"); "of" after a player's role and an article before a club are none
    f["sport_context"] *= 1.0 - f["loc_prep"] * (not (f["sport_context"] and _team_before(b, cues)))
    # "the Dalian-based company", "the city of Hangzhou", "Wuhan, central China's Hubei province": the place
    # whatever the sport around it
    placed = f["based"] or f["place_before"] or _placing_apposition(a, cues)
    f["sport_context"] *= 1.0 - placed
    f["sport_verb"] *= 1.0 - placed
    f["yield_to"] *= 1.0 - f["sport_verb"] * f["sport_context"]  # "the defeat to Guangzhou" yields to no government
    return f


_CLOCK = regexes.compile(r"\d{1,2}(?:[:.]\d\d)?(?:am|pm|a\.m\.|p\.m\.)?")


def _time_zone(b: list[str], a: list[str], cues: Mapping[str, frozenset[str]]) -> bool:
    """"<city> time" after a clock's time or a preposition, the time zone named for the city ("at 8 am Beijing time",
    "keep to Beijing time"; cues ``zone_words``, ``clock_words``, ``zone_preps``); not one's time there ("during my Beijing time")."""
    zones = cues.get("zone_words", _NONE)
    return bool(a) and bool(b) and a[0] in zones and (
        b[-1] in cues.get("clock_words", _NONE) or _CLOCK.fullmatch(b[-1]) is not None or b[-1] in cues["loc_preps"]
        or b[-1] in cues.get("zone_preps", _NONE))


def _exchange_listing(before: list[str], b: list[str], cues: Mapping[str, frozenset[str]]) -> bool:
    """The name is where a company is listed: "firms already listed in Shanghai", "Tsingtao listed in Shanghai",
    "a secondary listing in Hong Kong", also as a later name of the list the preposition governs ("listed in
    Shanghai, Shenzhen or New York"), also past an adverb (``listing_adverbs``: "to list either in Hong Kong or New
    York"). Who is listed must be said: a company word, a form of "be", "to" or an adverb, or a capitalised name inside
    the sentence before the verb ("The 20 sites listed in Beijing" are not on a market), unless the verb is said of
    securities only (``securities_verbs``: Russian "котирующихся в Гонконге", quoted in Hong Kong); a listing noun
    needs a word of the market before it (dual, secondary, its: not "rental listings in Beijing"). Other languages
    name their prepositions and joiners (``listing_preps``, ``listing_joiners``: "cotées à Shanghai et Shenzhen")."""
    joiners = {",", "and", "or"} | cues.get("joiners", frozenset()) | cues.get("listing_joiners", frozenset())
    i = len(b) - 1
    while i >= 0 and len(b) - i <= 8 and (b[i] in joiners or _cap(before[i])):  # the names listed before
        i -= 1
    if i < 2 or b[i] not in cues.get("listing_preps", {"in", "on"}):
        return False
    if b[i - 1] in cues.get("listing_adverbs", frozenset()):  # "to list either in Hong Kong or New York"
        i -= 1
    word, subject = b[i - 1], b[i - 2]
    if word in cues.get("securities_verbs", frozenset()):  # said of nothing but securities: котирующихся в Гонконге
        return True
    if word in cues.get("listing_verbs", frozenset()):
        named = _cap(before[i - 2]) and i >= 3 and b[i - 3] not in {".", "!", "?", "\n"}
        return subject in cues.get("listing_subjects", frozenset()) or named
    nouns, modifiers = cues.get("listing_nouns", frozenset()), cues.get("listing_modifiers", frozenset())
    # (the modifier before the noun, or after it where the language puts its adjectives after: "une cotation primaire à")
    return word in nouns and subject in modifiers or subject in nouns and word in modifiers


_TITLED_QUOTE_REACH = 160  # characters from a quotation's opening mark to the name inside it
_TITLE_NOUN_BEFORE = regexes.compile(r"([^\W\d_]+)\s*[,:]?\s*$")  # the word before the opening mark, past a comma


def _title_cased(before: list[str], text: str, start: int, prepositions: frozenset[str]) -> bool:
    """A work's title written in title case without quotes inside a sentence ("in reviewing Jia Zhangke, A Guy From
    Fenyang, there's a temptation"): a preposition capitalised right before the name (cue ``title_prepositions``), a
    capitalised word before it, the capitalised run opened inside a sentence (after a lower-case word or a comma),
    and the name's line no headline in title case (it holds lower-case words besides). A capitalised preposition
    opens sentences ("From Beijing, the train ..."); mid-sentence it is a title's."""
    if not prepositions or len(before) < 3 or before[-1].lower() not in prepositions or not before[-1][:1].isupper() \
            or not _cap(before[-2]):
        return False
    k = len(before) - 2
    while k > 0 and _cap(before[k - 1]):
        k -= 1
    if k == 0 or not (before[k - 1] == "," or before[k - 1][:1].islower()):
        return False
    line_end = text.find("\n", start)
    line = text[text.rfind("\n", 0, start) + 1:line_end if line_end >= 0 else len(text)]
    return sum(word[:1].islower() for word in _tokens(line)) >= _HEADLINE_LOWER


_HEADLINE_LOWER = 4  # lower-case words that make a line prose rather than a headline in title case


def _in_quoted_title(text: str, start: int, nouns: frozenset[str]) -> bool:
    """The name stands inside a quotation that opens right after a word for an exhibition, a film, a book, a theme
    or another work (``nouns``), past a comma or a colon or not: the quotation is its title, the name part of it (la
    mostra “Italiani a Shanghai”, la exposición «Viaje a Pekín», "with the theme, “… Sports New Chengdu, Running to
    WMM”"). A closing mark or a line break between the opening one and the name ends the title before it; a
    straight double quote opens one where an odd number of them stand before the name on its line."""
    if not nouns:
        return False
    head = text[max(0, start - _TITLED_QUOTE_REACH):start]
    head = head[head.rfind("\n") + 1:]
    curly = max(head.rfind("“"), head.rfind("«"), head.rfind("„"))
    straight = head.rfind('"') if head.count('"') % 2 else -1
    opened = max(curly, straight)
    if opened < 0 or opened == curly and any(mark in head[opened:] for mark in ("”", "»")):
        return False
    word = _TITLE_NOUN_BEFORE.search(head, 0, opened)
    return word is not None and word.group(1).lower() in nouns


def _listing_unhyphenated(after: list[str], a: list[str], cues: Mapping[str, frozenset[str]]) -> bool:
    """"Hong Kong listed Smart Union Group": the exchange's listing written without its hyphen, read as "Hong
    Kong-listed" where a company's capitalised name ending in a company's head follows the verb at once. A verb
    with its object has a determiner or the place the object is put on ("Beijing listed the firm", "Beijing listed
    Apple Inc on its entity list")."""
    if len(a) < 3 or a[0] not in cues.get("listing_verbs", frozenset()):
        return False
    name: list[str] = []
    for tok in after[1:7]:
        if not (_cap(tok) or tok.lower() in _ORG_CONNECTORS and name):
            break
        name.append(tok.lower())
    return len(name) > 1 and name[-1] in cues["org_heads"] and a[1 + len(name):2 + len(name)] not in (["on"], ["as"])


def _shared_plural_head(before: list[str], b: list[str], after: list[str], a: list[str],
                        cues: Mapping[str, frozenset[str]]) -> bool:
    """Names joined by "and" or "or" before one plural head share it ("the Shanghai and Shenzhen stock exchanges",
    "Peking and Tsinghua universities", "the Hong Kong, Shanghai and New York Stock Exchanges"): each is part of its
    own name (cue list ``plural_heads_after``; a word of
    shares may come before the head)."""
    heads = cues.get("plural_heads_after", frozenset())
    if not heads:
        return False

    def headed(k: int) -> bool:
        k += int(a[k:k + 1] in (["stock"], ["share"]))
        return a[k:k + 1] != [] and a[k] in heads

    if len(after) > 2 and a[0] in {",", "and", "or"} and _cap(after[1]):  # a name before others: past them
        k, joined = 1, a[0] != ","
        while k < len(after):
            if _cap(after[k]):
                if k > 1 and joined and a[k] in heads:  # a capitalised head ends the last ("Hong Kong and Tianjin Airlines")
                    return True
            elif not (a[k] == "," or a[k] in {"and", "or"} and not joined) or not _cap((after[k + 1:k + 2] or ["."])[0]):
                break  # ... a comma or the one "and" between names ("the Hong Kong, Shanghai and New York exchanges")
            else:
                joined = joined or a[k] != ","
            k += 1
        return joined and headed(k)
    return len(b) > 1 and b[-1] in {"and", "or"} and _cap(before[-2]) and headed(0)


def _after_firm_name(before: list[str], after: list[str], a: list[str], cues: Mapping[str, frozenset[str]]) -> bool:
    """The bracket before the name follows a firm's capitalised head or legal form (past its full stop), and the name
    closes the bracket or begins a capitalised short name in it."""
    head = [t for t in before[-4:-1] if t != "."][-1:]
    return bool(head) and _cap(head[0]) and head[0].lower() in cues.get("firm_heads", _NONE) and (
        a[:1] == [")"] or bool(after) and _cap(after[0]))


def _shared_name(before: list[str], b: list[str], after: list[str], a: list[str],
                 cues: Mapping[str, frozenset[str]]) -> bool:
    """The first of two names joined by "and" after "the", before one capitalised name ending in a head: both begin
    that one name ("the Hong Kong and Macau Affairs Office", "the Beijing and Tianjin Joint Committee"); also the last
    two of a list of names after a capitalised head and "of" ("the Office of Taiwan, Hong Kong and Macao Affairs").
    Without "the" the first name is a place of its own ("flights between Hong Kong and Macau Airport")."""
    if not (b[-1:] == ["the"] or _capitalised_list_after_of(before, b)) or len(after) < 3 or a[0] != "and" \
            or not _cap(after[1]):
        return False
    k = 1
    while k < len(after) and _cap(after[k]):
        k += 1
    return any(t in cues["org_heads"] for t in a[2:k])


def _capitalised_list_after_of(before: list[str], b: list[str]) -> bool:
    """The words before the name are a list of capitalised names and commas opened by "of" after a capitalised word
    ("Office of Taiwan,")."""
    k = len(before) - 1
    if k < 0 or b[k] != ",":
        return False
    while k >= 0 and (b[k] == "," or _cap(before[k])):
        k -= 1
    return k >= 1 and b[k] == "of" and _cap(before[k - 1])


def _exchange_possessed(after: list[str], a: list[str], cues: Mapping[str, frozenset[str]]) -> bool:
    """The name's possessive before its exchange's own words within six tokens (``exchange_possessions``): "Shenzhen's
    start-up board ChiNext", "Hong Kong's bourse"; "Shanghai's tech-focused Star Market" by its capitalised Market.
    Not a board of something ("Beijing's board of education")."""
    words = cues.get("exchange_possessions")
    if not words or not a or a[0] not in _POSSESSIVE:
        return False
    for k in range(1, min(len(a), 7)):  # past a hyphenated adjective ("tech - focused")
        # an index is the exchange's where a capitalised name or a word of shares comes before it ("Hong Kong's
        # main Hang Seng index", "Shanghai's stock index"), not "Beijing's official air quality index"
        index = a[k] in _INDEX_WORDS and not any(_cap(t) or t in _SHARE_WORDS for t in after[1:k])
        if a[k] in words and a[k + 1:k + 2] != ["of"] and not index or a[k] == "market" and after[k] == "Market":
            return True
    return False


_INDEX_WORDS = frozenset({"index", "indices", "indexes"})
_SHARE_WORDS = frozenset({"stock", "stocks", "share", "shares", "equity", "equities", "benchmark", "composite"})


def _placing_apposition(a: list[str], cues: Mapping[str, frozenset[str]]) -> bool:
    """An apposition that places the name: "Wuhan, China", "Wuhan, central China's Hubei province", "Changchun,
    capital city of Jilin", "Guangzhou, a metropolis in South China", "Wuhan, the host city"."""
    if len(a) < 2 or a[0] != ",":
        return False
    places, china = cues["place_words"], cues["china_words"]
    # "China's" right after the comma or after a word of direction ("central China's"), not in a clause ("while
    # China's ...")
    country = [re.sub(r"['’]s$", "", t) for t in a[1:3]]
    return (country[0] in china or a[1] in cues.get("direction_words", frozenset()) and len(country) > 1
            and country[1] in china
            or a[1] in places or a[1] in cues.get("determiners", frozenset()) and any(t in places for t in a[2:4]))


def _office_of(b: list[str], cues: Mapping[str, frozenset[str]]) -> bool:
    """The name follows "<title> of" ("the Deputy Mayor of X"): the place of an office, whose holder's name may follow."""
    return len(b) >= 2 and b[-1] == "of" and b[-2] in cues.get("titles", frozenset())


_APPOSITION_ENDS = frozenset({"of", "in", "on", "at", "with", "whose", "that", "which", "who", "where", "for", "from",
                              "and", "or", "known", "based", "near", "since", "to", "by", "serving", "among",
                              "across", "around", "throughout", "after", "before", "than", "like", "as"})


def _naming_apposition(a: list[str], after: list[str], cues: Mapping[str, frozenset[str]]) -> bool:
    """An apposition or a predicate noun whose head says what the name names: "Dunhuang, a northwestern-Chinese
    restaurant whose ...", "Guangzhou, a two-time champion of the tournament, ...", "Pu'er is a famous tea": a
    restaurant, a club, a tea (cue ``apposition_heads``). The
    head is the last word of the noun phrase after the article; "Xiamen, a port city of ..." ends in a place word.
    A noun phrase capitalised throughout is another name, not what this one names ("the many restaurants in
    Lanzhou, the Jinding Beef Noodle Restaurant on Pingliang Road, ...")."""
    heads = cues.get("apposition_heads")
    # the comma before the closing quote, as American punctuation writes it (The "Xin Shanghai," a vessel ...)
    if a[:1] == [","] and a[1:2] and a[1] in _CLOSERS:
        a, after = a[:1] + a[2:], after[:1] + after[2:]
    # ... or a predicate noun after "is" or "was" ("Pu'er is a famous tea from Yunnan")
    if not heads or len(a) < 3 or a[0] not in {",", "is", "was"}:
        return False
    # after an article or a possessive ("Daqing, PetroChina's largest oilfield": one token)
    if a[1] not in {"a", "an", "the"} and not re.fullmatch(r"\w+[’']s", a[1]):
        return False
    # a word joined by a hyphen or a slash is a compound's part, not a preposition ("a roll-on/roll-off ship")
    phrase: list[str] = []
    for t in a[2:16]:
        joined = bool(phrase) and phrase[-1] in ("-", "/")
        if not (t.isalnum() or t in ("-", "/")) or t in _APPOSITION_ENDS and not joined:
            # a participle before its agent follows the head ("a vessel operated by COSCO", "a restaurant run by")
            if t == "by" and len(phrase) > 1:
                phrase.pop()
            break
        phrase.append(t)
    if not phrase or phrase[-1] not in heads or all(w[:1].isupper() for w in after[2:2 + len(phrase)] if w.isalpha()):
        return False
    # after "is" not a word of sport, which a city is figuratively too ("Shenzhen is a champion of innovation")
    return a[0] == "," or phrase[-1] not in cues.get("apposition_only_heads", frozenset())


def _as_apposition(b: list[str], cues: Mapping[str, frozenset[str]]) -> bool:
    """A clause that begins the sentence with "as" and a noun phrase whose head says what the name after its comma
    names ("As China's first aircraft design institute established after 1949, Shenyang has pioneered ...": the
    institute; cue ``apposition_heads``). The head is the last word before a preposition, a participle or the
    comma; "As a city famous for its beer, Qingdao ..." ends in an adjective and names the city."""
    heads = cues.get("apposition_heads")
    if not heads or b[-1:] != [","]:
        return False
    window = b[-18:-1]
    starts = [i for i, t in enumerate(window) if t == "as" and (i == 0 and len(b) <= 18 or window[i - 1:i] != []
                                                                and window[i - 1] in {".", "!", "?", "\n"})]
    if not starts:
        return False
    phrase: list[str] = []
    for t in window[starts[-1] + 1:]:
        if t in _APPOSITION_ENDS or t.endswith("ed") or not t.replace("'", "").replace("’", "").isalnum():
            break
        phrase.append(t)
    return bool(phrase) and phrase[-1] in heads


def _chain_head(text: str, start: int, end: int, before: list[str], after: list[str],
                cues: Mapping[str, frozenset[str]]) -> bool:
    """The name is one of capitalised names joined by hyphens that a capitalised head ends ("the Hong
    Kong-Zhuhai-Macao Bridge", "the Guangzhou-Shenzhen-Hong Kong Express Rail Link"): an organisation head or a word
    of ``unit_words`` (Bridge, Road) names the link between the places, as a route's name; three names or more also
    with a head in lower case after them or, in languages that put it first, before them (cues ``heads_before``,
    ``link_heads_before``: "le pont Hong Kong-Zhuhai-Macao"). The name's own hyphen is written against it: a
    dateline's dash stands apart ("HONG KONG - Hong Kong Exchanges ...")."""
    joined_before = text[start - 1:start] == "-" and len(before) > 1 and _cap(before[-2])
    joined_after = text[end:end + 1] == "-"
    if not (joined_before or joined_after):
        return False
    i = 0
    while joined_after and i + 1 < len(after) and after[i] == "-" and _cap(after[i + 1]):
        i += 2
    if joined_after and i == 0:
        return False
    # (and Express, a train's or an airline's name: "the Chengdu-Europe Express", "the Hong Kong-Macau Express"; and
    # English heads in any text, as for a capitalised run: 宁波舟山港(Ningbo-Zhoushan Port))
    heads, english = cues["org_heads"] | cues.get("unit_words", frozenset()) | {"express"}, cues_for("en")["org_heads"]
    # the rest of the last name and its head: capitalised words (also hyphen-joined: "High-Speed Railway")
    run = list(itertools.takewhile(lambda t: _cap(t) or t == "-", after[i:i + 6]))
    if any(t.lower() in heads or t.lower() in english for t in run):
        return True
    # three names or more name their link in lower case too ("the Hong Kong-Macau-Zhuhai bridge"); two are a route
    # between places ("the Beijing-Shanghai railway")
    links_before = 0
    while joined_before and len(before) > 2 * links_before + 1 and before[-1 - 2 * links_before] == "-" \
            and _cap(before[-2 - 2 * links_before]):
        links_before += 1
    head = after[i + len(run):i + len(run) + 1]
    if 1 + links_before + i // 2 < 3:
        return False
    if bool(head) and head[0].lower() in heads:
        return True
    # ... or a head before the first name, as French or Spanish put it ("le pont Hong Kong-Zhuhai-Macao"), past the
    # first name's words and, where nouns are capitalised, others ("die Brücke Hongkong-Zhuhai-Macau")
    firsts = cues.get("heads_before", frozenset()) | cues.get("link_heads_before", frozenset())
    for tok in reversed(before[max(0, len(before) - 2 * links_before - 4):len(before) - 2 * links_before]):
        if tok.lower() in firsts:
            return True
        if not _cap(tok):
            break
    return False


def _street(b: list[str], after: list[str], a: list[str], cues: Mapping[str, frozenset[str]]) -> str:
    """A lower-case street word right after the name (cue ``street_words``): "named" for a street named for the city,
    written without an article and ending its noun phrase ("converging at Wulumuqi street, named after ..."); "the
    city's" for one of the city's streets ("a Beijing street"); "" otherwise ("Shanghai street food" is the city's food).
    """
    if not a or a[0] not in cues.get("street_words", frozenset()) or not after[0].islower():
        return ""
    if b and b[-1] in cues.get("determiners", frozenset()):
        return "the city's"
    if b and b[-1] in _POSSESSIVE:
        return ""
    ends = len(a) == 1 or not a[1].isalpha() or a[1] in _APPOSITION_ENDS | {"named", "is", "was", "where"}
    return "named" if ends else ""


def _coordinated_place(before: list[str], b: list[str], cues: Mapping[str, frozenset[str]]) -> bool:
    """The name is the second of two joined by "and" or "or" after a preposition of place ("in Shanghai and
    Shenzhen", "in Hong Kong or Macau"): the preposition governs both."""
    if len(b) < 3 or b[-1] not in cues.get("coordinators", frozenset()):
        return False
    i = len(b) - 2
    while i > 0 and len(b) - i <= 4 and _cap(before[i]):
        i -= 1
    return i < len(b) - 2 and b[i] in cues["loc_preps"]


_OFFICE_PREPS = frozenset({"to", "of"})  # "Ambassador to South Africa", "Mayor of San Francisco"
_SYLLABLE_LETTERS = 6  # the longest pinyin syllable (zhuang, shuang)


def _caseless_surname_before(b: list[str], surface: str, surnames: frozenset[str]) -> bool:
    """In a script without capitals (Arabic), a transcribed surname right before the name, or before one syllable of a
    given name written apart and then the name (تشو شيان, Zhou Xian...; تساو ساي شيان, Cao Saixian): the name ends a
    person's, where the lower-case surnames of a Latin-script language would be read as words."""
    if surface[:1].isupper() or surface[:1].islower() or not b:
        return False
    return b[-1] in surnames or len(b) >= 2 and b[-2] in surnames and len(b[-1]) <= 3 and b[-1].isalpha()


def _names_and_people(text: str, start: int, end: int, before: list[str], after: list[str], b: list[str],
                      a: list[str], verb: str, hosts: bool, cues: Mapping[str, frozenset[str]]) -> dict[str, float]:
    """Cues that the name is part of a longer name, a person's name, a team, a figure of speech or a smaller place
    (``hosts``: the name hosts an event, :func:`_hosts_event`)."""
    f: dict[str, float] = {"known_name": float(in_known_name(text, start, end))}
    # a Chinese name is written the same in every Latin-script language ("Hu Sihui", "Zhang Yimou")
    surnames = cues["surnames"]
    # "Liu Xian", "Xu Jilin": a capitalised surname right before, not after a preposition ("in Ma'anshan")
    # ... nor the last word of a longer capitalised name, two capitalised words before it that are no titles
    # ("Sino-Ocean Taikoo Li Chengdu", a mall; "Vice Premier Liu He" keeps its person)
    # ... unless those two words are the place of an office after its preposition ("Consul General in Kota Kinabalu
    # Huang Shifang")
    titles = cues.get("titles", frozenset())
    longer = len(b) >= 3 and _cap(before[-2]) and _cap(before[-3]) and not {b[-2], b[-3]} & titles and not (
        len(b) >= 4 and b[-4] in cues["loc_preps"] | _OFFICE_PREPS)
    # ... or a surname and one syllable of a given name written apart ("Zhang Wen Xian")
    split_given = len(b) >= 2 and b[-2] in surnames and _cap(before[-2]) and _cap(before[-1]) \
        and before[-1].isalpha() and len(before[-1]) <= _SYLLABLE_LETTERS and (len(b) < 3 or b[-3] not in cues["loc_preps"])
    f["surname_before"] = float(bool(b) and _cap(before[-1]) and b[-1] in surnames
                                and (len(b) < 2 or b[-2] not in cues["loc_preps"]) and not longer or split_given
                                or _caseless_surname_before(b, text[start:end], surnames))
    # "Xian Lim", "Lhasa de Sela": a capitalised surname or a particle and a capitalised word right after; not the
    # place of an office before its holder's name ("the Deputy Mayor of Sanya Chen Tiejun")
    # ... or a given name written with a hyphen before the surname ("Jian-Wei Pan", as Chinese scientists sign abroad)
    hyphen_given = len(a) >= 3 and text[end:end + 1] == "-" and a[0] == "-" and _cap(after[1]) \
        and after[1].isalpha() and len(after[1]) <= 6 and _cap(after[2]) and a[2] in surnames
    f["person_after"] = float((bool(a) and _cap(after[0]) and a[0] in surnames
                               or len(a) >= 2 and a[0] in {"de", "da", "del", "van", "von", "dos"} and _cap(after[1])
                               or hyphen_given)
                              and not _office_of(b, cues))
    sport = cues.get("sport_words", frozenset())
    # a side agreeing with a plural verb is a team in any copy ("the Shanghai side have not won since March")
    side_plural = len(a) > 1 and a[0] in cues.get("side_nouns", frozenset()) and a[1] in _PLURAL_VERBS
    # ... and so is one referred back to in the plural before a player's role or a word of sport ("sacked their
    # manager")
    side_plural = side_plural or _plural_side(a, verb, cues) and (
        a[2] in cues.get("sport_roles", frozenset()) or a[2] in sport) or _plural_role(a, verb, cues)
    # the article before a name that these languages write without one ("il Wuhan", "el Shanghái") counts as a
    # word of sport: what takes it is a club (or a company)
    club_article = int(bool(b) and b[-1] in cues.get("team_articles", frozenset()))
    # a player's role as the name's possession says sport once more ("Nantong's manager"); the name's own verb
    # does not, as a city wins bids and hosts games too
    own = int(len(a) > 1 and a[0] in _POSSESSIVE and a[1] in cues.get("sport_roles", frozenset()))
    # a word of sport right before the opponent's word says a match by itself ("the match between Chengdu and")
    own += 2 * int(len(b) > 1 and b[-2] in sport and b[-1] in cues.get("team_before", frozenset()))
    evidence = _sport_points(b[-20:] + a[:20], cues) + _scoreline(b, a, cues) + club_article + own
    f["sport_context"] = float(evidence >= 2 or side_plural)
    f["sport_verb"] = float(_team(b, a, verb, bool(f["sport_context"]), cues))
    if hosts:  # the host of an event is its place, whatever the sport around it
        f["sport_context"] = f["sport_verb"] = 0.0
    # a team's structure ("Beijing have 10 points", "all Chongqing players") with the match told in the sentences
    # around it rather than beside the name: both cues, as a match report is match copy beyond any 80 characters
    elif not f["sport_context"] and "sport_words" in cues and (_team(b, a, verb, True, cues) and _match_copy(
            text, start, end, cues) or _roster(text, start, end, cues)):
        f["sport_context"] = f["sport_verb"] = 1.0
    # ... and a nickname made of the name and a capitalised word before it, another place's ("a Chinatown known as
    # Santo Beijing", "Little Shanghai"; cue ``nickname_before``), not at a sentence's start
    # ... or after an adjective of that list that no place takes as the end of its clause ("become China's new Hong
    # Kong?", "a second Shenzhen.")
    figure_words = cues.get("figurative_before", frozenset())
    f["figurative"] = float(bool(b) and b[-1] in figure_words and a[:1] == ["of"]
                            or bool(b) and b[-1] in figure_words and b[-1] not in _ARTICLES
                            and (not a or a[0] in _CLAUSE_ENDS)
                            or len(b) > 1 and b[-1] in cues.get("nickname_before", frozenset()) and _cap(before[-1])
                            and b[-2] not in {".", "!", "?", "\n"} | _OPENERS)
    units = cues.get("unit_words", frozenset())
    # (an English unit word capitalised after the name in any Latin-script language: "a Urumqi Road" in Italian)
    f["unit_after"] = float(bool(a) and (a[0] in units or _cap(after[0]) and a[0] in cues_for("en")["unit_words"])
                            or len(a) >= 2 and a[0] == "-" and a[1] in units
                            or len(a) >= 2 and _cap(after[0]) and a[0] in cues.get("street_directions", _NONE)
                            and a[1] in units
                            # ... or a bay, a gulf or a county before it with the word for "of" ("la baia di
                            # Shenzhen", "la Contea di Nanjing"): the water or county named like the city (cue
                            # ``units_before``)
                            or len(b) >= 2 and b[-1] in {"of"} | cues.get("of_words", _NONE)
                            and b[-2] in cues.get("units_before", _NONE))
    heads = cues.get("lower_org_heads", frozenset())
    # past a share class and a hyphen: "Shanghai B shares", "the Shenzhen B-share index", "Hong Kong-listed"
    skip = int(bool(after) and after[0] in _SHARE_CLASSES and len(a) > 1 and a[1] in {"shares", "share", "-"})
    skip += int(a[skip:skip + 1] == ["-"])
    # the name's own noun phrase: a determiner or a form of "be" ends it ("Kiu-kiang was a treaty port")
    determiners, forms_of_be = cues.get("determiners", frozenset()), cues.get("passive_aux", frozenset())
    lower_run = []
    for t, written in zip(a[skip:skip + 3], after[skip:skip + 3], strict=False):
        # ... and so does a conjunction or a capitalised word ("Shanghai and Jiangsu traded points": not a listing)
        if t in determiners or t in forms_of_be or t in _CONJUNCTIONS or written[:1].isupper():
            break
        if t.isalpha():
            lower_run.append(t)
    # goods of an exchange with a price's move in the clause: the exchange's contract ("Zhengzhou cotton slipped")
    traded = bool(a) and a[0] in cues.get("exchange_goods", frozenset()) and any(
        t in cues.get("market_moves", frozenset()) for t in _clause(a)[1:8])
    # a law known by the name of the place it was made for, in lower case ("the Hong Kong national security law"; cue
    # ``law_names``), not the place's law as a whole ("governed by Hong Kong law")
    # ... and a show known by the place it is held in ("the Beijing motor show"; cue ``lower_event_names``)
    known_names = tuple(cues.get("law_names", ())) + tuple(cues.get("lower_event_names", ()))
    known = bool(lower_run) and " ".join(lower_run).startswith(known_names)
    f["org_after_lower"] = float(len(after) > skip and _lower_word(after[skip]) and any(t in heads for t in lower_run)
                                 or traded or known)
    f.update(_ships_markets_nature(b, a, cues))
    return f


def inner_capital(surface: str) -> bool:
    """A word of the name has a capital after its first letter and is not in capitals throughout ("WuXi", "ShenZhen";
    not "Hong Kong", not "HONG KONG"): how firms write their brand, and some writers the city."""
    return any(w[1:] != w[1:].lower() and not w.isupper() for w in re.split(r"[\s'’-]+", surface))


# a German past participle: ge- (with a separable prefix before it), an inseparable prefix, or -iert
_GERMAN_PARTICIPLE = regexes.compile(
    r"(?:an|auf|aus|ab|ein|vor|zu|zurück|fest|nach|um)?ge\w{3,}|(?:ver|er|be|ent|zer|emp|miss)\w{2,}(?:t|en)|\w+iert")


def _agent_before_participle(b: list[str], after: list[str], a: list[str], cues: Mapping[str, frozenset[str]]) -> bool:
    """German puts a passive's participle after its agent: "wurde von Peking verboten", "war von Peking erlassen
    worden". The preposition (``agent_preps_before``: von), a participle right after the name (ge-, an inseparable
    prefix, -iert or one of ``late_verbs``; in lower case, as German writes no noun) and a form of werden in the
    clause before or "worden" after; without that auxiliary "von X" is where something comes from ("50 km von Peking
    entfernt", "nördlich von Peking gelegen")."""
    if not (b and a and b[-1] in cues.get("agent_preps_before", _NONE)):
        return False
    participle = after[0][:1].islower() and (_GERMAN_PARTICIPLE.fullmatch(a[0]) is not None
                                             or a[0] in cues.get("late_verbs", _NONE))
    clause = _clause(list(reversed(b[:-1])))  # back to the clause's start
    return participle and (any(t in cues.get("passive_aux_before", _NONE) for t in clause) or a[1:2] == ["worden"])


def _passive_before(b: list[str], cues: Mapping[str, frozenset[str]]) -> bool:
    """A passive whose complement comes between it and "by" ("was imposed on the city by Beijing"): a form of
    "be" and a participle within the five words before."""
    aux = cues.get("passive_aux", frozenset())
    for i in range(2, min(len(b), 6)):
        if b[-i].endswith("ed") and b[-i - 1] in aux:
            return not any(t in {",", ";", "and", "but"} for t in b[-i + 1:])
    return False


# the plural agreement British copy gives a side, not a city or its government ("Guangzhou want to retain the title",
# "Wuhan remain top"): the third person would be "wants", "remains"
_PLURAL_VERBS = frozenset({"are", "were", "have", "want", "need", "remain", "hope", "look"})
_CONJUNCTIONS = frozenset({"and", "or", "but", "und", "et", "y", "e", "i", "og", "och", "en"})
_OF = frozenset({"of"})  # English, which has no ``of_words`` cue (it would switch on the Romance policy rule)


def _hyphen_joined(words: list[str]) -> list[str]:
    """The words with a hyphenated word also as one ("semi", "-", "final" adds "semi-final"; "guarda-redes"), as
    the tokenizer splits at hyphens and cue lists hold the whole word, and an elided word also without its article
    or preposition ("l'attaquant", "dell'allenatore")."""
    elided = [w.rsplit("'", 1)[1] for w in words if "'" in w[1:-1]]
    return words + elided + ["".join(words[i:i + 3]) for i in range(len(words) - 2) if words[i + 1] == "-"]


def _team(b: list[str], a: list[str], verb: str, sport_context: bool, cues: Mapping[str, frozenset[str]]) -> bool:
    """The name stands for a team: the subject of a verb of sport; and in copy about a match (which a side agreeing
    with a plural verb, "the Dalian side were", is by itself), the name with a plural verb ("Nanjing are three
    points clear"), "the X side", before a player's role ("Wuhan captain Zhang"), as the possessor of a result
    ("Shenzhen's 3-1 defeat"), as the side a goal puts ahead ("put Chengdu in front"), as the opponent: the object
    of a verb of sport or after "against", "between", "lost to", "victory over", "joined" ("Zhejiang thrashed
    Shenzhen 5-0"), or as the receiver of a result ("a late
    penalty gave Shenzhen a 1-0 win"), before a word of its play ("a late Chengdu goal"), as the side a result is
    for ("the winner for Guangzhou"), in a fixture ("Beijing v Shanghai", the away side "@ Dongguan") or as the
    subject of a verb whose object is a role of its staff ("Guangzhou relieving coach X"). A city's government or its people are
    written with none of these in match copy; a preposition of place keeps the place, and so does hosting an event
    ("Shanghai has been hosting this tournament"): the caller zeroes the cues after either."""
    sport_verbs = cues.get("sport_verbs", frozenset())
    if verb in sport_verbs:
        return True
    if not sport_context:
        return False
    roles, sport = cues.get("sport_roles", frozenset()), cues.get("sport_words", frozenset())
    match_verbs = cues.get("match_verbs", frozenset())
    side = bool(a) and a[0] in cues.get("side_nouns", frozenset())
    possessor = bool(a) and a[0] in _POSSESSIVE and any(
        t in sport or t in sport_verbs or t in roles for t in [t for t in a[1:6] if t != "-"][:3])
    # the subject of a verb whose object is a role of its staff ("Guangzhou relieving coach Fabio Cannavaro of his
    # post", "Shanghai sacked manager X")
    staffing = len(a) > 1 and a[1] in roles and a[0].endswith(("ed", "ing"))
    b = _without_scores(b)
    # "the winner for Guangzhou", "tied the game for Shanghai": the side a word of sport just before is for
    for_side = len(b) > 1 and b[-1] in cues.get("team_after_sport", frozenset()) and any(
        t in sport or t in sport_verbs for t in b[-4:-1])
    # the side a result puts ahead or level ("Yang's header put Chengdu in front", "drew Shanghai level")
    ahead = a[:1] in (["ahead"], ["level"]) or a[:2] == ["in", "front"] and a[2:3] != ["of"]
    return (for_side or ahead or bool(a) and (a[0] in _PLURAL_VERBS or a[0] in roles
                                              or a[0] in cues.get("fixture_marks", frozenset())
                                              or a[0] in cues.get("team_nouns", frozenset()))
            or side or possessor or staffing or _away(b)
            or _plural_side(a, verb, cues)
            or bool(b) and (b[-1] in sport_verbs or b[-1] in match_verbs
                            or b[-1] in cues.get("ditransitive_verbs", frozenset()))
            or verb in match_verbs or _team_before(b, cues))


def _hosts_event(a: list[str], written: list[str], cues: Mapping[str, frozenset[str]]) -> bool:
    """The name hosts an event ("Shanghai has been hosting this tournament since 2009") or wins the bid to host one:
    the city as the place of the event, not a team hosting another ("Qingdao will host Cangzhou"). The host verb may
    follow auxiliaries and adverbs ("will likely host"), the event's word up to six words after it ("the most attended
    public event"); a capitalised name there is the event only if its words hold such a word (``written``, the tokens
    as written: "the World University Games"): "Beijing hosted Shanghai in the basketball final" is a team hosting
    another."""
    hosts = cues.get("host_verbs")
    if not hosts:
        return False
    # ... or wins the bid or the right to host one ("Zhangjiakou won the bid to hold the Winter Olympics")
    if a[:1] and a[0] in cues.get("sport_verbs", frozenset()) and any(
            w in cues.get("bid_words", frozenset()) for w in a[1:4]):
        return True
    for i, t in enumerate(a[:4]):
        if t in hosts:
            events = cues.get("event_words", frozenset())
            window = list(zip(a[i + 1:i + 7], written[i + 1:i + 7], strict=False))
            for j, (w, as_written) in enumerate(window):
                if w in events:
                    return True
                if as_written[:1].isupper():  # a capitalised name: the event's if its words end in one
                    name = itertools.takewhile(lambda pair: pair[1][:1].isupper(), window[j:])
                    return any(word in events for word, _ in name)
            return False
        if t not in cues["aux_skip"] and t not in cues.get("host_aux", frozenset()) and not _adverb(t):
            return False
    return False


def _match_copy(text: str, start: int, end: int, cues: Mapping[str, frozenset[str]]) -> bool:
    """The paragraphs around the name are match copy: at least _MATCH_EVIDENCE points of sport
    (:func:`_sport_points`) within _MATCH_REACH characters. A name's own window (80 characters) misses the match a
    report tells in the sentences before and after ("Beijing have 10 points" after a paragraph of goals)."""
    return _sport_points(_tokens(text[max(0, start - _MATCH_REACH):end + _MATCH_REACH].lower()),
                         cues) >= _MATCH_EVIDENCE


# a list item of a roster: the name at a line's start (past a bullet), a colon and two or more people's names
# ("– Beijing: Randolph Morris, Steve Francis"), a parenthesis allowed before the colon ("Foshan (formerly Shaanxi):")
_ROSTER_LINE = regexes.compile(r"^[ \t]*[-–—•*·]?[ \t]*([^\W\d_][\w'’ -]*?)[ \t]*(?:\([^)\n]*\))?[ \t]*:[ \t]*"
                               r"((?:[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,2}(?:,[ \t]*| and |$))+)[ \t]*$", re.M)
_ROSTER_LINES = 3


def _roster(text: str, start: int, end: int, cues: Mapping[str, frozenset[str]]) -> bool:
    """The name heads a line of a roster, each line a side and its players, in copy that speaks of sport: a side.
    At least _ROSTER_LINES such lines, each with two or more names of two or three capitalised words, so that a single
    "Beijing: Xi Jinping, Li Qiang" or a list of figures ("Beijing: 12 cases") is not read as one. The name's own line
    is read first: the whole text only for a name that heads such a line."""
    line = _ROSTER_LINE.match(text, text.rfind("\n", 0, start) + 1)
    if line is None or line.start(1) != start or line.end(1) < end or not _players_listed(line):
        return False
    return _roster_lines(text) >= _ROSTER_LINES and _text_sport_points(text, cues) >= 2


def _players_listed(line: re.Match[str]) -> bool:
    """A roster line names two players or more."""
    return line.group(2).count(",") + line.group(2).count(" and ") >= 1


@lru_cache(maxsize=8)
def _roster_lines(text: str) -> int:
    """The roster lines of ``text``, counted once per text (every mention of a roster asks)."""
    return sum(map(_players_listed, _ROSTER_LINE.finditer(text)))


def _sport_points(words: list[str], cues: Mapping[str, frozenset[str]]) -> int:
    """Words of sport among lower-cased ``words``, those only sport writes counted twice ("midfielder"), read
    whole across hyphens and as two-word entries ("clean sheet")."""
    return _points(words, cues.get("sport_words", frozenset()), cues.get("sport_strong_words", frozenset()))


def _text_sport_points(text: str, cues: Mapping[str, frozenset[str]]) -> int:
    """:func:`_sport_points` of the whole text, read once per text (each roster line and each side asks)."""
    return _whole_text_points(text, cues.get("sport_words", frozenset()), cues.get("sport_strong_words", frozenset()))


@lru_cache(maxsize=8)
def _whole_text_points(text: str, sport: frozenset[str], strong: frozenset[str]) -> int:
    return _points(_tokens(text.lower()), sport, strong)


def _points(words: list[str], sport: frozenset[str], strong: frozenset[str]) -> int:
    words = _hyphen_joined(words)
    words += [f"{x} {y}" for x, y in itertools.pairwise(words)]
    return sum((t in sport) + 2 * (t in strong) for t in words)


_MATCH_REACH = 600
_MATCH_EVIDENCE = 6


def match_copy_text(text: str, cues: Mapping[str, frozenset[str]]) -> bool:
    """The whole text is match copy: at least _MATCH_EVIDENCE points of sport (:func:`_sport_points`) anywhere in it."""
    return _text_sport_points(text, cues) >= _MATCH_EVIDENCE


def _plural_side(a: list[str], verb: str, cues: Mapping[str, frozenset[str]]) -> bool:
    """The subject's verb takes a plural possessive ("Shijiazhuang sacked their manager"): British copy refers
    back to a side in the plural, to a city or a government as "its"."""
    return len(a) > 2 and a[0] == verb and a[1] in cues.get("plural_possessives", frozenset())


def _plural_role(a: list[str], verb: str, cues: Mapping[str, frozenset[str]]) -> bool:
    """Further into the verb's object, a plural possessive before a player's role or a word of sport refers back to the
    side ("Zhuhai confirmed the departure of their head coach"); a city or a government is "its"."""
    if not a or a[0] != verb:
        return False
    mine, roles, sport = (cues.get(k, frozenset()) for k in ("plural_possessives", "sport_roles", "sport_words"))
    clause = _clause(a)[:8]
    # right after the verb (i == 1) it is _plural_side's case, with the role right after the possessive
    return any(t in mine and any(u in roles or u in sport for u in clause[i + 1:i + 3]) for i, t in enumerate(clause)
               if i > 1)


def _team_before(b: list[str], cues: Mapping[str, frozenset[str]]) -> bool:
    """In match copy, the words before the name make it a team: the opponent ("against X", "contro il X", "gegen
    X"), a player's role before the word for "of" ("il portiere del Changchun", "le capitaine de Chongqing", "der
    Torwart von Changchun", "o guarda-redes do X"), or the article that languages which write cities without one
    put before a club ("il Wuhan", "el Shanghái", "o Xangai"). The "of" and the article are then no preposition of
    place: the caller keeps the match context after them."""
    roles = cues.get("sport_roles", frozenset())
    b = _without_scores(b)  # "lost 3-1 to X"
    role_of = len(b) >= 2 and b[-1] in cues.get("of_words", _OF) and (
        b[-2] in roles or "".join(b[-4:-1]) in roles)  # hyphenated roles come as three tokens
    return (role_of or bool(b) and b[-1] in cues.get("team_articles", frozenset())
            or _ends(b, cues.get("team_before", frozenset()), 2))


_MORE_ADJECTIVES = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ого", "его", "ом", "ем", "ую", "ые", "ых", "ым", "им", "ыми", "ими",
                    "ому", "ему", "ей")


def _head_past_adjectives(words: list[str], heads: frozenset[str]) -> bool:
    """The first word that is no adjective (nor a hyphen or the first half of a hyphenated one: "торгово-") is a
    head: an organisation or event named by the city's adjective."""
    for i, word in enumerate(words):
        if word in heads:
            return True
        joined = word == "-" or word.endswith("о") and words[i + 1:i + 2] == ["-"]
        if not (word.endswith(_MORE_ADJECTIVES) or joined):
            return False
    return False


_SHARE_CLASSES = frozenset({"A", "B", "H"})  # classes of Chinese shares by where and in what currency they trade
_SCORE = regexes.compile(r"(?:l')?\d{1,2}")  # "l'1-1": Italian elides the article before a score
_HIGH_SCORE = regexes.compile(r"\d{2,3}")


def _scoreline(b: list[str], a: list[str], cues: Mapping[str, frozenset[str]]) -> int:
    """How much the words around the name say sport by a score: 2 (as two words of sport) for a score ("2-1", "a
    1-0 win"; a basketball score, "a 118-110 win", only before a word of sport, as a range of three-digit numbers
    is no score), the name between the goals of a result line ("Guangzhou 2 Chongqing 2", "Shanghai 0 Hangzhou 1")
    or a fixture ("Beijing v Shanghai"), which nothing but a match writes."""
    words = b[-20:] + a[:20]
    sport, verbs = cues.get("sport_words", frozenset()), cues.get("sport_verbs", frozenset())
    months = cues.get("months", frozenset())  # "From 6-11 November": days, not a score
    dashed = any(_SCORE.fullmatch(words[i]) and words[i + 1] in {"-", "–"} and _SCORE.fullmatch(words[i + 2])
                 and not (words[i + 3:i + 4] and words[i + 3] in months)
                 or words[i + 1] == ":" and len(words[i]) == len(words[i + 2]) == 1 and (words[i] + words[i + 2]).isdigit()
                 or _HIGH_SCORE.fullmatch(words[i]) and words[i + 1] in {"-", "–"} and _HIGH_SCORE.fullmatch(words[i + 2])
                 and words[i + 3:i + 4] and (words[i + 3] in sport or words[i + 3] in verbs)
                 for i in range(len(words) - 2))  # "2:1" as German writes it; not a time ("10:30")
    result = bool(a) and bool(_SCORE.fullmatch(a[0])) and (
        bool(b) and bool(_SCORE.fullmatch(b[-1])) or len(a) > 2 and a[1].isalpha() and bool(_SCORE.fullmatch(a[2])))
    marks = cues.get("fixture_marks", frozenset())  # a cue: "v" is a preposition in Czech
    fixture = (len(a) > 1 and a[0] in marks and a[1].isalpha() or len(b) > 1 and b[-1] in marks and b[-2].isalpha()
               or _away(b) and any(_HIGH_SCORE.fullmatch(t) or _SCORE.fullmatch(t) for t in b[-4:-1] + a[:3]))
    return 2 * int(dashed or result or fixture)


def _away(b: list[str]) -> bool:
    """The away side's sign of a result line, "@" alone before the name ("Beijing 101 – @ Dongguan – 100"), not a
    handle ("@Beijing" has no space; it is no token of its own)."""
    return bool(b) and b[-1] == "@"


def _without_scores(b: list[str]) -> list[str]:
    """The words before the name without the scores between a verb and its preposition ("lost 3-1 to X" reads as
    "lost to X")."""
    out = list(b)
    while len(out) >= 4 and _SCORE.fullmatch(out[-4]) and out[-3] in {"-", "–"} and _SCORE.fullmatch(out[-2]):
        del out[-4:-1]
    return out


_PREPOSITIONS = frozenset({"at", "to", "in", "on", "from", "for", "with", "by", "into", "over", "under", "about",
                           "near"})


def _yielding(words: list[str], cues: Mapping[str, frozenset[str]]) -> bool:
    """The words before "to/from/for/at X" end with a verb of yielding, buying or linking ("caving", "bought"), also
    past an adverb or particle ("borrowed heavily", "caved in") or past its object ("bought its submarines", "buy
    most of their jets"; an object of at most four words with a determiner, no preposition but "of")."""
    verbs = cues.get("yield_verbs", frozenset())
    if not words:
        return False
    if words[-1] in verbs:
        return True
    if len(words) >= 2 and (_adverb(words[-1]) or words[-1] in {"in", "back", "up", "out"}):
        return words[-2] in verbs
    determiners = cues.get("determiners", frozenset())
    for i in range(len(words) - 2, max(-1, len(words) - 6), -1):
        word = words[i]
        if word in verbs:
            return any(w in determiners for w in words[i + 1:])
        if not word.isalpha() or word in _PREPOSITIONS:
            return False
    return False


def _ships_markets_nature(b: list[str], a: list[str], cues: Mapping[str, frozenset[str]]) -> dict[str, float]:
    """A ship named for the city, a listed company named alone, a natural event at the place, and the city as
    the receiver of a verb with two objects. ``b``/``a``: the lower-cased words before/after the name."""
    crew = cues.get("crew_nouns", frozenset())
    articles = cues.get("definite_articles", frozenset())
    of_the = b[:-1] if b and b[-1] in articles else b
    # "the crew of the Nanchang", "sailors of Lhasa", "divers from the Kunming"
    crew_of = len(of_the) >= 2 and of_the[-1] in {"of", "from", "aboard", "on"} and of_the[-2] in crew \
        and (of_the[-1] == "of" or of_the is not b)
    # "the Changsha docked", "off the Zibo.": the name heads its noun phrase after the article
    closes = bool(a) and a[0] in {".", ";", ":", "!", "?", ")"} or len(a) >= 2 and a[0] == "," and a[1] in {"a", "an"}
    the_head = bool(b) and b[-1] in articles and (not a or closes or a[0] in cues.get("head_followers", frozenset()))
    finance = len(b) >= 2 and b[-1] in {"in", "of"} and b[-2] in cues.get("finance_nouns", frozenset())
    determiners = cues.get("determiners", frozenset())
    dative = bool(b) and b[-1] in cues.get("ditransitive_verbs", frozenset()) and bool(a) and a[0] in determiners
    return {"crew_of": float(crew_of), "the_head": float(the_head), "finance_of": float(finance),
            "nature": float(_nature_in_clause(b, a, cues)), "dative_object": float(dative)}


def _nature_in_clause(b: list[str], a: list[str], cues: Mapping[str, frozenset[str]]) -> bool:
    """A word of a natural event (typhoon, rain, earthquake) within the clause around the name."""
    words = cues.get("nature_words", frozenset())
    return bool(words) and any(t in words for t in _clause(a)[:10] + _clause(b[::-1])[:8])


def _passive(a: list[str], cues: Mapping[str, frozenset[str]]) -> bool:
    """The name is the subject of a passive: "X was hit by", "X was lashed by", "X battered by" (a headline)."""
    aux = cues.get("passive_aux", frozenset())
    i = 0
    while i < len(a) and (a[i] in aux or _adverb(a[i]) or a[i] in {"has", "have", "had"}):
        i += 1
    return 0 < len(a) - i and "by" in a[i + 1:i + 3] and (i > 0 or a[i].endswith("ed"))


_NAME_WINDOW = 60


@lru_cache(maxsize=1)
def _known_names() -> FormMatcher:
    """The names of nlp/data/names.tsv whose city name counts (ORG_PART), as one matcher."""
    from nlp.lexicon import read_lexicon

    gazetteer = read_lexicon().gazetteer
    return FormMatcher((name, "name") for name, _kind, city in getattr(gazetteer, "names", ()) if city == "part")


@lru_cache(maxsize=1)
def club_names() -> frozenset[str]:
    """The clubs of nlp/data/names.tsv, as written ("Qingdao Red Lions")."""
    from nlp.lexicon import read_lexicon

    return frozenset(name for name, kind, _city in getattr(read_lexicon().gazetteer, "names", ()) if kind == "club")


@lru_cache(maxsize=4096)
def _province_word(word: str) -> bool:
    """``word`` is the name of a province or region of the gazetteer (Jiangsu, Tibet, Xinjiang) and of no city: the
    cities that are provinces too (Chongqing, Shanghai) or name one (Jilin) may begin another name ("Rizhao
    Chongqing", a film)."""
    from nlp.lexicon import read_lexicon

    lexicon = read_lexicon()
    return lexicon.province_of(word) is not None and lexicon.form(word) is None


@lru_cache(maxsize=4096)
def _historic_form(word: str) -> bool:
    """``word`` is a historic form of a city in the gazetteer (Canton, Amoy)."""
    from nlp.lexicon import read_lexicon

    form = read_lexicon().form(word)
    return form is not None and "historic" in form.kinds


@lru_cache(maxsize=1)
def _brands_of_known_firms() -> dict[str, tuple[str, ...]]:
    """The brand in characters of each firm of nlp/data/names.tsv named by a city and its brand (宁德时代: 时代; 北京字节跳动:
    字节跳动), and those firms' names: what :func:`_known_brand_after` reads."""
    from nlp.lexicon import read_lexicon

    lexicon = read_lexicon()
    brands: dict[str, list[str]] = {}
    for name, kind, city in getattr(lexicon.gazetteer, "names", ()):
        if kind != "brand" or city != "part" or not is_cjk(name[:1]):
            continue
        cut = next((k for k in range(len(name) - 2, 1, -1) if lexicon.form(name[:k]) is not None), 0)
        if cut and all(map(is_cjk, name[cut:])):
            brands.setdefault(name[cut:], []).append(name)
    return {brand: tuple(names) for brand, names in brands.items()}


def _known_brand_after(text: str, end: int) -> bool:
    """The brand of a firm named by a city and its brand follows the name, and the text names that firm (福鼎时代 where
    宁德时代 is written: CATL's Fuding company, not "the Fuding era"; 上海字节跳动 beside 北京字节跳动): one brand, one
    firm per article, whatever city its company is named by."""
    brands = _brands_of_known_firms()
    return any(text.startswith(brand, end) and any(name in text for name in names) for brand, names in brands.items())


def in_known_name(text: str, start: int, end: int) -> bool:
    """The mention lies inside a name of nlp/data/names.tsv whose city name counts ("Canton Fair")."""
    return _known_names().covers(text, start, end, _NAME_WINDOW)


# past participles before a language's agent preposition (cues "agent_preps"): -é(e)(s) (fr), -do/-da (es, pt),
# -to/-ta (it), -t/-ts (sv); Dutch and German put the participle after ("door X gestuurde")
_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "do", "da", "dos", "das", "to", "ta", "ti", "te", "ts", "at")

_GOV_SUFFIXES = frozenset({"backed", "friendly", "appointed", "controlled", "approved", "sponsored", "funded",
                           "imposed", "allied", "aligned", "leaning", "loyal", "dictated", "brokered"})


def _past_apposition(after: list[str]) -> list[str]:
    """The words after "X, the capital of Y, ..." / "X – Washington's rival –": skip the inserted phrase."""
    if after and after[0] in {",", "–", "—", "("}:
        closer = {",": ",", "–": "–", "—": "—", "(": ")"}[after[0]]
        for i in range(1, min(len(after), 16)):
            if after[i] == closer:
                return after[i + 1:i + 11]
    return after[:10]


def _adverb(token: str) -> bool:
    """An English -ly adverb between subject and verb ("X has formally protested")."""
    return len(token) > 4 and token.endswith("ly") and token.isalpha()


def _head_before_of(before: list[str], b: list[str], cues: Mapping[str, frozenset[str]]) -> bool:
    """An organisation's head before the "of" word that precedes the name ("University of X", "l'université de
    Pékin"), capitalised unless the language writes such heads in lower case (``lower_heads``: "le traité de
    Nanjing", "la Expo de Shanghái"), also past up to two words of its own name ("l'indice composite de Shanghai",
    "les Jeux olympiques d'hiver de Pékin", "canard laqué de Pékin")."""
    lower = "lower_heads" in cues
    for k in range(2, min(len(b), 10) + 1):
        head = _unelided(b[-k])  # "l'université", "dell'Expo"
        # (the words of its name between the head and the name, a theme's two words joined by "and" counted as one)
        words = sum(1 - 2 * (t in _THEME_JOINERS) for t in b[-k + 1:-1])
        if words > 2 and not all(_cap(t) or t in _OF_WORDS or t in _THEME_JOINERS for t in before[-k + 1:-1]):
            # past three words, only a capitalised name ("Festival Internacional de Cine de Shanghái"), or a name
            # whose capitalised head the language follows with words in lower case ("le Festival international du
            # film de Shanghai", "il Festival internazionale delle sculture di ghiaccio e neve di Harbin"): read on
            # to the head while the words are such a name's (a theme's "and" among them), the head's own "of" within
            # its next two words (not "la Biennale ha invitato artisti ... di Pechino", a sentence)
            if not lower or not all(t.isalpha() and (t not in _BREAKS_NAME or t in _THEME_JOINERS)
                                    for t in b[-k + 1:-1]):
                return False
            if _cap(_unelided(before[-k])) and head in cues["org_heads"] and head not in _PLACE_HEADS:
                return any(t in _OF_WORDS or t in _PLURAL_OF or t in cues.get("of_words", _NONE)
                           for t in b[-k + 1:-k + 3])
            continue
        if head in cues["org_heads"]:
            if head in _STREET_HEADS and k > 2:  # "la Rue Huaihai de Shanghai": the street's own name came first
                return False
            return _cap(before[-k]) or head != b[-k] or lower and head not in _PLACE_HEADS
        number = b[-k].replace(".", "").isdigit()  # "le Masters 1000 de Shanghai", "l'Expo 2010 di Shanghai"
        if not (lower and (b[-k].replace("'", "").replace("’", "").isalpha() or number)) or b[-k] in _BREAKS_NAME \
                and not _theme_joined(b, k):
            return False
    return False


_THEME_JOINERS = frozenset({"y", "e", "et"})


def _theme_joined(b: list[str], k: int) -> bool:
    """``b[-k]`` is "and" between two words of a name's theme after its head ("el festival de hielo y nieve de
    Harbin"): not the end of the name, as a conjunction between two phrases is ("la universidad y el hospital
    de Pekín", an article after it)."""
    return b[-k] in _THEME_JOINERS and k + 1 <= len(b) and all(
        w.isalpha() and w not in _BREAKS_NAME for w in (b[-k - 1], b[-k + 1])) and b[-k - 1] not in _OF_WORDS


def _of_name_before(before: list[str], b: list[str], cues: Mapping[str, frozenset[str]]) -> bool:
    """A capitalised name with an "of" word inside it ends right before the city, which the name then ends without
    one ("el Instituto de Ciencia Física Hefei", "the Institute of Physical Science Hefei"): a name's last word."""
    if not before or not _cap(before[-1]) or b[-1] in _OF_WORDS:
        return False
    for k in range(2, min(len(b), 5) + 1):
        if not (_cap(before[-k]) or b[-k] in _OF_WORDS):
            return False
        head = _unelided(b[-k])
        if _cap(before[-k]) and head in cues["org_heads"] and head not in _PLACE_HEADS:
            return any(t in _OF_WORDS for t in b[-k + 1:-1])
    return False


_ELIDED_ARTICLE = regexes.compile(r"^(?:[ld]|dell|all|nell|sull|dall|coll)[’']")


def _unelided(word: str) -> str:
    """The word without an elided article or preposition written onto it (French, Italian: "l'ingérence", "dell'Expo")."""
    return _ELIDED_ARTICLE.sub("", word)


_STREET_HEADS = frozenset({"rue", "avenue", "boulevard", "calle", "avenida", "rua"})
_OF_WORDS = frozenset({"de", "del", "di", "da", "do", "des", "du", "della", "dos", "das"})
_PLURAL_OF = frozenset({"delle", "dei", "degli"})  # Italian's "of the" before a plural (delle sculture di ghiaccio)
# heads that, in lower case, name the place rather than its organisation ("all'aeroporto di Pechino", "le port de
# Canton", "la fiera di Canton", the fair held there, as the project's multilingual sentences label it): these need
# the capital of a name ("l'Aeroporto Internazionale di Pechino")
_PLACE_HEADS = frozenset({"port", "puerto", "porto", "hafen", "haven", "aéroport", "aeropuerto", "aeroporto", "flughafen",
                          "luchthaven", "stade", "estadio", "stadio", "estádio", "stadion", "foire", "feria", "fiera",
                          "feira", "messe",
                          "circuit", "circuito",
                          # streets: "une rue de Pékin" is a street in Beijing, "la Rue de Nankin" a street's name
                          *_STREET_HEADS,
                          # and "el centro de Pekín" is downtown Beijing, "el Centro de Pandas de Chengdu" a name
                          "centro", "centre",
                          # "un hôpital de Kunming" is a hospital there, "l'Hôpital de Kunming" its name; so a cup
                          "hôpital", "ospedale", "coupe", "coppa"})
_BREAKS_NAME = frozenset({"à", "en", "a", "in", "et", "y", "e", "ou", "o", "le", "la", "les", "el", "los", "las",
                          "il", "lo", "gli", "os", "as", "the", "and", "que", "qui", "che"})


def _head_first(before: list[str], b: list[str], cues: Mapping[str, frozenset[str]], grams: int) -> bool:
    """A head of ``heads_before`` (languages that put the organisation's head first without an "of" word) right
    before the name, in words of several syllables too ("Đại học Bắc Kinh"), or in the capitalised run the name
    ends ("Universitas Peking", "Bursa Efek Shanghai"). ``b`` is ``before`` lower-cased."""
    heads = cues.get("heads_before", frozenset())
    # (past an opening quote, معرض "كانتون", or a hyphen, die Uni-Nanjing)
    if _ends(b, heads, grams) or len(b) > 1 and (b[-1] in _OPENERS or b[-1] == "-") and _ends(b[:-1], heads, grams):
        return True
    # ... or past one word of its kind joined by "de" where heads are written in lower case ("el centro de
    # investigación Chengdu", "il centro di ricerca Chengdu"; not "el centro de Pekín", the name joined by "de")
    of_words = cues.get("of_words", frozenset())
    if "lower_heads" in cues and len(b) > 2 and b[-3] in heads and b[-2] in of_words and b[-1].isalpha() \
            and b[-1] not in of_words:
        return True
    # a compound that ends in a head right before the name, where the language joins words (cue
    # ``compound_heads_before``: "die Experimentalmittelschule Suzhou", "die Fremdsprachenhochschule Dalian")
    compounds = cues.get("compound_heads_before")
    if compounds and b and _cap(before[-1]) and b[-1].endswith(_long_heads(compounds)):
        return True
    # a plural head before two names joined by "and" ("die Börsen Schanghai und Shenzhen"): the second name too
    if len(b) > 2 and b[-3] in cues.get("plural_heads_before", frozenset()) and _cap(before[-2]) \
            and b[-1] in _JOINERS | cues.get("joiners", frozenset()):
        return True
    for tok in reversed(before[-4:]):
        if not _cap(tok):
            return False
        if tok.lower() in heads:
            return True
    return False


_YEAR = regexes.compile(r"(19|20)\d\d")
_EDITION_GAP = frozenset({",", "and", "–", "-", "—", "(", ")"})


def _listed_edition(before: list[str]) -> bool:
    """A year right before the name in a list of editions, each a year and its host ("the Games – 2018 Jakarta, 2014
    Incheon and 2010 Guangzhou"): another year and a capitalised host within the words before, only commas, "and" and
    dashes between. A year alone before the name dates a sentence ("In 2010 Guangzhou hosted the Games")."""
    if not before or _YEAR.fullmatch(before[-1]) is None:
        return False
    k = len(before) - 2
    while k >= 0 and before[k] in _EDITION_GAP:
        k -= 1
    return k >= 1 and _cap(before[k]) and _YEAR.fullmatch(before[k - 1]) is not None


_SEAT_WORDS = frozenset({"based", "headquartered"})


def _port_speaks(b: list[str], after: list[str], a: list[str], cues: Mapping[str, frozenset[str]]) -> bool:
    """The city's port as a speaker: a port word after the name (past a second name joined by a hyphen:
    "Ningbo-Zhoushan port"), then a verb of saying, or "according to" before the name ("According to Qingdao port,
    it has received ..."), or the port word and "of" before the name and a verb of saying after it ("the Port of
    Ningbo said"): the port's operator, an organisation. The port as a place stays the city's ("volumes at Qingdao
    port", "ships leaving the port of Ningbo")."""
    ports = cues.get("port_words", _NONE)
    k = 2 if len(a) > 2 and a[0] == "-" and _cap(after[1]) else 0  # past a second name joined by a hyphen
    if len(b) >= 2 and b[-1] == "of" and b[-2] in ports or len(b) >= 4 and b[-1] == "-" and b[-3] == "of" \
            and b[-4] in ports:  # (the second of two names joined by a hyphen: "the Port of Ningbo-Zhoushan")
        return len(a) > k and a[k] in cues["comm_verbs"]
    if len(a) <= k or a[k] not in ports:
        return False
    return len(a) > k + 1 and a[k + 1] in cues["comm_verbs"] or b[-2:] == ["according", "to"]


_SECOND_NAME_LENGTHS = (0, 2, 3)  # characters of a second name between a name and its port word (宁波舟山港)
_SPEAKING_ADVERBS = ("曾", "也", "还", "则", "已", "亦", "均", "日前", "近日", "昨日", "今日")


def _cjk_port_speaks(after_all: str, cues: Mapping[str, frozenset[str]]) -> bool:
    """The port word right after a name in characters (or after a second name written against it: 宁波舟山港), an
    adverb at most, then a verb of saying (舟山港曾表示, 宁波舟山港称): the port's operator speaks, as "Qingdao port
    said" in English; the port as a place stays the city's (运抵舟山港)."""
    ports = _cjk_affixes(cues.get("port_words", _NONE))
    if not ports:
        return False
    for reach in _SECOND_NAME_LENGTHS:
        rest = after_all[reach:]
        port = next((w for w in ports if rest.startswith(w)), "")
        if not port or reach and not _is_city_form(after_all[:reach].translate(simplified_table())):
            continue
        rest = rest[len(port):]
        rest = rest.removeprefix(next((w for w in _SPEAKING_ADVERBS if rest.startswith(w)), ""))
        return rest.startswith(_cjk_affixes(cues["comm_verbs"]))
    return False


_THE_NAME_ENDS = frozenset({".", ";", "!", "?", ")"})
_LIST_GOES_ON = frozenset(_JOINERS) | {"of"}  # what may follow "the X," when X is still the city


def _the_name_alone(b: list[str], after: list[str], cues: Mapping[str, frozenset[str]]) -> bool:
    """A definite article right before the name (cue ``name_articles``: the, la, le ...) and nothing of a noun phrase
    after it: the name is that of a restaurant, a ship, a hotel or a terminal ("the lawyer representing the
    Shanghai, told the board", "aboard the Lhasa.", "una terminal, la Meishan, que ..."), as a city takes no article
    unless something follows that it qualifies ("the Shanghai exchange", "the Hong Kong of the north", "the
    Shanghai, Shenzhen and Hong Kong exchanges"). After a comma, a word in lower case that no list goes on with
    ("the Shanghai, told"; not "the Shanghai, and ...")."""
    if not b or b[-1] not in cues.get("name_articles", _NONE) or not after:
        return False
    if after[0] in _THE_NAME_ENDS:
        return True
    return after[0] == "," and len(after) > 1 and after[1].isalpha() and after[1].islower() \
        and after[1] not in _LIST_GOES_ON


def _clause(tokens: list[str]) -> list[str]:
    """The tokens up to the end of the clause."""
    for i, t in enumerate(tokens):
        if t in {".", ";", ",", "!", "?", ":"}:
            return tokens[:i]
    return tokens


_MODALS = frozenset({"will", "would", "could", "may", "might", "must", "should", "can", "cannot"})


_CASES = ("genitive", "dative", "accusative", "locative", "ablative", "ergative")


def _cases(cues: Mapping[str, frozenset[str]], case: str) -> frozenset[str]:
    """The endings (after an apostrophe) or postpositions of one case: cues "genitive_cases", ..."""
    return cues.get(f"{case}_cases", frozenset())


def _case_marker(after: list[str], cues: Mapping[str, frozenset[str]]) -> tuple[str, list[str]]:
    """The case ending written after an apostrophe ("Pekin'in", "Pekin'de") or the postposition after the name
    (cue "case_marking": apostrophe or postposition), and the words after it; ("", after) when there is none."""
    marking = cues.get("case_marking", frozenset())
    if not marking:
        return "", after
    markers = frozenset().union(*(_cases(cues, case) for case in _CASES))
    if "apostrophe" in marking and len(after) >= 2 and after[0] in {"'", "’"} and after[1].lower() in markers:
        return after[1].lower(), after[2:]
    if "postposition" in marking and after and after[0].lower() in markers:
        return after[0].lower(), after[1:]
    return "", after


_SENTENCE_END = regexes.compile(r"[.!?;।\n](?:\s|$)")


def _final_verb(text: str, end: int, cues: Mapping[str, frozenset[str]]) -> str:
    """The last one or two words of the sentence after the name, lower-cased ("talep etti"), past the auxiliaries
    of cue "final_skip": the verb of a verb-final clause. Empty when the sentence runs past 240 characters."""
    rest = text[end:end + 240]
    stop = _SENTENCE_END.search(rest)
    if not stop:
        return ""
    words = [t.lower() for t in _tokens(rest[:stop.start()]) if t[:1].isalpha()]
    skip = cues.get("final_skip", frozenset())  # auxiliaries after the verb ("खारिज कर दिया")
    while words and words[-1] in skip:
        words.pop()
    return " ".join(words[-2:])


def _starts_with(final: str, stems: frozenset[str]) -> bool:
    """The clause-final verb (its last word, or its last two words: "protesto etti", "tepki gösterdi") begins with
    a stem."""
    return final.rsplit(" ", 1)[-1].startswith(tuple(stems)) or final.startswith(tuple(stems))


def _grams(cues: Mapping[str, frozenset[str]]) -> int:
    """How many tokens one cue entry may span (cue "grams"; Vietnamese writes words as separate syllables)."""
    return max((int(g) for g in cues.get("grams", ())), default=1)


def _ends(tokens: list[str], vocab: frozenset[str], grams: int = 1) -> bool:
    """The tokens end with a cue entry of up to ``grams`` tokens."""
    return any(len(tokens) >= n and " ".join(tokens[-n:]) in vocab for n in range(1, grams + 1))


def _starts(tokens: list[str], vocab: frozenset[str], grams: int) -> str:
    """The cue entry of up to ``grams`` tokens the tokens start with, longest first ("" when none)."""
    for n in range(grams, 0, -1):
        if len(tokens) >= n and " ".join(tokens[:n]) in vocab:
            return " ".join(tokens[:n])
    return ""


def _contains(tokens: list[str], vocab: frozenset[str], grams: int) -> bool:
    """Some run of up to ``grams`` tokens is a cue entry."""
    return any(" ".join(tokens[i:i + n]) in vocab for i in range(len(tokens)) for n in range(1, grams + 1))


def _relation_with_capital(tokens: list[str], cues: Mapping[str, frozenset[str]]) -> bool:
    """``tokens`` are a relation noun, perhaps after a determiner, then "with" and a capital ("a standoff with
    Tokyo"), or "odds with" and a capital ("at odds with Washington"; "odds" is no relation noun: "odds on Chengdu
    winning" is a team's)."""
    if tokens[:1] and tokens[0] in cues.get("determiners", frozenset()):
        tokens = tokens[1:]
    return len(tokens) >= 3 and (tokens[0] in cues["relation_nouns"] or tokens[0] == "odds") and tokens[1] == "with" \
        and _capital_at(tokens, 2, cues)


def _capital_at(tokens: list[str], i: int, cues: Mapping[str, frozenset[str]]) -> bool:
    """A capital or government noun starts at ``i`` or ends the short phrase there ("the city government")."""
    for j in range(i, min(len(tokens), i + 4)):
        if tokens[j] in cues["capitals"] or " ".join(tokens[j:j + 2]) in cues["capitals"]:
            return True
        if not tokens[j][:1].isalpha():
            return False
    return False


def _capital_ending(tokens: list[str], cues: Mapping[str, frozenset[str]]) -> bool:
    if not tokens:
        return False
    return tokens[-1] in cues["capitals"] or " ".join(tokens[-2:]) in cues["capitals"] or (
        len(tokens) >= 3 and tokens[-2] in {"and", "between", "with"} and tokens[-1] in cues["capitals"])


@lru_cache(maxsize=512)
def _affixes(words: frozenset[str]) -> tuple[str, ...]:
    """A cue set as ``str.startswith``/``endswith`` take it: one call in C, not one per word."""
    return tuple(words)


@lru_cache(maxsize=512)
def _any_of(words: frozenset[str]) -> re.Pattern[str]:
    """A search for any word of a cue set inside a text (``any(w in text for w in words)`` in one call)."""
    return re.compile("|".join(map(re.escape, sorted(words))) or "(?!)")


_NONE: frozenset[str] = frozenset()


@lru_cache(maxsize=512)
def _cjk_affixes(words: frozenset[str]) -> tuple[str, ...]:
    """A cue set with the simplified copy of each entry, as the windows of :func:`_cjk` are read (OpenCC's table
    is read only for a set with Han entries: Korean cues have none)."""
    if not any("\u3400" <= c <= "\u9fff" for w in words for c in w):
        return tuple(words)
    table = simplified_table()
    return tuple(words | {w.translate(table) for w in words})


@lru_cache(maxsize=512)
def _cjk_any_of(words: frozenset[str]) -> re.Pattern[str]:
    return _any_of(frozenset(_cjk_affixes(words)))


@lru_cache(maxsize=64)
def _cjk_any_of_both(words: frozenset[str], more: frozenset[str]) -> re.Pattern[str]:
    """:func:`_cjk_any_of` of two cue sets, without a union built per call."""
    return _cjk_any_of(words | more)


_CITY_PARTS = ("人民政府", "中心", "长", "長", "民", "区", "内", "政", "委", "郊", "场", "場")
# ... but the city's central hospital, blood centre or school is an institution named by it (太原市中心医院; the run is
# read in simplified characters)
_CENTRAL_INSTITUTIONS = ("中心医院", "中心血站", "中心小学", "中心卫生院")
# ... nor a mayor where 长 begins the name of one of its districts or counties (上海市长宁区书法家协会, 西安市长安区,
# 合肥市长丰县; the run is read in simplified characters)
_LONG_DISTRICT = regexes.compile(r"长[\u4e00-\u9fff]{1,2}[区县]")
# ... and with or without 市 its central districts are the place (北京中心城区, 成都中心区域), not a centre named by it
_CENTRAL_AREAS = ("中心城区", "中心区域", "中心地带", "中心地区", "中心区")
# what ends the characters that can still be the name's: a possessive, a quantity, a demonstrative (某 "a certain"),
# a function word or conjunction (与, 及), a numeral with a measure word (一家 "a company in ..."), the country's name
# (等 "and so on", not the 等 of 高等 "higher" or 中等 "secondary": 香港高等法院, 深圳光启高等理工研究院), a preposition
# or adverb that begins the clause (香港按基本法享有..., not 都 of 首都, 就 of 就业, 才 of 人才), a verb that begins
# the name's clause (上海开始放松...病毒 is no virus's name; 北京宣布成立委员会 no committee's; 北京有医院 "Beijing has
# hospitals that...", not the 有 of 有限公司; 北京举办运动会 no games' name) and the aspect particle 了 (在乌鲁木齐市考察了新疆大学);
# 多 "many" (北京多家医院), not the 多 of a word that goes on (青岛多式联运中心, a multimodal transport centre; 多元, 多功能);
# 在 "at", not the 在 of Japanese 駐在 "stationed" (上海駐在員事務所, a firm's Shanghai office)
_RUN_ENDS = ("[的几各这那些每某而或是从把被向与及按依也还又仍已了]|(?<![駐驻])在|多(?!式|元|功能|媒体)|(?<![高中])等"
             "|[一两][家所间座个位名]|有(?!限)"
             "|开始|继续|成为|已经|正在|仍然|表示|宣布|决定|要求|谴责|指责|警告|批评"
             "|参加|举办|举行|召开|主办|承办|结成|组成|成立|建立|设立|加入|签署"  # 北京参加运动会, 北京和上海结成...联盟
             "|出席|参与|参观|访问|挑战(?![杯盃赛])|迎战|对阵"  # 至上海出席双城论坛 "to Shanghai to attend the forum", 来到广州挑战恒大
             "|开通|开设|开办|设立|进军|^为"  # 跑到深圳开通银行户口, 进军深圳开设分校, 以杭州为中心
             "|中国")  # 中国 last: see below
_NAME_RUN_END = regexes.compile(_RUN_ENDS)
# Japanese: the country's name followed by katakana is inside a name (福州中国オープン, a tournament); the lookahead
# binds to the last alternative of _RUN_ENDS, 中国
_JA_NAME_RUN_END = regexes.compile(_RUN_ENDS + "(?![\u30a1-\u30fa\u30fc])")
# the characters after a name that can still be part of it: fourteen Han characters (a firm's name with its legal form,
# 宜春一欣新能源科技有限责任公司), or sixteen of Han and katakana
# in Japanese, whose katakana words are longer
RUN_REACH = 16
# (past a firm's Latin letters first: 宁波SJ电子有限公司, 无锡AMTE公司)
_HAN_RUN = regexes.compile("(?:[A-Za-z]{1,8}(?=[\u3400-\u9fff]))?[\u3400-\u9fff]{0,14}")
# two katakana (not ・) right before the name, or a quotation's katakana word and one space (「ユニクロ 北京三里屯店」, a
# shop; not a headline's "イトーキ 蘇州市に投資会社を設立", a firm and then the city)
_KATAKANA_WORD_END = regexes.compile("[\u30a1-\u30fa\u30fc]{2}$|[「『“][\u30a1-\u30fa\u30fc]{2,} $")
_KATAKANA_START = regexes.compile("[\u30a1-\u30fa]")
# and the り of 祭り, a hyphen that joins two names (大連‐北九州技術交流セミナー) and an ampersand inside a katakana name
# (香港インターナショナル・ワイン&スピリッツ・フェア)
_KANA_RUN = regexes.compile(
    f"(?:[\u3400-\u9fff\u30a0-\u30ff]|(?<=祭)り|[‐－&＆](?=[\u3400-\u9fff\u30a0-\u30ff])){{0,{RUN_REACH}}}")
_TITLE_MARKS = {"《": "》", "『": "』", "〈": "〉"}  # what encloses the title of a book, film, paper or song
_KOREAN_TITLE_MARKS = {**_TITLE_MARKS, "<": ">"}  # Korean also writes <홍콩 프리프레스> (Japanese heads a section so)
_TITLE_REACH = 40


def _in_title(text: str, start: int, end: int, marks: Mapping[str, str] = _TITLE_MARKS) -> bool:
    """The name is inside title marks (《沙河悲歌》, 《莆田比事》, 『北京の秋』): part of a work's name. The
    nearest opening mark before it is not closed before it, and its closing mark follows within reach."""
    before = text[max(0, start - _TITLE_REACH):start]
    opened = max(marks, key=before.rfind)
    at = before.rfind(opened)
    if at < 0 or marks[opened] in before[at:]:
        return False
    after = text[end:end + _TITLE_REACH]
    closing = after.find(marks[opened])
    return closing >= 0 and opened not in after[:closing]


# the word for a work right before the quotation its title opens, the name within the title (영화 '하얼빈', 소설 ‘상하이의
#밤’)
_KOREAN_TITLE_OPENS = regexes.compile(r"(?:^|\s)([\uac00-\ud7a3]+) ?['‘\"“][^'’\"”\n]{0,20}$")
_KOREAN_TITLE_CLOSES = regexes.compile(r"[^'’\"”\n]{0,20}['’\"”]")


def _korean_quoted_title(text: str, start: int, end: int, nouns: frozenset[str]) -> bool:
    """Korean quotes a work's title right after the word for the work (영화 '하얼빈'을 상영한다, the film "Harbin"; cue
    ``title_nouns``): the name is part of the title, as in the Latin languages' quoted titles (:func:`_in_quoted_title`).
    A quotation after any other word is a remark or a name of its own kind."""
    opens = _KOREAN_TITLE_OPENS.search(text, max(0, start - 40), start) if nouns else None
    return opens is not None and opens.group(1) in nouns and _KOREAN_TITLE_CLOSES.match(text, end) is not None


@lru_cache(maxsize=1)
def _korean_particles() -> tuple[str, ...]:
    from nlp.segment import korean_suffixes  # the segmenters load spaCy: only for Korean text

    return tuple(korean_suffixes())


@lru_cache(maxsize=1)
def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def _without_particle(word: str) -> str:
    """A Korean word without the particle that ends it (기지는 → 기지)."""
    particle = next((p for p in _longest_first(_korean_particles()) if word.endswith(p) and len(word) > len(p)), "")
    return word[:len(word) - len(particle)] if particle else word


@lru_cache(maxsize=8)
def _word_end_heads(heads: frozenset[str]) -> tuple[str, ...]:
    """The heads of two characters or more: what may end a Korean word (판다연구기지); one syllable would end
    unrelated words."""
    return tuple(h for h in _cjk_affixes(heads) if len(h) > 1)


def _korean_head(words: list[str], k: int, heads: tuple[str, ...], cues: Mapping[str, frozenset[str]]) -> bool:
    """The ``k``-th Korean word after the name begins with a head, or ends with one of two syllables or more before
    its particle (청두 판다연구기지, 베이징 국제서비스무역박람회), or is a short head alone (베이징대: 대; 샤먼 항공이,
    Xiamen Airlines: 항공), a short head not before a word of a route (상하이 항공 노선, the air route to Shanghai)."""
    word = words[k]
    stem = _without_particle(word)
    if stem in cues.get("short_heads", _NONE):
        return not (k + 1 < len(words) and words[k + 1].startswith(_cjk_affixes(cues.get("route_words", _NONE))))
    # a hospital or a school with a name of its own written onto its head (북경 조양병원, 하얼빈 어린이병원; not the head
    # alone: 하얼빈 병원 is a hospital in Harbin), or numbered (하얼빈 제일병원, 옌청 제일고: the city's No. 1)
    named = any(stem.endswith(h) and len(stem) > len(h) for h in cues.get("named_heads", _NONE))
    numbered = _KOREAN_NUMBERED.match(stem)
    return word.startswith(heads) or stem.endswith(_word_end_heads(cues["org_heads"])) or named or (
        numbered is not None and numbered.group(1) in cues.get("numbered_heads", _NONE))


# the words of a credit line before a source's name (来源：, 圖源：, 图片来源:)
_CREDIT_BEFORE = regexes.compile(r"(?:来源|來源|图源|圖源|稿源|转自|轉自)\s?[:：]\s?$")
_CREDIT_REACH = 8
_TOUR_REACH = 30  # characters before a leg's name searched for its tour's word
_CLAUSE_BREAKS = regexes.compile(r"[。！？!?；;\n]")


def _clause_before(text: str) -> str:
    """What of ``text`` follows its last sentence or clause end: the words before a name in its own sentence."""
    ends = list(_CLAUSE_BREAKS.finditer(text))
    return text[ends[-1].end():] if ends else text


def _korean_bracketed_seat(text: str, start: int, end: int) -> bool:
    """A name in brackets inside a firm's registered name, written against its words on both sides (한수(상해)무역공사,
    현대(북경)자동차: the seat, as Chinese writes 博世(苏州)有限公司); not a place in brackets after a word that a
    particle follows (본사(상하이)에서, at the head office, in Shanghai), nor the characters that gloss a word
    (오문(澳門)이며)."""
    if text[start - 1:start] not in ("(", "（") or text[end:end + 1] not in (")", "）") or start < 2:
        return False
    word_after = _HANGUL_WORD.match(text, end + 1)
    return (_HANGUL_WORD.match(text[start - 2]) is not None
            and _HANGUL_WORD.fullmatch(text, start, end) is not None  # (a name in characters there glosses the word)
            and word_after is not None and word_after.group() not in _korean_particles()
            and len(_without_particle(word_after.group())) > 1)


# an institution numbered after its city (하얼빈 제일병원, 옌청 제일고, 盐城第一中学 as Korean writes it): 제일 or 제 and
# a number, then the rest of the word (not 제2의, "the second", which the particle leaves as 제2)
_KOREAN_NUMBERED = regexes.compile("제(?:일|[0-9]+)([\uac00-\ud7a3]+)$")


# a gloss in Han characters in brackets right after a name (베이징(北京), 지린(吉林)성)
HAN_GLOSS = regexes.compile(r"[(（][\u3400-\u9fff]+[)）]")
# a Japanese reading in kana, in brackets right after a name in characters (蘭州(らんしゅう)ラーメン)
_KANA_GLOSS = regexes.compile(r"[(（][\u3040-\u30ffー・ ]{2,16}[)）]")
_HAN_WORD_AFTER = regexes.compile(r"[\u4e00-\u9fff]{0,3}")  # a name's next word before a reading of both
_HANGUL_WORD = regexes.compile("[\uac00-\ud7a3]+")
# the middle dots Korean papers join two names with: the interpunct, the one-dot leader and the Hangul letter araea
# (홍콩·마카오, 홍콩․마카오, 홍콩ㆍ마카오)
_MIDDLE_DOTS = ("·", "\u2024", "\u318d")
# the one to three words after a space, each with a gloss in Han characters that it may hold (뤼디(綠地)그룹, Greenland
# Group: the brand's characters between its sound and its head)
# (and two nouns joined by a middle dot are one word: 화장품·미용박람회, "the cosmetics and beauty expo")
# (a word may hold digits past its first syllable: 제1회, the first edition, before the event's words)
_HANGUL_WORDS = regexes.compile(
    f"(?: [\uac00-\ud7a3][\uac00-\ud7a30-9]*(?:·[\uac00-\ud7a3]+)*(?:{HAN_GLOSS.pattern}[\uac00-\ud7a3]*)?){{1,3}}")
_QUOTES = {"「": "」", "“": "”", "『": "』", "‘": "’"}
# ... and the straight single quotes Korean papers put around a name ('웨이하이 호텔'), for a quoted name only: a
# straight quote opens and closes alike, so titles and journeys, which look back for their opening mark, leave it out
_NAME_QUOTES_CJK = {**_QUOTES, "'": "'", "”": "”"}  # (and ” typed on both sides: ”合肥リポート”)
_ORG_QUOTE_MARKS = {**_QUOTES, **_TITLE_MARKS}  # what quotes an organisation's name where it is introduced
_QUOTED_ORG_REACH = 30  # characters from a name's end searched for the close of the quotation it opens
_QUOTED_ORG_BREAKS = regexes.compile(r"[，,。！？!?、；;\s]")  # what a quoted name has not: a quoted remark or list has


def quoted_org_name(text: str, start: int, end: int, cues: Mapping[str, frozenset[str]]) -> str:
    """The quoted words a name in characters opens when they end in an organisation's head (「香港太空機械人與能源中心」,
    heads read in simplified characters, as :func:`_cjk` reads them), else "": the organisation's name that the article
    may write again without its marks (``nlp.components._one_quoted_name``). Not a quoted phrase without a head
    (“温州商人”, Wenzhou's merchants) nor a quoted remark or list (a comma, a full stop or a space inside)."""
    close = _ORG_QUOTE_MARKS.get(text[start - 1:start]) if start and is_cjk(text[start:start + 1]) else None
    at = text.find(close, end, end + _QUOTED_ORG_REACH) if close else -1
    if at - end < 2 or _QUOTED_ORG_BREAKS.search(text, end, at) is not None:
        return ""
    heads = _cjk_affixes(cues["org_heads"])
    return text[start:at] if text[end:at].translate(simplified_table()).endswith(heads) else ""


def _opening_mark(text: str, start: int, reach: int, marks: Iterable[str] = _QUOTES) -> int:
    """Where the nearest of the opening ``marks`` stands within ``reach`` characters before ``start`` (-1: none)."""
    return max(text.rfind(mark, max(0, start - reach), start) for mark in marks)

_QUOTED_NAME = regexes.compile(r"[\u3400-\u9fff\u30a1-\u30fa\u30fcA-Za-z0-9]{1,12}")  # no kana particles
# ... and a longer one (up to sixteen) only when it ends as a programme's or an event's name does: its year or a word
# for the event («香港離島青少年硏學交流2023», “澳門優秀大學生灣區科創參訪活動”, “香港在深…青年座谈会”), which a remark does not
_QUOTED_PROGRAMME = regexes.compile(
    r"[\u3400-\u9fff\u30a1-\u30fa\u30fcA-Za-z0-9]{13,16}(?<=[0-9]{4})"
    r"|[\u3400-\u9fff\u30a1-\u30fa\u30fcA-Za-z0-9]{10,14}(?:活动|活動|计划|計劃|论坛|論壇|大会|大會|交流团|交流團|座谈会|座談會"
    r"|研讨会|研討會|交流会|交流會)"
    # ... or a festival's name of a few words, with a particle or a space inside («上海の春 国際音楽祭», «上海之春国际音乐节»)
    r"|[\u3040-\u309f\u3400-\u9fff\u30a1-\u30fa\u30fc 　]{1,12}(?:音楽祭|音乐节|音樂節|映画祭|电影节|電影節|芸術祭|艺术节|藝術節)")
# Korean writes a name's words apart (‘후이저우 삼성(惠州三星)’, ‘홍콩·타이완부’, '시안-한국주간'): words after a space, · or -, each
# with its gloss; a particle written against the name (‘베이징에서 만나자’) is a phrase, not a name
_QUOTED_KOREAN_NAME = regexes.compile(r"(?:[ ·-][\uac00-\ud7a3A-Za-z0-9]+(?:\([^()]{1,10}\))?){1,3}")
# ... or, after a middle dot, a name of its own words (“自贡•中华彩灯大世界”, a park; “成都·大运会”), three characters or
# more: two cities joined by a dot (「北京・上海」) are two places; or, in Japanese, a title of the city's own
# (「重慶の日」, a day named for the city; 「上海の夜」, a song; 「ラサのポタラ宮の歴史的遺跡群」, a World Heritage property:
# words in characters or katakana joined by の, no other kana, as a remark has: 「北京の空気は悪い」)
_QUOTED_DOTTED_NAME = regexes.compile(
    r"[•·・][\u3400-\u9fff\u30a1-\u30fa\u30fcA-Za-z0-9]{3,12}"
    r"|の[\u3400-\u9fff\u30a1-\u30fa\u30fc](?:[\u3400-\u9fff\u30a1-\u30fa\u30fc]|の(?=[\u3400-\u9fff\u30a1-\u30fa\u30fc])){0,15}")
# inside a quotation: the name's own words before it (「日本東京義烏セレクション」) and a katakana word that closes it
# katakana words joined by ・ or & up to the closing mark, with a gloss in brackets (「香港インターナショナル・ワイン&スピリッツ・
# フェア(香港国際美酒展)」, a fair); the first word right after the name, so 「香港・マカオ」 stays two places
_QUOTED_KATAKANA_NAME = regexes.compile(
    r"[\u30a1-\u30fa\u30fc]{2,}(?:[・&＆][\u30a1-\u30fa\u30fc]{2,}){0,5}(?:[(（][^)）」』]{1,20}[)）])?")
_QUOTED_BEFORE = regexes.compile(r"[\u3400-\u9fff\u30a1-\u30fb\u30fcA-Za-z0-9]{1,12}$")  # with ・: 「ザ・上海エディション」
_KATAKANA_CLOSING = regexes.compile(r"[\u30a1-\u30fa\u30fc]{3,}")
# ... or a few words in characters before it (「中国重慶文化観光交流プロモーション」, a promotion event)
_HAN_THEN_KATAKANA = regexes.compile(r"[\u3400-\u9fff]{1,8}[\u30a1-\u30fa\u30fc]{3,}")


_CHINA_PREFIXES = ("中国", "中國")  # the country's name that a quoted name may open with before the city's
_QUOTED_BRACKET = regexes.compile(r"[(（][\u3400-\u9fff\u30a1-\u30fa\u30fc]{1,6}[)）]")  # a seat: (日本)
# ... and at the quotation's end a leg, an edition or where the named place stands only (成都站), (2024), (同省義烏市),
# not a remark's aside (「广州…(透露)」)
_QUOTED_LEG = regexes.compile(r"[(（](?:[\u3400-\u9fff]{1,4}站|(?:19|20)\d\d|[\u3400-\u9fff]{1,8}[市省県縣县區区])[)）]")


_SHIP_WORDS = regexes.compile("[\u3400-\u9fff\u30a1-\u30fa\u30fc]{0,6}")  # the words of a ship's name before the city's


def _quoted_ship(text: str, start: int, end: int) -> bool:
    """The name closes a quoted name before 号, alone or after a few words: a ship's or a train's (“银川”号导弹驱逐舰;
    “东方大连”号, OOCL Dalian)."""
    if text[end:end + 1] not in _QUOTE_CLOSERS or text[end + 1:end + 2] not in ("号", "號"):
        return False
    opened = _opening_mark(text, start, 8)
    return opened >= 0 and _QUOTES.get(text[opened]) == text[end] and _SHIP_WORDS.fullmatch(text, opened + 1, start) is not None


def _quoted_name(text: str, start: int, end: int) -> bool:
    """The name begins a short quotation of word characters only, closed (or followed by "/" and another title)
    within twelve: 「重慶魂」 (a song), “青岛1903” (a bar), 「上海市場」 (the stock market), 「揚州飯店」: a name that
    begins with the city; within sixteen only a programme's or an event's name, ending in its year or a word for it
    (a longer quotation may be a remark without punctuation: “深圳长大深圳人第一次看到那么多人”). A quoted name alone
    (「義烏」) or a quoted phrase (“杭州为主,全省共享”, 「江蘇省蘇州市」) is not one, but for a ship's or a train's name
    with 号 after it (:func:`_quoted_ship`). The country's name may open the quotation before the city's (「中国義烏小商品城」)."""
    if _quoted_ship(text, start, end):
        return True
    close = _NAME_QUOTES_CJK.get(text[start - 1:start]) if start else None
    if close is None and text[start - 2:start] in _CHINA_PREFIXES and start > 2:  # 「中国義烏小商品城」, a market
        close = _QUOTES.get(text[start - 3:start - 2])
    if close is None:
        return False
    # a seat in brackets after the name or a leg at the quotation's end is the name's too (「大連(日本)ソフトウェア
    # パーク」, “遵义产区名优白酒神州行(成都站)”)
    seat = _QUOTED_BRACKET.match(text, end)
    after_name = seat.end() if seat is not None and seat.end() < len(text) and text[seat.end()] != close else end
    for shape in (_QUOTED_NAME, _QUOTED_PROGRAMME, _QUOTED_KOREAN_NAME, _QUOTED_DOTTED_NAME, _QUOTED_KATAKANA_NAME):
        rest = shape.match(text, after_name)
        if rest is None:
            continue
        # or a name followed by its other title (「重慶森林/Chungking Express/恋する惑星」, a film; not 「北京市/上海市」);
        # a space typed before the closing mark is not part of the name (「香港トレイル 」)
        spaced = text[rest.end():rest.end() + 2] in (" " + close, "\u3000" + close)
        leg = _QUOTED_LEG.match(text, rest.end())
        closing_at = rest.end() + 1 if spaced else leg.end() if leg is not None else rest.end()
        follows = text[closing_at:closing_at + 1]
        # (a straight quote typed to open, a curly one to close: '선양 한국인의 날’)
        if follows == close or close == "'" and follows == "’" or follows in ("/", "／") and rest.end() - end > 1:
            return True
    return False


# what joins a pair of names in characters besides the language's relation words (北京と東京, 北京与东京): a middle dot,
# a comma, a dash, a slash or an equals sign; the first four also continue a list (ロサンゼルス・ワシントン・上海)
_ARROWS = ("⇌", "↔", "⇄", "→")  # a route's sign between two names (三亚⇌莫斯科)
_PAIR_JOINERS = ("・", "·", "、", ",", "，", "-", "－", "—", "/", "／", "=", "＝", *_ARROWS, "～", "〜", "~")
_LIST_JOINERS = ("・", "·", "、", ",", "，")
_PAIR_REACH = 12  # characters around the name that the pair may take


def _capital_pair(text: str, start: int, end: int, cues: Mapping[str, frozenset[str]]) -> bool:
    """The name paired with a capital or a government (北京と東京, 日本政府と北京, 베이징과 워싱턴): the capital right before or
    after it, joined by a relation word or a joiner only. Not a capital one step further ("東京から香港を経由して", "中国
    深セン" after 台北), not a list of three or more (ロサンゼルス・ワシントン・上海の3都市), and not a route: a route word after
    the pair (東京・上海間の便, 青岛=东京客运航线, 서울-상하이 노선) or an arrow between (三亚⇌莫斯科)."""
    capitals = _cjk_affixes(cues["capitals"])
    joiners = _PAIR_JOINERS + _cjk_affixes(cues["relation_preps"])
    routes = _cjk_affixes(cues.get("route_words", _NONE))
    after, before = text[end:end + _PAIR_REACH], text[max(0, start - _PAIR_REACH):start]
    if any("\u3400" <= c <= "\u9fff" for c in before + after):  # read in simplified characters, as the cues are
        table = simplified_table()
        after, before = after.translate(table), before.translate(table)
    if not (after.startswith(joiners) or before.endswith(joiners)):
        return False  # (most names: one C call instead of a loop over the joiners)
    for joiner in joiners:
        if after.startswith(joiner):
            rest = after[len(joiner):].lstrip()
            lowered = rest.lower()
            capital = next((c for c in capitals if lowered.startswith(c)), "")
            if capital:
                tail = rest[len(capital):]
                return not (joiner in _ARROWS or tail.startswith(_LIST_JOINERS) or before.endswith(_LIST_JOINERS)
                            or tail.lstrip().startswith(routes))
        if before.endswith(joiner):
            head = before[:len(before) - len(joiner)].rstrip()
            lowered = head.lower()
            capital = next((c for c in capitals if lowered.endswith(c)), "")
            if capital:
                return not (joiner in _ARROWS or head[:len(head) - len(capital)].endswith(_LIST_JOINERS)
                            or after.startswith(_LIST_JOINERS) or after.lstrip().startswith(routes))
    return False


_FIRM_WORDS = frozenset({"汽车", "集团", "公司"})


_SOCIETY_NOUNS = frozenset({"n", "nz", "vn", "t"})  # jieba's tags of the word before a society's 社


def _society(words: Sequence[tuple[str, str]]) -> bool:
    """jieba's ``words`` after a name: a common noun (青年 is tagged as one of time; no place's name: 柳城县 | 社 | 冲 | 乡
    is a township), then 社 as a word of its own, then no noun (学友 | 社 | 组织)."""
    return len(words) > 1 and words[0][1] in _SOCIETY_NOUNS and words[1] == ("社", "n") and (
        len(words) == 2 or not words[2][1].startswith("n"))


# what makes the words before a shop's word a description of the city's shops, not a name: a number (not 万, as in
# 万豪 Marriott), a word of where (西湖边 "by the West Lake", 车站附近 "near the station", 海棠湾区域 "the Haitang Bay
# area"), a bureau (工商局拟对...海鲜排档: the clause goes on to its object) or a verb of opening (城区开干洗店)
_SHOPS_DESCRIBED = regexes.compile("[0-9０-９一二三四五六七八九十百两几边旁区局开对向拟将把]|附近|周边|周围|一带|沿线")


_TOWN_ENDS = ("镇", "乡", "村", "区", "县", "市")  # a unit's word that ends a place's name (望牛墩镇; jieba's words are simplified)


def _firm_words(words: Sequence[tuple[str, str]], length: int) -> bool:
    """Are jieba's words of the ``length`` characters after a name the rest of a firm's name, not a place or a clause
    (东莞|望牛墩镇, a town; 合肥市|拥有|江淮, "Hefei has ...")? No verb and no unit's word among them (jieba's place tag
    says little here: it tags the brand 华兴 as one), but for a verb of one character among others of one and no
    function word, as jieba reads a brand it does not know (无锡|牧|微|银|物|联, 联 tagged a verb; not 合肥|已|落|有, "Hefei
    already has")."""
    covered, run = 0, list(words)[:length]
    coined = sum(len(word) == 1 for word, _ in run) >= 3 and not any(tag.startswith(_NOT_BRAND_TAGS) for _, tag in run)
    for word, tag in words:
        if covered >= length:
            break
        if tag == "v" and not (coined and len(word) == 1) or word.endswith(_TOWN_ENDS):
            return False
        covered += len(word)
    return covered >= length


def _named_shop(phrase: str, at: int, run: str, shops: tuple[str, ...]) -> bool:
    """A shop's, stall's or hotel's word (cue ``shop_heads``) ends a word of jieba's reading three characters or more
    into ``run`` (which begins at ``at`` of ``phrase``): a business whose name begins with the city's (三亚富林渔村海鲜排档,
    广州天河希尔顿酒店, 三亚兰姐川味海鲜加工摊). Not with a number before the word (北京五星级酒店, "five-star hotels in
    Beijing"), a word of where (杭州西湖边小吃店) or fewer characters before it (成都火锅店, "hotpot shops in Chengdu"),
    where the words describe the city's shops instead of naming one; nor after the name written with 市 (the caller),
    which a shop's name leaves out."""
    from nlp.segment import word_starts

    starts = None
    for shop in shops:
        i = run.find(shop, 3)
        if i < 0 or _SHOPS_DESCRIBED.search(run, 0, i) is not None:
            continue
        starts = word_starts(phrase, False) if starts is None else starts
        if at + i + len(shop) in starts:
            return True
    return False


def _festival(words: Sequence[tuple[str, str]]) -> bool:
    """jieba's first word after a name, or the one after 国际 "international" and up to two nouns of its theme, is a
    festival's name of three characters or more ending in 节 (拉萨|雪顿节, 潍坊|国际|风筝节, 东兴|国际|文化|美食节), not a
    holiday, which jieba tags as a time (北京|中秋节|活动, "Mid-Autumn in Beijing")."""
    if words and words[0][0] == "国际":
        words = words[1:]
        while len(words) > 1 and not words[0][0].endswith("节") and words[0][1].startswith("n") \
                and any(word.endswith("节") for word, _ in words[1:3]):
            words = words[1:]
    return bool(words) and len(words[0][0]) >= 3 and words[0][0].endswith("节") and words[0][1] != "t"


def _partner_head(words: Sequence[tuple[str, str]], cues: Mapping[str, frozenset[str]]) -> bool:
    """A carmaker's partner of the cue list ``partner_heads`` as the first of jieba's ``words`` after the name,
    followed by no noun but a firm's word (北京现代, Beijing Hyundai; 北京现代汽车; not 舟山现代海事服务业, Zhoushan's modern
    maritime services)."""
    if not words or words[0][0] not in cues.get("partner_heads", ()):
        return False
    following, tag = words[1] if len(words) > 1 else ("", "")
    return following in _FIRM_WORDS or not tag.startswith(("n", "vn"))


# jieba's tags of a one-character word that is no part of a brand: numerals, measure words, prepositions,
# conjunctions, particles, adverbs, pronouns, directions, modal and other function words (厦门有家电子厂, 厦门对台电子)
_NOT_BRAND_TAGS = ("m", "q", "p", "c", "u", "d", "r", "f", "y", "e", "o", "x", "t", "s")


def brand_and_trade(phrase: str, at: int, trades: Collection[str]) -> bool:
    """In jieba's reading of ``phrase`` (simplified Chinese) from ``at``, a brand and a trade word
    (:func:`_brand_then_trade`)."""
    return _brand_then_trade(words_from(phrase, at), trades)


def _brand_then_trade(words: Sequence[tuple[str, str]], trades: Collection[str]) -> bool:
    """jieba's ``words`` after a name: two words of one character each, one of them read as a noun or an adjective and
    neither a function word, and then a trade word (cue ``trade_heads``): a firm's name written without its legal
    form, a brand that the dictionary does not know between the city and the trade (厦门|祥|达|光学, 厦门|联|芯|集成电路,
    合肥|长|鑫|存储). A word of two characters there (厦门|市民|科技素养, 厦门|海沧|生物医药港) or none (厦门|光学|产业) is
    no brand."""
    if len(words) < 3 or words[2][0] not in trades:
        return False
    pair = words[:2]
    return all(len(word) == 1 and not tag.startswith(_NOT_BRAND_TAGS) for word, tag in pair) and any(
        tag.startswith(("n", "a")) for _, tag in pair)


def _quoted_brand(text: str, start: int, end: int, prefixes: frozenset[str]) -> bool:
    """The name closes a short quotation after a word that makes a product of it (“数字敦煌” "Digital Dunhuang", an
    exhibition; “智慧杭州”, an app: cue ``brand_prefixes``), or stands inside one before a katakana word that closes it
    (「日本東京義烏セレクション」, a showroom): a product's or shop's name, not the place. Unquoted, such a product
    before 讯 is a news app's byline (掌上梅州讯), as 本报讯 is a paper's."""
    if text[end:end + 1] in ("讯", "訊") and text.endswith(tuple(prefixes), 0, start):
        return True
    before = _QUOTED_BEFORE.search(text, max(0, start - 13), start)
    opened = before.start() if before else start
    close = _QUOTES.get(text[opened - 1:opened]) if opened else None
    if close is None:
        return False
    if text[end:end + 1] == close:
        return before is not None and before.group() in prefixes
    katakana = _KATAKANA_CLOSING.match(text, end) or _HAN_THEN_KATAKANA.match(text, end)
    return katakana is not None and text[katakana.end():katakana.end() + 1] == close


# a few words that a quotation holds before the name that closes it: a title's or a slogan's (“海外媒体聚焦天津”, “国潮
# 泉州”, 「世界市長対話・青島」), up to ten characters, a middle dot or a space between them (“美丽家园·幸福拉萨”); no kana
# particle, which makes a remark of it (「ドローンといえば深セン」, "say drones and you say Shenzhen")
_SLOGAN_BEFORE = regexes.compile("[\u30a1-\u30ff\u3400-\u9fff·•・ ]{2,10}$")
_SLOGAN_JOINERS = "·•・ "
# what the words before a name end with when they are not a title's: an epithet of the city (“山城重庆”, “星城长沙”,
# the city itself), a locative verb or preposition (“我们要去北京”, a remark)
_NOT_SLOGAN_ENDS = frozenset("城都市乡鄉岛島港镇鎮省国國州县縣区區在到去往赴至于於从從自回来來离離")
# jieba's tags of function words (particles, adverbs, conjunctions, prepositions, pronouns, numerals, punctuation):
# what follows a quoted claim (“撤离上海”等说法, “撤离上海”不属实), not a name's head
_FUNCTION_WORD_TAGS = ("u", "d", "c", "p", "r", "m", "x", "y", "e")


@lru_cache(maxsize=1024)
def _holds_a_place(words: str) -> bool:
    """``words`` hold a city's or a province's name of the gazetteer, two to four characters (“北接广州南邻深圳”, a
    description of where the city lies; jieba tags too many words ns to say so: 美丽, 江湖)."""
    from nlp.lexicon import read_lexicon

    lexicon = read_lexicon()
    return any(lexicon.form(words[i:j]) is not None or lexicon.province_of(words[i:j]) is not None
               for i in range(len(words)) for j in range(i + 2, min(len(words), i + 4) + 1))


def _quoted_slogan(text: str, start: int, end: int) -> bool:
    """The name closes a short quotation after other words, the title of a campaign, an event or a slogan (参加“海外
    媒体聚焦天津”大型采访活动; 主题为“美丽家园·幸福拉萨”; 「世界市長対話・青島」イベント): part of that title, not the
    place, as a quoted title with the name at its start is (:func:`_quoted_name`). Three characters or more before
    the name; two only where a word of content follows the quotation, whose name it is (“国潮泉州”职业装大会, “远航九江”
    杯; not “撤离上海”等说法, a claim quoted, nor 兰州 in “工业兰州”“创新兰州”, a list of themes). Not where the words are or
    hold a place (“江苏苏州”, 「中国・深セン」: jieba's last word tagged ns; “北接广州南邻深圳”), an epithet of the city
    (“山城重庆”) or end in a locative word; one character before the name is a figure's (“小上海”, “新福州”: features of
    their own)."""
    before = _SLOGAN_BEFORE.search(text, max(0, start - 10), start)
    if before is None:
        return False
    close = _QUOTES.get(text[before.start() - 1:before.start()]) if before.start() else None
    words = before.group().strip(_SLOGAN_JOINERS)
    if close is None or text[end:end + 1] != close or len(words) < 2 or words[-1] in _NOT_SLOGAN_ENDS:
        return False
    table = simplified_table()
    read = jieba_dict.tag(words.translate(table))
    if read and read[-1][1] == "ns" or _holds_a_place(words):
        return False
    if len(words.replace(" ", "")) > 2:
        return True
    following = jieba_dict.tag(text[end + 1:end + 7].translate(table))
    return bool(following) and is_cjk(following[0][0][:1]) and not following[0][1].startswith(_FUNCTION_WORD_TAGS)


# a firm's short name defined in brackets after its full name: "(以下、天津星光)", "（以下简称“上海电气”）"; the city
# begins it and more of the name follows before the bracket closes
_SHORT_NAME_WORDS = r"以下简称|以下簡稱|简称|簡稱|下称|下稱"  # "hereafter called", "called for short"
_SHORT_NAME_BEFORE = regexes.compile(rf"[(（](?:以下|{_SHORT_NAME_WORDS})[、,，:：]?[「『“\"]?$")
_SHORT_NAME_AFTER = regexes.compile(r"[\u3400-\u9fff\u30a1-\u30fa\u30fcA-Za-z0-9]{1,10}[」』”\"]?[)）]")


def _defined_short_name(text: str, start: int, end: int) -> bool:
    """The name begins the short name a text defines in brackets for the firm or body it has just named in full
    ("天津星光橡塑有限公司(以下、天津星光)"), or stands before a short name the text defines without it (香港青年民建联
    (简称“青民联”) ... 香港青民联主席; not 喀什市 before 喀什古城, a short name that begins with the city's own): a name, as
    the full one is."""
    own = text[start:end].removesuffix("市")
    return _SHORT_NAME_BEFORE.search(text, max(0, start - 8), start) is not None \
        and _SHORT_NAME_AFTER.match(text, end) is not None \
        or any(text.startswith(short, end) and not short.startswith(own) for short in _short_names(text))


# a short name the text defines in brackets, quoted or not, before the bracket closes or a comma (简称“青民联”,下同)
_SHORT_NAME_DEFINED = regexes.compile(rf"[(（](?:{_SHORT_NAME_WORDS})[、,，:：]?[「『“\"]?"
                                      r"([\u3400-\u9fff\u30a1-\u30fa\u30fcA-Za-z0-9]{2,10})[」』”\"]?[)）,，、]")


@lru_cache(maxsize=8)
def _short_names(text: str) -> tuple[str, ...]:
    """The short names ``text`` defines in brackets (read once per text, as every mention of it asks)."""
    return tuple(dict.fromkeys(m.group(1) for m in _SHORT_NAME_DEFINED.finditer(text))) if "称" in text or "稱" in text \
        else ()


_TITLE_REACH_IN_QUOTES = 20
_HEADED_TITLE_REACH = 40  # the words after the name in a quoted title that ends with an organisation's head
_QUOTED_TITLE = regexes.compile(r"[^，。！？!?,、；;\n“”「」『』‘’]*")  # a quotation's text without a sentence's punctuation
_TITLE_COLONS = ("：", ":", "──", "——")  # and the dash before a subtitle (「萍寄金山──香港與加州華僑生活」)
# an edition's year opening the quotation (2024杭州; not 2024年), with the country's name after it or not (‘2024 중국
# 광저우 캔톤페어’, the Canton Fair)
_OPENING_YEAR = r"(?:19|20)\d\d\s?(?:(?:중국|中国|中國)\s?)?"
_YEAR_OPENS = regexes.compile(_OPENING_YEAR)
# ... inside quotation marks also with a partner's name and a dash before the name (‘2025 부산-칭다오 청소년 교류캠프’, an
# exchange camp of two cities) or the event's own words (“2023网络全媒体厦门行”, a media tour; not 年, "in 2023")
_YEAR_PAIR_OPENS = regexes.compile(_OPENING_YEAR + r"(?:[\uac00-\ud7a3\u3400-\u9fff]{1,6}[-–]|(?!年)[\u3400-\u9fff]{1,8})?")


# right after the closing mark: the quotation is an exhibition's title (「世界遺産 敦煌」展が, “数字长安”特展); 展 alone only
# before no other character of a word (“西安很美”展现 is "displays")
_EXHIBITION_AFTER = regexes.compile(r"特別?展|展(?![\u3400-\u9fff])|展(?=[在于将已正])")
_LATIN_GLOSS_AT_END = regexes.compile(r"\s?[(（][ -~]*[)）]$")  # an English gloss in brackets closing a quoted title


# the words after a quotation that call it a title, a theme or a slogan ('실크로드의 출발점, 아름다운 시안'이라는 제목으로,
# 「…」というテーマ)
_CALLED_TITLE = regexes.compile(
    r"\s?(?:이)?라는 (?:제목|주제|슬로건|타이틀|표어)|という(?:タイトル|テーマ|題名|スローガン|キャッチフレーズ)|と題(?:した|する|され)")
_CALLED_TITLE_REACH = 40  # characters from the name to the quotation's marks either side
_CALLED_TITLE_MARKS = {**_QUOTES, "'": "'", '"': '"'}
_SENTENCE_STOPS = regexes.compile("[。！？!?\n]")


def _called_a_title(text: str, start: int, end: int) -> bool:
    """The name lies inside a quotation of one sentence that the words after it call a title, a theme or a slogan:
    the title's, whatever its own words are (a comma may stand inside: '실크로드의 출발점, 아름다운 시안'이라는 제목)."""
    for mark, close in _CALLED_TITLE_MARKS.items():
        opened = text.rfind(mark, max(0, start - _CALLED_TITLE_REACH), start)
        closing = text.find(close, end, end + _CALLED_TITLE_REACH) if opened >= 0 else -1
        if closing > 0 and _SENTENCE_STOPS.search(text[opened + 1:closing].rstrip("。.")) is None \
                and _CALLED_TITLE.match(text, closing + 1) is not None:
            return True
    return False


def _titled_quotation(text: str, start: int, end: int, heads: tuple[str, ...] = ()) -> bool:
    """The name lies inside a short quotation whose text is a title with a colon and no sentence's punctuation
    (“纯粹江南：苏州历史陈列”, an exhibition; “泉州：宋元中国的世界海洋商贸中心”, a heritage bid; 「北京：…」), or that the word for
    an exhibition follows (「世界遺産 敦煌」展, “数字长安”特展), or that opens with a year before the name (‘2025 청두
    문화관광 창업 살롱’, an event), or that opens with the name and ends with a head of the language's ``org_heads``
    before an English gloss in brackets or none (‘상해 찾아가는 수산식품 박람회(K-FISH Fair)’, a fair): part of the
    title's name. A quoted remark has a comma or a full stop (“杭州为主，全省共享”), a colon outside the quotation
    introduces speech (他说：“…”)."""
    opened = _opening_mark(text, start, _TITLE_REACH_IN_QUOTES)
    if opened < 0:
        # a straight single quote only right before the edition's year, as Korean papers type a title ('2017 선양
        # 한국인의 날'), closed by either mark
        year = _YEAR_OPENS.search(text, max(0, start - 12), start)
        return year is not None and year.end() == start and text[year.start() - 1:year.start()] == "'" and any(
            _QUOTED_TITLE.fullmatch(text, end, close_at) is not None
            for close_at in (text.find(mark, end, end + _TITLE_REACH_IN_QUOTES) for mark in ("'", "’")) if close_at > 0)
    close = _QUOTES[text[opened]]
    before = _QUOTED_TITLE.fullmatch(text, opened + 1, start)
    after = _QUOTED_TITLE.match(text, end, end + _HEADED_TITLE_REACH)
    if before is None or after is None or text[after.end():after.end() + 1] != close:
        return False
    quoted = text[opened + 1:after.end()]
    headed = start == opened + 1 and text[end:end + 1] == " " and _LATIN_GLOSS_AT_END.sub("", quoted).endswith(heads)
    if after.end() - end > _TITLE_REACH_IN_QUOTES:  # (a longer title only by its head)
        return headed
    return headed or any(colon in quoted for colon in _TITLE_COLONS) or _EXHIBITION_AFTER.match(text, after.end() + 1) is not None \
        or _YEAR_PAIR_OPENS.fullmatch(text, opened + 1, start) is not None


_SPACED_SUFFIX = regexes.compile(r" [A-Za-z]{2}(?![A-Za-z])")  # a club's two letters after a space (칭다오 FC)
# two or more words in Latin letters written against a name in characters: the rest of an event's or a brand's name
# (香港MEGA SHOW, a fair), not a single acronym (深圳IT企業, 北京PM2.5)
_LATIN_NAME_AFTER = regexes.compile(r"[A-Za-z][A-Za-z&'-]+(?: [A-Za-z][A-Za-z&'-]+)+")
# a quotation that opens with the name and a colon is a title with its subtitle (「泉州:宋元中国の海洋商業貿易センター」,
# the World Heritage property's name)
_TITLE_OPENERS = "「『“"
# one capital letter written against a name in Japanese, a race's or club's short name (香港C the Hong Kong Cup, 香港V
# the Vase, 東京V), not an acronym (深圳IT企業) or a grade with its number (上海A1)
_LETTER_NAME = regexes.compile(r"[A-ZＡ-Ｚ](?![A-Za-zＡ-Ｚａ-ｚ0-9０-９])")
# a club's or a firm's name that runs from the city through katakana to FC, SC or 社 (大連プロフェッショナルFC, 蘇州クレステック社)
_KATAKANA_CLUB = regexes.compile(r"[\u30a1-\u30fa\u30fc・]+\s?(?:FC|SC|ＦＣ|ＳＣ|社)(?![A-Za-z])")
_LATIN_QUOTE_REACH = 24  # characters from a quotation's opening mark to the name, and from the name to its end
_LATIN_WORD = regexes.compile("[A-Za-z]{2,}")
_QUOTATION_BREAK = regexes.compile("[，。！？!?,；;\n]")


_INNER_SPACE = regexes.compile(r"\S[ \u3000]+\S")  # a space, half or full width, between two of a quotation's words
_SHORT_HAN_WORD = regexes.compile(r"[\u3400-\u9fff]{1,3}")  # a name's length in characters (a list of names: _spaced_quotation)


def _short_quotation(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the nearest opening mark of a quotation (any script's: 「, 『, “, ‘, ') stands within
    _LATIN_QUOTE_REACH characters before the name, and its closing mark within as many after it; None if either is
    missing."""
    opened = _opening_mark(text, start, _LATIN_QUOTE_REACH, _NAME_QUOTES_CJK)
    if opened < 0:
        return None
    close = text.find(_NAME_QUOTES_CJK[text[opened]], end, end + _LATIN_QUOTE_REACH)
    return (opened, close) if close >= 0 else None


def _quoted_with_latin(text: str, start: int, end: int) -> bool:
    """The name lies inside a short quotation that also holds a word in Latin letters and no sentence's punctuation,
    written as a word of its own (‘2018 홍콩 K-Food Fair’, a fair; 'HTWO 광저우', a plant; 「香港 MEGA SHOW」): a
    brand's or an event's name in Korean or Japanese text, which write their own words in their own script. A
    particle written against the name (‘홍콩에서 K-pop을’) makes it a phrase."""
    quotation = _short_quotation(text, start, end)
    if quotation is None:
        return False
    opened, close = quotation
    # (or the Latin word written against the name: 「大連NEUSOFT国際ソフトウエアパーク」)
    if text[end:end + 1] not in (" ", "·", "・", text[close]) and not _LATIN_WORD.match(text, end):
        return False
    quoted = text[opened + 1:start] + " " + text[end:close]
    return _QUOTATION_BREAK.search(quoted) is None and _LATIN_WORD.search(quoted) is not None


def _spaced_quotation(text: str, start: int, end: int) -> bool:
    """The name lies inside a short quotation whose words a space separates, in a language that writes none between
    its words (cue ``unspaced``: Japanese, Chinese): a shop's, an event's or a work's name set as its words (「西安邁科中心
    蔦屋書店」, a bookshop; 「北京 秋の旅」; “漳州地标 山海盛宴”, a campaign), not a remark, which has a sentence's
    punctuation, not a list of names set apart by spaces, each of three characters or fewer (“北京 上海 广州”), and not
    a name with Chinese's possessive after it, a phrase about the place (“烧烤专列 属于淄博的美味”, a signboard's)."""
    quotation = _short_quotation(text, start, end)
    if quotation is None:
        return False
    opened, close = quotation
    if text[close] in text[opened + 1:start]:  # the quotation closed before the name
        return False
    quoted = text[opened + 1:close]
    return _QUOTATION_BREAK.search(quoted) is None and _INNER_SPACE.search(quoted) is not None \
        and text[end:end + 1] != "的" and not all(_SHORT_HAN_WORD.fullmatch(word) for word in quoted.split())


_JOURNEY_REACH = 40  # characters from a journey's opening quotation mark to its end
_JOURNEY = regexes.compile(r"[^，。！？!?,；;\n“”「」『』]{0,38}?(?:之(?:旅|行)|を行く|を歩く|を巡る|の旅|紀行)")


def _titled_journey(text: str, start: int, end: int) -> bool:
    """The name lies inside a quotation that ends as a journey's or a visit's title does (「喜迎國慶 75 周年之南京歷史探索
    之旅」, 「北京、瀋陽歷史及文化探索之旅」): a school's or a delegation's trip named for the places it visits, listed
    with 、 and without a sentence's punctuation; a remark does not end in 之旅."""
    opened = _opening_mark(text, start, _JOURNEY_REACH)
    if opened < 0:
        return False
    title = _JOURNEY.match(text, opened + 1, opened + 1 + _JOURNEY_REACH)
    return title is not None and title.end() >= end and text[title.end():title.end() + 1] == _QUOTES[text[opened]]


# a stock code in brackets right after the name: the listed company named like the city (鄂尔多斯(600295), Erdos
# Resources; 上海電気(02727)): six digits of Shanghai or Shenzhen, five of Hong Kong, with the exchange's letters or not
_STOCK_CODE = regexes.compile(r"[(（](?:(?:SH|SZ|HK)[.:]?)?\d{5,6}(?:[.:](?:SH|SZ|HK))?[)）]")
# a club's words and its points in the table after the name (青岛青春岛(21分))
_TABLE_POINTS = regexes.compile(r"[\u4e00-\u9fff]{2,4}[(（]\d{1,3}分[)）]")
# a year after the name names its Games or Expo (北京2022, 上海2010); with 年 only before the Games' word itself
# (北京2022年冬季オリンピック; 北京2022年 alone is "Beijing in 2022")
_GAMES_YEAR = regexes.compile(r"(?:19|20)\d\d(?:(?![年\d])|年(?:冬季|夏季)?(?:オリンピック|パラリンピック|五輪|冬奥会|奥运会|冬残奥会"
                         r"|亚运会|アジア大会|万博|世博会))")
# a school numbered after the name (北京第12高校, 上海市第一中学, 北京四中 written with 第): not 中国, 中心, 中央 or a court's
# 中級 (北京市第2中級人民法院)
# (in Korean past the city's 시: 난징시 제2고등학교)
_NUMBERED = r"第[0-9０-９一二三四五六七八九十]{1,3}"  # the ordinal before a school's or a works' word
_NUMBERED_SCHOOL = regexes.compile(_NUMBERED + r"(?:中学|中學|高校|高中|小学|小學|中(?![国國文心间間央部东東西南北外級级]))"
                                   r"|시? 제 ?[0-9]{1,2} ?(?:중학교|고등학교|초등학교|소학교|고급중학)")
# ... and works numbered after it (長春第一自動車製造工場, the First Automobile Works; 北京第二机床厂), matched as the
# school is, in the simplified copy of the words after the name (工場 as 工场)
_NUMBERED_WORKS = regexes.compile(_NUMBERED + r"[\u3400-\u9fff]{0,6}?(?:工場|工场|工厂|工廠|厂|廠|製作所|制作所)")
# a project's or a plant's phase after the name and its word (武汉新芯二期, 武汉天马G6二期, 京东方成都B7二期工程): the
# name is the project's, a firm's plant; not an issue or a round counted by 第 (疫情第二期), nor a verb's object (在广州
# 建设二期基地, "to build its second phase in Guangzhou": jieba's word after the name is no verb)
_PHASE_AFTER = regexes.compile(r"([\u3400-\u9fff]{2,4})[A-Za-z0-9]{0,4}(?<!第)[一二三四五六][期]")
_GLOSS_REST = regexes.compile(r"([\u3400-\u9fff]{1,8})[)）]")
_UNIT_SUFFIXES = ("市", "省", "區", "区", "縣", "县", "州", "鎮", "镇")


def _glosses_a_longer_name(text: str, start: int, end: int) -> bool:
    """Korean glosses a name in Han characters in brackets after it; a gloss that goes on past the city's name
    (‘후이저우 삼성(惠州三星)’, Samsung's Huizhou company) glosses a longer name that begins with it, unless what follows
    is the city's own unit (후이저우시(惠州市)); a one-character abbreviation is read by nlp/abbreviations.py."""
    if text[start - 1:start] not in ("(", "（") or end - start < 2:  # 징진지(京津冀): abbreviations, a region
        return False
    rest = _GLOSS_REST.match(text, end)
    return rest is not None and not rest.group(1).startswith(_UNIT_SUFFIXES)


def _figure_of_speech(text: str, start: int, end: int) -> bool:
    """The name ends a short quotation that makes it a figure of speech: a new or a second one, or one of somewhere
    else (打造一个「新香港」, 被誉为“大山里的深圳”, ‘내륙의 상하이’): another place compared with the city, not the city.
    Unquoted, "little X" or "new X" named as such (小香港と言われていた, 被称为小香港) is one too, as is "a miniature X" (一个小型澳门)."""
    if text[start - 1:start] in ("小", "新") and (text.startswith(_NAMED_AS_AFTER, end)
                                                 or text[max(0, start - 4):start - 1].endswith(_BECOMING)):
        return True
    # "a miniature X" made of somewhere else (将西哈努克城改造成一个小型澳门)
    if text[max(0, start - 2):start] in ("小型", "迷你") and text[max(0, start - 5):start - 2].endswith(_BECOMING):
        return True
    # "the X of a region" that a place becomes (喀什要成为西部的深圳, "Kashgar is to become the Shenzhen of the west")
    # or is called (北方の香港と呼ばれ, 有北方香港之称)
    if _BECOMING_THE_X_OF.search(text, max(0, start - 10), start) is not None or text.startswith(
            _NAMED_AS_AFTER, end) and _REGION_OF.search(text, max(0, start - 5), start) is not None:
        return True
    if text[end:end + 1] not in _QUOTE_CLOSERS:
        return False
    opened = _opening_mark(text, start, 10, _QUOTE_OPENERS)
    if opened < 0:
        return False
    prefix = text[opened + 1:start]
    if not prefix or any(c in prefix for c in _QUOTE_CLOSERS):
        return False
    # "a new X" only where the text makes something else one (打造一个「新香港」, 成为“新香港”): 「新大連」 alone is the
    # city's own new face; "a little X" or "another X" quoted is always somewhere else (悉尼的“小香港”, a suburb)
    # (a space before the opening mark, as typeset text has it: 开辟出一个 “新福州”)
    return prefix.endswith(("的", "の", "의 ")) or prefix in _FIGURATIVE_PREFIXES and (
        prefix != "新" or text[max(0, opened - 4):opened].rstrip().endswith(_BECOMING)) or _QUOTED_DIRECTION.fullmatch(
        prefix) is not None


# a part of the country quoted before the name alone (“西部深圳”, "the western Shenzhen"), not the country (“中国香港”,
# Hong Kong's own name in sport)
# ("the Orient's X", 东方, is a slogan's word for the city itself: “东方青岛”)
_DIRECTIONS = "西部|东部|東部|中部|北部|南部|西北|西南|东北|東北|东南|東南|北方|南方|内陆|內陸|内陸"
_QUOTED_DIRECTION = regexes.compile(f"(?:{_DIRECTIONS})")
# (a verb of becoming or being called, then a region or a country: not 一个更加美好的深圳, "a better Shenzhen")
_REGIONS = (_DIRECTIONS + "|东方|東方|中国|中國|世界|亚洲|亞洲|全球|中亚|中亞|东盟|東盟|非洲|欧洲|歐洲|美国|美國|印度|越南|東洋|アジア")
_BECOMING_THE_X_OF = regexes.compile("(?:" + "|".join(_BECOMING_VERBS) + f")(?:{_REGIONS})的$")
# ... and a region's X, with the possessive or without, before a word of being called (北方の香港と呼ばれ)
_REGION_OF = regexes.compile(f"(?:{_REGIONS})[の的]?$")
# a direction and a verb of reaching that a city's name spells (南通, "reaches south") in a series of such pairs, each
# before a region (西接成渝、南通北部湾、北联关中): where the region opens out, not Nantong; after such a pair the name is
# what it reaches (北接南通)
_DIRECTION_VERB = regexes.compile("[东東西南北][接联聯连連通进進拓靠邻鄰融达達向]")
_AFTER_DIRECTION_VERB = regexes.compile("[东東西南北][接联聯连連通进進拓靠邻鄰融达達向][\u4e00-\u9fff]{1,4}$")


def _direction_in_series(text: str, start: int, end: int) -> bool:
    """The name spells a direction and a verb of reaching (:data:`_DIRECTION_VERB`) after a pause or another such pair
    and its region, and another such pair stands within a dozen characters: a region's reach each way."""
    if _DIRECTION_VERB.fullmatch(text, start, end) is None or _DIRECTION_VERB.fullmatch(text, max(0, start - 2), start):
        return False
    if text[start - 1:start] not in ("、", "，", ",", "；", ";") and _AFTER_DIRECTION_VERB.search(
            text, max(0, start - 6), start) is None:
        return False
    name = text[start:end]  # (another mention of the name is no other pair: 南通医学院、南通工学院)
    return any(pair.group() != name for pair in _DIRECTION_VERB.finditer(text, max(0, start - 12), start)) or any(
        pair.group() != name for pair in _DIRECTION_VERB.finditer(text, end, end + 12))


# an event's or a project's scope before its host, also a bilateral one (中新(重庆)...示范项目, China and Singapore;
# 中哈(连云港)物流合作基地, China and Kazakhstan; Japanese writes Germany's character as 徳: 中徳(瀋陽)...産業園), a
# region's of several countries or cities (中国西部(银川)房·车博览会, 东北亚(兴城)国际泳装博览会; not a part of China
# alone: 东北(沈阳)地区 is the place) and the two sides of the Strait (海峡两岸(温州)民营经济创新发展论坛); ``before`` is
# read in simplified characters
_HOST_SCOPE = regexes.compile(
    r"(?:中国|国际|全国|世界|亚洲|中[新欧德徳法俄日韩哈吉乌巴老泰越蒙非阿美英意马印澳加柬缅塞白]|西部|东部|中部|两岸"
    r"|东北亚|东盟|中亚|南亚|亚欧|欧亚|亚太|长三角|大湾区|粤港澳)$")
# ... and the name goes on after the brackets, also past a middle dot (房·车博览会)
_NAME_GOES_ON = regexes.compile(r"[\u4e00-\u9fff][·・]?[\u4e00-\u9fff]")
# Korean writes the bilateral scope in Hangul, the name's words against it (중한산업단지(옌타이) 홍보관, the China-Korea
# Industrial Park (Yantai); 중한(옌타이)산업단지), the two sides also apart (중·한 (창춘) 국제협력시범구); China's or an
# international scope only before more of the name
_KOREAN_BILATERAL = regexes.compile("(?:중[·・]?한|한[·・]?중)[\uac00-\ud7a3]* ?$")
_KOREAN_SCOPE = regexes.compile("(?:중국|국제)$")


def _korean_name_goes_on(after: str) -> bool:
    """A Korean word of two syllables or more follows, besides its particle (중국(옌타이)산업단지; not 중국(옌타이)에서)."""
    word = _HANGUL_WORD.match(after)
    return word is not None and word.group() not in _korean_particles() and len(_without_particle(word.group())) > 1


# 中大, 港科大 before the bracket; not the 大 of a verb or an adjective (扩大, 重大)
_SHORT_UNIVERSITY = regexes.compile("[\u4e00-\u9fff](?<![扩加放增壮强重巨伟最更很较不宏盛广远高长])大$")
_CAMPUS = regexes.compile("(?:校区|校區|キャンパス|校)?(?=[)）])")  # a campus word before the closing bracket


_BRACKETED_WORD = regexes.compile("[（(][\u3400-\u9fff]{2,4}[)）]")  # a seat in brackets: 鄂尔多斯(深圳)


def _in_company_brackets(text: str, start: int, end: int, *heads: tuple[str, ...]) -> bool:
    """The name in brackets inside an organisation's name: after a head (国家会展中心（上海）), a firm's trade word
    (南亞電子材料(昆山), cue ``trade_heads``) or a service's word (中欧班列(重庆), cue ``bracket_heads``), also with a
    word for its campus (山東大学(威海校), 北京师范大学(珠海校区)), or before one (日岩帝人商事(上海)有限公司): the
    company's, venue's or university's seat as part of its registered name; and after a university's short name
    ending in 大 (中大(深圳), 港科大(廣州)), the campus of a university in another city."""
    campus = _CAMPUS.match(text, end)
    if text[start - 1:start] not in ("(", "（") or campus is None:
        return False
    end = campus.end()
    table = simplified_table()  # (the heads are simplified: 香港中文大學(深圳) as 香港中文大学)
    before, after = text[max(0, start - 13):start - 1].translate(table), text[end + 1:end + 7].translate(table)
    if _SHORT_UNIVERSITY.search(before) is not None:  # a university's short name, 中大(深圳), 港科大(廣州)
        return True
    # ... or before the rest of the name that ends in a legal form or a kind of firm (联想创新（天津）投资管理有限公司,
    # 联想（天津）合伙企业, 艾杰(杭州)网络技术有限公司)
    # ... or the host in brackets after the event's scope and before the rest of its name (国际(亳州)中医药博览会,
    # 中国(郑州)国际旅游城市市长论坛), as in "the 11th China (Chongqing) Hotpot Food and Culture Festival"; in Korean
    # after a bilateral scope (중한산업단지(옌타이), 중한(옌타이)산업단지)
    return any(before.endswith(words) or after.startswith(words) for words in heads) or _FIRM_AFTER_SEAT.match(
        text, end + 1) is not None or (_HOST_SCOPE.search(before) is not None and _NAME_GOES_ON.match(after) is not None) \
        or _KOREAN_BILATERAL.search(before) is not None \
        or _KOREAN_SCOPE.search(before) is not None and _korean_name_goes_on(after)


# what the segmenter may join to the end of a head (_whole_head); 讯 a paper's dateline (海西|晨报讯, "Haixi Morning Post
# reports"); Japanese 長, its chief (上海駐在員|事務|所長, the head of the Shanghai office), read simplified as 长
_HEAD_ENDINGS = ("队", "赛", "后", "後", "前", "将", "会长", "行长", "讯", "訊", "長", "长")


def _named_works(words: list[tuple[str, str]]) -> bool:
    """jieba's words after a name make a works' name: a word that ends in 厂 (works, plant) after two characters or
    more of words that are no verb (上海|造船厂, 北京|第一|机床厂, 瑞安|红旗|汽配|厂, 上海|昌|硕|厂). A plant named by
    its city alone (富士康郑州厂, "Foxconn's Zhengzhou plant") or by one word (新厂, 分厂) is a plant in the city, and a
    word that makes a plant (苏州|设厂, 平湖|建厂) or a verb before one (泉州|请|制革厂) ends no name."""
    length = 0
    for word, flag in words[:5]:
        if flag.startswith("v") or not is_cjk(word[0]):
            return False
        if word.endswith("厂"):
            return length + len(word) > 2
        length += len(word)
    return False


def _head_then_verb(part: str, at: int, head: str, offset: int, starts: Mapping[int, int]) -> int | None:
    """Where the segmenter joins a head of two characters or more and the verb after it into one word (乌鲁木齐 |
    海关监管, "supervised by Urumqi Customs"; jieba's word, read in two: 海关 | 监管, a verb), that word's start; ``None``
    when the rest is no single verb (北京 | 中心城区, the central district: 城区 a noun)."""
    begin = offset + at
    end = next((e for e, b in starts.items() if b == begin), None)
    if end is None or end - begin < len(head) + 2:
        return None
    rest = jieba_dict.tag(part[at + len(head):end - offset])
    return begin if len(rest) == 1 and rest[0][1] in ("v", "vn") else None


def _whole_head(heads: tuple[str, ...], part: str, offset: int, starts: Mapping[int, int],
                first_only: bool = False) -> bool:
    """A head of ``heads`` in ``part`` (which begins at ``offset`` of the segmented phrase, after the name) ends a
    word, and a head of one character is a word or ends the word that begins with the name: 上海交响乐团,
    长春祠, 尚志館 and 北京国安队 have heads, 上海观众 (the audience), 北京排队 (queueing), 北京大学生 (students)
    and 上海寺院 (temples) do not. A head of two characters or more before 队 (team) or 赛 (race), or before 后, 後 or
    前 (after, before), 将 (will), 会长 (its president) or Japanese 長 (its chief) may end with it instead, as the
    segmenter reads 广州恒大队 as 恒 | 大队 (brigade), 广州恒大将 as 恒 | 大将 (a general), 厦门马拉松赛 as 马拉松赛,
    温州商会会长 as 商会会长 and Sudachi 北京冬季五輪後 ("after the Beijing Winter Games") as 冬季 | 五輪後, 上海駐在所長
    as 駐在 | 所長; or the segmenter joins it to the verb after it (:func:`_head_then_verb`)."""
    for head in heads:
        at = part.find(head)
        while at >= 0 and not (first_only and at):
            end = offset + at + len(head)
            begins = starts.get(end)
            if begins is None and len(head) > 1:
                ending = next((e for e in _HEAD_ENDINGS if part.startswith(e, at + len(head))), "")
                begins = starts.get(end + len(ending)) if ending else _head_then_verb(part, at, head, offset, starts)
            if begins is not None and (len(head) > 1 or begins in (offset + at, 0)):
                return True
            at = part.find(head, at + 1)
    return False


_HYPHENS = ("-", "–", "‐", "‑")


def _hyphen_joined_head(text: str, start: int, end: int, after_all: str) -> bool:
    """Chinese and Japanese (read in simplified characters, as Chinese): the name, a hyphen and another name that an
    organisation's head ends (上海-新加坡全面合作理事会, a council of the city and the country; 上海‐横浜友好交流協議書):
    the head names both, as a head right after the name would. ``after_all`` is the simplified copy of the characters
    after the name. Not a route between two cities (北京-上海高铁: no head)."""
    if after_all[:1] not in _HYPHENS or not is_cjk(after_all[1:2]):
        return False
    run = _NAME_RUN_END.split(_HAN_RUN.findall(after_all, 1, RUN_REACH + 1)[0])[0]
    # (the name's own characters, in simplified characters as jieba reads them: not the whole text's copy per name)
    return _chinese_head(text[start:end].translate(simplified_table()), 0, end - start, run) if run else False


@lru_cache(maxsize=1)
def _simplified_chars() -> frozenset[str]:
    """The characters OpenCC's table maps a traditional one to (马 for 馬, 节 for 節): mostly written in simplified
    Chinese only, a few (台, 干) in every script, which is why jieba's reading of the run still decides."""
    return frozenset(simple for code, simple in simplified_table().items() if not is_radical(code))


def _simplified_only(part: str) -> bool:
    return any(c in _simplified_chars() for c in part)


@lru_cache(maxsize=1)
def _kyujitai() -> frozenset[str]:
    """The traditional characters that Japanese writes in a simplified form of its own (會, 覽, 樂: 会, 覧, 楽), from
    ``nlp/data/shinjitai.tsv``."""
    path = Path(__file__).with_name("data") / "shinjitai.tsv"
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    return frozenset(row[0] for row in rows if len(row) == 2)


def _unlike_japanese(part: str) -> bool:
    """``part`` holds a traditional character that Japanese writes otherwise: Chinese quoted in Japanese text."""
    return any(c in _kyujitai() for c in part)


@lru_cache(maxsize=1)
def _chinese_heads() -> frozenset[str]:
    """The zh organisation heads and dish words as one set, built once (not a union per name read)."""
    zh = cues_for("zh")
    return zh["org_heads"] | zh["dish_words"]


def _chinese_head(text: str, start: int, end: int, run: str) -> bool:
    """A Chinese organisation head, or a dish's word (兰州牛肉面 quoted in Korean), ends a word of jieba's reading of
    the name and ``run`` (the simplified copy of the characters after it)."""
    from nlp.segment import word_starts

    heads = _chinese_heads()
    if _cjk_any_of(heads).search(run) is None:
        return False
    phrase = text[start:end].translate(simplified_table()) + run
    return _whole_head(_cjk_affixes(heads), run, end - start, word_starts(phrase, False))


# one or two capital letters of a share class between a name and the Korean word they qualify (홍콩H지수, 홍콩 H지수)
_SHARE_CLASS = regexes.compile(r" ?[A-Z]{1,2}(?=[\uac00-\ud7a3])")


_SENTENCE_ENDS = regexes.compile(r"[。．!?！？\n][。．!?！？\s]*")  # a sentence end and the blank after it


def _sentences_around(text: str, start: int, after_all: str) -> str:
    """The name's sentence, the sentence before it and the one after (within 80 characters either side), in
    simplified characters: where a market report says what the market is (株, 上場) about a name."""
    prior = _SENTENCE_ENDS.split(text[max(0, start - 80):start])
    return "".join(prior[-2:]).translate(simplified_table()) + "".join(_SENTENCE_ENDS.split(after_all, maxsplit=2)[:2])


_SCORE_ANYWHERE = regexes.compile(_RESULT_SCORE)


@lru_cache(maxsize=8)
def _sentence_ends(simple: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where each sentence end of a text (``_SENTENCE_ENDS``) begins and where it stops, read once per text: a side's
    every mention asks for its sentence, and scanning from the text's start for each made long match copy quadratic."""
    spans = [m.span() for m in _SENTENCE_ENDS.finditer(simple)]
    return tuple(a for a, _ in spans), tuple(b for _, b in spans)


def sentence_of_the_game(simple: str, start: int, end: int, cues: Mapping[str, frozenset[str]]) -> bool:
    """The sentence of the name at ``start:end`` in ``simple`` (a Chinese text in simplified characters) speaks of a
    game: a score, a word of sport or a side's verb (青岛稳扎稳打逐渐追上并反超比分; not 下一周，淮安将于周六迎来降温):
    where match copy's sides by their city alone are read (``components._one_side_chinese``)."""
    starts, ends = _sentence_ends(simple)
    opened = bisect_right(ends, start)  # the sentence ends before the name
    closed = bisect_left(starts, end)  # the first one after it
    sentence = simple[ends[opened - 1] if opened else 0:ends[closed] if closed < len(ends) else len(simple)]
    return _SCORE_ANYWHERE.search(sentence) is not None or any(
        _cjk_any_of(cues[key]).search(sentence) is not None for key in ("sport_words", "team_after", "team_before"))


# a character's pinyin in brackets right after it, with its tone mark (門(mén), 場(chǎng)); the reach that is read for them
_PINYIN_GLOSS = regexes.compile(
    "(?<=[\u3400-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")
_PINYIN_REACH = 40


def _cjk(text: str, start: int, end: int, cues: Mapping[str, frozenset[str]]) -> dict[str, float]:
    """Chinese, Japanese and Korean text: the same features from character cues right before/after the name.
    Traditional text is read as its simplified copy (:func:`nlp.folding.simplified_table`), as each cue list
    is, so 中山大學 and 北京協和醫院 meet the organisation heads 大学 and 医院. After a name written in
    characters, an organisation head or a name's suffix counts only as whole words of the segmenter's reading
    (:func:`_whole_head`: jieba's, Sudachi's for Japanese)."""
    given = text

    def simplified(lo: int, hi: int) -> str:
        """``text[lo:hi]`` in simplified characters: a slice of the copy made once per text as given
        (:func:`nlp.folding.simplified_text`), copied anew only from a text the glosses above were taken out of."""
        return simplified_text(text)[lo:hi] if text is given else text[lo:hi].translate(simplified_table())

    # Japanese glosses a name's reading in kana right after it: what names the city, or a dish or a firm by it, follows
    # the gloss (蘭州(らんしゅう)ラーメン is 蘭州ラーメン), so the words after the name are read past it
    # ... also the reading of the name and the word after it (杭州蕭山(こうしゅうしょうざん)空港 is 杭州蕭山空港)
    if "attached" in cues and is_cjk(text[end - 1]) and (word_after := _HAN_WORD_AFTER.match(text, end)) is not None and (
            reading := _KANA_GLOSS.match(text, word_after.end())) is not None:
        text = text[:reading.start()] + text[reading.end():]
    # pages that print each character's pinyin after it (廈門(mén)機場(chǎng), as some copy sites do) are read without
    # those readings, on either side of the name
    if _PINYIN_GLOSS.search(text, end, end + _PINYIN_REACH) is not None:
        # (from the name's last character, which the first reading looks back at)
        text = text[:end - 1] + _PINYIN_GLOSS.sub("", text[end - 1:end + 3 * _PINYIN_REACH]) \
            + text[end + 3 * _PINYIN_REACH:]
    titled = _in_title(text, start, end, _KOREAN_TITLE_MARKS if "angle_titles" in cues else _TITLE_MARKS) or (
        _korean_quoted_title(text, start, end, cues.get("title_nouns", _NONE)))
    sentence_start = start == 0 or text[start - 1] in "。！？\n"
    before, after_all = text[max(0, start - 6):start], text[end:end + 80]
    glossed_before = _PINYIN_GLOSS.search(text, max(0, start - _PINYIN_REACH), start) is not None
    if glossed_before:
        before = _PINYIN_GLOSS.sub("", text[max(0, start - _PINYIN_REACH):start])[-6:]
    if any("\u3400" <= c <= "\u9fff" for c in before + after_all[:12]):
        before = before.translate(simplified_table()) if glossed_before else simplified(max(0, start - 6), start)
        after_all = simplified(end, end + 80)
    after = after_all[:8]

    def starts(key: str) -> bool:  # (cue words are lower case: 镇江VS扬州 meets vs)
        return after.lower().startswith(_cjk_affixes(cues[key]))

    def ends(key: str) -> bool:
        return before.lower().endswith(_cjk_affixes(cues[key]))

    def inside(key: str, part: str) -> bool:
        return _cjk_any_of(cues[key]).search(part) is not None

    f = dict.fromkeys(LEXICAL, 0.0)
    # Korean writes a name's organisation, product or club as a word of its own after a space (베이징 대학교,
    # 칭다오 맥주, 홍콩 달러, 상하이 선화; one or two modifiers may come between, none with a particle: 칭다오 국제 맥주
    # 축제, 베이징 스마트 이스포츠 센터): those words, read like the characters attached to the name; and a compound
    # written as one word (칭다오맥주)
    # past a gloss in Han characters (베이징(北京)대, Peking University) or, for the Han name in it, its bracket
    attached = "attached" in cues  # Japanese and Korean: particles attach to the name
    gloss = HAN_GLOSS.match(text, end)
    word_end = gloss.end() if gloss else end + 1 if text[end:end + 1] in (")", "）") and attached else end
    if attached and text.startswith("시", word_end) and (text.startswith(" ", word_end + 1) or text.startswith(
            _cjk_affixes(cues["org_heads"]), word_end + 1)):
        # past the city's own 시, before a word (웨이하이시 한인회, the association of Koreans there) or a head written
        # onto it (창춘시팀, the Changchun city side)
        word_end += 1
    joined = text[word_end:word_end + 1] in _MIDDLE_DOTS or attached and text[word_end:word_end + 1] in ("-", "–")
    dotted = _HANGUL_WORD.match(text, word_end + 1) if joined else None
    if dotted:
        # 홍콩·마카오 판공실: names joined by a middle dot share the words after the last, as do names joined by a
        # hyphen (쑤저우-싱가포르 공업원구), and the head written onto the last (상하이·선전증시, 쑤저우-인촨산업원: below)
        word_end = dotted.end()
    elif attached and (and_name := _KOREAN_AND_NAME.match(text, word_end)) and _is_city_form(and_name.group(1)):
        word_end = and_name.end()  # 베이징과 상하이 모터쇼: ... as do names joined by "and"
    if attached and (share_class := _SHARE_CLASS.match(text, word_end)):
        word_end = share_class.end()  # 홍콩H지수 (the Hang Seng China Enterprises index): the letter of a share class
    next_words = _HANGUL_WORDS.match(text, word_end)
    words_after = HAN_GLOSS.sub("", next_words.group()).split() if next_words else []
    # a word with its particle ends the phrase (다롄 시내에서 축제); not the 시 that the particle list holds for a city's
    # name (베이징시), which ends nouns too (낚시 협회, a fishing association)
    ended = next((k for k, word in enumerate(words_after[:-1])
                  if word.endswith(_korean_particles()) and not word.endswith("시")), None)
    if ended is not None:
        del words_after[ended + 1:]
    if compound := _HANGUL_WORD.match(text, word_end):  # a compound written as one word (칭다오맥주)
        words_after.insert(0, compound.group())
    elif dotted and (rest := _after_city_form(dotted.group())):
        words_after.insert(0, rest)  # ... and the words a joined name is written with (선전증시, 인촨산업원은)
    # the characters that can still be the name's (_NAME_RUN_END): 北京的大学, 北京几家大医院 "several hospitals in
    # Beijing", 在上海而非法兰克福车展, 南宁某公司 "a company in Nanning", 武汉中国科学院 "the Academy, in Wuhan"
    # Japanese names run on through katakana words too (成都パンダ繁育研究基地, 上海・深セン株式市場)
    run = (_JA_NAME_RUN_END if attached else _NAME_RUN_END).split(
        (_KANA_RUN if attached else _HAN_RUN).findall(after_all, 0, RUN_REACH)[0])[0]
    segmented = is_cjk(text[start])  # a name in characters: heads and suffixes are checked as whole words

    # the name and what follows as the segmenter reads them: Sudachi the Japanese as written, jieba the simplified copy
    # (offsets are the same)
    phrase = text[start:end + RUN_REACH] if attached else simplified(start, end) + after_all[:RUN_REACH]

    def whole(heads: tuple[str, ...], part: str, first_only: bool = False) -> bool:
        from nlp.segment import word_starts  # the segmenters load spaCy: only for a name in characters

        return _whole_head(heads, part, end - start, word_starts(phrase, attached), first_only)

    # a building or association whose name begins with the name (長春祠 a shrine, 興安會館 a clan hall, 尚志館),
    # also past a katakana name's ・ (マカオ・タワー)
    # ... and Korean's in Latin letters after a space too, as a whole word (칭다오 FC를, the club Qingdao FC)
    suffixes = _cjk_affixes(cues.get("name_suffixes", _NONE))
    suffixed = after.removeprefix("・").lower().startswith(suffixes) and (  # cue words are lower case (広州FC)
        not segmented or whole(suffixes, after.lower(), first_only=True)) or "han_glosses" in cues and (
        _SPACED_SUFFIX.match(after) is not None and after[1:].lower().startswith(suffixes)) or (
        "attached_suffixes" in cues and starts("attached_suffixes"))  # only written against the name (베이징TV)
    heads = _cjk_affixes(cues["org_heads"])
    # ... or a Korean word after the name that is one (:func:`_korean_head`)
    headed = inside("org_heads", run) and (not segmented or whole(heads, run)) or any(
        _korean_head(words_after, k, heads, cues) for k in range(len(words_after))) or (
        "han_glosses" not in cues and segmented and _hyphen_joined_head(text, start, end, after_all)) or _counted_list_head(
        text, start, end, cues) or "han_glosses" in cues and _korean_bracketed_seat(text, start, end)
    # an official account named by the city in a credit line (来源：遵义发布, 图源：合肥市人民政府发布): the account
    credited = run.removeprefix("人民政府").startswith("发布") and _CREDIT_BEFORE.search(
        text, max(0, start - _CREDIT_REACH), start) is not None
    # a tour's or a series' leg named by its host (世界巡回演唱会香港站, TCR世界巡回赛澳门站, 马拉松锦标赛(徐州站), a quoted
    # campaign's: “家门口享非遗”淮安站) and a camp's (冬令营-福建泉州营); a railway station (经停济南站) is the city's own
    headed = headed or run.startswith(("站", "营")) and "tour_words" in cues and (
        start > 0 and text[start - 1] in _QUOTE_CLOSERS + "》" or inside("tour_words", _clause_before(
            simplified(max(0, start - _TOUR_REACH), start))))
    # after 市 a head names the city's own part or office (上海市中心 downtown, 北京市長 the mayor, 深圳市人民政府 its
    # government, whatever name follows: 深圳市人民政府和深圳华大基因研究院), not a name
    # (not before a firm's legal form: 三亜市内免税店有限公司 is a firm named "Sanya downtown duty-free shop")
    past_shi = run.removeprefix("市")
    city_part = (run.startswith("市") and past_shi.startswith(_CITY_PARTS)
                 or text[end - 1:end] == "市" and run.startswith(_CITY_PARTS)) and not (  # 哈尔滨市中心: its own 市
        _FIRM_FORM.search(run) is not None or past_shi.startswith(_CENTRAL_INSTITUTIONS)
        or _LONG_DISTRICT.match(past_shi) is not None)
    # ... and a name written with its 市 before a province's name is where another's name begins (溧阳市江苏中关村科技产业园,
    # "the Jiangsu Zhongguancun park in Liyang"): the place of what follows
    city_part = city_part or text[end - 1:end] == "市" and _province_begins(run) or run.startswith(_CENTRAL_AREAS)
    # Japanese 市場 names the exchange where the sentence speaks of shares (上海市場の株価), else the city's market
    # (the run is read in simplified characters); also the 市場 of the next name listed (上海、深セン市場) and both
    # markets (上海、深セン両市場)
    market = run.lstrip("両两兩").startswith(("市場", "市场")) or _SHARED_MARKET.match(after_all) is not None
    # (stock words in the name's sentence, the one before or the one after: 上場銘柄数は…上海市場(1452銘柄)を上回る)
    exchange = "stock_words" in cues and market and inside("stock_words", _sentences_around(text, start, after_all))
    # the place where a company is listed is its exchange, past the particle (香港に上場, 홍콩에 상장된; cue
    # ``listing_after``), as "listed in Hong Kong" is in English
    exchange = exchange or after.startswith(_cjk_affixes(cues.get("listing_after", _NONE)))
    trades = _cjk_affixes(cues.get("trade_heads", _NONE))  # a firm's trade words (and their simplified copies)
    bracket_heads = _cjk_affixes(cues.get("bracket_heads", _NONE))
    bracketed = _in_company_brackets(text, start, end, heads, suffixes, trades, bracket_heads)
    # ... and the name right before such a seat, which the organisation is named by (鄂尔多斯(深圳)人才科创中心, a centre
    # of Ordos in Shenzhen; 东台(昆山)台商投资恳谈会, Dongtai's forum held in Kunshan)
    seat = _BRACKETED_WORD.match(text, end) if segmented else None
    bracketed = bracketed or seat is not None and _in_company_brackets(
        text, seat.start() + 1, seat.end() - 1, heads, suffixes, trades, bracket_heads)
    # Japanese and Korean text quote Chinese names in simplified characters (北京马拉松, 哈尔滨国际冰雪节) or in
    # traditional ones that Japanese writes otherwise (中文名:香港會議展覽中心), and Korean writes Han only in such
    # glosses (延邊日報): such a run reads the Chinese heads, as whole words of jieba's reading
    quoted_chinese = text[end:end + len(run)]
    if not headed and attached and segmented and (
            "han_glosses" in cues or _simplified_only(quoted_chinese) or _unlike_japanese(quoted_chinese)):
        headed = _chinese_head(text, start, end, run) or "han_glosses" in cues and _glosses_a_longer_name(text, start, end)
    # Chinese: the word after the name is a carmaker's partner (北京现代), or ends in 社, a society, troupe, press or
    # agency (西安易俗社, a Qinqiang troupe; 汕头社, a clan society) whatever jieba makes of the rest (社区 and 社会 do not
    # end in it), also as a noun of its own after a noun, before no other noun (香港学友|社, a student aid society; not
    # 社|冲|乡, a township); jieba reads the phrase only where one of them can be
    jieba_read: list[list[tuple[str, str]]] = []  # jieba's words from the name's end, read once for the cues below

    def words() -> list[tuple[str, str]]:
        if not jieba_read:
            jieba_read.append(words_from(phrase, end - start))
        return jieba_read[0]

    partners = tuple(cues.get("partner_heads", ()))
    if segmented and not attached and not headed and (phrase.startswith(partners, end - start) or "社" in run[:6]):
        headed = _partner_head(words(), cues) or bool(words()) and (words()[0][0].endswith("社") or _society(words()))
    # ... or is a brand of two characters before a trade word, a firm without its legal form (厦门祥达光学)
    if segmented and not attached and not headed and trades and run[2:].startswith(trades):
        headed = _brand_then_trade(words(), trades)
    # ... or a works named by its trade (上海|造船厂, 北京|第一|机床厂, 瑞安|红旗|汽配|厂; :func:`_named_works`)
    if segmented and not attached and not headed and "厂" in run[2:RUN_REACH]:
        headed = _named_works(words())
    # ... or a race named by the city, a word of three characters or more that ends in 赛 (西宁|绕圈赛, 上海|锦标赛; not
    # 北京|比赛, 上海|参赛 "takes part")
    if segmented and not attached and not headed and "赛" in run[2:5]:
        headed = any(len(word) >= 3 and word.endswith("赛") for word, _ in words()[:1])
    # ... or its first word is a festival's name (拉萨|雪顿节, 潍坊|风筝节; :func:`_festival`)
    if segmented and not attached and not headed and "节" in run[2:8]:
        headed = _festival(words())
    # ... or a shop's, stall's or hotel's name goes on from the city's (三亚富林渔村海鲜排档)
    if segmented and not attached and not headed and "shop_heads" in cues and text[end - 1:end] != "市":
        headed = _named_shop(phrase, end - start, run, _cjk_affixes(cues["shop_heads"]))
    # a short head that is a word of its own right after the name (Japanese 北京大 "Peking University"; not 北京大会),
    # read in simplified characters as the run is (園, a garden: 园)
    short = tuple(h for h in _cjk_affixes(cues.get("short_heads", _NONE)) if after.startswith(h))
    short_head = bool(short) and segmented and not words_after and whole(short, after, True)
    # an edition's number before the name names the event (第六届青岛国际帆船周, 首届潍坊国际风筝会 "the first",
    # 第33回中国・ハルビン国際氷祭り)
    # ... or right after it (杭州第19届亚运会, "the 19th Asian Games in Hangzhou")
    edition = _EDITION.search(text, max(0, start - 12), start) is not None or _EDITION_AFTER.match(text, end) is not None
    # a company's registered name with a bracket before its legal form (青島松下電子部品(保税区)有限公司); and, in
    # Chinese, one of a list that ends in its kind of firm (迁钢、九江、松汀、燕山等钢铁企业: Jiujiang Steel)
    listed = (_LISTED_FIRMS.match(after_all) or _LISTED_AIRPORTS.match(after_all)) if "attached" not in cues else None
    rest = listed.groupdict().get("rest", "") if listed is not None else ""  # (an airport's own words are no rest)
    # (the name is the last item when a 、 or, with the firm's own words after the name, a comma comes before it:
    # 桂林电器，桂林三金等知名企业)
    bracketed = bracketed or _BRACKETED_FORM.match(text, end) is not None or listed is not None and (
        listed.group("items") != "" or text[start - 1:start] == "、" or text[start - 1:start] in ("，", ",") and bool(rest)
    ) and (not rest or segmented and _firm_words(words(), len(rest)))
    # a word after the name that names a club only in match copy (梅州客家, elsewhere the Hakka people of Meizhou;
    # 武汉三镇, elsewhere the city's three old towns): two words of sport, or one and a score, in the paragraph around
    # (cue ``sport_heads``)
    club_words = _cjk_affixes(cues.get("sport_heads", _NONE))
    club = bool(club_words) and after.startswith(club_words) and segmented and whole(club_words, after, True) \
        and _match_copy_near(text, start, end, cues, _CLUB_REACH)
    f["org_after"] = float(headed and not city_part or credited or suffixed or titled or exchange or bracketed or short_head
                           or edition or club or _affiliation_in_brackets(text, start, end)
                           or _KOREAN_SIGNING.match(text, end) is not None
                           or _quoted_name(text, start, end)
                           or _titled_quotation(text, start, end, heads)
                           or attached and _quoted_with_latin(text, start, end)
                           or "unspaced" in cues and _spaced_quotation(text, start, end)
                           or _LATIN_NAME_AFTER.match(text, end) is not None
                           or _KATAKANA_CLUB.match(text, end) is not None
                           or attached and "han_glosses" not in cues and _LETTER_NAME.match(text, end) is not None
                           or _titled_journey(text, start, end)
                           or start > 0 and text[start - 1] in _TITLE_OPENERS and text[end:end + 1] in (":", "：")
                           or _defined_short_name(text, start, end)
                           or segmented and _short_firm_name(text, start, end)
                           or _quoted_brand(text, start, end, cues.get("brand_prefixes", _NONE))
                           or _called_a_title(text, start, end) or _TABLE_POINTS.match(text, end) is not None
                           or _STOCK_CODE.match(text, end) is not None
                           or text[start - 1:start] in ("@", "＠")
                           or _quoted_slogan(text, start, end)
                           or _GAMES_YEAR.match(after_all) is not None or _NUMBERED_SCHOOL.match(after_all) is not None
                           or _NUMBERED_WORKS.match(after_all) is not None
                           or segmented and (phase := _PHASE_AFTER.match(after_all)) is not None
                           and run.startswith(phase.group(1)) and not words()[0][1].startswith("v")
                           or segmented and "attached" not in cues and (
                               _cjk_port_speaks(after_all, cues)
                               or _TEAM_LIST.search(text, max(0, start - _TEAM_LIST_REACH), start) is not None
                               or _TEAMS_COUNTED.match(after_all) is not None)
                           or segmented and (_CJK_CODE_IN_BRACKETS.match(after_all) is not None
                                             or _SHARE_CLASS_AFTER.match(after_all) is not None)
                           or segmented and in_known_name(text, start, end)  # 宁德时代, a name of names.tsv
                           or segmented and _known_brand_after(text, end))
    # Japanese: a katakana word written against the name is a brand before it (ソフィテル杭州, ヒルトン上海), as
    # running text puts a particle or ・ between a word and a place
    # ... and a subsidiary's or joint venture's name after the word for one (子会社蘇州萩原, 子公司苏州…: cue firm_before)
    # ... and a university's campus named after it (ハルピン工業大学威海, 哈尔滨工业大学威海), a name's head and ・ before
    # the name that ends it (ミッションヒルズ・ゴルフクラブ・シンセン)
    # ... and a name in katakana written against the katakana word before it ends that longer word (ヴェネチアンマカオ社,
    # the Venetian Macao company)
    campus = segmented and before.endswith(_UNIVERSITY_WORDS)
    katakana_word = "attached" in cues and _KATAKANA_WORD_END.search(before) is not None
    f["org_before"] = float(segmented and (katakana_word or after_firm_word(text, start, cues))
                            or katakana_word and _KATAKANA_START.match(text, start) is not None
                            or campus or attached and before.endswith("・") and before[:-1].lower().endswith(heads + suffixes)
                            or _brand_before(text, start, cues.get("brands_before", _NONE))  # katakana too
                            or segmented and _stake_in(text, start, end, run, cues)
                            # (also a Hangul name: SMIC선전, SMIC's Shenzhen subsidiary)
                            or (segmented or "han_glosses" in cues) and _latin_brand_before(text, start)
                            # ... and Korean's acronym a space before a Hangul name: a tour's or an organiser's event
                            # or office (뷰익 LPGA 상하이, the tournament; KOTRA 상하이무역관)
                            or "han_glosses" in cues and not segmented
                            and _SPACED_ACRONYM.search(text, max(0, start - 8), start) is not None)
    # a dish named for the place; a one-character one (菜, cuisine) only as a whole word (广州菜价 is the price)
    dishes = _cjk_affixes(cues["dish_words"])  # (one C call rules most names out before the scan for which word)
    dish = next((w for w in dishes if after.startswith(w) or any(word.startswith(w) for word in words_after[:1])), "") \
        if after.startswith(dishes) or words_after[:1] and words_after[0].startswith(dishes) else ""
    if not dish and after.startswith("式") and after.startswith(dishes, 1):  # made in its style (厦门式润饼)
        dish = next((w for w in dishes if len(w) > 1 and after.startswith(w, 1)), "")
    # (not after the name with its 市, which names the city: 景徳鎮市陶瓷大道 is a street's address); a cigarette brand
    # named for the place, counted by the stick or the pack ("请给我一支兰州", 两包南京): a number and 支 or 包 right
    # before the name, nothing of it after (一支北京的乐队 is a band from Beijing)
    counted = "attached" not in cues and _PACKS.search(before) is not None and not after.startswith("的")
    # produce known by its origin (烟台苹果), only as a whole word (吐鲁番葡萄沟, the Grape Valley, is a place) and not
    # before a firm's word (深圳苹果供应链: Apple's)
    brand_words = _cjk_affixes(cues.get("produce_brand_words", _NONE))
    produce_words = _cjk_affixes(cues.get("produce_words", _NONE))
    produce = tuple(w for w in produce_words if after.startswith(w) and not after_all.startswith(brand_words, len(w))) \
        if after.startswith(produce_words) else ()
    f["dish_after"] = float(text[end - 1:end] != "市" and (
        bool(dish) and (len(dish) > 1 or not segmented or whole((dish,), after, first_only=True))
        or bool(produce) and segmented and whole(produce, after, first_only=True)) or counted)
    # a name marked as subject or topic (北京は, 베이징은) whose clause holds a verb of saying or deciding
    clause = re.split(r"[。．.!?！？\n]", after_all, maxsplit=1)[0]
    marked = after.startswith(_cjk_affixes(cues.get("subject_markers", _NONE)))
    # words that hold a verb of saying without saying anything: a name given (俗称, 之称), a place written like one
    # (주장 삼각주, the Pearl River Delta: 주장 is also "claim")
    if "naming_words" in cues or "unsaid_words" in cues:
        naming = _cjk_any_of_both(cues.get("naming_words", _NONE), cues.get("unsaid_words", _NONE))
        clause = naming.sub("", clause)
        said = inside("comm_verbs", naming.sub("", after_all[:24])[:7])  # (a longer window: 주장 삼각|지 is cut at 7)
    else:
        said = inside("comm_verbs", after[:7])
    f["comm_subject"] = float(said or marked and inside("comm_verbs", clause))
    f["gov_after"] = float(starts("gov_nouns"))  # 北京方面, 上海市政府
    # 北京的立场, 北京の立場, 베이징의 입장: the possessive particle, then the noun it qualifies
    marker = next((m for m in ("的", *cues.get("possessive_markers", ())) if after.startswith(m)), "")
    f["poss_policy"] = float(bool(marker) and after[len(marker):].lstrip().startswith(_cjk_affixes(cues["policy_nouns"])))
    f["poss_other"] = float(bool(marker) and not f["poss_policy"])
    f["capital_pair"] = float(_capital_pair(text, start, end, cues))
    joined = starts("relation_preps")  # 北京と東京の関係, 베이징과 워싱턴 간의 협상
    f["relation"] = float("关系" in after[:8] or joined and inside("relation_nouns", clause[:24]))
    f["object_verb"] = float(ends("object_verbs"))
    if f["org_after"]:  # the verbs around a name that begins another's are that name's (批评香港国安法限制言论)
        f["comm_subject"] = f["object_verb"] = 0.0
    # a preposition before the name (在上海) or a postposition after it (上海で, 상하이에서; after a campus's name, the
    # campus's: 山東大学威海で)
    f["loc_prep"] = float(ends("loc_preps") or not campus and after.startswith(
        _cjk_affixes(cues.get("postpositions", _NONE))))
    f["place_after"] = float(starts("place_words"))
    own_names = _cjk_affixes(cues.get("own_name_words", _NONE))  # (a lake, a village: a word of its own after the name)
    f["not_place"] = float(ends("not_place_before") or starts("not_place_after") or segmented and bool(own_names) and (
        after.startswith(own_names) and bool(words()) and words()[0][0] in own_names))
    f["sentence_start"] = float(sentence_start)
    if _figure_of_speech(text, start, end) or segmented and (
            _mountain_sense(text, text[start:end], cues) or _direction_in_series(text, start, end)):
        # another place likened to the city, or the mountain the city is named after: no mention of the city
        f["figurative"] = f["not_place"] = 1.0
    # in match copy (two words of sport around the name), the name marked as subject or object (広州が, 広州を;
    # 広州は with a word of sport in its clause: 広州は人口が多い都市 stays the city), followed by a verb of a
    # result or a team's home or away game (广州客场击败) or after a verb of a result (击败上海) is a team; both
    # cues fire together, as sport alone says no more than that a match is near
    scored = "sport_words" in cues and "team_after" in cues and _scored_result(text, start, end, cues)
    # ... or it opens a clause that holds its home or away game further on (南京将于6月1日坐镇五台山主场对阵无锡队)
    opens_side = "side_clause_words" in cues and (start == 0 or text[start - 1] in _CLAUSE_MARKS) and inside(
        "side_clause_words", _CLAUSE_END.split(after_all, maxsplit=1)[0])
    if "sport_words" in cues and (starts("team_after") or "team_before" in cues and ends("team_before")
                                  or _SCORE_AFTER.match(after) is not None or scored or opens_side):
        sports = _cjk_any_of(cues["sport_words"])
        topic = after.startswith(_cjk_affixes(cues.get("topic_markers", _NONE)))
        clause_of_name = _CLAUSE_END.split(after_all, maxsplit=1)[0]
        match_copy = scored or _match_copy_near(text, start, end, cues, _SIDE_REACH)
        f["sport_verb"] = f["sport_context"] = float(match_copy and (not topic or bool(sports.search(clause_of_name))
                                                                      or _CJK_SCORE.search(clause_of_name) is not None))
    return f


# a side signed with or moved to (상하이와 입단 계약, 광저우로 이적, 광저우 이적 전): joining a team, 입단, and a transfer, 이적,
# name a club
_KOREAN_SIGNING = regexes.compile(r"(?:와|과|에|으로|로)? (?:입단|이적)")
# a player's age and side in brackets after the player's name, as Korean and Japanese sport copy writes them (김연경(29,
# 중국 상하이), 武磊(33、上海海港)): the side, whatever it is called
_AFFILIATION_BEFORE = regexes.compile(r"[(（]\d{1,2}\s*[,，、]\s*(?:중국\s*|中国\s*)?$")
_AFFILIATION_AFTER = regexes.compile(r"\s*[)）]")


def _affiliation_in_brackets(text: str, start: int, end: int) -> bool:
    return _AFFILIATION_BEFORE.search(text, max(0, start - 12), start) is not None and \
        _AFFILIATION_AFTER.match(text, end) is not None


_CLAUSE_MARKS = "，,。；;！？!?\n"  # what a clause in characters opens after (not 、, which lists names)
_CLAUSE_END = regexes.compile("[、，,。！？!?\n]")  # ... and what ends the words after a name that are its clause
_SIDE_REACH = 40  # characters each side of a name searched for match copy that makes a side of it with a result
_CLUB_REACH = 120  # ... and that makes a club of it with a word that names a club only there (the paragraph)


def _match_copy_near(text: str, start: int, end: int, cues: Mapping[str, frozenset[str]], reach: int) -> bool:
    """Two words of sport, or one and a score, within ``reach`` characters each side of a name in characters."""
    around = text[max(0, start - reach):end + reach]
    sports = _cjk_any_of(cues.get("sport_words", _NONE))
    return len(set(sports.findall(around))) + int(_CJK_SCORE.search(around) is not None) >= 2


_TICKER = regexes.compile(r":\s?\d{6}\b")
_UNIVERSITY_WORDS = ("大学", "大學")  # (``before`` is read in simplified characters when it holds Han ones)
_FIRM_BEFORE_REACH = 12  # characters before a name searched for the word of a subsidiary (現地法人である)
_JOINING_PARTICLES = ("である", "の")  # what Japanese writes between that word and the name (子会社の上海…)


_KOREAN_AND_NAME = regexes.compile(r"(?:과|와|이나|및) ([가-힣]{2,6})(?= )")


# a list of names that a count of them and a shared head end: 酒泉、太原、西昌三大卫星发射中心 ("the three launch centres of
# Jiuquan, Taiyuan and Xichang"), 주취안(酒泉), 타이위안(太原), 시창(西昌) 3대 위성발사센터; the separators between the names,
# the count with its 大/대 ("big"), and the names' own glosses in brackets
_LIST_SEPARATORS = ("、", "，", ",", "和", "与", "及")
_COUNTS = {"两": 2, "二": 2, "양": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10} | {
    str(n): n for n in range(2, 10)}
_LIST_COUNT_NEAR = regexes.compile(f"[{''.join(_COUNTS)}]\\s?[大대]")
_LIST_COUNT = regexes.compile(f"\\s?(?P<n>[{''.join(_COUNTS)}])\\s?[大대]\\s?")
_GLOSS_AT_END = regexes.compile(HAN_GLOSS.pattern + "$")  # a gloss ending the text searched (시창(西昌), before 、)
_COUNTED_LIST_REACH = 60  # characters after a name within which a counted list's count may come


def _list_item_before(text: str, at: int) -> int | None:
    """Where the list's item that ends at ``at`` begins, past the separator before it; ``None`` when no separator or
    no city's name (or a name glossed with one: 시창(西昌)) is there."""
    while at and text[at - 1] == " ":
        at -= 1
    sep = next((s for s in _LIST_SEPARATORS if text.startswith(s, at - len(s))), None)
    if sep is None:
        return None
    stop = at - len(sep)
    while stop and text[stop - 1] == " ":
        stop -= 1
    gloss = _GLOSS_AT_END.search(text, max(0, stop - 12), stop)
    named = stop - (gloss.end() - gloss.start()) if gloss else stop
    for k in (5, 4, 3, 2):
        begin = named - k
        if begin >= 0 and (_is_city_form(text[begin:named]) or gloss and _is_city_form(gloss.group()[1:-1])):
            return begin
    return None


def _list_item_after(text: str, at: int) -> int | None:
    """Where the list's next item after ``at`` ends (its gloss included): a separator and a city's name, or a name
    glossed with one; ``None`` otherwise."""
    sep = next((s for s in _LIST_SEPARATORS if text.startswith(s, at)), None)
    if sep is None:
        return None
    begin = at + len(sep)
    while text[begin:begin + 1] == " ":
        begin += 1
    for k in (5, 4, 3, 2):
        gloss = HAN_GLOSS.match(text, begin + k)
        if _is_city_form(text[begin:begin + k]) or gloss and _is_city_form(gloss.group()[1:-1]):
            return gloss.end() if gloss else begin + k
    return None


def _counted_list_head(text: str, start: int, end: int, cues: Mapping[str, frozenset[str]]) -> bool:
    """The name is one of a list of cities' names that a count of exactly as many items and an organisation's head end
    (酒泉、太原、西昌三大卫星发射中心; 상하이, 선전 양대 증권거래소): the head names each of them. The count makes the
    list a list of named things; without it a head after the last name names that one alone (在北京、上海设立研发中心
    is no list before a head: 设立 ends the run)."""
    if _LIST_COUNT_NEAR.search(text, end, end + _COUNTED_LIST_REACH) is None:  # (no count after it: most names)
        return False
    if start and text[start - 1] in "(（" and text[end:end + 1] in ")）":  # a gloss (시창(西昌)): the item it glosses
        end += 1
        start -= 1
        while start and "\uac00" <= text[start - 1] <= "\ud7a3":
            start -= 1
    items, at = 1, start
    while (begin := _list_item_before(text, at)) is not None:
        items, at = items + 1, begin
    gloss = HAN_GLOSS.match(text, end)
    at = gloss.end() if gloss else end
    while (after := _list_item_after(text, at)) is not None:
        items, at = items + 1, after
    count = _LIST_COUNT.match(text, at)
    if count is None or _COUNTS[count.group("n")] != items:
        return False
    rest = text[count.end():count.end() + RUN_REACH].translate(simplified_table())
    if "attached" in cues:
        words = [_without_particle(w) for w in rest.split()[:3]]
        return any(_korean_head(words, k, _cjk_affixes(cues["org_heads"]), cues) for k in range(len(words)))
    return _chinese_head(rest, 0, 0, _NAME_RUN_END.split(rest)[0])


def _after_city_form(word: str) -> str:
    """What follows a city's name that begins ``word`` (증시 of 선전증시), "" when no city's name begins it."""
    return next((word[k:] for k in range(len(word) - 1, 1, -1) if _is_city_form(word[:k])), "")


def _is_city_form(surface: str) -> bool:
    """Is ``surface`` one of the gazetteer's names of a city?"""
    from nlp.lexicon import read_lexicon

    return read_lexicon().form(surface) is not None


def _province_begins(run: str) -> bool:
    """A province's name (two or three characters, 江苏, 黑龙江) at the start of ``run``."""
    from nlp.lexicon import read_lexicon

    lexicon = read_lexicon()
    return any(lexicon.province_of(run[:k]) is not None for k in (2, 3) if len(run) >= k)


def after_firm_word(text: str, start: int, cues: Mapping[str, frozenset[str]]) -> bool:
    """The name right after the word for a subsidiary or a joint venture (cue ``firm_before``: 子会社蘇州萩原, 子公司苏州…),
    also past the particle that joins it to the name (現地法人である大連…)."""
    window = text[max(0, start - _FIRM_BEFORE_REACH):start]
    for particle in _JOINING_PARTICLES:
        window = window.removesuffix(particle)
    return window.endswith(_cjk_affixes(cues.get("firm_before", _NONE)))


_MOUNTAIN_REACH = 30  # characters around a bare mountain's name searched for a word of the mountain


def _mountain_sense(text: str, surface: str, cues: Mapping[str, frozenset[str]]) -> bool:
    """The bare name of a city named after its mountain (黄山, 峨眉山, 庐山, 武夷山; the zh cue ``mountain_cities``, one list
    for every language, as names are compared in simplified characters) means the mountain throughout a text that
    writes a word of the mountain near one of its uses (奇峰, 雲海, 登山, 山頂; the language's cue ``mountain_words``) and
    never writes the city with its 市: travel copy names the mountain, local news the city. One sense per text, as a
    travel piece says what it climbs once."""
    if "mountain_words" not in cues or surface.translate(simplified_table()) not in cues_for("zh")["mountain_cities"]:
        return False
    return _mountain_text(text, surface, cues["mountain_words"])


@lru_cache(maxsize=64)
def _mountain_text(text: str, surface: str, mountain_words: frozenset[str]) -> bool:
    """:func:`_mountain_sense`'s reading of the whole text, once per text and name (each use of the name asks)."""
    table = simplified_table()
    if surface + "市" in text:
        return False
    words = _cjk_any_of(mountain_words)
    at = text.find(surface)
    while at >= 0:
        if words.search(text[max(0, at - _MOUNTAIN_REACH):at + len(surface) + _MOUNTAIN_REACH].translate(table)):
            return True
        at = text.find(surface, at + 1)
    return False


# a brand in Latin letters written against the name (HAX深圳, an accelerator's Shenzhen branch; ミッションヒルズGC海口, a golf
# club; SFTM長春新工場): the brand's site, as "the Zhengzhou Foxconn plant" is in English; not "vs" between two sides
# (also a brand of three letters or more in brackets after its name in characters: 比亜迪(BYD)合肥, BYD's Hefei company)
_LATIN_BEFORE = regexes.compile(r"(?:(?<![A-Za-z0-9./@:_-])[A-Za-z][A-Za-z0-9&]*[A-Za-z]|[(（][A-Za-z][A-Za-z0-9&]+[A-Za-z][)）])$")
_NOT_BRANDS = frozenset({"vs", "v"})
_SPACED_ACRONYM = regexes.compile(r"(?<![A-Za-z0-9./@:_-])[A-Z]{2,6} $")  # capitals, then one space


# katakana writes a foreign v either with ヴ or with the b-row (ヴェネチアン, ベネチアン): read both as the b-row
_V_SOUNDS = {"ヴァ": "バ", "ヴィ": "ビ", "ヴェ": "ベ", "ヴォ": "ボ", "ヴ": "ブ"}
_V_SOUND = regexes.compile("ヴ[ァィェォ]?")
_BRAND_REACH = 24  # characters before a name that a brand of the cue list ``brands_before`` may take


def _v_folded(text: str) -> str:
    return _V_SOUND.sub(lambda m: _V_SOUNDS[m.group()], text) if "ヴ" in text else text


@lru_cache(maxsize=8)
def _folded_brands(brands: frozenset[str]) -> tuple[str, ...]:
    return tuple(_v_folded(b) for b in _cjk_affixes(brands))


def _brand_before(text: str, start: int, brands: frozenset[str]) -> bool:
    """A brand of ``brands`` (a hotel's, a resort's) ends right before the name, the v of either spelling alike
    (ヴェネチアン・マカオ, ベネチアン・マカオ)."""
    return bool(brands) and _v_folded(text[max(0, start - _BRAND_REACH):start]).endswith(_folded_brands(brands))


def _stake_in(text: str, start: int, end: int, run: str, cues: Mapping[str, frozenset[str]]) -> bool:
    """A verb of a stake (cue ``stake_verbs``: 持股, 收购) right before the name, and after it a brand jieba does not
    know, read as single characters (珠海 | 银 | 隆, 上海 | 家 | 化) or as a proper name: the firm whose stake it is.
    Not a word jieba knows (增持深圳 | 本地 | 企业, "Shenzhen's local firms"), nor a run that ends at once (收购上海的…)."""
    if not run or not _brand_before(text, start, cues.get("stake_verbs", _NONE)):
        return False
    words = words_from(text[start:end].translate(simplified_table()) + run, end - start)[:2]
    return len(words) == 2 and all(len(word) == 1 for word, _ in words) or bool(words) and words[0][1] in ("nz", "nt")


def _latin_brand_before(text: str, start: int) -> bool:
    """Two or more Latin letters (digits and & inside) right before a name in characters, after no other Latin
    character, dot, slash or @ (a web address is no brand): a brand written against the name."""
    brand = _LATIN_BEFORE.search(text, max(0, start - 20), start)
    return brand is not None and brand.group().lower() not in _NOT_BRANDS


# a firm's legal form or kind, inside the characters that can still be a name's (_NAME_RUN_END), read in simplified
# characters
_FIRM_FORM = regexes.compile(f"{_LEGAL_FORMS}|集团|公司")
_NOT_SHORT_NAME = ("市", "省", "县", "人", *_CITY_PARTS)  # the city's own words (上海市场, 深圳人, 郑州市政府)
_HAN_ONLY = regexes.compile("[\u3400-\u9fff]*")
_SHORT_NAME_REACH = 14


def _short_firm_name(text: str, start: int, end: int) -> bool:
    """The name and the two characters after it begin a firm's registered name somewhere in the text (合肥力翔电池科技
    有限责任公司 ... 合肥力翔在产业布局中): the firm's short name wherever it stands, one sense per article. The two
    characters and the rest of the registered name are a name's characters: no possessive, measure word or verb
    (浙江桐乡某鞋业有限公司 is "a shoe firm in Tongxiang"); and the two characters end the name where it is asked about
    (合肥力翔在..., not 哈尔滨冰雪旅游 beside 哈尔滨冰雪大世界股份有限公司)."""
    table = simplified_table()
    rest = text[end:end + 2].translate(table)
    if len(rest) < 2 or not all(map(is_cjk, rest)) or rest.startswith(_NOT_SHORT_NAME):
        return False
    # here the two characters end the name: a function word or a verb of _NAME_RUN_END, or no character, follows
    follows = text[end + 2:end + 6].translate(table)
    if follows[:1] and is_cjk(follows[0]) and _NAME_RUN_END.match(follows) is None:
        return False
    return _registered_somewhere(text, text[start:end + 2])


@lru_cache(maxsize=64)  # (64 texts at most held: a window is at most 500,000 characters)
def _registered_somewhere(text: str, key: str) -> bool:
    """``key`` (a name and two characters) begins a firm's registered name somewhere in ``text``
    (:func:`_short_firm_name`): read once per text and key, as every use of the name asks."""
    table = simplified_table()
    at = text.find(key)
    while at >= 0:
        run = _HAN_ONLY.match(text, at + len(key) - 2, at + len(key) + _SHORT_NAME_REACH)
        name = _NAME_RUN_END.split(run.group().translate(table))[0] if run else ""
        if len(name) > 2 and _FIRM_FORM.search(name, 2) is not None:
            return True
        at = text.find(key, at + 1)
    return False


_TITLE_QUOTE_REACH = 60  # characters between a name and the quotation marks around its title
_TITLE_WORD = regexes.compile(r"[^\W\d_][\w'’.&-]*|&")
_NOT_IN_TITLE = regexes.compile(r"[,;!?\n]|\.(?!\w)")  # a remark's punctuation (not an abbreviation's dot)


def _capitalised(words: Sequence[str], small: frozenset[str]) -> bool:
    """Every word of a title capitalised but its small words (of, the, in)."""
    return all(w[0].isupper() or w.lower() in small for w in words)


def _subtitled(quoted: str, small: frozenset[str]) -> bool:
    """A work's title and its subtitle after a colon, capitalised word by word or in capitals ("Ningbo, China: A
    Photographic Journey", an exhibition; “NINGBO, CHINA: A PHOTOGRAPHIC JOURNEY,”), whatever the title's own commas:
    a remark after a colon goes on in lower case ("Beijing: we will respond")."""
    title, colon, subtitle = quoted.rstrip(" ,.").partition(": ")
    words = _TITLE_WORD.findall(subtitle)
    return bool(colon) and len(_TITLE_WORD.findall(title)) <= 5 and not _NOT_IN_TITLE.search(subtitle) \
        and 2 <= len(words) <= 9 and _capitalised(words, small) and any(w.lower() not in small for w in words)


def _title_case_quotation(text: str, start: int, end: int, cues: Mapping[str, frozenset[str]]) -> bool:
    """The name lies inside a short quotation in title case with at least one more capitalised word (for a language
    with the cue list ``title_small_words``): "Lost in Hong Kong" (a film), "Shanghai Modern" (an exhibition), or in
    a title with its subtitle after a colon (:func:`_subtitled`). A
    quoted remark has a comma, a full stop or lower-case words ("Beijing will respond," he said); a straight
    quotation mark opens only after an even number of them in the paragraph."""
    line_start = text.rfind("\n", 0, start) + 1
    head = text[max(line_start, start - _TITLE_QUOTE_REACH):start]
    opened = max(head.rfind("“"), head.rfind('"'))
    if opened < 0 or "”" in head[opened:]:
        return False
    mark = head[opened]
    if mark == '"' and text.count('"', line_start, start - len(head) + opened) % 2:
        return False
    close = text.find("”" if mark == "“" else '"', end, end + _TITLE_QUOTE_REACH)
    if close < 0:
        return False
    quoted = text[start - len(head) + opened + 1:close]
    small = cues["title_small_words"]
    if _subtitled(quoted, small):
        return True
    if _NOT_IN_TITLE.search(quoted) or quoted.isupper():
        return False
    words, own = _TITLE_WORD.findall(quoted), set(_TITLE_WORD.findall(text[start:end]))
    others = [w for w in words if w not in own]
    return 0 < len(others) <= 9 and any(w[0].isupper() and w.lower() not in small for w in others) and _capitalised(
        words, small)


_QUOTED_NAME_WORDS = 8  # words of a quoted name after the adjective that opens it


def _words_to_closing_quote(after: Sequence[str]) -> bool:
    """Words only up to a closing quote within a few words after the name: with an adjective made from the name
    opening the quotation, the name of a festival, a firm or a work in a language that quotes names."""
    close = next((i for i, t in enumerate(after[:_QUOTED_NAME_WORDS + 1]) if t in _CLOSERS), None)
    return bool(close) and all(t.isalpha() or t == "-" for t in after[:close])


def _scored_result(text: str, start: int, end: int, cues: Mapping[str, frozenset[str]]) -> bool:
    """A score right after the name and then a result ("广州82-117负辽宁"), or a score and a verb of a result right
    before it ("以3:1战胜北京"): the name is a side of that match."""
    results = (*_cjk_affixes(cues["team_after"]), *_RESULTS)
    score = _SCORE_THEN.match(text, end)
    if score is not None and text.startswith(results, score.end()):
        return True
    verb = next((v for v in _cjk_affixes(cues.get("team_before", _NONE)) if text.endswith(v, 0, start)), "")
    return bool(verb) and _SCORE_BEFORE.search(text, max(0, start - len(verb) - 12), start - len(verb)) is not None


def model_reading(analysis: Mapping[str, Any] | None, old_spelling: bool, cue_vector: Sequence[float] | None = None,
                  firm_word: bool = True) -> Mapping[str, Any] | None:
    """The parse's reading of a mention, without a PERSON entity that is exactly an old spelling (``old_spelling``: a
    form only historic in the text's language, and no firm's name): the small English model has never seen
    "Kweilin", "Kalgan" or "Swatow" and guesses a person for a capitalised word it does not know ("Kalgan was the
    last stop"). It guesses so for a smaller city's current name too ("Ever heard of Yiwu?"): with the mention's
    ``cue_vector``, that guess is dropped as well when no word beside the name makes it a person's ("Xian Lim") or
    a side's (match copy, where the model's person is often the team) and the name is no firm's word
    (``firm_word``: "Tsingtao posted a rise", which the classifier has learned to read as the firm). A person
    named by more than the name ("Peking Duk") is kept."""
    if not (analysis and analysis.get("ent_exact")):
        return analysis
    if analysis.get("ent_label") in {"GPE", "LOC"}:
        # the entity model ended a place at the city's name where the parse continues it into a proper name that
        # the cues end in an organisation's head ("to Wenzhou West Railway Station"): that longer name
        longer = analysis.get("name_after") and cue_vector is not None and cue_vector[_ORG_AFTER_AT]
        return {**analysis, "ent_label": "FAC", "ent_exact": False} if longer else analysis
    if analysis.get("ent_label") != "PERSON":
        return analysis
    guess = cue_vector is not None and not firm_word and not any(cue_vector[i] for i in _PERSON_OR_SIDE_AT)
    return {**analysis, "ent_label": None} if old_spelling or guess else analysis


_PERSON_OR_SIDE_AT = tuple(NAMES.index(n) for n in ("person_after", "surname_before", "person_before",
                                                    "sport_context", "sport_verb"))


def model_features(analysis: Mapping[str, Any] | None, cues: Mapping[str, frozenset[str]]) -> dict[str, float]:
    f = dict.fromkeys(MODEL, 0.0)
    if not analysis:
        return f
    f["m_present"] = 1.0
    ent, exact = analysis.get("ent_label"), analysis.get("ent_exact")
    f["m_gpe"] = float(ent in {"GPE", "LOC"})
    f["m_org_longer"] = float(ent in _ENT_ORG and not exact)
    f["m_org_exact"] = float(ent in _ENT_ORG and bool(exact))
    f["m_person"] = float(ent == "PERSON")
    f["m_norp"] = float(ent == "NORP")
    dep, head = analysis.get("dep", ""), analysis.get("head", "").lower()
    f["m_subject"] = float(dep in {"nsubj", "nsubjpass"})
    f["m_subject_comm"] = float(f["m_subject"] and (head in cues["comm_verbs"] or analysis.get("head_lemma", "")
                                                    in cues["comm_verbs"]))
    f["m_object"] = float(dep in {"dobj", "obj", "dative"})
    f["m_pobj_loc"] = float(dep == "pobj" and head in cues["loc_preps"])
    f["m_poss"] = float(dep == "poss")
    f["m_compound"] = float(dep in {"compound", "amod", "nmod"})
    f["m_conj"] = float(dep == "conj")
    return f


_LIST_GAP = regexes.compile(r"\s*(?:,|、|，|/|&|and|or|und|et|y|e|i|og|och|en|和|与|及)?\s*", re.IGNORECASE)
_LIST_REACH = 6


def listed_with_city(text: str, start: int, end: int, cities: Sequence[tuple[int, int]]) -> bool:
    """Another city name is joined to the mention by a comma or "and" ("Xingtai and Handan", "Hangzhou, Ningbo"):
    a list of places. ``cities``: (start, end) of the city names the finder found in ``text``, sorted; only the
    names right before and after the mention are read (bisection), so a city-dense text costs no more per name."""
    i = bisect_left(cities, (start, end))
    for other_start, other_end in cities[max(0, i - 1):i + 2]:
        if other_end <= start and start - other_end <= _LIST_REACH:
            gap = text[other_end:start]
        elif other_start >= end and other_start - end <= _LIST_REACH:
            gap = text[end:other_start]
        else:
            continue
        if gap and _LIST_GAP.fullmatch(gap):
            return True
    return False


_MODEL_AT = tuple(NAMES.index(name) for name in MODEL)


_ORG_AFTER_LOWER_AT = NAMES.index("org_after_lower")
_ORG_AFTER_AT = NAMES.index("org_after")
_SUBJECT_AT = (NAMES.index("m_subject"), NAMES.index("m_subject_comm"))


def _modifier_not_subject(out: list[float]) -> list[float]:
    """A name that begins a noun phrase with a lower-case head ("Dalian coking coal futures hit their limit") is
    not the subject the parse may make it: the phrase is, and the cue that found the head is read instead."""
    if out[_ORG_AFTER_LOWER_AT]:
        for i in _SUBJECT_AT:
            out[i] = 0.0
    return out


def with_model(cue_vector: Sequence[float], analysis: Mapping[str, Any], cues: Mapping[str, frozenset[str]]) -> list[float]:
    """``vector`` with ``analysis``, from the same mention's ``vector`` without it (the cues are read once)."""
    out = list(cue_vector)
    for i, value in zip(_MODEL_AT, model_features(analysis, cues).values(), strict=True):
        out[i] = value
    return _modifier_not_subject(out)


def vector(text: str, start: int, end: int, cues: Mapping[str, frozenset[str]],
           analysis: Mapping[str, Any] | None, province_near: bool = False,
           zh_cues: Mapping[str, frozenset[str]] | None = None, listed: bool = False) -> list[float]:
    """``province_near``: a province is named right beside the mention ("Heze of Shandong Province"); ``listed``:
    another city is joined to it in a list (``listed_with_city``)."""
    values = {"bias": 1.0, **lexical(text, start, end, cues, zh_cues), **model_features(analysis, cues),
              "listed_with_city": float(listed)}
    # a province beside a name that begins a dish's or an organisation's name, or ends an organisation's, places
    # nothing: it is that kind of name's own word, another such name or the organisation's seat ("such as Qinghai
    # Lamian noodles and Lanzhou beef Lamian noodles", "Gansu-based Lanzhou said")
    values["province_near"] = float(province_near and not values["dish_after"] and not values["org_after"]
                                    and not values["org_before"])
    return _modifier_not_subject([values[name] for name in NAMES])
