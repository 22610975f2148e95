"""The spaCy components of the city tagger, in pipeline order.

``city_finder`` -> ``city_linker`` -> ``city_analyzer`` -> ``city_classifier`` ->
``city_confidence``. The analyzer comes after the linker because it parses only the candidates whose label
the cues and the linker have not already settled (``CityClassifier.settled``). Results live in
``doc.spans["cities"]``; each span carries
``span._.label``, ``._.city`` (the gazetteer reference or None), ``._.confidence``,
``._.flagged``, ``._.candidates`` and ``._.group_key``. The exact character offsets
of the name are ``span._.offsets`` (tokenizers may not split "Beijing-Washington";
the span is then widened to whole tokens, the offsets are not).

Like spaCy's ``SpanRuler``, each component is a class whose config holds only scalars
(the trained model's package name, the review threshold); its data (gazetteer, cue
lists, classifier weights, confidence scale) comes from ``initialize`` (the shipped
files by default) and is saved and loaded with the pipeline (``to_disk``/``from_disk``, ``to_bytes``/``from_bytes``),
so ``spacy.load`` of a saved pipeline tags exactly as the pipeline that saved it. The
factories are registered through the ``spacy_factories`` entry points of pyproject.toml.
Annotations are evaluated (no ``from __future__ import annotations``): ``nlp.initialize()``
validates the ``initialize`` arguments against them.
"""

import itertools
import json
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import SimpleFrozenList, ensure_path, from_disk, minibatch, to_disk

from nlp import regexes
from nlp.abbreviations import is_abbreviation, keep_abbreviations
from nlp.analyzer import analyse_texts, load_model
from nlp.classifier import SETTLE_AT, SETTLE_REFERENCE_AT, WEIGHTS_FILE, Weights, parse_weights, predict, settles
from nlp.confidence import FLAG_THRESHOLD, SCALE_FILE, Scale, apply, read_scale
from nlp.cues import CUES_FILE, CueTable, cues_for, marks_word, shipped_cues
from nlp.features import (
    HAN_GLOSS,
    LEGAL_FORM,
    NAMES,
    after_firm_word,
    brand_and_trade,
    club_names,
    context,
    in_known_name,
    inner_capital,
    listed_with_city,
    match_copy_text,
    model_reading,
    quoted_org_name,
    sentence_of_the_game,
    vector,
    with_model,
)
from nlp.finder import COMPOUNDING_LANGS, Hit, is_cjk
from nlp.folding import match_key, simplified_table, simplified_text
from nlp.gazetteer import DEFAULT_PATH
from nlp.labels import CITY_LABELS, CITYLESS
from nlp.landmarks import LANDMARKS_FILE, Landmarks, parse_landmarks
from nlp.lexicon import NAME_NONE, NAME_PART, Lexicon, read_lexicon
from nlp.linker import article_context, link, one_sense
from nlp.segment import keep_words
from nlp.vietnamese import keep_readings

SPANS_KEY = "cities"
_TEXT_KEY = "citywatch.text"


def doc_text(doc: Doc) -> str:
    """The doc's text, built from its tokens once and kept in ``doc.user_data``: spaCy builds ``Doc.text`` anew on
    every access (about 0.3 ms for a Chinese article of 250 characters, one token per character or word), and every
    city component reads it. A doc's text never changes, whatever the components do to its tokens or spans."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text
_SPAN_ATTRS = ("offsets", "form", "historic", "old_spelling", "firm_word", "analysis", "cue_vector", "link", "probs", "label", "city",
               "raw_confidence", "confidence", "flagged", "candidates", "group_key")
for _attr in _SPAN_ATTRS:
    if not Span.has_extension(_attr):
        Span.set_extension(_attr, default=None)
if not Doc.has_extension("city_hits"):
    Doc.set_extension("city_hits", default=None)
if not Doc.has_extension("outlet_country"):  # the source registry's country of the outlet (linker evidence)
    Doc.set_extension("outlet_country", default=None)
# The article's headline when it is stored apart from the body (the crawler's and ingest's ``title``): set by
# whoever builds the Doc, read by the linker as the headline; its names are no mentions and have no offsets.
if not Doc.has_extension("title"):
    Doc.set_extension("title", default=None)
# The lexicon's hits of the Doc's whole text when whoever built the Doc has already read them (``tag_docs`` reads
# every text once to skip those without a candidate): the finder takes them instead of reading the text again.
if not Doc.has_extension("lexicon_hits"):
    Doc.set_extension("lexicon_hits", default=None)

GAZETTEER = "gazetteer.json"
CUES = "cues.yaml"
LANDMARKS = "landmarks.tsv"
WEIGHTS = "classifier.json"
SCALE = "calibration.json"
_NO_EXCLUDE = SimpleFrozenList()


@lru_cache(maxsize=4)
def _cue_table(text: str, where: str) -> CueTable:
    """One parsed table per cue file: two components of every language's pipeline read the same file, and
    parsing its YAML cost 20 ms each time (0.4 s of a run that met nine languages). A table is only read."""
    return CueTable(text, where)


class _CityComponent:
    """What every city component shares: its name, its language and data saved with the pipeline.

    A subclass lists its data in ``_writers`` (file name -> write to path) and
    ``_readers`` (file name -> read from path).
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lang: str = nlp.lang or "xx"  # a blank pipeline always has one

    def _writers(self) -> dict[str, Callable[[Path], Any]]:
        return {}

    def _readers(self) -> dict[str, Callable[[Path], Any]]:
        return {}

    def _missing(self, what: str) -> ValueError:
        return ValueError(f"{self.name}: no {what}; call initialize() or load a saved pipeline")

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = _NO_EXCLUDE) -> None:
        to_disk(ensure_path(path), self._writers(), exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = _NO_EXCLUDE) -> "_CityComponent":
        from_disk(ensure_path(path), self._readers(), exclude)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = _NO_EXCLUDE) -> bytes:
        """The same files as ``to_disk``, packed (for ``nlp.to_bytes``)."""
        with tempfile.TemporaryDirectory() as folder:
            self.to_disk(folder, exclude=exclude)
            return srsly.msgpack_dumps({f.name: f.read_bytes() for f in Path(folder).iterdir()})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = _NO_EXCLUDE) -> "_CityComponent":
        with tempfile.TemporaryDirectory() as folder:
            for name, content in srsly.msgpack_loads(data).items():
                (Path(folder) / name).write_bytes(content)
            return self.from_disk(folder, exclude=exclude)


class _GazetteerComponent(_CityComponent):
    """A component that reads the gazetteer (through the Lexicon shared by every pipeline of the process)."""

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self._lexicon: Lexicon | None = None

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            raise self._missing("gazetteer")
        return self._lexicon

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Language | None = None,
                   gazetteer: str | Path | None = None) -> None:
        """Read the gazetteer file at ``gazetteer`` (the shipped one by default)."""
        self._lexicon = read_lexicon(Path(gazetteer) if gazetteer else DEFAULT_PATH)

    def _writers(self) -> dict[str, Callable[[Path], Any]]:
        return {GAZETTEER: lambda p: p.write_bytes(self.lexicon.source)}

    def _readers(self) -> dict[str, Callable[[Path], Any]]:
        return {GAZETTEER: self._read_gazetteer}

    def _read_gazetteer(self, path: Path) -> None:
        self._lexicon = read_lexicon(path)


class _CueComponent(_CityComponent):
    """A component that reads the cue lists of its language."""

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self._cues: CueTable | None = None

    @property
    def cues(self) -> CueTable:
        if self._cues is None:
            raise self._missing("cue lists")
        return self._cues

    def _read_cues(self, path: Path) -> None:
        self._cues = _cue_table(path.read_text(encoding="utf-8"), str(path))

    def _writers(self) -> dict[str, Callable[[Path], Any]]:
        return {CUES: lambda p: p.write_text(self.cues.text, encoding="utf-8")}

    def _readers(self) -> dict[str, Callable[[Path], Any]]:
        return {CUES: self._read_cues}


