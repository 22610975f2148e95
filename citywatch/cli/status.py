"""``citywatch status``: what the installation is doing - last run per source, next runs, store, review queue."""

from __future__ import annotations

from pathlib import Path

import click

from citywatch.cli.crawl import DEFAULT_SOURCES

RECENT_RUNS = 200  # runs scanned (newest first) for each source's last run


def last_runs(store, source_ids: list[str]) -> dict[str, dict]:
    """Each source's newest run among the last RECENT_RUNS: run id, status, start, stored, errors."""
    from citywatch.scheduler.monitors import run_sources

    found: dict[str, dict] = {}
    wanted = set(source_ids)
    for run in store.runs.find({}, {"sources": 1, "source_ids": 1, "spiders": 1, "status": 1, "started_at": 1,
                                    "failures": 1}).sort("started_at", -1).limit(RECENT_RUNS):
        for source_id, counters in run_sources(run).items():
            if source_id in wanted and source_id not in found:
                errors = counters.get("errors") or {}
                found[source_id] = {
                    "run": run["_id"], "status": run.get("status"), "started_at": run.get("started_at"),
                    "stored": int(counters.get("stored", 0)), "errors": int(sum(errors.values())),
                    "failures": [f["check"] for f in run.get("failures") or [] if f.get("source") == source_id],
                }
        if len(found) == len(wanted):
            break
    return found


@click.command()
@click.option("--sources", "sources_file", type=click.Path(path_type=Path), default=DEFAULT_SOURCES,
              show_default=True, help="Source registry (YAML).")
@click.option("--config", "config_file", type=click.Path(path_type=Path), default=None,
              help="Operations config (for the default schedule).")
def status(sources_file: Path, config_file: Path | None) -> None:
    """Last run per source, next scheduled runs, running jobs, store counts and review queue size."""
    from citywatch.config.operations import OpsConfigError, load_config
    from citywatch.config.sources import SourcesError
    from citywatch.review.queue import pending_count
    from citywatch.scheduler.jobs import ScheduleError, next_fire, plan_jobs
    from citywatch.scheduler.lock import live_locks
    from citywatch.store import connect

    try:
        config = load_config(config_file)
        jobs = plan_jobs(sources_file, config["schedule"]["default"])
    except (SourcesError, OpsConfigError, ScheduleError) as exc:
        raise click.ClickException(str(exc)) from None
    tz = config["schedule"]["timezone"]
    with connect() as store:
        click.echo(store.describe())
        counts = store.counts()
        click.echo("counts: " + ", ".join(f"{name} {n}" for name, n in counts.items()))
        click.echo(f"review queue: {pending_count(store)} flagged mention(s) awaiting review")
        click.echo("jobs:")
        # distributed mode locks per machine ("default@host"); any machine running the job counts
        running = {lease["job"].split("@")[0]: lease for lease in live_locks(store)}
        for job in jobs:
            state = f"running on {running[job.name]['owner']}" if job.name in running else \
                f"next {next_fire(job.cron, timezone=tz):%Y-%m-%d %H:%M} UTC"
            click.echo(f"  {job.name:<22} {job.cron:<15} {state}  ({len(job.sources)} sources)")
        click.echo("last run per source:")
        last = last_runs(store, [s for job in jobs for s in job.sources])
        for job in jobs:
            for source_id in job.sources:
                info = last.get(source_id)
                if info is None:
                    click.echo(f"  {source_id:<18} never crawled")
                    continue
                flags = f"  ALERTS {', '.join(info['failures'])}" if info["failures"] else ""
                click.echo(f"  {source_id:<18} {info['started_at']:%Y-%m-%d %H:%M} {info['status']:<11} "
                           f"stored {info['stored']:>4}  errors {info['errors']:>3}  run {info['run']}{flags}")


COMMANDS = [status]
