"""forum-cleaner compare: the lines whose decision changes between two models."""

from __future__ import annotations

import json
from pathlib import Path

from cleaner import cli

PAGE = Path(__file__).resolve().parents[2] / "samples" / "pages" / "zh_forum" / "dzmob_03.html"


def test_compare_lists_the_line_only_the_model_removes(capsys):
    assert cli.main(["compare", "--model", "default", "--model", "none", "--replies", str(PAGE)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"# {PAGE}",
        "  + [A spam:model:spam_model.skops 1.000 | B kept -] 真人百家乐 首存返水1.2% 24小时提款秒到账 ag-bjl888.com",
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
    assert cli.main(["compare", "--model", "default", "--model", "none", "--replies", "--json", str(PAGE)]) == 0
    changes = [json.loads(line) for line in capsys.readouterr().out.splitlines()][:-1]
    assert [(c["text"][:5], c["model_only"]) for c in changes] == [("真人百家乐", False)]


def test_model_only_flips_are_marked_and_counted_apart(monkeypatch, capsys):
    from types import SimpleNamespace

    from cleaner.report import source
    from cleaner.report.audit import Line, PageAudit

    scores = {"A": (0.8, 0.2), "B": (0.1, 0.9)}  # (line under a rule, kept line) per model

    def fake_pages(paths, name, model, **kw):
        rule_line, kept_line = scores[name]
        kept = Line(1, "kept line", model_score=kept_line) if kept_line < 0.5 else \
            Line(1, "kept line", "spam", "model:m", kept_line, model_score=kept_line)
        yield PageAudit("p", lines=[Line(0, "call 123456", "spam", "spam:contact-me", model_score=rule_line), kept])

    monkeypatch.setattr(source, "load_spam_model", lambda name, trust=False: SimpleNamespace(threshold_=0.5))
    monkeypatch.setattr(source, "audit_pages", fake_pages)
    assert cli.main(["compare", "--model", "A", "--model", "B", "x"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == ["# p",
                                "  ~ [A spam:spam:contact-me 0.800 | B spam:spam:contact-me 0.100] call 123456",
                                "  - [A kept 0.200 | B spam:model:m 0.900] kept line"]
    assert "1 lines change decision: 1 removed by B only (-), 0 kept by B only (+); on 1 more" in err
