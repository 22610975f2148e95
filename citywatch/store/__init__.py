"""The article store: one pymongo-API database, real MongoDB or embedded mongoeco.

Everything outside this package talks to a :class:`Store` and never learns which
back end it got; see :func:`connect`.
"""

from citywatch.store.articles import SaveResult, iter_articles, known_urls, save_articles
from citywatch.store.connection import Store, StoreConfig, connect
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
