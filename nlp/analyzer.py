"""The trained model, run only on the sentences that hold a candidate.

This is where the expensive work happens, so it happens as rarely as possible: the
finder has already marked the candidates, and only their sentences (cut by a cheap
regular expression, not by the parser) go through the trained pipeline, batched
with ``nlp.pipe``. What the classifier needs from the parse is copied into a small
dict per candidate, so the article Doc never has to be parsed. Of the lemmas only the
governing word's is read, so the lemmatizer runs on that one token, not on the sentence
(the same lemma: the rule lemmatizer reads only the token's own text, tag and morphology).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from functools import lru_cache
from typing import Any

import spacy
from thinc.api import use_ops

from nlp.sentences import SENTENCE_END

log = logging.getLogger(__name__)

MAX_SENTENCE = 600  # characters either side: a runaway "sentence" (tables, lists) is cut
LEMMATIZER = "lemmatizer"  # run per token read (``_lemma``), not over every sentence


@lru_cache(maxsize=4)
def load_model(name: str) -> Any | None:
    """The trained pipeline, or None (rules-only mode) when it is not installed.

    Its layers multiply matrices through numpy (OpenBLAS) rather than thinc's default, blis: the same
    parse in half the CPU time on the project's machines (the annotations compared equal on the
    benchmark stream, the test sentences and the shared corpora; floating-point sums in another order
    could in principle tip a near tie).
    """
    if not name:
        return None
    try:
        with use_ops("numpy", use_blis=False):
            return spacy.load(name)
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
    lemmatizer = model.get_pipe(LEMMATIZER) if LEMMATIZER in model.pipe_names else None
    with _one_blas_thread():
        docs = dict(zip(unique, model.pipe(unique, batch_size=batch_size, disable=[LEMMATIZER] if lemmatizer else []),
                        strict=True))
    return [[_read(docs[text[a:b]], s - a, e - a, lemmatizer) for (a, b), (s, e) in zip(cuts, spans, strict=True)]
            for (text, spans), cuts in zip(items, bounds, strict=True)]


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


def _read(doc: Any, start: int, end: int, lemmatizer: Any | None = None) -> dict | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
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
    }
