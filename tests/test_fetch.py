"""``extractor fetch`` against a loopback EDGAR (tests/edgar_server.py); no test touches the internet."""
from __future__ import annotations

import csv
import os
import subprocess
import sys
import time
import types
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor import fetch as F
from extractor.cli_fetch import main as cli_main  # noqa: F401  (the module entry point imports)

sys.path.insert(0, str(Path(__file__).parent))
from edgar_server import EdgarServer  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures" / "edgar"
REPO = Path(__file__).resolve().parent.parent
UA = "Jane Analyst jane@example.com"

B07, B09, B12, B25 = (f"edgar/data/9900001/{a}.txt" for a in
                      ("0009900001-24-000007", "0009900001-24-000009", "0009900001-24-000012",
                       "0009900001-25-000001"))
Q18, Q21, Q24, Q27, Q31, Q36, Q25 = (f"edgar/data/9900002/{a}.txt" for a in
                                     ("0009900002-24-000018", "0009900002-24-000021",
                                      "0009900002-24-000024", "0009900002-24-000027",
                                      "0009900002-24-000031", "0009900002-24-000036",
                                      "0009900002-25-000002"))
L11, L15 = "edgar/data/9900003/0009900003-24-000011.txt", "edgar/data/9900003/0009900003-24-000015.txt"
FULL_Q3, FULL_Q4 = "edgar/full-index/2024/QTR3/master.idx", "edgar/full-index/2024/QTR4/master.idx"
DAILY_0106 = "edgar/daily-index/2025/QTR1/master.20250106.idx"

_SCRUB = ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY",
          "EXTRACTOR_USER_AGENT", "SEC_USER_AGENT", "EXTRACTOR_EDGAR_BASE_URL")


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch):
    for name in _SCRUB:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def server():
    with EdgarServer(FIXTURES) as srv:
        yield srv


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def data_files(root: Path) -> set[str]:
    return {k for k in tree(root) if k.startswith("edgar/data/")}


def fetch(srv, out, **kw):
    kw.setdefault("user_agent", UA)
    kw.setdefault("rate", F.MAX_RATE)
    kw.setdefault("backoff", 0.05)
    kw.setdefault("today", date(2025, 3, 1))
    return F.fetch_filings(out, base_url=srv.base_url, **kw)


# ------------------------------------------------------------------ pure functions

def test_parse_master_index_full_and_daily():
    full = F.parse_master_index((FIXTURES / FULL_Q4).read_text())
    assert len(full) == 6
    e = [x for x in full if x.filename == Q31][0]
    assert (e.cik, e.company, e.form, e.date_filed) == ("9900002", "QUILLFEATHER THERAPEUTICS, INC.", "8-K",
                                                        date(2024, 10, 17))
    daily = F.parse_master_index((FIXTURES / DAILY_0106).read_text())
    assert {x.filename for x in daily} == {B25, Q25}
    assert all(x.date_filed == date(2025, 1, 6) for x in daily)
    with pytest.raises(ValueError):
        F.parse_master_index("<html>not an index</html>")


def test_quarters_and_paths():
    assert F.quarters(date(2024, 8, 1), date(2025, 1, 10)) == [(2024, 3), (2024, 4), (2025, 1)]
    assert F.quarters(date(2024, 2, 1), date(2024, 2, 2)) == [(2024, 1)]
    assert F.full_index_path(2024, 3) == "edgar/full-index/2024/QTR3/master.idx"
    assert F.daily_index_path(date(2025, 1, 6)) == DAILY_0106
    assert F.normalize_cik("0009900002") == "9900002" and F.split_list(["6-K, 8-K", "8-K/A"]) == ["6-K", "8-K", "8-K/A"]
    with pytest.raises(F.FetchConfigError):
        F.normalize_cik("QUIL")


def test_user_agent_rules():
    assert F.resolve_user_agent(UA, {}) == UA
    assert F.resolve_user_agent(None, {"SEC_USER_AGENT": "Acme Research ops@acme.example.org"}) \
        == "Acme Research ops@acme.example.org"
    assert F.resolve_user_agent(None, {"EXTRACTOR_USER_AGENT": UA, "SEC_USER_AGENT": "x y@z.io"}) == UA
    for bad in (None, "", "   ", "Jane Analyst", "jane@example.com", "<jane@example.com>"):
        with pytest.raises(F.UserAgentError):
            F.resolve_user_agent(bad, {})


