"""``citywatch runs``: the crawl run records, newest first."""

from __future__ import annotations

import click


@click.command()
@click.option("--failed", is_flag=True, help="Only runs that failed, were interrupted or have monitoring failures.")
@click.option("--limit", type=int, default=20, show_default=True)
@click.option("--show", "run_id", metavar="RUN_ID", default=None, help="Per-source summary of one run.")
def runs(failed: bool, limit: int, run_id: str | None) -> None:
    """List crawl runs: status, duration, requests, stored articles, drops and errors."""
    from citywatch.cli.crawl import summary_lines
    from citywatch.store import connect
    from citywatch.store.runs import get_run, list_runs, totals

    with connect() as store:
        if run_id:
            run = get_run(store, run_id)
            if run is None:
                raise click.ClickException(f"no run {run_id}")
            for line in summary_lines(run):
                click.echo(line)
            for failure in run.get("failures") or []:
                click.echo(f"  FAILURE [{failure.get('check')}] {failure.get('message')}")
            return
        found = False
        for run in list_runs(store, failed=failed, limit=limit):
            found = True
            t = totals(run)
            started = run.get("started_at")
            click.echo(f"{run['_id']}  {run.get('status', '?'):<11} {started:%Y-%m-%d %H:%M}  "
                       f"req {t['requests']:>5}  stored {t['stored']:>5}  dropped {t['dropped']:>4}  "
                       f"errors {t['errors']:>4}" + (f"  failures {len(run['failures'])}" if run.get("failures") else ""))
        if not found:
            click.echo("no runs" + (" with failures" if failed else ""))


COMMANDS = [runs]
