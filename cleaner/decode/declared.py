"""The charset a page declares (HTTP ``Content-Type`` header, ``<meta>``, XML declaration),
and how far it is trusted: only as far as the bytes agree with it. Pages declared gb2312 hold
GBK-only characters, some declared Big5 are GBK, and many declare one charset and are saved in
UTF-8, so a declaration is checked against the bytes before it is used.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .detect import MIN_COMMON_HANZI_SHARE, _confident_cjk, _sample, common_hanzi_score
from .labels import BIG5_CANDIDATES, CJK_MULTIBYTE, LATIN_DEFAULTS, normalize_encoding
from .reading import _count_non_ascii, _lenient, _strict
from .sniff import SNIFF_BYTES

UTF8_OVERRIDE_MIN_CHARS = 8  # valid UTF-8 with this many multibyte chars beats a declaration

_META_TAG = re.compile(r"<meta\b[^<>]{0,2048}>", re.IGNORECASE)
_CHARSET_IN_TAG = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']""",
                       re.IGNORECASE)
_BODY_START = re.compile(r"<body\b", re.IGNORECASE)


def _header_charset(headers: Mapping[str, str] | None) -> str:
    """charset= of a Content-Type header; keys matched case-insensitively, bytes tolerated."""
    if not headers:
        return ""
    try:
        items = list(headers.items())
    except (AttributeError, TypeError):
        return ""
    for key, value in items:
        key = key.decode("latin-1") if isinstance(key, bytes) else str(key)
        if key.strip().lower() != "content-type":
            continue
        if isinstance(value, (list, tuple)):
            value = value[-1] if value else ""
        value = value.decode("latin-1") if isinstance(value, bytes) else str(value)
        found = _CHARSET_IN_TAG.search(value)
        return found.group(1) if found else ""
    return ""


def _meta_charset(data: bytes) -> str:
    """First charset declared by <meta> or the XML declaration before <body>."""
    head = data[:SNIFF_BYTES].decode("latin-1")
    xml = _XML_DECL.match(head)
    if xml:
        return xml.group(1)
    body = _BODY_START.search(head)
    for tag in _META_TAG.finditer(head, 0, body.start() if body else len(head)):
        found = _CHARSET_IN_TAG.search(tag.group(0))
        if found:
            return found.group(1)
    return ""


def _declarations(header_label: str, meta_label: str) -> list[tuple[str, str]]:
    """Header before meta, except a Latin-1 header default yields to a real meta charset."""
    found = [(label, source) for label, source in ((header_label, "header"), (meta_label, "meta"))
             if label]
    if len(found) == 2 and normalize_encoding(header_label) in LATIN_DEFAULTS \
            and normalize_encoding(meta_label) not in (None, *LATIN_DEFAULTS):
        found.reverse()
    return found


def _trust_declared(data: bytes, label: str, source: str) -> tuple[str, str, str, str] | None:
    """Use a declared charset as far as the bytes agree with it; None means 'look further'."""
    codec = normalize_encoding(label)
    if codec is None or (source == "meta" and codec.startswith("utf-16")):
        return None  # unknown label; a <meta> read as ASCII cannot be UTF-16 (as in browsers)
    if codec != "utf-8" and _utf8_with_multibyte(data):
        return _strict(data, "utf-8") or "", "utf-8", label, "utf-8"  # saved as UTF-8 anyway
    if _implausible_for_chinese(data, codec):
        cjk = _confident_cjk(data)
        if cjk is not None:
            return cjk[0], cjk[1], label, "detected"  # e.g. declared Big5, saved as GBK
    text = _strict(data, codec)
    if text is None and codec in BIG5_CANDIDATES:
        other = BIG5_CANDIDATES[1 - BIG5_CANDIDATES.index(codec)]
        text, codec = _strict(data, other), other
    if text is None:
        text = _lenient(data, codec)
    return None if text is None else (text, codec, label, source)


def _implausible_for_chinese(data: bytes, codec: str) -> bool:
    """A Latin default, or a CJK codec that reads the page as rare characters, is worth
    second-guessing (Big5 happily decodes GBK bytes without an error, and vice versa)."""
    if codec in LATIN_DEFAULTS:
        return True
    if codec not in CJK_MULTIBYTE:
        return False
    reading = _sample(data).decode(codec, errors="replace")
    return common_hanzi_score(reading) < MIN_COMMON_HANZI_SHARE


def _utf8_with_multibyte(data: bytes) -> bool:
    """Valid UTF-8 holding enough multibyte chars that a legacy encoding is implausible
    (GB18030 in particular decodes most UTF-8 Chinese without a single error)."""
    text = _strict(data, "utf-8")
    return text is not None and _count_non_ascii(text) >= UTF8_OVERRIDE_MIN_CHARS
