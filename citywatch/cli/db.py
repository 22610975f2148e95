"""``citywatch db``: set up and inspect the article store."""

from __future__ import annotations

from dataclasses import replace

import click

from citywatch.store import StoreConfig, connect
from citywatch.store.connection import redact
from citywatch.store.migrate import migrate as copy_store


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
@click.option("--to", "uri", required=True, metavar="URI", help="the target MongoDB (mongodb:// or mongodb+srv://)")
def migrate(uri: str) -> None:
    """Copy the whole store to a MongoDB; resumable (rerun after an interruption), verified by counts and hashes."""
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


COMMANDS = [db]
