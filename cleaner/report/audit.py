"""Every line of every page with its decision and the model's score: what the report and the
labelling page show. Two sources, one shape:

- ``audit_pages``: clean the pages here; every body line the spam model may judge gets its
  score, the lines a rule removed as spam too (so rules and model can be compared);
- ``audit_records``: read a ``forum-cleaner clean --format jsonl --audit`` output. Keys are read
  by name and unknown keys are ignored (records gain keys over time); kept lines without a
  position take the positions the audit leaves free, in text order; the lines are scored again
  by the model given, since a record holds the scores of the lines the model removed only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence
from urllib.parse import urlsplit

KEPT = "kept"
NO_SITE = "(no URL or forum name)"
SCORE_CHUNK_PAGES = 64  # pages prepared before one model call scores all their lines
OUTPUT_KEYS = ("status", "text")  # a JSONL record with these (and no page field) is an output record


@dataclass(slots=True)
class Line:
    """One line of a page, in page order: kept, or removed with its kind, rule and score."""

    position: int
    text: str
    kind: str = KEPT  # "kept" or the removal kind (chrome, spam, quote, reply, ...)
    rule: str = ""
    score: float = 1.0  # the deciding score (1.0 for rules, the model's for model removals)
    post: int | None = None
    model_score: float | None = None  # the model's P(spam), for lines it can judge

    @property
    def kept(self) -> bool:
        return self.kind == KEPT

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"p": self.position, "t": self.text, "k": self.kind}
        if self.rule:
            out["r"] = self.rule
            out["s"] = round(self.score, 4)
        if self.post is not None:
            out["post"] = self.post
        if self.model_score is not None:
            out["m"] = round(self.model_score, 4)
        return out


@dataclass(slots=True)
class PageAudit:
    """A page's metadata and its lines."""

    id: str
    source: str = ""
    url: str | None = None
    status: str = "ok"
    title: str = ""
    engine: str = ""
    forum: str = ""
    error: str = ""
    empty_reason: str = ""
    lines: list[Line] = field(default_factory=list)

    @property
    def spam_lines(self) -> int:
        return sum(1 for line in self.lines if line.kind == "spam")

    @property
    def site(self) -> str:
        """The forum's name, else the host of its URL."""
        if self.forum:
            return self.forum
        host = urlsplit(self.url).hostname if self.url else None
        return host or NO_SITE


def _model_rule(rule: str) -> bool:
    return rule == "model" or rule.startswith("model:")


def lines_from_record(record: dict[str, Any]) -> list[Line]:
    """A record's lines in page order: its ``lines`` when present (``--explain``), else the
    audit (``removed``) with the kept text filled into the positions the audit leaves free."""
    if isinstance(record.get("lines"), list):
        out = sorted((_line_of(item) for item in record["lines"] if isinstance(item, dict)),
                     key=lambda line: line.position)
        _fill_posts(out)
        return in_page_order(out)
    removed = [_line_of(item) for item in record.get("removed") or [] if isinstance(item, dict)]
    kept_texts = _kept_texts(record)
    taken = {line.position for line in removed if line.position >= 0}
    taken |= {position for _, position in kept_texts if position is not None}
    free = (p for p in range(len(taken) + len(kept_texts) + 1) if p not in taken)
    kept = [Line(position if position is not None else next(free), text) for text, position in kept_texts]
    lines = sorted(removed + kept, key=lambda line: line.position)
    _fill_posts(lines)
    return in_page_order(lines)


def in_page_order(lines: list[Line]) -> list[Line]:
    """Lines sorted by position; lines without one (text the segmenter removed before lines
    were numbered, such as hidden anti-copy noise) go just before the first line of their post."""
    first: dict[int | None, int] = {}
    for line in lines:
        if line.position >= 0 and line.post not in first:
            first[line.post] = line.position
    return sorted(lines, key=lambda ln: (ln.position, 0) if ln.position >= 0 else (first.get(ln.post, 0), -1))


