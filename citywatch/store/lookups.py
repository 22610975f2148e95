"""The hot lookups, each through a key or an index the back end really uses.

* :func:`existing_ids`: which ids a collection holds. MongoDB: ``$in`` on the
  ``_id`` index. Embedded: mongoeco's primary key, queried in SQLite (mongoeco
  itself would read every document; see :mod:`citywatch.store.embedded`).
* :func:`dated` and :func:`dated_values`: the documents (or some of their
  fields, as tuples) of a date range (scoring's period, ingest's signatures). MongoDB: a range on a declared
  index. Embedded: a SQLite expression index of the same range.
* :func:`near_duplicate_window`: the signatures of the last days, as tuples. MongoDB: a range on the ``at``
  index. Embedded: one range of a table in date order kept by triggers (:mod:`citywatch.store.window`), so it
  does not depend on the order the signatures were written in.

Both cost what is looked up, not what is stored; ``tests/test_store_plans.py``
checks the plans.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

from citywatch.store import embedded, window
from citywatch.store.connection import Store

IN_CHUNK = 500


def existing_ids(store: Store, collection: str, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` are ``_id`` values of ``collection``."""
    wanted = list(dict.fromkeys(ids))
    if store.engine is not None:
        return embedded.present(store.sql, store.engine, store.db.name, collection, wanted)
    found: set[str] = set()
    for start in range(0, len(wanted), IN_CHUNK):
        chunk = wanted[start : start + IN_CHUNK]
        found.update(doc["_id"] for doc in store.db[collection].find({"_id": {"$in": chunk}}, {"_id": 1}))
    return found


def range_query(rng: embedded.Range, lo: datetime | None, hi: datetime | None) -> dict[str, Any]:
    """The same range as a MongoDB filter: the first set field of ``rng.fields`` in [lo, hi)."""
    bounds: dict[str, Any] = {}
    if lo is not None:
        bounds["$gte"] = lo
    if hi is not None:
        bounds["$lt"] = hi
    bounds = bounds or {"$ne": None}
    first, *rest = rng.fields
    clauses = [{first: bounds}]
    unset: dict[str, Any] = {first: None}
    for name in rest:
        clauses.append({**unset, name: bounds})
        unset[name] = None
    return clauses[0] if len(clauses) == 1 else {"$or": clauses}


def dated(store: Store, name: str, lo: datetime | None, hi: datetime | None = None,
          fields: Sequence[str] | None = None, batch_size: int = 1000) -> Iterator[dict[str, Any]]:
    """Stream the documents of range ``name`` (see :data:`embedded.RANGES`) dated in [lo, hi).

    ``fields``: top-level fields to return (``_id`` always); None returns whole documents.
    """
    rng = embedded.RANGES[name]
    if store.engine is not None:
        yield from embedded.between(store.sql, store.engine, store.db.name, rng, lo, hi, fields, batch_size)
        return
    projection = dict.fromkeys(fields, 1) if fields else None
    yield from store.db[rng.collection].find(range_query(rng, lo, hi), projection).batch_size(batch_size)


def dated_values(store: Store, name: str, lo: datetime | None, hi: datetime | None, fields: Sequence[str],
                 binary: Sequence[str] = ()) -> Iterator[tuple[Any, ...]]:
    """``(_id, *fields)`` per document of range ``name`` dated in [lo, hi): tuples, no documents.

    For bulk readers of small scalar fields (the near-duplicate window: id, packed signature, cluster).
    Fields named in ``binary`` come back as ``bytes`` (None when absent or not binary), the others as stored
    scalars. Embedded: the range's index, values extracted in SQLite (:func:`embedded.values`); MongoDB: the
    same range on its declared index, projected.
    """
    rng = embedded.RANGES[name]
    if store.engine is not None:
        yield from embedded.values(store.sql, store.db.name, rng, lo, hi, fields, binary)
        return
    for doc in store.db[rng.collection].find(range_query(rng, lo, hi), dict.fromkeys(fields, 1)).batch_size(5000):
        yield (doc["_id"], *(_binary(doc.get(f)) if f in binary else doc.get(f) for f in fields))


def near_duplicate_window(store: Store, since: datetime) -> Iterator[tuple[str, bytes | None, str | None]]:
    """``(_id, packed signature, cluster id)`` of the signatures dated at or after ``since`` (the crawler's window).

    Embedded: :func:`window.read`, a contiguous range of ``cw_window`` (its first read of a window that reaches
    further back than the table fills it once, through the date index). MongoDB: the ``at`` index, then one
    document fetch per signature, as :func:`dated_values`.
    """
    if store.engine is not None:
        yield from window.read(store, since)
        return
    yield from dated_values(store, "signatures", since, None, ("sig", "cluster_id"), binary=("sig",))


def _binary(value: Any) -> bytes | None:
    return bytes(value) if isinstance(value, bytes | bytearray) else None


def next_batch(store: Store, collection: str, after: Any, batch: int) -> list[tuple[Any, dict[str, Any]]]:
    """A collection in key order, a batch at a time: (resume token, document) pairs after token ``after``.

    Embedded: mongoeco's primary key (storage-key order). MongoDB: the ``_id`` index.
    """
    if store.engine is not None:
        return embedded.scan(store.sql, store.engine, store.db.name, collection, after, batch)
    query = {} if after is None else {"_id": {"$gt": after}}
    return [(doc["_id"], doc) for doc in store.db[collection].find(query).sort("_id", 1).limit(batch)]
