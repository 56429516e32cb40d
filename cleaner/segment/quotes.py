"""Quote provenance: is a quote block inside a reply a quote *of a post*, or cited outside text?

A reply that quotes an earlier post repeats text the thread already holds: the quote goes (as
``<engine>:quote``). A reply that pastes a news article, a story or a product description in
[quote] tags cites text that is nowhere else: it is the post's content, so its lines stay as the
post's body and only the attribution header ("X said:") and the "Click to expand..." line go
(reason ``quote-header``).

The decision runs only on the elements an engine table marks as quotes (rare), never per element
of the page. Its knowledge is data: reference attributes, post-link patterns, attribution-header
patterns per language and the header/footer shapes below, each with a rule name; the first rule
that fires names the decision (``QuoteDecision.rule``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from lxml import etree

from ..lexicon import QUOTE_FOOTER, QUOTE_HEADERS, SHAPE_ONLY_HEADERS
from ..textutil import EAST_ASIAN_CHAR, collapse_spaces
from .postmeta import element_text

QUOTE_HEADER = "quote-header"  # reason of an attribution/expand line dropped from a kept quote

REPEAT_SHARE = 0.5  # share of a quote's character n-grams found in another post: it quotes that post
ORPHAN_SHARE = 0.2  # a quote links a post on this page but no post holds this share of it: the only copy
REPEAT_GRAM = 6  # n-gram size (characters, whitespace removed) for the repeat test; CJK uses CJK_GRAM
CJK_GRAM = 3
HEADER_MAX_CHARS = 160  # an attribution line is short
HEADER_WINDOW = 200  # ... and sits at the start of the quote's text
HEADER_TAIL_CHARS = 40  # after "X wrote:" a header element may hold a date, not the quoted text
MAX_HEADERS = 2  # vBulletin 3: "Quote:" then "Originally Posted by X"
MIN_REPEAT_CHARS = 12  # a quote body shorter than this cannot be judged: removed, as before

# Attributes that make a quote element a reference to a post: (rule, attribute, value regex).
REFERENCE_ATTRIBUTES: tuple[tuple[str, str, str], ...] = (
    ("xenforo-data-source", "data-source", r"post"),
    ("xenforo-data-quote", "data-quote", r"\d"),
    ("discourse-data-post", "data-post", r"\d"),
    ("invision-comment-id", "data-ipsquote-contentcommentid", r"\d"),
    ("mybb-data-pid", "data-pid", r"\d"),
)

# Links (in the quote or its header, outside nested quotes) that point at a post: (rule, href regex).
# The first group, when present, is the post's number.
POST_LINKS: tuple[tuple[str, str], ...] = (
    ("findpost", r"goto=findpost(?:&(?:amp;)?|.*?[?&;])pid=(\d+)|goto=findpost"),
    ("xenforo-goto-post", r"goto/post\?id=(\d+)"),
    ("showpost", r"showpost\.php\?(?:.*&)?p=(\d+)"),
    ("viewtopic-p", r"viewtopic\.php\?(?:.*[&;])?p=(\d+)"),
    ("showthread-p", r"showthread\.php\?(?:.*[&;])?p=(\d+)"),
    ("pid-param", r"[?&;]pid=(\d+)"),
    ("anchor-post", r"#post[-_]?(\d+)$"),
    ("anchor-p", r"#p(\d+)$"),
    ("anchor-pid", r"#pid(\d+)$"),
    ("anchor-msg", r"[#.]msg(\d+)"),
    ("anchor-comment", r"#comment[-_]?(\d+)$|/discussion/comment/(\d+)"),
    ("path-post", r"[/-]post-?(\d+)(?:\.html?|/|$)"),
)

# Header and footer shapes: (rule, tag or "", class token substring or "").
HEADER_SHAPES: tuple[tuple[str, str, str], ...] = (
    ("cite-element", "cite", ""),
    ("xenforo-title", "", "bbCodeBlock-title"),
    ("xenforo1-attribution", "", "attribution"),
    ("smf-quoteheader", "", "quoteheader"),
    ("invision-citation", "", "ipsQuote_citation"),
    ("vbulletin-postedby", "", "bbcode_postedby"),
    ("vanilla-quote-author", "", "QuoteAuthor"),
    ("wpforo-quote-author", "", "wpforo-post-quote-author"),
    ("phpbb2-quotetitle", "", "quotetitle"),
    ("phpwind-h6-quote", "h6", "quote"),
    ("discourse-title", "div", "title"),
)
FOOTER_SHAPES: tuple[tuple[str, str, str], ...] = (
    ("xenforo-expand", "", "bbCodeBlock-expandLink"),
    ("xenforo1-expand", "", "quoteExpand"),
)

_REFERENCES = tuple((rule, attr, re.compile(value)) for rule, attr, value in REFERENCE_ATTRIBUTES)
_POST_LINKS = tuple((rule, re.compile(pattern)) for rule, pattern in POST_LINKS)
_HEADERS = tuple((rule, re.compile(pattern)) for rule, pattern in QUOTE_HEADERS)
FOOTER_PATTERN = re.compile(QUOTE_FOOTER)
_NAME_EDGES = " \t@:：,.\"'“”«»↑"


@dataclass(frozen=True)
class QuoteDecision:
    """What to do with one quote element of post ``post``.

    ``of_post``: the quote repeats a post (removed as today). Otherwise its lines stay in the
    post's body and ``drop`` holds its attribution/expand elements (removed as QUOTE_HEADER)."""

    element: etree._Element
    post: int
    of_post: bool
    rule: str
    drop: tuple = ()
    author: str = ""


