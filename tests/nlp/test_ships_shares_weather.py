"""The classes of the linker3 round: a ship named for a city (NOT_PLACE), a listed company named alone after finance
words (ORG_PART), a natural event hitting a place (LITERAL, also as a passive, while a government hit by sanctions
stays METONYMIC), a government as the receiver of two objects or after "bought from / linked to / aimed at"
(METONYMIC), and the literal counterparts. Sentences written for these tests (not in training.tsv, calibration.tsv
or the sentence files); the dev block of tests/nlp/dev2_sentences.tsv is scored by test_brands_tournaments_acts.
"""

from __future__ import annotations

import pytest

from nlp.cues import cues_for
from nlp.features import lexical
from tests.nlp.conftest import only

CASES = [
    # ships: the crew before "of (the) X", the name as the head of a noun phrase after "the"
    ("The crew of the Shaoxing spent Christmas at sea.", "Shaoxing", "NOT_PLACE"),
    ("The Luoyang berthed in Muscat for a four-day visit.", "Luoyang", "NOT_PLACE"),
    ("Sailors stationed in Zhanjiang were given leave.", "Zhanjiang", "LITERAL"),
    # a listed company after finance words
    ("Shares in Tsingtao fell 3% in early trading.", "Tsingtao", "ORG_PART"),
    ("A sovereign fund bought a stake in Tsingtao.", "Tsingtao", "ORG_PART"),
    ("Foreign investment in Chengdu doubled in five years.", "Chengdu", "LITERAL"),
    # natural events
    ("Macau was hit by a strong typhoon on Saturday.", "Macau", "LITERAL"),
    ("Nanning was lashed by heavy rain for a second day.", "Nanning", "LITERAL"),
    ("Macau was hit by fresh US sanctions.", "Macau", "METONYMIC"),
    # a number joined by a hyphen names a craft (the Shenzhou spacecraft, not Shenzhou in Hebei); a company's site
    ("The Shenzhou-21 capsule docked with the station.", "Shenzhou", "ORG_PART"),
    ("The Tianjin location employs 800 people.", "Tianjin", "LITERAL"),
    ("Hundreds of workers at the Chengdu Foxconn plant walked out.", "Chengdu", "LITERAL"),  # a brand's site there
    ("The Ningbo Geely factory doubled its output.", "Ningbo", "LITERAL"),
    ("Visitors queued outside the Chengdu Panda Base.", "Chengdu", "ORG_PART"),  # a base's and a resort's name
    ("The Shanghai Disney Resort raised ticket prices.", "Shanghai", "ORG_PART"),
    ("She teaches at Tianjin No. 2 Middle School.", "Tianjin", "ORG_PART"),  # a numbered institution
    # "between" alone does not make a government: a comparison of two places
    ("There is little difference between Wenzhou and Prato in how traders work.", "Wenzhou", "LITERAL"),
    # a modal before "be" and an article describes the place; before a verb it is the government's act
    ("For students from the north, Xiamen would be a cheaper choice than Singapore.", "Xiamen", "LITERAL"),
    ("Beijing would respond in kind, the ministry warned.", "Beijing", "METONYMIC"),
    # an ally of a government, its determination
    ("Islamabad has long been a close ally of Beijing.", "Beijing", "METONYMIC"),
    ("The launch shows Beijing's determination to lead in space.", "Beijing", "METONYMIC"),
    # a government as receiver or counterpart
    ("The summit handed Beijing a propaganda win.", "Beijing", "METONYMIC"),
    ("Myanmar's generals buy most of their jets from Beijing.", "Beijing", "METONYMIC"),
    ("Hackers tied to Beijing stole the designs.", "Beijing", "METONYMIC"),
    ("Macau extended the curfew by a week.", "Macau", "METONYMIC"),
]


@pytest.mark.parametrize(("text", "surface", "label"), CASES)
def test_label_in_context(english, text: str, surface: str, label: str) -> None:
    assert only(english, text, surface)["label"] == label


def _features(text: str, surface: str) -> dict[str, float]:
    start = text.index(surface)
    return lexical(text, start, start + len(surface), cues_for("en"))


def test_a_named_government_or_office_is_no_ship() -> None:
    """"the X" is a ship only when X heads its noun phrase: not "the Beijing government", "the Wuhan office"."""
    assert _features("The Lhasa sailed at dawn.", "Lhasa")["the_head"] == 1.0
    assert _features("The Beijing government sailed through the vote.", "Beijing")["the_head"] == 0.0
    assert _features("The Wuhan office was closed.", "Wuhan")["the_head"] == 0.0


def test_a_passive_with_a_natural_event_is_no_government_act() -> None:
    assert _features("Hong Kong was hit by a typhoon.", "Hong Kong")["comm_subject"] == 0.0
    assert _features("Hong Kong was hit by sanctions.", "Hong Kong")["comm_subject"] == 1.0
    assert _features("Hong Kong hit back at the sanctions.", "Hong Kong")["comm_subject"] == 1.0


def test_a_verb_of_yielding_reads_past_its_object_but_not_past_its_own_noun() -> None:
    """"bought its jets from X" reads "bought"; "a setback for X" keeps "setback"."""
    assert _features("The navy bought its jets from Beijing.", "Beijing")["yield_to"] == 1.0
    assert _features("The vote was a setback for Beijing.", "Beijing")["yield_to"] == 1.0
    assert _features("Tourists bought silk from shops in Hangzhou.", "Hangzhou")["yield_to"] == 0.0


def test_a_city_in_a_list_of_cities() -> None:
    """"Xingtai and Handan", "Hangzhou, Ningbo": a list of places (feature ``listed_with_city``); a city further
    away or joined by another word is no list."""
    from nlp.features import listed_with_city

    text = "Smog in Xingtai and Handan; Hangzhou, Ningbo. Beijing said Shanghai"
    spans = {name: (text.index(name), text.index(name) + len(name))
             for name in ("Xingtai", "Handan", "Hangzhou", "Ningbo", "Beijing", "Shanghai")}
    others = sorted(spans.values())
    assert listed_with_city(text, *spans["Handan"], others)
    assert listed_with_city(text, *spans["Hangzhou"], others)
    assert not listed_with_city(text, *spans["Shanghai"], others)
    assert not listed_with_city(text, *spans["Handan"], [spans["Hangzhou"]])
