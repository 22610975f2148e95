"""What a stored mention means once people have looked at it.

A mention keeps the machine's ``label`` and ``city`` as tagged; a reviewer's
decision lives beside them in ``review`` (``{"label", "city", "review_id", "by",
"at"}``) and wins everywhere counts are computed. Keeping both lets a re-tag
replace the machine's guess without touching the human one, and lets a
reverted decision fall back to the machine.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def effective_label(mention: Mapping[str, Any]) -> str:
    review = mention.get("review")
    return review["label"] if review else mention["label"]


def effective_city(mention: Mapping[str, Any]) -> Mapping[str, Any] | None:
    review = mention.get("review")
    return review.get("city") if review else mention.get("city")
