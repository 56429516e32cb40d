"""The fallback segmenter for pages no engine table knows.

Two shapes are told apart from structure alone:

* a thread: sibling elements with the same tag and class, each holding substantial prose and most
  of them a date, repeated at least twice (posts of an unknown forum, answers, comments);
* an article (news, blog, Q&A page): the container where prose concentrates, scored like
  readability/CETD: every paragraph gives its container points for its length and punctuation,
  less for link-heavy containers; the best container and its prose-rich siblings are the article.

Everything else is CHROME. Lines are first cut by ``walk_blocks`` (the same walker the engine
tables use), so hidden text and anti-copy noise are handled the same way.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import islice
from typing import Iterable

from lxml import etree

from .blocks import BODY, CHROME, HIDDEN, Block, PostMeta, Segmented
from .html import Mark, page_title, walk_blocks

MIN_PARAGRAPH_CHARS = 10  # shorter lines give no score to their containers
MAX_PARAGRAPH_LINK_DENSITY = 0.5
MAX_ARTICLE_LINK_DENSITY = 0.5  # a line inside the article with more links than this is chrome
SIBLING_SHARE = 0.2  # a sibling of the best container joins when it scores this share of it
MIN_SIBLING_SCORE = 5.0
MIN_LEAD_SCORE = 5.0  # an opening post above the replies must score like a real paragraph
MAX_LEAD_DISTANCE = 3  # ... and sit under the replies' parent or one of its 3 nearest ancestors
ANCESTOR_WEIGHTS = (1.0, 1.0, 0.5, 1 / 3)  # nearest element first
MIN_POST_CHARS = 20  # non-link characters a repeated element needs to count as a post
MIN_POSTS = 2
MIN_TABLE_ROW_POSTS = 3  # plain <tr> rows: a layout table has a dated header row beside the article row
MIN_DATED_SHARE = 0.5  # share of the posts that must carry a date or time
MAX_BYLINE_REST = 20  # characters besides the date a name/date line of a post may have
DATE_LINE_MAX_CHARS = 80  # longer lines with a date in them are prose, not a date line
COMPACT_AGE_MAX_CHARS = 24  # "· Updated 4y", "answered Mar 14"
WEEKDAY_DATE_MAX_CHARS = 32  # "Sunday 8th March": without a time or year, only a short line starting so
TEMPLATE_MIN_POSTS = 3  # a post-template line must repeat in at least this many posts
TEMPLATE_MIN_SHARE = 0.5  # ... and in this share of them
TEMPLATE_MAX_CHARS = 80  # longer lines are written, not templated
TRIM_DATED_SHARE = 0.75  # in a group this dated, undated members at its ends are header/footer rows
MIN_THREAD_SHARE = 0.5  # posts around the prose peak must hold this share of its text
MAX_POST_LINK_DENSITY = 0.35  # teaser and related-link lists repeat too, but are mostly links
MIN_PROSE_MEMBERS = 3  # ... unless this many members (and half of them) are prose: one link-farm reply
MIN_PROSE_MEMBER_SHARE = 0.5  # among real posts does not make the posts a link list
NO_GROUP_TAGS = frozenset({"p", "span", "a", "font", "b", "strong", "em", "i", "br", "td", "th", "tbody", "dd", "dt"})
ROOT_TAGS = frozenset({"html", "body"})
INLINE_OR_PARAGRAPH_TAGS = frozenset({"p", "span", "a", "font", "b", "strong", "em", "i", "u", "small", "big", "br", "code", "sup", "sub"})
# Tags whose repeats are items even without a class: list items, articles, table rows (a post
# per row in table-built forums such as FanFiction.Net's).
CLASSLESS_GROUP_TAGS = frozenset({"li", "article", "table", "section", "tr"})
POSITIVE_HINT_FACTOR = 1.5  # class/id says article ("content", "article", "post", "正文")
NEGATIVE_HINT_FACTOR = 0.4  # class/id says chrome ("footer", "comment", "sidebar", "related")
HINT_ANCESTORS = 4  # a chrome hint this many levels up still counts
LIST_ITEM_FACTOR = 0.5
SHORTLIST = 40  # containers (best raw scores first) whose class/id hints are read  # prose inside a list item is usually a teaser of another page

_POSITIVE_HINT = re.compile(r"article|content|post|text|body|entry|main|story|detail|正文|news|blog", re.I)
_NEGATIVE_HINT = re.compile(
    r"comment|foot|sidebar|side-|aside|nav|menu|header|copyright|related|recommend|share|banner|widget"
    r"|popup|modal|login|rank|breadcrumb|\bpay|reward|dialog|hot|\bad[s_-]|advert|sponsor|promo|feed|teaser",
    re.I,
)

_PUNCTUATION = re.compile(r"[，。！？；：、,.!?;:]")
_MONTH = (
    r"(?:jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz]|janv|févr|mars|avr|mai|juin|juil|août|sept|déc)"
    r"[a-zé]*\.?"
)
_DATE = re.compile(
    r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}|\d{1,2}[-/月]\d{1,2}日?\s+\d{1,2}:\d{2}|\d{1,2}:\d{2}"
    r"|\b\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})\b"  # 18.09.2017, 09/18/17
    r"|[0-9一二三四五六七八九十]+\s*(?:秒|分钟|小时|天|周|个月|年)前|刚刚|昨天|前天"
    r"|\b\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b"
    r"|\b(?:yesterday|today)\b|\bvor\s+\d+\s+(?:minuten|stunden|tagen|wochen|monaten|jahren)\b",
    re.IGNORECASE,
)
# "Sep 18, 2017", "18 September 2017", "18. Sep. 2017": tried only on lines with a year (cheap).
_MONTH_DATE = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:\d{{4}}|'\d{{2}})|\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s+{_MONTH}\s+\d{{4}}",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\d{4}|'\d{2}")
# "Sunday 8th March", "Mon, Mar 9": this year's posts often show no year, but a weekday.
_WEEKDAY_DATE = re.compile(
    rf"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\.?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}\b)",
    re.IGNORECASE,
)
# A line that is nothing but a compact relative time ("4y", "3 mo", "2d", "5h"): social/Q&A bylines.
_COMPACT_AGE = re.compile(
    rf"(?:(?:updated|edited|answered|asked|posted)\s+)?(?:\d{{1,3}}\s?(?:y|yr|yrs|mo|w|d|h|m|min)|{_MONTH}\s+\d{{1,2}})",
    re.IGNORECASE,
)
# Markup that says "a date is here" even when the text does not (<time>, datetime=, timestamps).
def dated_markup(root) -> list:
    """<time> elements and <abbr title> dates (class time/date): where markup says "a date is here"
    though the text does not (a relative "5y", an icon). lxml filters the tags in C: cheap."""
    found = []
    for el in root.iter("time", "abbr"):
        if el.tag == "time" or (el.get("title") and any(k in (el.get("class") or "") for k in ("time", "date"))):
            found.append(el)
    return found


def has_date_text(text: str, *, max_chars: int = DATE_LINE_MAX_CHARS) -> bool:
    """A short line that shows a date, a time, or a relative age."""
    if len(text) >= max_chars:
        return False
    if _DATE.search(text) is not None:
        return True
    if _YEAR.search(text) is not None and _MONTH_DATE.search(text) is not None:
        return True
    if len(text) <= WEEKDAY_DATE_MAX_CHARS and _WEEKDAY_DATE.match(text.lstrip(" ·•|-–")) is not None:
        return True
    return len(text) <= COMPACT_AGE_MAX_CHARS and _COMPACT_AGE.fullmatch(text.strip(" ·•|-–")) is not None


_DATE_TIME = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|" + _DATE.pattern)


def _content_chars(block: Block) -> int:
    return max(len(block.text) - block.link_chars, 0)


def paragraph_score(block: Block, *, min_chars: int = MIN_PARAGRAPH_CHARS) -> float:
    """Points a line gives its containers: prose is long, punctuated and not a link."""
    chars = _content_chars(block)
    if chars < min_chars or block.link_density > MAX_PARAGRAPH_LINK_DENSITY or block.role == HIDDEN:
        return 0.0
    return 1.0 + min(len(_PUNCTUATION.findall(block.text)), 20) + min(chars / 80, 3.0)


@dataclass(slots=True)
class _Totals:
    chars: int = 0
    link_chars: int = 0
    score: float = 0.0


def _totals(blocks: list[Block], ancestors: list[tuple]) -> dict:
    """Per element: characters, link characters and paragraph score of the lines below it."""
    totals: dict = defaultdict(_Totals)
    for block, chain in zip(blocks, ancestors):
        points = paragraph_score(block)
        chars, links = len(block.text), block.link_chars
        for depth, el in enumerate(reversed(chain)):
            entry = totals[el]
            entry.chars += chars
            entry.link_chars += links
            if points and depth < len(ANCESTOR_WEIGHTS):
                entry.score += points * ANCESTOR_WEIGHTS[depth]
    return totals


def hint_factor(el) -> float:
    """How much an element's class and id, and a list item around it, say article or chrome."""
    factor = 1.0
    hints = f"{el.get('class') or ''} {el.get('id') or ''}"
    if hints.strip():
        if _NEGATIVE_HINT.search(hints):
            factor *= NEGATIVE_HINT_FACTOR
        elif _POSITIVE_HINT.search(hints):
            factor *= POSITIVE_HINT_FACTOR
    for depth, ancestor in enumerate(el.iterancestors()):
        if depth >= HINT_ANCESTORS or ancestor.tag in ROOT_TAGS:
            break
        if _NEGATIVE_HINT.search(f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"):
            factor *= NEGATIVE_HINT_FACTOR
            break
    if el.tag == "li" or any(True for _ in el.iterancestors("li")):
        factor *= LIST_ITEM_FACTOR
    return factor


def container_score(el, entry: "_Totals") -> float:
    """A container's paragraph score, less its links, weighed by its class/id hints."""
    density = entry.link_chars / entry.chars if entry.chars else 1.0
    return entry.score * (1.0 - density) * hint_factor(el)


def _best_container(totals: dict, *, shortlist: int = SHORTLIST) -> object | None:
    """The container with the best hinted score; hints are read for the top raw scores only."""
    raw = []
    for el, entry in totals.items():
        if entry.score <= 0 or el.tag in ROOT_TAGS:
            continue
        density = entry.link_chars / entry.chars if entry.chars else 1.0
        raw.append((entry.score * (1.0 - density), el))
    raw.sort(key=lambda pair: -pair[0])
    best, best_score = None, 0.0
    for score, el in raw[:shortlist]:
        score *= hint_factor(el)
        if score > best_score:
            best, best_score = el, score
    return best


def article_elements(totals: dict, *, share: float = SIBLING_SHARE, min_score: float = MIN_SIBLING_SCORE) -> set:
    """The best-scoring container plus its siblings that also hold prose."""
    best = _best_container(totals)
    if best is None:
        return set()
    chosen = {best}
    parent = best.getparent()
    if parent is not None:
        threshold = max(min_score, share * totals[best].score)
        for sibling in parent:
            entry = totals.get(sibling)
            if sibling is not best and entry is not None and entry.score >= threshold:
                chosen.add(sibling)
    return chosen


def _signature(el) -> tuple[str, str]:
    cls = el.get("class") or ""
    first = cls.split(None, 1)
    return el.tag, first[0] if first else ""


@dataclass(slots=True)
class PostGroup:
    members: list  # post elements in page order
    chars: int  # non-link characters they hold


def find_post_group(
    blocks: list[Block],
    ancestors: list[tuple],
    *,
    min_chars: int = MIN_POST_CHARS,
    min_posts: int = MIN_POSTS,
    min_dated: float = MIN_DATED_SHARE,
    max_link_density: float = MAX_POST_LINK_DENSITY,
    dated_markup: Iterable = (),
    min_table_rows: int = MIN_TABLE_ROW_POSTS,
) -> PostGroup | None:
    """The largest set of same-signature siblings that each hold prose and mostly a date
    (a date line, or a date in markup: ``dated_markup`` elements such as <time>)."""
    content: dict = defaultdict(int)
    every: dict = defaultdict(int)
    dated: set = set()
    for el in dated_markup:
        dated.add(el)
        dated.update(el.iterancestors())
    for block, chain in zip(blocks, ancestors):
        chars = _content_chars(block) if block.role != HIDDEN else 0
        # A byline that links the post title and the author is long but mostly links.
        has_date = has_date_text(block.text, max_chars=DATE_LINE_MAX_CHARS + block.link_chars)
        for el in chain:
            content[el] += chars
            every[el] += len(block.text)
            if has_date:
                dated.add(el)
    groups: dict = defaultdict(list)
    for el, chars in content.items():
        if chars < min_chars or el.tag in NO_GROUP_TAGS or el.tag in ROOT_TAGS or not isinstance(el.tag, str):
            continue
        signature = _signature(el)
        if not signature[1] and el.tag not in CLASSLESS_GROUP_TAGS:
            continue
        parent = el.getparent()
        if parent is not None:
            groups[(parent, signature)].append(el)
    best: PostGroup | None = None
    for (_parent, signature), members in groups.items():
        if len(members) < (min_table_rows if signature == ("tr", "") else min_posts):
            continue
        if sum(1 for el in members if el in dated) < min_dated * len(members):
            continue
        total = sum(content[el] for el in members)
        if total < (1.0 - max_link_density) * sum(every[el] for el in members):
            prose_members = sum(1 for el in members if content[el] >= (1.0 - max_link_density) * every[el])
            if prose_members < max(MIN_PROSE_MEMBERS, MIN_PROSE_MEMBER_SHARE * len(members)):
                continue
        if best is None or total > best.chars:
            best = PostGroup(members=members, chars=total)
    if best is not None:
        order = {el: i for i, el in enumerate(best.members[0].getparent())}
        best.members.sort(key=lambda el: order.get(el, 0))
        best.members = _trim_undated_ends(best.members, dated, min_posts=min_posts)
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


def _to_chrome(block: Block, reason: str) -> None:
    block.role = CHROME
    block.post = None
    block.reason = reason


def _assign(
    blocks: list[Block],
    ancestors: list[tuple],
    article: set,
    members: list,
    *,
    max_link_density: float = MAX_ARTICLE_LINK_DENSITY,
) -> None:
    """Post 0 is the article (when there is one), then one post per repeated member."""
    first = 1 if article else 0
    index = {el: first + i for i, el in enumerate(members)}
    for block, chain in zip(blocks, ancestors):
        post = next((index[el] for el in reversed(chain) if el in index), None)
        if post is None and article and not article.isdisjoint(chain):
            if block.link_density > max_link_density:
                _to_chrome(block, "generic:link-line")
                continue
            post = 0
        if post is None:
            _to_chrome(block, "outside-article" if article else "outside-post")
            continue
        block.post = post
        if block.role == CHROME:
            block.role = BODY
            block.reason = ""


def segment_generic(root: etree._Element, *, url: str | None = None) -> Segmented:
    """Blocks of a page without an engine table.

    Repeated dated posts where the prose peaks: a thread (post i = member i). Repeated posts
    beside a prose container (a question and its answers, a story and its comments): the
    container is post 0, the members are the replies. No repeated posts: one article.
    """
    walk = walk_blocks(root, base=Mark(CHROME, None, "outside-article", check_hidden=True), keep_ancestors=True)
    blocks, ancestors = walk.blocks, walk.ancestors
    title, site = page_title(root)
    segmented = Segmented(blocks=blocks, title=title, forum=site, engine="generic", removed=walk.removed)
    totals = _totals(blocks, ancestors)
    group = find_post_group(blocks, ancestors, dated_markup=dated_markup(root))
    shape = thread_shape(group, totals)
    article: set = set() if shape == THREAD else article_elements(totals)
    if shape == THREAD:
        lead = lead_post(ancestors, totals, group)
        if lead is not None:
            shape, article = ARTICLE_WITH_REPLIES, {lead}
    members = group.members if shape in (THREAD, ARTICLE_WITH_REPLIES) else []
    if not article and not members:
        for block in blocks:
            _to_chrome(block, "outside-article")
        segmented.is_thread = False
        return segmented
    _assign(blocks, ancestors, article, members)
    segmented.is_thread = bool(members)
    segmented.posts = [PostMeta(floor=1)] * bool(article) + [PostMeta() for _ in members]
    segmented.posts = [PostMeta(floor=p.floor) for p in segmented.posts]
    if members:
        _take_bylines(blocks, segmented.posts, first=1 if article else 0)
        _take_template_lines(blocks, first=1 if article else 0, ancestors=dict(zip(map(id, blocks), ancestors)))
    return segmented


def _byline(text: str, *, max_rest: int = MAX_BYLINE_REST) -> tuple[str, str] | None:
    """(author, date) when a line is a name and a date ("网友乙 2024-03-12 10:30"), else None."""
    match = _DATE_TIME.search(text)
    if match is None:
        return None
    rest = (text[: match.start()] + " " + text[match.end() :]).strip(" |·-:：")
    if len(rest) > max_rest or _PUNCTUATION.search(rest):
        return None
    return rest, match.group(0)


def _take_bylines(blocks: list[Block], posts: list[PostMeta], *, first: int) -> None:
    """A repeated post's leading and trailing name/date lines are its metadata, not its text."""
    by_post: dict = defaultdict(list)
    for block in blocks:
        if block.role == BODY and block.post is not None and block.post >= first:
            by_post[block.post].append(block)
    for post, lines in by_post.items():
        for block in _leading(lines) + _leading(lines[::-1]):
            author, date = _byline(block.text)
            meta = posts[post]
            meta.author = meta.author or author
            meta.date = meta.date or date
            _to_chrome(block, "generic:byline")


def _body_lines(blocks: list[Block], first: int) -> dict[int, list[Block]]:
    by_post: dict = defaultdict(list)
    for block in blocks:
        if block.role == BODY and block.post is not None and block.post >= first:
            by_post[block.post].append(block)
    return by_post


_DIGITS = re.compile(r"\d+")


def _template_key(text: str) -> str:
    return _DIGITS.sub("0", text.strip().lower())


def _take_template_lines(
    blocks: list[Block],
    *,
    first: int,
    ancestors: dict | None = None,
    min_posts: int = TEMPLATE_MIN_POSTS,
    min_share: float = TEMPLATE_MIN_SHARE,
    max_chars: int = TEMPLATE_MAX_CHARS,
) -> None:
    """Lines the post template repeats: in most repeated posts the same short line (digits aside:
    "87 people like this.", "Click here if you like this comment") or a dated first/last line
    ("Reply 3 - Posted by: X 5/21/2024 6:00 AM"). Such lines are chrome of the template, not
    something each author wrote."""
    by_post = _body_lines(blocks, first)
    if len(by_post) < min_posts:
        return
    needed = max(min_posts, min_share * len(by_post))
    seen: dict[str, set] = defaultdict(set)
    for post, lines in by_post.items():
        for block in lines:
            if len(block.text) <= max_chars:
                seen[_template_key(block.text)].add(post)
    repeated = {key for key, posts in seen.items() if len(posts) >= needed}
    for post, lines in by_post.items():
        for block in _template_lines_of_post(lines, repeated, ancestors or {}, max_chars=max_chars):
            _to_chrome(block, "generic:template-line")
        by_post[post] = [block for block in lines if block.role == BODY]
    for edge in (0, -1):
        dated = [lines[edge] for lines in by_post.values() if len(lines) > 1 and has_date_text(lines[edge].text)]
        if len(dated) >= needed:
            for block in dated:
                _to_chrome(block, "generic:byline")


def _template_lines_of_post(lines: list[Block], repeated: set, ancestors: dict, *,
                            max_chars: int = TEMPLATE_MAX_CHARS) -> list[Block]:
    """The repeated lines of one post that belong to the template: those outside the element
    holding the author's prose (author cards, like counters, buttons) and the runs at the start
    and end of the post. A repeated line between the author's own lines, inside the same
    element, is written by each author to a shared form ("Gender: Female" in character sheets,
    "Specs:" in build threads): content, not the template."""

    def is_template(block: Block) -> bool:
        return len(block.text) <= max_chars and _template_key(block.text) in repeated

    flags = [is_template(block) for block in lines]
    if not any(flags):
        return []
    start = flags.index(False) if False in flags else len(lines)
    end = len(lines)
    while end > start and flags[end - 1]:
        end -= 1
    taken = lines[:start] + lines[end:]
    middle = [block for block, flag in zip(lines[start:end], flags[start:end]) if flag]
    if not middle:
        return taken
    prose = {
        _container(ancestors.get(id(b), ()))
        for b, f in zip(lines, flags) if not f and paragraph_score(b) and not has_date_text(b.text)
    }
    return taken + [
        block for block in middle
        if _container(ancestors.get(id(block), ())) not in prose
        or not any(ch.isalnum() for ch in block.text)  # a "------" rule is never written
    ]


def _container(chain: tuple) -> object | None:
    """The element a line is written in: its nearest ancestor that is not a paragraph or inline
    element (the post's message <div>, not the <p> or <b> around the words)."""
    for el in reversed(chain):
        if el.tag not in INLINE_OR_PARAGRAPH_TAGS:
            return el
    return None


def _leading(lines: list[Block]) -> list[Block]:
    out = []
    for block in lines[:-1]:
        if _byline(block.text) is None:
            break
        out.append(block)
    return out


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
    before = {el for chain in ancestors[:first] for el in chain[-reach:] if el not in shared}
    # Only containers beside the replies: a sidebar blurb shares an ancestor with them only
    # near the page root.
    parent = group.members[0].getparent()
    near = {parent, *islice(parent.iterancestors(), max_distance)}
    candidates = {el: totals[el] for el in before if el in totals and not near.isdisjoint(el.iterancestors())}
    best = _best_container(candidates)
    if best is None or container_score(best, totals[best]) < min_score:
        return None
    return best


THREAD = "thread"  # the repeated posts are the page
ARTICLE_WITH_REPLIES = "article+replies"  # a prose container (post 0), then the repeated posts
ARTICLE = "article"  # no repeated posts, or they are sections of the article


def thread_shape(group: PostGroup | None, totals: dict, *, min_share: float = MIN_THREAD_SHARE) -> str:
    """Where the repeated posts sit relative to the page's best prose container."""
    if group is None:
        return ARTICLE
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
    if group.chars >= min_share * (entry.chars - entry.link_chars):
        return THREAD
    return ARTICLE
