"""The fallback finds a thread by what it is (repeated post units with an author, a date and a
body, in document order, at any depth, with or without classes), not by one layout; and what a
reader does not see as the page's text (hidden by a class or a style rule, overlays, <noscript>
copies) and other threads' previews are never posts. Pages written for the
project: custom elements, bare <div>s, English, German, French, Chinese."""

from __future__ import annotations

from cleaner import clean
from cleaner.segment.blocks import BODY, HIDDEN
from cleaner.segment.fallback.posts import segment_generic
from cleaner.segment.hidden import hidden_selectors, hiding_class
from cleaner.segment.parse import parse_html


def _posts(html: str) -> dict[int, list[str]]:
    seg = segment_generic(parse_html(html))
    out: dict[int, list[str]] = {}
    for b in seg.blocks:
        if b.role == BODY:
            out.setdefault(b.post, []).append(b.text)
    return out


def _removed(result) -> dict[str, str]:
    return {r.text: r.rule for r in result.removed}


PAGE = "<html><head><title>{title}</title>{head}</head><body><nav><a href='/'>Home</a> <a href='/f'>Forums</a></nav>{body}</body></html>"

# ---- loss classes 4 and 5: noscript copies, class-hidden overlays, style rules

NOSCRIPT_COPY = PAGE.format(title="Router keeps rebooting", head="", body="""
<noscript><div class="crawler"><div><p>My router reboots every night at 3am, firmware is current. Any ideas what causes it?</p></div></div></noscript>
<div id="stream">
 <div class="post"><span class="u">netnoob</span> <span class="d">2022-06-01 21:00</span><p>My router reboots every night at 3am, firmware is current. Any ideas what causes it?</p></div>
 <div class="post"><span class="u">packetpro</span> <span class="d">2022-06-01 22:10</span><p>Check the scheduled reboot option in the admin page, many models enable it by default.</p></div>
</div>""")


def test_a_noscript_copy_of_the_stream_is_hidden_and_the_first_post_comes_out_once():
    result = clean(NOSCRIPT_COPY, replies=True)
    first = "My router reboots every night at 3am, firmware is current. Any ideas what causes it?"
    assert result.text.count(first) == 1
    assert "Check the scheduled reboot option in the admin page, many models enable it by default." in result.text
    assert any(r.rule == "hidden:noscript-copy" and r.text == first for r in result.removed)


NOSCRIPT_ONLY = PAGE.format(title="Only copy", head="", body="""
<div id="app"></div><noscript><div class="crawler"><p>This server-rendered article is the only copy of the text, so it stays on the page.</p>
<p>Its second paragraph carries on with more words that a reader without script sees.</p></div></noscript>""")


def test_a_noscript_block_holding_the_only_copy_stays():
    result = clean(NOSCRIPT_ONLY)
    assert "This server-rendered article is the only copy of the text, so it stays on the page." in result.text


OVERLAYS = PAGE.format(title="新手求助：显卡驱动装不上", head="<style>.help-pop{display:none}</style>", body="""
<div class="cookie-banner"><p>本站使用 Cookie 来改善您的浏览体验，继续浏览即表示您同意我们的隐私政策。</p><button>同意</button></div>
<div class="modal fade" id="editorHelp"><div class="modal-body"><p>编辑器帮助：使用 Markdown 语法书写，代码请放在三个反引号之间，图片可以直接拖拽上传。</p></div></div>
<div class="help-pop"><p>发帖须知：请先搜索是否已有相同问题，标题要写清楚具体的型号和系统版本。</p></div>
<div class="thread">
 <div class="floor"><span>小白</span> <span>2023-09-01 20:11</span><p>新装的系统，显卡驱动一直装不上，提示找不到兼容的硬件，该怎么办？</p></div>
 <div class="floor"><span>老鸟</span> <span>2023-09-01 20:35</span><p>先去设备管理器看看显卡有没有被识别，再到官网下载对应型号的驱动。</p></div>
</div>
<div class="d-none d-lg-block"><p>这是一段在宽屏上显示的侧栏说明文字，读者在电脑上可以看到它。</p></div>""")


def test_overlays_hidden_by_class_or_style_rule_are_never_the_first_post():
    result = clean(OVERLAYS, replies=True)
    assert result.text.startswith("新装的系统，显卡驱动一直装不上")
    assert "先去设备管理器看看显卡有没有被识别，再到官网下载对应型号的驱动。" in result.text
    removed = _removed(result)
    assert removed["本站使用 Cookie 来改善您的浏览体验，继续浏览即表示您同意我们的隐私政策。"] == "overlay:cookie"
    assert removed["编辑器帮助：使用 Markdown 语法书写，代码请放在三个反引号之间，图片可以直接拖拽上传。"] == "hidden:class-modal"
    assert removed["发帖须知：请先搜索是否已有相同问题，标题要写清楚具体的型号和系统版本。"] == "hidden:style-rule"


def test_a_responsive_class_that_shows_on_wide_screens_is_not_hidden():
    root = parse_html(OVERLAYS)
    wide = next(el for el in root.iter("div") if el.get("class") == "d-none d-lg-block")
    assert hiding_class(wide) == ""
    seg = segment_generic(root)
    line = next(b for b in seg.blocks if b.text.startswith("这是一段在宽屏上显示"))
    assert line.role != HIDDEN


def test_style_rules_hide_only_plain_class_and_id_selectors_outside_media_queries():
    css = ("@import url(x.css); .a, #b { display: none } @media (max-width:600px) { .c { display:none } }"
           " .d:hover { display:none } .e { color: red } .f { visibility: hidden !important } div.g { display:none }")
    assert hidden_selectors(css) == ({"a", "f"}, {"b"})


def test_an_app_root_hidden_until_its_script_runs_is_still_the_page():
    html = PAGE.format(title="App", head="<style>#root{display:none}</style>", body="""
<div id="root"><div class="post"><p>The whole page lives in this root element which the script reveals later.</p>
<p>Hiding it would lose every line of the page, so the cleaner keeps it.</p></div></div>""")
    assert "The whole page lives in this root element which the script reveals later." in clean(html).text


