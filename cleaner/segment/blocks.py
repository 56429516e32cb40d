"""The unit every stage after segmentation works on: one line of text with what the
segmenter learned about where it sat. No stage after segmentation looks at raw markup."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..result import Removal
from ..shape import Shape

# Roles a segmenter can assign from structure alone (engine tables, markup, text layout).
BODY = "body"  # text inside a post body: candidate content
CHROME = "chrome"  # outside any post: navigation, headers, footers, buttons
QUOTE = "quote"  # quoted text of an earlier post inside a reply
SIGNATURE = "signature"
EDIT = "edit"  # "本帖最后由 X 于 T 编辑", "Last edited by"
HIDDEN = "hidden"  # display:none, zero font, off-screen
ATTACHMENT = "attachment"


@dataclass(slots=True)
class Block:
    """One line (paragraph) of the page."""

    text: str
    post: int | None = None  # index into Segmented.posts; None when outside any post
    role: str = BODY
    path: str = ""  # short tag/class path for the audit and for rules ("td.t_f>p")
    link_chars: int = 0  # characters of text inside <a> elements
    links: int = 0  # number of <a> elements
    reason: str = ""  # for non-body roles: the segmenter rule that assigned the role
    shape: Shape | None = None  # code, list item, table row, heading, quote; None: a paragraph
    verbatim: str = ""  # a code block's text as written (line breaks, indentation), until cut into lines

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


@dataclass(slots=True)
class PostMeta:
    floor: int | None = None
    author: str = ""
    date: str = ""


@dataclass(slots=True)
class Segmented:
    """A page cut into blocks, with the metadata the segmenter found."""

    blocks: list[Block] = field(default_factory=list)
    posts: list[PostMeta] = field(default_factory=list)
    title: str = ""
    forum: str = ""
    engine: str = "generic"
    is_thread: bool = True  # False: an article page handled by the generic extractor
    removed: list[Removal] = field(default_factory=list)  # inline removals (anti-copy noise)
    canonical_url: str = ""  # as the page declares it (<link rel=canonical>, og:url)
    site_name: str = ""  # og:site_name
