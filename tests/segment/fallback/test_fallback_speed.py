"""The fallback's speed paths give the answers of the plain ones, on every sample page and on
pages made to hit their edges."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from cleaner.decode import decode
from cleaner.segment.blocks import CHROME, HIDDEN
from cleaner.segment.fallback.article import _totals, hint_factor
from cleaner.segment.fallback import posts
from cleaner.segment.fallback.posts import _evidence
from cleaner.segment.fallback.dates import _date_in
from cleaner.segment.fallback import lines
from cleaner.segment.fallback.lines import _DATE
from cleaner.segment import hidden
from cleaner.segment.hidden import fallback_marks, hidden_marks
from cleaner.segment.parse import parse_html
from cleaner.segment.walk import Mark, walk_blocks

PAGES = sorted((Path(__file__).resolve().parents[3] / "samples" / "pages").rglob("*.html"))
CHECKED = Mark(CHROME, None, "outside-article", check_hidden=True)
PLAIN = Mark(CHROME, None, "outside-article")

# Hidden elements inside hidden ones, inside marked ones, inline and block, a jammer, a <button>.
EDGES = """<html><head><style>.gone{display:none}</style></head><body>
<div class="post">Visible words of a post here.<span style="display:none">x9q</span> after
<font class="jammer">zz1</font> the jammer, <b hidden>a hidden inline message that is long enough</b>.</div>
<div style="display: none">Hidden block <p style="visibility:hidden">inner hidden paragraph</p>
<span class="jammer">j</span></div>
<div class="gone">Hidden by the sheet <p style="font-size:0">zero</p></div>
<div class="modal">A modal <span style="left:-9999px">off</span></div>
<p style="text-indent:-1000px">Off screen paragraph</p><button style="display:none">b</button>
<p style="color:red">Shown <i style="font-size:0px">0</i> words.</p></body></html>"""


def _walked(root, marks, base):
    walk = walk_blocks(root, marks, base=base, keep_ancestors=True)
    return ([(b.text, b.role, b.reason, b.post, b.link_chars, b.path) for b in walk.blocks],
            [(r.text, r.kind, r.rule) for r in walk.removed], walk.ancestors)  # (the elements: kept alive, one proxy each)


def _parsed(path):
    """A page parsed (its hiding style texts kept for the fallback: parse, then segment)."""
    if path == "edges":
        return parse_html(EDGES)
    page = decode(path.read_bytes())
    return parse_html(page.text, utf8=page.utf8) if page.is_html else None


def _roots():
    for path in ["edges", *PAGES]:
        root = _parsed(path)
        if root is not None:
            yield getattr(path, "name", path), root


@pytest.mark.parametrize("path", ["edges", *PAGES], ids=lambda path: getattr(path, "name", path))
def test_fallback_marks_walk_like_the_walks_own_hidden_check(path):
    for top in ("root", "body"):
        root = _parsed(path)
        if root is None:
            return
        if top == "body":
            root = next(root.iter("body"), root)
        expected = _walked(root, hidden_marks(root), CHECKED)
        assert _walked(root, fallback_marks(root, PLAIN), PLAIN) == expected


def test_the_edges_page_has_each_kind_of_hidden_line():
    walk = walk_blocks(root := parse_html(EDGES), fallback_marks(root, PLAIN), base=PLAIN)
    reasons = {b.reason for b in walk.blocks} | {r.rule for r in walk.removed}
    assert {"hidden:display-none", "hidden:attribute", "hidden:style-rule", "hidden:class-modal",
            "hidden:off-screen", "jammer", "hidden:font-size-0"} <= reasons


@pytest.mark.parametrize("name_root", list(_roots())[:40], ids=lambda item: item[0])
def test_hint_factor_with_a_memo_is_hint_factor(name_root):
    _name, root = name_root
    memo: dict = {}
    elements = list(root.iter("div", "section", "article", "li", "p", "td", "ul", "main"))
    assert [hint_factor(el, memo) for el in elements] == [hint_factor(el) for el in elements]
    assert any(value == 0 for value in memo.values()) or not elements


DATE_PIECES = [*"0123456789١٢０一二三四五六七八九十前刚昨天秒分钟小时周个月年日:/.-_ aA\t\u00a0xZK", "ago", "AGO",
               "yesterday", "YESTERDAY", "yeſterday", "today", "Today", "vor", "VOR", "minuten", "Stunden", "days",
               "Hours", "seconds", "years", "刚刚", "昨天", "前天", "2024", "12", "  ", "é"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(DATE_PIECES), min_size=1, max_size=12))
def test_date_in_is_whether_the_date_pattern_matches(pieces):
    text = "".join(pieces)
    assert _date_in(text) == (_DATE.search(text) is not None)


def test_date_in_on_every_sample_line():
    texts = {block.text for _name, root in _roots() for block in walk_blocks(root).blocks}
    assert sum(_date_in(text) for text in texts) > 100
    assert [text for text in texts if _date_in(text) != (_DATE.search(text) is not None)] == []


def _plain_hiding_class(el) -> str:
    """hiding_class without its shortcuts: each pattern on each token."""
    tokens = (el.get("class") or "").split()
    if tokens and not any(hidden._SHOWN_ON_SOME.match(t) for t in tokens):
        for name, pattern in hidden._HIDING:
            if any(pattern.fullmatch(t) for t in tokens):
                return name
    words = tokens + (el.get("id") or "").split()
    return next((name for name, pattern in hidden._OVERLAY if any(pattern.fullmatch(w) for w in words)), "")


OVERLAY_PIECES = [*"-_ 1aK", "cookie", "COOKIE", "cooKie", "cookıe", "Cookies", "banner", "consent", "conſent",
                  "gdpr", "GDPR", "cc", "privacy", "PRIVACY", "popup", "notice", "modal", "hidden", "sr-only",
                  "d-none", "d-md-block", "hidden-xs", "is-hidden", "box", "bar"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(OVERLAY_PIECES), min_size=1, max_size=8),
       st.lists(st.sampled_from(OVERLAY_PIECES), max_size=4))
def test_hiding_class_is_the_plain_reading(cls, ident):
    el = etree.Element("div", {"class": "".join(cls), "id": "".join(ident)})
    assert hidden.hiding_class(el) == _plain_hiding_class(el)


def test_hiding_class_on_every_sample_element():
    named = [el for _name, root in _roots() for el in root.iter() if el.get("class") or el.get("id")]
    assert sum(bool(hidden.hiding_class(el)) for el in named) > 50
    assert [el for el in named if hidden.hiding_class(el) != _plain_hiding_class(el)] == []


def _plain_sums(blocks, ancestors, value, *, inner_first: bool) -> list:
    """(element, sum of value(line) over its lines), in the order a plain loop meets them."""
    sums: dict = {}
    for block, chain in zip(blocks, ancestors):
        for el in (reversed(chain) if inner_first else chain):
            sums[el] = sums.get(el, 0) + value(block)
    return list(sums.items())


@pytest.mark.parametrize("path", PAGES[:40], ids=lambda path: path.name)
def test_totals_and_evidence_sum_like_plain_loops(path):
    root = _parsed(path)
    if root is None:
        return
    walk = walk_blocks(root, fallback_marks(root, PLAIN), base=PLAIN, keep_ancestors=True)
    blocks, ancestors = walk.blocks, walk.ancestors
    totals = _totals(blocks, ancestors)
    assert [(el, entry.chars) for el, entry in totals.items()] == _plain_sums(
        blocks, ancestors, lambda b: len(b.text), inner_first=True)
    assert [(el, entry.link_chars) for el, entry in totals.items()] == _plain_sums(
        blocks, ancestors, lambda b: b.link_chars, inner_first=True)
    evidence = _evidence(blocks, ancestors, ())
    hidden_ = {id(b) for b in blocks if b.role == HIDDEN}
    assert list(evidence.content.items()) == _plain_sums(
        blocks, ancestors, lambda b: 0 if id(b) in hidden_ else max(len(b.text) - b.link_chars, 0), inner_first=False)
    assert list(evidence.every.items()) == _plain_sums(
        blocks, ancestors, lambda b: b.link_chars if id(b) in hidden_ else len(b.text), inner_first=False)


@pytest.mark.parametrize("path", PAGES[:60], ids=lambda path: path.name)
def test_dated_markup_is_the_plain_reading(path):
    root = _parsed(path)
    if root is None:
        return
    plain = etree.XPath("//*[self::time or " + " or ".join(f"@{a}" for a in lines.DATE_ATTRIBUTES) + "]")
    expected = [el for el in plain(root) if el.tag == "time" or any(
        (value := el.get(name)) and len(value) <= lines.DATE_ATTRIBUTE_MAX_CHARS and lines._DIGIT.search(value)
        and (name != "title" or el.tag not in lines.NAMED_BY_TITLE_TAGS) and lines._is_date_value(value)
        for name in lines.DATE_ATTRIBUTES)]
    assert lines.dated_markup(root) == expected


TEASER_PIECES = [".", "..", "...", "…", " ", "a", "abc", "x" * 15, "y" * 14, "w" * 7, ">", " >", "»", "›", "?", "。",
                 "\n", "word", "weiterlesen", "Read more"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(TEASER_PIECES), max_size=12))
def test_is_teaser_line_is_the_plain_search(pieces):
    text = "x" * 80 + "".join(pieces)
    assert posts.is_teaser_line(text) == (posts._TEASER_END.search(text) is not None)


def test_is_teaser_line_on_every_sample_line():
    texts = {block.text for _name, root in _roots() for block in walk_blocks(root).blocks}
    plain = {text for text in texts if len(text) >= posts.TEASER_MIN_CHARS and posts._TEASER_END.search(text)}
    assert len(plain) >= 5 and {text for text in texts if posts.is_teaser_line(text)} == plain
