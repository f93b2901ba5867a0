"""The dask engine on a LocalCluster gives exactly the events of the local engine."""
from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from conftest import SHARED, requires_shared

distributed = pytest.importorskip("distributed")

DEV = SHARED / "corpus" / "dev" / "filings"


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      memory_limit="1GiB") as c:
        yield c


@requires_shared
def test_dask_engine_equals_local_engine_on_dev_corpus(cluster, tmp_path):
    from extractor import api
    from extractor.cli import app

    res = CliRunner().invoke(app, ["extract", str(DEV), "-o", f"{tmp_path}/dask/", "--engine", "dask",
                                   "--scheduler", cluster.scheduler_address, "--chunk-size", "50"])
    assert res.exit_code in (0, 1), res.output
    assert f"-> {tmp_path}/dask" in res.output
    api.extract_to([DEV], f"{tmp_path}/local/", jobs=2, quiet=True)
    for name in ("events", "filings", "errors"):
        d = pd.read_parquet(tmp_path / "dask" / name)
        loc = pd.read_parquet(tmp_path / "local" / name)
        pd.testing.assert_frame_equal(d, loc)
    ev = pd.read_parquet(tmp_path / "dask" / "events")
    assert len(ev) > 50 and ev["event_id"].is_unique
    assert set(ev["event_id"]) == set(pd.read_parquet(tmp_path / "local" / "events")["event_id"])


def test_dask_engine_synthetic_and_client_object(cluster, tmp_path):
    from distributed import Client

    from extractor import api
    from test_store import make_corpus

    corpus = make_corpus(tmp_path / "c", n=12)
    with Client(cluster) as client:
        got = api.extract([corpus], engine="dask", scheduler=client, chunksize=5)
    want = api.extract([corpus], jobs=1)
    for a, b in zip(got, want):
        pd.testing.assert_frame_equal(a, b)
