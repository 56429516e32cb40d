"""The fast NFKC of rules/normalize.py gives unicodedata's answer: on full-width text, on the
forms beside combining marks (where the shortcut must step aside) and on sample lines."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from cleaner.pipeline import read_page
from cleaner.rules import normalize as nz

PAGES = sorted((Path(__file__).resolve().parents[2] / "samples" / "pages").rglob("*.html"))
# Full-width forms, their neighbours in the block, combining marks that compose with a plain
# letter ("Ａ" + U+0301 is NFKC "Á"), other compatibility characters ("①", "ﬁ", "㎏") and CJK.
_AROUND = st.sampled_from(["\uff01", "\uff0c", "\uff21", "\uff41", "\uff5e", "\uff5f", "\uff61", "\uff00",
                           "\u3000", "\u2026", "\u0301", "\u0308", "\u0327", "\u2460", "\ufb01", "\u338f",
                           "\u212b", "\u1e9b", "的", "a", "A", " ", "\u200b"])
_CHARS = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=("Cs",))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(_AROUND | _CHARS, max_size=30).map("".join))
def test_fast_nfkc_is_unicodedata_nfkc(text):
    assert nz.nfkc(text) == unicodedata.normalize("NFKC", text)


def test_wide_forms_decompose_to_characters_that_combine_with_nothing():
    assert len(nz.WIDE_FORMS) == 96
    assert nz.WIDE_FORMS["\uff0c"] == "," and nz.WIDE_FORMS["\u3000"] == " " and nz.WIDE_FORMS["\u2026"] == "..."
    assert nz.nfkc("\uff21\u0301") == "\u00c1"  # composes: the shortcut steps aside


def test_fold_of_sample_lines_is_unchanged():
    lines = [line for path in PAGES for line in etree.fromstring(
        read_page(path.read_bytes(), None, 10**8).text, etree.HTMLParser()).itertext() if line.strip()]
    assert sum("\uff0c" in line for line in lines) > 50
    assert [nz.fold(line) for line in lines] == [
        line if line.isascii() else unicodedata.normalize("NFKC", line).translate(nz.ZERO_WIDTH) for line in lines]
