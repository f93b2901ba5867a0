"""Per-input time budgets: a file that takes too long is recorded as failed, the batch goes on.

The budget is enforced with ``SIGALRM`` (an interval timer), which interrupts pure-Python
and regex work alike at the next bytecode boundary. Signals reach only the main thread of
a process, which is where the local engine's worker processes run their inputs; elsewhere
(a thread of a Dask worker) the budget cannot be enforced and the input runs unbounded.
"""
from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager
from typing import Iterator

from .errors import ExtractionTimeout

#: seconds allowed per input: a floor for small files plus a few seconds per MB
BASE_SECONDS = 10.0
SECONDS_PER_MB = 4.0


def default_timeout(size_bytes: int) -> float:
    """The default budget for an input of ``size_bytes``."""
    return BASE_SECONDS + SECONDS_PER_MB * size_bytes / 1_000_000


def can_enforce() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None, what: str = "input") -> Iterator[None]:
    """Raise :class:`ExtractionTimeout` in the block once ``seconds`` have passed.

    ``None`` or ``0`` means no limit; outside the main thread the limit is not enforced.
    """
    if not seconds or seconds <= 0 or not can_enforce():
        yield
        return

    def _expired(signum, frame):
        raise ExtractionTimeout(f"{what} took longer than its time budget of {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def file_size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0
