"""Property-based tests of the parser: whatever the bytes, parse_bytes returns a Filing or raises
an ExtractorError — never anything else, and never a parser bug wrapped in a ParseError.

CI runs a short version (a few dozen examples per property). For a long run set
``EXTRACTOR_FUZZ_EXAMPLES`` (examples per property), or run the standalone fuzzer, which
feeds 100,000 inputs in a few minutes::

    EXTRACTOR_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest -q tests/test_properties.py
    .venv/bin/python benchmarks/fuzz.py --n 100000
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from extractor.errors import ExtractorError
from extractor.parse import parse_bytes
from extractor.records import Filing

from conftest import SHARED, requires_shared

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted(p for p in (ROOT / "data" / "samples").iterdir() if p.is_file())
SAMPLE_BYTES = [p.read_bytes() for p in SAMPLES]
EXAMPLES = int(os.environ.get("EXTRACTOR_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 40,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def check(data: bytes) -> Filing | None:
    """The property: a Filing with sane sections, or an ExtractorError raised on purpose."""
    try:
        filing = parse_bytes(data, "fuzz.txt")
    except ExtractorError as exc:
        cause = exc.__cause__
        assert cause is None or isinstance(cause, ExtractorError), \
            f"a parser bug became a ParseError: {type(cause).__name__}: {cause}"
        return None
    assert isinstance(filing, Filing)
    assert filing.text.strip()
    for s in filing.sections:
        assert 0 <= s.start <= s.end <= len(filing.text)
    return filing


# --- random bytes ----------------------------------------------------------------------------

@FUZZ
@given(st.binary(max_size=4000))
def test_random_bytes(data):
    check(data)


@FUZZ
@given(st.text(max_size=3000), st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1"]))
def test_random_text_in_any_encoding(text, encoding):
    check(text.encode(encoding, "replace"))


# --- generated SGML skeletons ----------------------------------------------------------------

GARBAGE = st.sampled_from(["20021125", "20021345", "00000000", "2002-11-25", "ABCDEFGH", "", "0001234567",
                           "12AB34", "20160426152045", "2016ABCD152045", "x" * 80, "-1"])
words = st.lists(st.sampled_from(
    ["reverse", "stock", "split", "one-for-ten", "1-for-20", "approved", "Extraordinary General Meeting",
     "held on", "November 25, 2002", "Item 5.07", "Item 9.01", "Exhibit 99.1", "EXHIBIT INDEX", "SIGNATURES",
     "Pursuant to the requirements of the Securities Exchange Act", "/s/ Jane Roe", "FORM 6-K", "FORM 8-K",
     "(Exact name of registrant as specified in its charter)", "ACME INC.", "dividend", "payable", "\n",
     "\n\n", "|", "“", "”", "\u00a0", "<PAGE>", "<S>", "<TABLE>", "<p>", "<div>", "</div>", "<script>x</script>",
     "&amp;", "&bogus;", "<", ">", "For the month of \u017feptember 2002", "<SEQUENCE>\u00b2", "\u212a", "\u0131",
     "\u0663\u0664", "&#xD800;", "&#1114112;"]), max_size=60).map(" ".join)


@st.composite
def header(draw):
    lines = [f"<SEC-DOCUMENT>{draw(GARBAGE)}.txt : {draw(GARBAGE)}", f"<SEC-HEADER>{draw(GARBAGE)}"]
    if draw(st.booleans()):
        lines.append(f"<ACCEPTANCE-DATETIME>{draw(GARBAGE)}")
    keys = st.sampled_from(["ACCESSION NUMBER", "CONFORMED SUBMISSION TYPE", "CONFORMED PERIOD OF REPORT",
                            "FILED AS OF DATE", "FILER", "SUBJECT COMPANY", "REPORTING-OWNER", "ISSUER",
                            "COMPANY DATA", "COMPANY CONFORMED NAME", "CENTRAL INDEX KEY"])
    for key, tabs, value in draw(st.lists(st.tuples(keys, st.integers(0, 2), GARBAGE), max_size=12)):
        lines.append("\t" * tabs + f"{key}:\t{value}")
    if draw(st.booleans()):
        lines.append("</SEC-HEADER>")
    return "\n".join(lines) + "\n"


@st.composite
def document(draw):
    parts = ["<DOCUMENT>"]
    for tag, values in (("TYPE", ["8-K", "6-K", "EX-99.1", "GRAPHIC", "XML", "EX-101.INS", "", "PDF"]),
                        ("SEQUENCE", ["1", "2", "x", "", "\u00b2", "\u0663", "99999999999999999999"]), ("FILENAME", ["a.htm", "b.jpg", "c.txt", ""]),
                        ("DESCRIPTION", ["PRESS RELEASE", "", "x" * 50])):
        if draw(st.booleans()):
            parts.append(f"<{tag}>{draw(st.sampled_from(values))}")
    if draw(st.integers(0, 9)):
        parts.append("<TEXT>")
    body = draw(st.one_of(
        words,
        words.map(lambda w: f"<html><body><p>{w}</p>"),
        st.just("begin 644 logo.jpg\nM_]C_X``02D9)1@`!`0$`2`!(``#_VP!#``,\n`\nend"),
        st.just("<XML>\n<?xml version='1.0'?><ownershipDocument><issuerName>X</issuerName>"),
        st.text(max_size=300),
    ))
    parts.append(body)
    if draw(st.integers(0, 4)):
        parts.append("</TEXT>")
    if draw(st.integers(0, 4)):
        parts.append("</DOCUMENT>")
    return "\n".join(parts)


@st.composite
def skeleton(draw):
    text = ""
    if draw(st.integers(0, 9)) == 0:
        text += "-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nProc-Type: 2001,MIC-CLEAR\n\n"
    if draw(st.integers(0, 4)):
        text += draw(header())
    text += "\n".join(draw(st.lists(document(), max_size=4)))
    if draw(st.booleans()):  # truncated at any point
        text = text[: draw(st.integers(0, len(text)))]
    return text.encode(draw(st.sampled_from(["utf-8", "cp1252", "utf-16"])), "replace")


@FUZZ
@given(skeleton())
def test_sgml_skeletons(data):
    check(data)


# --- mutated real filings (the project's own samples) ----------------------------------------

@st.composite
def mutated(draw, sources):
    data = bytearray(draw(st.sampled_from(sources)))
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.integers(0, 6))
        pos = draw(st.integers(0, len(data)))
        if op == 0 and data:
            data[min(pos, len(data) - 1)] = draw(st.integers(0, 255))
        elif op == 1:
            data[pos:pos] = draw(st.binary(min_size=1, max_size=40))
        elif op == 2:
            del data[pos: pos + draw(st.integers(1, 3000))]
        elif op == 3:
            del data[pos:]
        elif op == 4:
            data[pos:pos] = draw(st.sampled_from(
                [b"<DOCUMENT>", b"</DOCUMENT>", b"<TEXT>", b"</TEXT>", b"<SEC-HEADER>", b"</SEC-HEADER>",
                 b"<html>", b"<div>" * 400, b"<script>", b"\x00", b"\x93", b"\xff\xfe", b"\r", b"Item 5.07"]))
        elif op == 5:
            chunk = bytes(data[pos: pos + draw(st.integers(1, 200))])
            data[pos:pos] = chunk * draw(st.integers(2, 50))
        else:
            data = bytearray(bytes(data).decode("utf-8", "replace").encode(
                draw(st.sampled_from(["utf-16", "cp1252", "latin-1"])), "replace"))
    return bytes(data)


@FUZZ
@given(mutated(SAMPLE_BYTES))
def test_mutated_samples(data):
    check(data)


@requires_shared
@settings(max_examples=max(10, EXAMPLES // 2), deadline=None, derandomize=EXAMPLES <= 40,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_mutated_dev_filings(data):
    files = sorted((SHARED / "corpus" / "dev" / "filings").iterdir())
    source = files[data.draw(st.integers(0, len(files) - 1))].read_bytes()[:300_000]
    check(data.draw(mutated([source])))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_sample_parses(path):
    assert check(path.read_bytes()) is not None
