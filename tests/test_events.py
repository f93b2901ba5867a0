"""End to end on small fictional filings through ``extractor.api.extract`` (issue 2/3).

Every text here is invented for the test. The rule stage is tested alone
(``EXTRACTOR_RULES_ONLY``), so a trained classifier cannot change what the rules say.
"""
import json
from pathlib import Path

import pytest

from extractor.api import extract

from conftest import SHARED, requires_shared


@pytest.fixture(autouse=True)
def _rules_only(monkeypatch):
    monkeypatch.setenv("EXTRACTOR_RULES_ONLY", "1")


def _events(tmp_path: Path, text: str, name: str = "filing.txt") -> list[dict]:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    tables = extract([str(p)], jobs=1)
    assert tables.errors.empty, tables.errors.to_dict("records")
    rows = tables.events.to_dict("records")
    return [{k: (None if v is None or v != v or v is getattr(__import__("pandas"), "NA", object()) else v)
             for k, v in r.items()} for r in rows]


def _of(rows, typ):
    return [r for r in rows if r["event_type"] == typ]


def _one(rows, typ):
    got = _of(rows, typ)
    assert len(got) == 1, (typ, [(r["event_type"], r["event_date"]) for r in rows])
    return got[0]


def _s(v):
    """A cell as text: pandas NA and None both read as None."""
    try:
        import pandas as pd
        if v is pd.NA:
            return None
    except ImportError:  # pragma: no cover
        pass
    return None if v is None else v


# ---------------------------------------------------------------- splits

REVERSE_PR = """Quillfeather Robotics Announces 1-for-15 Reverse Stock Split

PORTLAND, OR - March 3, 2031 (WIRENEWS) - Quillfeather Robotics, Inc. (Nasdaq: QFRB) (the "Company") today announced that its Board of Directors has approved a 1-for-15 reverse stock split of its common stock. The reverse stock split will become effective at 12:01 a.m. Eastern Time on March 10, 2031. The new CUSIP number for the common stock will be 74800Q 208.

About Quillfeather Robotics

Quillfeather builds warehouse robots.
"""


def test_reverse_split_press_release(tmp_path):
    rows = _events(tmp_path, REVERSE_PR)
    split = _one(rows, "reverse_stock_split")
    assert (_s(split["event_date"]), _s(split["status"]), _s(split["ratio"])) == ("2031-03-10", "effective", "1:15")
    assert _s(split["effective_date"]) == "2031-03-10"
    assert _s(split["new_cusip"]) == "74800Q208"
    ann = _one(rows, "announcement")
    assert (_s(ann["event_date"]), _s(ann["subject"])) == ("2031-03-03", "reverse_stock_split")
    assert len(rows) == 2


def test_every_fifteen_combined_into_one_and_date_in_next_sentence(tmp_path):
    text = """DENVER, CO - June 2, 2032 (WIRENEWS) - Bramblecote Minerals Corp. announced today that its board approved a share consolidation under which every fifteen (15) shares of common stock will be combined into one (1) share of common stock.
The share consolidation will take effect at the market open on June 9, 2032.
"""
    split = _one(_events(tmp_path, text), "reverse_stock_split")
    assert (_s(split["ratio"]), _s(split["event_date"]), _s(split["status"])) == ("1:15", "2032-06-09", "effective")


def test_ads_ratio_change_of_a_foreign_issuer(tmp_path):
    text = """SHANGHAI, China - April 14, 2033 (WIRENEWS) - Lanternfish Holdings Ltd. (Nasdaq: LFSH) today announced that it will change the ratio of its American depositary shares ("ADSs") to ordinary shares from one (1) ADS representing four (4) ordinary shares to one (1) ADS representing forty (40) ordinary shares, effective on April 25, 2033.
"""
    split = _one(_events(tmp_path, text), "reverse_stock_split")
    assert (_s(split["ratio"]), _s(split["event_date"])) == ("1:10", "2033-04-25")


