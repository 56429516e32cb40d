"""Hand-written markup templates that mimic real Chinese forum engines, for composed samples.

Each renderer turns a ThreadSpec (posts made of typed lines) into the page a crawler would
save: Discuz! X3 (desktop and mobile), Discuz! 7.2, PHPWind 9 and 8, Tieba, and plain-text
dumps of rendered Discuz!/PHPWind/Tieba pages like samples/seed. The markup follows the
real pages in /work/shared/data/forum_pages/magic_html_forum (eaddae4e..., 6db2e2d6...).
Used only by scripts/build_samples.py; not part of the package.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from html import escape

# kinds of lines in a post body; only "text" is content
CONTENT = "text"
SPAM = "spam"  # an injected ad line, visible
HIDDEN_SPAM = "hidden_spam"  # an ad in display:none / zero font size
QUOTE = "quote"  # quoted text of an earlier post
EDIT = "edit"  # "本帖最后由 X 于 T 编辑"
ATTACH = "attach"  # an image attachment box inside the message
SIGN = "sign"  # signature line (may be an ad: then it is also listed in spam.txt)


@dataclass
class Line:
    kind: str
    text: str


@dataclass
class PostSpec:
    author: str
    date: str
    lines: list[Line]
    spam_post: bool = False  # the whole reply is an ad
    quote_author: str = ""
    quote_date: str = ""


@dataclass
class ThreadSpec:
    engine: str
    title: str
    site: str
    board: str
    tid: int
    posts: list[PostSpec]
    charset: str | None = "utf-8"  # declared in <meta>; None = undeclared
    jammer: str | None = None  # "font" | "span" | None
    hidden_links: list[str] = field(default_factory=list)  # display:none link farm
    friend_links: list[str] = field(default_factory=list)  # 友情链接 block in the footer
    icp: str = "京ICP备12048817号-2"
    seed: int = 0


FLOOR_NAMES = {1: "楼主", 2: "沙发", 3: "板凳", 4: "地板"}


def floor_name(n: int) -> str:
    return FLOOR_NAMES.get(n, f"{n}#")


def jammer_noise(rng: random.Random) -> str:
    """Discuz! anti-copy noise: 5-15 times chr(32..59) + ' ' + chr(63..126)."""
    return "".join(chr(rng.randint(32, 59)) + " " + chr(rng.randint(63, 126)) for _ in range(rng.randint(5, 15)))


def _meta_charset(spec: ThreadSpec) -> str:
    if spec.charset is None:
        return ""
    return f'<meta http-equiv="Content-Type" content="text/html; charset={spec.charset}" />\n'


def _discuz_body(post: PostSpec, spec: ThreadSpec, rng: random.Random, pid: int) -> str:
    """The inside of td.t_f: lines joined by <br />, jammer noise at some breaks."""
    parts = []
    for line in post.lines:
        t = escape(line.text)
        if line.kind == EDIT:
            parts.append(f'<i class="pstatus"> {t} </i><br />\r\n<br />\r\n')
        elif line.kind == QUOTE:
            parts.append(
                f'<div class="quote"><blockquote><font size="2"><a href="forum.php?mod=redirect&amp;goto=findpost&amp;pid={pid - 1}&amp;ptid={spec.tid}" target="_blank">'
                f'<font color="#999999">{escape(post.quote_author)} 发表于 {escape(post.quote_date)}</font></a></font><br />\r\n{t}</blockquote></div><br />\r\n'
            )
        elif line.kind == ATTACH:
            parts.append(
                f'<ignore_js_op><img id="aimg_{pid}1" aid="{pid}1" src="static/image/common/none.gif" zoomfile="data/attachment/forum/202304/12/{t}" file="data/attachment/forum/202304/12/{t}" class="zoom" width="600" alt="{t}" title="{t}" />'
                f'<div class="tip tip_4 aimg_tip" id="aimg_{pid}1_menu" style="position: absolute; display: none" disautofocus="true"><div class="xs0">'
                f'<p><strong>{t}</strong> <em class="xg1">(86.33 KB, 下载次数: 12)</em></p><p><a href="javascript:;">下载附件</a> &nbsp;<a href="javascript:;">保存到相册</a></p>'
                f'<p class="xg1 y">2023-4-12 09:21 上传</p></div><div class="tip_horn"></div></div></ignore_js_op><br />\r\n'
            )
        elif line.kind == HIDDEN_SPAM:
            parts.append(f'<font style="font-size:0px;color:#FFFFFF">{t}</font>')
        elif line.kind in (CONTENT, SPAM):
            noise = ""
            if spec.jammer == "font" and rng.random() < 0.7:
                noise = f'<font class="jammer">{escape(jammer_noise(rng))}</font>'
            elif spec.jammer == "span" and rng.random() < 0.7:
                noise = f'<span style="display:none">{escape(jammer_noise(rng))}</span>'
            parts.append(f"{t}{noise}\r\n<br />\r\n")
    return "".join(parts)


def _header(spec: ThreadSpec) -> str:
    return f"""<div id="toptb" class="cl"><div class="wp"><div class="z"><a href="./">设为首页</a><a href="javascript:;">收藏本站</a></div>
