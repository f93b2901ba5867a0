"""Split an EDGAR submission into its SEC header (fields and parties) and its <DOCUMENT> blocks."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# The PEM envelope of 1993-2004 EDGAR submissions: headers up to the first blank line.
_PEM_BEGIN = "-----BEGIN PRIVACY-ENHANCED MESSAGE-----"
_PEM_END = re.compile(r"\n?-----END PRIVACY-ENHANCED MESSAGE-----\s*$")
# The header block opens with <SEC-HEADER> (or <IMS-HEADER>) and ends at its close tag, or
# at the end of the head when truncated; found with two linear searches (a lazy ``(.*?)</\1>``
# is quadratic on a text of many unclosed openers).
_HEADER_OPEN = re.compile(r"<(SEC-HEADER|IMS-HEADER)>", re.I)
_DOC_OPEN = re.compile(r"<DOCUMENT>", re.I)
_DOC_CLOSE = re.compile(r"</DOCUMENT>", re.I)
# Document meta tags: on their own line in full submissions, run together in daily-feed .nc files.
_DOC_TAG = re.compile(r"<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>([^<\n]*)", re.I)
_TEXT_OPEN = re.compile(r"<TEXT>", re.I)
_TEXT_CLOSE = re.compile(r"</TEXT>", re.I)
# "ACCESSION NUMBER:\t\t0001144204-16-096273" (values may be empty, e.g. "FILER:").
_HEADER_LINE = re.compile(r"^(\t*)([A-Z][A-Z0-9 ./()&-]{0,60}?):[ \t]*(.*)$")
# "<ACCEPTANCE-DATETIME>20160426152045" and every .nc header tag.
_TAG_VALUE = re.compile(r"<(/?)([A-Z][A-Z0-9-]{0,60})>([^<]*)")
_SEC_DOCUMENT = re.compile(r"<SEC-DOCUMENT>\s*(\d{10}-\d{2}-\d{6})")

# Roles a header gives to the companies it names; tag spelling of the .nc daily feed too.
PARTY_ROLES = {
    "FILER": "filer", "SUBJECT COMPANY": "subject", "SUBJECT-COMPANY": "subject",
    "FILED BY": "filed_by", "FILED-BY": "filed_by", "REPORTING-OWNER": "reporting_owner",
    "REPORTING OWNER": "reporting_owner", "ISSUER": "issuer", "SERIAL COMPANY": "serial",
}
# Header keys, both spellings, mapped to one name.
HEADER_KEYS = {
    "ACCESSION NUMBER": "accession", "ACCESSION-NUMBER": "accession",
    "CONFORMED SUBMISSION TYPE": "form_type", "TYPE": "form_type",
    "FILED AS OF DATE": "filed", "FILING-DATE": "filed",
    "CONFORMED PERIOD OF REPORT": "period", "PERIOD": "period",
    "ACCEPTANCE-DATETIME": "accepted",
}
_NAME_KEYS = {"COMPANY CONFORMED NAME", "CONFORMED-NAME"}
_CIK_KEYS = {"CENTRAL INDEX KEY", "CIK"}


@dataclass
class Party:
    role: str
    name: str | None = None
    cik: str | None = None


@dataclass
class Header:
    fields: dict[str, str] = field(default_factory=dict)
    parties: list[Party] = field(default_factory=list)


@dataclass(frozen=True)
class RawDocument:
    type: str | None
    body: str
    sequence: str | None = None
    filename: str | None = None
    description: str | None = None


@dataclass
class Submission:
    header: Header | None
    documents: list[RawDocument]
    has_documents: bool


def strip_pem(text: str) -> str:
    """Drop the PEM envelope lines (Proc-Type, Originator-Key...) around an old submission."""
    if not text.lstrip().startswith(_PEM_BEGIN):
        return text
    start = text.find(_PEM_BEGIN)
    blank = text.find("\n\n", start)
    body = text[blank + 2:] if blank >= 0 else ""
    return _PEM_END.sub("\n", body)


def split(text: str) -> Submission:
    """Parse header and documents; a text without <DOCUMENT> tags comes back with no documents."""
    text = strip_pem(text)
    first_doc = _DOC_OPEN.search(text)
    head_part = text[: first_doc.start()] if first_doc else text[:200_000]
    header = _parse_header(head_part)
    documents = _split_documents(text, first_doc.start()) if first_doc else []
    return Submission(header=header, documents=documents, has_documents=first_doc is not None)


def _parse_header(head: str) -> Header | None:
    opened = _HEADER_OPEN.search(head)
    if opened:
        close = re.compile(f"</{opened.group(1)}>", re.I).search(head, opened.end())
        end = close.start() if close else len(head)
        header = _parse_line_header(head[opened.end(): end])
        for tag, _, value in ((m.group(2), m.group(1), m.group(3)) for m in _TAG_VALUE.finditer(head, opened.start(), end)):
            key = HEADER_KEYS.get(tag.upper())
            value = value.strip().split("\n", 1)[0].strip()  # the line header follows the tag
            if key and value:
                header.fields.setdefault(key, value)
    elif re.search(r"<SUBMISSION>", head, re.I) or re.search(r"<ACCESSION-NUMBER>", head):
        header = _parse_tag_header(head)
    else:
        return None
    m = _SEC_DOCUMENT.search(head)
    if m:
        header.fields.setdefault("accession", m.group(1))
    return header


def _parse_line_header(block: str) -> Header:
    header = Header()
    party: Party | None = None
    for line in block.split("\n"):
        m = _HEADER_LINE.match(line)
        if not m:
            continue
        indent, key, value = len(m.group(1)), m.group(2).strip(), m.group(3).strip()
        if indent == 0:
            role = PARTY_ROLES.get(key)
            if role and not value:
                party = Party(role)
                header.parties.append(party)
                continue
            party = None
            name = HEADER_KEYS.get(key)
            if name and value:
                header.fields.setdefault(name, value)
        elif party is not None:
            if key in _NAME_KEYS and party.name is None:
                party.name = value or None
            elif key in _CIK_KEYS and party.cik is None:
                party.cik = value or None
    return header


def _parse_tag_header(head: str) -> Header:
    # .nc daily feed: <FILER><COMPANY-DATA><CONFORMED-NAME>ACME INC<CIK>0000000001...</FILER>
    header = Header()
    party: Party | None = None
    for m in _TAG_VALUE.finditer(head):
        closing, tag, value = m.group(1), m.group(2).upper(), m.group(3).strip()
        role = PARTY_ROLES.get(tag)
        if role:
            if closing:
                party = None
            else:
                party = Party(role)
                header.parties.append(party)
            continue
        if closing:
            continue
        if party is not None:
            if tag in _NAME_KEYS and party.name is None:
                party.name = value or None
            elif tag in _CIK_KEYS and party.cik is None:
                party.cik = value or None
        else:
            name = HEADER_KEYS.get(tag)
            if name and value:
                header.fields.setdefault(name, value)
    return header


def _split_documents(text: str, first: int) -> list[RawDocument]:
    starts = [m.start() for m in _DOC_OPEN.finditer(text, first)]
    docs = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        docs.append(_parse_document(text[start + len("<DOCUMENT>"): end]))
    return docs


def _parse_document(chunk: str) -> RawDocument:
    close = _DOC_CLOSE.search(chunk)
    if close:
        chunk = chunk[: close.start()]
    text_open = _TEXT_OPEN.search(chunk)
    meta_part = chunk[: text_open.start()] if text_open else chunk[:2000]
    meta: dict[str, str] = {}
    for m in _DOC_TAG.finditer(meta_part):
        meta.setdefault(m.group(1).upper(), m.group(2).strip())
    if text_open:
        body = chunk[text_open.end():]
        text_close = _TEXT_CLOSE.search(body)
        if text_close:
            body = body[: text_close.start()]
    else:  # truncated or tag-less document: everything after the last meta tag
        last = None
        for last in _DOC_TAG.finditer(meta_part):
            pass
        body = chunk[last.end():] if last else chunk
    return RawDocument(
        type=meta.get("TYPE") or None,
        body=body,
        sequence=meta.get("SEQUENCE") or None,
        filename=meta.get("FILENAME") or None,
        description=meta.get("DESCRIPTION") or None,
    )
