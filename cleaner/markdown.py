"""A CleanResult as Markdown: the kept lines with the form their Shapes record (result.py).

Code blocks become fenced blocks (indentation and blank lines kept), list items "- " or "N. "
lines indented by depth, table rows a pipe table (the first row is the header: Markdown tables
need one), headings "#" lines, kept blockquotes "> " lines, every other line a paragraph.
In replies mode, when more than one post is kept, each post is a section headed
"## Post N — author, date" (N: the post's floor, else its place among the kept posts) and
headings inside posts move two levels down; one post alone (an article page) has no heading.
A line that would start a Markdown block by accident ("# 1", "- 5", "1. ", ">") is escaped.
Text dumps carry no shapes: their Markdown is paragraphs only.
"""

from __future__ import annotations

import re
from itertools import groupby
from typing import Iterable

from .shape import CODE, HEADING, LIST_ITEM, QUOTE_BLOCK, TABLE_ROW, Shape

SECTION_LEVEL = 2  # "## Post N" in replies mode
MAX_HEADING_LEVEL = 6
MIN_FENCE = 3
CELL_SEPARATOR = "\t"  # how a table row's cells are joined in the text (segment/structure.py)

# The start of a line that Markdown would read as a block marker (heading, quote, list item,
# thematic break, fence, setext underline, table pipe).
_BLOCK_START = re.compile(r"^(\d{1,9})([.)])(?=\s|$)|^([#>+\-*=|]|`{3}|~{3})")
_BACKTICKS = re.compile(r"`+")


def render_markdown(result) -> str:
    """A CleanResult's text as Markdown, without a final newline (like ``text``; "" when
    empty). (Duck-typed: result.py imports this module, not the other way round.)"""
    if not result.text or not result.posts:
        return ""
    shapes = result.shapes or [[] for _ in result.posts]
    title = [f"# {_inline(result.title)}"] if result.title_in_text else []
    if not result.thread or len(result.posts) == 1:  # the text is one post: no section heading
        return "\n\n".join(title + render_lines(result.posts[0].text.split("\n"), _shapes_of(shapes, 0)))
    sections = title
    for number, post in enumerate(result.posts, 1):
        body = render_lines(post.text.split("\n"), _shapes_of(shapes, number - 1), heading_shift=SECTION_LEVEL)
        sections.append("\n\n".join([section_heading(post, number), *body]))
    return "\n\n".join(sections)


def _shapes_of(shapes: list, index: int) -> list:
    return shapes[index] if index < len(shapes) else []


def section_heading(post, number: int) -> str:
    """ "## Post 3 — alice, 2021-04-09" (floor when known; author and date when known)."""
    about = ", ".join(part for part in (post.author.strip(), post.date.strip()) if part)
    head = f"{'#' * SECTION_LEVEL} Post {post.floor if post.floor is not None else number}"
    return f"{head} — {_inline(about)}" if about else head


def render_lines(lines: list[str], shapes: list[Shape | None], *, heading_shift: int = 0) -> list[str]:
    """Markdown blocks of one post's lines (shapes[i] is line i's Shape; missing = paragraph)."""
    shaped = [(line, shapes[i] if i < len(shapes) else None) for i, line in enumerate(lines)]
    blocks: list[str] = []
    for (kind, group), run in groupby(shaped, key=_run_key):
        run = list(run)
        if kind == CODE:
            blocks.append(render_code(run))
        elif kind == TABLE_ROW:
            blocks.append(render_table([line for line, _ in run]))
        elif kind == LIST_ITEM:
            blocks.append(render_list(run))
        elif kind == QUOTE_BLOCK:
            blocks.append("\n>\n".join(f"{'> ' * max(shape.level, 1)}{escape_line(line)}" for line, shape in run))
        else:
            blocks.extend(render_single(line, shape, heading_shift) for line, shape in run)
    return blocks


def _run_key(item: tuple[str, Shape | None]) -> tuple[str, int]:
    """Lines rendered together: one code block, one table, one list (of any depth), quotes."""
    shape = item[1]
    if shape is None:
        return ("", 0)
    if shape.kind in (CODE, TABLE_ROW):
        return (shape.kind, shape.group)
    return (shape.kind, 0)


def render_single(line: str, shape: Shape | None, heading_shift: int) -> str:
    if shape is not None and shape.kind == HEADING:
        level = min(max(shape.level, 1) + heading_shift, MAX_HEADING_LEVEL)
        return f"{'#' * level} {_inline(line)}"
    return escape_line(line)


def render_code(run: list[tuple[str, Shape]]) -> str:
    """A fenced block, longer than any backtick run inside it; blank lines put back."""
    body: list[str] = []
    for line, shape in run:
        body.extend([""] * shape.gap)
        body.append(line)
    longest = max((len(m) for line in body for m in _BACKTICKS.findall(line)), default=0)
    fence = "`" * max(MIN_FENCE, longest + 1)
    return "\n".join([fence, *body, fence])


def render_table(rows: list[str]) -> str:
    """A pipe table; the first row is the header, short rows are padded."""
    cells = [[_cell(cell) for cell in row.split(CELL_SEPARATOR)] for row in rows]
    width = max(len(row) for row in cells)
    cells = [row + [""] * (width - len(row)) for row in cells]
    lines = [_table_line(cells[0]), _table_line(["---"] * width)]
    lines += [_table_line(row) for row in cells[1:]]
    return "\n".join(lines)


def _table_line(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _cell(text: str) -> str:
    return text.strip().replace("\\", "\\\\").replace("|", "\\|")


def render_list(run: list[tuple[str, Shape]]) -> str:
    """List items indented under their parent item's text; an item's further lines are
    paragraphs inside it."""
    out: list[str] = []
    indents: dict[int, int] = {}  # list depth -> column of the item text at that depth
    previous = None
    for line, shape in run:
        depth = max(shape.level, 1)
        outer = indents.get(depth - 1, 0) if depth > 1 else 0
        if shape.group == previous:  # the same item again: a paragraph inside it
            out.append("")
            out.append(" " * indents.get(depth, outer + 2) + escape_line(line))
            continue
        marker = f"{shape.index}." if shape.ordered and shape.index else "-"
        indents[depth] = outer + len(marker) + 1
        for deeper in [d for d in indents if d > depth]:
            del indents[deeper]
        out.append(f"{' ' * outer}{marker} {escape_line(line)}")
        previous = shape.group
    return "\n".join(out)


def escape_line(line: str) -> str:
    """The line as Markdown text: a leading block marker is escaped, the rest left as is."""
    line = line.strip()
    match = _BLOCK_START.match(line)
    if match is None:
        return line
    if match.group(1):  # "1. " -> "1\. "
        return f"{match.group(1)}\\{line[len(match.group(1)):]}"
    return "\\" + line


def _inline(text: str) -> str:
    return " ".join(text.split())
