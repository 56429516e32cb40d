"""Genuine article text the generic segmenter used to drop, on small hand-written pages:

* a list item of the article that is two links and words of its own, among prose items (it was
  taken as a link line), while link lists inside the article still go;
* a thin post (a short line and an attached file): the byline, the only line that scored like
  prose, was taken for the article and the post was dropped as outside it; a thin post's short
  lines beside its one sentence; and never a line across the page instead of the byline;
* an opening post whose editor puts each paragraph in its own same-class element: the short
  paragraphs beside the best one (the lead post was that one element alone).
"""

from __future__ import annotations

from cleaner import clean
from cleaner.segment.fallback.article import in_prose_list, is_attachment_line, written_link_density
from cleaner.segment.blocks import Block

NAV = """<div class="nav"><a href="/">首页</a> <a href="/bbs">论坛</a> <a href="/help">帮助</a></div>"""
FOOTER = """<div class="footer"><p>© 2024 示例科技有限公司 版权所有，未经许可不得转载本站内容。</p></div>"""

LIST_PAGE = f"""<html><head><title>项目介绍 - 示例站</title></head><body>{NAV}
<div class="main"><div class="article-body">
<p>这个项目从一开始就只考虑业务逻辑，基础服务统一交给运营系统来提供，开发新项目时不必再重复。</p>
<p>下面列出获取源码之后你能得到的东西，请在决定之前仔细阅读每一条说明。</p>
<ol>
<li>可以完全控制你本地部署的系统，无需使用作者提供的任何在线服务。</li>
<li>能够掌握用户、权限、角色这一整套架构的设计理念与代码实现。</li>
<li>作者提供永久的技术支持，遇到问题可以随时在群里提问。</li>
<li><a href="/detail/1">SpringBoot版本</a>、<a href="/detail/2">SpringCloud版本</a>二选一（功能完全一致）</li>
</ol>
<ul>
<li><a href="/tag/java">Java</a></li>
<li><a href="/tag/spring">Spring</a></li>
<li><a href="/tag/dubbo">Dubbo</a></li>
</ul>
<ol>
<li>第一条说明写得比较长，讲的是部署之前需要准备好的环境。</li>
<li>第二条说明同样是作者写的文字，讲的是如何导入数据库。</li>
<li><a href="/a">上一篇</a> | <a href="/b">下一篇</a></li>
</ol>
</div></div>{FOOTER}</body></html>"""

LIST_KEPT = [
    "这个项目从一开始就只考虑业务逻辑，基础服务统一交给运营系统来提供，开发新项目时不必再重复。",
    "下面列出获取源码之后你能得到的东西，请在决定之前仔细阅读每一条说明。",
    "可以完全控制你本地部署的系统，无需使用作者提供的任何在线服务。",
    "能够掌握用户、权限、角色这一整套架构的设计理念与代码实现。",
    "作者提供永久的技术支持，遇到问题可以随时在群里提问。",
    "SpringBoot版本、SpringCloud版本二选一（功能完全一致）",
    "第一条说明写得比较长，讲的是部署之前需要准备好的环境。",
    "第二条说明同样是作者写的文字，讲的是如何导入数据库。",
]


def _rules(result) -> dict[str, str]:
    return {removal.text: removal.rule for removal in result.removed}


def test_linked_list_item_with_own_words_among_prose_items_stays():
    result = clean(LIST_PAGE, replies=True)
    assert result.engine == "generic"
    assert result.text.split("\n") == LIST_KEPT


def test_link_lists_inside_the_article_still_go():
    rules = _rules(clean(LIST_PAGE, replies=True))
    # a tag list (links item after item) and a previous/next line whose only words are links
    assert rules["Java"] == rules["Spring"] == rules["Dubbo"] == "generic:link-line"
    assert rules["上一篇 | 下一篇"] == "generic:link-line"


THIN_PAGE = f"""<html><head><title>商标审查标准 - 示例论坛</title></head><body>{NAV}
<div class="detail">
<div class="post-title">商标审查标准</div>
<div class="author"><div class="name">小傅</div><div class="time">2020.03.11 10:51发布于知产资料</div>
<div class="views">5400</div></div>
<div class="post-content"><p>商标的资料</p>
<p><a href="/download?id=1">商标审查标准.pdf 10.12MB</a></p></div>
<div class="actions"><span>点赞</span><span>收藏</span><span>举报</span></div>
</div>{FOOTER}</body></html>"""


def test_thin_post_with_an_attachment_is_the_article_not_its_byline():
    result = clean(THIN_PAGE, replies=True)
    assert result.text == "商标的资料\n商标审查标准.pdf 10.12MB"
    rules = _rules(result)
    assert rules["2020.03.11 10:51发布于知产资料"] == "outside-article"
    assert rules["小傅"] == rules["5400"] == rules["点赞收藏举报"] == "outside-article"


THIN_POST_NO_FILE = f"""<html><head><title>求助</title></head><body>{NAV}
<div class="thread"><div class="byline"><span>网友甲</span> <span>2023-05-02 08:15</span></div>
<div class="message"><p>Hi,</p><p><b>Does anyone have the manual?</b></p><p>John</p></div></div>
</body></html>"""


