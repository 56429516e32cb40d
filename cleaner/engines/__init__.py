"""The engine registry and engine detection.

Each engine module exposes ``TABLES`` (a tuple of EngineTable) or ``TABLE``. The registry is an
explicit list of module names (engines/registry.py); a module that does not exist (yet) is
skipped, so adding an engine means adding its name there and its file next to this one.

Detection weighs fingerprints (generator meta, markup XPaths, footer text, URL patterns) and
picks the table with the highest score, if that score reaches ``MIN_DETECTION_SCORE``.
"""

from __future__ import annotations

import importlib
import re
import warnings
from dataclasses import dataclass, field
from typing import Iterator


from lxml import etree

from ..fastxpath import compile_xpath, narrowed
from ..prefilter import markup_needs, needed_literals, path_needs
from .base import EngineTable, Fingerprint
from .facts import TEXT_TAIL_CHARS, PageFacts, generator_meta  # noqa: F401  (public here)
from .gates import Gates, gates, refused
from .registry import ENGINE_MODULES

MIN_DETECTION_SCORE = 2.0  # e.g. the generator meta alone, or two markup fingerprints


def _module_tables(name: str) -> tuple[EngineTable, ...]:
    module_name = f"{__name__}.{name}"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return ()
        raise
    except Exception as exc:  # a broken engine module must not take the others down
        warnings.warn(f"engine module {name} failed to import and is skipped: {exc!r}", RuntimeWarning, stacklevel=2)
        return ()
    tables = getattr(module, "TABLES", None)
    if tables is None:
        table = getattr(module, "TABLE", None)
        tables = (table,) if table is not None else ()
    return tuple(t for t in tables if isinstance(t, EngineTable))


def load_engines(modules: tuple[str, ...] = ENGINE_MODULES) -> tuple[EngineTable, ...]:
    """The tables of every engine module that exists, in registry order."""
    return tuple(table for name in modules for table in _module_tables(name))


ENGINES: tuple[EngineTable, ...] = load_engines()


# A fingerprint "//tag[@id='x']" asks the parser's table of ids instead of scanning the page
# (libxml2 registers every id attribute while parsing: XPath id() is a hash lookup, ~1 us against
# ~100 us for the scan). The one difference: of several elements sharing an id, id() knows the
# first only (an HTML page's ids are unique).
_ID_TEST = re.compile(r"//([a-z][a-z0-9]*|\*)\[@id='([^'\s]+)'\]")


def _compile(expr: str, *, boolean: bool = False) -> etree.XPath | None:
    if not expr:
        return None
    if boolean:
        by_id = _ID_TEST.fullmatch(expr.strip())
        if by_id:
            tag, value = by_id.groups()
            return etree.XPath(f"boolean(id('{value}')" + ("" if tag == "*" else f"[self::{tag}]") + ")")
        return compile_xpath(f"boolean({expr})")
    return compile_xpath(expr)


@dataclass(frozen=True)
class CompiledFingerprint:
    fingerprint: Fingerprint
    generator: re.Pattern | None
    xpath: etree.XPath | None
    text: re.Pattern | None
    url: re.Pattern | None
    # Cheap necessary conditions, in disjunctive normal form (any clause, all of its items),
    # checked before the expensive test; None: no such condition is known, always test.
    markup_needs: tuple[tuple[tuple[str, str, str], ...], ...] | None = None  # (attr, op, literal)
    text_needs: tuple[tuple[str, ...], ...] | None = None  # lower-case literals of the text regex
    key: int = -1  # same key, same answer on a page: tables share fingerprints (see _key)
    costly: bool = False  # needs a scan of its own (an attribute besides class/id, or a bare XPath)
    tag: str | None = None  # of an XPath "//tag": no such element, no match (PageFacts.has_element)
    id_prefix: tuple[str, str] | None = None  # (tag, prefix) of "//tag[starts-with(@id, 'prefix')]"


def text_needs(pattern: str) -> tuple[tuple[str, ...], ...] | None:
    """Lower-case literals a text fingerprint (matched case-insensitively) cannot match without."""
    return needed_literals(pattern, re.IGNORECASE)


