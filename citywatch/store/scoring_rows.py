"""One compact row per article, what scoring reads (embedded engine), kept by SQLite as articles change.

Scoring a period needs, per article, its date, outlet, status, language,
cluster, tagger version and the ``city_refs`` summary (:mod:`citywatch.store.summary`):
a few hundred bytes of a 4-5 KB document. Reading them from the documents costs
one JSON parse per article in SQLite, one more in Python, a fingerprint check and
a random read per article in date order (45.9 s for ~250,000 articles). Here
triggers on mongoeco's ``documents`` table keep ``cw_score``, one row per dated
article, keyed by (day, document rowid): a period is one contiguous range read day
by day (within a day in order of arrival), and the refs come back as the JSON text of the
stored summary. The same key serves the embedded engine's article date ranges
(:data:`embedded.RANGES`), so the articles need no date index of their own.

Whether the summary is still current is decided here instead of by a fingerprint
per read (``stale``): an update that changes what the fingerprint reads (content
hash, title, each mention's span, label, city and review) but not the summary's
``fp`` marks the row stale; an update that writes a new ``fp`` clears it (the
writer computed the summary from the article it wrote). Scoring re-reads the
bodies of stale rows and of rows without a summary, writes corrected summaries
back, and settles a stale row whose summary proved right (:func:`settle`).
A store written before this table existed gets it once when first opened,
checking every stored fingerprint in Python then (:func:`install`).

MongoDB has no such table: scoring projects the same fields there
(:mod:`scoring.collect`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from citywatch.store import embedded
from citywatch.store.location import SCORE_TABLE
from citywatch.store.summary import fingerprint

if TYPE_CHECKING:
    from citywatch.store.connection import Store

TABLE = SCORE_TABLE
TRIGGERS = ("cw_score_insert", "cw_score_delete", "cw_score_update")
UNSETTLED = "cw_score_unsettled"  # partial index of the rows whose summary scoring must re-read
NO_FIRST = 1 << 30  # a ref without a first offset is not in the first paragraph
CHECK_FUNCTION = "cw_summary_current"  # registered on the installing connection only, for the backfill

_AT = embedded.RANGES["article_date"].expression().replace("document", "{d}")
_PUBLISHED = embedded.RANGES["published"].expression().replace("document", "{d}")
_FP = "json_extract({d}, '$.city_refs.fp')"
# What summary.fingerprint reads; whole review objects, so any change there counts (a superset is safe).
_BASIS = ("json_array(json_extract({d}, '$.content_hash'), json_extract({d}, '$.title'), "
          "(SELECT json_group_array(json_array(m.value -> '$.start', m.value -> '$.end', m.value -> '$.label', "
          "m.value -> '$.city.adcode', m.value -> '$.review')) FROM json_each({d}, '$.mentions') AS m))")
_COLUMNS = "db_name, day, at, rid, sk, published, id, source, status, lang, cluster, tagger, lead, refs, state"
# rid: the document's rowid (mongoeco's documents table has no INTEGER PRIMARY KEY; SQLite keeps such rowids
# through VACUUM, tests/store/test_scoring_rows.py checks it). The key is the day, then the rowid: a new article's row
# goes in at the end of its day, one of a year's 365 places whose leaves stay in the page cache, instead of at a
# random place given by its time of day (and the unique key is the rowid, not the storage key, for the same reason;
# docs/store.md, "Write rate at 2,000,000" and "Rows keyed by day"). ``at`` stays for ranges that do not start or
# end at midnight. {day}, {key} and {unique}: the day column, the key's second part and the unique key; ``_EARLIER``
# are the layouts before, whose rows are copied (the same columns but the day).
_LAYOUT = ("db_name TEXT NOT NULL, {day}at TEXT NOT NULL, rid INTEGER NOT NULL, sk TEXT NOT NULL, "
           "published INTEGER NOT NULL, id TEXT, source TEXT, status, lang, cluster, tagger, lead, refs TEXT, "
           "state INTEGER NOT NULL, PRIMARY KEY (db_name, {key}, rid, sk), UNIQUE ({unique})")
_EARLIER = (_LAYOUT.format(day="", key="at", unique="rid"),  # keyed by time (2026-12-04 to 2026-12-06)
            _LAYOUT.format(day="", key="at", unique="db_name, sk"))  # and a second time by storage key (before)
# state: 0 current, 1 stale (mentions changed, summary not), 2 no summary
_ROW = ("SELECT {row}.db_name, substr({at}, 1, 10), {at}, {row}.rowid, {row}.storage_key, {published} IS NOT NULL, "
        "{row}.document ->> '$._id', {row}.document ->> '$.source_id', {row}.document ->> '$.status', "
        "{row}.document ->> '$.lang', {row}.document ->> '$.cluster_id', {row}.document ->> '$.tagger_version', "
        "{row}.document ->> '$.city_refs.lead', (SELECT json_group_array(json_array(r.value ->> '$.adcode', "
        "r.value ->> '$.label', r.value ->> '$.n', coalesce(r.value ->> '$.first', {no_first}), r.value ->> '$.title', "
        "r.value ->> '$.name', r.value ->> '$.province')) FROM json_each({row}.document, '$.city_refs.refs') AS r), "
        "CASE WHEN coalesce(json_type({row}.document, '$.city_refs'), 'null') = 'null' THEN 2 "
        "WHEN json_type({row}.document, '$.city_refs') != 'object' THEN 1 ELSE {stale} END")


def _sql(template: str, row: str) -> str:
    return template.replace("{d}", f"{row}.document")


def _row(row: str, stale: str) -> str:
    return _ROW.format(row=row, at=_sql(_AT, row), published=_sql(_PUBLISHED, row), stale=stale, no_first=NO_FIRST)


def _stale_after_update() -> str:
    """Stale when what the fingerprint reads changed and the summary's ``fp`` did not; else as it was."""
    return (f"CASE WHEN {_sql(_FP, 'NEW')} IS NOT {_sql(_FP, 'OLD')} THEN 0 "
            f"WHEN {_sql(_BASIS, 'NEW')} IS NOT {_sql(_BASIS, 'OLD')} THEN 1 "
            f"ELSE coalesce((SELECT s.state FROM {TABLE} AS s WHERE s.rid = NEW.rowid AND s.state = 1), 0) END")


