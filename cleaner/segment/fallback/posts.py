"""The fallback segmenter for pages no engine table knows.

Two shapes are told apart from structure alone:

* a thread: sibling elements with the same tag and class (a bare <div> wrapping one styled
  element is named after it), holding prose (or, when dated, a short reply beside a longer one)
  and most of them a date, repeated at least twice (posts of an unknown forum, answers,
  comments); repeated cut-off excerpts ("... read more") are a list of other threads instead;
* an article (news, blog, Q&A page): the container where prose concentrates, scored like
  readability/CETD: every paragraph gives its container points for its length and punctuation,
  less for link-heavy containers; the best container and its prose-rich siblings are the article.

Everything else is CHROME. Lines are first cut by ``walk_blocks`` (the same walker the engine
tables use), so hidden text and anti-copy noise are handled the same way. Container scores, the
article and the linked lines it keeps are article.py's; dates, bylines and the lines a post
template adds inside each post are lines.py's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import islice
from typing import Iterable

from lxml import etree

from ..blocks import BODY, CHROME, HIDDEN, Block, PostMeta, Segmented
from ..hidden import FOUND_BEFORE_WALK, fallback_marks
from ..postmeta import page_title
from ..walk import Mark, walk_blocks
from .lines import (  # noqa: F401  (has_date_text, dated_markup: re-exported, public)
    DATE_LINE_MAX_CHARS,
    _body_lines,
    _content_chars,
    _to_chrome,
    dated_markup,
    has_date_text,
    is_byline,
    take_article_chrome,
    take_post_chrome,
)
from .cards import take_card_lines
from .groups import HEADING_TAGS, groupable_without_class, is_preview_list, single_reply, unit_name
from .article import (
    ANCESTOR_WEIGHTS,
    MAX_ARTICLE_LINK_DENSITY,
    ROOT_TAGS,
    _best_container,
    NEGATIVE_HINT_FACTOR,
    _totals,
    article_elements,
    container_score,
    hint_factor,
    is_help_box,
    in_prose_list,
    same_markup_paragraphs,
    thin_article,
    written_link_density,
)

MIN_LEAD_SCORE = 5.0  # an opening post above the replies must score like a real paragraph
MAX_LEAD_DISTANCE = 3  # ... and sit under the replies' parent or one of its 3 nearest ancestors
MIN_POST_CHARS = 20  # non-link characters a repeated element needs to count as a post
MIN_SHORT_POST_CHARS = 2  # ... or this many when it is dated, in a group holding a longer post
MIN_POSTS = 2
WRAPPER_DEPTH = 2  # bare <div>s around a post's styled element: how many levels are looked through
LAYOUT_DOMINANT_SHARE = 0.75  # a layout table holding this share of the "posts'" text is the article
MIN_LAYOUT_TABLES = 3  # ... among this many (two tables are as often a thread's header and its posts)
MIN_TABLE_ROW_POSTS = 3  # plain <tr> rows: a layout table has a dated header row beside the article row
MIN_DATED_SHARE = 0.5  # share of the posts that must carry a date or time
TRIM_DATED_SHARE = 0.75  # in a group this dated, undated members at its ends are header/footer rows
MIN_THREAD_SHARE = 0.5  # posts around the prose peak must hold this share of its text
MAX_POST_LINK_DENSITY = 0.35  # teaser and related-link lists repeat too, but are mostly links
MIN_PROSE_MEMBERS = 3  # ... unless this many members (and half of them) are prose: one link-farm reply
MIN_PROSE_MEMBER_SHARE = 0.5  # among real posts does not make the posts a link list
TEASER_MIN_CHARS = 80  # excerpts are cut at a fixed length; shorter lines ending "... ok" are chat
TEASER_MEMBER_SHARE = 0.6  # a group this share of whose members are cut-off excerpts is a teaser list
MIN_TEASERS = 3  # ... and at least this many
# The end of a cut-off excerpt: an ellipsis, then one to three short words and maybe an arrow.
_TEASER_END = re.compile(r"(?:\.{3}|…)\s*(?:[^\s.…?!？！。]{1,15}\s*){1,3}[>»›]?\s*$")
TEASER_TAIL_MAX_CHARS = 3 * 15 + 1  # _TEASER_END's words and arrow after the ellipsis: non-space characters
# Grid-layout column classes (Bootstrap, Ant Design, Element, Layui): the page's main column and
# its sidebar repeat the same markup, but they are a layout, not posts.
_GRID_COLUMN = re.compile(r"^(?:ant-|el-|layui-|pure-u-)?col(?:-|$)|^col-(?:xs|sm|md|lg|xl)\b|^span\d+$", re.I)
NO_GROUP_TAGS = frozenset({"p", "span", "a", "font", "b", "strong", "em", "i", "br", "td", "th", "tbody", "dd", "dt"})
# Tags whose repeats are items even without a class: list items, articles, table rows (a post
# per row in table-built forums such as FanFiction.Net's).
CLASSLESS_GROUP_TAGS = frozenset({"li", "article", "table", "section", "tr"})


def _signature(el, *, depth: int = WRAPPER_DEPTH) -> tuple[str, str]:
    """(tag, first class). A class-less element wrapping a single element is named after what
    it wraps ("div>div.w-full"): some themes put each post in a bare <div> around the styled
    one, so the bare wrappers are the siblings that repeat."""
    cls = (el.get("class") or "").split(None, 1)
    if cls or depth <= 0 or el.tag in CLASSLESS_GROUP_TAGS:
        return el.tag, cls[0] if cls else ""
    only = _only_child(el)
    if only is None:
        return el.tag, ""
    tag, inner = _signature(only, depth=depth - 1)
    return el.tag, f">{tag}.{inner}" if inner else ""


def _only_child(el) -> object | None:
    """The element's single element child, when it has exactly one and no text of its own."""
    children = [child for child in el if isinstance(child.tag, str)]
    if len(children) != 1 or (el.text and not el.text.isspace()):
        return None
    return children[0]


