"""What the words around a name say it names, from the held-out real batches of stop 44 (en 47-48, zh 64-65, ja 57-58,
ko/ru/ar 6, de/fr/es/it/pt/nl 5; their classes, not their sentences). An acronym right before the name is an
organisation's or a fair's branch or edition there (CIFF Guangzhou), and so is a brand with a capital inside it
(SuperNature Macao); words in Latin letters written against a name in characters (香港MEGA SHOW); a show known by its
city in lower case (the Beijing motor show); a German drink named for the place, capitalised (Tsingtao Bier); a
quoted name in title case in the Romance languages and Dutch (a ship, “Xin Shanghai”); a name shared by a province
and its city, listed between two provinces, is the province in the languages that give the name to the city
(Цзилинь, 지린); the Korean name of a city that is an everyday word with 시 (지난시, not 지난 "last"); a route between a
capital and the city is no pair of governments (東京・上海間の便, 青岛=东京客运航线); in Japanese, shrines written like a Chinese
city (天津神明宮, Amatsu), clubs and societies, industrial fairs, arenas and resorts, shares by their market written as
one word, a venue's Chinese word before the city in brackets, a hotel brand with either spelling of its v
(ベネチアン・マカオ), a festival's quoted name with a particle inside and a quoted name with a space before its closing mark;
in Chinese, alliances and a trade council; in Korean, a firm's seat in brackets before its legal form and a short
quotation that also holds a word in Latin letters (‘2018 홍콩 K-Food Fair’). And labels (not "not that city"): the
name in an "X-based" adjective is no agent, a capital paired with it after a journey's verb or by "and" after "in"
is another place, a city hosting an event past an adverb is its place, and in characters a capital pairs with the
name only when joined to it. Each with the counterpart that stays what it is. Sentences written for these tests (not
in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import assert_one_label

LATIN = [
    # an acronym before the name; the name after a preposition stays the city
    ("en", "Attendance at CIFF Guangzhou rose by a tenth last year.", "Guangzhou", "ORG_PART"),
    ("en", "Buyers flocked to Guangzhou for the furniture fair.", "Guangzhou", "LITERAL"),
    ("en", "The WHO Wuhan team said the market was not the source.", "Wuhan", "LITERAL"),
    # ... or a brand written with a capital inside it, in Japanese text too
    ("ja", "大規模ミュージアム「teamLab SuperNature Macao」を開くと発表した。", "Macao", "ORG_PART"),
    # a show known by its city in lower case; a show made in the city stays the city
    ("en", "Organisers said the Beijing motor show drew record crowds.", "Beijing", "ORG_PART"),
    ("en", "She hosts a Hong Kong talk show on Sundays.", "Hong Kong", "LITERAL"),
    # a German drink named for the place, capitalised as German nouns are; a beer drunk there stays the city
    ("de", "Die Japaner benannten das Bier in Tsingtao Bier um.", "Tsingtao", "ORG_PART"),
    ("de", "Er trank in Tsingtao ein Bier.", "Tsingtao", "LITERAL"),
    # a quoted name in title case (a ship, a forum); a quoted remark stays the city
    ("es", "El buque “Xin Shanghai” llegó al puerto de Chancay.", "Shanghai", "ORG_PART"),
    ("it", "Il Forum “Suzhou & Slow Village” si è svolto a Venezia.", "Suzhou", "ORG_PART"),
    ("es", "Dijo: “Shanghái es una ciudad increíble”.", "Shanghái", "LITERAL"),
    # labels (not "not that city"): the name in an adjective of an agent's noun phrase, a capital paired with the name
    # after a journey's verb, both the place; an agent and a pair of governments stay METONYMIC
    ("en", "AMC is being acquired by Beijing-based Dalian Wanda Group for $2.6 billion.", "Beijing", "LITERAL"),
    ("en", "The plan was rejected by Beijing last week.", "Beijing", "METONYMIC"),
    # ... and the agent past a phrasal verb's particle (from stop 43's "not counted" list)
    ("en", "The new stadium was paid for by Beijing.", "Beijing", "METONYMIC"),
    ("en", "Though I have traveled to Hong Kong and Taiwan, this was my first trip to China.", "Hong Kong", "LITERAL"),
    ("en", "Beijing and Washington traded barbs over tariffs.", "Beijing", "METONYMIC"),
    # ... two names joined by "and" after "in", and a city that will host an event past an adverb: places; sanctions
    # aimed at a pair, and a team hosting another, stay what they are
    ("de", "Er betrieb eine Beraterfirma mit Büros in London und Shanghai.", "Shanghai", "LITERAL"),
    ("en", "The new measures target Beijing and Moscow alike.", "Beijing", "METONYMIC"),
    ("en", "Shanghai will probably host the largest trade event of the decade.", "Shanghai", "LITERAL"),
    ("en", "Qingdao hosted Dalian in the league final before 20,000 fans.", "Qingdao", "ORG_PART"),
    # a name shared with its province, listed between provinces; the city's case form elsewhere stays the city
    ("ru", "Отключения продолжаются в провинциях Хэйлунцзян, Цзилинь, Ляонин.", "Цзилинь", None),
    ("ko", "헤이룽장, 지린, 랴오닝 등 동북 3성에서 정전이 발생했다.", "지린", None),
    ("ru", "Он родился в Цзилине и работает в Чанчуне.", "Цзилине", "LITERAL"),
]

CHINESE_JAPANESE_KOREAN = [
    # the Korean name of a city that is an everyday word, with 시; the word and a Korean city stay no mention
    ("ko", "지난시 대표단이 수원시를 방문했다.", "지난시", "LITERAL"),
    ("ko", "지난시즌 우승팀이 다시 이겼다.", "지난시", None),
    ("ko", "안산시 시장이 기자회견을 열었다.", "안산시", None),
    # a route between a capital and the city; talks between them stay the governments'
    ("ja", "東京・上海間の便が増える。", "上海", "LITERAL"),
    ("zh", "青岛=东京客运航线恢复运营。", "青岛", "LITERAL"),
    ("ja", "東京・北京間の協議が行われた。", "北京", "METONYMIC"),
    # labels: a capital one step further, a list of three cities, an arrow between: places; a pair joined by と stays
    ("ja", "メンバーは東京から香港を経由して深圳に到着した。", "香港", "LITERAL"),
    ("ja", "昨年はロサンゼルス・ワシントン・上海の3都市で公演した。", "上海", "LITERAL"),
    ("zh", "今年加密三亚⇌莫斯科等国际航线。", "三亚", "LITERAL"),
    ("ja", "北京と東京の関係が悪化した。", "北京", "METONYMIC"),
    # ... read in simplified characters, as the cue lists are, in traditional Chinese too
    ("zh", "北京與東京舉行會談。", "北京", "METONYMIC"),
    # two words in Latin letters written against the name (a fair); one acronym stays the city's
    ("ja", "私は香港MEGA SHOWを視察する準備をしていた。", "香港", "ORG_PART"),
    ("ja", "深圳IT企業が増えた。", "深圳", "LITERAL"),
    # a quoted name with a space before its closing mark; a quoted name alone stays the city
    ("ja", "前週の「香港トレイル 」に参加した。", "香港", "ORG_PART"),
    ("ja", "「香港 」と彼は言った。", "香港", "LITERAL"),
    # a hotel brand with either spelling of its v, a resort's name past its head and ・
    ("ja", "「ベネチアン・マカオ」に泊まった。", "マカオ", "ORG_PART"),
    ("ja", "サンズ・リゾーツ・マカオは新館を開いた。", "マカオ", "ORG_PART"),
    # a Japanese shrine written like a Chinese city, a club, a fair, an arena, shares, a venue's seat in brackets
    ("ja", "翌日、天津神明宮の境内に短冊を飾った。", "天津", "ORG_PART"),
    ("ja", "杭州剣道愛好会との合同稽古会を開催した。", "杭州", "ORG_PART"),
    ("ja", "杭州を拠点に活動している。", "杭州", "LITERAL"),
    ("ja", "深圳工業展が開催された。", "深圳", "ORG_PART"),
    ("ja", "15日の上海株式は3%安となった。", "上海", "ORG_PART"),
    ("ja", "上海メルセデスベンツアリーナにて公演を行った。", "上海", "ORG_PART"),
    ("ja", "国家会展中心(上海)の2号館に出展した。", "上海", "ORG_PART"),
    # a Japanese firm's name ending in a trade word without its legal form (stop 43's 大連氷山空調設備); the city's
    # investment in equipment stays the city
    ("ja", "一行は大連明光空調設備の工場を見学した。", "大連", "ORG_PART"),
    ("ja", "上海の設備投資が増えた。", "上海", "LITERAL"),
    # a festival's quoted name with a particle inside; a quoted remark stays the city
    ("ja", "吹奏楽部は「上海の春 国際音楽祭」に招聘された。", "上海", "ORG_PART"),
    ("ja", "彼は「上海の春は暖かい」と言った。", "上海", "LITERAL"),
    # labels: a Korean place written with a word of saying (주장 삼각지, the Pearl River Delta) says nothing; a claim does
    ("ko", "둥관은 주장 삼각지 동쪽에 있는 제조업 도시다.", "둥관", "LITERAL"),
    ("ko", "베이징은 미국의 조치가 부당하다고 주장했다.", "베이징", "METONYMIC"),
    # Chinese: an alliance, a trade council
    ("zh", "澳門學者同盟拜會縣府。", "澳門", "ORG_PART"),
    ("zh", "此活动得到香港贸易发展局协办。", "香港", "ORG_PART"),
    # Korean: a firm's seat in brackets before its legal form; a short quotation with a word in Latin letters
    ("ko", "현대자동차 수소연료전지시스템(광저우)유한공사 사장은 말했다.", "광저우", "ORG_PART"),
    ("ko", "이번 행사는 ‘2018 홍콩 K-Food Fair’로 열렸다.", "홍콩", "ORG_PART"),
    ("ko", "그는 '홍콩에서 K-pop을 들었다'고 말했다.", "홍콩", "LITERAL"),
]


# classes of the stop's unread batches (en 49, eur 6, kra 7), fixed after they were measured and so moved to
# development: a race named "Tour of" the city, capitalised, and a German "Grand Prix von" the city; the Korean word
# for province past a gloss in characters (지린(吉林)성); an exhibition hall's name. A tour of the city in lower case, a
# Grand Prix held in the city and the city with a gloss before 시 stay the city
UNREAD_CLASSES = [
    ("en", "Compared to the Tour of Beijing, which ran until 2014, the race is longer.", "Beijing", "ORG_PART"),
    ("en", "We took a tour of Beijing by bus.", "Beijing", "LITERAL"),
    ("de", "Der Sieger beim Grand Prix von Macao reiht sich in eine lange Liste ein.", "Macao", "ORG_PART"),
    ("de", "Der Formel-3-Grand-Prix in Macao feiert sein Jubiläum.", "Macao", "LITERAL"),
    ("ko", "중국 지린(吉林)성에서 관광버스가 전복됐다.", "지린", None),
    ("ko", "중국 지린(吉林)시에서 축제가 열렸다.", "지린", "LITERAL"),
    ("ko", "중국 광저우 수출입상품교역회전시관에서 모터쇼가 막을 올렸다.", "광저우", "ORG_PART"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "label"), LATIN + CHINESE_JAPANESE_KOREAN + UNREAD_CLASSES)
def test_what_the_words_around_a_name_say_it_names(lang: str, text: str, surface: str, label: str | None) -> None:
    assert_one_label(lang, text, surface, label)
