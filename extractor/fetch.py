"""Download filings from EDGAR by company, form and date: polite, resumable, accounted.

What it does
------------
``fetch_filings(out_dir, ...)`` reads EDGAR's master indexes for every calendar
quarter between ``since`` and ``until``, keeps the rows that match the CIKs /
company names, forms and dates asked for, and downloads each matching filing's
full-submission ``.txt`` into ``out_dir`` in EDGAR's own layout::

    out_dir/edgar/full-index/2024/QTR3/master.idx
    out_dir/edgar/daily-index/2025/QTR1/master.20250106.idx
    out_dir/edgar/data/9900002/0009900002-24-000031.txt

Index strategy: the quarterly ``full-index/{YEAR}/QTR{N}/master.idx`` is used
for every quarter in range (EDGAR keeps the current quarter's one up to date
nightly).  When a quarter's full index answers 404, the tool falls back to the
daily indexes ``daily-index/{YEAR}/QTR{N}/master.{YYYYMMDD}.idx`` of each
weekday of that quarter inside the date range (up to today); a 404 for a day
(holiday, not yet published) just means "no index that day" and is no error.

EDGAR's fair-access rules are kept
----------------------------------
* every request carries a declared ``User-Agent`` naming the user and giving an
  e-mail address (``resolve_user_agent`` refuses anything else);
* one rate limiter is shared by all requests (and all worker threads): at most
  ``rate`` requests per second, 10 at most, with a 2 % safety margin so that no
  one-second window ever holds more than ``rate`` requests;
* 429 (honouring ``Retry-After``), 5xx, dropped/reset connections, truncated
  bodies and timeouts are retried with exponential backoff and jitter;
* a rerun downloads nothing it already has: a filing already on disk with the
  size recorded in the state file is skipped without any request (one without a
  record is checked with a ``HEAD``: same ``Content-Length`` means skipped), and
  index files are re-validated with ``If-Modified-Since`` (304 = keep the copy).

Resumable
---------
Every file is written to ``name.part`` and renamed into place with
``os.replace`` only once complete and size-checked, so a killed run never leaves
a half-written file under a final name.  A rerun resumes a filing's ``.part``
with an HTTP ``Range`` request (filings are immutable), and at the end of a run
any ``.part`` still lying under ``out_dir/edgar`` is removed.  Sizes and
``Last-Modified`` dates live in ``out_dir/.fetch-state.jsonl`` (appended as the
run goes, rewritten sorted at its end, so its content does not depend on how
many runs it took).  A lock file (``out_dir/.fetch.lock``) keeps two fetches
out of the same directory.

Nothing here touches the network at import time; only the standard library is
used (``urllib.request``).
"""
from __future__ import annotations

import calendar
import contextlib
import csv
import email.utils
import http.client
import io
import json
import logging
import os
import random
import re
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path, PurePosixPath

from extractor.errors import ExtractorError

log = logging.getLogger("extractor.fetch")

DEFAULT_BASE_URL = "https://www.sec.gov/Archives"
BASE_URL_ENV = "EXTRACTOR_EDGAR_BASE_URL"
USER_AGENT_ENVS = ("EXTRACTOR_USER_AGENT", "SEC_USER_AGENT")
MAX_RATE = 10.0                 # EDGAR's published limit, requests per second
DEFAULT_RATE = 10.0
DEFAULT_RETRIES = 5
DEFAULT_BACKOFF = 0.5           # seconds, first retry delay (before jitter)
DEFAULT_MAX_BACKOFF = 60.0
MAX_RETRY_AFTER = 600.0         # never sleep longer than this on a Retry-After
DEFAULT_TIMEOUT = 30.0
DEFAULT_WORKERS = 4
RATE_SAFETY = 1.02              # space requests 2 % wider than 1/rate

STATE_FILE = ".fetch-state.jsonl"
LOCK_FILE = ".fetch.lock"
ERRORS_FILE = "fetch.errors.csv"
ERRORS_COLUMNS = ("url", "path", "error")
PART_SUFFIX = ".part"
CHUNK = 64 * 1024

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
_FILING_PATH = re.compile(r"^edgar/data/\d+/[A-Za-z0-9][A-Za-z0-9._\-]*\.txt$")


# --------------------------------------------------------------------------- errors

class FetchError(ExtractorError):
    """A download that failed for good (after its retries, or a permanent HTTP error)."""

    stage = "fetch"


