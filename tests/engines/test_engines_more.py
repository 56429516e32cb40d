"""Engine tables added for Vanilla, bbPress, Kunena, Stack Exchange and the WordPress forum
plugins (wpForo, Asgaros, DWQA, AnsPress): each on a small hand-written fragment that shows the
engine's real markup shape (not a copied page). The engine is detected, every post body is
BODY of its own post, and chrome around it (author cards, votes, comments, signatures, quotes,
sharing widgets, list headers) is not."""

from __future__ import annotations

import pytest

from cleaner.segment.blocks import BODY, QUOTE, SIGNATURE
from cleaner.engines import detect
from cleaner.segment.html import segment_html
from cleaner.segment.parse import parse_html

VANILLA = """<html><head><title>Printer offline - Community</title></head><body>
<div class="MessageList Discussion"><div class="Item-Header DiscussionHeader">
 <span class="Author"><a class="Username" href="/profile/ann">ann</a></span>
 <span class="MItem DateCreated"><time datetime="2024-03-01T10:00:00">March 1</time></span></div>
 <div class="Item-BodyWrap"><div class="Item-Body"><div class="Message userContent">
 <p>My printer shows offline after every reboot of the laptop.</p></div></div></div></div>
<ul class="MessageList DataList Comments">
<li class="Item ItemComment"><div class="Comment"><div class="Item-Header CommentHeader">
 <span class="Author"><a class="Username" href="/profile/bob">bob</a></span>
 <span class="MItem DateCreated"><time datetime="2024-03-02T09:00:00">March 2</time></span></div>
 <div class="Item-BodyWrap"><div class="Item-Body"><div class="Message userContent">
 <blockquote class="Quote UserQuote"><div class="QuoteText">My printer shows offline after every reboot.</div></blockquote>
 <p>Reinstall the driver from the vendor site and it stays online.</p></div>
 <div class="Signature UserSignature userContent">Printers are my life since 1998</div></div></div></div></li>
</ul><div class="Foot">Powered by Vanilla</div></body></html>"""

BBPRESS = """<html><head><title>Top mentalists - Forum</title></head><body>
<ul class="forums bbp-replies"><li class="bbp-header"><div class="bbp-reply-author">Author</div>
<div class="bbp-reply-content">Posts</div></li><li class="bbp-body"><ul><li>
<div class="bbp-reply-header"><div class="bbp-meta"><span class="bbp-reply-post-date">2017-03-07 at 12:05 pm</span>
<a class="bbp-reply-permalink" href="#post-1">#1515</a></div></div>
<div class="post-1515 topic type-topic"><div class="bbp-reply-author"><span class="bbp-author-name">Kenny</span>
<div class="bbp-author-role">Keymaster</div></div><div class="bbp-reply-content">
<p>Tell us who the top mentalist in your country is.</p>
<div class="heateor_sss_sharing_container"><a href="#">Share on Reddit</a></div></div></div></li>
<li><div class="bbp-reply-header"><div class="bbp-meta"><span class="bbp-reply-post-date">2017-03-08 at 9:00 am</span></div></div>
<div class="post-1516 reply type-reply"><div class="bbp-reply-author"><span class="bbp-author-name">Bernie</span></div>
<div class="bbp-reply-content"><p>Top billing goes to Banachek without a doubt.</p></div></div></li></ul></li>
<li class="bbp-footer"><div class="bbp-reply-author">Author</div><div class="bbp-reply-content">Posts</div></li></ul>
</body></html>"""

KUNENA6 = """<html><head><title>Statistics bug - Kunena</title></head><body class="site com_kunena view-topic">
<div class="row message"><div class="col-md-2 profile"><ul><li>Posts: 91</li></ul></div>
<div class="col-md-10 message-published"><small><span class="kdate" title="06 May 2024 11:18">2 weeks ago</span>
<a href="#231292">#1</a></small><div class="mykmsg-header">Statistics bug was created by ssnobben</div>
<div class="kmsg">Hi, I got this error with the latest Kunena and Joomla 5.1.<br/>Any tips and solution?</div>
<div class="ksig"><span class="ksignature">Joomla 5.1, Kunena 6.3</span></div></div></div>
<div class="row message"><div class="col-md-2 profile"><ul><li>Posts: 12000</li></ul></div>
<div class="col-md-10 message-published"><small><span class="kdate" title="06 May 2024 12:00">2 weeks ago</span></small>
<div class="kmsg">Please update the EasySocial plugin first, it fixes this return type.</div></div></div>
</body></html>"""

