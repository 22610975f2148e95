"""Pipelines shared by the tagger tests (building one loads the trained model: once per session)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from nlp.pipeline import RULES_ONLY, build_pipeline, mention_dicts, tag_texts


@pytest.fixture(scope="session")
def english() -> Language:
    return build_pipeline("en")


@pytest.fixture(scope="session")
def rules_only() -> Language:
    """English without the trained model: the path a machine without en_core_web_sm takes."""
    return build_pipeline("en", RULES_ONLY)


def tag_one(nlp: Language, text: str) -> list[dict]:
    return mention_dicts(nlp(text))


def only(nlp: Language, text: str, surface: str) -> dict:
    """The single mention of ``surface`` in ``text``."""
    found = [m for m in tag_one(nlp, text) if m["surface"] == surface]
    assert len(found) == 1, (text, tag_one(nlp, text))
    return found[0]


def mentions_of(lang: str, text: str, surface: str) -> list[dict]:
    """The mentions of ``surface`` in ``text`` tagged as ``lang`` (the languages without a fixture of their own)."""
    return [m for m in tag_texts([text], [lang])[0] if m["surface"] == surface]


def assert_one_label(lang: str, text: str, surface: str, label: str | None) -> None:
    """``surface`` is mentioned once in ``text`` with ``label``; with ``label`` None, not at all (an everyday word, a
    person's name, a river's)."""
    found = mentions_of(lang, text, surface)
    if label is None:
        assert found == []
        return
    assert len(found) == 1, found
    assert found[0]["label"] == label


def one_label_test(cases: list[tuple[str, str, str, str | None]]) -> Callable[..., None]:
    """The test of a table of ``(lang, text, surface, label)`` cases, each by :func:`assert_one_label`; a test file
    binds it to its test's name (``test_what_... = one_label_test(CASES)``)."""

    @pytest.mark.parametrize(("lang", "text", "surface", "label"), cases)
    def test(lang: str, text: str, surface: str, label: str | None) -> None:
        assert_one_label(lang, text, surface, label)

    return test


def each_label_test(cases: list[tuple[str, str, str, list[str]]]) -> Callable[..., None]:
    """The test of a table of ``(lang, text, surface, labels)`` cases: the labels of the surface's mentions, in order."""

    @pytest.mark.parametrize(("lang", "text", "surface", "labels"), cases)
    def test(lang: str, text: str, surface: str, labels: list[str]) -> None:
        assert [m["label"] for m in mentions_of(lang, text, surface)] == labels

    return test
