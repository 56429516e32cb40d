"""Faster equivalent XPaths: ``faster_xpath(expr)`` / ``compile_xpath(expr)`` give the same
XPath in a form libxml2 evaluates faster (descendant steps, attribute-first tests, an "or" of
attribute tests as a union of attribute scans), for the engine tables' XPaths and the fallback's;
``narrowed(xpath, facts)`` the same XPath without the union branches a page cannot match.
The rewrites select the same nodes in the same order (tests/test_fast_paths.py checks them on
every sample page)."""

from __future__ import annotations

import re

from lxml import etree

from .prefilter import _QUOTED, _closing, _outer_group, _top_level_branches, _union_plan, top_level_chars

# libxml2 evaluates "//x[p]" as "descendant-or-self::node()/child::x[p]": it collects every node
# of the tree (text nodes too) before it tests a name, and it evaluates a predicate with its own
# node-set per element. Two rewrites select the same nodes in the same order, faster:
# * "//x[p]" -> "/descendant::x[p]" (equal when no predicate is positional: nothing in the XPath
#   can be a number, see _position_free): measured 25% less time for a class test;
# * "//x[c]" where the condition c tests one attribute only and is false without it (and/or of
#   contains/starts-with with a non-empty literal, equality, has_class's token test) ->
#   "//x/@a[c on .]/parent::*": the elements whose attribute passes, 1.3x (a tag) to 5x ("*")
#   faster than a predicate per element.
_LITERAL_OR_TEXT = re.compile(r"'[^']*'|\"[^\"]*\"|[^'\"]+")
_NUMBER_FUNCTIONS = re.compile(r"\b(?:position|last|count|string-length|sum|number|floor|ceiling|round)\s*\(")
_NUMBER = re.compile(r"(?<![\w.-])\d|[+]|\bdiv\s*[\d(@$]|\bmod\b")
_DESCENDANT_STEP = re.compile(r"//(?=[A-Za-z_*])(?![\w.-]*\s*(?:::|\())")
_PREDICATE_STEP = re.compile(r"//(\*|[A-Za-z_][\w.-]*)\[")
_LIT, _FULL_LIT = r"(?:'[^']*'|\"[^\"]*\")", r"(?:'[^']+'|\"[^\"]+\")"
_ATTRIBUTE_ATOM = re.compile(  # one test of an attribute that is false when the element lacks it
    rf"(?:contains|starts-with)\(\s*@(?P<a>[\w:-]+)\s*,\s*{_FULL_LIT}\s*\)|@(?P<b>[\w:-]+)\s*=\s*{_LIT}"
    rf"|contains\(\s*concat\(\s*' '\s*,\s*normalize-space\(\s*@(?P<c>[\w:-]+)\s*\)\s*,\s*' '\s*\)\s*,\s*' [^' ]+ '\s*\)")
_ONLY_CONNECTIVES = re.compile(r"(?:\s|\(|\)|\x00|\band\b|\bor\b)*")


def _outside_literals(expr: str, rewrite) -> str:
    return "".join(part if part[0] in "'\"" else rewrite(part) for part in _LITERAL_OR_TEXT.findall(expr))


def _position_free(expr: str) -> bool:
    bare = _QUOTED.sub("''", expr)
    return not _NUMBER_FUNCTIONS.search(bare) and not _NUMBER.search(bare)


def _one_attribute(condition: str) -> str | None:
    """The attribute a predicate tests, when it is and/or of _ATTRIBUTE_ATOMs of that one only."""
    names = {m.group("a") or m.group("b") or m.group("c") for m in _ATTRIBUTE_ATOM.finditer(condition)}
    if len(names) != 1 or not _ONLY_CONNECTIVES.fullmatch(_ATTRIBUTE_ATOM.sub("\x00", condition)):
        return None
    return names.pop()


def _on_value(condition: str, name: str) -> str:
    """The condition on @name as a test of the attribute itself (".")."""
    attribute = re.compile(rf"@{re.escape(name)}(?![\w:-])")
    return _outside_literals(condition, lambda part: attribute.sub(".", part)).strip()


def _attributes_first(expr: str) -> str:
    out, at = [], 0
    quoted = [m.span() for m in _QUOTED.finditer(expr)]
    for match in _PREDICATE_STEP.finditer(expr):
        end = _closing(expr, match.end(), "[", "]")
        if match.start() < at or end < 0 or any(a <= match.start() < b for a, b in quoted):
            continue
        condition = expr[match.end():end]
        name = _one_attribute(condition)
        if name is None:
            continue
        out += [expr[at:match.start()], f"//{match.group(1)}/@{name}[{_on_value(condition, name)}]/parent::*"]
        at = end + 1
    return "".join(out) + expr[at:]


# A first step "//x[A or B]" (or "//x[(A or B) and R]") whose terms each test one attribute
# or name the element (self::t) -> the union of their scans "//x/@a[A on .]/parent::*[R] | ...":
# the same elements in page order (a union is a set in page order), each scan as above; and
# "//x[A and R]" with A on one attribute -> "//x/@a[A on .]/parent::*[R]".
_FIRST_STEP = re.compile(r"(\.?//)(\*|[A-Za-z_][\w.-]*)\[")
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-:@$")


