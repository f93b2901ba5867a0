#!/usr/bin/env python3
"""Generate data/train/sentences.jsonl: sentence-level training examples for the
corporate-action classifier.

Every sentence is written by the project (templates x fillers, plus hand-written
sentences) about FICTIONAL companies; no text is copied from any filing.
Deterministic: fixed seed; run `python3 data/train/make_sentences.py`.

Record: {"text", "labels", "status", "ratio", "meeting_type", "note"}
  labels        subset of LABELS; empty list = hard negative
  status        status of the sentence's main event (precedence: split > meeting >
                approval outcome); null when none applies
  ratio         "NEW:OLD" / "range" / null for split sentences
  meeting_type  "annual" / "extraordinary" / null when a meeting is labelled
"""
import datetime as dt
import json
import os
import random
import re
from math import gcd

SEED = 20240917
rng = random.Random(SEED)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sentences.jsonl")

LABELS = ["reverse_stock_split", "stock_split", "shareholder_approval",
          "shareholder_meeting", "announcement", "cash_dividend", "merger",
          "name_change", "delisting"]
STATUSES = {"proposed", "approved", "effective", "held", "scheduled", "rejected", "withdrawn"}

RECORDS = []


def add(text, labels=(), status=None, ratio=None, mt=None, note=""):
    labels = list(labels)
    for l in labels:
        assert l in LABELS, l
    assert status is None or status in STATUSES, status
    text = " ".join(text.split())
    text = text.replace("..", ".").replace("the the ", "the ").replace(" the The ", " The ")
    text = re.sub(r"\b([Aa]) (?=(?:8|11|18|8\d|800)\b|eight|eleven|eighteen|eighty)", r"\1n ", text)
    text = text[0].upper() + text[1:]
    RECORDS.append({"text": text, "labels": labels, "status": status,
                    "ratio": ratio, "meeting_type": mt, "note": note})


def neg(text, note):
    add(text, [], None, None, None, note)


# ----------------------------------------------------------------------------------
# fillers (all invented)
# ----------------------------------------------------------------------------------
STEMS = ["Halvorsen", "Brightwater", "Tamsin", "Veridane", "Aldermoor", "Quellon",
         "Sablecrest", "Marrowfield", "Ostravik", "Pellucid", "Thornbury", "Corrigan",
         "Vantorra", "Belmora", "Drystan", "Elkhorn Vale", "Fenwright", "Glasmere",
         "Kalinda", "Larkspur Bay", "Mirovia", "Nettlefold", "Quorvane", "Zephyrine",
         "Talvenor", "Oskarsund", "Cindral", "Doravel", "Everholt", "Faroway", "Gildmere",
         "Hestova", "Ilvanta", "Juniper Hollow", "Korvald", "Lysander Peak", "Mavrona",
         "Northcairn", "Orlesca", "Pembrane", "Rostmere", "Solvanta", "Trevanion",
         "Ulvik Harbor", "Valtrix", "Wendover Crest", "Yarrowby", "Zellweg", "Ambrell",
         "Braxholm", "Caldera Rise", "Delmont Quay", "Esterlund", "Fallowmere", "Grisvold",
         "Hollister Fen", "Ivorline", "Jessamy", "Kittering", "Lumenhaven", "Morvenna",
         "Nordvik", "Oakhurst Lane", "Pravena", "Quillfeather", "Redwick", "Stellarch",
         "Tolliver Bay", "Umbrine", "Vellacourt", "Westmarch", "Xylena", "Yorvane", "Zandaro"]
US_SUFFIX = ["Inc.", "Corp.", "Corporation", "Holdings, Inc.", "Technologies, Inc.",
             "Therapeutics, Inc.", "Bancorp, Inc.", "Group, Inc.", "Pharmaceuticals, Inc.",
             "Energy Corp.", "Systems, Inc.", "Biologics, Inc.", "Networks, Inc.",
             "Financial Corp.", "Minerals Corp.", "Industries, Inc.", "Software, Inc."]
FX_SUFFIX = ["ASA", "plc", "N.V.", "Ltd.", "Limited", "S.A.", "AG", "AB (publ)",
             "Co., Ltd.", "Holdings Ltd.", "SE", "S.p.A.", "Oyj", "A/S", "Group plc",
             "Mining Ltd.", "Shipping Ltd.", "Telecom Co., Ltd."]
US_CITIES = ["BOSTON, MA", "SAN DIEGO, Calif.", "AUSTIN, Texas", "DENVER, CO", "MIAMI, FL",
             "SEATTLE, Wash.", "NEW YORK, NY", "PRINCETON, N.J.", "HOUSTON, TX",
             "RALEIGH, N.C.", "SALT LAKE CITY, UT", "MINNEAPOLIS, Minn.", "IRVINE, CA"]
FX_CITIES = ["OSLO, Norway", "LONDON", "TEL AVIV, Israel", "ZUG, Switzerland",
             "VANCOUVER, British Columbia", "SYDNEY, Australia", "AMSTERDAM",
             "STOCKHOLM, Sweden", "SEOUL, Korea", "HONG KONG", "DUBLIN, Ireland",
             "TORONTO, Ontario", "SINGAPORE", "COPENHAGEN, Denmark"]

def company(foreign=None):
    if foreign is None:
        foreign = rng.random() < 0.4
    stem = rng.choice(STEMS)
    return f"{stem} {rng.choice(FX_SUFFIX if foreign else US_SUFFIX)}", foreign


def ticker(name):
    letters = [c for c in name.upper() if c.isalpha()]
    return "".join(letters[:1] + rng.sample(letters[1:8], 3))


def short(name):
    return name.split(" ")[0] if " " not in name.split(",")[0][:-1] else name.split(",")[0].rsplit(" ", 1)[0]


ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
        "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def words(n):
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else "-" + ONES[n % 10])
    if n % 100 == 0 and n < 1000:
        return ONES[n // 100] + " hundred"
    return str(n)


def wn(n):
    """number word for hyphenated compounds; digits from 100 up"""
    return words(n) if n < 100 else str(n)


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MON_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
            "Oct.", "Nov.", "Dec."]


def ordinal(n):
    suf = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def rdate(y0=1996, y1=2026):
    y = rng.randint(y0, y1)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    return dt.date(y, m, d)


def fdate(d, foreign=False, allow_noyear=True):
    styles = ["mdy"] * 6 + ["dmy"] * (6 if foreign else 1) + ["abbr", "weekday", "ordinal", "dmy_ord"]
    if allow_noyear:
        styles.append("noyear")
    s = rng.choice(styles)
    if s == "mdy":
        return f"{MONTHS[d.month-1]} {d.day}, {d.year}"
    if s == "dmy":
        return f"{d.day} {MONTHS[d.month-1]} {d.year}"
    if s == "abbr":
        return f"{MON_ABBR[d.month-1]} {d.day}, {d.year}"
    if s == "weekday":
        return f"{d.strftime('%A')}, {MONTHS[d.month-1]} {d.day}, {d.year}"
    if s == "ordinal":
        return f"the {ordinal(d.day)} day of {MONTHS[d.month-1]}, {d.year}"
    if s == "dmy_ord":
        return f"{ordinal(d.day)} {MONTHS[d.month-1]} {d.year}"
    return f"{MONTHS[d.month-1]} {d.day}"


def later(d, lo=3, hi=40):
    return d + dt.timedelta(days=rng.randint(lo, hi))


REV_OLD = [2, 3, 4, 5, 6, 7, 8, 10, 10, 10, 12, 15, 15, 20, 20, 25, 25, 30, 35, 40, 50,
           60, 75, 80, 100, 150, 200, 250, 300]


def rev_ratio_text(old, allow_colon=True):
    """Ratio phrase usable as an adjective before 'reverse stock split'."""
    forms = [f"1-for-{old}", f"1-for-{old}", f"one-for-{wn(old)}", f"1:{old}",
             f"{old}-to-1", f"1-to-{old}", f"{wn(old)}-to-one"]
    if allow_colon:
        forms += [f"{old}:1", f"{old}-for-1"]
    return rng.choice(forms)


def rev_ratio_clause(old, sec="shares of common stock"):
    w = words(old)
    return rng.choice([
        f"every {w} ({old}) {sec} will be combined into one (1) share",
        f"every {old} {sec} issued and outstanding will automatically be converted into one share",
        f"each {w} {sec} will be consolidated into one",
        f"holders will receive one (1) new share for every {w} ({old}) existing {sec}",
        f"every {old} existing {sec} will be reclassified and combined into one new share",
    ])


FWD = [(2, 1), (2, 1), (2, 1), (3, 2), (3, 2), (3, 1), (4, 1), (5, 4), (5, 1), (10, 1), (3, 1), (4, 3), (6, 1)]


def fwd_text(n, o):
    forms = [f"{n}-for-{o}", f"{words(n)}-for-{words(o)}", f"{n}:{o}", f"{n}-for-{o}"]
    return rng.choice(forms)


def ratio_str(n, o):
    g = gcd(n, o)
    return f"{n//g}:{o//g}"


MEET_ANNUAL_US = ["annual meeting of stockholders", "Annual Meeting of Stockholders",
                  "Annual Meeting of Shareholders", "annual meeting of shareholders",
                  "{y} Annual Meeting of Stockholders", "{y} annual meeting of shareholders"]
MEET_ANNUAL_FX = ["annual general meeting", "Annual General Meeting of Shareholders",
                  "AGM", "annual general meeting of members", "{y} Annual General Meeting",
                  "ordinary annual general meeting"]
MEET_SPECIAL_US = ["special meeting of stockholders", "Special Meeting of Stockholders",
                   "special meeting of shareholders", "Special Meeting of Shareholders",
                   "special meeting"]
MEET_SPECIAL_FX = ["extraordinary general meeting", "Extraordinary General Meeting of Shareholders",
                   "EGM", "extraordinary shareholders meeting", "extraordinary general meeting of members",
                   "special general meeting", "extraordinary meeting of shareholders"]


def meeting(kind, foreign, year):
    pool = {("annual", False): MEET_ANNUAL_US, ("annual", True): MEET_ANNUAL_FX,
            ("extraordinary", False): MEET_SPECIAL_US, ("extraordinary", True): MEET_SPECIAL_FX}[(kind, foreign)]
    m = rng.choice(pool).format(y=year)
    return m


def the_meeting(m):
    return ("an " if m[0] in "aeiouAEIOU" and not m.startswith("EGM") else "an " if m.startswith(("AGM", "EGM")) else "a ") + m


def holders(foreign):
    if foreign:
        return rng.choice(["shareholders", "shareholders", "members", "shareholders"])
    return rng.choice(["stockholders", "shareholders", "stockholders"])


def sec(foreign):
    if foreign:
        return rng.choice(["ordinary shares", "common shares", "shares", "registered shares"])
    return rng.choice(["common stock", "Class A common stock", "shares of common stock", "common shares"])


def who(name):
    return rng.choice([name, "the Company", "the Registrant", "the Company", name])


def cap(s):
    return s[0].upper() + s[1:]


def era_exch(year, foreign):
    if foreign:
        pool = ["Nasdaq", "NYSE", "Oslo Børs", "LSE", "TSX", "ASX", "SIX"] + (["OTCQX"] if year >= 2008 else [])
    else:
        pool = ["Nasdaq", "NYSE", "NASDAQ"]
        pool += ["AMEX", "OTC BB"] if year <= 2008 else []
        pool += ["NYSE American"] if year >= 2017 else []
        pool += ["OTCQB"] if year >= 2010 else []
        pool += ["NYSE MKT"] if 2012 <= year <= 2017 else []
    return rng.choice(pool)


def era_wire(year):
    if year < 2006:
        return rng.choice(["BUSINESS WIRE", "PR Newswire", "PRNewswire-FirstCall", "Canada NewsWire", "Market Wire"])
    pool = ["BUSINESS WIRE", "PR Newswire", "GLOBE NEWSWIRE", "Marketwire"]
    if year >= 2013:
        pool += ["ACCESSWIRE", "NEWMEDIAWIRE", "GlobeNewswire"]
    return rng.choice(pool)


def nasdaq_market(year):
    if year < 2006:
        return rng.choice(["The Nasdaq Stock Market", "the Nasdaq National Market", "the Nasdaq SmallCap Market", "the American Stock Exchange", "the New York Stock Exchange"])
    pool = ["The Nasdaq Stock Market", "The Nasdaq Capital Market", "The Nasdaq Global Market", "the New York Stock Exchange"]
    pool += ["the American Stock Exchange"] if year <= 2008 else []
    pool += ["NYSE American"] if year >= 2017 else []
    return rng.choice(pool)


def dateline(name, foreign, d):
    city = rng.choice(FX_CITIES if foreign else US_CITIES)
    wire = era_wire(d.year)
    exch = era_exch(d.year, foreign)
    tk = ticker(name)
    style = rng.randint(0, 2)
    if foreign and rng.random() < 0.5:
        ds = f"{d.day} {MONTHS[d.month-1]} {d.year}"
    else:
        ds = rng.choice([f"{MONTHS[d.month-1]} {d.day}, {d.year}", f"{MONTHS[d.month-1]} {d.day}, {d.year}", f"{MON_ABBR[d.month-1]} {d.day}, {d.year}"])
    if style == 0:
        return f"{city} - {ds} ({wire}) - {name} ({exch}: {tk}) today announced"
    if style == 1:
        return f"{city}, {ds} /{wire}/ -- {name} ({exch}: {tk}) today announced"
    return f"{city}--({wire})--{ds}--{name} ({exch}: {tk}) announced today"


# ----------------------------------------------------------------------------------
# POSITIVES — templated
# ----------------------------------------------------------------------------------

