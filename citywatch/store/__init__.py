"""The article store: one pymongo-API database, real MongoDB or embedded mongoeco.

Everything outside this package talks to a :class:`Store` and never learns which
back end it got; see :func:`connect`. The names below are resolved on first access,
so the light modules of this layer (``schema``, ``words``, ``mentions``) can be used
by the tagger without loading pymongo.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from citywatch.store.articles import SaveResult, iter_articles, known_urls, save_articles
    from citywatch.store.connection import Store, connect
    from citywatch.store.errors import (
        STORE_FAILURES,
        InvalidDocument,
        StoreDamaged,
        StoreError,
        StoreFull,
        StoreUnavailable,
        translate,
        translated,
    )
    from citywatch.store.location import StoreConfig

_HOMES = {
    "SaveResult": "articles", "iter_articles": "articles", "known_urls": "articles", "save_articles": "articles",
    "Store": "connection", "StoreConfig": "location", "connect": "connection",
    "InvalidDocument": "errors", "StoreError": "errors", "StoreUnavailable": "errors", "StoreDamaged": "errors",
    "StoreFull": "errors", "STORE_FAILURES": "errors", "translate": "errors", "translated": "errors",
}

__all__ = [
    "STORE_FAILURES",
    "InvalidDocument",
    "SaveResult",
    "Store",
    "StoreConfig",
    "StoreDamaged",
    "StoreError",
    "StoreFull",
    "StoreUnavailable",
    "connect",
    "iter_articles",
    "known_urls",
    "save_articles",
    "translate",
    "translated",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'citywatch.store' has no attribute {name!r}")
    return getattr(importlib.import_module(f"citywatch.store.{_HOMES[name]}"), name)
