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
from .cues import PREFILTER_RE
from .nlp import load_pipeline, spans_in
from .ratios import RatioMention, find_ratios
from .records import Event, Filing, Section
from .vocab import STATUS_RANK

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
        r"completed|completes|complete|completion\s+of|effected|effecting|effects|effectuated?|implement(?:ed|s|ing)?|"
        r"will\s+implement|begin\s+trading|commence\s+trading|(?:split|consolidation)-adjusted\s+basis|"
        r"post-(?:reverse[\s\-])?(?:split|consolidation)\s+basis|has\s+been\s+effected|new\s+CUSIP)\b", re.I),
    "approved": re.compile(r"\b(?:approved|approves|authori[sz]ed|authori[sz]es|adopted|ratified|resolved\s+to|"
                           r"granted\s+(?:the\s+)?(?:board|directors)\s+(?:the\s+)?authority|received\s+approval)\b", re.I),
    "proposed": re.compile(r"\b(?:propos(?:al|als|ed|es|ing)|propose|to\s+approve|vote\s+(?:on|upon)|voting\s+on|"
                           r"seek(?:s|ing)?\s+(?:\w+\s+)?approval|recommend(?:s|ed)?|consent\s+solicitation|"
                           r"to\s+authori[sz]e|to\s+consider|for\s+approval)\b", re.I),
}
_SPLIT_STATUS_ORDER = ("withdrawn", "rejected", "effective", "approved", "proposed")

_HYPOTHETICAL = re.compile(
    r"\b(?:may|might|could|would|should|if|whether|unless|in\s+the\s+event|no\s+plans?|no\s+intention|"
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
                       r"last\s+(?:reverse\s+)?split|in\s+(?:19|20)\d\d,?\s+(?:we|the\s+company)\s+(?:effected|completed))\b", re.I)

# Meeting words in a window before the cue.
_EXTRA = re.compile(r"\b(?:special|extraordinary|EGM)\b", re.I)
_ANNUAL = re.compile(r"\b(?:annual|AGM|ordinary\s+general)\b", re.I)
_MEETING_HELD = re.compile(r"\b(?:held|convened|took\s+place|concluded|(?:today|yesterday)'?s?|at\s+(?:the|its|today)|"
                           r"results\s+of|voted|approved|elected|re-elected|adopted)\b", re.I)
_MEETING_SCHED = re.compile(r"\b(?:will\s+(?:be\s+)?(?:held|hold|convene|take\s+place|vote)|to\s+be\s+held|"
                            r"scheduled|has\s+called|have\s+called|called\s+(?:a|an)|calls?\s+(?:a|an)|convene|convening|"
                            r"notice\s+of|set\s+(?:the\s+)?(?:date|record\s+date)|will\s+hold|to\s+hold|sets?|upcoming|"
                            r"record\s+date\s+for|will\s+be\s+asked|to\s+vote|to\s+consider)\b", re.I)
_MEETING_NOT = re.compile(r"\b(?:until\s+(?:the\s+)?(?:next|(?:19|20)\d\d|company'?s\s+next|our\s+next)|"
                          r"next\s+annual\s+meeting|(?:19|20)\d\d\s+annual\s+meeting\s+of\s+\w+\s+(?:and|or)\s+until|"
                          r"until\s+(?:his|her|their)\s+successors?|prior\s+(?:annual\s+)?meeting|"
                          r"last\s+year'?s|proxy\s+materials\s+for)\b", re.I)

_DATE_CTX = {
    "effective": re.compile(r"effective|effect|trading|market\s+open|opening|commence|begin|implement", re.I),
    "payment": re.compile(r"payable|paid|payment|distribut", re.I),
    "record": re.compile(r"of\s+record|record\s+date|close\s+of\s+business|as\s+of", re.I),
    "meeting": re.compile(r"held|meeting|convene|on\b", re.I),
}
_NOT_EVENT_DATE = re.compile(r"(?:record\s+date|of\s+record|close\s+of\s+business|as\s+of|ended|ending|through|"
                             r"year\s+ended|quarter|fiscal|dated|since|until|expire[sd]?|by)\W*$", re.I)

