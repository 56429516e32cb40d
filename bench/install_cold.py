#!/usr/bin/env python3
"""Install size and cold start of one page: forum-cleaner beside trafilatura, each in a fresh
virtual environment made here (``python -m venv`` + ``pip install``; pip's cache makes it fast
and, with ``--offline``, network-free).

For each tool: the size its install adds to an empty venv (MB, site-packages), then the wall
and CPU time of cleaning one page from its command line in a new process, ``--runs`` times
(median and best). forum-cleaner is timed as users run it (the shipped model), with
``--model none`` too; its first run after install is reported apart (it unpacks the language
model into its cache). Machine load makes wall times noisy: compare the ratio to trafilatura
measured in the same run, and the CPU time.

    python bench/install_cold.py [--runs 10] [--page PAGE] [--offline] [--keep DIR] [--tools forum-cleaner,trafilatura]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAGE = ROOT / "samples" / "pages" / "zh_forum" / "dzx3_07.html"
# lxml_html_clean: the justext that pip picks for trafilatura imports lxml.html.clean, which
# lxml >= 5.2 moved into that package, and does not require it (a fresh venv fails without it).
TRAFILATURA = ["trafilatura>=1.12,<3", "lxml_html_clean"]


def site_packages(venv: Path) -> Path:
    return next((venv / "lib").glob("python*/site-packages"))


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def make_venv(path: Path) -> int:
    """A fresh venv; returns the size of its empty site-packages (pip, setuptools)."""
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
    return folder_bytes(site_packages(path))


def pip_install(venv: Path, specs: list[str], offline: bool) -> None:
    cmd = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *specs]
    if offline:
        cmd.extend(["--no-index", "--find-links", str(wheel_cache())])
    subprocess.run(cmd, check=True)


def wheel_cache() -> Path:
    """With --offline: wheels pip downloaded before, collected by ``pip download`` into this folder."""
    return Path(os.environ.get("INSTALL_COLD_WHEELS", ROOT / ".bench-wheels"))


def timed(cmd: list[str], stdin: Path | None, env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system of the child) seconds of one run."""
    before = os.times()
    start = time.perf_counter()
    with open(stdin, "rb") if stdin else open(os.devnull, "rb") as f:
        done = subprocess.run(cmd, stdin=f, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    if done.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode(errors='replace')[-1500:]}")
    wall = time.perf_counter() - start
    after = os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def repeat(cmd: list[str], runs: int, stdin: Path | None, env: dict[str, str]) -> dict[str, float]:
    walls, cpus = zip(*(timed(cmd, stdin, env) for _ in range(runs)))
    return {"wall_median": statistics.median(walls), "wall_best": min(walls), "cpu_median": statistics.median(cpus)}


def bench_tool(tool: str, base: Path, page: Path, runs: int, offline: bool) -> list[tuple[str, float, dict]]:
    venv = base / tool
    empty = make_venv(venv)
    pip_install(venv, [str(ROOT)] if tool == "forum-cleaner" else TRAFILATURA, offline)
    size_mb = (folder_bytes(site_packages(venv)) - empty) / 1e6
    biggest = sorted(((folder_bytes(p) / 1e6, p.name) for p in site_packages(venv).iterdir()
                      if p.is_dir() and not p.name.endswith((".dist-info", "__pycache__"))), reverse=True)
    print(f"{tool}: biggest packages " + ", ".join(f"{name} {mb:.1f} MB" for mb, name in biggest[:6]))
    env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(base), "LANG": "C.UTF-8",
           "FORUM_CLEANER_CACHE": str(base / "cache")}
    if tool == "trafilatura":  # trafilatura's command line reads the page on stdin
        return [("trafilatura", size_mb, repeat([str(venv / "bin" / "trafilatura")], runs, page, env))]
    cli = [str(venv / "bin" / "forum-cleaner"), "clean", str(page)]
    first = dict(zip(("wall_median", "cpu_median"), timed(cli, None, env)))
    first["wall_best"] = first["wall_median"]
    return [("forum-cleaner (first run)", size_mb, first),
            ("forum-cleaner", size_mb, repeat(cli, runs, None, env)),
            ("forum-cleaner --model none", size_mb, repeat(cli + ["--model", "none"], runs, None, env))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--page", type=Path, default=DEFAULT_PAGE)
    parser.add_argument("--offline", action="store_true", help="install from the wheels in $INSTALL_COLD_WHEELS")
    parser.add_argument("--keep", type=Path, help="make the venvs here and keep them")
    parser.add_argument("--tools", default="forum-cleaner,trafilatura")
    args = parser.parse_args(argv)
    base = args.keep or Path(tempfile.mkdtemp(prefix="install-cold-"))
    rows = []
    try:
        for tool in args.tools.split(","):
            rows += bench_tool(tool.strip(), base, args.page.resolve(), args.runs, args.offline)
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    load = os.getloadavg()[0]
    print(f"page: {args.page.name}; {args.runs} runs each; load average {load:.1f} on {os.cpu_count()} cores")
    print(f"{'tool':<28} {'install MB':>10} {'wall median':>12} {'wall best':>10} {'CPU median':>11}")
    for name, size, t in rows:
        print(f"{name:<28} {size:>10.1f} {t['wall_median']:>11.3f}s {t['wall_best']:>9.3f}s {t['cpu_median']:>10.3f}s")
    by_name = {name: t for name, _, t in rows}
    if "trafilatura" in by_name and "forum-cleaner" in by_name:
        ratio = by_name["forum-cleaner"]["wall_median"] / by_name["trafilatura"]["wall_median"]
        print(f"cold start, forum-cleaner / trafilatura (wall median): {ratio:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
