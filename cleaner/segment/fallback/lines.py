"""Line-level evidence for the fallback segmenter: dates, bylines, paragraph scores, and the
lines a repeated post's template adds around what its author wrote (bylines, counters, buttons).

posts.py finds the posts; this module decides, inside each post found, which lines are the
template's rather than the author's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from lxml import etree

from ...lexicon import MONTH, WEEKDAY
from ..blocks import BODY, CHROME, HIDDEN, Block, PostMeta
from .dates import _date_in

MIN_PARAGRAPH_CHARS = 10  # shorter lines give no score to their containers
MAX_PARAGRAPH_LINK_DENSITY = 0.5
MAX_BYLINE_REST = 20  # characters besides the date a name/date line of a post may have
DATE_LINE_MAX_CHARS = 80  # longer lines with a date in them are prose, not a date line
COMPACT_AGE_MAX_CHARS = 24  # "· Updated 4y", "answered Mar 14"
WEEKDAY_DATE_MAX_CHARS = 32  # "Sunday 8th March": without a time or year, only a short line starting so
TEMPLATE_MIN_POSTS = 3  # a post-template line must repeat in at least this many posts
TEMPLATE_MIN_SHARE = 0.5  # ... and in this share of them
TEMPLATE_MAX_CHARS = 80  # longer lines are written, not templated
META_MAX_CHARS = 30  # a line without sentence punctuation up to this long may be a template field
INLINE_OR_PARAGRAPH_TAGS = frozenset({"p", "span", "a", "font", "b", "strong", "em", "i", "u", "small", "big", "br", "code", "sup", "sub"})

_PUNCTUATION = re.compile(r"[，。！？；：、,.!?;:]")
_DATE = re.compile(
    r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}|\d{1,2}[-/月]\d{1,2}日?\s+\d{1,2}:\d{2}|\d{1,2}:\d{2}"
    r"|\b\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})\b"  # 18.09.2017, 09/18/17
    r"|[0-9一二三四五六七八九十]+\s*(?:秒|分钟|小时|天|周|个?月|年)前|刚刚|昨天|前天"
    r"|\b\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b"
    r"|\b(?:yesterday|today)\b|\bvor\s+\d+\s+(?:minuten|stunden|tagen|wochen|monaten|jahren)\b",
    re.IGNORECASE,
)
# "ZK383 • 14d ago": a compact age only at the line start or after a byline separator ("I paid
# 4y ago" is prose). Apart from _DATE, and tried only on lines holding "ago": cheap.
_COMPACT_AGO = re.compile(r"(?:^|(?<=[•·|]))\s*\d{1,3}\s?(?:y|yrs?|mo|w|wks?|d|h|hrs?|m|mins?)\s+ago\b", re.I)
# "Sep 18, 2017", "18 September 2017", "18. Sep. 2017": tried only on lines with a year (cheap).
_MONTH_DATE = re.compile(
    rf"\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:\d{{4}}|'\d{{2}})|\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s+{MONTH}\s+\d{{4}}",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\d{4}|'\d{2}")
# "Sunday 8th March", "Mon, Mar 9": this year's posts often show no year, but a weekday.
_WEEKDAY_DATE = re.compile(
    rf"{WEEKDAY},?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\.?\s+{MONTH}|{MONTH}\s+\d{{1,2}}\b)",
    re.IGNORECASE,
)
# A line that is nothing but a compact relative time ("4y", "3 mo", "2d", "5h"): social/Q&A bylines.
_COMPACT_AGE = re.compile(
    rf"(?:(?:updated|edited|answered|asked|posted)\s+)?(?:\d{{1,3}}\s?(?:y|yr|yrs|mo|w|d|h|m|min)|{MONTH}\s+\d{{1,2}})",
    re.IGNORECASE,
)
# "Aug 2021", "März 2019": a short line that is a month and a year (the full date often sits in
# an attribute only).
_MONTH_YEAR = re.compile(rf"(?:\w+\s+)?{MONTH}\s+(?:\d{{4}}|'\d{{2}})", re.IGNORECASE)
MONTH_YEAR_MAX_CHARS = 20
# Attributes where markup keeps a post's full date while the text shows "Aug 2021", "5y" or an
# icon: <time datetime>, <span title="2021-08-14 10:22">, data-time="1629000000".
DATE_ATTRIBUTES = ("datetime", "title", "data-time", "data-timestamp", "data-date", "data-datetime", "data-created")
DATE_ATTRIBUTE_MAX_CHARS = 40  # a longer title is a tooltip sentence, not a date
NAMED_BY_TITLE_TAGS = frozenset({"a", "img", "input", "link", "meta"})  # their titles are names, not dates
# (= "//*[self::time or @datetime or ...]" as a union of attribute scans: the same elements in
# page order, 4x faster than testing every element for each attribute; see fastxpath.faster_xpath)
# A title on an element named by it is no date: those are left out in C (Speed: ~330 links a
# pass over the 21 fallback bench pages not read in Python; dated_markup 2.9 -> 2.6 ms).
_NOT_NAMED_BY_TITLE = "[not(" + " or ".join(f"parent::{tag}" for tag in sorted(NAMED_BY_TITLE_TAGS)) + ")]"
_DATED_MARKUP = etree.XPath(" | ".join(
    ["/descendant::time", *(f"/descendant::*/@{a}{_NOT_NAMED_BY_TITLE if a == 'title' else ''}/parent::*"
                            for a in DATE_ATTRIBUTES)]))
_TIMESTAMP = re.compile(r"\d{10}(?:\d{3})?")
_DIGIT = re.compile(r"\d")


def dated_markup(root, *, max_chars: int = DATE_ATTRIBUTE_MAX_CHARS) -> list:
    """<time> elements and elements whose date attribute (DATE_ATTRIBUTES) holds a date or a
    timestamp: where markup says "a date is here" though the text does not (a relative "5y",
    "Aug 2021", an icon). lxml selects the candidates in C (one pass; fallback pages only)."""
    found = []
    for el in _DATED_MARKUP(root):
        if el.tag == "time":
            found.append(el)
            continue
        for name in DATE_ATTRIBUTES:
            value = el.get(name)
            if value and len(value) <= max_chars and (name != "title" or el.tag not in NAMED_BY_TITLE_TAGS) \
                    and _DIGIT.search(value) and _is_date_value(value):
                found.append(el)
                break
    return found


def _is_date_value(value: str) -> bool:
    value = value.strip()
    return _TIMESTAMP.fullmatch(value) is not None or has_date_text(value)


# Every date pattern below needs a digit, but for _DATE's words ("昨天", "三天前", "yesterday"):
# a line with neither, most lines, shows no date. (Speed: one scan instead of up to six searches.)
_MAY_BE_DATE = re.compile(r"[\d一二三四五六七八九十刚昨前]|yesterday|today", re.IGNORECASE)


def has_date_text(text: str, *, max_chars: int = DATE_LINE_MAX_CHARS) -> bool:
    """A short line that shows a date, a time, or a relative age."""
    if len(text) >= max_chars or _MAY_BE_DATE.search(text) is None:
        return False
    if _date_in(text):
        return True
    if "ago" in text and _COMPACT_AGO.search(text) is not None:
        return True
    if _YEAR.search(text) is not None and _MONTH_DATE.search(text) is not None:
        return True
    if len(text) <= MONTH_YEAR_MAX_CHARS and _MONTH_YEAR.fullmatch(text.strip(" ·•|-–()")) is not None:
        return True
    if len(text) <= WEEKDAY_DATE_MAX_CHARS and _WEEKDAY_DATE.match(text.lstrip(" ·•|-–")) is not None:
        return True
    return len(text) <= COMPACT_AGE_MAX_CHARS and _COMPACT_AGE.fullmatch(text.strip(" ·•|-–")) is not None


_DATE_TIME = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|" + _DATE.pattern
                        + "|" + _COMPACT_AGO.pattern)


def _content_chars(block: Block) -> int:
    return max(len(block.text) - block.link_chars, 0)


def paragraph_score(block: Block, *, min_chars: int = MIN_PARAGRAPH_CHARS, ignore_links: bool = False) -> float:
    """Points a line gives its containers: prose is long, punctuated and not a link.
    ``ignore_links``: the line's link is what the author wrote (an attached file's name)."""
    chars = len(block.text) if ignore_links else _content_chars(block)
    if chars < min_chars or block.role == HIDDEN:
        return 0.0
    if not ignore_links and block.link_density > MAX_PARAGRAPH_LINK_DENSITY:
        return 0.0
    return 1.0 + min(len(_PUNCTUATION.findall(block.text)), 20) + min(chars / 80, 3.0)


def _to_chrome(block: Block, reason: str) -> None:
    block.role = CHROME
    block.post = None
    block.reason = reason


def _byline(text: str, *, max_rest: int = MAX_BYLINE_REST) -> tuple[str, str] | None:
    """(author, date) when a line is a name and a date ("网友乙 2024-03-12 10:30"), else None."""
    match = _DATE_TIME.search(text)
    if match is None:
        # a line that is only a month and a year ("Aug 2021"; the full date in an attribute)
        line = text.strip(" ·•|-–()")
        return ("", line) if len(line) <= MONTH_YEAR_MAX_CHARS and _MONTH_YEAR.fullmatch(line) else None
    rest = (text[: match.start()] + " " + text[match.end() :]).strip(" |·-:：")
    if len(rest) > max_rest or _PUNCTUATION.search(rest):
        return None
    return rest, match.group(0)


def is_byline(text: str) -> bool:
    """A name and a date, nothing more ("bure 1年前"): a related link with a date is not one."""
    return _byline(text) is not None


def _take_bylines(blocks: list[Block], posts: list[PostMeta], *, first: int, written_paths: set | None = None) -> None:
    """A repeated post's leading and trailing name/date lines are its metadata, not its text.
    ``written_paths``: where posts hold written lines (see Written)."""
    by_post = _body_lines(blocks, first)
    if written_paths is None:
        written_paths = Written.of(by_post).paths
    for post, lines in by_post.items():
        for block in _leading(lines, written_paths) + _leading(lines[::-1], written_paths):
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


_DIGITS = re.compile(r"\s*\d+\s*")


def _template_key(text: str) -> str:
    """A line with its counts left out: "2 回复", "回复 1" and "1 回复 1" are one button whose
    count sits either side of it (a line of counts only keys as "0")."""
    return _DIGITS.sub(" ", text.strip().lower()).strip() or "0"


def _take_template_lines(
    blocks: list[Block],
    *,
    first: int,
    ancestors: dict | None = None,
    written_paths: set | frozenset = frozenset(),
    min_posts: int = TEMPLATE_MIN_POSTS,
    min_share: float = TEMPLATE_MIN_SHARE,
    max_chars: int = TEMPLATE_MAX_CHARS,
) -> None:
    """Lines the post template repeats: in most repeated posts the same short line (digits aside:
    "87 people like this.", "Click here if you like this comment") or a dated first/last line
    ("Reply 3 - Posted by: X 5/21/2024 6:00 AM"). Such lines are chrome of the template, not
    something each author wrote. ``written_paths``: where posts hold written lines."""
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
    for block in _dated_edge_lines(by_post, needed, written_paths):
        _to_chrome(block, "generic:byline")


def _dated_edge_lines(by_post: dict[int, list[Block]], needed: float,
                      written_paths: set | frozenset = frozenset()) -> list[Block]:
    """First or last lines that carry a date in at least ``needed`` posts: the template's
    byline. A post of one dated line counts only when the others show it at the same place
    (same path), not where posts write: a reply whose whole text is a byline has no text of
    its own, but a one-line reply "It's 10:30 here" is written."""
    found: list[Block] = []
    for edge in (0, -1):
        dated = [(len(lines), lines[edge]) for lines in by_post.values() if lines and has_date_text(lines[edge].text)]
        of_longer_posts = [block for count, block in dated if count > 1]
        if len(of_longer_posts) >= needed:
            found += of_longer_posts
        by_path: dict[str, list[Block]] = defaultdict(list)
        for _count, block in dated:
            if block.path not in written_paths:
                by_path[block.path].append(block)
        taken = set(map(id, found))
        found += [b for same in by_path.values() if len(same) >= needed for b in same if id(b) not in taken]
    return found


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


def _leading(lines: list[Block], written_paths: set | frozenset = frozenset()) -> list[Block]:
    """The name/date lines a post starts with; one where posts write ("See you at 10:30" in
    the message) ends them."""
    out = []
    for block in lines[:-1]:
        if _byline(block.text) is None or block.path in written_paths:
            break
        out.append(block)
    return out


# Sentence punctuation: "感谢大佬的指导。", "Thanks, that helps." are written; "mcookie", "TS",
# "#1", "java & go" are what a post template shows around the text.
_SENTENCE_MARK = re.compile(r"[。！？!?，；]|[.,;:](?:\s|$)")


def is_written(block: Block, *, max_meta_chars: int = META_MAX_CHARS) -> bool:
    """A line an author wrote rather than a template field: a sentence, or longer than a name,
    and not mostly links."""
    if len(block.text) <= max_meta_chars and _SENTENCE_MARK.search(block.text) is None:
        return False
    return block.link_density <= MAX_PARAGRAPH_LINK_DENSITY and not has_date_text(block.text)


@dataclass(slots=True)
class Written:
    """The posts' written lines (is_written), found once: their ids, and the places (paths)
    where posts hold them. A line at such a place is where authors write, whatever it says."""

    ids: set
    paths: set

    @classmethod
    def of(cls, by_post: dict[int, list[Block]]) -> "Written":
        lines = [b for post_lines in by_post.values() for b in post_lines if is_written(b)]
        return cls({id(b) for b in lines}, {b.path for b in lines})


def take_byline_boxes(by_post: dict[int, list[Block]], members: dict[int, object], chains: dict[int, tuple],
                      written: "Written") -> None:
    """A post's header (or footer) box that shows its date and holds nothing written is
    metadata as a whole: the name, a "TS"/"OP" badge, the floor link and the date beside it
    ("TS | mcookie | 12-03-2024 20:34 | #1"), even when no single line looks like a byline.
    ``by_post``: each post's body lines as assigned, before other rules took any (a date line
    the template rule took still shows where the byline box is); ``members``: post index -> the
    post's element; ``chains``: id(block) -> its ancestors."""
    for post, lines in by_post.items():
        member = members.get(post)
        if member is None or len(lines) < 2:
            continue
        for block in _byline_box_lines(lines, member, chains, written):
            if block.role == BODY:
                _to_chrome(block, "generic:byline")


