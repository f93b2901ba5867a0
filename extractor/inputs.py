"""Inputs at scale: folders walked lazily, manifests, and archives read member by member.

What a run reads is a stream of :class:`Item` s, one per filing:

- a file on disk (``Item.path``): workers read it themselves, only the path travels;
- an archive member (``Item.data``): ``.tar``, ``.tar.gz``/``.tgz`` (EDGAR daily feeds of
  ``.nc`` files) and ``.zip`` archives are read member by member in memory, never unpacked
  to disk; the member's ``source_file`` is ``archive.tgz!member.nc``;
- a refusal (``Item.error``): a hostile or oversized archive member, recorded as a failed
  filing with its error row and never read.

Archives are untrusted. Members whose name is absolute or holds ``..``, links (symbolic or
hard), devices and FIFOs are refused; so are members above the per-member cap
(``--max-bytes``), members once the archive's total expanded size passes ``max_total``, and
members whose compression ratio passes ``max_ratio`` (a decompression bomb). Nothing is
ever written to disk, so no member can land outside the output path.

A manifest lists inputs one a line (``@list.txt`` on the command line, or ``--manifest
list.txt``): blank lines and ``#`` comments are ignored, relative paths are taken from the
manifest's folder, and each line may itself be a file, folder, glob or archive.
"""
from __future__ import annotations

import glob
import os
import posixpath
import stat
import tarfile
import zipfile
from dataclasses import dataclass
from typing import Iterable, Iterator

from .reader import DEFAULT_MAX_BYTES

