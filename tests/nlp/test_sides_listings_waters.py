"""Classes of stop 62's second change (3.20; their classes, not their sentences), each with the counterpart that stays
what it is.

Chinese match copy names a club by its city alone once it has named it a side (青岛主帅, 青岛55-47领先, then
青岛稳扎稳打), while the city after a word of place (在青岛) stays the place; schools, a county's annals and a TV channel
named by the city (体育运动学校, 实验学校, 县志, 电视频道) and an expo's host in brackets after a region of several
countries (东北亚(兴城)国际泳装博览会), while schools in the city (上海学校) and a part of China with its city in brackets
(东北(沈阳)地区) stay the place; a mountain city's name after a verb of climbing or in a list of scenic areas (爬完黄山,
武夷山等景区), while the city with its 市 stays the city. A reality show named by the city in French and Italian (Pékin
Express, Pechino Express) and an art fair's English name in Korean copy (Art Basel in Hong Kong). Where a company is
to list (English "plans to list in", "to list either in") or its securities are quoted (Russian котирующихся в), the
exchange, while a firm working in the city stays the place. A form that names a province too, with the province in
apposition (Cantón, la provincia más poblada), is the province, while the capital in apposition keeps the city. A
German tournament's rounds (Halbfinale von Shanghai, Shanghai-Viertelfinale), while a final held in the city stays
the place. A bay before the name with the word for "of" (la baia di Shenzhen), while the city of it stays the place.
A Chinese surname between a title and a given name spelled like a city (Herr Gan Daqing), and Korean 선전 asked for
(선전을 당부했다, "asked for a good showing").
Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import each_label_test

CHINESE = [
    ("zh", "CBA常规赛今晚继续进行。青岛主帅赛前表示球队准备充分。半场过后青岛55-47领先同曦，下半场青岛稳扎稳打，"
           "最终以103-95赢得比赛，球迷在主场欢呼。", "青岛", ["ORG_PART", "ORG_PART", "ORG_PART"]),
    ("zh", "CBA常规赛今晚继续进行。青岛主帅赛前表示球队准备充分。半场过后青岛55-47领先同曦，赛后球员们在青岛"
           "的海边放松，球迷在主场欢呼。", "青岛", ["ORG_PART", "ORG_PART", "LITERAL"]),
    ("zh", "天津市体育运动学校获得了女子团体金牌。", "天津市", ["ORG_PART"]),
    ("zh", "据许昌县志记载，这里的假发制作始于明代。", "许昌", ["ORG_PART"]),
    ("zh", "贵阳电视频道对他做了专题报道。", "贵阳", ["ORG_PART"]),
    ("zh", "2025东北亚(兴城)国际泳装博览会今天开幕。", "兴城", ["ORG_PART"]),
    ("zh", "上海学校今天起停课。", "上海", ["LITERAL"]),
    ("zh", "东北(沈阳)地区今天降雪。", "沈阳", ["LITERAL"]),
    ("zh", "朋友几个月前爬完黄山，又去了杭州。", "黄山", ["NOT_PLACE"]),
    ("zh", "黄山市政府今天发布了旅游新规。", "黄山市", ["LITERAL"]),
]

test_chinese_sides_schools_and_mountains = each_label_test(CHINESE)

NAMES_AND_EXCHANGES = [
    ("fr", "Le couple a été éliminé à la fin de l'épisode 2 de Pékin Express, diffusé mardi soir.", "Pékin",
     ["ORG_PART"]),
    ("it", "Colpo di scena a Pechino Express: due coppie eliminate nella stessa puntata.", "Pechino", ["ORG_PART"]),
    ("fr", "Le train express est arrivé à Pékin mardi soir.", "Pékin", ["LITERAL"]),
    ("ko", "아트바젤 홍콩(Art Basel in Hong Kong)이 3월에 열린다.", "Hong Kong", ["ORG_PART"]),
    ("en", "The chipmaker plans to list in Hong Kong next year.", "Hong Kong", ["ORG_PART"]),
    ("en", "The start-up aims to list either in Hong Kong or New York by 2027.", "Hong Kong", ["ORG_PART"]),
    ("en", "The start-up plans to expand in Hong Kong next year.", "Hong Kong", ["LITERAL"]),
    ("ru", "Индекс акций компаний, котирующихся в Гонконге, упал на два процента.", "Гонконге", ["ORG_PART"]),
    ("ru", "Компания открыла новый офис в Гонконге.", "Гонконге", ["LITERAL"]),
]

test_names_and_exchanges = each_label_test(NAMES_AND_EXCHANGES)

PLACES = [
    ("es", "Las lluvias afectaron a Guangxi, pero Cantón, la provincia más poblada del país, se salvó.", "Cantón", []),
    ("es", "Cantón, la capital de la provincia, sufrió inundaciones.", "Cantón", ["LITERAL"]),
    ("de", "Zverev scheiterte im Halbfinale von Shanghai an Medvedev.", "Shanghai", ["ORG_PART"]),
    ("de", "Im Shanghai-Viertelfinale traf er auf Sinner.", "Shanghai", ["ORG_PART"]),
    ("de", "Das Finale fand in Shanghai statt.", "Shanghai", ["LITERAL"]),
    ("it", "Il traghetto è entrato nella baia di Shenzhen al tramonto.", "Shenzhen", ["NOT_PLACE"]),
    ("it", "Il traghetto è arrivato nella città di Shenzhen al tramonto.", "Shenzhen", ["LITERAL"]),
    ("de", "Herr Gan Daqing, der Vizebürgermeister, besuchte die Messe.", "Daqing", ["NOT_PLACE"]),
    ("ko", "감독은 선수들에게 좋은 성과를 거둬달라며 선전을 당부했다.", "선전", ["NOT_PLACE"]),
]

test_provinces_rounds_waters_and_people = each_label_test(PLACES)
