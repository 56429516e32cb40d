"""Segment a plain-text dump of a rendered page (like samples/seed/input.txt) into blocks:
one block per non-empty line; floor markers start posts; lines before the first floor
are the page header (chrome); the "title [复制链接]" line gives the title."""

from __future__ import annotations

import re

from .blocks import BODY, CHROME, Block, PostMeta, Segmented
from .engines import textdump as td
from .normalize import collapse_spaces
from .result import Removal

_FLOOR = re.compile(td.FLOOR_LINE)
_TITLE = re.compile(td.TITLE_LINE)
_DATE = re.compile(td.DATE_LINE)
_JAMMER = re.compile(td.JAMMER)
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
    """Drop Discuz! anti-copy runs inside a line, keeping the text around them."""
    def cut(m: re.Match[str]) -> str:
        removed.append(Removal(m.group(0), "noise", "noise:discuz-jammer"))
        return ""
    return _JAMMER.sub(cut, line) if " " in line else line


def segment_text(text: str) -> Segmented:
    seg = Segmented(engine=detect_text_engine(text))
    lines = [collapse_spaces(raw) for raw in text.splitlines()]
    lines = [strip_jammer(line, seg.removed).strip() for line in lines]
    lines = [line for line in lines if line]
    has_floors = any(_FLOOR.fullmatch(line) for line in lines)
    post: int | None = None if has_floors else 0
    if not has_floors:
        seg.posts.append(PostMeta(floor=1))
    for line in lines:
        floor = _FLOOR.fullmatch(line)
        if floor:
            seg.posts.append(PostMeta(floor=floor_number(floor)))
            post = len(seg.posts) - 1
            seg.blocks.append(Block(line, post, CHROME, "text", reason="chrome:floor-marker"))
            continue
        title = _TITLE.fullmatch(line)
        if title and not seg.title:
            seg.title = title.group("title").strip()
            seg.blocks.append(Block(line, post, CHROME, "text", reason="chrome:title"))
            continue
        date = _DATE.match(line)
        if date and post is not None and not seg.posts[post].date:
            seg.posts[post].date = date.group("date")
        if post is None:
            seg.blocks.append(Block(line, None, CHROME, "text", reason="chrome:page-header"))
        else:
            seg.blocks.append(Block(line, post, BODY, "text"))
    seg.forum = _forum_name(seg.blocks)
    return seg


def _forum_name(blocks: list[Block]) -> str:
    """The first header line, when the dump has a header: scraped pages open with the site name."""
    for block in blocks:
        if block.post is not None:
            return ""
        if block.reason == "chrome:page-header":
            return block.text
    return ""
