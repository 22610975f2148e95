"""Learned review rules: a decided review group, applied to mentions that arrive later.

A group decision (``citywatch.review.decisions``) writes one row of ``review_rules``
(``_id`` = group key: surface + machine label + context cue, so a rule covers exactly
"the same ambiguity"). The decision itself covers every mention of the group that
existed when it was taken; the rule covers later ones: the crawler's tagging stage
and re-tagging load the table once (:func:`load_rules`) and pass fresh mentions
through :func:`apply_rules`. The rules live in the store layer because the crawler,
the tagger's re-tag job and review all read them, and review sits above the other two.

A rule-applied mention carries an ordinary ``review`` stamp (``via: "rule"``) naming
the decision it came from, so it counts everywhere, survives re-tagging like any
review, and disappears when that decision is reverted.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from citywatch.store.connection import Store

RULES = "review_rules"
Rules = Mapping[str, Mapping[str, Any]]


def set_rule(store: Store, key: str, spec: Mapping[str, Any], review_id: str, by: str, at: datetime) -> None:
    store.collection(RULES).replace_one(
        {"_id": key}, {"_id": key, **spec, "review_id": review_id, "by": by, "at": at}, upsert=True)


def drop_rule(store: Store, key: str) -> None:
    store.collection(RULES).delete_one({"_id": key})


def lookup(store: Store, key: str) -> dict[str, Any] | None:
    """The decided ``{"label", "city", "keep_city", "review_id", "by", "at"}`` for a group key, or None."""
    return store.collection(RULES).find_one({"_id": key})


def load_rules(store: Store) -> dict[str, dict[str, Any]]:
    """The whole table (one row per decided group, small next to the articles), for batch tagging."""
    return {row["_id"]: row for row in store.collection(RULES).find({})}


def apply_rules(mentions: list[dict[str, Any]], rules: Rules) -> tuple[list[dict[str, Any]], int]:
    """The mentions with a ``review`` stamp wherever an undecided one matches a rule; (mentions, applied)."""
    out, applied = [], 0
    for m in mentions:
        rule = rules.get(m.get("group_key") or "")
        if rule is not None and not m.get("review"):
            m = {**m, "review": {**outcome_for(rule, m), "review_id": rule["review_id"], "by": rule["by"],
                                 "at": rule["at"], "scope": "group", "via": "rule"}}
            applied += 1
        out.append(m)
    return out, applied


def outcome_for(spec: Mapping[str, Any], mention: Mapping[str, Any]) -> dict[str, Any]:
    """The label and city a decision (or the rule it left) gives one mention."""
    city = mention.get("city") if spec["keep_city"] else spec["city"]
    return {"label": spec["label"], "city": city}
