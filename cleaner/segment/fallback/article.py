"""Where a page's article is, for the fallback segmenter: containers scored by the prose below
them (readability/CETD-like), weighed by class/id hints; and which linked lines inside the
article an author wrote.

posts.py finds repeated posts and decides the page's shape. Two kinds of
page need finer line evidence than the scores every page gets, and only they pay for it:

* a thin page (no container scores like a real paragraph: a one-line post, a post that is an
  attachment) is scored again with bylines giving nothing (a name and a date is metadata, but on
  a thin page it outscores the post) and attachment links counting as written text;
* a link-heavy line inside the article is kept when it is an attachment, or when it is a list
  item among prose items whose own words are more than a label ("<a>X</a>, <a>Y</a> 二选一").

An article split by its editor into one same-class element per paragraph keeps its short
paragraphs next to the best one (same_markup_paragraphs), which alone score too little to join.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Callable

from ..blocks import Block
from .lines import (
    INLINE_OR_PARAGRAPH_TAGS,
    MAX_PARAGRAPH_LINK_DENSITY,
    MIN_PARAGRAPH_CHARS,
    has_date_text,
    is_byline,
    paragraph_score,
)
from ...prefilter import lowered
from ...textutil import WEB_ADDRESS as VISIBLE_URL

MAX_ARTICLE_LINK_DENSITY = 0.5  # a line inside the article with more links than this is chrome
SHOWN_URL_MIN_SHARE = 0.8  # ... unless this share of its link text is addresses the author pasted
SIBLING_SHARE = 0.2  # a sibling of the best container joins when it scores this share of it
MIN_SIBLING_SCORE = 5.0
ANCESTOR_WEIGHTS = (1.0, 1.0, 0.5, 1 / 3)  # nearest element first
CODE_TAGS = frozenset({"pre", "code"})
CODE_LEVELS = 3  # a line this near a <pre>/<code> is code
CODE_MAX_POINTS = 2.0  # the most a line of code gives its containers
ROOT_TAGS = frozenset({"html", "body"})
POSITIVE_HINT_FACTOR = 1.5  # class/id says article ("content", "article", "post", "正文")
NEGATIVE_HINT_FACTOR = 0.4  # class/id says chrome ("footer", "comment", "sidebar", "related")
HINT_ANCESTORS = 4  # a chrome hint this many levels up still counts
LIST_ITEM_FACTOR = 0.5  # prose inside a list item is usually a teaser of another page
SHORTLIST = 40  # containers (best raw scores first) whose class/id hints are read
MIN_SAME_MARKUP_SCORE = 2.0  # a sibling in the best's markup joins when it holds a sentence (punctuated)
THIN_PAGE_MAX_SCORE = 5.0  # a best container scoring less holds no real paragraph: a thin page
THIN_MIN_SCORE = 1.0  # on a thin page, a container scoring less (a link or a footer line) is no article
THIN_POST_MAX_CHARS = 300  # a thin post's block container holding more holds more than the post
THIN_NEAR_LEVELS = 4  # ... and a thin post sits beside its byline: an ancestor this near in common
MIN_PROSE_LIST_ITEMS = 2  # a linked list item stays among this many other prose items
PROSE_LIST_ITEM_SHARE = 0.5  # ... that are this share of the list's other items
MIN_UNLINKED_WORD_CHARS = 6  # ... when its words outside the links are this many letters/CJK

_POSITIVE_HINT = re.compile(r"article|content|post|text|body|entry|main|story|detail|正文|news|blog", re.I)
# Words of a posting-guidelines or help box's class/id (whole words: not "helpful", "rulesets").
HELP_WORDS = ("help", "tips", "rules", "hints?", "instructions", "disclaimer")


def _help_hint(words) -> str:
    return rf"guideline|(?<![a-z])(?:{'|'.join(words)})(?![a-z])"


_NEGATIVE_HINT = re.compile(
    r"comment|foot|sidebar|side-|aside|nav|menu|header|copyright|related|recommend|share|banner|widget"
    r"|popup|modal|login|rank|breadcrumb|\bpay|reward|dialog|hot|\bad[s_-]|advert|sponsor|promo|feed|teaser"
    r"|" + _help_hint(HELP_WORDS),
    re.I,
)
# Files an author attaches to a post; a link showing such a name is the attachment itself.
ATTACHMENT_EXTENSIONS = (
    "pdf", "docx?", "xlsx?", "pptx?", "txt", "csv", "rtf", "odt", "ods", "caj", "epub", "mobi", "zip", "rar",
    "7z", "gz", "tgz", "tar", "apk", "exe", "dmg", "iso", "mp3", "mp4", "avi", "mkv", "torrent",
)
# "商标审查标准.pdf 10.12MB", "report 2023.docx (1.2 MB, 下载次数: 3)": a file name (not an address),
# then maybe its size and what the forum says about it.
_ATTACHMENT = re.compile(
    rf"[^\s/\\?#=&][^/\\?#=&]{{0,120}}\.(?:{'|'.join(ATTACHMENT_EXTENSIONS)})"
    r"(?:\s*[(（\[]?\s*\d+(?:\.\d+)?\s*(?:[KMGT]i?B|bytes?|字节)(?![A-Za-z]).{0,40})?",
    re.I,
)
# A posting-guidelines or help box beside a question: chrome however much it says.
HELP_BOX_HINT = re.compile(_help_hint((*HELP_WORDS, "how-?to-?(?:ask|answer|post)")), re.I)
_WORD_CHAR = re.compile(r"[^\W\d_]")


# (Speed: the hint patterns are lower case; searched case-sensitively in the lower-cased class/id
# they are 3x faster than with re.I, same answers: prefilter.lowered says when a character that
# re.I would fold to an ASCII letter is present, and then the re.I pattern is used.)
_CASED = {p: re.compile(p.pattern) for p in (_NEGATIVE_HINT, _POSITIVE_HINT, HELP_BOX_HINT)}
assert all(p.pattern == p.pattern.lower() for p in _CASED), "hint patterns are written in lower case"


MAX_CACHED_HINTS = 4096  # class/id strings remembered: a page's containers share ancestors


@lru_cache(maxsize=MAX_CACHED_HINTS)
def _hints(pattern: re.Pattern, names: str) -> bool:
    """``pattern`` (re.I) found in a class/id string. (Speed: cached: hint_factor reads the same
    ancestors' class/id for every nested container, ~4 times each on a page.)"""
    lower = lowered(names)
    return (pattern.search(names) if lower is None else _CASED[pattern].search(lower)) is not None


def is_help_box(el) -> bool:
    """A box whose class/id says it holds posting guidelines or help (not the thread's text)."""
    return _hints(HELP_BOX_HINT, f"{el.get('class') or ''} {el.get('id') or ''}")


@dataclass(slots=True)
class _Totals:
    chars: int = 0
    link_chars: int = 0
    score: float = 0.0
    hint: float = -1.0  # hint_factor of the element, once read (a page asks several times)


def _totals(blocks: list[Block], ancestors: list[tuple],
            evidence: Callable[[Block], tuple[float, int]] | None = None) -> dict:
    """Per element: characters, link characters and paragraph score of the lines below it.
    ``evidence``: (points, link characters) of a line, when not the usual ones (thin pages)."""
    totals: dict = defaultdict(_Totals)
    for block, chain in zip(blocks, ancestors):
        if evidence is None:
            points, links = paragraph_score(block), block.link_chars
        else:
            points, links = evidence(block)
        if points and chain and _in_code(chain):
            # Code is punctuation-heavy: its points are its length's, not a sentence's (a lone
            # code block must not outscore the question written around it).
            points = min(points, CODE_MAX_POINTS)
        chars = len(block.text)
        # (Speed: three loops, each doing only what its lines need: 3.8 -> 3.4 ms a pass over
        # the 21 fallback bench pages; the entries are made in the same order, innermost first)
        if links:
            for el in reversed(chain):
                entry = totals[el]
                entry.chars += chars
                entry.link_chars += links
        else:
            for el in reversed(chain):
                totals[el].chars += chars
        if points:
            for depth, el in enumerate(reversed(chain[-len(ANCESTOR_WEIGHTS):])):
                totals[el].score += points * ANCESTOR_WEIGHTS[depth]
    return totals


def _in_code(chain: tuple, *, levels: int = CODE_LEVELS) -> bool:
    return any(el.tag in CODE_TAGS for el in chain[-levels:])


def hint_factor(el, memo: dict | None = None) -> float:
    """How much an element's class and id, and a list item around it, say article or chrome.
    ``memo``: element -> what its class/id says as an ancestor, shared by the calls for one
    page's containers (Speed: they share their ancestors; the shortlist's hints 4.3 -> 2.1 ms
    a pass over the 21 fallback bench pages)."""
    factor = 1.0
    cls, ident = el.get("class"), el.get("id")
    if cls or ident:  # (a blank class and id say nothing: " " matches neither pattern)
        hints = f"{cls or ''} {ident or ''}"
        if hints.strip():
            if _hints(_NEGATIVE_HINT, hints):
                factor *= NEGATIVE_HINT_FACTOR
            elif _hints(_POSITIVE_HINT, hints):
                factor *= POSITIVE_HINT_FACTOR
    for depth, ancestor in enumerate(el.iterancestors()):
        if depth >= HINT_ANCESTORS:
            break
        says = memo.get(ancestor) if memo is not None else None
        if says is None:
            says = _ancestor_hint(ancestor)
            if memo is not None:
                memo[ancestor] = says
        if says == _ROOT:
            break
        if says:
            factor *= NEGATIVE_HINT_FACTOR
            break
    if el.tag == "li" or any(True for _ in el.iterancestors("li")):
        factor *= LIST_ITEM_FACTOR
    return factor


_ROOT = 2  # (_ancestor_hint of a root element: the hints stop there)


def _ancestor_hint(el) -> int:
    """_ROOT for a root element, else 1 when its class/id says chrome, 0 when not."""
    if el.tag in ROOT_TAGS:
        return _ROOT
    cls, ident = el.get("class"), el.get("id")
    return 1 if (cls or ident) and _hints(_NEGATIVE_HINT, f"{cls or ''} {ident or ''}") else 0


def _hint(el, entry: _Totals, memo: dict | None = None) -> float:
    if entry.hint < 0:
        entry.hint = hint_factor(el, memo)
    return entry.hint


def container_score(el, entry: "_Totals") -> float:
    """A container's paragraph score, less its links, weighed by its class/id hints."""
    density = entry.link_chars / entry.chars if entry.chars else 1.0
    return entry.score * (1.0 - density) * _hint(el, entry)


def _best_container(totals: dict, *, shortlist: int = SHORTLIST) -> object | None:
    """The container with the best hinted score; hints are read for the top raw scores only."""
    raw = []
    for el, entry in totals.items():
        if entry.score <= 0 or el.tag in ROOT_TAGS:
            continue
        density = entry.link_chars / entry.chars if entry.chars else 1.0
        raw.append((entry.score * (1.0 - density), el, entry))
    raw.sort(key=lambda item: -item[0])
    best, best_score = None, 0.0
    memo: dict = {}
    for score, el, entry in raw[:shortlist]:
        score *= _hint(el, entry, memo)
        if score > best_score:
            best, best_score = el, score
    return best


def article_elements(totals: dict, *, share: float = SIBLING_SHARE, min_score: float = MIN_SIBLING_SCORE,
                     best=False) -> set:
    """The best-scoring container plus its siblings that also hold prose. ``best``: the best
    container by ``totals``, when already found."""
    if best is False:
        best = _best_container(totals)
    if best is None:
        return set()
    chosen = {best, *same_markup_paragraphs(best, totals)}
    parent = best.getparent()
    if parent is not None:
        threshold = max(min_score, share * totals[best].score)
        for sibling in parent:
            entry = totals.get(sibling)
            if sibling is not best and entry is not None and entry.score >= threshold:
                chosen.add(sibling)
    return chosen


def same_markup_paragraphs(best, totals: dict, *, avoid=None, min_score: float = MIN_SAME_MARKUP_SCORE) -> list:
    """The siblings next to ``best`` in the same markup (tag and class) that hold a sentence, no
    link and no date: editors that give every paragraph its own <div class="x"> split one post
    into siblings, and a short paragraph ("Is it expected?") scores too little to join on its
    own. The run stops at the first sibling that holds text otherwise (a date beside the article
    column is a layout, not a paragraph); ``avoid``: an element (the first reply) that a joined
    sibling must not hold."""
    parent = best.getparent()
    if parent is None:
        return []
    markup = (best.tag, best.get("class"))
    siblings = list(parent)
    at = siblings.index(best)
    joined = []
    for run in (siblings[at + 1:], siblings[at - 1::-1] if at else []):
        for sibling in run:
            entry = totals.get(sibling)
            if entry is None or not entry.chars:
                continue  # an image, an empty spacer: the run goes on
            if (sibling.tag, sibling.get("class")) != markup or entry.link_chars or entry.score < min_score \
                    or (avoid is not None and (sibling is avoid or sibling in avoid.iterancestors())) \
                    or has_date_text(" ".join("".join(sibling.itertext()).split())):
                break
            joined.append(sibling)
    return joined


def is_attachment_line(text: str) -> bool:
    """A file's name, maybe with its size: what a post shows for a file its author attached."""
    return "." in text and _ATTACHMENT.fullmatch(text.strip()) is not None


def written_link_density(block: Block, *, min_share: float = SHOWN_URL_MIN_SHARE) -> float:
    """Link density not counting links the author wrote as content: an address pasted as is
    ("https://example.org/promotions") or an attached file ("report.pdf 1.2MB"). "Next
    article", "Tags: a, b" are chrome."""
    if not block.link_chars:
        return 0.0
    shown = sum(len(url) for url in VISIBLE_URL.findall(block.text))
    # Only when the link text is (nearly) all addresses: a reference "Title. www.site.org."
    # shows an address beside a titled link.
    if shown >= min_share * block.link_chars or is_attachment_line(block.text):
        return 0.0
    return block.link_density


def in_prose_list(block: Block, chain: tuple, totals: dict, *, min_items: int = MIN_PROSE_LIST_ITEMS,
                  min_share: float = PROSE_LIST_ITEM_SHARE, min_words: int = MIN_UNLINKED_WORD_CHARS) -> bool:
    """A linked line that is an item of a list whose other items are prose, and that has words
    of its own beside its links ("<a>SpringBoot</a>、<a>SpringCloud</a>二选一（功能完全一致）"): the
    author's last point, not navigation. A menu, a tag list, a table of contents are links
    item after item."""
    item = next((el for el in reversed(chain) if el.tag == "li"), None)
    if item is None or item.getparent() is None:
        return False
    linked = "".join("".join(a.itertext()) for a in item.iter("a"))
    if len(_WORD_CHAR.findall(block.text)) - len(_WORD_CHAR.findall(linked)) < min_words:
        return False
    others = prose = 0
    for sibling in item.getparent():
        if sibling is item or sibling.tag != "li":
            continue
        others += 1
        entry = totals.get(sibling)
        if entry is not None and entry.chars - entry.link_chars >= MIN_PARAGRAPH_CHARS \
                and entry.link_chars <= MAX_PARAGRAPH_LINK_DENSITY * entry.chars:
            prose += 1
    return prose >= min_items and prose >= min_share * others


def _thin_evidence(block: Block) -> tuple[float, int]:
    """A line's points on a thin page: a byline gives none, an attachment counts as written."""
    if block.link_chars and is_attachment_line(block.text):
        return paragraph_score(block, ignore_links=True), 0
    if len(block.text) >= MIN_PARAGRAPH_CHARS and is_byline(block.text):
        return 0.0, block.link_chars
    return paragraph_score(block), block.link_chars


def _block_container(el, totals: dict, *, max_chars: int = THIN_POST_MAX_CHARS):
    """A paragraph's (or link's) nearest block-level ancestor, which holds the post's other,
    shorter lines ("Hi,", a one-word greeting): unless it holds far more than a thin post."""
    container = el
    while container.tag in INLINE_OR_PARAGRAPH_TAGS:
        parent = container.getparent()
        if parent is None or parent.tag in ROOT_TAGS:
            return el
        container = parent
    entry = totals.get(container)
    return container if entry is not None and entry.chars <= max_chars else el


def thin_article(blocks: list[Block], ancestors: list[tuple], totals: dict, *, best=False,
                 max_score: float = THIN_PAGE_MAX_SCORE, min_score: float = THIN_MIN_SCORE) -> set | None:
    """The article of a thin page (no container scores like a real paragraph), or None when the
    page is not thin or no container scores even so. The page is scored again without bylines
    and with attachments as text; the article is the best container's block-level element, when
    it is near the first best (the byline that outscored the post), not across the page.
    ``best``: the best container by ``totals``, when already found (a page that is not thin
    costs nothing more)."""
    if best is False:
        best = _best_container(totals)
    if best is not None and container_score(best, totals[best]) >= max_score:
        return None
    thin = _totals(blocks, ancestors, _thin_evidence)
    thin_best = _best_container(thin)
    if thin_best is None or container_score(thin_best, thin[thin_best]) < min_score:
        return None
    if best is not None and not _near(best, thin_best):
        return None  # a footer line far from the byline is no better an article than the byline
    return {_block_container(thin_best, thin)}


def _near(one, other, *, levels: int = THIN_NEAR_LEVELS) -> bool:
    """Whether two elements share an ancestor (below the page's root) at most ``levels`` up."""
    around = {one, *islice(one.iterancestors(), levels)}
    return any(el in around and el.tag not in ROOT_TAGS for el in (other, *islice(other.iterancestors(), levels)))
