"""Discourse engine tables: the server-rendered crawler view (what a scraper without
JavaScript gets, often inside <noscript>) and the Ember-rendered post stream (a browser save).

Knowledge from harvest_forum pages (forum.glamour.de, us.forums.blizzard.com: Discourse 2.5
crawler view, itemprop=articleBody) and the magic_html_forum forum.uipath.com page (Discourse 3.3,
rendered post stream; read to learn markup only). Newer crawler views use itemprop=text.
"""

from __future__ import annotations

from .base import EngineTable, Fingerprint, has_class

GENERATOR = Fingerprint("generator-meta", 4.0, generator=r"^Discourse")
URL = Fingerprint("topic-url", 0.5, url=r"/t/[^/]+/\d+")

QUOTE = (f".//aside[{has_class('quote')}]",)
DROP = (
    f".//aside[{has_class('onebox')}]",  # link preview fetched from the linked page, not the author's text
    f".//div[{has_class('lightbox-wrapper')}]//div[{has_class('meta')}]",  # "image1920×1080 123 KB"
)
CHROME_LINES = (
    r"^(?i:reply|share|flag|bookmark|copy link|quote|\d+ likes?|\d+ repl(y|ies)|#\d+|"
    r"read more|view \d+ hidden repl(y|ies)|show post in topic)$",
    r"^(?i:image\s?\d+\s?[×x]\s?\d+\s+[\d.,]+\s?[KMG]B)$",
)

CRAWLER = EngineTable(
    name="discourse",
    fingerprints=(
        GENERATOR,
        Fingerprint("crawler-post", 2.5, xpath=f"//div[{has_class('crawler-post')}]"),
        Fingerprint("discussion-forum-posting", 1.0, xpath="//*[@itemtype='http://schema.org/DiscussionForumPosting']"),
        URL,
    ),
    post=f"//div[{has_class('crawler-post')}]",
    body=f"(./div[{has_class('post')}] | .//div[@itemprop='text' or @itemprop='articleBody'])[1]",
    author=f".//*[{has_class('creator')}]//*[@itemprop='name'] | .//*[@itemprop='author']//*[@itemprop='name']",
    date=f".//time[{has_class('post-time')}] | .//time[@itemprop='datePublished']",
    floor=f".//*[{has_class('crawler-post-infos')}]/*[@itemprop='position']",
    title="//div[@id='main-outlet']//h1 | //h1",
    quote=QUOTE,
    drop=DROP,
    chrome_lines=CHROME_LINES,
    notes=(
        "Crawler view: div#main-outlet > div.topic-body.crawler-post (itemtype DiscussionForumPosting) "
        "> div.crawler-post-meta (span.creator, time.post-time, position #N) + div.post "
        "[itemprop=articleBody|text]; quotes aside.quote (div.title 'User:' + blockquote). "
        "Verified on harvest_forum glamour.de and blizzard pages (it sits inside <noscript>)."
    ),
)

RENDERED = EngineTable(
    name="discourse",
    fingerprints=(
        GENERATOR,
        Fingerprint("post-stream", 2.0, xpath=f"//div[{has_class('post-stream')}]//div[{has_class('cooked')}]"),
        URL,
    ),
    post=f"//div[{has_class('topic-post')}][.//div[{has_class('cooked')}]]",
    body=f"(.//div[{has_class('cooked')}])[1]",
    author=f".//*[{has_class('names')}]//*[{has_class('first')}]//a",
    date=f".//*[{has_class('post-date')}]//span[@title]",
    title=f"//*[{has_class('fancy-title')}] | //h1",
    quote=QUOTE,
    drop=DROP,
    chrome_lines=CHROME_LINES,
    notes=(
        "Ember post stream: div.post-stream > div.topic-post > article#post_N > div.topic-body > "
        "div.regular.contents > div.cooked. Learned from the magic_html_forum uipath page."
    ),
)

TABLES: tuple[EngineTable, ...] = (CRAWLER, RENDERED)
