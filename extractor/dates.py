"""The one owner of dateparser: finds date expressions and normalizes them to ISO.

Every date is read against a base date (the filing's own date), with the language
pinned to English and explicit settings, so nothing depends on the day the tool runs.
The forms filings write most (``November 25, 2002``, ``25 November 2002``, ``2002-11-25``,
``11/25/2002``, ``November 25``, ``November 2002``, ``today``, ``next Monday``) are read by
a small exact parser; anything else falls back to dateparser, cached per (text, base).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from .vocab import lower_pattern

_MONTHS = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
           r"Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# Date expressions as filings write them.  Each alternative is anchored on a month
# name, a digit group or a fixed word, so matching stays linear on any input.
DATE_RE = re.compile(
    r"(?<![\w])(?=[\dJFMASONDTYL])(?:"        # a month, a digit, the/today/tomorrow/this, yesterday, next/last
    rf"(?P<mdy>{_MONTHS}\s+{_DAY}(?:\s*,\s*|\s+)(?:{_YEAR}))"            # November 25, 2002
    rf"|(?P<dmy>{_DAY}\s+(?:day\s+of\s+)?{_MONTHS},?\s+{_YEAR})"          # 25 November 2002
    rf"|(?P<thday>the\s+{_DAY}\s+day\s+of\s+{_MONTHS},?\s+{_YEAR})"       # the 25th day of November, 2002
    rf"|(?P<iso>{_YEAR}-[01]\d-[0-3]\d)"                                  # 2002-11-25
    rf"|(?P<slash>[01]?\d/[0-3]?\d/(?:{_YEAR}|\d\d)(?!\d))"               # 11/25/2002
    rf"|(?P<md>{_MONTHS}\s+{_DAY}(?![\d,]*\s*\d{{4}}))"                   # November 25 (no year)
    rf"|(?P<dm>{_DAY}\s+{_MONTHS}(?!\s*,?\s*\d))"                         # 25 November (no year)
    rf"|(?P<my>{_MONTHS},?\s+{_YEAR})"                                    # November 2002
    rf"|(?P<rel>today|yesterday|tomorrow|(?:next|last|this)\s+{_WEEKDAYS})"  # relative to the base
    r")(?![\w])",
    re.IGNORECASE,
)

# the same, for lower-cased text (no re.I: faster)
DATE_LOW = re.compile(lower_pattern(DATE_RE.pattern))

_YEARLESS = ("md", "dm")

_MONTH_NUM = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
              "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_WEEKDAY_NUM = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
                "saturday": 5, "sunday": 6}
_PARTS = re.compile(r"(?P<month>[A-Za-z]{3,9})\.?|(?P<num>\d+)(?:st|nd|rd|th)?", re.I)


@dataclass(frozen=True)
class DateMention:
    """A date expression found in text, with its normalized value."""

    text: str
    start: int
    end: int
    value: str            # ISO: YYYY-MM-DD, or YYYY-MM for month precision
    precision: str        # day, month
    relative: bool = False


def _to_date(value: str | date | datetime | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@lru_cache(maxsize=64)
def _parser(base: date):
    from dateparser.date import DateDataParser  # imported lazily: the exact parser covers the common forms

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(base.year, base.month, base.day),
            "PREFER_DATES_FROM": "current_period",
            "PREFER_DAY_OF_MONTH": "first",
            "DATE_ORDER": "MDY",
            "RETURN_AS_TIMEZONE_AWARE": False,
            "STRICT_PARSING": False,
        },
    )


# A base used only when the filing states no date at all: a fixed value, never "today".
FALLBACK_BASE = date(2000, 1, 1)


def _nearest_year(month: int, day: int, base: date) -> date | None:
    """A date without a year takes the year its context gives: the one that puts it nearest
    the filing's date ("January 9" in a late-December release is next year)."""
    candidates = []
    for y in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(date(y, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    return min(candidates, key=lambda d: abs((d - base).days))


def _exact(text: str, kind: str | None, base: date) -> tuple[str, str] | None | bool:
    """The common forms, read without dateparser. ``False`` means: not understood here."""
    t = re.sub(r"\s+", " ", text.strip())
    low = t.lower()
    if kind == "rel":
        if low == "today":
            return base.isoformat(), "day"
        if low == "yesterday":
            return (base - timedelta(days=1)).isoformat(), "day"
        if low == "tomorrow":
            return (base + timedelta(days=1)).isoformat(), "day"
        word, _, wd = low.partition(" ")
        target = _WEEKDAY_NUM.get(wd)
        if target is None:
            return False
        delta = (target - base.weekday()) % 7
        if word == "next":
            delta = delta or 7
        elif word == "last":
            delta = -((base.weekday() - target) % 7 or 7)
        return (base + timedelta(days=delta)).isoformat(), "day"
    if kind == "iso":
        try:
            return date.fromisoformat(t).isoformat(), "day"
        except ValueError:
            return None
    if kind == "slash":
        m, d, y = t.split("/")
        year = int(y)
        if len(y) == 2:
            year += 1900 if year > 50 else 2000
        try:
            return date(year, int(m), int(d)).isoformat(), "day"
        except ValueError:
            return None
    month = day = year = None
    for p in _PARTS.finditer(low.replace("day of", " ").replace("the ", " ")):
        if p.group("month"):
            mo = _MONTH_NUM.get(p.group("month")[:3])
            if mo is None:
                return False
            month = mo
        else:
            n = int(p.group("num"))
            if len(p.group("num")) == 4:
                year = n
            elif day is None:
                day = n
            else:
                return False
    if month is None:
        return False
    if day is None:
        if year is None:
            return False
        return f"{year:04d}-{month:02d}", "month"
    if year is None:
        got = _nearest_year(month, day, base)
        return (got.isoformat(), "day") if got else None
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None


@lru_cache(maxsize=65536)
def _normalize(text: str, base: date, kind: str | None) -> tuple[str, str] | None:
    got = _exact(text, kind, base) if kind else False
    if got is not False:
        return got
    return _dateparser(text, base, kind in _YEARLESS)


@lru_cache(maxsize=16384)
def _dateparser(text: str, base: date, yearless: bool) -> tuple[str, str] | None:
    cleaned = re.sub(r"\s+", " ", text.strip()).replace(" day of ", " ")
    cleaned = re.sub(r"^the\s+", "", cleaned, flags=re.I)
    data = _parser(base).get_date_data(cleaned)
    if data is None or data.date_obj is None:
        return None
    got = data.date_obj.date()
    if data.period == "month":
        return f"{got.year:04d}-{got.month:02d}", "month"
    if data.period == "year":
        return None
    if yearless:
        got = _nearest_year(got.month, got.day, base)
        if got is None:
            return None
    return got.isoformat(), "day"


def normalize(text: str, base: str | date | None = None) -> tuple[str, str] | None:
    """Normalize one date expression against ``base``: (ISO value, precision) or None.

    >>> normalize("November 25, 2002")
    ('2002-11-25', 'day')
    >>> normalize("November 2002")
    ('2002-11', 'month')
    >>> normalize("January 9", "2025-12-28")
    ('2026-01-09', 'day')
    >>> normalize("yesterday", "2002-11-29")
    ('2002-11-28', 'day')
    """
    b = _to_date(base) or FALLBACK_BASE
    m = DATE_RE.fullmatch(text.strip())
    kind = m.lastgroup if m else None
    if kind == "rel" and _to_date(base) is None:
        return None
    return _normalize(text, b, kind)


def find_dates(text: str, base: str | date | None = None) -> list[DateMention]:
    """Every date expression in ``text`` with its normalized value."""
    b = _to_date(base) or FALLBACK_BASE
    out = []
    for m in DATE_RE.finditer(text):
        kind = m.lastgroup
        if kind == "rel" and _to_date(base) is None:
            continue  # "today" means nothing without a dateline
        norm = _normalize(m.group(0), b, kind)
        if norm is None:
            continue
        out.append(DateMention(m.group(0), m.start(), m.end(), norm[0], norm[1], kind == "rel"))
    return out


def parse_iso(value: str | None) -> date | None:
    return _to_date(value)


def days_between(a: str | None, b: str | None) -> int | None:
    da, db = _to_date(a), _to_date(b)
    if da is None or db is None:
        return None
    return (da - db).days


__all__ = ["DATE_RE", "DateMention", "normalize", "find_dates", "parse_iso", "days_between"]
