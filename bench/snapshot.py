"""Outputs unchanged? Every result of the sample pages, the test pages and the shared real
pages, in both modes (first post, whole thread), written to one JSONL file and compared.

    python bench/snapshot.py write before.jsonl          # with the code as it is now
    python bench/snapshot.py compare before.jsonl        # after a change: which results moved

A refactor must compare equal (byte for byte on every result's JSON, audit included); a rule
change shows here exactly which pages it moved, to be read one by one.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

from cleaner import Cleaner  # noqa: E402
from cleaner.errors import CleanError  # noqa: E402
from cleaner.evaluate import iter_cases  # noqa: E402


def pages() -> Iterator[tuple[str, Path, str | None]]:
    """(name, path, url) of every page: samples, tests/data, and ../shared when present."""
    for case in iter_cases(REPO / "samples" / "pages"):
        yield f"samples/{case.set_name}/{case.input_path.name}", case.input_path, case.meta().get("url")
    for path in sorted((REPO / "tests" / "data").rglob("*")):
        if path.is_file() and path.suffix in {".html", ".txt"} and ".gold" not in path.name:
            yield f"tests/{path.relative_to(REPO / 'tests' / 'data')}", path, None
    index = SHARED / "data" / "forum_pages" / "index.jsonl"
    if index.is_file():
        for line in index.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            path = index.parent / row["set"] / f"{row['id']}.html"
            if path.is_file():
                yield f"shared/{row['set']}/{row['id']}", path, row.get("url")
    seed = SHARED / "seed" / "input.txt"
    if seed.is_file():
        yield "shared/seed", seed, None


def results() -> Iterator[dict]:
    cleaner = Cleaner()
    for name, path, url in pages():
        data = path.read_bytes()
        for replies in (False, True):
            try:
                out = cleaner.clean(data, url=url, replies=replies).to_json()
            except CleanError as exc:
                out = {"error": f"{type(exc).__name__}: {exc}"}
            body = json.dumps(out, ensure_ascii=False, sort_keys=True)
            yield {"page": name, "replies": replies,
                   "sha256": hashlib.sha256(body.encode("utf-8")).hexdigest(), "result": out}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["write", "compare"])
    parser.add_argument("path", type=Path)
    args = parser.parse_args()
    if args.action == "write":
        with args.path.open("w", encoding="utf-8") as out:
            n = sum(out.write(json.dumps(r, ensure_ascii=False) + "\n") > 0 for r in results())
        print(f"{n} results written to {args.path}")
        return 0
    before = {(r["page"], r["replies"]): r for r in map(json.loads, args.path.open(encoding="utf-8"))}
    now = {(r["page"], r["replies"]): r for r in results()}
    moved = sorted(k for k in before.keys() & now.keys() if before[k]["sha256"] != now[k]["sha256"])
    missing, new = sorted(before.keys() - now.keys()), sorted(now.keys() - before.keys())
    for page, replies in moved:
        print(f"changed: {page} replies={replies}")
    for key in missing:
        print(f"missing: {key}")
    for key in new:
        print(f"new: {key}")
    print(f"{len(now)} results: {len(now) - len(moved) - len(new)} unchanged, {len(moved)} changed, "
          f"{len(missing)} missing, {len(new)} new")
    return 1 if moved or missing or new else 0


if __name__ == "__main__":
    sys.exit(main())
