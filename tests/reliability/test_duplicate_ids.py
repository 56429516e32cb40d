"""Issue 14, break 8: ids that repeat.

Before: folder output overwrote the first record of an id with the second (summary 18, files
17), and ``--resume`` skipped the second input of an id as "already done" (a fresh run gave 4
records, the resumed one 3). Now every input gets its record: the n-th file of a name is
``NAME~n.txt``, and resume uses up the output's records of an id one input at a time.
"""

from __future__ import annotations

from itertools import islice
from pathlib import Path

from rel_support import page_texts, read_records, write_jsonl

from cleaner.batch.readers import iter_pages, resolve_inputs
from cleaner.batch.run import CleanOptions, run_batch
from cleaner.batch.writers import JsonlFileWriter, TextDirWriter

OPTIONS = CleanOptions(model="none")
IDS = ["a", "b", "a", "c"]  # "a" twice, with different pages


def _input(tmp_path: Path) -> Path:
    texts = page_texts()
    return write_jsonl(tmp_path / "in.jsonl", [{"id": i, "html": texts[n]} for n, i in enumerate(IDS)],
                       ascii_escapes=False)


def _pages(src: Path, limit: int | None = None):
    return islice(iter_pages(resolve_inputs([str(src)])), limit)


def test_folder_output_keeps_both_records_of_a_repeated_id(tmp_path):
    src, out = _input(tmp_path), tmp_path / "out"
    summary = run_batch(_pages(src), TextDirWriter(str(out)), OPTIONS, in_process=True)
    files = sorted(p.name for p in out.glob("*.txt"))
    assert summary.inputs == summary.ok == 4
    assert files == ["a.txt", "a~2.txt", "b.txt", "c.txt"]
    assert (out / "a.txt").read_text(encoding="utf-8") != (out / "a~2.txt").read_text(encoding="utf-8")


def test_jsonl_resume_counts_inputs_not_ids(tmp_path):
    src, out = _input(tmp_path), tmp_path / "out.jsonl"
    fresh = tmp_path / "fresh.jsonl"
    run_batch(_pages(src), JsonlFileWriter(str(fresh)), OPTIONS, in_process=True)
    interrupted = JsonlFileWriter(str(out))  # a run stopped after its first two records
    run_batch(_pages(src, 2), interrupted, OPTIONS, in_process=True)
    Path(out).rename(str(out) + ".part")
    resumed = run_batch(_pages(src), JsonlFileWriter(str(out), resume=True), OPTIONS, in_process=True)
    assert resumed.skipped == 2 and resumed.ok == 2 and resumed.inputs == 4
    assert read_records(out) == read_records(fresh)
    assert [r["id"] for r in read_records(out)] == IDS


def test_folder_resume_counts_inputs_not_ids(tmp_path):
    src, out = _input(tmp_path), tmp_path / "out"
    run_batch(_pages(src, 3), TextDirWriter(str(out)), OPTIONS, in_process=True)  # a, b, a done
    assert sorted(p.name for p in out.glob("*.txt")) == ["a.txt", "a~2.txt", "b.txt"]
    resumed = run_batch(_pages(src), TextDirWriter(str(out), resume=True), OPTIONS, in_process=True)
    assert resumed.skipped == 3 and resumed.ok == 1
    assert sorted(p.name for p in out.glob("*.txt")) == ["a.txt", "a~2.txt", "b.txt", "c.txt"]
    run_batch(_pages(src, 1), TextDirWriter(str(out)), OPTIONS, in_process=True)  # a fresh run: rewritten
    assert sorted(p.name for p in out.glob("*.txt")) == ["a.txt", "a~2.txt", "b.txt", "c.txt"]


def test_json_folder_keeps_both_documents_of_a_repeated_id_and_resumes_by_input(tmp_path):
    from cleaner.batch.outputs import DocumentDirWriter

    src, out = _input(tmp_path), tmp_path / "json"
    run_batch(_pages(src, 3), DocumentDirWriter(str(out)), OPTIONS, in_process=True)  # interrupted after 3
    summary = run_batch(_pages(src), DocumentDirWriter(str(out), resume=True), OPTIONS, in_process=True)
    assert (summary.inputs, summary.skipped) == (4, 3)
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "a~2.json", "b.json", "c.json"]  # no lock left


def test_a_second_run_on_a_json_folder_refuses_to_start(tmp_path):
    import pytest

    from cleaner.batch.lock import OutputLockedError
    from cleaner.batch.outputs import DocumentDirWriter

    first = DocumentDirWriter(str(tmp_path / "json"))
    with pytest.raises(OutputLockedError, match=r"another run \(pid \d+\) is writing .*\.forum-cleaner\.lock"):
        DocumentDirWriter(str(tmp_path / "json"))
    first.finish()
    DocumentDirWriter(str(tmp_path / "json")).finish()
