"""Build the Chinese sample sets under samples/: zh_forum, zh_text, nonforum_zh and samples/seed.

Deterministic (fixed seeds); the output is committed, so run it only to change the samples:

    python scripts/build_samples.py --shared /work/shared

* nonforum_zh: real news/blog pages copied byte for byte, their published gold as expected
  output, with the few gold fixes listed in GOLD_FIXES (each one is recorded in SOURCES.md).
* zh_forum real: the Chinese forum threads of the magic-html benchmark; expected output is cut
  from the published gold by line numbers (REAL_FORUM), dropping title/"[复制链接]" lines.
* zh_forum / zh_text composed: real article text (Chinese Wikipedia via CMRC 2018, news
  paragraphs) put into hand-written engine templates (scripts/sample_templates.py) with
  hand-written ads (samples/templates/page_spam_lines.txt), replies and signatures.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
from pathlib import Path

from sample_templates import (
    ATTACH, CONTENT, EDIT, HIDDEN_SPAM, QUOTE, RENDERERS, SIGN, SPAM, TEXT_RENDERERS,
    Line, PostSpec, ThreadSpec,
)

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = REPO / "samples" / "templates"
PAGES = REPO / "samples" / "pages"
WIKI_LICENCE = "CC BY-SA 4.0 (text from Chinese Wikipedia via ymcui/cmrc2018; attribution: Wikipedia contributors, article named in notes)"
NEWS_LICENCE = "news text © original site (taken from the gold of opendatalab/magic-html Apache-2.0 / Chinese-Web-Content-Extraction-Dataset MIT); test fixture only"
MAGIC_LICENCE = "Apache-2.0 (opendatalab/magic-html benchmark); page content © original site; test fixture only"
CWCED_LICENCE = "MIT (immortal-autumn/Chinese-Web-Content-Extraction-Dataset); page content © original site; test fixture only"

# ------------------------------------------------------------------ real pages (tables)

NONFORUM = [  # (subset, id, note)
    ("magic_html_article", "45fcfa7d6741f436", "people.com.cn health; stored UTF-8 but <meta> says gb2312 (meta lies)"),
    ("magic_html_article", "8f8e788c3abb7365", "ifeng commentary with credits lines"),
    ("magic_html_article", "d997d758e164d764", "39.net health news: disease words and a WeChat id as genuine content"),
    ("magic_html_article", "9c642bd57e7c44cd", "youth.cn; stored UTF-8, <meta> says gb2312"),
    ("magic_html_article", "2dd9425ba67be652", "southcn finance"),
    ("magic_html_article", "1e20e0271231de85", "people.com.cn; stored UTF-8, <meta> says gb2312"),
    ("magic_html_article", "5da9b27b0b9b53ae", "china.com.cn policy list"),
    ("magic_html_article", "0987b0ff61a8eca7", "39.net food tips with numbered headings; <meta> says gb2312"),
    ("magic_html_article", "acce09a6bb58986c", "gmw.cn Xinhua wire"),
    ("cwced", "c4d032a1-45cd-4c77-a84e-90e2f8895039", "Taiyuan evening news, headings"),
    ("cwced", "c2d9f85c-f454-4bd5-8f4e-986580c1113a", "163 entertainment, GBK bytes declared gb2312"),
    ("cwced", "b828b656-d89a-4f13-951f-4dab63df6351", "blog post, UTF-8 without any charset declaration"),
    ("cwced", "500b350d-d38d-4fb0-9e81-75e0c95e95a8", "local news with full-width indents"),
    ("cwced", "9b1e5dcb-3a68-408d-80c4-6878fade378b", "lecture transcript, GBK bytes declared gb2312"),
    ("cwced", "47f387e6-6467-41fd-a165-b13c1171c6e7", "health article about hair loss, GBK bytes declared gbk"),
]

# gold fixes: case id -> list of (old lines, new lines, why); applied to exact consecutive lines
GOLD_FIXES = {
    "5da9b27b0b9b53ae": [(
        ["为不断满足3岁以下婴幼儿家庭多样化照护服务需求，促进", "呼和浩特", "市婴幼儿照护服务健康发展，结合", "呼和浩特", "市实际，制定如下措施。"],
        ["为不断满足3岁以下婴幼儿家庭多样化照护服务需求，促进呼和浩特市婴幼儿照护服务健康发展，结合呼和浩特市实际，制定如下措施。"],
        "one paragraph was split into 5 lines at two inline links; rejoined as in the page",
    )],
    "acce09a6bb58986c": [(["[", "责编：张倩", "]"], ["责编：张倩"], "bracket characters of the editor line stood as lines of their own; dropped")],
    "47f387e6-6467-41fd-a165-b13c1171c6e7": [(
        ["脂溢性脱发：爱出油快秃顶？你知道什么该吃什么不该吃吗？"], [],
        "first gold line is the page title (metadata for us, like every other set); dropped",
    )],
}

REAL_FORUM = {  # id -> engine, first-post gold lines, thread gold lines (1-based, inclusive), dropped lines
    "eaddae4e0149832f": ("discuz", [3], (3, 4), {1: "thread title (metadata)", 2: "'[复制链接]' (chrome)"}),
    "6db2e2d672d8b4fe": ("tieba", [2], (2, 17), {1: "thread title (metadata)"}),
    "6897d6ef37e9d530": ("homeland", [3], (3, 15), {1: "node name 'Ruby' (breadcrumb chrome)", 2: "thread title (metadata)"}),
    "9864ca4dc1b29963": ("bbs-go", [2, 3], (2, 11), {1: "thread title (metadata)"}),
    "22b2f108fb7d9187": ("bbscloud", [2, 3, 4], (2, 9), {1: "thread title (metadata)"}),
}

# ------------------------------------------------------------------ composed pages (table)
# id, renderer, article kind, python codec, declared charset, HTTP headers, replies, features
COMPOSED = [
    ("dzx3_01", "discuz_x3", "news", "utf-8", "utf-8", None, 4, "top_ads:1 edit sign quote"),
    ("dzx3_02", "discuz_x3", "wiki", "gbk", "gb2312", None, 3, "top_ads:2 jammer_font gbk_char"),
    ("dzx3_03", "discuz_x3", "news", "gbk", "gbk", None, 5, "mid_ad jammer_span attach spam_reply"),
    ("dzx3_04", "discuz_x3", "trap", "utf-8", "utf-8", None, 3, "top_ads:1 hidden_links friend_links"),
    ("dzx3_05", "discuz_x3", "wiki", "gb18030", "gb18030", None, 2, "hidden_ad ad_sign quote"),
    ("dzx3_06", "discuz_x3", "news", "utf-8", None, None, 3, "top_ads:1 spam_reply"),
    ("dzx3_07", "discuz_x3", "news", "gbk", None, None, 4, "mid_ad edit quote gbk_char"),
    ("dzx3_08", "discuz_x3", "big5_news", "cp950", "big5", None, 2, "top_ads:1"),
    ("dzx3_09", "discuz_x3", "wiki", "gbk", "utf-8", None, 3, "top_ads:1 tail_ad"),
    ("dzx3_10", "discuz_x3", "trap", "utf-8", "gb2312", {"Content-Type": "text/html; charset=UTF-8"}, 3, "mid_ad sign"),
    ("dzx3_11", "discuz_x3", "wiki", "utf-8", "utf-8", None, 0, "top_ads:3 jammer_font"),
    ("dzx3_12", "discuz_x3", "news", "utf-8", "utf-8", None, 8, "quote sign spam_reply friend_links"),
    ("dzx3_13", "discuz_x3", "none", "utf-8", "utf-8", None, 2, "spam_page"),
    ("dzmob_01", "discuz_mobile", "news", "utf-8", "utf-8", None, 3, "top_ads:1"),
    ("dzmob_02", "discuz_mobile", "wiki", "gbk", "gbk", None, 2, "tail_ad jammer_span"),
    ("dzmob_03", "discuz_mobile", "trap", "utf-8", "utf-8", None, 4, "spam_reply hidden_links"),
    ("dz72_01", "discuz_72", "news", "gbk", "gb2312", None, 3, "top_ads:1 jammer_font sign"),
    ("dz72_02", "discuz_72", "wiki", "gbk", "gbk", None, 2, "mid_ad quote edit gbk_char"),
    ("dz72_03", "discuz_72", "big5_news", "cp950", "big5", None, 2, "tail_ad"),
    ("dz72_04", "discuz_72", "news", "utf-8", "utf-8", None, 4, "spam_reply friend_links"),
    ("pw9_01", "phpwind9", "news", "utf-8", "utf-8", None, 3, "top_ads:1 sign"),
    ("pw9_02", "phpwind9", "wiki", "gbk", "gbk", None, 3, "hidden_ad quote spam_reply"),
    ("pw9_03", "phpwind9", "trap", "utf-8", "utf-8", None, 2, "mid_ad edit hidden_links"),
    ("pw8_01", "phpwind8", "news", "gbk", "gbk", None, 3, "top_ads:2"),
    ("pw8_02", "phpwind8", "wiki", "utf-8", "utf-8", None, 2, "tail_ad quote"),
    ("pw8_03", "phpwind8", "news", "gb18030", None, None, 3, "mid_ad spam_reply"),
    ("tb_01", "tieba", "news", "utf-8", "utf-8", None, 5, "spam_reply"),
    ("tb_02", "tieba", "wiki", "utf-8", "utf-8", None, 4, "top_ads:1"),
    ("tb_03", "tieba", "trap", "utf-8", "utf-8", None, 6, "hidden_ad spam_reply"),
    ("tb_04", "tieba", "news", "gbk", "gbk", None, 3, "mid_ad"),
    # plain-text dumps (zh_text)
    ("txt_dz_01", "discuz_text", "news", "utf-8", None, None, 0, "top_ads:1"),
    ("txt_dz_02", "discuz_text", "wiki", "utf-8", None, None, 3, "top_ads:2 jammer_font sign quote"),
    ("txt_dz_03", "discuz_text", "trap", "gbk", None, None, 2, "mid_ad spam_reply friend_links"),
    ("txt_pw_01", "phpwind_text", "news", "utf-8", None, None, 3, "tail_ad quote"),
    ("txt_pw_02", "phpwind_text", "wiki", "utf-8-sig", None, None, 2, "top_ads:1 spam_reply"),
    ("txt_tb_01", "tieba_text", "news", "utf-8", None, None, 4, "mid_ad spam_reply"),
    ("txt_tb_02", "tieba_text", "wiki", "utf-8", None, None, 3, "top_ads:1"),
]

SITES = ["长岭县论坛", "江城生活网", "滨海社区", "老乡网", "书香论坛", "古城茶馆", "东山家园", "南湖社区论坛"]
BOARDS = ["百姓杂谈", "历史文化", "新闻速递", "休闲灌水", "本地资讯", "读书交流"]
AUTHORS = ["清风徐来", "老街坊", "zhangwei1988", "江南小雨", "路人甲", "bluesky_cn", "阿呆", "夜半听雨", "山水之间", "小白兔兔"]
GBK_ONLY_BYLINE = "（整理：王喆）"  # 喆 is in GBK but not in GB2312
TRAP_WORDS = re.compile(r"医院|患者|医生|疾病|治疗|病人|药品|门诊|病毒|疫苗")
URL_IN_TEXT = re.compile(r"https?://|www\.")


# ------------------------------------------------------------------ helpers


def read_sections(path: Path) -> dict[str, list[str]]:
    """A "[section]" file: comment lines start with #."""
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw.startswith("[") and raw.endswith("]"):
            current = raw[1:-1]
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(raw)
    return sections