@dataclass(slots=True)
class PostGroup:
    members: list  # post elements in page order
    chars: int  # non-link characters they hold


@dataclass(slots=True)
class _Evidence:
    """Per element: non-link characters, all characters, whether a date shows inside, and
    whether a cut-off excerpt does."""

    content: dict
    every: dict
    dated: set
    teasers: set  # elements holding a cut-off excerpt ("... weiterlesen >")
    byline_links: dict  # link characters in bylines (an author's linked name beside the date)


def _evidence(blocks: list[Block], ancestors: list[tuple], dated_markup: Iterable) -> _Evidence:
    content: dict = defaultdict(int)
    beyond: dict = {}  # per element: what every[el] has more than content[el] (links, hidden lines' links)
    byline_links: dict = defaultdict(int)
    dated: set = set()
    teasers: set = set()
    for el in dated_markup:
        dated.add(el)
        dated.update(el.iterancestors())
    for block, chain in zip(blocks, ancestors):
        text, link_chars = block.text, block.link_chars
        # The link share: a hidden line's words (a collapsed reply form's "0/200") are neither
        # prose nor links, but its links (a hidden menu, an emoji picker) are still links.
        shown = len(text) if block.role != HIDDEN else link_chars
        chars = _content_chars(block) if block.role != HIDDEN else 0
        for el in chain:
            content[el] += chars
        if shown != chars:  # (Speed: every = content + beyond; most lines have no link: one loop)
            more = shown - chars
            for el in chain:
                beyond[el] = beyond.get(el, 0) + more
        # A byline that links the post title and the author is long but mostly links.
        if has_date_text(text, max_chars=DATE_LINE_MAX_CHARS + link_chars):
            dated.update(chain)
            if link_chars and block.role != HIDDEN and is_byline(text):
                for el in chain:  # (Speed: most lines are no byline, most lines undated: no loop for them)
                    byline_links[el] += link_chars
        if len(text) >= TEASER_MIN_CHARS and is_teaser_line(text):
            teasers.update(chain)
    every: dict = defaultdict(int, {el: chars + beyond.get(el, 0) for el, chars in content.items()})
    return _Evidence(content, every, dated, teasers, byline_links)


