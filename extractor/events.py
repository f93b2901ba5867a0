"""The event stage: sentences of a parsed filing → normalized corporate-action events.

Each sentence that passes the keyword prefilter is run through the spaCy pipeline
(``extractor.nlp``); its cue, date and ratio spans become *mentions*; the mentions of
one filing are then merged into one event per distinct fact (guideline rule 2).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Span

from . import dates as dates_mod
from . import learned
from .cues import CUE_LOW, PREFILTER_RE, event_cues, prefilter
from .nlp import load_pipeline, spans_in
from .ratios import RatioMention, find_ratios
from .records import Event, Filing, Section
from .vocab import SPLIT_TYPES, STATUS_RANK

# Section kinds whose text can state events; the signature block cannot.
SCANNED_KINDS = ("cover", "exhibit_description", "exhibit", "item", "press_release", "body")
PRESS_KINDS = ("press_release",)

_STATUS_RE = {
    "withdrawn": re.compile(r"\b(?:withdr[ae]wn?|withdraws|abandon(?:ed|s)?|will\s+not\s+(?:proceed|effect|implement))\b", re.I),
    "rejected": re.compile(r"\b(?:not\s+(?:been\s+)?approved|did\s+not\s+(?:approve|receive|pass|obtain)|rejected|"
                           r"failed\s+to\s+(?:pass|receive|obtain|be\s+approved))\b", re.I),
    "effective": re.compile(
        r"\b(?:(?:become|becomes|became|be|is|was|are|were|shall\s+be|will\s+be|go|went|goes)\s+effective|"
        r"effective\s+(?:as\s+of|on|at|immediately|upon|from|with|before|after|\d)|takes?\s+effect|took\s+effect|"
        r"completed|completes|completion\s+of|(?<!to\sbe\s)effected|effectuated|implemented|implements|"
        r"will\s+implement|begin\s+trading|commence\s+trading|(?:split|consolidation)-adjusted\s+basis|"
        r"post-(?:reverse[\s\-])?(?:split|consolidation)\s+basis|has\s+been\s+effected|new\s+CUSIP)\b", re.I),
    "approved": re.compile(r"\b(?:approved|approves|authori[sz]ed|authori[sz]es|adopted|ratified|resolved\s+to|declared|declares|carried|"
                           r"granted\s+(?:the\s+)?(?:board|directors)\s+(?:the\s+)?authority|received\s+approval)\b", re.I),
    "proposed": re.compile(r"\b(?:propos(?:al|als|ed|es|ing)|propose|to\s+approve|vote\s+(?:on|upon)|voting\s+on|"
                           r"seek(?:s|ing)?\s+(?:\w+\s+)?approval|recommend(?:s|ed)?|consent\s+solicitation|"
                           r"to\s+authori[sz]e|to\s+consider|for\s+approval|intention\s+to|intends?\s+to)\b", re.I),
}
_SPLIT_STATUS_ORDER = ("withdrawn", "rejected", "effective", "approved", "proposed")

_HYPOTHETICAL = re.compile(
    r"\b(?:may(?!\s+\d)|might|could|would|should|if|whether|unless|in\s+the\s+event|no\s+plans?|no\s+intention|"
    r"not\s+(?:to\s+)?(?:pursue|effect|implement)|possible|potential(?:ly)?|risks?|cannot|can\s+be\s+no\s+assurance|"
    r"forward-looking|must|intends?\s+to|plans?\s+to|expects?\s+to|in\s+order\s+to\s+regain|"
    r"there\s+is\s+no\s+guarantee|any\s+future|from\s+time\s+to\s+time)\b", re.I)
_ADJUSTED = re.compile(
    r"\b(?:adjusted|restated|retroactively|retrospectively)\b[^.]{0,60}?\b(?:reflect|give\s+effect|for)\b|"
    r"\b(?:after|giving|gives)\s+effect\s+to\b|\bas\s+adjusted\s+for\b|\bpre-split\s+basis\b", re.I)
_FIRM_SPLIT = re.compile(
    r"\b(?:approved|announce[sd]?|will\s+(?:become|be)\s+effective|effective\s+(?:as\s+of|on|at)|"
    r"begin\s+trading|split-adjusted\s+basis|implement(?:ed|s)?|completed|effected|vote\s+on|proposal)\b", re.I)
_PREVIOUS = re.compile(r"\b(?:previously\s+(?:effected|completed|implemented)|prior\s+reverse|"
                       r"last\s+(?:reverse\s+)?split|in\s+(?:fiscal\s+(?:year\s+)?)?(?:19|20)\d\d,?\s+(?:we|the\s+company|the\s+registrant)\s+"
                       r"(?:effected|completed|implemented))\b", re.I)

# Meeting words in a window before the cue.
_EXTRA = re.compile(r"\b(?:special|extraordinary|EGM)\b", re.I)
_ANNUAL = re.compile(r"\b(?:annual|AGM|ordinary\s+general)\b", re.I)
_MEETING_HELD = re.compile(r"\b(?:held|convened|took\s+place|concluded|(?:today|yesterday)'?s?|at\s+(?:the|its|today)|"
                           r"results\s+of|voted|approved|elected|re-elected|adopted)\b", re.I)
_MEETING_SCHED = re.compile(r"\b(?:will\s+(?:be\s+)?(?:held|hold|convene|take\s+place|vote)|to\s+be\s+held|"
                            r"scheduled|has\s+called|have\s+called|called\s+(?:a|an)|calls?\s+(?:a|an)|convene|convening|"
                            r"notice\s+of|set\s+(?:the\s+)?(?:date|record\s+date)|will\s+hold|to\s+hold|sets?|upcoming|"
                            r"record\s+date\s+for|will\s+be\s+asked|to\s+vote|to\s+consider|invites?|invited|invitation|"
                            r"take\s+place|will\s+take\s+place)\b", re.I)
_MEETING_NOT = re.compile(r"\b(?:until\s+(?:the\s+)?(?:next|(?:19|20)\d\d|company'?s\s+next|our\s+next)|"
                          r"next\s+annual\s+meeting|(?:19|20)\d\d\s+annual\s+meeting\s+of\s+\w+\s+(?:and|or)\s+until|"
                          r"until\s+(?:his|her|their)\s+successors?|prior\s+(?:annual\s+)?meeting|"
                          r"last\s+year'?s|proxy\s+materials\s+for|"
                          r"terms?\s+(?:of\s+office\s+)?(?:expires?|expiring|will\s+expire|ends?|ending)\s+at)\b", re.I)
# never this filing's meeting, whatever the tense: a next meeting, an intention, a conference, a rule
_MEETING_NEVER = re.compile(r"\b(?:expects?\s+to\s+hold|expected\s+to\s+be\s+held|"
                          r"intends?\s+to\s+hold|advance\s+notice|proposals?\s+(?:for|to\s+be\s+(?:included|presented))|"
                          r"must\s+be\s+received|scientific|conference|symposium|congress|"
                          r"(?:association|society|academy)\s+(?:for|of)|meeting\s+(?:requirement|rule)|"
                          r"present(?:s|ed|ing|ation\s+of)?\s+(?:new\s+|its\s+|the\s+)?(?:clinical\s+|preclinical\s+)?(?:data|research|results|findings|posters?|abstracts?)|"
                          r"(?:data|research|posters?|abstracts?)\s+(?:\w+\s+){0,3}?(?:presented|to\s+be\s+presented))\b", re.I)
# a meeting stated as held or to be held (not "shares held in the name of ...")
_MEETING_HELD_STRONG = re.compile(
    r"\b(?:meeting|AGM|EGM)\b[^.;]{0,120}?\b(?:(?:was|were|will\s+be|is\s+to\s+be|to\s+be|being|duly)\s+(?:held|convened)|"
    r"held\s+on|take\s+place|took\s+place)\b|\b(?:held|convened|hold|holds)\s+(?:its|their|the|a|an)\s+[^.;]{0,60}?meeting", re.I)
# the date of a meeting: after these words, close to the date
_MEETING_DATE_CTX = re.compile(r"\b(?:held|hold|convened?|take\s+place|took\s+place|scheduled|meeting|AGM|EGM|"
                               r"adjourned|postponed|reconvened)\b", re.I)
# dates that are never the meeting's: mailing, record, filing dates
_MEETING_DATE_NOT = re.compile(r"(?:mail\w*|first\s+(?:sent|given|released|made\s+available)|made\s+available|"
                               r"distributed|furnished|filed|published|as\s+of|dated|received|announced|issued)\b[^.;]{0,40}$|"
                               r"(?:record\s+date|of\s+record|close\s+of\s+business)\b[^;]{0,90}$", re.I)
_MAILING = re.compile(r"\b(?:mail(?:ing|ed)?|first\s+(?:sent|given|released|made\s+available)|made\s+available\s+to)\b", re.I)

_DATE_CTX = {
    "effective": re.compile(r"effective|effect|trading|market\s+open|opening|commence|begin|implement", re.I),
    "payment": re.compile(r"payable|paid|payment|distribut", re.I),
    "record": re.compile(r"of\s+record|record\s+date|close\s+of\s+business|as\s+of", re.I),
    "meeting": re.compile(r"held|meeting|convene|on\b", re.I),
}
_NOT_EVENT_DATE = re.compile(r"(?:record\s+date|of\s+record|close\s+of\s+business|as\s+of|ended|ending|through|"
                             r"year\s+ended|quarter|fiscal|dated|since|until|expire[sd]?|by|before|later\s+than)\W{0,8}$", re.I)

_AMOUNT = re.compile(r"(?P<cur>US\$|C\$|\$|USD|EUR|€|£|GBP|CHF|CAD)\s?(?P<amt>\d{1,6}(?:\.\d{1,6})?)\)?\s*(?:per|a|for\s+each)\s+"
                     r"(?:\w+\s+){0,3}?share", re.I)
_CUSIP = re.compile(r"\bCUSIP\b[^.;]{0,40}?\b([0-9A-Z]{6}\s?[0-9A-Z]{2}\s?[0-9A-Z])\b")
_CURRENCY = {"$": "USD", "US$": "USD", "USD": "USD", "EUR": "EUR", "€": "EUR", "£": "GBP", "GBP": "GBP",
             "CHF": "CHF", "C$": "CAD", "CAD": "CAD"}

# A dateline: "CITY, State, Month D, YYYY -" / "Month D, YYYY (WIRE) -" at a paragraph's start.
_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_MDY = _MON + r"\s+\d{1,2},?\s+(?:19|20)\d\d"
_DMY = r"\d{1,2}\s+" + _MON + r",?\s+(?:19|20)\d\d"
_AFTER_DATELINE = r"\s*(?:[-–—―/(|]|\(|PRNewswire|GLOBE|Business\s*Wire)"
_DATELINE = re.compile(r"(?:^|\n)[^\n]{0,120}?(?P<date>" + _MDY + ")" + _AFTER_DATELINE, re.I)
# A dateline that is a line of its own: "20 March 2024" / "March 20, 2024" (the release's date, under its heading).
_DATELINE_LINE = re.compile(r"(?:^|\n)[ \t]{0,40}(?:[A-Z][A-Za-z.]{1,20}(?:[ \t][A-Z][A-Za-z.]{1,20}){0,2},[ \t]{1,3})?"
                            r"(?P<date>" + _DMY + "|" + _MDY + r")[ \t]*(?=\n|$)", re.I)
# the same with the day first: "CITY, Country, 20 March 2024 - ..."
_DATELINE_DMY = re.compile(r"(?:^|\n)[^\n]{0,120}?(?P<date>" + _DMY + ")" + _AFTER_DATELINE, re.I)
_PR_DATED = re.compile(r"press\s+release\s+(?:dated|issued(?:\s+on)?|of)\s+", re.I)
_ISSUED_PR = re.compile(r"\b(?:issued|released|distributed|published)\s+(?:a\s+|the\s+)?(?:joint\s+)?press\s+release|"
                        r"\bpress\s+release\s+(?:dated|issued)|\bannounced\b", re.I)


@dataclass
class Mention:
    """One sentence's statement of one event type, before merging."""

    type: str
    section: Section
    start: int
    end: int
    text: str
    status: str | None = None
    date: str | None = None
    precision: str | None = None
    ratio: RatioMention | None = None
    meeting_type: str | None = None
    subject: str | None = None
    extras: dict = field(default_factory=dict)
    confidence: float = 0.7


