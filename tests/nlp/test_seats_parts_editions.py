"""What the words around a name say it names, from the held-out real batches 25, 26 and 39 of stop 38 (their classes,
not their sentences), read and fixed in stop 38: a firm's seat in brackets closing its name ("Anji Microelectronics
Technology (Shanghai)"), a sauce named for the place, a part of one city named like another city ("Dalian's
Donggang business district", "the Meishan terminal at Ningbo-Zhoushan port"), a district written right after its
city ("Suzhou Wuzhong"), two names joined by "and" beginning one name ("the Hong Kong and Macao Affairs Office"), a
law known by the city's name ("the Hong Kong national security law"); in Chinese and Japanese, a firm's seat in
brackets before the rest of its registered name (联想创新（天津）投资管理有限公司), an edition's number after the name
(杭州第19届亚运会), a tower named for the city (广州塔), a fund named by it (苏州…产业基金) and a seminar named by two
cities joined by a hyphen (大連‐北九州…セミナー). Then, from batches 27, 28 and 40: a predicate noun of what is drunk
("Pu'er is a famous tea"), venues and Macau's resorts by their brand, a fashion week, a financial centre and a great
Buddha in Japanese, a minister's title written against a transcribed name (农业部长沙拉胡丁), eco-cities, football
grounds and schools for foreigners, and names of names.tsv (a naval base, a news site, a company, a heritage site);
from batches 29 and 41, a firm's short name in brackets after its legal form, a province after the name without a
comma, a date after a dateline's place, a city winning the bid to host, "owing to" as "because of", a place in another city's address named
like a county-level city elsewhere (天津市滨海新区东港), a neighbourhood association of Macau, halls, book fairs and
the trade development council in Japanese; from batch 42, markets named as a city of their wares and restaurants
named as palaces.
Each with the counterpart that stays the city. Sentences written for these tests (not in training.tsv,
calibration.tsv or the sentence files).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.nlp.conftest import assert_one_label, only, tag_one

ENGLISH = [
    # batch 25: a firm's seat in brackets as the last part of its name; a university's seat in brackets is where it is
    ("Shares of Hengxin Photonics Technology (Wuhan) were suspended on Friday.", "Wuhan", "ORG_PART"),
    ("The supplier, Luxshare Electronics (Kunshan), cut its forecast.", "Kunshan", "ORG_PART"),
    ("Researchers at Sun Yat-sen University (Guangzhou) led the trial.", "Guangzhou", "LITERAL"),
    ("She moved from Harbin (China) to Oslo in 2015.", "Harbin", "LITERAL"),
    # batch 26: a sauce or paste named for the place past words of its making; the place's kitchens stay the place
    ("The recipe calls for two spoons of Chengdu chilli bean paste.", "Chengdu", "ORG_PART"),
    ("A jar of Shaoxing fermented bean curd sat on every table.", "Shaoxing", "ORG_PART"),
    ("Cooks in Chengdu use a lot of chilli.", "Chengdu", "LITERAL"),
    # batch 26: two names joined by "and" after "the" begin one capitalised name ending in a head; without "the"
    # the first is a place of its own
    ("A spokesman for the Hong Kong and Macao Affairs Office criticised the ruling.", "Hong Kong", "ORG_PART"),
    ("The Guangzhou and Foshan Metro Committee approved the plan.", "Guangzhou", "ORG_PART"),
    ("She flew between Shenzhen and Wuhan Airport twice a month.", "Shenzhen", "LITERAL"),
    # batch 25: a law known by the place's name in lower case; the place's law as a whole is the polity's
    ("Lawyers challenged the Macau national security law in court.", "Macau", "ORG_PART"),
    ("The dispute was settled under Macau law.", "Macau", "METONYMIC"),
    # batches 27-28: a predicate noun of what is drunk (not a word of sport after "is"), a venue, Macau's resorts by
    # their brand before the city
    ("In the shop, Pu'er was a popular tea among older buyers.", "Pu'er", "ORG_PART"),
    ("Pu'er is a city in southern Yunnan.", "Pu'er", "LITERAL"),
    ("Shenzhen is a champion of innovation, the mayor said.", "Shenzhen", "LITERAL"),
    ("Thousands queued outside Hong Kong Coliseum for tickets.", "Hong Kong", "ORG_PART"),
    ("Gamblers returned to the Venetian Macao after the holiday.", "Macao", "ORG_PART"),
    ("Gamblers returned to Macao after the holiday.", "Macao", "LITERAL"),
    # batch 29 and the misses of batches 25-28: a firm's short name in brackets after its legal form; a province
    # written after the name without a comma places it (no name of a firm); a date after a dateline's place in
    # capitals; a city wins the bid to host, a team the match
    ("Shares of Inner Mongolia Yitai Coal Co. Ltd. (Ordos Yitai) rose on Monday.", "Ordos", "ORG_PART"),
    ("Our group stayed two nights in Suzhou Jiangsu before flying home.", "Suzhou", "LITERAL"),
    ("The Yichang Hubei Bank opened a branch.", "Yichang", "ORG_PART"),
    ("WUHAN March 4 Chinese carmaker Dongfeng Motor Group said sales fell.", "WUHAN", "LITERAL"),
    ("It was the first winter since Zhangjiakou won the bid to co-host the Olympics.", "Zhangjiakou", "LITERAL"),
    ("Cangzhou won the match 2-1 in stoppage time.", "Cangzhou", "ORG_PART"),
    # batch 29: "owing to" is "because of", no debt to a government; a debt owed to the city's government stays one
    ("Owing to Wuhan's lockdown, factories closed for weeks.", "Wuhan", "LITERAL"),
    ("Debts owed to Beijing have grown since 2015.", "Beijing", "METONYMIC"),
]


def test_a_naval_base_named_for_a_bay_is_no_mention_of_the_cities_of_its_name(english: Language) -> None:
    """Yulin Naval Base (at Sanya, named for Yulin Bay; names.tsv) read as Yulin, Shaanxi in batch 27."""
    found = tag_one(english, "Satellite images show new piers at Yulin Naval Base near Sanya.")
    assert [m["surface"] for m in found] == ["Sanya"]


@pytest.mark.parametrize(("text", "surface", "label"), ENGLISH)
def test_english(english: Language, text: str, surface: str, label: str) -> None:
    assert only(english, text, surface)["label"] == label


PARTS = [
    # batch 25: a part of a city named like a county-level city elsewhere (Jinzhou in Liaoning, Meishan in Sichuan,
    # Donggang in Dandong), written as the other city's part: no mention of the city of that name
    ("New offices opened in Dalian's Jinzhou business district this spring.", "Jinzhou", "NOT_PLACE"),
    ("Rents rose in the Donggang area of Dalian.", "Donggang", "NOT_PLACE"),
    ("The Meishan wharf at Ningbo port reopened on Monday.", "Meishan", "NOT_PLACE"),
    # batch 26: a district written right after its city, whose name is ambiguous (two Suzhous)
    ("The delegation toured factories in Suzhou Wuzhong last week.", "Wuzhong", "NOT_PLACE"),
    # the city itself: alone, and in another province
    ("Donggang is a port city near Dandong.", "Donggang", "LITERAL"),
    ("Wuzhong in Ningxia grows wolfberries.", "Wuzhong", "LITERAL"),
]


@pytest.mark.parametrize(("text", "surface", "label"), PARTS)
def test_parts_of_another_city(english: Language, text: str, surface: str, label: str) -> None:
    mention = only(english, text, surface)
    assert mention["label"] == label
    assert (mention["city"] is None) == (label == "NOT_PLACE")


def test_a_section_or_terminal_of_a_line_between_cities_stays_the_city(english: Language) -> None:
    """A section of a line is no part of the cities the line joins ("section" is no part word), and a terminal is a
    port's part only with the port written after the city."""
    mention = only(english, "The Wuhan section of the Beijing-Guangzhou railway opened in 2009.", "Wuhan")
    assert (mention["label"], mention["city"]["name"]) == ("LITERAL", "Wuhan")
    found = tag_one(english, "The Xi'an terminal of the Zhengzhou-Xi'an railway was rebuilt.")
    assert [(m["surface"], m["label"]) for m in found if m["surface"] == "Xi'an"] == [("Xi'an", "LITERAL")] * 2


