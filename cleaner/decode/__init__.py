"""Bytes -> text: the first stage of the pipeline.

Order of evidence, strongest first: byte-order mark, HTTP ``Content-Type`` charset,
``<meta>``/XML declaration, strict UTF-8, detection. Declarations are trusted only as far
as the bytes agree with them: Chinese pages declared gb2312 routinely hold GBK-only
characters, and many pages declare one charset and are saved in UTF-8. Detection looks
at samples spread over the whole page (not only its first kilobytes) and breaks ties
between GB18030 and Big5 with a table of common Chinese characters, because
charset-normalizer alone mistakes short GBK text for Korean or UTF-16.

Every failure is a ``CleanError`` subclass, whatever the bytes.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping
from dataclasses import dataclass

from cleaner.errors import (
    BinaryInputError,
    CleanError,
    DecodeError,
    PageTooLargeError,
    UnsupportedInputError,
)

MAX_PAGE_BYTES = 16 * 1024 * 1024  # larger pages raise PageTooLargeError (keyword max_bytes)
SNIFF_BYTES = 64 * 1024  # where <meta charset> is looked for (seen 42 KB deep on real pages)
DETECT_SAMPLE_BYTES = 256 * 1024  # bytes sampled, spread over the page, for detection
DETECT_CHUNKS = 4  # the sample is this many chunks spread evenly over a larger page
MAX_REPLACEMENT_RATIO = 0.02  # U+FFFD per non-ASCII char tolerated with a declared charset
FREE_REPLACEMENTS = 2  # a cut-off tail or a stray byte is always tolerated
MAX_DAMAGED_RATIO = 0.02  # last resort: U+FFFD per char tolerated in a damaged page
UTF8_OVERRIDE_MIN_CHARS = 8  # valid UTF-8 with this many multibyte chars beats a declaration
MIN_COMMON_HANZI_SHARE = 0.35  # share of common Chinese chars a CJK guess needs
MAX_CONTROL_RATIO = 0.05  # control chars in the decoded text above this -> binary
MAX_NUL_RATIO = 0.01  # NUL bytes in the first SNIFF_BYTES above this -> binary (unless UTF-16)
UTF16_NUL_SHARE = 0.3  # share of NULs on one byte parity that marks BOM-less UTF-16
HTML_SNIFF_CHARS = 64 * 1024  # decoded chars examined by the HTML-or-text test
MIN_HTML_TAGS = 3  # tags needed (with the density below) to call text HTML
MIN_HTML_TAGS_PER_KCHAR = 2.0

# Magic numbers of formats that are never a page: (name, prefix).
BINARY_SIGNATURES: tuple[tuple[str, bytes], ...] = (
    ("PNG image", b"\x89PNG\r\n\x1a\n"),
    ("JPEG image", b"\xff\xd8\xff"),
    ("GIF image", b"GIF87a"),
    ("GIF image", b"GIF89a"),
    ("PDF document", b"%PDF-"),
    ("ZIP archive", b"PK\x03\x04"),
    ("ZIP archive", b"PK\x05\x06"),
    ("gzip data (decompress it first)", b"\x1f\x8b"),
    ("bzip2 data (decompress it first)", b"BZh91AY&SY"),
    ("xz data (decompress it first)", b"\xfd7zXZ\x00"),
    ("zstd data (decompress it first)", b"\x28\xb5\x2f\xfd"),
    ("7z archive", b"7z\xbc\xaf\x27\x1c"),
    ("RAR archive", b"Rar!\x1a\x07"),
    ("ELF executable", b"\x7fELF"),
    ("Windows executable", b"MZ\x90\x00"),
    ("OLE document (doc/xls)", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
    ("WebAssembly module", b"\x00asm"),
    ("Java class file", b"\xca\xfe\xba\xbe"),
    ("RIFF media (webp/wav/avi)", b"RIFF"),
    ("ICO image", b"\x00\x00\x01\x00"),
    ("TIFF image", b"II*\x00"),
    ("TIFF image", b"MM\x00*"),
    ("SQLite database", b"SQLite format 3\x00"),
)

_BINARY_MAGICS = tuple(magic for _, magic in BINARY_SIGNATURES)

# Longest first, so UTF-32-LE's BOM is not taken for UTF-16-LE's.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

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
CJK_DETECT_CANDIDATES = ("gb18030", *BIG5_CANDIDATES)
FALLBACK_CODECS = ("utf-8", "gb18030")  # what damaged pages in this project's field mostly are

# The 500 most frequent hanzi in the project's Chinese articles (cmrc2018 wiki + news
# paragraphs, cwced pages excluded), the traditional forms of the simplified-only ones, and
# common full-width punctuation. A right decoding of Chinese text is ~70% these characters;
# GBK read as Big5 (or the reverse, or Korean read as GBK) yields rare ones instead.
COMMON_HANZI = frozenset(
    "的年一为中在是国有大于人以和上后月不了时成个学地会日出发生与之及部公作分长名主本现他行新用其代家区来"
    "到西而下多化方线被可体海路道自由子第位同文至开等前南要斯加东经高动这业小球所物北建民全也对最市法能并"
    "里车三亚理站内得过进台面电天世入色赛间场式尔因设平此任特政外合当种度期山港称美通都但立工事利马目军定"
    "员队重力水明产将两展二机教系共制安次或性类们龙原起者香城华十米数约就从号王实正科相比使关州布如克广司"
    "士形达心院表运德鱼金务语联战元太向社巴无头条保常四界基口岛总品提量视罗鳍然统英交列首食河湾属改说近程"
    "我治点尼拉又门则曾更结身影传女计包只意型组兰处该已洲始林格带应活少直管持流音受各果单义万乐县非校创资"
    "阿手古好接具演指推省史花著书集放字星取江回标足陆铁获群府游较神亦那专白历选村角级光纪济造些去质今没服"
    "版剧居族片五深命参还节领往京每别连武空播离黄委张齿变石际收客朝先规研知转风初信局阳它画红情强老认完很"
    "气未育划郡决她青即导冠举记据议着清观团术源卡构权背商示雄究状印见亲解引供域括复打官街样儿师职维党死园"
    "支黑题看协随夫骨侧增兴周己准易律超边故皇帝百环反论再效存营续奥容升汉湖调志干层底且越才短段速波半镇座"
    "為國時個學會發長現區來線開東經動這業對車亞內過進電賽間場爾設當稱馬軍員隊產將兩類們龍華數約從號實關廣"
    "達運魚務語聯戰無頭條島總視羅鰭統灣屬說點門則結傳計組蘭處該帶應單義樂縣創資書標陸鐵獲較專歷選級紀濟質"
    "沒劇參還節領別連黃張齒變際規轉風陽畫紅強認決導舉記議著觀團術權狀見親樣師職維園題協隨側興邊環論營續奧"
    "漢調層鎮後於與裡臺體機並麼"
    "，。、；：？！“”‘’（）《》「」『』…—"
)

assert COMMON_HANZI.isdisjoint(map(chr, range(128)))
_COMMON_HANZI_CHAR = re.compile("[" + "".join(re.escape(c) for c in sorted(COMMON_HANZI)) + "]")
_META_TAG = re.compile(r"<meta\b[^<>]{0,2048}>", re.IGNORECASE)
_CHARSET_IN_TAG = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']""",
                       re.IGNORECASE)
