"""The DuckDB store and the Parquet dataset: write, rerun skips, --force, resume after a kill."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from typer.testing import CliRunner

from extractor import api
from extractor.cli import app
from extractor.writers import output_format

SPLIT = """<SEC-DOCUMENT>0000000000-24-{n:06d}.txt : 20240105
<SEC-HEADER>
ACCESSION NUMBER:\t\t0000000000-24-{n:06d}
CONFORMED SUBMISSION TYPE:\t8-K
FILED AS OF DATE:\t\t2024{month:02d}05
FILER:
\tCOMPANY DATA:
\t\tCOMPANY CONFORMED NAME:\t\t\tCOMPANY {n} CORP
\t\tCENTRAL INDEX KEY:\t\t\t{n:010d}
</SEC-HEADER>
<DOCUMENT>
<TYPE>8-K
<SEQUENCE>1
<TEXT>
COMPANY {n} CORP
Item 5.03 Amendments to Articles of Incorporation.
On {mname} 3, 2024, Company {n} Corp effected a 1-for-{r} reverse stock split of its common stock.
Item 5.07 Submission of Matters to a Vote of Security Holders.
On {mname} 1, 2024, the Company held its annual meeting of stockholders, at which the stockholders approved the reverse stock split.
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def make_corpus(d: Path, n: int = 40) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        m = i % 12 + 1
        (d / f"f{i:04d}.txt").write_text(SPLIT.format(n=i + 1, month=m, mname=MONTHS[m - 1], r=2 + i % 9))
    (d / "zz_broken.txt").write_bytes(b"%PDF-1.4 not a filing")
    return d


def tables(db: Path) -> dict[str, pd.DataFrame]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY 1, {'event_id' if t == 'events' else 'source_file'}").df()
                for t in ("events", "filings", "errors")}
    finally:
        con.close()


def _events(db: Path) -> pd.DataFrame:
    return tables(db)["events"].sort_values("event_id").reset_index(drop=True)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("store") / "filings")


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    assert api.extract_to([corpus], str(db), jobs=1, quiet=True, chunk_size=7) == 1   # the PDF fails
    return db


def test_output_formats():
    assert output_format("x/events.duckdb") == "duckdb"
    assert output_format("out/") == "dataset"


def test_duckdb_write_then_rerun_skips_then_force(corpus, reference, tmp_path, capsys):
    t = tables(reference)
    assert len(t["filings"]) == 41 and (t["filings"]["status"] == "extracted").sum() == 40
    assert len(t["errors"]) == 1 and t["errors"]["source_file"].iloc[0].endswith("zz_broken.txt")
    assert len(t["events"]) >= 40 and t["events"]["event_id"].is_unique
    assert set(t["filings"]["model_version"]) == {api_model_version()}
    ev = t["events"].set_index("source_file")
    assert {"reverse_stock_split", "shareholder_meeting"} <= set(ev["event_type"])

    db = tmp_path / "ev.duckdb"
    res = CliRunner().invoke(app, ["extract", str(corpus), "-o", str(db), "-j", "1", "-q"])
    assert res.exit_code == 1
    res = CliRunner().invoke(app, ["extract", str(corpus), "-o", str(db), "-j", "1"])
    # every extracted input is skipped; the failed one is tried again
    assert "read 41 filings: 0 extracted, 1 failed, 40 skipped; 0 events -> " in res.output
    assert res.exit_code == 1
    after = tables(db)
    pd.testing.assert_frame_equal(after["events"], tables(reference)["events"])
    assert len(after["filings"]) == 41             # skipped rows kept, not doubled
    res = CliRunner().invoke(app, ["extract", str(corpus), "-o", str(db), "-j", "1", "--force"])
    assert f"read 41 filings: 40 extracted, 1 failed, 0 skipped; {len(t['events'])} events" in res.output
    pd.testing.assert_frame_equal(tables(db)["events"], tables(reference)["events"])


def api_model_version() -> str:
    from extractor.engine import model_version

    return model_version()


