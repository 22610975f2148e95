"""Builders for small hand-made corpora (articles and mentions) used by the scoring tests."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

CITIES = {
    "Beijing": ("110000", "Beijing"), "Shanghai": ("310000", "Shanghai"), "Wuhan": ("420100", "Hubei"),
    "Suzhou": ("320500", "Jiangsu"), "Kunshan": ("320583", "Jiangsu"), "Hong Kong": ("810000", "Hong Kong"),
}


def mention(text: str, surface: str, label: str = "LITERAL", nth: int = 0, review: dict | None = None) -> dict:
    """A mention of ``surface`` at its ``nth`` occurrence in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    adcode, province = CITIES[surface]
    m = {"start": start, "end": start + len(surface), "surface": surface, "label": label, "confidence": 0.9,
         "flagged": False, "city": {"adcode": adcode, "geonameid": None, "name": surface, "province": province}}
    if review:
        m["review"] = review
    return m


def article(url: str, source: str, day: int, text: str, mentions: list[dict], title: str = "News",
            cluster: str | None = None, month: int = 7, hour: int = 12, **extra: Any) -> dict:
    when = datetime(2026, month, day, hour, tzinfo=UTC)
    return {"url": f"https://{source}.example/{url}", "source_id": source, "title": title, "text": text,
            "lang": "en", "published_at": when, "fetched_at": when,
            "content_hash": hashlib.sha1((text + str(mentions)).encode()).hexdigest(), "cluster_id": cluster,
            "status": "ok", "tagger_version": "test-1", "mentions": mentions, **extra}
