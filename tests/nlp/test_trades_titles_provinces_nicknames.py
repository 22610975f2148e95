"""What the words around a name say it names, from the held-out real batches of stop 46 (en 53, zh 70-71, ja 63-64, ar 9;
their classes, not their sentences). In Chinese, a firm named by its city, a brand of two characters and its trade, then
by the city and the brand alone (厦门联芯集成电路, 厦门联芯); a disease, a tunnel and a developer's trade centre named by the city,
and a bridge named like it for Sun Yat-sen (no mention, stop 57); a person named like a city after an office's title
(处长, 所长), and a trip after a title that stays the city (市长赴长春). In Japanese, a katakana name at the end of a longer
katakana word (a casino firm), a club as the opponent or employer of a player in match copy, customs houses, papers and
bands named by the city. In Arabic, heads before the name with an attached conjunction or preposition (لمؤسسة, لمجزرة),
a club named by its sponsor after the city, and Canton as the old name of the province. Everywhere, a name qualified by
a province that is not its own (another place there), a terminal written after its port's city with a hyphen, a
restaurant or a ship called "the X" with nothing after it, a nickname of another place ("Little Shanghai"), and a firm
"based" somewhere. Each with the counterpart that stays what it is. Sentences written for these tests (not in
training.tsv, calibration.tsv or the sentence files)."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import assert_one_label, mentions_of

PLACE_LABELS = ("LITERAL", "METONYMIC")  # a mention of the city as a place or its government

CHINESE = [
    # a brand of two characters between the city and a trade word; the city's own trade, a resident, a shop stay the city
    ("zh", "合肥长鑫存储宣布今年扩产一倍。", "合肥", "ORG_PART"),
    ("zh", "武汉新芯集成电路去年营收大增。", "武汉", "ORG_PART"),
    ("zh", "厦门光学产业发展很快。", "厦门", "LITERAL"),
    ("zh", "厦门有家电子厂正在招工。", "厦门", "LITERAL"),
    ("zh", "厦门市民科技素养明显提高。", "厦门", "LITERAL"),
    # a disease, a tunnel under the river and a developer's trade centre named by the city; an iron bridge named like it
    # (Lanzhou's, for Sun Yat-sen: a name of names.tsv, no mention of Zhongshan at all)
    ("zh", "因為武漢肺炎流行的關係,不少旅客取消行程。", "武漢", "ORG_PART"),
    ("zh", "晚饭后我们沿黄河走到中山铁桥。", "中山", None),
    ("zh", "南京长江隧道昨天因事故封闭两小时。", "南京", "ORG_PART"),
    ("zh", "展会在南宁华南城举行。", "南宁", "ORG_PART"),
    # a given name like a city after an office's title and a surname; a trip after a title stays the city
    ("zh", "海关稽查处处长许长春表示，今年查获走私案件三十宗。", "长春", None),
    ("zh", "研究所所长骆桂林说，项目明年完工。", "桂林", None),
    ("zh", "市长赴长春调研汽车产业。", "长春", "LITERAL"),
    ("zh", "总经理在长春考察了三家工厂。", "长春", "LITERAL"),
]

# a firm named by the city, a brand and its trade, then by the city and the brand alone; the city later stays the city
SHORT_NAMES = [
    ("zh", "厦门联芯集成电路去年投产，厦门联芯的二期工程今年开工。", ["ORG_PART", "ORG_PART"]),
    ("zh", "厦门联芯集成电路去年投产，厦门今年又下了几场暴雨。", ["ORG_PART", "LITERAL"]),
]

JAPANESE = [
    # a katakana name at the end of a longer katakana word; names listed with ・ stay the places
    ("ja", "ギャラクシーマカオ社の売上が回復した。", "マカオ", "ORG_PART"),
    ("ja", "香港・マカオを船で巡った。", "マカオ", "LITERAL"),
    # in match copy, the opponent of a match and the employer of a player; a trip to two cities stays the cities
    ("ja", "浦和は次戦でホームに戻り、広州と対戦する。試合は前半から激しくなりそうだ。", "広州", "ORG_PART"),
    ("ja", "後半、ペナルティーエリアで広州の選手が倒れ、試合は1―1の引き分けに終わった。", "広州", "ORG_PART"),
    ("ja", "視察団は広州と深センを訪れた。", "広州", "LITERAL"),
    # customs houses, a paper and a band named by the city; the city's port stays the city
    ("ja", "青島海関の統計によると、輸出は2割増えた。", "青島", "ORG_PART"),
    ("ja", "上海証券報によると、新規上場が相次いだ。", "上海", "ORG_PART"),
    ("ja", "コンサートでは西安女子楽坊が民族楽器を披露した。", "西安", "ORG_PART"),
    ("ja", "青島港の取扱量が増えた。", "青島", "LITERAL"),
]

ARABIC = [
    # a head before the name with a preposition or conjunction written onto it; a visit to the city stays the city
    ("ar", "قال مدير لمؤسسة بكين للتنمية الحضرية إن المشروع تأخر.", "بكين", "ORG_PART"),
    ("ar", "شارك آلاف في إحياء الذكرى لمجزرة نانجينغ هذا العام.", "نانجينغ", "ORG_PART"),
    ("ar", "قدمت مؤسسة شنغهاي للأبحاث تقريرا جديدا.", "شنغهاي", "ORG_PART"),
    ("ar", "زار الوفد بكين الأسبوع الماضي.", "بكين", "LITERAL"),
    # a club named by its sponsor after the city
    ("ar", "يأمل المدرب في مساعدة تيانجين تيدا على الفوز باللقب.", "تيانجين", "ORG_PART"),
    # Canton as the old name of the province: no mention of the city; Canton alone stays the city
    ("ar", "يقع المصنع بمقاطعة كانتون في جنوب الصين.", "كانتون", None),
    ("ar", "وصل الوفد إلى كانتون مساء أمس.", "كانتون", "LITERAL"),
]

ENGLISH = [
    # a terminal written after its port's city with a hyphen; two cities' area and a railway stay the cities
    ("en", "Ships queued for days after the Ningbo-Meishan terminal shut.", "Meishan", None),
    ("en", "The Guangzhou-Foshan area added a million jobs.", "Foshan", "LITERAL"),
    ("en", "The Zhengzhou-Xi'an line opened in 2010.", "Xi'an", "LITERAL"),
    # "the X" with nothing of a noun phrase after it: a restaurant or a ship; the exchanges stay what they were
    ("en", "The owner said customers still ask whether the Shanghai, which closed in May, will reopen.", "Shanghai",
     None),
    ("en", "Two ships were sold; the Dalian, a tanker built in 1998, went to a Greek owner.", "Dalian", None),
    ("en", "Shares rose on the Shanghai, Shenzhen and Hong Kong exchanges.", "Hong Kong", "ORG_PART"),
    # a nickname of another place; the city itself stays the city
    ("en", "The old port district is still known as Little Shanghai.", "Shanghai", "NOT_PLACE"),
    ("en", "Locals call the market street Santo Beijing.", "Beijing", None),
    ("en", "She moved to Shanghai in 2015.", "Shanghai", "LITERAL"),
    # a firm based somewhere; a city named with its province stays the city
    ("en", "Gansu-based Lanzhou said in a filing that output would fall.", "Lanzhou", "ORG_PART"),
    ("en", "Lanzhou, in Gansu province, lies on the Yellow River.", "Lanzhou", "LITERAL"),
]

# a name qualified by a province that is not its own: another place of that province (Arabic و + ينتشوان read as "and
# Yinchuan"), also where the article names it again alone; its own province, and a municipality in its old province,
# stay the city
PROVINCES = [
    ("en", "The quake struck Yinchuan in Sichuan province, a county the army reached by road.", "Yinchuan", None),
    ("ar", "فرضت السلطات طوقا على مقاطعة وينتشوان بإقليم سيتشوان. وأغلقت الطرق إلى وينتشوان.", "وينتشوان", None),
    ("en", "Suzhou in Anhui province reported record output.", "Suzhou", "LITERAL"),
    ("en", "Chongqing, Sichuan province, was bombed in 1939.", "Chongqing", "LITERAL"),
]


# the classes of the stop's second set of batches (zh 72, ja 65, en 54, measured once with 2.18), fixed after they were
# measured and so development: a state group's subsidiary named by the group and its city (中车青岛四方), a club of
# earlier seasons and a city's media centre; a port as a speaker in English; a place of a Japanese municipality
# written like a Chinese city (宮崎市の青島, Aoshima). Each with its counterpart
SECOND_SET = [
    ("zh", "中车青岛四方研制的新车昨天下线。", "青岛", "ORG_PART"),
    ("zh", "中铁成都工程局中标了新线。", "成都", "ORG_PART"),
    ("zh", "中铁员工赴成都支援抢险。", "成都", "LITERAL"),
    ("zh", "那一年成都天诚主场迎战大连实德。", "成都", "ORG_PART"),
    ("zh", "据拉萨融媒报道,新机场选址完成。", "拉萨", "ORG_PART"),
    ("en", "Xiamen port said volumes fell in May.", "Xiamen", "ORG_PART"),
    ("en", "According to Tianjin port, three berths were closed.", "Tianjin", "ORG_PART"),
    ("en", "Volumes at Xiamen port fell in May.", "Xiamen", "LITERAL"),
    ("ja", "宮崎市の青島は海水浴場で知られる。", "青島", None),
    ("ja", "港湾都市の寧波まで車で1時間だ。", "寧波", "LITERAL"),
    ("ja", "寧波市の余姚で工場が稼働した。", "余姚", "LITERAL"),
]


# the classes of the stop's last batch (zh 73), measured once with 2.19 and fixed after, so development: a club that
# jieba reads as one word with its 队, and steelworks of the Japanese era named by the city; the city stays the city
UNREAD_CHINESE = [
    ("zh", "赛后记者会上,西安国际队主教练表示满意。", "西安", "ORG_PART"),
    ("zh", "鞍钢的前身是鞍山制铁所。", "鞍山", "ORG_PART"),
    ("zh", "他在鞍山工作了十年。", "鞍山", "LITERAL"),
]


# the classes of the stop's fourth set (zh 74, ja 67, en 56, ko 9, ru 9, de/fr/es 8, measured once with 2.20), fixed
# after: an airline, an airport authority, a travel agency and FAW named by the city; a firm's seat in brackets after
# its trade word; "the Shenzhen of the west" that another city becomes; Korean clubs drawn with or given their points;
# Russian broadcasters; a Spanish team "of" the city, Canton marked as the province elsewhere in the article, a terminal
# called "la Meishan"; an English airline's routes by the city alone after its full name, a broadcaster named with
# the city after it, a Games edition in a list of years and hosts. Each with its counterpart
FOURTH_SET = [
    ("zh", "国泰航空与香港快运宣布增加航班。", "香港", "ORG_PART"),
    ("zh", "香港机管局表示,航班恢复正常。", "香港", "ORG_PART"),
    ("zh", "长春一汽的工人复工了。", "长春", "ORG_PART"),
    ("zh", "汕头好风光国际旅行社推出新线路。", "汕头", "ORG_PART"),
    ("zh", "子公司隆扬电子(昆山)停工三天。", "昆山", "ORG_PART"),
    ("zh", "他来自江苏(南京),在电子厂工作。", "南京", "LITERAL"),
    ("zh", "喀什要成为西部的深圳。", "深圳", None),
    ("zh", "我们要建设一个更加美好的深圳。", "深圳", "LITERAL"),
    ("ko", "조별리그 경기에서 전북이 광저우와 비겨 승점 1을 챙겼다.", "광저우", "ORG_PART"),
    ("ko", "감독이 이끄는 상하이 선신과의 연습경기에서 득점했다.", "상하이", "ORG_PART"),
    ("ko", "관광객들이 광저우와 선전을 찾았다.", "광저우", "LITERAL"),
    # a firm's Korean name with its Han gloss inside, then its head; a gloss of the city itself stays the city
    ("ko", "상하이 뤼디(綠地)그룹이 새 사업을 발표했다.", "상하이", "ORG_PART"),
    ("ko", "베이징(北京) 시내에서 축제가 열렸다.", "베이징", "LITERAL"),
    ("ru", "Об этом сообщило Гонконгское радио.", "Гонконгское", "ORG_PART"),
    ("ru", "Об этом сообщило телевидение Харбина.", "Харбина", "ORG_PART"),
    ("ru", "Он живёт в Харбине.", "Харбине", "LITERAL"),
    ("es", "Lippi entrenó al equipo de Cantón dos años.", "Cantón", "ORG_PART"),
    ("es", "Lippi vivió en Cantón dos años.", "Cantón", "LITERAL"),
    ("es", "La policía de Shaoguan, en la provincia de Cantón, detuvo a dos hombres, naturales de Cantón.", "Cantón",
     None),
    ("es", "El barco esperó ante una terminal, la Meishan, que estaba cerrada.", "Meishan", None),
    ("en", "Xiamen Airlines launched a route to Paris in May; in June Xiamen opened a service to Rome.", "Xiamen", None),
    ("en", "Radio Television Hong Kong reported the verdict.", "Hong Kong", "ORG_PART"),
    ("en", "She won silver at three Games – 2018 Jakarta, 2014 Incheon and 2010 Guangzhou.", "Guangzhou", "ORG_PART"),
    ("en", "In 2010 Guangzhou hosted the Asian Games.", "Guangzhou", "LITERAL"),
]


# the classes of the stop's last unread batches (zh 75, ja 68, measured once with 2.21), fixed after and so development:
# a paper's dateline that jieba reads with its 讯, a themed town project, a news agency's branch, a firm whose name
# begins "city, downtown" before its legal form; the city's own downtown stays the city
LAST_UNREAD = [
    ("zh", "鹭岛晨报讯 昨天厦门迎来降温。", "厦门", "LITERAL"),
    ("zh", "厦门晨报讯(记者李明)昨天全市迎来降温。", "厦门", "ORG_PART"),
    ("zh", "梦想小镇之后,杭州冰雪小镇也开门迎客。", "杭州", "ORG_PART"),
    ("ja", "新華社大連支部が伝えた。", "大連", "ORG_PART"),
    ("ja", "大連市内免税店有限公司が新店を開いた。", "大連", "ORG_PART"),
    ("ja", "大連市内で火災があった。", "大連市", "LITERAL"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "label"),
                         CHINESE + JAPANESE + ARABIC + ENGLISH + SECOND_SET + UNREAD_CHINESE + FOURTH_SET + LAST_UNREAD)
def test_what_the_words_around_a_name_say_it_names(lang: str, text: str, surface: str, label: str | None) -> None:
    if label is None:  # no mention of the city, or one that is no place of it (a ship, a nickname)
        found = [m for m in mentions_of(lang, text, surface) if m["label"] in PLACE_LABELS]
        assert found == [], found
        return
    assert_one_label(lang, text, surface, label)


@pytest.mark.parametrize(("lang", "text", "labels"), SHORT_NAMES)
def test_a_firm_named_by_brand_and_trade_is_that_firm_by_its_short_name(lang: str, text: str,
                                                                      labels: list[str]) -> None:
    assert [m["label"] for m in mentions_of(lang, text, text[:2])] == labels


@pytest.mark.parametrize(("lang", "text", "surface", "label"), PROVINCES)
def test_a_province_that_is_not_its_own_makes_another_place(lang: str, text: str, surface: str,
                                                            label: str | None) -> None:
    found = mentions_of(lang, text, surface)
    assert found, f"{surface} not found at all"
    if label is None:
        assert all(m["label"] not in PLACE_LABELS for m in found), found
    else:
        assert [m["label"] for m in found] == [label]


# Kashgar and Hotan as the press of each script writes them are the county-level cities, as in English, not the
# prefectures named after them
SCRIPT_CITIES = [
    ("ja", "新疆の古都カシュガルの旧市街を歩いた。", "カシュガル", "653101"),
    ("ja", "ホータンの市場で絨毯を買った。", "ホータン", "653201"),
    ("ar", "زار الوفد مدينة كاشغر القديمة.", "كاشغر", "653101"),
    ("ru", "Туристы приехали в Кашгар в мае.", "Кашгар", "653101"),
    ("ko", "관광객들이 카슈가르 구시가지를 찾았다.", "카슈가르", "653101"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "adcode"), SCRIPT_CITIES)
def test_a_city_named_like_its_prefecture_is_the_city(lang: str, text: str, surface: str, adcode: str) -> None:
    found = mentions_of(lang, text, surface)
    assert [m["city"]["adcode"] for m in found] == [adcode], found