class CityFinder(_GazetteerComponent):
    """Every gazetteer form in the text (``doc._.city_hits``); the city names among them become the spans."""

    def __call__(self, doc: Doc) -> Doc:
        lexicon = self.lexicon
        text = doc_text(doc)
        hits = find_hits(text, lexicon, self.lang, doc._.lexicon_hits)
        doc._.city_hits = hits
        spans = []
        for index, hit in enumerate(hits):
            if hit.kind != "city" or _is_province_here(text, hits, index, lexicon, self.lang):
                continue
            span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            ext = span._  # each ``span._`` builds an accessor object: one per span, not one per attribute
            ext.offsets = (hit.start, hit.end)
            ext.form = hit.form
            ext.historic = lexicon.historic(hit.form, self.lang)
            ext.firm_word = lexicon.firm_word(hit.form, text)
            ext.old_spelling = ext.historic and not ext.firm_word  # Lexicon.old_spelling, from the two read above
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc


# a web or e-mail address: it names a page or a mailbox, not the city (http://example.jp/China/Weifang.htm)
_ADDRESS = regexes.compile(r"(?:https?://|www\.)[^\s<>\"'「」『』（）()]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def find_hits(text: str, lexicon: Lexicon, lang: str, found: list[Hit] | None = None) -> list[Hit]:
    """Every gazetteer form of ``text`` that stands as a word of ``lang`` (the finder's hits; the linker reads a
    headline stored apart from the body with the same rules), outside web and e-mail addresses. ``found``: the
    lexicon's hits of ``text`` when the caller has them already."""
    if found is None:
        found = lexicon.find(text, compounds=lang in COMPOUNDING_LANGS)
    if "://" in text or "www." in text or "@" in text:
        addresses = [m.span() for m in _ADDRESS.finditer(text)]
        found = [h for h in found if not any(start <= h.start and h.end <= end for start, end in addresses)]
    short = [h for h in found if is_abbreviation(h)]  # 京, 沪: a written rule, not the segmenter, decides
    hits = keep_words(text, [h for h in found if not is_abbreviation(h)] if short else found, lang,
                      lexicon.han_names_alone)
    if short:
        hits = sorted(hits + keep_abbreviations(text, short, lang), key=lambda h: h.start)
    return keep_readings(text, [h for h in hits if not lexicon.foreign_inflection(h, lang)], lexicon, lang)


def _is_province_here(text: str, hits: list[Hit], index: int, lexicon: Lexicon, lang: str) -> bool:
    """A name shared by a province and a prefecture city (Jilin) is the province unless the text marks the city:
    a word for city right before or after it in the text's language ("the city of Jilin", "Jilin City", "staden
    Jilin": the cue file's ``city_marks``), or 市 after it. Where the language's form of the name is the city's
    alone (Russian Цзилинь), or a city's form names a province too ("the province of Canton", Guangdong), it is the
    province only when a word for province marks it (``province_marks``) or it is listed between two provinces
    ("в провинциях Хэйлунцзян, Цзилинь, Ляонин", "헤이룽장, 지린, 랴오닝")."""
    hit = hits[index]
    form = lexicon.form(hit.form)
    if not lexicon.province_of(hit.form):
        marks = shipped_cues().province_marks(lang)

        def marked(other: Hit, after: tuple[str, ...] = marks[1]) -> bool:
            gloss = HAN_GLOSS.match(text, other.end)  # the word for province past a gloss in characters: 지린(吉林)성
            return marks_word(text, other.start, gloss.end() if gloss else other.end, marks[0], after)

        # one sense per article for a city's form that names a province too: marked as the province anywhere, it is
        # the province wherever a word for city does not mark it ("en la provincia de Cantón ... naturales de Cantón")
        named_province = match_key(hit.form) in lexicon.province_named
        return (form is not None and (not lexicon.named_like_province.isdisjoint(form.adcodes) or named_province)
                and (marked(hit) or _between_provinces(text, hits, index) or _before_own_city(text, hits, index, form, lexicon)
                     or _after_own_city(text, hits, index, form, lexicon)
                     or named_province
                     and not marks_city(text, hit.start, hit.end, *shipped_cues().city_marks(lang))
                     and any(other.form == hit.form and marked(other, _without_apposition(marks[1])) for other in hits)))
    if any(code in lexicon.municipal for code in form.adcodes):
        return False
    # a word for province right after wins over a word for city before ("the capital city of Jilin Province")
    if marks_word(text, hit.start, hit.end, (), shipped_cues().province_marks(lang)[1]):
        return True
    return not marks_city(text, hit.start, hit.end, *shipped_cues().city_marks(lang))


@lru_cache(maxsize=32)
def _without_apposition(after: tuple[str, ...]) -> tuple[str, ...]:
    """The words for province after a name without those in apposition (", la provincia"), which mark their own use
    alone: "CANTÓN (China), 16 dic (EFE)" opening the article that later writes "Cantón, la provincia más poblada" is
    the city (:func:`_is_province_here`'s one sense per article)."""
    return tuple(w for w in after if not w.startswith(","))


# what stands between the items of a list: a comma, 、 or the middle dot Korean papers join names with (랴오닝·지린·헤이룽장성)
# and spaces, or a short conjunction ("и", "and"); Arabic writes its و onto the next name, which the form holds
_LIST_GAP = regexes.compile(r"\s*[,、，;·∙]?\s*(?:\w{1,3}\s+)?")


def _before_own_city(text: str, hits: list[Hit], index: int, form: Any, lexicon: Lexicon) -> bool:
    """The hit at ``index``, a city named like its province (its gazetteer ``form``), stands right before a city of
    that province, across a space at most: the province, as an address begins with it (길림 연변, "Jilin's Yanbian";
    吉林珲春 is the linker's)."""
    if index + 1 >= len(hits) or hits[index + 1].kind != "city" or not text[hits[index].end:hits[index + 1].start].isspace() \
            and hits[index].end != hits[index + 1].start:
        return False
    return _another_city_of_its_province(hits[index + 1], form, lexicon)


def _after_own_city(text: str, hits: list[Hit], index: int, form: Any, lexicon: Lexicon) -> bool:
    """The hit at ``index``, a city named like its province, right after a comma that follows another city of that
    province: the province, as an address ends with it ("Taishan, Canton": Guangdong, not Guangzhou); not inside a list
    of cities that goes on after it ("Shenzhen, Canton and Beijing")."""
    if index == 0 or hits[index - 1].kind != "city" or text[hits[index - 1].end:hits[index].start] not in (", ", ","):
        return False
    if index + 1 < len(hits) and _LIST_GAP.fullmatch(text[hits[index].end:hits[index + 1].start]):
        return False
    return _another_city_of_its_province(hits[index - 1], form, lexicon)


def _another_city_of_its_province(other: Hit, form: Any, lexicon: Lexicon) -> bool:
    """``other`` is a city of the province that ``form`` (a city named like its province) names, and not that city."""
    found = lexicon.form(other.form)
    provinces = {lexicon.city_province.get(code) for code in form.adcodes} - {None}
    return found is not None and bool(found.adcodes) and all(
        lexicon.city_province.get(code) in provinces and code not in form.adcodes for code in found.adcodes)


def _between_provinces(text: str, hits: list[Hit], index: int) -> bool:
    """The hit at ``index`` has a province hit right before and right after it, each across a list's gap."""
    if index == 0 or index + 1 >= len(hits):
        return False
    before, hit, after = hits[index - 1], hits[index], hits[index + 1]
    return (before.kind == after.kind == "province" and _LIST_GAP.fullmatch(text, before.end, hit.start) is not None
            and _LIST_GAP.fullmatch(text, hit.end, after.start) is not None)


def marks_city(text: str, start: int, end: int, before: Iterable[str], after: Iterable[str]) -> bool:
    """A word of ``before`` ends right before ``start`` (spaces between), or one of ``after`` (or 市) begins right
    after ``end`` (a space or hyphen between), each a whole word."""
    return text.startswith("市", end) or marks_word(text, start, end, before, after)


class CityAnalyzer:
    """The trained model's reading of each candidate's sentence (``span._.analysis``); nothing without a model.

    ``model`` is the package name of a trained spaCy pipeline ("" for rules only); it is
    installed software, not data, so a saved pipeline names it and does not copy it. ``settle_at`` and
    ``settle_reference_at``: a candidate whose label the pipeline's classifier gives from the cues alone with at
    least this probability (a place or a name; a government reference or a non-place) is not parsed
    (``CityClassifier.settled``); both above 1: every candidate is.
    """

    def __init__(self, nlp: Language, name: str, model: str, batch_size: int, settle_at: float,
                 settle_reference_at: float) -> None:
        self.name = name
        self.batch_size = batch_size
        self.settle_at = settle_at
        self.settle_reference_at = settle_reference_at
        self.trained = load_model(model)
        self._nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        return self._analyse([doc])[0]

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """``nlp.pipe`` hands over documents in batches; the candidate sentences of a whole batch share the
        model's batches (one small ``nlp.pipe`` per article cost half again as much CPU)."""
        for batch in minibatch(docs, batch_size):
            yield from self._analyse(batch)

    def _classifier(self) -> "CityClassifier | None":
        return next((pipe for _, pipe in self._nlp.pipeline if isinstance(pipe, CityClassifier)), None)

    def _analyse(self, docs: list[Doc]) -> list[Doc]:
        if self.trained is None:
            return docs
        at = (self.settle_at, self.settle_reference_at)
        classifier = self._classifier() if min(at) <= 1.0 else None
        spans = []
        for doc in docs:
            found = list(doc.spans[SPANS_KEY])
            if classifier is not None and found:
                found = [span for span, done in zip(found, classifier.settled(doc, *at), strict=True) if not done]
            spans.append(found)
        items = [(doc_text(doc), [s._.offsets for s in found]) for doc, found in zip(docs, spans, strict=True) if found]
        analyses = iter(analyse_texts(self.trained, items, self.batch_size))
        for found in spans:
            if found:
                for span, analysis in zip(found, next(analyses), strict=True):
                    span._.analysis = analysis
        return docs


class CityLinker(_GazetteerComponent, _CueComponent):
    """Which city each span names (``span._.link``, ``._.city``, ``._.candidates``), from gazetteer, cues and the
    landmarks table."""

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self._landmarks: Landmarks | None = None

    @property
    def landmarks(self) -> Landmarks:
        if self._landmarks is None:
            raise self._missing("landmarks table")
        return self._landmarks

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Language | None = None,
                   gazetteer: str | Path | None = None, cues: str | Path | None = None,
                   landmarks: str | Path | None = None) -> None:
        """Read the gazetteer, the cue file and the landmarks table (the shipped ones by default)."""
        super().initialize(get_examples, nlp=nlp, gazetteer=gazetteer)
        self._read_cues(Path(cues) if cues else CUES_FILE)
        self._read_landmarks(Path(landmarks) if landmarks else LANDMARKS_FILE)

    def _read_landmarks(self, path: Path) -> None:  # after the gazetteer: its rows are checked against the cities
        self._landmarks = parse_landmarks(path.read_text(encoding="utf-8"), str(path), self.lexicon.gazetteer.cities)

    def _writers(self) -> dict[str, Callable[[Path], Any]]:
        return {**_GazetteerComponent._writers(self), **_CueComponent._writers(self),
                LANDMARKS: lambda p: p.write_text(self.landmarks.text, encoding="utf-8")}

    def _readers(self) -> dict[str, Callable[[Path], Any]]:
        return {**_GazetteerComponent._readers(self), **_CueComponent._readers(self), LANDMARKS: self._read_landmarks}

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans[SPANS_KEY])
        if not spans:
            return doc
        lexicon, cues = self.lexicon, self.cues
        text = doc_text(doc)
        lang_cues = cues.for_lang(self.lang)
        title = doc._.title or ""
        ctx = article_context(text, doc._.city_hits, lexicon, lang_cues["china_words"], cues.foreign_names,
                              doc._.outlet_country, self.landmarks, lang_cues.get("proximity_words", frozenset()),
                              title, find_hits(title, lexicon, self.lang) if title.strip() else [],
                              lang_cues.get("origin_words", frozenset()), lang_cues.get("gov_nouns", frozenset()))
        by_start = {h.start: h for h in doc._.city_hits}
        links = []
        for span in spans:
            ext = span._
            hit = by_start[ext.offsets[0]]
            result = link(text, hit, lexicon.form(hit.form), lexicon, ctx, self.lang, foreign_cues=cues.foreign_names)
            if result.foreign and in_known_name(text, *ext.offsets):  # a name of the city's ("Canton Fair"): no namesake
                result = replace(result, foreign=0.0)
            links.append((span.text, result))  # the name as written: 喀什地区 (the area) is not 喀什 (the city)
        for span, result in zip(spans, one_sense(links, lexicon), strict=True):
            ext = span._
            ext.link = result
            ext.candidates = list(result.candidates)
            ext.city = lexicon.gazetteer.cities[result.adcode].as_ref() if result.adcode else None
        return doc


