"""Which security a filing is about: tickers, exchanges and share classes as the filing states them.

Two sources, both the filing's own words (a ticker is never guessed):

* the 8-K / 10-K cover's table of securities registered under Section 12(b):
  ``Title of each class | Trading Symbol(s) | Name of each exchange on which registered``
  (HTML tables are rendered to text with `` | `` between cells);
* a press release's parenthesised listing, ``(NASDAQ: XXXX)``, ``(NYSE American: SBEV)``
  (:func:`extractor.metadata.tickers`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import metadata

# The caption row of the cover table (cells joined by " | ", or by runs of spaces in old text covers).
_CAPTION = re.compile(
    r"Title\s+of\s+each\s+class\s*(?:\||\s{2,}|\n)\s*Trading\s+Symbol(?:\s*\(\s*s\s*\))?\s*(?:\||\s{2,}|\n)\s*"
    r"Name\s+of\s+each\s+exchange\s+(?:on\s+)?which\s+registered", re.I)
# What ends the table: the next cover caption or check-box paragraph.
_TABLE_END = re.compile(r"^\s*(?:Indicate\s+by\s+check|Check\s+the\s+appropriate|Securities\s+registered\s+pursuant|"
                        r"Note:|Emerging\s+growth|If\s+an\s+emerging|Item\s+\d|SECTION|Former\s+name)", re.I)
_SYMBOL = re.compile(r"^[A-Z][A-Z0-9]{0,5}(?:[.\-/ ][A-Z0-9]{1,4})?$")
_NONE = re.compile(r"^\s*(?:n/?a|none|not\s+applicable|—|-|–)\s*$", re.I)

# Exchange names as written → the short form the tickers column uses ("NASDAQ:GOVX").
_EXCHANGES = (
    (re.compile(r"nasdaq", re.I), "NASDAQ"),
    (re.compile(r"nyse\s*american|american\s+stock\s+exchange|nyse\s*mkt", re.I), "NYSE AMERICAN"),
    (re.compile(r"nyse\s*arca", re.I), "NYSE ARCA"),
    (re.compile(r"nyse\s*texas", re.I), "NYSE TEXAS"),
    (re.compile(r"new\s+york\s+stock\s+exchange|\bnyse\b", re.I), "NYSE"),
    (re.compile(r"chicago\s+stock\s+exchange", re.I), "CHX"),
    (re.compile(r"cboe|bats", re.I), "CBOE"),
    (re.compile(r"boston\s+stock\s+exchange", re.I), "BSE"),
    (re.compile(r"pacific\s+(?:stock\s+)?exchange", re.I), "PCX"),
    (re.compile(r"philadelphia\s+stock\s+exchange", re.I), "PHLX"),
    (re.compile(r"long[-\s]+term\s+stock\s+exchange", re.I), "LTSE"),
    (re.compile(r"investors\s+exchange|\biex\b", re.I), "IEX"),
)


@dataclass(frozen=True)
class Security:
    """One registered class as stated: its title, symbol (or None) and exchange (short form)."""

    title: str | None
    symbol: str | None
    exchange: str | None


@dataclass(frozen=True)
class Securities:
    tickers: tuple[str, ...] = ()          # "NASDAQ:NVDA", as stated
    exchanges: tuple[str, ...] = ()        # "NASDAQ", "NYSE"
    share_classes: tuple[str, ...] = ()    # "Common Stock, $0.001 par value per share"
    registered: tuple[Security, ...] = ()  # the cover table's rows


def exchange_name(written: str) -> str | None:
    """'The Nasdaq Global Select Market' → 'NASDAQ'; an unknown exchange keeps its own words, upper case."""
    w = " ".join(written.split()).strip(" ,;")
    if not w or _NONE.match(w):
        return None
    for rx, short in _EXCHANGES:
        if rx.search(w):
            return short
    w = re.sub(r"^(?i:the)\s+", "", w)
    w = re.sub(r",?\s+(?i:inc|llc|l\.l\.c|ltd|limited|gmbh|ag|plc)\.?$", "", w)
    return w.upper() or None


def _is_exchange(cell: str) -> bool:
    return bool(re.search(r"(?i)exchange|market|nasdaq|nyse|bourse|börse|\bllc\b", cell))


def _symbol(cell: str) -> str | None:
    s = " ".join(cell.split()).strip(" .,;*")
    if not s or _NONE.match(s):
        return None
    return s if _SYMBOL.match(s) else None


def cover_table(text: str) -> list[Security]:
    """The rows of the Section 12(b) table under its caption, as stated."""
    head = text[:60000]
    out: list[Security] = []
    for cap in _CAPTION.finditer(head):
        last_title = None
        for n, line in enumerate(head[cap.end(): cap.end() + 4000].split("\n")):
            line = line.strip()
            if not line:
                continue
            if _TABLE_END.match(line) or n > 60:
                break
            cells = [c.strip() for c in line.split("|")] if "|" in line else [c.strip() for c in re.split(r"\s{2,}", line)]
            cells = [c for c in cells if c]
            if not cells or len(cells) > 4:
                break
            title = symbol = exchange = None
            if len(cells) >= 3:
                title, symbol, exchange = cells[0], _symbol(cells[1]), cells[-1]
                if symbol is None and not _NONE.match(cells[1]):
                    break  # not a securities row
            elif len(cells) == 2:
                a, b = cells
                if _symbol(a) and _is_exchange(b):
                    title, symbol, exchange = last_title, _symbol(a), b   # continuation: another exchange
                elif _is_exchange(b):
                    title, exchange = a, b                              # title | exchange, no symbol
                else:
                    break
            else:
                break
            if not _is_exchange(exchange or "") and not _NONE.match(exchange or ""):
                break
            if title and _NONE.match(title):
                title = None
            last_title = title
            out.append(Security(title=" ".join(title.split()) if title else None, symbol=symbol,
                                exchange=exchange_name(exchange or "")))
    return out


def securities(text: str, stated: tuple[str, ...] | None = None) -> Securities:
    """Tickers, exchanges and share classes the text states (cover table first, then press-release form).

    ``stated``: the text's "(EXCHANGE: SYMBOL)" tickers when already found
    (:func:`extractor.metadata.tickers`; a parsed filing carries them), else they are looked up.
    """
    rows = cover_table(text)
    tickers: list[str] = []
    exchanges: list[str] = []
    classes: list[str] = []
    for r in rows:
        if r.symbol and r.exchange:
            pair = f"{r.exchange}:{r.symbol}"
            if pair not in tickers:
                tickers.append(pair)
        if r.exchange and r.exchange not in exchanges:
            exchanges.append(r.exchange)
        if r.title and r.title not in classes:
            classes.append(r.title)
    for pair in (metadata.tickers(text) if stated is None else stated):
        ex, _, sym = pair.partition(":")
        ex_short = exchange_name(ex) if ex else None
        norm = f"{ex_short}:{sym}" if ex_short in {s for _, s in _EXCHANGES} else pair
        if norm not in tickers and pair not in tickers:
            tickers.append(pair)
        ex_out = ex_short if ex_short in {s for _, s in _EXCHANGES} else ex
        if ex_out and ex_out not in exchanges:
            exchanges.append(ex_out)
    return Securities(tuple(tickers), tuple(exchanges), tuple(classes), tuple(rows))


def of_filing(filing) -> Securities:
    """:func:`securities` of a parsed :class:`~extractor.records.Filing`, its parsed tickers kept."""
    found = securities(filing.text or "", stated=tuple(getattr(filing, "tickers", ()) or ()))
    tickers = list(found.tickers)
    for t in getattr(filing, "tickers", ()) or ():
        if t not in tickers:
            tickers.append(t)
    return Securities(tuple(tickers), found.exchanges, found.share_classes, found.registered)
