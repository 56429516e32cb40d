"""Split an uncompressed WARC stream into records by their headers, checking each one, so that a
damaged record costs itself only.

warcio trusts ``Content-Length``: a record truncated in the middle of a plain ``.warc`` makes it
read on into the next record (the damaged record's id and URL then carry the next record's
text, and the next record is gone) with nothing but a warning. Here each record must start
with ``WARC/1.x``, name its ``WARC-Record-ID`` and ``Content-Length``, and be followed by its
blank-line end and then the next ``WARC/`` header or the end of the file. A record that is not
becomes an error, and reading resumes at the next ``WARC/1.`` header after its start: the
same resynchronisation the gzip reader does at the next gzip member. (A false start inside
content must pass the same header checks to be taken.)
"""

from __future__ import annotations

import re
from typing import BinaryIO, Iterator

RECORD_MAGIC = b"WARC/1."
MAX_HEADER_BYTES = 64 * 1024
MAX_RECORD_BYTES = 256 * 1024 * 1024
SCAN_CHUNK_BYTES = 1 << 20
RECORD_END = b"\r\n\r\n"
_CONTENT_LENGTH = re.compile(rb"^content-length:[ \t]*(\d+)[ \t]*\r?$", re.I | re.M)
_HEADER_LINE = re.compile(rb"^(?:[!#-'*+.0-9A-Z^-z|~-]+:|[ \t])")  # "Name:" or a folded line
_RECORD_ID = re.compile(rb"^warc-record-id:[ \t]*\S", re.I | re.M)


class CorruptRecord(ValueError):
    """A record that cannot be trusted; the message says what is wrong with it."""


def iter_warc_records(fh: BinaryIO, *, max_record: int = MAX_RECORD_BYTES) -> Iterator[tuple[int, bytes | CorruptRecord]]:
    """(offset, the whole record's bytes) per record, or (offset, CorruptRecord) for a damaged one."""
    pos = fh.tell()
    while True:
        fh.seek(pos)
        head = fh.read(MAX_HEADER_BYTES)
        body = head.lstrip(b"\r\n")
        pos += len(head) - len(body)
        if not body:
            return
        try:
            total = _checked_length(body, max_record)
            fh.seek(pos)
            record = fh.read(total)
            if len(record) < total:
                raise CorruptRecord(f"record truncated: it declares {total} bytes, the file ends after {len(record)}")
            end = _check_end(fh)
        except CorruptRecord as exc:
            yield pos, exc
            found = _next_header(fh, pos + 1)
            if found is None:
                return
            pos = found
            continue
        yield pos, record
        pos += total + end


def _checked_length(head: bytes, max_record: int) -> int:
    """Bytes of the record starting at ``head`` (header block + content), after checking its header."""
    if not head.startswith(RECORD_MAGIC):
        raise CorruptRecord(f"no WARC/1.x header here (found {head[:24]!r})")
    header_end = head.find(RECORD_END)
    if header_end < 0:
        raise CorruptRecord(f"record header has no end within {MAX_HEADER_BYTES} bytes")
    header = head[:header_end + 2]
    bad_line = next((line for line in header.split(b"\r\n")[1:-1] if not _HEADER_LINE.match(line)), None)
    if bad_line is not None:  # e.g. the next record's "WARC/1.0" inside a cut-off header
        raise CorruptRecord(f"record header holds a line that is not a field: {bad_line[:40]!r}")
    length = _CONTENT_LENGTH.search(header)
    if length is None:
        raise CorruptRecord("record header has no valid Content-Length")
    ids = len(_RECORD_ID.findall(header))
    if ids != 1:  # two: a cut-off header ran into the next record's
        raise CorruptRecord("record header has no WARC-Record-ID" if not ids else
                            f"record header has {ids} WARC-Record-IDs: truncated record")
    total = header_end + len(RECORD_END) + int(length.group(1))
    if total > max_record:
        raise CorruptRecord(f"record of {total} bytes is larger than the limit of {max_record}")
    return total


def _check_end(fh: BinaryIO) -> int:
    """After a record's content: its blank-line end, then the next header or the end of file.
    Anything else means Content-Length does not fit the bytes (a truncated record). Returns
    how many end bytes to skip."""
    after = fh.read(len(RECORD_END) + len(RECORD_MAGIC))
    rest = after.lstrip(b"\r\n")
    skipped = len(after) - len(rest)
    if skipped > len(RECORD_END) or not (rest == b"" or rest.startswith(b"WARC/")):
        raise CorruptRecord("record content does not end where its Content-Length says "
                            f"(followed by {after[:16]!r}): truncated or damaged record")
    return skipped


def _next_header(fh: BinaryIO, start: int) -> int | None:
    """The offset of the next plausible record at or after ``start``: a ``WARC/1.`` whose header
    checks out. It need not start a line: a record cut short runs straight into the next one."""
    pos = start
    while True:
        fh.seek(pos)
        chunk = fh.read(SCAN_CHUNK_BYTES + len(RECORD_MAGIC))
        if len(chunk) < len(RECORD_MAGIC):
            return None
        hit = chunk.find(RECORD_MAGIC)
        while 0 <= hit <= SCAN_CHUNK_BYTES:
            fh.seek(pos + hit)
            try:
                _checked_length(fh.read(MAX_HEADER_BYTES), MAX_RECORD_BYTES)
                return pos + hit
            except CorruptRecord:
                hit = chunk.find(RECORD_MAGIC, hit + 1)
        if len(chunk) <= SCAN_CHUNK_BYTES:
            return None
        pos += SCAN_CHUNK_BYTES
