"""The forum-cleaner command: single page to stdout, batches, stdin, exit codes, kill + --resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path


from cleaner import cli

REPO = Path(__file__).resolve().parents[1]
PAGES = REPO / "tests" / "data" / "batch" / "pages"
SEED_INPUT = REPO / "samples" / "seed" / "input.txt"
SEED_EXPECTED = REPO / "samples" / "seed" / "expected.txt"
RULES = ["--model", "none"]


def run_cli(*args: str, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """The real command in a fresh process (``python -m cleaner`` is the console script)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "cleaner", *args], cwd=REPO, input=stdin,
                          capture_output=True, timeout=timeout, env=env)


def test_seed_prints_exactly_the_expected_text_and_nothing_else():
    proc = run_cli("clean", "samples/seed/input.txt")
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.decode("utf-8") == SEED_EXPECTED.read_text(encoding="utf-8")
    assert proc.stderr == b""


def test_stdin_page_is_cleaned_like_the_file():
    proc = run_cli("clean", "-", *RULES, stdin=SEED_INPUT.read_bytes())
    assert proc.returncode == 0 and proc.stderr == b""
    assert proc.stdout.decode("utf-8") == SEED_EXPECTED.read_text(encoding="utf-8")


def test_stdin_jsonl_gives_one_record_per_line():
    rows = [{"id": "a", "html": SEED_INPUT.read_text(encoding="utf-8")}, {"id": "b", "html": ""}, {"id": "c"}]
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()
    proc = run_cli("clean", "-", "--format", "jsonl", "-j", "1", *RULES, stdin=data)
    assert proc.returncode == 0
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [(r["id"], r["status"]) for r in records][::2] == [("a", "ok"), ("c", "error")]
    assert records[1]["status"] in ("empty", "error")
    assert "inputs 3" in proc.stderr.decode()


def test_json_format_of_one_page_is_its_record_as_one_document(capsys):
    assert cli.main(["clean", str(SEED_INPUT), "--format", "json", "--audit", *RULES]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["engine"] == "discuz" and out["text"] + "\n" == SEED_EXPECTED.read_text(encoding="utf-8")
    assert {"removed", "title", "spam_score", "language", "encoding", "forum"} <= set(out)
    assert cli.main(["clean", str(SEED_INPUT), "--format", "jsonl", "--audit", *RULES]) == 0
    assert json.loads(capsys.readouterr().out) == out  # json and jsonl: the same record


def test_explain_shows_kept_and_removed_lines_with_their_rules(capsys):
    assert cli.main(["explain", str(SEED_INPUT), *RULES]) == 0
    lines = capsys.readouterr().out.splitlines()
    kept = [line for line in lines if line.startswith("  + ")]
    removed = [line for line in lines if line.startswith("  - [")]
    assert len(kept) == len(SEED_EXPECTED.read_text(encoding="utf-8").splitlines())
    spam = [line for line in removed if "白癜风" in line]
    assert spam and spam[0].startswith("  - [spam:") and " 1.00] " in spam[0]


def test_missing_input_cannot_run(capsys):
    assert cli.main(["clean", "no/such/file.html"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_a_page_that_fails_exits_one_with_the_reason_on_stderr(tmp_path, capsys):
    big = tmp_path / "big.html"
    big.write_bytes(b"<p>" + b"x" * 5000 + b"</p>")
    assert cli.main(["clean", str(big), "--max-bytes", "1000", *RULES]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "too_large" in captured.err


def test_folder_to_text_dir_with_summary(tmp_path):
    out = tmp_path / "texts"
    proc = run_cli("clean", str(PAGES), "-o", str(out), "-j", "2", *RULES)
    assert proc.returncode == 0 and proc.stdout == b""
    assert "inputs 5: ok 5" in proc.stderr.decode() and "pages/s" in proc.stderr.decode()
    texts = sorted(p.name for p in out.glob("*.txt"))
    assert len(texts) == 5 and "agreper.html.txt" in texts


def test_jsonl_output_file_with_replies_and_audit(tmp_path):
    out = tmp_path / "out.jsonl"
    assert cli.main(["clean", str(PAGES), "-o", str(out), "--format", "jsonl", "--replies", "--audit",
                     "-j", "1", *RULES]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5 and all("posts" in r and "removed" in r for r in records)


def test_subcommands_register_and_a_broken_one_does_not_break_clean(monkeypatch, capsys):
    help_text = cli.build_parser().format_help()
    assert "clean" in help_text and "evaluate" in help_text
    monkeypatch.setattr(cli, "SUBCOMMAND_MODULES", ("cleaner.no_such_module",))
    assert cli.main(["no_such_module"]) == 2
    assert "unavailable" in capsys.readouterr().err
    assert cli.main(["clean", str(SEED_INPUT), *RULES]) == 0


def test_sigkill_midway_then_resume_writes_every_input_exactly_once(tmp_path):
    pages = sorted(p for p in PAGES.rglob("*") if p.is_file())
    n = 300
    src = tmp_path / "in.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for i in range(n):
            data = pages[i % len(pages)].read_bytes()
            text = data.decode("utf-8") if i % len(pages) != 2 else data.decode("gb18030")
            fh.write(json.dumps({"id": f"r{i:04d}", "html": text}, ensure_ascii=False) + "\n")
    out = tmp_path / "out.jsonl"
    part = Path(str(out) + ".part")
    args = [sys.executable, "-m", "cleaner", "clean", str(src), "-o", str(out), "--format", "jsonl",
            "-j", "2", *RULES]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(args, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if part.exists() and part.read_bytes().count(b"\n") >= 30:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the batch finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)  # the command and its workers, no chance to clean up
    proc.wait()
    written_before = part.read_bytes().count(b"\n")
    assert not out.exists() and 30 <= written_before < n

    resumed = subprocess.run(args + ["--resume"], cwd=REPO, env=env, capture_output=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr.decode()
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(ids) == n and sorted(ids) == [f"r{i:04d}" for i in range(n)]
    assert f"already done {written_before}" in resumed.stderr.decode()
    assert not part.exists()
