"""The wide view of corporate actions: linking across filings, point in time, amendments."""
from __future__ import annotations

import pandas as pd
import pytest

from extractor.actions import actions, company_name_key, fraction_disposition, link, read_events
from extractor.records import Filing
from extractor.table import EVENTS_SCHEMA, enforce, known_at

from conftest import SHARED, requires_shared


def _row(**kw) -> dict:
    base = {"source_file": "fictional.txt", "company_name": "Fictional Widgets, Inc.", "event_id": None,
            "form_type": "press release"}
    base.update(kw)
    if base["event_id"] is None:
        base["event_id"] = f"{base['source_file']}|{base['event_type']}|{kw.get('event_date')}"
    if "known_at" in kw and "known_at_source" not in kw:
        base["known_at_source"] = "accepted_at" if "T" in str(kw["known_at"]) else "dateline"
    return base


def _events(rows: list[dict]) -> pd.DataFrame:
    return enforce(pd.DataFrame(rows), EVENTS_SCHEMA)


# A split announced on 2031-03-03, effective 2031-03-10; an 8-K reports it effective on 2031-03-12.
ANNOUNCED = [
    _row(source_file="pr_0303.txt", event_type="reverse_stock_split", status="effective", ratio_new=1, ratio_old=10,
         ratio="1:10", event_date="2031-03-10", effective_date="2031-03-10", known_at="2031-03-03",
         evidence="Fictional Widgets will effect a 1-for-10 reverse stock split effective March 10, 2031."),
    _row(source_file="pr_0303.txt", event_type="announcement", subject="reverse_stock_split",
         event_date="2031-03-03", known_at="2031-03-03", evidence="SPRINGFIELD, March 3, 2031"),
    _row(source_file="pr_0303.txt", event_type="shareholder_approval", subject="reverse_stock_split", status="approved",
         event_date="2031-02-20", known_at="2031-03-03", evidence="Stockholders approved the reverse split on February 20, 2031."),
    _row(source_file="8k_0312.txt", accession_number="0009999999-31-000001", cik="0009999999",
         company_name="FICTIONAL WIDGETS INC", form_type="8-K", event_type="reverse_stock_split", status="effective",
         ratio_new=1, ratio_old=10, ratio="1:10", event_date="2031-03-10", effective_date="2031-03-10",
         known_at="2031-03-12T21:00:00+00:00", evidence="On March 10, 2031 the 1-for-10 reverse split became effective."),
]


def test_known_at_prefers_acceptance_then_filing_date_then_the_document():
    f = Filing(source_file="x", text="", accepted_at="2031-03-12T21:00:00+00:00", filed_date="2031-03-12",
               report_date="2031-03-10", report_date_source="date_of_report")
    assert known_at(f) == ("2031-03-12T21:00:00+00:00", "accepted_at")
    assert known_at(Filing(source_file="x", text="", filed_date="2031-03-12")) == ("2031-03-12", "filed_date")
    assert known_at(Filing(source_file="x", text="", report_date="2031-03-03", report_date_source="dateline")) == \
        ("2031-03-03", "dateline")
    assert known_at(Filing(source_file="x", text="", report_month="2031-03")) == ("2031-03", "month")
    assert known_at(Filing(source_file="x", text="")) == (None, None)


def test_one_action_from_many_filings_every_evidence_row_kept():
    wide, linked = actions(_events(ANNOUNCED), with_events=True)
    assert len(wide) == 1
    a = wide.iloc[0]
    assert a["action_type"] == "reverse_stock_split" and a["caev_code"] == "SPLR"
    assert (a["ratio_new"], a["ratio_old"]) == (1, 10)
    assert a["announcement_date"] == "2031-03-03" and a["approval_date"] == "2031-02-20"
    assert a["effective_date"] == "2031-03-10"
    assert a["cik"] == "0009999999"            # the name joins the press release to the CIK of the 8-K
    assert len(linked) == 4 and linked["action_id"].nunique() == 1
    assert linked["link_reason"].notna().all()
    assert "0009999999-31-000001" in a["source_accessions"] and "pr_0303.txt" in a["source_accessions"]


