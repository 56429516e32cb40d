"""The fallback segmenter: pages no engine table claims, cut into posts or an article from
structure alone. ``segment_generic`` is its one entry point (called by segment/html.py).

    posts.py    repeated post units (a thread), or else the page's article, and which is which
    article.py  the article's container: where prose concentrates
    lines.py    line evidence: dates, bylines, and the lines a post template adds
    dates.py    whether a line shows a date, fast (lines.py's date pattern cut in parts)
"""

from .posts import segment_generic

__all__ = ["segment_generic"]
