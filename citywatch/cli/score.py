"""``citywatch score``, ``export`` and ``report``: the media-presence index per period."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

SLICE_HELP = "Repeatable; restricts the score to these"


def _period_options(func: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--period", help="2026-W40, 2026-09, 2026-Q3 or 2026."),
        click.option("--from", "first", metavar="DATE", help="First day (YYYY-MM-DD), with --to."),
        click.option("--to", "last", metavar="DATE", help="Last day, inclusive (YYYY-MM-DD), with --from."),
        click.option("--source", "sources", multiple=True, help=f"{SLICE_HELP} source ids."),
        click.option("--country", "countries", multiple=True, help=f"{SLICE_HELP} outlet countries (GB, US, ...)."),
        click.option("--lang", "languages", multiple=True, help=f"{SLICE_HELP} article languages (en, fr, ...)."),
        click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
                     help="Scoring config (default citywatch/config/scoring.yaml)."),
        click.option("--sources-file", type=click.Path(dir_okay=False, path_type=Path),
                     help="Source registry for outlet weights (default: sources_file in the config)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _compute(period: str | None, first: str | None, last: str | None, sources: tuple[str, ...],
             countries: tuple[str, ...], languages: tuple[str, ...], config_path: Path | None,
             sources_file: Path | None, series: bool = False, save: bool = True, evidence: bool = False) -> Any:
    from citywatch.config.scoring import ConfigError, load_config
    from citywatch.store import connect
    from scoring.collect import Slice
    from scoring.periods import PeriodError, resolve
    from scoring.ranking import compute, score_period

    try:
        window = resolve(period, first, last)
        config = load_config(config_path, **({"sources_file": str(sources_file)} if sources_file else {}))
        where = Slice(sources, countries, languages)
        with connect() as store:
            steps = config.report_series_periods if series else 0
            result = score_period(store, window, config, where, series=steps, evidence=evidence) if save else \
                compute(store, window, config, where, series=steps, evidence=evidence)
    except (PeriodError, ConfigError) as exc:
        raise click.ClickException(str(exc)) from None
    for warning in result.meta["warnings"]:
        click.echo(f"warning: {warning['message']}", err=True)
    return result


def _written(write: Callable[[], Any]) -> Any:
    """Run an export or report writer; an unwritable path or a full device is one line and exit status 1."""
    from scoring.export import ExportError

    try:
        return write()
    except ExportError as exc:
        raise click.ClickException(str(exc)) from None


@click.command()
@_period_options
@click.option("--top", default=30, show_default=True, help="Rows to print.")
def score(top: int, **kwargs: Any) -> None:
    """Compute a period's city index and store it as a snapshot (collection `scores`)."""
    result = _compute(**kwargs)
    from scoring.report import ranking_table

    click.echo(ranking_table(result, top))
    click.echo(f"snapshot stored ({result.meta['period']}, config {result.meta['config_hash']})")


@click.command()
@_period_options
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "parquet"]), default="csv", show_default=True)
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="File to write.")
@click.option("--evidence", is_flag=True,
              help="One row per counted article and city (url, outlet, label after review, weight, cluster, ...).")
def export(fmt: str, out: Path, evidence: bool, **kwargs: Any) -> None:
    """Export one row per city (byte-identical for the same data and config); metadata in a sidecar .meta.json.

    Written atomically: the data and its metadata appear together or not at all.
    """
    from scoring.export import write_export

    result = _compute(save=False, evidence=evidence, **kwargs)
    for path in _written(lambda: write_export(result, fmt, out, evidence=evidence)):
        click.echo(f"wrote {path}")


@click.command()
@_period_options
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder to write.")
def report(out: Path, **kwargs: Any) -> None:
    """Write a self-contained HTML report (ranking with intervals, series, countries, gaps) into a folder.

    Beside index.html: evidence.html (each city's counted articles, linked from the tables) and evidence.csv.
    """
    from scoring.report import write_report

    result = _compute(series=True, save=False, evidence=True, **kwargs)
    click.echo(f"wrote {_written(lambda: write_report(result, out))}")


COMMANDS = [score, export, report]
