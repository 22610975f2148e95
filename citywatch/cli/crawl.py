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
    lines = [f"run {run['_id']}: {run.get('status')}{took} - {t['requests']} requests, {t['stored']} stored, "
             f"{t['dropped']} dropped, {t['errors']} errors"]
    for source_id, c in sorted((run.get("sources") or {}).items()):
        statuses = " ".join(f"{k}:{v}" for k, v in sorted((c.get("responses") or {}).items()))
        problems = {**(c.get("dropped") or {}), **(c.get("errors") or {})}
        detail = ", ".join(f"{k} {v}" for k, v in sorted(problems.items()))
        lines.append(f"  {source_id:<18} req {c.get('requests', 0):>4}  stored {c.get('stored', 0):>4}  "
                     f"[{statuses}]{'  ' + detail if detail else ''}")
    return lines


@click.command()
@click.option("--sources", "sources_file", type=click.Path(path_type=Path), default=DEFAULT_SOURCES,
              show_default=True, help="Source registry (YAML).")
@click.option("--only", multiple=True, metavar="ID", help="Crawl only this source (repeatable).")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Skip feed/sitemap entries published before this date.")
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE",
              help="Scrapy setting override, e.g. -s DOWNLOAD_DELAY=2 (value parsed as JSON when it can be).")
@click.option("--quiet", is_flag=True, help="No progress lines while crawling.")
def crawl(sources_file: Path, only: tuple[str, ...], since, overrides: tuple[str, ...], quiet: bool) -> None:
    """Crawl the chosen sources once: fetch new articles, extract, detect language, tag, store."""
    from citywatch.config.sources import SourcesError
    from citywatch.scheduler.monitors import monitor_run
    from citywatch.store import connect
    from citywatch.store.runs import get_run
    from crawler.run import CrawlFailed, run_crawl

    settings = parse_settings(overrides)
    if not quiet:
        settings.setdefault("CITYWATCH_PROGRESS", True)
    since_date: date | None = since.date() if since else None
    try:
        run_id = run_crawl(sources_file, list(only) or None, since_date, settings, after=monitor_run)
    except (SourcesError, CrawlFailed) as exc:
        raise click.ClickException(str(exc)) from None
    with connect() as store:
        run = get_run(store, run_id)
    for line in summary_lines(run or {"_id": run_id}):
        click.echo(line)


COMMANDS = [crawl]
