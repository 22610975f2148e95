"""Extraction in worker processes, beside the crawl's reactor.

Extraction (trafilatura, lxml, JSON-LD) is the crawl's one CPU-heavy stage:
about 18 ms of pure CPU per real article page against ~8 ms for everything else
the crawl does with it (Scrapy, language, dedup, storage). In the reactor thread
it serialises with all of that, and threads do not help (measured: the GIL made
a thread pool slower than none). Worker processes let extraction use the spare
cores while the reactor keeps fetching, detecting and storing.

``EXTRACTION_PROCESSES`` chooses the number of workers: ``None`` (default) means
one per spare core (usable cores - 1, at most :data:`MAX_AUTO`), ``0`` extracts in
the crawl process itself (what a one-core machine gets).

Workers are started with ``spawn`` (forking a process that runs a reactor and
holds sockets and a SQLite handle is unsafe), ignore Ctrl-C (the crawl process
decides when to stop and shuts them down after the last item), and exit on their
own when the crawl process dies - a SIGKILLed crawl leaves no orphans. A worker
that dies (a page that crashes lxml, the OOM killer) breaks the pool: the pool is
replaced and the calls it took down are retried one by one, so pages that were
merely queued behind the culprit are not lost (see :class:`ExtractionWorkers`).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

MAX_AUTO = 4
WORKER_CPU_STAT = "extraction/worker_cpu_seconds"  # stats key; the run record adds it to the crawl's CPU time
PARENT_CHECK_SECONDS = 1.0


class WorkerCrashed(RuntimeError):
    """The worker process died while (or before) running the call, twice."""


class WorkersUnavailable(RuntimeError):
    """The workers could not even start (no call ever ran): the caller should extract in-process."""


def worker_count(setting: Any) -> int:
    """Workers for an ``EXTRACTION_PROCESSES`` value (None: one per spare core)."""
    if setting is None or setting == "":
        cores = os.process_cpu_count() or 1
        return max(0, min(MAX_AUTO, cores - 1))
    count = int(setting)
    if count < 0:
        raise ValueError(f"EXTRACTION_PROCESSES must be None or >= 0, not {setting!r}")
    return count


def _watch_parent(parent: int, on_death: Callable[[], Any]) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    on_death()


def die_with_parent(parent: int, on_death: Callable[[], Any] = lambda: os._exit(0)) -> None:
    """Call ``on_death`` (default: exit at once) when process ``parent`` is no longer this one's parent.

    A watchdog thread rather than Linux's parent-death signal: it works on every POSIX system, and a child
    reparented before it could ask for the signal is noticed too (``parent`` is the pid it was started by).
    """
    threading.Thread(target=_watch_parent, args=(parent, on_death), name="watch-parent", daemon=True).start()


def _start_worker(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)  # the crawl process is gone: nobody will read our results
    from crawler import extraction

    extraction.warm_up()  # load the lazy tables now, not inside the first page


def _timed(function: Callable[..., Any], *args: Any) -> tuple[Any, float]:
    """Run in the worker: the result and the CPU seconds it took, for the run record."""
    started = time.process_time()
    result = function(*args)
    return result, time.process_time() - started


class ExtractionWorkers:
    """A process pool for extraction calls; :meth:`submit` returns ``Future[(result, cpu_seconds)]``.

    A dead worker fails every call in flight, the culprit's and the innocent
    ones queued behind it alike. Those calls are retried one at a time in a
    separate single-worker pool, so the culprit is the only call that fails
    again and only it ends in :class:`WorkerCrashed`. A pool that breaks before
    any worker finished starting is not replaced (it would break again, once per
    page): ``usable`` turns False and calls fail with :class:`WorkersUnavailable`.
    """

    def __init__(self, processes: int) -> None:
        if processes < 1:
            raise ValueError("ExtractionWorkers needs at least one process")
        self.processes = processes
        self._lock = threading.Lock()
        self.usable = True
        self._started = False  # a worker of the current pool has started and run a call
        with self._lock:  # its warm-up callbacks compare against self._pool
            self._pool = self._new_pool(processes)
        self._retry_pool: ProcessPoolExecutor | None = None
        self._retries: deque[tuple[Future, Callable[..., Any], tuple]] = deque()
        self._retrying = False
        # Broken pools are kept until shutdown: dropping the last reference inside a done-callback (which runs
        # in the broken pool's own thread, under its shutdown lock) would deadlock in its weakref callback.
        self._broken: list[ProcessPoolExecutor] = []

    def _new_pool(self, processes: int) -> ProcessPoolExecutor:
        """A pool whose workers start (and import and warm up) now, not when the first page arrives.

        Only a warm-up in the current main pool sets ``_started``; the retry pool is never ``self._pool``.
        """
        pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start_worker, initargs=(os.getpid(),))

        def started(warm: Future) -> None:
            if warm.exception() is None:
                with self._lock:
                    self._started = self._started or self._pool is pool

        for _ in range(processes):  # a spawn pool starts one more worker per call while none is idle
            pool.submit(int).add_done_callback(started)
        return pool

    def submit(self, function: Callable[..., Any], *args: Any) -> Future:
        """Run ``function(*args)`` in a worker; raises :class:`WorkersUnavailable` once they could not start."""
        with self._lock:
            if not self.usable:
                raise WorkersUnavailable("the extraction workers could not start")
            pool = self._pool
        outer: Future = Future()

        def broken() -> None:
            if self._replace(pool):
                self._retry(outer, function, args)
            else:
                outer.set_exception(WorkersUnavailable("the extraction workers could not start"))

        try:
            inner = pool.submit(_timed, function, *args)
        except BrokenProcessPool:
            broken()
            return outer

        def done(inner: Future) -> None:
            if isinstance(inner.exception(), BrokenProcessPool):
                broken()
            else:
                _forward(inner, outer)

        inner.add_done_callback(done)
        return outer

    def _replace(self, broken: ProcessPoolExecutor) -> bool:
        """Replace a broken pool (the first call to notice does it); False when the workers never started."""
        with self._lock:
            if self._pool is broken and self.usable:
                if not self._started:
                    self.usable = False
                    return False
                self._broken.append(broken)
                self._started = False
                self._pool = self._new_pool(self.processes)
            return self.usable

    def _retry(self, outer: Future, function: Callable[..., Any], args: tuple) -> None:
        with self._lock:
            self._retries.append((outer, function, args))
            if self._retrying:
                return
            self._retrying = True
        self._next_retry()

    def _next_retry(self) -> None:
        with self._lock:
            if not self._retries:
                self._retrying = False
                return
            outer, function, args = self._retries.popleft()
            if self._retry_pool is None:
                self._retry_pool = self._new_pool(1)
            pool = self._retry_pool

        def done(inner: Future) -> None:
            if isinstance(inner.exception(), BrokenProcessPool):
                with self._lock:
                    if self._retry_pool is pool:
                        self._broken.append(pool)
                        self._retry_pool = None
                outer.set_exception(WorkerCrashed("the extraction worker died on this call, and again alone"))
            else:
                _forward(inner, outer)
            self._next_retry()

        try:
            pool.submit(_timed, function, *args).add_done_callback(done)
        except BrokenProcessPool as exc:
            failed: Future = Future()
            failed.set_exception(exc)
            done(failed)

    def shutdown(self) -> None:
        with self._lock:
            pools = [p for p in (self._pool, self._retry_pool, *self._broken) if p is not None]
            self._broken = []
        for pool in pools:
            pool.shutdown(wait=True)


def _forward(inner: Future, outer: Future) -> None:
    error = inner.exception()
    if error is not None:
        outer.set_exception(error)
    else:
        outer.set_result(inner.result())
