"""Charset labels -> Python codecs: the labels pages and detectors use, widened to what such
pages really hold, and the groups of codecs the other steps reason with. Shared by the
declared charsets and by detection (charset-normalizer's names go through it too).
"""

from __future__ import annotations

import codecs

# Charset labels seen on the web -> the Python codec that decodes what such pages really hold.
# GB2312/GBK pages contain GBK-only characters, so every GB label widens to GB18030; Big5
# widens to cp950 (Microsoft's Big5) with Big5-HKSCS tried next; Latin-1 and ASCII labels
# mean windows-1252 in practice (as in browsers).
ENCODING_ALIASES: dict[str, str] = {
    **dict.fromkeys(
        ["gb2312", "gbk", "x-gbk", "gb-2312-80", "gb-2312", "cp936", "ms936", "windows-936",
         "euc-cn", "x-euc-cn", "csgb2312", "chinese", "iso-ir-58", "csiso58gb231280", "gb18030",
         "gb-18030"],
        "gb18030",
    ),
    **dict.fromkeys(
        ["big5", "big-5", "x-x-big5", "cn-big5", "csbig5", "cp950", "ms950", "windows-950",
         "x-big5"],
        "cp950",
    ),
    **dict.fromkeys(["big5-hkscs", "big5hkscs", "hkscs"], "big5hkscs"),
    **dict.fromkeys(
        ["shift-jis", "shift_jis", "sjis", "x-sjis", "ms-kanji", "csshiftjis", "windows-31j",
         "cp932", "ms932", "x-ms-cp932"],
        "cp932",
    ),
    **dict.fromkeys(["euc-jp", "x-euc-jp", "cseucpkdfmtjapanese"], "euc_jp"),
    **dict.fromkeys(["euc-kr", "ks-c-5601-1987", "ks-c-5601", "windows-949", "cp949",
                     "ksc5601", "korean", "csksc56011987", "x-windows-949"], "cp949"),
    **dict.fromkeys(["iso-8859-1", "latin1", "latin-1", "l1", "iso8859-1", "us-ascii", "ascii",
                     "ansi-x3.4-1968", "windows-1252", "cp1252", "x-cp1252"], "cp1252"),
    **dict.fromkeys(["utf8", "utf-8", "unicode-1-1-utf-8", "x-unicode20utf8"], "utf-8"),
}
CJK_MULTIBYTE = frozenset({"gb18030", "cp950", "big5hkscs", "cp932", "euc_jp", "cp949"})
LATIN_DEFAULTS = frozenset({"cp1252"})  # what servers send when nobody configured a charset
UNSAFE_CODECS = frozenset({"utf_7", "idna", "punycode", "raw_unicode_escape", "unicode_escape",
                           "undefined", "mbcs", "oem", "charmap"})
BIG5_CANDIDATES = ("cp950", "big5hkscs")


def normalize_encoding(label: str) -> str | None:
    """A charset label -> the Python codec to use, or None if unknown or unsafe."""
    key = label.strip().strip("\"'").lower().replace("_", "-")
    if not key or len(key) > 40:
        return None
    name = ENCODING_ALIASES.get(key, key)
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name.replace("-", "_") in UNSAFE_CODECS:
        return None
    canonical = ENCODING_ALIASES.get(info.name.replace("_", "-"), info.name)
    return "utf-8" if canonical in ("utf_8", "utf-8") else canonical
