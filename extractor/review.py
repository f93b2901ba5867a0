"""A review page a person can check the events against: one self-contained HTML file.

For each filing: its events as a table, and the text around every event's evidence with the
evidence highlighted by event type (spaCy displaCy's span renderer).  On top: counts by type
and an inline SVG chart of events per month by type, drawn here (no scripts, no external
CSS, fonts or images: the page opens from disk, offline, anywhere).

Input: filings (they are extracted), or an events table with ``source_file`` and
``char_start``/``char_end`` (the source files are read again to show the context).
"""
from __future__ import annotations

import html
import os
from collections import Counter, defaultdict
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from . import __version__
from .table import missing

COLORS = {
    "reverse_stock_split": "#f4a3a3",
    "stock_split": "#f7c680",
    "shareholder_approval": "#a8d8a8",
    "shareholder_meeting": "#9cc3f0",
    "announcement": "#d3b4f0",
    "cash_dividend": "#f0e68c",
    "merger": "#89d3cf",
    "name_change": "#f2b5d4",
    "delisting": "#c8c8c8",
}
CONTEXT = 300          # characters of text shown either side of an evidence span
MAX_WINDOW = 4000      # longest text window rendered per group of evidence

_CSS = """
body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:0 auto;max-width:1100px;padding:1em 1.5em;color:#222}
h1{font-size:1.5em} h2{font-size:1.15em;margin-top:2em;border-top:1px solid #ccc;padding-top:.8em}
table.ev{border-collapse:collapse;font-size:.85em;margin:.5em 0} table.ev td,table.ev th{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;margin-right:.3em;vertical-align:middle}
.legend span.item{margin-right:1em;white-space:nowrap;font-size:.85em}
.meta{color:#555;font-size:.85em}
.window{border-left:3px solid #eee;padding-left:.8em;margin:.8em 0;font-size:.9em}
.window .where{color:#777;font-size:.8em}
.missing{color:#a33}
"""


def _v(x):
    if missing(x):
        return None
    s = str(x)
    return s if s.strip() else None


def _e(x) -> str:
    return html.escape(_v(x) or "")


# ------------------------------------------------------------------ inputs

def load(inputs: list[str]) -> tuple[pd.DataFrame, dict[str, str], pd.DataFrame | None]:
    """Events, the texts of their source files, and the filings table (when known)."""
    from .actions import is_table, read_events

    tables = [p for p in inputs if is_table(p)]
    if tables:
        events = pd.concat([read_events(p) for p in tables], ignore_index=True)
        texts: dict[str, str] = {}
        for src in dict.fromkeys(s for s in events["source_file"] if _v(s)):
            texts[src] = _reread(src, tables[0])
        filings = None
        for t in tables:
            p = Path(t)
            ext = p.suffix
            fp = p.with_name(p.name[: -len(ext)] + ".filings" + ext) if ext else None
            if fp and fp.is_file():
                filings = pd.read_parquet(fp) if ext in (".parquet", ".pq") else (
                    pd.read_json(fp, lines=True, dtype=False) if ext in (".jsonl", ".ndjson") else pd.read_csv(fp, dtype=str))
        return events, texts, filings
    return extract_with_text([p for p in inputs if not is_table(p)])


def _reread(src: str, table_path: str) -> str | None:
    """The extracted text of a source file (offsets of the events table point into it)."""
    from .parse import parse_file

    cands = [src, os.path.join(os.path.dirname(table_path), src)]
    for c in cands:
        if os.path.isfile(c):
            try:
                return parse_file(c).text
            except Exception:  # noqa: BLE001 - a file that no longer parses shows its evidence alone
                return None
    return None


def extract_with_text(paths: list[str]) -> tuple[pd.DataFrame, dict[str, str], pd.DataFrame]:
    """Extract filings, keeping each filing's text for the page."""
    from .api import iter_inputs
    from .events import extract_events
    from .nlp import load_pipeline
    from .parse import parse_file
    from .table import EVENTS_SCHEMA, FILINGS_SCHEMA, event_rows, failed_filing_row, filing_row, frame

    nlp = load_pipeline()
    ev, fi, texts = [], [], {}
    for p in iter_inputs(paths):
        try:
            f = parse_file(p)
            rows = event_rows(f, extract_events(f, nlp))
        except Exception:  # noqa: BLE001 - the page lists it as not read
            fi.append(failed_filing_row(p))
            continue
        ev += rows
        fi.append(filing_row(f, len(rows)))
        texts[p] = f.text
    return frame(ev, EVENTS_SCHEMA), texts, frame(fi, FILINGS_SCHEMA)


# ------------------------------------------------------------------ chart

def month_of(row) -> str | None:
    d = _v(row.get("event_date")) or _v(row.get("known_at"))
    return d[:7] if d and len(d) >= 7 and d[4] == "-" else None


