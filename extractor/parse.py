"""Public entry points: bytes or a path in, one parsed Filing (metadata, documents, text, sections) out."""
from __future__ import annotations

import hashlib
import os
import re

from . import htmltext, metadata, reader, sections, sgml
from .errors import DecodeError, ExtractorError, ParseError
from .records import Document, Filing, Section

# Documents that are never prose: binaries, XBRL and data files.
SKIP_TYPES = {"GRAPHIC", "ZIP", "PDF", "EXCEL", "XML", "JSON", "XSD", "EX-101.INS", "EX-101.SCH",
              "EX-101.CAL", "EX-101.DEF", "EX-101.LAB", "EX-101.PRE", "EX-FILING FEES"}
_SKIP_EXT = (".jpg", ".jpeg", ".gif", ".png", ".pdf", ".zip", ".xlsx", ".xls", ".xsd", ".json", ".css", ".js")
_UUENCODED = re.compile(r"^[ \t]*begin [0-7]{3} \S", re.M)
# Old plain-text filings mark pages and table columns with SGML tags: <PAGE>, <S>, <C>, <TABLE>.
_TEXT_TAGS = re.compile(r"</?(?:PAGE|S|C|FN|CAPTION|TABLE|F\d{1,2})>", re.I)
_COVER_WORDS = re.compile(r"^[ \t]*(?:UNITED\s+STATES\s+)?SECURITIES\s+AND\s+EXCHANGE\s+COMMISSION[ \t]*$|^\s*FORM\s+\d{1,2}-[A-Z]|^\s*SCHEDULE\s+\d", re.I | re.M)
# Lines the storing site added to a wire release (guideline rule 11): YAML front matter,
# link-only footers ("[Original Press Release](...)", "Pickup - [...](...)", "![...](...)").
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:[^\n]*\n){0,80}?---[ \t]*(?:\n|\Z)")
_SITE_LINE = re.compile(r"^[ \t]*(?:[\w .]{0,40}[-–:][ \t]*)?!?\[[^\]\n]{0,200}\]\([^)\n]{0,500}\)[ \t]*$", re.M)
_WRAPPER = re.compile(r"\A\s*<(?:XBRL|XML)>", re.I)
_HEADLINE = re.compile(r"^[ \t]*#{1,6}[ \t][^\n]*$", re.M)
_DOC_SEP = "\n\n"
# Script and style blocks are never prose, even in a text the HTML sniff did not take for HTML.
_SCRIPT = re.compile(r"<(script|style)\b[^<>]{0,2000}>.*?(?:</\1\s*>|\Z)", re.I | re.S)


def parse_file(path: str | os.PathLike, *, max_bytes: int = reader.DEFAULT_MAX_BYTES) -> Filing:
    """Read and parse one input file; ReadError / DecodeError / ParseError on failure."""
    data = reader.read_path(path, max_bytes)
    return parse_bytes(data, os.fspath(path))


def parse_bytes(data: bytes, source_file: str) -> Filing:
    """Parse the bytes of one input (EDGAR submission, bare HTML/text filing, press release)."""
    text = reader.decode(data)
    try:
        return _parse_text(text, data, source_file)
    except ExtractorError:
        raise
    except Exception as exc:  # a parser bug must become a recorded error row, not a crashed batch
        raise ParseError(f"could not parse {os.path.basename(source_file)}: {type(exc).__name__}: {exc}") from exc


def _parse_text(text: str, data: bytes, source_file: str) -> Filing:
    sub = sgml.split(text)
    warnings: list[str] = []
    meta: dict = {}
    if sub.header is not None:
        meta, warnings = metadata.from_header(sub.header)
    press = False
    if sub.has_documents:
        fmt = "sgml"
        docs = [_document(raw) for raw in sub.documents]
    else:
        body = sgml.strip_pem(text)
        if sub.header is None and reader.looks_uuencoded_only(body):
            raise DecodeError("the file is a uuencoded blob (begin 644 ...) without a document")
        if htmltext.looks_like_html(body):
            fmt, rendered = "html", htmltext.html_to_text(body)
        else:
            fmt, rendered = "text", _plain_text(body)
            press = not _COVER_WORDS.search(rendered[:1500])
            if press:
                rendered = _strip_site_lines(rendered)
        docs = [Document(type="", text=rendered, is_html=fmt == "html")]
    if not any(d.text.strip() for d in docs):
        if sub.has_documents and not any(_readable_type(raw) for raw in sub.documents):
            raise DecodeError("the submission holds no text document (only binary/data documents)")
        raise ParseError("no text found in the input")

    main = next((d for d in docs if d.text.strip()), docs[0])
    main_text = main.text
    if "form_type" not in meta:
        form = main.type or metadata.form_type_from_text(main_text)
        if press or (not form and not _COVER_WORDS.search(main_text[:1500])):
            form, press = "press release", True
        if form:
            meta["form_type"] = form
    form_type = meta.get("form_type")
    if fmt != "sgml" and docs[0].type == "":
        docs[0] = Document(type=form_type or "", text=docs[0].text, is_html=docs[0].is_html)
    standalone_exhibit = bool(form_type and form_type.upper().startswith("EX-"))

    # Join text documents and cut each into sections.
    parts, all_sections, signature, offset = [], [], None, 0
    for doc in docs:
        if not doc.text.strip():
            continue
        if parts:
            offset += len(_DOC_SEP)
        if press:
            _, _, lead = metadata.dateline(doc.text)
            first = _first_body_line(doc.text)
            start = min(first, lead) if lead is not None else first
            all_sections.append(Section("press_release", "press release", offset + start, offset + len(doc.text)))
        elif doc.type.upper().startswith("EX-"):
            all_sections.append(sections.exhibit_section(doc.text, offset, doc.type, doc.description))
        else:
            secs, sig = sections.main_sections(doc.text, offset, doc.type, form_type)
            all_sections.extend(secs)
            signature = signature or sig
        parts.append(doc.text)
        offset += len(doc.text)
    full = _DOC_SEP.join(parts)

    # Metadata the document states in its own words.
    if press:
        date_iso, _, lead = metadata.dateline(full)
        meta.setdefault("company_name", metadata.press_release_company(full, lead))
        if date_iso:
            meta["report_date"], meta["report_date_source"] = date_iso, "dateline"
    else:
        meta["company_name"] = _company(meta.get("company_name"), main_text, full, signature, standalone_exhibit)
        _report_date(meta, main_text, signature, form_type, standalone_exhibit)
    meta["report_month"] = metadata.report_month(main_text)
    if not meta.get("report_date") and meta["report_month"]:
        meta["report_date_source"] = None
    return Filing(
        source_file=source_file,
        text=full,
        documents=tuple(docs),
        sections=tuple(all_sections),
        signature=signature,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        input_format=fmt,
        tickers=metadata.tickers(full),
        warnings=tuple(warnings),
        **{k: v for k, v in meta.items() if v is not None},
    )


