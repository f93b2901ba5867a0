"""Read an input's bytes (size-capped) and decode them to normalized text, never failing on odd encodings."""
from __future__ import annotations

import os
import re

from .errors import DecodeError, ReadError

DEFAULT_MAX_BYTES = 100_000_000

# Magic numbers of binary formats that sometimes land in a filings folder.
_BINARY_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an OLE (old Office) document"),
)
# No-break, thin, en/em and other fixed-width spaces: plain spaces to every later regex.
_SPACES = re.compile(r"[\xa0\u2000-\u200a\u202f\u205f\u3000]")
# C0 controls other than tab, newline, form feed, carriage return (and ESC-free).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# A uuencoded body line: length char then 60 chars of the uuencode alphabet.
_UU_BEGIN = re.compile(r"^begin [0-7]{3} \S", re.M)


def read_path(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Return the bytes of ``path``; ReadError when missing, unreadable or larger than ``max_bytes``."""
    try:
        size = os.stat(path).st_size
    except OSError as exc:
        raise ReadError(f"cannot read {os.fspath(path)!s}: {exc.strerror or exc}") from exc
    if os.path.isdir(path):
        raise ReadError(f"cannot read {os.fspath(path)!s}: it is a directory")
    if size > max_bytes:
        raise ReadError(f"{os.fspath(path)!s} is {size:,} bytes, above the limit of {max_bytes:,}")
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise ReadError(f"cannot read {os.fspath(path)!s}: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:  # grew while we read it
        raise ReadError(f"{os.fspath(path)!s} is above the limit of {max_bytes:,} bytes")
    return data


def decode(data: bytes) -> str:
    """Decode bytes to text: UTF-16 (BOM), UTF-8 (BOM stripped), Windows-1252, Latin-1; DecodeError on binary."""
    if not data or not data.strip():
        raise DecodeError("the file is empty")
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"the file is binary ({what}), not a filing's text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        if b"\x00" in data[:65536]:
            raise DecodeError("the file is binary (it contains NUL bytes), not a filing's text")
        text = _decode_8bit(data)
    text = normalize(text)
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        raise DecodeError("the file is mostly non-text (control characters), not a filing's text")
    return text


def _decode_8bit(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def normalize(text: str) -> str:
    """Unify line ends (\\r\\n, \\r) to \\n and no-break spaces to spaces; drop a stray BOM."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _SPACES.sub(" ", text)


def looks_uuencoded_only(text: str) -> bool:
    """True when the text is a uuencoded blob (``begin 644 name``) and nothing else to read."""
    m = _UU_BEGIN.search(text[:4096])
    return bool(m) and not text[: m.start()].strip()
