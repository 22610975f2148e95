"""Per-day counts of articles and city references, per outlet, status and language.

One row per (day, outlet, status, language, city, effective label) holds how
many articles there are and how many mentions they make; the row with an empty
city and label counts the articles themselves. The day is the UTC date of
``published_at``, or of ``fetched_at`` for an article without one (``dated`` says
which, so a reader that does not fall back can leave the latter out). Cities and
labels come from the article's stored ``city_refs`` summary
(:mod:`citywatch.store.summary`), exactly as scoring counts them.

Embedded engine: one aggregation over the period's scoring rows (:mod:`citywatch.store.scoring_rows`, one row
per dated article with its outlet, status, language and refs, keyed by day), so a period costs what it holds,
as scoring's own pass does. MongoDB: the same rows from one aggregation over the period's articles, selected by
the ``published_fetched`` index (work proportional to the period, done by the server).

Why no table of day counts kept by triggers: the scoring rows already hold what the counts are made of, and
such a table was one more B-tree that every article write updated at a place given by its day and outlet (a
random leaf for an import spread over a year; docs/store.md, "Rows keyed by day"), for a read that costs a
quarter's rows. A store that has one (written before 2026-12-06) has it dropped at its next open
(:func:`retire`).

What this can and cannot replace in scoring (:mod:`scoring.collect`): the
totals per outlet, city and label, and the articles left out by their status,
are sums. The index itself is not: it saturates mentions per
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
from citywatch.store.location import SCORE_TABLE

if TYPE_CHECKING:
    from citywatch.store.connection import Store

RETIRED_TABLE = "cw_period"  # the trigger-kept day counts of earlier versions
RETIRED_TRIGGERS = ("cw_period_insert", "cw_period_delete", "cw_period_update")
_KEYS = ("substr(s.at, 1, 10) AS day, CASE WHEN s.published THEN 'published' ELSE 'fetched' END AS dated, "
         "coalesce(s.source, '') AS source, coalesce(nullif(s.status, ''), 'ok') AS status, "
         "coalesce(s.lang, '') AS lang")
# the refs' columns are scoring_rows.REF_COLUMNS: adcode, label, mentions, ... The range is read twice, once for the
# articles and once for their refs: one pass that adds an empty ref per article for the article's own row (as the
# MongoDB pipeline below does) gives the same rows but costs more (3.9 against 3.2 CPU-s for 2026-Q3 at 2,000,000:
# json_insert writes each row's refs anew), where the second read finds the range's pages in the cache.
_DAY_COUNTS = f"""
SELECT day, dated, source, status, lang, city, label, sum(a), sum(m) FROM (
    SELECT {_KEYS}, '' AS city, '' AS label, 1 AS a, 0 AS m FROM {SCORE_TABLE} AS s WHERE {{where}}
    UNION ALL
    SELECT {_KEYS}, coalesce(r.value ->> '$[0]', '') AS city, coalesce(r.value ->> '$[1]', '') AS label,
           1 AS a, coalesce(r.value ->> '$[2]', 1) AS m
    FROM {SCORE_TABLE} AS s, json_each(s.refs) AS r WHERE {{where}}
) GROUP BY day, dated, source, status, lang, city, label ORDER BY day, dated, source, status, lang, city, label
"""


def retire(sql: sqlite3.Connection) -> bool:
    """Drop the day counts' table and triggers of an earlier version, once; else only read ``sqlite_master``."""
    names = (RETIRED_TABLE, *RETIRED_TRIGGERS)
    found = sql.execute(f"SELECT count(*) FROM sqlite_master WHERE name IN ({', '.join('?' * len(names))})",
                        names).fetchone()[0]
    if not found:
        return False
    with embedded.write_transaction(sql):
        for trigger in RETIRED_TRIGGERS:
            sql.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        sql.execute(f"DROP TABLE IF EXISTS {RETIRED_TABLE}")
    return True


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


def _embedded(store: Store, start: date, end: date) -> Iterator[DayCount]:
    """From the scoring rows of [start, end): two reads of one primary-key range of ``cw_score``."""
    where = "s.db_name = ? AND s.day >= ? AND s.day < ?"
    params = (store.db.name, start.isoformat(), end.isoformat())
    for day, dated, source, status, lang, city, label, articles, mentions in store.sql.execute(
            _DAY_COUNTS.format(where=where), params * 2):
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
        return list(_embedded(store, start, end))
    return list(_mongodb(store, start, end))
