"""The review page: one self-contained HTML file, checked as text and in a real headless browser."""
from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pytest

from extractor.parse import parse_file
from extractor.review import COLORS, chart_svg, page, write_review
from extractor.table import EVENTS_SCHEMA, enforce

RELEASE = """# Fictional Widgets Announces 1-for-10 Reverse Stock Split

SPRINGFIELD, IL - March 3, 2031 (FAKEWIRE) - Fictional Widgets, Inc. (NASDAQ: FWID) today announced that its Board of Directors approved a 1-for-10 reverse stock split of its common stock, which will become effective on March 10, 2031.

At the special meeting of stockholders held on February 20, 2031, stockholders approved the reverse stock split.

Fictional Widgets also declared a cash dividend of $0.05 per share, payable on April 15, 2031 to stockholders of record on April 1, 2031.

About Fictional Widgets
Fictional Widgets makes widgets that do not exist.
"""

SENTENCES = {
    "reverse_stock_split": "its Board of Directors approved a 1-for-10 reverse stock split",
    "announcement": "SPRINGFIELD, IL - March 3, 2031",
    "shareholder_meeting": "At the special meeting of stockholders held on February 20, 2031",
    "shareholder_approval": "stockholders approved the reverse stock split",
    "cash_dividend": "declared a cash dividend of $0.05 per share",
}


@pytest.fixture()
def table(tmp_path) -> Path:
    """A fictional release and an events table pointing into its extracted text."""
    src = tmp_path / "fictional_release.txt"
    src.write_text(RELEASE, encoding="utf-8")
    text = parse_file(str(src)).text
    rows = []
    for n, (t, s) in enumerate(SENTENCES.items()):
        i = text.find(s)
        assert i >= 0, s
        rows.append({"source_file": str(src), "company_name": "Fictional Widgets, Inc.", "form_type": "press release",
                     "known_at": "2031-03-03", "known_at_source": "dateline", "event_id": f"e{n}", "event_type": t,
                     "event_date": {"cash_dividend": "2031-04-15", "shareholder_meeting": "2031-02-20",
                                    "shareholder_approval": "2031-02-20"}.get(t, "2031-03-10"),
                     "evidence": s, "char_start": i, "char_end": i + len(s)})
    # an event whose source is gone: shown as its evidence sentence alone
    rows.append({"source_file": str(tmp_path / "gone.txt"), "company_name": "Gadget Partners Ltd.", "event_id": "g",
                 "event_type": "delisting", "event_date": "2030-12-01", "evidence": "Gadget Partners received a notice.",
                 "char_start": 0, "char_end": 33})
    out = tmp_path / "events.csv"
    enforce(pd.DataFrame(rows), EVENTS_SCHEMA).to_csv(out, index=False)
    return out


def _labels(html_text: str, label: str) -> int:
    return len(re.findall(rf">\s*{label}\s*</span>", html_text))


def test_page_from_events_table_is_self_contained(table, tmp_path):
    out = tmp_path / "review.html"
    path, n_events, n_files = write_review([str(table)], str(out))
    h = out.read_text(encoding="utf-8")
    assert n_events == 6 and n_files == 2
    assert h.startswith("<!DOCTYPE html>") and h.rstrip().endswith("</html>")
    # nothing loaded from elsewhere: no scripts, no stylesheets, fonts or images by URL
    assert "<script" not in h.lower()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", h, re.I)
    assert "@import" not in h and "url(" not in h
    # every event's evidence is highlighted by its type (displaCy span markup)
    assert 'class="spans"' in h
    for t in SENTENCES:
        assert _labels(h, t) >= 1, t
    assert _labels(h, "delisting") >= 1 and "source text not available" in h
    # the chart: inline SVG, one bar per month and type
    svg = re.search(r"<svg class=\"chart\".*?</svg>", h, re.S).group(0)
    # 2030-12 delisting; 2031-02 meeting, approval; 2031-03 split, announcement; 2031-04 dividend
    assert len(re.findall(r"<rect class=\"bar\"", svg)) == 6
    assert 'data-type="reverse_stock_split"' in svg


def test_chart_counts_by_month_and_type():
    ev = enforce(pd.DataFrame([
        {"event_type": "reverse_stock_split", "event_date": "2031-03-10"},
        {"event_type": "announcement", "event_date": "2031-03-03"},
        {"event_type": "announcement", "known_at": "2031-05-02T10:00:00+00:00"},
        {"event_type": "cash_dividend"},
    ]), EVENTS_SCHEMA)
    svg = chart_svg(ev)
    assert svg.count('<rect class="bar"') == 3
    assert "2031-03: 1 reverse_stock_split" in svg and "2031-05: 1 announcement" in svg
    assert "no dated events" in chart_svg(ev.iloc[3:])


def test_page_from_filings_runs_the_extraction(tmp_path):
    src = tmp_path / "fictional_release.txt"
    src.write_text(RELEASE, encoding="utf-8")
    out = tmp_path / "review.html"
    _, n_events, _ = write_review([str(src)], str(out))
    h = out.read_text(encoding="utf-8")
    assert "Fictional Widgets" in h and "<svg" in h
    if n_events:
        assert 'class="spans"' in h


CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
CHROMEDRIVER = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None)


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(),
                    reason="no /usr/bin/chromium: install Debian's chromium and chromium-driver to run the browser test")
def test_page_in_headless_chromium(table, tmp_path):
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium not installed (pip install selenium)")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    if not CHROMEDRIVER:
        pytest.skip("no chromedriver: install Debian's chromium-driver")
    out = tmp_path / "review.html"
    write_review([str(table)], str(out))
    profile = tempfile.mkdtemp(prefix="chromium-profile-", dir=tmp_path)
    opts = Options()
    opts.binary_location = "/usr/bin/chromium"
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1280,2000"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    try:
        driver.set_page_load_timeout(60)
        driver.get(out.resolve().as_uri())
        assert "review" in driver.title.lower()
        for t in list(SENTENCES) + ["delisting"]:
            labels = driver.find_elements(
                By.XPATH, f"//div[contains(@class,'spans')]//span[normalize-space(text())='{t}']")
            assert len(labels) > 0, t
            assert any(el.is_displayed() for el in labels), t
            # the highlight is drawn in the type's colour
            bg = labels[0].value_of_css_property("background-color")
            assert bg not in ("rgba(0, 0, 0, 0)", "transparent"), (t, bg)
        svg = driver.find_elements(By.CSS_SELECTOR, "svg.chart")
        assert len(svg) == 1 and svg[0].is_displayed()
        assert svg[0].size["width"] > 0 and svg[0].size["height"] > 0
        assert len(driver.find_elements(By.CSS_SELECTOR, "svg.chart rect.bar")) > 0
        errors = [e for e in driver.get_log("browser") if e.get("level") in ("SEVERE", "ERROR")]
        assert errors == [], errors
    finally:
        driver.quit()