def gen_rss_effective(n):
    for _ in range(n):
        name, fx = company()
        d = rdate()
        old = rng.choice(REV_OLD)
        r = f"1:{old}"
        s = sec(fx)
        t = rng.randint(0, 9)
        rr = rev_ratio_text(old)
        if t == 0:
            add(f"{dateline(name, fx, d)} that it will effect a {rr} reverse stock split of its {s}, effective as of {fdate(later(d), fx)}.",
                ["announcement", "reverse_stock_split"], "effective", r, None, "dated release announcing a split with an effective date")
        elif t == 1:
            add(f"The reverse stock split will become effective at 12:01 a.m. Eastern Time on {fdate(later(d), fx)}, and the {s} will begin trading on a split-adjusted basis when the market opens that day.",
                ["reverse_stock_split"], "effective", None, None, "effective date of the current split, no ratio in sentence")
        elif t == 2:
            add(f"On {fdate(d, fx)}, {who(name)} filed a Certificate of Amendment to its Certificate of Incorporation to effect a {rr} reverse split of its {s}, which became effective upon filing.",
                ["reverse_stock_split"], "effective", r, None, "8-K style: split effected on a stated date")
        elif t == 3:
            add(f"Upon effectiveness of the reverse split on {fdate(later(d), fx)}, {rev_ratio_clause(old, s)}, without any change in par value.",
                ["reverse_stock_split"], "effective", r, None, "mechanics of the current split with date and ratio")
        elif t == 4:
            add(f"{name} (the \"Company\") today announced a {rr} share consolidation, which will take effect on {fdate(later(d), fx)}.",
                ["announcement", "reverse_stock_split"], "effective", r, None, "today announced + consolidation with effective date")
        elif t == 5:
            add(f"Effective {fdate(d, fx)}, the Registrant effected a {wn(old)}-for-one reverse split of its outstanding {s}.",
                ["reverse_stock_split"], "effective", r, None, "reverse split effected on a stated date; N-for-one with reverse context means 1:N")
        elif t == 6:
            add(f"Beginning with the opening of trading on {fdate(later(d), fx)}, the Company's {s} will trade on a post-consolidation basis reflecting the {rr} reverse split under the new CUSIP number.",
                ["reverse_stock_split"], "effective", r, None, "trading on split-adjusted basis from a stated date")
        elif t == 7:
            add(f"The board of directors of {name} has set {fdate(later(d), fx)} as the effective date of the previously approved {rr} reverse stock split.",
                ["reverse_stock_split"], "effective", r, None, "board fixes the effective date of the pending split")
        elif t == 8:
            add(f"{name} will implement a reverse share split at a ratio of {rng.choice(['1-for-', 'one-for-'])}{old if rng.random()<0.5 else words(old)}, effective at market close on {fdate(later(d), fx)}.",
                ["reverse_stock_split"], "effective", r, None, "split to take effect on a stated date")
        else:
            add(f"As a result of the reverse split, which takes effect on {fdate(later(d), fx)}, the number of outstanding {s} will be reduced from approximately {rng.randint(20,900)} million to approximately {rng.randint(1,19)} million.",
                ["reverse_stock_split"], "effective", None, None, "current split with effective date; share counts")


def gen_rss_approved(n):
    for _ in range(n):
        name, fx = company()
        d = rdate()
        old = rng.choice(REV_OLD)
        r = f"1:{old}"
        kind = rng.choice(["annual", "extraordinary", "extraordinary"])
        m = meeting(kind, fx, d.year)
        h = holders(fx)
        s = sec(fx)
        rr = rev_ratio_text(old)
        t = rng.randint(0, 7)
        if t == 0:
            add(f"At {the_meeting(m)} held on {fdate(d, fx)}, the {h} of {name} approved a {rr} reverse split of the Company's {s}.",
                ["reverse_stock_split", "shareholder_approval", "shareholder_meeting"], "approved", r, kind,
                "meeting held, holders approved a split (no effective date)")
        elif t == 1:
            add(f"{cap(h)} approved the proposal to amend the articles of incorporation to effect a {rr} reverse stock split, with {rng.randint(51,95)}% of the votes cast in favor.",
                ["reverse_stock_split", "shareholder_approval"], "approved", r, None, "vote outcome on a split proposal")
        elif t == 2:
            add(f"On {fdate(d, fx)}, the Company's {h} approved a consolidation of the Company's {s} on the basis of one new share for every {words(old)} existing shares.",
                ["reverse_stock_split", "shareholder_approval"], "approved", r, None, "consolidation approved by holders; one new for N old")
        elif t == 3:
            add(f"The Board of Directors of {name} approved a {rr} reverse split of the Company's {s} on {fdate(d, fx)}; the effective date will be announced separately.",
                ["reverse_stock_split"], "approved", r, None, "board approval, not yet effective")
        elif t == 4:
            add(f"{dateline(name, fx, d)} that its {h} approved a {rr} reverse stock split at the Company's {m}.",
                ["announcement", "reverse_stock_split", "shareholder_approval", "shareholder_meeting"], "approved", r, kind,
                "dated release: approval at a meeting")
        elif t == 5:
            add(f"The resolution to consolidate every {words(old)} ({old}) {s} of the Company into one (1) share was passed by the requisite majority at the {m} on {fdate(d, fx)}.",
                ["reverse_stock_split", "shareholder_approval", "shareholder_meeting"], "approved", r, kind,
                "resolution passed at meeting, share consolidation")
        elif t == 6:
            add(f"Proposal No. {rng.randint(2,5)}, to approve an amendment to the Company's charter effecting a {rr} reverse stock split, was approved by the {h}.",
                ["reverse_stock_split", "shareholder_approval"], "approved", r, None, "Item 5.07 proposal outcome")
        else:
            add(f"By written consent dated {fdate(d, fx)}, holders of a majority of the outstanding voting power approved a {rr} reverse split of the {s}.",
                ["reverse_stock_split", "shareholder_approval"], "approved", r, None, "written consent approval (no meeting)")


def gen_rss_range(n):
    for _ in range(n):
        name, fx = company()
        d = rdate(2003, 2026)
        lo = rng.choice([2, 3, 4, 5, 5, 10])
        hi = rng.choice([10, 15, 20, 25, 30, 40, 50, 75, 100])
        if hi <= lo:
            hi = lo * 5
        kind = rng.choice(["annual", "extraordinary"])
        m = meeting(kind, fx, d.year)
        h = holders(fx)
        s = sec(fx)
        rangetxt = rng.choice([
            f"a ratio of not less than 1-for-{lo} and not more than 1-for-{hi}",
            f"a ratio in the range of 1-for-{lo} to 1-for-{hi}",
            f"a ratio between {lo}-to-1 and {hi}-to-1",
            f"any whole-number ratio between one-for-{wn(lo)} and one-for-{wn(hi)}",
            f"a ratio ranging from 1:{lo} to 1:{hi}",
        ])
        t = rng.randint(0, 3)
        if t == 0:
            add(f"At the {m} held on {fdate(d, fx)}, the {h} approved a reverse stock split of the {s} at {rangetxt}, with the exact ratio to be determined by the Board.",
                ["reverse_stock_split", "shareholder_approval", "shareholder_meeting"], "approved", "range", kind, "range left to board, approved at held meeting")
        elif t == 1:
            add(f"{cap(h)} will be asked to approve an amendment authorizing the Board to effect a reverse split of the {s} at {rangetxt} at the {m} to be held on {fdate(later(d), fx)}.",
                ["reverse_stock_split", "shareholder_meeting"], "proposed", "range", kind, "proposal for a scheduled meeting; status of split = proposed")
        elif t == 2:
            add(f"The Board of Directors has approved, and recommends that {h} approve, a reverse stock split at {rangetxt}.",
                ["reverse_stock_split"], "proposed", "range", None, "board proposal to holders")
        else:
            add(f"{dateline(name, fx, d)} that its Board of Directors will seek {h[:-1]} approval for a reverse split of its {s} at {rangetxt}.",
                ["announcement", "reverse_stock_split"], "proposed", "range", None, "dated release proposing a ranged split")


def gen_rss_proposed(n):
    for _ in range(n):
        name, fx = company()
        d = rdate()
        old = rng.choice(REV_OLD)
        r = f"1:{old}"
        kind = rng.choice(["annual", "extraordinary", "extraordinary"])
        m = meeting(kind, fx, d.year)
        h = holders(fx)
        s = sec(fx)
        rr = rev_ratio_text(old)
        t = rng.randint(0, 4)
        if t == 0:
            add(f"The Board has called {the_meeting(m)} to be held on {fdate(d, fx)} for the purpose of approving a {rr} consolidation of the Company's {s}.",
                ["reverse_stock_split", "shareholder_meeting"], "proposed", r, kind, "meeting called to vote on consolidation")
        elif t == 1:
            add(f"The Board of Directors of {name} has proposed a {rr} reverse split of the {s}, subject to approval by the Company's {h}.",
                ["reverse_stock_split"], "proposed", r, None, "board proposal subject to holder vote")
        elif t == 2:
            add(f"Notice is hereby given that {the_meeting(m)} of {name} will be held on {fdate(d, fx)} to consider and, if thought fit, pass a special resolution to consolidate every {words(old)} {s} into one share.",
                ["reverse_stock_split", "shareholder_meeting"], "proposed", r, kind, "notice of meeting with consolidation resolution")
        elif t == 3:
            add(f"{dateline(name, fx, d)} that it has filed a preliminary proxy statement seeking {h[:-1]} approval of a {rr} reverse split.",
                ["announcement", "reverse_stock_split"], "proposed", r, None, "dated release: split proposed in proxy")
        else:
            add(f"The purpose of the {m} is to vote on a proposal to effect a {rr} reverse split of the outstanding {s}.",
                ["reverse_stock_split", "shareholder_meeting"], "proposed", r, kind, "meeting business = split proposal (no date; status of split)")


def gen_ads(n):
    for _ in range(n):
        name, fx = company(True)
        d = rdate(1998, 2026)
        a = rng.choice([1, 2, 4, 5, 10])
        k = rng.choice([5, 10, 10, 20, 25, 40])
        b = a * k
        r = f"1:{k}"
        t = rng.randint(0, 3)
        if t == 0:
            add(f"{name} will change the ratio of its American Depositary Shares (ADSs) from one ADS representing {a} ordinary share{'s' if a>1 else ''} to one ADS representing {b} ordinary shares, effective {fdate(d, True)}.",
                ["reverse_stock_split"], "effective", r, None, "ADS ratio change reducing ADS count = reverse split of ADSs")
        elif t == 1:
            add(f"{dateline(name, True, d)} a change in the ADS-to-ordinary-share ratio from 1:{a} to 1:{b}, which will take effect on {fdate(later(d), True)}.",
                ["announcement", "reverse_stock_split"], "effective", r, None, "dated release: ADS ratio change")
        elif t == 2:
            add(f"On the effective date, ADS holders will receive one new ADS in exchange for every {words(k)} ADSs held, reflecting the new ratio of one ADS to {b} Class A ordinary shares.",
                ["reverse_stock_split"], "effective", r, None, "ADS exchange mechanics")
        else:
            add(f"The Board of {name} approved an ADS ratio change whereby each ADS will represent {words(b)} ordinary shares instead of {words(a)}, which has the same effect as a one-for-{words(k)} reverse split for ADS holders.",
                ["reverse_stock_split"], "approved", r, None, "board-approved ADS ratio change, no date")


def gen_fwd(n):
    for _ in range(n):
        name, fx = company()
        d = rdate()
        nn, oo = rng.choice(FWD)
        r = ratio_str(nn, oo)
        s = sec(fx)
        ft = fwd_text(nn, oo)
        pct = int(round((nn - oo) / oo * 100))
        rec = later(d, 7, 20)
        pay = later(rec, 7, 20)
        t = rng.randint(0, 8)
        if t == 0:
            add(f"{dateline(name, fx, d)} that its Board of Directors has approved a {ft} stock split of its {s}, to be effected in the form of a {pct}% stock dividend payable on {fdate(pay, fx)} to holders of record on {fdate(rec, fx)}.",
                ["announcement", "stock_split"], "effective", r, None, "dated release, split as stock dividend with payment date")
        elif t == 1:
            add(f"The Board of Directors declared a {ft} split of the Company's {s}; {holders(fx)} of record at the close of business on {fdate(rec, fx)} will receive {words(nn-oo)} additional share{'s' if nn-oo>1 else ''} {'for each share' if oo == 1 else 'for every ' + words(oo) + ' shares'} held, with distribution on {fdate(pay, fx)}.",
                ["stock_split"], "effective", r, None, "forward split with record and distribution date")
        elif t == 2:
            add(f"On {fdate(d, fx)}, {who(name)} effected a {ft} forward split of its issued and outstanding {s}.",
                ["stock_split"], "effective", r, None, "forward split effected on stated date")
        elif t == 3:
            add(f"The {ft} stock split will be distributed on {fdate(pay, fx)}, and the shares are expected to begin trading on a split-adjusted basis the following business day.",
                ["stock_split"], "effective", r, None, "distribution date of current split")
        elif t == 4:
            add(f"{name} today announced a {words(nn)}-for-{words(oo)} split of its {s}.",
                ["announcement", "stock_split"], None, r, None, "announced split, status not stated")
        elif t == 5:
            add(f"The Board of {name} has authorized a {ft} forward stock split, subject to approval by FINRA; the payment date has not yet been set.",
                ["stock_split"], "approved", r, None, "board-authorized forward split, no effective date")
        elif t == 6:
            add(f"{cap(holders(fx))} approved an increase in authorized shares and a {ft} stock split at the {meeting('annual', fx, d.year)} held on {fdate(d, fx)}.",
                ["stock_split", "shareholder_approval", "shareholder_meeting"], "approved", r, "annual", "holders approved a forward split at a held AGM")
        elif t == 7:
            name, fx = company(True)
            add(f"The Directors of {name} resolved to subdivide each existing share into {words(nn)} new shares, with the subdivision becoming effective on {fdate(pay, fx)}.",
                ["stock_split"], "effective", f"{nn}:1", None, "share subdivision = forward split")
        else:
            add(f"The split will be effected as a stock dividend of {words(nn-oo)} additional share{'s' if nn-oo>1 else ''} for each {'share' if oo==1 else words(oo)+' shares'} outstanding, payable {fdate(pay, fx)}.",
                ["stock_split"], "effective", r, None, "stock-dividend mechanics of a split, with payable date")