class FetchConfigError(FetchError, ValueError):
    """Bad arguments or settings: the fetch refuses to start (CLI exit code 2)."""


class UserAgentError(FetchConfigError):
    """No declared User-Agent, or one without a name and an e-mail address."""


class FetchLockedError(FetchConfigError):
    """Another fetch is already writing into the same directory."""


class _Transient(Exception):
    """Internal: this attempt failed in a way worth retrying."""

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


class _NotFound(Exception):
    """Internal: the server answered 404 (or 410)."""


# --------------------------------------------------------------------------- settings

def resolve_user_agent(value: str | None = None, environ: dict | None = None) -> str:
    """The User-Agent to declare: ``value``, else $EXTRACTOR_USER_AGENT, else $SEC_USER_AGENT.

    EDGAR requires it to name the requester and give a contact e-mail
    ("Jane Analyst jane@example.com"); anything else raises ``UserAgentError``.
    """
    environ = os.environ if environ is None else environ
    ua = (value or "").strip()
    if not ua:
        for name in USER_AGENT_ENVS:
            ua = (environ.get(name) or "").strip()
            if ua:
                break
    if not ua:
        raise UserAgentError(
            "EDGAR requires a declared User-Agent naming you and giving your e-mail, "
            'e.g. --user-agent "Jane Analyst jane@example.com" '
            f"(or set {' or '.join('$' + n for n in USER_AGENT_ENVS)})")
    if any(ord(c) < 32 or ord(c) > 126 for c in ua):
        raise UserAgentError(f"User-Agent {ua!r} must be printable ASCII")
    email_match = _EMAIL.search(ua)
    if not email_match:
        raise UserAgentError(
            f"User-Agent {ua!r} has no e-mail address; EDGAR requires one, "
            'e.g. "Jane Analyst jane@example.com"')
    rest = (ua[:email_match.start()] + ua[email_match.end():]).strip(" <>()[],;")
    if not re.search(r"[A-Za-z]", rest):
        raise UserAgentError(
            f"User-Agent {ua!r} must name you (or your organisation) as well as the e-mail, "
            'e.g. "Jane Analyst jane@example.com"')
    return ua


def resolve_base_url(value: str | None = None, environ: dict | None = None) -> str:
    """The Archives base URL: ``value``, else $EXTRACTOR_EDGAR_BASE_URL, else sec.gov."""
    environ = os.environ if environ is None else environ
    url = (value or environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).strip().rstrip("/")
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchConfigError(f"base URL {url!r} is not an http(s) URL")
    return url


def parse_date(value: str | date | None, what: str = "date") -> date | None:
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%Y%m%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    raise FetchConfigError(f"{what} {value!r} is not a date (use YYYY-MM-DD)")


def split_list(values: Iterable[str] | str | None) -> list[str]:
    """``["6-K,8-K", "10-Q"]`` -> ``["6-K", "8-K", "10-Q"]`` (blank items dropped)."""
    if values is None:
        return []
    if isinstance(values, str):
        values = [values]
    out: list[str] = []
    for v in values:
        out.extend(p.strip() for p in str(v).split(",") if p.strip())
    return out


def normalize_cik(value: str | int) -> str:
    text = str(value).strip()
    if not text.isdigit():
        raise FetchConfigError(f"CIK {value!r} is not a number")
    return str(int(text))


# --------------------------------------------------------------------------- indexes

@dataclass(frozen=True)
class IndexEntry:
    """One row of an EDGAR master index."""

    cik: str            # without leading zeros, as in the index
    company: str
    form: str
    date_filed: date
    filename: str       # "edgar/data/9900002/0009900002-24-000031.txt"


def parse_master_index(text: str) -> list[IndexEntry]:
    """Rows of a full-index ``master.idx`` or a daily ``master.YYYYMMDD.idx``.

    The header ends with a ``CIK|Company Name|Form Type|Date Filed|File[ ]name``
    line followed by a line of dashes; dates are ``YYYY-MM-DD`` (full index) or
    ``YYYYMMDD`` (daily index).  Malformed rows are skipped.
    """
    lines = text.splitlines()
    start = None
    for i, line in enumerate(lines):
        if line.startswith("CIK|") and i + 1 < len(lines) and set(lines[i + 1].strip()) == {"-"}:
            start = i + 2
            break
    if start is None:
        raise ValueError("not an EDGAR master index (no 'CIK|Company Name|...' header)")
    entries = []
    for line in lines[start:]:
        parts = line.strip().split("|")
        if len(parts) < 5:
            continue
        cik, filename, filed, form = parts[0].strip(), parts[-1].strip(), parts[-2].strip(), parts[-3].strip()
        company = "|".join(parts[1:-3]).strip()
        if not cik.isdigit():
            continue
        try:
            filed_date = parse_date(filed)
        except FetchConfigError:
            continue
        entries.append(IndexEntry(str(int(cik)), company, form, filed_date, filename))
    return entries


