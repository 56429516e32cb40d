"""Post dates as the page writes them -> ISO 8601, as data: the shapes forums print a date in,
each a named pattern, and per engine how to read a numeric date whose day and month could
swap ("04-06-2019": vBulletin's default is month first).

A date that needs "now" to be read (relative ages such as "3 天前", "2 hours ago", "Today at
10:02", weekdays such as "Freitag um 19:54 Uhr", a day without its year) gives ``None``: the
raw string stays beside it. So does any date whose order cannot be told: a wrong date is worse
than none.
"""

from __future__ import annotations

import re
from datetime import datetime

from ..lexicon import MONTH, MONTH_STEMS

# The date part, one named shape per row. Groups: y (year), m (month number) or mon (month
# name), d (day); a/b (day and month in an order to be decided) with sep (their separator).
DATE_SHAPES: tuple[tuple[str, str], ...] = (
    ("year-first", r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?!\d)\s*日?"),
    ("day-dot-month-dot-year", r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d\d)(?!\d)"),
    ("numeric-year-last", r"(?<![\d/-])(?P<a>\d{1,2})(?P<sep>[-/])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)(?!\d)"),
    ("day-month-name-year", rf"(?<!\d)(?P<d>\d{{1,2}})\.?\s+(?P<mon>{MONTH})\s*,?\s+(?P<y>(?:19|20)\d\d)(?!\d)"),
    ("month-name-day-year", rf"(?<![\w])(?P<mon>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(?P<y>(?:19|20)\d\d)(?!\d)"),
)
# The time after the date: "22:02:14", "10:02 PM", "12h25" (French), "12:11AM".
TIME_SHAPE = r"(?<!\d)(?P<H>\d{1,2})(?P<hsep>[:h])(?P<M>\d{2})(?::(?P<S>\d{2}))?(?!\d)\s*(?P<ap>[ap]\.?\s?m\.?(?![a-z]))?"
# How far after the date the time may start ("April 09, 2020, 10:02", "5. Januar 2019 um 03:32").
MAX_DATE_TIME_GAP = 12

# A numeric date with the year last and both numbers <= 12 ("10/06/2023"): which comes first is
# told, in this order, by the page's other dates (one with a number above 12), the string's time
# style, the engine's default format for that separator. None of them: no ISO date. (A 12-hour
# clock tells nothing: "10/06/2023 11:38 pm" sits beside "28/06/2023 10:53 pm" on a real board.)
TIME_STYLE_ORDER = {"h": "dmy"}  # "12h25": French-speaking sites write the day first
ENGINE_NUMERIC_ORDER = {("vbulletin", "-"): "mdy"}  # vBulletin's default date format is m-d-Y

_DATE_PATTERNS = tuple((name, re.compile(pattern, re.IGNORECASE)) for name, pattern in DATE_SHAPES)
_TIME = re.compile(TIME_SHAPE, re.IGNORECASE)


def _month_numbers() -> tuple[tuple[str, int], ...]:
    """(stem, month number) from the lexicon's month stems, longest stem first. Each language
    lists its months in order; a stem that lengthens the one before it ("sept" after "sep") is
    the same month."""
    pairs: list[tuple[str, int]] = []
    for stems in MONTH_STEMS.values():
        number = 0
        previous = None
        for stem in stems:
            if previous is None or not stem.startswith(previous):
                number += 1
            pairs.append((stem, number))
            previous = stem
    return tuple(sorted(set(pairs), key=lambda pair: -len(pair[0])))


MONTH_NUMBERS = _month_numbers()


def month_number(name: str) -> int | None:
    word = name.lower().rstrip(".")
    return next((number for stem, number in MONTH_NUMBERS if word.startswith(stem)), None)


def first_date(raw: str) -> tuple[str, re.Match | None]:
    """The date shape that matches first in the string (a post date field may also hold a
    join date further on), and its match; ("", None) when none does."""
    found = [(m.start(), i, name, m) for i, (name, pattern) in enumerate(_DATE_PATTERNS)
             if (m := pattern.search(raw or "")) is not None]
    if not found:
        return "", None
    _, _, name, match = min(found, key=lambda f: f[:2])
    return name, match


def numeric_order(raw: str) -> str | None:
    """For a numeric date with the year last: "dmy" or "mdy" when its numbers tell (one is above
    12), "?" when they do not; None for any other date shape."""
    name, match = first_date(raw)
    if name != "numeric-year-last":
        return None
    a, b = int(match.group("a")), int(match.group("b"))
    return "dmy" if a > 12 >= b else "mdy" if b > 12 >= a else "?" if a <= 12 and b <= 12 else None


def page_numeric_order(raws) -> str | None:
    """The order a page's numeric dates share, when those that tell agree; else None."""
    told = {numeric_order(raw) for raw in raws} - {None, "?"}
    return told.pop() if len(told) == 1 else None


def _day_month(match: re.Match, time: re.Match | None, engine: str,
               page_order: str | None = None) -> tuple[int, int] | None:
    """(day, month) of a date shape's match, or None when its order cannot be told."""
    groups = match.groupdict()
    if groups.get("mon"):
        month = month_number(groups["mon"])
        return (int(groups["d"]), month) if month else None
    if groups.get("m"):
        return int(groups["d"]), int(groups["m"])
    a, b = int(groups["a"]), int(groups["b"])
    order = None
    if a > 12 >= b:
        order = "dmy"
    elif b > 12 >= a:
        order = "mdy"
    elif a <= 12 and b <= 12:
        hinted = TIME_STYLE_ORDER.get(time.group("hsep").lower()) if time else None
        order = page_order or hinted or ENGINE_NUMERIC_ORDER.get((engine, groups["sep"]))
    if order is None:
        return None
    return (a, b) if order == "dmy" else (b, a)


def _clock(time: re.Match | None) -> tuple[int, int, int] | None:
    if time is None:
        return None
    hour, minute, second = int(time.group("H")), int(time.group("M")), int(time.group("S") or 0)
    am_pm = (time.group("ap") or "").lower()[:1]
    if am_pm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if am_pm == "p" else 0)
    return hour, minute, second


def parse_post_date(raw: str, engine: str = "", page_order: str | None = None) -> str | None:
    """ISO 8601 ("2020-04-09T22:02:14", or "2019-06-03" without a time) for a post date as
    shown, read with the engine's conventions (and ``page_order``, what the page's other dates
    say: see page_numeric_order); None when the string holds no full date."""
    _, match = first_date(raw)
    if match is None:
        return None
    found = _TIME.search(raw, match.end())
    time = found if found and found.start() - match.end() <= MAX_DATE_TIME_GAP else None
    day_month = _day_month(match, time, engine, page_order)
    if day_month is None:
        return None
    clock = _clock(time)
    try:
        when = datetime(int(match.group("y")), day_month[1], day_month[0], *(clock or (0, 0, 0)))
    except ValueError:  # 31.02., 25:61
        return None
    return when.isoformat() if clock else when.date().isoformat()
