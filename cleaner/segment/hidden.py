"""What a reader of a page never sees as its text, found before the walk: elements hidden by a
class (``d-none``, ``sr-only``, a closed modal), by a ``<style>`` rule (``.x{display:none}``),
overlays (cookie and consent centres), and ``<noscript>`` copies of a stream the page also
renders.

Inline styles and the ``hidden`` attribute are the walk's (segment/walk.py). This module holds
what needs the page as a whole: the page's style sheet (kept by parse.py, in the pass it makes
anyway, before it strips the ``<style>`` elements; parsed here, on fallback pages only) and the
page's other text
(a ``<noscript>`` block is a copy only when its text is also outside it). The fallback segmenter
marks what it finds here as HIDDEN with the reason, so that none of it is taken for a post.
"""

from __future__ import annotations

import itertools
import re
import threading

from lxml import etree

from ..prefilter import lowered
from .blocks import HIDDEN
from .quotes import texts_without
from .walk import BLOCK_TAGS, Mark, _hidden_mark, hidden_reason

# Class tokens that hide an element in the common CSS frameworks and themes (Bootstrap 3-5,
# Tailwind, Foundation, WordPress, Bulma...). A responsive "visible from md on" token beside it
# ("d-none d-md-block", "hidden md:block", "hidden-xs") means the element shows on a desktop.
HIDING_CLASSES: tuple[tuple[str, str], ...] = (
    ("hidden", r"hidden|is-hidden|u-hidden|hide|is-hide|invisible|d-none|display-none"),
    ("screen-reader", r"sr-only|visually-hidden|visuallyhidden|screen-reader-text|screen-reader-only"
                      r"|element-invisible|offscreen|a11y-hidden|show-for-sr"),
    ("modal", r"modal|modal-backdrop|lightbox-overlay"),
)
# Overlays a page shows over itself until dismissed: never the page's text.
OVERLAY_WORDS: tuple[tuple[str, str], ...] = (
    ("cookie", r"cookies?[-_]?(?:banner|bar|notice|consent|law|popup|modal|settings|preferences|overlay|dialog"
               r"|box|wrapper|container|info|message|notification|alert)"),
    ("consent", r"(?:cc|gdpr|privacy)[-_]?(?:banner|window|notice|overlay|popup)|gdpr|consent[-_]?(?:banner|manager"
                r"|modal|sdk|dialog|box|popup|overlay|bar|notice)?"),
)
_HIDING = tuple((name, re.compile(rf"(?:{rx})", re.I)) for name, rx in HIDING_CLASSES)
_OVERLAY = tuple((name, re.compile(rf"[\w-]*?(?:{rx})(?:[-_][\w-]*)?", re.I)) for name, rx in OVERLAY_WORDS)
_ANY_HIDING = re.compile("|".join(f"(?:{rx})" for _name, rx in HIDING_CLASSES), re.I)
# Every OVERLAY_WORDS match holds one of these (lower case; tests/segment/fallback/test_fallback_speed.py)
_OVERLAY_NEEDS = ("cookie", "cc", "gdpr", "privacy", "consent")
# "d-md-block", "md:block", "visible-lg", "hidden-xs": the element shows on some (wide) screens.
_SHOWN_ON_SOME = re.compile(r"^(?:d-(?:sm|md|lg|xl|xxl)-(?!none)\w+|(?:sm|md|lg|xl|2xl):(?!hidden)[\w-]+"
                            r"|visible-\w+|hidden-(?:xs|sm|md|print)|show-for-\w+)$", re.I)
# Substrings one of the names above holds: one regex over each class and id picks the few
# candidate elements before the names are read token by token.
_NAME_PARTS = ("hid", "none", "sr-only", "isually", "screen-reader", "invisible", "offscreen", "show-for-sr",
               "modal", "lightbox", "cookie", "consent", "gdpr", "cc-")
# (= "//*[@class or @id] | //dialog" and "//div[@data-fc-noscript]", in forms libxml2 evaluates
# 2x faster: the same elements in page order; see fastxpath.faster_xpath)
_NAMED = etree.XPath("/descendant::*/@class/parent::* | /descendant::*/@id/parent::* | /descendant::dialog")
_NOSCRIPTS = etree.XPath("/descendant::div[@data-fc-noscript]")
_NAME_PART = re.compile("|".join(map(re.escape, _NAME_PARTS)))  # (on the lower-cased name: 5x faster than re.I)


