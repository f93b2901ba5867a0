"""Filing metadata: from the SEC header where there is one, else from the document's own words."""
from __future__ import annotations

import re
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from .sgml import Header

_EASTERN = ZoneInfo("America/New_York")  # EDGAR stamps ACCEPTANCE-DATETIME in US Eastern time

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
# "November 14, 2024", "Nov. 14, 2024", "Sept. 23,2025", "November 14th, 2024"
DATE_MDY = re.compile(rf"\b(?P<month>{_MONTH})\.?\s{{1,3}}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s?,?\s{{0,3}}(?P<year>(?:19|20)\d\d)\b", re.I)
# "14 November 2024" (European wire releases)
DATE_DMY = re.compile(rf"\b(?P<day>\d{{1,2}})\.?\s{{1,3}}(?P<month>{_MONTH})\.?,?\s{{1,3}}(?P<year>(?:19|20)\d\d)\b", re.I)
_MONTH_YEAR = re.compile(rf"(?P<month>{_MONTH})\.?,?\s{{0,3}}(?P<year>(?:19|20)\d\d)\b", re.I)

# Cover-page captions under the registrant's name (8-K, 6-K, 10-K, proxy statements).
_REGISTRANT_LABEL = re.compile(
    r"\(\s*(?:exact\s+)?name\s+of\s+(?:the\s+)?(?:registrant|small\s+business\s+issuer|issuer|subject\s+company)[^)\n]{0,80}\)"
    r"|\(\s*translation\s+of\s+registrant.{0,3}s\s+name[^)\n]{0,40}\)", re.I)
# A line that is a company name by its legal suffix (old covers without a caption).
_SUFFIX = r"(?:INC|INCORPORATED|CORP|CORPORATION|CO|COMPANY|LTD|LIMITED|PLC|LLC|L\.P|LP|N\.V|S\.A|AG|SE|S\.p\.A|GROUP|HOLDINGS|BANCORP|TRUST)\.?"
_NAME_LINE = re.compile(rf"^[A-Z0-9][A-Z0-9&'’.,\- ]{{2,90}}\b{_SUFFIX}$")
_LEGAL_NAME = re.compile(rf"^(?:The\s+)?(?P<name>[A-Z][\w&'’.\-]*(?:,?\s+(?:[A-Z0-9][\w&'’.\-]*|&|de|of|und|and))*?,?\s+{_SUFFIX})(?=[\s,(]|$)")

# Form words on a cover page, most specific first.
_FORM_LINE = re.compile(r"^\s*FORM\s+(\d{1,2}-[A-Z]{1,3}(?:/A)?|[0-9]{1,2}[A-Z]?(?:/A)?)\s*(?:$|\|)", re.I | re.M)
_FORM_WORDS = (
    (re.compile(r"\bSCHEDULE\s+14A\b", re.I), "DEF 14A"),
    (re.compile(r"\bdefinitive\s+proxy\s+statement\b", re.I), "DEF 14A"),
    (re.compile(r"\bREPORT\s+OF\s+FOREIGN\s+(?:PRIVATE\s+)?ISSUER\b", re.I), "6-K"),
    (re.compile(r"\bCURRENT\s+REPORT\b", re.I), "8-K"),
)
_MONTH_OF = re.compile(rf"\bfor\s+the\s+month\s+of\s*:?\s*(?P<month>{_MONTH})\.?,?\s{{0,3}}(?P<year>(?:19|20)\d\d)", re.I)
_DATE_OF_REPORT = re.compile(r"\bDate\s+of\s+(?:Report|earliest\s+event\s+reported)\b", re.I)
_EARLIEST_EVENT = re.compile(r"\(\s*Date\s+of\s+earliest\s+event\s+reported\s*\)", re.I)
# "(Nasdaq: GOVX)", "(NYSE American: SBEV)", "(SIX: NWRN, XETRA: NP5)", "(TSX.V: LMG)"
_PAREN = re.compile(r"\(([^()\n]{3,80})\)")
_TICKER_PART = re.compile(r"^\s*(?:(?P<ex>[A-Za-z][A-Za-z.]*(?:\s[A-Za-z][A-Za-z.]*){0,3})\s*[:\-]\s*)?(?P<sym>[A-Z][A-Z0-9]{0,6}(?:[.\-][A-Z0-9]{1,4})?)\s*$")
_NOT_EXCHANGE = {"ISIN", "WKN", "CUSIP", "TICKER", "TICKER SYMBOL", "SYMBOL", "ISSN", "SEDOL"}


def iso_from_match(m: re.Match) -> str | None:
    """ISO date from a DATE_MDY / DATE_DMY match, None if the calendar rejects it."""
    try:
        return date(int(m.group("year")), MONTHS[m.group("month")[:3].lower()], int(m.group("day"))).isoformat()
    except (ValueError, KeyError):
        return None


