"""The speed paths of issue 6 give the answers of the plain ones: byte-level counts in decode,
lazily read block paths and post bylines, lazy engine ranking, the gated chrome-line pattern and
the has_class() form the XPath prefilters read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import decode as dc
from cleaner.decode.kind import _CONTROL
from cleaner.rules import lines as rules
from cleaner.segment.blocks import Block, PostMeta
from cleaner.engines import ENGINES, compile_table, markup_needs, rank, ranked
from cleaner.engines.base import has_class
from cleaner.segment.html import table_marks
from cleaner.segment.parse import parse_html
from cleaner.segment.postmeta import _post_meta
from cleaner.segment.walk import walk_blocks
from cleaner.segment.lazy import LazyPostMeta, TreeBlock
from cleaner.pipeline import read_page

PAGES = sorted((Path(__file__).resolve().parent.parent / "samples" / "pages").rglob("*.html"))
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_CHARS = st.characters(min_codepoint=0, max_codepoint=0x10FFFF)
# Around the edges of the classes counted: controls, private use, CJK, surrogates, fullwidth forms.
_EDGES = st.sampled_from(["\x00", "\x08", "\t", "\x0b", "\x0c", "\x1f", "\x7f", "\x80", "\ud800", "\udfff",
                          "\ue000", "\uefff", "\uf000", "\uf8ff", "\uf900", "\uff0c", "\ufffd", "的", "a"])


@FAST
@given(text=st.lists(_CHARS | _EDGES, max_size=40).map("".join))
def test_control_count_equals_the_regex_count(text):
    assert dc.count_controls(text) == len(_CONTROL.findall(text))


@FAST
@given(text=st.lists(_CHARS | _EDGES | st.sampled_from(sorted(dc.COMMON_HANZI)[:50]), max_size=40).map("".join))
def test_common_hanzi_score_equals_the_per_character_count(text):
    non_ascii = re.findall(r"[^\x00-\x7f]", text)
    expected = ((sum(c in dc.COMMON_HANZI for c in non_ascii) - non_ascii.count("\ufffd")) / len(non_ascii)
                if non_ascii else 0.0)
    assert dc.common_hanzi_score(text) == expected


def _roots(pages=PAGES):
    for path in pages:
        doc = read_page(path.read_bytes(), None, 10**8)
        yield path, parse_html(doc.text)


@pytest.mark.parametrize("url", [None, "https://bbs.example.com/thread-1-1-1.html"])
def test_lazy_ranking_yields_the_ranking(url):
    for path, root in _roots():
        assert list(ranked(root, url)) == rank(root, url), path.name


def test_lazy_ranking_keeps_the_order_for_any_tables_and_threshold():
    for path, root in _roots(PAGES[::5]):
        for min_score in (0.0, 1.0, 3.0):
            for engines in (ENGINES, ENGINES[::-1], ENGINES[::3]):
                assert list(ranked(root, engines=engines, min_score=min_score)) == rank(
                    root, engines=engines, min_score=min_score), path.name


def test_tree_blocks_name_their_path_on_demand_and_equal_plain_blocks():
    path, root = next((path, root) for path, root in _roots() if rank(root))
    walk = walk_blocks(root, table_marks(compile_table(rank(root)[0].table), root)[0])
    assert walk.blocks and all(isinstance(b, TreeBlock) for b in walk.blocks)
    plain = [Block(b.text, b.post, b.role, b.path, b.link_chars, b.links, b.reason, b.shape, b.verbatim)
             for b in walk.blocks]
    assert walk.blocks == plain and plain == walk.blocks
    assert any(">" in b.path for b in walk.blocks)
    block = walk.blocks[0]
    block.path = "x>y"
    assert block.path == "x>y" and block != plain[0]


def test_post_bylines_are_read_on_first_access_with_the_eager_answers():
    checked = 0
    for path, root in _roots():
        ranking = rank(root)
        if not ranking:
            continue
        ct = compile_table(ranking[0].table)
        posts = table_marks(ct, root)[1]
        assert all(isinstance(meta, LazyPostMeta) and meta._read is not None for meta in posts)
        eager = [meta._read() for meta in posts]
        assert posts == eager and [(m.floor, m.author, m.date) for m in posts] == [
            (m.floor, m.author, m.date) for m in eager]
        checked += len(posts)
    assert checked > 100
    meta = LazyPostMeta(lambda: _post_meta((None, None, None), None))
    meta.author = "someone"
    assert (meta.floor, meta.author, meta.date) == (None, "someone", "") and meta == PostMeta(None, "someone", "")


def test_has_class_is_a_token_test_the_prefilters_read():
    from lxml import etree

    root = etree.fromstring('<div><p class="a post b"/><p class="postbody"/><p class=" post"/></div>')
    assert len(root.xpath(f"//p[{has_class('post')}]")) == 2
    needs = markup_needs(f"//div[{has_class('x')}]//p[{has_class('y')} and {has_class('z')}]")
    assert needs is not None and {("class", "token", t) for t in "xyz"} <= set(needs[0])


@FAST
@given(text=st.lists(st.sampled_from(["Powered by", "POWERED BY", "©", "© 2020", "Copyright ©", "ICP备", "ſ", "\u212a",
                                      " ", "x", "中文", "Forum software by"]) | st.text(max_size=4), max_size=6)
       .map("".join))
def test_gated_chrome_lines_give_the_plain_verdicts(text):
    line = rules.view(text)
    expected = next((rules.Verdict(kind, f"{kind}:{name}") for name, kind, pattern in rules._CHROME
                     if pattern.fullmatch(line.folded)), None)
    assert rules.chrome_line(None, line, None) == expected


def test_page_title_text_is_the_xpath_string_of_the_first_title():
    from lxml import etree

    from cleaner.segment.postmeta import _page_title_text

    xpath = etree.XPath("string(//title)")
    snippets = ["<p>x</p>", "<title>a<b>b</b>c</title><p>x</p><title>second</title>",
                "<html><head><title> t &amp; u </title></head></html>",
                "<body><div><title>in body<i>i</i>tail</title>after</div></body>"]
    roots = [parse_html(html) for html in snippets] + [root for _, root in _roots(PAGES[::4])]
    for root in roots:
        for el in (root, *list(root.iter())[:5]):
            assert _page_title_text(el) == xpath(el)


@FAST
@given(text=st.lists(st.sampled_from(sorted(rules.BUTTON_WORDS)[:40] + [" ", "|", "｜", "·", "/", "，", "\u3000", "回",
                                                                         "Quote", "quote", "x", "1"]), max_size=15)
       .map("".join))
def test_button_lines_keep_their_verdict_behind_the_character_gate(text):
    line = rules.view(text)
    tokens = [t for t in rules._SEPARATORS.split(line.folded, maxsplit=rules.MAX_BUTTONS + 1) if t]
    expected = bool(tokens) and len(tokens) <= rules.MAX_BUTTONS and all(t in rules.BUTTON_WORDS for t in tokens)
    assert (rules.button_line(None, line, None) is not None) == expected
