"""Stores: a DuckDB database (``-o events.duckdb``) and a partitioned Parquet dataset (``-o DIR/``).

DuckDB store
    Tables ``filings`` (key ``source_file``), ``events`` (key ``event_id``) and ``errors``
    (key ``source_file``), the columns of :mod:`extractor.table` plus ``model_version``.
    Each chunk of results is committed in one transaction: its filings rows are upserted,
    its events upserted on ``event_id`` (the filing's stale events deleted), its errors
    replaced. A rerun skips an input whose ``source_file`` is stored as extracted with the
    same SHA-256 of content, extractor version and model version (counted ``skipped``; the
    stored rows are kept); ``force=True`` re-extracts everything. A run killed half-way
    keeps every committed chunk; rerunning finishes the rest, nothing lost, nothing doubled.

Parquet dataset
    ``DIR/events/``, ``DIR/filings/``, ``DIR/errors/``: Parquet part files
    (``part-00000.parquet`` ...; one row group per chunk) that
    ``duckdb.read_parquet('DIR/events/**/*.parquet', hive_partitioning=true)``,
    ``pandas.read_parquet('DIR/events')`` and Spark read directly. A run writes its parts
    under ``DIR/.run-ID/`` and swaps them in when it finishes: readers never see a half-run,
    and a run replaces the dataset of the run before it.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import uuid
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from . import __version__
from .table import SCHEMAS, arrow_schema, empty, enforce, failed_filing_row
from .writers import TABLES, TableWriter, _as_dict, close_quietly

_SQL_TYPE = {"string": "VARCHAR", "Int64": "BIGINT", "Float64": "DOUBLE"}
_KEYS = {"events": "event_id", "filings": "source_file", "errors": "source_file"}
#: inputs looked up in the store at a time when deciding what to skip
LOOKUP_BATCH = 1000


def _sha256_of(item) -> str | None:
    if item.data is not None:
        return hashlib.sha256(item.data).hexdigest()
    h = hashlib.sha256()
    try:
        with open(item.path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


class DuckDBStore(TableWriter):
    """The three tables in one DuckDB database file, upserted chunk by chunk."""

    def __init__(self, path: str | os.PathLike, *, force: bool = False, model_version: str | None = None):
        import duckdb

        from .engine import model_version as _mv

        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.force = force
        self.model_version = model_version or _mv()
        self.con = duckdb.connect(str(self.path))
        for name, schema in SCHEMAS.items():
            cols = ", ".join(f'"{c.name}" {_SQL_TYPE[c.dtype]}' for c in schema)
            self.con.execute(f'CREATE TABLE IF NOT EXISTS {name} ({cols}, model_version VARCHAR, '
                             f'PRIMARY KEY ("{_KEYS[name]}"))')
            # a store written by an older version: add the columns it lacks
            have = {r[0] for r in self.con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [name]).fetchall()}
            for c in schema:
                if c.name not in have:
                    self.con.execute(f'ALTER TABLE {name} ADD COLUMN "{c.name}" {_SQL_TYPE[c.dtype]}')

    # -- skipping what is stored
    def stored(self, source_files: list[str]) -> dict[str, str]:
        """source_file → sha256 of the inputs stored as extracted by this extractor and model."""
        if not source_files:
            return {}
        rows = self.con.execute(
            "SELECT source_file, sha256 FROM filings WHERE source_file IN (SELECT unnest(?)) "
            "AND status = 'extracted' AND extractor_version = ? AND model_version = ?",
            [source_files, __version__, self.model_version]).fetchall()
        return {s: h for s, h in rows if h}

    def prefilter(self, stream: Iterable) -> Iterator:
        if self.force:
            yield from stream
            return
        from .api import FileResult

        batch: list = []

        def flush():
            known = self.stored([x.source_file for x in batch if not isinstance(x, FileResult) and x.error is None])
            for x in batch:
                if not isinstance(x, FileResult) and x.source_file in known:
                    digest = _sha256_of(x)
                    if digest == known[x.source_file]:
                        yield FileResult(x.source_file, failed_filing_row(
                            x.source_file, status="skipped", sha256=digest, size=x.size))
                        continue
                yield x

        for x in stream:
            batch.append(x)
            if len(batch) >= LOOKUP_BATCH:
                yield from flush()
                batch = []
        yield from flush()

    # -- writing
    def _arrow(self, name: str, df: pd.DataFrame) -> pa.Table:
        schema = SCHEMAS[name]
        df = enforce(df, schema)
        df = df.drop_duplicates(subset=[_KEYS[name]], keep="last")
        t = pa.Table.from_pandas(df, schema=arrow_schema(schema), preserve_index=False)
        return t.append_column("model_version", pa.array([self.model_version] * len(t), pa.string()))

    def write(self, tables) -> None:
        tables = _as_dict(tables)
        filings = tables["filings"]
        if len(filings):
            keep = (filings["status"] != "skipped").fillna(True)
            filings = filings[keep]
        if not len(filings):
            return
        ev = self._arrow("events", tables["events"])
        fi = self._arrow("filings", filings)
        er = self._arrow("errors", tables["errors"])
        con = self.con
        con.register("_ev", ev)
        con.register("_fi", fi)
        con.register("_er", er)
        try:
            con.execute("BEGIN TRANSACTION")
            try:
                con.execute("DELETE FROM events WHERE source_file IN (SELECT source_file FROM _fi) "
                            "AND event_id NOT IN (SELECT event_id FROM _ev)")
                con.execute("DELETE FROM errors WHERE source_file IN (SELECT source_file FROM _fi) "
                            "AND source_file NOT IN (SELECT source_file FROM _er)")
                for name in TABLES:
                    con.execute(f"INSERT OR REPLACE INTO {name} BY NAME SELECT * FROM {'_' + name[:2]}")
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        finally:
            for v in ("_ev", "_fi", "_er"):
                con.unregister(v)

    def close(self) -> dict[str, Path]:
        self.con.execute("CHECKPOINT")
        self.con.close()
        return {"events": self.path, "filings": self.path, "errors": self.path}

    def abort(self) -> None:
        try:
            self.con.close()
        except Exception:  # noqa: BLE001
            pass


class DatasetWriter(TableWriter):
    """Parquet datasets DIR/events/, DIR/filings/, DIR/errors/, swapped in when the run ends."""

    ROWS_PER_FILE = 1_000_000

    def __init__(self, path: str | os.PathLike):
        self.root = Path(path)
        self.root.mkdir(parents=True, exist_ok=True)
        self.run_id = uuid.uuid4().hex[:12]
        self.tmp = self.root / f".run-{self.run_id}"
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.rows: dict[str, int] = {n: 0 for n in TABLES}
        self.parts: dict[str, int] = {n: 0 for n in TABLES}

    def _writer(self, name: str) -> pq.ParquetWriter:
        w = self.writers.get(name)
        if w is not None and self.rows[name] >= self.ROWS_PER_FILE:
            w.close()
            w = None
            self.parts[name] += 1
            self.rows[name] = 0
        if w is None:
            d = self.tmp / name
            d.mkdir(parents=True, exist_ok=True)
            w = pq.ParquetWriter(d / f"part-{self.parts[name]:05d}.parquet", arrow_schema(SCHEMAS[name]))
            self.writers[name] = w
        return w

    def write(self, tables) -> None:
        for name, df in _as_dict(tables).items():
            if not len(df) and name in self.writers:
                continue
            schema = SCHEMAS[name]
            t = pa.Table.from_pandas(enforce(df, schema), schema=arrow_schema(schema), preserve_index=False)
            self._writer(name).write_table(t)
            self.rows[name] += len(t)

    def close(self) -> dict[str, Path]:
        for name in TABLES:
            if name not in self.writers:
                self.write({name: empty(SCHEMAS[name])})
        for w in self.writers.values():
            w.close()
        self.writers = {}
        old = self.root / f".old-{self.run_id}"
        for name in TABLES:
            dest = self.root / name
            if dest.exists():
                old.mkdir(exist_ok=True)
                os.replace(dest, old / name)
            os.replace(self.tmp / name, dest)
        shutil.rmtree(old, ignore_errors=True)
        shutil.rmtree(self.tmp, ignore_errors=True)
        return {n: self.root / n for n in TABLES} | {"events": self.root}

    def abort(self) -> None:
        close_quietly(self.writers.values())
        self.writers = {}
        shutil.rmtree(self.tmp, ignore_errors=True)


def write_store(tables: dict[str, pd.DataFrame], path: str | os.PathLike, fmt: str) -> dict[str, Path]:
    """Write whole tables to a DuckDB store or a dataset (the non-streaming entry point)."""
    w = DuckDBStore(path) if fmt == "duckdb" else DatasetWriter(path)
    try:
        w.write(tables)
    except BaseException:
        w.abort()
        raise
    return w.close()
