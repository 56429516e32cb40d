"""The page this project started from must come out exactly right, with its audit."""

import subprocess
import sys
from pathlib import Path

from cleaner import Cleaner, clean

SEED = Path(__file__).resolve().parent.parent / "samples" / "seed"
CHROME_LINES = ["长岭县论坛", "注册", "发新话题 回复该主题", "强省会聚合力雨花作为更优高质量 [复制链接]",
                "1#", "分享 转发", "TOP", "发新话题 回复该主题"]


def test_seed_text_is_exact():
    result = clean((SEED / "input.txt").read_bytes())
    assert result.text + "\n" == (SEED / "expected.txt").read_text("utf-8")


def test_seed_metadata():
    result = clean((SEED / "input.txt").read_bytes())
    assert (result.title, result.forum, result.engine, result.language) == (
        "强省会聚合力雨花作为更优高质量", "长岭县论坛", "discuz", "zh")
    assert [p.floor for p in result.posts] == [1]


def test_seed_audit_lists_spam_and_every_chrome_line():
    result = clean((SEED / "input.txt").read_bytes())
    spam_line = (SEED / "spam.txt").read_text("utf-8").strip()
    spam = [r for r in result.removed if r.kind == "spam"]
    assert [(r.text, r.rule) for r in spam] == [(spam_line, "spam:ad-keyword-url")]
    chrome = [r.text for r in result.removed if r.kind == "chrome"]
    assert chrome == CHROME_LINES


def test_seed_rules_only_and_str_input_agree():
    text = (SEED / "input.txt").read_text("utf-8")
    assert Cleaner(model=None).clean(text).text + "\n" == (SEED / "expected.txt").read_text("utf-8")


def test_seed_cli_prints_expected_exactly():
    out = subprocess.run([sys.executable, "-m", "cleaner", "clean", str(SEED / "input.txt")],
                         capture_output=True, check=True)
    assert out.stdout == (SEED / "expected.txt").read_bytes()


def test_seed_explain_lays_the_audit_over_the_text_in_page_order():
    out = subprocess.run([sys.executable, "-m", "cleaner", "clean", "--explain", str(SEED / "input.txt")],
                         capture_output=True, check=True, text=True).stdout.splitlines()
    spam_line = (SEED / "spam.txt").read_text("utf-8").strip()
    first_kept = next(i for i, line in enumerate(out) if line.startswith("  + "))
    assert out[first_kept - 1] == f"  - [spam:ad-keyword-url 1.00] {spam_line}"
    assert out[1] == "  - [chrome:page-header 1.00] 长岭县论坛"
    assert out[-1] == "  - [chrome:page-footer 1.00] 发新话题 回复该主题"  # after the last post's buttons
    kept = [line[4:] for line in out if line.startswith("  + ")]
    assert kept == (SEED / "expected.txt").read_text("utf-8").splitlines()