def test_rate_limiter_spacing_uses_actual_release_times():
    now = [0.0]
    slept = []

    def sleep(s):
        slept.append(s)
        now[0] += s + 0.003          # every sleep overshoots a little

    lim = F.RateLimiter(5, clock=lambda: now[0], sleep=sleep)
    times = []
    for _ in range(12):
        lim.acquire()
        times.append(now[0])
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert min(gaps) >= 1 / 5
    with pytest.raises(F.FetchConfigError):
        F.RateLimiter(0)


# ------------------------------------------------------------------ against the loopback EDGAR

def test_fetch_exact_selection_rate_retries_and_idempotent_rerun(server, tmp_path):
    out = tmp_path / "edgar-out"
    server.retry_after = "1"
    server.inject(FULL_Q3, "500")
    server.inject(DAILY_0106, "503")
    server.inject(Q31, "429")
    server.inject(Q24, "drop")
    server.inject(B12, "truncate")
    res = fetch(server, out, ciks=["9900002", "9900001"], forms=["8-K,6-K"],
                since="2024-08-01", until="2025-01-10", rate=5, workers=4)

    expected = {Q24, Q31, Q36, Q25, B09, B12, B25}      # not Q18 (date), Q21 (10-Q), Q27 (8-K/A)
    assert res.errors == []
    assert (res.listed, res.downloaded, res.skipped, res.failed) == (7, 7, 0, 0)
    assert data_files(out) == expected
    for rel in expected:
        assert (out / rel).read_bytes() == (FIXTURES / rel).read_bytes()
    assert sorted(res.paths) == sorted(str(out / rel) for rel in expected)
    assert not list(out.rglob("*.part"))
    # indexes kept in EDGAR's layout; the 2025 QTR1 full index is 404 -> daily indexes
    assert (out / FULL_Q3).read_bytes() == (FIXTURES / FULL_Q3).read_bytes()
    assert (out / DAILY_0106).is_file() and not (out / "edgar/full-index/2025").exists()

    # the rate, measured by the server
    assert server.max_in_window(1.0) <= 5
    # every request declared the User-Agent
    assert {h.headers.get("User-Agent") for h in server.requests()} == {UA}
    # each transient failure was retried until it succeeded
    for rel, fault in ((FULL_Q3, "500"), (DAILY_0106, "503"), (Q31, "429"), (Q24, "drop"), (B12, "truncate")):
        hits = server.requests("GET", rel)
        assert hits[0].fault == fault and hits[-1].status in (200, 206) and hits[-1].fault is None, rel
    # Retry-After: 1 honoured
    q31 = server.requests("GET", Q31)
    assert q31[1].time - q31[0].time >= 0.95
    # the truncated body was resumed with a Range request, not downloaded again
    b12 = server.requests("GET", B12)
    assert b12[-1].status == 206 and b12[-1].headers.get("Range", "").startswith("bytes=")
    # nothing else was fetched: no filing outside the selection, each filing in full once
    assert sorted(server.downloaded()) == sorted(expected)

    # a second run downloads nothing
    server.reset()
    again = fetch(server, out, ciks=["9900002", "9900001"], forms=["8-K,6-K"],
                  since="2024-08-01", until="2025-01-10")
    assert (again.listed, again.downloaded, again.skipped, again.failed) == (7, 0, 7, 0)
    assert again.errors == [] and again.indexes_downloaded == 0 and again.indexes_cached == 4
    assert server.requests(prefix="edgar/data/") == []
    idx = server.requests("GET", "edgar/")
    assert idx and all(h.status in (304, 404) for h in idx)
    assert all("If-Modified-Since" in h.headers for h in idx if h.status == 304)
    assert data_files(out) == expected


def test_company_substring_and_exact_forms(server, tmp_path):
    res = fetch(server, tmp_path / "a", companies=["quillFEATHER"], forms=["8-K"],
                since="2024-07-01", until="2024-12-31")
    assert data_files(tmp_path / "a") == {Q18, Q24, Q31, Q36}         # no 8-K/A, no 10-Q
    assert res.listed == 4 and res.ok
    res = fetch(server, tmp_path / "b", companies=["Quillfeather"], forms=["8-K", "8-K/A"],
                since="2024-09-01", until="2024-10-31")
    assert data_files(tmp_path / "b") == {Q27, Q31}