STACKEXCHANGE = """<html><head><title>What do you call a secret mentor? - English Language</title></head><body>
<div id="question-header"><h1>What do you call a secret mentor?</h1></div>
<div id="question" class="question js-question"><div class="post-layout"><div class="votecell">4</div>
<div class="postcell"><div class="s-prose js-post-body" itemprop="text"><p>Is there one word for a mentor who does not know it?</p></div>
<div class="post-signature owner"><div class="user-details"><a href="/users/1">asker</a></div>
<span class="relativetime" title="2016-07-28 12:51:00Z">Jul 28, 2016</span></div></div>
<div class="comments"><ul class="comments-list"><li class="comment"><span class="comment-copy">Wasn't the comment sufficient? Low quality question.</span></li></ul></div></div></div>
<div id="answer-339862" class="answer js-answer"><div class="post-layout"><div class="votecell">6</div>
<div class="answercell"><div class="s-prose js-post-body" itemprop="text"><p>A <em>role model</em> need not know they are one.</p></div>
<div class="post-signature"><div class="user-details"><a href="/users/2">helper</a></div></div></div></div></div>
</body></html>"""

WPFORO = """<html><head><link rel="stylesheet" href="/wp-content/plugins/wpforo/themes/style.css"/></head><body>
<div class="wpforo-post wpfcl-1"><div class="wpf-left"><div class="author-name"><a href="/u/ana">Ana</a></div></div>
<div class="wpf-right"><div class="wpforo-post-content-top"><div class="wpf-post-actions">Quote Reply</div></div>
<div class="wpforo-post-content"><p>Which detector finds smaller gold nuggets in mineralised soil?</p></div>
<div class="wpforo-post-signature">Hunting since 2005</div></div></div>
<div class="wpforo-post wpfcl-1"><div class="wpf-left"><div class="author-name"><a href="/u/rui">Rui</a></div></div>
<div class="wpf-right"><div class="wpforo-post-content"><p>The Gold Monster handles mineralised ground better.</p></div></div></div>
</body></html>"""

DWQA = """<html><head><script src="/wp-content/plugins/dw-question-answer-pro/assets/js/x.js"></script></head><body>
<div class="dwqa-single-question"><div class="dwqa-question-item"><div class="dwqa-question-meta"><a href="/u/q">Quentin</a> asked 5 years ago</div>
<div class="dwqa-question-content"><p>Can I customise the template of a single question page?</p></div>
<div class="dwqa-comments"><div class="dwqa-comments-list">Comment: same question here, any news?</div></div></div>
<div class="dwqa-answer-item"><div class="dwqa-answer-meta"><a href="/u/s">Support</a> answered 5 years ago</div>
<div class="dwqa-answer-content"><p>Copy single-question.php into your theme folder and edit it there.</p></div></div></div>
</body></html>"""

# Asgaros Forum 2.x: the author card moved into div.forum-post-header-container, and each message
# carries a display:none copy of itself for the quote button.
ASGAROS2 = """<html><head><title>Blocks side by side - Asgaros</title></head><body><div id="af-wrapper">
<div class="post-element first-post" id="postid-1"><div class="forum-post-header-container">
<div class="post-author"><div class="post-author-blocks"><div class="post-author-block-name"><a href="#">Biker</a></div>
<div class="post-author-block-meta"><span class="post-counter">262 Posts</span></div></div></div></div>
<div class="post-wrapper"><div class="forum-post-header"><div class="forum-post-date">#1 · May 16, 2024, 8:16 pm</div></div>
<div class="post-message"><div id="post-quote-container-1" style="display: none;"><blockquote>
<div class="quotetitle">Quote from Biker on May 16, 2024</div><p>Guests see the blocks one below the other.</p></blockquote></div>
<p>Guests see the blocks one below the other.</p></div></div></div>
<div class="post-element" id="postid-2"><div class="forum-post-header-container">
<div class="post-author"><div class="post-author-blocks"><div class="post-author-block-name"><a href="#">Thomas</a></div></div></div></div>
<div class="post-wrapper"><div class="forum-post-header"><div class="forum-post-date">#2 · May 21, 2024, 12:33 pm</div></div>
<div class="post-message"><p>A caching plugin was responsible for the layout.</p></div></div></div>
</div></body></html>"""

