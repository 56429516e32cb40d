"""Segment a plain-text dump of a rendered page (like samples/seed/input.txt) into blocks:
one block per non-empty line. Posts start at floor markers ("1#", "楼主 发布于 ...") or at
Tieba-style author cards (name, level title, level number); lines before the first post are
the page header (chrome); Tieba's tail lines ("来自Android客户端3楼2023-11-27") close a post.
The layouts are data in engines/textdump.py."""

from __future__ import annotations

import re

from .blocks import BODY, CHROME, QUOTE, SIGNATURE, Block, PostMeta, Segmented
from ..engines import textdump as td
from ..textutil import collapse_spaces
from ..result import Removal

_FLOOR = re.compile(td.FLOOR_LINE)
_TITLES = tuple(re.compile(rx) for rx in td.TITLE_LINES)
_DATE = re.compile(td.DATE)
_BYLINE = re.compile(td.BYLINE)
_JAMMER = re.compile(td.JAMMER)
_TAIL_FLOOR = re.compile(td.TAIL_FLOOR_LINE)
_LEVEL_TITLE = re.compile(td.LEVEL_TITLE_LINE)
_LEVEL_NUMBER = re.compile(td.LEVEL_NUMBER_LINE)
_SENTENCE = re.compile(td.SENTENCE_PUNCTUATION)
_QUOTE_CUT = re.compile(td.QUOTE_CUT)
_POST_END = re.compile(td.POST_END_LINE)
_FINGERPRINTS = tuple((engine, re.compile(rx), w) for engine, rx, w in td.TEXT_FINGERPRINTS)

# Below this score the dump is not attributed to any engine.
MIN_ENGINE_SCORE = 1.0


def detect_text_engine(text: str) -> str:
    scores: dict[str, float] = {}
    for engine, pattern, weight in _FINGERPRINTS:
        if pattern.search(text):
            scores[engine] = scores.get(engine, 0.0) + weight
    if not scores:
        return "generic"
    engine, score = max(scores.items(), key=lambda kv: kv[1])
    return engine if score >= MIN_ENGINE_SCORE else "generic"


def floor_number(match: re.Match[str]) -> int:
    for group in ("hash", "hash2", "lou", "di"):
        if match.group(group):
            return int(match.group(group))
    return td.FLOOR_WORDS[match.group("word")]


def strip_jammer(line: str, removed: list[Removal]) -> str:
    """Drop Discuz! anti-copy runs inside a line, keeping the text around them. Runs on the
    raw line: a run may contain double spaces that whitespace folding would break."""
    def cut(m: re.Match[str]) -> str:
        removed.append(Removal(m.group(0), "noise", "noise:discuz-jammer"))
        return ""
    return _JAMMER.sub(cut, line) if " " in line else line


def _is_author_name(line: str) -> bool:
    return len(line) <= td.AUTHOR_MAX_CHARS and not _SENTENCE.search(line)


def post_starts(lines: list[str]) -> dict[int, tuple[str, int | None]]:
    """Line index -> (how the post starts, floor) for every line that opens a post.
    "floor": a floor-marker line; "author": the author's name above a dated floor line or
    above a level-title line (the author card)."""
    starts: dict[int, tuple[str, int | None]] = {}
    for i, line in enumerate(lines):
        floor = _FLOOR.fullmatch(line)
        if floor:
            number = floor_number(floor)
            # the author's name above the floor line: when the floor line carries the date, or when
            # the line after it is a byline without a name ("发表于 2023-7-14 9:38")
            named_below = i + 1 < len(lines) and (below := _BYLINE.fullmatch(lines[i + 1])) and not below.group("author")
            if (floor.group("posted") or named_below) and i > 0 and _is_author_name(lines[i - 1]) \
                    and i - 1 not in starts and not _POST_END.fullmatch(lines[i - 1]):
                starts[i - 1] = ("author", number)
            else:
                starts[i] = ("floor", number)
        elif _LEVEL_TITLE.fullmatch(line) and i > 0 and _is_author_name(lines[i - 1]):
            starts[i - 1] = ("author", None)
    return starts


def segment_text(text: str) -> Segmented:
    seg = Segmented(engine=detect_text_engine(text))
    raw_lines = [collapse_spaces(strip_jammer(raw, seg.removed)) for raw in text.splitlines()]
    gap_after = [i + 1 < len(raw_lines) and not raw_lines[i + 1] for i, line in enumerate(raw_lines) if line]
    lines = [line for line in raw_lines if line]
    starts = post_starts(lines)
    post: int | None = None if starts else 0
    if not starts:
        seg.posts.append(PostMeta(floor=1))
    card = False  # at the head of a post: author card, floor and byline lines come here
    for i, line in enumerate(lines):
        if i in starts:
            how, number = starts[i]
            seg.posts.append(PostMeta(floor=number, author=line if how == "author" else ""))
            post = len(seg.posts) - 1
            card = True
            reason = "chrome:author" if how == "author" else "chrome:floor-marker"
            seg.blocks.append(Block(line, post, CHROME, "text", reason=reason))
            continue
        block = _classify(line, post, seg, card)
        card = card and block.role == CHROME
        seg.blocks.append(block)
    seg.forum = _forum_name(seg.blocks)
    _mark_quoted_copies(seg.blocks)
    if starts:
        _mark_glued_signatures(seg.blocks, gap_after, seg.engine)
        _mark_page_footer(seg.blocks)
    return seg


