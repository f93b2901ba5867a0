"""Dates: normalized against a base date, never against today (issue 2)."""
import datetime as dt

import pytest

from extractor import dates
from extractor.dates import find_dates, normalize

CASES = [
    # (text, base, want)
    ("November 25, 2002", None, ("2002-11-25", "day")),
    ("Nov. 25, 2002", None, ("2002-11-25", "day")),
    ("Sept. 3, 2025", None, ("2025-09-03", "day")),
    ("May 06, 2026", None, ("2026-05-06", "day")),
    ("25 November 2002", None, ("2002-11-25", "day")),
    ("the 25th day of November, 2002", None, ("2002-11-25", "day")),
    ("2002-11-25", None, ("2002-11-25", "day")),
    ("11/25/2002", None, ("2002-11-25", "day")),
    ("11/25/02", None, ("2002-11-25", "day")),
    ("February 12,\u00a02025", None, ("2025-02-12", "day")),
    # month only: month precision
    ("November 2002", None, ("2002-11", "month")),
    ("March, 2025", None, ("2025-03", "month")),
    # no year: the year that puts the date nearest the base, across a year's turn
    ("December 28", "2003-01-03", ("2002-12-28", "day")),
    ("January 5", "2002-12-30", ("2003-01-05", "day")),
    ("January 9", "2025-12-28", ("2026-01-09", "day")),
    ("June 30", "2024-06-02", ("2024-06-30", "day")),
    ("28 December", "2003-01-03", ("2002-12-28", "day")),
    # relative to the base
    ("today", "2002-11-29", ("2002-11-29", "day")),
    ("yesterday", "2002-11-29", ("2002-11-28", "day")),
    ("tomorrow", "2002-12-31", ("2003-01-01", "day")),
    ("next Monday", "2024-05-15", ("2024-05-20", "day")),       # base is a Wednesday
    ("next Wednesday", "2024-05-15", ("2024-05-22", "day")),    # the same weekday: a week on
    ("last Friday", "2024-05-15", ("2024-05-10", "day")),
    ("this Friday", "2024-05-15", ("2024-05-17", "day")),
    # invalid dates are rejected
    ("February 30, 2024", None, None),
    ("13/45/2020", None, None),
    ("2024-02-30", None, None),
    ("February 29", "2023-06-01", ("2024-02-29", "day")),
]


@pytest.mark.parametrize("text, base, want", CASES, ids=[f"{c[0]}@{c[1]}" for c in CASES])
def test_normalize(text, base, want):
    assert normalize(text, base) == want


def test_relative_dates_need_a_base():
    assert normalize("yesterday") is None
    assert find_dates("announced yesterday and today") == []
    assert [d.value for d in find_dates("announced yesterday", "2010-03-02")] == ["2010-03-01"]


def test_find_dates_offsets_and_kinds():
    text = "effective March 10, 2031, with a record date of 3/1/2031 and trading next Monday"
    found = find_dates(text, "2031-03-05")
    assert [(text[d.start:d.end], d.value) for d in found] == [
        ("March 10, 2031", "2031-03-10"), ("3/1/2031", "2031-03-01"), ("next Monday", "2031-03-10")]
    assert [d.relative for d in found] == [False, False, True]


def test_nothing_depends_on_today(monkeypatch):
    """The same inputs give the same values whatever the clock says."""
    class FrozenDate(dt.date):
        @classmethod
        def today(cls):
            return cls(1999, 1, 1)

    class FrozenDateTime(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return cls(1999, 1, 1)

        @classmethod
        def today(cls):
            return cls(1999, 1, 1)

    before = [normalize(t, b) for t, b, _ in CASES]
    dates._normalize.cache_clear()
    monkeypatch.setattr(dt, "date", FrozenDate)
    monkeypatch.setattr(dt, "datetime", FrozenDateTime)
    after = [normalize(t, b) for t, b, _ in CASES]
    assert before == after
    # a year-less date without any base is read against the fixed fallback (2000-01-01), not today
    assert normalize("July 4") == ("1999-07-04", "day")
    assert normalize("March 1") == ("2000-03-01", "day")


def test_dateparser_fallback_is_cached():
    """Forms the exact reader does not know go to dateparser once per (text, base)."""
    dates._dateparser.cache_clear()
    normalize("4th of July 2021", "2021-01-01")
    normalize("4th of July 2021", "2021-01-01")
    info = dates._dateparser.cache_info()
    assert info.misses <= 1
