"""Classes of stop 63's first change (3.25; their classes, not their sentences), each with the counterpart that stays
what it is.

A word for province before a city's old form that names its province too, in the languages that had none (Dutch
"de provincie Kanton", Swedish "provinsen Kanton": the cue file's ``province_marks``), while the form alone stays the
city; a namesake abroad whose state, outside the US, begins within reach after it (Macau, in Rio Grande do Norte,
Brazil: ``nlp/data/admin1.tsv``; the reach now counts where a name begins, not where it ends), while Macau among its
casinos stays the SAR; an airline's officers and fleet after its city's name alone in an article that names the
airline (the en ``carrier_nouns``: "Xiamen president ..."), while the city's mayor stays the city.
Sentences written for these tests (not in training.tsv, calibration.tsv or the sentence files).
"""

from __future__ import annotations

from tests.nlp.conftest import each_label_test

CASES = [
    ("nl", "Zijn grootvader kwam uit de provincie Kanton en werkte als kok.", "Kanton", []),
    ("nl", "Zijn grootvader kwam uit Kanton en werkte als kok in Rotterdam.", "Kanton", ["LITERAL"]),
    ("sv", "Hennes farfar kom från provinsen Kanton och blev kock.", "Kanton", []),
    ("sv", "Hennes farfar kom från Kanton och blev kock i Göteborg.", "Kanton", ["LITERAL"]),
    ("pt", "A governadora esteve em Macau, no litoral do Rio Grande do Norte, e anunciou a duplicação da rodovia.",
     "Macau", ["OTHER_PLACE"]),
    ("pt", "O turista passou o fim de semana em Macau, entre os casinos e a antiga cidade portuguesa.", "Macau",
     ["LITERAL"]),
    ("en", "Xiamen Airlines will take six more jets. Xiamen president Zhao Lin said the new aircraft would serve "
           "Europe.", "Xiamen", ["ORG_PART", "ORG_PART"]),
    ("en", "Xiamen Airlines will take six more jets. The Xiamen mayor said the new routes would help trade.",
     "Xiamen", ["ORG_PART", "LITERAL"]),
]

test_province_marks_namesake_states_and_carriers = each_label_test(CASES)
