"""Named line rules: each looks at one block (and the page context) and returns a
Verdict (kind, rule name, score) when the line must go, or None to keep it.
Rules are tried in table order; the first verdict wins and is what the audit shows.
Knowledge lives in vocab.py, spam_patterns.py and the engine tables; this file only
combines it. Precision first: spam rules need two independent signals."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from collections.abc import Mapping
from typing import Callable, NamedTuple

from . import spam_patterns as sp
from ..segment.blocks import BODY, Block, Segmented
from .normalize import collapse_spaces, fold, for_matching, matching_forms
from ..prefilter import any_needs, lowered, may_contain, needed_literals
from .fastregex import faster_regex
from .spam_cues import offer_cues
from .vocab import BUTTON_SEPARATORS, BUTTON_WORDS, CHROME_LINES

# A block with at least this many links, mostly link text, is a link farm.
LINK_FARM_MIN_LINKS = 4
LINK_FARM_MIN_DENSITY = 0.7
# A line repeated in this many posts by at least two authors is an injected ad.
REPEATED_MIN_POSTS = 3
REPEATED_MIN_CHARS = 15
# A contact id (or a landline) beside this many distinct offer/solicitation/company terms is an ad:
# two commercial signals besides the number. (One is not enough: 1% of the written genuine
# notices, sales and recruitment lines hold a number and one such word; none holds two.)
CONTACT_OFFER_MIN_CUES = 2
# ... in a line this short: an ad is (466 of the 468 SMS ads it takes are); a long paragraph that
# mentions a number and "free" and "order" is prose (two such real forum paragraphs, 6,372 and
# 102,888 characters, in ../shared/data gold).
CONTACT_OFFER_MAX_CHARS = 200


class Verdict(NamedTuple):
    kind: str
    rule: str
    score: float = 1.0


@dataclass
class PageContext:
    """What rules may know beyond the line itself."""

    engine_lines: tuple[re.Pattern[str], ...] = ()  # the detected engine's whole-line chrome
    engine: str = "generic"
    repeated_lines: frozenset[str] = frozenset()
    post_authors: Mapping[int, str] = field(default_factory=dict)


class Line(NamedTuple):
    """A block's text in the forms rules match on, computed once (Speed: a NamedTuple is made
    in a third of a frozen dataclass's time; one per body line)."""

    raw: str
    folded: str  # NFKC, whitespace collapsed: chrome vocabulary matches this
    matching: str  # evasions undone: spam patterns match this
    # Lower-cased forms for literal prefilters (normalize.lowered; None: no prefilter).
    matching_lower: str | None = None
    folded_lower: str | None = None


def view(text: str) -> Line:
    folded = collapse_spaces(fold(text))
    folded_lower = lowered(folded)
    matching, matching_lower = matching_forms(folded, folded_lower)  # = for_matching(text), folded once
    return Line(text, folded, matching, matching_lower, folded_lower)


# Speed: most lines are article paragraphs that no spam pattern matches. The URL and contact
# patterns scan the whole line (case-insensitively, slow); each carries the lower-case literals
# it cannot match without (read from the pattern itself) and runs only on lines that hold them.
# (Chrome patterns are anchored whole-line matches that fail fast: a prefilter costs more.)
_CHROME = tuple((name, kind, re.compile(rf"(?:{rx})\s*", re.I | re.S)) for name, kind, rx in CHROME_LINES)
# ... except one that starts with a run of any characters before a case-insensitive alternation
# (".{0,60}(?:Powered by|...)"): whole-line matching retries the alternation at every offset of
# the run, so it runs only on lines holding one of its literals (measured: the others, and
# prefilters with many clauses, cost more to gate than to run).
GATED_CHROME_LINES = frozenset({"powered-by", "wrote"})


def _chrome_runs(chrome) -> tuple:
    """The chrome patterns in table order as runs: consecutive ungated patterns joined into one
    alternation (one fullmatch call instead of one each; the first alternative that matches the
    whole line is the first pattern that would, so verdicts are unchanged: measured 2x faster on
    42k lines of sample and shared pages), each gated one alone with its needed literals.
    A run is (pattern, rules by group name, needs)."""
    runs, pending = [], []

    def close() -> None:
        if pending:
            joined = "|".join(f"(?P<c{i}>{pattern.pattern})" for i, (_, _, pattern) in enumerate(pending))
            runs.append((re.compile(joined, re.I | re.S),
                         {f"c{i}": (kind, f"{kind}:{name}") for i, (name, kind, _) in enumerate(pending)}, None))
            pending.clear()

    for name, kind, pattern in chrome:
        if name in GATED_CHROME_LINES:
            close()
            runs.append((pattern, {None: (kind, f"{kind}:{name}")}, needed_literals(pattern)))
        else:
            pending.append((name, kind, pattern))
    close()
    return tuple(runs)


