"""The keyword prefilter (cues.PREFILTER_RE) drops no gold event of the dev corpus."""
from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from conftest import SHARED, requires_shared

DEV = SHARED / "corpus" / "dev"
SCORED = ["source_file", "event_type", "event_date", "date_precision", "ratio", "meeting_type", "subject", "status"]


def _gold() -> list[dict]:
    with open(DEV / "gold.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _ws(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


@requires_shared
def test_every_gold_evidence_passes_the_prefilter():
    """Each gold event's evidence sentence (gold.jsonl: ``evidence[i]`` is event i's) passes."""
    from extractor.cues import PREFILTER_RE

    missed = []
    for g in _gold():
        types_found = {e["type"]: False for e in g["events"]}
        for e, sentence in zip(g["events"], g.get("evidence") or []):
            if PREFILTER_RE.search(sentence):
                types_found[e["type"]] = True
            else:
                missed.append((g["file"], e["type"], sentence[:120]))
        for t, ok in types_found.items():
            if not ok and g.get("evidence"):
                missed.append((g["file"], t, "no evidence sentence of this type passes"))
    assert not missed, missed


@requires_shared
def test_blocks_holding_gold_evidence_pass_the_prefilter():
    """Where the evidence is found in the parsed text, the block the event stage scans passes too."""
    from extractor import events
    from extractor.cues import PREFILTER_RE
    from extractor.parse import parse_file

    checked, missed = 0, []
    for g in _gold():
        if not g["events"]:
            continue
        filing = parse_file(DEV / "filings" / g["file"])
        blocks = [(start, block) for section in events._scanned_sections(filing)
                  for start, block in events._blocks(filing, section)]
        for sentence in g.get("evidence") or []:
            needle = _ws(sentence)[:80]
            holding = [b for _, b in blocks if needle and needle in _ws(b)]
            if not holding:
                continue  # the gold sentence is not verbatim in the rendered text
            checked += 1
            if not any(PREFILTER_RE.search(b) for b in holding):
                missed.append((g["file"], needle))
    assert checked >= 50
    assert not missed, missed


@requires_shared
def test_extraction_with_and_without_prefilter_gives_the_same_scored_events(monkeypatch):
    from extractor import api, events

    with_filter = api.extract(DEV / "filings", jobs=2, start_method="fork").events
    monkeypatch.setattr(events, "PREFILTER_RE", re.compile(""))   # every block and sentence passes
    without = api.extract(DEV / "filings", jobs=2, start_method="fork").events

    def keys(df):
        return Counter(map(tuple, df[SCORED].astype(str).values.tolist()))

    a, b = keys(with_filter), keys(without)
    assert not (b - a), f"events found only without the prefilter: {sorted((b - a).elements())[:10]}"
    assert not (a - b), f"events found only with the prefilter: {sorted((a - b).elements())[:10]}"
