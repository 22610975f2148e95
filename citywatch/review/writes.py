"""Writing changed mentions back, together with the scoring summary derived from them.

Scoring reads ``article["city_refs"]`` (:func:`citywatch.store.summary.city_refs`, built from
effective labels) instead of every body, so a decision that changes a mention's
effective label or city refreshes it in the same update. (Scoring would notice a
stale summary by its fingerprint and repair it, but only on its next run and by
reading bodies.) Callers scan with a ``{"mentions": 1}`` projection and hand over
only what changed; the title and body the summary needs are read here, per batch,
for those articles alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pymongo import UpdateOne

from citywatch.store import Store
from citywatch.store.articles import chunks, lookup_ids

SUMMARY_INPUTS = {"title": 1, "text": 1, "content_hash": 1}
BATCH = 200


def save_mentions(store: Store, changed: Iterable[tuple[str, list[dict[str, Any]]]]) -> int:
    """Store each (article id, new mentions) with a fresh ``city_refs``; returns articles written."""
    from citywatch.store.summary import city_refs

    written = 0
    for batch in chunks(changed, BATCH):
        found = lookup_ids(store, store.articles, [aid for aid, _ in batch], SUMMARY_INPUTS)
        ops = [UpdateOne({"_id": aid}, {"$set": {"mentions": mentions,
                                                 "city_refs": city_refs({**found[aid], "mentions": mentions})}})
               for aid, mentions in batch if aid in found]
        if ops:
            store.articles.bulk_write(ops, ordered=False)
            written += len(ops)
    return written
