"""WARC records keep their WARC-Date and HTTP status; responses that are not an HTML page served
with 200 become ``skipped`` records with the reason, counted, never cleaned, never dropped."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from cleaner.batch.readers import InputSpec, read_warc  # noqa: E402
from cleaner.batch.warc_filter import skip_reason  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
PAGE = (REPO / "tests" / "data" / "batch" / "pages" / "mybb.html").read_bytes()
NOT_FOUND = b"<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>" \
            b"<p>The requested URL was not found on this server.</p></body></html>"
SCRIPT = b"function track(){var a=document.cookie;return a.split(';').length}\nwindow.onload=track;\n"

# (url, status line, content type, body, WARC-Date)
RESPONSES = [
    ("https://community.example.org/thread/1", "200 OK", "text/html; charset=utf-8", PAGE, "2021-03-04T05:06:07Z"),
    ("https://community.example.org/thread/404", "404 Not Found", "text/html", NOT_FOUND, "2021-03-04T05:06:08Z"),
    ("https://community.example.org/static/app.js", "200 OK", "application/javascript", SCRIPT,
     "2021-03-04T05:06:09Z"),
    ("https://community.example.org/old", "301 Moved Permanently", "text/html", b"", "2021-03-04T05:06:10Z"),
]


def build_warc(path: Path, *, gzip: bool) -> None:
    """A real WARC: a request and a response record per URL, as a crawler writes them."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for url, status, ctype, body, date in RESPONSES:
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "community.example.org")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                          http_headers=request))
            headers = [("Content-Type", ctype)] + ([("Location", "/thread/1")] if status.startswith("3") else [])
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                               warc_headers_dict={"WARC-Date": date})
            writer.write_record(record)


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_pages_carry_date_and_status_and_non_pages_are_skipped_with_the_reason(tmp_path, gzip):
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    build_warc(path, gzip=gzip)
    pages = list(read_warc(InputSpec(str(path), "warc")))
    assert [(p.url.rsplit("/", 1)[1], p.meta) for p in pages] == [
        ("1", {"warc_date": "2021-03-04T05:06:07Z", "http_status": 200}),
        ("404", {"warc_date": "2021-03-04T05:06:08Z", "http_status": 404}),
        ("app.js", {"warc_date": "2021-03-04T05:06:09Z", "http_status": 200}),
        ("old", {"warc_date": "2021-03-04T05:06:10Z", "http_status": 301}),
    ]
    assert [(p.skip_code, p.skip_reason) for p in pages] == [
        ("", None),
        ("http-status", "HTTP status 404, not 200"),
        ("not-html", "content type application/javascript is not HTML"),
        ("http-status", "HTTP status 301, not 200"),
    ]
    assert pages[0].payload == PAGE and pages[1].payload is None


def test_skip_rule_cleans_html_and_pages_without_a_content_type():
    assert skip_reason(200, {"content-type": "application/xhtml+xml; charset=utf-8"}) is None
    assert skip_reason(200, {"Server": "nginx"}) is None
    assert skip_reason(None, None) is None  # no HTTP headers at all (a resource record)
    assert skip_reason(200, {"Content-Type": "text/plain"}) == ("not-html", "content type text/plain is not HTML")


def test_warc_batch_counts_skipped_records_in_summary_records_and_statistics(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    build_warc(path, gzip=True)
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-m", "cleaner", "clean", str(path), "-o", str(out), "-j", "1",
                           "--model", "none"], cwd=REPO, env=env, capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    assert "inputs 4: ok 1, empty 0, errors 0, skipped 3 (http-status=2, not-html=1)" in proc.stderr.decode()
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["status"], r["http_status"], r["warc_date"]) for r in records] == [
        ("ok", 200, "2021-03-04T05:06:07Z"), ("skipped", 404, "2021-03-04T05:06:08Z"),
        ("skipped", 200, "2021-03-04T05:06:09Z"), ("skipped", 301, "2021-03-04T05:06:10Z")]
    assert records[1]["text"] == "" and records[1]["skip_reason"] == "HTTP status 404, not 200"
    assert records[1]["hostname"] == "community.example.org"
    stats = json.loads((tmp_path / "out.jsonl.stats.json").read_text(encoding="utf-8"))
    assert stats["status"] == {"ok": 1, "skipped": 3} and stats["skip_codes"] == {"http-status": 2, "not-html": 1}


def test_skipped_records_go_beside_the_errors_in_a_text_folder(tmp_path):
    path = tmp_path / "crawl.warc"
    build_warc(path, gzip=False)
    out = tmp_path / "texts"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-m", "cleaner", "clean", str(path), "-o", f"{out}/", "-j", "1",
                           "--model", "none"], cwd=REPO, env=env, capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    assert len(list(out.glob("*.txt"))) == 1
    skipped = [json.loads(line) for line in (out / "_errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["skip_code"] for r in skipped] == ["http-status", "not-html", "http-status"]