def test_as_of_between_announcement_and_effective_date_is_not_applied_early():
    before = actions(_events(ANNOUNCED), as_of="2031-03-01")
    assert len(before) == 0                    # nothing was public yet
    mid = actions(_events(ANNOUNCED), as_of="2031-03-05")
    assert len(mid) == 1
    a = mid.iloc[0]
    assert a["status"] in ("preliminary", "confirmed") and not a["in_effect"]
    assert a["n_events"] == 3                  # the 8-K of 2031-03-12 was not known yet
    assert "0009999999-31-000001" not in (a["source_accessions"] or "")
    after = actions(_events(ANNOUNCED), as_of="2031-03-11")
    assert after.iloc[0]["status"] == "complete" and after.iloc[0]["in_effect"]
    # an acceptance time is an instant: known at 21:00 UTC on 2031-03-12, not before
    assert actions(_events(ANNOUNCED), as_of="2031-03-12T20:59:00+00:00").iloc[0]["n_events"] == 3
    assert actions(_events(ANNOUNCED), as_of="2031-03-12T21:00:00+00:00").iloc[0]["n_events"] == 4


def test_proposed_split_is_preliminary_and_rows_without_known_at_are_unknowable():
    rows = [_row(event_type="reverse_stock_split", status="proposed", ratio="range", ratio_range_low="1:5",
                 ratio_range_high="1:20", known_at="2031-01-10"),
            _row(source_file="undated.txt", event_type="cash_dividend", payment_date="2031-02-01", event_date="2031-02-01")]
    assert actions(_events(rows), as_of="2031-01-15")["action_type"].tolist() == ["reverse_stock_split"]
    assert actions(_events(rows), as_of="2031-01-15").iloc[0]["status"] == "preliminary"
    assert len(actions(_events(rows))) == 2     # without --as-of every row counts


def test_amendment_supersedes_what_it_amends():
    rows = [
        _row(source_file="8k.txt", accession_number="0009999999-31-000010", cik="0009999999", form_type="8-K",
             event_type="reverse_stock_split", status="effective", ratio_new=1, ratio_old=10, ratio="1:10",
             effective_date="2031-05-01", event_date="2031-05-01", known_at="2031-04-20T20:00:00+00:00"),
        _row(source_file="8ka.txt", accession_number="0009999999-31-000011", cik="0009999999", form_type="8-K/A",
             event_type="reverse_stock_split", status="effective", ratio_new=1, ratio_old=12, ratio="1:12",
             effective_date="2031-05-02", event_date="2031-05-02", known_at="2031-04-22T20:00:00+00:00"),
    ]
    wide, linked = actions(_events(rows), as_of="2031-04-25", with_events=True)
    assert len(wide) == 1
    a = wide.iloc[0]
    assert (a["ratio_new"], a["ratio_old"]) == (1, 12) and a["effective_date"] == "2031-05-02"
    assert a["superseded_sources"] == "0009999999-31-000010"
    assert linked.set_index("source_file").loc["8k.txt", "superseded_by"] == "0009999999-31-000011"
    assert "supersedes" in linked.set_index("source_file").loc["8ka.txt", "link_reason"]
    # before the amendment was public, the original stands
    early = actions(_events(rows), as_of="2031-04-21").iloc[0]
    assert (early["ratio_old"], early["effective_date"]) == (10, "2031-05-01")


def test_different_actions_of_one_company_stay_apart():
    rows = [
        _row(source_file="a.txt", cik="0009999999", event_type="reverse_stock_split", status="effective",
             ratio_new=1, ratio_old=10, ratio="1:10", effective_date="2031-05-01", known_at="2031-04-20"),
        _row(source_file="b.txt", cik="0009999999", event_type="reverse_stock_split", status="effective",
             ratio_new=1, ratio_old=5, ratio="1:5", effective_date="2034-02-01", known_at="2034-01-20"),
        _row(source_file="c.txt", cik="0009999999", event_type="reverse_stock_split", status="effective",
             ratio_new=1, ratio_old=5, ratio="1:5", effective_date="2036-02-01", known_at="2036-01-20"),
        _row(source_file="a.txt", cik="0009999999", event_type="cash_dividend", payment_date="2031-05-15",
             record_date="2031-05-05", event_date="2031-05-15", known_at="2031-04-20"),
        _row(source_file="d.txt", cik="0009999999", event_type="cash_dividend", payment_date="2031-08-15",
             record_date="2031-08-05", event_date="2031-08-15", known_at="2031-07-20"),
        # another company with the same kind of split on the same day
        _row(source_file="e.txt", company_name="Other Gadgets Corp.", event_type="reverse_stock_split",
             status="effective", ratio_new=1, ratio_old=10, ratio="1:10", effective_date="2031-05-01", known_at="2031-04-20"),
    ]
    wide = actions(_events(rows))
    assert len(wide) == 6
    assert sorted(wide["action_type"]) == ["cash_dividend"] * 2 + ["reverse_stock_split"] * 4