_CHROME_RUNS = _chrome_runs(_CHROME)
_SEPARATORS = re.compile(BUTTON_SEPARATORS)
# A line of at most MAX_BUTTONS tokens has at most MAX_BUTTONS + 1 separator runs: splitting
# no further keeps every button line whole, and leaves a separator in the rest of longer ones.
MAX_BUTTONS = 12
assert not any(_SEPARATORS.search(word) for word in BUTTON_WORDS), "button words hold no separator"
# A character that is neither a separator nor in any button word: the line is not made of buttons
# (a C-level scan that stops at the first such character, on prose usually the first one).
assert BUTTON_SEPARATORS.startswith("[") and BUTTON_SEPARATORS.endswith("]+"), "separators are one class"
_NOT_BUTTON_CHAR = re.compile(
    "[^" + BUTTON_SEPARATORS[1:-2] + "".join(re.escape(c) for c in sorted(set("".join(BUTTON_WORDS)))) + "]")
_URL_NEEDS = needed_literals(sp.URL)
_CONTACTS = tuple((faster_regex(pattern), needed_literals(pattern)) for _, pattern in sp.CONTACT_PATTERNS)
# (Speed: the same matches, faster on prose: fastregex.)
_CALL_TO_ACTION = faster_regex(sp.CALL_TO_ACTION)
_SELF_PROMOTION = faster_regex(sp.SELF_PROMOTION)
# (Speed: one test that no contact pattern can match, before the patterns' own tests one by one.)
_ANY_CONTACT_NEEDS = any_needs(needs for _, needs in _CONTACTS)
_ROLE_KIND = {"chrome": "chrome", "quote": "quote", "signature": "signature", "edit": "edit",
              "hidden": "hidden", "attachment": "attachment"}


def structural(block: Block, line: Line, ctx: PageContext) -> Verdict | None:
    """The segmenter already knows the line is not body text (outside posts, quote, signature...)."""
    if block.role == BODY:
        return None
    # (Speed: most lines of a page are chrome; their verdicts are immutable and few, made once.)
    key = (block.role, block.reason)
    verdict = _STRUCTURAL_VERDICTS.get(key)
    if verdict is None:
        if len(_STRUCTURAL_VERDICTS) >= MAX_CACHED_VERDICTS:
            _STRUCTURAL_VERDICTS.clear()
        verdict = _STRUCTURAL_VERDICTS[key] = Verdict(_ROLE_KIND.get(block.role, block.role), block.reason or block.role)
    return verdict


_STRUCTURAL_VERDICTS: dict[tuple[str, str], Verdict] = {}
MAX_CACHED_VERDICTS = 4096  # reasons come from engine tables and segmenters: a bounded set anyway


def engine_chrome(block: Block, line: Line, ctx: PageContext) -> Verdict | None:
    for pattern in ctx.engine_lines:
        if pattern.fullmatch(line.folded):
            return Verdict("chrome", f"{ctx.engine}:chrome-line")
    return None


def button_line(block: Block, line: Line, ctx: PageContext, *, max_buttons: int = MAX_BUTTONS) -> Verdict | None:
    """A line made only of button words: "分享 转发", "回复 引用 举报", "Quote Reply"."""
    if _NOT_BUTTON_CHAR.search(line.folded):
        return None
    tokens = [t for t in _SEPARATORS.split(line.folded, maxsplit=max_buttons + 1) if t]
    if tokens and len(tokens) <= max_buttons and all(t in BUTTON_WORDS for t in tokens):
        return Verdict("chrome", "chrome:buttons")
    return None


def chrome_line(block: Block, line: Line, ctx: PageContext) -> Verdict | None:
    for pattern, rules, needs in _CHROME_RUNS:
        if needs is not None and not may_contain(needs, line.folded_lower):
            continue
        match = pattern.fullmatch(line.folded)
        if match:
            kind, rule = rules[match.lastgroup if needs is None else None]
            return Verdict(kind, rule)
    return None


