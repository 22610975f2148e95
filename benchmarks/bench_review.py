"""Review app under a login flood: page latency while 40 wrong logins are checked, threadpool vs event loop.

The same app, the same flood, measured side by side in one run: once as shipped
(argon2 checks in worker threads, HASH_SLOTS at once), once with the check run inline on the event
loop. ``GET /login`` is probed back to back while the flood lasts; the figures are
the probes' median and worst latency against the idle median, and how many
probes were answered before the flood ended.
"""

from __future__ import annotations

import statistics
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from citywatch.review.accounts import add_user, verify
from citywatch.review.web import ServeOptions, auth, create_app, uvicorn_config
from citywatch.store import StoreConfig, connect

FLOOD = 40
PROBES = 30


async def _inline(request: Any, user: Any, password: str) -> bool:
    return verify(user, password)


def _latencies(base: str, n: int = 0, until: threading.Thread | None = None) -> list[float]:
    """``n`` probes, or probes until ``until`` ends."""
    out: list[float] = []
    with httpx.Client(base_url=base, timeout=300) as client:
        while len(out) < n or (until is not None and until.is_alive()):
            started = time.perf_counter()
            client.get("/login").raise_for_status()
            out.append(time.perf_counter() - started)
    return out


def _flood(base: str) -> None:
    def wrong(i: int) -> None:
        with httpx.Client(base_url=base, timeout=300) as client:
            token = client.get("/login").text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
            client.post("/login", data={"username": f"guess{i}", "password": "wrong password", "csrf_token": token})

    threads = [threading.Thread(target=wrong, args=(i,)) for i in range(FLOOD)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def _measure(config: StoreConfig, check: Callable[..., Awaitable[Any]]) -> tuple[float, list[float]]:
    options = ServeOptions(port=_free_port())
    server = uvicorn.Server(uvicorn_config(create_app(lambda: connect(config), options), options, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    original, auth.verify_off_loop = auth.verify_off_loop, check  # type: ignore[assignment]
    thread.start()
    try:
        while not server.started:
            time.sleep(0.02)
        base = f"http://127.0.0.1:{options.port}"
        idle = statistics.median(_latencies(base, PROBES))
        flood = threading.Thread(target=_flood, args=(base,))
        flood.start()
        time.sleep(0.2)  # let the flood start
        busy = _latencies(base, until=flood)
        flood.join()
        return idle, busy
    finally:
        auth.verify_off_loop = original  # type: ignore[assignment]
        server.should_exit = True
        thread.join(timeout=30)


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        config = StoreConfig(data_dir=Path(tmp), db_name="bench")
        with connect(config) as store:
            add_user(store, "ana", "reviewer", "correct horse battery")
        for name, check in (("worker thread (shipped)", auth.verify_off_loop), ("event loop (inline)", _inline)):
            idle, busy = _measure(config, check)
            median, worst = statistics.median(busy), max(busy)
            print(f"{name:<24} GET /login idle median {idle * 1000:5.1f} ms; during {FLOOD} wrong logins: "
                  f"{len(busy):3} probes answered, median {median * 1000:7.1f} ms ({median / idle:5.1f}x), "
                  f"worst {worst * 1000:7.1f} ms ({worst / idle:6.1f}x)", flush=True)
