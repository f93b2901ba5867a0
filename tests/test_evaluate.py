"""`extractor evaluate`: the reference scorer's definitions, reimplemented (extractor.evaluate)."""
import importlib.util
import json
import os
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from conftest import SHARED, requires_shared
from extractor.cli import app
from extractor.evaluate import load_gold, report, score_tables

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
SAMPLES_GOLD = ROOT / "data" / "expected" / "samples.gold.jsonl"

GOLD = {
    "a.txt": {"file": "a.txt", "company": "Alder Corp.", "form_type": "8-K", "events": [
        {"type": "reverse_stock_split", "date": "2024-05-01", "status": "effective", "ratio": "1:10"},
        {"type": "shareholder_meeting", "date": "2024-04-20", "meeting_type": "annual", "status": "held"},
        {"type": "announcement", "date": "2024-04-22", "subject": "reverse_stock_split"}]},
    "b.txt": {"file": "dir/b.txt", "company": "Birch AG", "form_type": "6-K", "events": [
        {"type": "cash_dividend", "date": "2024-06", "subject": None}]},
}
EVENTS = pd.DataFrame([
    # right type, date and ratio (10:100 reduces to 1:10)
    {"source_file": "/x/a.txt", "event_type": "reverse_stock_split", "event_date": "2024-05-01",
     "date_precision": "day", "ratio": "10:100", "meeting_type": None},
    # right type, wrong date and kind
    {"source_file": "/x/a.txt", "event_type": "shareholder_meeting", "event_date": "2024-04-21",
     "date_precision": "day", "ratio": None, "meeting_type": "extraordinary"},
    # spurious type
    {"source_file": "/x/a.txt", "event_type": "merger", "event_date": None,
     "date_precision": None, "ratio": None, "meeting_type": None},
    # a month-precision date is cut to YYYY-MM
    {"source_file": "b.txt", "event_type": "cash_dividend", "event_date": "2024-06-01",
     "date_precision": "month", "ratio": None, "meeting_type": None},
])
FILINGS = pd.DataFrame([
    {"source_file": "/x/a.txt", "company_name": "ALDER CORP /DE/", "form_type": "8-K"},
    {"source_file": "b.txt", "company_name": "Birch Holding AG", "form_type": "6-K"},
])


def test_hand_made_gold_and_predictions():
    res = score_tables(GOLD, EVENTS, FILINGS)
    # type presence: tp = split, meeting, dividend; fp = merger; fn = announcement
    assert (res["all_type"]["tp"], res["all_type"]["fp"], res["all_type"]["fn"]) == (3, 1, 1)
    assert res["all_type"]["f1"] == 0.75
    assert (res["core_type"]["tp"], res["core_type"]["fp"], res["core_type"]["fn"]) == (2, 0, 1)
    # dated: split and dividend match; the meeting date and the merger do not
    assert (res["all_dated"]["tp"], res["all_dated"]["fp"], res["all_dated"]["fn"]) == (2, 2, 2)
    assert res["per_type"]["shareholder_meeting"]["dated"] == {
        "precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 1, "fn": 1}
    assert res["ratio_acc"] == 1.0 and res["ratio_n"] == 1
    assert res["meeting_acc"] == 0.0
    assert res["company_acc"] == 0.5 and res["form_acc"] == 1.0
    assert "a.txt: merger spurious" in res["errors"] and "a.txt: announcement missed" in res["errors"]
    assert "a.txt: shareholder_meeting date 2024-04-20 not predicted (got ['2024-04-21'])" in res["errors"]
    text = report(res, errors=2)
    assert text.splitlines()[0] == "filings 2  with predictions 2"
    assert "  - a.txt: announcement missed" in text


def test_without_a_filings_table_metadata_comes_from_the_event_rows():
    ev = EVENTS.assign(company_name="Alder", form_type="8-K")
    res = score_tables(GOLD, ev)
    assert res["company_acc"] == 0.5 and res["form_acc"] == 0.5


def _reference_scorer():
    path = SHARED / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("reference_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@requires_shared
def test_same_numbers_as_the_reference_scorer_on_the_samples(tmp_path):
    from extractor import extract
    from extractor.writers import write_tables

    tables = extract([str(SAMPLES)])
    out = tmp_path / "events.csv"
    write_tables(tables._asdict(), str(out))
    ref = _reference_scorer()
    ref_res = ref.score(*_ref_inputs(ref, SAMPLES_GOLD, out))
    ours = score_tables(load_gold(SAMPLES_GOLD), tables.events, tables.filings)
    assert ours == ref_res
    # and from the reference scorer's own command line: the same printed report
    res = CliRunner().invoke(app, ["evaluate", str(SAMPLES_GOLD), str(SAMPLES), "--errors", "50"])
    assert res.exit_code == 0, res.output
    assert res.output.rstrip("\n") == report(ref_res, errors=50)


@requires_shared
def test_same_numbers_as_the_reference_scorer_on_hand_made_tables(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in GOLD.values()) + "\n", encoding="utf-8")
    EVENTS.to_csv(tmp_path / "events.csv", index=False)
    FILINGS.to_csv(tmp_path / "events.filings.csv", index=False)
    ref = _reference_scorer()
    assert score_tables(load_gold(gold), EVENTS, FILINGS) == ref.score(*_ref_inputs(ref, gold, tmp_path / "events.csv"))


def _ref_inputs(ref, gold_path, events_csv):
    import csv
    from collections import defaultdict

    preds, cols = ref.load_predictions(str(events_csv))
    filings = defaultdict(list)
    fpath = Path(str(events_csv).removesuffix(".csv") + ".filings.csv")
    with open(fpath, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        fcols = reader.fieldnames or []
        for row in reader:
            filings[Path(row.get("source_file") or "").name].append(row)
    return ref.load_gold(str(gold_path)), preds, cols, filings, fcols


def test_evaluate_command_exit_codes(tmp_path):
    res = CliRunner().invoke(app, ["evaluate", str(tmp_path / "missing.jsonl"), str(SAMPLES)])
    assert res.exit_code == 2 and "no such gold file" in res.output
    res = CliRunner().invoke(app, ["evaluate", str(SAMPLES_GOLD), str(SAMPLES), "--require", "all_type_f1=1.01"])
    assert res.exit_code == 1 and "below the bar: all_type_f1=" in res.output


def test_rules_only_flag_leaves_the_environment_as_it_was(monkeypatch):
    monkeypatch.delenv("EXTRACTOR_RULES_ONLY", raising=False)
    res = CliRunner().invoke(app, ["evaluate", str(SAMPLES_GOLD), str(SAMPLES), "--rules-only", "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["filings"] == 6
    assert "EXTRACTOR_RULES_ONLY" not in os.environ
