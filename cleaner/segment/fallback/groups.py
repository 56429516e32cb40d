"""What makes repeated elements a thread's post units, beyond same-parent siblings with a class
(posts.py), and what does not: evidence that does not depend on one layout.

* what is not a thread: lists of other threads (a "Latest posts" / "Related topics" box with
  excerpts), however long, are never the reply group.
"""

from __future__ import annotations

import re
from itertools import islice

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "header", "legend", "caption"})
PREVIEW_BOX_LEVELS = 2  # a preview list's box: the members' parent or one of its 2 nearest ancestors

# A box around other threads, said by its heading or its class/id: "Latest posts", "Related
# topics", "Similar threads", "You might also like", "相关帖子", "热门推荐", "Ähnliche Themen".
PREVIEW_HEADINGS: tuple[tuple[str, str], ...] = (
    ("en", r"(?:latest|recent|new(?:est)?|related|similar|popular|trending|hot|top|other|more|suggested"
           r"|recommended)\s+(?:posts?|topics?|threads?|discussions?|questions?|articles?|stories|news|entries"
           r"|comments)"
           r"|you (?:might|may) (?:also )?(?:like|be interested in)|more from .{1,40}|see also|read next"
           r"|linked|related|hot network questions"),
    ("de", r"(?:ähnliche|neueste|verwandte|beliebte|weitere)\s+(?:themen|beiträge|artikel|fragen|diskussionen)"),
    ("fr", r"(?:sujets|messages|articles|discussions|questions)\s+(?:similaires|récents|liés|populaires)"
           r"|(?:derniers|derniers messages|à lire aussi)"),
    # (not "最新评论" / "热门评论": news sites title this article's own comments so)
    ("zh", r"(?:相关|最新|最近|热门|推荐|相似|其他|更多)(?:帖子|主题|话题|文章|问题|阅读|推荐|讨论|日志)|猜你喜欢|相关推荐"),
)
_PREVIEW_HEADING = re.compile(r"\s*(?:" + "|".join(rx for _, rx in PREVIEW_HEADINGS) + r")\s*[:：]?\s*", re.I)
# (a bare "latest" / "hot" class is not one: news sites' "latest-wrap" / "hot-wrap" hold the
# article's own comments)
_PREVIEW_HINT = re.compile(r"related|similar|(?:latest|recent|more)[-_]?(?:posts|topics|threads)|suggest|recommend"
                           r"|popular|trending|hot[-_]?(?:topics|posts|questions|threads)", re.I)


def _order(el) -> tuple:
    """Document order key: the index path from the root."""
    path = []
    while el.getparent() is not None:
        parent = el.getparent()
        path.append(parent.index(el))
        el = parent
    return tuple(reversed(path))


def document_order(elements: list) -> list:
    return sorted(elements, key=_order)


def is_preview_list(members: list, *, levels: int = PREVIEW_BOX_LEVELS) -> bool:
    """A list of other threads: its box (the members' parent or a near ancestor) is titled by a
    PREVIEW_HEADINGS heading or says so in its class/id."""
    parent = members[0].getparent()
    for box in (parent, *islice(parent.iterancestors(), levels)):
        hints = f"{box.get('class') or ''} {box.get('id') or ''}"
        if _PREVIEW_HINT.search(hints):
            return True
        heading = _heading_of(box, members[0])
        if heading is not None and _PREVIEW_HEADING.fullmatch(heading):
            return True
    return False


def _heading_of(box, first) -> str | None:
    """The text of the heading that opens ``box`` before its first unit (or right before it)."""
    for el in box.iter(*HEADING_TAGS):
        if el is first or first in el.iterancestors():
            return None
        if _order(el) < _order(first):
            return " ".join("".join(el.itertext()).split())
        return None
    previous = box.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()
    if previous is not None and previous.tag in HEADING_TAGS:
        return " ".join("".join(previous.itertext()).split())
    return None
