"""Issue 14, break 3: workers outlived their parent, and SIGTERM did not take the Ctrl-C path.

Before: after SIGKILL or SIGTERM of the command, its workers (~150 MB each) were reparented and
still running a minute later; SIGTERM exited 143 without the "rerun with --resume" message.
Now workers get SIGKILL from the kernel when the parent dies (PR_SET_PDEATHSIG), and SIGTERM or
SIGHUP end the run like Ctrl-C: output kept for --resume, the message, exit 130.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rel_support import CODE_ROOT, RULES, cli_args, cli_env, page_texts, read_records, run_cli, write_jsonl

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
N = 400


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.update(int(c) for c in (task / "children").read_text().split())
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _started_batch(tmp_path: Path) -> tuple[subprocess.Popen, Path, set[int], list[str]]:
    texts = page_texts()
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": f"r{i:04d}", "html": texts[i % len(texts)]}
                                               for i in range(N)], ascii_escapes=False)
    out = tmp_path / "out.jsonl"
    args = ["clean", str(src), "-o", str(out), "--format", "jsonl", "-j", "2", *RULES]
    proc = subprocess.Popen(cli_args(*args), cwd=CODE_ROOT, env=cli_env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    part = Path(str(out) + ".part")
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        if part.exists() and part.read_bytes().count(b"\n") >= 20:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the batch finished before it could be stopped"
    workers = _children(proc.pid)
    assert len(workers) >= 2
    return proc, out, workers, args


def _wait_gone(pids: set[int], seconds: float = 20.0) -> set[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        alive = {p for p in pids if _alive(p)}
        if not alive:
            return alive
        time.sleep(0.05)
    return {p for p in pids if _alive(p)}


def test_workers_die_when_the_parent_is_killed(tmp_path):
    proc, out, workers, args = _started_batch(tmp_path)
    try:
        os.kill(proc.pid, signal.SIGKILL)  # the parent only, not its process group
        proc.wait()
        assert _wait_gone(workers) == set()
    finally:
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
    resumed = run_cli(*args, "--resume", timeout=300)  # and nothing holds the output any more
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert sorted(r["id"] for r in read_records(out)) == [f"r{i:04d}" for i in range(N)]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_and_sighup_take_the_ctrl_c_path(tmp_path, signum):
    proc, out, workers, args = _started_batch(tmp_path)
    try:
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 130
        assert "interrupted; rerun with --resume to finish" in err.decode()
        assert _wait_gone(workers) == set()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
    assert not out.exists() and Path(str(out) + ".part").exists()
