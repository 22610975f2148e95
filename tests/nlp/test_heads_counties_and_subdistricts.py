"""Classes of stop 63's second change (3.26; their classes, not their sentences), each with the counterpart that stays
what it is.

Russian: the other cases of an institute's head after the city's adjective (в Уханьском институте), and the opera
named for the city (Пекинская опера, as "Peking opera"), while a theatre's opera in the city stays the city. French
and Italian: a hospital named by its city, capitalised (l'Hôpital de Kunming, l'Ospedale di Kunming), while a hospital
there in lower case stays the place (``_PLACE_HEADS``); a race's cup and the Italian singular of a tournament (il GT Cup
di Macao, il Master 1000 di Shanghai). A county or district before the name with the word for "of" (la Contea di
Nanjing, le comté de Nanjing: 南靖县; the ``units_before`` cue), while a district's city after it stays the city.
Chinese: a subdistrict named like a city after its district (杨浦区四平街道), while a city's streets stay the city; a
paper named by its city (晋江经济报), while the city's government stays the city. Japanese: 津市 beside China's name
where China's name begins another place's (津市長、中国・鎮江市へ: Tsu's mayor), while 津市 after China stays the
Chinese city. Arabic: two press spellings of Guangzhou (قوانزو, قوانجو; ``script_names.tsv``).
Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import each_label_test

CASES = [
    ("ru", "Учёные в Уханьском институте вирусологии изучали летучих мышей.", "Уханьском", ["ORG_PART"]),
    ("ru", "Гастроли Пекинской оперы пройдут в Казани.", "Пекинской", ["ORG_PART"]),
    ("ru", "В Пекине построили новый театр оперы и балета.", "Пекине", ["LITERAL"]),
    ("fr", "L’Hôpital de Kunming accueille une délégation de médecins lyonnais.", "Kunming", ["ORG_PART"]),
    ("fr", "Elle a accouché dans un hôpital de Kunming l’an dernier.", "Kunming", ["LITERAL"]),
    ("it", "L’Ospedale di Kunming ha firmato un accordo con Padova.", "Kunming", ["ORG_PART"]),
    ("it", "Il turista è stato curato in un ospedale di Kunming.", "Kunming", ["LITERAL"]),
    ("it", "Sinner ha vinto il Master 1000 di Shanghai in due set.", "Shanghai", ["ORG_PART"]),
    ("it", "In pista anche le vetture del GT Cup di Macao.", "Macao", ["ORG_PART"]),
    ("it", "Il sindaco ha firmato un gemellaggio con la Contea di Nanjing, nel Fujian.", "Nanjing", ["NOT_PLACE"]),
    ("fr", "La ville a signé un jumelage avec le comté de Nanjing, au Fujian.", "Nanjing", ["NOT_PLACE"]),
    ("es", "La fábrica está en el distrito de Pudong de Shanghái.", "Shanghái", ["LITERAL"]),
    ("zh", "老人家住长宁区四平街道的一栋老楼。", "四平", ["NOT_PLACE"]),
    ("zh", "漫步在上海街道上，到处是梧桐树。", "上海", ["LITERAL"]),
    ("zh", "消息来源:晋江经济报", "晋江", ["ORG_PART"]),
    ("zh", "晋江市政府召开会议部署复工。", "晋江市", ["LITERAL"]),
    ("ja", "津市長、中国・揚州市へ 交流の拡大を協議", "津市", ["OTHER_PLACE"]),
    ("ja", "中国・津市の代表団が岐阜県を訪れた。", "津市", ["LITERAL"]),
    ("ar", "افتتح القنصل معرضا تجاريا في مدينة قوانزو الصينية.", "قوانزو", ["LITERAL"]),
    ("ar", "يسافر التجار كل عام إلى قوانجو لشراء الملابس.", "قوانجو", ["LITERAL"]),
]

test_heads_counties_subdistricts_and_spellings = each_label_test(CASES)