class CityClassifier(_CueComponent):
    """Label probabilities of each span (``span._.probs``, ``._.label``) from cue and model features."""

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self._weights_text = ""
        self._weights: Weights | None = None

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Language | None = None,
                   weights: str | Path | None = None, cues: str | Path | None = None) -> None:
        """Read the classifier weights and the cue file (the shipped ones by default)."""
        self._read_weights(Path(weights) if weights else WEIGHTS_FILE)
        self._read_cues(Path(cues) if cues else CUES_FILE)

    def _read_weights(self, path: Path) -> None:
        self._weights_text = path.read_text(encoding="utf-8")
        self._weights = parse_weights(self._weights_text, str(path))

    def _writers(self) -> dict[str, Callable[[Path], Any]]:
        return {WEIGHTS: lambda p: p.write_text(self._weights_text, encoding="utf-8"), **super()._writers()}

    def _readers(self) -> dict[str, Callable[[Path], Any]]:
        return {WEIGHTS: self._read_weights, **super()._readers()}

    def __call__(self, doc: Doc) -> Doc:
        weights = self._loaded()
        people: set[str] = set()  # surfaces read as a person by the words of a name beside them ("Xian Lim")
        cues = self.cues.for_lang(self.lang)
        firm_heads, firm_heads_before = cues.get("firm_heads", frozenset()), cues.get("firm_heads_before", frozenset())
        # businesses named by a city and the kind of business after it ("Xiamen Airlines", "Hong Kong Restaurant"):
        # each kind's heads, and the verbs and nouns that say the city alone is that business later in the text
        kinds = [(cues.get(heads, frozenset()), cues.get(verbs, frozenset()), cues.get(nouns, frozenset()))
                 for heads, verbs, nouns in _BUSINESS_KINDS]
        businesses: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = {}  # name -> its kinds' verbs and nouns
        people_words = cues.get("people_words", frozenset())
        # historic forms read as a firm's or a ship's name ("Changan Auto"), and that label: first from the firms of
        # the names table in the text ("Chongqing Changan Automobile Ltd": the name inside counts for no city)
        text = doc_text(doc)
        named = _firms_named(text, doc._.city_hits or (), firm_heads)
        read = []
        for span, cue_vector in zip(doc.spans[SPANS_KEY], self._cue_vectors(doc), strict=True):
            ext = span._
            analysis = model_reading(ext.analysis, bool(ext.old_spelling), cue_vector, ext.firm_word is not False)
            features = cue_vector if not analysis else with_model(cue_vector, analysis, self.cues.for_lang(self.lang))
            probs = predict(features, weights["model" if analysis else "rules"])
            ext.probs = probs
            ext.label = max(probs, key=probs.__getitem__)
            if ext.label == "NOT_PLACE" and any(cue_vector[i] for i in _PERSON_AT) and not any(
                    cue_vector[i] for i in _SIDE_AT):  # "the match between Dalian Ren and ...": a club's name
                people.add(span.text)
            word_after = _word_after(text, ext.offsets[1])
            if ext.historic and word_after in people_words:  # "Teochew people", "Teochew immigrants": a people
                _relabel(span, "NOT_PLACE")  # named after the old prefecture, whose descendants live worldwide
            if ext.historic and ext.label in CITYLESS | {"ORG_PART"} and (
                    cue_vector[_NOT_PLACE_AT] or word_after in firm_heads
                    or _word_before(text, ext.offsets[0]) in firm_heads_before):
                named.setdefault(span.text, ext.label)
            if ext.label == "ORG_PART" and _camel_firm(text, span.text, ext.offsets[1]) and not (
                    word_after in firm_heads or word_after in cues["org_heads"]):
                named.setdefault(span.text, "ORG_PART")
            if ext.label == "ORG_PART":
                for heads, verbs, nouns in kinds:
                    if word_after in heads:
                        businesses.setdefault(span.text, []).append((verbs, nouns))
            read.append((span, cue_vector))
        for span, cue_vector in read if people or named or businesses else ():
            if span._.label in {"LITERAL", "METONYMIC"} and _said_of_business(text, span, businesses.get(span.text, ())):
                _relabel(span, "ORG_PART")
            else:
                _one_sense(span, cue_vector, people, named)
        spans = [span for span, _ in read]
        labels = {span._.label for span in spans}
        # each of these passes makes a LITERAL or METONYMIC span ORG_PART after an ORG_PART span that says so: a text
        # without both kinds (most short ones) has nothing for any of them to do
        if "ORG_PART" in labels and not labels.isdisjoint(("LITERAL", "METONYMIC")):
            _one_name(text, spans)
            _one_firm_word(text, spans)
            _short_firm_names(text, spans, cues)
            _one_quoted_name(text, spans, cues)
            _one_quoted_title(text, spans)
            _one_quotation(text, spans)
            _shared_cjk_head(text, spans)
            _brand_firms(text, spans)
        if self.lang == "ko":
            _one_side(text, read, cues)
        elif self.lang == "zh":
            _one_side_chinese(text, read, cues)
        elif "clause_openers" in cues:  # the Latin-script languages whose cues say where a clause opens
            _one_side_subject(text, read, cues)
            _sides_in_brackets(text, spans, cues)
        return doc

    def settled(self, doc: Doc, place_at: float, reference_at: float) -> list[bool]:
        """Per span of ``doc``: is its label decided without the parse? Yes when the linker reads it as a namesake
        abroad (OTHER_PLACE, whatever the classifier says), or when the weights fitted without the model's
        features give its label a probability of at least ``place_at`` (LITERAL, ORG_PART) or ``reference_at``
        (METONYMIC, NOT_PLACE): then the span is labelled from its cues alone, as in rules-only mode, and its
        sentence is not parsed for it (docs/tagger.md, "Deciding without the parse")."""
        weights = self._loaded()["rules"]
        return [span._.link.foreign > 0.5 or settles(predict(cue_vector, weights), place_at, reference_at)
                for span, cue_vector in zip(doc.spans[SPANS_KEY], self._cue_vectors(doc), strict=True)]

    def _loaded(self) -> Weights:
        if self._weights is None:
            raise self._missing("classifier weights")
        return self._weights

    def _cue_vectors(self, doc: Doc) -> list[list[float]]:
        """Each span's features without the model's (computed once per span: ``settled`` reads them first)."""
        cues = self.cues.for_lang(self.lang)
        zh_cues = self.cues.for_lang("zh")
        text = doc_text(doc)
        cities: list[tuple[int, int]] | None = None
        out = []
        for span in doc.spans[SPANS_KEY]:
            ext = span._
            cue_vector = ext.cue_vector
            if cue_vector is None:
                if cities is None:
                    cities = sorted((hit.start, hit.end) for hit in doc._.city_hits or () if hit.kind == "city")
                start, end = ext.offsets
                listed = listed_with_city(text, start, end, cities)
                cue_vector = ext.cue_vector = vector(text, start, end, cues, None, ext.link.near_province,
                                                     zh_cues=zh_cues, listed=listed)
            out.append(cue_vector)
        return out