def test_company_names_normalize_but_stay_distinct():
    assert company_name_key("ORACLE CORP") == company_name_key("Oracle Corporation") == "oracle"
    assert company_name_key("Brera Holdings PLC") == company_name_key("Brera Holdings")
    assert company_name_key("SEARS ROEBUCK & CO") == company_name_key("SEARS, ROEBUCK AND CO.")
    assert company_name_key("Oracle Corporation") != company_name_key("Oracle Financial Corp")


@pytest.mark.parametrize("text,want", [
    ("No fractional shares will be issued; any fractional share will be rounded up to the nearest whole share.", "round up"),
    ("Stockholders who would otherwise hold a fractional share will receive a cash payment in lieu thereof.", "cash in lieu"),
    ("Fractional shares will be rounded down and cancelled without payment.", "round down"),
    ("Fractional shares will be rounded either up or down to the nearest whole number of shares.", "round to nearest"),
    ("The split takes effect on Monday.", None),
])
def test_fraction_disposition(text, want):
    assert fraction_disposition(text) == want


# ---------------------------------------------------------------- dev corpus

@pytest.fixture(scope="module")
def dev_linked():
    """Extract the dev corpus filings whose company appears in more than one filing, and link them."""
    from extractor.actions import company_name_key as key
    from extractor.events import extract_events
    from extractor.nlp import load_pipeline
    from extractor.parse import parse_file
    from extractor.table import event_rows, frame

    folder = SHARED / "corpus" / "dev" / "filings"
    parsed = {}
    for p in sorted(folder.iterdir()):
        try:
            parsed[p] = parse_file(str(p))
        except Exception:  # noqa: BLE001 - the parser's tests cover failures
            continue
    by_company: dict[str, list] = {}
    for p, f in parsed.items():
        k = key(f.company_name)
        if k:
            by_company.setdefault(k, []).append(p)
    shared = [p for ps in by_company.values() if len(ps) > 1 for p in ps]
    nlp = load_pipeline()
    rows = []
    for p in shared:
        rows += event_rows(parsed[p], extract_events(parsed[p], nlp))
    events = frame(rows, EVENTS_SCHEMA)
    return actions(events, with_events=True)


def _ids(linked, name, event_type):
    rows = linked[linked["source_file"].str.endswith(name) & (linked["event_type"] == event_type)]
    return set(rows["action_id"])


@requires_shared
def test_dev_corpus_actions_link_filings_and_keep_actions_apart(dev_linked):
    wide, linked = dev_linked
    assert len(wide) and len(linked)
    # every row is linked, with a reason
    assert linked["action_id"].notna().all() and linked["link_reason"].notna().all()
    # an action never mixes primary types, and never two different split ratios unless a revision/amendment
    prim = linked[linked["event_type"].isin(["reverse_stock_split", "stock_split", "cash_dividend", "merger",
                                             "name_change", "delisting"])]
    assert (prim.groupby("action_id")["event_type"].nunique() <= 1).all()
    for aid, g in prim[prim["ratio_new"].notna()].groupby("action_id"):
        ratios = set(zip(g["ratio_new"], g["ratio_old"]))
        if len(ratios) > 1:
            assert g["link_reason"].str.contains("revises|amendment", regex=True).any(), aid
    # multi-filing actions become one row each
    multi = wide[wide["n_sources"] > 1]
    assert len(multi) >= 3
    for pair, t in [(("r0002.txt", "r0003.txt"), "reverse_stock_split"),      # one split, two releases
                    (("r0006.txt", "r0007.txt"), "reverse_stock_split"),
                    (("f0034.txt", "f0035.htm"), "cash_dividend")]:           # one 8-K, two formats
        ids = [_ids(linked, f, t) for f in pair]
        if all(ids):
            assert len(ids[0] | ids[1]) == 1, (pair, t)
    # different actions of one company stay apart: a dividend of 2014 and one of 2022; a split and a delisting
    a, b = _ids(linked, "f0034.txt", "cash_dividend"), _ids(linked, "f0038.htm", "cash_dividend")
    if a and b:
        assert not a & b
    a, b = _ids(linked, "r0006.txt", "reverse_stock_split"), _ids(linked, "r0065.txt", "delisting")
    if a and b:
        assert not a & b
    # no action has two primary rows from one input
    assert not prim.groupby(["action_id", "source_file"]).size().gt(1).any()


