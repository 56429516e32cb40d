"""parse_html bounds and the line walker: exact lines, roles and removals on small fragments."""

from __future__ import annotations

import pytest

from cleaner.segment.blocks import BODY, CHROME, HIDDEN
from cleaner.errors import ParseError
from cleaner.segment.parse import MAX_DEPTH, parse_html
from cleaner.segment.postmeta import clean_date, page_title, parse_floor
from cleaner.segment.walk import Mark, hidden_reason, looks_like_noise, walk_blocks


def body_walk(fragment: str):
    """Walk a fragment whose <div id="b"> is a post body (hidden checks on, like an engine body)."""
    root = parse_html(f"<html><body><div id='nav'>首页</div><div id='b'>{fragment}</div></body></html>")
    body = root.find(".//div[@id='b']")
    return walk_blocks(root, {body: Mark(BODY, 0, "", check_hidden=True)})


def body_lines(walk, role=BODY):
    return [b.text for b in walk.blocks if b.role == role and b.post == 0]


def test_deep_nesting_is_a_clear_parse_error():
    page = "<html><body>" + "<div>" * 100_000 + "x" + "</div>" * 100_000 + "</body></html>"
    with pytest.raises(ParseError, match=f"nested deeper than {MAX_DEPTH} levels"):
        parse_html(page)


def test_nesting_within_the_limit_parses():
    page = "<html><body>" + "<div>" * 100 + "深处的文字" + "</div>" * 100 + "</body></html>"
    walk = walk_blocks(parse_html(page))
    assert [b.text for b in walk.blocks] == ["深处的文字"]


def test_custom_depth_limit():
    with pytest.raises(ParseError, match="nested deeper than 5 levels"):
        parse_html("<html><body>" + "<div>" * 10 + "x" + "</div>" * 10 + "</body></html>", max_depth=5)


def test_element_limit():
    with pytest.raises(ParseError, match="more than the limit of 50"):
        parse_html("<html><body>" + "<p>x</p>" * 100 + "</body></html>", max_elements=50)


def test_xml_declaration_with_encoding_in_str_is_accepted():
    root = parse_html('<?xml version="1.0" encoding="gbk"?><html><body><p>中文段落</p></body></html>')
    assert [b.text for b in walk_blocks(root).blocks] == ["中文段落"]


@pytest.mark.parametrize("bad", ["", "   \n ", b"<html></html>"])
def test_empty_or_bytes_input_raises_parse_error(bad):
    with pytest.raises(ParseError):
        parse_html(bad)


def test_entities_are_not_expanded_from_outside():
    page = '<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body><p>a&x;b</p></body></html>'
    text = " ".join(b.text for b in walk_blocks(parse_html(page)).blocks)
    assert "root:" not in text


def test_scripts_styles_and_head_are_not_text_but_tails_stay():
    page = (
        "<html><head><title>标题</title><style>p{}</style></head><body>"
        "<p>前<script>var a='脚本';</script>后</p><noscript>请启用</noscript><p>下一段</p></body></html>"
    )
    assert [b.text for b in walk_blocks(parse_html(page)).blocks] == ["前后", "下一段"]


def test_lines_split_on_block_elements_and_br_inline_elements_stay():
    walk = body_walk("第一行<b>加粗</b>文字<br>第二行<p>段落 <a href='#'>链接</a> 尾</p><div>块</div>")
    assert body_lines(walk) == ["第一行加粗文字", "第二行", "段落 链接 尾", "块"]
    para = [b for b in walk.blocks if b.text == "段落 链接 尾"][0]
    assert (para.links, para.link_chars) == (1, 2)


def test_discuz_jammer_is_removed_inline_and_the_paragraphs_stay():
    walk = body_walk('第一段文字<font class="jammer">a%b&amp;c</font><br>第二段')
    assert body_lines(walk) == ["第一段文字", "第二段"]
    assert [(r.text, r.kind, r.post) for r in walk.removed] == [("a%b&c", "noise", 0)]


def test_hidden_span_noise_inside_a_line_keeps_the_line_whole():
    walk = body_walk('前半句<span style="display: none">3 K9 z!</span>后半句<br>下一行')
    assert body_lines(walk) == ["前半句后半句", "下一行"]
    assert [(r.text, r.kind, r.rule) for r in walk.removed] == [("3 K9 z!", "noise", "hidden:display-none")]


def test_hidden_block_with_real_text_becomes_hidden_blocks():
    walk = body_walk('正文<div style="display:none">代开发票 <a href="http://x">点击</a></div><p>正文二</p>')
    assert body_lines(walk) == ["正文", "正文二"]
    hidden = [(b.text, b.reason) for b in walk.blocks if b.role == HIDDEN]
    assert hidden == [("代开发票 点击", "hidden:display-none")]
    assert walk.removed == []


def test_hidden_inline_message_is_its_own_hidden_block():
    walk = body_walk('看病找<span style="font-size:0px">专业白癜风医院电话123</span>医生')
    assert body_lines(walk) == ["看病找医生"]
    assert [(b.text, b.reason) for b in walk.blocks if b.role == HIDDEN] == [("专业白癜风医院电话123", "hidden:font-size-0")]


def test_text_outside_marked_posts_is_chrome():
    walk = body_walk("正文")
    assert [(b.text, b.role, b.post, b.reason) for b in walk.blocks] == [
        ("首页", CHROME, None, "outside-post"),
        ("正文", BODY, 0, ""),
    ]


@pytest.mark.parametrize(
    "attrs, reason",
    [
        ('style="DISPLAY: none"', "hidden:display-none"),
        ('style="visibility:hidden"', "hidden:visibility"),
        ('style="font-size:0"', "hidden:font-size-0"),
        ('style="position:absolute;left:-9999px"', "hidden:off-screen"),
        ("hidden", "hidden:attribute"),
        ('class="jammer"', "hidden:jammer"),
        ('style="font-size:12px"', ""),
    ],
)
def test_hidden_reason(attrs, reason):
    root = parse_html(f"<html><body><span {attrs}>x</span></body></html>")
    assert hidden_reason(root.find(".//span")) == reason


def test_noise_looks_short_and_without_cjk():
    assert looks_like_noise("4 c: ^6 t")
    assert not looks_like_noise("加微信")
    assert not looks_like_noise("x" * 100)


def test_page_title_parts():
    page = "<html><head><title>帖子标题 - 技术交流 - 某某论坛 - Powered by Discuz!</title></head><body></body></html>"
    assert page_title(parse_html(page)) == ("帖子标题", "某某论坛")
    page = "<html><head><title>新闻标题_新浪网</title></head><body></body></html>"
    assert page_title(parse_html(page)) == ("新闻标题", "新浪网")


@pytest.mark.parametrize(
    "text, floor",
    [("楼主", 1), ("沙发", 2), ("沙發", 2), ("板凳", 3), ("地板", 4), ("5#", 5), ("#12", 12), ("7楼", 7), ("", None), ("回复", None)],
)
def test_parse_floor(text, floor):
    assert parse_floor(text) == floor


def test_clean_date_strips_prefix_and_prefers_absolute_title():
    assert clean_date("发表于 2020-1-1 12:00") == "2020-1-1 12:00"
    assert clean_date("發表於 2020-1-1 12:00") == "2020-1-1 12:00"
    root = parse_html('<html><body><em>发表于 <span title="2024-5-21 11:01:32">6 天前</span></em></body></html>')
    assert clean_date(root.find(".//em")) == "2024-5-21 11:01:32"
