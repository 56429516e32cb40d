"""Batch inputs: files, folders, globs, JSONL, WARC(.gz) and stdin -> a stream of ``PageInput``.

Readers never raise for a bad record: a broken JSON line or a corrupt WARC record becomes a
``PageInput`` with ``error`` set, so the batch writes an error record for it and every input is
accounted for. Readers are generators, so memory stays flat however many pages there are.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import os
import shutil
import sys
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from .warc_filter import skip_reason, warc_metadata
from .warcsplit import iter_warc_records

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
# Annotation files that sit beside pages in evaluation folders (ours: samples/pages; the
# magic-html and harvest benchmarks): a folder walk skips them, a file named explicitly is read.
SIDECAR_SUFFIXES = (".expected.txt", ".spam.txt", ".meta.json", ".gold.txt", ".posts.json", ".md")
INPUT_FORMATS = ("auto", "files", "jsonl", "warc")
STDIN_NAME = "-"
# A gzip member header (magic + deflate); where we resync after a corrupt gzipped WARC record.
GZIP_MEMBER_MAGIC = b"\x1f\x8b\x08"
WARC_RECORD_MAGIC = b"WARC/1."
RESYNC_SCAN_BYTES = 1 << 20
MAX_INFLATED_MEMBER_BYTES = 256 * 1024 * 1024


@dataclass(slots=True)
class PageInput:
    """One page to clean, or one input that could not even be read (``error`` set)."""

    id: str
    source: str
    payload: bytes | str | None = None
    url: str | None = None
    headers: dict[str, str] | None = None
    error: str | None = None
    error_code: str = "read"
    meta: dict | None = None  # what the container said: WARC-Date, HTTP status
    skip_reason: str | None = None  # set: read but not a page to clean (a WARC 404, a script)
    skip_code: str = ""

    @property
    def size(self) -> int:
        """Bytes of the page (text counts as UTF-8, as it would be on the wire)."""
        if self.payload is None:
            return 0
        if isinstance(self.payload, str):
            return len(self.payload.encode("utf-8", "surrogatepass"))
        return len(self.payload)


@dataclass(frozen=True, slots=True)
class JsonlFields:
    """Which JSONL fields hold the page (HTML or text), its URL, id and optional HTTP headers."""

    html: str = "html"
    url: str = "url"
    id: str = "id"
    headers: str = "headers"


@dataclass(frozen=True, slots=True)
class InputSpec:
    """A resolved input: a path (or stdin), its format, and the root its ids are relative to."""

    path: str
    fmt: str  # files | jsonl | warc
    root: str | None = None
    extra: dict = field(default_factory=dict)


class InputNotFoundError(FileNotFoundError):
    """A PATH on the command line matched nothing: the batch cannot run."""


def format_of(path: str, requested: str = "auto") -> str:
    """The reader for a path: the requested one, or guessed from the file name."""
    if requested != "auto":
        return requested
    name = path.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return "files"


def _walk_files(folder: str) -> Iterator[str]:
    """Every page file under ``folder`` (annotation sidecars skipped), sorted so runs (and
    resumed runs) see the same order."""
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and not name.endswith(SIDECAR_SUFFIXES):
                yield os.path.join(dirpath, name)


def resolve_inputs(paths: Iterable[str], input_format: str = "auto") -> list[InputSpec]:
    """Expand files, folders (recursive) and globs into input specs; raise if a PATH matches nothing."""
    specs: list[InputSpec] = []
    for raw in paths:
        if raw == STDIN_NAME:
            specs.append(InputSpec(STDIN_NAME, input_format))
            continue
        if os.path.isdir(raw):
            specs.extend(InputSpec(p, format_of(p, input_format), root=raw) for p in _walk_files(raw))
        elif os.path.isfile(raw):
            specs.append(InputSpec(raw, format_of(raw, input_format)))
        else:
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                raise InputNotFoundError(f"no such file, folder or glob match: {raw}")
            for match in matches:
                specs.extend(resolve_inputs([match], input_format))
    return specs


def page_id_for_file(spec: InputSpec) -> str:
    """A file's id: its path relative to the folder given, or the path as given."""
    if spec.root is not None:
        return Path(os.path.relpath(spec.path, spec.root)).as_posix()
    return Path(spec.path).as_posix()


