"""Text normalisation shared by rules and the spam model, so both see evasions undone:
full-width forms folded (NFKC), zero-width characters dropped, spaces between CJK
characters removed, and common homoglyph spellings of contact words mapped back."""

from __future__ import annotations

import re
import unicodedata

# Invisible characters spammers put between letters and digits (keycap and variation marks too).
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u20e3\ufe0e\ufe0f"), None)
# Look-alikes of zero inside digit runs: "0311-8826○7715".
_ZERO_LOOKALIKE = re.compile(r"(?<=\d)[○〇oO](?=\d)|(?<=\d)[○〇](?=\D|$)")
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_SPACED_DIGITS = re.compile(r"(?<=\d)[\s.\-·•_]{1,2}(?=\d)")
_WHITESPACE = re.compile(r"\s+")

# Spellings spammers use to dodge filters, mapped to the word they stand for.
EVASIONS: tuple[tuple[str, str], ...] = (
    (r"[薇威维徽嶶]信|[vV][信芯]|[wW][eE][iI]?[xX][iI][nN]|(?<![A-Za-z])[vVwW][xX](?=\s*[:：]|\s*\d)|加\s?[vV](?![a-zA-Z])", "微信"),
    (r"扣扣|(?<![A-Za-z])[qQ]\s?[qQ](?![A-Za-z])|企鹅号|秋秋|(?<![A-Za-z])[qQ](?=\s*群?\s*[:：])", "QQ"),
    (r"[电電][话話]|热线|tel\b|TEL\b|Tel\b", "电话"),
)
_EVASION_PATTERNS = tuple((re.compile(p), repl) for p, repl in EVASIONS)


def fold(text: str) -> str:
    """NFKC-fold and drop zero-width characters: what every matcher should see."""
    return unicodedata.normalize("NFKC", text).translate(ZERO_WIDTH)


def collapse_spaces(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def for_matching(text: str) -> str:
    """The evasion-proof form of a line used by spam patterns and features."""
    text = collapse_spaces(fold(text))
    text = _SPACE_BETWEEN_CJK.sub("", text)
    text = _SPACED_DIGITS.sub("", text)
    text = _ZERO_LOOKALIKE.sub("0", text)
    for pattern, repl in _EVASION_PATTERNS:
        text = pattern.sub(repl, text)
    return text


_CJK_CHAR = re.compile(rf"[{_CJK}]")
_NON_SPACE = re.compile(r"\S")


def cjk_share(text: str) -> float:
    """Share of CJK characters among non-space characters (language and length logic)."""
    chars = len(_NON_SPACE.findall(text))
    return len(_CJK_CHAR.findall(text)) / chars if chars else 0.0
