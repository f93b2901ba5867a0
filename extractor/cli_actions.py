"""The ``actions`` and ``review`` commands: the wide view of corporate actions, and the review page."""
from __future__ import annotations

from typing import List, Optional

import typer
from rich.console import Console

err = Console(stderr=True)


def _fail(message: str, code: int = 2) -> None:
    err.print(f"extractor: {message}", markup=False, highlight=False)
    raise typer.Exit(code)


def _events_of(inputs: list[str]):
    """An events table (read) or filings (extracted) → the events DataFrame, and how many inputs failed."""
    import pandas as pd

    from .actions import is_table, read_events

    import glob
    import os

    missing = [p for p in inputs if not os.path.exists(p) and not glob.glob(p)]
    if missing and len(missing) == len(inputs):
        _fail(f"no such file or folder: {', '.join(missing)}")
    tables = [p for p in inputs if is_table(p)]
    others = [p for p in inputs if not is_table(p)]
    frames, failed = [], 0
    for t in tables:
        frames.append(read_events(t))
    if others:
        from .api import extract

        tables_ = extract(others)
        frames.append(tables_.events)
        failed = len(tables_.errors)
    if not frames:
        _fail("no inputs")
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0], failed


def actions(
    inputs: List[str] = typer.Argument(..., help="an events table (.csv/.parquet/.jsonl) or filings, folders, globs"),
    output: str = typer.Option(..., "-o", "--output", help="the actions table: .csv, .parquet or .jsonl "
                                                           "(the linked events are written beside it: NAME.events.EXT)"),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="only what was knowable by then: YYYY-MM-DD (end of "
                                                                  "that day, UTC) or an ISO 8601 datetime"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="print nothing but errors"),
) -> None:
    """One row per corporate action, linking the events of every filing that describes it."""
    from pathlib import Path

    from .actions import actions as build, as_of_instant, events_path, write

    if Path(output).suffix.lower() not in (".csv", ".parquet", ".pq", ".jsonl", ".ndjson"):
        _fail(f"unknown output format {Path(output).suffix or '(none)'!r} for {output}: use .csv, .parquet or .jsonl")
    try:
        as_of_instant(as_of)
    except ValueError as exc:
        _fail(str(exc))
    try:
        events, failed = _events_of(inputs)
    except (OSError, ValueError) as exc:
        _fail(f"cannot read the input: {exc}", 2)
    if as_of and len(events) and events["known_at"].isna().all():
        err.print("extractor: the events table has no known_at (written by an older extractor?): "
                  "with --as-of no row is knowable; re-run extractor extract", markup=False, highlight=False)
    elif as_of and events["known_at"].isna().any() and not quiet:
        n = int(events["known_at"].isna().sum())
        err.print(f"extractor: {n} events without known_at are left out as of {as_of}", markup=False, highlight=False)
    try:
        wide, linked = build(events, as_of=as_of, with_events=True)
    except ValueError as exc:
        _fail(str(exc))
    write(wide, output)
    ev_path = write(linked, events_path(output))
    if not quiet:
        by = wide["status"].value_counts().to_dict() if len(wide) else {}
        st = ", ".join(f"{n} {s}" for s, n in by.items())
        typer.echo(f"{len(linked)} events → {len(wide)} actions ({st}){f' as of {as_of}' if as_of else ''} "
                   f"-> {output} (events: {ev_path})")
    raise typer.Exit(1 if failed else 0)


def review(
    inputs: List[str] = typer.Argument(..., help="filings/folders (extracted), or an events table with source_file "
                                                  "and char_start/char_end (its source files are read again)"),
    output: str = typer.Option(..., "-o", "--output", help="the HTML page to write"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="print nothing but errors"),
) -> None:
    """Write one self-contained HTML page: every event's evidence highlighted in its filing's text."""
    from .review import write_review

    try:
        path, n_events, n_files = write_review(inputs, output)
    except (OSError, ValueError) as exc:
        _fail(f"cannot write the review page: {exc}", 1)
    if not quiet:
        typer.echo(f"{n_events} events of {n_files} filings -> {path}")
