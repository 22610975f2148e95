"""``citywatch db``: set up and inspect the article store."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import click

from citywatch.store.location import StoreConfig, redact


@click.group()
def db() -> None:
    """Set up and inspect the article store (MongoDB or the embedded default)."""


@db.command()
def init() -> None:
    """Create collections, indexes and (on MongoDB) the schema validator."""
    from citywatch.store import connect

    with connect(init=False) as store:
        store.init()
        click.echo(f"initialised {store.describe()}")


@db.command()
def status() -> None:
    """Say which store is in use (password hidden) and count each collection.

    An existing embedded store is read with plain SQLite, read-only: no driver
    to import and no write lock to wait for while a crawl writes.
    """
    from citywatch.store.location import describe, embedded_counts

    config = StoreConfig.from_env()
    try:
        counts = embedded_counts(config)
    except sqlite3.Error as exc:  # damaged, not a database, locked for 30 s: one line naming the file
        from citywatch.store import translate

        raise translate(exc, config.location) from exc
    if counts is not None:
        click.echo(describe("embedded", config.location, config.db_name))
    else:
        from citywatch.store import connect

        with connect(config) as store:
            click.echo(store.describe())
            counts = store.counts()
    for name, n in counts.items():
        click.echo(f"  {name:<10} {n:>10,}")


@db.command()
@click.option("--to", "uri", required=True, metavar="URI", help="the target MongoDB (mongodb:// or mongodb+srv://)")
def migrate(uri: str) -> None:
    """Copy the whole store to a MongoDB; resumable (rerun after an interruption), verified by counts and hashes."""
    from citywatch.store import connect
    from citywatch.store.migrate import migrate as copy_store

    source_config = StoreConfig.from_env()
    if source_config.uri and redact(source_config.uri) == redact(uri):
        raise click.UsageError("--to names the store in use (CITYWATCH_MONGO_URI); give another MongoDB")
    with connect(source_config) as source, connect(replace(source_config, uri=uri)) as target:
        click.echo(f"copying {source.describe()} to {target.describe()}")
        results = copy_store(source, target, lambda name, n: click.echo(f"  {name}: {n:,} sent", err=True)
                             if n % 50_000 == 0 else None)
    failed = []
    for r in results:
        state = "verified" if r.verified else "MISMATCH"
        click.echo(f"  {r.collection:<22} {r.source_count:>10,} -> {r.target_count:>10,}  {state}"
                   f"  (sent {r.written:,} in this run)")
        if not r.verified:
            failed.append(r.collection)
    if failed:
        raise click.ClickException(f"copy differs from the source in {', '.join(failed)}: rerun `citywatch db migrate`")
    click.echo(f"all {len(results)} collections copied and verified; set CITYWATCH_MONGO_URI={redact(uri)} to use it")


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
