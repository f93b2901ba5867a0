"""One corporate action, many filings: link the events table's rows into actions, point in time.

The events table is long: one row per fact per filing.  An action (a reverse split, a dividend,
a meeting) is usually described by several filings — the proxy that proposes it, the press
release that announces it, the 8-K that reports it effective, an 8-K/A that corrects it.  This
module links the rows of one company that describe the same action under one ``action_id``
(every evidence row kept, each with the ``link_reason`` it was linked for), and builds the
*wide* view: one row per action with its ISO 15022 processing status and its dates.

Point in time: :func:`actions` with ``as_of`` uses only the rows known (``known_at``) by then,
and an action whose effective (or payment) date is after ``as_of`` is not complete — a split
announced but not yet effective is reported as announced, never applied early.

Linking rules (all within one company — the same CIK, or the same normalized name, names and
CIKs joined wherever one filing states both):

* primary rows (splits, dividends, mergers, name changes, delistings, meetings) of one type
  join an action when they agree with every row already in it: no two rows of one input (a
  filing's distinct facts stay distinct), ratios equal (a range is compatible with any ratio;
  an amendment may correct the ratio), dividend amounts and record/payment dates equal,
  meeting dates equal, and their dates within the type's window;
* approvals and announcements attach to the action of their subject (the same input first,
  then the nearest in time); a meeting that voted on a split attaches to the split;
* an amendment (``8-K/A``, ``6-K/A``) supersedes the rows of the amended form of the same
  company known before it: its values win, the older rows are kept and marked superseded.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date, datetime, timezone
from pathlib import Path

import pandas as pd

from .table import missing
from .vocab import CAEV, MEETING_CAEV, SPLIT_TYPES

PRIMARY_TYPES = ("reverse_stock_split", "stock_split", "cash_dividend", "merger", "name_change",
                 "delisting", "shareholder_meeting")
DEPENDENT_TYPES = ("shareholder_approval", "announcement")

# How far apart (days) two rows of one action may be: (dates both stated, otherwise by when known).
WINDOWS = {
    "reverse_stock_split": (31, 200), "stock_split": (31, 200),
    "cash_dividend": (3, 20), "merger": (365, 365), "name_change": (60, 180),
    "delisting": (14, 60), "shareholder_meeting": (1, 60),
}
ATTACH_WINDOW = 200   # days an approval/announcement may be from the action it is about

ACTION_COLUMNS = (
    "action_id", "company_key", "cik", "company_name", "action_type", "caev_code", "status",
    "in_effect", "last_event_status", "announcement_date", "meeting_date", "approval_date",
    "effective_date", "ex_date", "record_date", "payment_date", "ratio_new", "ratio_old", "ratio",
    "ratio_range_low", "ratio_range_high", "adjustment_factor", "fraction_disposition", "amount",
    "currency", "new_cusip", "first_known_at", "last_known_at", "as_of", "n_events", "n_sources",
    "source_accessions", "superseded_sources",
)
EVENT_LINK_COLUMNS = ("action_id", "link_reason", "superseded_by")


# ------------------------------------------------------------------ fractional shares

_FRACTION = re.compile(r"\bfraction(?:al)?\b", re.I)
_DISPOSITIONS = (
    ("round to nearest", re.compile(r"round(?:ed|ing)?\s+(?:either\s+)?up\s+or\s+down|nearest\s+whole(?!\s+share\s+at)"
                                    r"(?<!up\sto\sthe\snearest\swhole)|less\s+than\s+half[^.]{0,120}at\s+least\s+half", re.I)),
    ("cash in lieu", re.compile(r"\bcash\b|sold[^.]{0,80}proceeds", re.I)),
    ("round up", re.compile(r"round(?:ed|ing|s)?\s+up|rounding\s+up|additional\s+(?:fractional\s+)?share|"
                            r"one\s+full\s+(?:post-[\w\s]+?)?(?:ordinary\s+)?share|next\s+(?:higher\s+)?whole", re.I)),
    ("round down", re.compile(r"round(?:ed|ing|s)?\s+down|rounding\s+down|disregarded|eliminated\s+without|"
                              r"cancell?ed\s+without\s+(?:any\s+)?(?:payment|consideration)", re.I)),
)


def fraction_disposition(text: str | None) -> str | None:
    """How a split's fractional shares are treated, as the text states it: round up, round down,
    round to nearest, cash in lieu; None when it does not say."""
    if not text:
        return None
    last_end = -1
    for m in _FRACTION.finditer(text):
        if m.start() < last_end:
            continue
        # the sentence around the word (linear: bounded look-around, no backtracking)
        lo = max(text.rfind(".", max(0, m.start() - 400), m.start()), text.rfind(";", max(0, m.start() - 400), m.start()),
                 m.start() - 400, -1) + 1
        hi = [i for i in (text.find(".", m.end(), m.end() + 400), text.find(";", m.end(), m.end() + 400)) if i >= 0]
        last_end = min(hi) if hi else min(len(text), m.end() + 400)
        sent = text[lo:last_end]
        for name, rx in _DISPOSITIONS:
            if name == "round to nearest" and re.search(r"(?i)round(?:ed|ing)?\s+up\s+to\s+the\s+nearest", sent) \
                    and not re.search(r"(?i)up\s+or\s+down|less\s+than\s+half", sent):
                continue
            if rx.search(sent):
                return name
    return None


# ------------------------------------------------------------------ reading the events table

def read_events(path: str | Path) -> pd.DataFrame:
    """An events table written by ``extractor extract`` (CSV, Parquet, JSON Lines), typed."""
    from .table import EVENTS_SCHEMA, enforce

    p = str(path)
    ext = Path(p).suffix.lower()
    if ext in (".parquet", ".pq"):
        df = pd.read_parquet(p)
    elif ext in (".jsonl", ".ndjson"):
        df = pd.read_json(p, lines=True, dtype=False)
    else:
        df = pd.read_csv(p, dtype=str, keep_default_na=False)
    names = {c.name for c in EVENTS_SCHEMA}
    df = df[[c for c in df.columns if c in names]]
    for c in EVENTS_SCHEMA:
        if c.name in df.columns and c.dtype in ("Int64", "Float64"):
            df[c.name] = pd.to_numeric(df[c.name].replace("", None), errors="coerce")
    return enforce(df, EVENTS_SCHEMA)


def is_table(path: str | Path) -> bool:
    """True when ``path`` is an events table (not a filing): a CSV/Parquet/JSONL with event columns."""
    p = Path(path)
    if not p.is_file() or p.suffix.lower() not in (".csv", ".parquet", ".pq", ".jsonl", ".ndjson"):
        return False
    if p.suffix.lower() in (".parquet", ".pq"):
        return True
    with open(p, encoding="utf-8", errors="replace") as fh:
        head = fh.readline()
    return "event_type" in head


# ------------------------------------------------------------------ helpers

_LEGAL = {"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "llc",
          "lp", "l p", "nv", "sa", "ag", "se", "spa", "s p a", "the", "group", "holding"}


def company_name_key(name: str | None) -> str | None:
    """'ACME WIDGETS CORP' and 'Acme Widgets Corporation' → 'acmewidgets'; None for no name."""
    if not name or not isinstance(name, str):
        return None
    x = re.sub(r"\s*/[A-Za-z]{2,3}/?\s*$", "", name.strip())
    x = x.lower().replace("&", " and ")
    x = re.sub(r"[’'`]s\b", "s", x)
    words = re.sub(r"[^a-z0-9]+", " ", x).split()
    while len(words) > 1 and words[-1] in _LEGAL:
        words.pop()
    while len(words) > 1 and words[0] == "the":
        words.pop(0)
    key = "".join(words)
    return key or None


def _val(v):
    return None if missing(v) else v


def _day(v) -> date | None:
    """ISO date or datetime text → date (its UTC day); 'YYYY-MM' → the month's first day."""
    v = _val(v)
    if not v:
        return None
    s = str(v).strip()
    try:
        if len(s) == 7:
            return date(int(s[:4]), int(s[5:7]), 1)
        if len(s) > 10:
            dt = _instant(s)
            return dt.date() if dt else None
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def _instant(v) -> datetime | None:
    """known_at → an aware UTC datetime; a bare date is its day's end (known by then)."""
    v = _val(v)
    if not v:
        return None
    s = str(v).strip()
    try:
        if len(s) > 10:
            dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
            return dt.astimezone(timezone.utc) if dt.tzinfo else dt.replace(tzinfo=timezone.utc)
        d = _day(s)
        return datetime(d.year, d.month, d.day, 23, 59, 59, tzinfo=timezone.utc) if d else None
    except ValueError:
        return None


