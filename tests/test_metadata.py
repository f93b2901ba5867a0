"""Metadata: SEC header fields (UTC acceptance, issuer before owner, garbage), words of the document, press releases."""
from __future__ import annotations

import importlib.util
import json

import pytest

from extractor import metadata
from extractor.parse import parse_bytes, parse_file
from extractor.sgml import split

from conftest import SHARED, requires_shared

HEADER = """<SEC-DOCUMENT>0009999999-20-000001.txt : 20200310
<SEC-HEADER>0009999999-20-000001.hdr.sgml : 20200310
<ACCEPTANCE-DATETIME>{accepted}
ACCESSION NUMBER:\t\t0009999999-20-000001
CONFORMED SUBMISSION TYPE:\t{form}
CONFORMED PERIOD OF REPORT:\t{period}
FILED AS OF DATE:\t\t{filed}

{parties}
</SEC-HEADER>
<DOCUMENT>
<TYPE>{form}
<TEXT>
Some text of the filing.
</TEXT>
</DOCUMENT>
"""
OWNER = "REPORTING-OWNER:\n\n\tOWNER DATA:\n\t\tCOMPANY CONFORMED NAME:\t\t\tSMITH JOHN\n\t\tCENTRAL INDEX KEY:\t\t\t0001000001\n"
ISSUER = "ISSUER:\n\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\t\t\tTEAL MINING CORP\n\t\tCENTRAL INDEX KEY:\t\t\t{cik}\n"
FILER = "FILER:\n\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\t\t\tICY HOLDINGS LP\n\t\tCENTRAL INDEX KEY:\t\t\t0001000003\n"
SUBJECT = "SUBJECT COMPANY:\n\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\t\t\tTERN ENERGY INC\n\t\tCENTRAL INDEX KEY:\t\t\t0001000004\n"


def submission(form="8-K", accepted="20160426152045", period="20160425", filed="20160426", parties=FILER):
    return HEADER.format(form=form, accepted=accepted, period=period, filed=filed, parties=parties).encode()


@pytest.mark.parametrize("accepted, utc", [
    ("20160426152045", "2016-04-26T19:20:45+00:00"),   # EDT, UTC-4
    ("20250110171538", "2025-01-10T22:15:38+00:00"),   # EST, UTC-5
])
def test_acceptance_datetime_is_eastern_converted_to_utc(accepted, utc):
    f = parse_bytes(submission(accepted=accepted), "h.txt")
    assert f.accepted_at == utc
    assert f.filed_date == "2016-04-26" and f.period_of_report == "2016-04-25"
    assert f.accession_number == "0009999999-20-000001"


def test_reporting_owner_first_takes_issuer():
    f = parse_bytes(submission(form="4", parties=OWNER + "\n" + ISSUER.format(cik="0001000002")), "h.txt")
    assert (f.company_name, f.cik, f.form_type) == ("TEAL MINING CORP", "0001000002", "4")


def test_subject_company_before_filed_by():
    filed_by = FILER.replace("FILER:", "FILED BY:")
    f = parse_bytes(submission(form="SC TO-T/A", parties=filed_by + "\n" + SUBJECT), "h.txt")
    assert f.company_name == "TERN ENERGY INC"


def test_garbage_header_values_become_none_with_warnings():
    f = parse_bytes(submission(accepted="2016990000", filed="20161345", period="2016",
                               parties=ISSUER.format(cik="12AB34")), "h.txt")
    assert f.filed_date is None and f.accepted_at is None and f.period_of_report is None and f.cik is None
    assert f.company_name == "TEAL MINING CORP"
    assert len(f.warnings) == 4 and any("CIK" in w for w in f.warnings)


def test_short_cik_is_zero_padded():
    header = split(submission(parties=ISSUER.format(cik="1750")).decode()).header
    meta, _ = metadata.from_header(header)
    assert meta["cik"] == "0000001750"


@pytest.mark.parametrize("text, form", [
    ("UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\n\nFORM 8-K/A\n(Amendment No. 1)", "8-K/A"),
    ("SECURITIES AND EXCHANGE COMMISSION\n\nForm 6-K\n", "6-K"),
    ("SECURITIES AND EXCHANGE COMMISSION\n\nREPORT OF FOREIGN PRIVATE ISSUER\n", "6-K"),
    ("SECURITIES AND EXCHANGE COMMISSION\n\nCURRENT REPORT\nPursuant to Section 13", "8-K"),
    ("SCHEDULE 14A INFORMATION\nProxy Statement Pursuant to Section 14(a)", "DEF 14A"),
    ("A letter to shareholders.", None),
])
def test_form_type_from_words(text, form):
    assert metadata.form_type_from_text(text) == form


@pytest.mark.parametrize("text, name", [
    ("FORM 8-K\n\nHERON BAY CORP.\n(Exact name of registrant as specified in its charter)\n", "HERON BAY CORP."),
    ("Form 6-K\n\nLoon Ltd.\n\n(Translation of registrant's name into English)\n", "Loon Ltd."),
    ("FORM 6-K\n\n  EGRET CO., LTD.\n  (Name of the Registrant)\n", "EGRET CO., LTD."),
    ("SCHEDULE 14A\n\nCRANE HOLDINGS PLC\n(Name of Registrant as Specified In Its Charter)\n", "CRANE HOLDINGS PLC"),
    ("FORM 8-K\nCURRENT REPORT\nDate of Report: May 2, 1998\n\nSWIFT AVIONICS, INC.\n\nNevada\n", "SWIFT AVIONICS, INC."),
])
def test_registrant_from_words(text, name):
    assert metadata.registrant_from_text(text) == name


