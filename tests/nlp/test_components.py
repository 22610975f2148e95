"""The city components are real spaCy components: a saved pipeline loads in a fresh process and tags the same."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from nlp.pipeline import RULES_ONLY, TaggerOptions, build_pipeline, mention_dicts

# The project's own sentences: every label, a homonym settled by its province, a foreign namesake,
# French cues, Chinese characters.
TEXTS = [
    "Beijing said on Monday that the talks with Washington had been useful.",
    "Factories in Suzhou, Anhui reopened while Taizhou in Zhejiang stayed shut.",
    "The mayor of Canton, Ohio, visited the Peking University campus.",
    "Tourists crowded the bund in Shanghai before the Wuhan Open began.",
    "Pékin a protesté contre la visite, tandis que Shanghai restait calme.",
    "北京市政府表示，武汉的樱花季吸引了大量游客。",
]

_LOAD_AND_TAG = """
import json, sys
import spacy
nlp = spacy.load(sys.argv[1])
docs = [nlp(text) for text in json.loads(sys.stdin.read())]
from nlp.pipeline import mention_dicts
print(json.dumps([mention_dicts(doc) for doc in docs]))
"""


def _tag(nlp: Language, texts: list[str]) -> list[list[dict]]:
    return [mention_dicts(nlp(text)) for text in texts]


def _saved(nlp: Language, path: Path) -> Path:
    nlp.to_disk(path)
    return path


@pytest.mark.parametrize(("lang", "options", "texts"), [
    ("en", TaggerOptions(threshold=0.95), TEXTS[:4]),
    ("en", RULES_ONLY, TEXTS[:4]),
    ("fr", TaggerOptions(calibrated=False), TEXTS[4:5]),
    ("zh", TaggerOptions(), TEXTS[5:]),
])
def test_saved_pipeline_tags_the_same_in_a_fresh_process(tmp_path: Path, lang: str, options: TaggerOptions,
                                                          texts: list[str]) -> None:
    nlp = build_pipeline(lang, options)
    expected = _tag(nlp, texts)
    assert any(expected), "the texts must hold mentions for the comparison to mean anything"
    path = _saved(nlp, tmp_path / "tagger")
    done = subprocess.run([sys.executable, "-c", _LOAD_AND_TAG, str(path)], input=json.dumps(texts),
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == expected


def test_saved_config_holds_only_scalars(tmp_path: Path) -> None:
    path = _saved(build_pipeline("en", TaggerOptions(threshold=0.8)), tmp_path / "tagger")
    config = spacy.util.load_config(path / "config.cfg")
    components = config["components"]
    assert components["city_confidence"]["threshold"] == 0.8
    for name, settings in components.items():
        for key, value in settings.items():
            assert isinstance(value, str | int | float | bool), (name, key, value)
            assert not (isinstance(value, str) and "/" in value), (name, key, value)  # no paths
    assert {p.name for p in (path / "city_classifier").iterdir()} == {"classifier.json", "cues.yaml"}


def test_saved_data_is_what_the_loaded_pipeline_uses(tmp_path: Path) -> None:
    """A changed scale saved with the pipeline changes the confidence of the loaded one (the data travels)."""
    path = _saved(build_pipeline("en", RULES_ONLY), tmp_path / "tagger")
    (path / "city_confidence" / "calibration.json").write_text(json.dumps({"a": 1.0, "b": -3.0}), encoding="utf-8")
    loaded = spacy.load(path)
    shipped = build_pipeline("en", RULES_ONLY)
    text = TEXTS[0]
    assert _tag(loaded, [text])[0][0]["confidence"] < _tag(shipped, [text])[0][0]["confidence"]


def test_an_uninitialized_component_says_what_is_missing() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("city_finder")
    with pytest.raises(ValueError, match="city_finder: no gazetteer"):
        nlp("Beijing said so.")


def test_a_broken_saved_scale_names_the_file(tmp_path: Path) -> None:
    path = _saved(build_pipeline("en", RULES_ONLY), tmp_path / "tagger")
    scale = path / "city_confidence" / "calibration.json"
    scale.write_text('{"a": 1.0}', encoding="utf-8")
    with pytest.raises(ValueError, match="calibration.json: not a confidence scale"):
        spacy.load(path)


def test_bytes_round_trip_and_initialize_through_spacy() -> None:
    """``nlp.to_bytes``/``from_bytes`` carry the data too; ``nlp.initialize()`` reads the shipped files."""
    nlp = build_pipeline("en", RULES_ONLY)
    blank = spacy.blank("en")
    for name in nlp.pipe_names:
        blank.add_pipe(name, config={"model": ""} if name == "city_analyzer" else {})
    fresh = spacy.blank("en")
    for name in nlp.pipe_names:
        fresh.add_pipe(name, config={"model": ""} if name == "city_analyzer" else {})
    fresh.initialize()
    expected = _tag(nlp, TEXTS[:4])
    assert _tag(blank.from_bytes(nlp.to_bytes()), TEXTS[:4]) == expected
    assert _tag(fresh, TEXTS[:4]) == expected
