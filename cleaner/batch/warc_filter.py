"""Which WARC responses are pages to clean: an HTML document served with status 200. Any other
response (a redirect, a 404 page, a script, an image) is read as ``skipped`` with its reason,
counted in the summary and the statistics, never cleaned into text and never dropped silently.
"""

from __future__ import annotations

CLEANABLE_STATUS = 200
# Content types of pages (the part before ";", lower case). A response without one is cleaned:
# the decoder decides then whether it holds HTML or a text dump.
HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def status_code(value) -> int | None:
    """warcio's status ("200", "404 Not Found" on some writers) as an int; None if unreadable."""
    try:
        return int(str(value).split()[0])
    except (ValueError, IndexError):
        return None


def warc_metadata(record) -> dict:
    """WARC-Date and the HTTP status code (None when the record has no HTTP headers)."""
    status = status_code(record.http_headers.get_statuscode()) if record.http_headers is not None else None
    return {"warc_date": record.rec_headers.get_header("WARC-Date"), "http_status": status}


def content_type(headers: dict[str, str] | None) -> str:
    for name, value in (headers or {}).items():
        if name.lower() == "content-type":
            return value.split(";", 1)[0].strip().lower()
    return ""


def skip_reason(status: int | None, headers: dict[str, str] | None) -> tuple[str, str] | None:
    """(code, reason) when a response is not a page to clean, else None."""
    if headers is not None and status != CLEANABLE_STATUS:
        return "http-status", f"HTTP status {status if status is not None else 'unreadable'}, not {CLEANABLE_STATUS}"
    kind = content_type(headers)
    if kind and kind not in HTML_CONTENT_TYPES:
        return "not-html", f"content type {kind} is not HTML"
    return None