<div class="y"><a href="member.php?mod=register">注册</a> | <a href="member.php?mod=logging&amp;action=login">登录</a> | <a href="member.php?mod=logging&amp;action=login&amp;viewlostpw=1">找回密码</a></div></div></div>
<div id="hd"><div class="wp"><div class="hdc cl"><h2><a href="./" title="{escape(spec.site)}">{escape(spec.site)}</a></h2></div>
<div id="nv"><ul><li><a href="portal.php">首页</a></li><li class="a"><a href="forum.php">论坛</a></li><li><a href="group.php">群组</a></li><li><a href="home.php">家园</a></li><li><a href="misc.php?mod=ranklist">排行榜</a></li></ul></div>
<div id="scbar" class="cl"><form><input type="text" name="srchtxt" value="请输入搜索内容" /><button type="submit">搜索</button></form><strong class="xw1">热搜: </strong><a href="search.php">活动</a> <a href="search.php">交友</a> <a href="search.php">discuz</a></div></div></div>
<div id="pt" class="bm cl"><div class="z"><a href="./" class="nvhm" title="首页">{escape(spec.site)}</a> <em>&rsaquo;</em> <a href="forum.php">论坛</a> <em>&rsaquo;</em> <a href="forum.php?mod=forumdisplay&amp;fid=37">{escape(spec.board)}</a> <em>&rsaquo;</em> <a href="forum.php?mod=viewthread&amp;tid={spec.tid}">{escape(spec.title)}</a></div></div>
"""


def _sidebar() -> str:
    return """<div id="sd" class="sd"><div class="bm"><div class="bm_h"><h2>热门帖子</h2></div><div class="bm_c"><ul class="xl">
<li><a href="thread-9001-1-1.html">本周版聚活动报名开始啦</a></li><li><a href="thread-9002-1-1.html">新人报到专用帖</a></li><li><a href="thread-9003-1-1.html">版规及发帖须知（必看）</a></li></ul></div></div></div>
"""


def _footer(spec: ThreadSpec) -> str:
    links = ""
    if spec.friend_links:
        items = " ".join(f'<a href="http://www.{i}-link.com/" target="_blank">{escape(t)}</a>' for i, t in enumerate(spec.friend_links))
        links = f'<div class="bm lk"><div class="bm_h"><h2>友情链接</h2></div><div class="bm_c ptm"><ul class="x mbm cl"><li>{items}</li></ul></div></div>\n'
    hidden = ""
    if spec.hidden_links:
        items = "".join(f'<a href="http://www.{i}x-seo.net/">{escape(t)}</a>\n' for i, t in enumerate(spec.hidden_links))
        hidden = f'<div style="display:none">\n{items}</div>\n'
    return f"""{links}<div id="ft" class="wp cl"><div id="flk" class="y"><p><a href="archiver/">Archiver</a><span class="pipe">|</span><a href="forum.php?mobile=yes">手机版</a><span class="pipe">|</span><a href="forum.php?mod=misc&amp;action=showdarkroom">小黑屋</a><span class="pipe">|</span><strong><a href="./">{escape(spec.site)}</a></strong> ( <a href="https://beian.miit.gov.cn/" target="_blank">{escape(spec.icp)}</a> )</p>
