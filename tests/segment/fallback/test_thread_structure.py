"""The fallback finds a thread by what it is (repeated post units with an author, a date and a
body, in document order, at any depth, with or without classes), not by one layout; and what a
reader does not see as the page's text (hidden by a class or a style rule, overlays, <noscript>
copies) and other threads' previews are never posts. Pages written for the
project: custom elements, bare <div>s, English, German, French, Chinese."""

from __future__ import annotations

from cleaner import clean
from cleaner.segment.blocks import BODY, HIDDEN
from cleaner.segment.fallback.posts import segment_generic
from cleaner.segment.hidden import hidden_selectors, hiding_class, page_styles
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

# ---- loss class 1: replies the fallback did not find

CUSTOM_ELEMENTS = PAGE.format(title="Sourdough starter smells like acetone", head="", body="""
<thread-view><h1>Sourdough starter smells like acetone</h1>
<forum-post><post-author>breadhead</post-author><relative-time datetime="2023-02-11T09:12:00Z">Feb 2023</relative-time>
<post-body><p>My starter is two weeks old and suddenly smells like nail polish remover. Is it dead?</p></post-body></forum-post>
<forum-post><post-author>levain_lou</post-author><relative-time datetime="2023-02-11T10:40:00Z">Feb 2023</relative-time>
<post-body><p>That smell means it is hungry. Feed it twice a day at a higher ratio for a few days.</p></post-body></forum-post>
<forum-post><post-author>crumbshot</post-author><relative-time datetime="2023-02-12T07:05:00Z">Feb 2023</relative-time>
<post-body><p>Same here last winter. A warmer spot in the kitchen fixed it within three feedings.</p></post-body></forum-post>
</thread-view><footer>About · Privacy · Contact</footer>""")


def test_custom_elements_without_classes_are_post_units():
    posts = _posts(CUSTOM_ELEMENTS)
    texts = [" ".join(v) for v in posts.values()]
    assert len(posts) == 3
    assert any("nail polish remover" in t for t in texts)
    assert any("warmer spot in the kitchen" in t for t in texts)
    assert not any("Privacy" in t for t in texts)


BARE_DIVS = PAGE.format(title="Welche Sommerreifen für den Golf?", head="", body="""
<div><h1>Welche Sommerreifen für den Golf?</h1>
<div><div><b>reifenfan</b></div><div title="14.05.2022 18:03">Mai 2022</div><div><p>Ich suche neue Sommerreifen für meinen Golf 7, was könnt ihr empfehlen?</p></div></div>
<div><div><b>schrauber84</b></div><div title="14.05.2022 19:21">Mai 2022</div><div><p>Ich fahre seit zwei Jahren die Premium-Reifen und bin sehr zufrieden damit.</p></div></div>
<div><div><b>golfine</b></div><div title="15.05.2022 08:47">Mai 2022</div><div><p>Achte vor allem auf den Nassgrip, der ist im Sommer bei Regen am wichtigsten.</p></div></div>
</div>""")


def test_class_less_units_with_dates_only_in_attributes_are_posts():
    posts = _posts(BARE_DIVS)
    assert len(posts) == 3
    # each unit is a post with its own text ("Mai 2022", dated in its title attribute, is removed)
    assert ["schrauber84", "Ich fahre seit zwei Jahren die Premium-Reifen und bin sehr zufrieden damit."] in posts.values()


SINGLE_REPLY = PAGE.format(title="Fuite sous l'évier", head="", body="""
<main><article class="question"><h1>Fuite sous l'évier</h1>
<p>Depuis hier j'ai une petite fuite sous l'évier de la cuisine, au niveau du siphon. Faut-il changer le joint ou tout le siphon ?</p>
<p>Le siphon a environ dix ans et il est en plastique.</p></article>
<section id="reponses"><h2>1 réponse</h2>
<div class="reponse"><span class="auteur">plombier_du_13</span> <time datetime="2021-03-02">2 mars 2021</time>
<p>Commencez par le joint, c'est une pièce à deux euros ; si ça fuit encore, changez le siphon.</p></div></section></main>""")


