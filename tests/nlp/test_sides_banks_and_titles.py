"""Classes of stop 59's first set (their classes, not their sentences), each with the counterpart that stays what it is.

Match copy that names a club by its city alone once it has named it a side: after the preposition Dutch and German
write before the club a coach or player is with ("een contract bij Shenzhen", "Vertrag bei Shenzhen"), while "in" keeps
the place; a Chinese side that opens a clause holding its home or away game further on (南京将于…主场对阵…), while a
clause without one stays the place; fixtures and watching them as words of sport (主场对阵, 到场观赛); a rival beaten
after Spanish's personal "a" ("tras derrotar a Wuhan"), while travel to the city stays the place, and so does a city
that another passes outside match copy ("overtook Wuhan in economic output"); a Korean club by its two Latin letters
after a space (칭다오 FC) and by the word for a club past a name of its own (…축구클럽). Dutch and Spanish match copy
recognised by the league's name in English or Spanish and a club's suffix (Chinese Super League, Superliga, FC).

Names of organisations: rural and city commercial banks and credit co-operatives by their short names (大连农商行,
宁波鄞州农商行), while a co-operative after 的 is the city's; a Masters tournament in Japanese (上海マスターズ).

Quoted titles: the same quoted title named again is that title again (a documentary quoted twice), and every name
inside a title quoted with Chinese or Japanese title marks that opens with a name read as part of one is the title's
(a festival's name and its subtitle), while speech quoted in straight quotes that opens with a club stays what each
name is.
Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import each_label_test

SIDES = [
    ("nl", "De trainer tekende vorige week bij Chengdu FC. De club staat na tien competitiewedstrijden op de zesde plaats "
     "in de Chinese Super League, met de spits als topscorer. Hij blijft twee seizoenen bij Chengdu.", "Chengdu",
     ["ORG_PART", "ORG_PART"]),
    ("nl", "De trainer tekende vorige week bij Chengdu FC. De club staat na tien competitiewedstrijden op de zesde plaats "
     "in de Chinese Super League, met de spits als topscorer. Hij woont nu in Chengdu.", "Chengdu",
     ["ORG_PART", "LITERAL"]),
    ("de", "Der Trainer unterschrieb bei Wuhan FC. Der Verein liegt in der Super League auf Platz drei, der Stürmer traf "
     "in der Saison zwölfmal, der Torwart hielt zwei Elfmeter. Sein Vertrag bei Wuhan läuft zwei Jahre.", "Wuhan",
     ["ORG_PART", "ORG_PART"]),
    ("zh", "本轮比赛，徐州队客场对阵淮安队，球迷到场观赛。下一轮联赛，淮安将于周六在主场对阵宿迁队的比赛。", "淮安",
     ["ORG_PART", "ORG_PART"]),
    ("zh", "本轮比赛，徐州队客场对阵淮安队，球迷到场观赛。下一周，淮安将于周六迎来降温。", "淮安",
     ["ORG_PART", "LITERAL"]),
    ("zh", "周日盐城主场对阵泰州，吸引五千人观赛。", "盐城", ["ORG_PART"]),
    ("es", "El club terminó la temporada de la Superliga en la décima plaza tras derrotar a Wuhan (2-1) en la última "
     "jornada; el portero y el delantero renovaron.", "Wuhan", ["ORG_PART"]),
    ("es", "El club terminó la temporada de la Superliga en la décima plaza; después el equipo viajó a Wuhan para una "
     "gira con el portero y el delantero.", "Wuhan", ["LITERAL"]),
    ("en", "Last year Chengdu overtook Wuhan in economic output, the statistics bureau said.", "Wuhan", ["LITERAL"]),
    ("ko", "결승전에서 우리 팀은 칭다오 FC를 3대 1로 이겼다.", "칭다오", ["ORG_PART"]),
    ("ko", "칭다오 신리에잉 축구클럽이 대회를 후원했다.", "칭다오", ["ORG_PART"]),
    ("ko", "대표단은 칭다오에서 축구 경기를 관람했다.", "칭다오", ["LITERAL"]),
]

test_sides_in_match_copy = each_label_test(SIDES)

NAMES = [
    ("zh", "监管部门对大连农商行开出罚单。", "大连", ["ORG_PART"]),
    ("zh", "記者聯繫了寧波鄞州農商行。", "寧波", ["ORG_PART"]),
    ("zh", "大连的农村信用社数量不少。", "大连", ["LITERAL"]),
    ("ja", "錦織は上海マスターズで準決勝に進んだ。", "上海", ["ORG_PART"]),
    ("ja", "錦織は上海で準決勝に進んだ。", "上海", ["LITERAL"]),
]

test_banks_and_tournaments = each_label_test(NAMES)

QUOTATIONS = [
    ("pt", 'O documentário "Chen Ling, Uma Mulher de Yangzhou" percorre a cidade. "Chen Ling, Uma Mulher de Yangzhou" '
     "estreia dia 3, às 22h.", "Yangzhou", ["ORG_PART", "ORG_PART"]),
    ("ja", "「香港フードフェア2025 Taste of Hong Kong 香港の味」が大阪で始まった。", "香港", ["ORG_PART", "ORG_PART"]),
    ("ja", "彼は「上海に行った」と話した。", "上海", ["LITERAL"]),
    ("en", '"Beijing Guoan lost, but Shanghai was cold," he said.', "Shanghai", ["LITERAL"]),
]

test_quoted_titles = each_label_test(QUOTATIONS)
