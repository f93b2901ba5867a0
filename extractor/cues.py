"""Trigger vocabularies of the event types, as data: one compiled pattern per cue."""
from __future__ import annotations

import re

from .vocab import lower_pattern

_SH = r"(?:stockholders?|shareholders?|share\s*holders?|members|unitholders|holders\s+of\s+(?:our|its|the)\s+(?:\w+\s+){0,2}(?:shares|stock))"

# cue name → pattern.  Every pattern is a plain alternation of words: no nested
# quantifiers, so a 1 MB line costs linear time.
CUES: dict[str, str] = {
    "reverse_split": (r"reverse[\s\-]+(?:stock[\s\-]+|share[\s\-]+)?split|share\s+consolidation|"
                      r"consolidation\s+of\s+(?:the\s+|its\s+|our\s+)?(?:company['’]?s\s+)?(?:issued\s+|outstanding\s+|ordinary\s+|common\s+)*(?:shares|stock|share\s+capital)|"
                      r"(?:shares|stock)\s+(?:on\s+issue\s+|in\s+issue\s+|outstanding\s+)?(?:will\s+be|shall\s+be|were|was|are|is|have\s+been|has\s+been)\s+consolidated\s+into|"
                      r"consolidat(?:e|ed|ing)\s+(?:the\s+|its\s+|our\s+)?(?:company['’]?s\s+)?(?:issued\s+|outstanding\s+|ordinary\s+|common\s+)*(?:shares|share\s+capital)|"
                      r"(?:change|changes|changing)\s+(?:in\s+|of\s+|to\s+)?(?:the\s+|its\s+)?ADSs?[\s\-]+(?:to[\s\-]+(?:ordinary[\s\-]+)?share[\s\-]+)?ratio|"
                      r"(?:change|changes|changing|adjust|adjusts|adjusting)\s+(?:in\s+|of\s+|to\s+)?(?:the\s+|its\s+)?ratio\s+of\s+(?:its\s+|the\s+)?"
                      r"(?:ADSs?|American\s+depositary\s+shares)|"
                      r"ADS\s+ratio\s+change"),
    "forward_split": (r"(?<!reverse )(?<!reverse-)(?:forward\s+(?:stock\s+|share\s+)?split|"
                      r"(?:stock|share)\s+split|split\s+of\s+(?:its|the|our)\s+(?:\w+\s+){0,2}(?:shares|stock)|"
                      r"(?<!\d)\d{1,6}[\s\-]+for[\s\-]+1\s+split|(?:two|three|four|five|ten)[\s\-]+for[\s\-]+one\s+(?:\w+\s+)?split)"),
    "meeting": (r"(?:annual|special|extraordinary|general|ordinary|adjourned)\s+(?:and\s+special\s+)?(?:general\s+)?"
                rf"meeting(?:\s+of\s+(?:the\s+)?(?:company['’]?s\s+)?(?:\w+\s+)?{_SH})?|"
                rf"{_SH}['’]?\s+meeting|\bAGM\b|\bEGM\b|meeting\s+of\s+(?:the\s+)?(?:company['’]?s\s+)?{_SH}|"
                r"\b(?:a|the)\s+meeting\s+(?:(?:was|will\s+be|is\s+to\s+be|is\s+(?:now\s+)?scheduled\s+to\s+be)\s+)?held\b|"
                r"\bthe\s+meeting\s+will\s+take\s+place\b"),
    "shareholder_vote": (rf"{_SH}\s+(?:[\w'’\-]+\s+){{0,4}}?(?:approved|adopted|ratified|voted|elected|re-elected|rejected|"
                         rf"did\s+not\s+approve|authori[sz]ed|resolved|granted|passed)|"
                         rf"(?:approved|adopted|ratified|authori[sz]ed)\s+by\s+(?:the\s+)?(?:[\w'’\-]+\s+){{0,3}}?{_SH}|"
                         rf"(?:{_SH}|stockholder|shareholder)\s+approval\s+(?:was\s+)?(?:obtained|received)|"
                         rf"(?:received|obtained)\s+(?:the\s+)?(?:requisite\s+)?(?:stockholder|shareholder)\s+approval|"
                         r"(?:motions?|proposals?|resolutions?|agenda\s+items?)\s+(?:\w+\s+){0,8}?(?:were|was)\s+(?:duly\s+)?(?:approved|adopted|passed|rejected)|"
                         r"votes?\s+cast\s+(?:for|in\s+favou?r)|broker\s+non-votes|"
                         r"(?:general|annual|special|extraordinary)\s+(?:general\s+)?meeting\s+(?:\w+\s+){0,2}?(?:approved|adopted|resolved|"
                         r"elected|re-elected|ratified|rejected)|"
                         rf"(?:following|after|having\s+received|with\s+the)\s+(?:\w+\s+){{0,2}}?(?:{_SH}|stockholder|shareholder)['’]?"
                         r"\s+(?:and\s+(?:board|director)\s+)?approvals?"),
    "dividend": (r"(?:declared?|declares|declaration\s+of|approved|approves|announce[sd]?|will\s+pay|to\s+pay)\s+"
                 r"(?:[\w\-$.'’]+\s+){0,6}?(?:cash\s+)?dividends?(?!\s+reinvest)|"
                 r"dividends?\s+(?:[\w\-$().,]+\s+){0,16}?(?:was|were|has\s+been|have\s+been)\s+declared|"
                 r"dividends?\s+(?:[\w\-$().,:]+\s+){0,16}?(?:will\s+be|is\s+to\s+be|shall\s+be)\s+paid\s+on"),
    "merger": (r"(?:agreement\s+and\s+plan\s+of\s+merger|merger\s+agreement|business\s+combination(?:\s+agreement)?|"
               r"plan\s+of\s+(?:merger|amalgamation|arrangement)|(?:complet\w+|consummat\w+|clos\w+)\s+(?:of\s+)?(?:its\s+|the\s+)?(?:previously\s+announced\s+)?"
               r"(?:merger|acquisition\s+by|business\s+combination)|to\s+be\s+acquired\s+by|will\s+be\s+acquired\s+by|"
               r"(?:merged?|merging)\s+with\s+and\s+into|merger\s+of\s+equals)"),
    "name_change": (r"(?:operate|trade|do\s+business|conduct\s+business)\s+under\s+the\s+(?:new\s+)?(?:corporate\s+)?name|"
                    r"(?:chang\w+|amend\w*)\s+(?:of\s+)?(?:its|the|our|the\s+company['’]?s|their|company)\s+(?:corporate\s+|legal\s+|company\s+)?name|"
                    r"name\s+change|(?:will\s+be|was|been|be)\s+renamed|change\s+(?:of|in)\s+(?:corporate\s+)?name|new\s+(?:corporate\s+)?name"),
    "delisting": (r"delist\w*|(?:deficiency|notification|notice|letter)\s+(?:letter|notice)?\s*(?:[\w,]+\s+){0,8}?(?:from|by)\s+(?:the\s+)?"
                  r"(?:Nasdaq|NYSE|New\s+York\s+Stock\s+Exchange|listing\s+qualifications|exchange)|"
                  r"Form\s+25\b|suspen\w+\s+(?:of\s+)?trading|no\s+longer\s+(?:be\s+)?(?:listed|traded)|"
                  r"minimum\s+bid\s+price\s+requirement|(?:not|no\s+longer)\s+in\s+compliance\s+with\s+(?:the\s+)?(?:Nasdaq|NYSE|listing)"),
    "announce": (r"today\s+announced|announced\s+today|announces|announced\s+that|is\s+pleased\s+to\s+announce|"
                 r"issued\s+a\s+press\s+release|press\s+release\s+(?:dated|issued|announcing)|announcing\s+that|reported\s+today"),
    # a mention of something past or hypothetical rather than this filing's fact
    "hypothetical": (r"\b(?:may|might|could|would|should|if|whether|unless|in\s+the\s+event|no\s+plans?|not\s+to|"
                     r"intends?\s+to\s+seek|possible|potential|risk|cannot|there\s+can\s+be\s+no\s+assurance|"
                     r"forward-looking|expects?|anticipat\w+|plans\s+to|seek(?:s|ing)?\s+to|in\s+order\s+to\s+regain)\b"),
    "adjusted": (r"(?:adjusted|restated|retroactively)\s+(?:\w+\s+){0,4}?(?:to\s+(?:reflect|give\s+effect)|for)|"
                 r"split-adjusted\s+(?:basis\s+)?(?:figures|amounts|share|per)|giving\s+effect\s+to\s+the|after\s+giving\s+effect"),
}

