"""One crawl over chosen sources: the function behind ``citywatch crawl`` and the demo.

:func:`run_crawl` validates the registry, then runs the spiders in a child
process (``python -m crawler.run``). A child process gives every crawl a fresh
Twisted reactor (which cannot be restarted in-process), keeps pytest and the
scheduler free of reactor state, and makes a crawl killable like any process -
the crash-recovery tests rely on that. The child runs the feeds, sitemaps and
sections spiders side by side in one CrawlerProcess, sharing one run id.

``settings`` are Scrapy settings overrides (JSON-serialisable values), the plug
point for the monitoring and distributed (scrapy-redis) overlays.

The child dies with its parent: it watches the pid that started it and, once that
process is gone (``citywatch crawl`` or the scheduler SIGKILLed), stops as if sent
SIGTERM, so no orphan crawl outlives the process that holds its job lease.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from citywatch.config import PROJECT_ROOT, flag_threshold
from citywatch.config.sources import load_sources
from crawler.workers import die_with_parent

SPIDERS = ("feeds", "sitemaps", "sections")


# Exit statuses of ``citywatch crawl`` (and of ``python -m crawler.run`` where they apply).
EXIT_OK = 0  # the run finished and every source answered at least one request
EXIT_FAILED = 1  # bad input, or the crawl process failed (see `citywatch runs`)
EXIT_STORE = 2  # the store is unreachable, full or damaged (one line says which and what to do)
EXIT_INTERRUPTED = 3  # stopped before the end: SIGTERM, Ctrl-C, the crawl process killed
EXIT_UNREACHED = 4  # the run finished but some source could not be fetched at all
PARENT_GONE_GRACE_SECONDS = 60.0  # a crawl whose parent died gets this long to stop cleanly, then exits


class CrawlFailed(RuntimeError):
    """The crawl process did not end cleanly; ``exit_code`` is the status ``citywatch crawl`` exits with."""

    def __init__(self, message: str, run_id: str, exit_code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.run_id = run_id
        self.exit_code = exit_code


def spiders_for(sources_file: Path, only: list[str] | None) -> list[str]:
    sources = load_sources(sources_file, only)  # raises SourcesError before anything starts
    return [name for name in SPIDERS if any(getattr(s, name) for s in sources)]


def crawl_command(sources_file: Path, run_id: str, only: list[str] | None = None, since: date | None = None,
                  settings: Mapping[str, Any] | None = None) -> list[str]:
    """The child-process command line (also what tests kill with SIGKILL)."""
    command = [sys.executable, "-m", "crawler.run", "--sources", str(Path(sources_file).resolve()),
               "--run-id", run_id, "--parent", str(os.getpid())]
    if only:
        command += ["--only", ",".join(only)]
    if since:
        command += ["--since", since.isoformat()]
    if settings:
        command += ["--settings", json.dumps(dict(settings))]
    return command


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["SCRAPY_SETTINGS_MODULE"] = "crawler.settings"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(PROJECT_ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def spawn_crawl(command: list[str], **popen: Any) -> subprocess.Popen:
    """Start a crawl child (from :func:`crawl_command`) in the project root with the crawler's environment."""
    return subprocess.Popen(command, cwd=PROJECT_ROOT, env=child_env(), **popen)


def exit_code_after(returncode: int, stopping: bool) -> int:
    """The status ``citywatch crawl`` exits with for a crawl child that exited with ``returncode``."""
    if returncode in (EXIT_OK, EXIT_STORE, EXIT_INTERRUPTED):
        return returncode
    return EXIT_INTERRUPTED if stopping or returncode < 0 else EXIT_FAILED


