"""Rebuild the encoding fixtures from paragraphs.json (real Chinese text; sources listed there).

Each fixture is the same real text saved the way pages in the field are: a charset declared
or not, declared wrongly, with a BOM, with bad bytes. Run from anywhere:
    python samples/encodings/make_fixtures.py
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
PARAGRAPHS = json.loads((HERE / "paragraphs.json").read_text(encoding="utf-8"))


def texts(key: str) -> list[str]:
    return [p["text"] for p in PARAGRAPHS[key]]


def html_page(paragraphs: list[str], head: str) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html>\n<html>\n<head>\n{head}\n<title>t</title>\n</head>\n"
            f"<body>\n<div class=\"post\">\n{body}\n</div>\n</body>\n</html>\n")


META_CHARSET = '<meta charset="{}">'
META_HTTP_EQUIV = '<meta http-equiv="Content-Type" content="text/html; charset={}">'

# name -> (bytes builder); every builder uses only real paragraphs.
FIXTURES = {
    "utf8_meta.html": lambda: html_page(texts("simplified_gbk_only"),
                                        META_CHARSET.format("utf-8")).encode("utf-8"),
    "gbk_declared_gb2312.html": lambda: html_page(
        texts("simplified_gbk_only"), META_HTTP_EQUIV.format("gb2312")).encode("gbk"),
    "gb18030_declared.html": lambda: html_page(
        texts("simplified_gb18030_only"), META_CHARSET.format("gb18030")).encode("gb18030"),
    "big5_declared.html": lambda: html_page(
        texts("traditional_hk_news"), META_HTTP_EQUIV.format("big5")).encode("big5"),
    "big5_undeclared.html": lambda: html_page(texts("traditional_novel"), "").encode("big5"),
    "big5_undeclared_short.txt": lambda: texts("traditional_hk_news")[2].encode("big5"),
    "gbk_undeclared.txt": lambda: "\n\n".join(texts("simplified_gbk_only")).encode("gbk"),
    "gbk_undeclared_short.txt": lambda: texts("simplified_gbk_only")[0].encode("gbk"),
    "utf8_bom.txt": lambda: codecs.BOM_UTF8 + "\n".join(texts("simplified_plain")).encode("utf-8"),
    "utf16le_bom.html": lambda: codecs.BOM_UTF16_LE + html_page(
        texts("simplified_plain"), "").encode("utf-16-le"),
    "meta_gbk_but_utf8.html": lambda: html_page(
        texts("simplified_plain"), META_CHARSET.format("gbk")).encode("utf-8"),
    # Two bytes that are not GBK (0xFF) sit inside the text: the page must still decode.
    "gbk_invalid_bytes.html": lambda: html_page(
        texts("simplified_gbk_only"), META_HTTP_EQUIV.format("gb2312")).encode("gbk").replace(
        "主持".encode("gbk"), b"\xff" + "主持".encode("gbk") + b"\xff", 1),
}


def main() -> None:
    for name, build in FIXTURES.items():
        (HERE / name).write_bytes(build())
        print("wrote", name)


if __name__ == "__main__":
    main()
