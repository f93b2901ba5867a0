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


@app.callback()
def _root(version: bool = typer.Option(False, "--version", help="print the version and exit")) -> None:
    if version:
        typer.echo(f"extractor {__version__}")
        raise typer.Exit(0)


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help="files, folders (walked recursively) or globs"),
    output: str = typer.Option(..., "-o", "--output", help="events table: .csv, .parquet, .jsonl, .duckdb, or DIR/"),
    max_bytes: int = typer.Option(100_000_000, "--max-bytes", help="inputs larger than this are recorded as failed"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="print nothing but errors"),
) -> None:
    """Extract the events of every input into a table (filings and errors beside it)."""
    from .api import extract_to
    from .writers import OutputError, output_format

    try:
        output_format(output)
    except OutputError as exc:
        _fail(str(exc))
    raise typer.Exit(extract_to(paths, output, quiet=quiet, max_bytes=max_bytes))


@app.command()
def show(path: str = typer.Argument(..., help="one filing")) -> None:
    """Print one filing's events as a table, with their evidence."""
    from .api import extract as run

    tables = run([path])
    if len(tables.errors):
        row = tables.errors.iloc[0]
        _fail(f"{row['source_file']}: {row['stage']}: {row['error']}", 1)
    f = tables.filings.iloc[0]
    console = Console()
    console.print(f"[bold]{f['company_name'] or '?'}[/bold]  {f['form_type'] or '?'}  "
                  f"filed {f['filed_date'] or '?'}  {f['source_file']}", highlight=False)
    t = Table(show_lines=True)
    for col in ("event_type", "event_date", "status", "ratio", "meeting_type", "subject", "source_document", "evidence"):
        t.add_column(col, overflow="fold")
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


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("extractor: interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
