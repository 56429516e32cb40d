"""Engine tables for engines common in the wild (issue 12): DVBBS, Reddit (old, shreddit,
redesign), Zhihu, Flarum (server copy and rendered stream), Stack Exchange comments as replies.
Each on a test page written for the project from the engine's public templates
(tests/data/engines/, sources in samples/SOURCES.md): the engine is detected, the first post is
the real first post, replies come in page order, and the chrome around them (announcements,
user columns, votes, stream events, placeholders of deleted posts) is not kept."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.engines import detect
from cleaner.segment.parse import parse_html
from fixture_pages import DATA

CLEANER = Cleaner()


def page(name: str) -> bytes:
    return (DATA / "engines" / name).read_bytes()


def thread(name: str, **kwargs):
    return CLEANER.clean(page(name), replies=True, **kwargs)


def test_dvbbs_first_post_is_the_thread_not_the_board_announcement():
    result = CLEANER.clean(page("dvbbs_8x.html"))
    assert result.engine == "dvbbs"
    assert result.title == "春耕备耕用工紧，合作社怎样排班"
    assert result.text.splitlines() == [
        "今年开春以后雨水来得早，我们合作社三百多亩地要在半个月内整完。",
        "去年是按户轮流出工，结果机手累垮了两个，今年想改成两班倒，白班整地、夜班育秧。",
        "各位有经验的老哥说说，两班倒的工钱怎么算比较公平？",
    ]


def test_dvbbs_thread_drops_quote_edit_notice_and_signatures():
    result = thread("dvbbs_8x.html")
    assert [p.author for p in result.posts] == ["老周种粮", "苗圃小刘", "河东老马"]
    assert result.posts[1].text.splitlines() == ["我们村是按亩计件，夜班每亩多加十五块，大家都认。",
                                                 "机手一定要轮换，连续开机别超过六个钟头。"]
    reasons = {r.text: r.rule for r in result.removed}
    assert reasons["以下是引用老周种粮在2008-3-12 20:15:33的发言："] == "dvbbs:quote"
    assert reasons["[此贴子已经被作者于2008-3-12 20:20:11编辑过]"] == "dvbbs:chrome-line"
    assert reasons["河东农机专业合作社 欢迎交流"] == "dvbbs:signature"
    assert "论坛公告" not in result.text


def test_old_reddit_nested_comments_in_order_and_removed_comment_dropped():
    result = thread("reddit_old.html")
    assert result.engine == "reddit"
    assert result.title == "Sourdough starter smells like nail polish remover, is it dead?"
    assert [p.author for p in result.posts] == ["crumbcoat", "levain_lady", "crumbcoat", "ovenspring"]
    assert result.posts[0].date == "2018-11-17T08:12:40+00:00"
    assert result.posts[2].text == "Thanks, the second feeding already doubled in six hours."
    # the quote repeats the post on the page: a copy, removed; the sidebar's md is not a post
    assert result.posts[3].text == "Acetone smell just means it is hungry. Mine does that after a week."
    assert "[removed]" not in result.text and "A place to share bread" not in result.text


def test_shreddit_post_and_nested_comments_deleted_placeholder_dropped():
    result = thread("reddit_shreddit.html")
    assert result.engine == "reddit"
    assert result.title == "How do you keep basil alive indoors over winter?"
    assert [p.author for p in result.posts] == ["windowsill_wes", "leaf_and_lumen", "windowsill_wes"]
    assert result.posts[2].text == "How far above the plant do you hang it?"
    assert "Comment deleted by user" not in result.text
    assert any(r.text == "Comment deleted by user" and r.rule == "chrome:deleted-notice" for r in result.removed)


def test_zhihu_question_then_answers_without_vote_bars():
    result = thread("zhihu_question.html")
    assert result.engine == "zhihu"
    assert result.title == "家里的绿萝叶子发黄是什么原因？"
    assert result.posts[0].text == "放在客厅靠窗的位置，一周浇一次水，最近下面的老叶一片接一片发黄。"
    assert [p.author for p in result.posts[1:]] == ["花匠老唐", "阳台种菜的猫"]
    assert result.posts[1].date == "2021-04-02 10:11"  # the publication time, not the edit time
    assert "如果换盆时看到黑根，剪掉烂根，用新土重新种。" in result.posts[1].text
    for chrome in ("2,341 人赞同了该回答", "赞同 2341", "显示全部", "园艺师，养花二十年", "关注问题"):
        assert chrome not in result.text


def test_zhihu_first_post_mode_is_the_question():
    result = CLEANER.clean(page("zhihu_question.html"))
    assert result.text == "放在客厅靠窗的位置，一周浇一次水，最近下面的老叶一片接一片发黄。"


def test_flarum_server_copy_posts_and_quote_of_a_post_on_the_page():
    result = thread("flarum_server.html")
    assert result.engine == "flarum"
    assert result.title == "Bike chain skips under load after new cassette"
    assert [p.author for p in result.posts] == ["gravelgrace", "spokewrench", "gravelgrace"]
    assert result.posts[2].text == "It was past 1.0. New chain on, no more skipping. Thanks!"
    assert "Next Page" not in result.text and "modern browser" not in result.text


def test_flarum_rendered_stream_wins_over_its_server_copy_and_events_are_not_posts():
    result = thread("flarum_rendered.html")
    assert [p.author for p in result.posts] == ["ninaq", "theo"]
    assert [p.date for p in result.posts] == ["2024-02-11T10:00:00+00:00", "2024-02-16T08:30:00+00:00"]
    assert result.text == ("After the last update the dark mode toggle disappeared from my settings page.\n\n"
                           "It moved to the user menu in the header, next to your avatar.")


@pytest.mark.parametrize("name, engine", [
    ("dvbbs_8x.html", "dvbbs"), ("reddit_old.html", "reddit"), ("reddit_shreddit.html", "reddit"),
    ("zhihu_question.html", "zhihu"), ("flarum_server.html", "flarum"), ("flarum_rendered.html", "flarum"),
])
def test_detected_by_markup_alone_without_url(name, engine):
    raw = page(name)
    text = raw.decode("utf-8") if engine != "dvbbs" else raw.decode("gb18030")
    assert detect(parse_html(text)).name == engine


def test_pages_of_other_engines_are_not_claimed_by_the_new_tables():
    blog = ("<html><body><div class='post'><h1>My trip</h1><p>" + "We walked along the river for hours. " * 12
            + "</p></div><ul class='comments'><li class='comment'><div class='md'>Lovely photos!</div></li></ul>"
            "<table><tr><td id='textstyle_note'>Weather table</td></tr></table></body></html>")
    assert detect(parse_html(blog)).name not in {"dvbbs", "reddit", "zhihu", "flarum"}


def test_discuz_thread_whose_posts_are_all_banned_is_empty_not_a_fallback_guess():
    """No post holds a body (提示: 作者被禁止或删除): the Discuz! table still claims the page, so the
    debug footer, the navigation and the ban notices are chrome and the text is empty."""
    for replies in (False, True):
        result = CLEANER.clean(page("discuz_all_banned.html"), replies=replies)
        assert (result.engine, result.text, result.empty_reason) == ("discuz", "", "no post body found")
        rules = {r.text: r.rule for r in result.removed}
        assert rules["提示: 作者被禁止或删除 内容自动屏蔽"] == "discuz:post-without-body"
        assert any("Processed in 0.046875 second(s)" in r.text for r in result.removed)


PHPWIND8 = """<html><head><meta name="generator" content="phpwind 8.7" /><title>阳台能种番茄吗 - 园艺 - 绿野论坛</title></head><body>
<div class="t5 t2"><table class="floot"><tr><td class="floot_left"><div class="readName"><a href="u.php?uid=8">番茄小白</a></div></td>
<td class="floot_right"><div class="tipTop"><span title="2012-04-01 09:00">发表于 2012-04-01</span></div>
<div class="tpc_content"><div class="f14" id="read_tpc">朝南的阳台，一天大概五个小时太阳，能种番茄吗？</div></div></td></tr></table></div>
<div class="t5 t2"><table class="floot"><tr><td class="floot_left"><div class="readName"><a href="u.php?uid=9">老园丁</a></div></td>
<td class="floot_right"><div class="tipTop"><span title="2012-04-01 10:12">发表于 2012-04-01</span></div>
<div class="tpc_content"><div class="f14" id="read_101"><h6 class="quote">Quote:</h6><blockquote class="blockquote">朝南的阳台，一天大概五个小时太阳，能种番茄吗？</blockquote>
五个小时够了，选樱桃番茄，盆要深一点。</div></div></td></tr></table></div>
<div class="t5 t2"><table class="floot"><tr><td class="floot_left"><div class="readName"><a href="u.php?uid=10">阿绿</a></div></td>
<td class="floot_right"><div class="tipTop"><span title="2012-04-02 08:30">发表于 2012-04-02</span></div>
<div class="tpc_content"><div class="f14" id="read_102"><h6 class="quote">Quote:</h6><blockquote class="blockquote">番茄喜光，日照不足六小时的话，开花少、坐果差，要多补磷钾肥。</blockquote>
这是《阳台种菜手册》里的一段，供参考。</div></div></td></tr></table></div>
<div id="footer">Powered by phpwind v8.7 Code &copy; 2003-2011 phpwind.com</div></body></html>"""


def test_phpwind_quote_header_element_goes_with_its_quote_and_a_cited_book_stays():
    result = CLEANER.clean(PHPWIND8, replies=True)
    assert result.engine == "phpwind"
    assert [p.text for p in result.posts] == [
        "朝南的阳台，一天大概五个小时太阳，能种番茄吗？",
        "五个小时够了，选樱桃番茄，盆要深一点。",
        "番茄喜光，日照不足六小时的话，开花少、坐果差，要多补磷钾肥。\n这是《阳台种菜手册》里的一段，供参考。",
    ]
    assert "Quote:" not in result.text


DISCUZ_CODE = """<html><head><meta name="generator" content="Discuz! X3.2" /><title>批量改名脚本 - 电脑技术 - 小站</title></head><body>
<div id="postlist"><div id="post_71"><table id="pid71"><tr><td class="plc"><div class="authi"><a class="xw1" href="#">码农甲</a></div>
<td class="t_f" id="postmessage_71">把文件夹里的 jpg 按日期改名，可以用下面这段：<br />
<div class="blockcode"><div id="code_Ab3"><ol><li>for f in *.jpg; do mv "$f" "$(date -r "$f" +%F)-$f"; done</li></ol></div><em onclick="copycode($('code_Ab3'));">复制代码</em></div>
改之前先备份。</td></td></tr></table></div></div><p>Powered by Discuz! X3.2</p></body></html>"""


def test_discuz_copy_code_button_is_not_text():
    result = CLEANER.clean(DISCUZ_CODE)
    assert result.engine == "discuz"
    assert "复制代码" not in result.text
    assert 'for f in *.jpg; do mv "$f" "$(date -r "$f" +%F)-$f"; done' in result.text
    assert any(r.text == "复制代码" and r.rule == "discuz:copy-code" for r in result.removed)


FLASKBB = """<html><head><title>Raspberry Pi overheats in case - Topic - Maker Corner</title></head><body>
<div class="topic-view"><ol class="breadcrumb flaskbb-breadcrumb"><li><a href="/">Forum</a></li><li><a href="/c/1">Hardware</a></li><li class="active">Raspberry Pi overheats in case</li></ol>
<div class="panel topic-panel"><div class="panel-heading topic-head"><a href="/topic/77">Raspberry Pi overheats in case</a></div><div class="panel-body topic-body">
<div id="301" class="row post-row clearfix"><div class="author col-md-2"><div class="author-name"><h4><a href="/user/solderbee">solderbee</a></h4></div>
<div class="author-title"><h5>Member</h5></div><div class="author-registered">Joined: 2019-02-03</div><div class="author-posts">Posts: 212</div></div>
<div class="post-box col-md-10"><div class="post-meta clearfix"><div class="pull-left"><a href="/post/301">2023-01-14 18:02</a></div><div class="pull-right"><strong>#1</strong></div></div>
<div class="post-content clearfix" id="pid301"><p>My Pi 4 throttles at 80 °C inside the official case, even when idle.</p>
<div class="post-signature hidden-xs"><hr /><p>Soldering since the ZX81</p></div></div>
<div class="post-footer clearfix"><div class="post-menu pull-right"><a class="btn btn-icon icon-reply quote-btn" href="#"></a></div></div></div></div>
<div id="305" class="row post-row clearfix"><div class="author col-md-2"><div class="author-name"><h4><a href="/user/fanboy">fanboy</a></h4></div><div class="author-posts">Posts: 9</div></div>
<div class="post-box col-md-10"><div class="post-meta clearfix"><div class="pull-left"><a href="/post/305">2023-01-14 19:40</a>
<small>(Last modified: 2023-01-14 19:45 by fanboy)</small></div><div class="pull-right"><strong>#2</strong></div></div>
<div class="post-content clearfix" id="pid305"><p>Drill a few holes above the SoC and add a 30 mm fan on the 5 V pin.</p></div>
<div class="post-footer clearfix"></div></div></div>
</div></div></div><footer><p>Powered by <a href="https://flaskbb.org">FlaskBB</a></p></footer></body></html>"""


def test_flaskbb_posts_without_user_column_and_signature():
    result = CLEANER.clean(FLASKBB, replies=True)
    assert result.engine == "flaskbb"
    assert result.title == "Raspberry Pi overheats in case"
    assert [(p.author, p.date, p.floor) for p in result.posts] == [
        ("solderbee", "2023-01-14 18:02", 1), ("fanboy", "2023-01-14 19:40", 2)]
    assert result.text == ("My Pi 4 throttles at 80 °C inside the official case, even when idle.\n\n"
                           "Drill a few holes above the SoC and add a 30 mm fan on the 5 V pin.")


MISAGO = """<html><head><title>Best budget tent for two? | Outdoor Misago</title></head><body>
<div class="page-header"><div class="container"><h1>Best budget tent for two?</h1></div></div>
<ul class="posts-list ui-ready">
<li id="post-1201" class="post"><div class="post-border"><div class="post-avatar"><a href="/u/hikerjo/7/"><img class="user-avatar" alt=""></a></div>
<div class="post-body"><div class="panel panel-default panel-post"><div class="panel-heading post-heading"><div class="post-heading-container">
<a class="item-title" href="/u/hikerjo/7/"><span itemprop="author">hikerjo</span></a> <span class="label label-default">Trail guide</span>
<a href="/t/best-budget-tent/88/post/1201/" class="posted-on hidden-xs"><time itemprop="datePublished" datetime="2022-06-01T08:00:00+00:00">posted on June 1, 2022</time></a></div></div>
<div class="panel-body" itemprop="articleBody"><article class="misago-markup"><p>Looking for a two person tent under 150 euros for summer trips in the Alps.</p></article></div>
<div class="panel-footer post-footer"><span>3 likes</span></div></div></div></div></li>
<li id="post-1207" class="post"><div class="post-border"><div class="post-body"><div class="panel panel-default panel-post"><div class="panel-heading post-heading"><div class="post-heading-container">
<a class="item-title" href="/u/tarpman/9/"><span itemprop="author">tarpman</span></a>
<a href="/t/best-budget-tent/88/post/1207/" class="posted-on hidden-xs"><time itemprop="datePublished" datetime="2022-06-01T09:30:00+00:00">posted on June 1, 2022</time></a></div></div>
<div class="panel-body" itemprop="articleBody"><article class="misago-markup"><aside class="quote-block"><div class="quote-heading">hikerjo has written:</div>
<blockquote class="quote-body"><p>Looking for a two person tent under 150 euros for summer trips in the Alps.</p></blockquote></aside>
<p>A tarp and a bivy bag weigh less and cost half that.</p></article></div></div></div></div></li>
</ul></body></html>"""


def test_misago_posts_and_quote_of_a_post_on_the_page():
    result = CLEANER.clean(MISAGO, replies=True)
    assert result.engine == "misago"
    assert [(p.author, p.date) for p in result.posts] == [
        ("hikerjo", "2022-06-01T08:00:00+00:00"), ("tarpman", "2022-06-01T09:30:00+00:00")]
    assert result.text == ("Looking for a two person tent under 150 euros for summer trips in the Alps.\n\n"
                           "A tarp and a bivy bag weigh less and cost half that.")


BBPRESS_LEAD = """<html><head><title>Sourcing walnut slabs &#8211; Woodworkers Forum</title></head><body>
<div id="bbpress-forums" class="bbpress-wrapper"><div class="bbp-breadcrumb"><a href="/forums/">Forums</a> › <a href="/forums/forum/timber/">Timber</a></div>
<ul id="bbp-topic-5120-lead" class="bbp-lead-topic"><li class="bbp-header"><div class="bbp-topic-author">Author</div><div class="bbp-topic-content">Topic</div></li>
<li class="bbp-body"><div class="bbp-topic-header"><div class="bbp-meta"><span class="bbp-topic-post-date">March 3, 2021 at 9:14 am</span><a href="#post-5120" class="bbp-topic-permalink">#5120</a></div></div>
<div id="post-5120" class="post-5120 topic type-topic"><div class="bbp-topic-author"><span class="bbp-author-name">Greta</span><div class="bbp-author-role">Participant</div></div>
<div class="bbp-topic-content"><p>Where do you buy kiln dried walnut slabs wider than 40 cm without paying furniture prices?</p></div></div></li>
<li class="bbp-footer"><div class="bbp-topic-author">Author</div><div class="bbp-topic-content">Topic</div></li></ul>
<ul id="topic-5120-replies" class="forums bbp-replies"><li class="bbp-body">
<div class="bbp-reply-header"><div class="bbp-meta"><span class="bbp-reply-post-date">March 3, 2021 at 11:40 am</span><a href="#post-5131" class="bbp-reply-permalink">#5131</a></div></div>
<div id="post-5131" class="post-5131 reply type-reply"><div class="bbp-reply-author"><span class="bbp-author-name">Olek</span></div>
<div class="bbp-reply-content"><p>Ask a local tree surgeon; they often sell air dried slabs for little money.</p></div></div></li></ul></div></body></html>"""


def test_bbpress_theme_with_a_lead_topic_block():
    result = CLEANER.clean(BBPRESS_LEAD, replies=True)
    assert result.engine == "bbpress"
    assert [(p.author, p.date) for p in result.posts] == [
        ("Greta", "March 3, 2021 at 9:14 am"), ("Olek", "March 3, 2021 at 11:40 am")]
    assert result.text == ("Where do you buy kiln dried walnut slabs wider than 40 cm without paying furniture prices?\n\n"
                           "Ask a local tree surgeon; they often sell air dried slabs for little money.")


APACHE_ANSWER = """<html><head><title>How do I rotate Nginx logs daily? - Ops Q&amp;A</title></head><body>
<div id="root"><header class="theme-colored navbar"><a href="/">Ops Q&amp;A</a><a href="/users/login">Log in</a></header>
<div class="questionDetailPage pt-4 mb-5 container"><div class="row"><div class="page-main flex-auto col">
<div><h1 class="h3 mb-2 text-wrap text-break pb-1"><a class="link-dark" href="/questions/10010000000000042/rotate-nginx-logs">How do I rotate Nginx logs daily?</a></h1>
<div class="d-flex flex-wrap small mb-4 text-secondary"><a href="/users/kai">kai</a> <time datetime="2024-03-02T08:00:00Z">asked Mar 2, 2024</time><div class="me-3">Views 1.2k</div></div>
<article class="fmt text-break text-wrap last-p mb-4"><p>The access log grew to 9 GB. What is the cleanest way to rotate it every day?</p></article>
<div class="m-n1"><a class="badge-tag" href="/tags/nginx">nginx</a></div>
<div class="mt-4"><div class="comments-wrap bg-light px-3 py-2 rounded"><div id="10020000000000007" class="py-2 comment-item"><div class="d-block"><div class="fmt small text-break text-wrap"><p>Which distribution is this on?</p></div></div>
<div class="d-flex small"><a href="/users/mira">mira</a> <time datetime="2024-03-02T08:20:00Z">Mar 2</time></div></div></div></div></div>
<div class="answer-item py-4" id="10030000000000011"><div class="d-flex justify-content-between mb-3"><div><a href="/users/lev">lev</a> <time datetime="2024-03-02T09:10:00Z">answered Mar 2, 2024</time></div>
<div class="lh-1"><span class="badge rounded-pill bg-success">Best answer</span></div></div>
<article class="fmt text-break text-wrap"><p>Drop a file in /etc/logrotate.d with daily, rotate 14 and postrotate sending USR1 to the master process.</p></article>
<div class="comments-wrap"><div id="10020000000000009" class="py-2 comment-item"><div class="d-block"><a href="/users/kai" class="small me-1">@lev</a><div class="fmt small text-break text-wrap"><p>Works on Debian 12, thanks.</p></div></div>
<div class="d-flex small"><a href="/users/kai">kai</a> <time datetime="2024-03-02T10:00:00Z">Mar 2</time></div></div></div></div>
</div></div></div></div></body></html>"""


def test_apache_answer_question_answers_and_comments_in_page_order():
    thread = CLEANER.clean(APACHE_ANSWER, replies=True)
    assert thread.engine == "answer"
    assert thread.title == "How do I rotate Nginx logs daily?"
    assert [(p.author, p.text) for p in thread.posts] == [
        ("", "The access log grew to 9 GB. What is the cleanest way to rotate it every day?"),
        ("mira", "Which distribution is this on?"),
        ("lev", "Drop a file in /etc/logrotate.d with daily, rotate 14 and postrotate sending USR1 to the master process."),
        ("kai", "Works on Debian 12, thanks."),
    ]
    assert CLEANER.clean(APACHE_ANSWER).text == thread.posts[0].text


REDDIT_REDESIGN = """<html><head><title>Is it normal for a new cast iron pan to smoke? : r/castiron</title></head><body><div id="2x-container">
<header><a href="/">reddit</a><a href="/login">Log In</a></header>
<div class="_1OVBBWLtHoSPfGCRaPzpTf"><div data-test-id="post-content"><div class="_2mHuuvyV9doV3zwbZPtIPG"><a href="/r/castiron/">r/castiron</a> · Posted by <a href="/user/seasonedsam/">u/seasonedsam</a>
<a data-click-id="timestamp" href="/r/castiron/comments/xy12ab/">3 years ago</a></div>
<div class="_2SdHzo12ISmrC8H86TgSCp"><h1 class="_eYtD2XCVieq6emjKBH3m">Is it normal for a new cast iron pan to smoke?</h1></div>
<div data-click-id="text" class="_3xX726aBn29LDbsDtzr_6E"><div class="_292iotee39Lmt0MkQZ2hPV RichTextJSON-root"><p>First seasoning in the oven at 230 °C and the kitchen filled with smoke.</p><p>Did I use too much oil?</p></div></div>
<div class="_1hwEKkB_38tIoal6fcdrt9"><span>412 comments</span><span>Share</span><span>Save</span></div></div></div>
<div class="_1YCqQVO-9r-Up6QPB9H6_4"><div id="t1_hk3a91" class="_3sf33-9rVAO_v4y0pIW_CH" style="padding-left:16px"><div class="_3tw__eCCe7j-epNCKGXUKk"><div><a href="/user/flaxseedfan/">flaxseedfan</a> · <a id="CommentTopMeta--Created--t1_hk3a91" href="#">3 yr. ago</a></div>
<div data-testid="comment" class="_3cjCphgls6DH-irkVaA0GM"><div class="_292iotee39Lmt0MkQZ2hPV RichTextJSON-root"><p>Yes, too much oil. Wipe it on, then wipe it all off as if you made a mistake.</p></div></div>
<div class="_3KgrO85L1p9wQbgwG27q4y"><button>Reply</button><button>Share</button></div></div></div>
<div id="t1_hk3c02" class="_3sf33-9rVAO_v4y0pIW_CH" style="padding-left:37px"><div class="_3tw__eCCe7j-epNCKGXUKk"><div><a href="/user/seasonedsam/">seasonedsam</a> · <a id="CommentTopMeta--Created--t1_hk3c02" href="#">3 yr. ago</a></div>
<div data-testid="comment" class="_3cjCphgls6DH-irkVaA0GM"><div class="RichTextJSON-root"><p>That was it. Second round barely smoked.</p></div></div></div></div>
</div></div></body></html>"""


def test_reddit_2018_redesign_post_and_flat_comments():
    result = CLEANER.clean(REDDIT_REDESIGN, replies=True)
    assert result.engine == "reddit"
    assert result.title == "Is it normal for a new cast iron pan to smoke?"
    assert [p.author for p in result.posts] == ["u/seasonedsam", "flaxseedfan", "seasonedsam"]
    assert result.text == ("First seasoning in the oven at 230 °C and the kitchen filled with smoke.\nDid I use too much oil?\n\n"
                           "Yes, too much oil. Wipe it on, then wipe it all off as if you made a mistake.\n\n"
                           "That was it. Second round barely smoked.")


NEW_ENGINES = {"dvbbs", "reddit", "zhihu", "flarum", "flaskbb", "misago", "answer"}


@pytest.mark.parametrize("name, first_line", [
    ("reddit_old.html", "I left my starter in the back of the fridge for three weeks while travelling."),
    ("reddit_shreddit.html", "Every year my basil goes leggy and dies by December."),
])
def test_without_the_new_tables_the_fallback_still_takes_the_page(monkeypatch, name, first_line):
    import cleaner.engines as engines
    from cleaner.segment.blocks import BODY
    from cleaner.segment.html import segment_html

    monkeypatch.setattr(engines, "ENGINES", tuple(t for t in engines.ENGINES if t.name not in NEW_ENGINES))
    seg = segment_html(parse_html(page(name).decode("utf-8")))
    assert seg.engine == "generic"
    assert first_line in [b.text for b in seg.blocks if b.role == BODY]
