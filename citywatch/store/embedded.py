"""The embedded engine: mongoeco's SQLite engine, opened so that start-up does not depend on the store's size.

What mongoeco 4.11 (the latest release) does, read in its source and measured:

* It keeps every secondary index twice: a SQLite expression index on its
  ``documents`` table, which SQLite maintains itself, and rows in its own
  ``scalar_index_entries`` table, which it **deletes and rebuilds from every
  document of every indexed collection each time a process connects**
  (``backfill_scalar_indexes_sync``, unconditional; no option turns it off).
  With five indexes on ``articles`` that was 164-191 s per command at 200,000
  articles, holding the write lock all along.
* Its queries translate to ``json_type``/``json_extract`` predicates that no
  index matches: ``find`` with an ``_id`` equality, an ``_id`` range, ``$in`` or a
  date range reads every document of the collection. Only ``find_one`` on an
  ``_id`` that exists is a primary-key probe, and only equality on a field with a
  scalar index (the table rebuilt at connect) uses an index.

So the embedded store declares **no** mongoeco secondary index (a store
created by an earlier version has them dropped once by ``init``), and the hot
lookups go to SQLite directly, through keys and indexes SQLite really uses:

* ``_id`` membership: mongoeco's primary key ``(db_name, coll_name, storage_key)``.
* date ranges: the signatures' is an expression index of our own on the
  ``documents`` table, partial to its collection; SQLite maintains it on every
  write, so it costs nothing at start-up. The articles' ranges are the key of
  the scoring rows (:mod:`citywatch.store.scoring_rows`, one row per dated
  article in date order), joined to the documents by rowid: an index of their
  own would be two more B-trees that every article write updates at a place
  given by its date, for reads that only the MongoDB path and the tests make.
* the near-duplicate window: a table of its own in date order, kept by triggers
  (:mod:`citywatch.store.window`), so a window is one key range wherever its
  documents lie in the file.

* which collections hold documents (mongoeco's connect and ``list_collection_names``
  read every document key for it): the trigger-kept counts of
  :mod:`citywatch.store.counts`, through :class:`Connection`.

Everything else still goes through the pymongo API. The raw reads use a
connection of their own (WAL mode: readers never wait for the writer), and
every connection waits up to ``BUSY_TIMEOUT_S`` for a lock before SQLite says
"database is locked".
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from mongoeco.engines import SQLiteEngine
from mongoeco.engines._sqlite_connection import SQLiteConnection

from citywatch.store.location import COUNTS_TABLE, SCORE_TABLE

BUSY_TIMEOUT_S = 30.0  # how long one SQLite statement waits for another process's lock
FILE_MODE = 0o600  # the store holds password hashes and session tokens
DIR_MODE = 0o700
SQLITE_SUFFIXES = ("", "-wal", "-shm", "-journal")
IN_CHUNK = 500  # ids per primary-key query (SQLite's default limit is 32,766 parameters)
MARKER = '"$mongoeco"'  # how mongoeco tags a non-JSON value (datetime, bytes) in the stored text


@dataclass(frozen=True)
class Range:
    """A date range lookup: the first field of ``fields`` that is set is the document's date.

    ``rows``: None for a range with an index of its own on the embedded engine; else the range is read
    through the scoring rows' date key (whose date is the articles' ``article_date``) with this condition
    on the row (SQL, "" for none).
    """

    collection: str
    fields: tuple[str, ...]
    rows: str | None = None

    @property
    def index_name(self) -> str:
        return f"cw_{self.collection}_{'_'.join(self.fields)}"

    def expression(self) -> str:
        """The SQL of the date: mongoeco stores a datetime as ``{"$mongoeco": {"value": ISO text}}`` in UTC."""
        parts = [f"json_extract(document, '$.{f}.\"$mongoeco\".value')" for f in self.fields]
        return parts[0] if len(parts) == 1 else f"COALESCE({', '.join(parts)})"


#: The range lookups that must not scan: on the embedded engine an index of their own, or the scoring rows' key.
RANGES: dict[str, Range] = {
    "published": Range("articles", ("published_at",), rows="s.published"),
    "article_date": Range("articles", ("published_at", "fetched_at"), rows=""),
    "signatures": Range("signatures", ("at",)),
}


class Connection(SQLiteConnection):
    """mongoeco's connection class, with its two statements that read every document's key answered from the
    trigger-kept counts instead.

    At every connect mongoeco runs ``INSERT OR IGNORE INTO collections SELECT db_name, coll_name, '{}' FROM
    documents UNION ...``, and ``list_collection_names`` runs ``SELECT coll_name FROM documents WHERE db_name =
    ? UNION ...``: each reads the whole primary-key index of ``documents`` (every article, signature and alias;
    20 MB at 100,000 articles, seconds when it is not in the page cache), paid by every command that opens
    mongoeco. Where the counts' table and triggers exist (:mod:`citywatch.store.counts`), the collections
    holding documents are exactly its rows with ``n > 0``, a few rows; elsewhere (a store not yet opened by
    this version, or a mongoeco that words the statements differently) they run as written.
    """

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        if "FROM documents" in sql and _KEYS_OF_EVERY_DOCUMENT.search(sql) and self._counts_kept():
            sql = _KEYS_OF_EVERY_DOCUMENT.sub(_from_counts, sql)
        return super().execute(sql, parameters)

    def _counts_kept(self) -> bool:
        names = (COUNTS_TABLE, *COUNT_TRIGGERS)
        found = super().execute(f"SELECT count(*) FROM sqlite_master WHERE name IN ({', '.join('?' * len(names))})",
                                names).fetchone()[0]
        return bool(found == len(names))


# mongoeco 4.11's two selections of the collections that hold documents, each a whole UNION member
_KEYS_OF_EVERY_DOCUMENT = re.compile(
    r"SELECT (?P<columns>db_name, coll_name, '\{\}'|coll_name)\s+FROM documents(?P<where>\s+WHERE db_name = \?)?"
    r"(?=\s+(?:UNION|ORDER BY)\b)")
COUNT_TRIGGERS = ("cw_count_insert", "cw_count_delete", "cw_count_move")


def _from_counts(match: re.Match[str]) -> str:
    where = "db_name = ? AND " if match["where"] else ""
    return f"SELECT {match['columns']} FROM {COUNTS_TABLE} WHERE {where}n > 0"


class Engine(SQLiteEngine):
    """mongoeco's SQLite engine whose connections wait for locks instead of failing at once, open without
    reading every document key (:class:`Connection`), and whose writing connection keeps ``cache_mb`` of pages.

    The page cache is what keeps the write rate from falling with the store's size: every article inserted
    goes into B-trees ordered by something else than arrival (mongoeco's URL key for the article and its
    signature, the signatures' date index, the review groups' members; ``cw_score``, keyed by day and then
    arrival, takes its row at the end of its day, one of a year's 365 places), 0.8 GB of them at
    2,000,000 articles. With SQLite's
    default 2 MB each insert re-reads the inner pages of every one of them, from the OS or the disk;
    256 MB holds the inner pages and the hottest leaves (measured: docs/store.md, "Write rate at
    2,000,000"). It is set on mongoeco's main connection only, the one every write goes through; the
    connections mongoeco opens per cursor and for its change feed keep SQLite's 2 MB, since a scan
    reads each page once. SQLite fills the cache only with pages read, so a command that reads a few
    rows stays small; 0 leaves SQLite's default.
    """

    def __init__(self, path: str, *, cache_mb: int = 0, **options: Any) -> None:
        self._cache_mb = cache_mb
        super().__init__(path, **options)

    def _connect_sync(self) -> None:
        super()._connect_sync()
        if self._cache_mb and self._connection is not None:
            self._connection.execute(f"PRAGMA cache_size = {-1024 * self._cache_mb}")  # negative: KiB, not pages

    def _create_sqlite_connection(self) -> sqlite3.Connection:
        # as mongoeco's own (4.11), with our connection class and a busy timeout
        connection = sqlite3.connect(self._path, check_same_thread=False, factory=Connection)
        try:
            if self._path != ":memory:":
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        except BaseException:
            connection.close()
            raise
        return connection


def secure_files(path: Path) -> None:
    """Owner-only folder and files; the file is created before SQLite opens it so that -wal/-shm inherit its mode.

    An existing file is only chmod-ed, never opened: closing any descriptor of a database file
    releases every POSIX lock this process holds on it, so opening and closing it beside a live
    SQLite connection (the crawler's store thread connects while the main thread's connection
    is open) leaves that connection without its locks ("disk I/O error", lost writes).
    """
    path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    os.chmod(path.parent, DIR_MODE)
    if path.exists():
        os.chmod(path, FILE_MODE)
    else:  # no connection of this process can have a file open that did not exist
        os.close(os.open(path, os.O_CREAT | os.O_RDWR, FILE_MODE))
    for suffix in SQLITE_SUFFIXES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.chmod(side, FILE_MODE)


def open_sql(path: Path) -> sqlite3.Connection:
    """A plain SQLite connection to the store file, for the keyed reads and the index DDL."""
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, check_same_thread=False, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    return connection


def create_indexes(sql: sqlite3.Connection) -> None:
    """Create the indexes of the :data:`RANGES` that have one (once; SQLite maintains them on every write); drop
    those an earlier version created for ranges now read through the scoring rows."""
    present = {row[0] for row in sql.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    for rng in RANGES.values():
        if rng.rows is None:
            sql.execute(f"CREATE INDEX IF NOT EXISTS {rng.index_name} ON documents (db_name, {rng.expression()}) "
                        f"WHERE coll_name = '{rng.collection}'")
        elif rng.index_name in present:
            sql.execute(f"DROP INDEX IF EXISTS {rng.index_name}")  # another process may have dropped it since


def present_sql(engine: SQLiteEngine, db_name: str, collection: str, ids: Sequence[str]) -> tuple[str, list[Any]]:
    """The primary-key query for which of ``ids`` exist; its rows are mongoeco storage keys."""
    keys = [engine._storage_key(i) for i in ids]
    marks = ", ".join("?" * len(keys))
    return (f"SELECT storage_key FROM documents WHERE db_name = ? AND coll_name = ? AND storage_key IN ({marks})",
            [db_name, collection, *keys])


def present(sql: sqlite3.Connection, engine: SQLiteEngine, db_name: str, collection: str, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` are ``_id`` values in ``collection``: primary-key probes, ``IN_CHUNK`` per query."""
    by_key = {engine._storage_key(i): i for i in ids}
    wanted = list(by_key.values())
    found: set[str] = set()
    for start in range(0, len(wanted), IN_CHUNK):
        query, params = present_sql(engine, db_name, collection, wanted[start : start + IN_CHUNK])
        found.update(by_key[row[0]] for row in sql.execute(query, params))
    return found


def fetch(sql: sqlite3.Connection, engine: SQLiteEngine, db_name: str, collection: str, ids: Iterable[str],
          fields: Sequence[str]) -> Iterator[dict[str, Any]]:
    """The documents of ``ids`` that exist, by primary key, ``IN_CHUNK`` per query, projected in SQLite.

    ``fields`` are top-level names (a dotted path brings its whole top-level
    field); each document parsed once (see :func:`between_sql`), absent fields
    None. mongoeco's own ``find_one`` per id costs ~1 ms through its async
    machinery, ``$in`` a scan of the collection.
    """
    names = ["_id", *_projected([f.split(".")[0] for f in fields])]
    paths = ", ".join(f"'$.{f}'" for f in names)
    select = f"json_extract(document, {paths})" if len(names) > 1 else "json_array(document -> '$._id')"
    by_key = {engine._storage_key(i): i for i in ids}
    keys = list(by_key)
    for start in range(0, len(keys), IN_CHUNK):
        chunk = keys[start : start + IN_CHUNK]
        rows = sql.execute(f"SELECT {select} FROM documents WHERE db_name = ? AND coll_name = ? AND storage_key IN "
                           f"({', '.join('?' * len(chunk))})", [db_name, collection, *chunk])
        for (payload,) in rows:
            yield dict(zip(names, decode(engine, payload), strict=True))


def iso(when: datetime) -> str:
    """A datetime as mongoeco stores it: naive UTC in ISO form (which sorts as text)."""
    return (when.astimezone(UTC) if when.tzinfo else when).replace(tzinfo=None).isoformat()


def day_range(lo: datetime | None, hi: datetime | None, alias: str = "") -> tuple[list[str], list[Any]]:
    """The conditions (and their parameters) on the scoring rows dated in [lo, hi), either bound None for none: a range
    of their day key, from the first day to the last that the range touches (UTC), then their time ``at`` within it
    for a range that does not start or end at midnight. ``alias``: the table's name in the query."""
    column = f"{alias}." if alias else ""
    days: list[str] = []
    times: list[str] = []
    params: list[Any] = []
    if lo is not None:
        days.append(f"{column}day >= ?")
        times.append(f"{column}at >= ?")
        params.append(iso(lo)[:10])
    if hi is not None:
        days.append(f"{column}day <= ?")
        times.append(f"{column}at < ?")
        params.append(iso(hi - timedelta(microseconds=1))[:10])
    params += [iso(bound) for bound in (lo, hi) if bound is not None]
    return days + times, params


def between_sql(db_name: str, rng: Range, lo: datetime | None, hi: datetime | None,
                fields: Sequence[str] | None) -> tuple[str, list[Any]]:
    """The index range query of ``rng`` over [lo, hi), projecting top-level ``fields`` in SQLite.

    With ``fields``, each row is a JSON array of their values (``_id`` first, then
    ``fields`` in order; null when absent): one ``json_extract`` with every path
    parses the document once, where one ``->`` per field parses it once per field
    (2-3x slower on 4 KB articles).
    """
    if fields:
        paths = ", ".join(f"'$.{f}'" for f in ("_id", *_projected(fields)))
        select = f"json_extract(document, {paths})" if "," in paths else "json_array(document -> '$._id')"
    else:
        select = "document"
    source, params = _in_range(db_name, rng, lo, hi)
    return f"SELECT {select} {source}", params


def _in_range(db_name: str, rng: Range, lo: datetime | None, hi: datetime | None) -> tuple[str, list[Any]]:
    """The ``FROM ... WHERE`` of the documents of ``rng`` in [lo, hi), through the range's index, or the scoring
    rows' key range in its order (by day, then arrival), each row's document found by rowid (see :class:`Range`)."""
    if rng.rows is not None:
        dated, bounds = day_range(lo, hi, "s")
        where, params = ["s.db_name = ?", *dated], [db_name, *bounds]
        if rng.rows:
            where.append(rng.rows)
        return (f"FROM {SCORE_TABLE} AS s JOIN documents AS d ON d.rowid = s.rid WHERE {' AND '.join(where)} "
                "ORDER BY s.day, s.rid", params)
    where, params = [f"coll_name = '{rng.collection}'", "db_name = ?"], [db_name]
    expression = rng.expression()
    if lo is not None:
        where.append(f"{expression} >= ?")
        params.append(iso(lo))
    if hi is not None:
        where.append(f"{expression} < ?")
        params.append(iso(hi))
    if lo is None and hi is None:
        where.append(f"{expression} IS NOT NULL")
    return f"FROM documents INDEXED BY {rng.index_name} WHERE {' AND '.join(where)}", params


def values_sql(db_name: str, rng: Range, lo: datetime | None, hi: datetime | None, fields: Sequence[str],
               binary: Sequence[str] = ()) -> tuple[str, list[Any]]:
    """The index range query of ``rng`` over [lo, hi) returning ``_id`` and ``fields`` as plain SQL values.

    A field named in ``binary`` comes back as the hex text of mongoeco's bytes tag (None when absent or not
    bytes); the others as SQLite's ``->>`` gives them (scalars). One ``->>`` per column re-parses the
    document each time, which for small documents (a signature's ~1.3 KB) costs less than decoding one
    JSON array per row in Python (:func:`between` with ``fields``): 80,000 signatures in 2.2 s + 0.5 s
    instead of 1.8 s + 1.4 s.
    """
    columns = ["document ->> '$._id'"]
    for name in fields:
        path = f'$.{name}."$mongoeco".value' if name in binary else f"$.{name}"
        columns.append(f"document ->> '{path}'")
    source, params = _in_range(db_name, rng, lo, hi)
    return f"SELECT {', '.join(columns)} {source}", params


def values(sql: sqlite3.Connection, db_name: str, rng: Range, lo: datetime | None, hi: datetime | None,
           fields: Sequence[str], binary: Sequence[str] = (), batch: int = 5000) -> Iterator[tuple[Any, ...]]:
    """Stream ``(_id, *fields)`` of the documents dated in [lo, hi) (see :func:`values_sql`), ``binary`` fields
    as bytes."""
    query, params = values_sql(db_name, rng, lo, hi, fields, binary)
    hexed = [position + 1 for position, name in enumerate(fields) if name in binary]
    cursor = sql.execute(query, params)
    while rows := cursor.fetchmany(batch):
        if not hexed:
            yield from rows
            continue
        for row in rows:
            out = list(row)
            for position in hexed:
                if isinstance(out[position], str):
                    out[position] = bytes.fromhex(out[position])
            yield tuple(out)


def between(sql: sqlite3.Connection, engine: SQLiteEngine, db_name: str, rng: Range, lo: datetime | None,
            hi: datetime | None, fields: Sequence[str] | None = None, batch: int = 1000) -> Iterator[dict[str, Any]]:
    """Stream the documents whose date is in [lo, hi) through the range's index; absent fields come back as None."""
    query, params = between_sql(db_name, rng, lo, hi, fields)
    names = ("_id", *_projected(fields)) if fields else ()
    cursor = sql.execute(query, params)
    while rows := cursor.fetchmany(batch):
        for (payload,) in rows:
            yield dict(zip(names, decode(engine, payload), strict=True)) if names else decode(engine, payload)


def _projected(fields: Sequence[str]) -> list[str]:
    """``fields`` without ``_id`` and repeats, in order (``_id`` is always returned, first)."""
    return [f for f in dict.fromkeys(fields) if f != "_id"]


def decode(engine: SQLiteEngine, payload: str) -> Any:
    """A stored document as the pymongo API returns it here: UTC-aware datetimes, bytes.

    mongoeco tags values JSON cannot hold as ``{"$mongoeco": {"type", "value"}}``;
    datetimes (naive UTC ISO text) and bytes (hex) are decoded here in the JSON
    parser's own pass, anything rarer by mongoeco's codec. (mongoeco's
    ``_deserialize_document`` walks the document again and inspects its codec's
    signature on every call: about 3x the cost.)
    """
    if MARKER not in payload:
        return json.loads(payload)

    def tagged(obj: dict[str, Any]) -> Any:
        tag = obj.get("$mongoeco") if len(obj) == 1 else None
        if not isinstance(tag, dict):
            return obj
        if tag.get("type") == "datetime":
            when = datetime.fromisoformat(tag["value"])
            return when if when.tzinfo else when.replace(tzinfo=UTC)
        if tag.get("type") == "bytes":
            return bytes.fromhex(tag["value"])
        return engine._codec.decode(obj, preserve_bson_wrappers=True)

    return json.loads(payload, object_hook=tagged)


def explain(sql: sqlite3.Connection, query: str, params: Sequence[Any]) -> list[str]:
    """SQLite's query plan of ``query``, one line per step (for tests and ``db status``)."""
    return [row[3] for row in sql.execute(f"EXPLAIN QUERY PLAN {query}", list(params))]


def scan(sql: sqlite3.Connection, engine: SQLiteEngine, db_name: str, collection: str, after: str | None,
         batch: int) -> list[tuple[str, dict[str, Any]]]:
    """The next ``batch`` documents of ``collection`` in primary-key order after storage key ``after``."""
    rows = sql.execute(
        "SELECT storage_key, document FROM documents WHERE db_name = ? AND coll_name = ? AND storage_key > ? "
        "ORDER BY storage_key LIMIT ?", (db_name, collection, after or "", batch))
    return [(key, decode(engine, payload)) for key, payload in rows]


def install_summary(sql: sqlite3.Connection, table: str, columns: str, backfill: str, triggers: dict[str, str],
                    rebuild: bool = False, rowid: bool = False,
                    previous: Sequence[tuple[str, str]] = ()) -> bool:
    """Create a trigger-kept summary ``table`` (backfilled from the articles already stored) and its ``triggers``.

    ``triggers`` maps each trigger's (or index's) name to its exact DDL. When the table and
    every trigger are there as given (every open but the first), this only reads
    ``sqlite_master`` and takes no lock, so opening the store never waits for a
    writer. Otherwise it works under ``BEGIN IMMEDIATE``: no article can be
    written between the backfill and the triggers. A table whose columns are the layout of one of ``previous`` (an
    earlier layout, with the SELECT list that turns its rows into the current columns) is copied into the current layout:
    at 2,000,000 articles a fraction of a backfill. With ``rebuild``, any other table whose triggers were written by another version
    is dropped and backfilled again (its rows may have another form). The table is ``WITHOUT ROWID`` unless
    ``rowid`` (rows longer than ~1 KB, which such a table would spill to overflow pages). Returns whether it wrote.
    """
    suffix = "" if rowid else " WITHOUT ROWID"

    def layout() -> str | None:
        row = sql.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()
        return None if row is None else row[0].replace(f'CREATE TABLE "{table}"', f"CREATE TABLE {table}", 1)

    def earlier() -> str | None:
        """The SELECT list that copies the table's rows, where it has an earlier layout of ``previous``."""
        found = layout()
        return next((select for columns, select in previous if found == f"CREATE TABLE {table} ({columns}){suffix}"), None)

    def current() -> bool:
        found = dict(sql.execute(f"SELECT name, sql FROM sqlite_master WHERE name IN ({', '.join('?' * (len(triggers) + 1))})",
                                 (table, *triggers)).fetchall())
        return table in found and all(found.get(name) == ddl for name, ddl in triggers.items()) and earlier() is None

    if current():
        return False
    with write_transaction(sql):
        if (copy := earlier()) is not None:
            for name, ddl in triggers.items():  # they name the table; written anew below
                sql.execute(f"DROP {_object_kind(ddl).upper()} IF EXISTS {name}")
            sql.execute(f"CREATE TABLE {table}_next ({columns}){suffix}")
            sql.execute(f"INSERT INTO {table}_next SELECT {copy} FROM {table}")
            sql.execute(f"DROP TABLE {table}")
            sql.execute(f"ALTER TABLE {table}_next RENAME TO {table}")
        elif rebuild and not current():
            sql.execute(f"DROP TABLE IF EXISTS {table}")
        if layout() is None:
            sql.execute(f"CREATE TABLE {table} ({columns}){suffix}")
            sql.execute(backfill)
        for name, ddl in triggers.items():
            kind = _object_kind(ddl)
            row = sql.execute("SELECT sql FROM sqlite_master WHERE type = ? AND name = ?", (kind, name)).fetchone()
            if row is None or row[0] != ddl:  # missing, or written by another version of the summary
                sql.execute(f"DROP {kind.upper()} IF EXISTS {name}")
                sql.execute(ddl)
    return True


def _object_kind(ddl: str) -> str:
    """What a summary's DDL creates, as ``sqlite_master`` names it: "index" or "trigger"."""
    return "index" if ddl.startswith("CREATE INDEX") else "trigger"


@contextmanager
def write_transaction(sql: sqlite3.Connection) -> Iterator[None]:
    """One write transaction on the autocommit connection ``sql``, taken at once (``BEGIN IMMEDIATE``: no other
    writer between its reads and its writes); rolled back on any exception."""
    sql.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        sql.execute("ROLLBACK")
        raise
    sql.execute("COMMIT")
