"""Accounting over a large mixed input: outputs + error records = inputs, and --dask local gives
the same records as the local run (compared by id).

    python bench/accounting.py [--n 10000] [--jobs 2] [--dask] [--keep DIR]

Builds the mix (good pages, empty, junk bytes, oversized, broken JSON lines, a corrupt WARC record;
see bench/mixed_input.py), runs the real `forum-cleaner clean` command on it, and checks the output.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.mixed_input import build_mixed_input, default_page_files  # noqa: E402

MAX_BYTES = 1 << 20


def snapshot_code(work: Path) -> Path:
    """A frozen copy of the package (and shipped model), so both runs use exactly the same code
    even while the working tree is being edited."""
    code = work / "code"
    shutil.rmtree(code, ignore_errors=True)
    shutil.copytree(REPO / "cleaner", code / "cleaner", ignore=shutil.ignore_patterns("__pycache__"))
    if (REPO / "models").is_dir():
        shutil.copytree(REPO / "models", code / "models")
    return code


def run_clean(inputs: Path, out: Path, jobs: int, extra: list[str], code: Path) -> tuple[float, str]:
    cmd = [sys.executable, "-m", "cleaner", "clean", str(inputs), "-o", str(out), "--format", "jsonl",
           "-j", str(jobs), "--max-bytes", str(MAX_BYTES), "--no-progress", *extra]
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=code, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(code)})
    if proc.returncode != 0:
        raise SystemExit(f"clean failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return time.perf_counter() - started, proc.stderr.strip().splitlines()[-1]


def load(out: Path) -> list[dict]:
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def check(records: list[dict], n_inputs: int, counts: Counter) -> dict:
    ids = Counter(r["id"] for r in records)
    status = Counter(r["status"] for r in records)
    codes = Counter(r.get("error_code") for r in records if r["status"] == "error")
    return {"inputs": n_inputs, "records": len(records), "unique_ids": len(ids),
            "duplicates": sum(c - 1 for c in ids.values() if c > 1), "status": dict(status),
            "error_codes": dict(codes),
            "accounted": len(records) == n_inputs == len(ids),
            "oversized_as_too_large": codes["too_large"] == counts["oversized"],
            "broken_json_as_json": codes["json"] == counts["broken_json"],
            "corrupt_warc_as_warc": codes["warc"] == counts["warc_corrupt"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--dask", action="store_true", help="also run --dask local and compare by id")
    parser.add_argument("--model", default="default")
    parser.add_argument("--keep", help="build the input and outputs here instead of a temp folder")
    args = parser.parse_args()
    work = Path(args.keep or tempfile.mkdtemp(prefix="fc-accounting-"))
    inputs = work / "input"
    counts = build_mixed_input(inputs, default_page_files(REPO), args.n, max_bytes=MAX_BYTES)
    print(f"input: {args.n} inputs in {inputs}: {dict(sorted(counts.items()))}")
    extra = [] if args.model == "default" else ["--model", args.model]

    code = snapshot_code(work)
    seconds, summary = run_clean(inputs, work / "local.jsonl", args.jobs, extra, code)
    local = load(work / "local.jsonl")
    report = check(local, args.n, counts)
    print(f"local ({args.jobs} jobs, {seconds:.0f}s): {summary}")
    print(json.dumps(report, ensure_ascii=False))
    ok = report["accounted"]
    if args.dask:
        seconds, summary = run_clean(inputs, work / "dask.jsonl", args.jobs, extra + ["--dask", "local"], code)
        remote = load(work / "dask.jsonl")
        local_by_id = {r["id"]: r for r in local}
        remote_by_id = {r["id"]: r for r in remote}
        same = sum(local_by_id.get(i) == r for i, r in remote_by_id.items())
        print(f"dask local ({args.jobs} workers, {seconds:.0f}s): {summary}")
        print(json.dumps({"dask_records": len(remote), "same_ids": set(local_by_id) == set(remote_by_id),
                          "identical_records": same, "differing": len(remote_by_id) - same}))
        ok = ok and set(local_by_id) == set(remote_by_id) and same == len(local_by_id)
    print("ACCOUNTING OK" if ok else "ACCOUNTING FAILED")
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
