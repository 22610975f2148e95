"""``citywatch crawl``: one crawl over the registry's sources, with progress and a summary."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from citywatch.config import DEFAULT_SOURCES


def parse_settings(values: tuple[str, ...]) -> dict:
    """``-s NAME=VALUE`` options as Scrapy settings overrides; values are JSON where they parse as JSON."""
    settings = {}
    for value in values:
        name, sep, raw = value.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{value!r} is not NAME=VALUE", param_hint="-s")
        try:
            settings[name] = json.loads(raw)
        except json.JSONDecodeError:
            settings[name] = raw
    return settings


def summary_lines(run: dict) -> list[str]:
    """The one-screen summary: run status, then one line per source."""
    from citywatch.store.runs import totals

    t = totals(run)
    started, ended = run.get("started_at"), run.get("ended_at")
    took = f" in {(ended - started).total_seconds():.0f} s" if started and ended else ""
    logged = int(run.get("logged_errors") or 0)
    lines = [f"run {run['_id']}: {run.get('status')}{took} - {t['requests']} requests, {t['stored']} stored, "
             f"{t['dropped']} dropped, {t['errors']} errors" + (f" ({logged} in the log)" if logged else "")]
    for source_id, c in sorted((run.get("sources") or {}).items()):
        statuses = " ".join(f"{k}:{v}" for k, v in sorted((c.get("responses") or {}).items()))
        problems = {**(c.get("dropped") or {}), **(c.get("errors") or {})}
        detail = ", ".join(f"{k} {v}" for k, v in sorted(problems.items()))
        lines.append(f"  {source_id:<18} req {c.get('requests', 0):>4}  stored {c.get('stored', 0):>4}  "
                     f"[{statuses}]{'  ' + detail if detail else ''}")
    return lines


EXIT_CODES_HELP = """
\b
Exit status:
  0  the run finished and every source answered at least one request
  1  bad input (registry, options), or the crawl process failed
  2  the store is unreachable, full or damaged (one line says which)
  3  interrupted: SIGTERM, Ctrl-C, or the crawl process was killed
  4  the run finished, but a source could not be fetched at all
"""


def exit_code(run: dict) -> int:
    """The exit status for a run the crawl process ended itself (see EXIT_CODES_HELP)."""
    from citywatch.store.runs import unreached_sources
    from crawler.run import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_UNREACHED

    status = run.get("status")
    if status == "interrupted":
        return EXIT_INTERRUPTED
    if status != "finished":
        return EXIT_FAILED
    return EXIT_UNREACHED if unreached_sources(run) else EXIT_OK


@click.command(epilog=EXIT_CODES_HELP)
@click.option("--sources", "sources_file", type=click.Path(path_type=Path), default=DEFAULT_SOURCES,
              show_default=True, help="Source registry (YAML).")
@click.option("--only", multiple=True, metavar="ID", help="Crawl only this source (repeatable).")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Skip feed/sitemap entries published before this date.")
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE",
              help="Scrapy setting override, e.g. -s DOWNLOAD_DELAY=2 (value parsed as JSON when it can be).")
@click.option("--quiet", is_flag=True, help="No progress lines while crawling.")
def crawl(sources_file: Path, only: tuple[str, ...], since, overrides: tuple[str, ...], quiet: bool) -> None:
    """Crawl the chosen sources once: fetch new articles, extract, detect language, tag, store.

    A summary follows the run (also `citywatch runs --show RUN_ID`); the exit status says how it ended.
    """
    from citywatch.config.sources import SourcesError
    from citywatch.scheduler.monitors import monitor_run, round_sources
    from citywatch.store import connect
    from citywatch.store.runs import get_run, unreached_sources
    from crawler.run import EXIT_STORE, CrawlFailed, run_crawl

    settings = parse_settings(overrides)
    if not quiet:
        settings.setdefault("CITYWATCH_PROGRESS", True)
    since_date: date | None = since.date() if since else None
    try:
        run_id = run_crawl(sources_file, list(only) or None, since_date, settings, after=monitor_run)
        failed: CrawlFailed | None = None
    except SourcesError as exc:
        raise click.ClickException(str(exc)) from None
    except CrawlFailed as exc:
        if exc.exit_code == EXIT_STORE:  # the crawl said why in one line; the store cannot say more
            raise SystemExit(EXIT_STORE) from None
        run_id, failed = exc.run_id, exc
    with connect() as store:
        run = get_run(store, run_id) or {"_id": run_id}
        # In a distributed round the processes share one queue: a source one process never got a
        # request for may have been fetched by another, so it is judged over the whole round.
        round_counters = round_sources(store, run_id)
    judged = run if round_counters is None else {**run, "sources": round_counters}
    for line in summary_lines(run):
        click.echo(line)
    if failed is not None:
        click.echo(f"error: {failed}", err=True)
        raise SystemExit(failed.exit_code)
    if unreached := unreached_sources(judged):
        click.echo(f"error: not fetched at all (every request failed): {', '.join(unreached)}", err=True)
    raise SystemExit(exit_code(judged))


COMMANDS = [crawl]
