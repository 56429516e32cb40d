"""forum-cleaner compare: the lines whose decision changes between two models."""

from __future__ import annotations

import json
from pathlib import Path

from cleaner import cli

PAGE = Path(__file__).resolve().parents[2] / "samples" / "pages" / "zh_forum" / "dzx3_02.html"


def test_compare_lists_the_line_only_the_model_removes(capsys):
    assert cli.main(["compare", "--model", "default", "--model", "none", str(PAGE)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"# {PAGE}",
        "  + [A spam:model:spam_model.skops 0.693 | B kept -] 原单奢侈品包包 工厂直销 价格只要专柜一折 V信 lux 6 6 9 0 1",
    ]
    assert ("1 lines change decision: 0 removed by B only (-), 1 kept by B only (+); on 0 more a rule decides but "
            "the model's verdict flips (~); 1 pages") in err


def test_compare_json_and_the_same_model_twice_changes_nothing(capsys):
    assert cli.main(["compare", "--model", "default", "--model", "default", "--json", str(PAGE)]) == 0
    out = capsys.readouterr().out
    assert [json.loads(line) for line in out.splitlines()] == [
        {"summary": {"changed": 0, "removed_by_b": 0, "kept_by_b": 0, "model_only": 0, "pages": 0}}]


def test_compare_needs_two_models(capsys):
    assert cli.main(["compare", "--model", "default", str(PAGE)]) == 2
    assert "give --model exactly twice" in capsys.readouterr().err


def test_without_a_second_model_only_decisions_are_compared(capsys):
    """B = rules only: B has no verdict of its own, so no `~` line (rule-removed ads A scores high)."""
    assert cli.main(["compare", "--model", "default", "--model", "none", "--json", str(PAGE)]) == 0
    changes = [json.loads(line) for line in capsys.readouterr().out.splitlines()][:-1]
    assert [(c["text"][:6], c["model_only"]) for c in changes] == [("原单奢侈品包", False)]
