"""Classes of stop 61's round (their classes, not their sentences), each with the counterpart that stays what it is.

Chinese: a council for the promotion of trade by its short name (贸促会, as 侨联 and 工商联 already were), a rural credit
union (农村信用合作联社) and a news app (客户端) named by the city, while a visit to the city stays the place (3.13); sports
schools and a college entered as teams (上海市体校, 少体校, 业余体校, 体育职院), a sports association by its short name (乒协) and a
city's men's team (上海男团), while a final held in the city stays the place (3.14); a short name that jieba reads as an
everyday word, in an article that names the city with its 市 (大同, 大同市), while alone it stays no mention (3.15); fairs
by their host (游园会, as 灯会 already was) and art troupes (艺术团), while a troupe from the city stays the place (3.16).
Korean: an art hall named by the city (조선민족예술관), while meeting a hall's director there and its culture and tourism
(문화관광, which begins with the word for a culture hall) stay the place (3.14); a broadcaster's Latin letters written
against the name (상하이TV), while the city's television market written apart stays the place (3.15). Japanese:
federations quoted with the Chinese 聯 that Japanese writes 連 (僑聯, 工商聯), a trade council and an association of natives
by their Japanese short names (貿促会, 同郷会), while a visit to the city stays the place; the county-level cities that
Japanese writes with its own simplified characters (図們, 満洲里) and the extended simplified 芦 of 葫芦島, linked to their
cities. English: Chinese surnames that are also English words, capitalised before a given name that is a city's form
inside a sentence ("She Zhijiang"), while the pronoun before a verb keeps the place. Portuguese: cups and races named
by their host (a Taça de Macau GT, a Corrida de Macau), while a race held in the city stays the place (3.17).
Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import each_label_test, mentions_of

CHINESE = [
    ("zh", "天津市贸促会组团赴日本参加展会。", "天津市", ["ORG_PART"]),
    ("zh", "吴忠市农村信用合作联社今年改制为农商银行。", "吴忠市", ["ORG_PART"]),
    ("zh", "据长江日报大武汉客户端报道，地铁新线开通。", "武汉", ["ORG_PART"]),
    ("zh", "会议结束后，代表团离开天津市前往北京。", "天津市", ["LITERAL"]),
    ("zh", "来自天津市体校的小将以3比1获胜。", "天津市", ["ORG_PART"]),
    ("zh", "大连中山少体校获得女子团体冠军。", "大连", ["ORG_PART"]),
    ("zh", "他曾在广州体育职院执教多年。", "广州", ["ORG_PART"]),
    ("zh", "南京市乒协副会长到场观赛。", "南京市", ["ORG_PART"]),
    ("zh", "四川男团在决赛中输给了北京男团。", "北京", ["ORG_PART"]),
    ("zh", "比赛在株洲市举行，男团决赛最精彩。", "株洲市", ["LITERAL"]),
    ("zh", "2023年上海中秋彩灯游园会在豫园开幕。", "上海", ["ORG_PART"]),
    ("zh", "佛山粤剧艺术团赴港演出。", "佛山", ["ORG_PART"]),
    ("zh", "来自佛山的艺术团赴港演出。", "佛山", ["LITERAL"]),
]

test_chinese_councils_unions_and_apps = each_label_test(CHINESE)



JAPANESE = [
    ("ja", "代表団は天津市僑聯を表敬訪問した。", "天津市", ["ORG_PART"]),
    ("ja", "大連市工商聯の幹部が来日した。", "大連市", ["ORG_PART"]),
    ("ja", "天津市貿促会との交流会が開かれた。", "天津市", ["ORG_PART"]),
    ("ja", "在日福州同郷会の新年会に約200人が集まった。", "福州", ["ORG_PART"]),
    ("ja", "代表団は天津市を訪問し、港湾施設を視察した。", "天津市", ["LITERAL"]),
    ("ja", "彼は香港プレミアリーグのクラブに移籍した。", "香港", ["ORG_PART"]),
    ("ja", "杭州アジアパラの競泳で金メダルを獲得した。", "杭州", ["ORG_PART"]),
    ("ja", "彼は香港のリーグで三年間プレーした。", "香港", ["LITERAL"]),
]

test_japanese_federations = each_label_test(JAPANESE)


@pytest.mark.parametrize(("lang", "text", "surface", "adcodes"), [
    # a short name that jieba reads as an everyday word (大同, "great harmony") is the city in an article that names it
    # with its 市 (3.15); alone it stays no mention
    ("zh", "大同今年接待游客三千万人次。大同市政府表示，将继续保护古城墙。", "大同", ["140200"]),
    ("zh", "大同今年接待游客三千万人次。", "大同", []),
    # Sudachi may read a province's name as a surname and the city after it as a given name (山東 | 威海港): that
    # reading no longer makes the form a person's name for the whole text (3.18); a Japanese surname and given name
    # stay a person (赤瀬川 | 原平, not Yuanping)
    ("ja", "航路は錦州—威海—太倉を結ぶ。貨物は山東威海港で積み替えられる。", "威海", ["371000", "371000"]),
    ("ja", "赤瀬川原平の作品展が開かれた。", "原平", []),
])
def test_one_sense_per_article(lang: str, text: str, surface: str, adcodes: list[str]) -> None:
    """Which mentions of ``surface`` one reading elsewhere in the text keeps or takes away, and their cities."""
    assert [m["city"]["adcode"] for m in mentions_of(lang, text, surface)] == adcodes


@pytest.mark.parametrize(("text", "surface", "adcode"), [
    ("国境の町、図們市を訪れた。", "図們市", "222402"),
    ("満洲里から鉄道で国境を越えた。", "満洲里", "150781"),
    ("遼寧省葫芦島市と友好都市協定を結んだ。", "葫芦島市", "211400"),
])
def test_japanese_spellings_of_cities(text: str, surface: str, adcode: str) -> None:
    (mention,) = mentions_of("ja", text, surface)
    assert mention["label"] == "LITERAL"
    assert mention["city"]["adcode"] == adcode


ENGLISH = [
    ("en", "The casino boss She Zhijiang was extradited from Thailand last year.", "Zhijiang", ["NOT_PLACE"]),
    ("en", "Police said the businessman Fan Xian had left the country.", "Xian", ["NOT_PLACE"]),
    ("en", "She moved to Zhijiang after the war and opened a school there.", "Zhijiang", ["LITERAL"]),
]

test_english_surnames_that_are_words = each_label_test(ENGLISH)

KOREAN = [
    ("ko", "자료는 선양시 조선족예술관으로 옮겨졌다.", "선양", ["ORG_PART"]),
    ("ko", "옌지시 예술관에서 공연이 열렸다.", "옌지", ["ORG_PART"]),
    ("ko", "구이린 문화관광 홍보 영상을 시청했다.", "구이린", ["LITERAL"]),
    ("ko", "그는 하얼빈에서 예술관 관장을 만났다.", "하얼빈", ["LITERAL"]),
    ("ko", "이 소식은 상하이TV 등 현지 방송이 전했다.", "상하이", ["ORG_PART"]),
    ("ko", "상하이 TV 시장은 해마다 커지고 있다.", "상하이", ["LITERAL"]),
]

test_korean_halls = each_label_test(KOREAN)

PORTUGUESE = [
    ("pt", "A Taça de Macau GT foi ganha por um piloto alemão.", "Macau", ["ORG_PART"]),
    ("pt", "A Taça do Mundo de GT de Macau encerrou o fim de semana.", "Macau", ["ORG_PART"]),
    ("pt", "A corrida em Macau começou cedo e terminou com chuva.", "Macau", ["LITERAL"]),
]

test_portuguese_cups_and_races = each_label_test(PORTUGUESE)
