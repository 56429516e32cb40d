"""What cleaning returns: the clean text, its metadata, the posts kept and the audit."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from .shape import (  # noqa: F401  (re-exported: part of the result)
    CODE, HEADING, LIST_ITEM, PARAGRAPH, QUOTE_BLOCK, TABLE_ROW, Shape,
)

# Fields of the result that are views of other fields and stay out of to_dict/to_json.
NOT_SERIALISED = frozenset({"shapes", "thread", "title_in_text"})


@dataclass(slots=True)
class Removal:
    """One line taken out, and why: the audit users read to trust and tune the cleaner."""

    text: str
    kind: str  # chrome | spam | hidden | quote | signature | edit | noise | ...
    rule: str  # rule name, or "model:<file>" when the classifier decided
    score: float = 1.0  # 1.0 for rules; the model's spam probability otherwise
    post: int | None = None  # index of the post the line sat in, None outside posts
    position: int = -1  # the line's index in page order (kept and removed lines count alike)


@dataclass(slots=True)
class Post:
    """A post kept in the output (floor 1 is the article)."""

    floor: int | None
    author: str
    date: str
    text: str
    positions: list[int] = field(default_factory=list)  # page-order index of each line of text
    date_iso: str | None = None  # ``date`` as ISO 8601; None when it is relative or unreadable


@dataclass(slots=True)
class CleanResult:
    """The clean article plus everything a user needs to check it."""

    text: str = ""
    title: str = ""
    forum: str = ""
    engine: str = "generic"
    encoding: str = ""
    language: str = ""
    posts: list[Post] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    spam_score: float = 0.0  # share of the page's body characters removed as spam
    url: str | None = None
    empty_reason: str = ""  # why text is empty, when it is
    canonical_url: str | None = None  # <link rel=canonical>, else og:url (made absolute by url)
    hostname: str = ""  # of url, else of canonical_url
    site_name: str = ""  # og:site_name, else the forum name from the title, else hostname
    # Per post, per line of its text: the line's Shape (None: a paragraph). Not serialised.
    shapes: list[list[Shape | None]] = field(default_factory=list, repr=False, compare=False)
    thread: bool = False  # text holds every kept post (replies mode). Not serialised.
    title_in_text: bool = False  # text starts with the title (include_title). Not serialised.

    @property
    def is_empty(self) -> bool:
        return not self.text

    def page_lines(self) -> list[dict]:
        """Every line of the page in page order, kept or removed with its reason: the audit
        laid over the text (what ``forum-cleaner clean --explain`` prints)."""
        lines = [{"position": pos, "kept": True, "text": text}
                 for post in self.posts for pos, text in zip(post.positions, post.text.split("\n"))]
        lines += [{"position": r.position, "kept": False, "text": r.text, "kind": r.kind,
                   "rule": r.rule, "score": r.score} for r in self.removed]
        return sorted(lines, key=lambda line: line["position"])

    def to_dict(self) -> dict:
        return asdict(self, dict_factory=_serialised)

    def to_markdown(self) -> str:
        """The kept text as Markdown: fenced code, lists, pipe tables; in replies mode one
        "## Post N — author, date" section per post (cleaner/markdown.py)."""
        from .markdown import render_markdown  # (local: result.py is imported by every stage)

        return render_markdown(self)

    def to_json(self, **kwargs) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)


def _serialised(pairs: list[tuple[str, object]]) -> dict:
    return {name: value for name, value in pairs if name not in NOT_SERIALISED}
