"""The crawl's store work off the reactor thread, and a store outage as a state of the crawl.

Scrapy runs every download, parse and pipeline stage in one reactor thread; a
store call that blocks there (an unreachable MongoDB: 5 s per attempt) stalls the
whole crawl. Every store call of a crawl process therefore goes through
:class:`StoreThread`: one thread that owns the process's only store connection
(the embedded engine's SQLite connection belongs to the thread that opened it)
and hands results back to the reactor as Deferreds. That covers the writes
(articles, signatures, feed validators), the run heartbeat and the job-lease
renewal, and the reads: the known-URL check and, at spider open, the
near-duplicate window, the review rules and the feed validators.

A failed write is not an error per item but the start of an :class:`Outage`:
the batch is kept, the next attempt waits (doubling from ``STORE_RETRY_SECONDS``
up to ``STORE_RETRY_MAX_SECONDS``), fetching pauses once the store has been down
``STORE_OUTAGE_PAUSE_SECONDS`` (pages fetched now could not be stored), and the
crawl ends once it has been down ``STORE_OUTAGE_GIVE_UP_SECONDS``, with one line
on stderr and exit status 2. A damaged store file ends it at once. A read the
crawl cannot start without (:func:`read_through`) goes through the same outage:
a store that is down when a spider opens holds the spider before its first
request and either answers or ends the crawl the same way.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from scrapy.exceptions import CloseSpider
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred
from twisted.internet.task import deferLater

from citywatch.store import STORE_FAILURES, Store, StoreDamaged, StoreError, connect, translate

logger = logging.getLogger(__name__)


def in_reactor(future: Future) -> Deferred:
    """A Deferred fired in the reactor thread when a concurrent.futures Future (a thread's, a worker's) completes."""
    from twisted.internet import reactor  # the one Scrapy installed

    deferred: Deferred = Deferred()

    def fire(done: Future) -> None:
        error = done.exception()
        if error is not None:
            deferred.errback(error)
        else:
            deferred.callback(done.result())

    future.add_done_callback(lambda done: reactor.callFromThread(fire, done))
    return deferred


class StoreThread:
    """Runs ``function(store, *args)`` calls one at a time in a thread with its own connection."""

    def __init__(self, open_store: Callable[[], Store] = connect) -> None:
        self._open = open_store
        self._store: Store | None = None
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="store")

    def _run(self, function: Callable[..., Any], args: tuple) -> Any:
        if self._store is None:
            self._store = self._open()  # again after a failed connect: the store may be back
        try:
            return function(self._store, *args)
        except STORE_FAILURES as exc:
            raise translate(exc, self._store.location) from exc

    def submit(self, function: Callable[..., Any], *args: Any) -> Future:
        return self._pool.submit(self._run, function, args)

    def call(self, function: Callable[..., Any], *args: Any) -> Deferred:
        """From the reactor thread: the call's result (or store error) as a Deferred fired in the reactor."""
        return in_reactor(self.submit(function, *args))

    def close(self) -> None:
        def close_store() -> None:
            if self._store is not None:
                self._store.close()
                self._store = None

        self._pool.submit(close_store)
        self._pool.shutdown(wait=True)


