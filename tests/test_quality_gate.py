"""The quality gate: every sample set scored against its expected output, with pinned floors.
A change that loses article text, lets chrome in or leaks a spam line fails here. Floors sit a
little below the figures measured when they were pinned (see the README's quality section);
raise them when the cleaner gets better, never lower them to make a change pass."""

from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.evaluate import evaluate_dir

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "pages"

# set -> (retention, precision) floors, character-weighted over the set.
FIRST_POST_FLOORS = {
    "zh_forum": (0.99, 0.99),
    "zh_text": (0.99, 0.99),
    "en_forum": (0.99, 0.99),
    "nonforum_zh": (0.98, 0.98),
}
THREAD_FLOORS = {
    "zh_forum": (0.99, 0.99),
    "zh_text": (0.99, 0.98),
    "en_forum": (0.98, 0.99),
    "nonforum_zh": (0.98, 0.96),
}
# No single page may lose more than this share of its expected text.
MIN_PAGE_RETENTION = 0.85


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


@pytest.fixture(scope="module")
def first_post(cleaner):
    return evaluate_dir(SAMPLES, cleaner, replies=False)


@pytest.fixture(scope="module")
def thread(cleaner):
    return evaluate_dir(SAMPLES, cleaner, replies=True)


def test_every_sample_set_is_present(first_post):
    assert set(first_post.sets) == set(FIRST_POST_FLOORS)
    assert first_post.overall.cases >= 60


@pytest.mark.parametrize("name", sorted(FIRST_POST_FLOORS))
def test_first_post_floors(first_post, name):
    agg = first_post.sets[name]
    retention, precision = FIRST_POST_FLOORS[name]
    assert (agg.errors, agg.spam_leaked) == (0, 0)
    assert agg.retention >= retention, f"{name}: retention {agg.retention:.4f} < {retention}"
    assert agg.precision >= precision, f"{name}: precision {agg.precision:.4f} < {precision}"


@pytest.mark.parametrize("name", sorted(THREAD_FLOORS))
def test_thread_floors(thread, name):
    agg = thread.sets[name]
    retention, precision = THREAD_FLOORS[name]
    assert (agg.errors, agg.spam_leaked) == (0, 0)
    assert agg.retention >= retention, f"{name}: retention {agg.retention:.4f} < {retention}"
    assert agg.precision >= precision, f"{name}: precision {agg.precision:.4f} < {precision}"


def test_no_page_loses_much_of_its_article(first_post):
    low = [(r.case_id, round(r.score.retention, 3)) for r in first_post.results
           if r.score and r.score.expected_chars and r.score.retention < MIN_PAGE_RETENTION]
    assert low == []
