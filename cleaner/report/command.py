"""``forum-cleaner report OUTPUT.jsonl|PAGES... -o report.html``."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

EXIT_OK, EXIT_CANNOT_RUN = 0, 2


def add_parser(subparsers) -> None:
    from .build import DEFAULT_DETAIL_PAGES

    p = subparsers.add_parser(
        "report", help="write a static HTML report of a batch: what was removed, why, and the model's scores",
        description="One self-contained HTML file (opens from disk, fetches nothing) from the records of "
                    "`forum-cleaner clean --format jsonl --audit` or from pages cleaned now.")
    p.add_argument("paths", nargs="+", metavar="OUTPUT.jsonl|PAGES",
                   help="a clean --format jsonl --audit output, or pages (files, folders, JSONL, WARC)")
    p.add_argument("-o", "--output", required=True, metavar="HTML", help="the report file to write")
    p.add_argument("--model", help="spam model scoring the lines: 'default' (shipped), a file, or 'none'")
    p.add_argument("--trust-model", action="store_true", help="allow loading a pickle/joblib model (runs code)")
    p.add_argument("--replies", action="store_true",
                   help="pages cleaned here: keep genuine replies (as clean --replies)")
    p.add_argument("--detail-pages", type=int, default=DEFAULT_DETAIL_PAGES, metavar="N",
                   help=f"include the lines of at most N pages (default {DEFAULT_DETAIL_PAGES}); all are counted")
    p.set_defaults(func=run)


def write_atomic(path: str, text: str) -> None:
    """Write beside the target and rename: a reader never sees half a report."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".report-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _warn(message: str) -> None:
    print(f"forum-cleaner report: warning: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from .build import render
    from .source import InputError, load_audit, load_spam_model, model_threshold

    if args.detail_pages < 0:
        print("forum-cleaner report: --detail-pages must be 0 or more", file=sys.stderr)
        return EXIT_CANNOT_RUN
    try:
        model = load_spam_model(args.model, args.trust_model)
        pages = load_audit(args.paths, model, replies=args.replies, trust_model=args.trust_model,
                           model_name=args.model, warn=_warn)
    except (InputError, OSError) as exc:
        print(f"forum-cleaner report: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    name = "none" if model is None else Path(getattr(model, "source_", "") or "default").name
    html = render(pages, threshold=None if model is None else model_threshold(model), model_name=name,
                  inputs=args.paths, detail_pages=args.detail_pages)
    try:
        write_atomic(args.output, html)
    except OSError as exc:
        print(f"forum-cleaner report: cannot write {args.output}: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    spam = sum(p.spam_lines for p in pages)
    print(f"forum-cleaner report: {len(pages)} pages, {spam} spam lines -> {args.output} "
          f"({len(html.encode('utf-8')) // 1024} KiB)", file=sys.stderr)
    return EXIT_OK
