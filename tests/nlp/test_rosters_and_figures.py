"""Classes of stop 57's batches (their classes, not their sentences), each with the counterpart that stays what it is.
From stop 56's last English batch (read after it was measured, so it moves to development): a roster listed side by
side, each line a side and its players ("– Dalian: ..."), in copy that speaks of sport; the same shape with figures, or
a single line with officials, stays the place. From stop 56's last traditional Chinese batch (read, so it moves to
development too): a part of the country quoted before the name alone (“西部深圳”) is a figure for another place; the
country's name quoted before it and the city in a quoted slogan stay the place. Sentences written for these tests (not in training.tsv,
calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import each_label_test

_ROSTER = ("Every team in the league may sign two foreign players this season. Here is who they chose:\n"
           "– Dalian: Marcus Hill, Andre Silva\n– Nanjing (formerly Tianjin): Tom Reyes, Lucas Moreau\n"
           "– Hangzhou: Ivan Petrov, Sam Okafor\n")
_FIGURES = ("New cases reported on Monday by the health commission:\n– Dalian: 12, 4 of them imported\n"
            "– Nanjing: 7\n– Hangzhou: 3\n")

ROSTERS = [
    ("en", _ROSTER, "Dalian", ["ORG_PART"]),
    ("en", _ROSTER, "Nanjing", ["ORG_PART"]),
    ("en", _FIGURES, "Dalian", ["LITERAL"]),
    ("en", "The delegation was led by city officials. Dalian: Wang Lei, Zhou Min. The team toured the port.",
     "Dalian", ["LITERAL"]),
]

test_a_roster_names_sides = each_label_test(ROSTERS)

FIGURES = [
    ("zh", "外地记者都把这座口岸城市叫作“北方珠海”,说它发展很快。", "珠海", ["NOT_PLACE"]),
    ("zh", "當地人稱這座新城為“西部廈門”。", "廈門", ["NOT_PLACE"]),
    ("zh", "口号是“东有珠海”“西有北海”,两地都在发展旅游。", "珠海", ["LITERAL"]),
]

test_a_quoted_part_of_the_country_makes_a_figure = each_label_test(FIGURES)
