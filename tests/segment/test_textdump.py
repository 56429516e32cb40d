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
