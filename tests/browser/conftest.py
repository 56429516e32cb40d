"""Browser tests: the system's Chromium (Debian package ``chromium``) driven by Playwright.

They skip when Chromium or Playwright is missing, except when FORUM_CLEANER_REQUIRE_BROWSER=1
(CI sets it: there a missing browser is a failure, not a skip). Playwright never downloads a
browser here: it launches /usr/bin/chromium with a fresh profile and no background networking."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ZH = REPO / "samples" / "pages" / "zh_forum"
CHROMIUM = os.environ.get("FORUM_CLEANER_CHROMIUM", "/usr/bin/chromium")
REQUIRE = os.environ.get("FORUM_CLEANER_REQUIRE_BROWSER") == "1"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
REVIEW_PAGES = ("dzx3_02.html", "tb_03.html", "dzmob_03.html")
SERVER_START_S = 60


def _unavailable(reason: str):
    if REQUIRE:
        pytest.fail(f"FORUM_CLEANER_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_context():
    if not os.path.exists(CHROMIUM):
        _unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install playwright)")
    profile = tempfile.mkdtemp(prefix="fc-chromium-")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                                       headless=True, viewport={"width": 1280, "height": 900})
        yield context
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(browser_context):
    tab = browser_context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    tab.close()


@pytest.fixture(scope="session")
def review_pages(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("review-pages")
    for name in REVIEW_PAGES:
        shutil.copy(ZH / name, folder / name)
    return folder


class ReviewServer:
    """``forum-cleaner review`` in its own process, as a user runs it; restartable."""

    def __init__(self, pages: Path, labels: Path):
        self.pages, self.labels, self.proc, self.url = pages, labels, None, ""

    def start(self) -> str:
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        self.proc = subprocess.Popen([sys.executable, "-m", "cleaner", "review", str(self.pages), "--port", "0",
                                      "--labels", str(self.labels)], cwd=REPO, env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True)
        deadline = time.monotonic() + SERVER_START_S
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            found = re.search(r"open (http://127\.0\.0\.1:\d+/)", line)
            if found:
                self.url = found.group(1)
                return self.url
            if not line and self.proc.poll() is not None:
                break
        self.stop()
        raise RuntimeError("the review server did not start")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        self.proc = None


@pytest.fixture
def review_server(review_pages, tmp_path):
    server = ReviewServer(review_pages, tmp_path / "labels.jsonl")
    yield server
    server.stop()
