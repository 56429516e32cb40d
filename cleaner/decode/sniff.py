"""Looks at the raw bytes before any charset is considered: signatures of formats that are
never a page, NUL-heavy bytes, the byte-order mark (the strongest evidence), and UTF-16
without one.
"""

from __future__ import annotations

import codecs
import re

from ..errors import BinaryInputError
from .reading import _lenient, _strict

SNIFF_BYTES = 64 * 1024  # where <meta charset> is looked for (seen 42 KB deep on real pages)
MAX_NUL_RATIO = 0.01  # NUL bytes in the first SNIFF_BYTES above this are looked at ...
MAX_NUL_RUN_SHARE = 0.5  # ... and binary when more than this share of them come in runs
UTF16_NUL_SHARE = 0.3  # share of NULs on one byte parity that marks BOM-less UTF-16

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


def _reject_binary_signature(data: bytes) -> None:
    head = data[:1024].lstrip()[:32]
    if not head.startswith(_BINARY_MAGICS):
        return
    for name, magic in BINARY_SIGNATURES:
        if head.startswith(magic):
            raise BinaryInputError(f"input looks binary ({name} signature {magic[:8]!r})")


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


def _reject_nul_heavy(data: bytes) -> None:
    """NUL bytes never occur in real pages except in wide encodings (read before this) and as
    stray damage. Binary files have them in runs (padding, integers); a page with stray single
    NULs is text (they are dropped), whatever their count: the decoded text's control-character
    test still applies."""
    head = data[:SNIFF_BYTES]
    nuls = head.count(0)
    if nuls <= MAX_NUL_RATIO * len(head):
        return
    in_runs = nuls - _isolated_nuls(head)
    if in_runs > MAX_NUL_RUN_SHARE * nuls and _utf16_without_bom(head) is None:
        raise BinaryInputError(
            f"input looks binary ({nuls} NUL bytes in the first {len(head)} bytes, {in_runs} of them in runs)")


def _isolated_nuls(head: bytes) -> int:
    """NUL bytes with no NUL next to them."""
    return len(re.findall(rb"(?<!\x00)\x00(?!\x00)", head))


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
