"""The README's walkthrough, run for real: batch -> report -> review -> train --base -> compare ->
clean with the new model, with screenshots of the report and the labelling page (docs/img/).

    python bench/docs_screenshots.py [--pages samples/pages/zh_forum] [--work /tmp/fc-walkthrough]

Needs Chromium (Debian: apt-get install chromium, plus fonts-wqy-zenhei or fonts-noto-cjk for
Chinese text) and `pip install playwright` (no `playwright install`: the system browser is used).
The labelling is done the way a user would, with the keyboard, answering from the sample pages'
own spam lists (``*.spam.txt``): a line listed there is spam, any other line is genuine.
Prints each command with the figures it reported and how long the report took to open.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
IMG = REPO / "docs" / "img"
CHROMIUM = os.environ.get("FORUM_CLEANER_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
LABELS_TO_MAKE = 12
VIEWPORT = {"width": 1280, "height": 860}


def command(*args: str, capture: bool = True) -> str:
    """`forum-cleaner ARGS` from this checkout; echo it and its stderr summary."""
    print("$ forum-cleaner " + " ".join(args), flush=True)
    proc = subprocess.run([sys.executable, "-m", "cleaner", *args], cwd=REPO, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, check=False)
    if proc.returncode:
        raise SystemExit(f"failed ({proc.returncode}): {proc.stderr}")
    for line in (proc.stderr.splitlines() + (proc.stdout.splitlines() if args[0] == "train" else []))[-4:]:
        print("  " + line)
    return proc.stdout


def spam_truth(pages: Path) -> set[str]:
    return {line.strip() for f in pages.glob("*.spam.txt") for line in f.read_text(encoding="utf-8").splitlines()
            if line.strip()}


def start_review(pages: Path, labels: Path) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "cleaner", "review", str(pages), "--labels", str(labels)],
                            cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    for line in proc.stdout:
        found = re.search(r"open (http://127\.0\.0\.1:\d+/)", line)
        if found:
            return proc, found.group(1)
    raise SystemExit("the review server did not start")


def shoot_report(context, report: Path, page_id: str) -> float:
    tab = context.new_page()
    started = time.perf_counter()
    tab.goto(report.as_uri())
    tab.wait_for_selector("body[data-ready='1']")
    opened = time.perf_counter() - started
    tab.screenshot(path=str(IMG / "report-summary.png"))
    tab.goto(report.as_uri() + "#page=" + page_id)
    tab.wait_for_selector("#detail:not([hidden])")
    tab.check("#hide-chrome")
    tab.locator("#detail").scroll_into_view_if_needed()
    tab.locator("#detail").screenshot(path=str(IMG / "report-page.png"))
    tab.close()
    return opened


def label_like_a_user(context, url: str, truth: set[str]) -> None:
    tab = context.new_page()
    tab.goto(url)
    tab.wait_for_selector("body[data-ready='1']")
    for number in range(1, LABELS_TO_MAKE + 1):
        tab.wait_for_selector("#context .line.current")
        text = tab.locator("#text").inner_text()
        if number == LABELS_TO_MAKE // 2:
            tab.screenshot(path=str(IMG / "review.png"))
        tab.keyboard.press("s" if text.strip() in truth else "g")
        tab.locator("#position").filter(has_text=re.compile(rf"^{number + 1} / ")).wait_for()
    tab.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", default="samples/pages/zh_forum")
    parser.add_argument("--work", default=None, help="folder for outputs (default: a temporary one)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    pages = (REPO / args.pages).resolve()
    work = Path(args.work or tempfile.mkdtemp(prefix="fc-walkthrough-"))
    work.mkdir(parents=True, exist_ok=True)
    IMG.mkdir(parents=True, exist_ok=True)
    labels = work / "my_labels.jsonl"
    labels.unlink(missing_ok=True)
    command("clean", str(pages), "--format", "jsonl", "--audit", "-o", str(work / "out.jsonl"), "--no-progress")
    command("report", str(work / "out.jsonl"), "-o", str(work / "report.html"))
    profile = tempfile.mkdtemp(prefix="fc-chromium-")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                                       headless=True, viewport=VIEWPORT)
        opened = shoot_report(context, work / "report.html", "dzx3_02.html")
        print(f"  the report opened in {opened:.2f} s")
        print(f"$ forum-cleaner review {pages} --labels {labels}")
        server, url = start_review(pages, labels)
        try:
            label_like_a_user(context, url, spam_truth(pages))
        finally:
            server.terminate()
            server.wait(timeout=10)
        context.close()
    shutil.rmtree(profile, ignore_errors=True)
    print(f"  {sum(1 for _ in labels.open(encoding='utf-8'))} labels in {labels}")
    command("train", "--base", "default", str(labels), "-o", str(work / "my_model.skops"))
    out = command("compare", "--model", "default", "--model", str(work / "my_model.skops"), str(pages))
    print("\n".join("  " + line for line in out.splitlines()[:20]))
    command("clean", str(pages), "--model", str(work / "my_model.skops"), "-o", str(work / "cleaned"),
            "--no-progress")
    print(f"screenshots in {IMG}, outputs in {work}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