@dataclass
class _Sent:
    text: str
    start: int            # absolute offset in Filing.text
    end: int
    section: Section
    cues: dict[str, list[tuple[int, int]]]     # label → spans relative to text
    dates: list[dates_mod.DateMention]         # relative offsets
    ratios: list[RatioMention]
    cats: dict[str, float]
    datelines: tuple[int, ...] = ()   # starts of dates that are a press release's dateline
    base: str | None = None           # the date relative dates are read against (its release's dateline)


# ---------------------------------------------------------------- blocks and sentences

_BLOCK_SPLIT = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*(?:Item\s+\d|ITEM\s+\d|\(\w\)\s|•|\u2022|\d+\.\s+[A-Z]))")


def _blocks(filing: Filing, section: Section) -> Iterator[tuple[int, str]]:
    text = filing.text[section.start:section.end]
    pos = 0
    for m in _BLOCK_SPLIT.finditer(text):
        yield section.start + pos, text[pos:m.start()]
        pos = m.end()
    yield section.start + pos, text[pos:]


def _scanned_sections(filing: Filing) -> list[Section]:
    secs = [s for s in filing.sections if s.kind in SCANNED_KINDS]
    if not any(s.kind == "exhibit_description" for s in secs):
        secs += [s for s in filing.sections if s.kind == "exhibit_index"]
    # Overlapping sections (an exhibit description inside the cover) are scanned once,
    # as the most specific one.
    secs.sort(key=lambda s: (s.start, -(s.end - s.start)))
    return secs


# A sentence ends at . ! ? or ; before white space, unless the word before the point is
# an abbreviation ("Inc.", "Jan.", "U.S.", "p.m.", an initial).
_SENT_END = re.compile(r"[.!?;]+[\"'”’)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.&\-]{0,25})\.$")
_ABBREV = frozenset("""inc corp co ltd llc lp plc cos bros jan feb mar apr jun jul aug sep sept oct nov dec
mr mrs ms dr st no nos vs etc approx dept est fig gov hon jr sr messrs mt ave blvd cal fla
ill mass mich minn nev penn tenn tex va wash wis conn del md mo ore pa ariz colo ga ky la""".split())
_MAX_SENT = 5000


def _sentence_spans(block: str) -> Iterator[tuple[int, int]]:
    """Cheap sentence boundaries of a block: (start, end) offsets."""
    pos = 0
    for m in _SENT_END.finditer(block):
        end = m.end()
        if block[m.start()] == ".":
            w = _WORD_BEFORE.search(block, max(0, m.start() - 30), m.start() + 1)
            if w:
                word = w.group(1)
                if len(word) == 1 or "." in word or word.lower() in _ABBREV:
                    continue
        if end - pos > 0:
            yield pos, end
        pos = end
    if pos < len(block):
        yield pos, len(block)


def candidate_sentences(filing: Filing) -> list[tuple[int, str, Section]]:
    """(absolute start, text, section) of each sentence that can hold an event: the cheap
    stage before spaCy — blocks of the scanned sections, split into sentences by a regex,
    kept only where the keyword prefilter matches."""
    out: list[tuple[int, str, Section]] = []
    seen: set[int] = set()
    for section in _scanned_sections(filing):
        for start, block in _blocks(filing, section):
            if start in seen or not prefilter(block):
                continue
            seen.add(start)
            if len(block) > 200_000:
                block = block[:200_000]
            for a, b in _sentence_spans(block):
                # leading white space is not part of a sentence
                while a < b and block[a].isspace():
                    a += 1
                while b > a and block[b - 1].isspace():
                    b -= 1
                if b <= a:
                    continue
                # a run-on "sentence" (a table without full stops) is cut into pieces
                for c in range(a, b, _MAX_SENT):
                    piece = block[c:min(b, c + _MAX_SENT)]
                    if prefilter(piece):
                        out.append((start + c, piece, section))
    return out


def sentences(filing: Filing, nlp: Language | None = None) -> list[_Sent]:
    """The sentences of a filing that can hold an event, with their spans.

    Only the prefiltered sentence candidates reach spaCy (one small doc each)."""
    nlp = nlp or load_pipeline()
    # a sentence without any event cue states no event: it need not reach spaCy
    items = [(text, (start, section)) for start, text, section in candidate_sentences(filing)
             if event_cues(text) or _ISSUED_PR.search(text)]
    bases: dict[tuple[int, int], str | None] = {}
    out: list[_Sent] = []
    for doc, (start, section) in nlp.pipe(items, as_tuples=True, batch_size=256):
        key = (section.start, section.end)
        if key not in bases:
            bases[key] = _section_base(filing, section)
        for sent in doc.sents:
            if not prefilter(sent.text):
                continue
            out.append(_make_sent(sent, start, section, bases[key]))
    return out


