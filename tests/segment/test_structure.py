"""Block structure through segmentation: code keeps its lines, data tables their rows, lists
their items; the segmenters weigh a code block as one line (what they always saw)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.result import CODE, HEADING, LIST_ITEM, QUOTE_BLOCK, TABLE_ROW
from cleaner.segment.blocks import BODY, CHROME
from cleaner.segment.html import segment_html
from cleaner.segment.parse import parse_html
from cleaner.segment.structure import expand_code
from cleaner.segment.walk import Mark, walk_blocks

DATA = Path(__file__).resolve().parents[1] / "data" / "structure"


def body_lines(html: str) -> list[tuple[str, object]]:
    """(text, shape) of the lines of a page whose <div id="b"> is one post's body."""
    root = parse_html(html)
    body = root.find(".//div[@id='b']")
    walk = walk_blocks(root, {body: Mark(BODY, 0, "")})
    return [(b.text, b.shape) for b in expand_code(walk.blocks) if b.role == BODY]


def page_blocks(name: str):
    return segment_html(parse_html((DATA / name).read_text(encoding="utf-8")))


def test_pre_keeps_line_breaks_indentation_and_blank_lines():
    lines = body_lines("<html><body><div id=b><p>Try this:</p><pre><code>def f(x):\n"
                       "    if x:\n        return 1\n\n    return 2\n</code></pre><p>Done.</p></div></body></html>")
    assert [text for text, _ in lines] == ["Try this:", "def f(x):", "    if x:", "        return 1", "    return 2",
                                           "Done."]
    code = [shape for _, shape in lines[1:5]]
    assert {s.kind for s in code} == {CODE} and len({s.group for s in code}) == 1
    assert [s.gap for s in code] == [0, 0, 0, 1]  # the blank line before "return 2"
    assert lines[0][1] is None and lines[5][1] is None


def test_a_code_block_is_one_block_until_segmentation_is_done():
    """The fallback scores containers by their lines: a <pre> must weigh as it always did."""
    root = parse_html("<html><body><div id=b><pre>a = 1\nb = 2\n</pre></div></body></html>")
    walk = walk_blocks(root, {root.find(".//div"): Mark(BODY, 0, "")})
    assert [(b.text, b.verbatim) for b in walk.blocks] == [("a = 1 b = 2", "a = 1\nb = 2\n")]
    assert [b.text for b in expand_code(walk.blocks)] == ["a = 1", "b = 2"]


def test_code_with_br_is_a_block_inline_code_stays_in_its_sentence():
    lines = body_lines("<html><body><div id=b><p>Call <code>foo()</code> first.</p>"
                       "<code class='bbc_code'>x = 1<br />&nbsp; &nbsp;y = 2</code></div></body></html>")
    assert [text for text, _ in lines] == ["Call foo() first.", "x = 1", "   y = 2"]
    assert lines[0][1] is None and lines[2][1].kind == CODE


def test_lists_headings_and_blockquotes_are_tagged():
    lines = body_lines("<html><body><div id=b><h3>Steps</h3><ol><li>one</li><li>two<ul><li>two a</li></ul></li></ol>"
                       "<blockquote>cited text</blockquote></div></body></html>")
    assert [text for text, _ in lines] == ["Steps", "one", "two", "two a", "cited text"]
    heading, one, two, two_a, quote = (shape for _, shape in lines)
    assert (heading.kind, heading.level) == (HEADING, 3)
    assert (one.kind, one.level, one.ordered, one.index) == (LIST_ITEM, 1, True, 1)
    assert (two.index, two_a.level, two_a.ordered, two_a.index) == (2, 2, False, 1)
    assert quote.kind == QUOTE_BLOCK


def test_data_table_rows_are_one_line_cells_joined_by_a_tab():
    lines = body_lines("<html><body><div id=b><table><tr><th>Name</th><th>Qty</th></tr>"
                       "<tr><td>apple<br>red</td><td>3</td></tr><tr><td></td><td>4</td></tr></table></div></body></html>")
    assert [text for text, _ in lines] == ["Name\tQty", "apple red\t3", "\t4"]
    assert {shape.kind for _, shape in lines} == {TABLE_ROW}
    assert [shape.index for _, shape in lines] == [1, 2, 3]


