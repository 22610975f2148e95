"""Builders for small hand-made corpora (articles and mentions) used by the scoring tests."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

CITIES = {
    "Beijing": ("110000", "Beijing"), "Shanghai": ("310000", "Shanghai"), "Wuhan": ("420100", "Hubei"),
    "Suzhou": ("320500", "Jiangsu"), "Kunshan": ("320583", "Jiangsu"), "Hong Kong": ("810000", "Hong Kong"),
    "Tianjin": ("120000", "Tianjin"), "Dalian": ("210200", "Liaoning"), "Harbin": ("230100", "Heilongjiang"),
    "Nanjing": ("320100", "Jiangsu"), "Hangzhou": ("330100", "Zhejiang"), "Xiamen": ("350200", "Fujian"),
    "Qingdao": ("370200", "Shandong"), "Zhengzhou": ("410100", "Henan"), "Changsha": ("430100", "Hunan"),
    "Guangzhou": ("440100", "Guangdong"),
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


def hand_corpus() -> list[dict]:
    """Two outlets' July articles (and one June one) small enough to score by hand; see test_scoring_counts."""
    a1 = "Factories in Wuhan reopened.\nLater, Wuhan officials said more."
    a2 = "Beijing warned Washington.\nCargo through Shanghai rose."
    a4 = "Markets were mixed.\nThe index in Shanghai closed higher."
    b1 = "Trade fell.\nExporters in Wuhan and Kunshan waited."
    b2 = "Protests.\nCrowds in Hong Kong gathered."
    return [
        # a1: Wuhan twice, first in the first paragraph: (1 + ln 2) x 2
        article("a1", "a", 3, a1, [mention(a1, "Wuhan"), mention(a1, "Wuhan", nth=1)]),
        # a2: Beijing as government (gov_refs), Shanghai literal in the 2nd paragraph: 1
        article("a2", "a", 4, a2, [mention(a2, "Beijing", "METONYMIC"), mention(a2, "Shanghai")]),
        article("a3", "a", 5, "Nothing about China.", []),
        # a4: Shanghai in the 2nd paragraph but also in the title: prominent, 2
        article("a4", "a", 6, a4, [mention(a4, "Shanghai")], title="Shanghai stocks rally"),
        # b1: Wuhan 1; Kunshan is a county-level city counted for Suzhou: 1
        article("b1", "b", 7, b1, [mention(b1, "Wuhan"), mention(b1, "Kunshan")]),
        # b2: Hong Kong is a SAR, not ranked by default
        article("b2", "b", 8, b2, [mention(b2, "Hong Kong")]),
        # outside July: ignored (it is in the previous period)
        article("old", "a", 20, a1, [mention(a1, "Wuhan")], month=6),
    ]
