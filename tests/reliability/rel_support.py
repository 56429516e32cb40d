"""Shared by the reliability tests: the real command in a fresh process, run on the code under
test (the package these tests import, so the same tests can be run against another checkout)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import cleaner

CODE_ROOT = Path(cleaner.__file__).resolve().parents[1]
REPO = Path(__file__).resolve().parents[2]
PAGES = REPO / "tests" / "data" / "batch" / "pages"
RULES = ["--model", "none"]


def cli_env() -> dict:
    return {**os.environ, "PYTHONPATH": str(CODE_ROOT)}


def cli_args(*args: str) -> list[str]:
    return [sys.executable, "-m", "cleaner", *args]


def run_cli(*args: str, timeout: float = 120, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(cli_args(*args), cwd=CODE_ROOT, input=stdin, capture_output=True, timeout=timeout,
                          env=cli_env())


def read_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_jsonl(path: Path, rows: list[dict], *, ascii_escapes: bool = True) -> Path:
    """``ensure_ascii`` writes lone surrogates as ``\\ud800`` escapes, as real dumps hold them."""
    path.write_text("".join(json.dumps(r, ensure_ascii=ascii_escapes) + "\n" for r in rows), encoding="utf-8")
    return path


def page_texts() -> list[str]:
    """The real test pages as text (the GBK one decoded)."""
    out = []
    for p in sorted(q for q in PAGES.rglob("*") if q.is_file()):
        data = p.read_bytes()
        out.append(data.decode("gb18030") if "gbk" in p.name else data.decode("utf-8"))
    return out