ARCHIVE_SUFFIXES = (".tar.gz", ".tgz", ".tar", ".zip", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
#: default cap on the bytes one archive may expand to
DEFAULT_MAX_TOTAL = 64_000_000_000
#: default cap on expanded / compressed size (only checked once a member or archive is > 1 MB)
DEFAULT_MAX_RATIO = 200.0
_RATIO_FLOOR = 1_000_000

# hidden files, partial downloads and EDGAR index files are not filings
_NOT_FILINGS_SUFFIX = (".part", ".idx")
_NOT_FILINGS_NAMES = ("fetch.errors.csv",)


@dataclass(frozen=True)
class Limits:
    """The caps applied to every archive member (see the module docstring)."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_total: int = DEFAULT_MAX_TOTAL
    max_ratio: float = DEFAULT_MAX_RATIO


@dataclass(frozen=True)
class Item:
    """One input filing: a path to read, bytes already read, or a refusal."""

    source_file: str
    path: str | None = None
    data: bytes | None = None
    error: tuple[str, str] | None = None   # (stage, message) of a refused input

    @property
    def size(self) -> int:
        if self.data is not None:
            return len(self.data)
        if self.path is not None:
            try:
                return os.stat(self.path).st_size
            except OSError:
                return 0
        return 0


def is_archive(path: str) -> bool:
    return str(path).lower().endswith(ARCHIVE_SUFFIXES)


def _is_filing_name(name: str) -> bool:
    return not (name.startswith(".") or name.endswith(_NOT_FILINGS_SUFFIX) or name in _NOT_FILINGS_NAMES)


def walk(top: str) -> Iterator[str]:
    """The files under ``top``, sorted, lazily: one directory listing in memory at a time."""
    try:
        entries = sorted(os.scandir(top), key=lambda e: e.name)
    except OSError:
        return
    files, dirs = [], []
    for e in entries:
        if e.name.startswith("."):
            continue
        try:
            if e.is_dir(follow_symlinks=False):
                dirs.append(e.path)
            elif e.is_symlink() and e.is_dir():
                continue  # symlinked folders are not followed (no loops, no escaping the tree)
            elif _is_filing_name(e.name):
                files.append(e.path)
        except OSError:
            files.append(e.path)
    del entries
    # files before subfolders, as os.walk(topdown) yields them
    yield from files
    for d in dirs:
        yield from walk(d)


def read_manifest(path: str) -> Iterator[str]:
    """The inputs a manifest names, relative paths taken from the manifest's folder."""
    base = os.path.dirname(os.path.abspath(path))
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            yield line if os.path.isabs(line) else os.path.join(base, line)


def iter_inputs(paths: Iterable[str | os.PathLike]) -> Iterator[str]:
    """Files named, folders walked recursively (sorted, lazily), globs expanded, ``@manifests`` read.

    Archives are yielded as one path each; :func:`iter_items` opens them.
    """
    for p in paths:
        p = os.fspath(p)
        if p.startswith("@") and len(p) > 1 and not os.path.exists(p):
            yield from iter_inputs(read_manifest(p[1:]))
        elif os.path.isdir(p):
            yield from walk(p)
        elif any(ch in p for ch in "*?[") and not os.path.exists(p):
            matches = sorted(glob.iglob(p, recursive=True))
            for m in matches:
                if os.path.isdir(m):
                    yield from walk(m)
                else:
                    yield m
            if not matches:
                yield p  # reported as missing, not silently dropped
        else:
            yield p


def iter_items(paths: Iterable[str | os.PathLike], limits: Limits | None = None) -> Iterator[Item]:
    """Every filing of ``paths`` as an :class:`Item`, archives opened member by member."""
    limits = limits or Limits()
    for p in iter_inputs(paths):
        if is_archive(p) and os.path.isfile(p):
            yield from iter_archive(p, limits)
        else:
            yield Item(p, path=p)


# ---------------------------------------------------------------- archives

class _Counting:
    """A read-only file wrapper counting the compressed bytes consumed."""

    def __init__(self, fh):
        self.fh = fh
        self.count = 0

    def read(self, n=-1):
        b = self.fh.read(n)
        self.count += len(b)
        return b

    def readinto(self, b):  # pragma: no cover - tarfile uses read()
        n = self.fh.readinto(b)
        self.count += n or 0
        return n

    def close(self):
        self.fh.close()


def _unsafe_name(name: str) -> str | None:
    if not name:
        return "it has no name"
    n = name.replace("\\", "/")
    if n.startswith("/") or (len(n) > 1 and n[1] == ":"):
        return "its path is absolute"
    if ".." in n.split("/"):
        return "its path holds '..'"
    if "\x00" in n:
        return "its path holds a NUL byte"
    return None


def _member_source(archive: str, name: str) -> str:
    while name.startswith("./"):
        name = name[2:]
    return f"{archive}!{name}"


def _refused(archive: str, name: str, why: str, stage: str = "read") -> Item:
    return Item(_member_source(archive, name), error=(stage, f"archive member refused: {why}"))


def iter_archive(path: str, limits: Limits | None = None) -> Iterator[Item]:
    """The members of one archive, each an :class:`Item` (bytes or a refusal)."""
    limits = limits or Limits()
    try:
        if path.lower().endswith(".zip"):
            yield from _iter_zip(path, limits)
        else:
            yield from _iter_tar(path, limits)
    except (OSError, EOFError, tarfile.TarError, zipfile.BadZipFile, zipfile.LargeZipFile, ValueError) as exc:
        # a corrupt or truncated archive: what it held up to here was yielded; the rest is one error
        yield Item(path, error=("read", f"cannot read archive {os.path.basename(path)}: "
                                              f"{type(exc).__name__}: {exc}"))


def _iter_tar(path: str, limits: Limits) -> Iterator[Item]:
    raw = open(path, "rb")
    counter = _Counting(raw)
    total = 0
    try:
        with tarfile.open(fileobj=counter, mode="r|*") as tf:
            for m in tf:
                name = m.name
                if m.isdir():
                    continue
                why = _unsafe_name(name)
                if why is None:
                    if m.issym() or m.islnk():
                        why = f"it is a {'symbolic' if m.issym() else 'hard'} link (to {m.linkname!r})"
                    elif not m.isfile():
                        why = "it is a device, FIFO or other special file"
                    elif m.size > limits.max_bytes:
                        why = f"it is {m.size:,} bytes, above the limit of {limits.max_bytes:,}"
                    elif total + m.size > limits.max_total:
                        why = (f"the archive expands beyond its limit of {limits.max_total:,} bytes "
                               "(decompression bomb?)")
                if why is not None:
                    yield _refused(path, name, why)
                    continue
                if not _is_filing_name(posixpath.basename(name)):
                    continue
                fh = tf.extractfile(m)
                data = fh.read(limits.max_bytes + 1) if fh is not None else b""
                total += len(data)
                consumed = max(counter.count, 1)
                if total > _RATIO_FLOOR and total / consumed > limits.max_ratio:
                    yield _refused(path, name, f"the archive expands {total / consumed:,.0f}-fold, above the "
                                               f"limit of {limits.max_ratio:g} (decompression bomb?)")
                    # everything after it is refused too: stop reading the stream
                    yield Item(path, error=("read", f"archive {os.path.basename(path)} abandoned after a "
                                                          "decompression bomb: later members not read"))
                    return
                yield Item(_member_source(path, name), data=data)
    finally:
        raw.close()


def _iter_zip(path: str, limits: Limits) -> Iterator[Item]:
    total = 0
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            name = info.filename
            if info.is_dir():
                continue
            mode = (info.external_attr >> 16) & 0xFFFF
            why = _unsafe_name(name)
            if why is None:
                if mode and stat.S_ISLNK(mode):
                    why = "it is a symbolic link"
                elif mode and stat.S_IFMT(mode) not in (0, stat.S_IFREG):
                    why = "it is a device, FIFO or other special file"
                elif info.flag_bits & 0x1:
                    why = "it is encrypted"
                elif info.file_size > limits.max_bytes:
                    why = f"it is {info.file_size:,} bytes, above the limit of {limits.max_bytes:,}"
                elif total + info.file_size > limits.max_total:
                    why = f"the archive expands beyond its limit of {limits.max_total:,} bytes (decompression bomb?)"
                elif (info.file_size > _RATIO_FLOOR
                      and info.file_size / max(info.compress_size, 1) > limits.max_ratio):
                    why = (f"it expands {info.file_size / max(info.compress_size, 1):,.0f}-fold, above the limit "
                           f"of {limits.max_ratio:g} (decompression bomb?)")
            if why is not None:
                yield _refused(path, name, why)
                continue
            if not _is_filing_name(posixpath.basename(name)):
                continue
            try:
                with zf.open(info) as fh:
                    # the declared size may lie: never read more than the cap
                    data = fh.read(limits.max_bytes + 1)
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
                yield _refused(path, name, f"{type(exc).__name__}: {exc}")
                continue
            if len(data) > limits.max_bytes:
                yield _refused(path, name, f"it expands beyond the limit of {limits.max_bytes:,} bytes")
                continue
            total += len(data)
            yield Item(_member_source(path, name), data=data)
