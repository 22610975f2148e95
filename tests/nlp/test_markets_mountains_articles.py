"""What the words around a name say it names, from the real batches of stop 48 (their classes, not their sentences;
each batch measured once before its classes were read). A market report names the exchange in the sentence before or
after as well as in its own (上場銘柄数は…上海市場), and names two markets with や; bridges, bank branches and
bodies with their seat in brackets (铜陵长江公铁大桥, 许昌许继支行, 中资(澳门)职业介绍所协会), a bay (三亜湾), a
firm named to 社 (蘇州クレステック社), a figure in Korean single quotes; a river's other name (the Li River or
Lijiang), a slogan (以产兴城), an accent; a mountain named like a county-level city is the mountain where travel
copy paints its scenery (庐山烟雨); dishes and events in Korean glosses and Japanese (兰州牛肉面, ハミ瓜, 南京虐殺),
a congress, an organising committee, a weekly and a paper (合肥…大会, 杭州亚组委, 香港…周刊, 香港南华早报), a city
gate (中山门内); a title, a city's two characters and one more before a verb of saying are a person; Korean sport
copy (a side's record, a player's age and side in brackets, a club's sponsor, two cities sharing one motor show, a
joint venture with a carmaker); Italian and Portuguese articles before a name that takes none (del Guangzhou, da
Macau Legend), a Portuguese "de Macau" in English text; Arabic SIPG and a park called a world; a municipality's or
an SAR's name after a place abroad is a route's end, not a namesake. Each with the counterpart that stays what it
is. Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import assert_one_label, each_label_test

CASES = [
    # a market named in a report whose stock words stand in the sentence before; a market of goods stays the city
    ("ja", "一方、上場銘柄数は2000を超えた。\n上海市場は前日比で小幅に下落した。", "上海", "ORG_PART"),
    ("ja", "野菜の値段が上がった。\n上海市場では白菜がよく売れた。", "上海", "LITERAL"),
    # ... and two markets named with や, where the sentence speaks of shares
    ("ja", "新興株が多く、香港や上海市場とは大きく異なる。", "香港", "ORG_PART"),
    # a mountain's scenery painted around its bare name; the city with its 市 in the same text stays the city
    ("zh", "游客走进庐山,欣赏烟雨朦胧的初夏美景。", "庐山", "NOT_PLACE"),
    ("zh", "庐山市今年新建了三所学校,庐山的学生明年入学。", "庐山市", "LITERAL"),
    # dishes and events: a Chinese gloss in Korean, a melon, a massacre without 大
    ("ko", "가장 유명한 국수는 란저우뉴러우몐(兰州牛肉面, 란저우우육면)입니다.", "兰州", "ORG_PART"),
    ("ja", "市場でハミ瓜を買った。", "ハミ", "ORG_PART"),
    ("ja", "市長は南京虐殺について発言した。", "南京", "ORG_PART"),
    ("ja", "市長は南京を訪問した。", "南京", "LITERAL"),
    # a congress, an organising committee, a weekly and a morning paper named by the city; a congress held in it
    ("zh", "2026合肥国际新能源汽车大会下月举办。", "合肥", "ORG_PART"),
    ("zh", "全省工作大会在合肥召开。", "合肥", "LITERAL"),
    ("zh", "杭州亚组委昨天公布了志愿者名单。", "杭州", "ORG_PART"),
    ("zh", "香港凤凰周刊的记者到了现场。", "香港", "ORG_PART"),
    ("zh", "据香港南华早报报道,会谈已经结束。", "香港", "ORG_PART"),
    # a city gate and what lies inside it
    ("zh", "博物馆位于中山门内北侧。", "中山", "ORG_PART"),
    # Korean match copy: a side's record, a player's age and side in brackets, a sponsor's name, a club signed with
    ("ko", "충칭은 2승6무6패, 승점 12로 13위에 머물렀다.", "충칭", "ORG_PART"),
    ("ko", "충칭은 인구가 많은 도시다.", "충칭", "LITERAL"),
    ("ko", "'배구 여제' 김연경(29, 중국 상하이)이 활약했다.", "상하이", "ORG_PART"),
    ("ko", "김연경은 29일 중국 상하이에 도착했다.", "상하이", "LITERAL"),
    ("ko", "그는 지난해 항저우 그린타운의 지휘봉을 잡았다.", "항저우", "ORG_PART"),
    # ... two cities sharing one motor show, and a joint venture with a carmaker; two cities sharing a trip stay cities
    ("ko", "베이징과 상하이 모터쇼는 격년으로 열린다.", "베이징", "ORG_PART"),
    ("ko", "그는 베이징과 상하이 두 도시를 방문했다.", "베이징", "LITERAL"),
    ("ko", "상하이 폭스바겐은 신차를 공개했다.", "상하이", "ORG_PART"),
    # Italian and Portuguese write a city without an article, a club or a firm with one
    ("it", "Lippi ha lasciato la panchina del Guangzhou dopo tre stagioni.", "Guangzhou", "ORG_PART"),
    ("it", "La Shanghai degli anni Trenta era una città cosmopolita.", "Shanghai", "LITERAL"),
    ("it", "Lippi vive a Guangzhou da tre anni.", "Guangzhou", "LITERAL"),
    ("pt", "O parque é um investimento da Macau Legend.", "Macau", "ORG_PART"),
    ("pt", "O arquiteto chegou ontem a Macau.", "Macau", "LITERAL"),
    ("en", "Most tables are run by Sociedade Jogos de Macau, the rest by Galaxy.", "Macau", "ORG_PART"),
    # Arabic: SIPG as Arabic writes it, a park that calls itself a world
    ("ar", "وقع اللاعب عقدا مع شنجهاي سيبج لمدة ثلاث سنوات.", "شنجهاي", "ORG_PART"),
    ("ar", "زار السياح عالم هاربين للجليد والثلج.", "هاربين", "ORG_PART"),
    ("ar", "زار السياح هاربين في الشتاء.", "هاربين", "LITERAL"),
    # a Japanese club's name that runs through katakana to FC
    ("ja", "大連プロフェッショナルFCは今年解散した。", "大連", "ORG_PART"),
    # bridges and bank branches named by the city, a body with its seat in brackets; the city itself stays the city
    ("zh", "铜陵长江公铁大桥去年建成通车。", "铜陵", "ORG_PART"),
    ("zh", "他在铜陵住了三年。", "铜陵", "LITERAL"),
    ("zh", "他前往中国建设银行许昌许继支行办理业务。", "许昌", "ORG_PART"),
    ("zh", "在中资(澳门)职业介绍所协会的协调下,毕业生赴外地就业。", "澳门", "ORG_PART"),
    # a firm named by the city and katakana to 社, a bay named for the city
    ("ja", "同社は蘇州クレステック社への出資比率を引き上げた。", "蘇州", "ORG_PART"),
    ("ja", "同社は蘇州の工場を拡張した。", "蘇州", "LITERAL"),
    ("ja", "三亜湾にはリゾートホテルが並ぶ。", "三亜", "NOT_PLACE"),
    # Korean: a figure quoted in single marks, a member of a club; the city quoted alone stays the city
    ("ko", "성도는 이른바 ‘내륙의 상하이’라 일컬을 만큼 성장했다.", "상하이", "NOT_PLACE"),
    ("ko", "그는 ‘상하이’에 갔다.", "상하이", "LITERAL"),
    ("ko", "광저우 소속의 장현수는 풀타임을 소화했다.", "광저우", "ORG_PART"),
    # an Arabic group of firms; a hotel brand in any language
    ("ar", "أعلن مكتب مجموعة لانتشو للسكك الحديدية عن رحلة جديدة.", "لانتشو", "ORG_PART"),
    ("it", "Anche Four Seasons Hotel Macao ha perso ricavi.", "Macao", "ORG_PART"),
    # another name of a river and what a river does; the city named after it stays the city
    ("en", "The boats sail along the Li River or Lijiang to Yangshuo.", "Lijiang", "NOT_PLACE"),
    ("en", "In spring the Lijiang flows fast past the karst hills.", "Lijiang", "NOT_PLACE"),
    ("en", "Lijiang is an old town in Yunnan.", "Lijiang", "LITERAL"),
    # a slogan's verb and object (以产兴城), an accent named for the place, a symposium's quoted name, the SCO in Arabic
    ("zh", "该集团坚持以产兴城,做强产业生态。", "兴城", "NOT_PLACE"),
    ("zh", "他周末去了兴城旅游。", "兴城", "LITERAL"),
    ("zh", "他说一口不带香港口音的普通话。", "香港", "ORG_PART"),
    ("zh", "“香港在深学习就业创业青年座谈会”昨天召开。", "香港", "ORG_PART"),
    ("ar", "انضمت الدولة إلى منظمة تعاون شنغهاي العام الماضي.", "شنغهاي", "ORG_PART"),
    # a work's title with its subtitle after a colon, in title case or in capitals; a remark after a colon stays a remark
    ("en", "The exhibit “Ningbo, China: A Photographic Journey” opened on Monday.", "Ningbo", "ORG_PART"),
    ("en", "The show, “NINGBO, CHINA: A PHOTOGRAPHIC JOURNEY,” came to Delaware.", "NINGBO", "ORG_PART"),
    ("en", "He said: “Ningbo, China: the port is busy.”", "Ningbo", "LITERAL"),
    # Korean: a side signed with or moved to; moving house to the city stays the city
    ("ko", "그는 상하이와 입단 계약을 맺었다.", "상하이", "ORG_PART"),
    ("ko", "그는 지난해 광저우로 이적했다.", "광저우", "ORG_PART"),
    ("ko", "그는 지난해 광저우로 이사했다.", "광저우", "LITERAL"),
    # a municipality's or SAR's name after a place abroad ends a route; a town abroad named like a city stays abroad
    ("zh", "国泰航空每周三往来槟城香港两地。", "香港", "LITERAL"),
    ("zh", "槟城北海的居民昨天抗议。", "北海", "OTHER_PLACE"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "label"), CASES)
def test_what_the_words_around_a_name_say_it_names(lang: str, text: str, surface: str, label: str) -> None:
    assert_one_label(lang, text, surface, label)


# a dish named for the city beside the city itself; a title, a city's two characters and one more, then a verb of
# saying: a person; the city after a title stays the city
LABELS = [
    ("zh", "甘肃天水近来很热闹,外地游客专程赶来吃天水麻辣烫。", "天水", ["LITERAL", "ORG_PART"]),
    ("zh", "港口集团总裁常德传介绍,今年吞吐量将创新高。", "常德", []),
    ("zh", "集团总裁在常德介绍了新的投资计划。", "常德", ["LITERAL"]),
]


test_each_mention_of_a_name = each_label_test(LABELS)