def test_actions_command_writes_wide_and_long_tables(tmp_path):
    from typer.testing import CliRunner

    from extractor.cli import app

    events = _events(ANNOUNCED)
    src = tmp_path / "events.csv"
    events.to_csv(src, index=False)
    out = tmp_path / "actions.csv"
    res = CliRunner().invoke(app, ["actions", str(src), "-o", str(out), "--as-of", "2031-03-05"])
    assert res.exit_code == 0, res.output
    wide = pd.read_csv(out)
    assert len(wide) == 1 and wide.iloc[0]["status"] in ("preliminary", "confirmed")
    long = pd.read_csv(tmp_path / "actions.events.csv")
    assert {"action_id", "link_reason", "superseded_by", "known_at"} <= set(long.columns) and len(long) == 3
    assert read_events(tmp_path / "actions.events.csv")["event_type"].tolist() == long["event_type"].tolist()
    bad = CliRunner().invoke(app, ["actions", str(src), "-o", str(out), "--as-of", "yesterday"])
    assert bad.exit_code == 2


def test_meeting_and_approvals_about_the_split_attach_to_its_action():
    rows = [
        _row(source_file="vote.txt", form_type="8-K", cik="0009999999", known_at="2031-02-21T21:00:00+00:00",
             event_type="shareholder_meeting", status="held", meeting_type="extraordinary", event_date="2031-02-20"),
        _row(source_file="vote.txt", form_type="8-K", cik="0009999999", known_at="2031-02-21T21:00:00+00:00",
             event_type="shareholder_approval", status="approved", subject="reverse_stock_split", event_date="2031-02-20"),
        _row(source_file="vote.txt", form_type="8-K", cik="0009999999", known_at="2031-02-21T21:00:00+00:00",
             event_type="reverse_stock_split", status="approved", ratio="range", ratio_range_low="1:5",
             ratio_range_high="1:20"),
        _row(source_file="pr.txt", known_at="2031-03-03", event_type="reverse_stock_split", status="effective",
             ratio_new=1, ratio_old=10, ratio="1:10", effective_date="2031-03-10", event_date="2031-03-10"),
        _row(source_file="pr.txt", known_at="2031-03-03", event_type="announcement", subject="reverse_stock_split",
             event_date="2031-03-03"),
    ]
    wide, linked = actions(_events(rows), with_events=True)
    assert len(wide) == 1, wide[["action_type", "n_events"]]
    a = wide.iloc[0]
    assert a["action_type"] == "reverse_stock_split"
    assert (a["meeting_date"], a["approval_date"], a["announcement_date"]) == ("2031-02-20", "2031-02-20", "2031-03-03")
    assert a["ratio"] == "1:10" and a["effective_date"] == "2031-03-10"
    meeting = linked[linked["event_type"] == "shareholder_meeting"].iloc[0]
    assert "voted on the reverse_stock_split" in meeting["link_reason"]
    # as of the vote, the split was approved with a range: confirmed, no ratio yet, not in effect
    early = actions(_events(rows), as_of="2031-02-25").iloc[0]
    assert early["status"] == "confirmed" and early["ratio"] == "range" and not early["in_effect"]


def test_amendment_fills_from_what_it_amends_and_only_near_in_time():
    orig = _row(source_file="8k.txt", accession_number="0009999999-31-000020", cik="0009999999", form_type="6-K",
                event_type="reverse_stock_split", status="effective", ratio_new=1, ratio_old=10, ratio="1:10",
                effective_date="2031-05-01", event_date="2031-05-01", known_at="2031-04-20T20:00:00+00:00")
    amend = _row(source_file="8ka.txt", accession_number="0009999999-31-000021", cik="0009999999", form_type="6-K/A",
                 event_type="reverse_stock_split", status="effective", ratio_new=1, ratio_old=10, ratio="1:10",
                 known_at="2031-04-23T20:00:00+00:00")
    wide = actions(_events([orig, amend]))
    assert len(wide) == 1
    assert wide.iloc[0]["effective_date"] == "2031-05-01"        # the amendment did not restate it
    assert wide.iloc[0]["superseded_sources"] == "0009999999-31-000020"
    late = dict(amend, source_file="late.txt", accession_number="0009999999-35-000001", ratio_old=4, ratio="1:4",
                effective_date="2035-01-10", event_date="2035-01-10", known_at="2035-01-02T20:00:00+00:00")
    assert len(actions(_events([orig, late]))) == 2


def test_the_package_exposes_the_wide_view():
    import extractor

    ev = pd.DataFrame({c: [] for c in ("source_file", "event_type", "known_at")})
    out = extractor.corporate_actions(ev)
    assert len(out) == 0 and "action_id" in out.columns
