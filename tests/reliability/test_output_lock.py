"""Issue 14, break 2 (two runs on one output) and break 11 (the folder writer's temp file).

Before: a run and a ``--resume`` run started 3 s later on the same ``-o`` gave hundreds of
duplicate ids and a torn line, and the second failed at the end renaming the ``.part``. Now the
writer locks its ``.part`` (``flock``): a second run refuses to start, naming the first run's
pid; the lock ends with its holder, so a killed run can be resumed at once.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from rel_support import CODE_ROOT, RULES, cli_args, cli_env, page_texts, read_records, run_cli, write_jsonl

from cleaner.batch.lock import OutputLockedError
from cleaner.batch.writers import JsonlFileWriter, TextDirWriter, atomic_write_text


def test_second_writer_on_the_same_output_refuses_and_names_the_holder(tmp_path):
    out = str(tmp_path / "out.jsonl")
    first = JsonlFileWriter(out)
    first.write({"id": "a", "status": "ok", "text": "x"})
    with pytest.raises(OutputLockedError, match=rf"another run \(pid {os.getpid()}\) is writing .*out.jsonl.part"):
        JsonlFileWriter(out, resume=True)
    with pytest.raises(OutputLockedError):
        JsonlFileWriter(out)  # a fresh run must not truncate the file being written either
    first.finish()
    assert read_records(Path(out)) == [{"id": "a", "status": "ok", "text": "x"}]
    JsonlFileWriter(out, resume=True).finish()  # the lock ended with the run that held it


def test_folder_output_is_locked_too(tmp_path):
    first = TextDirWriter(str(tmp_path / "out"))
    with pytest.raises(OutputLockedError):
        TextDirWriter(str(tmp_path / "out"), resume=True)
    first.finish()


def _big_input(tmp_path: Path, n: int) -> Path:
    texts = page_texts()
    return write_jsonl(tmp_path / "in.jsonl", [{"id": f"r{i:04d}", "html": texts[i % len(texts)]}
                                                for i in range(n)], ascii_escapes=False)


def _start(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen(cli_args(*args), cwd=CODE_ROOT, env=cli_env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)


def _wait_for_lines(part: Path, proc: subprocess.Popen, lines: int) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        if part.exists() and part.read_bytes().count(b"\n") >= lines:
            return
        time.sleep(0.02)
    raise AssertionError("the batch finished (or never started) before the second run could be tried")


def test_concurrent_resume_refuses_then_the_first_run_finishes_alone(tmp_path):
    n = 300
    src, out = _big_input(tmp_path, n), tmp_path / "out.jsonl"
    args = ["clean", str(src), "-o", str(out), "--format", "jsonl", "-j", "1", *RULES]
    first = _start(args)
    _wait_for_lines(Path(str(out) + ".part"), first, 20)
    second = run_cli(*args, "--resume")
    assert second.returncode == 2
    assert f"another run (pid {first.pid}) is writing" in second.stderr.decode()
    _, err = first.communicate(timeout=300)
    assert first.returncode == 0, err.decode()
    ids = [r["id"] for r in read_records(out)]
    assert ids == [f"r{i:04d}" for i in range(n)]


def test_a_killed_run_leaves_no_lock_and_resume_writes_each_input_once(tmp_path):
    n = 200
    src, out = _big_input(tmp_path, n), tmp_path / "out.jsonl"
    args = ["clean", str(src), "-o", str(out), "--format", "jsonl", "-j", "2", *RULES]
    first = _start(args)
    _wait_for_lines(Path(str(out) + ".part"), first, 20)
    os.killpg(first.pid, signal.SIGKILL)
    first.wait()
    resumed = run_cli(*args, "--resume", timeout=300)
    assert resumed.returncode == 0, resumed.stderr.decode()
    ids = [r["id"] for r in read_records(out)]
    assert sorted(ids) == [f"r{i:04d}" for i in range(n)]


def test_a_symlink_planted_at_a_temp_name_is_not_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    target = out / "page.html.txt"
    # the names the old writer used (NAME.PID.tmp) and a few random-looking ones
    for name in [f"page.html.txt.{os.getpid()}.tmp", ".page.html.txt.tmp"]:
        (out / name).symlink_to(victim)
    atomic_write_text(str(target), "clean text\n")
    assert victim.read_text(encoding="utf-8") == "precious"
    assert target.read_text(encoding="utf-8") == "clean text\n" and not target.is_symlink()
    assert sorted(p.name for p in out.iterdir() if not p.is_symlink()) == ["page.html.txt"]


def test_a_failed_write_leaves_no_temp_file(tmp_path):
    with pytest.raises(UnicodeEncodeError):
        atomic_write_text(str(tmp_path / "x.txt"), "bad \ud800")
    assert list(tmp_path.iterdir()) == []