def as_of_instant(as_of) -> datetime | None:
    """``--as-of`` → the instant it means: a date is the end of that day (UTC)."""
    if as_of is None or as_of == "":
        return None
    if isinstance(as_of, datetime):
        return as_of.astimezone(timezone.utc) if as_of.tzinfo else as_of.replace(tzinfo=timezone.utc)
    if isinstance(as_of, date):
        return datetime(as_of.year, as_of.month, as_of.day, 23, 59, 59, tzinfo=timezone.utc)
    s = str(as_of).strip()
    inst = _instant(s)
    if inst is None:
        raise ValueError(f"--as-of {as_of!r} is not a date (YYYY-MM-DD) or ISO 8601 datetime")
    return inst


def _key_date(r: dict) -> date | None:
    """The date that identifies the action a row is about."""
    t = r["event_type"]
    if t in SPLIT_TYPES or t == "name_change":
        return _day(r.get("effective_date")) or _day(r.get("event_date"))
    if t == "cash_dividend":
        return _day(r.get("payment_date")) or _day(r.get("record_date")) or _day(r.get("ex_date")) or _day(r.get("event_date"))
    return _day(r.get("event_date"))


def _src(r: dict) -> str:
    return r.get("accession_number") or r.get("source_file") or ""


def _is_amendment(form) -> bool:
    return bool(form) and str(form).strip().upper().endswith("/A")