def first_date(text: str) -> str | None:
    """The first valid written date ("November 14, 2024" or "14 November 2024") in ``text``."""
    found = [m for m in (DATE_MDY.search(text), DATE_DMY.search(text)) if m]
    for m in sorted(found, key=lambda m: m.start()):
        iso = iso_from_match(m)
        if iso:
            return iso
    return None


def _shown(value: str) -> str:
    """A header value as a warning quotes it: repr, at most 40 characters."""
    value = value.strip()
    return repr(value if len(value) <= 40 else value[:40] + "...")


_YMD = re.compile(r"((?:19[89]|20\d)\d)(\d\d)(\d\d)")          # EDGAR dates: 1980-2099
_YMDHMS = re.compile(r"((?:19[89]|20\d)\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)")


def header_date(value: str | None, label: str, warnings: list[str]) -> str | None:
    """YYYYMMDD header value → ISO date; None plus a warning when it is not a calendar date."""
    if not value:
        return None
    m = _YMD.match(value.strip())
    try:
        if not m:
            raise ValueError(value)
        return date(*map(int, m.groups())).isoformat()
    except ValueError:
        warnings.append(f"header {label} {_shown(value)} is not a date; ignored")
        return None


def accepted_utc(value: str | None, warnings: list[str]) -> str | None:
    """ACCEPTANCE-DATETIME (US Eastern, YYYYMMDDhhmmss) → ISO 8601 UTC."""
    if not value:
        return None
    m = _YMDHMS.match(value.strip())
    try:
        if not m:
            raise ValueError(value)
        local = datetime(*map(int, m.groups()), tzinfo=_EASTERN)
        return local.astimezone(timezone.utc).isoformat()
    except (ValueError, OverflowError):
        warnings.append(f"header acceptance datetime {_shown(value)} is not a timestamp; ignored")
        return None


def from_header(header: Header) -> tuple[dict, list[str]]:
    """Metadata fields from a parsed SEC header, and warnings for the garbage values dropped."""
    warnings: list[str] = []
    f = header.fields
    out: dict = {}
    accession = (f.get("accession") or "").strip()
    if accession:
        if re.fullmatch(r"\d{10}-\d{2}-\d{6}", accession):
            out["accession_number"] = accession
        else:
            warnings.append(f"header accession number {_shown(accession)} is malformed; ignored")
    if f.get("form_type"):
        out["form_type"] = f["form_type"].strip()
    out["filed_date"] = header_date(f.get("filed"), "filed date", warnings)
    out["period_of_report"] = header_date(f.get("period"), "period of report", warnings)
    out["accepted_at"] = accepted_utc(f.get("accepted"), warnings)
    party = issuer_party(header)
    if party is not None:
        if party.name:
            out["company_name"] = party.name.strip()
        if party.cik:
            cik = party.cik.strip()
            if cik.isascii() and cik.isdigit() and len(cik) <= 10:
                out["cik"] = cik.zfill(10)
            else:
                warnings.append(f"header CIK {_shown(cik)} is not a number; ignored")
    return {k: v for k, v in out.items() if v is not None}, warnings


def issuer_party(header: Header):
    """The company the filing is about: subject company / issuer before filer, never a reporting owner."""
    for role in ("subject", "issuer", "filer", "serial", "filed_by"):
        for party in header.parties:
            if party.role == role and party.name:
                return party
    return next((p for p in header.parties if p.name), None)


def form_type_from_text(text: str) -> str | None:
    """The form a cover page names: "FORM 8-K", else "SCHEDULE 14A", "CURRENT REPORT", ..."""
    head = text[:8000]
    m = _FORM_LINE.search(head)
    if m:
        return m.group(1).upper()
    for pattern, form in _FORM_WORDS:
        if pattern.search(head):
            return form
    return None


def registrant_from_text(text: str, *, with_fallback: bool = True, caption: bool = True) -> str | None:
    """The name on the line above "(Exact name of registrant as specified in its charter)"."""
    head = text[:20000]
    m = _REGISTRANT_LABEL.search(head) if caption else None
    if m:
        before = head[: m.start()]
        same_line = before[before.rfind("\n") + 1:]
        name = clean_name(same_line)
        if name:
            return name
        for line in reversed(before.split("\n")[-6:]):
            name = clean_name(line)
            if name:
                return name
    if not with_fallback:
        return None
    # Old covers print the name in capitals with no caption under it.
    for line in head[:6000].split("\n")[:80]:
        line = line.strip()
        if _NAME_LINE.match(line) and not line.startswith(("FORM", "SECURITIES")):
            return clean_name(line)
    return None