class CityConfidence(_CityComponent):
    """Final label and a calibrated confidence.

    The raw confidence multiplies the label, place and city probabilities; the scale
    (``calibration.json``, or none for the raw confidence) maps it onto how often such
    mentions are right (:mod:`nlp.confidence`). ``flagged`` = confidence < ``threshold``.
    """

    def __init__(self, nlp: Language, name: str, threshold: float) -> None:
        super().__init__(nlp, name)
        self.threshold = threshold
        self.scale: Scale | None = None

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Language | None = None,
                   calibration: str | Path | None = SCALE_FILE) -> None:
        """Read this language's confidence scale from ``calibration`` (the shipped one by default; None: the raw
        confidence)."""
        self.scale = read_scale(Path(calibration), self.lang) if calibration else None

    def _writers(self) -> dict[str, Callable[[Path], Any]]:
        return {SCALE: lambda p: p.write_text(json.dumps(dict(zip("ab", self.scale, strict=True)) if self.scale else None),
                                              encoding="utf-8")}

    def _readers(self) -> dict[str, Callable[[Path], Any]]:
        return {SCALE: self._read_scale}

    def _read_scale(self, path: Path) -> None:
        self.scale = read_scale(path) if json.loads(path.read_text(encoding="utf-8")) is not None else None

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        for span in doc.spans[SPANS_KEY]:
            ext = span._
            result, probs = ext.link, ext.probs
            if result.foreign > 0.5:
                ext.label, raw = "OTHER_PLACE", result.foreign
            elif ext.label in CITY_LABELS and result.adcode is None:
                # the linker read the name as a district of a city the article names ("Chaoyang, a district
                # of Beijing"): a place below county level, NOT_PLACE like "Chaoyang District", right whether
                # the classifier saw a place there or no place at all
                raw = probs[ext.label] + probs.get("NOT_PLACE", 0.0)
                ext.label = "NOT_PLACE"
            else:
                raw = probs[ext.label] * (1.0 - result.foreign)
                if ext.label in CITY_LABELS:
                    raw *= result.probability
            if ext.label in CITYLESS:
                ext.city = None
            confidence = apply(raw, self.scale) if self.scale else raw
            ext.raw_confidence = round(raw, 3)
            ext.confidence = round(confidence, 3)
            ext.flagged = confidence < self.threshold
            ext.group_key = group_key(text, span)
        return doc


_PERSON_AT = tuple(NAMES.index(n) for n in ("person_after", "surname_before"))
_SPORT_AT = tuple(NAMES.index(n) for n in ("sport_context", "sport_verb"))
_SIDE_AT = (*_SPORT_AT, NAMES.index("org_after"))
_NOT_PLACE_AT = NAMES.index("not_place")
_PLACE_AT = tuple(NAMES.index(n) for n in ("loc_prep", "place_after", "place_before", "province_near", "dateline",
                                           "based", "transport_near", "to_from", "sport_context", "sport_verb"))


_WORD = regexes.compile(r"[ \t]*(\w+)")
_WORDS = regexes.compile(r"\w+")