def _base_form(form) -> str:
    return re.sub(r"/A$", "", str(form or "").strip().upper())


class _Companies:
    """Company identity: CIKs and normalized names joined where one filing states both."""

    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # a CIK is the key: keep it as the root
            if rb.startswith("cik:") and not ra.startswith("cik:"):
                ra, rb = rb, ra
            self.parent[rb] = ra


def _company_nodes(r: dict) -> list[str]:
    nodes = []
    cik = _val(r.get("cik"))
    if cik:
        nodes.append(f"cik:{str(cik).lstrip('0') or '0'}")
    name = company_name_key(_val(r.get("company_name")))
    if name:
        nodes.append(f"name:{name}")
    return nodes


# ------------------------------------------------------------------ linking

class _Action:
    def __init__(self, kind: str, company: str, first: int):
        self.kind = kind            # the action's type (a primary type)
        self.company = company
        self.rows: list[int] = [first]
        self.first = first


def _days(a: date | None, b: date | None) -> int | None:
    return abs((a - b).days) if a and b else None


def _compatible(r: dict, o: dict, kind: str) -> tuple[bool, str]:
    """Whether rows ``r`` and ``o`` (same company, same type) can describe one action, and why."""
    if r["source_file"] == o["source_file"] and r["event_type"] == o["event_type"]:
        return False, "same input"
    if r.get("evidence") and r.get("evidence") == o.get("evidence") and len(str(r["evidence"])) > 40:
        return True, "the same evidence sentence (a copy of one release)"
    reasons = []
    amend = (_is_amendment(r.get("form_type")) or _is_amendment(o.get("form_type"))) and \
        _base_form(r.get("form_type")) == _base_form(o.get("form_type"))
    if kind in SPLIT_TYPES:
        rr, orr = (r.get("ratio_new"), r.get("ratio_old")), (o.get("ratio_new"), o.get("ratio_old"))
        if None not in rr and None not in orr:
            if rr != orr:
                if amend:
                    reasons.append(f"amendment corrects ratio {orr[0]}:{orr[1]} to {rr[0]}:{rr[1]}")
                elif _revises(r, o):
                    reasons.append(f"revises ratio {orr[0]}:{orr[1]} to {rr[0]}:{rr[1]} before it took effect")
                else:
                    return False, "ratios differ"
            else:
                reasons.append(f"same ratio {rr[0]}:{rr[1]}")
        elif r.get("ratio") == "range" or o.get("ratio") == "range":
            reasons.append("ratio range compatible")
    if kind == "cash_dividend":
        for col in ("amount", "record_date", "payment_date"):
            a, b = r.get(col), o.get(col)
            if a and b:
                if a != b and not amend:
                    return False, f"{col} differs"
                reasons.append(f"same {col} {a}")
    if kind == "shareholder_meeting":
        a, b = r.get("meeting_type"), o.get("meeting_type")
        if a and b and a != b:
            return False, "meeting types differ"
    near, far = WINDOWS.get(kind, (31, 200))
    d = _days(r["_key"], o["_key"])
    if d is not None:
        if d > near and not amend:
            return False, "dates too far apart"
        if d > near and (_days(r["_t"], o["_t"]) or 0) > far:
            return False, "amendment filed too far apart"
        reasons.append(f"dates {o['_key']} / {r['_key']} within {near} days" if d else f"same date {r['_key']}")
    else:
        d = _days(r["_t"], o["_t"])
        if d is None:
            if r.get("source_file") and r.get("_base") == o.get("_base") and r["_base"]:
                reasons.append("same document in another format")
            elif not reasons:
                return False, "no date to compare"
            else:
                reasons.append("no dates to compare")
        elif d > far:
            return False, "known too far apart"
        else:
            reasons.append(f"dated {o['_t']} / {r['_t']} within {far} days")
    if amend:
        reasons.append("amendment of the same form")
    return True, "; ".join(reasons)


