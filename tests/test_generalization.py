"""Wording classes a new issuer may use that the first rules missed (each text invented here).

One test per class: a standalone release whose dividend names "the Company's" dividend, a
letter from the exchange, British share-capital consolidations and their expected dates,
date lines on a line of their own, results-table rows, resolution lists, vote-results
proposal lines, "On <date>, X entered into" agreements, ADS ratios with "the current",
relative days restated as dates, and directors' terms that name a future meeting.
"""
from pathlib import Path

import pytest

from extractor.api import extract


@pytest.fixture(autouse=True)
def _rules_only(monkeypatch):
    monkeypatch.setenv("EXTRACTOR_RULES_ONLY", "1")


def _s(v):
    try:
        import pandas as pd
        if v is pd.NA:
            return None
    except ImportError:  # pragma: no cover
        pass
    return None if v is None or v != v else v


def _events(tmp_path: Path, text: str, name: str = "filing.txt") -> list[dict]:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    tables = extract([str(p)], jobs=1)
    assert tables.errors.empty, tables.errors.to_dict("records")
    return [{k: _s(v) for k, v in r.items()} for r in tables.events.to_dict("records")]


def _of(rows, typ):
    return [r for r in rows if r["event_type"] == typ]


def _one(rows, typ):
    got = _of(rows, typ)
    assert len(got) == 1, (typ, [(r["event_type"], r["event_date"], r.get("subject")) for r in rows])
    return got[0]


# ---------------------------------------------------------------- dividend with a possessive

def test_dividend_named_with_a_possessive_in_a_standalone_release(tmp_path):
    text = """Orchardine Foods Starts Paying a Dividend

BOISE, Idaho--(WIRENEWS)--Sep. 8, 2034-- Orchardine Foods Corp. (NYSE: ORDF) today announced that its Board of Directors has declared the Company's inaugural quarterly cash dividend of $0.07 per share of common stock. The dividend is payable October 1, 2034, to stockholders of record at the close of business on September 19, 2034.

About Orchardine Foods
Orchardine makes frozen pies.
"""
    rows = _events(tmp_path, text)
    div = _one(rows, "cash_dividend")
    assert div["event_date"] == "2034-10-01"
    ann = _one(rows, "announcement")
    assert (ann["event_date"], ann["subject"]) == ("2034-09-08", "cash_dividend")


# ---------------------------------------------------------------- a letter from the exchange

def test_letter_from_the_exchange_is_a_listing_notice(tmp_path):
    text = """PERTH, Australia, February 4, 2035 -- Saltbush Minerals Ltd. (NYSE American: SBML) reports that it has received a letter from NYSE American LLC dated February 2, 2035 stating that the Company is not in compliance with Section 1003(a)(i) of the NYSE American Company Guide.

The Company's shares continue to trade while it prepares a plan of compliance.
"""
    rows = _events(tmp_path, text)
    assert _one(rows, "delisting")["event_date"] == "2035-02-02"
    assert _one(rows, "announcement")["subject"] == "delisting"


# ---------------------------------------------------------------- British consolidation of share capital

CONSOLIDATION_6K = """<DOCUMENT>
<TYPE>6-K
<SEQUENCE>1
<TEXT>
FORM 6-K

For the month of May 2036

WICKHAMBROOK ENGINEERING PLC

Enclosure: Announcement dated 12 May 2036.
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-99.1
<SEQUENCE>2
<TEXT>
WICKHAMBROOK ENGINEERING PLC

Proposed Share Consolidation

12 May 2036

The Board of Wickhambrook Engineering plc (the "Company") announces that it proposes to consolidate the Company's ordinary share capital.

Under the proposal, every twenty (20) existing ordinary shares of 5p each will be combined into one (1) new ordinary share of £1 each.

Fractional entitlements will be sold in the market.

A notice convening a General Meeting to be held on 5 June 2036 is being posted today.

Subject to the resolution being passed, the consolidation is expected to become effective on 8 June 2036.
</TEXT>
</DOCUMENT>
"""


def test_proposed_consolidation_of_share_capital_with_ratio_and_expected_date(tmp_path):
    rows = _events(tmp_path, CONSOLIDATION_6K)
    split = _one(rows, "reverse_stock_split")
    assert (split["status"], split["ratio"], split["event_date"]) == ("proposed", "1:20", "2036-06-08")
    ann = _one(rows, "announcement")
    assert (ann["event_date"], ann["subject"]) == ("2036-05-12", "reverse_stock_split")


# ---------------------------------------------------------------- EGM results table, relative day, DMY dateline

EGM_RESULTS = """<DOCUMENT>
<TYPE>6-K
<SEQUENCE>1
<TEXT>
FORM 6-K

For the month of August 2037

KESTRELMOOR BATTERIES LTD.
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-99.1
<SEQUENCE>2
<TEXT>
Kestrelmoor Batteries Ltd – Results of General Meeting

AUCKLAND, New Zealand, 19 August 2037 – Kestrelmoor Batteries Ltd (Nasdaq: KSTB) is pleased to report that at its Extraordinary General Meeting held yesterday, 18 August 2037, shareholders passed both resolutions:

Resolution | For | Against | Outcome

1. Consolidation of share capital (one-for-forty) | 90,100,200 | 1,200,300 | Carried

2. Change of company name to “Kestrelmoor Energy Ltd” | 91,000,000 | 900,000 | Carried

Every forty (40) ordinary shares on issue will be consolidated into one (1) ordinary share. The consolidation will take effect on 25 August 2037.

The change of the Company’s name to Kestrelmoor Energy Ltd will take effect on 25 August 2037.
</TEXT>
</DOCUMENT>
"""


