#!/usr/bin/env python3
"""Lines per second of the shipped spam model on one core, next to baselines run in the same
process on the same lines: a bare sklearn HashingVectorizer (char 1-3-grams) transform and a
regex keyword scan. Ratios are what to compare across machines; absolute numbers are printed too.

    python bench/model_speed.py [--batch 1000] [--page-batch 50] [--repeat 3] [LINES.jsonl ...]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core

import argparse  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Callable, Sequence  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sklearn.feature_extraction.text import HashingVectorizer  # noqa: E402

from cleaner.model.features import AD_TERMS  # noqa: E402
from cleaner.model.estimator import load_default  # noqa: E402


def read_lines(paths: Sequence[Path]) -> list[str]:
    return [json.loads(line)["text"] for path in paths for line in path.read_text(encoding="utf-8").splitlines() if line]


def lines_per_second(fn: Callable[[list[str]], object], lines: list[str], batch: int, repeat: int) -> float:
    """Best of `repeat` passes over all lines, fed in batches of `batch`."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for i in range(0, len(lines), batch):
            fn(lines[i:i + batch])
        best = min(best, time.perf_counter() - start)
    return len(lines) / best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--page-batch", type=int, default=50, help="a page's worth of lines per call")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    files = args.files or sorted((ROOT / "samples" / "lines").glob("*.jsonl"))
    lines = read_lines(files)
    model = load_default()
    model.score_lines(lines[:100])  # warm up
    hasher = HashingVectorizer(analyzer="char", ngram_range=(1, 3), n_features=2**18, alternate_sign=False)
    keywords = re.compile("|".join(map(re.escape, AD_TERMS)))

    def regex_scan(batch: list[str]) -> list[bool]:
        return [bool(keywords.search(line)) for line in batch]

    mean_chars = sum(map(len, lines)) / len(lines)
    print(f"{len(lines)} lines from {len(files)} file(s), mean {mean_chars:.0f} characters, one core, best of {args.repeat}")
    rows = []
    for batch in (args.batch, args.page_batch):
        model_lps = lines_per_second(model.score_lines, lines, batch, args.repeat)
        hash_lps = lines_per_second(hasher.transform, lines, batch, args.repeat)
        regex_lps = lines_per_second(regex_scan, lines, batch, args.repeat)
        rows.append((batch, model_lps, hash_lps, regex_lps))
    print(f"{'batch':>6} {'model lines/s':>14} {'HashingVectorizer':>18} {'regex scan':>11} {'model/hashing':>14} {'model/regex':>12}")
    for batch, model_lps, hash_lps, regex_lps in rows:
        print(f"{batch:>6} {model_lps:>14,.0f} {hash_lps:>18,.0f} {regex_lps:>11,.0f} {model_lps / hash_lps:>14.2f} {model_lps / regex_lps:>12.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
