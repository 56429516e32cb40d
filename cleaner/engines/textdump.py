"""What plain-text dumps of rendered forum pages look like, as data: the lines that start
a post (floor markers), the title line, and phrases that tell which engine rendered it."""

from __future__ import annotations

# A line that starts a new post: "1#", "#2", "3楼", "第4楼", "楼主", "沙发", "板凳", "地板",
# optionally followed by the author/date chrome on the same line.
FLOOR_LINE = (
    r"(?:(?P<hash>\d{1,5})\s*#|#\s*(?P<hash2>\d{1,5})|(?P<lou>\d{1,5})\s*楼|第\s*(?P<di>\d{1,5})\s*楼"
    r"|(?P<word>楼主|沙发|板凳|地板|地下室))"
    r"(?P<posted>\s+.{0,80}?(?:发表于|發表於|发布于|\d{4}-\d{1,2}-\d{1,2}).{0,60})?"
)
FLOOR_WORDS = {"楼主": 1, "沙发": 2, "板凳": 3, "地板": 4, "地下室": 5}

# "Thread title [复制链接]", or the last step of a breadcrumb: the title is metadata.
TITLE_LINES = (
    r"(?P<title>.{1,200}?)\s*\[\s*复制链接\s*\]",
    r"(?:首页|论坛|首頁|論壇|Home|Forum)\s*[>›»].{0,120}[>›»]\s*(?P<title>[^>›»]{2,100})",
)

# Where a floor line carries the post date ("楼主 发布于：2023-9-19 8:33 只看该作者"), the line
# above it is the author's name: short, and no sentence.
AUTHOR_MAX_CHARS = 20
SENTENCE_PUNCTUATION = r"[。，！？；,!?;]"

# Tieba-style dumps put the floor at the END of a post: "来自Android客户端3楼2023-11-27 10:49".
TAIL_FLOOR_LINE = (
    r"(?:来自.{1,20}?客户端\s*)?(?P<floor>\d{1,5})\s*楼\s*"
    r"(?P<date>\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)"
)
# ... and OPEN each post with an author card: name, level title, level number.
LEVEL_TITLE_LINE = (
    r"(?:初级|中级|高级)粉丝|正式会员|核心会员|铁杆会员|知名人士|人气楷模|意见领袖|"
    r"贴吧元老|骨干会员|活跃吧友|吧主|小吧主|初来乍到|渐入佳境|略有小成"
)
LEVEL_NUMBER_LINE = r"\d{1,2}"

# A date as forums print it.
DATE = r"(?P<date>\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)"
# The first line of a post may be its byline: "bluesky_cn 发表于 2023-7-14 9:38 | 只看该作者"
# (later in a post, the same shape introduces a quote).
BYLINE = r"(?:(?P<author>\S.{0,30}?)\s+)?(?:发表于|發表於|发布于|发表时间)[:：]?\s*" + DATE + r".{0,40}"

# A quoted copy in a dump is cut by the engine with "..." (Discuz!: the first 60-odd characters
# of the quoted post): the cut mark, at the end of a quoted line.
QUOTE_CUT = r"\s*(?:\.{3,}|…+)$"
# A quoted line is a copy when at least this many characters of it occur in another post.
QUOTE_MIN_CHARS = 8

# The line that closes a post: its action buttons ("分享 转发", "TOP", "回复 引用 举报 顶端") or a
# Tieba tail ("来自Android客户端3楼2023-11-27", then "回复"). After the closer of the LAST post
# comes the page footer (pagination summary, friend links, copyright), never a post's text.
# One word alone closes a post only when no reply says it: "支持" / "收藏" / "顶" are replies too.
POST_END_WORDS = r"分享|转发|TOP|Top|顶端|回复|回覆|引用|举报|舉報|只看该作者|Reply|Quote|Report"
POST_END_EXTRA_WORDS = r"收藏|评分|支持|反对|编辑|点赞|Like|Edit"  # closers only next to another button word
_ANY_END_WORD = rf"(?:{POST_END_WORDS}|{POST_END_EXTRA_WORDS})"
POST_END_LINE = (rf"(?:{POST_END_WORDS})"
                 rf"|{_ANY_END_WORD}(?:(?:\s*[|｜·]\s*|\s+){_ANY_END_WORD})+")

# Discuz! anti-copy noise as it shows in text: 5-15 units of (char 32..59, space, char 63..126).
JAMMER = r"(?:[\x20-\x3b] [\x3f-\x7e]){5,15}"

# Phrases that identify the engine behind a text dump, with weights.
TEXT_FINGERPRINTS: tuple[tuple[str, str, float], ...] = (
    ("discuz", r"\[复制链接\]", 2.0),
    ("discuz", r"发新话题|回复该主题|只看该作者|电梯直达|Powered by Discuz", 1.0),
    ("phpwind", r"Powered by phpwind|phpwind", 2.0),
    ("tieba", r"百度贴吧|贴吧|回复\(\d+\)|只看楼主", 1.0),
    ("phpbb", r"Powered by phpBB", 2.0),
    ("vbulletin", r"Powered by vBulletin", 2.0),
    ("xenforo", r"Forum software by XenForo", 2.0),
    ("smf", r"Powered by SMF|Simple Machines", 2.0),
)
