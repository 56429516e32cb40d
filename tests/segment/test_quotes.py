"""Quote provenance (cleaner.segment.quotes): a quote of a post goes as ``<engine>:quote``; a cited outside
text (an article pasted in [quote] tags) stays as the post's body, only its header goes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from cleaner import clean
from cleaner.segment.blocks import BODY, QUOTE
from cleaner.segment.html import segment_html
from cleaner.segment.parse import parse_html
from cleaner.lexicon import QUOTE_HEADERS
from cleaner.segment.quotes import (
    POST_LINKS,
    QUOTE_HEADER,
    REFERENCE_ATTRIBUTES,
    PageQuotes,
    decide,
    header_rule,
    post_link_rule,
    read_quote,
    reference_rule,
)

ARTICLE = ("The committee published its report on Tuesday, finding that the river had risen "
           "faster than any model predicted and that the levees were inspected too rarely.")
STORY = ("Tommy visited the frosting factory at dawn, where the great machines hummed and the "
         "workers sang old songs while the ovens warmed the grey morning air.")
ALICE = "I think the new levee plan is too expensive for a town of this size."


def _lines(html: str) -> list:
    return segment_html(parse_html(html)).blocks


def _find(blocks, text: str):
    return [b for b in blocks if text in b.text]


# ------------------------------------------------------------------ engine-shaped pages

def _xf_post(num: int, author: str, body: str) -> str:
    return (f'<article class="message" data-author="{author}" data-content="post-{num}" id="js-post-{num}">'
            f'<h4 class="message-name"><a class="username">{author}</a></h4>'
            f'<article class="message-body"><div class="bbWrapper">{body}</div></article></article>')


def _xf_quote(title: str, text: str, source: str = "", link: str = "") -> str:
    source_attr = f' data-source="{source}"' if source else ""
    title_html = f'<a href="{link}">{title}</a>' if link else title
    return (f'<blockquote class="bbCodeBlock bbCodeBlock--expandable bbCodeBlock--quote"{source_attr}>'
            f'<div class="bbCodeBlock-title">{title_html}</div><div class="bbCodeBlock-content">'
            f'<div class="bbCodeBlock-expandContent">{text}</div>'
            f'<div class="bbCodeBlock-expandLink"><a>Click to expand...</a></div></div></blockquote>')


XENFORO = (
    '<html id="XF" data-app="public"><body><div class="p-body">'
    + _xf_post(101, "alice", ALICE)
    + _xf_post(102, "bob", _xf_quote("alice said:", ALICE, source="post: 101") + "Not at all, it is cheap.")
    + _xf_post(103, "carol", _xf_quote("DMW said:", STORY) + "This story is the worst I have read.")
    + '</div><footer>Forum software by XenForo® © 2010-2020 XenForo Ltd.</footer></body></html>'
)


def test_xenforo_quote_of_a_post_is_removed_as_engine_quote():
    blocks = _lines(XENFORO)
    quoted = [b for b in _find(blocks, "levee plan") if b.post == 1]
    assert quoted and all(b.role == QUOTE and b.reason == "xenforo:quote" for b in quoted)


def test_xenforo_cited_story_is_kept_and_only_its_header_goes():
    blocks = _lines(XENFORO)
    story = _find(blocks, "frosting factory")
    assert [(b.role, b.post) for b in story] == [(BODY, 2)]
    header = _find(blocks, "DMW said:")
    expand = [b for b in _find(blocks, "Click to expand") if b.post == 2]
    assert [(b.role, b.reason) for b in header + expand] == [(QUOTE, QUOTE_HEADER)] * 2
    result = clean(XENFORO, replies=True)
    assert STORY in result.text and "DMW said:" not in result.text
    assert result.text.count(ALICE) == 1  # the quote of alice's post is gone
    assert any(r.rule == QUOTE_HEADER and r.text == "DMW said:" for r in result.removed)


PHPBB = (
    '<html><body id="phpbb"><div id="page-body">'
    '<div id="p12" class="post"><div class="postbody"><p class="author"><strong><a>alice</a></strong></p>'
    f'<div class="content">{ALICE}</div></div>'
    '<dl class="postprofile"><dt><a class="username">alice</a></dt></dl></div>'
    '<div id="p13" class="post"><div class="postbody"><p class="author"><strong><a>bob</a></strong></p>'
    '<div class="content"><blockquote><div><cite><a href="./viewtopic.php?p=12#p12">alice wrote:</a></cite>'
    'too expensive for a town</div></blockquote>It is not.'
    '<blockquote><div><cite>Tolkien wrote:</cite>Not all those who wander are lost, said the old poem '
    'about the ranger who came back from the north.</div></blockquote>A fine line.</div></div>'
    '<dl class="postprofile"><dt><a class="username">bob</a></dt></dl></div>'
    '</div><p>Powered by phpBB® Forum Software © phpBB Limited</p></body></html>'
)


def test_phpbb_quote_linking_a_post_is_removed_and_a_cited_poem_kept():
    blocks = _lines(PHPBB)
    quote = _find(blocks, "too expensive for a town")
    assert [(b.role, b.reason) for b in quote if b.post == 1] == [(QUOTE, "phpbb:quote")]
    poem = _find(blocks, "Not all those who wander")
    assert [(b.role, b.post) for b in poem] == [(BODY, 1)]
    assert [(b.role, b.reason) for b in _find(blocks, "Tolkien wrote:")] == [(QUOTE, QUOTE_HEADER)]


def _dz_post(pid: int, author: str, body: str) -> str:
    return (f'<div id="post_{pid}"><table id="pid{pid}"><tr><td class="pls"><div class="authi">'
            f'<a class="xw1">{author}</a></div></td><td class="plc"><table><tr>'
            f'<td class="t_f" id="postmessage_{pid}">{body}</td></tr></table></td></tr></table></div>')


NEWS_ZH = "新华社北京电 国务院常务会议今天召开，会议决定进一步加大对小微企业的支持力度，降低融资成本。"
REPLY_ZH = "楼主说得对，这个政策确实很好，希望能够尽快落实到位。"

DISCUZ = (
    '<html><head><meta name="generator" content="Discuz! X3.4"></head><body><div id="postlist">'
    + _dz_post(1, "张三", REPLY_ZH)
    + _dz_post(2, "李四", '<div class="quote"><blockquote><font size="2"><a href="forum.php?mod=redirect&amp;'
               'goto=findpost&amp;pid=1&amp;ptid=9"><font color="#999999">张三 发表于 2020-1-1 10:00</font></a>'
               f'</font><br/>{REPLY_ZH}</blockquote></div>同意楼上的看法。')
    + _dz_post(3, "王五", f'<div class="quote"><blockquote>{NEWS_ZH}</blockquote></div>转一条新闻。')
    + '</div></body></html>'
)


def test_discuz_quote_of_a_post_removed_and_pasted_news_kept():
    blocks = _lines(DISCUZ)
    quoted = [b for b in blocks if b.post == 1 and b.role == QUOTE]
    assert quoted and {b.reason for b in quoted} == {"discuz:quote"}
    assert any("张三 发表于" in b.text for b in quoted)
    news = _find(blocks, "国务院常务会议")
    assert [(b.role, b.post) for b in news] == [(BODY, 2)]


def _vanilla_comment(num: int, author: str, body: str) -> str:
    return (f'<li class="Item ItemComment" id="Comment_{num}"><div class="Comment">'
            f'<div class="Item-Header"><span class="Author"><a class="Username">{author}</a></span></div>'
            f'<div class="Item-BodyWrap"><div class="Item-Body"><div class="Message userContent">{body}'
            f'</div></div></div></div></li>')


# Vanilla's rich editor quotes a comment as an embed whose classes are generated ("css-13e5p42-quoteEmbed").
VANILLA_EMBED = (
    '<div class="embedExternal css-2mzk92-embed-medium css-13e5p42-quoteEmbed"><article><header>'
    '<div><a href="/en/profile/929/alice">alice</a></div><div><a href="/en/discussion/comment/101#Comment_101">'
    f'<time datetime="2022-03-02T19:44:08+00:00">Mar 3, 2022</time></a></div></header>'
    f'<blockquote class="css-ucotd9-quoteEmbed-blockquote"><div class="userContent"><p>{ALICE}</p></div>'
    '</blockquote></article></div>'
)
VANILLA = (
    '<html><head><meta name="generator" content="Vanilla 3.3"></head><body><ul class="MessageList Comments">'
    + _vanilla_comment(101, "alice", f"<p>{ALICE}</p>")
    + _vanilla_comment(102, "bob", VANILLA_EMBED + "<p>Not at all, the town has budgeted for it since 2019.</p>")
    + '</ul></body></html>'
)


def test_vanilla_rich_editor_quote_embed_is_a_quote():
    blocks = _lines(VANILLA)
    quoted = [b for b in blocks if b.post == 1 and b.role == QUOTE]
    assert [b.text for b in quoted] == ["alice", "Mar 3, 2022", ALICE]
    assert {b.reason for b in quoted} == {"vanilla:quote"}
    assert [b.text for b in blocks if b.post == 1 and b.role == BODY] == [
        "Not at all, the town has budgeted for it since 2019."]


# ------------------------------------------------------------------ the decision rules, one by one

def _quote(html: str) -> etree._Element:
    return etree.fromstring(html, etree.HTMLParser()).find(".//blockquote")


def _page(bodies: list[str], authors: list[str], ids: list[str] | None = None) -> PageQuotes:
    elements = [etree.fromstring(f"<div>{b}</div>", etree.HTMLParser()).find(".//div") for b in bodies]
    return PageQuotes(elements, lambda: authors, {n: i for i, n in enumerate(ids or [])}, set())


def test_rule_reference_attribute():
    el = _quote(f'<blockquote data-source="post: 5"><div class="bbCodeBlock-title">x said:</div>'
                f'{STORY}</blockquote>')
    assert decide(el, 1, _page([ALICE, ""], ["alice", "bob"])).rule == "ref:xenforo-data-source"


def test_rule_post_link():
    el = _quote(f'<blockquote><cite><a href="viewtopic.php?p=77#p77">zed wrote:</a></cite>{STORY}</blockquote>')
    decision = decide(el, 1, _page([ALICE, ""], ["alice", "bob"]))
    assert (decision.of_post, decision.rule) == (True, "link:viewtopic-p")


def test_rule_orphan_link_to_a_post_here_that_lost_its_text():
    """The linked post is on this page but no longer holds the quoted text: the quote is its only copy."""
    el = _quote(f'<blockquote><cite><a href="goto/post?id=77">matt said:</a></cite>{STORY}</blockquote>')
    decision = decide(el, 1, _page(["(Removed out of courtesy)", ""], ["matt", "bob"], ids=["77", "78"]))
    assert (decision.of_post, decision.rule) == (False, "orphan:xenforo-goto-post")
    linked = decide(el, 1, _page([STORY, ""], ["matt", "bob"], ids=["77", "78"]))
    assert (linked.of_post, linked.rule) == (True, "link:xenforo-goto-post")


def test_rule_author_on_page():
    el = _quote(f'<blockquote><cite>alice wrote:</cite>{STORY}</blockquote>')
    decision = decide(el, 1, _page([ALICE, ""], ["Alice", "bob"]))
    assert (decision.of_post, decision.rule, decision.author) == (True, "author:en-wrote", "alice")


def test_rule_repeats_post():
    el = _quote(f"<blockquote>{ALICE}</blockquote>")
    assert decide(el, 1, _page([ALICE, "x"], ["alice", "bob"])).rule == "repeats-post"


def test_rule_unlisted_author_kept_by_default():
    el = _quote(f'<blockquote><cite>DMW said:</cite>{STORY}</blockquote>')
    page = _page([ALICE, ""], ["alice", "bob"])
    decision = decide(el, 1, page)
    assert (decision.of_post, decision.rule, decision.author) == (False, "unlisted-author", "DMW")
    assert [e.tag for e in decision.drop] == ["cite"]
    assert decide(el, 1, page, unlisted_author_of_post=True).of_post


def test_rule_too_short_to_judge():
    el = _quote("<blockquote>引用的旧帖</blockquote>")
    assert decide(el, 1, _page([ALICE, ""], ["alice", "bob"])).rule == "too-short"


def test_rule_no_attribution():
    el = _quote(f"<blockquote>{ARTICLE}</blockquote>")
    decision = decide(el, 1, _page([ALICE, ""], ["alice", "bob"]))
    assert (decision.of_post, decision.rule, decision.drop) == (False, "no-attribution", ())


def test_header_element_holding_the_quoted_text_is_not_a_header():
    """phpBB 3.0: <div><cite>X wrote:</cite>text</div>: the div is not the header, the cite is."""
    parts = read_quote(_quote(f"<blockquote><div><cite>Myrten wrote:</cite>{STORY}</div></blockquote>"))
    assert [e.tag for e in parts.headers] == ["cite"]


REFERENCE_EXAMPLES = {
    "xenforo-data-source": ("data-source", "post: 123"),
    "xenforo-data-quote": ("data-quote", "123"),
    "discourse-data-post": ("data-post", "4"),
    "invision-comment-id": ("data-ipsquote-contentcommentid", "598535385"),
    "mybb-data-pid": ("data-pid", "77"),
}
LINK_EXAMPLES = {
    "findpost": "forum.php?mod=redirect&goto=findpost&pid=123&ptid=4",
    "xenforo-goto-post": "/goto/post?id=28380869",
    "showpost": "showpost.php?p=4411&postcount=3",
    "viewtopic-p": "./viewtopic.php?f=4&t=170098&p=9029826",
    "showthread-p": "showthread.php?s=abc&p=26274846",
    "pid-param": "redirect.php?tid=5&pid=99",
    "anchor-post": "threads/f1.378195/#post-12334083",
    "anchor-p": "topic/12/#p4471",
    "anchor-pid": "thread-5.html#pid812",
    "anchor-msg": "index.php?topic=343886.msg13106110#msg13106110",
    "anchor-comment": "/discussion/comment/22745882#Comment_22745882",
    "path-post": "https://www.drwindows.de/x/16340-problemloesungen-post137356.html",
}
HEADER_EXAMPLES = {
    "en-said": ("14 hours ago, cork1958 said:", "cork1958"),
    "en-wrote": ("lemmiwinx wrote: ↑Sat Jan 18, 2020 4:06 pm", "lemmiwinx"),
    "en-quote-from": ("Quote from: once removed on April 06, 2020, 01:28:03 AM", "once removed"),
    "en-originally-posted": ("Originally Posted by dc_denizen", "dc_denizen"),
    "en-quote-label": ("Quote:", ""),
    "en-arrow": ("Matt Stephens: ↑", "Matt Stephens"),
    "de-zitat-von": ("Zitat von Baal Netbeck:", "Baal Netbeck"),
    "de-schrieb": ("Arindal schrieb:", "Arindal"),
    "de-hat-geschrieben": ("shiva hat geschrieben: ↑12 Jan 2018, 12:27", "shiva"),
    "fr-a-ecrit": ("Modérateur a écrit:", "Modérateur"),
    "es-escribio": ("Juan escribió:", "Juan"),
    "it-ha-scritto": ("Marco ha scritto:", "Marco"),
    "nl-schreef": ("Piet schreef:", "Piet"),
    "pt-escreveu": ("Ana escreveu:", "Ana"),
    "ru-pisal": ("Иван писал(а):", "Иван"),
    "zh-fabiaoyu": ("张三 发表于 2020-1-1 10:00", "张三"),
    "zh-yuantie": ("原帖由 李四 于 2009-5-1 12:00 发表", "李四"),
    "zh-yiyong-fayan": ("以下是引用王五在2008-1-1 10:00:00的发言：", "王五"),
    "zh-yinyong-de": ("引用 赵六 的帖子：", "赵六"),
    "zh-yinyong": ("引用 赵六：", "赵六"),
    "name-colon": ("Tesdudo:", "Tesdudo"),
}


@pytest.mark.parametrize("rule", [rule for rule, _, _ in REFERENCE_ATTRIBUTES])
def test_each_reference_attribute_rule(rule):
    attr, value = REFERENCE_EXAMPLES[rule]
    assert reference_rule(etree.Element("blockquote", {attr: value})) == rule


@pytest.mark.parametrize("rule", [rule for rule, _ in POST_LINKS])
def test_each_post_link_rule(rule):
    assert post_link_rule(LINK_EXAMPLES[rule])[0] == rule


@pytest.mark.parametrize("rule", [rule for rule, _ in QUOTE_HEADERS])
def test_each_header_rule(rule):
    text, author = HEADER_EXAMPLES[rule]
    assert header_rule(text, shaped=True) == (rule, author)


def test_loose_name_colon_needs_a_header_shape_and_links_to_pages_are_not_posts():
    assert header_rule("Tesdudo:") == ("", "")
    assert post_link_rule("https://www.surveymonkey.com/s/PSH8F8R") == ("", "")
    assert post_link_rule("/profile/georgiea") == ("", "")


def test_element_around_a_cite_is_not_the_header_even_with_a_dated_line():
    parts = read_quote(_quote("<blockquote><div><cite>Myrten wrote:</cite>I was born in 1990.</div></blockquote>"))
    assert [e.tag for e in parts.headers] == ["cite"]


def test_smf_header_is_decided_with_the_quote_after_it():
    """SMF puts the attribution in its own div.quoteheader before div.quote: one decision for both."""
    from cleaner.segment.quotes import decide_quotes

    root = etree.fromstring(
        '<div><div id="msg_11" class="inner">' + ALICE + '</div><div id="msg_12" class="inner">'
        '<div class="quoteheader"><a href="index.php?topic=5.msg11#msg11">Quote from: alice on April 06</a></div>'
        f'<div class="quote">{ALICE}</div>ok<div class="quoteheader">Quote from: Herodotus</div>'
        f'<div class="quote">{ARTICLE}</div></div></div>', etree.HTMLParser()).find(".//body/div")
    first, second = root
    quotes = second.xpath("./div")
    decisions = decide_quotes([(1, second, second, quotes)], [(first, first), (second, second)],
                              lambda: ["alice", "bob"])
    assert [(d.element.get("class"), d.of_post, d.rule) for d in decisions] == [
        ("quoteheader", True, "link:anchor-msg"), ("quote", True, "link:anchor-msg"),
        ("quoteheader", False, "unlisted-author"), ("quote", False, "unlisted-author")]
    assert [e.get("class") for e in decisions[2].drop] == ["quoteheader"]


def test_rule_quote_of_a_post_of_another_thread_is_kept():
    """The quote names a post (by reference attribute or by link) that is not on this page, whose
    posts have numbers, and no post here holds its text: it is the only copy and stays."""
    ref = _quote(f'<blockquote data-source="post: 9001"><div class="bbCodeBlock-title">x said:</div>'
                 f'{STORY}</blockquote>')
    decision = decide(ref, 1, _page([ALICE, ""], ["alice", "bob"], ids=["77", "78"]))
    assert (decision.of_post, decision.rule) == (False, "other-thread:xenforo-data-source")
    link = _quote(f'<blockquote><cite><a href="viewtopic.php?p=9001#p9001">zed wrote:</a></cite>{STORY}</blockquote>')
    decision = decide(link, 1, _page([ALICE, ""], ["alice", "bob"], ids=["77", "78"]))
    assert (decision.of_post, decision.rule) == (False, "other-thread:viewtopic-p")


def test_rule_quote_of_a_post_elsewhere_whose_text_is_here_is_a_copy():
    """Same reference to a post not on the page, but a post here holds the text: a copy, removed."""
    ref = _quote(f'<blockquote data-source="post: 9001">{STORY}</blockquote>')
    decision = decide(ref, 1, _page([STORY, ""], ["alice", "bob"], ids=["77", "78"]))
    assert (decision.of_post, decision.rule) == (True, "ref:xenforo-data-source")
    # a page whose posts carry no numbers cannot tell another thread from this one: as before
    unknown = decide(ref, 1, _page([ALICE, ""], ["alice", "bob"]))
    assert (unknown.of_post, unknown.rule) == (True, "ref:xenforo-data-source")


def _brute_force_share(page: PageQuotes, text: str, post: int) -> float:
    """The repeat share as first written: the best other post's share of the text's n-grams."""
    from cleaner.segment.quotes import _grams, _squash, texts_without

    grams = _grams(_squash(text))
    others = [_grams(_squash(" ".join(texts_without(body, page.quotes)))) for i, body in enumerate(page.bodies) if i != post]
    return max((len(grams & other) / len(grams) for other in others), default=0.0) if grams else 0.0


def test_the_repeat_test_answers_as_comparing_with_every_post():
    """PageQuotes.repeats tries likely sources first and skips posts too short to qualify: the
    answer must stay that of comparing the quote with every other post."""
    texts = [ALICE, ARTICLE, STORY, ALICE + " " + STORY, "短短的一句话而已", "我觉得这个方案太贵了，小镇负担不起。",
             ARTICLE[:60], "x", ""]
    bodies = [etree.fromstring(f"<div><p>{t}</p></div>") for t in texts]
    page = PageQuotes(bodies, lambda: [], {}, set())
    quotes = [ALICE, STORY[:70], ARTICLE[20:120], "我觉得这个方案太贵了", "unrelated words that no post holds", "ab"]
    for quote in quotes:
        for post in range(len(texts)):
            best = _brute_force_share(page, quote, post)
            for share in (0.0, 0.2, 0.5, 0.9, 1.0):
                assert page.repeats(quote, post, share) == (best >= share), (quote, post, share)


@settings(max_examples=300, deadline=None)
@given(quote=st.text(alphabet="abcab 的的是", min_size=3, max_size=40), text=st.text(alphabet="abcab 的的是", max_size=60),
       share=st.sampled_from([0.01, 0.2, 1 / 3, 0.5, 0.9, 1.0]))
def test_holds_share_is_the_share_of_common_n_grams(quote, text, share):
    """The substring count that stops early answers as the intersection of n-gram sets."""
    from cleaner.segment.quotes import _grams, _squash, holds_share

    grams, own = _grams(_squash(quote)), _grams(_squash(text))
    if grams and own and len(next(iter(grams))) == len(next(iter(own))):
        assert holds_share(grams, _squash(text), share) == (len(grams & own) / len(grams) >= share)


def _plain_texts_without(el, skip) -> list[str]:
    """texts_without as first written: every element walked in Python."""
    pieces: list[str] = []

    def visit(node) -> None:
        if node.text:
            pieces.append(node.text)
        for child in node:
            if isinstance(child.tag, str) and child not in skip:
                visit(child)
            if child.tail:
                pieces.append(child.tail)

    visit(el)
    return pieces


def test_texts_without_and_squashed_bodies_give_the_text_of_the_plain_walk():
    """texts_without is the plain walk; a post body's squashed text for the repeat test is read
    by libxml2's text serialiser when no quote lies below it (speed): the same characters, comments'
    and processing instructions' tails kept and their text left out."""
    import random
    from pathlib import Path

    from cleaner.pipeline import read_page
    from cleaner.segment.quotes import _squash, _squashed_body, skip_holders, texts_without

    pages = sorted((Path(__file__).resolve().parents[2] / "samples" / "pages").rglob("*.html"))[::4]
    roots = [etree.fromstring("<a>x<!--c-->y<b>z<?pi q?>w<i>i</i>v</b>t<u>u</u>s</a>")]
    for path in pages:
        document = read_page(path.read_bytes(), None, 10**8)
        roots.append(parse_html(document.text, utf8=document.utf8))
    draw = random.Random(7)
    for root in roots:
        elements = list(root.iter(tag=etree.Element))
        for size in (0, 1, 3, 20):
            skip = set(draw.sample(elements, min(size, len(elements))))
            holders = skip_holders(skip)
            for el in [root, *draw.sample(elements, min(4, len(elements)))]:
                expected = _plain_texts_without(el, skip)
                assert texts_without(el, skip) == expected
                assert _squashed_body(el, skip, holders) == _squash(" ".join(expected))


def test_element_text_is_the_joined_itertext():
    from pathlib import Path

    from cleaner.pipeline import read_page
    from cleaner.segment.postmeta import element_text

    root = etree.fromstring("<a>x<!--c-->y<b>z<?pi q?>w<i>i</i>v</b>t<u>u &amp; é</u>s</a>")
    elements = list(root.iter(tag=etree.Element))
    for path in sorted((Path(__file__).resolve().parents[2] / "samples" / "pages").rglob("*.html"))[::5]:
        document = read_page(path.read_bytes(), None, 10**8)
        elements += list(parse_html(document.text, utf8=document.utf8).iter())
    for el in elements:
        assert element_text(el) == "".join(el.itertext())
    for other in root.iter(etree.Comment, etree.ProcessingInstruction):
        with pytest.raises(ValueError):
            element_text(other)
