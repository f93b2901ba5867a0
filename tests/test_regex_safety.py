"""No pattern of the rule modules backtracks catastrophically (issue 5).

Every compiled pattern in cues, ratios, dates and events — found programmatically, module
constants, dict values and lists alike — runs over adversarial 1 MB inputs. The bound is
generous: a linear pattern takes well under a second; only a catastrophic backtrack
(exponential or high-polynomial) can break it.
"""
import re
import time

import pytest

from extractor import cues, dates, events, ratios, vocab

MODULES = (cues, ratios, dates, events, vocab)
BOUND = 5.0      # seconds per pattern per input
SIZE = 1_000_000


def _patterns():
    seen, out = set(), []

    def add(name, p):
        if isinstance(p, re.Pattern) and id(p) not in seen:
            seen.add(id(p))
            out.append((name, p))

    for mod in MODULES:
        for name, val in vars(mod).items():
            add(f"{mod.__name__}.{name}", val)
            if isinstance(val, dict):
                for k, v in val.items():
                    add(f"{mod.__name__}.{name}[{k}]", v)
            elif isinstance(val, (list, tuple)):
                for i, v in enumerate(val):
                    add(f"{mod.__name__}.{name}[{i}]", v)
    return out


PATTERNS = _patterns()


def _fill(unit: str) -> str:
    return (unit * (SIZE // len(unit) + 1))[:SIZE]


INPUTS = {
    "digits": _fill("1234567890"),
    "spaces": _fill(" "),
    "a": _fill("a"),
    "words": _fill("word "),
    "reverse split": _fill("reverse split "),
    "1-for-": _fill("1-for-"),
    "nested parens": "(" * (SIZE // 2) + ")" * (SIZE // 2),
    "number words": _fill("one (1) ten (10) shares for every "),
    "dates": _fill("January 1, 2020 "),
    "colons": _fill("1:2:"),
    "dots": _fill("a. "),
    "stockholders": _fill("stockholders of the "),
    "meeting": _fill("annual meeting of the "),
    "mixed": _fill("Inc. ADS 1 for 2 dividend, record date; "),
    "no newline letters": _fill("Ab1-"),
}


def test_found_the_patterns():
    names = {n for n, _ in PATTERNS}
    for must in ("extractor.ratios.RATIO_RE", "extractor.dates.DATE_RE", "extractor.cues.PREFILTER_RE",
                 "extractor.cues.CUE_RE[meeting]", "extractor.events._DATELINE"):
        assert must in names
    assert len(PATTERNS) > 60


@pytest.mark.slow
@pytest.mark.parametrize("label", list(INPUTS))
def test_every_pattern_is_linear_on_adversarial_input(label):
    text = INPUTS[label]
    slow = []
    for name, p in PATTERNS:
        t = time.perf_counter()
        for _ in p.finditer(text):
            pass
        took = time.perf_counter() - t
        if took > BOUND:
            slow.append((name, round(took, 1)))
    assert not slow, slow


@pytest.mark.parametrize("label", ["1-for-", "number words", "nested parens", "reverse split", "mixed"])
def test_the_hardest_inputs_quickly(label):
    """The inputs most likely to hurt, at 100 kB, in the fast suite: each pattern < 1 s."""
    text = INPUTS[label][:100_000]
    slow = []
    for name, p in PATTERNS:
        t = time.perf_counter()
        for _ in p.finditer(text):
            pass
        took = time.perf_counter() - t
        if took > 1.0:
            slow.append((name, round(took, 2)))
    assert not slow, slow


def test_extraction_of_a_hostile_text_is_bounded():
    """The whole event stage on a 1 MB hostile text stays within a few seconds."""
    from extractor.records import Filing, Section

    text = _fill("every ten (10) shares combined into one (1) share at 1-for-10 reverse split annual meeting ")
    filing = Filing("hostile.txt", text, sections=(Section("body", "body", 0, len(text)),))
    t = time.perf_counter()
    from extractor.nlp import load_pipeline
    events.extract_events(filing, load_pipeline(use_model=False))
    assert time.perf_counter() - t < 60
