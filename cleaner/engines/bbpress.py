"""bbPress (the WordPress forum plugin) engine table.

Each post is div.type-topic / div.type-reply holding div.bbp-reply-author (span.bbp-author-name)
and div.bbp-reply-content; the date sits in the div.bbp-reply-header just before it
(span.bbp-reply-post-date) or, in some themes, in div.bbp-reply-date inside the post. The list
header li.bbp-header repeats the two column classes ("Author", "Posts") and is not a post.
Sharing widgets of WordPress plugins sit inside the reply content. Markup from bbPress's
templates (loop-single-reply.php) and real bbPress threads, read to learn markup only.
Themes that show the lead topic on its own (bbp_show_lead_topic: ul.bbp-lead-topic, the
single-topic-lead template) give the opening post div.bbp-topic-author + div.bbp-topic-content
and the replies the usual reply markup: both are posts, in page order.
"""

from __future__ import annotations

from .base import EngineTable, Fingerprint, has_class

BBPRESS = EngineTable(
    name="bbpress",
    fingerprints=(
        Fingerprint("bbp-replies-list", 2.0, xpath=f"//ul[{has_class('bbp-replies')}]"),
        Fingerprint("bbp-reply-content", 2.0, xpath=f"//div[{has_class('bbp-reply-content')}]"),
        Fingerprint("bbp-topic-content", 2.0, xpath=f"//div[{has_class('bbp-topic-content')}]"),
        Fingerprint("topic-url", 0.5, url=r"/(?:forums/)?topic/[^/]+/?"),
    ),
    post=(
        f"//*[(div[{has_class('bbp-reply-content')}] and div[{has_class('bbp-reply-author')}])"
        f" or (div[{has_class('bbp-topic-content')}] and div[{has_class('bbp-topic-author')}])]"
        f"[not(self::li)][not({has_class('bbp-header')} or {has_class('bbp-footer')})]"
    ),
    body=f"(./div[{has_class('bbp-reply-content')}] | ./div[{has_class('bbp-topic-content')}])[1]",
    author=f"(.//*[{has_class('bbp-author-name')}])[1]",
    date=(
        f"(preceding-sibling::*[1][{has_class('bbp-reply-header')}]//*[{has_class('bbp-reply-post-date')}]"
        f" | preceding-sibling::*[1][{has_class('bbp-topic-header')}]//*[{has_class('bbp-topic-post-date')}]"
        f" | .//*[{has_class('bbp-reply-date')}] | .//*[{has_class('bbp-reply-post-date')}])[1]"
    ),
    title=f"//h1[{has_class('entry-title')}] | //*[{has_class('bbp-topic-title')}] | //h1",
    quote=(f".//div[{has_class('bbp-quote')}]", f".//blockquote[{has_class('d4pbbc-quote')}]"),
    signature=(f".//div[{has_class('bbp-signature')}]", f".//div[{has_class('d4p-bbp-signature')}]"),
    edit_notice=(f".//ul[{has_class('bbp-reply-revision-log')}]", f".//ul[{has_class('bbp-topic-revision-log')}]"),
    drop=(
        f".//div[starts-with(@class, 'heateor_sss')]",
        f".//div[{has_class('sharedaddy')}]",
        f".//div[{has_class('bbp-attachments')}]",
        f".//div[{has_class('bbp-admin-links')}] | .//span[{has_class('bbp-admin-links')}]",
    ),
    chrome_lines=(r"^(?i:#\d+|reply|quote|edit|report|subscribe|favorite|mark as spam)$",),
    notes=(
        "bbPress 2.x: ul.bbp-replies > li > div.bbp-reply-header (span.bbp-reply-post-date, "
        "a.bbp-reply-permalink '#N') + div.type-reply > div.bbp-reply-author + div.bbp-reply-content."
    ),
)

TABLES: tuple[EngineTable, ...] = (BBPRESS,)
