"""``citywatch review``: the review queue from the command line, and the web app."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import click

from citywatch.review.vocabulary import ReviewError
from nlp.labels import LABELS


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise click.BadParameter("expected a date like 2026-01-31") from None


@click.group()
def review() -> None:
    """Review flagged mentions: serve the web app, list the queue, decide groups, export decisions."""


@review.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="A Host header to accept besides the bind address and localhost (the name users type); repeatable.")
@click.option("--forwarded-allow-ips", metavar="IPS",
              help="The reverse proxy (comma-separated addresses) whose X-Forwarded-For/-Proto are believed; "
                   "default: nobody's, the client address is the socket's.")
def serve(host: str, port: int, allowed_hosts: tuple[str, ...], forwarded_allow_ips: str | None) -> None:
    """Serve the review web app (log in at /login; create accounts with `citywatch users add`)."""
    from citywatch.review.web import ServeOptions
    from citywatch.review.web import serve as run

    run(ServeOptions(host, port, allowed_hosts, forwarded_allow_ips))


@review.command("list")
@click.option("--source", help="Only this source id.")
@click.option("--country", help="Only sources of this country (ISO code, e.g. GB).")
@click.option("--lang", help="Only articles in this language.")
@click.option("--city", help="Only mentions whose city or candidates include this adcode.")
@click.option("--label", type=click.Choice(LABELS), help="Only groups with this suggested label.")
@click.option("--since", callback=_day, help="Published on or after (YYYY-MM-DD).")
@click.option("--until", callback=_day, help="Published on or before (YYYY-MM-DD).")
@click.option("--limit", default=30, show_default=True, type=click.IntRange(1))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per group.")
def list_(limit: int, as_json: bool, **filters: Any) -> None:
    """The queue: groups of flagged mentions, highest impact first."""
    from citywatch.review.queue import QueueFilter, build_queue
    from citywatch.store import connect

    with connect() as store:
        try:
            built = build_queue(store, QueueFilter(**filters))
        except ReviewError as exc:
            raise click.ClickException(str(exc)) from None
    for g in built.groups[:limit]:
        row = {"group_key": g.key, "impact": round(g.impact, 2), "surface": g.surface, "label": g.label,
               "city": g.city, "candidates": sorted(g.candidates), "flagged": g.pending, "touches": g.touch,
               "articles": g.articles, "confidence": round(g.confidence, 3)}
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo(f"{row['impact']:>8.1f}  {g.pending:>5} flagged  {g.touch:>5} touched  "
                       f"{g.label:<11} {g.city or '-':<6}  {g.key}")
    if not as_json:
        click.echo(f"{len(built.groups)} groups, {built.pending_mentions} flagged mentions "
                   f"of {built.total_mentions}", err=True)


@review.command()
@click.argument("group_key")
@click.option("--label", required=True, type=click.Choice(LABELS), help="The decided label.")
@click.option("--city", help="Adcode of the decided city; 'none' for no city; default: keep the machine's.")
@click.option("--by", required=True, help="The account (existing, enabled) recorded with the decision.")
@click.option("--role", type=click.Choice(["reviewer", "admin"]), default="reviewer", show_default=True,
              help="admin (admin accounts only): overrides disagreeing decisions instead of opening a dispute.")
def decide(group_key: str, label: str, city: str | None, by: str, role: str) -> None:
    """Apply one decision to every undecided mention of GROUP_KEY (and remember it as a rule)."""
    from citywatch.review.accounts import active_user
    from citywatch.review.decisions import KEEP
    from citywatch.review.decisions import decide as run
    from citywatch.store import connect

    spec_city = KEEP if city is None else (None if city.lower() == "none" else city)
    with connect() as store:
        try:
            account = active_user(store, by)
            if role == "admin" and account["role"] != "admin":
                raise ReviewError(f"--by {by}: --role admin needs an admin account")
            outcome = run(store, group_key, label, spec_city, by=by, role=role)
        except ReviewError as exc:
            raise click.ClickException(str(exc)) from None
    if outcome.status == "disputed":
        click.echo(f"review {outcome.review_id}: disagrees with {', '.join(outcome.conflicts)}; sent to an admin")
    else:
        click.echo(f"review {outcome.review_id}: applied to {outcome.touched} mention(s)")


@review.command()
@click.argument("review_id")
@click.option("--by", required=True, help="The account (existing, enabled) that reverts, recorded in the history.")
def revert(review_id: str, by: str) -> None:
    """Revert a decision; its mentions fall back to what they had before."""
    from citywatch.review.accounts import active_user
    from citywatch.review.decisions import revert as run
    from citywatch.store import connect

    with connect() as store:
        try:
            active_user(store, by)
            restored = run(store, review_id, by=by)
        except ReviewError as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(f"reverted {review_id}: {restored} mention(s) restored")


@review.command()
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="JSON Lines file.")
def export(out: Path) -> None:
    """Every decision (with history and per-mention before/after) as JSON Lines."""
    from citywatch.review.export import export_reviews
    from citywatch.store import connect

    with connect() as store:
        try:
            n = export_reviews(store, out)
        except OSError as exc:
            raise click.ClickException(f"cannot write {out}: {exc.strerror}") from None
    click.echo(f"wrote {n} review(s) to {out}")


@review.command()
def learn() -> None:
    """Apply the learned rules (decided groups) to stored mentions tagged since the decisions."""
    from citywatch.review.learned import sweep
    from citywatch.store import connect

    with connect() as store:
        click.echo(f"{sweep(store)} mention(s) decided by learned rules")


@review.command("flag-rate")
@click.option("--top", default=20, show_default=True, type=click.IntRange(1), help="Groups the reviewer decides.")
@click.option("--answers", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Answer key, JSON Lines {url, surface, label, city[, start]}; default: accept the machine.")
def flag_rate(top: int, answers: Path | None) -> None:
    """Measure the flag rate before and after deciding the top groups (simulated; writes nothing)."""
    from citywatch.review.learned import measure_flag_rate, read_answer_key
    from citywatch.store import connect

    try:
        key = read_answer_key(answers) if answers else None
    except ReviewError as exc:
        raise click.ClickException(str(exc)) from None
    with connect() as store:
        report = measure_flag_rate(store, top, key)
    for line in report.lines():
        click.echo(line)


COMMANDS = [review]
