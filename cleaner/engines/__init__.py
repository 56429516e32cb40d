"""The engine registry and engine detection.

Each engine module exposes ``TABLES`` (a tuple of EngineTable) or ``TABLE``. The registry is an
explicit list of module names; a module that does not exist (yet) is skipped, so adding an engine
means adding its module name here and its file next to this one.

Detection weighs fingerprints (generator meta, markup XPaths, footer text, URL patterns) and
picks the table with the highest score, if that score reaches ``MIN_DETECTION_SCORE``.
"""

from __future__ import annotations

import importlib
import re
import warnings
from dataclasses import dataclass

from lxml import etree

from .base import EngineTable, Fingerprint

ENGINE_MODULES = (
    "discuz",
    "phpwind",
    "tieba",
    "phpbb",
    "vbulletin",
    "xenforo",
    "discourse",
    "smf",
    "mybb",
    "invision",
    "nodebb",
    "vanilla",
    "bbpress",
    "kunena",
    "stackexchange",
    "wordpress_forums",
)
TEXT_TAIL_CHARS = 4000  # text fingerprints look at the start (title) and end (footer) of the page
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


def _compile(expr: str, *, boolean: bool = False) -> etree.XPath | None:
    if not expr:
        return None
    return etree.XPath(f"boolean({expr})" if boolean else expr)


@dataclass(frozen=True)
class CompiledFingerprint:
    fingerprint: Fingerprint
    generator: re.Pattern | None
    xpath: etree.XPath | None
    text: re.Pattern | None
    url: re.Pattern | None
    needs: tuple[str, ...] = ()  # class/id tokens the XPath cannot match without


# Class and id literals an XPath requires, so a page without them skips the XPath (a scan of
# the whole tree) after one look at its attribute values. Only for XPaths without "|" or "or".
_ATTRIBUTE_LITERAL = re.compile(r"@(?:class|id)\s*(?:=|,)\s*'([^']+)'")
_CLASS_TOKEN_LITERAL = re.compile(r"normalize-space\(@class\),\s*' '\),\s*' ([^' ]+) '")
_ALL_CLASSES_AND_IDS = etree.XPath("//@class | //@id")


def required_literals(expr: str) -> tuple[str, ...]:
    """Tokens that must occur in some class or id for the XPath to match (() when unsure)."""
    if not expr or "|" in expr or " or " in expr or "not(" in expr:
        return ()
    found = _ATTRIBUTE_LITERAL.findall(expr) + _CLASS_TOKEN_LITERAL.findall(expr)
    return tuple(lit.strip() for lit in found if lit.strip())


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


def _compile_fingerprint(fp: Fingerprint) -> CompiledFingerprint:
    return CompiledFingerprint(
        fingerprint=fp,
        generator=re.compile(fp.generator, re.IGNORECASE) if fp.generator else None,
        xpath=_compile(fp.xpath, boolean=True),
        text=re.compile(fp.text, re.IGNORECASE) if fp.text else None,
        url=re.compile(fp.url, re.IGNORECASE) if fp.url else None,
        needs=required_literals(fp.xpath),
    )


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
    compiled = CompiledTable(
        table=table,
        fingerprints=tuple(_compile_fingerprint(fp) for fp in table.fingerprints),
        post=etree.XPath(table.post),
        body=etree.XPath(table.body),
        author=_compile(table.author),
        date=_compile(table.date),
        floor=_compile(table.floor),
        title=_compile(table.title),
        forum=_compile(table.forum),
        quote=tuple(etree.XPath(x) for x in table.quote),
        signature=tuple(etree.XPath(x) for x in table.signature),
        edit_notice=tuple(etree.XPath(x) for x in table.edit_notice),
        drop=tuple((etree.XPath(x), _drop_rule(table, x)) for x in table.drop),
        noise=tuple(etree.XPath(x) for x in table.noise),
        chrome_line=re.compile(chrome) if chrome else None,
    )
    _CACHE[key] = compiled
    return compiled


_CACHE: dict[int, CompiledTable] = {}
_GENERATOR = etree.XPath(
    "//meta[translate(@name, 'GENERATOR', 'generator') = 'generator']/@content"
)


@dataclass(frozen=True)
class Detection:
    """The engine a page was made with (table None: no engine scored enough)."""

    table: EngineTable | None
    score: float
    evidence: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.table.name if self.table is not None else "generic"


class _PageFacts:
    """What fingerprints look at, computed at most once per page."""

    def __init__(self, root: etree._Element, url: str | None) -> None:
        self.root = root
        self.url = url or ""
        self.generator = " ".join(_GENERATOR(root))
        self._text: str | None = None
        self._attributes: str | None = None

    @property
    def text(self) -> str:
        """The title and the end of the page text: where "Powered by X" footers are."""
        if self._text is None:
            text = etree.tostring(self.root, method="text", encoding=str)
            self._text = text if len(text) <= 2 * TEXT_TAIL_CHARS else text[:TEXT_TAIL_CHARS] + text[-TEXT_TAIL_CHARS:]
        return self._text

    @property
    def attributes(self) -> str:
        if self._attributes is None:
            self._attributes = " ".join(_ALL_CLASSES_AND_IDS(self.root))
        return self._attributes


def _matches(fp: CompiledFingerprint, facts: _PageFacts) -> bool:
    if fp.generator is not None and not (facts.generator and fp.generator.search(facts.generator)):
        return False
    if fp.url is not None and not (facts.url and fp.url.search(facts.url)):
        return False
    if fp.needs and not all(token in facts.attributes for token in fp.needs):
        return False
    if fp.xpath is not None and not fp.xpath(facts.root):
        return False
    if fp.text is not None and not fp.text.search(facts.text):
        return False
    return fp.generator is not None or fp.url is not None or fp.xpath is not None or fp.text is not None


def score_table(table: EngineTable, facts: _PageFacts) -> tuple[float, tuple[str, ...]]:
    """Sum of the weights of the table's fingerprints that match the page, and their names."""
    score = 0.0
    evidence = []
    for fp in compile_table(table).fingerprints:
        if _matches(fp, facts):
            score += fp.fingerprint.weight
            evidence.append(fp.fingerprint.name)
    return score, tuple(evidence)


def rank(
    root: etree._Element,
    url: str | None = None,
    *,
    engines: tuple[EngineTable, ...] | None = None,
    min_score: float = MIN_DETECTION_SCORE,
) -> list[Detection]:
    """Every table scoring at least min_score, best first (ties keep registry order)."""
    facts = _PageFacts(root, url)
    found = []
    for table in ENGINES if engines is None else engines:
        score, evidence = score_table(table, facts)
        if score >= min_score:
            found.append(Detection(table, score, evidence))
    found.sort(key=lambda d: -d.score)
    return found


def detect(
    root: etree._Element,
    url: str | None = None,
    *,
    engines: tuple[EngineTable, ...] | None = None,
    min_score: float = MIN_DETECTION_SCORE,
) -> Detection:
    """The best-scoring engine table for a parsed page, or Detection(None, 0.0) for none."""
    ranked = rank(root, url, engines=engines, min_score=min_score)
    return ranked[0] if ranked else Detection(None, 0.0)


__all__ = [
    "ENGINES",
    "ENGINE_MODULES",
    "CompiledTable",
    "Detection",
    "EngineTable",
    "Fingerprint",
    "compile_table",
    "detect",
    "rank",
    "load_engines",
    "score_table",
]
