"""``citywatch db``: set up and inspect the article store."""

from __future__ import annotations

from pathlib import Path

import click

from citywatch.store import connect


@click.group()
def db() -> None:
    """Set up and inspect the article store (MongoDB or the embedded default)."""


@db.command()
def init() -> None:
    """Create collections, indexes and (on MongoDB) the schema validator."""
    with connect(init=False) as store:
        store.init()
        click.echo(f"initialised {store.describe()}")


@db.command()
def status() -> None:
    """Say which store is in use (password hidden) and count each collection."""
    with connect() as store:
        click.echo(store.describe())
        for name, count in store.counts().items():
            click.echo(f"  {name:<10} {count:>10,}")


@db.command()
def check() -> None:
    """Check the embedded store file: SQLite's integrity check, then how much of each table reads back.

    Exits 0 when the file is sound, 2 when it is damaged (restore a backup: see docs/operations.md).
    """
    from citywatch.store import StoreDamaged
    from citywatch.store.maintenance import check as check_file
    from citywatch.store.maintenance import embedded_path

    report = check_file(embedded_path())
    click.echo(f"{report.path}: {'sound' if report.ok else 'DAMAGED'}")
    for problem in report.problems:
        click.echo(f"  integrity: {problem}")
    for table in report.tables:
        tail = f"  then: {table.error}" if table.error else ""
        click.echo(f"  {table.name:<28} {table.readable:>10,} readable{tail}")
    if not report.tables:
        click.echo("  no table is readable: the file's schema itself is damaged")
    if not report.ok:
        raise StoreDamaged(f"{report.path}: store file damaged: restore a backup (`citywatch db backup` makes them)")


@db.command()
@click.argument("destination", type=click.Path(path_type=Path))
def backup(destination: Path) -> None:
    """Copy the embedded store to DESTINATION (a new file or a folder) with SQLite's online backup API.

    Safe while crawls and the review app write; the copy is consistent and never half-written.
    """
    from citywatch.store.maintenance import backup as backup_file
    from citywatch.store.maintenance import embedded_path

    written = backup_file(embedded_path(), destination)
    click.echo(f"backed up to {written} ({written.stat().st_size:,} bytes)")


COMMANDS = [db]
