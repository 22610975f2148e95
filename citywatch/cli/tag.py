"""``citywatch tag``: tag Chinese-city mentions in JSON Lines, or re-tag the store."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING

import click

from citywatch.cli.sources import outlet_countries, sources_option
from citywatch.config import flag_threshold

if TYPE_CHECKING:
    from nlp import TaggerOptions

BATCH = 256  # lines per tagging call: the candidate sentences of a call share the parser's batches


def _records(stream: IO[bytes]) -> Iterator[tuple[int, dict | None, str | None]]:
    """(line number, record, error) per non-blank input line; a bad line is an error, not a stop.

    Lines are decoded one by one, so binary garbage costs only the lines it is on.
    """
    for number, raw in enumerate(stream, 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield number, None, f"not UTF-8 text (byte {exc.start + 1} of the line)"
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, None, f"invalid JSON ({exc.msg} at column {exc.colno})"
            continue
        except RecursionError:
            yield number, None, "invalid JSON (nested too deeply)"
            continue
        if not isinstance(record, dict):
            yield number, None, "expected a JSON object"
        elif not isinstance(record.get("text"), str):
            yield number, record, 'missing or non-string "text"'
        elif record.get("lang") is not None and not isinstance(record["lang"], str):
            yield number, record, '"lang" must be a string'
        elif record.get("country") is not None and not isinstance(record["country"], str):
            yield number, record, '"country" must be a string (the outlet\'s ISO country code)'
        elif record.get("title") is not None and not isinstance(record["title"], str):
            yield number, record, '"title" must be a string (the article\'s headline)'
        elif not _encodable(record):
            yield number, None, "a JSON string escape encodes an unpaired surrogate (not Unicode text)"
        else:
            yield number, record, None


def tagger_options(rules_only: bool = False) -> TaggerOptions:
    """The tagger's options for a command: rules only on request, the threshold of ``CITYWATCH_FLAG_THRESHOLD``."""
    from nlp import RULES_ONLY, TaggerOptions

    options = RULES_ONLY if rules_only else TaggerOptions()
    threshold = flag_threshold(os.environ)
    return options if threshold is None else replace(options, threshold=threshold)


def _encodable(record: dict) -> bool:
    try:
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def tag_stream(source: IO[bytes], sink: IO[str], batch: int = BATCH) -> tuple[int, int]:
    """Tag every line of ``source`` into ``sink``, in order; returns (tagged, errors)."""
    from nlp.long_lived import long_lived

    with long_lived():  # the tagger's modules are kept for the life of the process
        from nlp.pipeline import tag_docs

    options = tagger_options()

    pending: list[tuple[int, dict | None, str | None]] = []
    counts = [0, 0]

    def flush() -> None:
        good = [r for _, r, err in pending if err is None and r is not None]
        langs, mentions = tag_docs([r["text"] for r in good], [r.get("lang") for r in good], options,
                                   countries=[r.get("country") for r in good],
                                   titles=[r.get("title") for r in good]) if good else ([], [])
        results = iter(zip(langs, mentions, strict=True))
        for number, record, err in pending:
            ident = record.get("id") if isinstance(record, dict) else None
            if err is not None or record is None:
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
@click.option("--input", "input_", type=click.File("rb"), default="-", show_default="stdin",
              help='JSON Lines {"id", "text", "lang"?, "country"?, "title"?}, UTF-8.')
@click.option("--output", type=click.File("w", encoding="utf-8"), default="-", show_default="stdout",
              help='JSON Lines {"id", "lang", "mentions"}, one line per input line.')
@click.option("--retag", is_flag=True, help="Re-tag the stored articles instead (keeps reviewer decisions).")
@click.option("--all", "force", is_flag=True, help="With --retag: also articles already tagged by this version.")
@click.option("--batch-size", default=200, show_default=True, help="Articles per batch with --retag.")
@sources_option
def tag(input_: IO[bytes], output: IO[str], retag: bool, force: bool, batch_size: int, sources_file: Path) -> None:
    """Find Chinese-city mentions, link them to cities and label each mention.

    Labels: LITERAL, METONYMIC, ORG_PART, OTHER_PLACE, NOT_PLACE. Offsets are
    character offsets into the given text. A "title" (the headline, when it is
    not part of the text) is read as context for linking, not tagged. A bad input line (not UTF-8, not a
    JSON object, no "text") gets an "error" line in the output naming its line
    number and a message on stderr; the other lines are still tagged.

    \b
    Exit codes: 0 every line tagged; 1 some lines were bad (the others were
    tagged); 2 the command could not run (usage, unreadable file, store).
    """
    if retag:
        _retag(force, batch_size, outlet_countries(sources_file))
        return
    tagged, errors = tag_stream(input_, output)
    if errors:
        click.echo(f"tagged {tagged} lines, {errors} bad lines", err=True)
        raise click.exceptions.Exit(1)


def _retag(force: bool, batch_size: int, countries: dict[str, str]) -> None:
    from citywatch.store import connect
    from nlp import tag_texts, tagger_version
    from nlp.retag import retag_store

    options = tagger_options()
    version = tagger_version(options)
    with connect() as store:
        result = retag_store(store, partial(tag_texts, options=options), version, batch_size=batch_size, force=force,
                             on_batch=lambda r: click.echo(f"  {r.seen} articles...", err=True), countries=countries)
    click.echo(f"re-tagged {result.seen} articles with {version}: {result.changed} changed, "
               f"{result.version_only} unchanged, {result.reviews_kept} reviews kept, "
               f"{result.reviews_stale} reviews on stale mentions")


COMMANDS = [tag]
