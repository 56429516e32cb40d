"""FlaskBB topic pages (flaskbb/templates/forum/topic.html, read to learn the markup).

div.topic-panel > div.topic-body > div.post-row#N per post: div.author (div.author-name h4,
group title, join date, post count: the user column, chrome), div.post-box > div.post-meta
(the date link and "#N"), div.post-content#pidN (the post, then div.post-signature after an hr)
and div.post-footer (icon buttons). A hidden post shows "This post is hidden (...)" in an
alert inside post-content. The title is div.topic-head > a.
"""

from __future__ import annotations

from .base import EngineTable, Fingerprint, has_class

FLASKBB = EngineTable(
    name="flaskbb",
    fingerprints=(
        Fingerprint("post-row-content", 2.0, xpath=f"//div[{has_class('post-row')}]//div[{has_class('post-content')}]"),
        Fingerprint("topic-panel", 1.0, xpath=f"//div[{has_class('topic-panel')}]"),
        Fingerprint("powered-by-flaskbb", 2.0, text=r"Powered by\s*(?:<[^>]*>\s*)?FlaskBB"),
    ),
    post=f"//div[{has_class('post-row')}][.//div[{has_class('post-content')}]]",
    body=f"(.//div[{has_class('post-content')}])[1]",
    author=f"(.//div[{has_class('author-name')}])[1]",
    date=f"(.//div[{has_class('post-meta')}]//a)[1]",
    floor=f"(.//div[{has_class('post-meta')}]//strong)[1]",
    title=f"//div[{has_class('topic-head')}]/a",
    quote=("./blockquote",),
    signature=(f".//div[{has_class('post-signature')}]",),
    drop=(f"./div[{has_class('alert')}]",),
    chrome_lines=(r"\(?Last modified: .{4,60} by \S{1,40}\)?",),
    notes="FlaskBB: div.post-row > div.post-box > div.post-content#pidN; div.post-signature.",
    extra={"rule_names": {f"./div[{has_class('alert')}]": "hidden-alert"}},
)

TABLES: tuple[EngineTable, ...] = (FLASKBB,)
