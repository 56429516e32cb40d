"""Output formats and where ``-o`` puts them: one meaning per format, one rule for file or folder.

    format    stdout                       -o FILE (by its suffix)     -o FOLDER/
    text      the text (several inputs:    .txt: the same as stdout    one .txt per input,
              a "==> id <==" header each)                              errors in _errors.jsonl
    json      one JSON document (a page    .json: a JSON array of      one .json document
              file) or a JSON array        documents                   per input
    jsonl     one record per line          .jsonl / .ndjson            FOLDER/records.jsonl

(``markdown`` is a text-like row: the records' text is already Markdown, cli renders it.)

``-o`` names a folder when it ends with "/" or is an existing folder, or when its name has no
suffix at all (``-o cleaned``); a file when its suffix is one a format owns (the suffix then
decides the format when ``--format`` is not given). A suffix no format owns, or one that
disagrees with ``--format``, is a usage error: a folder is never made with a file's name.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import IO, Callable

from .writers import (FolderWriter, JsonlFileWriter, StreamWriter, TextDirWriter,
                      record_line)

JSONL_OUTPUT_NAME = "records.jsonl"


class OutputUsageError(ValueError):
    """``-o`` and ``--format`` do not fit together: the command cannot run (exit 2)."""


@dataclass(frozen=True)
class OutputFormat:
    """A format: the file suffixes it owns (the first is the one per-input files get)."""

    name: str
    suffixes: tuple[str, ...]


OUTPUT_FORMATS: dict[str, OutputFormat] = {f.name: f for f in (
    OutputFormat("text", (".txt",)),
    OutputFormat("json", (".json",)),
    OutputFormat("jsonl", (".jsonl", ".ndjson")),
    OutputFormat("markdown", (".md",)),  # renderer: the ``renders`` the CLI passes to make_output_writer
)}
DEFAULT_FORMAT = "text"


@dataclass(frozen=True)
class OutputTarget:
    """Where records go: ``kind`` is "stdout", "file" or "folder"."""

    kind: str
    format: str
    path: str | None = None


def format_of_suffix(path: str) -> str | None:
    name = path.lower()
    for fmt in OUTPUT_FORMATS.values():
        if name.endswith(fmt.suffixes):
            return fmt.name
    return None


def resolve_output(path: str | None, requested: str | None) -> OutputTarget:
    """The rule in the module docstring; raises OutputUsageError with what to do instead."""
    if path is None:
        return OutputTarget("stdout", requested or DEFAULT_FORMAT)
    if path.endswith(("/", os.sep)) or os.path.isdir(path):
        return OutputTarget("folder", requested or DEFAULT_FORMAT, path)
    suffix = os.path.splitext(os.path.basename(path))[1]
    if not suffix:
        if os.path.exists(path):
            raise OutputUsageError(f"-o {path}: exists and is not a folder; give a file name with a suffix "
                                   f"({_suffix_list()}) or a folder")
        return OutputTarget("folder", requested or DEFAULT_FORMAT, path)
    fmt = format_of_suffix(path)
    if fmt is None:
        raise OutputUsageError(f"-o {path}: no output format writes {suffix!r} files ({_suffix_list()}); "
                               f"for a folder of that name, end it with /")
    if requested is not None and requested != fmt:
        wanted = OUTPUT_FORMATS[requested].suffixes[0]
        raise OutputUsageError(f"-o {path} names a {fmt} file but --format is {requested}: name the file "
                               f"*{wanted}, drop --format, or end the name with / for a folder")
    return OutputTarget("file", fmt, path)


def _suffix_list() -> str:
    return ", ".join(s for f in OUTPUT_FORMATS.values() for s in f.suffixes)


def json_document(record: dict, *, indent: int | None = None) -> str:
    return json.dumps(record, ensure_ascii=False, indent=indent)


class JsonArrayStreamWriter:
    """Records as one JSON array on a stream, one document per line, closed by ``finish``
    (and by ``abort``: an interrupted run still leaves valid JSON behind)."""

    def __init__(self, stream: IO[str]):
        self.stream = stream
        self._count = 0
        self._closed = False

    def done_keys(self) -> set[int]:
        return set()

    def write(self, record: dict) -> None:
        self.stream.write(("[\n" if self._count == 0 else ",\n") + json_document(record))
        self.stream.flush()
        self._count += 1

    def finish(self) -> None:
        if not self._closed:
            self._closed = True
            self.stream.write("\n]\n" if self._count else "[]\n")
            self.stream.flush()

    abort = finish


class JsonArrayFileWriter(JsonlFileWriter):
    """A JSON array file. Records go to ``OUT.json.part`` one per line (crash-safe, resumable
    like JSONL); ``finish`` writes the array beside it and renames it to ``OUT.json``."""

    def __init__(self, path: str, *, resume: bool = False):
        if resume and not os.path.exists(path + ".part") and os.path.exists(path):
            _array_to_lines(path, path + ".part")  # a finished run being extended
        super().__init__(path, resume=resume)

    def finish(self) -> None:
        super().finish()  # the complete JSONL is now at self.path
        tmp = f"{self.path}.{os.getpid()}.tmp"
        with open(self.path, encoding="utf-8") as lines, open(tmp, "w", encoding="utf-8", newline="\n") as out:
            out.write("[")
            for count, line in enumerate(lines):
                out.write(("\n" if count == 0 else ",\n") + line.rstrip("\n"))
            out.write("\n]\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, self.path)


def _array_to_lines(path: str, part: str) -> None:
    """Our JSON array file (one document per line) back to JSONL, to resume it."""
    with open(path, encoding="utf-8") as array, open(part, "w", encoding="utf-8", newline="\n") as out:
        for line in array:
            line = line.strip().rstrip(",")
            if line not in ("[", "]", "[]", ""):
                out.write(line + "\n")
    os.remove(path)


class DocumentDirWriter(FolderWriter):
    """One ``<name>.json`` document (or another format's rendering) per input, every status: an
    error's document says why; repeated ids get ``~n`` files; ``--resume`` skips inputs whose
    file exists."""

    def __init__(self, folder: str, *, suffix: str = ".json", render: Callable[[dict], str] | None = None,
                 resume: bool = False):
        super().__init__(folder, suffix=suffix, resume=resume, errors_apart=False,
                         render=render or (lambda record: json_document(record, indent=2) + "\n"))


class TextFileWriter(JsonlFileWriter):
    """Texts (as on stdout) into one file via ``OUT.part``; no resume (use a folder for that)."""

    def __init__(self, path: str, render: Callable[[dict], str]):
        super().__init__(path)
        self.render = render

    def write(self, record: dict) -> None:
        self._fh.write(self.render(record))


def make_output_writer(target: OutputTarget, *, resume: bool, text_render: Callable[[dict], str],
                       stream_text_render: Callable[[dict], str], stream: IO[str],
                       renders: dict[str, Callable[[dict], str]] | None = None):
    """The writer for a resolved target (``*_render``: how text looks in a file of its own, and
    in a stream of several inputs). Any other format of OUTPUT_FORMATS is a text-like one whose
    renderer ``renders`` gives: stdout and a file get the renderings one after the other, a
    folder one file per input named with the format's first suffix."""
    fmt, path = target.format, target.path
    if fmt not in ("text", "json", "jsonl"):
        return _rendered_writer(target, (renders or {})[fmt], resume=resume, stream=stream)
    if target.kind == "stdout":
        if fmt == "json":
            return JsonArrayStreamWriter(stream)
        return StreamWriter(record_line if fmt == "jsonl" else stream_text_render, stream)
    if target.kind == "file":
        if fmt == "json":
            return JsonArrayFileWriter(path, resume=resume)
        if fmt == "jsonl":
            return JsonlFileWriter(path, resume=resume)
        if resume:
            raise OutputUsageError("--resume needs a folder or a JSON/JSONL file, not one text file")
        return TextFileWriter(path, stream_text_render)
    if fmt == "json":
        return DocumentDirWriter(path, resume=resume)
    if fmt == "jsonl":
        return JsonlFileWriter(os.path.join(path, JSONL_OUTPUT_NAME), resume=resume)
    return TextDirWriter(path, resume=resume, render=text_render)


def _rendered_writer(target: OutputTarget, render: Callable[[dict], str], *, resume: bool, stream: IO[str]):
    if target.kind == "stdout":
        return StreamWriter(render, stream)
    if target.kind == "folder":
        return DocumentDirWriter(target.path, suffix=OUTPUT_FORMATS[target.format].suffixes[0], render=render,
                                 resume=resume)
    if resume:
        raise OutputUsageError(f"--resume needs a folder, not one {target.format} file")
    return TextFileWriter(target.path, render)


def stats_path(target: OutputTarget) -> str | None:
    """Where the batch statistics go: ``OUT.stats.json`` beside a file, ``_stats.json`` in a folder."""
    if target.kind == "file":
        return target.path + ".stats.json"
    if target.kind == "folder":
        return os.path.join(target.path, "_stats.json")
    return None