def quarters(since: date, until: date) -> list[tuple[int, int]]:
    """Calendar quarters ``(year, q)`` overlapping ``[since, until]``, oldest first."""
    out = []
    y, q = since.year, (since.month - 1) // 3 + 1
    while (y, q) <= (until.year, (until.month - 1) // 3 + 1):
        out.append((y, q))
        y, q = (y + 1, 1) if q == 4 else (y, q + 1)
    return out


def quarter_bounds(year: int, q: int) -> tuple[date, date]:
    first = date(year, 3 * q - 2, 1)
    last_month = 3 * q
    return first, date(year, last_month, calendar.monthrange(year, last_month)[1])


def full_index_path(year: int, q: int) -> str:
    return f"edgar/full-index/{year}/QTR{q}/master.idx"


def daily_index_path(day: date) -> str:
    q = (day.month - 1) // 3 + 1
    return f"edgar/daily-index/{day.year}/QTR{q}/master.{day:%Y%m%d}.idx"


@dataclass(frozen=True)
class Selection:
    """Which index rows to fetch.  CIKs and company names are alternatives (a row
    matching any of them is kept); forms are exact (``6-K`` does not take ``6-K/A``);
    an empty list means "any"."""

    ciks: frozenset[str] = frozenset()
    companies: tuple[str, ...] = ()        # lower-cased substrings
    forms: frozenset[str] = frozenset()    # upper-cased
    since: date | None = None
    until: date | None = None

    def matches(self, e: IndexEntry) -> bool:
        if self.ciks or self.companies:
            name = e.company.lower()
            if e.cik not in self.ciks and not any(c in name for c in self.companies):
                return False
        if self.forms and e.form.upper() not in self.forms:
            return False
        if self.since and e.date_filed < self.since:
            return False
        if self.until and e.date_filed > self.until:
            return False
        return True


# --------------------------------------------------------------------------- accounting

@dataclass(frozen=True)
class FetchErrorRow:
    url: str
    path: str
    error: str


@dataclass
class FetchResult:
    """What a fetch did.  ``listed`` filings matched the indexes; each ended up
    ``downloaded``, ``skipped`` (already there) or ``failed`` (one row in ``errors``).
    Index files are counted apart; an index that could not be read also adds an
    error row."""

    out_dir: str = ""
    listed: int = 0
    downloaded: int = 0
    skipped: int = 0
    failed: int = 0
    indexes_downloaded: int = 0
    indexes_cached: int = 0
    indexes_missing: int = 0
    indexes_failed: int = 0
    requests: int = 0
    bytes_downloaded: int = 0
    errors: list[FetchErrorRow] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)     # local files of the listed filings present
    interrupted: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors and not self.interrupted

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1

    def summary(self) -> str:
        text = (f"fetch: {self.listed} listed, {self.downloaded} downloaded, "
                f"{self.skipped} skipped, {self.failed} failed "
                f"(indexes: {self.indexes_downloaded} downloaded, {self.indexes_cached} unchanged")
        if self.indexes_failed:
            text += f", {self.indexes_failed} failed"
        text += f"; {self.requests} requests, {_human(self.bytes_downloaded)})"
        if self.interrupted:
            text += " [interrupted]"
        return text


def _human(n: int) -> str:
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"


def write_errors_csv(path: str | os.PathLike, errors: Sequence[FetchErrorRow]) -> None:
    """Write the errors table (header only when there is none), atomically."""
    path = Path(path)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(ERRORS_COLUMNS)
    for e in errors:
        w.writerow((e.url, e.path, e.error))
    _atomic_write_bytes(path, buf.getvalue().encode("utf-8"))


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    part = path.with_name(path.name + PART_SUFFIX)
    with open(part, "wb") as f:
        f.write(data)
    os.replace(part, path)


