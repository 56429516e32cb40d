"""The ``forum-cleaner`` command: ``clean`` (and ``explain``) here, ``train``/``evaluate`` registered
from their modules when they import, so a broken optional module never takes ``clean`` down.

Exit codes: 0 when the batch completed (error records are results too; so does a run whose
reader, ``| head``, stopped listening), 1 when every input failed (a single page that could not
be cleaned) or, with ``--fail-on-error``, when any did, 2 when the command could not run at all
(bad arguments, no input, output not writable), 130 on Ctrl-C (the partial output is kept for
``--resume``). Formats and ``-o``: cleaner/batch/outputs.py.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from dataclasses import replace
from typing import Sequence

EXIT_OK, EXIT_PAGE_FAILED, EXIT_CANNOT_RUN, EXIT_INTERRUPTED = 0, 1, 2, 130
SUBCOMMAND_MODULES = ("cleaner.model.train", "cleaner.evaluate", "cleaner.report", "cleaner.review",
                      "cleaner.review.compare")
DESCRIPTION = "Clean scraped forum pages: the article text, without forum chrome and spam, with an audit."
FORMAT_NAMES = ("text", "json", "jsonl", "markdown")  # = cleaner.batch.outputs.OUTPUT_FORMATS (not imported here: speed)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS/Windows
        return os.cpu_count() or 1


def add_clean_parser(subparsers, name: str = "clean", *, explain_default: bool = False) -> None:
    helps = {"clean": "clean pages: files, folders, globs, JSONL, WARC or - (stdin)",
             "explain": "clean one or more pages and show every removed line with its rule and score"}
    p = subparsers.add_parser(name, help=helps[name], description=helps[name])
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, folder (recursive), glob, or - for stdin")
    p.add_argument("-o", "--output", metavar="OUT",
                   help="a file (its suffix .txt/.json/.jsonl/.ndjson gives the format) or a folder "
                        "(ends with /, exists, or has no suffix): one file per input")
    p.add_argument("--format", choices=FORMAT_NAMES, default=None,
                   help="text (default), json (one document per input), jsonl (one line per input), "
                        "markdown (the text as Markdown: fenced code, lists, tables, a section per post)")
    p.add_argument("--stats", metavar="FILE", help="batch statistics file (default beside -o: OUT.stats.json)")
    p.add_argument("--fail-on-error", action="store_true", help="exit 1 when any input is an error record")
    talk = p.add_mutually_exclusive_group()
    talk.add_argument("-v", "--verbose", action="store_true", help="also report each error and skipped input")
    talk.add_argument("-q", "--quiet", action="store_true", help="no summary, no progress: only fatal errors")
    p.add_argument("--replies", action="store_true", help="keep genuine replies after the first post")
    p.add_argument("--title", action="store_true", help="put the thread title as the first line of the text")
    p.add_argument("--explain", action="store_true", default=explain_default,
                   help="show kept lines (+) and removed lines (-) with kind, rule and score")
    p.add_argument("--audit", action="store_true", help="add the removed lines to JSON records")
    p.add_argument("--jobs", "-j", type=int, default=default_jobs(), help="worker processes (default: all cores)")
    p.add_argument("--resume", action="store_true", help="finish an interrupted run without redoing or duplicating records")
    p.add_argument("--dask", metavar="ADDR", help="run on a Dask cluster: scheduler address, or 'local'")
    p.add_argument("--model", help="spam model file, 'default' (shipped) or 'none' (rules only)")
    p.add_argument("--trust-model", action="store_true", help="allow loading a pickle/joblib model (runs code)")
    p.add_argument("--input-format", choices=("auto", "files", "jsonl", "warc"), default="auto")
    p.add_argument("--html-field", default="html", help="JSONL field with the page HTML or text")
    p.add_argument("--url-field", default="url")
    p.add_argument("--id-field", default="id")
    p.add_argument("--max-bytes", type=int, help="pages larger than this become error records")
    p.add_argument("--timeout", type=float, help="seconds per page before it becomes an error record")
    p.add_argument("--max-memory", type=int, metavar="MB",
                   help="memory per worker process; a page that needs more becomes an error record "
                        "(default 4096, at most the workers' share of RAM; 0: no limit)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    p.set_defaults(func=run_clean)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The full parser; given the command being run, other modules are not even imported
    (``train`` pulls in scikit-learn, which would add seconds to every ``clean``)."""
    parser = argparse.ArgumentParser(prog="forum-cleaner", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=_version())
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_clean_parser(subparsers)
    add_clean_parser(subparsers, "explain", explain_default=True)
    for module_name in SUBCOMMAND_MODULES:
        if command in (None, module_name.rsplit(".", 1)[-1]):
            _register_optional(subparsers, module_name)
    return parser


