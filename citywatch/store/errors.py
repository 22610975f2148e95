"""Errors the store raises; each message is meant to be shown to a user as is.

The embedded engine (mongoeco on SQLite) lets SQLite's own exceptions through:
``sqlite3.OperationalError: database or disk is full``, ``sqlite3.DatabaseError:
database disk image is malformed``. :func:`translate` turns those (and a pymongo
error from a server that went away) into the store's errors, with one line that
names the file and what to do, so no command shows a driver traceback.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from pymongo.errors import PyMongoError

FULL_MARKERS = ("database or disk is full", "disk i/o error", "no space left")
DAMAGED_MARKERS = ("malformed", "file is not a database", "file is encrypted or is not a database")


class StoreError(Exception):
    """Base class of every store failure."""


class StoreUnavailable(StoreError):
    """The database could not be reached within the configured time."""


class StoreFull(StoreError):
    """The disk holding the embedded store is full: nothing more can be written until space is freed."""


class StoreDamaged(StoreError):
    """The embedded store file is damaged: restore a backup."""


class InvalidDocument(StoreError):
    """A document breaks the collection's schema; the message names the field."""

    def __init__(self, field: str, problem: str, ref: str | None = None) -> None:
        self.field = field
        self.problem = problem
        self.ref = ref
        where = f" (document {ref})" if ref else ""
        super().__init__(f"invalid article{where}: field '{field}' {problem}")


# What callers catch around store calls: the store's errors and what the drivers raise underneath.
STORE_FAILURES: tuple[type[BaseException], ...] = (StoreError, PyMongoError, sqlite3.Error)


def translate(exc: BaseException, location: str) -> StoreError:
    """The store error for a driver or engine exception raised while using the store at ``location``."""
    if isinstance(exc, StoreError):
        return exc
    text = str(exc).split("\n")[0]
    lowered = text.lower()
    if isinstance(exc, sqlite3.Error | OSError):
        if any(marker in lowered for marker in FULL_MARKERS) or getattr(exc, "errno", None) == 28:
            return StoreFull(f"{location}: disk full: free space or move CITYWATCH_DATA_DIR ({text})")
        if any(marker in lowered for marker in DAMAGED_MARKERS):
            return StoreDamaged(f"{location}: store file damaged: restore a backup; "
                                f"`citywatch db check` says what is readable ({text})")
        if "locked" in lowered or "busy" in lowered:
            return StoreUnavailable(f"{location}: the store is locked by another process ({text})")
        return StoreError(f"{location}: {text}")
    return StoreUnavailable(f"{location}: the store did not answer: {text.split(', Timeout')[0]}")


@contextmanager
def translated(location: str) -> Iterator[None]:
    """Re-raise driver and engine errors inside the block as store errors naming ``location``."""
    try:
        yield
    except STORE_FAILURES as exc:
        if isinstance(exc, StoreError):
            raise
        raise translate(exc, location) from exc
