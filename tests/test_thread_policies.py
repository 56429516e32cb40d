"""Whole-thread policies and the title option (issue 12): ``include_title`` / ``--title``, a
title element holding only a glyph, deleted-post placeholders in any locale, Q&A comments kept
as replies, signatures still removed."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from cleaner import Cleaner, clean
from cleaner.rules.vocab import DELETED_PLACEHOLDERS
from fixture_pages import DATA

DVBBS = (DATA / "engines" / "dvbbs_8x.html").read_bytes()
FIRST_LINE = "今年开春以后雨水来得早，我们合作社三百多亩地要在半个月内整完。"


def test_title_is_off_by_default_and_first_with_include_title():
    assert clean(DVBBS).text.splitlines()[0] == FIRST_LINE
    titled = clean(DVBBS, include_title=True)
    assert titled.text.splitlines()[:2] == ["春耕备耕用工紧，合作社怎样排班", FIRST_LINE]
    assert Cleaner(include_title=True).clean(DVBBS, replies=True).text.startswith("春耕备耕用工紧，合作社怎样排班\n")
    assert Cleaner(include_title=True).clean(DVBBS, include_title=False).text.splitlines()[0] == FIRST_LINE


def test_a_page_with_nothing_to_keep_stays_empty_with_include_title():
    result = clean("<html><head><title>Only a title</title></head><body></body></html>", include_title=True)
    assert result.text == ""


def test_cli_title_flag(tmp_path):
    page = tmp_path / "dvbbs.html"
    page.write_bytes(DVBBS)
    out = subprocess.run([sys.executable, "-m", "cleaner", "clean", str(page), "--title", "--format", "json",
                          "--model", "none"], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout)["text"].splitlines()[:2] == ["春耕备耕用工紧，合作社怎样排班", FIRST_LINE]
    plain = subprocess.run([sys.executable, "-m", "cleaner", "clean", str(page), "--model", "none"],
                           capture_output=True, text=True, check=True)
    assert plain.stdout.splitlines()[0] == FIRST_LINE


NODEBB = """<html><head><title>{title} | 社区</title></head><body><ul component="topic">
<li component="post" data-pid="11"><div component="post/header"><h1 component="post/header">⯈</h1></div>
<div component="post/content" itemprop="text"><p>路由器每天半夜自动重启，固件已经是最新版本。</p></div>
<div component="post/signature">签名：宽带运维十年</div></li>
<li component="post" data-pid="12"><div component="post/content" itemprop="text"><p>{deleted}</p></div></li>
<li component="post" data-pid="13"><div component="post/content" itemprop="text"><p>把计划任务里的定时重启关掉就好了。</p></div>
<div component="post/signature">签名：宽带运维十年</div></li>
</ul><footer>Powered by NodeBB</footer></body></html>"""


@pytest.mark.parametrize("deleted", ["此回复已被删除！", "This post is deleted!", "Dieser Beitrag wurde gelöscht!",
                                     "Ce message a été supprimé !", "¡Este mensaje está eliminado!",
                                     "Это сообщение удалено", "この投稿は削除されました", "[deleted]"])
def test_deleted_post_placeholder_goes_in_every_locale(deleted):
    result = clean(NODEBB.format(title="路由器半夜自动重启", deleted=deleted), replies=True)
    assert result.engine == "nodebb"
    assert result.text == "路由器每天半夜自动重启，固件已经是最新版本。\n\n把计划任务里的定时重启关掉就好了。"
    assert any(r.text == deleted and r.rule == "chrome:deleted-notice" for r in result.removed)
    assert "签名" not in result.text  # signatures still go


def test_placeholder_table_names_its_languages_and_prose_about_deletion_stays():
    assert {"zh", "en", "de", "fr", "es", "ru", "ja"} <= {lang for lang, _ in DELETED_PLACEHOLDERS}
    said = "此回复已被删除，管理员说是误删，我重新发一遍：把计划任务里的定时重启关掉就好了。"
    result = clean(NODEBB.format(title="路由器半夜自动重启", deleted=said), replies=True)
    assert said in result.text


def test_title_element_holding_only_a_glyph_falls_back_to_the_page_title():
    result = clean(NODEBB.format(title="路由器半夜自动重启", deleted="顶"), replies=True)
    assert result.title == "路由器半夜自动重启"


SE_PAGE = """<html><head><title>Why does my sourdough collapse? - Seasoned Advice</title></head><body>
<div id="question-header"><h1 itemprop="name">Why does my sourdough collapse?</h1></div>
<div id="question" class="question js-question"><div class="post-layout"><div class="votecell">7</div>
<div class="postcell"><div class="s-prose js-post-body" itemprop="text"><p>My loaf rises well and then collapses in the oven.</p></div>
<div class="post-signature owner"><div class="user-details"><a href="/users/1/baker">baker</a></div></div></div>
<div class="comments js-comments-container"><ul class="comments-list js-comments-list">
<li id="comment-101" class="comment js-comment"><div class="comment-text js-comment-text-and-form"><div class="comment-body js-comment-edit-hide">
<span class="comment-copy">What hydration are you using?</span> &ndash; <div class="d-inline-flex"><a href="/users/2/kneader" class="comment-user">kneader</a>
<span class="comment-date"><span title="2021-05-02 10:00:00Z" class="relativetime-clean">May 2, 2021 at 10:00</span></span></div></div></div></li>
</ul></div></div></div>
<div id="answers"><div id="answer-202" class="answer js-answer"><div class="post-layout"><div class="votecell">12</div>
<div class="answercell"><div class="s-prose js-post-body" itemprop="text"><p>It is over-proofed: shorten the final rise by an hour.</p></div>
<div class="post-signature"><div class="user-details"><a href="/users/3/proofer">proofer</a></div></div></div>
<div class="comments"><ul class="comments-list"><li id="comment-303" class="comment"><div class="comment-body">
<span class="comment-copy">That fixed it, thank you.</span> &ndash; <a href="/users/1/baker" class="comment-user">baker</a></div></li></ul></div></div></div></div>
</body></html>"""


def test_qa_comments_are_replies_in_whole_thread_mode_and_not_in_first_post_mode():
    thread = clean(SE_PAGE, replies=True)
    assert [(p.author, p.text) for p in thread.posts] == [
        ("baker", "My loaf rises well and then collapses in the oven."),
        ("kneader", "What hydration are you using?"),
        ("proofer", "It is over-proofed: shorten the final rise by an hour."),
        ("baker", "That fixed it, thank you."),
    ]
    assert clean(SE_PAGE).text == "My loaf rises well and then collapses in the oven."
