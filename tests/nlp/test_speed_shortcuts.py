"""The tagger's speed shortcuts change how the work is done, never what comes out.

Each test compares a shortcut with the plain way on the project's own sentences: the analyzer's
sentences of several texts parsed together against each text alone, the lemma of the governing
word computed alone against the lemmatizer run over the sentence, the attribute ruler on one token
against the ruler run over the sentence, the trained model's tokenizer read from disk alone against
the one spaCy builds first and, adding its special cases as texts need them, against all of them added
at once, the script counts against a character-by-character count, the Chinese character tokenizer
against spaCy's Chinese tokenizer in its character mode, and tagging without a candidate
against importing spaCy. spaCy's command line, deferred on import, is complete on
first use, and the grouped entry points are the ones catalogue would find.
"""

from __future__ import annotations

import random
import subprocess
import sys
from collections import Counter

import pytest

from nlp.analyzer import ATTRIBUTE_RULER, LEMMATIZER, UNUSED, _lemma, analyse, analyse_texts, apply_rules, load_model
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


def test_attribute_ruler_on_one_token_sets_what_a_run_over_the_sentence_sets(model: object) -> None:
    from spacy.tokens import Doc

    ruler = model.get_pipe(ATTRIBUTE_RULER)  # type: ignore[attr-defined]
    # the ruler's two-token patterns ("ai n't", "gon na") and its tag-and-word exceptions ("'s", "Ms.")
    texts = [*TEXTS, "He ai n't gon na say it, but Ms. Li's firm is Beijing's.", "They 're gon na go to Wuhan 'cause it's cheap."]
    bare = list(model.pipe(texts, disable=[ATTRIBUTE_RULER, LEMMATIZER]))  # type: ignore[attr-defined]
    changed = 0
    for doc in bare:
        full = ruler(Doc(doc.vocab).from_bytes(doc.to_bytes()))
        for i in range(len(doc)):
            alone = Doc(doc.vocab).from_bytes(doc.to_bytes())
            apply_rules(ruler, [(alone, [i])])
            read = (alone[i].pos_, alone[i].tag_, str(alone[i].morph), alone[i].lemma_, alone[i].dep_)
            assert read == (full[i].pos_, full[i].tag_, str(full[i].morph), full[i].lemma_, full[i].dep_), (doc, i)
            changed += read != (doc[i].pos_, doc[i].tag_, str(doc[i].morph), doc[i].lemma_, doc[i].dep_)
    assert changed > len(texts) * 5  # the ruler does set something (every part of speech comes from it)


def test_trained_models_tokenizer_read_from_disk_alone_is_spacys(model: object) -> None:
    import spacy

    plain = spacy.load(DEFAULT_OPTIONS.model_for("en"), exclude=UNUSED)
    ours, theirs = model.tokenizer, plain.tokenizer  # type: ignore[attr-defined]
    for attr in ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match"):
        mine, spacys = getattr(ours, attr), getattr(theirs, attr)
        assert (mine and mine.__self__) == (spacys and spacys.__self__), attr  # the compiled code too (nlp.regexes)
    assert ours.rules == theirs.rules and ours.rules
    assert ours.faster_heuristics == theirs.faster_heuristics
    assert [t.text for t in ours(TEXTS[3] + " U.S.-based e-mail: x@y.com can't")] == \
        [t.text for t in theirs(TEXTS[3] + " U.S.-based e-mail: x@y.com can't")]


def _tokens(doc: object) -> list[tuple[str, str, str, int]]:
    return [(t.text, t.whitespace_, t.norm_, t.idx) for t in doc]  # type: ignore[attr-defined]


