"""Which lines the spam model reads (cleaner.model.scope) and the score that removes each: a
Western line needs WESTERN_MIN_SPAM_SCORE whatever the model's trained threshold (in a page:
tests/model/test_replies.py)."""

from __future__ import annotations

import pytest

from cleaner.model.scope import WESTERN_MIN_SPAM_SCORE, line_threshold


@pytest.mark.parametrize("text,threshold,bar", [
    ("本公司代开各类发票，欢迎来电", 0.9, 0.9),  # Chinese: the trained threshold
    ("Cheap essays at bestessays.top", 0.9, WESTERN_MIN_SPAM_SCORE),  # Western: never under the floor
    ("Cheap essays at bestessays.top", 0.995, 0.995),  # a stricter threshold stands
    ("买 cheap essays 在 bestessays.top 网站", 0.9, WESTERN_MIN_SPAM_SCORE),  # CJK share under 0.3
])
def test_line_threshold(text, threshold, bar):
    assert line_threshold(text, threshold) == bar