# --------------------------------------------------------------------------- rate limit

class RateLimiter:
    """At most ``rate`` requests per second, shared by every thread.

    Requests are spaced at least ``RATE_SAFETY / rate`` seconds apart, measured from
    when each one was actually let through (not when it was scheduled), so sleep
    overshoot never bunches requests and any one-second window holds at most
    ``rate`` of them.
    """

    def __init__(self, rate: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        if not rate > 0:
            raise FetchConfigError("rate must be > 0")
        self.interval = RATE_SAFETY / float(rate)
        self._clock, self._sleep = clock, sleep
        self._lock = threading.Lock()
        self._next = 0.0

    def acquire(self, stop: threading.Event | None = None) -> None:
        with self._lock:
            while True:
                wait = self._next - self._clock()
                if wait <= 0:
                    break
                if stop is not None:
                    if stop.wait(wait):
                        raise _Stopped()
                else:
                    self._sleep(wait)
            self._next = self._clock() + self.interval


class _Stopped(Exception):
    """Internal: the run is being interrupted."""


# --------------------------------------------------------------------------- state

class _State:
    """Sizes and Last-Modified dates of the files already fetched into ``out_dir``."""

    def __init__(self, out_dir: Path):
        self.path = out_dir / STATE_FILE
        self.entries: dict[str, dict] = {}
        self._lock = threading.Lock()
        if self.path.exists():
            with open(self.path, encoding="utf-8", errors="replace") as f:
                for line in f:
                    try:
                        rec = json.loads(line)
                        self.entries[str(rec["path"])] = {
                            "size": int(rec["size"]), "last_modified": rec.get("last_modified")}
                    except (ValueError, KeyError, TypeError):
                        continue       # a torn last line from a killed run
        self._fh = open(self.path, "a", encoding="utf-8")

    def get(self, rel: str) -> dict | None:
        with self._lock:
            return self.entries.get(rel)

    def record(self, rel: str, size: int, last_modified: str | None) -> None:
        rec = {"path": rel, "size": size, "last_modified": last_modified}
        with self._lock:
            self.entries[rel] = {"size": size, "last_modified": last_modified}
            self._fh.write(json.dumps(rec, sort_keys=True) + "\n")
            self._fh.flush()

    def compact(self, out_dir: Path) -> None:
        """Rewrite the state sorted, dropping files no longer on disk."""
        with self._lock:
            self._fh.close()
            lines = []
            for rel in sorted(self.entries):
                if (out_dir / rel).is_file():
                    e = self.entries[rel]
                    lines.append(json.dumps({"path": rel, "size": e["size"],
                                             "last_modified": e["last_modified"]}, sort_keys=True))
            _atomic_write_bytes(self.path, ("\n".join(lines) + "\n" if lines else "").encode())
            self._fh = open(self.path, "a", encoding="utf-8")

    def close(self) -> None:
        with self._lock:
            self._fh.close()


@contextlib.contextmanager
def _dir_lock(out_dir: Path):
    try:
        import fcntl
    except ImportError:            # pragma: no cover - not POSIX: no lock
        yield
        return
    fh = open(out_dir / LOCK_FILE, "a+")
    try:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise FetchLockedError(f"another fetch is running in {out_dir}") from None
        yield
    finally:
        fh.close()


# --------------------------------------------------------------------------- HTTP client

@dataclass
class _Response:
    status: int                      # 200 / 206 written, 304 not modified, 0 skipped
    size: int = 0
    last_modified: str | None = None
    content_length: int | None = None


class EdgarClient:
    """urllib-based client: declared User-Agent, shared rate limit, retries, atomic writes."""

    def __init__(self, base_url: str, user_agent: str, *, rate: float = DEFAULT_RATE,
                 retries: int = DEFAULT_RETRIES, backoff: float = DEFAULT_BACKOFF,
                 max_backoff: float = DEFAULT_MAX_BACKOFF, timeout: float = DEFAULT_TIMEOUT,
                 stop: threading.Event | None = None):
        self.base_url = base_url.rstrip("/")
        self.user_agent = user_agent
        self.limiter = RateLimiter(rate)
        self.retries = max(0, int(retries))
        self.backoff = max(0.0, float(backoff))
        self.max_backoff = max(0.0, float(max_backoff))
        self.timeout = float(timeout)
        self.stop = stop or threading.Event()
        self._opener = urllib.request.build_opener()
        self._lock = threading.Lock()
        self.requests = 0
        self.bytes = 0

    def url(self, rel: str) -> str:
        return f"{self.base_url}/{urllib.parse.quote(rel)}"

    # -- one request -----------------------------------------------------------
    def _open(self, url: str, method: str = "GET", headers: dict | None = None):
        self.limiter.acquire(self.stop)
        with self._lock:
            self.requests += 1
        req = urllib.request.Request(url, method=method, headers={
            "User-Agent": self.user_agent,
            "Accept-Encoding": "identity",
            **(headers or {}),
        })
        return self._opener.open(req, timeout=self.timeout)

    def _with_retries(self, what: str, attempt_fn):
        """Run ``attempt_fn()`` until it returns, retrying ``_Transient`` failures."""
        attempt = 0
        while True:
            if self.stop.is_set():
                raise _Stopped()
            try:
                return attempt_fn()
            except _Transient as exc:
                if attempt >= self.retries:
                    raise FetchError(f"{exc} (gave up after {attempt + 1} attempts)") from None
                delay = self._delay(attempt, exc.retry_after)
                log.info("retrying %s in %.2fs: %s", what, delay, exc)
                attempt += 1
                if self.stop.wait(delay):
                    raise _Stopped() from None

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(max(retry_after, 0.0), MAX_RETRY_AFTER)
        cap = min(self.max_backoff, self.backoff * (2 ** attempt))
        return cap / 2 + random.uniform(0, cap / 2)        # "equal jitter"

    @staticmethod
    def _classify_http(exc: urllib.error.HTTPError):
        code = exc.code
        with contextlib.suppress(Exception):
            exc.close()
        if code in (404, 410):
            return _NotFound(f"HTTP {code} {exc.reason}")
        if code == 429 or 500 <= code <= 599 or code == 408:
            return _Transient(f"HTTP {code} {exc.reason}",
                              retry_after=_retry_after(exc.headers.get("Retry-After")) if exc.headers else None)
        if code == 403:
            return FetchError(f"HTTP 403 {exc.reason} (EDGAR refuses undeclared User-Agents "
                              "and clients over its rate limit)")
        return FetchError(f"HTTP {code} {exc.reason}")

    # -- HEAD --------------------------------------------------------------------
    def head_size(self, rel: str) -> int | None:
        """Content-Length of ``rel`` (None if the server does not say)."""
        url = self.url(rel)

        def attempt():
            try:
                with self._open(url, "HEAD") as resp:
                    n = resp.headers.get("Content-Length")
                    return int(n) if n and n.isdigit() else None
            except urllib.error.HTTPError as exc:
                raise self._classify_http(exc) from None
            except _NETWORK_ERRORS as exc:
                raise _Transient(_describe(exc)) from None

        return self._with_retries(url, attempt)

    # -- GET to a file -------------------------------------------------------------
    def download(self, rel: str, dest: Path, *, if_modified_since: str | None = None,
                 resume: bool = False, on_bytes: Callable[[int], None] | None = None) -> _Response:
        """GET ``rel`` into ``dest`` through ``dest.part``, renamed into place when complete.

        ``if_modified_since``: a 304 answer returns status 304 and leaves ``dest`` alone.
        ``resume``: continue an existing ``.part`` with a Range request (immutable files).
        Raises ``FetchError`` (permanent / retries exhausted) or ``_NotFound``.
        """
        url = self.url(rel)
        part = dest.with_name(dest.name + PART_SUFFIX)

        def attempt() -> _Response:
            have = part.stat().st_size if resume and part.exists() else 0
            headers = {}
            if if_modified_since:
                headers["If-Modified-Since"] = if_modified_since
            if have:
                headers["Range"] = f"bytes={have}-"
            try:
                resp = self._open(url, "GET", headers)
            except urllib.error.HTTPError as exc:
                if exc.code == 304:
                    exc.close()
                    return _Response(304)
                if exc.code == 416 and have:
                    exc.close()
                    part.unlink(missing_ok=True)       # stale .part: start over
                    raise _Transient("HTTP 416 on resume; restarting", retry_after=0)
                raise self._classify_http(exc) from None
            except _NETWORK_ERRORS as exc:
                raise _Transient(_describe(exc)) from None
            with resp:
                status = resp.status
                last_modified = resp.headers.get("Last-Modified")
                length = resp.headers.get("Content-Length")
                length = int(length) if length and length.isdigit() else None
                if status == 206:
                    start, total = _content_range(resp.headers.get("Content-Range"))
                    if start != have or total is None:
                        part.unlink(missing_ok=True)
                        raise _Transient("unexpected Content-Range; restarting", retry_after=0)
                    mode, written, expected = "ab", have, total
                elif status == 200:
                    mode, written, expected = "wb", 0, length
                else:
                    raise FetchError(f"unexpected HTTP status {status}")
                try:
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    f = open(part, mode)
                except OSError as exc:
                    raise FetchError(f"cannot write {part}: {exc}") from None
                with f:
                    while True:
                        if self.stop.is_set():
                            raise _Stopped()
                        try:
                            chunk = resp.read1(CHUNK) if hasattr(resp, "read1") else resp.read(CHUNK)
                        except _NETWORK_ERRORS as exc:
                            raise _Transient(_describe(exc)) from None
                        if not chunk:
                            break
                        try:
                            f.write(chunk)
                            f.flush()
                        except OSError as exc:
                            raise FetchError(f"cannot write {part}: {exc}") from None
                        written += len(chunk)
                        with self._lock:
                            self.bytes += len(chunk)
                        if on_bytes:
                            on_bytes(len(chunk))
            if expected is not None and written != expected:
                if written > expected:
                    part.unlink(missing_ok=True)
                raise _Transient(f"incomplete body: got {written} of {expected} bytes")
            mtime = _http_date_to_epoch(last_modified)
            if mtime is not None:
                with contextlib.suppress(OSError):
                    os.utime(part, (mtime, mtime))
            os.replace(part, dest)
            return _Response(status, size=written, last_modified=last_modified, content_length=expected)

        try:
            return self._with_retries(url, attempt)
        except (FetchError, _NotFound):
            if not resume:
                part.unlink(missing_ok=True)
            raise


_NETWORK_ERRORS = (urllib.error.URLError, http.client.HTTPException, ConnectionError,
                   TimeoutError, socket.timeout, OSError)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.URLError) and not isinstance(exc, urllib.error.HTTPError):
        reason = exc.reason
        return f"network error: {type(reason).__name__}: {reason}" if isinstance(reason, BaseException) \
            else f"network error: {reason}"
    text = str(exc) or type(exc).__name__
    return f"network error: {type(exc).__name__}: {text}" if text != type(exc).__name__ \
        else f"network error: {text}"


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    when = _http_date_to_epoch(value)
    return None if when is None else max(0.0, when - time.time())


