"""What the words around a name say it names, and names found in more scripts, from the real batches of stop 50
(their classes, not their sentences; each batch measured once before its classes were read). A festival named by
the city (拉萨雪顿节, not a holiday in it), the associations of a city's natives abroad counted together (各福州属会),
a flower show, the National Games by their host, a cup past its other words; the last of a list of bookshops
(雙葉、唐山等書店); a club named in basketball copy; a Malaysian town named like a Chinese city where the article
names Malaysia beside one of its mentions (安顺, Teluk Intan); names the gazetteer now writes in more scripts: a
county-level city in Russian (Суйфэньхэ), the Russian name of Khorgos, an Arabic spelling of Guangzhou, and 厦門 as
the Japanese press writes it; and, from the third set, a beer or a brewery named by its brand in the Romance
languages (la bière Tsingtao), a river named like a city (北安河), a side's shirt in Korean transfer copy; and, from
the fourth, a warship named for the city (“银川”号, 银川舰); a shoe firm (耒阳钜旺鞋业) and a dish past a reading
in kana (蘭州(らんしゅう)ラーメン). Each with the counterpart that stays what it is.
Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import each_label_test, one_label_test

CASES = [
    # a festival named by the city; a holiday spent in the city stays the city
    ("zh", "今年拉萨雪顿节于8月21日开幕。", "拉萨", "ORG_PART"),
    ("zh", "北京中秋节期间游客明显增多。", "北京", "LITERAL"),
    # associations of a city's natives abroad counted together; going back to the city stays the city
    ("zh", "代表团在吉隆坡拜访了多个惠州属会。", "惠州", "ORG_PART"),
    ("zh", "他每年都回惠州探亲。", "惠州", "LITERAL"),
    # a flower show, the National Games by their host, a cup past its other words; the city hosting stays the city
    ("zh", "本届昆明花展特别设置了咖啡专区。", "昆明", "ORG_PART"),
    ("zh", "代表团在2017年天津全运取得两枚金牌。", "天津", "ORG_PART"),
    ("zh", "他报名参加了上海明日之星冠军杯比赛。", "上海", "ORG_PART"),
    ("zh", "这项比赛今年在上海举行。", "上海", "LITERAL"),
    # the last of a list of bookshops; the last of a list of cities stays the city
    ("zh", "當年雙葉、唐山等書店翻印了許多西文書籍。", "唐山", "ORG_PART"),
    ("zh", "他去过北京、唐山等城市。", "唐山", "LITERAL"),
    # a club in basketball copy (rebounds and assists); playing basketball in the city stays the city
    ("zh", "他拿下7篮板与6助攻,帮助北京首钢击败青岛双星。", "青岛", "ORG_PART"),
    ("zh", "他小时候在青岛打篮球。", "青岛", "LITERAL"),
    # names in more scripts: a county-level city in Russian, Khorgos's Russian name, Guangzhou in Arabic, 厦門
    ("ru", "В городе Суйфэньхэ российские туристы устроили драку.", "Суйфэньхэ", "LITERAL"),
    ("ru", "Состав из Хоргоса отправился на станцию Бурундай.", "Хоргоса", "LITERAL"),
    ("ar", "أغلقت مدينة غوانزو أحد الأحياء بسبب كورونا.", "غوانزو", "LITERAL"),
    ("ja", "福建省厦門市にある学校の児童が来日した。", "厦門市", "LITERAL"),
    # ... but a county-level city's Russian transcription of two letters is not a form (Иу, Yiwu): too short to tell
    # from noise (the gazetteer's rule for every alphabetic form)
    ("ru", "Товары из города Иу идут в Ташкент.", "Иу", None),
    # third set: a beer or a brewery named by its brand in French, Italian, Spanish and Portuguese; the city's beer
    # stays the city
    ("fr", "On y boit surtout la bière Tsingtao.", "Tsingtao", "ORG_PART"),
    ("it", "Al bar servono soprattutto la birra Tsingtao.", "Tsingtao", "ORG_PART"),
    ("es", "Pidió una cerveza Tsingtao bien fría.", "Tsingtao", "ORG_PART"),
    ("pt", "Ele pediu uma cerveja Tsingtao gelada.", "Tsingtao", "ORG_PART"),
    ("fr", "La bière de Qingdao est réputée dans tout le pays.", "Qingdao", "LITERAL"),
    # ... a river (and the station named for it) named like a city; the city stays the city
    ("zh", "地铁16号线北起北安河站。", "北安", None),
    ("zh", "北安的冬天很冷。", "北安", "LITERAL"),
    # ... a side's shirt in Korean transfer copy; a plant in the city stays the city
    ("ko", "콘카는 광저우의 유니폼을 입게 됐다. 리그 경기에서 골을 넣었다.", "광저우", "ORG_PART"),
    ("ko", "대표단은 광저우의 공장을 방문했다.", "광저우", "LITERAL"),
    # fourth set: a warship named for the city, quoted before 号 or with 舰; the city in quotation marks alone stays
    # the city
    ("zh", "中国海军“银川”号导弹驱逐舰停靠在巴生港。", "银川", "ORG_PART"),
    ("zh", "银川舰昨日抵达巴生港。", "银川", "ORG_PART"),
    ("zh", "他说自己来自“银川”,一座塞上城市。", "银川", "LITERAL"),
    # left by the first two sets and fixed last: a shoe firm written without its legal form, the dish past a reading in
    # kana; the city's shoe industry and the city past its reading stay the city
    ("zh", "耒阳钜旺鞋业于2004年在当地创立。", "耒阳", "ORG_PART"),
    ("ja", "「蘭州(らんしゅう)ラーメン」の新店が池袋にオープンした。", "蘭州", "ORG_PART"),
    ("zh", "晋江鞋业十分发达。", "晋江", "LITERAL"),
    ("ja", "甘粛省の省都・蘭州(らんしゅう)で古くから食べられている。", "蘭州", "LITERAL"),
]


test_what_the_words_around_a_name_say_it_names = one_label_test(CASES)


# a Malaysian town named like a Chinese city, where the article names Malaysia beside one of its mentions, is that
# town throughout; the Chinese city in an article about it stays the city throughout
LABELS = [
    ("zh", "访问团首次踏足安顺,这是大马的一个小镇。他们尝尝安顺的美食,再会合安顺晋江青年团团长。", "安顺",
     ["OTHER_PLACE", "OTHER_PLACE", "OTHER_PLACE"]),
    ("zh", "贵州安顺的黄果树瀑布很有名。游客首次踏足安顺,尝尝安顺的美食。", "安顺", ["LITERAL", "LITERAL", "LITERAL"]),
]


test_each_mention_of_a_name = each_label_test(LABELS)
