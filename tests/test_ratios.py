"""Split ratios in every form filings write them, normalized to NEW:OLD (issue 2).

Each row: a phrase, whether the event is a reverse split, and the (new, old) pair the
event should carry — or "range" with its bounds, or None when no ratio may be read.
"""
from fractions import Fraction

import pytest

from extractor.ratios import find_ratios, to_number


def _ratio(text: str, reverse: bool):
    found = find_ratios(text)
    ranges = [r for r in found if r.kind == "range"]
    if ranges:
        return ("range", ranges[0].low, ranges[0].high)
    for r in found:
        pair = r.oriented(reverse)
        if pair is not None:
            return pair
    return None


FORMS = [
    # digits and words joined by "for"
    ("a 1-for-10 reverse stock split", True, (1, 10)),
    ("a one-for-ten reverse stock split", True, (1, 10)),
    ("a 1 for 10 reverse split", True, (1, 10)),
    ("a one (1) for twenty (20) reverse split", True, (1, 20)),
    ("a 1-for-7.7 reverse split", True, (10, 77)),
    ("the 1–for–250 consolidation", True, (1, 250)),
    # "every N shares ... into one share": old first
    ("every ten (10) shares of common stock outstanding will be converted into one (1) share of common stock",
     True, (1, 10)),
    ("every fifteen (15) shares of the Company's issued and outstanding common stock will be automatically "
     "combined into one (1) share of common stock", True, (1, 15)),
    ("every 30 ordinary shares were consolidated into 1 ordinary share", True, (1, 30)),
    # "N shares to M shares": old first
    ("at a ratio of twelve (12) shares to one (1) share of the same class", True, (1, 12)),
    # colon forms: the event decides the direction
    ("a 10:1 reverse split", True, (1, 10)),
    ("a 1:10 reverse split", True, (1, 10)),
    ("a 3:2 stock split", False, (3, 2)),
    # forward splits
    ("a 2-for-1 forward split", False, (2, 1)),
    ("a three-for-two stock split", False, (3, 2)),
    ("declared a 5-for-1 forward split of its common stock", False, (5, 1)),
    # "one new share for every N": new first
    ("one new share for every 25 existing shares", True, (1, 25)),
    ("one (1) share of common stock for every forty (40) shares of common stock", True, (1, 40)),
    ("one (1) post-consolidation share for every eight (8) pre-consolidation shares", True, (1, 8)),
    # ADS ratio changes (ADSs : shares before and after)
    ("a change of the ADS ratio from one (1) ADS representing five (5) ordinary shares to one (1) ADS "
     "representing fifty (50) ordinary shares", True, (1, 10)),
    ("the Company will change the ratio of its ADSs to ordinary shares from 1:4 to 1:40", True, (1, 10)),
    # ranges left to the board
    ("a reverse split at a ratio of between 1-for-5 and 1-for-20, as determined by the board", True,
     ("range", "1:5", "1:20")),
    ("within a range of 1-for-2 to 1-for-30", True, ("range", "1:2", "1:30")),
    ("by a ratio of not less than 1-for-3 and not more than 1-for-9", True, ("range", "1:3", "1:9")),
    ("one post-consolidation share for a maximum of every twelve pre-consolidation shares", True,
     ("range", None, "1:12")),
    ("proposed up to a 10:1 rollback", True, ("range", None, "1:10")),
]


@pytest.mark.parametrize("text, reverse, want", FORMS, ids=[f[0][:40] for f in FORMS])
def test_ratio_forms(text, reverse, want):
    assert _ratio(text, reverse) == want


NOT_RATIOS = [
    "the meeting starts at 10:30 a.m. Eastern Time",
    "the call begins at 9:00 pm",
    "a 1 for 1 exchange of certificates",
    "shares traded between $1.10 and $2.40",
    "revenue for 2024 rose 12%",
]


@pytest.mark.parametrize("text", NOT_RATIOS)
def test_not_ratios(text):
    assert _ratio(text, True) is None


@pytest.mark.parametrize("text, want", [
    ("ten (10)", Fraction(10)), ("fifteen", Fraction(15)), ("7.7", Fraction(77, 10)),
    ("1,000", Fraction(1000)), ("twenty-five", Fraction(25)), ("nonsense", None),
])
def test_to_number(text, want):
    assert to_number(text) == want


def test_oriented_direction_follows_the_event():
    r = find_ratios("a 20:1 split")[0]
    assert r.oriented(True) == (1, 20)
    assert r.oriented(False) == (20, 1)
