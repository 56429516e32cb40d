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
import tempfile
from collections import Counter
from typing import IO, Protocol

from .lock import open_locked
from ..textutil import replace_surrogates

PART_SUFFIX = ".part"
ERRORS_FILE_NAME = "_errors.jsonl"
LOCK_FILE_NAME = ".forum-cleaner.lock"  # a folder without _errors.jsonl is locked by this file
MAX_NAME_CHARS = 80
NAME_HASH_CHARS = 10
# Keep ASCII letters/digits/._- and CJK ideographs (+ kana, hangul); everything else becomes "_".
UNSAFE_NAME_CHARS = re.compile(r"[^A-Za-z0-9._\-\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")


def id_key(record_id: str) -> int:
    """A compact fixed-size key for an id, so a resume set of millions of ids stays small."""
    return int.from_bytes(hashlib.blake2b(replace_surrogates(record_id).encode("utf-8"), digest_size=8).digest(), "big")


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
    record_id = replace_surrogates(record_id)  # the id as the record holds it
    if not url:
        return safe_file_name(record_id)
    readable = UNSAFE_NAME_CHARS.sub("_", URL_SCHEME.sub("", replace_surrogates(url))).strip("._")[:MAX_NAME_CHARS] or "_"
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


def scan_jsonl_ids(path: str) -> tuple[Counter, int]:
    """Keys of the records in a JSONL file, each with how many records carry it (ids may
    repeat: resume skips as many inputs of an id as there are records of it), and the byte
    length of its whole, valid lines. A kill can leave a torn last line; everything after the
    last complete record is cut.
    """
    keys: Counter = Counter()
    good_end = 0
    with open(path, "rb") as fh:
        for line in fh:
            if not line.endswith(b"\n"):
                break
            try:
                keys[id_key(json.loads(line)["id"])] += 1
            except (ValueError, KeyError, TypeError):
                break
            good_end += len(line)
    return keys, good_end


class JsonlFileWriter:
    """Records to ``path`` via ``path.part``; ``finish`` fsyncs and renames atomically. The
    ``.part`` is locked for the whole run: a second run on the same output refuses to start."""

    def __init__(self, path: str, *, resume: bool = False, flush_every: int = 1):
        self.path = path
        self.part = path + PART_SUFFIX
        self.flush_every = flush_every
        self._pending = 0
        self._keys: Counter = Counter()
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        if resume and not os.path.exists(self.part) and os.path.exists(path):
            os.replace(path, self.part)  # a finished run being extended: reopen it
        fd = open_locked(self.part)
        try:
            good_end = 0
            if resume:
                self._keys, good_end = scan_jsonl_ids(self.part)
            os.ftruncate(fd, good_end)  # a fresh run starts empty; a resumed one loses a torn line
            os.lseek(fd, good_end, os.SEEK_SET)
            self._fh = open(fd, "a", encoding="utf-8", newline="\n")
        except BaseException:
            os.close(fd)
            raise

    @property
    def lock_fd(self) -> int:
        """The locked descriptor (worker processes close their inherited copy)."""
        return self._fh.fileno()

    def done_keys(self) -> Counter:
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

    def done_keys(self) -> Counter:
        return Counter()

    def write(self, record: dict) -> None:
        self.stream.write(self.render(record))
        self.stream.flush()

    def finish(self) -> None:
        self.stream.flush()

    abort = finish


def atomic_write_text(path: str, text: str) -> None:
    """Write a file so that it exists whole or not at all (tmp in the same folder + rename).
    The tmp file has a random name and is created with O_EXCL (``mkstemp``): a symlink planted
    at a guessable name cannot redirect the write; it is removed if the write fails."""
    folder, name = os.path.split(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{name[:100]}.", suffix=".tmp", dir=folder or ".")
    try:
        with open(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def numbered_name(name: str, n: int) -> str:
    """The file of the n-th record that shares a name (ids may repeat): ``NAME~n.SUFFIX`` from
    the second on; "~" is never in a safe name, so it cannot be another id's file."""
    stem, dot, suffix = name.rpartition(".")
    return name if n <= 1 else f"{stem}~{n}{dot}{suffix}"


class FolderWriter:
    """One file per input in a folder, each written atomically. Inputs that share an id get
    ``~2``, ``~3`` ... files, in input order, so none overwrites another.

    ``errors_apart``: error and skipped records go to ``_errors.jsonl`` (whose ``.part`` is the
    run's lock) instead of a file of their own; otherwise a lock file in the folder guards it.
    """

    def __init__(self, folder: str, *, suffix: str = ".txt", render=None, resume: bool = False,
                 errors_apart: bool = True):
        self.folder, self.suffix = folder, suffix
        self.render = render or (lambda record: record["text"] + "\n" if record["text"] else "")
        os.makedirs(folder, exist_ok=True)
        self._resume = resume
        self._checked: Counter = Counter()  # name -> inputs asked about (is_done)
        self._written: Counter = Counter()  # name -> highest number written by this run
        self._errors = JsonlFileWriter(os.path.join(folder, ERRORS_FILE_NAME), resume=resume) if errors_apart else None
        self._lock_path = None if errors_apart else os.path.join(folder, LOCK_FILE_NAME)
        self._lock = None if errors_apart else open_locked(self._lock_path)

    @property
    def lock_fd(self) -> int:
        return self._errors.lock_fd if self._errors else self._lock

    def done_keys(self) -> Counter:
        """Resume: ids with an error record; existing files are checked per id in ``is_done``."""
        return self._errors.done_keys() if self._errors else Counter()

    def _name(self, record_id: str, url: str | None) -> str:
        return output_file_name(record_id, url).removesuffix(".txt") + self.suffix

    def is_done(self, record_id: str, url: str | None = None) -> bool:
        """Resume, asked once per input in input order: the n-th input of a name is done when
        its n-th file exists."""
        if not self._resume:
            return False
        name = self._name(record_id, url)
        self._checked[name] += 1
        return os.path.exists(os.path.join(self.folder, numbered_name(name, self._checked[name])))

    def write(self, record: dict) -> None:
        if self._errors and record["status"] in ("error", "skipped"):  # no file: its record says why
            self._errors.write(record)
            return
        name = self._name(record["id"], record.get("url"))
        n = self._written[name] + 1
        while self._resume and os.path.exists(os.path.join(self.folder, numbered_name(name, n))):
            n += 1  # written by the run being resumed
        self._written[name] = n
        atomic_write_text(os.path.join(self.folder, numbered_name(name, n)), self.render(record))

    def finish(self) -> None:
        if self._errors:
            self._errors.finish()
        elif self._lock is not None:  # unlink first: a run waiting on it then locks a new file
            os.unlink(self._lock_path)
            os.close(self._lock)
            self._lock = None

    def abort(self) -> None:
        if self._errors:
            self._errors.abort()
        else:
            self.finish()


TextDirWriter = FolderWriter  # one .txt per ok/empty input, errors and skipped in _errors.jsonl
