"""What the words around a name say it names, from the real batches of stop 49 (their classes, not their sentences;
each batch measured once before its classes were read). A shop's, stall's or hotel's name that goes on from the
city's for three characters or more (三亚富林渔村海鲜排档, 广州天河希尔顿酒店), not the city's shops described by a
number, a word of where, a bureau's clause or a verb of opening; a city's rail transit, a zone's administrative
committee, a maritime bureau, a theme park, a science park, a contract maker's plant and the Academy's institutes by
their short names; a race's short name in Japanese (香港C); an Arabic park in its English name and the SCO written
with the article; a carmaker joined by a hyphen in any language (Shanghai-Volkswagen in German); a historic name in
brackets after its province's is the province's old name (Guangdong (Canton)), a dateline's capital is not; a range
of days before a month is no score; and, from the later sets, a tennis tournament's events, rescue teams, "three
rivers", a slogan, a quoted title with a colon, Korean nouns joined by a dot, shares, Russian bays and carmakers, a
firm's two words written again, a university's campus in brackets, professional bodies, youth palaces, light rail,
lion-dance troupes, campaigns, beef ramen, a Korean residents' association, an Arabic restaurant, a Korean side's
standpoint and manager, and 선전 as "a good fight". Each with the counterpart that stays what it is. Sentences written for these
tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import each_label_test, one_label_test

CASES = [
    # a business's name that goes on from the city's to its shop word; the city's shops described stay the city
    ("zh", "游客在三亚富林渔村海鲜排档吃饭时被多收了钱。", "三亚", "ORG_PART"),
    ("zh", "发布会在广州天河希尔顿酒店举行。", "广州", "ORG_PART"),
    ("zh", "摊主承认三亚兰姐川味海鲜加工摊偷换了食材。", "三亚", "ORG_PART"),
    ("zh", "北京五星级酒店的房价今年上涨。", "北京", "LITERAL"),
    ("zh", "杭州西湖边小吃店的生意很好。", "杭州", "LITERAL"),
    ("zh", "三亚市工商局拟对富林渔村海鲜排档作出处罚。", "三亚市", "LITERAL"),
    ("zh", "他在常德市城区金蟾巷开干洗店。", "常德市", "LITERAL"),
    ("zh", "暑期三亚海棠湾区域酒店一房难求。", "三亚", "LITERAL"),
    # a city's rail transit, a zone's committee, a maritime bureau, a theme park, a science park, a plant, institutes
    ("zh", "成都轨道交通的运营里程又增加了。", "成都", "ORG_PART"),
    ("zh", "呼和浩特经济技术开发区管委会听取了企业汇报。", "呼和浩特", "ORG_PART"),
    ("zh", "桂林海事局发布了封航通告。", "桂林", "ORG_PART"),
    ("zh", "周末深圳欢乐谷迎来客流高峰。", "深圳", "ORG_PART"),
    ("zh", "中关村贵阳科技园吸引了多家企业入驻。", "贵阳", "ORG_PART"),
    ("zh", "郑州富士康的员工今年增加了两万人。", "郑州", "ORG_PART"),
    ("zh", "研究由吉林大学和长春应化所共同完成。", "长春", "ORG_PART"),
    ("zh", "这项研究在长春完成。", "长春", "LITERAL"),
    # a race's short name in Japanese; the city itself stays the city
    ("ja", "日本の馬は香港Cで好走を続けている。", "香港", "ORG_PART"),
    ("ja", "日本の馬は香港で好走を続けている。", "香港", "LITERAL"),
    # an Arabic park in its English name, the SCO with the article; the city stays the city
    ("ar", "ومن معالم المدينة ساحة كبيرة وشنغهاي بارك.", "وشنغهاي", "ORG_PART"),
    ("ar", "اجتمع مجلس الأمن التابع للمنظمة شنغهاي للتعاون أمس.", "شنغهاي", "ORG_PART"),
    ("ar", "وصل الوفد إلى شنغهاي أمس.", "شنغهاي", "LITERAL"),
    # a carmaker joined by a hyphen in German copy; the carmaker's plant in the city stays the city
    ("de", "Das Werk von Shanghai-Volkswagen in Nanjing wurde erweitert.", "Shanghai", "ORG_PART"),
    ("de", "Das Werk von Volkswagen in Shanghai wurde erweitert.", "Shanghai", "LITERAL"),
    # a historic name in brackets after its province's; the capital in a dateline's brackets stays the city
    ("en", "Factories spread across Guangdong (Canton), above all in Shenzhen.", "Canton", "NOT_PLACE"),
    ("en", "Yunnan (Kunming): The trade fair opened on Monday.", "Kunming", "LITERAL"),
    # a range of days before a month is no score; a score is
    ("en", "From 6-11 November 2018, Zhuhai in southern China fills with visitors.", "Zhuhai", "LITERAL"),
    ("en", "After a 6-1 win on Sunday, Zhuhai top the table.", "Zhuhai", "ORG_PART"),
    # second set: a tennis tournament's events, a rescue team; playing in the city stays the city
    ("zh", "她顺利打进北京女双4强。", "北京", "ORG_PART"),
    ("zh", "她因伤无缘武汉女网赛。", "武汉", "ORG_PART"),
    ("zh", "她下周将转战武汉。", "武汉", "LITERAL"),
    ("zh", "昆明蓝天救援队连夜进山搜救。", "昆明", "ORG_PART"),
    # ... "three rivers" and a slogan's "industry makes the city prosper"; the cities named so stay the cities
    ("zh", "这里一江通三河,水网密布。", "三河", None),
    ("zh", "三河市今年新建了两所学校。", "三河市", "LITERAL"),
    ("zh", "这片水乡正在变成产业兴城。", "兴城", "NOT_PLACE"),
    # ... a quoted title with its subtitle after a colon (Japanese); the city quoted alone stays the city
    ("ja", "遺跡群「泉州:宋朝(そうちょう)・元朝(げんちょう)中国の海洋商業貿易センター」が登録された。", "泉州", "ORG_PART"),
    ("ja", "彼は「泉州はいい街だ」と言った。", "泉州", "LITERAL"),
    # ... Korean: a fair named with two nouns joined by a dot, shares listed there; the city's streets stay the city
    ("ko", "업체들은 상하이 화장품·미용박람회에 처음 참가했다.", "상하이", "ORG_PART"),
    ("ko", "그 회사는 홍콩 주식 공모를 마무리했다.", "홍콩", "ORG_PART"),
    ("ko", "그 회사는 홍콩 도심에 사무실을 열었다.", "홍콩", "LITERAL"),
    # ... Russian: a joint venture with a carmaker, a bay named by the city's adjective; the city itself
    ("ru", "Завод принадлежит «Шанхай-Дженерал Моторс».", "Шанхай", "ORG_PART"),
    ("ru", "С крыши открывается вид на Шэньчжэньский залив.", "Шэньчжэньский", "NOT_PLACE"),
    ("ru", "Делегация прибыла в Шэньчжэнь в пятницу.", "Шэньчжэнь", "LITERAL"),
    # third set: a university's campus in another city in brackets, by its full name in traditional characters and
    # by its short name; a firm's growth in brackets stays the city
    ("zh", "香港科技大學(廣州)今年迎來首個開學季。", "廣州", "ORG_PART"),
    ("zh", "市政府將為中大(深圳)新增用地。", "深圳", "ORG_PART"),
    ("zh", "公司规模不断扩大(深圳)。", "深圳", "LITERAL"),
    # ... a professional body, a youth palace, light rail, a lion-dance troupe, campaigns named by the city
    ("zh", "代表團包括香港會計師公會的代表。", "香港", "ORG_PART"),
    ("zh", "孩子们周末去佛山青少年宫学画画。", "佛山", "ORG_PART"),
    ("zh", "澳门轻轨明年延伸到横琴。", "澳门", "ORG_PART"),
    ("zh", "香港夏国璋龙狮团前往佛山交流。", "香港", "ORG_PART"),
    ("zh", "各部门合力推动平安天津建设。", "天津", "ORG_PART"),
    ("zh", "各部门合力推动天津建设。", "天津", "LITERAL"),
    # ... Japanese beef ramen named by the city, a Korean association of residents, an Arabic restaurant
    ("ja", "蘭州牛肉ラーメンの歴史は長い。", "蘭州", "ORG_PART"),
    ("ko", "웨이하이 한인회는 행사에 협력하기로 했다.", "웨이하이", "ORG_PART"),
    ("ar", "يقع مطعم «بكين» في شارع عثمان بن عفان.", "بكين", "ORG_PART"),
    ("ar", "يقع المطعم في بكين قرب شارع كبير.", "بكين", "LITERAL"),
    # fourth set, Korean football copy: the side's standpoint and its manager; "a good fight" (선전, 善戰); the film
    # director in the city and the city itself stay the city
    ("ko", "베이징 입장에서도 김민재를 출전시키기 애매하다. 리그 경기에서 선수 기용이 어렵다.", "베이징", "ORG_PART"),
    ("ko", "슈퍼리그 경기에서 골을 넣었다. 로저 슈미트 베이징 감독은 선수 기용을 약속했다.", "베이징", "ORG_PART"),
    ("ko", "선수들은 값진 메달을 획득하는 선전을 펼쳤다.", "선전", "NOT_PLACE"),
    ("ko", "그는 베이징 감독으로 영화를 찍었다.", "베이징", "LITERAL"),
    ("ko", "대표단은 선전을 방문했다.", "선전", "LITERAL"),
]


test_what_the_words_around_a_name_say_it_names = one_label_test(CASES)


# a firm named by the city and a word once is that firm where the article writes the two words again; ships sailing
# to the port named so stay at the port
LABELS = [
    ("en", "The e-scooter firm Ningde Zhixiang opened. Ningde Zhixiang was set up by three partners.", "Ningde",
     ["ORG_PART", "ORG_PART"]),
    ("en", "Xiamen Port Holdings grew. Ships sailed to Xiamen Port last week.", "Xiamen", ["ORG_PART", "LITERAL"]),
]


test_each_mention_of_a_name = each_label_test(LABELS)