def gen_meeting_held(n):
    for _ in range(n):
        name, fx = company()
        d = rdate()
        kind = rng.choice(["annual", "annual", "extraordinary"])
        m = meeting(kind, fx, d.year)
        h = holders(fx)
        t = rng.randint(0, 7)
        if t == 0:
            add(f"On {fdate(d, fx)}, {who(name)} held its {m}.",
                ["shareholder_meeting"], "held", None, kind, "meeting held on a date")
        elif t == 1:
            add(f"{name} held its {m} on {fdate(d, fx)}, at which the {h} elected {words(rng.randint(3,9))} directors and ratified the appointment of the independent auditors.",
                ["shareholder_meeting", "shareholder_approval"], "held", None, kind, "meeting held + routine approvals (subject other)")
        elif t == 2:
            add(f"At the {m} of {name} held on {fdate(d, fx)}, a total of {rng.randint(10,95)},{rng.randint(100,999)},{rng.randint(100,999)} shares, or approximately {rng.randint(51,89)}% of the outstanding shares, were represented in person or by proxy.",
                ["shareholder_meeting"], "held", None, kind, "quorum statement of held meeting")
        elif t == 3:
            add(f"The {m} was held on {fdate(d, fx)} in {rng.choice(['Dallas, Texas', 'Oslo', 'Zurich', 'Vancouver', 'Atlanta, Georgia', 'Amsterdam', 'a virtual format'])}, and all resolutions proposed were duly passed.",
                ["shareholder_meeting", "shareholder_approval"], "held", None, kind, "held + all resolutions passed")
        elif t == 4:
            add(f"{dateline(name, fx, d)} the results of its {m}, held earlier today.",
                ["announcement", "shareholder_meeting"], "held", None, kind, "dated release reporting meeting results")
        elif t == 5:
            item = "Item 5.07. Submission of Matters to a Vote of Security Holders." if d.year >= 2010 else "Item 4. Submission of Matters to a Vote of Security Holders."
            add(f"{item} The {m} of {name} was held on {fdate(d, fx)}.",
                ["shareholder_meeting"], "held", None, kind, "Item 5.07 (or pre-2010 Item 4) opening sentence")
        elif t == 6:
            add(f"At the Company's {m} convened on {fdate(d, fx)}, the {h} voted on the matters set forth below.",
                ["shareholder_meeting"], "held", None, kind, "meeting convened, vote results follow")
        else:
            add(f"The {m} was adjourned on {fdate(d, fx)} for lack of a quorum and will reconvene on {fdate(later(d, 7, 14), fx)}.",
                ["shareholder_meeting"], "scheduled", None, kind, "adjourned, to reconvene (scheduled)")


def gen_meeting_scheduled(n):
    for _ in range(n):
        name, fx = company()
        d = rdate()
        kind = rng.choice(["annual", "extraordinary"])
        m = meeting(kind, fx, d.year)
        h = holders(fx)
        t = rng.randint(0, 6)
        if t == 0:
            add(f"{name} will hold its {m} on {fdate(d, fx)} at {rng.randint(9,11)}:00 a.m. local time.",
                ["shareholder_meeting"], "scheduled", None, kind, "meeting to be held on date")
        elif t == 1:
            add(f"The Board of Directors has fixed the close of business on {fdate(d, fx)} as the record date for the determination of {h} entitled to vote at the {m} to be held on {fdate(later(d, 20, 50), fx)}.",
                ["shareholder_meeting"], "scheduled", None, kind, "record date + meeting date; the meeting is the event")
        elif t == 2:
            add(f"{dateline(name, fx, d)} that it has called {the_meeting(m)} to be held on {fdate(later(d, 20, 45), fx)}.",
                ["announcement", "shareholder_meeting"], "scheduled", None, kind, "dated release calling a meeting")
        elif t == 3:
            add(f"NOTICE IS HEREBY GIVEN that the {m} of {name} will be held at the Company's offices on {fdate(d, fx)}.",
                ["shareholder_meeting"], "scheduled", None, kind, "notice of meeting")
        elif t == 4:
            add(f"The Board of Directors of {name} resolved on {fdate(d, fx)} to convene {the_meeting(m)} on {fdate(later(d, 20, 40), fx)} to vote on the election of new directors.",
                ["shareholder_meeting"], "scheduled", None, kind, "board convenes meeting")
        elif t == 5:
            add(f"The {m} originally scheduled for {fdate(d, fx)} has been postponed to {fdate(later(d, 10, 30), fx)}.",
                ["shareholder_meeting"], "scheduled", None, kind, "postponed meeting, new date")
        else:
            add(f"{name} has scheduled its {m} for {fdate(d, fx)}, and proxy materials will be mailed to {h} of record on or about {fdate(later(d, -30, -20) if False else d - dt.timedelta(days=rng.randint(20, 35)), fx)}.",
                ["shareholder_meeting"], "scheduled", None, kind, "meeting scheduled")


OTHER_SUBJ = ["the election of each of the director nominees", "the ratification of the appointment of the independent registered public accounting firm",
              "the advisory resolution on executive compensation", "the amendment to the 2015 Equity Incentive Plan",
              "an increase in the number of authorized shares of common stock", "the re-appointment of the auditors and the authorisation of the directors to fix their remuneration",
              "the issuance of shares in excess of 20% of the outstanding shares under Nasdaq Listing Rule 5635(d)",
              "the adoption of the annual accounts and the discharge of the members of the Board"]


def gen_approval_other(n):
    for _ in range(n):
        name, fx = company()
        d = rdate()
        h = holders(fx)
        subj = rng.choice(OTHER_SUBJ)
        t = rng.randint(0, 4)
        if t == 0:
            add(f"The {h} approved {subj}.", ["shareholder_approval"], "approved", None, None, "vote outcome, routine subject (other)")
        elif t == 1:
            add(f"At the meeting, {h} voted to approve {subj}, with {rng.randint(60,99)}% of votes cast in favor.",
                ["shareholder_approval"], "approved", None, None, "vote outcome")
        elif t == 2:
            add(f"The proposal regarding {subj} did not receive the required vote of the {h} and was therefore not approved.",
                ["shareholder_approval"], "rejected", None, None, "proposal rejected")
        elif t == 3:
            add(f"On {fdate(d, fx)}, the {h} of {name} approved {subj} by the requisite majority.",
                ["shareholder_approval"], "approved", None, None, "dated vote outcome")
        else:
            add(f"The {h} rejected the stockholder proposal requesting {rng.choice(['a report on political spending', 'the declassification of the board', 'an independent board chair', 'a climate transition plan'])}.",
                ["shareholder_approval"], "rejected", None, None, "proposal rejected by holders")


def gen_dividend(n):
    for _ in range(n):
        name, fx = company()
        d = rdate()
        amt = rng.choice(["$0.05", "$0.08", "$0.12", "$0.15", "$0.18", "$0.22", "$0.25", "$0.31", "$0.40", "$0.50", "$1.05", "$0.0625", "NOK 2.50", "€0.35", "12 pence", "C$0.10"])
        rec = later(d, 7, 20)
        pay = later(rec, 7, 25)
        kindd = rng.choice(["quarterly cash dividend", "cash dividend", "special cash dividend", "regular quarterly dividend", "semi-annual cash dividend", "interim dividend", "final dividend"])
        t = rng.randint(0, 5)
        if t == 0:
            add(f"{dateline(name, fx, d)} that its Board of Directors has declared a {kindd} of {amt} per share, payable on {fdate(pay, fx)} to {holders(fx)} of record at the close of business on {fdate(rec, fx)}.",
                ["announcement", "cash_dividend"], None, None, None, "dated release declaring a dividend")
        elif t == 1:
            add(f"On {fdate(d, fx)}, the Board of Directors of {name} declared a {kindd} of {amt} per share of common stock, payable {fdate(pay, fx)} to holders of record on {fdate(rec, fx)}.",
                ["cash_dividend"], None, None, None, "dividend declared with dates")
        elif t == 2:
            add(f"The {kindd} of {amt} per share will be paid on {fdate(pay, fx)} to shareholders on the register at the close of business on {fdate(rec, fx)}.",
                ["cash_dividend"], None, None, None, "payment + record date of declared dividend")
        elif t == 3:
            add(f"{name} today announced a {kindd} of {amt} per share, an increase of {rng.randint(2,15)}% over the prior quarter.",
                ["announcement", "cash_dividend"], None, None, None, "today announced a dividend")
        elif t == 4:
            add(f"The Board declared a dividend of {amt} per share in cash, payable on or about {fdate(pay, fx)}; the ex-dividend date is {fdate(rec - dt.timedelta(days=1), fx)}.",
                ["cash_dividend"], None, None, None, "declared cash dividend")
        else:
            add(f"{cap(holders(fx))} approved the payment of a {rng.choice(['final', 'annual'])} dividend of {amt} per share for the {d.year-1} financial year at the {meeting('annual', fx, d.year)} held on {fdate(d, fx)}.",
                ["cash_dividend", "shareholder_approval", "shareholder_meeting"], "approved", None, "annual", "AGM approves dividend")


def gen_merger(n):
    for _ in range(n):
        name, fx = company()
        buyer, _ = company()
        d = rdate()
        px = f"${rng.randint(3,95)}.{rng.choice(['00','25','50','75','10','40'])}"
        t = rng.randint(0, 6)
        if t == 0:
            add(f"On {fdate(d, fx)}, {name} (the \"Company\") entered into an Agreement and Plan of Merger with {buyer} and its wholly owned subsidiary, pursuant to which the subsidiary will merge with and into the Company, with the Company surviving as a wholly owned subsidiary of {short(buyer)}.",
                ["merger"], None, None, None, "issuer to be acquired by merger")
        elif t == 1:
            add(f"{dateline(name, fx, d)} that it has entered into a definitive agreement to be acquired by {buyer} for {px} per share in cash.",
                ["announcement", "merger"], None, None, None, "dated release: issuer to be acquired")
        elif t == 2:
            add(f"On {fdate(d, fx)}, {buyer} completed its acquisition of {name}, and {name}'s {sec(fx)} ceased trading.",
                ["merger"], None, None, None, "acquisition of issuer completed (issuer = target)")
        elif t == 3:
            add(f"At the special meeting held on {fdate(d, fx)}, the stockholders of {name} adopted the merger agreement with {buyer}.",
                ["merger", "shareholder_approval", "shareholder_meeting"], "approved", None, "extraordinary", "holders approve issuer's merger at special meeting")
        elif t == 4:
            add(f"{name} and {buyer} today announced that they have agreed to combine in an all-stock merger of equals.",
                ["announcement", "merger"], None, None, None, "merger of equals announced")
        elif t == 5:
            add(f"{rng.choice(['Quarry', 'Summit', 'Meridian', 'Lodestar', 'Keystone', 'Horizon'])} {rng.choice(['Acquisition', 'Growth', 'Capital'])} Corp. II completed its business combination with {name} on {fdate(d, fx)}, and the combined company's shares began trading under the ticker \"{ticker(name)}\".",
                ["merger"], None, None, None, "SPAC business combination completed (issuer = SPAC/combined co)")
        else:
            add(f"Under the terms of the merger agreement, each outstanding share of {name} will be converted into the right to receive {px} in cash, and the transaction is expected to close in the {rng.choice(['first', 'second', 'third', 'fourth'])} quarter of {d.year}.",
                ["merger"], None, None, None, "merger consideration for issuer's shares (agreed merger)")


def gen_name_change(n):
    for _ in range(n):
        old, fx = company()
        new, _ = company(fx)
        d = rdate()
        t = rng.randint(0, 5)
        if t == 0:
            add(f"Effective {fdate(d, fx)}, the Company changed its name from {old} to {new}.",
                ["name_change"], None, None, None, "name change with effective date")
        elif t == 1:
            add(f"On {fdate(d, fx)}, {old} filed Articles of Amendment with the Secretary of State to change its corporate name to {new}.",
                ["name_change"], None, None, None, "articles of amendment for name change")
        elif t == 2:
            add(f"{dateline(old, fx, d)} that it will change its name to {new}, effective {fdate(later(d), fx)}.",
                ["announcement", "name_change"], None, None, None, "dated release announcing name change")
        elif t == 3:
            add(f"The {holders(fx)} approved a special resolution to change the name of the Company to {new}.",
                ["name_change", "shareholder_approval"], "approved", None, None, "holders approve name change")
        elif t == 4:
            add(f"The name change to {new} will take effect at the opening of trading on {fdate(later(d), fx)}, when the shares will begin trading under the new symbol \"{ticker(new)}\".",
                ["name_change"], None, None, None, "name change effective date")
        else:
            add(f"In connection with the rebranding, the Board approved an amendment to the articles to change the Company's legal name to {new}.",
                ["name_change"], None, None, None, "board-approved name change")