def test_special_cases_added_on_demand_tokenize_as_all_of_them_added_at_once(model: object) -> None:
    import spacy

    from nlp.analyzer import RulesOnDemand

    plain = spacy.load(DEFAULT_OPTIONS.model_for("en"), exclude=UNUSED).tokenizer
    rules = plain.rules
    rng = random.Random(0)
    cases = sorted(rules)
    # every case alone, among words, between brackets, glued to letters and split by spaces (the phrase
    # matcher's tokens apart), and runs of several cases, some glued together
    texts = [*TEXTS, "He ai n't gon na say it, but Ms. Li's firm can't.\n\nU.S.-based e-mail: x@y.com at 10a.m. :)"]
    for case in cases:
        texts += [case, f"x {case} y", f"({case})", f"{case}.", f"a{case}b", " ".join(case)]
    texts += [" ".join(rng.choice(cases) + rng.choice(["", " ", ".", "'s", "\n"]) for _ in range(rng.randint(1, 8)))
              for _ in range(1500)]

    def fresh() -> RulesOnDemand:
        tokenizer = RulesOnDemand(plain.vocab, prefix_search=plain.prefix_search, suffix_search=plain.suffix_search,
                                  infix_finditer=plain.infix_finditer, token_match=plain.token_match,
                                  url_match=plain.url_match, faster_heuristics=plain.faster_heuristics)
        tokenizer._defer(rules)
        return tokenizer

    shared = fresh()
    for n, text in enumerate(texts):
        assert _tokens(shared(text)) == _tokens(plain(text)), text
        if n % 7 == 0:  # a tokenizer that has added no case yet
            alone = fresh()
            assert _tokens(alone(text)) == _tokens(plain(text)), text
            assert len(alone._pending) > len(rules) - 50  # it added only the few this text may hold
    loaded = model.tokenizer  # type: ignore[attr-defined]
    assert isinstance(loaded, RulesOnDemand)
    assert loaded.rules == rules and not loaded._pending  # reading the rules adds every case
    assert loaded.to_bytes(exclude=["vocab"]) == plain.to_bytes(exclude=["vocab"])


def test_spacys_command_line_deferred_on_import_is_complete_on_first_use() -> None:
    probe = (
        "import sys\n"
        "from nlp.pipeline import pipeline_for\n"
        "pipeline_for('en')\n"
        "print('weasel' in sys.modules, 'typer' in sys.modules)\n"
        "import spacy, spacy.cli\n"
        "print(callable(spacy.cli.download), sorted(spacy.info(silent=True))[:2])\n"
        "print(sorted(c.name for c in spacy.cli.app.registered_commands if c.name in {'info', 'download'}))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["False False", "True ['location', 'pipelines']", "['download', 'info']"]


def test_grouped_entry_points_are_the_ones_catalogue_would_find() -> None:
    from importlib.metadata import entry_points

    from nlp.spacy_import import _Grouped

    every = entry_points()
    grouped = _Grouped(every)
    for group in {*every.groups, "spacy_factories", "no_such_group"}:
        assert list(grouped.select(group=group)) == list(every.select(group=group)), group
    assert list(grouped.select(group="spacy_factories", name="city_finder")) == \
        list(every.select(group="spacy_factories", name="city_finder"))


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


def test_chinese_character_tokenizer_makes_spacys_chinese_doc() -> None:
    """Every word and trailing space as spaCy's Chinese tokenizer in its character mode makes them, on the project's
    Chinese sentences and on random runs of characters, spaces, tabs, line breaks and wide and no-break spaces."""
    import spacy

    from nlp.segment import blank_pipeline

    ours, theirs = blank_pipeline("zh").tokenizer, spacy.blank("zh").tokenizer
    rng = random.Random(0)
    pieces = [" ", "  ", "\n", "\u3000", "\xa0", "\t", "a", "Ab", "中", "文", "。", "，", "A B", " \n "]
    texts = ["", " ", "北京と上海で会議", "北京 上海  广州\n\n深圳 ", " 香港, Macau ", "上海\u3000浦东\xa0新区"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 20))) for _ in range(2000)]
    for text in texts:
        a, b = ours(text), theirs(text)
        assert [(t.text, t.whitespace_) for t in a] == [(t.text, t.whitespace_) for t in b], repr(text)


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
