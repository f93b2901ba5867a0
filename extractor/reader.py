"""Read an input's bytes (size-capped) and decode them to normalized text, never failing on odd encodings."""
from __future__ import annotations

import codecs
import errno
import os
import re
import stat

from .errors import DecodeError, ExtractionTimeout, ReadError

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


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop (too many levels of symbolic links)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ENOENT:
        return "no such file or directory"
    return exc.strerror or str(exc)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def read_path(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Return the bytes of ``path``; ReadError when missing, unreadable or larger than ``max_bytes``.

    Only regular files are opened: a named pipe or a device (``/dev/zero``) would block
    or never end, so they are refused from their ``stat`` before any ``open``.
    """
    try:
        st = os.stat(path)
    except ExtractionTimeout:  # a TimeoutError, so an OSError: the budget ran out, the file is fine
        raise
    except OSError as exc:
        raise ReadError(f"cannot read {os.fspath(path)!s}: {_os_reason(exc)}") from exc
    except ValueError as exc:  # a NUL in the path
        raise ReadError(f"cannot read {os.fspath(path)!r}: {exc}") from exc
    if stat.S_ISDIR(st.st_mode):
        raise ReadError(f"cannot read {os.fspath(path)!s}: it is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise ReadError(f"cannot read {os.fspath(path)!s}: it is {_kind(st.st_mode)}, not a file")
    size = st.st_size
    if size > max_bytes:
        raise ReadError(f"{os.fspath(path)!s} is {size:,} bytes, above the limit of {max_bytes:,}")
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except ExtractionTimeout:
        raise
    except OSError as exc:
        raise ReadError(f"cannot read {os.fspath(path)!s}: {_os_reason(exc)}") from exc
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
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        text = data.decode("utf-32", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif b"\x00" in data[:65536]:
        wide = _utf16_without_bom(data)
        if wide is None:
            raise DecodeError("the file is binary (it contains NUL bytes), not a filing's text")
        text = data.decode(wide, errors="replace")
    else:
        text = _decode_8bit(data)
    text = normalize(text)
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        raise DecodeError("the file is mostly non-text (control characters), not a filing's text")
    if _CONTROL.search(text):  # a few stray control bytes (NUL far in, ^Z): dropped, never passed to lxml
        text = _CONTROL.sub("", text)
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when the NULs are the high bytes of ASCII text, else None."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    sample = sample[: len(sample) // 2 * 2]
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > 0.7 * half and even.count(0) < 0.05 * half:
        return "utf-16-le"
    if even.count(0) > 0.7 * half and odd.count(0) < 0.05 * half:
        return "utf-16-be"
    return None


def _cp1252_fallback(exc: UnicodeDecodeError):
    """Decode error handler: a byte that is not UTF-8 is read as Windows-1252 (else Latin-1)."""
    bad = exc.object[exc.start: exc.end]
    try:
        return bad.decode("cp1252"), exc.end
    except UnicodeDecodeError:
        return bad.decode("latin-1"), exc.end


codecs.register_error("extractor-cp1252", _cp1252_fallback)


def _decode_8bit(data: bytes) -> str:
    """UTF-8, where a stray byte that is not UTF-8 is read as Windows-1252 (smart quotes), else Latin-1.

    A file mixing UTF-8 with a few Windows-1252 bytes keeps both: "café" stays "café" and
    a stray 0x93 becomes "“" — where decoding all of it as Windows-1252 would garble the
    UTF-8 characters.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="extractor-cp1252")


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
