"""Entry point of ``citywatch``.

Every module in this package that defines ``COMMANDS`` (a list of click commands
or groups) contributes them; a new capability adds its own module and never
edits this one. Modules keep heavy imports (spaCy, Scrapy) inside their command
functions so that ``citywatch --help`` stays fast.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import click

from citywatch import cli as commands
from citywatch.config import SettingError
from nlp.long_lived import long_lived


def _discover(group: click.Group) -> None:
    for module in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if module.name in {"main"} or module.name.startswith("_"):
            continue
        for command in getattr(importlib.import_module(f"citywatch.cli.{module.name}"), "COMMANDS", ()):
            group.add_command(command)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="citywatch")
def citywatch() -> None:
    """Measure how present each Chinese city is in foreign news: crawl, tag, review, score."""


with long_lived():  # the commands' modules live as long as the process: no garbage collection among them
    _discover(citywatch)


def main() -> None:
    """Run the CLI; known failures become one clear line and exit code 2, not a traceback."""
    try:
        citywatch.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except SettingError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:
        message = _store_failure(exc)
        if message is None:
            raise
        click.echo(f"error: {message}", err=True)
        sys.exit(2)


def _store_failure(exc: Exception) -> str | None:
    """One line for a store failure (the driver's or engine's own errors too), None for anything else.

    The store package is looked up in ``sys.modules`` rather than imported: a command
    that never opened the store cannot have failed in it, and importing it here would
    cost every command pymongo's and the engine's start-up (about 0.7 s).
    """
    errors = sys.modules.get("citywatch.store.errors")
    if errors is None or not isinstance(exc, errors.STORE_FAILURES):
        return None
    if isinstance(exc, errors.StoreError):
        return str(exc)
    from citywatch.store.connection import StoreConfig

    return str(errors.translate(exc, StoreConfig.from_env().location))