def _firms_named(text: str, hits: Iterable[Hit], firm_heads: frozenset[str]) -> dict[str, str]:
    """The first words of the firms of the names table found in ``text`` (a name ending in a firm's head), with the
    label a mention of that word has inside the name: ORG_PART where the city counts, NOT_PLACE where it does not
    ("Changan" of "Changan Automobile", named after Xi'an's old name)."""
    named: dict[str, str] = {}
    for hit in hits:
        if hit.kind in (NAME_PART, NAME_NONE):
            words = _WORDS.findall(text[hit.start:hit.end])
            if len(words) > 1 and words[-1].lower() in firm_heads:
                named.setdefault(words[0], "ORG_PART" if hit.kind == NAME_PART else "NOT_PLACE")
    return named


# the cue lists of each kind of business a city names: its heads, its verbs and its nouns (components._said_of_business)
_BUSINESS_KINDS = (("carrier_heads", "flight_verbs", "carrier_nouns"),
                   ("restaurant_heads", "restaurant_verbs", "restaurant_nouns"))


def _said_of_business(text: str, span: Span, kinds: Iterable[tuple[frozenset[str], frozenset[str]]]) -> bool:
    """The city alone is a business the text has named by it and its kind ("Xiamen Airlines", "Hong Kong
    Restaurant"): a verb only that business does after it ("Xiamen currently flies", "Hong Kong stays open"), or one
    of its people or parts after it or before "of" it ("Xiamen president Che Shanglin", "former Hong Kong employees",
    "the owners of Hong Kong")."""
    start, end = span._.offsets
    verb, word = _verb_after(text, end), _word_after(text, end)
    before = _OF_BEFORE.search(text, max(0, start - 30), start)
    return any(verb in verbs or word in nouns or before is not None and before.group(1).lower() in nouns
               for verbs, nouns in kinds)


_OF_BEFORE = regexes.compile(r"(\w+)[ \t]+of[ \t]+$")  # "the owners of " before a name


def _word_after(text: str, end: int) -> str:
    """The word right after a mention, lower-cased ("" if none)."""
    match = _WORD.match(text, end)
    return match.group(1).lower() if match else ""


_WORD_BEFORE = regexes.compile(r"(\w+)[ \t]+$")


def _word_before(text: str, start: int) -> str:
    """The word right before a mention, lower-cased ("" if none)."""
    match = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return match.group(1).lower() if match else ""


_VERB = regexes.compile(r"[ \t]+(?:\w+ly[ \t]+)?(\w+)")


def _verb_after(text: str, end: int) -> str:
    """The word after a mention past one adverb in -ly ("Xiamen currently flies"), lower-cased ("" if none)."""
    match = _VERB.match(text, end)
    return match.group(1).lower() if match else ""


_CAPITALISED_WORD = regexes.compile(r"[ \t]+[A-Z]")


def _camel_firm(text: str, surface: str, end: int) -> bool:
    """A name written with a capital inside it before another capitalised word: a firm's brand ("WuXi AppTec",
    "WuXi Biologics"), which is the firm where the same spelling later stands alone ("doubts about WuXi's future").
    The caller leaves out a firm named by its seat before a head ("HangZhou Bank"): the city written so alone stays
    the city ("HangZhou and HuZhou")."""
    return inner_capital(surface) and _CAPITALISED_WORD.match(text, end) is not None


def _one_sense(span: Span, cue_vector: list[float], people: set[str], named: dict[str, str]) -> None:
    """One sense per article for people: a name the text introduces as a person ("Xian Lim, 22, ...") is that
    person where it later stands alone ("Xian also sings", "Xian's mother"), unless the words around it make it a
    place ("born in Xian", "Xian, Shaanxi") or a side in match copy. A name read so in match copy is a club's
    ("Dalian Ren") and says nothing of the name elsewhere.

    And for firms and ships named with a historic form (``named``): "Changan" read in "Changan Auto" (a firm's head
    after it, the cue list ``firm_heads``) or in a firm of the names table ("Changan Automobile"), or "the
    windjammer Peking" (a word before it that makes it no place), is that firm or ship where it later stands alone
    ("Changan started to upgrade", "restore the Peking"), with the same exception; so is one read after the word
    for a kind of firm before it (``firm_heads_before``: "the carmaker Changan", "der Autobauer Changan"). Only
    historic forms and a firm's spelling with a capital inside (``_camel_firm``: "WuXi AppTec", then "WuXi's future"): a current
    name ("Harbin" of Harbin Beer) is the city as often as the firm in the same article (an airline's is the airline
    only where a verb that only a carrier does follows it: the caller's ``carriers``); and only firms and ships: a
    name's university or treaty ("Peking University", "the Treaty of Nanking") says nothing of the name
    elsewhere."""
    ext = span._
    if any(cue_vector[i] for i in _PLACE_AT):
        return
    if span.text in people and ext.label in CITY_LABELS:
        label = "NOT_PLACE"
    elif span.text in named and (ext.label in {"LITERAL", "METONYMIC"} or named[span.text] == "NOT_PLACE"):
        label = named[span.text]  # a firm named for no city is none in its shares either ("Yili shares")
    else:
        return
    _relabel(span, label)


# the particles after a side's name as subject, topic, object, possessor or partner (상하이는, 청두와); not of a place
_SIDE_PARTICLES = ("는", "은", "이", "가", "도", "의", "와", "과", "를", "을")
_SIDE_MATCH_WORDS = 4  # words of sport in the whole text that make it match copy
# ... or the rest of a club's name after the city's, with a side's particle (광저우 에버그란데와 1-1로 비겼다)
_SIDE_NAME_AFTER = regexes.compile(" [\uac00-\ud7a3]{2,}(?:" + "|".join(_SIDE_PARTICLES) + ")(?=[ ,.])")


def _one_side(text: str, read: list[tuple[Span, list[float]]], cues: Mapping[str, frozenset[str]]) -> None:
    """Korean match copy names a club by its city alone once it has named it a side (상하이 하이강은 ... 0-3으로
    참패했다, then 상하이는 후반전 맹공을 퍼부었지만; 청두와 0-0으로 비겼다, then 청두는 전반에 슈팅 4개를): where a name read as
    part of a name has a side's cue (words of sport or a side's verb around it, or the rest of the club's name with a
    side's particle: 광저우 에버그란데와 1-1로 비겼다, then 광저우는 1승 1무가 됐다) and the text holds at least
    ``_SIDE_MATCH_WORDS`` words of sport, the same name with the particle of a subject, object, possessor or partner
    elsewhere is that side; not the name with a particle of place (상하이에서) or after the country's name (중국
    상해)."""
    sides = {span.text for span, cue_vector in read
             if span._.label == "ORG_PART" and (any(cue_vector[i] for i in _SPORT_AT) or _SIDE_NAME_AFTER.match(
                 text, span._.offsets[1]) is not None)}
    if not sides or sum(text.count(word) for word in cues.get("sport_words", ())) < _SIDE_MATCH_WORDS:
        return
    china = tuple(cues.get("china_words", ()))
    for span, _ in read:
        start, end = span._.offsets
        if span.text in sides and span._.label in {"LITERAL", "METONYMIC"} and text.startswith(_SIDE_PARTICLES, end) \
                and not text.endswith(china, 0, start - 1):
            _relabel(span, "ORG_PART")


# what before a Chinese name keeps it the place in match copy too (在青岛, 来到青岛, 赴青岛; not 来 alone: 下半场回来青岛进攻
# is "back from the break, Qingdao's attack"), and after it (青岛市, 青岛人, 青岛籍, 青岛站; a dateline: 北京报道, 北京电)
_CHINESE_PLACE_BEFORE = ("在", "到", "于", "於", "从", "從", "赴", "至", "往", "抵", "自", "离开", "離開")
_CHINESE_PLACE_AFTER = ("市", "人", "籍", "本地", "当地", "當地", "站", "港", "机场", "機場", "地区", "地區", "报道", "報道",
                        "讯", "訊", "电", "電")