@dataclass
class QuoteParts:
    """A quote element read once: its text, attribution header(s), footer(s) and links."""

    text: str
    headers: list = field(default_factory=list)
    header_texts: list = field(default_factory=list)
    footers: list = field(default_factory=list)
    hrefs: list = field(default_factory=list)


def _text(el: etree._Element) -> str:
    return collapse_spaces(element_text(el))


def _shape_rule(el: etree._Element, shapes: Sequence[tuple[str, str, str]]) -> str:
    tag, cls = el.tag, el.get("class") or ""
    for rule, want_tag, want_class in shapes:
        if want_tag and tag != want_tag:
            continue
        if want_class and want_class not in cls.split():
            continue
        return rule
    return ""


def header_rule(text: str, *, shaped: bool = False, max_tail: int | None = None) -> tuple[str, str]:
    """(rule, author) of the first header pattern matching ``text``; ("", "") when none does.
    The loose "name-colon" pattern counts only for an element that is a header by its shape;
    ``max_tail``: at most this many characters may follow the match (a date, not the quote)."""
    if len(text) > HEADER_MAX_CHARS:
        return "", ""
    for rule, pattern in _HEADERS:
        if rule in SHAPE_ONLY_HEADERS and not shaped:
            continue
        found = pattern.search(text)
        if found and (max_tail is None or _date_like_tail(text[found.end():], max_tail)):
            author = found.groupdict().get("author") or ""
            return rule, author.strip(_NAME_EDGES)
    return "", ""


def _date_like_tail(tail: str, max_tail: int) -> bool:
    """What may follow "X wrote:" inside a header element: nothing, an arrow, or a short date."""
    tail = tail.strip(" ↑»:")
    return not tail or (len(tail) <= max_tail and any(c.isdigit() for c in tail))


def post_link_rule(href: str) -> tuple[str, str]:
    """(rule, post number or "") of the first post-link pattern matching ``href``."""
    for rule, pattern in _POST_LINKS:
        found = pattern.search(href)
        if found:
            number = next((g for g in found.groups() if g), "")
            return rule, number
    return "", ""


def reference_rule(el: etree._Element) -> str:
    """The rule of the first reference attribute on the quote element that points at a post."""
    for rule, attr, value in _REFERENCES:
        got = el.get(attr)
        if got is not None and value.search(got):
            return rule
    return ""


def reference_number(el: etree._Element) -> str:
    """The post number a reference attribute names ("post: 1234" -> "1234"; "" when none)."""
    for _rule, attr, value in _REFERENCES:
        got = el.get(attr)
        if got is not None and value.search(got):
            found = _DIGITS.search(got)
            return found.group() if found else ""
    return ""