# every cue starts a word: the engine tries no position inside one
CUES = {name: rf"(?<![\w])(?:{p})" for name, p in CUES.items()}
CUE_RE = {name: re.compile(p, re.I) for name, p in CUES.items()}

# Cues that name an event (the other two only qualify one).
EVENT_CUES = tuple(n for n in CUES if n not in ("hypothetical", "adjusted"))


# The same cues, for lower-cased text (same offsets: ``str.lower`` keeps ASCII lengths).
CUE_LOW = {name: re.compile(lower_pattern(p)) for name, p in CUES.items()}

# Prefilter: a paragraph that matches none of these cannot hold an event.
_PREFILTER = (r"split|consolidat|meeting|\bAGM\b|\bEGM\b|approv|vote|dividend|payable|merger|combination|acquired|"
              r"renam|name|delist|Nasdaq|NYSE|exchange|announc|press\s+release|ADS|elected|ratif|of\s+record|"
              r"take\s+place|for\s+every|wire")
PREFILTER_RE = re.compile(_PREFILTER, re.I)
PREFILTER_LOW = re.compile(lower_pattern(_PREFILTER))


# Words one of which every match of a cue contains (lower-case): a cheap substring test
# that rules a cue out before its regex runs.
CUE_GATES: dict[str, tuple[str, ...]] = {
    "reverse_split": ("reverse", "consolidat", "ads", "depositary"),
    "forward_split": ("split",),
    "meeting": ("meeting", "agm", "egm"),
    "shareholder_vote": ("holder", "member", "motion", "proposal", "resolution", "agenda", "vote", "meeting"),
    "dividend": ("dividend",),
    "merger": ("merg", "combination", "plan", "acquired"),
    "name_change": ("name",),
    "delisting": ("delist", "notice", "notification", "deficiency", "letter", "form", "suspen", "longer", "minimum", "compliance"),
    "announce": ("announc", "press", "reported"),
}
PREFILTER_GATES = ("split", "consolidat", "meeting", "agm", "egm", "approv", "vote", "dividend", "payable", "merger",
                   "combination", "acquired", "renam", "name", "delist", "nasdaq", "nyse", "exchange", "announc",
                   "press", "ads", "elected", "ratif", "record", "place", "every", "wire")


def lowered(text: str) -> str | None:
    """``text.lower()`` when it keeps every offset (it does for all but a few non-ASCII letters)."""
    low = text.lower()
    return low if len(low) == len(text) else None


def prefilter(text: str) -> bool:
    """Whether ``text`` can hold an event: ``PREFILTER_RE``, with a substring test first."""
    low = lowered(text)
    if low is None:
        return bool(PREFILTER_RE.search(text))
    if not any(w in low for w in PREFILTER_GATES):
        return False
    return bool(PREFILTER_LOW.search(low))


def event_cues(text: str) -> bool:
    """Whether any event cue occurs in ``text`` (cheap: substring gates, then lower-cased
    text without re.I)."""
    low = lowered(text)
    if low is None:
        return any(CUE_RE[n].search(text) for n in EVENT_CUES)
    return any(any(w in low for w in CUE_GATES[n]) and CUE_LOW[n].search(low) for n in EVENT_CUES)
