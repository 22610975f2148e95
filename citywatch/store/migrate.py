"""Copying a whole store to a MongoDB: resumable, and verified by counts and content hashes.

Every collection is read in key order a batch at a time (see
:func:`citywatch.store.lookups.next_batch`) and written with unordered inserts
that ignore ids the target already holds, so a copy can stop anywhere and run
again. After each batch the position reached is saved in the target's
``CHECKPOINTS`` collection; a rerun starts from there. At the end each
collection is verified on both sides: the number of documents and an
order-independent hash of their contents (datetimes at MongoDB's millisecond
precision), so a difference names the collection.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from citywatch.store.articles import insert_new
from citywatch.store.connection import Store
from citywatch.store.lookups import next_batch

CHECKPOINTS = "_citywatch_migration"
BATCH = 1000
HASH_MODULUS = 1 << 128


@dataclass
class Copied:
    """One collection's copy: what was written in this run, and the verification."""

    collection: str
    written: int
    source_count: int
    target_count: int
    source_hash: str
    target_hash: str

    @property
    def verified(self) -> bool:
        return self.source_count == self.target_count and self.source_hash == self.target_hash


def _plain(value: Any) -> Any:
    """A JSON-able form that both back ends give the same way."""
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return {"$date": aware.astimezone(UTC).isoformat(timespec="milliseconds")}
    if isinstance(value, bytes):
        return {"$binary": value.hex()}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value if isinstance(value, (str, int, float, bool, type(None))) else str(value)


def document_hash(doc: dict[str, Any]) -> int:
    payload = json.dumps(_plain(doc), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return int.from_bytes(hashlib.sha256(payload.encode()).digest()[:16], "big")


def collection_digest(store: Store, collection: str) -> tuple[int, str]:
    """Document count and an order-independent hash (sum of per-document hashes) of one collection."""
    total = count = 0
    after = None
    while batch := next_batch(store, collection, after, BATCH):
        for _, doc in batch:
            total = (total + document_hash(doc)) % HASH_MODULUS
            count += 1
        after = batch[-1][0]
    return count, f"{total:032x}"


def copy_collection(source: Store, target: Store, collection: str, progress: Callable[[str, int], None]) -> int:
    """Copy what the checkpoint says is left; return the number of documents sent."""
    checkpoints = target.db[CHECKPOINTS]
    saved = checkpoints.find_one({"_id": collection})
    after = saved["after"] if saved else None
    sent = 0
    while batch := next_batch(source, collection, after, BATCH):
        insert_new(target.db[collection], [doc for _, doc in batch])
        after = batch[-1][0]
        sent += len(batch)
        checkpoints.update_one({"_id": collection}, {"$set": {"after": after}}, upsert=True)
        progress(collection, sent)
    return sent


def migrate(source: Store, target: Store, progress: Callable[[str, int], None] = lambda c, n: None) -> list[Copied]:
    """Copy every collection of ``source`` into ``target`` and verify each; see the module docstring."""
    results = []
    for collection in sorted(n for n in source.db.list_collection_names() if n != CHECKPOINTS):
        written = copy_collection(source, target, collection, progress)
        source_count, source_hash = collection_digest(source, collection)
        target_count, target_hash = collection_digest(target, collection)
        results.append(Copied(collection, written, source_count, target_count, source_hash, target_hash))
    return results
