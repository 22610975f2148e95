"""Candidates whose label the cues settle are labelled without the parse, and only those.

A settled candidate (``CityClassifier.settled``) gets the rules-only reading: the same label, probabilities and
confidence as the pipeline without the trained model. An unsettled one is parsed and read with the model's
features, as before. A namesake abroad is never parsed. Thresholds above 1 parse every candidate.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlp.classifier import settles
from nlp.components import SPANS_KEY
from nlp.features import listed_with_city, vector, with_model
from nlp.pipeline import TaggerOptions, build_pipeline, mention_dicts

# cues that settle the label: a locative preposition, an organisation name, "X-based", a dateline
SETTLED = [
    ("Rents in Shanghai fell for the fourth straight quarter.", "Shanghai", "LITERAL"),
    ("The Shanghai Cooperation Organisation meets next week.", "Shanghai", "ORG_PART"),
    ("Shenzhen-based Huawei reported higher sales.", "Shenzhen", "LITERAL"),
]
# a company named like the city as the subject of "said": the cues read a government, the parse a name
PARSED = [("Harbin said profits rose sharply, the brewer reported.", "Harbin")]


def _span(nlp: Language, text: str, surface: str) -> object:
    doc = nlp(text)
    (span,) = [s for s in doc.spans[SPANS_KEY] if s.text == surface]
    return span


@pytest.fixture(scope="module")
def parse_all() -> Language:
    return build_pipeline("en", TaggerOptions(settle_at=2.0, settle_reference_at=2.0))


@pytest.mark.parametrize(("text", "surface", "label"), SETTLED)
def test_settled_candidate_is_not_parsed_and_reads_as_rules_only(english: Language, rules_only: Language,
                                                                 text: str, surface: str, label: str) -> None:
    if english.get_pipe("city_analyzer").trained is None:
        pytest.skip("the trained English model is not installed")
    span = _span(english, text, surface)
    assert span._.analysis is None
    assert span._.label == label
    assert mention_dicts(english(text)) == mention_dicts(rules_only(text))


@pytest.mark.parametrize(("text", "surface"), PARSED)
def test_unsettled_candidate_is_parsed(english: Language, parse_all: Language, text: str, surface: str) -> None:
    if english.get_pipe("city_analyzer").trained is None:
        pytest.skip("the trained English model is not installed")
    span = _span(english, text, surface)
    assert span._.analysis is not None and span._.analysis["dep"]
    assert span._.label == "ORG_PART"
    assert mention_dicts(english(text)) == mention_dicts(parse_all(text))


@pytest.mark.parametrize(("text", "surface", "label"), SETTLED)
def test_thresholds_above_one_parse_every_candidate(parse_all: Language, text: str, surface: str, label: str) -> None:
    if parse_all.get_pipe("city_analyzer").trained is None:
        pytest.skip("the trained English model is not installed")
    assert _span(parse_all, text, surface)._.analysis is not None


def test_namesake_abroad_is_not_parsed(english: Language) -> None:
    span = _span(english, "CANTON, Ohio - The Canton Police Department said on Monday it had made an arrest.", "Canton")
    assert span._.link.foreign > 0.5 and span._.analysis is None
    assert span._.label == "OTHER_PLACE"


def test_reference_readings_need_the_higher_probability() -> None:
    assert settles({"LITERAL": 0.9, "METONYMIC": 0.1}, 0.85, 0.98)
    assert not settles({"LITERAL": 0.1, "METONYMIC": 0.9}, 0.85, 0.98)
    assert settles({"NOT_PLACE": 0.99, "LITERAL": 0.01}, 0.85, 0.98)
    assert not settles({"ORG_PART": 0.8, "LITERAL": 0.2}, 0.85, 0.98)


def test_model_features_added_to_the_cue_vector_are_the_full_vector(parse_all: Language) -> None:
    cues = parse_all.get_pipe("city_classifier").cues.for_lang("en")
    for text, surface in [*PARSED, *((t, s) for t, s, _ in SETTLED)]:
        span = _span(parse_all, text, surface)
        if span._.analysis is None:
            pytest.skip("the trained English model is not installed")
        start, end = span._.offsets
        listed = listed_with_city(text, start, end, [(start, end)])
        bare = vector(text, start, end, cues, None, span._.link.near_province, listed=listed)
        full = vector(text, start, end, cues, span._.analysis, span._.link.near_province, listed=listed)
        assert with_model(bare, span._.analysis, cues) == full
        assert full != bare
