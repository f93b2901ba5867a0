"""The command line: exact output, exit codes, companion files, errors on stderr.

``extract`` runs in a subprocess (the real entry point, its real stdout/stderr and exit
code); the light commands run through typer's CliRunner.
"""
from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor import __version__, extract
from extractor.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
SUMMARY = re.compile(r"read (\d+) filings: (\d+) extracted, (\d+) failed, (\d+) skipped; (\d+) events -> (\S.*)")
runner = CliRunner()


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extractor.cli", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=600, env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))


def rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def samples_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli") / "OUT.csv"
    return cli("extract", str(SAMPLES), "-o", str(out)), out


def test_extract_prints_exactly_the_summary_line(samples_run):
    proc, out = samples_run
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.endswith("\n") and proc.stdout.count("\n") == 1, repr(proc.stdout)
    line = proc.stdout.rstrip("\n")
    m = SUMMARY.fullmatch(line)
    assert m, line
    n = int(m.group(5))
    assert line == f"read 6 filings: 6 extracted, 0 failed, 0 skipped; {n} events -> {out}"
    assert n == len(rows(out)) > 0


def test_extract_writes_the_companion_files(samples_run):
    proc, out = samples_run
    filings, errors = out.with_name("OUT.filings.csv"), out.with_name("OUT.errors.csv")
    assert sorted(p.name for p in out.parent.iterdir()) == ["OUT.csv", "OUT.errors.csv", "OUT.filings.csv"]
    f = rows(filings)
    assert sorted(Path(r["source_file"]).name for r in f) == sorted(p.name for p in SAMPLES.iterdir())
    assert all(r["status"] == "extracted" for r in f)
    assert rows(errors) == []
    assert open(errors).readline().strip() == "source_file,stage,error,extractor_version"
    by_file = {r["source_file"]: int(r["n_events"]) for r in f}
    events = rows(out)
    assert sum(by_file.values()) == len(events)
    assert {r["source_file"] for r in events} <= set(by_file)


@pytest.mark.parametrize("output", ["out.xlsx", "out", "out.CSVX"])
def test_unknown_output_extension_exits_2_with_a_message(tmp_path, output):
    result = runner.invoke(app, ["extract", str(SAMPLES / "nordvik-6k-2003.txt"), "-o", str(tmp_path / output)])
    assert result.exit_code == 2
    assert "unknown output format" in result.stderr and result.stdout == ""
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_unknown_option_exits_2():
    result = runner.invoke(app, ["extract", str(SAMPLES), "-o", "x.csv", "--no-such-option"])
    assert result.exit_code == 2 and "No such option" in result.stderr


def test_missing_output_option_exits_2():
    result = runner.invoke(app, ["extract", str(SAMPLES)])
    assert result.exit_code == 2


def test_missing_input_is_a_failed_row_and_exit_1(tmp_path):
    out = tmp_path / "out.csv"
    missing = tmp_path / "nope" / "missing.txt"
    proc = cli("extract", str(SAMPLES / "lumen-pr-dividend-2022.txt"), str(missing), "-o", str(out))
    assert proc.returncode == 1, proc.stderr
    line = proc.stdout.strip().splitlines()[-1]
    m = SUMMARY.fullmatch(line)
    assert m and m.groups()[:4] == ("2", "1", "1", "0"), line
    (err,) = rows(tmp_path / "out.errors.csv")
    assert err["source_file"] == str(missing) and err["stage"] == "read"
    assert "no such file" in err["error"]
    status = {r["source_file"]: r["status"] for r in rows(tmp_path / "out.filings.csv")}
    assert status == {str(SAMPLES / "lumen-pr-dividend-2022.txt"): "extracted", str(missing): "failed"}
    assert len(rows(out)) == int(m.group(5)) > 0  # the readable input's events are written


def test_broken_file_in_a_batch_goes_to_errors_and_the_rest_is_written(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    for p in SAMPLES.iterdir():
        (batch / p.name).write_bytes(p.read_bytes())
    (batch / "broken.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    (batch / "truncated.txt").write_bytes(b"")
    # CLI
    out = tmp_path / "out" / "events.jsonl"
    proc = cli("extract", str(batch), "-o", str(out))
    assert proc.returncode == 1
    m = SUMMARY.fullmatch(proc.stdout.strip().splitlines()[-1])
    assert m and m.groups()[:4] == ("8", "6", "2", "0")
    errors = [line for line in out.with_name("events.errors.jsonl").read_text().splitlines() if line]
    assert len(errors) == 2 and '"stage":"decode"' in errors[0].replace(" ", "")
    assert len(out.read_text().splitlines()) == int(m.group(5)) > 0
    # API
    events, filings, errs = extract(batch, timeout=None)
    assert sorted(Path(p).name for p in errs["source_file"]) == ["broken.pdf", "truncated.txt"]
    assert set(errs["stage"]) == {"decode"}
    assert list(errs.columns) == ["source_file", "stage", "error", "extractor_version"]
    assert (filings["status"] == "extracted").sum() == 6 and len(filings) == 8
    assert len(events) == int(m.group(5))
    assert set(Path(p).name for p in events["source_file"]) == {p.name for p in SAMPLES.iterdir()}


def test_show_prints_the_events():
    result = runner.invoke(app, ["show", str(SAMPLES / "nordvik-6k-2003.txt")], terminal_width=200)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Nordvik" in out or "NORDVIK" in out
    for word in ("reverse_stock_split", "shareholder_meeting", "shareholder_approval", "announcement", "1:10",
                 "2003-03-12", "extraordinary"):
        assert word in out, word
    assert re.search(r"^\d+ events$", out, re.M)


def test_show_a_broken_file_exits_1(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 binary")
    result = runner.invoke(app, ["show", str(bad)])
    assert result.exit_code == 1 and "PDF" in result.stderr


def test_schema_prints_the_three_tables():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    for table in ("### `events`", "### `filings`", "### `errors`"):
        assert table in result.stdout
    assert "| `event_type` |" in result.stdout and "| `stage` |" in result.stdout


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"extractor {__version__}"
