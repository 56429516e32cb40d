"""How big a 10,000-page report is and how long Chromium takes to open it.

    python bench/report_open.py [--pages 10000] [--detail-pages 1000]

The batch is the sample pages' real audits (every line, kind, rule and score) repeated under new
ids and hosts until there are --pages of them; the report lists all and includes the lines of
--detail-pages. Prints the file size, the time to write it and the time until the page has drawn
its first 100 rows in headless Chromium (/usr/bin/chromium through Playwright), and the same for
a report with the lines of every page, for comparison.
"""

from __future__ import annotations

import argparse
import copy
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def batch(n: int):
    from cleaner.report.source import audit_pages, load_spam_model

    model = load_spam_model(None)
    base = list(audit_pages([str(REPO / "samples" / "pages")], None, model, replies=False))
    pages = []
    for i in range(n):
        page = copy.copy(base[i % len(base)])
        page.id = f"{i:05d}/{page.id}"
        page.url = f"https://bbs{i % 97}.example.net/thread-{i}.html"
        pages.append(page)
    return pages


def open_time(context, path: Path) -> float:
    tab = context.new_page()
    started = time.perf_counter()
    tab.goto(path.as_uri(), timeout=120_000)
    tab.wait_for_selector("body[data-ready='1']", timeout=120_000)
    elapsed = time.perf_counter() - started
    assert tab.locator("#page-table tbody tr").count() == 100
    tab.close()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--detail-pages", type=int, default=1000)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from cleaner.report.build import render

    pages = batch(args.pages)
    folder = Path(tempfile.mkdtemp(prefix="fc-report-bench-"))
    results = []
    for detail in (args.detail_pages, args.pages):
        started = time.perf_counter()
        html = render(pages, threshold=0.5, model_name="spam_model.skops", inputs=["bench"], detail_pages=detail)
        path = folder / f"report-{detail}.html"
        path.write_text(html, encoding="utf-8")
        results.append((detail, path, time.perf_counter() - started))
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(tempfile.mkdtemp(), executable_path="/usr/bin/chromium",
                                                       args=CHROMIUM_ARGS, headless=True)
        for detail, path, written in results:
            opened = open_time(context, path)
            print(f"{args.pages} pages, lines of {detail}: {path.stat().st_size / 1e6:.1f} MB, written in "
                  f"{written:.1f} s, opened (first 100 rows drawn) in {opened:.2f} s")
        context.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
