"""Classes of stop 64's first change (3.31; their classes, not their sentences), each with the counterpart that stays
what it is.

Japanese: a region of Japan written like a Chinese city stays Japan's where its copy contrasts its goods with goods
made in China (泉州 of Osaka beside 中国製, ``made_in_china``), while China named as a place still keeps the Chinese
city; the cities of Japan that GeoNames names like a Chinese city are theirs where their prefecture is written near
them (南陽 with 山形, ``japanese_places``), while the same name beside its Chinese province stays the Chinese city.
Korean: a side named by its city and the word for a team (선전 팀의), also past the city's 시 (다롄시팀), while the
city's people stay the city; a city's 시장 (mayor) or 시청 (city hall) written onto its name with a particle after
them (다롄시장은), which the finder missed, while a word that only begins like a city's name (우시장, a cattle market)
is none, nor a road named after a city with a particle after its 로 (우루무치로에서).
Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import each_label_test

CASES = [
    ("ja", "大阪府の泉州地域では、中国製の安い靴下に押されながらも地場の織物業者が新商品を売り出した。", "泉州", []),
    ("ja", "泉州タオルの出荷が伸びた。大阪府南部の業者は中国産の綿を使わない製品で勝負する。", "泉州", []),
    ("ja", "中国福建省の泉州では、港の拡張工事が進んでいる。", "泉州", ["LITERAL"]),
    ("ja", "山形県の置賜地方では、米沢や南陽の酒蔵が新酒の試飲会を開いた。", "南陽", ["OTHER_PLACE"]),
    ("ja", "松原の商店街では夏祭りの準備が進む。大阪府の補助金で提灯が新しくなった。", "松原", ["OTHER_PLACE"]),
    ("ja", "河南省の南陽では、玉の加工が盛んだ。", "南陽", ["LITERAL"]),
    ("ko", "결승에서 상하이 팀은 베이징을 2-1로 꺾었다.", "상하이", ["ORG_PART"]),
    ("ko", "주장전에서 항저우 팀의 에이스가 승리를 거뒀다.", "항저우", ["ORG_PART"]),
    ("ko", "항저우 시민들은 호숫가에서 불꽃놀이를 지켜봤다.", "항저우", ["LITERAL"]),
    ("ko", "그는 다롄시팀에서 세 시즌을 뛰었다.", "다롄", ["ORG_PART"]),
    ("ko", "다롄시장은 항만 확장 계획을 발표했다.", "다롄", ["LITERAL"]),
    ("ko", "다롄시청 앞 광장에 시민들이 모였다.", "다롄", ["LITERAL"]),
    ("ko", "할아버지는 우시장에서 송아지를 샀다.", "우시", []),
    ("ko", "추모 집회는 상하이의 우루무치로에서 열렸다.", "우루무치", []),
]

test_japanese_namesakes_and_korean_teams = each_label_test(CASES)
