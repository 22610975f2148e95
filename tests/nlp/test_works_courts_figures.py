"""What the words around a name say it names, from the classes left by stop 52's batches and read in stop 53's (their
classes, not their sentences; each batch measured once before its classes were read). A works named by its trade
after the city (上海造船厂, 瑞安红旗汽配厂), against a firm's plant named by the city alone and a plant set up in the
city; the seat's province in brackets inside a court's or an event's name ("The Lincang (Yunnan Province) Intermediate
Court"); "a new X" quoted after a space, as typeset text writes it. From stop 53's first set: a ship quoted with the
comma inside the quotation marks before what it is; a club written with the article in Portuguese copy about its
players. From the second set: a Japanese name with its reading in kana (大連(だいれん)), an airport named past the
reading of the name and its district, a hotel by its brand, a steel maker, a university's short name, a custom and a
song named for the city; the districts of a city named in a list beside its county-level cities. From the third and
fourth sets (``THIRD``): an institute named by its city after a clause of "as", rivers after the word for river,
centres, squares, music, a rail service, a tower and a company group named by the city, joint ventures without a
hyphen, Korean clubs, brands, districts, venues and quoted titles with a year, races named by the city and a host in
brackets after a bilateral scope. Each with the counterpart that stays what it is.
Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import each_label_test, one_label_test

CASES = [
    # a works named by its trade after the city; a firm's plant named by the city alone, a plant set up or built in
    # the city and a verb before a works' name stay the city
    ("zh", "上海造船厂去年交付了十二艘货轮。", "上海", "ORG_PART"),
    ("zh", "他在北京第一机床厂当了二十年钳工。", "北京", "ORG_PART"),
    ("zh", "浙江瑞安红旗汽配厂的工人上周停工。", "瑞安", "ORG_PART"),
    ("zh", "富士康鄭州廠周四向新員工致歉。", "鄭州", "LITERAL"),
    ("zh", "多家面板企业在苏州设厂,带动了上下游产业。", "苏州", "LITERAL"),
    ("zh", "他们只好去泉州请制革厂的师傅来指导。", "泉州", "LITERAL"),
    ("zh", "公司在上海新厂的投产推迟到明年。", "上海", "LITERAL"),
    # the seat's province in brackets inside a court's name; a city with its province in brackets before a verb
    # stays the city
    ("en", "The Lincang (Yunnan Province) Intermediate Court sentenced the two men on Friday.", "Lincang", "ORG_PART"),
    ("en", "The Ganzhou (Jiangxi) Intermediate People's Court heard the case in May.", "Ganzhou", "ORG_PART"),
    ("en", "Police in Lincang (Yunnan Province) closed the border crossing.", "Lincang", "LITERAL"),
    # "a new X" quoted after a space: another place compared with the city; a new Fuzhou unquoted stays the city
    ("zh", "先辈们在沙捞越开辟出一个 “新福州”。", "福州", "NOT_PLACE"),
    ("zh", "一个全新的福州正在崛起。", "福州", "LITERAL"),
    # a ship's name with the comma inside the closing quote, as American punctuation writes it, before what it is and
    # its participle ("a vessel operated by"); a quotation that ends with the city before its speaker stays the city
    ("en", 'The "Xin Guangzhou," a vessel operated by a state shipping line, docked on Monday.', "Guangzhou", "ORG_PART"),
    ("en", '"We will always love Guangzhou," a spokesman for the band said.', "Guangzhou", "LITERAL"),
    # the article before a club in copy about its players and its club (Portuguese writes a city without one)
    ("pt", "Os contratos dos jogadores foram rescindidos pelo clube, disse o Wuhan em comunicado.", "Wuhan", "ORG_PART"),
    ("pt", "O presidente do clube viajou para Wuhan na semana passada.", "Wuhan", "LITERAL"),
    # from the second set: a name with its reading in kana, which Sudachi's dictionary holds as one word, is found;
    # an airport named after the reading of the name and its district; a hotel by its brand after the name; a steel
    # maker and a university by its short name; a custom and a song named for the city. Their counterparts: the
    # city's airport, hotel, steel and university, and morning tea drunk in the city
    ("ja", "視察団は大連(だいれん)に到着した。", "大連", "LITERAL"),
    ("ja", "仙台空港と大連周水子(しゅうすいし)空港を結ぶ便が再開した。", "大連", "ORG_PART"),
    ("ja", "一行は大連(だいれん)の空港に到着した。", "大連", "LITERAL"),
    ("ja", "浙江省の寧波シェラトンで商談会を開いた。", "寧波", "ORG_PART"),
    ("ja", "一行は寧波のホテルに泊まった。", "寧波", "LITERAL"),
    ("ja", "首鋼と武漢鋼鉄が合併を発表した。", "武漢", "ORG_PART"),
    ("ja", "武漢の鉄鋼生産が伸びた。", "武漢", "LITERAL"),
    ("ja", "北京師範大の教授が講演した。", "北京", "ORG_PART"),
    ("ja", "北京の大学で講演した。", "北京", "LITERAL"),
    ("zh", "早上吃了一顿广州早茶。", "广州", "ORG_PART"),
    ("zh", "演员表演了一段扬州清曲。", "扬州", "ORG_PART"),
    ("zh", "他每天早上在扬州喝早茶。", "扬州", "LITERAL"),
    # a district of a city the article names with two readings (Suzhou), beside two of its county-level cities, is
    # that city's district, not the city of that name elsewhere; the city of that name with its own prefecture's
    # city beside it stays that city
    ("en", "Suzhou has five districts, among them Gusu, Wuzhong and Xiangcheng, and county-level cities such as Kunshan "
           "and Changshu.", "Xiangcheng", "NOT_PLACE"),
    ("en", "Farmers from Xiangcheng and Zhoukou sold their wheat in Kunshan.", "Xiangcheng", "LITERAL"),
]

# from the third set: an institute named earlier and then by its city alone, after a clause of "as" whose head says
# what it is; a river after the word for river in Romance languages. Their counterparts: a clause of "as" whose
# phrase ends in an adjective, and the city beside the word for river. Then the classes of the third set's Chinese and
# Japanese batches
THIRD = [
    ("en", "The Chengdu Aircraft Design Institute opened its doors to visitors. As the country's oldest aircraft design "
           "institute, Chengdu has built many fighters.", "Chengdu", ["ORG_PART", "ORG_PART"]),
    ("en", "As a city famous for its pandas, Chengdu draws crowds all year.", "Chengdu", ["LITERAL"]),
    ("it", "La città sorge sulla riva nord del fiume Lhasa.", "Lhasa", ["NOT_PLACE"]),
    ("it", "La città di Lhasa sorge sulla riva del fiume.", "Lhasa", ["LITERAL"]),
    ("es", "Navegamos por el río Lijiang durante cuatro horas.", "Lijiang", ["NOT_PLACE"]),
    ("es", "Llegamos a Lijiang en tren desde Kunming.", "Lijiang", ["LITERAL"]),
    # a centre whose name goes on past 多 (multimodal), against 多 "many"; a square named for Sun Yat-sen in another
    # city, against the city of Zhongshan; a music named for the place; a rail service with its city in brackets,
    # against trains from the city; a tower and a company group named by the city, against the city and a group tour
    ("zh", "大连多式联运中心明年投入使用。", "大连", ["ORG_PART"]),
    ("zh", "大连多家企业参加了展会。", "大连", ["LITERAL"]),
    ("zh", "市民在长春中山广场放风筝。", "中山", ["ORG_PART"]),
    ("zh", "他从中山来到广州打工。", "中山", ["LITERAL"]),
    ("zh", "演出中有一段潮州大锣鼓。", "潮州", ["ORG_PART"]),
    ("zh", "中欧班列(成都)本月开行五十列。", "成都", ["ORG_PART"]),
    ("zh", "从成都开出的班列抵达波兰。", "成都", ["LITERAL"]),
    ("ja", "岳陽楼から洞庭湖を眺めた。", "岳陽", ["ORG_PART"]),
    ("ja", "岳陽から長沙へ向かった。", "岳陽", ["LITERAL"]),
    ("ja", "広州華南グループが新工場を建設した。", "広州", ["ORG_PART"]),
    ("ja", "上海のグループ旅行に参加した。", "上海", ["LITERAL"]),
    # from the fourth set: a joint venture named by the city and its foreign partner without the hyphen; the city
    # before a partner's name in lower case stays the city
    ("en", "Parts go to Tianjin Toyota's Xiqing plant and Guangzhou Honda's main works.", "Tianjin", ["ORG_PART"]),
    ("en", "Toyota makes cars in Tianjin for the local market.", "Tianjin", ["LITERAL"]),
    # Korean: a club whose FC is written against the name, a subsidiary with its parent's Latin brand written against
    # it, and a district of a city written beside it (the districts are held by their pinyin names); their counterparts
    ("ko", "2015년 창단한 다롄FC는 리그에서 탈퇴했다.", "다롄", ["ORG_PART"]),
    ("ko", "다롄에서 축구 경기가 열렸다.", "다롄", ["LITERAL"]),
    ("ko", "LG는 자회사 LG난징을 세웠다.", "난징", ["ORG_PART"]),
    ("ko", "LG는 난징에 공장을 세웠다.", "난징", ["LITERAL"]),
    ("ko", "관광객들이 중국 쑤저우 우중 지역의 호숫가를 걸었다.", "우중", ["NOT_PLACE"]),
    ("ko", "닝샤 우중에서 축제가 열렸다.", "우중", ["LITERAL"]),
    # a race named by the city (a word of three characters or more ending in 赛), against the city's contestants; a
    # base with its host in brackets after a bilateral scope, against a person's city in brackets
    ("zh", "今年的兰州绕圈赛吸引了上万名观众。", "兰州", ["ORG_PART"]),
    ("zh", "兰州参赛选手获得了第二名。", "兰州", ["LITERAL"]),
    ("zh", "他是中吉(喀什)物流合作中心的经理。", "喀什", ["ORG_PART"]),
    # Korean: a venue whose head follows the name past two modifiers, none with a particle; the city's downtown
    ("ko", "대회는 청두 스마트 스포츠 센터에서 열린다.", "청두", ["ORG_PART"]),
    ("ko", "청두 시내 곳곳에서 행사가 열린다.", "청두", ["LITERAL"]),
    # a quoted title that opens with its edition's year before the name (an event), against a quoted remark that
    # opens with a year written with 年
    ("ko", "시는 ‘2024 다롄 청년 창업 살롱’ 행사를 열었다.", "다롄", ["ORG_PART"]),
    ("zh", "“2024年杭州的变化很大”,他说。", "杭州", ["LITERAL"]),
    # from the fifth set, read after it was measured (development now): an airline's and a campus's short names right
    # after the name, and "the inland X" quoted; the city's shipping industry and the city itself stay the city
    ("zh", "这条航线由重庆航每周三班执飞。", "重庆", ["ORG_PART"]),
    ("zh", "天津航运业发展迅速。", "天津", ["LITERAL"]),
    ("zh", "他担任宜昌校区的党委书记。", "宜昌", ["ORG_PART"]),
    ("zh", "他在宜昌读书。", "宜昌", ["LITERAL"]),
    ("zh", "这座小城被称为“内陆厦门”。", "厦门", ["NOT_PLACE"]),
    # a Korean firm's legal form at the end of its name past two words; an English street word capitalised after the
    # name in Italian; their counterparts
    ("ko", "이 구장은 다롄 동방 부동산개발유한공사가 운영한다.", "다롄", ["ORG_PART"]),
    ("ko", "다롄 시내 회사들이 문을 닫았다.", "다롄", ["LITERAL"]),
    ("it", "I manifestanti si erano radunati a Urumqi Road, nel centro della città.", "Urumqi", ["NOT_PLACE"]),
    ("it", "La polizia ha arrestato manifestanti a Urumqi.", "Urumqi", ["LITERAL"]),
    # a place jieba holds as one word made of the name and another place's name or the city's unit (it was not found
    # at all); not the name and a word of another kind (白山黑水, the north-east); a paper named by the city
    ("zh", "游客聚集在北京天安门广场。", "北京", ["LITERAL"]),
    ("zh", "他参观了北京故宫博物院。", "北京", ["ORG_PART"]),
    ("zh", "澳门特区成立以后发展很快。", "澳门", ["LITERAL"]),
    ("zh", "白山黑水,美丽的东北。", "白山", []),
    ("zh", "深圳特区报报道了这件事。", "深圳", ["ORG_PART"]),
    # ... and the city with one of its parts that jieba joins to it (a prefecture's area, a port, a station), or with
    # a name that ends in an organisation's head (an airport); not a river or a street named like it
    ("zh", "平凉地区的农民种植苹果。", "平凉", ["LITERAL"]),
    ("zh", "货轮驶入天津港。", "天津", ["LITERAL"]),
    ("zh", "他在长春站下车。", "长春", ["LITERAL"]),
    ("zh", "航班从广州白云机场起飞。", "广州", ["ORG_PART"]),
    ("zh", "拉萨河两岸风景优美。", "拉萨", []),
    ("zh", "他住在衡阳路。", "衡阳", []),
]

test_the_third_sets_classes = each_label_test(THIRD)

test_what_the_words_around_a_name_say_it_names = one_label_test(CASES)