def _one_side_chinese(text: str, read: list[tuple[Span, list[float]]], cues: Mapping[str, frozenset[str]]) -> None:
    """Chinese match copy names a club by its city alone once it has named it a side, as Korean does
    (:func:`_one_side`): where a name read as part of a name has a word of sport or a side's verb around it (青岛主帅,
    半场过后青岛55-47领先同曦) and the text holds at least ``_SIDE_MATCH_WORDS`` words of sport (read in simplified
    characters), the same name elsewhere is that side where its sentence speaks of the game (a word of sport, a side's
    verb or a score: 青岛稳扎稳打逐渐追上并反超比分; not 下一周，淮安将于周六迎来降温, the weather); not after a word of
    place (在青岛) nor before its 市, its people, its station or a dateline's word (青岛人, 北京报道)."""
    sides = {span.text for span, cue_vector in read
             if span._.label == "ORG_PART" and any(cue_vector[i] for i in _SPORT_AT)}
    if not sides:
        return
    simple = simplified_text(text)  # the copy the features' windows are slices of
    if sum(simple.count(word) for word in cues.get("sport_words", ())) < _SIDE_MATCH_WORDS:
        return
    for span, _ in read:
        start, end = span._.offsets
        if span.text in sides and span._.label in {"LITERAL", "METONYMIC"} and not text.endswith(
                _CHINESE_PLACE_BEFORE, 0, start) and not text.startswith(_CHINESE_PLACE_AFTER, end) and (
                sentence_of_the_game(simple, start, end, cues)):
            _relabel(span, "ORG_PART")


# where a clause begins: a sentence's or a line's start, a colon, a semicolon or a comma, past an opening quote
_CLAUSE_START = regexes.compile(r"(?:^|[.!?…:;,]|\n)[ \t]*[\"“«„]?[ \t]*$")
_NEXT_WORD = regexes.compile(r"[ \t]+(\w+)")


def _one_side_subject(text: str, read: list[tuple[Span, list[float]]], cues: Mapping[str, frozenset[str]]) -> None:
    """Match copy in the Latin-script languages names a club by its city alone once it has named it a side, as Korean
    does (:func:`_one_side`): where a name read as part of a name has a word of sport or a side's verb around it
    ("the final whistle sparked celebrations for Guangzhou"), begins a club of the names table ("Qingdao Red Lions
    werd opgericht") or comes before a club's letters ("bij Shenzhen FC") and the whole text is match copy
    (:func:`nlp.features.match_copy_text`), the same name read as the place is that side where it opens a clause,
    after a sentence's start, a comma or the cue word that opens a reported clause (``clause_openers``: "that",
    "dass", "que"), before a lower-case word that is no preposition ("Guangzhou has spent $70 million on players", "It
    didn't have to be that way, Beijing looked the better side", "Qingdao begon op het vierde niveau"). A name after a
    preposition stays the place ("returned to Guangzhou", "in Guangzhou"), and so does one before a preposition
    ("Guangzhou in 2019"); not one after the preposition that the language writes before the club someone is with or
    plays and scores for (cue ``side_preps``: "een contract bij Shenzhen", "neemt bij Shenzhen het roer over", "the
    opener for Cangzhou"; in match copy, and only for a name the text has already made a side: "left for Cangzhou" is
    rare there)."""
    clubs = club_names()
    sides = {span.text for span, cue_vector in read if span._.label == "ORG_PART" and (
        any(cue_vector[i] for i in _SPORT_AT) or _CLUB_LETTERS.match(text, span._.offsets[1]) is not None
        or any(text.startswith(club, span._.offsets[0]) for club in clubs if club.startswith(span.text + " ")))}
    if not sides or not match_copy_text(text, cues):
        return
    openers, side_preps = cues.get("clause_openers", frozenset()), cues.get("side_preps", frozenset())
    preps = cues.get("loc_preps", frozenset()) | cues.get("relation_preps", frozenset()) | cues.get("of_words", frozenset())
    for span, _ in read:
        start, end = span._.offsets
        if span.text not in sides or span._.label not in {"LITERAL", "METONYMIC"}:
            continue
        word = _NEXT_WORD.match(text, end)
        before = text[max(0, start - 40):start]
        last = before.rsplit(None, 1)[-1:]  # the word before the name
        opened = _CLAUSE_START.search(before) is not None or bool(last) and last[0].lower() in openers
        if word is not None and word.group(1)[:1].islower() and word.group(1) not in preps and opened \
                or bool(last) and last[0] in side_preps:
            _relabel(span, "ORG_PART")


# a person's name of two capitalised words, then the name alone in brackets ("Fabio Cannavaro (Guangzhou)")
_PERSON_THEN_BRACKET = regexes.compile(r"\b[A-Z][\w'-]+ ([A-Z][\w'-]+) \($")


def _sides_in_brackets(text: str, spans: list[Span], cues: Mapping[str, frozenset[str]]) -> None:
    """Match copy names the club of a coach or a player in brackets after the person's name ("se une al italiano
    Fabio Cannavaro (Guangzhou) y al alemán Bernd Schuster (Dalian)"): in a text that is match copy
    (:func:`nlp.features.match_copy_text`), a name alone in brackets after two capitalised words is that side, unless
    the second word is a building's, a firm's or an organisation's head ("Tianhe Stadium (Guangzhou)": where it
    stands)."""
    heads = cues.get("building_words", frozenset()) | cues.get("org_heads", frozenset()) | cues.get(
        "firm_heads", frozenset())
    bracketed = [span for span in spans if span._.label in {"LITERAL", "METONYMIC"}
                 and text[span._.offsets[0] - 1:span._.offsets[0]] == "(" and text[span._.offsets[1]:span._.offsets[1] + 1] == ")"]
    if not bracketed or not match_copy_text(text, cues):
        return
    for span in bracketed:
        start = span._.offsets[0]
        person = _PERSON_THEN_BRACKET.search(text, max(0, start - 60), start)
        if person is not None and person.group(1).lower() not in heads:
            _relabel(span, "ORG_PART")


_CLUB_LETTERS = regexes.compile(r" (?:FC|F\.C\.|SC|CF)\b")  # a club's letters after its city's name (Shenzhen FC)
_NAME_JOINERS = (" ", "-")  # what joins two names into one: a single space or a hyphen
# a capitalised word inside a sentence right before a name, past "of" or its like: a name's head ("O Porto", "der
# Hafen", "The Port of"), not a sentence's first word ("The Beijing-Lhasa train")
_NAME_WORD_BEFORE = regexes.compile(r"[^\s.!?:;]\s+[A-Z][\w]+ (?:(?:of|de|do|da|di|del|von|van) )?$")


def _one_name(text: str, spans: list[Span]) -> None:
    """Two names written one after the other with a single space between are one name: where either is read as part
    of a name ("the Port of Ningbo Zhoushan"), so is the other, and so is the same pair wherever else the article
    writes it ("Dongguan Dehong Electrical Appliances Co." ... "(Dongguan Dehong)", the firm's short name). Joined by
    a hyphen they are one name where the first is read so after a capitalised word inside the sentence, the name's head
    ("O Porto Ningbo-Zhoushan", "der Hafen Ningbo-Zhoushan", the merged port's name); a pair's first name followed by a
    capitalised one is often read so in a route or a region ("the Beijing-Xining route", "the Beijing-Tianjin-Hebei
    region"), where the pair is two places, so neither that nor the pair's other mentions count.
    Latin script only: Chinese and Japanese write a list of names without spaces."""
    ordered = sorted(spans, key=lambda span: span._.offsets)
    pairs = [(first, second, joiner) for first, second in itertools.pairwise(ordered)
             if (joiner := text[first._.offsets[1]:second._.offsets[0]]) in _NAME_JOINERS
             and text[second._.offsets[0]].isascii()]
    named = {(first.text, second.text) for first, second, _ in pairs
             if "ORG_PART" in (first._.label, second._.label)}
    for first, second, joiner in pairs:
        if (first.text, second.text) in named and (joiner == " " or first._.label == "ORG_PART" and _NAME_WORD_BEFORE.search(
                text, max(0, first._.offsets[0] - 40), first._.offsets[0]) is not None):
            for span in (first, second):
                if span._.label in {"LITERAL", "METONYMIC"}:
                    _relabel(span, "ORG_PART")


