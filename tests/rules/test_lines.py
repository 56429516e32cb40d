"""One test per named rule: the exact verdict it gives, and a near miss it must keep."""

import pytest

from cleaner.segment.blocks import CHROME, QUOTE, Block, PostMeta, Segmented
from cleaner.rules.lines import judge, page_context


def verdict(text, **block_fields):
    block = Block(text, post=0, **block_fields)
    seg = Segmented(blocks=[block], posts=[PostMeta(floor=1)])
    v = judge(block, page_context(seg))
    return (v.kind, v.rule) if v else None


@pytest.mark.parametrize("line, expected", [
    ("分享 转发", ("chrome", "chrome:buttons")),
    ("TOP", ("chrome", "chrome:buttons")),
    ("发新话题 回复该主题", ("chrome", "chrome:buttons")),
    ("回复 | 引用 | 举报", ("chrome", "chrome:buttons")),
    ("Quote Reply", ("chrome", "chrome:buttons")),
    ("1#", ("chrome", "chrome:floor-marker")),
    ("#12", ("chrome", "chrome:floor-marker")),
    ("沙发", ("chrome", "chrome:floor-marker")),
    ("3楼", ("chrome", "chrome:floor-marker")),
    ("强省会聚合力雨花作为更优高质量 [复制链接]", ("chrome", "chrome:copy-link")),
    ("发表于 2021-12-20 10:21:33", ("chrome", "chrome:posted-at")),
    ("本帖最后由 admin 于 2021-12-20 10:25 编辑", ("edit", "edit:edit-notice")),
    ("Last edited by alice; 05-02-2020 at 10:20 AM.", ("edit", "edit:edit-notice")),
    ("Powered by Discuz! X3.4", ("chrome", "chrome:powered-by")),
    ("湘ICP备12345678号", ("chrome", "chrome:powered-by")),
    ("上一页 1 2 3 下一页", ("chrome", "chrome:pagination")),
    ("IMG_2034.jpg (245.3 KB, 下载次数: 12)", ("attachment", "attachment:attachment-box")),
    ("bob wrote:", ("quote", "quote:wrote")),
    ("该评论已删除", ("chrome", "chrome:deleted-notice")),
    ("This post has been deleted.", ("chrome", "chrome:deleted-notice")),
    ("[removed]", ("chrome", "chrome:deleted-notice")),
    ("张三 发表于 2021-12-20 10:21", ("quote", "quote:wrote")),
])
def test_chrome_rules(line, expected):
    assert verdict(line) == expected


