"""Process-wide singletons shared by the spiders of one crawler process: one store connection, one store
thread and outage state, one claim set, one LSH index, one pool of extraction workers.

``citywatch crawl`` runs the feeds, sitemaps and sections spiders side by side in
one process. Sharing these objects keeps the embedded SQLite store on a single
connection, stops two spiders from fetching the article both listed, and lets
near-duplicates found by different spiders meet in one index.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote, unquote

from citywatch.store import Store, connect
from citywatch.store.lookups import dated
from crawler.dedup import NearDuplicateIndex
from crawler.store_thread import Outage, StoreThread
from crawler.workers import ExtractionWorkers, worker_count

_store: Store | None = None
_claimed: set[str] = set()
_index: NearDuplicateIndex | None = None
_workers: ExtractionWorkers | None = None
_workers_users = 0
_store_thread: StoreThread | None = None
_outage: Outage | None = None

SOURCE_STAT = "source/{source}/{name}"


def stat_key(source_id: str | None, name: str) -> str:
    """Per-source stat key, folded into the run record by :func:`store.runs.per_source`."""
    return SOURCE_STAT.format(source=source_id or "_unknown", name=name)


def address_key(url: str) -> str:
    """A registry address as one stat-key segment and store field name: no ``/``, no ``.``, reversible."""
    return quote(url, safe="").replace(".", "%2E")


def address_url(key: str) -> str:
    return unquote(key)


def get_store() -> Store:
    global _store
    if _store is None:
        _store = connect()
    return _store


def store_thread() -> StoreThread:
    """The thread that does the crawl's store writes, heartbeats and lease renewals off the reactor."""
    global _store_thread
    if _store_thread is None:
        _store_thread = StoreThread()
    return _store_thread


def close_store_thread() -> None:
    """At the end of the crawl process: the store thread closes its connection and exits."""
    global _store_thread
    if _store_thread is not None:
        _store_thread.close()
        _store_thread = None


def outage(settings: Any) -> Outage:
    """The process's view of the store's health, shared by its spiders."""
    global _outage
    if _outage is None:
        _outage = Outage(settings)
    return _outage


def store_gave_up() -> bool:
    """Whether this process stopped crawling because the store stayed down (its exit status says so)."""
    return _outage is not None and _outage.gave_up


def claim(canonical: str) -> bool:
    """True the first time this process sees ``canonical`` in this run."""
    if canonical in _claimed:
        return False
    _claimed.add(canonical)
    return True


def near_duplicate_index(settings: Any) -> NearDuplicateIndex:
    """The process's LSH index, rebuilt from stored signatures of the last DEDUP_WINDOW_DAYS days."""
    global _index
    if _index is None:
        _index = NearDuplicateIndex(threshold=settings.getfloat("DEDUP_THRESHOLD", 0.7))
        since = datetime.now(UTC) - timedelta(days=settings.getint("DEDUP_WINDOW_DAYS", 14))
        _index.load(dated(get_store(), "signatures", since))
    return _index


def acquire_extraction_workers(settings: Any) -> ExtractionWorkers | None:
    """The process's extraction workers (None: extract in this process); pair with a release."""
    global _workers, _workers_users
    _workers_users += 1
    if _workers is None and (count := worker_count(settings.get("EXTRACTION_PROCESSES"))) > 0:
        _workers = ExtractionWorkers(count)
    return _workers


def release_extraction_workers() -> None:
    """The last spider to close shuts the workers down (its items are all through extraction by then)."""
    global _workers, _workers_users
    _workers_users = max(0, _workers_users - 1)
    if _workers_users == 0 and _workers is not None:
        _workers.shutdown()
        _workers = None