def _candidates(named: list, style_hidden: set, jammers: list | None = None) -> list:
    """Elements whose class or id holds one of the name parts (one regex per named element).
    ``jammers``: when given, the elements whose class holds "jammer" (see fallback_marks) are
    added to it (Speed: read in the same loop)."""
    found = []
    seen: dict = {}  # a page repeats its class names: each distinct one is searched once
    for el in named:
        cls = el.get("class")
        if el.tag == "dialog" or el in style_hidden:
            found.append(el)
            if jammers is not None and cls and "jammer" in cls:
                jammers.append(el)
            continue
        if cls:
            code = seen.get(cls)
            if code is None:
                code = seen[cls] = _name_code(cls)
            if code & 2 and jammers is not None:
                jammers.append(el)
            if code & 1:
                found.append(el)
                continue
        ident = el.get("id")
        if ident:
            code = seen.get(ident)
            if code is None:
                code = seen[ident] = _name_code(ident)
            if code & 1:
                found.append(el)
    return found


def _name_code(name: str) -> int:
    """1: the name holds a name part; 2: it holds "jammer" (walk.hidden_reason's class)."""
    return (_NAME_PART.search(name.lower()) is not None) | ("jammer" in name) << 1


NOSCRIPT_ATTRIBUTE = "data-fc-noscript"  # set by parse.py on a <noscript> kept as a <div>
NOSCRIPT_COPY_SHARE = 0.5  # a <noscript> block whose text is this much outside it is a copy
NOSCRIPT_PIECE_CHARS = 12  # text pieces shorter than this prove nothing about a copy
# The reasons hidden_marks gives (the audit keeps them; the fallback never relabels them).
FOUND_BEFORE_WALK = ("hidden:class-", "hidden:style-rule", "hidden:noscript-copy", "hidden:closed-dialog", "overlay:")
MAX_HIDDEN_SHARE = 0.5  # an element holding more of the page's text is the page (shown by its script)
NEVER_HIDDEN_TAGS = frozenset({"html", "body", "main"})
MAX_STYLE_SELECTORS = 200  # hidden selectors read from a page's style sheet, at most

# (lower case, as sheets write them: a pattern starting with a literal is searched fast, and a
# theme's sheet inlined in the page runs to hundreds of kilobytes)
_HIDING_DECLARATIONS = (re.compile(r"display\s*:\s*none"), re.compile(r"visibility\s*:\s*hidden"))
_HIDING_DECLARATION = re.compile("|".join(p.pattern for p in _HIDING_DECLARATIONS), re.I)  # (in one rule: short)
_SHOWING_DECLARATION = re.compile(r"display\s*:\s*(?!none)[a-z-]+|visibility\s*:\s*visible", re.I)
_SIMPLE_SELECTOR = re.compile(r"([.#])([A-Za-z_][\w-]*)")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def hiding_class(el) -> str:
    """The name of the HIDING_CLASSES or OVERLAY_WORDS entry an element's class or id matches
    ("" when none does, or when a responsive token shows the element on wide screens)."""
    tokens = (el.get("class") or "").split()
    # (Speed: one pattern of them all first, and the overlay words only when their words are
    # there, lowered() saying when lower() can be trusted: 1.21 -> 0.48 ms on the 21 fallback
    # bench pages' 128 candidates)
    if tokens and any(_ANY_HIDING.fullmatch(t) for t in tokens) and not any(_SHOWN_ON_SOME.match(t) for t in tokens):
        for name, pattern in _HIDING:
            if any(pattern.fullmatch(t) for t in tokens):
                return name
    words = tokens + (el.get("id") or "").split()
    lower = lowered(" ".join(words))
    if lower is not None and not any(word in lower for word in _OVERLAY_NEEDS):
        return ""
    for name, pattern in _OVERLAY:
        if any(pattern.fullmatch(w) for w in words):
            return name
    return ""


def hidden_selectors(css: str, *, max_selectors: int = MAX_STYLE_SELECTORS) -> tuple[set, set]:
    """(classes, ids) that top-level rules of a style sheet hide with display:none or
    visibility:hidden. Only plain ``.x`` / ``#y`` selectors count (a compound selector, a
    state, a media query apply sometimes), and not a name that any rule (an @media one too:
    mobile-first sheets show on wide screens what they hide on small ones) shows again.

    Read from the hiding declarations outwards, not rule by rule: a theme's sheet has thousands
    of rules and a few dozen hiding ones."""
    css = _without_comments(css)
    classes, ids = _hiding_rules(css, max_selectors=max_selectors)
    shown = _shown_again(css, classes | ids) if classes or ids else set()
    return classes - shown, ids - shown


def _without_comments(css: str) -> str:
    return _COMMENT.sub("", css) if "/*" in css else css