<p class="xs0">GMT+8, 2023-5-2 10:22<span id="debuginfo">, Processed in 0.061 second(s), 22 queries.</span></p></div>
<div id="frt"><p>Powered by <strong><a href="http://www.discuz.net" target="_blank">Discuz!</a></strong> <em>X3.4</em></p><p class="xs0">&copy; 2001-2017 <a href="http://www.comsenz.com" target="_blank">Comsenz Inc.</a></p></div></div>
{hidden}"""


def _sign_html(post: PostSpec) -> str:
    signs = [escape(x.text) for x in post.lines if x.kind == SIGN]
    return f'<div class="sign" style="max-height:100px;maxHeightIE:100px;">{"<br />".join(signs)}</div>\n' if signs else ""


def render_discuz_x3(spec: ThreadSpec) -> str:
    rng = random.Random(spec.seed)
    posts = []
    for n, post in enumerate(spec.posts, 1):
        pid = spec.tid * 10 + n
        body = _discuz_body(post, spec, rng, pid)
        attach_box = ""
        if n == 1 and any(x.kind == ATTACH for x in post.lines):
            attach_box = f'<div class="pattl"><div class="tattl"><dl class="tattl"><dt><img src="static/image/filetype/rar.gif" border="0" class="vm" alt="" /></dt><dd><p class="attnm"><a href="forum.php?mod=attachment&amp;aid={pid}2" target="_blank">资料汇编.rar</a></p><div class="tip tip_4"><div class="tip_c xs0"><p>2023-4-12 09:30 上传</p><p>点击文件名下载附件</p><p>下载积分: 金钱 -1 </p></div></div><p>12.6 KB, 下载次数: 58</p></dd></dl></div></div>\n'
        posts.append(f"""<div id="post_{pid}"><table id="pid{pid}" class="plhin" summary="pid{pid}" cellspacing="0" cellpadding="0"><tr>
<td class="pls" rowspan="2"><div id="favatar{pid}" class="pls favatar"><div class="pi"><div class="authi"><a href="home.php?mod=space&amp;uid={pid}" target="_blank" class="xw1">{escape(post.author)}</a></div></div>
<div class="tns xg2"><table cellspacing="0" cellpadding="0"><tr><th><p><a href="#" class="xi2">{3 + n}</a></p>主题</th><th><p><a href="#" class="xi2">{40 + 7 * n}</a></p>帖子</th><td><p><a href="#" class="xi2">{120 + 13 * n}</a></p>积分</td></tr></table></div>
<p><em><a href="home.php?mod=spacecp&amp;ac=usergroup&amp;gid=10" target="_blank">注册会员</a></em></p><dl class="pil cl"><dt>积分</dt><dd><a href="#" class="xi2">{120 + 13 * n}</a></dd></dl></div></td>
<td class="plc"><div class="pi"><strong><a href="forum.php?mod=redirect&amp;goto=findpost&amp;ptid={spec.tid}&amp;pid={pid}" id="postnum{pid}">{floor_name(n)}</a></strong>
<div class="pti"><div class="authi"><img class="authicn vm" src="static/image/common/online_member.gif" /><em id="authorposton{pid}">发表于 {escape(post.date)}</em><span class="pipe">|</span><a href="forum.php?mod=viewthread&amp;tid={spec.tid}&amp;page=1&amp;authorid={pid}" rel="nofollow">只看该作者</a></div></div></div>
<div class="pct"><div class="pcb"><div class="t_fsz"><table cellspacing="0" cellpadding="0"><tr><td class="t_f" id="postmessage_{pid}">
{body}</td></tr></table>
{attach_box}</div><div id="comment_{pid}" class="cm"></div><div id="post_rate_div_{pid}"></div></div></div>
{_sign_html(post)}</td></tr>
<tr><td class="plc plm"></td></tr>
<tr><td class="pls"></td><td class="plc" style="overflow:visible;"><div class="po hin"><div class="pob cl"><em><a class="fastre" href="forum.php?mod=post&amp;action=reply&amp;fid=37&amp;tid={spec.tid}&amp;reppost={pid}">回复</a></em>
<p><a href="javascript:;" onclick="showWindow('miscreport{pid}', 'misc.php?mod=report&amp;rid={pid}');return false;">举报</a></p></div></div></td></tr>
</table></div>
""")
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
{_meta_charset(spec)}<title>{escape(spec.title)} - {escape(spec.board)} -  {escape(spec.site)} -  Powered by Discuz!</title>
<meta name="keywords" content="{escape(spec.title)}" /><meta name="generator" content="Discuz! X3.4" /><meta name="author" content="Discuz! Team and Comsenz UI Team" />
<link rel="stylesheet" type="text/css" href="data/cache/style_1_common.css?Zrt" /><script type="text/javascript">var STYLEID = '1', discuz_uid = '0';</script>
</head><body id="nv_forum" class="pg_viewthread">
{_header(spec)}<div id="wp" class="wp"><div id="ct" class="wp cl"><div class="pgs mtm mbm cl"><span class="pgb y"><a href="forum.php?mod=forumdisplay&amp;fid=37">返回列表</a></span><a id="newspecial" href="javascript:;" title="发新帖">发新帖</a></div>
<div id="postlist" class="pl bm"><table cellspacing="0" cellpadding="0"><tr><td class="pls ptn pbn"><div class="hm ptn"><span class="xg1">查看:</span> <span class="xi1">{spec.tid % 997 + 300}</span><span class="pipe">|</span><span class="xg1">回复:</span> <span class="xi1">{len(spec.posts) - 1}</span></div></td>
<td class="plc ptm pbn vwthd"><h1 class="ts"><span id="thread_subject">{escape(spec.title)}</span></h1><span class="xg1"><a href="forum.php?mod=viewthread&amp;tid={spec.tid}" onclick="return copyThreadUrl(this, '{escape(spec.site)}')">[复制链接]</a></span></td></tr></table>
{"".join(posts)}</div><div class="pgs mtm mbm cl"><a href="forum.php?mod=forumdisplay&amp;fid=37" class="y pgb">返回列表</a></div>
</div>{_sidebar()}</div>
{_footer(spec)}</body></html>
"""