def clean_name(line: str) -> str | None:
    """Tidy a candidate company-name line; None when it is not a name (empty, a caption, a number)."""
    line = line.strip().strip("|").strip()
    if " | " in line:  # a cover laid out as a table: the name is the widest cell
        line = max(line.split(" | "), key=len).strip()
    line = re.sub(r"^[*_#>\s]+|[*_\s]+$", "", line)
    line = line.strip("\"“”'").strip()
    if not line or len(line) > 120 or line.startswith("(") or not re.search(r"[A-Za-z]{2}", line):
        return None
    if re.match(r"(?i)(commission|file|date|form|securities|washington|pursuant|for the)\b", line):
        return None
    return " ".join(line.split())


def report_month(text: str) -> str | None:
    """"For the month of November 2002" → "2002-11"."""
    m = _MONTH_OF.search(text[:10000])
    if not m:
        return None
    month = MONTHS.get(m.group("month")[:3].lower())  # re.I lets "ſeptember" match: no such key
    return f"{int(m.group('year')):04d}-{month:02d}" if month else None


def date_of_report(text: str) -> str | None:
    """The 8-K cover's "Date of Report (Date of earliest event reported): November 14, 2024"."""
    head = text[:15000]
    m = _DATE_OF_REPORT.search(head)
    if m:
        iso = first_date(head[m.end(): m.end() + 250])
        if iso:
            return iso
    m = _EARLIEST_EVENT.search(head)
    if m:  # HTML covers print the date above its caption
        window = head[max(0, m.start() - 200): m.start()]
        dates = [d for d in (iso_from_match(x) for x in DATE_MDY.finditer(window)) if d]
        if dates:
            return dates[-1]
    return None


def tickers(text: str) -> tuple[str, ...]:
    """Exchange:symbol pairs stated in parentheses, "(Nasdaq: GOVX)" → "NASDAQ:GOVX"."""
    found: list[str] = []
    for m in _PAREN.finditer(text[:20000]):
        inner = m.group(1)
        if ":" not in inner:
            continue
        exchange = None
        for part in re.split(r"[,;|]", inner):
            t = _TICKER_PART.match(part)
            if not t:
                exchange = None if ":" in part else exchange
                continue
            if t.group("ex"):
                exchange = " ".join(t.group("ex").upper().split())
            if exchange and exchange not in _NOT_EXCHANGE:
                pair = f"{exchange}:{t.group('sym')}"
                if pair not in found:
                    found.append(pair)
    return tuple(found)


# --- press releases -------------------------------------------------------------------------

# A dateline opens a paragraph: place, optional "(WIRE)", the date, then a dash to the lead:
# "ATLANTA, GA - January 8, 2026 (NEWMEDIAWIRE) - ...", "DALLAS, February 24, 2026 – PRISM
# MediaWire (...) – ...", "EDEN PRAIRIE, Minn. - (NewMediaWire) - October 16, 2024 - ..."
_DATELINE_BAD = re.compile(r"\b(?:announce|today|the company|said|will|has|have|is|are|was)\b", re.I)
# What ends the dateline: the wire's name in parentheses or after a dash, then a dash.
_DATELINE_TAIL = re.compile(r"^[\s,]*(?:\([^()\n]{1,40}\)\s*)?(?:[-–—:]+\s*)?")
# "PRISM MediaWire (Press Release Service – Press Release Distribution) – ", "TheNewswire– "
_WIRE_TAIL = re.compile(r"^[^\n]{0,120}?(?:wire|news direct)\b(?:\s*\([^()\n]{0,80}\))?\s*[-–—]+\s*", re.I)
_WIRE = re.compile(r"(?i)(?:newswire|mediawire|globe newswire|business wire|pr newswire|accesswire|newmediawire|thenewswire|news direct|newsfile)")
# The issuer's name ends where the lead says who it is: a ticker, a defined term, a verb.
_NAME_END = re.compile(
    r"\s*,?\s*\((?:the\s+)?[“\"”']"                          # (“Acme” or the “Company”)
    r"|\s*,?\s*\((?:[A-Za-z .]{2,30}:\s*[A-Z]|OTC|NASDAQ|NYSE|TSX|CSE)"  # (Nasdaq: GOVX)
    r"|\s*,\s*(?:a|an|the|one|now|which|operating|parent|formerly)\s"   # , a leading provider
    r"|\s+(?:today|recently|has|have|is|are|was|will|announce[sd]?|announced|reports?|reported|"
    r"declare[sd]?|publishe[sd]|invites|confirms|shareholders|stockholders|held|completes|"
    r"provides|issues|presents|receives|granted|sets)\b")
_ABOUT = re.compile(r"^\W*About\s+(?:the\s+)?(?P<name>[^\n:*]{2,80}?)\s*[:*]*\s*$", re.M)
_NAME_OK = re.compile(r"^[\w&][\w&'’.,\- ]{0,90}$")


