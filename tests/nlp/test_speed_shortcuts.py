"""The tagger's speed shortcuts change how the work is done, never what comes out.

Each test compares a shortcut with the plain way on the project's own sentences: the analyzer's
sentences of several texts parsed together against each text alone, the lemma of the governing
word computed alone against the lemmatizer run over the sentence, the script counts against a
character-by-character count, and tagging without a candidate against importing spaCy.
"""

from __future__ import annotations

import random
import subprocess
import sys
from collections import Counter

import pytest

from nlp.analyzer import LEMMATIZER, _lemma, analyse, analyse_texts, load_model
from nlp.language import _LATIN_LETTER, _SCRIPT_RANGES, script_counts
from nlp.pipeline import DEFAULT_OPTIONS

TEXTS = [
    "Beijing said on Monday that it would retaliate. Officials in Shanghai declined to comment.",
    "The talks between Beijing and Washington stalled, and Hong Kong's leader flew to Shenzhen.",
    "Workers from Harbin, Dalian and Shenyang travelled to Tianjin for the fair, which opened late.",
    "Guangzhou-based exporters were hit hardest; Wuhan retained first place in the league.",
]


def _spans(text: str) -> list[tuple[int, int]]:
    names = ("Beijing", "Shanghai", "Hong Kong", "Shenzhen", "Harbin", "Dalian", "Shenyang", "Tianjin", "Guangzhou",
             "Wuhan")
    return [(text.index(name), text.index(name) + len(name)) for name in names if name in text]


@pytest.fixture(scope="module")
def model() -> object:
    found = load_model(DEFAULT_OPTIONS.model_for("en"))
    if found is None:
        pytest.skip("the trained English model is not installed")
    return found


def test_sentences_of_several_texts_parse_as_each_text_alone(model: object) -> None:
    together = analyse_texts(model, [(text, _spans(text)) for text in TEXTS], batch_size=3)
    alone = [analyse(model, text, _spans(text), batch_size=1) for text in TEXTS]
    assert together == alone
    assert all(a is not None and a["dep"] for found in together for a in found)


def test_governing_words_lemma_is_the_lemmatizers(model: object) -> None:
    lemmatizer = model.get_pipe(LEMMATIZER)  # type: ignore[attr-defined]
    full = list(model.pipe(TEXTS))  # type: ignore[attr-defined]
    lean = list(model.pipe(TEXTS, disable=[LEMMATIZER]))  # type: ignore[attr-defined]
    pairs = [(a, b) for doc, bare in zip(full, lean, strict=True) for a, b in zip(doc, bare, strict=True)]
    assert [a.lemma_ for a, _ in pairs] == [_lemma(b, lemmatizer) for _, b in pairs]
    assert any(a.lemma_ != a.text.lower() for a, _ in pairs)  # the sentences do inflect ("said", "flew")


def _counts_by_character(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for char in text:
        if _LATIN_LETTER.match(char):
            counts["latin"] += 1
        else:
            point = ord(char)
            script = next((name for start, end, name in _SCRIPT_RANGES if start <= point <= end), None)
            if script is not None and script != "latin":
                counts[script] += 1
    return counts


def test_script_counts_match_a_count_character_by_character() -> None:
    rng = random.Random(0)
    points = [*range(0x20, 0x600), *range(0x1E00, 0x1F00), *range(0x3000, 0x3100), *range(0x4E00, 0x4E80),
              *range(0xAC00, 0xAC80), 0xFB50, 0xFE70, 0xFF66, 0x20000, 0x2FFFF, 0x30000, 0xD7AF, 0xD7B0]
    texts = ["", "ASCII only, 123.", "北京と上海で会議", "베이징은 서울에서", "Пекин заявил", "بكين", "Zürich × ÷ ªº"]
    texts += ["".join(chr(rng.choice(points)) for _ in range(rng.randint(1, 200))) for _ in range(500)]
    for text in texts:
        assert script_counts(text) == _counts_by_character(text), text


def test_tagging_text_without_a_candidate_does_not_import_spacy() -> None:
    code = ("import sys; from nlp.pipeline import tag_docs; "
            "print(tag_docs(['No city is named here.', 'Auch hier nicht.']), 'spacy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "(['en', 'de'], [[], []]) False"


def test_citywatch_tag_without_a_candidate_loads_neither_spacy_nor_the_store() -> None:
    probe = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from citywatch.cli.main import citywatch\n"
        "lines = '{\"id\": 1, \"text\": \"No city is named here.\"}\\n{\"id\": 2, \"text\": \"Ni ici.\"}\\n'\n"
        "result = CliRunner().invoke(citywatch, ['tag'], input=lines)\n"
        "assert result.exit_code == 0, result.output\n"
        "print(result.output.count('\"mentions\": []'), sorted(m for m in ('spacy', 'pymongo') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "2 []"
