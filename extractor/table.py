"""The tables' schemas, declared once as data, and the typed DataFrames built from records.

The same declaration drives the column order of every writer, the pandas dtypes, the
Parquet (Arrow) schema and the data dictionary in the README (``extractor schema``).
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from dataclasses import dataclass

import pandas as pd
import pyarrow as pa

from . import __version__
from .records import Event, Filing
from .vocab import CAEV, MEETING_CAEV


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str            # pandas extension dtype: string, Int64, Float64
    description: str


_ARROW = {"string": pa.string(), "Int64": pa.int64(), "Float64": pa.float64()}

_FILING_META = (
    Column("source_file", "string", "path of the input file as given"),
    Column("accession_number", "string", "EDGAR accession number (SEC header), e.g. 0001144204-16-096273"),
    Column("cik", "string", "issuer's Central Index Key, 10 digits, from the SEC header"),
    Column("company_name", "string", "issuer as the filing names it (SEC header conformed name, else the cover or press release)"),
    Column("form_type", "string", "form as the filing states it (8-K, 6-K, 8-K/A, DEF 14A, ...); 'press release' for a release standing alone"),
    Column("filed_date", "string", "EDGAR filing date (ISO), from the SEC header"),
    Column("accepted_at", "string", "EDGAR acceptance time, converted from US Eastern to UTC (ISO 8601 with offset)"),
    Column("period_of_report", "string", "period of report (ISO), from the SEC header"),
)

EVENTS_SCHEMA: tuple[Column, ...] = _FILING_META + (
    Column("known_at", "string", "when the information became public: accepted_at, else filed_date, else the date the document states (report_date)"),
    Column("known_at_source", "string", "where known_at came from: accepted_at, filed_date, dateline, signature, date_of_report, header, month"),
    Column("event_id", "string", "stable id of the event: same input and extractor give the same id"),
    Column("event_type", "string", "reverse_stock_split, stock_split, shareholder_approval, shareholder_meeting, announcement, cash_dividend, merger, name_change, delisting"),
    Column("caev_code", "string", "ISO 15022 corporate action event code (SPLR, SPLF, MEET, XMET, DVCA, MRGR, CHAN, DLST); empty for approvals and announcements"),
    Column("event_date", "string", "the date the event type is defined by (see the taxonomy); YYYY-MM when only a month is stated"),
    Column("date_precision", "string", "day or month"),
    Column("status", "string", "proposed, approved, effective, held, scheduled, rejected, withdrawn"),
    Column("ratio_new", "Int64", "split ratio: shares after"),
    Column("ratio_old", "Int64", "split ratio: shares before"),
    Column("ratio", "string", "NEW:OLD for display; 'range' when a range is left to the board"),
    Column("ratio_range_low", "string", "low end of a ratio range, NEW:OLD as written"),
    Column("ratio_range_high", "string", "high end of a ratio range, NEW:OLD as written"),
    Column("adjustment_factor", "Float64", "price adjustment factor of a split: ratio_old / ratio_new"),
    Column("meeting_type", "string", "annual or extraordinary (special meetings included)"),
    Column("subject", "string", "for approvals and announcements: the event_type approved or announced, or 'other'"),
    Column("record_date", "string", "record date (ISO) where stated"),
    Column("ex_date", "string", "ex-date (ISO) where stated"),
    Column("payment_date", "string", "payment or distribution date (ISO) where stated"),
    Column("effective_date", "string", "effective date (ISO) where stated"),
    Column("amount", "string", "dividend amount per share, as a decimal string"),
    Column("currency", "string", "ISO 4217 currency of the amount"),
    Column("new_cusip", "string", "new CUSIP of the security after a split, where stated"),
    Column("fraction_disposition", "string", "split: how fractional shares are treated, as the filing states it: round up, round down, round to nearest, cash in lieu"),
    Column("source_document", "string", "where the evidence is: cover, exhibit_index, EX-99.1, item 5.07, press release, ..."),
    Column("evidence", "string", "the sentence the event was read from"),
    Column("char_start", "Int64", "start offset of the evidence in the filing's extracted text"),
    Column("char_end", "Int64", "end offset of the evidence in the filing's extracted text"),
    Column("confidence", "Float64", "0-1 confidence of the extraction"),
    Column("extractor_version", "string", "version of the extractor that wrote the row"),
)

FILINGS_SCHEMA: tuple[Column, ...] = _FILING_META + (
    Column("sha256", "string", "SHA-256 of the input's bytes"),
    Column("size", "Int64", "size of the input in bytes"),
    Column("input_format", "string", "sgml, html or text"),
    Column("report_date", "string", "best date the document itself states (ISO)"),
    Column("report_date_source", "string", "where report_date came from: header, date_of_report, dateline, signature, month"),
    Column("tickers", "string", "tickers as the filing states them, 'EXCHANGE:SYMBOL' separated by ';'"),
    Column("exchanges", "string", "exchanges the filing states its securities are listed on, separated by ';'"),
    Column("share_classes", "string", "titles of the classes of securities the cover states (Section 12(b) table), separated by ';'"),
    Column("n_events", "Int64", "number of event rows of this input"),
    Column("status", "string", "extracted, failed or skipped"),
    Column("warnings", "string", "problems that did not stop the extraction, separated by '; '"),
    Column("extractor_version", "string", "version of the extractor that wrote the row"),
)

ERRORS_SCHEMA: tuple[Column, ...] = (
    Column("source_file", "string", "path of the input that failed"),
    Column("stage", "string", "stage that failed: read, decode, parse, nlp, timeout, crash (the worker process died), write"),
    Column("error", "string", "what went wrong, in words"),
    Column("extractor_version", "string", "version of the extractor that wrote the row"),
)

SCHEMAS = {"events": EVENTS_SCHEMA, "filings": FILINGS_SCHEMA, "errors": ERRORS_SCHEMA}


def arrow_schema(schema: tuple[Column, ...]) -> pa.Schema:
    return pa.schema([(c.name, _ARROW[c.dtype]) for c in schema])


def enforce(df: pd.DataFrame, schema: tuple[Column, ...]) -> pd.DataFrame:
    """The frame with exactly the schema's columns, in order, with its dtypes.

    Missing columns are added empty; unknown columns are an error (a bug, not data).
    Empty strings become missing values: empty means unknown, never "N/A" or 0.
    """
    names = [c.name for c in schema]
    extra = [c for c in df.columns if c not in names]
    if extra:
        raise ValueError(f"columns not in the schema: {extra}")
    out = pd.DataFrame(index=df.index)
    for c in schema:
        col = df[c.name] if c.name in df.columns else pd.Series([None] * len(df), index=df.index, dtype="object")
        if c.dtype == "string":
            col = col.astype("object").where(col.notna(), None)
            col = col.map(lambda v: None if v is None or (isinstance(v, str) and not v.strip()) else str(v))
        out[c.name] = col.astype(c.dtype)
    return out.reset_index(drop=True)


def missing(value) -> bool:
    """A cell that holds no value: None, NaN, pandas' NA (a string stays a value, even empty)."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or an array is a value
        return False


