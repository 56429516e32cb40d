"""``forum-cleaner compare --model A --model B PAGES``: the lines whose decision changes.

Both models clean the same pages with the same rules; a line changes when one keeps it and the
other removes it (or removes it for another kind). Printed per page: ``+`` kept by B only,
``-`` removed by B only, with both scores; ``~`` where a rule decides either way but the model's
own verdict flips (the new model now agrees or disagrees with the rule); a summary line at the
end (also with ``--json``).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from typing import Any, Iterator, Sequence

EXIT_OK, EXIT_CANNOT_RUN = 0, 2


@dataclass(slots=True)
class Change:
    page: str
    position: int
    text: str
    a: str  # decision under A: "kept" or "kind:rule"
    b: str
    score_a: float | None
    score_b: float | None
    model_only: bool = False  # same decision (a rule's); only the model's verdict flips

    @property
    def removed_by_b(self) -> bool:
        return self.a == "kept"

    @property
    def sign(self) -> str:
        return "~" if self.model_only else ("-" if self.removed_by_b else "+")

    def to_dict(self) -> dict[str, Any]:
        return {"page": self.page, "position": self.position, "text": self.text, "a": self.a, "b": self.b,
                "score_a": self.score_a, "score_b": self.score_b, "model_only": self.model_only}


def _decision(line: Any) -> str:
    return "kept" if line.kept else f"{line.kind}:{line.rule}"


def _same(a: Any, b: Any) -> bool:
    """Equal decisions; two model removals count as equal whatever the model file's name."""
    if a.kept or b.kept:
        return a.kept == b.kept
    return a.kind == b.kind and (a.rule == b.rule or (a.rule.startswith("model") and b.rule.startswith("model")))


def changes(paths: Sequence[str], model_a: str, model_b: str, *, replies: bool = False,
            trust_model: bool = False) -> Iterator[Change]:
    """Lines whose decision differs between the two models, page by page."""
    from ..report.source import audit_pages, load_spam_model

    from ..report.source import model_threshold

    ma, mb = load_spam_model(model_a, trust_model), load_spam_model(model_b, trust_model)
    ta, tb = (None if m is None else model_threshold(m) for m in (ma, mb))
    pages_a = audit_pages(paths, model_a, ma, replies=replies, trust_model=trust_model)
    pages_b = audit_pages(paths, model_b, mb, replies=replies, trust_model=trust_model)
    for pa, pb in zip(pages_a, pages_b):
        lines_b = {(line.position, line.text): line for line in pb.lines}
        for la in pa.lines:
            lb = lines_b.get((la.position, la.text))
            if lb is None:
                continue
            same = _same(la, lb)
            va, vb = _verdict(la.model_score, ta), _verdict(lb.model_score, tb)
            if not same or (va is not None and vb is not None and va != vb):
                yield Change(pa.id, la.position, la.text, _decision(la), _decision(lb), la.model_score,
                             lb.model_score, model_only=same)


def _verdict(score: float | None, threshold: float | None) -> bool | None:
    return None if score is None or threshold is None else score >= threshold


def _score(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("compare", help="show the lines whose decision changes between two spam models",
                              description=__doc__.split("\n")[0])
    p.add_argument("paths", nargs="+", metavar="PAGES", help="pages: files, folders, JSONL, WARC")
    p.add_argument("--model", action="append", required=True, metavar="MODEL",
                   help="give twice: A then B ('default', a file, or 'none' for rules only)")
    p.add_argument("--trust-model", action="store_true", help="allow loading pickle/joblib models (runs code)")
    p.add_argument("--replies", action="store_true", help="judge replies too (as clean --replies)")
    p.add_argument("--json", action="store_true", help="one JSON object per changed line, then a summary object")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..report.source import InputError

    if len(args.model) != 2:
        print("forum-cleaner compare: give --model exactly twice (A, then B)", file=sys.stderr)
        return EXIT_CANNOT_RUN
    a, b = args.model
    removed = kept = model_only = 0
    pages: set[str] = set()
    try:
        last = None
        for change in changes(args.paths, a, b, replies=args.replies, trust_model=args.trust_model):
            pages.add(change.page)
            model_only += change.model_only
            removed += change.removed_by_b and not change.model_only
            kept += not change.removed_by_b and not change.model_only
            if args.json:
                print(json.dumps(change.to_dict(), ensure_ascii=False))
                continue
            if change.page != last:
                print(f"# {change.page}")
                last = change.page
            print(f"  {change.sign} [A {change.a} {_score(change.score_a)} | B {change.b} {_score(change.score_b)}] "
                  f"{change.text}")
    except (InputError, OSError) as exc:
        print(f"forum-cleaner compare: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    summary = {"changed": removed + kept, "removed_by_b": removed, "kept_by_b": kept, "model_only": model_only,
               "pages": len(pages)}
    if args.json:
        print(json.dumps({"summary": summary}))
    print(f"forum-cleaner compare: {removed + kept} lines change decision: {removed} removed by B only (-), "
          f"{kept} kept by B only (+); on {model_only} more a rule decides but the model's verdict flips (~); "
          f"{len(pages)} pages",
          file=sys.stderr)
    return EXIT_OK
