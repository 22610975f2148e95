"""Exports: one row per city (or, with evidence, per counted article and city) as CSV, JSON or Parquet.

Nothing in an export depends on when it was written: the snapshot's computation
time stays in the ``scores`` collection, so the same data and config give
byte-identical files. Metadata (period, data window, config and its hash,
totals, tagger versions, coverage, warnings) goes inside the JSON, and in a
sidecar ``FILE.meta.json`` beside CSV and Parquet.

Files are written atomically: data and sidecar go to temporary files in the
target folder first and are renamed into place only when both are complete,
so a full device or a killed process leaves the previous export (or nothing),
never half a file or data without its metadata.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scoring.ranking import Result

FORMATS = ("csv", "json", "parquet")
COLUMNS = ("band_rank", "rank_band", "place", "rank", "city", "adcode", "province", "articles", "stories",
           "weighted_mentions", "attention_share", "gov_refs", "org_refs", "index", "place_index", "ci_low", "ci_high",
           "rank_ci_low", "rank_ci_high", "prev_rank", "rank_change", "sources", "countries", "country_codes")
EVIDENCE_COLUMNS = ("city", "adcode", "url", "outlet", "country", "language", "published", "title", "label",
                    "reviewed_by", "mentions", "prominent", "article_weight", "share_weight", "cluster", "wire_copy")
TEXT_COLUMNS = frozenset({"rank_band", "city", "adcode", "province", "country_codes", "url", "outlet", "country", "language",
                          "published", "title", "label", "reviewed_by", "cluster"})
FLOAT_COLUMNS = frozenset({"weighted_mentions", "attention_share", "index", "place_index", "ci_low", "ci_high", "article_weight",
                           "share_weight"})


class ExportError(OSError):
    """An export could not be written (unwritable folder, full device); the message names the file."""


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


def csv_bytes(rows: list[dict[str, Any]], columns: Sequence[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _parquet(rows: list[dict[str, Any]], columns: Sequence[str]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    def kind(column: str) -> Any:
        if column in TEXT_COLUMNS:
            return pa.string()
        if column in FLOAT_COLUMNS:
            return pa.float64()
        return pa.bool_() if column in ("prominent", "wire_copy") else pa.int64()

    schema = pa.schema([(c, kind(c)) for c in columns])
    table = pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows], schema=schema)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd", write_statistics=True)
    return bytes(sink.getvalue().to_pybytes())


def write_atomically(files: Sequence[tuple[Path, Callable[[], bytes]]]) -> list[Path]:
    """Write every ``(path, content)`` to a temporary file beside it, then rename them all into place.

    Any failure removes the temporary files and raises :class:`ExportError`
    naming the file; nothing is renamed unless every file was written and synced.
    """
    temps: list[tuple[str, Path]] = []
    current = files[0][0]
    try:
        for path, content in files:
            current = path
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            temps.append((temp, path))
            with os.fdopen(fd, "wb") as handle:
                handle.write(content())
                handle.flush()
                os.fsync(handle.fileno())
        for temp, path in reversed(temps):  # the data file last: a sidecar never describes data that is not there
            current = path
            os.replace(temp, path)
    except OSError as exc:
        for temp, _ in temps:
            if os.path.exists(temp):
                os.unlink(temp)
        raise ExportError(f"cannot write {current}: {exc.strerror or exc}") from None
    return [path for path, _ in files]


def write_export(result: Result, fmt: str, path: Path | str, evidence: bool = False) -> list[Path]:
    """Write ``path`` (and its sidecar for CSV/Parquet); returns the files written.

    ``evidence`` writes one row per counted article and city (``result.evidence``)
    instead of one row per city.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    if evidence and result.evidence is None:
        raise ValueError("the result was computed without evidence")
    path = Path(path)
    columns = EVIDENCE_COLUMNS if evidence else COLUMNS
    rows = [{c: r.get(c) for c in columns} for r in (result.evidence or [] if evidence else result.rows)]
    if fmt == "json":
        return write_atomically([(path, lambda: _json({"meta": result.meta, "columns": list(columns), "rows": rows}))])
    sidecar = path.with_name(path.name + ".meta.json")
    data = (lambda: csv_bytes(rows, columns)) if fmt == "csv" else (lambda: _parquet(rows, columns))
    return write_atomically([(path, data), (sidecar, lambda: _json({**result.meta, "columns": list(columns)}))])
