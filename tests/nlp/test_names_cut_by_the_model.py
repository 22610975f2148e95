"""Names the entity model or the run of characters cut short, from the classes left by stop 55's batches (their classes,
not their sentences). English: a station's name with a direction word after the city ("Wenzhou West Railway Station"),
which the small model ends at the city's name while its parse joins the city to the station. Chinese: a market whose
name goes on past the country's name (义乌中国小商品城, a name of ``names.tsv``), which otherwise ends the run as in
武汉中国科学院 "the Academy, in Wuhan". From stop 56's first set (``FIRST``): a gallery's or workshop's branch named
by its city after the head, an edition's ordinal inside a capitalised name (read in Korean text too), the last two of a
list of names inside "the Office of ... Affairs" and of a Chinese or Japanese office for those places' affairs, a song
and dance troupe, a fair and hotels named before the city in Hangul, a Korean association past the city's 시, and
names joined by the middle dots Korean papers type. Gao'an, which the gazetteer had under its seat's name (Junyang),
is found. From the second set (``SECOND``): pages that print each character's pinyin after it (廈門(mén)機場(chǎng)),
read without those readings; a city as a figure that ends its clause after "new" or "second"; a hyphen pair's head
in English inside Chinese text; 金德, a club of earlier seasons; a youth palace and a kindergarten in Japanese; a
Japanese quoted name with a Latin word against the city; Korean associations, also after a modifier that ends in 시
(낚시 협회). From the third (``THIRD``): Korean museums, galleries, memorial halls and churches named by the city, a
side's goal in match copy; a Chinese port authority and a railway's branch bureau; Portugal's name for the Macao forum.
After the round (``AFTER``, from a class of its last Chinese batch, which moves to development): a club named once
with its word for a club is that club by its name alone, also when the word holds the sport (英博 | 足球俱乐部), while
the city's football stays the city; and (from Chinese 138) a province's name that is also a city's, written before a
city of that province, is the province (吉林珲春); and (from Korean 34) a side that Korean match copy has named is
that side by its city alone as subject, object or possessor. Each with the counterpart that stays what it is. Sentences written for these
tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import each_label_test, one_label_test

CASES = [
    # a direction word between the city and the station's head; the city as the goal of the same verb stays the city,
    # and so does a title and a person after it (no head of an organisation)
    ("en", "They took the wreckage to Wenzhou West Railway Station for inspection.", "Wenzhou", "ORG_PART"),
    ("en", "Crowds queued outside Guangzhou South Railway Station before the holiday.", "Guangzhou", "ORG_PART"),
    ("en", "They took the wreckage to Wenzhou for inspection.", "Wenzhou", "LITERAL"),
    ("en", "They met Nanjing Mayor Han Li at the airport.", "Nanjing", "LITERAL"),
    # the market's name past the country's; the country's academy in the city stays the city
    ("zh", "他在义乌中国小商品城经营饰品生意。", "义乌", "ORG_PART"),
    ("zh", "她在義烏中國小商品城買了一批玩具。", "義烏", "ORG_PART"),
    ("zh", "他在武汉中国科学院的研究所工作。", "武汉", "LITERAL"),
]

FIRST = [
    ("en", "The Pottery Workshop Jingdezhen runs residencies for foreign potters.", "Jingdezhen", "ORG_PART"),
    ("en", "The pottery workshop in Jingdezhen runs residencies for foreign potters.", "Jingdezhen", "LITERAL"),
    ("en", "She wrote about the Jingdezhen 2nd International Porcelain Fair last year.", "Jingdezhen", "ORG_PART"),
    ("ko", "그는 국제 도자박람회(Jingdezhen 2nd International Porcelain Fair)를 소개했다.", "Jingdezhen", "ORG_PART"),
    ("en", "She came second in Jingdezhen last year.", "Jingdezhen", "LITERAL"),
    ("en", "He leads the Office of Taiwan, Hong Kong and Macao Affairs in Xiamen.", "Hong Kong", "ORG_PART"),
    ("en", "He flew to Taiwan, Hong Kong and Macao last year.", "Hong Kong", "LITERAL"),
    ("zh", "泉州市香港、澳门事务办公室主任会见了客人。", "香港", "ORG_PART"),
    ("zh", "泉州市外事办公室主任会见了客人。", "泉州市", "LITERAL"),
    ("ja", "泉州市の香港・マカオ事務弁公室の主任が来日した。", "香港", "ORG_PART"),
    ("zh", "泉州市歌舞团在剧院演出。", "泉州市", "ORG_PART"),
    ("ja", "泉州市歌舞団が公演を行った。", "泉州市", "ORG_PART"),
    ("zh", "泉州市的演员在剧院演出。", "泉州市", "LITERAL"),
    ("ko", "올해 아트바젤 홍콩에는 갤러리 240곳이 참가한다.", "홍콩", "ORG_PART"),
    ("ko", "그는 힐튼 상하이에서 하룻밤을 묵었다.", "상하이", "ORG_PART"),
    ("ko", "올해 홍콩에는 관광객이 늘었다.", "홍콩", "LITERAL"),
    ("ko", "옌타이시 한인회가 송년회를 열었다.", "옌타이", "ORG_PART"),
    ("ko", "옌타이시 정부가 새 정책을 발표했다.", "옌타이", "LITERAL"),
    ("ko", "옌타이시에 한국 기업 300곳이 있다.", "옌타이", "LITERAL"),
    ("ko", "홍콩ㆍ마카오 판공실 주임이 방한했다.", "홍콩", "ORG_PART"),
    ("ko", "홍콩ㆍ마카오 여행객이 늘었다.", "홍콩", "LITERAL"),
    ("en", "Her family lived in Gao'an before moving to Nanchang.", "Gao'an", "LITERAL"),
]

SECOND = [
    ("zh", "泉州(quán)機(jī)場(chǎng)新增三條航線。", "泉州", "ORG_PART"),
    ("zh", "據泉州(quán)晚報(bào)報道,天氣轉涼。", "泉州", "ORG_PART"),
    ("zh", "泉州(quán)是一座海濱城市。", "泉州", "LITERAL"),
    ("en", "Many ask whether Hainan could become the next Shenzhen.", "Shenzhen", "NOT_PLACE"),
    ("en", "She moved to the new Shenzhen office in May.", "Shenzhen", "LITERAL"),
    ("en", "Flights between Hainan and Shenzhen resumed.", "Shenzhen", "LITERAL"),
    ("zh", "厦门港(Xiamen-Zhangzhou Port)去年吞吐量增长。", "Xiamen", "ORG_PART"),
    ("zh", "他从厦门(Xiamen)出发去了漳州。", "Xiamen", "LITERAL"),
    ("zh", "当年力帆以2比1击败了沈阳金德。", "沈阳", "ORG_PART"),
    ("zh", "当年力帆在沈阳击败了对手。", "沈阳", "LITERAL"),
    ("ja", "泉州市少年宮の子どもたちが来日した。", "泉州市", "ORG_PART"),
    ("ja", "泉州市幼稚園の先生が来日した。", "泉州市", "ORG_PART"),
    ("ja", "泉州市の子どもたちが来日した。", "泉州市", "LITERAL"),
    ("ja", "「泉州ABC国際ソフトウエアパーク」が開業した。", "泉州", "ORG_PART"),
    ("ja", "「泉州へ行こう」というポスターが貼られた。", "泉州", "LITERAL"),
    ("ko", "중국 취안저우 낚시 협회와는 교류를 이어 왔다.", "취안저우", "ORG_PART"),
    ("ko", "취안저우 축구협회 관계자가 방문했다.", "취안저우", "ORG_PART"),
    ("ko", "취안저우 시민들과는 교류를 이어 왔다.", "취안저우", "LITERAL"),
]

THIRD = [
    ("ko", "그는 취안저우 해외교통사박물관을 찾았다.", "취안저우", "ORG_PART"),
    ("ko", "그는 취안저우에서 박물관을 찾았다.", "취안저우", "LITERAL"),
    ("ko", "취안저우 복음 교회 신도들이 모였다.", "취안저우", "ORG_PART"),
    ("ko", "후반 경기에서 골이 터졌다. 그는 칭다오의 골문을 두 번 노렸다.", "칭다오", "ORG_PART"),
    ("ko", "후반 경기에서 골이 터졌다. 그는 칭다오의 거리를 두 번 걸었다.", "칭다오", "LITERAL"),
    ("zh", "泉州港务局发布了新的航运规定。", "泉州", "ORG_PART"),
    ("zh", "柳州铁路分局调整了列车时刻。", "柳州", "ORG_PART"),
    ("zh", "泉州市公安局丰泽分局抓获了嫌疑人。", "泉州市", "LITERAL"),
    ("pt", "Segundo o Fórum Macau, as trocas comerciais cresceram.", "Macau", "ORG_PART"),
    ("pt", "Segundo o governo de Macau, as trocas comerciais cresceram.", "Macau", "LITERAL"),
]

# (the labels of the surface's mentions, in order)
AFTER = [
    ("zh", "泉州海丝俱乐部成立于2020年。泉州海丝在联赛中获胜。", "泉州", ["ORG_PART", "ORG_PART"]),
    ("zh", "泉州海丝足球俱乐部成立。泉州海丝主场获胜。泉州的天气很好。", "泉州", ["ORG_PART", "ORG_PART", "LITERAL"]),
    ("zh", "泉州足球队成立了。泉州足球发展迅速。", "泉州", ["ORG_PART", "LITERAL"]),
    # (a class of Chinese 138, read: a province's name that is also a city's before a city of that province is the
    # province, so the city is no place inside the other city, here or elsewhere in the text; a port area written
    # after its city stays inside it)
    ("zh", "记者来到吉林珲春,这是一座边境城市。珲春的口岸很繁忙。", "珲春", ["LITERAL", "LITERAL"]),
    ("zh", "货轮停靠天津东港。东港的码头很繁忙。", "东港", ["NOT_PLACE", "NOT_PLACE"]),
    # (a class of Korean 34, read, and 35: match copy names a side by its city alone once it has named it a side;
    # the city with a particle of place stays the city)
    ("ko", "서울은 홈 경기에서 다롄과 0-0으로 비겼다. 양 팀 모두 골을 넣지 못한 경기였다. 다롄은 이날 기자회견을 열지 않았다.",
     "다롄", ["ORG_PART", "ORG_PART"]),
    ("ko", "서울은 홈 경기에서 다롄과 0-0으로 비겼다. 양 팀 모두 골을 넣지 못한 경기였다. 선수들은 경기 후 다롄에서 휴식을 취했다.",
     "다롄", ["ORG_PART", "LITERAL"]),
]

test_names_cut_short = one_label_test(CASES)

test_the_second_sets_classes = one_label_test(SECOND)

test_the_third_sets_classes = one_label_test(THIRD)

test_the_classes_after_the_round = each_label_test(AFTER)

test_the_first_sets_classes = one_label_test(FIRST)
