"""Evaluation: the extractor's tables against gold annotations, scored as the guideline's scorer does.

Gold is JSONL, one record per filing (``file``, ``company``, ``form_type``, ``events``),
as in the annotation guideline. The metrics and their definitions are those of the
project's reference scorer (``eval/score.py`` of the shared corpus), reimplemented here so
the package does not depend on it; ``tests/test_evaluate.py`` checks both agree.

Micro-averaged over filings:

- ``type``: per (filing, event_type), is the type present at all;
- ``dated``: per (filing, event_type, date), a multiset match (a ``month`` precision cuts
  the predicted date to ``YYYY-MM``);
- ``ratio_acc``: gold split events with a ratio whose ratio was predicted;
- ``meeting_acc``: gold meetings with a meeting kind whose kind was predicted;
- ``company_acc`` / ``form_acc``: filings whose company (normalised) / form type matches,
  read from the filings table (one row per input).
"""
from __future__ import annotations

import json
import os
import re
from collections import Counter, defaultdict
from fractions import Fraction
from typing import Iterable

from .vocab import CORE_TYPES, EXTENDED_TYPES, SPLIT_TYPES

ALL_TYPES = CORE_TYPES + EXTENDED_TYPES


# ---------------------------------------------------------------- normalisation

def norm_text(value) -> str | None:
    """Lower-cased, stripped text; None for empty and the spellings of a missing value."""
    if value is None:
        return None
    value = str(value).strip().lower()
    if not value or value in ("nan", "none", "null"):
        return None
    return value


