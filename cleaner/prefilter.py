"""Prefilters: cheap necessary conditions read from a regex or an XPath, so the expensive
test runs only where it can succeed and every answer stays the same.

* ``needed_literals(pattern)``: lower-case strings a regex cannot match without (from its parse
  tree), checked with ``in`` on ``lowered(text)``; a long article line rarely holds them, and a
  case-insensitive alternation is the slowest thing Python's regex engine scans.
* ``markup_needs(xpath)``: class tokens and attribute values an XPath cannot match without,
  checked against the page's attribute values collected once (engines.PageFacts); and
  ``_union_plan`` the needs of each branch of a union (fastxpath.narrowed drops the branches
  that cannot match on the page).

Both are necessary, never sufficient: the real regex or XPath still decides. Anything the
derivation does not understand (negation, "or", counts, flags) yields no prefilter.

(``faster_xpath`` / ``compile_xpath``, the same XPath in a form libxml2 evaluates faster, are in
cleaner/fastxpath.py.)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

from lxml import etree

try:  # the regex parser: which literals a pattern cannot match without
    from re import _constants as _sre, _parser as _sre_parser
    from re._casefix import _EXTRA_CASES  # lower case -> what else re.I matches ("σ": "ς")
    from _sre import unicode_tolower  # the simple lower case re.I compares
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]
    _EXTRA_CASES = unicode_tolower = None

# ---------------------------------------------------------------- literal prefilters
# Characters that match an ASCII letter under re.IGNORECASE besides its two cases.
_CASE_TRAPS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}

# Lower-case literal strings a pattern cannot match without, in disjunctive normal form: any
# clause, all of its literals. Checked with ``in`` on the lower-cased text (``lowered``).
MAX_NEED_CLAUSES = 256  # a keyword alternation is one clause per keyword


def _literal_char(code: int) -> str | None:
    """A character whose case-insensitive matches are exactly what str.lower() makes equal."""
    char = chr(code)
    if char.isascii() or (char.lower() == char == char.upper() and char.casefold() == char):
        return char.lower()
    # A cased letter ("п", "ä"): re.I matches the characters whose simple lower case is its own,
    # which str.lower() turns into it too, unless re knows more matches for it (σ and ς) or it is
    # ASCII (the case traps: "İ" lowers to two characters, and lowered() refuses them).
    lower = char.lower()
    if (_EXTRA_CASES is not None and len(lower) == 1 and not lower.isascii()
            and unicode_tolower(code) == ord(lower) and ord(lower) not in _EXTRA_CASES):
        return lower
    return None


def _and(left: list[tuple[str, ...]], right: list[tuple[str, ...]] | None) -> list[tuple[str, ...]]:
    if right is None or len(left) * len(right) > MAX_NEED_CLAUSES:
        return left  # dropping a factor keeps the condition necessary
    return [a + b for a in left for b in right]


MAX_SET_CHARS = 4  # a character class this small is a few alternative literals ("[电電]")
MAX_RUN_ALTERNATIVES = 16


def _set_chars(op, av) -> set[str] | None:
    """The lower-cased characters one item matches, when it is a literal or a small class."""
    if op is _sre.LITERAL:
        char = _literal_char(av)
        return None if char is None else {char}
    if op is _sre.IN and len(av) <= MAX_SET_CHARS and all(sub_op is _sre.LITERAL for sub_op, _ in av):
        chars = {_literal_char(code) for _, code in av}
        return None if None in chars else chars
    return None


_ZERO_WIDTH_OPS = (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT)


def _sequence_literals(items) -> list[tuple[str, ...]] | None:
    clauses: list[tuple[str, ...]] = [()]
    run: list[str] = []  # the alternative spellings of the literal run being read
    for op, av in [*items, (None, None)]:
        if op in _ZERO_WIDTH_OPS:  # a look-around or an anchor consumes nothing: the run goes on
            continue
        chars = _set_chars(op, av) if op is not None else None
        if chars is not None and len(run or [""]) * len(chars) <= MAX_RUN_ALTERNATIVES:
            run = [alt + char for alt in (run or [""]) for char in sorted(chars)]
            continue
        if run:
            clauses = _and(clauses, [(alt,) for alt in run])
            run = []
        if chars is not None:  # too many spellings with the run before: a new run
            run = sorted(chars)
            continue
        if op is _sre.SUBPATTERN:  # a group; local flags ("(?i:wrote)") change no literal's need:
            clauses = _and(clauses, _sequence_literals(av[3]))  # literals are matched lower-cased
        elif op is _sre.BRANCH:
            alternatives = [_sequence_literals(branch) for branch in av[1]]
            if all(alt is not None for alt in alternatives):
                clauses = _and(clauses, [clause for alt in alternatives for clause in alt])
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            clauses = _and(clauses, _sequence_literals(av[2]))
    return None if clauses == [()] else clauses


MAX_CACHED_PATTERNS = 512  # derivations kept: the patterns are module tables, a bounded set


@lru_cache(maxsize=MAX_CACHED_PATTERNS)
def needed_literals(pattern: re.Pattern[str] | str, flags: int = 0) -> tuple[tuple[str, ...], ...] | None:
    """Lower-case strings a match of ``pattern`` must contain: any clause, all of its strings.
    None when none is known (the pattern alone decides). Derived once per pattern (cached):
    callers may ask per line."""
    text, flags = (pattern.pattern, pattern.flags | flags) if isinstance(pattern, re.Pattern) else (pattern, flags)
    if not text:
        return None
    try:
        parsed = _sre_parser.parse(text, flags)
    except Exception:  # noqa: BLE001 - an unknown construct: no prefilter
        return None
    needs = _sequence_literals(parsed)
    return _checked_fast(needs) if needs else None


def _checked_fast(clauses: list[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """The same condition, quicker to check (Speed: may_contain runs per line and pattern):
    in each clause its longest literal first (the rarest: most clauses fail on their first
    test), repeated literals and clauses once, and a clause dropped when another one holds
    whenever it does (each of the other's literals is inside one of its own)."""
    ordered = list(dict.fromkeys(tuple(sorted(dict.fromkeys(c), key=len, reverse=True)) for c in clauses))
    by_size = sorted(ordered, key=lambda c: (len(c), sum(map(len, c))))
    kept: list[tuple[str, ...]] = []
    for clause in by_size:
        if not any(all(any(a in b for b in clause) for a in other) for other in kept):
            kept.append(clause)
    kept_set = set(kept)
    return tuple(c for c in ordered if c in kept_set)


def any_needs(each: Iterable[tuple[tuple[str, ...], ...] | None]) -> tuple[tuple[str, ...], ...] | None:
    """The needs of "one of these patterns matches" from each pattern's needs: all their clauses
    (None, no prefilter, when one of them has none). One test before the patterns' own tests."""
    each = list(each)
    return None if any(needs is None for needs in each) else tuple(clause for needs in each for clause in needs)


def lowered(text: str) -> str | None:
    """``text.lower()`` for literal prefilters; None when the text holds a character that a
    case-insensitive regex matches to an ASCII letter without lower() making them equal."""
    if not text.isascii() and any(trap in text for trap in _CASE_TRAP_CHARS):
        return None
    return text.lower()


def may_contain(needs: tuple[tuple[str, ...], ...] | None, lower: str | None) -> bool:
    """False only when ``lower`` (from ``lowered``) cannot hold a match with these needs."""
    if needs is None or lower is None:
        return True
    if len(needs) > MIN_CLAUSES_TO_SPLIT:
        needs, scan, single = _clause_plan(needs, lower.isascii())
        if scan.search(lower) is None:
            return False
        if single:
            return True
    for clause in needs:  # plain loops: this runs for every line and pattern
        for literal in clause:
            if literal not in lower:
                break
        else:
            return True
    return False


_CASE_TRAP_CHARS = "".join(_CASE_TRAPS.values())
# (Speed: keyword lists are half Chinese, and an ASCII line holds none of those literals: needs
# of more clauses than this are checked on ASCII text without the clauses that hold one.
# Such needs are first scanned for in one regex search, an alternation of each clause's first
# literal: most lines hold none, and one C-level scan costs less than a Python loop of ``in``
# tests (measured: 26 clauses 4.8 -> 2.5 ms, 106 clauses 10.6 -> 6.7 ms on the 1,562 body
# lines of the bench pages; with fewer clauses the loop is as fast).)
MIN_CLAUSES_TO_SPLIT = 8
# id(needs) -> (needs, then per text kind (ASCII, other): its clauses, the scan, all one literal)
_CLAUSE_PLANS: dict[int, tuple] = {}


def _clause_plan(needs: tuple[tuple[str, ...], ...], ascii_text: bool) -> tuple:
    entry = _CLAUSE_PLANS.get(id(needs))
    if entry is None or entry[0] is not needs:  # (the entry holds needs: its id stays its own)
        if len(_CLAUSE_PLANS) >= MAX_CACHED_PATTERNS:
            _CLAUSE_PLANS.clear()
        ascii_only = tuple(c for c in needs if all(map(str.isascii, c)))
        entry = _CLAUSE_PLANS[id(needs)] = (needs, _plan(needs), _plan(ascii_only))
    return entry[2] if ascii_text else entry[1]


def _plan(clauses: tuple[tuple[str, ...], ...]) -> tuple:
    scan = re.compile("|".join(sorted({re.escape(c[0]) for c in clauses})) or "(?!)")
    return clauses, scan, all(len(c) == 1 for c in clauses)


def _ascii_clauses(needs: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """The clauses of ``needs`` an ASCII text can hold (those of ASCII literals only)."""
    return _clause_plan(needs, True)[0]


# ---------------------------------------------------------------- markup prefilters
_XPATH_LITERAL = r"(?:'([^']*)'|\"([^\"]*)\")"
_MARKUP_CONDITIONS = (
    # has_class(): the token among the element's class tokens
    ("token", re.compile(r"contains\(\s*concat\(\s*' '\s*,\s*normalize-space\(\s*@class\s*\)\s*,\s*' '\s*\)\s*,\s*"
                         r"' ([^' ]+) '\s*\)")),
    ("contains", re.compile(r"contains\(\s*@([\w:-]+)\s*,\s*" + _XPATH_LITERAL + r"\s*\)")),
    ("starts", re.compile(r"starts-with\(\s*@([\w:-]+)\s*,\s*" + _XPATH_LITERAL + r"\s*\)")),
    ("eq", re.compile(r"(?<![\w)])@([\w:-]+)\s*=\s*" + _XPATH_LITERAL)),
)
# Constructs under which a literal test may no longer be necessary for a match: alternatives,
# negations, comparisons, and any function but the few the literal forms are made of.
_UNSAFE_XPATH = re.compile(r"\bor\b|!=|<|>|\||=\s*[^\s'\"]")
_FUNCTION = re.compile(r"([\w-]+)\s*\(")
SAFE_XPATH_FUNCTIONS = frozenset({"contains", "concat", "normalize-space", "starts-with", "text", "node"})
# "and (" opens a parenthesised conjunct (has_class() is one), not a function call: still safe.
_CONJUNCTION = frozenset({"and"})
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


def top_level_chars(expr: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, bracket depth) of each character of an XPath outside its quoted
    literals; a bracket counts from the character after it. The scanner of the top-level
    operators: union branches here, "and"/"or" terms in fastxpath."""
    depth, quote = 0, ""
    for i, char in enumerate(expr):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        else:
            yield i, char, depth


def _top_level_branches(expr: str) -> list[str] | None:
    """The branches of a top-level union "a | b" (None when a "|" sits inside brackets)."""
    branches, start = [], 0
    for i, char, depth in top_level_chars(expr):
        if char == "|":
            if depth:
                return None
            branches.append(expr[start:i])
            start = i + 1
    branches.append(expr[start:])
    return branches


def markup_needs(expr: str) -> tuple[tuple[tuple[str, str, str], ...], ...] | None:
    """Attribute literals the XPath cannot match without, one clause per union branch:
    (attribute, "token" | "contains" | "starts" | "eq", literal). None when unsure."""
    branches = _top_level_branches(expr) if expr else None
    if not branches:
        return None
    clauses = []
    for branch in branches:
        bare = _QUOTED.sub("''", branch)
        if _UNSAFE_XPATH.search(bare) or not SAFE_XPATH_FUNCTIONS.issuperset(
                set(_FUNCTION.findall(bare)) - _CONJUNCTION):
            return None
        clause = []
        for op, pattern in _MARKUP_CONDITIONS:
            for match in pattern.finditer(branch):
                if op == "token":
                    clause.append(("class", op, match.group(1)))
                else:
                    literal = match.group(2) if match.group(2) is not None else match.group(3)
                    clause.append((match.group(1).lower(), op, literal))
        if not clause:
            return None
        clauses.append(tuple(clause))
    return tuple(clauses)


_UNION_PLANS: dict[str, tuple | None] = {}


def _outer_group(expr: str) -> tuple[str, str] | None:
    """(inner, predicate) of "(inner)[1]" or "(inner)" when the parentheses hold the whole union."""
    tail = "[1]" if expr.endswith(")[1]") else ""
    if not expr.startswith("(") or not expr.endswith(")" + tail):
        return None
    end = _closing(expr, 1, "(", ")")
    return (expr[1:end], tail) if end == len(expr) - len(tail) - 1 else None


def _closing(expr: str, start: int, opening: str, closing: str) -> int:
    """The index of the ``closing`` character that closes the ``opening`` one just before
    ``start``, quoted literals skipped (-1: none)."""
    depth, quote = 1, ""
    for i in range(start, len(expr)):
        char = expr[i]
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return i
    return -1


def _union_plan(expr: str) -> tuple | None:
    """(branches, their markup_needs, predicate, grouped) of a union XPath; None for others."""
    if expr not in _UNION_PLANS:
        expr_ = expr.strip()
        group = _outer_group(expr_)
        inner, tail = group if group else (expr_, "")
        branches = _top_level_branches(inner)
        plan = None
        if branches and len(branches) > 1:
            needs = tuple(path_needs(b.strip()) for b in branches)
            if any(n is not None for n in needs):
                plan = (tuple(b.strip() for b in branches), needs, tail, group is not None)
        _UNION_PLANS[expr] = plan
    return _UNION_PLANS[expr]


def path_needs(expr: str):
    """markup_needs of a location path (a function at the top may return a string or number
    even when nothing matches: no prefilter for those)."""
    return markup_needs(expr) if expr.lstrip()[:1] in ("/", ".", "(") else None
