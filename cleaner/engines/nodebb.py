"""NodeBB engine table: li[component=post] > div[component=post/content] (Persona and Harmony
themes render posts server-side, so a plain fetch holds the text).

No NodeBB page is among the sample sources: the markup comes from NodeBB's theme templates
(topic.tpl / partials/topic/post.tpl, whose `component` attributes are a stable API that
client scripts rely on). Unverified on a real page.
"""

from __future__ import annotations

from .base import EngineTable, Fingerprint

NODEBB = EngineTable(
    name="nodebb",
    fingerprints=(
        Fingerprint("post-content-component", 3.0, xpath="//*[@component='post']//*[@component='post/content']"),
        Fingerprint("powered-by-nodebb", 2.0, text=r"(?i)Powered by\s*(<[^>]*>\s*)?NodeBB"),
        Fingerprint("topic-component", 1.0, xpath="//*[@component='topic']"),
        Fingerprint("topic-url", 0.5, url=r"/topic/\d+/"),
    ),
    post="//*[@component='post'][.//*[@component='post/content']]",
    body="(.//*[@component='post/content'])[1]",
    author=".//*[@itemprop='author'] | .//a[@data-username]",
    date=".//*[@component='post/header']//*[@title][contains(@class, 'timeago')] | .//span[contains(@class, 'timeago')]",
    title="//*[@component='post/header']//*[@component='topic/title'] | //h1[@component='post/header'] | //h1",
    quote=("./blockquote",),
    signature=(".//*[@component='post/signature']",),
    edit_notice=("ancestor::*[@component='post'][1]//*[@component='post/editor']",),
    chrome_lines=(
        r"^(?i:quote|reply|share|bookmark|upvote|downvote|vote|\d+ (votes?|repl(y|ies))|"
        r"reply as topic|posted in .{1,60}|last edited by .{1,80})$",
        r"^(?i:@?\S{1,40} said(?: in .{1,80})?:)$",
    ),
    notes=(
        "NodeBB (Persona/Harmony): ul[component=topic] > li[component=post][data-pid][data-index] "
        "> [component=post/content][itemprop=text]; [component=post/signature]; "
        "[component=post/editor] 'last edited by'; quotes are plain blockquotes beginning with "
        "'@user said in ...:'. From theme templates, not verified on a real page."
    ),
)

TABLES: tuple[EngineTable, ...] = (NODEBB,)