def _http_date_to_epoch(value: str | None) -> float | None:
    if not value:
        return None
    try:
        dt = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.timestamp()


def _content_range(value: str | None) -> tuple[int | None, int | None]:
    m = re.match(r"\s*bytes\s+(\d+)-(\d+)/(\d+|\*)", value or "")
    if not m:
        return None, None
    return int(m.group(1)), (int(m.group(3)) if m.group(3) != "*" else None)


# --------------------------------------------------------------------------- the fetch

ProgressCallback = Callable[[str, object], None]
"""``progress(event, info)``: ``("listed", n)`` once the indexes are read, then one of
``("downloaded"|"skipped"|"failed", relative_path)`` per filing; ``("index", rel)`` per index."""


def fetch_filings(
    out_dir: str | os.PathLike,
    *,
    user_agent: str | None = None,
    ciks: Iterable[str | int] = (),
    companies: Iterable[str] = (),
    forms: Iterable[str] = (),
    since: str | date,
    until: str | date | None = None,
    base_url: str | None = None,
    rate: float = DEFAULT_RATE,
    retries: int = DEFAULT_RETRIES,
    backoff: float = DEFAULT_BACKOFF,
    max_backoff: float = DEFAULT_MAX_BACKOFF,
    timeout: float = DEFAULT_TIMEOUT,
    workers: int = DEFAULT_WORKERS,
    progress: ProgressCallback | None = None,
    today: date | None = None,
    environ: dict | None = None,
) -> FetchResult:
    """Download the filings matching the selection into ``out_dir`` (EDGAR layout).

    Raises ``FetchConfigError`` (bad arguments, missing User-Agent, directory locked)
    before any request is made; every other failure is accounted in the result.
    A ``KeyboardInterrupt`` stops the workers, keeps the ``.part`` files for the
    next run to resume, and is re-raised.
    """
    ua = resolve_user_agent(user_agent, environ)
    base = resolve_base_url(base_url, environ)
    try:
        rate = float(rate)
    except (TypeError, ValueError):
        raise FetchConfigError(f"rate {rate!r} is not a number") from None
    if not 0 < rate <= MAX_RATE:
        raise FetchConfigError(f"rate must be > 0 and at most {MAX_RATE:g} requests/second "
                               f"(EDGAR's limit); got {rate:g}")
    if int(workers) < 1:
        raise FetchConfigError("workers must be at least 1")
    if int(retries) < 0:
        raise FetchConfigError("retries must be >= 0")
    if not float(timeout) > 0:
        raise FetchConfigError("timeout must be > 0")
    today = today or datetime.now(timezone.utc).date()
    since_d = parse_date(since, "--since")
    if since_d is None:
        raise FetchConfigError("--since is required")
    until_d = parse_date(until, "--until") or today
    if until_d < since_d:
        raise FetchConfigError(f"--until {until_d} is before --since {since_d}")
    cik_set = frozenset(normalize_cik(c) for c in split_list([str(c) for c in ciks]))
    company_list = tuple(c.lower() for c in (s.strip() for s in companies) if c)
    form_set = frozenset(f.upper() for f in split_list(list(forms)))
    if not cik_set and not company_list:
        raise FetchConfigError("give at least one --cik or --company")
    selection = Selection(cik_set, company_list, form_set, since_d, until_d)

    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FetchConfigError(f"cannot create output directory {out}: {exc}") from None

    result = FetchResult(out_dir=str(out))
    stop = threading.Event()
    client = EdgarClient(base, ua, rate=rate, retries=retries, backoff=backoff,
                         max_backoff=max_backoff, timeout=timeout, stop=stop)
    notify = progress or (lambda event, info: None)
    count_lock = threading.Lock()

    with _dir_lock(out):
        state = _State(out)
        try:
            with ThreadPoolExecutor(max_workers=int(workers), thread_name_prefix="edgar-fetch") as pool:
                try:
                    entries = _read_indexes(client, pool, out, state, selection, today,
                                            result, count_lock, notify)
                    result.listed = len(entries)
                    notify("listed", result.listed)
                    _fetch_all(client, pool, out, state, entries, result, count_lock, notify)
                except KeyboardInterrupt:
                    stop.set()
                    result.interrupted = True
                    raise
        finally:
            result.requests = client.requests
            result.bytes_downloaded = client.bytes
            if not result.interrupted:
                _sweep_parts(out / "edgar")
                state.compact(out)
            state.close()
    return result


