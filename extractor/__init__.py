"""extractor: corporate-actions events from SEC filings, as a normalized table."""
from __future__ import annotations

__version__ = "0.1.0"

from .api import Tables, extract, extract_events  # noqa: E402

__all__ = ["extract", "extract_events", "Tables", "__version__"]
