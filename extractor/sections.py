"""Cut a document's text into sections: cover, items, exhibit index and descriptions, exhibits, signature, body."""
from __future__ import annotations

import bisect
import re
from itertools import islice

from .metadata import first_date
from .records import Section, Signature

# Form 8-K item numbers and titles (since August 2004), kept as data.
ITEM_TITLES = {
    "1.01": "Entry into a Material Definitive Agreement",
    "1.02": "Termination of a Material Definitive Agreement",
    "1.03": "Bankruptcy or Receivership",
    "1.04": "Mine Safety - Reporting of Shutdowns and Patterns of Violations",
    "1.05": "Material Cybersecurity Incidents",
    "2.01": "Completion of Acquisition or Disposition of Assets",
    "2.02": "Results of Operations and Financial Condition",
    "2.03": "Creation of a Direct Financial Obligation or an Obligation under an Off-Balance Sheet Arrangement of a Registrant",
    "2.04": "Triggering Events That Accelerate or Increase a Direct Financial Obligation or an Obligation under an Off-Balance Sheet Arrangement",
    "2.05": "Costs Associated with Exit or Disposal Activities",
    "2.06": "Material Impairments",
    "3.01": "Notice of Delisting or Failure to Satisfy a Continued Listing Rule or Standard; Transfer of Listing",
    "3.02": "Unregistered Sales of Equity Securities",
    "3.03": "Material Modification to Rights of Security Holders",
    "4.01": "Changes in Registrant's Certifying Accountant",
    "4.02": "Non-Reliance on Previously Issued Financial Statements or a Related Audit Report or Completed Interim Review",
    "5.01": "Changes in Control of Registrant",
    "5.02": "Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers; Compensatory Arrangements of Certain Officers",
    "5.03": "Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year",
    "5.04": "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans",
    "5.05": "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics",
    "5.06": "Change in Shell Company Status",
    "5.07": "Submission of Matters to a Vote of Security Holders",
    "5.08": "Shareholder Director Nominations",
    "6.01": "ABS Informational and Computational Material",
    "6.02": "Change of Servicer or Trustee",
    "6.03": "Change in Credit Enhancement or Other External Support",
    "6.04": "Failure to Make a Required Distribution",
    "6.05": "Securities Act Updating Disclosure",
    "7.01": "Regulation FD Disclosure",
    "8.01": "Other Events",
    "9.01": "Financial Statements and Exhibits",
}
# Form 8-K items before August 2004 ("Item 5. Other Events").
OLD_ITEM_TITLES = {
    "1": "Changes in Control of Registrant",
    "2": "Acquisition or Disposition of Assets",
    "3": "Bankruptcy or Receivership",
    "4": "Changes in Registrant's Certifying Accountant",
    "5": "Other Events",
    "6": "Resignations of Registrant's Directors",
    "7": "Financial Statements and Exhibits",
    "8": "Change in Fiscal Year",
    "9": "Regulation FD Disclosure",
    "10": "Amendments to the Registrant's Code of Ethics",
    "11": "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans",
    "12": "Results of Operations and Financial Condition",
}
# "Item 5.07 Submission of ...", "ITEM 4. CHANGES IN ...", "Item 9.01. | Financial Statements"
_ITEM = re.compile(r"^[ \t]*Item[ \t]+(?P<num>\d{1,2}(?:\.\d{2})?)(?![\d.]*\d)\.?[ \t]*(?:[:.\-–—|][ \t]*)*(?P<title>[^\n]{0,300})$", re.I | re.M)
_INDEX_HEADING = re.compile(r"^[ \t]*(?:EXHIBIT[ \t]+INDEX|INDEX[ \t]+TO[ \t]+EXHIBITS|EXHIBITS?[ \t]+LIST|LIST[ \t]+OF[ \t]+EXHIBITS)[ \t]*:?[ \t]*$"
                            r"|^[ \t]*Exhibit[ \t]*(?:No\.?|Number|#)?[ \t]*(?:\||\t|[ \t]{2,})[ \t]*Description\b[^\n]*$", re.I | re.M)