def render_discuz_mobile(spec: ThreadSpec) -> str:
    rng = random.Random(spec.seed)
    posts = []
    for n, post in enumerate(spec.posts, 1):
        pid = spec.tid * 10 + n
        body = _discuz_body(post, spec, rng, pid)
        posts.append(f"""<div class="plc cl" id="pid{pid}"><span class="avatar"><img src="uc_server/avatar.php?uid={pid}&amp;size=small" style="width:32px;height:32px;" /></span>
<div class="display pi"><ul class="authi"><li class="grey"><em>{floor_name(n)}</em><b><a href="home.php?mod=space&amp;uid={pid}">{escape(post.author)}</a></b></li><li class="grey rela">{escape(post.date)}</li></ul>
<div class="message">{body}</div></div></div>
""")
    return f"""<!DOCTYPE html><html><head>{_meta_charset(spec)}<meta name="viewport" content="width=device-width, initial-scale=1.0, minimum-scale=1.0, maximum-scale=1.0, user-scalable=no" />
<title>{escape(spec.title)} - 手机版 - {escape(spec.site)} - Powered by Discuz!</title></head><body class="bg">
<div class="header cl"><div class="mz"><a href="javascript:history.back();"><img src="static/image/mobile/images/icon_back.png" /></a></div><h2><a href="forum.php?mod=forumdisplay&amp;fid=37">{escape(spec.board)}</a></h2></div>
<div class="wp"><div class="vt"><div class="bm cl"><div class="h1 cl"><h2><span class="thread_subject">{escape(spec.title)}</span></h2></div>
<div class="postlist">
{"".join(posts)}</div></div></div></div>
<div class="footer"><div><a href="forum.php">首页</a> | <a href="member.php?mod=logging&amp;action=login">登录</a> | <a href="member.php?mod=register">注册</a></div>
<p>&copy; {escape(spec.site)} | <a href="forum.php?mobile=no">电脑版</a></p><p>Powered by Discuz! X3.2</p></div>
{_footer(spec) if spec.hidden_links else ""}</body></html>
"""


