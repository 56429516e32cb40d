"""Simple Machines Forum engine tables: 2.0/2.1 (div.post_wrapper > div.post > div.inner) and
1.1 (table layout, td.windowbg > div.post).

Knowledge from the harvest_forum bpdfamily.com page (SMF 1.1 default theme) and SMF's default
theme templates (Display.template.php) for 2.0/2.1, for which no sample page exists here.
"""

from __future__ import annotations

from .base import EngineTable, Fingerprint, has_class

FOOTER = Fingerprint("powered-by-smf", 2.5, text=r"(?i)(Powered by\s*(<[^>]*>\s*)?SMF|Simple Machines(&reg;|®)?( Forum| LLC)?)")
FOOTER_HOVER = Fingerprint(
    "smf-footer-markup", 1.5, xpath="//*[contains(@onmouseover, 'smfFooterHighlight')] | //a[contains(@href, 'simplemachines.org')]"
)
URL = Fingerprint("topic-url", 0.5, url=r"index\.php\?topic=\d+|[?;&]topic=\d+")

QUOTE = (
    f".//div[{has_class('quoteheader')}]",
    f".//div[{has_class('quote')}]",
    f".//div[{has_class('quotefooter')}]",
    f".//blockquote[{has_class('bbc_standard_quote')} or {has_class('bbc_alternate_quote')}]",
)
CHROME_LINES = (
    r"^(?i:quote|reply|modify|remove|report to moderator|split topic|logged|ip logged|"
    r"quote selected|more|print|notify|mark unread|send this topic)$",
    r"^(?i:quote from: .{1,80})$",
    r"^(?i:«\s*(reply #\d+\s*)?on:.{1,60}»)$",
    r"^(?i:«\s*last edit:.{1,80}»)$",
)

SMF2 = EngineTable(
    name="smf",
    fingerprints=(
        FOOTER,
        FOOTER_HOVER,
        URL,
        Fingerprint("post-inner-msg", 2.0, xpath=f"//div[{has_class('post')}]/div[{has_class('inner')} and starts-with(@id, 'msg_')]"),
    ),
    post=f"//div[{has_class('post_wrapper')}][.//div[{has_class('inner')} and starts-with(@id, 'msg_')]]",
    body=f"(.//div[{has_class('post')}]/div[{has_class('inner')}])[1]",
    author=f".//div[{has_class('poster')}]//h4//a | .//div[{has_class('poster')}]//h4",
    date=f".//div[{has_class('keyinfo')}]//*[{has_class('smalltext')}] | .//div[{has_class('postinfo')}]//*[{has_class('smalltext')}]",
    title=f"//div[@id='forumposts']//h3[{has_class('catbg')}] | //*[@id='top_subject']",
    forum=f"//h1[{has_class('forumtitle')}]",
    quote=QUOTE,
    signature=(f".//div[{has_class('signature')}]",),
    edit_notice=(f"ancestor::div[{has_class('post_wrapper')}][1]//*[{has_class('modified')}]",),
    drop=(f"ancestor::div[{has_class('post_wrapper')}][1]//div[{has_class('attachments')}]",),
    chrome_lines=CHROME_LINES,
    notes=(
        "SMF 2.0/2.1 default theme (Display.template.php): div.windowbg > div.post_wrapper > "
        "div.postarea > div.post > div.inner#msg_N; poster h4 a; quotes div.quoteheader + "
        "blockquote.bbc_standard_quote (2.1: cite 'Quote from: X on ...'); div.signature; "
        "*.modified 'Last Edit'; div.attachments. No 2.x sample page: unverified on real pages."
    ),
)

SMF1 = EngineTable(
    name="smf",
    fingerprints=(
        FOOTER,
        FOOTER_HOVER,
        URL,
        Fingerprint("quickmod-form", 1.5, xpath="//form[@id='quickModForm']//div[starts-with(@id, 'subject_')]"),
    ),
    post=(
        f"//td[({has_class('windowbg')} or {has_class('windowbg2')} or {has_class('windowbg3')})]"
        f"[.//div[starts-with(@id, 'subject_')] and .//div[{has_class('post')}]]"
    ),
    body=f"(.//div[{has_class('post')}])[1]",
    author=".//td[@rowspan]/b/a | .//td[@rowspan]/b",
    date=f".//div[starts-with(@id, 'subject_')]/following-sibling::div[{has_class('smalltext')}]",
    title="//form[@id='quickModForm']//div[starts-with(@id, 'subject_')] | //title",
    quote=QUOTE,
    signature=(f".//div[{has_class('signature')}]",),
    edit_notice=(f"ancestor::td[1]//*[starts-with(@id, 'modified_')]",),
    chrome_lines=CHROME_LINES,
    notes=(
        "SMF 1.1 default theme: form#quickModForm > table > td.windowbg|windowbg2 per post; "
        "div#subject_N title, div.smalltext '« on: DATE »', div.post body, div.quoteheader + "
        "div.quote, div.signature, td#modified_N. Verified on harvest_forum bpdfamily.com."
    ),
)

TABLES: tuple[EngineTable, ...] = (SMF2, SMF1)