def _section_base(filing: Filing, section: Section) -> str | None:
    """Relative dates ("yesterday", "next Monday") are read against the dateline of the
    release they stand in; elsewhere against the filing's own date."""
    if _is_press_release(filing, section):
        head = filing.text[section.start:min(section.end, section.start + 3000)]
        m = _DATELINE.search(head)
        if m:
            norm = dates_mod.normalize(m.group("date"), filing.base_date)
            if norm and norm[1] == "day":
                return norm[0]
    return filing.base_date


def _make_sent(sent: Span, block_start: int, section: Section, base) -> _Sent:
    off = sent.start_char
    cues: dict[str, list[tuple[int, int]]] = {}
    for sp in spans_in(sent, "cues"):
        cues.setdefault(sp.label_, []).append((sp.start_char - off, sp.end_char - off))
    text = sent.text
    # dates are read from the sentence's own text: exact offsets (a token span may be wider)
    found = dates_mod.find_dates(text, base) if spans_in(sent, "dates") else []
    # the ca_ratios spans say whether the sentence has a ratio; parse it only then
    ratios = find_ratios(text) if spans_in(sent, "ratios") else []
    return _Sent(text, block_start + sent.start_char, block_start + sent.end_char, section,
                 cues, found, ratios, dict(sent.doc.cats), _dateline_starts(text, found), base)


# "CITY, State - Month D, YYYY (WIRE) - ...": the release's own date, not an event's
_DATELINE_AFTER = re.compile(r"\s{0,6}(?:\(|[-–—―/|]|\d{1,2}:\d\d)")
_DATELINE_BEFORE_NOT = re.compile(r"\b(?:on|dated|of|as|from|until|since|by|before|after)\W{0,8}$", re.I)


_TODAY_SAID = re.compile(r"\s{1,5}(?:announced|announces|reported|said|issued|released|published|declared)\b", re.I)


def _dateline_starts(text: str, found: list) -> tuple[int, ...]:
    out = []
    for d in found:
        if d.relative and d.text.lower() == "today" and (
                _TODAY_SAID.match(text, d.end) or re.search(r"\b(?:announced|reported|said)\s+$", text[max(0, d.start - 20):d.start], re.I)):
            out.append(d.start)  # "today announced": the release's own day, not an event's
            continue
        if d.start > 160 or d.precision != "day" or d.relative:
            continue
        if _DATELINE_AFTER.match(text, d.end) and not _DATELINE_BEFORE_NOT.search(text[:d.start]) \
                and len(text[:d.start].split()) <= 12:
            out.append(d.start)
    return tuple(out)


# ---------------------------------------------------------------- helpers

def _status(text: str, order=_SPLIT_STATUS_ORDER) -> str | None:
    for name in order:
        if _STATUS_RE[name].search(text):
            if name == "approved" and _STATUS_RE["proposed"].search(text) and re.search(
                    r"\b(?:to\s+approve|if\s+approved|upon\s+approval|subject\s+to\s+(?:\w+\s+){0,3}approval|for\s+approval)\b", text, re.I) \
                    and not re.search(r"\b(?:stockholders|shareholders)\s+(?:\w+\s+){0,2}approved\b", text, re.I):
                return "proposed"
            return name
    return None


def _hypothetical(text: str) -> bool:
    return bool(_HYPOTHETICAL.search(text))


def _historical(s: _Sent, base: str | None) -> bool:
    """A sentence about the past: every date it states lies well before the filing."""
    if base is None or not s.dates:
        years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", s.text)]
        if base and years and max(years) < int(base[:4]) - 1:
            return True
        return False
    gaps = [dates_mod.days_between(base, d.value if d.precision == "day" else d.value + "-01") for d in s.dates]
    gaps = [g for g in gaps if g is not None]
    return bool(gaps) and min(gaps) > 400


def _pick_date(s: _Sent, ctx: re.Pattern, avoid: re.Pattern | None = _NOT_EVENT_DATE,
               window: int = 70) -> dates_mod.DateMention | None:
    """The date of the sentence whose nearby words say it is the date we want."""
    best, best_score = None, None
    for d in s.dates:
        if d.start in s.datelines:
            continue
        before = s.text[max(0, d.start - window):d.start]
        after = s.text[d.end:d.end + 25]
        if avoid is not None and avoid.search(before[-30:]):
            continue
        hits = [m.end() for m in ctx.finditer(before)]
        score = None
        if hits:
            score = len(before) - hits[-1]
        elif ctx.search(after):
            score = 50
        if score is not None and (best_score is None or score < best_score):
            best, best_score = d, score
    return best


def _first_cue_pos(s: _Sent, *labels: str) -> int | None:
    pos = [a for lab in labels for a, _ in s.cues.get(lab, [])]
    return min(pos) if pos else None


def _subject(s: _Sent) -> str:
    """What a vote or an announcement is about: the corporate action the sentence names."""
    order = []
    for label, typ in (("reverse_split", "reverse_stock_split"), ("forward_split", "stock_split"),
                       ("merger", "merger"), ("name_change", "name_change"), ("delisting", "delisting"),
                       ("dividend", "cash_dividend")):
        pos = _first_cue_pos(s, label)
        if pos is not None:
            order.append((pos, typ))
    return min(order)[1] if order else "other"


def _evidence(s: _Sent) -> str:
    return " ".join(s.text.split())


# ---------------------------------------------------------------- per-type rules

def _split_mentions(s: _Sent, base: str | None) -> list[Mention]:
    out = []
    text = s.text
    rev = "reverse_split" in s.cues
    fwd = "forward_split" in s.cues and not rev
    if not (rev or fwd):
        return out
    if _ADJUSTED.search(text) and not re.search(r"begin\s+trading|split-adjusted\s+basis\s+(?:on|at|when|beginning)", text, re.I):
        return out
    if _PREVIOUS.search(text) or _historical(s, base):
        return out
    hypo = _hypothetical(text)
    status = _status(text)
    if status is None and not hypo and (re.search(r"\bannounce[sd]?\b", text, re.I) or re.search(
            r"\b(?:will|shall)\s+be\s+(?:consolidated|combined)\s+into\b", text, re.I) and not re.search(
            r"\b(?:minimum|maximum|range|between|up\s+to|depending)\b", text, re.I)):
        status = "approved"  # the company announces the split it decided / states how it will work
    if status is None:
        return out
    if hypo and not re.search(r"\b(?:approved|will\s+(?:become|be)\s+effective|begin\s+trading|announce[sd]|"
                              r"has\s+(?:approved|effected|completed)|vote\s+on|proposal|to\s+approve)\b", text, re.I):
        return out
    typ = "reverse_stock_split" if rev else "stock_split"
    if typ == "stock_split" and re.search(r"\bsplit[\s\-]+(?:adjusted|basis)\b", text, re.I) and status != "effective":
        return out
    ratio = None
    cue_pos = _first_cue_pos(s, "reverse_split" if rev else "forward_split") or 0
    cands = [r for r in s.ratios if r.kind == "range" or r.oriented(rev) is not None]
    if cands:
        ranges = [r for r in cands if r.kind == "range"]
        ratio = ranges[0] if ranges else min(cands, key=lambda r: abs(r.start - cue_pos))
    date = None
    if status == "effective":
        d = _pick_date(s, _DATE_CTX["effective"])
        if d is not None:
            date = d
    m = Mention(typ, s.section, s.start, s.end, _evidence(s), status=status,
                date=date.value if date else None, precision=date.precision if date else None,
                ratio=ratio, confidence=0.8 if ratio else 0.7)
    cusip = _CUSIP.search(text)
    if cusip:
        m.extras["new_cusip"] = cusip.group(1).replace(" ", "")
    out.append(m)
    return out


