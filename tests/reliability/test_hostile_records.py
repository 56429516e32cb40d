"""Issue 14, break 1: a lone surrogate (a ``\\ud800`` JSON escape) in a page, an id or a URL.

Before: the writer died with ``UnicodeEncodeError`` (traceback, exit 1, stray ``.tmp`` files) and
every rerun died on the same record; in ``str`` input lxml stopped at the surrogate and every
paragraph after it was silently lost. Now each becomes U+FFFD and every input gives its record.
"""

from __future__ import annotations

import os

from rel_support import RULES, read_records, run_cli, write_jsonl

import cleaner
from cleaner.batch.readers import iter_pages, resolve_inputs
from cleaner.batch.run import CleanOptions, run_batch
from cleaner.batch.writers import JsonlFileWriter, TextDirWriter

PARAS = ["The first paragraph says what the thread is about, in a whole sentence.",
         "The second paragraph holds a broken character X right here in the middle.",
         "The third paragraph, after the broken character, must survive the parse.",
         "The fourth paragraph closes the post with a last complete sentence."]


def _html(bad: str) -> str:
    body = "".join(f"<p>{p.replace('X', bad)}</p>" for p in PARAS)
    return f"<html><head><title>t</title></head><body><article>{body}</article></body></html>"


def test_str_html_with_a_lone_surrogate_keeps_every_paragraph_after_it():
    fine = cleaner.Cleaner(model=None).clean(_html("?"))
    broken = cleaner.Cleaner(model=None).clean(_html("\ud800"))
    assert PARAS[2] in fine.text and PARAS[3] in fine.text
    assert broken.text == fine.text.replace("?", "\ufffd")


def test_text_dump_with_a_lone_surrogate_keeps_the_lines_after_it():
    dump = "\n\n".join(PARAS).replace("X", "\udc80")
    result = cleaner.Cleaner(model=None).clean(dump)
    assert PARAS[3] in result.text and "\ufffd" in result.text


ROWS = [{"id": "ok-1", "html": _html("?")},
        {"id": "dump", "html": "\n\n".join(PARAS).replace("X", "\ud800")},
        {"id": "bad-id-\udfff", "url": "http://forum.example/t/\ud800", "html": _html("?")},
        {"id": "ok-2", "html": _html("!")}]


def test_batch_with_surrogates_in_text_ids_and_urls_writes_every_record(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", ROWS)
    result = run_cli("clean", str(src), "-o", str(tmp_path / "out.jsonl"), "--format", "jsonl", "-j", "1", *RULES)
    assert result.returncode == 0, result.stderr.decode()
    records = read_records(tmp_path / "out.jsonl")
    assert [r["id"] for r in records] == ["ok-1", "dump", "bad-id-\ufffd", "ok-2"]
    assert records[2]["url"] == "http://forum.example/t/\ufffd"
    assert [r["status"] for r in records] == ["ok"] * 4
    assert PARAS[3] in records[1]["text"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl", "out.jsonl.stats.json"]  # no .tmp, .part


def test_folder_output_with_surrogates_writes_a_file_per_record_and_resume_adds_nothing(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", ROWS)
    out = tmp_path / "out"
    options = CleanOptions(model="none")
    first = run_batch(iter_pages(resolve_inputs([str(src)])), TextDirWriter(str(out)), options, in_process=True)
    files = sorted(p.name for p in out.iterdir() if p.suffix == ".txt")
    assert first.ok == 4 and len(files) == 4
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    again = run_batch(iter_pages(resolve_inputs([str(src)])), TextDirWriter(str(out), resume=True), options,
                      in_process=True)
    assert again.skipped == 4 and sorted(p.name for p in out.iterdir() if p.suffix == ".txt") == files


def test_resume_after_a_surrogate_record_skips_it_instead_of_dying_again(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", ROWS)
    out = tmp_path / "out.jsonl"
    options = CleanOptions(model="none")
    run_batch(iter_pages(resolve_inputs([str(src)])), JsonlFileWriter(str(out)), options, in_process=True)
    again = run_batch(iter_pages(resolve_inputs([str(src)])), JsonlFileWriter(str(out), resume=True), options,
                      in_process=True)
    assert again.skipped == 4 and len(read_records(out)) == 4


def test_a_file_name_that_is_not_utf8_gives_its_record(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "ok.html").write_text(_html("?"), encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.html"), "w", encoding="utf-8") as fh:
        fh.write(_html("!"))  # os.walk gives its name with a lone surrogate (surrogateescape)
    out = tmp_path / "out.jsonl"
    summary = run_batch(iter_pages(resolve_inputs([str(folder)])), JsonlFileWriter(str(out)), CleanOptions(model="none"),
                        in_process=True)
    assert summary.ok == 2
    assert sorted(r["id"] for r in read_records(out)) == ["caf\ufffd.html", "ok.html"]
