"""engines.PageFacts reads ids from the parser's table of ids: it holds every id a scan finds on
the sample and test pages, and an empty table falls back to the scan."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from cleaner.engines import PageFacts
from cleaner.engines.facts import id_values
from cleaner.pipeline import read_page
from cleaner.segment.parse import parse_html

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted({*(ROOT / "samples" / "pages").rglob("*.html"), *(ROOT / "tests" / "data").rglob("*.html")})
_SCAN = etree.XPath("/descendant::*/@id", smart_strings=False)


def test_the_id_table_holds_every_scanned_id():
    pages_with_ids = 0
    for path in PAGES:
        root = parse_html(read_page(path.read_bytes(), None, 10**8).text)
        scanned = {value for value in _SCAN(root) if value}
        table = id_values(root)
        assert scanned <= set(table or ()), (path.name, sorted(scanned - set(table or ()))[:5])
        pages_with_ids += bool(scanned)
    assert pages_with_ids > 50


def test_ids_and_names_and_no_table():
    root = parse_html('<html><body><div id="a" class="post"><a name="top">x</a><p id="b">y</p></div></body></html>')
    facts = PageFacts(root, None)
    assert facts.has("id", "eq", "a") and facts.has("id", "starts", "b") and not facts.has("id", "eq", "c")
    assert sorted(id_values(root)) == ["a", "b", "top"]  # <a name> too: more values skip nothing that matches
    bare = parse_html("<html><body><p>no ids</p></body></html>")
    assert id_values(bare) is None and PageFacts(bare, None).values("id") == "\0\0"
