"""Classes of stop 62's third change (3.21; their classes, not their sentences), each with the counterpart that stays
what it is.

Japanese: a place of Japan written like a Chinese city and placed in Japan by its own part of Japan without a
prefecture's 県 (青島 beside 宮崎 and 日南: Aoshima, the resort of Miyazaki; the ja ``japanese_places`` cue), as after
its municipality (宮崎市青島), while the
Chinese port city beside China's name stays the city; a mountain city's name beside a World Heritage word (世界文化遺産の
廬山), while the city with its 市 stays the city. Chinese: teas named by their place (杭州龙井), while a tea village of
the city stays the place; a contest's division held in the city (深圳赛区) and a normal college by its short name
(唐山师范附属小学), while a final held in the city and the city's normal students stay the place. And (3.22) an
official account named by the city in a credit line (来源：遵义发布, 图源：合肥市人民政府发布), while the city's government
issuing rules stays the city; the Venetian Macao (`names.tsv`). And (3.23) a retreat in California named for a
settler, bare in an article that names its county or town (Harbin Hot Springs, the table's trade words), while Harbin's
own hot springs stay the city; the Tour of Beijing as Dutch names it; a snack named for a county-level city (崇州叶儿粑).
And (3.24) a Japanese university's president after a surname written like a city (中山学長), the Zhuhai Airshow, Cricket
Hong Kong and WeChat Pay's Hong Kong wallet (微信香港钱包) in `names.tsv`, while paying by WeChat in Hong Kong stays the
place.
Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import each_label_test

CASES = [
    ("ja", "青島は宮崎観光の顔であり、日南海岸とともに多くの観光客を集めてきた。", "青島", ["OTHER_PLACE"]),
    ("ja", "青島は中国山東省の港湾都市で、ビールの産地として知られる。", "青島", ["LITERAL"]),
    ("ja", "一行は世界文化遺産の廬山を視察した。", "廬山", ["NOT_PLACE"]),
    ("ja", "一行は江西省の廬山市を訪問し、市長と会談した。", "廬山市", ["LITERAL"]),
    ("zh", "杭州龙井和安溪铁观音都是名茶。", "杭州", ["ORG_PART"]),
    ("zh", "杭州龙井村的茶农正在采茶。", "杭州", ["LITERAL"]),
    ("zh", "大赛深圳赛区总决赛在南山举行。", "深圳", ["ORG_PART"]),
    ("zh", "决赛在深圳举行，观众很多。", "深圳", ["LITERAL"]),
    ("zh", "唐山师范附属小学的学生获奖。", "唐山", ["ORG_PART"]),
    ("zh", "唐山的师范生今年就业率很高。", "唐山", ["LITERAL"]),
]

test_places_of_japan_mountains_teas_and_divisions = each_label_test(CASES)


ACCOUNTS = [
    ("zh", "来源：遵义发布　浏览数：266", "遵义", ["ORG_PART"]),
    ("zh", "图源：合肥市人民政府发布", "合肥市", ["ORG_PART"]),
    ("zh", "合肥市人民政府发布了新的防汛规定。", "合肥市", ["LITERAL"]),
    ("zh", "本次演唱会得到澳门威尼斯人的支持。", "澳门", ["ORG_PART"]),
    ("zh", "本次演唱会在澳门举行。", "澳门", ["LITERAL"]),
]

test_accounts_in_credit_lines_and_a_resort = each_label_test(ACCOUNTS)


NAMESAKES_AND_RACES = [
    ("en", "Harbin Hot Springs reopened its pools in Middletown. Harbin still owns ranches in Lake County, and Harbin "
           "expects more guests this year.", "Harbin", []),
    ("en", "Tourists in Harbin soak in hot springs after the ice festival.", "Harbin", ["LITERAL"]),
    ("nl", "Vorig jaar stond ook de Ronde van Peking op het programma van de ploeg.", "Peking", ["ORG_PART"]),
    ("nl", "Vorig jaar reisde de ploeg naar Peking voor een trainingskamp.", "Peking", ["LITERAL"]),
    ("zh", "崇州市位于成都西部。当地还有崇州叶儿粑、冻糕等名小吃。", "崇州", ["ORG_PART"]),
    ("zh", "崇州市位于成都西部。崇州今年接待游客三百万人次。", "崇州", ["LITERAL"]),
]

test_namesake_retreat_races_and_snacks = each_label_test(NAMESAKES_AND_RACES)


PEOPLE_AND_NAMES = [
    ("ja", "式典では中山学長が式辞を述べた。", "中山", []),
    ("ja", "中山市の代表団が式典に出席した。", "中山市", ["LITERAL"]),
    ("en", "The Zhuhai Airshow opened on Tuesday with a flypast.", "Zhuhai", ["ORG_PART"]),
    ("en", "Cricket Hong Kong wrote in a post that the squad would travel on Friday.", "Hong Kong", ["ORG_PART"]),
    ("zh", "游客可以通过微信香港钱包在深圳消费。", "香港", ["ORG_PART"]),
    ("zh", "他在香港用微信支付买了咖啡。", "香港", ["LITERAL"]),
]

test_a_president_an_airshow_a_cricket_body_and_a_wallet = each_label_test(PEOPLE_AND_NAMES)