def test_missing_filing_and_exhausted_retries_are_error_rows(server, tmp_path):
    out = tmp_path / "out"
    server.inject(L11, "500", "500", "500")
    res = fetch(server, out, ciks=["9900005", "0009900003"], since="2024-07-01", until="2024-12-31",
                retries=2, workers=1)
    assert (res.listed, res.downloaded, res.failed) == (3, 1, 2)
    assert data_files(out) == {L15}
    rows = {Path(e.path).as_posix().split("/edgar/")[-1]: e for e in res.errors}
    assert "HTTP 500" in rows["data/9900003/0009900003-24-000011.txt"].error
    assert "3 attempts" in rows["data/9900003/0009900003-24-000011.txt"].error
    assert "404" in rows["data/9900005/0009900005-24-000004.txt"].error
    assert rows["data/9900005/0009900005-24-000004.txt"].url == \
        f"{server.base_url}/edgar/data/9900005/0009900005-24-000004.txt"
    assert res.exit_code == 1 and not list(out.rglob("*.part"))


def test_cli_summary_errors_csv_and_exit_code(server, tmp_path):
    out = tmp_path / "out"
    r = CliRunner().invoke(_app(), ["fetch", "--cik", "9900005", "--cik", "9900004", "--since", "2024-10-01",
                                    "--until", "2024-12-31", "-o", str(out), "--base-url", server.base_url],
                           env={"SEC_USER_AGENT": UA})
    assert r.exit_code == 1, r.output
    assert "2 listed, 1 downloaded, 0 skipped, 1 failed" in r.output
    with open(out / F.ERRORS_FILE, newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 1 and list(rows[0]) == ["url", "path", "error"]
    assert rows[0]["url"].endswith("/edgar/data/9900005/0009900005-24-000004.txt") and "404" in rows[0]["error"]
    # all fine -> exit 0 and an errors file with its header only
    r = CliRunner().invoke(_app(), ["fetch", "--cik", "9900004", "--since", "2024-10-01", "--until", "2024-12-31",
                                    "-o", str(out), "--base-url", server.base_url, "--user-agent", UA])
    assert r.exit_code == 0, r.output
    assert "1 listed, 0 downloaded, 1 skipped, 0 failed" in r.output
    assert (out / F.ERRORS_FILE).read_text() == "url,path,error\n"


@pytest.mark.parametrize("args, env, message", [
    ([], {}, "User-Agent"),
    (["--user-agent", "Jane Analyst"], {}, "e-mail"),
    ([], {"EXTRACTOR_USER_AGENT": "jane@example.com"}, "name"),
    (["--user-agent", UA, "--rate", "11"], {}, "at most 10"),
    (["--user-agent", UA, "--until", "2024-01-01"], {}, "before"),
    (["--user-agent", UA, "--since", "last tuesday"], {}, "not a date"),
])
def test_cli_refuses_bad_arguments_with_exit_2(server, tmp_path, args, env, message):
    out = tmp_path / "out"
    base = ["fetch", "--cik", "9900002", "--since", "2024-08-01", "-o", str(out), "--base-url", server.base_url]
    r = CliRunner().invoke(_app(), base + args, env=env)
    assert r.exit_code == 2, r.output
    assert message in r.output
    assert server.requests() == [] and not out.exists()


def test_existing_file_without_state_is_checked_with_head(server, tmp_path):
    out = tmp_path / "out"
    (out / L15).parent.mkdir(parents=True)
    (out / L15).write_bytes((FIXTURES / L15).read_bytes())          # e.g. copied from elsewhere
    (out / L11).write_bytes(b"truncated by someone")                # wrong size: fetched again
    res = fetch(server, out, ciks=["9900003"], since="2024-07-01", until="2024-12-31")
    assert (res.downloaded, res.skipped) == (1, 1)
    assert sorted(h.path for h in server.requests("HEAD")) == sorted([L11, L15])
    assert server.downloaded() == [L11]
    assert (out / L11).read_bytes() == (FIXTURES / L11).read_bytes()


def test_an_index_changed_on_the_server_is_downloaded_again(server, tmp_path):
    out = tmp_path / "out"
    fetch(server, out, ciks=["9900003"], since="2024-10-01", until="2024-12-31")
    server.reset()
    server.last_modified += 86400                      # EDGAR republished the quarter's index
    res = fetch(server, out, ciks=["9900003"], since="2024-10-01", until="2024-12-31")
    assert (res.indexes_downloaded, res.indexes_cached, res.downloaded, res.skipped) == (1, 0, 0, 1)
    (hit,) = server.requests("GET", FULL_Q4)
    assert hit.status == 200 and "If-Modified-Since" in hit.headers


def test_run_fetches_then_extracts_the_fetched_filings(server, tmp_path, monkeypatch):
    calls = []
    fake = types.ModuleType("extractor.api")

    def extract_to(paths, output, *, jobs=None, quiet=False):
        calls.append((paths, output, jobs, quiet))
        return 0

    fake.extract_to = extract_to
    monkeypatch.setitem(sys.modules, "extractor.api", fake)
    r = CliRunner().invoke(_app(), ["run", "--cik", "9900003", "--since", "2024-07-01", "--until", "2024-12-31",
                                    "--dir", str(tmp_path / "dl"), "-o", str(tmp_path / "events.csv"),
                                    "--base-url", server.base_url, "--user-agent", UA, "-q", "-j", "2"])
    assert r.exit_code == 0, r.output
    assert calls == [([str(tmp_path / "dl" / L11), str(tmp_path / "dl" / L15)],
                      str(tmp_path / "events.csv"), 2, True)]


def test_kill_halfway_then_rerun_gives_the_uninterrupted_tree(server, tmp_path):
    args = ["fetch", "--cik", "9900001,9900003", "--since", "2024-07-01", "--until", "2024-12-31",
            "--base-url", server.base_url, "--user-agent", UA, "--quiet"]
    env = {k: v for k, v in os.environ.items() if k not in _SCRUB}

    def cli(out, *extra, wait=True):
        cmd = [sys.executable, "-m", "extractor.cli_fetch", *args, "-o", str(out), *extra]
        p = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if wait:
            o, e = p.communicate(timeout=60)
            assert p.returncode == 0, (o, e)
        return p

    ref = tmp_path / "uninterrupted"
    cli(ref)
    assert data_files(ref) == {B07, L11, B09, B12, L15}

    # the third filing (in filing-date order) hangs half-way through its body
    server.reset()
    server.inject(B09, "stall")
    out = tmp_path / "killed"
    proc = cli(out, "--workers", "1", wait=False)
    try:
        assert server.stall_started.wait(20), proc.stderr.read() if proc.poll() is not None else "no stall"
        part = out / (B09 + ".part")
        deadline = time.monotonic() + 10
        while not (part.exists() and part.stat().st_size > 0) and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        proc.kill()
        proc.communicate()
        server.release.set()
    assert data_files(out) == {B07, L11, B09 + ".part"}
    half = part.stat().st_size
    assert 0 < half < (FIXTURES / B09).stat().st_size

    server.reset()
    cli(out)
    assert tree(out) == tree(ref)                                      # byte for byte, state included
    assert not list(out.rglob("*.part"))
    got = server.requests("GET", "edgar/data/")
    assert {h.path for h in got} == {B09, B12, L15}                    # nothing downloaded twice
    b09 = [h for h in got if h.path == B09]
    assert len(b09) == 1 and b09[0].status == 206 and b09[0].headers["Range"] == f"bytes={half}-"


def test_lock_keeps_a_second_fetch_out(server, tmp_path):
    pytest.importorskip("fcntl")
    out = tmp_path / "out"
    out.mkdir()
    with F._dir_lock(out):
        with pytest.raises(F.FetchLockedError):
            fetch(server, out, ciks=["9900003"], since="2024-07-01", until="2024-12-31")
    assert server.requests() == []


def _app():
    import typer

    from extractor.cli_fetch import fetch as fetch_cmd, run as run_cmd

    app = typer.Typer(add_completion=False)
    app.command("fetch")(fetch_cmd)
    app.command("run")(run_cmd)
    return app
