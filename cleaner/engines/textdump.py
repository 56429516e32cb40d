"""What plain-text dumps of rendered forum pages look like, as data: the lines that start
a post (floor markers), the title line, and phrases that tell which engine rendered it."""

from __future__ import annotations

# A line that starts a new post: "1#", "#2", "3楼", "第4楼", "楼主", "沙发", "板凳", "地板",
# optionally followed by the author/date chrome on the same line.
FLOOR_LINE = (
    r"(?:(?P<hash>\d{1,5})\s*#|#\s*(?P<hash2>\d{1,5})|(?P<lou>\d{1,5})\s*楼|第\s*(?P<di>\d{1,5})\s*楼"
    r"|(?P<word>楼主|沙发|板凳|地板|地下室))"
    r"(?:\s+.{0,80}?(?:发表于|發表於|\d{4}-\d{1,2}-\d{1,2}).{0,60})?"
)
FLOOR_WORDS = {"楼主": 1, "沙发": 2, "板凳": 3, "地板": 4, "地下室": 5}

# "Thread title [复制链接]": the title is metadata.
TITLE_LINE = r"(?P<title>.{1,200}?)\s*\[\s*复制链接\s*\]"

# The "发表于 2020-1-1 12:00" line under a floor marker carries the post date.
DATE_LINE = r"(?:发表于|發表於|发表时间[:：]?)\s*(?P<date>\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)"

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
