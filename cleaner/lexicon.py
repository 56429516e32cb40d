"""Words forums write in many languages, as data, one table each: month and weekday names, and
how a quote names what it quotes ("X wrote:", "Zitat von X", "引用 X 发表于 ...", "Click to
expand..."). The segmenter (quote provenance, dates of the fallback's posts) and the line rules
(chrome lines) both build their patterns from these tables, so a language added here reaches
every rule that reads dates or attributions.

It imports nothing from the package: any stage can use it."""

from __future__ import annotations

import re

# Month names by language, as stems: a stem matches the full name too ("sept" -> "September",
# "févr" -> "février"). Matched case-insensitively.
MONTH_STEMS: dict[str, tuple[str, ...]] = {
    "en": ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
    "de": ("jan", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez"),
    "fr": ("janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"),
}
WEEKDAY_STEMS: dict[str, tuple[str, ...]] = {
    "en": ("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
}


def name_pattern(table: dict[str, tuple[str, ...]]) -> str:
    """One regex (no groups) for any name of the table: a stem, the rest of its word, a dot."""
    stems = sorted({stem for stems in table.values() for stem in stems}, key=lambda s: (-len(s), s))
    return rf"(?:{'|'.join(map(re.escape, stems))})[a-zé]*\.?"


MONTH = name_pattern(MONTH_STEMS)
WEEKDAY = name_pattern(WEEKDAY_STEMS)

# How a quote's header names the quoted post, per language: (rule, regex of the header's start,
# with an ``author`` group when it names one). Matched case-sensitively unless a pattern says so.
QUOTE_HEADERS: tuple[tuple[str, str], ...] = (
    ("en-said", r"^(?:.{0,40}?\bago, |On .{0,60}?, )?(?P<author>[^:]{1,80}?) said:"),
    ("en-wrote", r"^(?:On .{0,60}?, )?(?P<author>[^:]{1,80}?) (?i:wrote):"),
    ("en-quote-from", r"^Quote from:? (?P<author>.{1,80}?)(?: on .{0,80})?$"),
    ("en-originally-posted", r"^(?:Quote:\s*)?Originally Posted by:? (?P<author>.{1,80}?)$"),
    ("en-quote-label", r"^(?i:quote)\s*(?:\((?P<author>.{1,80}?)\))?:?$"),
    ("de-zitat-von", r"^Zitat von:? (?P<author>.{1,80}?):?(?:\s*↑.*|\s*Original zeigen)?$"),
    ("de-schrieb", r"^(?P<author>[^:]{1,80}?) schrieb:"),
    ("de-hat-geschrieben", r"^(?P<author>[^:]{1,80}?) hat geschrieben:"),
    ("fr-a-ecrit", r"^(?P<author>[^:]{1,80}?) a écrit\s?:"),
    ("es-escribio", r"^(?P<author>[^:]{1,80}?) escribió:"),
    ("it-ha-scritto", r"^(?P<author>[^:]{1,80}?) ha scritto:"),
    ("nl-schreef", r"^(?P<author>[^:]{1,80}?) schreef:"),
    ("pt-escreveu", r"^(?P<author>[^:]{1,80}?) escreveu:"),
    ("ru-pisal", r"^(?P<author>[^:]{1,80}?) писал(?:\(а\)|а)?:"),
    ("zh-fabiaoyu", r"^(?:引用:?\s*)?(?P<author>\S.{0,40}?)\s*(?:发表于|發表於)"),
    ("zh-yuantie", r"^原帖由\s*(?P<author>.{1,40}?)\s*于.{0,40}发表"),
    ("zh-yiyong-fayan", r"^以下是引用\s*(?P<author>.{1,40}?)\s*在.{0,40}的发言"),
    ("zh-yinyong-de", r"^引用\s*(?P<author>.{1,40}?)\s*的(?:帖子|回复|发言)[:：]?$"),
    ("zh-yinyong", r"^引用\s*(?P<author>.{1,40}?)\s*[:：]?$"),  # inside a quote only
    ("en-arrow", r"^(?P<author>[^:]{1,80}?):\s*↑"),
    ("name-colon", r"^(?P<author>[^:\s][^:]{0,60}?):$"),  # Discourse div.title "X:" (header shapes only)
)
# Too loose unless the element is a quote header by its markup.
SHAPE_ONLY_HEADERS = frozenset({"name-colon"})
# Headers known only inside a quote element: as a bare line they are also prose ("引用自哪？").
QUOTE_ONLY_HEADERS = SHAPE_ONLY_HEADERS | {"zh-yinyong"}

# The "Click to expand..." line (and kin) at the end of a quote.
QUOTE_FOOTER = (
    r"^(?i:click to (?:expand|shrink)|zum vergrößern anklicken|"
    r"(?:klicke|klicken sie) in dieses feld, um es in vollständiger größe anzuzeigen|cliquez pour agrandir|"
    r"haz clic para expandir|clicca per espandere)\.{0,4}$"
)

# What may follow an attribution on its own line: its date and time ("发表于 2021-12-20 10:21").
_DATE_TAIL = r"(?:\s*[\d\s\-/.:,年月日时分秒]{1,30}(?:\s*[ap]\.?m\.?)?)?"


def _line_form(pattern: str) -> str:
    """A header pattern as part of a whole-line alternation: unanchored, without named groups."""
    body = pattern.removeprefix("^").removesuffix("$")
    return body.replace("(?P<author>", "(?:")


# A line that is nothing but an attribution or a quote's footer (the line rules' ``wrote``).
ATTRIBUTION_LINE = "|".join(
    [f"(?:{_line_form(p)}){_DATE_TAIL}" for rule, p in QUOTE_HEADERS if rule not in QUOTE_ONLY_HEADERS]
    + [_line_form(QUOTE_FOOTER)]
)
