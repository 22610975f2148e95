"""Ordinary government metonymy and its literal look-alikes, ships and people named like cities.

Sentences written for these tests (not in training.tsv or calibration.tsv, not from any corpus).
"""

from __future__ import annotations

import pytest

from nlp.cues import cues_for
from nlp.features import lexical
from tests.nlp.conftest import only

METONYMIC = [
    "Beijing lodged a strong protest over the visit of the parliamentary delegation.",
    "Beijing imposed export curbs on graphite in retaliation.",
    "Beijing summoned the British envoy on Tuesday night.",
    "Beijing has flatly denied supplying weapons to either side.",
    "Beijing has not formally responded to the proposal.",
    "Canberra and Beijing clashed again over the detained writer.",
    "Berlin and Beijing agreed to expand their climate dialogue.",
    "Beijing's ban on imports of Lithuanian goods is still in place.",
    "Beijing's stance on the conflict has frustrated European diplomats.",
    "The airline removed the map after pressure from Beijing.",
    "Beijing-appointed judges will hear the cases.",
    "The result is a setback for Beijing and its allies on the council.",
    "The decision is bound to annoy Beijing.",
]

# The government named beside the city: the city name only says whose government (LITERAL by the guidelines).
GOVERNMENT_NAMED = [
    ("Hong Kong's leader announced a new housing subsidy on Wednesday.", "Hong Kong"),
    ("The Shanghai government cut property taxes for first-time buyers.", "Shanghai"),
    ("Guangzhou officials promised to relax the rules on ride-hailing.", "Guangzhou"),
]

LITERAL = [
    "Non-stop flights between Rome and Beijing will restart in the spring.",
    "Beijing's skyline was hidden behind a yellow haze of dust.",
    "Beijing's traffic crawled as the first snow fell.",
    "Beijing-based start-ups raised record sums last year.",
    "The foreign minister visited Beijing in April.",
    "Officials in Beijing said the meeting had been constructive.",
    "The consultancy closed its Beijing office in June.",
    "A delegation from Beijing toured the car plant in Bavaria.",
]

NOT_PLACE = [
    ("Tourists can walk the decks of the barque Peking, now restored.", "Peking"),
    ("Volunteers spent years repainting the hull aboard the Peking.", "Peking"),
    ("The bulk carrier Shanghai Dawn was refloated on Monday.", "Shanghai"),
    ("Linebacker Ryan Harbin missed practice with a sore knee.", "Harbin"),
]


@pytest.mark.parametrize("text", METONYMIC)
def test_government_metonymy(english, text: str) -> None:
    surface = next(s for s in ("Hong Kong", "Shanghai", "Guangzhou", "Beijing") if s in text)
    assert only(english, text, surface)["label"] == "METONYMIC"


@pytest.mark.parametrize("text", LITERAL)
def test_literal_look_alikes(english, text: str) -> None:
    assert only(english, text, "Beijing")["label"] == "LITERAL"


@pytest.mark.parametrize(("text", "surface"), GOVERNMENT_NAMED)
def test_government_named_beside_the_city_is_literal(english, text: str, surface: str) -> None:
    assert only(english, text, surface)["label"] == "LITERAL"


@pytest.mark.parametrize(("text", "surface"), NOT_PLACE)
def test_ships_and_people(english, text: str, surface: str) -> None:
    mention = only(english, text, surface)
    assert mention["label"] == "NOT_PLACE" and mention["city"] is None


def _features(text: str, surface: str, lang: str = "en") -> dict[str, float]:
    start = text.index(surface)
    return lexical(text, start, start + len(surface), cues_for(lang))


def test_subject_cue_skips_adverbs_and_waits_for_a_german_participle() -> None:
    assert _features("Beijing has quietly dropped its objections.", "Beijing")["comm_subject"] == 0.0
    assert _features("Beijing has repeatedly protested.", "Beijing")["comm_subject"] == 1.0
    assert _features("Peking hat die Vorwürfe bestritten.", "Peking", "de")["comm_subject"] == 1.0
    assert _features("Peking hat viele Einwohner.", "Peking", "de")["comm_subject"] == 0.0


def test_subject_cue_ignores_the_noun_before_a_preposition() -> None:
    assert _features("Officials in Wuhan said the market would reopen.", "Wuhan")["comm_subject"] == 0.0
    assert _features("Wuhan said the market would reopen.", "Wuhan")["comm_subject"] == 1.0


def test_person_and_ship_cues() -> None:
    assert _features("Forward Emma Canton scored twice.", "Canton")["person_before"] == 1.0
    assert _features("Southern Canton was flooded.", "Canton")["person_before"] == 0.0
    assert _features("Die Bark „Peking“ liegt im Hafen.", "Peking", "de")["not_place"] == 1.0
    assert _features("The crew went aboard the Peking at dawn.", "Peking")["not_place"] == 1.0


def test_government_noun_after_the_name_only_when_lower_case() -> None:
    assert _features("The Wuhan government denied the report.", "Wuhan")["gov_after"] == 1.0
    assert _features("The Macau Government Tourism Office opened a branch.", "Macau")["gov_after"] == 0.0