@pytest.mark.parametrize("table", [
    "<table><tr><td>line one<br>line two</td></tr><tr><td>line three</td></tr></table>",  # one column: a frame
    "<table><tr><td><p>a paragraph</p></td><td><p>another</p></td></tr></table>",  # cells hold paragraphs
])
def test_layout_tables_in_a_post_keep_their_lines(table):
    lines = body_lines(f"<html><body><div id=b>{table}</div></body></html>")
    assert len(lines) >= 2 and all(shape is None for _, shape in lines)


def test_a_table_holding_a_table_is_layout_the_inner_one_data():
    lines = body_lines("<html><body><div id=b><table><tr><td><table><tr><td>a</td><td>b</td></tr></table></td>"
                       "<td>c</td></tr></table></div></body></html>")
    assert [(text, shape.kind if shape else None) for text, shape in lines] == [("a\tb", TABLE_ROW), ("c", None)]


def test_the_tables_a_post_sits_in_are_not_data_tables():
    """Discuz! lays every post out in tables: the body cell's lines stay lines."""
    seg = page_blocks("discuz_code_table.html")
    first = [b for b in seg.blocks if b.post == 0 and b.role == BODY]
    assert first[0].text.startswith("用 cron 每五分钟跑一次") and first[0].shape is None
    rows = [b.text for b in first if b.shape is not None and b.shape.kind == TABLE_ROW]
    assert rows == ["项目\t版本\t备注", "系统\tRaspberry Pi OS 12\t64 位", "Python\t3.11.2\t系统自带"]


def test_discuz_code_list_keeps_indentation_and_leaves_the_copy_button_out():
    seg = page_blocks("discuz_code_table.html")
    code = [b for b in seg.blocks if b.post == 0 and b.shape is not None and b.shape.kind == CODE]
    assert [b.text for b in code] == [
        "import time", 'def read_temp(path="/sys/class/thermal/thermal_zone0/temp"):', "    with open(path) as f:",
        "        return int(f.read()) / 1000", 'print(time.strftime("%H:%M"), read_temp())']
    assert [b.shape.gap for b in code] == [0, 1, 0, 0, 1]  # the empty <li>s are blank lines
    button = [b for b in seg.blocks if b.text == "复制代码"]
    assert len(button) == 2 and all(b.shape is None for b in button)  # beside the code, not in it


def test_ul_type_1_is_numbered():
    """Discuz! writes BBCode [list=1] as <ul type="1">."""
    seg = page_blocks("discuz_code_table.html")
    items = [b for b in seg.blocks if b.shape is not None and b.shape.kind == LIST_ITEM]
    assert [(b.text, b.shape.ordered) for b in items[:3]] == [
        ("把 python3 换成绝对路径 /usr/bin/python3", True), ("在 crontab 里加上 SHELL=/bin/bash", True),
        ("重定向输出到 /home/pi/temp.log", True)]
    assert [b.shape.ordered for b in items[3:]] == [False, False]


def test_fallback_page_code_lines_come_out_as_lines():
    """A real FluxBB thread (no engine table: the structural fallback) with kernel logs in
    <pre><code>: each log line is a line, its inner spacing kept."""
    seg = page_blocks("archlinux_fluxbb_code.html")
    assert seg.engine == "generic"
    code = [b.text for b in seg.blocks if b.shape is not None and b.shape.kind == CODE]
    assert "[    1.290549] pci 0000:00:1c.0:   bridge window [mem 0x80000000-0x91ffffff 64bit pref]" in code
    assert len(code) > 1000 and all("\n" not in line for line in code)


def test_discuz_code_list_is_code_without_an_engine_table_too():
    """Recognised from the markup in the walk itself: the structural fallback sees it as well."""
    root = parse_html("<html><body><div class='blockcode'><div id='code_Q1'><ol><li>if (x) {<br /></li>"
                      "<li>&nbsp; &nbsp; y();<br /></li><li>}</li></ol></div><em>复制代码</em></div></body></html>")
    blocks = expand_code(walk_blocks(root, base=Mark(CHROME, None, "outside-article", check_hidden=True)).blocks)
    assert [(b.text, b.shape.kind if b.shape else None) for b in blocks] == [
        ("if (x) {", CODE), ("    y();", CODE), ("}", CODE), ("复制代码", None)]
    plain = parse_html("<html><body><div id='code_Q1'><ol><li>a</li></ol></div></body></html>")
    assert walk_blocks(plain).blocks[0].shape.kind == LIST_ITEM  # an id alone is not enough
