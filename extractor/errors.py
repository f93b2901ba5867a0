"""The project's exception tree: every failure the batch records is one of these."""
from __future__ import annotations


class ExtractorError(Exception):
    """Base of every error the extractor raises on purpose.

    ``stage`` names the pipeline stage that failed (read, decode, parse, nlp, write),
    so the errors table can say where a filing was lost.
    """

    stage = "extract"

    def __init__(self, message: str, *, stage: str | None = None):
        super().__init__(message)
        if stage is not None:
            self.stage = stage


class ReadError(ExtractorError, OSError):
    """The input could not be read at all (missing, unreadable, too large, a loop)."""

    stage = "read"


class DecodeError(ExtractorError, ValueError):
    """The bytes are not text: binary, empty, or a format we do not read."""

    stage = "decode"


class ParseError(ExtractorError, ValueError):
    """The text is readable but is not a filing or press release we can parse."""

    stage = "parse"


class ExtractionTimeout(ExtractorError, TimeoutError):
    """One input took longer than its time budget."""

    stage = "timeout"
