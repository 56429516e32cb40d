"""Batch outputs: a JSONL file (one record per input) or one text file per input in a folder.

Both are crash-safe. JSONL is written to ``<out>.part`` (flushed per record) and renamed to
``<out>`` only when the batch finishes, so nobody reads a half-written file; ``--resume`` reopens
the ``.part``, cuts a torn last line left by a kill, and skips ids already written. Text files are
written with tmp + ``os.replace`` so each exists whole or not at all; resume skips existing ones.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from typing import IO, Protocol

PART_SUFFIX = ".part"
ERRORS_FILE_NAME = "_errors.jsonl"
MAX_NAME_CHARS = 80
NAME_HASH_CHARS = 10
# Keep ASCII letters/digits/._- and CJK ideographs (+ kana, hangul); everything else becomes "_".
UNSAFE_NAME_CHARS = re.compile(r"[^A-Za-z0-9._\-\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")


def id_key(record_id: str) -> int:
    """A compact fixed-size key for an id, so a resume set of millions of ids stays small."""
    return int.from_bytes(hashlib.blake2b(record_id.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")


def safe_file_name(record_id: str, *, max_chars: int = MAX_NAME_CHARS) -> str:
    """A file name for an id that cannot escape the output folder nor collide with another id.

    An id that is already a plain short name keeps it (``a.html`` -> ``a.html.txt``); any id that
    had to be changed (paths, URLs, leading dots, too long) gets a hash of the full id appended.
    """
    cleaned = UNSAFE_NAME_CHARS.sub("_", record_id).lstrip(".")[:max_chars] or "_"
    if cleaned != record_id or cleaned.split(".")[0].upper() in _RESERVED_WINDOWS_NAMES:
        digest = hashlib.sha1(record_id.encode("utf-8", "surrogatepass")).hexdigest()[:NAME_HASH_CHARS]
        cleaned = f"{cleaned}-{digest}"
    return f"{cleaned}.txt"


URL_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


def output_file_name(record_id: str, url: str | None = None) -> str:
    """The text file for a record: from its URL when it has one (WARC/JSONL ids are opaque, URLs
    are not), always with a hash of the id so two records never share a file; else from the id."""
    if not url:
        return safe_file_name(record_id)
    readable = UNSAFE_NAME_CHARS.sub("_", URL_SCHEME.sub("", url)).strip("._")[:MAX_NAME_CHARS] or "_"
    digest = hashlib.sha1(record_id.encode("utf-8", "surrogatepass")).hexdigest()[:NAME_HASH_CHARS]
    return f"{readable}-{digest}.txt"


_RESERVED_WINDOWS_NAMES = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                                     *(f"LPT{i}" for i in range(1, 10))})


def record_line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


class RecordWriter(Protocol):
    def done_keys(self) -> set[int]: ...
    def write(self, record: dict) -> None: ...
    def finish(self) -> None: ...
    def abort(self) -> None: ...


def _fsync(fh: IO) -> None:
    fh.flush()
    try:
        os.fsync(fh.fileno())
    except (OSError, ValueError):
        pass  # not a real file (a pipe, a test buffer)


def scan_jsonl_ids(path: str) -> tuple[set[int], int]:
    """Keys of the records in a JSONL file and the byte length of its whole, valid lines.

    A kill can leave a torn last line; everything after the last complete record is cut.
    """
    keys: set[int] = set()
    good_end = 0
    with open(path, "rb") as fh:
        for line in fh:
            if not line.endswith(b"\n"):
                break
            try:
                keys.add(id_key(json.loads(line)["id"]))
            except (ValueError, KeyError, TypeError):
                break
            good_end += len(line)
    return keys, good_end


class JsonlFileWriter:
    """Records to ``path`` via ``path.part``; ``finish`` fsyncs and renames atomically."""

    def __init__(self, path: str, *, resume: bool = False, flush_every: int = 1):
        self.path = path
        self.part = path + PART_SUFFIX
        self.flush_every = flush_every
        self._pending = 0
        self._keys: set[int] = set()
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        if resume:
            if not os.path.exists(self.part) and os.path.exists(path):
                os.replace(path, self.part)  # a finished run being extended: reopen it
            if os.path.exists(self.part):
                self._keys, good_end = scan_jsonl_ids(self.part)
                with open(self.part, "r+b") as fh:
                    fh.truncate(good_end)
        mode = "a" if resume else "w"
        self._fh = open(self.part, mode, encoding="utf-8", newline="\n")

    def done_keys(self) -> set[int]:
        return self._keys

    def write(self, record: dict) -> None:
        self._fh.write(record_line(record))
        self._pending += 1
        if self._pending >= self.flush_every:
            self._fh.flush()
            self._pending = 0

    def finish(self) -> None:
        _fsync(self._fh)
        self._fh.close()
        os.replace(self.part, self.path)

    def abort(self) -> None:
        """Keep the ``.part`` (flushed and synced) so ``--resume`` can finish it."""
        if not self._fh.closed:
            _fsync(self._fh)
            self._fh.close()


class StreamWriter:
    """Records (or texts) to stdout; nothing to resume."""

    def __init__(self, render, stream: IO[str] | None = None):
        self.render = render
        self.stream = stream or sys.stdout

    def done_keys(self) -> set[int]:
        return set()

    def write(self, record: dict) -> None:
        self.stream.write(self.render(record))
        self.stream.flush()

    def finish(self) -> None:
        self.stream.flush()

    abort = finish


def atomic_write_text(path: str, text: str) -> None:
    """Write a file so that it exists whole or not at all (tmp in the same folder + rename)."""
    tmp = f"{path}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class TextDirWriter:
    """One ``<safe name>.txt`` per ok/empty input, error and skipped records in ``_errors.jsonl``."""

    def __init__(self, folder: str, *, resume: bool = False, render=None):
        self.folder = folder
        self.render = render or (lambda record: record["text"] + "\n" if record["text"] else "")
        os.makedirs(folder, exist_ok=True)
        self._resume = resume
        self._errors = JsonlFileWriter(os.path.join(folder, ERRORS_FILE_NAME), resume=resume)

    def done_keys(self) -> set[int]:
        """Resume: ids with an error record; existing text files are checked per id in ``is_done``."""
        return self._errors.done_keys()

    def is_done(self, record_id: str, url: str | None = None) -> bool:
        return self._resume and os.path.exists(os.path.join(self.folder, output_file_name(record_id, url)))

    def write(self, record: dict) -> None:
        if record["status"] in ("error", "skipped"):  # no text file: its record says why
            self._errors.write(record)
            return
        name = output_file_name(record["id"], record.get("url"))
        atomic_write_text(os.path.join(self.folder, name), self.render(record))

    def finish(self) -> None:
        self._errors.finish()

    def abort(self) -> None:
        self._errors.abort()