def gen_delisting(n):
    for _ in range(n):
        name, fx = company()
        d = rdate(1998, 2026)
        exch = nasdaq_market(d.year)
        t = rng.randint(0, 5)
        if t in (1, 3) and d.year < 2005:
            d = rdate(2005, 2026)
            exch = nasdaq_market(d.year)
        if t == 0:
            add(f"On {fdate(d, fx)}, {who(name)} received a letter from {'the Listing Qualifications Department of ' if 'Nasdaq' in exch else ''}{exch} notifying it that the closing bid price of its {sec(fx)} had been below $1.00 per share for 30 consecutive business days.",
                ["delisting"], None, None, None, "listing-deficiency notice received")
        elif t == 1:
            add(f"{cap(who(name))} intends to file a Form 25 with the SEC on or about {fdate(d, fx)} to voluntarily delist its {sec(fx)} from {exch}.",
                ["delisting"], None, None, None, "voluntary delisting via Form 25")
        elif t == 2:
            add(f"{dateline(name, fx, d)} that it received a notice from {exch} stating that the Company no longer complies with the minimum stockholders' equity requirement for continued listing.",
                ["announcement", "delisting"], None, None, None, "dated release: listing-deficiency notice")
        elif t == 3:
            add(f"{exch} has determined to suspend trading in the Company's {sec(fx)} effective at the open of business on {fdate(d, fx)} and to file a Form 25-NSE to remove the shares from listing.",
                ["delisting"], None, None, None, "exchange delists the issuer")
        elif t == 4:
            add(f"The Company's {sec(fx)} will be delisted from {exch} effective {fdate(d, fx)} and are expected to be quoted on the {'OTC Pink marketplace' if d.year >= 2011 else 'OTC Bulletin Board'} thereafter.",
                ["delisting"], None, None, None, "delisting on a stated date")
        else:
            add(f"On {fdate(d, fx)}, the Company was notified by {exch} that it had failed to timely file its periodic report and therefore did not comply with the continued listing requirements.",
                ["delisting"], None, None, None, "deficiency notice (late filing)")


def gen_exhibit_descr(n):
    subjects = [
        ("announcing a {rr} reverse stock split", ["reverse_stock_split"], None, "rev"),
        ("announcing that the {h} approved the reverse split at the {m} held on {d2}", ["reverse_stock_split", "shareholder_approval", "shareholder_meeting"], "approved", "revmeet"),
        ("announcing the results of the {m} held on {d2}", ["shareholder_meeting"], "held", "meet"),
        ("announcing the declaration of a quarterly cash dividend", ["cash_dividend"], None, "div"),
        ("announcing a {ft} stock split", ["stock_split"], None, "fwd"),
        ("announcing the change of the Company's name to {new}", ["name_change"], None, "name"),
        ("announcing the convening of an extraordinary general meeting of shareholders on {d2}", ["shareholder_meeting"], "scheduled", "egm"),
        ("announcing the receipt of a Nasdaq deficiency letter", ["delisting"], None, "del"),
        ("announcing the execution of a merger agreement under which the Company will be acquired by {buyer}", ["merger"], None, "mrg"),
    ]
    for _ in range(n):
        name, fx = company()
        d = rdate()
        subj, labs, st, code = rng.choice(subjects)
        old = rng.choice(REV_OLD)
        nn, oo = rng.choice(FWD)
        kind = "annual" if rng.random() < 0.5 else "extraordinary"
        m = meeting(kind, fx, d.year)
        d2 = d - dt.timedelta(days=rng.randint(0, 3))
        fill = dict(rr=rev_ratio_text(old, False), h=holders(fx), m=m, d2=fdate(d2, fx), ft=fwd_text(nn, oo),
                    new=company(fx)[0], buyer=company()[0])
        s = subj.format(**fill)
        lead = rng.choice([f"Exhibit 99.1: a press release dated {fdate(d, fx, False)}, ",
                           f"99.1 Press release of {name}, dated {fdate(d, fx, False)}, ",
                           f"Exhibit 99 -- Press Release issued {fdate(d, fx, False)} ",
                           f"99.1 News release dated {fdate(d, fx, False)} "])
        ratio = None
        mt = None
        if code == "rev":
            ratio = f"1:{old}"
        if code == "fwd":
            ratio = ratio_str(nn, oo)
        if code == "meet":
            mt = kind
        if code == "revmeet":
            mt = kind
        if code == "egm":
            mt = "extraordinary"
        add(lead + s + ".", ["announcement"] + labs, st, ratio, mt, "exhibit description of a dated press release announcing an action")


# ----------------------------------------------------------------------------------
# POSITIVES — hand-written distinct sentences
# ----------------------------------------------------------------------------------
HAND_POS = [
    ("At a special meeting held on the 14th day of August, 1997, the shareholders of the Registrant approved a one-for-five reverse split of the Registrant's Common Stock, which became effective at the close of business that day.",
     ["reverse_stock_split", "shareholder_approval", "shareholder_meeting"], "effective", "1:5", "extraordinary", "1990s phrasing, split effective same day"),
    ("Item 5. Other Events. On October 2, 1998, the Registrant effected a 1-for-3 reverse split of its outstanding Common Stock.",
     ["reverse_stock_split"], "effective", "1:3", None, "pre-2004 8-K Item 5 wording"),
    ("Pursuant to the reverse split, each four shares of Common Stock outstanding on the record date were converted into one share.",
     ["reverse_stock_split"], "effective", "1:4", None, "mechanics of current split"),
    ("Sablecrest Mining Ltd. announces that it will consolidate its common shares on the basis of one post-consolidation share for every ten pre-consolidation shares.",
     ["announcement", "reverse_stock_split"], None, "1:10", None, "Canadian-style consolidation announcement (no date in sentence)"),
    ("The Company's shareholders approved a 20:1 reverse split at the extraordinary general meeting on 3 May 2011.",
     ["reverse_stock_split", "shareholder_approval", "shareholder_meeting"], "approved", "1:20", "extraordinary", "20:1 written reverse-way; reverse split so 1:20"),
    ("A 1:20 reverse split of the ordinary shares was approved by members at the EGM held in Perth on 9 June 2016.",
     ["reverse_stock_split", "shareholder_approval", "shareholder_meeting"], "approved", "1:20", "extraordinary", "members, EGM"),
    ("Under the approved terms, every fifteen (15) shares of the Company's common stock issued and outstanding will be combined into one (1) share of common stock effective as of 5:00 p.m. on March 3, 2009.",
     ["reverse_stock_split"], "effective", "1:15", None, "every N combined into one"),
    ("Trading on a consolidated basis will commence on the TSX Venture Exchange on or about Nov. 25, with the shares consolidated at one for seven and a half.",
     ["reverse_stock_split"], "effective", "2:15", None, "fractional ratio 1-for-7.5 -> 2:15"),
    ("The Board of Directors of Ostravik Shipping Ltd. has resolved to withdraw the proposal for a 1-for-8 share consolidation that was to be voted on at the upcoming extraordinary general meeting.",
     ["reverse_stock_split"], "withdrawn", "1:8", None, "split proposal withdrawn"),
    ("The stockholders did not approve the proposed one-for-twenty-five reverse stock split, which received fewer votes than required under Delaware law.",
     ["reverse_stock_split", "shareholder_approval"], "rejected", "1:25", None, "split proposal rejected"),
    ("Following the special meeting, the Board determined not to proceed with the reverse split and abandoned the amendment before it was filed.",
     ["reverse_stock_split"], "withdrawn", None, None, "split abandoned by board"),
    ("Quellon Systems, Inc. today announced that its Board of Directors has approved a 1-for-10 reverse stock split that will become effective at the close of trading on Friday, July 11, 2008.",
     ["announcement", "reverse_stock_split"], "effective", "1:10", None, "today announced; effective date given"),
    ("GENEVA, Switzerland, 4 February 2020 -- Vellacourt AG announced today that its shareholders approved a reverse share split in the ratio of 10:1 at the Extraordinary General Meeting held this morning.",
     ["announcement", "reverse_stock_split", "shareholder_approval", "shareholder_meeting"], "approved", "1:10", "extraordinary", "Swiss dateline, 10:1 reverse"),
    ("Each holder of ten existing ordinary shares of NOK 0.10 nominal value will receive one new share of NOK 1.00 nominal value.",
     ["reverse_stock_split"], None, "1:10", None, "par-value consolidation mechanics"),
    ("The share consolidation, which reduces the number of issued shares from 812,000,000 to 81,200,000, was registered with the Norwegian Register of Business Enterprises on 2 April 2004 and is effective from that date.",
     ["reverse_stock_split"], "effective", "1:10", None, "registration of consolidation = effective"),
    ("The Company's board approved a 1-for-7 reverse split, and the Company expects the split to be effective in the third quarter of 2023.",
     ["reverse_stock_split"], "approved", "1:7", None, "board-approved; only a quarter given"),
    ("At the Annual General Meeting held on 22nd June 2012, members passed an ordinary resolution approving the consolidation of every 25 ordinary shares of 1p each into one ordinary share of 25p.",
     ["reverse_stock_split", "shareholder_approval", "shareholder_meeting"], "approved", "1:25", "annual", "UK-style consolidation"),
    ("The Company will effect a change in the ratio of its American Depositary Receipts from one ADR representing one ordinary share to one ADR representing ten ordinary shares on or about 18 September 2015.",
     ["reverse_stock_split"], "effective", "1:10", None, "ADR ratio change"),
    ("Brightwater's Board of Directors declared a two-for-one stock split of the common stock, payable in the form of a 100% stock dividend on May 26, 1999.",
     ["stock_split"], "effective", "2:1", None, "1990s 100% stock dividend called a split"),
    ("The three-for-two stock split will be paid on or about February 15 to shareholders of record as of January 31.",
     ["stock_split"], "effective", "3:2", None, "no year in dates"),
    ("TOKYO, June 2, 2006 -- Talvenor Co., Ltd. today announced that its Board of Directors resolved to conduct a 2-for-1 stock split of its common stock with an effective date of July 1, 2006.",
     ["announcement", "stock_split"], "effective", "2:1", None, "Japanese issuer split"),
    ("Each shareholder will receive four additional shares for every share held, resulting in a five-for-one forward split.",
     ["stock_split"], None, "5:1", None, "mechanics; forward"),
    ("Shareholders approved a subdivision of each ordinary share of NZ$0.20 into two ordinary shares of NZ$0.10 each.",
     ["stock_split", "shareholder_approval"], "approved", "2:1", None, "share subdivision approved"),
    ("The 10-for-1 split of the Company's common stock became effective after the close of trading on Friday, and the shares began trading on a split-adjusted basis on Monday, June 10, 2024.",
     ["stock_split"], "effective", "10:1", None, "forward split effective"),
    ("On April 14, 2000, the Board of Directors of Zellweg Networks, Inc. declared a stock split in the form of a stock dividend of one share for every share outstanding.",
     ["stock_split"], None, "2:1", None, "one-for-one stock dividend called a split = 2:1"),
    ("On the 18th day of May, 1996, the Annual Meeting of Shareholders of the Registrant was held at the offices of the Registrant in Tulsa, Oklahoma.",
     ["shareholder_meeting"], "held", None, "annual", "1990s held meeting"),
    ("The Extraordinary General Meeting will be held on Wednesday, 25 November 2020 at 14:00 CET at the Company's registered office in Rotterdam.",
     ["shareholder_meeting"], "scheduled", None, "extraordinary", "EGM scheduled"),
    ("The EGM held on 12 January approved all items on the agenda.",
     ["shareholder_meeting", "shareholder_approval"], "held", None, "extraordinary", "EGM held, approvals"),
    ("All resolutions set out in the notice of AGM dated 2 May 2017 were duly passed on a poll.",
     ["shareholder_approval"], "approved", None, None, "AGM resolutions passed (meeting not dated here)"),
    ("The Company's 2021 Annual Meeting of Stockholders will be a completely virtual meeting held on June 17, 2021 at 9:00 a.m. Pacific Time.",
     ["shareholder_meeting"], "scheduled", None, "annual", "virtual AGM scheduled"),
    ("Holders of record of Class A Common Stock at the close of business on April 3 are entitled to notice of and to vote at the Special Meeting to be held on May 8.",
     ["shareholder_meeting"], "scheduled", None, "extraordinary", "record date + special meeting date"),
    ("Item 4. Submission of Matters to a Vote of Security Holders. The Company's Annual Meeting was held on December 9, 1999, at which the shareholders elected the slate of directors and approved the 1999 Stock Option Plan.",
     ["shareholder_meeting", "shareholder_approval"], "held", None, "annual", "old Item 4 wording"),
    ("Stockholders voted against the proposal to approve the amendment to the Certificate of Incorporation to increase the number of authorized shares.",
     ["shareholder_approval"], "rejected", None, None, "rejected proposal"),
    ("Pursuant to Item 5.07 of Form 8-K, the final voting results for each matter submitted to a vote of stockholders at the Annual Meeting on May 22, 2018 are set forth below.",
     ["shareholder_meeting"], "held", None, "annual", "Item 5.07 intro"),
    ("The shareholders of Korvald ASA resolved at today's extraordinary general meeting to approve the proposed merger with Braxholm AS, whereby Korvald will be the absorbed company.",
     ["merger", "shareholder_approval", "shareholder_meeting"], "approved", None, "extraordinary", "issuer absorbed in merger, approved at EGM"),
    ("The merger became effective on January 3, 2001, upon the filing of the certificate of merger, and the Company became a wholly owned subsidiary of Yarrowby Holdings.",
     ["merger"], None, None, None, "issuer merger completed"),
    ("Stellarch Group plc confirms that the scheme of arrangement by which it will be acquired by Redwick Capital Partners became effective today.",
     ["merger"], None, None, None, "UK scheme of arrangement = acquisition of issuer"),
    ("The Company has changed its name to Umbrine Therapeutics, Inc., effective as of the close of business on September 30, 2014, to reflect its focus on dermatology.",
     ["name_change"], None, None, None, "name change effective"),
    ("Shareholders approved the change of the corporate name from Hestova Pharma AB to Hestova Life Sciences AB (publ) at the annual general meeting on 5 May 2022.",
     ["name_change", "shareholder_approval", "shareholder_meeting"], "approved", None, "annual", "AGM approves name change"),
    ("The Registrant's name was changed from Oakhurst Lane Resources Ltd. to Oakhurst Lithium Corp. by a certificate of amendment issued by the Registrar of Companies on 14 March 2018.",
     ["name_change"], None, None, None, "name change certificate"),
    ("On February 12, 2003, the American Stock Exchange notified the Company that it intends to strike the Company's common stock from listing and registration.",
     ["delisting"], None, None, None, "AMEX delisting notice"),
    ("The Nasdaq Listing Qualifications Panel has determined to delist the Company's shares, and trading will be suspended at the opening of business on August 21, 2002.",
     ["delisting"], None, None, None, "panel delisting determination"),
    ("The Board has resolved to apply for the delisting of the Company's shares from Oslo Børs, with the last day of trading expected to be 30 September 2019.",
     ["delisting"], None, None, None, "voluntary delisting Oslo"),
    ("The Board of Directors declared a cash dividend of seven and one-half cents ($.075) per share payable July 1, 1997 to shareholders of record June 15, 1997.",
     ["cash_dividend"], None, None, None, "1990s dividend wording"),
    ("The directors are recommending a final dividend of 4.2 pence per share, which, subject to approval at the AGM, will be paid on 14 July 2017.",
     ["cash_dividend"], None, None, None, "UK final dividend recommended with payment date"),
]


