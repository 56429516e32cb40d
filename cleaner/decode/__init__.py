"""Bytes -> text: the first stage of the pipeline.

Order of evidence, strongest first: byte-order mark, HTTP ``Content-Type`` charset,
``<meta>``/XML declaration, strict UTF-8, detection. Declarations are trusted only as far
as the bytes agree with them: Chinese pages declared gb2312 routinely hold GBK-only
characters, and many pages declare one charset and are saved in UTF-8. Detection looks
at samples spread over the whole page (not only its first kilobytes) and breaks ties
between GB18030 and Big5 with a table of common Chinese characters, because
charset-normalizer alone mistakes short GBK text for Korean or UTF-16.

Every failure is a ``CleanError`` subclass, whatever the bytes.

The steps, one module each, in the order the decision below consults them: ``sniff`` (the
raw bytes: binary signatures, NULs, byte-order mark, UTF-16 without one), ``declared`` (the
header, ``<meta>`` or XML charset, and how far it is trusted), ``detect`` (when nothing
trustworthy is declared), ``kind`` (the decoded text: binary junk, HTML or a text dump).
``labels`` maps charset labels to codecs; ``reading`` decodes with one codec, strictly or
leniently. This module is the stage's public entry and that decision.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..textutil import replace_surrogates
from ..errors import (
    CleanError,
    DecodeError,
    PageTooLargeError,
    UnsupportedInputError,
)
from .declared import _declarations, _header_charset, _meta_charset, _trust_declared
from .detect import COMMON_HANZI, _detect, common_hanzi_score
from .kind import _reject_binary_text, count_controls, looks_like_html
from .labels import normalize_encoding
from .reading import _strict
from .sniff import _by_bom, _reject_binary_signature, _reject_nul_heavy
from .wide import wide_without_bom

__all__ = [
    "COMMON_HANZI",
    "MAX_PAGE_BYTES",
    "Decoded",
    "common_hanzi_score",
    "count_controls",
    "decode",
    "decode_text",
    "looks_like_html",
    "normalize_encoding",
]

MAX_PAGE_BYTES = 16 * 1024 * 1024  # larger pages raise PageTooLargeError (keyword max_bytes)


@dataclass(slots=True)
class Decoded:
    """Text of a page and how its encoding was chosen (``source``: bom, header, meta,
    detected, utf-8, fallback; ``str`` for text given as str)."""

    text: str
    encoding: str
    is_html: bool
    declared: str = ""
    source: str = ""
    # The page's bytes when they are ``text`` exactly, in UTF-8 (else None). (Speed: the parser
    # reads them as they are; given the text, lxml would encode it to UTF-8 again.)
    utf8: bytes | None = field(default=None, compare=False, repr=False)


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
    """Wrap text that is already str: only the HTML-or-text test applies. Lone surrogates
    (which no parser or file accepts) become U+FFFD, so no text after one is lost."""
    text = replace_surrogates(text[1:] if text.startswith("\ufeff") else text)
    if not text or text.isspace():  # = not text.strip()
        text = ""
    _reject_binary_text(text, "str")
    return Decoded(text=text, encoding="unicode", is_html=looks_like_html(text), source="str")


# --- the decision --------------------------------------------------------------------------


def _decode_bytes(data: bytes, headers: Mapping[str, str] | None) -> Decoded:
    if not data or data.isspace():  # = not data.strip(), without copying the page
        return Decoded(text="", encoding="", is_html=False)
    _reject_binary_signature(data)
    bom_choice = _by_bom(data)
    if bom_choice is not None:
        return _finish(*bom_choice)
    wide = wide_without_bom(data)
    if wide is not None:
        return _finish(wide[0], wide[1], "", "detected")
    _reject_nul_heavy(data)
    header_label = _header_charset(headers)
    meta_label = _meta_charset(data)
    for label, source in _declarations(header_label, meta_label):
        chosen = _trust_declared(data, label, source)
        if chosen is not None:
            return _finish(*chosen, data=data)
    declared = header_label or meta_label
    utf8_text = _strict(data, "utf-8")
    if utf8_text is not None:
        return _finish(utf8_text, "utf-8", declared, "utf-8", data=data)
    fallbacks = [c for c in map(normalize_encoding, (header_label, meta_label)) if c]
    return _finish(*_detect(data, declared, fallbacks), data=data)


def _finish(text: str, encoding: str, declared: str, source: str, data: bytes | None = None) -> Decoded:
    """Drop a leading BOM, refuse binary-looking text, and sniff HTML. ``data``: the bytes the
    text was read from, whole (not given for a BOM's reading, which reads the bytes after it)."""
    if text.startswith("\ufeff"):
        text, data = text[1:], None
    utf8 = data if encoding == "utf-8" and data is not None and _read_exactly(text) else None
    # (Speed: a NUL is looked for in the bytes where they are the text: a C-level memchr; in
    # the text of a Chinese page, one comparison per character.)
    if (b"\x00" in utf8) if utf8 is not None else ("\x00" in text):
        # stray NULs (the byte test let them through): no page text holds one
        text, utf8 = text.replace("\x00", ""), None
    if not text or text.isspace():  # = not text.strip(), without copying the page
        return Decoded(text="", encoding=encoding, is_html=False, declared=declared, source=source)
    _reject_binary_text(text, encoding, utf8)
    return Decoded(text=text, encoding=encoding, is_html=looks_like_html(text),
                   declared=declared, source=source, utf8=utf8)


def _read_exactly(text: str) -> bool:
    """Whether a UTF-8 reading of whole bytes (strict, or with U+FFFD for bad or cut-off bytes)
    is those bytes exactly: no U+FFFD came in (a U+FFFD the page holds is taken for one too)."""
    return "\ufffd" not in text
