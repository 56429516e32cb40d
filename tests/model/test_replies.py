"""Replies read whole by the spam model (cleaner.model.replies): the lines the rules caught are
part of the reading, a reply read as an ad goes with its fragments, a line that dilutes the ad
stays; a Western reply is read whole only next to a line removed as spam by itself."""

from __future__ import annotations

import numpy as np
import pytest

from cleaner.model.replies import belongs_to_ad, logit, reads_as_ad
from cleaner.model.scope import WESTERN_MIN_SPAM_SCORE
from cleaner.pipeline import CONFIRMED_RULES, finish, prepare, score_pending

PAGE = """<html><head><title>路由器半夜自动重启 | 社区</title></head><body><ul component="topic">
<li component="post" data-pid="11"><div component="post/content" itemprop="text">
<p>路由器每天半夜自动重启，固件已经是最新版本，大家有什么办法吗？</p></div></li>
<li component="post" data-pid="12"><div component="post/content" itemprop="text">{reply}</div></li>
<li component="post" data-pid="13"><div component="post/content" itemprop="text"><p>把计划任务里的定时重启关掉就好了。</p></div></li>
</ul><footer>Powered by NodeBB</footer></body></html>"""


class FakeModel:
    """Scores by exact text (else 0.01) and remembers what it was asked."""

    threshold_ = 0.9

    def __init__(self, scores: dict[str, float]):
        self.scores = scores
        self.asked: list[str] = []

    def score_lines(self, texts):
        self.asked += list(texts)
        return np.array([self.scores.get(t, 0.01) for t in texts])


def clean_reply(lines: list[str], scores: dict[str, float]):
    model = FakeModel(scores)
    page = PAGE.format(reply="".join(f"<p>{t}</p>" for t in lines))
    pending = prepare(page, replies=True, threshold=model.threshold_)
    result = finish(pending, score_pending([pending], model)[0], "model:fake")
    spam = [(r.text, r.rule, r.score) for r in result.removed if r.kind == "spam"]
    return result, spam, model.asked


FRAGMENTS = ["尊敬的建行客户您的积分已满一万分可兑换的现金请登入手机，", "网址查询兑换逾期失效建设银行。"]


def test_a_reply_of_mild_fragments_read_as_an_ad_goes_whole_each_line_with_its_score():
    whole = " ".join(FRAGMENTS)
    result, spam, asked = clean_reply(FRAGMENTS, {whole: 0.97, FRAGMENTS[0]: 0.05, FRAGMENTS[1]: 0.3})
    assert whole in asked
    assert spam == [(FRAGMENTS[0], "spam:spam-reply", 0.05), (FRAGMENTS[1], "spam:spam-reply", 0.3)]
    assert [p.text for p in result.posts] == ["路由器每天半夜自动重启，固件已经是最新版本，大家有什么办法吗？",
                                              "把计划任务里的定时重启关掉就好了。"]


def test_the_lines_a_rule_caught_are_read_with_the_rest_of_the_reply():
    lines = ["本公司可开各类正规票据，点数低，量大从优，长期合作更优惠", "欢迎来电咨询 13812345678"]
    whole = " ".join(lines)
    _, spam, asked = clean_reply(lines, {whole: 0.95, lines[1]: 0.99, lines[0]: 0.3})
    assert whole in asked  # the contact line (spam:contact-me) is part of the reading
    assert spam == [(lines[1], "spam:contact-me", 1.0), (lines[0], "spam:spam-reply", 0.3)]


def test_next_to_a_line_removed_by_itself_the_reply_reads_as_an_ad_from_even_odds():
    lines = ["驾校招生，价格全市最低，包接送，随到随学，包过", "联系电话 13812345678"]
    whole = " ".join(lines)
    _, spam, _ = clean_reply(lines, {whole: 0.6, lines[1]: 0.8, lines[0]: 0.45})  # under the threshold (0.9)
    assert spam == [(lines[1], "spam:contact-me", 1.0), (lines[0], "spam:spam-reply", 0.45)]
    # a line the model removed by itself counts as well
    _, spam, _ = clean_reply(FRAGMENTS, {" ".join(FRAGMENTS): 0.8, FRAGMENTS[1]: 0.95, FRAGMENTS[0]: 0.5})
    assert spam == [(FRAGMENTS[1], "model:fake", 0.95), (FRAGMENTS[0], "spam:spam-reply", 0.5)]
    _, spam, _ = clean_reply(FRAGMENTS, {" ".join(FRAGMENTS): 0.45})  # no line removed: under even odds
    assert spam == []


