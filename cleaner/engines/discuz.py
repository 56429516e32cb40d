"""Discuz! engine tables: X2.5-X3.5 and 7.x desktop, the touch/mobile template, the Archiver.

Knowledge from the real Discuz! X3.3 thread in magic_html_forum (eaddae4e0149832f: div#postlist >
div#post_N > table#pidN, td.t_f#postmessage_N, div.authi, em#authorposton_N "发表于 ...",
a#postnumN "楼主"), the Discuz! Archiver page in nonforum_zh/cwced (77fa9435: div.simpletable >
div.subtable.altbg1 with date + author, div.t_msg body) and Discuz!'s templates
(viewthread_node.htm: i.pstatus edit notice, div.quote > blockquote, div.sign, ignore_js_op and
div.tattl attachments, dl.rate ratings, font.jammer anti-copy noise). Traditional-Chinese sites
run the same templates with 發表於 / 本帖最後由 ... 編輯.
"""

from __future__ import annotations

from .base import EngineTable, Fingerprint, has_class

GENERATOR = Fingerprint("generator-meta", 3.0, generator=r"Discuz!")
POWERED_BY = Fingerprint("powered-by-footer", 2.0, text=r"Powered by\s*Discuz!")
THREAD_URL = Fingerprint(
    "viewthread-url", 1.0, url=r"forum\.php\?mod=viewthread|/thread-\d+-\d+-\d+\.html|viewthread\.php\?tid="
)

CHROME_LINES = (
    r"\[?\s*本帖最[后後]由\s*.{1,60}?\s*[于於]\s*.{6,40}?\s*[编編][辑輯]\s*\]?",  # edit notice as text
    r"\[(?:复制链接|複製鏈接)\]",
    r".{1,120}\(\s*[\d.]+\s*(?:Bytes|[KMG]B?)\s*,\s*(?:下载次数|下載次數)\s*[:：]\s*\d+\s*\)",  # attachment
    r"(?:下载附件|下載附件|保存到相册|保存到相冊)(?:\s*(?:下载附件|保存到相册))*",
    r"\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}\s*(?:上传|上傳)",
    r"(?:提示|提示:)\s*[:：]?\s*(?:作者被禁止或删除|該帖被管理員或版主屏蔽)\s*(?:内容自动屏蔽)?",
    r"本帖子中包含更多资源",
    r"复制代码|複製代碼",  # the copy button under a code block (div.blockcode > em), as a line
    r"您需要\s*登录\s*才可以下载或查看.{0,40}",
)

DROP = (
    ".//ignore_js_op",
    f".//div[{has_class('tattl')}]",
    f".//dl[{has_class('tattl')}]",
    f".//div[{has_class('pattl')}]",
    ".//div[starts-with(@id, 'ratelog_')]",
    f".//dl[{has_class('rate')}]",
    f".//div[{has_class('locked')}]",
    f".//div[{has_class('attach_nopermission')}]",
    f".//span[{has_class('attach_popup')}]",
    f".//div[{has_class('t_attach')}]",
    f".//div[{has_class('blockcode')}]/em[contains(@onclick, 'copycode')]",
)
RULE_NAMES = {
    ".//ignore_js_op": "attachment",
    f".//div[{has_class('tattl')}]": "attachment",
    f".//dl[{has_class('tattl')}]": "attachment",
    f".//div[{has_class('pattl')}]": "attachment",
    ".//div[starts-with(@id, 'ratelog_')]": "rating",
    f".//dl[{has_class('rate')}]": "rating",
    f".//div[{has_class('locked')}]": "locked",
    f".//div[{has_class('attach_nopermission')}]": "attachment",
    f".//span[{has_class('attach_popup')}]": "attachment",
    f".//div[{has_class('t_attach')}]": "attachment",
    f".//div[{has_class('blockcode')}]/em[contains(@onclick, 'copycode')]": "copy-code",
}
QUOTE = (f".//div[{has_class('quote')}]",)
EDIT_NOTICE = (f".//i[{has_class('pstatus')}]", f".//span[{has_class('lastedit')}]")
NOISE = (f".//font[{has_class('jammer')}]", f".//span[{has_class('jammer')}]")
FLOOR_NUMBER = ".//a[starts-with(@id, 'postnum')]"

