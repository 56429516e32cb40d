"""Spam knowledge as data: contact-id patterns, call-to-action words, URL pattern and the
strong ad keywords (cleaner/data/spam_keywords.tsv). rules/lines.py combines them into
named rules; the spam model sees the same normalised text (cleaner.rules.normalize.for_matching)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..textutil import WEB_ADDRESS
from .fastregex import faster_regex

URL = WEB_ADDRESS
# Endings of bare domains written without "http://" or "www." ("abc123.top", "t.me/x"): the
# spam model marks them as addresses, the scope gate asks the model about lines holding one.
BARE_DOMAIN_TLDS = ("com|cn|net|org|cc|top|xyz|info|biz|vip|me|tv|co|io|us|uk|de|hk|tw|ru|in|la|ws|shop|club|site"
                    "|online|live|app|win|bet|mobi|asia|pw|tk")
# A web address with or without scheme, in lower-cased text (the spam model's normalised form).
ANY_WEB_ADDRESS = re.compile(
    rf"(?:https?://|www\.)[^\s<>\"'，。、）)】]+|(?:[a-z0-9-]+\.)+(?:{BARE_DOMAIN_TLDS})(?![a-z0-9-])(?:/[^\s<>\"'，。、）)】]*)?"
)
DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})", re.I)

# Contact ids, matched on for_matching() text (full-width folded, spaced digits joined).
# (The numbers start with their first digit and look behind it for another digit, as LANDLINE
# below: the regex engine then jumps between candidate digits, 3-4x faster on prose.)
CONTACT_IDS: tuple[tuple[str, str], ...] = (
    ("mobile", r"1(?<!\d1)[3-9]\d{9}(?![\d@])"),  # not the local part of an e-mail address
    ("hotline", r"[48](?<!\d[48])00[-\s]?\d{3}[-\s]?\d{4}(?!\d)"),
    ("qq", r"QQ\s*(?:号|群)?\s*[:：]?\s*\d{5,11}(?!\d)"),
    ("wechat", r"微信\s*(?:号)?\s*[:：]?\s*(?=[-_A-Za-z]*\d)[A-Za-z][-_A-Za-z0-9]{5,19}|微信\s*(?:号)?\s*[:：]?\s*\d{6,11}"),
    ("whatsapp", r"(?:WhatsApp|Telegram|Viber|Line ID)\s*[:：]?\s*\+?[\d\s-]{7,}|(?:WhatsApp|Telegram)\s*[:：]?\s*@?\w{4,}"),
)
CONTACT_PATTERNS = tuple((name, re.compile(p, re.I)) for name, p in CONTACT_IDS)
# A landline with its area code: "029-85469157", "(0571)47525776", "0512 8104 0764" (digits joined by
# for_matching). Shops and clinics print theirs in genuine notices too, so it is not a contact id by
# itself: only an offer around it makes it one (rules.lines.contact_me). (It starts with the literal
# "0" and looks behind that for a digit: the regex engine jumps from "0" to "0", 4-9x faster on
# prose than with the look-behind first.)
LANDLINE = re.compile(r"0(?<!\d0)[1-9]\d{1,2}\)?[-\s]?\d{7,8}(?!\d)")

# Contact ids written in a form only someone dodging a filter uses: an ad by themselves.
# Matched on the folded line (NFKC: full-width ids are plain), before evasions are undone.
# (rule name, pattern); the rule is "spam:<name>".
EVASIVE_CONTACT_IDS: tuple[tuple[str, str], ...] = (
    # Telegram by its Chinese nicknames, with an id: "飞机：@abc123", "纸飞机 @abc", "电报：abc123"
    ("telegram-nickname", r"(?:纸飞机|飞机|电报)(?:号|群|id|ID)?\s*(?:[:：]\s*@?|@)[A-Za-z0-9_]{4,32}(?![A-Za-z0-9_])"),
    # a landline spelled digit by digit: "0 5 7 1 - 8 8 8 8 6 6 6 6"
    ("spaced-landline", r"(?<!\d)(?<!\d )0(?: ?[-—] ?\d| \d){9,11}(?! ?\d)"),
    # WeChat by a homophone, with an id: "加薇：abc12345", "薇信 abc12345", "V信：..."
    ("wechat-homophone", r"(?:加\s?[薇威维徽嶶葳](?![信芯])|[薇维徽嶶葳][信芯]|威芯|[vV]\s?[信芯])\s*号?\s*[:：]?\s*"
                         # the id may be spaced out too: "V信 lux 6 6 9 0 1"
                         r"(?=[-_A-Za-z ]{0,8}\d)[A-Za-z0-9](?:[-_]?[A-Za-z0-9]| (?=[A-Za-z0-9])){5,24}(?![-_A-Za-z0-9])"),
)
EVASIVE_CONTACT_PATTERNS = tuple((name, re.compile(p)) for name, p in EVASIVE_CONTACT_IDS)
_FAST_EVASIVE_CONTACTS = tuple((name, faster_regex(pattern)) for name, pattern in EVASIVE_CONTACT_PATTERNS)

# Words that turn a number into an invitation to get in touch.
CALL_TO_ACTION = re.compile(
    r"联系|聯繫|咨询|諮詢|详询|详情|加我|请加|添加|欢迎|电话|热线|手机|客服|预约|订购|代理|加盟|"
    r"微信|QQ|contact|call|text me|whatsapp|telegram|dm me",
    re.I,
)

# The reader asked to subscribe to, or watch, the writer's own channel: video-site comment spam
# posted into threads ("subscribe to my channel", "check out my new video", "sub to me, I sub
# back", "订阅我的频道"). A genuine reply points at the thread's subject, not at its writer's
# audience: none of the 7,731 gold lines of the real forum pages (shared data and samples) and
# none of the 25,069 genuine training lines matches. (Blogs, sites and pages are left out: a
# genuine reply links its own write-up.)
SELF_PROMOTION = re.compile(
    r"\b(?:sub(?:scribe)?|check(?:\s+out)?|follow|like|watch|listen\s+to|support)\s+(?:to\s+)?(?:my|our)\s+"
    r"(?:new\s+|youtube\s+|music\s+|gaming\s+|little\s+)?(?:channel|videos?|music|songs?|stream|instagram|vids?|band|mixtape)\b"
    r"|\bsub(?:scribe)?\s+(?:to\s+)?(?:me|us)\b|\bi(?:'ll|\s+will)?\s+sub(?:scribe)?\s+back\b"
    r"|(?:订阅|关注)(?:一下)?我的(?:频道|视频号|抖音|快手|b站)",
    re.I,
)

# A line that ends the way bulk marketing messages end, with how to unsubscribe ("退订回T",
# "回复TD退订", "拒收请回复R"): a mass message pasted into a thread. None of the real forum gold
# lines, news and wiki paragraphs or genuine training lines ends so; a complaint about such
# messages ("回复TD退订没反应") does not end with the code.
UNSUBSCRIBE_FOOTER = re.compile(
    r"(?:退订|拒收)\s*(?:请)?回(?:复)?\s*[a-z0-9]{1,4}\W{0,3}$|回(?:复)?\s*[a-z0-9]{1,4}\s*退订\W{0,3}$", re.I)

# A line that cites where genuine text came from is content, whatever URL it has.
SOURCE_LINE = re.compile(r"^\s*(?:来源|來源|出处|出處|原文|转自|轉自|转载自|原文链接|原文地址|本文来源|source|via|from)\s*[:：]", re.I)

# Lines short enough that a contact id makes them an advert rather than a mention.
MAX_CONTACT_LINE_CHARS = 60


@lru_cache(maxsize=1)
def ad_keywords() -> dict[str, str]:
    """keyword -> topic, from the shipped table."""
    table: dict[str, str] = {}
    text = resources.files("cleaner").joinpath("data/spam_keywords.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        topic, keyword = line.split("\t")[:2]
        table[keyword.rstrip("*").lower()] = topic
    return table


@lru_cache(maxsize=1)
def _keyword_regex() -> re.Pattern[str]:
    words = sorted(ad_keywords(), key=len, reverse=True)
    return re.compile("|".join(_keyword_pattern(w) for w in words), re.I)


def _keyword_pattern(word: str) -> str:
    """Latin keywords match whole words only ("cialis" is not in "spécialisés"); CJK has no
    word boundaries, so Chinese keywords match anywhere."""
    escaped = re.escape(word)
    return rf"(?<!\w){escaped}(?!\w)" if word.isascii() else escaped


@lru_cache(maxsize=1)
def _fast_keyword_regex() -> re.Pattern[str]:
    """(Speed: the same matches, 3x faster on prose: fastregex.)"""
    return faster_regex(_keyword_regex())


def find_ad_keywords(text: str) -> list[str]:
    return [m.group(0).lower() for m in _fast_keyword_regex().finditer(text)]


def find_contacts(text: str) -> list[str]:
    return [name for name, pattern in CONTACT_PATTERNS if pattern.search(text)]


def find_evasive_contact(folded: str) -> str | None:
    """The name of the first evasive contact form in a folded line, or None."""
    return next((name for name, pattern in _FAST_EVASIVE_CONTACTS if pattern.search(folded)), None)


@lru_cache(maxsize=1)
def blocked_domains() -> frozenset[str]:
    """The blocked spam domains shipped with the package (konsheng/Sensitive-lexicon, MIT),
    without "www.": hosts are compared without it (the rules and the spam model both)."""
    text = resources.files("cleaner").joinpath("data/blocked_domains.txt").read_text("utf-8")
    return frozenset(line.strip().lower().removeprefix("www.") for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def url_domains(text: str) -> list[str]:
    out = []
    for url in URL.findall(text):
        m = DOMAIN.match(url)
        if m:
            out.append(m.group(1).lower().rstrip("."))
    return out


def is_blocked_domain(domain: str) -> bool:
    """True when the domain or any parent domain is on the blocked list."""
    blocked = blocked_domains()
    parts = domain.lower().removeprefix("www.").split(".")
    return any(".".join(parts[i:]) in blocked for i in range(len(parts) - 1))
