"""Chinese-city mention tagger: a spaCy pipeline over the project's gazetteer.

``tag_texts(texts, langs=None, options=TaggerOptions())`` returns the ``citywatch tag``
mentions per text; ``TAGGER_VERSION`` names the code, gazetteer and model that produced
them with the default options. All are resolved on first access, so ``import nlp.gazetteer``
does not pay for spaCy.
"""

from __future__ import annotations

from typing import Any

from nlp import spacy_import

spacy_import.quiet_blas_threads()  # before anything imports numpy
spacy_import.defer()  # before any module of the package imports spaCy

__all__ = ["RULES_ONLY", "TAGGER_VERSION", "TaggerOptions", "build_pipeline", "detect_language", "route", "tag_texts",
           "tagger_version"]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'nlp' has no attribute {name!r}")
    from nlp import pipeline

    return pipeline.tagger_version() if name == "TAGGER_VERSION" else getattr(pipeline, name)
