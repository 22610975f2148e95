"""Documents per collection, kept by SQLite triggers so that counting reads one row (embedded engine).

SQLite's ``count(*)`` reads a whole b-tree: mongoeco's primary-key index of the
``documents`` table, all of it for the big collections. With the file in the page
cache that is 0.2 s at 500,000 articles; cold it is several seconds (6.5 s measured),
and it grows with the store. Here three triggers on ``documents`` keep one row per
(database, collection) with its number of documents, whoever writes (mongoeco in any
process, the crawler, a re-tag, a migration that drops a collection): an insert adds
one, a delete subtracts one, a move between collections (mongoeco's rename) does
both; an upsert that finds its document is an ``UPDATE`` of the ``document`` column
and changes nothing here. ``db status`` then reads five rows
(:func:`citywatch.store.location.read_counts`).

A store written before this table existed gets it once when first opened for
writing, counted then (one pass over the primary key under the write lock);
until then ``db status``, which opens read-only, counts with ``count(*)``.
"""

from __future__ import annotations

import sqlite3

from citywatch.store import embedded
from citywatch.store.location import COUNTS_TABLE as TABLE

_ADD = (f"INSERT INTO {TABLE} (db_name, coll_name, n) VALUES (NEW.db_name, NEW.coll_name, 1) "
        "ON CONFLICT (db_name, coll_name) DO UPDATE SET n = n + 1;")
_SUBTRACT = f"UPDATE {TABLE} SET n = n - 1 WHERE db_name = OLD.db_name AND coll_name = OLD.coll_name;"
TRIGGERS = {  # named in embedded.COUNT_TRIGGERS too: mongoeco's connect relies on them (embedded.Connection)
    "cw_count_insert": f"CREATE TRIGGER cw_count_insert AFTER INSERT ON documents BEGIN {_ADD} END",
    "cw_count_delete": f"CREATE TRIGGER cw_count_delete AFTER DELETE ON documents BEGIN {_SUBTRACT} END",
    "cw_count_move": ("CREATE TRIGGER cw_count_move AFTER UPDATE OF db_name, coll_name ON documents "
                      "WHEN OLD.db_name IS NOT NEW.db_name OR OLD.coll_name IS NOT NEW.coll_name "
                      f"BEGIN {_SUBTRACT} {_ADD} END"),
}


def install(sql: sqlite3.Connection) -> bool:
    """Create the table (counted once from the documents already stored) and its triggers.

    Every later open only reads ``sqlite_master`` (see :func:`embedded.install_summary`); triggers of another
    version mean the counts are rebuilt, so they never drift from what the triggers count.
    """
    return embedded.install_summary(
        sql, TABLE, "db_name TEXT NOT NULL, coll_name TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (db_name, coll_name)",
        f"INSERT INTO {TABLE} (db_name, coll_name, n) SELECT db_name, coll_name, count(*) FROM documents "
        "GROUP BY db_name, coll_name", TRIGGERS, rebuild=True)
