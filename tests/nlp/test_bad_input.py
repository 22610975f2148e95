"""Bad input never crashes the tagger and never shifts offsets."""

from __future__ import annotations

from nlp import tag_texts


def _offsets_ok(text: str, mentions: list[dict]) -> bool:
    return all(text[m["start"]:m["end"]] == m["surface"] for m in mentions)


def test_empty_and_blank() -> None:
    assert tag_texts(["", "   ", "\n"]) == [[], [], []]


def test_five_megabytes() -> None:
    paragraph = "Exports from the port rose again as demand recovered. " * 20 + "Shipments left Ningbo on time.\n"
    text = paragraph * (5_000_000 // len(paragraph))
    (mentions,) = tag_texts([text], ["en"])
    assert len(mentions) == text.count("Ningbo") and _offsets_ok(text, mentions)


def test_control_characters_mixed_scripts_and_html() -> None:
    texts = [
        "Beijing\x00 said\x07 on\x1b[0m Monday \ufeffthat Wuhan\u200b factories reopened.",
        "Москва и Пекин, 上海 and Guangzhou: العربية Shenzhen",
        "<div class='x'><p>Factories in <b>Hangzhou</b> reopened.</p><script>var Shanghai=1;</script></div>",
        "\ud800 broken surrogate then Tianjin",
    ]
    results = tag_texts(texts, ["en", None, "en", "en"])
    for text, mentions in zip(texts, results, strict=True):
        assert _offsets_ok(text, mentions)
    assert {m["surface"] for m in results[0]} >= {"Beijing", "Wuhan"}
    assert {m["surface"] for m in results[1]} >= {"上海", "Guangzhou", "Shenzhen"}
    assert "Hangzhou" in {m["surface"] for m in results[2]}


def test_text_without_candidates_is_cheap_and_empty() -> None:
    assert tag_texts(["The council met on Tuesday to discuss the budget."] * 3) == [[], [], []]