def write_text(path: Path, lines: list[str]) -> None:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def gold_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def apply_fixes(case_id: str, lines: list[str]) -> list[str]:
    for old, new, _why in GOLD_FIXES.get(case_id, []):
        for i in range(len(lines) - len(old) + 1):
            if lines[i : i + len(old)] == old:
                lines = lines[:i] + new + lines[i + len(old) :]
                break
        else:
            raise SystemExit(f"gold fix for {case_id} did not apply: {old[0]!r}")
    return lines


def split_paragraphs(text: str, rng: random.Random) -> list[str]:
    """A long wiki passage becomes 2-4 paragraphs at sentence ends (text unchanged)."""
    sentences = re.findall(r"[^。！？]+[。！？]?", text)
    parts, buf = [], ""
    target = max(80, len(text) // rng.randint(2, 4))
    for s in sentences:
        buf += s
        if len(buf) >= target:
            parts.append(buf.strip())
            buf = ""
    if buf.strip():
        if parts and len(buf) < 30:
            parts[-1] += buf.strip()
        else:
            parts.append(buf.strip())
    return parts


class ArticlePool:
    """Real article text, handed out without repeats."""

    def __init__(self, shared: Path, exclude_pages: set[str]):
        arts = shared / "data" / "articles"
        self.wiki = [json.loads(x) for x in (arts / "cmrc2018_wiki_paragraphs.jsonl").read_text(encoding="utf-8").splitlines()]
        news_rows = [json.loads(x) for x in (arts / "news_paragraphs_from_gold_zh.jsonl").read_text(encoding="utf-8").splitlines()]
        pages: dict[str, list[dict]] = {}
        for row in news_rows:
            pages.setdefault(row["page"], []).append(row)
        self.news_pages = pages
        usable = [
            p for p, rows in pages.items()
            if p.rsplit("/", 1)[-1] not in exclude_pages and 4 <= len(rows) <= 20
            and sum(len(r["text"]) for r in rows) / len(rows) >= 45
        ]
        medical = sorted(p for p in usable if any(TRAP_WORDS.search(r["text"]) for r in pages[p]))
        with_url = sorted(
            p for p, rows in pages.items() if p.rsplit("/", 1)[-1] not in exclude_pages and len(rows) >= 4
            and any(URL_IN_TEXT.search(r["text"]) for r in rows) and p not in medical)
        self.trap = [p for pair in zip(medical, with_url) for p in pair] + medical[len(with_url):] + with_url[len(medical):]
        self.news = sorted(p for p in usable if p not in self.trap)
        self.wiki_order = [i for i, w in enumerate(self.wiki) if 350 <= len(w["text"]) <= 900]
        self.used: set = set()

    def _encodable(self, lines: list[str], codec: str) -> bool:
        try:
            for line in lines:
                line.encode("utf-8" if codec == "utf-8-sig" else codec)
            return True
        except UnicodeEncodeError:
            return False

    def take(self, kind: str, codec: str, rng: random.Random) -> tuple[list[str], dict]:
        if kind == "big5_news":
            return self._big5(rng)
        candidates = {"news": self.news, "trap": self.trap, "wiki": self.wiki_order}[kind]
        for key in candidates:
            if (kind, key) in self.used:
                continue
            if kind == "wiki":
                w = self.wiki[key]
                paras = split_paragraphs(w["text"], rng)
                source = {"article": f"articles/cmrc2018_wiki_paragraphs.jsonl#{w['id']}", "wiki_title": w["title"], "licence": WIKI_LICENCE}
            else:
                rows = self._trap_rows(key) if kind == "trap" else self.news_pages[key][:10]
                paras = [r["text"].strip() for r in rows]
                if kind == "trap" and rows[0]["url"]:
                    paras.append(f"来源：{rows[0]['url']}")
                source = {"article": f"articles/news_paragraphs_from_gold_zh.jsonl page={key} (first {len(rows)} paragraphs)", "news_url": rows[0]["url"], "licence": NEWS_LICENCE}
            if self._encodable(paras, codec):
                self.used.add((kind, key))
                return paras, source
        raise SystemExit(f"no {kind} article encodable in {codec}")

    def _trap_rows(self, key: str) -> list[dict]:
        """First paragraphs of the page plus up to two later ones that carry a URL, in page order."""
        rows = self.news_pages[key]
        with_url = [r for r in rows[8:] if URL_IN_TEXT.search(r["text"])][:2]
        return rows[:8] + with_url

    def _big5(self, rng: random.Random) -> tuple[list[str], dict]:
        """Traditional-Chinese news paragraphs that Big5 can encode (Yahoo HK wire stories)."""
        for key in ("nonforum_zh/magic_html_article/b5b26f9fb331612d", "nonforum_zh/magic_html_article/2681eeacec6ab049"):
            if ("big5", key) not in self.used:
                self.used.add(("big5", key))
                rows = self.news_pages[key]
                return [r["text"].strip() for r in rows], {"article": f"articles/news_paragraphs_from_gold_zh.jsonl page={key}", "news_url": rows[0]["url"], "licence": NEWS_LICENCE}
        raise SystemExit("out of Big5 articles")


def make_title(paras: list[str], source: dict) -> str:
    if "wiki_title" in source:
        return f"【资料】{source['wiki_title']}"
    head = re.split(r"[，。！？；：]", paras[0])[0]
    return head[:28]


# ------------------------------------------------------------------ composing a thread


def compose_thread(row: tuple, pool: ArticlePool, ads: dict, replies: dict, signs: list[str], n: int):
    """ThreadSpec plus the spam lines it holds and its provenance."""
    case_id, renderer, kind, codec, charset, headers, n_replies, features = row
    feats = set(features.split())
    rng = random.Random(1000 + n)
    ad_pool = [line for cat in sorted(ads) if cat not in ("link_farm", "friend_link") for line in ads[cat]]
    rng.shuffle(ad_pool)
    spam: list[str] = []

    def ad() -> str:
        line = ad_pool.pop()
        spam.append(line)
        return line

    if kind == "none":
        paras, source = [], {"article": "none: the whole thread is ads", "licence": "hand-written ads"}
        title = "诚信合作 长期有效 欢迎咨询"
    else:
        paras, source = pool.take(kind, codec, rng)
        title = make_title(paras, source)
    if "gbk_char" in feats:
        paras = paras + [GBK_ONLY_BYLINE]
    authors = rng.sample(AUTHORS, k=min(len(AUTHORS), n_replies + 1)) + AUTHORS * 2
    dates = [f"2023-{3 + n % 9}-{1 + (n * 3 + i) % 27} {8 + i}:{(7 * i + n) % 60:02d}" for i in range(n_replies + 1)]

    body = [Line(CONTENT, p) for p in paras]
    if "spam_page" in feats:
        body = [Line(SPAM, ad()) for _ in range(4)]
    top = int(next((f.split(":")[1] for f in feats if f.startswith("top_ads:")), 0))
    if "mid_ad" in feats:
        body.insert(max(1, len(body) // 2), Line(SPAM, ad()))
    if "hidden_ad" in feats:
        body.insert(max(1, len(body) // 2 + 1), Line(HIDDEN_SPAM, ad()))
    if "tail_ad" in feats:
        body.append(Line(SPAM, ad()))
    body = [Line(SPAM, ad()) for _ in range(top)] + body
    if "edit" in feats:
        body.insert(0, Line(EDIT, f"本帖最后由 {authors[0]} 于 {dates[0].split()[0]} 22:{n % 60:02d} 编辑"))
    if "attach" in feats:
        body.append(Line(ATTACH, f"IMG_2023041{n % 10}_0921.jpg"))
    if "sign" in feats:
        body.append(Line(SIGN, signs[n % 3]))
    if "ad_sign" in feats:
        sign_ad = [s for s in signs if s.startswith("ad:")][n % 2][3:]
        spam.append(sign_ad)
        body.append(Line(SIGN, sign_ad))
    posts = [PostSpec(authors[0], dates[0], body, spam_post="spam_page" in feats)]

    trad = codec == "cp950"  # Big5 pages get replies written in traditional characters
    short, long_ = replies["short_trad" if trad else "short"][:], replies["long_trad" if trad else "long"][:]
    rng.shuffle(short)
    rng.shuffle(long_)
    spam_slot = rng.randrange(1, n_replies + 1) if n_replies and ("spam_reply" in feats or "spam_page" in feats) else -1
    quote_slot = 2 if n_replies >= 2 else 1
    for i in range(1, n_replies + 1):
        if i == spam_slot or "spam_page" in feats:
            posts.append(PostSpec(authors[i], dates[i], [Line(SPAM, ad()) for _ in range(1 + i % 2)], spam_post=True))
            continue
        text = long_.pop() if (i % 3 == 0 and long_) else short.pop()
        lines = [Line(CONTENT, text)]
        post = PostSpec(authors[i], dates[i], lines)
        if "quote" in feats and i == quote_slot and paras:
            quoted = paras[0][:60] + ("..." if len(paras[0]) > 60 else "")
            post = PostSpec(authors[i], dates[i], [Line(QUOTE, quoted)] + lines, quote_author=authors[0], quote_date=dates[0])
        if "sign" in feats and i == 1:
            post.lines.append(Line(SIGN, signs[(n + 1) % 3]))
        posts.append(post)

    hidden = ads["link_farm"][n % 3 : n % 3 + 3] if "hidden_links" in feats else []
    friends = ads["friend_link"] if "friend_links" in feats else []
    spam += hidden + friends
    jammer = "font" if "jammer_font" in feats else "span" if "jammer_span" in feats else None
    spec = ThreadSpec(
        engine=renderer, title=title, site=SITES[n % len(SITES)], board=BOARDS[n % len(BOARDS)], tid=37000 + 131 * n,
        posts=posts, charset=charset, jammer=jammer, hidden_links=hidden, friend_links=friends, seed=n,
    )
    return spec, spam, source


def expected_of(spec: ThreadSpec, thread: bool) -> list[str]:
    posts = spec.posts if thread else spec.posts[:1]
    return [line.text for p in posts if not p.spam_post for line in p.lines if line.kind == CONTENT]


ENGINE_NAMES = {"discuz_x3": "discuz", "discuz_mobile": "discuz", "discuz_72": "discuz", "phpwind9": "phpwind",
                "phpwind8": "phpwind", "tieba": "tieba", "discuz_text": "discuz", "phpwind_text": "phpwind", "tieba_text": "tieba"}
URL_PATTERNS = {"discuz": "http://bbs.{slug}.cn/thread-{tid}-1-1.html", "phpwind": "http://www.{slug}.com/read.php?tid={tid}",
                "tieba": "https://tieba.baidu.com/p/{tid}"}


def build_composed(pool: ArticlePool, out_rows: list) -> None:
    ads = read_sections(TEMPLATES / "page_spam_lines.txt")
    replies = read_sections(TEMPLATES / "replies_zh.txt")
    signs = [s for s in (TEMPLATES / "signatures_zh.txt").read_text(encoding="utf-8").splitlines() if s and not s.startswith("#")]
    for n, row in enumerate(COMPOSED):
        case_id, renderer, kind, codec, charset, headers, n_replies, features = row
        spec, spam, source = compose_thread(row, pool, ads, replies, signs, n)
        is_text = renderer in TEXT_RENDERERS
        page = (TEXT_RENDERERS if is_text else RENDERERS)[renderer](spec)
        expected, thread = expected_of(spec, False), expected_of(spec, True)
        for line in expected + thread:
            line.encode("utf-8" if codec == "utf-8-sig" else codec)  # content must survive the page's encoding
        data = page.encode(codec, errors="replace" if is_text else "xmlcharrefreplace")  # only chrome can hit this
        folder = PAGES / ("zh_text" if is_text else "zh_forum")
        (folder / f"{case_id}{'.txt' if is_text else '.html'}").write_bytes(data)
        write_text(folder / f"{case_id}.expected.txt", expected)
        write_text(folder / f"{case_id}.thread.expected.txt", thread)
        write_text(folder / f"{case_id}.spam.txt", spam)
        engine = ENGINE_NAMES[renderer]
        slug = f"site{n:02d}"
        meta = {
            "engine": engine, "template": renderer, "format": "text" if is_text else "html",
            "url": URL_PATTERNS[engine].format(slug=slug, tid=spec.tid), "headers": headers or {},
            "encoding": codec, "declared_charset": charset, "source": source.pop("article"), "licence": source.pop("licence"),
            "title": spec.title, "features": features.split(), "composed": True,
            "notes": _notes(row, source),
        }
        (folder / f"{case_id}.meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        out_rows.append((folder.name, case_id, meta["source"], meta["licence"], meta["notes"]))


def _notes(row: tuple, source: dict) -> str:
    case_id, renderer, kind, codec, charset, headers, n_replies, features = row
    bits = [f"composed {renderer} page, {n_replies} replies, bytes {codec}"]
    bits.append("no charset declaration" if charset is None and renderer in RENDERERS else
                f"declares {charset}" if charset else "plain text dump")
    if charset and codec not in ("utf-8",) and charset.lower().replace("-", "") == "utf8" or (charset == "gb2312" and codec == "utf-8"):
        bits.append("the <meta> charset lies" + ("; the HTTP header is right" if headers else ""))
    if "wiki_title" in source:
        bits.append(f"article: Chinese Wikipedia '{source['wiki_title']}' (CC BY-SA 4.0), split into paragraphs at sentence ends")
    if "news_url" in source:
        bits.append(f"article from {source['news_url']}")
    if kind == "trap":
        bits.append("precision trap: genuine lines mention hospitals/patients/diseases and a source URL")
    if codec == "cp950":
        bits.append("chrome characters Big5 lacks are written as &#NNNN; references; article text is Big5-encodable")
    return "; ".join(bits)


# ------------------------------------------------------------------ real pages, seed, SOURCES.md


def page_index(shared: Path) -> dict[str, dict]:
    rows = [json.loads(x) for x in (shared / "data" / "forum_pages" / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    return {r["id"]: r for r in rows}


def build_nonforum(shared: Path, index: dict, out_rows: list, fixes_log: list) -> None:
    folder = PAGES / "nonforum_zh"
    for subset, case_id, note in NONFORUM:
        src = shared / "data" / "forum_pages" / "nonforum_zh" / subset
        shutil.copyfile(src / f"{case_id}.html", folder / f"{case_id}.html")
        lines = apply_fixes(case_id, gold_lines((src / f"{case_id}.gold.txt").read_text(encoding="utf-8")))
        write_text(folder / f"{case_id}.expected.txt", lines)
        fixes_log += [(case_id, why) for _old, _new, why in GOLD_FIXES.get(case_id, [])]
        row = index[case_id]
        licence = MAGIC_LICENCE if subset == "magic_html_article" else CWCED_LICENCE
        source = f"{'opendatalab/magic-html' if subset == 'magic_html_article' else 'immortal-autumn/Chinese-Web-Content-Extraction-Dataset'}:{row['src_path']}"
        meta = {"engine": "article", "url": row["url"] or None, "headers": {}, "source": source, "licence": licence, "notes": note}
        (folder / f"{case_id}.meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        out_rows.append(("nonforum_zh", case_id, source, licence, note))


def build_real_forum(shared: Path, index: dict, out_rows: list, fixes_log: list) -> None:
    folder = PAGES / "zh_forum"
    src = shared / "data" / "forum_pages" / "magic_html_forum"
    for case_id, (engine, first, (lo, hi), dropped) in REAL_FORUM.items():
        gold = [x for x in (src / f"{case_id}.gold.txt").read_text(encoding="utf-8").splitlines() if x.strip()]
        shutil.copyfile(src / f"{case_id}.html", folder / f"{case_id}.html")
        write_text(folder / f"{case_id}.expected.txt", [gold[i - 1].strip() for i in first])
        write_text(folder / f"{case_id}.thread.expected.txt", [gold[i - 1].strip() for i in range(lo, hi + 1)])
        row = index[case_id]
        note = "real thread; expected cut from the published whole-thread gold; dropped gold lines: " + "; ".join(
            f"{k} {gold[k - 1][:20]!r} = {why}" for k, why in dropped.items()
        )
        fixes_log += [(case_id, f"gold line {k} dropped: {why}") for k, why in dropped.items()]
        meta = {"engine": engine, "url": row["url"], "headers": {}, "source": f"opendatalab/magic-html:{row['src_path']}", "licence": MAGIC_LICENCE, "notes": note}
        (folder / f"{case_id}.meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        out_rows.append(("zh_forum", case_id, meta["source"], MAGIC_LICENCE, note))


def build_seed(shared: Path, out_rows: list) -> None:
    seed_dir = REPO / "samples" / "seed"
    for name in ("input.txt", "expected.txt", "spam.txt", "meta.json"):
        shutil.copyfile(shared / "seed" / name, seed_dir / name)
    text_dir = PAGES / "zh_text"
    shutil.copyfile(shared / "seed" / "input.txt", text_dir / "seed.txt")
    shutil.copyfile(shared / "seed" / "expected.txt", text_dir / "seed.expected.txt")
    shutil.copyfile(shared / "seed" / "spam.txt", text_dir / "seed.spam.txt")
    seed_meta = json.loads((shared / "seed" / "meta.json").read_text(encoding="utf-8"))
    meta = {"engine": seed_meta["engine"], "format": "text", "url": None, "headers": {}, "source": "project seed (samples/seed)",
            "licence": "project seed page (text © original site); test fixture", "notes": seed_meta["notes"]}
    (text_dir / "seed.meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    out_rows.append(("zh_text", "seed", "samples/seed/input.txt (the page the project started from)", meta["licence"], "identical copy of samples/seed"))


BEGIN, END = "<!-- BEGIN zh sets: generated by scripts/build_samples.py -->", "<!-- END zh sets -->"


def write_sources(rows: list, fixes_log: list) -> None:
    path = REPO / "samples" / "SOURCES.md"
    lines = [BEGIN, "", "| set | case | source | licence | notes |", "| --- | --- | --- | --- | --- |"]
    lines += [f"| {s} | {c} | {src} | {lic} | {note.replace('|', '/')} |" for s, c, src, lic, note in rows]
    lines += ["", "### Changes to published gold (all listed; none made to favour any cleaner)", ""]
    lines += [f"- `{case}`: {why}" for case, why in fixes_log]
    lines += ["", END]
    block = "\n".join(lines)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + block + text[text.index(END) + len(END) :]
    else:
        text = text + ("\n" if text else "") + block + "\n"
    path.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default="/work/shared", help="folder holding data/ and seed/")
    args = parser.parse_args()
    shared = Path(args.shared)
    for name in ("zh_forum", "zh_text", "nonforum_zh"):
        (PAGES / name).mkdir(parents=True, exist_ok=True)
    (REPO / "samples" / "seed").mkdir(parents=True, exist_ok=True)
    index = page_index(shared)
    rows: list = []
    fixes: list = []
    build_seed(shared, rows)
    build_nonforum(shared, index, rows, fixes)
    build_real_forum(shared, index, rows, fixes)
    pool = ArticlePool(shared, exclude_pages={case_id for _s, case_id, _n in NONFORUM})
    build_composed(pool, rows)
    write_sources(rows, fixes)
    counts = {name: len(list((PAGES / name).glob("*.expected.txt"))) - len(list((PAGES / name).glob("*.thread.expected.txt")))
              for name in ("zh_forum", "zh_text", "nonforum_zh")}
    print("cases:", counts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
