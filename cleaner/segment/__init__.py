"""Segmentation: a decoded page -> ``Segmented`` (lines as ``Block``s, each with its post and
role, and the thread's metadata). ``segment_page`` is the stage's entry point.

    parse.py     decoded HTML -> an lxml tree (no network, no entity expansion, bounded)
    walk.py      tree -> lines, by the marks an engine table or the fallback put on elements
    html.py      an HTML page: the best engine table's marks, else fallback/ (unknown engines)
    textdump.py  a plain-text dump of a rendered page: floor markers start posts
    postmeta.py  thread title, each post's floor, author and date; quotes.py: quote provenance
    blocks.py    the data every later stage reads; lazy.py: blocks whose costly fields wait
"""

from __future__ import annotations

from .blocks import Segmented


def segment_page(text: str, *, is_html: bool, url: str | None = None, utf8: bytes | None = None) -> Segmented:
    """Cut a decoded page into blocks: HTML by engine tables or the fallback, text dumps by floors.
    ``utf8``: the text's UTF-8 bytes, if at hand (decode.Decoded.utf8; the parser reads them).
    (Imports are local: a text dump needs no lxml tree, an HTML page no text-dump rules.)"""
    if not is_html:
        from .textdump import segment_text

        return segment_text(text)
    from .html import segment_html
    from .parse import parse_html

    return segment_html(parse_html(text, utf8=utf8), url=url)