def test_changed_content_is_reextracted_and_stale_events_go(corpus, tmp_path):
    d = make_corpus(tmp_path / "c", n=3)
    db = tmp_path / "s.duckdb"
    api.extract_to([d], str(db), jobs=1, quiet=True)
    before = tables(db)["events"]
    (d / "f0001.txt").write_text((d / "f0001.txt").read_text().replace("1-for-3", "1-for-25"))
    api.extract_to([d], str(db), jobs=1, quiet=True)
    after = tables(db)["events"]
    f1 = after[after["source_file"].str.endswith("f0001.txt")]
    assert "1:25" in set(f1["ratio"]) and "1:3" not in set(f1["ratio"])
    assert set(after["event_id"]) != set(before["event_id"]) and after["event_id"].is_unique
    assert len(after) == len(before)


def test_resume_after_exception_mid_run(corpus, reference, tmp_path, monkeypatch):
    db = tmp_path / "r.duckdb"
    from extractor import store

    real = store.DuckDBStore.write
    calls = []

    def failing(self, t):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk on fire")
        return real(self, t)

    monkeypatch.setattr(store.DuckDBStore, "write", failing)
    with pytest.raises(RuntimeError):
        api.extract_to([corpus], str(db), jobs=1, quiet=True, chunk_size=7)
    monkeypatch.setattr(store.DuckDBStore, "write", real)
    part = tables(db)
    assert 0 < len(part["filings"]) < 41
    api.extract_to([corpus], str(db), jobs=1, quiet=True, chunk_size=7)
    pd.testing.assert_frame_equal(_events(db), _events(reference))
    assert len(tables(db)["filings"]) == 41


def test_resume_after_sigkill(corpus, reference, tmp_path):
    """A run SIGKILLed half-way, rerun: exactly the events of an uninterrupted run."""
    db = tmp_path / "k.duckdb"
    script = textwrap.dedent(f"""
        import os, signal
        from extractor import api
        real = api.process_item
        n = [0]
        def dying(item, **kw):
            n[0] += 1
            if n[0] == 23:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(item, **kw)
        api.process_item = dying
        api.extract_to([{str(corpus)!r}], {str(db)!r}, jobs=1, quiet=True, chunk_size=5)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    part = tables(db)
    assert len(part["filings"]) == 20                 # four chunks of five were committed
    res = CliRunner().invoke(app, ["extract", str(corpus), "-o", str(db), "-j", "2", "--chunk-size", "5"])
    assert "read 41 filings: 20 extracted, 1 failed, 20 skipped;" in res.output
    pd.testing.assert_frame_equal(_events(db), _events(reference))
    assert len(tables(db)["filings"]) == 41 and len(tables(db)["errors"]) == 1


def test_parquet_dataset_readable_by_duckdb_and_pandas(corpus, reference, tmp_path):
    out = tmp_path / "ds"
    code = api.extract_to([corpus], str(out) + "/", jobs=1, quiet=True, chunk_size=10)
    assert code == 1
    for name in ("events", "filings", "errors"):
        assert list((out / name).glob("*.parquet"))
    n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/events/**/*.parquet', hive_partitioning=true)").fetchall()[0][0]
    assert n == len(_events(reference))
    assert len(pd.read_parquet(out / "filings")) == 41
    assert len(pd.read_parquet(out / "errors")) == 1
    ev = pd.read_parquet(out / "events").sort_values("event_id").reset_index(drop=True)
    ref = _events(reference).drop(columns=["model_version"])
    assert list(ev["event_id"]) == list(ref["event_id"])
    # a second run replaces the dataset, never doubles it
    api.extract_to([corpus], str(out) + "/", jobs=1, quiet=True)
    assert len(pd.read_parquet(out / "events")) == n
    assert not [p for p in os.listdir(out) if p.startswith(".")]


def test_streamed_csv_equals_whole_tables(corpus, tmp_path):
    out = tmp_path / "a" / "ev.csv"
    api.extract_to([corpus], str(out), jobs=1, quiet=True, chunk_size=3)
    whole = api.extract([corpus], jobs=1)
    got = pd.read_csv(out, dtype=str, keep_default_na=False)
    exp = whole.events.astype(object).where(whole.events.notna(), "").astype(str)
    assert list(got.columns) == list(exp.columns)
    assert got["event_id"].tolist() == exp["event_id"].tolist()
    assert len(pd.read_csv(out.with_name("ev.filings.csv"))) == 41
    assert not list(out.parent.glob("*.tmp"))
