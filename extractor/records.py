"""The frozen records that flow between stages: Document, Section, Filing, Event."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One <DOCUMENT> of an EDGAR submission (or the whole of a bare input)."""

    type: str                      # "8-K", "6-K", "EX-99.1", "GRAPHIC", ...
    text: str                      # plain text (HTML already rendered to text)
    sequence: int | None = None
    filename: str | None = None
    description: str | None = None
    is_html: bool = False


@dataclass(frozen=True)
class Section:
    """A span of ``Filing.text`` with a role.

    ``kind`` is one of: cover, exhibit_index, exhibit_description, exhibit, item,
    signature, body, press_release.  ``label`` is what the events table calls the
    source document (``cover``, ``exhibit_index``, ``EX-99.1``, ``item 5.07``, ...).
    ``start``/``end`` are character offsets into ``Filing.text``.
    """

    kind: str
    label: str
    start: int
    end: int
    number: str | None = None      # exhibit number ("99.1") or item number ("5.07")
    title: str | None = None       # item title or exhibit description text


@dataclass(frozen=True)
class Signature:
    date: str | None = None        # ISO YYYY-MM-DD
    name: str | None = None
    title: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Filing:
    """One input file, parsed: its metadata, its documents, its text and sections."""

    source_file: str
    text: str                                   # all documents' text, joined
    documents: tuple[Document, ...] = ()
    sections: tuple[Section, ...] = ()
    signature: Signature | None = None
    sha256: str | None = None
    size: int | None = None
    # metadata (empty = unknown)
    accession_number: str | None = None
    cik: str | None = None                      # 10 digits, zero padded
    company_name: str | None = None
    form_type: str | None = None
    filed_date: str | None = None               # ISO date
    accepted_at: str | None = None              # ISO 8601 UTC, "2016-04-26T19:20:45+00:00"
    period_of_report: str | None = None         # ISO date
    report_date: str | None = None              # best date the document itself states (ISO)
    report_date_source: str | None = None       # header, date_of_report, dateline, signature, month
    report_month: str | None = None             # "2002-11" from "For the month of November 2002"
    input_format: str | None = None             # sgml, html, text
    tickers: tuple[str, ...] = ()               # "NASDAQ:GOVX" as stated
    warnings: tuple[str, ...] = ()

    def sections_of(self, kind: str) -> list[Section]:
        return [s for s in self.sections if s.kind == kind]

    @property
    def base_date(self) -> str | None:
        """The date relative and year-less dates are read against."""
        return self.report_date or self.filed_date or self.period_of_report


@dataclass(frozen=True)
class Event:
    """One corporate-action fact stated by a filing, with its evidence."""

    event_type: str
    source_document: str
    evidence: str
    char_start: int
    char_end: int
    event_date: str | None = None
    date_precision: str | None = None           # day, month
    status: str | None = None
    ratio_new: int | None = None
    ratio_old: int | None = None
    ratio_range_low: str | None = None
    ratio_range_high: str | None = None
    meeting_type: str | None = None
    subject: str | None = None
    record_date: str | None = None
    ex_date: str | None = None
    payment_date: str | None = None
    effective_date: str | None = None
    amount: str | None = None                   # Decimal as text, never float
    currency: str | None = None
    new_cusip: str | None = None
    confidence: float | None = None
    extras: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def ratio(self) -> str | None:
        if self.ratio_new is not None and self.ratio_old is not None:
            return f"{self.ratio_new}:{self.ratio_old}"
        if self.ratio_range_low or self.ratio_range_high:
            return "range"
        return None
