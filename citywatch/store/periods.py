"""Per-day counts of articles and city references, per outlet, status and language, kept as articles change.

One row per (day, outlet, status, language, city, effective label) holds how
many articles there are and how many mentions they make; the row with an empty
city and label counts the articles themselves. The day is the UTC date of
``published_at``, or of ``fetched_at`` for an article without one (``dated`` says
which, so a reader that does not fall back can leave the latter out). Cities and
labels come from the article's stored ``city_refs`` summary
(:mod:`citywatch.store.summary`), exactly as scoring counts them.

Embedded engine: SQLite triggers on mongoeco's ``documents`` table add each
written article's contribution and subtract the one it replaces, whoever writes
(as :mod:`citywatch.store.groups` does for the review queue), so a period's
totals are an index range over ``cw_period`` (rows per day, not per article).
MongoDB: the same rows from one aggregation over the period's articles, selected
by the ``published_fetched`` index (work proportional to the period, done by
the server).

What this can and cannot replace in scoring (:mod:`scoring.collect`): the
totals per outlet, city and label, and the articles left out by their status,
are sums, and read here. The index itself is not: it saturates mentions per
(article, city), discounts syndicated copies per cluster and bootstraps over
clusters and unclustered articles, so it needs one row per article.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from citywatch.store import embedded

if TYPE_CHECKING:
    from citywatch.store.connection import Store

TABLE = "cw_period"
TRIGGERS = ("cw_period_insert", "cw_period_delete", "cw_period_update")

_PUBLISHED = "json_extract(d.document, '$.published_at.\"$mongoeco\".value')"
_FETCHED = "json_extract(d.document, '$.fetched_at.\"$mongoeco\".value')"
_KEYS = f"""d.db_name AS db, substr(coalesce({_PUBLISHED}, {_FETCHED}), 1, 10) AS day,
       CASE WHEN {_PUBLISHED} IS NULL THEN 'fetched' ELSE 'published' END AS dated,
       coalesce(d.document ->> '$.source_id', '') AS src,
       coalesce(nullif(d.document ->> '$.status', ''), 'ok') AS status,
       coalesce(d.document ->> '$.lang', '') AS lang"""
_CONTRIBUTION = f"""
INSERT INTO {TABLE} (db_name, day, dated, source, status, lang, city, label, articles, mentions)
SELECT db, day, dated, src, status, lang, city, label, {{sign}} * sum(a), {{sign}} * sum(m) FROM (
    SELECT {_KEYS}, '' AS city, '' AS label, 1 AS a, 0 AS m FROM {{src}} AS d
    UNION ALL
    SELECT {_KEYS}, coalesce(r.value ->> '$.adcode', '') AS city, coalesce(r.value ->> '$.label', '') AS label,
           1 AS a, coalesce(r.value ->> '$.n', 1) AS m
    FROM {{src}} AS d, json_each(d.document, '$.city_refs.refs') AS r
) WHERE day IS NOT NULL GROUP BY db, day, dated, src, status, lang, city, label
ON CONFLICT (db_name, day, dated, source, status, lang, city, label)
DO UPDATE SET articles = articles + excluded.articles, mentions = mentions + excluded.mentions;
"""
_ALL_ARTICLES = "(SELECT db_name, document FROM documents WHERE coll_name = 'articles')"
#: What the rows read; an update that changes none of these (a cluster id, a review queue field) costs nothing.
READ_PATHS = ("$.city_refs.refs", "$.source_id", "$.status", "$.lang", "$.published_at", "$.fetched_at")


def _contribution(src: str, sign: int) -> str:
    return _CONTRIBUTION.format(src=src, sign=sign)


def _row(name: str) -> str:
    return f"(SELECT {name}.db_name AS db_name, {name}.document AS document)"


def _changed() -> str:
    return "(" + " OR ".join(f"json_extract(OLD.document, '{p}') IS NOT json_extract(NEW.document, '{p}')"
                             for p in READ_PATHS) + ")"


def install(sql: sqlite3.Connection) -> bool:
    """Create the table and its triggers; a store that had articles before is summarised once, here.

    Every later open only reads ``sqlite_master`` (see :func:`embedded.install_summary`).
    """
    triggers = {}
    for name, event, body in (
            (TRIGGERS[0], "INSERT", _contribution(_row("NEW"), 1)),
            (TRIGGERS[1], "DELETE", _contribution(_row("OLD"), -1)),
            (TRIGGERS[2], "UPDATE OF document", _contribution(_row("OLD"), -1) + _contribution(_row("NEW"), 1))):
        row = "OLD" if event == "DELETE" else "NEW"
        when = f"{row}.coll_name = 'articles'" + (f" AND {_changed()}" if event.startswith("UPDATE") else "")
        triggers[name] = f"CREATE TRIGGER {name} AFTER {event} ON documents WHEN {when} BEGIN {body} END"
    return embedded.install_summary(
        sql, TABLE, "db_name TEXT NOT NULL, day TEXT NOT NULL, dated TEXT NOT NULL, source TEXT NOT NULL, "
        "status TEXT NOT NULL, lang TEXT NOT NULL, city TEXT NOT NULL, label TEXT NOT NULL, "
        "articles INTEGER NOT NULL, mentions INTEGER NOT NULL, "
        "PRIMARY KEY (db_name, day, dated, source, status, lang, city, label)",
        _contribution(_ALL_ARTICLES, 1), triggers)


@dataclass(frozen=True)
class DayCount:
    """Articles of one day, outlet, status and language; with ``city``, those citing that city with ``label``."""

    day: date
    dated: str  # "published" or "fetched" (no publication date)
    source: str
    status: str
    lang: str  # "" when the article has none
    city: str  # "" for the row counting the articles themselves
    label: str
    articles: int
    mentions: int


def _embedded(store: Store, lo: str, hi: str) -> Iterator[DayCount]:
    rows = store.sql.execute(
        f"SELECT day, dated, source, status, lang, city, label, articles, mentions FROM {TABLE} "
        "WHERE db_name = ? AND day >= ? AND day < ? AND articles != 0 ORDER BY day, dated, source, status, lang, "
        "city, label", (store.db.name, lo, hi))
    for day, dated, source, status, lang, city, label, articles, mentions in rows:
        yield DayCount(date.fromisoformat(day), dated, source, status, lang, city, label, articles, mentions)


def _pipeline(start: date, end: date) -> list[dict[str, Any]]:
    from citywatch.store.embedded import RANGES
    from citywatch.store.lookups import range_query

    lo = datetime(start.year, start.month, start.day, tzinfo=UTC)
    hi = datetime(end.year, end.month, end.day, tzinfo=UTC)
    keys = {"day": {"$dateToString": {"format": "%Y-%m-%d", "date": {"$ifNull": ["$published_at", "$fetched_at"]}}},
            "dated": {"$cond": [{"$eq": [{"$ifNull": ["$published_at", None]}, None]}, "fetched", "published"]},
            "source": {"$ifNull": ["$source_id", ""]},
            "status": {"$cond": [{"$in": [{"$ifNull": ["$status", ""]}, [""]]}, "ok", "$status"]},
            "lang": {"$ifNull": ["$lang", ""]}}
    return [
        {"$match": range_query(RANGES["article_date"], lo, hi)},
        {"$project": {**keys, "refs": {"$concatArrays": [[{"adcode": "", "label": "", "n": 0}],
                                                         {"$ifNull": ["$city_refs.refs", []]}]}}},
        {"$unwind": "$refs"},
        {"$group": {"_id": {**{k: f"${k}" for k in keys}, "city": "$refs.adcode", "label": "$refs.label"},
                    "articles": {"$sum": 1}, "mentions": {"$sum": {"$ifNull": ["$refs.n", 1]}}}},
    ]


def _mongodb(store: Store, start: date, end: date) -> Iterator[DayCount]:
    found = [(g["_id"], g["articles"], g["mentions"])
             for g in store.articles.aggregate(_pipeline(start, end), allowDiskUse=True)]
    found.sort(key=lambda row: tuple(str(row[0][k]) for k in ("day", "dated", "source", "status", "lang", "city",
                                                                "label")))
    for key, articles, mentions in found:
        yield DayCount(date.fromisoformat(key["day"]), key["dated"], str(key["source"]), str(key["status"]),
                       str(key["lang"] or ""), str(key["city"] or ""), str(key["label"] or ""), int(articles),
                       int(mentions))


def day_counts(store: Store, start: date, end: date) -> list[DayCount]:
    """The rows of the days in [start, end), in key order, on either back end."""
    if store.engine is not None:
        return list(_embedded(store, start.isoformat(), end.isoformat()))
    return list(_mongodb(store, start, end))
