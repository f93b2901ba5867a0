"""The one owner of dateparser: finds date expressions and normalizes them to ISO.

Every date is read against a base date (the filing's own date), with the language
pinned to English and explicit settings, so nothing depends on the day the tool runs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from dateparser.date import DateDataParser

_MONTHS = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
           r"Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"

# Date expressions as filings write them.  Each alternative is anchored on a month
# name, a digit group or a fixed word, so matching stays linear on any input.
DATE_RE = re.compile(
    r"(?<![\w])(?:"
    rf"(?P<mdy>{_MONTHS}\s+{_DAY}(?:\s*,\s*|\s+)(?:{_YEAR}))"            # November 25, 2002
    rf"|(?P<dmy>{_DAY}\s+(?:day\s+of\s+)?{_MONTHS},?\s+{_YEAR})"          # 25 November 2002
    rf"|(?P<thday>the\s+{_DAY}\s+day\s+of\s+{_MONTHS},?\s+{_YEAR})"       # the 25th day of November, 2002
    rf"|(?P<iso>{_YEAR}-[01]\d-[0-3]\d)"                                  # 2002-11-25
    rf"|(?P<slash>[01]?\d/[0-3]?\d/(?:{_YEAR}|\d\d)(?!\d))"               # 11/25/2002
    rf"|(?P<md>{_MONTHS}\s+{_DAY}(?![\d,]*\s*\d{{4}}))"                   # November 25 (no year)
    rf"|(?P<dm>{_DAY}\s+{_MONTHS}(?!\s*,?\s*\d))"                         # 25 November (no year)
    rf"|(?P<my>{_MONTHS},?\s+{_YEAR})"                                    # November 2002
    r"|(?P<rel>today|yesterday|tomorrow)"
    r")(?![\w])",
    re.IGNORECASE,
)

_YEARLESS = ("md", "dm")


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
def _parser(base: date) -> DateDataParser:
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


@lru_cache(maxsize=65536)
def _normalize(text: str, base: date, yearless: bool) -> tuple[str, str] | None:
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
        # A date without a year takes the year its context gives: the one that puts
        # it nearest the filing's date ("January 9" in a late-December release is next year).
        candidates = []
        for y in (base.year - 1, base.year, base.year + 1):
            try:
                candidates.append(got.replace(year=y))
            except ValueError:
                continue
        if not candidates:
            return None
        got = min(candidates, key=lambda d: abs((d - base).days))
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
    yearless = bool(m and (m.lastgroup in _YEARLESS))
    return _normalize(text, b, yearless)


def find_dates(text: str, base: str | date | None = None) -> list[DateMention]:
    """Every date expression in ``text`` with its normalized value."""
    b = _to_date(base) or FALLBACK_BASE
    out = []
    for m in DATE_RE.finditer(text):
        kind = m.lastgroup
        raw = m.group(0)
        if kind == "rel" and _to_date(base) is None:
            continue  # "today" means nothing without a dateline
        if kind == "slash" and len(raw.rsplit("/", 1)[-1]) == 2:
            raw_year = int(raw.rsplit("/", 1)[-1])
            raw = raw[: -2] + str(1900 + raw_year if raw_year > 50 else 2000 + raw_year)
        norm = _normalize(raw, b, kind in _YEARLESS)
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
