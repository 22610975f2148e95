"""Exports: one row per city as CSV, JSON or Parquet, byte-identical for the same data and config.

Nothing in an export depends on when it was written: the snapshot's computation
time stays in the ``scores`` collection. Metadata (period, data window, config
and its hash, totals, tagger versions, coverage) goes inside the JSON, and in a
sidecar ``FILE.meta.json`` beside CSV and Parquet.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scoring.api import Result

FORMATS = ("csv", "json", "parquet")
COLUMNS = ("rank", "city", "adcode", "province", "articles", "stories", "weighted_mentions", "attention_share",
           "gov_refs", "org_refs", "index", "ci_low", "ci_high", "rank_ci_low", "rank_ci_high", "prev_rank",
           "rank_change", "sources", "countries", "country_codes")


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


def _csv(rows: list[dict[str, Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _parquet(rows: list[dict[str, Any]], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"city": pa.string(), "adcode": pa.string(), "province": pa.string(), "country_codes": pa.string(),
             "weighted_mentions": pa.float64(), "attention_share": pa.float64(), "index": pa.float64(),
             "ci_low": pa.float64(), "ci_high": pa.float64()}
    schema = pa.schema([(c, types.get(c, pa.int64())) for c in COLUMNS])
    table = pa.Table.from_pylist([{c: r.get(c) for c in COLUMNS} for r in rows], schema=schema)
    pq.write_table(table, path, compression="zstd", write_statistics=True)


def write_export(result: Result, fmt: str, path: Path | str) -> list[Path]:
    """Write ``path`` (and its sidecar for CSV/Parquet); returns the files written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = [{c: r.get(c) for c in COLUMNS} for r in result.rows]
    if fmt == "json":
        path.write_bytes(_json({"meta": result.meta, "columns": list(COLUMNS), "rows": rows}))
        return [path]
    if fmt == "csv":
        path.write_bytes(_csv(rows))
    else:
        _parquet(rows, path)
    sidecar = path.with_name(path.name + ".meta.json")
    sidecar.write_bytes(_json({**result.meta, "columns": list(COLUMNS)}))
    return [path, sidecar]
