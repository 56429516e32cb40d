"""The block structure of a kept line (code, list item, table row, heading, quote), as the
walk found it in the page: what the Markdown renderer needs to give the text its form back.
Part of the result; a base module (no imports) so that the renderer can read it without the
result's module."""

from __future__ import annotations

from dataclasses import dataclass

# Kinds of line structure (Shape.kind); a line without a Shape is a paragraph.
PARAGRAPH = "paragraph"
HEADING = "heading"  # level: 1-6 (<h1>..<h6>)
CODE = "code"  # group: the code block; gap: blank lines before the line inside its block
LIST_ITEM = "list-item"  # level: list depth (1 = outermost); group: the item; index: its number
TABLE_ROW = "table-row"  # group: the table; index: the row in the table; cells joined by a tab
QUOTE_BLOCK = "quote"  # a kept <blockquote> (a cited text, not a quote of another post)


@dataclass(frozen=True, slots=True)
class Shape:
    """Where a kept line sat in the page's block structure: what ``to_markdown`` needs to give
    code, lists and tables back their form. Lines of one code block, list item or table share
    ``group`` (numbers unique within a page)."""

    kind: str = PARAGRAPH
    level: int = 0
    group: int = 0
    index: int = 0
    ordered: bool = False  # list items of an <ol>
    gap: int = 0
