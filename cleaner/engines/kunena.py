"""Kunena (the Joomla! forum component) engine table: Kunena 5 and Kunena 6 templates.

Kunena 5: each post is table.kmsg (td.kmessage-left with the profile, span.kmsgdate,
div.kmsgbody > div.kmsgtext body, div.kmsgsignature). Kunena 6 (Bootstrap 5 template): each post
is div.row.message with the profile column and div.message-published > div.kmsg body,
span.kdate (absolute date in its title), div.ksig signature. A Kunena page says so in its body
class (com_kunena) or its kunena module classes. Markup from real Kunena 5/6 threads and
Kunena's templates, read to learn markup only.
"""

from __future__ import annotations

from .base import EngineTable, Fingerprint, has_class

KUNENA = EngineTable(
    name="kunena",
    fingerprints=(
        Fingerprint("com-kunena-body", 2.0, xpath=f"//body[{has_class('com_kunena')}]"),
        Fingerprint("kmsg-body", 2.0, xpath=f"//div[{has_class('kmsg')}]"),
        Fingerprint("kmsgtext-body", 2.0, xpath=f"//div[{has_class('kmsgtext')}]"),
        Fingerprint("powered-by-kunena", 1.5, text=r"Powered by\s*Kunena"),
    ),
    post=(
        f"//div[{has_class('message')}][.//div[{has_class('kmsg')}]][not(ancestor::div[{has_class('message')}])]"
        f" | //table[{has_class('kmsg')}][.//div[{has_class('kmsgtext')}]]"
    ),
    body=f"(.//div[{has_class('kmsgtext')}] | .//div[{has_class('kmsg')}])[1]",
    author=f"(.//li[{has_class('kpost-username')}] | .//a[{has_class('kwho-user')}])[1]",
    date=f"(.//span[{has_class('kdate')}] | .//span[{has_class('kmsgdate')}])[1]",
    floor=f"(.//a[starts-with(normalize-space(), '#')] | .//span[{has_class('kmsg-id-left')}])[1]",
    title=f"//h1 | //*[{has_class('ktopic-title')}]",
    signature=(
        f".//div[{has_class('ksig')}]",
        f".//span[{has_class('ksignature')}]",
        f".//div[{has_class('kmsgsignature')}]",
    ),
    edit_notice=(f".//div[{has_class('kmessage-editmarkup-cover')}]", f".//span[{has_class('kmessage-editmarkup')}]"),
    drop=(f".//div[{has_class('kmsgattach')}]", f".//div[{has_class('kmessage-thankyou')}]"),
    chrome_lines=(r"^(?i:reply|quote|thank you|edit|delete|report|#\d+)$",),
    notes="Kunena 5 (table.kmsg > div.kmsgtext) and 6 (div.row.message > div.kmsg); com_kunena body class.",
)

TABLES: tuple[EngineTable, ...] = (KUNENA,)
