"""The shape of stored documents, written once and used everywhere.

The same table drives the Python-side check that runs on every back end (so the
embedded engine rejects what MongoDB would), the ``$jsonSchema`` validator
installed on a real MongoDB and the fields the crawler stores. ``Mention`` is the
shape of one mention: what the tagger produces and review and scoring read.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, NotRequired, TypedDict

from citywatch.store.errors import InvalidDocument

# field -> (python types, bson types, required)
_NULLABLE_STR = ((str, type(None)), ["string", "null"])
_NULLABLE_DATE = ((datetime, type(None)), ["date", "null"])
_NUMBER = ((int, float), ["double", "int", "long"])

ARTICLE_FIELDS: dict[str, tuple[tuple[type, ...], list[str], bool]] = {
    "_id": ((str,), ["string"], True),
    "url": ((str,), ["string"], True),
    "canonical_url": ((str,), ["string"], True),
    "source_id": ((str,), ["string"], True),
    "title": (*_NULLABLE_STR, False),
    "text": ((str,), ["string"], True),
    "lang": (*_NULLABLE_STR, False),
    "lang_prob": (((int, float, type(None))), ["double", "int", "null"], False),
    "published_at": (*_NULLABLE_DATE, False),
    "fetched_at": ((datetime,), ["date"], True),
    "content_hash": ((str,), ["string"], True),
    "cluster_id": (*_NULLABLE_STR, False),
    "status": ((str,), ["string"], False),
    "mentions": ((list,), ["array"], False),
    "tagger_version": (*_NULLABLE_STR, False),
    "author": (*_NULLABLE_STR, False),
    "description": (*_NULLABLE_STR, False),
    "section": (*_NULLABLE_STR, False),
    "run_id": (*_NULLABLE_STR, False),
}
#: What a writer supplies: the store derives ``_id`` from ``canonical_url``.
WRITTEN_FIELDS = tuple(field for field in ARTICLE_FIELDS if field != "_id")


class CityRef(TypedDict):
    """The city a mention names, as the gazetteer describes it."""

    adcode: str
    geonameid: int | None
    name: str
    province: str


class Mention(TypedDict):
    """One mention in an article (``citywatch tag`` output, stored in ``articles.mentions``).

    ``review`` (a person's decision, see :mod:`citywatch.store.mentions`) and ``stale``
    (its mention vanished on re-tagging) are added by review.
    """

    start: int
    end: int
    surface: str
    label: str
    city: CityRef | None
    confidence: float
    flagged: bool
    candidates: list[str]
    group_key: str
    review: NotRequired[dict[str, Any]]
    stale: NotRequired[bool]


_MENTION_FIELDS: dict[str, tuple[type, ...]] = {
    "start": (int,),
    "end": (int,),
    "surface": (str,),
    "label": (str,),
    "confidence": (int, float),
}


def _type_error(value: Any, types: tuple[type, ...]) -> str:
    names = " or ".join("null" if t is type(None) else t.__name__ for t in types)
    return f"must be {names}, got {type(value).__name__}"


def validate_article(doc: Mapping[str, Any]) -> None:
    """Raise :class:`InvalidDocument` naming the first offending field."""
    ref = doc.get("url") if isinstance(doc.get("url"), str) else None
    for field, (types, _bson, required) in ARTICLE_FIELDS.items():
        if field not in doc or (doc[field] is None and type(None) not in types):
            if required or field in doc:
                raise InvalidDocument(field, "is missing" if field not in doc else "must not be null", ref)
            continue
        value = doc[field]
        # bool is an int subclass; a boolean where a number belongs is a bug upstream.
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise InvalidDocument(field, _type_error(value, types), ref)
    if not doc["url"].strip():
        raise InvalidDocument("url", "is empty", ref)
    for i, mention in enumerate(doc.get("mentions") or ()):
        if not isinstance(mention, Mapping):
            raise InvalidDocument(f"mentions[{i}]", _type_error(mention, (dict,)), ref)
        for field, types in _MENTION_FIELDS.items():
            if field not in mention:
                raise InvalidDocument(f"mentions[{i}].{field}", "is missing", ref)
            if not isinstance(mention[field], types) or isinstance(mention[field], bool):
                raise InvalidDocument(f"mentions[{i}].{field}", _type_error(mention[field], types), ref)


def article_json_schema() -> dict[str, Any]:
    """The ``$jsonSchema`` for MongoDB's collection validator."""
    return {
        "bsonType": "object",
        "required": [f for f, (_t, _b, req) in ARTICLE_FIELDS.items() if req],
        "properties": {f: {"bsonType": b} for f, (_t, b, _r) in ARTICLE_FIELDS.items()},
    }
