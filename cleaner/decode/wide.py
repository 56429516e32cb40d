"""UTF-16 and UTF-32 without a byte-order mark, recognised by reading them.

Such pages (saved by some Windows tools and old crawlers) were rejected as binary: English
ones because UTF-16 of ASCII is also valid UTF-8 (every other char a NUL), Chinese ones by the
count of NUL bytes. Here each wide codec, in both byte orders, reads a sample strictly, and the
reading is kept when most of its characters are ones text is made of (ASCII, Latin, Greek,
Cyrillic, kana, punctuation, the common Chinese characters). The wrong byte order of the same
bytes gives rare ideographs and other noise instead, so the orders do not compete.

Only bytes holding NULs are tried: markup, newlines and spaces put a NUL in every ASCII char of
a wide encoding, and no 8-bit page holds NULs but by damage.
"""

from __future__ import annotations

import re

from .detect import COMMON_HANZI
from .reading import _lenient, _strict
from .sniff import SNIFF_BYTES

WIDE_CODECS = ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be")  # UTF-32 first: also even NULs
MIN_TEXT_SHARE = 0.6  # share of text-like chars a reading needs to be taken
_TEXT_CHAR = re.compile(
    "[\t\n\r\x20-\x7e\u00a0-\u024f\u0370-\u04ff\u2000-\u206f\u3000-\u30ff\uff00-\uffef"
    + "".join(re.escape(c) for c in sorted(COMMON_HANZI)) + "]")


def wide_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, codec) if the bytes read as UTF-32 or UTF-16 text without a BOM; else None."""
    head = data[:SNIFF_BYTES - SNIFF_BYTES % 4]
    if len(head) < 4 or b"\x00" not in head:
        return None
    for codec in WIDE_CODECS:
        unit = 4 if "32" in codec else 2
        sample = _strict(head[:len(head) - len(head) % unit], codec)
        if sample and text_share(sample) >= MIN_TEXT_SHARE:
            text = _strict(data, codec) or _lenient(data, codec)
            if text is not None:
                return text, codec
    return None


def text_share(text: str) -> float:
    """Share of characters that ordinary text is made of."""
    return len(_TEXT_CHAR.findall(text)) / len(text) if text else 0.0
