"""``forum-cleaner review PAGES|OUTPUT.jsonl [--model M] [--port P] [--labels FILE]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_CANNOT_RUN = 0, 2
DEFAULT_LABELS = "labels.jsonl"


def add_parser(subparsers) -> None:
    from .queue import DEFAULT_QUEUE_LIMIT

    p = subparsers.add_parser(
        "review", help="label the lines the spam model is least sure about, in a local page (127.0.0.1)",
        description="Serve a labelling page on 127.0.0.1: lines near the model's threshold and lines rules and "
                    "model disagree on come first; keys j/k move, s/g/c label spam/genuine/chrome, u clears. "
                    "Labels are saved as they are made (training format) for `forum-cleaner train --base default`.")
    p.add_argument("paths", nargs="+", metavar="PAGES|OUTPUT.jsonl",
                   help="pages (files, folders, JSONL, WARC) or a clean --format jsonl --audit output")
    p.add_argument("--model", help="spam model: 'default' (shipped) or a file")
    p.add_argument("--trust-model", action="store_true", help="allow loading a pickle/joblib model (runs code)")
    p.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: any free port)")
    p.add_argument("--labels", default=DEFAULT_LABELS, metavar="FILE",
                   help=f"the labels file, read at start and saved on every label (default {DEFAULT_LABELS})")
    p.add_argument("--limit", type=int, default=DEFAULT_QUEUE_LIMIT, metavar="N", help="ask about at most N lines")
    p.add_argument("--max-pages", type=int, metavar="N", help="read at most N pages")
    p.add_argument("--verbose", action="store_true", help="log every request on stderr")
    p.set_defaults(func=run)


def _warn(message: str) -> None:
    print(f"forum-cleaner review: warning: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from ..report.source import InputError, load_audit, load_spam_model, model_threshold
    from .queue import LabelStore, build_queue
    from .server import ReviewState, make_server

    try:
        model = load_spam_model(args.model, args.trust_model)
        if model is None:
            raise InputError("review needs a spam model (its scores decide what to ask)")
        pages = load_audit(args.paths, model, replies=True, limit=args.max_pages, trust_model=args.trust_model,
                           model_name=args.model, warn=_warn)
        labels = LabelStore(args.labels)
    except (InputError, OSError) as exc:
        print(f"forum-cleaner review: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    threshold = model_threshold(model)
    items = build_queue(pages, threshold, args.limit)
    state = ReviewState(pages, items, labels, threshold, Path(getattr(model, "source_", "default")).name)
    try:
        server = make_server(state, args.port, quiet=not args.verbose)
    except OSError as exc:
        print(f"forum-cleaner review: cannot listen on 127.0.0.1:{args.port}: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    done = sum(1 for item in items if labels.get(item.text))
    print(f"forum-cleaner review: {len(items)} lines to review from {len(pages)} pages ({done} already labelled); "
          f"labels -> {labels.path}" + (f" ({labels.skipped} unreadable lines ignored)" if labels.skipped else ""),
          file=sys.stderr)
    print(f"open {url}  (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return EXIT_OK