def run_crawl(sources_file: Path, only: list[str] | None = None, since: date | None = None,
              settings: dict | None = None, after: Callable[[Any, str], Any] | None = None) -> str:
    """Run one crawl to the end and return its run id (see ``citywatch runs``); raise :class:`CrawlFailed`
    when the crawl process did not end cleanly (its run record is closed first, when the store allows).

    ``after(store, run_id)`` runs once the run is closed, however it ended: the
    command line passes the post-run monitors (``citywatch.scheduler.monitors``),
    which live above the crawler because they judge a run against the store's history.
    """
    from citywatch.store import StoreError, connect, translated
    from citywatch.store.runs import close_unfinished_run, new_run_id

    spiders_for(Path(sources_file), only)
    flag_threshold(os.environ)  # the child's settings read it: a bad value raises SettingError before anything starts
    with connect():  # an unreachable, full or damaged store is one line now, before any page is fetched
        pass
    if os.environ.get("CITYWATCH_REDIS_URL"):  # distributed: join the shared Redis round
        from crawler.distributed import distributed_settings

        settings = {**distributed_settings(), **(settings or {})}
    run_id = new_run_id()
    child = spawn_crawl(crawl_command(Path(sources_file), run_id, only, since, settings))
    stopping = False

    def pass_sigterm(signum: int, frame: Any) -> None:  # `kill <citywatch crawl>` stops the crawl cleanly
        nonlocal stopping
        stopping = True
        child.send_signal(signal.SIGTERM)

    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, pass_sigterm) if in_main_thread else None
    try:
        returncode = child.wait()
    except KeyboardInterrupt:  # the child got the same Ctrl-C and is closing the run as interrupted
        stopping = True
        returncode = child.wait()
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous)
    code = exit_code_after(returncode, stopping)
    try:
        with connect() as store, translated(store.location):
            if returncode != 0:
                close_unfinished_run(store, run_id, returncode, stopping or returncode == EXIT_INTERRUPTED,
                                     {"sources_file": str(sources_file)})
            if after is not None:
                _after_run(after, store, run_id)
    except StoreError:
        if code != EXIT_STORE:  # the crawl gave up on the store and said why in one line: nothing to add
            raise
    if code != EXIT_OK:
        how = f"killed by signal {-returncode}" if returncode < 0 else f"exit status {returncode}"
        raise CrawlFailed(f"crawl {run_id} did not finish ({how}); see `citywatch runs --show {run_id}`", run_id,
                          code)
    return run_id


def _after_run(after: Callable[[Any, str], Any], store: Any, run_id: str) -> None:
    """Post-run work never fails the crawl: a broken alert channel must not turn a good crawl into an error.
    A store that fails under it is another matter (a full disk): that is the store's one line, not a traceback."""
    from citywatch.store import STORE_FAILURES

    try:
        after(store, run_id)
    except STORE_FAILURES:
        raise
    except Exception:
        logging.getLogger(__name__).exception("post-run work on run %s failed", run_id)


def apply_overrides(settings: Any, overrides: Mapping[str, Any]) -> None:
    """Set overrides; component tables (EXTENSIONS, ITEM_PIPELINES, ...) are merged, not replaced,
    so an overlay adding Spidermon or scrapy-redis keeps citywatch's own components."""
    from scrapy.settings import BaseSettings

    for name, value in overrides.items():
        current = settings.get(name)
        if isinstance(current, BaseSettings) and isinstance(value, Mapping):
            value = {**current.copy_to_dict(), **value}
        settings.set(name, value, priority="cmdline")