def test_a_thread_with_a_single_reply_keeps_the_question_and_the_reply():
    result = clean(SINGLE_REPLY, replies=True)
    assert len(result.posts) == 2
    question, reply = result.posts
    assert "Depuis hier j'ai une petite fuite sous l'évier de la cuisine, au niveau du siphon. Faut-il changer " \
           "le joint ou tout le siphon ?" in question.text
    assert reply.text.endswith("\nCommencez par le joint, c'est une pièce à deux euros ; si ça fuit encore, changez le siphon.")
    assert "Depuis hier" not in reply.text


FLAT_COMMENTS = PAGE.format(title="Mein erster Blogeintrag", head="", body="""
<div class="entry"><h1>Mein erster Blogeintrag</h1>
<p>Heute beginne ich dieses Blog über das Übersetzen von Fachbüchern, nach zwanzig Jahren im Beruf.</p>
<p>Ich werde hier über Werkzeuge, Fachbegriffe und die Zusammenarbeit mit Verlagen schreiben.</p></div>
<div class="comments"><h3>Kommentare</h3>
<h4>Re: Mein erster Blogeintrag 2004-12-27 12:46 flyingbirds</h4><p>Willkommen! Dein Buch über das Framework habe ich gern gelesen.</p>
<h4>Re: Mein erster Blogeintrag 2004-12-27 12:53 hanna</h4><p>Schön, dass du jetzt auch hier schreibst, ich freue mich darauf.</p>
<h4>Re: Mein erster Blogeintrag 2004-12-27 13:07 ralf</h4><p>Endlich ein Blog über Fachübersetzung, das hat gefehlt.</p>
</div>""")
META_BOX = PAGE.format(title="Export alerts", head="", body="""
<div class="question"><h1>How to export trade alerts</h1><p>Is there a way to export the alerts of the platform to a spreadsheet?</p></div>
<div class="answer-body"><p>There is only one way to do this with the standard functions: set the notifications to email and automate the receiving end.</p>
<p>Another way is a custom watchlist column whose live values a spreadsheet reads; it needs a Windows computer.</p></div>
<div class="answer-meta"><span>Posted by</span> <a href="/u/pete">Pete</a> <span>(Questions: 37, Answers: 4091)</span>
<div>Answered on September 8, 2023 8:12 am</div></div>""")


def test_a_box_of_several_dated_comments_is_not_a_single_reply():
    result = clean(FLAT_COMMENTS, replies=True)
    assert len(result.posts) == 1
    assert "Endlich ein Blog über Fachübersetzung, das hat gefehlt." in result.posts[0].text


def test_the_meta_box_of_an_answer_is_not_a_single_reply():
    result = clean(META_BOX, replies=True)
    assert len(result.posts) == 1
    assert result.posts[0].text.endswith("Posted by Pete (Questions: 37, Answers: 4091)\nAnswered on September 8, 2023 8:12 am")


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


# ---- loss class 6: other threads' preview lists are not the replies

PREVIEWS = PAGE.format(title="Sourdough hydration question", head="", body="""
<div class="topic"><div class="msg"><b>anna</b> <span>2023-03-01 10:00</span><p>What hydration do you use for a beginner loaf? Mine spreads flat every time.</p></div>
<div class="msg"><b>ben</b> <span>2023-03-01 11:00</span><p>Start at 65 percent and go up slowly once shaping feels easy.</p></div></div>
<aside><h3>Latest posts</h3><ul>
<li class="item"><a href="/t/1">Rye bread never rises</a> <span>2023-03-01 09:40</span><p>I have tried three different rye flours this month and none of the loaves rose more than a centimetre in the oven.</p></li>
<li class="item"><a href="/t/2">Best flour for pizza</a> <span>2023-03-01 09:10</span><p>Looking for a flour that gives a chewy crust in a home oven that only reaches two hundred and fifty degrees.</p></li>
<li class="item"><a href="/t/3">Banneton cleaning</a> <span>2023-02-28 22:05</span><p>My banneton has white spots after a week of use and I am not sure whether it is mould or just flour dust.</p></li>
</ul></aside>""")


def test_a_latest_posts_box_is_not_the_reply_group():
    result = clean(PREVIEWS, replies=True)
    assert "Start at 65 percent and go up slowly once shaping feels easy." in result.text
    assert "I have tried three" not in result.text