# one space, then a capitalised word or an acronym (Ningde Zhixiang, Beijing IEDA)
_NEXT_CAPITALISED = regexes.compile(r" ([A-Z](?:[a-z]{2,}|[A-Z]{2,5}))\b")


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """English's words of a port, a city's part and a unit below it (port, district, river ...), built once."""
    cues = cues_for("en")
    return cues.get("port_words", frozenset()) | cues.get("part_words", frozenset()) | cues.get("unit_words", frozenset())


def _one_firm_word(text: str, spans: list[Span]) -> None:
    """A name and the capitalised word or acronym right after it, read as part of a name once ("the company Ningde
    Zhixiang", after the word for a firm), are that name wherever else the article writes them ("Ningde Zhixiang was
    set up by...", "van Beijing IEDA"), as a firm's name keeps its sense in one article. Not where the word is a
    city's name (two places, left to :func:`_one_name`) or a port's, a part's or a unit's ("ships to Xiamen Port": the
    port, as the port's company elsewhere). Latin script only."""
    def word_after(span: Span) -> str:
        start, end = span._.offsets
        match = _NEXT_CAPITALISED.match(text, end) if text[start].isascii() else None
        return match.group(1) if match else ""

    read = [(span, word_after(span)) for span in spans]  # (each span's next word read once)
    named = {(span.text, word) for span, word in read if span._.label == "ORG_PART" and word}
    if not named:
        return
    lexicon = read_lexicon()
    for span, word in read:
        if span._.label in {"LITERAL", "METONYMIC"} and (span.text, word) in named \
                and lexicon.form(word) is None and word.lower() not in _place_words():
            _relabel(span, "ORG_PART")


def _one_quoted_name(text: str, spans: list[Span], cues: Mapping[str, frozenset[str]]) -> None:
    """Chinese and Japanese quote an organisation's name once, where it is introduced (「香港太空機械人與能源中心」), and
    write it without the marks after (由香港太空機械人與能源中心與東大簽署, where 與 "and" hides the head from the name's
    other cues): where a name in characters that opens such a quotation (:func:`nlp.features.quoted_org_name`) is read
    as part of a name, the same quoted words elsewhere in the article are that name."""
    quoted = {name for span in spans
              if span._.label == "ORG_PART" and (name := quoted_org_name(text, span._.offsets[0], span._.offsets[1], cues))}
    for span in spans if quoted else ():
        start, _ = span._.offsets
        if span._.label in {"LITERAL", "METONYMIC"} and any(text.startswith(name, start) for name in quoted):
            _relabel(span, "ORG_PART")


_QUOTE_PAIRS = {"'": "'", "‘": "’", '"': '"', "“": "”", "«": "»", "「": "」", "『": "』", "《": "》", "<": ">"}


def _one_quoted_title(text: str, spans: list[Span]) -> None:
    """A name quoted alone, the marks right around it, that is read as part of a name once (영화 '하얼빈'을 상영한다,
    the film "Harbin", after the word for the work) is that name wherever the article quotes it alone the same way
    ('하얼빈'은 ... 영화로, the title again at a sentence's start): a city's name stands alone in quotes as a work's, a
    ship's or a brand's, and the place is written without them."""
    def quoted(span: Span) -> str:
        start, end = span._.offsets
        opening = text[start - 1:start] if start else ""
        return opening + span.text + _QUOTE_PAIRS[opening] if opening in _QUOTE_PAIRS and \
            text.startswith(_QUOTE_PAIRS[opening], end) else ""

    titles = {form for span in spans if span._.label == "ORG_PART" and (form := quoted(span))}
    for span in spans if titles else ():
        if span._.label in {"LITERAL", "METONYMIC"} and quoted(span) in titles:
            _relabel(span, "ORG_PART")


_TITLE_QUOTES = ("「", "『", "《")  # the marks Chinese and Japanese quote a title with, never speech alone (《》)
_QUOTATION_REACH = 120  # characters each side of a name searched for the quotation marks around it


def _quotation(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The offsets of the quotation marks around ``text[start:end]`` on its line, within reach: the nearest opening
    before it that no closing follows before the name, and the first closing after it; a straight double quote opens
    where an even number of them comes before it."""
    for opening, closing in _QUOTE_PAIRS.items():
        at = text.rfind(opening, max(0, start - _QUOTATION_REACH), start)
        if at < 0 or opening == closing and text.count(opening, 0, at) % 2 or opening != closing and text.find(
                closing, at + 1, start) >= 0:
            continue
        shut = text.find(closing, end, end + _QUOTATION_REACH)
        if shut >= 0 and "\n" not in text[at:shut]:
            return at, shut
    return None


def _one_quotation(text: str, spans: list[Span]) -> None:
    """A quoted title is one name: where a name inside quotation marks is read as part of a name, the same name at the
    same place in the same quoted words elsewhere in the article is too (the documentary "Jia Zhang-Ke, Um Homem de
    Fenyang", named twice); and in a title quoted with Chinese or Japanese title marks that opens with a name read so,
    every name inside is the title's (「香港映画祭2023 ... 香港映画の新しい力」, the festival's name with its subtitle),
    as a quoted work's name never names a place."""
    quoted = [(span, _quotation(text, *span._.offsets)) for span in spans]
    titles = {(text[marks[0]:marks[1] + 1], span._.offsets[0] - marks[0]) for span, marks in quoted
              if marks and span._.label == "ORG_PART"}
    opened = {marks for span, marks in quoted if marks and span._.label == "ORG_PART"
              and span._.offsets[0] == marks[0] + 1 and text[marks[0]] in _TITLE_QUOTES}
    for span, marks in quoted if titles else ():
        if marks and span._.label in {"LITERAL", "METONYMIC"} and (
                (text[marks[0]:marks[1] + 1], span._.offsets[0] - marks[0]) in titles or marks in opened):
            _relabel(span, "ORG_PART")


_DOTS = frozenset({"・", "·"})  # what joins names into one name's (北京・貴陽ビッグデータ応用展示センター, 重慶·香港工業園)
_DASHES = frozenset({"-", "‐", "–", "—", "－"})  # ... and the dashes that do, with a space each side or none
_ATTACHED_HEAD = regexes.compile("[\u3400-\u9fff\u30a1-\u30fa\u30fc]")  # a head written against the name


def _shared_cjk_head(text: str, spans: list[Span]) -> None:
    """Names in characters joined by a middle dot share the head written against the last of them (北京・貴陽ビッグ
    データ応用展示センター, the Beijing-Guiyang big data centre; 重慶·香港工業園), and so do two names joined by 、
    (上海、深圳证券交易所) or by a dash, spaced or not (深セン – 香港生物医学革新研究所, the Shenzhen-Hong Kong institute):
    where the last is read as part of a name by that head, the names joined before it are too,
    as "the Shanghai and Shenzhen stock exchanges" are in English (:func:`nlp.features._shared_plural_head`). A pair
    whose last name has no head against it (北京・上海間) stays two places; so does a longer list joined by 、 (兰州、
    白银、临夏、甘南四市州, four cities counted), and a name joined by a word of "and" (宜宾与宁德时代, Yibin and the firm
    CATL, whose name begins with another city's)."""
    ordered = sorted(spans, key=lambda span: span._.offsets[0])
    sharing = False
    for n in range(len(ordered) - 2, -1, -1):
        first, last = ordered[n], ordered[n + 1]
        (start, end), (last_start, last_end) = first._.offsets, last._.offsets
        joiner = text[end:last_start]
        listed = n > 0 and text[ordered[n - 1]._.offsets[1]:start] == "、" or text[last_end:last_end + 1] == "、"
        joined = (joiner in _DOTS or joiner.strip(" ") in _DASHES or joiner == "、" and not listed) and is_cjk(
            text[start]) and is_cjk(text[last_start])
        sharing = joined and last._.label == "ORG_PART" and (
            sharing or _ATTACHED_HEAD.match(text, last_end) is not None)
        if sharing and first._.label in {"LITERAL", "METONYMIC"}:
            _relabel(first, "ORG_PART")


_BRAND_BEFORE = regexes.compile("[\u3400-\u9fff\u30a1-\u30fa\u30fc]{2}$")  # two characters right before a name


def _brand_firms(text: str, spans: list[Span]) -> None:
    """A firm named by a brand written before the city's name and registered with its legal form (東芝大連有限公司,
    Toshiba Dalian) is that firm wherever the article writes the brand and the name together without the form
    (「東芝大連」, 東芝大連での生産), as :func:`_short_firm_names` reads a short name after the city: the two characters
    before the name key it, never a place's name (江蘇蘇州…有限公司 leaves 江蘇蘇州 the city) or the country's (中国)."""
    def brand(span: Span) -> str:
        start = span._.offsets[0]
        written = _BRAND_BEFORE.search(text, max(0, start - 2), start)
        return written.group() if written else ""

    lexicon = read_lexicon()
    firms = {(mark, span.text) for span in spans
             if span._.label == "ORG_PART" and LEGAL_FORM.match(text, span._.offsets[1]) is not None
             and (mark := brand(span)) and mark not in _COUNTRY_NAMES and lexicon.form(mark) is None
             and lexicon.province_of(mark) is None}
    for span in spans if firms else ():
        if span._.label in {"LITERAL", "METONYMIC"} and (brand(span), span.text) in firms:
            _relabel(span, "ORG_PART")


_COUNTRY_NAMES = frozenset({"中国", "中國", "日本", "韩国", "韓国", "韓國"})
# the words of a short name after the city: a brand and a trade (成都科美特特種気体 of 成都科美特特種気体有限公司)
_SHORT_NAME_WORDS = regexes.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]{2,7}")
_NOT_A_NAME_WORD = "市区區县縣省镇鎮"  # the city's own unit after it (深圳市腾讯…有限公司): a name of the city, not a short one
_PLACE_ENDS = "港站"  # a port or a station before the head is the place its firm runs (寧波舟山港集団: 寧波舟山港 the port)
_SPORT_ENDS = "球"  # ... and a sport before a team's word names no team but the city's side (九江足球队: 九江足球 is its football)
_SITE_ENDS = _PLACE_ENDS + "場所店点"  # ... and a plant, an office, a shop or a base: a firm's site there (上海工場)


