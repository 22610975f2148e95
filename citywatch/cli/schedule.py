"""``citywatch schedule``: run crawls on the registry's cron schedules until stopped (SIGTERM / Ctrl-C)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import click

from citywatch.cli.crawl import DEFAULT_SOURCES, parse_settings
from citywatch.config import flag_threshold


@click.command()
@click.option("--sources", "sources_file", type=click.Path(path_type=Path), default=DEFAULT_SOURCES,
              show_default=True, help="Source registry (YAML); each source's `schedule` is a cron expression.")
@click.option("--config", "config_file", type=click.Path(path_type=Path), default=None,
              help="Operations config (default schedule, lock, monitoring, alerts); "
                   "default: $CITYWATCH_OPS_CONFIG or citywatch/config/operations.yaml.")
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE",
              help="Scrapy setting override for every crawl, as in `citywatch crawl -s`.")
@click.option("--list", "list_only", is_flag=True, help="Show the planned jobs and their next run, then exit.")
def schedule(sources_file: Path, config_file: Path | None, overrides: tuple[str, ...], list_only: bool) -> None:
    """Run crawls on schedule: one job per cron group, never two runs of a job at once (store lock).

    Runs missed while the scheduler was down are made up by one run at start.
    SIGTERM or Ctrl-C lets running crawls finish their items in flight, records
    them as interrupted and exits.
    """
    from citywatch.config.operations import OpsConfigError, load_config
    from citywatch.config.sources import SourcesError
    from citywatch.scheduler.jobs import ScheduleError, next_fire
    from citywatch.scheduler.service import Scheduler

    flag_threshold(os.environ)  # every crawl's settings read it: a bad value stops here, not in each crawl
    try:
        config = load_config(config_file)
        service = Scheduler(sources_file, config, parse_settings(overrides))
    except (SourcesError, OpsConfigError, ScheduleError) as exc:
        raise click.ClickException(str(exc)) from None
    if list_only:
        for job in service.jobs:
            when = next_fire(job.cron, timezone=config["schedule"]["timezone"])
            click.echo(f"{job.name:<24} {job.cron:<16} next {when:%Y-%m-%d %H:%M} UTC  {', '.join(job.sources)}")
        return
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    click.echo(f"scheduling {len(service.jobs)} job(s) from {sources_file}; stop with SIGTERM or Ctrl-C", err=True)
    service.serve()
    click.echo("scheduler stopped", err=True)


COMMANDS = [schedule]
