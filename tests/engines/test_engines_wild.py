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
