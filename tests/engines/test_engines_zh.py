"""Chinese engine tables on real pages (Discuz! X3.3, Discuz! Archiver, Tieba) and fragments."""

from __future__ import annotations


import pytest

from cleaner import Cleaner
from cleaner.segment.blocks import ATTACHMENT, BODY, CHROME, EDIT, QUOTE, SIGNATURE
from cleaner.engines import ENGINES, detect, load_engines
from cleaner.evaluate import normalize
from cleaner.segment.html import segment_html
from cleaner.segment.parse import parse_html
from fixture_pages import DATA, read

# The Discuz! X3.3 page is the sample samples/pages/zh_forum/eaddae4e0149832f.html (one copy).
DISCUZ_PAGE = "../../samples/pages/zh_forum/eaddae4e0149832f.html"
DISCUZ_URL = "https://csolbbs.tiancity.com/forum.php?mod=viewthread&tid=38733&extra="
TIEBA_PAGE = "tieba_6db2e2d672d8b4fe.trimmed.html"
TIEBA_URL = "https://tieba.baidu.com/p/8057560733"
# The archiver page is the batch fixture's copy (its gold stays here as cwced_77fa9435-….gold.txt).
ARCHIVER_PAGE = "batch/pages/zh/discuz_archiver_gbk.html"


def segment(name: str, url: str | None = None):
    return segment_html(parse_html(read(name)), url=url)


def body_lines(segmented, post=None):
    return [b.text for b in segmented.blocks if b.role == BODY and (post is None or b.post == post)]


def retention(lines: list[str], gold: str) -> float:
    joined = normalize(" ".join(lines))
    gold_lines = [normalize(line) for line in gold.splitlines() if normalize(line)]
    return sum(len(line) for line in gold_lines if line in joined) / sum(len(line) for line in gold_lines)


def test_registry_holds_the_chinese_engines_and_skips_missing_modules():
    names = {table.name for table in ENGINES}
    assert {"discuz", "phpwind", "tieba"} <= names
    assert [t.name for t in load_engines(("tieba", "no_such_engine_yet"))] == ["tieba", "tieba"]


@pytest.mark.parametrize(
    "page, url, engine",
    [
        (DISCUZ_PAGE, None, "discuz"),
        (DISCUZ_PAGE, DISCUZ_URL, "discuz"),
        (TIEBA_PAGE, TIEBA_URL, "tieba"),
        (TIEBA_PAGE, None, "tieba"),
        (ARCHIVER_PAGE, None, "discuz"),
        ("article_090704b0cb2e2ae4.html", None, "generic"),
        ("cwced_9890f458-7af7-4e96-a507-6eb1b359d675.html", None, "generic"),
    ],
)
def test_engine_detection_on_real_pages(page, url, engine):
    assert detect(parse_html(read(page)), url).name == engine


def test_discuz_detection_evidence():
    detection = detect(parse_html(read(DISCUZ_PAGE)), DISCUZ_URL)
    assert {"generator-meta", "powered-by-footer", "postlist-markup", "viewthread-url"} <= set(detection.evidence)


def test_discuz_first_post_is_exactly_the_article():
    seg = segment(DISCUZ_PAGE, DISCUZ_URL)
    assert seg.engine == "discuz" and seg.is_thread
    assert body_lines(seg, 0) == [
        "我的电脑分辨率是2560*1440，登录蛋拐静茹游戏全屏显示有的地方我看不到了，就是把游戏界面放大了那种，"
        "我调了分辨率都没用。这是什么问题啊？？*我洛奇英雄传也是全屏显示都没有任何问题。"
    ]
    assert body_lines(seg, 1) == ["我知道，只有回去翻下之前的网页浏览记录了，大概半年前调过的"]
    assert [(p.floor, p.author, p.date) for p in seg.posts] == [
        (1, "1657811359", "2024-5-18 19:27:00"),
        (2, "大虾米点", "2024-5-21 11:01:32"),
    ]
    assert seg.title == "游戏全屏问题，希望大家能出个主意！！"
    assert seg.forum == "反恐精英Online-官方论坛"


def test_discuz_chrome_is_kept_for_the_audit():
    seg = segment(DISCUZ_PAGE, DISCUZ_URL)
    roles = {b.text: (b.role, b.post, b.reason) for b in seg.blocks}
    assert roles["[复制链接]"] == (CHROME, None, "outside-post")
    byline = [(b.role, b.post, b.reason) for b in seg.blocks if "只看该作者" in b.text]
    assert byline == [(CHROME, 0, "outside-body"), (CHROME, 1, "outside-body")]
    assert [(b.role, b.post) for b in seg.blocks if b.text == "回复"] == [(CHROME, 0), (CHROME, 1)]
    assert all(b.post is None for b in seg.blocks if b.reason == "outside-post")


