"""The command's output contract: one meaning per format, the -o file-or-folder rule, the same
record keys everywhere, quiet pipes, -v/-q, exit codes and the batch statistics file."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import cli
from cleaner.batch.outputs import JsonArrayFileWriter, OutputTarget, OutputUsageError, resolve_output
from cleaner.batch.records import RECORD_KEYS

REPO = Path(__file__).resolve().parents[1]
PAGES = REPO / "tests" / "data" / "batch" / "pages"
SEED_INPUT = REPO / "samples" / "seed" / "input.txt"
RULES = ["--model", "none", "-j", "1"]


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "cleaner", *args], cwd=REPO, capture_output=True,
                          timeout=timeout, env=env)


# ---------------------------------------------------------------- -o: file or folder
@pytest.mark.parametrize("out, fmt, expected", [
    (None, None, ("stdout", "text")),
    (None, "jsonl", ("stdout", "jsonl")),
    ("cleaned/", None, ("folder", "text")),
    ("cleaned/", "json", ("folder", "json")),
    ("cleaned", "jsonl", ("folder", "jsonl")),  # no suffix: a folder, as before
    ("run.v2/", "jsonl", ("folder", "jsonl")),  # a dotted folder name: say so with the slash
    ("out.json", None, ("file", "json")),
    ("out.JSONL", None, ("file", "jsonl")),
    ("out.ndjson", "jsonl", ("file", "jsonl")),
    ("out.txt", None, ("file", "text")),
])
def test_the_output_rule(out, fmt, expected):
    target = resolve_output(out, fmt)
    assert (target.kind, target.format) == expected


@pytest.mark.parametrize("out, fmt, message", [
    ("out.json", "jsonl", "-o out.json names a json file but --format is jsonl: name the file *.jsonl"),
    ("out.txt", "json", "-o out.txt names a text file but --format is json: name the file *.json"),
    ("out.csv", None, "-o out.csv: no output format writes '.csv' files"),
    ("run.v2", "jsonl", "for a folder of that name, end it with /"),
])
def test_a_suffix_that_does_not_fit_is_a_usage_error(out, fmt, message):
    with pytest.raises(OutputUsageError, match=re.escape(message)):
        resolve_output(out, fmt)


def test_an_existing_folder_is_a_folder_whatever_its_name(tmp_path):
    folder = tmp_path / "texts.json"
    folder.mkdir()
    assert resolve_output(str(folder), None) == OutputTarget("folder", "text", str(folder))


def test_a_mismatch_exits_two_and_creates_nothing(tmp_path, capsys):
    out = tmp_path / "o.json"
    assert cli.main(["clean", str(PAGES), "--format", "jsonl", "-o", str(out), *RULES]) == 2
    assert "names a json file but --format is jsonl" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_txt_output_is_one_file_not_a_folder(tmp_path):
    out = tmp_path / "out.txt"
    assert cli.main(["clean", str(PAGES), "-o", str(out), *RULES]) == 0
    assert out.is_file()
    text = out.read_text(encoding="utf-8")
    assert text.count("==> ") == 5 and "==> agreper.html <==" in text


# ---------------------------------------------------------------- json and jsonl
def test_json_of_several_inputs_is_one_array_with_the_jsonl_records(capsys):
    assert cli.main(["clean", str(PAGES), "--format", "json", *RULES]) == 0
    array = json.loads(capsys.readouterr().out)
    assert cli.main(["clean", str(PAGES), "--format", "jsonl", *RULES]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(array) == 5 and array == lines


def test_json_shape_follows_the_command_line_not_the_number_of_pages(tmp_path, capsys):
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED_INPUT.read_bytes())
    assert cli.main(["clean", str(folder), "--format", "json", *RULES]) == 0
    array = json.loads(capsys.readouterr().out)
    assert isinstance(array, list) and len(array) == 1 and array[0]["id"] == "seed.txt"
    assert cli.main(["clean", str(folder / "seed.txt"), "--format", "json", *RULES]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "ok"  # one page file: one document


def test_json_of_a_page_that_fails_is_its_error_record_and_exit_one(tmp_path, capsys):
    big = tmp_path / "big.html"
    big.write_bytes(b"<p>" + b"x" * 5000 + b"</p>")
    assert cli.main(["clean", str(big), "--format", "json", "--max-bytes", "1000", *RULES]) == 1
    captured = capsys.readouterr()
    document = json.loads(captured.out)
    assert (document["status"], document["error_code"]) == ("error", "too_large") and "too_large" in captured.err


def test_json_file_holds_an_array_and_resumes(tmp_path):
    out = tmp_path / "out.json"
    assert cli.main(["clean", str(PAGES / "zh"), "-o", str(out), *RULES]) == 0
    first = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(first, list) and first and all(r["status"] == "ok" for r in first)
    # --resume with more inputs: the finished array is reopened, nothing is written twice
    assert cli.main(["clean", str(PAGES / "zh"), str(PAGES / "mybb.html"), "-o", str(out), "--resume",
                     *RULES]) == 0
    second = json.loads(out.read_text(encoding="utf-8"))
    assert [r["id"] for r in second] == [r["id"] for r in first] + [str(PAGES / "mybb.html")]


def test_json_array_writer_keeps_valid_json_of_zero_records(tmp_path):
    writer = JsonArrayFileWriter(str(tmp_path / "none.json"))
    writer.finish()
    assert json.loads((tmp_path / "none.json").read_text(encoding="utf-8")) == []


def test_json_folder_has_one_document_per_input_errors_included(tmp_path):
    big = tmp_path / "in" / "big.html"
    big.parent.mkdir()
    big.write_bytes(b"<p>" + b"x" * 200_000 + b"</p>")
    (tmp_path / "in" / "seed.txt").write_bytes(SEED_INPUT.read_bytes())
    out = tmp_path / "docs"
    assert cli.main(["clean", str(tmp_path / "in"), "-o", f"{out}/", "--format", "json", "--max-bytes", "100000",
                     *RULES]) == 0
    docs = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json") if p.name[0] != "_"}
    assert {name: d["status"] for name, d in docs.items()} == {"big.html.json": "error", "seed.txt.json": "ok"}


def test_every_record_has_the_same_keys_whatever_its_status(tmp_path, capsys):
    rows = [{"id": "a", "url": "https://bbs.example.cn/thread-9-1-1.html", "html": SEED_INPUT.read_text(encoding="utf-8")},
            {"id": "b", "html": ""}, {"id": "c"}]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert cli.main(["clean", str(src), "--format", "jsonl", *RULES]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["status"] for r in records] == ["ok", "empty", "error"]
    for record in records:
        assert list(record)[:len(RECORD_KEYS)] == list(RECORD_KEYS)
    assert (records[0]["language"], records[0]["encoding"], records[0]["forum"]) == ("zh", "", "长岭县论坛")
    assert records[0]["hostname"] == "bbs.example.cn" and records[2]["error_code"] == "json"


# ---------------------------------------------------------------- pipes, -v/-q, exit codes
def test_a_closed_pipe_ends_the_batch_quietly():
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-m", "cleaner", "clean", "samples/pages", "--format", "jsonl",
                             *RULES], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    head = proc.stdout.read(100)  # what `| head -c 100` reads before it exits
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert head.startswith(b'{"id": ') and proc.returncode == 0
    assert "cannot run" not in err and "Broken pipe" not in err and "Traceback" not in err


def test_quiet_prints_nothing_and_verbose_names_each_failed_input(tmp_path):
    big = tmp_path / "in" / "big.html"
    big.parent.mkdir()
    big.write_bytes(b"<p>" + b"x" * 200_000 + b"</p>")
    (tmp_path / "in" / "seed.txt").write_bytes(SEED_INPUT.read_bytes())
    quiet = run_cli("clean", str(tmp_path / "in"), "-o", str(tmp_path / "q.jsonl"), "--max-bytes", "100000", "-q", *RULES)
    assert quiet.returncode == 0 and quiet.stderr == b""
    loud = run_cli("clean", str(tmp_path / "in"), "-o", str(tmp_path / "v.jsonl"), "--max-bytes", "100000", "-v", *RULES)
    err = loud.stderr.decode()
    assert loud.returncode == 0
    assert "forum-cleaner: big.html: too_large: page exceeds the size limit of 100000 bytes" in err
    assert "inputs 2: ok 1, empty 0, errors 1" in err and "statistics in" in err


def test_exit_codes_every_input_failed_or_fail_on_error(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.html", "b.html"):
        (folder / name).write_bytes(b"<p>" + b"x" * 200_000 + b"</p>")
    assert cli.main(["clean", str(folder), "-o", str(tmp_path / "all_failed.jsonl"), "--max-bytes", "100000", *RULES]) == 1
    (folder / "seed.txt").write_bytes(SEED_INPUT.read_bytes())
    assert cli.main(["clean", str(folder), "-o", str(tmp_path / "some.jsonl"), "--max-bytes", "100000", *RULES]) == 0
    assert cli.main(["clean", str(folder), "-o", str(tmp_path / "strict.jsonl"), "--max-bytes", "100000",
                     "--fail-on-error", *RULES]) == 1
    with pytest.raises(SystemExit) as usage:
        cli.main(["clean", str(folder), "-q", "-v"])
    assert usage.value.code == 2


# ---------------------------------------------------------------- statistics
def test_statistics_file_adds_up_the_audit_per_rule_kind_status_and_engine(tmp_path):
    out = tmp_path / "out.jsonl"
    assert cli.main(["clean", str(PAGES), "-o", str(out), "--format", "jsonl", "--audit", "--replies", *RULES]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    stats = json.loads((tmp_path / "out.jsonl.stats.json").read_text(encoding="utf-8"))
    by_rule: dict[str, int] = {}
    for record in records:
        assert "_removal_counts" not in record
        for removal in record["removed"]:
            label = removal["rule"] if removal["rule"].startswith(removal["kind"] + ":") else \
                f"{removal['kind']}:{removal['rule']}"
            by_rule[label] = by_rule.get(label, 0) + 1
    assert stats["removed_lines"]["by_rule"] == by_rule
    assert sum(stats["removed_lines"]["by_kind"].values()) == stats["removed_lines"]["total"] == sum(by_rule.values())
    assert stats["status"] == {"ok": 5} and stats["inputs"] == 5
    engines = {}
    for record in records:
        engines[record["engine"]] = engines.get(record["engine"], 0) + 1
    assert {name: counts["ok"] for name, counts in stats["engines"].items()} == engines


def test_statistics_go_into_an_output_folder_or_where_stats_says(tmp_path, capsys):
    assert cli.main(["clean", str(PAGES), "-o", f"{tmp_path / 'texts'}/", *RULES]) == 0
    assert json.loads((tmp_path / "texts" / "_stats.json").read_text(encoding="utf-8"))["status"] == {"ok": 5}
    assert cli.main(["clean", str(PAGES), "--format", "jsonl", "--stats", str(tmp_path / "s.json"), *RULES]) == 0
    assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))["inputs"] == 5


def test_a_format_added_to_the_table_writes_stdout_a_file_and_a_folder(tmp_path, monkeypatch):
    """The slot the markdown format fills: a row in OUTPUT_FORMATS and a renderer."""
    import io

    from cleaner.batch import outputs

    monkeypatch.setitem(outputs.OUTPUT_FORMATS, "shout", outputs.OutputFormat("shout", (".shout",)))
    records = [{"id": "a/1.html", "url": None, "text": "hello"}, {"id": "b.html", "url": None, "text": "bye"}]
    renders = {"shout": lambda r: r["text"].upper() + "\n"}
    kwargs = dict(resume=False, text_render=str, stream_text_render=str, renders=renders)
    for out in (None, str(tmp_path / "all.shout"), f"{tmp_path / 'each'}/"):
        stream = io.StringIO()
        requested = None if out and out.endswith(".shout") else "shout"  # a file's suffix names its format
        writer = outputs.make_output_writer(resolve_output(out, requested), stream=stream, **kwargs)
        for record in records:
            writer.write(record)
        writer.finish()
        if out is None:
            assert stream.getvalue() == "HELLO\nBYE\n"
    assert (tmp_path / "all.shout").read_text(encoding="utf-8") == "HELLO\nBYE\n"
    files = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "each").iterdir()}
    assert files["b.html.shout"] == "BYE\n" and len(files) == 2
    assert [name for name in files if name.startswith("a_1.html-")][0].endswith(".shout")


def test_markdown_format_gives_one_md_file_per_input_with_fenced_code(tmp_path):
    pages = REPO / "tests" / "data" / "structure"
    proc = run_cli("clean", str(pages), "-o", f"{tmp_path}/md/", "--format", "markdown", "-q", *RULES)
    assert proc.returncode == 0, proc.stderr
    written = sorted(p.name for p in (tmp_path / "md").glob("*.md"))
    assert written == sorted(f"{p.name}.md" for p in pages.glob("*.html"))
    text = (tmp_path / "md" / "phpbb_codebox_lists.html.md").read_text(encoding="utf-8")
    assert text == (pages / "phpbb_codebox_lists.gold.md").read_text(encoding="utf-8")


def test_an_md_output_file_means_markdown(tmp_path):
    assert resolve_output(str(tmp_path / "thread.md"), None).format == "markdown"
