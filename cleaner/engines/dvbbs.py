"""DVBBS (动网论坛) 7.x-8.x: the ASP forum of the 2000s, a table layout still served by many
Chinese school, county and trade sites.

dispbbs.asp renders every post as its own layout table (class tableborder1 / tablebody1 cells):
a user column (profile link to dispuser.asp, rank, post count), then the post cell whose body is
the element with id textstyle_N; the board announcement ("论坛公告", often in a marquee) and the
board/thread navigation sit in tables of their own above the first post. So a post is the
outermost table holding exactly one body: the page-wide layout table holds them all, the inner
formatting tables none or the same one. Quotes of UBB [quote] render as a table or div opening
with "以下是引用 X 在 T 的发言："; the edit notice is "[此贴子已经被作者于 T 编辑过]".
Learnt from DVBBS-derived templates read on public code search (textstyle_1 body, td.signed
signature cell, td.usermenu2 buttons) and the markup of rendered DVBBS 8 pages; the test page
in tests/engines is written for the project.
"""

from __future__ import annotations

from .base import EngineTable, Fingerprint, has_class

_BODY = "starts-with(@id, 'textstyle_')"
_ONE_BODY = f"count(.//*[{_BODY}]) = 1"
_QUOTE_OPENING = "starts-with(normalize-space(.), '以下是引用')"

DVBBS = EngineTable(
    name="dvbbs",
    fingerprints=(
        Fingerprint("textstyle-body", 1.5, xpath=f"//*[{_BODY}]"),
        Fingerprint("dispuser-link", 0.5, xpath="//a[contains(@href, 'dispuser.asp')]"),
        Fingerprint("dispbbs-url", 1.0, url=r"dispbbs\.asp\?(?:.*&)?(?:boardid|id|rootid)="),
        Fingerprint("powered-by-dvbbs", 2.0, text=r"Powered by\s*Dvbbs|Dvbbs\.net|动网先锋|動網先鋒"),
        Fingerprint("generator-meta", 3.0, generator=r"dvbbs"),
    ),
    post=f"//table[{_ONE_BODY}][not(ancestor::table[{_ONE_BODY}])]",
    body=f"(.//*[{_BODY}])[1]",
    author="(.//a[contains(@href, 'dispuser.asp')])[1]",
    date=".//*[contains(@title, '发表时间') or contains(@title, '發表時間')]/@title",
    quote=(
        f".//div[{has_class('quote')}]",
        f".//table[{_QUOTE_OPENING}][not(ancestor::table[{_QUOTE_OPENING}])]",
        ".//blockquote",
    ),
    signature=(f".//td[{has_class('signed')}]", f".//div[{has_class('signed')}]", f".//div[{has_class('signature')}]"),
    chrome_lines=(
        r"\[?此(?:贴|帖)子已经被.{1,40}?(?:于|在)\s*.{6,30}?\s*编辑过\]?",
        r"以下是引用\s*.{1,40}?\s*在\s*.{6,30}?\s*的发言[:：]?",
    ),
    notes=(
        "DVBBS 7/8 dispbbs.asp: one table.tableborder1 per post, body *[@id=textstyle_N], "
        "dispuser.asp author link, td.signed signature, '以下是引用 X 在 T 的发言' quotes."
    ),
)

TABLES: tuple[EngineTable, ...] = (DVBBS,)