def test_a_genuine_line_that_dilutes_the_ad_stays_and_the_ad_line_goes():
    lines = ["谢谢分享，学到了不少东西。", "专业代开各类发票，税点低，当天可出票，全国各地均可办理，欢迎洽谈"]
    whole = " ".join(lines)
    # without the thanks the reply reads as much more of an ad (0.999 vs 0.9): the thanks dilutes it
    result, spam, _ = clean_reply(lines, {whole: 0.9, lines[1]: 0.999})
    assert spam == [(lines[1], "model:fake", 0.999)]
    assert result.posts[1].text == lines[0]


def test_a_line_that_reads_as_genuine_alone_stays_beside_an_ad_line_that_stands_out():
    """A genuine short reply with an ad appended loses the ad only: when one line of the reply
    is removed as spam by itself, a line that speaks to the thread (spam_cues.THREAD_REACTIONS)
    and that the model reads as genuine alone is the replier's own, however the whole reply
    reads. A fragment of the ad that does not speak to the thread still goes with it."""
    lines = ["谢谢楼主分享，学习了！", "代开各类发票，联系电话13812345678"]
    result, spam, _ = clean_reply(lines, {" ".join(lines): 0.99, lines[0]: 0.03, lines[1]: 0.99})
    assert spam == [(lines[1], "spam:contact-me", 1.0)]
    assert result.posts[1].text == lines[0]
    western = ["Thanks, this fixed my issue.", "Cheap essay writing service at bestessays.top"]
    result, spam, asked = clean_reply(western, {" ".join(western): 0.99, western[0]: 0.02, western[1]: 0.99})
    assert western[0] in asked  # outside the model's scope, read alone because the reply is read whole
    assert spam == [(western[1], "model:fake", 0.99)]
    assert result.posts[1].text == western[0]
    german = ["Danke, das hat geholfen!", "Cheap essay writing service at bestessays.top"]
    result, spam, _ = clean_reply(german, {" ".join(german): 0.99, german[0]: 0.01, german[1]: 0.99})
    assert spam == [(german[1], "model:fake", 0.99)] and result.posts[1].text == german[0]
    fragment = ["税点低，量大从优，当天出票", "代开各类发票，联系电话13812345678"]
    _, spam, _ = clean_reply(fragment, {" ".join(fragment): 0.99, fragment[0]: 0.03, fragment[1]: 0.99})
    assert spam == [(fragment[1], "spam:contact-me", 1.0), (fragment[0], "spam:spam-reply", 0.03)]


def test_a_reply_not_read_as_an_ad_keeps_every_line():
    lines = ["这个问题我也遇到过，", "后来把驱动重装了一遍就好了。"]
    result, spam, asked = clean_reply(lines, {" ".join(lines): 0.4})
    assert " ".join(lines) in asked
    assert spam == [] and result.posts[1].text == "\n".join(lines)


def test_a_western_reply_is_read_whole_only_next_to_a_line_removed_by_itself():
    shop = ["do not buy a iphone on Ebay if you buy a iphone get it from here", "https://swappa.com/buy/phones"]
    _, spam, asked = clean_reply(shop, {" ".join(shop): 0.98, shop[1]: 0.78})
    assert " ".join(shop) not in asked and spam == []
    pump = ["Crypto investment doubles your money in a week, no risk at all", "DM me on Telegram @tvp95009"]
    _, spam, asked = clean_reply(pump, {" ".join(pump): 0.97, pump[1]: 0.5, pump[0]: 0.93})
    assert " ".join(pump) in asked
    # the first line is outside the model's scope (no number, handle or ad word): in a reply read
    # as an ad it is read alone as well, and goes with its own score
    assert pump[0] in asked
    assert spam == [(pump[1], "spam:contact-me", 1.0), (pump[0], "spam:spam-reply", 0.93)]


@pytest.mark.parametrize("score,threshold,flagged,ad", [
    (0.95, 0.9, False, True), (0.45, 0.9, False, False), (0.45, 0.9, True, False),
    (0.4, 0.31, False, False),  # never an ad under even odds on the whole reading alone
    (0.4, 0.31, True, True),  # next to a removed line, the model's own (lower) threshold
    (0.6, 0.987, False, True), (0.45, 0.987, False, False),  # a line threshold over WHOLE_REPLY_MAX_BAR
])
def test_reads_as_ad(score, threshold, flagged, ad):
    assert reads_as_ad(score, threshold, flagged) is ad