def test_range_left_to_the_board(tmp_path):
    text = """SPECIAL MEETING RESULTS

HELENA, MT - August 20, 2034 (WIRENEWS) - Otterpine Therapeutics, Inc. announced that at its special meeting of stockholders held on August 19, 2034, stockholders approved a proposal to authorize a reverse stock split at a ratio of between 1-for-5 and 1-for-25, with the exact ratio to be set by the Board of Directors at a later date.
"""
    rows = _events(tmp_path, text)
    split = _one(rows, "reverse_stock_split")
    assert _s(split["ratio"]) == "range"
    assert (_s(split["ratio_range_low"]), _s(split["ratio_range_high"])) == ("1:5", "1:25")
    assert _s(split["status"]) == "approved"
    approval = _one(rows, "shareholder_approval")
    assert (_s(approval["event_date"]), _s(approval["subject"])) == ("2034-08-19", "reverse_stock_split")
    meeting = _one(rows, "shareholder_meeting")
    assert (_s(meeting["event_date"]), _s(meeting["meeting_type"]), _s(meeting["status"])) == \
        ("2034-08-19", "extraordinary", "held")


def test_forward_split_with_record_and_distribution_dates(tmp_path):
    text = """AUSTIN, TX - May 1, 2035 (WIRENEWS) - Hollowreed Software Corp. today announced that its Board of Directors approved a 3-for-1 forward stock split. Shareholders of record at the close of business on May 15, 2035 will receive two additional shares for each share held, and the split will become effective on May 22, 2035.
"""
    split = _one(_events(tmp_path, text), "stock_split")
    assert (_s(split["ratio"]), _s(split["status"]), _s(split["event_date"])) == ("3:1", "effective", "2035-05-22")
    assert _s(split["record_date"]) == "2035-05-15"


# ---------------------------------------------------------------- meetings and votes (8-K 5.07)

VOTE_8K = """UNITED STATES
SECURITIES AND EXCHANGE COMMISSION
Washington, D.C. 20549

FORM 8-K

CURRENT REPORT

Date of Report (Date of earliest event reported): September 12, 2036

PINEHOLLOW BANCORP, INC.
(Exact name of registrant as specified in its charter)

Item 5.07 Submission of Matters to a Vote of Security Holders.

On September 10, 2036, Pinehollow Bancorp, Inc. (the "Company") held its 2036 Annual Meeting of Stockholders (the "Annual Meeting"). At the Annual Meeting, the stockholders elected each of the seven director nominees and ratified the appointment of Fernvale & Co. LLP as the Company's independent registered public accounting firm. The proposal to approve a reverse stock split of the Company's common stock at a ratio of 1-for-8 was not approved by the stockholders.

SIGNATURES

Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused this report to be signed.

Date: September 12, 2036
"""


def test_item_507_vote_results(tmp_path):
    rows = _events(tmp_path, VOTE_8K)
    meeting = _one(rows, "shareholder_meeting")
    assert (_s(meeting["event_date"]), _s(meeting["meeting_type"]), _s(meeting["status"])) == \
        ("2036-09-10", "annual", "held")
    approvals = {(_s(r["subject"]), _s(r["event_date"])) for r in _of(rows, "shareholder_approval")}
    assert ("other", "2036-09-10") in approvals
    assert ("reverse_stock_split", "2036-09-10") in approvals
    split = _one(rows, "reverse_stock_split")
    assert (_s(split["status"]), _s(split["ratio"])) == ("rejected", "1:8")
    rejected = [r for r in _of(rows, "shareholder_approval") if _s(r["subject"]) == "reverse_stock_split"]
    assert _s(rejected[0]["status"]) == "rejected"


def test_meeting_date_is_the_date_after_held_on_not_record_or_mailing(tmp_path):
    text = """NOTICE OF SPECIAL MEETING OF SHAREHOLDERS TO BE HELD ON JULY 14, 2037

Dear Shareholder: A special meeting of shareholders of Copperfinch Inc. will be held on Tuesday, July 14, 2037 at 10:00 a.m. Only shareholders of record at the close of business on June 1, 2037 are entitled to vote at the special meeting. This proxy statement is first being mailed to shareholders on or about June 10, 2037.
"""
    rows = _events(tmp_path, text, "proxy.txt")
    meeting = _one(rows, "shareholder_meeting")
    assert (_s(meeting["event_date"]), _s(meeting["meeting_type"])) == ("2037-07-14", "extraordinary")


