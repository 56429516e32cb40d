"""Exact metric values on small hand-made texts, and case discovery on disk."""

import json
from types import SimpleNamespace

import pytest

from cleaner.evaluate import (
    aggregate,
    evaluate_dir,
    format_report,
    iter_cases,
    normalize,
    score_case,
    threshold_failures,
)

ARTICLE = "编者按：今年以来，雨花区紧紧围绕四个争当。\n清康熙年间，安徽桐城张家吴家互让三尺墙。\n"


def test_normalize_nfkc_whitespace_and_zero_width():
    assert normalize("  Ｑ Ｑ：１２３\u200b４\t\n end  ") == "Q Q:1234 end"
    assert normalize("\u3000\u3000正文") == "正文"


def test_full_match_scores_one():
    s = score_case(ARTICLE, ARTICLE)
    assert (s.retention, s.precision, s.f1, s.spam_leaked) == (1.0, 1.0, 1.0, 0)
    assert s.expected_chars == s.output_chars == 41


def test_half_retention_is_character_weighted():
    expected = "aaaa bbbb cccc\ndddd eeee ffff gggg hhhh\n"
    s = score_case("aaaa bbbb cccc\n", expected)
    assert s.retention == pytest.approx(12 / 32)
    assert s.precision == 1.0
    assert s.f1 == pytest.approx(2 * (12 / 32) / (1 + 12 / 32))


def test_leaked_spam_counted_per_line():
    spam = ["小孩为什么会得白癜风 http://baidianfeng.39.net/a.html", "代开发票 薇信 abc123", "never there"]
    output = "小孩为什么会得白癜风   http://baidianfeng.39.net/a.html\n" + ARTICLE + "代开发票 薇信 abc123"
    s = score_case(output, ARTICLE, spam)
    assert s.spam_leaked == 2
    assert s.spam_lines == 3
    assert s.retention == 1.0
    assert s.precision == pytest.approx(41 / (41 + 10 + 32 + 12))


def test_chrome_only_output_has_zero_precision():
    s = score_case("回复\n只看该作者\n1#\n发表于 2021-3-4 12:00\nTOP", ARTICLE)
    assert s.precision == 0.0
    assert s.retention == 0.0
    assert s.f1 == 0.0


def test_chrome_lines_lower_precision_exactly():
    s = score_case("登录 注册\n" + ARTICLE + "分享 转发", ARTICLE)
    assert s.retention == 1.0
    assert s.precision == pytest.approx(41 / (41 + 4 + 4))


def test_cjk_without_spaces_partial_line_precision():
    # one output line glues a real sentence to an ad: only the sentence's characters count
    expected = "清康熙年间安徽桐城张家吴家互让三尺墙\n"
    s = score_case("清康熙年间安徽桐城张家吴家互让三尺墙加微信领红包", expected)
    assert s.retention == 1.0
    assert s.precise_chars == 18
    assert s.precision == pytest.approx(18 / 24)


def test_whitespace_and_line_split_differences_do_not_matter():
    expected = "The quick brown fox jumps over the lazy dog near the river bank.\n"
    output = "  The quick   brown fox\njumps over the lazy dog\tnear the river bank.  \n"
    s = score_case(output, expected)
    assert s.precision == 1.0
    # the expected line is one paragraph; split across lines it is still a substring of the joined output
    assert s.retention == 1.0


def test_short_genuine_reply_matches_only_as_whole_line():
    expected = "楼主说得很对，谢谢分享经验\n顶\n"
    assert score_case("顶", expected).precision == 1.0
    assert score_case("顶部", expected).precision == 0.0


def test_empty_cases():
    assert score_case("", "").f1 == 1.0
    spam_page = score_case("加V看片", "")
    assert spam_page.retention == 1.0 and spam_page.precision == 0.0
    assert score_case("", ARTICLE).f1 == 0.0


def test_aggregate_micro_and_macro():
    a = score_case("aaaa bbbb", "aaaa bbbb\ncccc dddd eeee ffff")  # 8 of 24 retained
    b = score_case("gggg hhhh", "gggg hhhh")
    agg = aggregate([a, b])
    assert agg.retention == pytest.approx(16 / 32)
    assert agg.macro_retention == pytest.approx((1 / 3 + 1) / 2)
    assert agg.min_retention == pytest.approx(1 / 3)