CHINESE_JAPANESE = [
    # batch 39: a firm's seat in brackets before the rest of its registered name, ending in a legal form or a kind
    # of firm; a district in brackets after the city is the city's
    ("zh", "管理人为华信创投（南京）资产管理有限公司。", "南京", "ORG_PART"),
    ("zh", "该基金由华源（厦门）合伙企业发起设立。", "厦门", "ORG_PART"),
    ("zh", "他的新家在广州（天河）一带。", "广州", "LITERAL"),
    ("ja", "取引先の明遠(青島)网络科技有限公司が出資した。", "青島", "ORG_PART"),
    # an edition's number right after the name: the event's; the city hosting it stays the city
    ("zh", "青岛第35届国际啤酒节将于下月开幕。", "青岛", "ORG_PART"),
    ("zh", "第35届国际啤酒节将在青岛举行。", "青岛", "LITERAL"),
    # a tower named for the city; the city's skyline stays the city
    ("zh", "游客排队登上天津塔观景台。", "天津", "ORG_PART"),
    ("zh", "天津的天际线在夜里格外明亮。", "天津", "LITERAL"),
    # a fund named by the city past the words of its aim
    ("zh", "合肥新能源汽车产业基金完成首期募资。", "合肥", "ORG_PART"),
    ("zh", "合肥的新能源汽车产量继续增长。", "合肥", "LITERAL"),
    # a seminar named by two cities joined by a hyphen, in Japanese; the route between them stays the city
    ("ja", "市は「青島‐下関経済交流セミナー」を開いた。", "青島", "ORG_PART"),
    ("ja", "青島‐下関間の定期航路が再開した。", "青島", "LITERAL"),
    # Japanese 40: a fashion week, a financial centre's building written as in Chinese, a great Buddha (also in
    # Chinese); the city's own centre and a night there stay the city
    ("ja", "深圳ファッションウィークが来月開幕する。", "深圳", "ORG_PART"),
    ("ja", "視察団は上海環球金融中心の展望台に上った。", "上海", "ORG_PART"),
    ("ja", "私たちは楽山大仏を見るために四川を訪れた。", "楽山", "ORG_PART"),
    ("ja", "私たちは楽山で一泊した。", "楽山", "LITERAL"),
    ("zh", "乐山大佛每年吸引数百万游客。", "乐山", "ORG_PART"),
    # Chinese 40: a minister's title written against a transcribed name (部长 | 沙希尔) is no Changsha; the ministry's
    # Changsha centre stays the city's name
    ("zh", "印尼农业部长沙希尔表示将扩大出口。", "长沙", None),
    ("zh", "该国交通部长沙布里宣布新政策。", "长沙", None),
    ("zh", "国土资源部长沙矿产资源监督检测中心发布报告。", "长沙", "ORG_PART"),
    # an eco-city, a football ground and a school for Japanese children named by the city; the city's schools stay
    ("zh", "中新天津生态城今年新增企业三千家。", "天津", "ORG_PART"),
    ("zh", "决赛在上海虹口足球场举行。", "上海", "ORG_PART"),
    ("zh", "苏州日本人学校提醒家长注意安全。", "苏州", "ORG_PART"),
    ("zh", "上海学校停课一周。", "上海", "LITERAL"),
    # names of names.tsv: a news site, a company, a heritage site
    ("zh", "据香港01报道，两地将全面通关。", "香港", "ORG_PART"),
    ("zh", "北京字节跳动宣布调整架构。", "北京", "ORG_PART"),
    ("zh", "开平碉楼吸引了大批游客。", "开平", "ORG_PART"),
    # batches 41: a place in another city's address named like a county-level city elsewhere (东港, Dandong's), and
    # the county-level city after its own prefecture; a neighbourhood association of Macau's Toi San quarter
    ("zh", "仓库位于天津市滨海新区东港物流园内。", "东港", "NOT_PLACE"),
    ("zh", "丹东东港的渔民开始出海。", "东港", "LITERAL"),
    ("zh", "台山坊会举办了敬老活动。", "台山", "ORG_PART"),
    # a friendship hall, a book fair and the trade development council in Japanese
    ("ja", "市内の高松・南昌友好会館で写真展が開かれた。", "南昌", "ORG_PART"),
    ("ja", "今年の香港ブックフェアには日本の出版社も参加した。", "香港", "ORG_PART"),
    ("ja", "香港貿易発展局が東京で説明会を開いた。", "香港", "ORG_PART"),
    # batches 39 and 42: a market named as a city of its wares, restaurants named as palaces; the city's shoe markets
    # stay the city
    ("zh", "采购商涌入晋江国际鞋城挑选新款。", "晋江", "ORG_PART"),
    ("zh", "温州的鞋城越来越多。", "温州", "LITERAL"),
    ("zh", "这家澳门金龙皇宫酒楼开业三十年。", "澳门", "ORG_PART"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "label"), CHINESE_JAPANESE)
def test_chinese_and_japanese(lang: str, text: str, surface: str, label: str) -> None:
    assert_one_label(lang, text, surface, label)
