"""Article pages (news, blogs) that are not forum threads, on small hand-written pages:

* an old news page laid out in bare tables (title table, byline table, article table, comments
  table) was read as a thread of "posts" and its article dropped as a reply; a real thread in
  bare tables, whose first table is the first post, stays a thread;
* template lines inside the article (related-article headings and dated items, toolbar buttons,
  read-aloud and share widgets, "发布于：北京市", hosting disclaimers, reprint notices, a vertical
  "今日推荐" box) are removed with a named reason, while the article's own source/editor lines,
  its table of contents and single-letter lines that are not a box heading stay.
"""

from __future__ import annotations

from cleaner import clean
from cleaner.segment.fallback.lines import article_chrome_rule

P1 = "记者近日走访了本市多家体育用品商店，发现气垫运动鞋的销量在过去一年里增长了将近三成，价格也随之水涨船高。"
P2 = "然而，有研究者指出，气垫并不能产生能量，它的力学性能只是缓冲，长期穿着反而可能增加脚踝扭伤的风险。"
P3 = "研究所的负责人表示，他们早在今年二月就把研究结果寄给了厂商，但至今没有收到任何正式的答复。"
P4 = "专家建议，青少年在选购运动鞋时应当以合脚、稳定为先，不必盲目追求所谓的高科技功能。"
COMMENT = "我穿了十年气垫鞋，没想过要跳得高，主要是为了减轻着地时对脚的震荡，大家怎么看这个研究？"


def _layout_table_page() -> str:
    article = "".join(f"<p>{p}</p>" for p in (P1, P2, P3, P4, P2 + P1, P4 + P3))
    return f"""<html><head><title>气垫鞋的真相 - 示例新闻</title></head><body>
<table><tr><td><h1>气垫鞋的真相</h1><span>2005-03-02 14:25</span></td></tr></table>
<table><tr><td><span class="text">{article}</span></td></tr></table>
<table><tr><td>
<p>网友甲 2005-03-03 10:20</p><p>{COMMENT}</p>
</td></tr></table>
</body></html>"""


def test_article_in_layout_tables_is_the_article_not_a_reply():
    result = clean(_layout_table_page())
    assert result.engine == "generic"
    lines = result.text.splitlines()
    for paragraph in (P1, P2, P3, P4):
        assert paragraph in lines
    assert COMMENT not in result.text
    assert not [r for r in result.removed if r.rule == "first-post-only" and P1 in r.text]


def test_thread_in_bare_tables_keeps_its_first_post():
    posts = [
        ("楼主", "2024-03-01 10:00", P1 + P2 + P3),
        ("网友甲", "2024-03-01 11:00", "谢谢分享，" + P4),
        ("网友乙", "2024-03-01 12:00", "说得很有道理，我也遇到过类似的情况，后来换了一双普通的跑鞋就好多了。"),
    ]
    tables = "".join(f"<table><tr><td>{a} {d}</td></tr><tr><td><p>{t}</p></td></tr></table>" for a, d, t in posts)
    result = clean(f"<html><head><title>讨论</title></head><body>{tables}</body></html>")
    assert result.text.splitlines() == [P1 + P2 + P3]
    thread = clean(f"<html><head><title>讨论</title></head><body>{tables}</body></html>", replies=True)
    assert "谢谢分享，" + P4 in thread.text


def _article_page(extra_top: str, extra_bottom: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in (P1, P2, P3, P4))
    return f"""<html><head><title>气垫鞋的真相</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/news">新闻</a></div>
<div class="article">{extra_top}{body}{extra_bottom}</div>
<div class="footer">© 2005 示例新闻网</div></body></html>"""


def test_article_template_lines_are_removed_with_named_reasons():
    top = "<p>播报文章</p><p>语音播报文章，释放双眼</p><p>目次を開く</p>"
    bottom = (
        "<p>【发表评论】【关闭窗口】</p><p>相关报道：</p><p>延伸阅读：气垫鞋的前世今生</p>"
        "<p>点击阅读更多精彩财经新闻</p><p>示例健康网专稿，未经书面授权请勿转载。</p>"
        "<p>以上内容(包括图片及视频)为创作者平台用户上传并发布，本平台仅提供信息存储服务</p>"
        "<p>今</p><p>推</p><p>荐</p>"
    )
    result = clean(_article_page(top, bottom))
    assert result.text.splitlines() == [P1, P2, P3, P4]
    reasons = {r.text: r.rule for r in result.removed}
    assert reasons["播报文章"] == "generic:article-chrome:read-aloud"
    assert reasons["目次を開く"] == "generic:article-chrome:toc-toggle"
    assert reasons["【发表评论】【关闭窗口】"] == "generic:article-chrome:article-buttons"
    assert reasons["相关报道："] == "generic:article-chrome:related-heading"
    assert reasons["延伸阅读：气垫鞋的前世今生"] == "generic:article-chrome:extended-reading"
    assert reasons["示例健康网专稿，未经书面授权请勿转载。"] == "generic:article-chrome:reprint-notice"
    assert reasons["推"] == "generic:article-chrome:vertical-letters"


def test_article_source_editor_and_contents_lines_stay():
    top = "<p>目录</p><p>来源：新华网</p>"
    bottom = ("<p>责任编辑：王某</p><p>（编辑：文静）</p><p>本文为我原创，禁止转载或摘编</p><p>好</p>"
              "<p>否</p><p>是</p>")
    result = clean(_article_page(top, bottom))
    lines = result.text.splitlines()
    for kept in ("目录", "来源：新华网", "责任编辑：王某", "（编辑：文静）", "本文为我原创，禁止转载或摘编", "好", "否", "是"):
        assert kept in lines, kept


def test_article_chrome_rule_matches_whole_lines_only():
    assert article_chrome_rule("相关报道:") == "related-heading"
    assert article_chrome_rule("《播客热潮》已有1件评论") == "comment-count"
    assert article_chrome_rule("(本文发表于首页, 已被阅读178次)") == "read-count"
    assert article_chrome_rule("·另一篇报道的标题 (2005-04-27 18:03PM)") == "related-item"
    assert article_chrome_rule("发布于：北京市") == "posted-from"
    assert article_chrome_rule("IP属地：广东") == "posted-from"
    assert article_chrome_rule("分享让更多人看到") == "share-widget"
    assert article_chrome_rule("关注公众号：示例财经") == "follow-prompt"
    assert article_chrome_rule("平台声明：该文观点仅代表作者本人，本站仅提供信息存储空间服务。") == "hosting-disclaimer"
    assert article_chrome_rule("来自北京的消息称，今年的销量增长了三成。") is None
    assert article_chrome_rule("·第一条：部署之前需要准备好环境。") is None
    assert article_chrome_rule("相关报道显示，今年的销量增长了三成。") is None
    assert article_chrome_rule("他点击查看更多细节之后，发现数据并不完整，于是又重新整理了一遍全部的记录。") is None
    assert article_chrome_rule("听到广播报导学生绝食多少多少天") is None
