"""Segmenter results whose costly fields are read from the page only when someone asks.

No stage between segmentation and the result reads a block's ``path`` (it is for the audit and
for debugging), and in first-post mode only the first post's byline reaches the result: naming
every line's ancestors and running three XPaths per reply cost more than the rules and the model
together on a long thread. These subclasses keep the fields and the equality of their plain
dataclasses; the values are computed on first access, once."""

from __future__ import annotations

from typing import Callable

from .blocks import Block, PostMeta

_PATH_SLOT = Block.path  # where Block (a slots dataclass) keeps the path


class TreeBlock(Block):
    """A Block cut from a parsed page: ``path`` is named from its element (``name_path``) on
    first read. Equal to a Block with the same fields."""

    __slots__ = ("element", "name_path")

    def __init__(self, text: str, post: int | None, role: str, element, link_chars: int, links: int,
                 reason: str, name_path: Callable[[object], str], shape=None) -> None:
        self.text = text
        self.post = post
        self.role = role
        self.element = element
        self.name_path = name_path
        self.link_chars = link_chars
        self.links = links
        self.reason = reason
        self.shape = shape
        self.verbatim = ""

    @property
    def path(self) -> str:  # type: ignore[override]
        element = getattr(self, "element", None)
        if element is not None:
            _PATH_SLOT.__set__(self, self.name_path(element))
            self.element = None
        try:
            return _PATH_SLOT.__get__(self, Block)
        except AttributeError:  # made without an element: no path
            return ""

    @path.setter
    def path(self, value: str) -> None:
        self.element = None
        _PATH_SLOT.__set__(self, value)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Block):
            return NotImplemented
        return _block_fields(self) == _block_fields(other)

    __hash__ = None  # type: ignore[assignment]  # mutable, like Block


def _block_fields(block: Block) -> tuple:
    return (block.text, block.post, block.role, block.path, block.link_chars, block.links, block.reason,
            block.shape, block.verbatim)


_META_SLOTS = tuple((name, getattr(PostMeta, name)) for name in ("floor", "author", "date"))


def _lazy_meta_field(slot) -> property:
    def get(self):
        if self._read is not None:
            self._resolve()
        return slot.__get__(self, PostMeta)

    def set_(self, value) -> None:
        if self._read is not None:
            self._resolve()
        slot.__set__(self, value)

    return property(get, set_)


class LazyPostMeta(PostMeta):
    """A PostMeta that calls ``read()`` (which returns the PostMeta, e.g. from the post's element
    with the engine table's XPaths) when one of its fields is first read or written. Equal to a
    PostMeta with the same fields."""

    __slots__ = ("_read",)

    def __init__(self, read: Callable[[], PostMeta]) -> None:
        self._read = read

    def _resolve(self) -> None:
        meta = self._read()
        self._read = None
        for name, slot in _META_SLOTS:
            slot.__set__(self, getattr(meta, name))

    floor = _lazy_meta_field(_META_SLOTS[0][1])
    author = _lazy_meta_field(_META_SLOTS[1][1])
    date = _lazy_meta_field(_META_SLOTS[2][1])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PostMeta):
            return NotImplemented
        return (self.floor, self.author, self.date) == (other.floor, other.author, other.date)

    __hash__ = None  # type: ignore[assignment]  # mutable, like PostMeta
