"""Classes of stop 64's third change (3.33; their classes, not their sentences), each with the counterpart that stays
what it is.

A name in characters with its acronym in capitals in brackets is a firm's or a body's (澳門博彩(SJM)), while a unit or a
zone with its acronym stays the city's own (香港特別行政区(HKSAR)); Arabic heads before the city: tournaments (بطولة,
دورة), an initiative named for its host (مبادرة), the exchange's trading (تعاملات) and the currency (دولار), while a
course held in the city (دورة تدريبية في بكين) stays the city; a Russian troupe named for its city (Шэньянской
акробатической труппы), while a troupe performing in the city stays the city; two listed firms named by their city
in ``names.tsv`` (洛阳钼业, CMOC; 永利澳門, Wynn Macau), while the city's mines stay the city.
Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import each_label_test

CASES = [
    ("ja", "大手の澳門旅遊(STDM)は新たな投資を発表した。", "澳門", ["ORG_PART"]),
    ("zh", "香港特別行政区(HKSAR)政府今日宣布新措施。", "香港特別行政区", ["LITERAL"]),
    ("ar", "خسر اللاعب في نصف نهائي بطولة شنتشن المفتوحة.", "شنتشن", ["ORG_PART"]),
    ("ar", "تراجع المؤشر في تعاملات شنغهاي يوم الاثنين.", "شنغهاي", ["ORG_PART"]),
    ("ar", "أطلقت الحكومة مبادرة شيامن للتعاون البحري.", "شيامن", ["ORG_PART"]),
    ("ar", "عقدت دورة تدريبية في بكين للمهندسين.", "بكين", ["LITERAL"]),
    ("zh", "钴价上涨后，洛阳钼业的股价创下新高。", "洛阳", ["ORG_PART"]),
    ("zh", "洛阳的钼矿储量居全国前列。", "洛阳", ["LITERAL"]),
    ("ru", "Зрители тепло приняли выступление Даляньской балетной труппы.", "Даляньской", ["ORG_PART"]),
    ("ru", "В Даляне выступила приезжая балетная труппа.", "Даляне", ["LITERAL"]),
]

test_acronyms_tournaments_and_troupes = each_label_test(CASES)
