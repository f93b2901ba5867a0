"""Inputs at scale: lazy folder walks, manifests, archives read in memory, hostile members refused."""
from __future__ import annotations

import io
import os
import stat
import tarfile
import types
import zipfile
from pathlib import Path

import pytest

from extractor import api, inputs
from extractor.cli import app
from extractor.inputs import Item, Limits, iter_archive, iter_items

FIXTURES = Path(__file__).parent / "fixtures"

FILING = b"""<SEC-DOCUMENT>0000000000-24-000001.txt : 20240105
<SEC-HEADER>0000000000-24-000001.hdr.sgml : 20240105
ACCESSION NUMBER:\t\t0000000000-24-000001
CONFORMED SUBMISSION TYPE:\t8-K
FILED AS OF DATE:\t\t20240105
FILER:
\tCOMPANY DATA:
\t\tCOMPANY CONFORMED NAME:\t\t\tACME CORP
\t\tCENTRAL INDEX KEY:\t\t\t0000000001
</SEC-HEADER>
<DOCUMENT>
<TYPE>8-K
<SEQUENCE>1
<TEXT>
ACME CORP
Item 5.03 Amendments to Articles of Incorporation.
On January 3, 2024, Acme Corp effected a 1-for-10 reverse stock split of its common stock.
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""


def _tar(path: Path, members: list[tuple[tarfile.TarInfo, bytes | None]], mode: str = "w:gz") -> Path:
    with tarfile.open(path, mode) as tf:
        for info, data in members:
            tf.addfile(info, io.BytesIO(data) if data is not None else None)
    return path


def _file(name: str, data: bytes) -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    return info, data


def _special(name: str, kind: bytes, linkname: str = "") -> tuple[tarfile.TarInfo, None]:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = linkname
    return info, None


# ---------------------------------------------------------------- walking and manifests

def test_walk_is_lazy_sorted_and_skips_hidden(tmp_path, monkeypatch):
    for rel in ("b/2.txt", "b/1.txt", "a.txt", ".hidden", "c/.git/x", "d/x.part", "d/y.idx", "d/z.htm"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x")
    got = [os.path.relpath(p, tmp_path) for p in inputs.iter_inputs([tmp_path])]
    assert got == ["a.txt", "b/1.txt", "b/2.txt", "d/z.htm"]
    # lazy: the first path comes without listing the rest of the tree
    listed = []
    real = os.scandir
    monkeypatch.setattr(inputs.os, "scandir", lambda p: (listed.append(p), real(p))[1])
    it = inputs.iter_inputs([tmp_path])
    assert os.path.basename(next(it)) == "a.txt"
    assert listed == [str(tmp_path)]


def test_api_iter_inputs_still_importable(tmp_path):
    (tmp_path / "x.txt").write_text("x")
    assert list(api.iter_inputs([tmp_path])) == [str(tmp_path / "x.txt")]


def test_manifest_relative_paths_comments_and_missing(tmp_path):
    d = tmp_path / "filings"
    d.mkdir()
    (d / "a.txt").write_bytes(FILING)
    (d / "sub").mkdir()
    (d / "sub" / "b.txt").write_bytes(FILING)
    m = tmp_path / "list.txt"
    m.write_text("# inputs\n\nfilings/a.txt\n" + str(d / "sub") + "\nfilings/missing.txt\n")
    got = list(inputs.iter_inputs([f"@{m}"]))
    assert got == [str(d / "a.txt"), str(d / "sub" / "b.txt"), str(d / "missing.txt")]
    events, filings, errors = api.extract([f"@{m}"])
    assert list(filings["status"]) == ["extracted", "extracted", "failed"]
    assert list(errors["stage"]) == ["read"]


def test_cli_manifest_option(tmp_path):
    from typer.testing import CliRunner

    (tmp_path / "a.txt").write_bytes(FILING)
    m = tmp_path / "list.txt"
    m.write_text("a.txt\n")
    out = tmp_path / "out" / "ev.csv"
    res = CliRunner().invoke(app, ["extract", "--manifest", str(m), "-o", str(out), "-j", "1"])
    assert res.exit_code == 0, res.output
    assert "read 1 filings: 1 extracted, 0 failed, 0 skipped;" in res.output
    res = CliRunner().invoke(app, ["extract", "--manifest", str(tmp_path / "nope.txt"), "-o", str(out)])
    assert res.exit_code == 2


# ---------------------------------------------------------------- archives

def test_tgz_members_read_in_memory(tmp_path):
    arc = _tar(tmp_path / "feed.nc.tgz", [_file("0000000000-24-000001.nc", FILING),
                                          _file("sub/0000000000-24-000002.nc", FILING.replace(b"ACME", b"BETA"))])
    before = set(os.listdir(tmp_path))
    items = list(iter_items([arc]))
    assert [i.source_file for i in items] == [f"{arc}!0000000000-24-000001.nc", f"{arc}!sub/0000000000-24-000002.nc"]
    assert all(i.data and i.path is None for i in items)
    events, filings, errors = api.extract([arc])
    assert set(os.listdir(tmp_path)) == before          # nothing unpacked to disk
    assert list(filings["status"]) == ["extracted", "extracted"] and not len(errors)
    assert set(events["source_file"]) == {i.source_file for i in items}
    assert set(events["event_type"]) >= {"reverse_stock_split"}


def test_zip_members_and_folder_walk_opens_archives(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    with zipfile.ZipFile(d / "batch.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.txt", FILING)
        zf.writestr("dir/", b"")
        zf.writestr("dir/b.txt", FILING)
    (d / "plain.txt").write_bytes(FILING)
    events, filings, errors = api.extract([d])
    assert list(filings["source_file"]) == [f"{d}/batch.zip!a.txt", f"{d}/batch.zip!dir/b.txt", f"{d}/plain.txt"]
    assert (filings["status"] == "extracted").all()
    assert len(set(events["event_id"])) == len(events)


def test_hostile_tar_members_refused_one_error_row_each(tmp_path):
    big = b"x" * 5000
    arc = _tar(tmp_path / "evil.tar.gz", [
        _file("../escape.nc", FILING),
        _file("/etc/abs.nc", FILING),
        _file("a/../../up.nc", FILING),
        _special("link.nc", tarfile.SYMTYPE, "/etc/passwd"),
        _special("hard.nc", tarfile.LNKTYPE, "good.nc"),
        _special("dev.nc", tarfile.CHRTYPE),
        _special("fifo.nc", tarfile.FIFOTYPE),
        _file("big.nc", big),
        _file("good.nc", FILING),
    ])
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        events, filings, errors = api.extract([arc], max_bytes=4000)
    finally:
        os.chdir(cwd)
    assert len(filings) == 9                    # every member is one filings row
    assert list(filings["status"]).count("extracted") == 1
    assert list(filings["status"]).count("failed") == 8
    assert len(errors) == 8 and set(errors["stage"]) == {"read"}
    msgs = dict(zip(errors["source_file"], errors["error"]))
    assert "'..'" in msgs[f"{arc}!../escape.nc"]
    assert "absolute" in msgs[f"{arc}!/etc/abs.nc"]
    assert "symbolic link" in msgs[f"{arc}!link.nc"]
    assert "hard link" in msgs[f"{arc}!hard.nc"]
    assert "device" in msgs[f"{arc}!dev.nc"] and "device" in msgs[f"{arc}!fifo.nc"]
    assert "above the limit" in msgs[f"{arc}!big.nc"]
    # nothing written anywhere: not beside the archive, not above it
    assert sorted(os.listdir(tmp_path)) == ["evil.tar.gz"]
    assert not (tmp_path.parent / "escape.nc").exists() and not (tmp_path.parent / "up.nc").exists()


def test_decompression_bomb_tar_ratio_and_total_caps(tmp_path):
    zeros = b"\0" * 3_000_000 + FILING
    arc = _tar(tmp_path / "bomb.tgz", [_file("a.nc", FILING), _file("zeros.nc", zeros), _file("after.nc", FILING)])
    items = list(iter_archive(str(arc), Limits(max_bytes=10_000_000, max_ratio=50)))
    assert items[0].data == FILING
    assert items[1].error and "decompression bomb" in items[1].error[1]
    assert items[-1].error and "abandoned" in items[-1].error[1]
    assert not any(i.data for i in items[1:])
    # total expanded cap
    arc2 = _tar(tmp_path / "many.tgz", [_file(f"{i}.nc", FILING) for i in range(5)])
    items = list(iter_archive(str(arc2), Limits(max_total=len(FILING) * 3)))
    assert [bool(i.data) for i in items] == [True, True, True, False, False]
    assert "expands beyond" in items[3].error[1]


def test_zip_bomb_and_hostile_zip_members(tmp_path):
    arc = tmp_path / "bomb.zip"
    with zipfile.ZipFile(arc, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("zeros.txt", b"\0" * 5_000_000)
        zf.writestr("../up.txt", FILING)
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(link, "/etc/passwd")
        zf.writestr("ok.txt", FILING)
    items = list(iter_archive(str(arc), Limits(max_bytes=50_000_000, max_ratio=100)))
    by = {i.source_file.split("!", 1)[1]: i for i in items}
    assert "decompression bomb" in by["zeros.txt"].error[1]
    assert "'..'" in by["../up.txt"].error[1]
    assert "symbolic link" in by["link.txt"].error[1]
    assert by["ok.txt"].data == FILING
    events, filings, errors = api.extract([arc])
    assert len(filings) == 4 and len(errors) == 3


def test_corrupt_archive_is_one_error_row(tmp_path):
    arc = tmp_path / "broken.tgz"
    good = _tar(tmp_path / "g.tgz", [_file("a.nc", FILING)]).read_bytes()
    arc.write_bytes(good[: len(good) // 2])
    events, filings, errors = api.extract([arc])
    assert len(errors) >= 1 and (filings["status"] == "failed").sum() == len(errors)
    assert all(str(arc) in s for s in errors["source_file"])


def test_member_bytes_parse_like_the_file(tmp_path):
    (tmp_path / "a.nc").write_bytes(FILING)
    arc = _tar(tmp_path / "x.tgz", [_file("a.nc", FILING)])
    e1 = api.extract([tmp_path / "a.nc"]).events
    e2 = api.extract([arc]).events
    cols = ["event_type", "event_date", "ratio", "evidence"]
    assert e1[cols].equals(e2[cols])


def test_refused_item_never_reaches_the_parser(monkeypatch):
    called = []
    monkeypatch.setattr(api, "_process", lambda *a, **k: called.append(a))
    r = api.process_item(Item("x.tgz!../a", error=("read", "archive member refused: its path holds '..'")))
    assert r.error["stage"] == "read" and r.filing["status"] == "failed" and not called