def _line_of(item: dict[str, Any]) -> Line:
    kept = item.get("kept") is True or "kind" not in item
    score = item.get("score")
    return Line(
        position=int(item.get("position", -1)), text=str(item.get("text", "")),
        kind=KEPT if kept else str(item.get("kind") or "removed"), rule="" if kept else str(item.get("rule") or ""),
        score=float(score) if isinstance(score, (int, float)) else 1.0,
        post=item.get("post") if isinstance(item.get("post"), int) else None,
        model_score=item.get("model_score") if isinstance(item.get("model_score"), (int, float)) else None,
    )


def _kept_texts(record: dict[str, Any]) -> list[tuple[str, int | None]]:
    """(text, position or None) of each kept line: from ``posts`` (with their positions) when
    the record has them, else from ``text``."""
    posts = record.get("posts")
    if isinstance(posts, list) and posts:
        out: list[tuple[str, int | None]] = []
        for post in posts:
            if not isinstance(post, dict):
                continue
            texts = str(post.get("text", "")).split("\n")
            positions = post.get("positions")
            if isinstance(positions, list) and len(positions) == len(texts):
                out.extend((t, int(p)) for t, p in zip(texts, positions) if t.strip())
            else:
                out.extend((t, None) for t in texts if t.strip())
        return out
    return [(t, None) for t in str(record.get("text") or "").split("\n") if t.strip()]


def _fill_posts(lines: list[Line]) -> None:
    """Kept lines read from text carry no post: they take the post of the nearest line before
    them that has one (a post's header lines come first), else of the nearest after."""
    last = None
    pending = []
    for line in lines:
        if line.post is not None:
            last = line.post
            for waiting in pending:
                waiting.post = last
            pending = []
        elif line.kept:
            if last is not None:
                line.post = last
            else:
                pending.append(line)


def page_of_record(record: dict[str, Any]) -> PageAudit:
    """One output record (any version of the schema) as a PageAudit."""
    status = str(record.get("status") or "ok")
    return PageAudit(
        id=str(record.get("id", "")), source=str(record.get("source") or ""), url=record.get("url") or None,
        status=status, title=str(record.get("title") or ""), engine=str(record.get("engine") or ""),
        forum=str(record.get("forum") or ""), error=str(record.get("error") or ""),
        empty_reason=str(record.get("empty_reason") or ""),
        lines=lines_from_record(record) if status != "error" else [],
    )


def is_output_file(path: str | Path) -> bool:
    """True when a .jsonl file holds cleaned records (ours) rather than pages to clean."""
    if str(path) == "-" or not str(path).lower().endswith((".jsonl", ".ndjson", ".json")):
        return False
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for raw in f:
                if raw.strip():
                    first = json.loads(raw)
                    return isinstance(first, dict) and all(k in first for k in OUTPUT_KEYS) and "html" not in first
    except (OSError, ValueError):
        return False
    return False


def read_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """The records of an output file; a broken line becomes an error record, not an exception."""
    with open(path, encoding="utf-8", errors="replace") as f:
        for number, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except ValueError as exc:
                record = {"id": f"{path}:{number}", "status": "error", "error": f"unreadable record: {exc}"}
            if isinstance(record, dict):
                yield record


def rescore(pages: Sequence[PageAudit], model: Any) -> None:
    """Give every line the model may judge its score (kept lines, lines removed as spam, and
    reply lines left out by a first-post-only run), in one model call per chunk of pages."""
    if model is None:
        return
    from ..model.scope import in_model_scope

    todo = [line for page in pages for line in page.lines
            if line.model_score is None and line.kind in (KEPT, "spam", "reply") and in_model_scope(line.text)]
    for line in todo:
        if _model_rule(line.rule):
            line.model_score = line.score
    todo = [line for line in todo if line.model_score is None]
    if todo:
        for line, score in zip(todo, model.score_lines([line.text for line in todo])):
            line.model_score = float(score)


def audit_records(paths: Iterable[str | Path], model: Any = None, warn=None) -> list[PageAudit]:
    """The pages of output files; ``warn`` hears when no record carries an audit (a run
    without ``--audit`` shows the kept text only)."""
    records = [r for path in paths for r in read_records(path)]
    if warn and records and not any("removed" in r or "lines" in r for r in records):
        warn("these records have no audit ('removed'): only kept lines can be shown; "
             "rerun clean with --format jsonl --audit")
    pages = [page_of_record(r) for r in records]
    rescore(pages, model)
    return pages
