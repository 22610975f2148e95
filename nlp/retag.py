"""Re-tagging stored articles after a gazetteer, cue or model change.

Reviewer decisions are never lost. Each old mention that carries a ``review`` hands
it to the new mention at the same (start, end); if the text changed and no new
mention sits there, to the new mention with the same surface nearest to the old
start (each new mention takes at most one review). A review that finds no new
mention stays on a copy of its old mention marked ``"stale": true``, so its
decision still counts and a reviewer can look again. Group decisions learned
from reviews (``citywatch.store.rules``) are applied to the fresh mentions as the
crawler's tagging stage does, and the scoring summary (``city_refs``) is
rewritten with the mentions. The outlet's registry country (``countries``, by
``source_id``) and the stored ``title`` are passed to the tagger as in a crawl, so a namesake and a
homonym its headline settles are linked alike.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pymongo import UpdateOne

from citywatch.store import Store, iter_articles

PROJECTION = {"text": 1, "title": 1, "content_hash": 1, "lang": 1, "mentions": 1, "tagger_version": 1, "source_id": 1}
# tag(texts, langs, countries=..., titles=...) -> mentions per text, as nlp.tag_texts
Tagger = Callable[..., list[list[dict]]]


@dataclass
class RetagResult:
    seen: int = 0
    changed: int = 0  # mentions rewritten
    version_only: int = 0  # same mentions, version recorded
    reviews_kept: int = 0
    reviews_stale: int = 0


def carry_reviews(old: Sequence[dict], new: list[dict]) -> tuple[list[dict], int, int]:
    """``new`` with the ``review`` of matching ``old`` mentions; (mentions, carried, stale)."""
    reviewed = [m for m in old if m.get("review")]
    if not reviewed:
        return new, 0, 0
    out = [dict(m) for m in new]
    taken: set[int] = set()
    by_span = {(m["start"], m["end"]): i for i, m in enumerate(out)}
    carried = 0
    stale = []
    pending = []
    for m in reviewed:
        i = by_span.get((m["start"], m["end"]))
        if i is not None and i not in taken and out[i]["surface"] == m["surface"]:
            out[i]["review"] = m["review"]
            taken.add(i)
            carried += 1
        else:
            pending.append(m)
    for m in pending:
        same = [i for i, n in enumerate(out) if n["surface"] == m["surface"] and i not in taken]
        if same:
            i = min(same, key=lambda k: abs(out[k]["start"] - m["start"]))
            out[i]["review"] = m["review"]
            taken.add(i)
            carried += 1
        else:
            stale.append({**m, "stale": True})
    return sorted(out + stale, key=lambda m: (m["start"], m["end"])), carried, len(stale)


def retag_store(store: Store, tag: Tagger, version: str, batch_size: int = 200, force: bool = False,
                on_batch: Callable[[RetagResult], None] | None = None, countries: Mapping[str, str] | None = None
                ) -> RetagResult:
    """Re-tag every article (or only those tagged by another version unless ``force``).

    ``countries``: each outlet's registry country by ``source_id`` (weak linker evidence, as in a crawl).
    """
    from citywatch.store.rules import load_rules

    query: dict[str, Any] = {} if force else {"tagger_version": {"$ne": version}}
    rules = load_rules(store)
    result = RetagResult()
    batch: list[dict] = []
    for article in iter_articles(store, query, PROJECTION, batch_size=batch_size):
        batch.append(article)
        if len(batch) >= batch_size:
            _flush(store, batch, tag, version, rules, result, countries or {})
            batch = []
            if on_batch:
                on_batch(result)
    if batch:
        _flush(store, batch, tag, version, rules, result, countries or {})
    return result


def _flush(store: Store, batch: list[dict], tag: Tagger, version: str, rules: dict, result: RetagResult,
           countries: Mapping[str, str]) -> None:
    from citywatch.store.rules import apply_rules
    from citywatch.store.summary import city_refs

    tagged = tag([a.get("text") or "" for a in batch], [a.get("lang") for a in batch],
                 countries=[countries.get(a.get("source_id") or "") for a in batch],
                 titles=[a.get("title") for a in batch])
    ops = []
    for article, fresh in zip(batch, tagged, strict=True):
        result.seen += 1
        old = article.get("mentions") or []
        mentions, carried, stale = carry_reviews(old, fresh)
        mentions, _ = apply_rules(mentions, rules)
        result.reviews_kept += carried
        result.reviews_stale += stale
        update: dict[str, Any] = {"tagger_version": version}
        if mentions != old:
            update["mentions"] = mentions
            update["city_refs"] = city_refs({**article, "mentions": mentions})
            result.changed += 1
        else:
            result.version_only += 1
        ops.append(UpdateOne({"_id": article["_id"]}, {"$set": update}))
    if ops:
        store.articles.bulk_write(ops, ordered=False)
