"""Batch cleaning: readers, accounting over a mixed input, limits, resume, file names.

Runs the real Cleaner on real pages (tests/data/batch/pages, see SOURCES.md there). Batch
mechanics do not depend on the spam model, so most tests use rules only (``model="none"``).
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from collections import Counter
from pathlib import Path

import pytest

from cleaner.batch import limits
from cleaner.batch import run as batch
from cleaner.batch.run import CleanOptions, clean_serial, run_batch
from cleaner.batch.readers import (InputNotFoundError, InputSpec, JsonlFields, iter_pages, read_jsonl,
                                   read_warc, resolve_inputs)
from cleaner.batch.writers import (JsonlFileWriter, TextDirWriter, output_file_name, safe_file_name,
                                   scan_jsonl_ids)

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
from bench.mixed_input import build_mixed_input, write_warc  # noqa: E402

PAGES = REPO / "tests" / "data" / "batch" / "pages"
SEED_INPUT = REPO / "samples" / "seed" / "input.txt"
SEED_EXPECTED = REPO / "samples" / "seed" / "expected.txt"
RULES_ONLY = CleanOptions(model="none", max_bytes=200_000)


def page_files() -> list[Path]:
    return sorted(p for p in PAGES.rglob("*") if p.is_file())


def read_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# ---------------------------------------------------------------- readers
def test_folder_is_recursive_with_ids_relative_to_it():
    specs = resolve_inputs([str(PAGES)])
    ids = [p.id for p in iter_pages(specs)]
    assert ids == ["agreper.html", "mybb.html", "zh/discuz_archiver_gbk.html", "zh/discuz_x33.html",
                   "zh/seed_dump.txt"]


def test_glob_and_missing_path():
    specs = resolve_inputs([str(PAGES / "**" / "*.html")])
    assert len(specs) == 4 and all(s.fmt == "files" for s in specs)
    with pytest.raises(InputNotFoundError):
        resolve_inputs([str(PAGES / "nope-*.html")])


def test_jsonl_custom_fields_broken_lines_and_fallback_ids(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"doc": "d1", "body": "<p>hello</p>", "link": "http://a/1", "headers": {"Content-Type": "text/html"}}) + "\n"
        + "\n"  # blank lines are not inputs
        + '{"doc": "d2", "body": "<p>cut\n'
        + json.dumps({"body": "<p>no id</p>"}) + "\n"
        + json.dumps({"doc": "d4"}) + "\n",
        encoding="utf-8")
    fields = JsonlFields(html="body", url="link", id="doc")
    pages = list(read_jsonl(InputSpec(str(src), "jsonl"), fields))
    assert [p.error_code if p.error else "ok" for p in pages] == ["ok", "json", "ok", "json"]
    assert pages[0].id == "d1" and pages[0].url == "http://a/1" and pages[0].headers == {"Content-Type": "text/html"}
    assert pages[1].id.startswith(str(src) + "@") and pages[2].id == f"{src}@{pages[2].id.rsplit('@', 1)[1]}"
    assert "missing field 'body'" in pages[3].error


def test_jsonl_byte_range_splits_cover_every_line_once(tmp_path):
    src = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": f"r{i}", "html": "x" * (i * 7 % 50)}) for i in range(200)]
    src.write_text("\n".join(lines) + "\n")
    size = src.stat().st_size
    spec = InputSpec(str(src), "jsonl")
    for split in (1, 17, 100, 999, size):
        ids = []
        with open(src, "rb") as fh:
            for start in range(0, size, split):
                ids += [p.id for p in read_jsonl(spec, JsonlFields(), fh=fh, start=start, end=start + split)]
        assert ids == [f"r{i}" for i in range(200)], split


def test_warc_gz_corrupt_record_is_one_error_and_reading_goes_on(tmp_path):
    bodies = [p.read_bytes() for p in page_files()]
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [(f"http://forum.example/{i}", b) for i, b in enumerate(bodies)], corrupt={1})
    pages = list(read_warc(InputSpec(str(path), "warc")))
    assert len(pages) == len(bodies)  # request records are not inputs
    assert [p.error_code for p in pages if p.error] == ["warc"] and pages[1].error
    good = [p for p in pages if not p.error]
    assert [p.payload for p in good] == [b for i, b in enumerate(bodies) if i != 1]
    assert good[1].headers["Content-Type"] == "text/html; charset=gbk"  # the GBK page, header passed on
    assert all(p.id.startswith("urn:uuid:") for p in good)


def test_plain_warc_reads_every_response(tmp_path):
    bodies = [p.read_bytes() for p in page_files()]
    gz = tmp_path / "c.warc.gz"
    write_warc(gz, [(f"http://f/{i}", b) for i, b in enumerate(bodies)])
    plain = tmp_path / "c.warc"
    plain.write_bytes(gzip.decompress(gz.read_bytes()))
    pages = list(read_warc(InputSpec(str(plain), "warc")))
    assert [p.payload for p in pages] == bodies


def test_gzip_bomb_member_is_an_error_not_a_hang(tmp_path):
    from cleaner.batch.readers import iter_gzip_members

    path = tmp_path / "bomb.gz"
    path.write_bytes(gzip.compress(b"\0" * 5_000_000) + gzip.compress(b"fine"))
    with open(path, "rb") as fh:
        members = list(iter_gzip_members(fh, max_inflated=1_000_000))
    assert isinstance(members[0][1], ValueError) and members[-1][1] == b"fine"


# ---------------------------------------------------------------- cleaning + accounting
def test_seed_page_record_matches_expected_text():
    specs = resolve_inputs([str(SEED_INPUT)])
    [record] = list(clean_serial(iter_pages(specs), CleanOptions()))
    assert record["status"] == "ok" and record["engine"] == "discuz"
    assert record["text"] + "\n" == SEED_EXPECTED.read_text(encoding="utf-8")


def test_mixed_input_every_input_has_exactly_one_record(tmp_path):
    counts = build_mixed_input(tmp_path / "in", page_files(), 120, max_bytes=RULES_ONLY.max_bytes)
    out = tmp_path / "out.jsonl"
    pages = iter_pages(resolve_inputs([str(tmp_path / "in")]), max_bytes=RULES_ONLY.max_bytes)
    summary = run_batch(pages, JsonlFileWriter(str(out)), RULES_ONLY, jobs=2)
    records = read_records(out)
    n_inputs = sum(counts.values())
    assert summary.inputs == len(records) == n_inputs == 120
    assert summary.ok + summary.empty + summary.errors == n_inputs
    assert len({r["id"] for r in records}) == n_inputs
    codes = Counter(r.get("error_code") for r in records if r["status"] == "error")
    assert codes["too_large"] == counts["oversized"]
    assert codes["json"] == counts["broken_json"]
    assert codes["warc"] == counts["warc_corrupt"] == 1
    by_id = {r["id"]: r for r in records}
    assert by_id["rec-000000"]["status"] == "ok" and by_id["rec-000000"]["text"]
    assert by_id["rec-000014"]["status"] in ("empty", "error")  # an empty page is never "ok"
    assert not (tmp_path / "out.jsonl.part").exists()


def test_record_schema_with_replies_and_audit(tmp_path):
    options = CleanOptions(model="none", replies=True, audit=True)
    specs = resolve_inputs([str(PAGES / "zh" / "seed_dump.txt")])
    [record] = list(clean_serial(iter_pages(specs), options))
    assert set(record) >= {"id", "source", "url", "status", "title", "engine", "text", "posts", "removed"}
    assert any(r["kind"] == "spam" and "白癜风" in r["text"] for r in record["removed"])


def test_soft_time_limit_turns_a_slow_page_into_an_error_record():
    specs = resolve_inputs([str(PAGES / "zh" / "discuz_x33.html")])
    options = CleanOptions(model="none", timeout=1e-4)
    [record] = list(clean_serial(iter_pages(specs), options))
    assert record["status"] == "error" and record["error_code"] == "timeout"


class _StuckInC:
    """Wraps the real Cleaner; on one marked page it ignores SIGALRM and blocks, like a parser stuck
    in C code would, so only the hard (faulthandler) limit can free the worker."""

    def __init__(self, real):
        self.real = real

    def prepare(self, page, **kwargs):
        if isinstance(page, str) and page.startswith("<!--stuck-->"):
            import signal
            import time

            signal.signal(signal.SIGALRM, signal.SIG_IGN)
            time.sleep(60)
        return self.real.prepare(page, **kwargs)

    def finish_many(self, pending):
        return self.real.finish_many(pending)


def test_hard_time_limit_frees_a_stuck_worker(tmp_path, monkeypatch):
    real_make = batch.make_cleaner
    monkeypatch.setattr(batch, "make_cleaner", lambda options: _StuckInC(real_make(options)))
    monkeypatch.setattr(limits, "HARD_TIMEOUT_GRACE_S", 0.5)
    src = tmp_path / "in.jsonl"
    seed = SEED_INPUT.read_text(encoding="utf-8")
    rows = [{"id": f"p{i}", "html": ("<!--stuck-->" if i == 3 else "") + seed} for i in range(8)]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    options = CleanOptions(model="none", timeout=1.0)
    summary = run_batch(iter_pages(resolve_inputs([str(src)])), JsonlFileWriter(str(out)), options, jobs=2)
    records = {r["id"]: r for r in read_records(out)}
    assert sorted(records) == [f"p{i}" for i in range(8)]
    assert records["p3"]["status"] == "error" and records["p3"]["error_code"] == "worker"
    assert all(records[f"p{i}"]["status"] == "ok" for i in range(8) if i != 3)
    assert summary.pool_restarts >= 1


# ---------------------------------------------------------------- writers and resume
def test_resume_cuts_a_torn_last_line_and_skips_done_ids(tmp_path):
    src = tmp_path / "in.jsonl"
    seed = SEED_INPUT.read_text(encoding="utf-8")
    src.write_text("".join(json.dumps({"id": f"p{i}", "html": seed}) + "\n" for i in range(6)))
    out = tmp_path / "out.jsonl"
    part = Path(str(out) + ".part")
    first = list(clean_serial(iter_pages(resolve_inputs([str(src)])), RULES_ONLY))[:3]
    part.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in first) + '{"id": "p3", "sta',
                    encoding="utf-8")
    keys, good_end = scan_jsonl_ids(str(part))
    assert len(keys) == 3 and good_end < part.stat().st_size
    summary = run_batch(iter_pages(resolve_inputs([str(src)])), JsonlFileWriter(str(out), resume=True),
                        RULES_ONLY, jobs=1)
    ids = [r["id"] for r in read_records(out)]
    assert sorted(ids) == [f"p{i}" for i in range(6)] and len(ids) == 6
    assert (summary.inputs, summary.skipped) == (6, 3)


def test_text_dir_writes_one_file_per_input_and_resume_skips_them(tmp_path):
    out = tmp_path / "texts"
    specs = resolve_inputs([str(PAGES)])
    run_batch(iter_pages(specs), TextDirWriter(str(out)), RULES_ONLY, jobs=2)
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([safe_file_name(p.id) for p in iter_pages(specs)] + ["_errors.jsonl"])
    seed_file = out / safe_file_name("zh/seed_dump.txt")
    assert seed_file.read_text(encoding="utf-8") == SEED_EXPECTED.read_text(encoding="utf-8")
    summary = run_batch(iter_pages(specs), TextDirWriter(str(out), resume=True), RULES_ONLY, jobs=1)
    assert summary.skipped == summary.inputs == 5
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("record_id", ["../../etc/passwd", "/abs/path", "..", ".", "a/../../b", "C:\\x\\y",
                                       "http://bbs.example.com/thread-1-1.html?x=<>|", "帖子/第一页", "x" * 500, ""])
def test_safe_file_name_never_escapes_and_is_unique(record_id):
    name = safe_file_name(record_id)
    assert "/" not in name and "\\" not in name and not name.startswith(".")
    assert len(name) <= 100 and name.endswith(".txt")
    assert name != safe_file_name(record_id + "-other")


def test_url_derived_names_are_readable_safe_and_unique():
    a = output_file_name("urn:uuid:1", "http://bbs.example.com/../../thread-1.html?page=2")
    b = output_file_name("urn:uuid:2", "http://bbs.example.com/../../thread-1.html?page=2")
    assert a.startswith("bbs.example.com_") and "/" not in a and a != b


def test_plain_ids_keep_readable_names():
    assert safe_file_name("page1.html") == "page1.html.txt"
    assert safe_file_name("强省会") == "强省会.txt"
    assert safe_file_name("a/b") != safe_file_name("a_b")


def test_folder_walk_skips_annotation_sidecars(tmp_path):
    from cleaner.batch.readers import resolve_inputs

    for name in ("a.html", "a.expected.txt", "a.thread.expected.txt", "a.spam.txt", "a.meta.json", "b.txt"):
        (tmp_path / name).write_text("x")
    assert sorted(Path(s.path).name for s in resolve_inputs([str(tmp_path)])) == ["a.html", "b.txt"]


def test_a_chunk_pauses_the_garbage_collector_and_leaves_no_cycles_behind():
    """The batch path pauses the cyclic collector while it cleans a chunk (speed): that loses no
    memory only while cleaning pages leaves no reference cycles, and the caller's collector state
    comes back as it was."""
    import gc

    from cleaner.batch.readers import PageInput

    pages = sorted((REPO / "samples" / "pages").rglob("*.html"))
    options = CleanOptions(audit=True, replies=True)
    cleaner = batch.make_cleaner(options)

    def inputs():
        return [PageInput(str(i), "test", payload=p.read_bytes()) for i, p in enumerate(pages)]

    batch.clean_records(inputs(), cleaner, options)  # imports and caches first
    enabled: list = []
    prepare = cleaner.prepare

    def watched_prepare(*args, **kwargs):
        enabled.append(gc.isenabled())
        return prepare(*args, **kwargs)

    cleaner.prepare = watched_prepare
    try:
        records = batch.clean_records(inputs(), cleaner, options)
        assert gc.isenabled() and enabled == [False] * len(pages)
        gc.disable()  # the caller's choice stays, and no collection can run before the count
        gc.collect()
        gc.set_debug(gc.DEBUG_SAVEALL)  # what the collector finds is kept in gc.garbage to look at
        batch.clean_records(inputs(), cleaner, options)
        assert not gc.isenabled()
        gc.collect()
        # (only the pipeline's own objects count: other tests' threads may leave garbage too)
        ours = [o for o in gc.garbage if _made_by_the_cleaner(o)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert ours == []  # nothing of the pipeline was left for the collector
    assert len(records) == len(pages) and all(r["status"] in ("ok", "empty") for r in records)


def _made_by_the_cleaner(obj) -> bool:
    """An object of the pipeline's: of a cleaner or lxml type, or a function, frame or cell of
    cleaner's code."""
    import types

    module = getattr(type(obj), "__module__", "") or ""
    if module.startswith(("cleaner", "lxml")):
        return True
    code = getattr(obj, "__code__", None) or getattr(obj, "f_code", None)
    if isinstance(obj, (types.FunctionType, types.FrameType)) and code is not None:
        return "/cleaner/" in code.co_filename.replace("\\", "/")
    return False