def test_results_table_rows_give_one_approval_per_action(tmp_path):
    rows = _events(tmp_path, EGM_RESULTS)
    meeting = _one(rows, "shareholder_meeting")
    assert (meeting["event_date"], meeting["meeting_type"], meeting["status"]) == ("2037-08-18", "extraordinary", "held")
    split = _one(rows, "reverse_stock_split")
    assert (split["ratio"], split["event_date"], split["status"]) == ("1:40", "2037-08-25", "effective")
    approvals = {(r["subject"], r["event_date"]) for r in _of(rows, "shareholder_approval")}
    assert approvals == {("reverse_stock_split", "2037-08-18"), ("name_change", "2037-08-18")}  # no routine business
    assert _one(rows, "announcement")["event_date"] == "2037-08-19"


# ---------------------------------------------------------------- a list of passed resolutions

AGM_LIST = """<DOCUMENT>
<TYPE>6-K
<SEQUENCE>1
<TEXT>
FORM 6-K

For the month of July 1999
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-1
<SEQUENCE>2
<TEXT>
   FELLGARTH CERAMICS PLC

   ANNUAL GENERAL MEETING AND FINAL DIVIDEND

   Stoke, 8 July 1999

   Fellgarth Ceramics plc announces that at its Annual General Meeting held
   on 8 July 1999 at the Town Hall, all of the resolutions set out in
   the Notice of the Meeting were duly passed, namely:

     1. to receive the Report and Accounts;
     2. to declare a final dividend of 3.1p per ordinary share;
     3. to re-appoint Brindley Orme as auditors.

   The final dividend of 3.1p per share, making 4.6p (1998: 4.4p) for the
   year, will be paid on 30 July 1999 to shareholders on the register on
   18 June 1999.
</TEXT>
</DOCUMENT>
"""


def test_listed_resolution_to_declare_a_dividend_is_its_own_approval(tmp_path):
    rows = _events(tmp_path, AGM_LIST)
    assert _one(rows, "cash_dividend")["event_date"] == "1999-07-30"
    approvals = {(r["subject"], r["event_date"]) for r in _of(rows, "shareholder_approval")}
    assert ("cash_dividend", "1999-07-08") in approvals
    assert _one(rows, "announcement")["event_date"] == "1999-07-08"


# ---------------------------------------------------------------- Item 5.07 proposal lines

VOTES_507 = """UNITED STATES SECURITIES AND EXCHANGE COMMISSION
FORM 8-K
Date of Report (Date of earliest event reported): April 3, 2038
TARNWOOD THERAPEUTICS, INC.

Item 5.07 Submission of Matters to a Vote of Security Holders.

On April 2, 2038, Tarnwood Therapeutics, Inc. (the "Company") held its 2038 Annual Meeting of Stockholders.

Proposal 1 - Election of directors. Each nominee was elected.

Proposal 2 - Amendment to the Certificate of Incorporation to effect a reverse stock split of the common stock at a ratio of not less than 1-for-3 and not more than 1-for-12, as determined by the Board. Approved.

  For 20,100,000   Against 3,400,000   Abstain 50,000

Proposal 3 - Amendment of the 2030 Stock Plan. The proposal did not receive the required vote.

SIGNATURES
Date: April 3, 2038
"""


def test_item_507_proposal_line_naming_an_action_is_a_vote_on_it(tmp_path):
    rows = _events(tmp_path, VOTES_507)
    approvals = {(r["subject"], r["event_date"], r["status"]) for r in _of(rows, "shareholder_approval")}
    assert ("reverse_stock_split", "2038-04-02", "approved") in approvals


# ---------------------------------------------------------------- agreement date before "entered into"

def test_merger_agreement_dated_on_date_entered_into(tmp_path):
    text = """FORM 8-K

Item 1.01 Entry into a Material Definitive Agreement.

On March 14, 2039, Lindenmoor Outdoor Co., an Oregon corporation (the "Company"), entered into an Agreement and Plan of Merger (the "Merger Agreement") with Crestvale Holdings, Inc. and Crestvale Merger Sub, Inc. Under the Merger Agreement, Merger Sub will merge with and into the Company. Completion of the Merger is subject to customary conditions, including approval by the Company's stockholders. The parties expect to complete the Merger in the third quarter of 2039.
"""
    merger = _one(_events(tmp_path, text), "merger")
    assert merger["event_date"] == "2039-03-14"
    assert merger["status"] != "effective"


# ---------------------------------------------------------------- ADS ratio from "the current"

def test_ads_ratio_change_from_the_current_ratio(tmp_path):
    text = """TAIPEI, Taiwan, October 3, 2040 /WIRENEWS/ -- Jadeport Games Ltd. (Nasdaq: JDPG) today announced that it will change the ratio of its American depositary shares ("ADSs") to its ordinary shares from the current one (1) ADS representing five (5) ordinary shares to a new ratio of one (1) ADS representing thirty (30) ordinary shares. The change is expected to take effect on or about October 17, 2040.
"""
    split = _one(_events(tmp_path, text), "reverse_stock_split")
    assert (split["ratio"], split["event_date"]) == ("1:6", "2040-10-17")


# ---------------------------------------------------------------- a director's term is no meeting

def test_director_term_expiring_at_a_future_annual_meeting_is_no_meeting(tmp_path):
    text = """FORM 8-K

Item 5.02 Departure of Directors or Certain Officers; Election of Directors.

On May 6, 2041, the Board of Directors of Gorsebrook Financial, Inc. appointed Dana Whitcombe as a director. Ms. Whitcombe will serve in the class of directors whose term expires at the Company's annual meeting of shareholders in 2043 and has joined the Audit Committee.
"""
    assert _of(_events(tmp_path, text), "shareholder_meeting") == []
