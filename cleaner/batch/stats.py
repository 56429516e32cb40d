"""Batch statistics: what a run removed, per rule and per kind, and how its inputs ended, per
status and per engine, written as one JSON file beside the output (``OUT.stats.json``, or
``_stats.json`` in an output folder). Tuning starts here: the rule that removed the most lines
of a site, the engine whose pages come out empty.

``ObservedWriter`` sits between the batch and its writer: it adds every record to the
statistics (taking out the per-page removal counts the workers attach), tells ``-v`` users
about each error and skipped input, and passes the record on.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from typing import IO

from .records import REMOVAL_COUNTS_KEY
from .writers import atomic_write_text

STATS_FORMAT = "forum-cleaner-batch-stats"
STATS_VERSION = 1


class BatchStats:
    """Counts over the records of one run (resumed records, written by an earlier run, are
    counted as ``already_done`` only)."""

    def __init__(self) -> None:
        self.statuses: Counter = Counter()
        self.error_codes: Counter = Counter()
        self.skip_codes: Counter = Counter()
        self.engines: dict[str, Counter] = defaultdict(Counter)
        self.languages: Counter = Counter()
        self.by_rule: Counter = Counter()
        self.by_kind: Counter = Counter()
        self.pages_with_removals: Counter = Counter()  # per kind: on how many pages it removed lines

    def add(self, record: dict, counts: dict[str, int] | None = None) -> None:
        status = record.get("status", "")
        self.statuses[status] += 1
        if status == "error":
            self.error_codes[record.get("error_code", "")] += 1
        elif status == "skipped":
            self.skip_codes[record.get("skip_code", "")] += 1
        if status in ("ok", "empty"):
            self.engines[record.get("engine") or "unknown"][status] += 1
            self.languages[record.get("language") or "unknown"] += 1
        kinds = set()
        for label, n in (counts or {}).items():
            kind = label.split(":", 1)[0]
            self.by_rule[label] += n
            self.by_kind[kind] += n
            kinds.add(kind)
        self.pages_with_removals.update(kinds)

    def to_dict(self, summary=None) -> dict:
        data = {
            "format": STATS_FORMAT, "version": STATS_VERSION,
            "inputs": summary.inputs if summary is not None else sum(self.statuses.values()),
            "status": dict(sorted(self.statuses.items())),
            "already_done": summary.skipped if summary is not None else 0,
            "error_codes": dict(sorted(self.error_codes.items())),
            "skip_codes": dict(sorted(self.skip_codes.items())),
            "engines": {name: dict(sorted(c.items())) for name, c in sorted(self.engines.items())},
            "languages": dict(self.languages.most_common()),
            "removed_lines": {
                "total": sum(self.by_kind.values()),
                "by_kind": dict(self.by_kind.most_common()),
                "by_rule": dict(self.by_rule.most_common()),
                "pages_by_kind": dict(self.pages_with_removals.most_common()),
            },
        }
        if summary is not None:
            data["seconds"] = round(summary.seconds, 3)
        return data

    def write(self, path: str, summary=None) -> None:
        atomic_write_text(path, json.dumps(self.to_dict(summary), ensure_ascii=False, indent=2) + "\n")


class ObservedWriter:
    """A writer that counts what passes through it (and reports it with ``verbose``)."""

    def __init__(self, writer, stats: BatchStats, *, verbose: bool = False, log: IO[str] | None = None):
        self.writer = writer
        self.stats = stats
        self.verbose = verbose
        self.log = log or sys.stderr

    def write(self, record: dict) -> None:
        counts = record.pop(REMOVAL_COUNTS_KEY, None)
        self.stats.add(record, counts)
        if self.verbose and record["status"] in ("error", "skipped"):
            detail = (f"{record['error_code']}: {record['error']}" if record["status"] == "error"
                      else f"skipped ({record['skip_code']}): {record['skip_reason']}")
            print(f"forum-cleaner: {record['id']}: {detail}", file=self.log)
        self.writer.write(record)

    def done_keys(self) -> set[int]:
        return self.writer.done_keys()

    def finish(self) -> None:
        self.writer.finish()

    def abort(self) -> None:
        try:
            self.writer.abort()
        except BrokenPipeError:  # stdout's reader left (| head): nothing more can reach it
            pass

    def __getattr__(self, name: str):  # is_done, when the wrapped writer has it
        if name == "writer":
            raise AttributeError(name)
        return getattr(self.writer, name)