def _local_imt(state: _State, out: Path, rel: str) -> str | None:
    """The If-Modified-Since to send for an index we already have (None if we don't)."""
    local = out / rel
    if not local.is_file():
        return None
    rec = state.get(rel)
    if rec and rec.get("last_modified") and rec.get("size") == local.stat().st_size:
        return rec["last_modified"]
    return email.utils.formatdate(local.stat().st_mtime, usegmt=True)


def _get_index(client: EdgarClient, out: Path, state: _State, rel: str,
               result: FetchResult, lock: threading.Lock, notify) -> str | None:
    """Fetch (or re-validate) one index file; its text, or None when it is 404.

    Raises FetchError when it cannot be had (the cached copy, if any, is then used)."""
    dest = out / rel
    imt = _local_imt(state, out, rel)
    try:
        resp = client.download(rel, dest, if_modified_since=imt)
    except _NotFound:
        with lock:
            result.indexes_missing += 1
        return None
    if resp.status == 304:
        with lock:
            result.indexes_cached += 1
    else:
        state.record(rel, resp.size, resp.last_modified)
        with lock:
            result.indexes_downloaded += 1
    notify("index", rel)
    return dest.read_bytes().decode("utf-8", errors="replace")


def _read_indexes(client, pool, out, state, selection: Selection, today: date,
                  result: FetchResult, lock, notify) -> list[IndexEntry]:
    def load(rel: str) -> list[IndexEntry] | None:
        """The rows of one index; None when the server has no such index (404)."""
        local = out / rel
        try:
            text = _get_index(client, out, state, rel, result, lock, notify)
        except FetchError as exc:
            with lock:
                result.indexes_failed += 1
                result.errors.append(FetchErrorRow(client.url(rel), str(local), str(exc)))
            if not local.is_file():
                return []          # an unreadable index lists nothing (its error row says why)
            log.warning("using the cached copy of %s: %s", rel, exc)
            text = local.read_bytes().decode("utf-8", errors="replace")
        if text is None:
            return None
        try:
            return parse_master_index(text)
        except ValueError as exc:
            with lock:
                result.indexes_failed += 1
                result.errors.append(FetchErrorRow(client.url(rel), str(local), str(exc)))
            return []

    qs = quarters(selection.since, selection.until)
    full = list(pool.map(load, [full_index_path(y, q) for y, q in qs]))
    entries: list[IndexEntry] = []
    for (y, q), got in zip(qs, full):
        if got is not None:
            entries.extend(got)
            continue
        # no full index for this quarter: fall back to its daily indexes
        first, last = quarter_bounds(y, q)
        first, last = max(first, selection.since), min(last, selection.until, today)
        days = []
        d = first
        while d <= last:
            if d.weekday() < 5:
                days.append(d)
            d += timedelta(days=1)
        for got_day in pool.map(load, [daily_index_path(d) for d in days]):
            if got_day is not None:
                entries.extend(got_day)
    # one row per filing (a filing can be listed under several filers), oldest first
    seen: dict[str, IndexEntry] = {}
    for e in entries:
        if selection.matches(e):
            seen.setdefault(e.filename, e)
    return sorted(seen.values(), key=lambda e: (e.date_filed, e.filename))


