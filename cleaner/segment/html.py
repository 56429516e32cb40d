"""A parsed HTML page -> blocks: the best engine table that finds posts marks them (post, body,
quote, signature, edit notice, attachment, anti-copy noise) before the walk; a page no table
claims goes to the fallback segmenter (segment/fallback/), its one entry point.
"""

from __future__ import annotations

from functools import partial

from lxml import etree

from ..engines import PageFacts, compile_table, narrowed, ranked
from .blocks import ATTACHMENT, BODY, CHROME, EDIT, QUOTE, SIGNATURE, PostMeta, Segmented
from .fallback import segment_generic
from .lazy import LazyPostMeta
from .postmeta import _first_value, _post_meta, _string_value, is_title, page_identity, page_title
from .quotes import QUOTE_HEADER, decide_quotes
from .structure import expand_code
from .walk import NOISE, Mark, walk_blocks


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
    its attribution and "Click to expand..." lines go (segment/quotes.py decides which is which).
    Authors are read with the byline XPath, leaving the posts' lazy metadata unread."""
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
    return tuple(x for x in (narrowed(x, facts, ct.needs.get(x)) for x in xpaths) if x is not None)


def _possible_one(ct, xpath, facts):
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
    return table_title if is_title(table_title) else title, table_forum if is_title(table_forum) else site


def segment_with_table(root: etree._Element, table, facts=None) -> Segmented:
    """Blocks of a page made by a known engine: posts, their bodies and marked parts, chrome.
    ``facts``: the page's engines.PageFacts from detection, reused to skip XPaths."""
    ct = compile_table(table)
    marks, posts = table_marks(ct, root, facts)
    title, forum = _title_and_forum(ct, root, facts)
    if not posts:
        return Segmented(title=title, forum=forum, engine=table.name)
    walk = walk_blocks(root, marks)
    return Segmented(
        blocks=walk.blocks, posts=posts, title=title, forum=forum, engine=table.name, removed=walk.removed
    )


def _bodiless_posts(table, root: etree._Element, facts=None) -> list:
    """The table's post elements on a page where none holds a body (every post deleted, banned
    or hidden): the page is that engine's thread with nothing to keep."""
    ct = compile_table(table)
    post_xpath = _possible_one(ct, ct.post, facts)
    return [el for el in post_xpath(root) if isinstance(el, etree._Element)] if post_xpath is not None else []


def empty_thread(root: etree._Element, table, posts: list, facts=None) -> Segmented:
    """Blocks of a thread whose posts have no body: every line is chrome (the audit keeps them),
    none is a post's, so the text is empty instead of what a structural guess would keep."""
    ct = compile_table(table)
    marks = dict.fromkeys(posts, Mark(CHROME, None, f"{table.name}:post-without-body"))
    title, forum = _title_and_forum(ct, root, facts)
    walk = walk_blocks(root, marks)
    return Segmented(blocks=walk.blocks, title=title, forum=forum, engine=table.name, removed=walk.removed)


def segment_html(root: etree._Element, *, url: str | None = None) -> Segmented:
    """Cut a parsed page into blocks: with the best engine table that finds posts, else generically.
    A page whose engine table finds posts but no body in any (and no other table finds posts) is
    an empty thread of that engine, not a page for the fallback."""
    facts = PageFacts(root, url)
    emptied = None
    for detection in ranked(root, url, facts=facts):
        segmented = segment_with_table(root, detection.table, facts)
        if segmented.posts:
            break
        if emptied is None:
            bodiless = _bodiless_posts(detection.table, root, facts)
            emptied = (detection.table, bodiless) if bodiless else None
    else:
        segmented = empty_thread(root, *emptied, facts) if emptied is not None else segment_generic(root, url=url)
    segmented.blocks = expand_code(segmented.blocks)  # (placed as one block each, now lines)
    everywhere = facts.links_and_metas if root.getroottree().getroot() is root else None  # (the same walk)
    segmented.canonical_url, segmented.site_name = page_identity(root, everywhere)
    return segmented
