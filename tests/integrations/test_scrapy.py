"""ForumCleanerPipeline: a real Scrapy crawl of pages served on 127.0.0.1, plus the settings contract."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

scrapy = pytest.importorskip("scrapy")
from scrapy.exceptions import DropItem, NotConfigured  # noqa: E402
from scrapy.utils.test import get_crawler  # noqa: E402

from cleaner.integrations.scrapy import ForumCleanerPipeline  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
PAGES = REPO / "tests" / "data" / "batch" / "pages"
CRAWL_SCRIPT = REPO / "tests" / "data" / "batch" / "scrapy_crawl.py"
SEED_INPUT = REPO / "samples" / "seed" / "input.txt"
SEED_EXPECTED = REPO / "samples" / "seed" / "expected.txt"
MODEL = "default"  # the shipped model, as users get it
EMPTY_PAGE = b"<html><head><title>nothing</title></head><body><div>  </div></body></html>"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def served_pages(tmp_path):
    """Sample pages on a loopback-only HTTP server for the length of one test."""
    root = tmp_path / "site"
    root.mkdir()
    for name in ("mybb.html", "agreper.html"):
        shutil.copy(PAGES / name, root / name)
    shutil.copy(PAGES / "zh" / "discuz_x33.html", root / "discuz_x33.html")
    shutil.copy(SEED_INPUT, root / "seed.txt")
    (root / "empty.html").write_bytes(EMPTY_PAGE)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", root
    finally:
        server.shutdown()
        server.server_close()


def test_real_crawl_puts_clean_text_in_items(served_pages, tmp_path):
    base, root = served_pages
    out = tmp_path / "items.jsonl"
    urls = [f"{base}/{name}" for name in sorted(os.listdir(root))]
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(PYTHONPATH=str(REPO), NO_PROXY="127.0.0.1", no_proxy="127.0.0.1")
    proc = subprocess.run([sys.executable, str(CRAWL_SCRIPT), str(out), MODEL, *urls], cwd=tmp_path, env=env,
                          capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    items = {Path(i["url"]).name: i for i in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert sorted(items) == ["agreper.html", "discuz_x33.html", "mybb.html", "seed.txt"]  # empty.html dropped
    assert items["seed.txt"]["text"] + "\n" == SEED_EXPECTED.read_text(encoding="utf-8")
    assert any("白癜风" in r["text"] and r["kind"] == "spam" for r in items["seed.txt"]["removed"])
    assert items["seed.txt"]["title"] == "强省会聚合力雨花作为更优高质量"
    assert "Class-A" in items["mybb.html"]["text"]
    assert all("html" not in item and item["text"] for item in items.values())
    assert {item["cleaned_in"] for item in items.values()} == {"worker"}  # never on the reactor thread


def _crawler(**settings):
    return get_crawler(settings_dict={"FORUM_CLEANER_MODEL": "none", **settings})


def test_disabled_raises_not_configured():
    with pytest.raises(NotConfigured):
        ForumCleanerPipeline.from_crawler(_crawler(FORUM_CLEANER_ENABLED=False))


def test_scrapy_item_and_dict_both_work_without_a_spider_argument():
    class Page(scrapy.Item):
        html = scrapy.Field()
        url = scrapy.Field()
        body_text = scrapy.Field()

    pipeline = ForumCleanerPipeline.from_crawler(_crawler(FORUM_CLEANER_TEXT_FIELD="body_text"))
    expected = SEED_EXPECTED.read_text(encoding="utf-8").rstrip("\n")
    item = pipeline.clean_item(Page(html=SEED_INPUT.read_bytes(), url="http://x/1"))
    assert item["body_text"] == expected
    as_dict = pipeline.clean_item({"html": SEED_INPUT.read_text(encoding="utf-8")})
    assert as_dict["body_text"] == expected


def test_empty_pages_are_kept_or_dropped_as_configured():
    keep = ForumCleanerPipeline.from_crawler(_crawler())
    assert keep.clean_item({"html": EMPTY_PAGE})["text"] == ""
    drop = ForumCleanerPipeline.from_crawler(_crawler(FORUM_CLEANER_DROP_EMPTY=True))
    with pytest.raises(DropItem):
        drop.clean_item({"html": EMPTY_PAGE})


def test_a_page_that_cannot_be_cleaned_is_marked_or_dropped():
    marked = ForumCleanerPipeline.from_crawler(_crawler(FORUM_CLEANER_MAX_BYTES=100))
    item = marked.clean_item({"html": b"<p>" + b"x" * 500 + b"</p>"})
    assert item["clean_error"].startswith("too_large")
    dropped = ForumCleanerPipeline.from_crawler(_crawler(FORUM_CLEANER_MAX_BYTES=100, FORUM_CLEANER_DROP_ERRORS=True))
    with pytest.raises(DropItem):
        dropped.clean_item({"html": b"<p>" + b"x" * 500 + b"</p>"})


@pytest.mark.parametrize("fragment, text", [
    ('<div class="message-body">Ich habe das gleiche Problem mit dem Router seit dem Update.</div>',
     "Ich habe das gleiche Problem mit dem Router seit dem Update."),
    ("<p>Same here, the <em>router</em> drops the connection every night.</p>",
     "Same here, the router drops the connection every night."),
    ('<td class="t_f" id="postmessage_1">楼主说得对，我也遇到过这个问题，后来换了路由器就好了。</td>',
     "楼主说得对，我也遇到过这个问题，后来换了路由器就好了。"),
])
def test_a_selector_fragment_is_cleaned_as_html(fragment, text):
    """What ``response.css("div.post").get()`` returns: one element, fewer than three tags."""
    pipeline = ForumCleanerPipeline.from_crawler(_crawler())
    assert pipeline.clean_item({"html": fragment})["text"] == text