def read_file_page(spec: InputSpec, *, max_bytes: int | None = None) -> PageInput:
    """A whole file as one page; reads at most ``max_bytes + 1`` so a huge file costs no memory."""
    page_id = page_id_for_file(spec)
    try:
        with open(spec.path, "rb") as fh:
            payload = fh.read(max_bytes + 1 if max_bytes else -1)
    except OSError as exc:
        return PageInput(page_id, spec.path, error=f"cannot read file: {exc}")
    return PageInput(page_id, spec.path, payload=payload)


def _headers_of(value) -> dict[str, str] | None:
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items()}
    return None


def parse_jsonl_line(line: bytes, *, source: str, offset: int, fields: JsonlFields) -> PageInput:
    """One JSONL line -> a page; a broken line becomes an error input with a position-based id."""
    fallback_id = f"{source}@{offset}"
    try:
        obj = json.loads(line)
    except (ValueError, UnicodeDecodeError) as exc:
        return PageInput(fallback_id, source, error=f"broken JSON line: {exc}", error_code="json")
    if not isinstance(obj, dict):
        return PageInput(fallback_id, source, error="JSON line is not an object", error_code="json")
    raw_id = obj.get(fields.id)
    page_id = str(raw_id) if raw_id not in (None, "") else fallback_id
    url = obj.get(fields.url)
    url = str(url) if url else None
    if fields.html not in obj:
        return PageInput(page_id, source, url=url, error=f"missing field {fields.html!r}", error_code="json")
    payload = obj[fields.html]
    if payload is None:
        payload = ""
    if not isinstance(payload, str):
        return PageInput(page_id, source, url=url, error=f"field {fields.html!r} is not a string", error_code="json")
    return PageInput(page_id, source, payload=payload, url=url, headers=_headers_of(obj.get(fields.headers)))


def iter_jsonl_lines(fh: BinaryIO, start: int = 0, end: int | None = None) -> Iterator[tuple[int, bytes]]:
    """(byte offset, line) for lines *starting* in [start, end): Hadoop-style splits for Dask."""
    if start:
        fh.seek(start - 1)
        fh.readline()  # finish the line that straddles ``start``; its owner is the previous split
    offset = fh.tell() if start else 0  # pipes cannot tell()
    while end is None or offset < end:
        line = fh.readline()
        if not line:
            return
        if line.strip():
            yield offset, line
        offset += len(line)


def read_jsonl(spec: InputSpec, fields: JsonlFields, fh: BinaryIO | None = None,
               start: int = 0, end: int | None = None) -> Iterator[PageInput]:
    """Pages from a JSONL file (``.gz`` too), one per non-blank line."""
    source = spec.path
    if fh is not None:
        for offset, line in iter_jsonl_lines(fh, start, end):
            yield parse_jsonl_line(line, source=source, offset=offset, fields=fields)
        return
    opener = gzip.open if source.endswith(".gz") else open
    try:
        with opener(source, "rb") as handle:
            for offset, line in iter_jsonl_lines(handle, start, end):
                yield parse_jsonl_line(line, source=source, offset=offset, fields=fields)
    except (OSError, EOFError) as exc:
        yield PageInput(f"{source}@read", source, error=f"cannot read JSONL: {exc}")


# ---------------------------------------------------------------- WARC
def _require_warcio():
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as exc:  # pragma: no cover - depends on the extra being installed
        raise ImportError("reading WARC needs the [warc] extra: pip install 'forum-cleaner[warc]'") from exc
    return ArchiveIterator


