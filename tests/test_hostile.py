"""Broken and hostile input in one batch: nothing crashes, nothing is lost, nothing escapes.

The inputs are generated here, in ``tmp_path``, from the project's own samples:

- readable oddities (Windows-1252, UTF-16, stray bytes, unclosed HTML, scripts, truncated SGML,
  a header of garbage values, 400 unclosed tags, external entities, a folder named ``x.txt``) —
  each must give the same events as the clean sample it was made from;
- unreadable inputs (empty, blank, PDF, JPEG, a bare uuencoded blob, above ``--max-bytes``,
  a symbolic-link loop, a dangling link, a named pipe, a missing path, no permission) — each
  must give exactly one error row with its stage and a message a person understands;
- the dev corpus (when ``../shared`` is present), whose events must be those of a clean run.

The batch runs through the CLI in a subprocess whose TMPDIR, HOME and working directory are
empty folders of its own, so that anything written outside the output path shows.
"""
from __future__ import annotations

import csv
import html
import http.server
import os
import re
import socketserver
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from extractor.api import process_file

from conftest import SHARED, requires_shared

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
DEV = SHARED / "corpus" / "dev" / "filings"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
SUMMARY = re.compile(r"^read (\d+) filings: (\d+) extracted, (\d+) failed, (\d+) skipped; (\d+) events -> (.+)$")
EVENT_KEY = ("event_type", "event_date", "status", "ratio", "meeting_type", "subject")
SCRIPT_MARK = "SCRIPTMARKER"


# --- a loopback HTTP server that counts requests (an external entity must never fetch it) -----

class _Counter(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        _Counter.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"FETCHED-OVER-HTTP reverse stock split of 1-for-99 effective March 3, 2031")

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def http_trap():
    server = socketserver.TCPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


# --- the inputs ---------------------------------------------------------------------------

def _read(name: str) -> str:
    return (SAMPLES / name).read_text("utf-8")


def make_oddities(d: Path, http_url: str) -> dict[str, str]:
    """Readable oddities under ``d``: {path: the sample whose events it must give}."""
    d.mkdir(parents=True)
    twins: dict[str, str] = {}

    def put(name: str, data: bytes, twin: str) -> None:
        (d / name).write_bytes(data)
        twins[str(d / name)] = twin

    lumen, nordvik = _read("lumen-pr-dividend-2022.txt"), _read("nordvik-6k-2003.txt")
    kestrel, tamsin = _read("kestrel-8k-2024.htm"), _read("0000950123-19-004567.txt")

    # Windows-1252 with smart quotes and dashes
    smart = lumen.replace('"', "\u201c", 1).replace('"', "\u201d", 1).replace(" - ", " \u2013 ")
    put("cp1252-lumen.txt", smart.encode("cp1252"), "lumen-pr-dividend-2022.txt")
    # UTF-16 with a byte-order mark, CRLF line ends
    put("utf16-nordvik.txt", nordvik.replace("\n", "\r\n").encode("utf-16"), "nordvik-6k-2003.txt")
    # stray bytes that are not UTF-8 (Windows-1252 quotes, a lone 0xFF) in a UTF-8 file
    stray = (nordvik.replace("\n\n", "\n\n\u00a0\n", 3).encode("utf-8")
             .replace(b'"Company"', b"\x93Company\x94").replace(b"'s", b"\x92s").replace(b"\n\n", b"\n\xff\n", 2))
    assert b"\x93" in stray and b"\xc2\xa0" in stray
    put("stray-bytes-nordvik.txt", stray, "nordvik-6k-2003.txt")
    # HTML whose elements are never closed
    unclosed = re.sub(r"</(?:p|div|td|tr|table|span|b|font|body|html)\s*>", "", kestrel, flags=re.I)
    put("unclosed-kestrel.htm", unclosed.encode("utf-8"), "kestrel-8k-2024.htm")
    # scripts and styles everywhere, stating events that must never be read
    fake = f"{SCRIPT_MARK}: the Company effected a 1-for-50 reverse stock split effective January 5, 2031."
    junk = (f"<script>var s = '{fake}';</script><style>.x:after {{content: '{fake}'}}</style>"
            f"<script type='text/javascript'><!-- document.write('<p>{fake}</p>'); --></script>")
    scripted = kestrel.replace("<head>", "<head>" + junk * 20, 1).replace("<body", junk + "<body", 1)
    scripted = scripted.replace("</body>", junk * 50 + "</body>", 1)
    put("scripts-kestrel.htm", scripted.encode("utf-8"), "kestrel-8k-2024.htm")
    # truncated SGML: no </TEXT>, no </DOCUMENT>, no </SEC-DOCUMENT>
    truncated = re.sub(r"</(?:TEXT|DOCUMENT|SEC-DOCUMENT)>\s*", "", tamsin)
    put("truncated-tamsin.txt", truncated.encode("utf-8"), "0000950123-19-004567.txt")
    # a header of garbage values
    garbage = (tamsin.replace("FILED AS OF DATE:\t\t20190614", "FILED AS OF DATE:\t\t20191345")
               .replace("CENTRAL INDEX KEY:\t\t\t0001587342", "CENTRAL INDEX KEY:\t\t\t00015A7342")
               .replace("<ACCEPTANCE-DATETIME>20190614163211", "<ACCEPTANCE-DATETIME>2019XX14163211")
               .replace("CONFORMED PERIOD OF REPORT:\t20190612", "CONFORMED PERIOD OF REPORT:\t2019-06-12"))
    assert garbage.count("20191345") == 1 and "00015A7342" in garbage
    put("garbage-header-tamsin.txt", garbage.encode("utf-8"), "0000950123-19-004567.txt")
    # 400 unclosed inline tags (deeper than libxml2's 256 levels)
    deep = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + '<font size="2"><span>' * 200, kestrel, count=1)
    put("deep-kestrel.htm", deep.encode("utf-8"), "kestrel-8k-2024.htm")
    # XHTML declaring external entities: a local file and a URL; neither may be read
    doctype = (f'<!DOCTYPE html [<!ENTITY pw SYSTEM "file:///etc/passwd">'
               f'<!ENTITY web SYSTEM "{http_url}/entity"><!ENTITY % dtd SYSTEM "{http_url}/dtd"> %dtd;]>\n')
    xxe = kestrel.replace("<html", doctype + "<html", 1)
    xxe = re.sub(r"(<body[^>]*>)", r"\1<p>&pw; &web;</p>", xxe, count=1)
    xxe = xxe.replace("<head>", f'<head><link rel="stylesheet" href="{http_url}/css"/>'
                                f'<script src="{http_url}/js"></script>', 1)
    xxe = re.sub(r"(<body[^>]*>)", rf'\1<img src="{http_url}/img.png"/><iframe src="{http_url}/frame"></iframe>',
                 xxe, count=1)
    put("xxe-kestrel.xhtml", xxe.encode("utf-8"), "kestrel-8k-2024.htm")
    # a folder named like a file is walked, not an error
    folder = d / "folder.txt"
    folder.mkdir()
    (folder / "inner.txt").write_text(lumen, "utf-8")
    twins[str(folder / "inner.txt")] = "lumen-pr-dividend-2022.txt"
    return twins