def read_quote(el: etree._Element, nested: frozenset | set = frozenset()) -> QuoteParts:
    """The quote's text, header/footer elements and links, not looking into nested quotes."""
    parts = QuoteParts(text=_text(el))
    head = parts.text[:HEADER_WINDOW]
    stack = list(reversed([c for c in el if isinstance(c.tag, str)]))
    while stack:
        node = stack.pop()
        if node in nested:
            continue
        if node.tag == "a" and node.get("href"):
            parts.hrefs.append(node.get("href"))
        shaped_header = _shape_rule(node, HEADER_SHAPES)
        if _shape_rule(node, FOOTER_SHAPES):
            parts.footers.append(node)
            continue
        text = _text(node) if len(node) < 50 else ""
        if text and len(text) <= HEADER_MAX_CHARS:
            if FOOTER_PATTERN.match(text):
                parts.footers.append(node)
                continue
            if len(parts.headers) < MAX_HEADERS:
                at = head.find(text)  # a header opens the quote (after an earlier header line)
                opening = 0 <= at <= sum(len(t) + 1 for t in parts.header_texts) + 1
                if opening and (shaped_header or (header_rule(text, max_tail=HEADER_TAIL_CHARS)[0]
                                                  and not _holds_header_shape(node))):
                    parts.headers.append(node)
                    parts.header_texts.append(text)
                    parts.hrefs.extend(a.get("href") for a in node.iter("a") if a.get("href"))
                    continue
        stack.extend(reversed([c for c in node if isinstance(c.tag, str)]))
    return parts


def _holds_header_shape(node: etree._Element) -> bool:
    """An element around a <cite> (or another header shape) is not itself the header."""
    return any(isinstance(d.tag, str) and _shape_rule(d, HEADER_SHAPES) for d in node.iterdescendants())


def _squash(text: str) -> str:
    """The text without whitespace, case-folded: what the repeat test compares."""
    return "".join(text.split()).casefold()


def _gram_size(squashed: str) -> int:
    return CJK_GRAM if EAST_ASIAN_CHAR.search(squashed[:200]) else REPEAT_GRAM


def _grams(squashed: str) -> set[str]:
    n = _gram_size(squashed)
    return {squashed[i:i + n] for i in range(len(squashed) - n + 1)}


def _name_key(name: str) -> str:
    return collapse_spaces(name).strip(_NAME_EDGES).casefold()


def texts_without(el: etree._Element, skip: frozenset | set) -> list[str]:
    """The text pieces of ``el`` in document order, the subtrees of the elements in ``skip`` left
    out (their tails kept: they follow the element, they are not in it)."""
    pieces: list[str] = []
    _pieces_without(el, skip, pieces)
    return pieces


def _pieces_without(node: etree._Element, skip, pieces: list[str]) -> None:
    # (A module function, not a recursive closure: the closure's reference cycle kept each page
    # with quotes alive until the garbage collector ran, which the batch path pauses.)
    if node.text:
        pieces.append(node.text)
    for child in node:
        if isinstance(child.tag, str) and child not in skip:
            _pieces_without(child, skip, pieces)
        if child.tail:
            pieces.append(child.tail)


def skip_holders(skip: Iterable[etree._Element]) -> set:
    """Every element with an element of ``skip`` below it."""
    holders: set = set()
    for el in skip:
        for above in el.iterancestors():
            if above in holders:
                break  # (its ancestors are in already)
            holders.add(above)
    return holders


def _squashed_body(el: etree._Element, quotes: frozenset | set, holders: set) -> str:
    """A post body's text without its quote elements (what a quote could repeat), squashed.
    (Speed: a body holding no quote is read by libxml2's text serialiser, the same characters
    as its text pieces (comments' text left out, tails kept): 0.5 -> 0.1 ms for the bench
    pages' 108 bodies; a body holding one (``holders``) is walked.)"""
    if el in holders:
        return _squash("".join(texts_without(el, quotes)))
    return _squash(element_text(el))