# ----------------------------------------------------------------------------------
# NEGATIVES — templated
# ----------------------------------------------------------------------------------

def gen_neg_history(n):
    for _ in range(n):
        name, fx = company()
        y = rng.randint(1996, 2023)
        old = rng.choice(REV_OLD)
        nn, oo = rng.choice(FWD)
        rr = rev_ratio_text(old, False)
        t = rng.randint(0, 11)
        s = [
            f"In {y}, we effected a {rr} reverse stock split of our {sec(fx)}.",
            f"All share and per share amounts in the accompanying financial statements have been retroactively adjusted to reflect the {rr} reverse stock split effected on {fdate(rdate(y, y), fx)}.",
            f"Per-share amounts for all periods presented have been adjusted to reflect the {fwd_text(nn, oo)} stock split distributed in {MONTHS[rng.randint(0,11)]} {y}.",
            f"Since our initial public offering, we have completed {words(rng.randint(2,4))} reverse stock splits, most recently a {rr} split in {y}.",
            f"The Company previously effected a {rr} reverse split in {y} to maintain its listing.",
            f"Weighted average shares outstanding give effect to the {fwd_text(nn, oo)} stock split that occurred during fiscal {y}.",
            f"As previously reported, the reverse split approved at the {y} annual meeting became effective in {MONTHS[rng.randint(0,11)]} {y}.",
            f"Share prices in the table below have been adjusted for the {y} share consolidation.",
            f"{name} last split its stock in {y}, when it completed a {fwd_text(nn, oo)} split.",
            f"Our stock price declined significantly following the {rr} reverse split we implemented in {y}.",
            f"The number of shares subject to outstanding options was proportionately reduced in connection with the {y} reverse split.",
            f"Historical share counts reflect the {fwd_text(nn, oo)} forward split of {y}.",
        ][t]
        neg(s, "historical split mention / split-adjusted figures (rule 5)")


def gen_neg_hypo(n):
    for _ in range(n):
        name, fx = company()
        old = rng.choice(REV_OLD)
        rr = rev_ratio_text(old, False)
        t = rng.randint(0, 11)
        s = [
            "We may effect a reverse stock split in order to regain compliance with the minimum bid price requirement, which could reduce the liquidity of our common stock.",
            f"If our {sec(fx)} is delisted, we may seek stockholder approval for a reverse split, although there can be no assurance that a reverse split would result in a sustained increase in our stock price.",
            "A reverse stock split, if effected, could result in some stockholders owning odd lots of fewer than 100 shares.",
            "There is no assurance that our Board will implement a reverse split or, if implemented, that the market price per share will increase proportionately.",
            f"Forward-looking statements in this release include statements regarding the anticipated effects of any reverse stock split and {name}'s ability to maintain its listing.",
            "The Company has no current plans to pursue a reverse stock split.",
            "Management does not presently intend to effect a stock split or declare a stock dividend.",
            "The Board may in the future consider a forward split if the trading price of our shares rises substantially.",
            "Factors that could cause actual results to differ include our ability to regain compliance with Nasdaq listing standards, including through a reverse split, and market conditions.",
            f"Should the Company effect a {rr} reverse split in the future, the number of authorized but unissued shares would increase relative to issued shares.",
            "Any future reverse split would be subject to stockholder approval and could adversely affect the market for our securities.",
            "We might be required to take actions such as a reverse stock split, which could negatively affect the value of your investment.",
        ][t]
        neg(s, "hypothetical / risk factor / forward-looking (rule 5)")


def gen_neg_acquisitions(n):
    for _ in range(n):
        name, fx = company()
        tgt, _ = company()
        d = rdate()
        px = rng.randint(5, 900)
        t = rng.randint(0, 7)
        s = [
            f"On {fdate(d, fx)}, {name} completed its acquisition of {tgt}, a privately held provider of cloud security software, for approximately ${px} million in cash.",
            f"{dateline(name, fx, d)} that it has signed a definitive agreement to acquire {tgt} for ${px} million.",
            f"The Company's wholly owned subsidiary merged with and into {tgt}, with {short(tgt)} surviving as a wholly owned subsidiary of the Company.",
            f"During the quarter, we acquired {words(rng.randint(2,6))} regional distributors for aggregate consideration of ${px} million.",
            f"{name} entered into a share purchase agreement to acquire all of the issued share capital of {tgt}.",
            f"The acquisition of {tgt} is expected to be accretive to earnings in the first full year following closing.",
            f"Revenue increased {rng.randint(3,40)}% primarily due to the contribution of {tgt}, which we acquired in {d.year}.",
            f"The Company completed the purchase of a {rng.randint(51,100)}% interest in {tgt} on {fdate(d, fx)}.",
        ][t]
        neg(s, "issuer acquiring another company is not a merger event (rule 7)")


def gen_neg_pr_other(n):
    for _ in range(n):
        name, fx = company()
        d = rdate()
        t = rng.randint(0, 13)
        q = rng.choice(["first", "second", "third", "fourth"])
        s = [
            f"{dateline(name, fx, d)} financial results for the {q} quarter ended {rng.choice(['March 31', 'June 30', 'September 30', 'December 31'])}, {d.year}.",
            f"{dateline(name, fx, d)} the pricing of an underwritten public offering of {rng.randint(2,30)},000,000 shares of its common stock at ${rng.randint(1,40)}.00 per share.",
            f"{dateline(name, fx, d)} the appointment of {rng.choice(['Dana Whitlock', 'Priya Venkataraman', 'Lars Eikeland', 'Miguel Santamaria', 'Ruth Abernathy'])} as Chief Financial Officer, effective {fdate(later(d), fx)}.",
            f"{dateline(name, fx, d)} that the U.S. Food and Drug Administration has granted Fast Track designation to its lead candidate.",
            f"{dateline(name, fx, d)} the commencement of a cash tender offer to purchase up to ${rng.randint(10,500)} million of its outstanding common stock.",
            f"{dateline(name, fx, d)} that its Board of Directors has approved the spin-off of its specialty chemicals business into an independent publicly traded company.",
            f"{name} today announced that it has been awarded a ${rng.randint(5,300)} million contract by the U.S. Department of Defense.",
            f"{dateline(name, fx, d)} that it has received a letter from Nasdaq confirming that the Company has regained compliance with the minimum bid price requirement.",
            f"{dateline(name, fx, d)} the closing of a private placement of convertible notes in an aggregate principal amount of ${rng.randint(5,250)} million.",
            f"{dateline(name, fx, d)} the launch of its next-generation {rng.choice(['battery management platform', 'handheld ultrasound device', 'satellite modem', 'payments app'])}.",
            f"{dateline(name, fx, d)} a $ {rng.randint(10,500)} million share repurchase program.",
            f"{dateline(name, fx, d)} that it will report {q} quarter results before the market opens on {fdate(later(d), fx)}.",
            f"Exhibit 99.1: a press release dated {fdate(d, fx, False)}, announcing the Company's results of operations for the {q} quarter of {d.year}.",
            f"99.1 Press release dated {fdate(d, fx, False)} announcing the completion of the Company's senior notes offering.",
        ][t]
        neg(s, "press release about results/offering/officer/product/tender offer/spin-off/buyback/compliance: no event (rules 3, 8)")


def gen_neg_meeting_refs(n):
    for _ in range(n):
        name, fx = company()
        y = rng.randint(1997, 2027)
        t = rng.randint(0, 9)
        s = [
            f"Each director will serve until the {y} annual meeting of stockholders and until his or her successor is duly elected and qualified.",
            f"The Class III directors' terms expire at the {y} Annual Meeting of Shareholders.",
            f"Proposals of stockholders intended to be presented at the {y} Annual Meeting must be received by the Company no later than {fdate(rdate(y-1, y-1), fx, False)}.",
            f"Mr. {rng.choice(['Halloran', 'Vestergaard', 'Okafor', 'Lindgren', 'Pacheco'])} has informed the Board that he will not stand for re-election at the {y} annual general meeting.",
            "The affirmative vote of a majority of the votes cast is required to approve Proposal 2, and abstentions and broker non-votes will have no effect on the outcome.",
            "Your vote is important; whether or not you plan to attend the meeting, please complete, sign and return the enclosed proxy card.",
            "Proxies will be solicited by mail and may also be solicited by our directors, officers and employees without additional compensation.",
            "If your shares are held in street name, you must obtain a legal proxy from your broker in order to vote in person at the meeting.",
            f"The auditors will hold office until the conclusion of the next annual general meeting of the Company.",
            f"A copy of the minutes of the {y} annual general meeting is available on the Company's website.",
        ][t]
        neg(s, "meeting reference as term of office / proxy boilerplate: not a called or held meeting")


def gen_neg_dividend_boiler(n):
    for _ in range(n):
        name, fx = company()
        y = rng.randint(1996, 2025)
        t = rng.randint(0, 10)
        s = [
            "We have never declared or paid cash dividends on our capital stock and do not anticipate paying any cash dividends in the foreseeable future.",
            "Participants in the Dividend Reinvestment and Stock Purchase Plan may reinvest all or a portion of their cash dividends in additional shares at a 3% discount.",
            "The declaration and payment of future dividends will be at the discretion of the Board of Directors and will depend on earnings, financial condition and other factors.",
            f"Dividends paid to shareholders totaled ${rng.randint(2,400)}.{rng.randint(1,9)} million in fiscal {y}, compared with ${rng.randint(2,400)}.{rng.randint(1,9)} million in the prior year.",
            "Our credit agreement restricts our ability to pay dividends without the lenders' consent.",
            f"The Company paid a quarterly dividend of ${rng.choice(['0.10','0.14','0.21','0.30'])} per share in each quarter of {y}.",
            "Dividends on the Series A Preferred Stock accrue at a rate of 8% per annum and are payable in additional shares at the Company's option.",
            "Under Bermuda law, a company may not declare or pay dividends if there are reasonable grounds for believing that it would be unable to pay its liabilities as they become due.",
            "Holders of ADSs will receive dividends, if any, net of the depositary's fees and applicable withholding taxes.",
            f"The dividend yield assumption used in the Black-Scholes model was {rng.choice(['0%', '1.2%', '2.5%'])}.",
            "Stockholders who hold shares through the DRIP will have fractional shares credited to their accounts.",
        ][t]
        neg(s, "dividend policy / DRIP / history boilerplate: no dividend declared")


def gen_neg_listing(n):
    for _ in range(n):
        name, fx = company()
        d = rdate(1998, 2026)
        t = rng.randint(0, 6)
        s = [
            f"On {fdate(d, fx)}, the Company received written notice from Nasdaq stating that it had regained compliance with {'Listing Rule 5550(a)(2)' if d.year >= 2009 else 'the minimum bid price requirement'} and that the matter is now closed.",
            "If we fail to regain compliance during the grace period, our common stock could be delisted from Nasdaq, which would adversely affect its liquidity.",
            "Our common stock is listed on The Nasdaq Global Select Market under the symbol \"" + ticker(name) + "\".",
            f"The Company has {rng.choice(['180', '180 calendar', 'an additional 180'])} days to regain compliance, during which its shares will continue to trade uninterrupted.",
            f"The Company's ordinary shares have been listed on the {rng.choice(['Oslo Børs', 'London Stock Exchange', 'Tel Aviv Stock Exchange', 'ASX'])} since {d.year}.",
            "Delisting from a national securities exchange could make it more difficult for us to raise capital.",
            f"The Company's shares were approved for listing on the NYSE American and began trading on {fdate(d, fx)}.",
        ][t]
        neg(s, "compliance regained / hypothetical delisting / listing facts: not a deficiency notice or delisting")


def gen_neg_misc(n):
    for _ in range(n):
        name, fx = company()
        d = rdate()
        t = rng.randint(0, 13)
        s = [
            f"On {fdate(d, fx)}, the Board of Directors appointed {rng.choice(['Clara Montague', 'Henrik Aasland', 'Obi Nwachukwu', 'Sven Dahlqvist', 'Teresa Iturbe'])} as a Class II director to fill the vacancy created by the resignation of a former director.",
            f"The Company entered into a securities purchase agreement with certain institutional investors for the sale of {rng.randint(1,20)},000,000 shares of common stock in a registered direct offering.",
            f"On {fdate(d, fx)}, the Company entered into an amendment to its revolving credit facility extending the maturity date to {d.year+4}.",
            "This Current Report on Form 8-K contains forward-looking statements within the meaning of the Private Securities Litigation Reform Act of 1995.",
            "The information in this Item 7.01 shall not be deemed \"filed\" for purposes of Section 18 of the Securities Exchange Act of 1934.",
            "Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused this report to be signed on its behalf by the undersigned hereunto duly authorized.",
            f"The Company completed the spin-off of its {rng.choice(['medical devices', 'retail banking', 'engineered materials', 'aftermarket parts'])} segment through a pro rata distribution of shares to its stockholders.",
            f"Net revenues for the quarter were ${rng.randint(5,900)}.{rng.randint(1,9)} million, an increase of {rng.randint(1,40)}% compared to the prior-year period.",
            "The Compensation Committee approved annual base salary increases for the named executive officers effective January 1.",
            f"{name} commenced a modified Dutch auction tender offer for up to {rng.randint(1,9)},000,000 shares of its common stock.",
            "Indicate by check mark whether the registrant files or will file annual reports under cover of Form 20-F or Form 40-F.",
            f"The warrants are exercisable at ${rng.randint(1,15)}.{rng.randint(10,99)} per share and expire five years from the date of issuance.",
            f"The Company filed a registration statement on Form S-3 covering the resale of shares issuable upon conversion of the notes.",
            f"The Company issued {rng.randint(100,999)},000 restricted stock units to employees under the 2019 Omnibus Incentive Plan.",
        ][t]
        neg(s, "ordinary 8-K / 6-K content with no corporate-action event")


