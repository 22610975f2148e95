"""Classes of stop 63's fourth change (3.28; their classes, not their sentences), each with the counterpart that
stays what it is.

A namesake's state of ``admin1.tsv`` named anywhere in the article, also by its abbreviation (Macau beside "Governo
do RN"), while Macau in an article that lists Brazil among the Portuguese-speaking countries stays the SAR; a
restaurant named for the city by its kind (Hong Kong Buffet, Shanghai Kitchen: the en ``org_heads``), while a
buffet in the city stays the city; a German compound that ends in a school's head before the name
(Experimentalmittelschule Suzhou: ``compound_heads_before``), while a visit from the city stays the city; in Chinese,
a dish named for the city (扬州老鹅), the Macau Grand Prix by its short name (澳门赛车) and two clubs by their
sponsors (青岛双星, 上海久事: ``names.tsv``), while the city's geese and racing fans stay the city. And (3.29) the
Asian Games as Arabic also spells them before their host (أسياد بكين, with the hamza), while the city's athletes stay the
city. And (3.30) a firm's seat in brackets before "Firm" (Huaxing Tongda (Shenzhen) Accounting Firm), while an
accounting firm in the city stays the city.
Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import each_label_test

CASES = [
    ("pt", "A prefeita de Macau recebeu o secretário de Saúde do Governo do RN para inaugurar o hospital.", "Macau",
     ["OTHER_PLACE"]),
    ("pt", "Macau acolhe o festival da lusofonia com comunidades de Angola, Brasil e Moçambique.", "Macau",
     ["LITERAL"]),
    ("en", "Hong Kong Buffet on Main Street failed its health inspection again.", "Hong Kong", ["ORG_PART"]),
    ("en", "Shanghai Kitchen reopened its dining room after the renovation.", "Shanghai", ["ORG_PART"]),
    ("en", "We ate at a hotel buffet in Hong Kong before the flight.", "Hong Kong", ["LITERAL"]),
    ("de", "Eine Klasse der Fremdsprachenschule Suzhou besuchte das Rathaus.", "Suzhou", ["ORG_PART"]),
    ("de", "Eine Schulklasse aus Suzhou besuchte das Rathaus.", "Suzhou", ["LITERAL"]),
    ("zh", "餐桌上摆着扬州老鹅和几样小菜。", "扬州", ["ORG_PART"]),
    ("zh", "扬州的老鹅养殖户今年收入不错。", "扬州", ["LITERAL"]),
    ("zh", "今年的澳门赛车吸引了大批车迷。", "澳门", ["ORG_PART"]),
    ("zh", "大批车迷从香港赶到澳门观看比赛。", "澳门", ["LITERAL"]),
    ("zh", "他在选秀中被青岛双星选中。", "青岛", ["ORG_PART"]),
    ("zh", "上海久事昨晚主场战胜了广东。", "上海", ["ORG_PART"]),
    ("ar", "فاز العداء بذهبية أسياد بكين قبل أن يعتزل.", "بكين", ["ORG_PART"]),
    ("ar", "عاد العداء إلى بكين بعد أن اعتزل.", "بكين", ["LITERAL"]),
    ("en", "The accounts were signed off by Huaxing Tongda (Shenzhen) Accounting Firm in March.", "Shenzhen",
     ["ORG_PART"]),
    ("en", "The accounts were signed off by an accounting firm in Shenzhen in March.", "Shenzhen", ["LITERAL"]),
]

test_states_restaurants_compounds_and_names = each_label_test(CASES)