def norm_date(value) -> str | None:
    """``YYYY-MM-DD`` or ``YYYY-MM`` (the leading ISO part), None when missing.

    >>> norm_date("2024-05-03T00:00:00"), norm_date("2024-05"), norm_date("NaT")
    ('2024-05-03', '2024-05', None)
    """
    if value is None:
        return None
    value = str(value).strip()
    if not value or value.lower() in ("nan", "nat", "none", "null"):
        return None
    m = re.match(r"^(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    return m.group(0) if m else value


def pred_date(row: dict) -> str | None:
    d = norm_date(row.get("event_date"))
    if d and norm_text(row.get("date_precision")) == "month":
        return d[:7]
    return d


def norm_ratio(row: dict) -> str | None:
    """``NEW:OLD`` in lowest terms, from ``ratio`` or ``ratio_new`` + ``ratio_old``.

    >>> norm_ratio({"ratio": "10:100"}), norm_ratio({"ratio_new": 3, "ratio_old": 2}), norm_ratio({"ratio": "range"})
    ('1:10', '3:2', 'range')
    """
    r = norm_text(row.get("ratio"))
    if r is None and norm_text(row.get("ratio_new")) and norm_text(row.get("ratio_old")):
        r = f"{row['ratio_new']}:{row['ratio_old']}"
    if r and ":" in r:
        a, b = r.split(":", 1)
        try:
            q = Fraction(a.strip()) / Fraction(b.strip())
            r = f"{q.numerator}:{q.denominator}"
        except (ValueError, ZeroDivisionError):
            pass
    return r


def norm_company(name) -> str:
    """A company name without case, punctuation, legal suffixes or EDGAR state tags.

    >>> norm_company("Tamsin Therapeutics, Inc. /DE/")
    'tamsin therapeutics'
    """
    name = (name or "").lower()
    name = re.sub(r"/[a-z]{2,3}/?\s*$", " ", name)
    name = name.replace("&", " and ")
    name = re.sub(r"[^a-z0-9 ]+", " ", name)
    name = re.sub(r"\b(co|company|corp|corporation|inc|incorporated|ltd|limited|plc|sa|ag|nv|llc|the|and)\b", " ", name)
    return " ".join(name.split())


# ---------------------------------------------------------------- inputs

def load_gold(path: str | os.PathLike) -> dict[str, dict]:
    """Gold records keyed by the base name of their file."""
    gold = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                rec = json.loads(line)
                gold[os.path.basename(rec["file"])] = rec
    return gold


def _cell(value):
    """A table cell as the scorer reads it from CSV: text, or None when missing."""
    from .table import missing

    return None if missing(value) else str(value)


def rows_by_file(frame) -> tuple[dict[str, list[dict]], list[str]]:
    """A DataFrame's rows as text cells, grouped by the base name of ``source_file``."""
    cols = [str(c) for c in frame.columns]
    out: dict[str, list[dict]] = defaultdict(list)
    for rec in frame.to_dict("records"):
        row = {c: _cell(v) for c, v in rec.items()}
        out[os.path.basename(row.get("source_file") or "")].append(row)
    return out, cols


# ---------------------------------------------------------------- scoring

def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1; an empty side counts as perfect, as in the reference scorer."""
    p = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold: dict[str, dict], preds: dict[str, list[dict]], cols: Iterable[str],
          filings: dict[str, list[dict]] | None = None, filing_cols: Iterable[str] | None = None) -> dict:
    """Every metric, per type and aggregated, plus the list of disagreements."""
    cols, filing_cols = list(cols), list(filing_cols or [])
    present = {t: Counter() for t in ALL_TYPES}
    dated = {t: Counter() for t in ALL_TYPES}
    ratio, meeting, company, form = Counter(), Counter(), Counter(), Counter()
    errors: list[str] = []
    for fname, rec in gold.items():
        rows = [r for r in preds.get(fname, []) if norm_text(r.get("event_type")) in present]
        g_events = rec.get("events", [])
        g_types = Counter(e["type"] for e in g_events)
        p_types = Counter(norm_text(r["event_type"]) for r in rows)
        for t in ALL_TYPES:
            g, p = t in g_types, t in p_types
            present[t]["tp"] += g and p
            present[t]["fp"] += p and not g
            present[t]["fn"] += g and not p
            if g != p:
                errors.append(f"{fname}: {t} {'missed' if g else 'spurious'}")
        g_dated = Counter((e["type"], norm_date(e.get("date"))) for e in g_events)
        p_dated = Counter((norm_text(r["event_type"]), pred_date(r)) for r in rows)
        for t in ALL_TYPES:
            gt = Counter({k: v for k, v in g_dated.items() if k[0] == t})
            pt = Counter({k: v for k, v in p_dated.items() if k[0] == t})
            tp = sum((gt & pt).values())
            dated[t]["tp"] += tp
            dated[t]["fp"] += sum(pt.values()) - tp
            dated[t]["fn"] += sum(gt.values()) - tp
            for k in gt - pt:
                if k[0] in p_types and g_types.get(k[0]):
                    errors.append(f"{fname}: {t} date {k[1]} not predicted "
                                  f"(got {sorted(str(d) for (tt, d) in pt if tt == t)})")
        for e in g_events:
            if e["type"] in SPLIT_TYPES and e.get("ratio"):
                ratio["n"] += 1
                got = {norm_ratio(r) for r in rows if norm_text(r["event_type"]) == e["type"]}
                if norm_ratio({"ratio": e["ratio"]}) in got:
                    ratio["ok"] += 1
                else:
                    errors.append(f"{fname}: ratio {e['ratio']} not predicted (got {sorted(map(str, got))})")
            if e["type"] == "shareholder_meeting" and e.get("meeting_type") and "meeting_type" in cols:
                meeting["n"] += 1
                got = {norm_text(r.get("meeting_type")) for r in rows if norm_text(r["event_type"]) == e["type"]}
                meeting["ok"] += e["meeting_type"] in got
        # company and form from the filings table when there is one (a row per input),
        # else from the event rows of the filings that have any
        meta_rows = filings.get(fname, []) if filings is not None else preds.get(fname, [])
        meta_cols = filing_cols if filings is not None else cols
        if rec.get("company") and "company_name" in meta_cols and (filings is not None or meta_rows):
            company["n"] += 1
            company["ok"] += norm_company(rec["company"]) in {norm_company(r.get("company_name")) for r in meta_rows}
        if rec.get("form_type") and "form_type" in meta_cols and (filings is not None or meta_rows):
            form["n"] += 1
            form["ok"] += norm_text(rec["form_type"]) in {norm_text(r.get("form_type")) for r in meta_rows}

    def agg(table, types):
        c = Counter()
        for t in types:
            c.update(table[t])
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": c["tp"], "fp": c["fp"], "fn": c["fn"]}

    def acc(c):
        return round(c["ok"] / c["n"], 4) if c["n"] else None

    out = {
        "filings": len(gold),
        "filings_with_predictions": sum(1 for f in gold if preds.get(f)),
        "core_type": agg(present, CORE_TYPES), "core_dated": agg(dated, CORE_TYPES),
        "all_type": agg(present, ALL_TYPES), "all_dated": agg(dated, ALL_TYPES),
        "per_type": {t: {"type": agg(present, (t,)), "dated": agg(dated, (t,))} for t in ALL_TYPES},
        "ratio_acc": acc(ratio), "ratio_n": ratio["n"], "meeting_acc": acc(meeting),
        "company_acc": acc(company), "form_acc": acc(form), "errors": errors,
    }
    out["metrics"] = {
        "type_f1": out["core_type"]["f1"], "dated_f1": out["core_dated"]["f1"],
        "all_type_f1": out["all_type"]["f1"], "all_dated_f1": out["all_dated"]["f1"],
        "ratio_acc": out["ratio_acc"], "meeting_acc": out["meeting_acc"],
        "company_acc": out["company_acc"], "form_acc": out["form_acc"],
    }
    return out


def score_tables(gold: dict[str, dict], events, filings=None) -> dict:
    """Score the events (and filings) DataFrames of a run."""
    preds, cols = rows_by_file(events)
    fil, fcols = rows_by_file(filings) if filings is not None else (None, None)
    return score(gold, preds, cols, fil, fcols)


def report(res: dict, errors: int = 0) -> str:
    """The scores as the reference scorer prints them, then the first ``errors`` disagreements."""
    lines = [f"filings {res['filings']}  with predictions {res['filings_with_predictions']}",
             f"{'':22} {'type P/R/F1':>22} {'dated P/R/F1':>22}"]
    for name in ("core", "all"):
        a, b = res[f"{name}_type"], res[f"{name}_dated"]
        lines.append(f"{name:22} {a['precision']:.3f}/{a['recall']:.3f}/{a['f1']:.3f}  "
                     f"   {b['precision']:.3f}/{b['recall']:.3f}/{b['f1']:.3f}")
    for t, v in res["per_type"].items():
        a, b = v["type"], v["dated"]
        if a["tp"] + a["fn"] + a["fp"]:
            lines.append(f"  {t:20} {a['precision']:.3f}/{a['recall']:.3f}/{a['f1']:.3f}  "
                         f"   {b['precision']:.3f}/{b['recall']:.3f}/{b['f1']:.3f}  (gold {a['tp'] + a['fn']})")
    for k in ("ratio_acc", "meeting_acc", "company_acc", "form_acc"):
        lines.append(f"{k:22} {res[k]}")
    lines += [f"  - {e}" for e in res["errors"][:errors]]
    return "\n".join(lines)


def evaluate(gold_path: str | os.PathLike, paths, **kwargs) -> dict:
    """Extract ``paths`` and score the result against the gold file."""
    from .api import extract

    tables = extract(paths, **kwargs)
    return score_tables(load_gold(gold_path), tables.events, tables.filings)