def gen_neg_namehist(n):
    for _ in range(n):
        old, fx = company()
        new, _ = company(fx)
        y = rng.randint(1990, 2022)
        t = rng.randint(0, 4)
        s = [
            f"{new}, formerly known as {old}, was incorporated under the laws of the State of Nevada in {y}.",
            f"The Company changed its name to {new} in {y} following its acquisition of the {rng.choice(['semiconductor', 'pipeline', 'analytics', 'specialty pharmacy'])} business.",
            f"Our common stock will continue to trade under the symbol \"{ticker(new)}\".",
            f"{new} (the \"Company\", previously {old}) is a holding company whose principal asset is its interest in the operating partnership.",
            f"The Company's ticker symbol will change to \"{ticker(new)}\" effective at market open, while the Company's legal name remains unchanged.",
        ][t]
        neg(s, "historical name change / former-name boilerplate / ticker change only")


HAND_NEG = [
    ("The reverse stock split does not require approval of our stockholders under Nevada law.", "procedural statement, no vote outcome and no split in sentence stated as current"),
    ("Approval of the reverse split proposal requires the affirmative vote of holders of a majority of the outstanding shares.", "proxy boilerplate about vote requirement"),
    ("Fractional shares resulting from the consolidation will be rounded up to the nearest whole share.", "mechanics without the event itself (no ratio, no date, no status)"),
    ("Stockholders holding shares in book-entry form do not need to take any action in connection with the split.", "procedural boilerplate"),
    ("Computershare Trust Company, N.A. will act as the exchange agent for the reverse split.", "agent boilerplate"),
    ("The new CUSIP number for the common stock following the split will be 55873Q 208.", "CUSIP detail"),
    ("The market price of our common stock has been volatile and may continue to fluctuate significantly.", "risk factor"),
    ("Our board of directors is authorized to issue up to 10,000,000 shares of preferred stock without further stockholder action.", "charter boilerplate"),
    ("We intend to use the net proceeds from the offering for working capital and general corporate purposes.", "offering boilerplate"),
    ("The Company's independent auditors have expressed substantial doubt about its ability to continue as a going concern.", "going concern"),
    ("Diluted earnings per share were $0.42, compared to $0.37 in the prior-year quarter, on a split-adjusted basis.", "split-adjusted figure"),
    ("Book value per share, adjusted for the 1998 three-for-one split, increased to $14.20.", "historical split in results"),
    ("In October 2015 the shareholders approved a one-for-twelve consolidation, which was completed the following month.", "historical approval and split, described in a later filing"),
    ("The table below shows the high and low sales prices of our common stock for each quarter, adjusted for the reverse split.", "market-price table note"),
    ("Effective upon the spin-off, each holder of record will receive one share of SpinCo for every three shares of the Company held.", "spin-off distribution ratio is not a split"),
    ("The exchange ratio in the acquisition of Fallowmere Analytics was 0.4125 shares of the Company's common stock for each Fallowmere share.", "exchange ratio in issuer's acquisition of another company"),
    ("Hollister Fen Bancorp, Inc. completed its acquisition of Esterlund Community Bank on April 1, 2011.", "issuer acquiring a bank (rule 7)"),
    ("The tender offer will expire at 5:00 p.m., New York City time, on December 18, 2013, unless extended.", "tender offer terms (rule 8)"),
    ("The Board of Directors unanimously recommends that shareholders tender their shares in the offer.", "tender offer (rule 8)"),
    ("The Company's annual report on Form 10-K for the fiscal year ended December 31, 2018 was filed on March 15, 2019.", "periodic report"),
    ("The rights agreement will expire at the close of business on the date of the Company's 2024 annual meeting unless approved by stockholders.", "meeting as an expiry reference"),
    ("Mr. Dahlqvist's term as a director will end at the conclusion of the AGM in 2019.", "term of office reference"),
    ("Directors are elected at each annual general meeting to serve for a term of one year.", "governance boilerplate"),
    ("Shareholders may attend the general meeting in person or appoint a proxy to attend and vote on their behalf.", "generic meeting boilerplate"),
    ("The Company's Articles of Association permit the Board to convene an extraordinary general meeting at any time.", "charter provision, no meeting called"),
    ("The Company is a foreign private issuer and is exempt from the proxy rules under Section 14 of the Exchange Act.", "regulatory status"),
    ("We do not expect to pay dividends on our ordinary shares in the foreseeable future.", "dividend policy"),
    ("Amounts shown are in thousands, except per share data.", "table caption"),
    ("The stock dividend paid in 2005 has been accounted for as a stock split.", "historical stock dividend accounting"),
    ("No dividends were declared during the six months ended June 30, 2009.", "no dividend"),
    ("The Company may from time to time repurchase shares in the open market or in privately negotiated transactions.", "buyback boilerplate"),
    ("Our ADSs are listed on the Nasdaq Global Market; each ADS represents two ordinary shares.", "static ADS ratio statement, no change"),
    ("The depositary may charge a fee of up to $0.05 per ADS for the issuance or cancellation of ADSs.", "ADS fee boilerplate"),
    ("The Company believes that it is in compliance with all applicable continued listing standards.", "compliance statement"),
    ("A copy of the Company's investor presentation is furnished as Exhibit 99.2 to this report.", "exhibit boilerplate"),
    ("Exhibit 99.1 Press release of the Company dated March 2, 2007.", "undated/unspecified subject exhibit (subject unknown)"),
    ("Exhibit 3.1 Certificate of Amendment to the Articles of Incorporation.", "exhibit list entry, no event content"),
    ("The Company will host a conference call at 4:30 p.m. Eastern Time today to discuss the results.", "conference call notice"),
    ("The foregoing description of the merger agreement does not purport to be complete and is qualified in its entirety by reference to the full text.", "legal boilerplate"),
    ("This communication does not constitute an offer to sell or the solicitation of an offer to buy any securities.", "legal boilerplate"),
    ("Investors are urged to read the proxy statement when it becomes available because it will contain important information.", "proxy legend"),
    ("The Company, its directors and executive officers may be deemed to be participants in the solicitation of proxies.", "participants legend"),
    ("The information contained in this report speaks only as of its date, and the Company undertakes no obligation to update it.", "legal boilerplate"),
    ("Stockholders approved the reverse split at the 2014 special meeting, and the split was implemented on July 1, 2014, as described in our annual report for that year.", "historical, as described in a prior report"),
    ("Mirovia Holdings was formerly a subsidiary of Westmarch Group until its initial public offering in 2006.", "corporate history"),
    ("Under the merger agreement, the Company agreed not to solicit alternative acquisition proposals.", "no-shop covenant, no merger fact stated"),
    ("The Company's subsidiary in Singapore was merged into its Malaysian subsidiary as part of an internal reorganization.", "internal reorganization, not the issuer"),
    ("We intend to seek stockholder approval of an increase in authorized shares at a future meeting.", "vague future intention, no meeting called"),
    ("A special meeting may be called only by the Board, the Chairman or holders of at least 25% of the outstanding shares.", "bylaw provision"),
    ("If the reverse split is effected, the per-share exercise price of outstanding options will be increased proportionately.", "conditional mechanics"),
    ("Shares of common stock issued in the offering are not subject to the stock split.", "offering detail, no split fact"),
    ("The Company regained compliance with the NYSE's continued listing standards following the reverse split it effected in 2021.", "compliance regained + historical split"),
    ("Nasdaq's decision to delist another issuer in our sector has increased scrutiny of small-cap biotechnology companies.", "not the issuer"),
    ("We changed our fiscal year end from June 30 to December 31.", "fiscal year change, not a name change"),
    ("The name of the Company's bank subsidiary was changed to Lumenhaven Savings Bank in 2001.", "subsidiary name, historical"),
    ("Our website address is included in this release as an inactive textual reference only.", "boilerplate"),
    ("The Partnership's units are traded on the NYSE under the symbol \"CRQP\".", "listing fact"),
    ("A stock split has no effect on a shareholder's proportionate ownership interest.", "generic statement"),
    ("Historically, our Board has declared a cash dividend each quarter since 1994.", "dividend history"),
    ("Proposal 3 — Approval of a Reverse Stock Split (Proposal heading in the proxy statement).", "proxy heading, no outcome"),
]


def gen_neg_combo(n):
    """combinatorial hard negatives: hypotheticals, no-plans, forward-looking lists,
    historical plan approvals, proxy mechanics, offerings, officer changes."""
    subj = ["We", "The Company", "Management", "Our Board of Directors", "The Board"]
    modal = ["may", "might", "could", "may need to", "may decide to", "could be required to"]
    act = ["effect a reverse stock split", "seek shareholder approval for a share consolidation",
           "implement a reverse split of our common stock", "pursue a forward stock split",
           "change our corporate name", "apply to transfer our listing to another exchange",
           "call a special meeting of stockholders", "suspend or reduce our quarterly dividend",
           "explore a sale of the Company"]
    cond = ["if the bid price of our common stock remains below $1.00",
            "in order to regain compliance with the continued listing requirements",
            "in the future", "if market conditions warrant", "should our Board determine it to be in the best interests of stockholders",
            "to attract institutional investors", "depending on our capital needs"]
    tail = [", which could adversely affect the liquidity of our shares.", ", although no decision has been made.",
            ", and there can be no assurance as to the timing or outcome of any such action.", "."]
    for _ in range(n):
        name, fx = company()
        d = rdate()
        y = d.year
        t = rng.randint(0, 9)
        if t <= 2:
            s = f"{rng.choice(subj)} {rng.choice(modal)} {rng.choice(act)} {rng.choice(cond)}{rng.choice(tail)}"
            note = "hypothetical / risk factor (rule 5)"
        elif t == 3:
            s = (f"{rng.choice(['The Company', name])} {rng.choice(['has no current plans to', 'does not intend to', 'is not currently contemplating a proposal to', 'has decided not to'])} "
                 f"{rng.choice(['effect a reverse stock split', 'split its stock', 'seek a change of its name', 'delist its shares', 'declare a special dividend', 'hold a special meeting'])}"
                 f"{rng.choice(['.', ' at this time.', ' in ' + str(y) + '.'])}")
            note = "no plans / negative intention"
        elif t == 4:
            items = rng.sample(["our ability to maintain the listing of our common stock", "the anticipated effects of a reverse stock split",
                                "the timing of the annual meeting", "future dividend payments", "the expected benefits of the proposed transaction",
                                "our cash runway", "the outcome of clinical trials", "competition", "changes in interest rates"], 3)
            s = f"Forward-looking statements include, but are not limited to, statements regarding {items[0]}, {items[1]} and {items[2]}."
            note = "forward-looking boilerplate"
        elif t == 5:
            py = y - rng.randint(2, 9)
            plan = rng.choice([f"the {py} Equity Incentive Plan", "the Employee Stock Purchase Plan", "the Amended and Restated Stock Option Plan", "the Directors' Deferred Compensation Plan", f"the {py} Long-Term Incentive Plan"])
            s = f"Awards are granted under {plan}, which was approved by {rng.choice(['stockholders', 'shareholders'])} at the {py} {rng.choice(['annual meeting', 'Annual Meeting of Stockholders', 'annual general meeting'])}."
            note = "historical approval used as a reference"
        elif t == 6:
            s = (f"{rng.choice(['Votes', 'Proxies', 'Shares represented by properly executed proxies'])} will be voted "
                 f"{rng.choice(['in accordance with the instructions given', 'FOR each proposal if no instruction is given', 'at the discretion of the proxy holders on any other matters'])}"
                 f"{rng.choice(['.', ' at the meeting.', ', and abstentions will be counted for quorum purposes.'])}")
            note = "proxy mechanics boilerplate"
        elif t == 7:
            s = (f"On {fdate(d, fx)}, {rng.choice([name, 'the Company'])} {rng.choice(['closed', 'priced', 'completed'])} "
                 f"{rng.choice(['an underwritten public offering', 'a registered direct offering', 'a private placement', 'an at-the-market offering'])} of "
                 f"{rng.randint(1,40)},{rng.randint(100,999)},000 {sec(fx)} at a price of ${rng.randint(0,30)}.{rng.randint(10,99)} per share.")
            note = "offering, not an event type"
        elif t == 8:
            who_ = rng.choice(['Jonas Wirtanen', 'Amelia Castellane', 'Rafael Quintero-Blum', 'Hiroshi Tanabe', 'Grace Obuya', 'Peter Lindqvist', 'Sofia Marchetti'])
            role = rng.choice(['Chief Executive Officer', 'Chief Financial Officer', 'General Counsel', 'Chief Operating Officer', 'a member of the Board'])
            s = f"On {fdate(d, fx)}, {who_} {rng.choice(['notified the Company of', 'announced'])} {rng.choice(['her', 'his'])} {rng.choice(['resignation', 'retirement', 'decision to step down'])} as {role}, effective {fdate(later(d), fx)}."
            note = "officer change"
        else:
            q = rng.choice(['first', 'second', 'third', 'fourth'])
            s = (f"{rng.choice([name, 'The Company'])} reported {q} quarter {y} {rng.choice(['revenue', 'net sales', 'total revenues'])} of "
                 f"${rng.randint(1,900)}.{rng.randint(1,9)} million and {rng.choice(['net income', 'a net loss', 'adjusted EBITDA'])} of ${rng.randint(1,90)}.{rng.randint(1,9)} million, or ${rng.randint(0,3)}.{rng.randint(10,99)} per {rng.choice(['diluted share', 'share', 'split-adjusted share'])}.")
            note = "earnings, no corporate action"
        neg(s, note)


