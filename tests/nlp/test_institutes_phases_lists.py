"""What the words around a name say it names, and a name in one more spelling, from the real batches of stop 51
(their classes, not their sentences; each batch measured once before its classes were read). An institute of the
Academy named by its city (中科院大连化物所); a festival named by the city past 国际 (潍坊国际风筝节); airports listed
before the word for them (北京首都、广州白云等机场); an industrial fair and a porcelain works named by the city
(香港工展会, 景德镇雕塑瓷厂), and a verb that ends what can still be the name's (在武汉建立…: not the fair's name);
a plant's or a project's phase after the name and its word (武汉新芯二期); a Chinese firm's registered English name
with its seat in brackets in Spanish copy ("YUXINOU (Chongqing) Logistics Co., Ltd."); and ハルピン, the older
Japanese spelling of Harbin. From the second set: a school numbered after the name (北京第12高校), a railway bureau's
police named by its seat (广州铁路公安局) and a Japanese surname before a rank Sudachi splits in two (中山係長).
Each with the counterpart that stays what it is.
Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import one_label_test

CASES = [
    # an institute of the Academy named by its city; the Academy's work in the city stays the city
    ("zh", "他们参观了中科院大连化物所的实验室。", "大连", "ORG_PART"),
    ("zh", "中科院今年在大连召开了学术年会。", "大连", "LITERAL"),
    # a festival named by the city past 国际; the city during the festival stays the city
    ("zh", "今年潍坊国际风筝节的主题是和平与友谊。", "潍坊", "ORG_PART"),
    ("zh", "每年风筝节期间潍坊都会迎来大批游客。", "潍坊", "LITERAL"),
    # airports listed before the word for them; cities listed before the word for cities stay the cities
    ("zh", "目前只有北京首都、广州白云等机场开通了这条航线。", "广州", "ORG_PART"),
    ("zh", "目前只有北京、广州等城市开通了这条线路。", "广州", "LITERAL"),
    # an industrial fair named by the city; the city where the fair builds a venue stays the city
    ("zh", "今年香港工展会共有七百多个摊位。", "香港", "ORG_PART"),
    ("zh", "厂商会计划在武汉建立香港工展会的长期会场。", "武汉", "LITERAL"),
    # a porcelain works named by the city; the city's porcelain stays the city
    ("zh", "这家景德镇雕塑瓷厂已有六十多年历史。", "景德镇", "ORG_PART"),
    ("zh", "景德镇的瓷器远销海外。", "景德镇", "LITERAL"),
    # a plant's phase after the name and its word; a second round in the city stays the city
    ("zh", "今年三月武汉新芯二期正式开工。", "武汉", "ORG_PART"),
    ("zh", "比赛第二期在武汉举行。", "武汉", "LITERAL"),
    # a firm's registered English name with its seat in brackets, in Spanish copy; a plant in the city stays the city
    ("es", "El contrato lo firmó Sunrise (Chongqing) Logistics Co., Ltd. en marzo.", "Chongqing", "ORG_PART"),
    ("es", "La empresa abrió una fábrica en Chongqing en marzo.", "Chongqing", "LITERAL"),
    # second set: a school numbered after the name; the city's schools counted stay the city
    ("ja", "北京第12高校の生徒たちが京都を訪れた。", "北京", "ORG_PART"),
    ("ja", "北京の12の高校から生徒が集まった。", "北京", "LITERAL"),
    # ... a railway bureau's police named by its seat; the city's own police stay the city
    ("zh", "记者致电广州铁路公安局，对方表示不清楚。", "广州", "ORG_PART"),
    ("zh", "记者致电广州市公安局，对方表示不清楚。", "广州市", "LITERAL"),
    # ... a surname before a rank that Sudachi splits (Nakayama, the subsection chief); the city's staff stay the city
    ("ja", "市長のほか、国際局の中山係長ら5人が参加した。", "中山", None),
    ("ja", "中山市の職員ら5人が参加した。", "中山市", "LITERAL"),
    # the older Japanese spelling of Harbin; the usual one too
    ("ja", "一行はハルピンから高速道路で北へ向かった。", "ハルピン", "LITERAL"),
    ("ja", "一行はハルビンから高速道路で北へ向かった。", "ハルビン", "LITERAL"),
]


test_what_the_words_around_a_name_say_it_names = one_label_test(CASES)
