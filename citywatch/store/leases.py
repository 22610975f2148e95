"""Job leases (collection ``locks``): the primitives the scheduler's job lock and the crawl it runs share.

The scheduler takes a lease before it starts a crawl (``citywatch.scheduler.lock``);
the crawl renews that same lease from its heartbeat, so a lease stays live exactly
as long as a crawl is working on it, whichever process holds it. See the lock's
module for why leases are generations of documents.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TypeGuard

from pymongo import DESCENDING

from citywatch.store.connection import Store

LOCKS = "locks"


def current_lease(store: Store, job: str) -> dict | None:
    """The newest lease of ``job`` (held, released or expired), or None."""
    return store.collection(LOCKS).find_one({"job": job}, sort=[("generation", DESCENDING)])


def lease_live(lease: dict | None, now: datetime | None = None) -> TypeGuard[dict]:
    if lease is None or lease.get("released_at") is not None:
        return False
    return lease["expires_at"] > (now or datetime.now(UTC))


def renew_lease(store: Store, job: str, lease_id: str, ttl: timedelta) -> bool:
    """Extend the lease by ``ttl`` from now; False if a newer generation exists (the lease was taken over)."""
    newest = current_lease(store, job)
    if newest is None or newest["_id"] != lease_id:
        return False
    now = datetime.now(UTC)
    store.collection(LOCKS).update_one({"_id": lease_id}, {"$set": {"renewed_at": now, "expires_at": now + ttl}})
    return True
