"""The trained model, run only on the sentences that hold a candidate.

This is where the expensive work happens, so it happens as rarely as possible: the
finder has already marked the candidates, and only their sentences (cut by a cheap
regular expression, not by the parser) go through the trained pipeline, batched
with ``nlp.pipe``. What the classifier needs from the parse is copied into a small
dict per candidate, so the article Doc never has to be parsed. Of the lemmas only the
governing word's is read, so the lemmatizer runs on that one token, not on the sentence
(the same lemma: the rule lemmatizer reads only the token's own text, tag and morphology).
Likewise the attribute ruler (part-of-speech, morphology and lemma exceptions by tag and word,
read here only through the candidate's and its governing word's attributes) runs on those two
tokens and their neighbours, not on the sentence: it read every token with some 180 patterns,
a fifth of the model's time, and no later component reads what it sets (the named-entity
recogniser embeds the words themselves).
The trained model's tokenizer adds its 1,347 special cases ("can't", "U.S.", ":)") as the sentences that hold
them come (``RulesOnDemand``), not all of them as the model loads.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from functools import lru_cache
from typing import Any

import ahocorasick
import spacy
import srsly
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from thinc.api import use_ops

from nlp import regexes
from nlp.long_lived import long_lived
from nlp.sentences import SENTENCE_END

log = logging.getLogger(__name__)

MAX_SENTENCE = 600  # characters either side: a runaway "sentence" (tables, lists) is cut
LEMMATIZER = "lemmatizer"  # run per token read (``_lemma``), not over every sentence
ATTRIBUTE_RULER = "attribute_ruler"  # run per token read (``_rule_tokens``), not over every sentence
# Not loaded: ``senter`` is disabled in the trained pipelines (the parser sets sentence starts), and
# ``strings`` (the vocabulary's 85,000 strings, 0.06 CPU-s) are never looked up: the strings of every
# annotation read here are added as the components load (labels, morphology) or as text is tokenized
# (the annotations of the benchmark stream, the test sentences and the shared corpora compared equal).
UNUSED = ("senter", "strings")
_PATTERNS = {"prefix_search": "search", "suffix_search": "search", "infix_finditer": "finditer", "token_match": "match",
             "url_match": "match"}  # the tokenizer's pattern fields, as spaCy's ``from_bytes`` sets them
_LOADED_TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "citywatch.loaded_tokenizer.v1"}}}


class RulesOnDemand(Tokenizer):
    """spaCy's tokenizer, adding each special case (an exception such as "can't", "U.S.", ":)") only when a text
    to tokenize could hold it, rather than all 1,347 of the trained model's as it loads (0.05 CPU-s per
    process: each is tokenized and added to a phrase matcher; a run over the benchmark stream needs about 80).

    The same tokens: a special case acts only where its string is in the text (a token or a piece split off
    by the affix rules, looked up by its hash) or where its tokens follow one another in the Doc (the phrase
    matcher; they may then be apart by white space, which it does not apply but which can outshine another
    match). Either way the case's string without white space is in the text without white space, so a case
    is added before the first text where it is; the other cases cannot touch that text's tokens. Adding one
    empties the tokenizer's cache, as spaCy does for every case it adds, and what is saved or read
    (``to_bytes``, ``rules``, pickling) holds every case.
    """

    _pending: dict[str, Any]  # special cases not added yet: string -> token attributes
    _where: Any  # an Aho-Corasick automaton: each pending string without white space -> the strings

    def from_bytes(self, bytes_data: bytes, *, exclude: Sequence[str] = ()) -> RulesOnDemand:
        """As spaCy's, with the affix and match patterns compiled through ``nlp.regexes`` (25 ms a process
        otherwise) and the special cases deferred; set in spaCy's order, the cases last."""
        super().from_bytes(bytes_data, exclude=(*exclude, "exceptions", *_PATTERNS))  # resets cases and patterns
        data = srsly.msgpack_loads(bytes_data)
        for field, method in _PATTERNS.items():
            if field not in exclude and isinstance(data.get(field), str):
                setattr(self, field, getattr(regexes.compile(data[field]), method))
        if "exceptions" not in exclude:
            self._defer(data.get("exceptions") or {})
        return self

    def _defer(self, rules: Mapping[str, Any]) -> None:
        self._pending, self._where = {}, ahocorasick.Automaton()
        for string, substrings in sorted(rules.items()):
            squeezed = "".join(string.split())
            if not squeezed:  # white space (" ", "\n"): in nearly every text
                super().add_special_case(string, substrings)
                continue
            self._pending[string] = substrings
            self._where.add_word(squeezed, (*self._where.get(squeezed, ()), string))
        if self._pending:
            self._where.make_automaton()

    def _add_pending(self, strings: Iterable[str]) -> None:
        for string in sorted(set(strings) & self._pending.keys()):
            super().add_special_case(string, self._pending.pop(string))

    def __call__(self, string: str) -> Any:
        if getattr(self, "_pending", None):
            squeezed = "".join(string.split())
            if squeezed:
                self._add_pending(s for _end, found in self._where.iter(squeezed) for s in found)
        return super().__call__(string)

    def add_special_case(self, string: str, substrings: Iterable[dict]) -> None:
        getattr(self, "_pending", {}).pop(string, None)  # a case added by hand is never replaced by the model's
        super().add_special_case(string, substrings)

    def _add_all(self) -> None:
        if getattr(self, "_pending", None):
            self._add_pending(list(self._pending))

    @property  # type: ignore[override]
    def rules(self) -> dict[str, Any]:
        self._add_all()
        return Tokenizer.rules.__get__(self)  # type: ignore[attr-defined,no-any-return]

    @rules.setter
    def rules(self, rules: dict[str, Any]) -> None:
        self._pending = {}
        Tokenizer.rules.__set__(self, rules)  # type: ignore[attr-defined]

    def to_bytes(self, *, exclude: Sequence[str] = ()) -> bytes:
        self._add_all()
        return super().to_bytes(exclude=exclude)  # type: ignore[no-any-return]


