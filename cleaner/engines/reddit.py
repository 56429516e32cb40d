"""Reddit thread pages, in the three markups a crawl meets.

* old.reddit.com (and the "old" layout served to crawlers): every post and comment is a
  div.thing with data-fullname t3_… (the post) or t1_… (a comment); its text is
  div.entry > form.usertext > div.usertext-body > div.md. Comments nest: a reply's div.thing
  sits in div.child of its parent, outside the parent's div.entry, so each thing's body is read
  under its own div.entry only. Author p.tagline a.author, date time[datetime].
* shreddit (www.reddit.com since 2023): custom elements shreddit-post (text in
  div[slot=text-body]) and shreddit-comment (text in its own div[slot=comment]); replies are
  nested shreddit-comment children; author and date are attributes.
* the 2018-2022 redesign: div[data-test-id=post-content] with div[data-click-id=text], comments
  div#t1_… holding div[data-testid=comment].
Removed comments show "[deleted]" / "[removed]" (rules/vocab.py DELETED_PLACEHOLDERS). Markup
learnt from Reddit's public page source as read in userscripts and clones on code search.
"""

from __future__ import annotations

from .base import EngineTable, Fingerprint, has_class

_THING = f"{has_class('thing')} and (starts-with(@data-fullname, 't3_') or starts-with(@data-fullname, 't1_'))"
_URL = Fingerprint("comments-url", 1.0, url=r"reddit\.com/r/[^/]+/comments/")
_CHROME = (
    r"(?i:permalink|embed|save|report|reply|give award|share|context|full comments(?: \(\d+\))?|"
    r"level \d+|\d+ (?:points?|comments?|children)|\[[–+-]\]|more replies|continue this thread)",
)

OLD_REDDIT = EngineTable(
    name="reddit",
    fingerprints=(
        Fingerprint("thing-markup", 2.5, xpath=f"//div[{_THING}]"),
        Fingerprint("usertext-body", 0.5, xpath=f"//div[{has_class('usertext-body')}]"),
        _URL,
    ),
    post=f"//div[{_THING}]",
    body=f"(./div[{has_class('entry')}]//div[{has_class('usertext-body')}]//div[{has_class('md')}])[1]",
    author=f"(./@data-author | ./div[{has_class('entry')}]//a[{has_class('author')}])[1]",
    date=f"(./div[{has_class('entry')}]//time/@datetime)[1]",
    title=f"//div[{has_class('thing')} and starts-with(@data-fullname, 't3_')]//a[{has_class('title')}]",
    quote=("./blockquote",),
    chrome_lines=_CHROME,
    notes="old reddit: div.thing[data-fullname=t3_/t1_] > div.entry > form.usertext > div.usertext-body > div.md",
)

SHREDDIT = EngineTable(
    name="reddit",
    fingerprints=(
        Fingerprint("shreddit-post", 2.5, xpath="//shreddit-post"),
        Fingerprint("shreddit-comment", 1.0, xpath="//shreddit-comment"),
        _URL,
    ),
    post="//shreddit-post | //shreddit-comment",
    body="(./div[@slot='comment'] | .//div[@slot='text-body'])[1]",
    author="./@author",
    date="(./@created-timestamp | .//faceplate-timeago/@ts)[1]",
    title="(//shreddit-post/@post-title | //h1[@slot='title'])[1]",
    quote=(".//blockquote",),
    chrome_lines=_CHROME,
    notes="shreddit: shreddit-post div[slot=text-body]; shreddit-comment div[slot=comment] (nested replies)",
)

REDESIGN = EngineTable(
    name="reddit",
    fingerprints=(
        Fingerprint("post-content-test-id", 2.0, xpath="//div[@data-test-id='post-content']"),
        Fingerprint("comment-test-id", 1.0, xpath="//div[@data-testid='comment']"),
        _URL,
    ),
    post="//div[@data-test-id='post-content'] | //div[starts-with(@id, 't1_')][.//div[@data-testid='comment']]",
    body="(.//div[@data-click-id='text'] | .//div[@data-testid='comment'])[1]",
    author="(.//a[contains(@href, '/user/')])[1]",
    date="(.//a[@data-click-id='timestamp'] | .//a[contains(@id, 'CommentTopMeta--Created')])[1]",
    title="(//div[@data-test-id='post-content']//h1)[1]",
    quote=(".//blockquote",),
    chrome_lines=_CHROME,
    notes="2018-2022 redesign: div[data-test-id=post-content] / div#t1_… > div[data-testid=comment]",
)

TABLES: tuple[EngineTable, ...] = (OLD_REDDIT, SHREDDIT, REDESIGN)
