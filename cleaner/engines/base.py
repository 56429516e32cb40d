"""The shape of an engine table: everything the cleaner knows about one forum engine,
as data. Adding an engine means adding a table (and samples), not touching the pipeline.

XPaths are lxml XPath 1.0 strings. ``post`` is evaluated on the document; the others are
relative to one post element (``./...`` or ``.//...``) unless noted.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Fingerprint:
    """One piece of evidence that a page was made by an engine, with its weight."""

    name: str  # e.g. "generator-meta", "postlist-markup", "powered-by-footer"
    weight: float
    generator: str = ""  # regex searched in <meta name="generator" content>
    xpath: str = ""  # XPath that must match at least one node in the document
    text: str = ""  # regex searched in the page text (footer "Powered by Discuz!")
    url: str = ""  # regex searched in the page URL


@dataclass(frozen=True)
class EngineTable:
    name: str  # discuz, phpwind, tieba, phpbb, vbulletin, xenforo, discourse, smf, ...
    fingerprints: tuple[Fingerprint, ...]
    post: str  # XPath: each match is one post, in page order
    body: str  # relative XPath: the post body inside a post
    author: str = ""  # relative XPath whose string value is the author name
    date: str = ""  # relative XPath whose string value is the post date
    floor: str = ""  # relative XPath whose string value holds the floor number
    title: str = ""  # document XPath of the thread title
    forum: str = ""  # document XPath of the site/forum name
    quote: tuple[str, ...] = ()  # relative to body: quoted earlier posts
    signature: tuple[str, ...] = ()  # relative to post: signature blocks
    edit_notice: tuple[str, ...] = ()  # relative to body: "本帖最后由 ... 编辑", "Last edited by"
    drop: tuple[str, ...] = ()  # relative to body: chrome inside the body (attachment boxes, ratings)
    noise: tuple[str, ...] = ()  # relative to body: anti-copy noise removed inline (Discuz! jammer)
    chrome_lines: tuple[str, ...] = ()  # regexes of whole lines that are chrome on this engine
    notes: str = ""  # where the knowledge came from
    extra: dict = field(default_factory=dict)


def has_class(name: str) -> str:
    """XPath 1.0 predicate: the element's class list holds the token ``name``.

    Spelled out once because ``contains(@class, 'post')`` also matches ``postbody``.
    """
    # (Speed: the plain substring test runs first and rejects most elements without building the
    # padded string; the token test alone decides, so the matches are the same.)
    return f"(contains(@class, '{name}') and contains(concat(' ', normalize-space(@class), ' '), ' {name} '))"
