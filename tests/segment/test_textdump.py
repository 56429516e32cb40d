"""Plain-text dumps: the three layouts (floor marker first, byline under a dated floor line,
Tieba author cards with tail floors), anti-copy noise, title and header."""

from cleaner.segment.blocks import BODY
from cleaner.segment.textdump import segment_text

DISCUZ = """南湖社区论坛
注册
【资料】武藏浦和站 [复制链接]
1#
武藏浦和站是一个位于埼玉县的车站。: g& K9 f% d" U& B9 n6 K5 r) f4 X# y& i. r9 E
分享 转发
2#
bluesky_cn 发表于 2023-7-14 9:38 | 只看该作者
谢谢楼主分享
"""

PHPWIND = """江城生活网
首页 > 论坛 > 休闲灌水 > 于欢出狱的一天
清风徐来
楼主  发布于：2023-9-19 8:33  只看该作者
2020年11月18日上午，于欢走出监狱。
回复 引用 举报 顶端
阿呆
1楼  发布于：2023-9-20 9:40  只看该作者
+1
"""

TIEBA = """百度首页 登录 注册
读书交流吧
只看楼主 收藏 回复
阿呆
初级粉丝
3
之前有学弟学妹们问到在英国找工作该如何进行。
来自Android客户端1楼2023-11-25 8:35
小白兔兔
初级粉丝
3
谢谢楼主分享
来自Android客户端2楼2023-11-26 9:42
"""


def body(seg, post):
    return [b.text for b in seg.blocks if b.role == BODY and b.post == post]


def test_discuz_dump_floors_title_byline_and_noise():
    seg = segment_text(DISCUZ)
    assert (seg.engine, seg.title, seg.forum) == ("discuz", "【资料】武藏浦和站", "南湖社区论坛")
    assert body(seg, 0) == ["武藏浦和站是一个位于埼玉县的车站。", "分享 转发"]
    assert body(seg, 1) == ["谢谢楼主分享"]
    assert (seg.posts[1].floor, seg.posts[1].author, seg.posts[1].date) == (2, "bluesky_cn", "2023-7-14 9:38")
    assert [(r.kind, r.rule) for r in seg.removed] == [("noise", "noise:discuz-jammer")]


def test_phpwind_dump_author_above_dated_floor_line():
    seg = segment_text(PHPWIND)
    assert seg.title == "于欢出狱的一天"
    assert [(p.floor, p.author, p.date) for p in seg.posts] == [
        (1, "清风徐来", "2023-9-19 8:33"), (1, "阿呆", "2023-9-20 9:40")]
    assert body(seg, 0) == ["2020年11月18日上午，于欢走出监狱。", "回复 引用 举报 顶端"]
    assert body(seg, 1) == ["+1"]


def test_tieba_dump_author_cards_and_tail_floors():
    seg = segment_text(TIEBA)
    assert [(p.floor, p.author, p.date) for p in seg.posts] == [
        (1, "阿呆", "2023-11-25 8:35"), (2, "小白兔兔", "2023-11-26 9:42")]
    assert body(seg, 0) == ["之前有学弟学妹们问到在英国找工作该如何进行。"]
    assert body(seg, 1) == ["谢谢楼主分享"]
    header = [b.reason for b in seg.blocks if b.post is None]
    assert header == ["chrome:page-header"] * 3


def test_dump_without_floors_is_one_post():
    seg = segment_text("第一段正文。\n第二段正文。\n")
    assert len(seg.posts) == 1 and body(seg, 0) == ["第一段正文。", "第二段正文。"]


