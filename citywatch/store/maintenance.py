"""Checking and backing up the embedded store file, with SQLite's own tools.

Both open the SQLite file directly, read-only for the check, so they work when
the store is too damaged for :func:`citywatch.store.connect` to open it. MongoDB
has its own tools (``mongodump``, ``validate``); these refuse a MongoDB store.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from citywatch.store.connection import StoreConfig
from citywatch.store.errors import StoreError, translate

PROBLEMS_SHOWN = 10  # integrity_check lines reported; the first ones locate the damage


@dataclass
class TableCheck:
    name: str  # a collection (mongoeco keeps one table per collection) or SQLite's own table
    readable: int  # rows read before the first error, or all of them
    error: str | None = None


@dataclass
class CheckReport:
    path: Path
    problems: list[str]  # PRAGMA integrity_check findings; empty when the file is sound
    tables: list[TableCheck]

    @property
    def ok(self) -> bool:
        return not self.problems and all(t.error is None for t in self.tables)


def embedded_path(config: StoreConfig | None = None) -> Path:
    """The embedded store's SQLite file; a configured MongoDB is refused with one line."""
    config = config or StoreConfig.from_env()
    if config.uri:
        raise StoreError(f"{config.location} is a MongoDB server: use mongodump and db.collection.validate() there")
    path = Path(config.location)
    if not path.exists():
        raise StoreError(f"{path}: no store file here (CITYWATCH_DATA_DIR is {config.data_dir})")
    return path


@contextmanager
def _opened(path: Path, mode: str) -> Iterator[sqlite3.Connection]:
    try:
        with closing(sqlite3.connect(f"file:{path}?mode={mode}", uri=True)) as connection:
            yield connection
    except sqlite3.Error as exc:
        raise translate(exc, str(path)) from exc


def _count_rows(connection: sqlite3.Connection, table: str) -> TableCheck:
    """Read every row of ``table`` (not just count it: a count can come from an intact index)."""
    readable = 0
    try:
        for _ in connection.execute(f'SELECT * FROM "{table.replace(chr(34), chr(34) * 2)}"'):
            readable += 1
    except sqlite3.Error as exc:
        return TableCheck(table, readable, str(exc))
    return TableCheck(table, readable)


def check(path: Path) -> CheckReport:
    """SQLite's integrity check, then every table read to the end: what is readable and where reading stops."""
    with _opened(path, "ro") as connection:
        try:
            found = [line for row in connection.execute(f"PRAGMA integrity_check({PROBLEMS_SHOWN})")
                     for line in str(row[0]).splitlines()]
        except sqlite3.DatabaseError as exc:
            found = [str(exc)]
        problems = [] if found == ["ok"] else found[: PROBLEMS_SHOWN + 1]
        try:
            tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        except sqlite3.DatabaseError as exc:
            return CheckReport(path, problems or [str(exc)], [])
        return CheckReport(path, problems, [_count_rows(connection, table) for table in sorted(tables)])


def backup(path: Path, destination: Path) -> Path:
    """Copy the live store with SQLite's online backup API (consistent while crawls write); never overwrites."""
    if destination.is_dir():
        destination = destination / path.name
    if destination.exists():
        raise StoreError(f"{destination}: exists already; choose a new file name")
    partial = destination.with_name(destination.name + ".partial")
    try:
        with _opened(path, "ro") as source, closing(sqlite3.connect(partial)) as target:
            source.backup(target, pages=1024)  # in steps: writers are not held off for the whole copy
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise translate(exc, str(destination)) from exc
    except StoreError:
        partial.unlink(missing_ok=True)
        raise
    partial.rename(destination)  # whole or not at all
    return destination
