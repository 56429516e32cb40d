"""A parsed page -> its lines (``Block``), in document order.

One pass over the tree turns every text line of the page into a ``Block``: a line ends at
block-level elements and at ``<br>``, inline elements stay in the line. Which post a line belongs
to and its role come from *marks*: elements an engine table (or the fallback segmenter) pointed
at before the walk. Hidden inline anti-copy noise (the Discuz! jammer) is cut out of the line it
sits in, so the paragraph around it stays whole.

Each line also carries its ``Shape`` (structure.py): a code block keeps its text as written
(``Block.verbatim``: line breaks, indentation; structure.expand_code cuts it into lines once the
segmenter has placed it), a data table's row is one line (cells joined by a tab), list items,
headings and kept blockquotes are tagged for the Markdown renderer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from lxml import etree

from ..result import Removal
from ..shape import CODE, TABLE_ROW
from ..textutil import EAST_ASIAN_CHAR, collapse_spaces
from .blocks import BODY, CHROME, HIDDEN, Block
from .lazy import TreeBlock
from .structure import CELL_MARK, CELL_SEPARATOR, STRUCTURE_TAGS, Structure

NOISE_MAX_CHARS = 60  # hidden inline text longer than this, or with CJK, is not random noise
PATH_DEPTH = 3  # elements named in Block.path

SKIPPED_SUBTREES = frozenset({"head", "select", "textarea", "button"})
BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr html legend li main menu nav ol p pre section "
    "summary table tbody td tfoot th thead tr ul caption option".split()
)
NOISE = "noise"  # pseudo-role of a mark: the element's text is removed inline

_ZERO_FONT = re.compile(r"font-size:0(?:\.0+)?(?:px|pt|em|rem|%)?(?:;|!|$)")
_OFF_SCREEN = re.compile(r"(?:left|top|text-indent):-\d{3,}")


@dataclass(frozen=True, slots=True)
class Mark:
    """What an element found before the walk means for the lines inside it."""

    role: str  # a blocks role, or NOISE
    post: int | None
    reason: str = ""
    check_hidden: bool = False  # look for hidden elements below (post bodies)


@dataclass(slots=True)
class Walk:
    """The lines of a page, the inline noise cut out, and (on request) each line's ancestors."""

    blocks: list[Block] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    ancestors: list[tuple] = field(default_factory=list)


def hidden_reason(el: etree._Element) -> str:
    """Why an element is invisible to a reader ("" when it is visible)."""
    cls = el.get("class")
    if cls and "jammer" in cls:
        return "hidden:jammer"
    if el.get("hidden") is not None:
        return "hidden:attribute"
    style = el.get("style")
    if not style:
        return ""
    style = style.replace(" ", "").lower()
    if "display:none" in style:
        return "hidden:display-none"
    if "visibility:hidden" in style:
        return "hidden:visibility"
    if _ZERO_FONT.search(style):
        return "hidden:font-size-0"
    if _OFF_SCREEN.search(style):
        return "hidden:off-screen"
    return ""


def looks_like_noise(text: str, *, max_chars: int = NOISE_MAX_CHARS) -> bool:
    """Anti-copy noise is short random ASCII; hidden text with CJK or length is a message."""
    return len(text) <= max_chars and not EAST_ASIAN_CHAR.search(text)


def _label(el: etree._Element) -> str:
    tag = el.tag if isinstance(el.tag, str) else "?"
    cls = el.get("class")
    if cls:
        first = cls.split(None, 1)
        return f"{tag}.{first[0]}" if first else tag
    ident = el.get("id")
    return f"{tag}#{ident}" if ident and len(ident) < 24 else tag


