"""The near-duplicate window in a table of its own, in date order, kept by SQLite triggers (embedded engine).

Every crawl starts by loading the signatures of the last 14 days. Read from the
``signatures`` documents through their date index, that is one b-tree lookup and
one page read per signature wherever its document lies in the file: cheap while
the window's documents are in the page cache or were written in date order, but a
store whose signatures were written out of date order (a re-crawl, a migration,
a backfill, the scale benchmark's generator) has them scattered over the whole
file, and the first load after a cold start read ~77,000 pages at random (29.6 s
at 2,000,000 articles). Here the window's compact form lives in ``cw_window``, a
table whose integer key is the signature's date (``at``, seconds since 1970 x
1,000,000, plus a sequence number within the second), so a window is one
range of one b-tree whatever order the signatures were written in: ~1.2 KB rows
(id, signature as hex, cluster), three to a page, read in key order. The pages
lie together as far as they were written together: a fill writes the window in
key order, a crawl appends its batches; rows added out of date order after the
fill go to pages allocated at the time (measured in ``docs/store.md``).

* **Kept by triggers** on mongoeco's ``documents`` table, like ``cw_count``
  (:mod:`citywatch.store.counts`), whoever writes: an inserted signature adds its
  row, a deleted one removes it, an update (the crawler's cluster updates)
  replaces it. The hex stays hex: SQLite 3.40 (this Python's) has no ``unhex``,
  and a function registered in Python would be missing from other processes'
  connections; it becomes bytes as it is read.
* **Only the window.** ``cw_window_state`` holds, per database, the ``horizon``:
  the table holds every signature dated at or after it and the triggers add no
  older ones, so writing old signatures (a backfill of last year) costs nothing
  here. :func:`read` moves the horizon to the window it is asked for: it deletes
  the rows that fell out (one contiguous range) and, when the window reaches
  further back than the horizon (the first read of a store written before this
  table existed, or a longer ``DEDUP_WINDOW_DAYS``), fills the table from the
  documents through their date index, ``FILL_CHUNK`` signatures per
  transaction, the position reached saved after each (``filled``), so an
  interrupted fill resumes where it stopped. The fill is the one read at
  the old cost, once, and it is logged.

MongoDB has no such table: the window is a range on the ``at`` index there
(:func:`citywatch.store.lookups.near_duplicate_window`).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from citywatch.store import embedded

if TYPE_CHECKING:
    from citywatch.store.connection import Store

TABLE = "cw_window"
STATE = "cw_window_state"
TRIGGERS = ("cw_window_insert", "cw_window_delete", "cw_window_update")
PER_SECOND = 1_000_000  # keys per second of ``at``: the sequence number of a signature within its second
FILL_CHUNK = 5000  # signatures per transaction of a fill (each commit saves the position reached)
PRUNE_SLACK = timedelta(days=1)  # rows kept before the window asked for, so a reader a little behind still finds them

log = logging.getLogger(__name__)

_AT = embedded.RANGES["signatures"].expression()
_COLUMNS = "rid, db_name, at, sk, id, sig, cluster"


def _sql(template: str, row: str) -> str:
    return template.replace("document", f"{row}.document")


def _base(at: str) -> str:
    """The first key of ``at``'s second (NULL when ``at`` is not a date SQLite can read)."""
    return f"CAST(strftime('%s', {at}) AS INTEGER) * {PER_SECOND}"


def _next_key(at: str) -> str:
    """The next free key in ``at``'s second: a search of that second's keys."""
    base = _base(at)
    return f"coalesce((SELECT max(w.rid) + 1 FROM {TABLE} AS w WHERE w.rid >= {base} AND w.rid < {base} + {PER_SECOND}), {base})"


def _columns(row: str, at: str) -> str:
    """The columns after ``rid`` of signature document ``row`` dated ``at``; the signature stays mongoeco's hex."""
    return (f"{row}.db_name AS db_name, {at} AS at, {row}.storage_key AS sk, {row}.document ->> '$._id' AS id, "
            f"CASE WHEN {row}.document ->> '$.sig.\"$mongoeco\".type' = 'bytes' "
            f"THEN {row}.document ->> '$.sig.\"$mongoeco\".value' END AS sig, {row}.document ->> '$.cluster_id' AS cluster")


def _add(row: str) -> str:
    """Insert document ``row``'s window row when it is dated at or after its database's horizon."""
    at = _sql(_AT, row)
    return (f"INSERT INTO {TABLE} ({_COLUMNS}) SELECT {_next_key(at)}, {_columns(row, at)} "
            f"WHERE {row}.coll_name = 'signatures' AND {_base(at)} IS NOT NULL "
            f"AND {at} >= (SELECT s.horizon FROM {STATE} AS s WHERE s.db_name = {row}.db_name);")


def _remove(row: str) -> str:
    """Delete document ``row``'s window row: a search of the keys of its second."""
    at = _sql(_AT, row)
    return (f"DELETE FROM {TABLE} WHERE rid >= {_base(at)} AND rid < {_base(at)} + {PER_SECOND} "
            f"AND db_name = {row}.db_name AND sk = {row}.storage_key;")


TRIGGER_SQL = {
    TRIGGERS[0]: f"CREATE TRIGGER {TRIGGERS[0]} AFTER INSERT ON documents WHEN NEW.coll_name = 'signatures' "
                 f"BEGIN {_add('NEW')} END",
    TRIGGERS[1]: f"CREATE TRIGGER {TRIGGERS[1]} AFTER DELETE ON documents WHEN OLD.coll_name = 'signatures' "
                 f"BEGIN {_remove('OLD')} END",
    TRIGGERS[2]: (f"CREATE TRIGGER {TRIGGERS[2]} AFTER UPDATE ON documents "
                  f"WHEN OLD.coll_name = 'signatures' OR NEW.coll_name = 'signatures' "
                  f"BEGIN {_remove('OLD')} {_add('NEW')} END"),
}


