"""A job lock in the store (collection ``locks``): one holder at a time, across processes and machines.

Why generations: the only write that is atomic on every back end we support is
an insert of a document with a given ``_id`` (a primary-key conflict). On the
embedded mongoeco engine an ``update_one``/``delete_one`` with a filter reads the
matching document and then writes it in a separate step, so "take the lock if
it has expired" cannot be one conditional update there. The lock is therefore a
sequence of lease documents ``<job>#<generation>``: the newest one is the lock.
Taking a free or expired lock means inserting the *next* generation; of two
processes that race for it, exactly one insert succeeds. Only the holder ever
writes its own lease afterwards (heartbeat, release), so those writes need no
atomicity. A holder that crashed stops renewing, its lease expires after
``ttl`` seconds and the next process takes generation + 1. The crawl a holder
starts renews the same lease from its own heartbeat (``CITYWATCH_LEASE``), so an
expired lease means that no crawl is working on the job either.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from pymongo.errors import DuplicateKeyError

from citywatch.store import STORE_FAILURES, Store
from citywatch.store.leases import LOCKS, current_lease, lease_live, renew_lease

logger = logging.getLogger(__name__)
KEEP_GENERATIONS = 3  # older leases of a job are deleted when a new one is taken


class LockHeld(RuntimeError):
    """Another live process holds the job's lock; the message names it."""


def owner_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class JobLock:
    """Lease on ``job`` for ``ttl`` seconds, renewed every ``ttl / 3`` by a heartbeat thread.

    ``connect`` opens the store the heartbeat thread uses (a connection of its
    own: the embedded engine's SQLite connection belongs to its thread).
    ``on_lost`` is called from the heartbeat thread if the lease was taken over
    (the holder stalled longer than ``ttl``); the holder should stop its work.
    """

    def __init__(self, store: Store, job: str, ttl: float = 120.0, connect: Callable[[], Store] | None = None,
                 on_lost: Callable[[str], None] | None = None) -> None:
        self.store = store
        self.job = job
        self.ttl = timedelta(seconds=ttl)
        self.connect = connect
        self.on_lost = on_lost
        self.owner = owner_id()
        self.lease_id: str | None = None
        self.generation = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`LockHeld`; never waits."""
        locks = self.store.collection(LOCKS)
        now = datetime.now(UTC)
        lease = current_lease(self.store, self.job)
        if lease_live(lease, now):
            raise LockHeld(f"job {self.job!r} is running on {lease['owner']} "
                           f"(lease until {lease['expires_at']:%H:%M:%S})")
        generation = (lease["generation"] if lease else 0) + 1
        lease_id = f"{self.job}#{generation}"
        try:
            locks.insert_one({"_id": lease_id, "job": self.job, "generation": generation, "owner": self.owner,
                              "acquired_at": now, "renewed_at": now, "expires_at": now + self.ttl,
                              "released_at": None})
        except DuplicateKeyError:
            winner = locks.find_one({"_id": lease_id}) or {}
            raise LockHeld(f"job {self.job!r} was just taken by {winner.get('owner', 'another process')}") from None
        self.lease_id, self.generation = lease_id, generation
        if lease is not None:
            if not lease.get("released_at"):
                logger.warning("took over the expired lock of %s from %s", self.job, lease["owner"])
            locks.delete_many({"job": self.job, "generation": {"$lte": generation - KEEP_GENERATIONS}})
        self._stop.clear()
        self._thread = threading.Thread(target=self._heartbeat, name=f"lock-{self.job}", daemon=True)
        self._thread.start()

    def renew(self, store: Store | None = None) -> bool:
        """Extend the lease; False if a newer generation exists (the lease was taken over)."""
        return self.lease_id is not None and renew_lease(store or self.store, self.job, self.lease_id, self.ttl)

    def _heartbeat(self) -> None:
        store = self.connect() if self.connect else self.store
        try:
            while not self._stop.wait(self.ttl.total_seconds() / 3):
                try:
                    if not self.renew(store):
                        logger.error("lock of %s was taken over by another process", self.job)
                        if self.on_lost:
                            self.on_lost(self.job)
                        return
                except STORE_FAILURES as exc:  # keep trying: the lease lasts ttl
                    logger.warning("could not renew the lock of %s: %s", self.job, exc)
        finally:
            if self.connect:
                store.close()

    def release(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self.lease_id is None:
            return
        try:
            self.store.collection(LOCKS).update_one({"_id": self.lease_id, "owner": self.owner},
                                                    {"$set": {"released_at": datetime.now(UTC)}})
        except STORE_FAILURES as exc:  # the lease expires on its own
            logger.warning("could not release the lock of %s (it expires in %s): %s", self.job, self.ttl, exc)
        self.lease_id = None

    def crawl_setting(self) -> dict[str, Any]:
        """The ``CITYWATCH_LEASE`` setting that lets the crawl renew this lease itself."""
        return {"job": self.job, "lease_id": self.lease_id, "ttl_seconds": self.ttl.total_seconds()}

    def __enter__(self) -> JobLock:
        self.acquire()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.release()


def live_locks(store: Store) -> list[dict]:
    """Leases currently held (for ``citywatch status``)."""
    now = datetime.now(UTC)
    return list(store.collection(LOCKS).find({"released_at": None, "expires_at": {"$gt": now}}))