HAND_NEG2 = [
    ("The shareholders approved the reverse split in June 2010, and the Company has not effected any split since then.", "historical approval"),
    ("In connection with the 2012 name change, the Company's ticker symbol changed from \"NVKO\" to \"NRVK\".", "historical name change"),
    ("The Company is subject to the risk that it may be acquired in a transaction that stockholders do not support.", "hypothetical acquisition"),
    ("Certain of our stockholders have in the past sought to call special meetings to replace members of our Board.", "historical / generic"),
    ("We were delisted from the Nasdaq Global Market in 2009 and subsequently relisted on the NYSE American in 2017.", "historical delisting"),
    ("If the merger is not completed, the Company may be required to pay a termination fee of $12.5 million.", "conditional merger term, no merger fact"),
    ("The Board has formed a special committee to evaluate strategic alternatives, which may include a sale of the Company.", "strategic review, no agreed merger"),
    ("The Company received an unsolicited, non-binding proposal to acquire all of its outstanding shares, which the Board rejected.", "rejected unsolicited proposal, no merger agreed"),
    ("The special dividend paid in December 2012 reduced retained earnings by $88 million.", "historical special dividend"),
    ("Our former parent distributed all of our shares to its stockholders in a tax-free spin-off in 2015.", "historical spin-off"),
    ("ADS holders will not be entitled to attend shareholder meetings in person but may instruct the depositary how to vote.", "ADS voting boilerplate"),
    ("The term of the Company's auditors will expire at the close of the 2020 ordinary general meeting.", "term of office reference"),
    ("Each member of the Board was elected at the 2018 annual general meeting for a term ending at the 2021 annual general meeting.", "historical election / term"),
    ("The reverse split ratio in this Current Report is stated on a pre-split basis.", "explanatory note"),
    ("All share data in this prospectus give effect to a 1-for-4 reverse stock split effected prior to the closing of this offering.", "prospectus pre-IPO split presentation, offering context"),
    ("The conversion price of the notes is subject to customary adjustment for stock splits, stock dividends and similar events.", "anti-dilution boilerplate"),
    ("Option exercise prices are subject to adjustment in the event of any stock split, reverse split or recapitalization.", "anti-dilution boilerplate"),
    ("The Company's common stock traded below $1.00 for much of 2002, before recovering in the following year.", "price history"),
    ("The Company has paid regular quarterly cash dividends since its initial public offering in 1993.", "dividend history"),
    ("The Trust's units have been listed on the Toronto Stock Exchange since 1998.", "listing history"),
    ("We may not be able to meet the NYSE's continued listing criteria in the future.", "hypothetical listing risk"),
    ("The merger of our two operating subsidiaries was completed as part of an internal restructuring and had no effect on our stockholders.", "internal merger, not the issuer"),
    ("The Company's wholly owned subsidiary, Glasmere Data GmbH, changed its name to Glasmere Analytics GmbH.", "subsidiary name change"),
    ("The Registrant's annual meeting is customarily held in May of each year.", "generic schedule statement"),
    ("Stockholders are encouraged to vote in advance of the meeting by telephone or online.", "proxy boilerplate"),
    ("The inspector of elections will tabulate the votes cast at the meeting.", "procedural"),
    ("A quorum is present if holders of a majority of the outstanding shares are present in person or represented by proxy.", "procedural definition"),
    ("The number of shares of common stock outstanding, as adjusted for the 1999 split, was 44,812,330.", "split-adjusted count"),
    ("The following table sets forth cash dividends declared per share for each quarter of fiscal 2008 and 2007.", "dividend history table"),
    ("This press release does not constitute a notice of meeting or a solicitation of proxies.", "legal boilerplate"),
    ("The Company's bylaws were amended in 2011 to permit virtual stockholder meetings.", "historical bylaw change"),
    ("On March 1, 2017, the Company entered into a lease for its new headquarters in Reston, Virginia.", "lease, no event"),
    ("The Company announced a restructuring plan that will reduce its workforce by approximately 12%.", "restructuring"),
    ("The Company issued a press release announcing that it will present at an investor conference on September 12, 2019.", "conference presentation"),
    ("The Company today announced that its Board of Directors has authorized the repurchase of up to $50 million of its common stock.", "buyback announcement, not an event type"),
    ("Halvorsen Maritime ASA today announced the delivery of its fourth LNG carrier from the shipyard in Ulsan.", "operational news"),
    ("Pellucid Optics, Inc. today announced that it will change its fiscal year end to September 30.", "fiscal year change"),
    ("Mavrona Gold Ltd. today announced the results of its drilling program at the Kettle Ridge property.", "operational results"),
    ("Veridane Corp. announced today that it has completed its previously announced exchange offer for its 2025 senior notes.", "exchange offer for notes"),
    ("The Company issued a press release on November 3, 2005 announcing its third quarter results, a copy of which is attached as Exhibit 99.1.", "results release"),
]

HAND_POS2 = [
    ("On December 1, 1995, the Registrant's Board of Directors authorized a one-for-six reverse split of the Common Stock, to be effective on December 18, 1995.",
     ["reverse_stock_split"], "effective", "1:6", None, "1990s board authorization with effective date"),
    ("The reverse split became effective on Nov. 18, and the Company's shares commenced trading on a post-split basis under the symbol \"QVNE\" on Nov. 19.",
     ["reverse_stock_split"], "effective", None, None, "abbreviated month date, no ratio"),
    ("Item 5.03. On August 4, 2020, the Company filed a Certificate of Change with the Nevada Secretary of State to effect a 1-for-30 reverse split of its issued and outstanding common stock (the \"Reverse Split\"), effective August 7, 2020.",
     ["reverse_stock_split"], "effective", "1:30", None, "Item 5.03 charter amendment for reverse split"),
    ("The Board resolved to carry out a reverse split in the ratio 1:100, to take effect from the start of trading on 2 March 2009.",
     ["reverse_stock_split"], "effective", "1:100", None, "European phrasing, 1:100"),
    ("Korvald ASA's share capital will be reduced in number of shares through a consolidation whereby 20 existing shares are combined into 1 new share, with effect from 15 October 2007.",
     ["reverse_stock_split"], "effective", "1:20", None, "Norwegian consolidation"),
    ("TEL AVIV, Israel, Jan. 8, 2013 -- Trevanion Medical Ltd. (NASDAQ: TRVM) announced today that its shareholders approved a reverse split of its ordinary shares at a ratio of 1:8 at a special general meeting held on January 6, 2013.",
     ["announcement", "reverse_stock_split", "shareholder_approval", "shareholder_meeting"], "approved", "1:8", "extraordinary", "Israeli issuer, special general meeting"),
    ("At the AGM on 28 June 2019, shareholders resolved to merge every thirty shares into one share.",
     ["reverse_stock_split", "shareholder_approval", "shareholder_meeting"], "approved", "1:30", "annual", "'merge shares' = consolidation (not a merger)"),
    ("The Company hereby notifies its shareholders that the reverse share split resolved by the extraordinary general meeting on 11 November 2021 will be carried out on 1 December 2021, with ten (10) old shares giving one (1) new share.",
     ["reverse_stock_split", "shareholder_meeting"], "effective", "1:10", "extraordinary", "notice of implementation of an EGM-resolved split"),
    ("Effective as of 4:01 p.m. on the 30th day of June, 1998, each share of Common Stock was reclassified as one-tenth of a share.",
     ["reverse_stock_split"], "effective", "1:10", None, "reclassification into a fraction of a share"),
    ("The depositary bank will effect the ADS ratio change on September 2, 2022, from one ADS representing five ordinary shares to one ADS representing fifty ordinary shares.",
     ["reverse_stock_split"], "effective", "1:10", None, "ADS ratio change 1:5 -> 1:50"),
    ("Aldermoor Bancorp, Inc. announced that its Board of Directors approved a five-for-four stock split to be paid in the form of a 25% stock dividend on March 15, 2004.",
     ["announcement", "stock_split"], "effective", "5:4", None, "25% stock dividend called a split"),
    ("Shareholders at the annual meeting on April 26, 2000 approved an amendment to increase the authorized common shares to 400 million, enabling the two-for-one stock split declared by the Board in February.",
     ["stock_split", "shareholder_approval", "shareholder_meeting"], "approved", "2:1", "annual", "authorized-share increase enabling declared split"),
    ("Each share of Class B common stock will be split into three shares effective at the close of business on October 3, 2014.",
     ["stock_split"], "effective", "3:1", None, "split of one class"),
    ("The annual general meeting of Esterlund AB (publ) will be held on Tuesday 12 May 2015 at 15.00 at Vasateatern in Stockholm.",
     ["shareholder_meeting"], "scheduled", None, "annual", "Swedish AGM notice"),
    ("The shareholders of Jessamy S.p.A. are called to an Extraordinary Shareholders' Meeting on 29 April 2021, in single call.",
     ["shareholder_meeting"], "scheduled", None, "extraordinary", "Italian-style convocation"),
    ("Korea-based Umbrine Telecom Co., Ltd. held its extraordinary shareholders meeting on the 9th day of March, 2004, at which the reverse split proposed by the Board was approved.",
     ["reverse_stock_split", "shareholder_approval", "shareholder_meeting"], "approved", None, "extraordinary", "ratio not stated"),
    ("The special meeting of members called for 14 August will now be held on 21 August 2014 at the same venue.",
     ["shareholder_meeting"], "scheduled", None, "extraordinary", "rescheduled meeting"),
    ("On the first ballot, the holders of Class A shares voted 61.4% in favour of the share consolidation, short of the two-thirds majority required, and the resolution was defeated.",
     ["reverse_stock_split", "shareholder_approval"], "rejected", None, None, "consolidation resolution defeated"),
    ("Ulvik Harbor Shipping Ltd. today announced that it has withdrawn from the agenda of the upcoming special general meeting the proposal to consolidate its common shares.",
     ["announcement", "reverse_stock_split", "shareholder_meeting"], "withdrawn", None, "extraordinary", "proposal withdrawn, meeting still on"),
    ("The Company's stockholders approved the Agreement and Plan of Merger with Xylena Capital at the special meeting held on August 30, 2006, and the merger was completed the same day.",
     ["merger", "shareholder_approval", "shareholder_meeting"], "approved", None, "extraordinary", "issuer merger approved and completed"),
    ("Pursuant to the merger, which closed on March 31, 1999, the Registrant became a wholly-owned subsidiary of Gildmere Industries.",
     ["merger"], None, None, None, "1990s merger completed"),
    ("Solvanta N.V. and Rostmere SE announced today that they have entered into a binding agreement for a cross-border merger, with Solvanta as the disappearing company.",
     ["announcement", "merger"], None, None, None, "issuer disappears in merger"),
    ("The Company's name will change to Pravena Health Corp. upon the filing of the amended articles, expected on or about 1 July 2010.",
     ["name_change"], None, None, None, "name change with expected date"),
    ("DENVER, CO - May 2, 2019 (BUSINESS WIRE) - Faroway Energy Corp. (NYSE: FRWY), formerly Faroway Oil & Gas Corp., today announced the completion of its name change, effective May 1, 2019.",
     ["announcement", "name_change"], None, None, None, "dated release announcing completed name change"),
    ("As a result, NYSE Regulation has determined to commence proceedings to delist the Company's common stock and has suspended trading effective immediately.",
     ["delisting"], None, None, None, "NYSE delisting proceedings"),
    ("On May 14, 2024, the Company received a deficiency letter from Nasdaq because it did not hold an annual meeting of shareholders within twelve months of its fiscal year end.",
     ["delisting"], None, None, None, "deficiency notice (missed annual meeting) - not a meeting event"),
    ("The Board of Directors of Lysander Peak Bancorp declared a special cash dividend of $1.00 per share payable December 20 to shareholders of record December 10.",
     ["cash_dividend"], None, None, None, "special dividend, no year"),
    ("HONG KONG, 18 August 2016 -- Morvenna Holdings Ltd. today announced that the Board has declared an interim dividend of HK$0.12 per share, payable on 23 September 2016.",
     ["announcement", "cash_dividend"], None, None, None, "HK interim dividend release"),
    ("The Company will pay a dividend of SEK 3.00 per share, as resolved by the annual general meeting held on 4 May 2023, with 8 May 2023 as the record date.",
     ["cash_dividend", "shareholder_approval", "shareholder_meeting"], "approved", None, "annual", "Swedish AGM dividend resolution"),
]


def gen_withdrawn_rejected(n):
    for _ in range(n):
        name, fx = company()
        d = rdate()
        old = rng.choice(REV_OLD)
        rr = rev_ratio_text(old, False)
        h = holders(fx)
        t = rng.randint(0, 4)
        if t == 0:
            add(f"On {fdate(d, fx)}, the Board of Directors of {name} determined to abandon the previously announced {rr} reverse stock split, which will not be effected.",
                ["reverse_stock_split"], "withdrawn", f"1:{old}", None, "split abandoned by board")
        elif t == 1:
            add(f"{name} has withdrawn its proposal to effect a {rr} reverse split of its {sec(fx)} and will not present it at the upcoming meeting.",
                ["reverse_stock_split"], "withdrawn", f"1:{old}", None, "split proposal withdrawn")
        elif t == 2:
            add(f"The proposal to approve a {rr} reverse stock split was not approved, having received the support of only {rng.randint(30,49)}% of the outstanding shares.",
                ["reverse_stock_split", "shareholder_approval"], "rejected", f"1:{old}", None, "split proposal voted down")
        elif t == 3:
            add(f"At the {meeting('extraordinary', fx, d.year)} held on {fdate(d, fx)}, the {h} voted against the proposed share consolidation.",
                ["reverse_stock_split", "shareholder_approval", "shareholder_meeting"], "rejected", None, "extraordinary", "consolidation rejected at held EGM")
        else:
            nn, oo = rng.choice(FWD)
            add(f"The Board of {name} has rescinded the {fwd_text(nn, oo)} stock split declared on {fdate(d, fx)} in light of current market conditions.",
                ["stock_split"], "withdrawn", ratio_str(nn, oo), None, "declared forward split rescinded")


