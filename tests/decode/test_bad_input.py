"""Bad input at the decode stage: every case has an exact outcome, and no bytes crash it.

The builders below (``BAD_INPUTS``) are meant for pipeline-level tests too: each maps a name to
a function returning the bytes and to the outcome expected of decode().
"""

from __future__ import annotations

import codecs
import json
import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.decode import MAX_PAGE_BYTES, Decoded, decode, decode_text
from cleaner.errors import BinaryInputError, CleanError, PageTooLargeError, UnsupportedInputError

ENC = Path(__file__).resolve().parents[2] / "samples" / "encodings"
PARAGRAPHS = json.loads((ENC / "paragraphs.json").read_text(encoding="utf-8"))
TEXT = PARAGRAPHS["simplified_plain"][0]["text"]


def empty_bytes() -> bytes:
    return b""


def whitespace_only() -> bytes:
    return b" \r\n\t\n  "


def bom_only() -> bytes:
    return codecs.BOM_UTF8


def png_junk() -> bytes:
    """A PNG signature followed by random bytes (seeded, so every run sees the same junk)."""
    return b"\x89PNG\r\n\x1a\n" + random.Random(20240601).randbytes(4096)


def random_junk() -> bytes:
    return random.Random(7).randbytes(4096)


def pdf_file() -> bytes:
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


def gzip_page() -> bytes:
    import gzip

    return gzip.compress(f"<html><body><p>{TEXT}</p></body></html>".encode("utf-8"), mtime=0)


def nul_riddled_text() -> bytes:
    return ("<p>" + TEXT + "</p>").encode("utf-8").replace(b"p", b"\x00\x00\x00")


def control_bytes_text() -> bytes:
    return b"log\x01\x02\x03\x04 line\x05\x06\x07\x08\n" * 50


def truncated_utf8_page() -> bytes:
    """A page cut in the middle of its last multibyte character (as by a size-capped crawler)."""
    return f"<html><body><p>{TEXT}".encode("utf-8")[:-1]


def truncated_gbk_page() -> bytes:
    page = f'<html><head><meta charset="gbk"></head><body><p>{TEXT[:60]}'
    return page.encode("gb18030")[:-1]


