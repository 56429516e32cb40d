"""phpBB 3.x engine tables: prosilver (3.0-3.3, and prosilver-derived themes) and subsilver2.

Knowledge from the harvest_forum pages (videolan, openoffice, nationstates, airliners.net,
maladiesraresinfo, mein-schoener-garten, ebaumsworld: prosilver and custom themes) and from
phpBB's own template names (viewtopic_body.html) for subsilver2, which no sample page uses.
"""

from __future__ import annotations

from .base import EngineTable, Fingerprint, has_class

# A phpBB post container is id="p<digits>"; the theme decides the class, so match the id.
_POST_ID = "starts-with(@id, 'p') and string-length(@id) > 1 and translate(substring(@id, 2), '0123456789', '') = ''"

FINGERPRINTS = (
    Fingerprint("body-id-phpbb", 2.0, xpath="//body[@id='phpbb']"),
    Fingerprint("powered-by-phpbb", 2.0, text=r"Powered by\s*(<[^>]*>\s*)?phpBB"),
    # Detection sees parsed text only (comments and scripts are gone), so markup carries the rest.
    Fingerprint("prosilver-stylesheet", 1.0, xpath="//link[contains(@href, 'styles/prosilver')]"),
    Fingerprint("viewtopic-url", 0.5, url=r"viewtopic\.php"),
    Fingerprint("post-content-div", 1.5, xpath=f"//div[starts-with(@id, 'post_content')]"),
    Fingerprint("postprofile-dl", 1.0, xpath=f"//dl[{has_class('postprofile')}]"),
    Fingerprint("quote-reply-link", 0.5, xpath="//a[contains(@href, 'posting.php?mode=quote')]"),
)

# Whole-line patterns (anchored) for button and notice text that can sit inside a post body.
CHROME_LINES = (
    r"^(?i:quote|reply with quote|reply|top|back to top|report( this post)?|edit|delete|multi-?quote)$",
    r"^(?i:last edited by .{1,80}, edited \d+ times? in total\.?)$",
    r"^(?i:\S.{0,60} wrote:\s*↑?.{0,40})$",
)

PROSILVER = EngineTable(
    name="phpbb",
    fingerprints=FINGERPRINTS,
    post=(
        f"//div[({has_class('post')} or {_POST_ID}) and .//div[{has_class('content')}]"
        f" and .//div[{has_class('postbody')} or starts-with(@id, 'post_content')]]"
    ),
    body=f"(.//div[{has_class('content')}])[1]",
    author=(
        f".//dl[{has_class('postprofile')}]/dt//a[{has_class('username')} or {has_class('username-coloured')}]"
        f" | .//p[{has_class('author')}]//strong/a"
    ),
    date=(
        f".//p[{has_class('author')}]//time"
        f" | .//p[{has_class('author')}]/span[{has_class('timestamp')}]"
        f" | .//p[{has_class('author')}][not(.//time) and not(span[{has_class('timestamp')}])]/text()[normalize-space()][last()]"
    ),
    title=f"//h2[{has_class('topic-title')}] | //div[@id='page-body']/h2",
    forum=f"//div[{has_class('site-description')}]/h1",
    quote=("./descendant::blockquote[not(ancestor::blockquote)]",),
    signature=(f".//div[{has_class('signature')}]",),
    edit_notice=(f"../div[{has_class('notice')}]", f".//div[{has_class('notice')}]"),
    drop=(f".//dl[{has_class('attachbox')}]", f"../dl[{has_class('attachbox')}]"),
    chrome_lines=CHROME_LINES,
    notes=(
        "prosilver: div#pN.post > div.postbody > div.content; author in dl.postprofile / p.author; "
        "quotes blockquote>cite 'X wrote:'; div.notice 'Last edited by'; div.signature; dl.attachbox. "
        "Verified on harvest_forum phpBB pages (videolan, openoffice, nationstates, airliners, "
        "maladiesraresinfo, mein-schoener-garten, ebaumsworld custom theme with div#pN.clearfix)."
    ),
)

# subsilver2: each post is a table.tablebg whose message cell holds div.postbody; the
# signature is a later span/div.postbody starting with the "_________________" rule.
SUBSILVER2 = EngineTable(
    name="phpbb",
    fingerprints=FINGERPRINTS
    + (Fingerprint("subsilver-postauthor", 1.5, xpath=f"//b[{has_class('postauthor')}]"),),
    post=f"//table[{has_class('tablebg')} and .//div[{has_class('postbody')}] and .//b[{has_class('postauthor')}]]",
    body=f"(.//div[{has_class('postbody')}])[1]",
    author=f".//b[{has_class('postauthor')}]",
    date=f".//td[{has_class('gensmall')}]/div[contains(., ':')][last()]",
    title=f"//div[@id='pageheader']/h2",
    quote=(f".//div[{has_class('quotetitle')}]", f".//div[{has_class('quotecontent')}]"),
    signature=(f".//*[{has_class('postbody')}][starts-with(normalize-space(), '_____')]",),
    edit_notice=(f".//span[{has_class('gensmall')}][starts-with(normalize-space(), 'Last edited by')]",),
    drop=(f".//table[{has_class('tablebg')}][.//*[{has_class('attachheader')}]]",),
    chrome_lines=CHROME_LINES,
    notes=(
        "subsilver2 markup from phpBB 3.0 templates (viewtopic_body.html): table.tablebg per post, "
        "div.postbody message, b.postauthor, div.quotetitle/div.quotecontent. No sample page uses it: "
        "unverified on real pages."
    ),
)

TABLES: tuple[EngineTable, ...] = (PROSILVER, SUBSILVER2)
