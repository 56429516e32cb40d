"""Issue 14, break 6: damaged records in a plain ``.warc`` and a gzip member with a garbage header.

Before: a plain ``.warc`` of 5 records with one truncated in the middle gave 4 records and no
error (warcio read on into the next record: the truncated record's id and URL carried the next
record's text, and that record was gone); a gzip member whose WARC header was garbage gave an
``empty`` record with id ``file@?``, or nothing at all. Now each damaged record is one ``warc``
error input and reading resumes at the next ``WARC/1.`` header.
"""

from __future__ import annotations

import gzip
import sys
import zlib
from pathlib import Path

import pytest
from rel_support import REPO

from cleaner.batch.readers import InputSpec, read_warc

sys.path.insert(0, str(REPO))
from bench.mixed_input import write_warc  # noqa: E402

pytest.importorskip("warcio")
BODIES = [f"<html><body><p>Post number {i}: a whole sentence of forum text.</p></body></html>".encode()
          for i in range(5)]
URLS = [f"http://forum.example/t/{i}" for i in range(5)]


def _members(tmp_path: Path) -> list[bytes]:
    """Inflated records, in order: request 0, response 0, request 1, response 1, ..."""
    gz = tmp_path / "c.warc.gz"
    write_warc(gz, list(zip(URLS, BODIES)))
    data, out = gz.read_bytes(), []
    while data:
        inflater = zlib.decompressobj(31)
        out.append(inflater.decompress(data))
        data = inflater.unused_data
    return out


def _read(path: Path):
    return list(read_warc(InputSpec(str(path), "warc")))


@pytest.mark.parametrize("cut", [10, 40, 200])
def test_plain_warc_truncated_record_is_an_error_and_the_next_record_survives(tmp_path, cut):
    members = _members(tmp_path)
    members[5] = members[5][:-cut]  # response 2 loses its last bytes; its Content-Length stays
    path = tmp_path / "t.warc"
    path.write_bytes(b"".join(members))
    pages = _read(path)
    assert len(pages) == 5
    assert [p.error_code for p in pages if p.error] == ["warc"] and pages[2].error
    assert "truncated" in pages[2].error and pages[2].id.startswith(f"{path}@")
    good = [p for p in pages if not p.error]
    assert [(p.url, p.payload) for p in good] == [(u, b) for i, (u, b) in enumerate(zip(URLS, BODIES)) if i != 2]


@pytest.mark.parametrize("cut", [10, 120, 300])
def test_plain_warc_of_responses_only_a_cut_record_runs_into_the_next_and_both_are_found(tmp_path, cut):
    responses = _members(tmp_path)[1::2]  # no request records: the next record is a page
    responses[2] = responses[2][:-cut]  # no blank line left: the next "WARC/1.0" does not start a line
    path = tmp_path / "r.warc"
    path.write_bytes(b"".join(responses))
    pages = _read(path)
    assert [p.error_code if p.error else p.url for p in pages] == [*URLS[:2], "warc", *URLS[3:]]
    assert [p.payload for p in pages if not p.error] == [b for i, b in enumerate(BODIES) if i != 2]


def test_plain_warc_truncated_at_the_end_of_file_is_an_error(tmp_path):
    path = tmp_path / "t.warc"
    path.write_bytes(b"".join(_members(tmp_path))[:-60])
    pages = _read(path)
    assert [p.payload for p in pages[:4]] == BODIES[:4]
    assert len(pages) == 5 and pages[4].error_code == "warc" and "truncated" in pages[4].error


def test_gzip_member_with_a_garbage_header_is_an_error_not_an_empty_page(tmp_path):
    members = _members(tmp_path)
    bad = bytearray(members[5])
    bad[10:40] = bytes(b ^ 0x5A for b in bad[10:40])  # the WARC header lines, garbled
    path = tmp_path / "g.warc.gz"
    path.write_bytes(b"".join(gzip.compress(bytes(bad) if i == 5 else m) for i, m in enumerate(members)))
    pages = _read(path)
    assert len(pages) == 5
    assert pages[2].error_code == "warc" and "record header holds a line that is not a field" in pages[2].error
    assert not pages[2].id.endswith("@?")
    assert [p.payload for p in pages if not p.error] == [b for i, b in enumerate(BODIES) if i != 2]


def test_gzip_member_with_a_bad_content_length_is_an_error(tmp_path):
    members = _members(tmp_path)
    members[5] = members[5].replace(b"Content-Length: ", b"Content-Length: x", 1)
    path = tmp_path / "g.warc.gz"
    path.write_bytes(b"".join(gzip.compress(m) for m in members))
    pages = _read(path)
    assert len(pages) == 5 and pages[2].error_code == "warc" and "Content-Length" in pages[2].error