def page_of_20_mb() -> bytes:
    row = f"<p>{TEXT}</p>\n".encode("utf-8")
    return (row * (20 * 1024 * 1024 // len(row) + 1))[: 20 * 1024 * 1024]


# name -> (builder, expected): expected is a Decoded to compare with, or (error type, text the
# message must contain).
Expected = Decoded | tuple[type[CleanError], str]
BAD_INPUTS: dict[str, tuple[Callable[[], bytes], Expected]] = {
    "empty": (empty_bytes, Decoded(text="", encoding="", is_html=False)),
    "whitespace": (whitespace_only, Decoded(text="", encoding="", is_html=False)),
    "bom_only": (bom_only, Decoded(text="", encoding="utf-8", is_html=False, source="bom")),
    "png": (png_junk, (BinaryInputError, "PNG image")),
    "random": (random_junk, (BinaryInputError, "input looks binary")),
    "pdf": (pdf_file, (BinaryInputError, "PDF document")),
    "gzip": (gzip_page, (BinaryInputError, "decompress it first")),
    "nul_bytes": (nul_riddled_text, (BinaryInputError, "NUL bytes")),
    "control_bytes": (control_bytes_text, (BinaryInputError, "control or private-use characters")),
    "too_large": (page_of_20_mb, (PageTooLargeError, "20,971,520 bytes")),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_outcome(name: str) -> None:
    build, expected = BAD_INPUTS[name]
    data = build()
    if isinstance(expected, Decoded):
        assert decode(data) == expected
    else:
        error, fragment = expected
        with pytest.raises(error, match=fragment):
            decode(data)


def test_too_large_message_gives_both_sizes() -> None:
    with pytest.raises(PageTooLargeError) as info:
        decode(page_of_20_mb())
    assert "20,971,520" in str(info.value) and f"{MAX_PAGE_BYTES:,}" in str(info.value)
    assert info.value.code == "too_large"


def test_size_limit_is_a_keyword() -> None:
    data = page_of_20_mb()
    result = decode(data, max_bytes=32 * 1024 * 1024)
    assert result.encoding == "utf-8" and result.text.startswith(f"<p>{TEXT}</p>")
    with pytest.raises(PageTooLargeError, match="over the limit of 1,000 bytes"):
        decode(data[:5000], max_bytes=1000)


def test_truncated_utf8_keeps_everything_but_the_cut_char() -> None:
    result = decode(truncated_utf8_page())
    assert (result.encoding, result.source) == ("utf-8", "utf-8")
    assert result.text == f"<html><body><p>{TEXT[:-1]}\ufffd"


def test_truncated_gbk_keeps_everything_but_the_cut_char() -> None:
    result = decode(truncated_gbk_page())
    assert (result.encoding, result.source, result.declared) == ("gb18030", "meta", "gbk")
    assert result.text.endswith(f"<p>{TEXT[:59]}\ufffd")


def test_invalid_bytes_for_the_declared_charset_are_replaced_not_fatal() -> None:
    result = decode((ENC / "gbk_invalid_bytes.html").read_bytes())
    assert (result.encoding, result.source) == ("gb18030", "meta")
    assert result.text.count("\ufffd") == 2
    assert "卢弘喆\ufffd主持\ufffdKBS" in result.text


def test_declared_charset_that_garbles_most_text_is_dropped() -> None:
    """Declared Big5, really GBK: too many bad bytes for Big5, so detection decides."""
    data = (ENC / "gbk_undeclared.txt").read_bytes()
    result = decode(data, {"Content-Type": "text/plain; charset=big5"})
    assert (result.encoding, result.source) == ("gb18030", "detected")


def test_random_junk_with_a_declared_charset_is_still_binary() -> None:
    with pytest.raises(BinaryInputError):
        decode(random_junk(), {"Content-Type": "text/html; charset=utf-8"})


def test_non_bytes_input_is_refused_clearly() -> None:
    with pytest.raises(UnsupportedInputError, match="needs bytes"):
        decode("<p>already text</p>")  # type: ignore[arg-type]


def test_pathological_markup_decodes() -> None:
    """Unclosed tags everywhere: the meta scan must not go quadratic or fail."""
    result = decode(b"<meta " * 20000 + TEXT.encode("utf-8"))
    assert result.text.endswith(TEXT)


PREFIXES = [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE,
            b'<meta charset="gbk">', b'<meta charset="utf-7">',
            b'<?xml version="1.0" encoding="big5"?>',
            b"\x89PNG\r\n\x1a\n", TEXT.encode("gb18030")]
HEADERS = st.one_of(
    st.none(),
    st.dictionaries(st.sampled_from(["Content-Type", "content-type", "X-Other"]),
                    st.sampled_from(["text/html; charset=gb2312", "text/html; charset=bogus",
                                     "text/html; charset=big5", "charset=", "text/plain"]),
                    max_size=2),
)


@settings(max_examples=200, deadline=None)
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=4096), headers=HEADERS)
def test_any_bytes_give_text_or_a_clean_error(prefix: bytes, body: bytes, headers) -> None:
    try:
        result = decode(prefix + body, headers)
    except CleanError as error:
        assert not str(error).startswith("internal error"), error
        return
    assert isinstance(result, Decoded) and isinstance(result.text, str)
    assert not result.text.startswith("\ufeff")
    assert result.source in {"", "bom", "header", "meta", "detected", "utf-8", "fallback"}


def damaged(data: bytes, flips: int = 20, seed: int = 11) -> bytes:
    """The page with `flips` bytes overwritten by random high bytes (disk or transfer damage)."""
    out, rng = bytearray(data), random.Random(seed)
    for _ in range(flips):
        out[rng.randrange(len(out))] = rng.randrange(128, 256)
    return bytes(out)


@pytest.mark.parametrize("path, encoding, source", [
    ("seed/input.txt", "utf-8", "fallback"),
    ("encodings/cwced/064b591b-3cac-4a08-88d0-41c193a2350d.html", "utf-8", "fallback"),
    ("encodings/cwced/c2d9f85c-f454-4bd5-8f4e-986580c1113a.html", "gb18030", "meta"),
])
def test_damaged_real_page_still_decodes(path: str, encoding: str, source: str) -> None:
    original = decode((ENC.parent / path).read_bytes()).text
    result = decode(damaged((ENC.parent / path).read_bytes()))
    assert (result.encoding, result.source) == (encoding, source)
    assert hanzi_bigram_share(result.text, original) > 0.9  # a wrong reading scores ~0


def hanzi_bigram_share(text: str, reference: str) -> float:
    def bigrams(s: str) -> set[str]:
        han = "".join(re.findall(r"[\u4e00-\u9fff]", s))
        return {han[i:i + 2] for i in range(len(han) - 1)}
    wanted = bigrams(reference)
    return len(wanted & bigrams(text)) / len(wanted)


def test_junk_text_given_as_str_is_binary():
    """Junk arriving already decoded (a JSONL field) is refused like junk bytes."""
    rng = random.Random(7)
    junk = "".join(chr(rng.choice([rng.randrange(0, 32), rng.randrange(0xE000, 0xF8FF)])) for _ in range(2000))
    with pytest.raises(BinaryInputError, match="control or private-use characters"):
        decode_text(junk)