@dataclass(frozen=True)
class CompiledTable:
    """An engine table with its XPaths and regexes compiled once."""

    table: EngineTable
    fingerprints: tuple[CompiledFingerprint, ...]
    post: etree.XPath
    body: etree.XPath
    author: etree.XPath | None
    date: etree.XPath | None
    floor: etree.XPath | None
    title: etree.XPath | None
    forum: etree.XPath | None
    quote: tuple[etree.XPath, ...]
    signature: tuple[etree.XPath, ...]
    edit_notice: tuple[etree.XPath, ...]
    drop: tuple[tuple[etree.XPath, str], ...]  # (xpath, rule name)
    noise: tuple[etree.XPath, ...]
    chrome_line: re.Pattern | None
    # XPath object -> markup_needs of its expression: a page without them skips the XPath.
    needs: dict = field(default_factory=dict, compare=False)
    # (key, weight, costly, fingerprint) of each fingerprint, in table order: what scoring reads.
    scoring: tuple = field(default=(), compare=False)


_KEYS: dict[tuple, int] = {}  # (generator, xpath, text, url) -> its number, the answers' key


def _key(fp: Fingerprint) -> int:
    """One number per distinct test (Speed: an int key hashes at once, a tuple of 4 strings not)."""
    return _KEYS.setdefault((fp.generator, fp.xpath, fp.text, fp.url), len(_KEYS))


def _compile_fingerprint(fp: Fingerprint) -> CompiledFingerprint:
    return CompiledFingerprint(
        fingerprint=fp,
        generator=re.compile(fp.generator, re.IGNORECASE) if fp.generator else None,
        xpath=_compile(fp.xpath, boolean=True),
        text=re.compile(fp.text, re.IGNORECASE) if fp.text else None,
        url=re.compile(fp.url, re.IGNORECASE) if fp.url else None,
        markup_needs=markup_needs(fp.xpath),
        text_needs=text_needs(fp.text),
        key=_key(fp),
        costly=_costly(fp.xpath),
        tag=_bare_tag(fp.xpath),
        id_prefix=_id_prefix(fp.xpath),
    )


_ID_PREFIX_TEST = re.compile(r"\s*//([a-z][a-z0-9]*|\*)\[starts-with\(@id, '([^'\s]+)'\)\]\s*")


def _id_prefix(expr: str) -> tuple[str, str] | None:
    """(tag, prefix) of an XPath "//tag[starts-with(@id, 'prefix')]" (PageFacts.has_id_prefix)."""
    match = _ID_PREFIX_TEST.fullmatch(expr) if expr else None
    return (match.group(1), match.group(2)) if match else None


_BARE_TAG = re.compile(r"\s*//([A-Za-z][\w.-]*)\s*")


def _bare_tag(expr: str) -> str | None:
    """The tag of an XPath "//tag" (any element so named), None for others."""
    match = _BARE_TAG.fullmatch(expr) if expr else None
    return match.group(1) if match else None


CHEAP_ATTRIBUTES = frozenset({"class", "id"})  # scanned once per page for every table


def _costly(expr: str) -> bool:
    if not expr:
        return False
    needs = markup_needs(expr)
    return needs is None or any(attribute not in CHEAP_ATTRIBUTES for clause in needs for attribute, _, _ in clause)


def _drop_rule(table: EngineTable, expr: str) -> str:
    names = table.extra.get("rule_names", {}) if isinstance(table.extra, dict) else {}
    return f"{table.name}:{names.get(expr, 'drop')}"


def compile_table(table: EngineTable) -> CompiledTable:
    """Compile every XPath and regex of a table (cached: call it as often as you like)."""
    key = id(table)
    cached = _CACHE.get(key)
    if cached is not None and cached.table is table:
        return cached
    chrome = "|".join(f"(?:{p})" for p in table.chrome_lines)
    fingerprints = tuple(_compile_fingerprint(fp) for fp in table.fingerprints)
    xpaths: dict[str, etree.XPath] = {}

    def xpath(expr: str) -> etree.XPath:
        if expr not in xpaths:
            xpaths[expr] = compile_xpath(expr)
        return xpaths[expr]

    def optional(expr: str) -> etree.XPath | None:
        return xpath(expr) if expr else None

    compiled = CompiledTable(
        table=table,
        fingerprints=fingerprints,
        post=xpath(table.post),
        body=xpath(table.body),
        author=optional(table.author),
        date=optional(table.date),
        floor=optional(table.floor),
        title=optional(table.title),
        forum=optional(table.forum),
        quote=tuple(xpath(x) for x in table.quote),
        signature=tuple(xpath(x) for x in table.signature),
        edit_notice=tuple(xpath(x) for x in table.edit_notice),
        drop=tuple((xpath(x), _drop_rule(table, x)) for x in table.drop),
        noise=tuple(xpath(x) for x in table.noise),
        chrome_line=re.compile(rf"(?:{chrome})\s*", re.I) if chrome else None,
        needs={compiled_xpath: path_needs(expr) for expr, compiled_xpath in xpaths.items()},
        scoring=tuple((fp.key, fp.fingerprint.weight, fp.costly, fp) for fp in fingerprints),
    )
    _CACHE[key] = compiled
    return compiled


