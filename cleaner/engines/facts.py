"""What engine fingerprints and table XPaths look at on a page (engines.PageFacts): the generator
meta, the text's start and end, every value of an attribute; each computed at most once per page
and only when asked."""

from __future__ import annotations

import re

from lxml import etree

from ..prefilter import lowered

TEXT_TAIL_CHARS = 4000  # text fingerprints look at the start (title) and end (footer) of the page

_GENERATOR_NAME = str.maketrans("GENERATOR", "generator")  # XPath translate(): those letters only


def generator_meta(root: etree._Element, elements: list | None = None) -> str:
    """Every <meta name="generator"> content, in page order (name matched as XPath
    ``translate(@name, 'GENERATOR', 'generator') = 'generator'``; lxml filters <meta> in C).
    ``elements``: the page's <link> and <meta> elements in page order, when already found."""
    metas = root.iter("meta") if elements is None else (el for el in elements if el.tag == "meta")
    return " ".join(
        content for meta in metas
        if (meta.get("name") or "").translate(_GENERATOR_NAME) == "generator"
        and (content := meta.get("content")) is not None
    )


_UNSET = object()


class PageFacts:
    """What fingerprints look at, each computed at most once per page and only when asked."""

    def __init__(self, root: etree._Element, url: str | None) -> None:
        self.root = root
        self.url = url or ""
        self.answers: dict[int, bool] = {}  # fingerprint key -> matched
        self._generator: str | None = None
        self._text: str | None = None
        self._text_lower: str | None | object = _UNSET
        self._values: dict[str, str] = {}
        self._class_tokens: frozenset[str] | None = None
        self._ids: frozenset[str] | None = None
        self._class_values: list[str] = []  # what values("class") joined
        self._links_and_metas: list[etree._Element] | None = None
        self._in_text: dict[str, bool] = {}  # literal -> in text_lower

    @property
    def generator(self) -> str:
        if self._generator is None:
            self._generator = generator_meta(self.root, self.links_and_metas)
        return self._generator

    @property
    def links_and_metas(self) -> list[etree._Element]:
        """Every <link> and <meta> of the page, in page order: one walk of the page for the
        generator meta and the page's declared address and site name (segment.postmeta.
        page_identity reads them too: Speed, one walk less on 67 of the 79 bench pages, ~4 ms)."""
        if self._links_and_metas is None:
            self._links_and_metas = list(self.root.iter("link", "meta"))
        return self._links_and_metas

    @property
    def text(self) -> str:
        """The title and the end of the page text: where "Powered by X" footers are."""
        if self._text is None:
            text = etree.tostring(self.root, method="text", encoding=str)
            self._text = text if len(text) <= 2 * TEXT_TAIL_CHARS else text[:TEXT_TAIL_CHARS] + text[-TEXT_TAIL_CHARS:]
        return self._text

    @property
    def text_lower(self) -> str | None:
        """The text lower-cased for literal prefilters (None: no prefilter, see ``lowered``)."""
        if self._text_lower is _UNSET:
            self._text_lower = lowered(self.text)
        return self._text_lower

    def text_may_contain(self, needs) -> bool:
        """``may_contain(needs, self.text_lower)``, each literal looked for once per page: most
        text fingerprints need "powered by", and the text is the page's first and last 4000
        characters."""
        lower = self.text_lower
        if needs is None or lower is None:
            return True
        found = self._in_text
        for clause in needs:
            for literal in clause:
                hit = found.get(literal)
                if hit is None:
                    hit = found[literal] = literal in lower
                if not hit:
                    break
            else:
                return True
        return False

    def values(self, attribute: str) -> str:
        """Every value of an attribute on the page, each between NUL separators (one C-level scan;
        the ids from the parser's table of ids, see id_values)."""
        joined = self._values.get(attribute)
        if joined is None:
            found = id_values(self.root) if attribute == "id" else None
            if found is None:
                found = _attribute_values(attribute)(self.root)
            joined = "\0" + "\0".join(found) + "\0"
            self._values[attribute] = joined
            if attribute == "class":
                self._class_values = found
        return joined

    def may_match(self, needs) -> bool:
        """False only when no element of the page can satisfy these markup_needs."""
        if needs is None:
            return True
        # (Speed: plain loops, and the class-token test, most needs, without a call: this runs
        # for every fingerprint and table XPath.)
        for clause in needs:
            for attribute, op, literal in clause:
                if op == "token":
                    tokens = self._class_tokens
                    if tokens is None:
                        tokens = self._tokens()
                    if literal not in tokens:
                        break
                elif not self.has(attribute, op, literal):
                    break
            else:
                return True
        return False

    @property
    def class_tokens(self) -> frozenset[str]:
        """Every class token on the page: has("class", "token", t) is ``t in class_tokens``."""
        return self._class_tokens if self._class_tokens is not None else self._tokens()

    @property
    def ids(self) -> frozenset[str]:
        """The pieces of values("id"): has("id", "eq", v) for a non-empty v is ``v in ids``."""
        if self._ids is None:
            self._ids = frozenset(self.values("id").split("\0"))
        return self._ids

    def has_element(self, tag: str) -> bool:
        """Has the page (root's whole tree) an element of this tag? (Speed: lxml looks the name
        up in the parser's dictionary of names first: a tag the page never used costs no walk,
        where the XPath "//tag" walks the page; ~2.6 ms a pass for reddit's two on 22 pages.)"""
        return next(self.root.getroottree().iter(tag), None) is not None

    def has_id_prefix(self, tag: str, prefix: str) -> bool:
        """True when the parser's table of ids names an element of the page with this tag ("*":
        any) whose id starts with the prefix: XPath "//tag[starts-with(@id, 'prefix')]" matches.
        False says nothing (the table may have lost an id, see id_values): the XPath decides.
        (Speed: a few look-ups where the XPath walks the page; 19 bench pages have Discuz!'s
        "postmessage_" ids.)"""
        table = _ID_TABLE(self.root.getroottree()) if _ID_TABLE is not None else None
        if not table:
            return False
        top = self.root.getroottree().getroot()
        for value in self.ids:
            if value.startswith(prefix):
                try:
                    el = table[value]  # (_IDDict.get raises KeyError too)
                except KeyError:
                    continue
                if el.get("id") == value and (tag == "*" or el.tag == tag) and _top(el) is top:
                    return True
        return False

    def _tokens(self) -> frozenset[str]:
        self.values("class")
        # (Speed: the tokens of the distinct values, which a page repeats: 1.95 -> 1.43 ms a pass)
        self._class_tokens = frozenset(" ".join(set(self._class_values)).split())
        return self._class_tokens

    def has(self, attribute: str, op: str, literal: str) -> bool:
        """May some element's attribute pass this test? (False only when none can.)"""
        if op == "token":
            return literal in (self._class_tokens if self._class_tokens is not None else self._tokens())
        values = self.values(attribute)
        if op == "eq":
            return f"\0{literal}\0" in values
        if op == "starts":
            return f"\0{literal}" in values
        return literal in values


