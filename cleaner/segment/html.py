"""HTML -> blocks: parse with lxml (no network, bounded depth) and cut the page into lines.

One pass over the tree (``lxml.etree.iterwalk``) turns every text line of the page into a
``Block``: a line ends at block-level elements and at ``<br>``, inline elements stay in the
line. Which post a line belongs to and its role come from *marks*: elements an engine table
(or the generic extractor) pointed at before the walk. Hidden inline anti-copy noise (the
Discuz! jammer) is cut out of the line it sits in, so the paragraph around it stays whole.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import partial

from lxml import etree

from .blocks import ATTACHMENT, BODY, CHROME, EDIT, HIDDEN, QUOTE, SIGNATURE, Block, PostMeta, Segmented
from ..errors import ParseError
from .lazy import LazyPostMeta, TreeBlock
from .postmeta import _first_value, _post_meta, _squash, _string_value, clean_date, page_title, parse_floor  # noqa: F401
from ..result import Removal

MAX_DEPTH = 250  # libxml2 (without huge_tree) silently drops content below depth 256
MAX_ELEMENTS = 1_000_000
IMPLIED_ELEMENTS = 3  # html, head, body: the parser may add them without markup
NOISE_MAX_CHARS = 60  # hidden inline text longer than this, or with CJK, is not random noise
PATH_DEPTH = 3  # elements named in Block.path

# Elements whose content is never page text: removed right after parsing (tails kept).
STRIPPED_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math")
SKIPPED_SUBTREES = frozenset({"head", "select", "textarea", "button"})
BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr html legend li main menu nav ol p pre section "
    "summary table tbody td tfoot th thead tr ul caption option".split()
)
NOISE = "noise"  # pseudo-role of a mark: the element's text is removed inline

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_ZERO_FONT = re.compile(r"font-size:0(?:\.0+)?(?:px|pt|em|rem|%)?(?:;|!|$)")
_OFF_SCREEN = re.compile(r"(?:left|top|text-indent):-\d{3,}")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]")

_DEPTH_CHECKS: dict[int, etree.XPath] = {}
_COUNT_ELEMENTS = etree.XPath("count(//*)")
_local = threading.local()


def _parser() -> etree.HTMLParser:
    """One parser per thread (lxml parsers are not thread-safe). Plain lxml.etree elements, not
    lxml.html's HtmlElement: its per-element Python class lookup costs more than the parse."""
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.HTMLParser(
            no_network=True, remove_comments=True, remove_pis=True, huge_tree=False, default_doctype=False
        )
        _local.parser = parser
    return parser


def _depth_check(max_depth: int) -> etree.XPath:
    """XPath true when an element sits deeper than max_depth: one C-level pass per level."""
    if max_depth not in _DEPTH_CHECKS:
        _DEPTH_CHECKS[max_depth] = etree.XPath("boolean(/*" + "/*" * max_depth + ")")
    return _DEPTH_CHECKS[max_depth]