def make_unreadable(d: Path) -> dict[str, tuple[str, str]]:
    """Unreadable inputs under ``d``: {path: (stage, words the message must contain)}."""
    d.mkdir(parents=True)
    bad: dict[str, tuple[str, str]] = {}

    def put(name: str, data: bytes, stage: str, words: str) -> None:
        (d / name).write_bytes(data)
        bad[str(d / name)] = (stage, words)

    put("empty.txt", b"", "decode", "empty")
    put("blank.txt", b" \r\n\t\n", "decode", "empty")
    put("report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog>>endobj\n" + bytes(range(256)) * 8,
        "decode", "PDF")
    put("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8, "decode", "JPEG")
    put("logo.uu", b"begin 644 logo.jpg\n" + b"M_]C_X``02D9)1@`!`0$`2`!(``#_VP!#``,\"`D*\"`@*\"0D)\"0P+\n" * 40
        + b"`\nend\n", "decode", "uuencoded")
    put("binary.dat", bytes(range(1, 32)) * 400, "decode", "non-text")
    # one line of 50 MB: above --max-bytes, refused from its size without being read (sparse file)
    with open(d / "one-line-50mb.txt", "wb") as fh:
        fh.truncate(50_000_000)
    bad[str(d / "one-line-50mb.txt")] = ("read", "above the limit")
    os.symlink(d / "loop-b.txt", d / "loop-a.txt")
    os.symlink(d / "loop-a.txt", d / "loop-b.txt")
    bad[str(d / "loop-a.txt")] = bad[str(d / "loop-b.txt")] = ("read", "symbolic link loop")
    os.symlink(d / "nowhere.txt", d / "dangling.txt")
    bad[str(d / "dangling.txt")] = ("read", "no such file")
    if hasattr(os, "mkfifo"):
        os.mkfifo(d / "pipe.txt")
        bad[str(d / "pipe.txt")] = ("read", "named pipe")
    if not IS_ROOT:  # root reads a chmod 000 file; the permission case is tested in-process below
        put("locked.txt", _read("nordvik-6k-2003.txt").encode(), "read", "permission denied")
        os.chmod(d / "locked.txt", 0)
    return bad


def _tree(path: Path) -> dict[str, tuple]:
    out = {}
    for root, dirs, files in os.walk(path):
        for name in dirs + files:
            p = Path(root) / name
            st = p.lstat()
            out[str(p.relative_to(path))] = (st.st_mode, st.st_size, st.st_mtime_ns)
    return out


def _rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def run_cli(args: list[str], cwd: Path, env_dir: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, TMPDIR=str(env_dir / "tmp"), HOME=str(env_dir / "home"), PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run([sys.executable, "-m", "extractor.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def batch(tmp_path_factory, http_trap):
    base = tmp_path_factory.mktemp("hostile")
    inputs = base / "in"
    twins = make_oddities(inputs / "odd", http_trap)
    bad = make_unreadable(inputs / "bad")
    missing = str(inputs / "does-not-exist.txt")
    bad[missing] = ("read", "no such file")
    for sub in ("tmp", "home", "cwd", "out"):
        (base / sub).mkdir()
    with_dev = DEV.is_dir()
    paths = [str(inputs), str(SAMPLES), missing] + ([str(DEV)] if with_dev else [])
    watched = {"in": inputs, "samples": SAMPLES, "tmp": base / "tmp", "home": base / "home", "cwd": base / "cwd"}
    if with_dev:
        watched["dev"] = DEV
    before = {k: _tree(p) for k, p in watched.items()}
    out = base / "out" / "mixed.csv"
    cmd = ["extract", *paths, "-o", str(out), "--max-bytes", "2000000", "--timeout", "120"]
    clean = None
    if with_dev:  # the dev corpus alone, at the same time on the other core
        (base / "clean").mkdir()
        env = dict(os.environ, TMPDIR=str(base / "tmp"), HOME=str(base / "home"), PYTHONDONTWRITEBYTECODE="1")
        clean = subprocess.Popen([sys.executable, "-m", "extractor.cli", "extract", str(DEV), "-o",
                                  str(base / "clean" / "dev.csv")], cwd=base / "cwd", env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc = run_cli(cmd, base / "cwd", base)
    clean_out = clean.communicate(timeout=900) if clean else None
    after = {k: _tree(p) for k, p in watched.items()}
    return {
        "base": base, "proc": proc, "out": out, "twins": twins, "bad": bad, "before": before, "after": after,
        "events": _rows(out), "filings": _rows(out.with_name("mixed.filings.csv")),
        "errors": _rows(out.with_name("mixed.errors.csv")), "with_dev": with_dev,
        "clean": (clean.returncode, clean_out, base / "clean" / "dev.csv") if clean else None,
    }


def _events_of(events: list[dict], source: str) -> list[tuple]:
    return sorted(tuple(r[k] for k in EVENT_KEY) for r in events if r["source_file"] == source)


# --- the batch ------------------------------------------------------------------------------

def test_exit_code_and_summary_account_for_every_input(batch):
    proc = batch["proc"]
    assert proc.returncode == 1, proc.stderr[-3000:]
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    m = SUMMARY.match(lines[-1])
    assert m, proc.stdout
    read, extracted, failed, skipped, n_events = map(int, m.groups()[:5])
    assert read == extracted + failed + skipped == len(batch["filings"])
    assert failed == len(batch["bad"]) == len(batch["errors"])
    assert n_events == len(batch["events"])
    assert m.group(6) == str(batch["out"])


def test_one_error_row_per_unreadable_input_with_stage_and_message(batch):
    errors = {r["source_file"]: r for r in batch["errors"]}
    assert len(errors) == len(batch["errors"]), "two error rows for one input"
    assert set(errors) == set(batch["bad"])
    for path, (stage, words) in batch["bad"].items():
        row = errors[path]
        assert row["stage"] == stage, (path, row)
        assert words.lower() in row["error"].lower(), (path, row["error"])
        assert "Traceback" not in row["error"] and len(row["error"]) < 400
    status = {r["source_file"]: r["status"] for r in batch["filings"]}
    assert all(status[p] == "failed" for p in batch["bad"])


def test_every_readable_oddity_gives_the_events_of_its_clean_twin(batch):
    status = {r["source_file"]: r["status"] for r in batch["filings"]}
    for path, twin in batch["twins"].items():
        assert status.get(path) == "extracted", path
        got = _events_of(batch["events"], path)
        want = _events_of(batch["events"], str(SAMPLES / twin))
        assert want, twin
        assert got == want, Path(path).name


def test_scripts_styles_and_external_entities_never_become_text(batch, http_trap):
    assert _Counter.hits == [], f"the extractor fetched {_Counter.hits}"
    everything = batch["out"].read_text("utf-8") + batch["out"].with_name("mixed.filings.csv").read_text("utf-8")
    assert SCRIPT_MARK not in everything
    assert "FETCHED-OVER-HTTP" not in everything
    passwd = Path("/etc/passwd")
    if passwd.exists():
        first = passwd.read_text(errors="replace").split("\n")[0]
        assert first and first not in everything
    assert "root:x:0" not in everything


def test_garbage_header_values_are_empty_with_warnings(batch):
    (row,) = [r for r in batch["filings"] if r["source_file"].endswith("garbage-header-tamsin.txt")]
    assert row["cik"] == "" and row["filed_date"] == "" and row["accepted_at"] == "" and row["period_of_report"] == ""
    assert row["accession_number"] == "0000950123-19-004567" and row["form_type"] == "8-K"
    for words in ("filed date '20191345' is not a date", "CIK '00015A7342' is not a number",
                  "acceptance datetime", "period of report"):
        assert words in row["warnings"]


def test_nothing_written_outside_the_output_path(batch):
    assert batch["after"] == batch["before"]
    out_dir = batch["out"].parent
    assert sorted(p.name for p in out_dir.iterdir()) == ["mixed.csv", "mixed.errors.csv", "mixed.filings.csv"]


@requires_shared
def test_dev_corpus_events_unchanged_by_the_hostile_company(batch):
    code, (stdout, stderr), clean_csv = batch["clean"]
    assert code == 0, stderr[-2000:]
    clean = _rows(clean_csv)
    dev = str(DEV)
    mixed = [r for r in batch["events"] if r["source_file"].startswith(dev)]
    assert len(clean) > 50
    assert sorted(map(sorted, (r.items() for r in mixed))) == sorted(map(sorted, (r.items() for r in clean)))
    dev_filings = [r for r in batch["filings"] if r["source_file"].startswith(dev)]
    assert len(dev_filings) == len(list(DEV.iterdir()))
    assert all(r["status"] == "extracted" for r in dev_filings)


# --- time budgets, permissions: one input at a time ------------------------------------------

def test_time_budget_turns_slow_inputs_into_error_rows(tmp_path):
    deep = tmp_path / "nested-200k.htm"
    deep.write_bytes(b"<html><body>" + b"<div>" * 200_000 + b"<p>a dividend of $0.10 per share</p>")
    line = tmp_path / "one-line.txt"
    line.write_bytes(b"FORM 8-K Item 8.01 the board declared a dividend of $0.10 per share. " * 100_000)
    for path in (deep, line):
        r = process_file(str(path), timeout=0.01)
        assert r.error is not None and r.error["stage"] == "timeout", r.error
        assert "time budget" in r.error["error"] and r.events == []
        assert r.filing["status"] == "failed"
    # the next input is read normally: the budget left nothing behind
    ok = process_file(str(SAMPLES / "nordvik-6k-2003.txt"), timeout=60)
    assert ok.error is None and ok.events


def test_unreadable_permission_is_a_read_error(tmp_path, monkeypatch):
    from extractor import reader

    path = tmp_path / "locked.txt"
    path.write_bytes((SAMPLES / "nordvik-6k-2003.txt").read_bytes())
    if IS_ROOT:  # root reads any file: make open() refuse as it would for another user
        def refuse(*args, **kwargs):
            raise PermissionError(13, "Permission denied", str(path))
        monkeypatch.setattr(reader, "open", refuse, raising=False)
    else:
        os.chmod(path, 0)
    r = process_file(str(path), timeout=None)
    assert r.error["stage"] == "read" and "permission denied" in r.error["error"]


@pytest.mark.skipif(IS_ROOT, reason="runs as root: chmod 000 does not stop root from reading the file")
def test_unreadable_permission_through_the_cli(tmp_path):
    path = tmp_path / "in" / "locked.txt"
    path.parent.mkdir()
    path.write_bytes((SAMPLES / "nordvik-6k-2003.txt").read_bytes())
    os.chmod(path, 0)
    for sub in ("tmp", "home", "cwd"):
        (tmp_path / sub).mkdir()
    proc = run_cli(["extract", str(path.parent), "-o", str(tmp_path / "out.csv")], tmp_path / "cwd", tmp_path)
    assert proc.returncode == 1
    (row,) = _rows(tmp_path / "out.errors.csv")
    assert row["stage"] == "read" and "permission denied" in row["error"]


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["one-line-50mb", "nested-200k"])
def test_huge_inputs_under_the_default_budget_finish_without_crashing(tmp_path, kind):
    path = tmp_path / f"{kind}.txt"
    if kind == "one-line-50mb":
        path.write_bytes(b"FORM 8-K the board declared a dividend of $0.10 per share payable May 1, 2024. " * 640_000)
    else:
        path.write_bytes(b"<html><body>" + b"<div>" * 200_000 + b"<p>FORM 8-K the board declared a dividend.</p>")
    r = process_file(str(path))  # budget from the size: 10 s + 4 s/MB
    assert r.filing["status"] in ("extracted", "failed")
    if r.error:
        assert r.error["stage"] in ("timeout", "parse", "nlp"), r.error
