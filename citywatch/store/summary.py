"""The compact per-article summary that scoring reads instead of the full text and mentions.

Scoring 200,000 articles cannot afford to read every body just to learn where the
first paragraph ends, so whoever writes or changes ``mentions`` stores
``article["city_refs"] = city_refs(article)`` beside them: one entry per (city,
effective label) with the number of mentions, the offset of the first one and
whether the city's name is in the title, plus where the first paragraph ends.
Reviewer decisions are applied here (``store.mentions``), so a review must
refresh the summary too. A forgotten refresh cannot go unnoticed: ``fp`` is a
fingerprint of the inputs, scoring compares it with the stored mentions and
recomputes (and writes back) any summary that is missing or stale.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any

from citywatch.store.mentions import effective_city, effective_label
from citywatch.store.words import contains_word

#: Fields scoring projects to check a summary without reading the body.
FINGERPRINT_FIELDS = ("content_hash", "title", "mentions.start", "mentions.end", "mentions.label",
                      "mentions.city.adcode", "mentions.review.label", "mentions.review.city.adcode")


def fingerprint(article: Mapping[str, Any]) -> str:
    """What the summary depends on: body version, title, and each mention's span, label and city."""
    parts = []
    for m in article.get("mentions") or ():
        city = effective_city(m)
        parts.append([m.get("start"), m.get("end"), effective_label(m), city.get("adcode") if city else None])
    payload = json.dumps([article.get("content_hash"), article.get("title") or "", parts], separators=(",", ":"))
    return hashlib.sha1(payload.encode()).hexdigest()[:16]


def lead_end(text: str) -> int:
    """Offset where the first non-empty paragraph ends (the first newline after it, or the end)."""
    begin = len(text) - len(text.lstrip())
    stop = text.find("\n", begin)
    return len(text) if stop < 0 else stop


def _in_title(title: str, surfaces: Sequence[str]) -> bool:
    folded = title.casefold()
    for surface in surfaces:
        s = surface.casefold().strip()
        if s and contains_word(s, folded):
            return True
    return False


def city_refs(article: Mapping[str, Any]) -> dict[str, Any]:
    """The summary to store as ``article["city_refs"]``; needs ``title``, ``text``, ``mentions``.

    ``refs``: ``{"adcode", "name", "province", "label", "n", "first", "title"}`` per
    (city, effective label), sorted; mentions without a city (OTHER_PLACE,
    NOT_PLACE, or a reviewer's "not a Chinese city") are left out.
    """
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    surfaces: dict[tuple[str, str], set[str]] = {}
    for m in article.get("mentions") or ():
        city = effective_city(m)
        if not city or not city.get("adcode"):
            continue
        key = (str(city["adcode"]), effective_label(m))
        ref = groups.setdefault(key, {"adcode": key[0], "name": city.get("name"), "province": city.get("province"),
                                      "label": key[1], "n": 0, "first": int(m["start"])})
        ref["n"] += 1
        ref["first"] = min(ref["first"], int(m["start"]))
        surfaces.setdefault(key, set()).add(str(m.get("surface") or city.get("name") or ""))
    title = article.get("title") or ""
    refs = []
    for key in sorted(groups):
        ref = groups[key]
        ref["title"] = bool(title) and _in_title(title, sorted(surfaces[key]))
        refs.append(ref)
    return {"fp": fingerprint(article), "lead": lead_end(article.get("text") or ""), "refs": refs}


def is_current(article: Mapping[str, Any]) -> bool:
    """Whether the stored summary still matches the stored mentions (see :data:`FINGERPRINT_FIELDS`)."""
    summary = article.get("city_refs")
    return isinstance(summary, Mapping) and summary.get("fp") == fingerprint(article)
