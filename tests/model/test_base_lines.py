"""train --base default: the shipped lines plus the user's, found in a checkout or a wheel."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.model import train
from cleaner.model.base_lines import base_line_files

REPO = Path(__file__).resolve().parents[2]


def test_default_base_is_the_shipped_lines():
    files = base_line_files("default")
    assert [f.name for f in files] == sorted(p.name for p in (REPO / "samples" / "lines").glob("*.jsonl"))
    assert base_line_files("none") == [] and base_line_files(None) == []
    with pytest.raises(ValueError, match="unknown --base 'mine'"):
        base_line_files("mine")


def test_train_base_default_trains_on_shipped_plus_user_lines(tmp_path, monkeypatch):
    seen = {}
    monkeypatch.setattr(train, "train", lambda paths, output, **kw: seen.update(paths=list(paths), output=output))
    labels = tmp_path / "my_labels.jsonl"
    labels.write_text('{"text": "ad 123456", "label": "spam", "source": "review:p"}\n', encoding="utf-8")
    from cleaner import cli

    assert cli.main(["train", "--base", "default", str(labels), "-o", str(tmp_path / "m.skops")]) == 0
    assert seen["paths"] == [*base_line_files("default"), str(labels)]
    assert cli.main(["train", str(labels), "-o", str(tmp_path / "m.skops")]) == 0
    assert seen["paths"] == [str(labels)]