NEWS_COMMENTS = PAGE.format(title="城市有轨电车客流不足", head="", body="""
<div class="article"><h1>城市有轨电车客流不足</h1>
<p>开通三年来，这条有轨电车线路的日均客流一直没有达到设计预期，运营方正在研究调整班次和票价的方案。</p>
<p>专家认为，没有独立路权是客流不足的主要原因，电车在路口需要和社会车辆一起等灯，速度优势无从体现。</p>
<p>市交通部门表示，将在明年完成沿线信号优先改造，并增加与地铁站之间的换乘接驳。</p></div>
<div class="comment-box"><h3>最新评论</h3><div class="latest-wrap"><div class="list">
<div class="item"><span class="user">云游幽谷</span> <span class="time">2023-05-06 10:12</span><p>只有不停地拆建，经办者才有钱赚，老百姓出行反而更不方便了。</p></div>
<div class="item"><span class="user">瑞迪兔</span> <span class="time">2023-05-06 10:40</span><p>没有独立路权，走起来比公交车还慢，客流少和班次少互相恶性循环。</p></div>
</div></div></div>""")


def test_a_news_article_s_own_latest_comments_are_its_replies():
    result = clean(NEWS_COMMENTS, replies=True)
    assert len(result.posts) == 3
    assert "开通三年来，这条有轨电车线路的日均客流一直没有达到设计预期" in result.posts[0].text
    assert result.posts[2].text == "没有独立路权，走起来比公交车还慢，客流少和班次少互相恶性循环。"
# ---- loss classes 7 and 8, stream events: what a post's template shows beside the author's words

LISTING = PAGE.format(title="Questions tagged [python]", head="", body="""
<div id="questions">
 <div class="q-row"><div class="stats"><div>12 votes</div><div>3 answers</div><div>1.2k views</div></div>
  <div class="summary"><a href="/q/1">How do I merge two dicts?</a><p>I have two dictionaries and want one dict holding the keys of both of them.</p>
  <span>asked 2021-04-02 10:11</span></div></div>
 <div class="q-row"><div class="stats"><div>4 votes</div><div>1 answer</div><div>310 views</div></div>
  <div class="summary"><a href="/q/2">Why is my list empty after the loop?</a><p>The list fills inside the loop but it is empty once the function returns to me.</p>
  <span>asked 2021-04-03 08:40</span></div></div>
 <div class="q-row"><div class="stats"><div>0 votes</div><div>0 answers</div><div>17 views</div></div>
  <div class="summary"><a href="/q/3">Reading a CSV file with a semicolon</a><p>My CSV file uses semicolons and the reader puts every row in a single column.</p>
  <span>asked 2021-04-03 09:02</span></div></div>
</div>""")


def test_row_counters_of_a_listing_page_are_not_text():
    result = clean(LISTING, replies=True)
    assert "I have two dictionaries and want one dict holding the keys of both of them." in result.text
    removed = _removed(result)
    for line in ("12 votes", "3 answers", "1.2k views", "310 views"):
        assert line not in result.text.splitlines()
        assert removed[line] in ("generic:card:counter", "generic:template-line")


USER_CARDS = PAGE.format(title="Kettle descaling", head="", body="""
<div class="topic">
 <div class="p"><div class="card"><b>Marigold</b><div>Senior Member</div><div>Posts: 2,113</div><div>Joined: Mar 2019</div></div>
  <div class="msg"><span>2020-11-02 09:30</span><p>Citric acid works better than vinegar for descaling and leaves no smell behind.</p></div></div>
 <div class="p"><div class="card"><b>kettlekid</b><div>New Member</div><div>Posts: 3</div><div>Joined: Nov 2020</div></div>
  <div class="msg"><span>2020-11-02 10:02</span><p>How much citric acid per litre of water would you use for a normal kettle?</p></div></div>
</div>""")


