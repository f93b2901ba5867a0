"""extractor: corporate-actions events from SEC filings, as a normalized table."""
from __future__ import annotations

__version__ = "0.1.0"

from .api import Tables, extract, extract_events  # noqa: E402


def corporate_actions(events, as_of=None, **kwargs):
    """The wide view of an events table: one row per corporate action (see :mod:`extractor.actions`)."""
    from .actions import actions

    return actions(events, as_of=as_of, **kwargs)


__all__ = ["extract", "extract_events", "corporate_actions", "Tables", "__version__"]