def crawl_in_this_process(sources_file: Path, run_id: str, only: list[str] | None, since: str | None,
                          overrides: Mapping[str, Any]) -> int:
    """Run the spiders to their end; the exit status that says how it ended (:func:`exit_status`)."""
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    names = spiders_for(sources_file, only)
    logging.raiseExceptions = False  # a log file on a full disk must not print a traceback per line
    settings = get_project_settings()
    log_file = Path(os.environ.get("CITYWATCH_DATA_DIR") or PROJECT_ROOT / "var") / "logs" / f"{run_id}.log"
    settings.set("LOG_FILE", str(log_file), priority="project")  # where `citywatch runs` looks for the log
    settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="project")  # install_run_log does, once
    settings.set("CITYWATCH_RUN_ID", run_id, priority="cmdline")
    settings.set("CITYWATCH_RUN_SPIDERS", ",".join(names), priority="cmdline")
    apply_overrides(settings, overrides)
    process = CrawlerProcess(settings)
    install_run_log(log_file, settings)
    crawlers = [process.create_crawler(name) for name in names]
    for crawler in crawlers:
        process.crawl(crawler, sources=str(sources_file), only=only, since=since, run_id=run_id)
    gc.freeze()  # the imported libraries stay forever: keep them out of every garbage collection
    try:
        process.start()
    finally:
        from crawler.singletons import close_store_thread

        close_store_thread()
    from crawler.singletons import store_gave_up

    reasons = {crawler.stats.get_value("finish_reason") for crawler in crawlers}
    return exit_status(store_gave_up(), process.bootstrap_failed, reasons)


def exit_status(store_gave_up: bool, bootstrap_failed: bool, reasons: set[str | None]) -> int:
    """The crawl process's exit status from how its spiders closed, as the run record judges them
    (``crawler.runrecord``): all ``finished`` is 0, a ``shutdown`` (SIGTERM, Ctrl-C, the parent gone)
    is interrupted, the store given up on is 2, anything else (a spider that failed to start,
    ``lease_lost``) failed."""
    if store_gave_up:
        return EXIT_STORE
    if bootstrap_failed or reasons - {"finished", "shutdown"}:
        return EXIT_FAILED
    return EXIT_INTERRUPTED if "shutdown" in reasons else EXIT_OK


class RunLog(logging.FileHandler):
    """The crawl's log file, which a full disk costs lines but never the crawl's end.

    ``logging`` drops a line it cannot write (``raiseExceptions`` off), but ``FileHandler.flush``
    and ``close`` let the disk's ``OSError`` through: Scrapy's own handler raised it when the
    next spider's crawler replaced the handler, and the crawl died with a traceback instead of
    ending with its one line and exit status. This handler is installed once, for the process.
    """

    def flush(self) -> None:
        with contextlib.suppress(OSError):
            super().flush()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            super().close()


def install_run_log(path: Path, settings: Any) -> None:
    """The root log handler Scrapy would install (format, level), as a :class:`RunLog`; without a log
    file when the disk cannot even hold an empty one (the run record and stderr still tell the outcome)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RunLog(path, encoding=settings.get("LOG_ENCODING"))
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter(settings.get("LOG_FORMAT"), settings.get("LOG_DATEFORMAT")))
    handler.setLevel(settings.get("LOG_LEVEL"))
    logging.root.setLevel(logging.NOTSET)  # the handler's level decides, as with Scrapy's handler
    logging.root.addHandler(handler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawler.run", description=__doc__.split("\n")[0])
    parser.add_argument("--sources", type=Path, required=True)
    parser.add_argument("--run-id", required=True)
    parser.add_argument("--only", default=None, help="comma-separated source ids")
    parser.add_argument("--since", default=None, help="ISO date: skip entries published before it")
    parser.add_argument("--settings", default="{}", help="JSON object of Scrapy settings overrides")
    parser.add_argument("--parent", type=int, default=None, help="pid of the starting process: stop when it dies")
    args = parser.parse_args(argv)
    only = [s for s in args.only.split(",") if s] if args.only else None
    if args.parent is not None:
        die_with_parent(args.parent, _stop_orphan)
    return crawl_in_this_process(args.sources, args.run_id, only, args.since, json.loads(args.settings))


def _stop_orphan() -> None:
    """The parent died: stop like on SIGTERM (in-flight work is stored, the run closed), and surely exit soon."""
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(PARENT_GONE_GRACE_SECONDS)
    os._exit(EXIT_INTERRUPTED)


if __name__ == "__main__":
    sys.exit(main())