def test_author_rank_and_post_count_lines_are_not_text():
    result = clean(USER_CARDS, replies=True)
    text = result.text.splitlines()
    assert "Citric acid works better than vinegar for descaling and leaves no smell behind." in text
    assert "How much citric acid per litre of water would you use for a normal kettle?" in text
    removed = _removed(result)
    assert removed["Senior Member"] == "generic:card:rank"
    assert removed["Posts: 2,113"] == "generic:card:user-stat"
    assert "Joined: Nov 2020" not in text


CHARACTER_SHEET = PAGE.format(title="RP sign-ups", head="", body="""
<div class="thread">
 <div class="p"><span>2019-01-01 10:00</span><div class="msg"><p>Name: Aria</p><p>Location: the northern woods</p><p>Aria grew up alone in the woods and trusts nobody, least of all the king's men.</p></div></div>
 <div class="p"><span>2019-01-01 11:00</span><div class="msg"><p>Name: Brom</p><p>Location: the port city</p><p>Brom is a retired sailor who keeps a tavern and hears every rumour first.</p></div></div>
</div>""")


def test_card_like_lines_written_inside_the_message_stay():
    text = clean(CHARACTER_SHEET, replies=True).text.splitlines()
    assert "Location: the northern woods" in text
    assert "Location: the port city" in text


STREAM = PAGE.format(title="Discussion", head="", body="""
<div class="stream">
 <div class="item"><b>jo</b> <time datetime="2022-05-01T10:00">May 1</time><p>Does anyone know when the next release of the plugin is planned?</p></div>
 <div class="item"><p>max replied to this</p></div>
 <div class="item"><b>max</b> <time datetime="2022-05-04T10:00">May 4</time><p>3 days later</p><p>The maintainer said the release is planned for the end of the month.</p></div>
 <div class="item"><b>admin</b> <time datetime="2022-05-05T10:00">May 5</time><p>admin pinned the discussion</p></div>
</div>""")


def test_stream_events_are_not_posts_text():
    result = clean(STREAM, replies=True)
    assert "The maintainer said the release is planned for the end of the month." in result.text
    removed = _removed(result)
    assert removed["3 days later"] == "generic:card:time-gap"
    assert removed["admin pinned the discussion"] == "generic:card:stream-event"
    assert "max replied to this" not in result.text





TABLE_FIGURES = PAGE.format(title="Anmeldezahlen", head="", body="""
<div class="thread">
 <div class="p"><div class="author"><b>kursleiterin</b><div>Mitglied</div><div>82</div><div>116</div></div>
  <div class="msg"><span>2021-09-01 08:00</span><p>Hier die Zahlen der Anmeldungen für das Herbstsemester, nach Kursen geordnet:</p>
  <table><tr><td>Töpfern für Anfänger</td><td>7</td></tr><tr><td>Aquarell am Abend</td><td>16</td></tr></table></div></div>
 <div class="p"><div class="author"><b>gast_karl</b><div>Moderator</div><div>Beiträge: 3</div></div>
  <div class="msg"><span>2021-09-01 09:15</span><p>Danke! Gibt es für den Aquarellkurs noch eine Warteliste?</p></div></div>
</div>""")


def test_bare_numbers_go_beside_a_card_line_and_stay_in_a_table():
    result = clean(TABLE_FIGURES, replies=True)
    text = result.text.splitlines()
    removed = _removed(result)
    assert removed["Mitglied"] == "generic:card:rank"
    assert removed["82"] == removed["116"] == "generic:card:counter"
    assert removed["Beiträge: 3"] == "generic:card:user-stat"
    assert ["Töpfern für Anfänger", "7", "Aquarell am Abend", "16"] == text[2:6]


def test_a_name_a_media_query_shows_again_is_not_hidden():
    # mobile-first: hidden on small screens, shown on a desktop
    css = ".side-nav{display:none} #tips{display:none} @media (min-width: 768px) { .side-nav { display: block } }"
    assert hidden_selectors(css) == (set(), {"tips"})


def test_a_page_s_style_rules_are_read_for_its_own_tree_only():
    first = parse_html(OVERLAYS)
    assert ".help-pop{display:none}" in page_styles(first)
    second = parse_html(PAGE.format(title="No styles", head="", body="<p>Nothing hidden on this page at all.</p>"))
    assert page_styles(second) == ""
    assert page_styles(first) == ""  # (another page was parsed since: never read for the wrong tree)