@pytest.mark.parametrize("whole,without,belongs", [
    (0.9, 0.999, False),  # leaving the line out makes it read as much more of an ad: the line is genuine
    (0.95, 0.99, True),  # a little more: any line mixed with a sure ad line lowers the mixture
    (0.97, 0.97, True), (0.98, 0.30, True),  # the line adds to the ad
    (0.995, 0.9999, True),  # both past 0.99: the model is sure either way
])
def test_belongs_to_ad_compares_logits(whole, without, belongs):
    assert belongs_to_ad(whole, without) is belongs
    assert logit(1.0) == logit(0.99)


NOTICE = "组里缺一个厨师，上次发的帖子没人回，再顶一下，联系电话13341686801"


def test_a_notice_with_a_phone_number_stays_when_the_model_reads_it_as_genuine():
    result, spam, asked = clean_reply([NOTICE], {NOTICE: 0.002})
    assert NOTICE in asked and spam == []
    assert result.posts[1].text == NOTICE


def test_a_contact_line_the_model_does_not_read_as_genuine_goes_by_its_rule():
    ad = "有需要的朋友欢迎来电咨询 13812345678"
    _, spam, _ = clean_reply([ad], {ad: 0.6})  # under the threshold, over its CONFIRMED_RULES bar
    assert spam == [(ad, "spam:contact-me", 1.0)]


def test_without_a_model_the_contact_rule_decides_alone():
    page = PAGE.format(reply=f"<p>{NOTICE}</p>")
    pending = prepare(page, replies=True, scored=False)
    result = finish(pending, score_pending([pending], None)[0])
    assert [(r.text, r.rule) for r in result.removed if r.kind == "spam"] == [(NOTICE, "spam:contact-me")]


def removed_by_model(line: str, score: float) -> list[tuple[str, str, float]]:
    model = FakeModel({line: score})
    page = PAGE.format(reply=f"<p>{line}</p>")
    pending = prepare(page, replies=True, threshold=model.threshold_)
    result = finish(pending, score_pending([pending], model)[0], "model:fake")
    return [(r.text, r.rule, r.score) for r in result.removed if r.kind == "spam"]


def test_a_western_line_over_the_threshold_but_under_the_western_floor_stays():
    line = "Don't buy it on eBay, get it from the official store: https://store.example.com/"
    assert FakeModel.threshold_ < 0.98 < WESTERN_MIN_SPAM_SCORE
    assert removed_by_model(line, 0.98) == []
    assert removed_by_model(line, 0.99) == [(line, "model:fake", 0.99)]


def test_a_chinese_line_goes_at_the_trained_threshold():
    line = "本公司常年代开各类发票，点数低，欢迎来电咨询"
    assert removed_by_model(line, 0.95) == [(line, "model:fake", 0.95)]


@pytest.mark.parametrize("line,rule,bar", [
    ("寻物启事：周五在地铁站丢了一个黑色背包，捡到的请联系13812345678，必有酬谢", "spam:contact-me", 0.5),
    ("Great video, subscribe to my channel for more covers", "spam:self-promotion", 0.1),
])
@pytest.mark.parametrize("above", [0.0, 0.05])
def test_a_confirmed_rule_stands_only_when_the_model_also_reads_the_line_as_an_ad(line, rule, bar, above):
    """CONFIRMED_RULES: a rule's line goes (score 1.0, a rule) only at its bar of the model's score."""
    assert CONFIRMED_RULES[rule] == bar
    assert removed_by_model(line, bar + above) == [(line, rule, 1.0)]
    assert removed_by_model(line, bar - 0.05) == []


ARTICLE = """<html><head><title>秋季养生 | 健康网</title></head><body><article><h1>秋季养生要注意什么</h1>
<p>秋季天气转凉，昼夜温差加大，专家建议适当增加衣物，注意饮食清淡，多喝温水，保证充足睡眠。</p>
<p>{line}</p></article></body></html>"""


@pytest.mark.parametrize("score,removed", [(0.985, False), (0.995, True)])
def test_on_an_article_page_the_model_must_be_sure(score, removed):
    line = "版权所有，未经授权不得转载，编辑部邮箱：editor@example.com"
    model = FakeModel({line: score})
    pending = prepare(ARTICLE.format(line=line), threshold=model.threshold_)
    assert not pending.seg.is_thread
    result = finish(pending, score_pending([pending], model)[0], "model:fake")
    assert [(r.text, r.rule) for r in result.removed if r.kind == "spam"] == ([(line, "model:fake")] if removed else [])