def is_teaser_list(members: list, teasers: set, *, min_share: float = TEASER_MEMBER_SHARE,
                   min_members: int = MIN_TEASERS) -> bool:
    """Repeated items most of which show a cut-off excerpt: related threads, not replies."""
    count = sum(1 for el in members if el in teasers)
    return count >= min_members and count >= min_share * len(members)


def is_teaser_line(text: str, *, min_chars: int = TEASER_MIN_CHARS) -> bool:
    """An excerpt cut off and followed by a "read more" word: "...besuche... weiterlesen >",
    "...the first... Read more". A list of these links to other threads; it is not a thread."""
    if len(text) < min_chars or ("..." not in text and "…" not in text):
        return False
    # (Speed: _TEASER_END's words hold no "." or "…", so only the last ellipsis can start a match,
    # and only before at most TEASER_TAIL_MAX_CHARS non-space characters: the regex tries that
    # one, not every ellipsis with its backtracking; 0.65 -> 0.21 ms a pass on the 21 fallback
    # bench pages, same answers: tests/segment/fallback/test_fallback_speed.py)
    last = max(text.rfind("."), text.rfind("…"))
    start = last if text[last] == "…" else last - 2
    if start < 0 or text[start:last + 1] not in ("...", "…"):
        return False
    if sum(map(len, text[last + 1:].split())) > TEASER_TAIL_MAX_CHARS:
        return False
    return _TEASER_END.match(text, start) is not None


def _candidate_groups(ev: _Evidence, *, min_chars: int, min_short_chars: int) -> tuple[dict, dict]:
    """Same-signature siblings that hold text: (parent, signature) -> members; and every such
    element by signature, page-wide (for a single reply, see groups.single_reply). A class-less
    custom element or <div> is named by its children (groups.unit_name)."""
    groups: dict = defaultdict(list)
    by_name: dict = defaultdict(list)
    for el, chars in ev.content.items():
        if chars < (min_short_chars if el in ev.dated else min_chars):
            continue  # a short reply ("Thanks!", "學習") counts when it is dated like a post
        tag = el.tag  # (read once: lxml makes a new str on every read)
        if tag in NO_GROUP_TAGS or tag in ROOT_TAGS or not isinstance(tag, str):
            continue
        signature = _signature(el)
        if not signature[1] and tag not in CLASSLESS_GROUP_TAGS:
            if not groupable_without_class(el):
                continue
            signature = (tag, unit_name(el))
        parent = el.getparent()
        if parent is not None:
            groups[(parent, signature)].append(el)
            by_name[signature].append(el)
    return groups, by_name


def _is_post_group(members: list, signature: tuple, ev: _Evidence, peak, *, min_chars: int, min_posts: int,
                   min_dated: float, max_link_density: float, min_table_rows: int) -> bool:
    """Enough dated members, prose rather than links. A group that has enough members only
    thanks to short dated replies must not hold the page's prose peak: a dated header row
    beside the article row of a layout table is not a thread."""
    if _GRID_COLUMN.match(signature[1]):
        return False
    needed = min_table_rows if signature == ("tr", "") else min_posts
    if len(members) < needed:
        return False
    long_members = sum(1 for el in members if ev.content[el] >= min_chars)
    if long_members < needed and (peak is None or long_members == 0 or _holds(members, peak)):
        return False
    if sum(1 for el in members if el in ev.dated) < min_dated * len(members):
        return False
    # Comments beside the article link each author's name in the byline: those links are not
    # a link list. A group holding the prose peak must be prose without that allowance.
    beside = peak is not None and not _holds(members, peak)
    shown = {el: ev.every[el] - (ev.byline_links[el] if beside else 0) for el in members}
    total = sum(ev.content[el] for el in members)
    if total < (1.0 - max_link_density) * sum(shown.values()):
        prose_members = sum(1 for el in members if ev.content[el] >= (1.0 - max_link_density) * shown[el])
        if prose_members < max(MIN_PROSE_MEMBERS, MIN_PROSE_MEMBER_SHARE * len(members)):
            return False
    return True


