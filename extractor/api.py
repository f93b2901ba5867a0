"""The Python API: paths in, the events, filings and errors tables out."""
from __future__ import annotations

import glob
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
    """Files named, folders walked recursively (sorted, lazily), globs expanded."""
    for p in paths:
        p = str(p)
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs.sort()
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in sorted(files):
                    # hidden files, partial downloads and EDGAR index files are not filings
                    if name.startswith(".") or name.endswith((".part", ".idx")) or name == "fetch.errors.csv":
                        continue
                    yield os.path.join(root, name)
        elif any(ch in p for ch in "*?[") and not os.path.exists(p):
            matches = sorted(glob.glob(p, recursive=True))
            for m in matches:
                if os.path.isdir(m):
                    yield from iter_inputs([m])
                else:
                    yield m
            if not matches:
                yield p  # reported as missing, not silently dropped
        else:
            yield p


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


def _process(path: str, *, max_bytes: int, nlp) -> FileResult:
    from .events import extract_events as _events
    from .parse import parse_file

    try:
        filing = parse_file(path, max_bytes=max_bytes)
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


def extract(paths: str | os.PathLike | Iterable[str | os.PathLike], **kwargs) -> Tables:
    """Extract every input: returns the events, filings and errors DataFrames."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    from .nlp import load_pipeline

    nlp = load_pipeline()
    return collect(process_file(p, nlp=nlp, **kwargs) for p in iter_inputs(paths))


def extract_events(paths: str | os.PathLike | Iterable[str | os.PathLike], **kwargs) -> pd.DataFrame:
    """The events table alone."""
    return extract(paths, **kwargs).events


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


def extract_to(paths: list[str], output: str, *, jobs: int | None = None, quiet: bool = False,
               **kwargs) -> int:
    """Extract ``paths``, write the tables to ``output``, print the summary; returns the exit code."""
    from .writers import write_tables

    tables = extract(paths, **kwargs)
    written = write_tables(tables._asdict(), output)
    if not quiet:
        print(f"{summary_line(tables)} -> {written['events']}")
    return exit_code(tables)
