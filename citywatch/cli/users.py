"""``citywatch users``: accounts for the review web app.

A password change, ``disable`` and ``remove`` end the account's open sessions at
once (sessions live in the store, see :mod:`citywatch.review.accounts`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from citywatch.review.vocabulary import ReviewError

if TYPE_CHECKING:
    from citywatch.store import Store


def _password(name: str, from_stdin: bool) -> str:
    """The new password: the first line of stdin (UTF-8) or an interactive prompt typed twice."""
    if not from_stdin:
        return click.prompt(f"Password for {name}", hide_input=True, confirmation_prompt=True)
    raw = sys.stdin.buffer.readline()
    try:
        return raw.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as exc:
        raise click.ClickException(f"the password on stdin is not UTF-8 text (byte {exc.start + 1})") from None


@contextmanager
def _accounts() -> Iterator[Store]:
    """The store, with account errors (unknown name, policy) turned into one-line command errors."""
    from citywatch.store import connect

    with connect() as store:
        try:
            yield store
        except ReviewError as exc:
            raise click.ClickException(str(exc)) from None


_password_stdin = click.option("--password-stdin", is_flag=True, help="Read the password from the first line of stdin.")


@click.group()
def users() -> None:
    """Manage reviewer and admin accounts.

    Passwords: 8 to 256 characters, not containing the user name, not one of the
    30,000 most common passwords.
    """


@users.command()
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(["reviewer", "admin"]))
@_password_stdin
def add(name: str, role: str, password_stdin: bool) -> None:
    """Create NAME (or reset its role and password, enable it and end its sessions)."""
    from citywatch.review.accounts import add_user

    password = _password(name, password_stdin)
    with _accounts() as store:
        add_user(store, name, role, password)
    click.echo(f"user {name} ({role}) saved")


@users.command()
@click.argument("name")
@_password_stdin
def passwd(name: str, password_stdin: bool) -> None:
    """Change NAME's password; its open sessions end at once."""
    from citywatch.review.accounts import get_user, set_password

    with _accounts() as store:
        get_user(store, name)  # an unknown name fails before the password is asked
    password = _password(name, password_stdin)
    with _accounts() as store:
        set_password(store, name, password)
    click.echo(f"password of {name} changed; its sessions ended")


def _switch(name: str, done: str, action: Callable[[Store, str], None]) -> None:
    with _accounts() as store:
        action(store, name)
    click.echo(f"user {name} {done}")


@users.command()
@click.argument("name")
def disable(name: str) -> None:
    """Refuse NAME's logins and end its sessions (its decisions stay)."""
    from citywatch.review.accounts import set_disabled

    _switch(name, "disabled; its sessions ended", lambda store, n: set_disabled(store, n, True))


@users.command()
@click.argument("name")
def enable(name: str) -> None:
    """Let a disabled NAME log in again."""
    from citywatch.review.accounts import set_disabled

    _switch(name, "enabled", lambda store, n: set_disabled(store, n, False))


@users.command()
@click.argument("name")
def remove(name: str) -> None:
    """Delete NAME and end its sessions (its decisions stay in the history under its name)."""
    from citywatch.review.accounts import remove_user

    _switch(name, "removed; its sessions ended", remove_user)


@users.command("list")
def list_() -> None:
    """Every account: name, role, enabled or disabled, live sessions, created."""
    from citywatch.review.accounts import list_users

    with _accounts() as store:
        rows = list_users(store)
    for row in rows:
        created = row["created_at"].strftime("%Y-%m-%d") if row["created_at"] else "-"
        click.echo(f"{row['name']:<24} {row['role']:<9} {'disabled' if row['disabled'] else 'enabled':<9} "
                   f"{row['sessions']:>3} session(s)  created {created}")
    click.echo(f"{len(rows)} account(s)", err=True)


COMMANDS = [users]
