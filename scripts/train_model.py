#!/usr/bin/env python3
"""Rebuild the shipped spam model from samples/lines (one command, same data + seed -> same model).

    python scripts/train_model.py [-o models/spam_model.skops]

= ``forum-cleaner train samples/lines/*.jsonl -o models/spam_model.skops --eval-genuine
../shared/data/articles/*.jsonl`` (the article files only when that folder exists: they are
reported, never trained on). The line files come from scripts/build_lines.py and
scripts/build_real_lines.py; the leave-one-source-out figures from bench/spam_eval.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.model.train import train  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "models" / "spam_model.skops")
    args = parser.parse_args(argv)
    lines = sorted((ROOT / "samples" / "lines").glob("*.jsonl"))
    articles = sorted((ROOT.parent / "shared" / "data" / "articles").glob("*.jsonl"))
    train(lines, args.output, eval_genuine=articles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
