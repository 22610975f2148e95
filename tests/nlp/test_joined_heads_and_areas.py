"""Classes of stop 58 (their classes, not their sentences), each with the counterpart that stays what it is.

Left by stop 57's round: a Chinese organisation's head that the segmenter joins to the verb after it (乌鲁木齐 |
海关监管, the customs) while a city's central districts (中心城区) stay the place; a Korean park named by two names
joined by a hyphen, the head written onto the second (쑤저우-인촨산업원), while two cities joined by a hyphen before a
route stay places; a Spanish or French festival whose theme is two words joined by "and" before the city (el festival
de hielo y nieve de Harbin), while two things joined by "and" that are no name's head stay the place.

From this stop's first set (read after it was measured): a council or an agreement named by the city, a hyphen and
another name (上海-新加坡全面合作理事会, 上海‐横浜友好交流協議書) while a route so written stays two places; the
exchanges of two names joined by a middle dot, the head written onto the last (상하이·선전증시); a Korean academy; a
list of cities that a count of exactly as many and a head end (酒泉、太原、西昌三大卫星发射中心, 3대 위성발사센터)
while a count of cities (三大城市) and a list before a verb stay places; a firm whose stake a verb names, its brand
unknown to the segmenter (持股珠海银隆) while a stake in a city's firms stays the place; a market named as a city of
its wares in Japanese (義烏小商品城).

From this stop's second set (read after it was measured): a Japanese place written like a Chinese city once after
its municipality without の (宮崎市青島) is that place wherever the article writes it, unless the article writes the name
as China's too; a Japanese firm whose name begins like a Chinese city (大同特殊鋼, Daido Steel); a city named after its
mountain beside a word of ranges (黄山、天目山余脉); a bay whose name holds two cities' abbreviations (深沪湾); a cup
named by the city, which the run-ending verb 挑战 no longer cuts (永利澳门挑战杯); a Korean school abroad (한국국제학교).

From this stop's third set (read after it was measured): a dateline with a name that has a sizeable namesake abroad
("PEKIN -") no longer vouches for China, so Pekin, Illinois, named in the article is that town; a Kangxi radical
printed for an ideograph (格力⾼) no longer cuts a firm's name before its legal form; a town's name that ends like
Beizhen (丹北镇); a Korean club named by its city once its full name took a side's particle in match copy (광저우
에버그란데와 ... 광저우는); a biennale and a union named by the city; a club named by its city and sponsor in Japanese
(重慶力帆).

From this stop's fourth set (read after it was measured): a street fused with the name in one of the segmenter's
words (中山北路, 南京东路) and a road's bridge that ends its phrase (哈尔滨路桥, a bridge of Harbin Road), while Luqiao before a
noun stays Taizhou's (台州路桥机场) and a street word apart from the name stays what it was; a news agency named by the
territory (香港中国通讯社, names.tsv); a Korean film's title quoted after the word for the work (영화 '하얼빈') and a team named
by its city past the city's Han gloss (옌볜(延邊) 축구팀) or its sponsor's word (상하이 포트); 선전 as a good showing that is
cheered or wished (선전을 응원했다); a film award named by the territory in Japanese (香港アカデミー賞); dishes named for the place
in French, Spanish, Italian and Portuguese (les raviolis de Shanghai).

From this stop's fifth set (read after it was measured): a regression of 2.91, a city written with its own 市 after a
Japanese municipality (神戸市天津市の友好都市, two cities without と) read as a place of that municipality in the whole article,
now the city again while 宮崎市青島 stays Aoshima; a listed company named like the city before its stock code
(鄂尔多斯(600295)); a property developer by its brand and trade (南通好瑞房产); a resort of the names table (澳门银河, Galaxy
Macau); a paper named in katakana and a power company in Japanese (重慶モーニングニュース, 上海電力); a Korean asset manager (상하이
로열웰스매니지먼트) and a port of entry, the city's own, after which 길림 before it is the province (길림 훈춘통상구).

Left by this stop's rounds, read in sets already measured: a club named by its city alone as a clause's subject in
match copy in the Latin-script languages, once the text has named it a side ("Guangzhou has spent $70 million", "that
way, Beijing looked the better side"), while the city after a preposition and outside match copy stays the place;
teams listed after the word for teams and a colon ("13 squadre: Tianjin, Shanghai, ..."), while cities so listed stay
places; a centre named in English with its city after it in any language's copy (o Brazil Center Shanghai); a title
in title case inside an English sentence ("reviewing Jia Zhangke, A Guy From Fenyang, ..."), while a sentence that
opens with a capitalised preposition and a headline in title case stay places; a Korean duty-free mall (싼야
하이뤼(海旅)면세점); a name quoted alone as a work's title once is that title wherever the article quotes it alone
again ('하얼빈'은 ... 영화로), while the same quoted name never read as a title stays the place.
Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import each_label_test

JOINED_HEADS = [
    ("zh", "经乌鲁木齐海关监管的进口货物比去年增加了三成。", "乌鲁木齐", ["ORG_PART"]),
    ("zh", "这批水果由南宁海关监管放行。", "南宁", ["ORG_PART"]),
    ("zh", "乌鲁木齐的进口货物比去年增加了三成。", "乌鲁木齐", ["LITERAL"]),
]

test_a_head_joined_to_its_verb_names_the_organisation = each_label_test(JOINED_HEADS)

CENTRAL_AREAS = [
    ("zh", "北京中心城区的房价今年又上涨了。", "北京", ["LITERAL"]),
    ("zh", "成都中心区域将新建三座公园。", "成都", ["LITERAL"]),
    ("zh", "上海中心大厦是这座城市最高的建筑。", "上海", ["ORG_PART"]),
]

test_a_citys_central_districts_are_the_place = each_label_test(CENTRAL_AREAS)

HYPHENATED = [
    ("ko", "쑤저우-인촨산업원은 올해 기업 열 곳을 새로 유치했다.", "쑤저우", ["ORG_PART"]),
    ("ko", "쑤저우-인촨산업원은 올해 기업 열 곳을 새로 유치했다.", "인촨", ["ORG_PART"]),
    ("ko", "그 회사는 쑤저우-싱가포르 공업원구에 공장을 세웠다.", "쑤저우", ["ORG_PART"]),
    ("ko", "베이징-상하이 고속철도 승객이 크게 늘었다.", "베이징", ["LITERAL"]),
]

test_names_joined_by_a_hyphen_share_the_head = each_label_test(HYPHENATED)

THEMES = [
    ("es", "Miles de turistas visitan cada invierno el festival de hielo y nieve de Harbin.", "Harbin", ["ORG_PART"]),
    ("fr", "Le festival de glace et neige de Harbin a ouvert ses portes vendredi.", "Harbin", ["ORG_PART"]),
    ("es", "Visitó la universidad y el hospital de Pekín durante su viaje.", "Pekín", ["LITERAL"]),
    ("es", "Las exportaciones de acero y aluminio de Shanghái crecieron este año.", "Shanghái", ["LITERAL"]),
]

test_a_theme_joined_by_and_stays_in_the_name = each_label_test(THEMES)

HYPHEN_JOINED = [
    ("zh", "明年是广州-新加坡合作理事会成立十周年。", "广州", ["ORG_PART"]),
    ("ja", "両市の代表は「大連‐北九州友好交流協議書」に署名した。", "大連", ["ORG_PART"]),
    ("zh", "广州-新加坡航线下月恢复，每周四班。", "广州", ["LITERAL"]),
]

test_a_head_after_a_hyphen_joined_name_names_both = each_label_test(HYPHEN_JOINED)

KOREAN_HEADS = [
    ("ko", "베이징·선전증시 거래대금이 모두 늘었다.", "베이징", ["ORG_PART"]),
    ("ko", "그 로켓은 베이징 우주기술아카데미가 설계했다.", "베이징", ["ORG_PART"]),
    ("ko", "베이징·선전에서 관광객이 늘었다.", "베이징", ["LITERAL"]),
]

test_korean_heads_of_joined_names_and_academies = each_label_test(KOREAN_HEADS)

COUNTED_LISTS = [
    ("zh", "与大连、青岛、宁波三大港务集团相比，这家公司规模较小。", "大连", ["ORG_PART"]),
    ("zh", "与大连、青岛、宁波三大港务集团相比，这家公司规模较小。", "青岛", ["ORG_PART"]),
    ("ko", "광저우, 선전 양대 증권거래소가 오늘 휴장했다.", "광저우", ["ORG_PART"]),
    ("zh", "大连、青岛、宁波三大城市的房价今年上涨。", "大连", ["LITERAL"]),
    ("zh", "公司今年在大连、青岛设立研发中心。", "大连", ["LITERAL"]),
]

test_a_counted_list_shares_its_head = each_label_test(COUNTED_LISTS)

STAKES = [
    ("zh", "格力的董事长说，她持股珠海银隆并非本意。", "珠海", ["ORG_PART"]),
    ("zh", "这家基金今年增持深圳本地企业的股份。", "深圳", ["LITERAL"]),
    ("zh", "他们去年收购上海的一家工厂。", "上海", ["LITERAL"]),
]

test_a_stake_names_the_firm = each_label_test(STAKES)

MARKETS = [
    ("ja", "その商品の多くは義烏小商品城で売られている。", "義烏", ["ORG_PART"]),
    ("ja", "その商品の多くは義烏で作られている。", "義烏", ["LITERAL"]),
]

test_a_market_named_as_a_city_of_wares = each_label_test(MARKETS)

JAPANESE_NAMESAKES = [
    ("ja", "宮崎市青島の海岸を朝から歩いた。青島は夏になると観光客でにぎわう。", "青島", ["OTHER_PLACE"]),
    ("ja", "大同特殊鋼の株価は今月に入って上昇した。", "大同", []),
    ("ja", "那覇市の福州園を訪れた代表団は、中国福建省福州市から来た。", "福州市", ["LITERAL"]),
    ("ja", "山西省大同市の炭鉱で事故が起きた。", "大同市", ["LITERAL"]),
]

test_japanese_places_and_firms_written_like_chinese_cities = each_label_test(JAPANESE_NAMESAKES)

MOUNTAINS_BAYS_CUPS = [
    ("zh", "这座县城坐落于黄山、天目山余脉之间。", "黄山", ["NOT_PLACE"]),
    ("zh", "黄山市今年接待的游客比去年增加两成。", "黄山市", ["LITERAL"]),
    ("zh", "沿海依次是湄洲湾、深沪湾和围头湾。", "沪", []),
    ("zh", "沪深两市今天双双上涨。", "沪", ["ORG_PART"]),
    ("zh", "本周的赛事还包括银河珠海挑战杯。", "珠海", ["ORG_PART"]),
    ("zh", "他今年来到珠海挑战自我。", "珠海", ["LITERAL"]),
    ("ko", "선양 한국국제학교에서 졸업식이 열렸다.", "선양", ["ORG_PART"]),
    ("ko", "선양에서 졸업식이 열렸다.", "선양", ["LITERAL"]),
]

test_mountains_bays_cups_and_schools = each_label_test(MOUNTAINS_BAYS_CUPS)

DATELINES_AND_RADICALS = [
    ("en", "PEKIN - A grain company will buy the Illinois feed mill in Pekin next month. The Pekin mill employs 40.",
     "Pekin", ["OTHER_PLACE", "OTHER_PLACE"]),
    ("en", "BEIJING - China will cut tariffs next month, the commerce ministry said in Beijing.", "Beijing",
     ["LITERAL"]),
    ("ja", "同社は「大連松下⾼新電子有限公司」を新たに設立した。", "大連", ["ORG_PART"]),
    ("zh", "调研组一行来到岗北镇新建的家庭农场。", "北镇", []),
    ("zh", "辽宁北镇的医巫闾山是一座名山。", "北镇", ["LITERAL"]),
]

test_datelines_radicals_and_towns = each_label_test(DATELINES_AND_RADICALS)

SIDES_AND_EVENTS = [
    ("ko", "수원은 홈경기에서 광저우 에버그란데와 2-2로 비겼다. 리그 선두 수원은 승점 1을 보탰고, 광저우는 2무가 됐다.",
     "광저우", ["ORG_PART", "ORG_PART"]),
    ("ko", "수원은 광저우 에버그란데와 계약을 맺었다. 광저우는 인구가 많은 도시다.", "광저우", ["ORG_PART", "LITERAL"]),
    ("fr", "La Biennale de Shanghai ouvre ses portes samedi.", "Shanghai", ["ORG_PART"]),
    ("fr", "Elle expose ses œuvres à Shanghai depuis samedi.", "Shanghai", ["LITERAL"]),
    ("zh", "澳门建筑业工会理事长出席了仪式。", "澳门", ["ORG_PART"]),
    ("ja", "その選手は中国の重慶力帆から移籍した。", "重慶", ["ORG_PART"]),
]

test_sides_biennales_unions_and_clubs = each_label_test(SIDES_AND_EVENTS)

STREETS_AND_AGENCIES = [
    ("zh", "游客沿着南京东路一直走到外滩。", "南京", []),
    ("zh", "公交车过了中山北路就到站了。", "中山", []),
    ("zh", "河水从嘉兴路桥、哈尔滨路桥下流过。", "哈尔滨", []),
    ("zh", "河水从嘉兴路桥、哈尔滨路桥下流过。", "嘉兴", []),
    ("zh", "航班从台州路桥机场起飞。", "台州", ["ORG_PART"]),
    ("zh", "游客从南京来到上海。", "南京", ["LITERAL"]),
    ("zh", "消息来源:香港中国通讯社。", "香港", ["ORG_PART"]),
    ("zh", "消息来源:香港的一家通讯社。", "香港", ["LITERAL"]),
]

test_fused_streets_road_bridges_and_an_agency = each_label_test(STREETS_AND_AGENCIES)

TITLES_TEAMS_AND_DISHES = [
    ("ko", "시청은 삼일절에 영화 '하얼빈'을 무료로 상영한다.", "하얼빈", ["ORG_PART"]),
    ("ko", "그는 '하얼빈'에 간다고 말했다.", "하얼빈", ["LITERAL"]),
    ("ko", "중국 옌볜(延邊) 축구팀이 다음 달 친선 경기를 연다.", "옌볜", ["ORG_PART"]),
    ("ko", "중국 옌볜(延邊)에서 다음 달 친선 경기가 열린다.", "옌볜", ["LITERAL"]),
    ("ko", "울산은 원정 경기에서 상하이 포트와 0-0으로 비겼다.", "상하이", ["ORG_PART"]),
    ("ko", "울산은 원정 경기에서 상하이에서 0-0으로 비겼다.", "상하이", ["LITERAL"]),
    ("ja", "その作品は香港アカデミー賞で五部門を受賞した。", "香港", ["ORG_PART"]),
    ("it", "In via Paolo Sarpi si mangiano i ravioli di Shanghai.", "Shanghai", ["ORG_PART"]),
    ("fr", "Le chef prépare des nouilles de Lanzhou tous les midis.", "Lanzhou", ["ORG_PART"]),
    ("es", "El restaurante sirve fideos de Lanzhou desde junio.", "Lanzhou", ["ORG_PART"]),
    ("pt", "O restaurante serve ravióis de Xangai desde junho.", "Xangai", ["ORG_PART"]),
    ("it", "La cuoca è tornata a Shanghai dopo dieci anni.", "Shanghai", ["LITERAL"]),
    ("ko", "시장은 선수들의 아시안게임 선전을 응원했다.", "선전", ["NOT_PLACE"]),
    ("ko", "시장은 선전을 방문해 기업인들을 만났다.", "선전", ["LITERAL"]),
]

test_quoted_films_teams_awards_and_dishes = each_label_test(TITLES_TEAMS_AND_DISHES)

CITIES_FIRMS_AND_PORTS = [
    ("ja", "神戸市天津市の友好都市締結を記念した。天津市では市長に面会した。", "天津市", ["LITERAL", "LITERAL"]),
    ("ja", "宮崎市青島の海岸を歩いた。青島は神話の島だ。", "青島", ["OTHER_PLACE"]),
    ("zh", "鄂尔多斯(600295)今日股价上涨三个百分点。", "鄂尔多斯", ["ORG_PART"]),
    ("zh", "鄂尔多斯今日气温上升三度。", "鄂尔多斯", ["LITERAL"]),
    ("zh", "参与竞拍的企业包括南通好瑞房产等。", "南通", ["ORG_PART"]),
    ("zh", "南通房产成交量今年下降。", "南通", ["LITERAL"]),
    ("zh", "澳门银河今年接待了更多旅客。", "澳门", ["ORG_PART"]),
    ("ja", "重慶モーニングニュースによると、新線が着工した。", "重慶", ["ORG_PART"]),
    ("ja", "上海電力が日本で太陽光発電所を建設した。", "上海", ["ORG_PART"]),
    ("ja", "上海の電力需要が夏に急増した。", "上海", ["LITERAL"]),
    ("ko", "상하이 로열웰스매니지먼트의 펀드매니저는 전망했다.", "상하이", ["ORG_PART"]),
    ("ko", "길림 훈춘통상구에는 화물차가 줄지어 서 있다.", "길림", []),
    ("ko", "길림 훈춘통상구에는 화물차가 줄지어 서 있다.", "훈춘", ["LITERAL"]),
]

test_cities_firms_and_ports = each_label_test(CITIES_FIRMS_AND_PORTS)

MATCH_SUBJECTS = [
    ("en", "Guangzhou Evergrande beat Seoul 2-1 in the final after a late goal, and the coach praised the striker, the "
     "midfielder and the goalkeeper for the league title. The owners have been generous for years.\nGuangzhou has "
     "spent more than $70 million since 2010 to bring in foreign stars from abroad.", "Guangzhou",
     ["ORG_PART", "ORG_PART"]),
    ("en", "Shanghai Port beat Beijing Guoan 3-1 in the league, their striker scored twice and the coach blamed the "
     "goalkeeper for the goals. Many had thought otherwise before the day began. Any concern that Beijing would "
     "recover quickly was gone by the spring.", "Beijing", ["ORG_PART", "ORG_PART"]),
    ("en", "Guangzhou Evergrande beat Seoul 2-1 in the final after a late goal, and the coach praised the striker, the "
     "midfielder and the goalkeeper for the league title. The owners have been generous for years.\nMany fans "
     "returned to Guangzhou in 2019 to see the stars from abroad.", "Guangzhou", ["ORG_PART", "LITERAL"]),
    ("en", "Guangzhou Evergrande is a property developer with debts of $300 billion. The owners have been generous "
     "for years.\nGuangzhou has spent more than $70 million on new parks since 2010.", "Guangzhou",
     ["ORG_PART", "LITERAL"]),
]

test_a_club_named_by_its_city_opens_a_clause_in_match_copy = each_label_test(MATCH_SUBJECTS)

LISTED_TEAMS_AND_CENTRES = [
    ("it", "Al campionato parteciperanno 13 squadre: Tianjin, Shandong, Jiangsu, Shanghai, Liaoning e Hebei.",
     "Shanghai", ["ORG_PART"]),
    ("es", "En el torneo participan ocho equipos: Shanghái, Cantón, Wuhan y Chengdu.", "Cantón", ["ORG_PART"]),
    ("de", "An der Runde nehmen vier Mannschaften teil: Peking, Kanton, Wuhan und Chengdu.", "Kanton", ["ORG_PART"]),
    ("it", "La delegazione visiterà tre città: Tianjin, Shanghai e Pechino.", "Shanghai", ["LITERAL"]),
    ("pt", "O Brazil Center Shanghai foi inaugurado ontem.", "Shanghai", ["ORG_PART"]),
    ("pt", "O centro de Xangai recebeu a feira ontem.", "Xangai", ["LITERAL"]),
]

test_listed_teams_and_english_centres = each_label_test(LISTED_TEAMS_AND_CENTRES)

TITLES_AND_MALLS = [
    ("en", "That said, in reviewing Jia Zhangke, A Guy From Fenyang, there is a temptation to talk about his films.",
     "Fenyang", ["ORG_PART"]),
    ("en", "From Fenyang, the bus runs to Taiyuan twice a day and takes about two hours.", "Fenyang", ["LITERAL"]),
    ("en", "Tourists Return From Fenyang After Long Wait", "Fenyang", ["LITERAL"]),
    ("ko", "싼야 하이뤼(海旅)면세점이 다음 달 문을 연다.", "싼야", ["ORG_PART"]),
    ("ko", "싼야의 면세점은 관광객으로 붐볐다.", "싼야", ["LITERAL"]),
]

test_titles_in_title_case_and_duty_free_malls = each_label_test(TITLES_AND_MALLS)

QUOTED_AGAIN = [
    ("ko", "시청은 영화 '하얼빈'을 무료로 상영한다. '하얼빈'은 독립군의 여정을 담아낸 영화로 관객을 모았다.", "하얼빈",
     ["ORG_PART", "ORG_PART"]),
    ("en", 'The film "Harbin" opened on Friday. "Harbin" drew a large audience in its first week.', "Harbin",
     ["ORG_PART", "ORG_PART"]),
    ("ko", "그는 '하얼빈'에 간다고 말했다. '하얼빈'은 겨울에 춥다.", "하얼빈", ["LITERAL", "LITERAL"]),
]

test_a_title_quoted_alone_again = each_label_test(QUOTED_AGAIN)