_BODY_START = re.compile(r"<body\b", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ue000-\uf8ff]")
# The same characters counted on UTF-8 bytes (see count_controls): the C0 controls and DEL are
# single bytes there, U+E000-U+EFFF all start with 0xEE, U+F000-U+F8FF are 0xEF 0x80-0xA3 ...
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_PRIVATE_USE_EF = re.compile(rb"\xef[\x80-\xa3]")
_HTML_START = re.compile(
    r"\A\s*<(?:!doctype\s+html|html\b|head\b|body\b|meta\b|title\b|\?xml\b|!--)", re.IGNORECASE)
_HTML_STRUCTURE = re.compile(r"<(?:!doctype\s+html|html\b|head>|body\b)", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:a|b|i|p|br|hr|div|span|font|table|tbody|tr|td|th|ul|ol|li|dl|dt|dd|img|script|style|"
    r"link|meta|form|input|iframe|center|strong|em|h[1-6]|section|article|header|footer|nav|"
    r"blockquote|pre|code)\b[^<>]{0,500}>",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Decoded:
    """Text of a page and how its encoding was chosen (``source``: bom, header, meta,
    detected, utf-8, fallback; ``str`` for text given as str)."""

    text: str
    encoding: str
    is_html: bool
    declared: str = ""
    source: str = ""


def decode(
    data: bytes,
    headers: Mapping[str, str] | None = None,
    *,
    max_bytes: int = MAX_PAGE_BYTES,
) -> Decoded:
    """Decode page bytes to text; raise only ``CleanError`` subclasses."""
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise UnsupportedInputError(f"decode() needs bytes, got {type(data).__name__}")
    if len(data) > max_bytes:
        raise PageTooLargeError(
            f"page is {len(data):,} bytes, over the limit of {max_bytes:,} bytes "
            "(pass a larger max_bytes to accept it)")
    try:
        return _decode_bytes(data, headers)
    except CleanError:
        raise
    except (ValueError, LookupError, TypeError, AttributeError, RuntimeError) as exc:
        raise DecodeError(f"internal error while decoding: {type(exc).__name__}: {exc}") from exc


def decode_text(text: str) -> Decoded:
    """Wrap text that is already str: only the HTML-or-text test applies."""
    text = text[1:] if text.startswith("\ufeff") else text
    if not text or text.isspace():  # = not text.strip()
        text = ""
    _reject_binary_text(text, "str")
    return Decoded(text=text, encoding="unicode", is_html=looks_like_html(text), source="str")


def looks_like_html(text: str) -> bool:
    """HTML if it starts like a document, has document structure, or is dense with tags;
    a text dump that quotes a tag or two stays text."""
    head = text[:HTML_SNIFF_CHARS]
    if _HTML_START.match(head) or _HTML_STRUCTURE.search(head):
        return True
    tags = sum(1 for _ in _HTML_TAG.finditer(head))
    return tags >= MIN_HTML_TAGS and tags * 1000 / max(len(head), 1) >= MIN_HTML_TAGS_PER_KCHAR


# --- the decision --------------------------------------------------------------------------


def _decode_bytes(data: bytes, headers: Mapping[str, str] | None) -> Decoded:
    if not data or data.isspace():  # = not data.strip(), without copying the page
        return Decoded(text="", encoding="", is_html=False)
    _reject_binary_signature(data)
    bom_choice = _by_bom(data)
    if bom_choice is not None:
        return _finish(*bom_choice)
    _reject_nul_heavy(data)
    header_label = _header_charset(headers)
    meta_label = _meta_charset(data)
    for label, source in _declarations(header_label, meta_label):
        chosen = _trust_declared(data, label, source)
        if chosen is not None:
            return _finish(*chosen)
    declared = header_label or meta_label
    utf8_text = _strict(data, "utf-8")
    if utf8_text is not None:
        return _finish(utf8_text, "utf-8", declared, "utf-8")
    fallbacks = [c for c in map(normalize_encoding, (header_label, meta_label)) if c]
    return _finish(*_detect(data, declared, fallbacks))


def _finish(text: str, encoding: str, declared: str, source: str) -> Decoded:
    """Drop a leading BOM, refuse binary-looking text, and sniff HTML."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text or text.isspace():  # = not text.strip(), without copying the page
        return Decoded(text="", encoding=encoding, is_html=False, declared=declared, source=source)
    _reject_binary_text(text, encoding)
    return Decoded(text=text, encoding=encoding, is_html=looks_like_html(text),
                   declared=declared, source=source)


def _reject_binary_text(text: str, encoding: str) -> None:
    """Text full of control or private-use characters is binary junk, however it arrived."""
    sample = text[:HTML_SNIFF_CHARS]
    controls = count_controls(sample)
    if controls > MAX_CONTROL_RATIO * len(sample):
        raise BinaryInputError(
            f"input looks binary ({controls} control or private-use characters among the first "
            f"{len(sample)} characters, read as {encoding})")


def count_controls(text: str) -> int:
    """How many characters of ``text`` match ``_CONTROL``, counted on the UTF-8 bytes: C-level
    byte operations instead of a regex scan that builds a list of every match (same count)."""
    if text.isascii():
        data = text.encode("ascii")
        return len(data) - len(data.translate(None, _CONTROL_BYTES))
    data = text.encode("utf-8", "surrogatepass")
    count = len(data) - len(data.translate(None, _CONTROL_BYTES)) + data.count(b"\xee")
    if b"\xef" in data:
        count += len(_PRIVATE_USE_EF.findall(data))
    return count


def _reject_binary_signature(data: bytes) -> None:
    head = data[:1024].lstrip()[:32]
    if not head.startswith(_BINARY_MAGICS):
        return
    for name, magic in BINARY_SIGNATURES:
        if head.startswith(magic):
            raise BinaryInputError(f"input looks binary ({name} signature {magic[:8]!r})")


def _reject_nul_heavy(data: bytes) -> None:
    """NUL bytes never occur in real pages except in BOM-less UTF-16, which ``_detect`` reads."""
    head = data[:SNIFF_BYTES]
    nuls = head.count(0)
    if nuls > MAX_NUL_RATIO * len(head) and _utf16_without_bom(head) is None:
        raise BinaryInputError(
            f"input looks binary ({nuls} NUL bytes in the first {len(head)} bytes)")


def _by_bom(data: bytes) -> tuple[str, str, str, str] | None:
    for bom, codec in BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            text = _strict(body, codec)
            if text is None:
                text = _lenient(body, codec)
            # A BOM followed by bytes that do not fit it: let the other evidence decide.
            return None if text is None else (text, codec, "", "bom")
    return None


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


def _detect(data: bytes, declared: str, fallbacks: list[str]) -> tuple[str, str, str, str]:
    """No usable declaration and not UTF-8: guess from samples spread over the whole page."""
    utf16 = _utf16_without_bom(data[:SNIFF_BYTES])
    if utf16 is not None:
        text = _lenient(data, utf16)
        if text is not None:
            return text, utf16, declared, "detected"
    cjk = _confident_cjk(data)
    if cjk is not None:
        return cjk[0], cjk[1], declared, "detected"
    guess = _charset_normalizer_guess(_sample(data))
    if guess is not None:
        text = _strict(data, guess) or _lenient(data, guess)
        if text is not None:
            return text, guess, declared, "detected"
    return (*_least_damaged(data, [*fallbacks, *([guess] if guess else []), *FALLBACK_CODECS]),
            declared, "fallback")


def _least_damaged(data: bytes, candidates: list[str]) -> tuple[str, str]:
    """Last resort for damaged pages: the reading with the fewest U+FFFD, if they are rare."""
    bad, text, codec = len(data) + 1, "", "utf-8"
    for candidate in dict.fromkeys(candidates):  # one reading kept at a time: pages can be big
        reading = data.decode(candidate, errors="replace")
        if reading.count("\ufffd") < bad:
            bad, text, codec = reading.count("\ufffd"), reading, candidate
    if bad > MAX_DAMAGED_RATIO * len(text):
        raise BinaryInputError(
            f"input looks binary (no text encoding fits the bytes: the best, {codec}, "
            f"leaves {bad} of {len(text)} characters undecodable)")
    return text, codec


def _confident_cjk(data: bytes) -> tuple[str, str] | None:
    """GB18030 or Big5, if one reads the sample as common Chinese; else None."""
    sample = _sample(data)
    best: tuple[float, str] | None = None
    for codec in CJK_DETECT_CANDIDATES:
        score = common_hanzi_score(sample.decode(codec, errors="replace"))
        if best is None or score > best[0]:
            best = (score, codec)
    if best is None or best[0] < MIN_COMMON_HANZI_SHARE:
        return None
    codec = best[1]
    text = _strict(data, codec) or _lenient(data, codec)
    return None if text is None else (text, codec)


def common_hanzi_score(text: str) -> float:
    """Share of non-ASCII chars that are common Chinese, each U+FFFD costing one more."""
    non_ascii = _count_non_ascii(text)
    if not non_ascii:
        return 0.0
    # (Speed: one C-level scan for the common characters, which are all non-ASCII, instead of
    # a list of every non-ASCII character tested one by one in Python: the same counts.)
    common = len(_COMMON_HANZI_CHAR.findall(text))
    return (common - text.count("\ufffd")) / non_ascii


def _charset_normalizer_guess(sample: bytes) -> str | None:
    from charset_normalizer import from_bytes

    try:
        best = from_bytes(sample, preemptive_behaviour=False,
                          cp_exclusion=["utf_16", "utf_16_le", "utf_16_be", "utf_32",
                                        "utf_32_le", "utf_32_be", "utf_7"]).best()
    except Exception:  # noqa: BLE001 - a detector bug must not crash the page
        return None
    return None if best is None else normalize_encoding(best.encoding)


def _sample(data: bytes) -> bytes:
    """Up to DETECT_SAMPLE_BYTES taken from evenly spaced places, so a page whose head is
    all ASCII markup is still judged by its text."""
    if len(data) <= DETECT_SAMPLE_BYTES:
        return data
    chunk = DETECT_SAMPLE_BYTES // DETECT_CHUNKS
    step = (len(data) - chunk) // (DETECT_CHUNKS - 1)
    return b"\n".join(data[i * step:i * step + chunk] for i in range(DETECT_CHUNKS))


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text of mostly ASCII/Latin chars has NULs on one byte parity only."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    even_share, odd_share = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_share >= UTF16_NUL_SHARE and even_share < MAX_NUL_RATIO:
        return "utf-16-le"
    if even_share >= UTF16_NUL_SHARE and odd_share < MAX_NUL_RATIO:
        return "utf-16-be"
    return None


# --- labels and codecs -------------------------------------------------------------------


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


def _utf8_with_multibyte(data: bytes) -> bool:
    """Valid UTF-8 holding enough multibyte chars that a legacy encoding is implausible
    (GB18030 in particular decodes most UTF-8 Chinese without a single error)."""
    text = _strict(data, "utf-8")
    return text is not None and _count_non_ascii(text) >= UTF8_OVERRIDE_MIN_CHARS
