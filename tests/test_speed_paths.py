"""The speed paths of issue 6 give the answers of the plain ones: byte-level counts in decode,
lazily read block paths and post bylines, lazy engine ranking, the gated chrome-line pattern and
the has_class() form the XPath prefilters read; a UTF-8 page's bytes, parsed as they are, make
the tree its text makes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lxml import etree

from cleaner import decode as dc
from cleaner.decode.kind import _CONTROL, count_utf8_controls
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
@given(text=st.lists(_CHARS.filter(lambda c: not 0xD800 <= ord(c) <= 0xDFFF) | _EDGES.filter(str.isascii),
                     max_size=40).map("".join))
def test_control_count_on_utf8_bytes_equals_the_regex_count(text):
    assert count_utf8_controls(text.encode("utf-8")) == len(_CONTROL.findall(text))


_PAGE = "<html><body><p>{}</p></body></html>"


@FAST
@given(text=st.lists(_CHARS | _EDGES, max_size=30).map("".join),
       damage=st.sampled_from([b"", b"\x00", b"\xff", b"\xe4\xb8", b"\xef\xbb\xbf"]),
       at_start=st.booleans())
def test_decoded_utf8_bytes_are_the_text_exactly(text, damage, at_start):
    """Decoded.utf8 (what the parser then reads instead of the text) is given only when the page's
    bytes are the decoded text exactly: never after a NUL is dropped, a BOM cut off or a bad or
    cut-off byte read as U+FFFD."""
    markup = _PAGE.format(text).encode("utf-8", "surrogatepass")
    data = damage + markup if at_start else markup + damage
    try:
        decoded = dc.decode(data)
    except dc.CleanError:
        return
    if decoded.utf8 is not None:
        assert decoded.utf8 is data and data.decode("utf-8") == decoded.text
    plain = not any(c in "\x00\ufffd" or "\ud800" <= c <= "\udfff" for c in text)
    if not damage and plain and decoded.encoding == "utf-8":
        assert decoded.utf8 is data  # a clean UTF-8 page takes the fast path


def test_utf8_bytes_are_given_only_for_utf8_pages_read_as_they_are():
    page = "<html><body><p>中文的帖子内容，足够长的一段话。</p></body></html>"
    assert dc.decode(page.encode("utf-8")).utf8 is not None
    assert dc.decode(page.encode("gb18030")).utf8 is None
    assert dc.decode(b"\xef\xbb\xbf" + page.encode("utf-8")).utf8 is None  # (read after its BOM)
    assert dc.decode(page.replace("。", "\x00。").encode("utf-8")).utf8 is None  # (its NUL dropped)


def _tree(root) -> bytes:
    """The tree as markup, without the number of the parse that notes kept styles (hidden.py)."""
    return re.sub(rb' data-fc-style="[0-9]+"', b"", etree.tostring(root))


@pytest.mark.parametrize("page", [
    "<p>plain</p>",
    '<?xml version="1.0" encoding="gbk"?>\n<html><body><p>中文 after a declaration</p></body></html>',
    '\u3000 <?XML version="1.0"?><p>é after spaces and a declaration</p>',
    "<html><body><p>a\x00b 中</p></body></html>",
    "<p>\ufffd already in the page</p>",
    '<html><head><meta charset="gbk"></head><body><p>中文，saved as UTF-8 anyway</p></body></html>',
    '<meta http-equiv="Content-Type" content="text/html; charset=big5"><p>繁體中文</p>',
])
def test_utf8_bytes_parse_to_the_tree_of_the_text(page):
    utf8 = page.encode("utf-8")
    assert _tree(parse_html(page, utf8=utf8)) == _tree(parse_html(page))


def test_sample_pages_parse_from_their_bytes_to_the_tree_of_their_text():
    parsed = 0
    for path in PAGES:
        decoded = dc.decode(path.read_bytes())
        if decoded.utf8 is not None and decoded.is_html:
            assert _tree(parse_html(decoded.text, utf8=decoded.utf8)) == _tree(parse_html(decoded.text)), path.name
            parsed += 1
    assert parsed > 50


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
    late = "<body>" + "<div><p>x</p></div>" * 40 + "<title>late</title><title>later</title></body>"
    roots.append(parse_html(late))
    for root in roots:
        for el in (root, *list(root.iter())[:5]):
            for scan in (0, 1, 3, 64):  # found in the first elements, or by iter("title") after them
                assert _page_title_text(el, scan) == xpath(el)
    assert _page_title_text(roots[-1]) == "late"


@FAST
@given(text=st.lists(st.sampled_from(sorted(rules.BUTTON_WORDS)[:40] + [" ", "|", "｜", "·", "/", "，", "\u3000", "回",
                                                                         "Quote", "quote", "x", "1"]), max_size=15)
       .map("".join))
def test_button_lines_keep_their_verdict_behind_the_character_gate(text):
    line = rules.view(text)
    tokens = [t for t in rules._SEPARATORS.split(line.folded, maxsplit=rules.MAX_BUTTONS + 1) if t]
    expected = bool(tokens) and len(tokens) <= rules.MAX_BUTTONS and all(t in rules.BUTTON_WORDS for t in tokens)
    assert (rules.button_line(None, line, None) is not None) == expected