def parse_html(text: str, *, max_depth: int = MAX_DEPTH, max_elements: int = MAX_ELEMENTS) -> etree._Element:
    """Parse decoded HTML into an lxml tree without scripts, styles and other non-text elements.

    Raises ParseError for empty or unparseable markup, for trees deeper than ``max_depth``
    (libxml2 would silently drop what lies below depth 256) and for more than
    ``max_elements`` elements. The parser never touches the network or expands entities.
    """
    if not isinstance(text, str):
        raise ParseError(f"parse_html expects decoded text (str), got {type(text).__name__}")
    # lxml refuses str input that declares an encoding; the text is already decoded.
    text = _XML_DECLARATION.sub("", text, count=1).replace("\x00", "")
    if not text or text.isspace():  # = not text.strip(), without copying the page
        raise ParseError("the page is empty")
    try:
        root = etree.fromstring(text, parser=_parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ParseError(f"the markup could not be parsed: {exc}") from exc
    if root is None or not isinstance(root.tag, str):
        raise ParseError("the markup holds no elements")
    if _depth_check(max_depth)(root):
        raise ParseError(f"the page is nested deeper than {max_depth} levels")
    # Every element costs at least one character of markup (besides the implied html, head and
    # body): a text this short cannot hold too many, and the C-level count is skipped.
    if len(text) + IMPLIED_ELEMENTS > max_elements:
        count = int(_COUNT_ELEMENTS(root))
        if count > max_elements:
            raise ParseError(f"the page has {count} elements, more than the limit of {max_elements}")
    _keep_noscript_content(root)
    etree.strip_elements(root, *STRIPPED_TAGS, with_tail=False)
    return root


_BLOCK_INSIDE = etree.XPath("boolean(.//div or .//p or .//article)")


def _keep_noscript_content(root: etree._Element) -> None:
    """A <noscript> holding real markup is the server-rendered page (Discourse's crawler view):
    keep it as a <div>. One holding a tracking pixel or an "enable JavaScript" note is stripped."""
    for el in root.iter("noscript"):
        if _BLOCK_INSIDE(el):
            el.tag = "div"


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
    return len(text) <= max_chars and not _CJK.search(text)


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
    join it. One recursive visit per element. This is the hot loop of the cleaner: state lives in
    closure variables and the module tables are bound locally on purpose."""
    marks = marks or {}
    out = Walk()
    blocks, removed, ancestors = out.blocks, out.removed, out.ancestors
    parts: list[str] = []  # the text pieces of the line being built
    line = [None, None, (), 0, 0]  # the line's Mark, element, ancestors, link chars, links
    deferred: list[Block] = []  # inline hidden messages: their own blocks, after the line
    open_elements: list = []  # the elements around the current position (keep_ancestors)
    block_tags, skipped_tags, body, hidden, noise = BLOCK_TAGS, SKIPPED_SUBTREES, BODY, HIDDEN, NOISE
    make_block = TreeBlock  # a line's path is named only when someone reads it (name_path)
    paths: dict = {}
    labels: dict = {}

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
            text = " ".join("".join(parts).split())
            if text:
                ctx, el = line[0], line[1]
                role = ctx.role
                blocks.append(make_block(text, ctx.post, role, el, min(line[3], len(text)), line[4],
                                         ctx.reason if role != body else "", name_path))
                if keep_ancestors:
                    ancestors.append(line[2])
            parts.clear()
        line[3] = 0
        line[4] = 0
        if deferred:
            blocks.extend(deferred)
            if keep_ancestors:
                ancestors.extend([line[2]] * len(deferred))
            deferred.clear()

    def add(text: str, ctx: Mark, links: int, el) -> None:
        """Callers skip whitespace while no line is open (add would ignore it)."""
        if parts and ctx is not line[0]:
            flush()
        if not parts:
            if text.isspace():
                return
            line[0] = ctx
            line[1] = el
            if keep_ancestors:
                line[2] = tuple(open_elements)
        parts.append(text)
        if links:
            line[3] += len(" ".join(text.split()))

    def cut(el, ctx: Mark, mark: Mark) -> None:
        """Take an inline element's text out of the line: noise to removed, else its own block."""
        text = _squash("".join(el.itertext()))
        if not text:
            return
        if mark.role == noise:
            removed.append(Removal(text=text, kind="noise", rule=mark.reason, post=mark.post))
        else:
            deferred.append(Block(text=text, post=ctx.post, role=hidden, path=name_path(el), reason=mark.reason))

    def visit(el, tag: str, ctx: Mark, links: int) -> None:
        boundary = tag in block_tags
        mark = marks.get(el) if marks else None
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
        if tag in skipped_tags:  # no text inside: only a line boundary
            if parts or deferred:
                flush()
            else:
                line[4] = 0  # (no text: no link characters either)
            return
        if boundary or tag == "br":
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
        if text and (parts or not text.isspace()):
            add(text, ctx, links, el)
        for child in el:
            child_tag = child.tag  # (read once: lxml builds a new str on every read)
            if child_tag.__class__ is not str:
                continue  # comments and processing instructions: no text, tail dropped too
            visit(child, child_tag, ctx, links)
            tail = child.tail
            if tail and (parts or not tail.isspace()):
                add(tail, ctx, links, el)
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
            visit(root, root.tag, base, 0)
            if root.tail and (parts or not root.tail.isspace()):
                add(root.tail, base, 0, root.getparent())
        flush()
    finally:
        # visit refers to itself through its closure: break that cycle, or the walk's state (and
        # the page's tree through it) would wait for the cyclic garbage collector.
        visit = None  # noqa: F841
    return out


def _hidden_mark(el, ctx: Mark, reason: str, is_block: bool) -> Mark:
    if reason == "hidden:jammer":
        return Mark(NOISE, ctx.post, "jammer")
    text = _squash("".join(el.itertext()))
    if not is_block and looks_like_noise(text):
        return Mark(NOISE, ctx.post, reason)
    if not is_block:
        return Mark("skip", ctx.post, reason)  # inline hidden message: its own block
    return Mark(HIDDEN, ctx.post, reason)


def _elements(xpaths, context) -> list:
    """The elements (not strings or attributes) the XPaths select under ``context``."""
    return [el for xpath in xpaths for el in xpath(context) if isinstance(el, etree._Element)]


def _mark_all(marks: dict, xpaths, context, mark: Mark) -> None:
    for el in _elements(xpaths, context):
        marks[el] = mark


def _mark_quotes(marks: dict, xpaths, where: tuple, reason: str, found: list) -> None:
    """Mark a post's quotes as quotes of earlier posts; remember them for the provenance check."""
    index, _, body = where
    elements = _elements(xpaths, body)
    if elements:
        marks.update(dict.fromkeys(elements, Mark(QUOTE, index, reason, check_hidden=True)))
        found.append((*where, elements))


def _keep_cited_quotes(marks: dict, found: list, bodies: list, author_xpath) -> None:
    """A quote of outside text (an article, a story: not a post) stays as the post's body; only
    its attribution and "Click to expand..." lines go (cleaner.quotes decides which is which).
    Authors are read with the byline XPath, leaving the posts' lazy metadata unread."""
    from .quotes import QUOTE_HEADER, decide_quotes

    def authors() -> list[str]:
        if author_xpath is None:
            return []
        return [_string_value(_first_value(author_xpath, post_el)) for post_el, _ in bodies]

    for decision in decide_quotes(found, bodies, authors):
        if decision.of_post:
            continue
        mark = marks.get(decision.element)
        if mark is not None and mark.role == QUOTE and mark.reason.endswith(":quote"):
            del marks[decision.element]
        for el in decision.drop:
            marks[el] = Mark(QUOTE, decision.post, QUOTE_HEADER)


def _possible(ct, xpaths, facts) -> tuple:
    """The XPaths that can match somewhere on the page, narrowed to their possible branches."""
    from ..engines import narrowed

    return tuple(x for x in (narrowed(x, facts, ct.needs.get(x)) for x in xpaths) if x is not None)


def _possible_one(ct, xpath, facts):
    from ..engines import narrowed

    return narrowed(xpath, facts, ct.needs.get(xpath)) if xpath is not None else None


def table_marks(ct, root: etree._Element, facts=None) -> tuple[dict, list[PostMeta]]:
    """Marks for every post of the page under a compiled engine table, and the posts' metadata.
    ``facts`` (engines.PageFacts): XPaths whose class/id literals the page lacks are skipped."""
    marks: dict = {}
    posts: list[PostMeta] = []
    name = ct.table.name
    post_xpath = _possible_one(ct, ct.post, facts)
    if post_xpath is None:
        return marks, posts
    signature, quote = _possible(ct, ct.signature, facts), _possible(ct, ct.quote, facts)
    edit_notice, noise = _possible(ct, ct.edit_notice, facts), _possible(ct, ct.noise, facts)
    drop = tuple((narrow, rule) for narrow, rule in ((_possible_one(ct, x, facts), rule) for x, rule in ct.drop)
                 if narrow is not None)
    body_xpath = _possible_one(ct, ct.body, facts)
    meta = (_possible_one(ct, ct.floor, facts), _possible_one(ct, ct.author, facts), _possible_one(ct, ct.date, facts))
    quotes_found: list = []
    bodies: list = []  # (post element, body element) of every post
    for post_el in post_xpath(root):
        body = _first_value(body_xpath, post_el)
        if not isinstance(body, etree._Element) or post_el in marks or body in marks:
            continue
        index = len(posts)
        posts.append(LazyPostMeta(partial(_post_meta, meta, post_el)))
        marks[post_el] = Mark(CHROME, index, "outside-body")
        marks[body] = Mark(BODY, index, "", check_hidden=True)
        _mark_all(marks, signature, post_el, Mark(SIGNATURE, index, f"{name}:signature"))
        bodies.append((post_el, body))
        _mark_quotes(marks, quote, (index, post_el, body), f"{name}:quote", quotes_found)
        _mark_all(marks, edit_notice, body, Mark(EDIT, index, f"{name}:edit"))
        for xpath, rule in drop:
            _mark_all(marks, (xpath,), body, Mark(ATTACHMENT, index, rule))
        _mark_all(marks, noise, body, Mark(NOISE, index, f"{name}:jammer"))
    if quotes_found:
        _keep_cited_quotes(marks, quotes_found, bodies, meta[1])
    return marks, posts


def _title_and_forum(ct, root: etree._Element, facts=None) -> tuple[str, str]:
    title, site = page_title(root)
    title_xpath, forum_xpath = _possible_one(ct, ct.title, facts), _possible_one(ct, ct.forum, facts)
    table_title = _string_value(_first_value(title_xpath, root)) if title_xpath is not None else ""
    table_forum = _string_value(_first_value(forum_xpath, root)) if forum_xpath is not None else ""
    return table_title or title, table_forum or site


def segment_with_table(root: etree._Element, table, facts=None) -> Segmented:
    """Blocks of a page made by a known engine: posts, their bodies and marked parts, chrome.
    ``facts``: the page's engines.PageFacts from detection, reused to skip XPaths."""
    from ..engines import compile_table

    ct = compile_table(table)
    marks, posts = table_marks(ct, root, facts)
    title, forum = _title_and_forum(ct, root, facts)
    if not posts:
        return Segmented(title=title, forum=forum, engine=table.name)
    walk = walk_blocks(root, marks)
    return Segmented(
        blocks=walk.blocks, posts=posts, title=title, forum=forum, engine=table.name, removed=walk.removed
    )


def segment_html(root: etree._Element, *, url: str | None = None) -> Segmented:
    """Cut a parsed page into blocks: with the best engine table that finds posts, else generically."""
    from ..engines import PageFacts, ranked
    from .fallback.posts import segment_generic

    facts = PageFacts(root, url)
    for detection in ranked(root, url, facts=facts):
        segmented = segment_with_table(root, detection.table, facts)
        if segmented.posts:
            return segmented
    return segment_generic(root, url=url)


__all__ = [
    "ATTACHMENT",
    "BODY",
    "CHROME",
    "EDIT",
    "HIDDEN",
    "MAX_DEPTH",
    "Mark",
    "NOISE",
    "PostMeta",
    "QUOTE",
    "SIGNATURE",
    "Walk",
    "hidden_reason",
    "looks_like_noise",
    "page_title",
    "parse_html",
    "segment_html",
    "segment_with_table",
    "clean_date",
    "parse_floor",
    "walk_blocks",
]
