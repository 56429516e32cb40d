#!/usr/bin/env python3
"""Ablation on the sample pages: what the rules and the spam model each contribute.

Three cleaners over samples/pages/, in first-post and replies mode, per set:
rules only (``Cleaner(model=None)``), structural roles + model only
(``Cleaner(use_rules=False)``) and both (``Cleaner()``). Prints retention, precision
and spam leaked (leaked / spam lines) as scored by cleaner.evaluate.

    python bench/ablation.py [--pages samples/pages] [--sets zh_forum zh_text ...] [--markdown]

The page spam (samples/templates/page_spam_lines.txt) is never in the model's training
lines (tests/model/test_estimator.py checks it), so "model only" measures generalisation.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner import Cleaner  # noqa: E402
from cleaner.evaluate import Aggregate, evaluate_dir  # noqa: E402

SETS = ("zh_forum", "zh_text", "en_forum", "nonforum_zh")
MODES = (("first-post", False), ("replies", True))


def configurations() -> list[tuple[str, Cleaner]]:
    """(name, cleaner) for each ablation arm, each loaded once."""
    return [
        ("rules only", Cleaner(model=None)),
        ("model only", Cleaner(use_rules=False)),
        ("rules + model", Cleaner()),
    ]


def format_row(mode: str, set_name: str, arm: str, agg: Aggregate, markdown: bool) -> str:
    spam = f"{agg.spam_leaked}/{agg.spam_lines}"
    if markdown:
        return (f"| {mode} | {set_name} | {arm} | {agg.cases} | {agg.retention:.4f} | {agg.precision:.4f} | "
                f"{spam} |")
    return f"{mode:<11} {set_name:<12} {arm:<14} {agg.cases:>5} {agg.retention:>9.4f} {agg.precision:>9.4f} {spam:>9}"


def header(markdown: bool) -> list[str]:
    if markdown:
        return ["| mode | set | arm | pages | retention | precision | spam leaked |",
                "| --- | --- | --- | --- | --- | --- | --- |"]
    return [f"{'mode':<11} {'set':<12} {'arm':<14} {'pages':>5} {'retention':>9} {'precision':>9} {'leaked':>9}"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=Path, default=ROOT / "samples" / "pages")
    parser.add_argument("--sets", nargs="*", default=list(SETS))
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)
    arms = configurations()
    lines = header(args.markdown)
    for mode, replies in MODES:
        reports = [(name, evaluate_dir(args.pages, cleaner, replies=replies, sets=args.sets)) for name, cleaner in arms]
        for set_name in args.sets:
            for name, report in reports:
                if set_name in report.sets:
                    lines.append(format_row(mode, set_name, name, report.sets[set_name], args.markdown))
        for name, report in reports:
            lines.append(format_row(mode, "all", name, report.overall, args.markdown))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
