"""Split ratios in all the forms filings write them, normalized to whole NEW:OLD numbers."""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from .vocab import NUMBER_WORDS, lower_pattern

_WORDS = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
# A number as written: digits (with a decimal part), a number word, or both ("ten (10)").
# Digit runs are bounded and start where a number starts: linear time on any input.
NUM = (rf"(?:(?:{_WORDS})(?:\s{{0,3}}\(\s{{0,3}}\d[\d,]{{0,14}}(?:\.\d{{1,6}})?\s{{0,3}}\))?|"
       rf"(?<![\d,.])\d[\d,]{{0,14}}(?:\.\d{{1,6}})?)")
_NUM_ONLY = re.compile(rf"^{NUM}$", re.I)

_FOR = rf"(?P<a>{NUM})[\s\-‑–]*(?:for|into)[\s\-‑–]*(?P<b>{NUM})(?![\d])"
# "1:20" / "20:1"; a clock time ("1:00 p.m.") is not a ratio.
_COLON = (r"(?<![\d:.])(?P<c>\d{1,5}(?:\.\d{1,6})?)\s*(?::|to)\s*(?P<d>\d{1,5}(?:\.\d{1,6})?)(?![\d:])"
          r"(?!\s*(?:a\.?\s?m\b|p\.?\s?m\b|o'clock))")
# "one new share for every ten existing shares": new first, old second.
_PER = (rf"(?P<k>{NUM})\s+(?:[\w\-]+\s+){{0,3}}?(?:shares?|ADSs?|units?)\s+(?:of\s+(?:[\w\-]+\s+){{0,3}}?)?"
        rf"for\s*(?:each|every|(?P<max>a\s+maximum\s+of\s+(?:every\s+)?|up\s+to\s+(?:every\s+)?))\s*"
        rf"(?P<l>{NUM})(?:\s+(?:[\w\-]+\s+){{0,3}}?(?:shares?|ADSs?|units?))?")
# "ten (10) shares to one (1) share": old first, new second.
_TO = (rf"(?P<m>{NUM})\s+(?:[\w\-]+\s+){{0,2}}?(?:shares?|ADSs?)\s+(?:to|into)\s+(?P<n>{NUM})\s+"
       rf"(?:[\w\-]+\s+){{0,2}}?(?:shares?|ADSs?)\b")
# ADS ratio change written as ratios: "the ADS ratio from 1:2 to 1:20" (ADSs : shares).
_ADS_RATIO = (rf"ratio\b[^.;]{{0,80}}?\bfrom\s+(?P<o1>{NUM})\s*(?::|to|for)\s*(?P<o2>{NUM})\s+to\s+"
              rf"(?P<n1>{NUM})\s*(?::|to|for)\s*(?P<n2>{NUM})")
# "every ten (10) shares ... combined/converted into one (1) share": old first, new second.
_EVERY = (rf"every\s+(?P<e>{NUM})\s+(?:(?:issued|outstanding|and|pre-split|existing|of|the|"
          rf"company'?s|common|ordinary|class\s+\w|shares?|stock)\s+){{0,8}}?"
          rf"(?:[^.;]{{0,120}}?)(?:combined|converted|consolidated|reclassified|exchanged|changed)\s+"
          rf"(?:automatically\s+)?into\s+(?P<f>{NUM})\s+(?:\w+\s+){{0,4}}?shares?")
# ADS ratio change: "from one ADS representing two shares to one ADS representing twenty".
_ADS = (rf"from\s+(?:the\s+)?(?:current\s+|existing\s+|previous\s+|prior\s+)?(?:ratio\s+of\s+)?(?P<g>{NUM})\s+ADSs?\s+"
        rf"(?:representing|for|to)\s+(?P<h>{NUM})\s+(?:\w+\s+){{0,3}}?shares?"
        rf"[^.;]{{0,80}}?to\s+(?:a\s+|the\s+)?(?:new\s+)?(?:ratio\s+of\s+)?(?P<i>{NUM})\s+ADSs?\s+(?:representing|for|to)\s+(?P<j>{NUM})")
_RANGE = (rf"(?:between|range\s+of|ranging\s+from|not\s+less\s+than|from|within\s+a\s+range)\s+"
          rf"(?:a\s+ratio\s+of\s+|of\s+)?(?P<lo>{NUM}[\s\-‑–]*(?:for|to|:)[\s\-‑–]*{NUM})[^.;]{{0,60}}?"
          rf"(?:and|to|up\s+to|not\s+more\s+than)\s+(?:a\s+ratio\s+of\s+)?"
          rf"(?P<hi>{NUM}[\s\-‑–]*(?:for|to|:)[\s\-‑–]*{NUM})")

# Every form starts a word with a digit or one of these letters: the engine tries no other position.
_START = r"(?<![\w])(?=[\dotfsenhbrwOTFSENHBRW])"
RATIO_RE = re.compile(rf"{_START}(?:(?:{_RANGE})|(?:{_ADS_RATIO})|(?:{_ADS})|(?:{_EVERY})|(?:{_PER})|(?:{_TO})|(?:{_FOR})|(?:{_COLON}))", re.I)
# the same, for lower-cased text (no re.I: faster)
RATIO_LOW = re.compile(lower_pattern(RATIO_RE.pattern))


_UP_TO = re.compile(r"\b(?:up\s+to|a\s+maximum\s+of|maximum|not\s+(?:to\s+)?exceed(?:ing)?|no\s+more\s+than)\s+(?:an?\s+)?$", re.I)