@spacy.registry.tokenizers("citywatch.loaded_tokenizer.v1")
def make_loaded_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's tokenizer without rules, for a pipeline read from disk: its ``from_disk`` resets every
    setting and reads all of them (affixes, exceptions, URL and token matches) from the saved pipeline,
    so the language's default rules, which ``spacy.Tokenizer.v1`` builds first, would be built only to be
    thrown away (0.1 CPU-s per process). Its special cases are added as texts need them (``RulesOnDemand``).
    Only ``load_model`` names it, in a config it never saves."""
    return lambda nlp: RulesOnDemand(nlp.vocab)


@lru_cache(maxsize=4)
def load_model(name: str) -> Any | None:
    """The trained pipeline, or None (rules-only mode) when it is not installed.

    Its layers multiply matrices through numpy (OpenBLAS) rather than thinc's default, blis: the same
    parse in half the CPU time on the project's machines (the annotations compared equal on the
    benchmark stream, the test sentences and the shared corpora; floating-point sums in another order
    could in principle tip a near tie). Loaded without cyclic garbage collection (``nlp.long_lived``).
    """
    if not name:
        return None
    try:
        with long_lived(), use_ops("numpy", use_blis=False):
            return spacy.load(name, exclude=UNUSED, config=_LOADED_TOKENIZER)
    except (OSError, ImportError) as exc:
        log.warning("trained model %r not available (%s); tagging with rules only", name, exc)
        return None


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - MAX_SENTENCE)
    left = lo
    for match in SENTENCE_END.finditer(text, lo, start):
        left = match.end()
    hi = min(len(text), end + MAX_SENTENCE)
    right = SENTENCE_END.search(text, end, hi)
    return left, (right.start() + 1 if right else hi)


def analyse(model: Any, text: str, spans: Sequence[tuple[int, int]], batch_size: int = 64) -> list[dict | None]:
    """One analysis dict per (start, end) span: entity around it, dependency, governing word."""
    return analyse_texts(model, [(text, spans)], batch_size)[0]


def analyse_texts(model: Any, items: Sequence[tuple[str, Sequence[tuple[int, int]]]],
                  batch_size: int = 64) -> list[list[dict | None]]:
    """``analyse`` for several texts at once: their sentences go through the model in shared batches.

    A few sentences per article, one ``nlp.pipe`` per article, spent more time in the model's per-batch
    overhead than in parsing; the parse of a sentence does not depend on its batch (tested).
    """
    bounds = [[sentence_bounds(text, s, e) for s, e in spans] for text, spans in items]
    # A sentence that recurs word for word (boilerplate, lists, tables, syndicated copy) is parsed once.
    unique = list(dict.fromkeys(text[a:b] for (text, _), cuts in zip(items, bounds, strict=True) for a, b in cuts))
    on_demand = [name for name in (ATTRIBUTE_RULER, LEMMATIZER) if name in model.pipe_names]
    with _one_blas_thread():
        docs = dict(zip(unique, model.pipe(unique, batch_size=batch_size, disable=on_demand), strict=True))
    places = [[(docs[text[a:b]], s - a, e - a) for (a, b), (s, e) in zip(cuts, spans, strict=True)]
              for (text, spans), cuts in zip(items, bounds, strict=True)]
    if ATTRIBUTE_RULER in on_demand:
        _rule_tokens(model.get_pipe(ATTRIBUTE_RULER), [place for found in places for place in found])
    lemmatizer = model.get_pipe(LEMMATIZER) if LEMMATIZER in on_demand else None
    return [[_read(doc, start, end, lemmatizer) for doc, start, end in found] for found in places]


def _span(doc: Any, start: int, end: int) -> Any | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _rule_tokens(ruler: Any, places: Sequence[tuple[Any, int, int]]) -> None:
    """The attribute ruler's annotations on the tokens ``_read`` reads: each candidate's root and its
    governing word."""
    wanted: dict[int, tuple[Any, set[int]]] = {}
    for doc, start, end in places:
        span = _span(doc, start, end)
        if span is not None:
            wanted.setdefault(id(doc), (doc, set()))[1].update((span.root.i, span.root.head.i))
    apply_rules(ruler, list(wanted.values()))


def apply_rules(ruler: Any, tokens: Sequence[tuple[Any, Iterable[int]]]) -> None:
    """Set what the attribute ruler sets on the tokens of each (Doc, token indices) as a run over the whole
    Doc sets it: every match that can set such a token lies within the longest pattern's length of it, all
    of a Doc's matches are found before any is applied, and they are applied in the ruler's order (a later
    pattern wins)."""
    reach = max(len(pattern) for entry in ruler.patterns for pattern in entry["patterns"])  # built on each read
    for doc, indices in tokens:
        matches = set()
        for i in indices:
            lo = max(0, i - reach + 1)
            for match_id, start, end in ruler.matcher(doc[lo:i + reach], allow_missing=True, as_spans=False):
                matches.add((int(ruler.vocab.strings[match_id]), match_id, lo + start, lo + end))
        ruler.set_annotations(doc, sorted(matches))


@lru_cache(maxsize=1)
def _blas_threads() -> Any | None:
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # optional: without it BLAS keeps its own thread count
        return None
    return ThreadpoolController()


def _one_blas_thread() -> AbstractContextManager[Any]:
    """One BLAS thread while parsing: a batch of sentences is small, and OpenBLAS's other threads spin
    while they wait (three times the CPU time for the same parse on a shared two-core machine)."""
    controller = _blas_threads()
    return controller.limit(limits=1, user_api="blas") if controller is not None else nullcontext()


def _lemma(token: Any, lemmatizer: Any | None) -> str:
    """The lemma the model's lemmatizer gives ``token`` in a full run (it keeps a lemma already set)."""
    if lemmatizer is None or (token.lemma != 0 and not lemmatizer.overwrite):
        return str(token.lemma_)
    return str(lemmatizer.lemmatize(token)[0])