def _split_top(expr: str, word: str) -> list[str]:
    """``expr`` cut at its operators ``word`` ("or", "and") outside brackets and literals."""
    parts, start, n = [], 0, len(word)
    for i, _, depth in top_level_chars(expr):
        if (not depth and i >= start and expr.startswith(word, i) and (i == 0 or expr[i - 1] not in _NAME_CHARS)
                and expr[i + n:i + n + 1] not in _NAME_CHARS):
            parts.append(expr[start:i].strip())
            start = i + n
    return [*parts, expr[start:].strip()]


def _unwrap(expr: str) -> str:
    expr = expr.strip()
    while expr.startswith("(") and _closing(expr, 1, "(", ")") == len(expr) - 1:
        expr = expr[1:-1].strip()
    return expr


def _term_scan(prefix: str, tag: str, term: str) -> str | None:
    """The scan of the elements "prefix tag" passing one term of the "or" (None: not one)."""
    term = _unwrap(term)
    first, *rest = [term] if _one_attribute(term) else _split_top(term, "and")
    first = _unwrap(first)
    name = _one_attribute(first)
    if name is not None:
        scan = f"{prefix}{tag}/@{name}[{_on_value(first, name)}]/parent::*"
    elif re.fullmatch(r"@[\w:-]+", first):
        scan = f"{prefix}{tag}/{first}/parent::*"
    elif re.fullmatch(r"self::[A-Za-z_][\w.-]*", first) and tag in ("*", first[6:]):
        scan = f"{prefix}{first[6:]}"
    else:
        return None
    return scan + "".join(f"[{c}]" for c in rest)


def _or_as_union(branch: str) -> str:
    match = _FIRST_STEP.match(branch)
    end = _closing(branch, match.end(), "[", "]") if match else -1
    if end < 0 or branch[end + 1:end + 2] not in ("", "/"):
        return branch
    predicate, rest, others = branch[match.end():end], branch[end + 1:], []
    terms = _split_top(predicate, "or")
    if len(terms) == 1:
        group, *others = _split_top(predicate, "and")
        terms = _split_top(_unwrap(group), "or")
    if _one_attribute(" or ".join(terms)) is not None:  # one attribute: one scan (_attributes_first)
        if not others:
            return branch
        terms = [" or ".join(f"({term})" for term in terms)] if len(terms) > 1 else terms
    elif len(terms) == 1:
        return branch
    scans = [_term_scan(match.group(1), match.group(2), term) for term in terms]
    if None in scans:
        return branch
    scans = [scan + "".join(f"[{c}]" for c in others) for scan in scans]
    return " | ".join(scans) + rest if not rest or len(scans) == 1 else f"({' | '.join(scans)}){rest}"


def faster_xpath(expr: str) -> str:
    """An XPath selecting the same nodes in the same order, in a form libxml2 evaluates faster
    (see above); the XPath itself when unsure (a positional predicate, a number anywhere)."""
    inner, tail = _outer_group(expr.strip()) or (expr, None)
    if not _position_free(inner):
        return expr
    branches = _top_level_branches(inner) or [inner]
    unions = [_or_as_union(branch.strip()) for branch in branches]
    if unions != [branch.strip() for branch in branches]:
        inner = " | ".join(unions)
    inner = _attributes_first(inner)
    inner = _outside_literals(inner, lambda part: _DESCENDANT_STEP.sub("/descendant::", part))
    return inner if tail is None else f"({inner}){tail}"


def compile_xpath(expr: str) -> etree.XPath:
    """``etree.XPath`` of the faster equivalent form of ``expr`` (faster_xpath)."""
    fast = faster_xpath(expr)
    WRITTEN_FORMS.setdefault(fast, expr)  # (narrowed plans on the written form)
    return etree.XPath(fast)


_NARROWED: dict[str, etree.XPath] = {}
WRITTEN_FORMS: dict[str, str] = {}  # faster form -> the XPath as written (compile_xpath fills it)


def narrowed(xpath: etree.XPath | None, facts, needs=None) -> etree.XPath | None:
    """The XPath as this page needs it (``facts``: the page's engines.PageFacts): None when it
    cannot match (its ``needs`` are missing), else without the union branches that cannot match
    (the same nodes, fewer scans)."""
    if xpath is None or facts is None:
        return xpath
    if not facts.may_match(needs):
        return None
    plan = _union_plan(WRITTEN_FORMS.get(xpath.path, xpath.path))
    if plan is None:
        return xpath
    branches, branch_needs, tail, grouped = plan
    possible = [b for b, n in zip(branches, branch_needs) if facts.may_match(n)]
    if len(possible) == len(branches):
        return xpath
    if not possible:
        return None
    expr = " | ".join(possible)
    expr = f"({expr}){tail}" if grouped else expr
    compiled = _NARROWED.get(expr)
    if compiled is None:
        compiled = _NARROWED[expr] = compile_xpath(expr)
    return compiled