DESKTOP = EngineTable(
    name="discuz",
    fingerprints=(
        GENERATOR,
        POWERED_BY,
        THREAD_URL,
        Fingerprint("postlist-markup", 2.0, xpath="//div[@id='postlist']"),
        Fingerprint("postmessage-markup", 2.0, xpath="//*[starts-with(@id, 'postmessage_')]"),
    ),
    post=(
        "//div[@id='postlist']/div[starts-with(@id, 'post_')]"
        " | //table[starts-with(@id, 'pid')][not(ancestor::div[@id='postlist'])]"
    ),
    body=(
        "(.//*[starts-with(@id, 'postmessage_')]"
        f" | .//*[{has_class('t_msgfont')}] | .//div[{has_class('t_msgfontfix')}])[1]"
    ),
    author=(
        f"(.//div[{has_class('authi')}]/a[{has_class('xw1')}] | .//div[{has_class('authi')}]/a"
        f" | .//td[{has_class('postauthor')}]//div[{has_class('postinfo')}]/a)[1]"
    ),
    date=".//em[starts-with(@id, 'authorposton')]",
    floor=FLOOR_NUMBER,
    title="//span[@id='thread_subject'] | //a[@id='thread_subject'] | //div[@id='threadtitle']/h1 | //h1",
    forum="",
    quote=QUOTE,
    signature=(f".//div[{has_class('sign')}]", f".//div[{has_class('signatures')}]"),
    edit_notice=EDIT_NOTICE,
    drop=DROP,
    noise=NOISE,
    chrome_lines=CHROME_LINES,
    notes="Discuz! X2.5-X3.5 and 7.x desktop viewthread; verified on magic_html_forum eaddae4e0149832f (X3.3).",
    extra={"rule_names": RULE_NAMES},
)

MOBILE = EngineTable(
    name="discuz",
    fingerprints=(
        GENERATOR,
        POWERED_BY,
        THREAD_URL,
        Fingerprint("mobile-url", 1.0, url=r"mobile=(?:2|yes|touch)"),
        Fingerprint(
            "mobile-postlist",
            2.0,
            xpath=f"//div[{has_class('plc')}]//div[{has_class('message')}]",
        ),
    ),
    post=f"//div[{has_class('plc')}][.//div[{has_class('message')}]][not(ancestor::div[{has_class('plc')}])]",
    body=f"(.//div[{has_class('message')}])[1]",
    author=f"(.//ul[{has_class('authi')}]//b | .//ul[{has_class('authi')}]//a | .//div[{has_class('authi')}]//a)[1]",
    date=(
        f"(.//ul[{has_class('authi')}]/li[{has_class('rela')}] | .//li[{has_class('grey')}]/span[@title]"
        " | .//em[starts-with(@id, 'authorposton')])[1]"
    ),
    floor=f"(.//ul[{has_class('authi')}]//em | {FLOOR_NUMBER})[1]",
    title=f"//h2[{has_class('tit')}] | //div[{has_class('view_tit')}] | //span[@id='thread_subject']",
    quote=QUOTE,
    signature=(f".//div[{has_class('sign')}]",),
    edit_notice=EDIT_NOTICE,
    drop=DROP,
    noise=NOISE,
    chrome_lines=CHROME_LINES,
    notes="Discuz! X touch/mobile template: div.plc > div.display.pi > ul.authi + div.message.",
    extra={"rule_names": RULE_NAMES},
)

ARCHIVER = EngineTable(
    name="discuz",
    fingerprints=(
        Fingerprint("archiver-generator", 3.0, generator=r"Discuz! Archiver"),
        Fingerprint("archiver-title", 2.0, text=r"powered by Discuz! Archiver"),
        Fingerprint("archiver-markup", 2.0, xpath=f"//div[{has_class('simpletable')}]/div[{has_class('t_msg')}]"),
        Fingerprint("archiver-url", 1.0, url=r"/archiver/"),
    ),
    post=f"//div[{has_class('simpletable')}][div[{has_class('t_msg')}]]",
    body=f"./div[{has_class('t_msg')}]",
    author=f"./div[{has_class('altbg1')}]/b",
    date=f"./div[{has_class('altbg1')}]/span[{has_class('right')}]",
    title="",
    quote=QUOTE,
    chrome_lines=CHROME_LINES,
    notes="Discuz! 5-7 Archiver (?tid-N.html); verified on nonforum_zh/cwced 77fa9435.",
)

TABLES = (DESKTOP, MOBILE, ARCHIVER)
