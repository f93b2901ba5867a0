"""Domain vocabularies as data: event types, ISO 15022 CAEV codes, statuses, number words."""
from __future__ import annotations

CORE_TYPES = ("reverse_stock_split", "stock_split", "shareholder_approval",
              "shareholder_meeting", "announcement")
EXTENDED_TYPES = ("cash_dividend", "merger", "name_change", "delisting")
EVENT_TYPES = CORE_TYPES + EXTENDED_TYPES
SPLIT_TYPES = ("reverse_stock_split", "stock_split")

# ISO 15022 corporate-action event codes (CAEV).  Approvals and announcements are
# facts about an action, not actions, so they carry no code of their own.
CAEV = {
    "reverse_stock_split": "SPLR",
    "stock_split": "SPLF",
    "cash_dividend": "DVCA",
    "merger": "MRGR",
    "name_change": "CHAN",
    "delisting": "DLST",
}
MEETING_CAEV = {"annual": "MEET", "extraordinary": "XMET", None: "MEET"}

STATUSES = ("proposed", "approved", "effective", "held", "scheduled", "rejected", "withdrawn")
# When several mentions of one action disagree, the furthest-along status wins.
STATUS_RANK = {"withdrawn": 0, "proposed": 1, "rejected": 2, "approved": 3, "effective": 4,
               "scheduled": 1, "held": 2}

MEETING_TYPES = ("annual", "extraordinary")

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "twenty-five": 25, "thirty": 30, "thirty-five": 35,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "seventy-five": 75,
    "eighty": 80, "ninety": 90, "hundred": 100, "one hundred": 100,
    "two hundred": 200, "two hundred fifty": 250, "three hundred": 300,
    "five hundred": 500, "thousand": 1000, "one thousand": 1000,
}


def lower_pattern(pattern: str) -> str:
    """A pattern for text that was lower-cased first: its literal letters lower-cased, its
    escapes (``\\S``, ``\\W``, ``\\B``, ``\\D``) and group names kept.  Matching lower-cased text
    without ``re.I`` lets the regex engine skip ahead on literal prefixes: several times faster."""
    out = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if pattern.startswith("(?P<", i):
            j = pattern.index(">", i)
            out.append(pattern[i:j + 1])
            i = j + 1
            continue
        out.append(ch.lower())
        i += 1
    return "".join(out)