@pytest.mark.parametrize("line, expected", [
    ("小孩为什么会得白癜风 http://baidianfeng.39.net/a_zjwd/190603/7189464.html", ("spam", "spam:ad-keyword-url")),
    ("专业代开发票 联系电话 13800138000", ("spam", "spam:contact-ad")),
    ("代开发票，薇信：ab12345678", ("spam", "spam:contact-ad")),
    ("有需要的加我微信 abc123456", ("spam", "spam:contact-me")),
    ("欢迎咨询 ＱＱ：１２３４５６７８", ("spam", "spam:contact-me")),
    ("欢迎咨询 1 3 8 0 0 1 3 8 0 0 0", ("spam", "spam:contact-me")),
    ("欢迎咨询 1\u200b38\u200b0013\u200b8000", ("spam", "spam:contact-me")),
    ("see http://000.bbexe.cn/x for details", ("spam", "spam:blocked-domain")),
    ("代开住宿发票 联系 Q Q：２８７５５１６３４", ("spam", "spam:contact-me")),
    ("急用钱 扣扣 1\u20e3\ufe0f9\u20e3\ufe0f8\u20e3\ufe0f7\u20e33\u20e33\u20e30\u20e35\u20e3", ("spam", "spam:contact-me")),
    ("拉你进群 加微 ｗｘ１３９０５１８２２６１", ("spam", "spam:contact-me")),
    # contact forms real spam uses (issue 13): each is its own named rule
    ("飞机：@abc123 诚信合作", ("spam", "spam:telegram-nickname")),
    ("需要的联系纸飞机 @kkabc", ("spam", "spam:telegram-nickname")),
    ("电报：abc123 全天在线", ("spam", "spam:telegram-nickname")),
    ("咨询热线 0 5 7 1 8 8 8 8 6 6 6 6 张经理", ("spam", "spam:spaced-landline")),
    ("电话：0 7 5 5 - 8 6 6 2 3 3 4 5", ("spam", "spam:spaced-landline")),
    ("加薇：ａｂｃ１２３４５", ("spam", "spam:contact-me")),  # short: a contact line anyway
    ("今天大家出来玩啊，顺便说一下，有事找我加薇：ａｂｃ１２３４５，随时在线，周末也可以约出来一起吃饭聊天，地点大家定吧，反正离得都不远，开车半小时就到了",
     ("spam", "spam:wechat-homophone")),
    ("原单奢侈品包包 工厂直销 价格只要专柜一折 V信 lux 6 6 9 0 1", ("spam", "spam:wechat-homophone")),
    # a number (a landline too) among two or more offer words: the polite business ad
    ("本公司承接各类装修工程，价格实惠，咨询电话 029-85469157", ("spam", "spam:contact-offer")),
    ("提供信用卡办理，下卡快，详询 (0571)47525776", ("spam", "spam:contact-offer")),
    ("尊敬的客户您好，我行推出优惠活动，办理即送礼品，本活动长期有效，名额有限先到先得，请各位抓紧时间，手机 13912345678",
     ("spam", "spam:contact-offer")),
    # the reader asked to subscribe to the writer's own channel: video-site comment spam
    ("Hey guys, subscribe to my channel please!!", ("spam", "spam:self-promotion")),
    ("Check out my new video, I sub back to everyone", ("spam", "spam:self-promotion")),
    ("sub to me pls", ("spam", "spam:self-promotion")),
    ("欢迎大家订阅我的频道，每周更新", ("spam", "spam:self-promotion")),
    # a bulk message's unsubscribe footer
    ("【某某商城】周末全场五折起，会员再享九折，退订回T", ("spam", "spam:unsubscribe-footer")),
    ("尊敬的客户，流量包限时优惠，回复KT办理，回复TD退订。", ("spam", "spam:unsubscribe-footer")),
    ("新楼盘开盘，首付十万起，拒收请回复R", ("spam", "spam:unsubscribe-footer")),
    # a blocked domain listed with "www." only (3,937 of them were never blocked)
    ("see http://www.0001666.com/x", ("spam", "spam:blocked-domain")),
])
def test_spam_rules(line, expected):
    assert verdict(line) == expected


@pytest.mark.parametrize("line", [
    # genuine content that mentions a hospital, a disease, a URL or a number: precision first
    "医院日均门诊量达余人次,日均人流量近2万人次,而院区仅个停车位,医院之一。",
    "来源: http://www.xinhuanet.com/politics/2021-12/20/c_1128180000.htm",
    "白癜风是一种常见的色素脱失性皮肤病，专家提醒患者到正规医院就诊。",
    "市民可拨打12345热线反映问题，相关部门将在24小时内答复。",
    "顶",
    "+1",
    "谢谢楼主分享",
    "Thanks, that fixed it. See https://wiki.archlinux.org/title/Bluetooth for details.",
    "The TOP of the page has a menu.",
    "Windows 10 wx widgets build fails on 2 machines",
    "Demandez conseil aux courtiers spécialisés : http://www.france-assos-sante.org/sante-info-droits",
    "Page with notification drawer open URL:",
    "That's what she said",
    "« Bonjour », dit-il.",
    # a notice with a landline and an e-mail address whose local part is a mobile number
    "联系电话：0571-88886666，电子邮箱：13812345678@163.com",
    "坐飞机：大概两个小时就到",
    "他在单位很有威信，大家都服他",
    "咨询电话 0571 8888 6666（工作日）",
    # a shop's own number with one offer word is a notice, not yet an ad
    "本店电话 0571-88886666，营业时间 9:00-18:00，节假日照常营业",
    "我们公司的总机是 029-85469157，有事可以打过来找我",
    # a long paragraph that mentions a number, "free" and "order" is prose, not an offer
    "I tried the free tier first and then placed an order for the paid plan; support answered within a day "
    "and gave me ticket 0123456781, which I quote here so that others with the same problem can refer to it "
    "when they write to them about the billing bug that double charged the first month.",
    "1 0 0 0 0 0 0 0 0 0 0",
    # a reply that links its writer's own write-up, or talks of subscriptions, is not self-promotion
    "I wrote up the whole fix on my blog: https://example.org/posts/grub-fix",
    "I subscribed to the newsletter, and my subscription renews in May",
    "Check out my answer above, the second step is the one that matters",
    # talk about such messages does not end with the code
    "有没有人知道流量包怎么退订？回复TD没反应",
    "这种短信回复退订反而确认了号码有效，别理它",
])
def test_genuine_lines_are_kept(line):
    assert verdict(line) is None