def _revises(r: dict, o: dict) -> bool:
    """A later row that changes a pending split's terms: effective dates within a week, and the later
    row known before the earlier one's effective date (two splits of one company cannot both be
    pending a few days apart)."""
    late, early = (r, o) if (r["_t"] or date.min) >= (o["_t"] or date.min) else (o, r)
    d = _days(late["_key"], early["_key"])
    return d is not None and d <= 7 and late["_t"] is not None and early["_key"] is not None \
        and late["_t"] <= early["_key"]


def link(events: pd.DataFrame) -> pd.DataFrame:
    """The events with ``action_id``, ``link_reason`` and ``superseded_by`` columns added."""
    from .table import EVENTS_SCHEMA

    cols = [c.name for c in EVENTS_SCHEMA if c.name in events.columns]
    df = events[cols].reset_index(drop=True)
    rows = [{k: _val(v) for k, v in rec.items()} for rec in df.to_dict("records")]
    comp = _Companies()
    for r in rows:
        nodes = _company_nodes(r)
        for n in nodes:
            comp.find(n)
        for a, b in zip(nodes, nodes[1:]):
            comp.union(a, b)
    # a time per input: its known_at, else its latest stated event date
    file_dates: dict[str, date] = {}
    for r in rows:
        for c in ("event_date", "effective_date", "payment_date"):
            d = _day(r.get(c))
            if d and (r["source_file"] not in file_dates or d > file_dates[r["source_file"]]):
                file_dates[r["source_file"]] = d
    for i, r in enumerate(rows):
        nodes = _company_nodes(r)
        r["_i"] = i
        r["_company"] = comp.find(nodes[0]) if nodes else f"file:{r.get('source_file')}"
        r["_key"] = _key_date(r)
        r["_known"] = _instant(r.get("known_at"))
        r["_t"] = _day(r.get("known_at")) or file_dates.get(r.get("source_file"))
        r["_base"] = re.sub(r"\.[A-Za-z0-9]+$", "", Path(str(r.get("source_file") or "")).name)
        r["_role"] = "primary" if r["event_type"] in PRIMARY_TYPES else "dependent"

    # meetings that voted on (or were called for) a split/merger of the same input attach to it
    by_file: dict[str, list[dict]] = {}
    for r in rows:
        by_file.setdefault(r["source_file"], []).append(r)
    meeting_subject: dict[int, str] = {}
    for f, rs in by_file.items():
        for m in rs:
            if m["event_type"] != "shareholder_meeting":
                continue
            for a in rs:
                if a["event_type"] == "shareholder_approval" and a.get("subject") in PRIMARY_TYPES \
                        and a.get("subject") != "shareholder_meeting" and a.get("event_date") == m.get("event_date") \
                        and any(x["event_type"] == a["subject"] for x in rs):
                    meeting_subject[m["_i"]] = a["subject"]
                    break
            else:
                if m.get("status") == "scheduled":
                    props = [x for x in rs if x["event_type"] in SPLIT_TYPES and x.get("status") == "proposed"]
                    if props:
                        meeting_subject[m["_i"]] = props[0]["event_type"]
    for i in meeting_subject:
        rows[i]["_role"] = "dependent"

    actions: list[_Action] = []
    index: dict[tuple[str, str], list[_Action]] = {}   # (company, kind) → its actions
    reason: dict[int, str] = {}
    member: dict[int, _Action] = {}

    def order(r):
        return (r["_t"] or date.max, r["_known"] or datetime.max.replace(tzinfo=timezone.utc), r["_i"])

    for r in sorted((r for r in rows if r["_role"] == "primary"), key=order):
        kind = r["event_type"]
        best, best_why, best_gap = None, "", None
        for a in index.get((r["_company"], kind), ()):
            whys = []
            ok = True
            for j in a.rows:
                good, why = _compatible(r, rows[j], kind)
                if not good:
                    ok = False
                    break
                whys.append(why)
            if not ok:
                continue
            gap = min((_days(r["_t"], rows[j]["_t"]) or 0) for j in a.rows)
            if best is None or gap < best_gap:
                best, best_why, best_gap = a, whys[0], gap
        if best is None:
            a = _Action(kind, r["_company"], r["_i"])
            actions.append(a)
            index.setdefault((a.company, kind), []).append(a)
            member[r["_i"]] = a
            reason[r["_i"]] = "first evidence of the action"
        else:
            best.rows.append(r["_i"])
            member[r["_i"]] = best
            reason[r["_i"]] = f"same company ({_company_label(r['_company'])}), {kind}: {best_why}"

    def nearest(kind: str, r: dict) -> _Action | None:
        mine = [x for x in by_file[r["source_file"]] if x["_i"] in member]
        # the same input's action of that type, else the action its row of that type joined
        # (a meeting that voted on a split is in the split's action)
        same_file = [member[x["_i"]] for x in mine if member[x["_i"]].kind == kind] or \
            [member[x["_i"]] for x in mine if x["event_type"] == kind]
        if same_file:
            return same_file[0]
        cands = index.get((r["_company"], kind), ())
        best, gap = None, None
        t = r["_key"] or r["_t"]
        for a in cands:
            ts = [rows[j]["_key"] or rows[j]["_t"] for j in a.rows]
            g = min((_days(t, x) for x in ts if x and t), default=None)
            if g is not None and g <= ATTACH_WINDOW and (gap is None or g < gap):
                best, gap = a, g
        return best

    # dependents: meetings voting on an action, then approvals and announcements
    deps = sorted((r for r in rows if r["_role"] == "dependent"),
                  key=lambda r: (r["event_type"] != "shareholder_meeting", order(r)))
    for r in deps:
        t = r["event_type"]
        if t == "shareholder_meeting":
            subject = meeting_subject[r["_i"]]
        else:
            subject = r.get("subject") or "other"
        kind = subject if subject in PRIMARY_TYPES else "shareholder_meeting"
        target = nearest(kind, r)
        if target is None and kind == "shareholder_meeting":
            # routine approvals of a meeting that voted on a split: the meeting's action
            held = [x for x in by_file[r["source_file"]] if x["event_type"] == "shareholder_meeting"
                    and x["_i"] in member and x.get("event_date") == r.get("event_date")]
            target = member[held[0]["_i"]] if held else None
        if target is None:
            target = _Action(kind, r["_company"], r["_i"])
            actions.append(target)
            index.setdefault((target.company, kind), []).append(target)
            member[r["_i"]] = target
            reason[r["_i"]] = f"{t} whose subject is {subject}; no {kind} row found: action opened from it"
            continue
        target.rows.append(r["_i"])
        member[r["_i"]] = target
        anchor = rows[target.first]
        where = "the same input" if any(rows[j]["source_file"] == r["source_file"] for j in target.rows[:-1]) \
            else f"nearest {kind} of the company ({_company_label(r['_company'])}), dated {anchor['_key'] or anchor['_t']}"
        if t == "shareholder_meeting":
            reason[r["_i"]] = f"meeting that voted on the {subject}: attached to it in {where}"
        else:
            reason[r["_i"]] = f"{t} whose subject is {subject}: attached to the {kind} in {where}"

    # amendments supersede the amended form's rows of the same action known before them
    superseded: dict[int, str] = {}
    for a in actions:
        amends = [rows[j] for j in a.rows if _is_amendment(rows[j].get("form_type"))]
        for am in amends:
            for j in a.rows:
                o = rows[j]
                if o is am or _is_amendment(o.get("form_type")) and o.get("_known") and am.get("_known") \
                        and o["_known"] >= am["_known"]:
                    continue
                if _base_form(o.get("form_type")) != _base_form(am.get("form_type")) or _src(o) == _src(am):
                    continue
                if o.get("_known") and am.get("_known") and o["_known"] > am["_known"]:
                    continue
                superseded[j] = _src(am)
                if "supersed" not in reason.get(am["_i"], ""):
                    reason[am["_i"]] = reason.get(am["_i"], "") + f"; {am.get('form_type')} supersedes {_src(o)}"

    for i, why in list(reason.items()):
        if "revises ratio" in why:
            r = rows[i]
            for j in member[i].rows:
                o = rows[j]
                if j != i and o["event_type"] == r["event_type"] and (o["_t"] or date.min) <= (r["_t"] or date.min) \
                        and (o.get("ratio_new"), o.get("ratio_old")) != (r.get("ratio_new"), r.get("ratio_old")):
                    superseded.setdefault(j, _src(r))
    out = df.copy()
    out["action_id"] = [_action_id(member[i], rows) for i in range(len(rows))]
    out["link_reason"] = [reason[i] for i in range(len(rows))]
    out["superseded_by"] = [superseded.get(i) for i in range(len(rows))]
    out["_action_type"] = [member[i].kind for i in range(len(rows))]
    out["_company_key"] = [member[i].company for i in range(len(rows))]
    for c in ("action_id", "link_reason", "superseded_by"):
        out[c] = out[c].astype("string")
    return out


