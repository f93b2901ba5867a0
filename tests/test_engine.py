"""The local engine: jobs 1 and jobs 2 give identical tables; a dying worker loses one input only."""
from __future__ import annotations

import os
import signal
import time

import pandas as pd
import pytest
from typer.testing import CliRunner

from conftest import SHARED, requires_shared
from extractor import api, engine
from extractor.cli import app
from extractor.inputs import Item
from test_store import make_corpus

DEV = SHARED / "corpus" / "dev" / "filings"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("engine") / "filings", n=30)


def _equal(a: api.Tables, b: api.Tables) -> None:
    for x, y in zip(a, b):
        pd.testing.assert_frame_equal(x, y)


def test_jobs_1_and_2_identical(corpus):
    _equal(api.extract([corpus], jobs=1), api.extract([corpus], jobs=2, chunksize=3))


@requires_shared
def test_jobs_1_and_2_identical_on_dev_corpus(tmp_path):
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    assert api.extract_to([DEV], str(one), jobs=1, quiet=True) == api.extract_to([DEV], str(two), jobs=2, quiet=True)
    for suffix in ("", ".filings", ".errors"):
        assert (tmp_path / f"one{suffix}.csv").read_bytes() == (tmp_path / f"two{suffix}.csv").read_bytes()


def test_results_in_input_order_with_pass_through(corpus):
    items = [Item(str(p), path=str(p)) for p in sorted(corpus.iterdir())]
    stream = items[:3] + [Item("x!../y", error=("read", "refused"))] + items[3:]
    out = list(engine.run(stream, jobs=2, chunksize=2))
    assert [r.source_file for r in out] == [i.source_file for i in stream]


def test_stream_of_pass_through_results_only_finishes():
    refused = [Item(f"a.tgz!{i}", error=("read", "refused")) for i in range(500)]
    out = list(engine.run(refused, jobs=2, chunksize=4))
    assert len(out) == 500 and all(r.error["stage"] == "read" for r in out)


def test_worker_crash_is_recorded_and_the_pool_goes_on(corpus, monkeypatch):
    real = api.process_item

    def crashing(item, **kw):
        if item.source_file.endswith("f0007.txt"):
            import faulthandler
            faulthandler.disable()      # no traceback dump in the test's output
            os.kill(os.getpid(), signal.SIGSEGV)
        if item.source_file.endswith("f0011.txt"):
            os._exit(3)
        return real(item, **kw)

    monkeypatch.setattr(api, "process_item", crashing)     # fork: workers inherit the patch
    t = api.extract([corpus], jobs=2, chunksize=4, start_method="fork")
    assert len(t.filings) == 31                               # nothing lost
    failed = t.filings[t.filings["status"] == "failed"]["source_file"].map(os.path.basename)
    assert sorted(failed) == ["f0007.txt", "f0011.txt", "zz_broken.txt"]
    err = dict(zip(t.errors["source_file"].map(os.path.basename), zip(t.errors["stage"], t.errors["error"])))
    assert err["f0007.txt"][0] == "crash" and "SIGSEGV" in err["f0007.txt"][1]
    assert err["f0011.txt"][0] == "crash" and "exit code 3" in err["f0011.txt"][1]
    monkeypatch.setattr(api, "process_item", real)
    ok = api.extract([corpus], jobs=1)
    keep = ~ok.events["source_file"].map(os.path.basename).isin(["f0007.txt", "f0011.txt"])
    pd.testing.assert_frame_equal(t.events, ok.events[keep].reset_index(drop=True))


def test_timeout_in_worker(corpus, monkeypatch, tmp_path):
    from extractor import events as ev_mod

    real = ev_mod.extract_events

    def slow(filing, nlp=None):
        if filing.source_file.endswith("f0002.txt"):
            time.sleep(30)
        return real(filing, nlp)

    monkeypatch.setattr(ev_mod, "extract_events", slow)
    t0 = time.monotonic()
    t = api.extract([corpus], jobs=2, timeout=1, start_method="fork")
    assert time.monotonic() - t0 < 25
    row = t.errors[t.errors["source_file"].str.endswith("f0002.txt")].iloc[0]
    assert row["stage"] == "timeout"


def test_cli_jobs_summary_and_exit_codes(corpus, tmp_path):
    out = tmp_path / "o" / "ev.parquet"
    res = CliRunner().invoke(app, ["extract", str(corpus), "-o", str(out), "-j", "2", "--timeout", "60"])
    assert res.exit_code == 1, res.output
    line = [l for l in res.output.splitlines() if l.startswith("read ")][-1]
    n_events = len(pd.read_parquet(out))
    assert line == f"read 31 filings: 30 extracted, 1 failed, 0 skipped; {n_events} events -> {out}"
    assert len(pd.read_parquet(out.with_name("ev.filings.parquet"))) == 31
    for bad in (["-j", "0"], ["--timeout", "-1"], ["--engine", "spark"], ["--engine", "dask"]):
        res = CliRunner().invoke(app, ["extract", str(corpus), "-o", str(out), *bad])
        assert res.exit_code == 2, bad
    res = CliRunner().invoke(app, ["extract", str(corpus / "f0001.txt"), "-o", str(tmp_path / "one.jsonl"), "-j", "1"])
    assert res.exit_code == 0 and "read 1 filings: 1 extracted, 0 failed, 0 skipped;" in res.output


def test_plain_progress_lines_when_not_a_terminal(corpus, tmp_path, monkeypatch, capsys):
    from extractor import progress

    monkeypatch.setattr(progress, "LOG_EVERY", 0.0)
    api.extract_to([corpus], str(tmp_path / "p.csv"), jobs=1, progress=True)
    captured = capsys.readouterr()
    assert "filings/s" in captured.err and "events" in captured.err
    assert captured.out.startswith("read 31 filings: 30 extracted, 1 failed, 0 skipped;")
    api.extract_to([corpus], str(tmp_path / "q.csv"), jobs=1, quiet=True)
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_large_archive_members_stream_through_the_pool_without_deadlock(tmp_path):
    import io
    import tarfile

    from test_inputs import FILING

    arc = tmp_path / "big.tgz"
    rnd = os.urandom(75_000).hex().encode()          # incompressible: not a decompression bomb
    filler = b" ".join(rnd[i:i + 12] for i in range(0, len(rnd), 12)) + b"."
    body = FILING.replace(b"</TEXT>", filler + b"\n</TEXT>")   # ~160 KB each
    with tarfile.open(arc, "w:gz") as tf:
        for i in range(24):
            info = tarfile.TarInfo(f"m{i:02d}.nc")
            info.size = len(body)
            tf.addfile(info, io.BytesIO(body))
    t0 = time.monotonic()
    t = api.extract([arc], jobs=2, chunksize=8)
    assert len(t.filings) == 24 and (t.filings["status"] == "extracted").all()
    assert time.monotonic() - t0 < 120