_AMOUNT = re.compile(r"(?P<cur>\$|US\$|USD|EUR|€|£|GBP|CHF|C\$|CAD)\s?(?P<amt>\d+(?:\.\d+)?)\s*(?:per|a|for\s+each)\s+"
                     r"(?:\w+\s+){0,3}?share", re.I)
_CUSIP = re.compile(r"\bCUSIP\b[^.;]{0,40}?\b([0-9A-Z]{6}\s?[0-9A-Z]{2}\s?[0-9A-Z])\b")
_CURRENCY = {"$": "USD", "US$": "USD", "USD": "USD", "EUR": "EUR", "€": "EUR", "£": "GBP", "GBP": "GBP",
             "CHF": "CHF", "C$": "CAD", "CAD": "CAD"}

# A dateline: "CITY, State, Month D, YYYY -" / "Month D, YYYY (WIRE) -" at a paragraph's start.
_DATELINE = re.compile(r"(?:^|\n)[^\n]{0,120}?(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d)"
                       r"\s*(?:[-–—/(]|\(|PRNewswire|GLOBE|Business\s*Wire)", re.I)
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


def sentences(filing: Filing, nlp: Language | None = None) -> list[_Sent]:
    """The sentences of a filing that can hold an event, with their spans."""
    nlp = nlp or load_pipeline()
    base = filing.base_date
    items: list[tuple[str, tuple[int, Section]]] = []
    seen: set[int] = set()
    for section in _scanned_sections(filing):
        for start, block in _blocks(filing, section):
            if not block.strip() or start in seen or not PREFILTER_RE.search(block):
                continue
            seen.add(start)
            if len(block) > 200_000:
                block = block[:200_000]
            items.append((block, (start, section)))
    out: list[_Sent] = []
    for doc, (start, section) in nlp.pipe(items, as_tuples=True, batch_size=64):
        for sent in doc.sents:
            if not PREFILTER_RE.search(sent.text):
                continue
            out.append(_make_sent(sent, start, section, base))
    return out


def _make_sent(sent: Span, block_start: int, section: Section, base) -> _Sent:
    off = sent.start_char
    cues: dict[str, list[tuple[int, int]]] = {}
    for sp in spans_in(sent, "cues"):
        cues.setdefault(sp.label_, []).append((sp.start_char - off, sp.end_char - off))
    text = sent.text
    found = []
    for sp in spans_in(sent, "dates"):
        norm = dates_mod.normalize(sp.text, base) if sp.label_ != "rel" or base else None
        if norm:
            found.append(dates_mod.DateMention(sp.text, sp.start_char - off, sp.end_char - off,
                                               norm[0], norm[1], sp.label_ == "rel"))
    # the ca_ratios spans say whether the sentence has a ratio; parse it only then
    ratios = find_ratios(text) if spans_in(sent, "ratios") else []
    return _Sent(text, block_start + sent.start_char, block_start + sent.end_char, section,
                 cues, found, ratios, dict(sent.doc.cats))


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


def _meeting_mentions(s: _Sent, base: str | None) -> list[Mention]:
    spans = s.cues.get("meeting")
    if not spans:
        return []
    text = s.text
    if _MEETING_NOT.search(text) and not re.search(r"\b(?:held|will\s+be\s+held|to\s+be\s+held)\b", text, re.I):
        return []
    if _historical(s, base):
        return []
    a, b = spans[0]
    window = text[max(0, a - 45):b]
    mtype = "extraordinary" if _EXTRA.search(window) else ("annual" if _ANNUAL.search(window) else None)
    held = _MEETING_HELD.search(text)
    sched = _MEETING_SCHED.search(text)
    if not held and not sched:
        return []
    if re.search(r"\b(?:if|may|would|could|must)\b", text, re.I) and not re.search(r"\b(?:held|will\s+be\s+held|to\s+be\s+held)\b", text, re.I):
        return []
    d = _pick_date(s, _DATE_CTX["meeting"])
    if d is None and s.dates:
        usable = [x for x in s.dates if not _NOT_EVENT_DATE.search(s.text[max(0, x.start - 30):x.start])]
        d = min(usable, key=lambda x: abs(x.start - a)) if usable else None
    if d is None and re.search(r"\btoday'?s?\b", text, re.I) and base:
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
    if d is None and status == "scheduled" and not mtype:
        return []
    return [Mention("shareholder_meeting", s.section, s.start, s.end, _evidence(s), status=status,
                    date=d.value if d else None, precision=d.precision if d else None,
                    meeting_type=mtype, confidence=0.8 if d else 0.6)]


