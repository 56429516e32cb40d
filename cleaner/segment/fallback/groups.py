"""What makes repeated elements a thread's post units, beyond same-parent siblings with a class
(posts.py), and what does not: evidence that does not depend on one layout.

* unit names: a class-less custom element (``<forum-post>``) or a class-less ``<div>`` is named
  by its tag and the tags of its children (a post template repeats its children: a header, a
  body), so bare repeats group too;
* a single reply: one dated unit after the article, under a heading or in a box that says it is
  a reply ("1 Reply", class ``comment``);
* what is not a thread: lists of other threads (a "Latest posts" / "Related topics" box with
  excerpts), however long, are never the reply group.
"""

from __future__ import annotations

import re
from itertools import islice

from ...textutil import collapse_spaces
from .lines import has_date_text

SIGNATURE_CHILDREN = 4  # children whose tags name a class-less unit
REPLY_HINT_LEVELS = 3  # a single reply's box: itself or one of its 3 nearest ancestors
MAX_SINGLE_REPLY_DATES = 2  # a single reply shows its date (and an edit date); more: a list of replies
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

# A box or heading that says its unit is a reply: the single reply of a thread.
_REPLY_HINT = re.compile(r"comment|repl|answer|response|antwort|réponse|reaction|回复|评论|回答", re.I)
# A part of a reply (its byline or meta box, its toolbar), not the reply: "answer-meta", "reply-author".
_PART_HINT = re.compile(r"meta|byline|author|user|info|header|footer|toolbar|actions?|vote|stats?", re.I)
_ONE_REPLY = re.compile(r"\s*(?:1|one|ein|une?)\s+(?:repl(?:y|ies)|answers?|comments?|responses?|antworte?n?"
                        r"|réponses?|kommentare?|commentaires?)\b.{0,20}|\s*(?:1\s*(?:条|个))?\s*(?:回复|评论|回答)"
                        r"\s*[(（]?\s*1?\s*[)）]?\s*", re.I)


def unit_name(el) -> str:
    """A class-less element's name from its children's tags: "(div,div,p)". A custom element
    (a tag with a hyphen) is named by its tag alone: the tag says what it is."""
    if "-" in el.tag:
        return ""
    tags = [child.tag for child in islice((c for c in el if isinstance(c.tag, str)), SIGNATURE_CHILDREN)]
    return f"({','.join(tags)})" if len(tags) >= 2 else ""


def groupable_without_class(el) -> bool:
    """A custom element, or a class-less <div> whose children give it a name."""
    return "-" in el.tag or (el.tag == "div" and bool(unit_name(el)))


def outermost(elements: list) -> list:
    """The elements not inside another of them (a reply nested in another is not a single reply)."""
    chosen = set(elements)
    return [el for el in elements if not any(a in chosen for a in el.iterancestors())]


def _order(el) -> tuple:
    """Document order key: the index path from the root."""
    path = []
    while el.getparent() is not None:
        parent = el.getparent()
        path.append(parent.index(el))
        el = parent
    return tuple(reversed(path))


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
            return collapse_spaces("".join(el.itertext()))
        return None
    previous = box.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()
    if previous is not None and previous.tag in HEADING_TAGS:
        return collapse_spaces("".join(previous.itertext()))
    return None


def is_single_reply(el, *, levels: int = REPLY_HINT_LEVELS) -> bool:
    """One unit that says it is a reply: its box (itself or a near ancestor) has a reply class
    or id, or the heading before it counts one reply ("1 Reply", "1 条回复")."""
    for box in (el, *islice(el.iterancestors(), levels)):
        if box.tag in ("body", "html"):
            break
        if _REPLY_HINT.search(f"{box.get('class') or ''} {box.get('id') or ''}"):
            return True
        heading = _heading_of(box, el) if box is not el else None
        if heading and _ONE_REPLY.fullmatch(heading):
            return True
    return False


def single_reply(by_name: dict, dated: set, peak, teasers: list | None) -> list:
    """A thread with one reply: a dated unit (named, see unit_name), outside the page's prose
    peak and after it, that says it is a reply (is_single_reply). The peak is then the opening
    post. ``by_name``: candidate units by signature, page-wide."""
    if peak is None:
        return []
    skip = set(teasers or ())
    around_peak = {peak, *peak.iterancestors()}
    units = [el for (tag, name), same in by_name.items() if name or "-" in tag for el in outermost(same)
             if el in dated and el not in skip and el not in around_peak]
    units = outermost([el for el in units if _order(peak) < _order(el) and is_single_reply(el)])
    if len(units) != 1 or not _is_one_whole_reply(units[0]):
        return []
    return units


def _is_one_whole_reply(el, *, max_dates: int = MAX_SINGLE_REPLY_DATES) -> bool:
    """Not a part of a reply (its class says meta, byline, author...) and not a box of several
    replies (more dates than one reply shows)."""
    if _PART_HINT.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
        return False
    dates = 0
    for text in el.itertext():
        if has_date_text(text.strip()):
            dates += 1
            if dates > max_dates:
                return False
    return True
