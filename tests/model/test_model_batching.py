"""One spam-model call per chunk of pages: ``Cleaner.prepare`` + ``finish_many`` give exactly
what ``clean`` gives page by page, the batch runner scores a chunk in one call, and a model
failure on one page costs that page's record only."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import Cleaner, CleanResult
from cleaner.batch.run import CleanOptions, clean_serial
from cleaner.batch.readers import PageInput

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples" / "pages"
# Threads of several engines, a text dump with injected spam (the seed), an article page.
PAGE_FILES = sorted([*SAMPLES.glob("zh_forum/*.html")][:6] + [SAMPLES / "zh_text" / "seed.txt"]
                    + [*SAMPLES.glob("nonforum_zh/*.html")][:2])
EMPTY_PAGE = b"   \n"


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


@pytest.fixture(scope="module")
def pages() -> list[bytes]:
    assert len(PAGE_FILES) == 9
    return [p.read_bytes() for p in PAGE_FILES] + [EMPTY_PAGE]


@pytest.mark.parametrize("replies", [False, True])
def test_prepare_then_finish_many_equals_clean(cleaner, pages, replies):
    prepared = [cleaner.prepare(page, replies=replies) for page in pages]
    pending = [p for p in prepared if not isinstance(p, CleanResult)]
    assert len(pending) == len(pages) - 1  # the empty page is already its result
    finished = iter(cleaner.finish_many(pending))
    batched = [p if isinstance(p, CleanResult) else next(finished) for p in prepared]
    assert [r.to_dict() for r in batched] == [cleaner.clean(page, replies=replies).to_dict() for page in pages]
    assert any(r.spam_score > 0 for r in batched)  # the model had spam to find (the seed's ad line)


class _CountingModel:
    """The real model, counting its calls; it fails on a line holding ``poison``."""

    def __init__(self, real, poison: str | None = None):
        self.real, self.poison, self.calls = real, poison, 0
        self.threshold_ = real.threshold_

    def score_lines(self, lines):
        self.calls += 1
        lines = list(lines)
        if self.poison and any(self.poison in line for line in lines):
            raise ValueError("model failure on a poisoned line")
        return self.real.score_lines(lines)


def _inputs(pages: list[bytes]) -> list[PageInput]:
    return [PageInput(f"p{i}", "test", payload=page) for i, page in enumerate(pages)]


def test_a_chunk_of_pages_is_scored_in_one_model_call(pages):
    options = CleanOptions()
    cleaner = Cleaner()
    expected = list(clean_serial(_inputs(pages[:8]), options, cleaner))
    counting = cleaner._spam_model = _CountingModel(cleaner._spam_model)
    records = list(clean_serial(_inputs(pages[:8]), options, cleaner))  # 8 pages = one chunk
    assert counting.calls == 1
    assert records == expected


def test_a_model_failure_costs_only_its_own_page(pages):
    poisoned = "毒药行：这一行让模型出错，用来检查整批不会因此丢失。".encode("utf-8")
    bad_page = b"<html><body><div><p>" + poisoned + b"</p><p>" + poisoned + b"</p></div></body></html>"
    options = CleanOptions()
    cleaner = Cleaner()
    good = list(clean_serial(_inputs(pages[:3]), options, cleaner))
    cleaner._spam_model = _CountingModel(cleaner._spam_model, poison="毒药行")
    records = list(clean_serial(_inputs([pages[0], bad_page, pages[1], pages[2]]), options, cleaner))
    assert [r["id"] for r in records] == ["p0", "p1", "p2", "p3"]
    assert records[1]["status"] == "error" and records[1]["error_code"] == "internal"
    assert records[1]["error"] == "internal error: ValueError: model failure on a poisoned line"
    assert [records[0], records[2], records[3]] == [good[0], {**good[1], "id": "p2"}, {**good[2], "id": "p3"}]