def _fetch_all(client: EdgarClient, pool, out: Path, state: _State, entries: list[IndexEntry],
               result: FetchResult, lock: threading.Lock, notify) -> None:
    present: dict[str, str] = {}

    def one(e: IndexEntry) -> None:
        rel = e.filename
        url = client.url(rel) if _FILING_PATH.match(rel) else rel
        if not _FILING_PATH.match(rel) or ".." in PurePosixPath(rel).parts:
            _fail(url, str(out / rel), "index names an unexpected file path; not fetched")
            return
        dest = out / rel
        try:
            if _already_have(client, state, dest, rel):
                with lock:
                    result.skipped += 1
                    present[rel] = str(dest)
                notify("skipped", rel)
                return
            resp = client.download(rel, dest, resume=True)
            state.record(rel, resp.size, resp.last_modified)
        except _Stopped:
            raise
        except _NotFound as exc:
            _fail(url, str(dest), f"{exc} (listed in the index but not on the server)")
            return
        except FetchError as exc:
            _fail(url, str(dest), str(exc))
            return
        with lock:
            result.downloaded += 1
            present[rel] = str(dest)
        notify("downloaded", rel)

    def _fail(url: str, path: str, error: str) -> None:
        with lock:
            result.failed += 1
            result.errors.append(FetchErrorRow(url, path, error))
        notify("failed", path)

    futures = [pool.submit(one, e) for e in entries]
    try:
        for fut in futures:
            try:
                fut.result()
            except _Stopped:
                pass
    except KeyboardInterrupt:
        client.stop.set()
        for fut in futures:
            fut.cancel()
        raise
    result.paths = [present[e.filename] for e in entries if e.filename in present]
    # errors in listing order, whatever order the workers finished in
    order = {str(out / e.filename): i for i, e in enumerate(entries)}
    result.errors.sort(key=lambda r: (order.get(r.path, -1), r.path, r.url))


def _already_have(client: EdgarClient, state: _State, dest: Path, rel: str) -> bool:
    """A filing on disk counts as had if its size is the recorded one (no request);
    without a record, a HEAD decides (same Content-Length = had, and it is recorded)."""
    if not dest.is_file():
        return False
    size = dest.stat().st_size
    rec = state.get(rel)
    if rec is not None:
        return rec["size"] == size
    try:
        remote = client.head_size(rel)
    except _NotFound:
        return False
    except FetchError:
        return False
    if remote is not None and remote == size:
        lm = email.utils.formatdate(dest.stat().st_mtime, usegmt=True)
        state.record(rel, size, lm)
        return True
    return False


def _sweep_parts(root: Path) -> None:
    """Remove ``.part`` files a killed run left under ``root``."""
    if not root.is_dir():
        return
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            if name.endswith(PART_SUFFIX):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(dirpath, name))