def _unlabelled_name_head(doc: Any, span: Any, head: Any) -> bool:
    """The mention is a compound of a proper noun after it, every word between them a proper noun too, and none of
    them in an entity: a longer name the entity model may have cut after the city's ("Wenzhou | West Railway
    Station"; ``features.model_reading`` decides with the cues)."""
    if span.root.dep_ != "compound" or head.i < span.end or head.pos_ != "PROPN":
        return False
    return all(t.pos_ == "PROPN" and not t.ent_type_ for t in doc[span.end:head.i + 1])


def _read(doc: Any, start: int, end: int, lemmatizer: Any | None = None) -> dict | None:
    span = _span(doc, start, end)
    if span is None:
        return None
    root = span.root
    ent_label, exact = None, False
    for ent in doc.ents:
        if ent.start_char <= start and end <= ent.end_char:
            ent_label, exact = ent.label_, (ent.start_char == start and ent.end_char == end)
            break
    head = root.head
    lemma = _lemma(head, lemmatizer)
    return {
        "ent_label": ent_label,
        "ent_exact": exact,
        "dep": root.dep_,
        "head": head.text,
        "head_lemma": lemma.lower() if lemma else head.text.lower(),
        "head_pos": head.pos_,
        "name_after": _unlabelled_name_head(doc, span, head),
    }