def render_discuz_72(spec: ThreadSpec) -> str:
    rng = random.Random(spec.seed)
    posts = []
    for n, post in enumerate(spec.posts, 1):
        pid = spec.tid * 10 + n
        body = _discuz_body(post, spec, rng, pid)
        sign = "".join(f'<div class="signatures" style="maxHeightIE: 200px;">{escape(x.text)}</div>' for x in post.lines if x.kind == SIGN)
        posts.append(f"""<div id="post_{pid}" class="mainbox viewthread"><table id="pid{pid}" summary="pid{pid}" cellspacing="0" cellpadding="0"><tr>
<td class="postauthor"><div class="postinfo"><a target="_blank" href="space.php?uid={pid}" style="margin-left: 20px; font-weight: 800">{escape(post.author)}</a></div>
<dl class="profile s_clear"><dt>UID</dt><dd>{pid}&nbsp;</dd><dt>帖子</dt><dd>{30 + n}&nbsp;</dd><dt>精华</dt><dd>0&nbsp;</dd><dt>积分</dt><dd>{80 + n}&nbsp;</dd></dl></td>
<td class="postcontent"><div class="postinfo"><strong><a title="复制本帖链接" id="postnum{pid}" href="javascript:;"><em>{n}</em><sup>#</sup></a></strong>
<div class="posterinfo"><div class="authorinfo"><em id="authorposton{pid}">发表于 {escape(post.date)}</em> | <a href="viewthread.php?tid={spec.tid}&amp;page=1&amp;authorid={pid}" rel="nofollow">只看该作者</a></div></div></div>
<div class="defaultpost"><div class="postmessage firstpost"><div class="t_msgfontfix"><table cellspacing="0" cellpadding="0"><tr><td class="t_msgfont" id="postmessage_{pid}">{body}</td></tr></table></div></div>
{sign}</div></td></tr>
<tr><td class="postauthor"></td><td class="postcontent"><div class="postactions"><p><a href="post.php?action=reply&amp;fid=12&amp;tid={spec.tid}&amp;repquote={pid}">引用</a> <a href="misc.php?action=report&amp;pid={pid}">报告</a> <a href="javascript:;" onclick="scrollTo(0,0);">TOP</a></p></div></td></tr></table></div>
""")
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>{_meta_charset(spec)}<title>{escape(spec.title)} - {escape(spec.board)} - {escape(spec.site)} - Powered by Discuz!</title>
<meta name="generator" content="Discuz! 7.2" /></head><body>
<div id="header"><div class="wrap s_clear"><h2><a href="index.php" title="{escape(spec.site)}">{escape(spec.site)}</a></h2>
<div id="umenu"><a href="logging.php?action=login">登录</a><a href="register.php" class="noborder">注册</a></div>
<div id="menu"><ul><li class="menu_1"><a href="index.php" hidefocus="true">论坛首页</a></li><li class="menu_2"><a href="search.php">搜索</a></li><li class="menu_3"><a href="faq.php">帮助</a></li></ul></div></div></div>
<div id="nav"><a href="index.php">{escape(spec.site)}</a> &raquo; <a href="forumdisplay.php?fid=12">{escape(spec.board)}</a> &raquo; {escape(spec.title)}</div>
<div id="wrap" class="wrap s_clear threadfix"><div class="forumcontrol s_clear"><table cellspacing="0" cellpadding="0"><tr><td class="modaction"></td><td><span class="pageback"><a href="forumdisplay.php?fid=12">返回列表</a></span><span class="replybtn"><a href="post.php?action=reply&amp;tid={spec.tid}">回复</a></span></td></tr></table></div>
<div id="postlist" class="mainbox viewthread"><h1>{escape(spec.title)}</h1>
{"".join(posts)}</div></div>
<div id="footer"><div class="wrap s_clear"><div id="footlinks"><p><a href="mailto:admin@example.cn">联系我们</a> - <a href="archiver/">Archiver</a> - <a href="wap/">WAP</a></p><p class="smalltext">GMT+8, 2012-3-1 21:06, <span id="debuginfo">Processed in 0.018011 second(s), 6 queries</span>.</p></div>
<p id="copyright">Powered by <strong><a href="http://www.discuz.net" target="_blank">Discuz!</a></strong> <em>7.2</em> &copy; 2001-2009 <a href="http://www.comsenz.com" target="_blank">Comsenz Inc.</a></p><p>{escape(spec.icp)}</p></div></div>
{_footer(spec) if spec.hidden_links or spec.friend_links else ""}</body></html>
"""


def _plain_body(post: PostSpec, tag_p: bool = False) -> str:
    """Body for PHPWind/Tieba: lines separated by <br />, hidden spam as display:none."""
    out = []
    for line in post.lines:
        t = escape(line.text)
        if line.kind in (CONTENT, SPAM):
            out.append(f"<p>{t}</p>" if tag_p else f"{t}<br />")
        elif line.kind == HIDDEN_SPAM:
            out.append(f'<span style="display:none">{t}</span>')
        elif line.kind == QUOTE:
            out.append(f'<blockquote class="blockquote"><span class="username">{escape(post.quote_author)}:</span>{t}</blockquote>')
        elif line.kind == EDIT:
            out.append(f'<span class="edit_tip">[ {t} ]</span><br />')
    return "\n".join(out)


def render_phpwind9(spec: ThreadSpec) -> str:
    posts = []
    for n, post in enumerate(spec.posts, 1):
        pid = spec.tid * 10 + n
        sign = "".join(f'<div class="bbs_sign">{escape(x.text)}</div>' for x in post.lines if x.kind == SIGN)
        posts.append(f"""<div class="read_t"><table width="100%" class="floot"><tr><td rowspan="2" class="floot_left"><div class="floot_leftdiv"><a href="u.php?uid={pid}" class="name">{escape(post.author)}</a><div class="face"><img src="res/images/face/face_small.jpg" width="50" height="50" /></div><div class="level">级别: 新手上路</div></div></td>
