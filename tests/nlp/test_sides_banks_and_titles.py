"""Classes of stop 59's first set (their classes, not their sentences), each with the counterpart that stays what it is.

Match copy that names a club by its city alone once it has named it a side: after the preposition Dutch and German
write before the club a coach or player is with ("een contract bij Shenzhen", "Vertrag bei Shenzhen"), while "in" keeps
the place; a Chinese side that opens a clause holding its home or away game further on (南京将于…主场对阵…), while a
clause without one stays the place; fixtures and watching them as words of sport (主场对阵, 到场观赛); a rival beaten
after Spanish's personal "a" ("tras derrotar a Wuhan"), while travel to the city stays the place, and so does a city
that another passes outside match copy ("overtook Wuhan in economic output"); a Korean club by its two Latin letters
after a space (칭다오 FC) and by the word for a club past a name of its own (…축구클럽). Dutch and Spanish match copy
recognised by the league's name in English or Spanish and a club's suffix (Chinese Super League, Superliga, FC).

Names of organisations: rural and city commercial banks and credit co-operatives by their short names (大连农商行,
宁波鄞州农商行), while a co-operative after 的 is the city's; a Masters tournament in Japanese (上海マスターズ).

Quoted titles: the same quoted title named again is that title again (a documentary quoted twice), and every name
inside a title quoted with Chinese or Japanese title marks that opens with a name read as part of one is the title's
(a festival's name and its subtitle), while speech quoted in straight quotes that opens with a club stays what each
name is.
From this stop's second set (read after it was measured): names in characters joined by a dash, spaced or not, that
share the head written against the last (深セン – 香港…研究所), while a route so written stays two places; a firm named by
a brand before the city's name and registered with its legal form (日立蘇州有限公司) wherever the article writes the brand
and the name together, while the name alone stays the city; a firm's name of the city and an acronym (Suzhou KTEC), as
capitalised words already were, while an acronym of the city's own (Hong Kong SAR) stays the place; a clan
association's hall abroad (恩平公所); a Korean daily, fair and language institute named by their city (상하이 데일리,
광저우 캔톤페어, 항저우 세종학당), while a fair in the city stays the place.
From this stop's third set (read after it was measured): dishes and produce named for the place (潮州萝卜糕, 福州面,
抚远蔓越莓), while the same words after 的 and a word that only begins like a dish (上海面积) stay the place; a Korean
tournament named by a tour's acronym before the city (뷰익 LPGA 상하이), while a tournament in the city stays the place;
a coach's club in brackets after the coach's name in match copy (Marco Rossi (Wuhan)), while a professor's city so
written outside match copy stays the place.
From this stop's fourth set (read after it was measured): a Chinese person's name in German, whose surnames are read
less German's own function words only (Ma Jian), while Italian "Ma" ("but") before the city stays a word; folk arts,
a bookshop and a college named by the city (辽阳二人转, 南昌新华书城, 南昌师范高等专科学校), while the art after 的
stays the place; a Korean week of events (마카오 위크); a carmaker's company named by its brand's letters in brackets
and the city (比亜迪(BYD)合肥), while two letters after a city's name (香港(HK)深圳) are no brand.
From this stop's fifth set (read after it was measured): Korean 선양 as "promotion" after the prestige promoted (국위
선양), while 선양 after other words stays the city; a Malaysian state written with its 州 before a namesake town
(霹雳州安顺市), while a Chinese province before it keeps the city; a Korean quoted title that opens with the name and
ends with an organisation's head, past an English gloss in brackets (‘상해 … 박람회(K-FISH Fair)’), while a quoted
remark that ends with one after a particle stays the place. Also from the fourth set: a trade fair's brand written
before the city in any language (Intertextile Shanghai, 인터텍스타일 상하이), while the brand's word apart from the
name leaves the place. And from the third set: a Chinese quotation whose words a space separates is a campaign's
or an event's title (“漳州地标 山海盛宴”), as in Japanese, while a list of names so set apart (“北京 上海 广州”) stays
the places, and so does a name before 的 in one (“美食专列 来自泉州的味道”). From the first set: a centre's seat in
brackets inside its name (包头(广州)创新人才中心), while the city centre (市中心) after the bracket is the place's.
From the second set: a historic form after the word for a kind of firm is that firm, there and where it later opens
a clause alone ("the carmaker Changan" ... "Changan said"), while the same form told as the city's old name stays the
place. And where a company is listed, in Spanish, Italian and Portuguese as in English and French ("que cotiza en Hong
Kong", "quotata a Hong Kong", "cotada em Hong Kong"), while an office or a job there stays the place. From the third
set: a French tournament of a tour by its host (l'ATP 500 de Pékin), while the tour's players arriving there stay the
place; a former residence kept as a museum by the city's name (北京宋庆龄故居), while one in the city after 的 is the
place's; a dish in the place's style (厦门式润饼), while the style of life stays the place; a Korean tour's event by its
series or sponsor before the city (WTT 챔피언스 충칭, 뷰익 상하이), while the Champions League's word stays apart. From
the first set: a city named after its mountain in a text on World Heritage is the mountain (武夷山 listed among the
properties), while the same text with the city's 市 keeps the city.
Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import each_label_test

SIDES = [
    ("nl", "De trainer tekende vorige week bij Chengdu FC. De club staat na tien competitiewedstrijden op de zesde plaats "
     "in de Chinese Super League, met de spits als topscorer. Hij blijft twee seizoenen bij Chengdu.", "Chengdu",
     ["ORG_PART", "ORG_PART"]),
    ("nl", "De trainer tekende vorige week bij Chengdu FC. De club staat na tien competitiewedstrijden op de zesde plaats "
     "in de Chinese Super League, met de spits als topscorer. Hij woont nu in Chengdu.", "Chengdu",
     ["ORG_PART", "LITERAL"]),
    ("de", "Der Trainer unterschrieb bei Wuhan FC. Der Verein liegt in der Super League auf Platz drei, der Stürmer traf "
     "in der Saison zwölfmal, der Torwart hielt zwei Elfmeter. Sein Vertrag bei Wuhan läuft zwei Jahre.", "Wuhan",
     ["ORG_PART", "ORG_PART"]),
    ("zh", "本轮比赛，徐州队客场对阵淮安队，球迷到场观赛。下一轮联赛，淮安将于周六在主场对阵宿迁队的比赛。", "淮安",
     ["ORG_PART", "ORG_PART"]),
    ("zh", "本轮比赛，徐州队客场对阵淮安队，球迷到场观赛。下一周，淮安将于周六迎来降温。", "淮安",
     ["ORG_PART", "LITERAL"]),
    ("zh", "周日盐城主场对阵泰州，吸引五千人观赛。", "盐城", ["ORG_PART"]),
    ("es", "El club terminó la temporada de la Superliga en la décima plaza tras derrotar a Wuhan (2-1) en la última "
     "jornada; el portero y el delantero renovaron.", "Wuhan", ["ORG_PART"]),
    ("es", "El club terminó la temporada de la Superliga en la décima plaza; después el equipo viajó a Wuhan para una "
     "gira con el portero y el delantero.", "Wuhan", ["LITERAL"]),
    ("en", "Last year Chengdu overtook Wuhan in economic output, the statistics bureau said.", "Wuhan", ["LITERAL"]),
    ("ko", "결승전에서 우리 팀은 칭다오 FC를 3대 1로 이겼다.", "칭다오", ["ORG_PART"]),
    ("ko", "칭다오 신리에잉 축구클럽이 대회를 후원했다.", "칭다오", ["ORG_PART"]),
    ("ko", "대표단은 칭다오에서 축구 경기를 관람했다.", "칭다오", ["LITERAL"]),
]

test_sides_in_match_copy = each_label_test(SIDES)

NAMES = [
    ("zh", "监管部门对大连农商行开出罚单。", "大连", ["ORG_PART"]),
    ("zh", "記者聯繫了寧波鄞州農商行。", "寧波", ["ORG_PART"]),
    ("zh", "大连的农村信用社数量不少。", "大连", ["LITERAL"]),
    ("ja", "錦織は上海マスターズで準決勝に進んだ。", "上海", ["ORG_PART"]),
    ("ja", "錦織は上海で準決勝に進んだ。", "上海", ["LITERAL"]),
]

test_banks_and_tournaments = each_label_test(NAMES)

QUOTATIONS = [
    ("pt", 'O documentário "Chen Ling, Uma Mulher de Yangzhou" percorre a cidade. "Chen Ling, Uma Mulher de Yangzhou" '
     "estreia dia 3, às 22h.", "Yangzhou", ["ORG_PART", "ORG_PART"]),
    ("ja", "「香港フードフェア2025 Taste of Hong Kong 香港の味」が大阪で始まった。", "香港", ["ORG_PART", "ORG_PART"]),
    ("ja", "彼は「上海に行った」と話した。", "上海", ["LITERAL"]),
    ("en", '"Beijing Guoan lost, but Shanghai was cold," he said.', "Shanghai", ["LITERAL"]),
]

test_quoted_titles = each_label_test(QUOTATIONS)

SECOND_SET = [
    ("ja", "深セン – 香港海洋研究所が昨年設立された。", "深セン", ["ORG_PART"]),
    ("ja", "新潟 – ハルビン線が再開した。", "ハルビン", ["LITERAL"]),
    ("ja", "日立蘇州有限公司は工場を拡張した。日立蘇州での生産は続く。", "蘇州", ["ORG_PART", "ORG_PART"]),
    ("ja", "東芝大連有限公司を解散した。大連での生産は終わった。", "大連", ["ORG_PART", "LITERAL"]),
    ("nl", "De Europese vestiging van Suzhou KTEC opende gisteren in Venlo. Volgens de directeur krijgt Suzhou KTEC zo "
     "toegang tot nieuwe klanten.", "Suzhou", ["ORG_PART", "ORG_PART"]),
    ("en", "The Hong Kong SAR government said on Monday that Hong Kong SAR residents may travel.", "Hong Kong",
     ["LITERAL", "LITERAL"]),
    ("zh", "旧金山恩平公所举办春宴。", "恩平", ["ORG_PART"]),
    ("ko", "현지 매체 상하이 데일리에 따르면 축제가 열린다.", "상하이", ["ORG_PART"]),
    ("ko", "전남도는 광저우 캔톤페어에 참가한다.", "광저우", ["ORG_PART"]),
    ("ko", "호남대 항저우 세종학당이 대회를 열었다.", "항저우", ["ORG_PART"]),
    ("ko", "상하이에서 열린 페어에 참가했다.", "상하이", ["LITERAL"]),
]

test_second_set = each_label_test(SECOND_SET)

THIRD_SET = [
    ("zh", "他最爱吃的是潮州萝卜糕。", "潮州", ["ORG_PART"]),
    ("zh", "小时候常吃福州面。", "福州", ["ORG_PART"]),
    ("zh", "上海面积不大。", "上海", ["LITERAL"]),
    ("zh", "这几年抚远蔓越莓卖得很好。", "抚远", ["ORG_PART"]),
    ("zh", "抚远的蔓越莓种植基地扩大了。", "抚远", ["LITERAL"]),
    ("ko", "그녀는 뷰익 LPGA 상하이에서 우승했다.", "상하이", ["ORG_PART"]),
    ("ko", "그는 상하이에서 열린 대회에서 우승했다.", "상하이", ["LITERAL"]),
    ("es", "El entrenador firmó por dos temporadas con el club, que lucha por evitar el descenso en la Superliga pese a "
     "los goles del delantero. Es el último técnico extranjero que llega a China, donde se une entre otros al "
     "italiano Marco Rossi (Wuhan) y al alemán Karl Weber (Dalian).", "Wuhan", ["ORG_PART"]),
    ("es", "El profesor Marco Rossi (Wuhan) presentó el estudio sobre el clima.", "Wuhan", ["LITERAL"]),
]

test_third_set = each_label_test(THIRD_SET)

FOURTH_SET = [
    ("de", "Der frühere Vizechef der Staatssicherheit, Ma Jian, wurde zu lebenslanger Haft verurteilt.", "Jian",
     ["NOT_PLACE"]),
    ("it", "Ma Pechino ha risposto con durezza alle accuse.", "Pechino", ["METONYMIC"]),
    ("zh", "舞台上,辽阳二人转节目精彩不断。", "辽阳", ["ORG_PART"]),
    ("zh", "辽阳的二人转演员很多。", "辽阳", ["LITERAL"]),
    ("zh", "主办方南昌新华书城的海报很醒目。", "南昌", ["ORG_PART"]),
    ("zh", "她毕业于南昌师范高等专科学校。", "南昌", ["ORG_PART"]),
    ("ko", "2025 마카오 위크 첫날에는 세미나가 열렸다.", "마카오", ["ORG_PART"]),
    ("ko", "그는 마카오에서 일주일을 보냈다.", "마카오", ["LITERAL"]),
    ("ja", "比亜迪(BYD)合肥などの完成車メーカーが進出した。", "合肥", ["ORG_PART"]),
    ("zh", "他常在香港(HK)深圳之间往返。", "深圳", ["LITERAL"]),
]

test_fourth_set = each_label_test(FOURTH_SET)

FIFTH_SET = [
    ("ko", "선수들이 국위 선양에 앞장섰다.", "선양", ["NOT_PLACE"]),
    ("ko", "대표단이 지난주 선양에 도착했다.", "선양", ["LITERAL"]),
    ("zh", "霹雳州安顺市华裔商人林丽莲表示,她去过福建。", "安顺市", ["OTHER_PLACE"]),
    ("zh", "贵州安顺市华裔商人林丽莲表示,她去过福建。", "安顺市", ["LITERAL"]),
    ("ko", "해수부는 ‘상해 찾아가는 수산식품 박람회(K-FISH Fair)’를 개최했다.", "상해", ["ORG_PART"]),
    ("ko", "그는 ‘상하이에서 본 것은 큰 은행’이라고 말했다.", "상하이", ["LITERAL"]),
]

test_fifth_set = each_label_test(FIFTH_SET)

LEFT_BY_THE_SETS = [
    ("ko", "KOTRA는 ‘2014 추계 인터텍스타일 상하이’에 한국관을 구성해 참가했다.", "상하이", ["ORG_PART"]),
    ("ko", "인터텍스타일 전시회가 상하이에서 열렸다.", "상하이", ["LITERAL"]),
    ("en", "Exhibitors from Turkey showed their linen at Intertextile Shanghai this year.", "Shanghai", ["ORG_PART"]),
    ("en", "The fair moved from Intertextile to Shanghai last year.", "Shanghai", ["LITERAL"]),
    ("zh", "由市场监管局主办的“泉州好物 四季飘香”推广活动在体验馆举办。", "泉州", ["ORG_PART"]),
    ("zh", "报告称“北京 上海 广州”三地房价上涨。", "上海", ["LITERAL"]),
    ("zh", "车站挂出“美食专列 来自泉州的味道”等标牌。", "泉州", ["LITERAL"]),
    ("zh", "包头(广州)创新人才中心在天河区揭牌。", "广州", ["ORG_PART"]),
    ("zh", "他们住在广东(广州)市中心的老城区。", "广州", ["LITERAL"]),
    ("en", "The Chinese carmaker Changan will build a plant in Thailand. Changan said the plant would open in 2026.",
     "Changan", ["ORG_PART", "ORG_PART"]),
    ("de", "Der Autobauer Changan baut ein Werk in Ungarn. Changan hatte den Plan im Mai angekündigt.", "Changan",
     ["ORG_PART", "ORG_PART"]),
    ("en", "Under the Tang the capital was Changan. Changan had a million people.", "Changan",
     ["LITERAL", "LITERAL"]),
    ("es", "La aseguradora, que cotiza en Hong Kong, ganó un 8% más.", "Hong Kong", ["ORG_PART"]),
    ("es", "La aseguradora trabaja en Hong Kong desde 2010.", "Hong Kong", ["LITERAL"]),
    ("it", "Il gruppo quotato a Hong Kong ha chiuso in rialzo.", "Hong Kong", ["ORG_PART"]),
    ("it", "Il gruppo ha aperto un ufficio a Hong Kong.", "Hong Kong", ["LITERAL"]),
    ("pt", "A seguradora cotada em Hong Kong subiu 5%.", "Hong Kong", ["ORG_PART"]),
    ("fr", "Elle a remporté l'ATP 500 de Pékin l'an dernier.", "Pékin", ["ORG_PART"]),
    ("fr", "Les joueurs de l'ATP sont arrivés à Pékin.", "Pékin", ["LITERAL"]),
    ("zh", "市民参观南京孙中山故居。", "南京", ["ORG_PART"]),
    ("zh", "他在南京的故居已经开放。", "南京", ["LITERAL"]),
    ("zh", "这家店卖泉州式润饼。", "泉州", ["ORG_PART"]),
    ("zh", "泉州式的生活很悠闲。", "泉州", ["LITERAL"]),
    ("ko", "그는 WTT 챔피언스 충칭에서 2회전에 올랐다.", "충칭", ["ORG_PART"]),
    ("ko", "그녀는 뷰익 상하이에서 우승했다.", "상하이", ["ORG_PART"]),
    ("ko", "그는 챔피언스리그 경기를 위해 충칭에 도착했다.", "충칭", ["LITERAL"]),
    ("zh", "安徽的世界遗产有黄山、西递和宏村。", "黄山", ["NOT_PLACE"]),
    ("zh", "黄山市的世界遗产申报工作启动,黄山的官员出席。", "黄山", ["LITERAL"]),
]

test_left_by_the_sets = each_label_test(LEFT_BY_THE_SETS)
