"""``citywatch ingest FILE``: store articles from JSON Lines (another crawler's output, a press database export)."""

from __future__ import annotations

from pathlib import Path

import click

from citywatch.cli.sources import outlet_countries, sources_option


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--batch-size", default=500, show_default=True, help="Articles tagged and written per batch.")
@sources_option
def ingest(file: Path, batch_size: int, sources_file: Path) -> None:
    """Check, deduplicate, tag (where no mentions are given), cluster and store the articles of FILE.

    One JSON object per line: url, source_id, title, text, published_at (ISO 8601;
    UTC when no offset), optional lang, cluster_id and mentions (each with start,
    end, label, city.adcode, optional review). A bad line is reported with its
    number and field and skipped; every good line is stored; the exit status is 1
    if any line was bad, 2 if the registry cannot be read. The registry gives the
    tagger each outlet's country, as in a crawl.
    """
    from citywatch.store import connect
    from scoring.ingest import ingest as run

    countries = outlet_countries(sources_file)
    with connect() as store, file.open(encoding="utf-8", errors="strict") as stream:
        try:
            report = run(store, stream, batch_size, countries)
        except UnicodeDecodeError as exc:
            raise click.ClickException(f"{file}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    for number, message in report.errors:
        click.echo(f"{file}:{number}: {message}", err=True)
    for number, first in report.duplicates:
        click.echo(f"{file}:{number}: url: same canonical URL as line {first}, skipped", err=True)
    click.echo(f"{report.read} lines: {report.stored} stored, {report.updated} updated, {report.unchanged} unchanged, "
               f"{len(report.duplicates)} duplicates, {len(report.errors)} rejected; "
               f"{report.tagged} tagged here, {report.clustered} in near-duplicate clusters")
    if report.errors:
        raise SystemExit(1)


COMMANDS = [ingest]