<td class="floot_right" id="td_{pid}"><div class="floot_title"><div class="fr"><a href="#" class="floor">{"楼主" if n == 1 else f"{n - 1}楼"}</a></div><em>发布于：{escape(post.date)}</em> <a href="read.php?tid={spec.tid}&amp;uid={pid}">只看该作者</a></div>
<div class="read_h1">{escape(spec.title) if n == 1 else ""}</div><div class="editor_content" id="read_{pid}">{_plain_body(post)}</div>{sign}</td></tr>
<tr><td class="floot_bottom"><div class="tipTop"><a href="#" class="reply">回复</a><a href="#" class="quote">引用</a><a href="#" class="report">举报</a><a href="#top">顶端</a></div></td></tr></table></div>
""")
    return f"""<!doctype html><html><head>{_meta_charset(spec)}<title>{escape(spec.title)}-{escape(spec.board)}-{escape(spec.site)} - Powered by phpwind</title><meta name="generator" content="phpwind 9.0.2" /></head><body>
<div class="header_wrap"><div class="header"><h1 class="logo"><a href="index.php">{escape(spec.site)}</a></h1><div class="nav"><ul><li><a href="index.php">首页</a></li><li class="current"><a href="bbs/">论坛</a></li><li><a href="like/">喜欢</a></li></ul></div>
<div class="header_login"><a href="u/login/">登录</a><a href="u/register/">注册</a></div></div></div>
<div class="bread_crumb"><a href="index.php" class="home">首页</a><em>&gt;</em><a href="bbs/">论坛</a><em>&gt;</em><a href="thread/12">{escape(spec.board)}</a><em>&gt;</em>{escape(spec.title)}</div>
<div class="main"><div class="read_thread">{"".join(posts)}</div></div>
<div class="footer_wrap"><div class="footer"><div class="bottom"><a href="#">关于我们</a><a href="#">联系我们</a><a href="#">友情链接</a></div><p>Powered by <a href="http://www.phpwind.net/" target="_blank">phpwind v9.0</a> &copy;2003-2015 <a href="http://www.phpwind.com">phpwind.com</a> <a href="#">{escape(spec.icp)}</a></p></div></div>
{_footer(spec) if spec.hidden_links or spec.friend_links else ""}</body></html>
"""


def render_phpwind8(spec: ThreadSpec) -> str:
    posts = []
    for n, post in enumerate(spec.posts, 1):
        pid = spec.tid * 10 + n
        div_id = "read_tpc" if n == 1 else f"read_{pid}"
        posts.append(f"""<div class="t5 t2" style="border-top:0"><table cellspacing="0" cellpadding="0" width="100%" style="table-layout:fixed;"><tr class="tr1 r_one">
