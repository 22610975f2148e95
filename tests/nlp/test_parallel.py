"""Cross-language agreement on the dev articles of tests/nlp/data/parallel_articles.tsv (the held-out
articles are only scored, by tests/nlp/parallel_figures.py). The floors are the figures measured when the
articles were first tagged (README, "Measured"): a language that loses a city it found fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.nlp.parallel_figures import Agreement, agreement, pooled, versions

# Measured on dev (articles 1-3 and 5) without a declared language, on the merged tree of 2026-12-03 with the
# Sino-Vietnamese readings, compounds, "the city of Jilin", and the Ukrainian, Hindi, Czech, Lithuanian and Polish
# rules (share of the English cities found / share of the language's cities also in English); languages not
# listed found every English city and nothing else.
FLOORS = {"ar": (0.92, 1.0), "ja": (0.96, 1.0), "ko": (0.96, 1.0), "lt": (0.92, 1.0)}
POOLED_FLOOR = (0.99, 1.0)
DETECTED_FLOOR = 92  # of 92 versions other than English


@pytest.fixture(scope="module")
def dev() -> dict[str, Agreement]:
    return agreement("dev", declared=False)


def test_every_language_has_every_dev_article() -> None:
    data = versions("dev")
    langs = {v.lang for v in data}
    assert len(langs) == 24
    assert all(sum(v.lang == lang for v in data) == 4 for lang in langs)


def test_each_language_agrees_with_english_at_least_as_measured(dev: dict[str, Agreement]) -> None:
    below = {}
    for lang, row in dev.items():
        found, agrees = FLOORS.get(lang, (1.0, 1.0))
        if round(row.found, 2) < found or round(row.agrees or 0.0, 2) < agrees:
            below[lang] = (round(row.found, 2), row.agrees and round(row.agrees, 2))
    assert not below


def test_all_languages_together(dev: dict[str, Agreement]) -> None:
    together = pooled(dev)
    assert round(together.found, 2) >= POOLED_FLOOR[0]
    assert round(together.agrees or 0.0, 2) >= POOLED_FLOOR[1]
    assert together.detected >= DETECTED_FLOOR


def test_a_bad_row_names_its_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "articles.tsv"
    path.write_text("# header\n1\tdev\ten\tBeijing said.\n1\tdev\tde\n", encoding="utf-8")
    with pytest.raises(ValueError, match="articles.tsv line 3"):
        versions(path=path)
    path.write_text("1\tdev\tde\tPeking sagte.\n", encoding="utf-8")
    with pytest.raises(ValueError, match="article.s. 1 have no English version"):
        versions(path=path)