def test_meeting_announced_with_its_date_in_the_next_sentence(tmp_path):
    text = """ZURICH, Switzerland - March 2, 2038 (WIRENEWS) - Glimmerdale AG today published the invitation to its Annual General Meeting 2038. The event will take place on April 8, 2038 at 14:00 CET in Zurich.
"""
    rows = _events(tmp_path, text)
    meeting = _one(rows, "shareholder_meeting")
    assert (_s(meeting["event_date"]), _s(meeting["status"]), _s(meeting["meeting_type"])) == \
        ("2038-04-08", "scheduled", "annual")
    ann = _one(rows, "announcement")
    assert (_s(ann["event_date"]), _s(ann["subject"])) == ("2038-03-02", "shareholder_meeting")


def test_two_meetings_in_one_filing(tmp_path):
    text = """Item 8.01 Other Events.

The annual meeting of stockholders of Rushwick Corp. was held on February 3, 2039. A special meeting of stockholders will be held on March 30, 2039 to vote on a proposed name change.
"""
    rows = _events(tmp_path, text)
    meetings = sorted((_s(r["event_date"]), _s(r["meeting_type"]), _s(r["status"])) for r in _of(rows, "shareholder_meeting"))
    assert meetings == [("2039-02-03", "annual", "held"), ("2039-03-30", "extraordinary", "scheduled")]


# ---------------------------------------------------------------- extended types

def test_cash_dividend_amount_currency_and_dates(tmp_path):
    text = """GREENVILLE, SC - January 20, 2040 (WIRENEWS) - Marshgate Financial Corp. today declared a quarterly cash dividend of $0.27 per share. The dividend is payable on February 14, 2040 to shareholders of record at the close of business on February 1, 2040.
"""
    rows = _events(tmp_path, text)
    div = _one(rows, "cash_dividend")
    assert (_s(div["event_date"]), _s(div["payment_date"]), _s(div["record_date"])) == \
        ("2040-02-14", "2040-02-14", "2040-02-01")
    assert (_s(div["amount"]), _s(div["currency"])) == ("0.27", "USD")
    assert _s(_one(rows, "announcement")["subject"]) == "cash_dividend"


def test_a_dividend_of_rights_is_not_cash(tmp_path):
    text = """Item 8.01. The board of directors of Tansy Labs, Inc. declared a dividend of one contingent value right for each outstanding share of common stock, payable on March 3, 2041.
"""
    assert _of(_events(tmp_path, text), "cash_dividend") == []


def test_merger_agreement_date_not_the_announcement_date(tmp_path):
    text = """Item 8.01 Other Events.

On May 4, 2042, Wrenfield Bancshares, Inc. ("Wrenfield") announced that it has entered into an Agreement and Plan of Merger dated May 1, 2042 with Harbor Oak Financial Corp., under which Wrenfield will merge with and into Harbor Oak Financial Corp.
"""
    rows = _events(tmp_path, text)
    merger = _one(rows, "merger")
    assert _s(merger["event_date"]) == "2042-05-01"
    ann = _one(rows, "announcement")
    assert (_s(ann["event_date"]), _s(ann["subject"])) == ("2042-05-04", "merger")


def test_issuer_buying_a_company_is_not_a_merger(tmp_path):
    text = """Item 2.01. On June 1, 2043, Kestrelmoor Inc. completed its acquisition of Smallbrook LLC for $12 million in cash.
"""
    assert _of(_events(tmp_path, text), "merger") == []


def test_name_change_effective_date(tmp_path):
    text = """BOISE, ID - October 2, 2044 (WIRENEWS) - Thistlebank Corp. today announced that it will change its corporate name to "Thistlebank Energy Inc." The name change will take effect at the market open on October 9, 2044.
"""
    rows = _events(tmp_path, text)
    name = _one(rows, "name_change")
    assert _s(name["event_date"]) == "2044-10-09"
    assert _s(_one(rows, "announcement")["subject"]) == "name_change"


def test_delisting_notice_date(tmp_path):
    text = """ORLANDO, FL - November 6, 2045 (WIRENEWS) - Sandpiper Health, Inc. today announced that it received a deficiency notification letter dated November 3, 2045 from the Listing Qualifications Department of The Nasdaq Stock Market.
"""
    rows = _events(tmp_path, text)
    assert _s(_one(rows, "delisting")["event_date"]) == "2045-11-03"
    assert _s(_one(rows, "announcement")["event_date"]) == "2045-11-06"


