"""MyBB 1.8 engine table: div.post#post_N > div.post_content > div.post_body#pid_N.

Knowledge from the magic_html_forum theultimatetone.com pages (MyBB postbit_classic; read to learn
markup only) and MyBB's default templates (postbit, postbit_classic, mycode_quote) for quotes and
signatures, which those pages do not show.
"""

from __future__ import annotations

from .base import EngineTable, Fingerprint, has_class

MYBB = EngineTable(
    name="mybb",
    fingerprints=(
        Fingerprint("powered-by-mybb", 2.5, text=r"(?i)Powered By\s*(<[^>]*>\s*)?MyBB"),
        Fingerprint("post-body-pid", 2.5, xpath=f"//div[{has_class('post_body')} and starts-with(@id, 'pid_')]"),
        Fingerprint("mybb-link", 1.0, xpath="//a[contains(@href, 'mybb.com')]"),
        Fingerprint("thread-url", 0.5, url=r"showthread\.php\?tid=\d+|/thread-\d+"),
    ),
    post=f"//div[{has_class('post')} and starts-with(@id, 'post_')][.//div[{has_class('post_body')}]]",
    body=f"(.//div[{has_class('post_body')}])[1]",
    author=f".//div[{has_class('author_information')}]//a | .//div[{has_class('post_author')}]//strong//a",
    date=f".//span[{has_class('post_date')}]",
    floor=f".//div[{has_class('post_head')}]//a[starts-with(normalize-space(), '#')]",
    title=f"//td[{has_class('thead')}]//strong | //div[{has_class('navigation')}]/span[{has_class('active')}]",
    quote=(f".//blockquote[{has_class('mycode_quote')}]", "./blockquote[cite]"),
    signature=(f".//div[{has_class('signature')}]",),
    edit_notice=(f"ancestor::div[{has_class('post')}][1]//span[{has_class('post_edit')}]",),
    drop=(f"ancestor::div[{has_class('post')}][1]//fieldset[.//legend]",),
    chrome_lines=(
        r"^(?i:quote|reply|report|edit|delete|pm|find|website|email|www|multi-?quote|#\d+|quick edit|full edit)$",
        r"^(?i:.{1,60} wrote:)$",
        r"^(?i:\(this post was last modified:.{1,80}\))$",
    ),
    notes=(
        "MyBB 1.8: a#pidN + div.post#post_N > div.post_author (div.author_information) + "
        "div.post_content > div.post_head (span.post_date, '#N') + div.post_body#pid_N; quotes "
        "blockquote.mycode_quote > cite 'X Wrote:'; div.signature; span.post_edit '(This post was "
        "last modified: ...)'; footer 'Powered By MyBB'. Learned from magic_html_forum pages."
    ),
)

TABLES: tuple[EngineTable, ...] = (MYBB,)
