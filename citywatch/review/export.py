"""Decisions as JSON Lines, for archiving and for anyone retraining the tagger on them."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from citywatch.store import Store


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else str(value)


def export_reviews(store: Store, out: Path) -> int:
    """Write every review, oldest first; returns how many."""
    n = 0
    with out.open("w", encoding="utf-8") as sink:
        for review in store.reviews.find({}).sort("at", 1).batch_size(200):
            sink.write(json.dumps(review, ensure_ascii=False, default=_plain) + "\n")
            n += 1
    return n