def test_thin_post_keeps_its_short_lines_beside_the_one_sentence():
    """The only sentence scores, most in its own <p> and <b>; its short neighbours in the same
    message box are the post too."""
    result = clean(THIN_POST_NO_FILE, replies=True)
    assert result.text == "Hi,\nDoes anyone have the manual?\nJohn"
    assert _rules(result)["网友甲 2023-05-02 08:15"] == "outside-article"


def _block(text: str, link_chars: int) -> Block:
    return Block(text=text, link_chars=link_chars, links=1)


def test_attachment_lines():
    assert is_attachment_line("商标审查标准.pdf 10.12MB")
    assert is_attachment_line("Annual report 2023.docx (1.2 MB, 下载次数: 3)")
    assert is_attachment_line("scan.zip")
    assert not is_attachment_line("https://example.org/files/report.pdf")  # an address, not a name
    assert not is_attachment_line("Next article: How to file a trademark")
    assert not is_attachment_line("see page 3.5 for details")
    assert written_link_density(_block("scan.zip 3 KB", 8)) == 0.0
    assert written_link_density(_block("Next article: Trademarks", 11)) > 0.4


def test_prose_list_needs_prose_siblings_and_own_words():
    from lxml import html as lxml_html

    from cleaner.segment.fallback.article import _totals

    root = lxml_html.fromstring(
        "<div><ol><li>第一条说明写得比较长，讲的是部署之前需要准备的环境。</li>"
        "<li>第二条说明也是作者写的文字，讲的是如何导入数据库。</li>"
        "<li><a href='/x'>A版本</a>、<a href='/y'>B版本</a>二选一（功能完全一致）</li>"
        "<li><a href='/p'>上一篇</a> | <a href='/n'>下一篇</a></li></ol>"
        "<ul><li><a href='/1'>标签一</a></li><li><a href='/2'>标签二</a></li>"
        "<li><a href='/3'>标签三</a>、<a href='/4'>标签四</a>二选一（功能完全一致）</li></ul></div>"
    )
    items = root.findall(".//li")
    lines = [_block(item.text_content(), sum(len(a.text_content()) for a in item.iter("a"))) for item in items]
    chains = [tuple(reversed([item, *item.iterancestors()])) for item in items]
    totals = _totals(lines, chains)
    kept = [in_prose_list(line, chain, totals) for line, chain in zip(lines, chains)]
    # words of its own among prose items: kept; only links among prose: not; among links: not
    assert kept[2:] == [True, False, False, False, False]


FAR_LINE_PAGE = f"""<html><head><title>顶</title></head><body>{NAV}
<div class="thread"><div class="byline"><div>网友乙</div><div>2023-05-02 08:15 发表于 灌水区</div></div>
<div class="message"><p>顶</p></div></div>
<div class="site-info"><p>The Example Club of Amateur Astronomers</p></div>
</body></html>"""


def test_thin_page_never_takes_a_line_far_from_the_byline_for_the_article():
    """Without the byline nothing near the post scores: a site line across the page is not the
    post either, so the thin rescoring leaves the page as it was."""
    result = clean(FAR_LINE_PAGE, replies=True)
    assert _rules(result)["The Example Club of Amateur Astronomers"] == "outside-article"
    assert "Astronomers" not in result.text


SPLIT_PARAGRAPHS_PAGE = f"""<html><head><title>Gen patch question</title></head><body>{NAV}
<div class="topic"><h1>Gen patch spacial arrangement</h1>
<div class="body">
<div class="para"><p>I've encountered a weird behaviour. If I have two patches with the same exact code,
their location influences the CPU usage. The one on the right is always faster than the one on the left.</p></div>
<div class="para"><p>Is it expected?</p></div>
<div class="para"><img src="/patch.png"></div>
<div class="para"><p>Thanks in advance.</p></div>
<div class="para"><p><a href="/other">Another thread about patches and their CPU usage</a></p></div>
</div></div>
<ul class="replies">
<li class="reply"><span class="when">May 14, 2024 | 5:33am</span><p>The CPU meter is not exact, you have to hover over it
again and again to make it poll, so both values end up about the same.</p></li>
<li class="reply"><span class="when">May 15, 2024 | 9:02am</span><p>It is not a bug: audio runs in blocks, and the time
each block takes depends on what else the machine is doing at that moment.</p></li>
</ul></body></html>"""


def test_opening_post_split_into_same_markup_paragraphs_keeps_its_short_ones():
    """Each paragraph in its own <div class="para">: the short ones score too little to join the
    best one, but they are the same markup, next to it, without links."""
    result = clean(SPLIT_PARAGRAPHS_PAGE, replies=False)
    assert result.text.split("\n") == [
        "I've encountered a weird behaviour. If I have two patches with the same exact code, their location "
        "influences the CPU usage. The one on the right is always faster than the one on the left.",
        "Is it expected?",
        "Thanks in advance.",
    ]
    # the same markup holding a link is not the post's paragraph: the run stops there
    assert _rules(result)["Another thread about patches and their CPU usage"] == "outside-article"