def _byline_box_lines(lines: list[Block], member, chains: dict[int, tuple], written: "Written") -> list[Block]:
    """The lines inside the largest element below ``member`` around a dated line that holds no
    written line, no line where posts hold written lines, and not the post's last line (a post
    keeps that). A dated line where other posts write ("See you at 10:30" in the message) or
    inside the element the author writes in ("(People's Daily, May 10)" closing an article)
    is the author's, not a byline."""

    depth = sum(1 for _ in member.iterancestors())  # the member's place in every line's chain

    def below(block: Block) -> tuple:
        chain = chains.get(id(block), ())
        return chain[depth + 1:] if len(chain) > depth and chain[depth] is member else ()

    kept = set(below(lines[-1]))
    for block in lines:
        if block.path in written.paths or id(block) in written.ids:  # "機器人" where others write
            kept.update(below(block))
    written_in = {_container(chains.get(id(b), ())) for b in lines if id(b) in written.ids}
    boxes = set()
    for block in lines[:-1]:
        if block.path in written.paths or not has_date_text(block.text):
            continue
        if not written_in.isdisjoint(chains.get(id(block), ())):
            continue
        box = next((el for el in below(block) if el not in kept), None)
        if box is not None:
            boxes.add(box)
    if not boxes:
        return []
    return [b for b in lines if not boxes.isdisjoint(chains.get(id(b), ()))]


