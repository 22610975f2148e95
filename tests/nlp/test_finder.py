"""The candidate finder: word boundaries, capitalisation, characters, overlaps."""

from __future__ import annotations

from nlp.finder import FormMatcher

MATCHER = FormMatcher([("Xi'an", "city"), ("Xian", "city"), ("Hong Kong", "city"), ("Kong", "city"),
                       ("Canton", "city"), ("北京", "city"), ("Anhui", "province"), ("Pékin", "city")])


def found(text: str) -> list[tuple[str, str]]:
    return [(text[h.start:h.end], h.kind) for h in MATCHER.find(text)]


def test_word_boundaries_and_case() -> None:
    assert found("Xian, XI'AN and Xi'an-based firms") == [("Xian", "city"), ("XI'AN", "city"), ("Xi'an", "city")]
    assert found("Xianyang and Cantonese food") == []  # inside a longer word
    assert found("a canton of Switzerland") == []  # lower case is not the city


def test_longest_match_wins_and_provinces_are_marked() -> None:
    assert found("Hong Kong and Anhui") == [("Hong Kong", "city"), ("Anhui", "province")]


def test_characters_need_no_segmentation() -> None:
    assert found("中国北京市政府") == [("北京", "city")]


def test_non_ascii_forms_and_offsets() -> None:
    text = "İstanbul et Pékin"  # "İ".lower() is two characters: offsets must not shift
    assert found(text) == [("Pékin", "city")]