def _hiding_rules(css: str, *, max_selectors: int = MAX_STYLE_SELECTORS) -> tuple[set, set]:
    """(classes, ids) that top-level rules hide (shown again or not); comments already gone."""
    classes: set = set()
    ids: set = set()
    depth, counted = 0, 0  # brace depth at ``counted``, advanced as the matches go forward
    starts = sorted(m.start() for pattern in _HIDING_DECLARATIONS for m in pattern.finditer(css))
    for start in starts:
        opened = css.rfind("{", 0, start)
        if opened < counted or css.rfind("}", opened, start) != -1:
            continue  # (not inside a declaration block this pass has not passed yet)
        depth += css.count("{", counted, opened) - css.count("}", counted, opened)
        counted = opened
        if depth:
            continue  # inside an @-block
        before = max(css.rfind("}", 0, opened), css.rfind(";", 0, opened))
        selectors = css[before + 1:opened]
        if "@" in selectors:
            continue
        for selector in selectors.split(","):
            plain = _SIMPLE_SELECTOR.fullmatch(selector.strip())
            if plain is not None and len(classes) + len(ids) < max_selectors:
                (classes if plain.group(1) == "." else ids).add(plain.group(2))
    return classes, ids


def _shown_again(css: str, names: set) -> set:
    """The names among ``names`` that a rule's selector holds (".collapse.in", "#menu:target")
    whose declarations show it and do not hide it. (Each name is found with str.find: a few
    names, a long sheet.)"""
    shown = set()
    for name in names:
        at = css.find(name)
        while at != -1 and name not in shown:
            end = at + len(name)
            if at and css[at - 1] in ".#" and (end == len(css) or not (css[end].isalnum() or css[end] in "-_")) \
                    and _shows(css, end):
                shown.add(name)
            at = css.find(name, end)
    return shown


def _shows(css: str, at: int) -> bool:
    """Whether the rule whose selector runs at ``at`` shows (and does not hide) what it selects."""
    opened, closed = css.find("{", at), css.find("}", at)
    if opened == -1 or -1 < closed < opened:
        return False  # (a "#abc" colour inside declarations, not a selector)
    end = css.find("}", opened)
    declarations = css[opened + 1:end if end != -1 else len(css)]
    return not _HIDING_DECLARATION.search(declarations) and _SHOWING_DECLARATION.search(declarations) is not None


STYLE_ATTRIBUTE = "data-fc-style"  # on the root: the number of the parse whose style texts are kept
_kept = threading.local()  # (parse number, style texts) of the last page parsed on this thread
_parses = itertools.count()


def may_hide(css: str | None) -> bool:
    """Whether a <style> element's text can hide something: a substring test, all an engine
    page pays (parse.py keeps such texts with keep_styles before it strips the styles)."""
    return bool(css) and ("none" in css or "hidden" in css)


def keep_styles(root: etree._Element, texts: list[str]) -> None:
    """Keep a page's hiding <style> texts for the fallback, outside the tree: copying a theme's
    whole sheet into the tree would cost every page, and only fallback pages read it. They are
    the last parsed page's on this thread (segmentation follows its parse: segment_page); the
    root carries the parse's number, so another tree never reads them."""
    if not texts:
        _kept.styles = None
        return
    number = str(next(_parses))
    root.set(STYLE_ATTRIBUTE, number)
    _kept.styles = (number, texts)


def page_styles(root: etree._Element) -> str:
    """The style texts keep_styles kept for this tree ("" when none, or when another page was
    parsed on this thread since)."""
    number = root.get(STYLE_ATTRIBUTE)
    kept = getattr(_kept, "styles", None)
    if number is None or kept is None or kept[0] != number:
        return ""
    return "\n".join(kept[1])


def style_hidden(root: etree._Element, named: list | None = None) -> set:
    """The elements the page's <style> rules hide (plain class or id selectors, see
    hidden_selectors). ``named``: the page's elements with a class or id, when already found.
    A name is checked for a rule showing it again only when an element carries it."""
    css = page_styles(root)
    if not css:
        return set()
    css = _without_comments(css)
    classes, ids = _hiding_rules(css)
    if not classes and not ids:
        return set()
    hits: dict = {}  # element -> the hidden names it carries
    by_class: dict = {}  # class value -> the hidden classes in it (Speed: a page repeats its class values)
    for el in _NAMED(root) if named is None else named:
        cls = el.get("class")
        carried = by_class.get(cls)
        if carried is None:
            carried = by_class[cls] = classes.intersection((cls or "").split())
        if ids:
            ident = el.get("id")
            if ident in ids:
                carried = carried | {ident}
        if carried:
            hits[el] = carried
    if not hits:
        return set()
    shown = _shown_again(css, set().union(*hits.values()))
    return {el for el, carried in hits.items() if carried - shown}


def hidden_marks(root: etree._Element, *, share: float = NOSCRIPT_COPY_SHARE,
                 max_share: float = MAX_HIDDEN_SHARE) -> dict:
    """Marks (role HIDDEN, with the reason) for the elements of a page that a reader does not see
    as its text: hidden by a class or a style rule, overlays, closed dialogs, <noscript> copies.
    The outermost such element is marked (what is inside follows it). An element holding more
    than ``max_share`` of the page's text is not: an app's root that its script shows once
    loaded ("#root{display:none}") is the page, and losing it would lose everything."""
    return _hidden_marks(root, _NAMED(root), share=share, max_share=max_share)


