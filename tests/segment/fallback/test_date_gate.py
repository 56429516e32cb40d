"""has_date_text's gate (fallback/lines.py) lets through every text a date pattern matches, and
the answers on sample lines are those of the patterns alone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from cleaner.pipeline import read_page
from cleaner.segment.fallback import lines as fl

PAGES = sorted((Path(__file__).resolve().parents[3] / "samples" / "pages").rglob("*.html"))
PATTERNS = [fl._DATE, fl._COMPACT_AGO, fl._MONTH_DATE, fl._MONTH_YEAR, fl._WEEKDAY_DATE, fl._COMPACT_AGE]


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern[:30])
def test_every_date_pattern_match_passes_the_gate(pattern):
    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(text=st.from_regex(pattern))
    def check(text):
        assert fl._MAY_BE_DATE.search(text) is not None, text

    check()


def _ungated(text: str, max_chars: int = fl.DATE_LINE_MAX_CHARS) -> bool:
    """has_date_text as written before the gate."""
    if len(text) >= max_chars:
        return False
    strip = " ·•|-–"
    return bool(fl._DATE.search(text) or ("ago" in text and fl._COMPACT_AGO.search(text))
                or (fl._YEAR.search(text) and fl._MONTH_DATE.search(text))
                or (len(text) <= fl.MONTH_YEAR_MAX_CHARS and fl._MONTH_YEAR.fullmatch(text.strip(strip + "()")))
                or (len(text) <= fl.WEEKDAY_DATE_MAX_CHARS and fl._WEEKDAY_DATE.match(text.lstrip(strip)))
                or (len(text) <= fl.COMPACT_AGE_MAX_CHARS and fl._COMPACT_AGE.fullmatch(text.strip(strip))))


def test_gated_date_lines_of_sample_pages_are_unchanged():
    lines = [" ".join(line.split()) for path in PAGES for line in etree.fromstring(
        read_page(path.read_bytes(), None, 10**8).text, etree.HTMLParser()).itertext() if line.strip()]
    lines += ["昨天 10:21", "三天前", "Yesterday", "posted TODAY", "Aug 2021", "Sunday 8th March", "4y", "vor 3 Tagen"]
    answers = [fl.has_date_text(line) for line in lines]
    assert answers == [_ungated(line) for line in lines]
    assert 50 < sum(answers) < len(lines) / 2
    assert re.search(r"\d", "".join(line for line, dated in zip(lines, answers) if not dated))  # digits alone are not dates