def link_farm(block: Block, line: Line, ctx: PageContext) -> Verdict | None:
    if block.links >= LINK_FARM_MIN_LINKS and block.link_density >= LINK_FARM_MIN_DENSITY:
        return Verdict("spam", "spam:link-farm")
    return None


def blocked_domain(block: Block, line: Line, ctx: PageContext) -> Verdict | None:
    if not may_contain(_URL_NEEDS, line.matching_lower) or sp.SOURCE_LINE.match(line.folded):
        return None
    if any(sp.is_blocked_domain(d) for d in sp.url_domains(line.matching)):
        return Verdict("spam", "spam:blocked-domain")
    return None


def ad_with_link(block: Block, line: Line, ctx: PageContext) -> Verdict | None:
    """An ad keyword next to a URL: the SEO line injected above copied articles."""
    if not may_contain(_URL_NEEDS, line.matching_lower):
        return None
    if sp.SOURCE_LINE.match(line.folded) or not sp.URL.search(line.matching):
        return None
    if sp.find_ad_keywords(line.matching):
        return Verdict("spam", "spam:ad-keyword-url")
    return None


def contact_me(block: Block, line: Line, ctx: PageContext, *, min_offer_cues: int = CONTACT_OFFER_MIN_CUES,
               offer_max_chars: int = CONTACT_OFFER_MAX_CHARS) -> Verdict | None:
    """A phone/QQ/WeChat id offered to the reader: with ad vocabulary, in a short line that invites
    contact, or (a landline too) among offer words ("本公司承接…价格实惠，咨询电话 029-85469157")."""
    lower = line.matching_lower
    # = bool(sp.find_contacts(line.matching)), each pattern tried only where it can match
    has_id = may_contain(_ANY_CONTACT_NEEDS, lower) and any(
        may_contain(needs, lower) and pattern.search(line.matching) for pattern, needs in _CONTACTS)
    if has_id and sp.find_ad_keywords(line.matching):
        return Verdict("spam", "spam:contact-ad")
    if has_id and len(line.matching) <= sp.MAX_CONTACT_LINE_CHARS and _CALL_TO_ACTION.search(line.matching):
        return Verdict("spam", "spam:contact-me")
    if (len(lower) <= offer_max_chars and (has_id or sp.LANDLINE.search(line.matching))
            and offer_cues(lower) >= min_offer_cues):
        return Verdict("spam", "spam:contact-offer")
    return None


def evasive_contact(block: Block, line: Line, ctx: PageContext) -> Verdict | None:
    """A contact id written the way only filter dodgers write it (spam_patterns.EVASIVE_CONTACT_IDS):
    the evasion and the id are the two signals."""
    name = sp.find_evasive_contact(line.folded) if _may_be_evasive(line.folded) else None
    return Verdict("spam", f"spam:{name}") if name else None


# (Speed: one character class, then a literal, are two fast scans; their alternation is one slow one.)
_EVASIVE_CHARS = re.compile(r"[机报薇威维徽嶶葳信芯]")
_SPACED_ZERO = re.compile(r"0\s\d")


def _may_be_evasive(folded: str) -> bool:
    return _EVASIVE_CHARS.search(folded) is not None or _SPACED_ZERO.search(folded) is not None


# (Speed: every branch of SELF_PROMOTION holds one of these; the derived prefilter has 150 clauses.
# "my" and "our" stand between white space there, and the matching form's only white space is
# one " " (collapse_spaces): " my " is rarer than "my" ("may", "your"). With the faster
# pattern, the rule 5.2 -> 2.0 ms on the bench pages' body lines.)
_SELF_PROMOTION_NEEDS = ((" my ",), (" our ",), ("sub",), ("我的",))


def self_promotion(block: Block, line: Line, ctx: PageContext) -> Verdict | None:
    """The reader asked to subscribe to the writer's own channel (spam_patterns.SELF_PROMOTION)."""
    if may_contain(_SELF_PROMOTION_NEEDS, line.matching_lower) and _SELF_PROMOTION.search(line.matching):
        return Verdict("spam", "spam:self-promotion")
    return None