def _current_in_python(payload: str | None) -> int:
    """The backfill's check of one stored summary, exactly as scoring used to: 0 current, 1 stale."""
    if payload is None:
        return 1
    content_hash, title, mentions, fp = json.loads(payload)
    article = {"content_hash": content_hash, "title": title, "mentions": mentions}
    return 0 if fp == fingerprint(article) else 1


def install(sql: sqlite3.Connection) -> bool:
    """Create the table and its triggers; a store that had articles before gets its rows once, here.

    The backfill checks each stored summary's fingerprint in Python (a function
    registered on this connection only; the triggers use plain SQL, so any
    process can write). Rows written by triggers of another version are rebuilt
    the same way. Every later open only reads ``sqlite_master``.
    """
    sql.create_function(CHECK_FUNCTION, 1, _current_in_python, deterministic=True)
    upsert = f"INSERT OR REPLACE INTO {TABLE} ({_COLUMNS}) "
    dated_new = f"{_sql(_AT, 'NEW')} IS NOT NULL"
    triggers = {
        TRIGGERS[0]: (f"CREATE TRIGGER {TRIGGERS[0]} AFTER INSERT ON documents WHEN NEW.coll_name = 'articles' "
                      f"AND {dated_new} BEGIN {upsert}{_row('NEW', '0')}; END"),
        TRIGGERS[1]: (f"CREATE TRIGGER {TRIGGERS[1]} AFTER DELETE ON documents WHEN OLD.coll_name = 'articles' BEGIN "
                      f"DELETE FROM {TABLE} WHERE rid = OLD.rowid; END"),
        TRIGGERS[2]: (f"CREATE TRIGGER {TRIGGERS[2]} AFTER UPDATE OF document ON documents "
                      "WHEN NEW.coll_name = 'articles' BEGIN "
                      f"DELETE FROM {TABLE} WHERE rid = NEW.rowid AND NOT ({dated_new}); "
                      f"{upsert}{_row('NEW', _stale_after_update())} WHERE {dated_new}; END"),
    }
    check = (f"{CHECK_FUNCTION}(json_extract(d.document, '$.content_hash', '$.title', '$.mentions', "
             "'$.city_refs.fp'))")
    backfill = (f"INSERT INTO {TABLE} ({_COLUMNS}) {_row('d', check)} FROM documents AS d "
                f"WHERE d.coll_name = 'articles' AND {_sql(_AT, 'd')} IS NOT NULL")
    indexes = {UNSETTLED: f"CREATE INDEX {UNSETTLED} ON {TABLE} (db_name, day, rid, sk) WHERE state != 0"}
    earlier = _COLUMNS.replace("day", "substr(at, 1, 10)", 1)
    return embedded.install_summary(sql, TABLE, _LAYOUT.format(day="day TEXT NOT NULL, ", key="day", unique="rid"),
                                    backfill, {**triggers, **indexes}, rebuild=True,
                                    previous=[(layout, earlier) for layout in _EARLIER])


