"""Language routing: European languages through forms and cues; Chinese through characters."""

from __future__ import annotations

import pytest

from nlp import route, tag_texts


@pytest.mark.parametrize(("text", "lang", "surface", "label"), [
    ("Pékin a annoncé des sanctions contre trois entreprises américaines.", "fr", "Pékin", "METONYMIC"),
    ("Les usines de Canton tournent à plein régime.", "fr", "Canton", "LITERAL"),
    ("Las fábricas de Shanghái volvieron a abrir el lunes.", "es", "Shanghái", "LITERAL"),
    ("Pekín advirtió que tomará represalias.", "es", "Pekín", "METONYMIC"),
    ("In Schanghai stiegen die Preise für Wohnungen erneut.", "de", "Schanghai", "LITERAL"),
    ("北京大学的研究人员发表了这项研究。", "zh", "北京", "ORG_PART"),
    ("上周，武汉的工厂恢复了生产。", "zh", "武汉", "LITERAL"),
])
def test_non_english(text: str, lang: str, surface: str, label: str) -> None:
    (mentions,) = tag_texts([text], [lang])
    found = [m for m in mentions if m["surface"] == surface]
    assert found and found[0]["label"] == label, mentions
    assert text[found[0]["start"]:found[0]["end"]] == surface


@pytest.mark.parametrize(("text", "lang", "surface", "label"), [
    ("Peking kritisierte die neuen Exportkontrollen als unfair.", "de", "Peking", "METONYMIC"),
    ("Peking hat die Strafzölle scharf verurteilt.", "de", "Peking", "METONYMIC"),
    ("Viele Touristen besuchten im Sommer Peking und Xi'an.", "de", "Peking", "LITERAL"),
    ("北京方面周三表示，将继续推动谈判。", "zh", "北京", "METONYMIC"),
    ("Pechino ha accusato Washington di interferenze.", "it", "Pechino", "METONYMIC"),
    ("Le strade di Pechino erano deserte durante le feste.", "it", "Pechino", "LITERAL"),
    ("Pequim exigiu que Washington retirasse as sanções.", "pt", "Pequim", "METONYMIC"),
    ("Milhares de turistas visitaram Pequim durante o feriado.", "pt", "Pequim", "LITERAL"),
    ("Peking heeft de Nederlandse ambassadeur ontboden.", "nl", "Peking", "METONYMIC"),
    ("In Peking was het vannacht tien graden onder nul.", "nl", "Peking", "LITERAL"),
    ("Peking har fördömt sanktionerna.", "sv", "Peking", "METONYMIC"),
    ("Oron växte sedan Peking infört nya exportregler.", "sv", "Peking", "METONYMIC"),
    ("Många turister besöker Peking varje sommar.", "sv", "Peking", "LITERAL"),
])
def test_other_languages(text: str, lang: str, surface: str, label: str) -> None:
    (mentions,) = tag_texts([text], [lang])
    assert [m["label"] for m in mentions if m["surface"] == surface] == [label], mentions


def test_language_is_detected_when_absent() -> None:
    (fr,) = tag_texts(["Selon le gouvernement, les usines de Wuhan ont rouvert leurs portes cette semaine."])
    assert [m["surface"] for m in fr] == ["Wuhan"]


def test_routing() -> None:
    assert route("zh-cn") == route("zh-TW") == "zh"
    assert route("en") == "en" and route(None) == "en" and route("pt-BR") == "pt"
