"""Lines a post's template shows beside what its author wrote, recognised by what they say:
the author's card (post count, reputation, join date, rank), counters of a listing or Q&A row
(votes, answers, views, a row number) and the events of a script-rendered stream ("X replied
to this", "3 days later", "pinned the discussion"). Each pattern has a name, the audit's
reason (``generic:card:<name>``).

A card line is taken only outside the element its post's prose is written in (a character
sheet's "Location: the Shire" inside the message stays), and never a post's only line (a
reply "42" is a reply); a stream event goes wherever it is.
"""

from __future__ import annotations

import re

from ..blocks import BODY, Block
from .lines import _container, _to_chrome, paragraph_score

_COUNT = r"[\d][\d.,\s]*[kKmM万千]?\+?"
_STAT_WORDS = (r"posts?|messages?|beiträge|nachrichten|reputation|rep|karma|points?|punkte|likes?(?: received)?"
               r"|reactions?(?: score)?|solutions?|best answers?|threads?|topics?|joined|registered|member since"
               r"|mitglied seit|registriert(?: seit)?|dabei seit|inscrit(?: le)?|inscription|location|wohnort"
               r"|localisation|from|age|gender|trophy points|帖子|主题|积分|精华|威望|金钱|注册时间|在线时间|最后登录"
               r"|阅读权限|贡献|回帖|发帖|经验|等级|来自|性别")
_COUNTED = (r"votes?|answers?|views?|replies|reply|comments?|likes?|points?|upvotes?|followers?|badges?|posts?"
            r"|reputation|antworten|aufrufe|stimmen|beiträge|réponses?|vues|votes|messages|回答|回复|浏览|阅读|赞|票|评论|帖子|积分")
CARD_LINES: tuple[tuple[str, str], ...] = (
    ("user-stat", rf"(?:{_STAT_WORDS})\s*[:：]\s*.{{1,30}}|(?:{_STAT_WORDS})\s+{_COUNT}"),
    ("counter", rf"{_COUNT}\s*(?:{_COUNTED})|(?:{_COUNTED})\s*[:：]?\s*{_COUNT}|\d{{1,6}}|#\d{{1,6}}|\d{{1,4}}\."),
    ("rank", r"(?:(?:new|junior|senior|regular|active|full|super|elite|veteran|trusted|valued|well-known|established"
             r"|gold|silver|bronze|platinum|premium|registered|banned|inactive)\s+)?(?:member|user|contributor|poster)"
             r"|(?:super |global )?(?:administrator|admin|moderator|mod)|staff|newbie|guest|vip|op|ts|楼主|版主"
             r"|管理员|超级版主|新手上路|注册会员|中级会员|高级会员|金牌会员|论坛元老|(?:user)?level\s*\d+|lv\.?\s*\d+"
             r"|(?:bronze|silver|gold|platinum)\s+\w{3,20}"
             r"|(?:neues |aktives )?mitglied|(?:nouveau )?membre|modérateur|administrateur|gast|invité"),
)
STREAM_EVENTS: tuple[tuple[str, str], ...] = (
    ("stream-event", r".{1,40}?\s+(?:replied to this|liked this|pinned the discussion|unpinned the discussion"
                     r"|locked the discussion|unlocked the discussion|stickied the discussion|renamed the discussion"
                     r".{0,80}|changed the title.{0,80}|split this discussion.{0,80}|merged .{0,80}|closed the topic"
                     r"|hat darauf geantwortet|a répondu à ceci)"),
    ("time-gap", r"(?:\d+|a|an|one|two|three)\s+(?:days?|weeks?|months?|years?)\s+later|\d+\s*(?:天|周|个月|年)后"),
)
# A bare number ("82", "#12", "7."): a counter only beside a card line that says what it counts
# or who (a rank, "Posts: 82"); alone it is as likely a table's cell or a list's figure.
_BARE_NUMBER = re.compile(r"\s*(?:\d{1,6}|#\d{1,6}|\d{1,4}\.)\s*")
_CARD = tuple((name, re.compile(rf"\s*(?:{rx})\s*", re.I)) for name, rx in CARD_LINES)
_EVENT = tuple((name, re.compile(rf"\s*(?:{rx})\s*", re.I)) for name, rx in STREAM_EVENTS)
MAX_CARD_CHARS = 40
MAX_EVENT_CHARS = 160  # a stream event names a user and, at most, a renamed title


def card_rule(text: str, *, max_chars: int = MAX_CARD_CHARS) -> str | None:
    """The name of the CARD_LINES pattern a short line is, or None."""
    if len(text) > max_chars:
        return None
    return next((name for name, pattern in _CARD if pattern.fullmatch(text)), None)


def event_rule(text: str, *, max_chars: int = MAX_EVENT_CHARS) -> str | None:
    """The name of the STREAM_EVENTS pattern a line is, or None."""
    if len(text) > max_chars:
        return None
    return next((name for name, pattern in _EVENT if pattern.fullmatch(text)), None)


def _with_bare_numbers_in_cards(lines: list[Block], rules: list) -> dict[int, str | None]:
    """id(line) -> its card rule, where a bare-number line keeps its rule only inside a run of
    consecutive card lines holding one that is not a bare number ("Mitglied / 82 / 116")."""
    bare = [rule is not None and _BARE_NUMBER.fullmatch(b.text) is not None for b, rule in zip(lines, rules)]
    out = dict.fromkeys(map(id, lines))
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and rules[end] is not None:
            end += 1
        if end > start:
            named = not all(bare[start:end])
            for i in range(start, end):
                out[id(lines[i])] = rules[i] if named or not bare[i] else None
        start = end + 1
    return out


def take_card_lines(by_post: dict[int, list[Block]], chains: dict[int, tuple]) -> None:
    """In each post, the card and counter lines outside the element its prose is written in, and
    the stream's event lines."""
    for lines in by_post.values():
        lines = [b for b in lines if b.role == BODY]
        cards = _with_bare_numbers_in_cards(lines, [card_rule(b.text) for b in lines])
        prose_in = {_container(chains.get(id(b), ())) for b in lines if not cards[id(b)] and paragraph_score(b)}
        kept = len(lines)
        for block in lines:
            event = event_rule(block.text)
            if event is not None:
                _to_chrome(block, f"generic:card:{event}")
                kept -= 1
                continue
            rule = cards[id(block)]
            if rule is None or kept <= 1 or _container(chains.get(id(block), ())) in prose_in:
                continue
            _to_chrome(block, f"generic:card:{rule}")
            kept -= 1
