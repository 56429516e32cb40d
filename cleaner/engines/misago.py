"""Misago threads as the server renders them (misago/templates/misago/thread/posts/post/*.html,
read to learn the markup).

ul.posts-list > li.post#post-N > div.post-border > div.post-avatar + div.post-body >
div.panel-post: div.post-heading (author span[itemprop=author], rank label, time[datetime]
"posted on ..."), flags, div.panel-body[itemprop=articleBody] > article.misago-markup (the post),
attachments, footer (likes, buttons). Quotes in misago-markup are aside.quote-block with a
div.quote-heading ("X has written:") and blockquote.quote-body. A hidden post (li.post-hidden)
shows a notice instead of its body.
"""

from __future__ import annotations

from .base import EngineTable, Fingerprint, has_class

MISAGO = EngineTable(
    name="misago",
    fingerprints=(
        Fingerprint("misago-markup", 2.0, xpath=f"//article[{has_class('misago-markup')}]"),
        Fingerprint("post-item", 1.0, xpath=f"//li[{has_class('post')} and starts-with(@id, 'post-')]"),
        Fingerprint("thread-url", 0.5, url=r"/t/[^/]+/\d+/"),
    ),
    post=f"//li[{has_class('post')} and starts-with(@id, 'post-')][.//article[{has_class('misago-markup')}]]",
    body=f"(.//article[{has_class('misago-markup')}])[1]",
    author="(.//*[@itemprop='author'])[1]",
    date="(.//time/@datetime)[1]",
    title=f"//div[{has_class('page-header')}]//h1 | //h1",
    quote=(f".//aside[{has_class('quote-block')}]", "./blockquote"),
    chrome_lines=(r"(?i:posted on .{4,60}|.{1,40} (?:has )?written:|\d+ likes?|.{1,60} likes? this\.?)",),
    notes="Misago: li.post#post-N > ... > div[itemprop=articleBody] > article.misago-markup.",
)

TABLES: tuple[EngineTable, ...] = (MISAGO,)
