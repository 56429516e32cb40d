"""decode(): real Chinese text in the encodings and declarations pages use in the field."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from cleaner.decode import (
    Decoded,
    common_hanzi_score,
    decode,
    decode_text,
    looks_like_html,
    normalize_encoding,
)

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ENC = SAMPLES / "encodings"
PARAGRAPHS = json.loads((ENC / "paragraphs.json").read_text(encoding="utf-8"))


def paragraphs(key: str) -> list[str]:
    return [p["text"] for p in PARAGRAPHS[key]]


def read(name: str) -> bytes:
    return (ENC / name).read_bytes()


# fixture -> (paragraph set, encoding, source, declared, is_html)
CASES = {
    "utf8_meta.html": ("simplified_gbk_only", "utf-8", "meta", "utf-8", True),
    "gbk_declared_gb2312.html": ("simplified_gbk_only", "gb18030", "meta", "gb2312", True),
    "gb18030_declared.html": ("simplified_gb18030_only", "gb18030", "meta", "gb18030", True),
    "big5_declared.html": ("traditional_hk_news", "cp950", "meta", "big5", True),
    "big5_undeclared.html": ("traditional_novel", "cp950", "detected", "", True),
    "gbk_undeclared.txt": ("simplified_gbk_only", "gb18030", "detected", "", False),
    "utf8_bom.txt": ("simplified_plain", "utf-8", "bom", "", False),
    "utf16le_bom.html": ("simplified_plain", "utf-16-le", "bom", "", True),
    "meta_gbk_but_utf8.html": ("simplified_plain", "utf-8", "utf-8", "gbk", True),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_real_text_decodes_exactly(name: str) -> None:
    key, encoding, source, declared, is_html = CASES[name]
    result = decode(read(name))
    assert isinstance(result, Decoded)
    assert (result.encoding, result.source, result.declared, result.is_html) == (
        encoding, source, declared, is_html)
    for paragraph in paragraphs(key):
        assert paragraph in result.text
    assert "\ufffd" not in result.text
    assert not result.text.startswith("\ufeff")


def test_gb2312_label_widens_to_gbk_only_characters() -> None:
    data = read("gbk_declared_gb2312.html")
    with pytest.raises(UnicodeDecodeError):
        data.decode("gb2312")  # the declaration alone would lose 喆 and 鄚
    text = decode(data).text
    assert "卢弘喆" in text and "鄚州城" in text


def test_short_undeclared_gbk_is_not_taken_for_korean() -> None:
    """charset-normalizer alone reads this 37-character line as cp949."""
    result = decode(read("gbk_undeclared_short.txt"))
    assert result.text == paragraphs("simplified_gbk_only")[0]
    assert (result.encoding, result.source) == ("gb18030", "detected")


def test_short_undeclared_big5_line() -> None:
    result = decode(read("big5_undeclared_short.txt"))
    assert result.text == paragraphs("traditional_hk_news")[2]
    assert result.encoding == "cp950"


def test_header_overrides_meta() -> None:
    data = html_page_with_meta("gbk").encode("big5")
    result = decode(data, {"content-type": "text/html; charset=Big5"})
    assert (result.encoding, result.source, result.declared) == ("cp950", "header", "Big5")
    assert paragraphs("traditional_hk_news")[0] in result.text


def test_header_lookup_is_case_insensitive_and_tolerates_bytes() -> None:
    data = read("gbk_declared_gb2312.html")
    for headers in ({"CONTENT-TYPE": "text/html;charset=GBK"},
                    {b"Content-Type": [b"text/html; charset=\"gbk\""]}):
        result = decode(data, headers)
        assert (result.encoding, result.source) == ("gb18030", "header")


def test_latin1_server_default_yields_to_meta() -> None:
    latin1_default = {"Content-Type": "text/html; charset=ISO-8859-1"}
    result = decode(read("gbk_declared_gb2312.html"), latin1_default)
    assert (result.encoding, result.source) == ("gb18030", "meta")
    assert paragraphs("simplified_gbk_only")[0] in result.text


def test_wrong_header_charset_falls_back_to_the_bytes() -> None:
    """Declared UTF-8, really GBK: the declaration is dropped, detection reads GBK."""
    data = read("gbk_undeclared.txt")
    result = decode(data, {"Content-Type": "text/plain; charset=utf-8"})
    assert (result.encoding, result.source, result.declared) == ("gb18030", "detected", "utf-8")
    assert paragraphs("simplified_gbk_only")[0] in result.text


def test_unknown_and_unsafe_labels_are_ignored() -> None:
    data = read("gbk_undeclared.txt")
    for label in ("x-no-such-charset", "base64", "utf-7", "rot13"):
        result = decode(data, {"Content-Type": f"text/html; charset={label}"})
        assert (result.encoding, result.source) == ("gb18030", "detected")


def test_xml_declaration_is_read() -> None:
    text = paragraphs("traditional_hk_news")[0]
    data = f'<?xml version="1.0" encoding="big5"?>\n<doc><p>{text}</p></doc>'.encode("big5")
    result = decode(data)
    assert (result.encoding, result.source) == ("cp950", "meta")
    assert text in result.text


def test_meta_deep_in_a_long_head_is_found() -> None:
    filler = "<script>var x = 1;</script>\n" * 1500  # ~40 KB before <meta>, as on real pages
    data = f"<html><head>{filler}{html_page_with_meta('big5')[6:]}".encode("big5")
    assert decode(data).source == "meta"


def test_utf8_bom_wins_over_meta() -> None:
    data = b"\xef\xbb\xbf" + html_page_with_meta("gbk").encode("utf-8")
    result = decode(data)
    assert (result.encoding, result.source) == ("utf-8", "bom")
    assert result.text.startswith("<html>")


def test_utf16_without_bom_is_detected() -> None:
    page = html_page_with_meta("utf-8")
    result = decode(page.encode("utf-16-le"))
    assert (result.encoding, result.text) == ("utf-16-le", page)


@pytest.mark.parametrize("label, codec", [
    ("GB2312", "gb18030"), ("gbk", "gb18030"), ("x-gbk", "gb18030"), ("GB_2312-80", "gb18030"),
    ("cp936", "gb18030"), ("big5", "cp950"), ("Big5-HKSCS", "big5hkscs"), ("x-sjis", "cp932"),
    ("Shift_JIS", "cp932"), ("EUC-KR", "cp949"), ("ISO-8859-1", "cp1252"), ("UTF8", "utf-8"),
    ("koi8-r", "koi8-r"), ("nonsense", None), ("base64", None), ("utf-7", None), ("", None),
])
def test_normalize_encoding(label: str, codec: str | None) -> None:
    assert normalize_encoding(label) == codec


def test_seed_text_dump_is_text() -> None:
    result = decode((SAMPLES / "seed" / "input.txt").read_bytes())
    assert (result.encoding, result.is_html) == ("utf-8", False)
    assert "六尺巷" in result.text


def test_html_or_text() -> None:
    assert looks_like_html(html_page_with_meta("utf-8"))
    assert looks_like_html("<div><p>回复</p><p>顶</p></div>")  # a fragment from a scraper
    dump = (SAMPLES / "seed" / "input.txt").read_text(encoding="utf-8")
    assert not looks_like_html(dump + "\n加粗要用 <b>这个</b> 标签\n")


def test_decode_text_for_str_input() -> None:
    result = decode_text("\ufeff" + html_page_with_meta("gbk"))
    assert (result.encoding, result.source, result.is_html) == ("unicode", "str", True)
    assert result.text.startswith("<html>")
    assert decode_text("  \n ").text == ""


def test_common_hanzi_score_separates_right_and_wrong_readings() -> None:
    data = read("big5_undeclared.html")
    right = common_hanzi_score(data.decode("cp950"))
    wrong = common_hanzi_score(data.decode("gb18030", errors="replace"))
    assert right > 0.6 > 0.2 > wrong


# Real pages (Chinese Web Content Extraction Dataset, raw bytes) and their hand-copied gold.
CWCED = {
    "c2d9f85c-f454-4bd5-8f4e-986580c1113a": ("gb18030", "meta"),  # gb2312 label, GBK-only chars
    "455de1c0-8332-4c76-aca6-724d22f840fd": ("gb18030", "detected"),  # no declaration
    "064b591b-3cac-4a08-88d0-41c193a2350d": ("utf-8", "utf-8"),  # declares gb2312, is UTF-8
    "b70f455d-50d6-4c8c-a450-07d8e5ca2e06": ("gb18030", "meta"),  # a few invalid bytes
}


@pytest.mark.parametrize("page", sorted(CWCED))
def test_real_pages_match_their_gold(page: str) -> None:
    data = (ENC / "cwced" / f"{page}.html").read_bytes()
    gold = (ENC / "cwced" / f"{page}.gold.txt").read_text(encoding="utf-8")
    result = decode(data)
    assert (result.encoding, result.source) == CWCED[page]
    assert gold_bigram_share(result.text, gold) > 0.95


def test_real_page_with_declaration_removed() -> None:
    data = (ENC / "cwced" / "c2d9f85c-f454-4bd5-8f4e-986580c1113a.html").read_bytes()
    undeclared = re.sub(rb"charset=[\w-]+", b"", data, flags=re.IGNORECASE)
    gold = (ENC / "cwced" / "c2d9f85c-f454-4bd5-8f4e-986580c1113a.gold.txt").read_text("utf-8")
    result = decode(undeclared)
    assert (result.encoding, result.source) == ("gb18030", "detected")
    assert gold_bigram_share(result.text, gold) > 0.95


def html_page_with_meta(charset: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs("traditional_hk_news"))
    return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            f"</head><body>{body}</body></html>")


def gold_bigram_share(text: str, gold: str) -> float:
    """Share of the gold's Chinese character bigrams found in the tag-stripped text."""
    def hanzi_bigrams(s: str) -> set[str]:
        han = "".join(re.findall(r"[\u4e00-\u9fff]", s))
        return {han[i:i + 2] for i in range(len(han) - 1)}
    wanted = hanzi_bigrams(gold)
    found = hanzi_bigrams(html.unescape(re.sub(r"<[^>]*>", "", text)))
    return len(wanted & found) / len(wanted)