# A line of separators only ("|", "·", "—"): what is left of an action bar once its icons are gone.
_SEPARATORS_ONLY = re.compile(r"[|｜·•/／\\\-–—_:：,，\s]+")


def take_separator_lines(by_post: dict[int, list[Block]], written: "Written") -> None:
    """Separator-only lines outside the places where posts hold written lines (an author's own
    "------" between paragraphs stays)."""
    for lines in by_post.values():
        for block in lines:
            if block.role == BODY and block.path not in written.paths and _SEPARATORS_ONLY.fullmatch(block.text):
                _to_chrome(block, "generic:separator")


def take_paired_template_lines(by_post: dict[int, list[Block]], written: "Written") -> None:
    """With only two replies the template rule (which needs three) cannot tell a button from a
    word, so this asks more: the same short line, at the same place in both posts, where neither
    writes ("0 | Kutip | Balas" under each reply), never a post's last remaining line."""
    posts = [[b for b in lines if b.role == BODY] for lines in by_post.values()]
    if len(posts) != 2:
        return
    slots = [{(_template_key(b.text), b.path) for b in lines if id(b) not in written.ids} for lines in posts]
    shared = {slot for slot in slots[0] & slots[1] if slot[1] not in written.paths}
    for lines in posts:
        taken = [b for b in lines if (_template_key(b.text), b.path) in shared]
        if len(taken) == len(lines):
            taken = taken[:-1]
        for block in taken:
            _to_chrome(block, "generic:template-line")