def _mark_quoted_copies(blocks: list[Block], *, min_chars: int = td.QUOTE_MIN_CHARS) -> None:
    """The lines after a quote's byline ("name 发表于 date", a post's second byline) that copy
    another post of the page (cut with "..." or whole) are quotes; a quote whose text no post
    here holds (another thread's) stays."""
    own: dict[int, list[str]] = {}
    for block in blocks:
        if block.role == BODY and block.post is not None:
            own.setdefault(block.post, []).append(block.text)
    texts = {post: "\n".join(lines) for post, lines in own.items()}
    for i, block in enumerate(blocks):
        if block.reason != "chrome:quote-byline":
            continue
        for quoted in blocks[i + 1:]:
            if quoted.post != block.post or quoted.role != BODY:
                break
            text = _QUOTE_CUT.sub("", quoted.text)
            if len(text) < min_chars or not any(text in t for p, t in texts.items() if p != block.post):
                break
            quoted.role, quoted.reason = QUOTE, "quote:copy-of-post"


def _mark_glued_signatures(blocks: list[Block], gap_after: list[bool], engine: str) -> None:
    """Discuz! dumps: a post's message lines are each followed by a blank line; its signature
    block is glued to the post's action buttons. The last body line of a post, with no blank line
    before the buttons, after body lines that all end in a blank line, is the signature."""
    if engine != "discuz":
        return
    for i, block in enumerate(blocks):
        if not (_POST_END.fullmatch(block.text) and i > 1 and block.post is not None):
            continue
        last = blocks[i - 1]
        if last.post != block.post or last.role != BODY or gap_after[i - 1] or not gap_after[i - 2] \
                or _POST_END.fullmatch(last.text):
            continue
        earlier = [j for j in range(i - 2, -1, -1) if blocks[j].post == block.post and blocks[j].role == BODY]
        if earlier and all(gap_after[j] for j in earlier):
            last.role, last.reason = SIGNATURE, "signature:glued-to-buttons"


def _mark_page_footer(blocks: list[Block]) -> None:
    """Lines after the closing line (buttons, Tieba tail) of the last post are the page footer."""
    last = max((b.post for b in blocks if b.post is not None), default=None)
    closing = closed = False  # in the post's closing lines (buttons after buttons); past them
    for block in blocks:
        if block.post != last:
            continue
        closer = block.reason == "chrome:post-tail" or (block.role == BODY and _POST_END.fullmatch(block.text))
        if closed or (closing and not closer):
            closed = True
            block.post, block.role, block.reason = None, CHROME, "chrome:page-footer"
        elif closer:
            closing = True


def _classify(line: str, post: int | None, seg: Segmented, head: bool) -> Block:
    """One line's block, recording title, floor, author and date where the line gives them.
    ``head``: the line sits at the head of a post, where bylines and author cards are."""
    for pattern in _TITLES:
        title = pattern.fullmatch(line)
        if title and not seg.title:
            seg.title = title.group("title").strip()
            return Block(line, post, CHROME, "text", reason="chrome:title")
    if post is None:
        return Block(line, None, CHROME, "text", reason="chrome:page-header")
    meta = seg.posts[post]
    if _FLOOR.fullmatch(line):
        date = _DATE.search(line)
        meta.date = meta.date or (date.group("date") if date else "")
        return Block(line, post, CHROME, "text", reason="chrome:floor-marker")
    if head and (_LEVEL_TITLE.fullmatch(line) or _LEVEL_NUMBER.fullmatch(line)):
        return Block(line, post, CHROME, "text", reason="chrome:level")
    byline = _BYLINE.fullmatch(line)
    if byline and meta.date:  # the post has its byline: this one introduces a quote
        return Block(line, post, QUOTE, "text", reason="chrome:quote-byline")
    byline = byline if head else None
    if byline:
        meta.author = meta.author or (byline.group("author") or "")
        meta.date = meta.date or byline.group("date")
        return Block(line, post, CHROME, "text", reason="chrome:byline")
    tail = _TAIL_FLOOR.fullmatch(line)
    if tail:
        meta.floor, meta.date = int(tail.group("floor")), tail.group("date")
        return Block(line, post, CHROME, "text", reason="chrome:post-tail")
    return Block(line, post, BODY, "text")


def _forum_name(blocks: list[Block]) -> str:
    """The first header line, when the dump has a header: scraped pages open with the site name."""
    for block in blocks:
        if block.post is not None:
            return ""
        if block.reason == "chrome:page-header":
            return block.text
    return ""