# An exhibit-list row: "99.1 | Press release dated ...", "Exhibit 99.1: a press release", "104  Cover Page ..."
_ROW = re.compile(r"^[ \t]*(?:\(?[a-z]\)[ \t]*)?(?:Exhibit[ \t]+)?(?:No\.[ \t]*)?(?P<num>\d{1,3}(?:\.\d{1,3}){0,2}[A-Za-z]?)(?![\d.]*\d)[ \t]*(?:\||\t|[ \t]{2,}|[-–—:][ \t]|\.?[ \t]+(?=[A-Z“\"(]))[ \t|]*(?P<desc>[^\n]*[A-Za-z][^\n]*)$", re.I)
# A page that starts an exhibit inline in a text filing: "EXHIBIT 99.1" alone on its line.
_INLINE_EXHIBIT = re.compile(r"^[ \t]*EXHIBIT[ \t]+(?P<num>\d{1,3}(?:\.\d{1,3})?)[ \t]*$", re.I | re.M)
_SIG_PURSUANT = re.compile(r"Pursuant\s+to\s+the\s+requirements\s+of\s+the\s+Securities\s+Exchange\s+Act", re.I)
_SIG_HEADING = re.compile(r"^[ \t]*SIGNATURES?[ \t]*(?:\(S\))?[ \t]*$", re.I | re.M)
# The end of a 6-K cover: the Form 20-F / 40-F and Rule 12g3-2(b) check boxes.
_COVER_6K_END = re.compile(r"Form\s+20-F|Form\s+40-F|Rule\s+12g3-2\(b\)|Regulation\s+S-T\s+Rule\s+101\(b\)", re.I)
# The end of an 8-K cover without items: check boxes, emerging-growth line, phone number.
_COVER_8K_END = re.compile(r"Rule\s+13e-4\(c\)|emerging\s+growth\s+company|telephone\s+number", re.I)
_SIG_NAME = re.compile(r"/s/[ \t]*(?P<v>[^|\n]{2,80})", re.I)
_SIG_NAME_LINE = re.compile(r"^[ \t|]*Name[ \t]*:[ \t|]*(?P<v>[^|\n]{2,80})", re.I | re.M)
_SIG_TITLE_LINE = re.compile(r"^[ \t|]*(?:Title|Its)[ \t]*:[ \t|]*(?P<v>[^|\n]{2,120})", re.I | re.M)
_SIG_DATE_LINE = re.compile(r"^[ \t|]*Dated?[ \t]*:?[ \t|]*(?P<v>[^\n]{4,80})$", re.I | re.M)
_COLUMN_GAP = re.compile(r"[ \t]{3,}|\t")


def main_sections(text: str, offset: int, doc_type: str, form_type: str | None) -> tuple[list[Section], Signature | None]:
    """Sections of a filing's main document (cover, items, exhibit index, signature, inline exhibits, body)."""
    form = (form_type or doc_type or "").upper()
    is_8k, is_6k = form.startswith("8-K"), form.startswith("6-K")
    sig_start, sig_end = _signature_span(text)
    items = _items(text) if is_8k else []
    index = _index_span(text, items, sig_start, is_6k or is_8k)
    # A 6-K cover often states its exhibits twice: "Exhibit 99.1: a press release dated ..."
    # above the signature, and an EXHIBIT INDEX after it. Both are exhibit descriptions.
    early = _loose_index(text, min(index[0], sig_start or index[0])) if is_6k and index else None
    inline = _inline_exhibits(text, sig_start, index)
    spans: list[tuple[int, int, Section]] = []

    def add(kind, label, start, end, number=None, title=None):
        if end > start and text[start:end].strip():
            spans.append((start, end, Section(kind, label, offset + start, offset + end, number, title)))

    firsts = [p for p in ([i[0] for i in items] + [index[0] if index else None, early[0] if early else None, sig_start]
                          + [e[0] for e in inline]) if p is not None]
    cover_end = min(firsts) if firsts else len(text)
    if is_6k or is_8k:
        cover_end = min(cover_end, _cover_end(text, is_6k, cover_end))
        add("cover", "cover", 0, cover_end)
    else:
        cover_end = 0
    stops = sorted(set(firsts) | {len(text)})
    for start, num, title in items:
        end = stops[bisect.bisect_right(stops, start)]
        add("item", f"item {num}", start, end, num, title)
    for found in (early, index):
        if found:
            add("exhibit_index", "exhibit_index", found[0], found[1])
            for (start, end, num, desc) in found[2]:
                add("exhibit_description", "exhibit_index", start, end, num, desc)
    signature = None
    if sig_start is not None:
        add("signature", "signature", sig_start, sig_end)
        signature = _signature(text[sig_start:sig_end], offset + sig_start, offset + sig_end)
    for start, end, num in inline:
        add("exhibit", f"EX-{num}", start, end, num, None)
    return _fill_gaps(text, offset, spans, cover_end), signature