def empty(schema: tuple[Column, ...]) -> pd.DataFrame:
    return enforce(pd.DataFrame({c.name: [] for c in schema}), schema)


def filing_meta(filing: Filing) -> dict:
    return {c.name: getattr(filing, c.name) for c in _FILING_META}


def event_id(filing: Filing, ev: Event, ordinal: int) -> str:
    """Stable across runs (content + path + the event's identity), distinct across inputs."""
    key = "|".join(str(x) for x in (filing.sha256, filing.source_file.rsplit("/", 1)[-1], ev.event_type,
                                     ev.event_date, ev.subject, ev.meeting_type, ordinal))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def caev_code(ev: Event) -> str | None:
    if ev.event_type == "shareholder_meeting":
        return MEETING_CAEV.get(ev.meeting_type, "MEET")
    return CAEV.get(ev.event_type)


def known_at(filing: Filing) -> tuple[str | None, str | None]:
    """When the filing's information became public, and where that came from (point in time)."""
    if filing.accepted_at:
        return filing.accepted_at, "accepted_at"
    if filing.filed_date:
        return filing.filed_date, "filed_date"
    if filing.report_date:
        return filing.report_date, filing.report_date_source or "report_date"
    if filing.report_month:
        return filing.report_month, "month"
    return None, None