def dateline(text: str) -> tuple[str | None, int | None, int | None]:
    """The press-release dateline's ISO date, and where its lead sentence starts (offset) in ``text``."""
    pos = 0
    for n, para in enumerate(text[:20000].split("\n")):
        if n > 60:
            break
        start = pos
        pos += len(para) + 1
        if not para.strip() or para.lstrip().startswith("#"):
            continue
        head = para[:220]
        for m in sorted(filter(None, (DATE_MDY.search(head), DATE_DMY.search(head))), key=lambda m: m.start()):
            prefix = head[: m.start()]
            if _DATELINE_BAD.search(_WIRE.sub("", prefix)) or len(prefix) > 110 or _in_sentence(prefix):
                continue
            iso = iso_from_match(m)
            if not iso:
                continue
            after = para[m.end():]
            lead = m.end() + _DATELINE_TAIL.match(after).end()
            wire = _WIRE_TAIL.match(para[lead:])
            if wire:
                lead += wire.end()
            return iso, m.start() + start, start + lead
    return None, None, None


_LOWER_WORD = re.compile(r"(?<![\w(])[a-z][a-z]+\b")


def _in_sentence(prefix: str) -> bool:
    """True when the words before a date are a sentence ("Meeting to be held on"), not a place."""
    prefix = re.sub(r"\([^()]*\)", " ", prefix)  # "(GLOBE NEWSWIRE)", "(Nasdaq: X)"
    return len(_LOWER_WORD.findall(prefix)) >= 2 or bool(re.search(r"\b(?:on|of|by|from|until|since|before|after)\s*$", prefix))


def press_release_company(text: str, lead_start: int | None) -> str | None:
    """The issuer of a press release as its lead names it, else its "About X" section."""
    paras = []
    if lead_start is not None:
        paras.append(text[lead_start: lead_start + 600])
    paras += [p.strip() for p in text[:8000].split("\n") if p.strip() and not p.lstrip().startswith("#")][:8]
    for para in paras:
        name = _lead_name(para)
        if name:
            return name
    for m in _ABOUT.finditer(text):
        name = clean_name(m.group("name"))
        if name and not re.match(r"(?i)(forward|this|the offering|us\b)", name):
            return name
    return None


_CONNECTORS = {"of", "and", "und", "de", "du", "la", "le", "del", "der", "für", "&", "-", "–", "for", "the"}


def _capitalized(name: str) -> bool:
    """A name's words (after the first, which may be "u-blox") start with a capital or digit."""
    words = name.split()
    return 0 < len(words) <= 9 and all(w in _CONNECTORS or w[0].isupper() or w[0].isdigit() for w in words[1:])


def signature_company(block: str) -> str | None:
    """The registrant named in the signature block, between "duly authorized." and "By:"."""
    m = re.search(r"(?i)duly\s+authorized\.?", block)
    if not m:
        return None
    for line in block[m.end():].split("\n")[:8]:
        line = line.strip()
        if not line:
            continue
        if re.match(r"(?i)(by|date|dated|/s/|name|title)\b", line):
            return None
        name = clean_name(line.split(" | ")[0])
        if name and not first_date(name):
            return name
    return None


def same_name(a: str, b: str) -> bool:
    """True when two spellings differ only in case and punctuation ("ENTERTAINMENT'S" = "ENTERTAINMENTS")."""
    def key(x: str) -> str:
        x = re.sub(r"\s*/[A-Za-z]{2,3}/?\s*$", "", x)  # conformed names end in a state: "/DE/"
        return re.sub(r"[^a-z0-9]", "", x.lower())
    return bool(a and b) and key(a) == key(b)


def _lead_name(para: str) -> str | None:
    para = re.sub(r"[ \t]*\n[ \t]*", " ", para)  # a hard-wrapped lead ("Acme Widgets,\nInc. (Nasdaq: X)")
    para = re.sub(r"^\s{0,3}/[^/\n]{1,40}/\s{0,3}[-–—]{1,3}\s{0,3}", "", para)  # "/WIRE/ -- " left of the lead
    para = re.sub(r"^[\W_]*(?=[\w“\"])", "", para)  # bullets, dashes, markdown left before the lead
    para = re.sub(r"^(?:The\s+)?Board\s+of\s+Directors\s+of\s+", "", para)  # "The Board of Directors of X today declared"
    m = _NAME_END.search(para[:250])
    if m and m.start() > 0:
        cand = para[: m.start()].strip(" ,")
        # "BOXABL and FG Merger II Corp. (NASDAQ: FGMC)": the one whose ticker follows
        if " and " in cand and para[m.start():].lstrip(" ,").startswith("("):
            cand = cand.rsplit(" and ", 1)[1]
        cand = re.sub(r"^The\s+", "", cand)
        if _NAME_OK.match(cand) and _capitalized(cand) and cand[0].isalnum():
            return cand
    m = _LEGAL_NAME.match(para)
    if m:
        return m.group("name")
    return None
