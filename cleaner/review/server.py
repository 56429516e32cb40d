"""The labelling page's server: the standard library's ``http.server`` on 127.0.0.1 only.

Every answer is deliberate: static files come from the package's ``static/`` folder by name
only (no path is ever joined from the request), the API answers JSON, and a bad request gets a
4xx with a one-line reason: unknown ids 404, non-JSON or malformed bodies 400, bodies over
``MAX_BODY_BYTES`` 413, a POST that is not ``application/json`` 415 (so a plain HTML form on
another site cannot post labels), a Host other than this server's 403 (DNS rebinding). An
unexpected error answers 500 with no traceback.
"""

from __future__ import annotations

import json
import sys
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any, Sequence
from urllib.parse import unquote, urlsplit

from ..report.audit import PageAudit
from .queue import MARKS, Item, LabelStore, context

HOST = "127.0.0.1"
MAX_BODY_BYTES = 64 * 1024
STATIC_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                ".css": "text/css; charset=utf-8"}
CSP = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"


class RequestError(Exception):
    """A bad request: its status and a reason the user can act on."""

    def __init__(self, status: HTTPStatus, message: str):
        super().__init__(message)
        self.status = status


@dataclass
class ReviewState:
    """What the server shows and changes: pages, the queue, the labels."""

    pages: Sequence[PageAudit]
    items: list[Item]
    labels: LabelStore
    threshold: float
    model_name: str
    by_id: dict[str, Item] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id = {item.id: item for item in self.items}

    def item(self, item_id: Any) -> Item:
        if not isinstance(item_id, str) or item_id not in self.by_id:
            raise RequestError(HTTPStatus.NOT_FOUND, f"unknown line id {str(item_id)[:40]!r}")
        return self.by_id[item_id]

    def listing(self) -> dict[str, Any]:
        return {"items": [i.to_dict(self.pages, self.labels.get(i.text)) for i in self.items],
                "threshold": self.threshold, "model": self.model_name, "labels_file": str(self.labels.path),
                "counts": self.labels.counts(), "pages": len(self.pages)}


def static_files() -> dict[str, bytes]:
    """The page's files, read once from the package: the only files the server ever sends."""
    folder = resources.files("cleaner.review").joinpath("static")
    return {entry.name: entry.read_bytes() for entry in folder.iterdir()
            if entry.is_file() and entry.name.rsplit(".", 1)[-1] in ("html", "js", "css")}


class Handler(BaseHTTPRequestHandler):
    server_version = "forum-cleaner-review"
    sys_version = ""
    state: ReviewState
    files: dict[str, bytes]
    quiet = True

    # ------------------------------------------------------------ plumbing
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        if not self.quiet:
            sys.stderr.write(f"review: {self.address_string()} {format % args}\n")

    def _send(self, status: int, body: bytes, content_type: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy", CSP)
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, value: Any, status: int = HTTPStatus.OK) -> None:
        self._send(status, json.dumps(value, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def _dispatch(self, method: str) -> None:
        try:
            self._check_host()
            getattr(self, f"_{method}")(urlsplit(self.path).path)
        except RequestError as exc:
            self.close_connection = True
            self._json({"error": str(exc)}, exc.status)
        except Exception as exc:  # never a traceback to the client
            sys.stderr.write(f"review: internal error on {self.command} {self.path[:100]}: {type(exc).__name__}\n")
            self._json({"error": "internal error"}, HTTPStatus.INTERNAL_SERVER_ERROR)

    def _check_host(self) -> None:
        port = self.server.server_address[1]
        allowed = {f"{HOST}:{port}", f"localhost:{port}"}
        if self.headers.get("Host", "") not in allowed:
            raise RequestError(HTTPStatus.FORBIDDEN, "requests must name this server's host (127.0.0.1)")

    def do_GET(self) -> None:
        self._dispatch("get")

    def do_HEAD(self) -> None:
        self._dispatch("get")

    def do_POST(self) -> None:
        self._dispatch("post")

    def _not_allowed(self) -> None:
        self._json({"error": f"method {self.command} not allowed"}, HTTPStatus.METHOD_NOT_ALLOWED)

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _not_allowed

    # ------------------------------------------------------------ routes
    def _get(self, path: str) -> None:
        if path in ("/", "/index.html"):
            return self._static("review.html")
        if path == "/favicon.ico":
            return self._send(HTTPStatus.NO_CONTENT, b"", "image/x-icon")
        if path.startswith("/static/"):
            return self._static(unquote(path[len("/static/"):]))
        if path == "/api/items":
            return self._json(self.state.listing())
        if path.startswith("/api/context/"):
            item = self.state.item(unquote(path[len("/api/context/"):]))
            return self._json(context(self.state.pages, item))
        if path == "/api/export":
            return self._send(HTTPStatus.OK, self.state.labels.export(), "application/x-ndjson; charset=utf-8",
                              {"Content-Disposition": f'attachment; filename="{self.state.labels.path.name}"'})
        raise RequestError(HTTPStatus.NOT_FOUND, f"no such page: {path[:100]}")

    def _static(self, name: str) -> None:
        body = self.files.get(name)  # a name from the folder listing, or nothing: no path joins
        if body is None:
            raise RequestError(HTTPStatus.NOT_FOUND, f"no such file: {name[:100]}")
        suffix = "." + name.rsplit(".", 1)[-1]
        self._send(HTTPStatus.OK, body, STATIC_TYPES[suffix])

    def _post(self, path: str) -> None:
        if path != "/api/label":
            raise RequestError(HTTPStatus.NOT_FOUND, f"no such endpoint: {path[:100]}")
        body = self._read_json()
        if not isinstance(body, dict):
            raise RequestError(HTTPStatus.BAD_REQUEST, 'the body must be a JSON object {"id": ..., "label": ...}')
        item = self.state.item(body.get("id"))
        mark = body.get("label")
        if mark is not None and mark not in MARKS:
            raise RequestError(HTTPStatus.BAD_REQUEST, f"label must be one of {sorted(MARKS)} or null")
        self.state.labels.set(item, self.state.pages[item.page], mark)
        self._json({"id": item.id, "label": mark, "counts": self.state.labels.counts()})

    def _read_json(self) -> Any:
        if self.headers.get("Content-Type", "").split(";")[0].strip().lower() != "application/json":
            raise RequestError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "the body must be sent as application/json")
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            raise RequestError(HTTPStatus.LENGTH_REQUIRED, "a Content-Length is required")
        if int(length) > MAX_BODY_BYTES:
            raise RequestError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"the body is over {MAX_BODY_BYTES} bytes")
        raw = self.rfile.read(int(length))
        try:
            return json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise RequestError(HTTPStatus.BAD_REQUEST, "the body is not JSON") from None


def make_server(state: ReviewState, port: int = 0, *, quiet: bool = True) -> ThreadingHTTPServer:
    """A server bound to 127.0.0.1 (port 0: any free port); call ``serve_forever``."""
    handler = type("ReviewHandler", (Handler,), {"state": state, "files": static_files(), "quiet": quiet})
    server = ThreadingHTTPServer((HOST, port), handler)
    server.daemon_threads = True
    return server


def serve_in_thread(state: ReviewState, port: int = 0) -> tuple[ThreadingHTTPServer, threading.Thread]:
    """For tests and scripts: the server running in a daemon thread."""
    server = make_server(state, port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread
