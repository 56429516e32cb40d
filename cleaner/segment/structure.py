"""Block structure of the lines the walk cuts: code, list items, table rows, headings, quotes.

The walk (walk.py) asks ``Structure.enter`` at the few tags that start a structure and tags
each line with the ``Shape`` in force where the line starts. What is code and what is a data
table is decided here, from markup alone:

* code: ``<pre>``; a ``<code>`` that is a block of its own (it holds ``<br>``, or several lines
  and nothing beside it); a list of ``CODE_LISTS`` (engines that render a code block as a
  list of lines, e.g. Discuz!'s ``div.blockcode > div#code_N > ol > li``).
* data table: a ``<table>`` inside a post body (never the table a body or a post sits in)
  with two columns at least, no table inside it and no cell holding paragraphs, lists, code
  or long text. Its rows become one line each, cells joined by a tab (``CELL_SEPARATOR``).

Lines keep their text; the shape says how to render it (plain text and Markdown, markdown.py).
"""

from __future__ import annotations

from dataclasses import replace
from itertools import count

from lxml import etree

from ..shape import CODE, HEADING, LIST_ITEM, QUOTE_BLOCK, TABLE_ROW, Shape
from .blocks import Block

LIST = "list"  # the shape between <ul>/<ol> and its items (no line of text carries it for long)
TABLE = "table"  # a data table, before its rows
CELL_SEPARATOR = "\t"  # between the cells of a table row in the text
CELL_MARK = "\x00"  # marks a cell start inside the walk (no page text holds NUL: lxml drops it)
# A cell with more text than this holds prose: the table is page layout, not data.
DATA_CELL_MAX_CHARS = 300

STRUCTURE_TAGS = frozenset("pre code ul ol li table tr h1 h2 h3 h4 h5 h6 blockquote".split())
ORDERED_TYPES = frozenset("1aAiI")  # <ul type="1"> numbers its items like <ol>
HEADINGS = {f"h{n}": n for n in range(1, 7)}
# Cell content that makes a table a layout table (inline markup, <br> and <div> are fine).
LAYOUT_CELL_TAGS = frozenset("table p ul ol pre blockquote h1 h2 h3 h4 h5 h6 dl".split())

# (name, id prefix of the list's parent, class token of the parent's parent): engines that
# render a code block as a list of lines, not <pre>. Discuz! (function_discuzcode.php,
# codedisp): div.blockcode > div#code_N > ol > li, one <li> per line; the copy button
# ("复制代码") is an <em> beside div#code_N, outside the code.
CODE_LISTS = (
    ("discuz-blockcode", "code_", "blockcode"),
)


def is_code_list(el: etree._Element) -> bool:
    """A <ul>/<ol> whose items are the lines of a code block (CODE_LISTS)."""
    parent = el.getparent()
    ident = parent.get("id") if parent is not None else None
    if not ident:
        return False
    for _, prefix, token in CODE_LISTS:
        if ident.startswith(prefix):
            grand = parent.getparent()
            classes = grand.get("class") if grand is not None else None
            if classes and token in classes.split():
                return True
    return False


def is_code_block(el: etree._Element) -> bool:
    """A <code> that stands as a block: it holds line breaks, or several lines and nothing else
    beside it in its parent. (An inline <code> wrapped across source lines stays inline.)"""
    if el.find(".//br") is not None:
        return True
    if "\n" not in "".join(el.itertext()).strip():
        return False
    parent = el.getparent()
    return (parent is not None and len(parent) == 1 and not (parent.text or "").strip()
            and not (el.tail or "").strip())


def is_data_table(table: etree._Element, *, max_cell_chars: int = DATA_CELL_MAX_CHARS) -> bool:
    """A table of data (rows of short cells, two columns at least), not a table laying out a
    page or a post (a one-column table is a frame around lines: they stay lines)."""
    columns = False
    for el in table.iterdescendants():
        tag = el.tag
        if tag in LAYOUT_CELL_TAGS:
            return False
        if tag == "td" or tag == "th":
            if len("".join(el.itertext())) > max_cell_chars:
                return False
        elif tag == "tr" and not columns:
            columns = sum(1 for cell in el if cell.tag == "td" or cell.tag == "th") >= 2
    return columns


