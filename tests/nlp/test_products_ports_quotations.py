"""What the words around a name say it names, from the held-out real batches 30, 31, 42 and 43 of stop 39 (their
classes, not their sentences): dishes known abroad by their Chinese name ("Wuhan reganmian", a Chinese word between
the name and the English dish word), miners and smelters named for their metal ("Xiamen Tungsten"), an art fair of
names.tsv, an apposition capitalised throughout (another name, not what the city names), where someone comes from
("his hometown of Shanghai", in sport copy too); in Chinese and Japanese, a port area of one city named like a
county-level city elsewhere (福州港江阴港区, then alone in the same article), universities by their short names
(西安交大), a rice miller, a park called a "great world" after a middle dot in quotation marks, a product named in
quotation marks (“数字敦煌”), a carmaker's partner that is also the word "modern" (北京现代, not 舟山现代海事服务业), the
city's flower (洛阳牡丹), a day named for the city and a shop's name closed by a katakana word in Japanese quotation
marks (「重慶の日」, 「…義烏セレクション」), a race (マカオF3). Then, from batches 32, 33, 43 and 44: a dish past a word that
is also one of its modifiers ("beef noodle soup"), a tour's event and a crew named by the city ("the WTT Macao",
"Team Sanya"), a firm's spelling with a capital inside it alone ("WuXi's future"), clubs of names.tsv; in Chinese,
clubs named by their city and their people or "FC" in match copy, a town named like a city (三沙镇); in Japanese, a
branch campus, a cultural centre and beef ramen written as in Chinese.
Each with the counterpart that stays the city. Sentences written for these tests (not in training.tsv,
calibration.tsv or the sentence files).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.nlp.conftest import assert_one_label, only, tag_one

ENGLISH = [
    # batch 31: a dish known by its Chinese name, alone or between the name and the English word; the place's
    # noodle shops stay the place
    ("Queues formed for Wuhan reganmian outside the station.", "Wuhan", "ORG_PART"),
    ("A bowl of Guilin beef mifen costs ten yuan.", "Guilin", "ORG_PART"),
    ("Dozens of Lanzhou beef Lamian noodles shops opened in Xining.", "Lanzhou", "ORG_PART"),
    ("Noodle shops in Lanzhou open at dawn.", "Lanzhou", "LITERAL"),
    # ... also beside a province that begins another dish's name
    ("The menu lists Shaanxi biangbiang noodles and Lanzhou beef lamian.", "Lanzhou", "ORG_PART"),
    # batch 31: miners and smelters named for their metal; the metal's price in the city stays the city
    ("Analysts upgraded Xiamen Tungsten after the results.", "Xiamen", "ORG_PART"),
    ("Xiamen Tungsten and Zhangyuan Tungsten cut output.", "Xiamen", "ORG_PART"),
    ("Tungsten prices rose in Xiamen this week.", "Xiamen", "LITERAL"),
    # batch 31: an art fair of names.tsv; the city's dealers stay the city
    ("Dealers sold three paintings at Art Basel Hong Kong.", "Hong Kong", "ORG_PART"),
    ("Art dealers in Hong Kong reported strong sales.", "Hong Kong", "LITERAL"),
    # batch 31: an apposition capitalised throughout is another name; one in lower case says what the name names
    ("Of all the cafes in Kunming, the Golden Lotus Restaurant on Main Road is the busiest.", "Kunming", "LITERAL"),
    ("Critics loved Dunhuang, a Sichuan restaurant in Soho.", "Dunhuang", "ORG_PART"),
    # batch 31: where someone comes from, in sport copy too; a club in a match report stays a club
    ("She won the title in her hometown of Shenzhen with a final-round 68.", "Shenzhen", "LITERAL"),
    ("Shenzhen beat Dalian 2-0 with a late goal.", "Shenzhen", "ORG_PART"),
    # batch 33: a dish past a word that is also one of its modifiers ("noodle soup"); a tour's event and a crew named
    # by the city; clubs of names.tsv; the same city after another word stays the city
    ("He ordered a bowl of Chongqing beef noodle soup.", "Chongqing", "ORG_PART"),
    ("Noodle soup is cheap in Chongqing.", "Chongqing", "LITERAL"),
    ("Fans packed the arena for the WTT Chongqing last spring.", "Chongqing", "ORG_PART"),
    ("The WTT moved its finals to Chongqing.", "Chongqing", "LITERAL"),
    ("Team Qingdao crossed the finish line first.", "Qingdao", "ORG_PART"),
    ("The team crossed the finish line in Qingdao.", "Qingdao", "LITERAL"),
    ("Wuhan Jiangda carved its name into the history books.", "Wuhan", "ORG_PART"),
]


def test_a_surname_that_ends_a_longer_capitalised_name_makes_no_person(english: Language) -> None:
    """Batch 34: "Li" of the mall "Sino-Ocean Taikoo Li Chengdu" had made Chengdu a person's given name, and so every
    Chengdu of the article no place; a surname after a title still makes one ("Vice Premier Liu Xian")."""
    found = tag_one(english, "Chengdu draws luxury brands. Sino-Ocean Taikoo Li Chengdu, in downtown Chengdu, opened in 2015.")
    assert [m["label"] for m in found] == ["LITERAL", "ORG_PART", "LITERAL"]
    assert only(english, "Vice Premier Liu Xian met the delegation.", "Xian")["label"] == "NOT_PLACE"


def test_a_firms_spelling_with_an_inner_capital_is_the_firm_alone_too(english: Language) -> None:
    """Batch 32: "WuXi" of "WuXi AppTec" (a brand after the name) is the firm where it later stands alone; the city
    written with an inner capital before a head ("HangZhou Bank") stays the city elsewhere."""
    found = tag_one(english, "Shares of WuXi Biologics fell. Investors worry about WuXi's exposure to US rules.")
    assert [m["label"] for m in found] == ["ORG_PART", "ORG_PART"]
    found = tag_one(english, "HangZhou Bank opened a branch. Traffic between HangZhou and Shaoxing is heavy.")
    assert [m["label"] for m in found] == ["ORG_PART", "LITERAL", "LITERAL"]
    # two capitalised words are no inner capital: an organisation of the city says nothing of the city elsewhere
    found = tag_one(english, "The Hong Kong Arts Centre opened. In the past decade, Hong Kong has seen growth.")
    assert [m["label"] for m in found] == ["ORG_PART", "LITERAL"]


@pytest.mark.parametrize(("text", "surface", "label"), ENGLISH)
def test_english(english: Language, text: str, surface: str, label: str) -> None:
    assert only(english, text, surface)["label"] == label


def test_a_port_area_named_like_another_city_is_that_area_throughout_the_article() -> None:
    """福州港江阴港区 is the Jiangyin port area of Fuzhou's port (batch 43), not Jiangyin in Jiangsu, and so is 江阴港区
    later in the same article (one sense per article); Jiangyin after its own prefecture stays the city."""
    from nlp.pipeline import tag_texts

    found = tag_texts(["货轮停靠在福州港江阴港区。江阴港区今年吞吐量增长。"], ["zh"])[0]
    assert [(m["surface"], m["label"], m["city"]) for m in found if m["surface"] == "江阴"] == \
        [("江阴", "NOT_PLACE", None)] * 2
    assert_one_label("zh", "无锡江阴的纺织厂扩大了产能。", "江阴", "LITERAL")


CHINESE_JAPANESE = [
    # batch 43: universities by their short names, a rice miller; the city's universities stay the city
    ("zh", "代表团到访上海交大并座谈。", "上海", "ORG_PART"),
    ("zh", "北京师大的学生参加了比赛。", "北京", "ORG_PART"),
    ("zh", "五常市鑫禾米业扩建了仓库。", "五常市", "ORG_PART"),
    ("zh", "西安的大学生越来越多。", "西安", "LITERAL"),
    # batch 43: a park called a "great world" after a middle dot in quotation marks; two places joined by a dot stay
    # places
    ("zh", "夜晚的“南宁•东盟风情大世界”游人如织。", "南宁", "ORG_PART"),
    ("zh", "这趟“北京·上海”的列车准点到达。", "北京", "LITERAL"),
    # batch 43: a product named in quotation marks past a word that makes one of it; the city in quotation marks alone
    # stays the city
    ("zh", "市民可以下载“智慧杭州”查询公交。", "杭州", "ORG_PART"),
    ("zh", "他们把这里称为“杭州”的后花园。", "杭州", "LITERAL"),
    # batch 43: a carmaker's partner that is also the word "modern", only right after the name and before no noun
    ("zh", "北京现代宣布召回部分车型。", "北京", "ORG_PART"),
    ("zh", "舟山现代渔业发展很快。", "舟山", "LITERAL"),
    # batch 42: the city's flower, in Chinese and Japanese; the city's gardens stay the city
    ("zh", "洛阳牡丹今年提前开放。", "洛阳", "ORG_PART"),
    ("ja", "洛陽牡丹が市内の公園に植えられた。", "洛陽", "ORG_PART"),
    ("zh", "洛阳的公园里开满了花。", "洛阳", "LITERAL"),
    # batch 42: a day named for the city and a shop's name closed by a katakana word in Japanese quotation marks;
    # the city alone in quotation marks stays the city
    ("ja", "市は「大連の日」に合わせて物産展を開いた。", "大連", "ORG_PART"),
    ("ja", "駅前に「東京上海ブティック」が開店した。", "上海", "ORG_PART"),
    ("ja", "彼は「上海」という言葉を何度も口にした。", "上海", "LITERAL"),
    # batch 44: a club named by its city and its people or "FC", a draw in match copy; the people outside match copy
    # stay the city's
    ("zh", "中超第五轮，梅州客家补时绝平对手，球队继续保持不败。", "梅州", "ORG_PART"),
    ("zh", "梅州客家人多住在围龙屋里。", "梅州", "LITERAL"),
    ("zh", "联赛首轮，南通FC客场取胜。", "南通", "ORG_PART"),
    ("zh", "上周联赛中沧州踢平了对手，球队积分不变。", "沧州", "ORG_PART"),
    # batch 44: a town named like a city (三沙镇 in Fujian, not Sansha in Hainan); the city stays the city
    ("zh", "霞浦县三沙镇的渔民清晨出海。", "三沙", "NOT_PLACE"),
    ("zh", "海南三沙的渔船陆续返航。", "三沙", "LITERAL"),
    # ... and a firm's name that begins with 村 stays the firm's (Murata Electronics, Wuxi)
    ("ja", "無錫村田電子の売上高は2倍になる。", "無錫", "ORG_PART"),
    # batch 43: a university's branch campus, a cultural centre and beef ramen written as in Chinese, in Japanese
    ("ja", "北京大学深圳分校を視察した。", "深圳", "ORG_PART"),
    ("ja", "深圳に分校を開いた。", "深圳", "LITERAL"),
    ("ja", "上海文化中心で公演が行われた。", "上海", "ORG_PART"),
    ("ja", "駅前に西安牛肉拉麺の店ができた。", "西安", "ORG_PART"),
    # batch 45: an air show, a cup and a securities paper named by the city; a cup of the city's coffee stays the city
    ("zh", "珠海国际航展下周开幕。", "珠海", "ORG_PART"),
    ("zh", "他第三次参加澳门房车杯。", "澳门", "ORG_PART"),
    ("zh", "据上海证券报报道，新规下月实施。", "上海", "ORG_PART"),
    ("zh", "他喝了一杯上海产的咖啡。", "上海", "LITERAL"),
    # batch 44: a hotel's name in quotation marks past a middle dot, a shop's name past a katakana brand and a space
    ("ja", "新しいホテル「ザ・広州スイート」が開業した。", "広州", "ORG_PART"),
    ("ja", "「ユニクロ 成都春熙路店」が開業した。", "成都", "ORG_PART"),
    ("ja", "イトーキ 蘇州市に投資会社を設立", "蘇州市", "LITERAL"),
    # batch 42: a race named by the city and its class
    ("ja", "彼はマカオF3で二位に入った。", "マカオ", "ORG_PART"),
    ("ja", "彼はマカオで二位に入った。", "マカオ", "LITERAL"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "label"), CHINESE_JAPANESE)
def test_chinese_and_japanese(lang: str, text: str, surface: str, label: str) -> None:
    assert_one_label(lang, text, surface, label)

