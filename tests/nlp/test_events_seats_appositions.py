"""Classes of stop 60's round (their classes, not their sentences), each with the counterpart that stays what it is.

Events named by their host in Chinese: world cups and championships (澳门乒乓球世界杯, 成都世乒赛团体赛, a race's 世界盃 past its
letters) and investment forums (恳谈会), while a team event held in the city stays the place; the name right before a
seat in brackets inside an organisation's name, as the seat already was (榆林(西安)科创中心, 徐州(上海)投资恳谈会), while two places
so written stay places; a firm of a brand and a trade word (无锡恒拓流体); a firm's company named by another city and the
brand of a firm of names.tsv that the article names (宜宾时代 beside 宁德时代), while the same words without that firm stay
the place ("the Yibin era"); BYD's companies by their city (长沙比亚迪) and firms counted before their kind at a list's end
(…等 5 家整车企业), a bank's president after its name (南昌银行行长) and a choir, while the same words apart from the name stay
the place; Hubei's county media apps (云上黄冈), a campaign's account (健康荆门) and federations by their short names (宜昌市文联),
while the city holding a show stays the place.
Japanese exhibitions by the kind of works (「東京・上海写真展」) and a firm's company named right after its seat (島津蘇州会社), while
a subsidiary there (香港子会社) and an employee (北京会社員) stay the place; Korean 선전 as "a good showing" that is expected (선전이
기대된다), while an expected investment in the city stays the place; Beijing Hyundai by the carmaker's full name (베이징
현대자동차); a road named after the city, 로 written against a name that ends in a consonant (남경로), while the particle "to"
there (남경으로) keeps the place.
Romance apposition: a hotel's, restaurant's or centre's name set right after its noun without "de" (el hotel Pekín, il
ristorante Shanghai), also past one word of its kind (il centro di ricerca Chengdu), while the noun joined to the city
by "de" stays the place; the Olympics by their French short name (les JO de Pékin); a listing's noun with its
adjective after it, as French writes it (une cotation primaire à Hong Kong), while another noun there keeps the place.
English: a side with the plural verbs British copy gives it in match copy ("If Guangzhou want to retain the title"),
while the city's residents with the same verb stay the place (the team cue); more pinyin surnames before a given name
that is a city's form (Quan Jian); a city's form that names its province after a comma that follows another city of
that province (Kaiping, Canton), while a list of cities that goes on keeps the city; a business called by the city's
name after a verb of naming ("a restaurant called Chengdu").
Arabic: a Chinese surname as the Arabic press transcribes it before the name, or before one syllable of a given name
and the name (يانغ شيان, تشن لي شيان), while the city of Xi'an stays the place; a club's sponsor in another spelling
(تيانجين قوانجيان) and an alliance named by the city (تحالف هونغ كونغ).
Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

from spacy.language import Language

from nlp.features import NAMES
from tests.nlp.conftest import each_label_test

CHINESE = [
    ("zh", "澳门乒乓球世界杯今日开幕，各国选手陆续抵达。", "澳门", ["ORG_PART"]),
    ("zh", "本届成都世乒赛团体赛共有四十支队伍参赛。", "成都", ["ORG_PART"]),
    ("zh", "主办方表示，澳门GT世界盃将于十一月举行。", "澳门", ["ORG_PART"]),
    ("zh", "上周他在成都参加了团体赛。", "成都", ["LITERAL"]),
    ("zh", "2023徐州(上海)投资恳谈会在沪举行。", "徐州", ["ORG_PART"]),
    ("zh", "榆林(西安)科创中心昨日揭牌。", "榆林", ["ORG_PART"]),
    ("zh", "苏州(昆山)的工厂很多。", "苏州", ["LITERAL"]),
    ("zh", "记者走进无锡恒拓流体的生产车间。", "无锡", ["ORG_PART"]),
    ("zh", "位于四川宜宾的宜宾时代是宁德时代的子公司，宜宾时代今年扩产。", "宜宾", ["LITERAL", "ORG_PART", "ORG_PART"]),
    ("zh", "宜宾时代正在到来，宜宾人很高兴。", "宜宾", ["LITERAL", "LITERAL"]),
    ("zh", "云上黄冈报道(记者 王明)近日，市里举行招聘会。", "黄冈", ["ORG_PART"]),
    ("zh", "欢迎关注健康荆门公众号。", "荆门", ["ORG_PART"]),
    ("zh", "会议由宜昌市文联主办。", "宜昌市", ["ORG_PART"]),
    ("zh", "宜昌市举办了文艺演出。", "宜昌市", ["LITERAL"]),
    ("zh", "长沙比亚迪的新车型昨天下线。", "长沙", ["ORG_PART"]),
    ("zh", "去年比亚迪在长沙建了新厂。", "长沙", ["LITERAL"]),
    ("zh", "名单包括吉利、芜湖奇瑞、江淮汽车等 5 家整车企业。", "芜湖", ["ORG_PART"]),
    ("zh", "芜湖等 5 个城市入选名单。", "芜湖", ["LITERAL"]),
    ("zh", "记者采访了南昌银行行长。", "南昌", ["ORG_PART"]),
    ("zh", "南昌的银行行长们开会。", "南昌", ["LITERAL"]),
    ("zh", "晚会上，青岛市童声合唱团演唱了两首歌。", "青岛市", ["ORG_PART"]),
]

test_chinese_events_seats_and_firms = each_label_test(CHINESE)

JAPANESE_KOREAN = [
    ("ja", "「東京・上海書画展」が来月開かれる。", "上海", ["ORG_PART"]),
    ("ja", "島津蘇州会社が新工場を建てた。", "蘇州", ["ORG_PART"]),
    ("ja", "同社は香港子会社を売却した。", "香港", ["LITERAL"]),
    ("ko", "이번 대회에서 우리 선수들의 선전이 기대된다.", "선전", ["NOT_PLACE"]),
    ("ko", "베이징 현대자동차의 판매가 늘었다.", "베이징", ["ORG_PART"]),
    ("ko", "관광객들은 예원과 남경로, 신천지를 둘러보았다.", "남경", []),
    ("ko", "관광객들은 다음 날 남경으로 떠났다.", "남경", ["LITERAL"]),
]

test_japanese_and_korean_names = each_label_test(JAPANESE_KOREAN)

APPOSITIONS = [
    ("es", "El equipo se aloja estos días en el hotel Pekín, junto al estadio.", "Pekín", ["ORG_PART"]),
    ("es", "El equipo se aloja estos días en un hotel de Pekín, junto al estadio.", "Pekín", ["LITERAL"]),
    ("it", "Il ristorante Shanghai ha chiuso dopo trent'anni.", "Shanghai", ["ORG_PART"]),
    ("it", "Il centro di ricerca Chengdu studia i panda da decenni.", "Chengdu", ["ORG_PART"]),
    ("it", "Il centro di Chengdu era pieno di turisti.", "Chengdu", ["LITERAL"]),
    ("pt", "O centro de pesquisa Chengdu recebeu dois filhotes.", "Chengdu", ["ORG_PART"]),
    ("fr", "À l'approche des JO de Pékin, les athlètes s'entraînent.", "Pékin", ["ORG_PART"]),
    ("fr", "Le groupe prépare une cotation primaire à Hong Kong l'an prochain.", "Hong Kong", ["ORG_PART"]),
    ("fr", "Le groupe prépare une conférence primaire à Hong Kong l'an prochain.", "Hong Kong", ["LITERAL"]),
]

test_romance_appositions = each_label_test(APPOSITIONS)

ENGLISH = [
    ("en", "Quan Jian, deputy director of the council, opened the forum.", "Jian", ["NOT_PLACE"]),
    ("en", "Her grandparents left a village near Kaiping, Canton, in 1890.", "Canton", []),
    ("en", "Near the station there is a small family restaurant called Chengdu that serves mapo tofu.", "Chengdu",
     ["ORG_PART"]),
    ("en", "The airline flies from Shenzhen, Canton and Chengdu to Sydney.", "Canton", ["LITERAL"]),
]

test_english_sides_and_people = each_label_test(ENGLISH)


def test_a_side_agrees_with_plural_verbs(english: Language) -> None:
    """British copy's plural agreement ("If Wuhan want to lift the trophy") makes the name a side in match copy (the
    team cue), as "are" and "have" already did; the city's residents with the same verb are no side."""
    sport_verb = NAMES.index("sport_verb")

    def team_cue(text: str) -> float:
        doc = english(text)
        (span,) = doc.spans["cities"]
        return float(span._.cue_vector[sport_verb])

    assert team_cue('The holders, who top the Super League, remain favourites for the continental cup. "I do not '
                    'comment on other teams," the midfielder said. "If Wuhan want to lift the trophy we have to beat '
                    'everybody."') == 1.0
    assert team_cue("Residents of Wuhan want cleaner air, a survey by the city's environment bureau found.") == 0.0

ARABIC = [
    ("ar", "التقى الوزير بالسيد يانغ شيان، نائب رئيس اللجنة، في الرياض.", "شيان", ["NOT_PLACE"]),
    ("ar", "التقى الوزير بالسيدة تشن لي شيان في القاهرة.", "شيان", ["NOT_PLACE"]),
    ("ar", "وصل الوفد إلى مدينة شيان الصينية أمس.", "شيان", ["LITERAL"]),
    ("ar", "فاز نادي بكين على تيانجين قوانجيان بهدفين.", "تيانجين", ["ORG_PART"]),
    ("ar", "اعتقلت الشرطة قادة تحالف هونغ كونغ أمس.", "هونغ كونغ", ["ORG_PART"]),
]

test_arabic_people_clubs_and_alliances = each_label_test(ARABIC)
