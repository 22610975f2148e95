"""Where the store is, and what it holds, without loading a database driver.

:class:`StoreConfig` and the counts of the embedded store need neither pymongo
nor mongoeco (about 0.8 s of imports) nor a mongoeco connection (which takes
SQLite's write lock at every open, so it waits for any crawl's write). A
command that only has to say which store is in use and how big it is
(``citywatch db status``) reads the embedded file with plain SQLite: a few rows of
trigger-kept counts, not a count over the store.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Mapping
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from citywatch.config import PROJECT_ROOT

DEFAULT_TIMEOUT_S = 5.0
#: SQLite page cache of the connection that writes the embedded store (mongoeco's main one, per process). SQLite's own default is
#: 2 MB; at 2,000,000 articles the B-trees a write touches at random (mongoeco's URL key, the review queue's groups,
#: the signatures' date index) hold 0.8 GB, and 256 MB keeps their upper levels and the hottest leaves, where 2 MB
#: re-reads them on every insert (docs/store.md, "Write rate" and "Rows keyed by day"). Pages are allocated as they are
#: read, so a process that reads little stays small.
#: 0 leaves SQLite's default.
DEFAULT_CACHE_MB = 256
COUNTED = ("articles", "reviews", "runs", "signatures", "url_aliases")  # what `db status` counts
COUNTS_TABLE = "cw_count"  # documents per collection, kept by triggers (citywatch.store.counts)
SCORE_TABLE = "cw_score"  # one row per dated article, keyed by its day, kept by triggers (citywatch.store.scoring_rows)


@dataclass(frozen=True)
class StoreConfig:
    """Where the store lives; :meth:`from_env` reads the documented variables."""

    uri: str | None = None
    db_name: str = "citywatch"
    data_dir: Path = PROJECT_ROOT / "var"
    timeout_s: float = DEFAULT_TIMEOUT_S
    cache_mb: int = DEFAULT_CACHE_MB

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> StoreConfig:
        env = os.environ if env is None else env
        raw_timeout = env.get("CITYWATCH_MONGO_TIMEOUT", str(DEFAULT_TIMEOUT_S))
        try:
            timeout = float(raw_timeout)
        except ValueError:
            from citywatch.store.errors import StoreError

            raise StoreError(f"CITYWATCH_MONGO_TIMEOUT must be a number of seconds, got {raw_timeout!r}") from None
        raw_cache = env.get("CITYWATCH_SQLITE_CACHE_MB", str(DEFAULT_CACHE_MB))
        if not raw_cache.strip().isdigit():
            from citywatch.store.errors import StoreError

            raise StoreError(f"CITYWATCH_SQLITE_CACHE_MB must be a whole number of megabytes (0 or more), "
                             f"got {raw_cache!r}")
        return cls(
            uri=env.get("CITYWATCH_MONGO_URI") or None,
            db_name=env.get("CITYWATCH_DB") or "citywatch",
            data_dir=Path(env.get("CITYWATCH_DATA_DIR") or PROJECT_ROOT / "var"),
            timeout_s=timeout,
            cache_mb=int(raw_cache),
        )

    @property
    def location(self) -> str:
        """What error messages name: the redacted URI, or the embedded store's SQLite file."""
        return redact(self.uri) if self.uri else str(self.data_dir / f"{self.db_name}.sqlite")


def redact(uri: str) -> str:
    """The URI without its password, safe to print or log (MongoDB, Redis: ``//user:pw@``, ``//:pw@``)."""
    return re.sub(r"(//[^:/@]*):[^@/]*@", r"\1:***@", uri)


def describe(backend: str, location: str, db_name: str) -> str:
    """One line naming the store in use (``location`` already redacted)."""
    return f"{backend} store: {location} (database {db_name})"


def count(sql: sqlite3.Connection, db_name: str, collection: str) -> int:
    """Documents in ``collection`` of the embedded store, counted on mongoeco's primary key (none is parsed).

    Reads the whole primary-key index of the collection: seconds at 500,000 articles when the file is not in the
    page cache. :func:`read_counts` reads the trigger-kept counts instead wherever they exist.
    """
    return sql.execute("SELECT count(*) FROM documents WHERE db_name = ? AND coll_name = ?", (db_name, collection)).fetchone()[0]


def read_counts(sql: sqlite3.Connection, db_name: str) -> dict[str, int]:
    """The :data:`COUNTED` collections of an embedded store: one primary-key row each from :data:`COUNTS_TABLE`
    (kept by triggers, :mod:`citywatch.store.counts`), or ``count(*)`` on a store written before that table."""
    if not sql.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (COUNTS_TABLE,)).fetchone():
        return {name: count(sql, db_name, name) for name in COUNTED}
    kept = dict(sql.execute(f"SELECT coll_name, n FROM {COUNTS_TABLE} WHERE db_name = ? AND coll_name IN "
                            f"({', '.join('?' * len(COUNTED))})", (db_name, *COUNTED)).fetchall())
    return {name: int(kept.get(name, 0)) for name in COUNTED}


def embedded_counts(config: StoreConfig) -> dict[str, int] | None:
    """The :data:`COUNTED` collections of an existing embedded store, read-only with plain SQLite.

    None when there is nothing to read that way (a MongoDB URI, no file yet, a
    file mongoeco has not set up): the caller opens the store as usual. A damaged
    or locked file raises ``sqlite3.Error`` for the caller to translate. The work
    is a few rows whatever the store holds (:func:`read_counts`).
    """
    path = Path(config.location)
    if config.uri or not path.exists():
        return None
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30.0)) as sql:
        if not sql.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents'").fetchone():
            return None
        return read_counts(sql, config.db_name)
