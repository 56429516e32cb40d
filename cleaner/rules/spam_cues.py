"""Commercial-intent cues as data: words that offer, price, solicit or greet a customer.

Real spam is polite business prose ("本公司可代开…，欢迎来电咨询"), not only a contact id:
the spam model counts these cues per line (``cleaner.model.features``), and the post-level
decision (``cleaner.assemble``) drops the salutation that opens an ad reply with the ad.
Each table is named; terms are matched on the model's normalised text (NFKC, lower case).
"""

from __future__ import annotations

import re
from typing import Iterable

# (name, terms): one dense model feature per table (its hit count, capped).
CUE_TABLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("offer", (
        "代开", "代办", "代理", "批发", "特价", "优惠", "低价", "促销", "包邮", "供应", "承接", "提供", "厂家", "直销", "招商",
        "加盟", "办理", "出售", "量大从优", "价格实惠", "质优价廉", "一站式", "全国", "包过", "保真", "点数", "税点", "免费",
        "折起", "限时", "抢购", "领取", "兑换", "cheap", "discount", "sale", "offer", "free", "earn", "deal", "promo",
    )),
    ("solicit", (
        "欢迎来电", "欢迎咨询", "欢迎订购", "欢迎洽谈", "欢迎选购", "欢迎新老客户", "有意者", "详询", "详情", "咨询", "来电",
        "热线", "预订", "预约", "报名从速", "请联系", "联系我", "有需要", "需要的", "诚信合作", "敬请", "退订", "登录",
        "点击", "访问", "check out", "subscribe", "visit", "click", "dm me", "join", "order", "contact me", "buy now",
        "sign up", "follow me",
    )),
    ("company", ("本公司", "我公司", "我司", "本厂", "我厂", "本店", "本站", "我们公司", "公司", "工作室", "our company", "we offer",
                 "we provide", "we sell", "we write")),
    ("salutation", ("尊敬的", "您好", "你好", "老板", "负责人", "亲爱的", "各位朋友", "dear", "hi friend", "hello friend")),
)


def term_alternation(terms: Iterable[str], flags: int = 0) -> re.Pattern:
    """One pattern for a table of literal terms, the longest first (CJK has no word boundaries:
    a term matches anywhere)."""
    return re.compile("|".join(sorted(map(re.escape, terms), key=len, reverse=True)), flags)


def latin_words(terms: Iterable[str]) -> re.Pattern:
    """The table's Latin terms as whole words, one pattern; the look-ahead on the first letters
    lets the regex engine skip fast."""
    words = sorted((t for t in terms if t.isascii()), key=len, reverse=True)
    first = "".join(sorted({w[0] for w in words}))
    return re.compile(rf"(?=[{first}])\b(?:" + "|".join(map(re.escape, words)) + r")\b")


# The tables whose terms make a line an offer (a salutation alone does not), matched as the
# spam model counts them: Chinese terms anywhere, Latin ones as whole words.
OFFER_TABLES = ("offer", "solicit", "company")
_OFFER_TERMS = tuple(t for name, terms in CUE_TABLES if name in OFFER_TABLES for t in terms)
_OFFER_CJK = term_alternation(t for t in _OFFER_TERMS if not t.isascii())
_OFFER_LATIN = latin_words(_OFFER_TERMS)


def offer_cues(lower: str) -> int:
    """How many distinct offer, solicitation and company terms a lower-cased line holds."""
    return len({*_OFFER_CJK.findall(lower), *_OFFER_LATIN.findall(lower)})


# A reply line that only greets or signs off: it goes with an ad reply (see cleaner.assemble).
_ADDRESSEE = r"(?:(?:尊敬的|亲爱的)?\S{0,12}?(?:老板|负责人|经理|先生|女士|客户|朋友|会员|用户|领导)们?|各位|大家|亲)"
_GREETING = r"(?:您好|你好|好|hello|hi|dear\s+\w+)"
_SIGN_OFF = r"(?:打扰了|打扰您了|谢谢|祝您生意兴隆|祝生意兴隆|敬请谅解|打扰之处敬请谅解)"
_PUNCT = r"[!！,，。.~:：\s]*"
SALUTATION_LINE = re.compile(
    rf"(?:{_ADDRESSEE}{_PUNCT})?(?:{_GREETING}{_PUNCT})?|(?:{_SIGN_OFF}{_PUNCT})+",
    re.I,
)
SALUTATION_MAX_CHARS = 24


def is_salutation(text: str, *, max_chars: int = SALUTATION_MAX_CHARS) -> bool:
    """True for a short line that is only a greeting or a sign-off ("尊敬的负责人：您好！")."""
    stripped = text.strip()
    return 0 < len(stripped) <= max_chars and bool(SALUTATION_LINE.fullmatch(stripped))


# Words by which a reply speaks to the thread it is in: thanks for the post, agreement, "me too",
# a follow-up question, a report that a fix worked. An ad copied into a reply does not; a spammer
# who opens the ad with one is answered by the rest of the reply (cleaner.model.replies).
THREAD_REACTIONS: tuple[str, ...] = (
    "楼主", "lz", "帖子", "此贴", "本帖", "谢谢分享", "感谢分享", "多谢分享", "谢谢楼主", "感谢楼主", "学习了", "受教了",
    "收藏了", "mark一下", "马克一下", "顶一下", "支持一下", "支持楼主", "同意", "赞同", "说得对", "说的对", "有道理",
    "我也遇到", "我也是", "我也有", "同问", "同求", "请问", "试了", "试过", "解决了", "好了", "有用", "管用", "没用",
    "thanks for sharing", "thank you for", "thanks", "this fixed", "that fixed", "worked for me", "same here",
    "same problem", "same issue", "i agree", "agreed", "good point", "great post", "the op", "op's", "did you try",
    "have you tried",
    # de, fr, es, it, pt, ru, ja: the same reactions in the languages of the Western forums seen most
    "danke", "hat geholfen", "stimme zu", "merci", "ça marche", "d'accord", "gracias", "funcionó", "de acuerdo",
    "grazie", "ha funzionato", "obrigado", "funcionou", "спасибо", "помогло", "согласен", "ありがとう", "解決しました",
)
_REACTION = term_alternation(THREAD_REACTIONS, re.I)


def speaks_to_thread(text: str) -> bool:
    """True for a line holding a reaction to the thread ("谢谢楼主分享，学习了！", "Thanks, this fixed it")."""
    return _REACTION.search(text) is not None
