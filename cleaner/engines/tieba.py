"""Baidu Tieba engine tables: the PC thread page (tieba.baidu.com/p/N) and the mobile page.

Knowledge from the real PC thread in magic_html_forum (6db2e2d672d8b4fe: div.l_post >
div.d_post_content#post_content_N, a.p_author_name, span.tail-info "1楼" / date,
h3.core_title_txt, a.card_title_fname; sub-replies li.lzl_single_post > div.lzl_cnt) and the mobile template (div.pb_content posts).
"""

from __future__ import annotations

from .base import EngineTable, Fingerprint, has_class

URL = Fingerprint("tieba-url", 3.0, url=r"tieba\.baidu\.com/(?:p/|mo/|f\?kz=)")
POWERED = Fingerprint("tieba-title", 1.0, text=r"_百度贴吧")

CHROME_LINES = (
    r"(?:来自|來自)\s*(?:Android|iPhone|iPad|掌上百度|手机贴吧|WindowsPhone|贴吧极速版).{0,8}客户端",
    r"该楼层疑似违规已被系统折叠.{0,12}",
    r"回复\s*\(?\d*\)?|收起回复|我也说一句|送TA礼物|举报|只看楼主|收藏",
)

PC = EngineTable(
    name="tieba",
    fingerprints=(
        URL,
        POWERED,
        Fingerprint("l-post-markup", 2.0, xpath=f"//div[{has_class('l_post')}]"),
        Fingerprint("post-content-markup", 2.0, xpath="//div[starts-with(@id, 'post_content_')]"),
    ),
    # A floor (div.l_post) and each sub-reply under it ("楼中楼", li.lzl_single_post: its own
    # post, "name: text" with the name and a span.lzl_time outside the body).
    post=f"//div[{has_class('l_post')}] | //li[{has_class('lzl_single_post')}]",
    body=(f"(.//div[starts-with(@id, 'post_content_')] | .//div[{has_class('d_post_content')}]"
          f" | ./div[{has_class('lzl_cnt')}]/span[{has_class('lzl_content_main')}])[1]"),
    author=(f"(.//a[{has_class('p_author_name')}] | .//li[{has_class('d_name')}]//a"
            f" | ./div[{has_class('lzl_cnt')}]/a[{has_class('j_user_card')}])[1]"),
    date=(f"(.//span[{has_class('tail-info')}][contains(., ':')]"
          f" | ./div[{has_class('lzl_cnt')}]//span[{has_class('lzl_time')}])[last()]"),
    floor=f"(.//span[{has_class('tail-info')}][contains(., '楼')])[1]",
    title=f"//h3[{has_class('core_title_txt')}]/@title | //h1[{has_class('core_title_txt')}]/@title",
    forum=f"//a[{has_class('card_title_fname')}]",
    quote=(),
    signature=(f".//div[{has_class('j_user_sign')}]", f".//img[{has_class('j_user_sign')}]/.."),
    drop=(f".//div[{has_class('post_bubble_top')}]", f".//div[{has_class('replace_div')}]"),
    chrome_lines=CHROME_LINES,
    notes="Tieba PC pb page; verified on magic_html_forum 6db2e2d672d8b4fe.",
)

MOBILE = EngineTable(
    name="tieba",
    fingerprints=(
        URL,
        POWERED,
        Fingerprint("mobile-pb-content", 2.0, xpath=f"//div[{has_class('pb_content')}]"),
    ),
    post=(
        f"//li[{has_class('post_list_item')}] | //div[{has_class('post_item')}]"
        f" | //div[{has_class('pb_content')}]/ancestor::*[self::li or self::div][1]"
    ),
    body=f"(.//div[{has_class('pb_content')}] | .//div[{has_class('content')}])[1]",
    author=f"(.//*[{has_class('user_name')}] | .//*[{has_class('username')}])[1]",
    date=f"(.//*[{has_class('list_item_time')}] | .//*[{has_class('time')}])[1]",
    floor=f"(.//*[{has_class('floor')}] | .//*[{has_class('list_item_floor')}])[1]",
    title=f"//*[{has_class('post_title_text')}] | //h1",
    chrome_lines=CHROME_LINES,
    notes="Tieba mobile pb page (m.tieba / wap): posts with div.pb_content bodies.",
)

TABLES = (PC, MOBILE)
