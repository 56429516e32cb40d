"""What the labelling page asks about, least sure first, and the labels it keeps.

The queue holds the lines the spam model judges (kept lines and lines removed as spam), one
entry per distinct text: lines a rule removed as spam while the model scores them below its
threshold come first (rules and model disagree), then the rest by how close the model's score
is to its threshold in log-odds (where a small change of the model flips the decision).

Labels are kept in a JSONL file in the training format (``text``, ``label`` spam/genuine,
``source`` = the page, the CV group) plus what the user said (``mark``: spam, genuine or chrome;
chrome is not spam, so it trains as genuine), rewritten atomically on every change: a crash
or a restart loses nothing already answered.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from ..report.audit import PageAudit

DEFAULT_QUEUE_LIMIT = 2000
CONTEXT_LINES = 4  # lines shown before and after the one asked about
MARKS = {"spam": "spam", "genuine": "genuine", "chrome": "genuine"}  # what the user says -> training label
SOURCE_PREFIX = "review:"
SCORE_EPSILON = 1e-6


def _logit(p: float) -> float:
    p = min(max(p, SCORE_EPSILON), 1 - SCORE_EPSILON)
    return math.log(p / (1 - p))


def item_id(page_id: str, position: int, text: str) -> str:
    """Stable over restarts for the same input: the page, the line's place and its text."""
    return hashlib.sha1(f"{page_id}\x00{position}\x00{text}".encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(slots=True)
class Item:
    id: str
    text: str
    page: int  # index into the queue's pages
    position: int
    kind: str
    rule: str
    model_score: float
    disagree: bool
    uncertainty: float  # log-odds distance to the threshold (0 when rules and model disagree)
    repeats: int = 1  # how many lines of the input have this text
    pages_with: set[int] = field(default_factory=set)

    def to_dict(self, pages: Sequence[PageAudit], label: dict[str, Any] | None) -> dict[str, Any]:
        page = pages[self.page]
        return {"id": self.id, "text": self.text, "page": page.id, "title": page.title, "position": self.position,
                "kind": self.kind, "rule": self.rule, "score": round(self.model_score, 4), "disagree": self.disagree,
                "repeats": self.repeats, "pages": len(self.pages_with),
                "label": label.get("mark") if label else None}


def build_queue(pages: Sequence[PageAudit], threshold: float, limit: int = DEFAULT_QUEUE_LIMIT) -> list[Item]:
    """The lines to ask about, least sure first, one per distinct text."""
    by_text: dict[str, Item] = {}
    t = _logit(threshold)
    for index, page in enumerate(pages):
        for line in page.lines:
            if line.model_score is None or not line.text.strip():
                continue
            seen = by_text.get(line.text)
            if seen is not None:
                seen.repeats += 1
                seen.pages_with.add(index)
                continue
            disagree = line.kind == "spam" and not line.rule.startswith("model") and line.model_score < threshold
            by_text[line.text] = Item(item_id(page.id, line.position, line.text), line.text, index, line.position,
                                      line.kind, line.rule, line.model_score, disagree,
                                      0.0 if disagree else abs(_logit(line.model_score) - t), pages_with={index})
    items = sorted(by_text.values(), key=lambda i: (not i.disagree, i.uncertainty, i.id))
    return items[:limit]


def context(pages: Sequence[PageAudit], item: Item, around: int = CONTEXT_LINES) -> dict[str, Any]:
    """The page the line comes from and the lines around it, in page order."""
    page = pages[item.page]
    at = next((i for i, line in enumerate(page.lines) if line.position == item.position and line.text == item.text), 0)
    lines = []
    for line in page.lines[max(at - around, 0): at + around + 1]:
        entry = line.to_dict()
        entry["current"] = line.position == item.position and line.text == item.text
        lines.append(entry)
    return {"id": item.id, "page": page.id, "title": page.title, "url": page.url or "", "engine": page.engine,
            "lines": lines}


class LabelStore:
    """Labels keyed by line text (one answer per text), persisted as JSONL on every change."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.lock = threading.Lock()
        self.entries: dict[str, dict[str, Any]] = {}
        self.skipped = 0  # unreadable lines found in an existing file (kept out, reported)
        if self.path.exists():
            self._load()

    def _load(self) -> None:
        with self.path.open(encoding="utf-8", errors="replace") as f:
            for raw in f:
                if not raw.strip():
                    continue
                try:
                    entry = json.loads(raw)
                    text, label = entry["text"], entry["label"]
                except (ValueError, KeyError, TypeError):
                    self.skipped += 1
                    continue
                if isinstance(text, str) and label in ("spam", "genuine"):
                    entry.setdefault("mark", label)
                    self.entries[text] = entry
                else:
                    self.skipped += 1

    def get(self, text: str) -> dict[str, Any] | None:
        return self.entries.get(text)

    def set(self, item: Item, page: PageAudit, mark: str | None) -> None:
        """Record (or, with None, forget) the user's answer for this line's text, then save."""
        with self.lock:
            if mark is None:
                self.entries.pop(item.text, None)
            else:
                self.entries[item.text] = {
                    "text": item.text, "label": MARKS[mark], "mark": mark, "source": SOURCE_PREFIX + page.id,
                    "page": page.id, "url": page.url or "", "position": item.position,
                    "model_score": round(item.model_score, 4),
                    "decision": item.kind if item.kind == "kept" else f"{item.kind}:{item.rule}",
                    "labelled_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                }
            self._save()

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".labels-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                for entry in self.entries.values():
                    f.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise

    def export(self) -> bytes:
        with self.lock:
            return "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n"
                           for e in self.entries.values()).encode("utf-8")

    def counts(self) -> dict[str, int]:
        out = {"spam": 0, "genuine": 0, "chrome": 0}
        for entry in self.entries.values():
            out[entry.get("mark", entry["label"])] = out.get(entry.get("mark", entry["label"]), 0) + 1
        return out
