"""A crawl process that writes down every store use made on its reactor thread, for the faults tests.

``python -m tests.crawler.reactor_watch FILE ARGS...`` runs ``python -m crawler.run ARGS...``
with :class:`citywatch.store.Store` watched: each time the main thread (where
Scrapy's CrawlerProcess runs the reactor) touches a store's database handle
(``db``, ``sql``, ``client``: every query, write and connect goes through one),
the call stack is appended to FILE. A crawl that keeps the reactor free of
blocking store calls leaves FILE empty.
"""

from __future__ import annotations

import sys
import threading
import traceback
from pathlib import Path
from typing import Any

from citywatch.store.connection import Store

HANDLES = frozenset({"db", "sql", "client"})


def watch(record: Path) -> None:
    plain = Store.__getattribute__

    def watched(self: Store, name: str) -> Any:
        if name in HANDLES and threading.current_thread() is threading.main_thread():
            with record.open("a", encoding="utf-8") as out:
                out.write(f"store.{name} on the reactor thread:\n{''.join(traceback.format_stack(limit=8)[:-1])}\n")
        return plain(self, name)

    Store.__getattribute__ = watched  # type: ignore[method-assign]


if __name__ == "__main__":
    watch(Path(sys.argv[1]))
    from crawler.run import main

    sys.exit(main(sys.argv[2:]))