CASES = {
    "vanilla": (VANILLA, ["My printer shows offline after every reboot of the laptop.",
                          "Reinstall the driver from the vendor site and it stays online."]),
    "bbpress": (BBPRESS, ["Tell us who the top mentalist in your country is.", "Top billing goes to Banachek without a doubt."]),
    "kunena": (KUNENA6, ["Hi, I got this error with the latest Kunena and Joomla 5.1.", "Any tips and solution?",
                         "Please update the EasySocial plugin first, it fixes this return type."]),
    "stackexchange": (STACKEXCHANGE, ["Is there one word for a mentor who does not know it?",
                                      "Wasn't the comment sufficient? Low quality question.",
                                      "A role model need not know they are one."]),
    "wpforo": (WPFORO, ["Which detector finds smaller gold nuggets in mineralised soil?",
                        "The Gold Monster handles mineralised ground better."]),
    "asgaros": (ASGAROS2, ["Guests see the blocks one below the other.", "A caching plugin was responsible for the layout."]),
    "dwqa": (DWQA, ["Can I customise the template of a single question page?",
                    "Copy single-question.php into your theme folder and edit it there."]),
}


def segmented(markup: str):
    root = parse_html(markup)
    return root, segment_html(root)


@pytest.mark.parametrize("engine", sorted(CASES))
def test_engine_detected_and_post_bodies_are_exactly_the_posts(engine):
    markup, expected = CASES[engine]
    root, seg = segmented(markup)
    assert detect(root).name == engine
    assert seg.engine == engine
    assert [b.text for b in seg.blocks if b.role == BODY] == expected
    assert len(seg.posts) == (3 if engine == "stackexchange" else 2)  # a Q&A comment is a post


def test_vanilla_quote_signature_and_metadata():
    _root, seg = segmented(VANILLA)
    roles = {b.text: (b.role, b.reason) for b in seg.blocks}
    assert roles["My printer shows offline after every reboot."] == (QUOTE, "vanilla:quote")
    assert roles["Printers are my life since 1998"] == (SIGNATURE, "vanilla:signature")
    assert [p.author for p in seg.posts] == ["ann", "bob"]
    assert seg.posts[0].date == "March 1"


def test_bbpress_list_header_is_not_a_post_and_date_comes_from_the_header_row():
    _root, seg = segmented(BBPRESS)
    assert [p.author for p in seg.posts] == ["Kenny", "Bernie"]
    assert seg.posts[0].date == "2017-03-07 at 12:05 pm"
    assert not any(b.role == BODY and b.text in ("Posts", "Share on Reddit") for b in seg.blocks)


def test_stackexchange_comment_is_a_post_of_its_own_and_votes_stay_out():
    _root, seg = segmented(STACKEXCHANGE)
    comment = next(b for b in seg.blocks if b.text.startswith("Wasn't the comment"))
    assert (comment.role, comment.post) == (BODY, 1)  # after the question (0), before the answer (2)
    assert not any(b.role == BODY and b.text in ("4", "6") for b in seg.blocks)
    assert seg.posts[0].author == "asker"


def test_kunena_signature_is_not_body():
    _root, seg = segmented(KUNENA6)
    assert any(b.text == "Joomla 5.1, Kunena 6.3" and b.role == SIGNATURE for b in seg.blocks)


def test_a_plain_article_page_is_not_claimed_by_the_new_tables():
    root = parse_html("<html><body><div class='post'><p>" + "A plain blog paragraph with words. " * 20
                      + "</p></div><div class='comment'>Nice post, thanks for writing it up.</div></body></html>")
    assert detect(root).table is None
