"""Progress of a run: a live rich bar on a terminal, plain periodic lines on stderr otherwise.

The bar shows filings done, filings/s, events, errors and, once the number of inputs is
known, the time left (the inputs are counted by a background thread while the run goes
on; archives and manifests make the total unknown until the walk ends).
"""
from __future__ import annotations

import sys
import threading
import time

#: seconds between two plain log lines when stderr is not a terminal
LOG_EVERY = 10.0


class Progress:
    def __init__(self, enabled: bool = True, total: int | None = None, stream=None):
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.total = total
        self.start = time.monotonic()
        self.last_log = self.start
        self.bar = None
        self._last_draw = 0.0
        if not enabled:
            return
        if self.stream.isatty():
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress as RichProgress, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)

            self.bar = RichProgress(
                TextColumn("[bold]extract[/bold]"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]:.1f} filings/s"), TextColumn("{task.fields[events]} events"),
                TextColumn("{task.fields[failed]} errors"), TimeElapsedColumn(), TimeRemainingColumn(),
                console=Console(file=self.stream), transient=False)
            self.task = self.bar.add_task("extract", total=total, rate=0.0, events=0, failed=0)
            self.bar.start()

    def set_total(self, total: int | None) -> None:
        self.total = total
        if self.bar is not None:
            self.bar.update(self.task, total=total)

    def update(self, counts) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if self.bar is not None:
            if now - self._last_draw >= 0.1:
                self._last_draw = now
                rate = counts.read / max(now - self.start, 1e-9)
                self.bar.update(self.task, completed=counts.read, rate=rate, events=counts.events,
                                failed=counts.failed)
        elif now - self.last_log >= LOG_EVERY:
            self.last_log = now
            self._log(counts, now)

    def _log(self, counts, now) -> None:
        elapsed = now - self.start
        rate = counts.read / max(elapsed, 1e-9)
        left = ""
        if self.total and rate > 0 and self.total >= counts.read:
            left = f", {(self.total - counts.read) / rate:.0f} s left"
        of = f"/{self.total}" if self.total else ""
        print(f"extractor: {counts.read}{of} filings, {rate:.1f} filings/s, {counts.events} events, "
              f"{counts.failed} errors, {elapsed:.0f} s{left}", file=self.stream, flush=True)

    def close(self, counts) -> None:
        if not self.enabled:
            return
        if self.bar is not None:
            rate = counts.read / max(time.monotonic() - self.start, 1e-9)
            self.bar.update(self.task, completed=counts.read, rate=rate, events=counts.events,
                            failed=counts.failed, total=self.total or counts.read)
            self.bar.stop()


def count_in_background(paths, progress: Progress) -> threading.Thread:
    """Count the inputs of ``paths`` on a daemon thread and give the total to ``progress``.

    Archives count as unknown (their members are only known once read): the total stays open.
    """
    from .inputs import is_archive, iter_inputs

    def work():
        n = 0
        try:
            for p in iter_inputs(paths):
                if is_archive(p):
                    return
                n += 1
        except Exception:  # noqa: BLE001 - the count is only a nicety
            return
        progress.set_total(n)

    t = threading.Thread(target=work, name="extractor-count", daemon=True)
    t.start()
    return t