def exhibit_section(text: str, offset: int, doc_type: str, description: str | None) -> Section:
    """An EX-* document as one exhibit section labelled by its type ("EX-99.1")."""
    label = doc_type.upper()
    number = label[3:] if label.startswith("EX-") else None
    return Section("exhibit", label, offset, offset + len(text), number, description)


def _fill_gaps(text: str, offset: int, spans, cover_end: int) -> list[Section]:
    # Partition kinds only (descriptions overlap their index); whatever is left is body.
    main = sorted((s, e) for s, e, sec in spans if sec.kind != "exhibit_description")
    out = [sec for _, _, sec in spans]
    pos = 0
    for s, e in main + [(len(text), len(text))]:
        if s > pos and text[pos:s].strip():
            out.append(Section("body", "body", offset + pos, offset + s))
        pos = max(pos, e)
    return sorted(out, key=lambda sec: (sec.start, sec.kind == "exhibit_description"))


def _cover_end(text: str, is_6k: bool, limit: int) -> int:
    pattern = _COVER_6K_END if is_6k else _COVER_8K_END
    last = None
    for m in pattern.finditer(text, 0, min(limit, 12000)):
        last = m
    if last is None:
        return limit
    para = text.find("\n\n", last.end())
    return min(limit, para if para >= 0 else len(text))


def _items(text: str) -> list[tuple[int, str, str]]:
    found = []
    for m in _ITEM.finditer(text):
        num = m.group("num")
        titles = ITEM_TITLES if "." in num else OLD_ITEM_TITLES
        if num not in titles:
            continue
        title = m.group("title").strip(" .|:-–—\t")
        # "Item 2.02 of this Current Report" is a reference, not a heading.
        if title and (title[0].islower() or re.match(r"(?i)(of|and|to|in|on|above|below|hereof)\b", title)):
            continue
        found.append((m.start(), num, title or titles[num]))
    # A table of contents lists the items first: drop an empty heading whose number recurs.
    last = {num: n for n, (_, num, _) in enumerate(found)}
    kept = []
    for n, (start, num, title) in enumerate(found):
        nxt = found[n + 1][0] if n + 1 < len(found) else len(text)
        chunk = text[start:min(nxt, start + 400)]
        body = chunk.split("\n", 1)[1] if "\n" in chunk else ""
        if len(body.strip()) < 40 and last[num] > n:
            continue
        kept.append((start, num, title))
    return kept


def _index_span(text: str, items, sig_start, allow_loose: bool):
    # A heading counts when its rows follow it closely (a table of contents also says "EXHIBIT LIST").
    for heading in islice(_INDEX_HEADING.finditer(text), 20):
        rows, end = _rows(text, heading.end())
        if rows and rows[0][0] - heading.end() < 400:
            return heading.start(), end, rows
    # Item 9.01 (or old Item 7) lists the exhibits under "(d) Exhibits".
    for start, _, _ in [i for i in items if i[1] in ("9.01", "7")][:3]:
        rows, end = _rows(text, start + 1, skip_prose=True)
        if rows:
            return rows[0][0], end, rows
    if allow_loose:  # 6-K covers list "Exhibit 99.1: a press release dated ..." with no heading
        return _loose_index(text, sig_start if sig_start is not None else min(len(text), 20000))
    return None


def _loose_index(text: str, stop: int):
    """Exhibit rows that open with "Exhibit 99.1" before ``stop``, with no heading above them."""
    for m in islice(re.finditer(r"^[ \t]*Exhibit[ \t]+\d", text[:stop], re.I | re.M), 20):
        rows, end = _rows(text, m.start())
        if rows and rows[0][0] == m.start() and end <= stop:
            return rows[0][0], end, rows
    return None