_ID_TABLE = getattr(etree, "_IDDict", None)  # lxml's view of libxml2's table of ids (etree.parseid's)


def id_values(root: etree._Element) -> list[str] | None:
    """Every id of the page, from the table libxml2 fills while parsing (each id attribute, and
    <a name>: more values never make has() skip what matches); None when there is no table (an
    empty one too: a parser may be told not to fill it), then the ids are scanned. (Speed: the
    table holds a page's few dozen ids, the scan walks all its elements: ~40x faster.) As for
    the id() fingerprints (engines._compile): of two elements with one id, the table knows the
    first, and loses the id if parse_html strips that first one (a <script>)."""
    if _ID_TABLE is None:
        return None
    ids = list(_ID_TABLE(root.getroottree()).keys())
    return ids or None


def _top(el: etree._Element) -> etree._Element:
    """The element's topmost ancestor (the root element, unless it was removed from the tree)."""
    while (parent := el.getparent()) is not None:
        el = parent
    return el


_ATTRIBUTE_XPATHS: dict[str, etree.XPath] = {}
_ATTRIBUTE_NAME = re.compile(r"[A-Za-z_][\w:.-]*")


def _attribute_values(attribute: str) -> etree.XPath:
    xpath = _ATTRIBUTE_XPATHS.get(attribute)
    if xpath is None:
        if not _ATTRIBUTE_NAME.fullmatch(attribute):
            raise ValueError(f"not an attribute name: {attribute!r}")
        # plain str results: lxml's default "smart" strings (each knowing its element) cost more
        # than the scan on a page with many classes, and only the values are joined here.
        # ("/descendant::*/@x" = "//@x", 20% faster: libxml2 then walks elements only.)
        xpath = _ATTRIBUTE_XPATHS[attribute] = etree.XPath(f"/descendant::*/@{attribute}", smart_strings=False)
    return xpath
