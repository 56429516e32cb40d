"""Markdown output: result.to_markdown(), clean(page, output="markdown"), Cleaner(output=...),
`--format markdown`; and the plain text keeps code lines, table rows and list items as lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import Cleaner, clean
from cleaner.cli import main
from cleaner.markdown import escape_line, render_code, render_lines, render_table
from cleaner.result import CODE, LIST_ITEM, CleanResult, Post, Shape

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "structure"
PAGES = ["discuz_code_table", "phpbb_codebox_lists", "discourse_table_headings"]


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()  # the shipped model too: code lines are not its to judge


def gold(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8").rstrip("\n")


@pytest.mark.parametrize("name", PAGES)
def test_plain_text_keeps_code_rows_and_items_as_lines(cleaner, name):
    page = (DATA / f"{name}.html").read_bytes()
    assert cleaner.clean(page).text == gold(f"{name}.gold.txt")
    assert cleaner.clean(page, replies=True).text == gold(f"{name}.thread.gold.txt")


@pytest.mark.parametrize("name", PAGES)
def test_markdown_output_matches_the_expected_document(cleaner, name):
    page = (DATA / f"{name}.html").read_bytes()
    assert cleaner.clean(page, output="markdown").text == gold(f"{name}.gold.md")
    assert cleaner.clean(page, replies=True, output="markdown").text == gold(f"{name}.thread.gold.md")


def test_markdown_has_fences_tables_lists_and_one_section_per_post(cleaner):
    result = cleaner.clean((DATA / "discuz_code_table.html").read_bytes(), replies=True)
    md = result.to_markdown()
    assert md.startswith("## Post 1 — 林小舟, 2024-5-18 21:07\n\n")
    assert "\n## Post 2 — 老码农, 2024-5-18 22:15\n" in md and "\n## Post 3 — 林小舟, 2024-5-19 08:02\n" in md
    assert "```\nimport time\n\ndef read_temp(" in md and "        return int(f.read()) / 1000\n" in md
    assert "| 项目 | 版本 | 备注 |\n| --- | --- | --- |\n| 系统 | Raspberry Pi OS 12 | 64 位 |" in md
    assert "1. 把 python3 换成绝对路径 /usr/bin/python3\n2. 在 crontab 里加上 SHELL=/bin/bash" in md
    assert "复制代码" not in md and "复制代码" not in result.text
    assert [(r.text, r.rule) for r in result.removed if r.text == "复制代码"] == [("复制代码", "discuz:copy-code")] * 2


def test_first_post_markdown_has_no_section_heading(cleaner):
    md = cleaner.clean((DATA / "discourse_table_headings.html").read_bytes(), output="markdown").text
    assert not md.startswith("## Post") and md.startswith("We run one Postgres 15 server")
    assert "\n## Current setup\n" in md  # an <h2> stays level 2 outside sections


def test_code_block_headers_are_chrome(cleaner):
    result = cleaner.clean((DATA / "phpbb_codebox_lists.html").read_bytes())
    assert "Code: Select all" not in result.text
    assert [r.rule for r in result.removed if r.text == "Code: Select all"] == ["chrome:code-header"] * 2


def test_output_option_of_clean_and_cleaner():
    page = (DATA / "discourse_table_headings.html").read_bytes()
    plain = clean(page, replies=True)
    md = clean(page, replies=True, output="markdown")
    assert md.text == plain.to_markdown() and md.text != plain.text
    assert [p.text for p in md.posts] == [p.text for p in plain.posts]  # posts stay plain
    assert Cleaner(model=None, output="markdown").clean(page).text == gold("discourse_table_headings.gold.md")
    with pytest.raises(ValueError, match="output must be one of text, markdown, not 'html'"):
        Cleaner(model=None, output="html")
    with pytest.raises(ValueError, match="output must be one of text, markdown, not 'md'"):
        clean(page, output="md")


def test_structure_stays_out_of_the_json_record():
    result = clean((DATA / "discuz_code_table.html").read_bytes(), replies=True)
    assert result.shapes and result.thread
    record = json.loads(result.to_json())
    assert "shapes" not in record and "thread" not in record
    assert set(record) == {"text", "title", "forum", "engine", "encoding", "language", "posts", "removed",
                           "spam_score", "url", "empty_reason", "canonical_url", "hostname", "site_name"}
    assert set(record["posts"][0]) == {"floor", "author", "date", "date_iso", "text", "positions"}


def test_a_text_dump_is_paragraphs_only():
    result = clean((ROOT / "samples" / "seed" / "input.txt").read_bytes())
    assert result.text and all(shape is None for shape in result.shapes[0])
    assert result.to_markdown() == "\n\n".join(escape_line(line) for line in result.text.split("\n"))


def test_code_lines_are_not_judged_by_chrome_vocabulary_or_the_model(cleaner):
    """"#2", "Reply", "Powered by ..." are chrome as lines of prose and kept as lines of code."""
    lines = ["#2", "Reply", "Powered by Flask and SQLite"]
    post = ("<p>Here is the log and the footer template:</p><pre>{}</pre><p>{}</p>"
            .format("\n".join(lines), "</p><p>".join(lines)))
    page = ("<html><head><meta name='generator' content='Discourse 3.2.1'></head><body>"
            "<div class='topic-body crawler-post'><span itemprop='author'><span itemprop='name'>ann</span></span>"
            f"<div class='post' itemprop='articleBody'>{post}</div></div></body></html>")
    result = cleaner.clean(page)
    assert result.text.split("\n") == ["Here is the log and the footer template:", *lines]
    assert [r.rule for r in result.removed if r.text in lines] == [
        "discourse:chrome-line", "discourse:chrome-line", "chrome:powered-by"]


def test_render_helpers():
    assert escape_line("1. not a list") == "1\\. not a list"
    assert escape_line("# not a heading") == "\\# not a heading"
    assert escape_line("- not an item") == "\\- not an item"
    assert escape_line("2024 was a year") == "2024 was a year"
    code = Shape(CODE, group=1)
    assert render_code([("x = '```'", code)]) == "````\nx = '```'\n````"
    assert render_table(["a\tb|c", "1"]) == "| a | b\\|c |\n| --- | --- |\n| 1 |  |"
    items = [("top", Shape(LIST_ITEM, level=1, group=1, index=1, ordered=True)),
             ("inner", Shape(LIST_ITEM, level=2, group=2, index=1)),
             ("more of inner", Shape(LIST_ITEM, level=2, group=2, index=1)),
             ("next", Shape(LIST_ITEM, level=1, group=3, index=2, ordered=True))]
    assert render_lines([t for t, _ in items], [s for _, s in items]) == [
        "1. top\n   - inner\n\n     more of inner\n2. next"]


def test_one_post_in_replies_mode_has_no_section_heading():
    post = Post(3, "ann", "2024-01-02", "only reply", [5])
    assert CleanResult(text="only reply", posts=[post], shapes=[[None]], thread=True).to_markdown() == "only reply"
    two = CleanResult(text="a\n\nb", posts=[Post(1, "ann", "", "a", [0]), Post(None, "", "", "b", [1])],
                      shapes=[[None], [None]], thread=True)
    assert two.to_markdown() == "## Post 1 — ann\n\na\n\n## Post 2\n\nb"


def test_empty_result_renders_empty():
    assert CleanResult().to_markdown() == ""
    result = CleanResult(text="a", posts=[Post(None, "", "", "a", [0])])
    assert result.to_markdown() == "a"  # no shapes recorded: a paragraph


def test_cli_format_markdown(capsys):
    assert main(["clean", str(DATA / "phpbb_codebox_lists.html"), "--format", "markdown", "--replies",
                 "--model", "none"]) == 0
    assert capsys.readouterr().out == gold("phpbb_codebox_lists.thread.gold.md") + "\n"


def test_cli_markdown_into_a_folder(tmp_path):
    out = tmp_path / "md"
    assert main(["clean", str(DATA / "discuz_code_table.html"), str(DATA / "discourse_table_headings.html"),
                 "--format", "markdown", "--model", "none", "-o", str(out), "--jobs", "1"]) == 0
    written = {p.name: p.read_text(encoding="utf-8") for p in out.iterdir() if p.suffix != ".jsonl"}
    for name in ("discourse_table_headings", "discuz_code_table"):  # (file names: writers.py decides)
        assert [text for file, text in written.items() if name in file] == [gold(f"{name}.gold.md") + "\n"]


def test_include_title_leads_the_markdown_as_a_heading():
    page = (DATA / "phpbb_codebox_lists.html").read_bytes()
    plain = clean(page, include_title=True)
    markdown = clean(page, include_title=True, output="markdown")
    assert plain.text.split("\n")[0] == plain.title == "nginx returns 502 after upgrading php-fpm"
    assert markdown.text.startswith(f"# {plain.title}\n\n")
    assert not clean(page, output="markdown").text.startswith("# ")