def _holds(members: list, el) -> bool:
    """Whether one of the members is ``el`` or an ancestor of it."""
    chain = {el, *el.iterancestors()}
    return any(member in chain for member in members)


def find_post_group(
    blocks: list[Block],
    ancestors: list[tuple],
    *,
    min_chars: int = MIN_POST_CHARS,
    min_short_chars: int = MIN_SHORT_POST_CHARS,
    min_posts: int = MIN_POSTS,
    min_dated: float = MIN_DATED_SHARE,
    max_link_density: float = MAX_POST_LINK_DENSITY,
    dated_markup: Iterable = (),
    min_table_rows: int = MIN_TABLE_ROW_POSTS,
    peak=None,
    teasers: list | None = None,
) -> PostGroup | None:
    """The largest set of same-signature siblings that each hold prose and mostly a date
    (a date line, or a date in markup: ``dated_markup`` elements such as <time>).
    ``peak``: the page's best prose container, when known (see _is_post_group); ``teasers``:
    when given, the members of lists of cut-off excerpts (other threads) are added to it."""
    ev = _evidence(blocks, ancestors, dated_markup)
    best: PostGroup | None = None
    groups, by_name = _candidate_groups(ev, min_chars=min_chars, min_short_chars=min_short_chars)
    for (_parent, signature), members in groups.items():
        if is_teaser_list(members, ev.teasers):
            if teasers is not None:
                teasers.extend(members)
            continue
        if not _is_post_group(members, signature, ev, peak, min_chars=min_chars, min_posts=min_posts,
                              min_dated=min_dated, max_link_density=max_link_density, min_table_rows=min_table_rows):
            continue
        if is_preview_list(members):  # other threads' excerpts (read only for groups that pass: cheap)
            if teasers is not None:
                teasers.extend(members)
            continue
        total = sum(ev.content[el] for el in members)
        if best is None or total > best.chars:
            best = PostGroup(members=members, chars=total)
    if best is None:
        single = single_reply(by_name, ev.dated, peak, teasers)
        return PostGroup(members=single, chars=ev.content[single[0]]) if single else None
    order = {el: i for i, el in enumerate(best.members[0].getparent())}
    best.members.sort(key=lambda el: order.get(el, 0))
    best.members = _trim_undated_ends(best.members, ev.dated, min_posts=min_posts)
    return best


def _trim_undated_ends(members: list, dated: set, *, min_posts: int = MIN_POSTS, min_share: float = TRIM_DATED_SHARE) -> list:
    """A header or footer row made with the same markup as the posts (a breadcrumb table above
    the first post) carries no date: when nearly every member is dated, undated members at
    either end of the run are not posts."""
    if sum(1 for el in members if el in dated) < min_share * len(members):
        return members
    start, end = 0, len(members)
    while start < end and members[start] not in dated:
        start += 1
    while end > start and members[end - 1] not in dated:
        end -= 1
    return members[start:end] if end - start >= min_posts else members


