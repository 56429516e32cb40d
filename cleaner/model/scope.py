"""Which kept lines the spam model is asked about.

The model learned Chinese ad lines and contact tricks, and English comment spam (bare domains,
t.me links, $TICKER pumps, "check out my channel"); Western prose with no number, handle,
price, address, ticker, solicitation or ad vocabulary is outside what it knows, so it is not
asked (precision over recall)."""

from __future__ import annotations

import re

from ..prefilter import lowered, may_contain, needed_literals
from ..rules import spam_patterns as sp
from ..rules.fastregex import faster_regex
from ..rules.normalize import fold
from ..textutil import cjk_share

# Lines with at least this share of CJK characters are always scored by the spam model.
MODEL_MIN_CJK_SHARE = 0.3
# Other lines are scored only when they carry what an advert needs to be answered: a phone-like
# number, a handle, a price, or ad vocabulary. A bare link is not enough: genuine Western posts
# link to shops and docs all the time (the model flagged 1.1% of such posts).
_COMMERCIAL_SIGNAL = re.compile(r"\d{5,}|(?<!\w)@\w|[$€£¥]\s?\d", re.I)
# What an English ad reply carries instead: a web address (also bare: "abc123.top", "t.me/x"),
# a $TICKER, or an invitation. The model (trained on real comment spam and genuine comments
# with links) decides; these only decide that it is asked.
_ENGLISH_AD_SIGNAL = re.compile(
    r"\$[A-Z]{2,6}\b|\b(?:check\s+(?:out|my|me|this)|subscribe|subs|visit|click|dm\s+me|telegram|whatsapp|buy|cheap|"
    r"earn|discount|promo|follow\s+me|my\s+(?:channel|music|song|video|page|blog|shop|website|stream))\b",
    re.I,
)


# Western lines are removed by the model only at this score or above, whatever its trained
# threshold: its genuine Western training text is docs prose and written replies, and real
# Western forum talk of buying, prices and links reads as an ad more often than Chinese forum
# text does (bench/model_english_fp.py, harvest posts in scope flagged: 0.52% at the trained
# threshold 0.979, 0.44% with this floor). The Western spam the model knows scores far above it.
WESTERN_MIN_SPAM_SCORE = 0.985


def line_threshold(text: str, threshold: float, *, min_cjk_share: float = MODEL_MIN_CJK_SHARE,
                   western_min: float = WESTERN_MIN_SPAM_SCORE) -> float:
    """The score at or above which the model's reading removes this line."""
    return threshold if cjk_share(text) >= min_cjk_share else max(threshold, western_min)


# (Speed: what each of those can match without; prose holds none of it most of the time.)
_DIGIT_OR_AT = re.compile(r"[\d@]")  # every branch of _COMMERCIAL_SIGNAL holds a digit or an "@"
_ENGLISH_AD_NEEDS = needed_literals(_ENGLISH_AD_SIGNAL)
_COMMERCIAL, _ENGLISH_AD = faster_regex(_COMMERCIAL_SIGNAL), faster_regex(_ENGLISH_AD_SIGNAL)  # (the same matches)
# Every web address (sp.ANY_WEB_ADDRESS) holds a scheme, "www." or a dot and its ending: one
# fast scan (the address pattern itself tries a domain at every letter: this step 6.4 -> 0.9 ms on
# the bench pages' 889 Western lines; its derived literals, the endings without their dot, are in
# nearly every line).
_ADDRESS_GATE = re.compile(rf"https?://|www\.|\.(?:{sp.BARE_DOMAIN_TLDS})(?![a-z0-9-])")


# A link to a site's front page or a short path ("murdev.com", "www.abc.top/reg", "t.me/x") is
# what an ad points to; a deep link (an image, a docs page, a thread) is what genuine posts cite.
AD_ADDRESS_MAX_PATH = 32


def _has_ad_like_address(lower: str, *, max_path: int = AD_ADDRESS_MAX_PATH) -> bool:
    for match in sp.ANY_WEB_ADDRESS.finditer(lower):
        address = match.group(0).split("://", 1)[-1]
        host, _, path = address.partition("/")
        if host == "t.me" or (len(path) <= max_path and "/" not in path.rstrip("/")):
            return True
    return False


def in_model_scope(text: str, *, min_cjk_share: float = MODEL_MIN_CJK_SHARE) -> bool:
    """True when the spam model is to score this kept line."""
    if cjk_share(text) >= min_cjk_share:
        return True
    # Western text as the model reads it: full-width letters folded, zero-width characters dropped
    # ("ｓｐｉｎ noｗ ａｔ ｑｑｓｐ０９.ｃｎ／", "app\u200dly at h\ufeffttp://..." hide their address otherwise)
    text = fold(text)
    # (Speed: the URL and keyword regexes are case-insensitive alternations, slow on prose; each
    # runs only on lines holding the literals it needs, read from the pattern: same answers.)
    lower = lowered(text)
    without_links = sp.URL.sub(" ", text) if may_contain(needed_literals(sp.URL), lower) else text
    # digits inside a link are not a phone number
    if _DIGIT_OR_AT.search(without_links) and _COMMERCIAL.search(without_links):
        return True
    if may_contain(_ENGLISH_AD_NEEDS, lower) and _ENGLISH_AD.search(text):
        return True
    if "." in text:
        lower_text = text.lower()  # (not ``lower``: that is None when it holds a case trap)
        if _ADDRESS_GATE.search(lower_text) and _has_ad_like_address(lower_text):
            return True
    return may_contain(needed_literals(sp._keyword_regex()), lower) and bool(sp.find_ad_keywords(text))
