"""Issue 14, break 5 (UTF-16/32 without a BOM) and break 11 (a few NUL bytes make a page binary).

Before: UTF-16 without a BOM was rejected as binary, English pages (their bytes are also valid
UTF-8, half NULs) and Chinese ones (by the NUL count) alike, and 20 NUL bytes in a 1 KB page
made it "binary" (the test was 1% NULs). Now wide encodings are read by their text, and the
binary test judges the NULs' pattern: runs (binary) or stray single bytes (dropped).
"""

from __future__ import annotations

import pytest

import cleaner
from cleaner.decode import decode
from cleaner.errors import BinaryInputError

EN = ("<html><head><title>Gearbox noise</title></head><body><article><p>The gearbox on my old bike "
      "started to whine after the last service, and the noise grows with speed.</p><p>Has anyone "
      "seen this before, and is it the bearings or the oil level?</p></article></body></html>")
ZH = ("<html><head><title>六尺巷的故事</title></head><body><article><p>清朝康熙年间，张英在朝廷当大官，"
      "他的家人和邻居因为修墙发生了争执。</p><p>张英写信回家，劝家人让出三尺，邻居也深受感动，"
      "于是形成了六尺巷。</p></article></body></html>")
ZH_DUMP = "六尺巷的故事\n清朝康熙年间，张英在朝廷当大官，他的家人和邻居因为修墙发生了争执。\n张英写信回家，劝家人让出三尺。"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("page", [EN, ZH, ZH_DUMP], ids=["english", "chinese", "chinese-dump"])
def test_wide_encodings_without_bom_are_read(page, codec):
    result = decode(page.encode(codec))
    assert (result.encoding, result.text, result.source) == (codec, page, "detected")


def test_utf16_page_without_bom_is_cleaned_like_its_utf8_copy():
    wanted = cleaner.Cleaner(model=None).clean(ZH.encode("utf-8")).text
    assert wanted and cleaner.Cleaner(model=None).clean(ZH.encode("utf-16-le")).text == wanted


def _with_stray_nuls(data: bytes, count: int) -> bytes:
    out = bytearray(data)
    step = len(out) // (count + 1)
    for i in range(1, count + 1):
        out[i * step] = 0
    return bytes(out)


def test_twenty_stray_nuls_in_a_small_page_are_dropped_not_binary():
    page = (EN * 4).encode("utf-8")[:1024]  # a 1 KB page
    result = decode(_with_stray_nuls(page, 20))
    assert result.encoding == "utf-8" and result.is_html
    assert result.text == _with_stray_nuls(page, 20).decode("utf-8").replace("\x00", "")
    assert len(result.text) == 1024 - 20


def test_nul_runs_are_still_binary():
    blob = (b"\x00\x00\x00\x01header\x00\x00\x00\x00" + bytes(range(32, 127))) * 20
    with pytest.raises(BinaryInputError, match="NUL bytes"):
        decode(blob)


def test_random_bytes_with_nuls_are_not_taken_for_a_wide_encoding():
    import random

    rng = random.Random(14)
    blob = bytes(rng.randrange(256) for _ in range(8000))
    with pytest.raises(BinaryInputError):
        decode(blob)
