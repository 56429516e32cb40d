"""Spam knowledge as data: contact-id patterns, call-to-action words, URL pattern and the
strong ad keywords (cleaner/data/spam_keywords.tsv). rules/lines.py combines them into
named rules; the spam model sees the same normalised text (cleaner.rules.normalize.for_matching)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..textutil import WEB_ADDRESS

URL = WEB_ADDRESS
DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})", re.I)

# Contact ids, matched on for_matching() text (full-width folded, spaced digits joined).
CONTACT_IDS: tuple[tuple[str, str], ...] = (
    ("mobile", r"(?<!\d)1[3-9]\d{9}(?!\d)"),
    ("hotline", r"(?<!\d)[48]00[-\s]?\d{3}[-\s]?\d{4}(?!\d)"),
    ("qq", r"QQ\s*(?:号|群)?\s*[:：]?\s*\d{5,11}(?!\d)"),
    ("wechat", r"微信\s*(?:号)?\s*[:：]?\s*(?=[-_A-Za-z]*\d)[A-Za-z][-_A-Za-z0-9]{5,19}|微信\s*(?:号)?\s*[:：]?\s*\d{6,11}"),
    ("whatsapp", r"(?:WhatsApp|Telegram|Viber|Line ID)\s*[:：]?\s*\+?[\d\s-]{7,}|(?:WhatsApp|Telegram)\s*[:：]?\s*@?\w{4,}"),
)
CONTACT_PATTERNS = tuple((name, re.compile(p, re.I)) for name, p in CONTACT_IDS)

# Words that turn a number into an invitation to get in touch.
CALL_TO_ACTION = re.compile(
    r"联系|聯繫|咨询|諮詢|详询|详情|加我|请加|添加|欢迎|电话|热线|手机|客服|预约|订购|代理|加盟|"
    r"微信|QQ|contact|call|text me|whatsapp|telegram|dm me",
    re.I,
)

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


def find_ad_keywords(text: str) -> list[str]:
    return [m.group(0).lower() for m in _keyword_regex().finditer(text)]


def find_contacts(text: str) -> list[str]:
    return [name for name, pattern in CONTACT_PATTERNS if pattern.search(text)]


@lru_cache(maxsize=1)
def blocked_domains() -> frozenset[str]:
    text = resources.files("cleaner").joinpath("data/blocked_domains.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


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
    parts = domain.split(".")
    return any(".".join(parts[i:]) in blocked for i in range(len(parts) - 1))
