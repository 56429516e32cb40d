"""Reading bytes with one codec, the primitive every other step of the decode stage uses:
strictly (forgiving only a multibyte char cut off at the very end) or leniently (a few
U+FFFD tolerated).
"""

from __future__ import annotations

import codecs

MAX_REPLACEMENT_RATIO = 0.02  # U+FFFD per non-ASCII char tolerated with a declared charset
FREE_REPLACEMENTS = 2  # a cut-off tail or a stray byte is always tolerated


def _strict(data: bytes, codec: str) -> str | None:
    """Strict decoding that forgives only a multibyte char cut off at the very end
    (it becomes U+FFFD); None if any other byte is invalid."""
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    try:
        text = decoder.decode(data, final=False)
    except UnicodeDecodeError:
        return None
    try:
        return text + decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return text + "\ufffd"


def _lenient(data: bytes, codec: str) -> str | None:
    """Decoding with U+FFFD for bad bytes, if they are few; None if too many."""
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd")
    if bad <= FREE_REPLACEMENTS:
        return text
    return text if bad <= MAX_REPLACEMENT_RATIO * _count_non_ascii(text) else None


def _count_non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", errors="ignore"))