def _meeting_date(s: _Sent) -> dates_mod.DateMention | None:
    """The date a sentence gives its meeting: close after "held / meeting / take place",
    or just before "... held"; never a mailing, record or dateline date."""
    best, best_score = None, None
    for d in s.dates:
        if d.start in s.datelines:
            continue
        before = s.text[max(0, d.start - 130):d.start]
        if _MEETING_DATE_NOT.search(before) or _NOT_EVENT_DATE.search(before[-30:]):
            continue
        hits = [m.end() for m in _MEETING_DATE_CTX.finditer(before)]
        score = None
        if re.search(r"\b(?:originally|previously|initially|formerly)\b[^;]{0,60}$", before, re.I):
            continue
        if _MAILING.search(s.text) and not re.search(r"\b(?:held|take\s+place)\s+(?:on\s+)?(?:\w+day,?\s+)?$", before, re.I):
            continue
        if hits and len(before) - hits[-1] <= 120 and (not dates_mod.DATE_RE.search(before[hits[-1]:]) or _RELATIVE_APPOSITION.fullmatch(before[hits[-1]:])):
            score = len(before) - hits[-1]
        elif re.match(r"[^;]{0,90}?\b(?:held|convened|hold|holds|will\s+hold)\b", s.text[d.end:d.end + 100], re.I):
            score = 45
        if score is not None and (best_score is None or score < best_score):
            best, best_score = d, score
    return best


# "held yesterday, 15 March": a relative day restated as a date
_RELATIVE_APPOSITION = re.compile(r"\s{0,3}(?:on\s+)?(?:yesterday|today|this\s+morning|this\s+afternoon)\s{0,3}[,(]\s{0,3}", re.I)