def _fractions(filing: Filing) -> str | None:
    from .actions import fraction_disposition

    return fraction_disposition(filing.text)


def event_rows(filing: Filing, events: list[Event]) -> list[dict]:
    meta = filing_meta(filing)
    meta["known_at"], meta["known_at_source"] = known_at(filing)
    rows = []
    seen: dict[tuple, int] = {}
    # the filing's text is scanned for its fractional-share terms once, and only for a split
    fractions = lru_cache(maxsize=1)(lambda: _fractions(filing))
    for ev in events:
        ident = (ev.event_type, ev.event_date, ev.subject, ev.meeting_type)
        seen[ident] = seen.get(ident, -1) + 1
        factor = (ev.ratio_old / ev.ratio_new) if ev.ratio_new and ev.ratio_old else None
        rows.append({
            **meta,
            "event_id": event_id(filing, ev, seen[ident]),
            "event_type": ev.event_type,
            "caev_code": caev_code(ev),
            "event_date": ev.event_date,
            "date_precision": ev.date_precision if ev.event_date else None,
            "status": ev.status,
            "ratio_new": ev.ratio_new,
            "ratio_old": ev.ratio_old,
            "ratio": ev.ratio,
            "ratio_range_low": ev.ratio_range_low,
            "ratio_range_high": ev.ratio_range_high,
            "adjustment_factor": round(factor, 10) if factor else None,
            "meeting_type": ev.meeting_type,
            "subject": ev.subject,
            "record_date": ev.record_date,
            "ex_date": ev.ex_date,
            "payment_date": ev.payment_date,
            "effective_date": ev.effective_date,
            "amount": ev.amount,
            "currency": ev.currency,
            "new_cusip": ev.new_cusip,
            "fraction_disposition": fractions() if ev.event_type in ("reverse_stock_split", "stock_split") else None,
            "source_document": ev.source_document,
            "evidence": ev.evidence,
            "char_start": ev.char_start,
            "char_end": ev.char_end,
            "confidence": ev.confidence,
            "extractor_version": __version__,
        })
    return rows


def filing_row(filing: Filing, n_events: int, status: str = "extracted") -> dict:
    from .securities import of_filing

    sec = of_filing(filing)
    return {
        **filing_meta(filing),
        "sha256": filing.sha256, "size": filing.size, "input_format": filing.input_format,
        "report_date": filing.report_date, "report_date_source": filing.report_date_source,
        "tickers": ";".join(sec.tickers) or None, "exchanges": ";".join(sec.exchanges) or None,
        "share_classes": ";".join(sec.share_classes) or None, "n_events": n_events, "status": status,
        "warnings": "; ".join(filing.warnings) or None, "extractor_version": __version__,
    }


def failed_filing_row(source_file: str, status: str = "failed", sha256: str | None = None,
                      size: int | None = None) -> dict:
    return {"source_file": source_file, "sha256": sha256, "size": size, "n_events": 0,
            "status": status, "extractor_version": __version__}


def error_row(source_file: str, stage: str, error: str) -> dict:
    return {"source_file": source_file, "stage": stage, "error": error, "extractor_version": __version__}


def frame(rows: list[dict], schema: tuple[Column, ...]) -> pd.DataFrame:
    if not rows:
        return empty(schema)
    return enforce(pd.DataFrame.from_records(rows), schema)


def data_dictionary() -> str:
    """The schemas as Markdown tables (the README's data dictionary)."""
    parts = []
    for name, schema in SCHEMAS.items():
        parts.append(f"### `{name}`\n\n| column | type | meaning |\n|---|---|---|")
        parts += [f"| `{c.name}` | {c.dtype} | {c.description} |" for c in schema]
        parts.append("")
    return "\n".join(parts)
