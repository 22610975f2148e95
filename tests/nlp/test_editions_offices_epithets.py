"""What the words around a name say it names, from the classes of stop 55's first set of batches (their classes, not
their sentences; each batch measured once before its classes were read). Korean: an event numbered by its edition
before the name (제4회), a zone with its host in brackets after a bilateral scope written apart (중·한 (옌청)), a title
quoted after its year and a partner city, a school numbered after the city, and in match copy the side that also scores
or whose win ends the match. Chinese: a dish, a festival named past "international" and its theme, and a direction
with a verb of reaching that spells Nantong in a series of such pairs. Japanese: a beacon tower that spells Yantai, the
stock connect scheme, a quoted market's name closed by where it stands, a firm's trade words as Chinese names write
them, a lodge, a firm's representative office and its chief, and "the Hong Kong of the north". A pair of names joined
by a hyphen after a port's capitalised word is one port's name. From the second set (``SECOND``): a club with its
points in the table, a ship's name in quotation marks before 号, a nature reserve, an institute's short name, a
quotation that the words after it call a title or a theme, a Korean title of two names joined by a dash, the city's
junior chamber and a club of earlier seasons in Korean, and ” typed on both sides of a Japanese title. From the third
(``THIRD``): a Korean side transferred to without a particle or named as the club it is, an edition past the
country's name, a customs house; a Chinese title quoted after its year and its own words, and a Weibo account. After
the round (``AFTER``): the time zone named for a city. Each with the counterpart that stays what it is. Sentences
written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import each_label_test, one_label_test

CASES = [
    # an edition's number before the name names the event, whatever its own word; the edition as the sentence's
    # subject and the city after it stays the city
    ("ko", "제4회 취저우 란커배 세계바둑오픈전 본선이 시작됐다.", "취저우", "ORG_PART"),
    ("ko", "제4회 대회는 취저우에서 열렸다.", "취저우", "LITERAL"),
    # the host in brackets after the two sides written apart; the two countries' delegation visiting it stays the city
    ("ko", "양국은 중·한 (옌청) 산업협력단지를 조성하기로 했다.", "옌청", "ORG_PART"),
    ("ko", "중·한 양국 대표단이 옌청을 방문했다.", "옌청", "LITERAL"),
    # a title quoted after its year and a partner city with a dash; the route unquoted stays the city
    ("ko", "학생들은 ‘2024 부산-칭다오 청소년 교류캠프’에 참가했다.", "칭다오", "ORG_PART"),
    ("ko", "학생들은 2024년 부산-칭다오 항로를 이용했다.", "칭다오", "LITERAL"),
    # a school numbered after the city's 시; the city's pupils stay the city
    ("ko", "칭다오시 제2중학교 학생 20명이 방문했다.", "칭다오", "ORG_PART"),
    ("ko", "칭다오시 학생 20명이 방문했다.", "칭다오", "LITERAL"),
    # in match copy the side that also equalises, and whose win ends the match; rain and a population stay the city
    ("ko", "전반 10분 선제골을 내준 뒤 다롄도 동점을 만들었다.", "다롄", "ORG_PART"),
    ("ko", "다롄도 비가 많이 내렸다.", "다롄", "LITERAL"),
    ("ko", "리그 경기는 다롄의 승리로 끝났다.", "다롄", "ORG_PART"),
    ("ko", "다롄의 인구는 늘었다.", "다롄", "LITERAL"),
    # a dish; a bowl eaten in the city stays the city
    ("zh", "这家店原来叫兰州抻面，后来改名。", "兰州", "ORG_PART"),
    ("zh", "他在兰州吃了一碗面。", "兰州", "LITERAL"),
    # a festival past "international" and its theme; the city's international trade stays the city
    ("zh", "东兴国际文化美食节将于下月开幕。", "东兴", "ORG_PART"),
    ("zh", "东兴国际贸易快速增长。", "东兴", "LITERAL"),
    # "reaches south" in a series of directions and what each reaches; the city reached to the north stays the city
    ("zh", "该市将形成西接成渝、南通北部湾、北联关中的开放格局。", "南通", "NOT_PLACE"),
    ("zh", "这条高速公路北接南通，南连苏州。", "南通", "LITERAL"),
    # a beacon tower; the city's walls stay the city
    ("ja", "古い城壁の上には狼烟台が残っている。", "烟台", "NOT_PLACE"),
    ("ja", "古い城壁は烟台に残っている。", "烟台", "LITERAL"),
    # the stock connect scheme by its two markets; flights between the two stay places
    ("ja", "上海・香港ストックコネクトを通じた資金流入が続いた。", "香港", "ORG_PART"),
    ("ja", "上海・香港間の便が増えた。", "香港", "LITERAL"),
    # a quoted market's name closed by where it stands in brackets; a remark with an aside stays the city
    ("ja", "世界最大の取引センター「義烏小商品卸売市場(同省義烏市)」で休業が相次いだ。", "義烏", "ORG_PART"),
    ("ja", "彼は「義烏はいい(本当に)」と話した。", "義烏", "LITERAL"),
    # a firm named with a Chinese trade word; the city's makers of the thing stay the city
    ("ja", "取引先の大連華信計算機が新工場を建てた。", "大連", "ORG_PART"),
    ("ja", "大連の計算機メーカーが新工場を建てた。", "大連", "LITERAL"),
    # a lodge by its name; a lodge in the city stays the city
    ("ja", "一行は敦煌山荘に泊まった。", "敦煌", "ORG_PART"),
    ("ja", "一行は敦煌の山荘に泊まった。", "敦煌", "LITERAL"),
    # a bank's office in the city and its chief; a reporter stationed there stays the city
    ("ja", "三井住友銀行広州駐在員事務所長が講演した。", "広州", "ORG_PART"),
    ("ja", "広州駐在の記者が伝えた。", "広州", "LITERAL"),
    # another city called "the Hong Kong of the north"; Hong Kong beside it stays Hong Kong
    ("ja", "大連は北方の香港と呼ばれ、港湾都市として発展した。", "香港", "NOT_PLACE"),
    ("ja", "大連は香港と並ぶ港湾都市だ。", "香港", "LITERAL"),
]

SECOND = [
    # a club's words and its points in the table; a distance in brackets stays the city
    ("zh", "积分榜上，河北功夫(23分)和青岛黄海(21分)紧随其后。", "青岛", "ORG_PART"),
    ("zh", "从青岛(21公里外)开车过来要半小时。", "青岛", "LITERAL"),
    # a ship's name quoted before 号; the same words as a slogan stay the city
    ("zh", "“东方青岛”号集装箱船昨天首航。", "青岛", "ORG_PART"),
    ("zh", "“东方青岛”是一句口号。", "青岛", "LITERAL"),
    # a nature reserve by its name; the city's reserves stay the city
    ("zh", "他们参观了西双版纳国家级自然保护区。", "西双版纳", "ORG_PART"),
    ("zh", "他们参观了西双版纳的保护区。", "西双版纳", "LITERAL"),
    # an institute's short name; a courtyard in the city stays the city
    ("zh", "他是中科院昆明院的研究员。", "昆明", "ORG_PART"),
    ("zh", "他在昆明院子里晒太阳。", "昆明", "LITERAL"),
    # a quotation called a title or a theme after it, a comma inside; a remark with a comma stays the city
    ("ko", "행사는 '천년 고도, 아름다운 시안'이라는 제목으로 열렸다.", "시안", "ORG_PART"),
    ("ko", "그는 '시안은 아름답다, 정말로'라고 말했다.", "시안", "LITERAL"),
    ("ja", "展示は「砂漠の街、敦煌。」というテーマで開かれた。", "敦煌", "ORG_PART"),
    ("ja", "彼は「敦煌は遠い、本当に」と言った。", "敦煌", "LITERAL"),
    # a Korean title of two names joined by a dash; a remark with a particle stays the city
    ("ko", "두 도시는 '시안-광주 주간' 행사를 열었다.", "시안", "ORG_PART"),
    ("ko", "그는 '시안에 간다'고 말했다.", "시안", "LITERAL"),
    # the city's junior chamber and a club of earlier seasons; the city's young people stay the city
    ("ko", "쑤저우 청년회의소와 협약을 맺었다.", "쑤저우", "ORG_PART"),
    ("ko", "쑤저우 청년들이 협약을 맺었다.", "쑤저우", "LITERAL"),
    ("ko", "중국 슈퍼리그 톈진 톈하이의 수비수가 떠난다.", "톈진", "ORG_PART"),
    # a report's title with ” typed on both sides
    ("ja", "社内向けに作成していた”合肥リポート”を見ながら説明します。", "合肥", "ORG_PART"),
]

THIRD = [
    # a side named as the club it is in sport copy; a city busy with tourists stays the city
    ("ko", "리그 최강 클럽인 광저우에서는 그를 기다려주지 않았다.", "광저우", "ORG_PART"),
    ("ko", "축제 기간 관광객이 많은 광저우에서는 숙소가 부족했다.", "광저우", "LITERAL"),
    # an edition past the country's name inside a title; a visit counted so stays the city
    ("ko", "회원들은 ‘제15회 중국 선양 한국주 행사’를 열었다.", "선양", "ORG_PART"),
    ("ko", "회원들은 제15회 중국 방문 때 선양에 들렀다.", "선양", "LITERAL"),
    # a customs house; a city's inspections stay the city
    ("ko", "하이커우 세관에 따르면 면세 판매가 늘었다.", "하이커우", "ORG_PART"),
    ("ko", "그는 하이커우에서 세관 검사를 받았다.", "하이커우", "LITERAL"),
    # a title quoted after its year and its own words; a remark dated with 年 stays the city
    ("zh", "此次“2023网络全媒体厦门行”活动圆满结束。", "厦门", "ORG_PART"),
    ("zh", "“2023年我去了厦门”是他的口头禅。", "厦门", "LITERAL"),
    # a Weibo account after @; a message sent to the city stays the city
    ("zh", "据官方微博@天津发布消息，事故已得到控制。", "天津", "ORG_PART"),
    ("zh", "他给天津发布了一条消息。", "天津", "LITERAL"),
]

# and after the round, from a class it left: the time zone named for a city after a clock's time or a preposition;
# a stay there stays the city
AFTER = [
    ("en", "Flights leave at 8 am Beijing time.", "Beijing", "ORG_PART"),
    ("en", "The hotels keep to Hong Kong time.", "Hong Kong", "ORG_PART"),
    ("en", "She lived in Beijing for a long time.", "Beijing", "LITERAL"),
    ("en", "They spent a happy time in Hong Kong.", "Hong Kong", "LITERAL"),
]

# (the labels of the surface's mentions, in order) the merged port's name after its capitalised word; a route's two
# ends stay places (their first name's reading is the model's)
EACH = [
    ("pt", "O Porto Ningbo-Zhoushan bateu um recorde.", "Zhoushan", ["ORG_PART"]),
    ("en", "He used to work on the Beijing-Xining route.", "Xining", ["LITERAL"]),
    # (third set) the side transferred to, with the particle and without; a time before the city stays the city
    ("ko", "그는 2019년 다롄 이팡으로 이적했다. 다롄 이적 전까지는 2부 리그에서 뛰었다.", "다롄", ["ORG_PART", "ORG_PART"]),
    ("ko", "그는 다롄 이전에 서울에서 살았다.", "다롄", ["LITERAL"]),
]

test_what_the_words_around_a_name_say_it_names = one_label_test(CASES)

test_the_second_sets_classes = one_label_test(SECOND)

test_the_third_sets_classes = one_label_test(THIRD)

test_the_class_left_by_the_round = one_label_test(AFTER)

test_every_mention_of_the_name = each_label_test(EACH)