def _company_label(key: str) -> str:
    kind, _, v = key.partition(":")
    return f"CIK {v}" if kind == "cik" else f"name '{v}'" if kind == "name" else key


def _action_id(a: _Action, rows: list[dict]) -> str:
    first = rows[a.first]
    key = "|".join(str(x) for x in (a.company, a.kind, first.get("event_id") or first["_i"]))
    return "A" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]


# ------------------------------------------------------------------ the wide view

def _first(values):
    for v in values:
        v = _val(v)
        if v is not None and v != "":
            return v
    return None


def _status(kind: str, last: str | None, key: date | None, ref: date) -> str:
    """ISO 15022 processing status of an action at ``ref``: preliminary (proposed, no firm terms),
    confirmed (approved/declared/scheduled, not yet taken effect), complete (took effect by ``ref``).
    A withdrawn or rejected action is 'withdrawn'."""
    if last in ("withdrawn", "rejected"):
        return "withdrawn"
    passed = key is not None and key <= ref
    if kind in SPLIT_TYPES or kind == "name_change":
        if key is not None:
            if last in ("effective", "approved") or (kind == "name_change" and last is None):
                return "complete" if passed else "confirmed"
            return "preliminary"
        return {"effective": "complete", "approved": "confirmed"}.get(last, "preliminary")
    if kind == "cash_dividend":
        return "complete" if passed else "confirmed"
    if kind == "shareholder_meeting":
        if key is not None:
            return "complete" if passed else "confirmed"
        return "complete" if last == "held" else "preliminary"
    # merger, delisting
    if key is not None and passed and last in ("effective", None):
        return "complete"
    if last == "effective" and key is None:
        return "complete"
    if last == "proposed":
        return "preliminary"
    return "confirmed"


