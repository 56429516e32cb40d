"""The labelling page in Chromium: least sure first, labels by keyboard, kept over a restart."""

from __future__ import annotations

import json
import re



def expect(locator):
    """Playwright's expect, imported late: without playwright the fixtures skip (or fail) first."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def at(page, number: int) -> None:
    """Wait until line `number` of the queue is shown (labelling moves on by itself)."""
    expect(page.locator("#position")).to_have_text(re.compile(rf"^{number} / "))


def queue_tags(page) -> list[str]:
    return page.locator("#queue li").evaluate_all(
        "items => items.map(li => (li.querySelector('.tag') || {}).textContent || '')")


def test_label_with_the_keyboard_restart_and_find_the_labels(page, review_server):
    page.goto(review_server.start())
    page.wait_for_selector("body[data-ready='1']")
    texts = page.locator("#queue li").evaluate_all("items => items.map(li => li.lastChild.textContent)")
    assert len(texts) > 10
    assert page.locator("#text").inner_text() == texts[0]
    assert page.locator("#position").inner_text() == f"1 / {len(texts)}"
    page.wait_for_selector("#context .line.current")
    assert page.locator("#context .line.current").inner_text().endswith(texts[0])

    page.keyboard.press("s")  # spam, and on to the next line
    at(page, 2)
    page.keyboard.press("c")  # chrome
    at(page, 3)
    page.keyboard.press("j")  # skip one
    page.keyboard.press("g")  # genuine
    at(page, 5)
    page.keyboard.press("k")
    page.keyboard.press("k")
    assert page.locator("#position").inner_text().startswith("3 /")
    assert queue_tags(page)[:4] == ["spam", "chrome", "", "genuine"]

    saved = [json.loads(x) for x in review_server.labels.read_text(encoding="utf-8").splitlines()]
    assert [(e["text"], e["label"], e["mark"]) for e in saved] == [
        (texts[0], "spam", "spam"), (texts[1], "genuine", "chrome"), (texts[3], "genuine", "genuine")]

    review_server.stop()
    page.goto(review_server.start())  # a new process, a new port, the same labels file
    page.wait_for_selector("body[data-ready='1']")
    assert queue_tags(page)[:4] == ["spam", "chrome", "", "genuine"]
    assert page.locator("#position").inner_text().startswith("3 /")  # the first line not yet labelled
    assert "spam 1, genuine 1, chrome 1" in page.locator("#status").inner_text()


def test_buttons_label_and_clear(page, review_server):
    page.goto(review_server.start())
    page.wait_for_selector("body[data-ready='1']")
    page.click("button[data-label='spam']")
    at(page, 2)
    page.keyboard.press("k")
    page.keyboard.press("u")
    expect(page.locator("#label-badge")).to_have_text("not labelled")
    assert review_server.labels.read_text(encoding="utf-8") == ""
    with page.expect_download() as download:
        page.click("#export")
    assert download.value.suggested_filename == "labels.jsonl"
