"""vBulletin engine tables: 3.x (table layout), 4.x (li.postcontainer) and 5.x (li.b-post).

Knowledge from harvest_forum pages (skyscraperpage: vB 3.8.7; msworld, worldofplayers: 4.2.2;
drwindows: 4.2.5; futura-sciences: 4.x) and the vB 5.6.3 page in magic_html_forum (read to learn
markup only). The quote block is the same "bbcode_container" in 4 and 5.
"""

from __future__ import annotations

from .base import EngineTable, Fingerprint, has_class

GENERATOR = Fingerprint("generator-meta", 4.0, generator=r"(?i)vBulletin")
FOOTER = Fingerprint("powered-by-vbulletin", 2.0, text=r"(?i)Powered by\s*(<[^>]*>\s*)?vBulletin")
HTML_ID = Fingerprint("html-id-vbulletin", 2.0, xpath="//html[@id='vbulletin_html']")
SHOWTHREAD_URL = Fingerprint("showthread-url", 0.5, url=r"showthread\.php|/forum/.+/\d+-")

# vB 4/5 quote: div.bbcode_container > div.bbcode_quote (> div.bbcode_postedby + div.message).
BBCODE_QUOTE = f".//div[{has_class('bbcode_container')}][.//div[{has_class('bbcode_quote')}]]"

CHROME_LINES = (
    r"^(?i:quote|reply|reply with quote|multi-?quote( this message)?|report( post)?|top|"
    r"share|tweet|view post|edit|delete|permalink|#\d+)$",
    r"^(?i:originally posted by\s+\S.{0,60})$",
    r"^(?i:last edited by .{1,80};? .{0,40}(at .{0,20})?\.?)$",
    r"^(?i:tags:\s*none)$",
)

V3 = EngineTable(
    name="vbulletin",
    fingerprints=(
        GENERATOR,
        FOOTER,
        SHOWTHREAD_URL,
        Fingerprint("v3-post-table", 2.0, xpath="//table[starts-with(@id, 'post')]//div[starts-with(@id, 'post_message_')]"),
    ),
    post="//table[starts-with(@id, 'post') and .//div[starts-with(@id, 'post_message_')]]",
    body=".//div[starts-with(@id, 'post_message_')]",
    author=f".//a[{has_class('bigusername')}] | .//div[starts-with(@id, 'postmenu_')]/a",
    date=f".//td[{has_class('thead')}]/div[{has_class('normal')}][not(@style)]",
    floor=".//a[starts-with(@id, 'postcount')]",
    title=f"//td[{has_class('navbar')}]/strong | //h1",
    # vB 3 quote: an unclassed div holding div.smallfont "Quote:" and a table cell with an inset border.
    quote=(
        f".//div[div[{has_class('smallfont')}] and table//td[contains(@style, 'inset')]]",
        BBCODE_QUOTE,
    ),
    signature=(
        ".//td[starts-with(@id, 'td_post_')]/div[starts-with(normalize-space(), '______')]",
        f".//div[{has_class('signature')}]",
    ),
    edit_notice=(
        f"../../div[{has_class('smallfont')}][.//em][contains(., 'Last edited by') or contains(., 'Zuletzt')]",
    ),
    chrome_lines=CHROME_LINES,
    notes=(
        "vB 3.8 default skin: table#postN.tborder > td#td_post_N > div#post_message_N; "
        "a.bigusername; a#postcountN floor; quotes are unclassed div>div.smallfont 'Quote:' + "
        "td[style*=inset]; signature div after '__________'. Verified on skyscraperpage.com pages."
    ),
)

V4 = EngineTable(
    name="vbulletin",
    fingerprints=(
        GENERATOR,
        FOOTER,
        HTML_ID,
        SHOWTHREAD_URL,
        Fingerprint("v4-postcontainer", 2.0, xpath=f"//li[{has_class('postcontainer')}]//blockquote[{has_class('postcontent')}]"),
    ),
    post=f"//li[({has_class('postcontainer')} or starts-with(@id, 'post_')) and .//div[starts-with(@id, 'post_message_')]]",
    body=f"(.//div[starts-with(@id, 'post_message_')]/blockquote[{has_class('postcontent')}] | .//div[starts-with(@id, 'post_message_')][not(blockquote[{has_class('postcontent')}])])[1]",
    author=f"(.//*[{has_class('username_container')}]//*[{has_class('username')}])[1]",
    date=f".//span[{has_class('date')}]",
    floor=f".//a[{has_class('postcounter')}] | .//span[{has_class('nodecontrols')}]",
    title=f"//span[{has_class('threadtitle')}] | //div[@id='pagetitle']//a",
    quote=(BBCODE_QUOTE,),
    signature=(
        f".//blockquote[{has_class('signature')}]",
        f".//div[{has_class('signaturecontainer')}]",
    ),
    edit_notice=(f"ancestor::li[1]//blockquote[{has_class('lastedited')}]",),
    drop=(f".//div[{has_class('attachments')}]",),
    chrome_lines=CHROME_LINES,
    notes=(
        "vB 4.x default skin: ol#posts > li#post_N.postcontainer > div.postbody > div.postrow > "
        "div.content > div#post_message_N > blockquote.postcontent; quotes div.bbcode_container; "
        "signature blockquote.signature > div.signaturecontainer; blockquote.lastedited. Verified on "
        "msworld (4.2.2), worldofplayers (4.2.2), drwindows (4.2.5), futura-sciences."
    ),
)

V5 = EngineTable(
    name="vbulletin",
    fingerprints=(
        GENERATOR,
        FOOTER,
        Fingerprint("v5-b-post", 2.0, xpath=f"//li[{has_class('b-post')}]//div[{has_class('js-post__content-text')}]"),
    ),
    post=f"//li[{has_class('b-post')} and .//div[{has_class('js-post__content-text')}]]",
    body=f"(.//div[{has_class('js-post__content-text')}])[1]",
    author=f".//div[{has_class('author')}]//a | .//*[@itemprop='author']//*[@itemprop='name']",
    date=f".//div[{has_class('b-post__timestamp')}]/time | .//time[@itemprop='dateCreated']",
    floor=f".//a[{has_class('b-post__count')}]",
    title=f"//h1[{has_class('main-title')}] | //h2[{has_class('b-post__title')}]",
    quote=(BBCODE_QUOTE,),
    signature=(f".//div[{has_class('js-post__signature')}]", f".//div[{has_class('b-post__signature')}]"),
    edit_notice=(f"../..//div[{has_class('b-post__edit__info')}]", f".//div[{has_class('b-post__edit__info')}]"),
    drop=(f".//div[{has_class('axd')}]",),
    chrome_lines=CHROME_LINES,
    notes=(
        "vB 5.x: li.b-post > div.b-post__body > div.js-post__content-text[itemprop=text]; "
        "a.b-post__count '#1'; time[itemprop=dateCreated]; generator meta 'vBulletin 5.x'. Learned "
        "from the magic_html_forum worldaffairsboard page (vB 5.6.3, not copied into samples)."
    ),
)

TABLES: tuple[EngineTable, ...] = (V5, V4, V3)