def wide(linked: pd.DataFrame, as_of=None) -> pd.DataFrame:
    """One row per action of a :func:`link` ed events table."""
    ref_inst = as_of_instant(as_of)
    ref = ref_inst.date() if ref_inst else datetime.now(timezone.utc).date()
    groups: dict[str, list[dict]] = {}
    for rec in linked.to_dict("records"):
        groups.setdefault(rec["action_id"], []).append({k: _val(v) for k, v in rec.items()})
    never = datetime.min.replace(tzinfo=timezone.utc)
    out = []
    for aid, g in groups.items():
        for r in g:
            r["_k"] = _instant(r.get("known_at")) or never
        g.sort(key=lambda r: r["_k"])                       # stable: input order among equals
        live = [r for r in g if not r.get("superseded_by")]
        # the latest word (an amendment's) wins; superseded rows only fill what the live ones leave open
        newest = live[::-1] + [r for r in g if r.get("superseded_by")][::-1]
        kind = g[0]["_action_type"]

        def of(rows, t):
            return [r for r in rows if r["event_type"] == t]

        def first(rows, col):
            return _first(r.get(col) for r in rows)

        prim, prim_all = of(newest, kind), of(g, kind)
        meets, apprs, anns = of(newest, "shareholder_meeting"), of(newest, "shareholder_approval"), of(live, "announcement")
        last = first(prim, "status") if prim else (first(meets, "status") if kind == "shareholder_meeting" else None)
        if kind != "shareholder_meeting" and not prim and apprs:
            last = first(apprs, "status")
        exact = [r for r in prim if r.get("ratio_new") is not None and r.get("ratio_old") is not None]
        rn = int(exact[0]["ratio_new"]) if exact else None
        ro = int(exact[0]["ratio_old"]) if exact else None
        has_range = any(r.get("ratio") == "range" for r in prim)
        effective = None
        if kind in SPLIT_TYPES or kind == "name_change":
            effective = first(prim, "effective_date") or first(prim, "event_date")
        elif kind in ("merger", "delisting"):
            effective = first(prim, "effective_date") or first([r for r in prim if r.get("status") == "effective"], "event_date")
        payment, record = first(prim, "payment_date"), first(prim, "record_date")
        meeting_date = first(meets, "event_date") if meets else (
            first(prim, "event_date") if kind == "shareholder_meeting" else None)
        if kind == "cash_dividend":
            key = _day(payment) or _day(record) or _day(first(prim, "event_date"))
        elif kind == "shareholder_meeting":
            key = _day(meeting_date)
        else:
            key = _day(effective)
        status = _status(kind, last, key, ref)
        accs = list(dict.fromkeys(s for s in ((r.get("accession_number") or r.get("source_file")) for r in g) if s))
        sup = sorted({(r.get("accession_number") or r.get("source_file")) for r in g if r.get("superseded_by")})
        ciks = [r["cik"] for r in newest if r.get("cik")] or [r["cik"] for r in g if r.get("cik")]
        ck = str(g[0]["_company_key"])
        if not ciks and ck.startswith("cik:"):
            ciks = [ck[4:].zfill(10)]
        names = [r["company_name"] for r in newest if r.get("company_name")] or \
            [r["company_name"] for r in g if r.get("company_name")]
        caev = CAEV.get(kind)
        if kind == "shareholder_meeting":
            caev = MEETING_CAEV.get(first(meets, "meeting_type"), "MEET")
        known = [r["known_at"] for r in g if r.get("known_at")]
        out.append({
            "action_id": aid, "company_key": ck, "cik": ciks[0] if ciks else None,
            "company_name": names[0] if names else None, "action_type": kind, "caev_code": caev,
            "status": status, "in_effect": status == "complete" and kind in SPLIT_TYPES + ("name_change", "merger"),
            "last_event_status": last,
            "announcement_date": min((r["event_date"] for r in anns if r.get("event_date")), default=None),
            "meeting_date": meeting_date,
            "approval_date": first([r for r in apprs if r.get("status") != "rejected"], "event_date"),
            "effective_date": effective, "ex_date": first(prim, "ex_date"),
            "record_date": record, "payment_date": payment,
            "ratio_new": rn, "ratio_old": ro, "ratio": f"{rn}:{ro}" if rn is not None else ("range" if has_range else None),
            "ratio_range_low": first(prim_all, "ratio_range_low"),
            "ratio_range_high": first(prim_all, "ratio_range_high"),
            "adjustment_factor": round(ro / rn, 10) if rn and ro else None,
            "fraction_disposition": first(prim, "fraction_disposition"),
            "amount": first(prim, "amount"), "currency": first(prim, "currency"),
            "new_cusip": first(prim, "new_cusip"),
            "first_known_at": min(known, key=_instant) if known else None,
            "last_known_at": max(known, key=_instant) if known else None,
            "as_of": ref_inst.isoformat() if ref_inst else None,
            "n_events": len(g), "n_sources": len(accs),
            "source_accessions": ";".join(accs) or None, "superseded_sources": ";".join(sup) or None,
        })
    df = pd.DataFrame(out, columns=list(ACTION_COLUMNS))
    for c in ("ratio_new", "ratio_old", "n_events", "n_sources"):
        df[c] = df[c].astype("Int64")
    df["adjustment_factor"] = df["adjustment_factor"].astype("Float64")
    df["in_effect"] = df["in_effect"].astype("boolean")
    for c in ACTION_COLUMNS:
        if c not in ("ratio_new", "ratio_old", "n_events", "n_sources", "adjustment_factor", "in_effect"):
            df[c] = df[c].astype("object").where(df[c].notna(), None).astype("string")
    return df.sort_values(["company_key", "first_known_at", "action_id"], na_position="last").reset_index(drop=True)