def chart_svg(events: pd.DataFrame) -> str:
    """Inline SVG: stacked bars of events per month (months with events), coloured by type."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for _, r in events.iterrows():
        m = month_of(r)
        if m:
            counts[m][r["event_type"]] += 1
    months = sorted(counts)
    types = [t for t in COLORS if any(counts[m][t] for m in months)]
    if not months:
        return '<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="400" height="40" role="img">' \
               '<text x="10" y="25" font-size="12">no dated events</text></svg>'
    top = max(sum(c.values()) for c in counts.values())
    bw, gap, left, plot_h, bottom = 14, 4, 40, 180, 60
    width = left + len(months) * (bw + gap) + 20
    height = plot_h + bottom + 20
    out = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" role="img" aria-label="events per month by type">',
           f'<title>Events per month by type</title>']
    # axis and grid
    for k in range(0, top + 1, max(1, top // 5)):
        y = 10 + plot_h - plot_h * k / top
        out.append(f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" stroke="#eee"/>'
                   f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="10" text-anchor="end">{k}</text>')
    for i, m in enumerate(months):
        x = left + i * (bw + gap)
        y = 10 + plot_h
        for t in types:
            n = counts[m][t]
            if not n:
                continue
            h = plot_h * n / top
            y -= h
            out.append(f'<rect class="bar" data-type="{t}" x="{x}" y="{y:.1f}" width="{bw}" height="{h:.1f}" '
                       f'fill="{COLORS[t]}" stroke="#fff" stroke-width="0.5"><title>{m}: {n} {t}</title></rect>')
        out.append(f'<text x="{x + bw / 2}" y="{10 + plot_h + 8}" font-size="9" text-anchor="end" '
                   f'transform="rotate(-60 {x + bw / 2} {10 + plot_h + 8})">{m}</text>')
    out.append(f'<line x1="{left}" x2="{width - 10}" y1="{10 + plot_h}" y2="{10 + plot_h}" stroke="#888"/>')
    out.append("</svg>")
    return "\n".join(out)


def legend() -> str:
    return '<p class="legend">' + "".join(
        f'<span class="item"><span class="swatch" style="background:{c}"></span>{t}</span>' for t, c in COLORS.items()) + "</p>"


# ------------------------------------------------------------------ evidence

def _windows(spans: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    """Text windows around the evidence spans, overlapping ones merged."""
    wins: list[list[int]] = []
    for s, e in sorted(spans):
        a, b = max(0, s - CONTEXT), min(n, e + CONTEXT)
        if wins and a <= wins[-1][1] and b - wins[-1][0] <= MAX_WINDOW:
            wins[-1][1] = max(wins[-1][1], b)
        else:
            wins.append([a, b])
    return [(a, b) for a, b in wins]


def _locate(text: str | None, row) -> tuple[int, int] | None:
    """Where the row's evidence is in ``text``: its offsets when they still fit, else a search."""
    if not text:
        return None
    s, e = row.get("char_start"), row.get("char_end")
    ev = _v(row.get("evidence")) or ""
    try:
        s, e = int(s), int(e)
    except (TypeError, ValueError):
        s = e = None
    if s is not None and 0 <= s < e <= len(text):
        seg = " ".join(text[s:e].split())
        if not ev or seg[:30] == ev[:30] or ev[:30] in seg:
            return s, e
    if ev:
        probe = ev[:60]
        i = " ".join(text.split()).find(probe)  # whitespace differs: find in normalized, map back roughly
        j = text.find(probe)
        if j >= 0:
            return j, min(len(text), j + len(ev))
        if i >= 0 and s is not None and 0 <= s < len(text):
            return s, min(len(text), e or s + len(ev))
    return None


