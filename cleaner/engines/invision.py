"""Invision Community (IPS 4.x) engine table: article.ipsComment > div[data-role=commentContent].

Knowledge from harvest_forum pages (forum.utorrent.com, neowin.net) and the magic_html_forum
scienceforums.net / squarespace pages (read to learn markup only).
"""

from __future__ import annotations

from .base import EngineTable, Fingerprint, has_class

CHROME_LINES = (
    r"^(?i:quote|reply|report( post)?|share|multiquote|go to .{1,40}'s profile|link to (comment|post)|"
    r"share (this post|on other sites)|posted .{1,40}( ago)?|\d+ (reputation|reactions?)|expand)$",
    r"^(?i:.{1,60} said:)$",
    r"^(?i:edited .{1,60} by .{1,60})$",
)

IPS4 = EngineTable(
    name="invision",
    fingerprints=(
        Fingerprint("powered-by-invision", 2.5, text=r"(?i)Powered by\s*(<[^>]*>\s*)?Invision( Community| Power Board)?"),
        Fingerprint("ipscomment-article", 2.0, xpath=f"//article[{has_class('ipsComment')}]"),
        Fingerprint("comment-content-role", 2.0, xpath="//*[@data-role='commentContent']"),
        Fingerprint("ips-css-namespace", 0.5, xpath=f"//body[contains(@class, 'ipsApp')]"),
        Fingerprint("topic-url", 0.5, url=r"/topic/\d+-"),
    ),
    post=f"//article[({has_class('ipsComment')} or {has_class('cPost')}) and .//*[@data-role='commentContent']]",
    body="(.//*[@data-role='commentContent'])[1]",
    author=(
        f".//aside[{has_class('ipsComment_author')}]//*[{has_class('cAuthorPane_author')}]//a"
        f" | .//*[{has_class('cAuthorPane_author')}]//a"
    ),
    date=f".//*[{has_class('ipsComment_meta')}]//time",
    title=f"//h1[{has_class('ipsType_pageTitle')}]",
    quote=(f".//blockquote[{has_class('ipsQuote')}]",),
    signature=(".//*[@data-role='memberSignature']", f".//div[{has_class('cSignature')}]"),
    edit_notice=(".//*[@data-excludequote][contains(., 'Edited')]",),
    drop=(f".//div[{has_class('ipsEmbeddedOther')}]",),
    chrome_lines=CHROME_LINES,
    notes=(
        "IPS 4.x: article#elComment_N.cPost.ipsComment > div.ipsComment_content > div.cPost_contentWrap "
        "> div[data-role=commentContent].ipsType_richText; author aside.ipsComment_author h3 a; "
        "date div.ipsComment_meta time; quotes blockquote.ipsQuote (div.ipsQuote_citation 'X said:'); "
        "signature [data-role=memberSignature]; edit line [data-excludequote] 'Edited ... by X'. "
        "Verified on harvest_forum utorrent and neowin pages."
    ),
)

TABLES: tuple[EngineTable, ...] = (IPS4,)
