"""Choosing and opening the back end.

``CITYWATCH_MONGO_URI`` set: a real MongoDB through ``pymongo.MongoClient``.
Unset: mongoeco's SQLite engine in ``CITYWATCH_DATA_DIR`` (default ``var/`` in the
project), so the main job needs no server. Both are driven through the same
pymongo API; nothing above the store package branches on the back end. Inside
it, the embedded engine gets no mongoeco secondary index (mongoeco rebuilds them
from every document at every connect) and its hot lookups go to SQLite indexes
instead: see :mod:`citywatch.store.embedded` and :mod:`citywatch.store.lookups`.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pymongo import ASCENDING, DESCENDING, IndexModel
from pymongo.errors import CollectionInvalid, ConfigurationError, OperationFailure, PyMongoError

from citywatch.store import counts, embedded, groups, periods, scoring_rows, window
from citywatch.store.errors import StoreError, StoreUnavailable, translated
from citywatch.store.location import COUNTED, StoreConfig, describe, read_counts, redact
from citywatch.store.schema import article_json_schema

RACE_ERRORS = ("already exists", "database is locked")  # SQLite errors of concurrent index creation
AGGREGATION_SPILL_THRESHOLD = 10_000  # documents held in memory before an aggregation spills to disk

# MongoDB's indexes, created by `citywatch db init` and on first use. The embedded
# engine gets the SQLite indexes of `embedded.RANGES` instead.
INDEXES: dict[str, list[IndexModel]] = {
    "articles": [
        IndexModel([("url", ASCENDING)], name="url"),
        IndexModel([("source_id", ASCENDING), ("published_at", ASCENDING)], name="source_published"),
        IndexModel([("published_at", ASCENDING), ("fetched_at", ASCENDING)], name="published_fetched"),
        IndexModel([("cluster_id", ASCENDING)], name="cluster"),
        IndexModel([("content_hash", ASCENDING)], name="content_hash"),
        IndexModel([("mentions.group_key", ASCENDING)], name="group_key"),
    ],
    "runs": [IndexModel([("started_at", DESCENDING)], name="started")],
    "reviews": [IndexModel([("group_key", ASCENDING), ("at", DESCENDING)], name="group_at")],
    "signatures": [IndexModel([("at", ASCENDING)], name="at")],
    "url_aliases": [IndexModel([("article", ASCENDING)], name="article")],
}
LOCKED = "database is locked"
LOCK_ATTEMPTS = 4  # each waits BUSY_TIMEOUT_S inside SQLite first
LOCK_BACKOFF_S = 0.5  # then 0.5, 1, 2 s between attempts


@dataclass
class Store:
    """An open database plus the facts a user may ask about it."""

    client: Any
    db: Any
    backend: str  # "mongodb" or "embedded"
    location: str  # redacted URI or the SQLite file
    engine: Any = None  # the embedded engine (None on MongoDB), for the keyed reads in `lookups`
    _indexed: bool = field(default=False, repr=False)
    _point_lookups: bool | None = field(default=None, repr=False)
    _sql: sqlite3.Connection | None = field(default=None, repr=False)

    @property
    def sql(self) -> sqlite3.Connection:
        """A plain SQLite connection to the embedded store's file (embedded only)."""
        if self._sql is None:
            self._sql = embedded.open_sql(Path(self.location))
        return self._sql

    @property
    def articles(self) -> Any:
        return self.db["articles"]

    @property
    def runs(self) -> Any:
        return self.db["runs"]

    @property
    def reviews(self) -> Any:
        return self.db["reviews"]

    @property
    def url_aliases(self) -> Any:
        """Fetched URLs that differ from their article's canonical URL (``_id`` = fetched URL)."""
        return self.db["url_aliases"]

    def collection(self, name: str) -> Any:
        return self.db[name]

    @property
    def point_lookups(self) -> bool:
        """Whether to read existing documents one ``_id`` at a time instead of with ``$in``.

        On mongoeco (the embedded engine, and its wire server behind a URI) an
        ``_id`` equality that finds its document is a primary-key probe (~0.3 ms)
        while ``$in`` scans the collection (1 s per 100 ids at 20,000 articles,
        growing linearly). On MongoDB ``$in`` uses the ``_id`` index in one round
        trip. The server says which it is.
        """
        if self._point_lookups is None:
            info = self.db.command("buildInfo")
            self._point_lookups = info.get("gitVersion") == "mongoeco"
        return self._point_lookups

    def init(self) -> None:
        """Create indexes (and the schema validator on real MongoDB); idempotent."""
        if self.engine is not None:
            retry_locked(self._init_embedded, self.location)
        else:
            self._install_validator()
            for name, models in INDEXES.items():
                self._create_indexes(name, models)
        self._indexed = True

    def _init_embedded(self) -> None:
        """SQLite indexes and the trigger-kept summaries only; mongoeco indexes left by an earlier version are dropped.

        On an existing store the summaries come before mongoeco connects: a first
        backfill (a store written before a summary existed) holds SQLite's write lock
        for a while (over 30 s at 500,000 articles), and mongoeco's connect starts a
        background heartbeat that writes and fails with "database is locked" meanwhile.
        A new file has no ``documents`` table until mongoeco creates it. Listing the collections (which also
        connects mongoeco, inside :func:`retry_locked`) reads the trigger-kept counts, not every document's key
        (:class:`embedded.Connection`).
        """
        existing = self.sql.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents'").fetchone()
        if existing:
            self._install_sql()
        for name in self.db.list_collection_names():
            for index in self.db[name].list_indexes():
                if index["name"] != "_id_":
                    self.db[name].drop_index(index["name"])
        if not existing:
            self._install_sql()

    def _install_sql(self) -> None:
        embedded.create_indexes(self.sql)
        counts.install(self.sql)
        groups.install(self.sql)
        periods.retire(self.sql)
        scoring_rows.install(self.sql)
        window.install(self.sql)

    def _create_indexes(self, name: str, models: list[IndexModel], attempts: int = 10) -> None:
        """Create indexes, tolerating another process creating the same ones at the same moment.

        Two crawler processes opening a fresh embedded store race here, and
        mongoeco lets SQLite's own errors through: "index ... already exists"
        (the other process won; the next attempt finds the index and returns) or
        "database is locked" (the other process holds the schema lock a moment).
        """
        for attempt in range(attempts):
            try:
                self.db[name].create_indexes(models)
                return
            except (PyMongoError, sqlite3.OperationalError) as exc:
                if attempt == attempts - 1 or not any(s in str(exc) for s in RACE_ERRORS):
                    raise
                time.sleep(0.1 * (attempt + 1))

    def ensure_ready(self) -> None:
        if not self._indexed:
            self.init()

    def _install_validator(self) -> None:
        validator = {"$jsonSchema": article_json_schema()}
        try:
            self.db.create_collection("articles", validator=validator)
        except CollectionInvalid:  # exists already: update its validator instead
            try:
                self.db.command("collMod", "articles", validator=validator)
            except OperationFailure:
                pass  # server refuses collMod (e.g. restricted user); Python-side checks still apply
        except OperationFailure:
            pass  # validators unsupported by this server; Python-side checks still apply

    def counts(self) -> dict[str, int]:
        if self.engine is not None:  # mongoeco's count_documents parses every document; these are kept by triggers
            return read_counts(self.sql, self.db.name)
        return {name: self.db[name].estimated_document_count() for name in COUNTED}

    def describe(self) -> str:
        return describe(self.backend, self.location, self.db.name)

    def close(self) -> None:
        if self._sql is not None:
            self._sql.close()
            self._sql = None
        self.client.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def retry_locked[T](action: Callable[[], T], location: str) -> T:
    """Run ``action``, retrying with backoff while another process holds the embedded store's lock.

    Each attempt already waited ``BUSY_TIMEOUT_S`` inside SQLite; if the lock is
    still held after ``LOCK_ATTEMPTS``, the user gets one line saying so.
    """
    for attempt in range(LOCK_ATTEMPTS):
        try:
            return action()
        except (PyMongoError, sqlite3.OperationalError) as exc:
            if LOCKED not in str(exc):
                raise
            if attempt == LOCK_ATTEMPTS - 1:
                raise StoreUnavailable(
                    f"the embedded store {location} stayed locked by another process for "
                    f"{LOCK_ATTEMPTS * embedded.BUSY_TIMEOUT_S:.0f} s; try again when it has finished") from None
            time.sleep(LOCK_BACKOFF_S * 2**attempt)
    raise AssertionError("unreachable")


