"""Classes of stop 57's batches (their classes, not their sentences), each with the counterpart that stays what it is.
From stop 56's last English batch (read after it was measured, so it moves to development): a roster listed side by
side, each line a side and its players ("– Dalian: ..."), in copy that speaks of sport; the same shape with figures, or
a single line with officials, stays the place. From stop 56's last traditional Chinese batch (read, so it moves to
development too): a part of the country quoted before the name alone (“西部深圳”) is a figure for another place; the
country's name quoted before it and the city in a quoted slogan stay the place. From this stop's first set (read after it
was measured): a marathon named by its city after its head in French, Italian, Spanish, Portuguese and Dutch; Dutch
heads in lower case before "van" (de beurs van Sjanghai), while the port, the airport and the stadium of a city stay
the city; Korean management committees and industrial parks named by the city. From the second set (read after it
was measured): a German university with its head first (die Universität Wuhan, die Uni-Wuhan); a Portuguese club
after the article a city never takes (o Dalian); a Korean airline by the word 항공 alone after the city, not before a
word of its route (상하이 항공 노선); Jilin as the province past its gloss and before 등, and between two provinces
joined by middle dots; the 等 of 高等 inside a name; a bilateral scope written with Japan's 徳 before the host in
brackets. From the third set (read after it was measured): Lanzhou's Zhongshan Bridge, named for Sun Yat-sen (a
name of ``names.tsv``), is no mention of Zhongshan; Shenyang Brilliance, the carmaker; two more Korean clubs of earlier
seasons and a branch named by its city (지회). From the last set (read after it was measured): a state group's short
name before the city names its subsidiary (宝钢, 中煤, 华能 ...); a city named like its province, right before a city
of that province, is the province (지린 창춘). From the batch after (read after it was measured, so it moves to
development too): a sugar mill named by its city (柳州糖厂); a firm that ends a list after a comma with its own words
after the city (，桂林三金等知名企业); the places that end such a list stay places. And, from three classes left by
the round: a laser maker by its brand of two characters and its trade (武汉锐科激光); Yanbian by the Sino-Korean reading
the ethnic Korean press writes (연변), before which Jilin is the province; North Korea's Namyang, named after the country
(朝鲜的南阳市, 北朝鮮南陽), is a namesake abroad, not Nanyang in Henan. Sentences written for these tests (not in training.tsv,
calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import each_label_test

_ROSTER = ("Every team in the league may sign two foreign players this season. Here is who they chose:\n"
           "– Dalian: Marcus Hill, Andre Silva\n– Nanjing (formerly Tianjin): Tom Reyes, Lucas Moreau\n"
           "– Hangzhou: Ivan Petrov, Sam Okafor\n")
_FIGURES = ("New cases reported on Monday by the health commission:\n– Dalian: 12, 4 of them imported\n"
            "– Nanjing: 7\n– Hangzhou: 3\n")

ROSTERS = [
    ("en", _ROSTER, "Dalian", ["ORG_PART"]),
    ("en", _ROSTER, "Nanjing", ["ORG_PART"]),
    ("en", _FIGURES, "Dalian", ["LITERAL"]),
    ("en", "The delegation was led by city officials. Dalian: Wang Lei, Zhou Min. The team toured the port.",
     "Dalian", ["LITERAL"]),
]

test_a_roster_names_sides = each_label_test(ROSTERS)

FIGURES = [
    ("zh", "外地记者都把这座口岸城市叫作“北方珠海”,说它发展很快。", "珠海", ["NOT_PLACE"]),
    ("zh", "當地人稱這座新城為“西部廈門”。", "廈門", ["NOT_PLACE"]),
    ("zh", "口号是“东有珠海”“西有北海”,两地都在发展旅游。", "珠海", ["LITERAL"]),
]

test_a_quoted_part_of_the_country_makes_a_figure = each_label_test(FIGURES)

HEADS = [
    ("fr", "Le marathon de Wuhan s'est couru sous la pluie dimanche.", "Wuhan", ["ORG_PART"]),
    ("fr", "Il a couru un marathon à Wuhan sous la pluie.", "Wuhan", ["LITERAL"]),
    ("it", "Ha vinto la Maratona di Xiamen con un tempo record.", "Xiamen", ["ORG_PART"]),
    ("es", "Corrió el maratón de Pekín el año pasado.", "Pekín", ["ORG_PART"]),
    ("pt", "Ele venceu a maratona de Xangai pela segunda vez.", "Xangai", ["ORG_PART"]),
    ("nl", "De koersen op de beurs van Shenzhen daalden opnieuw.", "Shenzhen", ["ORG_PART"]),
    ("nl", "Het vliegtuig landde op de luchthaven van Shenzhen.", "Shenzhen", ["LITERAL"]),
    ("ko", "톈진 경제기술개발구 관리위원회와 협약을 맺었다.", "톈진", ["ORG_PART"]),
    ("ko", "그는 우시 산업단지에 공장을 세웠다. 우시에는 한국 기업이 많다.", "우시", ["ORG_PART", "LITERAL"]),
]

test_a_head_names_the_event_the_exchange_or_the_zone = each_label_test(HEADS)

SECOND = [
    ("de", "Die Universität Wuhan zählt zu den ältesten des Landes.", "Wuhan", ["ORG_PART"]),
    ("de", "Auch die Uni-Wuhan profitierte davon.", "Wuhan", ["ORG_PART"]),
    ("de", "Er studierte an einer Universität in Wuhan.", "Wuhan", ["LITERAL"]),
    ("pt", "Depois da crise, o Dalian vendeu os seus melhores jogadores.", "Dalian", ["ORG_PART"]),
    ("pt", "No ano seguinte, ele viajou para Dalian com a família.", "Dalian", ["LITERAL"]),
    ("ko", "선전 항공의 회장은 새 노선을 발표했다.", "선전", ["ORG_PART"]),
    ("ko", "인천~선전 항공 노선이 다시 열린다.", "선전", ["LITERAL"]),
    ("ko", "랴오닝성과 지린(吉林)성등 동북 지역에 눈이 내렸다.", "지린", []),
    ("ko", "동북 3성(랴오닝·지린·헤이룽장성)에 한파가 왔다.", "지린", []),
    ("ko", "지린시 인민정부가 발표했다.", "지린", ["LITERAL"]),
    ("zh", "武汉光谷高等研究院今天成立。", "武汉", ["ORG_PART"]),
    ("ja", "大連には中徳(大連)先端製造産業園がある。", "大連", ["LITERAL", "ORG_PART"]),
]

test_the_second_sets_classes = each_label_test(SECOND)

THIRD = [
    ("zh", "游客晚上在兰州的中山桥上散步。中山桥建于1909年。", "中山", []),
    ("zh", "他下个月去中山出差。", "中山", ["LITERAL"]),
    ("en", "A delegation toured the Shenyang Brilliance plant and met its managers.", "Shenyang", ["ORG_PART"]),
    ("ko", "그는 지난 시즌 상하이 둥야에서 뛰었다.", "상하이", ["ORG_PART"]),
    ("ko", "협회 다롄 지회가 행사를 열었다.", "다롄", ["ORG_PART"]),
    ("ko", "그는 다롄 시내에서 행사를 열었다.", "다롄", ["LITERAL"]),
]

test_the_third_sets_classes = each_label_test(THIRD)

LAST = [
    ("zh", "中煤延安能源化工项目已经开工。", "延安", ["ORG_PART"]),
    ("zh", "记者昨天来到延安采访。", "延安", ["LITERAL"]),
    ("ko", "지린 창춘에서 자동차 박람회가 열렸다.", "지린", []),
    ("ko", "지린시 인민정부가 발표했다.", "지린", ["LITERAL"]),
]

test_the_last_sets_classes = each_label_test(LAST)

AFTER = [
    ("zh", "园区内有桂林电器,桂林三金等知名企业。", "桂林", ["LITERAL", "ORG_PART"]),
    ("zh", "柳州糖厂去年扩建了生产线。", "柳州", ["ORG_PART"]),
    ("zh", "今年,杭州等地企业纷纷涨薪。", "杭州", ["LITERAL"]),
]

test_the_classes_after_the_round = each_label_test(AFTER)

LEFT = [
    ("zh", "武汉锐科激光发布了新产品。", "武汉", ["ORG_PART"]),
    ("zh", "武汉激光产业发展很快。", "武汉", ["LITERAL"]),
    ("ko", "올해 길림 연변 등 8개 지역이 선정됐다.", "연변", ["LITERAL"]),
    ("ko", "올해 길림 연변 등 8개 지역이 선정됐다.", "길림", []),
    ("ko", "관광객들이 연변의 여름을 즐겼다.", "연변", ["LITERAL"]),
    ("zh", "从图们口岸望去,江对岸就是朝鲜的南阳市。", "南阳市", ["OTHER_PLACE"]),
    ("zh", "他从河南南阳市出发,坐火车去了图们。", "南阳市", ["LITERAL"]),
]

test_classes_left_by_the_round = each_label_test(LEFT)