def _assign(
    blocks: list[Block],
    ancestors: list[tuple],
    article: set,
    members: list,
    *,
    teasers: set | frozenset = frozenset(),
    totals: dict | None = None,
    max_link_density: float = MAX_ARTICLE_LINK_DENSITY,
) -> None:
    """Post 0 is the article (when there is one), then one post per repeated member. A list of
    other threads' excerpts (``teasers``) beside the article is not part of it. ``totals``: the
    container scores, to tell a linked item of a prose list from a link line."""
    first = 1 if article else 0
    index = {el: first + i for i, el in enumerate(members)}
    for block, chain in zip(blocks, ancestors):
        # (Speed: an article page has no members, and a line outside them needs no walk up)
        post = next((index[el] for el in reversed(chain) if el in index), None) \
            if index and not index.keys().isdisjoint(chain) else None
        if post is None and article and not article.isdisjoint(chain):
            if written_link_density(block) > max_link_density and not (
                    totals is not None and in_prose_list(block, chain, totals)):
                _to_chrome(block, "generic:link-line")
                continue
            if teasers and not teasers.isdisjoint(chain):
                _to_chrome(block, "generic:teaser-list")
                continue
            post = 0
        if post is None:
            if not (block.role == HIDDEN and block.reason.startswith(FOUND_BEFORE_WALK)):
                _to_chrome(block, "outside-article" if article else "outside-post")
            continue
        block.post = post
        if block.role == CHROME:
            block.role = BODY
            block.reason = ""


def _without_teasers(blocks: list[Block], ancestors: list[tuple], teasers: list) -> dict:
    """The container scores without the lines of teaser lists: a list of other threads'
    excerpts often holds more prose than the page's own article or thread."""
    inside = set(teasers)
    kept = [(b, chain) for b, chain in zip(blocks, ancestors) if inside.isdisjoint(chain)]
    return _totals([b for b, _ in kept], [chain for _, chain in kept])


def segment_generic(root: etree._Element, *, url: str | None = None) -> Segmented:
    """Blocks of a page without an engine table.

    Repeated dated posts where the prose peaks: a thread (post i = member i). Repeated posts
    beside a prose container (a question and its answers, a story and its comments): the
    container is post 0, the members are the replies. No repeated posts: one article.
    """
    # (Speed: the hidden elements the walk would find checking each element are marked before it)
    base = Mark(CHROME, None, "outside-article")
    walk = walk_blocks(root, fallback_marks(root, base), base=base, keep_ancestors=True)
    blocks, ancestors = walk.blocks, walk.ancestors
    title, site = page_title(root)
    segmented = Segmented(blocks=blocks, title=title, forum=site, engine="generic", removed=walk.removed)
    totals = _totals(blocks, ancestors)
    peak = _best_container(totals)
    teasers: list = []
    group = find_post_group(blocks, ancestors, dated_markup=dated_markup(root), peak=peak, teasers=teasers)
    if teasers:
        totals = _without_teasers(blocks, ancestors, teasers)
        peak = _best_container(totals)
    shape = thread_shape(group, totals, best=peak)
    article: set = set()
    if shape == ARTICLE:  # a thin page's article is found with finer evidence
        article = thin_article(blocks, ancestors, totals, best=peak) or article_elements(totals, best=peak)
    elif shape == ARTICLE_WITH_REPLIES:
        article = article_elements(totals, best=peak)
    if shape == THREAD and is_layout_table_article(group, totals, peak):
        shape = ARTICLE
        article = article_elements(totals, best=peak)
    if shape == THREAD:
        lead = lead_post(ancestors, totals, group)
        if lead is not None:
            shape = ARTICLE_WITH_REPLIES
            article = {lead, *same_markup_paragraphs(lead, totals, avoid=group.members[0])}
    members = group.members if shape in (THREAD, ARTICLE_WITH_REPLIES) else []
    if not article and not members:
        for block in blocks:
            _to_chrome(block, "outside-article")
        segmented.is_thread = False
        return segmented
    _assign(blocks, ancestors, article, members, teasers=set(teasers), totals=totals)
    segmented.is_thread = bool(members)
    segmented.posts = [PostMeta(floor=1)] * bool(article) + [PostMeta() for _ in members]
    segmented.posts = [PostMeta(floor=p.floor) for p in segmented.posts]
    if article:
        take_article_chrome(blocks)
    if members:
        chains = dict(zip(map(id, blocks), ancestors))
        take_post_chrome(blocks, segmented.posts, members, chains, first=1 if article else 0)
        take_card_lines(_body_lines(blocks, 1 if article else 0), chains)
    return segmented


