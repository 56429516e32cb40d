"""What the decoded text is: binary junk that happened to decode (control and private-use
characters), HTML, or a text dump. Applies alike to decoded bytes and to text given as str.
"""

from __future__ import annotations

import re

from ..errors import BinaryInputError

MAX_CONTROL_RATIO = 0.05  # control chars in the decoded text above this -> binary
HTML_SNIFF_CHARS = 64 * 1024  # decoded chars examined by the HTML-or-text test
MIN_HTML_TAGS = 3  # tags needed (with the density below) to call text HTML
MIN_HTML_TAGS_PER_KCHAR = 2.0

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ue000-\uf8ff]")
# The same characters counted on UTF-8 bytes (see count_controls): the C0 controls and DEL are
# single bytes there, U+E000-U+EFFF all start with 0xEE, U+F000-U+F8FF are 0xEF 0x80-0xA3 ...
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
# ... and 0xEE is never a continuation byte: deleted with the controls, one pass counts both.
_CONTROL_OR_EE_BYTES = _CONTROL_BYTES + b"\xee"
_PRIVATE_USE_EF = re.compile(rb"\xef[\x80-\xa3]")
_HTML_START = re.compile(
    r"\A\s*<(?:!doctype\s+html|html\b|head\b|body\b|meta\b|title\b|\?xml\b|!--)", re.IGNORECASE)
_HTML_STRUCTURE = re.compile(r"<(?:!doctype\s+html|html\b|head>|body\b)", re.IGNORECASE)
_TAG_NAMES = (r"a|b|i|p|br|hr|div|span|font|table|tbody|tr|td|th|ul|ol|li|dl|dt|dd|img|script|style|"
              r"link|meta|form|input|iframe|center|strong|em|h[1-6]|section|article|header|footer|nav|"
              r"blockquote|pre|code")
_HTML_TAG = re.compile(rf"</?(?:{_TAG_NAMES})\b[^<>]{{0,500}}>", re.IGNORECASE)
# One element, as a crawler's selector returns it (``response.css("div.post").get()``): it opens
# with a known tag and closes with the same tag, however few tags it holds.
_FRAGMENT_OPEN = re.compile(rf"\A\s*<({_TAG_NAMES})\b[^<>]{{0,500}}>", re.IGNORECASE)
FRAGMENT_TAIL_CHARS = 200  # the closing tag is looked for in this many last characters


def looks_like_html(text: str) -> bool:
    """HTML if it starts like a document, has document structure, is one element (a fragment
    from a selector), or is dense with tags; a text dump that quotes a tag or two stays text."""
    head = text[:HTML_SNIFF_CHARS]
    if _HTML_START.match(head) or _HTML_STRUCTURE.search(head) or _is_one_element(text):
        return True
    tags = sum(1 for _ in _HTML_TAG.finditer(head))
    return tags >= MIN_HTML_TAGS and tags * 1000 / max(len(head), 1) >= MIN_HTML_TAGS_PER_KCHAR


def _is_one_element(text: str) -> bool:
    opened = _FRAGMENT_OPEN.match(text)
    if not opened:
        return False
    tail = text[-FRAGMENT_TAIL_CHARS:].rstrip()
    return re.search(rf"</{re.escape(opened.group(1))}\s*>\Z", tail, re.IGNORECASE) is not None


def _reject_binary_text(text: str, encoding: str, utf8: bytes | None = None) -> None:
    """Text full of control or private-use characters is binary junk, however it arrived.
    ``utf8``: the text's UTF-8 bytes, if at hand (Speed: a short text is not encoded again)."""
    sample = text[:HTML_SNIFF_CHARS]
    if utf8 is not None and len(sample) == len(text):
        controls = count_utf8_controls(utf8)
    else:
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
    return count_utf8_controls(text.encode("utf-8", "surrogatepass"))


def count_utf8_controls(data: bytes) -> int:
    """count_controls of the text these UTF-8 bytes encode."""
    count = len(data) - len(data.translate(None, _CONTROL_OR_EE_BYTES))
    if b"\xef" in data:
        count += len(_PRIVATE_USE_EF.findall(data))
    return count
