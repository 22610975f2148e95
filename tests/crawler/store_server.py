"""A MongoDB-protocol store server in a process of its own, for outage tests: SIGKILL it, start it again.

``python -m tests.crawler.store_server FILE PORT`` serves mongoeco's SQLite engine
(data in FILE, kept across restarts) on 127.0.0.1:PORT and prints ``ready`` once it
accepts connections.
"""

from __future__ import annotations

import asyncio
import sys

from mongoeco.engines import SQLiteEngine
from mongoeco.wire.proxy import AsyncMongoEcoProxyServer


async def serve(path: str, port: int) -> None:
    server = AsyncMongoEcoProxyServer(engine=SQLiteEngine(path, executor_workers=1), host="127.0.0.1", port=port,
                                      mongodb_dialect="7.0", pymongo_profile="4.9")
    await server.start()
    print("ready", flush=True)
    await asyncio.Event().wait()  # until killed


if __name__ == "__main__":
    asyncio.run(serve(sys.argv[1], int(sys.argv[2])))
