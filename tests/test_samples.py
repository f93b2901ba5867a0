"""Golden tests: every sample gives its expected events; the seed filing gives its gold events.

``data/expected/samples.gold.jsonl`` has the format of the dev corpus's gold file. An event
matches the way the scorer (../shared/eval/score.py) matches it: same type and date (a month
where the prediction's precision is a month), and the same ratio and meeting type where the
gold event gives one.
"""
from __future__ import annotations

import json
from collections import Counter
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest

from extractor import extract

from conftest import SHARED, requires_shared

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
GOLD = {json.loads(line)["file"]: json.loads(line)
        for line in (ROOT / "data" / "expected" / "samples.gold.jsonl").read_text().splitlines() if line.strip()}
SAMPLE_GOLD = {name: rec for name, rec in GOLD.items() if (SAMPLES / name).is_file()}
SEED = "000_1e257ee774b91506.txt"


def _value(v):
    return None if v is None or pd.isna(v) or str(v) == "" else str(v)


def _ratio(value):
    if not value or ":" not in value:
        return value
    a, b = value.split(":", 1)
    q = Fraction(int(a), int(b))
    return f"{q.numerator}:{q.denominator}"


def predicted(events: pd.DataFrame) -> list[dict]:
    out = []
    for _, r in events.iterrows():
        date = _value(r["event_date"])
        if date and _value(r.get("date_precision")) == "month":
            date = date[:7]
        out.append({"type": r["event_type"], "date": date, "ratio": _ratio(_value(r["ratio"])),
                    "meeting_type": _value(r["meeting_type"]), "status": _value(r["status"]),
                    "subject": _value(r["subject"]), "source_document": _value(r["source_document"]),
                    "evidence": _value(r["evidence"])})
    return out


def mismatches(gold_events: list[dict], got: list[dict]) -> list[str]:
    """What keeps the prediction from matching the gold set, in words (empty: it matches)."""
    problems = []
    g = Counter((e["type"], e.get("date")) for e in gold_events)
    p = Counter((e["type"], e["date"]) for e in got)
    for key in g - p:
        problems.append(f"missing {key[0]} dated {key[1]}")
    for key in p - g:
        problems.append(f"unexpected {key[0]} dated {key[1]}")
    for e in gold_events:
        same = [x for x in got if x["type"] == e["type"]]
        if e.get("ratio") and _ratio(e["ratio"]) not in {x["ratio"] for x in same}:
            problems.append(f"{e['type']}: ratio {e['ratio']} not predicted (got {[x['ratio'] for x in same]})")
        if e.get("meeting_type") and e["meeting_type"] not in {x["meeting_type"] for x in same}:
            problems.append(f"{e['type']}: meeting type {e['meeting_type']} not predicted")
    return problems


@pytest.fixture(scope="module")
def sample_tables():
    return extract([SAMPLES / name for name in sorted(SAMPLE_GOLD)], timeout=None)


def test_every_sample_has_expected_events():
    assert sorted(SAMPLE_GOLD) == sorted(p.name for p in SAMPLES.iterdir() if p.is_file())


@pytest.mark.parametrize("name", sorted(SAMPLE_GOLD))
def test_sample_gives_its_expected_events(sample_tables, name):
    events, filings, errors = sample_tables
    assert len(errors) == 0, errors.to_dict("records")
    mine = events[events["source_file"].map(lambda s: Path(s).name) == name]
    problems = mismatches(SAMPLE_GOLD[name]["events"], predicted(mine))
    assert not problems, f"{name}: " + "; ".join(problems)


@pytest.mark.parametrize("name", sorted(SAMPLE_GOLD))
def test_sample_metadata(sample_tables, name):
    from conftest import SHARED  # noqa: F401  (same normalisation as the scorer)
    rec = SAMPLE_GOLD[name]
    (row,) = sample_tables.filings[sample_tables.filings["source_file"].map(lambda s: Path(s).name) == name] \
        .to_dict("records")
    norm = _company_key
    assert norm(row["company_name"]) == norm(rec["company"]), (row["company_name"], rec["company"])
    assert str(row["form_type"]).lower() == rec["form_type"].lower()
    assert (_value(row["cik"]), _value(row["filed_date"])) == (rec.get("cik"), rec.get("filed_date"))


def _company_key(name) -> str:
    import re
    name = (str(name) if name is not None and not pd.isna(name) else "").lower()
    name = re.sub(r"/[a-z]{2,3}/?\s*$", " ", name).replace("&", " and ")
    name = re.sub(r"[^a-z0-9 ]+", " ", name)
    name = re.sub(r"\b(co|company|corp|corporation|inc|incorporated|ltd|limited|plc|sa|ag|nv|llc|the|and)\b", " ", name)
    return " ".join(name.split())


# --- the seed filing of the guideline ------------------------------------------------------

@requires_shared
def test_seed_filing_gives_exactly_its_gold_events():
    path = SHARED / "corpus" / "dev" / "filings" / SEED
    events, filings, errors = extract([path], timeout=None)
    assert len(errors) == 0
    got = sorted(((e["type"], e["date"], e["status"], e["meeting_type"], e["subject"]) for e in predicted(events)),
                 key=str)
    assert got == sorted([
        ("reverse_stock_split", None, "approved", None, None),
        ("shareholder_approval", "2002-11-25", "approved", None, "reverse_stock_split"),
        ("shareholder_meeting", "2002-11-25", "held", "extraordinary", None),
        ("announcement", "2002-11-27", None, None, "reverse_stock_split"),
    ], key=str)
    # every event is read from the exhibit description ("Exhibit 99.1: a press release dated
    # November 27, 2002, announcing that ..."), which the parser labels exhibit_index
    for e in predicted(events):
        assert e["source_document"] == "exhibit_index", e
        assert e["evidence"].startswith("Exhibit 99.1: a press release dated November 27, 2002")
    (f,) = filings.to_dict("records")
    assert _company_key(f["company_name"]) == _company_key("Korea Thrunet Co., Ltd.") and f["form_type"] == "6-K"
