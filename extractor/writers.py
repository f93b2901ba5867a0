"""Writers: the three tables to CSV, Parquet or JSON Lines, the format taken from the extension."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .errors import ExtractorError
from .table import SCHEMAS, arrow_schema, enforce

FORMATS = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl"}


class OutputError(ExtractorError, ValueError):
    stage = "write"


def output_format(path: str | os.PathLike) -> str:
    p = str(path)
    if p.endswith(os.sep) or p.endswith("/") or (os.path.isdir(p)):
        return "dataset"
    ext = Path(p).suffix.lower()
    if ext in (".duckdb", ".ddb", ".db"):
        return "duckdb"
    if ext not in FORMATS:
        raise OutputError(f"unknown output format {ext or '(none)'!r} for {p}: use .csv, .parquet, .jsonl, "
                          ".duckdb or a directory/")
    return FORMATS[ext]


def companion_paths(path: str | os.PathLike) -> dict[str, Path]:
    """events.csv → events.csv, events.filings.csv, events.errors.csv."""
    p = Path(path)
    stem, ext = p.name[: -len(p.suffix)] if p.suffix else p.name, p.suffix
    return {"events": p, "filings": p.with_name(f"{stem}.filings{ext}"), "errors": p.with_name(f"{stem}.errors{ext}")}


def _write_one(df: pd.DataFrame, path: Path, fmt: str, schema) -> None:
    df = enforce(df, schema)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    if fmt == "csv":
        df.to_csv(tmp, index=False)
    elif fmt == "jsonl":
        df.to_json(tmp, orient="records", lines=True, force_ascii=False)
    elif fmt == "parquet":
        table = pa.Table.from_pandas(df, schema=arrow_schema(schema), preserve_index=False)
        pq.write_table(table, tmp)
    os.replace(tmp, path)


def write_tables(tables: dict[str, pd.DataFrame], path: str | os.PathLike) -> dict[str, Path]:
    """Write events (at ``path``) and the filings and errors tables beside it."""
    fmt = output_format(path)
    if fmt in ("duckdb", "dataset"):
        from .store import write_store
        return write_store(tables, path, fmt)
    paths = companion_paths(path)
    for name, df in tables.items():
        _write_one(df, paths[name], fmt, SCHEMAS[name])
    return paths
