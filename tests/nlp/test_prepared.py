"""What the tagger prepares once and reuses: the finder's automata split by script, and the gazetteer
and cue lists kept under ``var/cache`` (``nlp.cache``).

Each is compared with the plain way: the split automata with one automaton over every form (on the
project's own sentences in every language and on every form of the gazetteer written into text of
every script), the cached lexicon and cue table with ones built from the files; and the cache with
what it must survive (a truncated file, a changed key, a folder it cannot write).
"""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path
from types import ModuleType

import ahocorasick
import pytest
import yaml

from nlp import cache
from nlp.cues import CUES_FILE, CueTable
from nlp.finder import FormMatcher, Hit, _leftmost_longest, is_cjk
from nlp.folding import fold_devanagari, form_key, has_devanagari, lower_same_length, unfolded_offset
from nlp.gazetteer import DEFAULT_PATH, load
from nlp.lexicon import DISTRICT, build_lexicon, read_lexicon

DATA = Path(__file__).parent


def _entries() -> list[tuple[str, str]]:
    gazetteer = load()
    lexicon = build_lexicon(gazetteer)
    entries = [(f.text, "city") for f in gazetteer.forms]
    entries += [(text, "province") for text in lexicon.province_forms if text not in lexicon.forms]
    entries += [(name, "name") for name, _kind, _city in gazetteer.names]
    return entries + [(name, DISTRICT) for name in gazetteer.districts]


class _OneAutomaton:
    """The finder as it was: every form in one automaton, read over the whole (Devanagari: folded) text."""

    def __init__(self, forms: list[tuple[str, str]]) -> None:
        self.automaton = ahocorasick.Automaton()
        for text, kind in forms:
            key = form_key(text)
            if len(key) < 2 and not is_cjk(key[:1]):
                continue
            existing = self.automaton.get(key, None)
            if existing is None or (existing[1] == "province" and kind == "city"):
                self.automaton.add_word(key, (text, kind, len(key)))
        self.automaton.make_automaton()

    def find(self, text: str) -> list[Hit]:
        lowered = lower_same_length(unicodedata.normalize("NFC", text)) if not text.isascii() else text.lower()
        if len(lowered) != len(text):
            lowered = lower_same_length(text)
        if not has_devanagari(lowered):
            hits = [Hit(end - len(form) + 1, end + 1, form, kind) for end, (form, kind, _) in self.automaton.iter(lowered)]
        else:
            folded, dropped = fold_devanagari(lowered)
            hits = [Hit(unfolded_offset(end + 1 - length, dropped), unfolded_offset(end + 1, dropped), form, kind)
                    for end, (form, kind, length) in self.automaton.iter(folded)]
        return _leftmost_longest([h for h in hits if FormMatcher._acceptable(text, h)])


def _sentences() -> list[str]:
    texts = []
    for path in [*(DATA / "data").glob("*.tsv"), *DATA.glob("*_sentences.tsv")]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                texts.append(line.split("\t")[-1])
    return texts


def test_automata_split_by_script_find_what_one_automaton_finds() -> None:
    entries = _entries()
    split, one = FormMatcher(entries), _OneAutomaton(entries)
    rng = random.Random(11)
    forms = [text for text, _ in entries]
    fillers = ["", " ", "x", "市", "の", "은", "в ", "و", "(", "), ", "\n", "北京和", " and ", "Пекин ", "·", "'s "]
    texts = _sentences()
    assert len(texts) > 1000
    for form in forms:  # every form, alone and between characters of every script
        texts.append(f"{rng.choice(fillers)}{form}{rng.choice(fillers)}")
    for _ in range(3000):  # forms of several scripts run together, with and without separators
        texts.append("".join(rng.choice(forms) + rng.choice(fillers) for _ in range(rng.randint(2, 8))))
    texts += ["", " " * 40, "İstanbul et Pékin", "Ｂeijing", "北京" * 300, "a" * 50 + "上海" + "b" * 50]
    differing = [text for text in texts if split.find(text) != one.find(text)]
    assert differing == []
    assert sum(bool(split.find(text)) for text in texts) > len(texts) // 2  # most texts do hold forms


def test_cached_lexicon_finds_and_knows_what_a_built_one_does() -> None:
    built = build_lexicon(load())
    cached = read_lexicon()
    for text in _sentences():
        assert cached.find(text) == built.find(text), text
    assert cached.forms.keys() == built.forms.keys()
    assert cached.province_forms == built.province_forms and cached.city_province == built.city_province
    assert cached.gazetteer.version == built.gazetteer.version and cached.source == DEFAULT_PATH.read_bytes()
    assert cached.gazetteer.cities.keys() == built.gazetteer.cities.keys()


def test_cached_cue_table_is_the_parsed_file() -> None:
    text = CUES_FILE.read_text(encoding="utf-8")
    assert CueTable(text)._raw == yaml.load(text, Loader=yaml.CSafeLoader)
    with pytest.raises(ValueError, match="not valid YAML"):
        CueTable("en: [unclosed", "broken.yaml")
    # a list given twice in one language (YAML would keep the second silently): one line naming the file, line and key
    with pytest.raises(ValueError, match=r"^twice\.yaml is not valid YAML at line 4, column 3: key 'dish_words' given twice$"):
        CueTable("en:\n  dish_words: [duck]\n  org_heads: [bank]\n  dish_words: [tea]\n", "twice.yaml")


def test_prepared_builds_once_and_rebuilds_what_it_cannot_trust(tmp_path: Path) -> None:
    builds: list[str] = []

    def build(value: str) -> dict:
        builds.append(value)
        return {"value": value}

    def get(key: str, folder: Path = tmp_path) -> dict:
        return cache.prepared("probe", key, (cache,), lambda: build(key), folder=folder)

    assert get("a") == {"value": "a"} and get("a") == {"value": "a"}
    assert builds == ["a"]  # the second came from the file
    for path in tmp_path.glob("probe-*.pickle"):
        path.write_bytes(path.read_bytes()[:5])  # truncated
    assert get("a") == {"value": "a"} and builds == ["a", "a"]
    assert get("a") == {"value": "a"} and builds == ["a", "a"]  # rewritten whole
    assert get("b") == {"value": "b"} and builds == ["a", "a", "b"]  # other data, another file ...
    assert len(list(tmp_path.glob("probe-*.pickle"))) == 1  # ... which replaces the older one
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert get("c", folder=blocked / "cache") == {"value": "c"}  # nowhere to write: built every time
    assert get("c", folder=blocked / "cache") == {"value": "c"} and builds[-2:] == ["c", "c"]
    assert get("b") == {"value": "b"} and builds[-1] == "c"
    assert not list(tmp_path.glob(".probe-*"))  # no temporary file left behind


def test_prepared_is_rebuilt_when_the_code_that_builds_it_changes(tmp_path: Path) -> None:
    source = tmp_path / "builder.py"
    module = ModuleType("builder")
    module.__file__ = str(source)
    builds: list[str] = []

    def get() -> str:
        return cache.prepared("probe", "key", (module,), lambda: builds.append(source.read_text()) or "built",
                              folder=tmp_path / "cache")

    source.write_text("VERSION = 1\n")
    get(), get()
    source.write_text("VERSION = 2\n")
    get(), get()
    assert builds == ["VERSION = 1\n", "VERSION = 2\n"]