#: The columns of a row as :func:`read` returns it (a plain tuple: a period can hold millions):
#: storage key (only when ``state`` is not 0), ``_id``, ISO date (publication, else fetch), outlet, status, language,
#: cluster id, tagger version, where the first paragraph ends, the refs (:data:`REF_COLUMNS`) as JSON text (None
#: when there are none or ``state`` is not 0),
#: state (0 current, 1 stale, 2 no summary).
COLUMNS = ("sk", "id", "day", "source", "status", "lang", "cluster", "tagger", "lead", "refs", "state")
#: The columns of a ref (the ``refs`` column holds a JSON array of them, in the summary's order):
#: adcode, label, mentions, offset of the first, in the title (1/0), city name, province.
REF_COLUMNS = ("adcode", "label", "n", "first", "title", "name", "province")


def _range(store: Store, lo: datetime, hi: datetime, fallback: bool) -> tuple[str, tuple[Any, ...]]:
    dated, bounds = embedded.day_range(lo, hi)
    where = " AND ".join(["db_name = ?", *dated, *([] if fallback else ["published"])])
    return where, (store.db.name, *bounds)


def read(store: Store, lo: datetime, hi: datetime, fallback: bool, batch: int = 5000) -> Iterator[list[tuple[Any, ...]]]:
    """The rows (:data:`COLUMNS`) of articles dated in [lo, hi), in key order (by day, then in order of arrival), a
    batch at a time: one primary-key range. ``fallback`` False leaves out articles without a publication date."""
    where, params = _range(store, lo, hi, fallback)
    cursor = store.sql.execute(
        "SELECT CASE WHEN state THEN sk END, id, day, source, status, lang, cluster, tagger, lead, "
        f"CASE WHEN state = 0 AND refs != '[]' THEN refs END, state FROM {TABLE} WHERE {where} ORDER BY day, rid, sk",
        params)
    while rows := cursor.fetchmany(batch):
        yield rows


def unsettled(store: Store, lo: datetime, hi: datetime, fallback: bool) -> list[str]:
    """Storage keys of the rows in [lo, hi) whose summary is stale or missing, through a partial index."""
    where, params = _range(store, lo, hi, fallback)
    return [row[0] for row in store.sql.execute(
        f"SELECT sk FROM {TABLE} INDEXED BY {UNSETTLED} WHERE {where} AND state != 0 ORDER BY day, rid, sk", params)]


def bodies(store: Store, keys: Sequence[str], fields: Sequence[str]) -> dict[str, tuple[dict[str, Any], str]]:
    """The documents of storage ``keys`` (top-level ``fields``), each with the basis its row's ``stale`` compares."""
    names = ["_id", *(f for f in dict.fromkeys(fields) if f != "_id")]
    paths = ", ".join(f"'$.{f}'" for f in names)
    found: dict[str, tuple[dict[str, Any], str]] = {}
    for start in range(0, len(keys), embedded.IN_CHUNK):
        chunk = list(keys[start : start + embedded.IN_CHUNK])
        rows = store.sql.execute(
            f"SELECT d.storage_key, json_extract(d.document, {paths}), {_sql(_BASIS, 'd')} FROM documents AS d "
            f"WHERE d.db_name = ? AND d.coll_name = 'articles' AND d.storage_key IN ({', '.join('?' * len(chunk))})",
            [store.db.name, *chunk])
        for key, payload, basis in rows:
            found[key] = (dict(zip(names, embedded.decode(store.engine, payload), strict=True)), basis)
    return found


def settle(store: Store, checked: Iterable[tuple[str, str]]) -> int:
    """Mark current the stale rows whose summary proved right, unless the article changed since it was read.

    ``checked``: (storage key, basis as :func:`bodies` returned it). Returns how many rows were settled.
    """
    settled = 0
    for key, basis in checked:
        settled += store.sql.execute(
            f"UPDATE {TABLE} SET state = 0 WHERE state = 1 AND rid = (SELECT d.rowid FROM documents AS d WHERE "
            f"d.db_name = ?1 AND d.coll_name = 'articles' AND d.storage_key = ?2 AND {_sql(_BASIS, 'd')} IS ?3)",
            (store.db.name, key, basis)).rowcount
    return settled