class Structure:
    """Hands out the shapes of one page's walk (group numbers unique within the page)."""

    __slots__ = ("_groups", "_counters")

    def __init__(self) -> None:
        self._groups = count(1)
        self._counters: dict[int, int] = {}  # list or table group -> items or rows so far

    def _next(self, group: int) -> int:
        n = self._counters.get(group, 0) + 1
        self._counters[group] = n
        return n

    def enter(self, el: etree._Element, tag: str, shape: Shape | None, in_body: bool) -> Shape | None:
        """The shape inside ``el`` (``shape`` itself when el starts no structure). (Speed: shapes
        are made with positional fields, kind, level, group, index, ordered: keyword arguments
        cost a third more, on every list item of a page.)"""
        kind = shape.kind if shape is not None else ""
        if kind == CODE or kind == TABLE_ROW:
            return shape  # inside code or a row everything is the code line or the row
        if tag == "pre" or (tag == "code" and is_code_block(el)) or ((tag == "ol" or tag == "ul") and is_code_list(el)):
            return Shape(CODE, 0, next(self._groups))
        if tag == "li":
            if kind == LIST:
                return Shape(LIST_ITEM, shape.level, next(self._groups), self._next(shape.group), shape.ordered)
            if kind == LIST_ITEM:  # an <li> straight inside an <li>: a sibling item, one deeper
                return Shape(LIST_ITEM, shape.level + 1, next(self._groups), 0, shape.ordered)
            return Shape(LIST_ITEM, 1, next(self._groups))
        if tag == "ul" or tag == "ol":
            depth = shape.level if kind in (LIST, LIST_ITEM) else 0
            ordered = tag == "ol" or el.get("type") in ORDERED_TYPES  # (BBCode [list=1]: <ul type="1">)
            return Shape(LIST, depth + 1, next(self._groups), 0, ordered)
        if tag in HEADINGS:
            return Shape(HEADING, HEADINGS[tag])
        if tag == "blockquote":
            return Shape(QUOTE_BLOCK, shape.level + 1 if kind == QUOTE_BLOCK else 1)
        if tag == "table":
            if in_body and kind != TABLE and is_data_table(el):
                return Shape(TABLE, 0, next(self._groups))
            return None  # a layout table: its cells are lines of their own, as paragraphs
        if tag == "tr" and kind == TABLE:
            return Shape(TABLE_ROW, 0, shape.group, self._next(shape.group))
        return shape


def expand_code(blocks: list[Block]) -> list[Block]:
    """Every code block cut into its lines (indentation kept, trailing spaces cut, blank lines
    counted into the next line's ``Shape.gap``), each with the block's post, role and reason.
    Done after segmentation: the segmenters weigh a code block as one line, as they always did."""
    if not any(block.verbatim for block in blocks):
        return blocks
    out: list[Block] = []
    for block in blocks:
        if block.verbatim:
            out.extend(code_lines(block))
        else:
            out.append(block)
    return out


def code_lines(block: Block) -> list[Block]:
    lines: list[Block] = []
    gap = -1  # (-1: before the first line of the block: leading blank lines do not count;
    # the first line keeps the gap the walk gave the block: empty lines of a code list before it)
    path = block.path
    for raw in block.verbatim.split("\n"):
        text = raw.rstrip()
        if not text:
            gap += gap >= 0
            continue
        first = not lines
        lines.append(Block(text=text, post=block.post, role=block.role, path=path,
                           link_chars=min(block.link_chars, len(text)) if first else 0,
                           links=block.links if first else 0, reason=block.reason,
                           shape=replace(block.shape, gap=block.shape.gap if first else gap)))
        gap = 0
    return lines or [block]