def test_tieba_posts_floors_authors_and_retention():
    seg = segment(TIEBA_PAGE, TIEBA_URL)
    assert seg.engine == "tieba"
    # the sub-reply under floor 2 ("楼中楼") is a post of its own, with no floor number
    assert [p.floor for p in seg.posts] == [1, 2, None, 3, 6, 8, 9]
    assert seg.posts[0].author == "绫清逸" and seg.posts[0].date == "2022-10-02 23:02"
    assert (seg.posts[2].author, seg.posts[2].date) == ("张无极", "2023-3-8 13:30")
    assert body_lines(seg, post=2) == ["其实就是生活中消费不和别人攀比，都自己买便宜的，低消费，不去高消费，这就叫佛系"]
    assert seg.title == "什么样的人才算是佛系？在线等，挺急的"
    assert seg.forum == "佛系吧"
    gold = (DATA / "tieba_6db2e2d672d8b4fe.gold.txt").read_text(encoding="utf-8")
    gold_without_title = "\n".join(gold.splitlines()[1:])
    assert retention(body_lines(seg), gold_without_title) >= 0.99
    assert "送TA礼物" not in body_lines(seg)


def test_discuz_archiver_post():
    seg = segment(ARCHIVER_PAGE)
    assert seg.engine == "discuz"
    assert (seg.posts[0].author, seg.posts[0].date) == ("高山流水", "2003-5-29 09:07")
    gold = (DATA / "cwced_77fa9435-93a8-401b-a264-a3f5909d5ea7.gold.txt").read_text(encoding="utf-8")
    assert retention(body_lines(seg, 0), gold) >= 0.95


DISCUZ_FRAGMENT = """<html><head><meta name="generator" content="Discuz! X3.4">
<title>测试帖 - 灌水 - 测试论坛 - Powered by Discuz!</title></head><body>
<div id="postlist">
<div id="post_11"><table id="pid11"><tr><td class="pls"><div class="authi"><a class="xw1" href="#">作者甲</a></div></td>
<td class="plc"><strong><a id="postnum11">楼主</a></strong>
<div class="authi"><em id="authorposton11">发表于 2021-3-4 05:06</em></div>
<div class="pct"><div class="pcb"><div class="t_fsz"><table><tr><td class="t_f" id="postmessage_11">
<i class="pstatus"> 本帖最后由 作者甲 于 2021-3-4 06:00 编辑 </i><br />
第一段正文<font class="jammer">7 @ 3a</font><br />
第二段正文<span style="display:none">K 9 x</span>继续<br />
<ignore_js_op><img src="a.jpg"><div class="tip">a.jpg (12.5 KB, 下载次数: 3)</div></ignore_js_op>
</td></tr></table></div></div></div>
<div class="sign">签名档：欢迎光临</div>
</td></tr></table></div>
<div id="post_12"><table id="pid12"><tr><td class="pls"><div class="authi"><a class="xw1" href="#">作者乙</a></div></td>
<td class="plc"><strong><a id="postnum12"><em>2</em><sup>#</sup></a></strong>
<div class="authi"><em id="authorposton12">發表於 2021-3-5 07:08</em></div>
<div class="pct"><div class="pcb"><div class="t_fsz"><table><tr><td class="t_f" id="postmessage_12">
<div class="quote"><blockquote>作者甲 发表于 2021-3-4 05:06<br />第一段正文</blockquote></div><br />
同意楼主的看法
</td></tr></table></div></div></div>
</td></tr></table></div>
</div><div id="ft">Powered by Discuz! X3.4</div></body></html>"""


def test_discuz_fragment_roles_and_reasons():
    seg = segment_html(parse_html(DISCUZ_FRAGMENT))
    assert seg.engine == "discuz"
    assert body_lines(seg, 0) == ["第一段正文", "第二段正文继续"]
    assert body_lines(seg, 1) == ["同意楼主的看法"]
    marked = [(b.text, b.role, b.post, b.reason) for b in seg.blocks if b.role in (QUOTE, SIGNATURE, EDIT, ATTACHMENT)]
    assert marked == [
        ("本帖最后由 作者甲 于 2021-3-4 06:00 编辑", EDIT, 0, "discuz:edit"),
        ("a.jpg (12.5 KB, 下载次数: 3)", ATTACHMENT, 0, "discuz:attachment"),
        ("签名档：欢迎光临", SIGNATURE, 0, "discuz:signature"),
        ("作者甲 发表于 2021-3-4 05:06", QUOTE, 1, "discuz:quote"),
        ("第一段正文", QUOTE, 1, "discuz:quote"),
    ]
    assert [(r.text, r.kind, r.post) for r in seg.removed] == [("7 @ 3a", "noise", 0), ("K 9 x", "noise", 0)]
    assert [(p.floor, p.author, p.date) for p in seg.posts] == [(1, "作者甲", "2021-3-4 05:06"), (2, "作者乙", "2021-3-5 07:08")]
    assert (seg.title, seg.forum) == ("测试帖", "测试论坛")


