"""``citywatch sources``: list and check the source registry."""

from __future__ import annotations

from pathlib import Path

import click

from citywatch.cli.crawl import DEFAULT_SOURCES

_sources_option = click.option("--sources", "sources_file", type=click.Path(path_type=Path),
                               default=DEFAULT_SOURCES, show_default=True, help="Source registry (YAML).")


def _load(sources_file: Path, only: tuple[str, ...] = ()):
    from citywatch.config.sources import SourcesError, load_sources

    try:
        return load_sources(sources_file, list(only) or None)
    except SourcesError as exc:
        raise click.ClickException(str(exc)) from None


@click.group()
def sources() -> None:
    """The outlets citywatch crawls (citywatch/config/sources.yaml)."""


@sources.command("list")
@_sources_option
def list_sources(sources_file: Path) -> None:
    """Validate the registry and list its sources."""
    chosen = _load(sources_file)
    for s in chosen:
        click.echo(f"{s.id:<18} {s.country} {s.language:<3} w={s.weight:<4g} feeds {len(s.feeds)} "
                   f"sitemaps {len(s.sitemaps)} sections {len(s.sections)}  {s.name}")
    click.echo(f"{len(chosen)} sources, {len({s.country for s in chosen})} countries, "
               f"{len({s.language for s in chosen})} languages")


@sources.command()
@_sources_option
@click.option("--only", multiple=True, metavar="ID", help="Check only this source (repeatable).")
@click.option("--timeout", type=float, default=15.0, show_default=True, help="Seconds per address.")
def check(sources_file: Path, only: tuple[str, ...], timeout: float) -> None:
    """Fetch every feed, sitemap and section address and say whether it answers and parses (needs network)."""
    from crawler import settings
    from crawler.check import check_sources

    bad = 0
    for result in check_sources(_load(sources_file, only), settings.USER_AGENT, timeout):
        bad += not result.ok
        mark = "ok  " if result.ok else "FAIL"
        click.echo(f"{mark} {result.source_id:<18} {result.kind:<8} {result.url}  ({result.detail})")
    if bad:
        raise click.ClickException(f"{bad} address(es) failed")


COMMANDS = [sources]