def _rows(text: str, pos: int, skip_prose: bool = False):
    """Exhibit rows from ``pos``: [(start, end, number, description)], and where the list ends."""
    rows: list[list] = []
    end = pos
    gap = 0
    for line_m in re.finditer(r"[^\n]*\n?", text[pos: pos + 20000]):
        line = line_m.group(0)
        if not line:
            break
        ls, le = pos + line_m.start(), pos + line_m.start() + len(line.rstrip("\n"))
        stripped = line.strip()
        if not stripped:
            gap += 1
            if rows and gap > 2:
                break
            continue
        m = _ROW.match(line.rstrip("\n"))
        if m and _plausible_exhibit(m.group("num")):
            desc_start = ls + m.start("desc")
            rows.append([ls, le, m.group("num"), m.group("desc").strip(" |"), desc_start])
            end, gap = le, 0
        elif rows and gap == 0 and len(stripped) < 200 and not _ITEM.match(line.rstrip("\n")):
            rows[-1][1] = le  # a wrapped description
            rows[-1][3] = (rows[-1][3] + " " + stripped).strip()
            end = le
        elif rows and (_ITEM.match(line.rstrip("\n")) or _SIG_PURSUANT.search(line) or _SIG_HEADING.match(line)):
            break
        elif rows and len(stripped) > 200:
            break
        elif not rows and ls - pos > (6000 if skip_prose else 1500):
            break  # no list near the heading / in the item
    return [(r[0], r[1], r[2], r[3]) for r in rows], end


def _plausible_exhibit(num: str) -> bool:
    head = num.split(".")[0].rstrip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return head.isdigit() and 1 <= int(head) <= 110 and len(num) <= 9


def _inline_exhibits(text: str, sig_start, index) -> list[tuple[int, int, str]]:
    after = max(sig_start or 0, index[1] if index else 0)
    if not after:
        return []
    marks = [m for m in _INLINE_EXHIBIT.finditer(text, after)]
    out = []
    for n, m in enumerate(marks):
        end = marks[n + 1].start() if n + 1 < len(marks) else len(text)
        if len(text[m.start():end].strip()) > 200:
            out.append((m.start(), end, m.group("num")))
    return out


def _signature_span(text: str) -> tuple[int | None, int | None]:
    m = _SIG_PURSUANT.search(text)
    if not m:
        return None, None
    start = m.start()
    heading = None
    for h in _SIG_HEADING.finditer(text, max(0, start - 400), start):
        heading = h
    if heading:
        start = heading.start()
    # The block: the "Pursuant" paragraph, then short lines (name, By:, Name:, Title:, Date:).
    end = m.end()
    para_end = text.find("\n\n", m.end())
    end = para_end if para_end >= 0 else len(text)
    short, last_end = 0, end
    for line_m in re.finditer(r"[^\n]*\n?", text[end: end + 3000]):
        line = line_m.group(0)
        if not line:
            break
        stripped = line.strip()
        if len(stripped) > 160 or _INLINE_EXHIBIT.match(line.rstrip("\n")) or _INDEX_HEADING.match(line.rstrip("\n")):
            break
        if stripped:
            short += 1
            if short > 16:
                break
            last_end = end + line_m.start() + len(line.rstrip("\n"))
    end = last_end
    return start, end


def _signature(block: str, start: int, end: int) -> Signature:
    date = None
    for m in _SIG_DATE_LINE.finditer(block):
        date = first_date(m.group("v"))
        if date:
            break
    if date is None:
        pursuant = _SIG_PURSUANT.search(block)
        date = first_date(block[pursuant.end() if pursuant else 0:])
    name = _first_value(_SIG_NAME_LINE, block) or _first_value(_SIG_NAME, block)
    title = _first_value(_SIG_TITLE_LINE, block)
    if title is None and name:
        m = _SIG_NAME.search(block)
        if m:  # "/s/ Jane Roe", maybe "Jane Roe" typed again, then "Chief Financial Officer"
            title = _title_after(block[m.end():], name)
    return Signature(date=date, name=name, title=title, start=start, end=end)


def _title_after(rest: str, name: str) -> str | None:
    parts: list[str] = []
    for line in rest.split("\n")[1:8]:
        line = _COLUMN_GAP.split(line.strip())[0].strip(" |")
        if not line:
            if parts:
                break
            continue
        if line.lower() == name.lower() or re.match(r"(?i)(name|by)\b", line):
            continue
        if re.match(r"(?i)date", line) or not re.search(r"[A-Za-z]", line) or len(line) > 100:
            break
        parts.append(line)
        if not re.search(r"(?:,|\band|\bof|&)$", line):  # "Executive Vice President," wraps on
            break
    return " ".join(parts) or None


def _first_value(pattern: re.Pattern, block: str) -> str | None:
    m = pattern.search(block)
    if not m:
        return None
    value = _COLUMN_GAP.split(m.group("v").strip())[0].strip(" |_")
    return value if re.search(r"[A-Za-z]", value) else None
