"""What the words around a name say it names, from the held-out real batches of stop 45 (en 50-51, zh 67-68, ja 60-61,
ko/ru/ar 8, de/fr/es/it/pt/nl 7; their classes, not their sentences). A race or a tournament named by its city before
the language's "of" word (le GP de Macao, el torneo de Wuhan, das Turnier von Wuhan); a resort's or hotel's brand
before the name in every language that writes it in Latin letters (Wynn Macau in Dutch copy), and a verb of saying
after such a name is the brand's; an Arabic school or association named by the city; a group named by its city and a
number, quoted alone („Hongkong 47“); in Japanese, a national team named by its city (香港ナショナル), a work's title
in Latin letters inside Japanese quotation marks, a shop's name set as words with a space inside a quotation, and a
district after a Japanese municipality in an address (川口市新郷, not Xinxiang); in Chinese, "a little X" in quotation
marks (悉尼的“小香港”), a club named by its city and a word that names a club only in match copy (梅州客家), a news
app's byline (掌上梅州讯), and a firm named in full, then by its short name (兰州石化); in English, a host's district in
brackets inside an event's name. Each with the counterpart that stays what it is. Sentences written for these
tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import assert_one_label, mentions_of

LATIN = [
    # a race or a tournament named by its city before the "of" word; the city where it is held stays the city
    ("fr", "Il a remporté le Grand Prix de Macao en 2019.", "Macao", "ORG_PART"),
    ("fr", "La course se déroule à Macao chaque novembre.", "Macao", "LITERAL"),
    ("fr", "Elle défendra son titre au tournoi de Wuhan.", "Wuhan", "ORG_PART"),
    ("fr", "Elle s'entraîne à Wuhan depuis le mois de mars.", "Wuhan", "LITERAL"),
    ("es", "Terminó tercero en el GP de Macao el año pasado.", "Macao", "ORG_PART"),
    ("it", "Ha vinto il torneo di Wuhan due volte.", "Wuhan", "ORG_PART"),
    ("pt", "Venceu o GP de Macau em 2022.", "Macau", "ORG_PART"),
    ("de", "Sie verlor im Finale beim Turnier von Wuhan.", "Wuhan", "ORG_PART"),
    ("nl", "Hij won vorig jaar de Grand Prix van Macau.", "Macau", "ORG_PART"),
    ("en", "He finished second in the GP of Macau.", "Macau", "ORG_PART"),
    # a resort's or hotel's brand before the name, in any language; the city's casinos stay the city
    ("nl", "Aandelen van Wynn Macau stegen donderdag fors.", "Macau", "ORG_PART"),
    ("fr", "Le Venetian Macao a rouvert ses salles de jeu.", "Macao", "ORG_PART"),
    ("de", "Das Hilton Shanghai wird bis zum Frühjahr renoviert.", "Shanghai", "ORG_PART"),
    ("fr", "Les casinos de Macao ont rouvert leurs portes.", "Macao", "LITERAL"),
    # a group named by its city and a number, quoted alone; a count of people in the city stays the city
    ("de", "Die Aktivisten der „Shanghai 12“ wurden freigesprochen.", "Shanghai", "ORG_PART"),
    ("de", "In Shanghai wurden 12 Aktivisten festgenommen.", "Shanghai", "LITERAL"),
    # a verb of saying after a name whose brand comes before it is the brand's; the city's own stays the government's
    ("en", "Raffles City Hangzhou is said to draw a million visitors a month.", "Hangzhou", "ORG_PART"),
    ("en", "Beijing said the tariffs were unfair.", "Beijing", "METONYMIC"),
    # an Arabic school or association named by the city; a journey to the city stays the city
    ("ar", "افتتحت مدرسة كانتون الجديدة أبوابها هذا العام.", "كانتون", "ORG_PART"),
    ("ar", "انضم إلى رابطة شنغهاي للمستثمرين عدد من الشركات.", "شنغهاي", "ORG_PART"),
    ("ar", "وصل الوفد التجاري إلى كانتون صباح اليوم.", "كانتون", "LITERAL"),
    # a work's title in Latin letters inside Japanese quotation marks
    ("ja", "動画『Hong Kong 24 Hours』を公開した。", "Hong Kong", "ORG_PART"),
]

# the class of the stop's unread English batch (en 52), fixed after it was measured and so moved to development: the
# host's district in brackets inside an event's name after an edition's ordinal or an article; a visit to the city
# with its district in brackets, and a dateline's agency in brackets, stay the city
UNREAD_ENGLISH = [
    ("en", "On Friday the 3rd Hangzhou (Xihu) Go Masters opened with eight players.", "Hangzhou", "ORG_PART"),
    ("en", "She moved to Hangzhou (Xihu) in 2019.", "Hangzhou", "LITERAL"),
    ("en", "HANGZHOU (Reuters) Police said on Friday that the road had reopened.", "HANGZHOU", "LITERAL"),
]

CHINESE_JAPANESE = [
    # "a little X" in quotation marks is somewhere else; a quoted remark about the city stays the city
    ("zh", "墨尔本的“小香港”就藏在唐人街后面。", "香港", "NOT_PLACE"),
    ("zh", "他说:“香港很美。”", "香港", "LITERAL"),
    # a club named by its city and a word that names a club only in match copy (a score written 3∶1 counts as one);
    # the Hakka of the city elsewhere
    ("zh", "中超第九轮,最终梅州客家以3∶1击败对手,取得一场大胜。", "梅州", "ORG_PART"),
    ("zh", "梅州客家人重视教育,围屋遍布乡间。", "梅州", "LITERAL"),
    # a news app's byline; the city's own dateline stays the city
    ("zh", "掌上宜昌讯 近日,一场暴雨袭击了当地。", "宜昌", "ORG_PART"),
    ("zh", "本报宜昌讯 近日,一场暴雨袭击了当地。", "宜昌", "LITERAL"),
    # Japanese: a national team named by its city; a race held in the city stays the city
    ("ja", "序盤は上海ナショナルが集団をコントロールした。", "上海", "ORG_PART"),
    ("ja", "上海で自転車レースが開かれた。", "上海", "LITERAL"),
    # a shop's name set as words with a space inside a quotation; a quoted remark stays the city
    ("ja", "「杭州天目里 蔦屋書店」が開業した。", "杭州", "ORG_PART"),
    ("ja", "彼は「杭州でまた会おう」と語った。", "杭州", "LITERAL"),
    # a district after a Japanese municipality in an address; the Chinese city with its province stays the city
    ("ja", "埼玉県川口市新郷の工業団地で火災があった。", "新郷", None),
    ("ja", "河南省新郷市の工場が操業を再開した。", "新郷市", "LITERAL"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "label"), LATIN + UNREAD_ENGLISH + CHINESE_JAPANESE)
def test_what_the_words_around_a_name_say_it_names(lang: str, text: str, surface: str, label: str | None) -> None:
    assert_one_label(lang, text, surface, label)


# the class of the stop's unread Chinese batch (zh 69), fixed after it was measured and so moved to development: a
# firm named in full (the city, two to four characters, a legal head) and then by the city and those characters alone;
# the city alone later, and a port whose group is named after it, stay places
SHORT_FIRM_NAMES = [
    ("zh", "兰州石化公司今年扩建厂区,兰州石化随后停运了两座罐区。", ["ORG_PART", "ORG_PART"]),
    ("zh", "兰州石化公司今年扩建厂区,兰州随后下了一场大雨。", ["ORG_PART", "LITERAL"]),
    ("ja", "寧波舟山港集団によると、寧波舟山港の取扱量が増えた。", ["ORG_PART", "LITERAL"]),
]


@pytest.mark.parametrize(("lang", "text", "labels"), SHORT_FIRM_NAMES)
def test_a_firm_named_in_full_is_that_firm_by_its_short_name(lang: str, text: str, labels: list[str]) -> None:
    surface = text[:2]
    assert [m["label"] for m in mentions_of(lang, text, surface)] == labels

