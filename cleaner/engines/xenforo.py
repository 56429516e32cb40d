"""XenForo engine tables: 1.x (li.message > blockquote.messageText) and 2.x
(article.message > article.message-body > div.bbWrapper).

Knowledge from harvest_forum pages: XF2 (statcounter, wordreference, macrumors, kiwifarms,
uhrforum, android-hilfe, computerbase) and XF1 (digitalfernsehen, sherdog, gtplanet, juraforum,
musiker-board). Quote headers ("X said:", "Zitat von X:") and the expand link ("Click to
expand...") sit inside the quote block, so they leave with it.
"""

from __future__ import annotations

from .base import EngineTable, Fingerprint, has_class

FOOTER = Fingerprint("forum-software-by-xenforo", 2.0, text=r"(?i)(Forum software by XenForo|XenForo(&reg;|®)? ?Ltd|Powered by XenForo)")
URL = Fingerprint("threads-url", 0.5, url=r"/threads/[^/]+\.\d+/?")

CHROME_LINES = (
    r"^(?i:reply|quote|report|share|bookmark|multi-?quote|\+ ?quote|#\d+|"
    r"reactions?:.{0,200}|click to expand\.{0,3}|click to shrink\.{0,3})$",
    r"^(?i:.{1,60} said:\s*(↑|\u2191)?)$",
    r"^(?i:last edited( by .{1,60})?:.{0,60})$",
    r"^(?i:klicke in dieses feld, um es in vollständiger größe anzuzeigen\.?|zum vergrößern anklicken\.{0,3})$",
    r"^(?i:zitat von .{1,60}:)$",
)

XF2 = EngineTable(
    name="xenforo",
    fingerprints=(
        Fingerprint("html-id-xf", 2.0, xpath="//html[@id='XF']"),
        Fingerprint("data-app-public", 1.5, xpath="//html[@data-app='public']"),
        Fingerprint("bbwrapper-in-message", 2.0, xpath=f"//article[{has_class('message')}]//div[{has_class('bbWrapper')}]"),
        FOOTER,
        URL,
    ),
    post=f"//article[{has_class('message')} and .//div[{has_class('bbWrapper')}]]",
    body=f"(.//article[{has_class('message-body')}]//div[{has_class('bbWrapper')}] | .//div[{has_class('bbWrapper')}])[1]",
    author=f".//h4[{has_class('message-name')}]//a[{has_class('username')}] | .//*[{has_class('message-name')}]//*[{has_class('username')}]",
    date=f".//*[{has_class('message-attribution-main')}]//time | .//header[{has_class('message-attribution')}]//time",
    floor=f".//*[{has_class('message-attribution-opposite')}]//a[starts-with(normalize-space(), '#')]",
    title=f"//div[{has_class('p-title')}]/h1 | //h1[{has_class('p-title-value')}]",
    forum=f"//div[{has_class('p-header-logo')}]//img/@alt",
    quote=(f".//blockquote[{has_class('bbCodeBlock--quote')}] | .//div[{has_class('bbCodeBlock--quote')}]",),
    signature=(f".//aside[{has_class('message-signature')}]",),
    edit_notice=(f"ancestor::article[{has_class('message')}][1]//div[{has_class('message-lastEdit')}]",),
    drop=(f"ancestor::article[{has_class('message')}][1]//section[{has_class('message-attachments')}]",),
    chrome_lines=CHROME_LINES,
    notes=(
        "XF 2.x: html#XF[data-app=public]; article.message > ... > article.message-body > "
        "div.bbWrapper; quotes blockquote/div.bbCodeBlock--quote with .bbCodeBlock-title 'X said:' "
        "and .bbCodeBlock-expandLink 'Click to expand...'; aside.message-signature; "
        "div.message-lastEdit; section.message-attachments. Verified on harvest_forum XF2 pages."
    ),
)

XF1 = EngineTable(
    name="xenforo",
    fingerprints=(
        Fingerprint("html-id-xenforo", 2.5, xpath="//html[@id='XenForo']"),
        Fingerprint("messagelist", 2.0, xpath=f"//ol[@id='messageList']/li[{has_class('message')}]"),
        FOOTER,
        URL,
    ),
    post=f"//li[{has_class('message')} and starts-with(@id, 'post-') and .//blockquote[{has_class('messageText')}]]",
    body=f"(.//blockquote[{has_class('messageText')}])[1]",
    author=f"./@data-author | .//*[{has_class('userText')}]//a[{has_class('username')}]",
    date=f".//*[{has_class('messageMeta')}]//*[{has_class('DateTime')}]",
    floor=f".//*[{has_class('messageMeta')}]//a[{has_class('postNumber')}]",
    title=f"//div[{has_class('titleBar')}]/h1",
    quote=(f".//div[{has_class('bbCodeQuote')}]",),
    signature=(f".//div[{has_class('signature')}]",),
    edit_notice=(f"ancestor::li[{has_class('message')}][1]//div[{has_class('editDate')}]",),
    drop=(f"ancestor::li[{has_class('message')}][1]//div[{has_class('attachedFiles')}]",),
    chrome_lines=CHROME_LINES,
    notes=(
        "XF 1.x: html#XenForo; ol#messageList > li#post-N.message[data-author] > div.messageInfo > "
        "div.messageContent > article > blockquote.messageText; quotes div.bbCodeQuote (div.attribution "
        "'X said:' / 'Zitat von X:', div.quoteExpand); div.signature; div.editDate. Verified on "
        "harvest_forum XF1 pages (digitalfernsehen, sherdog, gtplanet, juraforum, musiker-board)."
    ),
)

TABLES: tuple[EngineTable, ...] = (XF2, XF1)
