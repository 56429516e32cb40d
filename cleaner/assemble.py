"""Turn blocks and their verdicts into the CleanResult: kept lines grouped into posts,
removed lines into the audit, spam posts dropped whole, and the page spam score.

Post-level decision (threads only): the kept lines of a post with a spam line are read in
that light: a greeting or sign-off ("尊敬的负责人：您好！") or a line the spam model scored at
least CONTEXT_MIN_SCORE belongs to the ad. When the spam and ad lines make at least
SPAM_REPLY_SHARE of the post's body (by characters), the ad lines go with the spam
(a reply the model scores as spam when read whole is read the same way, spam line or not)
("spam:spam-reply", one audit entry per line) and a line that reads as genuine (low score:
"谢谢楼主分享，学习了！") stays. A post left with nothing genuine goes whole."""

from __future__ import annotations

import re
from collections import defaultdict

from .segment.blocks import BODY, Segmented
from .textutil import cjk_share
from .result import CleanResult, Post, Removal
from .rules.lines import Verdict
from .rules.spam_cues import is_salutation

# A reply whose body is at least this share spam (by characters) is a spam reply.
SPAM_REPLY_SHARE = 0.5
# In such a post, a kept line the spam model scored at least this much is part of the ad.
CONTEXT_MIN_SCORE = 0.1
# Kept text with at least this share of CJK characters is Chinese.
ZH_MIN_CJK_SHARE = 0.2
_ASCII_LETTERS = re.compile(r"[A-Za-z]+")


def assemble(seg: Segmented, verdicts: list[Verdict | None], *, replies: bool = False,
             encoding: str = "", url: str | None = None, line_scores: dict[int, float] | None = None,
             ad_posts: set[int] | frozenset[int] = frozenset(),
             context_min_score: float = CONTEXT_MIN_SCORE) -> CleanResult:
    """``line_scores``: the spam model's score of kept lines by block position (when it ran);
    ``ad_posts``: replies the model scored as spam when read whole."""
    scores = line_scores or {}
    removed: list[Removal] = list(seg.removed)
    kept: dict[int, list[tuple[int, str]]] = defaultdict(list)
    body_chars: dict[int, int] = defaultdict(int)
    spam_chars: dict[int, int] = defaultdict(int)
    wanted = (lambda p: True) if replies or not seg.is_thread else (lambda p: p == 0)
    for position, (block, verdict) in enumerate(zip(seg.blocks, verdicts)):
        post = block.post
        if post is not None and not wanted(post):
            removed.append(Removal(block.text, "reply", "first-post-only", 1.0, post, position))
            continue
        if block.role == BODY and post is not None:
            body_chars[post] += len(block.text)
        if verdict is None and block.role == BODY and post is not None:
            kept[post].append((position, block.text))
            continue
        v = verdict or Verdict("chrome", block.reason or block.role)
        removed.append(Removal(block.text, v.kind, v.rule, v.score, post, position))
        if v.kind == "spam" and post is not None:
            spam_chars[post] += len(block.text)

    posts: list[Post] = []
    for index in sorted(kept):
        suspect = spam_chars[index] or index in ad_posts
        ad, genuine = _split_by_context(kept[index], scores, context_min_score) if suspect else ([], [])
        ad_chars = spam_chars[index] + sum(len(t) for _, t in ad)
        if seg.is_thread and suspect and ad_chars >= SPAM_REPLY_SHARE * max(body_chars[index], 1):
            removed.extend(Removal(t, "spam", "spam:spam-reply", round(float(scores.get(pos, 1.0)), 4), index, pos)
                           for pos, t in ad)
            spam_chars[index] += sum(len(t) for _, t in ad)
            kept[index] = genuine
            if not genuine:
                continue
        meta = seg.posts[index] if index < len(seg.posts) else None
        posts.append(Post(
            floor=meta.floor if meta else None,
            author=meta.author if meta else "",
            date=meta.date if meta else "",
            text="\n".join(t for _, t in kept[index]),
            positions=[pos for pos, _ in kept[index]],
        ))
    text = "\n\n".join(p.text for p in posts) if replies else (posts[0].text if posts else "")
    total_body = sum(body_chars.values())
    spam_score = round(sum(spam_chars.values()) / total_body, 4) if total_body else 0.0
    return CleanResult(
        text=text,
        title=seg.title,
        forum=seg.forum,
        engine=seg.engine,
        encoding=encoding,
        language=_language(text),
        posts=posts,
        removed=removed,
        spam_score=spam_score,
        url=url,
        empty_reason="" if text else _empty_reason(seg, removed),
    )


def _split_by_context(lines: list[tuple[int, str]], scores: dict[int, float],
                      min_score: float) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(lines that belong to the ad around them, lines that read as genuine) of a mostly-spam post."""
    ad, genuine = [], []
    for pos, text in lines:
        belongs = is_salutation(text) or scores.get(pos, 0.0) >= min_score
        (ad if belongs else genuine).append((pos, text))
    return ad, genuine


def _language(text: str) -> str:
    if not text:
        return ""
    if cjk_share(text) >= ZH_MIN_CJK_SHARE:
        return "zh"
    ascii_letters = sum(map(len, _ASCII_LETTERS.findall(text)))  # c.isascii() and c.isalpha()
    return "en" if ascii_letters >= 0.5 * len(text.replace(" ", "")) else ""


def _empty_reason(seg: Segmented, removed: list[Removal]) -> str:
    if not seg.blocks:
        return "no text on the page"
    if not any(b.role == BODY for b in seg.blocks):
        return "no post body found"
    return "every line was removed (see removed)"
