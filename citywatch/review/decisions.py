"""Reviewer decisions: applied to mentions, recorded in ``reviews``, revertible, disputable.

A decision is stored once in ``reviews`` with who, when, the group key, its scope
(the whole group or one mention) and, per touched mention, the state before and
after. The same decision is written onto each touched mention as ``review`` so every
count (``store.mentions.effective_label``) and a re-tag (nlp/retag.py carries
``review`` over) see it without joining collections.

Statuses: ``active`` (applied), ``superseded`` (a later decision on the same
mentions took over; reactivated if that one is reverted), ``reverted`` (undone;
history kept), ``disputed`` (a second reviewer disagreed with an active decision:
recorded, not applied, waiting for an admin), ``overruled`` / ``upheld`` (how an
admin settled a dispute).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pymongo import DESCENDING

from citywatch.review import writes
from citywatch.review.queue import Member, is_open_to_group, members
from citywatch.review.vocabulary import ReviewError, adcode_of, city_ref
from citywatch.store import Store, iter_articles, rules
from citywatch.store.rules import outcome_for
from nlp.labels import CITYLESS, LABELS

KEEP = "keep"  # city spec: every mention keeps the machine's city


@dataclass(frozen=True)
class Outcome:
    review_id: str
    status: str
    touched: int
    conflicts: tuple[str, ...] = ()


def make_spec(label: str, city: str | None = KEEP) -> dict[str, Any]:
    """The decision proper: a label and a city (an adcode, None for no city, or KEEP)."""
    if label not in LABELS:
        raise ReviewError(f"unknown label {label!r}; one of {', '.join(LABELS)}")
    if label in CITYLESS:
        return {"label": label, "city": None, "keep_city": False}
    if city == KEEP:
        return {"label": label, "city": None, "keep_city": True}
    if not city:
        raise ReviewError(f"label {label} needs a city (an adcode), or keep the machine's")
    return {"label": label, "city": city_ref(city), "keep_city": False}


def same_spec(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return (a["label"], adcode_of(a["city"]), a["keep_city"]) == (b["label"], adcode_of(b["city"]), b["keep_city"])


def _now() -> datetime:
    return datetime.now(UTC)


def _snapshot(mention: Mapping[str, Any]) -> dict[str, Any]:
    return {k: mention.get(k) for k in ("label", "city", "confidence", "flagged", "review")}


def _review_stamp(spec: Mapping[str, Any], mention: Mapping[str, Any], review_id: str, by: str, at: datetime,
                  scope: str) -> dict[str, Any]:
    return {**outcome_for(spec, mention), "review_id": review_id, "by": by, "at": at, "scope": scope}


def _conflicts(store: Store, key: str, spec: Mapping[str, Any], by: str, scope: str,
               target: tuple[str, int, int] | None) -> tuple[list[dict], list[dict]]:
    """Active decisions by other people on the same mentions: (disagreeing, agreeing)."""
    disagree: list[dict] = []
    agree: list[dict] = []
    for review in store.reviews.find({"group_key": key, "status": "active"}):
        if review["by"] == by:
            continue
        if scope == "mention" and review["scope"] == "mention" and review.get("target") != list(target or ()):
            continue
        (agree if same_spec(review["decision"], spec) else disagree).append(review)
    return disagree, agree


def decide(store: Store, key: str, label: str, city: str | None = KEEP, *, by: str, role: str = "reviewer",
           target: tuple[str, int, int] | None = None, note: str | None = None,
           now: datetime | None = None) -> Outcome:
    """Decide a whole group (``target`` None) or one mention of it (``target`` = article id, start, end).

    A reviewer who disagrees with another reviewer's active decision on the same
    mentions does not overwrite it: the decision is recorded as ``disputed`` for an
    admin. Admins' decisions always apply.
    """
    spec = make_spec(label, city)
    scope = "group" if target is None else "mention"
    at = now or _now()
    review_id = uuid.uuid4().hex
    doc: dict[str, Any] = {
        "_id": review_id, "group_key": key, "scope": scope, "target": list(target) if target else None,
        "decision": spec, "by": by, "role": role, "at": at, "note": note,
        "history": [{"action": "decided", "by": by, "at": at}],
    }
    disagree, agree = _conflicts(store, key, spec, by, scope, target) if role != "admin" else ([], [])
    if disagree:
        doc.update(status="disputed", conflicts_with=[r["_id"] for r in disagree], targets=[], count=0)
        store.reviews.insert_one(doc)
        return Outcome(review_id, "disputed", 0, tuple(doc["conflicts_with"]))

    targets, changed = _plan(store, key, spec, review_id, by, at, scope, target)
    if scope == "mention" and not targets:
        raise ReviewError(f"no mention of group {key!r} at {target}")
    if not targets and store.articles.find_one({"mentions.group_key": key}, {"_id": 1}) is None:
        raise ReviewError(f"no mention has group key {key!r} (see `citywatch review list`)")
    replaced = sorted({t["before"]["review"]["review_id"] for t in targets if t["before"].get("review")})
    doc.update(status="active", targets=targets, count=len(targets), supersedes=replaced, surface=_surface(targets),
               agrees_with=[r["_id"] for r in agree])
    store.reviews.insert_one(doc)
    writes.save_mentions(store, changed.items())
    _retire(store, replaced, key, scope, target, review_id, by, at)
    if scope == "group":
        rules.set_rule(store, key, spec, review_id, by, at)
    return Outcome(review_id, "active", len(targets))


def _surface(targets: list[dict]) -> str | None:
    return targets[0]["surface"] if targets else None


def _plan(store: Store, key: str, spec: Mapping[str, Any], review_id: str, by: str, at: datetime, scope: str,
          target: tuple[str, int, int] | None) -> tuple[list[dict], dict[str, list[dict]]]:
    """Which mentions change and how: the review's target records and each article's new mentions."""
    targets: list[dict] = []
    changed: dict[str, list[dict]] = {}
    if target is None:
        found = members(store, key, {"mentions": 1})
    else:
        article = store.articles.find_one({"_id": target[0]}, {"mentions": 1}) or {"_id": target[0], "mentions": []}
        found = (Member(article, i) for i, m in enumerate(article.get("mentions") or ())
                 if (m.get("start"), m.get("end"), m.get("group_key")) == (target[1], target[2], key))
    for member in found:
        m = member.mention
        if target is None and not is_open_to_group(m):
            continue  # a mention decided on its own keeps that decision
        mentions = changed.setdefault(member.article["_id"], member.article["mentions"])
        stamp = _review_stamp(spec, m, review_id, by, at, scope)
        targets.append({"article": member.article["_id"], "start": m["start"], "end": m["end"],
                        "surface": m.get("surface"), "before": _snapshot(m),
                        "after": {"label": stamp["label"], "city": stamp["city"]}})
        mentions[member.index] = {**m, "review": stamp}
    return targets, changed


def _retire(store: Store, replaced: Iterable[str], key: str, scope: str, target: tuple[str, int, int] | None,
            by_review: str, by: str, at: datetime) -> None:
    """Mark earlier decisions this one took over completely as superseded."""
    for old in store.reviews.find({"group_key": key, "status": "active", "_id": {"$ne": by_review}}):
        whole = old["scope"] == scope and (scope == "group" or old.get("target") == list(target or ()))
        if whole or (old["_id"] in replaced and old["scope"] == "mention"):
            store.reviews.update_one({"_id": old["_id"]}, {
                "$set": {"status": "superseded", "superseded_by": by_review},
                "$push": {"history": {"action": "superseded", "by": by, "at": at, "review": by_review}}})


def revert(store: Store, review_id: str, *, by: str, note: str | None = None, now: datetime | None = None) -> int:
    """Undo a decision: its mentions get back what they had before; returns mentions restored."""
    review = store.reviews.find_one({"_id": review_id})
    if review is None:
        raise ReviewError(f"no review {review_id!r}")
    if review["status"] not in ("active", "disputed"):
        raise ReviewError(f"review {review_id} is {review['status']}; only an active or disputed one can be reverted")
    at = now or _now()
    restored = 0
    reactivate: set[str] = set()
    if review["status"] == "active":
        before = {(t["article"], t["start"], t["end"]): t["before"].get("review") for t in review["targets"]}
        changed = []
        for article in iter_articles(store, {"mentions.review.review_id": review_id}, {"mentions": 1}, 200):
            mentions = []
            for m in article["mentions"]:
                if (m.get("review") or {}).get("review_id") == review_id:
                    old = before.get((article["_id"], m["start"], m["end"]))
                    m = {k: v for k, v in m.items() if k != "review"}
                    if old:
                        m["review"] = old
                        reactivate.add(old["review_id"])
                    restored += 1
                mentions.append(m)
            changed.append((article["_id"], mentions))
        writes.save_mentions(store, changed)
    store.reviews.update_one({"_id": review_id}, {"$set": {"status": "reverted"}, "$push": {
        "history": {"action": "reverted", "by": by, "at": at, "note": note}}})
    for old_id in reactivate:
        store.reviews.update_one({"_id": old_id, "status": "superseded"}, {"$set": {"status": "active"}, "$push": {
            "history": {"action": "reactivated", "by": by, "at": at, "review": review_id}}})
    if review["scope"] == "group" and review["status"] == "active":
        _restore_rule(store, review["group_key"], review_id)
    return restored


def _restore_rule(store: Store, key: str, reverted: str) -> None:
    rule = rules.lookup(store, key)
    if rule and rule["review_id"] != reverted:
        return
    latest = store.reviews.find_one({"group_key": key, "scope": "group", "status": "active"},
                                    sort=[("at", DESCENDING)])
    if latest:
        rules.set_rule(store, key, latest["decision"], latest["_id"], latest["by"], latest["at"])
    else:
        rules.drop_rule(store, key)


def undo_last(store: Store, by: str) -> dict[str, Any] | None:
    """Revert this person's most recent decision still in force; the review, or None."""
    last = store.reviews.find_one({"by": by, "status": {"$in": ["active", "disputed"]}}, sort=[("at", DESCENDING)])
    if last is None:
        return None
    revert(store, last["_id"], by=by, note="undo")
    return last


