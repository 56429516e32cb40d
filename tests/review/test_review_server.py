"""forum-cleaner review: the queue (least sure first), the labels file (training format, kept over
restarts) and the server's answers to bad requests (clear 4xx, never a traceback or a file)."""

from __future__ import annotations

import http.client
import json
import shutil
from pathlib import Path

import pytest

from cleaner.model.train import read_labelled
from cleaner.report.audit import Line, PageAudit
from cleaner.report.source import audit_pages, load_spam_model
from cleaner.review.queue import LabelStore, build_queue
from cleaner.review.server import MAX_BODY_BYTES, ReviewState, serve_in_thread

REPO = Path(__file__).resolve().parents[2]
ZH = REPO / "samples" / "pages" / "zh_forum"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    for name in ("dzx3_02.html", "tb_03.html", "dzmob_03.html"):
        shutil.copy(ZH / name, folder / name)
    model = load_spam_model(None)
    return list(audit_pages([str(folder)], None, model, replies=True)), model.threshold_


@pytest.fixture
def server(pages, tmp_path):
    audits, threshold = pages
    state = ReviewState(audits, build_queue(audits, threshold), LabelStore(tmp_path / "labels.jsonl"), threshold, "m")
    srv, _ = serve_in_thread(state)
    yield srv, state
    srv.shutdown()
    srv.server_close()


def request(srv, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
    conn = http.client.HTTPConnection("127.0.0.1", srv.server_address[1], timeout=10)
    conn.request(method, path, body=body, headers={"Content-Type": "application/json", **(headers or {})})
    resp = conn.getresponse()
    data = resp.read()
    conn.close()
    return resp.status, data


def post_label(srv, item_id: str, label):
    return request(srv, "POST", "/api/label", json.dumps({"id": item_id, "label": label}).encode())


def test_the_queue_puts_disagreements_first_then_scores_near_the_threshold():
    page = PageAudit("p", lines=[Line(0, "far", model_score=0.01), Line(1, "near", model_score=0.45),
                                 Line(2, "rule ad", "spam", "spam:contact-me", model_score=0.2),
                                 Line(3, "model ad", "spam", "model:m", 0.7, model_score=0.7),
                                 Line(4, "near", model_score=0.45), Line(5, "chrome", "chrome", "nav")])
    items = build_queue([page], 0.5)
    assert [i.text for i in items] == ["rule ad", "near", "model ad", "far"]
    assert items[0].disagree and items[1].repeats == 2


def test_the_server_listens_on_loopback_only(server):
    srv, _ = server
    assert srv.server_address[0] == "127.0.0.1"


def test_a_label_is_saved_at_once_in_the_training_format_and_survives_a_restart(server, tmp_path):
    srv, state = server
    status, body = request(srv, "GET", "/api/items")
    items = json.loads(body)["items"]
    assert status == 200 and items and all(i["label"] is None for i in items)
    first, second = items[0], items[1]
    assert post_label(srv, first["id"], "spam")[0] == 200
    assert post_label(srv, second["id"], "chrome")[0] == 200
    saved = [json.loads(line) for line in (tmp_path / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["text"], e["label"], e["mark"]) for e in saved] == [(first["text"], "spam", "spam"),
                                                                  (second["text"], "genuine", "chrome")]
    assert saved[0]["source"] == f"review:{first['page']}" and saved[0]["page"] == first["page"]
    assert read_labelled([tmp_path / "labels.jsonl"]).labels.tolist() == [1, 0]  # train reads it as is
    restarted = LabelStore(tmp_path / "labels.jsonl")
    assert restarted.get(first["text"])["mark"] == "spam" and restarted.get(second["text"])["mark"] == "chrome"
    assert post_label(srv, first["id"], None)[0] == 200  # u clears
    assert [json.loads(x)["text"] for x in (tmp_path / "labels.jsonl").read_text(encoding="utf-8").splitlines()] \
        == [second["text"]]
    status, exported = request(srv, "GET", "/api/export")
    assert status == 200 and json.loads(exported)["mark"] == "chrome"


def test_context_shows_the_line_among_its_neighbours(server):
    srv, state = server
    item = state.items[0]
    status, body = request(srv, "GET", f"/api/context/{item.id}")
    ctx = json.loads(body)
    assert status == 200 and ctx["page"] == state.pages[item.page].id
    assert [line["t"] for line in ctx["lines"] if line["current"]] == [item.text]


@pytest.mark.parametrize("method,path,body,headers,status,reason", [
    ("GET", "/api/context/0000000000000000", None, {}, 404, "unknown line id"),
    ("POST", "/api/label", b'{"id": "0000000000000000", "label": "spam"}', {}, 404, "unknown line id"),
    ("POST", "/api/label", b"not json", {}, 400, "not JSON"),
    ("POST", "/api/label", b"[1, 2]", {}, 400, "must be a JSON object"),
    ("POST", "/api/label", b"\xff\xfe", {}, 400, "not JSON"),
    ("POST", "/api/label", b"{}", {"Content-Type": "text/plain"}, 415, "application/json"),
    ("POST", "/api/label", b"x" * (MAX_BODY_BYTES + 1), {}, 413, "over 65536 bytes"),
    ("GET", "/static/../../../etc/passwd", None, {}, 404, "no such file"),
    ("GET", "/static/%2e%2e/%2e%2e/queue.py", None, {}, 404, "no such file"),
    ("GET", "/static/..%2fserver.py", None, {}, 404, "no such file"),
    ("GET", "/../../etc/passwd", None, {}, 404, "no such page"),
    ("GET", "/api/items", None, {"Host": "evil.example:80"}, 403, "this server's host"),
    ("PUT", "/api/label", b"{}", {}, 405, "not allowed"),
])
def test_bad_requests_get_a_clear_4xx(server, method, path, body, headers, status, reason):
    srv, _ = server
    got, data = request(srv, method, path, body, headers)
    assert got == status
    message = json.loads(data)["error"]
    assert reason in message and "Traceback" not in message and "root:" not in message


def test_a_bad_label_value_is_refused_and_nothing_is_written(server, tmp_path):
    srv, state = server
    status, data = post_label(srv, state.items[0].id, "maybe")
    assert status == 400 and "label must be one of ['chrome', 'genuine', 'spam']" in json.loads(data)["error"]
    assert not (tmp_path / "labels.jsonl").exists()


def test_an_internal_error_answers_500_without_a_traceback(server, monkeypatch):
    srv, state = server
    monkeypatch.setattr(type(state), "listing", lambda self: 1 / 0)
    status, data = request(srv, "GET", "/api/items")
    assert status == 500 and json.loads(data) == {"error": "internal error"}


def test_a_broken_labels_file_keeps_its_good_lines(tmp_path):
    path = tmp_path / "labels.jsonl"
    path.write_text('{"text": "a", "label": "spam"}\nnot json\n{"text": "b", "label": "perhaps"}\n', encoding="utf-8")
    store = LabelStore(path)
    assert store.get("a")["mark"] == "spam" and store.get("b") is None and store.skipped == 2