# ----------------------------------------------------------------------------------
# EXTENDED SET (issue 3): more wordings of the extended types and harder negatives.
# Generated after everything above so the earlier records keep their random draws.
# ----------------------------------------------------------------------------------

def gen_more_dividend(n):
    for _ in range(n):
        name, fx = company()
        d = rdate()
        rec = later(d, 7, 20)
        pay = later(rec, 7, 25)
        amt = rng.choice(["$0.03", "$0.07", "$0.11", "$0.20", "$0.27", "$0.35", "$0.45", "$0.60", "$0.75", "$1.10", "US$0.09", "CHF 1.20", "£0.04"])
        cls = rng.choice(["common stock", "Class A common stock", "ordinary shares", "common shares"])
        t = rng.randint(0, 7)
        if t == 0:
            add(f"The Board of Directors declared a cash dividend of {amt} per share of {cls}, to be paid on {fdate(pay, fx)} to {holders(fx)} of record as of {fdate(rec, fx)}.",
                ["cash_dividend"], note="cash dividend declared, payment and record dates")
        elif t == 1:
            add(f"{name} announced today that its board has approved a quarterly dividend of {amt} per share, payable {fdate(pay, fx)}.",
                ["announcement", "cash_dividend"], note="today announced: quarterly dividend approved by the board")
        elif t == 2:
            add(f"On {fdate(d, fx)}, the Company's Board of Directors authorized the payment of a special one-time cash dividend of {amt} per share.",
                ["cash_dividend"], note="special dividend authorized")
        elif t == 3:
            add(f"The dividend is payable on {fdate(pay, fx)} to holders of record at the close of business on {fdate(rec, fx)}, and the {cls} will trade ex-dividend beginning {fdate(rec - dt.timedelta(days=1), fx)}.",
                ["cash_dividend"], note="payment details of a declared dividend")
        elif t == 4:
            add(f"{dateline(name, fx, d)} that its Board of Directors has increased the quarterly cash dividend to {amt} per share from {rng.choice(['$0.02', '$0.05', '$0.10', '$0.15'])} per share.",
                ["announcement", "cash_dividend"], note="dated release: dividend increase declared")
        elif t == 5:
            add(f"A copy of the press release dated {fdate(d, fx)} announcing the declaration of a cash dividend is furnished as Exhibit 99.1 to this report.",
                ["announcement", "cash_dividend"], note="exhibit description: release announcing a dividend")
        elif t == 6:
            add(f"The Board resolved to distribute an interim dividend of {amt} per ordinary share in cash on {fdate(pay, fx)}.",
                ["cash_dividend"], note="interim dividend resolved")
        else:
            add(f"Holders of the Company's preferred and {cls} will receive a cash distribution of {amt} per share on {fdate(pay, fx)}.",
                ["cash_dividend"], note="cash distribution per share on a date")


def gen_more_merger(n):
    for _ in range(n):
        name, fx = company()
        buyer, _ = company()
        d = rdate()
        px = f"${rng.randint(2,80)}.{rng.choice(['00','20','35','60','85'])}"
        t = rng.randint(0, 7)
        if t == 0:
            add(f"On {fdate(d, fx)}, the Company completed its previously announced merger with {buyer}, and the Company became a wholly owned subsidiary of {short(buyer)}.",
                ["merger"], note="issuer's merger completed (issuer is the target)")
        elif t == 1:
            add(f"Upon the consummation of the merger, each issued and outstanding share of {name} {sec(fx)} was cancelled and converted into the right to receive {px} in cash, without interest.",
                ["merger"], note="merger consummated, issuer's shares converted")
        elif t == 2:
            add(f"The {holders(fx)} of {name} voted to adopt the Agreement and Plan of Merger with {buyer} at the special meeting held on {fdate(d, fx)}.",
                ["merger", "shareholder_approval", "shareholder_meeting"], "approved", None, "extraordinary", "merger adopted at special meeting")
        elif t == 3:
            add(f"{name} has entered into a definitive merger agreement under which {buyer} will acquire all of the outstanding shares of {name} in an all-cash transaction valued at approximately ${rng.randint(40, 900)} million.",
                ["merger"], note="definitive agreement: issuer to be acquired")
        elif t == 4:
            add(f"{dateline(name, fx, d)} the closing of its business combination with {buyer}, after which the combined company's shares will trade on {nasdaq_market(d.year)}.",
                ["announcement", "merger"], note="dated release: business combination closed")
        elif t == 5:
            add(f"As a result of the merger, {name} will file a Form 15 to deregister its {sec(fx)}, which will no longer be listed on any exchange.",
                ["merger", "delisting"], note="merger completion causing delisting")
        elif t == 6:
            add(f"The Board of Directors of {name} unanimously approved the merger agreement and resolved to recommend that the {holders(fx)} vote in favor of its adoption.",
                ["merger"], note="issuer's board approved the merger agreement")
        else:
            add(f"The amalgamation of {name} with {buyer} became effective on {fdate(d, fx)}.",
                ["merger"], note="amalgamation of the issuer effective")


def gen_more_name_change(n):
    for _ in range(n):
        old, fx = company()
        new, _ = company(fx)
        d = rdate()
        t = rng.randint(0, 6)
        if t == 0:
            add(f"The Company amended its certificate of incorporation to change its name to \"{new}\", effective as of {fdate(d, fx)}.",
                ["name_change"], note="charter amendment: name change effective date")
        elif t == 1:
            add(f"{dateline(old, fx, d)} that it has changed its corporate name to {new} to better reflect its business focus.",
                ["announcement", "name_change"], note="dated release: name changed")
        elif t == 2:
            add(f"Beginning on {fdate(later(d), fx)}, the Company's {sec(fx)} will trade under the name {new} and the new ticker symbol \"{ticker(new)}\".",
                ["name_change"], note="trading under the new name from a date")
        elif t == 3:
            add(f"At the {meeting('annual', fx, d.year)} held on {fdate(d, fx)}, the {holders(fx)} approved the proposal to rename the Company {new}.",
                ["name_change", "shareholder_approval", "shareholder_meeting"], "approved", None, "annual", "name change approved at AGM")
        elif t == 4:
            add(f"{old} will be renamed {new} with effect from {fdate(later(d), fx)}.",
                ["name_change"], note="renamed with effect from a date")
        elif t == 5:
            add(f"Item 5.03 Amendments to Articles of Incorporation. On {fdate(d, fx)}, the Company filed a certificate of amendment changing its name from {old} to {new}.",
                ["name_change"], note="item 5.03 name change")
        else:
            add(f"The change of name of the Company from {old} to {new} was registered with the Registrar of Companies on {fdate(d, fx)}.",
                ["name_change"], note="name change registered")


def gen_more_delisting(n):
    for _ in range(n):
        name, fx = company()
        d = rdate(2003, 2026)
        exch = nasdaq_market(d.year)
        t = rng.randint(0, 6)
        if t == 0:
            add(f"On {fdate(d, fx)}, the Company received written notice from the staff of {exch} that its {sec(fx)} would be delisted unless the Company requests a hearing.",
                ["delisting"], note="delisting determination notice")
        elif t == 1:
            add(f"{dateline(name, fx, d)} that it has received a deficiency letter from {exch} regarding the minimum bid price requirement.",
                ["announcement", "delisting"], note="dated release: deficiency letter")
        elif t == 2:
            add(f"Trading of the Company's {sec(fx)} on {exch} was suspended at the opening of business on {fdate(d, fx)}, and the {sec(fx)} began trading on the OTC market.",
                ["delisting"], note="trading suspended, moved to OTC")
        elif t == 3:
            add(f"The Board of Directors approved the voluntary delisting of the Company's {sec(fx)} from {exch} and the termination of its registration under the Exchange Act.",
                ["delisting"], note="board approves voluntary delisting")
        elif t == 4:
            add(f"Item 3.01 Notice of Delisting or Failure to Satisfy a Continued Listing Rule or Standard. On {fdate(d, fx)}, the Company was notified that it no longer meets the continued listing requirements of {exch}.",
                ["delisting"], note="item 3.01 notice")
        elif t == 5:
            add(f"{exch} filed a Form 25 with the Securities and Exchange Commission on {fdate(d, fx)} to remove the Company's {sec(fx)} from listing and registration.",
                ["delisting"], note="form 25 filed by the exchange")
        else:
            add(f"The Company has been granted a period of 180 calendar days, until {fdate(later(d, 150, 190), fx)}, to regain compliance after receiving the notification letter on {fdate(d, fx)}.",
                ["delisting"], note="deficiency notice received, cure period")


def gen_more_negatives(n):
    for _ in range(n):
        name, fx = company()
        buyer, _ = company()
        d = rdate(1996, 2020)
        old = rng.choice(REV_OLD)
        t = rng.randint(0, 13)
        if t == 0:
            neg(f"We may be required to effect a reverse stock split of our {sec(fx)} in order to maintain our listing, which could reduce the liquidity of our shares.",
                "risk factor: possible reverse split")
        elif t == 1:
            neg(f"If we fail to regain compliance, our {sec(fx)} could be delisted from {nasdaq_market(2015)}, which would adversely affect the market price.",
                "risk factor: possible delisting")
        elif t == 2:
            neg(f"All share and per share amounts in these consolidated financial statements have been retroactively adjusted to reflect the 1-for-{old} reverse stock split effected in {d.year}.",
                "historical note: split-adjusted figures")
        elif t == 3:
            neg(f"Basic and diluted net loss per share for the year ended December 31, {d.year} has been restated to give effect to the reverse split.",
                "split-adjusted figures")
        elif t == 4:
            neg(f"In {d.year}, the Company paid cash dividends totaling ${rng.randint(1, 9)}.{rng.randint(10, 99)} per share.",
                "historical dividends (10-K note)")
        elif t == 5:
            neg(f"We have never declared or paid any cash dividends on our capital stock and do not anticipate paying cash dividends in the foreseeable future.",
                "dividend policy: none declared")
        elif t == 6:
            neg(f"On {fdate(d, fx)}, {name} completed its acquisition of {buyer} for ${rng.randint(5, 400)} million in cash.",
                "issuer acquires another company (rule 7)")
        elif t == 7:
            neg(f"The Company was incorporated in {d.year} under the name {buyer} and changed its name to {name} in {d.year + rng.randint(1, 5)}.",
                "historical name change")
        elif t == 8:
            neg(f"There can be no assurance that the proposed merger will be completed, and any failure to complete it could harm our business.",
                "risk factor about a merger")
        elif t == 9:
            neg(f"The closing price of our {sec(fx)} on {exch_or(d.year)} on {fdate(d, fx)} was ${rng.randint(1, 60)}.{rng.randint(10, 99)} per share, as adjusted for the stock split.",
                "price on a split-adjusted basis")
        elif t == 10:
            neg(f"Our Board of Directors may, in its discretion, declare dividends in the future depending on our earnings, financial condition and capital requirements.",
                "dividend policy: possible future dividends")
        elif t == 11:
            neg(f"The meeting of the Board of Directors held on {fdate(d, fx)} approved the unaudited financial statements for the quarter.",
                "board meeting, not a shareholder meeting")
        elif t == 12:
            neg(f"The Company's {sec(fx)} is listed on {exch_or(d.year)} under the symbol \"{ticker(name)}\".",
                "listing statement, no delisting")
        else:
            neg(f"Options granted under the plan are subject to adjustment in the event of a stock split, reverse split, merger or other change in capitalization.",
                "plan boilerplate: adjustment clause")


def exch_or(year):
    return nasdaq_market(max(year, 2006))


def main():
    # positives
    gen_rss_effective(60)
    gen_rss_approved(50)
    gen_rss_range(30)
    gen_rss_proposed(35)
    gen_ads(16)
    gen_fwd(58)
    gen_meeting_held(40)
    gen_meeting_scheduled(40)
    gen_approval_other(30)
    gen_dividend(50)
    gen_merger(45)
    gen_name_change(45)
    gen_delisting(45)
    gen_exhibit_descr(40)
    gen_withdrawn_rejected(18)
    for t, l, s, r, m, note in HAND_POS + HAND_POS2:
        add(t, l, s, r, m, note)
    # negatives
    gen_neg_history(110)
    gen_neg_hypo(70)
    gen_neg_acquisitions(60)
    gen_neg_pr_other(100)
    gen_neg_meeting_refs(55)
    gen_neg_dividend_boiler(50)
    gen_neg_listing(45)
    gen_neg_misc(90)
    gen_neg_namehist(35)
    gen_neg_combo(260)
    for t, note in HAND_NEG + HAND_NEG2:
        neg(t, note)
    # extended set (issue 3)
    gen_more_dividend(45)
    gen_more_merger(45)
    gen_more_name_change(40)
    gen_more_delisting(40)
    gen_more_negatives(160)

    seen = set()
    out = []
    for r in RECORDS:
        if r["text"] in seen:
            continue
        seen.add(r["text"])
        out.append(r)
    rng.shuffle(out)
    with open(OUT, "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return out


if __name__ == "__main__":
    recs = main()
    from collections import Counter
    c = Counter(l for r in recs for l in r["labels"])
    pos = sum(1 for r in recs if r["labels"])
    print(f"{len(recs)} sentences, {pos} positive, {len(recs)-pos} negative")
    for l in LABELS:
        print(f"  {l:22s} {c[l]}")
