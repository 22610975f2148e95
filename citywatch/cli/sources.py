"""``citywatch sources``: list and check the source registry."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from citywatch.cli.crawl import DEFAULT_SOURCES
from citywatch.config import PROJECT_ROOT

if TYPE_CHECKING:
    from citywatch.config.sources import Registry, Source

sources_option = click.option("--sources", "sources_file", type=click.Path(path_type=Path),
                               default=DEFAULT_SOURCES, show_default=True, help="Source registry (YAML).")


def outlet_countries(sources_file: Path) -> dict[str, str]:
    """Each outlet's registry country, for tagging outside a crawl; an unreadable registry exits 2 with one line."""
    from citywatch.config.sources import SourcesError
    from citywatch.config.sources import outlet_countries as read

    try:
        return read(sources_file)
    except SourcesError as exc:
        raise _Unreadable(str(exc)) from None


class _Unreadable(click.ClickException):
    exit_code = 2  # the command could not run


def _registry(sources_file: Path) -> Registry:
    from citywatch.config.sources import SourcesError, load_registry

    try:
        return load_registry(sources_file)
    except SourcesError as exc:
        raise click.ClickException(str(exc)) from None


def _load(sources_file: Path, only: tuple[str, ...] = ()) -> list[Source]:
    from citywatch.config.sources import SourcesError, load_sources

    try:
        return load_sources(sources_file, list(only) or None)
    except SourcesError as exc:
        raise click.ClickException(str(exc)) from None


def _evidence(source: Source, url: str) -> str:
    records = source.evidence_for(url)
    if not records:
        return "no evidence"
    return "; ".join(f"{e.match} {e.list} {e.file}:{e.line}" if e.list else f"checked {e.checked}" for e in records)


@click.group()
def sources() -> None:
    """The outlets citywatch crawls (citywatch/config/sources.yaml)."""


def _last_check(doc: dict | None) -> str:
    if doc is None:
        return "never checked"
    line = f"{'ok' if doc['ok'] else 'FAIL'} {doc['checked_at']:%Y-%m-%d}: {doc['detail']}"
    if not doc["ok"] and doc.get("last_ok_at"):
        line += f"; last worked {doc['last_ok_at']:%Y-%m-%d}"
    return line


def _stored_checks(source_ids: list[str]) -> dict[str, dict]:
    from pymongo.errors import PyMongoError

    from citywatch.store import StoreError, connect
    from crawler.check import latest_checks

    try:
        with connect() as store:
            return latest_checks(store, source_ids)
    except (StoreError, PyMongoError) as exc:
        raise click.ClickException(f"cannot read the recorded checks: {exc}") from None


@sources.command("list")
@sources_option
@click.option("--unverified", is_flag=True, help="Only the addresses no evidence names exactly, with what is known.")
@click.option("--checks", is_flag=True, help="Every address with its latest `sources check` result from the store.")
@click.option("--strict", is_flag=True, help="Also check what a shipped registry needs (type, reach, site, "
                                             "evidence, domains); exit 1 on any problem.")
def list_sources(sources_file: Path, unverified: bool, checks: bool, strict: bool) -> None:
    """Validate the registry and list its sources (or, with --unverified / --checks, their addresses)."""
    from citywatch.config.sources import completeness_problems
    from crawler.check import check_id

    registry = _registry(sources_file)
    chosen = registry.sources
    if unverified or checks:
        rows = [(s, kind, url) for s in chosen for kind, url in s.addresses()
                if not unverified or url in s.unverified_urls]
        recorded = _stored_checks([s.id for s in chosen]) if checks else {}
        for s, kind, url in rows:
            last = f"  {_last_check(recorded.get(check_id(s.id, url)))}" if checks else ""
            click.echo(f"{s.id:<18} {kind:<8} {url}  ({_evidence(s, url)}){last}")
        click.echo(f"{len(rows)} {'unverified ' if unverified else ''}address(es) in {len({s.id for s, _, _ in rows})} "
                   f"source(s) (of {sum(len(s.urls) for s in chosen)} addresses)")
    else:
        for s in chosen:
            state = f"unverified {len(s.unverified_urls)}/{len(s.urls)}" if s.unverified_urls else "verified"
            click.echo(f"{s.id:<18} {s.country} {s.language:<3} {s.type or '-':<11} {s.reach or '-':<13} "
                       f"w={s.weight:<4g} feeds {len(s.feeds)} sitemaps {len(s.sitemaps)} sections {len(s.sections)}  "
                       f"{state:<14} {s.name}")
        click.echo(f"{len(chosen)} sources, {len({s.country for s in chosen})} countries, "
                   f"{len({s.language for s in chosen})} languages, "
                   f"{sum(not s.unverified_urls for s in chosen)} with every address verified")
    if strict:
        problems = completeness_problems(registry)
        for problem in problems:
            click.echo(f"{sources_file}: {problem}", err=True)
        if problems:
            raise click.ClickException(f"{len(problems)} problem(s) for a shipped registry")


@sources.command()
@sources_option
@click.option("--only", multiple=True, metavar="ID", help="Check only this source (repeatable).")
@click.option("--timeout", type=float, default=15.0, show_default=True, help="Seconds per address.")
@click.option("--report", type=click.Path(path_type=Path), default=None,
              help="Markdown report to write [default: out/sources-check-<UTC time>.md].")
@click.option("--no-store", is_flag=True, help="Do not record the results in the store.")
def check(sources_file: Path, only: tuple[str, ...], timeout: float, report: Path | None, no_store: bool) -> None:
    """Fetch every feed, sitemap and section address and say whether it answers and parses (needs network).

    Each result (HTTP status, content type, entries found, newest entry, redirects) is
    recorded in the store (collection source_checks) and in a Markdown report.
    """
    from crawler import settings
    from crawler.check import check_sources, record_checks, write_report

    results = []
    for result in check_sources(_load(sources_file, only), settings.USER_AGENT, timeout):
        results.append(result)
        mark = "ok  " if result.ok else "FAIL"
        click.echo(f"{mark} {result.source_id:<18} {result.kind:<8} {result.url}  ({result.detail})")
    report = report or PROJECT_ROOT / "out" / f"sources-check-{datetime.now(UTC):%Y%m%d-%H%M%S}.md"
    try:
        click.echo(f"report: {write_report(results, report, sources_file)}")
    except OSError as exc:
        raise click.ClickException(f"cannot write the report {report}: {exc.strerror}") from None
    if not no_store:
        from pymongo.errors import PyMongoError

        from citywatch.store import StoreError, connect

        try:
            with connect() as store:
                click.echo(f"recorded {record_checks(store, results)} result(s) in the store (source_checks)")
        except (StoreError, PyMongoError) as exc:
            raise click.ClickException(f"results not recorded in the store (the report has them): {exc}") from None
    bad = sum(not r.ok for r in results)
    if bad:
        raise click.ClickException(f"{bad} address(es) failed")


COMMANDS = [sources]
