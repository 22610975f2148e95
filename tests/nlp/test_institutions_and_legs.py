"""Classes of stop 62's round (their classes, not their sentences), each with the counterpart that stays what it is.

Korean (3.19): a hospital or a school with a name of its own written onto its head after the city (조양병원, 어린이병원,
외국어고등학교), numbered after it (제일병원, 제일고, 제2중: the city's No. 1 hospital, high school, No. 2 middle school),
an event's edition after its host (제1회 ... 축제), and a firm's seat in brackets written against its words on both sides
(현대(북경)자동차, as Chinese writes 博世(苏州)有限公司); while a hospital in the city (the head alone), "the biggest in the
city" (제일 큰) and a place in brackets after a word with its particle stay the place. Chinese (3.19): a tour's, a
series' or a campaign's leg named by its host (演唱会香港站, 巡回赛澳门站, 锦标赛(徐州站), “...”淮安站) and a summer or winter
camp's (冬令营-福建泉州营), while a railway station (经停济南站), a station after a concert ends in another sentence and
the city's business environment (营商环境) stay the place; a district whose name begins with 长 after the city's 市
inside an association's name (上海市长宁区书法家协会; Japanese 長寧区), while the mayor (上海市长) and the district as a
place stay the city (3.19).
Match copy (3.19): a club named by its city alone after "as" opening a clause and after "for" that a side is scored
for (English), after the masculine indefinite article (Italian "un Guangzhou"; a coach's bench and coaching now
count as sport), and in volleyball copy (Portuguese: its words now count as sport); while a coach returning to the
city (a preposition of place) stays the place.
Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import each_label_test

KOREAN = [
    ("ko", "방문단은 하얼빈 제일병원 관계자들과 협력 방안을 논의했다.", "하얼빈", ["ORG_PART"]),
    ("ko", "수도의과대학 부속 북경 조양병원 의료진이 한국을 찾았다.", "북경", ["ORG_PART"]),
    ("ko", "상하이 어린이병원과 협약을 맺었다.", "상하이", ["ORG_PART"]),
    ("ko", "대표단은 옌청 제일고를 방문해 교류 협약을 체결했다.", "옌청", ["ORG_PART"]),
    ("ko", "다롄 제2중 학생 20명이 대전을 방문했다.", "다롄", ["ORG_PART"]),
    ("ko", "웨이하이 외국어고등학교와 자매결연을 맺었다.", "웨이하이", ["ORG_PART"]),
    ("ko", "‘중국·연변 제1회 연날리기 축제’가 다음 달 열린다.", "연변", ["ORG_PART"]),
    ("ko", "현대(북경)자동차가 새 모델을 공개했다.", "북경", ["ORG_PART"]),
    ("ko", "그는 하얼빈 병원에서 치료를 받았다.", "하얼빈", ["LITERAL"]),
    ("ko", "상하이 제일 큰 공원에서 축하 행사가 열렸다.", "상하이", ["LITERAL"]),
    ("ko", "회사는 본사(상하이)에서 신제품을 발표했다.", "상하이", ["LITERAL"]),
]

test_korean_named_and_numbered_institutions = each_label_test(KOREAN)


CHINESE = [
    ("zh", "这是他在出道二十周年之际举行的世界巡回演唱会香港站的一幕。", "香港", ["ORG_PART"]),
    ("zh", "TCR世界巡回赛澳门站第二回合将于周末举行。", "澳门", ["ORG_PART"]),
    ("zh", "两百名选手参加全国马拉松锦标赛(徐州站)的比赛。", "徐州", ["ORG_PART"]),
    ("zh", "“家门口享非遗”淮安站展示活动在古城举行。", "淮安", ["ORG_PART"]),
    ("zh", "海外华裔青少年冬令营-福建泉州营昨日开营。", "泉州", ["ORG_PART"]),
    ("zh", "列车经停济南站后驶向青岛。", "济南", ["LITERAL"]),
    ("zh", "演唱会结束后，歌迷散去。他随后到达香港站乘车。", "香港", ["LITERAL"]),
    ("zh", "上海营商环境持续改善。", "上海", ["LITERAL"]),
]

test_chinese_legs_and_camps = each_label_test(CHINESE)


DISTRICTS = [
    ("zh", "上海市长宁区书法家协会的会员来访。", "上海市", ["ORG_PART"]),
    ("ja", "上海市長寧区書法家協会の会員が来日した。", "上海市", ["ORG_PART"]),
    ("zh", "上海市长在会上讲话。", "上海", ["LITERAL"]),
    ("zh", "上海市长宁区的居民表示满意。", "上海市", ["LITERAL"]),
]

test_districts_beginning_with_chang = each_label_test(DISTRICTS)

MATCH_COPY = [
    ("en", "Shandong Taishan secured a 3-0 victory over Cangzhou Lions in the 20th round of the Chinese Super League on "
           "Sunday, ending Cangzhou's run of three straight wins.\n\nThe game began at a fast tempo, as Cangzhou "
           "launched a counterattack down the right in the 8th minute. Owusu slipped the ball to Zhukov, whose shot "
           "from the edge of the box found the far corner, the opener for Cangzhou.\n\nHowever, the hosts turned the "
           "game around after the break.", "Cangzhou", ["ORG_PART"] * 4),
    ("it", "Lippi lascia la panchina del Guangzhou dopo tre scudetti. Un Guangzhou che continua a parlare italiano: "
           "il club ha scelto un altro allenatore.", "Guangzhou", ["ORG_PART", "ORG_PART"]),
    ("pt", "Com mais um triunfo sobre o Shanghai, Tianjin levou o título. O Tianjin fechou o playoff final por 3 sets "
           "a 1 e terminou a temporada com 13 vitórias em 13 jogos.", "Tianjin", ["ORG_PART", "ORG_PART"]),
    ("it", "Il tecnico ha detto di essere orgoglioso di ritornare a Guangzhou, dove allenò il club per tre stagioni e "
           "vinse il campionato con la squadra.", "Guangzhou", ["LITERAL"]),
]

test_match_copy_sides = each_label_test(MATCH_COPY)
