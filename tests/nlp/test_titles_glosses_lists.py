"""What the words around a name say it names, from the classes of stop 54's first set of batches (their classes, not
their sentences; each batch measured once before its classes were read). A title or slogan that the name closes inside
a quotation (a campaign, a theme, an event), a quotation that opens with the country's name before the city's and
works numbered after it; a Korean name glossed with another word in characters (the Li River beside Lijiang); a
conjunction before a county-level city's name that jieba joins to it; a name of a list of three before the plural head
they share; names joined by a middle dot before one head; a firm in a list ending in "and other firms" whose brand
jieba reads as single characters; the organising committee of Olympic Games, the Nationalist governments, a Korean
currency and venue; a title quoted after the word for an exhibition in Romance copy. From the second set (``SECOND``):
a description quoted with another place in it, a Japanese dish, a Korean park with its host in brackets after a
bilateral scope, an event's host in brackets after its edition and scope, a Japanese title joined by の and a long
theme quoted after a comma. From the third (``THIRD``): a measure word after a numeral joined to a county-level city's
name, a quoted name with a seat or a leg in brackets, a Korean title in straight quotes after its year, an exhibition
in Korean, beer in Japanese and a mountain glossed in Korean. Each with the counterpart that stays what it is.
Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

from nlp import features
from nlp.cues import cues_for
from tests.nlp.conftest import each_label_test, one_label_test

CASES = [
    # the name closing a quoted title of three characters or more, or of two before a noun the title names, or inside
    # one that the country's name opens and a katakana word closes, or after a year and the country's name in Korean;
    # a place, an epithet, a locative verb, a remark with a kana particle or a claim before an adverb stays the city
    ("zh", "本次“海外媒体走进宁波”采访活动持续三天。", "宁波", "ORG_PART"),
    ("zh", "今年节会的主题为“山水家园·幸福桂林”。", "桂林", "ORG_PART"),
    ("zh", "“创新赣州”论坛在市中心召开。", "赣州", "ORG_PART"),
    ("zh", "记者来到“江西赣州”采访果农。", "赣州", "LITERAL"),
    ("zh", "游客涌向“山城重庆”看夜景。", "重庆", "LITERAL"),
    ("zh", "网传外企“撤离深圳”等消息并不属实。", "深圳", "LITERAL"),
    ("ja", "「中国成都文化観光プロモーション」が都内で開かれた。", "成都", "ORG_PART"),
    ("ja", "「ドローンといえば深セン」と言われる。", "深セン", "LITERAL"),
    ("ko", "업체들이 ‘2025 중국 칭다오 트렌드 위크’에 참가했다.", "칭다오", "ORG_PART"),
    ("ko", "업체들이 2025년 중국 칭다오에서 열린 행사에 참가했다.", "칭다오", "LITERAL"),
    # a quotation that opens with the country's name before the city's is a name; the country and the city alone
    # stay a place
    ("ja", "「中国蘇州刺繍城」が昨年開業した。", "蘇州", "ORG_PART"),
    ("ja", "「中国蘇州」という看板が見えた。", "蘇州", "LITERAL"),
    # works numbered after the name; the city's first plant of a firm counted otherwise stays the city
    ("ja", "瀋陽第一機械工場の跡地が公園になった。", "瀋陽", "ORG_PART"),
    ("zh", "洛阳第二拖拉机厂的老工人回忆往事。", "洛阳", "ORG_PART"),
    ("zh", "洛阳第二次举办这样的展会。", "洛阳", "LITERAL"),
    # the regimes named by their seat; the city's government stays the city
    ("zh", "1927年武汉国民政府迁往南京。", "武汉", "ORG_PART"),
    ("zh", "武汉市政府宣布了新的措施。", "武汉市", "METONYMIC"),
    # the organising committee of Olympic Games
    ("zh", "张家口奥组委的官员视察了场馆。", "张家口", "ORG_PART"),
    # the currency and a venue's studio in Korean; the city's money and studios in it stay the city
    ("ko", "요금은 50 마카오 파타카다.", "마카오", "ORG_PART"),
    ("ko", "결승전은 항저우 미디어 스튜디오에서 열린다.", "항저우", "ORG_PART"),
    ("ko", "항저우에서 스튜디오 세 곳이 문을 열었다.", "항저우", "LITERAL"),
    # a title quoted after the word for an exhibition or a film in Romance copy, whatever its case; a city after the
    # quotation stays the city
    ("it", "La mostra “Viaggio a Pechino. Diari di un mercante” apre domani.", "Pechino", "ORG_PART"),
    ("es", "La exposición «Recuerdos de Cantón y Macao» llega a Sevilla.", "Macao", "ORG_PART"),
    ("it", "La mostra “Viaggio in Oriente” arriverà a Pechino in primavera.", "Pechino", "LITERAL"),
    # a name of three listed before the plural head they share; the same three without a head stay places
    ("en", "The Shanghai, Shenzhen and Hong Kong exchanges all fell on Monday.", "Shanghai", "ORG_PART"),
    ("en", "She has lived in Shanghai, Shenzhen and Hong Kong since 2010.", "Shanghai", "LITERAL"),
    # names joined by a middle dot before one head, and two names joined by 、 before it; a longer list, a word of
    # "and" and a pair without a head stay places
    ("ja", "同年、成都に広州・成都ビッグデータ応用展示センターを建設する協定が結ばれた。", "広州", "ORG_PART"),
    ("zh", "在上海、深圳证券交易所上市的公司增加。", "上海", "ORG_PART"),
    ("zh", "兰州、白银、定西三市联合举办文化节。", "白银", "LITERAL"),
    ("zh", "宜宾与宁德时代签订了合作协议。", "宜宾", "LITERAL"),
    ("ja", "北京・天津間の高速鉄道が開通した。", "北京", "LITERAL"),
    # a firm in a list that ends in "and other firms", its brand read as single characters; a clause with adverbs
    # before such a list stays the city
    ("zh", "签约的有上海骏富、无锡诺微银物联、歆韵通达等企业。", "无锡", "ORG_PART"),
    ("zh", "合肥已落有国轩高科、华霆动力等配套企业。", "合肥", "LITERAL"),
]

# from the second set: a quoted description that holds another place stays a place; a dish in Japanese; a park
# with its host in brackets after a bilateral scope in Korean (China's own scope only before more of the name); an
# event's host in brackets after its edition and scope; a Japanese title of words joined by の; a theme quoted after a
# comma, however long. Their counterparts stay the city.
SECOND = [
    ("zh", "这座城市“东连苏州西接南京”的区位优势明显。", "南京", "LITERAL"),
    ("ja", "昼は蘇州炒飯を食べた。", "蘇州", "ORG_PART"),
    ("ja", "昼は蘇州で食事をした。", "蘇州", "LITERAL"),
    ("ko", "한중(웨이하이)물류단지가 문을 열었다.", "웨이하이", "ORG_PART"),
    ("ko", "그는 중국(웨이하이)에서 돌아왔다.", "웨이하이", "LITERAL"),
    ("zh", "第十届东海(舟山)海洋文化节开幕。", "舟山", "ORG_PART"),
    ("zh", "第十届文化节在舟山开幕。", "舟山", "LITERAL"),
    ("ja", "「蘇州の古典園林の庭園群」を訪ねた。", "蘇州", "ORG_PART"),
    ("ja", "彼は「蘇州の夏は暑い」と話した。", "蘇州", "LITERAL"),
    ("en", "The race ran under the motto, “Green Hills and Clear Water, a Healthy Life for Everyone – Running in "
     "Guiyang, Together.”", "Guiyang", "ORG_PART"),
    ("en", "The motto of the race was printed on every shirt in Guiyang.", "Guiyang", "LITERAL"),
]

# from the third set: a measure word after a numeral that jieba joins to a county-level city's name; a quoted name
# with its seat in brackets after the city or a leg at its end; a Korean title in straight quotes after its year;
# an exhibition in Korean; beer in Japanese; a mountain's name glossed in Korean travel copy. Their counterparts stay
# the city.
THIRD = [
    ("zh", "全市共发布了7项城市机会清单。", "项城市", None),
    ("zh", "河南项城市的农民种小麦。", "项城市", "LITERAL"),
    ("ja", "「杭州(日本)イノベーションセンター」が開業した。", "杭州", "ORG_PART"),
    ("zh", "“宜宾名酒品鉴行(重庆站)”活动昨天举行。", "宜宾", "ORG_PART"),
    ("zh", "有人转发“宜宾停水(紧急)”的消息。", "宜宾", "LITERAL"),
    ("ko", "교민회는 '2018 옌타이 한중 우정의 밤'을 열었다.", "옌타이", "ORG_PART"),
    ("ko", "그는 '2018년에 옌타이로 갔다'고 말했다.", "옌타이", "LITERAL"),
    ("ko", "업체들은 추계 항저우 전시회에 참가했다.", "항저우", "ORG_PART"),
    ("ko", "업체들은 항저우에서 열린 행사에 참가했다.", "항저우", "LITERAL"),
    ("ja", "戦前、日本の会社が青島麦酒を買収した。", "青島", "ORG_PART"),
]

# and after the round, from its classes left: a hotel named after a city in another (its head capitalised); a Korean
# name quoted with a straight mark to open and a curly one to close; a Japanese association of those who lived in the
# city and a column's letters from it; a Japanese club that must strengthen its squad before the next round (the side a
# goal puts ahead in English match copy: the test of ``features._team`` below). The counterparts stay the city.
AFTER = [
    ("en", "Our group checked into the Shanghai Hotel in Xi'an after a long train ride.", "Shanghai", "NOT_PLACE"),
    ("en", "Our group checked into a Shanghai hotel in the old French Concession.", "Shanghai", "LITERAL"),
    ("ko", "행사장 입구에는 '웨이하이 한인 문화의 밤’ 현수막이 걸렸다.", "웨이하이", "ORG_PART"),
    ("ko", "그는 '웨이하이에 간다’고 말했다.", "웨이하이", "LITERAL"),
    ("ja", "戦前の居留民がつくる大連会の会員が集まった。", "大連", "ORG_PART"),
    ("ja", "毎月の瀋陽便りで街の様子を伝えている。", "瀋陽", "ORG_PART"),
    ("ja", "同窓会は大連で会を開いた。", "大連", "LITERAL"),
    ("ja", "リーグは混戦だ。大連はセカンドラウンド前に補強が必要だろう。", "大連", "ORG_PART"),
    ("ja", "大連は港町として知られる。", "大連", "LITERAL"),
]

EACH_THIRD = [
    ("ko", "순례단은 중국 4대 명산의 하나인 어메이산(峨眉山)에 올랐다.", "峨眉山", ["NOT_PLACE"]),
    ("ko", "그는 어메이산시(峨眉山市) 시청을 방문했다.", "峨眉山市", ["LITERAL"]),
]

# a conjunction between a county and a county-level city that jieba joins to the latter's name (于都县和龙南市: not
# Helong); Helong with its suffix stays found. A Korean name glossed with another word's characters (the Li River),
# at every mention; one glossed with the city's own stays the city. (The labels of the surface's mentions, in order.)
EACH = [
    ("zh", "调研组走访了于都县和龙南市的果园。", "和龙", []),
    ("zh", "延边和龙市的人参产业发展迅速。", "和龙市", ["LITERAL"]),
    ("ko", "관광객들은 리장(Li River, 漓江)을 따라 배를 탄다. 당국은 리장을 보호하고 있다.", "리장", ["NOT_PLACE", "NOT_PLACE"]),
    ("ko", "관광객들은 리장(麗江)의 옛 거리를 걷는다. 리장은 윈난성에 있다.", "리장", ["LITERAL", "LITERAL"]),
]

test_what_the_words_around_a_name_say_it_names = one_label_test(CASES)

test_the_second_sets_classes = one_label_test(SECOND)

test_the_third_sets_classes = one_label_test(THIRD)

test_classes_left_by_the_round = one_label_test(AFTER)


def test_the_side_a_goal_puts_ahead_is_a_team_in_match_copy() -> None:
    """In match copy the name a goal puts ahead or level is a side ("Liu's header put Wuhan in front", "drew Wuhan
    level"); "in front of" is where something stands. (Whether the copy is match copy is the caller's.)"""
    cues = cues_for("en")
    assert features._team(["header", "put"], ["in", "front", "before"], "", True, cues)
    assert features._team(["goal", "put"], ["ahead", "after"], "", True, cues)
    assert features._team(["penalty", "drew"], ["level", "at"], "", True, cues)
    assert not features._team(["fans", "stood"], ["in", "front", "of", "the"], "", True, cues)
    assert not features._team(["header", "put"], ["in", "front", "before"], "", False, cues)

test_every_mention_of_the_name = each_label_test(EACH + EACH_THIRD)
