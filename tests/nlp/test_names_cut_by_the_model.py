"""Names the entity model or the run of characters cut short, from the classes left by stop 55's batches (their classes,
not their sentences). English: a station's name with a direction word after the city ("Wenzhou West Railway Station"),
which the small model ends at the city's name while its parse joins the city to the station. Chinese: a market whose
name goes on past the country's name (义乌中国小商品城, a name of ``names.tsv``), which otherwise ends the run as in
武汉中国科学院 "the Academy, in Wuhan". From stop 56's first set (``FIRST``): a gallery's or workshop's branch named
by its city after the head, an edition's ordinal inside a capitalised name (read in Korean text too), the last two of a
list of names inside "the Office of ... Affairs" and of a Chinese or Japanese office for those places' affairs, a song
and dance troupe, a fair and hotels named before the city in Hangul, a Korean association past the city's 시, and
names joined by the middle dots Korean papers type. Gao'an, which the gazetteer had under its seat's name (Junyang),
is found. Each with the counterpart that stays what it is. Sentences written for these tests (not in training.tsv,
calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import one_label_test

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

test_names_cut_short = one_label_test(CASES)

test_the_first_sets_classes = one_label_test(FIRST)
