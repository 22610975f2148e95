"""``citywatch users``: accounts for the review web app."""

from __future__ import annotations

import sys

import click


@click.group()
def users() -> None:
    """Manage reviewer and admin accounts."""


@users.command()
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(["reviewer", "admin"]))
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of stdin.")
def add(name: str, role: str, password_stdin: bool) -> None:
    """Create NAME (or reset its role and password); asks for the password unless --password-stdin."""
    from citywatch.review.accounts import add_user
    from citywatch.review.vocabulary import ReviewError
    from citywatch.store import connect

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    with connect() as store:
        try:
            add_user(store, name, role, password)
        except ReviewError as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(f"user {name} ({role}) saved")


COMMANDS = [users]