def render_filing(nlp, text: str | None, rows: pd.DataFrame) -> tuple[str, int]:
    """displaCy span HTML of the filing's evidence in context; and how many spans it shows."""
    from spacy import displacy

    located = []
    for _, r in rows.iterrows():
        loc = _locate(text, r)
        located.append((r, loc))
    parts = []
    shown = 0
    spans = [loc for _, loc in located if loc]
    if text and spans:
        docs = []
        for a, b in _windows(spans, len(text)):
            doc = nlp.make_doc(text[a:b])
            doc_spans = []
            for r, loc in located:
                if not loc or loc[0] < a or loc[1] > b:
                    continue
                sp = doc.char_span(loc[0] - a, loc[1] - a, label=str(r["event_type"]), alignment_mode="expand")
                if sp is not None and len(sp):
                    doc_spans.append(sp)
            doc.spans["sc"] = doc_spans
            doc.user_data["window"] = (a, b)
            docs.append(doc)
            shown += len(doc_spans)
        for doc in docs:
            a, b = doc.user_data["window"]
            body = displacy.render(doc, style="span", page=False, options={"colors": COLORS, "spans_key": "sc"})
            parts.append(f'<div class="window"><div class="where">characters {a}–{b}</div>{body}</div>')
    # evidence that could not be placed in the text: the sentence alone, highlighted whole
    for r, loc in located:
        if loc:
            continue
        ev = _v(r.get("evidence"))
        if not ev:
            continue
        doc = nlp.make_doc(ev)
        sp = doc.char_span(0, len(ev), label=str(r["event_type"]), alignment_mode="expand") if len(doc) else None
        doc.spans["sc"] = [sp] if sp is not None else []
        shown += 1 if sp is not None else 0
        body = displacy.render(doc, style="span", page=False, options={"colors": COLORS, "spans_key": "sc"})
        note = "source text not available: the evidence sentence alone" if not text else "evidence not found in the source text"
        parts.append(f'<div class="window"><div class="where missing">{note}</div>{body}</div>')
    return "\n".join(parts), shown


_EV_COLS = ("event_type", "event_date", "status", "ratio", "meeting_type", "subject", "record_date",
            "payment_date", "effective_date", "source_document", "action_id")


def page(events: pd.DataFrame, texts: dict[str, str | None], filings: pd.DataFrame | None = None,
         title: str = "Corporate-action events: review") -> str:
    """The review page, as one HTML string."""
    import spacy

    nlp = spacy.blank("en")
    by_type = Counter(events["event_type"]) if len(events) else Counter()
    n_files = events["source_file"].nunique() if len(events) else 0
    undated = sum(1 for _, r in events.iterrows() if month_of(r) is None)
    head = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        f'<p class="meta">{len(events)} events in {n_files} filings; written '
        f'{datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")} by extractor {__version__}.</p>',
        '<section id="summary"><h2>Summary</h2>',
        '<table class="ev"><tr><th>event type</th><th>events</th></tr>' + "".join(
            f'<tr><td><span class="swatch" style="background:{COLORS.get(t, "#ddd")}"></span>{html.escape(str(t))}</td>'
            f"<td>{n}</td></tr>" for t, n in sorted(by_type.items(), key=lambda kv: -kv[1])) + "</table>",
        "<h3>Events per month by type</h3>",
        f'<p class="meta">Month of the event date, else of when the filing became public; months without '
        f"events are left out{f'; {undated} undated events not shown' if undated else ''}.</p>",
        chart_svg(events), legend(), "</section>",
    ]
    body = []
    meta = {}
    if filings is not None and len(filings):
        for _, f in filings.iterrows():
            meta[_v(f.get("source_file"))] = f
    for n, (src, rows) in enumerate(events.groupby("source_file", sort=False)):
        r0 = rows.iloc[0]
        f = meta.get(src)
        tick = _e(f.get("tickers")) if f is not None else ""
        body.append(f'<section class="filing" id="f{n}"><h2>{_e(r0.get("company_name")) or "?"} — '
                    f'{_e(r0.get("form_type")) or "?"}</h2>')
        body.append(f'<p class="meta">{_e(src)}'
                    + (f' · accession {_e(r0.get("accession_number"))}' if _v(r0.get("accession_number")) else "")
                    + (f' · CIK {_e(r0.get("cik"))}' if _v(r0.get("cik")) else "")
                    + (f' · known at {_e(r0.get("known_at"))} ({_e(r0.get("known_at_source"))})' if _v(r0.get("known_at")) else "")
                    + (f" · {tick}" if tick else "") + "</p>")
        cols = [c for c in _EV_COLS if c in rows.columns and rows[c].notna().any()]
        body.append('<table class="ev"><tr>' + "".join(f"<th>{c}</th>" for c in cols) + "</tr>" + "".join(
            "<tr>" + "".join(
                (f'<td><span class="swatch" style="background:{COLORS.get(str(r[c]), "#ddd")}"></span>{_e(r[c])}</td>'
                 if c == "event_type" else f"<td>{_e(r[c])}</td>") for c in cols) + "</tr>"
            for _, r in rows.iterrows()) + "</table>")
        rendered, _ = render_filing(nlp, texts.get(src), rows)
        body.append(rendered)
        body.append("</section>")
    return "\n".join(head + body + ["</body></html>"])


def write_review(inputs: list[str], output: str) -> tuple[Path, int, int]:
    """Write the review page of ``inputs`` to ``output``; returns (path, events, filings)."""
    events, texts, filings = load(inputs)
    html_text = page(events, texts, filings)
    out = Path(output)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(html_text, encoding="utf-8")
    tmp.replace(out)
    return out, len(events), events["source_file"].nunique() if len(events) else 0
