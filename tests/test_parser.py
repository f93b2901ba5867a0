"""Filing parser: every input format, sections, signature, decoding fallbacks, errors, hostile bytes."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from extractor.errors import DecodeError, ExtractorError, ReadError
from extractor.htmltext import html_to_text, xml_to_text
from extractor.parse import parse_bytes, parse_file
from extractor.reader import decode

from conftest import SHARED, requires_shared

FIX = Path(__file__).parent / "fixtures" / "parser"


def section_text(filing, kind, label=None):
    return [filing.text[s.start:s.end] for s in filing.sections
            if s.kind == kind and (label is None or s.label == label)]


# --- input formats ------------------------------------------------------------------------

def test_full_submission_with_pem_wrapper():
    f = parse_file(FIX / "full_submission_pem.txt")
    assert f.input_format == "sgml"
    assert [d.type for d in f.documents] == ["8-K", "EX-99.1", "GRAPHIC"]
    assert f.documents[2].text == ""  # uuencoded graphic skipped
    assert "begin 644" not in f.text and "PRIVACY-ENHANCED" not in f.text
    assert f.form_type == "8-K" and f.accession_number == "0009999999-16-000123"
    assert f.cik == "0000123456"
    assert f.company_name == "BLUEHERON WIDGETS, INC."  # cover's spelling of the header's name
    assert f.report_date == "2016-04-25" and f.report_date_source == "date_of_report"
    assert f.tickers == ("NASDAQ:BHWX",)
    (ex,) = f.sections_of("exhibit")
    assert ex.label == "EX-99.1" and ex.number == "99.1" and ex.title == "PRESS RELEASE"
    assert f.text[ex.start:ex.end].startswith("SPRINGFIELD, Ill., April 26, 2016")


def test_daily_feed_nc_form4_takes_issuer_not_reporting_owner():
    f = parse_file(FIX / "daily_feed_form4.nc.txt")
    assert f.company_name == "KESTREL ROBOTICS CORP"
    assert f.cik == "0009999002"
    assert f.form_type == "4" and f.filed_date == "2025-02-13" and f.period_of_report == "2025-02-12"
    assert "issuerTradingSymbol: KSTR" in f.text  # the XML primary document rendered as text


def test_bare_text_6k():
    f = parse_file(FIX / "bare_6k.txt")
    assert f.input_format == "text" and f.form_type == "6-K"
    assert f.company_name == "NORTHWIND TELECOM CO., LTD."
    assert f.report_month == "2002-11"
    assert f.report_date == "2002-11-29" and f.report_date_source == "signature"
    assert f.signature.name == "Minho Park" and f.signature.title == "Head of IR Team"
    (ex,) = f.sections_of("exhibit")  # inline after the signature page
    assert ex.label == "EX-99.1" and "one-for-ten reverse stock split" in f.text[ex.start:ex.end]
    (desc,) = f.sections_of("exhibit_description")
    assert desc.number == "99.1" and desc.title.startswith("a press release dated November 27, 2002")
    assert "<PAGE>" not in f.text


def test_bare_html_8k_inline_xbrl():
    f = parse_file(FIX / "bare_8k_ixbrl.html")
    assert f.input_format == "html" and f.form_type == "8-K"
    assert "HIDDEN-XBRL-FACT" not in f.text and "not prose" not in f.text and "p {margin" not in f.text
    assert f.company_name == "Osprey Analytics Corporation"
    assert f.report_date == "2024-11-14"
    items = f.sections_of("item")
    assert [(s.number, s.label) for s in items] == [("5.07", "item 5.07"), ("9.01", "item 9.01")]
    assert items[0].title.startswith("Submission of Matters to a Vote")
    (desc,) = f.sections_of("exhibit_description")
    assert desc.number == "104" and desc.label == "exhibit_index"
    sig = f.signature
    assert (sig.date, sig.name, sig.title) == ("2024-11-18", "Alex Example", "Corporate Secretary")


def test_bare_press_release_strips_site_lines():
    f = parse_file(FIX / "press_release.md")
    assert f.form_type == "press release" and f.input_format == "text"
    assert f.company_name == "Zephyr Biotech, Inc."
    assert f.report_date == "2026-01-08" and f.report_date_source == "dateline"
    assert f.tickers == ("NASDAQ:ZPHB",)
    assert "summary:" not in f.text and "Original Press Release" not in f.text and "qr.webp" not in f.text
    (pr,) = f.sections_of("press_release")
    assert pr.label == "press release"
    assert f.text[pr.start:].startswith("ATLANTA, GA - January 8, 2026")  # headline left out


def test_old_style_item_and_standalone_exhibit():
    doc = (b"<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\nSECURITIES AND EXCHANGE COMMISSION\n\nFORM 8-K\n\n"
           b"Date of Report: May 2, 1998\n\nGADWALL FOODS, INC.\n(Exact name of registrant as specified in its charter)\n\n"
           b"Item 5. Other Events.\n\nThe board declared a dividend.\n</TEXT>\n</DOCUMENT>\n")
    f = parse_bytes(doc, "x.txt")
    (item,) = f.sections_of("item")
    assert (item.number, item.label, item.title) == ("5", "item 5", "Other Events")
    ex = parse_bytes(b"<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\n<html><p>PLOVER INC. (NYSE: PLV) today announced"
                     b" a dividend.</p></html>\n</TEXT>\n</DOCUMENT>", "ex.htm")
    assert ex.form_type == "EX-99.1" and ex.sections[0].label == "EX-99.1"


def test_sections_cover_the_text():
    f = parse_file(FIX / "full_submission_pem.txt")
    covered = set()
    for s in f.sections:
        assert 0 <= s.start < s.end <= len(f.text)
        covered.update(range(s.start, s.end))
    assert all(f.text[i].isspace() for i in range(len(f.text)) if i not in covered)


# --- HTML rendering ------------------------------------------------------------------------

@pytest.mark.parametrize("markup, expected", [
    ("<p>a</p><p>b</p>", "a\n\nb"),
    ("<div>one<br>two</div>", "one\ntwo"),
    ("<table><tr><td>99.1</td><td> </td><td>Press release</td></tr></table>", "99.1 | Press release"),
    ("<p>x<span style='display: none'>hidden</span>y</p>", "xy"),
    ("<p>caf&eacute; &amp; &#8220;q&#8221;</p>", "café & “q”"),
    ("<p>unclosed <b>bold", "unclosed bold"),
])
def test_html_to_text(markup, expected):
    assert html_to_text(markup).strip() == expected


def test_external_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    doctype = f"<!DOCTYPE x [<!ENTITY e SYSTEM '{secret.as_uri()}'>]>"
    assert "TOP-SECRET" not in html_to_text(doctype + "<p>&e;</p>")
    assert "TOP-SECRET" not in xml_to_text(f"<?xml version='1.0'?>{doctype}<x><v>&e;</v></x>")


# --- decoding ------------------------------------------------------------------------------

@pytest.mark.parametrize("data, expected", [
    ("FORM 8-K caf\u00e9".encode("utf-8"), "FORM 8-K café"),
    (b"\xef\xbb\xbfFORM 8-K", "FORM 8-K"),
    ("FORM 6-K \u201cq\u201d".encode("utf-16"), "FORM 6-K “q”"),
    (b"FORM 8-K \x93q\x94", "FORM 8-K “q”"),  # Windows-1252 smart quotes
    (b"FORM 8-K \x81", "FORM 8-K \x81"),  # undefined in cp1252: Latin-1
    (b"a\r\nb\rc\xc2\xa0d", "a\nb\nc d"),
])
def test_decode_fallbacks(data, expected):
    assert decode(data) == expected


# --- errors --------------------------------------------------------------------------------

@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"   \n", "empty"),
    (b"%PDF-1.4 ...", "PDF"),
    (b"\xff\xd8\xff\xe0JFIF", "JPEG"),
    (b"abc\x00def", "NUL"),
    (bytes(range(1, 32)) * 50, "non-text"),
    (b"begin 644 logo.jpg\nM_]C_X``02D9)1@`!`0$`2`!(``#_VP!#``,\nend\n", "uuencoded"),
])
def test_decode_errors(data, message):
    with pytest.raises(DecodeError, match=message):
        parse_bytes(data, "bad.txt")


def test_read_errors(tmp_path):
    with pytest.raises(ReadError, match="cannot read"):
        parse_file(tmp_path / "missing.txt")
    with pytest.raises(ReadError, match="directory"):
        parse_file(tmp_path)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2000)
    with pytest.raises(ReadError, match="above the limit"):
        parse_file(big, max_bytes=1000)


@pytest.mark.parametrize("data", [
    b"<SEC-HEADER>\nACCESSION NUMBER: 1\n",                         # truncated header
    b"<DOCUMENT>\n<TYPE>8-K\n<TEXT>\n<html><body><p>FORM 8-K<div>",  # truncated document
    b"<DOCUMENT><DOCUMENT></DOCUMENT>text",
    b"<html><body>" + b"<div>" * 5000 + b"deep",                     # very deep nesting
    b"Item 5.07 " * 20000,                                           # a 200 kB single line
])
def test_malformed_inputs_parse_or_raise_only_our_errors(data):
    try:
        parse_bytes(data, "odd.txt")
    except ExtractorError:
        pass


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000) | st.text(max_size=2000).map(lambda s: s.encode("utf-8")))
def test_any_bytes_raise_only_extractor_errors(data):
    try:
        f = parse_bytes(data, "fuzz.txt")
    except ExtractorError:
        return
    for s in f.sections:
        assert 0 <= s.start <= s.end <= len(f.text)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["<DOCUMENT>", "<TYPE>8-K", "<TEXT>", "</TEXT>", "<SEC-HEADER>", "</SEC-HEADER>",
                                  "ACCESSION NUMBER:\t0000000000-00-000000", "<p>", "<table><tr><td>", "Item 9.01",
                                  "EXHIBIT INDEX", "99.1  Press release", "SIGNATURES", "/s/ X", "\n", "x y"]),
                max_size=60).map(lambda parts: "\n".join(parts).encode()))
def test_sgml_shaped_noise(data):
    try:
        parse_bytes(data, "noise.txt")
    except ExtractorError:
        pass


# --- the dev corpus ------------------------------------------------------------------------

@requires_shared
def test_dev_corpus_parses_fast_and_without_errors():
    files = sorted((SHARED / "corpus" / "dev" / "filings").iterdir())
    t0 = time.perf_counter()
    for path in files:
        filing = parse_file(path)
        assert filing.text.strip(), path.name
        assert filing.sections, path.name
    assert time.perf_counter() - t0 < 15


# --- hostile and odd inputs (issue 5) ----------------------------------------------------------

@pytest.mark.parametrize("data, expected", [
    # mostly UTF-8 with stray Windows-1252 bytes: both kept, nothing garbled
    ("caf\u00e9 ".encode() + b"\x93quoted\x94 \xff end", "café “quoted” ÿ end"),
    ("FORM 6-K \u201cq\u201d".encode("utf-16-le"), "FORM 6-K “q”"),  # UTF-16 without a BOM
    ("FORM 6-K \u201cq\u201d".encode("utf-16-be"), "FORM 6-K “q”"),
    ("FORM 6-K x".encode("utf-32"), "FORM 6-K x"),                  # UTF-32 with its BOM
    # a stray control byte, a NUL past the first 64 kB: dropped (never handed to lxml)
    (b"FORM 8-K\x1a text" + b" filler" * 10_000 + b"\x00 end", "FORM 8-K text" + " filler" * 10_000 + " end"),
])
def test_decode_odd_encodings(data, expected):
    assert decode(data) == expected


def test_reader_refuses_a_named_pipe_without_blocking(tmp_path):
    import os
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ReadError, match="named pipe"):
        parse_file(fifo)


def test_reader_names_a_symlink_loop(tmp_path):
    import os
    os.symlink(tmp_path / "b", tmp_path / "a")
    os.symlink(tmp_path / "a", tmp_path / "b")
    with pytest.raises(ReadError, match="symbolic link loop"):
        parse_file(tmp_path / "a")


@pytest.mark.parametrize("depth", [300, 5000, 200_000])
def test_deep_nesting_keeps_the_text(depth):
    assert html_to_text("<html><body><p>before</p>" + "<font size=2>" * depth + "deep words<p>after</p>") \
        .split() == ["before", "deep", "words", "after"]
    out = html_to_text("<html><body>" + "<div>" * depth + "inside" + "</div>" * depth + "<p>tail</p>")
    assert out.split() == ["inside", "tail"]


def test_text_node_over_10_mb_is_kept():
    out = html_to_text("<html><body><p>start " + "x" * 11_000_000 + "</p><p>END</p>")
    assert out.startswith("start x") and out.endswith("END")


def test_scripts_and_styles_never_become_text():
    js = "<script>var t = 'SCRIPT reverse split';</script><style>p {content: 'STYLE'}</style>"
    f = parse_bytes((js * 400 + "<p>FORM 8-K words</p>").encode(), "s.htm")  # 5 kB of script first
    assert f.input_format == "html" and "SCRIPT" not in f.text and "STYLE" not in f.text
    assert "words" in f.text
    plain = parse_bytes(b"FORM 8-K\n\n<script>\nalert('SCRIPT')\n</script>\nThe text.\n", "p.txt")
    assert "SCRIPT" not in plain.text and "The text." in plain.text


def test_an_unclosed_hidden_div_does_not_swallow_the_document():
    body = "<p>Item 8.01 Other Events.</p>" + "<p>The board declared a dividend of $0.10 per share.</p>" * 60
    out = html_to_text("<html><body><div style='display:none'><ix:header>HIDDEN-FACT</ix:header>" + body)
    assert "board declared a dividend" in out and "HIDDEN-FACT" not in out


def test_a_document_inside_one_table_cell_keeps_its_paragraphs():
    paras = "".join(f"<p>Item {n}.01 Heading {n}</p><p>{'Words of the item. ' * 20}</p>" for n in (1, 7, 8))
    out = html_to_text(f"<html><body><table><tr><td>{paras}</td><td>side</td></tr></table>")
    assert "\nItem 7.01 Heading 7\n" in out


@pytest.mark.parametrize("ref", ["&#xD800;", "&#55296;", "&#0;", "&#x110000;", "&#99999999999;"])
def test_invalid_character_references(ref):
    assert html_to_text(f"<html><p>a {ref} b</p>").split()[::2] == ["a", "b"]
    assert xml_to_text(f"<?xml version='1.0'?><r><v>a {ref} b</v></r>").startswith("v: a")


def test_external_entities_over_http_are_never_fetched():
    import http.server
    import socketserver
    import threading

    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"FETCHED")

        def log_message(self, *args):
            pass

    with socketserver.TCPServer(("127.0.0.1", 0), Handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}"
        doctype = (f"<!DOCTYPE html [<!ENTITY web SYSTEM '{url}/e'><!ENTITY pw SYSTEM 'file:///etc/passwd'>"
                   f"<!ENTITY % d SYSTEM '{url}/dtd'> %d;]>")
        xhtml = f"<?xml version='1.0'?>{doctype}<html xmlns='http://www.w3.org/1999/xhtml'><body><p>A &web; &pw; B</p>"
        outs = [html_to_text(xhtml), xml_to_text(xhtml),
                parse_bytes(xhtml.encode(), "x.xhtml").text,
                parse_bytes(f"<DOCUMENT>\n<TYPE>4\n<TEXT>\n<XML>\n<?xml version='1.0'?>{doctype}<r><v>&web;&pw;</v></r>"
                            f"\n</XML>\n</TEXT>\n</DOCUMENT>".encode(), "f4.txt").text]
        server.shutdown()
    assert hits == []
    for out in outs:
        assert "FETCHED" not in out and "root:" not in out


@pytest.mark.parametrize("data", [
    b"<SEC-HEADER>" * 50_000 + b"<DOCUMENT><TEXT>hi",   # was quadratic: a lazy match per opener
    b"<DOCUMENT>" * 20_000,
    b"<html><body>" + b"<table><tr><td>x" * 20_000,
    b"FORM 8-K\n" + b"Pursuant to the requirements of the Securities Exchange Act\n" * 20_000,
    b"<!DOCTYPE html [" + b"<!ENTITY a 'b'>" * 20_000 + b"<html><p>x",
])
def test_pathological_inputs_stay_fast(data):
    t0 = time.perf_counter()
    try:
        parse_bytes(data, "slow.txt")
    except ExtractorError:
        pass
    assert time.perf_counter() - t0 < 5


def test_garbage_header_values_leave_fields_empty_with_warnings():
    doc = (b"<SEC-HEADER>\n<ACCEPTANCE-DATETIME>0001XX01000000\nACCESSION NUMBER:\t0000000001-20-00000Z\n"
           b"CONFORMED SUBMISSION TYPE:\t8-K\nFILED AS OF DATE:\t20201345\nCONFORMED PERIOD OF REPORT:\t00010101\n"
           b"FILER:\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\tGADWALL FOODS INC\n\t\tCENTRAL INDEX KEY:\t12AB34\n"
           b"</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nThe board declared a dividend.\n</TEXT>\n</DOCUMENT>\n")
    f = parse_bytes(doc, "g.txt")
    assert (f.cik, f.filed_date, f.period_of_report, f.accepted_at, f.accession_number) == (None,) * 5
    assert f.form_type == "8-K" and f.company_name == "GADWALL FOODS INC"
    assert len(f.warnings) == 5
    assert "header CIK '12AB34' is not a number; ignored" in f.warnings
    assert "header acceptance datetime '0001XX01000000' is not a timestamp; ignored" in f.warnings
    assert all(len(w) < 120 for w in f.warnings)  # a value that runs on is cut, not quoted whole
    assert "dividend" in f.text


def test_six_k_exhibit_listed_above_the_signature_is_an_exhibit_description():
    f = parse_file(FIX / "bare_6k.txt")
    descs = f.sections_of("exhibit_description")
    assert [d.number for d in descs] == ["99.1"] * len(descs) and descs
    assert all(d.label == "exhibit_index" for d in descs)


@pytest.mark.parametrize("data", [
    "FORM 6-K\nFor the month of \u017feptember 2002\n".encode(),     # re.I: "ſ" matches "s"
    "<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>\u00b2\n<TEXT>\nhello\n".encode(),  # "²".isdigit() is True
    "<SEC-HEADER>\nFILER:\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\tX CORP\n\t\tCENTRAL INDEX KEY:\t\u00b2\u00b3\n"
    "</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nhello\n".encode(),
])
def test_unicode_lookalikes_are_not_parser_bugs(data):
    f = parse_bytes(data, "u.txt")
    assert f.cik is None and f.report_month is None and "hello" in f.text or "month" in f.text


def test_a_time_budget_running_out_while_reading_is_a_timeout_not_a_read_error(tmp_path, monkeypatch):
    from extractor import reader
    from extractor.errors import ExtractionTimeout

    path = tmp_path / "f.txt"
    path.write_text("FORM 8-K")

    def slow_open(*args, **kwargs):  # SIGALRM lands in the read: ExtractionTimeout is an OSError too
        raise ExtractionTimeout("f.txt took longer than its time budget of 0.01 s")
    monkeypatch.setattr(reader, "open", slow_open, raising=False)
    with pytest.raises(ExtractionTimeout):
        parse_file(path)


@pytest.mark.parametrize("markup", [
    "<html>" + "<!DOCTYPE [" * 20_000,
    "<html><body>" + "<div>" * 300 + "<script>x" * 50_000 + "<!--" * 50_000 + "<a" * 50_000,  # regex fallback
    "<html><body>" + "<font>" * 300 + "<ix:header>" * 50_000,
])
def test_pathological_markup_stays_fast(markup):
    from extractor.htmltext import regex_html_to_text
    t0 = time.perf_counter()
    html_to_text(markup)
    regex_html_to_text(markup)
    assert time.perf_counter() - t0 < 5


def test_press_release_company_from_a_hard_wrapped_lead_after_a_slash_wire_tag(tmp_path):
    # invented: the wire tag between slashes and a legal suffix wrapped onto the next line
    p = tmp_path / "release.txt"
    p.write_text("Marrowby Instruments Announces 1-for-8 Reverse Stock Split\n\n"
                 "TULSA, Oklahoma, March 2, 2042 /WIRENEWS/ -- Marrowby Instruments,\n"
                 "Inc. (Nasdaq: MRWB) (the \"Company\") today announced that its Board has approved\n"
                 "a 1-for-8 reverse stock split of its common stock.\n", encoding="utf-8")
    assert parse_file(p).company_name == "Marrowby Instruments, Inc."
