"""``citywatch db``: set up and inspect the article store."""

from __future__ import annotations

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


COMMANDS = [db]
