"""Turn blocks and their verdicts into the CleanResult: kept lines grouped into posts,
removed lines into the audit, spam posts dropped whole, and the page spam score.

Post-level decision (threads only): the kept lines of a post with a spam line are read in
that light: a greeting or sign-off ("尊敬的负责人：您好！") or a line the spam model scored at
least CONTEXT_MIN_SCORE belongs to the ad. When the spam and ad lines make at least
SPAM_REPLY_SHARE of the post's body (by characters), the ad lines go with the spam
(a reply the model scores as spam when read whole is read the same way, spam line or not, and
its lines that add to the ad when it is read whole go too: cleaner.model.replies)
("spam:spam-reply", one audit entry per line) and a line that reads as genuine (low score:
"谢谢楼主分享，学习了！") stays. A post left with nothing genuine goes whole."""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import urljoin, urlsplit

from .segment.blocks import BODY, Segmented
from .language import detect_language
from .segment.postmeta import post_dates_iso
from .result import CleanResult, Post, Removal
from .shape import Shape
from .rules.lines import Verdict
from .rules.spam_cues import is_salutation

# A reply whose body is at least this share spam (by characters) is a spam reply.
SPAM_REPLY_SHARE = 0.5
# In such a post, a kept line the spam model scored at least this much is part of the ad.
CONTEXT_MIN_SCORE = 0.1


def assemble(seg: Segmented, verdicts: list[Verdict | None], *, replies: bool = False,
             encoding: str = "", url: str | None = None, include_title: bool = False,
             line_scores: dict[int, float] | None = None, ad_posts: set[int] | frozenset[int] = frozenset(),
             ad_lines: set[int] | frozenset[int] = frozenset(),
             own_lines: set[int] | frozenset[int] = frozenset(),
             context_min_score: float = CONTEXT_MIN_SCORE) -> CleanResult:
    """``include_title``: the thread title leads the text (only when there is text: a title
    alone is no article). ``line_scores``: the spam model's score of kept lines by block
    position (when it ran); ``ad_posts``: replies the model scored as spam when read whole;
    ``ad_lines``: lines of those replies that add to the ad when it is read whole;
    ``own_lines``: lines that are the replier's own beside an ad line (cleaner.model.replies)."""
    scores = line_scores or {}
    removed: list[Removal] = list(seg.removed)
    kept: dict[int, list[tuple[int, str, Shape | None]]] = defaultdict(list)
    body_chars: dict[int, int] = defaultdict(int)
    spam_chars: dict[int, int] = defaultdict(int)
    first_post_only = seg.is_thread and not replies
    # (Speed: one test per case, in the order most blocks meet them: this loop sees every block.)
    for position, (block, verdict) in enumerate(zip(seg.blocks, verdicts)):
        post = block.post
        if post is not None:
            if first_post_only and post != 0:
                removed.append(Removal(block.text, "reply", "first-post-only", 1.0, post, position))
                continue
            if block.role == BODY:
                body_chars[post] += len(block.text)
                if verdict is None:
                    kept[post].append((position, block.text, block.shape))
                    continue
        v = verdict or Verdict("chrome", block.reason or block.role)
        removed.append(Removal(block.text, v.kind, v.rule, v.score, post, position))
        if post is not None and v.kind == "spam":
            spam_chars[post] += len(block.text)

    posts: list[Post] = []
    dates = post_dates_iso(seg.posts, [i for i in kept if i < len(seg.posts)], seg.engine)
    shapes: list[list[Shape | None]] = []  # per post, per line
    for index in sorted(kept):
        suspect = spam_chars[index] or index in ad_posts
        ad, genuine = _split_by_context(kept[index], scores, context_min_score, ad_lines, own_lines) if suspect else ([], [])
        ad_chars = spam_chars[index] + sum(len(t) for _, t, _ in ad)
        if seg.is_thread and suspect and ad_chars >= SPAM_REPLY_SHARE * max(body_chars[index], 1):
            removed.extend(Removal(t, "spam", "spam:spam-reply", round(float(scores.get(pos, 1.0)), 4), index, pos)
                           for pos, t, _ in ad)
            spam_chars[index] += sum(len(t) for _, t, _ in ad)
            kept[index] = genuine
            if not genuine:
                continue
        meta = seg.posts[index] if index < len(seg.posts) else None
        posts.append(Post(
            floor=meta.floor if meta else None,
            author=meta.author if meta else "",
            date=meta.date if meta else "",
            text="\n".join(t for _, t, _ in kept[index]),
            positions=[pos for pos, _, _ in kept[index]],
            date_iso=dates.get(index),
        ))
        shapes.append([shape for _, _, shape in kept[index]])
    text = "\n\n".join(p.text for p in posts) if replies else (posts[0].text if posts else "")
    title_in_text = bool(include_title and text and seg.title)
    if title_in_text:
        text = f"{seg.title}\n{text}"
    total_body = sum(body_chars.values())
    spam_score = round(sum(spam_chars.values()) / total_body, 4) if total_body else 0.0
    canonical_url, hostname = page_address(seg.canonical_url, url)
    return CleanResult(
        text=text,
        title=seg.title,
        forum=seg.forum,
        engine=seg.engine,
        encoding=encoding,
        language=detect_language(text),
        posts=posts,
        removed=removed,
        spam_score=spam_score,
        url=url,
        empty_reason="" if text else _empty_reason(seg, removed),
        canonical_url=canonical_url,
        hostname=hostname,
        site_name=seg.site_name or seg.forum or hostname,
        shapes=shapes,
        thread=replies,
        title_in_text=title_in_text,
    )


def page_address(declared: str, url: str | None) -> tuple[str | None, str]:
    """(canonical URL, hostname): the declared canonical address made absolute against the
    page's URL (None when the page declares none); the host of the URL, else of the canonical."""
    canonical = None
    if declared:
        canonical = urljoin(url, declared) if url else declared
    for address in (url, canonical):
        try:
            host = urlsplit(address).hostname if address else None
        except ValueError:  # "http://[broken"
            host = None
        if host:
            return canonical, host
    return canonical, ""


def _split_by_context(lines: list[tuple[int, str, Shape | None]], scores: dict[int, float], min_score: float,
                      ad_lines: set[int] | frozenset[int] = frozenset(),
                      own_lines: set[int] | frozenset[int] = frozenset(),
                      ) -> tuple[list[tuple[int, str, Shape | None]], list[tuple[int, str, Shape | None]]]:
    """(lines that belong to the ad around them, lines that read as genuine) of a mostly-spam post."""
    ad, genuine = [], []
    for line in lines:
        belongs = line[0] not in own_lines and (line[0] in ad_lines or is_salutation(line[1])
                                                or scores.get(line[0], 0.0) >= min_score)
        (ad if belongs else genuine).append(line)
    return ad, genuine


def _empty_reason(seg: Segmented, removed: list[Removal]) -> str:
    if not seg.blocks:
        return "no text on the page"
    if not any(b.role == BODY for b in seg.blocks):
        return "no post body found"
    return "every line was removed (see removed)"
