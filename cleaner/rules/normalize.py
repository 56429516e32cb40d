"""Text normalisation shared by rules and the spam model, so both see evasions undone:
full-width forms folded (NFKC), zero-width characters dropped, spaces between CJK
characters removed, and common homoglyph spellings of contact words mapped back.

Speed: most lines are long article paragraphs that hold no evasion at all. Each
substitution is therefore tried only on lines holding the literals every match must contain
(``needed_literals``, read from the pattern itself), so the pattern's meaning is unchanged."""

from __future__ import annotations

import re
import unicodedata

from ..prefilter import any_needs, lowered, may_contain, needed_literals
from .fastregex import faster_regex
from ..textutil import HAN, collapse_spaces

# Invisible characters spammers put between letters and digits (keycap and variation marks,
# direction marks and invisible operators too). The one list: the spam model drops the same ones.
ZERO_WIDTH_CHARS = ("\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\ufeff\u00ad\u180e\u034f"
                    "\u20e3\ufe0e\ufe0f")
ZERO_WIDTH = dict.fromkeys(map(ord, ZERO_WIDTH_CHARS), None)
_ZERO_WIDTH_CHAR = re.compile("[" + "".join(map(chr, ZERO_WIDTH)) + "]")
# Look-alikes of zero inside digit runs: "0311-8826○7715".
_ZERO_LOOKALIKE = re.compile(r"(?<=\d)[○〇oO](?=\d)|(?<=\d)[○〇](?=\D|$)")
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{HAN}])\s+(?=[{HAN}])")
_SPACED_DIGITS = re.compile(r"(?<=\d)[\s.\-·•_]{1,2}(?=\d)")
_DIGIT = re.compile(r"\d")

# Spellings spammers use to dodge filters, mapped to the word they stand for.
# The spellings themselves are shared with the spam model (cleaner.model.textforms builds its
# lower-case evasion pass from the same data): one list of what stands for WeChat and QQ.
WECHAT_HOMOPHONES = "薇威维徽嶶葳"  # sound like 微 of 微信
WECHAT_XIN = "信芯"  # 信 and its look-alike
QQ_SPELLINGS = ("扣扣", "抠抠", "秋秋", "企鹅号")
EVASIONS: tuple[tuple[str, str], ...] = (
    (rf"[{WECHAT_HOMOPHONES}]信|[vV][{WECHAT_XIN}]|[wW][eE][iI]?[xX][iI][nN]|(?<![A-Za-z])[vVwW][xX](?=\s*[:：]|\s*\d)"
     rf"|加\s?[vV](?![a-zA-Z])|加\s?[{WECHAT_HOMOPHONES}](?![{WECHAT_XIN}])", "微信"),
    ("|".join(QQ_SPELLINGS) + r"|(?<![A-Za-z])[qQ]\s?[qQ](?![A-Za-z])|(?<![A-Za-z])[qQ](?=\s*群?\s*[:：])", "QQ"),
    # "tel" as a word only: "Hotel", "Schachtel", "Kartel" keep their letters
    (r"[电電][话話]|热线|(?<![A-Za-z])(?:tel|TEL|Tel)\b", "电话"),
)
_EVASION_PATTERNS = tuple((re.compile(p), repl) for p, repl in EVASIONS)

# (Speed: each runs only on lines holding its needed literals, in its faster form (fastregex):
# the three substitutions 1.8 -> 0.7 ms on the bench pages' lines.)
_EVASION_NEEDS = tuple((needed_literals(pattern), faster_regex(pattern), repl) for pattern, repl in _EVASION_PATTERNS)
# (Speed: most lines hold none of them: one test of all their clauses first, 3.1 -> 1.4 ms.)
_ANY_EVASION_NEEDS = any_needs(needs for needs, _, _ in _EVASION_NEEDS)
# (Speed: both branches need a digit before the look-alike; English lines with a digit nearly
# all hold an "o", and the pattern's look-behind start is slow to scan: 6.2 -> 1.4 ms.)
_ZERO_LOOKALIKE_GATE = re.compile(r"\d[○〇oO]")


