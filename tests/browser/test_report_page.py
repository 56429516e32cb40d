"""The report opened from disk in Chromium: what it shows, that it fetches nothing, and that a
10,000-page batch report is usable (100 rows drawn, the rest a click away)."""

from __future__ import annotations

import re
import shutil

import pytest

from cleaner import cli
from cleaner.report.audit import Line, PageAudit
from cleaner.report.build import render

from conftest import ZH  # noqa: F401  (tests/browser/conftest.py)


@pytest.fixture(scope="module")
def report_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    pages = folder / "pages"
    pages.mkdir()
    for name in ("dzmob_02.html", "dzx3_02.html", "tb_03.html", "dzmob_03.html"):
        shutil.copy(ZH / name, pages / name)
    out = folder / "report.html"
    assert cli.main(["report", str(pages), "-o", str(out)]) == 0
    return out.as_uri()


def test_the_report_shows_the_batch_and_fetches_nothing(page, report_url):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(report_url)
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("table.overview td").all_inner_texts()[:4] == ["4", "4", "0", "0"]
    assert page.locator("#histogram rect.bar").count() == 20
    assert page.locator("#page-table tbody tr").count() == 4
    assert page.locator("#page-table tbody tr td.page-id").first.inner_text() == "dzx3_02.html"
    assert page.locator("#pager").inner_text() == "1-4 of 4 pages"
    assert all(url.startswith(("file:", "data:")) for url in requests), requests


def test_a_page_shows_its_lines_in_order_coloured_by_kind_with_rule_and_score(page, report_url):
    page.goto(report_url)
    page.locator("#page-table tbody tr").first.click()
    page.wait_for_selector("#detail:not([hidden])")
    assert page.locator("#detail-title").inner_text() == "【资料】战国无双3"
    spam = page.locator("#detail-lines .line.spam")
    assert spam.count() == 2
    assert spam.nth(1).locator(".why").inner_text() == "[spam:wechat-homophone 1.00]"
    # the rule's line also shows the model's own score (3 decimals; the value moves when the model is retrained)
    assert "原单奢侈品包包" in spam.nth(1).inner_text() and re.search(r"\nmodel 0\.9\d\d$", spam.nth(1).inner_text())
    groups = page.locator("#detail-lines .post > h4").all_inner_texts()
    assert groups[:2] == ["outside posts", "post 0 (first post)"] and "post 1 (reply)" in groups
    chrome_before = page.locator("#detail-lines .line.chrome").count()
    page.check("#hide-chrome")
    assert chrome_before > 0 and page.locator("#detail-lines .line.chrome").count() == 0
    assert page.locator("#detail-lines .line.spam").count() == 2


def test_the_filter_narrows_the_list(page, report_url):
    page.goto(report_url)
    page.fill("#filter", "tieba")
    assert page.locator("#page-table tbody tr td.page-id").all_inner_texts() == ["tb_03.html"]


def test_a_10000_page_report_opens_paginated(page, tmp_path):
    pages = [PageAudit(f"forum/thread-{i:05d}.html", engine="discuz", url=f"https://bbs{i % 37}.example.org/t/{i}",
                       lines=[Line(0, "导航 首页"),
                              Line(1, f"第{i}楼的正文内容，讨论一下这个问题。", post=0, model_score=0.02)]
                       + ([Line(2, f"代开发票 13{i:09d}", "spam", "spam:contact-ad", post=0, model_score=0.99)]
                          if i % 50 == 0 else []))
             for i in range(10_000)]
    out = tmp_path / "big.html"
    out.write_text(render(pages, threshold=0.5, model_name="m", inputs=["big"]), encoding="utf-8")
    page.goto(out.as_uri())
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("#pager").inner_text() == "1-100 of 10000 pages"
    assert page.locator("#page-table tbody tr").count() == 100
    assert "Lines are included for 1000 of 10000 pages" in page.locator("#sampling").inner_text()
    page.click("#next")
    assert page.locator("#pager").inner_text() == "101-200 of 10000 pages"