def disputes(store: Store) -> list[dict[str, Any]]:
    """Open disagreements for the admin queue: each disputed decision with the ones it contradicts."""
    out = []
    for review in store.reviews.find({"status": "disputed"}).sort("at", 1):
        against = list(store.reviews.find({"_id": {"$in": review["conflicts_with"][:100]}}))
        out.append({"review": review, "against": against})
    return out


def resolve(store: Store, disputed_id: str, uphold: str, *, by: str) -> Outcome | None:
    """An admin settles a dispute: ``uphold`` is the disputed review's id (apply it) or a contradicted one."""
    disputed = store.reviews.find_one({"_id": disputed_id, "status": "disputed"})
    if disputed is None:
        raise ReviewError(f"no open dispute {disputed_id!r}")
    at = _now()
    if uphold == disputed_id:
        spec = disputed["decision"]
        city = KEEP if spec["keep_city"] else adcode_of(spec["city"])
        target = tuple(disputed["target"]) if disputed.get("target") else None
        result = decide(store, disputed["group_key"], spec["label"], city, by=by, role="admin", target=target,
                        note=f"upholds {disputed_id} by {disputed['by']}")
        status = "upheld"
    elif uphold in disputed["conflicts_with"]:
        result, status = None, "overruled"
    else:
        raise ReviewError(f"{uphold!r} is not part of dispute {disputed_id}")
    store.reviews.update_one({"_id": disputed_id}, {"$set": {"status": status}, "$push": {
        "history": {"action": status, "by": by, "at": at, "review": result.review_id if result else uphold}}})
    return result


def history(store: Store, by: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    query = {"by": by} if by else {}
    return list(store.reviews.find(query, {"targets": 0}).sort("at", -1).limit(limit))


def count_by(store: Store, by: str) -> int:
    return store.reviews.count_documents({"by": by, "status": "active"})