def _short_firm_names(text: str, spans: list[Span], cues: Mapping[str, frozenset[str]]) -> None:
    """Chinese and Japanese name a firm in full once, the city, two to seven more characters and its legal head
    (蘭州石化公司, cue ``firm_heads``), then by the city and those characters alone (蘭州石化停運了...): where a name in
    characters read as part of a name is followed so, the same city and characters elsewhere in the article are that
    firm's short name. Not a port's or a station's, which is the place its firm runs (寧波舟山港集団, then the port).
    Chinese also names a firm by a brand of two characters and its trade (廈門聯芯集成電路, cue ``trade_heads``; then
    廈門聯芯): a trade word counts only after such a brand (:func:`nlp.features.brand_and_trade`; not 上海國際 before
    汽車展, whose 國際 is a word). And a firm introduced by the word for its kind (cue ``firm_before``) as the city and
    two characters (食品卸の上海中金が, "the food wholesaler Shanghai Zhongjin") is that firm wherever the article writes
    them again (上海中金は...)."""
    heads = tuple(head for head in cues.get("firm_heads", ()) if is_cjk(head[:1]))  # (English's are words after a name)
    trade_heads = cues.get("trade_heads", frozenset())
    trades = tuple(trade_heads)
    introduced = "firm_before" in cues
    if not heads and not trades and not introduced:
        return
    shorts: set[str] = set()
    for span in spans:
        start, end = span._.offsets
        if span._.label != "ORG_PART" or not is_cjk(text[start:start + 1]):
            continue
        words = _SHORT_NAME_WORDS.match(text, end)
        if words is None or words.group()[0] in _NOT_A_NAME_WORD:
            continue
        if introduced and len(words.group()) == 2 and text[end + 1] not in _SITE_ENDS and after_firm_word(text, start, cues):
            shorts.add(text[start:end + 2])
            continue
        for k in range(len(words.group()), 1, -1):  # the longest run of characters before a head
            if text.startswith(heads, end + k) or k == 2 and text.startswith(trades, end + k) and brand_and_trade(
                    text[start:end + 8].translate(simplified_table()), end - start, trade_heads):
                if text[end + k - 1] in _SPORT_ENDS:
                    continue  # (a shorter run may end before the sport's word and a head that holds it: 英博 | 足球俱乐部)
                if text[end + k - 1] not in _PLACE_ENDS:
                    shorts.add(text[start:end + k])
                break
    for span in spans if shorts else ():
        start, _ = span._.offsets
        if span._.label in {"LITERAL", "METONYMIC"} and any(text.startswith(short, start) for short in shorts):
            _relabel(span, "ORG_PART")


def _relabel(span: Span, label: str) -> None:
    """Give ``span`` the label an article-wide reading settles, as probable as the classifier's best."""
    span._.probs = {**span._.probs, label: max(span._.probs.values())}
    span._.label = label


def group_key(text: str, span: Span) -> str:
    """Surface + label + a coarse context (governing word, else next word, else previous word).

    "Beijing said" in 200 articles is one group for the review queue.
    """
    ext = span._
    start, end = ext.offsets
    surface = " ".join(text[start:end].split()).lower()
    analysis = ext.analysis or {}
    before, after = context(text, start, end)
    cue = analysis.get("head_lemma") if analysis.get("head_lemma") and analysis.get("dep") != "ROOT" else None
    if cue is None:
        words = [t.lower() for t in after if t[:1].isalnum() or t in {"'s", "’s"}][:1]
        words = words or [t.lower() for t in before if t[:1].isalnum()][-1:]
        cue = words[0] if words else "-"
    if is_cjk(cue[:1]):
        cue = cue[:2]  # a run of characters is not a word: the next two stand for it
    return f"{surface}|{ext.label}|{cue}"


@Language.factory("city_finder")
def make_finder(nlp: Language, name: str) -> CityFinder:
    return CityFinder(nlp, name)


@Language.factory("city_analyzer", default_config={"model": "", "batch_size": 64, "settle_at": SETTLE_AT,
                                                   "settle_reference_at": SETTLE_REFERENCE_AT})
def make_analyzer(nlp: Language, name: str, model: str, batch_size: int, settle_at: float,
                  settle_reference_at: float) -> CityAnalyzer:
    return CityAnalyzer(nlp, name, model, batch_size, settle_at, settle_reference_at)


@Language.factory("city_linker")
def make_linker(nlp: Language, name: str) -> CityLinker:
    return CityLinker(nlp, name)


@Language.factory("city_classifier")
def make_classifier(nlp: Language, name: str) -> CityClassifier:
    return CityClassifier(nlp, name)


@Language.factory("city_confidence", default_config={"threshold": FLAG_THRESHOLD})
def make_confidence(nlp: Language, name: str, threshold: float) -> CityConfidence:
    return CityConfidence(nlp, name, threshold)