_VOTE_HYPO = re.compile(r"\b(?:if|unless|whether|must|may|would|should|to\s+be\s+approved|will\s+vote|will\s+be\s+asked|"
                        r"are\s+being\s+asked|recommends?|requires?|required|need)\b", re.I)


def _approval_mentions(s: _Sent, base: str | None) -> list[Mention]:
    if "shareholder_vote" not in s.cues:
        return []
    text = s.text
    if _VOTE_HYPO.search(text) and not re.search(r"\b(?:approved|adopted|ratified|elected)\b", text, re.I):
        return []
    if re.search(r"\bif\s+(?:\w+\s+){0,4}(?:approved|approve)|\bonce\s+approved|\bsubject\s+to\s+(?:\w+\s+){0,3}approval", text, re.I):
        return []
    if _historical(s, base):
        return []
    status = "rejected" if _STATUS_RE["rejected"].search(text) else "approved"
    subject = _subject(s)
    d = _pick_date(s, re.compile(r"meeting|held|on\b|vote", re.I))
    return [Mention("shareholder_approval", s.section, s.start, s.end, _evidence(s), status=status,
                    date=d.value if d else None, precision=d.precision if d else None,
                    subject=subject, confidence=0.75)]


def _dividend_mentions(s: _Sent, base: str | None) -> list[Mention]:
    if "dividend" not in s.cues:
        return []
    text = s.text
    if re.search(r"reinvest|stock\s+dividend|dividend\s+policy|no\s+dividends|not\s+(?:paid|declared)|"
                 r"any\s+dividends|future\s+dividends|dividends?\s+(?:paid|declared)\s+(?:in|during)|"
                 r"preferred\s+(?:stock|shares)", text, re.I) and not re.search(r"\bpayable\b", text, re.I):
        return []
    if _hypothetical(text) and not re.search(r"\bdeclared?\b|\bpayable\b", text, re.I):
        return []
    if _historical(s, base):
        return []
    pay = _pick_date(s, _DATE_CTX["payment"], avoid=None, window=40)
    rec = _pick_date(s, _DATE_CTX["record"], avoid=None, window=40)
    if rec is not None and pay is not None and rec.value == pay.value:
        rec = None if pay.start != rec.start else rec
        if rec is not None and rec.start == pay.start:
            # the same date read as both: trust the nearer word
            before = text[max(0, pay.start - 40):pay.start]
            if _DATE_CTX["record"].search(before[-25:]):
                pay = None
            else:
                rec = None
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
                         r"merger\s+agreement|amalgamation)\b", re.I)


def _merger_mentions(s: _Sent, base: str | None) -> list[Mention]:
    if "merger" not in s.cues:
        return []
    text = s.text
    if not _MERGER_OWN.search(text) or _historical(s, base):
        return []
    if _hypothetical(text) and not re.search(r"\b(?:entered\s+into|completed|consummated|closed|approved|signed)\b", text, re.I):
        return []
    if not re.search(r"\b(?:entered\s+into|enter\s+into|signed|executed|completed|completion|consummat\w+|closed|closing|"
                     r"approved|announced|agreed|effective|terminated)\b", text, re.I):
        return []
    done = re.search(r"\b(?:completed|consummated|closed|completion|closing)\b", text, re.I)
    d = _pick_date(s, re.compile(r"complet|consummat|clos|effective|entered|signed|on\b", re.I))
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
    if not re.search(r"\b(?:to|from)\b\s+[\"“”A-Z]", text):
        return []
    d = _pick_date(s, re.compile(r"effective|on\b|as\s+of", re.I))
    return [Mention("name_change", s.section, s.start, s.end, _evidence(s),
                    date=d.value if d else None, precision=d.precision if d else None, confidence=0.6)]