_CACHE: dict[int, CompiledTable] = {}
_CHROME_LINES: dict[str, tuple[re.Pattern, ...]] = {}


def chrome_line_patterns(engine: str) -> tuple[re.Pattern, ...]:
    """The whole-line chrome patterns of every table of ``engine`` (compiled once): the rules
    apply them to body lines of HTML pages and of text dumps alike."""
    if engine not in _CHROME_LINES:
        compiled = (compile_table(t).chrome_line for t in ENGINES if t.name == engine)
        _CHROME_LINES[engine] = tuple(c for c in compiled if c is not None)
    return _CHROME_LINES[engine]
@dataclass(frozen=True)
class Detection:
    """The engine a page was made with (table None: no engine scored enough)."""

    table: EngineTable | None
    score: float
    evidence: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.table.name if self.table is not None else "generic"


def _test(fp: CompiledFingerprint, facts: PageFacts) -> bool:
    if fp.generator is not None and not (facts.generator and fp.generator.search(facts.generator)):
        return False
    if fp.url is not None and not (facts.url and fp.url.search(facts.url)):
        return False
    if fp.xpath is not None:
        if not facts.may_match(fp.markup_needs):
            return False
        if fp.tag is not None and not facts.has_element(fp.tag):
            return False
        if not (fp.id_prefix is not None and facts.has_id_prefix(*fp.id_prefix)) and not fp.xpath(facts.root):
            return False
    if fp.text is not None:
        if not facts.text_may_contain(fp.text_needs):
            return False
        if not fp.text.search(facts.text):
            return False
    return fp.generator is not None or fp.url is not None or fp.xpath is not None or fp.text is not None


def reachable_score(table: EngineTable, facts: PageFacts) -> float:
    """The weight of the table's cheap fingerprints that match the page plus that of every costly
    one: the most ``score_table`` can give it, known without a scan of the page of its own."""
    return _reachable(compile_table(table), facts)


def _matched(answers: dict[int, bool], key: int, fp: CompiledFingerprint, facts: PageFacts) -> bool:
    """Does the page show this fingerprint? ``answers``: the page's, shared by the tables, so
    that a fingerprint is tested once per page."""
    answer = answers.get(key)
    if answer is None:
        answer = answers[key] = _test(fp, facts)
    return answer


def _reachable(ct: CompiledTable, facts: PageFacts) -> float:
    answers = facts.answers
    reachable = 0.0
    for key, weight, costly, fp in ct.scoring:
        if costly:
            reachable += weight
        else:  # (Speed: _answer_cheap has left the answer here, mostly: no call)
            answer = answers.get(key)
            if answer or (answer is None and _matched(answers, key, fp, facts)):
                reachable += weight
    return reachable


def _answer_cheap(gated: Gates, facts: PageFacts) -> None:
    """Every cheap fingerprint's answer in ``facts.answers``: the refused ones No at once
    (gates.py), the others tested."""
    answers = facts.answers
    answers.update(dict.fromkeys(refused(gated, facts), False))
    for key, fp in gated.tests.items():
        _matched(answers, key, fp, facts)


def score_table(table: EngineTable, facts: PageFacts, min_score: float | None = None) -> tuple[float, tuple[str, ...]]:
    """Sum of the weights of the table's fingerprints that match the page, and their names.

    With ``min_score``, a table that cannot reach it even if every costly fingerprint matched
    skips those (its partial score, below min_score, is returned): ranking drops it anyway."""
    ct = compile_table(table)
    return _score(ct, facts, min_score is not None and _reachable(ct, facts) < min_score)


def _score(ct: CompiledTable, facts: PageFacts, skip_costly: bool) -> tuple[float, tuple[str, ...]]:
    answers = facts.answers
    score = 0.0
    evidence = []
    for key, weight, costly, fp in ct.scoring:  # table order: score and evidence do not depend on test order
        if costly and skip_costly:
            continue
        if _matched(answers, key, fp, facts):
            score += weight
            evidence.append(fp.fingerprint.name)
    return score, tuple(evidence)


