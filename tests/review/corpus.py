"""Small hand-made tagged articles for the review tests (the tagger's output shape, written directly)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from citywatch.review.vocabulary import city_ref


def mention(text: str, surface: str, label: str, city: str | None, *, confidence: float = 0.4,
            flagged: bool = True, candidates: list[str] | None = None, cue: str = "said",
            occurrence: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return {"start": start, "end": start + len(surface), "surface": surface, "label": label,
            "city": city_ref(city) if city else None, "confidence": confidence, "flagged": flagged,
            "candidates": candidates if candidates is not None else ([city] if city else []),
            "group_key": f"{surface.lower()}|{label}|{cue}"}


def article(url: str, text: str, mentions: list[dict], *, title: str = "A story", source_id: str = "guardian",
            lang: str = "en", published: datetime | None = None) -> dict[str, Any]:
    return {"url": url, "title": title, "text": text, "source_id": source_id, "lang": lang,
            "published_at": published or datetime(2026, 3, 1, tzinfo=UTC), "fetched_at": datetime.now(UTC),
            "content_hash": hashlib.sha1(text.encode()).hexdigest(), "status": "ok", "mentions": mentions,
            "tagger_version": "test"}


def beijing_said(i: int, **kw: Any) -> dict[str, Any]:
    text = f"Beijing said on Monday it would answer story {i}. Officials in Shanghai disagreed."
    return article(f"https://news.example/{i}", text, [
        mention(text, "Beijing", "METONYMIC", "110000", confidence=0.45),
        mention(text, "Shanghai", "LITERAL", "310000", confidence=0.95, flagged=False, cue="in"),
    ], **kw)


def suzhou_in(i: int, **kw: Any) -> dict[str, Any]:
    text = f"A factory in Suzhou closed, report {i} says."
    return article(f"https://news.example/suzhou/{i}", text, [
        mention(text, "Suzhou", "LITERAL", "320500", confidence=0.5, candidates=["320500", "341300"], cue="in"),
    ], **kw)


def corpus() -> list[dict[str, Any]]:
    """5 x "Beijing said" (METONYMIC, flagged), 2 x "Suzhou in" (homonym, flagged), 1 other outlet."""
    docs = [beijing_said(i) for i in range(5)] + [suzhou_in(i) for i in range(2)]
    docs.append(suzhou_in(9, source_id="lemonde", lang="fr", published=datetime(2025, 1, 5, tzinfo=UTC)))
    return docs