# ---------------------------------------------------------------- normalisation
# (Speed: NFKC costs ~10 us on a line of Chinese prose, and what it changes there is nearly
# always full-width punctuation and digits ("，：（１）"). Those forms, the ideographic space and
# the ellipsis decompose to plain characters that combine with nothing, so writing them as their
# decomposition first leaves the NFKC form unchanged (same NFKD); when the line is NFKC then,
# that is its NFKC form, else unicodedata computes it as before. Measured 4x faster on the
# body lines of the bench pages.)
WIDE_FORMS = {chr(c): unicodedata.normalize("NFKD", chr(c)) for c in (*range(0xFF01, 0xFF5F), 0x3000, 0x2026)}
assert not any(unicodedata.combining(ch) for plain in WIDE_FORMS.values() for ch in plain), "plain starters"
# (Speed: as a list indexed by code point, identity outside WIDE_FORMS: str.translate with a dict
# raises and clears a KeyError for every character it does not map; 6.0 -> 3.2 ms on the bench
# pages' lines. Characters past the list (outside the BMP) are left as they are, as by the dict.)
_PLAIN_FORMS: list[int | str] = list(range(0x10000))
for _wide, _plain in WIDE_FORMS.items():
    _PLAIN_FORMS[ord(_wide)] = _plain
del _wide, _plain


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, faster on text whose only compatibility
    characters are full-width forms."""
    if unicodedata.is_normalized("NFKC", text):
        return text
    quick = text.translate(_PLAIN_FORMS)
    return quick if unicodedata.is_normalized("NFKC", quick) else unicodedata.normalize("NFKC", text)


def fold(text: str) -> str:
    """NFKC-fold and drop zero-width characters: what every matcher should see."""
    if text.isascii():
        return text  # ASCII is NFKC already and holds no zero-width character
    text = nfkc(text)
    return text.translate(ZERO_WIDTH) if _ZERO_WIDTH_CHAR.search(text) else text


def for_matching(text: str) -> str:
    """The evasion-proof form of a line used by spam patterns and features."""
    return matching_form(collapse_spaces(fold(text)))


def matching_form(folded: str) -> str:
    """``for_matching`` of a line already folded and whitespace-collapsed."""
    return matching_forms(folded)[0]


def matching_forms(folded: str, folded_lower: str | None | object = ...) -> tuple[str, str | None]:
    """(``matching_form(folded)``, its ``lowered`` form); ``folded_lower``: ``lowered(folded)``
    when the caller has it (Speed: a line is lower-cased once when nothing here changes it)."""
    text = folded
    if " " in text and not text.isascii():  # a space between CJK characters (the only space left)
        text = _SPACE_BETWEEN_CJK.sub("", text)
    has_digit = _DIGIT.search(text) is not None  # both digit patterns need one before the match
    if has_digit:
        text = _SPACED_DIGITS.sub("", text)
    lower = folded_lower if text is folded and folded_lower is not ... else lowered(text)
    if has_digit and _ZERO_LOOKALIKE_GATE.search(text):
        replaced = _ZERO_LOOKALIKE.sub("0", text)
        if replaced is not text:
            text, lower = replaced, lowered(replaced)
    if may_contain(_ANY_EVASION_NEEDS, lower):
        for needs, pattern, repl in _EVASION_NEEDS:
            text, lower = _sub_if_possible(needs, pattern, repl, text, lower)
    return text, lower


def _sub_if_possible(needs, pattern: re.Pattern[str], repl: str, text: str, lower: str | None) -> tuple[str, str | None]:
    """pattern.sub on a text that holds the pattern's needed literals; (text, its lowered form)."""
    if not may_contain(needs, lower):
        return text, lower
    replaced = pattern.sub(repl, text)
    if replaced is text:  # (re returns the very string when nothing matched)
        return text, lower
    return replaced, lowered(replaced)