_COMPILED_SETS: dict[int, tuple] = {}  # id(tables) -> (tables, their compiled tables, their gates)
MAX_COMPILED_SETS = 64  # callers pass ENGINES or a few tuples of their own


def _compiled(engines: tuple[EngineTable, ...] | None) -> tuple[tuple[CompiledTable, ...], Gates]:
    """The compiled tables and the gates of their cheap fingerprints, looked up once per call
    (Speed: not once per table and page)."""
    tables = ENGINES if engines is None else engines
    cached = _COMPILED_SETS.get(id(tables))
    if cached is None or cached[0] is not tables:
        if len(_COMPILED_SETS) >= MAX_COMPILED_SETS:
            _COMPILED_SETS.clear()
        compiled = tuple(compile_table(t) for t in tables)
        cheap = gates(fp for ct in compiled for fp in ct.fingerprints if not fp.costly)
        cached = _COMPILED_SETS[id(tables)] = (tables, compiled, cheap)
    return cached[1], cached[2]


def rank(
    root: etree._Element,
    url: str | None = None,
    *,
    engines: tuple[EngineTable, ...] | None = None,
    min_score: float = MIN_DETECTION_SCORE,
    facts: PageFacts | None = None,
) -> list[Detection]:
    """Every table scoring at least min_score, best first (ties keep registry order).
    ``facts``: the page's PageFacts when the caller keeps them for the table XPaths."""
    facts = facts or PageFacts(root, url)
    found = []
    for ct in _compiled(engines)[0]:
        score, evidence = _score(ct, facts, _reachable(ct, facts) < min_score)
        if score >= min_score:
            found.append(Detection(ct.table, score, evidence))
    found.sort(key=lambda d: -d.score)
    return found


def ranked(
    root: etree._Element,
    url: str | None = None,
    *,
    engines: tuple[EngineTable, ...] | None = None,
    min_score: float = MIN_DETECTION_SCORE,
    facts: PageFacts | None = None,
) -> Iterator[Detection]:
    """``rank``'s detections, in the same order, each scored only when it is needed: a table's
    costly fingerprints (each a scan of the page) are tested only while the table could still
    come before the best one scored so far. For callers that stop at the first table that works
    (segment_html): a page that a table recognises clearly skips the other tables' scans.
    (A score never exceeds ``reachable_score``: both add positive weights in table order.)"""
    facts = facts or PageFacts(root, url)
    pending = []  # (registry index, compiled table, the most it can score) of tables not scored yet
    compiled, gated = _compiled(engines)
    _answer_cheap(gated, facts)
    for index, ct in enumerate(compiled):
        upper = _reachable(ct, facts)
        if upper >= min_score:  # else score_table would leave it below min_score: rank drops it
            pending.append((index, ct, upper))
    scored: list[tuple[float, int, Detection]] = []
    while pending or scored:
        best = min(scored, key=lambda item: (-item[0], item[1])) if scored else None
        # rank orders by score, ties in registry order: who could still come before the best?
        contenders = [item for item in pending if best is None or item[2] > best[0]
                      or (item[2] == best[0] and item[0] < best[1])]
        if contenders:
            index, ct, _ = item = max(contenders, key=lambda item: (item[2], -item[0]))
            pending.remove(item)
            score, evidence = _score(ct, facts, False)  # (pending: its upper bound reaches min_score)
            if score >= min_score:
                scored.append((score, index, Detection(ct.table, score, evidence)))
            continue
        scored.remove(best)
        yield best[2]


def detect(
    root: etree._Element,
    url: str | None = None,
    *,
    engines: tuple[EngineTable, ...] | None = None,
    min_score: float = MIN_DETECTION_SCORE,
) -> Detection:
    """The best-scoring engine table for a parsed page, or Detection(None, 0.0) for none.
    (The lazy ranking: the other tables' costly scans are skipped once they cannot win.)"""
    return next(ranked(root, url, engines=engines, min_score=min_score), Detection(None, 0.0))


__all__ = [
    "ENGINES",
    "ENGINE_MODULES",
    "CompiledTable",
    "Detection",
    "PageFacts",
    "EngineTable",
    "Fingerprint",
    "compile_table",
    "detect",
    "rank",
    "ranked",
    "reachable_score",
    "load_engines",
    "markup_needs",
    "narrowed",
    "text_needs",
    "score_table",
]
