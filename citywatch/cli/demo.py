"""``citywatch demo``: the main job end to end on the embedded store, offline.

It serves the project's own sample site (demo_site/) on a free loopback port,
crawls it with the real spiders (extraction, language, dedup, tagging and
storage happen in the crawl's item pipelines), measures how much reviewing the
top queue groups would lower the flag rate, scores the period, and writes the
exports and the HTML report. The demo store lives in its own folder and is
emptied first, so every run starts from the same state and prints the same
ranking. Only a folder the demo created itself, marked by a ``.citywatch-demo``
file, is emptied: ``--data-dir var`` or any other folder without the mark is
refused, so a typo cannot wipe the real store. The bootstrap intervals can move
a little between runs: the article URLs carry the loopback server's free port,
and the seeded bootstrap orders stories by URL, so each run is, to it, slightly
different data.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import click

from citywatch.config import PROJECT_ROOT

MARKER = ".citywatch-demo"  # a folder holding this file is the demo's own store folder


def claim_data_dir(data_dir: Path) -> None:
    """Create ``data_dir`` empty and marked; a folder without the demo's mark (or a file, or a link) is refused."""
    if data_dir.is_symlink() or (data_dir.exists() and not (data_dir / MARKER).is_file()):
        raise click.ClickException(f"--data-dir {data_dir}: exists and is not a demo store folder (no {MARKER} file in it); "
                                   "the demo empties its folder, so give it a new path")
    try:
        if data_dir.exists():
            shutil.rmtree(data_dir)
        data_dir.mkdir(parents=True)
        (data_dir / MARKER).write_text("citywatch demo store: `citywatch demo` empties this folder at every run\n",
                                       encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"--data-dir {data_dir}: {exc.strerror}") from None


@click.command()
@click.option("--period", default="2026-Q3", show_default=True, help="Period to score and report.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=PROJECT_ROOT / "out" / "demo", show_default=True, help="Where exports and the report go.")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path),
              default=PROJECT_ROOT / "var" / "demo", show_default=True,
              help=f"The demo's own embedded store: a new folder, or one an earlier demo made (marked by {MARKER}); "
                   "emptied at the start.")
def demo(period: str, out_dir: Path, data_dir: Path) -> None:
    """Crawl the sample site on loopback, tag, store, score, export and report."""
    from citywatch.review.learned import measure_flag_rate
    from citywatch.scheduler.monitors import monitor_run
    from citywatch.store import connect
    from citywatch.store.runs import get_run
    from crawler.run import run_crawl
    from demo_site.server import SiteServer
    from demo_site.site import Site
    from scoring.ranking import run_period
    from scoring.report import ranking_table

    claim_data_dir(data_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    # The crawl runs in a child process that reads the same variables.
    os.environ.pop("CITYWATCH_MONGO_URI", None)
    os.environ["CITYWATCH_DATA_DIR"] = str(data_dir)

    with SiteServer(Site.sample()) as server:
        sources = server.site.write_sources(out_dir / "sources.yaml")
        click.echo(f"1/4 crawling the sample site at {server.base_url} ({sources})")
        run_id = run_crawl(sources, after=monitor_run)

    with connect() as store:
        run = get_run(store, run_id) or {}
        click.echo(f"    run {run_id}: {run.get('status', '?')}; store now holds {store.counts()['articles']} articles")
        click.echo("2/4 review queue: flag rate before and after deciding the top 20 groups")
        for line in measure_flag_rate(store, top=20).lines():
            click.echo(f"    {line}")
        click.echo(f"3/4 scoring {period}")
        result, paths = run_period(store, period, out_dir, sources_file=sources)
        click.echo(ranking_table(result, 15))
    click.echo("4/4 outputs")
    for kind, path in paths.items():
        click.echo(f"    {kind:<7} {path}")
    click.echo(f"review the demo's queue in a browser: export CITYWATCH_DATA_DIR={data_dir}; "
               "citywatch users add NAME --role admin; citywatch review serve")


COMMANDS = [demo]