def _command_of(argv: Sequence[str]) -> str | None:
    """The subcommand named on the command line, when it is one of ours that needs no imports."""
    first = next((a for a in argv if not a.startswith("-")), None)
    return first if first in ("clean", "explain") or any(m.endswith("." + str(first)) for m in SUBCOMMAND_MODULES) else None


def _version() -> str:
    try:
        from cleaner import __version__

        return f"forum-cleaner {__version__}"
    except Exception:  # the version must print even when the pipeline cannot import
        return "forum-cleaner"


def _register_optional(subparsers, module_name: str) -> None:
    """Register a subcommand module; if it cannot import, the command reports why when used."""
    command = module_name.rsplit(".", 1)[-1]
    try:
        importlib.import_module(module_name).add_parser(subparsers)
    except Exception as exc:  # any failure there must not break `clean`
        reason = f"{type(exc).__name__}: {exc}"
        p = subparsers.add_parser(command, help=f"(unavailable: {reason})")
        p.add_argument("rest", nargs=argparse.REMAINDER)
        p.set_defaults(func=lambda args: _unavailable(command, reason))


def _unavailable(command: str, reason: str) -> int:
    print(f"forum-cleaner {command}: unavailable ({reason})", file=sys.stderr)
    return EXIT_CANNOT_RUN


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_command_of(argv))
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_CANNOT_RUN
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("\nforum-cleaner: interrupted; rerun with --resume to finish", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `forum-cleaner clean ... | head`
        return _reader_left()


# ---------------------------------------------------------------- clean
def options_from_args(args):
    from .batch.run import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_S, CleanOptions

    return CleanOptions(
        replies=args.replies, audit=args.audit or args.explain, explain=args.explain, model=args.model,
        trust_model=args.trust_model, include_title=getattr(args, "title", False),
        max_bytes=args.max_bytes if args.max_bytes is not None else DEFAULT_MAX_BYTES,
        timeout=args.timeout if args.timeout is not None else DEFAULT_TIMEOUT_S,
        output="markdown" if args.format == "markdown" else "text",  # (writers: as text)
        **({} if getattr(args, "max_memory", None) is None else {"memory_mb": args.max_memory or None}),
    )


def _fail(message: str) -> int:
    print(f"forum-cleaner: {message}", file=sys.stderr)
    return EXIT_CANNOT_RUN


def run_clean(args) -> int:
    from .batch.outputs import OutputUsageError, resolve_output
    from .batch.readers import InputNotFoundError, JsonlFields, resolve_inputs

    if args.jobs < 1:
        return _fail("--jobs must be at least 1")
    if args.max_bytes is not None and args.max_bytes < 1:
        return _fail("--max-bytes must be positive")
    try:
        target = resolve_output(args.output, args.format)
    except OutputUsageError as exc:
        return _fail(str(exc))
    args.format = target.format
    try:
        specs = resolve_inputs(args.paths, args.input_format)
    except InputNotFoundError as exc:
        return _fail(str(exc))
    if not specs:
        return _fail("no input files found")
    fields = JsonlFields(html=args.html_field, url=args.url_field, id=args.id_field)
    options = options_from_args(args)
    if _is_single_page(specs, args):
        return clean_single(specs[0], args, options, fields)
    return clean_batch(specs, args, options, fields, target)


def _is_single_page(specs, args) -> bool:
    """One page and no -o: print its text (or its JSON document) like `cat` would, no summary,
    no progress."""
    if len(specs) != 1 or args.output or args.dask or args.format == "jsonl" or args.stats:
        return False
    if args.format == "json" and not (len(args.paths) == 1 and (args.paths[0] == "-" or os.path.isfile(args.paths[0]))):
        return False  # a folder or glob gives a JSON array, whatever number of pages it holds
    spec = specs[0]
    if spec.path == "-":
        return spec.fmt in ("auto", "files") and _stdin_is_single_page(spec.fmt)
    return spec.fmt == "files"


def _stdin_is_single_page(fmt: str) -> bool:
    from .batch.readers import sniff_format

    if fmt == "files":
        return True
    stream = sys.stdin.buffer
    head = stream.peek(65536)[:65536] if hasattr(stream, "peek") else b""
    return sniff_format(head) == "files"


def clean_single(spec, args, options, fields) -> int:
    """One page: its text, --explain view or JSON document on stdout; exit 1 if it failed."""
    from .batch.outputs import json_document
    from .batch.readers import iter_pages
    from .batch.run import clean_record, make_cleaner

    page = next(iter_pages([spec], fields, max_bytes=options.max_bytes))
    try:
        cleaner = make_cleaner(options)
    except Exception as exc:  # a model that does not load: nothing can run
        return _fail(f"cannot set up the cleaner: {exc}")
    record = clean_record(page, cleaner, options)
    failed = record["status"] == "error"
    if failed and not args.quiet:
        print(f"forum-cleaner: {record['id']}: {record['error_code']}: {record['error']}", file=sys.stderr)
    if args.format == "json":
        sys.stdout.write(json_document(record, indent=2) + "\n")
    elif not failed:
        sys.stdout.write(render_explain(record) if args.explain else render_text(record))
    sys.stdout.flush()
    return EXIT_PAGE_FAILED if failed else EXIT_OK


def render_text(record: dict) -> str:
    """The clean text followed by one newline; nothing for an empty page."""
    return record["text"] + "\n" if record["text"] else ""


def render_explain(record: dict) -> str:
    """Every line in page order: kept (``  + text``) or removed (``  - [kind:rule score] text``)."""
    lines = [f"# {record['id']}  engine={record.get('engine', '')}  title={record.get('title', '')!r}"]
    if record["status"] == "error":
        lines.append(f"  ! [error {record['error_code']}] {record['error']}")
    elif record["status"] == "skipped":
        lines.append(f"  ! [skipped {record['skip_code']}] {record['skip_reason']}")
    for line in record.get("lines", []):
        if line["kept"]:
            lines.append(f"  + {line['text']}")
            continue
        kind, rule = line["kind"], line["rule"]
        label = rule if rule.startswith(f"{kind}:") else f"{kind}:{rule}"
        lines.append(f"  - [{label} {line['score']:.2f}] {line['text']}")
    return "\n".join(lines) + "\n"


def render_headed_text(record: dict) -> str:
    """Several pages to stdout: a `==> id <==` header (like head/tail) before each text."""
    if record["status"] == "error":
        body = f"[error {record['error_code']}: {record['error']}]\n"
    elif record["status"] == "skipped":
        body = f"[skipped {record['skip_code']}: {record['skip_reason']}]\n"
    else:
        body = render_text(record)
    return f"==> {record['id']} <==\n{body}\n"


def make_writer(args, target=None):
    from .batch.outputs import make_output_writer, resolve_output

    target = target or resolve_output(args.output, args.format)
    return make_output_writer(target, resume=args.resume, stream=sys.stdout,
                              text_render=render_explain if args.explain else render_text,
                              stream_text_render=render_explain if args.explain else render_headed_text,
                              renders={"markdown": render_text if target.kind == "folder" else render_headed_text})


def exit_code(summary, *, fail_on_error: bool = False) -> int:
    """1 when every input failed (none ok, empty, skipped or already done) or, with
    ``--fail-on-error``, when any did; else 0: error records are results of a completed batch."""
    if summary.errors and (fail_on_error or summary.errors == summary.inputs):
        return EXIT_PAGE_FAILED
    return EXIT_OK


def clean_batch(specs, args, options, fields, target=None) -> int:
    from .batch.outputs import OutputUsageError, resolve_output, stats_path
    from .batch.stats import BatchStats, ObservedWriter

    target = target or resolve_output(args.output, args.format)
    if args.resume and args.output is None:
        return _fail("--resume needs -o (there is nothing to resume on stdout)")
    try:
        writer = make_writer(args, target)
    except OutputUsageError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"cannot write output: {exc}")
    stats = BatchStats()
    writer = ObservedWriter(writer, stats, verbose=args.verbose)
    progress = sys.stderr.isatty() and not args.no_progress and not args.quiet and args.output is not None
    try:
        summary = _run(specs, args, replace(options, removal_counts=True), fields, writer, progress)
    except BrokenPipeError:
        return _reader_left()
    except ImportError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"cannot run: {exc}")
    except Exception as exc:
        if type(exc).__name__ == "ModelLoadError" or exc.__class__.__module__.startswith("cleaner"):
            return _fail(f"cannot set up the cleaner: {exc}")
        raise
    where = args.stats or stats_path(target)
    if where:
        try:
            stats.write(where, summary)
        except OSError as exc:
            return _fail(f"cannot write the statistics: {exc}")
    if not args.quiet:
        print(f"forum-cleaner: {summary.line()}", file=sys.stderr)
        if args.verbose:
            details = [f"peak worker memory {summary.peak_worker_rss_mib:.0f} MiB"] if summary.peak_worker_rss_mib else []
            details += [f"pool restarts {summary.pool_restarts}"] + ([f"statistics in {where}"] if where else [])
            print(f"forum-cleaner: {', '.join(details)}", file=sys.stderr)
    return exit_code(summary, fail_on_error=args.fail_on_error)


def _run(specs, args, options, fields, writer, progress):
    from .batch.readers import iter_pages
    from .batch.run import run_batch

    if args.dask:
        from .batch.cluster import run_distributed

        return run_distributed(specs, writer, options, address=args.dask, jobs=args.jobs,
                               fields=fields, progress=progress)
    pages = iter_pages(specs, fields, max_bytes=options.max_bytes)
    return run_batch(pages, writer, options, jobs=args.jobs, progress=progress)


def _reader_left() -> int:
    """stdout's reader went away (``| head``): stop quietly, as cat does. stdout is pointed at
    /dev/null so the interpreter's last flush cannot complain either."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