LAYOUT_TABLE_TAGS = frozenset({"table", "tr"})


def is_layout_table_article(group: PostGroup, totals: dict, peak, *,
                            min_share: float = LAYOUT_DOMINANT_SHARE, min_tables: int = MIN_LAYOUT_TABLES) -> bool:
    """Old news and blog pages are laid out in bare tables: a title table, a byline table, the
    article's table, a comments table. They repeat like posts, but one of them (not the first:
    a thread opens with its first post) holds the page's prose peak and nearly all its text."""
    first = group.members[0]
    if len(group.members) < min_tables or first.tag not in LAYOUT_TABLE_TAGS or first.get("class") or peak is None:
        return False
    holder = next((m for m in group.members if m is peak or m in peak.iterancestors()), None)
    if holder is None or holder is first:
        return False
    content = {m: totals[m].chars - totals[m].link_chars for m in group.members if m in totals}
    return content.get(holder, 0) >= min_share * sum(content.values())


def lead_post(ancestors: list[tuple], totals: dict, group: PostGroup, *, min_score: float = MIN_LEAD_SCORE,
              max_distance: int = MAX_LEAD_DISTANCE) -> object | None:
    """The opening post of a thread rendered apart from the replies: custom themes and Q&A sites
    show the question or first post above the list of repeated replies, in other markup. It is
    the best prose container wholly before the first reply, when it scores like a paragraph."""
    members = set(group.members)
    first = next((i for i, chain in enumerate(ancestors) if not members.isdisjoint(chain)), None)
    if not first:
        return None
    shared = set(ancestors[first])  # ancestors of the replies also hold the lines before them
    # A container scores from lines at most len(ANCESTOR_WEIGHTS) levels below it.
    reach = len(ANCESTOR_WEIGHTS)
    # In page order, outer elements first (a dict, not a set: ties between a paragraph and the
    # element around it go the same way on every run, to the element around it).
    before = dict.fromkeys(el for chain in ancestors[:first] for el in chain[-reach:] if el not in shared)
    # Only containers beside the replies: a sidebar blurb shares an ancestor with them only
    # near the page root.
    parent = group.members[0].getparent()
    near = {parent, *islice(parent.iterancestors(), max_distance)}
    # (not a box its class says is chrome: posting guidelines, a help panel; not a heading: the
    # thread's title is no post)
    candidates = {el: totals[el] for el in before if el in totals and not near.isdisjoint(el.iterancestors())
                  and el.tag not in HEADING_TAGS and hint_factor(el) > NEGATIVE_HINT_FACTOR}
    best = _best_container(candidates)
    if best is None or container_score(best, totals[best]) < min_score:
        return None
    return best


THREAD = "thread"  # the repeated posts are the page
ARTICLE_WITH_REPLIES = "article+replies"  # a prose container (post 0), then the repeated posts
ARTICLE = "article"  # no repeated posts, or they are sections of the article


def thread_shape(group: PostGroup | None, totals: dict, *, min_share: float = MIN_THREAD_SHARE, best=False) -> str:
    """Where the repeated posts sit relative to the page's best prose container (``best``:
    that container when already found)."""
    if group is None:
        return ARTICLE
    if best is False:
        best = _best_container(totals)
    if best is None:
        return THREAD
    members = set(group.members)
    parent = group.members[0].getparent()
    peak_in_group = best in members or any(el in members for el in best.iterancestors())
    inside_best = parent is best or any(el is best for el in parent.iterancestors())
    if not (peak_in_group or inside_best):
        return ARTICLE_WITH_REPLIES
    entry = totals[best]
    # A posting-guidelines or help box is not the article's text, however long.
    aside = sum(totals[c].chars - totals[c].link_chars for c in best if c in totals and is_help_box(c))
    if group.chars >= min_share * (entry.chars - entry.link_chars - aside):
        return THREAD
    return ARTICLE
