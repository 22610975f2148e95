"""Writing and reading articles in batches, and the near-duplicate signatures stored beside them.

Writes are idempotent: one document per canonical URL (its ``_id``). A batch
goes in with one unordered ``insert_many``; the ids the store already held come
back as duplicate-key errors, and only those are read (by ``_id``) and, where the
``content_hash`` changed, updated with one unordered ``bulk_write``. New
articles, the common case for a crawler that skips known URLs, cost one write.

Why this shape: on mongoeco (the embedded engine) a ``find_one`` on an ``_id``
that exists is a primary-key probe (~0.3 ms), while ``$in`` and most other
queries read every document of the collection (see
:mod:`citywatch.store.embedded`). Reading before writing through the pymongo API
would therefore grow with the collection; inserting first does not, and only
the duplicates are read back, each one a probe that hits. Per-document upserts
were ~20x slower than ``insert_many`` (116 vs 2,500 docs/s). The same code is
right on MongoDB, where duplicate-key errors are cheap. A second writer racing
on a URL is just another duplicate key, so two processes never create
duplicates.

Fetched URLs that differ from the canonical one are remembered in
``url_aliases``; :func:`known_urls` asks both collections which of the URLs
they hold as ``_id`` (:func:`citywatch.store.lookups.existing_ids`: the primary
key on both back ends, so the cost follows the number of URLs asked, not the
number stored).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from pymongo import UpdateOne
from pymongo.errors import BulkWriteError

from citywatch.store import embedded
from citywatch.store.connection import Store
from citywatch.store.errors import InvalidDocument
from citywatch.store.lookups import existing_ids
from citywatch.store.schema import validate_article

DUPLICATE_KEY = 11000
IN_CHUNK = 500
WRITE_BATCH = 500


@dataclass
class SaveResult:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (url or index, message)

    def add(self, other: SaveResult) -> None:
        self.inserted += other.inserted
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.rejected.extend(other.rejected)


def chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Lists of at most ``size`` items, lazily: batches for writes and lookups."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _prepare(doc: Mapping[str, Any]) -> dict[str, Any]:
    prepared = dict(doc)
    if isinstance(prepared.get("canonical_url"), str) and prepared["canonical_url"]:
        prepared["_id"] = prepared["canonical_url"]
    elif "canonical_url" not in prepared and isinstance(prepared.get("url"), str):
        prepared["canonical_url"] = prepared["_id"] = prepared["url"]
    validate_article(prepared)
    return prepared


def lookup_ids(store: Store, collection: Any, ids: Sequence[str], projection: Mapping[str, Any]) -> dict[str, dict]:
    """Fetch documents that are known to exist, keyed by id (see :attr:`Store.point_lookups`).

    Embedded: primary-key queries in SQLite (:func:`embedded.fetch`), where a
    dotted path of ``projection`` brings its whole top-level field.
    """
    if store.engine is not None and projection and all(projection.values()):  # an inclusion projection
        return {doc["_id"]: doc for doc in embedded.fetch(store.sql, store.engine, store.db.name, collection.name,
                                                             ids, list(projection))}
    if store.point_lookups:
        found = (collection.find_one({"_id": one}, projection) for one in ids)
        return {doc["_id"]: doc for doc in found if doc is not None}
    out: dict[str, dict] = {}
    for chunk in chunks(ids, IN_CHUNK):
        out.update((doc["_id"], doc) for doc in collection.find({"_id": {"$in": chunk}}, projection))
    return out


def insert_new(collection: Any, docs: Sequence[Mapping[str, Any]]) -> list[int]:
    """Insert what is new; return the positions of documents whose ``_id`` already existed.

    Unordered, so one duplicate does not stop the rest; any error other than a duplicate key raises.
    """
    if not docs:
        return []
    try:
        collection.insert_many(docs, ordered=False)
    except BulkWriteError as exc:
        errors = exc.details.get("writeErrors", [])
        if any(e.get("code") != DUPLICATE_KEY for e in errors):
            raise
        return sorted(e["index"] for e in errors)
    return []


def _update(doc: Mapping[str, Any]) -> UpdateOne:
    """Replace everything but the identity and the first time the article was seen."""
    fields = {k: v for k, v in doc.items() if k not in ("_id", "fetched_at")}
    return UpdateOne({"_id": doc["_id"]}, {"$set": fields, "$setOnInsert": {"fetched_at": doc["fetched_at"]}}, upsert=True)


def _save_batch(store: Store, docs: list[dict[str, Any]]) -> SaveResult:
    latest: dict[str, dict[str, Any]] = {}
    for doc in docs:  # the same URL twice in one batch: the last copy wins
        latest[doc["_id"]] = doc
    fresh = list(latest.values())
    existed = [fresh[i] for i in insert_new(store.articles, fresh)]
    hashes = lookup_ids(store, store.articles, [d["_id"] for d in existed], {"content_hash": 1})
    changed = [d for d in existed if hashes.get(d["_id"], {}).get("content_hash") != d["content_hash"]]
    if changed:
        store.articles.bulk_write([_update(d) for d in changed], ordered=False)
    aliases = [{"_id": d["url"], "article": d["_id"]} for d in fresh if d["url"] != d["_id"]]
    insert_new(store.url_aliases, aliases)  # an alias already recorded is simply kept
    return SaveResult(
        inserted=len(fresh) - len(existed),
        updated=len(changed),
        unchanged=len(existed) - len(changed) + len(docs) - len(fresh),
    )


def save_articles(store: Store, docs: Iterable[Mapping[str, Any]], batch_size: int = WRITE_BATCH) -> SaveResult:
    """Store articles idempotently; invalid ones are reported in ``rejected``, not written.

    ``_id`` is the canonical URL (``url`` when no canonical is given). A document
    whose ``content_hash`` is unchanged is left alone; a changed one is updated
    and keeps its first ``fetched_at``.
    """
    store.ensure_ready()
    total = SaveResult()
    for position, batch in enumerate(chunks(docs, batch_size)):
        valid: list[dict[str, Any]] = []
        for offset, doc in enumerate(batch):
            try:
                valid.append(_prepare(doc))
            except InvalidDocument as exc:
                total.rejected.append((exc.ref or f"#{position * batch_size + offset}", str(exc)))
        if valid:
            total.add(_save_batch(store, valid))
    return total


def save_signatures(store: Store, signatures: Sequence[Mapping[str, Any]], clusters: Mapping[str, str]) -> None:
    """Store near-duplicate signatures (those already stored, by an earlier run that was stopped, are kept) and move
    the articles and signatures of ``clusters`` (canonical URL -> cluster id) to the clusters they joined."""
    insert_new(store.collection("signatures"), signatures)
    if clusters:
        ops = [UpdateOne({"_id": k}, {"$set": {"cluster_id": v}}) for k, v in clusters.items()]
        store.articles.bulk_write(ops, ordered=False)
        store.collection("signatures").bulk_write(ops, ordered=False)


def known_urls(store: Store, urls: Iterable[str]) -> set[str]:
    """Which of these URLs the store already holds, as a canonical (article ``_id``) or a fetched URL (alias ``_id``)."""
    wanted = list(dict.fromkeys(urls))
    seen = existing_ids(store, "articles", wanted)
    return seen | existing_ids(store, "url_aliases", [u for u in wanted if u not in seen])


def iter_articles(
    store: Store,
    query: Mapping[str, Any] | None = None,
    projection: Mapping[str, Any] | None = None,
    batch_size: int = 1000,
) -> Iterator[dict[str, Any]]:
    """Stream matching articles, ``batch_size`` documents per round trip.

    A plain cursor: both back ends stream it without holding the result set
    (measured on the embedded engine: 60,000 articles in 1.7 s with no memory
    growth, where keyset pagination took 17 s because every page re-sorts, and
    an ``$unwind``/``$group`` aggregation hit mongoeco's materialisation budget).
    """
    yield from store.articles.find(dict(query or {}), projection).batch_size(batch_size)