def take_post_chrome(blocks: list[Block], posts: list[PostMeta], members: list, chains: dict[int, tuple], *,
                     first: int) -> None:
    """Inside each repeated post (posts ``first``..., elements ``members``), the lines its
    template adds around what the author wrote: bylines, repeated buttons and counters, the
    byline box, separators."""
    post_lines = _body_lines(blocks, first)  # before any line is taken: the boxes see them all
    written = Written.of(post_lines)
    _take_bylines(blocks, posts, first=first, written_paths=written.paths)
    _take_template_lines(blocks, first=first, ancestors=chains, written_paths=written.paths)
    take_byline_boxes(post_lines, {first + i: el for i, el in enumerate(members)}, chains, written)
    take_paired_template_lines(post_lines, written)
    take_separator_lines(post_lines, written)


# Whole lines an article page's template puts inside or right around the article (not what its
# author wrote): related-article headings, toolbar buttons, read-aloud and feedback widgets,
# hosting disclaimers. The article's own source and editor lines ("来源：", "责任编辑：") and a
# table of contents ("目录") are kept: they are part of the article as published.
# Where a platform says a post was sent from ("发布于：北京市", "IP属地：广东", "来自甘肃").
_REGION = (r"北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南"
           r"|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|海外")
_ARTICLE_BUTTON = r"(?:发表评论|查看评论|我要评论|参与评论|打印本文|打印此文|关闭窗口|收藏本文|推荐给好友|告诉好友)"
ARTICLE_CHROME_LINES: tuple[tuple[str, str], ...] = (
    ("related-heading", r"(?:相关(?:报道|链接|文章|阅读|新闻|条目|推荐)|延伸阅读|推荐阅读|本周.{0,8}推荐|热门(?:推荐|文章))\s*[:：]?"),
    ("extended-reading", r"延伸阅读\s*[:：].{1,80}"),
    ("article-buttons", rf"(?:[【\[]?\s*{_ARTICLE_BUTTON}\s*[】\]]?[\s|｜]*)+"),
    ("click-prompt", r"点击(?:阅读|查看|看)(?:更多|大图|原图|全文).{0,16}"),
    ("read-aloud", r"播报|播报文章|语音播报.{0,16}|听全文"),
    ("toc-toggle", r"目次を(?:開く|閉じる)|(?:展开|收起|隐藏|显示)目录"),
    ("hosting-disclaimer", r".{0,80}仅提供信息(?:存储|发布)(?:空间)?服务.{0,20}"),
    ("share-widget", r"分享让更多人看到|分享至\s*[:：]?|(?:微信)?扫码分享|加载中(?:\.{0,3}|…)"),
    ("follow-prompt", r"(?:关注|订阅)(?:微信)?公众号\s*[:：]\s*\S{1,30}"),
    ("posted-from", rf"(?:发布于|IP属地|来自)\s*[:：]?\s*(?:{_REGION})(?:省|市|自治区|特别行政区)?"),
    # "·Title of another story (2005-04-27 14:32PM)": a related-articles list item.
    ("related-item", r"[·•]\s*[^。！？]{4,60}?\s*[(（]\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:[AP]M)?[)）]"),
    ("feed-feedback", r"减少或屏蔽此类内容推荐|已标记为不喜欢内容.{0,20}"),
    ("reprint-notice", r"转载请注明(?:出处|来源|原文链接).{0,100}|.{0,40}未经(?:书面)?授权.{0,4}(?:请勿|不得|禁止)转载.{0,10}"),
    ("read-count", r"[(（]?.{0,30}已被阅读\s*\d+\s*次[)）]?|阅读\s*[(（]\s*[\d.]+\s*万?\s*[)）]"),
    ("trackback", r".{0,20}引用\s*[(（]?\s*Trackback\s*[)）]?.{0,100}"),
    ("comment-count", r"《.{1,60}》已有\s*\d+\s*[件条]评论"),
)
_ARTICLE_CHROME = tuple((name, re.compile(rf"(?:{rx})\s*", re.I)) for name, rx in ARTICLE_CHROME_LINES)
MIN_LETTER_RUN = 2  # single-character lines in a row: a heading set vertically ("今 / 推 / 荐")
_SINGLE_LETTER = re.compile(r"\s*[^\W\d_]\s*")
# What such a vertical box says (a diagram's "是 / 否" cells are the article's, and stay); a
# letter drawn as an image may be missing ("今推荐").
VERTICAL_BOX_HEADING = re.compile(r"(?:今日?|相关|热点|精彩|编辑|本周)?推荐|广告|赞助商?")


def article_chrome_rule(text: str) -> str | None:
    """The name of the ARTICLE_CHROME_LINES pattern the whole line matches, or None."""
    line = " ".join(text.split())
    return next((name for name, pattern in _ARTICLE_CHROME if pattern.fullmatch(line)), None)


def take_article_chrome(blocks: list[Block], *, post: int = 0, min_run: int = MIN_LETTER_RUN) -> None:
    """Inside the article (post ``post``), the template's lines (ARTICLE_CHROME_LINES) and runs
    of single-letter lines spelling a box heading set vertically ("今 / 日 / 推 / 荐")."""
    lines = [b for b in blocks if b.role == BODY and b.post == post]
    for block in lines:
        rule = article_chrome_rule(block.text)
        if rule is not None:
            _to_chrome(block, f"generic:article-chrome:{rule}")
    run: list[Block] = []
    for block in lines + [None]:
        if block is not None and block.role == BODY and _SINGLE_LETTER.fullmatch(block.text):
            run.append(block)
            continue
        if len(run) >= min_run and VERTICAL_BOX_HEADING.fullmatch("".join(b.text.strip() for b in run)):
            for letter in run:
                _to_chrome(letter, "generic:article-chrome:vertical-letters")
        run = []