def known_by(events: pd.DataFrame, as_of) -> pd.DataFrame:
    """The rows knowable at ``as_of``: known_at on or before it (rows with no known_at are left out)."""
    ref = as_of_instant(as_of)
    if ref is None:
        return events
    keep = [(_instant(v) is not None and _instant(v) <= ref) for v in events["known_at"]]
    return events[pd.Series(keep, index=events.index, dtype=bool)]


def actions(events: pd.DataFrame, as_of=None, *, with_events: bool = False):
    """The wide view: one row per corporate action of ``events`` (an events table).

    ``as_of``: a date or datetime; only rows known by then are used and statuses are as of then.
    ``with_events=True`` returns ``(actions, linked_events)``: the events with ``action_id``,
    ``link_reason`` and ``superseded_by``.
    """
    ev = known_by(events, as_of)
    if "known_at" not in ev.columns:
        raise ValueError("the events table has no known_at column: re-run extractor extract")
    linked = link(ev) if len(ev) else _empty_linked(ev)
    w = wide(linked, as_of) if len(linked) else pd.DataFrame({c: [] for c in ACTION_COLUMNS})
    if with_events:
        return w, linked.drop(columns=[c for c in linked.columns if c.startswith("_")])
    return w


def _empty_linked(ev: pd.DataFrame) -> pd.DataFrame:
    out = ev.copy()
    for c in EVENT_LINK_COLUMNS + ("_action_type", "_company_key"):
        out[c] = pd.Series([], dtype="string")
    return out


def write(df: pd.DataFrame, path: str | Path) -> Path:
    """Write a frame by the extension (.csv, .parquet, .jsonl)."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    ext = p.suffix.lower()
    tmp = p.with_name(p.name + ".tmp")
    if ext in (".parquet", ".pq"):
        df.to_parquet(tmp, index=False)
    elif ext in (".jsonl", ".ndjson"):
        df.to_json(tmp, orient="records", lines=True, force_ascii=False)
    elif ext == ".csv":
        df.to_csv(tmp, index=False)
    else:
        raise ValueError(f"unknown output format {ext or '(none)'!r} for {p}: use .csv, .parquet or .jsonl")
    tmp.replace(p)
    return p


def events_path(path: str | Path) -> Path:
    """actions.csv → actions.events.csv."""
    p = Path(path)
    stem = p.name[: -len(p.suffix)] if p.suffix else p.name
    return p.with_name(f"{stem}.events{p.suffix}")
