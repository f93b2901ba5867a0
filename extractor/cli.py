"""The command line: a thin layer that parses options, calls the library, prints a summary."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

from . import __version__

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Corporate-actions events from SEC filings, as a normalized table.")
err = Console(stderr=True)


def _fail(message: str, code: int = 2) -> None:
    err.print(f"extractor: {message}", markup=False, highlight=False)
    raise typer.Exit(code)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"extractor {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                       help="print the version and exit")) -> None:
    """Corporate-actions events from SEC filings, as a normalized table."""


@app.command()
def extract(
    paths: Optional[List[str]] = typer.Argument(
        None, help="files, folders (walked recursively), globs, archives (.tar.gz/.tgz/.tar/.zip, read "
                   "member by member) or @MANIFEST (a file listing inputs, one a line)"),
    output: str = typer.Option(..., "-o", "--output", help="events table: .csv, .parquet, .jsonl, .duckdb, or DIR/"),
    manifest: Optional[List[str]] = typer.Option(None, "--manifest", help="a file listing inputs, one a line "
                                                 "(same as @FILE); repeatable"),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="worker processes (default: all cores; 1: no workers)"),
    timeout: Optional[float] = typer.Option(None, "--timeout", help="seconds allowed per input (default: by size, "
                                            "10 s + 4 s/MB; 0: no limit)"),
    max_bytes: int = typer.Option(100_000_000, "--max-bytes", help="inputs (and archive members) larger than this "
                                  "are recorded as failed"),
    force: bool = typer.Option(False, "--force", help="with a .duckdb store: re-extract inputs already stored"),
    engine: str = typer.Option("local", "--engine", help="local (worker processes) or dask (a Dask cluster)"),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="with --engine dask: the scheduler's address, "
                                            "e.g. tcp://10.0.0.5:8786"),
    chunk_size: int = typer.Option(500, "--chunk-size", help="filings per write (and per store transaction)"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="print nothing but errors"),
) -> None:
    """Extract the events of every input into a table (filings and errors beside it)."""
    from .api import extract_to
    from .writers import OutputError, output_format

    inputs = list(paths or []) + [f"@{m}" for m in (manifest or [])]
    if not inputs:
        _fail("no inputs: name files, folders, globs, archives or --manifest FILE")
    for p in inputs:
        if p.startswith("@") and len(p) > 1 and not Path(p).exists() and not Path(p[1:]).is_file():
            _fail(f"manifest {p[1:]} not found")
    try:
        output_format(output)
    except OutputError as exc:
        _fail(str(exc))
    if jobs is not None and jobs < 1:
        _fail("--jobs must be at least 1")
    if max_bytes < 1:
        _fail("--max-bytes must be at least 1")
    if chunk_size < 1:
        _fail("--chunk-size must be at least 1")
    if timeout is not None and timeout < 0:
        _fail("--timeout must be 0 (no limit) or more")
    if engine not in ("local", "dask"):
        _fail(f"unknown engine {engine!r}: use local or dask")
    if engine == "dask" and not scheduler:
        _fail("--engine dask needs --scheduler ADDRESS")
    raise typer.Exit(extract_to(inputs, output, jobs=jobs, quiet=quiet, max_bytes=max_bytes,
                                timeout=-1 if timeout is None else (timeout or None), force=force,
                                engine=engine, scheduler=scheduler, chunk_size=chunk_size))


@app.command()
def show(path: str = typer.Argument(..., help="one filing"),
         timeout: Optional[float] = typer.Option(None, "--timeout", help="seconds allowed (default: by size)")) -> None:
    """Print one filing's events as a table, with their evidence."""
    import pandas as pd

    from .api import extract as run

    tables = run([path], jobs=1, timeout=-1 if timeout is None else (timeout or None))
    if not len(tables.filings):
        _fail(f"{path}: no filing found", 1)
    if len(tables.errors):
        row = tables.errors.iloc[0]
        _fail(f"{row['source_file']}: {row['stage']}: {row['error']}", 1)
    f = tables.filings.iloc[0]
    console = Console(width=None if sys.stdout.isatty() else 200)  # piped: no folded columns

    def val(x) -> str:
        return "?" if x is None or x is pd.NA or str(x) in ("", "<NA>", "nan") else str(x)

    console.print(f"[bold]{val(f['company_name'])}[/bold]  {val(f['form_type'])}  "
                  f"filed {val(f['filed_date'])}  {f['source_file']}", highlight=False)
    t = Table(show_lines=True)
    for col in ("event_type", "event_date", "status", "ratio", "meeting_type", "subject", "source_document", "evidence"):
        t.add_column(col, overflow="fold", no_wrap=col != "evidence", min_width=None if col == "evidence" else len(col))
    for _, r in tables.events.iterrows():
        t.add_row(*["" if r[c] is None or str(r[c]) in ("<NA>", "nan") else str(r[c]) for c in
                    ("event_type", "event_date", "status", "ratio", "meeting_type", "subject", "source_document", "evidence")])
    console.print(t)
    console.print(f"{len(tables.events)} events", highlight=False)


@app.command()
def schema() -> None:
    """Print the data dictionary of the three tables (Markdown)."""
    from .table import data_dictionary

    typer.echo(data_dictionary())


from .cli_fetch import fetch as _fetch, run as _run  # noqa: E402

app.command("fetch")(_fetch)
app.command("run")(_run)
from .cli_actions import actions as _actions, review as _review  # noqa: E402
app.command("actions")(_actions)
app.command("review")(_review)
from .cli_model import evaluate as _evaluate, train as _train  # noqa: E402
app.command("train")(_train)
app.command("evaluate")(_evaluate)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("extractor: interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