@dataclass(frozen=True)
class RatioMention:
    """A ratio found in text; ``new``/``old`` as written (not yet oriented), or a range."""

    text: str
    start: int
    end: int
    first: Fraction | None = None
    second: Fraction | None = None
    kind: str = "for"         # for, colon, every, ads, range
    low: str | None = None
    high: str | None = None

    def oriented(self, reverse: bool) -> tuple[int, int] | None:
        """(new, old) as whole numbers, oriented so a reverse split shrinks the count.

        >>> find_ratios("a 1-for-10 reverse split")[0].oriented(True)
        (1, 10)
        >>> find_ratios("a 10:1 reverse split")[0].oriented(True)
        (1, 10)
        >>> find_ratios("a three-for-two stock split")[0].oriented(False)
        (3, 2)
        >>> find_ratios("1-for-7.7")[0].oriented(True)
        (10, 77)
        """
        if self.first is None or self.second is None or not self.first or not self.second:
            return None
        q = self.first / self.second
        if q == 1:
            return None
        if reverse and q > 1 or not reverse and q < 1:
            q = 1 / q
        return q.numerator, q.denominator


def to_number(text: str) -> Fraction | None:
    """'ten (10)' → 10, 'fifteen' → 15, '7.7' → 77/10, '1,000' → 1000."""
    t = text.strip().lower()
    m = re.search(r"\(\s*(\d[\d,]*(?:\.\d+)?)\s*\)", t)
    if m:
        t = m.group(1)
    t = t.replace(",", "")
    if t in NUMBER_WORDS:
        return Fraction(NUMBER_WORDS[t])
    try:
        return Fraction(t)
    except (ValueError, ZeroDivisionError):
        return None


def _pair(text: str) -> str | None:
    m = re.match(rf"({NUM})[\s\-‑–]*(?:for|to|:)[\s\-‑–]*({NUM})", text, re.I)
    if not m:
        return None
    a, b = to_number(m.group(1)), to_number(m.group(2))
    if a is None or b is None:
        return None
    return f"{a}:{b}"


def find_ratios(text: str) -> list[RatioMention]:
    """Every ratio expression in ``text``.

    >>> [r.kind for r in find_ratios("every fifteen (15) shares of common stock will be combined into one (1) share")]
    ['every']
    >>> r = find_ratios("at a ratio of between 1-for-5 and 1-for-20, as determined by the board")[0]
    >>> (r.kind, r.low, r.high)
    ('range', '1:5', '1:20')
    """
    out = []
    for m in RATIO_RE.finditer(text):
        g = m.groupdict()
        if (g.get("a") or g.get("c")) and _UP_TO.search(text, max(0, m.start() - 25), m.start()):
            # "up to a 1-for-10 consolidation": only the bound is fixed
            a, b = to_number(g.get("a") or g["c"]), to_number(g.get("b") or g["d"])
            if a and b and a != b:
                lo, hi = (a, b) if a < b else (b, a)
                out.append(RatioMention(m.group(0), m.start(), m.end(), kind="range", low=None, high=f"{lo}:{hi}"))
            continue
        if g.get("lo"):
            out.append(RatioMention(m.group(0), m.start(), m.end(), kind="range",
                                    low=_pair(g["lo"]), high=_pair(g["hi"])))
        elif g.get("o1"):
            # ADSs : shares before and after; shares per ADS grows in a consolidation.
            o1, o2, n1, n2 = (to_number(g[k]) for k in ("o1", "o2", "n1", "n2"))
            if o1 and o2 and n1 and n2 and "ads" in text[max(0, m.start() - 40):m.end()].lower():
                out.append(RatioMention(m.group(0), m.start(), m.end(), o2 / o1, n2 / n1, "ads"))
        elif g.get("g"):
            # ADSs per share before vs after: shares per ADS grows in a consolidation.
            before = to_number(g["h"]) / to_number(g["g"]) if to_number(g["g"]) else None
            after = to_number(g["j"]) / to_number(g["i"]) if to_number(g["i"]) else None
            if before and after:
                out.append(RatioMention(m.group(0), m.start(), m.end(), before, after, "ads"))
        elif g.get("e"):
            old, new = to_number(g["e"]), to_number(g["f"])
            if old and new:
                out.append(RatioMention(m.group(0), m.start(), m.end(), new, old, "every"))
        elif g.get("k"):
            new, old = to_number(g["k"]), to_number(g["l"])
            if new and old and new != old:
                if g.get("max"):
                    # "one new share for a maximum of every ten": only the bound is fixed
                    out.append(RatioMention(m.group(0), m.start(), m.end(), kind="range",
                                            low=None, high=f"{new}:{old}"))
                else:
                    out.append(RatioMention(m.group(0), m.start(), m.end(), new, old, "per"))
        elif g.get("m"):
            old, new = to_number(g["m"]), to_number(g["n"])
            if old and new and old != new:
                out.append(RatioMention(m.group(0), m.start(), m.end(), new, old, "to"))
        elif g.get("a"):
            a, b = to_number(g["a"]), to_number(g["b"])
            if a and b and a != b and max(a, b) <= 100000:
                out.append(RatioMention(m.group(0), m.start(), m.end(), a, b, "for"))
        elif g.get("c"):
            a, b = to_number(g["c"]), to_number(g["d"])
            if a and b and a != b and ((a == 1 or b == 1) and max(a, b) <= 10000 or max(a, b) <= 10):
                out.append(RatioMention(m.group(0), m.start(), m.end(), a, b, "colon"))
    return out
