"""``citywatch tag``: tag Chinese-city mentions in JSON Lines, or re-tag the store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO

import click

BATCH = 64


def _records(stream: IO[str]) -> Iterator[tuple[int, dict | None, str | None]]:
    """(line number, record, error) per non-blank input line; a bad line is an error, not a stop."""
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, None, f"invalid JSON ({exc.msg} at column {exc.colno})"
            continue
        if not isinstance(record, dict):
            yield number, None, "expected a JSON object"
        elif not isinstance(record.get("text"), str):
            yield number, record, 'missing or non-string "text"'
        elif record.get("lang") is not None and not isinstance(record["lang"], str):
            yield number, record, '"lang" must be a string'
        else:
            yield number, record, None


def tag_stream(source: IO[str], sink: IO[str], batch: int = BATCH) -> tuple[int, int]:
    """Tag every line of ``source`` into ``sink``, in order; returns (tagged, errors)."""
    from nlp.pipeline import tag_docs

    pending: list[tuple[int, dict | None, str | None]] = []
    counts = [0, 0]

    def flush() -> None:
        good = [(r["text"], r.get("lang")) for _, r, err in pending if err is None]
        langs, mentions = tag_docs([t for t, _ in good], [lang for _, lang in good]) if good else ([], [])
        results = iter(zip(langs, mentions, strict=True))
        for number, record, err in pending:
            ident = record.get("id") if isinstance(record, dict) else None
            if err is not None:
                click.echo(f"line {number}: {err}", err=True)
                sink.write(json.dumps({"id": ident, "line": number, "error": err}, ensure_ascii=False) + "\n")
                counts[1] += 1
                continue
            lang, found = next(results)
            sink.write(json.dumps({"id": ident, "lang": lang, "mentions": found},
                                  ensure_ascii=False) + "\n")
            counts[0] += 1
        sink.flush()
        pending.clear()

    for item in _records(source):
        pending.append(item)
        if len(pending) >= batch:
            flush()
    flush()
    return counts[0], counts[1]


@click.command()
@click.option("--input", "input_", type=click.File("r", encoding="utf-8"), default="-", show_default="stdin",
              help='JSON Lines {"id", "text", "lang"?}.')
@click.option("--output", type=click.File("w", encoding="utf-8"), default="-", show_default="stdout",
              help='JSON Lines {"id", "lang", "mentions"}, one line per input line.')
@click.option("--retag", is_flag=True, help="Re-tag the stored articles instead (keeps reviewer decisions).")
@click.option("--all", "force", is_flag=True, help="With --retag: also articles already tagged by this version.")
@click.option("--batch-size", default=200, show_default=True, help="Articles per batch with --retag.")
def tag(input_: IO[str], output: IO[str], retag: bool, force: bool, batch_size: int) -> None:
    """Find Chinese-city mentions, link them to cities and label each mention.

    Labels: LITERAL, METONYMIC, ORG_PART, OTHER_PLACE, NOT_PLACE. Offsets are
    character offsets into the given text. A bad input line gets an "error" line
    in the output and a message on stderr; the other lines are still tagged.
    """
    if retag:
        _retag(force, batch_size)
        return
    tagged, errors = tag_stream(input_, output)
    if errors:
        click.echo(f"tagged {tagged} lines, {errors} bad lines", err=True)


def _retag(force: bool, batch_size: int) -> None:
    from citywatch.store import connect
    from nlp import tag_texts, tagger_version
    from nlp.retag import retag_store

    version = tagger_version()
    with connect() as store:
        result = retag_store(store, tag_texts, version, batch_size=batch_size, force=force,
                             on_batch=lambda r: click.echo(f"  {r.seen} articles...", err=True))
    click.echo(f"re-tagged {result.seen} articles with {version}: {result.changed} changed, "
               f"{result.version_only} unchanged, {result.reviews_kept} reviews kept, "
               f"{result.reviews_stale} reviews on stale mentions")


COMMANDS = [tag]