def unsubscribe_footer(block: Block, line: Line, ctx: PageContext) -> Verdict | None:
    """A mass marketing message's unsubscribe footer ends the line (spam_patterns.UNSUBSCRIBE_FOOTER)."""
    if "订" in line.matching or "拒收" in line.matching:  # (Speed: both branches hold one of them)
        if sp.UNSUBSCRIBE_FOOTER.search(line.matching.rstrip()):
            return Verdict("spam", "spam:unsubscribe-footer")
    return None


def repeated_across_authors(block: Block, line: Line, ctx: PageContext) -> Verdict | None:
    if line.matching in ctx.repeated_lines:
        return Verdict("spam", "spam:repeated-across-authors")
    return None


Rule = Callable[[Block, Line, PageContext], "Verdict | None"]

# The rule table, in the order rules are tried.
RULES: tuple[Rule, ...] = (
    structural,
    engine_chrome,
    button_line,
    chrome_line,
    link_farm,
    blocked_domain,
    ad_with_link,
    contact_me,
    evasive_contact,
    self_promotion,
    unsubscribe_footer,
    repeated_across_authors,
)

# Lines of code (Block.shape.kind == "code") are quoted verbatim material: a "}" or "# TOP"
# or a line of digits is code, not a button, a floor marker or a contact id. They are judged
# only by structure (hidden, quote, signature, engine drops) and by the spam rules that need
# two independent signals in the line (a link farm, a blocked domain, an ad keyword with a
# URL, a contact id with ad words or a call to contact); the chrome vocabulary, the repeated-
# line rule (code is quoted across posts) and the spam model do not see them.
CODE_RULES: tuple[Rule, ...] = (
    structural,
    link_farm,
    blocked_domain,
    ad_with_link,
    contact_me,
)
assert RULES[0] is structural and CODE_RULES[0] is structural, "judge and apply_rules rely on it"


class PostAuthors(Mapping):
    """Post index -> author name, read from the posts only when asked: an engine table's post
    reads its byline (XPaths) on first access, and only repeated lines need the authors."""

    def __init__(self, posts: list) -> None:
        self._posts = posts

    def __getitem__(self, index: int) -> str:
        if isinstance(index, int) and 0 <= index < len(self._posts):
            return self._posts[index].author
        raise KeyError(index)

    def __len__(self) -> int:
        return len(self._posts)

    def __iter__(self):
        return iter(range(len(self._posts)))


def page_context(seg: Segmented, engine_lines: tuple[re.Pattern[str], ...] = (),
                 lines: list[Line | None] | None = None) -> PageContext:
    """Page-level facts for the rules; ``engine_lines``: the engine's compiled chrome-line
    patterns; ``lines``: the blocks' views when already computed."""
    authors = PostAuthors(seg.posts)
    candidates = [(i, b) for i, b in enumerate(seg.blocks)
                  if b.role == BODY and b.post is not None and len(b.text) >= REPEATED_MIN_CHARS]
    # (Speed: lines of fewer than REPEATED_MIN_POSTS posts cannot repeat in as many: their forms
    # are not computed; a text met again is not normalised again.)
    if len({b.post for _, b in candidates}) < REPEATED_MIN_POSTS:
        candidates = []
    seen: dict[str, set[int]] = defaultdict(set)
    forms: dict[str, str] = {}
    for i, b in candidates:
        line = lines[i] if lines is not None else None
        if line is not None:
            form = line.matching
        else:
            form = forms.get(b.text)
            if form is None:
                form = forms[b.text] = for_matching(b.text)
        seen[form].add(b.post)
    repeated = frozenset(
        text for text, posts in seen.items()
        if len(posts) >= REPEATED_MIN_POSTS and len({authors.get(p, "") for p in posts}) >= 2
    )
    return PageContext(engine_lines=engine_lines, engine=seg.engine, repeated_lines=repeated, post_authors=authors)


def judge(block: Block, ctx: PageContext, rules: tuple[Rule, ...] = RULES,
          line: Line | None = None) -> Verdict | None:
    """The first verdict of the rule table on this block, or None to keep it."""
    if block.role != BODY and rules and rules[0] is structural:
        return structural(block, None, ctx)  # the segmenter decided; no need to read the line
    line = line or view(block.text)
    for rule in rules:
        verdict = rule(block, line, ctx)
        if verdict is not None:
            return verdict
    return None
