"""Which cheap fingerprints cannot match on a page, known from a few set operations before any
is tested (Speed: ranking asked each of a page's ~106 cheap fingerprints in turn, ~100 of them
to answer No; the No answers now come at once: 0.6-1.0 ms less a pass over the 79 bench pages).

A fingerprint is refused when a necessary condition of its test fails: a class token or id
that every branch of its XPath needs is missing from the page, or it reads the URL or the
generator meta and the page has none. The others are tested as before (engines._test)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Gates:
    """The cheap fingerprints of a set of tables, indexed by what their tests need."""

    tests: dict  # key -> compiled fingerprint, every distinct cheap one
    by_token: dict[str, frozenset[int]]  # class token -> keys of the fingerprints it lets through
    by_id: dict[str, frozenset[int]]  # id -> the same
    markup: frozenset[int]  # keys that need one of their tokens or ids (one per XPath branch)
    url: frozenset[int]  # keys with a URL regex: refused on a page without a URL
    generator: frozenset[int]  # keys with a generator regex: refused without a generator meta


def _branch_gate(clause) -> tuple[str, str] | None:
    """A ("class", token) or ("id", value) the branch of an XPath cannot match without."""
    for attribute, op, literal in clause:
        if op == "token" or (attribute == "id" and op == "eq" and literal and "\0" not in literal):
            return attribute, literal
    return None


def gates(fingerprints) -> Gates:
    """The gates of these compiled fingerprints (engines.CompiledFingerprint, the cheap ones)."""
    tests: dict = {}
    index: dict[tuple[str, str], set[int]] = {}
    markup, url, generator = set(), set(), set()
    for fp in fingerprints:
        if fp.key in tests:
            continue
        tests[fp.key] = fp
        if fp.url is not None:
            url.add(fp.key)
        if fp.generator is not None:
            generator.add(fp.key)
        branches = [_branch_gate(clause) for clause in fp.markup_needs or ()]
        if fp.xpath is not None and branches and None not in branches:
            markup.add(fp.key)
            for gate in branches:
                index.setdefault(gate, set()).add(fp.key)
    return Gates(
        tests=tests,
        by_token={literal: frozenset(keys) for (kind, literal), keys in index.items() if kind == "class"},
        by_id={literal: frozenset(keys) for (kind, literal), keys in index.items() if kind == "id"},
        markup=frozenset(markup),
        url=frozenset(url),
        generator=frozenset(generator),
    )


def refused(gates: Gates, facts) -> set[int]:
    """Keys of the fingerprints that cannot match on the page (``facts``: engines.PageFacts)."""
    passed: set[int] = set()
    for token in gates.by_token.keys() & facts.class_tokens:
        passed |= gates.by_token[token]
    for value in gates.by_id.keys() & facts.ids:
        passed |= gates.by_id[value]
    no = gates.markup - passed
    if not facts.url:
        no |= gates.url
    if not facts.generator:
        no |= gates.generator
    return no
