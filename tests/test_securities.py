"""Which security a filing is about: the cover's table of registered securities and press-release tickers."""
from __future__ import annotations

from extractor.records import Filing
from extractor.securities import cover_table, exchange_name, securities
from extractor.table import FILINGS_SCHEMA, filing_row, frame

COVER = """FORM 8-K
CURRENT REPORT
Fictional Widgets, Inc.
(Exact name of registrant as specified in its charter)

Securities registered pursuant to Section 12(b) of the Act:

Title of each class | Trading Symbol(s) | Name of each exchange on which registered

Class A Common Stock, $0.0001 par value per share | FWID | The Nasdaq Global Select Market

FWID | NYSE Texas, Inc.

Warrants, each exercisable for one share of Class A Common Stock | FWIDW | The Nasdaq Stock Market LLC

4.250% Notes due 2041 | FWID41 | New York Stock Exchange

Indicate by check mark whether the registrant is an emerging growth company.
"""

TEXT_COVER = """Securities registered pursuant to Section 12(b) of the Act:

Title of each class          Trading Symbol(s)      Name of each exchange on which registered
Common Shares, no par value  GADG                   NYSE American LLC

Indicate by check mark whether the registrant is an emerging growth company.
"""

RELEASE = """SPRINGFIELD, IL, March 3, 2031 (FAKEWIRE) -- Fictional Widgets, Inc. (NASDAQ: FWID) ("Fictional")
today announced a 1-for-10 reverse stock split. Gadget Partners Ltd. (TSX-V: GDP, OTCQB: GDPPF) is a partner."""


def test_cover_table_rows_as_stated():
    rows = cover_table(COVER)
    assert [(r.symbol, r.exchange) for r in rows] == [
        ("FWID", "NASDAQ"), ("FWID", "NYSE TEXAS"), ("FWIDW", "NASDAQ"), ("FWID41", "NYSE")]
    assert rows[1].title == rows[0].title == "Class A Common Stock, $0.0001 par value per share"


def test_cover_table_gives_tickers_exchanges_and_share_classes():
    s = securities(COVER)
    assert s.tickers == ("NASDAQ:FWID", "NYSE TEXAS:FWID", "NASDAQ:FWIDW", "NYSE:FWID41")
    assert s.exchanges == ("NASDAQ", "NYSE TEXAS", "NYSE")
    assert s.share_classes[0] == "Class A Common Stock, $0.0001 par value per share"
    assert "4.250% Notes due 2041" in s.share_classes


def test_text_cover_with_columns_of_spaces():
    s = securities(TEXT_COVER)
    assert s.tickers == ("NYSE AMERICAN:GADG",)
    assert s.share_classes == ("Common Shares, no par value",)


def test_press_release_tickers():
    s = securities(RELEASE)
    assert "NASDAQ:FWID" in s.tickers
    assert "OTCQB:GDPPF" in s.tickers
    assert "NASDAQ" in s.exchanges and s.share_classes == ()


def test_a_ticker_is_never_guessed():
    text = "Fictional Widgets, Inc. (the Company) announced that FWID will trade on a split-adjusted basis."
    s = securities(text)
    assert s.tickers == () and s.exchanges == ()
    # a cover table row without a symbol gives its class and exchange, no ticker
    s = securities("Title of each class | Trading Symbol(s) | Name of each exchange on which registered\n\n"
                   "Common Stock | N/A | New York Stock Exchange\n\nIndicate by check mark")
    assert s.tickers == () and s.exchanges == ("NYSE",) and s.share_classes == ("Common Stock",)


def test_exchange_names():
    assert exchange_name("The Nasdaq Stock Market, LLC") == "NASDAQ"
    assert exchange_name("NYSE American LLC") == "NYSE AMERICAN"
    assert exchange_name("New York Stock Exchange") == "NYSE"
    assert exchange_name("Bolsa Ficticia S.A.") == "BOLSA FICTICIA S.A."
    assert exchange_name("None") is None


def test_filings_table_carries_securities():
    f = Filing(source_file="fictional.txt", text=COVER, form_type="8-K", cik="0009999999")
    df = frame([filing_row(f, 0)], FILINGS_SCHEMA)
    row = df.iloc[0]
    assert row["tickers"] == "NASDAQ:FWID;NYSE TEXAS:FWID;NASDAQ:FWIDW;NYSE:FWID41"
    assert row["exchanges"] == "NASDAQ;NYSE TEXAS;NYSE"
    assert row["share_classes"].startswith("Class A Common Stock")
    assert row["cik"] == "0009999999"
