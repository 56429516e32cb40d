"""The same regex, in a form Python's regex engine scans faster: ``faster_regex``.

A search tries the pattern at every position of the text. When the pattern starts with a
literal or one character class, the engine first jumps to the positions holding one (a C
loop over the characters); when it starts with an alternation of classes, a look-behind or a
word boundary, it runs the whole matcher at every position instead, 5-10x slower on prose.
Putting a look-ahead on the characters every match starts with in front (``(?=[...])``)
leaves the matches unchanged (it consumes nothing, and every match starts with one of them)
and costs one class test per position. Measured on the bench pages' body lines: the
evasion substitutions 1.8 -> 0.7 ms, the self-promotion search 3.1 -> 0.9 ms.

The first characters are read from the pattern's parse tree; anything not understood (a
possible empty match, a local flag, a negated class) leaves the pattern as it is.
"""

from __future__ import annotations

import re

try:
    from re import _constants as _sre, _parser as _sre_parser
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]

_ZERO_WIDTH = (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT)
_CATEGORIES = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_NOT_DIGIT: r"\D", _sre.CATEGORY_SPACE: r"\s",
               _sre.CATEGORY_NOT_SPACE: r"\S", _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W"}


def _class_items(op, av) -> list[str] | None:
    """A consuming item's characters as character-class source, or None when unknown."""
    if op is _sre.LITERAL:
        return [re.escape(chr(av))]
    if op is _sre.IN:
        items = []
        for sub_op, sub_av in av:
            if sub_op is _sre.LITERAL:
                items.append(re.escape(chr(sub_av)))
            elif sub_op is _sre.RANGE:
                items.append(f"{re.escape(chr(sub_av[0]))}-{re.escape(chr(sub_av[1]))}")
            elif sub_op is _sre.CATEGORY and sub_av in _CATEGORIES:
                items.append(_CATEGORIES[sub_av])
            else:  # a negated class, a class of a local flag: not read
                return None
        return items
    return None


def first_chars(items) -> list[str] | None:
    """The characters every match of a parsed sequence starts with (class source), or None."""
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _sre.BRANCH:
            found = [first_chars(branch) for branch in av[1]]
            return None if any(f is None for f in found) else [item for f in found for item in f]
        if op is _sre.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            return None if add_flags or del_flags else first_chars(sub)
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            return first_chars(av[2])
        return _class_items(op, av)
    return None  # it may match the empty string


def _starts_fast(items, ignore_case: bool) -> bool:
    """Whether the engine already jumps between candidate positions: a literal or a class
    first, or an alternation whose every branch starts with a literal (not a cased letter
    under IGNORECASE: then the engine has no such jump)."""
    if not items:
        return False
    op, av = items[0]
    if op is _sre.SUBPATTERN and not av[1] and not av[2]:
        return _starts_fast(av[3], ignore_case)
    if op is _sre.BRANCH:
        return all(branch and _starts_fast(branch[:1], ignore_case) and branch[0][0] is _sre.LITERAL
                   for branch in av[1])
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:  # (measured as fast as its item)
        return _starts_fast(list(av[2]), ignore_case)
    if op is _sre.LITERAL:
        return not (ignore_case and _cased(av))
    if op is _sre.IN:
        return not (ignore_case and any(sub_op is not _sre.LITERAL or _cased(sub_av) for sub_op, sub_av in av))
    return False


def _cased(code: int) -> bool:
    char = chr(code)
    return char.lower() != char or char.upper() != char


def faster_regex(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with a look-ahead on its first characters in front (the same matches), or
    ``pattern`` itself when that is unknown or the engine already starts fast."""
    try:
        parsed = _sre_parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unknown construct: left as it is
        return pattern
    if _starts_fast(list(parsed), bool(pattern.flags & re.IGNORECASE)):
        return pattern
    chars = first_chars(parsed)
    if not chars:
        return pattern
    try:
        return re.compile(f"(?=[{''.join(dict.fromkeys(chars))}])(?:{pattern.pattern})", pattern.flags)
    except re.error:  # (a global flag written in the pattern must stay at its start)
        return pattern
