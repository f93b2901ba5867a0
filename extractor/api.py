"""The Python API: paths in, the events, filings and errors tables out."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

import pandas as pd

from .errors import ExtractorError
from .table import (ERRORS_SCHEMA, EVENTS_SCHEMA, FILINGS_SCHEMA, error_row, event_rows,
                    failed_filing_row, filing_row, frame)


class Tables(NamedTuple):
    """The three tables of a run; unpacks as ``events, filings, errors``."""

    events: pd.DataFrame
    filings: pd.DataFrame
    errors: pd.DataFrame


@dataclass
class FileResult:
    """What one input gave: its filing row, its event rows, and its error if it failed."""

    source_file: str
    filing: dict
    events: list[dict] = field(default_factory=list)
    error: dict | None = None


def iter_inputs(paths: Iterable[str | os.PathLike]) -> Iterator[str]:
    """Files named, folders walked recursively (sorted, lazily), globs expanded (see :mod:`extractor.inputs`)."""
    from .inputs import iter_inputs as _iter

    return _iter(paths)


def process_file(path: str, *, max_bytes: int = 100_000_000, timeout: float | None = -1,
                 nlp=None) -> FileResult:
    """Parse and extract one input; never raises for a bad input.

    ``timeout`` is the input's time budget in seconds: ``-1`` (the default) means a budget
    from its size (:func:`extractor.guard.default_timeout`), ``None`` or ``0`` no budget.
    """
    from .guard import default_timeout, file_size, time_limit

    if timeout == -1:
        timeout = default_timeout(file_size(path))
    try:
        with time_limit(timeout, what=os.path.basename(path)):
            return _process(path, max_bytes=max_bytes, nlp=nlp)
    except ExtractorError as exc:  # the time budget ran out
        return FileResult(path, failed_filing_row(path), error=error_row(path, exc.stage, str(exc)))


def process_item(item, *, max_bytes: int = 100_000_000, timeout: float | None = -1, nlp=None) -> FileResult:
    """Parse and extract one :class:`extractor.inputs.Item` (a path, an archive member's bytes, or a refusal)."""
    if item.error is not None:
        stage, message = item.error
        return FileResult(item.source_file, failed_filing_row(item.source_file),
                          error=error_row(item.source_file, stage, message))
    if item.data is None:
        return process_file(item.path, max_bytes=max_bytes, timeout=timeout, nlp=nlp)
    from .guard import default_timeout, time_limit

    path = item.source_file
    if timeout == -1:
        timeout = default_timeout(len(item.data))
    if len(item.data) > max_bytes:
        return FileResult(path, failed_filing_row(path, size=len(item.data)),
                          error=error_row(path, "read", f"{path} is {len(item.data):,} bytes, above the limit of {max_bytes:,}"))
    try:
        with time_limit(timeout, what=os.path.basename(path)):
            return _process(path, max_bytes=max_bytes, nlp=nlp, data=item.data)
    except ExtractorError as exc:  # the time budget ran out
        return FileResult(path, failed_filing_row(path), error=error_row(path, exc.stage, str(exc)))


def _process(path: str, *, max_bytes: int, nlp, data: bytes | None = None) -> FileResult:
    from .events import extract_events as _events
    from .parse import parse_bytes, parse_file

    try:
        filing = parse_file(path, max_bytes=max_bytes) if data is None else parse_bytes(data, path)
    except ExtractorError as exc:
        return FileResult(path, failed_filing_row(path), error=error_row(path, exc.stage, str(exc)))
    except (OSError, ValueError, UnicodeError, MemoryError, RecursionError) as exc:
        return FileResult(path, failed_filing_row(path), error=error_row(path, "parse", f"{type(exc).__name__}: {exc}"))
    try:
        events = _events(filing, nlp)
    except (ExtractorError, ValueError, RecursionError, MemoryError) as exc:
        stage = getattr(exc, "stage", "nlp")
        return FileResult(path, failed_filing_row(path, sha256=filing.sha256, size=filing.size),
                          error=error_row(path, stage, f"{type(exc).__name__}: {exc}"))
    rows = event_rows(filing, events)
    return FileResult(path, filing_row(filing, len(rows)), rows)


def collect(results: Iterable[FileResult]) -> Tables:
    events, filings, errors = [], [], []
    for r in results:
        events.extend(r.events)
        filings.append(r.filing)
        if r.error:
            errors.append(r.error)
    return Tables(frame(events, EVENTS_SCHEMA), frame(filings, FILINGS_SCHEMA), frame(errors, ERRORS_SCHEMA))


def extract(paths: str | os.PathLike | Iterable[str | os.PathLike], *, jobs: int | None = 1,
            max_bytes: int = 100_000_000, timeout: float | None = -1, limits=None,
            engine: str = "local", scheduler: str | None = None, **kwargs) -> Tables:
    """Extract every input: returns the events, filings and errors DataFrames.

    ``paths`` are files, folders, globs, archives (read member by member) or ``@manifest``
    files. ``jobs`` worker processes (``None``: all cores; ``1``: in this process).
    """
    from .engine import run
    from .inputs import Limits, iter_items

    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    limits = limits or Limits(max_bytes=max_bytes)
    items = iter_items(paths, limits)
    return collect(run(items, jobs=jobs, max_bytes=max_bytes, timeout=timeout, engine=engine,
                       scheduler=scheduler, **kwargs))


def extract_events(paths: str | os.PathLike | Iterable[str | os.PathLike], **kwargs) -> pd.DataFrame:
    """The events table alone."""
    return extract(paths, **kwargs).events


@dataclass
class Counts:
    """The run's accounting: read = extracted + failed + skipped."""

    read: int = 0
    extracted: int = 0
    failed: int = 0
    skipped: int = 0
    events: int = 0

    def add(self, r: FileResult) -> None:
        self.read += 1
        status = r.filing.get("status")
        if status == "skipped":
            self.skipped += 1
        elif r.error is not None or status == "failed":
            self.failed += 1
        else:
            self.extracted += 1
        self.events += len(r.events)

    def line(self, output) -> str:
        return (f"read {self.read} filings: {self.extracted} extracted, {self.failed} failed, "
                f"{self.skipped} skipped; {self.events} events -> {output}")


def summary_line(tables: Tables) -> str:
    f = tables.filings
    n = len(f)
    failed = int((f["status"] == "failed").sum()) if n else 0
    skipped = int((f["status"] == "skipped").sum()) if n else 0
    return (f"read {n} filings: {n - failed - skipped} extracted, {failed} failed, {skipped} skipped; "
            f"{len(tables.events)} events")


def exit_code(tables: Tables) -> int:
    """0 when every input was read, 1 when some failed."""
    return 1 if len(tables.errors) else 0


#: filings per write (and per DuckDB transaction) when streaming to an output
CHUNK_SIZE = 500


def extract_to(paths: list[str], output: str, *, jobs: int | None = None, quiet: bool = False,
               force: bool = False, engine: str = "local", scheduler: str | None = None,
               max_bytes: int = 100_000_000, timeout: float | None = -1, limits=None,
               chunk_size: int = CHUNK_SIZE, progress: bool | None = None, **kwargs) -> int:
    """Extract ``paths`` streaming to ``output``, print the summary; returns the exit code.

    Results are written every ``chunk_size`` filings (CSV/JSONL appended, Parquet row
    groups, one DuckDB transaction each), so memory stays flat however many inputs a run reads.
    """
    from .engine import run
    from .inputs import Limits, iter_items
    from .progress import Progress, count_in_background
    from .writers import open_writer

    limits = limits or Limits(max_bytes=max_bytes)
    writer = open_writer(output, force=force)
    counts = Counts()
    prog = Progress(enabled=not quiet if progress is None else progress)
    if prog.enabled:
        count_in_background(paths, prog)
    buf: list[FileResult] = []
    try:
        stream = writer.prefilter(iter_items(paths, limits))
        for r in run(stream, jobs=jobs, max_bytes=max_bytes, timeout=timeout, engine=engine,
                     scheduler=scheduler, **kwargs):
            counts.add(r)
            prog.update(counts)
            buf.append(r)
            if len(buf) >= chunk_size:
                writer.write(collect(buf))
                buf = []
        writer.write(collect(buf))
        buf = []
        written = writer.close()
    except BaseException:
        writer.abort()
        prog.close(counts)
        raise
    prog.close(counts)
    if not quiet:
        print(counts.line(written["events"]), flush=True)
    return 1 if counts.failed else 0