def _company(header_name, main_text, full, signature, standalone_exhibit):
    captioned = metadata.registrant_from_text(main_text, with_fallback=False)
    signed = None
    if signature is not None and signature.start is not None:
        signed = metadata.signature_company(full[signature.start: signature.end])
    capitals = metadata.registrant_from_text(main_text, caption=False)
    if header_name:
        # The header's conformed name drops punctuation; the cover's spelling is how the text names it.
        for stated in (captioned, capitals, signed):
            if stated and metadata.same_name(stated, header_name):
                return stated
        return header_name
    if captioned or signed:
        return captioned or signed
    if standalone_exhibit:
        _, _, lead = metadata.dateline(main_text)
        name = metadata.press_release_company(main_text, lead)
        if name:
            return name
    return capitals


def _report_date(meta: dict, text: str, signature, form_type: str | None, standalone_exhibit: bool) -> None:
    form = (form_type or "").upper()
    candidates = []
    if standalone_exhibit:
        candidates.append((metadata.dateline(text)[0], "dateline"))
    if not form.startswith("6-K"):
        candidates.append((metadata.date_of_report(text), "date_of_report"))
    candidates.append((signature.date if signature else None, "signature"))
    candidates.append((meta.get("filed_date"), "header"))
    for value, source in candidates:
        if value:
            meta["report_date"], meta["report_date_source"] = value, source
            return


def _readable_type(raw: sgml.RawDocument) -> bool:
    return (raw.type or "").upper() not in SKIP_TYPES


def _document(raw: sgml.RawDocument) -> Document:
    dtype = (raw.type or "").strip().upper()
    seq = raw.sequence.strip() if raw.sequence else ""
    seq = int(seq) if seq.isascii() and seq.isdigit() and len(seq) < 10 else None  # "²".isdigit() too
    fname = raw.filename
    body = raw.body
    skip = (dtype in SKIP_TYPES or dtype.startswith("EX-101") or (fname or "").lower().endswith(_SKIP_EXT)
            and not dtype.startswith(("EX-99", "EX-1", "8-K", "6-K")))
    # Inline XBRL main documents come wrapped in <XBRL>; Form 4 primary documents in <XML>.
    wrapped = _WRAPPER.match(body)
    if wrapped:
        body = body[wrapped.end():]
        body = re.sub(r"</(?:XBRL|XML)>\s*$", "", body, flags=re.I)
    head = body.lstrip()[:200]
    is_html = False
    if skip or _UUENCODED.match(head) or head.upper().startswith("<PDF>"):
        text = ""
    elif htmltext.looks_like_html(body):
        text, is_html = htmltext.html_to_text(body), True
    elif head.startswith("<?xml") or (wrapped and head.startswith("<")):
        text = htmltext.xml_to_text(body)
    else:
        text = _plain_text(body)
    return Document(type=raw.type or "", text=text, sequence=seq, filename=fname,
                    description=raw.description, is_html=is_html)


def _plain_text(text: str) -> str:
    if "<" in text and re.search(r"(?i)<(?:script|style)\b", text):
        text = _SCRIPT.sub("", text)
    text = _TEXT_TAGS.sub("", text)
    lines = [line.strip() for line in text.replace("\t", "    ").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def _strip_site_lines(text: str) -> str:
    text = _FRONT_MATTER.sub("", text, count=1)
    text = _SITE_LINE.sub("", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def _first_body_line(text: str) -> int:
    # The "# headline" lines on top are the site's, not the release's (guideline rule 11).
    pos = 0
    for line in text.split("\n"):
        if line.strip() and not _HEADLINE.match(line):
            return pos
        pos += len(line) + 1
    return 0