# Written for the project (issue 12): a Discuz!-style dump where each name stands above a bare
# floor line and the byline under it has no name; replies quoting posts of the page and of
# another thread; signatures glued to the buttons; a footer after the last post.
NAME_ABOVE_FLOOR = """青溪单车社区
首页 > 论坛 > 维修保养 > 链条跳齿怎么办
链条跳齿怎么办 [复制链接]
老王修车
1#
发表于 2022-3-1 10:00 | 只看该作者
新换的飞轮，一用力踩链条就跳齿，中间几个档位最明显。

链条已经骑了三千公里，要不要一起换？

分享 转发
TOP
小李
2#
发表于 2022-3-1 11:20 | 只看该作者
老王修车 发表于 2022-3-1 10:00
新换的飞轮，一用力踩链条就跳齿，中间几个档...

旧链条配新飞轮就是会跳，量一下链条伸长率。

单车改装，专业十年
分享 转发
TOP
阿海
3#
发表于 2022-3-2 08:05 | 只看该作者
车友老周 发表于 2021-11-20 19:33
磨损超过百分之零点七五的链条，换飞轮之前先换掉它。

老周这句话说得对，我上个月刚踩过这个坑。

分享 转发
TOP
发新话题 回复该主题
友情链接
青溪旅游网  青溪二手车  青溪租房
Powered by Discuz! 7.2 © 2001-2009 Comsenz Inc.
"""


def _by_text(seg):
    return {b.text: b for b in seg.blocks}


def test_name_above_a_bare_floor_line_starts_the_next_post():
    seg = segment_text(NAME_ABOVE_FLOOR)
    assert [p.author for p in seg.posts] == ["老王修车", "小李", "阿海"]
    blocks = _by_text(seg)
    assert (blocks["小李"].post, blocks["小李"].reason) == (1, "chrome:author")
    assert [b.text for b in seg.blocks if b.post == 0 and b.role == BODY] == [
        "新换的飞轮，一用力踩链条就跳齿，中间几个档位最明显。", "链条已经骑了三千公里，要不要一起换？",
        "分享 转发", "TOP"]  # (the buttons are the rules' to remove)


def test_quoted_copy_of_a_post_here_goes_and_a_quote_from_elsewhere_stays():
    blocks = _by_text(segment_text(NAME_ABOVE_FLOOR))
    copy = blocks["新换的飞轮，一用力踩链条就跳齿，中间几个档..."]
    assert (copy.role, copy.reason) == ("quote", "quote:copy-of-post")
    assert blocks["老王修车 发表于 2022-3-1 10:00"].reason == "chrome:quote-byline"
    elsewhere = blocks["磨损超过百分之零点七五的链条，换飞轮之前先换掉它。"]
    assert elsewhere.role == BODY  # its source is not on this page: the only copy


def test_signature_glued_to_the_buttons_and_the_footer_after_the_last_post():
    blocks = _by_text(segment_text(NAME_ABOVE_FLOOR))
    assert (blocks["单车改装，专业十年"].role, blocks["单车改装，专业十年"].reason) == ("signature", "signature:glued-to-buttons")
    assert blocks["旧链条配新飞轮就是会跳，量一下链条伸长率。"].role == BODY
    for footer in ("发新话题 回复该主题", "友情链接", "青溪旅游网 青溪二手车 青溪租房"):
        assert (blocks[footer].post, blocks[footer].reason) == (None, "chrome:page-footer")


def test_whole_thread_of_the_dump():
    from cleaner import clean

    result = clean(NAME_ABOVE_FLOOR, replies=True)
    assert [p.text for p in result.posts] == [
        "新换的飞轮，一用力踩链条就跳齿，中间几个档位最明显。\n链条已经骑了三千公里，要不要一起换？",
        "旧链条配新飞轮就是会跳，量一下链条伸长率。",
        "磨损超过百分之零点七五的链条，换飞轮之前先换掉它。\n老周这句话说得对，我上个月刚踩过这个坑。",
    ]


def test_a_last_reply_that_says_a_button_word_is_not_the_end_of_the_post():
    dump = NAME_ABOVE_FLOOR.replace("老周这句话说得对，我上个月刚踩过这个坑。", "支持\n老周这句话说得对，我上个月刚踩过这个坑。")
    blocks = _by_text(segment_text(dump))
    assert (blocks["老周这句话说得对，我上个月刚踩过这个坑。"].post, blocks["老周这句话说得对，我上个月刚踩过这个坑。"].role) == (2, BODY)
    assert blocks["友情链接"].reason == "chrome:page-footer"