<th style="width:170px" class="r_two" rowspan="2"><b>{escape(post.author)}</b><div class="user-pic"><img src="images/face/none.gif" /></div><span class="user-info">级别: 侠客<br />精华: 0<br />发帖: {20 + n}</span></th>
<th height="100%" class="r_one" valign="top" id="td_{'tpc' if n == 1 else pid}"><div class="tiptop"><span class="fl"><a>{'楼主' if n == 1 else f'{n - 1}楼'}</a></span><span class="fl gray" title="{escape(post.date)}">发表于: {escape(post.date)}</span> <span class="fr"><a href="read.php?tid={spec.tid}&amp;uid={pid}">只看该作者</a></span></div>
<div class="tpc_content"><div class="f14" id="{div_id}">{_plain_body(post)}</div></div></th></tr>
<tr class="tr1 r_one"><th><div class="tipad"><span class="fl"><a href="post.php?action-reply-tid-{spec.tid}">回复</a> <a href="post.php?action-quote-tid-{spec.tid}-pid-{pid}">引用</a></span><a href="javascript:scroll(0,0)">TOP</a></div></th></tr></table></div>
""")
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head>{_meta_charset(spec)}<title>{escape(spec.title)}|{escape(spec.board)} - {escape(spec.site)} - Powered by PHPWind</title><meta name="generator" content="PHPWind 8.7" /></head><body>
<div id="header"><div id="top"><a href="login.php">登录</a> | <a href="register.php">注册</a></div><div id="nav"><a href="index.php">论坛首页</a> <a href="search.php">搜索</a> <a href="hack.php?H_name=bank">银行</a></div></div>
<div id="breadCrumb"><a href="index.php">{escape(spec.site)}</a> &raquo; <a href="thread.php?fid=5">{escape(spec.board)}</a> &raquo; <a href="read.php?tid={spec.tid}">{escape(spec.title)}</a></div>
<div id="main"><div class="t3"><span class="fr"><a href="post.php?fid=5">发帖</a> <a href="post.php?action-reply-tid-{spec.tid}">回复</a></span></div>
<div class="t5"><h1 id="subject_tpc">{escape(spec.title)}</h1></div>{"".join(posts)}</div>
<div id="footer"><div class="bottom tac">Powered by <a href="http://www.phpwind.net/" target="_blank"><b>PHPWind</b></a> v8.7 &copy; 2003-12 <a href="http://www.phpwind.com" target="_blank">phpwind.com</a> <a href="#">{escape(spec.icp)}</a><br />Gzip enabled</div></div>
{_footer(spec) if spec.hidden_links or spec.friend_links else ""}</body></html>
"""


def render_tieba(spec: ThreadSpec) -> str:
    posts = []
    for n, post in enumerate(spec.posts, 1):
        pid = 140000000000 + spec.tid * 10 + n
        first = " d_post_content_firstfloor" if n == 1 else ""
        posts.append(f"""<div class="l_post l_post_bright j_l_post clearfix" data-pid="{pid}"><div class="d_author"><ul class="p_author"><li class="icon"><a class="p_author_face" href="/home/main?id=tb.{pid}"><img username="{escape(post.author)}" src="https://gss0.bdstatic.com/portrait/item/tb.{pid}" /></a></li>
<li class="d_name"><a class="p_author_name j_user_card" href="/home/main?id=tb.{pid}" target="_blank">{escape(post.author)}</a></li><li class="l_badge"><div class="p_badge"><div class="d_badge_title ">初级粉丝</div><div class="d_badge_lv">3</div></div></li></ul></div>
<div class="d_post_content_main{first}"><div class="p_content "><cc><div id="post_content_{pid}" class="d_post_content j_d_post_content " style="display:;">            {_plain_body(post)}</div><br></cc></div>
<div class="core_reply j_lzl_wrapper"><div class="core_reply_tail clearfix"><div class="post-tail-wrap"><span class="tail-info">来自</span><a class="tail-info" href="#">Android客户端</a><span class="tail-info">{n}楼</span><span class="tail-info">{escape(post.date)}</span></div>
<ul class="p_reply"><li><a href="#" class="lzl_link_unfold">回复</a></li></ul></div></div></div></div>
""")
    return f"""<!DOCTYPE html><html><head>{_meta_charset(spec)}<title>{escape(spec.title)}_{escape(spec.board)}吧_百度贴吧</title></head><body>
<div id="com_userbar"><ul><li><a href="//www.baidu.com/">百度首页</a></li><li><a href="#">登录</a></li><li><a href="#">注册</a></li></ul></div>
<div class="card_title"><a class="card_title_fname" href="/f?kw={escape(spec.board)}">{escape(spec.board)}吧</a><span class="card_menNum">关注：12,031</span><span class="card_infoNum">贴子：98,772</span></div>
<div class="core_title_wrap_bright clearfix" id="j_core_title_wrap"><h3 class="core_title_txt pull-left text-overflow" title="{escape(spec.title)}">{escape(spec.title)}</h3>
<ul class="core_title_btns pull-right"><li><a id="lzonly_cntn" href="/p/{spec.tid}?see_lz=1" class="btn-sub btn-small">只看楼主</a></li><li><a href="#" class="btn-sub btn-small">收藏</a></li><li><a href="#">回复</a></li></ul></div>
<div class="p_postlist" id="j_p_postlist">{"".join(posts)}</div>
<div class="l_thread_info"><ul class="l_posts_num"><li class="l_reply_num"><span class="red">{len(spec.posts)}</span>回复贴，共<span class="red">1</span>页</li></ul></div>
<div id="footer" class="footer"><p>&copy;2023 Baidu <a href="//www.baidu.com/duty/">使用百度前必读</a> <a href="#">贴吧协议</a> <a href="#">隐私政策</a> <a href="#">吧主制度</a> <a href="#">意见反馈</a> <a href="#">网络谣言警示</a></p></div>
{_footer(spec) if spec.hidden_links or spec.friend_links else ""}</body></html>
"""


