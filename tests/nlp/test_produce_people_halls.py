"""What the words around a name say it names, from the held-out real batches of stop 40 (zh 46-47, ja 45-46; their
classes, not their sentences): in Chinese, produce known by its place of origin (烟台苹果), a name ending in 城 read
inside "a counterpart city" (对应城市), the lighthouse that is also a county-level city (灯塔), people named like a city
after their surname or before their spouse (陆朝阳, 沈阳夫妇), basketball clubs (北京首钢), a concert hall named after Sun
Yat-sen (中山音乐堂); in Japanese, an exhibition hall, a school for Japanese children, a rolling-stock maker, a
department store, a film market, rice noodles and a ware named by the city, and Japanese cities named as a Chinese
city is (津市, Tsu); then schools, a university and a hospital named after Sun Yat-sen (中山学校), subsidiaries after the
word for one (子会社蘇州萩原), satellite channels and football associations, quoted names whose katakana runs past ・ and &;
in English, titles after "titled", an airline's name shared by a conjunction, a manager's new club, hotels by brand
and city (also in Japanese past a middle dot); in German, a passive's agent before its participle; in French, a
quoted participle before its agent. In any language, a name inside a web or e-mail address. Each with the
counterpart that stays the city. Sentences written for these tests (not in training.tsv, calibration.tsv or the
sentence files).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import assert_one_label

CHINESE_JAPANESE = [
    # produce known by its place of origin, as a whole word after the name; the place itself stays the place
    ("zh", "今年烟台苹果的收购价比去年低了两成。", "烟台", "ORG_PART"),
    ("zh", "超市里摆满了刚运到的吐鲁番葡萄。", "吐鲁番", "ORG_PART"),
    ("zh", "他从烟台出发,一路向西。", "烟台", "LITERAL"),
    ("zh", "游客们在吐鲁番葡萄沟乘凉。", "吐鲁番", "LITERAL"),
    ("zh", "深圳苹果供应链企业的订单增加了。", "深圳", "LITERAL"),
    # 城 and 市 after a word that ends in the name's first character: "city", not Yingcheng; 应城市 itself stays
    ("zh", "这座口岸与俄方的对应城市隔江相望。", "应城市", None),
    ("zh", "湖北应城市政府发布了通知。", "应城市", "LITERAL"),
    ("zh", "山西晋城市今天发布了通知。", "晋城市", "LITERAL"),
    # the lighthouse; Dengta with its 市 stays the city
    ("zh", "这家工厂被评为灯塔工厂,成了行业的灯塔。", "灯塔", None),
    ("zh", "灯塔市位于辽宁省中部。", "灯塔市", "LITERAL"),
    # a person: a surname before the name, or a spouse after it; the city's winter stays the city
    ("zh", "实验由陆朝阳团队完成。", "朝阳", None),
    ("zh", "沈阳夫妇经营着一家小餐馆。", "沈阳", None),
    ("zh", "记者在店里见到了沈阳的妻子。", "沈阳", None),
    ("zh", "沈阳的冬天很冷。", "沈阳", "LITERAL"),
    ("zh", "一对郑州夫妇来到北京旅游。", "郑州", "LITERAL"),
    ("zh", "一名郑州女士在车站走失。", "郑州", "LITERAL"),
    # basketball clubs named by their city and sponsor; the sponsor's city stays the city
    ("zh", "北京首钢客场击败了对手。", "北京", "ORG_PART"),
    ("zh", "首钢的总部在北京。", "北京", "LITERAL"),
    # a concert hall named after Sun Yat-sen; Zhongshan's own concerts stay the city
    ("zh", "音乐会在中山音乐堂举行。", "中山", "ORG_PART"),
    ("zh", "音乐会在中山举行。", "中山", "LITERAL"),
    # Japanese: halls, schools, makers, stores and markets named by the city; the city itself stays the city
    ("ja", "北京展覧館で見本市が開かれた。", "北京", "ORG_PART"),
    ("ja", "北京で見本市が開かれた。", "北京", "LITERAL"),
    ("ja", "上海日本語補習校に通う子どもたちが集まった。", "上海", "ORG_PART"),
    ("ja", "長春軌道客車が新しい車両を納入した。", "長春", "ORG_PART"),
    ("ja", "上海高島屋が閉店を発表した。", "上海", "ORG_PART"),
    ("ja", "香港フィルマートに多くの会社が出展した。", "香港", "ORG_PART"),
    ("ja", "香港に多くの会社が出展した。", "香港", "LITERAL"),
    # rice noodles and a ware named by the city
    ("ja", "昼は桂林ビーフンを食べた。", "桂林", "ORG_PART"),
    ("ja", "宜興窯の急須を買った。", "宜興", "ORG_PART"),
    ("ja", "宜興で急須を買った。", "宜興", "LITERAL"),
    # named after Sun Yat-sen, not the city (names.tsv); the city's own schools stay the city
    ("zh", "代表团参观了当地的中山学校。", "中山", None),
    ("zh", "他毕业于中山大学。", "中山", None),
    ("zh", "中山一院的医生完成了手术。", "中山", None),
    ("zh", "中山市的学校今天开学。", "中山市", "LITERAL"),
    # a subsidiary's or joint venture's name after the word for one; a subsidiary set up in the city stays the city
    ("zh", "公司宣布全资子公司苏州华兴已完成注册。", "苏州", "ORG_PART"),
    ("zh", "子公司设在苏州。", "苏州", "LITERAL"),
    ("ja", "今回の目的は子会社蘇州萩原の監査でした。", "蘇州", "ORG_PART"),
    ("ja", "子会社を蘇州に設立した。", "蘇州", "LITERAL"),
    # a society, troupe or press whose word ends in 社 after the name; society at large stays the city
    ("zh", "西安易俗社推出了新春戏曲演出。", "西安", "ORG_PART"),
    ("zh", "上海社会各界人士出席了仪式。", "上海", "LITERAL"),
    # football clubs of earlier seasons named by their city and sponsor
    ("ja", "天津天海はクラブ経営の維持を断念した。", "天津", "ORG_PART"),
    ("zh", "天津权健主场迎战对手。", "天津", "ORG_PART"),
    # satellite channels and football associations named by the city
    ("zh", "深圳卫视播出了这档节目。", "深圳", "ORG_PART"),
    ("zh", "上海足协公布了新赛季的赛程。", "上海", "ORG_PART"),
    ("ja", "深圳衛星テレビの撮影班が集まった。", "深圳", "ORG_PART"),
    # a quoted name whose katakana words run on past ・ and & to the closing mark; a quoted phrase stays the city
    ("ja", "「香港インターナショナル・ワイン&スピリッツ・フェア」に出展した。", "香港", "ORG_PART"),
    ("ja", "「香港に行こう」キャンペーンが始まった。", "香港", "LITERAL"),
    # a hotel or resort brand before the name past a middle dot; two places joined by one stay places
    ("ja", "ヴェネチアン・マカオが3位だった。", "マカオ", "ORG_PART"),
    ("ja", "上海・マカオの旅が人気だった。", "マカオ", "LITERAL"),
    # a Japanese city named as a Chinese one is, unless China or a province is named just before
    ("ja", "津市の市長が記者会見を開いた。", "津市", "OTHER_PLACE"),
    ("ja", "湖南省津市の工場を視察した。", "津市", "LITERAL"),
    ("ja", "白山市では雪が降った。", "白山市", "OTHER_PLACE"),
    ("ja", "中国・白山市の代表団が来日した。", "白山市", "LITERAL"),
    # web addresses name pages
    ("ja", "詳細は http://example.jp/asia/China/Weifang.html に掲載した。", "Weifang", None),
    ("ja", "詳細は Weifang の市役所に掲載した。", "Weifang", "LITERAL"),
]

LATIN_SCRIPT = [
    # a title after "titled" or "entitled"; the trip to the city stays the city
    ("en", "The museum opened an exhibition titled, Shanghai: A Wartime Haven, last week.", "Shanghai", "ORG_PART"),
    ("en", "He titled his speech after the trip to Shanghai.", "Shanghai", "LITERAL"),
    # an airline's name shared by a conjunction; flights between the cities stay the cities
    ("en", "Both Hong Kong and Tianjin Airlines are owned by the same group.", "Hong Kong", "ORG_PART"),
    ("en", "Flights between Hong Kong and Tianjin resumed on Monday.", "Hong Kong", "LITERAL"),
    # hotels named by their brand and city; the brand's hotel in the city stays the city
    ("en", "We stayed two nights at the Ritz-Carlton Shanghai.", "Shanghai", "ORG_PART"),
    ("en", "Rooms at the Peninsula Beijing start at $500.", "Beijing", "ORG_PART"),
    ("en", "Hilton opened a second hotel in Shanghai.", "Shanghai", "LITERAL"),
    # a manager's new club in sport copy; an executive taking over at a firm in the city stays the city
    ("en", "The Portuguese coach has taken over at Tianjin in the Chinese Super League.", "Tianjin", "ORG_PART"),
    ("en", "The new chief executive took over at the company in Tianjin last year.", "Tianjin", "LITERAL"),
    # a place in a list of three or more is no diplomatic pair with a government named in it; a pair stays one
    ("en", "The chain has 400 restaurants in Hong Kong, Macau and Taiwan.", "Macau", "LITERAL"),
    ("en", "Macau and Taiwan signed the agreement on Friday.", "Macau", "METONYMIC"),
    # the target of sanctions or a case is the government; measures in the city stay the city
    ("en", "Canada will drop its case against Beijing at the WTO.", "Beijing", "METONYMIC"),
    ("en", "The US imposed sanctions against Beijing.", "Beijing", "METONYMIC"),
    ("en", "The storm measures in Shanghai were lifted.", "Shanghai", "LITERAL"),
    # web and mail addresses name pages and mailboxes
    ("en", "The guide is at https://example.org/travel/China/Shanghai.html for readers.", "Shanghai", None),
    ("en", "Write to Beijing.desk@example.com for a copy.", "Beijing", None),
    ("en", "The guide to Shanghai is online.", "Shanghai", "LITERAL"),
    # German: a passive's agent before its participle, with a form of werden; "von" without one is where from;
    # hesitating to act is the government's, the city's late spring stays the city
    ("de", "Die Wahl wurde von Peking verboten.", "Peking", "METONYMIC"),
    ("de", "Das Gesetz war von Peking erlassen worden.", "Peking", "METONYMIC"),
    ("de", "Die Stadt liegt 50 Kilometer nördlich von Peking entfernt.", "Peking", "LITERAL"),
    ("de", "Die Delegation wurde von Peking aus geleitet.", "Peking", "LITERAL"),
    ("de", "Peking zögerte lange, die Ermittler ins Land zu lassen.", "Peking", "METONYMIC"),
    ("de", "In Peking zögerte der Frühling lange.", "Peking", "LITERAL"),
    # French: a passive participle in quotation marks before its agent (a quoted adjective is none); hesitating
    ("fr", "L'enquête ne sera pas « supervisée » par Pékin.", "Pékin", "METONYMIC"),
    ("fr", "Le train « rapide » par Pékin passe à midi.", "Pékin", "LITERAL"),
    ("fr", "Pékin hésitant à accepter une enquête, l'OMS a attendu.", "Pékin", "METONYMIC"),
    ("fr", "À Pékin, le printemps hésite encore.", "Pékin", "LITERAL"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "label"), CHINESE_JAPANESE + LATIN_SCRIPT)
def test_what_the_words_around_a_name_say_it_names(lang: str, text: str, surface: str, label: str | None) -> None:
    assert_one_label(lang, text, surface, label)