# ---------------------------------------------------------------- dates against the dateline

def test_relative_dates_against_the_dateline(tmp_path):
    text = """TULSA, OK - December 30, 2046 (WIRENEWS) - Amberlock Industries, Inc. announced that its stockholders approved a 1-for-20 reverse stock split at a special meeting of stockholders held yesterday. The reverse stock split will become effective on January 4.
"""
    rows = _events(tmp_path, text)
    assert _s(_one(rows, "shareholder_meeting")["event_date"]) == "2046-12-29"
    assert _s(_one(rows, "reverse_stock_split")["event_date"]) == "2047-01-04"


def test_two_press_releases_each_with_its_dateline(tmp_path):
    text = """EX-99.1

FARGO, ND - April 3, 2048 (WIRENEWS) - Brightmoss Corp. today announced that its Board of Directors declared a cash dividend of $0.10 per share, payable on April 30, 2048.

EX-99.2

FARGO, ND - April 10, 2048 (WIRENEWS) - Brightmoss Corp. today announced that it will change its name to "Brightmoss Global Inc.", effective April 20, 2048.
"""
    rows = _events(tmp_path, text)
    anns = sorted((_s(r["event_date"]), _s(r["subject"])) for r in _of(rows, "announcement"))
    assert ("2048-04-03", "cash_dividend") in anns


# ---------------------------------------------------------------- not events

def test_risk_factor_hypothetical_is_not_an_event(tmp_path):
    text = """Item 1A. Risk Factors

If our common stock is delisted, we may effect a reverse stock split to regain compliance, and there can be no assurance that the market price of our shares would remain above the minimum bid price.
"""
    rows = _events(tmp_path, text, "tenk.txt")
    assert _of(rows, "reverse_stock_split") == [] and _of(rows, "delisting") == []


def test_historical_split_in_a_10k_note_is_not_an_event(tmp_path):
    text = """Note 9. Stockholders' Equity

In fiscal 2019, the Company effected a 1-for-5 reverse stock split of its common stock. All share and per share amounts have been retroactively adjusted to reflect the reverse stock split.

SIGNATURES

Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused this report to be signed.

Date: March 15, 2050
"""
    assert _of(_events(tmp_path, text, "tenk.txt"), "reverse_stock_split") == []


def test_split_adjusted_results_table_is_not_an_event(tmp_path):
    text = """BUTTE, MT - February 8, 2051 (WIRENEWS) - Larkspur Metals Inc. today reported results for the fourth quarter.

Net loss per share, adjusted to reflect the 1-for-10 reverse stock split effected in 2048, was $(0.42) compared with $(0.51), after giving effect to the reverse stock split.
"""
    assert _of(_events(tmp_path, text), "reverse_stock_split") == []


def test_a_scientific_annual_meeting_is_not_a_shareholder_meeting(tmp_path):
    text = """BOSTON, MA - April 20, 2052 (WIRENEWS) - Cobaltwing Bio, Inc. today announced the presentation of new preclinical data at the Society for Cell Biology Annual Meeting 2052, being held April 22-25 in Boston.
"""
    rows = _events(tmp_path, text)
    assert _of(rows, "shareholder_meeting") == [] and _of(rows, "announcement") == []


def test_results_only_press_release_gives_nothing(tmp_path):
    text = """RENO, NV - July 7, 2053 (WIRENEWS) - Duskfield Corp. today announced record revenue of $40 million for the second quarter, up 12% year over year. The team won the regional award 3:2 in a vote of its peers.
"""
    assert _events(tmp_path, text) == []


# ---------------------------------------------------------------- the seed filing

@requires_shared
def test_seed_filing_gives_exactly_its_four_gold_events():
    seed = SHARED / "corpus" / "dev" / "filings" / "000_1e257ee774b91506.txt"
    if not seed.exists():
        pytest.skip("seed filing not present")
    tables = extract([str(seed)], jobs=1)
    got = sorted((r["event_type"], _s(r["event_date"]), _s(r["status"]), _s(r["ratio"]),
                  _s(r["meeting_type"]), _s(r["subject"])) for r in tables.events.to_dict("records"))
    assert got == sorted([
        ("reverse_stock_split", None, "approved", None, None, None),
        ("shareholder_approval", "2002-11-25", "approved", None, None, "reverse_stock_split"),
        ("shareholder_meeting", "2002-11-25", "held", None, "extraordinary", None),
        ("announcement", "2002-11-27", None, None, None, "reverse_stock_split"),
    ])