def test_discuz_chrome_line_inside_a_body():
    page = DISCUZ_FRAGMENT.replace("同意楼主的看法", "同意楼主的看法<br />[ 本帖最后由 作者乙 于 2021-3-5 08:00 编辑 ]")
    seg = segment_html(parse_html(page))
    assert body_lines(seg, 1) == ["同意楼主的看法", "[ 本帖最后由 作者乙 于 2021-3-5 08:00 编辑 ]"]
    result = Cleaner(model=None).clean(page, replies=True)
    assert [r.rule for r in result.removed if "作者乙 于" in r.text] == ["discuz:chrome-line"]
    assert "作者乙 于" not in result.text


DISCUZ_MOBILE = """<html><head><meta name="generator" content="Discuz! X3.2"><title>手机帖 - 测试论坛</title></head>
<body><div class="postlist">
<div class="plc cl" id="pid21"><div class="display pi"><ul class="authi">
<li class="grey"><em>楼主</em><b><a href="#">手机用户</a></b></li><li class="grey rela">2019-8-1 10:00</li></ul>
<div class="message">手机版第一段<br />手机版第二段</div></div></div>
<div class="plc cl" id="pid22"><div class="display pi"><ul class="authi">
<li class="grey"><em>沙发</em><b><a href="#">回复者</a></b></li><li class="grey rela">2019-8-1 11:00</li></ul>
<div class="message">顶</div></div></div>
</div></body></html>"""


def test_discuz_mobile_template():
    seg = segment_html(parse_html(DISCUZ_MOBILE), url="https://bbs.example.cn/forum.php?mod=viewthread&tid=1&mobile=2")
    assert seg.engine == "discuz"
    assert body_lines(seg, 0) == ["手机版第一段", "手机版第二段"]
    assert body_lines(seg, 1) == ["顶"]
    assert [(p.floor, p.author, p.date) for p in seg.posts] == [(1, "手机用户", "2019-8-1 10:00"), (2, "回复者", "2019-8-1 11:00")]


PHPWIND9 = """<html><head><meta name="generator" content="phpwind 9.0.1"><title>贴子 - phpwind</title></head><body>
<div class="floor" id="read_1"><div class="floor_info"><span class="floor_num">楼主</span><span class="time">2014-02-03 04:05</span></div>
<div class="name"><a href="#">风之子</a></div><div class="editor_content">九代正文第一段<br>九代正文第二段
<div class="blockquote">引用的旧帖</div></div></div>
<div class="floor" id="read_2"><div class="floor_info"><span class="floor_num">1楼</span><span class="time">2014-02-03 05:05</span></div>
<div class="name"><a href="#">路人</a></div><div class="editor_content">支持一下</div></div>
</body></html>"""

PHPWIND8 = """<html><head><meta name="generator" content="phpwind 8.7"><title>贴子 - 论坛</title></head><body>
<div class="t5 t2"><table class="floot"><tr><td class="floot_left"><div class="readName b"><a href="u.php?uid=1">老会员</a></div></td>
<td class="floot_right"><div class="tipTop s6"><span class="fr"><a class="s2 b cp">楼主</a></span><span title="2010-05-06 07:08">发表于: 2010-05-06</span></div>
<div class="tpc_content"><div class="f14 mb10" id="read_tpc">八代正文</div></div></td></tr></table></div>
</body></html>"""


def test_phpwind_tables_on_fragments():
    seg9 = segment_html(parse_html(PHPWIND9))
    assert seg9.engine == "phpwind"
    assert body_lines(seg9, 0) == ["九代正文第一段", "九代正文第二段"]
    assert [(b.text, b.reason) for b in seg9.blocks if b.role == QUOTE] == [("引用的旧帖", "phpwind:quote")]
    assert [(p.floor, p.author, p.date) for p in seg9.posts] == [(1, "风之子", "2014-02-03 04:05"), (1, "路人", "2014-02-03 05:05")]
    seg8 = segment_html(parse_html(PHPWIND8))
    assert seg8.engine == "phpwind"
    assert body_lines(seg8) == ["八代正文"]
    assert (seg8.posts[0].author, seg8.posts[0].date, seg8.posts[0].floor) == ("老会员", "2010-05-06 07:08", 1)
