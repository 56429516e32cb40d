"""Vanilla Forums (2.x/3.x, Higher Logic Vanilla) engine table.

Every post, the discussion and each comment, is an element holding div.Item-Header (author,
span.DateCreated > time) and div.Item-BodyWrap > div.Item-Body > div.Message.userContent.
Quotes are blockquote.Quote / blockquote.UserQuote (div.QuoteAuthor + div.QuoteText, or
div.blockquote-content in the rich editor), signatures div.UserSignature. Markup learned from
Vanilla's default theme and real Vanilla threads (community sites of software vendors, charities
and consumer forums), read to learn markup only.
"""

from __future__ import annotations

from .base import EngineTable, Fingerprint, has_class

VANILLA = EngineTable(
    name="vanilla",
    fingerprints=(
        Fingerprint("generator-meta", 3.0, generator=r"Vanilla"),
        Fingerprint("powered-by-vanilla", 2.0, text=r"Powered by\s*Vanilla"),
        Fingerprint(
            "item-bodywrap-message",
            2.0,
            xpath=f"//div[{has_class('Item-BodyWrap')}]//div[{has_class('Message')} and {has_class('userContent')}]",
        ),
        Fingerprint("comment-list", 1.0, xpath=f"//ul[{has_class('MessageList')}]/li[{has_class('ItemComment')}]"),
        Fingerprint("discussion-url", 0.5, url=r"/discussion/\d+"),
    ),
    post=f"//*[div[{has_class('Item-BodyWrap')}]][.//div[{has_class('Message')}]]",
    body=f"(.//div[{has_class('Item-Body')}]//div[{has_class('Message')}])[1]",
    author=f"(.//*[{has_class('Item-Header')}]//a[{has_class('Username')}] | .//*[{has_class('Author')}]//a[{has_class('Username')}])[1]",
    date=f"(.//*[{has_class('DateCreated')}]//time | .//*[{has_class('DateCreated')}])[1]",
    title=f"//div[{has_class('PageTitle')}]//h1 | //h1",
    quote=(
        f".//blockquote[{has_class('Quote')} or {has_class('UserQuote')}]",
        f".//div[{has_class('Quote')}]",
        # rich editor: a quoted comment is an embed whose generated class ends in "-quoteEmbed"
        f".//div[{has_class('embedExternal')}][contains(@class, '-quoteEmbed')]",
    ),
    signature=(f".//div[{has_class('UserSignature')}]", f".//div[{has_class('Signature')}]"),
    drop=(f".//div[{has_class('Reactions')}]", f".//div[{has_class('Attachments')}]"),
    chrome_lines=(
        r"^(?i:quote|reply|flag|share|report|edit|delete|options|accepted answer|answer ✓|\d+ (?:like|insightful|awesome|agree)s?)$",
        r"^(?i:.{1,60} (?:said|wrote):)$",
    ),
    notes=(
        "Vanilla 2.x/3.x: div.Discussion / li.ItemComment > div.Item-Header (a.Username, "
        "span.DateCreated time) + div.Item-BodyWrap > div.Item-Body > div.Message.userContent; "
        "blockquote.Quote.UserQuote; div.UserSignature; ul.MessageList.Comments."
    ),
)

TABLES: tuple[EngineTable, ...] = (VANILLA,)