def _warc_page(record, source: str) -> PageInput:
    """A WARC response record -> a page with its URL, HTTP headers (for charset decoding), and
    WARC-Date and HTTP status; a response that is no page to clean is read as skipped."""
    rec_id = record.rec_headers.get_header("WARC-Record-ID") or ""
    url = record.rec_headers.get_header("WARC-Target-URI")
    headers = None
    if record.http_headers is not None:
        headers = {k: v for k, v in record.http_headers.headers}
    meta = warc_metadata(record)
    page = PageInput(rec_id.strip("<>") or f"{source}@?", source, url=url, headers=headers, meta=meta)
    skip = skip_reason(meta.get("http_status"), headers)
    if skip is not None:
        page.skip_code, page.skip_reason = skip
        return page  # the body is not read: warcio skips it
    page.payload = record.content_stream().read()
    return page


def _find_next_record(fh: BinaryIO, after: int, gzipped: bool) -> int | None:
    """The offset of the next plausible record start after a corrupt one, or None at end of file."""
    magic = GZIP_MEMBER_MAGIC if gzipped else WARC_RECORD_MAGIC
    pos = after + 1
    while True:
        fh.seek(pos)
        chunk = fh.read(RESYNC_SCAN_BYTES + len(magic))
        if not chunk:
            return None
        hit = chunk.find(magic)
        if hit >= 0:
            return pos + hit
        if len(chunk) <= len(magic):
            return None
        pos += RESYNC_SCAN_BYTES


def iter_gzip_members(fh: BinaryIO, *, max_inflated: int = MAX_INFLATED_MEMBER_BYTES,
                      chunk_size: int = 1 << 16) -> Iterator[tuple[int, bytes | Exception]]:
    """(offset, inflated bytes) per gzip member, or (offset, error) for a corrupt one, after which
    we resync at the next gzip header. Inflation is bounded: a gzip bomb is an error, not a hang.

    WARC.gz holds one record per member; warcio on its own prints zlib errors and silently drops
    the rest of the file, so corrupt members are caught here.
    """
    start = fh.tell()
    pending = b""
    while True:
        if not pending:
            pending = fh.read(chunk_size)
            if not pending:
                return
        inflater = zlib.decompressobj(31)
        parts: list[bytes] = []
        inflated = 0
        data, pending = pending, b""
        try:
            while True:
                part = inflater.decompress(data, max_inflated + 1 - inflated)
                inflated += len(part)
                parts.append(part)
                if inflated > max_inflated:
                    raise ValueError(f"gzip member inflates beyond {max_inflated} bytes")
                if inflater.eof:
                    pending = inflater.unused_data
                    break
                data = inflater.unconsumed_tail or fh.read(chunk_size)
                if not data:
                    raise EOFError("truncated gzip member at end of file")
        except (zlib.error, EOFError, ValueError) as exc:
            yield start, exc
            next_start = _find_next_record(fh, start, gzipped=True)
            if next_start is None:
                return
            fh.seek(next_start)
            start, pending = next_start, b""
            continue
        yield start, b"".join(parts)
        start = fh.tell() - len(pending)


def _warc_records(stream: BinaryIO, source: str, base: int = 0) -> Iterator[PageInput]:
    """Response records of an uncompressed WARC stream; corruption -> one error input, then stop."""
    archive_iterator = _require_warcio()
    iterator = archive_iterator(stream, check_digests=False)
    try:
        for record in iterator:
            if record.rec_type == "response":
                yield _warc_page(record, source)
    except Exception as exc:  # warcio raises many kinds on corrupt input
        yield PageInput(f"{source}@{base + iterator.offset}", source, error=f"corrupt WARC record: {exc}",
                        error_code="warc")


