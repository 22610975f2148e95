"""Government references in every language of the multilingual set: the dev split's figures per language.

The held-out split is not tested (it is read only for the report, python -m tests.nlp.multilingual_figures).
"""

from __future__ import annotations

import pytest

from tests.nlp.multilingual_figures import MIN_METONYMIC, figures, rows

LANGS = sorted({r.lang for r in rows("dev") if r.government_set})


@pytest.fixture(scope="module")
def dev() -> dict[str, dict[str, float | str]]:
    return figures("dev")


def test_every_language_has_enough_government_references_in_both_splits() -> None:
    for split in ("dev", "heldout"):
        counts = {lang: sum(1 for r in rows(split) if r.lang == lang and r.label == "METONYMIC") for lang in LANGS}
        assert min(counts.values()) >= MIN_METONYMIC, (split, counts)
    assert len(LANGS) >= 12


@pytest.mark.parametrize("lang", LANGS)
def test_metonymic_f1_per_language(dev: dict[str, dict[str, float | str]], lang: str) -> None:
    f1 = dev[lang]["metonymic_f1"]
    assert isinstance(f1, str) and not f1.startswith("-"), f1
    assert float(f1) >= 0.80, (lang, dev[lang])
    assert float(dev[lang]["accuracy"]) >= 0.75, (lang, dev[lang])