def _meeting_mentions(s: _Sent, base: str | None) -> list[Mention]:
    spans = s.cues.get("meeting")
    if not spans:
        return []
    text = s.text
    strong = _MEETING_HELD_STRONG.search(text)
    if _MEETING_NOT.search(text) and not strong or _MEETING_NEVER.search(text):
        return []
    if base:
        years = [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\s+(?:annual|special|extraordinary|general)", text, re.I)]
        if years and min(years) > int(base[:4]):
            return []  # next year's meeting
    if _historical(s, base):
        return []
    a, b = spans[0]
    mtype = _meeting_type(text[max(0, a - 45):b])
    held = _MEETING_HELD.search(text)
    sched = _MEETING_SCHED.search(text)
    if not held and not sched:
        return []
    if _MEETING_HYPO.search(text) and not strong:
        return []
    d = _meeting_date(s)
    if d is None and base and re.search(r"\btoday['’]s\s+(?:\w+\s+){0,4}?(?:meeting|AGM|EGM)|"
                                        r"\b(?:meeting|AGM|EGM)\b[^.;]{0,60}?\b(?:held\s+)?today\b", text, re.I):
        d = dates_mod.DateMention("today", 0, 0, base, "day", True)
    status = None
    if held and re.search(r"\b(?:held|convened|took\s+place|today'?s|results|approved|elected|voted|adopted)\b", text, re.I) \
            and not re.search(r"\bwill\s+(?:be\s+)?(?:held|hold)|to\s+be\s+held\b", text, re.I):
        status = "held"
    elif sched:
        status = "scheduled"
    if status is None:
        status = "held" if d and base and d.value <= base else "scheduled"
    if d is not None and base and d.precision == "day":
        # the tense may mislead ("at the meeting, stockholders will vote"): the date decides
        if status == "scheduled" and d.value < base and not s.section.kind == "body":
            status = "held"
        elif status == "held" and d.value > base:
            status = "scheduled"
    if d is None and status == "scheduled" and not mtype:
        return []
    if d is None and status == "scheduled" and re.search(
            r"\bregistration\s+statement|\bproxy\s+statement/prospectus|\bwill\s+(?:be\s+)?(?:file|filed|sent|mailed)", text, re.I):
        return []  # a meeting not yet called: only its future proxy is spoken of
    return [Mention("shareholder_meeting", s.section, s.start, s.end, _evidence(s), status=status,
                    date=d.value if d else None, precision=d.precision if d else None,
                    meeting_type=mtype, confidence=0.8 if d else 0.6)]


def _meeting_type(window: str) -> str | None:
    """annual / extraordinary from the words before "meeting": the first kind named decides
    ("annual and special meeting" is annual; "extraordinary annual general meeting" extraordinary)."""
    ex, an = _EXTRA.search(window), _ANNUAL.search(window)
    if ex and an:
        return "extraordinary" if ex.start() < an.start() else "annual"
    return "extraordinary" if ex else ("annual" if an else None)


_MEETING_HYPO = re.compile(r"\b(?:if|may(?!\s+\d)|would|could|must|should)\b", re.I)


_VOTE_HYPO = re.compile(r"\b(?:if|unless|whether|must|may|would|should|to\s+be\s+approved|will\s+vote|will\s+be\s+asked|"
                        r"are\s+being\s+asked|recommends?|requires?|required|need)\b", re.I)


_VOTE_OUTCOME = re.compile(r"\b(?:approved|adopted|ratified|elected|re-elected|rejected|passed|voted|carried|defeated|"
                           r"did\s+not\s+(?:approve|adopt|pass|ratify)|"
                           r"failed|received|obtained|resolved|granted|authori[sz]ed|approval)\b", re.I)
_ANAPHORA = re.compile(r"\A\W{0,8}(?:(?:the|this|such|these|that)\s+(?:move|action|change|changes|measure|step|decision|"
                       r"split|consolidation|transaction|proposal|amendment)\b|(?:this|it)\b|"
                       r"(?:following|after)\s+(?:\w+\s+){0,4}?approvals?\b)", re.I)
_ROUTINE = re.compile(r"\b(?:directors?|auditors?|accounting\s+firm|compensation|say-on-pay|incentive|adjourn\w*|"
                      r"remuneration|elect\w*|board\s+members?|supervisory\s+board|financial\s+statements|discharge)\b", re.I)


def _vote_date(s: _Sent) -> dates_mod.DateMention | None:
    """The date of a vote: its meeting's date, or "On <date>, the stockholders approved",
    or "by written consent dated / vote on <date>"."""
    d = _meeting_date(s)
    if d is not None:
        return d
    for d in s.dates:
        if d.start in s.datelines:
            continue
        before = s.text[max(0, d.start - 90):d.start]
        if _MEETING_DATE_NOT.search(before) or _NOT_EVENT_DATE.search(before[-30:]):
            continue
        if re.search(r"(?:^|\bon|\bas\s+of)\W{0,8}$", before, re.I) and re.match(
                r"[^;]{0,120}?\b(?:approved|voted|adopted|ratified|elected|re-elected|rejected|authori[sz]ed|consented)\b",
                s.text[d.end:d.end + 140], re.I):
            return d
        if re.search(r"\b(?:vote|voting|consent|approval)\b[^;]{0,25}$|"
                     r"\b(?:approved|adopted|ratified|voted|elected|authori[sz]ed)\b[^;]{0,40}?\b(?:on|at)\s+$", before, re.I):
            return d
    return None


def _approval_mentions(s: _Sent, base: str | None) -> list[Mention]:
    if "shareholder_vote" not in s.cues:
        return []
    text = s.text
    if _VOTE_HYPO.search(text) and not re.search(r"(?<!be\s)\b(?:approved|adopted|ratified|elected)\b", text, re.I):
        return []
    if re.search(r"\bpreviously\s+(?:been\s+)?(?:approved|adopted)|\bwill\s+be\s+(?:approved|adopted|elected)\b", text, re.I) \
            and not re.search(r"\b(?:were|was|have|has)\s+(?:duly\s+)?(?:approved|adopted|elected)\b", text, re.I):
        return []
    if re.search(r"\bif\s+(?:\w+\s+){0,4}(?:approved|approve)|\bonce\s+approved|\bsubject\s+to\s+(?:\w+\s+){0,3}approval", text, re.I):
        return []
    if _historical(s, base):
        return []
    in_507 = s.section.kind == "item" and (s.section.number or "").startswith("5.07")
    mechanical = all(re.match(r"(?:broker|votes?\s+cast)", text[a:b], re.I) for a, b in s.cues["shareholder_vote"])
    if (not _VOTE_OUTCOME.search(text) or mechanical) and not in_507:
        return []  # vote mechanics ("broker non-votes will be counted ..."), no outcome
    if re.search(r"\bplans?\s+(?:not\s+)?approved\s+by\b", text, re.I) and not in_507:
        return []  # the equity-plan table's heading
    status = "rejected" if _STATUS_RE["rejected"].search(text) else "approved"
    subject = _subject(s)
    d = _vote_date(s)
    return [Mention("shareholder_approval", s.section, s.start, s.end, _evidence(s), status=status,
                    date=d.value if d else None, precision=d.precision if d else None,
                    subject=subject, confidence=0.75)]


_RECORD_BEFORE = re.compile(r"(?:of\s+record|record\s+date|close\s+of\s+business|record\s+holders)\b[^;]{0,40}$", re.I)
_PAY_BEFORE = re.compile(r"\b(?:payable|paid|pay|payment|distribut\w*|disbursed)\b[^;]{0,80}$", re.I)
_EX_BEFORE = re.compile(r"\bex-?(?:dividend\s+)?date\b[^;]{0,30}$", re.I)


def _dividend_dates(text: str, found, datelines=()) -> tuple:
    """(payment date, record date) of a dividend sentence: a date right after "of record /
    record date" is the record date; one after "payable / paid / pay" the payment date."""
    pay = rec = None
    for d in found:
        if d.start in datelines:
            continue
        before = text[max(0, d.start - 90):d.start]
        near = before[-45:]
        if _RECORD_BEFORE.search(near):
            rec = rec or d
        elif _EX_BEFORE.search(near):
            continue
        elif _PAY_BEFORE.search(before) and not _NOT_EVENT_DATE.search(before[-20:]):
            pay = pay or d
    return pay, rec


def _dividend_mentions(s: _Sent, base: str | None) -> list[Mention]:
    if "dividend" not in s.cues:
        return []
    text = s.text
    if re.search(r"contingent\s+value\s+rights?|\bCVRs?\b|rights?\s+(?:plan|agreement)|dividend\s+of\s+(?:one|a|\d+)\s+"
                 r"(?:\w+\s+){0,2}?(?:rights?|warrants?|shares?)\b|in[\s\-]kind", text, re.I):
        return []  # not a cash dividend
    if re.search(r"reinvest|stock\s+dividend|dividend\s+policy|no\s+dividends|not\s+(?:paid|declared)|"
                 r"any\s+dividends|future\s+dividends|dividends?\s+(?:paid|declared)\s+(?:in|during)|"
                 r"preferred\s+(?:stock|shares)", text, re.I) and not re.search(r"\bpayable\b", text, re.I):
        return []
    if _hypothetical(text) and not re.search(r"\bdeclared?\b|\bpayable\b", text, re.I):
        return []
    if _historical(s, base):
        return []
    pay, rec = _dividend_dates(s.text, s.dates, s.datelines)
    date = pay or rec
    m = Mention("cash_dividend", s.section, s.start, s.end, _evidence(s),
                date=date.value if date else None, precision=date.precision if date else None,
                confidence=0.75)
    if pay:
        m.extras["payment_date"] = pay.value
    if rec:
        m.extras["record_date"] = rec.value
    am = _AMOUNT.search(text)
    if am:
        m.extras["amount"] = am.group("amt")
        m.extras["currency"] = _CURRENCY.get(am.group("cur").upper(), _CURRENCY.get(am.group("cur")))
    return [m]


_MERGER_OWN = re.compile(r"\b(?:acquired\s+by|merge[sd]?\s+with\s+and\s+into|merger\s+sub|business\s+combination|"
                         r"merger\s+of\s+equals|plan\s+of\s+(?:merger|arrangement)|agreement\s+and\s+plan\s+of\s+merger|"
                         r"merger\s+agreement|amalgamation|combined\s+company|previously\s+announced\s+merger)\b", re.I)
# a plan of arrangement is also used for spin-offs and reorganisations: it needs acquisition words
_ARRANGEMENT_ONLY = re.compile(r"\bplan\s+of\s+arrangement\b", re.I)
_ACQUISITION = re.compile(r"\b(?:acqui\w+|merg\w+|amalgamat\w+|take-?over|purchase\s+all|business\s+combination)\b", re.I)
# dates that say when something was announced or held, not when a deal was signed or closed
_ANNOUNCED_AFTER = re.compile(r"^[^;]{0,120}?\b(?:announced|issued\s+a\s+press\s+release|reported)\b", re.I)


def _merger_date(s: _Sent) -> dates_mod.DateMention | None:
    """Completion date, else the agreement's date: after "completed / closed / effective" or
    "agreement ... dated / entered into on"; never the day it was announced or a meeting held."""
    best, best_score = None, None
    for d in s.dates:
        if d.start in s.datelines:
            continue
        before = s.text[max(0, d.start - 90):d.start]
        if re.search(r"\b(?:held|meetings?|record\s+date|of\s+record)\b[^;]{0,30}$", before, re.I):
            continue
        if _ANNOUNCED_AFTER.match(s.text[d.end:]) and not re.search(r"\bdated\s*$", before, re.I):
            continue
        m = None
        for m in re.finditer(r"\b(?:complet\w*|consummat\w*|clos\w*|effective|dated|entered\s+into|signed|executed)\b", before, re.I):
            pass
        if re.search(r"(?:^|\bon)\W{0,8}$", before, re.I) and re.match(
                r"[^;]{0,100}?\b(?:completed|consummated|closed)\b", s.text[d.end:d.end + 120], re.I):
            score = -200  # "On <date>, the Company completed its merger"
            if best_score is None or score < best_score:
                best, best_score = d, score
            continue
        if re.search(r"(?:^|\bon)\W{0,8}$", before, re.I) and re.match(
                r"[^;]{0,200}?\b(?:entered\s+into|signed|executed)\b", s.text[d.end:d.end + 240], re.I):
            score = 0  # "On <date>, the Company entered into a merger agreement"
            if best_score is None or score < best_score:
                best, best_score = d, score
            continue
        if m is None:
            continue
        score = len(before) - m.end()
        if re.match(r"complet|consummat|clos|effective", m.group(0), re.I):
            score -= 100  # a completion date wins over an agreement date
        if best_score is None or score < best_score:
            best, best_score = d, score
    return best


_CLOSING_CONDITION = re.compile(r"\b(?:completion|closing|consummation)\s+(?:of\s+(?:the\s+)?\w+\s+)?(?:is|are|will\s+be|remains)\s+"
                                r"(?:subject|conditioned|contingent)\b|\bconditions?\s+to\s+(?:the\s+)?(?:completion|closing|consummation)\b", re.I)


def _merger_mentions(s: _Sent, base: str | None) -> list[Mention]:
    if "merger" not in s.cues:
        return []
    text = s.text
    own = _MERGER_OWN.search(text)
    if not own or _historical(s, base):
        return []
    if _ARRANGEMENT_ONLY.search(own.group(0)) and not _ACQUISITION.search(text):
        return []
    if _hypothetical(text) and not re.search(r"\b(?:entered\s+into|completed|consummated|closed|approved|signed)\b", text, re.I):
        return []
    if not re.search(r"\b(?:entered\s+into|enter\s+into|signed|executed|complete[sd]?|completion|consummat\w+|closed|closes|closing|"
                     r"approved|announced|agreed|effective|terminated)\b", text, re.I):
        return []
    done = re.search(r"\b(?:completed|completes|consummated|consummates|closed|closes|completion|closing)\b", text, re.I)
    if done and _CLOSING_CONDITION.search(text) and not re.search(r"\b(?:completed|consummated|closed)\b", text, re.I):
        done = None  # "Completion of the merger is subject to ...": a condition, not the closing
    d = _merger_date(s)
    return [Mention("merger", s.section, s.start, s.end, _evidence(s),
                    status="effective" if done else "approved",
                    date=d.value if d else None, precision=d.precision if d else None, confidence=0.6)]


def _name_change_mentions(s: _Sent, base: str | None) -> list[Mention]:
    if "name_change" not in s.cues:
        return []
    text = s.text
    if _historical(s, base) or re.search(r"\bformerly\s+known|\bdoing\s+business\s+as\b", text, re.I) and not \
            re.search(r"\bchang", text, re.I):
        return []
    if _hypothetical(text) and not re.search(r"\b(?:approved|effective|will\s+change|changed|announced)\b", text, re.I):
        return []
    if not re.search(r"\b(?:to|from|renamed|name)\b\s+[\"“”A-Z]", text):
        return []
    d = _pick_date(s, re.compile(r"effective|take\s+effect|trading|market\s+open|commenc|begin|changed\s+its\s+name\s+on", re.I))
    return [Mention("name_change", s.section, s.start, s.end, _evidence(s),
                    date=d.value if d else None, precision=d.precision if d else None, confidence=0.6)]


def _delisting_mentions(s: _Sent, base: str | None) -> list[Mention]:
    if "delisting" not in s.cues:
        return []
    text = s.text
    if _historical(s, base) or re.search(r"\b(?:previously|had)\s+(?:previously\s+)?received\b", text, re.I):
        return []
    if re.search(r"\bregain(?:ed|s)?\s+compliance\b", text, re.I) and not re.search(
            r"\b(?:received|receipt)\b", text, re.I):
        return []
    strong = re.search(r"\b(?:delist\w*|Form\s+25|received\s+(?:a\s+|an\s+)?(?:\w+\s+){0,3}(?:letter|notice|notification)|"
                       r"suspend\w*|no\s+longer\s+(?:be\s+)?(?:listed|traded))\b", text, re.I)
    if not strong:
        return []
    if _hypothetical(text) and not re.search(r"\b(?:received|approved|will\s+be\s+delisted|filed|announced|notified)\b", text, re.I):
        return []
    d = _pick_date(s, re.compile(r"\b(?:dated|on|effective|received|notified|as\s+of)\b", re.I), avoid=None)
    return [Mention("delisting", s.section, s.start, s.end, _evidence(s),
                    date=d.value if d else None, precision=d.precision if d else None, confidence=0.6)]


RULES = (_split_mentions, _meeting_mentions, _approval_mentions, _dividend_mentions,
         _merger_mentions, _name_change_mentions, _delisting_mentions)
ACTION_TYPES = ("reverse_stock_split", "stock_split", "cash_dividend", "merger", "name_change",
                "delisting", "shareholder_meeting", "shareholder_approval")


# ---------------------------------------------------------------- announcements

def _dateline(filing: Filing, section: Section) -> tuple[str, int, int] | None:
    """The date a press release states it was issued: its dateline."""
    head = filing.text[section.start:min(section.end, section.start + 3000)]
    m = _DATELINE.search(head) or _DATELINE_DMY.search(head)
    if m is None and _RELEASE_HEAD.search(head, 0, 800):
        m = _DATELINE_LINE.search(head, 0, 1500)  # a date line under the heading of a release that announces
    if not m:
        if section.kind == "press_release" and filing.report_date and filing.report_date_source == "dateline":
            return filing.report_date, section.start, section.start + min(len(head), 200)
        return None
    norm = dates_mod.normalize(m.group("date"), filing.base_date)
    if not norm or norm[1] != "day":
        return None
    return norm[0], section.start + m.start("date"), section.start + m.end("date")


_RELEASE_HEAD = re.compile(r"\b(?:(?:press|news)\s+release|announces|announced\s+today|today\s+announced)\b", re.I)


def _is_press_release(filing: Filing, section: Section) -> bool:
    if section.kind == "press_release":
        return True
    if section.kind == "exhibit" and section.label.upper().startswith("EX-99"):
        return True
    if section.kind == "exhibit" and _RELEASE_HEAD.search(filing.text, section.start, min(section.end, section.start + 600)):
        return True  # an exhibit of another number that is a release ("... announces that ...")
    return False


def _announce_date(s: _Sent) -> dates_mod.DateMention | None:
    """The date a sentence says something was announced: "On June 2, 2025, the Company announced",
    "announced on June 2, 2025", "a press release issued June 2, 2025"."""
    for d in s.dates:
        if d.start in s.datelines:
            continue
        between_after = s.text[d.end:d.end + 150]
        m = re.match(r"[^;]{0,140}?\b(?:announced|issued\s+a\s+(?:joint\s+)?press\s+release|released)\b", between_after, re.I)
        if m and not dates_mod.DATE_RE.search(between_after[:m.start() + len(m.group(0))]) and \
                re.search(r"\b(?:on|dated)\s*$", s.text[max(0, d.start - 10):d.start], re.I):
            return d
        if re.search(r"\b(?:announced|issued|released|press\s+release|dated)\s+(?:by\s+[^,;]{1,40}?\s+)?(?:on\s+|dated\s+)?$",
                     s.text[max(0, d.start - 80):d.start], re.I):
            return d
    return None


def _announcements(filing: Filing, sents: list[_Sent], mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    # 1. each press release that states a corporate action: its dateline date
    by_section: dict[tuple[int, int], list[Mention]] = {}
    for m in mentions:
        by_section.setdefault((m.section.start, m.section.end), []).append(m)
    for section in filing.sections:
        if not _is_press_release(filing, section):
            continue
        ms = [m for m in by_section.get((section.start, section.end), []) if m.type in ACTION_TYPES]
        if not ms:
            continue
        dl = _dateline(filing, section)
        if dl is None:
            continue
        actions = [m for m in ms if m.type not in ("shareholder_approval", "shareholder_meeting")]
        subject = min(actions, key=lambda m: m.start).type if actions else "shareholder_meeting"
        text = filing.text[dl[1]:min(section.end, dl[1] + 400)]
        out.append(Mention("announcement", section, dl[1], dl[1] + len(text.split("\n")[0]),
                           " ".join(text.split("\n")[0].split()), date=dl[0], precision="day",
                           subject=subject, confidence=0.8))
    # 2. "a press release dated X, announcing that ..." and 8-K items that report an announcement
    for s in sents:
        if s.section.kind not in ("exhibit_description", "exhibit_index", "item", "cover", "body"):
            continue
        if "announce" not in s.cues and not _ISSUED_PR.search(s.text):
            continue
        subject = _subject(s)
        if subject == "other":
            if "meeting" in s.cues and s.section.kind in ("exhibit_description", "exhibit_index"):
                subject = "shareholder_meeting"
            elif "shareholder_vote" in s.cues:
                subject = "shareholder_approval"
            else:
                continue
        if _hypothetical(s.text) and "announce" not in s.cues:
            continue
        d = None
        m = _PR_DATED.search(s.text)
        if m:
            after = [x for x in s.dates if x.start >= m.end() and x.start - m.end() < 5]
            d = after[0] if after else None
        if d is None:
            d = _announce_date(s)
        if d is None and s.section.kind in ("item", "cover") and filing.report_date \
                and filing.report_date_source in ("date_of_report", "header") \
                and re.search(r"\bannounced\b|\bpress\s+release\b", s.text, re.I):
            # an 8-K item reporting that the company announced: the cover's date of report (rule 8)
            d = dates_mod.DateMention("", 0, 0, filing.report_date, "day")
        if d is None or d.precision != "day":
            continue
        out.append(Mention("announcement", s.section, s.start, s.end, _evidence(s), date=d.value,
                           precision="day", subject=subject, confidence=0.75))
    return out


# ---------------------------------------------------------------- merging

def _merge_key(m: Mention) -> tuple:
    if m.type in ("shareholder_meeting",):
        return (m.type, m.date)
    if m.type == "shareholder_approval":
        return (m.type, m.subject, m.date)
    if m.type == "announcement":
        return (m.type, m.date)
    return (m.type,)


def _better(a: Mention, b: Mention) -> Mention:
    """Of two mentions of one fact, the one that says more (status, ratio, date)."""
    def score(m: Mention):
        return (STATUS_RANK.get(m.status or "", -1), m.ratio is not None and m.ratio.kind != "range",
                m.ratio is not None, m.date is not None, -m.start)
    return a if score(a) >= score(b) else b


def merge(mentions: list[Mention]) -> list[Mention]:
    """One event per distinct fact: mentions of the same fact fill each other's gaps."""
    # dated meetings absorb undated ones of the same filing
    meetings = [m for m in mentions if m.type == "shareholder_meeting"]
    dated = sorted({m.date for m in meetings if m.date})
    merged: dict[tuple, Mention] = {}
    order: list[tuple] = []
    kinds: dict[tuple, list[str]] = {}
    for m in mentions:
        if m.type == "shareholder_meeting" and m.date is None and dated:
            m = replace(m, date=dated[0], precision="day")
        if m.type == "shareholder_approval" and m.date is None:
            held = [x.date for x in meetings if x.date and x.status == "held"]
            if held:
                m = replace(m, date=held[0], precision="day")
        key = _merge_key(m)
        if m.meeting_type:
            kinds.setdefault(key, []).append(m.meeting_type)
        if key not in merged:
            merged[key] = m
            order.append(key)
            continue
        cur = merged[key]
        best = _better(cur, m)
        other = m if best is cur else cur
        best = replace(best,
                       ratio=best.ratio or other.ratio,
                       date=best.date or other.date,
                       precision=best.precision or other.precision,
                       meeting_type=_meeting_kind(best.meeting_type, other.meeting_type),
                       extras={**other.extras, **best.extras},
                       confidence=max(best.confidence, other.confidence))
        if best.ratio is not None and best.ratio.kind == "range" and other.ratio is not None \
                and other.ratio.kind != "range" and best.status == "effective":
            best = replace(best, ratio=other.ratio)
        merged[key] = best
    out = []
    for k in order:
        m = merged[k]
        if m.type == "shareholder_meeting" and kinds.get(k):
            votes = kinds[k]
            top = max(set(votes), key=lambda t: (votes.count(t), t == m.meeting_type))
            m = replace(m, meeting_type=top)
        out.append(m)
    # an undated approval of a subject that also has a dated one is the same vote
    dated_subjects = {(m.subject) for m in out if m.type == "shareholder_approval" and m.date}
    out = [m for m in out if not (m.type == "shareholder_approval" and m.date is None and m.subject in dated_subjects)]
    return out


def _meeting_kind(a: str | None, b: str | None) -> str | None:
    if "extraordinary" in (a, b):
        return "extraordinary"
    return a or b


# ---------------------------------------------------------------- public

# Dates an action's own sentence leaves out and the next sentences give ("The reverse split
# will become effective on ...", "The dividend is payable on ...", "The meeting will be held on ...").
_FOLLOW_CTX = {
    "reverse_stock_split": re.compile(r"\b(?:effective|take\s+effect|takes\s+effect|begin\s+trading|commence\s+trading|"
                                      r"(?:split|consolidation)-adjusted\s+basis)\b", re.I),
    "name_change": re.compile(r"\b(?:effective|take\s+effect|takes\s+effect|begin\s+trading|commence\s+trading|"
                              r"trade\s+under)\b", re.I),
    "merger": re.compile(r"\b(?:clos(?:e|ed|ing)|complet(?:e|ed|ion)|consummat\w+|effective)\b", re.I),
    "shareholder_meeting": re.compile(r"\b(?:held|take\s+place|takes\s+place|convene[ds]?|scheduled)\b", re.I),
    "cash_dividend": re.compile(r"\b(?:payable|paid|pay)\b", re.I),
}
_FOLLOW_CTX["stock_split"] = re.compile(_FOLLOW_CTX["reverse_stock_split"].pattern + r"|\bdistribut(?:ed|ion|e|es|ing)\b|\bpayable\b", re.I)


def _following(filing: Filing, m: Mention, n: int = 3, limit: int = 900) -> list[str]:
    """The next ``n`` sentences after a mention, in its section."""
    end = min(m.section.end, m.end + limit)
    text = filing.text[m.end:end]
    out = []
    for a, b in _sentence_spans(text):
        piece = text[a:b].strip()
        if piece:
            out.append(piece)
        if len(out) >= n:
            break
    return out


def _other_action(text: str, typ: str) -> bool:
    """Whether a sentence names an action of another type (then its dates are that one's)."""
    low = text.lower()
    names = {"reverse_stock_split": ("reverse_split",), "stock_split": ("forward_split",),
             "cash_dividend": ("dividend",), "merger": ("merger",), "name_change": ("name_change",),
             "shareholder_meeting": ("meeting",)}
    mine = names.get(typ, ())
    return any(CUE_LOW[c].search(low) for c in ("reverse_split", "forward_split", "dividend", "merger",
                                                "name_change", "delisting") if c not in mine)


def _fill_from_following(filing: Filing, mentions: list[Mention], base: str | None) -> list[Mention]:
    out = []
    dated = {m.type for m in mentions if m.date}
    with_ratio = {m.type for m in mentions if m.ratio is not None}
    for m in mentions:
        if m.type in ("cash_dividend", "stock_split", "reverse_stock_split") and m.date is not None:
            _follow_side_dates(filing, m, base)
        if m.type in SPLIT_TYPES and m.ratio is None and m.type not in with_ratio:
            m = _follow_ratio(filing, m)
        if m.type in _FOLLOW_CTX and m.date is None and m.type not in dated and not (m.type in SPLIT_TYPES and m.status in (
                "rejected", "withdrawn")):
            m = _follow(filing, m, base) or m
        out.append(m)
    return out


def _follow_ratio(filing: Filing, m: Mention) -> Mention:
    """A split's ratio stated in the next sentences ("Every ten shares will be combined into one")."""
    rev = m.type == "reverse_stock_split"
    for text in _following(filing, m, n=2):
        if _other_action(text, m.type):
            break
        for r in find_ratios(text):
            if r.kind in ("every", "per", "to") and r.oriented(rev) is not None:
                return replace(m, ratio=r)
    return m


_EXPECTED_EFFECTIVE = re.compile(r"\b(?:expected|scheduled|anticipated)\s+to\s+(?:become\s+effective|take\s+effect)", re.I)


def _follow_side_dates(filing: Filing, m: Mention, base: str | None) -> None:
    """Record and ex-dates stated in the sentences right after a dated action."""
    for text in _following(filing, m, n=2):
        if _other_action(text, m.type) or not re.search(r"record|ex-", text, re.I):
            continue
        found = dates_mod.find_dates(text, base)
        if found:
            _add_side_dates(m, _Sent(text, 0, len(text), m.section, {}, found, [], {},
                                     _dateline_starts(text, found)))


def _follow(filing: Filing, m: Mention, base: str | None) -> Mention | None:
    ctx = _FOLLOW_CTX[m.type]
    proposal = m.status == "proposed" and m.type in SPLIT_TYPES
    for text in _following(filing, m, n=6 if proposal else 3, limit=1500 if proposal else 900):
        if _other_action(text, m.type):
            break
        if proposal:
            # a proposal: only its stated expected effective date
            if not _EXPECTED_EFFECTIVE.search(text):
                continue
        elif not ctx.search(text) or _hypothetical(text) and m.type != "shareholder_meeting":
            continue
        if m.type == "shareholder_meeting" and not re.search(r"\b(?:meeting|AGM|EGM|event|assembly|it)\b", text, re.I):
            continue
        found = dates_mod.find_dates(text, base)
        if not found:
            continue
        probe = _Sent(text, 0, len(text), m.section, {}, found, [], {}, _dateline_starts(text, found))
        if m.type == "cash_dividend":
            pay, rec = _dividend_dates(text, found, probe.datelines)
            if pay is None and rec is None:
                continue
            extras = dict(m.extras)
            if pay:
                extras.setdefault("payment_date", pay.value)
            if rec:
                extras.setdefault("record_date", rec.value)
            d = pay or rec
            return replace(m, date=d.value, precision=d.precision, extras=extras)
        if m.type == "shareholder_meeting":
            d = _meeting_date(probe)
        else:
            d = _pick_date(probe, ctx, window=90)
        if d is None:
            continue
        new = replace(m, date=d.value, precision=d.precision, extras=dict(m.extras))
        _add_side_dates(new, probe)
        if m.type in SPLIT_TYPES and m.status in ("approved", None) and re.search(
                r"\beffective|take\s+effect|begin\s+trading" + (r"|distribut|payable" if m.type == "stock_split" else ""), text, re.I):
            new = replace(new, status="effective")
        if m.type == "shareholder_meeting" and base and d.precision == "day":
            new = replace(new, status="scheduled" if d.value > base else ("held" if d.value < base else m.status))
        return new
    return None


_CONDITIONAL = re.compile(r"\A\W{0,12}(?:\(\w{1,4}\)\s{0,3})?(?:if|in\s+the\s+event|unless|whether|provided\s+that|should\s+the)\b", re.I)


def _add_side_dates(m: Mention, s: _Sent) -> None:
    """The other dates a row can carry, where its sentence labels them: record date, ex-date."""
    if m.type not in ("cash_dividend", "reverse_stock_split", "stock_split", "shareholder_meeting", "merger"):
        return
    for d in s.dates:
        if d.start in s.datelines or d.precision != "day":
            continue
        before = s.text[max(0, d.start - 60):d.start]
        if _RECORD_BEFORE.search(before[-45:]):
            m.extras.setdefault("record_date", d.value)
        elif _EX_BEFORE.search(before[-40:]):
            m.extras.setdefault("ex_date", d.value)


_NEW_CUSIP = re.compile(r"\b(?:new\s+CUSIP|CUSIP\s+(?:number\s+)?(?:for\s+(?:the\s+)?(?:\w+\s+){0,4}?)?(?:will\s+(?:be|change\s+to)|is|of))"
                        r"[^.;]{0,60}?\b([0-9A-Z]{6}\s?[0-9A-Z]{2}\s?[0-9A-Z])\b")


def _fill_cusip(filing: Filing, mentions: list[Mention]) -> None:
    """A split's new CUSIP, stated anywhere in the split's section."""
    for m in mentions:
        if m.type in SPLIT_TYPES and "new_cusip" not in m.extras and m.status in ("effective", "approved"):
            c = _NEW_CUSIP.search(filing.text, m.section.start, m.section.end)
            if c and re.search(r"\d", c.group(1)):
                m.extras["new_cusip"] = c.group(1).replace(" ", "")


def _resolve_subjects(mentions: list[Mention]) -> list[Mention]:
    """An approval whose sentence names no action and no routine business ("The move, approved
    by shareholders, ...") is about the action stated just before it in the same section."""
    out = []
    for m in mentions:
        if m.type == "shareholder_approval" and m.subject == "other" and not _ROUTINE.search(m.text) \
                and _ANAPHORA.match(m.text):
            prev = [p for p in mentions if p.section == m.section and p.type in ACTION_TYPES[:6]
                    and p.start < m.start and m.start - p.end < 800]
            if prev:
                m = replace(m, subject=max(prev, key=lambda p: p.start).type)
        out.append(m)
    return out


# A line of a vote-results report that names one proposal: "Proposal 2 - ...", "3. Approval of ...",
# "A proposal to amend ...", "Adoption of the ...".
_PROPOSAL_LABEL = (r"(?:proposal|item|resolution)\s+(?:no\.\s{0,2})?\d{1,2}\b|\d{1,2}[.)]\s|"
                   r"\([a-z\d]{1,3}\)\s|an?\s+proposal\s+to\b")
_PROPOSAL_HEAD = re.compile(r"\A\W{0,6}(?:" + _PROPOSAL_LABEL + r"|(?:the\s+)?(?:adoption|approval)\s+of\b)", re.I)
_PROPOSAL_FAILED = re.compile(r"\b(?:did\s+not\s+(?:receive|pass|obtain|approve|carry)|(?:was|were)\s+not\s+(?:approved|adopted|passed)|"
                              r"failed|rejected|defeated)\b", re.I)

_NEXT_PROPOSAL = re.compile(r"\n[ \t]{0,12}(?:" + _PROPOSAL_LABEL + ")", re.I)

_ROW_OUTCOME = re.compile(r"[|:\-–—]\s{0,3}(?:carried|passed|approved|adopted|not\s+carried|rejected|defeated|failed)\s{0,3}\W{0,3}$", re.I)

_LIST_ITEM = re.compile(r"\A\W{0,6}(?:\(?[a-z\d]{1,3}[.)]\s{1,3})?to\s+(?:approve|declare|authori[sz]e|effect|change|adopt|consolidate|"
                        r"sub-?divide|amend)\b", re.I)


def _voted_proposals(filing: Filing, mentions: list[Mention]) -> list[Mention]:
    """In a vote-results item (8-K Item 5.07), a proposal line that names a corporate action is
    a vote on that action, dated by the meeting the item reports (rule 9: one approval per subject)."""
    out = list(mentions)
    table_rows: list[Mention] = []
    for m in mentions:
        if m.type not in ACTION_TYPES[:5]:
            continue
        in_507 = m.section.kind == "item" and (m.section.number or "").startswith("5.07")
        row = bool(_ROW_OUTCOME.search(m.text))  # a results-table row that states its own outcome
        # an item of the list a passed-resolutions sentence introduces ("... were passed, namely: ... to declare ...")
        listed = [a for a in mentions if a.type == "shareholder_approval" and a.section == m.section
                  and a.status == "approved" and a.end <= m.start and m.start - a.end < 1500
                  and a.text.rstrip().endswith(":")] if _LIST_ITEM.match(m.text) else []
        if not (row or listed or in_507 and _PROPOSAL_HEAD.match(m.text)):
            continue
        if any(a.type == "shareholder_approval" and a.subject == m.type for a in out):
            continue
        held = [x for x in mentions if x.type == "shareholder_meeting" and x.section == m.section and x.date
                and x.status == "held"] or [a for a in listed if a.date] or listed
        if not held:
            continue
        tail = filing.text[m.end:min(m.section.end, m.end + 400)] if in_507 else ""
        nxt = _NEXT_PROPOSAL.search(tail)
        tail = tail[:nxt.start()] if nxt else tail
        status = "rejected" if _PROPOSAL_FAILED.search(m.text) or _PROPOSAL_FAILED.search(tail) else "approved"
        out.append(Mention("shareholder_approval", m.section, m.start, m.end, m.text, status=status,
                           date=held[0].date, precision=held[0].precision, subject=m.type, confidence=0.7))
        if row:
            table_rows.append(m)
    if table_rows:
        # "shareholders passed all the resolutions:" above a results table whose rows are all
        # corporate actions: no routine business was voted, so no approval "other" (rule 9)
        first, last = min(r.start for r in table_rows), max(r.end for r in table_rows)
        out = [a for a in out if not (
            a.type == "shareholder_approval" and a.subject == "other" and a.section == table_rows[0].section
            and a.end <= first and first - a.end < 600 and not _ROUTINE.search(a.text)
            and not _ROUTINE.search(filing.text, a.end, last))]
    return out


def extract_events(filing: Filing, nlp: Language | None = None) -> list[Event]:
    """All events a parsed filing states, merged and normalized."""
    sents = sentences(filing, nlp)
    base = filing.base_date
    mentions: list[Mention] = []
    for s in sents:
        if _CONDITIONAL.match(s.text):
            continue  # "If ...", "In the event ...": a condition, not a fact
        for rule in RULES:
            for m in rule(s, s.base or base):
                _add_side_dates(m, s)
                mentions.append(m)
    mentions = _fill_from_following(filing, mentions, base)
    _fill_cusip(filing, mentions)
    mentions = _resolve_subjects(mentions)
    mentions = _voted_proposals(filing, mentions)
    if (filing.form_type or "").upper().replace(" ", "").startswith(("DEF14", "PRE14", "DEFM14", "PREM14", "DEFA14")):
        # a proxy statement proposes: its actions are not yet approved or effective, and the
        # votes it speaks of are to come (or past ones, of other meetings)
        mentions = [replace(m, status="proposed", date=None, precision=None)
                    if m.type in SPLIT_TYPES and m.status in ("approved", "effective") else m for m in mentions
                    if m.type != "shareholder_approval"]
    mentions.extend(_announcements(filing, sents, mentions))
    mentions = learned.adjust(mentions, sents)
    return [_to_event(m) for m in merge(mentions)]


def _to_event(m: Mention) -> Event:
    new = old = lo = hi = None
    if m.ratio is not None:
        if m.ratio.kind == "range":
            lo, hi = m.ratio.low, m.ratio.high
        else:
            pair = m.ratio.oriented(m.type == "reverse_stock_split")
            if pair:
                new, old = pair
    effective = m.date if (m.type in ("reverse_stock_split", "stock_split", "merger") and m.status == "effective"
                           or m.type == "name_change") else None
    return Event(
        event_type=m.type, source_document=m.section.label, evidence=m.text,
        char_start=m.start, char_end=m.end, event_date=m.date, date_precision=m.precision,
        status=m.status if m.type in ("reverse_stock_split", "stock_split", "shareholder_meeting", "merger") else
        (m.status if m.type == "shareholder_approval" else None),
        ratio_new=new, ratio_old=old, ratio_range_low=lo, ratio_range_high=hi,
        meeting_type=m.meeting_type, subject=m.subject,
        record_date=m.extras.get("record_date"), ex_date=m.extras.get("ex_date"),
        payment_date=m.extras.get("payment_date"),
        effective_date=effective, amount=m.extras.get("amount"), currency=m.extras.get("currency"),
        new_cusip=m.extras.get("new_cusip"), confidence=round(m.confidence, 3),
    )


def iter_events(filings: Iterable[Filing]) -> Iterator[tuple[Filing, list[Event]]]:
    nlp = load_pipeline()
    for f in filings:
        yield f, extract_events(f, nlp)