class PageQuotes:
    """Everything the decision compares a quote with, computed on first use per page."""

    def __init__(self, bodies: Sequence[etree._Element], authors: Callable[[], Iterable[str]],
                 post_of_id: dict[str, int], quotes: set) -> None:
        self.bodies = bodies  # every post's body element, by post index
        self.post_of_id = post_of_id  # post numbers in the page's post ids -> post index
        self._authors, self.quotes = authors, quotes
        self._author_keys: set[str] | None = None
        self._squashed: list[str] | None = None

    @property
    def author_keys(self) -> set[str]:
        if self._author_keys is None:
            self._author_keys = {_name_key(a) for a in self._authors() if a and _name_key(a)}
        return self._author_keys

    def _squashed_posts(self) -> list[str]:
        if self._squashed is None:
            holders = skip_holders(self.quotes)
            self._squashed = [_squashed_body(body, self.quotes, holders) for body in self.bodies]
        return self._squashed

    def elsewhere(self, number: str, body: str, post: int, min_chars: int, orphan_share: float) -> bool:
        """Does the quote cite a post of another thread (or page)? Its post number is known, the
        page's posts have numbers and none is that one, and no post here holds its text: the
        quote is the only copy on the page and stays (only copies of posts present go)."""
        return (bool(number) and bool(self.post_of_id) and number not in self.post_of_id
                and len(body) >= min_chars and not self.repeats(body, post, orphan_share))

    def repeats(self, text: str, post: int, share: float) -> bool:
        """Does one other post's own text hold at least this share of the text's n-grams?
        (Speed: the likely source is tried first: the posts holding most of three probe n-grams
        of the text (start, middle, end: substring tests), then the nearest. A post with fewer
        characters than the n-grams needed cannot hold them and is skipped. Same answer as
        comparing with every post.)"""
        if share <= 0:
            return True
        text = _squash(text)
        grams = _grams(text)
        if not grams:
            return False
        n = len(next(iter(grams)))
        last = len(text) - n
        probes = {text[i:i + n] for i in (0, last // 2, last)}
        squashed = self._squashed_posts()
        others = sorted((i for i in range(len(squashed)) if i != post),
                        key=lambda i: (-sum(map(squashed[i].__contains__, probes)), abs(i - post), i))
        for index in others:
            if len(squashed[index]) / len(grams) < share:  # (L characters hold at most L n-grams)
                continue
            if _gram_size(squashed[index]) == n and holds_share(grams, squashed[index], share):
                return True
        return False


def holds_share(grams: set[str], text: str, share: float) -> bool:
    """``len(grams & _grams(text)) / len(grams) >= share`` for n-grams of the text's size: one is
    the text's when it is a substring of it. (Speed: substring tests that stop once the answer
    is known, where all the text's n-grams were made: 25% less time deciding the bench pages'
    quotes.)"""
    total, left, found = len(grams), len(grams), 0
    for gram in grams:
        left -= 1
        if gram in text:
            found += 1
            if found / total >= share:
                return True
        elif (found + left) / total < share:
            return False
    return found / total >= share


def _body_only(parts: QuoteParts, drop: Iterable[str]) -> str:
    text = parts.text
    for piece in drop:
        text = text.replace(piece, " ", 1)
    return collapse_spaces(text)


def decide(el: etree._Element, post: int, page: PageQuotes, *, header: etree._Element | None = None,
           repeat_share: float = REPEAT_SHARE, orphan_share: float = ORPHAN_SHARE,
           min_repeat_chars: int = MIN_REPEAT_CHARS, unlisted_author_of_post: bool = False) -> QuoteDecision:
    """Decide one quote element (``header``: a separate attribution element before it, SMF).

    Rules in order: a reference attribute or a link to a post (unless that post is on this page
    and no post holds the quote's text: the post was edited or removed, the quote is the only
    copy and stays; or unless it names a post that is not on this page, of another thread, and
    no post here holds the text: kept as "other-thread"), a header naming an author of a post on this page, text repeating another
    post, a body too short to compare ("too-short"). What is left is kept:
    a header naming nobody on this page ("unlisted-author": an outside author, or a post of
    another page of the thread) and a quote without attribution ("no-attribution")."""
    parts = read_quote(el, page.quotes)
    if header is not None:
        head_parts = read_quote(header, page.quotes)
        parts.headers.insert(0, header)
        parts.header_texts.insert(0, head_parts.text)
        parts.hrefs[:0] = head_parts.hrefs
    drop = tuple(parts.headers) + tuple(parts.footers)
    body = _body_only(parts, parts.header_texts + [_text(f) for f in parts.footers])
    author = el.get("data-author") or el.get("data-username") or ""
    rule_of_header = ""
    for text, node in zip(parts.header_texts, parts.headers):
        rule_of_header, named = header_rule(text, shaped=bool(_shape_rule(node, HEADER_SHAPES)))
        if named:
            author = author or named
            break

    def of_post(rule: str) -> QuoteDecision:
        return QuoteDecision(el, post, True, rule, drop, author)

    def kept(rule: str) -> QuoteDecision:
        return QuoteDecision(el, post, False, rule, drop, author)

    rule = reference_rule(el)
    if rule:
        if page.elsewhere(reference_number(el), body, post, min_repeat_chars, orphan_share):
            return kept(f"other-thread:{rule}")
        return of_post(f"ref:{rule}")
    for href in parts.hrefs:
        rule, number = post_link_rule(href)
        if not rule:
            continue
        target = page.post_of_id.get(number) if number else None
        if target is not None and target != post and len(body) >= min_repeat_chars:
            if not page.repeats(body, post, orphan_share):
                return kept(f"orphan:{rule}")
        if target is None and page.elsewhere(number, body, post, min_repeat_chars, orphan_share):
            return kept(f"other-thread:{rule}")
        return of_post(f"link:{rule}")
    if author and _name_key(author) in page.author_keys:
        return of_post(f"author:{rule_of_header or 'attribute'}")
    if len(body) < min_repeat_chars:
        return of_post("too-short")  # nothing to compare: decided as before, a quote of a post
    if page.repeats(body, post, repeat_share):
        return of_post("repeats-post")
    if author or rule_of_header:
        return of_post("unlisted-author") if unlisted_author_of_post else kept("unlisted-author")
    return kept("no-attribution")


_DIGITS = re.compile(r"\d{2,}")


def element_ids(el: etree._Element) -> list[str]:
    """Numbers in an element's id-like attributes (post ids: p123, post-123, pid123, msg_123)."""
    found: list[str] = []
    for attr in ("id", "data-content", "name", "data-post-id", "data-pid"):
        value = el.get(attr)
        if value:
            found.extend(_DIGITS.findall(value))
    return found


def decide_quotes(found: Sequence[tuple[int, etree._Element, etree._Element, Sequence[etree._Element]]],
                  posts: Sequence[tuple[etree._Element, etree._Element]], authors: Callable[[], Iterable[str]],
                  **options) -> list[QuoteDecision]:
    """Decisions for the quote elements of a page, in page order.

    ``found``: per post holding quotes, (index, post element, body element, its quote elements);
    ``posts``: (post element, body element) of every post of the page, by index. An element whose
    whole text is an attribution header and whose next sibling is a quote (SMF's div.quoteheader)
    is decided together with that quote."""
    quotes = {el for _, _, _, els in found for el in els}
    bodies = [body for _, body in posts]
    id_to_post: dict[str, int] = {}
    for index, (post_el, body) in enumerate(posts):
        for number in element_ids(post_el) + element_ids(body):
            id_to_post.setdefault(number, index)
    page = PageQuotes(bodies, authors, id_to_post, quotes)
    decisions: list[QuoteDecision] = []
    for index, _, _, els in found:
        ordered = list(dict.fromkeys(els))
        paired: set = set()
        for el in ordered:
            if el in paired:
                continue
            following = el.getnext()
            if following is not None and following in quotes and _is_header_element(el):
                paired.add(following)
                decision = decide(following, index, page, header=el, **options)
                decisions.append(QuoteDecision(el, index, decision.of_post, decision.rule, (el,), decision.author))
                decisions.append(decision)
                continue
            decisions.append(decide(el, index, page, **options))
    return decisions


def _is_header_element(el: etree._Element) -> bool:
    """A quote element that is only an attribution line (SMF's div.quoteheader before the quote)."""
    text = _text(el)
    return bool(text) and (bool(_shape_rule(el, HEADER_SHAPES))
                           or bool(header_rule(text, max_tail=HEADER_TAIL_CHARS)[0]))


__all__ = [
    "CJK_GRAM",
    "FOOTER_SHAPES",
    "HEADER_SHAPES",
    "ORPHAN_SHARE",
    "POST_LINKS",
    "QUOTE_HEADER",
    "QuoteDecision",
    "REFERENCE_ATTRIBUTES",
    "REPEAT_GRAM",
    "REPEAT_SHARE",
    "decide",
    "decide_quotes",
    "header_rule",
    "post_link_rule",
    "read_quote",
    "reference_rule",
    "texts_without",
]
