"""Writers: the three tables to CSV, Parquet, JSON Lines, a DuckDB store or a Parquet dataset.

The format is taken from the output path: ``.csv``, ``.parquet``, ``.jsonl`` (filings and
errors beside it), ``.duckdb`` or ``DIR/`` (see :mod:`extractor.store`). Every writer
streams: :meth:`TableWriter.write` is called once per chunk of filings (CSV and JSONL are
appended, Parquet gets a row group), and :meth:`TableWriter.close` moves the finished files
into place, so a run killed half-way leaves no half-written table under the output's name.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .errors import ExtractorError
from .table import SCHEMAS, arrow_schema, empty, enforce

FORMATS = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl"}
TABLES = ("events", "filings", "errors")


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


class TableWriter:
    """Streams chunks of the three tables to an output; subclasses per format."""

    def prefilter(self, stream: Iterable) -> Iterator:
        """Inputs to extract (a store turns the ones it already holds into skipped results)."""
        return iter(stream)

    def write(self, tables) -> None:  # tables: api.Tables or a mapping name -> DataFrame
        raise NotImplementedError

    def close(self) -> dict[str, Path]:
        raise NotImplementedError

    def abort(self) -> None:
        """Stop after a failure or an interrupt: finished chunks stay where the format allows."""


def _as_dict(tables) -> dict[str, pd.DataFrame]:
    return tables._asdict() if hasattr(tables, "_asdict") else dict(tables)


class FileWriter(TableWriter):
    """CSV / JSON Lines / Parquet files: events at the path, filings and errors beside it."""

    def __init__(self, path: str | os.PathLike, fmt: str):
        self.fmt = fmt
        self.paths = companion_paths(path)
        self.tmp = {n: p.with_name(p.name + ".tmp") for n, p in self.paths.items()}
        self.started: set[str] = set()
        self.handles: dict = {}
        for p in self.paths.values():
            p.parent.mkdir(parents=True, exist_ok=True)

    def _append(self, name: str, df: pd.DataFrame) -> None:
        schema = SCHEMAS[name]
        df = enforce(df, schema)
        first = name not in self.started
        if self.fmt == "parquet":
            if first:
                self.handles[name] = pq.ParquetWriter(self.tmp[name], arrow_schema(schema))
            if len(df) or first:
                self.handles[name].write_table(pa.Table.from_pandas(df, schema=arrow_schema(schema),
                                                                    preserve_index=False))
        else:
            if first:
                self.handles[name] = open(self.tmp[name], "w", encoding="utf-8", newline="")
            fh = self.handles[name]
            if self.fmt == "csv":
                if len(df) or first:
                    df.to_csv(fh, index=False, header=first)
            elif len(df):
                text = df.to_json(orient="records", lines=True, force_ascii=False)
                fh.write(text if text.endswith("\n") else text + "\n")
        self.started.add(name)

    def write(self, tables) -> None:
        for name, df in _as_dict(tables).items():
            self._append(name, df)

    def close(self) -> dict[str, Path]:
        for name in TABLES:
            if name not in self.started:
                self._append(name, empty(SCHEMAS[name]))
        for name, h in self.handles.items():
            h.close()
        self.handles = {}
        for name in TABLES:
            os.replace(self.tmp[name], self.paths[name])
        return self.paths

    def abort(self) -> None:
        close_quietly(self.handles.values())
        self.handles = {}
        for p in self.tmp.values():
            try:
                os.unlink(p)
            except OSError:
                pass


def close_quietly(handles: Iterable) -> None:
    """Close every handle of an aborted run; one that fails to close does not stop the rest."""
    for h in handles:
        try:
            h.close()
        except Exception:  # noqa: BLE001
            pass


def open_writer(path: str | os.PathLike, *, force: bool = False) -> TableWriter:
    """The streaming writer for ``path`` (format from the extension; ``DIR/`` a dataset)."""
    fmt = output_format(path)
    if fmt == "duckdb":
        from .store import DuckDBStore
        return DuckDBStore(path, force=force)
    if fmt == "dataset":
        from .store import DatasetWriter
        return DatasetWriter(path)
    return FileWriter(path, fmt)


def write_tables(tables: dict[str, pd.DataFrame], path: str | os.PathLike) -> dict[str, Path]:
    """Write events (at ``path``) and the filings and errors tables beside it, in one go."""
    w = open_writer(path)
    try:
        w.write(tables)
    except BaseException:
        w.abort()
        raise
    return w.close()