def install(sql: sqlite3.Connection) -> bool:
    """Create the table, its state and its triggers. Nothing is read from the documents here: the first
    :func:`read` fills the window it needs. Every later open only reads ``sqlite_master``.

    A table rebuilt because its triggers were another version's starts empty, and so does its state.
    """
    if not sql.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (STATE,)).fetchone():
        sql.execute(f"CREATE TABLE IF NOT EXISTS {STATE} (db_name TEXT PRIMARY KEY, horizon TEXT NOT NULL, filled TEXT)")
    return embedded.install_summary(
        sql, TABLE, "rid INTEGER PRIMARY KEY, db_name TEXT NOT NULL, at TEXT NOT NULL, sk TEXT NOT NULL, id TEXT, "
        "sig TEXT, cluster TEXT", f"DELETE FROM {STATE}", TRIGGER_SQL, rebuild=True, rowid=True)


def read_sql(db_name: str, since: datetime) -> tuple[str, list[Any]]:
    """The window's read: one range of the table's integer key (the exact date filters the first second)."""
    return (f"SELECT id, sig, cluster FROM {TABLE} WHERE rid >= {_base('?1')} AND at >= ?1 AND db_name = ?2 "
            "ORDER BY rid", [embedded.iso(since), db_name])


def read(store: Store, since: datetime, batch: int = 5000) -> Iterator[tuple[str, bytes | None, str | None]]:
    """``(_id, packed signature, cluster id)`` of the signatures dated at or after ``since``, in date order.

    The table is first made to hold that window (:func:`cover`).
    """
    cover(store, since)
    query, params = read_sql(store.db.name, since)
    cursor = store.sql.execute(query, params)
    while rows := cursor.fetchmany(batch):
        for key, sig, cluster in rows:
            yield key, bytes.fromhex(sig) if sig is not None else None, cluster


def cover(store: Store, since: datetime) -> None:
    """Make the table hold the signatures dated from ``since`` on: fill what it lacks, prune what fell out
    (keeping ``PRUNE_SLACK`` more)."""
    sql, db_name, wanted = store.sql, store.db.name, embedded.iso(since)
    state = sql.execute(f"SELECT horizon, filled FROM {STATE} WHERE db_name = ?", (db_name,)).fetchone()
    if state is None or wanted < state[0]:
        with embedded.write_transaction(sql):
            sql.execute(f"INSERT OR REPLACE INTO {STATE} (db_name, horizon, filled) VALUES (?, ?, '')", (db_name, wanted))
        state = (wanted, "")
    if state[1] is not None:
        _fill(sql, db_name, *state)
    keep = embedded.iso(since - PRUNE_SLACK)
    if keep > state[0]:
        with embedded.write_transaction(sql):
            sql.execute(f"DELETE FROM {TABLE} WHERE rid < {_base('?1')} + {PER_SECOND} AND at < ?1 AND db_name = ?2",
                        (keep, db_name))
            sql.execute(f"UPDATE {STATE} SET horizon = ?1 WHERE db_name = ?2 AND horizon < ?1", (keep, db_name))


def _fill(sql: sqlite3.Connection, db_name: str, horizon: str, filled: str) -> None:
    """Copy the signatures dated from ``horizon`` on (after ``filled``, where an interrupted fill stopped) into the
    table through their date index, ``FILL_CHUNK`` per transaction, each saving the position it reached.

    Rows the triggers added meanwhile (another process writing) are replaced by the chunk's, which are numbered
    after what their second already holds.
    """
    at = _sql(_AT, "d")
    source = (f"FROM documents AS d INDEXED BY {embedded.RANGES['signatures'].index_name} "
              "WHERE d.coll_name = 'signatures' AND d.db_name = ?1")
    log.info("near-duplicate window: %s its table from the signatures dated from %s (once; %d per transaction)",
             "resuming" if filled else "filling", filled or horizon, FILL_CHUNK)
    lower, op = (filled, ">") if filled else (horizon, ">=")
    total = 0
    while True:
        last = sql.execute(f"SELECT {at} {source} AND {at} {op} ?2 ORDER BY {at} LIMIT 1 OFFSET ?3",
                           (db_name, lower, FILL_CHUNK - 1)).fetchone()
        upper = last[0] if last else None
        params = (db_name, lower, upper) if upper else (db_name, lower)
        kept, dated = (f"{column} {op} ?2" + (f" AND {column} <= ?3" if upper else "") for column in ("at", at))
        with embedded.write_transaction(sql):
            sql.execute(f"DELETE FROM {TABLE} WHERE rid >= {_base('?2')} AND db_name = ?1 AND {kept}", params)
            total += sql.execute(
                f"INSERT INTO {TABLE} ({_COLUMNS}) SELECT {_next_key('x.at')} + row_number() OVER "
                f"(PARTITION BY {_base('x.at')} ORDER BY x.at, x.sk) - 1, x.* FROM (SELECT {_columns('d', at)} "
                f"{source} AND {dated}) AS x WHERE {_base('x.at')} IS NOT NULL", params).rowcount
            sql.execute(f"UPDATE {STATE} SET filled = ? WHERE db_name = ? AND horizon = ?", (upper, db_name, horizon))
        if upper is None:
            break
        lower, op = upper, ">"
    log.info("near-duplicate window: %d signatures copied into its table", total)

