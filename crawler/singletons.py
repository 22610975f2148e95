"""Process-wide singletons shared by the spiders of one crawler process: one store thread (with the
process's only store connection) and outage state, one claim set, one LSH index, one pool of extraction workers.

``citywatch crawl`` runs the feeds, sitemaps and sections spiders side by side in
one process. Sharing these objects keeps the embedded SQLite store on a single
connection, off the reactor thread, stops two spiders from fetching the article
both listed, and lets near-duplicates found by different spiders meet in one index.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote, unquote

from citywatch.store import Store
from citywatch.store.lookups import near_duplicate_window
from crawler.dedup import NearDuplicateIndex
from crawler.store_thread import Outage, StoreThread, read_through
from crawler.workers import ExtractionWorkers, worker_count

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


def store_thread() -> StoreThread:
    """The thread that makes every store call of the crawl process, off the reactor."""
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


async def near_duplicate_index(settings: Any) -> NearDuplicateIndex:
    """The process's LSH index, rebuilt in the store thread from stored signatures of the last
    DEDUP_WINDOW_DAYS days, through a store outage (:func:`crawler.store_thread.read_through`)."""
    if _index is None:
        threshold = settings.getfloat("DEDUP_THRESHOLD", 0.7)
        since = datetime.now(UTC) - timedelta(days=settings.getint("DEDUP_WINDOW_DAYS", 14))
        return await read_through(outage(settings), store_thread(), _build_index, threshold, since)
    return _index


def _build_index(store: Store, threshold: float, since: datetime) -> NearDuplicateIndex:
    """In the store thread, which runs one call at a time: the first spider to open builds it, the others get it."""
    global _index
    if _index is None:
        index = NearDuplicateIndex(threshold=threshold)
        index.extend(near_duplicate_window(store, since))
        _index = index
    return _index


def near_duplicate_clusters() -> dict[str, str | None]:
    """Canonical URL to cluster, as the index knows them now (empty before it is built)."""
    return _index.clusters if _index is not None else {}


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