@pytest.mark.parametrize("text, month", [
    ("For the month of November 2002", "2002-11"),
    ("For the month of: March, 2025", "2025-03"),
    ("for the month of Sept. 2024", "2024-09"),
    ("Report for the year", None),
])
def test_report_month(text, month):
    assert metadata.report_month(text) == month


@pytest.mark.parametrize("text, iso", [
    ("Date of Report (Date of earliest event reported): November 14, 2024", "2024-11-14"),
    ("Date of Report (Date of earliest event reported)\n\nMarch 3, 2025", "2025-03-03"),
    ("November 14, 2024\n(Date of earliest event reported)", "2024-11-14"),
    ("Date of Report: February 30, 2024", None),
])
def test_date_of_report(text, iso):
    assert metadata.date_of_report(text) == iso


@pytest.mark.parametrize("text, tickers", [
    ("Acme Labs, Inc. (Nasdaq: GOVX), a biotech", ("NASDAQ:GOVX",)),
    ("Acme (OTCQB: HLYK) and (NYSE: X)", ("OTCQB:HLYK", "NYSE:X")),
    ("Acme (NYSE American: SBEV) ", ("NYSE AMERICAN:SBEV",)),
    ("Acme (SIX: NWRN, XETRA: NP5)", ("SIX:NWRN", "XETRA:NP5")),
    ("Acme (Nasdaq: ACON, ACONW)", ("NASDAQ:ACON", "NASDAQ:ACONW")),
    ("Acme (ISIN: DE000A14KRD3)", ()),
    ("(as amended: see below)", ()),
])
def test_tickers(text, tickers):
    assert metadata.tickers(text) == tickers


@pytest.mark.parametrize("text, iso, lead", [
    ("ATLANTA, GA - January 8, 2026 (NEWMEDIAWIRE) - Acme Labs, Inc. (Nasdaq: ACME) today announced",
     "2026-01-08", "Acme Labs"),
    ("EDEN PRAIRIE, Minn. - (NewMediaWire) - October 16, 2024 - Acme Health, Inc. (the “Company”)",
     "2024-10-16", "Acme Health"),
    ("DALLAS, February 24, 2026 – PRISM MediaWire (Press Release Service – Press Release Distribution) – Acme Inc.",
     "2026-02-24", "Acme Inc."),
    ("Fort Lauderdale, FL, Feb. 10, 2025 (GLOBE NEWSWIRE) — Acme Holdings, Inc. (“Acme”)", "2025-02-10", "Acme"),
    ("MUNICH - 4 December 2025 - Acme SE invites its shareholders", "2025-12-04", "Acme SE"),
])
def test_dateline(text, iso, lead):
    date, _, lead_at = metadata.dateline(text)
    assert date == iso
    assert text[lead_at:].startswith(lead)


@pytest.mark.parametrize("lead, company", [
    ("Acme Labs, Inc. (Nasdaq: ACME), a biotech company, today announced", "Acme Labs, Inc."),
    ("Acme Health, Inc. (the “Company” or “Acme”) (OTCQB: ACMH) announced", "Acme Health, Inc."),
    ("Boxco and Falcon Merger Corp. (NASDAQ: FMC) announced that", "Falcon Merger Corp."),
    ("The Board of Directors of Gannet Corporation today declared a dividend", "Gannet Corporation"),
    ("e-widget (SIX: EWID), a global leader, announces", "e-widget"),
    ("Puffin Beteiligungs- und Handels-AG (\"Puffin\") invites its shareholders", "Puffin Beteiligungs- und Handels-AG"),
    ("The Osprey SE held its Annual General Meeting today.", "Osprey SE"),
    ("Today’s general meeting was attended by 102 shareholders.", None),
])
def test_press_release_company(lead, company):
    assert metadata.press_release_company(lead, 0) == company


@requires_shared
def test_dev_corpus_company_and_form_accuracy():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    dev = SHARED / "corpus" / "dev"
    gold = [json.loads(line) for line in (dev / "gold.jsonl").read_text().splitlines() if line.strip()]
    company = form = 0
    for rec in gold:
        f = parse_file(dev / "filings" / rec["file"])
        company += score.norm_company(f.company_name) == score.norm_company(rec["company"])
        form += (f.form_type or "").lower() == (rec["form_type"] or "").lower()
    assert company / len(gold) >= 0.95
    assert form / len(gold) >= 0.97


@pytest.mark.parametrize("value, iso", [
    ("20160426", "2016-04-26"), ("20160426 extra", "2016-04-26"), ("20161345", None), ("00010101", None),
    ("2016-04-26", None), ("2016042", None), ("ABCDEFGH", None), ("21000101", None),
])
def test_header_dates_are_checked_calendar_dates_in_edgar_years(value, iso):
    warnings: list[str] = []
    assert metadata.header_date(value, "filed date", warnings) == iso
    assert bool(warnings) == (iso is None)


@pytest.mark.parametrize("value", ["00010101000000", "2016XX26152045", "20161332000000", "x" * 500])
def test_garbage_acceptance_datetime_is_a_warning(value):
    warnings: list[str] = []
    assert metadata.accepted_utc(value, warnings) is None
    assert len(warnings) == 1 and len(warnings[0]) < 120


def test_a_dated_sub_headline_is_not_the_dateline():
    text = ("# Acme Calls Special Meeting\n\nMeeting to be held virtually on March 27, 2025; record date set\n\n"
            "BOSTON, MA - February 18, 2025 (GLOBE NEWSWIRE) - Acme Widgets, Inc. (Nasdaq: ACME) today announced ...")
    iso, _, lead = metadata.dateline(text)
    assert iso == "2025-02-18" and text[lead:].startswith("Acme Widgets")
    assert metadata.press_release_company(text, lead) == "Acme Widgets, Inc."