def read_warc(spec: InputSpec) -> Iterator[PageInput]:
    """Response records of a WARC or WARC.gz, with their HTTP headers (for charset decoding).

    A corrupt record becomes one error input and reading goes on at the next record.
    """
    _require_warcio()
    try:
        fh = open(spec.path, "rb")
    except OSError as exc:
        yield PageInput(f"{spec.path}@read", spec.path, error=f"cannot read WARC: {exc}")
        return
    with fh:
        yield from iter_warc_stream(fh, spec.path)


def iter_warc_stream(fh: BinaryIO, source: str) -> Iterator[PageInput]:
    """A seekable WARC stream (gzipped per record, or plain) -> pages, resyncing after corruption."""
    gzipped = fh.read(3) == GZIP_MEMBER_MAGIC
    fh.seek(0)
    if gzipped:
        for offset, member in iter_gzip_members(fh):
            if isinstance(member, Exception):
                yield PageInput(f"{source}@{offset}", source, error=f"corrupt WARC record: {member}",
                                error_code="warc")
            else:
                yield from _checked_records(io.BytesIO(member), source, base=offset)
        return
    yield from _checked_records(fh, source)


def _checked_records(fh: BinaryIO, source: str, base: int | None = None) -> Iterator[PageInput]:
    """Records split and checked by warcsplit (a damaged one is an error input, then the next
    ``WARC/1.`` header), each read by warcio. ``base``: the gzip member's offset, for ids."""
    for offset, record in iter_warc_records(fh):
        at = offset if base is None else base
        if isinstance(record, Exception):
            yield PageInput(f"{source}@{at}", source, error=f"corrupt WARC record: {record}", error_code="warc")
        else:
            yield from _warc_records(io.BytesIO(record), source, base=at)


# ---------------------------------------------------------------- stdin
def sniff_format(head: bytes) -> str:
    """Guess what stdin holds: WARC (plain or gzipped), JSONL, or one page."""
    if head.startswith(GZIP_MEMBER_MAGIC) or head.lstrip().startswith(WARC_RECORD_MAGIC):
        return "warc"
    stripped = head.lstrip()
    first_line, newline, _ = stripped.partition(b"\n")
    if not newline:  # the first line is longer than what we could peek at
        return "jsonl" if stripped.startswith(b'{"') else "files"
    if first_line.startswith(b"{"):
        try:
            if isinstance(json.loads(first_line), dict):
                return "jsonl"
        except ValueError:
            pass
    return "files"


def read_stdin(spec: InputSpec, fields: JsonlFields, *, max_bytes: int | None = None) -> Iterator[PageInput]:
    """stdin as one page, as JSONL, or as a WARC stream (guessed unless --input-format says)."""
    stream = sys.stdin.buffer
    fmt = spec.fmt
    if fmt == "auto":
        head = stream.peek(65536)[:65536] if hasattr(stream, "peek") else b""
        fmt = sniff_format(head)
    if fmt == "jsonl":
        for offset, line in iter_jsonl_lines(stream):
            yield parse_jsonl_line(line, source="<stdin>", offset=offset, fields=fields)
    elif fmt == "warc":
        _require_warcio()
        # resyncing after a corrupt record needs seeking: spool stdin to a temporary file
        with tempfile.TemporaryFile() as spool:
            shutil.copyfileobj(stream, spool)
            spool.seek(0)
            yield from iter_warc_stream(spool, "<stdin>")
    else:
        yield PageInput("<stdin>", "<stdin>", payload=stream.read(max_bytes + 1 if max_bytes else -1))


def iter_pages(specs: Iterable[InputSpec], fields: JsonlFields = JsonlFields(), *,
               max_bytes: int | None = None) -> Iterator[PageInput]:
    """Every page of every input, in order."""
    for spec in specs:
        if spec.path == STDIN_NAME:
            yield from read_stdin(spec, fields, max_bytes=max_bytes)
        elif spec.fmt == "jsonl":
            yield from read_jsonl(spec, fields)
        elif spec.fmt == "warc":
            yield from read_warc(spec)
        else:
            yield read_file_page(spec, max_bytes=max_bytes)
