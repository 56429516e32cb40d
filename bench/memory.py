"""Memory stays flat however many records: run `forum-cleaner clean` on JSONL inputs of growing
size and sample the RSS of the command and of each worker process while it runs.

    python bench/memory.py [--sizes 1000 10000 100000] [--jobs 2] [--pages DIR]

Reports, per size: peak RSS of the parent, peak RSS of the largest worker, pages/s.
Targets (issue 6): peak per worker < 200 MB; parent and worker peaks flat from 1,000 to 100,000.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.mixed_input import decode_page, default_page_files  # noqa: E402

SAMPLE_EVERY_S = 0.1


def write_jsonl(path: Path, pages: list[str], n: int) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"m{i:07d}", "html": pages[i % len(pages)]}, ensure_ascii=False) + "\n")


def measure(inputs: Path, out: Path, jobs: int, extra: list[str]) -> dict:
    cmd = [sys.executable, "-m", "cleaner", "clean", str(inputs), "-o", str(out), "--format", "jsonl",
           "-j", str(jobs), "--no-progress", *extra]
    started = time.perf_counter()
    proc = psutil.Popen(cmd, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    parent_peak = worker_peak = 0
    while proc.poll() is None:
        try:
            parent_peak = max(parent_peak, proc.memory_info().rss)
            for child in proc.children(recursive=True):
                worker_peak = max(worker_peak, child.memory_info().rss)
        except psutil.Error:
            pass
        time.sleep(SAMPLE_EVERY_S)
    summary = proc.stderr.read().decode().strip().splitlines()[-1]
    seconds = time.perf_counter() - started
    return {"parent_peak_mb": round(parent_peak / 2**20, 1), "worker_peak_mb": round(worker_peak / 2**20, 1),
            "seconds": round(seconds, 1), "summary": summary}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--pages", help="folder of pages to cycle through (default: samples + fixtures)")
    parser.add_argument("--model", default="default")
    args = parser.parse_args()
    files = sorted(Path(args.pages).rglob("*.*")) if args.pages else default_page_files(REPO)
    pages = [decode_page(p.read_bytes()) for p in files]
    extra = [] if args.model == "default" else ["--model", args.model]
    with tempfile.TemporaryDirectory(prefix="fc-memory-") as tmp:
        for n in args.sizes:
            src = Path(tmp) / f"in{n}.jsonl"
            write_jsonl(src, pages, n)
            result = measure(src, Path(tmp) / f"out{n}.jsonl", args.jobs, extra)
            print(json.dumps({"records": n, "input_mb": round(src.stat().st_size / 2**20, 1), **result},
                             ensure_ascii=False), flush=True)
            src.unlink()


if __name__ == "__main__":
    main()
