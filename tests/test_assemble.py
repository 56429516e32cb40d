"""Assembly: kept lines grouped into posts, the audit, spam replies dropped whole, page figures."""

from cleaner.assemble import assemble
from cleaner.segment.blocks import CHROME, Block, PostMeta, Segmented
from cleaner.rules.lines import Verdict

SPAM = Verdict("spam", "spam:contact-me")


def page():
    blocks = [
        Block("首页 注册 登录", None, CHROME, reason="outside-post"),
        Block("正文第一段，讲述社区治理的经验。", 0),
        Block("正文第二段。", 0),
        Block("谢谢楼主分享", 1),
        Block("加微信 abc123456 领取福利", 2),
        Block("好", 2),
    ]
    posts = [PostMeta(1, "楼主甲", "2023-1-1"), PostMeta(2, "乙", "2023-1-2"), PostMeta(3, "丙", "2023-1-3")]
    verdicts = [None, None, None, None, SPAM, None]
    return Segmented(blocks=blocks, posts=posts, title="标题", engine="discuz"), verdicts


def test_first_post_mode_keeps_the_article_and_accounts_for_every_other_line():
    seg, verdicts = page()
    result = assemble(seg, verdicts)
    assert result.text == "正文第一段，讲述社区治理的经验。\n正文第二段。"
    assert [(r.kind, r.rule, r.position) for r in result.removed] == [
        ("chrome", "outside-post", 0), ("reply", "first-post-only", 3),
        ("reply", "first-post-only", 4), ("reply", "first-post-only", 5)]
    assert (result.language, result.engine, result.title) == ("zh", "discuz", "标题")


def test_replies_mode_drops_a_mostly_spam_reply_whole():
    seg, verdicts = page()
    result = assemble(seg, verdicts, replies=True)
    assert [(p.floor, p.author, p.text) for p in result.posts] == [
        (1, "楼主甲", "正文第一段，讲述社区治理的经验。\n正文第二段。"), (2, "乙", "谢谢楼主分享")]
    assert [(r.text, r.rule) for r in result.removed if r.kind == "spam"] == [
        ("加微信 abc123456 领取福利", "spam:contact-me"), ("好", "spam:spam-reply")]
    assert result.text.split("\n\n") == [result.posts[0].text, "谢谢楼主分享"]
    body = sum(len(b.text) for b in seg.blocks[1:])
    assert result.spam_score == round((len("加微信 abc123456 领取福利") + len("好")) / body, 4)


def test_page_lines_interleave_kept_and_removed_in_page_order():
    seg, verdicts = page()
    lines = assemble(seg, verdicts, replies=True).page_lines()
    assert [(line["position"], line["kept"]) for line in lines] == [
        (0, False), (1, True), (2, True), (3, True), (4, False), (5, False)]


def test_nothing_kept_gives_a_reason():
    seg = Segmented(blocks=[Block("首页", None, CHROME, reason="outside-post")], posts=[])
    result = assemble(seg, [None])
    assert (result.text, result.empty_reason) == ("", "no post body found")


def _reply_page(reply_lines, reply_verdicts):
    blocks = [Block("正文第一段，讲述社区治理的经验。", 0)] + [Block(t, 1) for t in reply_lines]
    posts = [PostMeta(1, "楼主甲", "2023-1-1"), PostMeta(2, "乙", "2023-1-2")]
    return Segmented(blocks=blocks, posts=posts, title="标题", engine="discuz"), [None] + reply_verdicts


def test_a_genuine_short_reply_keeps_its_genuine_part_when_an_ad_line_is_appended():
    seg, verdicts = _reply_page(["谢谢楼主分享，学习了！", "本公司长期代开各类发票，税点低，欢迎来电咨询 13812345678"],
                                [None, SPAM])
    result = assemble(seg, verdicts, replies=True, line_scores={1: 0.01})
    assert [p.text for p in result.posts] == ["正文第一段，讲述社区治理的经验。", "谢谢楼主分享，学习了！"]
    assert [(r.position, r.rule) for r in result.removed] == [(2, "spam:contact-me")]


def test_a_mostly_spam_reply_goes_whole_with_its_greeting_and_its_ad_like_lines():
    seg, verdicts = _reply_page(["尊敬的负责人：您好！", "本公司可代开增值税发票，点数优惠", "欢迎来电咨询 13812345678"],
                                [None, None, SPAM])
    result = assemble(seg, verdicts, replies=True, line_scores={1: 0.02, 2: 0.4})
    assert [p.text for p in result.posts] == ["正文第一段，讲述社区治理的经验。"]
    assert [(r.position, r.rule, r.score) for r in result.removed] == [
        (3, "spam:contact-me", 1.0), (1, "spam:spam-reply", 0.02), (2, "spam:spam-reply", 0.4)]


def test_a_reply_under_half_spam_loses_only_its_spam_line():
    seg, verdicts = _reply_page(["这个问题我也遇到过，后来把驱动重装了一遍，又把系统更新到最新版本就好了，供参考。", "加微信 abc123456"],
                                [None, SPAM])
    result = assemble(seg, verdicts, replies=True, line_scores={1: 0.03})
    assert result.posts[1].text.startswith("这个问题我也遇到过")
    assert [(r.position, r.rule) for r in result.removed] == [(2, "spam:contact-me")]


def test_a_reply_the_model_reads_as_an_ad_when_whole_goes_though_no_line_was_flagged():
    seg, verdicts = _reply_page(["尊敬的客户您好", "本公司专业信用卡取现垫资代还，", "安全有保障，当天放款"], [None, None, None])
    result = assemble(seg, verdicts, replies=True, line_scores={1: 0.01, 2: 0.8, 3: 0.4}, ad_posts={1})
    assert [p.text for p in result.posts] == ["正文第一段，讲述社区治理的经验。"]
    assert [(r.position, r.rule) for r in result.removed] == [
        (1, "spam:spam-reply"), (2, "spam:spam-reply"), (3, "spam:spam-reply")]


def test_a_reply_read_as_an_ad_keeps_a_line_that_reads_as_genuine():
    seg, verdicts = _reply_page(["谢谢楼主分享，学习了！", "专业信用卡取现垫资代还，当天放款"], [None, None])
    result = assemble(seg, verdicts, replies=True, line_scores={1: 0.03, 2: 0.9}, ad_posts={1})
    assert [p.text for p in result.posts] == ["正文第一段，讲述社区治理的经验。", "谢谢楼主分享，学习了！"]
    assert [(r.position, r.rule) for r in result.removed] == [(2, "spam:spam-reply")]
