"""Shared test helpers: where the shared corpus lives, and a marker that skips without it."""
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
requires_shared = pytest.mark.skipif(not SHARED.is_dir(), reason=f"shared corpus not present at {SHARED}")