def _delisting_mentions(s: _Sent, base: str | None) -> list[Mention]:
    if "delisting" not in s.cues:
        return []
    text = s.text
    if _historical(s, base):
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
    d = _pick_date(s, re.compile(r"dated|on\b|effective|received|notified|as\s+of", re.I), avoid=None)
    return [Mention("delisting", s.section, s.start, s.end, _evidence(s),
                    date=d.value if d else None, precision=d.precision if d else None, confidence=0.6)]


RULES = (_split_mentions, _meeting_mentions, _approval_mentions, _dividend_mentions,
         _merger_mentions, _name_change_mentions, _delisting_mentions)
ACTION_TYPES = ("reverse_stock_split", "stock_split", "cash_dividend", "merger", "name_change",
                "delisting", "shareholder_meeting", "shareholder_approval")


# ---------------------------------------------------------------- announcements

def _dateline(filing: Filing, section: Section) -> tuple[str, int, int] | None:
    """The date a press release states it was issued: its dateline."""
    if section.kind == "press_release" and filing.report_date and filing.report_date_source == "dateline":
        head = filing.text[section.start:section.start + 2000]
        return filing.report_date, section.start, section.start + min(len(head), 200)
    head = filing.text[section.start:min(section.end, section.start + 3000)]
    m = _DATELINE.search(head)
    if not m:
        return None
    norm = dates_mod.normalize(m.group("date"), filing.base_date)
    if not norm or norm[1] != "day":
        return None
    return norm[0], section.start + m.start("date"), section.start + m.end("date")


def _is_press_release(filing: Filing, section: Section) -> bool:
    if section.kind == "press_release":
        return True
    if section.kind == "exhibit" and section.label.upper().startswith("EX-99"):
        return True
    return False


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
            d = _pick_date(s, re.compile(r"announc|press\s+release|issued|on\b", re.I), avoid=None)
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
    for m in mentions:
        if m.type == "shareholder_meeting" and m.date is None and dated:
            m = replace(m, date=dated[0], precision="day")
        if m.type == "shareholder_approval" and m.date is None:
            held = [x.date for x in meetings if x.date and x.status == "held"]
            if held:
                m = replace(m, date=held[0], precision="day")
        key = _merge_key(m)
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
    out = [merged[k] for k in order]
    # an undated approval of a subject that also has a dated one is the same vote
    dated_subjects = {(m.subject) for m in out if m.type == "shareholder_approval" and m.date}
    out = [m for m in out if not (m.type == "shareholder_approval" and m.date is None and m.subject in dated_subjects)]
    return out


def _meeting_kind(a: str | None, b: str | None) -> str | None:
    if "extraordinary" in (a, b):
        return "extraordinary"
    return a or b


# ---------------------------------------------------------------- public

def extract_events(filing: Filing, nlp: Language | None = None) -> list[Event]:
    """All events a parsed filing states, merged and normalized."""
    sents = sentences(filing, nlp)
    base = filing.base_date
    mentions: list[Mention] = []
    for s in sents:
        for rule in RULES:
            mentions.extend(rule(s, base))
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
    effective = m.date if m.type in ("reverse_stock_split", "stock_split", "name_change") and m.status == "effective" else None
    return Event(
        event_type=m.type, source_document=m.section.label, evidence=m.text,
        char_start=m.start, char_end=m.end, event_date=m.date, date_precision=m.precision,
        status=m.status if m.type in ("reverse_stock_split", "stock_split", "shareholder_meeting", "merger") else
        (m.status if m.type == "shareholder_approval" else None),
        ratio_new=new, ratio_old=old, ratio_range_low=lo, ratio_range_high=hi,
        meeting_type=m.meeting_type, subject=m.subject,
        record_date=m.extras.get("record_date"), payment_date=m.extras.get("payment_date"),
        effective_date=effective, amount=m.extras.get("amount"), currency=m.extras.get("currency"),
        new_cusip=m.extras.get("new_cusip"), confidence=round(m.confidence, 3),
    )


def iter_events(filings: Iterable[Filing]) -> Iterator[tuple[Filing, list[Event]]]:
    nlp = load_pipeline()
    for f in filings:
        yield f, extract_events(f, nlp)
