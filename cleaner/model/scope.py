"""Which kept lines the spam model is asked about.

The model learned Chinese ad lines and contact tricks; Western prose with no number, handle,
price or ad vocabulary is outside what it knows, so it is not asked (precision over recall)."""

from __future__ import annotations

import re

from ..prefilter import lowered, may_contain, needed_literals
from ..rules import spam_patterns as sp
from ..textutil import cjk_share

# Lines with at least this share of CJK characters are always scored by the spam model.
MODEL_MIN_CJK_SHARE = 0.3
# Other lines are scored only when they carry what an advert needs to be answered: a phone-like
# number, a handle, a price, or ad vocabulary. A bare link is not enough: genuine Western posts
# link to shops and docs all the time (the model flagged 1.1% of such posts).
_COMMERCIAL_SIGNAL = re.compile(r"\d{5,}|(?<!\w)@\w|[$€£¥]\s?\d", re.I)


def in_model_scope(text: str, *, min_cjk_share: float = MODEL_MIN_CJK_SHARE) -> bool:
    """True when the spam model is to score this kept line."""
    if cjk_share(text) >= min_cjk_share:
        return True
    # (Speed: the URL and keyword regexes are case-insensitive alternations, slow on prose; each
    # runs only on lines holding the literals it needs, read from the pattern: same answers.)
    lower = lowered(text)
    without_links = sp.URL.sub(" ", text) if may_contain(needed_literals(sp.URL), lower) else text
    # digits inside a link are not a phone number
    if _COMMERCIAL_SIGNAL.search(without_links):
        return True
    return may_contain(needed_literals(sp._keyword_regex()), lower) and bool(sp.find_ad_keywords(text))
