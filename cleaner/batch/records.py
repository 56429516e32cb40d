"""The keys every batch record carries, whatever its status, so a JSONL file loads as one table.

``run.py`` builds the records (``result_record``, ``error_record``); the metadata keys come from
here: what the page says about itself (site, address, language, encoding) and what its WARC
record said (date, HTTP status). A record of an input that was not cleaned has the same keys,
empty. ``skipped_record`` is the record of a WARC response that is not a page to clean.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

from .readers import PageInput

# Record keys present in every record, in the order they are written (the README's key table).
RECORD_KEYS = ("id", "source", "url", "status", "title", "forum", "site_name", "hostname", "canonical_url",
               "engine", "encoding", "language", "text", "warc_date", "http_status")
# The internal key that carries a page's removal counts from the worker to the batch statistics;
# the statistics collector takes it out before the record is written.
REMOVAL_COUNTS_KEY = "_removal_counts"


def hostname_of(url: str | None) -> str:
    try:
        return (urlsplit(url).hostname or "") if url else ""
    except ValueError:
        return ""


def input_fields(page: PageInput) -> dict:
    """What the input itself says: the WARC record's date and HTTP status (None elsewhere)."""
    meta = page.meta or {}
    return {"warc_date": meta.get("warc_date"), "http_status": meta.get("http_status")}


def result_fields(result, page: PageInput) -> dict:
    """The page's metadata keys from its CleanResult."""
    hostname = result.hostname or hostname_of(page.url)
    return {"forum": result.forum, "site_name": result.site_name or hostname, "hostname": hostname,
            "canonical_url": result.canonical_url, "encoding": result.encoding, "language": result.language}


def empty_fields(page: PageInput) -> dict:
    """The metadata keys of a record with no CleanResult (error, skipped)."""
    hostname = hostname_of(page.url)
    return {"forum": "", "site_name": hostname, "hostname": hostname, "canonical_url": None,
            "encoding": "", "language": ""}


def ordered(record: dict) -> dict:
    """The record with the common keys first, in RECORD_KEYS order, then the status-specific ones."""
    head = {key: record.get(key) for key in RECORD_KEYS}
    head.update((key, value) for key, value in record.items() if key not in head)
    return head


def with_metadata(record: dict, page: PageInput, result=None) -> dict:
    """A record from run.py completed with the metadata keys every record has."""
    fields = result_fields(result, page) if result is not None else empty_fields(page)
    return ordered({**record, **fields, **input_fields(page)})


def skipped_record(page: PageInput) -> dict:
    """An input read but not cleaned (a WARC response that is not an HTML page with status 200):
    a result like any other, with the reason, so the batch still accounts for it."""
    record = {"id": page.id, "source": page.source, "url": page.url, "status": "skipped", "title": "",
              "engine": "", "text": "", "skip_code": page.skip_code, "skip_reason": page.skip_reason}
    return with_metadata(record, page)


def removal_label(kind: str, rule: str) -> str:
    """"kind:rule" as --explain prints it (a rule already named with its kind keeps its name)."""
    return rule if rule.startswith(f"{kind}:") else f"{kind}:{rule}"


def removal_counts(result) -> dict[str, int]:
    """Removed lines of one page per "kind:rule": what the batch statistics add up."""
    return dict(Counter(removal_label(r.kind, r.rule) for r in result.removed))