def _write(path, text):
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def cases_dir(tmp_path):
    forum = tmp_path / "zh_forum"
    forum.mkdir()
    (forum / "a.html").write_bytes("<p>正文第一段内容很长</p><p>回复</p>".encode("gbk"))
    _write(forum / "a.expected.txt", "正文第一段内容很长\n")
    _write(forum / "a.thread.expected.txt", "正文第一段内容很长\n顶一下楼主\n")
    _write(forum / "a.spam.txt", "代开发票\n")
    _write(forum / "a.meta.json", json.dumps({"url": "http://bbs.example.cn/thread-1-1-1.html"}))
    (forum / "no_expected.html").write_bytes(b"<p>x</p>")
    text = tmp_path / "zh_text"
    text.mkdir()
    _write(text / "seed.txt", "长岭县论坛\n正文\n")
    _write(text / "seed.expected.txt", "正文\n")
    return tmp_path


def test_iter_cases_discovers_layout(cases_dir):
    cases = iter_cases(cases_dir)
    assert [(c.set_name, c.case_id) for c in cases] == [("zh_forum", "a"), ("zh_text", "seed")]
    a = cases[0]
    assert a.spam() == ["代开发票"]
    assert a.meta()["url"].startswith("http://bbs.example.cn")
    assert a.expected_for(True) == ("正文第一段内容很长\n顶一下楼主\n", "thread")
    assert cases[1].expected_for(True) == ("正文\n", "fallback")
    assert cases[1].thread_expected_path is None
    # a single set folder works too
    assert [c.case_id for c in iter_cases(cases_dir / "zh_text")] == ["seed"]


class FakeCleaner:
    """Stands in for cleaner.Cleaner: echoes lines that are not chrome words."""

    def __init__(self, **options):
        self.options = options
        self.calls = []

    def clean(self, page, *, url=None, headers=None, replies=False):
        self.calls.append((type(page), url, replies))
        text = page.decode("gbk", errors="replace") if b"<p>" in page else page.decode("utf-8")
        lines = [x for x in text.replace("<p>", "\n").replace("</p>", "\n").splitlines() if x and x != "回复"]
        return SimpleNamespace(text="\n".join(lines))


def test_evaluate_dir_uses_public_api_and_aggregates(cases_dir):
    fake = FakeCleaner()
    report = evaluate_dir(cases_dir, fake, replies=True)
    assert fake.calls[0] == (bytes, "http://bbs.example.cn/thread-1-1-1.html", True)
    by_id = {r.case_id: r for r in report.results}
    assert by_id["a"].expected_source == "thread"
    assert by_id["a"].score.retention == pytest.approx(9 / 14)
    assert by_id["seed"].score.precision == pytest.approx(2 / 7)
    assert set(report.sets) == {"zh_forum", "zh_text"}
    assert report.overall.cases == 2
    assert "ALL" in format_report(report)
    assert threshold_failures(report, min_retention=0.99) == [f"retention {report.overall.retention:.3f} < 0.99"]
    assert threshold_failures(report, max_spam_leaked=0) == []


def test_cli_run_prints_tables_and_applies_thresholds(cases_dir, monkeypatch, capsys):
    import argparse

    import cleaner
    from cleaner import evaluate

    monkeypatch.setattr(cleaner, "Cleaner", FakeCleaner)
    parser = argparse.ArgumentParser()
    evaluate.add_parser(parser.add_subparsers())
    args = parser.parse_args(["evaluate", str(cases_dir), "--min-retention", "0.5"])
    assert args.func(args) == 0
    out = capsys.readouterr().out
    assert "zh_forum" in out and "ALL" in out
    args = parser.parse_args(["evaluate", str(cases_dir), "--json", "--min-precision", "0.99"])
    assert args.func(args) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["overall"]["cases"] == 2
    missing = parser.parse_args(["evaluate", str(cases_dir / "missing")])
    assert missing.func(missing) == 2


def test_char_retention_counts_the_matching_part_of_a_long_line():
    # one expected line per post: the reply is kept, the quote the gold keeps is not
    quote = "Earlier somebody wrote that the dock fails after replugging it twice."
    reply = "I see the same thing on my machine with the LTS kernel, so it is not only yours."
    s = score_case(reply + "\n", quote + " " + reply + "\n")
    assert s.retention == 0.0  # the line-level metric loses the whole post
    assert s.char_retention == pytest.approx(s.covered_chars / s.expected_chars)
    assert s.covered_chars == sum(1 for ch in reply if not ch.isspace())
    assert s.char_f1 == pytest.approx(2 * s.char_retention / (1 + s.char_retention))


def test_char_retention_is_one_for_lines_found_whole_and_aggregates():
    s = score_case("顶\n" + ARTICLE, "顶\n" + ARTICLE)
    assert s.char_retention == 1.0
    empty = score_case("", ARTICLE)
    a = aggregate([s, empty])
    assert a.char_retention == pytest.approx(s.expected_chars / (s.expected_chars + empty.expected_chars))