def _hidden_marks(root: etree._Element, named: list, *, share: float, max_share: float,
                  jammers: list | None = None) -> dict:
    marks: dict = {}
    page_chars = None
    by_style = style_hidden(root, named)
    for el in _candidates(named, by_style, jammers):
        if el.tag in NEVER_HIDDEN_TAGS:
            continue
        reason = "hidden:style-rule" if el in by_style else _reason(el)
        if not reason or any(a in marks for a in el.iterancestors()):
            continue
        if page_chars is None:
            page_chars = _chars(root)
        if _chars(el) > max_share * page_chars:
            continue
        marks[el] = Mark(HIDDEN, None, reason)
    noscripts = _NOSCRIPTS(root)
    if noscripts:
        marks.update({el: Mark(HIDDEN, None, "hidden:noscript-copy") for el in noscript_copies(root, noscripts, share=share)})
    return marks


# The elements walk.hidden_reason can name but by their class ("jammer"): the attribute scans in
# libxml2's fast form (see _NAMED), from the document's root, else from the element walked.
_STYLED = (etree.XPath("/descendant::*/@style/parent::*"), etree.XPath("/descendant::*/@hidden/parent::*"))
_STYLED_BELOW = (etree.XPath("descendant-or-self::*/@style/parent::*"),
                 etree.XPath("descendant-or-self::*/@hidden/parent::*"))


def fallback_marks(root: etree._Element, base: Mark, *, share: float = NOSCRIPT_COPY_SHARE,
                   max_share: float = MAX_HIDDEN_SHARE) -> dict:
    """hidden_marks, plus the marks the walk would give the hidden elements it checks when
    ``base`` asks it to check every element (walk.hidden_reason): walked from ``root`` with
    these marks and ``base`` without check_hidden, a page gives the same lines. (Speed: the
    walk's check reads the class, hidden and style of every element; lxml finds the few that
    can hide anything, in one pass with the names hidden_marks reads: hidden_marks and the
    walk, 19.6 -> 18.1 ms a pass over the 21 fallback bench pages.)"""
    jammers: list = []
    marks = _hidden_marks(root, _NAMED(root), share=share, max_share=max_share, jammers=jammers)
    top = root.getroottree().getroot() is root
    reasons: dict = {}  # every element walk.hidden_reason names (under a mark or not)
    for scan in (_STYLED if top else _STYLED_BELOW):
        for el in scan(root):
            if el not in reasons and el not in marks:  # (the walk checks an element that has no mark)
                reason = hidden_reason(el)
                if reason:
                    reasons[el] = reason
    for el in jammers:
        if el not in marks and (top or _within(el, root)):
            reasons[el] = "hidden:jammer"
    if not reasons:
        return marks
    # The walk checks an element under no mark and under no element it found hidden (a hidden
    # element under such an element is under its mark or under its cut).
    found = dict(marks)
    for el, reason in reasons.items():
        if not _under(el, marks, root) and not _under(el, reasons, root):
            found[el] = _hidden_mark(el, base, reason, el.tag in BLOCK_TAGS)
    return found


def _within(el, root) -> bool:
    return el is root or any(a is root for a in el.iterancestors())


def _under(el, marked: dict, root) -> bool:
    """Whether an ancestor of ``el``, up to ``root``, is marked."""
    for ancestor in el.iterancestors():
        if ancestor in marked:
            return True
        if ancestor is root:
            break
    return False


_TEXT_LENGTH = etree.XPath("string-length(normalize-space(.))")


def _chars(el) -> int:
    return int(_TEXT_LENGTH(el))


def _reason(el) -> str:
    if el.tag == "dialog":
        return "" if el.get("open") is not None else "hidden:closed-dialog"
    name = hiding_class(el)
    if not name:
        return ""
    return f"overlay:{name}" if any(name == n for n, _ in OVERLAY_WORDS) else f"hidden:class-{name}"


def noscript_copies(root: etree._Element, noscripts: list, *, share: float = NOSCRIPT_COPY_SHARE,
                    min_piece: int = NOSCRIPT_PIECE_CHARS) -> list:
    """The <noscript> blocks whose text is mostly found outside them too: the server-rendered
    copy of a stream the page renders with script (the same posts twice). A <noscript> block
    holding the only copy of its text is the page's text and stays."""
    outside = " ".join(" ".join(piece.split()) for piece in texts_without(root, set(noscripts)))
    copies = []
    for el in noscripts:
        pieces = [p for p in (" ".join(t.split()) for t in el.itertext()) if len(p) >= min_piece]
        total = sum(map(len, pieces))
        if total and sum(len(p) for p in pieces if p in outside) >= share * total:
            copies.append(el)
    return copies