def walk_blocks(
    root: etree._Element, marks: dict | None = None, *, base: Mark | None = None, keep_ancestors: bool = False
) -> Walk:
    """Every text line of the page in document order, with the role its marks give it.

    A line ends at block-level elements, ``<br>`` and marked elements; text and tails in between
    join it (inside a data table's row only the row ends it). One recursive visit per element.
    This is the hot loop of the cleaner: state lives in closure variables and the module tables
    are bound locally on purpose."""
    marks = marks or {}
    get_mark = marks.get
    out = Walk()
    blocks, removed, ancestors = out.blocks, out.removed, out.ancestors
    parts: list[str] = []  # the text pieces of the line being built
    line = [None, None, (), 0, 0, None]  # the line's Mark, element, ancestors, link chars, links, Shape
    structure = Structure()
    enter, structure_tags = structure.enter, STRUCTURE_TAGS
    deferred: list[Block] = []  # inline hidden messages: their own blocks, after the line
    open_elements: list = []  # the elements around the current position (keep_ancestors)
    block_tags, skipped_tags, body, hidden, noise = BLOCK_TAGS, SKIPPED_SUBTREES, BODY, HIDDEN, NOISE
    make_block = TreeBlock  # a line's path is named only when someone reads it (name_path)
    paths: dict = {}
    labels: dict = {}
    special_kinds = (CODE, TABLE_ROW)
    blank_items = [0]  # empty <li>s in a code list (Discuz!'s code lines) since its last line

    def name_path(el) -> str:
        """Block.path of a line that starts in ``el``: the labels of el and its ancestors,
        PATH_DEPTH deep. Labels and paths are shared by the page's lines (many lines start in
        the same element, and siblings share their ancestors)."""
        path = paths.get(el)
        if path is None:
            names = []
            node = el
            while node is not None and len(names) < PATH_DEPTH:
                label = labels.get(node)
                if label is None:
                    label = labels[node] = _label(node)
                names.append(label)
                node = node.getparent()
            path = paths[el] = ">".join(reversed(names))
        return path

    def flush() -> None:
        if parts:
            shape = line[5]
            if shape is None or shape.kind not in special_kinds:
                text = " ".join("".join(parts).split())
                if text:
                    ctx, el = line[0], line[1]
                    role = ctx.role
                    blocks.append(make_block(text, ctx.post, role, el, min(line[3], len(text)), line[4],
                                             ctx.reason if role != body else "", name_path, shape))
                    if keep_ancestors:
                        ancestors.append(line[2])
            else:
                flush_structured(shape)
            parts.clear()
        line[3] = 0
        line[4] = 0
        if deferred:
            blocks.extend(deferred)
            if keep_ancestors:
                ancestors.extend([line[2]] * len(deferred))
            deferred.clear()

    def flush_structured(shape) -> None:
        """A table row: one block, its cells joined by CELL_SEPARATOR. A code chunk: one block
        with the chunk's text as written in ``verbatim`` (cut into lines after segmentation)."""
        ctx, el = line[0], line[1]
        role = ctx.role
        reason = ctx.reason if role != body else ""
        if shape.kind == TABLE_ROW:
            cells = [" ".join(cell.split()) for cell in "".join(parts).split(CELL_MARK)]
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                text = CELL_SEPARATOR.join(cells)
                blocks.append(make_block(text, ctx.post, role, el, min(line[3], len(text)), line[4], reason,
                                         name_path, shape))
                if keep_ancestors:
                    ancestors.append(line[2])
            return
        # code: one block for the chunk (its text collapsed like any line's, so segmenters
        # weigh it as before), the text as written kept for structure.expand_code
        raw = "".join(parts).replace("\xa0", " ")
        text = " ".join(raw.split())
        if text:
            if blank_items[0]:  # empty <li>s of a code list before this line: blank lines
                shape = replace(shape, gap=blank_items[0])
                blank_items[0] = 0
            block = make_block(text, ctx.post, role, el, min(line[3], len(text)), line[4], reason, name_path, shape)
            block.verbatim = raw
            blocks.append(block)
            if keep_ancestors:
                ancestors.append(line[2])

    def add(text: str, ctx: Mark, links: int, el, shape=None) -> None:
        """Callers skip whitespace while no line is open (add would ignore it), but in code."""
        if parts and (ctx is not line[0] or shape is not line[5]):
            flush()
        if not parts:
            if text.isspace() and (shape is None or shape.kind != CODE):
                return
            line[0] = ctx
            line[1] = el
            line[5] = shape
            if keep_ancestors:
                line[2] = tuple(open_elements)
        parts.append(text)
        if links:
            line[3] += len(" ".join(text.split()))

    def cut(el, ctx: Mark, mark: Mark) -> None:
        """Take an inline element's text out of the line: noise to removed, else its own block."""
        text = collapse_spaces("".join(el.itertext()))
        if not text:
            return
        if mark.role == noise:
            removed.append(Removal(text=text, kind="noise", rule=mark.reason, post=mark.post))
        else:
            deferred.append(Block(text=text, post=ctx.post, role=hidden, path=name_path(el), reason=mark.reason))

    def visit(el, tag: str, ctx: Mark, links: int, shape) -> None:
        boundary = tag in block_tags
        mark = get_mark(el)
        if mark is None and ctx.check_hidden and ctx.role != hidden:
            reason = hidden_reason(el)
            if reason:
                mark = _hidden_mark(el, ctx, reason, boundary)
        if mark is not None:
            if mark.role == noise or mark.role == "skip":
                cut(el, ctx, mark)
                return
            ctx = mark
            boundary = True
        if tag in structure_tags:
            inner = enter(el, tag, shape, ctx.role == body and mark is None)
            if inner is not shape:
                shape = inner
                boundary = True  # (a <code> block is inline markup that starts a block)
        ends_line = boundary or tag == "br"
        in_code = False
        if shape is not None:  # (most elements sit in no structure: one test skips these)
            kind = shape.kind
            in_code = kind == CODE
            if in_code and tag == "li" and _is_blank(el):
                last = blocks[-1].shape if blocks else None  # (a blank line inside the block, not before it)
                blank_items[0] += last is not None and last.kind == CODE and last.group == shape.group
            if kind == TABLE_ROW and tag != "tr" and mark is None:
                # a row: only the row ends the line; cells are separated, inner breaks are spaces
                if (tag == "td" or tag == "th") and _after_cell(el):
                    add(CELL_MARK, ctx, links, el, shape)
                elif ends_line and parts:
                    parts.append(" ")
                if tag in skipped_tags:
                    return
                boundary = ends_line = False
        if tag in skipped_tags:  # no text inside: only a line boundary
            if parts or deferred:
                flush()
            else:
                line[4] = 0  # (no text: no link characters either)
            return
        if ends_line:
            if parts or deferred:
                flush()
            else:
                line[4] = 0
        if tag == "a":
            links += 1
            line[4] += 1
        if keep_ancestors:
            open_elements.append(el)
        text = el.text
        if text and (parts or in_code or not text.isspace()):
            add(text, ctx, links, el, shape)
        for child in el[:]:  # (a slice: the children in one C call, 10% faster than lxml's iterator)
            child_tag = child.tag  # (read once: lxml builds a new str on every read)
            if child_tag.__class__ is not str:
                continue  # comments and processing instructions: no text, tail dropped too
            visit(child, child_tag, ctx, links, shape)
            tail = child.tail
            if tail and (parts or in_code or not tail.isspace()):
                add(tail, ctx, links, el, shape)
        if keep_ancestors:
            open_elements.pop()
        if boundary:
            if parts or deferred:
                flush()
            else:
                line[4] = 0

    try:
        if isinstance(root.tag, str):
            base = base or Mark(CHROME, None, "outside-post")
            visit(root, root.tag, base, 0, None)
            if root.tail and (parts or not root.tail.isspace()):
                add(root.tail, base, 0, root.getparent())
        flush()
    finally:
        # visit refers to itself through its closure: break that cycle, or the walk's state (and
        # the page's tree through it) would wait for the cyclic garbage collector.
        visit = None  # noqa: F841
    return out


def _is_blank(el) -> bool:
    return not "".join(el.itertext()).strip()


def _after_cell(el) -> bool:
    """A table cell with a cell before it in its row (comments between them do not count)."""
    prev = el.getprevious()
    while prev is not None and prev.tag.__class__ is not str:
        prev = prev.getprevious()
    return prev is not None


def _hidden_mark(el, ctx: Mark, reason: str, is_block: bool) -> Mark:
    if reason == "hidden:jammer":
        return Mark(NOISE, ctx.post, "jammer")
    if is_block:
        return Mark(HIDDEN, ctx.post, reason)
    if looks_like_noise(collapse_spaces("".join(el.itertext()))):
        return Mark(NOISE, ctx.post, reason)
    return Mark("skip", ctx.post, reason)  # inline hidden message: its own block