RENDERERS = {
    "discuz_x3": render_discuz_x3,
    "discuz_mobile": render_discuz_mobile,
    "discuz_72": render_discuz_72,
    "phpwind9": render_phpwind9,
    "phpwind8": render_phpwind8,
    "tieba": render_tieba,
}


def _text_body(post: PostSpec, spec: ThreadSpec, rng: random.Random) -> list[str]:
    """Body lines of a rendered page copied as text; jammer noise shows inside or between lines."""
    out = []
    for line in post.lines:
        if line.kind in (CONTENT, SPAM, HIDDEN_SPAM):
            text = line.text
            if spec.jammer and line.kind == CONTENT:
                roll = rng.random()
                if roll < 0.3:
                    text += jammer_noise(rng)  # noise glued to the end of the line
                elif roll < 0.55:
                    out.append(jammer_noise(rng))  # noise on a line of its own
            out.append(text)
        elif line.kind == QUOTE:
            out.append(f"{post.quote_author} 发表于 {post.quote_date}")
            out.append(line.text)
        elif line.kind == EDIT:
            out.append(line.text)
        elif line.kind == ATTACH:
            out.extend([line.text, "(86.33 KB, 下载次数: 12)", "下载附件  保存到相册", "2023-4-12 09:21 上传"])
    return out


def render_text_discuz(spec: ThreadSpec) -> str:
    rng = random.Random(spec.seed)
    out = [spec.site, "", "注册", "", " ", "", "发新话题 回复该主题", "", f"{spec.title} [复制链接]", ""]
    for n, post in enumerate(spec.posts, 1):
        out.append(f"{n}#")
        if n > 1:
            out.append(f"{post.author} 发表于 {post.date} | 只看该作者")
        for line in _text_body(post, spec, rng):
            out.extend([line, ""])
        out.extend(x.text for x in post.lines if x.kind == SIGN)
        out.extend(["分享 转发", "TOP"])
    out.append("发新话题 回复该主题")
    if spec.friend_links:
        out.extend(["友情链接", "  ".join(spec.friend_links)])
    out.extend(["", f"Powered by Discuz! 7.2 © 2001-2009 Comsenz Inc. {spec.icp}"])
    return "\n".join(out) + "\n"


def render_text_phpwind(spec: ThreadSpec) -> str:
    rng = random.Random(spec.seed)
    out = [f"{spec.site}", "首页 | 论坛 | 喜欢", "登录 | 注册", f"首页 > 论坛 > {spec.board} > {spec.title}", "", spec.title, ""]
    for n, post in enumerate(spec.posts, 1):
        out.append(post.author)
        out.append(f"{'楼主' if n == 1 else f'{n - 1}楼'}  发布于：{post.date}  只看该作者")
        out.extend(_text_body(post, spec, rng))
        out.extend(x.text for x in post.lines if x.kind == SIGN)
        out.extend(["回复 引用 举报 顶端", ""])
    if spec.friend_links:
        out.extend(["友情链接"] + spec.friend_links)
    out.extend([f"Powered by phpwind v9.0 ©2003-2015 phpwind.com {spec.icp}"])
    return "\n".join(out) + "\n"


def render_text_tieba(spec: ThreadSpec) -> str:
    rng = random.Random(spec.seed)
    out = ["百度首页 登录 注册", f"{spec.board}吧", "关注：12,031贴子：98,772", spec.title, "只看楼主 收藏 回复", ""]
    for n, post in enumerate(spec.posts, 1):
        out.extend([post.author, "初级粉丝", "3"])
        out.extend(_text_body(post, spec, rng))
        out.extend([f"来自Android客户端{n}楼{post.date}", "回复", ""])
    out.append(f"{len(spec.posts)}回复贴，共1页")
    out.append("©2023 Baidu 使用百度前必读 贴吧协议 隐私政策 吧主制度 意见反馈 网络谣言警示")
    return "\n".join(out) + "\n"


TEXT_RENDERERS = {
    "discuz_text": render_text_discuz,
    "phpwind_text": render_text_phpwind,
    "tieba_text": render_text_tieba,
}