def test_structural_roles_carry_segmenter_reason():
    assert verdict("quoted text", role=QUOTE, reason="discuz:quote") == ("quote", "discuz:quote")
    assert verdict("首页", role=CHROME, reason="outside-post") == ("chrome", "outside-post")


def test_link_farm_needs_many_links_and_high_density():
    assert verdict("友情链接 a b c d e f", links=6, link_chars=14) == ("spam", "spam:link-farm")
    assert verdict("see the docs and the FAQ", links=2, link_chars=12) is None


def test_repeated_ad_across_authors():
    ad = "全国最大的在线交流平台欢迎您的加入与参与"
    blocks = [Block(ad, post=i) for i in range(3)] + [Block("正文内容", post=0)]
    seg = Segmented(blocks=blocks, posts=[PostMeta(1, "a"), PostMeta(2, "b"), PostMeta(3, "c")])
    ctx = page_context(seg)
    assert judge(blocks[0], ctx).rule == "spam:repeated-across-authors"
    assert judge(blocks[3], ctx) is None


def test_model_scope_needs_cjk_or_a_commercial_signal_outside_links():
    from cleaner.model.scope import in_model_scope

    assert in_model_scope("这是一句普通的中文句子。")
    assert in_model_scope("Call 5551234567 for cheap loans")
    assert in_model_scope("Buy cialis online today")
    assert not in_model_scope("See https://data.whicdn.com/images/302456789/original.jpg for her look")
    assert not in_model_scope("Thanks, that fixed my problem with the driver.")
    # English ad replies (issue 13): a bare domain, a t.me link, a $TICKER, an invitation
    assert in_model_scope("just for test I have to say murdev.com")
    assert in_model_scope("join us t.me/pumpgroup_42")
    assert in_model_scope("$PEPE is about to moon, get in now")
    assert in_model_scope("Hey guys check out my new channel")
    assert not in_model_scope("I read the whole thread and still do not get why it fails on boot.")
    # read as the model reads it: full-width letters and zero-width characters hide no address
    assert in_model_scope("ｓｐｉｎ noｗ ａｔ ｑｑｓｐ０９.ｃｎ／")
    assert in_model_scope("app\u200dly at h\ufeffttp\u200d:/\u200b/vip.xutsm\ufefflk.vip/")
    assert not in_model_scope("Ｉ ａｇｒｅｅ ｗｉｔｈ ｙｏｕ\u200b")


# The lexicon's shared tables reach the line rules: every attribution language quotes.py knows is
# a "wrote" line, and month names in German and French make bylines as English ones do.
@pytest.mark.parametrize("line, expected", [
    ("Juan escribió:", ("quote", "quote:wrote")),
    ("Иван писал(а):", ("quote", "quote:wrote")),
    ("shiva hat geschrieben:", ("quote", "quote:wrote")),
    ("原帖由 李四 于 2009-5-1 12:00 发表", ("quote", "quote:wrote")),
    ("引用 赵六 的帖子：", ("quote", "quote:wrote")),
    ("Quote (bob):", ("quote", "quote:wrote")),
    ("Zum Vergrößern anklicken....", ("quote", "quote:wrote")),
    ("karl • 3 Mai", ("chrome", "chrome:post-byline")),
    ("jeanne • 12 févr.", ("chrome", "chrome:post-byline")),
])
def test_lexicon_lines(line, expected):
    assert verdict(line) == expected


@pytest.mark.parametrize("line", [
    "引用自哪",  # "quoted from where?": a question, not an attribution (zh-yinyong is quote-only)
    "Tesdudo:",  # a bare "name:" is an attribution only in a quote header's markup
    "And then the doctor told me: rest.",
])
def test_attribution_near_misses_stay(line):
    assert verdict(line) is None


def test_tel_is_read_as_phone_only_as_a_word():
    """The evasion pass reads "Tel" as 电话 (a contact cue), but not inside "Hotel" or "Schachtel"."""
    from cleaner.rules.normalize import for_matching

    assert for_matching("Tel: 0571-88886666") == "电话: 057188886666"
    assert for_matching("联系tel:13812345678") == "联系电话:13812345678"
    assert for_matching("Unser Hotel hat eine Schachtel") == "Unser Hotel hat eine Schachtel"