@requires_shared
def test_prefilter_keeps_every_gold_evidence():
    """The keyword prefilter never drops a sentence the gold annotators read an event from."""
    from extractor.cues import PREFILTER_RE, prefilter
    gold = SHARED / "corpus" / "dev" / "gold.jsonl"
    if not gold.exists():
        pytest.skip("gold not present")
    for line in gold.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        for ev in rec.get("evidence", []):
            assert PREFILTER_RE.search(ev) and prefilter(ev), (rec["file"], ev[:80])


def test_cue_gates_never_rule_out_a_cue():
    """Each cue's substring gate admits every text the cue matches (over the samples)."""
    from extractor.cues import CUE_GATES, CUE_LOW
    samples = Path(__file__).resolve().parents[1] / "data" / "samples"
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in samples.glob("*") if p.is_file()]
    texts += [REVERSE_PR, VOTE_8K]
    for text in texts:
        low = text.lower()
        for name, gate in CUE_GATES.items():
            for m in CUE_LOW[name].finditer(low):
                assert any(w in m.group(0) for w in gate), (name, m.group(0))


def test_withdrawn_split(tmp_path):
    text = """Item 8.01 Other Events.

On October 5, 2054, the Board of Directors of Fennimore Labs, Inc. withdrew the proposal to effect a 1-for-25 reverse stock split, and the reverse stock split will not be implemented.
"""
    split = _one(_events(tmp_path, text), "reverse_stock_split")
    assert (_s(split["status"]), _s(split["ratio"])) == ("withdrawn", "1:25")


def test_proxy_statement_proposes_and_reports_no_votes(tmp_path):
    text = """SCHEDULE 14A
DEFINITIVE PROXY STATEMENT

NOTICE OF ANNUAL MEETING OF STOCKHOLDERS TO BE HELD ON JUNE 18, 2055

The annual meeting of stockholders of Galewood Corp. will be held on June 18, 2055. At the meeting, stockholders will be asked to approve a reverse stock split at a ratio of between 1-for-3 and 1-for-12, to be effected, if at all, no later than December 31, 2055. In 2052, our stockholders approved the 2052 Equity Plan.
"""
    rows = _events(tmp_path, text, "proxy.txt")
    split = _one(rows, "reverse_stock_split")
    assert (_s(split["status"]), _s(split["ratio"]), _s(split["event_date"])) == ("proposed", "range", None)
    meeting = _one(rows, "shareholder_meeting")
    assert (_s(meeting["event_date"]), _s(meeting["status"])) == ("2055-06-18", "scheduled")
    assert _of(rows, "shareholder_approval") == []


def test_rejected_vote_and_ex_date_in_a_later_sentence(tmp_path):
    text = """Item 5.07 Submission of Matters to a Vote of Security Holders.

At the special meeting of stockholders of Marrowby Inc. held on April 2, 2056, the stockholders did not approve the proposal to effect a reverse stock split. The stockholders approved the adjournment proposal.
"""
    rows = _events(tmp_path, text)
    votes = sorted((_s(r["subject"]), _s(r["status"])) for r in _of(rows, "shareholder_approval"))
    assert votes == [("other", "approved"), ("reverse_stock_split", "rejected")]
    assert _s(_one(rows, "reverse_stock_split")["status"]) == "rejected"


def test_dividend_ex_date_from_the_next_sentence(tmp_path):
    text = """HOUSTON, TX - January 5, 2057 (WIRENEWS) - Ravenstone Energy Inc. announced that its board declared a special cash dividend of $1.50 per share, payable January 29 to holders of record on January 15. The ex-dividend date is January 14.
"""
    div = _one(_events(tmp_path, text), "cash_dividend")
    assert (_s(div["event_date"]), _s(div["record_date"]), _s(div["ex_date"]), _s(div["amount"])) == \
        ("2057-01-29", "2057-01-15", "2057-01-14", "1.50")
