"""Decoded HTML -> an lxml tree: parsed without network or entity expansion, bounded in depth
and size, with the elements that never hold page text (scripts, styles, ...) removed.

A <noscript> holding real markup is a server-rendered copy of the page and is kept as a <div>
(noted ``data-fc-noscript``); the page's <style> rules that can hide something are noted before
the styles go (segment/hidden.py)."""

from __future__ import annotations

import re
import threading

from lxml import etree

from ..errors import ParseError
from .hidden import NOSCRIPT_ATTRIBUTE, keep_styles, may_hide

MAX_DEPTH = 250  # libxml2 silently drops content below depth 256 (2048 with huge_tree)
MAX_ELEMENTS = 1_000_000
IMPLIED_ELEMENTS = 3  # html, head, body: the parser may add them without markup

# Elements whose content is never page text: removed right after parsing (tails kept).
STRIPPED_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math")

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)

_DEPTH_CHECKS: dict[int, etree.XPath] = {}
_COUNT_ELEMENTS = etree.XPath("count(//*)")
_local = threading.local()


def _parser() -> etree.HTMLParser:
    """One parser per thread (lxml parsers are not thread-safe). Plain lxml.etree elements, not
    lxml.html's HtmlElement: its per-element Python class lookup costs more than the parse."""
    parser = getattr(_local, "parser", None)
    if parser is None:
        # huge_tree: without it libxml2 silently drops a text node over 10,000,000 characters and
        # everything after it. It is safe here: pages are size-capped before parsing, the HTML
        # parser expands no entities, and depth stays capped by libxml2 (2048) and MAX_DEPTH.
        # encoding: the bytes parse_html is given are UTF-8 (str input is read as what it is).
        parser = etree.HTMLParser(
            no_network=True, remove_comments=True, remove_pis=True, huge_tree=True, default_doctype=False,
            encoding="utf-8",
        )
        _local.parser = parser
    return parser


def _depth_check(max_depth: int) -> etree.XPath:
    """XPath true when an element sits deeper than max_depth: one C-level pass per level."""
    if max_depth not in _DEPTH_CHECKS:
        _DEPTH_CHECKS[max_depth] = etree.XPath("boolean(/*" + "/*" * max_depth + ")")
    return _DEPTH_CHECKS[max_depth]


def parse_html(text: str, *, utf8: bytes | None = None, max_depth: int = MAX_DEPTH,
               max_elements: int = MAX_ELEMENTS) -> etree._Element:
    """Parse decoded HTML into an lxml tree without scripts, styles and other non-text elements.

    Raises ParseError for empty or unparseable markup, for trees deeper than ``max_depth``
    (libxml2 would silently drop what lies below depth 256) and for more than
    ``max_elements`` elements. The parser never touches the network or expands entities.
    ``utf8``: the text's UTF-8 bytes, exactly, when the caller has them (decode.Decoded.utf8):
    the parser reads those (Speed: given a str, lxml encodes it to UTF-8 again).
    """
    if not isinstance(text, str):
        raise ParseError(f"parse_html expects decoded text (str), got {type(text).__name__}")
    text, markup = _markup(text, utf8)
    if not text or text.isspace():  # = not text.strip(), without copying the page
        raise ParseError("the page is empty")
    parser = _parser()
    try:
        root = etree.fromstring(markup, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ParseError(f"the markup could not be parsed: {exc}") from exc
    if root is None or not isinstance(root.tag, str):
        raise ParseError("the markup holds no elements")
    if _depth_check(max_depth)(root):
        raise ParseError(f"the page is nested deeper than {max_depth} levels")
    _refuse_truncated_parse(parser)
    # Every element costs at least one character of markup (besides the implied html, head and
    # body): a text this short cannot hold too many, and the C-level count is skipped.
    if len(text) + IMPLIED_ELEMENTS > max_elements:
        count = int(_COUNT_ELEMENTS(root))
        if count > max_elements:
            raise ParseError(f"the page has {count} elements, more than the limit of {max_elements}")
    _keep_noscript_content(root)
    etree.strip_elements(root, *STRIPPED_TAGS, with_tail=False)
    return root


def _markup(text: str, utf8: bytes | None) -> tuple[str, str | bytes]:
    """The text without an XML declaration (lxml refuses str input that declares an encoding;
    the text is already decoded) and without NULs, and what the parser reads: that text, or
    the same as UTF-8 bytes."""
    if utf8 is None or b"\x00" in utf8:
        text = _XML_DECLARATION.sub("", text, count=1).replace("\x00", "")
        return text, text
    declaration = _XML_DECLARATION.match(text)
    if declaration:
        text, utf8 = text[declaration.end():], utf8[len(declaration.group().encode("utf-8")):]
    return text, utf8


def _refuse_truncated_parse(parser: etree.HTMLParser) -> None:
    """libxml2 stops at a resource limit and returns what it parsed so far, with no exception:
    the rest of the page would be lost without a word. Its error log says so: a ParseError."""
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            raise ParseError(f"the parser stopped early, the rest of the page would be lost: "
                             f"{entry.message.strip()}")


_BLOCK_INSIDE = etree.XPath("boolean(.//div or .//p or .//article)")


def _keep_noscript_content(root: etree._Element) -> None:
    """A <noscript> holding real markup is the server-rendered page (Discourse's crawler view):
    keep it as a <div> (noted, see hidden.noscript_copies). One holding a tracking pixel or an
    "enable JavaScript" note is stripped. The same pass keeps the texts of the <style> elements
    that can hide something (hidden.keep_styles; read on fallback pages only): one walk for both,
    no extra pass over an engine page."""
    styles = []
    for el in root.iter("noscript", "style"):
        if el.tag == "style":
            css = el.text
            if may_hide(css):
                styles.append(css)
        elif _BLOCK_INSIDE(el):
            el.tag = "div"
            el.set(NOSCRIPT_ATTRIBUTE, "")
    keep_styles(root, styles)
