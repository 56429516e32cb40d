"""forum-cleaner report: one self-contained HTML file from pages or from a jsonl --audit output."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from cleaner import cli
from cleaner.report.audit import Line, PageAudit, lines_from_record, page_of_record
from cleaner.report.build import choose_detail, render, script_json

REPO = Path(__file__).resolve().parents[2]
ZH = REPO / "samples" / "pages" / "zh_forum"
PAGES = ("dzmob_02.html", "dzx3_02.html", "tb_03.html", "dzmob_03.html")


@pytest.fixture(scope="module")
def pages_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    for name in PAGES:
        shutil.copy(ZH / name, folder / name)
    return folder


def report_data(html: str) -> dict:
    block = re.search(r'<script id="report-data" type="application/json">(.*?)</script>', html, re.S).group(1)
    return json.loads(block)


def test_report_from_pages_is_one_file_that_fetches_nothing(pages_dir, tmp_path):
    out = tmp_path / "report.html"
    assert cli.main(["report", str(pages_dir), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "default-src 'none'" in html  # the page's own CSP forbids any fetch
    assert not re.search(r'<(script|link|img)[^>]+(src|href)=', html)
    assert "<svg id=\"histogram\"" in html
    data = report_data(html)
    assert [row["id"] for row in data["pages"]] == ["dzx3_02.html", "dzmob_02.html", "tb_03.html", "dzmob_03.html"]
    assert [row["spam"] for row in data["pages"]] == [2, 1, 0, 0]  # then by lines removed
    first = data["pages"][0]
    named = next(line for line in first["lines"] if line["t"].startswith("原单奢侈品包包"))
    assert named["k"] == "spam" and named["r"] == "spam:wechat-homophone" and named["m"] > 0.5  # a rule, and the model agrees


def test_report_from_jsonl_audit_places_kept_lines_in_page_order(pages_dir, tmp_path):
    records = tmp_path / "out.jsonl"
    assert cli.main(["clean", str(pages_dir), "--format", "jsonl", "--audit", "-o", str(records), "--jobs", "1",
                     "--no-progress"]) == 0
    out = tmp_path / "report.html"
    assert cli.main(["report", str(records), "-o", str(out)]) == 0
    row = next(r for r in report_data(out.read_text(encoding="utf-8"))["pages"] if r["id"] == "dzmob_02.html")
    kinds = [(line["p"], line["k"]) for line in row["lines"] if line["p"] >= 0][:9]
    assert kinds == [(0, "chrome"), (1, "chrome"), (2, "chrome"), (3, "chrome"), (4, "kept"), (5, "kept"),
                     (6, "kept"), (7, "spam"), (8, "reply")]
    assert [line.get("post") for line in row["lines"] if line["k"] == "kept"] == [0, 0, 0]
    spam = next(line for line in row["lines"] if line["k"] == "spam")
    assert spam["r"] == "spam:ad-keyword-url" and spam["m"] > 0.9  # rescored by the model


def test_records_are_read_by_key_name_and_unknown_keys_are_ignored():
    record = {"id": "p", "status": "ok", "text": "a\nb", "future_key": {"x": 1}, "forum": "Example BBS",
              "removed": [{"text": "nav", "kind": "chrome", "rule": "outside-post", "position": 0, "post": None,
                           "extra": 5},
                          {"text": "ad", "kind": "spam", "rule": "model:m.skops", "score": 0.8, "position": 2,
                           "post": 0}]}
    page = page_of_record(record)
    assert [(ln.position, ln.text, ln.kind) for ln in page.lines] == [(0, "nav", "chrome"), (1, "a", "kept"),
                                                                     (2, "ad", "spam"), (3, "b", "kept")]
    assert page.site == "Example BBS"
    assert page_of_record({"id": "q", "status": "error", "error": "binary"}).lines == []


def test_posts_with_positions_place_kept_lines_exactly():
    record = {"id": "p", "status": "ok", "text": "x", "posts": [{"text": "a\nb", "positions": [3, 1]}],
              "removed": [{"text": "head", "kind": "chrome", "rule": "r", "position": 0, "post": 0}]}
    assert [(ln.position, ln.text) for ln in lines_from_record(record)] == [(0, "head"), (1, "b"), (3, "a")]


def test_large_batches_include_the_lines_of_a_sample_and_say_so():
    pages = [PageAudit(f"p{i:05d}", engine="discuz", lines=[Line(0, f"line {i}")] +
                       ([Line(1, "ad", "spam", "spam:x")] if i % 100 == 0 else [])) for i in range(10_000)]
    detail = choose_detail(pages, 1000)
    assert len(detail) == 1000 and all(i in detail for i in range(0, 10_000, 100))  # every spam page
    html = render(pages, threshold=0.5, model_name="m", inputs=["x"], detail_pages=1000)
    data = report_data(html)
    assert len(data["pages"]) == 10_000 and sum("lines" in row for row in data["pages"]) == 1000
    assert "Lines are included for 1000 of 10000 pages" in html


def test_text_cannot_close_the_data_script():
    assert "</script>" not in script_json({"t": "</script><script>alert(1)</script>"})
    assert json.loads(script_json({"t": "</script>\u2028"})) == {"t": "</script>\u2028"}


def test_missing_input_is_a_clear_error(tmp_path, capsys):
    assert cli.main(["report", str(tmp_path / "nothing"), "-o", str(tmp_path / "r.html")]) == 2
    assert "forum-cleaner report:" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()


def test_records_with_every_line_are_read_as_they_are():
    """`--explain` records (and later schemas) carry `lines`: kept and removed lines in page order."""
    record = {"id": "p", "status": "ok", "text": "a", "lines": [
        {"position": 1, "kept": True, "text": "a", "model_score": 0.25},
        {"position": 0, "kept": False, "text": "nav", "kind": "chrome", "rule": "outside-body", "score": 1.0,
         "post": 0}]}
    lines = page_of_record(record).lines
    assert [(ln.text, ln.kind, ln.post, ln.model_score) for ln in lines] == [("nav", "chrome", 0, None),
                                                                          ("a", "kept", 0, 0.25)]


def test_records_without_an_audit_are_shown_with_a_warning(tmp_path, capsys):
    records = tmp_path / "out.jsonl"
    records.write_text(json.dumps({"id": "p", "status": "ok", "text": "只有正文"}, ensure_ascii=False) + "\n",
                       encoding="utf-8")
    assert cli.main(["report", str(records), "-o", str(tmp_path / "r.html"), "--model", "none"]) == 0
    assert "warning: these records have no audit ('removed')" in capsys.readouterr().err
    assert report_data((tmp_path / "r.html").read_text(encoding="utf-8"))["pages"][0]["kept"] == 1
