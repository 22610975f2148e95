"""Classes of stop 64's fourth change (3.34; their classes, not their sentences), each with the counterpart that stays
what it is. Arabic: where a company is listed the city is its exchange (إدراج ثانوي في, المدرجة في), while a plant
opened there stays the city. Japanese: Nakayama, the racecourse, by its racing copy (``japanese_places``), while
Zhongshan beside Sun Yat-sen's name stays the city. Romance: a festival's long name in lower case after its
capitalised head, read back past a theme's "and" (il Festival internazionale delle sculture di ghiaccio e neve di
Harbin), while a sentence whose capitalised subject is a head stays the city's (la Biennale ha invitato ... di
Pechino). Chinese: the city's people written as one word (温州人, which jieba holds as a word), which the finder missed,
and railway depots named by their city (合肥客运段), while the city's passenger traffic stays the city.
Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import each_label_test

CASES = [
    ("ar", "تدرس شركة السيارات إدراج ثانوي في شنغهاي خلال العام المقبل.", "شنغهاي", ["ORG_PART"]),
    ("ar", "أسهم شركة البطاريات المدرجة في شنتشن تراجعت أمس.", "شنتشن", ["ORG_PART"]),
    ("ar", "افتتحت شركة البطاريات مصنعا جديدا في شنتشن.", "شنتشن", ["LITERAL"]),
    ("ja", "中山の芝2000メートルで行われた重賞は、人気の牝馬が制した。", "中山", ["OTHER_PLACE"]),
    ("ja", "孫文の故郷、中山を訪れた。", "中山", ["LITERAL"]),
    ("it", "Ogni inverno la città ospita il Festival internazionale delle lanterne di carta e seta di Zigong.",
     "Zigong", ["ORG_PART"]),
    ("it", "La Fondazione ha premiato pittori giovani e scultori di Zigong.", "Zigong", ["LITERAL"]),
    ("zh", "在米兰开餐馆的温州人越来越多。", "温州", ["LITERAL"]),
    ("zh", "列车长带着蚌埠客运段的乘务员检查车厢。", "蚌埠", ["ORG_PART"]),
    ("zh", "蚌埠的客运量今年增长两成。", "蚌埠", ["LITERAL"]),
]

test_listings_racecourses_and_demonyms = each_label_test(CASES)
