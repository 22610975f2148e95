"""What the words around a name say it names, from the held-out real batches of stop 43 (en 44-45, zh 60-61, ja
54-55, ko/ru/ar 5, de/fr/es/it/pt/nl 4; their classes, not their sentences). A province written beside a name places
it only when it is that city's province (a firm's name after an exchange: "la bourse de Shenzhen, Jiangsu Hengrui
annonce"); a French name whose capitalised head is followed by words in lower case before "de" (le Festival
international du film de Shanghai); a Spanish name with "de" inside it that ends with the city (el Instituto de Física
Aplicada Hefei); a racing circuit; a club as the subject of a German verb of results in match copy; the German
government named after the adjective made from the name (die Hongkonger Behörden); a currency written as one word
(Hongkongdollar); a person's surname before the name past the place of an office, or with a given name written in two
parts (Wang Li Xian); the seat in brackets before a capitalised name (the NUS (Chongqing) Research Institute);
polytechnics and Jiaotong universities by their short names; Arabic press spellings the rule does not give and a club's
sponsor name after the city (شنغهاي شنهوا); in Chinese dioceses, clan halls past the clan's own name,
paper makers, crafts named for the place, a settlement named for its settlers' hometown after a Malaysian town
(古晋福州新村) and 海西 for the west bank of the Taiwan Strait; in Japanese groups, weeks,
days, shows and opens named by the place, a university's campus named after it, a name's head and ・ before the name,
a Chinese name quoted in traditional characters that Japanese writes otherwise (中国語名:杭州會議展覽中心); in
Japanese and Korean the place where a company is listed, past the particle (香港に上場, 홍콩에 상장된); a larger city
named like a district of a smaller city named apart from it; and the classes of the stop's unread batches, fixed after
they were measured (``UNREAD_CLASSES``). Each with the counterpart that stays the city. Sentences written for these
tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import assert_one_label, mentions_of

LATIN = [
    # a province beside the name places it only when it is the city's own; a city with its province stays placed
    ("fr", "Dans un avis publié à la bourse de Shenzhen, Jiangsu Hengrui annonce une nouvelle usine.", "Shenzhen",
     "ORG_PART"),
    ("fr", "La ville de Suzhou, Anhui, a annoncé un nouveau plan.", "Suzhou", "LITERAL"),
    # a capitalised head followed by words in lower case before "de"; a talk about the city stays the city
    ("fr", "Le Festival international du film de Shanghai s'ouvre samedi.", "Shanghai", "ORG_PART"),
    ("fr", "La Banque mondiale a parlé hier de Pékin.", "Pékin", "LITERAL"),
    # a name with "de" inside it that ends with the city; an institute's branch in the city stays the city
    ("es", "Científicos del Instituto de Física Aplicada Hefei publicaron el estudio.", "Hefei", "ORG_PART"),
    ("es", "El Instituto de Física abrió una sede en Hefei.", "Hefei", "LITERAL"),
    # a racing circuit's name; the circuit in lower case is where it is
    ("es", "El piloto ganó por tercera vez en el Circuito de Shanghái.", "Shanghái", "ORG_PART"),
    ("it", "Il pilota ha vinto sul Circuito di Shanghai.", "Shanghai", "ORG_PART"),
    ("es", "Corrió en el circuito de Shanghái el domingo.", "Shanghái", "LITERAL"),
    # a club as the subject of a verb of results in German match copy; the team travelling there stays the city
    ("de", "Der Club gab die Trennung vom Coach am Mittwoch bekannt. Shenzhen holte in den ersten vier Spielen nur "
           "einen Punkt, das Team ist Letzter.", "Shenzhen", "ORG_PART"),
    ("de", "Die Mannschaft reiste am Montag nach Shenzhen.", "Shenzhen", "LITERAL"),
    # the government named after the adjective made from the name; the adjective before an exchange names it
    ("de", "Die Hongkonger Behörden verboten die Kundgebung.", "Hongkonger", "LITERAL"),
    # a currency written as one word or with a hyphen; a payment in the city stays the city
    ("nl", "Het aandeel werd 300 miljard Hongkongdollar meer waard.", "Hongkong", "ORG_PART"),
    ("de", "Er bezahlte in Hongkong mit Dollar.", "Hongkong", "LITERAL"),
    # a surname past the place of an office, a given name in two parts; the city of an office stays the city
    ("en", "The Consul General in Kota Kinabalu Huang Shifang attended the dinner.", "Shifang", "NOT_PLACE"),
    ("en", "Speakers included Professor Wang Li Xian and two students.", "Xian", "NOT_PLACE"),
    ("en", "The consul general in Shifang attended the dinner.", "Shifang", "LITERAL"),
    # the seat in brackets before a capitalised name; a university's seat in brackets before a verb is where it is
    ("en", "The university opened its NUS (Chongqing) Research Institute in 2019.", "Chongqing", "ORG_PART"),
    ("en", "Fudan University (Shanghai) said on Monday that classes would resume.", "Shanghai", "LITERAL"),
    # polytechnics and Jiaotong universities by their short names; a trip to the city stays the city
    ("en", "Ten students joined the exchange to Wuhan Polytechnic last spring.", "Wuhan", "ORG_PART"),
    ("en", "Two nurses went to Shanghai Jiao Tong, and four went to Xi'an Jiaotong.", "Xi'an", "ORG_PART"),
    ("en", "Two nurses went to Shanghai Jiao Tong, and four went to Xi'an Jiaotong.", "Shanghai", "ORG_PART"),
    ("en", "Two nurses went to Xi'an and three to Shanghai.", "Xi'an", "LITERAL"),
    # Arabic: press spellings the transcription rule does not give (ج for the g of ng, ي for a short i, شيان without
    # its hamza); a club's sponsor name after the city ends the club's name; the team's trip stays the city
    ("ar", "وصل الوفد إلى قوانجتشو أمس.", "قوانجتشو", "LITERAL"),
    ("ar", "تسير الشركة رحلات إلى بكين وجوانزو.", "وجوانزو", "LITERAL"),
    ("ar", "افتتحت القمة في مدينة شيامين الصينية.", "شيامين", "LITERAL"),
    ("ar", "زار الوفد مدينة شيان التاريخية.", "شيان", "LITERAL"),
    ("ar", "فاز شنغهاي شنهوا على ضيفه بهدفين.", "شنغهاي", "ORG_PART"),
    ("ar", "وصل الفريق إلى شنغهاي أمس.", "شنغهاي", "LITERAL"),
]

CHINESE_JAPANESE_KOREAN = [
    # dioceses, a clan hall past the clan's own name, a paper maker; the city's believers and halls stay the city
    ("zh", "广州教区的神父主持了弥撒。", "广州", "ORG_PART"),
    ("zh", "华埠的江门五邑会馆举行了春宴。", "江门", "ORG_PART"),
    ("zh", "漳州华盛纸业扩建项目正式开工。", "漳州", "ORG_PART"),
    ("zh", "广州的信徒参加了弥撒。", "广州", "LITERAL"),
    ("zh", "他在江门参观了一座老会馆。", "江门", "LITERAL"),
    # crafts named for the place; a craft fair held in the city stays the city
    ("zh", "展台上摆满了庆阳香包和蔚县剪纸。", "庆阳", "ORG_PART"),
    ("zh", "剪纸艺人们在庆阳展示了手艺。", "庆阳", "LITERAL"),
    # a settlement abroad named for its settlers' hometown after a Malaysian town; a flight from that town stays
    ("zh", "百年前,移民在古晋福州新村开荒种植胡椒。", "福州", "OTHER_PLACE"),
    ("zh", "他从古晋飞往福州探亲。", "福州", "LITERAL"),
    # 海西 for the west bank of the Taiwan Strait is no mention
    ("zh", "海西经济区的建设带动了福建的发展。", "海西", None),
    # groups, weeks, days, shows and opens named by the place; a visit to the city stays the city
    ("ja", "取材には上海メディアグループの記者も同行した。", "上海", "ORG_PART"),
    ("ja", "来月、東京で成都ウィークが開かれる。", "成都", "ORG_PART"),
    ("ja", "今年も市役所で青島デーを開催しました。", "青島", "ORG_PART"),
    ("ja", "今年の広州ゲームショウには多くの企業が出展した。", "広州", "ORG_PART"),
    ("ja", "卓球の香港OPで日本勢が優勝した。", "香港", "ORG_PART"),
    ("ja", "来週、代表団が成都を訪問する。", "成都", "LITERAL"),
    # a university's campus named after it, a club's name before ・ and the name; a university in the city stays
    ("ja", "学生たちは山東大学威海で研修を受けた。", "威海", "ORG_PART"),
    ("ja", "大会はスプリングシティ・ゴルフクラブ・昆明で行われた。", "昆明", "ORG_PART"),
    ("ja", "学生たちは威海の大学で研修を受けた。", "威海", "LITERAL"),
    # a Chinese name quoted in Japanese text in traditional characters that Japanese writes otherwise; a concert in
    # the city stays the city
    ("ja", "同じ週に音楽祭(中国語名:南京電競音樂節)もおこなわれた。", "南京", "ORG_PART"),
    ("ja", "会場(中国語名:杭州會議展覽中心)で開かれた。", "杭州", "ORG_PART"),
    ("ja", "同じ週に南京で音楽祭もおこなわれた。", "南京", "LITERAL"),
    # the place where a company is listed, past the particle; a company based there stays the city
    ("ja", "同社の株式は香港に上場している。", "香港", "ORG_PART"),
    ("ja", "同社の本社は香港にある。", "香港", "LITERAL"),
    ("ko", "홍콩에 상장된 중국 기업들의 주가가 올랐다.", "홍콩", "ORG_PART"),
    ("ko", "홍콩에 사는 한국인이 늘었다.", "홍콩", "LITERAL"),
]


# a larger city named like a district of a smaller city the article names apart from it stays the larger city (from
# the unread batch zh 62, moved to development); the district written with its city, or a district of the larger
# city named in the article, is no city
DISTRICTS = [
    ("zh", "今年新开了牡丹江、临沂等航线,又加密了上海、西安、长沙等航线。", "西安", "LITERAL"),
    ("en", "Flights to Mudanjiang and Linyi were added, and more flights to Shanghai and Xi'an.", "Xi'an", "LITERAL"),
    ("en", "A fire broke out in Mudanjiang's Xi'an district on Monday.", "Xi'an", "NOT_PLACE"),
    ("en", "Doctors at Chaoyang Hospital in Beijing said the patient was stable.", "Chaoyang", "NOT_PLACE"),
]


# classes of the unread batches (en 46, zh 62, ja 56, mix 6), fixed after they were measured and so moved to
# development: a listing's code after a colon; a team after the Arabic word for one, a Korean name in straight
# quotes; associations, teams and temples' associations in Chinese; in Japanese clubs by their English nicknames, a
# subsidiary past the particle, a journey's title, a city's mountain in travel copy. Each with its counterpart
UNREAD_CLASSES = [
    ("en", "Shares of the drug maker (Shanghai:600276) fell on Monday.", "Shanghai", "ORG_PART"),
    ("en", "The index closed at 3,200 in Shanghai: 600 stocks rose.", "Shanghai", "LITERAL"),
    ("ar", "قال مدرب فريق بكين إن اللاعبين جاهزون.", "بكين", "ORG_PART"),
    ("ar", "وصل المدرب إلى بكين أمس.", "بكين", "LITERAL"),
    ("ko", "당시 도시에는 '칭다오 호텔' 하나밖에 없었다.", "칭다오", "ORG_PART"),
    # Korean: the Yanbian county-level cities and the Sino-Korean readings (from kra 5, a miss); an everyday word that
    # begins with one stays no mention
    ("ko", "지난달 조선족이 많이 사는 연길을 다녀왔다.", "연길", "LITERAL"),
    # Japanese: a name after a middle dot before a suffix (東京・北京間, a miss of stop 42's batches) is no sound of a
    # transcribed name; a Chinese transcription's sounds stay no mention
    ("ja", "大阪・上海間の便が増えた。", "上海", "LITERAL"),
    ("zh", "吉力里·喀什噶里是一位学者。", "喀什", None),
    ("ko", "부산에서 옌지로 가는 노선이 생겼다.", "옌지", "LITERAL"),
    ("ko", "천진난만한 아이들이 뛰어놀았다.", "천진", None),
    ("ko", "그는 '칭다오'라고 말했다.", "칭다오", "LITERAL"),
    ("zh", "武汉温州经促会召开换届大会。", "武汉", "ORG_PART"),
    ("zh", "决赛中,梅州队战胜了韶关代表队。", "韶关", "ORG_PART"),
    ("zh", "汕头青龙古庙的理事出席了活动。", "汕头", "ORG_PART"),
    ("zh", "韶关的球员在决赛中表现出色。", "韶关", "LITERAL"),
    ("ja", "新リーグには上海ドラゴンズも参加した。", "上海", "ORG_PART"),
    ("ja", "当社の現地法人である蘇州精密部品を訪問した。", "蘇州", "ORG_PART"),
    ("ja", "写真展「西安・敦煌を行く」を開催します。", "西安", "ORG_PART"),
    ("ja", "彼は「西安へ行く」と言った。", "西安", "LITERAL"),
    ("ja", "早朝に宿を出て、黄山の山頂で雲海を眺めた。", "黄山", "NOT_PLACE"),
    ("zh", "我们凌晨起床,在峨眉山金顶看日出。", "峨眉山", "NOT_PLACE"),
    ("zh", "黄山市政府召开会议。黄山的经济增长很快。", "黄山", "LITERAL"),
    ("ja", "黄山は安徽省南部の都市で、屯渓区がある。", "黄山", "LITERAL"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "label"),
                         LATIN + CHINESE_JAPANESE_KOREAN + DISTRICTS + UNREAD_CLASSES)
def test_what_the_words_around_a_name_say_it_names(lang: str, text: str, surface: str, label: str | None) -> None:
    assert_one_label(lang, text, surface, label)


@pytest.mark.parametrize(("text", "surface", "labels"), [
    # a part of another city named like a city elsewhere, written again later before a part word without the other
    # city: one sense per article (from the unread en 46, moved to development)
    ("Berthing resumed at Ningbo's Meishan terminal on Monday. The Meishan terminal had been shut for a week.",
     "Meishan", ["NOT_PLACE", "NOT_PLACE"]),
    # ... not where the article never writes it as that part
    ("Meishan in Sichuan is proud of Su Dongpo. Visitors to Meishan can see his old home.", "Meishan",
     ["LITERAL", "LITERAL"]),
])
def test_a_part_of_another_city_keeps_its_sense_in_the_article(text: str, surface: str, labels: list[str]) -> None:
    assert [m["label"] for m in mentions_of("en", text, surface)] == labels