def connect(config: StoreConfig | None = None, *, init: bool = True) -> Store:
    """Open the configured store, failing fast with :class:`StoreUnavailable`."""
    config = config or StoreConfig.from_env()
    with translated(config.location):  # SQLite's "disk full", "malformed" become one line naming the file
        store = _connect_mongodb(config) if config.uri else _connect_embedded(config)
        try:
            if init:
                store.ensure_ready()
        except BaseException:
            store.close()
            raise
    return store


def _connect_mongodb(config: StoreConfig) -> Store:
    from pymongo import MongoClient

    timeout_ms = int(config.timeout_s * 1000)
    where = redact(config.uri or "")
    try:
        client: MongoClient[dict[str, Any]] = MongoClient(
            config.uri,
            serverSelectionTimeoutMS=timeout_ms,
            connectTimeoutMS=timeout_ms,
            socketTimeoutMS=max(timeout_ms * 6, 30_000),
            tz_aware=True,
        )
        client.admin.command("ping")
    except ConfigurationError as exc:
        raise StoreError(f"CITYWATCH_MONGO_URI is not a valid MongoDB URI ({where}): {exc}") from None
    except PyMongoError as exc:
        first_line = str(exc).split(",")[0].split("\n")[0]
        raise StoreUnavailable(
            f"MongoDB at {where} did not answer within {config.timeout_s:g} s "
            f"(set CITYWATCH_MONGO_TIMEOUT to wait longer): {first_line}"
        ) from None
    return Store(client=client, db=client[config.db_name], backend="mongodb", location=where)


def _connect_embedded(config: StoreConfig) -> Store:
    from datetime import UTC

    from mongoeco import CodecOptions, MongoClient

    path = Path(config.location)
    try:
        embedded.secure_files(path)
    except OSError as exc:
        raise StoreUnavailable(f"cannot create the embedded store {path}: {exc.strerror}") from None
    # tz-aware UTC datetimes, as the MongoDB path returns them (tz_aware=True).
    # The spill threshold lets large aggregations run with allowDiskUse=True, as
    # on MongoDB, instead of failing mongoeco's in-memory materialisation budget.
    engine = embedded.Engine(str(path), cache_mb=config.cache_mb, aggregation_spill_threshold=AGGREGATION_SPILL_THRESHOLD)
    client = MongoClient(engine, codec_options=CodecOptions(tz_aware=True, tzinfo=UTC))
    return Store(client=client, db=client[config.db_name], backend="embedded", location=str(path), engine=engine)
