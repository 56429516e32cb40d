"""Flarum discussions: the server-rendered copy (in noscript#flarum-content, which parse.py keeps
as a div) and the JavaScript-rendered post stream of a browser save.

The server copy (framework/core/views/frontend/content/discussion.blade.php) is a plain list:
div.container > h1 (the title) > div > article per post, each with div.PostUser >
h3.PostUser-name and div.Post-body. The rendered stream holds article.CommentPost.Post with the
same div.Post-body, header ul.PostHeader (name, time[datetime]) and stream events
(article.EventPost: "renamed", "pinned", "N days later" spacers) that have no Post-body and are
never posts. When a page holds both, the rendered posts count and the noscript copy is chrome.
Read from Flarum's public templates (the framework's Blade views), not copied.
"""

from __future__ import annotations

from .base import EngineTable, Fingerprint, has_class

_RENDERED = f"//article[{has_class('CommentPost')}][.//div[{has_class('Post-body')}]]"

FLARUM = EngineTable(
    name="flarum",
    fingerprints=(
        Fingerprint("flarum-content", 2.0, xpath="//*[@id='flarum-content']"),
        Fingerprint("flarum-loading", 1.0, xpath="//*[@id='flarum-loading']"),
        Fingerprint("comment-post", 2.0, xpath=f"//article[{has_class('CommentPost')}]"),
        Fingerprint("post-body", 0.5, xpath=f"//div[{has_class('Post-body')}]"),
        Fingerprint("discussion-url", 0.5, url=r"/d/\d+(?:-[^/?#]*)?(?:/\d+)?(?:[?#]|$)"),
    ),
    post=(
        f"{_RENDERED} | //*[@id='flarum-content']//article[div[{has_class('Post-body')}]]"
        f"[not(//article[{has_class('CommentPost')}][.//div[{has_class('Post-body')}]])]"
    ),
    body=f"(.//div[{has_class('Post-body')}])[1]",
    author=f"(.//*[{has_class('PostUser-name')}] | .//*[{has_class('username')}])[1]",
    date="(.//time/@datetime)[1]",
    title=f"(//*[{has_class('DiscussionHero-title')}] | //*[@id='flarum-content']//h1)[1]",
    quote=("./blockquote",),
    signature=(f".//*[{has_class('Signature')}]", f".//*[{has_class('Post-signature')}]"),
    chrome_lines=(
        r"(?i:reply|like|quote|edit|delete|share|report|\d+ (?:likes?|replies))",
        r"(?i:.{1,60} (?:and \d+ others? )?liked this\.?|.{1,60} replied to this(?: post)?\.?)",
    ),
    notes="Flarum: #flarum-content div.container > article > div.Post-body (server copy); "
          "article.CommentPost > div.Post-body (rendered); article.EventPost is a stream event.",
)

TABLES: tuple[EngineTable, ...] = (FLARUM,)
