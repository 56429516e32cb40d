"""Soak: a 20,000-record mixed batch under injected faults; prints what was lost or duplicated.

The input mixes real pages (samples/pages, tests/data/batch/pages) with hostile records: lone
surrogates in text, ids and URLs, NUL bytes, repeated ids, cut-off and non-object JSON lines,
missing fields, pages that need more memory than the worker budget, a plain .warc with a
truncated record in the middle and a .warc.gz with a corrupt member. The run is interrupted
again and again, each time resumed with ``--resume``:

1. a second run started on the same output while the first works (must refuse: exit 2);
2. SIGKILL of the whole process group, then the ``.part``'s last line torn (bytes cut off);
3. SIGTERM of the command (must take the Ctrl-C path: exit 130; its workers must end);
4. SIGKILL of the command alone (its workers must die with it, not linger);
5. a last ``--resume`` to the end.

The expected records are known from the generator (one per input, ids as the cleaner must
write them), so "lost" and "duplicated" are counted against them, not against another run.
Peak memory is the largest resident size of the command plus its workers, polled from /proc.

    python bench/soak.py [--records 20000] [--jobs 2] [--model none] [--keep DIR]

Linux only (/proc, process groups).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench.mixed_input import default_page_files  # noqa: E402

MAX_PAGE_BYTES = 40_000  # real pages up to this size (most of them), so 20,000 records run in minutes
WARC_RECORDS = 200  # responses per WARC file (two files: plain and gzipped)
HUNGRY_PAGES = 2  # pages that need more memory than --max-memory allows
MAX_MEMORY_MB = 300
POLL_S = 0.1

# hostile kinds, one every HOSTILE_EVERY records, in turn
HOSTILE_KINDS = ("surrogate_text", "surrogate_id", "surrogate_url", "nul_bytes", "duplicate_id", "cut_line",
                 "not_object", "missing_html", "null_html")
HOSTILE_EVERY = 23


def real_pages() -> list[str]:
    pages = []
    for path in default_page_files(REPO):
        data = path.read_bytes()
        if len(data) > MAX_PAGE_BYTES:
            continue
        for codec in ("utf-8", "gb18030"):
            try:
                pages.append(data.decode(codec))
                break
            except UnicodeDecodeError:
                continue
    return pages


def build_jsonl(path: Path, n: int, pages: list[str], rng: random.Random) -> Counter:
    """``n`` lines; returns the Counter of record ids the batch must write."""
    expected: Counter = Counter()
    hungry = "<html><body>" + "<p>word</p>" * 600_000 + "</body></html>"
    offset = 0
    with open(path, "wb") as fh:
        for i in range(n):
            rec_id, url, html = f"s{i:05d}", f"http://forum.example/t/{i}", pages[rng.randrange(len(pages))]
            kind = HOSTILE_KINDS[(i // HOSTILE_EVERY) % len(HOSTILE_KINDS)] if i % HOSTILE_EVERY == 7 else "good"
            if i in (n // 3, 2 * n // 3)[:HUNGRY_PAGES]:
                kind, html = "hungry", hungry
            row: dict | list = {"id": rec_id, "url": url, "html": html}
            want = rec_id
            if kind == "surrogate_text":
                row["html"] = html[: len(html) // 2] + "\ud800" + html[len(html) // 2:]
            elif kind == "surrogate_id":
                row["id"], want = rec_id + "\udfff", rec_id + "\ufffd"
            elif kind == "surrogate_url":
                row["url"] = url + "/\ud83d"
            elif kind == "nul_bytes":
                row["html"] = html.replace("<p", "\x00<p", 20)
            elif kind == "duplicate_id":
                row["id"] = want = f"s{i - 1:05d}"
            elif kind == "missing_html":
                del row["html"]
            elif kind == "null_html":
                row["html"] = None
            line = json.dumps(row, ensure_ascii=True).encode("ascii") + b"\n"
            if kind == "cut_line":
                line = line[: len(line) // 2] + b"\n"
                want = f"{path}@{offset}"
            elif kind == "not_object":
                line = b'["a", "list", "not", "an", "object"]\n'
                want = f"{path}@{offset}"
            fh.write(line)
            offset += len(line)
            expected[want] += 1
    return expected


def _warc_record(url: str, body: bytes, gzipped: bool) -> tuple[bytes, str]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzipped)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
    writer.write_record(record)
    return buf.getvalue(), record.rec_headers.get_header("WARC-Record-ID").strip("<>")


def build_warcs(folder: Path, pages: list[str], rng: random.Random) -> tuple[list[Path], Counter]:
    """A plain .warc with one record truncated in the middle and a .warc.gz with one corrupt member."""
    expected: Counter = Counter()
    paths = []
    for gzipped in (False, True):
        path = folder / ("crawl.warc.gz" if gzipped else "crawl.warc")
        bad = WARC_RECORDS // 2
        offset, chunks = 0, []
        for i in range(WARC_RECORDS):
            body = pages[rng.randrange(len(pages))].encode("utf-8")
            data, rec_id = _warc_record(f"http://crawl.example/{gzipped:d}/{i}", body, gzipped)
            if i == bad and gzipped:  # garbage in the middle of the member: zlib fails
                mid = len(data) // 2
                data = data[:mid] + bytes(b ^ 0x5A for b in data[mid:mid + 16]) + data[mid + 16:]
                rec_id = f"{path}@{offset}"
            elif i == bad:  # a record cut short: its Content-Length runs into the next record
                data = data[: len(data) - 300]
                rec_id = f"{path}@{offset}"
            chunks.append(data)
            offset += len(data)
            expected[rec_id] += 1
        path.write_bytes(b"".join(chunks))
        paths.append(path)
    return paths, expected


# ---------------------------------------------------------------- process watching
def tree(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        p = todo.pop()
        found.add(p)
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


class Watch:
    def __init__(self):
        self.peak_total_kib = 0
        self.peak_process_kib = 0

    def sample(self, pid: int) -> set[int]:
        pids = tree(pid)
        sizes = [rss_kib(p) for p in pids]
        self.peak_total_kib = max(self.peak_total_kib, sum(sizes))
        self.peak_process_kib = max(self.peak_process_kib, max(sizes, default=0))
        return pids - {pid}


def lines_in(path: Path) -> int:
    try:
        with open(path, "rb") as fh:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    except FileNotFoundError:
        return 0


def start(args: list[str], env: dict) -> subprocess.Popen:
    return subprocess.Popen(args, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def run_until(proc: subprocess.Popen, part: Path, lines: int, watch: Watch) -> set[int]:
    """Wait until the .part holds ``lines`` lines (or the run ends); the workers seen last."""
    workers: set[int] = set()
    while proc.poll() is None and lines_in(part) < lines:
        workers = watch.sample(proc.pid) or workers
        time.sleep(POLL_S)
    return workers


def wait_gone(pids: set[int], seconds: float = 30.0) -> set[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(alive(p) for p in pids):
        time.sleep(0.05)
    return {p for p in pids if alive(p)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--records", type=int, default=20_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--model", default="none", help="spam model for the batch (default: rules only)")
    ap.add_argument("--keep", help="folder to keep inputs and output in (default: a temporary one)")
    opts = ap.parse_args(argv)
    folder = Path(opts.keep or tempfile.mkdtemp(prefix="soak-"))
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(14)
    pages = real_pages()
    warcs, expected = build_warcs(folder, pages, rng)
    src = folder / "mixed.jsonl"
    expected += build_jsonl(src, opts.records - sum(expected.values()), pages, rng)
    total = sum(expected.values())
    out = folder / "out.jsonl"
    part = Path(str(out) + ".part")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    base = [sys.executable, "-m", "cleaner", "clean", str(src), *map(str, warcs), "-o", str(out),
            "--format", "jsonl", "-j", str(opts.jobs), "--model", opts.model, "--max-memory", str(MAX_MEMORY_MB)]
    watch, faults, problems = Watch(), Counter(), []
    started = time.perf_counter()
    print(f"soak: {total} inputs ({len(pages)} real pages, {sum(1 for k in expected if '@' in k)} damaged "
          f"lines/records) in {folder}", flush=True)

    # 1. a concurrent start on the same output, then SIGKILL of the group and a torn last line
    proc = start(base, env)
    run_until(proc, part, total // 10, watch)
    second = subprocess.run(base + ["--resume"], cwd=REPO, env=env, capture_output=True, timeout=120)
    if second.returncode == 2 and f"another run (pid {proc.pid})" in second.stderr.decode():
        faults["concurrent start refused"] += 1
    else:
        problems.append(f"concurrent start: exit {second.returncode}: {second.stderr.decode()[-300:]}")
    run_until(proc, part, total // 4, watch)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    faults["SIGKILL of the process group"] += 1
    size = part.stat().st_size
    with open(part, "r+b") as fh:
        fh.truncate(size - 57)  # a torn last line, as a crash mid-write leaves
    faults["torn last line"] += 1

    # 2. SIGTERM of the command: the Ctrl-C path, workers end too
    proc = start(base + ["--resume"], env)
    workers = run_until(proc, part, total // 2, watch)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    if proc.returncode == 130 and "rerun with --resume" in err.decode():
        faults["SIGTERM took the Ctrl-C path"] += 1
    else:
        problems.append(f"SIGTERM: exit {proc.returncode}: {err.decode()[-300:]}")
    left = wait_gone(workers)
    if left:
        problems.append(f"workers left after SIGTERM: {sorted(left)}")

    # 3. SIGKILL of the command alone: its workers must die with it
    proc = start(base + ["--resume"], env)
    workers = run_until(proc, part, 3 * total // 4, watch)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    faults["SIGKILL of the command alone"] += 1
    left = wait_gone(workers)
    if left:
        problems.append(f"orphaned workers after SIGKILL: {sorted(left)}")
        for pid in left:
            os.kill(pid, signal.SIGKILL)

    # 4. to the end
    proc = start(base + ["--resume"], env)
    run_until(proc, part, total + 1, watch)
    _, err = proc.communicate(timeout=3600)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        problems.append(f"last run: exit {proc.returncode}: {err.decode()[-500:]}")
    summary = err.decode().strip().splitlines()[-1] if err else ""

    got: Counter = Counter()
    torn = 0
    for line in out.read_bytes().splitlines() if out.exists() else []:
        try:
            got[json.loads(line)["id"]] += 1
        except (ValueError, KeyError):
            torn += 1
    lost, duplicated = expected - got, got - expected
    print(f"faults injected: {dict(faults)}")
    print(f"last run: {summary}")
    print(f"inputs {total}, records {sum(got.values())}, lost {sum(lost.values())}, "
          f"duplicated {sum(duplicated.values())}, torn lines {torn}")
    print(f"peak memory: command + workers {watch.peak_total_kib / 1024:.0f} MiB, "
          f"largest process {watch.peak_process_kib / 1024:.0f} MiB (--max-memory {MAX_MEMORY_MB} per worker)")
    print(f"wall time {seconds:.0f} s for {total} inputs and 4 interruptions, {opts.jobs} jobs")
    for problem in problems:
        print("PROBLEM:", problem)
    for name, diff in (("lost", lost), ("duplicated", duplicated)):
        if diff:
            print(f"{name} (first 10):", list(diff.items())[:10])
    if not opts.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if not (lost or duplicated or torn or problems) else 1


if __name__ == "__main__":
    raise SystemExit(main())
