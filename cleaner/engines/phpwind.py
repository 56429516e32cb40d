"""PHPWind engine tables: PHPWind 9 (div.editor_content) and PHPWind 8.x (div.tpc_content,
div.f14#read_N). From PHPWind's templates (read.htm); no real PHPWind page is in the shared data,
so these are checked against the composed pages in samples/pages/zh_forum only.
"""

from __future__ import annotations

from .base import EngineTable, Fingerprint, has_class

GENERATOR = Fingerprint("generator-meta", 3.0, generator=r"phpwind")
POWERED_BY = Fingerprint("powered-by-footer", 2.0, text=r"Powered by\s*phpwind")
THREAD_URL = Fingerprint("read-url", 1.0, url=r"read\.php\?tid[=-]|/read-htm-tid-\d+|thread\.php\?fid|/read/\d+")

CHROME_LINES = (
    r"\[?\s*此帖被\s*.{1,40}?\s*在\s*.{6,30}?\s*重新编辑\s*\]?",
)
# h6.quote: the header PHPWind's [quote] code puts before blockquote.blockquote ("Quote:", "引用")
QUOTE = (f".//div[{has_class('blockquote')}]", f".//div[{has_class('quote')}]", ".//blockquote",
         f".//h6[{has_class('quote')}]")
SIGNATURE = (f".//div[{has_class('signature')}]", f".//div[{has_class('sigline')}]", f".//div[{has_class('sign')}]")
EDIT_NOTICE = (f".//div[{has_class('tips')}]", f".//span[{has_class('edit_tip')}]")
DROP = (f".//div[{has_class('attachment')}]", f".//div[{has_class('attach')}]", f".//span[{has_class('attach_tip')}]")

PW9 = EngineTable(
    name="phpwind",
    fingerprints=(
        GENERATOR,
        POWERED_BY,
        THREAD_URL,
        Fingerprint("editor-content-markup", 2.0, xpath=f"//div[{has_class('editor_content')}]"),
    ),
    post=(
        f"//*[{has_class('floor')} or {has_class('read_t')} or {has_class('floor_table')}]"
        f"[.//div[{has_class('editor_content')}]]"
        f"[not(ancestor::*[{has_class('floor')} or {has_class('read_t')} or {has_class('floor_table')}])]"
        f" | //div[{has_class('editor_content')}][not(ancestor::*[{has_class('floor')} or {has_class('read_t')}"
        f" or {has_class('floor_table')}])]"
    ),
    body=f"(.//div[{has_class('editor_content')}] | self::div[{has_class('editor_content')}])[1]",
    author=f"(.//*[{has_class('name')}]//a | .//a[{has_class('J_user_card_show')}] | .//*[{has_class('author')}]//a)[1]",
    date=f"(.//*[{has_class('time')}] | .//span[@title][contains(@title, '-')])[1]",
    floor=f"(.//*[{has_class('floor_num')}] | .//*[{has_class('floor')}]//a[contains(., '楼') or contains(., '#')])[1]",
    title=f"//h1[@id='J_post_title'] | //*[{has_class('read_title')}]//h1 | //h1",
    quote=QUOTE,
    signature=SIGNATURE,
    edit_notice=EDIT_NOTICE,
    drop=DROP,
    chrome_lines=CHROME_LINES,
    notes="PHPWind 9: floors holding div.editor_content; from templates, checked on composed samples.",
)

PW8 = EngineTable(
    name="phpwind",
    fingerprints=(
        GENERATOR,
        POWERED_BY,
        THREAD_URL,
        Fingerprint("tpc-content-markup", 2.0, xpath=f"//div[{has_class('tpc_content')}]"),
        Fingerprint("read-tpc-markup", 2.0, xpath="//*[@id='read_tpc']"),
    ),
    post=(
        f"//*[self::table or self::div][.//div[{has_class('tpc_content')}]]"
        f"[not(.//*[self::table or self::div][.//div[{has_class('tpc_content')}]])]"
        f"/ancestor-or-self::*[self::table or self::div][{has_class('t5')} or {has_class('floot')}"
        f" or {has_class('read_t')}][1]"
    ),
    body=f"(.//*[@id='read_tpc'] | .//div[starts-with(@id, 'read_')][{has_class('f14')}] | .//div[{has_class('tpc_content')}])[1]",
    author=f"(.//*[{has_class('readName')}]//a | .//*[{has_class('r_one')}]//b | .//a[contains(@href, 'u.php?uid=')])[1]",
    date=f"(.//*[{has_class('tipTop')}]//span[@title] | .//*[{has_class('tipTop')}]//span[contains(., '发表于')])[1]",
    floor=f"(.//*[{has_class('tipTop')}]//a[{has_class('s2')}] | .//*[{has_class('fr')}]/a)[1]",
    title="//h1[@id='subject_tpc'] | //span[@id='subject_tpc'] | //h1",
    quote=QUOTE,
    signature=SIGNATURE,
    edit_notice=EDIT_NOTICE,
    drop=DROP,
    chrome_lines=CHROME_LINES,
    notes="PHPWind 8.x: div.t5 / table.floot posts, div.tpc_content > div.f14#read_tpc body.",
)

TABLES = (PW9, PW8)
