"""``extractor fetch`` and ``extractor run``: download filings from EDGAR (then extract them).

The lead registers them in ``extractor/cli.py``::

    from .cli_fetch import fetch, run
    app.command("fetch")(fetch)
    app.command("run")(run)

``python -m extractor.cli_fetch fetch ...`` runs the same commands on their own.
Exit codes: 0 everything fetched, 1 some filings (or indexes) failed, 2 bad arguments
(including a missing User-Agent), 130 interrupted.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

from .fetch import (DEFAULT_RATE, DEFAULT_RETRIES, DEFAULT_TIMEOUT, DEFAULT_WORKERS, ERRORS_FILE,
                    FetchConfigError, FetchResult, fetch_filings, write_errors_csv)

_err = Console(stderr=True)

_UA_HELP = ('declared User-Agent naming you and your e-mail, e.g. "Jane Analyst jane@example.com" '
            "(default: $EXTRACTOR_USER_AGENT, then $SEC_USER_AGENT); EDGAR requires it")


def _fail(message: str, code: int = 2):
    _err.print(f"extractor: {message}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


class _Progress:
    """A rich progress bar fed by the library's progress callback (TTY only)."""

    def __init__(self, enabled: bool):
        self.bar = None
        if not enabled:
            return
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                   TimeElapsedColumn)
        self.bar = Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                            MofNCompleteColumn(), TimeElapsedColumn(), transient=True)
        self.task = self.bar.add_task("reading indexes", total=None)

    def __enter__(self):
        if self.bar is not None:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)

    def __call__(self, event: str, info) -> None:
        if self.bar is None:
            return
        if event == "listed":
            self.bar.update(self.task, description="fetching filings", total=int(info), completed=0)
        elif event in ("downloaded", "skipped", "failed"):
            self.bar.advance(self.task)


def _do_fetch(*, cik, company, form, since, until, directory: Path, user_agent, base_url, rate,
              retries, timeout, workers, quiet) -> FetchResult:
    """Run the fetch, write DIR/fetch.errors.csv, print the summary; exits 2 on bad arguments."""
    progress = _Progress(enabled=not quiet and sys.stdout.isatty())
    try:
        with progress:
            result = fetch_filings(
                directory, user_agent=user_agent, ciks=cik or (), companies=company or (),
                forms=form or (), since=since, until=until, base_url=base_url, rate=rate,
                retries=retries, timeout=timeout, workers=workers, progress=progress)
    except FetchConfigError as exc:
        _fail(str(exc), 2)
    except KeyboardInterrupt:
        _fail("interrupted (rerun the same command to resume)", 130)
    errors_csv = Path(directory) / ERRORS_FILE
    write_errors_csv(errors_csv, result.errors)
    if not quiet:
        line = f"{result.summary()} -> {directory}"
        if result.errors:
            line += f"; {len(result.errors)} errors in {errors_csv}"
        typer.echo(line)
    elif result.errors:
        _err.print(f"extractor: {len(result.errors)} fetch errors in {errors_csv}",
                   markup=False, highlight=False)
    return result


def fetch(
    cik: Optional[List[str]] = typer.Option(None, "--cik", help="CIK(s); repeat or comma-separate"),
    company: Optional[List[str]] = typer.Option(
        None, "--company", help="company name, case-insensitive substring of EDGAR's name; repeatable"),
    form: Optional[List[str]] = typer.Option(
        None, "--form", help="form types, comma-separated, exact (6-K does not take 6-K/A); default all"),
    since: str = typer.Option(..., "--since", help="first filing date, YYYY-MM-DD"),
    until: Optional[str] = typer.Option(None, "--until", help="last filing date, YYYY-MM-DD (default today)"),
    output: Path = typer.Option(..., "-o", "--output", help="directory to download into (EDGAR's layout)"),
    user_agent: Optional[str] = typer.Option(None, "--user-agent", help=_UA_HELP),
    base_url: Optional[str] = typer.Option(
        None, "--base-url", help="EDGAR Archives URL (default $EXTRACTOR_EDGAR_BASE_URL, "
        "then https://www.sec.gov/Archives)"),
    rate: float = typer.Option(DEFAULT_RATE, "--rate", help="requests per second, at most 10"),
    retries: int = typer.Option(DEFAULT_RETRIES, "--retries", help="retries on 429, 5xx and dropped connections"),
    timeout: float = typer.Option(DEFAULT_TIMEOUT, "--timeout", help="seconds per request"),
    workers: int = typer.Option(DEFAULT_WORKERS, "--workers", help="parallel downloads (they share the rate)"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar and no summary"),
) -> None:
    """Download filings from EDGAR by company, form and date into a directory (resumable)."""
    result = _do_fetch(cik=cik, company=company, form=form, since=since, until=until,
                       directory=output, user_agent=user_agent, base_url=base_url, rate=rate,
                       retries=retries, timeout=timeout, workers=workers, quiet=quiet)
    raise typer.Exit(result.exit_code)


def run(
    cik: Optional[List[str]] = typer.Option(None, "--cik", help="CIK(s); repeat or comma-separate"),
    company: Optional[List[str]] = typer.Option(
        None, "--company", help="company name, case-insensitive substring of EDGAR's name; repeatable"),
    form: Optional[List[str]] = typer.Option(
        None, "--form", help="form types, comma-separated, exact (6-K does not take 6-K/A); default all"),
    since: str = typer.Option(..., "--since", help="first filing date, YYYY-MM-DD"),
    until: Optional[str] = typer.Option(None, "--until", help="last filing date, YYYY-MM-DD (default today)"),
    directory: Path = typer.Option(..., "-d", "--dir", help="directory to download into (EDGAR's layout)"),
    output: str = typer.Option(..., "-o", "--output", help="events table: .csv, .parquet, .jsonl, .duckdb, or DIR/"),
    user_agent: Optional[str] = typer.Option(None, "--user-agent", help=_UA_HELP),
    base_url: Optional[str] = typer.Option(
        None, "--base-url", help="EDGAR Archives URL (default $EXTRACTOR_EDGAR_BASE_URL, "
        "then https://www.sec.gov/Archives)"),
    rate: float = typer.Option(DEFAULT_RATE, "--rate", help="requests per second, at most 10"),
    retries: int = typer.Option(DEFAULT_RETRIES, "--retries", help="retries on 429, 5xx and dropped connections"),
    timeout: float = typer.Option(DEFAULT_TIMEOUT, "--timeout", help="seconds per request"),
    workers: int = typer.Option(DEFAULT_WORKERS, "--workers", help="parallel downloads (they share the rate)"),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="extraction processes"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar and no summary"),
) -> None:
    """Fetch filings from EDGAR, then extract the events of the ones fetched (fetch + extract)."""
    result = _do_fetch(cik=cik, company=company, form=form, since=since, until=until,
                       directory=directory, user_agent=user_agent, base_url=base_url, rate=rate,
                       retries=retries, timeout=timeout, workers=workers, quiet=quiet)
    if not result.paths:
        if not quiet:
            typer.echo("run: no filings to extract")
        raise typer.Exit(result.exit_code)
    from .api import extract_to  # lazy: fetching does not need the NLP stack

    code = extract_to([str(p) for p in result.paths], output, jobs=jobs, quiet=quiet)
    raise typer.Exit(max(result.exit_code, int(code or 0)))


def main() -> None:
    app = typer.Typer(add_completion=False, no_args_is_help=True,
                      help="Download filings from EDGAR (extractor fetch / extractor run).")
    app.command("fetch")(fetch)
    app.command("run")(run)
    try:
        app()
    except KeyboardInterrupt:
        _err.print("extractor: interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
