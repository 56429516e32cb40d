"""Issue 14, break 10: ``train`` on bad input.

Before: a JSONL line that is not an object gave a ``TypeError`` traceback; non-UTF-8 bytes and
broken JSON gave messages naming no file and line; ``"text": null`` was trained as the string
"None"; 2 or 6 lines gave scikit-learn's raw ``n_splits`` message. Now each is one clear error
(exit 2) naming the file and line, or saying how many lines the split needs.
"""

from __future__ import annotations

import json

import pytest

from cleaner import cli

GOOD = [{"text": "加微信 abc123 办证 13812345678", "label": 1}, {"text": "谢谢楼主的分享，很有用", "label": 0}]


def _train(tmp_path, name: str, content: bytes, capsys, *extra: str) -> str:
    path = tmp_path / name
    path.write_bytes(content)
    code = cli.main(["train", str(path), "-o", str(tmp_path / "m.skops"), *extra])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err
    return err


def _jsonl(rows) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")


@pytest.mark.parametrize("line, message", [
    (b"[1, 2]", "a line must be a JSON object with text and label, not list"),
    (b'"just a string"', "a line must be a JSON object with text and label, not str"),
    (b'{"text": null, "label": 1}', "field 'text' must be a string, not null"),
    (b'{"text": "x", "label": 1', "broken JSON"),
    (b'{"text": "caf\xe9", "label": 1}', "not UTF-8 (byte 0xe9 at column 14)"),
    (b'{"label": 1}', "missing field 'text'"),
])
def test_bad_jsonl_line_is_an_error_naming_file_and_line(tmp_path, capsys, line, message):
    err = _train(tmp_path, "lines.jsonl", _jsonl(GOOD * 10) + line + b"\n", capsys)
    assert f"lines.jsonl:21: {message}" in err


def test_bad_tsv_line_names_file_and_line(tmp_path, capsys):
    err = _train(tmp_path, "lines.tsv", b"1\tspam line\n0\tgood line\nmaybe\tthird line\n", capsys)
    assert "lines.tsv:3: unknown label 'maybe'" in err
    err = _train(tmp_path, "lines.tsv", b"1\tspam line\n0\tbad \xff byte\n", capsys)
    assert "lines.tsv:2: not UTF-8 (byte 0xff at column 7)" in err


@pytest.mark.parametrize("copies", [1, 3])  # 2 and 6 lines
def test_too_few_lines_for_the_split_is_a_clear_message(tmp_path, capsys, copies):
    err = _train(tmp_path, "lines.jsonl", _jsonl(GOOD * copies), capsys, "--holdout", "0")
    assert (f"too few lines for 5-fold cross-validation: {copies} spam and {copies} genuine; "
            "each class needs at least 5") in err
    assert "n_splits" not in err
    err = _train(tmp_path, "lines.jsonl", _jsonl(GOOD * 5), capsys)  # enough for CV, not after holdout
    assert "each class needs at least 8: add lines or lower --folds (or --holdout 0)" in err
