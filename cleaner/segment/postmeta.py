"""What a thread page says about itself and its posts, read from elements an engine table
points at: the thread title and site name from <title>, and each post's floor number, author
and date as shown ("5#", "沙发", "发表于 2021-12-20 10:21", a relative date with the absolute
one in a title attribute)."""

from __future__ import annotations

import re
from itertools import islice

from lxml import etree

from ..textutil import collapse_spaces
from .blocks import PostMeta
from .dates import numeric_order, page_numeric_order, parse_post_date

_TITLE_SEPARATOR = re.compile(r"\s+[-|–—]\s+|\s*[|｜]\s*")
_POWERED_BY = re.compile(r"powered\s+by|^\s*$", re.IGNORECASE)


TITLE_SCAN_ELEMENTS = 64  # <title> sits in <head>, among the page's first elements


def _page_title_text(root: etree._Element, scan: int = TITLE_SCAN_ELEMENTS) -> str:
    """``string(//title)``: the text of the document's first <title>. (Speed: the XPath collects
    every <title> of the page; lxml's ``iter("title")`` looks ahead for the next <title> when it
    yields one, so it walks the whole page too (~60 us on a 2,700-element page). The first
    ``scan`` elements are looked at one by one, then, when the title is not among them, the
    rest with ``iter("title")``: 5.5 -> 0.1 ms for the 79 bench pages.)"""
    top = root.getroottree().getroot()
    for el in islice(top.iter(), scan):
        if el.tag == "title":
            return element_text(el)
    for title in top.iter("title"):
        return element_text(title)
    return ""


_WORD = re.compile(r"\w")


def is_title(text: str) -> bool:
    """A title says something: at least one letter or digit. An engine's title element that
    holds only a glyph (an icon font's "", a "»" or "#" permalink mark) is not the title."""
    return bool(text) and _WORD.search(text) is not None


def page_title(root: etree._Element) -> tuple[str, str]:
    """(thread title, site name) from <title>: "Subject - Board - Site - Powered by X"."""
    raw = collapse_spaces(_page_title_text(root))
    if not raw:
        return "", ""
    parts = [p for p in _TITLE_SEPARATOR.split(raw) if is_title(p) and not _POWERED_BY.search(p)]
    if len(parts) <= 1 and "_" in raw:
        parts = [p.strip() for p in raw.split("_") if p.strip()]
    if not parts:
        return raw, ""
    return parts[0], parts[-1] if len(parts) > 1 else ""


_DATE_PREFIX = re.compile(r"^(?:发表于|發表於|发表时间|發表時間|发表日期|发帖时间|回复于|发布于|發佈於|posted(?:\s+on)?|published|on)\s*[:：]?\s*", re.IGNORECASE)
_DATE_IN_TITLE = re.compile(r"\d{4}[-/.年]\d{1,2}")
_FLOOR_NUMBER = re.compile(r"(\d+)\s*(?:#|楼|F\b|樓)|#\s*(\d+)|^\s*(\d+)\s*$")
FLOOR_NAMES = {"楼主": 1, "樓主": 1, "沙发": 2, "沙發": 2, "板凳": 3, "地板": 4, "地下室": 5}


def element_text(el: etree._Element) -> str:
    """``"".join(el.itertext())``: its text and its descendants' text and tails, comments' and
    processing instructions' text left out. (Speed: libxml2's text serialiser gives the same
    string 3-5 times faster than joining lxml's itertext pieces, small elements included.)"""
    if not isinstance(el.tag, str):  # a comment or processing instruction: itertext's answer
        return "".join(el.itertext())
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


def _first_value(xpath, el) -> object:
    if xpath is None:
        return None
    result = xpath(el)
    if isinstance(result, list):
        return result[0] if result else None
    return result


def _string_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, etree._Element):
        return collapse_spaces(element_text(value))
    return collapse_spaces(str(value))


def clean_date(value) -> str:
    """A post date as shown: prefixes like "发表于" dropped; a relative date ("3 天前")
    replaced by the absolute one Discuz! keeps in a title attribute."""
    if isinstance(value, etree._Element):
        for titled in value.iter():
            title = titled.get("title")
            if title and _DATE_IN_TITLE.search(title):
                return collapse_spaces(title)
    return _DATE_PREFIX.sub("", _string_value(value)).strip(" |")


def parse_floor(value) -> int | None:
    """Floor number from "5#", "#5", "5楼", "楼主", "沙发"... (None when absent)."""
    text = _string_value(value)
    if not text:
        return None
    for name, floor in FLOOR_NAMES.items():
        if name in text:
            return floor
    match = _FLOOR_NUMBER.search(text)
    if match:
        return int(next(g for g in match.groups() if g))
    return None


def _post_meta(xpaths, post_el) -> PostMeta:
    floor, author, date = xpaths
    return PostMeta(
        floor=parse_floor(_first_value(floor, post_el)),
        author=_string_value(_first_value(author, post_el)),
        date=clean_date(_first_value(date, post_el)),
    )


# Where a page names its own address and site: (tag, attribute, value, attribute read), in order
# of trust; the first found wins. Attribute values are compared in lower case.
CANONICAL_URL_SOURCES = (("link", "rel", "canonical", "href"), ("meta", "property", "og:url", "content"),
                         ("meta", "name", "og:url", "content"))
SITE_NAME_SOURCES = (("meta", "property", "og:site_name", "content"), ("meta", "name", "og:site_name", "content"))


def _declared(elements: list, sources: tuple[tuple[str, str, str, str], ...]) -> str:
    for tag, attribute, value, read in sources:
        for el in elements:
            if el.tag == tag and (el.get(attribute) or "").strip().lower() == value:
                text = collapse_spaces(el.get(read) or "")
                if text:
                    return text
    return ""


def page_identity(root: etree._Element, everywhere: list | None = None) -> tuple[str, str]:
    """(canonical URL, site name) as the page declares them (<link rel=canonical>, og:url,
    og:site_name), "" when it does not. Read from <head>, where they belong, and from the whole
    page only when <head> lacks one: a parser closes <head> at the first stray element in it
    and puts the <meta>s after it into <body>. ``everywhere``: every <link> and <meta> of the
    page (of root's tree), in page order, when the caller has them (engines.PageFacts)."""
    top = root.getroottree().getroot()
    head = top.find("head")
    elements = list(head.iter("link", "meta")) if head is not None else []
    canonical, site = _declared(elements, CANONICAL_URL_SOURCES), _declared(elements, SITE_NAME_SOURCES)
    if not (canonical and site):
        everywhere = list(top.iter("link", "meta")) if everywhere is None else everywhere
        canonical = canonical or _declared(everywhere, CANONICAL_URL_SOURCES)
        site = site or _declared(everywhere, SITE_NAME_SOURCES)
    return canonical, site


def post_dates_iso(posts: list[PostMeta], wanted, engine: str) -> dict[int, str | None]:
    """ISO 8601 dates of the posts ``wanted`` (indices into ``posts``), read with the engine's
    conventions (dates.py). A numeric date whose day and month could swap is read in the order
    the page's other post dates show; those are only looked at then (reading a reply's byline
    costs its XPaths)."""
    dates = {i: parse_post_date(posts[i].date, engine) for i in wanted}
    unsure = [i for i, iso in dates.items() if iso is None and numeric_order(posts[i].date) == "?"]
    if unsure:
        order = page_numeric_order(meta.date for meta in posts)
        for i in unsure:
            dates[i] = parse_post_date(posts[i].date, engine, order)
    return dates
