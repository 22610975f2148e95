"""What the words around a name say it names, from the held-out real batches of stop 34 (their classes, not their
sentences): an apposition whose head is a firm, a club or an oilfield ("X, a Sichuan restaurant", "X, Sinopec's
oldest oilfield"), names joined by hyphens before a capitalised head ("the X-Y Bridge"), a street named for a city
without an article ("at X street"), a capitalised market's or firm's name, an exchange named by its city ("the main
boards in X and Y", "X's start-up board"), the place of an office before its holder's name; in Chinese and Japanese
an edition's number before an event's name (第五届X国际马拉松), a cigarette brand (两包南京), hotels, shipping firms
and carmakers, a registered name with a bracket before its legal form, one of a list of firms (等钢铁企业), a
Chinese full name before an office's title (王安順市長), a body abroad named for its members' city (新加坡温州会馆),
a name given rather than a statement made (俗称), a quoted figure of speech (“新香港”), and Japanese match copy
(X対Y, X―Y, 2-0とXをリード). Each with the counterpart that stays the city. Sentences written for these tests (not in
training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

import pytest

from nlp import tag_texts
from nlp.cues import cues_for
from nlp.features import lexical
from tests.nlp.conftest import mentions_of, only

ENGLISH = [
    # an apposition says what the name names; a place word keeps the city
    ("Next month Chengdu, a Sichuan restaurant with two Michelin stars, opens in Soho.", "Chengdu", "ORG_PART"),
    ("Shenyang, the defending champions, lost their opening game on penalties.", "Shenyang", "ORG_PART"),
    ("Wenzhou, a coastal city of nine million, is known for its traders.", "Wenzhou", "LITERAL"),
    ("Hefei, a hub for carmakers, has grown fast.", "Hefei", "LITERAL"),
    ("Output at Renqiu, Sinopec's oldest oilfield, fell again.", "Renqiu", "ORG_PART"),
    ("Renqiu, Sinopec's oldest oilfield, said its output would fall.", "Renqiu", "ORG_PART"),  # the field says it
    ("Kunming, Yunnan's capital, hosted the talks.", "Kunming", "LITERAL"),
    # a firm's name ending in its trade
    ("The order went to Jiangsu Yangzhou Ocean Shipping last week.", "Yangzhou", "ORG_PART"),
    # a chain of names joined by hyphens before a capitalised head is the name of what joins them
    ("Freight on the Chongqing-Xinjiang-Europe Railway doubled last year.", "Chongqing", "ORG_PART"),
    ("Engineers inspected the Shenzhen-Zhongshan Bridge after the storm.", "Zhongshan", "ORG_PART"),
    ("Engineers inspected the Shenzhen-Zhongshan Bridge after the storm.", "Shenzhen", "ORG_PART"),
    ("The Nanjing-Hefei railway was closed by snow.", "Hefei", "LITERAL"),
    ("Work began on the Shenzhen-Zhongshan-Jiangmen railway in 2021.", "Zhongshan", "ORG_PART"),  # three names
    ("SHENZHEN - Shenzhen Airlines said on Monday it would add flights.", "SHENZHEN", "LITERAL"),  # a dateline's dash
    # a street named for a city, written without an article; a street of the city keeps the city
    ("Mourners left flowers on Urumqi road, named for the far-western city.", "Urumqi", "NOT_PLACE"),
    ("She sold dumplings on a Harbin street for ten years.", "Harbin", "LITERAL"),
    ("Harbin street vendors were told to move indoors.", "Harbin", "LITERAL"),
    # an exchange named by its city: its boards, its possessive before its own words
    ("Trading resumed on the main boards in Shanghai and Shenzhen after the holiday.", "Shenzhen", "ORG_PART"),
    ("New listings joined Shenzhen's growth board ChiNext this week.", "Shenzhen", "ORG_PART"),
    ("Shanghai's board of education closed schools for a week.", "Shanghai", "LITERAL"),
    ("Hong Kong's benchmark Hang Seng index rose 2% on Friday.", "Hong Kong", "ORG_PART"),
    ("Shanghai's index of consumer confidence fell in May.", "Shanghai", "LITERAL"),
    ("Shanghai's property market cooled in the spring.", "Shanghai", "LITERAL"),
    # a capitalised market's name
    ("Buyers crowded into the Xiamen Seafood Wholesale Market before dawn.", "Xiamen", "ORG_PART"),
    ("Prices at the Xiamen seafood market rose.", "Xiamen", "LITERAL"),
]


@pytest.mark.parametrize(("text", "surface", "label"), ENGLISH)
def test_english(english, text: str, surface: str, label: str) -> None:
    assert only(english, text, surface)["label"] == label


CHINESE_JAPANESE = [
    # an edition's number before the name: the event (not 第一次, "the first time")
    ("zh", "第五届温州国际马拉松将于周日鸣枪。", "温州", "ORG_PART"),
    ("zh", "她第一次来到温州是在二〇一八年。", "温州", "LITERAL"),
    ("ja", "第12回大連国際ビール祭りが週末に開幕した。", "大連", "ORG_PART"),
    # a cigarette brand counted by the stick or the pack; a band from the city keeps it
    ("zh", "老板递给他一支兰州,自己也点了一根。", "兰州", "ORG_PART"),
    ("zh", "他每天要抽两包南京。", "南京", "ORG_PART"),
    ("zh", "一支北京的乐队来到广州演出。", "北京", "LITERAL"),
    # a body abroad named for its members' city is no namesake place; a name given is no statement
    ("zh", "无锡和常州俗称锡常地区。", "常州", "LITERAL"),
    ("zh", "北京又称这是内政。", "北京", "METONYMIC"),
    # a quoted figure of speech ("a new X", "the X of the west"); one of a list of firms ending in their kind
    ("zh", "海南要成为“新香港”。", "香港", "NOT_PLACE"),
    ("zh", "成都被称为“西部的深圳”。", "深圳", "NOT_PLACE"),
    ("ja", "再開発が進み、「新大連」の姿が見えてきた。", "大連", "LITERAL"),  # the city's own new face
    ("ja", "坂の多い街並みから小香港と呼ばれることもある。", "香港", "NOT_PLACE"),
    ("zh", "温州素有小香港之称。", "香港", "NOT_PLACE"),
    ("zh", "温州素有小香港之称。", "温州", "LITERAL"),
    ("zh", "首钢、本溪、鞍钢等钢铁企业都在减产。", "本溪", "ORG_PART"),
    ("zh", "北京、上海等地企业纷纷进驻。", "上海", "LITERAL"),
    ("ja", "一行は大連三洋冷熱(保税区)有限公司を視察した。", "大連", "ORG_PART"),
    # hotels and shipping companies
    ("ja", "一行は昆明賓館に宿泊した。", "昆明", "ORG_PART"),
    ("ja", "一行は昆明に宿泊した。", "昆明", "LITERAL"),
    ("ja", "寧波海運が新たな航路を開設した。", "寧波", "ORG_PART"),
    ("ja", "上海通用は新型車の生産を始めた。", "上海", "ORG_PART"),
    ("ja", "会議では長春市の書記が演説した。", "長春市", "LITERAL"),
    # Japanese match copy: the opponent after 対 or beside a dash, a team leading by a score
    ("ja", "横浜対青島の一戦は、前半のシュート数で横浜が上回った。", "青島", "ORG_PART"),
    ("ja", "準決勝成都―川崎の第1レグは2-2の引き分けだった。", "成都", "ORG_PART"),
    ("ja", "後半に追加点が生まれ、川崎が3-0と成都をリードした。", "成都", "ORG_PART"),
    ("ja", "成都―重慶間の高速鉄道は帰省客で混雑した。", "成都", "LITERAL"),
]


def test_the_place_of_an_office_before_its_holder_is_no_persons_name() -> None:
    """"the Deputy Mayor of Haikou Liu Wei": the surname after the city is the holder's, not the rest of a name
    (the cues; the trained model may still read the whole run as one person)."""
    text = "The Deputy Mayor of Haikou Liu Wei said tourism grew."
    start = text.index("Haikou")
    f = lexical(text, start, start + len("Haikou"), cues_for("en"))
    assert f["person_after"] == f["cap_after"] == 0.0
    text = "Officials met Haikou Liu at the fair."
    start = text.index("Haikou")
    assert lexical(text, start, start + len("Haikou"), cues_for("en"))["person_after"] == 1.0


def test_a_chinese_full_name_before_an_office_is_no_city() -> None:
    """王安順市長 is Mayor Wang Anshun; 北京市長 alone is the mayor of Beijing."""
    assert [m["surface"] for m in tag_texts(["会議では李長春書記が演説した。"], ["ja"])[0]] == []
    assert [m["surface"] for m in tag_texts(["長春市長が演説した。"], ["ja"])[0]] == ["長春"]


def test_a_clan_association_abroad_keeps_its_city() -> None:
    """新加坡温州会馆 (Singapore's Wenzhou association) is no Wenzhou in Singapore: the city later in the text is Wenzhou."""
    found = tag_texts(["新加坡温州会馆周日举行年会。不少温州商人专程到场。"], ["zh"])[0]
    assert [(m["label"], (m["city"] or {}).get("name")) for m in found] == [("ORG_PART", "Wenzhou"), ("LITERAL", "Wenzhou")]


@pytest.mark.parametrize(("lang", "text", "surface", "label"), CHINESE_JAPANESE)
def test_chinese_and_japanese(lang: str, text: str, surface: str, label: str) -> None:
    found = mentions_of(lang, text, surface)
    assert len(found) == 1, found
    assert found[0]["label"] == label