class Outage:
    """Whether the store is down for this crawl process, since when, and when to try it again.

    Shared by the spiders of the process (see ``crawler.singletons``); ``listeners`` are told
    ``"pause"``, ``"resume"`` and ``"give_up"`` so each spider's engine follows the state.
    """

    def __init__(self, settings: Any) -> None:
        self.base = settings.getfloat("STORE_RETRY_SECONDS", 1.0)
        self.cap = settings.getfloat("STORE_RETRY_MAX_SECONDS", 60.0)
        self.pause_after = settings.getfloat("STORE_OUTAGE_PAUSE_SECONDS", 30.0)
        self.give_up_after = settings.getfloat("STORE_OUTAGE_GIVE_UP_SECONDS", 600.0)
        self.down_since: float | None = None
        self.delay = 0.0
        self.next_attempt = 0.0
        self.paused = False
        self.gave_up = False
        self.last_error: StoreError | None = None
        self.listeners: list[Callable[[str], None]] = []

    @property
    def down(self) -> bool:
        return self.down_since is not None

    def may_try(self, now: float | None = None) -> bool:
        return not self.gave_up and (now or time.monotonic()) >= self.next_attempt

    def failed(self, error: StoreError, now: float | None = None) -> None:
        """A store call failed: wait longer before the next, pause or give up when it has lasted.

        A call that was already under way when another failure set the wait (the spiders of a process
        write and read side by side) does not double it again.
        """
        now = now or time.monotonic()
        if self.down_since is None:
            self.down_since, self.delay = now, self.base
            logger.error("store unavailable, retrying in %.1f s: %s", self.delay, error)
        elif now < self.next_attempt:
            self.last_error = error
            self.judge(now)
            return
        else:
            self.delay = min(self.cap, self.delay * 2)
        self.last_error = error
        self.next_attempt = now + self.delay
        self.judge(now)

    def judge(self, now: float | None = None) -> None:
        """Pause or give up according to how long the store has been down (also called while waiting)."""
        if self.down_since is None or self.gave_up:
            return
        down_for = (now or time.monotonic()) - self.down_since
        if isinstance(self.last_error, StoreDamaged) or down_for >= self.give_up_after:
            self.give_up(now)
        elif down_for >= self.pause_after and not self.paused:
            self.paused = True
            logger.warning("store down for %.0f s: fetching paused until it answers", down_for)
            self._tell("pause")

    def give_up(self, now: float | None = None) -> None:
        """End the crawl on the store's account: its spiders close, one line on stderr, exit status 2.

        Also what a spider closing with articles it could not store calls, however short the outage was.
        """
        if self.gave_up:
            return
        self.gave_up = True
        down_for = (now or time.monotonic()) - self.down_since if self.down_since is not None else 0.0
        self._tell("give_up")
        line = (f"crawl stopped, the store failed for {down_for:.0f} s: {self.last_error} "
                "(articles not stored are fetched again by the next run)")
        logger.error(line)
        with contextlib.suppress(OSError):  # nobody may be reading stderr any more
            print(f"error: {line}", file=sys.stderr, flush=True)  # the one line a person reads

    def recovered(self, now: float | None = None) -> None:
        if self.down_since is None:
            return
        logger.warning("store back after %.0f s", (now or time.monotonic()) - self.down_since)
        self.down_since, self.delay, self.next_attempt, self.last_error = None, 0.0, 0.0, None
        if self.paused:
            self.paused = False
            self._tell("resume")

    def _tell(self, event: str) -> None:
        for listener in list(self.listeners):
            listener(event)


WAIT_STEP_SECONDS = 0.5  # how often a read held by an outage looks whether the crawl gave up meanwhile


async def read_through(state: Outage, thread: StoreThread, function: Callable[..., Any], *args: Any) -> Any:
    """``function(store, *args)`` in the store thread, tried again on the outage's backoff until the store
    answers; ``CloseSpider("store_unavailable")`` once the outage gave up.

    For the reads a spider opens with (its component awaits this in ``open_spider`` or ``spider_opened``,
    so the spider sends no request before the store answered): what a crawl would fetch without them
    could not be stored either, so waiting is the outage's pause, from the start.
    """
    from twisted.internet import reactor  # the one Scrapy installed

    while True:
        if state.gave_up:
            raise CloseSpider("store_unavailable")
        if not state.may_try():
            state.judge()
            await maybe_deferred_to_future(deferLater(reactor, WAIT_STEP_SECONDS, lambda: None))
            continue
        try:
            result = await maybe_deferred_to_future(thread.call(function, *args))
        except StoreError as exc:
            state.failed(exc)
        else:
            state.recovered()
            return result
