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


def _covers_by_reading(matcher: FormMatcher, text: str, start: int, end: int, reach: int) -> bool:
    """What ``covers`` answers, by reading the whole window (its definition)."""
    lo = max(0, start - reach)
    return any(lo + h.start <= start and end <= lo + h.end for h in matcher.find(text[lo:end + reach]))


def test_covers_answers_as_reading_the_window() -> None:
    """``FormMatcher.covers`` skips the window where no form holding the span stands around it: the answer is
    the window's reading for every span of every placement, in full and cut by the window's edge, with the form
    in lower and upper case, in compatibility characters and next to a longer form."""
    names = FormMatcher([("宁德时代", "name"), ("香港01", "name"), ("北京字节跳动", "name"), ("上海合作组织", "name"),
                         ("Canton Fair", "name"), ("上海合作", "name"), ("合作组织", "name")])
    texts = ["宁德时代在宁德设厂。", "据香港01报道,香港股市下跌。", "北京字节跳动科技有限公司位于北京。",
             "上海合作组织峰会在上海举行,合作组织之外。", "宁德时代宁德时代", "香港０１与香港01", "北京字節跳動和北京字节跳动",
             "the canton fair and the Canton Fair in 广州", "上海合作组织合作组织上海"]
    for text in texts:
        for start in range(len(text)):
            for end in range(start + 1, min(len(text), start + 4) + 1):
                for reach in (2, 60):
                    assert names.covers(text, start, end, reach) == _covers_by_reading(names, text, start, end, reach), (
                        text, start, end, reach)
